-- Exercise data (issue 9) is marked from end to end so that it never counts in real analytics, KPIs or the
-- shared hoax registry, and can be deleted as a whole. Sentiment feeds the NEGATIVE_SHARE KPI.
ALTER TABLE mention ADD COLUMN exercise_id uuid;
-- -1 negative, 0 neutral, 1 positive; null when the text was not scored
ALTER TABLE mention ADD COLUMN sentiment smallint;
ALTER TABLE mention_match ADD COLUMN exercise_id uuid;
ALTER TABLE alert ADD COLUMN exercise_id uuid;
ALTER TABLE hoax ADD COLUMN exercise_id uuid;
ALTER TABLE watchlist ADD COLUMN exercise_id uuid;

CREATE INDEX mention_exercise_idx ON mention (institution_id, exercise_id) WHERE exercise_id IS NOT NULL;
CREATE INDEX alert_exercise_idx ON alert (institution_id, exercise_id) WHERE exercise_id IS NOT NULL;
