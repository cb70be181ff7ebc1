/*
 * Storage: connections, deadlines, migrations and the small helpers every
 * store_*.c file shares (store_int.h).  All SQL of Cordon lives in the
 * store*.c files; they return outcomes and set *errp, never HTTP codes.
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
int
store_fail(PGconn *c, PGresult *r, char **errp, const char *what)
{
	const char *msg = r ? PQresultErrorMessage(r) : PQerrorMessage(c);

	if (msg == NULL || *msg == '\0')
		msg = PQerrorMessage(c);
	xasprintf(errp, "%s: %s", what, msg);
	/* Trim libpq's trailing newline. */
	{
		size_t l = strlen(*errp);

		while (l > 0 && ((*errp)[l - 1] == '\n' || (*errp)[l - 1] == ' '))
			(*errp)[--l] = '\0';
	}
	PQclear(r);
	return -1;
}

PGresult *
store_q(PGconn *c, const char *sql, int n, const char *const *params)
{
	return PQexecParams(c, sql, n, NULL, params, NULL, NULL, 0);
}

PGconn *
store_connect(const char *dsn, char **errp)
{
	return store_connect_deadline(dsn, 0, errp);
}

/*
 * TCP keepalives find a dead peer of an idle connection in about 15 s;
 * tcp_user_timeout one that stops acknowledging what was sent (a COMMIT
 * to a primary whose machine is gone) in 10 s, where the kernel would
 * retransmit for many minutes; the statement timeout ends a query the
 * server works on too long.  None helps against a server that is stopped
 * on a Unix socket: db.c's per-job deadline answers the client then.
 *
 * These are defaults: the connection string comes after them and may set
 * its own (a multi-host DSN may want a shorter connect_timeout, which
 * libpq applies to each host in turn).  The options (statement timeout)
 * come last and are always Cordon's.
 */
PGconn *
store_connect_deadline(const char *dsn, int statement_timeout_ms,
    char **errp)
{
	const char *keys[] = { "connect_timeout", "fallback_application_name",
		"keepalives", "keepalives_idle", "keepalives_interval",
		"keepalives_count", "tcp_user_timeout", "dbname", "options",
		NULL };
	const char *vals[] = { "5", "cordon", "1", "5", "2", "5", "10000",
		dsn, NULL, NULL };
	char opts[128];
	PGconn *c;

	*errp = NULL;
	snprintf(opts, sizeof(opts), "-c client_min_messages=warning "
	    "-c statement_timeout=%d", statement_timeout_ms);
	vals[8] = opts;
	c = PQconnectdbParams(keys, vals, 1);
	if (c == NULL || PQstatus(c) != CONNECTION_OK) {
		xasprintf(errp, "cannot connect to PostgreSQL: %s",
		    c ? PQerrorMessage(c) : "out of memory");
		{
			size_t l = strlen(*errp);

			while (l > 0 && (*errp)[l - 1] == '\n')
				(*errp)[--l] = '\0';
		}
		PQfinish(c);
		return NULL;
	}
	return c;
}

/*
 * Whether <c> can take the next statement.  A connection cut off in the
 * middle of a pipeline can keep CONNECTION_OK and stay in pipeline mode
 * (PQexitPipelineMode refuses while results are owed): every later
 * PQexec on it fails at once, so a ping "failed" on a live-looking
 * connection and the declarations of a failover were answered 500 as if
 * the database had refused them.  Such a connection counts as lost: the
 * worker drops it, asks a fresh one whether the batch committed, and
 * answers 503 only when nothing was.
 */
bool
store_ok(PGconn *c)
{
	return c != NULL && PQstatus(c) == CONNECTION_OK &&
	    PQpipelineStatus(c) == PQ_PIPELINE_OFF;
}

int
store_ping(PGconn *c, char **errp)
{
	PGresult *r = PQexec(c, "SELECT 1");

	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return store_fail(c, r, errp, "ping");
	PQclear(r);
	return 0;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
store_migrate(PGconn *c, const char *dir, struct buf *out, char **errp)
{
	PGresult *r;
	DIR *d;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, i;
	int rc = -1, applied = 0;

	r = PQexec(c, "SELECT pg_advisory_lock(84701);"
	    "CREATE TABLE IF NOT EXISTS schema_migrations ("
	    " version text PRIMARY KEY,"
	    " applied_at timestamptz NOT NULL DEFAULT now())");
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		return store_fail(c, r, errp, "migrate");
	PQclear(r);
	if ((d = opendir(dir)) == NULL) {
		xasprintf(errp, "%s: %s", dir, strerror(errno));
		goto unlock;
	}
	while ((de = readdir(d)) != NULL) {
		size_t l = strlen(de->d_name);

		if (l > 4 && strcmp(de->d_name + l - 4, ".sql") == 0 &&
		    de->d_name[0] >= '0' && de->d_name[0] <= '9') {
			names = xreallocarray(names, n + 1, sizeof(*names));
			names[n++] = xstrdup(de->d_name);
		}
	}
	closedir(d);
	qsort(names, n, sizeof(*names), name_cmp);
	for (i = 0; i < n; i++) {
		const char *p[1] = { names[i] };
		char *path, *sql;

		r = store_q(c, "SELECT 1 FROM schema_migrations WHERE version = $1", 1, p);
		if (PQresultStatus(r) != PGRES_TUPLES_OK) {
			store_fail(c, r, errp, names[i]);
			goto unlock;
		}
		if (PQntuples(r) > 0) {
			PQclear(r);
			continue;
		}
		PQclear(r);
		xasprintf(&path, "%s/%s", dir, names[i]);
		sql = util_read_file(path, NULL);
		if (sql == NULL) {
			xasprintf(errp, "%s: %s", path, strerror(errno));
			free(path);
			goto unlock;
		}
		free(path);
		r = PQexec(c, "BEGIN");
		PQclear(r);
		r = PQexec(c, sql);
		free(sql);
		if (PQresultStatus(r) != PGRES_COMMAND_OK &&
		    PQresultStatus(r) != PGRES_TUPLES_OK) {
			store_fail(c, r, errp, names[i]);
			PQclear(PQexec(c, "ROLLBACK"));
			goto unlock;
		}
		PQclear(r);
		r = store_q(c, "INSERT INTO schema_migrations (version) VALUES ($1)", 1, p);
		if (PQresultStatus(r) != PGRES_COMMAND_OK) {
			store_fail(c, r, errp, names[i]);
			PQclear(PQexec(c, "ROLLBACK"));
			goto unlock;
		}
		PQclear(r);
		r = PQexec(c, "COMMIT");
		if (PQresultStatus(r) != PGRES_COMMAND_OK) {
			store_fail(c, r, errp, names[i]);
			goto unlock;
		}
		PQclear(r);
		buf_printf(out, "applied %s\n", names[i]);
		applied++;
	}
	if (applied == 0)
		buf_printf(out, "database schema is up to date (%zu migrations)\n", n);
	rc = 0;
unlock:
	PQclear(PQexec(c, "SELECT pg_advisory_unlock(84701)"));
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

int
store_schema_check(PGconn *c, char **errp)
{
	const char *p[1] = { STORE_SCHEMA_NEEDED };
	PGresult *r;
	bool found;

	r = store_q(c, "SELECT 1 FROM schema_migrations WHERE version = $1",
	    1, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);

		if (state == NULL || strcmp(state, "42P01") != 0)
			return store_fail(c, r, errp, "schema check");
		PQclear(r);
		xasprintf(errp, "the database holds no Cordon schema: run "
		    "`cordonctl db migrate`");
		return -1;
	}
	found = PQntuples(r) > 0;
	PQclear(r);
	if (!found) {
		xasprintf(errp, "the database schema is older than this cordond "
		    "(%s is not applied): run `cordonctl db migrate`",
		    STORE_SCHEMA_NEEDED);
		return -1;
	}
	return 0;
}

/* Decodes the single JSON text value of a one-row result. */
json_t *
store_json_cell(PGresult *r, int row, int col)
{
	json_error_t je;

	if (PQgetisnull(r, row, col))
		return json_null();
	return json_loads(PQgetvalue(r, row, col), 0, &je);
}

/* Runs <sql> with <params>; fails the transaction on error. */
int
store_exec_ok(PGconn *c, const char *sql, int n, const char *const *p,
    char **errp, const char *what)
{
	PGresult *r = store_q(c, sql, n, p);

	if (PQresultStatus(r) != PGRES_COMMAND_OK &&
	    PQresultStatus(r) != PGRES_TUPLES_OK)
		return store_fail(c, r, errp, what);
	PQclear(r);
	return 0;
}
