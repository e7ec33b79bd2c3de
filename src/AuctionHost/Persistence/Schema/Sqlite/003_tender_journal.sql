-- The sealed-bid tender journal: append-only, one row per entry, keyed (tender, sequence), hash-chained like
-- auction_journal. Until a tender's `opened` entry, its offers are stored only sealed (AES-GCM ciphertext inside the
-- payload, authors as keyed pseudonyms); the key is not in this database.
CREATE TABLE tender_journal
(
    tender_id     TEXT    NOT NULL,
    sequence      INTEGER NOT NULL,
    type          TEXT    NOT NULL,
    at            TEXT    NOT NULL,
    payload       TEXT    NOT NULL, -- the exact canonical JSON that was hashed
    previous_hash TEXT    NOT NULL,
    hash          TEXT    NOT NULL,
    PRIMARY KEY (tender_id, sequence)
) WITHOUT ROWID;

CREATE TRIGGER tender_journal_no_update BEFORE UPDATE ON tender_journal
BEGIN
    SELECT RAISE(ABORT, 'tender_journal is append-only');
END;

CREATE TRIGGER tender_journal_no_delete BEFORE DELETE ON tender_journal
BEGIN
    SELECT RAISE(ABORT, 'tender_journal is append-only');
END;
