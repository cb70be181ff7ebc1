/*
 * Unit tests of the read database's fallback (db.c, read_db): a job the
 * read database cannot answer is run again on the primary's pool and
 * answered once; after the read database was found unreachable, jobs go
 * straight to the primary; a pool without a fallback ignores ask_primary.
 * No PostgreSQL is needed: both pools point at a socket that does not
 * exist, and the jobs that must run are "offline" ones.
 */
#include "config.h"

#include <string.h>

#include <event2/event.h>
#include <event2/thread.h>

#include "db.h"

#include "harness.h"

#define NOWHERE	"host=/nonexistent/cordon-test-db dbname=cordon"

struct probe {
	struct event_base	*base;
	int			 runs;		/* fn calls, any pool */
	int			 asks;		/* runs that set ask_primary */
	int			 done;		/* done callbacks */
};

static int
probe_fn(PGconn *c, struct db_job *j)
{
	struct probe *p = j->arg;

	p->runs++;
	if (p->runs <= p->asks)
		j->ask_primary = 1;
	return 0;
}

static void
probe_done(struct db_job *j)
{
	struct probe *p = j->arg;

	p->done++;
	event_base_loopbreak(p->base);
}

/* Runs the loop until a done callback, or 5 s. */
static void
wait_done(struct probe *p)
{
	struct timeval tv = { 5, 0 };

	event_base_loopexit(p->base, &tv);
	event_base_dispatch(p->base);
}

int
main(void)
{
	struct event_base *base;
	struct db *primary, *rd, *alone;
	struct db_stats st;
	struct db_job j;
	struct probe p;

	harness_init("test_db");
	if (evthread_use_pthreads() == -1)
		return 99;
	base = event_base_new();
	primary = db_new(base, NOWHERE, 1, 8, 1000);
	rd = db_new(base, NOWHERE, 1, 1, 1000);
	db_set_fallback(rd, primary);

	/* A row the read database does not have yet: asked of the primary,
	 * answered once. */
	memset(&p, 0, sizeof(p));
	memset(&j, 0, sizeof(j));
	p.base = base;
	p.asks = 1;
	j.offline = 1;
	db_call(rd, &j, probe_fn, probe_done, &p);
	wait_done(&p);
	CHECK_INT_EQ(p.runs, 2);
	CHECK_INT_EQ(p.done, 1);
	CHECK_INT_EQ(j.rc, 0);
	CHECK_INT_EQ(j.ask_primary, 0);
	db_stats(rd, &st);
	CHECK_INT_EQ(st.forwarded, 1);
	CHECK_INT_EQ(st.served, 0);
	db_stats(primary, &st);
	CHECK_INT_EQ(st.served, 1);

	/* The read database was unreachable just now: the next job goes to
	 * the primary without running there, and fails there as unavailable
	 * (the primary is unreachable too). */
	memset(&p, 0, sizeof(p));
	memset(&j, 0, sizeof(j));
	p.base = base;
	db_call(rd, &j, probe_fn, probe_done, &p);
	wait_done(&p);
	CHECK_INT_EQ(p.runs, 0);
	CHECK_INT_EQ(p.done, 1);
	CHECK_INT_EQ(j.rc, -1);
	CHECK_INT_EQ(j.unavailable, 1);
	CHECK(j.err != NULL && strstr(j.err, "not reachable") != NULL);
	free(j.err);
	db_stats(rd, &st);
	CHECK_INT_EQ(st.forwarded, 2);

	/* Without a fallback, ask_primary changes nothing. */
	alone = db_new(base, NOWHERE, 1, 1, 1000);
	memset(&p, 0, sizeof(p));
	memset(&j, 0, sizeof(j));
	p.base = base;
	p.asks = 1;
	j.offline = 1;
	db_call(alone, &j, probe_fn, probe_done, &p);
	wait_done(&p);
	CHECK_INT_EQ(p.runs, 1);
	CHECK_INT_EQ(p.done, 1);
	CHECK_INT_EQ(j.rc, 0);
	db_stats(alone, &st);
	CHECK_INT_EQ(st.forwarded, 0);
	CHECK_INT_EQ(st.served, 1);

	db_free(alone);
	db_free(rd);
	db_free(primary);
	event_base_free(base);
	return harness_done();
}
