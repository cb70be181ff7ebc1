/*
 * Screening threads.  The event loop hands CPU work (parsing a declaration
 * and screening it) to a small pool and gets the finished job back on the
 * loop through one libevent event, the way db.c does for PostgreSQL.  The
 * loop itself only parses HTTP and replies, so one large declaration no
 * longer stops /healthz or anyone else's request.
 */
#ifndef CORDON_POOL_H
#define CORDON_POOL_H

#include <event2/event.h>

#include "match.h"
#include "snapshot.h"

struct pool;
struct pool_thread;
struct pool_job;

/* Runs on a screening thread; <t> lends a per-thread matcher scratch. */
typedef void (*pool_run_fn)(struct pool_job *, struct pool_thread *t);
/* Runs on the loop thread once the job ran. */
typedef void (*pool_done_fn)(struct pool_job *);

struct pool_job {
	pool_run_fn	 run;
	pool_done_fn	 done;
	void		*arg;
	struct pool_job	*next;
};

/* Starts <threads> screening threads on <base>'s loop. */
struct pool	*pool_new(struct event_base *base, int threads);
/* Runs the queued jobs, then stops the threads; done callbacks run. */
void		 pool_free(struct pool *);
/* Queues <job> (caller keeps it alive until its done callback). */
void		 pool_submit(struct pool *, struct pool_job *job);
/*
 * Queues <job> to run once on a screening thread with no done callback and
 * not counted as pending: its run function owns it (frees it).  Used to
 * free on a screening thread what screening allocated there.  After the
 * pool stopped, runs it at once on the caller's thread.
 */
void		 pool_submit_detached(struct pool *, struct pool_job *job);
/*
 * Like pool_submit_detached, but wakes no thread for <job>: it runs when a
 * thread finds no screening job waiting, or once the lazy jobs waiting
 * hold 1 MB (<bytes> each, as the caller counts them) or number 64, when
 * one thread is woken for them.  For freeing what a finished declaration
 * held; a large one goes through pool_submit_detached at once.
 */
void		 pool_submit_lazy(struct pool *, struct pool_job *job,
		    size_t bytes);
/* Jobs queued or running (detached ones not counted). */
size_t		 pool_pending(struct pool *);

/*
 * The thread's vectorscan scratch for <snap>'s matcher.  The thread keeps a
 * reference to the snapshot its scratch was made for, so that a later
 * snapshot at the same address cannot be mistaken for it; the reference is
 * dropped when a job brings another snapshot, or when the pool stops.
 */
struct match_scratch *pool_scratch(struct pool_thread *t,
		    struct snapshot *snap);

#endif
