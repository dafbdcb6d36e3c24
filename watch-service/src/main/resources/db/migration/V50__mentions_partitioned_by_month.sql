-- Mentions stored by month of publication (issue 17 item 5, ADR 0031): mention and mention_match are partitioned by
-- range of published_at, one partition per UTC month, so that the platform's retention drops whole months and that
-- analytics and lists read only the months they ask for. Keys of a partitioned table must hold the partition key:
-- the primary key becomes (id, published_at) and the deduplication key (institution, platform, external id,
-- published_at); mention_match's key already held published_at. No default partition: the service refuses a mention
-- published before the retention horizon, keeps partitions from that horizon to a few months ahead, and detaches
-- expired months CONCURRENTLY, which PostgreSQL allows only without a default partition.

-- Creates the month's partitions of mention and mention_match if missing (idempotent; replicas serialise on an
-- advisory lock). Answers whether it created any. The service calls it ahead of time (MentionPartitions).
CREATE FUNCTION mention_partitions_create(month date) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    first_day date := date_trunc('month', month)::date;
    suffix text := to_char(date_trunc('month', month), '"p"YYYY_MM');
    lower_bound text := to_char(date_trunc('month', month), 'YYYY-MM-DD') || ' 00:00:00+00';
    upper_bound text := to_char(date_trunc('month', month) + interval '1 month', 'YYYY-MM-DD') || ' 00:00:00+00';
    parent text;
    created boolean := false;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('vigie.mention_partitions'));
    FOREACH parent IN ARRAY ARRAY['mention', 'mention_match'] LOOP
        IF to_regclass(parent || '_' || suffix) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                           parent || '_' || suffix, parent, lower_bound, upper_bound);
            created := true;
        END IF;
    END LOOP;
    RETURN created;
END $$;

-- The old tables step aside, with their key and index names freed for the new ones.
ALTER TABLE mention RENAME TO mention_unpartitioned;
ALTER TABLE mention_unpartitioned DROP CONSTRAINT mention_pkey;
ALTER TABLE mention_unpartitioned DROP CONSTRAINT mention_external_key;
DROP INDEX mention_published_idx, mention_ingested_idx, mention_likes_idx, mention_shares_idx, mention_views_idx,
    mention_engagement_idx, mention_search_idx, mention_author_idx, mention_exercise_idx, mention_real_published_idx,
    mention_hoaxes_idx;
ALTER TABLE mention_match RENAME TO mention_match_unpartitioned;
ALTER TABLE mention_match_unpartitioned DROP CONSTRAINT mention_match_pkey;
DROP INDEX mention_match_exercise_idx;

CREATE TABLE mention (
    id                 uuid          NOT NULL,
    institution_id     varchar(63)   NOT NULL,
    platform           varchar(32)   NOT NULL,
    external_id        varchar(200)  NOT NULL,
    url                varchar(2000),
    author_handle      varchar(200),
    author_name        varchar(300),
    author_followers   bigint,
    author_created_at  timestamptz,
    text               text          NOT NULL,
    text_folded        text          NOT NULL,
    language           varchar(8)    NOT NULL,
    language_detected  boolean       NOT NULL,
    published_at       timestamptz   NOT NULL,
    ingested_at        timestamptz   NOT NULL,
    likes              bigint        NOT NULL DEFAULT 0,
    shares             bigint        NOT NULL DEFAULT 0,
    comments           bigint        NOT NULL DEFAULT 0,
    views              bigint        NOT NULL DEFAULT 0,
    in_reply_to        varchar(200),
    matched_watchlists uuid[]        NOT NULL DEFAULT '{}',
    hoax_ids           uuid[]        NOT NULL DEFAULT '{}',
    hoax_matches       jsonb         NOT NULL DEFAULT '[]',
    hashtags           text[]        NOT NULL DEFAULT '{}',
    status             varchar(16)   NOT NULL DEFAULT 'NEW',
    assignee           varchar(200),
    note               varchar(2000),
    triaged_by         varchar(200),
    triaged_at         timestamptz,
    exercise_id        uuid,
    sentiment          smallint,
    search_vector      tsvector GENERATED ALWAYS AS (
        CASE language WHEN 'fr' THEN to_tsvector('french', text_folded)
                      WHEN 'en' THEN to_tsvector('english', text_folded)
                      ELSE to_tsvector('simple', text_folded) END) STORED,
    CONSTRAINT mention_pkey PRIMARY KEY (id, published_at),
    -- a post keeps its publication time on its platform, so a repeat still finds its row (ADR 0031)
    CONSTRAINT mention_external_key UNIQUE (institution_id, platform, external_id, published_at)
) PARTITION BY RANGE (published_at);
-- the same indexes as before (V31, V40, V42, V44), now one per partition
CREATE INDEX mention_published_idx ON mention (institution_id, published_at, id);
CREATE INDEX mention_ingested_idx ON mention (institution_id, ingested_at, id);
CREATE INDEX mention_likes_idx ON mention (institution_id, likes, id);
CREATE INDEX mention_shares_idx ON mention (institution_id, shares, id);
CREATE INDEX mention_views_idx ON mention (institution_id, views, id);
CREATE INDEX mention_engagement_idx ON mention (institution_id, (likes + shares + comments), id);
CREATE INDEX mention_search_idx ON mention USING gin (search_vector);
CREATE INDEX mention_author_idx ON mention (institution_id, author_handle);
CREATE INDEX mention_exercise_idx ON mention (institution_id, exercise_id) WHERE exercise_id IS NOT NULL;
CREATE INDEX mention_real_published_idx ON mention (institution_id, published_at) INCLUDE (platform, sentiment)
    WHERE exercise_id IS NULL;
CREATE INDEX mention_hoaxes_idx ON mention USING gin (hoax_ids) WHERE cardinality(hoax_ids) > 0;

CREATE TABLE mention_match (
    institution_id  varchar(63) NOT NULL,
    watchlist_id    uuid        NOT NULL,
    mention_id      uuid        NOT NULL,
    published_at    timestamptz NOT NULL,
    exercise_id     uuid,
    CONSTRAINT mention_match_pkey PRIMARY KEY (watchlist_id, published_at, mention_id) INCLUDE (institution_id, exercise_id)
) PARTITION BY RANGE (published_at);
CREATE INDEX mention_match_exercise_idx ON mention_match (institution_id, exercise_id) WHERE exercise_id IS NOT NULL;

-- Partitions for every month that holds data and for this month and the next three; the service adds the months of
-- its retention window at start (MentionPartitions), and drops the expired ones.
SELECT mention_partitions_create(month::date)
  FROM (SELECT date_trunc('month', published_at AT TIME ZONE 'UTC') AS month FROM mention_unpartitioned
        UNION SELECT date_trunc('month', published_at AT TIME ZONE 'UTC') FROM mention_match_unpartitioned
        UNION SELECT generate_series(date_trunc('month', now() AT TIME ZONE 'UTC'),
                                     date_trunc('month', now() AT TIME ZONE 'UTC') + interval '3 months', interval '1 month')
       ) AS months;

INSERT INTO mention (id, institution_id, platform, external_id, url, author_handle, author_name, author_followers,
       author_created_at, text, text_folded, language, language_detected, published_at, ingested_at, likes, shares,
       comments, views, in_reply_to, matched_watchlists, hoax_ids, hoax_matches, hashtags, status, assignee, note,
       triaged_by, triaged_at, exercise_id, sentiment)
SELECT id, institution_id, platform, external_id, url, author_handle, author_name, author_followers,
       author_created_at, text, text_folded, language, language_detected, published_at, ingested_at, likes, shares,
       comments, views, in_reply_to, matched_watchlists, hoax_ids, hoax_matches, hashtags, status, assignee, note,
       triaged_by, triaged_at, exercise_id, sentiment
  FROM mention_unpartitioned;
INSERT INTO mention_match (institution_id, watchlist_id, mention_id, published_at, exercise_id)
SELECT institution_id, watchlist_id, mention_id, published_at, exercise_id FROM mention_match_unpartitioned;

DROP TABLE mention_unpartitioned;
DROP TABLE mention_match_unpartitioned;

-- An institution may keep its mentions for less than the platform's period (RetentionResource); absent row: the
-- platform's period.
CREATE TABLE mention_retention (
    institution_id  varchar(63)  PRIMARY KEY,
    months          integer      CHECK (months >= 1),
    updated_at      timestamptz  NOT NULL,
    updated_by      varchar(200),
    version         bigint       NOT NULL
);
