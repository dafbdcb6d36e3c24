-- Every sort the mention list offers is read in order from an index, so a page costs the same however many mentions
-- the institution holds (ADR 0022). Ties break on id in the sort's direction, hence id as the last key column.
DROP INDEX mention_published_idx;
CREATE INDEX mention_published_idx ON mention (institution_id, published_at, id);
CREATE INDEX mention_ingested_idx ON mention (institution_id, ingested_at, id);
CREATE INDEX mention_likes_idx ON mention (institution_id, likes, id);
CREATE INDEX mention_shares_idx ON mention (institution_id, shares, id);
CREATE INDEX mention_views_idx ON mention (institution_id, views, id);
CREATE INDEX mention_engagement_idx ON mention (institution_id, (likes + shares + comments), id);
