-- Mentions grow fastest: only the indexes the API's filters, sorts and analytics use.
CREATE TABLE mention (
    id                 uuid PRIMARY KEY,
    institution_id     varchar(63)   NOT NULL,
    platform           varchar(32)   NOT NULL,
    external_id        varchar(200)  NOT NULL,
    url                varchar(2000),
    author_handle      varchar(200),
    author_name        varchar(300),
    author_followers   bigint,
    author_created_at  timestamptz,
    text               text          NOT NULL,
    -- lower case, accents removed: for accent-free search and term analytics
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
    search_vector      tsvector GENERATED ALWAYS AS (
        to_tsvector('french', text) || to_tsvector('english', text) || to_tsvector('simple', text_folded)) STORED,
    CONSTRAINT mention_external_key UNIQUE (institution_id, platform, external_id)
);
CREATE INDEX mention_published_idx ON mention (institution_id, published_at DESC);
CREATE INDEX mention_watchlists_idx ON mention USING gin (matched_watchlists);
CREATE INDEX mention_hoaxes_idx ON mention USING gin (hoax_ids);
CREATE INDEX mention_search_idx ON mention USING gin (search_vector);
CREATE INDEX mention_author_idx ON mention (institution_id, author_handle);

-- One row per (mention, watchlist) match, for per-watchlist series and share of voice.
CREATE TABLE mention_match (
    institution_id  varchar(63) NOT NULL,
    watchlist_id    uuid        NOT NULL,
    mention_id      uuid        NOT NULL,
    published_at    timestamptz NOT NULL,
    PRIMARY KEY (watchlist_id, published_at, mention_id)
);
CREATE INDEX mention_match_institution_idx ON mention_match (institution_id, published_at);

-- A retried batch with the same Idempotency-Key answers the first answer.
CREATE TABLE ingest_idempotency (
    institution_id  varchar(63)  NOT NULL,
    idempotency_key varchar(200) NOT NULL,
    request_hash    varchar(64)  NOT NULL,
    response        jsonb,
    created_at      timestamptz  NOT NULL,
    PRIMARY KEY (institution_id, idempotency_key)
);
