/*
 * Unit tests of the pure parts of re-screening (rescreen.c): hit keys, the
 * comparison of a new screening with a declaration's earlier hits, the
 * cause written on a rescreen alert; of stats.c: periods and the tables
 * cordonctl prints; and the origin words against schemas/0010.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rescreen.h"
#include "screen.h"
#include "stats.h"
#include "words.h"
#include "xmalloc.h"

#include "harness.h"

/* Adds a hit on <list>/<entry> to alert <a>; <role> NULL for goods. */
static void
hit(struct screen_alert *a, const char *list, const char *entry,
    const char *title, const char *role, const char *evidence)
{
	struct screen_hit h;

	memset(&h, 0, sizeof(h));
	h.list = (char *)list;
	h.entry = (char *)entry;
	h.title = (char *)title;
	h.role = (char *)role;
	h.party_evidence = (char *)evidence;
	h.similarity = NAN;
	screen_hits_add(&a->hits, &h);
}

static struct screen_result *
result(size_t nalerts)
{
	struct screen_result *r = xcalloc(1, sizeof(*r));

	r->alerts = xcalloc(nalerts, sizeof(*r->alerts));
	r->nalerts = nalerts;
	return r;
}

static void
test_key(void)
{
	struct screen_hit h;
	struct buf b;

	memset(&h, 0, sizeof(h));
	h.list = "fixture-chem";
	h.entry = "3B05";
	buf_init(&b);
	rescreen_hit_key(3, &h, &b);
	CHECK_STR_EQ(b.data, "3|fixture-chem|3B05");
	buf_reset(&b);
	h.list = "un-sc";
	h.entry = NULL;
	rescreen_hit_key(SCREEN_NONE, &h, &b);
	CHECK_STR_EQ(b.data, "-|un-sc|");
	buf_free(&b);
}

static void
test_compare(void)
{
	/* Earlier: X hit 1/E1; Y hit 2/E2; Z hit 1/E9 and 1/E1. */
	static const struct rescreen_prior p[] = {
		{ "X", "open", "", "1|L|E1" },
		{ "Y", "false_positive", "false_positive", "2|L|E2" },
		{ "Z", "held", "held", "1|L|E9" },
		{ "Z", "held", "held", "1|L|E1" },
		{ "W", "released", "released", "-|un-sc|KPe.001" },
	};
	struct screen_result *r = result(3);
	bool isnew[3];
	size_t gone[5], n;

	/* Now: item 1 still hits E1 (twice); the consignee hits KPe.071;
	 * item 2 hits E1, which item 2 never hit before. */
	r->alerts[0].item_seq = 1;
	hit(&r->alerts[0], "L", "E1", "Entry one", NULL, NULL);
	hit(&r->alerts[0], "L", "E1", "Entry one", NULL, NULL);
	r->alerts[1].item_seq = SCREEN_NONE;
	hit(&r->alerts[1], "un-sc", "KPe.071", "RYONGAKSAN", "consignee",
	    "{\"listed_on\":\"2026-11-20\"}");
	r->alerts[2].item_seq = 2;
	hit(&r->alerts[2], "L", "E1", "Entry one", NULL, NULL);
	n = rescreen_compare(r, p, 5, isnew, gone);
	CHECK(!isnew[0]);
	CHECK(isnew[1]);
	CHECK(isnew[2]);	/* the key holds the item */
	/* Y (2/E2 gone) and W (KPe.001 gone); Z keeps 1/E1, so it stays. */
	CHECK_INT_EQ(n, 2);
	CHECK_INT_EQ(gone[0], 1);
	CHECK_INT_EQ(gone[1], 4);
	/* Nothing earlier: everything is new, nothing gone. */
	CHECK_INT_EQ(rescreen_compare(r, p, 0, isnew, gone), 0);
	CHECK(isnew[0] && isnew[1] && isnew[2]);
	screen_result_free(r);
}

static void
test_cause(void)
{
	static const struct rescreen_prior p[] = {
		{ "X", "open", "", "1|L|E1" },
	};
	struct screen_result *r = result(2);
	char *c;

	r->alerts[0].item_seq = SCREEN_NONE;
	hit(&r->alerts[0], "un-sc", "KPe.071", "RYONGAKSAN", "consignee",
	    "{\"listed_on\":\"2026-11-20\"}");
	c = rescreen_cause(&r->alerts[0], p, 1, NULL);
	CHECK_STR_EQ(c, "consignee now matches un-sc KPe.071 (RYONGAKSAN), "
	    "listed 2026-11-20");
	free(c);
	/* Known hits are left out, a repeated entry is named once, and past
	 * three the rest are counted. */
	r->alerts[1].item_seq = 1;
	hit(&r->alerts[1], "L", "E1", "Entry one", NULL, NULL);
	hit(&r->alerts[1], "L", "E2", "Entry two", NULL, NULL);
	hit(&r->alerts[1], "L", "E2", "Entry two", NULL, NULL);
	hit(&r->alerts[1], "L", "E3", NULL, NULL, NULL);
	hit(&r->alerts[1], "L", "E4", "Entry four", NULL, NULL);
	hit(&r->alerts[1], "L", "E5", "Entry five", NULL, NULL);
	c = rescreen_cause(&r->alerts[1], p, 1, NULL);
	CHECK_STR_EQ(c, "item 1 now matches L E2 (Entry two); item 1 now "
	    "matches L E3; item 1 now matches L E4 (Entry four); and 1 more");
	free(c);
	screen_result_free(r);
}

static void
test_stats(void)
{
	long d = 0;
	char *text = NULL;
	size_t len = 0;
	FILE *fp;
	json_t *rep;

	CHECK(stats_parse_days("30d", &d) == 0 && d == 30);
	CHECK(stats_parse_days("7", &d) == 0 && d == 7);
	CHECK(stats_parse_days("0", &d) == -1);
	CHECK(stats_parse_days("3651", &d) == -1);
	CHECK(stats_parse_days("30h", &d) == -1);
	CHECK(stats_parse_days("-3", &d) == -1);
	CHECK(stats_parse_days("", &d) == -1);
	CHECK(stats_is_time("2026-11-20"));
	CHECK(stats_is_time("2026-11-20T10:00:00Z"));
	CHECK(!stats_is_time("2026-13-20"));
	CHECK(!stats_is_time("yesterday"));
	CHECK(!stats_is_time("2026-11-20; DROP"));

	rep = json_loads("{\"since\": \"S\", \"until\": \"U\", \"entries\": "
	    "[{\"list\": \"cwc\", \"entry\": \"2B13\", \"hits\": 9, \"alerts\": 5,"
	    " \"decided\": 4, \"decisions\": {\"released\": 1, "
	    "\"false_positive\": 3}, \"false_positive_share\": 0.75, "
	    "\"median_seconds_to_decision\": 90.4}]}", 0, NULL);
	if (!CHECK(rep != NULL) || !CHECK((fp = open_memstream(&text, &len)) !=
	    NULL))
		return;
	stats_entries_print(rep, fp);
	fclose(fp);
	CHECK(strstr(text, "cwc/2B13                          9      5       4"
	    "     75%       90s  false_positive 3, released 1\n") != NULL);
	free(text);
	json_decref(rep);
}

/* The origins of words.c are those of 0010's CHECK, and no other. */
static void
test_origins(void)
{
	const struct word_list *l = words_list("origins");
	char *path = harness_data_path("../../schemas/0010_rescreen.sql");
	char *sql = harness_read(path, NULL);
	const char *c;

	if (!CHECK(l != NULL && sql != NULL))
		return;
	c = strstr(sql, "CHECK (origin IN ('screen', 'rescreen'))");
	CHECK(c != NULL);
	CHECK_INT_EQ(l->n, 2);
	CHECK_STR_EQ(l->words[0], "screen");
	CHECK_STR_EQ(l->words[1], "rescreen");
	free(sql);
	free(path);
}

int
main(void)
{
	harness_init("test_rescreen");
	test_key();
	test_compare();
	test_cause();
	test_stats();
	test_origins();
	return harness_done();
}
