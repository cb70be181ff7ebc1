-- Officers and administrators: API tokens and roles, the alert workflow,
-- suppressions and the hash-chained audit trail.

CREATE TABLE tokens (
    id          bigserial PRIMARY KEY,
    name        text NOT NULL UNIQUE,
    role        text NOT NULL CHECK (role IN ('submitter','officer','admin','auditor')),
    hash        text NOT NULL UNIQUE,        -- SHA-256 of the token; the token itself is never stored
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);

-- The workflow state of an alert.  status: open, claimed, then a decision
-- (released, held, inspection_ordered, referred_licensing,
-- referred_enforcement, false_positive), or auto_closed by a suppression.
ALTER TABLE alerts
    ADD COLUMN claimed_by     text,
    ADD COLUMN claimed_at     timestamptz,
    ADD COLUMN decision       text,
    ADD COLUMN decided_by     text,
    ADD COLUMN decided_at     timestamptz,
    ADD COLUMN fingerprint    text,          -- trader + commodity + description (items only)
    ADD COLUMN entries        text[] NOT NULL DEFAULT '{}',   -- list/entry of every hit
    ADD COLUMN suppression_id bigint,
    -- Queue order: severity, then score (higher first), then age.
    ADD COLUMN priority       integer GENERATED ALWAYS AS (
        (CASE severity WHEN 'critical' THEN 3 WHEN 'high' THEN 2
                       WHEN 'medium' THEN 1 ELSE 0 END) * 1000 + score) STORED;
CREATE INDEX alerts_queue ON alerts (status, priority DESC, id);
CREATE INDEX alerts_fingerprint ON alerts (fingerprint);

CREATE TABLE suppressions (
    id          bigserial PRIMARY KEY,
    fingerprint text NOT NULL,
    entries     text[] NOT NULL,
    alert_id    uuid NOT NULL REFERENCES alerts(id),
    reason      text NOT NULL,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL
);
CREATE INDEX suppressions_fp ON suppressions (fingerprint, expires_at);
ALTER TABLE alerts ADD CONSTRAINT alerts_suppression_fk
    FOREIGN KEY (suppression_id) REFERENCES suppressions(id);

-- Append-only audit trail.  Each row carries the SHA-256 of the previous
-- row's hash and its own canonical form (computed by Cordon with OpenSSL),
-- so `cordonctl audit verify` finds the first altered, deleted or
-- reordered row.  at is kept as the exact text that was hashed.
CREATE TABLE audit (
    seq          bigint PRIMARY KEY,
    at           text NOT NULL,
    actor        text NOT NULL,
    action       text NOT NULL,
    object_type  text NOT NULL,
    object_id    text NOT NULL,
    list_version text,
    details      jsonb NOT NULL DEFAULT '{}',
    details_text text NOT NULL,              -- the canonical JSON that was hashed
    prev_hash    text NOT NULL,
    hash         text NOT NULL
);
CREATE INDEX audit_object ON audit (object_type, object_id, seq);

CREATE FUNCTION cordon_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only';
END $$;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION cordon_audit_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
    FOR EACH STATEMENT EXECUTE FUNCTION cordon_audit_append_only();

-- Stores a batch as before; item alerts whose fingerprint and entries are
-- covered by a live suppression are stored auto_closed with a link to it.
CREATE OR REPLACE FUNCTION cordon_store_batch(batch jsonb)
RETURNS TABLE (ord integer, status text, decl_id uuid, stored jsonb)
LANGUAGE plpgsql AS $$
DECLARE
    d   jsonb;
    n   integer := 0;
    ex  record;
    did uuid;
    res jsonb;
BEGIN
    FOR d IN SELECT value FROM jsonb_array_elements(batch) LOOP
        n := n + 1;
        did := (d->>'id')::uuid;
        -- Decide each alert's status first, so the stored result says it.
        SELECT jsonb_set(d->'result', '{alerts}', coalesce(jsonb_agg(
                   CASE WHEN s.id IS NULL THEN a || jsonb_build_object('status', 'open')
                        ELSE a || jsonb_build_object('status', 'auto_closed',
                                                     'suppression_id', s.id) END
                   ORDER BY a_ord), '[]'::jsonb))
          INTO res
          FROM jsonb_array_elements(d->'result'->'alerts') WITH ORDINALITY AS x(a, a_ord)
          LEFT JOIN LATERAL (
              SELECT sp.id FROM suppressions sp
               WHERE a->>'fingerprint' IS NOT NULL
                 AND sp.fingerprint = a->>'fingerprint'
                 AND sp.expires_at > now()
                 AND ARRAY(SELECT jsonb_array_elements_text(a->'entries')) <@ sp.entries
               ORDER BY sp.id DESC LIMIT 1) s ON true;
        INSERT INTO declarations (id, submitter, reference, body_hash, type,
                                  body, result, verdict, list_version)
        VALUES (did, d->>'submitter', d->>'reference', d->>'body_hash',
                d->'body'->>'type', d->'body', res,
                d->'result'->>'verdict', d->'result'->>'list_version')
        ON CONFLICT (submitter, reference) DO NOTHING;
        IF FOUND THEN
            INSERT INTO items (declaration_id, seq, hs_code, description)
            SELECT did, (i->>'seq')::integer, i->>'hs_code', i->>'description'
              FROM jsonb_array_elements(d->'body'->'items') AS i;
            INSERT INTO alerts (id, declaration_id, item_seq, severity, score,
                                category, list_version, hits, status,
                                fingerprint, entries, suppression_id)
            SELECT (a->>'id')::uuid, did, (a->>'item_seq')::integer,
                   a->>'severity', (a->>'score')::integer, a->>'category',
                   d->'result'->>'list_version', a->'hits', a->>'status',
                   a->>'fingerprint',
                   ARRAY(SELECT jsonb_array_elements_text(a->'entries')),
                   (a->>'suppression_id')::bigint
              FROM jsonb_array_elements(res->'alerts') AS a;
            ord := n; status := 'created'; decl_id := did; stored := res;
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

-- The list headers of a version (title and legal source per list), so that
-- an alert can show where its control entry comes from.
CREATE TABLE list_headers (
    version      text NOT NULL REFERENCES list_versions(id),
    list_id      text NOT NULL,
    title        text NOT NULL,
    source       text NOT NULL,
    version_date text NOT NULL,
    file         text NOT NULL,
    PRIMARY KEY (version, list_id)
);
