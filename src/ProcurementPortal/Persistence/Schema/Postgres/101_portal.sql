-- The procurement portal, part 1: buying units and their officials, the supplier registry, annual acquisition
-- plans, procedures, their timeline, clarifications, versioned documents and the OCDS releases published.
-- Money is kept in cents (bigint), as in the SQLite schema, so both databases hold the same exact values.

CREATE TABLE portal_units
(
    id                   text        NOT NULL PRIMARY KEY, -- clave de la unidad compradora
    name                 text        NOT NULL,
    institution          text        NOT NULL,             -- dependencia o entidad
    non_open_cap_percent integer     NOT NULL CHECK (non_open_cap_percent BETWEEN 0 AND 100),
    created_at           timestamptz NOT NULL
);

-- An official acts for one buying unit; its role (officer, coordinator) is the account's.
CREATE TABLE portal_officials
(
    username   text        NOT NULL PRIMARY KEY,
    unit_id    text        NOT NULL REFERENCES portal_units (id),
    position   text        NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE TABLE portal_suppliers
(
    supplier_id text        NOT NULL PRIMARY KEY, -- the supplier's account
    legal_name  text        NOT NULL,
    rfc         text        NOT NULL UNIQUE,
    is_sme      boolean     NOT NULL,
    country     text        NOT NULL,
    created_at  timestamptz NOT NULL
);

-- Programa anual de adquisiciones, arrendamientos y servicios: one per unit and fiscal year.
CREATE TABLE portal_plans
(
    id           text        NOT NULL PRIMARY KEY,
    unit_id      text        NOT NULL REFERENCES portal_units (id),
    fiscal_year  integer     NOT NULL,
    status       text        NOT NULL CHECK (status IN ('draft', 'published')),
    created_at   timestamptz NOT NULL,
    created_by   text        NOT NULL,
    published_at timestamptz NULL,
    published_by text        NULL,
    UNIQUE (unit_id, fiscal_year)
);

CREATE TABLE portal_plan_lines
(
    plan_id         text        NOT NULL REFERENCES portal_plans (id),
    line_no         integer     NOT NULL,
    budget_key      text        NOT NULL, -- partida presupuestal
    description     text        NOT NULL,
    cucop           text        NOT NULL, -- item classification (CUCOP)
    estimated_cents bigint      NOT NULL CHECK (estimated_cents > 0),
    currency        text        NOT NULL,
    planned_method  text        NOT NULL,
    planned_start   timestamptz NOT NULL, -- first day of the planned month
    PRIMARY KEY (plan_id, line_no)
);

-- A procedure's current state is the JSON of its aggregate; the columns beside it are what the public search filters on.
CREATE TABLE portal_procedures
(
    id                  text        NOT NULL PRIMARY KEY,
    ocid                text        NOT NULL UNIQUE,
    unit_id             text        NOT NULL REFERENCES portal_units (id),
    plan_id             text        NOT NULL,
    plan_line_no        integer     NOT NULL,
    type                text        NOT NULL,
    status              text        NOT NULL,
    title               text        NOT NULL,
    search_text         text        NOT NULL, -- lower-case title, description, items and unit, for the public search
    estimated_cents     bigint      NOT NULL,
    currency            text        NOT NULL,
    published_at        timestamptz NULL,
    submission_deadline timestamptz NULL,
    updated_at          timestamptz NOT NULL,
    version             integer     NOT NULL,
    state               jsonb       NOT NULL,
    FOREIGN KEY (plan_id, plan_line_no) REFERENCES portal_plan_lines (plan_id, line_no)
);

CREATE INDEX ix_portal_procedures_published ON portal_procedures (published_at DESC);
CREATE INDEX ix_portal_procedures_line ON portal_procedures (plan_id, plan_line_no);

-- Refuses UPDATE, DELETE and TRUNCATE on the portal's append-only tables.
CREATE FUNCTION portal_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;

-- What happened to a procedure, by whom and when: its public timeline and audit trail. Append-only.
CREATE TABLE portal_procedure_events
(
    procedure_id text        NOT NULL REFERENCES portal_procedures (id),
    seq          integer     NOT NULL,
    at           timestamptz NOT NULL,
    actor        text        NOT NULL,
    action       text        NOT NULL,
    summary      text        NOT NULL,
    public       boolean     NOT NULL,
    PRIMARY KEY (procedure_id, seq)
);

CREATE TRIGGER portal_procedure_events_append_only BEFORE UPDATE OR DELETE ON portal_procedure_events
    FOR EACH ROW EXECUTE FUNCTION portal_refuse_change();
CREATE TRIGGER portal_procedure_events_no_truncate BEFORE TRUNCATE ON portal_procedure_events
    FOR EACH STATEMENT EXECUTE FUNCTION portal_refuse_change();

CREATE TABLE portal_questions
(
    id           text        NOT NULL PRIMARY KEY,
    procedure_id text        NOT NULL REFERENCES portal_procedures (id),
    number       integer     NOT NULL,
    supplier_id  text        NOT NULL,
    asked_at     timestamptz NOT NULL,
    question     text        NOT NULL,
    answer       text        NULL,
    answered_by  text        NULL,
    answered_at  timestamptz NULL,
    UNIQUE (procedure_id, number)
);

-- Documents never lose a version: each change is a new row, with its time, official and SHA-256.
CREATE TABLE portal_documents
(
    id         text        NOT NULL PRIMARY KEY,
    owner_type text        NOT NULL CHECK (owner_type IN ('procedure', 'plan')),
    owner_id   text        NOT NULL,
    kind       text        NOT NULL,
    title      text        NOT NULL,
    public     boolean     NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE INDEX ix_portal_documents_owner ON portal_documents (owner_type, owner_id);

CREATE TABLE portal_document_versions
(
    document_id  text        NOT NULL REFERENCES portal_documents (id),
    version      integer     NOT NULL,
    created_at   timestamptz NOT NULL,
    created_by   text        NOT NULL,
    note         text        NOT NULL,
    file_name    text        NOT NULL,
    content_type text        NOT NULL,
    sha256       text        NOT NULL,
    content      bytea       NOT NULL,
    PRIMARY KEY (document_id, version)
);

CREATE TRIGGER portal_document_versions_append_only BEFORE UPDATE OR DELETE ON portal_document_versions
    FOR EACH ROW EXECUTE FUNCTION portal_refuse_change();
CREATE TRIGGER portal_document_versions_no_truncate BEFORE TRUNCATE ON portal_document_versions
    FOR EACH STATEMENT EXECUTE FUNCTION portal_refuse_change();

-- Every OCDS release ever published, exactly as published (text, not jsonb: the bytes are the publication).
CREATE TABLE portal_releases
(
    seq        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    release_id text        NOT NULL UNIQUE,
    ocid       text        NOT NULL,
    date       timestamptz NOT NULL,
    tags       text        NOT NULL,
    payload    text        NOT NULL
);

CREATE INDEX ix_portal_releases_ocid ON portal_releases (ocid, seq);
CREATE INDEX ix_portal_releases_date ON portal_releases (date, seq);

CREATE TRIGGER portal_releases_append_only BEFORE UPDATE OR DELETE ON portal_releases
    FOR EACH ROW EXECUTE FUNCTION portal_refuse_change();
CREATE TRIGGER portal_releases_no_truncate BEFORE TRUNCATE ON portal_releases
    FOR EACH STATEMENT EXECUTE FUNCTION portal_refuse_change();
