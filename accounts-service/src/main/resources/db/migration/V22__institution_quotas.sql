-- Quotas an operator set for an institution; null means the configured default (vigie.quotas.defaults.*) applies.
ALTER TABLE institution
    ADD COLUMN quota_watchlists             integer CHECK (quota_watchlists >= 0),
    ADD COLUMN quota_hoaxes                 integer CHECK (quota_hoaxes >= 0),
    ADD COLUMN quota_sources                integer CHECK (quota_sources >= 0),
    ADD COLUMN quota_webhooks               integer CHECK (quota_webhooks >= 0),
    ADD COLUMN quota_protected_persons      integer CHECK (quota_protected_persons >= 0),
    ADD COLUMN quota_alert_streams          integer CHECK (quota_alert_streams >= 0),
    ADD COLUMN quota_alert_streams_per_user integer CHECK (quota_alert_streams_per_user >= 0),
    ADD COLUMN quota_running_exercises      integer CHECK (quota_running_exercises >= 0);
