-- Known hoaxes: owned by one institution, optionally published read-only to every institution.
CREATE TABLE hoax (
    id                 uuid PRIMARY KEY,
    institution_id     varchar(63)   NOT NULL,
    verdict            varchar(32)   NOT NULL,
    debunk_url         varchar(500),
    first_seen         timestamptz   NOT NULL,
    notes              varchar(4000),
    shared             boolean       NOT NULL,
    withdrawn_at       timestamptz,
    withdrawn_by       varchar(200),
    withdrawal_reason  varchar(1000),
    created_by         varchar(200)  NOT NULL,
    created_at         timestamptz   NOT NULL,
    updated_at         timestamptz   NOT NULL,
    version            bigint        NOT NULL
);
CREATE INDEX hoax_institution_idx ON hoax (institution_id, created_at DESC);
-- the national registry: what is published and not withdrawn
CREATE INDEX hoax_published_idx ON hoax (created_at DESC) WHERE shared AND withdrawn_at IS NULL;

-- The claim texts of a hoax (its French and English wordings), in the order given.
CREATE TABLE hoax_claim (
    hoax_id   uuid          NOT NULL REFERENCES hoax (id) ON DELETE CASCADE,
    position  integer       NOT NULL,
    text      varchar(2000) NOT NULL,
    PRIMARY KEY (hoax_id, position)
);
