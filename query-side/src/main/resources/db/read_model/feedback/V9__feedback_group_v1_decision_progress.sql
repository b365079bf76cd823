-- Group decisions reach their members asynchronously (issue 11): the group's row shows how far the last one has
-- come. All null for a decision taken before, which was applied within its request.
ALTER TABLE read_model.feedback_group_v1
    ADD COLUMN decision_sequence   BIGINT,
    ADD COLUMN decision_members    INTEGER,
    ADD COLUMN decision_changed    INTEGER,
    ADD COLUMN decision_left_alone INTEGER,
    ADD COLUMN decision_finished   BOOLEAN;
