/*
 * Alerts: one alert, the workflow actions on it (claim, assign, decide,
 * note, reopen), the four-eyes requests a supervisor approves or rejects,
 * and suppressions.  The queue itself is store_queue.c.
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
	    /* Across versions of the declaration (store_amend.c): the alert
	     * this one follows, the one that follows it, and why the system
	     * closed it. */
	    "'previous_alert_id', a.previous_alert_id, 'next_alert_id', "
	    "  (SELECT n.id FROM alerts n WHERE n.previous_alert_id = a.id "
	    "  ORDER BY n.id LIMIT 1), 'closed_reason', a.closed_reason, "
	    "'closed_by', a.closed_by, 'closed_at', a.closed_at, "
	    "'declaration_version', d.version, 'declaration_state', d.state, "
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
	    "  u.object_id = a.id::text), '[]'::jsonb), "
	    /* The lists the hits come from, with their legal source: for a
	     * sanctions hit, the list and the programme the hit names. */
	    "'lists', coalesce((SELECT jsonb_agg(jsonb_build_object('list_id', "
	    "  lh.list_id, 'title', lh.title, 'source', lh.source, 'date', "
	    "  lh.version_date) ORDER BY lh.list_id) FROM list_headers lh "
	    "  WHERE lh.version = a.list_version AND lh.list_id IN (SELECT "
	    "  h->>'list' FROM jsonb_array_elements(a.hits) h)), '[]'::jsonb)) "
	    "FROM " ALERT_FROM " WHERE a.id = $1::uuid", 1, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		store_fail(c, r, errp, "alert");
		return NULL;
	}
	j = PQntuples(r) > 0 ? store_json_cell(r, 0, 0) : NULL;
	PQclear(r);
	return j;
}

/* ---- alert workflow --------------------------------------------------- */

/*
 * The four-eyes principle: an officer's release of a critical alert, and a
 * reopening of a decision another officer made, are stored as a request
 * (approvals) that a supervisor other than the requester approves or
 * rejects.  While a request waits, the alert takes no other workflow
 * action but notes.  The database holds the same line for releases
 * (schemas/0009_workflow.sql).
 */

/* The state of one alert, read FOR UPDATE at the start of an action. */
struct alert_state {
	char	 status[32], claimed[128], severity[16], decided_by[128];
	char	 decision[32];
	bool	 has_claim;
	bool	 has_pending;
	char	 pending_id[24], pending_action[16], pending_decision[32];
	char	 requested_by[128];
	char	*pending_reason;	/* owned */
};

static bool
blank(const char *s)
{
	return s == NULL || s[strspn(s, " \t\r\n")] == '\0';
}

static void
copy_cell(char *dst, size_t n, PGresult *r, int col)
{
	snprintf(dst, n, "%s", PQgetisnull(r, 0, col) ? "" :
	    PQgetvalue(r, 0, col));
}

/* Locks alert <id>: 1 found (into <st>), 0 no such alert, -1 error. */
static int
alert_lock(PGconn *c, const char *id, struct alert_state *st, char **msgp)
{
	const char *p[1] = { id };
	PGresult *r;

	r = store_q(c, "SELECT a.status, a.claimed_by, a.claimed_by IS NOT NULL, "
	    "a.severity, a.decided_by, a.decision, q.id, q.action, q.decision, "
	    "q.reason, q.requested_by FROM alerts a LEFT JOIN approvals q ON "
	    "q.alert_id = a.id AND q.state = 'pending' WHERE a.id = $1::uuid "
	    "FOR UPDATE OF a", 1, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return store_fail(c, r, msgp, "alert");
	if (PQntuples(r) == 0) {
		PQclear(r);
		return 0;
	}
	copy_cell(st->status, sizeof(st->status), r, 0);
	copy_cell(st->claimed, sizeof(st->claimed), r, 1);
	st->has_claim = strcmp(PQgetvalue(r, 0, 2), "t") == 0;
	copy_cell(st->severity, sizeof(st->severity), r, 3);
	copy_cell(st->decided_by, sizeof(st->decided_by), r, 4);
	copy_cell(st->decision, sizeof(st->decision), r, 5);
	st->has_pending = !PQgetisnull(r, 0, 6);
	copy_cell(st->pending_id, sizeof(st->pending_id), r, 6);
	copy_cell(st->pending_action, sizeof(st->pending_action), r, 7);
	copy_cell(st->pending_decision, sizeof(st->pending_decision), r, 8);
	st->pending_reason = xstrdup(PQgetisnull(r, 0, 9) ? "" :
	    PQgetvalue(r, 0, 9));
	copy_cell(st->requested_by, sizeof(st->requested_by), r, 10);
	PQclear(r);
	return 1;
}

/*
 * Stores a four-eyes request for <x> (a "decision" or "reopen") and fills
 * the audit details <det>.  0 or -1.
 */
static int
approval_request(PGconn *c, const struct alert_act *x, json_t *det,
    char **msgp)
{
	const char *p[5] = { x->id, x->action, NULL, x->text, x->actor };
	PGresult *r;

	if (strcmp(x->action, "decision") == 0)
		p[2] = x->decision;
	r = store_q(c, "INSERT INTO approvals (alert_id, action, decision, reason, "
	    "requested_by) VALUES ($1::uuid, $2, $3, $4, $5) RETURNING id", 5, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return store_fail(c, r, msgp, "approval request");
	json_object_set_new(det, "request_id", json_integer(strtoll(
	    PQgetvalue(r, 0, 0), NULL, 10)));
	PQclear(r);
	json_object_set_new(det, "requested_action", json_string(x->action));
	if (p[2] != NULL)
		json_object_set_new(det, "decision", json_string(p[2]));
	json_object_set_new(det, "reason", json_string(x->text));
	return 0;
}

/* True if <to> is an active officer or supervisor token; -1 on error. */
static int
is_colleague(PGconn *c, const char *to, char **msgp)
{
	const char *p[1] = { to };
	PGresult *r;
	int yes;

	r = store_q(c, "SELECT 1 FROM tokens WHERE name = $1 AND revoked_at IS "
	    "NULL AND role IN ('officer', 'supervisor')", 1, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return store_fail(c, r, msgp, "assign");
	yes = PQntuples(r) > 0;
	PQclear(r);
	return yes;
}

int
store_alert_action(PGconn *c, const struct alert_act *x, json_t **outp,
    int *statusp, char **msgp)
{
	const char *p[4];
	const char *action = x->action, *actor = x->actor, *text = x->text;
	const char *audit_action = action;
	struct alert_state st;
	PGresult *r = NULL;
	json_t *det;
	int found, done = 200;

	*outp = NULL;
	free(*msgp);	/* a retried job may carry the first attempt's */
	*msgp = NULL;
	memset(&st, 0, sizeof(st));
	PQclear(PQexec(c, "BEGIN"));
	if ((found = alert_lock(c, x->id, &st, msgp)) <= 0) {
		PQclear(PQexec(c, "ROLLBACK"));
		if (found == 0) {
			*statusp = 404;
			*msgp = xstrdup("no such alert");
		}
		return found;
	}

	*statusp = 409;
	det = json_object();
	p[0] = x->id;
	p[1] = actor;
	/* A waiting request freezes the alert for everything but notes and
	 * the supervisor's answer. */
	if (st.has_pending && strcmp(action, "note") != 0 &&
	    strcmp(action, "approve") != 0 && strcmp(action, "reject") != 0) {
		xasprintf(msgp, "%s asked a supervisor to approve %s%s; wait for "
		    "the answer", st.requested_by, strcmp(st.pending_action,
		    "reopen") == 0 ? "reopening the alert" : "the decision ",
		    strcmp(st.pending_action, "reopen") == 0 ? "" :
		    st.pending_decision);
		goto refuse;
	}
	if (strcmp(action, "claim") == 0) {
		if (strcmp(st.status, "open") != 0) {
			xasprintf(msgp, st.has_claim ? "already claimed by %s" :
			    "the alert is %s, not open", st.has_claim ? st.claimed :
			    st.status);
			goto refuse;
		}
		r = store_q(c, "UPDATE alerts SET status = 'claimed', claimed_by = $2, "
		    "claimed_at = now() WHERE id = $1::uuid", 2, p);
	} else if (strcmp(action, "unclaim") == 0) {
		if (strcmp(st.status, "claimed") != 0 ||
		    strcmp(st.claimed, actor) != 0) {
			*msgp = xstrdup("only the officer who claimed the alert can "
			    "release the claim");
			goto refuse;
		}
		r = store_q(c, "UPDATE alerts SET status = 'open', claimed_by = NULL, "
		    "claimed_at = NULL WHERE id = $1::uuid", 1, p);
	} else if (strcmp(action, "assign") == 0) {
		int ok;

		if (blank(x->to)) {
			*statusp = 422;
			*msgp = xstrdup("to: the name of the officer to assign to "
			    "is required");
			goto refuse;
		}
		if (strcmp(st.status, "open") != 0 && (strcmp(st.status,
		    "claimed") != 0 || strcmp(st.claimed, actor) != 0)) {
			xasprintf(msgp, st.has_claim ? "claimed by %s; only they can "
			    "hand it on" : "the alert is %s, not open", st.has_claim ?
			    st.claimed : st.status);
			goto refuse;
		}
		if ((ok = is_colleague(c, x->to, msgp)) <= 0) {
			if (ok == -1)
				goto fail;
			*statusp = 422;
			xasprintf(msgp, "to: %s is not an active officer or "
			    "supervisor", x->to);
			goto refuse;
		}
		{
			const char *q[2] = { x->id, x->to };

			r = store_q(c, "UPDATE alerts SET status = 'claimed', "
			    "claimed_by = $2, claimed_at = now() WHERE id = "
			    "$1::uuid", 2, q);
		}
		json_object_set_new(det, "to", json_string(x->to));
		if (st.has_claim)
			json_object_set_new(det, "from", json_string(st.claimed));
		if (!blank(text))
			json_object_set_new(det, "reason", json_string(text));
	} else if (strcmp(action, "decision") == 0) {
		if (x->decision == NULL || !words_is_decision(x->decision) ||
		    blank(text)) {
			*statusp = 422;
			*msgp = xstrdup(x->decision == NULL ||
			    !words_is_decision(x->decision) ?
			    "decision: must be one of released held "
			    "inspection_ordered referred_licensing "
			    "referred_enforcement false_positive" :
			    "reason: a decision needs a reason");
			goto refuse;
		}
		if (strcmp(st.status, "claimed") != 0 ||
		    strcmp(st.claimed, actor) != 0) {
			*msgp = xstrdup("claim the alert before deciding it");
			goto refuse;
		}
		if (strcmp(x->decision, "released") == 0 &&
		    strcmp(st.severity, "critical") == 0) {
			/* Four eyes: the release waits for a supervisor. */
			if (approval_request(c, x, det, msgp) == -1)
				goto fail;
			audit_action = "approval_request";
			done = 202;
		} else {
			p[2] = x->decision;
			r = store_q(c, "UPDATE alerts SET status = $3, decision = $3, "
			    "decided_by = $2, decided_at = now(), approved_by = NULL "
			    "WHERE id = $1::uuid", 3, p);
			json_object_set_new(det, "decision", json_string(x->decision));
			json_object_set_new(det, "reason", json_string(text));
		}
	} else if (strcmp(action, "reopen") == 0) {
		if (blank(text)) {
			*statusp = 422;
			*msgp = xstrdup("reason: reopening needs a reason");
			goto refuse;
		}
		if (strcmp(st.status, "open") == 0 ||
		    strcmp(st.status, "claimed") == 0) {
			*msgp = xstrdup("the alert is not decided");
			goto refuse;
		}
		if (st.decided_by[0] != '\0' && strcmp(st.decided_by, actor) != 0) {
			/* Four eyes: another officer's decision. */
			if (approval_request(c, x, det, msgp) == -1)
				goto fail;
			json_object_set_new(det, "decided_by",
			    json_string(st.decided_by));
			audit_action = "approval_request";
			done = 202;
		} else {
			r = store_q(c, "UPDATE alerts SET status = 'open', claimed_by = "
			    "NULL, claimed_at = NULL, decision = NULL, decided_by = "
			    "NULL, decided_at = NULL, approved_by = NULL WHERE id = "
			    "$1::uuid", 1, p);
			json_object_set_new(det, "reason", json_string(text));
			json_object_set_new(det, "previous_status",
			    json_string(st.status));
		}
	} else if (strcmp(action, "approve") == 0 ||
	    strcmp(action, "reject") == 0) {
		bool approve = strcmp(action, "approve") == 0;

		if (!st.has_pending) {
			*msgp = xstrdup("nothing on this alert waits for approval");
			goto refuse;
		}
		if (strcmp(st.requested_by, actor) == 0) {
			*msgp = xstrdup("four eyes: a second supervisor must answer "
			    "your own request");
			goto refuse;
		}
		if (!approve && blank(text)) {
			*statusp = 422;
			*msgp = xstrdup("reason: a rejection needs a reason");
			goto refuse;
		}
		p[2] = st.pending_id;
		p[3] = blank(text) ? NULL : text;
		r = store_q(c, approve ? "UPDATE approvals SET state = 'approved', "
		    "decided_by = $2, decided_at = now(), comment = $4 WHERE id = "
		    "$3::bigint AND alert_id = $1::uuid" : "UPDATE approvals SET "
		    "state = 'rejected', decided_by = $2, decided_at = now(), "
		    "comment = $4 WHERE id = $3::bigint AND alert_id = $1::uuid",
		    4, p);
		if (PQresultStatus(r) != PGRES_COMMAND_OK) {
			store_fail(c, r, msgp, action);
			goto fail;
		}
		PQclear(r);
		r = NULL;
		json_object_set_new(det, "request_id", json_integer(strtoll(
		    st.pending_id, NULL, 10)));
		json_object_set_new(det, "requested_action",
		    json_string(st.pending_action));
		if (st.pending_decision[0] != '\0')
			json_object_set_new(det, "decision",
			    json_string(st.pending_decision));
		json_object_set_new(det, "reason", json_string(st.pending_reason));
		json_object_set_new(det, "requested_by",
		    json_string(st.requested_by));
		json_object_set_new(det, approve ? "approved_by" : "rejected_by",
		    json_string(actor));
		if (p[3] != NULL)
			json_object_set_new(det, "comment", json_string(text));
		if (approve && strcmp(st.pending_action, "decision") == 0) {
			const char *q[4] = { x->id, st.requested_by,
				st.pending_decision, actor };

			r = store_q(c, "UPDATE alerts SET status = $3, decision = $3, "
			    "decided_by = $2, decided_at = now(), approved_by = $4 "
			    "WHERE id = $1::uuid", 4, q);
		} else if (approve) {
			r = store_q(c, "UPDATE alerts SET status = 'open', claimed_by = "
			    "NULL, claimed_at = NULL, decision = NULL, decided_by = "
			    "NULL, decided_at = NULL, approved_by = NULL WHERE id = "
			    "$1::uuid", 1, p);
			json_object_set_new(det, "previous_status",
			    json_string(st.status));
		}
	} else {	/* note */
		if (blank(text)) {
			*statusp = 422;
			*msgp = xstrdup("text: a note needs text");
			goto refuse;
		}
		json_object_set_new(det, "text", json_string(text));
	}
	if (r != NULL) {
		if (PQresultStatus(r) != PGRES_COMMAND_OK) {
			store_fail(c, r, msgp, action);
			goto fail;
		}
		PQclear(r);
	}
	json_object_set_new(det, "from_status", json_string(st.status));
	if (store_audit_append(c, actor, audit_action, "alert", x->id,
	    x->list_version, det, msgp) == -1)
		goto fail;
	/*
	 * The outbox row, in this transaction (store_events.c), when a
	 * decision or a reopening takes effect: at once, or on a
	 * supervisor's approval; a four-eyes request (202) sends nothing.
	 */
	{
		const char *ev = NULL;

		if (done == 200 && strcmp(action, "decision") == 0)
			ev = EVENT_ALERT_DECIDED;
		else if (done == 200 && strcmp(action, "reopen") == 0)
			ev = EVENT_ALERT_REOPENED;
		else if (strcmp(action, "approve") == 0)
			ev = strcmp(st.pending_action, "decision") == 0 ?
			    EVENT_ALERT_DECIDED : EVENT_ALERT_REOPENED;
		if (ev != NULL) {
			json_object_set_new(det, "by", json_string(actor));
			if (store_event_add(c, ev, x->id, NULL, det,
			    msgp) == -1)
				goto fail;
		}
	}
	if (store_exec_ok(c, "COMMIT", 0, NULL, msgp, action) == -1)
		goto fail;
	json_decref(det);
	free(st.pending_reason);
	*outp = store_get_alert(c, x->id, msgp);
	*statusp = done;
	return *outp ? 0 : -1;
refuse:
	json_decref(det);
	free(st.pending_reason);
	PQclear(PQexec(c, "ROLLBACK"));
	return 0;
fail:
	json_decref(det);
	free(st.pending_reason);
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
