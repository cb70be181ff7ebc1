/*
 * List versions: importing files as an immutable version, activating one,
 * listing them, and building a snapshot from a stored version.
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

/*
 * The version already imported with <rs>'s checksum: sets *<versionp>
 * (caller frees) and returns 1; 0 if there is none; -1 on error.
 */
static int
import_existing(PGconn *c, const struct ruleset *rs, char **versionp,
    char **errp)
{
	const char *p[1] = { rs->checksum };
	PGresult *r;

	r = store_q(c, "SELECT id FROM list_versions WHERE checksum = $1", 1, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return store_fail(c, r, errp, "import");
	if (PQntuples(r) > 0) {
		*versionp = xstrdup(PQgetvalue(r, 0, 0));
		PQclear(r);
		return 1;
	}
	PQclear(r);
	return 0;
}

/*
 * The files of <version>, verbatim, with their SHA-256; a file holding a
 * NUL byte is refused (PostgreSQL text cannot hold it).  <progress> is told
 * after each file.  Returns 0, or -1 with *<errp> set.
 */
static int
import_files(PGconn *c, const char *version, const struct fileset *fs,
    void (*progress)(const char *, size_t, size_t), char **errp)
{
	const char *p[4];
	PGresult *r;
	size_t i;

	p[0] = version;
	for (i = 0; i < fs->n; i++) {
		char sha[65];

		if (memchr(fs->f[i].data, '\0', fs->f[i].len) != NULL) {
			xasprintf(errp, "%s: contains a NUL byte", fs->f[i].name);
			return -1;
		}
		util_sha256_hex(fs->f[i].data, fs->f[i].len, sha);
		p[1] = fs->f[i].name;
		p[2] = sha;
		p[3] = fs->f[i].data;
		r = store_q(c, "INSERT INTO list_files (version, name, sha256, content) "
		    "VALUES ($1, $2, $3, $4)", 4, p);
		if (PQresultStatus(r) != PGRES_COMMAND_OK)
			return store_fail(c, r, errp, "import");
		PQclear(r);
		if (progress)
			progress(fs->f[i].name, i + 1, fs->n);
	}
	return 0;
}

/*
 * The headers and entries of <rs>'s lists, as <version>'s.  Returns 0, or
 * -1 with *<errp> set.
 */
static int
import_lists(PGconn *c, const char *version, const struct ruleset *rs,
    char **errp)
{
	const char *p[8];
	PGresult *r;
	size_t i, k;

	p[0] = version;
	for (i = 0; i < rs->nlists; i++) {
		const struct rule_list *l = &rs->lists[i];

		p[1] = l->id;
		p[2] = l->title;
		p[3] = l->source;
		p[4] = l->version_date;
		p[5] = l->file;
		r = store_q(c, "INSERT INTO list_headers (version, list_id, title, source, "
		    "version_date, file) VALUES ($1, $2, $3, $4, $5, $6)", 6, p);
		if (PQresultStatus(r) != PGRES_COMMAND_OK)
			return store_fail(c, r, errp, "import");
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
			r = store_q(c, "INSERT INTO list_entries (version, list_id, code, "
			    "title, category, regimes, explanation, source) VALUES "
			    "($1, $2, $3, $4, $5, $6, $7, $8)", 8, p);
			free(regimes);
			if (PQresultStatus(r) != PGRES_COMMAND_OK)
				return store_fail(c, r, errp, "import");
			PQclear(r);
		}
	}
	return 0;
}

/* The audit row of the import: checksum, entry count, files. */
static int
import_audit(PGconn *c, const struct ruleset *rs, const char *actor,
    const char *version, char **errp)
{
	json_t *files = json_array(), *det;
	size_t i;
	int rc;

	for (i = 0; i < rs->nfiles; i++)
		json_array_append_new(files, json_pack("{s:s, s:s}", "name",
		    rs->files[i].name, "sha256", rs->files[i].sha256));
	det = json_pack("{s:s, s:I, s:o}", "checksum", rs->checksum,
	    "entries", (json_int_t)rs->nentries, "files", files);
	rc = store_audit_append(c, actor, "list_import", "list_version",
	    version, version, det, errp);
	json_decref(det);
	return rc;
}

int
store_import_version(PGconn *c, const struct ruleset *rs,
    const struct fileset *fs, const char *actor, char **versionp,
    bool *created, void (*progress)(const char *, size_t, size_t),
    char **errp)
{
	const char *p[3];
	PGresult *r;
	char version[64], count[32], ts[32];
	time_t now = time(NULL);
	struct tm tm;
	int found;

	*created = false;
	if ((found = import_existing(c, rs, versionp, errp)) != 0)
		return found == 1 ? 0 : -1;
	/* A new version is named after the time and its checksum. */
	gmtime_r(&now, &tm);
	strftime(ts, sizeof(ts), "%Y%m%d-%H%M%S", &tm);
	snprintf(version, sizeof(version), "%s-%.8s", ts, rs->checksum);
	snprintf(count, sizeof(count), "%zu", rs->nentries);

	PQclear(PQexec(c, "BEGIN"));
	p[0] = version;
	p[1] = rs->checksum;
	p[2] = count;
	r = store_q(c, "INSERT INTO list_versions (id, checksum, entry_count) "
	    "VALUES ($1, $2, $3)", 3, p);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		store_fail(c, r, errp, "import");
		goto fail;
	}
	PQclear(r);
	if (import_files(c, version, fs, progress, errp) == -1 ||
	    import_lists(c, version, rs, errp) == -1 ||
	    import_audit(c, rs, actor, version, errp) == -1)
		goto fail;
	r = PQexec(c, "COMMIT");
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		return store_fail(c, r, errp, "import");
	PQclear(r);
	*versionp = xstrdup(version);
	*created = true;
	return 0;
fail:
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

	r = store_q(c, "SELECT name, content FROM list_files WHERE version = $1 "
	    "ORDER BY name", 1, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return store_fail(c, r, errp, "list files");
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
	r = store_q(c, "SELECT 1 FROM list_versions WHERE id = $1 FOR UPDATE", 1, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		goto fail;
	if (PQntuples(r) == 0) {
		PQclear(r);
		PQclear(PQexec(c, "ROLLBACK"));
		xasprintf(errp, "no list version \"%s\"", version);
		return -1;
	}
	PQclear(r);
	r = store_q(c, "UPDATE list_versions SET active = false WHERE active AND "
	    "id <> $1", 1, p);
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		goto fail;
	PQclear(r);
	r = store_q(c, "UPDATE list_versions SET active = true, activated_at = now() "
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
	json_object_set_new(det, "list_version", json_string(version));
	json_object_set_new(det, "by", json_string(actor));
	if (store_event_add(c, EVENT_LIST_ACTIVATED, NULL, version, det,
	    errp) == -1) {
		json_decref(det);
		PQclear(PQexec(c, "ROLLBACK"));
		return -1;
	}
	json_decref(det);
	r = store_q(c, "SELECT pg_notify('cordon_lists', $1)", 1, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		goto fail;
	PQclear(r);
	r = PQexec(c, "COMMIT");
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		return store_fail(c, r, errp, "activate");
	PQclear(r);
	return 0;
fail:
	store_fail(c, r, errp, "activate");
	PQclear(PQexec(c, "ROLLBACK"));
	return -1;
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
		store_fail(c, r, errp, "versions");
		return NULL;
	}
	j = store_json_cell(r, 0, 0);
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
		store_fail(c, r, errp, "active version");
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

/* ---- hardening: activation checks, token audit, suppression policy ---- */

bool
store_version_exists(PGconn *c, const char *version)
{
	const char *p[1] = { version };
	PGresult *r = store_q(c, "SELECT 1 FROM list_versions WHERE id = $1", 1, p);
	bool found = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0;

	PQclear(r);
	return found;
}
