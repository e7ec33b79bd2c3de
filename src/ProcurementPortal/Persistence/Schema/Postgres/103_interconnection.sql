-- Interconnection with other government systems: their client credentials, budget commitments made at contract
-- signature, payments posted by the treasury, and outgoing webhooks (subscriptions and the delivery outbox).
-- Money in cents (bigint), as in the SQLite schema.

CREATE TABLE portal_api_clients
(
    client_id   text    NOT NULL PRIMARY KEY,
    name        text    NOT NULL,
    scopes      text    NOT NULL,             -- space-separated: budget treasury webhooks
    secret_hash text    NOT NULL,             -- PBKDF2-SHA256; the secret itself is shown once and never stored
    created_at  timestamptz NOT NULL,
    disabled    boolean     NOT NULL DEFAULT false
);

CREATE TABLE portal_budget_commitments
(
    id           text    NOT NULL PRIMARY KEY,
    contract_id  text    NOT NULL UNIQUE,     -- one commitment per contract: committing twice is answered as the first time
    unit_id      text    NOT NULL,
    budget_key   text    NOT NULL,
    amount_cents bigint NOT NULL CHECK (amount_cents > 0),
    committed_at timestamptz NOT NULL
);

-- Append-only: a payment is never updated or deleted; a correction is another payment order.
CREATE TABLE portal_treasury_payments
(
    id              text    NOT NULL PRIMARY KEY,
    client_id       text    NOT NULL,
    idempotency_key text    NOT NULL UNIQUE,
    contract_id     text    NOT NULL,          -- not a foreign key: contracts are registered by another feature
    reference       text    NOT NULL,          -- invoice or payment order
    amount_cents    bigint NOT NULL CHECK (amount_cents > 0),
    paid_at         timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL
);

CREATE INDEX portal_treasury_payments_contract ON portal_treasury_payments (contract_id, paid_at);

CREATE TABLE portal_webhook_subscriptions
(
    id          text    NOT NULL PRIMARY KEY,
    client_id   text    NOT NULL REFERENCES portal_api_clients (client_id),
    url         text    NOT NULL,
    event_types text    NOT NULL,              -- space-separated, or *
    secret      text    NOT NULL,              -- kept to sign each delivery (HMAC needs the secret itself)
    active      boolean NOT NULL,
    created_at  timestamptz NOT NULL
);

-- The outbox: one row per event and subscription, retried with backoff until delivered or failed.
CREATE TABLE portal_webhook_deliveries
(
    id               text    NOT NULL PRIMARY KEY,
    event_id         text    NOT NULL,
    event_type       text    NOT NULL,
    subscription_id  text    NOT NULL REFERENCES portal_webhook_subscriptions (id),
    payload          text    NOT NULL,
    attempts         integer NOT NULL,
    status           text    NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    next_attempt_at  timestamptz,
    last_status_code integer,
    last_error       text,
    created_at       timestamptz NOT NULL,
    delivered_at     timestamptz
);

CREATE INDEX portal_webhook_deliveries_due ON portal_webhook_deliveries (status, next_attempt_at);
CREATE INDEX portal_webhook_deliveries_subscription ON portal_webhook_deliveries (subscription_id, created_at);
