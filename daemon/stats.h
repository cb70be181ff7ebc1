/*
 * Rule quality: the period a statistics or backtest request names, and
 * the plain-text tables cordonctl prints from the reports (GET
 * /v1/stats/entries, backtests).  Pure: no I/O but the FILE it is given.
 */
#ifndef CORDON_STATS_H
#define CORDON_STATS_H

#include <stdbool.h>
#include <stdio.h>

#include <jansson.h>

/* Reads "30" or "30d" (1..3650 days) into *days; 0, or -1 if not that. */
int	 stats_parse_days(const char *s, long *days);
/* True for an RFC 3339 timestamp or a YYYY-MM-DD date. */
bool	 stats_is_time(const char *s);
/* The entries of a GET /v1/stats/entries answer as a table on <fp>. */
void	 stats_entries_print(json_t *report, FILE *fp);
/* A backtest report: its summary, then a table by entry, on <fp>. */
void	 stats_backtest_print(json_t *report, FILE *fp);

#endif
