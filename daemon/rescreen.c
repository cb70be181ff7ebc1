/*
 * Re-screening on activation and backtests.  The comparison of a new
 * screening with a declaration's earlier hits is pure (unit-tested); the
 * walk over stored declarations reads and writes through store_rescreen.c;
 * the re-screening thread and the backtest threads each own a connection
 * and a matcher scratch of their own, so the event loop, the screening
 * pool and the database workers never wait for them.
 *
 * One cordond at a time re-screens: the one that holds the advisory lock
 * STORE_RESCREEN_LOCK on its connection.  Its progress is a row per
 * activation (rescreen_runs), moved forward in the same transaction as
 * the alerts and notes of each batch, so a restart resumes after the last
 * batch committed and never raises an alert twice.
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <libpq-fe.h>

#include "conf.h"
#include "decl.h"
#include "log.h"
#include "rescreen.h"
#include "result.h"
#include "screen.h"
#include "store.h"
#include "store_rescreen.h"
#include "wco.h"
#include "words.h"
#include "xmalloc.h"

/* The actor of the audit rows the re-screening writes. */
#define RESCREEN_ACTOR	"cordond-rescreen"
/* New hits described in an alert's cause, at most. */
#define CAUSE_MAX	3
/* Backtests kept for GET /v1/admin/backtest/{id}. */
#define BACKTEST_KEEP	8

/* ---- the comparison ---------------------------------------------------- */

void
rescreen_hit_key(int item_seq, const struct screen_hit *h, struct buf *b)
{
	if (item_seq == SCREEN_NONE)
		buf_adds(b, "-");
	else
		buf_printf(b, "%d", item_seq);
	buf_printf(b, "|%s|%s", h->list ? h->list : "", h->entry ? h->entry :
	    "");
}

/* True if some row of <p> has the key of hit <h>. */
static bool
prior_has(const struct rescreen_prior *p, size_t np, int item_seq,
    const struct screen_hit *h)
{
	struct buf k;
	size_t i;
	bool found = false;

	buf_init(&k);
	rescreen_hit_key(item_seq, h, &k);
	for (i = 0; i < np && !found; i++)
		found = strcmp(p[i].key, k.data) == 0;
	buf_free(&k);
	return found;
}

size_t
rescreen_compare(const struct screen_result *r, const struct rescreen_prior *p,
    size_t np, bool *isnew, size_t *gone)
{
	struct buf k;
	size_t i, j, a, n = 0;

	for (i = 0; i < r->nalerts; i++) {
		const struct screen_alert *al = &r->alerts[i];

		isnew[i] = false;
		for (j = 0; j < al->hits.n && !isnew[i]; j++)
			isnew[i] = !prior_has(p, np, al->item_seq,
			    &al->hits.v[j]);
	}
	/* An earlier alert is gone when none of its hits' keys is hit now. */
	buf_init(&k);
	for (i = 0; i < np; i = j) {
		bool still = false;

		for (j = i; j < np && strcmp(p[j].alert_id, p[i].alert_id) == 0;
		    j++)
			for (a = 0; a < r->nalerts && !still; a++) {
				size_t h;

				for (h = 0; h < r->alerts[a].hits.n && !still;
				    h++) {
					buf_reset(&k);
					rescreen_hit_key(r->alerts[a].item_seq,
					    &r->alerts[a].hits.v[h], &k);
					still = strcmp(k.data, p[j].key) == 0;
				}
			}
		if (!still)
			gone[n++] = i;
	}
	buf_free(&k);
	return n;
}

/* The date of list <id> in <rs>, or NULL. */
static const char *
list_date(const struct ruleset *rs, const char *id)
{
	size_t i;

	for (i = 0; rs != NULL && id != NULL && i < rs->nlists; i++)
		if (strcmp(rs->lists[i].id, id) == 0)
			return rs->lists[i].version_date;
	return NULL;
}

char *
rescreen_cause(const struct screen_alert *a, const struct rescreen_prior *p,
    size_t np, const struct ruleset *rs)
{
	struct buf b, seen, k;
	size_t i, n = 0, more = 0;

	buf_init(&b);
	buf_init(&seen);
	buf_init(&k);
	buf_adds(&seen, "\n");
	for (i = 0; i < a->hits.n; i++) {
		const struct screen_hit *h = &a->hits.v[i];
		const char *listed = NULL, *date;
		json_t *ev = NULL;

		if (prior_has(p, np, a->item_seq, h))
			continue;
		/* One clause per new entry, however many hits name it. */
		buf_reset(&k);
		buf_adds(&k, "\n");
		rescreen_hit_key(a->item_seq, h, &k);
		buf_adds(&k, "\n");
		if (strstr(seen.data, k.data) != NULL)
			continue;
		buf_adds(&seen, k.data + 1);
		if (n == CAUSE_MAX) {
			more++;
			continue;
		}
		if (n++ > 0)
			buf_adds(&b, "; ");
		if (h->role != NULL && *h->role != '\0')
			buf_printf(&b, "%s now matches", h->role);
		else if (a->item_seq != SCREEN_NONE)
			buf_printf(&b, "item %d now matches", a->item_seq);
		else
			buf_adds(&b, "the declaration now matches");
		buf_printf(&b, " %s %s", h->list ? h->list : "?", h->entry ?
		    h->entry : "?");
		if (h->title != NULL)
			buf_printf(&b, " (%s)", h->title);
		if (h->party_evidence != NULL &&
		    (ev = json_loads(h->party_evidence, 0, NULL)) != NULL)
			listed = json_string_value(json_object_get(ev,
			    "listed_on"));
		if (listed != NULL)
			buf_printf(&b, ", listed %s", listed);
		else if ((date = list_date(rs, h->list)) != NULL)
			buf_printf(&b, ", list of %s", date);
		json_decref(ev);
	}
	if (more > 0)
		buf_printf(&b, "; and %zu more", more);
	if (n == 0)
		buf_adds(&b, "new hits");
	buf_free(&seen);
	buf_free(&k);
	return buf_release(&b);
}

/* ---- walking stored declarations -------------------------------------- */

/* One declaration screened again and compared. */
struct decl_cmp {
	const char		*id;
	struct screen_result	*res;		/* NULL: body unreadable */
	const struct rescreen_prior *p;
	size_t			 np;
	bool			*isnew;		/* per alert of res */
	size_t			*gone;		/* indexes into p */
	size_t			 ngone;
};

typedef void (*decl_fn)(struct decl_cmp *, void *arg);

/*
 * Screens the declarations of <rows> (id, created_at, body) with <snap>
 * and compares each with its stored hits; <fn> hears each.  0 or -1.
 */
static int
walk_batch(PGconn *c, PGresult *rows, struct snapshot *snap,
    struct match_scratch *sc, double thr, decl_fn fn, void *arg,
    char **errp)
{
	struct screen_opts opts = { thr };
	struct rescreen_prior *pv = NULL;
	struct buf ids;
	PGresult *pr;
	int i, n = PQntuples(rows), np;
	size_t k;

	buf_init(&ids);
	buf_addc(&ids, '{');
	for (i = 0; i < n; i++)
		buf_printf(&ids, "%s%s", i ? "," : "", PQgetvalue(rows, i, 0));
	buf_addc(&ids, '}');
	pr = store_rescreen_prior(c, ids.data, errp);
	buf_free(&ids);
	if (pr == NULL)
		return -1;
	np = PQntuples(pr);
	pv = xcalloc((size_t)np + 1, sizeof(*pv));
	for (i = 0; i < np; i++) {
		pv[i].alert_id = PQgetvalue(pr, i, 1);
		pv[i].status = PQgetvalue(pr, i, 2);
		pv[i].decision = PQgetvalue(pr, i, 3);
		pv[i].key = PQgetvalue(pr, i, 4);
	}
	for (i = 0; i < n; i++) {
		struct decl_cmp dc;
		const char *id = PQgetvalue(rows, i, 0);
		json_t *root, *err = NULL;
		struct decl *d = NULL;
		int first = -1, last = -1, status = 0;

		memset(&dc, 0, sizeof(dc));
		dc.id = id;
		/* Rows of one declaration are adjacent (ordered by it). */
		for (k = 0; k < (size_t)np; k++)
			if (strcmp(PQgetvalue(pr, (int)k, 0), id) == 0) {
				if (first < 0)
					first = (int)k;
				last = (int)k;
			}
		if (first >= 0) {
			dc.p = pv + first;
			dc.np = (size_t)(last - first + 1);
		}
		root = json_loads(PQgetvalue(rows, i, 2), 0, NULL);
		/*
		 * The stored body of a WCO message is the mapped contract,
		 * read as intake read it.  A version stored without goods (an
		 * amendment of header data only that had no earlier version)
		 * is screened on its parties and route, as it was at intake; a
		 * cancellation declares nothing.
		 */
		if (root != NULL)
			d = decl_from_json_flags(root, wco_decl_flags(root),
			    &err, &status);
		json_decref(root);
		json_decref(err);
		if (d != NULL && d->function != DECL_FUNCTION_CANCELLATION) {
			dc.res = screen_run(snap->m, sc, d, snap->version, &opts);
			dc.isnew = xcalloc(dc.res->nalerts + 1, sizeof(bool));
			dc.gone = xcalloc(dc.np + 1, sizeof(size_t));
			dc.ngone = rescreen_compare(dc.res, dc.p, dc.np,
			    dc.isnew, dc.gone);
		} else
			log_debug("rescreen: declaration %s: a cancellation, "
			    "or its stored body does not read as a "
			    "declaration; skipped", id);
		fn(&dc, arg);
		screen_result_free(dc.res);
		free(dc.isnew);
		free(dc.gone);
		decl_free(d);
	}
	free(pv);
	PQclear(pr);
	return 0;
}

/* ---- re-screening: what one batch stores ----------------------------- */

struct rs_batch {
	const struct snapshot	*snap;
	json_t			*alerts, *notes;
};

static json_t *
alert_json(const struct screen_alert *a, const char *decl_id, char *cause)
{
	struct buf b;
	json_t *o, *hits, *ents;
	char id[37];
	size_t i;

	buf_init(&b);
	buf_addc(&b, '[');
	for (i = 0; i < a->hits.n; i++) {
		if (i > 0)
			buf_addc(&b, ',');
		result_write_hit(&b, &a->hits.v[i]);
	}
	buf_addc(&b, ']');
	hits = json_loadb(b.data, b.len, 0, NULL);
	buf_free(&b);
	ents = json_array();
	for (i = 0; i < a->nentries; i++)
		json_array_append_new(ents, json_string(a->entries[i]));
	util_uuid7(id);
	o = json_pack("{s:s, s:s, s:o, s:s, s:i, s:s, s:o, s:o, s:o, s:s}",
	    "id", id, "declaration_id", decl_id, "item_seq",
	    a->item_seq == SCREEN_NONE ? json_null() : json_integer(a->item_seq),
	    "severity", words_severity(a->severity), "score", a->score,
	    "category", rules_category_name(a->category), "hits",
	    hits ? hits : json_array(), "fingerprint", a->fingerprint[0] ?
	    json_string(a->fingerprint) : json_null(), "entries", ents,
	    "cause", cause);
	free(cause);
	return o;
}

static void
rescreen_decl(struct decl_cmp *dc, void *arg)
{
	struct rs_batch *b = arg;
	size_t i, j;

	if (dc->res == NULL)
		return;
	for (i = 0; i < dc->res->nalerts; i++)
		if (dc->isnew[i])
			json_array_append_new(b->alerts, alert_json(
			    &dc->res->alerts[i], dc->id, rescreen_cause(
			    &dc->res->alerts[i], dc->p, dc->np, b->snap->rs)));
	for (i = 0; i < dc->ngone; i++) {
		const struct rescreen_prior *p = &dc->p[dc->gone[i]];
		struct buf t;

		buf_init(&t);
		buf_printf(&t, "Screened again against list version %s: ",
		    b->snap->version);
		for (j = dc->gone[i]; j < dc->np &&
		    strcmp(dc->p[j].alert_id, p->alert_id) == 0; j++) {
			const char *k = strchr(dc->p[j].key, '|');

			buf_printf(&t, "%s%s", j > dc->gone[i] ? ", " : "",
			    k ? k + 1 : dc->p[j].key);
		}
		buf_adds(&t, " no longer matched; the alert is left as it is.");
		json_array_append_new(b->notes, json_pack("{s:s, s:s}",
		    "alert_id", p->alert_id, "text", t.data));
		buf_free(&t);
	}
}

/* ---- the re-screening thread ----------------------------------------- */

static struct {
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	pthread_t	 th;
	bool		 started, stop;
	struct snapshot	*offered;	/* newest published snapshot */
	PGcancel	*cancel;	/* of the thread's connection */
	json_t		*progress;	/* newest run, as last read */
	char		*dsn;
	long		 days, batch, rate;
	double		 threshold;
	char		 worker[96];
} R = { .mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER };

/*
 * The thread's connection, for rescreen_stop() to cancel the statement it
 * waits on: a statement blocked on a lock would otherwise hold the thread,
 * and cordond's exit with it, for as long as the lock is held.
 */
static void
set_conn(PGconn *c)
{
	PGcancel *pc = c != NULL ? PQgetCancel(c) : NULL;

	pthread_mutex_lock(&R.mu);
	PQfreeCancel(R.cancel);
	R.cancel = pc;
	pthread_mutex_unlock(&R.mu);
}

/* Cancels what <pc>'s connection runs now; for stopping threads. */
static void
cancel_statement(PGcancel *pc)
{
	char why[256];

	if (pc != NULL && PQcancel(pc, why, sizeof(why)) == 0)
		log_debug("rescreen: cancel: %s", why);
}

static void
set_progress(json_t *j)
{
	pthread_mutex_lock(&R.mu);
	json_decref(R.progress);
	R.progress = j;
	pthread_mutex_unlock(&R.mu);
}

/* Waits up to <ms> or until stopped or offered a snapshot; true if so. */
static bool
wait_ms(long ms, bool wake_on_offer)
{
	struct timespec ts;
	bool woken;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += ms / 1000;
	ts.tv_nsec += (ms % 1000) * 1000000L;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&R.mu);
	while (!R.stop && !(wake_on_offer && R.offered != NULL))
		if (pthread_cond_timedwait(&R.cv, &R.mu, &ts) == ETIMEDOUT)
			break;
	woken = R.stop || (wake_on_offer && R.offered != NULL);
	pthread_mutex_unlock(&R.mu);
	return woken;
}

static bool
interrupted(void)
{
	bool b;

	pthread_mutex_lock(&R.mu);
	b = R.stop || R.offered != NULL;
	pthread_mutex_unlock(&R.mu);
	return b;
}

/*
 * Works the run of the active version while this thread holds the lock
 * and runs <snap>.  Returns 0 when there is nothing (more) for <snap> to
 * do: the run is finished or superseded, or is another version's; -1 when
 * interrupted or on a database error (then the caller tries again later).
 */
static int
work(PGconn *c, struct snapshot *snap)
{
	struct rescreen_run run;
	struct match_scratch *sc;
	char *err = NULL;
	int rc, out = -1;

	rc = store_rescreen_current(c, R.days, &run, &err);
	if (rc <= 0 || strcmp(run.status, "running") != 0 ||
	    strcmp(run.version, snap->version) != 0) {
		if (rc == -1)
			log_warnx("rescreen: %s", err);
		free(err);
		return rc == -1 ? -1 : 0;
	}
	log_info("rescreen: run %lld against list version %s: %lld of %lld "
	    "declarations done, %s", run.id, run.version, run.done, run.total,
	    run.done > 0 ? "resuming" : "starting");
	sc = match_scratch_new(snap->m);
	while (!interrupted()) {
		struct rs_batch b = { snap, json_array(), json_array() };
		uint64_t t0 = util_now_ms(), took;
		PGresult *rows;
		int n;

		rows = store_rescreen_next(c, run.since, NULL, run.last_at,
		    run.last_id, run.version, (int)R.batch, &err);
		if (rows == NULL) {
			json_decref(b.alerts);
			json_decref(b.notes);
			break;
		}
		if ((n = PQntuples(rows)) == 0) {
			PQclear(rows);
			json_decref(b.alerts);
			json_decref(b.notes);
			if (store_rescreen_finish(c, run.id, &err) == 0) {
				out = 0;
				log_info("rescreen: run %lld against list "
				    "version %s finished: %lld declarations, "
				    "%lld alerts raised, %lld notes", run.id,
				    run.version, run.done, run.raised,
				    run.notes);
			}
			break;
		}
		if (walk_batch(c, rows, snap, sc, R.threshold, rescreen_decl,
		    &b, &err) == 0) {
			char at[48], id[37];

			snprintf(at, sizeof(at), "%s", PQgetvalue(rows, n - 1, 1));
			snprintf(id, sizeof(id), "%s", PQgetvalue(rows, n - 1, 0));
			rc = store_rescreen_commit(c, &run, b.alerts, b.notes, at,
			    id, n, R.worker, &err);
			if (rc == 0) {
				run.done += n;
				run.raised += (long long)json_array_size(b.alerts);
				run.notes += (long long)json_array_size(b.notes);
				snprintf(run.last_at, sizeof(run.last_at), "%s", at);
				snprintf(run.last_id, sizeof(run.last_id), "%s", id);
			}
		} else
			rc = -1;
		PQclear(rows);
		json_decref(b.alerts);
		json_decref(b.notes);
		if (rc != 0) {
			out = rc == 1 ? 0 : -1;
			break;		/* superseded (1) or failed (-1) */
		}
		{
			json_t *st = store_rescreen_status(c, &err);

			if (st != NULL)
				set_progress(st);
		}
		/* The pace: at most <rate> declarations a second. */
		took = util_now_ms() - t0;
		if (R.rate > 0 && (uint64_t)(n * 1000L / R.rate) > took)
			wait_ms((long)((uint64_t)(n * 1000L / R.rate) - took),
			    false);
	}
	if (err != NULL) {
		log_warnx("rescreen: %s", err);
		free(err);
	}
	match_scratch_free(sc);
	return out;
}

static void *
rescreen_main(void *unused)
{
	struct snapshot *snap = NULL;
	const struct snapshot *tried = NULL;	/* worked with no error */
	PGconn *c = NULL;
	char *err = NULL;

	for (;;) {
		PGresult *r;
		json_t *st;
		bool locked;

		pthread_mutex_lock(&R.mu);
		if (R.stop) {
			pthread_mutex_unlock(&R.mu);
			break;
		}
		if (R.offered != NULL) {
			snapshot_unref(snap);
			snap = R.offered;
			R.offered = NULL;
			tried = NULL;
		}
		pthread_mutex_unlock(&R.mu);

		if (c == NULL || !store_ok(c)) {
			set_conn(NULL);
			PQfinish(c);
			if ((c = store_connect(R.dsn, &err)) == NULL) {
				log_debug("rescreen: %s", err);
				free(err);
				err = NULL;
				wait_ms(5000, false);
				continue;
			}
			set_conn(c);
		}
		if ((st = store_rescreen_status(c, &err)) != NULL)
			set_progress(json_incref(st));
		else {
			free(err);
			err = NULL;
		}
		/*
		 * Worth the lock: a snapshot not yet tried, or a run that is
		 * still running (its cordond may have stopped).
		 */
		locked = false;
		if (snap != NULL && snap->fallback == NULL && (snap != tried ||
		    (st != NULL && json_is_string(json_object_get(st, "status"))
		    && strcmp(json_string_value(json_object_get(st, "status")),
		    "running") == 0))) {
			r = PQexec(c, "SELECT pg_try_advisory_lock("
			    STORE_RESCREEN_LOCK ")");
			locked = PQresultStatus(r) == PGRES_TUPLES_OK &&
			    strcmp(PQgetvalue(r, 0, 0), "t") == 0;
			PQclear(r);
		}
		json_decref(st);
		if (locked) {
			if (work(c, snap) == 0)
				tried = snap;
			PQclear(PQexec(c, "SELECT pg_advisory_unlock("
			    STORE_RESCREEN_LOCK ")"));
			/* What the run came to, at once. */
			if ((st = store_rescreen_status(c, &err)) != NULL)
				set_progress(st);
			free(err);
			err = NULL;
		}
		wait_ms(2000, true);
	}
	snapshot_unref(snap);
	set_conn(NULL);
	PQfinish(c);
	return NULL;
}

void
rescreen_start(const struct conf *cf)
{
	char host[64];

	if (cf->rules_dir != NULL || cf->rescreen_days == 0 || R.started)
		return;
	R.dsn = xstrdup(cf->db);
	R.days = cf->rescreen_days;
	R.batch = cf->rescreen_batch;
	R.rate = cf->rescreen_rate;
	R.threshold = cf->party_threshold;
	if (gethostname(host, sizeof(host)) == -1)
		snprintf(host, sizeof(host), "localhost");
	host[sizeof(host) - 1] = '\0';
	snprintf(R.worker, sizeof(R.worker), "%s:%ld", host, (long)getpid());
	R.stop = false;
	if (pthread_create(&R.th, NULL, rescreen_main, NULL) != 0)
		fatalx("rescreen: cannot start its thread");
	R.started = true;
}

void
rescreen_offer(struct snapshot *s)
{
	if (!R.started || s == NULL)
		return;
	pthread_mutex_lock(&R.mu);
	snapshot_unref(R.offered);
	R.offered = snapshot_ref(s);
	pthread_cond_broadcast(&R.cv);
	pthread_mutex_unlock(&R.mu);
}

json_t *
rescreen_progress(void)
{
	json_t *j;

	pthread_mutex_lock(&R.mu);
	j = R.progress ? json_incref(R.progress) : json_null();
	pthread_mutex_unlock(&R.mu);
	return j;
}

/* ---- backtests ----------------------------------------------------------- */

struct bt_tally {
	json_t		*entries;	/* "list/entry" -> counts */
	long long	 decls, added, removed;
	json_t		*removed_by;	/* outcome -> n */
	const struct backtest_progress *pr;
	size_t		 total;
};

static json_t *
entry_row(struct bt_tally *t, const char *key)
{
	json_t *e = json_object_get(t->entries, key);
	const char *bar;

	if (e == NULL) {
		bar = strchr(key, '|');
		e = json_pack("{s:s%, s:s, s:i, s:i, s:{}}", "list", key,
		    bar ? (size_t)(bar - key) : strlen(key), "entry", bar ?
		    bar + 1 : "", "new_alerts", 0, "removed_alerts", 0,
		    "removed_by_outcome");
		json_object_set_new(t->entries, key, e);
	}
	return e;
}

static void
bump(json_t *o, const char *k)
{
	json_object_set_new(o, k, json_integer(json_integer_value(
	    json_object_get(o, k)) + 1));
}

/* The "<list>|<entry>" of a key "<seq>|<list>|<entry>", or of a hit. */
static const char *
key_entry(const char *key)
{
	const char *bar = strchr(key, '|');

	return bar ? bar + 1 : key;
}

static void
backtest_decl(struct decl_cmp *dc, void *arg)
{
	struct bt_tally *t = arg;
	struct buf k, seen;
	size_t i, j;

	t->decls++;
	if (t->pr != NULL && t->pr->fn != NULL && t->decls % 100 == 0)
		t->pr->fn((size_t)t->decls, t->total, t->pr->arg);
	if (dc->res == NULL)
		return;
	buf_init(&k);
	buf_init(&seen);
	for (i = 0; i < dc->res->nalerts; i++) {
		const struct screen_alert *a = &dc->res->alerts[i];

		if (!dc->isnew[i])
			continue;
		t->added++;
		/* Per entry of a new hit, once per alert. */
		buf_reset(&seen);
		buf_adds(&seen, "\n");
		for (j = 0; j < a->hits.n; j++) {
			const struct screen_hit *h = &a->hits.v[j];

			if (prior_has(dc->p, dc->np, a->item_seq, h))
				continue;
			buf_reset(&k);
			buf_printf(&k, "\n%s|%s\n", h->list ? h->list : "",
			    h->entry ? h->entry : "");
			if (strstr(seen.data, k.data) != NULL)
				continue;
			buf_adds(&seen, k.data + 1);
			k.data[k.len - 1] = '\0';
			bump(entry_row(t, k.data + 1), "new_alerts");
		}
	}
	for (i = 0; i < dc->ngone; i++) {
		const struct rescreen_prior *p = &dc->p[dc->gone[i]];
		const char *outcome = *p->decision ? p->decision : p->status;

		t->removed++;
		bump(t->removed_by, outcome);
		buf_reset(&seen);
		buf_adds(&seen, "\n");
		for (j = dc->gone[i]; j < dc->np &&
		    strcmp(dc->p[j].alert_id, p->alert_id) == 0; j++) {
			const char *e = key_entry(dc->p[j].key);
			json_t *row;

			buf_reset(&k);
			buf_printf(&k, "\n%s\n", e);
			if (strstr(seen.data, k.data) != NULL)
				continue;
			buf_printf(&seen, "%s\n", e);
			row = entry_row(t, e);
			bump(row, "removed_alerts");
			bump(json_object_get(row, "removed_by_outcome"), outcome);
		}
	}
	buf_free(&k);
	buf_free(&seen);
}

static int
entry_cmp(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	long long nx = json_integer_value(json_object_get(x, "new_alerts")) +
	    json_integer_value(json_object_get(x, "removed_alerts"));
	long long ny = json_integer_value(json_object_get(y, "new_alerts")) +
	    json_integer_value(json_object_get(y, "removed_alerts"));
	int c;

	if (nx != ny)
		return nx > ny ? -1 : 1;
	c = strcmp(json_string_value(json_object_get(x, "list")),
	    json_string_value(json_object_get(y, "list")));
	return c ? c : strcmp(json_string_value(json_object_get(x, "entry")),
	    json_string_value(json_object_get(y, "entry")));
}

/*
 * "this change raises 3 new alerts and removes 214, 209 of them decided
 * false_positive, 5 held"; caller frees.
 */
static char *
backtest_summary(const struct bt_tally *t)
{
	struct buf b;
	const char *k;
	json_t *v;
	int n = 0;

	buf_init(&b);
	buf_printf(&b, "this change raises %lld new alert%s and removes %lld",
	    t->added, t->added == 1 ? "" : "s", t->removed);
	json_object_foreach(t->removed_by, k, v)
		buf_printf(&b, "%s%lld %s%s", n++ ? ", " : ", of them ",
		    (long long)json_integer_value(v), words_is_decision(k) ?
		    "decided " : "", k);
	return buf_release(&b);
}

json_t *
rescreen_backtest(PGconn *c, struct snapshot *cand, long days,
    double party_threshold, const struct backtest_progress *pr, char **errp)
{
	struct bt_tally t;
	struct match_scratch *sc;
	char since[48], until[48], last_at[48] = "", last_id[37] = "", *sum;
	long long total;
	json_t *rows, *v, *rep;
	const char *k;
	size_t n;

	if (store_backtest_window(c, days, since, until, &total, errp) == -1)
		return NULL;
	memset(&t, 0, sizeof(t));
	t.entries = json_object();
	t.removed_by = json_object();
	t.pr = pr;
	t.total = (size_t)total;
	sc = match_scratch_new(cand->m);
	for (;;) {
		PGresult *r;
		int nr;

		if (pr != NULL && pr->stop != NULL && *pr->stop) {
			*errp = xstrdup("stopped");
			break;
		}
		r = store_rescreen_next(c, since, until, last_at, last_id, NULL,
		    500, errp);
		if (r == NULL)
			break;
		if ((nr = PQntuples(r)) == 0) {
			PQclear(r);
			break;
		}
		snprintf(last_at, sizeof(last_at), "%s", PQgetvalue(r, nr - 1, 1));
		snprintf(last_id, sizeof(last_id), "%s", PQgetvalue(r, nr - 1, 0));
		if (walk_batch(c, r, cand, sc, party_threshold, backtest_decl, &t,
		    errp) == -1) {
			PQclear(r);
			break;
		}
		PQclear(r);
	}
	match_scratch_free(sc);
	if (*errp != NULL) {
		json_decref(t.entries);
		json_decref(t.removed_by);
		return NULL;
	}
	if (pr != NULL && pr->fn != NULL)
		pr->fn((size_t)t.decls, t.total, pr->arg);
	rows = json_array();
	json_object_foreach(t.entries, k, v)
		json_array_append(rows, v);
	n = json_array_size(rows);
	{
		json_t **vv = xcalloc(n + 1, sizeof(*vv));
		size_t i;

		for (i = 0; i < n; i++)
			vv[i] = json_incref(json_array_get(rows, i));
		qsort(vv, n, sizeof(*vv), entry_cmp);
		json_array_clear(rows);
		for (i = 0; i < n; i++)
			json_array_append_new(rows, vv[i]);
		free(vv);
	}
	sum = backtest_summary(&t);
	rep = json_pack("{s:s, s:s, s:s, s:I, s:I, s:I, s:o, s:o, s:s}",
	    "version", cand->version, "since", since, "until", until,
	    "declarations", t.decls, "new_alerts", t.added, "removed_alerts",
	    t.removed, "removed_by_outcome", t.removed_by, "entries", rows,
	    "summary", sum);
	free(sum);
	json_decref(t.entries);
	return rep;
}

/* ---- backtests in cordond ---------------------------------------------- */

struct bt_job {
	long		 id;
	char		*version;
	long		 days;
	double		 threshold;
	char		*dsn;
	pthread_t	 th;
	bool		 running, joined;
	volatile bool	 stop;
	PGcancel	*cancel;	/* of its connection, under B.mu */
	size_t		 done, total;
	json_t		*report;
	char		*error;
	char		 started_at[32];
};

static struct {
	pthread_mutex_t	 mu;
	struct bt_job	*jobs[BACKTEST_KEEP];
	long		 next_id;
} B = { .mu = PTHREAD_MUTEX_INITIALIZER, .next_id = 1 };

static void
bt_progress(size_t done, size_t total, void *arg)
{
	struct bt_job *j = arg;

	pthread_mutex_lock(&B.mu);
	j->done = done;
	j->total = total;
	pthread_mutex_unlock(&B.mu);
}

static void *
bt_main(void *arg)
{
	struct bt_job *j = arg;
	struct backtest_progress pr = { bt_progress, j, &j->stop };
	struct snapshot *s = NULL;
	struct buf errs;
	json_t *rep = NULL;
	char *err = NULL;
	PGconn *c;

	buf_init(&errs);
	if ((c = store_connect(j->dsn, &err)) == NULL)
		goto out;
	pthread_mutex_lock(&B.mu);
	j->cancel = PQgetCancel(c);
	pthread_mutex_unlock(&B.mu);
	if (!store_version_exists(c, j->version)) {
		xasprintf(&err, "no list version \"%s\"", j->version);
		goto out;
	}
	if ((s = store_load_version(c, j->version, &errs, &err)) == NULL) {
		if (err == NULL)
			xasprintf(&err, "list version %s does not build: %s",
			    j->version, errs.data ? errs.data : "");
		goto out;
	}
	rep = rescreen_backtest(c, s, j->days, j->threshold, &pr, &err);
out:
	pthread_mutex_lock(&B.mu);
	PQfreeCancel(j->cancel);
	j->cancel = NULL;
	pthread_mutex_unlock(&B.mu);
	PQfinish(c);
	snapshot_unref(s);
	buf_free(&errs);
	pthread_mutex_lock(&B.mu);
	j->report = rep;
	j->error = err;
	j->running = false;
	pthread_mutex_unlock(&B.mu);
	return NULL;
}

static void
bt_free(struct bt_job *j)
{
	if (j == NULL)
		return;
	if (!j->joined)
		pthread_join(j->th, NULL);
	json_decref(j->report);
	free(j->error);
	free(j->version);
	free(j->dsn);
	free(j);
}

long
rescreen_backtest_start(const struct conf *cf, const char *version, long days,
    char **errp)
{
	struct bt_job *j;
	size_t i, slot = 0;
	long id;

	pthread_mutex_lock(&B.mu);
	for (i = 0; i < BACKTEST_KEEP; i++)
		if (B.jobs[i] != NULL && B.jobs[i]->running) {
			xasprintf(errp, "backtest %ld of list version %s is "
			    "running; one at a time", B.jobs[i]->id,
			    B.jobs[i]->version);
			pthread_mutex_unlock(&B.mu);
			return 0;
		}
	/* A free slot, else the oldest finished backtest's. */
	for (i = 0; i < BACKTEST_KEEP; i++) {
		if (B.jobs[i] == NULL) {
			slot = i;
			break;
		}
		if (B.jobs[i]->id < B.jobs[slot]->id)
			slot = i;
	}
	bt_free(B.jobs[slot]);
	j = xcalloc(1, sizeof(*j));
	j->id = id = B.next_id++;
	j->version = xstrdup(version);
	j->days = days;
	j->threshold = cf->party_threshold;
	j->dsn = xstrdup(cf->db);
	j->running = true;
	util_now_rfc3339(j->started_at);
	B.jobs[slot] = j;
	if (pthread_create(&j->th, NULL, bt_main, j) != 0)
		fatalx("backtest: cannot start its thread");
	pthread_mutex_unlock(&B.mu);
	return id;
}

json_t *
rescreen_backtest_get(long id)
{
	json_t *o = NULL;
	size_t i;

	pthread_mutex_lock(&B.mu);
	for (i = 0; i < BACKTEST_KEEP; i++) {
		struct bt_job *j = B.jobs[i];

		if (j == NULL || j->id != id)
			continue;
		o = json_pack("{s:I, s:s, s:I, s:s, s:s, s:I, s:I}", "id",
		    (json_int_t)j->id, "version", j->version, "since_days",
		    (json_int_t)j->days, "started_at", j->started_at, "status",
		    j->running ? "running" : j->error ? "failed" : "finished",
		    "done", (json_int_t)j->done, "total", (json_int_t)j->total);
		if (j->report != NULL)
			json_object_set(o, "report", j->report);
		if (j->error != NULL)
			json_object_set_new(o, "error", json_string(j->error));
		break;
	}
	pthread_mutex_unlock(&B.mu);
	return o;
}

void
rescreen_stop(void)
{
	size_t i;

	pthread_mutex_lock(&B.mu);
	for (i = 0; i < BACKTEST_KEEP; i++)
		if (B.jobs[i] != NULL) {
			B.jobs[i]->stop = true;
			cancel_statement(B.jobs[i]->cancel);
		}
	pthread_mutex_unlock(&B.mu);
	for (i = 0; i < BACKTEST_KEEP; i++) {
		bt_free(B.jobs[i]);
		B.jobs[i] = NULL;
	}
	if (R.started) {
		pthread_mutex_lock(&R.mu);
		R.stop = true;
		cancel_statement(R.cancel);
		pthread_cond_broadcast(&R.cv);
		pthread_mutex_unlock(&R.mu);
		pthread_join(R.th, NULL);
		R.started = false;
	}
	snapshot_unref(R.offered);
	R.offered = NULL;
	json_decref(R.progress);
	R.progress = NULL;
	free(R.dsn);
	R.dsn = NULL;
}
