-- Signed events out: a transactional outbox.  The row for an event is
-- written in the same transaction as what caused it (a declaration stored
-- with verdict review or hold, an alert decided or reopened, a suppression
-- created, a list version activated), so none is lost and none is sent for
-- something that was rolled back.  cordond's sender (daemon/webhook.c)
-- delivers each event to every configured endpoint that takes its type.

-- The endpoints cordond was configured with (cordond.yaml `webhooks:`),
-- written by the sender when it starts; the secrets stay in the
-- configuration.  An endpoint no longer configured is disabled: its pending
-- deliveries wait, and new events get no delivery row for it.
CREATE TABLE webhook_endpoints (
    name        text PRIMARY KEY,
    url         text NOT NULL,
    types       text[] NOT NULL DEFAULT '{}',   -- empty: every event type
    enabled     boolean NOT NULL DEFAULT true,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE events (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq             bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    type            text NOT NULL CHECK (type IN ('declaration.flagged',
                        'alert.decided', 'alert.reopened',
                        'suppression.created', 'list_version.activated')),
    declaration_id  uuid,
    alert_id        uuid,
    subject_id      text,            -- suppression id, list version
    payload         jsonb NOT NULL,  -- the "data" member of what is sent
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_declaration ON events (declaration_id);
CREATE INDEX events_alert ON events (alert_id);

-- One row per event and endpoint: pending → delivering (claimed by one
-- cordond until lease_until) → delivered, or back to pending with a later
-- next_attempt_at, or failed (the dead letter) once the retry window ends.
CREATE TABLE event_deliveries (
    event_id         uuid NOT NULL REFERENCES events(id),
    endpoint         text NOT NULL REFERENCES webhook_endpoints(name),
    status           text NOT NULL DEFAULT 'pending' CHECK (status IN
                         ('pending', 'delivering', 'delivered', 'failed')),
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    retry_from       timestamptz NOT NULL DEFAULT now(),  -- the retry window
                                     -- starts here (again on a redeliver)
    lease_until      timestamptz,
    last_error       text,
    last_status      integer,        -- HTTP status of the last attempt
    delivered_at     timestamptz,
    PRIMARY KEY (event_id, endpoint)
);
CREATE INDEX event_deliveries_due ON event_deliveries (next_attempt_at)
    WHERE status IN ('pending', 'delivering');
CREATE INDEX event_deliveries_failed ON event_deliveries (event_id)
    WHERE status = 'failed';

-- Every statement that writes events adds their delivery rows and wakes
-- the senders once (NOTIFY is folded per transaction), so the hot
-- declaration path pays one extra statement-level step, not a round trip.
CREATE FUNCTION cordon_events_fanout() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    n integer;
BEGIN
    INSERT INTO event_deliveries (event_id, endpoint)
    SELECT e.id, w.name FROM new_events e
      JOIN webhook_endpoints w ON w.enabled AND
           (cardinality(w.types) = 0 OR e.type = ANY (w.types));
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n > 0 THEN
        PERFORM pg_notify('cordon_events', '');
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER events_fanout AFTER INSERT ON events
    REFERENCING NEW TABLE AS new_events
    FOR EACH STATEMENT EXECUTE FUNCTION cordon_events_fanout();
