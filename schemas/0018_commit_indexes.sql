-- Indexes that every stored declaration pays for and that no query reads
-- (issue 10: bench_commit at 64 clients; see README "How commits are
-- batched").
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
