-- Interconnection with other government systems: their client credentials, budget commitments made at contract
-- signature, payments posted by the treasury, and outgoing webhooks (subscriptions and the delivery outbox).
-- Money in cents (INTEGER), times as ISO-8601 UTC text.

CREATE TABLE portal_api_clients
(
    client_id   TEXT    NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL,
    scopes      TEXT    NOT NULL,             -- space-separated: budget treasury webhooks
    secret_hash TEXT    NOT NULL,             -- PBKDF2-SHA256; the secret itself is shown once and never stored
    created_at  TEXT    NOT NULL,
    disabled    INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
);

CREATE TABLE portal_budget_commitments
(
    id           TEXT    NOT NULL PRIMARY KEY,
    contract_id  TEXT    NOT NULL UNIQUE,     -- one commitment per contract: committing twice is answered as the first time
    unit_id      TEXT    NOT NULL,
    budget_key   TEXT    NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    committed_at TEXT    NOT NULL
);

-- Append-only: a payment is never updated or deleted; a correction is another payment order.
CREATE TABLE portal_treasury_payments
(
    id              TEXT    NOT NULL PRIMARY KEY,
    client_id       TEXT    NOT NULL,
    idempotency_key TEXT    NOT NULL UNIQUE,
    contract_id     TEXT    NOT NULL,          -- not a foreign key: contracts are registered by another feature
    reference       TEXT    NOT NULL,          -- invoice or payment order
    amount_cents    INTEGER NOT NULL CHECK (amount_cents > 0),
    paid_at         TEXT    NOT NULL,
    recorded_at     TEXT    NOT NULL
);

CREATE INDEX portal_treasury_payments_contract ON portal_treasury_payments (contract_id, paid_at);

CREATE TABLE portal_webhook_subscriptions
(
    id          TEXT    NOT NULL PRIMARY KEY,
    client_id   TEXT    NOT NULL REFERENCES portal_api_clients (client_id),
    url         TEXT    NOT NULL,
    event_types TEXT    NOT NULL,              -- space-separated, or *
    secret      TEXT    NOT NULL,              -- kept to sign each delivery (HMAC needs the secret itself)
    active      INTEGER NOT NULL CHECK (active IN (0, 1)),
    created_at  TEXT    NOT NULL
);

-- The outbox: one row per event and subscription, retried with backoff until delivered or failed.
CREATE TABLE portal_webhook_deliveries
(
    id               TEXT    NOT NULL PRIMARY KEY,
    event_id         TEXT    NOT NULL,
    event_type       TEXT    NOT NULL,
    subscription_id  TEXT    NOT NULL REFERENCES portal_webhook_subscriptions (id),
    payload          TEXT    NOT NULL,
    attempts         INTEGER NOT NULL,
    status           TEXT    NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    next_attempt_at  TEXT,
    last_status_code INTEGER,
    last_error       TEXT,
    created_at       TEXT    NOT NULL,
    delivered_at     TEXT
);

CREATE INDEX portal_webhook_deliveries_due ON portal_webhook_deliveries (status, next_attempt_at);
CREATE INDEX portal_webhook_deliveries_subscription ON portal_webhook_deliveries (subscription_id, created_at);
