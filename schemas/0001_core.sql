-- Cordon core schema: list versions, declarations, items, alerts.
-- Applied by `cordonctl db migrate`, once, in a transaction.

CREATE TABLE list_versions (
    id           text PRIMARY KEY,
    checksum     text NOT NULL UNIQUE,
    entry_count  integer NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    activated_at timestamptz,
    active       boolean NOT NULL DEFAULT false
);
-- At most one active version.
CREATE UNIQUE INDEX list_versions_one_active ON list_versions (active) WHERE active;

-- The source files of a version, byte for byte: a daemon rebuilds its matcher
-- from these, so every alert can be traced to the exact rule text.
CREATE TABLE list_files (
    version  text NOT NULL REFERENCES list_versions(id),
    name     text NOT NULL,
    sha256   text NOT NULL,
    content  text NOT NULL,
    PRIMARY KEY (version, name)
);

CREATE TABLE list_entries (
    version     text NOT NULL REFERENCES list_versions(id),
    list_id     text NOT NULL,
    code        text NOT NULL,
    title       text NOT NULL,
    category    text NOT NULL,
    regimes     text[] NOT NULL DEFAULT '{}',
    explanation text NOT NULL,
    source      text,
    PRIMARY KEY (version, list_id, code)
);

-- Immutable once written: nothing updates or deletes a list version.
CREATE FUNCTION cordon_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'list versions are immutable (table %)', TG_TABLE_NAME;
END $$;
CREATE TRIGGER list_files_immutable BEFORE UPDATE OR DELETE ON list_files
    FOR EACH ROW EXECUTE FUNCTION cordon_refuse_change();
CREATE TRIGGER list_entries_immutable BEFORE UPDATE OR DELETE ON list_entries
    FOR EACH ROW EXECUTE FUNCTION cordon_refuse_change();

CREATE TABLE declarations (
    id            uuid PRIMARY KEY,
    submitter     text NOT NULL,
    reference     text NOT NULL,
    body_hash     text NOT NULL,
    type          text NOT NULL,
    body          jsonb NOT NULL,      -- as received, unknown fields included
    result        jsonb NOT NULL,      -- the screening result as answered
    verdict       text NOT NULL,
    list_version  text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (submitter, reference)
);

CREATE TABLE items (
    declaration_id uuid NOT NULL REFERENCES declarations(id),
    seq            integer NOT NULL,
    hs_code        text NOT NULL,
    description    text NOT NULL,
    PRIMARY KEY (declaration_id, seq)
);

CREATE TABLE alerts (
    id             uuid PRIMARY KEY,
    declaration_id uuid NOT NULL REFERENCES declarations(id),
    item_seq       integer,
    severity       text NOT NULL CHECK (severity IN ('low','medium','high','critical')),
    score          integer NOT NULL CHECK (score BETWEEN 0 AND 100),
    category       text NOT NULL,
    status         text NOT NULL DEFAULT 'open',
    list_version   text NOT NULL,
    hits           jsonb NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alerts_status_id ON alerts (status, id DESC);
CREATE INDEX alerts_declaration ON alerts (declaration_id);

-- Stores a batch of screened declarations in one statement, so one commit
-- (one WAL flush) serves every declaration that arrived together.  Input:
-- a JSON array of {id, submitter, reference, body_hash, body, result}.
-- Output, in input order: created, replay (same body: the stored result) or
-- conflict (same reference, other body).
CREATE FUNCTION cordon_store_batch(batch jsonb)
RETURNS TABLE (ord integer, status text, decl_id uuid, stored jsonb)
LANGUAGE plpgsql AS $$
DECLARE
    d   jsonb;
    n   integer := 0;
    ex  record;
    did uuid;
BEGIN
    FOR d IN SELECT value FROM jsonb_array_elements(batch) LOOP
        n := n + 1;
        did := (d->>'id')::uuid;
        INSERT INTO declarations (id, submitter, reference, body_hash, type,
                                  body, result, verdict, list_version)
        VALUES (did, d->>'submitter', d->>'reference', d->>'body_hash',
                d->'body'->>'type', d->'body', d->'result',
                d->'result'->>'verdict', d->'result'->>'list_version')
        ON CONFLICT (submitter, reference) DO NOTHING;
        IF FOUND THEN
            INSERT INTO items (declaration_id, seq, hs_code, description)
            SELECT did, (i->>'seq')::integer, i->>'hs_code', i->>'description'
              FROM jsonb_array_elements(d->'body'->'items') AS i;
            INSERT INTO alerts (id, declaration_id, item_seq, severity, score,
                                category, list_version, hits)
            SELECT (a->>'id')::uuid, did, (a->>'item_seq')::integer,
                   a->>'severity', (a->>'score')::integer, a->>'category',
                   d->'result'->>'list_version', a->'hits'
              FROM jsonb_array_elements(d->'result'->'alerts') AS a;
            ord := n; status := 'created'; decl_id := did; stored := d->'result';
            RETURN NEXT;
        ELSE
            SELECT x.id, x.body_hash, x.result INTO ex FROM declarations x
             WHERE x.submitter = d->>'submitter' AND x.reference = d->>'reference';
            ord := n; decl_id := ex.id; stored := ex.result;
            status := CASE WHEN ex.body_hash = d->>'body_hash'
                           THEN 'replay' ELSE 'conflict' END;
            RETURN NEXT;
        END IF;
    END LOOP;
END $$;
