-- Filtering mentions by watchlist reads mention_match (its primary key starts with watchlist_id), which holds the
-- same (mention, watchlist) pairs: the GIN index over mention.matched_watchlists cost every ingested mention one
-- entry per matched watchlist and served nothing else (ADR 0020).
DROP INDEX mention_watchlists_idx;
