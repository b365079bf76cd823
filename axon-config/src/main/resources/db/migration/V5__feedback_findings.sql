-- Why each item carries its classes: the classifier's findings (rule and matched text per class) as a JSON array.
-- Items classified before findings were recorded, and operators' overrides, have none.
ALTER TABLE read_model.feedback_v1 ADD COLUMN findings TEXT NOT NULL DEFAULT '[]';
