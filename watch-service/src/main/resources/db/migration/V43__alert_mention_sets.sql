-- Ingestion speed (ADR 0023): an alert's mentions are stored as one row per alert and batch holding the batch's
-- mention ids, instead of one row (and one primary-key entry) per mention and alert. With 100 broad watchlists a
-- batch of 500 mentions wrote ~4,000 alert_mention rows; it now writes one row per alert it touched (~100).
-- GET /api/watch/mentions?alertId= unnests the sets of the alert and answers the same mentions as before.
CREATE TABLE alert_mention_set (
    alert_id     uuid   NOT NULL,
    mention_ids  uuid[] NOT NULL
);
CREATE INDEX alert_mention_set_alert_idx ON alert_mention_set (alert_id);

INSERT INTO alert_mention_set (alert_id, mention_ids)
SELECT alert_id, array_agg(mention_id ORDER BY mention_id) FROM alert_mention GROUP BY alert_id;

DROP TABLE alert_mention;
