CREATE TABLE institution (
    id          uuid PRIMARY KEY,
    slug        varchar(63)  NOT NULL UNIQUE,
    name_fr     varchar(200) NOT NULL,
    name_en     varchar(200) NOT NULL,
    type        varchar(32)  NOT NULL,
    status      varchar(16)  NOT NULL,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    version     bigint       NOT NULL
);

CREATE TABLE official_account (
    id              uuid PRIMARY KEY,
    institution_id  varchar(63)  NOT NULL,
    platform        varchar(32)  NOT NULL,
    handle          varchar(200) NOT NULL,
    display_name    varchar(200) NOT NULL,
    url             varchar(500),
    status          varchar(16)  NOT NULL,
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    version         bigint       NOT NULL,
    -- an official (platform, handle) belongs to one institution across the whole platform
    CONSTRAINT official_account_platform_handle_key UNIQUE (platform, handle)
);
CREATE INDEX official_account_institution_idx ON official_account (institution_id, created_at DESC);
