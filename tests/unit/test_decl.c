/*
 * Unit tests of decl.c: malformed JSON (400 with the byte offset), contract
 * violations (422 listing every bad field path, in document order), what a
 * valid declaration turns into, unknown fields, size and UTF-8 limits, and
 * the canonical form used for idempotency.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "decl.h"
#include "util.h"

#include "harness.h"

static struct decl *
parse(const char *s, json_t **err, int *status)
{
	*err = NULL;
	*status = 0;
	return decl_parse(s, strlen(s), err, status);
}

/* The "field" members of err.errors joined with '|'; caller frees. */
static char *
fields(json_t *err)
{
	json_t *arr = json_object_get(err, "errors"), *e;
	size_t i, len = 1, off = 0, n;
	char *s;

	json_array_foreach(arr, i, e)
		len += strlen(json_string_value(json_object_get(e, "field"))) + 1;
	if ((s = calloc(1, len)) == NULL)
		exit(2);
	json_array_foreach(arr, i, e) {
		const char *f = json_string_value(json_object_get(e, "field"));

		if (i > 0)
			s[off++] = '|';
		n = strlen(f);
		memcpy(s + off, f, n);
		off += n;
	}
	s[off] = '\0';
	return s;
}

/* "field:kind" of each finding of <d> joined with '|'; caller frees. */
static char *
findings(const struct decl *d)
{
	json_t *w;
	size_t i;
	char *s = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&s, &len);

	if (fp == NULL)
		exit(2);
	json_array_foreach(d->warnings, i, w)
		fprintf(fp, "%s%s:%s", i > 0 ? "|" : "",
		    json_string_value(json_object_get(w, "field")),
		    json_string_value(json_object_get(w, "kind")));
	fclose(fp);
	return s;
}

/* The finding on <field> of <d>, or NULL. */
static json_t *
finding_on(const struct decl *d, const char *field)
{
	json_t *w;
	size_t i;

	json_array_foreach(d->warnings, i, w)
		if (strcmp(json_string_value(json_object_get(w, "field")),
		    field) == 0)
			return w;
	return NULL;
}

/* The message of the first error on <field>, or NULL. */
static const char *
message_of(json_t *err, const char *field)
{
	json_t *e;
	size_t i;

	json_array_foreach(json_object_get(err, "errors"), i, e)
		if (strcmp(json_string_value(json_object_get(e, "field")),
		    field) == 0)
			return json_string_value(json_object_get(e, "message"));
	return NULL;
}

static void
test_malformed(void)
{
	static const char *bad[] = {
		"", "{", "{\"reference\": \"A\",", "{\"a\" 1}", "[1, 2",
		"{\"reference\": \"A\", \"reference\": \"B\"}",	/* duplicate key */
		"{\"reference\": \"\xff\"}",			/* invalid UTF-8 */
		"{\"reference\": \"A\"} trailing",
		/* An invalid escape before raw non-ASCII bytes: jansson's
		 * message quotes them, cut in the middle of a character. */
		"{\"reference\":\"\\\xc3\xa9\"}",
		"{\"reference\":\"\\\xe2\x82\xac\"}",
		"{\"reference\":\"\\\xf0\x9f\x98\x80\"}",
		"{\"note\":\"\\\xc3\xa9\"}",
		"{\"reference\":\"\\\xff\xfe\"}",
	};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		json_t *err, *off;
		int status;
		struct decl *d = parse(bad[i], &err, &status);

		harness_context("decl_parse(#%zu)", i);
		CHECK(d == NULL);
		CHECK_INT_EQ(status, 400);
		if (!CHECK(err != NULL))
			continue;
		CHECK_STR_EQ(json_string_value(json_object_get(err, "error")),
		    "malformed JSON");
		off = json_object_get(err, "offset");
		CHECK(json_is_integer(off));
		CHECK(json_integer_value(off) >= 0 &&
		    json_integer_value(off) <= (json_int_t)strlen(bad[i]));
		CHECK(json_is_string(json_object_get(err, "detail")));
		CHECK(json_is_integer(json_object_get(err, "line")));
		json_decref(err);
	}
	harness_context(NULL);

	/* The offset points at the trouble, not at the start. */
	{
		const char *s = "{\"reference\": \"A\", \"type\": export}";
		json_t *err;
		int status;

		CHECK(parse(s, &err, &status) == NULL);
		CHECK_INT_EQ(status, 400);
		CHECK(json_integer_value(json_object_get(err, "offset")) >=
		    (json_int_t)(strstr(s, "export") - s));
		json_decref(err);
	}
}

static const char good_json[] =
    "{\"reference\": \"DE-2024-000123\", \"type\": \"export\","
    " \"lodged_at\": \"2024-05-01T10:15:00.250+02:00\","
    " \"customs_office\": \"DE004853\","
    " \"parties\": [{\"role\": \"exporter\", \"name\": \"Chemie GmbH\","
    "   \"country\": \"DE\", \"address\": \"Hauptstr. 1\", \"id\": \"DE123\"},"
    "   {\"role\": \"consignee\", \"name\": \"Trading LLC\", \"country\": \"AE\"}],"
    " \"route\": {\"dispatch\": \"DE\", \"destination\": \"AE\","
    "   \"transit\": [\"PL\", \"TR\"]},"
    " \"items\": [{\"seq\": 1, \"hs_code\": \"2812.12.00\","
    "   \"description\": \"Phosphoryl chloride\","
    "   \"cas\": [\"10025-87-3\"], \"documents\": [\"Y901\", \"C057\"],"
    "   \"quantity\": 200, \"unit\": \"kg\", \"net_mass_kg\": 200.5,"
    "   \"value\": 0, \"currency\": \"EUR\", \"origin\": \"DE\","
    "   \"x_vendor\": {\"anything\": [1, 2]}},"
    "  {\"seq\": 2, \"hs_code\": \"8419 89\", \"description\": \"Fermenter\"}],"
    " \"x_unknown_top\": true, \"extensions\": {\"a\": null}}";

static void
test_good(void)
{
	json_t *err;
	int status = 0;
	struct decl *d = parse(good_json, &err, &status);

	if (!CHECK(d != NULL)) {
		char *e = err ? json_dumps(err, 0) : NULL;

		printf("# %s\n", e ? e : "(no error body)");
		free(e);
		json_decref(err);
		return;
	}
	CHECK(err == NULL);
	CHECK_STR_EQ(d->reference, "DE-2024-000123");
	CHECK_STR_EQ(d->type, "export");
	CHECK_STR_EQ(d->lodged_at, "2024-05-01T10:15:00.250+02:00");
	CHECK_STR_EQ(d->customs_office, "DE004853");
	CHECK_STR_EQ(d->dispatch, "DE");
	CHECK_STR_EQ(d->destination, "AE");
	if (CHECK_INT_EQ(d->ntransit, 2))
		CHECK_STR_EQ(d->transit[1], "TR");
	if (CHECK_INT_EQ(d->nparties, 2)) {
		CHECK_STR_EQ(d->parties[0].role, "exporter");
		CHECK_STR_EQ(d->parties[0].name, "Chemie GmbH");
		CHECK_STR_EQ(d->parties[0].country, "DE");
		CHECK_STR_EQ(d->parties[0].address, "Hauptstr. 1");
		CHECK_STR_EQ(d->parties[0].id, "DE123");
		CHECK(d->parties[1].address == NULL && d->parties[1].id == NULL);
	}
	if (CHECK_INT_EQ(d->nitems, 2)) {
		CHECK_INT_EQ(d->items[0].seq, 1);
		CHECK_STR_EQ(d->items[0].hs, "28121200");
		CHECK_STR_EQ(d->items[0].hs_raw, "2812.12.00");
		CHECK_STR_EQ(d->items[0].description, "Phosphoryl chloride");
		if (CHECK_INT_EQ(d->items[0].ncas, 1))
			CHECK_STR_EQ(d->items[0].cas[0], "10025-87-3");
		if (CHECK_INT_EQ(d->items[0].ndocuments, 2))
			CHECK_STR_EQ(d->items[0].documents[0], "Y901");
		CHECK_STR_EQ(d->items[0].origin, "DE");
		CHECK_INT_EQ(d->items[1].seq, 2);
		CHECK_STR_EQ(d->items[1].hs, "841989");
		CHECK_INT_EQ(d->items[1].ncas, 0);
		CHECK(d->items[1].origin == NULL);
	}
	/* Unknown fields stay in the raw JSON. */
	CHECK(json_is_true(json_object_get(d->raw, "x_unknown_top")));
	decl_free(d);
	decl_free(NULL);	/* a no-op */

	/* The smallest valid declaration. */
	d = parse("{\"reference\": \"R\", \"type\": \"re-export\", \"items\": "
	    "[{\"seq\": 99999, \"hs_code\": \"2812\", \"description\": \"x\"}]}",
	    &err, &status);
	CHECK(d != NULL && d->nparties == 0 && d->ntransit == 0 &&
	    d->lodged_at == NULL && d->nitems == 1);
	decl_free(d);
	json_decref(err);
}

/* A 422 body whose field paths, in order, are <want> ('|'-joined). */
static void
check_422(const char *json, const char *want)
{
	json_t *err;
	int status;
	struct decl *d = parse(json, &err, &status);
	char *f;

	CHECK(d == NULL);
	CHECK_INT_EQ(status, 422);
	if (!CHECK(err != NULL)) {
		decl_free(d);
		return;
	}
	CHECK_STR_EQ(json_string_value(json_object_get(err, "error")),
	    "declaration does not follow the contract");
	f = fields(err);
	CHECK_STR_EQ(f, want);
	free(f);
	json_decref(err);
}

static void
test_contract(void)
{
	char *big = malloc(4096 + 200), *json = malloc(4096 + 2000);
	json_t *err;
	int status;
	struct decl *d;

	/* Everything wrong at once: every path is listed, in order. */
	memset(big, 'a', 4097);
	big[4097] = '\0';
	snprintf(json, 4096 + 2000,
	    "{\"reference\": \"%s\", \"type\": \"exported\","
	    " \"lodged_at\": \"2024-13-01T00:00:00Z\","
	    " \"parties\": [{\"role\": \"buyer\", \"name\": \"A\", \"country\": \"de\"},"
	    "   {\"role\": \"consignee\", \"country\": \"FR\"}, \"not an object\"],"
	    " \"route\": {\"dispatch\": \"DE\", \"destination\": \"ARE\","
	    "   \"transit\": [\"PL\", \"Poland\"]},"
	    " \"items\": ["
	    "  {\"seq\": 1, \"hs_code\": \"2812\", \"description\": \"ok\","
	    "   \"cas\": [\"10025-87-3\", \"1234-5-6\"]},"
	    "  {\"seq\": 1, \"hs_code\": \"2812\", \"description\": \"ok\","
	    "   \"quantity\": -5, \"net_mass_kg\": \"heavy\"},"
	    "  {\"seq\": 3, \"hs_code\": \"28A1\", \"description\": \"ok\","
	    "   \"origin\": \"Germany\"},"
	    "  {\"seq\": 0, \"hs_code\": \"2812\", \"description\": \"%s\"},"
	    "  7,"
	    "  {\"seq\": 6, \"hs_code\": 2812, \"description\": \" \\t \","
	    "   \"documents\": \"Y901\"}]}",
	    "0123456789012345678901234567890123456789012345678901234567890123"
	    "4", big);
	/* Only required fields count; optional ones are findings (below). */
	check_422(json,
	    "reference|type|parties[0].role|parties[1].name|items[1].seq|"
	    "items[2].hs_code|items[3].seq|items[3].description|items[4]|"
	    "items[5].hs_code|items[5].description");
	d = parse(json, &err, &status);
	CHECK_STR_EQ(message_of(err, "items[1].seq"), "duplicate seq 1");
	CHECK_STR_EQ(message_of(err, "items[3].description"),
	    "is longer than 4096 bytes");
	CHECK_STR_EQ(message_of(err, "items[5].description"), "must not be empty");
	CHECK_STR_EQ(message_of(err, "parties[1].name"), "is required");
	CHECK_STR_EQ(message_of(err, "items[5].hs_code"), "must be a string");
	CHECK_STR_EQ(message_of(err, "items[2].hs_code"),
	    "only digits, dots, spaces and hyphens allowed (4 to 10 digits: "
	    "HS6, CN8 or TARIC10)");
	CHECK_STR_EQ(message_of(err, "type"),
	    "must be one of export import transit re-export");
	decl_free(d);
	json_decref(err);

	/* Required members. */
	check_422("{}", "reference|type|items");
	check_422("{\"reference\": \"R\", \"type\": \"export\"}", "items");
	check_422("{\"reference\": \"R\", \"type\": \"export\", \"items\": []}",
	    "items");
	check_422("{\"reference\": \"\", \"type\": \"export\", \"items\": {}}",
	    "reference|items");
	check_422("{\"reference\": 5, \"type\": null, \"items\": [{}]}",
	    "reference|type|items[0].seq|items[0].hs_code|items[0].description");
	check_422("[1, 2]", "");
	check_422("{\"reference\": \"R\", \"type\": \"export\", \"parties\": {},"
	    " \"route\": [], \"items\": [{\"seq\": \"1\", \"hs_code\": \"281\","
	    " \"description\": \"x\", \"cas\": \"10025-87-3\"}]}",
	    "items[0].seq|items[0].hs_code");

	/* Limits: 64 characters (not bytes), 4096 bytes, 99999. */
	{
		char ref[64 * 2 + 1], desc[4097];
		size_t i;

		for (i = 0; i < 64; i++)
			memcpy(ref + 2 * i, "\xd0\x96", 2);	/* Ж */
		ref[128] = '\0';
		memset(desc, 'b', 4096);
		desc[4096] = '\0';
		snprintf(json, 4096 + 2000, "{\"reference\": \"%s\", \"type\": "
		    "\"import\", \"items\": [{\"seq\": 1, \"hs_code\": "
		    "\"2812121234\", \"description\": \"%s\"}]}", ref, desc);
		d = parse(json, &err, &status);
		CHECK(d != NULL && err == NULL);
		CHECK(d != NULL && strlen(d->items[0].description) == 4096);
		decl_free(d);
		json_decref(err);
		check_422("{\"reference\": \"R\", \"type\": \"export\", \"items\": "
		    "[{\"seq\": 100000, \"hs_code\": \"28121212345\", "
		    "\"description\": \"x\"}]}", "items[0].seq|items[0].hs_code");
	}

	/* lodged_at: the RFC 3339 forms, and what is not one. */
	{
		static const char *ok[] = { "2024-05-01T10:00:00Z",
		    "2024-05-01T10:00:00.5Z", "2024-05-01t10:00:00+02:00",
		    "2024-05-01 10:00:00-05:30", "2024-02-29T00:00:00Z",
		    "2000-02-29T00:00:00Z", "2026-12-31T23:59:59+14:00" };
		/* Impossible calendar dates too: the database would refuse
		 * them later, as a server error. */
		static const char *no[] = { "2024-05-01", "2024-05-01T25:00:00Z",
		    "2024-05-01T10:00:00", "01.05.2024 10:00", "2024-05-01T10:00Z",
		    "2024-05-01T10:00:00.Z", "2026-02-30T00:00:00Z",
		    "2026-02-29T00:00:00Z", "1900-02-29T00:00:00Z",
		    "2026-04-31T00:00:00Z", "0000-01-01T00:00:00Z",
		    "2026-01-01T00:00:00+24:00" };
		size_t i;

		for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
			snprintf(json, 4096 + 2000, "{\"reference\": \"R\", "
			    "\"type\": \"export\", \"lodged_at\": \"%s\", \"items\": "
			    "[{\"seq\": 1, \"hs_code\": \"2812\", \"description\": "
			    "\"x\"}]}", ok[i]);
			harness_context("lodged_at %s", ok[i]);
			d = parse(json, &err, &status);
			CHECK(d != NULL);
			decl_free(d);
			json_decref(err);
		}
		for (i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
			snprintf(json, 4096 + 2000, "{\"reference\": \"R\", "
			    "\"type\": \"export\", \"lodged_at\": \"%s\", \"items\": "
			    "[{\"seq\": 1, \"hs_code\": \"2812\", \"description\": "
			    "\"x\"}]}", no[i]);
			harness_context("lodged_at %s", no[i]);
			d = parse(json, &err, &status);
			if (CHECK(d != NULL)) {
				char *f = findings(d);

				CHECK_STR_EQ(f, "lodged_at:malformed_optional");
				CHECK(d->lodged_at == NULL);
				free(f);
			}
			decl_free(d);
			json_decref(err);
		}
		harness_context(NULL);
	}
	free(big);
	free(json);
}

/*
 * Invalid UTF-8 never gets past jansson's decoder (400, above); a caller
 * that builds the object itself (decl_from_json) meets decl.c's own check.
 */
static void
test_utf8(void)
{
	json_t *root, *item, *err = NULL;
	int status = 0;
	struct decl *d;
	char *f;

	root = json_pack("{s:s, s:s, s:[{s:i, s:s}]}", "reference", "R",
	    "type", "export", "items", "seq", 1, "hs_code", "2812");
	item = json_array_get(json_object_get(root, "items"), 0);
	json_object_set_new(item, "description",
	    json_stringn_nocheck("caf\xc3", 4));
	json_object_set_new(root, "reference", json_stringn_nocheck("R\xff", 2));
	d = decl_from_json(root, &err, &status);
	CHECK(d == NULL);
	CHECK_INT_EQ(status, 422);
	f = fields(err);
	CHECK_STR_EQ(f, "reference|items[0].description");
	CHECK_STR_EQ(message_of(err, "items[0].description"),
	    "is not valid UTF-8");
	free(f);
	json_decref(err);
	/* decl_from_json takes its own reference: <root> is still ours. */
	json_object_set_new(item, "description", json_string("café"));
	json_object_set_new(root, "reference", json_string("R"));
	d = decl_from_json(root, &err, &status);
	CHECK(d != NULL && err == NULL);
	CHECK(d != NULL && d->raw == root);
	decl_free(d);
	CHECK_INT_EQ(root->refcount, 1);
	json_decref(root);
}

/*
 * Malformed optional values are findings, each on its own path (elements
 * after a non-string keep their index), and the declaration is kept.
 */
static void
test_array_paths(void)
{
	json_t *err;
	int status;
	struct decl *d;
	char *f;

	d = parse("{\"reference\": \"R\", \"type\": \"export\", \"route\": "
	    "{\"transit\": [5, \"Poland\", \"tr\"]}, \"items\": [{\"seq\": 1, "
	    "\"hs_code\": \"2812\", \"description\": \"x\", "
	    "\"cas\": [5, \"bad\", \"7719 12 2\"]}]}", &err, &status);
	if (!CHECK(d != NULL))
		return;
	f = findings(d);
	CHECK_STR_EQ(f, "route.transit[0]:malformed_optional|"
	    "route.transit[1]:malformed_optional|items[0].cas[0]:cas_unreadable|"
	    "items[0].cas[1]:cas_unreadable");
	free(f);
	CHECK_INT_EQ(d->ntransit, 1);
	CHECK_STR_EQ(d->transit[0], "TR");
	if (CHECK_INT_EQ(d->items[0].ncas, 1)) {
		CHECK_STR_EQ(d->items[0].cas[0], "7719-12-2");
		CHECK_INT_EQ(d->items[0].cas_pos[0], 2);
	}
	CHECK_INT_EQ((int)json_integer_value(json_object_get(finding_on(d,
	    "items[0].cas[1]"), "item_seq")), 1);
	CHECK_STR_EQ(json_string_value(json_object_get(finding_on(d,
	    "items[0].cas[1]"), "value")), "bad");
	CHECK_STR_EQ(json_string_value(json_object_get(finding_on(d,
	    "items[0].cas[0]"), "value")), "5");
	CHECK(json_object_get(finding_on(d, "route.transit[1]"), "item_seq") ==
	    NULL);
	decl_free(d);
}

/*
 * Every optional field malformed at once: the declaration is kept, each
 * value is a finding naming its path, and nothing malformed is used.
 */
static void
test_optional_findings(void)
{
	static const char json[] =
	    "{\"reference\": \"R\", \"type\": \"export\","
	    " \"lodged_at\": \"2024-13-01T00:00:00Z\", \"customs_office\": 7,"
	    " \"parties\": [{\"role\": \"exporter\", \"name\": \"A\","
	    "   \"country\": \"Germany\", \"address\": [1]},"
	    "   {\"role\": \"consignee\", \"name\": \"B\", \"country\": \" ir \"},"
	    "   \"not an object\"],"
	    " \"route\": {\"dispatch\": \"DE\", \"destination\": \"ARE\","
	    "   \"transit\": \"PL\"},"
	    " \"items\": ["
	    "  {\"seq\": 1, \"hs_code\": \"2812\", \"description\": \"ok\","
	    "   \"cas\": [\"10025-87-3\", \"1234-5-6\"], \"quantity\": -5,"
	    "   \"net_mass_kg\": \"heavy\", \"value\": {}, \"unit\": 5,"
	    "   \"currency\": false, \"documents\": \"Y901\"},"
	    "  {\"seq\": 2, \"hs_code\": \"2812\", \"description\": \"ok\","
	    "   \"origin\": \"Germany\", \"cas\": \"CAS 75-97-8\","
	    "   \"documents\": [\"N935\", 12]}]}";
	json_t *err;
	int status;
	struct decl *d = parse(json, &err, &status);
	char *f;

	if (!CHECK(d != NULL && err == NULL))
		return;
	f = findings(d);
	CHECK_STR_EQ(f, "lodged_at:malformed_optional|"
	    "customs_office:malformed_optional|"
	    "parties[0].country:malformed_optional|"
	    "parties[0].address:malformed_optional|"
	    "parties[2]:malformed_optional|"
	    "route.destination:malformed_optional|"
	    "items[0].cas[1]:cas_unreadable|items[0].quantity:malformed_optional|"
	    "items[0].net_mass_kg:malformed_optional|"
	    "items[0].value:malformed_optional|items[0].unit:malformed_optional|"
	    "items[0].currency:malformed_optional|"
	    "items[1].documents[1]:malformed_optional|"
	    "items[1].origin:origin_not_iso");
	free(f);
	/* What could be read is used, normalised; the rest is not. */
	CHECK(d->lodged_at == NULL);
	CHECK(d->customs_office == NULL);
	CHECK_INT_EQ(d->nparties, 2);
	CHECK(d->parties[0].country == NULL);
	CHECK_STR_EQ(d->parties[1].country, "IR");
	CHECK_STR_EQ(d->dispatch, "DE");
	CHECK(d->destination == NULL);
	if (CHECK_INT_EQ(d->ntransit, 1))
		CHECK_STR_EQ(d->transit[0], "PL");
	if (CHECK_INT_EQ(d->items[0].ncas, 1))
		CHECK_STR_EQ(d->items[0].cas[0], "10025-87-3");
	if (CHECK_INT_EQ(d->items[1].ncas, 1))
		CHECK_STR_EQ(d->items[1].cas[0], "75-97-8");
	CHECK_INT_EQ(d->items[0].ndocuments, 1);
	CHECK_INT_EQ(d->items[1].ndocuments, 1);
	CHECK_INT_EQ((int)json_integer_value(json_object_get(finding_on(d,
	    "items[0].quantity"), "item_seq")), 1);
	CHECK_STR_EQ(json_string_value(json_object_get(finding_on(d,
	    "items[0].quantity"), "value")), "-5");
	decl_free(d);
}

/*
 * Control characters in the reference are refused; in any other string,
 * and invisible, look-alike and bidi characters anywhere, they are findings
 * naming the field and the code points.
 */
static void
test_hidden_text(void)
{
	json_t *err, *w;
	int status;
	struct decl *d;
	char *f;

	check_422("{\"reference\": \"R\\u0007-1\", \"type\": \"export\","
	    " \"items\": [{\"seq\": 1, \"hs_code\": \"2812\","
	    " \"description\": \"x\"}]}", "reference");
	check_422("{\"reference\": \"R\\n2\", \"type\": \"export\","
	    " \"items\": [{\"seq\": 1, \"hs_code\": \"2812\","
	    " \"description\": \"x\"}]}", "reference");
	check_422("{\"reference\": \"R\\u009b2\", \"type\": \"export\","
	    " \"items\": [{\"seq\": 1, \"hs_code\": \"2812\","
	    " \"description\": \"x\"}]}", "reference");
	d = parse("{\"reference\": \"R\\n2\", \"type\": \"export\","
	    " \"items\": [{\"seq\": 1, \"hs_code\": \"2812\","
	    " \"description\": \"x\"}]}", &err, &status);
	CHECK_STR_EQ(message_of(err, "reference"),
	    "must not contain control characters");
	json_decref(err);
	decl_free(d);

	d = parse("{\"reference\": \"R\\u202e1\", \"type\": \"export\","
	    " \"customs_office\": \"DE\\u0001001\","
	    " \"parties\": [{\"role\": \"exporter\", \"name\": \"Acme\"},"
	    "   {\"role\": \"consignee\", \"name\": \"Sh\\u0430hid Tr\\u00adading\"}],"
	    " \"items\": [{\"seq\": 4, \"hs_code\": \"2812\","
	    " \"description\": \"Sa\\u200brin precursor\\ttab\\nline\"},"
	    "  {\"seq\": 5, \"hs_code\": \"2812\", \"description\": \"plain\","
	    "   \"note\": {\"deep\": [\"x\\u2067y\"]}}]}", &err, &status);
	if (!CHECK(d != NULL))
		return;
	f = findings(d);
	/* Member order of the raw object is the order sent. */
	CHECK_STR_EQ(f, "reference:obfuscated_text|"
	    "customs_office:control_characters|"
	    "parties[1].name:obfuscated_text|"
	    "items[0].description:obfuscated_text|"
	    "items[1].note.deep[0]:obfuscated_text");
	free(f);
	w = finding_on(d, "parties[1].name");
	CHECK_STR_EQ(json_string_value(json_array_get(json_object_get(w,
	    "code_points"), 0)), "U+0430");
	CHECK_STR_EQ(json_string_value(json_array_get(json_object_get(w,
	    "code_points"), 1)), "U+00AD");
	CHECK(json_object_get(w, "item_seq") == NULL);
	CHECK(json_object_get(w, "value") == NULL);	/* never echoed */
	w = finding_on(d, "items[0].description");
	CHECK_INT_EQ((int)json_integer_value(json_object_get(w, "item_seq")), 4);
	CHECK(strstr(json_string_value(json_object_get(w, "message")),
	    "invisible") != NULL);
	w = finding_on(d, "items[1].note.deep[0]");
	CHECK_INT_EQ((int)json_integer_value(json_object_get(w, "item_seq")), 5);
	CHECK(strstr(json_string_value(json_object_get(w, "message")),
	    "bidirectional") != NULL);
	decl_free(d);

	/* Ordinary text in any script is no finding. */
	d = parse("{\"reference\": \"\\u0420-1\", \"type\": \"export\","
	    " \"items\": [{\"seq\": 1, \"hs_code\": \"2812\", \"description\":"
	    " \"\\u0445\\u043b\\u043e\\u0440 5 \\u03bcm \\u30ac\\u30b9 \\u0645\\u06cc\\u200c\\u0634\\u0648\\u062f\"}]}",
	    &err, &status);
	if (CHECK(d != NULL))
		CHECK_INT_EQ((int)json_array_size(d->warnings), 0);
	decl_free(d);
}

/* The streamed body hash of a declaration longer than its 2 kB buffer. */
static void
test_canonical_long(void)
{
	struct buf b;
	json_t *err;
	int status, i;
	struct decl *d;
	char *c, h1[65], h2[65];

	buf_init(&b);
	buf_adds(&b, "{\"type\": \"export\", \"reference\": \"R-L\", "
	    "\"items\": [");
	for (i = 1; i <= 120; i++)
		buf_printf(&b, "%s{\"seq\": %d, \"hs_code\": \"2812\", "
		    "\"description\": \"Phosphorus oxychloride lot %d, "
		    "\u00e9tain \\\\ \\\"drums\\\"\"}", i > 1 ? ", " : "", i, i);
	buf_adds(&b, "]}");
	d = parse(b.data, &err, &status);
	if (CHECK(d != NULL)) {
		c = decl_canonical(d);
		CHECK(strlen(c) > 3 * 2048);
		util_sha256_hex(c, strlen(c), h2);
		decl_canonical_sha256(d, h1);
		CHECK_STR_EQ(h1, h2);
		free(c);
		decl_free(d);
	} else
		json_decref(err);
	buf_free(&b);
}

static void
test_canonical(void)
{
	static const char a[] =
	    "{\"type\": \"export\", \"reference\": \"R-1\", \"items\": [{\"seq\": 1,"
	    " \"description\": \"Café\", \"hs_code\": \"2812\", \"zz\": {\"b\": 2,"
	    " \"a\": 1}}]}";
	static const char b[] =
	    "{\n  \"items\": [ { \"zz\": { \"a\": 1, \"b\": 2 }, \"hs_code\": "
	    "\"2812\", \"description\": \"Caf\\u00e9\", \"seq\": 1 } ],\n"
	    "  \"reference\": \"R-1\",\n  \"type\": \"export\"\n}\n";
	static const char c[] =
	    "{\"type\": \"export\", \"reference\": \"R-1\", \"items\": [{\"seq\": 1,"
	    " \"description\": \"Café\", \"hs_code\": \"2812\", \"zz\": {\"b\": 3,"
	    " \"a\": 1}}]}";
	json_t *err;
	int status;
	struct decl *da = parse(a, &err, &status);
	struct decl *db = parse(b, &err, &status);
	struct decl *dc = parse(c, &err, &status);
	char *ca, *cb, *cc;

	if (!CHECK(da != NULL && db != NULL && dc != NULL)) {
		decl_free(da);
		decl_free(db);
		decl_free(dc);
		return;
	}
	ca = decl_canonical(da);
	cb = decl_canonical(db);
	cc = decl_canonical(dc);
	CHECK_STR_EQ(ca, cb);
	CHECK(strcmp(ca, cc) != 0);
	/* Sorted keys, compact, ASCII only. */
	/* (jansson writes \u escapes in capitals.) */
	CHECK_STR_EQ(ca, "{\"items\":[{\"description\":\"Caf\\u00E9\","
	    "\"hs_code\":\"2812\",\"seq\":1,\"zz\":{\"a\":1,\"b\":2}}],"
	    "\"reference\":\"R-1\",\"type\":\"export\"}");
	/* The body hash: SHA-256 of the canonical text, streamed. */
	{
		char h1[65], h2[65];

		decl_canonical_sha256(da, h1);
		util_sha256_hex(ca, strlen(ca), h2);
		CHECK_STR_EQ(h1, h2);
		decl_canonical_sha256(dc, h1);
		CHECK(strcmp(h1, h2) != 0);
	}
	free(ca);
	free(cb);
	free(cc);
	decl_free(da);
	decl_free(db);
	decl_free(dc);
}

/* A non-ISO origin ("GB GB" in real declarations) is a finding, not a 422. */
static void
test_origin_warning(void)
{
	const char *json = "{\"reference\": \"R\", \"type\": \"import\", "
	    "\"items\": [{\"seq\": 7, \"hs_code\": \"9306.21\", "
	    "\"description\": \"Cartridges\", \"origin\": \"GB GB\"}]}";
	json_t *err, *w;
	int status;
	struct decl *d = parse(json, &err, &status);

	if (!CHECK(d != NULL))
		return;
	CHECK(d->items[0].origin == NULL);
	if (CHECK_INT_EQ((int)json_array_size(d->warnings), 1)) {
		w = json_array_get(d->warnings, 0);
		CHECK_STR_EQ(json_string_value(json_object_get(w, "field")),
		    "items[0].origin");
		CHECK_STR_EQ(json_string_value(json_object_get(w, "kind")),
		    "origin_not_iso");
		CHECK_INT_EQ((int)json_integer_value(json_object_get(w,
		    "item_seq")), 7);
	}
	decl_free(d);
}

/* Error messages may quote outside bytes: they are always made valid UTF-8. */
static void
test_utf8_scrub(void)
{
	static const struct {
		const char *in, *out;
	} t[] = {
		{ "plain", "plain" },
		{ "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80" },
		{ "cut \xc3", "cut ?" },			/* truncated */
		{ "\xa9x", "?x" },				/* stray continuation */
		{ "\xc0\xaf", "??" },			/* overlong '/' */
		{ "\xe0\x80\xaf", "???" },			/* overlong, 3 bytes */
		{ "\xed\xa0\x80", "???" },			/* surrogate */
		{ "\xf4\x90\x80\x80", "????" },		/* above U+10FFFF */
		{ "\xff\xfe", "??" },
		{ "\xe2\x82x", "??x" },			/* short sequence */
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		char buf[64];
		json_t *j;

		harness_context("util_utf8_scrub(#%zu)", i);
		snprintf(buf, sizeof(buf), "%s", t[i].in);
		CHECK_STR_EQ(util_utf8_scrub(buf), t[i].out);
		j = json_string(buf);
		CHECK(j != NULL);
		json_decref(j);
	}
	harness_context(NULL);
}

/*
 * util_field_at and util_copy write what snprintf("%s[%zu]%s") and
 * snprintf("%s") would, cut the same way at every buffer size.
 */
static void
test_field_names(void)
{
	char a[40], b[40];
	size_t size, i;
	static const size_t idx[] = { 0, 7, 10, 123456 };

	for (i = 0; i < sizeof(idx) / sizeof(idx[0]); i++)
		for (size = 1; size <= sizeof(a); size++) {
			util_field_at(a, size, "items", idx[i],
			    ".description");
			snprintf(b, size, "items[%zu].description", idx[i]);
			CHECK(strcmp(a, b) == 0);
		}
	for (size = 1; size <= 16; size++) {
		size_t n = util_copy(a, size, "route.dispatch");

		snprintf(b, size, "%s", "route.dispatch");
		CHECK(strcmp(a, b) == 0);
		CHECK(n == strlen(b));
	}
}

/*
 * buf_add and buf_addc, inline while the buffer has room and grown
 * otherwise, write the same bytes at every length across the growth.
 */
static void
test_buf(void)
{
	struct buf b;
	char want[300];
	size_t i;

	buf_init(&b);
	buf_add(&b, "", 0);
	CHECK(b.data != NULL && b.len == 0 && b.data[0] == '\0');
	for (i = 0; i < sizeof(want) - 1; i++) {
		want[i] = (char)('a' + i % 26);
		if (i % 3 == 0)
			buf_addc(&b, want[i]);
		else
			buf_add(&b, &want[i], 1);
		want[i + 1] = '\0';
		CHECK(b.len == i + 1 && b.cap > b.len);
		CHECK(strcmp(b.data, want) == 0);
	}
	buf_reset(&b);
	buf_add(&b, want, 63);		/* exactly the first allocation */
	buf_add(&b, want, 1);
	CHECK(b.len == 64 && b.data[64] == '\0' && b.data[63] == 'a');
	buf_free(&b);
}

int
main(void)
{
	harness_init("test_decl");
	test_malformed();
	test_field_names();
	test_buf();
	test_utf8_scrub();
	test_good();
	test_contract();
	test_utf8();
	test_array_paths();
	test_canonical();
	test_canonical_long();
	test_origin_warning();
	test_optional_findings();
	test_hidden_text();
	return harness_done();
}
