/*
 * Alerts: one alert, the workflow actions on it (claim, assign, decide,
 * note, reopen), the four-eyes requests a supervisor approves or rejects,
 * and suppressions.  The queue itself is store_queue.c.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
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

/* One action under way: what the step functions below read and fill. */
struct act_run {
	PGconn			*c;
	const struct alert_act	*x;
	struct alert_state	*st;
	json_t			*det;		/* the audit row's details */
	struct act_result	*res;
	const char		*audit_action;
};

/* Refuses the action in the alert's present state; 1. */
static int __attribute__((format(printf, 2, 3)))
refuse(struct act_run *a, const char *fmt, ...)
{
	va_list ap;

	a->res->outcome = ACT_REFUSED;
	va_start(ap, fmt);
	if (vasprintf(&a->res->msg, fmt, ap) == -1)
		a->res->msg = NULL;
	va_end(ap);
	return 1;
}

/* Refuses the action for request field <field>; 1. */
static int
invalid(struct act_run *a, const char *field, const char *msg)
{
	a->res->outcome = ACT_INVALID;
	a->res->field = field;
	a->res->msg = xstrdup(msg);
	return 1;
}

/* Runs one UPDATE of the action; 0 or -1. */
static int
act_exec(struct act_run *a, const char *sql, int n, const char **p)
{
	PGresult *r = store_q(a->c, sql, n, p);

	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		return store_fail(a->c, r, &a->res->msg, a->x->action);
	PQclear(r);
	return 0;
}

#define SQL_REOPEN	"UPDATE alerts SET status = 'open', claimed_by = " \
	"NULL, claimed_at = NULL, decision = NULL, decided_by = NULL, " \
	"decided_at = NULL, approved_by = NULL WHERE id = $1::uuid"

/*
 * The steps, one per action: each returns 0 when the action applies
 * (ACT_DONE, or ACT_AWAITS_APPROVAL for a four-eyes request), 1 when it
 * is refused (outcome and message set), -1 on a database error.
 */
static int
act_claim(struct act_run *a)
{
	const char *p[2] = { a->x->id, a->x->actor };

	if (strcmp(a->st->status, "open") != 0)
		return a->st->has_claim ? refuse(a, "already claimed by %s",
		    a->st->claimed) : refuse(a, "the alert is %s, not open",
		    a->st->status);
	return act_exec(a, "UPDATE alerts SET status = 'claimed', claimed_by = "
	    "$2, claimed_at = now() WHERE id = $1::uuid", 2, p);
}

static int
act_unclaim(struct act_run *a)
{
	const char *p[1] = { a->x->id };

	if (strcmp(a->st->status, "claimed") != 0 ||
	    strcmp(a->st->claimed, a->x->actor) != 0)
		return refuse(a, "only the officer who claimed the alert can "
		    "release the claim");
	return act_exec(a, "UPDATE alerts SET status = 'open', claimed_by = "
	    "NULL, claimed_at = NULL WHERE id = $1::uuid", 1, p);
}

static int
act_assign(struct act_run *a)
{
	const struct alert_act *x = a->x;
	const char *p[2] = { x->id, x->to };
	int ok;

	if (blank(x->to))
		return invalid(a, "to", "the name of the officer to assign to "
		    "is required");
	if (strcmp(a->st->status, "open") != 0 && (strcmp(a->st->status,
	    "claimed") != 0 || strcmp(a->st->claimed, x->actor) != 0))
		return a->st->has_claim ? refuse(a, "claimed by %s; only they "
		    "can hand it on", a->st->claimed) : refuse(a, "the alert is "
		    "%s, not open", a->st->status);
	if ((ok = is_colleague(a->c, x->to, &a->res->msg)) == -1)
		return -1;
	if (ok == 0) {
		char *why;

		xasprintf(&why, "%s is not an active officer or supervisor",
		    x->to);
		invalid(a, "to", why);
		free(why);
		return 1;
	}
	if (act_exec(a, "UPDATE alerts SET status = 'claimed', claimed_by = "
	    "$2, claimed_at = now() WHERE id = $1::uuid", 2, p) == -1)
		return -1;
	json_object_set_new(a->det, "to", json_string(x->to));
	if (a->st->has_claim)
		json_object_set_new(a->det, "from", json_string(a->st->claimed));
	if (!blank(x->text))
		json_object_set_new(a->det, "reason", json_string(x->text));
	return 0;
}

/* Four eyes: <x> becomes a request a supervisor answers; 0 or -1. */
static int
act_request(struct act_run *a)
{
	if (approval_request(a->c, a->x, a->det, &a->res->msg) == -1)
		return -1;
	a->audit_action = "approval_request";
	a->res->outcome = ACT_AWAITS_APPROVAL;
	return 0;
}

static int
act_decide(struct act_run *a)
{
	const struct alert_act *x = a->x;
	const char *p[3] = { x->id, x->actor, x->decision };

	if (x->decision == NULL || !words_is_decision(x->decision))
		return invalid(a, "decision", "must be one of released held "
		    "inspection_ordered referred_licensing referred_enforcement "
		    "false_positive");
	if (blank(x->text))
		return invalid(a, "reason", "a decision needs a reason");
	if (strcmp(a->st->status, "claimed") != 0 ||
	    strcmp(a->st->claimed, x->actor) != 0)
		return refuse(a, "claim the alert before deciding it");
	if (strcmp(x->decision, "released") == 0 &&
	    strcmp(a->st->severity, "critical") == 0)
		return act_request(a);
	if (act_exec(a, "UPDATE alerts SET status = $3, decision = $3, "
	    "decided_by = $2, decided_at = now(), approved_by = NULL WHERE id "
	    "= $1::uuid", 3, p) == -1)
		return -1;
	json_object_set_new(a->det, "decision", json_string(x->decision));
	json_object_set_new(a->det, "reason", json_string(x->text));
	return 0;
}

static int
act_reopen(struct act_run *a)
{
	const char *p[1] = { a->x->id };

	if (blank(a->x->text))
		return invalid(a, "reason", "reopening needs a reason");
	if (strcmp(a->st->status, "open") == 0 ||
	    strcmp(a->st->status, "claimed") == 0)
		return refuse(a, "the alert is not decided");
	if (a->st->decided_by[0] != '\0' &&
	    strcmp(a->st->decided_by, a->x->actor) != 0) {
		/* Four eyes: another officer's decision. */
		json_object_set_new(a->det, "decided_by",
		    json_string(a->st->decided_by));
		return act_request(a);
	}
	if (act_exec(a, SQL_REOPEN, 1, p) == -1)
		return -1;
	json_object_set_new(a->det, "reason", json_string(a->x->text));
	json_object_set_new(a->det, "previous_status",
	    json_string(a->st->status));
	return 0;
}

/* A supervisor's answer to the waiting request: approve or reject. */
static int
act_answer(struct act_run *a)
{
	const struct alert_act *x = a->x;
	const struct alert_state *st = a->st;
	bool approve = strcmp(x->action, "approve") == 0;
	const char *p[4] = { x->id, x->actor, st->pending_id,
		blank(x->text) ? NULL : x->text };

	if (!st->has_pending)
		return refuse(a, "nothing on this alert waits for approval");
	if (strcmp(st->requested_by, x->actor) == 0)
		return refuse(a, "four eyes: a second supervisor must answer "
		    "your own request");
	if (!approve && blank(x->text))
		return invalid(a, "reason", "a rejection needs a reason");
	if (act_exec(a, approve ? "UPDATE approvals SET state = 'approved', "
	    "decided_by = $2, decided_at = now(), comment = $4 WHERE id = "
	    "$3::bigint AND alert_id = $1::uuid" : "UPDATE approvals SET "
	    "state = 'rejected', decided_by = $2, decided_at = now(), "
	    "comment = $4 WHERE id = $3::bigint AND alert_id = $1::uuid",
	    4, p) == -1)
		return -1;
	json_object_set_new(a->det, "request_id", json_integer(strtoll(
	    st->pending_id, NULL, 10)));
	json_object_set_new(a->det, "requested_action",
	    json_string(st->pending_action));
	if (st->pending_decision[0] != '\0')
		json_object_set_new(a->det, "decision",
		    json_string(st->pending_decision));
	json_object_set_new(a->det, "reason", json_string(st->pending_reason));
	json_object_set_new(a->det, "requested_by",
	    json_string(st->requested_by));
	json_object_set_new(a->det, approve ? "approved_by" : "rejected_by",
	    json_string(x->actor));
	if (p[3] != NULL)
		json_object_set_new(a->det, "comment", json_string(x->text));
	if (!approve)
		return 0;
	if (strcmp(st->pending_action, "decision") == 0) {
		const char *q[4] = { x->id, st->requested_by,
			st->pending_decision, x->actor };

		return act_exec(a, "UPDATE alerts SET status = $3, decision = "
		    "$3, decided_by = $2, decided_at = now(), approved_by = $4 "
		    "WHERE id = $1::uuid", 4, q);
	}
	if (act_exec(a, SQL_REOPEN, 1, p) == -1)
		return -1;
	json_object_set_new(a->det, "previous_status", json_string(st->status));
	return 0;
}

static int
act_note(struct act_run *a)
{
	if (blank(a->x->text))
		return invalid(a, "text", "a note needs text");
	json_object_set_new(a->det, "text", json_string(a->x->text));
	return 0;
}

static const struct {
	const char	*action;
	int		(*step)(struct act_run *);
	bool		 while_pending;	/* allowed while a request waits */
} act_steps[] = {
	{ "claim",	act_claim,	false },
	{ "unclaim",	act_unclaim,	false },
	{ "assign",	act_assign,	false },
	{ "decision",	act_decide,	false },
	{ "reopen",	act_reopen,	false },
	{ "approve",	act_answer,	true },
	{ "reject",	act_answer,	true },
	{ "note",	act_note,	true },
};

/*
 * The outbox event of an action that took effect (store_events.c): a
 * decision or a reopening, at once or on a supervisor's approval; a
 * four-eyes request sends nothing.  NULL for none.
 */
static const char *
act_event(const struct act_run *a)
{
	const char *action = a->x->action;

	if (a->res->outcome != ACT_DONE)
		return NULL;
	if (strcmp(action, "decision") == 0)
		return EVENT_ALERT_DECIDED;
	if (strcmp(action, "reopen") == 0)
		return EVENT_ALERT_REOPENED;
	if (strcmp(action, "approve") == 0)
		return strcmp(a->st->pending_action, "decision") == 0 ?
		    EVENT_ALERT_DECIDED : EVENT_ALERT_REOPENED;
	return NULL;
}

/* The audit row and the outbox row of an applied action; 0 or -1. */
static int
act_record(struct act_run *a)
{
	const struct alert_act *x = a->x;
	const char *ev = act_event(a);

	json_object_set_new(a->det, "from_status", json_string(a->st->status));
	if (store_audit_append(a->c, x->actor, a->audit_action, "alert", x->id,
	    x->list_version, a->det, &a->res->msg) == -1)
		return -1;
	if (ev == NULL)
		return 0;
	json_object_set_new(a->det, "by", json_string(x->actor));
	return store_event_add(a->c, ev, x->id, NULL, a->det, &a->res->msg);
}

void
act_result_clear(struct act_result *res)
{
	json_decref(res->out);
	free(res->msg);
	memset(res, 0, sizeof(*res));
}

int
store_alert_action(PGconn *c, const struct alert_act *x,
    struct act_result *res)
{
	struct alert_state st;
	struct act_run a = { c, x, &st, NULL, res, x->action };
	size_t i;
	int found, rc;

	act_result_clear(res);	/* a retried job may carry the first attempt's */
	for (i = 0; i < sizeof(act_steps) / sizeof(act_steps[0]); i++)
		if (strcmp(act_steps[i].action, x->action) == 0)
			break;
	if (i == sizeof(act_steps) / sizeof(act_steps[0])) {
		res->msg = xstrdup("unknown action");
		return -1;
	}
	memset(&st, 0, sizeof(st));
	PQclear(PQexec(c, "BEGIN"));
	if ((found = alert_lock(c, x->id, &st, &res->msg)) <= 0) {
		PQclear(PQexec(c, "ROLLBACK"));
		if (found == 0) {
			res->outcome = ACT_NOT_FOUND;
			res->msg = xstrdup("no such alert");
		}
		return found;
	}
	a.det = json_object();
	/* A waiting request freezes the alert for everything but notes and
	 * the supervisor's answer. */
	if (st.has_pending && !act_steps[i].while_pending) {
		bool reopen = strcmp(st.pending_action, "reopen") == 0;

		rc = refuse(&a, "%s asked a supervisor to approve %s%s; wait "
		    "for the answer", st.requested_by, reopen ? "reopening the "
		    "alert" : "the decision ", reopen ? "" : st.pending_decision);
	} else
		rc = act_steps[i].step(&a);
	if (rc == 0 && (act_record(&a) == -1 ||
	    store_exec_ok(c, "COMMIT", 0, NULL, &res->msg, x->action) == -1))
		rc = -1;
	json_decref(a.det);
	free(st.pending_reason);
	if (rc != 0) {
		PQclear(PQexec(c, "ROLLBACK"));
		return rc == 1 ? 0 : -1;
	}
	res->out = store_get_alert(c, x->id, &res->msg);
	return res->out ? 0 : -1;
}

int
store_suppression_create(PGconn *c, const char *alert_id, const char *actor,
    const char *reason, const char *expires_at, const char *list_version,
    struct act_result *res)
{
	const char *p[5] = { alert_id, actor, reason, expires_at, NULL };
	char **msgp = &res->msg;
	PGresult *r;
	json_t *det;
	char sid[32];

	act_result_clear(res);
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
		if (PQntuples(r) == 0) {
			res->outcome = ACT_NOT_FOUND;
			res->msg = xstrdup("no such alert");
		} else {
			bool item = strcmp(PQgetvalue(r, 0, 0), "t") == 0;

			res->outcome = ACT_INVALID;
			res->field = item ? "expires_at" : "alert_id";
			res->msg = xstrdup(item ? "must be in the future" :
			    "only item alerts can be suppressed");
		}
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
		res->out = store_json_cell(r, 0, 0);
	PQclear(r);
	res->outcome = ACT_CREATED;
	return res->out ? 0 : -1;
}

int
store_suppression_create_limited(PGconn *c, const char *alert_id,
    const char *actor, const char *reason, const char *expires_at,
    long max_days, const char *list_version, struct act_result *res)
{
	char days[24];
	const char *p[4] = { alert_id, actor, expires_at, days };
	const char *state;
	PGresult *r;

	act_result_clear(res);
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
			res->outcome = ACT_INVALID;
			res->field = "expires_at";
			res->msg = xstrdup("not a valid date and time");
			return 0;
		}
		return store_fail(c, r, &res->msg, "suppression");
	}
	if (!PQgetisnull(r, 0, 1)) {
		/*
		 * The policy function (schemas/0009) answers "409 field: why"
		 * for a state that forbids it, "422 field: why" for a value.
		 */
		const char *why = PQgetvalue(r, 0, 1);
		const char *text = strlen(why) > 4 ? why + 4 : why;
		const char *colon = strstr(text, ": ");

		res->outcome = strncmp(why, "422", 3) == 0 ? ACT_INVALID :
		    ACT_REFUSED;
		if (res->outcome == ACT_INVALID && colon != NULL) {
			res->field = strncmp(text, "expires_at", 10) == 0 ?
			    "expires_at" : "alert_id";
			res->msg = xstrdup(colon + 2);
		} else
			res->msg = xstrdup(text);
		PQclear(r);
		return 0;
	}
	PQclear(r);
	return store_suppression_create(c, alert_id, actor, reason, expires_at,
	    list_version, res);
}
