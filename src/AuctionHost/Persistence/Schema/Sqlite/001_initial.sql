-- CompraNet embedded schema (SQLite), version 1.
-- Applied once by SchemaMigrator inside one IMMEDIATE transaction; never edit after release: add 002_*.sql.
-- Timestamps are ISO-8601 UTC text (yyyy-MM-ddTHH:mm:ss.fffffffZ), so they sort as text and round-trip exactly.

-- The bid journal: append-only, one row per entry, keyed (auction, sequence).
CREATE TABLE auction_journal
(
    auction_id    TEXT    NOT NULL,
    sequence      INTEGER NOT NULL,
    type          TEXT    NOT NULL,
    at            TEXT    NOT NULL,
    payload       TEXT    NOT NULL, -- the exact canonical JSON that was hashed
    previous_hash TEXT    NOT NULL,
    hash          TEXT    NOT NULL,
    PRIMARY KEY (auction_id, sequence)
) WITHOUT ROWID;

CREATE TRIGGER auction_journal_no_update BEFORE UPDATE ON auction_journal
BEGIN
    SELECT RAISE(ABORT, 'auction_journal is append-only');
END;

CREATE TRIGGER auction_journal_no_delete BEFORE DELETE ON auction_journal
BEGIN
    SELECT RAISE(ABORT, 'auction_journal is append-only');
END;

-- One row per auction that has a journal, maintained in the same transaction as the appends.
CREATE TABLE auction_index
(
    auction_id TEXT    NOT NULL PRIMARY KEY,
    closed     INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
    updated_at TEXT    NOT NULL
) WITHOUT ROWID;

CREATE INDEX ix_auction_index_unclosed ON auction_index (auction_id) WHERE closed = 0;

-- Accounts and sanctions: tables only; their stores live with the features that use them.
CREATE TABLE accounts
(
    username      TEXT NOT NULL PRIMARY KEY,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL,
    display_name  TEXT NOT NULL,
    created_at    TEXT NOT NULL
);

CREATE TABLE sanctions
(
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    supplier_id TEXT NOT NULL,
    starts_at   TEXT NOT NULL,
    ends_at     TEXT NULL, -- NULL: no end date
    reason      TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE INDEX ix_sanctions_supplier ON sanctions (supplier_id, starts_at);

-- Orleans ADO.NET grain storage (Microsoft.Orleans.Persistence.AdoNet, invariant System.Data.SQLite).
-- A row is one grain's state, keyed by service id, grain type and grain id (n0, n1, extension).
-- The hashes are stored as the provider sends them; lookups use the natural key.
CREATE TABLE orleans_grain_state
(
    service_id         TEXT    NOT NULL,
    grain_type         TEXT    NOT NULL,
    grain_id_n0        INTEGER NOT NULL,
    grain_id_n1        INTEGER NOT NULL,
    grain_id_extension TEXT    NULL,
    grain_type_hash    INTEGER NOT NULL,
    grain_id_hash      INTEGER NOT NULL,
    payload            BLOB    NULL,
    version            INTEGER NOT NULL,
    modified_at        TEXT    NOT NULL
);

-- NULL and '' extensions are different keys, hence the second expression.
CREATE UNIQUE INDEX ux_orleans_grain_state_key ON orleans_grain_state
    (service_id, grain_type, grain_id_n0, grain_id_n1, ifnull(grain_id_extension, ''), grain_id_extension IS NULL);

-- The provider reads its statements from here at silo start-up.
CREATE TABLE OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

-- Returns PayloadBinary (NULL after a clear) and Version; no row when the grain was never written.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT payload AS PayloadBinary, modified_at AS ModifiedOn, version AS Version
FROM orleans_grain_state
WHERE service_id = @ServiceId
  AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension IS @GrainIdExtensionString;
');

-- Optimistic write. A NULL version inserts version 1 unless a row exists; a version updates only the row
-- holding exactly that version. One statement changes the row (or nothing), then changes() tells which:
-- NewGrainStateVersion is the new version, or the caller's own version when nothing was written,
-- which the provider reports as an InconsistentStateException.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
INSERT INTO orleans_grain_state
    (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension,
     grain_type_hash, grain_id_hash, payload, version, modified_at)
SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
       @GrainTypeHash, @GrainIdHash, @PayloadBinary, 1, CURRENT_TIMESTAMP
WHERE @GrainStateVersion IS NULL
   OR EXISTS (SELECT 1 FROM orleans_grain_state
              WHERE service_id = @ServiceId
                AND grain_type = @GrainTypeString
                AND grain_id_n0 = @GrainIdN0
                AND grain_id_n1 = @GrainIdN1
                AND grain_id_extension IS @GrainIdExtensionString)
ON CONFLICT DO UPDATE
    SET payload = excluded.payload,
        version = version + 1,
        modified_at = excluded.modified_at
    WHERE version = @GrainStateVersion;
SELECT CASE WHEN changes() > 0 THEN ifnull(@GrainStateVersion + 1, 1) ELSE @GrainStateVersion END
    AS NewGrainStateVersion;
');

-- Clear keeps the row (payload NULL) and bumps the version, so a stale activation still conflicts.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
UPDATE orleans_grain_state
SET payload = NULL,
    version = version + 1,
    modified_at = CURRENT_TIMESTAMP
WHERE service_id = @ServiceId
  AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension IS @GrainIdExtensionString
  AND version = @GrainStateVersion;
SELECT CASE WHEN changes() > 0 THEN @GrainStateVersion + 1 ELSE @GrainStateVersion END
    AS NewGrainStateVersion;
');

-- Used instead of ClearStorageKey when DeleteStateOnClear is set: removes the row if the version matches.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', '
DELETE FROM orleans_grain_state
WHERE service_id = @ServiceId
  AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension IS @GrainIdExtensionString
  AND version = @GrainStateVersion;
SELECT CASE WHEN changes() > 0 THEN @GrainStateVersion + 1 ELSE @GrainStateVersion END
    AS NewGrainStateVersion;
');
