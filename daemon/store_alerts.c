/*
 * Alerts: the officers' queue, one alert, the workflow actions on it
 * (claim, decide, note, reopen) and suppressions.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libpq-fe.h>

#include "auth.h"
#include "log.h"
#include "result.h"
#include "store.h"
#include "store_events.h"
#include "store_int.h"
#include "words.h"
#include "xmalloc.h"

#define ALERT_JSON "jsonb_build_object('id', a.id, 'declaration_id', " \
	"a.declaration_id, 'reference', d.reference, 'item_seq', a.item_seq, " \
	"'severity', a.severity, 'score', a.score, 'category', a.category, " \
	"'status', a.status, 'claimed_by', a.claimed_by, 'decision', " \
	"a.decision, 'decided_by', a.decided_by, 'suppression_id', " \
	"a.suppression_id, 'list_version', a.list_version, 'created_at', " \
	"a.created_at, 'priority', a.priority, 'hits', a.hits, " \
	"'origin', a.origin, 'cause', a.cause)"

json_t *
store_list_alerts(PGconn *c, const char *status, const char *category,
    const char *severity, const char *cursor, int limit, char **errp)
{
	const char *p[6] = { status, category, severity, NULL, NULL, NULL };
	char lim[16], prio[16], cid[40];
	PGresult *r;
	json_t *page, *alerts, *last;

	*errp = NULL;
	snprintf(lim, sizeof(lim), "%d", limit + 1);
	/* The cursor is "<priority>_<id>" of the last alert of a page. */
	if (cursor != NULL && sscanf(cursor, "%15[0-9]_%39s", prio, cid) == 2) {
		p[3] = prio;
		p[4] = cid;
	}
	p[5] = lim;
	r = store_q(c, "SELECT " ALERT_JSON " FROM alerts a JOIN declarations d ON "
	    "d.id = a.declaration_id WHERE ($1::text IS NULL OR a.status = $1) "
	    "AND ($2::text IS NULL OR a.category = $2 OR a.hits @> "
	    "jsonb_build_array(jsonb_build_object('category', $2::text))) "
	    "AND ($3::text IS NULL OR a.severity = $3) "
	    "AND ($4::integer IS NULL OR a.priority < $4::integer OR "
	    "(a.priority = $4::integer AND a.id > $5::uuid)) "
	    "ORDER BY a.priority DESC, a.id LIMIT $6::integer", 6, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		store_fail(c, r, errp, "alerts");
		return NULL;
	}
	alerts = json_array();
	for (int i = 0; i < PQntuples(r) && i < limit; i++)
		json_array_append_new(alerts, store_json_cell(r, i, 0));
	page = json_pack("{s:o}", "alerts", alerts);
	last = json_array_get(alerts, json_array_size(alerts) - 1);
	if (PQntuples(r) > limit && last != NULL) {
		char next[64];

		snprintf(next, sizeof(next), "%lld_%s", (long long)
		    json_integer_value(json_object_get(last, "priority")),
		    json_string_value(json_object_get(last, "id")));
		json_object_set_new(page, "next_cursor", json_string(next));
	} else
		json_object_set_new(page, "next_cursor", json_null());
	PQclear(r);
	return page;
}

/*
 * One alert with what an officer needs to judge it: the declaration as
 * submitted, the control entries its hits refer to (title, explanation,
 * legal source of the list version it was screened against) and its
 * history from the audit trail.
 */
json_t *
store_get_alert(PGconn *c, const char *id, char **errp)
{
	const char *p[1] = { id };
	PGresult *r;
	json_t *j;

	*errp = NULL;
	r = store_q(c, "SELECT " ALERT_JSON " || jsonb_build_object("
	    "'declaration', d.body, "
	    "'entries', coalesce((SELECT jsonb_agg(DISTINCT jsonb_build_object("
	    "  'list_id', e.list_id, 'code', e.code, 'title', e.title, "
	    "  'explanation', e.explanation, 'source', e.source, 'regimes', "
	    "  e.regimes, 'list_title', lh.title, 'list_source', lh.source, "
	    "  'list_date', lh.version_date)) FROM list_entries e "
	    "  JOIN jsonb_array_elements(a.hits) h ON e.list_id = h->>'list' "
	    "  AND e.code = h->>'entry' LEFT JOIN list_headers lh ON "
	    "  lh.version = e.version AND lh.list_id = e.list_id "
	    "  WHERE e.version = a.list_version), '[]'::jsonb), "
	    "'history', coalesce((SELECT jsonb_agg(jsonb_build_object('seq', "
	    "  u.seq, 'at', u.at, 'actor', u.actor, 'action', u.action, "
	    "  'details', u.details, 'list_version', u.list_version) ORDER BY "
	    "  u.seq) FROM audit u WHERE u.object_type = 'alert' AND "
	    "  u.object_id = a.id::text), '[]'::jsonb)) "
	    "FROM alerts a JOIN declarations d ON d.id = a.declaration_id "
	    "WHERE a.id = $1::uuid", 1, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		store_fail(c, r, errp, "alert");
		return NULL;
	}
	j = PQntuples(r) > 0 ? store_json_cell(r, 0, 0) : NULL;
	PQclear(r);
	return j;
}

/* ---- alert workflow --------------------------------------------------- */


int
store_alert_action(PGconn *c, const char *id, const char *actor,
    const char *action, const char *decision, const char *text,
    const char *list_version, json_t **outp, int *statusp, char **msgp)
{
	const char *p[4];
	PGresult *r;
	char status[32], claimed[128];
	json_t *det;
	int has_claim;

	*outp = NULL;
	free(*msgp);	/* a retried job may carry the first attempt's */
	*msgp = NULL;
	PQclear(PQexec(c, "BEGIN"));
	p[0] = id;
	r = store_q(c, "SELECT status, coalesce(claimed_by, ''), claimed_by IS NOT "
	    "NULL FROM alerts WHERE id = $1::uuid FOR UPDATE", 1, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		store_fail(c, r, msgp, "alert");
		PQclear(PQexec(c, "ROLLBACK"));
		return -1;
	}
	if (PQntuples(r) == 0) {
		PQclear(r);
		PQclear(PQexec(c, "ROLLBACK"));
		*statusp = 404;
		*msgp = xstrdup("no such alert");
		return 0;
	}
	snprintf(status, sizeof(status), "%s", PQgetvalue(r, 0, 0));
	snprintf(claimed, sizeof(claimed), "%s", PQgetvalue(r, 0, 1));
	has_claim = strcmp(PQgetvalue(r, 0, 2), "t") == 0;
	PQclear(r);

	*statusp = 409;
	det = json_object();
	p[1] = actor;
	if (strcmp(action, "claim") == 0) {
		if (strcmp(status, "open") != 0) {
			xasprintf(msgp, has_claim ? "already claimed by %s" :
			    "the alert is %s, not open", has_claim ? claimed :
			    status);
			goto refuse;
		}
		r = store_q(c, "UPDATE alerts SET status = 'claimed', claimed_by = $2, "
		    "claimed_at = now() WHERE id = $1::uuid", 2, p);
	} else if (strcmp(action, "unclaim") == 0) {
		if (strcmp(status, "claimed") != 0 || strcmp(claimed, actor) != 0) {
			*msgp = xstrdup("only the officer who claimed the alert can "
			    "release the claim");
			goto refuse;
		}
		r = store_q(c, "UPDATE alerts SET status = 'open', claimed_by = NULL, "
		    "claimed_at = NULL WHERE id = $1::uuid", 1, p);
	} else if (strcmp(action, "decision") == 0) {
		if (decision == NULL || !words_is_decision(decision) || text == NULL ||
		    text[strspn(text, " \t\r\n")] == '\0') {
			*statusp = 422;
			*msgp = xstrdup(decision == NULL || !words_is_decision(decision) ?
			    "decision: must be one of released held "
			    "inspection_ordered referred_licensing "
			    "referred_enforcement false_positive" :
			    "reason: a decision needs a reason");
			goto refuse;
		}
		if (strcmp(status, "claimed") != 0 || strcmp(claimed, actor) != 0) {
			*msgp = xstrdup("claim the alert before deciding it");
			goto refuse;
		}
		p[2] = decision;
		r = store_q(c, "UPDATE alerts SET status = $3, decision = $3, decided_by "
		    "= $2, decided_at = now() WHERE id = $1::uuid", 3, p);
		json_object_set_new(det, "decision", json_string(decision));
		json_object_set_new(det, "reason", json_string(text));
	} else if (strcmp(action, "reopen") == 0) {
		if (text == NULL || text[strspn(text, " \t\r\n")] == '\0') {
			*statusp = 422;
			*msgp = xstrdup("reason: reopening needs a reason");
			goto refuse;
		}
		if (strcmp(status, "open") == 0 || strcmp(status, "claimed") == 0) {
			*msgp = xstrdup("the alert is not decided");
			goto refuse;
		}
		r = store_q(c, "UPDATE alerts SET status = 'open', claimed_by = NULL, "
		    "claimed_at = NULL, decision = NULL, decided_by = NULL, "
		    "decided_at = NULL WHERE id = $1::uuid", 1, p);
		json_object_set_new(det, "reason", json_string(text));
		json_object_set_new(det, "previous_status", json_string(status));
	} else {	/* note */
		if (text == NULL || text[strspn(text, " \t\r\n")] == '\0') {
			*statusp = 422;
			*msgp = xstrdup("text: a note needs text");
			goto refuse;
		}
		r = PQexec(c, "SELECT 1");
		json_object_set_new(det, "text", json_string(text));
	}
	if (PQresultStatus(r) != PGRES_COMMAND_OK &&
	    PQresultStatus(r) != PGRES_TUPLES_OK) {
		store_fail(c, r, msgp, action);
		goto fail;
	}
	PQclear(r);
	json_object_set_new(det, "from_status", json_string(status));
	if (store_audit_append(c, actor, action, "alert", id, list_version, det,
	    msgp) == -1)
		goto fail;
	/* The outbox row, in this transaction (store_events.c). */
	if (strcmp(action, "decision") == 0 || strcmp(action, "reopen") == 0) {
		json_object_set_new(det, "by", json_string(actor));
		if (store_event_add(c, strcmp(action, "decision") == 0 ?
		    EVENT_ALERT_DECIDED : EVENT_ALERT_REOPENED, id, NULL, det,
		    msgp) == -1)
			goto fail;
	}
	if (store_exec_ok(c, "COMMIT", 0, NULL, msgp, action) == -1)
		goto fail;
	json_decref(det);
	*outp = store_get_alert(c, id, msgp);
	*statusp = 200;
	return *outp ? 0 : -1;
refuse:
	json_decref(det);
	PQclear(PQexec(c, "ROLLBACK"));
	return 0;
fail:
	json_decref(det);
	PQclear(PQexec(c, "ROLLBACK"));
	return -1;
}

int
store_suppression_create(PGconn *c, const char *alert_id, const char *actor,
    const char *reason, const char *expires_at, const char *list_version,
    json_t **outp, int *statusp, char **msgp)
{
	const char *p[5] = { alert_id, actor, reason, expires_at, NULL };
	PGresult *r;
	json_t *det;
	char sid[32];

	*outp = NULL;
	free(*msgp);
	*msgp = NULL;
	PQclear(PQexec(c, "BEGIN"));
	{
		const char *pp[2] = { alert_id, expires_at };

		r = store_q(c, "SELECT fingerprint IS NOT NULL, $2::timestamptz > now() "
		    "FROM alerts WHERE id = $1::uuid", 2, pp);
	}
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		store_fail(c, r, msgp, "suppression");
		PQclear(PQexec(c, "ROLLBACK"));
		return -1;
	}
	if (PQntuples(r) == 0 || strcmp(PQgetvalue(r, 0, 0), "t") != 0 ||
	    strcmp(PQgetvalue(r, 0, 1), "t") != 0) {
		*statusp = PQntuples(r) == 0 ? 404 : 422;
		*msgp = xstrdup(PQntuples(r) == 0 ? "no such alert" :
		    strcmp(PQgetvalue(r, 0, 0), "t") != 0 ?
		    "alert_id: only item alerts can be suppressed" :
		    "expires_at: must be in the future");
		PQclear(r);
		PQclear(PQexec(c, "ROLLBACK"));
		return 0;
	}
	PQclear(r);
	r = store_q(c, "INSERT INTO suppressions (fingerprint, entries, alert_id, "
	    "reason, created_by, expires_at) SELECT fingerprint, entries, id, $3, "
	    "$2, $4::timestamptz FROM alerts WHERE id = $1::uuid RETURNING id",
	    4, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		store_fail(c, r, msgp, "suppression");
		PQclear(PQexec(c, "ROLLBACK"));
		return -1;
	}
	snprintf(sid, sizeof(sid), "%s", PQgetvalue(r, 0, 0));
	PQclear(r);
	det = json_pack("{s:s, s:s, s:s}", "alert_id", alert_id, "reason",
	    reason, "expires_at", expires_at);
	if (store_audit_append(c, actor, "suppression", "suppression", sid,
	    list_version, det, msgp) == -1 ||
	    store_audit_append(c, actor, "suppression", "alert", alert_id,
	    list_version, det, msgp) == -1) {
		json_decref(det);
		PQclear(PQexec(c, "ROLLBACK"));
		return -1;
	}
	/* The outbox row, in this transaction (store_events.c). */
	json_object_set_new(det, "suppression_id", json_integer(atoll(sid)));
	json_object_set_new(det, "by", json_string(actor));
	if (store_event_add(c, EVENT_SUPPRESSION_CREATED, alert_id, sid, det,
	    msgp) == -1) {
		json_decref(det);
		PQclear(PQexec(c, "ROLLBACK"));
		return -1;
	}
	json_decref(det);
	if (store_exec_ok(c, "COMMIT", 0, NULL, msgp, "suppression") == -1) {
		PQclear(PQexec(c, "ROLLBACK"));
		return -1;
	}
	p[0] = sid;
	r = store_q(c, "SELECT json_build_object('id', id, 'fingerprint', fingerprint, "
	    "'entries', entries, 'alert_id', alert_id, 'reason', reason, "
	    "'created_by', created_by, 'created_at', created_at, 'expires_at', "
	    "expires_at)::text FROM suppressions WHERE id = $1::bigint", 1, p);
	if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0)
		*outp = store_json_cell(r, 0, 0);
	PQclear(r);
	*statusp = 201;
	return *outp ? 0 : -1;
}

int
store_suppression_create_limited(PGconn *c, const char *alert_id,
    const char *actor, const char *reason, const char *expires_at,
    long max_days, const char *list_version, json_t **outp, int *statusp,
    char **msgp)
{
	char days[24];
	const char *p[4] = { alert_id, actor, expires_at, days };
	const char *state;
	PGresult *r;

	*outp = NULL;
	free(*msgp);	/* a retried job may carry the first attempt's */
	*msgp = NULL;
	snprintf(days, sizeof(days), "%ld", max_days);
	/* The session setting is what the insert trigger enforces. */
	r = store_q(c, "SELECT set_config('cordon.suppression_max_days', $4, false), "
	    "cordon_suppression_refusal($1::uuid, $2, $3::timestamptz, "
	    "$4::integer)", 4, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
		/* Class 22: a time PostgreSQL cannot read (2026-02-30). */
		if (state != NULL && strncmp(state, "22", 2) == 0) {
			PQclear(r);
			*statusp = 422;
			*msgp = xstrdup("expires_at: not a valid date and time");
			return 0;
		}
		return store_fail(c, r, msgp, "suppression");
	}
	if (!PQgetisnull(r, 0, 1)) {
		const char *why = PQgetvalue(r, 0, 1);

		*statusp = atoi(why);
		*msgp = xstrdup(strlen(why) > 4 ? why + 4 : why);
		PQclear(r);
		return 0;
	}
	PQclear(r);
	return store_suppression_create(c, alert_id, actor, reason, expires_at,
	    list_version, outp, statusp, msgp);
}
