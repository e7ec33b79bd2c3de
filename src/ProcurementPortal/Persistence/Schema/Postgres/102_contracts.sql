-- The procurement portal, part 2: contracts from the award. A contract's current state is the JSON of its aggregate;
-- the columns beside it are what searches filter on. Signatures are evidence: append-only.
-- Contract texts are versioned documents (portal_documents, owner_type 'procedure', owner_id the contract's id).

CREATE TABLE portal_contracts
(
    id           text        NOT NULL PRIMARY KEY, -- {procedureId}-C1
    procedure_id text        NOT NULL REFERENCES portal_procedures (id),
    unit_id      text        NOT NULL REFERENCES portal_units (id),
    supplier_id  text        NOT NULL,
    status       text        NOT NULL,
    value_cents  bigint      NOT NULL CHECK (value_cents > 0),
    currency     text        NOT NULL,
    start_date   date        NOT NULL,
    end_date     date        NOT NULL,
    updated_at   timestamptz NOT NULL,
    version      integer     NOT NULL,
    state        jsonb       NOT NULL
);

CREATE INDEX ix_portal_contracts_procedure ON portal_contracts (procedure_id);
CREATE INDEX ix_portal_contracts_supplier ON portal_contracts (supplier_id);

-- Who signed which version of a contract, when, and the SHA-256 of the text they signed. One per party and version.
CREATE TABLE portal_contract_signatures
(
    contract_id      text        NOT NULL REFERENCES portal_contracts (id),
    contract_version integer     NOT NULL,
    party            text        NOT NULL CHECK (party IN ('buyer', 'supplier')),
    signed_by        text        NOT NULL,
    signed_at        timestamptz NOT NULL,
    sha256           text        NOT NULL,
    PRIMARY KEY (contract_id, contract_version, party)
);

CREATE TRIGGER portal_contract_signatures_append_only BEFORE UPDATE OR DELETE ON portal_contract_signatures
    FOR EACH ROW EXECUTE FUNCTION portal_refuse_change();
CREATE TRIGGER portal_contract_signatures_no_truncate BEFORE TRUNCATE ON portal_contract_signatures
    FOR EACH STATEMENT EXECUTE FUNCTION portal_refuse_change();
