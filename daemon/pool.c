/*
 * A fixed pool of screening threads around one job queue under a mutex;
 * finished jobs come back through a second list and one event_active().
 * Screening only reads the snapshot, so threads share it; each has its own
 * vectorscan scratch.
 *
 * Lazy jobs (pool_submit_lazy: freeing what a finished declaration held)
 * wait in a list of their own and wake no thread: a thread runs them when
 * it finds no screening job to take, before it sleeps, so under load they
 * ride on the wake-up of the next declaration instead of costing a futex
 * wake and a context switch each.  Once the list holds POOL_LAZY_BYTES or
 * POOL_LAZY_JOBS, a thread is woken and runs it before anything else.
 */
#include "config.h"

#include <sys/resource.h>
#include <sys/syscall.h>

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <event2/event.h>

#include "log.h"
#include "pool.h"
#include "xmalloc.h"

/*
 * Screening threads run this much nicer than the process.  On a machine
 * with as many busy screening threads as cores, the event loop waited for
 * a time slice behind them: /healthz and every other answer took up to a
 * scheduler period (tens of milliseconds) while large declarations were
 * screened.  Nicer threads lose the core when the loop wakes, and lose
 * nothing when nothing else wants the CPU.
 */
#define POOL_NICE	5

/* What the lazy list may hold before a thread is woken to empty it. */
#define POOL_LAZY_BYTES	(1024 * 1024)
#define POOL_LAZY_JOBS	64

struct pool_thread {
	struct pool		*pool;
	pthread_t		 tid;
	struct snapshot		*snap;		/* the scratch's snapshot */
	struct match_scratch	*scratch;
};

struct pool {
	int			 n;
	struct pool_thread	*threads;
	pthread_mutex_t		 mu;
	pthread_cond_t		 cv;
	struct pool_job		*head, *tail;
	size_t			 pending;
	int			 stop;
	struct pool_job		*done_head, *done_tail;
	struct event		*done_ev;
	struct pool_job		*lazy_head, *lazy_tail;
	size_t			 lazy_jobs, lazy_bytes;
};

/* Whether the lazy list is full enough to run before screening jobs. */
static bool
lazy_full(const struct pool *p)
{
	return p->lazy_bytes >= POOL_LAZY_BYTES ||
	    p->lazy_jobs >= POOL_LAZY_JOBS;
}

/* Takes the whole lazy list (caller holds the lock). */
static struct pool_job *
lazy_take(struct pool *p)
{
	struct pool_job *j = p->lazy_head;

	p->lazy_head = p->lazy_tail = NULL;
	p->lazy_jobs = p->lazy_bytes = 0;
	return j;
}

/* Runs the lazy jobs of list <j>; each may free itself. */
static void
lazy_run(struct pool_job *j, struct pool_thread *t)
{
	struct pool_job *nx;

	for (; j != NULL; j = nx) {
		nx = j->next;
		j->run(j, t);
	}
}

struct match_scratch *
pool_scratch(struct pool_thread *t, struct snapshot *snap)
{
	if (t->snap != snap) {
		match_scratch_free(t->scratch);
		t->scratch = NULL;
		snapshot_unref(t->snap);
		t->snap = snapshot_ref(snap);
		t->scratch = match_scratch_new(snap->m);
	}
	return t->scratch;
}

/*
 * Lowers the calling thread's priority by POOL_NICE (Linux keeps a nice
 * value per thread).  Failing is harmless: the thread keeps the process's.
 */
static void
pool_thread_nice(void)
{
	pid_t tid = (pid_t)syscall(SYS_gettid);
	int base;

	errno = 0;
	base = getpriority(PRIO_PROCESS, (id_t)tid);
	if (errno == 0 && setpriority(PRIO_PROCESS, (id_t)tid,
	    base + POOL_NICE) != 0)
		log_debug("screening thread priority: %s", strerror(errno));
}

static void *
pool_main(void *arg)
{
	struct pool_thread *t = arg;
	struct pool *p = t->pool;
	struct pool_job *j;
	bool detached, wake;

	pool_thread_nice();
	for (;;) {
		pthread_mutex_lock(&p->mu);
		while (p->head == NULL && p->lazy_head == NULL && !p->stop)
			pthread_cond_wait(&p->cv, &p->mu);
		/* lazy jobs when there is nothing else, or too many of them */
		if (p->lazy_head != NULL && (p->head == NULL || lazy_full(p))) {
			j = lazy_take(p);
			pthread_mutex_unlock(&p->mu);
			lazy_run(j, t);
			continue;
		}
		if (p->head == NULL) {
			pthread_mutex_unlock(&p->mu);
			break;
		}
		j = p->head;
		p->head = j->next;
		if (p->head == NULL)
			p->tail = NULL;
		pthread_mutex_unlock(&p->mu);

		/* a detached job may be gone once it ran */
		detached = j->done == NULL;
		j->run(j, t);
		if (detached)
			continue;

		pthread_mutex_lock(&p->mu);
		j->next = NULL;
		/*
		 * Only a list that was empty needs the loop woken: while it
		 * holds jobs, the loop has been woken and has not taken them
		 * yet (pool_on_done takes the whole list under the lock).
		 * Each event_active from a thread costs an eventfd write.
		 */
		wake = p->done_head == NULL;
		if (p->done_tail)
			p->done_tail->next = j;
		else
			p->done_head = j;
		p->done_tail = j;
		pthread_mutex_unlock(&p->mu);
		if (wake)
			event_active(p->done_ev, EV_READ, 0);
	}
	match_scratch_free(t->scratch);
	t->scratch = NULL;
	snapshot_unref(t->snap);
	t->snap = NULL;
	return NULL;
}

static void
pool_on_done(evutil_socket_t fd, short ev, void *arg)
{
	struct pool *p = arg;
	struct pool_job *j, *nx;
	size_t n = 0;

	pthread_mutex_lock(&p->mu);
	j = p->done_head;
	p->done_head = p->done_tail = NULL;
	for (nx = j; nx != NULL; nx = nx->next)
		n++;
	/* one lock for the whole list: the loop's lock taken per job made
	 * the screening threads wait for it */
	p->pending -= n;
	pthread_mutex_unlock(&p->mu);
	for (; j != NULL; j = nx) {
		nx = j->next;
		j->done(j);
	}
}

struct pool *
pool_new(struct event_base *base, int threads)
{
	struct pool *p = xcalloc(1, sizeof(*p));
	int i;

	p->n = threads;
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->cv, NULL);
	p->done_ev = event_new(base, -1, EV_PERSIST, pool_on_done, p);
	p->threads = xcalloc((size_t)threads, sizeof(*p->threads));
	for (i = 0; i < threads; i++) {
		p->threads[i].pool = p;
		if (pthread_create(&p->threads[i].tid, NULL, pool_main,
		    &p->threads[i]) != 0)
			fatal("pthread_create");
	}
	return p;
}

void
pool_free(struct pool *p)
{
	int i;

	if (p == NULL)
		return;
	pthread_mutex_lock(&p->mu);
	p->stop = 1;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	for (i = 0; i < p->n; i++)
		pthread_join(p->threads[i].tid, NULL);
	pool_on_done(-1, 0, p);
	event_free(p->done_ev);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->cv);
	free(p->threads);
	free(p);
}

/*
 * Appends <j> to the queue; a detached job is refused (false) once the
 * pool stopped, since no thread would free it.
 */
static bool
pool_enqueue(struct pool *p, struct pool_job *j, bool counted)
{
	j->next = NULL;
	pthread_mutex_lock(&p->mu);
	if (p->stop && !counted) {
		pthread_mutex_unlock(&p->mu);
		return false;
	}
	if (p->tail)
		p->tail->next = j;
	else
		p->head = j;
	p->tail = j;
	if (counted)
		p->pending++;
	pthread_cond_signal(&p->cv);
	pthread_mutex_unlock(&p->mu);
	return true;
}

void
pool_submit(struct pool *p, struct pool_job *j)
{
	(void)pool_enqueue(p, j, true);
}

void
pool_submit_detached(struct pool *p, struct pool_job *j)
{
	j->done = NULL;
	if (!pool_enqueue(p, j, false))
		j->run(j, NULL);
}

void
pool_submit_lazy(struct pool *p, struct pool_job *j, size_t bytes)
{
	j->done = NULL;
	j->next = NULL;
	pthread_mutex_lock(&p->mu);
	if (p->stop) {
		pthread_mutex_unlock(&p->mu);
		j->run(j, NULL);
		return;
	}
	if (p->lazy_tail)
		p->lazy_tail->next = j;
	else
		p->lazy_head = j;
	p->lazy_tail = j;
	p->lazy_jobs++;
	p->lazy_bytes += bytes;
	/* a thread is woken only for a full list (cheap with none asleep) */
	if (lazy_full(p))
		pthread_cond_signal(&p->cv);
	pthread_mutex_unlock(&p->mu);
}

size_t
pool_pending(struct pool *p)
{
	size_t n;

	pthread_mutex_lock(&p->mu);
	n = p->pending;
	pthread_mutex_unlock(&p->mu);
	return n;
}
