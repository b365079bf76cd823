-- The queue sorted newest first (sort=newest), also under filters the other indexes cannot order, such as a
-- security class: walking this index backwards finds a page without sorting the whole table.
CREATE INDEX feedback_v1_newest ON read_model.feedback_v1 (submitted_at, feedback_id);
