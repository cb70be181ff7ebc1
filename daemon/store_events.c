/*
 * The outbox: appending events inside the transaction that caused them,
 * the endpoints table, and the delivery rows the webhook sender claims
 * (FOR UPDATE SKIP LOCKED, with a lease) and records.  Declarations add
 * their events in the batch INSERT itself (store_decl.c); the trigger of
 * schemas/0007_outbox.sql adds the delivery rows and the NOTIFY.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "store.h"
#include "store_events.h"
#include "store_int.h"
#include "util.h"
#include "xmalloc.h"

/* ---- writing events ------------------------------------------------ */

int
store_event_add(PGconn *c, const char *type, const char *alert_id,
    const char *subject_id, json_t *data, char **errp)
{
	const char *p[4];
	char *dt;
	int rc;

	dt = data ? json_dumps(data, JSON_COMPACT) : xstrdup("{}");
	p[0] = type;
	p[1] = alert_id;
	p[2] = subject_id;
	p[3] = dt;
	if (alert_id == NULL) {
		p[1] = subject_id;
		p[2] = dt;
		rc = store_exec_ok(c, "INSERT INTO events (type, subject_id, "
		    "payload) VALUES ($1, $2, $3::jsonb)", 3, p, errp, "event");
	} else
		/* The alert as it stands after the caller's change. */
		rc = store_exec_ok(c, "INSERT INTO events (type, declaration_id, "
		    "alert_id, subject_id, payload) SELECT $1, a.declaration_id, "
		    "a.id, $3, jsonb_build_object('alert_id', a.id, "
		    "'declaration_id', a.declaration_id, 'reference', d.reference, "
		    "'submitter', d.submitter, 'item_seq', a.item_seq, 'status', "
		    "a.status, 'category', a.category, 'severity', a.severity, "
		    "'list_version', a.list_version) || $4::jsonb FROM alerts a "
		    "JOIN declarations d ON d.id = a.declaration_id WHERE a.id = "
		    "$2::uuid", 4, p, errp, "event");
	free(dt);
	return rc;
}

/* ---- endpoints ----------------------------------------------------- */

/* A PostgreSQL text[] literal of <v> (quoted, escaped); caller frees. */
static char *
text_array(const char *const *v, size_t n)
{
	struct buf b;
	size_t i;
	const char *s;

	buf_init(&b);
	buf_addc(&b, '{');
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addc(&b, ',');
		buf_addc(&b, '"');
		for (s = v[i]; *s != '\0'; s++) {
			if (*s == '"' || *s == '\\')
				buf_addc(&b, '\\');
			buf_addc(&b, *s);
		}
		buf_addc(&b, '"');
	}
	buf_addc(&b, '}');
	return buf_release(&b);
}

int
store_endpoints_sync(PGconn *c, const struct store_endpoint *eps, size_t n,
    char **errp)
{
	const char **names;
	const char *p[3];
	char *types, *all;
	size_t i;

	if (store_exec_ok(c, "BEGIN", 0, NULL, errp, "endpoints") == -1)
		return -1;
	names = xcalloc(n + 1, sizeof(*names));
	for (i = 0; i < n; i++) {
		names[i] = eps[i].name;
		types = text_array(eps[i].types, eps[i].ntypes);
		p[0] = eps[i].name;
		p[1] = eps[i].url;
		p[2] = types;
		if (store_exec_ok(c, "INSERT INTO webhook_endpoints (name, url, "
		    "types) VALUES ($1, $2, $3::text[]) ON CONFLICT (name) DO "
		    "UPDATE SET url = $2, types = $3::text[], enabled = true, "
		    "updated_at = now() WHERE (webhook_endpoints.url, "
		    "webhook_endpoints.types, webhook_endpoints.enabled) IS "
		    "DISTINCT FROM ($2, $3::text[], true)", 3, p, errp,
		    "endpoints") == -1) {
			free(types);
			goto fail;
		}
		free(types);
	}
	all = text_array(names, n);
	p[0] = all;
	i = store_exec_ok(c, "UPDATE webhook_endpoints SET enabled = false, "
	    "updated_at = now() WHERE enabled AND name <> ALL ($1::text[])",
	    1, p, errp, "endpoints") == -1;
	free(all);
	if (i || store_exec_ok(c, "COMMIT", 0, NULL, errp, "endpoints") == -1)
		goto fail;
	free(names);
	return 0;
fail:
	free(names);
	PQclear(PQexec(c, "ROLLBACK"));
	return -1;
}

/* ---- the sender's side --------------------------------------------- */

int
store_deliveries_claim(PGconn *c, const char *const *names, size_t nn,
    int lease_s, int limit, struct store_delivery **outp, size_t *np,
    char **errp)
{
	struct store_delivery *out;
	char lease[16], lim[16], *arr;
	const char *p[3];
	PGresult *r;
	int i, n;

	*outp = NULL;
	*np = 0;
	arr = text_array(names, nn);
	snprintf(lease, sizeof(lease), "%d", lease_s);
	snprintf(lim, sizeof(lim), "%d", limit);
	p[0] = arr;
	p[1] = lease;
	p[2] = lim;
	/*
	 * Due rows, and rows whose sender's lease ran out (it died while
	 * sending): both are taken once, whoever asks first.
	 */
	r = store_q(c, "WITH c AS (SELECT event_id, endpoint FROM "
	    "event_deliveries WHERE endpoint = ANY ($1::text[]) AND "
	    "((status = 'pending' AND next_attempt_at <= now()) OR "
	    "(status = 'delivering' AND lease_until < now())) "
	    "ORDER BY next_attempt_at LIMIT $3::int FOR UPDATE SKIP LOCKED), "
	    "u AS (UPDATE event_deliveries d SET status = 'delivering', "
	    "attempts = d.attempts + 1, lease_until = now() + "
	    "make_interval(secs => $2::int) FROM c WHERE d.event_id = "
	    "c.event_id AND d.endpoint = c.endpoint RETURNING d.event_id, "
	    "d.endpoint, d.attempts, d.retry_from) "
	    "SELECT u.event_id, u.endpoint, e.type, jsonb_build_object('id', "
	    "e.id, 'type', e.type, 'created_at', e.created_at, 'data', "
	    "e.payload)::text, u.attempts, extract(epoch FROM now() - "
	    "u.retry_from) FROM u JOIN events e ON e.id = u.event_id "
	    "ORDER BY e.seq", 3, p);
	free(arr);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return store_fail(c, r, errp, "claim");
	n = PQntuples(r);
	out = xcalloc((size_t)n + 1, sizeof(*out));
	for (i = 0; i < n; i++) {
		snprintf(out[i].event_id, sizeof(out[i].event_id), "%s",
		    PQgetvalue(r, i, 0));
		out[i].endpoint = xstrdup(PQgetvalue(r, i, 1));
		out[i].type = xstrdup(PQgetvalue(r, i, 2));
		out[i].body = xstrdup(PQgetvalue(r, i, 3));
		out[i].attempts = atoi(PQgetvalue(r, i, 4));
		out[i].age_s = strtod(PQgetvalue(r, i, 5), NULL);
	}
	PQclear(r);
	*outp = out;
	*np = (size_t)n;
	return 0;
}

void
store_deliveries_free(struct store_delivery *d, size_t n)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(d[i].endpoint);
		free(d[i].type);
		free(d[i].body);
	}
	free(d);
}

int
store_delivery_record(PGconn *c, const char *event_id, const char *endpoint,
    enum store_delivery_outcome o, int http_status, const char *error,
    long retry_ms, char **errp)
{
	static const char *const sql[] = {
		[DELIVERY_DELIVERED] = "UPDATE event_deliveries SET status = "
		    "'delivered', delivered_at = now(), lease_until = NULL, "
		    "last_status = nullif($3::int, 0), last_error = NULL "
		    "WHERE event_id = $1::uuid AND endpoint = $2",
		[DELIVERY_RETRY] = "UPDATE event_deliveries SET status = "
		    "'pending', lease_until = NULL, next_attempt_at = now() + "
		    "make_interval(secs => $5::bigint / 1000.0), last_status = "
		    "nullif($3::int, 0), last_error = $4 WHERE event_id = "
		    "$1::uuid AND endpoint = $2",
		[DELIVERY_DEAD] = "UPDATE event_deliveries SET status = "
		    "'failed', lease_until = NULL, last_status = "
		    "nullif($3::int, 0), last_error = $4 WHERE event_id = "
		    "$1::uuid AND endpoint = $2",
		[DELIVERY_RELEASE] = "UPDATE event_deliveries SET status = "
		    "'pending', lease_until = NULL, attempts = greatest("
		    "attempts - 1, 0), next_attempt_at = now() WHERE event_id "
		    "= $1::uuid AND endpoint = $2",
	};
	char st[16], ms[24];
	const char *p[5];

	snprintf(st, sizeof(st), "%d", http_status);
	snprintf(ms, sizeof(ms), "%ld", retry_ms);
	p[0] = event_id;
	p[1] = endpoint;
	p[2] = st;
	p[3] = error;
	p[4] = ms;
	/* Each statement names only the parameters it uses. */
	switch (o) {
	case DELIVERY_DELIVERED:
		return store_exec_ok(c, sql[o], 3, p, errp, "delivery");
	case DELIVERY_RELEASE:
		return store_exec_ok(c, sql[o], 2, p, errp, "delivery");
	case DELIVERY_DEAD:
		return store_exec_ok(c, sql[o], 4, p, errp, "delivery");
	case DELIVERY_RETRY:
		return store_exec_ok(c, sql[o], 5, p, errp, "delivery");
	}
	return -1;
}

int
store_deliveries_due(PGconn *c, const char *const *names, size_t nn,
    long long *pendingp, long long *due_msp, char **errp)
{
	const char *p[1];
	PGresult *r;
	char *arr;

	arr = text_array(names, nn);
	p[0] = arr;
	r = store_q(c, "SELECT count(*), ceil(extract(epoch FROM greatest("
	    "min(CASE WHEN status = 'pending' THEN next_attempt_at ELSE "
	    "lease_until END) - now(), '0'::interval)) * 1000)::bigint FROM "
	    "event_deliveries WHERE status IN ('pending', 'delivering') AND "
	    "endpoint = ANY ($1::text[])", 1, p);
	free(arr);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return store_fail(c, r, errp, "due");
	*pendingp = atoll(PQgetvalue(r, 0, 0));
	*due_msp = PQgetisnull(r, 0, 1) ? -1 : atoll(PQgetvalue(r, 0, 1));
	PQclear(r);
	return 0;
}

/* ---- the admin API ------------------------------------------------- */

/* One event with its deliveries, as the API shows it. */
#define EVENT_JSON \
    "json_build_object('id', e.id, 'seq', e.seq, 'type', e.type, " \
    "'created_at', e.created_at, 'declaration_id', e.declaration_id, " \
    "'alert_id', e.alert_id, 'subject_id', e.subject_id, 'data', " \
    "e.payload, 'deliveries', coalesce((SELECT json_agg(json_build_object(" \
    "'endpoint', d.endpoint, 'status', d.status, 'attempts', d.attempts, " \
    "'next_attempt_at', d.next_attempt_at, 'last_status', d.last_status, " \
    "'last_error', d.last_error, 'delivered_at', d.delivered_at) ORDER BY " \
    "d.endpoint) FROM event_deliveries d WHERE d.event_id = e.id), " \
    "'[]'::json))::text"

json_t *
store_events_list(PGconn *c, const char *status, long long before,
    int limit, char **errp)
{
	char b[24], l[16];
	const char *p[3];
	PGresult *r;
	json_t *out, *arr;
	int i, n;

	snprintf(b, sizeof(b), "%lld", before);
	snprintf(l, sizeof(l), "%d", limit + 1);
	p[0] = status;
	p[1] = b;
	p[2] = l;
	r = store_q(c, "SELECT e.seq, " EVENT_JSON " FROM events e WHERE "
	    "($2::bigint = 0 OR e.seq < $2::bigint) AND ($1::text IS NULL OR "
	    "EXISTS (SELECT 1 FROM event_deliveries x WHERE x.event_id = e.id "
	    "AND x.status = $1)) ORDER BY e.seq DESC LIMIT $3::int", 3, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		store_fail(c, r, errp, "events");
		return NULL;
	}
	n = PQntuples(r);
	arr = json_array();
	for (i = 0; i < n && i < limit; i++)
		json_array_append_new(arr, store_json_cell(r, i, 1));
	out = json_pack("{s:o}", "events", arr);
	json_object_set_new(out, "next_cursor", n > limit ?
	    json_integer(atoll(PQgetvalue(r, limit - 1, 0))) : json_null());
	PQclear(r);
	return out;
}

int
store_event_redeliver(PGconn *c, const char *id, const char *endpoint,
    const char *actor, struct act_result *res)
{
	char **msgp = &res->msg;
	const char *p[2] = { id, endpoint };
	PGresult *r;
	json_t *det;
	int n;

	act_result_clear(res);	/* a retried job may carry the first attempt's */
	if (store_exec_ok(c, "BEGIN", 0, NULL, msgp, "redeliver") == -1)
		return -1;
	r = store_q(c, "SELECT 1 FROM events WHERE id = $1::uuid", 1, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		store_fail(c, r, msgp, "redeliver");
		goto fail;
	}
	n = PQntuples(r);
	PQclear(r);
	if (n == 0) {
		res->outcome = ACT_NOT_FOUND;
		*msgp = xstrdup("no such event");
		goto refuse;
	}
	r = store_q(c, "UPDATE event_deliveries SET status = 'pending', "
	    "attempts = 0, next_attempt_at = now(), retry_from = now(), "
	    "lease_until = NULL, "
	    "last_error = NULL WHERE event_id = $1::uuid AND ($2::text IS "
	    "NULL OR endpoint = $2) AND status <> 'delivering' RETURNING "
	    "endpoint", 2, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		store_fail(c, r, msgp, "redeliver");
		goto fail;
	}
	n = PQntuples(r);
	PQclear(r);
	if (n == 0) {
		res->outcome = ACT_REFUSED;
		*msgp = xstrdup(endpoint ? "the event has no delivery to that "
		    "endpoint that can be sent again now" : "the event has no "
		    "delivery that can be sent again now (none configured, or "
		    "being sent)");
		goto refuse;
	}
	det = json_pack("{s:i}", "deliveries", n);
	if (endpoint != NULL)
		json_object_set_new(det, "endpoint", json_string(endpoint));
	if (store_audit_append(c, actor, "event_redeliver", "event", id, NULL,
	    det, msgp) == -1) {
		json_decref(det);
		goto fail;
	}
	json_decref(det);
	if (store_exec_ok(c, "SELECT pg_notify('cordon_events', '')", 0, NULL,
	    msgp, "redeliver") == -1 ||
	    store_exec_ok(c, "COMMIT", 0, NULL, msgp, "redeliver") == -1)
		goto fail;
	r = store_q(c, "SELECT " EVENT_JSON " FROM events e WHERE e.id = "
	    "$1::uuid", 1, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) == 0) {
		store_fail(c, r, msgp, "redeliver");
		return -1;
	}
	res->out = store_json_cell(r, 0, 0);
	PQclear(r);
	res->outcome = ACT_DONE;
	return 0;
refuse:
	PQclear(PQexec(c, "ROLLBACK"));
	return 0;
fail:
	PQclear(PQexec(c, "ROLLBACK"));
	return -1;
}
