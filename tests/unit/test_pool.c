/*
 * The screening pool (pool.c): every job runs once and comes back to the
 * loop once, however the threads' finishing interleaves with the loop
 * taking the finished list (the loop is woken only when that list was
 * empty); detached jobs run without coming back, before pool_free returns,
 * and on the caller's thread once the pool has stopped.
 */
#include "config.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

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
	event_base_free(base);
	return harness_done();
}
