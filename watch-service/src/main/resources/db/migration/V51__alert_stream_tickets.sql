-- Stream tickets (docs/adr/0036-browser-streams-and-self-setup.md): a browser's EventSource cannot send a token, so it
-- opens the alert stream with a short-lived, single-use ticket bought with one. Only the ticket's SHA-256 is stored;
-- any replica claims it by deleting its row (DELETE ... RETURNING), so a ticket opens at most one stream.
CREATE TABLE alert_stream_ticket (
    hash              bytea       PRIMARY KEY,
    institution       text        NOT NULL,
    username          text        NOT NULL,
    roles             text        NOT NULL,
    token_expires_at  timestamptz,
    expires_at        timestamptz NOT NULL
);

CREATE INDEX alert_stream_ticket_expiry ON alert_stream_ticket (expires_at);
