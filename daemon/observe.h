/*
 * Histograms and event counters any thread may feed (observe.c); metrics.c
 * writes them into the Prometheus exposition.
 */
#ifndef CORDON_OBSERVE_H
#define CORDON_OBSERVE_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

struct screen_result;

/* Routes counted one by one; any beyond share the "(none)" row. */
#define OBSERVE_MAX_ROUTES	48

/* A monotonic clock in seconds, for the durations below. */
double	observe_now(void);
/* The index of <path>'s route in route.c's table, OBSERVE_MAX_ROUTES if none. */
size_t	observe_route(unsigned method, const char *path);
/*
 * A request's time runs from its complete arrival to its answer; a
 * screening's over parse, bounds and matching; a commit's over one group
 * commit of <declarations>; a reload's from its start to its outcome.
 */
void	observe_request(size_t route, double seconds);	/* observe_route's */
void	observe_screening(double seconds);
void	observe_commit(size_t declarations, double seconds);
void	observe_reload(bool ok, bool changed, bool unavailable, double seconds);
/* Counts the alerts of a stored result by category. */
void	observe_alerts(const struct screen_result *r);
/* Appends every histogram and counter family of this module to <b>. */
void	observe_write(struct buf *b);
/* The Prometheus text format's HELP and TYPE lines of a family, for
 * metrics.c too. */
void	observe_help(struct buf *b, const char *name, const char *type,
	    const char *text);
/* A label value with backslash, quote and newline escaped. */
void	observe_label(struct buf *b, const char *v);

#endif
