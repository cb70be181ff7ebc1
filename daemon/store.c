/*
 * SQL for Cordon.  Statements are parameterised; JSON travels as text and
 * is decoded with jansson.  Writes of screened declarations go through the
 * cordon_store_batch() function (schemas/0001_core.sql) so that a batch is
 * one round trip and one commit.
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
#include "words.h"
#include "xmalloc.h"

static int
pg_fail(PGconn *c, PGresult *r, char **errp, const char *what)
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

static PGresult *
q(PGconn *c, const char *sql, int n, const char *const *params)
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

bool
store_ok(PGconn *c)
{
	return c != NULL && PQstatus(c) == CONNECTION_OK;
}

int
store_ping(PGconn *c, char **errp)
{
	PGresult *r = PQexec(c, "SELECT 1");

	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return pg_fail(c, r, errp, "ping");
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
		return pg_fail(c, r, errp, "migrate");
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

		r = q(c, "SELECT 1 FROM schema_migrations WHERE version = $1", 1, p);
		if (PQresultStatus(r) != PGRES_TUPLES_OK) {
			pg_fail(c, r, errp, names[i]);
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
			pg_fail(c, r, errp, names[i]);
			PQclear(PQexec(c, "ROLLBACK"));
			goto unlock;
		}
		PQclear(r);
		r = q(c, "INSERT INTO schema_migrations (version) VALUES ($1)", 1, p);
		if (PQresultStatus(r) != PGRES_COMMAND_OK) {
			pg_fail(c, r, errp, names[i]);
			PQclear(PQexec(c, "ROLLBACK"));
			goto unlock;
		}
		PQclear(r);
		r = PQexec(c, "COMMIT");
		if (PQresultStatus(r) != PGRES_COMMAND_OK) {
			pg_fail(c, r, errp, names[i]);
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

static char *
pg_array(const struct strv *sv)
{
	struct buf b;
	size_t i;
	const char *p;

	buf_init(&b);
	buf_addc(&b, '{');
	for (i = 0; i < sv->n; i++) {
		if (i > 0)
			buf_addc(&b, ',');
		buf_addc(&b, '"');
		for (p = sv->v[i]; *p; p++) {
			if (*p == '"' || *p == '\\')
				buf_addc(&b, '\\');
			buf_addc(&b, *p);
		}
		buf_addc(&b, '"');
	}
	buf_addc(&b, '}');
	return buf_release(&b);
}

int
store_import_version(PGconn *c, const struct ruleset *rs,
    const struct fileset *fs, const char *actor, char **versionp,
    bool *created, void (*progress)(const char *, size_t, size_t),
    char **errp)
{
	const char *p[8];
	PGresult *r;
	char version[64], count[32], ts[32];
	time_t now = time(NULL);
	struct tm tm;
	size_t i, k;

	*created = false;
	p[0] = rs->checksum;
	r = q(c, "SELECT id FROM list_versions WHERE checksum = $1", 1, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return pg_fail(c, r, errp, "import");
	if (PQntuples(r) > 0) {
		*versionp = xstrdup(PQgetvalue(r, 0, 0));
		PQclear(r);
		return 0;
	}
	PQclear(r);
	gmtime_r(&now, &tm);
	strftime(ts, sizeof(ts), "%Y%m%d-%H%M%S", &tm);
	snprintf(version, sizeof(version), "%s-%.8s", ts, rs->checksum);
	snprintf(count, sizeof(count), "%zu", rs->nentries);

	PQclear(PQexec(c, "BEGIN"));
	p[0] = version;
	p[1] = rs->checksum;
	p[2] = count;
	r = q(c, "INSERT INTO list_versions (id, checksum, entry_count) "
	    "VALUES ($1, $2, $3)", 3, p);
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		goto fail;
	PQclear(r);
	for (i = 0; i < fs->n; i++) {
		char sha[65];

		if (memchr(fs->f[i].data, '\0', fs->f[i].len) != NULL) {
			xasprintf(errp, "%s: contains a NUL byte", fs->f[i].name);
			PQclear(PQexec(c, "ROLLBACK"));
			return -1;
		}
		util_sha256_hex(fs->f[i].data, fs->f[i].len, sha);
		p[1] = fs->f[i].name;
		p[2] = sha;
		p[3] = fs->f[i].data;
		r = q(c, "INSERT INTO list_files (version, name, sha256, content) "
		    "VALUES ($1, $2, $3, $4)", 4, p);
		if (PQresultStatus(r) != PGRES_COMMAND_OK)
			goto fail;
		PQclear(r);
		if (progress)
			progress(fs->f[i].name, i + 1, fs->n);
	}
	for (i = 0; i < rs->nlists; i++) {
		const struct rule_list *l = &rs->lists[i];

		p[1] = l->id;
		p[2] = l->title;
		p[3] = l->source;
		p[4] = l->version_date;
		p[5] = l->file;
		r = q(c, "INSERT INTO list_headers (version, list_id, title, source, "
		    "version_date, file) VALUES ($1, $2, $3, $4, $5, $6)", 6, p);
		if (PQresultStatus(r) != PGRES_COMMAND_OK)
			goto fail;
		PQclear(r);
		for (k = 0; k < l->nentries; k++) {
			const struct rule_entry *e = &l->entries[k];
			char *regimes = pg_array(&e->regimes);

			p[1] = l->id;
			p[2] = e->code;
			p[3] = e->title;
			p[4] = rules_category_name(e->category);
			p[5] = regimes;
			p[6] = e->explanation;
			p[7] = e->source;
			r = q(c, "INSERT INTO list_entries (version, list_id, code, "
			    "title, category, regimes, explanation, source) VALUES "
			    "($1, $2, $3, $4, $5, $6, $7, $8)", 8, p);
			free(regimes);
			if (PQresultStatus(r) != PGRES_COMMAND_OK)
				goto fail;
			PQclear(r);
		}
	}
	{
		json_t *files = json_array(), *det;

		for (i = 0; i < rs->nfiles; i++)
			json_array_append_new(files, json_pack("{s:s, s:s}", "name",
			    rs->files[i].name, "sha256", rs->files[i].sha256));
		det = json_pack("{s:s, s:I, s:o}", "checksum", rs->checksum,
		    "entries", (json_int_t)rs->nentries, "files", files);
		if (store_audit_append(c, actor, "list_import", "list_version",
		    version, version, det, errp) == -1) {
			json_decref(det);
			PQclear(PQexec(c, "ROLLBACK"));
			return -1;
		}
		json_decref(det);
	}
	r = PQexec(c, "COMMIT");
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		return pg_fail(c, r, errp, "import");
	PQclear(r);
	*versionp = xstrdup(version);
	*created = true;
	return 0;
fail:
	pg_fail(c, r, errp, "import");
	PQclear(PQexec(c, "ROLLBACK"));
	return -1;
}

int
store_version_files(PGconn *c, const char *version, struct fileset *fs,
    char **errp)
{
	const char *p[1] = { version };
	PGresult *r;
	int i;

	r = q(c, "SELECT name, content FROM list_files WHERE version = $1 "
	    "ORDER BY name", 1, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return pg_fail(c, r, errp, "list files");
	if (PQntuples(r) == 0) {
		PQclear(r);
		xasprintf(errp, "list version \"%s\" has no files", version);
		return -1;
	}
	for (i = 0; i < PQntuples(r); i++)
		fileset_add(fs, PQgetvalue(r, i, 0), NULL, PQgetvalue(r, i, 1),
		    (size_t)PQgetlength(r, i, 1));
	PQclear(r);
	return 0;
}

int
store_activate(PGconn *c, const char *version, const char *actor,
    char **errp)
{
	const char *p[1] = { version };
	PGresult *r;
	json_t *det;

	PQclear(PQexec(c, "BEGIN"));
	r = q(c, "SELECT 1 FROM list_versions WHERE id = $1 FOR UPDATE", 1, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		goto fail;
	if (PQntuples(r) == 0) {
		PQclear(r);
		PQclear(PQexec(c, "ROLLBACK"));
		xasprintf(errp, "no list version \"%s\"", version);
		return -1;
	}
	PQclear(r);
	r = q(c, "UPDATE list_versions SET active = false WHERE active AND "
	    "id <> $1", 1, p);
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		goto fail;
	PQclear(r);
	r = q(c, "UPDATE list_versions SET active = true, activated_at = now() "
	    "WHERE id = $1", 1, p);
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		goto fail;
	PQclear(r);
	det = json_object();
	if (store_audit_append(c, actor, "list_activate", "list_version",
	    version, version, det, errp) == -1) {
		json_decref(det);
		PQclear(PQexec(c, "ROLLBACK"));
		return -1;
	}
	json_decref(det);
	r = q(c, "SELECT pg_notify('cordon_lists', $1)", 1, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		goto fail;
	PQclear(r);
	r = PQexec(c, "COMMIT");
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		return pg_fail(c, r, errp, "activate");
	PQclear(r);
	return 0;
fail:
	pg_fail(c, r, errp, "activate");
	PQclear(PQexec(c, "ROLLBACK"));
	return -1;
}

/* Decodes the single JSON text value of a one-row result. */
static json_t *
json_cell(PGresult *r, int row, int col)
{
	json_error_t je;

	if (PQgetisnull(r, row, col))
		return json_null();
	return json_loads(PQgetvalue(r, row, col), 0, &je);
}

json_t *
store_versions(PGconn *c, char **errp)
{
	PGresult *r = PQexec(c, "SELECT coalesce(json_agg(json_build_object("
	    "'id', id, 'checksum', checksum, 'entries', entry_count, "
	    "'created_at', created_at, 'activated_at', activated_at, "
	    "'active', active) ORDER BY created_at DESC, id DESC), '[]') "
	    "FROM list_versions");
	json_t *j;

	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		pg_fail(c, r, errp, "versions");
		return NULL;
	}
	j = json_cell(r, 0, 0);
	PQclear(r);
	return j;
}

char *
store_active_version(PGconn *c, char **errp)
{
	PGresult *r = PQexec(c, "SELECT id FROM list_versions WHERE active");
	char *v = NULL;

	*errp = NULL;
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		pg_fail(c, r, errp, "active version");
		return NULL;
	}
	if (PQntuples(r) > 0)
		v = xstrdup(PQgetvalue(r, 0, 0));
	PQclear(r);
	return v;
}

struct snapshot *
store_load_version(PGconn *c, const char *version, struct buf *errs,
    char **errp)
{
	struct fileset fs = { NULL, 0 };
	struct ruleset *rs;
	int nerr;

	*errp = NULL;
	if (store_version_files(c, version, &fs, errp) == -1)
		return NULL;
	rs = rules_new();
	nerr = rules_add_fileset(rs, &fs, errs);
	fileset_free(&fs);
	if (nerr > 0) {
		rules_free(rs);
		return NULL;
	}
	return snapshot_build(rs, version, errs);
}

/* ---- storing screened declarations --------------------------------- */

/*
 * A batch goes to PostgreSQL as arrays, one per column, in PostgreSQL's
 * text array syntax; unnest() turns them back into rows.  Nothing on the
 * server takes a document apart: the body, the result and each alert's
 * hits arrive as finished JSON texts for their jsonb columns.
 */
struct pgarr {
	struct buf	b;
	size_t		n;
};

static void
arr_init(struct pgarr *a)
{
	buf_init(&a->b);
	buf_addc(&a->b, '{');
	a->n = 0;
}

/* Appends <len> bytes of <s> (NULL: an SQL NULL) as a quoted element. */
static void
arr_addn(struct pgarr *a, const char *s, size_t len)
{
	size_t i, run;

	if (a->n++ > 0)
		buf_addc(&a->b, ',');
	if (s == NULL) {
		buf_adds(&a->b, "NULL");
		return;
	}
	buf_addc(&a->b, '"');
	for (i = 0; i < len; i = run + 1) {
		for (run = i; run < len && s[run] != '"' && s[run] != '\\'; run++)
			;
		buf_add(&a->b, s + i, run - i);
		if (run == len)
			break;
		buf_addc(&a->b, '\\');
		buf_addc(&a->b, s[run]);
	}
	buf_addc(&a->b, '"');
}

static void
arr_add(struct pgarr *a, const char *s)
{
	arr_addn(a, s, s ? strlen(s) : 0);
}

static void
arr_addi(struct pgarr *a, long long v)
{
	if (a->n++ > 0)
		buf_addc(&a->b, ',');
	buf_printf(&a->b, "%lld", v);
}

static void
arr_addnull(struct pgarr *a)
{
	if (a->n++ > 0)
		buf_addc(&a->b, ',');
	buf_adds(&a->b, "NULL");
}

static const char *
arr_end(struct pgarr *a)
{
	buf_addc(&a->b, '}');
	return a->b.data;
}

/* True if <w> is one of the lines of <lines>. */
static bool
line_in(const char *lines, const char *w)
{
	size_t wl = strlen(w);
	const char *p = lines, *nl;

	for (;;) {
		nl = strchr(p, '\n');
		if ((nl ? (size_t)(nl - p) : strlen(p)) == wl &&
		    strncmp(p, w, wl) == 0)
			return true;
		if (nl == NULL)
			return false;
		p = nl + 1;
	}
}

/*
 * The live suppressions for the fingerprints of <items>' alerts, decided
 * in the caller's transaction: an item alert whose fingerprint matches and
 * whose entries are all covered is stored auto_closed with a link.  The
 * newest suppression wins.
 */
static int
decide_suppressions(PGconn *c, struct store_item **items, size_t n,
    char **errp)
{
	struct pgarr fps;
	const char *p[1];
	PGresult *r;
	size_t i, k, e;
	int row, any = 0;

	arr_init(&fps);
	for (i = 0; i < n; i++)
		for (k = 0; k < items[i]->result->nalerts; k++) {
			struct screen_alert *a = &items[i]->result->alerts[k];

			a->status = ALERT_OPEN;
			a->suppression_id = 0;
			if (a->fingerprint[0] != '\0') {
				arr_add(&fps, a->fingerprint);
				any = 1;
			}
		}
	if (!any) {
		buf_free(&fps.b);
		return 0;
	}
	p[0] = arr_end(&fps);
	r = q(c, "SELECT id, fingerprint, array_to_string(entries, E'\\n') "
	    "FROM suppressions WHERE "
	    "fingerprint = ANY($1::text[]) AND expires_at > now() ORDER BY id "
	    "DESC", 1, p);
	buf_free(&fps.b);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return pg_fail(c, r, errp, "suppressions");
	for (row = 0; row < PQntuples(r); row++) {
		const char *fp = PQgetvalue(r, row, 1);
		const char *ents = PQgetvalue(r, row, 2);	/* one a line */

		for (i = 0; i < n; i++)
			for (k = 0; k < items[i]->result->nalerts; k++) {
				struct screen_alert *a = &items[i]->result->alerts[k];

				if (a->suppression_id != 0 ||
				    strcmp(a->fingerprint, fp) != 0)
					continue;
				for (e = 0; e < a->nentries; e++)
					if (!line_in(ents, a->entries[e]))
						break;
				if (e < a->nentries)
					continue;
				a->status = ALERT_AUTO_CLOSED;
				a->suppression_id = atoll(PQgetvalue(r, row, 0));
			}
	}
	PQclear(r);
	return 0;
}

/* Sends <sql> with <p> and COMMIT in one round trip (pipeline mode). */
static PGresult *
exec_and_commit(PGconn *c, const char *sql, int np, const char *const *p,
    int *committed, int *sent)
{
	PGresult *r, *res = NULL;
	int nres = 0;

	*committed = 0;
	*sent = 0;
	if (PQenterPipelineMode(c) != 1)
		return NULL;
	if (PQsendQueryParams(c, sql, np, NULL, p, NULL, NULL, 0) != 1 ||
	    PQsendQueryParams(c, "COMMIT", 0, NULL, NULL, NULL, NULL, 0) != 1 ||
	    PQpipelineSync(c) != 1) {
		PQexitPipelineMode(c);
		return NULL;
	}
	*sent = 1;
	/* The statement's result, NULL, COMMIT's, NULL, then the sync. */
	while (nres < 3) {
		if ((r = PQgetResult(c)) == NULL) {
			if (PQstatus(c) == CONNECTION_BAD)
				break;
			continue;
		}
		switch (PQresultStatus(r)) {
		case PGRES_PIPELINE_SYNC:
			nres = 3;
			PQclear(r);
			continue;
		default:
			if (nres == 0)
				res = r;
			else {
				if (PQresultStatus(r) == PGRES_COMMAND_OK)
					*committed = 1;
				PQclear(r);
			}
			nres++;
			if (PQstatus(c) == CONNECTION_BAD)
				nres = 3;
			continue;
		}
	}
	if (PQstatus(c) != CONNECTION_BAD)
		PQexitPipelineMode(c);
	return res;
}

static const char store_sql[] =
    "WITH d AS ("
    " SELECT * FROM unnest($1::int[], $2::uuid[], $3::text[], $4::text[],"
    "  $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])"
    " AS t(ord, id, submitter, reference, body_hash, type, body, result,"
    "  verdict, list_version)),"
    " ins AS ("
    " INSERT INTO declarations (id, submitter, reference, body_hash, type,"
    "  body, result, verdict, list_version)"
    " SELECT id, submitter, reference, body_hash, type, body::jsonb,"
    "  result::jsonb, verdict, list_version FROM d ORDER BY ord"
    " ON CONFLICT (submitter, reference) DO NOTHING RETURNING id),"
    " it AS ("
    " INSERT INTO items (declaration_id, seq, hs_code, description)"
    " SELECT i.did, i.seq, i.hs, i.descr FROM unnest($11::uuid[], $12::int[],"
    "  $13::text[], $14::text[]) AS i(did, seq, hs, descr)"
    " WHERE i.did IN (SELECT id FROM ins)),"
    " al AS ("
    " INSERT INTO alerts (id, declaration_id, item_seq, severity, score,"
    "  category, list_version, hits, status, fingerprint, entries,"
    "  suppression_id)"
    " SELECT a.id, a.did, a.seq, a.sev, a.score, a.cat, a.lv, a.hits::jsonb,"
    "  a.status, a.fp, coalesce(string_to_array(a.ents, E'\\n'), '{}'),"
    "  a.sid FROM unnest($15::uuid[], $16::uuid[], $17::int[], $18::text[],"
    "  $19::int[], $20::text[], $21::text[], $22::text[], $23::text[],"
    "  $24::text[], $25::text[], $26::bigint[]) AS a(id, did, seq, sev,"
    "  score, cat, lv, hits, status, fp, ents, sid)"
    " WHERE a.did IN (SELECT id FROM ins))"
    " SELECT d.ord, ins.id IS NOT NULL, x.id, x.body_hash = d.body_hash,"
    "  x.result FROM d LEFT JOIN ins ON ins.id = d.id"
    " LEFT JOIN declarations x ON ins.id IS NULL AND"
    "  x.submitter = d.submitter AND x.reference = d.reference";

enum { NCOLS = 26 };

/* Fills the 26 column arrays of <items> (those still pending). */
static void
batch_arrays(struct store_item **items, size_t n, struct pgarr *col)
{
	struct buf text, ents;
	size_t i, k, (*at)[2] = NULL, cap = 0;

	buf_init(&text);
	buf_init(&ents);
	for (k = 0; k < NCOLS; k++)
		arr_init(&col[k]);
	for (i = 0; i < n; i++) {
		struct store_item *it = items[i];
		struct screen_result *r = it->result;
		const struct decl *d = it->decl;

		if (it->outcome != STORE_PENDING)
			continue;
		/* The result as answered, made once: the stored text. */
		if (cap < r->nalerts + 1) {
			cap = r->nalerts + 1;
			at = xreallocarray(at, cap, sizeof(*at));
		}
		buf_reset(&text);
		result_write(&text, r, true, at);
		free(it->stored);
		it->stored = xstrndup(text.data, text.len);
		arr_addi(&col[0], (long long)i);
		arr_add(&col[1], r->id);
		arr_add(&col[2], it->submitter);
		arr_add(&col[3], r->reference);
		arr_add(&col[4], it->body_hash);
		arr_add(&col[5], r->type);
		arr_addn(&col[6], it->body, it->body_len);
		arr_addn(&col[7], text.data, text.len);
		arr_add(&col[8], words_verdict(r->verdict));
		arr_add(&col[9], r->list_version);
		for (k = 0; k < d->nitems; k++) {
			arr_add(&col[10], r->id);
			arr_addi(&col[11], d->items[k].seq);
			arr_add(&col[12], d->items[k].hs_raw);
			arr_add(&col[13], d->items[k].description);
		}
		for (k = 0; k < r->nalerts; k++) {
			const struct screen_alert *a = &r->alerts[k];
			size_t e;

			arr_add(&col[14], a->id);
			arr_add(&col[15], r->id);
			if (a->item_seq == SCREEN_NONE)
				arr_addnull(&col[16]);
			else
				arr_addi(&col[16], a->item_seq);
			arr_add(&col[17], words_severity(a->severity));
			arr_addi(&col[18], a->score);
			arr_add(&col[19], rules_category_name(a->category));
			arr_add(&col[20], r->list_version);
			arr_addn(&col[21], text.data + at[k][0], at[k][1]);
			arr_add(&col[22], words_status(a->status));
			if (a->fingerprint[0] != '\0') {
				arr_add(&col[23], a->fingerprint);
				buf_reset(&ents);
				for (e = 0; e < a->nentries; e++) {
					if (e > 0)
						buf_addc(&ents, '\n');
					buf_adds(&ents, a->entries[e]);
				}
				arr_addn(&col[24], ents.data ? ents.data : "",
				    ents.len);
			} else {
				arr_addnull(&col[23]);
				arr_addnull(&col[24]);
			}
			if (a->suppression_id != 0)
				arr_addi(&col[25], a->suppression_id);
			else
				arr_addnull(&col[25]);
		}
	}
	buf_free(&text);
	buf_free(&ents);
	free(at);
}

/*
 * One round: the pending items of <items>.  Items the statement could not
 * decide (a duplicate reference within the batch, or a row another
 * transaction committed after this statement began) stay pending for the
 * next round.
 */
static int
store_round(PGconn *c, struct store_item **items, size_t n, char **errp)
{
	struct pgarr col[NCOLS];
	const char *p[NCOLS];
	PGresult *r;
	size_t k;
	int row, committed, sent;

	r = PQexec(c, "BEGIN");
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		return pg_fail(c, r, errp, "store");
	PQclear(r);
	if (decide_suppressions(c, items, n, errp) == -1)
		goto rollback;
	batch_arrays(items, n, col);
	for (k = 0; k < NCOLS; k++)
		p[k] = arr_end(&col[k]);
	r = exec_and_commit(c, store_sql, NCOLS, p, &committed, &sent);
	for (k = 0; k < NCOLS; k++)
		buf_free(&col[k].b);
	if (r == NULL || PQresultStatus(r) != PGRES_TUPLES_OK || !committed) {
		if (sent && !store_ok(c))
			/* COMMIT may have reached the server: only asking tells. */
			for (k = 0; k < n; k++)
				if (items[k]->outcome == STORE_PENDING)
					items[k]->outcome = STORE_UNKNOWN;
		pg_fail(c, r, errp, "store");
		goto rollback;
	}
	for (row = 0; row < PQntuples(r); row++) {
		size_t i = (size_t)atoll(PQgetvalue(r, row, 0));
		struct store_item *it;

		if (i >= n)
			continue;
		it = items[i];
		if (strcmp(PQgetvalue(r, row, 1), "t") == 0)
			it->outcome = STORE_CREATED;
		else if (!PQgetisnull(r, row, 2)) {
			snprintf(it->existing_id, sizeof(it->existing_id), "%s",
			    PQgetvalue(r, row, 2));
			if (strcmp(PQgetvalue(r, row, 3), "t") == 0) {
				it->outcome = STORE_REPLAY;
				free(it->stored);
				it->stored = xstrdup(PQgetvalue(r, row, 4));
			} else
				it->outcome = STORE_CONFLICT;
		}
	}
	PQclear(r);
	return 0;

rollback:
	if (store_ok(c)) {
		r = PQexec(c, "ROLLBACK");
		PQclear(r);
	}
	return -1;
}

int
store_batch(PGconn *c, struct store_item **items, size_t n, char **errp)
{
	size_t i, pending = 0;
	int round;

	/* Items already decided (committed before a lost connection) stay. */
	*errp = NULL;
	for (round = 0; round < 4; round++) {
		if (store_round(c, items, n, errp) == -1)
			return -1;
		for (i = pending = 0; i < n; i++)
			if (items[i]->outcome == STORE_PENDING)
				pending++;
		if (pending == 0)
			return 0;
	}
	xasprintf(errp, "store: %zu declarations undecided after %d rounds",
	    pending, round);
	return -1;
}

int
store_batch_committed(PGconn *c, struct store_item **items, size_t n,
    char **errp)
{
	struct pgarr ids;
	const char *p[1];
	PGresult *r;
	size_t i;
	int row;

	*errp = NULL;
	arr_init(&ids);
	for (i = 0; i < n; i++)
		arr_add(&ids, items[i]->result->id);
	p[0] = arr_end(&ids);
	r = q(c, "SELECT id FROM declarations WHERE id = ANY($1::uuid[])", 1, p);
	buf_free(&ids.b);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return pg_fail(c, r, errp, "store check");
	for (row = 0; row < PQntuples(r); row++)
		for (i = 0; i < n; i++)
			if (strcmp(items[i]->result->id, PQgetvalue(r, row, 0)) == 0)
				items[i]->outcome = STORE_CREATED;
	PQclear(r);
	return 0;
}

json_t *
store_get_declaration(PGconn *c, const char *id, char **errp)
{
	const char *p[1] = { id };
	PGresult *r;
	json_t *j;

	*errp = NULL;
	r = q(c, "SELECT result || jsonb_build_object('id', id, 'declaration', "
	    "body, 'submitter', submitter, 'stored_at', created_at, 'alerts', "
	    "coalesce((SELECT "
	    "jsonb_agg(jsonb_build_object('id', a.id, 'item_seq', a.item_seq, "
	    "'severity', a.severity, 'score', a.score, 'category', a.category, "
	    "'status', a.status, 'hits', a.hits) ORDER BY a.id) FROM alerts a "
	    "WHERE a.declaration_id = d.id), '[]'::jsonb)) FROM declarations d "
	    "WHERE id = $1::uuid", 1, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		pg_fail(c, r, errp, "declaration");
		return NULL;
	}
	j = PQntuples(r) > 0 ? json_cell(r, 0, 0) : NULL;
	PQclear(r);
	return j;
}

#define ALERT_JSON "jsonb_build_object('id', a.id, 'declaration_id', " \
	"a.declaration_id, 'reference', d.reference, 'item_seq', a.item_seq, " \
	"'severity', a.severity, 'score', a.score, 'category', a.category, " \
	"'status', a.status, 'claimed_by', a.claimed_by, 'decision', " \
	"a.decision, 'decided_by', a.decided_by, 'suppression_id', " \
	"a.suppression_id, 'list_version', a.list_version, 'created_at', " \
	"a.created_at, 'priority', a.priority, 'hits', a.hits)"

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
	r = q(c, "SELECT " ALERT_JSON " FROM alerts a JOIN declarations d ON "
	    "d.id = a.declaration_id WHERE ($1::text IS NULL OR a.status = $1) "
	    "AND ($2::text IS NULL OR a.category = $2 OR a.hits @> "
	    "jsonb_build_array(jsonb_build_object('category', $2::text))) "
	    "AND ($3::text IS NULL OR a.severity = $3) "
	    "AND ($4::integer IS NULL OR a.priority < $4::integer OR "
	    "(a.priority = $4::integer AND a.id > $5::uuid)) "
	    "ORDER BY a.priority DESC, a.id LIMIT $6::integer", 6, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		pg_fail(c, r, errp, "alerts");
		return NULL;
	}
	alerts = json_array();
	for (int i = 0; i < PQntuples(r) && i < limit; i++)
		json_array_append_new(alerts, json_cell(r, i, 0));
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
	r = q(c, "SELECT " ALERT_JSON " || jsonb_build_object("
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
		pg_fail(c, r, errp, "alert");
		return NULL;
	}
	j = PQntuples(r) > 0 ? json_cell(r, 0, 0) : NULL;
	PQclear(r);
	return j;
}

/* ---- tokens ----------------------------------------------------------- */

int
store_tokens_load(PGconn *c, struct auth_table *t, char **errp)
{
	PGresult *r = PQexec(c, "SELECT name, role, hash FROM tokens WHERE "
	    "revoked_at IS NULL");
	int i;

	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return pg_fail(c, r, errp, "tokens");
	for (i = 0; i < PQntuples(r); i++)
		if (auth_table_add(t, PQgetvalue(r, i, 0), PQgetvalue(r, i, 1),
		    PQgetvalue(r, i, 2)) == -1)
			log_warnx("token %s: malformed row ignored",
			    PQgetvalue(r, i, 0));
	PQclear(r);
	return 0;
}

/* Runs <sql> with <params>; fails the transaction on error. */
static int
exec_ok(PGconn *c, const char *sql, int n, const char *const *p,
    char **errp, const char *what)
{
	PGresult *r = q(c, sql, n, p);

	if (PQresultStatus(r) != PGRES_COMMAND_OK &&
	    PQresultStatus(r) != PGRES_TUPLES_OK)
		return pg_fail(c, r, errp, what);
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
	if (exec_ok(c, "SELECT pg_notify('cordon_tokens', $1)", 1, p, errp,
	    action) == -1)
		return -1;
	return exec_ok(c, "COMMIT", 0, NULL, errp, action);
}

int
store_token_create(PGconn *c, const char *name, const char *role,
    const char *hash, const char *actor, char **errp)
{
	const char *p[3] = { name, role, hash };
	json_t *det = json_pack("{s:s}", "role", role);
	int rc = -1;

	PQclear(PQexec(c, "BEGIN"));
	if (exec_ok(c, "INSERT INTO tokens (name, role, hash) VALUES ($1, $2, "
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
	r = q(c, "UPDATE tokens SET revoked_at = now() WHERE name = $1 AND "
	    "revoked_at IS NULL", 1, p);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		pg_fail(c, r, errp, "revoke");
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
		pg_fail(c, r, errp, "tokens");
		return NULL;
	}
	j = json_cell(r, 0, 0);
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
		return pg_fail(c, r, errp, "audit");
	PQclear(r);
	r = PQexec(c, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return pg_fail(c, r, errp, "audit");
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
	rc = exec_ok(c, "INSERT INTO audit (seq, at, actor, action, object_type, "
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
		return pg_fail(c, r, errp, "audit");
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
	r = q(c, "SELECT json_build_object('events', coalesce(json_agg(x ORDER "
	    "BY x.seq), '[]')) FROM (SELECT seq, at, actor, action, object_type, "
	    "object_id, list_version, details, hash FROM audit WHERE seq > "
	    "$1::bigint ORDER BY seq LIMIT $2::integer) x", 2, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		pg_fail(c, r, errp, "audit");
		return NULL;
	}
	j = json_cell(r, 0, 0);
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
		return pg_fail(c, r, errp, "audit");
	for (i = 0; i < PQntuples(r); i++)
		fprintf(fp, "%s\n", PQgetvalue(r, i, 0));
	PQclear(r);
	return 0;
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
	r = q(c, "SELECT status, coalesce(claimed_by, ''), claimed_by IS NOT "
	    "NULL FROM alerts WHERE id = $1::uuid FOR UPDATE", 1, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		pg_fail(c, r, msgp, "alert");
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
		r = q(c, "UPDATE alerts SET status = 'claimed', claimed_by = $2, "
		    "claimed_at = now() WHERE id = $1::uuid", 2, p);
	} else if (strcmp(action, "unclaim") == 0) {
		if (strcmp(status, "claimed") != 0 || strcmp(claimed, actor) != 0) {
			*msgp = xstrdup("only the officer who claimed the alert can "
			    "release the claim");
			goto refuse;
		}
		r = q(c, "UPDATE alerts SET status = 'open', claimed_by = NULL, "
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
		r = q(c, "UPDATE alerts SET status = $3, decision = $3, decided_by "
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
		r = q(c, "UPDATE alerts SET status = 'open', claimed_by = NULL, "
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
		pg_fail(c, r, msgp, action);
		goto fail;
	}
	PQclear(r);
	json_object_set_new(det, "from_status", json_string(status));
	if (store_audit_append(c, actor, action, "alert", id, list_version, det,
	    msgp) == -1)
		goto fail;
	if (exec_ok(c, "COMMIT", 0, NULL, msgp, action) == -1)
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

		r = q(c, "SELECT fingerprint IS NOT NULL, $2::timestamptz > now() "
		    "FROM alerts WHERE id = $1::uuid", 2, pp);
	}
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		pg_fail(c, r, msgp, "suppression");
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
	r = q(c, "INSERT INTO suppressions (fingerprint, entries, alert_id, "
	    "reason, created_by, expires_at) SELECT fingerprint, entries, id, $3, "
	    "$2, $4::timestamptz FROM alerts WHERE id = $1::uuid RETURNING id",
	    4, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		pg_fail(c, r, msgp, "suppression");
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
	json_decref(det);
	if (exec_ok(c, "COMMIT", 0, NULL, msgp, "suppression") == -1) {
		PQclear(PQexec(c, "ROLLBACK"));
		return -1;
	}
	p[0] = sid;
	r = q(c, "SELECT json_build_object('id', id, 'fingerprint', fingerprint, "
	    "'entries', entries, 'alert_id', alert_id, 'reason', reason, "
	    "'created_by', created_by, 'created_at', created_at, 'expires_at', "
	    "expires_at)::text FROM suppressions WHERE id = $1::bigint", 1, p);
	if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0)
		*outp = json_cell(r, 0, 0);
	PQclear(r);
	*statusp = 201;
	return *outp ? 0 : -1;
}

/* ---- hardening: activation checks, token audit, suppression policy ---- */

bool
store_version_exists(PGconn *c, const char *version)
{
	const char *p[1] = { version };
	PGresult *r = q(c, "SELECT 1 FROM list_versions WHERE id = $1", 1, p);
	bool found = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0;

	PQclear(r);
	return found;
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
		return pg_fail(c, r, errp, "tokens");
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
	r = q(c, "SELECT set_config('cordon.suppression_max_days', $4, false), "
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
		return pg_fail(c, r, msgp, "suppression");
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
