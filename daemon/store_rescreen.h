/*
 * The SQL of re-screening, backtests and rule-quality statistics
 * (schemas/0010_rescreen.sql).  Like store.h: synchronous on a connection
 * owned by the caller, domain outcomes only, *errp (caller frees) on
 * failure.
 */
#ifndef CORDON_STORE_RESCREEN_H
#define CORDON_STORE_RESCREEN_H

#include <stdbool.h>

#include <jansson.h>
#include <libpq-fe.h>

/* The advisory lock key that makes one cordond the re-screener. */
#define STORE_RESCREEN_LOCK	"84710"

/* One activation's re-screening run, as stored. */
struct rescreen_run {
	long long	 id;
	char		 version[128];
	char		 status[16];	/* running, finished, superseded */
	char		 since[48];	/* timestamptz text */
	char		 last_at[48];	/* "" before the first declaration */
	char		 last_id[37];
	long long	 total, done, raised, notes;
};

/*
 * Under the re-screening lock: the run of the active version's activation,
 * made if missing (declarations of the <days> days before the activation
 * that another version screened are counted); runs of earlier activations
 * still running are marked superseded.  Returns 1 with *run, 0 when no
 * version is active, -1 on a database error.
 */
int	 store_rescreen_current(PGconn *, long days, struct rescreen_run *run,
	    char **errp);
/*
 * Up to <limit> stored declarations, oldest first, created at or after
 * <since> and before <until> (NULL: no bound), after (<last_at>,
 * <last_id>) ("" for the start), and not screened by <skip_version> (NULL:
 * all).  Columns: id, created_at, body.  The caller clears the result;
 * NULL with *errp on failure.
 */
PGresult *store_rescreen_next(PGconn *, const char *since, const char *until,
	    const char *last_at, const char *last_id, const char *skip_version,
	    int limit, char **errp);
/*
 * Every hit of every alert of the declarations <ids> (a PostgreSQL array
 * literal of uuids), one row each: declaration_id, alert_id, status,
 * decision ("" if none), key ("<item_seq or ->|<list>|<entry>").
 */
PGresult *store_rescreen_prior(PGconn *, const char *ids, char **errp);
/*
 * Stores one re-screened batch of run <run> in one transaction: <alerts>
 * (new alerts: id, declaration_id, item_seq, severity, score, category,
 * hits, fingerprint, entries, cause) with origin `rescreen`, an audit row
 * each; <notes> ({alert_id, text}) as audited notes on existing alerts; and
 * the run's cursor and counters.  Returns 0, 1 if the run is no longer
 * running (nothing written), -1 on a database error.
 */
int	 store_rescreen_commit(PGconn *, const struct rescreen_run *run,
	    json_t *alerts, json_t *notes, const char *last_at,
	    const char *last_id, long long done, const char *worker,
	    char **errp);
/*
 * The window of a backtest: <since> (now less <days> days) and <until>
 * (now) as timestamps, and how many declarations it holds.  0 or -1.
 */
int	 store_backtest_window(PGconn *, long days, char since[48],
	    char until[48], long long *total, char **errp);
/* Marks run <id> finished (when it is still running); 0 or -1. */
int	 store_rescreen_finish(PGconn *, long long id, char **errp);
/*
 * The newest run as JSON ({run, version, status, done, total,
 * alerts_raised, notes_added, since, started_at, updated_at,
 * finished_at}), json_null() when there is none, NULL on error.
 */
json_t	*store_rescreen_status(PGconn *, char **errp);

/*
 * Per list entry over alerts created in [<since>, <until>) (timestamps as
 * text; <since> NULL: <days> days ago; <until> NULL: now): hits, alerts,
 * decisions by outcome, the false-positive share of the decided ones and
 * the median time to decision in seconds.  {"since", "until", "entries":
 * [...]}; NULL on error.
 */
json_t	*store_stats_entries(PGconn *, const char *since, const char *until,
	    long days, char **errp);

#endif
