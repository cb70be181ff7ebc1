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

#include "log.h"
#include "store.h"
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
	const char *keys[] = { "dbname", "connect_timeout", "options",
		"fallback_application_name", NULL };
	const char *vals[] = { dsn, "5", "-c client_min_messages=warning", "cordon", NULL };
	PGconn *c;

	*errp = NULL;
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
    const struct fileset *fs, char **versionp, bool *created,
    void (*progress)(const char *, size_t, size_t), char **errp)
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
store_activate(PGconn *c, const char *version, char **errp)
{
	const char *p[1] = { version };
	PGresult *r;

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

int
store_batch(PGconn *c, struct store_item **items, size_t n, char **errp)
{
	json_t *arr = json_array();
	const char *p[1];
	char *text;
	PGresult *r;
	size_t i;
	int rows;

	for (i = 0; i < n; i++)
		json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:s, s:O, "
		    "s:O}", "id", items[i]->id, "submitter", items[i]->submitter,
		    "reference", items[i]->reference, "body_hash",
		    items[i]->body_hash, "body", items[i]->body, "result",
		    items[i]->result));
	text = json_dumps(arr, JSON_COMPACT);
	json_decref(arr);
	p[0] = text;
	r = q(c, "SELECT ord, status, stored FROM cordon_store_batch($1::jsonb)",
	    1, p);
	free(text);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return pg_fail(c, r, errp, "store");
	rows = PQntuples(r);
	for (i = 0; i < (size_t)rows; i++) {
		int ord = atoi(PQgetvalue(r, (int)i, 0)) - 1;
		const char *st = PQgetvalue(r, (int)i, 1);

		if (ord < 0 || (size_t)ord >= n)
			continue;
		items[ord]->status = strcmp(st, "created") == 0 ? 201 :
		    strcmp(st, "replay") == 0 ? 200 : 409;
		items[ord]->stored = json_cell(r, (int)i, 2);
	}
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
	    "body, 'stored_at', created_at, 'alerts', coalesce((SELECT "
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
	"'status', a.status, 'list_version', a.list_version, 'created_at', " \
	"a.created_at, 'hits', a.hits)"

json_t *
store_list_alerts(PGconn *c, const char *status, const char *category,
    const char *severity, const char *cursor, int limit, char **errp)
{
	const char *p[5] = { status, category, severity, cursor, NULL };
	char lim[16];
	PGresult *r;
	json_t *page, *alerts;

	*errp = NULL;
	snprintf(lim, sizeof(lim), "%d", limit + 1);
	p[4] = lim;
	r = q(c, "SELECT " ALERT_JSON " FROM alerts a JOIN declarations d ON "
	    "d.id = a.declaration_id WHERE ($1::text IS NULL OR a.status = $1) "
	    "AND ($2::text IS NULL OR a.category = $2 OR a.hits @> "
	    "jsonb_build_array(jsonb_build_object('category', $2::text))) "
	    "AND ($3::text IS NULL OR a.severity = $3) "
	    "AND ($4::uuid IS NULL OR a.id < $4::uuid) "
	    "ORDER BY a.id DESC LIMIT $5::integer", 5, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		pg_fail(c, r, errp, "alerts");
		return NULL;
	}
	alerts = json_array();
	for (int i = 0; i < PQntuples(r) && i < limit; i++)
		json_array_append_new(alerts, json_cell(r, i, 0));
	page = json_pack("{s:o}", "alerts", alerts);
	if (PQntuples(r) > limit)
		json_object_set(page, "next_cursor", json_object_get(
		    json_array_get(alerts, json_array_size(alerts) - 1), "id"));
	else
		json_object_set_new(page, "next_cursor", json_null());
	PQclear(r);
	return page;
}

json_t *
store_get_alert(PGconn *c, const char *id, char **errp)
{
	const char *p[1] = { id };
	PGresult *r;
	json_t *j;

	*errp = NULL;
	r = q(c, "SELECT " ALERT_JSON " FROM alerts a JOIN declarations d ON "
	    "d.id = a.declaration_id WHERE a.id = $1::uuid", 1, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		pg_fail(c, r, errp, "alert");
		return NULL;
	}
	j = PQntuples(r) > 0 ? json_cell(r, 0, 0) : NULL;
	PQclear(r);
	return j;
}
