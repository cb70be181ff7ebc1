/*
 * The screening pool (pool.c): every job runs once and comes back to the
 * loop once, however the threads' finishing interleaves with the loop
 * taking the finished list (the loop is woken only when that list was
 * empty); detached jobs run without coming back, before pool_free returns,
 * and on the caller's thread once the pool has stopped; lazy jobs wait for
 * a thread awake anyway, or wake one when their list is full.
 */
#include "config.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <event2/event.h>
#include <event2/thread.h>

#include "harness.h"
#include "pool.h"
#include "xmalloc.h"

#define NJOBS	4000

struct tjob {
	struct pool_job	 pj;
	int		 ran, done;
	pthread_t	 ran_on;
};

static struct event_base *base;
static int ndone, nrun_detached, nfreed_detached;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

static void
t_run(struct pool_job *pj, struct pool_thread *t)
{
	struct tjob *j = pj->arg;
	volatile unsigned x = 0;
	int k;

	/* a little work, uneven, so that threads finish out of order */
	for (k = 0; k < (int)((uintptr_t)j % 97) * 10; k++)
		x += (unsigned)k;
	j->ran++;
	j->ran_on = pthread_self();
}

static void
t_run_plain(struct pool_job *pj, struct pool_thread *t)
{
}

static void
t_done(struct pool_job *pj)
{
	struct tjob *j = pj->arg;

	j->done++;
	if (++ndone == NJOBS)
		event_base_loopbreak(base);
}

static void
d_run(struct pool_job *pj, struct pool_thread *t)
{
	pthread_mutex_lock(&mu);
	nrun_detached++;
	pthread_mutex_unlock(&mu);
	free(pj->arg);
	pthread_mutex_lock(&mu);
	nfreed_detached++;
	pthread_mutex_unlock(&mu);
}

static void
on_timeout(evutil_socket_t fd, short ev, void *arg)
{
	bool *timed_out = arg;

	*timed_out = true;
	event_base_loopbreak(base);
}

static void
test_every_job_once(void)
{
	struct pool *p = pool_new(base, 2);
	struct tjob *jobs = xcalloc(NJOBS, sizeof(*jobs));
	struct timeval tv = { 20, 0 };
	struct event *timer;
	bool timed_out = false;
	int i, bad_ran = 0, bad_done = 0, on_loop = 0;

	timer = evtimer_new(base, on_timeout, &timed_out);
	evtimer_add(timer, &tv);
	for (i = 0; i < NJOBS; i++) {
		jobs[i].pj.run = t_run;
		jobs[i].pj.done = t_done;
		jobs[i].pj.arg = &jobs[i];
		pool_submit(p, &jobs[i].pj);
		/* detached jobs in between, each owning its memory */
		if (i % 3 == 0) {
			struct pool_job *d = xcalloc(1, sizeof(*d));

			d->run = d_run;
			d->arg = d;
			pool_submit_detached(p, d);
		}
	}
	event_base_dispatch(base);
	/* a lost wake-up leaves jobs finished but never handed back */
	CHECK(!timed_out);
	CHECK_INT_EQ(ndone, NJOBS);
	CHECK_INT_EQ(pool_pending(p), 0);
	pool_free(p);
	for (i = 0; i < NJOBS; i++) {
		bad_ran += jobs[i].ran != 1;
		bad_done += jobs[i].done != 1;
		on_loop += pthread_equal(jobs[i].ran_on, pthread_self());
	}
	CHECK_INT_EQ(bad_ran, 0);
	CHECK_INT_EQ(bad_done, 0);
	CHECK_INT_EQ(on_loop, 0);	/* screening ran on the threads */
	CHECK_INT_EQ(nrun_detached, (NJOBS + 2) / 3);
	CHECK_INT_EQ(nfreed_detached, (NJOBS + 2) / 3);
	event_free(timer);
	free(jobs);
}

static struct pool *stopping;
static pthread_t detached_ran_on;
static bool detached_ran;

static void
d_run_where(struct pool_job *pj, struct pool_thread *t)
{
	detached_ran_on = pthread_self();
	detached_ran = true;
	free(pj->arg);
}

/* A done callback run by pool_free: what it frees detached runs at once. */
static void
t_done_detach(struct pool_job *pj)
{
	struct pool_job *d = xcalloc(1, sizeof(*d));

	d->run = d_run_where;
	d->arg = d;
	pool_submit_detached(stopping, d);
	CHECK(detached_ran);		/* before pool_submit_detached returned */
	CHECK(pthread_equal(detached_ran_on, pthread_self()));
}

/* Detached jobs are not pending; once the pool stopped they run in place. */
static void
test_detached_after_stop(void)
{
	struct pool_job *d = xcalloc(1, sizeof(*d));
	struct pool_job j;
	int before = nrun_detached;

	stopping = pool_new(base, 1);
	d->run = d_run;
	d->arg = d;
	pool_submit_detached(stopping, d);
	memset(&j, 0, sizeof(j));
	j.run = t_run_plain;
	j.done = t_done_detach;
	pool_submit(stopping, &j);
	CHECK(pool_pending(stopping) == 1);	/* the detached one not counted */
	/* the loop never runs: pool_free hands the finished job back */
	pool_free(stopping);
	CHECK_INT_EQ(nrun_detached, before + 1);
	CHECK(detached_ran);
}

static int nlazy;
static pthread_t lazy_ran_on;

static void
lazy_run_fn(struct pool_job *pj, struct pool_thread *t)
{
	pthread_mutex_lock(&mu);
	nlazy++;
	lazy_ran_on = pthread_self();
	pthread_mutex_unlock(&mu);
	free(pj);
}

static int
lazy_count(void)
{
	int n;

	pthread_mutex_lock(&mu);
	n = nlazy;
	pthread_mutex_unlock(&mu);
	return n;
}

static void
lazy_submit(struct pool *p, size_t bytes)
{
	struct pool_job *d = xcalloc(1, sizeof(*d));

	d->run = lazy_run_fn;
	pool_submit_lazy(p, d, bytes);
}

/* Waits up to 5 s for <n> lazy jobs to have run; true if they did. */
static bool
lazy_wait(int n)
{
	int i;

	for (i = 0; i < 500 && lazy_count() < n; i++)
		usleep(10000);
	return lazy_count() >= n;
}

/*
 * Lazy jobs wake no thread until the list is full (64 jobs or 1 MB), run
 * when a thread is awake for other work, and all run by pool_free; after
 * it, in place.
 */
static void
test_lazy(void)
{
	struct pool *p = pool_new(base, 2);
	struct timeval tv = { 10, 0 };
	struct event *timer;
	struct tjob tj;
	bool timed_out = false;
	int i;

	nlazy = 0;
	usleep(50000);		/* both threads asleep */
	for (i = 0; i < 10; i++)
		lazy_submit(p, 100);
	usleep(200000);
	CHECK_INT_EQ(lazy_count(), 0);	/* nobody woken for them */

	/* a screening job wakes a thread, which then runs them */
	memset(&tj, 0, sizeof(tj));
	tj.pj.run = t_run;
	tj.pj.done = t_done;
	tj.pj.arg = &tj;
	ndone = NJOBS - 1;	/* t_done breaks the loop on this one */
	timer = evtimer_new(base, on_timeout, &timed_out);
	evtimer_add(timer, &tv);
	pool_submit(p, &tj.pj);
	event_base_dispatch(base);
	CHECK(!timed_out);
	CHECK_INT_EQ(tj.done, 1);
	CHECK(lazy_wait(10));
	CHECK(!pthread_equal(lazy_ran_on, pthread_self()));

	/* the 64th job wakes a thread for all of them */
	for (i = 0; i < 63; i++)
		lazy_submit(p, 10);
	usleep(200000);
	CHECK_INT_EQ(lazy_count(), 10);
	lazy_submit(p, 10);
	CHECK(lazy_wait(10 + 64));

	/* so does a list that reaches 1 MB */
	lazy_submit(p, 600 * 1024);
	usleep(200000);
	CHECK_INT_EQ(lazy_count(), 74);
	lazy_submit(p, 600 * 1024);
	CHECK(lazy_wait(76));

	/* pool_free runs what waits; after it they run in place */
	for (i = 0; i < 5; i++)
		lazy_submit(p, 1);
	pool_free(p);
	CHECK_INT_EQ(lazy_count(), 81);
	event_free(timer);
}

int
main(void)
{
	harness_init("test_pool");
	if (evthread_use_pthreads() == -1 || (base = event_base_new()) == NULL) {
		CHECK(!"libevent with threads");
		return harness_done();
	}
	test_every_job_once();
	test_detached_after_stop();
	test_lazy();
	event_base_free(base);
	return harness_done();
}
