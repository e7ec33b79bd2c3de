-- The auction catalogue: one row per auction created through the API, for the public list.
-- The grain's terms stay authoritative; this is the searchable copy.
CREATE TABLE auction_catalog
(
    auction_id   TEXT NOT NULL PRIMARY KEY,
    procedure_id TEXT NOT NULL,
    lot_id       TEXT NULL,
    title        TEXT NOT NULL,
    currency     TEXT NOT NULL,
    starts_at    TEXT NOT NULL,
    ends_at      TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX ix_auction_catalog_created ON auction_catalog (created_at DESC);
