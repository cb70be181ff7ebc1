-- The officers' workflow: the four-eyes principle, suppressions only from a
-- false_positive decision, and a queue that can be searched and assigned.
--
-- Four eyes: releasing a critical alert, and reopening a decision another
-- officer made, become a request that a second person of the supervisor
-- role approves or rejects.  The request, the approval and both names are
-- kept here and in the audit trail; the database refuses a critical alert
-- released without an approver who is not the officer who decided it.

ALTER TABLE tokens DROP CONSTRAINT IF EXISTS tokens_role_check;
ALTER TABLE tokens ADD CONSTRAINT tokens_role_check
    CHECK (role IN ('submitter', 'officer', 'supervisor', 'admin', 'auditor'));

ALTER TABLE alerts ADD COLUMN approved_by text;

-- Existing rows are left as they were (a critical alert released before
-- this migration); every new write is checked.
ALTER TABLE alerts ADD CONSTRAINT alerts_critical_release_approved
    CHECK (status <> 'released' OR severity <> 'critical'
           OR (approved_by IS NOT NULL AND approved_by <> decided_by))
    NOT VALID;

-- One row per request.  action: 'decision' (with the decision asked for)
-- or 'reopen'; state: pending, then approved or rejected.
CREATE TABLE approvals (
    id           bigserial PRIMARY KEY,
    alert_id     uuid NOT NULL REFERENCES alerts(id),
    action       text NOT NULL CHECK (action IN ('decision', 'reopen')),
    decision     text CHECK (decision IN ('released', 'held',
                     'inspection_ordered', 'referred_licensing',
                     'referred_enforcement', 'false_positive')),
    reason       text NOT NULL,
    requested_by text NOT NULL,
    requested_at timestamptz NOT NULL DEFAULT now(),
    state        text NOT NULL DEFAULT 'pending'
                 CHECK (state IN ('pending', 'approved', 'rejected')),
    decided_by   text,
    decided_at   timestamptz,
    comment      text,
    CHECK ((action = 'decision') = (decision IS NOT NULL)),
    CHECK (state = 'pending' OR (decided_by IS NOT NULL
                                 AND decided_by <> requested_by))
);
-- At most one pending request per alert.
CREATE UNIQUE INDEX approvals_one_pending ON approvals (alert_id)
    WHERE state = 'pending';

-- Suppressions: only from an alert decided false_positive, and never for
-- more than a year (cordond's suppression_max_days may ask for less).
-- Replaces the function of 0004; its trigger keeps calling it.
CREATE OR REPLACE FUNCTION cordon_suppression_refusal(p_alert uuid,
                                                      p_actor text,
                                                      p_expires timestamptz,
                                                      p_max_days integer)
RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE
    a   record;
    lim integer := least(greatest(coalesce(p_max_days, 365), 1), 365);
BEGIN
    SELECT status, decision, decided_by INTO a FROM alerts WHERE id = p_alert;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    IF a.status IN ('open', 'claimed') THEN
        RETURN '409 alert_id: the alert is ' || a.status || ', not decided; '
            || 'decide it false_positive before suppressing identical items';
    END IF;
    IF a.decision IS DISTINCT FROM 'false_positive' THEN
        RETURN '409 alert_id: the alert was decided '
            || coalesce(a.decision, a.status)
            || '; only a false_positive decision can be suppressed';
    END IF;
    IF p_expires IS NULL OR p_expires <= now() THEN
        RETURN '422 expires_at: must be in the future';
    END IF;
    IF p_expires > now() + make_interval(days => lim) THEN
        RETURN '422 expires_at: at most ' || lim || ' days ahead';
    END IF;
    RETURN NULL;
END $$;

-- Text search over the reference, the item descriptions and the party
-- names of a declaration, backed by a trigram index (pg_trgm ships with
-- PostgreSQL's contrib; it is a trusted extension, so the database owner
-- may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE FUNCTION cordon_search_text(p_reference text, p_body jsonb)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT p_reference || ' '
        || coalesce((SELECT string_agg(i->>'description', ' ')
                       FROM jsonb_array_elements(
                            CASE jsonb_typeof(p_body->'items')
                            WHEN 'array' THEN p_body->'items'
                            ELSE '[]'::jsonb END) i), '')
        || ' '
        || coalesce((SELECT string_agg(p->>'name', ' ')
                       FROM jsonb_array_elements(
                            CASE jsonb_typeof(p_body->'parties')
                            WHEN 'array' THEN p_body->'parties'
                            ELSE '[]'::jsonb END) p), '')
$$;

CREATE INDEX declarations_search ON declarations
    USING gin (cordon_search_text(reference, body) gin_trgm_ops);
CREATE INDEX declarations_submitter ON declarations (submitter, created_at);
CREATE INDEX alerts_created ON alerts (created_at);
CREATE INDEX alerts_claimed_by ON alerts (claimed_by) WHERE claimed_by IS NOT NULL;
