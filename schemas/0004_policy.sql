-- Server-side policy that no client can bypass, whatever the console or an
-- API caller does.
--
-- Suppressions: an officer may suppress identical later items only from an
-- alert that has been decided (not open, not claimed), never from one that
-- another officer decided `held`, and for a bounded time.  The bound is
-- cordond's suppression_max_days setting, which the daemon puts in the
-- session setting cordon.suppression_max_days; any other writer gets 365
-- days, and nothing gets more than 3650.

-- NULL when the suppression is allowed, else "STATUS field: why" (STATUS is
-- the HTTP status the API answers with).  The alert not existing is left
-- to the caller (404) and to the foreign key.
CREATE FUNCTION cordon_suppression_refusal(p_alert uuid, p_actor text,
                                           p_expires timestamptz,
                                           p_max_days integer)
RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE
    a   record;
    lim integer := least(greatest(coalesce(p_max_days, 365), 1), 3650);
BEGIN
    SELECT status, decision, decided_by INTO a FROM alerts WHERE id = p_alert;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    IF a.status IN ('open', 'claimed') THEN
        RETURN '409 alert_id: the alert is ' || a.status || ', not decided; '
            || 'decide it before suppressing identical items';
    END IF;
    IF a.decision = 'held' AND a.decided_by IS DISTINCT FROM p_actor THEN
        RETURN '409 alert_id: another officer decided this alert held; '
            || 'only that officer may suppress identical items';
    END IF;
    IF p_expires IS NULL OR p_expires <= now() THEN
        RETURN '422 expires_at: must be in the future';
    END IF;
    IF p_expires > now() + make_interval(days => lim) THEN
        RETURN '422 expires_at: at most ' || lim || ' days ahead';
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION cordon_suppression_policy() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    why text;
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.alert_id = OLD.alert_id
       AND NEW.created_by = OLD.created_by
       AND NEW.expires_at <= OLD.expires_at THEN
        RETURN NEW;             -- shortening a suppression is always allowed
    END IF;
    why := cordon_suppression_refusal(NEW.alert_id, NEW.created_by,
        NEW.expires_at,
        nullif(current_setting('cordon.suppression_max_days', true), '')::integer);
    IF why IS NOT NULL THEN
        RAISE EXCEPTION 'suppression refused: %', substr(why, 5)
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER suppressions_policy BEFORE INSERT OR UPDATE ON suppressions
    FOR EACH ROW EXECUTE FUNCTION cordon_suppression_policy();

-- Tokens: created and revoked only through cordonctl, which writes the
-- token_create / token_revoke audit row in the same transaction.  Checked
-- at commit, so the order of the two writes does not matter; a token
-- written around Cordon (a direct INSERT of an admin token, a raised role,
-- an undone revocation) is refused.  A superuser who disables the trigger
-- is still found by `cordonctl audit verify`.
CREATE FUNCTION cordon_token_audited() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NEW.name IS DISTINCT FROM OLD.name OR NEW.role IS DISTINCT FROM OLD.role
           OR NEW.hash IS DISTINCT FROM OLD.hash
           OR (OLD.revoked_at IS NOT NULL AND NEW.revoked_at IS DISTINCT FROM OLD.revoked_at) THEN
            RAISE EXCEPTION 'token "%": only a revocation may change a token', OLD.name
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF NEW.revoked_at IS NOT DISTINCT FROM OLD.revoked_at THEN
            RETURN NULL;
        END IF;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM audit a
                    WHERE a.object_type = 'token' AND a.object_id = NEW.name
                      AND a.action = CASE TG_OP WHEN 'INSERT' THEN 'token_create'
                                                ELSE 'token_revoke' END) THEN
        RAISE EXCEPTION 'token "%": written without its audit row; use cordonctl tokens', NEW.name
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER tokens_audited AFTER INSERT OR UPDATE ON tokens
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cordon_token_audited();
