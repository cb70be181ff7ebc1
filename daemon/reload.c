/*
 * Reload path.  The build runs as a DB_JOB_CALL on a worker thread: it
 * reads the active version (or the rules directory), parses and compiles it
 * into a snapshot.  The swap and the reporting run on the loop thread.
 * Requests already running keep their reference to the old snapshot and
 * finish on it; it is freed with its last reference.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <event2/event.h>
#include <libpq-fe.h>

#include "db.h"
#include "log.h"
#include "maint.h"
#include "observe.h"
#include "reload.h"
#include "rescreen.h"
#include "runtime.h"
#include "tokens.h"
#include "snapshot.h"
#include "store.h"
#include "webhook.h"
#include "xmalloc.h"

struct waiter {
	reload_cb	 cb;
	void		*arg;
	struct waiter	*next;
};

struct reload_state {
	bool		 running;
	struct waiter	*current;	/* hear the running attempt */
	struct waiter	*next;		/* hear the following attempt */
	bool		 pending;
};

struct build {
	struct db_job	 job;
	char		*current;	/* version running now, or NULL */
	bool		 have_snap;	/* a snapshot is running */
	char		*rules_dir;
	struct snapshot	*snap;		/* built */
	bool		 unchanged;
	char		*version;
	struct buf	 errs;
	double		 started;	/* observe_now() */
};

static void	start(void);
static void	retry_later(void);
static struct snapshot *build_fallback(PGconn *, const char *active,
		    const struct buf *errs);

/* Older versions tried at most when the active one does not build. */
#define FALLBACK_TRIES	20

static void
retry_fire(evutil_socket_t fd, short ev, void *arg)
{
	if (!rt->stopping)
		reload_run(NULL, NULL);
}

static void
retry_later(void)
{
	struct timeval tv = { 2, 0 };

	if (rt->reload_retry == NULL)
		rt->reload_retry = evtimer_new(rt->base, retry_fire, NULL);
	evtimer_add(rt->reload_retry, &tv);
}

static struct reload_state *
state(void)
{
	if (rt->reload == NULL)
		rt->reload = xcalloc(1, sizeof(*rt->reload));
	return rt->reload;
}

/* Worker thread: no access to rt beyond what the job carries. */
static int
build_fn(PGconn *c, struct db_job *j)
{
	struct build *b = j->arg;
	char *err = NULL;

	if (b->rules_dir != NULL) {
		b->snap = snapshot_from_dir(b->rules_dir, &b->errs);
		return b->snap ? 0 : -1;
	}
	free(b->version);	/* a retried job may carry the first attempt's */
	b->version = NULL;
	if ((b->version = store_active_version(c, &err)) == NULL) {
		j->err = err ? err : xstrdup("no list version is active "
		    "(cordonctl lists import DIR, then cordonctl lists activate "
		    "VERSION)");
		return -1;
	}
	if (b->current != NULL && strcmp(b->current, b->version) == 0) {
		b->unchanged = true;
		return 0;
	}
	b->snap = store_load_version(c, b->version, &b->errs, &err);
	if (b->snap == NULL) {
		j->err = err;
		/*
		 * A daemon running nothing (it started while PostgreSQL was
		 * away) falls back as a starting one does; a running one
		 * keeps what it has.
		 */
		if (err == NULL && b->current == NULL && !b->have_snap &&
		    (b->snap = build_fallback(c, b->version, &b->errs)) != NULL)
			return 0;
		return -1;
	}
	return 0;
}

/*
 * The active version <active> does not build (its errors in <errs>).
 * Returns the newest other stored version that builds, marked as a
 * fallback with the reason, or NULL.  Runs on a worker thread or at
 * startup, never on the loop.
 */
static struct snapshot *
build_fallback(PGconn *c, const char *active, const struct buf *errs)
{
	json_t *vs, *v;
	size_t i, n, tried = 0;
	char *err = NULL, *why;

	if ((vs = store_versions(c, &err)) == NULL) {
		free(err);
		return NULL;
	}
	/* The first error, which names file:line, in one line. */
	n = errs->len > 0 ? strcspn(errs->data, "\n") : 0;
	xasprintf(&why, "%.*s", (int)(n > 300 ? 300 : n), n ? errs->data :
	    "unknown error");
	json_array_foreach(vs, i, v) {
		const char *id = json_string_value(json_object_get(v, "id"));
		struct snapshot *s;
		struct buf e;

		if (id == NULL || strcmp(id, active) == 0)
			continue;
		if (++tried > FALLBACK_TRIES)
			break;
		buf_init(&e);
		s = store_load_version(c, id, &e, &err);
		buf_free(&e);
		free(err);
		err = NULL;
		if (s == NULL)
			continue;
		xasprintf(&s->fallback, "the active list version %s does not "
		    "build (%s); running on %s, the newest stored version that "
		    "builds, until a version that builds is activated", active,
		    why, id);
		json_object_set_new(s->lists, "fallback",
		    json_string(s->fallback));
		json_decref(vs);
		free(why);
		return s;
	}
	json_decref(vs);
	free(why);
	return NULL;
}

/* Says loudly that <s> is a fallback; once per snapshot published. */
static void
announce_fallback(const struct snapshot *s)
{
	if (s != NULL && s->fallback != NULL)
		log_warnx("LIST VERSION FALLBACK: %s", s->fallback);
}

static void
notify(struct waiter *w, const struct reload_outcome *o)
{
	struct waiter *nx;

	for (; w != NULL; w = nx) {
		nx = w->next;
		if (w->cb)
			w->cb(o, w->arg);
		free(w);
	}
}

static void
build_done(struct db_job *j)
{
	struct build *b = j->arg;
	struct reload_state *st = state();
	struct reload_outcome o;
	struct waiter *w;
	char *msg = NULL;

	memset(&o, 0, sizeof(o));
	if (j->rc == 0 && b->unchanged) {
		o.ok = true;
		xasprintf(&msg, "list version %s is already active", b->version);
	} else if (j->rc == 0) {
		struct snapshot *old = rt->snap;

		rt->snap = b->snap;
		b->snap = NULL;
		o.ok = o.changed = true;
		xasprintf(&msg, "list version %s active: %zu lists, %zu entries",
		    rt->snap->version, rt->snap->rs->nlists,
		    rt->snap->rs->nentries);
		snapshot_unref(old);
		log_info("reload: %s", msg);
		announce_fallback(rt->snap);
		rescreen_offer(rt->snap);
	} else {
		struct buf why;
		size_t i;

		o.unavailable = j->unavailable;
		buf_init(&why);
		if (j->err)
			buf_adds(&why, j->err);
		/* One line: rule errors joined with "; ". */
		for (i = 0; i < b->errs.len; i++) {
			char ch = b->errs.data[i];

			if (ch == '\n') {
				if (i + 1 < b->errs.len)
					buf_adds(&why, "; ");
			} else {
				if (i == 0 && why.len > 0)
					buf_adds(&why, ": ");
				buf_addc(&why, ch);
			}
		}
		xasprintf(&msg, "reload failed: %s; no changes were applied",
		    why.len ? why.data : "unknown error");
		buf_free(&why);
		log_warnx("%s", msg);
	}
	o.version = rt->snap ? rt->snap->version : NULL;
	observe_reload(o.ok, o.changed, o.unavailable,
	    observe_now() - b->started);
	o.message = msg;

	w = st->current;
	st->current = NULL;
	st->running = false;
	notify(w, &o);
	/*
	 * A reload that failed because PostgreSQL was away (an activation
	 * may be waiting) is tried again shortly, until it gets through.
	 */
	if (o.unavailable && !rt->stopping && !st->pending)
		retry_later();
	free(msg);
	free(j->err);
	free(b->current);
	free(b->rules_dir);
	free(b->version);
	snapshot_unref(b->snap);
	buf_free(&b->errs);
	free(b);
	if (st->pending)
		start();
}

static void
start(void)
{
	struct reload_state *st = state();
	struct build *b = xcalloc(1, sizeof(*b));

	st->running = true;
	st->pending = false;
	st->current = st->next;
	st->next = NULL;
	buf_init(&b->errs);
	b->started = observe_now();
	/*
	 * A fallback snapshot is never "already active": activating its
	 * version again must rebuild it as the real active one.
	 */
	b->current = rt->snap && rt->snap->fallback == NULL ?
	    xstrdup(rt->snap->version) : NULL;
	b->have_snap = rt->snap != NULL;
	b->rules_dir = rt->conf.rules_dir ? xstrdup(rt->conf.rules_dir) : NULL;
	if (b->rules_dir) {
		/* A directory is re-read every time: it may have changed. */
		free(b->current);
		b->current = NULL;
	}
	b->job.offline = b->rules_dir != NULL;
	db_call(rt->db, &b->job, build_fn, build_done, b);
}

void
reload_run(reload_cb cb, void *arg)
{
	struct reload_state *st = state();
	struct waiter *w = xcalloc(1, sizeof(*w)), **pp;

	w->cb = cb;
	w->arg = arg;
	for (pp = &st->next; *pp != NULL; pp = &(*pp)->next)
		;
	*pp = w;
	if (st->running) {
		st->pending = true;
		return;
	}
	start();
}

int
reload_initial(char **errp)
{
	struct buf errs;
	PGconn *c;
	char *err = NULL, *v;

	*errp = NULL;
	buf_init(&errs);
	if (rt->conf.rules_dir != NULL) {
		rt->snap = snapshot_from_dir(rt->conf.rules_dir, &errs);
		if (rt->snap == NULL) {
			*errp = buf_release(&errs);
			return -1;
		}
		buf_free(&errs);
		return 0;
	}
	if ((c = store_connect(rt->conf.db, &err)) == NULL) {
		*errp = err;
		return -1;
	}
	if ((v = store_active_version(c, &err)) == NULL) {
		*errp = err ? err : xstrdup("no list version is active");
		PQfinish(c);
		return -1;
	}
	rt->snap = store_load_version(c, v, &errs, &err);
	/*
	 * An active version that does not build must not leave the daemon
	 * without a ruleset after a restart: run the newest that builds.
	 */
	if (rt->snap == NULL && err == NULL &&
	    (rt->snap = build_fallback(c, v, &errs)) != NULL) {
		log_warnx("list version %s does not build:\n%s", v, errs.data ?
		    errs.data : "");
		announce_fallback(rt->snap);
	}
	PQfinish(c);
	free(v);
	if (rt->snap == NULL) {
		xasprintf(errp, "%s%s", err ? err : "", errs.data ? errs.data : "");
		free(err);
		buf_free(&errs);
		return -1;
	}
	buf_free(&errs);
	return 0;
}

/* ---- LISTEN cordon_lists ------------------------------------------- */

struct listen_job {
	struct db_job	 job;
	PGconn		*conn;
	char		*dsn;
};

static void	listen_schedule(void);

static int
listen_fn(PGconn *unused, struct db_job *j)
{
	struct listen_job *l = j->arg;
	PGresult *r;
	char *err = NULL;

	if ((l->conn = store_connect(l->dsn, &err)) == NULL) {
		j->err = err;
		return -1;
	}
	r = PQexec(l->conn, "LISTEN cordon_lists; LISTEN cordon_tokens");
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		j->err = xstrdup(PQerrorMessage(l->conn));
		PQclear(r);
		PQfinish(l->conn);
		l->conn = NULL;
		return -1;
	}
	PQclear(r);
	PQsetnonblocking(l->conn, 1);
	return 0;
}

static void
listen_close(void)
{
	if (rt->listen_ev) {
		event_free(rt->listen_ev);
		rt->listen_ev = NULL;
	}
	PQfinish(rt->listen_conn);
	rt->listen_conn = NULL;
}

static void
on_notify(evutil_socket_t fd, short ev, void *arg)
{
	PGnotify *n;
	int seen = 0;

	if (PQconsumeInput(rt->listen_conn) == 0 ||
	    PQstatus(rt->listen_conn) != CONNECTION_OK) {
		log_warnx("list notification connection lost; reconnecting");
		listen_close();
		listen_schedule();
		return;
	}
	while ((n = PQnotifies(rt->listen_conn)) != NULL) {
		if (strcmp(n->relname, "cordon_tokens") == 0)
			tokens_refresh(&rt->tokens, rt->db);
		else if (rt->conf.rules_dir == NULL) {
			log_info("list version %s activated; reloading",
			    n->extra);
			seen = 1;
		}
		PQfreemem(n);
	}
	if (seen)
		reload_run(NULL, NULL);
}

static void
listen_done(struct db_job *j)
{
	struct listen_job *l = j->arg;

	if (j->rc == 0 && !rt->stopping) {
		rt->listen_conn = l->conn;
		rt->listen_ev = event_new(rt->base, PQsocket(l->conn),
		    EV_READ | EV_PERSIST, on_notify, NULL);
		event_add(rt->listen_ev, NULL);
		log_info("listening for list activations and token changes");
		/* Catch up with what changed while disconnected. */
		tokens_refresh(&rt->tokens, rt->db);
		if (rt->conf.rules_dir == NULL)
			reload_run(NULL, NULL);
	} else {
		if (l->conn)
			PQfinish(l->conn);
		if (!rt->stopping)
			listen_schedule();
	}
	free(j->err);
	free(l->dsn);
	free(l);
}

static void
listen_connect(evutil_socket_t fd, short ev, void *arg)
{
	struct listen_job *l;

	if (rt->stopping)
		return;
	l = xcalloc(1, sizeof(*l));
	l->dsn = xstrdup(rt->conf.db);
	l->job.offline = 1;	/* it makes its own connection */
	db_call(rt->db, &l->job, listen_fn, listen_done, l);
}

static void
listen_schedule(void)
{
	struct timeval tv = { 2, 0 };

	if (rt->listen_retry == NULL)
		rt->listen_retry = evtimer_new(rt->base, listen_connect, NULL);
	evtimer_add(rt->listen_retry, &tv);
}

/*
 * Every few seconds: a connection that died without waking the socket
 * event (a half-open TCP link) is noticed and replaced.
 */
static void
listen_check(evutil_socket_t fd, short ev, void *arg)
{
	struct event *self = arg;
	struct timeval tv = { 5, 0 };

	if (rt->stopping)
		return;
	if (rt->listen_conn != NULL && (PQstatus(rt->listen_conn) !=
	    CONNECTION_OK || PQconsumeInput(rt->listen_conn) == 0 ||
	    PQstatus(rt->listen_conn) != CONNECTION_OK)) {
		log_warnx("list notification connection lost; reconnecting");
		listen_close();
		listen_schedule();
	} else if (rt->listen_conn != NULL)
		on_notify(-1, 0, NULL);	/* deliver anything read meanwhile */
	evtimer_add(self, &tv);
}

void
reload_listen_start(void)
{
	struct timeval tv = { 5, 0 };

	listen_connect(-1, 0, NULL);
	rt->listen_check = evtimer_new(rt->base, listen_check,
	    event_self_cbarg());
	evtimer_add(rt->listen_check, &tv);
}

void
reload_listen_stop(void)
{
	if (rt->listen_check) {
		event_free(rt->listen_check);
		rt->listen_check = NULL;
	}
	listen_close();
	if (rt->listen_retry) {
		event_free(rt->listen_retry);
		rt->listen_retry = NULL;
	}
}

void
reload_free(void)
{
	if (rt->reload_retry) {
		event_free(rt->reload_retry);
		rt->reload_retry = NULL;
	}
	free(rt->reload);
	rt->reload = NULL;
}

/* ---- the configuration file ------------------------------------------ */

enum log_level
reload_log_level(const char *s)
{
	if (strcmp(s, "error") == 0)
		return LOG_LEVEL_ERROR;
	if (strcmp(s, "warn") == 0)
		return LOG_LEVEL_WARN;
	if (strcmp(s, "debug") == 0)
		return LOG_LEVEL_DEBUG;
	return LOG_LEVEL_INFO;
}

int
reload_conf(char **errp)
{
	struct conf next;

	*errp = NULL;
	if (rt->conf_path == NULL)
		return 0;
	conf_init(&next);
	if (conf_load(rt->conf_path, &next, errp) == -1) {
		conf_free(&next);
		return -1;
	}
	conf_apply_reload(&rt->conf, &next);
	conf_free(&next);
	log_set_level(reload_log_level(rt->conf.log_level));
	db_set_batch_max(rt->db, (int)rt->conf.batch_max);
	/* The sender takes the new endpoint list between two rounds. */
	rt->webhook = webhook_reload(rt->webhook, &rt->conf);
	/* The maintenance job takes the new values from its next run. */
	if (rt->maint != NULL)
		maint_set(rt->maint, (int)rt->conf.partitions_ahead,
		    (int)rt->conf.retention_months);
	return 0;
}
