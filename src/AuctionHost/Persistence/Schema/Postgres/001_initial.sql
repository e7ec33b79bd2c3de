-- CompraNet cluster schema (PostgreSQL), version 1.
-- Applied once by SchemaMigrator inside one transaction holding an advisory lock; never edit after release: add 002_*.sql.

-- The bid journal: append-only, one row per entry, keyed (auction, sequence).
-- payload is text, not jsonb: it must keep the exact bytes that were hashed.
-- at is timestamptz: microsecond precision, read back in UTC.
CREATE TABLE auction_journal
(
    auction_id    text        NOT NULL,
    sequence      bigint      NOT NULL,
    type          text        NOT NULL,
    at            timestamptz NOT NULL,
    payload       text        NOT NULL,
    previous_hash text        NOT NULL,
    hash          text        NOT NULL,
    PRIMARY KEY (auction_id, sequence)
);

CREATE FUNCTION auction_journal_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$body$
BEGIN
    RAISE EXCEPTION 'auction_journal is append-only';
END;
$body$;

CREATE TRIGGER auction_journal_append_only
    BEFORE UPDATE OR DELETE ON auction_journal
    FOR EACH ROW EXECUTE FUNCTION auction_journal_refuse_change();

CREATE TRIGGER auction_journal_no_truncate
    BEFORE TRUNCATE ON auction_journal
    FOR EACH STATEMENT EXECUTE FUNCTION auction_journal_refuse_change();

-- One row per auction that has a journal, maintained in the same statement as the appends.
CREATE TABLE auction_index
(
    auction_id text        NOT NULL PRIMARY KEY,
    closed     boolean     NOT NULL DEFAULT false,
    updated_at timestamptz NOT NULL
);

CREATE INDEX ix_auction_index_unclosed ON auction_index (auction_id) WHERE NOT closed;

-- Accounts and sanctions: tables only; their stores live with the features that use them.
CREATE TABLE accounts
(
    username      text        NOT NULL PRIMARY KEY,
    password_hash text        NOT NULL,
    role          text        NOT NULL,
    display_name  text        NOT NULL,
    created_at    timestamptz NOT NULL
);

CREATE TABLE sanctions
(
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    supplier_id text        NOT NULL,
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NULL, -- NULL: no end date
    reason      text        NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE INDEX ix_sanctions_supplier ON sanctions (supplier_id, starts_at);

-- Orleans ADO.NET grain storage (Microsoft.Orleans.Persistence.AdoNet, invariant Npgsql).
-- A row is one grain's state, keyed by service id, grain type and grain id (n0, n1, extension).
-- The hashes are stored as the provider sends them; lookups use the natural key.
CREATE TABLE orleans_grain_state
(
    service_id         text        NOT NULL,
    grain_type         text        NOT NULL,
    grain_id_n0        bigint      NOT NULL,
    grain_id_n1        bigint      NOT NULL,
    grain_id_extension text        NULL,
    grain_type_hash    integer     NOT NULL,
    grain_id_hash      integer     NOT NULL,
    payload            bytea       NULL,
    version            integer     NOT NULL,
    modified_at        timestamptz NOT NULL
);

-- NULL and '' extensions are different keys, hence the second expression.
CREATE UNIQUE INDEX ux_orleans_grain_state_key ON orleans_grain_state
    (service_id, grain_type, grain_id_n0, grain_id_n1, coalesce(grain_id_extension, ''), (grain_id_extension IS NULL));

-- The provider reads its statements from here at silo start-up (unquoted, so the name folds to orleansquery).
CREATE TABLE OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

-- Returns PayloadBinary (NULL after a clear) and Version; no row when the grain was never written.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', $query$
SELECT payload AS "PayloadBinary", modified_at AS "ModifiedOn", version AS "Version"
FROM orleans_grain_state
WHERE service_id = @ServiceId
  AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
$query$);

-- Optimistic write in one statement. A version updates only the row holding exactly that version (a
-- concurrent writer re-checks it after the row lock); a NULL version inserts version 1 and the unique key
-- turns a concurrent or earlier insert into nothing. NewGrainStateVersion is the new version, or the
-- caller's own version when nothing was written, which the provider reports as an InconsistentStateException.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', $query$
WITH updated AS (
    UPDATE orleans_grain_state
    SET payload = @PayloadBinary,
        version = version + 1,
        modified_at = now()
    WHERE service_id = @ServiceId
      AND grain_type = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0
      AND grain_id_n1 = @GrainIdN1
      AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
      AND version = @GrainStateVersion
    RETURNING version
), inserted AS (
    INSERT INTO orleans_grain_state
        (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension,
         grain_type_hash, grain_id_hash, payload, version, modified_at)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
           @GrainTypeHash, @GrainIdHash, @PayloadBinary, 1, now()
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
)
SELECT coalesce((SELECT version FROM updated), (SELECT version FROM inserted), @GrainStateVersion)
    AS "NewGrainStateVersion"
$query$);

-- Clear keeps the row (payload NULL) and bumps the version, so a stale activation still conflicts.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', $query$
WITH cleared AS (
    UPDATE orleans_grain_state
    SET payload = NULL,
        version = version + 1,
        modified_at = now()
    WHERE service_id = @ServiceId
      AND grain_type = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0
      AND grain_id_n1 = @GrainIdN1
      AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
      AND version = @GrainStateVersion
    RETURNING version
)
SELECT coalesce((SELECT version FROM cleared), @GrainStateVersion) AS "NewGrainStateVersion"
$query$);

-- Used instead of ClearStorageKey when DeleteStateOnClear is set: removes the row if the version matches.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', $query$
WITH deleted AS (
    DELETE FROM orleans_grain_state
    WHERE service_id = @ServiceId
      AND grain_type = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0
      AND grain_id_n1 = @GrainIdN1
      AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
      AND version = @GrainStateVersion
    RETURNING version + 1 AS version
)
SELECT coalesce((SELECT version FROM deleted), @GrainStateVersion) AS "NewGrainStateVersion"
$query$);
