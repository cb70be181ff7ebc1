/*
 * Unit tests of screen.c, table-driven: the rule set in
 * tests/data/unit/screen/rules/ and one case per line of
 * tests/data/unit/screen/cases.ndjson,
 *
 *   {"name": ..., "declaration": {...}, "expect": {"verdict": ...,
 *    "alerts": [{"item_seq": 1, "entries": ["list/code", ...],
 *                "reasons": ["cas", "keyword", ...], "severity"?: ...,
 *                "score"?: N, "explanation_contains"?: "..."}],
 *    "findings"?: [{"item_seq": 1, "kind": ..., "field": ..., "value": ...}]}}
 *
 * Entries and reasons compare as sets.  Absent "findings" means none.  Every
 * hit of every case must also carry evidence that holds: its "match" is the
 * text of its "field" at its "span".
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "decl.h"
#include "match.h"
#include "rules.h"
#include "screen.h"
#include "util.h"

#include "harness.h"

/* Sorted, de-duplicated strings joined by ','; caller frees. */
static char *
set_join(const char **v, size_t n)
{
	struct buf b;
	size_t i, j;

	/* insertion sort: the sets have a handful of members */
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && strcmp(v[j - 1], v[j]) > 0; j--) {
			const char *t = v[j];

			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	buf_init(&b);
	for (i = 0; i < n; i++) {
		if (i > 0 && strcmp(v[i], v[i - 1]) == 0)
			continue;
		if (b.len > 0)
			buf_addc(&b, ',');
		buf_adds(&b, v[i]);
	}
	return buf_release(&b);
}

static char *
json_set(json_t *arr)
{
	const char *v[64];
	size_t i, n = 0;
	json_t *x;

	json_array_foreach(arr, i, x)
		if (n < 64)
			v[n++] = json_string_value(x);
	return set_join(v, n);
}

/* The text a hit's "field" names in <d>, or NULL. */
static const char *
field_text(const struct decl *d, const char *field)
{
	size_t ii, k;
	char tail[32];

	/* Route and party fields (embargo and party hits). */
	if (strcmp(field, "route.destination") == 0)
		return d->destination;
	if (strcmp(field, "route.dispatch") == 0)
		return d->dispatch;
	if (sscanf(field, "route.transit[%zu]", &k) == 1)
		return k < d->ntransit ? d->transit[k] : NULL;
	if (sscanf(field, "parties[%zu].%31s", &k, tail) == 2 && k < d->nparties)
		return strcmp(tail, "country") == 0 ? d->parties[k].country :
		    strcmp(tail, "name") == 0 ? d->parties[k].name : NULL;
	if (sscanf(field, "items[%zu].%31s", &ii, tail) != 2 || ii >= d->nitems)
		return NULL;
	if (strcmp(tail, "description") == 0)
		return d->items[ii].description;
	if (strcmp(tail, "hs_code") == 0)
		return d->items[ii].hs_raw;
	if (sscanf(tail, "cas[%zu]", &k) == 1 && k < d->items[ii].ncas)
		return d->items[ii].cas[k];
	return NULL;
}

/* Every hit's evidence is where it says it is. */
static void
check_evidence(const struct decl *d, json_t *alert)
{
	json_t *h;
	size_t i;

	json_array_foreach(json_object_get(alert, "hits"), i, h) {
		const char *field = json_string_value(json_object_get(h, "field"));
		const char *match = json_string_value(json_object_get(h, "match"));
		json_t *span = json_object_get(h, "span");
		const char *text = field ? field_text(d, field) : NULL;
		json_int_t a, b;

		if (!CHECK(text != NULL && match != NULL &&
		    json_array_size(span) == 2))
			continue;
		a = json_integer_value(json_array_get(span, 0));
		b = json_integer_value(json_array_get(span, 1));
		if (CHECK(a >= 0 && a <= b && b <= (json_int_t)strlen(text))) {
			CHECK_INT_EQ(strlen(match), b - a);
			CHECK(strncmp(text + a, match, (size_t)(b - a)) == 0);
		}
		CHECK(json_string_length(json_object_get(h, "explanation")) > 0);
		CHECK(json_is_string(json_object_get(h, "rule")));
	}
}

static int
explanation_has(json_t *alert, const char *needle)
{
	json_t *h;
	size_t i;

	json_array_foreach(json_object_get(alert, "hits"), i, h)
		if (strstr(json_string_value(json_object_get(h, "explanation")),
		    needle) != NULL)
			return 1;
	return 0;
}

static void
check_alert(const struct decl *d, json_t *got, json_t *want)
{
	const char *entries[64], *reasons[64];
	size_t i, ne = 0, nr = 0;
	json_t *h, *x;
	char *ge, *gr, *we, *wr;

	CHECK_INT_EQ(json_integer_value(json_object_get(got, "item_seq")),
	    json_integer_value(json_object_get(want, "item_seq")));
	json_array_foreach(json_object_get(got, "hits"), i, h) {
		char *e;

		if (ne == 64)
			break;
		if (asprintf(&e, "%s/%s",
		    json_string_value(json_object_get(h, "list")),
		    json_string_value(json_object_get(h, "entry"))) == -1)
			exit(2);
		entries[ne++] = e;
		reasons[nr++] = json_string_value(json_object_get(h, "reason"));
	}
	ge = set_join(entries, ne);
	gr = set_join(reasons, nr);
	we = json_set(json_object_get(want, "entries"));
	wr = json_set(json_object_get(want, "reasons"));
	CHECK_STR_EQ(ge, we);
	CHECK_STR_EQ(gr, wr);
	if ((x = json_object_get(want, "severity")) != NULL)
		CHECK_STR_EQ(json_string_value(json_object_get(got, "severity")),
		    json_string_value(x));
	if ((x = json_object_get(want, "score")) != NULL)
		CHECK_INT_EQ(json_integer_value(json_object_get(got, "score")),
		    json_integer_value(x));
	if ((x = json_object_get(want, "explanation_contains")) != NULL)
		CHECK(explanation_has(got, json_string_value(x)));
	check_evidence(d, got);
	for (i = 0; i < ne; i++)
		free((char *)entries[i]);
	free(ge);
	free(gr);
	free(we);
	free(wr);
}

static void
check_findings(json_t *got, json_t *want)
{
	json_t *g, *w;
	size_t i;

	if (want == NULL) {
		CHECK_INT_EQ(json_array_size(got), 0);
		return;
	}
	if (!CHECK_INT_EQ(json_array_size(got), json_array_size(want)))
		return;
	json_array_foreach(want, i, w) {
		static const char *keys[] = { "kind", "field", "value" };
		size_t k;

		g = json_array_get(got, i);
		CHECK_INT_EQ(json_integer_value(json_object_get(g, "item_seq")),
		    json_integer_value(json_object_get(w, "item_seq")));
		for (k = 0; k < 3; k++)
			if (json_object_get(w, keys[k]) != NULL)
				CHECK_STR_EQ(json_string_value(json_object_get(g,
				    keys[k])), json_string_value(json_object_get(w,
				    keys[k])));
		CHECK(json_is_string(json_object_get(g, "message")));
	}
}

static void
run_case(const struct matcher *m, struct match_scratch *sc, json_t *c,
    size_t lineno)
{
	json_t *want = json_object_get(c, "expect"), *res, *err = NULL;
	json_t *galerts, *walerts, *a;
	const char *name = json_string_value(json_object_get(c, "name"));
	struct decl *d;
	int status = 0;
	size_t i;

	harness_context("cases.ndjson:%zu %s", lineno, name ? name : "?");
	d = decl_from_json(json_object_get(c, "declaration"), &err, &status);
	if (!CHECK(d != NULL)) {
		json_decref(err);
		return;
	}
	res = screen_decl(m, sc, d, "v-test");
	if (!CHECK(res != NULL)) {
		decl_free(d);
		return;
	}
	CHECK_STR_EQ(json_string_value(json_object_get(res, "verdict")),
	    json_string_value(json_object_get(want, "verdict")));
	CHECK_STR_EQ(json_string_value(json_object_get(res, "reference")),
	    d->reference);
	CHECK_STR_EQ(json_string_value(json_object_get(res, "list_version")),
	    "v-test");
	galerts = json_object_get(res, "alerts");
	walerts = json_object_get(want, "alerts");
	if (CHECK_INT_EQ(json_array_size(galerts), json_array_size(walerts)))
		json_array_foreach(walerts, i, a)
			check_alert(d, json_array_get(galerts, i), a);
	check_findings(json_object_get(res, "findings"),
	    json_object_get(want, "findings"));
	json_decref(res);
	decl_free(d);
}

static void
test_cases(const struct matcher *m)
{
	char *path = harness_data_path("unit/screen/cases.ndjson");
	char *data = harness_read(path, NULL), *line, *save = NULL;
	size_t lineno = 0, ncases = 0;

	for (line = strtok_r(data, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		json_error_t jerr;
		json_t *c;

		lineno++;
		if ((c = json_loads(line, 0, &jerr)) == NULL) {
			harness_context("cases.ndjson:%zu", lineno);
			CHECK(!"case line is not JSON");
			continue;
		}
		run_case(m, NULL, c, lineno);
		ncases++;
		json_decref(c);
	}
	harness_context(NULL);
	CHECK(ncases >= 20);
	free(data);
	free(path);
}

/* A second scratch (another thread's) gives the same result. */
static void
test_scratch_and_ids(const struct matcher *m)
{
	static const char j[] = "{\"reference\": \"R\", \"type\": \"export\","
	    " \"items\": [{\"seq\": 7, \"hs_code\": \"2812.12\","
	    " \"description\": \"Phosphorus oxychloride\"},"
	    " {\"seq\": 8, \"hs_code\": \"2811.11\", \"description\": "
	    "\"Hydrogen fluoride\"}]}";
	struct match_scratch *sc = match_scratch_new(m);
	json_t *err = NULL, *r1, *r2, *a;
	int status;
	struct decl *d = decl_parse(j, strlen(j), &err, &status);
	const char *id0, *id1, *id2;
	char *s1, *s2;

	if (!CHECK(d != NULL))
		return;
	r1 = screen_decl(m, NULL, d, NULL);
	r2 = screen_decl(m, sc, d, NULL);
	s1 = json_dumps(r1, JSON_SORT_KEYS);
	s2 = json_dumps(r2, JSON_SORT_KEYS);
	CHECK_STR_EQ(s1, s2);
	CHECK_STR_EQ(json_string_value(json_object_get(r1, "list_version")), "");
	CHECK_INT_EQ(json_array_size(json_object_get(r1, "alerts")), 2);
	CHECK(json_object_get(r1, "id") == NULL);

	screen_assign_ids(r1);
	a = json_object_get(r1, "alerts");
	id0 = json_string_value(json_object_get(r1, "id"));
	id1 = json_string_value(json_object_get(json_array_get(a, 0), "id"));
	id2 = json_string_value(json_object_get(json_array_get(a, 1), "id"));
	CHECK(id0 && id1 && id2 && strlen(id0) == 36 && strlen(id1) == 36);
	CHECK(id0 && id1 && id2 && strcmp(id0, id1) != 0 &&
	    strcmp(id1, id2) != 0);
	/* The evidence of the first alert, field by field. */
	{
		json_t *h = json_array_get(json_object_get(json_array_get(a, 0),
		    "hits"), 0);

		CHECK_STR_EQ(json_string_value(json_object_get(h, "rule")),
		    "t-chem/C01/keyword");
		CHECK_STR_EQ(json_string_value(json_object_get(h, "category")),
		    "chemical");
		CHECK_STR_EQ(json_string_value(json_object_get(h, "title")),
		    "Phosphorus oxychloride");
		CHECK_STR_EQ(json_string_value(json_object_get(h, "field")),
		    "items[0].description");
		CHECK_STR_EQ(json_string_value(json_object_get(h, "match")),
		    "Phosphorus oxychloride");
	}
	free(s1);
	free(s2);
	json_decref(r1);
	json_decref(r2);
	decl_free(d);
	match_scratch_free(sc);
}

int
main(void)
{
	char *dir;
	struct ruleset *rs;
	struct matcher *m;
	struct buf errs;

	harness_init("test_screen");
	dir = harness_data_path("unit/screen/rules");
	rs = rules_new();
	buf_init(&errs);
	if (!CHECK_INT_EQ(rules_load_dir(rs, dir, &errs), 0) ||
	    !CHECK_INT_EQ(rules_finish(rs, &errs), 0)) {
		printf("# %s", errs.data ? errs.data : "");
		return harness_done();
	}
	m = match_new(rs);
	if (!CHECK_INT_EQ(match_prepare(m, &errs), 0)) {
		printf("# %s", errs.data ? errs.data : "");
		return harness_done();
	}
	test_cases(m);
	test_scratch_and_ids(m);
	match_free(m);
	rules_free(rs);
	buf_free(&errs);
	free(dir);
	return harness_done();
}
