-- Ingestion speed (issue 4 item 10): the full-text vector was three to_tsvector per row (French, English and the
-- accent-free simple form), which made up most of the cost of inserting a mention. It is now one: the accent-free
-- text stemmed in the mention's own language (French, English, else no stemming). Queries fold accents and ask the
-- three forms (see MentionRepository), so "hopital", "hôpitaux" and "l'hôpital" still find each other.
ALTER TABLE mention DROP COLUMN search_vector;
ALTER TABLE mention ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    CASE language WHEN 'fr' THEN to_tsvector('french', text_folded)
                  WHEN 'en' THEN to_tsvector('english', text_folded)
                  ELSE to_tsvector('simple', text_folded) END) STORED;
CREATE INDEX mention_search_idx ON mention USING gin (search_vector);
