/*
 * Re-screening and backtests.  When a list version becomes active, one
 * cordond (the one holding a PostgreSQL advisory lock) screens the
 * declarations stored in the last rescreen_days again against it, on a
 * thread of its own, in batches and at a bounded pace, and raises an alert
 * of origin `rescreen` for every hit the earlier screening did not have.
 * A backtest screens the same declarations against a version that is not
 * active and reports the difference, writing nothing.
 */
#ifndef CORDON_RESCREEN_H
#define CORDON_RESCREEN_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>
#include <libpq-fe.h>

#include "rules.h"
#include "screen.h"
#include "snapshot.h"
#include "util.h"

/* ---- the comparison (pure) ---------------------------------------------- */

/* One earlier hit of a declaration (all borrowed). */
struct rescreen_prior {
	const char	*alert_id;
	const char	*status;	/* the alert's */
	const char	*decision;	/* "" when not decided */
	const char	*key;		/* rescreen_hit_key() of the hit */
};

/*
 * What identifies a hit across screenings: "<item_seq>|<list>|<entry>",
 * "-" for a declaration-level hit.  Appended to <b>.
 */
void	 rescreen_hit_key(int item_seq, const struct screen_hit *h,
	    struct buf *b);
/*
 * Compares the new screening <r> of a declaration with its earlier hits
 * <p> (<np> rows, those of one alert adjacent).  isnew[i] (one per alert
 * of r) says whether alert i has a hit none of <p> has.  gone receives, per
 * earlier alert none of whose hits r has, the index in <p> of its first
 * row (room for <np>); returns how many.
 */
size_t	 rescreen_compare(const struct screen_result *r,
	    const struct rescreen_prior *p, size_t np, bool *isnew,
	    size_t *gone);
/*
 * Why alert <a> is new, in officers' words: "consignee now matches un-sc
 * KPe.071 (NAME), listed 2026-11-20", one clause per new hit (three at
 * most, then how many more).  <rs> gives list dates.  Caller frees.
 */
char	*rescreen_cause(const struct screen_alert *a,
	    const struct rescreen_prior *p, size_t np,
	    const struct ruleset *rs);

/* ---- backtest ---------------------------------------------------------- */

struct backtest_progress {
	void	(*fn)(size_t done, size_t total, void *arg);
	void	 *arg;
	volatile bool *stop;		/* may be NULL */
};

/*
 * Screens the declarations stored in the last <days> days against <cand>
 * and compares with the alerts stored for them.  Read-only.  Returns the
 * report ({version, since, until, declarations, new_alerts,
 * removed_alerts, removed_by_outcome, entries: [...], summary}) or NULL
 * with *errp.  <pr> may be NULL.
 */
json_t	*rescreen_backtest(PGconn *c, struct snapshot *cand, long days,
	    double party_threshold, const struct backtest_progress *pr,
	    char **errp);

/* ---- in cordond ---------------------------------------------------------- */

struct conf;

/*
 * Starts the re-screening thread with the settings of <cf> (copied): not
 * with a rules directory, nor with rescreen_days 0.
 */
void	 rescreen_start(const struct conf *cf);
/* The loop published <s>; the thread re-screens against it if it is the
 * active version's (a reference is taken). */
void	 rescreen_offer(struct snapshot *s);
/* Stops the thread and the backtests and waits for them. */
void	 rescreen_stop(void);
/* Progress of the newest run, as last read (new reference; json_null()). */
json_t	*rescreen_progress(void);

/*
 * Starts a backtest of <version> over <days> days on a thread of its own.
 * Returns its id (> 0), or 0 when one is already running (*errp says).
 */
long	 rescreen_backtest_start(const struct conf *cf, const char *version,
	    long days, char **errp);
/* The backtest <id>: status, progress, report; NULL if unknown. */
json_t	*rescreen_backtest_get(long id);

#endif
