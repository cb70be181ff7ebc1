/*
 * Unit tests of result.c (the JSON of a screening result, written once)
 * and words.c (the contract's word lists, and the CHECK constraints of
 * schemas/0003_typed_storage.sql that must say the same).
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "result.h"
#include "screen.h"
#include "util.h"
#include "words.h"
#include "xmalloc.h"

#include "harness.h"

static void
hit_fill(struct screen_hit *h, const char *entry, enum category cat,
    const char *match)
{
	memset(h, 0, sizeof(*h));
	h->rule = (char *)"l/x/keyword";
	h->list = (char *)"l";
	h->entry = (char *)entry;
	h->title = (char *)"Title \"quoted\"";
	h->category = cat;
	h->reason = (char *)"keyword";
	h->field = (char *)"items[0].description";
	h->match = (char *)match;
	h->span[0] = 3;
	h->span[1] = 9;
	h->explanation = (char *)"line\nbreak\ttab";
	h->similarity = NAN;
}

/* A result with two alerts, built by hand. */
static struct screen_result *
sample(void)
{
	struct screen_result *r = xcalloc(1, sizeof(*r));
	struct screen_alert *a;
	struct screen_hit h;

	r->reference = xstrdup("REF-1");
	r->type = xstrdup("export");
	r->list_version = xstrdup("v1");
	r->verdict = VERDICT_HOLD;
	r->alerts = xcalloc(2, sizeof(*r->alerts));
	r->nalerts = 2;
	a = &r->alerts[0];
	a->item_seq = 4;
	a->severity = SEVERITY_CRITICAL;
	a->score = 94;
	a->category = CAT_CHEMICAL;
	hit_fill(&h, "C1", CAT_CHEMICAL, "abc\x01");
	screen_hits_add(&a->hits, &h);
	/* 0xff is not UTF-8; the text must still be valid JSON. */
	hit_fill(&h, "N2", CAT_NUCLEAR, "bad \xff byte \xc3\xa9");
	screen_hits_add(&a->hits, &h);
	hit_fill(&h, "C3", CAT_CHEMICAL, "x");
	screen_hits_add(&a->hits, &h);
	snprintf(a->fingerprint, sizeof(a->fingerprint), "%064d", 7);
	a->entries = xcalloc(2, sizeof(*a->entries));
	a->entries[0] = xstrdup("l/C1");
	a->entries[1] = xstrdup("l/N2");
	a->nentries = 2;
	a->status = ALERT_AUTO_CLOSED;
	a->suppression_id = 12;
	a = &r->alerts[1];
	a->item_seq = SCREEN_NONE;
	a->severity = SEVERITY_HIGH;
	a->score = 80;
	a->category = CAT_SANCTIONS;
	hit_fill(&h, "P1", CAT_SANCTIONS, "Some Name");
	h.listed_name = (char *)"Some Name";
	h.similarity = 0.5;
	screen_hits_add(&a->hits, &h);
	r->findings = xcalloc(1, sizeof(*r->findings));
	r->nfindings = r->capfindings = 1;
	r->findings[0].item_seq = SCREEN_NONE;
	r->findings[0].kind = xstrdup("hs_unknown");
	r->findings[0].message = xstrdup("m");
	return r;
}

static void
test_result_json(void)
{
	struct screen_result *r = sample();
	size_t at[2][2];
	struct buf b;
	json_error_t je;
	json_t *j, *a0, *a1, *h, *hits;
	char *slice;

	buf_init(&b);
	result_write(&b, r, true, at);
	j = json_loadb(b.data, b.len, 0, &je);
	if (!CHECK(j != NULL)) {
		printf("# %s: %s\n", je.text, b.data);
		return;
	}
	CHECK(json_object_get(j, "id") == NULL);	/* no ids yet */
	CHECK_STR_EQ(json_string_value(json_object_get(j, "verdict")), "hold");
	CHECK_STR_EQ(json_string_value(json_object_get(j, "reference")),
	    "REF-1");
	a0 = json_array_get(json_object_get(j, "alerts"), 0);
	a1 = json_array_get(json_object_get(j, "alerts"), 1);
	CHECK_INT_EQ(json_integer_value(json_object_get(a0, "item_seq")), 4);
	CHECK(json_is_null(json_object_get(a1, "item_seq")));
	CHECK_STR_EQ(json_string_value(json_object_get(a0, "severity")),
	    "critical");
	CHECK_STR_EQ(json_string_value(json_object_get(a0, "status")),
	    "auto_closed");
	CHECK_INT_EQ(json_integer_value(json_object_get(a0, "suppression_id")),
	    12);
	CHECK_STR_EQ(json_string_value(json_object_get(a1, "status")), "open");
	CHECK(json_object_get(a1, "suppression_id") == NULL);
	CHECK(json_object_get(a1, "fingerprint") == NULL);
	CHECK_INT_EQ(json_array_size(json_object_get(a0, "entries")), 2);
	/* categories: distinct, in order of first appearance */
	CHECK_INT_EQ(json_array_size(json_object_get(a0, "categories")), 2);
	CHECK_STR_EQ(json_string_value(json_array_get(json_object_get(a0,
	    "categories"), 1)), "nuclear");
	hits = json_object_get(a0, "hits");
	h = json_array_get(hits, 0);
	CHECK_STR_EQ(json_string_value(json_object_get(h, "match")), "abc\x01");
	CHECK_STR_EQ(json_string_value(json_object_get(h, "title")),
	    "Title \"quoted\"");
	CHECK_STR_EQ(json_string_value(json_object_get(h, "explanation")),
	    "line\nbreak\ttab");
	CHECK_INT_EQ(json_integer_value(json_array_get(json_object_get(h,
	    "span"), 1)), 9);
	CHECK(json_object_get(h, "similarity") == NULL);	/* NaN: absent */
	CHECK(json_object_get(h, "listed_name") == NULL);	/* NULL: absent */
	h = json_array_get(hits, 1);
	CHECK_STR_EQ(json_string_value(json_object_get(h, "match")),
	    "bad \xef\xbf\xbd byte \xc3\xa9");
	h = json_array_get(json_object_get(a1, "hits"), 0);
	CHECK(json_real_value(json_object_get(h, "similarity")) == 0.5);
	CHECK_STR_EQ(json_string_value(json_object_get(h, "listed_name")),
	    "Some Name");
	/* The hits slice is the alert's hits array, byte for byte. */
	slice = xstrndup(b.data + at[0][0], at[0][1]);
	{
		json_t *s = json_loads(slice, 0, &je);

		CHECK(s != NULL && json_equal(s, hits));
		json_decref(s);
	}
	free(slice);
	/* findings: item_seq absent when SCREEN_NONE */
	h = json_array_get(json_object_get(j, "findings"), 0);
	CHECK(json_object_get(h, "item_seq") == NULL);
	CHECK_STR_EQ(json_string_value(json_object_get(h, "kind")),
	    "hs_unknown");
	json_decref(j);

	/* Not stored: no statuses; ids once given. */
	screen_result_ids(r);
	j = result_json(r, false);
	a0 = json_array_get(json_object_get(j, "alerts"), 0);
	CHECK(json_object_get(a0, "status") == NULL);
	CHECK_INT_EQ(strlen(json_string_value(json_object_get(j, "id"))), 36);
	CHECK_INT_EQ(strlen(json_string_value(json_object_get(a0, "id"))), 36);
	json_decref(j);
	buf_free(&b);
	screen_result_free(r);
}

static void
test_strings(void)
{
	static const struct {
		const char *in, *out;
	} t[] = {
		{ "plain", "\"plain\"" },
		{ "q\"b\\", "\"q\\\"b\\\\\"" },
		{ "\x1f", "\"\\u001f\"" },
		{ "\xc0\xaf", "\"\\ufffd\\ufffd\"" },		/* overlong */
		{ "\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\"" },	/* surrogate */
		{ "\xf0\x9f\x98\x80", "\"\xf0\x9f\x98\x80\"" },
		{ "\xe2\x82", "\"\\ufffd\\ufffd\"" },		/* cut short */
	};
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		buf_reset(&b);
		result_write_string(&b, t[i].in);
		CHECK_STR_EQ(b.data, t[i].out);
	}
	buf_free(&b);
}

/* Every word of words.c is in the migration's CHECK lists, and no other. */
static void
test_words_migration(void)
{
	static const struct {
		const char *list, *constraint;
	} t[] = {
		{ "verdicts", "declarations_verdict_word" },
		{ "categories", "alerts_category_word" },
		{ "statuses", "alerts_status_word" },
		{ "decisions", "alerts_decision_word" },
	};
	char *path = harness_data_path("../../schemas/0003_typed_storage.sql");
	char *sql = harness_read(path, NULL);
	size_t i, k;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		const struct word_list *l = words_list(t[i].list);
		char *c = strstr(sql, t[i].constraint), *open, *close, *p;
		size_t quoted = 0;

		if (!CHECK(l != NULL && c != NULL))
			continue;
		open = strstr(c, "IN (");
		close = open ? strchr(open, ')') : NULL;
		if (!CHECK(open != NULL && close != NULL))
			continue;
		for (p = open; p < close; p++)
			if (*p == '\'')
				quoted++;
		harness_context("%s", t[i].list);
		CHECK_INT_EQ(quoted, 2 * l->n);
		for (k = 0; k < l->n; k++) {
			char w[64];

			snprintf(w, sizeof(w), "'%s'", l->words[k]);
			p = strstr(open, w);
			CHECK(p != NULL && p < close);
		}
	}
	harness_context(NULL);
	/* Severities: 0001's CHECK. */
	CHECK_INT_EQ(words_list("severities")->n, 4);
	CHECK_STR_EQ(words_severity(SEVERITY_CRITICAL), "critical");
	CHECK(words_is_decision("held"));
	CHECK(!words_is_decision("open"));
	CHECK(!words_is_decision("auto_closed"));
	CHECK_INT_EQ(words_index("statuses", "auto_closed"), ALERT_AUTO_CLOSED);
	CHECK_INT_EQ(words_index("categories", "embargo"), CAT_EMBARGO);
	CHECK(!words_has("verdicts", "maybe"));
	{
		json_t *j = words_json();

		CHECK_INT_EQ(json_array_size(json_object_get(j, "decisions")), 6);
		CHECK_INT_EQ(json_array_size(json_object_get(j, "categories")),
		    CAT_COUNT_);
		json_decref(j);
	}
	free(sql);
	free(path);
}

/* Milliseconds since the epoch, as UUIDv7 counts them. */
static unsigned long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (unsigned long long)ts.tv_sec * 1000 +
	    (unsigned long long)ts.tv_nsec / 1000000;
}

/* The ids and hashes a result carries: hex digits written by hand. */
static void
test_ids_hex(void)
{
	char h[65], u[37], t[13];
	unsigned long long t0, t1, v;
	size_t i;

	util_sha256_hex("abc", 3, h);
	CHECK_STR_EQ(h, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
	util_sha256_hex("", 0, h);
	CHECK_STR_EQ(h, "e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855");
	t0 = now_ms();
	util_uuid7(u);
	t1 = now_ms();
	CHECK_INT_EQ(strlen(u), 36);
	for (i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23)
			CHECK(u[i] == '-');
		else
			CHECK(u[i] != '\0' &&
			    strchr("0123456789abcdef", u[i]) != NULL);
	}
	CHECK(u[14] == '7');				/* version 7 */
	CHECK(strchr("89ab", u[19]) != NULL);		/* RFC 9562 variant */
	/* the first 48 bits: the time in ms, big-endian */
	memcpy(t, u, 8);
	memcpy(t + 8, u + 9, 4);
	t[12] = '\0';
	v = strtoull(t, NULL, 16);
	CHECK(v >= t0 && v <= t1);
}

static int
cmp_uuid(const void *a, const void *b)
{
	return strcmp(a, b);
}

/*
 * UUIDs take their random part from a per-thread buffer refilled every 32:
 * across several refills every one is distinct, and the random bits vary
 * (a buffer handed out twice, or zeros, would repeat the tails).
 */
static void
test_uuid_many(void)
{
	enum { N = 1000 };
	static char u[N][37];
	int i, dup = 0, same_tail = 0;

	for (i = 0; i < N; i++)
		util_uuid7(u[i]);
	for (i = 1; i < N; i++)
		same_tail += strcmp(u[i] + 24, u[i - 1] + 24) == 0;
	qsort(u, N, sizeof(u[0]), cmp_uuid);
	for (i = 1; i < N; i++)
		dup += strcmp(u[i], u[i - 1]) == 0;
	CHECK_INT_EQ(dup, 0);
	CHECK_INT_EQ(same_tail, 0);
	for (i = 0; i < N; i++)
		if (u[i][14] != '7' || strchr("89ab", u[i][19]) == NULL)
			break;
	CHECK_INT_EQ(i, N);
}

int
main(void)
{
	harness_init("test_result");
	test_result_json();
	test_strings();
	test_words_migration();
	test_ids_hex();
	test_uuid_many();
	return harness_done();
}
