/*
 * Maintenance of the partitioned history (schemas/0014_partitions.sql):
 * monthly partitions created ahead, and months past the retention period
 * exported to CSV files, synced, and only then detached and dropped, each
 * drop audited in its own transaction.  The key tables and the audit trail
 * are never dropped.  The SQL is store_maint.c's; this file decides the
 * order, writes the files and runs cordond's maintenance thread.  It must
 * not touch the event loop: the thread has its own connection and only
 * logs.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <libpq-fe.h>
#include <openssl/evp.h>

#include "log.h"
#include "maint.h"
#include "store.h"
#include "store_maint.h"
#include "xmalloc.h"

/* ---- one run ------------------------------------------------------------ */

struct export_file {
	FILE		*fp;
	EVP_MD_CTX	*md;
};

static int
export_sink(const char *data, size_t len, void *arg)
{
	struct export_file *f = arg;

	EVP_DigestUpdate(f->md, data, len);
	return fwrite(data, 1, len, f->fp) == len ? 0 : -1;
}

/*
 * Writes <pt> to <dir>/<name>.csv through a temporary file that is synced
 * and renamed, so that the file named is complete.  *rowsp gets the rows,
 * <sha> the file's SHA-256.
 */
static int
export_partition(PGconn *c, const struct store_partition *pt,
    const char *dir, char **pathp, long long *rowsp, char sha[65],
    char **errp)
{
	struct export_file f = { NULL, NULL };
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0, i;
	char *tmp = NULL, *path = NULL, *abs;
	int fd = -1, dfd;

	/* The audit row names the file wherever the run started from. */
	if ((abs = realpath(dir, NULL)) == NULL) {
		xasprintf(errp, "%s: %s", dir, strerror(errno));
		return -1;
	}
	xasprintf(&path, "%s/%s.csv", abs, pt->name);
	xasprintf(&tmp, "%s/.%s.csv.tmp", abs, pt->name);
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)) == -1 ||
	    (f.fp = fdopen(fd, "w")) == NULL) {
		xasprintf(errp, "%s: %s", tmp, strerror(errno));
		goto fail;
	}
	fd = -1;
	if ((f.md = EVP_MD_CTX_new()) == NULL ||
	    EVP_DigestInit_ex(f.md, EVP_sha256(), NULL) != 1)
		fatalx("SHA-256 unavailable");
	if (store_partition_copy(c, pt->name, export_sink, &f, rowsp,
	    errp) == -1)
		goto fail;
	if (fflush(f.fp) != 0 || fsync(fileno(f.fp)) == -1) {
		xasprintf(errp, "%s: %s", tmp, strerror(errno));
		goto fail;
	}
	if (fclose(f.fp) != 0) {
		f.fp = NULL;
		xasprintf(errp, "%s: %s", tmp, strerror(errno));
		goto fail;
	}
	f.fp = NULL;
	if (rename(tmp, path) == -1) {
		xasprintf(errp, "%s: %s", path, strerror(errno));
		goto fail;
	}
	/* The rename itself is durable once the directory is synced. */
	if ((dfd = open(abs, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		fsync(dfd);
		close(dfd);
	}
	EVP_DigestFinal_ex(f.md, md, &mdlen);
	for (i = 0; i < mdlen; i++)
		snprintf(sha + 2 * i, 3, "%02x", md[i]);
	EVP_MD_CTX_free(f.md);
	*pathp = path;
	free(tmp);
	free(abs);
	return 0;
fail:
	if (f.fp != NULL)
		fclose(f.fp);
	if (fd != -1)
		close(fd);
	EVP_MD_CTX_free(f.md);
	unlink(tmp);
	free(tmp);
	free(path);
	free(abs);
	return -1;
}

int
maint_run(PGconn *c, const struct maint_opts *o, const char *actor,
    struct buf *out, char **errp)
{
	struct store_partition *parts = NULL;
	json_t *dropped = NULL;
	size_t n = 0, i;
	int created, rc = -1, locked;

	*errp = NULL;
	if ((locked = store_maint_lock(c, errp)) != 0)
		return locked;
	if (o->ahead > 0 && !o->export_only) {
		if (store_partitions_ahead(c, o->ahead, &created, errp) == -1)
			goto done;
		if (created > 0)
			buf_printf(out, "created %d monthly partitions (%d months "
			    "ahead)\n", created, o->ahead);
	}
	if (store_default_rows(c, out, errp) == -1)
		goto done;
	if (o->retention <= 0) {
		rc = 0;
		goto done;
	}
	if (store_partitions_expired(c, o->retention, &parts, &n, errp) == -1)
		goto done;
	if (n > 0 && (o->export_dir == NULL || *o->export_dir == '\0')) {
		xasprintf(errp, "%zu partitions are past retention_months (%d) "
		    "but no retention_export_dir is set: nothing exported or "
		    "dropped", n, o->retention);
		goto done;
	}
	dropped = json_array();
	for (i = 0; i < n; i++) {
		struct store_partition *pt = &parts[i];
		char sha[65], *path = NULL, *err2 = NULL;
		long long rows = 0;
		json_t *det;
		int r;

		if (o->export_only) {
			if (export_partition(c, pt, o->export_dir, &path, &rows,
			    sha, errp) == -1)
				goto done;
			buf_printf(out, "exported %s (%s, %lld rows) to %s\n",
			    pt->name, pt->month, rows, path);
			free(path);
			continue;
		}
		/*
		 * Detached first, so that nothing writes to it while it is
		 * written out (the file holds exactly what is dropped) and the
		 * export holds no lock on the live table; attached back when the
		 * file cannot be written.
		 */
		if (store_partition_detach(c, pt, errp) == -1)
			goto done;
		if (export_partition(c, pt, o->export_dir, &path, &rows, sha,
		    errp) == -1) {
			if (store_partition_attach(c, pt, &err2) == -1) {
				buf_printf(out, "%s stays detached (%s); the next "
				    "run exports and drops it\n", pt->name, err2);
				free(err2);
			}
			goto done;
		}
		buf_printf(out, "exported %s (%s, %lld rows) to %s\n", pt->name,
		    pt->month, rows, path);
		det = json_pack("{s:s, s:s, s:I, s:s, s:s, s:i}", "table",
		    pt->parent, "month", pt->month, "rows", (json_int_t)rows,
		    "file", path, "sha256", sha, "retention_months",
		    o->retention);
		r = store_partition_drop(c, pt, actor, det, errp);
		json_decref(det);
		free(path);
		if (r == -1)
			goto done;
		json_array_append_new(dropped, json_string(pt->name));
		buf_printf(out, "dropped %s\n", pt->name);
	}
	rc = 0;
done:
	/* The run is on record whatever it got to. */
	if (dropped != NULL && json_array_size(dropped) > 0) {
		json_t *det = json_pack("{s:O, s:i, s:s?}", "dropped", dropped,
		    "retention_months", o->retention, "error", *errp);
		char *err2 = NULL;

		if (store_retention_audit(c, actor, det, &err2) == -1) {
			buf_printf(out, "retention_run audit row: %s\n", err2);
			free(err2);
		}
		json_decref(det);
	}
	store_maint_unlock(c);
	json_decref(dropped);
	free(parts);
	return rc;
}

/* ---- cordond's maintenance thread ------------------------------------- */

struct maint {
	pthread_t	 thread;
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	bool		 stop;
	char		*dsn;
	char		*export_dir;
	int		 interval, ahead, retention;
};

static void
maint_once(struct maint *m)
{
	struct maint_opts o;
	struct buf out;
	PGconn *c;
	char *err = NULL, *line, *save = NULL;
	int rc, interval;

	pthread_mutex_lock(&m->mu);
	o.ahead = m->ahead;
	o.retention = m->retention;
	interval = m->interval;
	pthread_mutex_unlock(&m->mu);
	o.export_dir = m->export_dir;
	o.export_only = false;
	if ((c = store_connect(m->dsn, &err)) == NULL) {
		log_warnx("maintenance: %s; next try in %d s", err, interval);
		free(err);
		return;
	}
	buf_init(&out);
	rc = maint_run(c, &o, "cordond", &out, &err);
	for (line = out.data ? strtok_r(out.data, "\n", &save) : NULL;
	    line != NULL; line = strtok_r(NULL, "\n", &save))
		log_info("maintenance: %s", line);
	if (rc == 1)
		log_debug("maintenance: another instance is running it");
	else if (rc == -1)
		log_warnx("maintenance: %s", err);
	free(err);
	buf_free(&out);
	PQfinish(c);
}

static void *
maint_main(void *arg)
{
	struct maint *m = arg;
	struct timespec until;

	for (;;) {
		maint_once(m);
		pthread_mutex_lock(&m->mu);
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += m->interval;
		while (!m->stop && pthread_cond_timedwait(&m->cv, &m->mu,
		    &until) != ETIMEDOUT)
			;
		if (m->stop) {
			pthread_mutex_unlock(&m->mu);
			return NULL;
		}
		pthread_mutex_unlock(&m->mu);
	}
}

struct maint *
maint_start(const char *dsn, int interval, int ahead, int retention,
    const char *export_dir)
{
	struct maint *m = xcalloc(1, sizeof(*m));

	m->dsn = xstrdup(dsn);
	m->export_dir = export_dir ? xstrdup(export_dir) : NULL;
	m->interval = interval;
	m->ahead = ahead;
	m->retention = retention;
	pthread_mutex_init(&m->mu, NULL);
	pthread_cond_init(&m->cv, NULL);
	if (retention > 0 && m->export_dir == NULL)
		log_warnx("maintenance: retention_months is %d but "
		    "retention_export_dir is not set: no month will be dropped",
		    retention);
	if (pthread_create(&m->thread, NULL, maint_main, m) != 0)
		fatalx("maintenance thread: cannot start");
	return m;
}

void
maint_set(struct maint *m, int ahead, int retention)
{
	pthread_mutex_lock(&m->mu);
	m->ahead = ahead;
	m->retention = retention;
	pthread_mutex_unlock(&m->mu);
}

void
maint_stop(struct maint *m)
{
	if (m == NULL)
		return;
	pthread_mutex_lock(&m->mu);
	m->stop = true;
	pthread_cond_signal(&m->cv);
	pthread_mutex_unlock(&m->mu);
	pthread_join(m->thread, NULL);
	pthread_mutex_destroy(&m->mu);
	pthread_cond_destroy(&m->cv);
	free(m->dsn);
	free(m->export_dir);
	free(m);
}
