-- Ingestion speed (ADR 0023): every query on mention_match names a watchlist and a time range (series, share of
-- voice, spikes, the watchlist filter of mentions and of breakdowns), so the primary key serves them all once it
-- carries institution_id and exercise_id: series stay index-only scans, filtered on the index tuple. The institution
-- index (which no query used) and V40's series index go, two index entries fewer per matched watchlist of every
-- ingested mention (~16 per mention with broad watchlists).
ALTER TABLE mention_match DROP CONSTRAINT mention_match_pkey;
ALTER TABLE mention_match ADD CONSTRAINT mention_match_pkey PRIMARY KEY (watchlist_id, published_at, mention_id)
    INCLUDE (institution_id, exercise_id);
DROP INDEX mention_match_series_idx;
DROP INDEX mention_match_institution_idx;

-- Most mentions match no known hoax, yet each stored an "empty array" entry in the GIN index over hoax_ids. Only
-- flagged mentions are indexed now; the hoax filter of mentions states the same condition, so it still uses it.
DROP INDEX mention_hoaxes_idx;
CREATE INDEX mention_hoaxes_idx ON mention USING gin (hoax_ids) WHERE cardinality(hoax_ids) > 0;
