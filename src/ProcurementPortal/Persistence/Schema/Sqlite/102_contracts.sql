-- The procurement portal, part 2: contracts from the award. A contract's current state is the JSON of its aggregate;
-- the columns beside it are what searches filter on. Signatures are evidence: append-only.
-- Contract texts are versioned documents (portal_documents, owner_type 'procedure', owner_id the contract's id).

CREATE TABLE portal_contracts
(
    id           TEXT    NOT NULL PRIMARY KEY, -- {procedureId}-C1
    procedure_id TEXT    NOT NULL REFERENCES portal_procedures (id),
    unit_id      TEXT    NOT NULL REFERENCES portal_units (id),
    supplier_id  TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    value_cents  INTEGER NOT NULL CHECK (value_cents > 0),
    currency     TEXT    NOT NULL,
    start_date   TEXT    NOT NULL, -- yyyy-MM-dd
    end_date     TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    state        TEXT    NOT NULL
);

CREATE INDEX ix_portal_contracts_procedure ON portal_contracts (procedure_id);
CREATE INDEX ix_portal_contracts_supplier ON portal_contracts (supplier_id);

-- Who signed which version of a contract, when, and the SHA-256 of the text they signed. One per party and version.
CREATE TABLE portal_contract_signatures
(
    contract_id      TEXT    NOT NULL REFERENCES portal_contracts (id),
    contract_version INTEGER NOT NULL,
    party            TEXT    NOT NULL CHECK (party IN ('buyer', 'supplier')),
    signed_by        TEXT    NOT NULL,
    signed_at        TEXT    NOT NULL,
    sha256           TEXT    NOT NULL,
    PRIMARY KEY (contract_id, contract_version, party)
);

CREATE TRIGGER portal_contract_signatures_no_update BEFORE UPDATE ON portal_contract_signatures
BEGIN
    SELECT RAISE(ABORT, 'portal_contract_signatures is append-only');
END;

CREATE TRIGGER portal_contract_signatures_no_delete BEFORE DELETE ON portal_contract_signatures
BEGIN
    SELECT RAISE(ABORT, 'portal_contract_signatures is append-only');
END;
