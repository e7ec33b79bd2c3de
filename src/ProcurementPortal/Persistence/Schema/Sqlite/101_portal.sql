-- The procurement portal, part 1: buying units and their officials, the supplier registry, annual acquisition
-- plans, procedures, their timeline, clarifications, versioned documents and the OCDS releases published.
-- Money is kept in cents (INTEGER), times as ISO-8601 UTC text (as the engine's tables).

CREATE TABLE portal_units
(
    id                   TEXT    NOT NULL PRIMARY KEY, -- clave de la unidad compradora
    name                 TEXT    NOT NULL,
    institution          TEXT    NOT NULL,             -- dependencia o entidad
    non_open_cap_percent INTEGER NOT NULL CHECK (non_open_cap_percent BETWEEN 0 AND 100),
    created_at           TEXT    NOT NULL
);

-- An official acts for one buying unit; its role (officer, coordinator) is the account's.
CREATE TABLE portal_officials
(
    username   TEXT NOT NULL PRIMARY KEY,
    unit_id    TEXT NOT NULL REFERENCES portal_units (id),
    position   TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE portal_suppliers
(
    supplier_id TEXT    NOT NULL PRIMARY KEY, -- the supplier's account
    legal_name  TEXT    NOT NULL,
    rfc         TEXT    NOT NULL UNIQUE,
    is_sme      INTEGER NOT NULL CHECK (is_sme IN (0, 1)),
    country     TEXT    NOT NULL,
    created_at  TEXT    NOT NULL
);

-- Programa anual de adquisiciones, arrendamientos y servicios: one per unit and fiscal year.
CREATE TABLE portal_plans
(
    id           TEXT    NOT NULL PRIMARY KEY,
    unit_id      TEXT    NOT NULL REFERENCES portal_units (id),
    fiscal_year  INTEGER NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('draft', 'published')),
    created_at   TEXT    NOT NULL,
    created_by   TEXT    NOT NULL,
    published_at TEXT    NULL,
    published_by TEXT    NULL,
    UNIQUE (unit_id, fiscal_year)
);

CREATE TABLE portal_plan_lines
(
    plan_id         TEXT    NOT NULL REFERENCES portal_plans (id),
    line_no         INTEGER NOT NULL,
    budget_key      TEXT    NOT NULL, -- partida presupuestal
    description     TEXT    NOT NULL,
    cucop           TEXT    NOT NULL, -- item classification (CUCOP)
    estimated_cents INTEGER NOT NULL CHECK (estimated_cents > 0),
    currency        TEXT    NOT NULL,
    planned_method  TEXT    NOT NULL,
    planned_start   TEXT    NOT NULL, -- first day of the planned month
    PRIMARY KEY (plan_id, line_no)
);

-- A procedure's current state is the JSON of its aggregate; the columns beside it are what the public search filters on.
CREATE TABLE portal_procedures
(
    id                  TEXT    NOT NULL PRIMARY KEY,
    ocid                TEXT    NOT NULL UNIQUE,
    unit_id             TEXT    NOT NULL REFERENCES portal_units (id),
    plan_id             TEXT    NOT NULL,
    plan_line_no        INTEGER NOT NULL,
    type                TEXT    NOT NULL,
    status              TEXT    NOT NULL,
    title               TEXT    NOT NULL,
    search_text         TEXT    NOT NULL, -- lower-case title, description, items and unit, for the public search
    estimated_cents     INTEGER NOT NULL,
    currency            TEXT    NOT NULL,
    published_at        TEXT    NULL,
    submission_deadline TEXT    NULL,
    updated_at          TEXT    NOT NULL,
    version             INTEGER NOT NULL,
    state               TEXT    NOT NULL,
    FOREIGN KEY (plan_id, plan_line_no) REFERENCES portal_plan_lines (plan_id, line_no)
);

CREATE INDEX ix_portal_procedures_published ON portal_procedures (published_at DESC);
CREATE INDEX ix_portal_procedures_line ON portal_procedures (plan_id, plan_line_no);

-- What happened to a procedure, by whom and when: its public timeline and audit trail. Append-only.
CREATE TABLE portal_procedure_events
(
    procedure_id TEXT    NOT NULL REFERENCES portal_procedures (id),
    seq          INTEGER NOT NULL,
    at           TEXT    NOT NULL,
    actor        TEXT    NOT NULL,
    action       TEXT    NOT NULL,
    summary      TEXT    NOT NULL,
    public       INTEGER NOT NULL CHECK (public IN (0, 1)),
    PRIMARY KEY (procedure_id, seq)
);

CREATE TRIGGER portal_procedure_events_no_update BEFORE UPDATE ON portal_procedure_events
BEGIN
    SELECT RAISE(ABORT, 'portal_procedure_events is append-only');
END;

CREATE TRIGGER portal_procedure_events_no_delete BEFORE DELETE ON portal_procedure_events
BEGIN
    SELECT RAISE(ABORT, 'portal_procedure_events is append-only');
END;

CREATE TABLE portal_questions
(
    id           TEXT NOT NULL PRIMARY KEY,
    procedure_id TEXT NOT NULL REFERENCES portal_procedures (id),
    number       INTEGER NOT NULL,
    supplier_id  TEXT NOT NULL,
    asked_at     TEXT NOT NULL,
    question     TEXT NOT NULL,
    answer       TEXT NULL,
    answered_by  TEXT NULL,
    answered_at  TEXT NULL,
    UNIQUE (procedure_id, number)
);

-- Documents never lose a version: each change is a new row, with its time, official and SHA-256.
CREATE TABLE portal_documents
(
    id           TEXT    NOT NULL PRIMARY KEY,
    owner_type   TEXT    NOT NULL CHECK (owner_type IN ('procedure', 'plan')),
    owner_id     TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    public       INTEGER NOT NULL CHECK (public IN (0, 1)),
    created_at   TEXT    NOT NULL
);

CREATE INDEX ix_portal_documents_owner ON portal_documents (owner_type, owner_id);

CREATE TABLE portal_document_versions
(
    document_id  TEXT    NOT NULL REFERENCES portal_documents (id),
    version      INTEGER NOT NULL,
    created_at   TEXT    NOT NULL,
    created_by   TEXT    NOT NULL,
    note         TEXT    NOT NULL,
    file_name    TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    sha256       TEXT    NOT NULL,
    content      BLOB    NOT NULL,
    PRIMARY KEY (document_id, version)
) WITHOUT ROWID;

CREATE TRIGGER portal_document_versions_no_update BEFORE UPDATE ON portal_document_versions
BEGIN
    SELECT RAISE(ABORT, 'portal_document_versions is append-only');
END;

CREATE TRIGGER portal_document_versions_no_delete BEFORE DELETE ON portal_document_versions
BEGIN
    SELECT RAISE(ABORT, 'portal_document_versions is append-only');
END;

-- Every OCDS release ever published, exactly as published. Append-only; seq orders the bulk export.
CREATE TABLE portal_releases
(
    seq        INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    release_id TEXT    NOT NULL UNIQUE,
    ocid       TEXT    NOT NULL,
    date       TEXT    NOT NULL,
    tags       TEXT    NOT NULL,
    payload    TEXT    NOT NULL
);

CREATE INDEX ix_portal_releases_ocid ON portal_releases (ocid, seq);
CREATE INDEX ix_portal_releases_date ON portal_releases (date, seq);

CREATE TRIGGER portal_releases_no_update BEFORE UPDATE ON portal_releases
BEGIN
    SELECT RAISE(ABORT, 'portal_releases is append-only');
END;

CREATE TRIGGER portal_releases_no_delete BEFORE DELETE ON portal_releases
BEGIN
    SELECT RAISE(ABORT, 'portal_releases is append-only');
END;
