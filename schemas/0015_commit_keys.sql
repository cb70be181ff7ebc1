-- The commit path's key rows written set-based (issue 10: bench_commit at
-- 64 clients; see README "How commits are batched").
--
-- 0014 keeps the rules that hold across months in declaration_keys and
-- alert_keys, written by triggers: a PL/pgSQL BEFORE INSERT trigger per
-- declaration row (its INSERT ... ON CONFLICT DO NOTHING run through SPI
-- for every row) and a statement trigger reading the new alerts'
-- transition table.  perf on the PostgreSQL backends during the benchmark
-- put the row trigger alone at about 7 % of their CPU per declaration.
-- The batch statement (daemon/store_decl.c) now writes both key tables
-- itself, set-based over the whole batch: the declaration keys first
-- (INSERT ... ON CONFLICT DO NOTHING RETURNING id: a key that exists
-- skips its declaration row, exactly as the trigger did; a key of a
-- concurrent transaction is waited for the same way), then the rows whose
-- key went in, and the alert keys from the alerts it inserted (a CTE).
--
-- The declaration keys go through cordon_declaration_keys_add(), one call
-- per batch, rather than a CTE of the statement: PostgreSQL locks the
-- tables a statement names when it analyses it, in the order they appear,
-- and a CTE on declaration_keys ahead of items and alerts took its lock
-- first.  The maintenance job creating a month of items or alerts holds
-- that table and then needs declaration_keys (for the month's foreign
-- keys): the two deadlocked.  Inside a function the key table is locked
-- when the INSERT runs, after the statement holds its tables, in the order
-- the trigger had.  alert_keys comes after alerts in the statement, as in
-- the maintenance job.
--
-- Every other writer (a recorded cancellation, re-screening's alerts,
-- administrators' SQL, tests) keeps the triggers: they fire unless the
-- transaction says, with cordon.keys_written = 'on' set for the
-- transaction only (SET LOCAL, or set_config(..., true)), that its
-- statement writes the keys itself.  Only the batch statement's pipeline
-- sets it, right before the statement, and COMMIT follows it at once, so
-- the setting covers that one statement.  A WHEN condition is evaluated
-- without calling PL/pgSQL.
--
-- Triggers on a partitioned table are cloned to every partition, those
-- created later by the maintenance job included, so nothing per month is
-- needed.  Existing rows are untouched.

-- The key rows of a batch's declarations, in the batch's order; returns
-- the ids whose key went in (a key already stored, or written by a
-- transaction that commits while this one waits, is skipped: its
-- declaration row is not inserted).
CREATE FUNCTION cordon_declaration_keys_add(p_id uuid[], p_submitter text[],
                                            p_reference text[],
                                            p_version integer[])
RETURNS SETOF uuid LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY
    INSERT INTO declaration_keys AS dk (id, submitter, reference, version,
                                        created_at)
    SELECT k.id, k.submitter, k.reference, k.version, now()
      FROM unnest(p_id, p_submitter, p_reference, p_version)
           WITH ORDINALITY AS k(id, submitter, reference, version, ord)
     ORDER BY k.ord
    ON CONFLICT DO NOTHING
    RETURNING dk.id;
END $$;

-- The batch statement asks cordon_alert_claim() (0014) for every alert,
-- and only an amendment's alerts have an alert of the superseded version:
-- for the others its argument is NULL and it returns no row.  STRICT says
-- so, and PostgreSQL then skips the PL/pgSQL call (about 5 % of the
-- backends' CPU per declaration in the benchmark, one call per alert).
ALTER FUNCTION cordon_alert_claim(uuid) STRICT;

DROP TRIGGER declarations_key ON declarations;
CREATE TRIGGER declarations_key BEFORE INSERT ON declarations
    FOR EACH ROW
    WHEN (current_setting('cordon.keys_written', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION cordon_declaration_key();

DROP TRIGGER alerts_keys ON alerts;
CREATE TRIGGER alerts_keys AFTER INSERT ON alerts
    REFERENCING NEW TABLE AS new_alerts
    FOR EACH STATEMENT
    WHEN (current_setting('cordon.keys_written', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION cordon_alert_keys_add();

-- ---- the queue's text search indexes only declarations with alerts ----------
-- The trigram index declarations_search (0009) took a fifth to a quarter of
-- the backends' CPU per declaration: cordon_search_text() run through the
-- SQL-function executor for every row, its trigrams, the GIN pending list
-- and its clean-up.  Its one reader is the officers' queue
-- (daemon/store_queue.c), which reaches declarations only through their
-- alerts, so a declaration without alerts (most of them: clear) never
-- needs to be in it.  declarations.alerted says that a declaration has at
-- least one alert; the index keeps only those rows, and the queue's text
-- filter says "d.alerted AND ..." so that the planner can use it.  Who
-- keeps the flag true for every declaration with an alert:
-- * the batch statement sets it on the row it inserts (the declaration
--   arrives with its alerts);
-- * any other INSERT into alerts (re-screening raising alerts on an older
--   declaration, administrators' SQL) goes through the alerts statement
--   trigger, which now also flags the alerts' declarations (an UPDATE
--   only of those not yet flagged: their row then enters the index).
-- Alerts are never deleted on their own (a month goes as a whole), so the
-- flag never needs to go back to false.  A month exported by the retention
-- job has the column too (last in the CSV).

ALTER TABLE declarations ADD COLUMN alerted boolean NOT NULL DEFAULT false;

CREATE OR REPLACE FUNCTION cordon_alert_keys_add() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO alert_keys (id, declaration_id, created_at)
    SELECT id, declaration_id, created_at FROM new_alerts;
    UPDATE declarations d SET alerted = true
      FROM (SELECT DISTINCT declaration_id FROM new_alerts) n
     WHERE d.id = n.declaration_id AND NOT d.alerted;
    RETURN NULL;
END $$;

-- Stored rows: the index goes first, so that flagging them does not
-- insert every row's trigrams into the old index.
DROP INDEX declarations_search;
UPDATE declarations d SET alerted = true
 WHERE EXISTS (SELECT 1 FROM alerts a WHERE a.declaration_id = d.id);
CREATE INDEX declarations_search ON declarations
    USING gin (cordon_search_text(reference, body) gin_trgm_ops)
    WHERE alerted;
-- Each month's copy of it (and the DEFAULT partition's) gets its name
-- back (declarations_search_p2026_11, ...); months created later get the
-- index from the parent and their names from cordon_partitions_create().
SELECT cordon_partition_index_names(p.part) FROM cordon_partitions() p
 WHERE p.parent = 'declarations';
SELECT cordon_partition_index_names('declarations_default');
