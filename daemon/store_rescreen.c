/*
 * Re-screening runs, the declarations and earlier hits they walk, what a
 * re-screened batch stores, and the rule-quality statistics drawn from
 * officers' decisions.  No screening here: rescreen.c screens; this file
 * only reads and writes rows.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libpq-fe.h>

#include "store.h"
#include "store_int.h"
#include "store_rescreen.h"
#include "xmalloc.h"

/* ---- runs ------------------------------------------------------------- */

#define RUN_COLS "r.id, r.version, r.status, r.since, " \
	"coalesce(r.last_created_at::text, ''), coalesce(r.last_id::text, ''), " \
	"r.total, r.done, r.alerts_raised, r.notes_added"

static void
run_from_row(PGresult *r, int row, struct rescreen_run *run)
{
	memset(run, 0, sizeof(*run));
	run->id = atoll(PQgetvalue(r, row, 0));
	snprintf(run->version, sizeof(run->version), "%s", PQgetvalue(r, row, 1));
	snprintf(run->status, sizeof(run->status), "%s", PQgetvalue(r, row, 2));
	snprintf(run->since, sizeof(run->since), "%s", PQgetvalue(r, row, 3));
	snprintf(run->last_at, sizeof(run->last_at), "%s", PQgetvalue(r, row, 4));
	snprintf(run->last_id, sizeof(run->last_id), "%s", PQgetvalue(r, row, 5));
	run->total = atoll(PQgetvalue(r, row, 6));
	run->done = atoll(PQgetvalue(r, row, 7));
	run->raised = atoll(PQgetvalue(r, row, 8));
	run->notes = atoll(PQgetvalue(r, row, 9));
}

int
store_rescreen_current(PGconn *c, long days, struct rescreen_run *run,
    char **errp)
{
	char d[24];
	const char *p[1] = { d };
	PGresult *r;
	int found;

	snprintf(d, sizeof(d), "%ld", days);
	/* An activation since: the runs of earlier ones stop. */
	if (store_exec_ok(c, "UPDATE rescreen_runs r SET status = 'superseded', "
	    "updated_at = now() FROM list_versions v WHERE v.active AND "
	    "r.status = 'running' AND (r.version <> v.id OR r.activated_at <> "
	    "coalesce(v.activated_at, v.created_at))", 0, NULL, errp,
	    "rescreen") == -1)
		return -1;
	if (store_exec_ok(c, "INSERT INTO rescreen_runs (version, activated_at, "
	    "since, total) SELECT v.id, coalesce(v.activated_at, v.created_at), "
	    "coalesce(v.activated_at, v.created_at) - make_interval(days => "
	    "$1::integer), (SELECT count(*) FROM declarations d WHERE "
	    "d.created_at >= coalesce(v.activated_at, v.created_at) - "
	    "make_interval(days => $1::integer) AND d.list_version <> v.id) "
	    "FROM list_versions v WHERE v.active AND NOT EXISTS (SELECT 1 "
	    "FROM rescreen_runs r WHERE r.version = v.id AND r.activated_at = "
	    "coalesce(v.activated_at, v.created_at)) "
	    "ON CONFLICT (version, activated_at) DO NOTHING", 1, p, errp,
	    "rescreen") == -1)
		return -1;
	r = store_q(c, "SELECT " RUN_COLS " FROM rescreen_runs r JOIN "
	    "list_versions v ON v.id = r.version AND v.active AND "
	    "r.activated_at = coalesce(v.activated_at, v.created_at)", 0, NULL);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return store_fail(c, r, errp, "rescreen");
	found = PQntuples(r) > 0;
	if (found)
		run_from_row(r, 0, run);
	PQclear(r);
	return found;
}

PGresult *
store_rescreen_next(PGconn *c, const char *since, const char *until,
    const char *last_at, const char *last_id, const char *skip_version,
    int limit, char **errp)
{
	char lim[16];
	const char *p[6];
	PGresult *r;

	snprintf(lim, sizeof(lim), "%d", limit);
	p[0] = since;
	p[1] = last_at && *last_at ? last_at : NULL;
	p[2] = last_id && *last_id ? last_id : NULL;
	p[3] = skip_version;
	p[4] = lim;
	p[5] = until;
	/* A row comparison on (created_at, id): the index walks it. */
	r = store_q(c, "SELECT d.id, d.created_at, d.body FROM declarations d "
	    "WHERE (d.created_at, d.id) > (greatest($1::timestamptz, "
	    "coalesce($2::timestamptz, '-infinity')), coalesce($3::uuid, "
	    "'00000000-0000-0000-0000-000000000000')) "
	    "AND d.created_at >= $1::timestamptz "
	    "AND ($6::timestamptz IS NULL OR d.created_at < $6::timestamptz) "
	    "AND ($4::text IS NULL OR d.list_version <> $4) "
	    "ORDER BY d.created_at, d.id LIMIT $5::integer", 6, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		store_fail(c, r, errp, "rescreen declarations");
		return NULL;
	}
	return r;
}

PGresult *
store_rescreen_prior(PGconn *c, const char *ids, char **errp)
{
	const char *p[1] = { ids };
	PGresult *r;

	r = store_q(c, "SELECT a.declaration_id, a.id, a.status, "
	    "coalesce(a.decision, ''), coalesce(a.item_seq::text, '-') || '|' || "
	    "coalesce(h->>'list', '') || '|' || coalesce(h->>'entry', '') "
	    "FROM alerts a CROSS JOIN LATERAL jsonb_array_elements(a.hits) h "
	    "WHERE a.declaration_id = ANY($1::uuid[]) "
	    "ORDER BY a.declaration_id, a.id", 1, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		store_fail(c, r, errp, "rescreen alerts");
		return NULL;
	}
	return r;
}

static int
rollback_fail(PGconn *c)
{
	PQclear(PQexec(c, "ROLLBACK"));
	return -1;
}

int
store_rescreen_commit(PGconn *c, const struct rescreen_run *run,
    json_t *alerts, json_t *notes, const char *last_at, const char *last_id,
    long long done, const char *worker, char **errp)
{
	char id[24], nd[24], na[24], nn[24], *text;
	const char *p[7];
	PGresult *r;
	size_t i;
	json_t *a;

	snprintf(id, sizeof(id), "%lld", run->id);
	if (store_exec_ok(c, "BEGIN", 0, NULL, errp, "rescreen") == -1)
		return -1;
	p[0] = id;
	r = store_q(c, "SELECT status FROM rescreen_runs WHERE id = $1::bigint "
	    "FOR UPDATE", 1, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		store_fail(c, r, errp, "rescreen");
		return rollback_fail(c);
	}
	if (PQntuples(r) == 0 || strcmp(PQgetvalue(r, 0, 0), "running") != 0) {
		PQclear(r);
		PQclear(PQexec(c, "ROLLBACK"));
		return 1;
	}
	PQclear(r);
	if (json_array_size(alerts) > 0) {
		text = json_dumps(alerts, JSON_COMPACT);
		p[0] = text;
		p[1] = run->version;
		p[2] = id;
		/* Suppressions apply as at submission: same goods, same trader,
		 * entries covered. */
		r = store_q(c, "INSERT INTO alerts (id, declaration_id, item_seq, "
		    "severity, score, category, status, list_version, hits, "
		    "fingerprint, entries, suppression_id, origin, rescreen_run, "
		    "cause) SELECT (a->>'id')::uuid, (a->>'declaration_id')::uuid, "
		    "(a->>'item_seq')::integer, a->>'severity', "
		    "(a->>'score')::integer, a->>'category', CASE WHEN s.id IS NULL "
		    "THEN 'open' ELSE 'auto_closed' END, $2, a->'hits', "
		    "a->>'fingerprint', ARRAY(SELECT jsonb_array_elements_text("
		    "a->'entries')), s.id, 'rescreen', $3::bigint, a->>'cause' "
		    "FROM jsonb_array_elements($1::jsonb) a LEFT JOIN LATERAL ("
		    "SELECT sp.id FROM suppressions sp WHERE a->>'fingerprint' IS "
		    "NOT NULL AND sp.fingerprint = a->>'fingerprint' AND "
		    "sp.expires_at > now() AND ARRAY(SELECT "
		    "jsonb_array_elements_text(a->'entries')) <@ sp.entries "
		    "ORDER BY sp.id DESC LIMIT 1) s ON true", 3, p);
		free(text);
		if (PQresultStatus(r) != PGRES_COMMAND_OK) {
			store_fail(c, r, errp, "rescreen alerts");
			return rollback_fail(c);
		}
		PQclear(r);
	}
	json_array_foreach(alerts, i, a) {
		json_t *det = json_pack("{s:O, s:O, s:I}", "declaration_id",
		    json_object_get(a, "declaration_id"), "cause",
		    json_object_get(a, "cause"), "rescreen_run", run->id);

		if (store_audit_append(c, worker, "rescreen_alert", "alert",
		    json_string_value(json_object_get(a, "id")), run->version,
		    det, errp) == -1) {
			json_decref(det);
			return rollback_fail(c);
		}
		json_decref(det);
	}
	json_array_foreach(notes, i, a) {
		json_t *det = json_pack("{s:O, s:I}", "text",
		    json_object_get(a, "text"), "rescreen_run", run->id);

		if (store_audit_append(c, worker, "note", "alert",
		    json_string_value(json_object_get(a, "alert_id")),
		    run->version, det, errp) == -1) {
			json_decref(det);
			return rollback_fail(c);
		}
		json_decref(det);
	}
	snprintf(nd, sizeof(nd), "%lld", done);
	snprintf(na, sizeof(na), "%zu", json_array_size(alerts));
	snprintf(nn, sizeof(nn), "%zu", json_array_size(notes));
	p[0] = id;
	p[1] = nd;
	p[2] = na;
	p[3] = nn;
	p[4] = last_at;
	p[5] = last_id;
	p[6] = worker;
	if (store_exec_ok(c, "UPDATE rescreen_runs SET done = done + $2::integer, "
	    "alerts_raised = alerts_raised + $3::integer, notes_added = "
	    "notes_added + $4::integer, last_created_at = $5::timestamptz, "
	    "last_id = $6::uuid, worker = $7, updated_at = now() "
	    "WHERE id = $1::bigint", 7, p, errp, "rescreen progress") == -1)
		return rollback_fail(c);
	if (store_exec_ok(c, "COMMIT", 0, NULL, errp, "rescreen") == -1)
		return rollback_fail(c);
	return 0;
}

int
store_backtest_window(PGconn *c, long days, char since[48], char until[48],
    long long *total, char **errp)
{
	char d[24];
	const char *p[1] = { d };
	PGresult *r;

	snprintf(d, sizeof(d), "%ld", days);
	r = store_q(c, "WITH w AS (SELECT now() - make_interval(days => "
	    "$1::integer) AS since, now() AS until) SELECT w.since, w.until, "
	    "(SELECT count(*) FROM declarations d WHERE d.created_at >= w.since "
	    "AND d.created_at < w.until) FROM w", 1, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return store_fail(c, r, errp, "backtest");
	snprintf(since, 48, "%s", PQgetvalue(r, 0, 0));
	snprintf(until, 48, "%s", PQgetvalue(r, 0, 1));
	*total = atoll(PQgetvalue(r, 0, 2));
	PQclear(r);
	return 0;
}

int
store_rescreen_finish(PGconn *c, long long id, char **errp)
{
	char s[24];
	const char *p[1] = { s };

	snprintf(s, sizeof(s), "%lld", id);
	/* Declarations stored under the old version during the switch count
	 * too: the total is at least what was done. */
	return store_exec_ok(c, "UPDATE rescreen_runs SET status = 'finished', "
	    "finished_at = now(), updated_at = now(), total = greatest(total, "
	    "done) WHERE id = $1::bigint AND status = 'running'", 1, p, errp,
	    "rescreen");
}

json_t *
store_rescreen_status(PGconn *c, char **errp)
{
	PGresult *r;
	json_t *j;

	r = store_q(c, "SELECT jsonb_build_object('run', id, 'version', version, "
	    "'status', status, 'done', done, 'total', total, 'alerts_raised', "
	    "alerts_raised, 'notes_added', notes_added, 'since', since, "
	    "'activated_at', activated_at, 'started_at', created_at, "
	    "'updated_at', updated_at, 'finished_at', finished_at) "
	    "FROM rescreen_runs ORDER BY id DESC LIMIT 1", 0, NULL);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		store_fail(c, r, errp, "rescreen status");
		return NULL;
	}
	j = PQntuples(r) > 0 ? store_json_cell(r, 0, 0) : json_null();
	PQclear(r);
	return j;
}

/* ---- rule quality ----------------------------------------------------- */

json_t *
store_stats_entries(PGconn *c, const char *since, const char *until,
    long days, char **errp)
{
	char d[24];
	const char *p[3] = { since, until, d };
	PGresult *r;
	json_t *j;

	snprintf(d, sizeof(d), "%ld", days);
	/*
	 * One row per list entry that a hit of an alert of the period names.
	 * hits: the hits naming it; alerts: the alerts with at least one;
	 * decisions: by outcome, for the decided alerts; the false-positive
	 * share is of the decided ones; the median time from the alert to its
	 * decision, in seconds.  The title comes from the active version, else
	 * the newest that has the entry, else the hits (a listed name).
	 */
	r = store_q(c, "WITH p AS (SELECT coalesce($1::timestamptz, now() - "
	    "make_interval(days => $3::integer)) AS since, "
	    "coalesce($2::timestamptz, now()) AS until), "
	    "a AS (SELECT a.* FROM alerts a, p WHERE a.created_at >= p.since "
	    "AND a.created_at < p.until), "
	    "h AS (SELECT a.id, h->>'list' AS list, h->>'entry' AS entry, "
	    "count(*) AS hits, max(h->>'title') AS title FROM a CROSS JOIN LATERAL "
	    "jsonb_array_elements(a.hits) h WHERE h->>'entry' IS NOT NULL "
	    "GROUP BY 1, 2, 3), "
	    "e AS (SELECT h.list, h.entry, max(h.title) AS title, "
	    "sum(h.hits)::bigint AS hits, "
	    "count(*) AS alerts, count(*) FILTER (WHERE a.origin = 'rescreen') "
	    "AS rescreen_alerts, count(a.decision) AS decided, "
	    "count(*) FILTER (WHERE a.decision = 'false_positive') AS fp, "
	    "count(*) FILTER (WHERE a.status IN ('open', 'claimed')) AS pending, "
	    "count(*) FILTER (WHERE a.status = 'auto_closed') AS auto_closed, "
	    "percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "
	    "a.decided_at - a.created_at)) FILTER (WHERE a.decided_at IS NOT "
	    "NULL AND a.decision IS NOT NULL) AS median_s "
	    "FROM h JOIN a ON a.id = h.id GROUP BY 1, 2), "
	    "o AS (SELECT x.list, x.entry, jsonb_object_agg(x.decision, x.n) AS "
	    "decisions FROM (SELECT h.list, h.entry, a.decision, count(*) AS n "
	    "FROM h JOIN a ON a.id = h.id WHERE a.decision IS NOT NULL "
	    "GROUP BY 1, 2, 3) x GROUP BY 1, 2) "
	    "SELECT jsonb_build_object('since', p.since, 'until', p.until, "
	    "'entries', coalesce((SELECT jsonb_agg(jsonb_build_object("
	    "'list', e.list, 'entry', e.entry, 'title', coalesce(le.title, "
	    "e.title), 'category', le.category, 'hits', e.hits, 'alerts', e.alerts, "
	    "'rescreen_alerts', e.rescreen_alerts, 'decided', e.decided, "
	    "'pending', e.pending, 'auto_closed', e.auto_closed, "
	    "'decisions', coalesce(o.decisions, '{}'::jsonb), "
	    "'false_positive_share', CASE WHEN e.decided > 0 THEN "
	    "round(e.fp::numeric / e.decided, 4) END, "
	    "'median_seconds_to_decision', round(e.median_s::numeric, 1)) "
	    "ORDER BY e.alerts DESC, e.list, e.entry) "
	    "FROM e LEFT JOIN o ON o.list = e.list AND o.entry = e.entry "
	    "LEFT JOIN LATERAL (SELECT x.title, x.category FROM list_entries x "
	    "JOIN list_versions v ON v.id = x.version WHERE x.list_id = e.list "
	    "AND x.code = e.entry ORDER BY v.active DESC, v.created_at DESC "
	    "LIMIT 1) le ON true), '[]'::jsonb)) FROM p", 3, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		store_fail(c, r, errp, "entry statistics");
		return NULL;
	}
	j = store_json_cell(r, 0, 0);
	PQclear(r);
	return j;
}
