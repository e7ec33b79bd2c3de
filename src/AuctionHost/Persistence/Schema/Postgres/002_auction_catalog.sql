-- The auction catalogue: one row per auction created through the API, for the public list.
-- The grain's terms stay authoritative; this is the searchable copy.
CREATE TABLE auction_catalog
(
    auction_id   text        NOT NULL PRIMARY KEY,
    procedure_id text        NOT NULL,
    lot_id       text        NULL,
    title        text        NOT NULL,
    currency     text        NOT NULL,
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz NOT NULL,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL
);

CREATE INDEX ix_auction_catalog_created ON auction_catalog (created_at DESC);
