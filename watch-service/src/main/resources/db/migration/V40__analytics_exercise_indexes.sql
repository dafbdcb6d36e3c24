-- Analytics read real data only (exercise_id IS NULL) unless one exercise is asked for (ADR 0014).
-- The daily/hourly series of a watchlist is an index-only scan of this partial covering index: the planner proves
-- "exercise_id IS NULL" from the index predicate and reads institution_id from the index, never the heap.
CREATE INDEX mention_match_series_idx ON mention_match (watchlist_id, published_at) INCLUDE (institution_id)
    WHERE exercise_id IS NULL;
-- Breakdowns over mention (platforms, authors, hashtags, terms, sentiment) scan real data by institution and time.
CREATE INDEX mention_real_published_idx ON mention (institution_id, published_at) INCLUDE (platform, sentiment)
    WHERE exercise_id IS NULL;
-- Deleting or charting one exercise finds its rows directly.
CREATE INDEX mention_match_exercise_idx ON mention_match (institution_id, exercise_id) WHERE exercise_id IS NOT NULL;
CREATE INDEX hoax_exercise_idx ON hoax (institution_id, exercise_id) WHERE exercise_id IS NOT NULL;
CREATE INDEX watchlist_exercise_idx ON watchlist (institution_id, exercise_id) WHERE exercise_id IS NOT NULL;
-- An exercise hoax is never published to other institutions, whatever the code path.
ALTER TABLE hoax ADD CONSTRAINT hoax_exercise_never_shared CHECK (exercise_id IS NULL OR NOT shared);
