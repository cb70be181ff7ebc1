/*
 * Database workers.  The event loop never blocks on PostgreSQL: it hands
 * jobs to a small pool of threads, each with its own connection, and gets
 * them back on the loop through a libevent event.
 *
 * Group commit: a worker that picks up a store job also takes every other
 * store job waiting in the queue (up to batch_max) and writes them in one
 * statement and one transaction, so one WAL flush serves all of them.  While
 * one batch commits, the next one gathers.
 */
#ifndef CORDON_DB_H
#define CORDON_DB_H

#include <stdbool.h>
#include <stdint.h>

#include <event2/event.h>
#include <libpq-fe.h>

#include "store.h"

enum db_job_kind {
	DB_JOB_STORE,	/* a screened declaration; batched */
	DB_JOB_CALL,	/* any function on a connection */
};

struct db_job;
typedef void (*db_done_cb)(struct db_job *);
/*
 * Runs on a worker with a working connection <c>.  When PostgreSQL cannot
 * be reached the job fails as unavailable without running, unless it is
 * marked <offline> (then <c> is NULL).
 */
typedef int (*db_call_fn)(PGconn *c, struct db_job *);

struct db_job {
	enum db_job_kind	 kind;
	struct store_item	 item;		/* DB_JOB_STORE */
	db_call_fn		 fn;		/* DB_JOB_CALL */
	db_done_cb		 done;		/* on the loop thread */
	void			*arg;
	int			 rc;		/* 0 or -1 */
	char			*err;		/* set with rc -1; owner frees */
	int			 unavailable;	/* failed because the DB is down */
	int			 offline;	/* DB_JOB_CALL runs without the DB too */
	int			 ask_primary;	/* set by <fn> on a read database
						   that may be behind: run the
						   job again on the primary */
	struct db_job		*next;
};

struct db_stats {
	uint64_t	batches, stored, max_batch, failures;
	uint64_t	served;		/* DB_JOB_CALL jobs answered here */
	uint64_t	forwarded;	/* read database: passed to the primary */
};

/* What the workers last saw of PostgreSQL, kept for /readyz. */
struct db_health {
	uint64_t	last_ok_ms, last_fail_ms;	/* monotonic; 0 never */
	uint64_t	stuck_ms;	/* the longest-running job's age */
	size_t		queued;
};

struct db;

/*
 * Starts <workers> threads on <dsn>.  Connections are made lazily, with
 * <deadline_ms> as their statement timeout (0: none).
 */
struct db	*db_new(struct event_base *, const char *dsn, int workers,
		    int batch_max, int deadline_ms);
/*
 * Makes <rd> a read database (read_db) that hands a job to <primary>
 * when it cannot answer it: <rd> unreachable (then for a few seconds
 * every job goes straight to <primary>), the query failed, or <fn> set
 * ask_primary.  <primary> must outlive <rd>: free <rd> first.
 */
void		 db_set_fallback(struct db *rd, struct db *primary);
/* Stops the workers after the queued jobs ran; their done callbacks run. */
void		 db_free(struct db *);
/* Queues <job>; its done callback runs later on the loop thread. */
void		 db_submit(struct db *, struct db_job *job);
/* Fills <job> as a DB_JOB_CALL of <fn> with <done> and <arg>, and queues it. */
void		 db_call(struct db *, struct db_job *job, db_call_fn fn,
		    db_done_cb done, void *arg);
/*
 * Takes <job> back if no worker has picked it up yet: true, and its done
 * callback will not run.  False if it is running or done.
 */
bool		 db_cancel(struct db *, struct db_job *job);
void		 db_set_batch_max(struct db *, int);
size_t		 db_pending(struct db *);
void		 db_stats(struct db *, struct db_stats *);
/* Kept state, read without waiting for any worker. */
void		 db_health(struct db *, struct db_health *);

#endif
