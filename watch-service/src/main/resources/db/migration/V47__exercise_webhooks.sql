-- Exercise data never leaves as if real (issue 16, ADR 0028): a webhook is either real (the default; it receives
-- only real alerts) or an exercise destination (it receives only exercise alerts).
ALTER TABLE webhook ADD COLUMN exercise boolean NOT NULL DEFAULT false;
