/*
 * Amendments and cancellations without a database: the contract's
 * "function" field (JSON and WCO), the words held to migration 0008's
 * CHECK lists, the parts of store_amend.c that need no connection (the
 * answer's version fields, the raw body as JSON, what an original sent
 * again after a conflict comes to), and the histograms of
 * observe.c as Prometheus reads them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "decl.h"
#include "harness.h"
#include "observe.h"
#include "store.h"
#include "store_amend.h"
#include "wco.h"
#include "words.h"

static struct decl *
parse(const char *json, int *status, json_t **err)
{
	*err = NULL;
	*status = 0;
	return decl_parse(json, strlen(json), err, status);
}

/* True if one of <err>'s errors names <field>. */
static bool
names_field(json_t *err, const char *field)
{
	json_t *e;
	size_t i;

	json_array_foreach(json_object_get(err, "errors"), i, e)
		if (strcmp(json_string_value(json_object_get(e, "field")),
		    field) == 0)
			return true;
	return false;
}

static void
test_json_function(void)
{
	static const char item[] = "\"items\":[{\"seq\":1,\"hs_code\":\"9301.90\","
	    "\"description\":\"rifles\"}]";
	char buf[512];
	struct decl *d;
	json_t *err;
	int status;

	snprintf(buf, sizeof(buf), "{\"reference\":\"A\",\"type\":\"export\",%s}",
	    item);
	d = parse(buf, &status, &err);
	CHECK(d != NULL && d->function == DECL_FUNCTION_ORIGINAL);
	decl_free(d);

	snprintf(buf, sizeof(buf), "{\"reference\":\"A\",\"type\":\"export\","
	    "\"function\":\"amendment\",%s}", item);
	d = parse(buf, &status, &err);
	CHECK(d != NULL && d->function == DECL_FUNCTION_AMENDMENT);
	decl_free(d);

	/* An amendment is a whole declaration: its goods are required. */
	d = parse("{\"reference\":\"A\",\"type\":\"export\",\"function\":"
	    "\"amendment\"}", &status, &err);
	CHECK(d == NULL && status == 422 && names_field(err, "items"));
	json_decref(err);

	/* A cancellation names the reference and nothing else. */
	d = parse("{\"reference\":\"A\",\"function\":\"cancellation\"}",
	    &status, &err);
	CHECK(d != NULL && d->function == DECL_FUNCTION_CANCELLATION &&
	    d->nitems == 0 && d->type == NULL);
	decl_free(d);
	d = parse("{\"function\":\"cancellation\"}", &status, &err);
	CHECK(d == NULL && status == 422 && names_field(err, "reference"));
	json_decref(err);

	/* Another word, or not a string, is a contract violation. */
	d = parse("{\"reference\":\"A\",\"function\":\"withdrawal\"}", &status,
	    &err);
	CHECK(d == NULL && status == 422 && names_field(err, "function"));
	json_decref(err);
	snprintf(buf, sizeof(buf), "{\"reference\":\"A\",\"type\":\"export\","
	    "\"function\":13,%s}", item);
	d = parse(buf, &status, &err);
	CHECK(d == NULL && status == 422 && names_field(err, "function"));
	json_decref(err);
}

/* A WCO message's function code becomes the contract's "function". */
static void
test_wco_function(void)
{
	static const struct {
		const char	*file;
		enum decl_function want;
	} t[] = {
		{ "TT_IM011a__TT_IM011a.xml", DECL_FUNCTION_ORIGINAL },
		{ "TT_IM011a__TT_IM011a_Amendment.xml", DECL_FUNCTION_AMENDMENT },
		{ "TT_IM011a__TT_IM011a_Cancellation.xml",
		    DECL_FUNCTION_CANCELLATION },
	};
	size_t i, len;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		char rel[256], *path, *data;
		struct decl *d;
		json_t *err = NULL;
		int status = 0;

		harness_context("%s", t[i].file);
		snprintf(rel, sizeof(rel), "wco/hmrc/declarations/%s", t[i].file);
		path = harness_data_path(rel);
		data = harness_read(path, &len);
		d = wco_parse(data, len, &err, &status);
		if (CHECK(d != NULL)) {
			CHECK_INT_EQ(d->function, t[i].want);
			CHECK_STR_EQ(json_string_value(json_object_get(d->raw,
			    "function")), words_function(t[i].want));
		}
		decl_free(d);
		json_decref(err);
		free(data);
		free(path);
	}
	harness_context(NULL);
}

/* Every word of a list is in 0008's CHECK constraint, and no other. */
static void
test_words_migration(void)
{
	static const struct {
		const char *list, *constraint;
	} t[] = {
		{ "functions", "declarations_function_word" },
		{ "states", "declarations_state_word" },
		{ "closed_reasons", "alerts_closed_reason_word" },
	};
	char *path = harness_data_path("../../schemas/0008_amendments.sql");
	char *sql = harness_read(path, NULL);
	size_t i, k;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		const struct word_list *l = words_list(t[i].list);
		char *c = strstr(sql, t[i].constraint), *open, *close, *p;
		size_t quoted = 0;

		harness_context("%s", t[i].list);
		if (!CHECK(l != NULL && c != NULL))
			continue;
		open = strstr(c, "IN (");
		close = open ? strchr(open, ')') : NULL;
		if (!CHECK(open != NULL && close != NULL))
			continue;
		for (p = open; p < close; p++)
			if (*p == '\'')
				quoted++;
		CHECK_INT_EQ(quoted, 2 * l->n);
		for (k = 0; k < l->n; k++) {
			char w[64];

			snprintf(w, sizeof(w), "'%s'", l->words[k]);
			p = strstr(open, w);
			CHECK(p != NULL && p < close);
		}
	}
	harness_context(NULL);
	CHECK_STR_EQ(words_state(DECL_STATE_SUPERSEDED), "superseded");
	CHECK_INT_EQ(words_index("functions", "cancellation"),
	    DECL_FUNCTION_CANCELLATION);
	free(sql);
	free(path);
}

static void
test_annotate_and_raw(void)
{
	struct store_item it;
	struct decl d;
	struct buf b;
	json_t *j;

	memset(&it, 0, sizeof(it));
	memset(&d, 0, sizeof(d));
	it.decl = &d;
	buf_init(&b);
	buf_adds(&b, "{\"id\":\"x\",\"alerts\":[]}");
	/* An original: nothing added. */
	d.function = DECL_FUNCTION_ORIGINAL;
	it.version = 1;
	store_amend_annotate(&b, &it);
	CHECK_STR_EQ(b.data, "{\"id\":\"x\",\"alerts\":[]}");
	/* An amendment of a reference never received: version 1, no link. */
	d.function = DECL_FUNCTION_AMENDMENT;
	store_amend_annotate(&b, &it);
	CHECK_STR_EQ(b.data, "{\"id\":\"x\",\"alerts\":[],\"function\":"
	    "\"amendment\",\"version\":1,\"supersedes\":null}");
	buf_reset(&b);
	buf_adds(&b, "{\"id\":\"x\",\"alerts\":[]}");
	it.version = 3;
	snprintf(it.supersedes, sizeof(it.supersedes), "%s",
	    "01a22803-983a-7580-8817-7ab478bffac4");
	store_amend_annotate(&b, &it);
	j = json_loads(b.data, 0, NULL);
	CHECK(j != NULL);
	CHECK_INT_EQ(json_integer_value(json_object_get(j, "version")), 3);
	CHECK_STR_EQ(json_string_value(json_object_get(j, "supersedes")),
	    it.supersedes);
	CHECK_STR_EQ(json_string_value(json_object_get(j, "function")),
	    "amendment");
	json_decref(j);
	buf_free(&b);

	/* "<a>é</a>" in UTF-8, then the same in Latin-1 (not UTF-8). */
	j = store_raw_body_json("3c613ec3a93c2f613e");
	CHECK_STR_EQ(json_string_value(json_object_get(j, "encoding")), "utf-8");
	CHECK_STR_EQ(json_string_value(json_object_get(j, "text")),
	    "<a>\xc3\xa9</a>");
	json_decref(j);
	j = store_raw_body_json("3c613ee93c2f613e");
	CHECK_STR_EQ(json_string_value(json_object_get(j, "encoding")), "hex");
	CHECK_STR_EQ(json_string_value(json_object_get(j, "text")),
	    "3c613ee93c2f613e");
	json_decref(j);
}

/*
 * An original sent again after a conflict (store_amend_late): a late
 * original only when its reference began with an amendment and is not
 * cancelled; the annotation of its answer.
 */
static void
test_late_original(void)
{
	static const struct {
		int		 first_version;
		const char	*first_function, *latest_state;
		enum store_late	 want;
	} t[] = {
		{ 1, "amendment", "current", STORE_LATE_STORE },
		{ 1, "amendment", "superseded", STORE_LATE_STORE },
		/* The reference's own original: another body, a conflict. */
		{ 1, "original", "current", STORE_LATE_CONFLICT },
		{ 1, "original", "superseded", STORE_LATE_CONFLICT },
		/* A late original is stored already (other bytes). */
		{ 0, "original", "current", STORE_LATE_CONFLICT },
		/* Cancelled: recorded first, or after the amendment. */
		{ 1, "cancellation", "cancelled", STORE_LATE_CLOSED },
		{ 1, "amendment", "cancelled", STORE_LATE_CLOSED },
		{ 0, "original", "cancelled", STORE_LATE_CLOSED },
		/* Rows dropped by retention: the reference stays taken. */
		{ -1, NULL, NULL, STORE_LATE_CONFLICT },
		/* Version 1 gone, a later amendment first: not known to be
		 * without its original. */
		{ 2, "amendment", "current", STORE_LATE_CONFLICT },
	};
	struct store_item it;
	struct decl d;
	struct buf b;
	json_t *j;
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		harness_context("late #%zu", i);
		CHECK_INT_EQ(store_amend_late(t[i].first_version,
		    t[i].first_function, t[i].latest_state), t[i].want);
	}
	harness_context(NULL);

	memset(&it, 0, sizeof(it));
	memset(&d, 0, sizeof(d));
	it.decl = &d;
	d.function = DECL_FUNCTION_ORIGINAL;
	buf_init(&b);
	buf_adds(&b, "{\"id\":\"x\",\"alerts\":[]}");
	/* Sent again, but not (yet) decided late: nothing added. */
	it.late_original = true;
	it.version = 1;
	store_amend_annotate(&b, &it);
	CHECK_STR_EQ(b.data, "{\"id\":\"x\",\"alerts\":[]}");
	it.version = 0;
	snprintf(it.target_id, sizeof(it.target_id), "%s",
	    "01a22803-983a-7580-8817-7ab478bffac4");
	store_amend_annotate(&b, &it);
	j = json_loads(b.data, 0, NULL);
	if (CHECK(j != NULL)) {
		CHECK_INT_EQ(json_integer_value(json_object_get(j, "version")),
		    0);
		CHECK_STR_EQ(json_string_value(json_object_get(j, "function")),
		    "original");
		CHECK_STR_EQ(json_string_value(json_object_get(j, "state")),
		    "superseded");
		CHECK_STR_EQ(json_string_value(json_object_get(j,
		    "superseded_by")), it.target_id);
		CHECK(json_object_get(j, "supersedes") == NULL);
	}
	json_decref(j);
	buf_free(&b);
}

/* The value of the sample line starting with <prefix> in <text>, or -1. */
static double
sample(const char *text, const char *prefix)
{
	const char *p = text;
	size_t n = strlen(prefix);

	while ((p = strstr(p, prefix)) != NULL) {
		if ((p == text || p[-1] == '\n') && p[n] == ' ')
			return atof(p + n + 1);
		p += n;
	}
	return -1;
}

static void
test_histograms(void)
{
	struct buf b;

	observe_commit(3, 0.004);
	observe_commit(40, 0.2);
	observe_commit(2000, 20);
	observe_screening(0.0001);
	observe_reload(false, false, true, 0.5);
	buf_init(&b);
	observe_write(&b);
	/* Cumulative buckets, +Inf holds every observation. */
	CHECK(sample(b.data, "cordon_commit_batch_size_bucket{le=\"2\"}") == 0);
	CHECK(sample(b.data, "cordon_commit_batch_size_bucket{le=\"4\"}") == 1);
	CHECK(sample(b.data, "cordon_commit_batch_size_bucket{le=\"64\"}") == 2);
	CHECK(sample(b.data, "cordon_commit_batch_size_bucket{le=\"1024\"}") ==
	    2);
	CHECK(sample(b.data, "cordon_commit_batch_size_bucket{le=\"+Inf\"}") ==
	    3);
	CHECK(sample(b.data, "cordon_commit_batch_size_count") == 3);
	CHECK(sample(b.data, "cordon_commit_batch_size_sum") == 2043);
	CHECK(sample(b.data,
	    "cordon_commit_duration_seconds_bucket{le=\"0.005\"}") == 1);
	CHECK(sample(b.data,
	    "cordon_commit_duration_seconds_bucket{le=\"10\"}") == 2);
	CHECK(sample(b.data,
	    "cordon_screening_duration_seconds_bucket{le=\"0.0005\"}") == 1);
	CHECK(sample(b.data, "cordon_reloads_total{outcome=\"unavailable\"}") ==
	    1);
	CHECK(sample(b.data, "cordon_reloads_total{outcome=\"ok\"}") == 0);
	CHECK(strstr(b.data, "# TYPE cordon_commit_duration_seconds histogram\n")
	    != NULL);
	buf_free(&b);
}

int
main(void)
{
	harness_init("test_amend");
	test_json_function();
	test_wco_function();
	test_words_migration();
	test_annotate_and_raw();
	test_late_original();
	test_histograms();
	return harness_done();
}
