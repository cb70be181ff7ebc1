/*
 * The queue's CSV export and filter checks.  The export is what an officer
 * opens in a spreadsheet, so it says the same as the console's columns and
 * never lets a declared name be read as a formula.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "queue.h"
#include "util.h"
#include "words.h"
#include "xmalloc.h"

/* The columns, in order: header and the alert member they come from. */
static const char *const columns[] = {
	"id", "reference", "severity", "score", "category", "status",
	"claimed_by", "decision", "decided_by", "approved_by", "submitter",
	"dispatch", "destination", "consignee", "consignee_country",
	"item_seq", "entries", "created_at",
};
#define NCOLUMNS	(sizeof(columns) / sizeof(columns[0]))

static void	csv_cell(struct buf *, const char *);
static char	*entries_text(json_t *hits);

static void
csv_cell(struct buf *b, const char *s)
{
	const char *p;

	bool formula;

	if (s == NULL)
		return;
	/* strchr() would find the terminator of "=+-@" for an empty cell. */
	formula = s[0] != '\0' && strchr("=+-@", s[0]) != NULL;
	if (strpbrk(s, ",\"\r\n") == NULL && !formula) {
		buf_add(b, s, strlen(s));
		return;
	}
	buf_add(b, "\"", 1);
	if (formula)
		buf_add(b, "'", 1);
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			buf_add(b, "\"", 1);
		buf_add(b, p, 1);
	}
	buf_add(b, "\"", 1);
}

/* "list/entry" of every hit, each once, space-separated; caller frees. */
static char *
entries_text(json_t *hits)
{
	struct buf b;
	json_t *h, *seen = json_object();
	size_t i;
	char one[256];

	buf_init(&b);
	json_array_foreach(hits, i, h) {
		const char *l = json_string_value(json_object_get(h, "list"));
		const char *e = json_string_value(json_object_get(h, "entry"));

		if (l == NULL || e == NULL)
			continue;
		snprintf(one, sizeof(one), "%s/%s", l, e);
		if (json_object_get(seen, one) != NULL)
			continue;	/* hits repeat an entry */
		json_object_set_new(seen, one, json_true());
		if (b.len > 0)
			buf_addc(&b, ' ');
		buf_adds(&b, one);
	}
	json_decref(seen);
	return buf_release(&b);
}

char *
queue_csv(json_t *alerts)
{
	struct buf b;
	json_t *a;
	size_t i, k;

	buf_init(&b);
	for (k = 0; k < NCOLUMNS; k++) {
		if (k > 0)
			buf_add(&b, ",", 1);
		buf_add(&b, columns[k], strlen(columns[k]));
	}
	buf_add(&b, "\r\n", 2);
	json_array_foreach(alerts, i, a) {
		for (k = 0; k < NCOLUMNS; k++) {
			json_t *v = json_object_get(a, columns[k]);
			char num[32];

			if (k > 0)
				buf_add(&b, ",", 1);
			if (strcmp(columns[k], "entries") == 0) {
				char *t = entries_text(json_object_get(a, "hits"));

				csv_cell(&b, t);
				free(t);
			} else if (json_is_integer(v)) {
				snprintf(num, sizeof(num), "%lld",
				    (long long)json_integer_value(v));
				csv_cell(&b, num);
			} else
				csv_cell(&b, json_string_value(v));
		}
		buf_add(&b, "\r\n", 2);
	}
	return buf_release(&b);
}

bool
queue_is_country(const char *s)
{
	return s != NULL && strlen(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' &&
	    s[1] >= 'A' && s[1] <= 'Z';
}

bool
queue_is_date(const char *s)
{
	static const int mdays[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30,
		31, 30, 31 };
	int y, m, d;
	char tail;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    strspn(s, "0123456789-") != 10 ||
	    sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
		return false;
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return false;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) ||
	    y % 400 == 0))
		return false;
	return true;
}

bool
queue_is_status_list(const char *s)
{
	char *copy, *save = NULL, *w;
	bool ok = true;
	int seen[ALERT_STATUS_COUNT_] = { 0 };

	if (s == NULL || *s == '\0')
		return false;
	copy = xstrdup(s);
	if (s[strlen(s) - 1] == ',' || s[0] == ',' || strstr(s, ",,") != NULL)
		ok = false;
	for (w = strtok_r(copy, ",", &save); ok && w != NULL;
	    w = strtok_r(NULL, ",", &save)) {
		int i = words_index("statuses", w);

		if (i < 0 || seen[i]++)
			ok = false;
	}
	free(copy);
	return ok;
}
