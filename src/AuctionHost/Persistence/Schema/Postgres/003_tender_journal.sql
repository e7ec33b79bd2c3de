-- The sealed-bid tender journal: append-only, one row per entry, keyed (tender, sequence), hash-chained like
-- auction_journal. Until a tender's `opened` entry, its offers are stored only sealed (AES-GCM ciphertext inside the
-- payload, authors as keyed pseudonyms); the key is not in this database.
-- payload is text, not jsonb: it must keep the exact bytes that were hashed.
CREATE TABLE tender_journal
(
    tender_id     text        NOT NULL,
    sequence      bigint      NOT NULL,
    type          text        NOT NULL,
    at            timestamptz NOT NULL,
    payload       text        NOT NULL,
    previous_hash text        NOT NULL,
    hash          text        NOT NULL,
    PRIMARY KEY (tender_id, sequence)
);

CREATE FUNCTION tender_journal_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$body$
BEGIN
    RAISE EXCEPTION 'tender_journal is append-only';
END;
$body$;

CREATE TRIGGER tender_journal_append_only
    BEFORE UPDATE OR DELETE ON tender_journal
    FOR EACH ROW EXECUTE FUNCTION tender_journal_refuse_change();

CREATE TRIGGER tender_journal_no_truncate
    BEFORE TRUNCATE ON tender_journal
    FOR EACH STATEMENT EXECUTE FUNCTION tender_journal_refuse_change();
