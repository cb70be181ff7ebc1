/*
 * Rule quality figures: request periods and the tables cordonctl prints
 * from GET /v1/stats/entries and from backtests.  The figures themselves
 * are computed by PostgreSQL (store_rescreen.c) and by rescreen.c.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "stats.h"
#include "util.h"

int
stats_parse_days(const char *s, long *days)
{
	char *end;
	long n;

	if (s == NULL || !isdigit((unsigned char)*s))
		return -1;
	n = strtol(s, &end, 10);
	if (*end == 'd')
		end++;
	if (*end != '\0' || n < 1 || n > 3650)
		return -1;
	*days = n;
	return 0;
}

bool
stats_is_time(const char *s)
{
	int y, m, d;
	char tail;

	if (s == NULL)
		return false;
	if (util_is_rfc3339(s))
		return true;
	return strlen(s) == 10 && s[4] == '-' && s[7] == '-' &&
	    sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 &&
	    y >= 1970 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* An integer member, 0 when absent. */
static long long
num(json_t *o, const char *k)
{
	return (long long)json_integer_value(json_object_get(o, k));
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* "false_positive 2, released 3" from an object of counts, by name. */
static void
print_counts(json_t *o, FILE *fp)
{
	const char **keys, *k;
	json_t *v;
	size_t n = 0, i;

	keys = calloc(json_object_size(o) + 1, sizeof(*keys));
	if (keys == NULL)
		return;
	json_object_foreach(o, k, v)
		keys[n++] = k;
	qsort(keys, n, sizeof(*keys), str_cmp);
	for (i = 0; i < n; i++)
		fprintf(fp, "%s%s %lld", i ? ", " : "", keys[i], (long long)
		    json_integer_value(json_object_get(o, keys[i])));
	if (n == 0)
		fputs("-", fp);
	free(keys);
}

void
stats_entries_print(json_t *report, FILE *fp)
{
	json_t *e;
	size_t i;

	fprintf(fp, "alerts created from %s to %s\n",
	    json_string_value(json_object_get(report, "since")) ?: "?",
	    json_string_value(json_object_get(report, "until")) ?: "?");
	fprintf(fp, "%-28s %6s %6s %7s %7s %9s  %s\n", "list/entry", "hits",
	    "alerts", "decided", "fp", "median", "decisions");
	json_array_foreach(json_object_get(report, "entries"), i, e) {
		json_t *fp_share = json_object_get(e, "false_positive_share");
		json_t *med = json_object_get(e, "median_seconds_to_decision");
		char name[160], share[16], median[24];

		snprintf(name, sizeof(name), "%s/%s",
		    json_string_value(json_object_get(e, "list")) ?: "?",
		    json_string_value(json_object_get(e, "entry")) ?: "?");
		if (json_is_number(fp_share))
			snprintf(share, sizeof(share), "%.0f%%",
			    100.0 * json_number_value(fp_share));
		else
			snprintf(share, sizeof(share), "-");
		if (json_is_number(med))
			snprintf(median, sizeof(median), "%.0fs",
			    json_number_value(med));
		else
			snprintf(median, sizeof(median), "-");
		fprintf(fp, "%-28s %6lld %6lld %7lld %7s %9s  ", name,
		    num(e, "hits"), num(e, "alerts"), num(e, "decided"), share,
		    median);
		print_counts(json_object_get(e, "decisions"), fp);
		fputc('\n', fp);
	}
}

void
stats_backtest_print(json_t *report, FILE *fp)
{
	json_t *e;
	size_t i;

	fprintf(fp, "list version %s against %lld declarations stored from %s "
	    "to %s:\n%s\n",
	    json_string_value(json_object_get(report, "version")) ?: "?",
	    num(report, "declarations"),
	    json_string_value(json_object_get(report, "since")) ?: "?",
	    json_string_value(json_object_get(report, "until")) ?: "?",
	    json_string_value(json_object_get(report, "summary")) ?: "");
	if (json_array_size(json_object_get(report, "entries")) == 0)
		return;
	fprintf(fp, "%-28s %5s %8s  %s\n", "list/entry", "new", "removed",
	    "removed, as decided");
	json_array_foreach(json_object_get(report, "entries"), i, e) {
		char name[160];

		snprintf(name, sizeof(name), "%s/%s",
		    json_string_value(json_object_get(e, "list")) ?: "?",
		    json_string_value(json_object_get(e, "entry")) ?: "?");
		fprintf(fp, "%-28s %5lld %8lld  ", name, num(e, "new_alerts"),
		    num(e, "removed_alerts"));
		print_counts(json_object_get(e, "removed_by_outcome"), fp);
		fputc('\n', fp);
	}
}
