-- Checks and indexes that every stored declaration pays for and that no
-- query reads (issue 10: bench_commit at 64 clients; see README "How
-- commits are batched").
--
-- perf on the PostgreSQL backends during the benchmark put btree inserts
-- at about a tenth of their CPU per declaration: a flagged declaration
-- with three items and one alert inserts about 18 btree entries (its key
-- row 2, its row 3, its items 3, its alert 6, the alert's key 1, its
-- outbox event 4).  Three of them serve no statement of cordond,
-- cordonctl or the console (checked against every query in daemon/ and
-- the console's API calls):
-- * alerts_fingerprint (0002): suppressions are looked up in the
--   suppressions table by fingerprint (store_decl.c, store_rescreen.c),
--   never alerts; nothing filters or joins alerts on their fingerprint.
-- * events_declaration and events_alert (0007): the outbox is read by seq
--   (GET /v1/events, the webhook sender, which joins event_deliveries on
--   events.id) and by id; the retention job deletes by age.  Most events
--   are declaration.flagged, whose alert_id is NULL: events_alert held a
--   NULL entry for each of them.
-- An administrator's ad hoc query by those columns now scans; one that
-- needs it often can create the index again without any change to
-- Cordon.
--
-- Dropping an index of a partitioned table (alerts) drops each month's
-- copy; months created later (cordon_partitions_create(), the maintenance
-- job) copy the parent's indexes, so they no longer get it.  0013's and
-- 0014's settings (lz4, the declarations' tuple target) are per column and
-- per table and are not touched.  No stored row is rewritten.

DROP INDEX IF EXISTS alerts_fingerprint;
DROP INDEX IF EXISTS events_declaration;
DROP INDEX IF EXISTS events_alert;

-- The foreign key of items to declaration_keys.  perf, same benchmark: the
-- foreign-key checks at the end of the batch statement took about 7-8 % of
-- the backends' CPU (above the 5 % below which they were to stay), two
-- thirds of it for items: one check (an SPI query locking the key row) per
-- item, 2-3 per declaration.  The batch statement is the only writer of
-- items, and it inserts an item only for a declaration row inserted by the
-- same statement, whose key row it has just written (store_decl.c: "WHERE
-- i.did IN (SELECT id FROM ins)"); key rows are never deleted, and a month
-- of items is dropped with its month of declarations.  The check could not
-- fail.  The integration tests check that every item links to its
-- declaration in the same month (tests/integration/run.sh, migrate_data.sh).
-- The other foreign keys stay: alerts are also written by re-screening,
-- and the rest hold NULL for a new declaration.  Dropping the
-- constraint of the partitioned table drops each month's copy; months
-- created later copy the parent and do not get it.
ALTER TABLE items DROP CONSTRAINT IF EXISTS items_declaration_id_fkey;
