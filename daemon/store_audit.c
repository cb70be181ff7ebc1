/*
 * Tokens and the hash-chained audit trail: token rows with their audit
 * rows, appending, verifying, paging and exporting the trail.
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
#include "store_int.h"
#include "words.h"
#include "xmalloc.h"

/* ---- tokens ----------------------------------------------------------- */

int
store_tokens_load(PGconn *c, struct auth_table *t, char **errp)
{
	PGresult *r = PQexec(c, "SELECT name, role, hash FROM tokens WHERE "
	    "revoked_at IS NULL");
	int i;

	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return store_fail(c, r, errp, "tokens");
	for (i = 0; i < PQntuples(r); i++)
		if (auth_table_add(t, PQgetvalue(r, i, 0), PQgetvalue(r, i, 1),
		    PQgetvalue(r, i, 2)) == -1)
			log_warnx("token %s: malformed row ignored",
			    PQgetvalue(r, i, 0));
	PQclear(r);
	return 0;
}

/*
 * The common end of a token change inside its transaction: the audit row,
 * the NOTIFY that makes every daemon reload its tokens, the commit.
 */
static int
token_change_commit(PGconn *c, const char *action, const char *name,
    const char *actor, json_t *det, char **errp)
{
	const char *p[1] = { name };

	if (store_audit_append(c, actor, action, "token", name, NULL, det,
	    errp) == -1)
		return -1;
	if (store_exec_ok(c, "SELECT pg_notify('cordon_tokens', $1)", 1, p, errp,
	    action) == -1)
		return -1;
	return store_exec_ok(c, "COMMIT", 0, NULL, errp, action);
}

int
store_token_create(PGconn *c, const char *name, const char *role,
    const char *hash, const char *actor, char **errp)
{
	const char *p[3] = { name, role, hash };
	json_t *det = json_pack("{s:s}", "role", role);
	int rc = -1;

	PQclear(PQexec(c, "BEGIN"));
	if (store_exec_ok(c, "INSERT INTO tokens (name, role, hash) VALUES ($1, $2, "
	    "$3)", 3, p, errp, "token") == 0 &&
	    token_change_commit(c, "token_create", name, actor, det, errp) == 0)
		rc = 0;
	if (rc == -1)
		PQclear(PQexec(c, "ROLLBACK"));
	json_decref(det);
	return rc;
}

int
store_token_revoke(PGconn *c, const char *name, const char *actor,
    char **errp)
{
	const char *p[1] = { name };
	json_t *det = json_object();
	PGresult *r;
	int rc = -1;

	PQclear(PQexec(c, "BEGIN"));
	r = store_q(c, "UPDATE tokens SET revoked_at = now() WHERE name = $1 AND "
	    "revoked_at IS NULL", 1, p);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		store_fail(c, r, errp, "revoke");
		goto done;
	}
	if (strcmp(PQcmdTuples(r), "1") != 0) {
		PQclear(r);
		xasprintf(errp, "no active token named \"%s\"", name);
		goto done;
	}
	PQclear(r);
	if (token_change_commit(c, "token_revoke", name, actor, det, errp) == 0)
		rc = 0;
done:
	if (rc == -1)
		PQclear(PQexec(c, "ROLLBACK"));
	json_decref(det);
	return rc;
}

json_t *
store_tokens_list(PGconn *c, char **errp)
{
	PGresult *r = PQexec(c, "SELECT coalesce(json_agg(json_build_object("
	    "'name', name, 'role', role, 'created_at', created_at, "
	    "'revoked_at', revoked_at) ORDER BY id), '[]') FROM tokens");
	json_t *j;

	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		store_fail(c, r, errp, "tokens");
		return NULL;
	}
	j = store_json_cell(r, 0, 0);
	PQclear(r);
	return j;
}

/* ---- audit ------------------------------------------------------------ */

#define AUDIT_GENESIS \
	"0000000000000000000000000000000000000000000000000000000000000000"

/* The exact text hashed for a row; caller frees. */
static char *
audit_canonical(const char *seq, const char *at, const char *actor,
    const char *action, const char *otype, const char *oid,
    const char *list_version, const char *details_text)
{
	char *s;

	xasprintf(&s, "%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s", seq, at, actor, action,
	    otype, oid, list_version ? list_version : "", details_text);
	return s;
}

static void
audit_hash(const char *prev, const char *canonical, char out[65])
{
	char *all;

	xasprintf(&all, "%s\n%s", prev, canonical);
	util_sha256_hex(all, strlen(all), out);
	free(all);
}

int
store_audit_append(PGconn *c, const char *actor, const char *action,
    const char *object_type, const char *object_id, const char *list_version,
    json_t *details, char **errp)
{
	char seq[32], at[32], hash[65], prev[65], *canon, *dt;
	const char *p[10];
	PGresult *r;
	long long last = 0;
	int rc;

	/* One writer at a time extends the chain. */
	r = PQexec(c, "SELECT pg_advisory_xact_lock(84702)");
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return store_fail(c, r, errp, "audit");
	PQclear(r);
	r = PQexec(c, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return store_fail(c, r, errp, "audit");
	if (PQntuples(r) > 0) {
		last = atoll(PQgetvalue(r, 0, 0));
		snprintf(prev, sizeof(prev), "%s", PQgetvalue(r, 0, 1));
	} else
		snprintf(prev, sizeof(prev), "%s", AUDIT_GENESIS);
	PQclear(r);
	snprintf(seq, sizeof(seq), "%lld", last + 1);
	util_now_rfc3339(at);
	dt = json_dumps(details, JSON_COMPACT | JSON_SORT_KEYS);
	canon = audit_canonical(seq, at, actor, action, object_type, object_id,
	    list_version, dt);
	audit_hash(prev, canon, hash);
	p[0] = seq; p[1] = at; p[2] = actor; p[3] = action; p[4] = object_type;
	p[5] = object_id; p[6] = list_version; p[7] = dt; p[8] = prev;
	p[9] = hash;
	rc = store_exec_ok(c, "INSERT INTO audit (seq, at, actor, action, object_type, "
	    "object_id, list_version, details, details_text, prev_hash, hash) "
	    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb, $8::text, $9, $10)", 10, p,
	    errp, "audit");
	free(canon);
	free(dt);
	return rc;
}

int
store_audit_verify(PGconn *c, struct buf *out, size_t *rows, char **errp)
{
	PGresult *r = PQexec(c, "SELECT seq, at, actor, action, object_type, "
	    "object_id, coalesce(list_version, ''), details::text, details_text, "
	    "prev_hash, hash FROM audit ORDER BY seq");
	char prev[65], h[65];
	long long expect = 1;
	int i, n, broken = 0;

	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return store_fail(c, r, errp, "audit");
	snprintf(prev, sizeof(prev), "%s", AUDIT_GENESIS);
	n = PQntuples(r);
	*rows = (size_t)n;
	for (i = 0; i < n && !broken; i++) {
		long long seq = atoll(PQgetvalue(r, i, 0));
		const char *lv = PQgetvalue(r, i, 6);
		json_t *a, *b;
		json_error_t je;
		char *canon;

		if (seq != expect) {
			buf_printf(out, "audit row %lld: expected row %lld here: "
			    "rows were deleted or renumbered\n", seq, expect);
			broken = 1;
			break;
		}
		if (strcmp(PQgetvalue(r, i, 9), prev) != 0) {
			buf_printf(out, "audit row %lld: its previous-row hash does "
			    "not match row %lld: rows were deleted, inserted or "
			    "reordered\n", seq, seq - 1);
			broken = 1;
			break;
		}
		canon = audit_canonical(PQgetvalue(r, i, 0), PQgetvalue(r, i, 1),
		    PQgetvalue(r, i, 2), PQgetvalue(r, i, 3), PQgetvalue(r, i, 4),
		    PQgetvalue(r, i, 5), *lv ? lv : NULL, PQgetvalue(r, i, 8));
		audit_hash(prev, canon, h);
		free(canon);
		if (strcmp(h, PQgetvalue(r, i, 10)) != 0) {
			buf_printf(out, "audit row %lld (%s %s %s by %s): altered: "
			    "its content does not match its hash\n", seq,
			    PQgetvalue(r, i, 3), PQgetvalue(r, i, 4),
			    PQgetvalue(r, i, 5), PQgetvalue(r, i, 2));
			broken = 1;
			break;
		}
		/* The queryable copy must say what the hashed text says. */
		a = json_loads(PQgetvalue(r, i, 7), 0, &je);
		b = json_loads(PQgetvalue(r, i, 8), 0, &je);
		if (a == NULL || b == NULL || !json_equal(a, b)) {
			buf_printf(out, "audit row %lld (%s %s %s by %s): altered: "
			    "its details differ from the hashed text\n", seq,
			    PQgetvalue(r, i, 3), PQgetvalue(r, i, 4),
			    PQgetvalue(r, i, 5), PQgetvalue(r, i, 2));
			broken = 1;
		}
		json_decref(a);
		json_decref(b);
		snprintf(prev, sizeof(prev), "%s", PQgetvalue(r, i, 10));
		expect++;
	}
	PQclear(r);
	if (!broken)
		buf_printf(out, "audit trail intact: %d rows, last hash %s\n", n,
		    prev);
	return broken;
}

json_t *
store_audit_page(PGconn *c, long long after, int limit, char **errp)
{
	char a[32], l[16];
	const char *p[2] = { a, l };
	PGresult *r;
	json_t *j;

	*errp = NULL;
	snprintf(a, sizeof(a), "%lld", after);
	snprintf(l, sizeof(l), "%d", limit);
	r = store_q(c, "SELECT json_build_object('events', coalesce(json_agg(x ORDER "
	    "BY x.seq), '[]')) FROM (SELECT seq, at, actor, action, object_type, "
	    "object_id, list_version, details, hash FROM audit WHERE seq > "
	    "$1::bigint ORDER BY seq LIMIT $2::integer) x", 2, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		store_fail(c, r, errp, "audit");
		return NULL;
	}
	j = store_json_cell(r, 0, 0);
	PQclear(r);
	return j;
}

int
store_audit_export(PGconn *c, FILE *fp, char **errp)
{
	PGresult *r = PQexec(c, "SELECT json_build_object('seq', seq, 'at', at, "
	    "'actor', actor, 'action', action, 'object_type', object_type, "
	    "'object_id', object_id, 'list_version', list_version, 'details', "
	    "details, 'prev_hash', prev_hash, 'hash', hash)::text FROM audit "
	    "ORDER BY seq");
	int i;

	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return store_fail(c, r, errp, "audit");
	for (i = 0; i < PQntuples(r); i++)
		fprintf(fp, "%s\n", PQgetvalue(r, i, 0));
	PQclear(r);
	return 0;
}

int
store_tokens_unaudited(PGconn *c, struct buf *out, char **errp)
{
	PGresult *r = PQexec(c, "SELECT t.name, t.role, t.revoked_at IS NULL, "
	    "(SELECT a.details->>'role' FROM audit a WHERE a.object_type = "
	    "'token' AND a.object_id = t.name AND a.action = 'token_create' "
	    "ORDER BY a.seq LIMIT 1), EXISTS (SELECT 1 FROM audit a WHERE "
	    "a.object_type = 'token' AND a.object_id = t.name AND a.action = "
	    "'token_revoke') FROM tokens t ORDER BY t.id");
	int i, bad = 0;

	*errp = NULL;
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return store_fail(c, r, errp, "tokens");
	for (i = 0; i < PQntuples(r); i++) {
		const char *name = PQgetvalue(r, i, 0), *role = PQgetvalue(r, i, 1);
		bool active = strcmp(PQgetvalue(r, i, 2), "t") == 0;
		bool revoked = strcmp(PQgetvalue(r, i, 4), "t") == 0;

		if (PQgetisnull(r, i, 3)) {
			buf_printf(out, "token \"%s\" (%s): no token_create row in "
			    "the audit trail: it was not created with cordonctl\n",
			    name, role);
			bad++;
		} else if (strcmp(PQgetvalue(r, i, 3), role) != 0) {
			buf_printf(out, "token \"%s\": role %s, but the audit "
			    "trail created it as %s\n", name, role,
			    PQgetvalue(r, i, 3));
			bad++;
		}
		if (active && revoked) {
			buf_printf(out, "token \"%s\" (%s): revoked in the audit "
			    "trail but active\n", name, role);
			bad++;
		}
	}
	PQclear(r);
	return bad;
}
