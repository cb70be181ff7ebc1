/*
 * Worker threads around blocking libpq.  Jobs come in through one queue
 * under a mutex; finished jobs go back through a second list and one
 * event_active() wakes the loop when that list was empty.  A worker
 * reconnects by itself before a job when its connection is gone, so the
 * daemon recovers when PostgreSQL comes back without anyone restarting it.
 *
 * The same code runs the read database (read_db): a second pool whose
 * jobs fall back to the primary's pool when it cannot answer them, so
 * an officer's read never fails because a standby is away.
 */
#include "config.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <event2/event.h>
#include <libpq-fe.h>

#include "db.h"
#include "log.h"
#include "observe.h"
#include "store.h"
#include "util.h"
#include "xmalloc.h"

struct db {
	struct event_base	*base;
	char			*dsn;
	int			 nworkers;
	int			 batch_max;
	int			 deadline_ms;	/* statement_timeout */
	pthread_t		*threads;

	pthread_mutex_t		 mu;
	pthread_cond_t		 cv;
	struct db_job		*head, *tail;	/* queued */
	size_t			 queued, running;
	int			 stop;

	struct db_job		*done_head, *done_tail;
	struct event		*done_ev;

	struct db_stats		 stats;
	uint64_t		*busy_since;	/* per worker, ms; 0 idle */
	uint64_t		 last_ok, last_fail;	/* ms */
	int			 next_slot;

	/* A read database: where its jobs go when it cannot answer. */
	struct db		*fallback;
	uint64_t		 down_until;	/* ms: skip it until then */
	bool			 down;		/* last seen unreachable */
};

/* After a read database was found unreachable, how long to go around it. */
#define DB_READ_RETRY_MS	5000

static void
push_done(struct db *db, struct db_job *j)
{
	j->next = NULL;
	if (db->done_tail)
		db->done_tail->next = j;
	else
		db->done_head = j;
	db->done_tail = j;
}

/*
 * Whether <c> still reaches the server.  After a failed write libpq keeps
 * CONNECTION_OK until it next reads ("server closed the connection
 * unexpectedly" with the status unchanged): a round trip settles it, and
 * turns the status to CONNECTION_BAD when the server is gone.  Without
 * it, a batch cut off by a failover was taken for a declaration the
 * database refused, and answered 500.
 */
static bool
conn_alive(PGconn *c)
{
	char *err = NULL;

	if (!store_ok(c))
		return false;
	if (store_ping(c, &err) == 0)
		return true;
	free(err);
	return store_ok(c);
}

static void
run_store(struct db *db, PGconn **cp, struct db_job **jobs, size_t n)
{
	struct store_item **items = xcalloc(n, sizeof(*items));
	char *err = NULL;
	size_t i;
	int rc = -1;
	bool alive = false;
	double t0 = observe_now();

	for (i = 0; i < n; i++)
		items[i] = &jobs[i]->item;
	if (*cp != NULL)
		rc = store_batch(*cp, items, n, &err);
	if (rc == 0)
		observe_commit(n, observe_now() - t0);
	if (rc == -1 && *cp != NULL)
		alive = conn_alive(*cp);
	if (rc == -1 && alive && n > 1) {
		/*
		 * The connection is fine, so one declaration broke the batch:
		 * store them one by one so the others still go through.
		 */
		log_warnx("batch of %zu failed (%s); retrying one by one", n, err);
		free(err);
		err = NULL;
		for (i = 0; i < n; i++) {
			if (store_batch(*cp, &items[i], 1, &jobs[i]->err) == -1) {
				alive = conn_alive(*cp);
				jobs[i]->rc = -1;
				jobs[i]->unavailable = !alive;
				/* STORE_UNKNOWN (cut off in COMMIT) stays. */
				if (items[i]->outcome == STORE_PENDING)
					items[i]->outcome = alive ?
					    STORE_FAILED : STORE_UNAVAILABLE;
			}
		}
		rc = 0;
	} else if (rc == -1) {
		for (i = 0; i < n; i++) {
			jobs[i]->rc = -1;
			jobs[i]->unavailable = !alive;
			if (items[i]->outcome == STORE_PENDING)
				items[i]->outcome = jobs[i]->unavailable ?
				    STORE_UNAVAILABLE : STORE_FAILED;
			jobs[i]->err = xstrdup(err ? err :
			    "PostgreSQL is not reachable");
		}
	}
	free(err);
	free(items);
	pthread_mutex_lock(&db->mu);
	if (rc == 0) {
		db->stats.batches++;
		db->stats.stored += n;
		if (n > db->stats.max_batch)
			db->stats.max_batch = n;
	} else
		db->stats.failures += n;
	pthread_mutex_unlock(&db->mu);
}

/*
 * A connection for the storage workers, checked against the schema their
 * statements need (store.h STORE_SCHEMA_NEEDED): a cordond started on a
 * database not yet migrated would otherwise have its declarations skipped
 * and answered as conflicts.  Such a database counts as unavailable (503,
 * /readyz not ready) and the worker says why at most once a minute; it
 * checks again at the next job, so `cordonctl db migrate` needs no
 * restart.
 */
static PGconn *
worker_connect(struct db *db, char **errp)
{
	static _Atomic uint64_t said_ms;
	uint64_t now, last;
	PGconn *c;

	if ((c = store_connect_deadline(db->dsn, db->deadline_ms, errp)) == NULL)
		return NULL;
	if (store_schema_check(c, errp) == 0)
		return c;
	PQfinish(c);
	now = util_now_ms();
	last = said_ms;
	if (now - last >= 60000 && atomic_compare_exchange_strong(&said_ms,
	    &last, now))
		log_warnx("%s", *errp);
	return NULL;
}

/*
 * The connection was lost while a batch was stored.  If its COMMIT may have
 * reached the server, ask a fresh connection which declarations are there:
 * those were committed and are answered as created; a 503 says "nothing
 * was stored" only when that is known.  Returns true if the others may be
 * tried once more.
 */
static bool
store_recover(struct db *db, PGconn **cp, struct db_job **jobs, size_t n)
{
	struct store_item **items;
	char *err = NULL;
	size_t i;
	bool unknown = false;

	for (i = 0; i < n; i++)
		if (jobs[i]->item.outcome == STORE_UNKNOWN)
			unknown = true;
	if (!unknown)
		return true;
	*cp = worker_connect(db, &err);
	if (*cp == NULL) {
		log_warnx("a commit's outcome is unknown: %s", err);
		free(err);
		return false;
	}
	items = xcalloc(n, sizeof(*items));
	for (i = 0; i < n; i++)
		items[i] = &jobs[i]->item;
	if (store_batch_committed(*cp, items, n, &err) == -1) {
		log_warnx("a commit's outcome is unknown: %s", err);
		free(err);
		free(items);
		return false;
	}
	for (i = 0; i < n; i++) {
		if (items[i]->outcome == STORE_CREATED) {
			free(jobs[i]->err);
			jobs[i]->err = NULL;
			jobs[i]->rc = 0;
			jobs[i]->unavailable = 0;
		} else
			items[i]->outcome = STORE_PENDING;	/* not stored */
	}
	free(items);
	log_info("after a lost connection: the commit's outcome was checked");
	return true;
}

static void
run_jobs(struct db *db, PGconn **cp, struct db_job **batch, size_t n)
{
	struct db_job *j;

	if (batch[0]->kind == DB_JOB_STORE) {
		run_store(db, cp, batch, n);
		return;
	}
	j = batch[0];
	if (!store_ok(*cp) && !j->offline) {
		j->rc = -1;
		j->unavailable = 1;
		j->err = xstrdup("PostgreSQL is not reachable");
		return;
	}
	j->rc = j->fn(store_ok(*cp) ? *cp : NULL, j);
	if (j->rc == -1 && !store_ok(*cp))
		j->unavailable = 1;
}

static bool
jobs_failed(struct db_job **batch, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (batch[i]->rc == -1)
			return true;
	return false;
}

/* Back to the state before the attempt, for a retry. */
static void
jobs_reset(struct db_job **batch, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct db_job *j = batch[i];

		if (j->kind == DB_JOB_STORE && j->item.outcome == STORE_CREATED)
			continue;	/* committed: known and kept */
		free(j->err);
		j->err = NULL;
		j->rc = 0;
		j->unavailable = 0;
		if (j->kind == DB_JOB_STORE)
			j->item.outcome = STORE_PENDING;
	}
}

/*
 * On a read database: hands <j> to the primary when this one could not
 * answer it (the query failed, the database is unreachable, or the job
 * asked for the primary because a standby may not have its row yet).
 * <up> says whether the connection is still usable.  True if <j> was
 * handed over: it is no longer this pool's.
 */
static bool
read_forward(struct db *db, struct db_job *j, bool up, const char *connerr)
{
	bool was_down;

	if (db->fallback == NULL || j->kind != DB_JOB_CALL)
		return false;
	pthread_mutex_lock(&db->mu);
	was_down = db->down;
	db->down = !up;
	if (!up)
		db->down_until = util_now_ms() + DB_READ_RETRY_MS;
	if (j->rc == 0 && !j->ask_primary) {
		pthread_mutex_unlock(&db->mu);
		if (was_down && up)
			log_info("read_db is reachable again; officers' reads "
			    "go to it");
		return false;
	}
	db->stats.forwarded++;
	pthread_mutex_unlock(&db->mu);
	if (!up && !was_down)
		log_warnx("read_db is not reachable (%s); officers' reads go "
		    "to the primary", connerr ? connerr : j->err ? j->err :
		    "the connection was lost");
	else if (j->rc == -1 && up)
		log_debug("read_db: %s; asking the primary", j->err ? j->err :
		    "?");
	free(j->err);
	j->err = NULL;
	j->ask_primary = 0;
	db_submit(db->fallback, j);
	return true;
}

/* What one storage worker thread keeps between its batches. */
struct db_worker {
	struct db	 *db;
	int		  slot;		/* its index in db->busy_since */
	PGconn		 *c;		/* its connection, NULL when down */
	struct db_job	**batch;	/* the jobs it runs now */
	size_t		  cap;		/* room in <batch> */
};

/*
 * Waits for work and takes it off the queue: every waiting store job, in
 * order, up to batch_max (they commit in one transaction), or else the
 * single job at the head.  Sets *<np> to the number taken.  Returns false
 * when the pool stops and the queue is empty.
 */
static bool
worker_take(struct db_worker *w, size_t *np)
{
	struct db *db = w->db;
	struct db_job *j, *prev, *nx;
	size_t n = 0;

	pthread_mutex_lock(&db->mu);
	while (db->head == NULL && !db->stop)
		pthread_cond_wait(&db->cv, &db->mu);
	if (db->head == NULL && db->stop) {
		pthread_mutex_unlock(&db->mu);
		return false;
	}
	if (w->cap < (size_t)db->batch_max) {
		w->cap = (size_t)db->batch_max;
		w->batch = xreallocarray(w->batch, w->cap, sizeof(*w->batch));
	}
	if (db->head->kind == DB_JOB_STORE) {
		for (prev = NULL, j = db->head; j && n < w->cap; j = nx) {
			nx = j->next;
			if (j->kind != DB_JOB_STORE) {
				prev = j;
				continue;
			}
			if (prev)
				prev->next = nx;
			else
				db->head = nx;
			if (db->tail == j)
				db->tail = prev;
			w->batch[n++] = j;
		}
	} else {
		w->batch[n++] = db->head;
		db->head = db->head->next;
		if (db->head == NULL)
			db->tail = NULL;
	}
	db->queued -= n;
	db->running += n;
	db->busy_since[w->slot] = util_now_ms();
	pthread_mutex_unlock(&db->mu);
	*np = n;
	return true;
}

/*
 * Runs the <n> jobs taken, connecting first if needed.  A connection can
 * look fine and be dead (PostgreSQL restarted while it was idle).  When it
 * dies during a job, the job runs once more on a fresh connection: a batch
 * rolled back with the connection, and a retried declaration that did
 * commit comes back as a replay of itself.  Returns the last connection
 * error (for read_forward), or NULL; the caller frees it.
 */
static char *
worker_run(struct db_worker *w, size_t n)
{
	char *err = NULL, *connerr = NULL;
	int attempt;

	for (attempt = 0; attempt < 2; attempt++) {
		bool fresh = false;

		if (!store_ok(w->c)) {
			PQfinish(w->c);
			w->c = worker_connect(w->db, &err);
			if (w->c == NULL)
				log_debug("worker: %s", err);
			else {
				log_info("connected to PostgreSQL");
				fresh = true;
			}
			free(connerr);
			connerr = err;
			err = NULL;
		}
		run_jobs(w->db, &w->c, w->batch, n);
		if (w->c == NULL || store_ok(w->c))
			break;
		log_warnx("lost the connection to PostgreSQL");
		PQfinish(w->c);
		w->c = NULL;
		if (w->batch[0]->kind == DB_JOB_STORE &&
		    !store_recover(w->db, &w->c, w->batch, n))
			break;
		if (fresh || !jobs_failed(w->batch, n))
			break;
		jobs_reset(w->batch, n);
	}
	return connerr;
}

/*
 * Hands the <n> jobs run back to the event loop (unless <moved>: another
 * pool took them over), counts them, and records whether the database
 * answered.
 */
static void
worker_release(struct db_worker *w, size_t n, bool moved)
{
	struct db *db = w->db;
	size_t i;
	bool wake;

	pthread_mutex_lock(&db->mu);
	/*
	 * Only a finished list that was empty needs the loop woken: while it
	 * holds jobs, the loop has been woken and not yet taken them (on_done
	 * takes the whole list under the lock), and each event_active from a
	 * thread costs an eventfd write and a wake-up of the loop.
	 */
	wake = !moved && db->done_head == NULL;
	if (!moved) {
		for (i = 0; i < n; i++) {
			push_done(db, w->batch[i]);
			if (w->batch[i]->kind == DB_JOB_CALL &&
			    w->batch[i]->rc == 0)
				db->stats.served++;
		}
	}
	db->running -= n;
	db->busy_since[w->slot] = 0;
	if (!moved) {
		if (store_ok(w->c))
			db->last_ok = util_now_ms();
		else
			db->last_fail = util_now_ms();
	}
	pthread_mutex_unlock(&db->mu);
	if (wake)
		event_active(db->done_ev, EV_READ, 0);
}

/* A storage worker thread: take a batch, run it, hand it back. */
static void *
worker(void *arg)
{
	struct db_worker w = { .db = arg };
	char *connerr;
	size_t n;
	bool moved;

	pthread_mutex_lock(&w.db->mu);
	w.slot = w.db->next_slot++;
	pthread_mutex_unlock(&w.db->mu);

	while (worker_take(&w, &n)) {
		connerr = worker_run(&w, n);
		moved = read_forward(w.db, w.batch[0], store_ok(w.c), connerr);
		free(connerr);
		worker_release(&w, n, moved);
	}
	PQfinish(w.c);
	free(w.batch);
	return NULL;
}

static void
on_done(evutil_socket_t fd, short ev, void *arg)
{
	struct db *db = arg;
	struct db_job *j, *nx;

	pthread_mutex_lock(&db->mu);
	j = db->done_head;
	db->done_head = db->done_tail = NULL;
	pthread_mutex_unlock(&db->mu);
	for (; j != NULL; j = nx) {
		nx = j->next;
		j->done(j);
	}
}

struct db *
db_new(struct event_base *base, const char *dsn, int workers, int batch_max,
    int deadline_ms)
{
	struct db *db = xcalloc(1, sizeof(*db));
	int i;

	db->deadline_ms = deadline_ms;
	db->base = base;
	db->dsn = xstrdup(dsn);
	db->nworkers = workers;
	db->batch_max = batch_max;
	pthread_mutex_init(&db->mu, NULL);
	pthread_cond_init(&db->cv, NULL);
	db->done_ev = event_new(base, -1, EV_PERSIST, on_done, db);
	db->threads = xcalloc((size_t)workers, sizeof(*db->threads));
	db->busy_since = xcalloc((size_t)workers, sizeof(*db->busy_since));
	for (i = 0; i < workers; i++)
		if (pthread_create(&db->threads[i], NULL, worker, db) != 0)
			fatal("pthread_create");
	return db;
}

void
db_free(struct db *db)
{
	int i;

	if (db == NULL)
		return;
	pthread_mutex_lock(&db->mu);
	db->stop = 1;
	pthread_cond_broadcast(&db->cv);
	pthread_mutex_unlock(&db->mu);
	for (i = 0; i < db->nworkers; i++)
		pthread_join(db->threads[i], NULL);
	on_done(-1, 0, db);
	event_free(db->done_ev);
	pthread_mutex_destroy(&db->mu);
	pthread_cond_destroy(&db->cv);
	free(db->threads);
	free(db->busy_since);
	free(db->dsn);
	free(db);
}

void
db_submit(struct db *db, struct db_job *j)
{
	j->next = NULL;
	j->rc = 0;
	j->err = NULL;
	j->unavailable = 0;	/* <offline> is the caller's to set */
	j->ask_primary = 0;
	if (j->kind == DB_JOB_STORE)
		j->item.outcome = STORE_PENDING;
	pthread_mutex_lock(&db->mu);
	if (db->fallback != NULL && util_now_ms() < db->down_until) {
		/* The read database was unreachable a moment ago. */
		db->stats.forwarded++;
		pthread_mutex_unlock(&db->mu);
		db_submit(db->fallback, j);
		return;
	}
	if (db->tail)
		db->tail->next = j;
	else
		db->head = j;
	db->tail = j;
	db->queued++;
	pthread_cond_signal(&db->cv);
	pthread_mutex_unlock(&db->mu);
}

void
db_call(struct db *db, struct db_job *j, db_call_fn fn, db_done_cb done,
    void *arg)
{
	j->kind = DB_JOB_CALL;
	j->fn = fn;
	j->done = done;
	j->arg = arg;
	db_submit(db, j);
}

bool
db_cancel(struct db *db, struct db_job *j)
{
	struct db_job *x, *prev = NULL;
	bool found = false;

	pthread_mutex_lock(&db->mu);
	for (x = db->head; x != NULL; prev = x, x = x->next)
		if (x == j) {
			if (prev)
				prev->next = x->next;
			else
				db->head = x->next;
			if (db->tail == x)
				db->tail = prev;
			db->queued--;
			found = true;
			break;
		}
	pthread_mutex_unlock(&db->mu);
	return found;
}

void
db_set_fallback(struct db *rd, struct db *primary)
{
	pthread_mutex_lock(&rd->mu);
	rd->fallback = primary;
	pthread_mutex_unlock(&rd->mu);
}

void
db_set_batch_max(struct db *db, int n)
{
	pthread_mutex_lock(&db->mu);
	db->batch_max = n;
	pthread_mutex_unlock(&db->mu);
}

size_t
db_pending(struct db *db)
{
	size_t n;

	pthread_mutex_lock(&db->mu);
	n = db->queued + db->running;
	pthread_mutex_unlock(&db->mu);
	return n;
}

void
db_health(struct db *db, struct db_health *h)
{
	uint64_t now = util_now_ms();
	int i;

	pthread_mutex_lock(&db->mu);
	h->last_ok_ms = db->last_ok;
	h->last_fail_ms = db->last_fail;
	h->stuck_ms = 0;
	for (i = 0; i < db->nworkers; i++)
		if (db->busy_since[i] != 0 && now - db->busy_since[i] > h->stuck_ms)
			h->stuck_ms = now - db->busy_since[i];
	h->queued = db->queued;
	pthread_mutex_unlock(&db->mu);
}

void
db_stats(struct db *db, struct db_stats *out)
{
	pthread_mutex_lock(&db->mu);
	*out = db->stats;
	pthread_mutex_unlock(&db->mu);
}
