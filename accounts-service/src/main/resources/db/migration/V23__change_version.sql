-- What the engines of every replica cache, versioned per topic and institution ('*': every institution). A change bumps
-- its row in its own transaction and notifies vigie_<topic>; each replica compares these versions every few seconds
-- with what its caches were built from, to catch a notification it missed (ADR 0029).
CREATE TABLE change_version (
    topic          varchar(50)  NOT NULL,
    institution_id varchar(200) NOT NULL,
    version        bigint       NOT NULL,
    PRIMARY KEY (topic, institution_id)
);
