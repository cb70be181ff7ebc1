/*
 * Partition maintenance (schemas/0014_partitions.sql): the months created
 * ahead, the months past retention, a month's rows copied out, and a month
 * detached and dropped with its audit row in one transaction.  What to do
 * and when is maint.c's; this file only speaks SQL.  The key tables
 * (declaration_keys, alert_keys) and the audit trail are never dropped.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "log.h"
#include "store.h"
#include "store_int.h"
#include "store_maint.h"
#include "util.h"
#include "xmalloc.h"

/* One advisory lock: one maintenance run at a time, whichever program. */
#define MAINT_LOCK "84703"

int
store_maint_lock(PGconn *c, char **errp)
{
	PGresult *r = PQexec(c, "SELECT pg_try_advisory_lock(" MAINT_LOCK ")");
	int got;

	*errp = NULL;
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return store_fail(c, r, errp, "maintenance lock");
	got = strcmp(PQgetvalue(r, 0, 0), "t") == 0;
	PQclear(r);
	return got ? 0 : 1;
}

void
store_maint_unlock(PGconn *c)
{
	PQclear(PQexec(c, "SELECT pg_advisory_unlock(" MAINT_LOCK ")"));
}

/*
 * One table at a time, each in its own transaction: creating a partition
 * locks its table, and a batch INSERT locks declarations, items and alerts
 * in turn, so holding two of them at once could deadlock with ingest.  A
 * lock not granted within 5 s (a long query on the table) leaves that
 * table for the next run instead of stalling ingest behind the wait.
 */
int
store_partitions_ahead(PGconn *c, int months, int *created, char **errp)
{
	static const char *const tables[] = { "declarations", "items",
	    "alerts" };
	char m[16];
	const char *p[2];
	PGresult *r;
	size_t i;

	*errp = NULL;
	*created = 0;
	snprintf(m, sizeof(m), "%d", months);
	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		p[0] = tables[i];
		p[1] = m;
		r = PQexec(c, "BEGIN; SET LOCAL lock_timeout = '5s'");
		if (PQresultStatus(r) != PGRES_COMMAND_OK)
			return store_fail(c, r, errp, "partitions");
		PQclear(r);
		r = store_q(c, "SELECT cordon_partitions_create($1, now(), now() + "
		    "make_interval(months => $2::integer))", 2, p);
		if (PQresultStatus(r) != PGRES_TUPLES_OK) {
			store_fail(c, r, errp, tables[i]);
			PQclear(PQexec(c, "ROLLBACK"));
			return -1;
		}
		*created += atoi(PQgetvalue(r, 0, 0));
		PQclear(r);
		r = PQexec(c, "COMMIT");
		if (PQresultStatus(r) != PGRES_COMMAND_OK)
			return store_fail(c, r, errp, tables[i]);
		PQclear(r);
	}
	return 0;
}

/*
 * The month boundary before which a month is past <months> of retention:
 * the start of the current UTC month, <months> months back.
 */
#define CUTOFF "((date_trunc('month', now() AT TIME ZONE 'UTC') - " \
	"make_interval(months => $1::integer)) AT TIME ZONE 'UTC')"

json_t *
store_partitions_list(PGconn *c, int retention_months, char **errp)
{
	char m[16];
	const char *p[1] = { m };
	PGresult *r;
	json_t *j;

	*errp = NULL;
	snprintf(m, sizeof(m), "%d", retention_months);
	r = store_q(c, "SELECT coalesce(jsonb_agg(jsonb_build_object('table', "
	    "x.parent, 'partition', x.part, 'from', x.month_start, 'to', "
	    "x.month_end, 'rows_estimate', greatest(cl.reltuples, 0)::bigint, "
	    "'bytes', pg_total_relation_size(cl.oid), 'past_retention', "
	    "$1::integer > 0 AND x.month_end <= " CUTOFF ") ORDER BY x.parent, "
	    "x.month_start), '[]') FROM cordon_partitions() x JOIN pg_class cl "
	    "ON cl.oid = x.part::regclass", 1, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		store_fail(c, r, errp, "partitions");
		return NULL;
	}
	j = store_json_cell(r, 0, 0);
	PQclear(r);
	return j;
}

int
store_partitions_expired(PGconn *c, int retention_months,
    struct store_partition **partsp, size_t *np, char **errp)
{
	char m[16];
	const char *p[1] = { m };
	struct store_partition *parts;
	PGresult *r;
	int i, n;

	*errp = NULL;
	*partsp = NULL;
	*np = 0;
	snprintf(m, sizeof(m), "%d", retention_months);
	r = store_q(c, "SELECT parent, part, to_char(month_start AT TIME ZONE "
	    "'UTC', 'YYYY-MM'), month_start, month_end, attached FROM ("
	    "SELECT parent, part, month_start, month_end, true AS attached "
	    "FROM cordon_partitions() WHERE month_end <= " CUTOFF
	    /* A month a stopped run detached and did not drop. */
	    " UNION ALL SELECT m[1], c.relname, to_timestamp(m[2] || '-' || "
	    "m[3] || '-01 00:00:00+00', 'YYYY-MM-DD HH24:MI:SS'), "
	    "to_timestamp(m[2] || '-' || m[3] || '-01 00:00:00+00', "
	    "'YYYY-MM-DD HH24:MI:SS') + interval '1 month', false FROM pg_class c, "
	    "regexp_match(c.relname, '^(alerts|items|declarations)_p([0-9]{4})_"
	    "([0-9]{2})$') m WHERE m IS NOT NULL AND c.relkind = 'r' AND NOT "
	    "c.relispartition AND c.relnamespace = current_schema()::regnamespace"
	    ") x ORDER BY array_position(cordon_partitioned_tables(), parent), "
	    "month_start", 1, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return store_fail(c, r, errp, "partitions");
	n = PQntuples(r);
	parts = xcalloc(n > 0 ? (size_t)n : 1, sizeof(*parts));
	for (i = 0; i < n; i++) {
		snprintf(parts[i].parent, sizeof(parts[i].parent), "%s",
		    PQgetvalue(r, i, 0));
		snprintf(parts[i].name, sizeof(parts[i].name), "%s",
		    PQgetvalue(r, i, 1));
		snprintf(parts[i].month, sizeof(parts[i].month), "%s",
		    PQgetvalue(r, i, 2));
		snprintf(parts[i].from, sizeof(parts[i].from), "%s",
		    PQgetvalue(r, i, 3));
		snprintf(parts[i].to, sizeof(parts[i].to), "%s",
		    PQgetvalue(r, i, 4));
		parts[i].attached = strcmp(PQgetvalue(r, i, 5), "t") == 0;
	}
	PQclear(r);
	*partsp = parts;
	*np = (size_t)n;
	return 0;
}

int
store_default_rows(PGconn *c, struct buf *out, char **errp)
{
	PGresult *r;
	int i, found = 0;

	*errp = NULL;
	r = PQexec(c, "SELECT 'alerts', count(*) FROM alerts_default UNION ALL "
	    "SELECT 'items', count(*) FROM items_default UNION ALL "
	    "SELECT 'declarations', count(*) FROM declarations_default");
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return store_fail(c, r, errp, "default partitions");
	for (i = 0; i < PQntuples(r); i++)
		if (atoll(PQgetvalue(r, i, 1)) > 0) {
			buf_printf(out, "%s_default holds %s rows outside every "
			    "monthly partition\n", PQgetvalue(r, i, 0),
			    PQgetvalue(r, i, 1));
			found = 1;
		}
	PQclear(r);
	return found;
}

int
store_partition_copy(PGconn *c, const char *part,
    int (*sink)(const char *data, size_t len, void *arg), void *arg,
    long long *rowsp, char **errp)
{
	char *sql, *id, *data;
	PGresult *r;
	int len, rc = 0;

	*errp = NULL;
	if ((id = PQescapeIdentifier(c, part, strlen(part))) == NULL)
		return store_fail(c, NULL, errp, "export");
	xasprintf(&sql, "COPY (SELECT * FROM %s) TO STDOUT (FORMAT csv, HEADER)",
	    id);
	PQfreemem(id);
	r = PQexec(c, sql);
	free(sql);
	if (PQresultStatus(r) != PGRES_COPY_OUT)
		return store_fail(c, r, errp, part);
	PQclear(r);
	while ((len = PQgetCopyData(c, &data, 0)) > 0) {
		if (rc == 0 && sink(data, (size_t)len, arg) == -1)
			rc = -1;	/* drain the rest, then fail */
		PQfreemem(data);
	}
	r = PQgetResult(c);
	if (len == -2 || PQresultStatus(r) != PGRES_COMMAND_OK)
		return store_fail(c, r, errp, part);
	*rowsp = atoll(PQcmdTuples(r));
	PQclear(r);
	while ((r = PQgetResult(c)) != NULL)
		PQclear(r);
	if (rc == -1)
		xasprintf(errp, "%s: the export file could not be written", part);
	return rc;
}

enum ddl { DDL_DETACH, DDL_ATTACH, DDL_DROP };

/*
 * Detaches, attaches or drops <pt> in a transaction that waits at most 10 s
 * for a lock; a drop's transaction is left open for its audit row.
 */
static int
partition_ddl(PGconn *c, const struct store_partition *pt, enum ddl what,
    char **errp)
{
	char *sql, *parent, *part, *from, *to;
	PGresult *r;

	parent = PQescapeIdentifier(c, pt->parent, strlen(pt->parent));
	part = PQescapeIdentifier(c, pt->name, strlen(pt->name));
	from = PQescapeLiteral(c, pt->from, strlen(pt->from));
	to = PQescapeLiteral(c, pt->to, strlen(pt->to));
	if (parent == NULL || part == NULL || from == NULL || to == NULL)
		fatalx("out of memory");
	switch (what) {
	case DDL_DETACH:
		/* A plain DETACH (CONCURRENTLY refuses a table with a DEFAULT
		 * partition): the table is locked for the catalogue change. */
		xasprintf(&sql, "BEGIN; SET LOCAL lock_timeout = '10s'; "
		    "ALTER TABLE %s DETACH PARTITION %s; COMMIT", parent, part);
		break;
	case DDL_ATTACH:
		xasprintf(&sql, "BEGIN; SET LOCAL lock_timeout = '10s'; "
		    "ALTER TABLE %s ATTACH PARTITION %s FOR VALUES FROM (%s) TO "
		    "(%s); COMMIT", parent, part, from, to);
		break;
	default:
		xasprintf(&sql, "BEGIN; SET LOCAL lock_timeout = '10s'; "
		    "DROP TABLE %s", part);
		break;
	}
	PQfreemem(parent);
	PQfreemem(part);
	PQfreemem(from);
	PQfreemem(to);
	r = PQexec(c, sql);
	free(sql);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		store_fail(c, r, errp, pt->name);
		PQclear(PQexec(c, "ROLLBACK"));
		return -1;
	}
	PQclear(r);
	return 0;
}

int
store_partition_detach(PGconn *c, struct store_partition *pt, char **errp)
{
	*errp = NULL;
	if (!pt->attached)
		return 0;
	if (partition_ddl(c, pt, DDL_DETACH, errp) == -1)
		return -1;
	pt->attached = false;
	return 0;
}

int
store_partition_attach(PGconn *c, struct store_partition *pt, char **errp)
{
	*errp = NULL;
	if (pt->attached)
		return 0;
	if (partition_ddl(c, pt, DDL_ATTACH, errp) == -1)
		return -1;
	pt->attached = true;
	return 0;
}

int
store_partition_drop(PGconn *c, const struct store_partition *pt,
    const char *actor, json_t *details, char **errp)
{
	PGresult *r;

	*errp = NULL;
	if (pt->attached) {
		xasprintf(errp, "%s: still attached; detach it first", pt->name);
		return -1;
	}
	if (partition_ddl(c, pt, DDL_DROP, errp) == -1)
		return -1;
	if (store_audit_append(c, actor, "retention_drop", "partition",
	    pt->name, NULL, details, errp) == -1)
		goto rollback;
	r = PQexec(c, "COMMIT");
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		return store_fail(c, r, errp, "retention");
	PQclear(r);
	return 0;
rollback:
	PQclear(PQexec(c, "ROLLBACK"));
	return -1;
}

int
store_retention_audit(PGconn *c, const char *actor, json_t *details,
    char **errp)
{
	PGresult *r;

	*errp = NULL;
	r = PQexec(c, "BEGIN");
	PQclear(r);
	if (store_audit_append(c, actor, "retention_run", "retention",
	    "partitions", NULL, details, errp) == -1) {
		PQclear(PQexec(c, "ROLLBACK"));
		return -1;
	}
	r = PQexec(c, "COMMIT");
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		return store_fail(c, r, errp, "retention");
	PQclear(r);
	return 0;
}
