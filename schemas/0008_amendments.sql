-- Amendments and cancellations (WCO function codes 13 and 10, or the JSON
-- contract's "function"), and the original body of a declaration.
--
-- An amendment is stored as a new row: the next version of the same
-- submitter + reference, linked to the row it supersedes, which is marked
-- superseded and keeps its items, alerts and result as history.  A
-- cancellation adds no row: it marks the latest version cancelled and keeps
-- what it was sent with.  One row per submitter + reference is live (not
-- superseded); every version has its own number.  The words of state and
-- function are daemon/words.c's (a unit test holds this file to them).
ALTER TABLE declarations
    ADD COLUMN version       integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    ADD COLUMN function      text NOT NULL DEFAULT 'original',
    ADD COLUMN state         text NOT NULL DEFAULT 'current',
    ADD COLUMN supersedes    uuid REFERENCES declarations(id),
    -- Set before the superseding row is inserted, in the same transaction.
    ADD COLUMN superseded_by uuid REFERENCES declarations(id)
                             DEFERRABLE INITIALLY DEFERRED,
    -- The body as received (NULL: the body column is the received JSON).
    ADD COLUMN body_type     text NOT NULL DEFAULT 'application/json',
    ADD COLUMN raw_body      bytea,
    ADD COLUMN cancelled_at  timestamptz,
    ADD COLUMN cancel_hash   text,
    ADD COLUMN cancel_type   text,
    ADD COLUMN cancel_body   bytea,
    ADD CONSTRAINT declarations_function_word
    CHECK (function IN ('original', 'amendment', 'cancellation')),
    ADD CONSTRAINT declarations_state_word
    CHECK (state IN ('current', 'superseded', 'cancelled'));
ALTER TABLE declarations DROP CONSTRAINT declarations_submitter_reference_key;
CREATE UNIQUE INDEX declarations_live_reference
    ON declarations (submitter, reference) WHERE state <> 'superseded';
CREATE UNIQUE INDEX declarations_reference_version
    ON declarations (submitter, reference, version);

-- Alerts across versions.  A new version's alert follows the alert of the
-- superseded version raised for the same goods (same fingerprint and
-- entries) or the same party entries: previous_alert_id.  Open and claimed
-- alerts of a superseded or cancelled version are closed by the system
-- (status auto_closed, as a suppression does) with the reason and the
-- declaration row that closed them; decided alerts stay as decided.
ALTER TABLE alerts
    ADD COLUMN previous_alert_id uuid REFERENCES alerts(id),
    ADD COLUMN closed_reason     text,
    ADD COLUMN closed_by         uuid REFERENCES declarations(id)
                                 DEFERRABLE INITIALLY DEFERRED,
    ADD COLUMN closed_at         timestamptz,
    ADD CONSTRAINT alerts_closed_reason_word
    CHECK (closed_reason IN ('superseded', 'cancelled'));
CREATE INDEX alerts_previous ON alerts (previous_alert_id)
    WHERE previous_alert_id IS NOT NULL;
