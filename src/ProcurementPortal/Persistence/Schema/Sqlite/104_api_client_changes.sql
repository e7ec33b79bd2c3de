-- When a client's credentials last changed (disabled, enabled or its secret rotated): client tokens issued before it
-- are refused from then on, not only when they expire.
ALTER TABLE portal_api_clients ADD COLUMN credentials_changed_at TEXT;
