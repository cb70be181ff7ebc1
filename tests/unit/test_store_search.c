/*
 * The queue's search text cordond stores with a declaration
 * (store_search_text, daemon/store_decl.c; schemas/0017_search_text.sql):
 * it must be exactly what cordon_search_text(reference, body) returns in
 * PostgreSQL (the expected strings below are that function's answers for
 * the same bodies), and a body holding a value whose jsonb text only the
 * server writes is left to the server.
 */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include <jansson.h>

#include "store_int.h"
#include "util.h"

#include "harness.h"

/* The text for <body> (JSON) and reference R-1, or "(server)" when false. */
static char *
text_of(const char *body)
{
	struct buf b;
	json_error_t je;
	json_t *j = json_loads(body, 0, &je);
	char *s;

	if (j == NULL)
		return strdup("(bad JSON)");
	buf_init(&b);
	buf_adds(&b, "kept|");		/* what the buffer held before */
	if (!store_search_text(&b, "R-1", j))
		buf_adds(&b, "(server)");
	buf_addc(&b, '\0');
	s = strdup(b.data);
	buf_free(&b);
	json_decref(j);
	return s;
}

static void
check(const char *body, const char *want)
{
	char *got = text_of(body);

	snprintf(h_ctx, sizeof(h_ctx), "%s", body);
	CHECK_STR_EQ(got, want);
	h_ctx[0] = '\0';
	free(got);
}

int
main(void)
{
	harness_init("test_store_search");
	/* Reference, descriptions, names: each group joined by spaces. */
	check("{\"items\": [{\"description\": \"A b\"}, {\"description\": "
	    "\"C\"}], \"parties\": [{\"name\": \"X\"}, {\"name\": \"Y Z\"}]}",
	    "kept|R-1 A b C X Y Z");
	/* Nothing to join: the two separators stay. */
	check("{}", "kept|R-1  ");
	check("{\"items\": {\"description\": \"no\"}, \"parties\": \"x\"}",
	    "kept|R-1  ");
	/* Elements that are not objects, null or missing values give
	 * nothing; an empty string is joined like any other; escapes are
	 * decoded. */
	check("{\"items\": [1, \"s\", {\"description\": null}, {}, "
	    "{\"description\": \"\"}, {\"description\": \"D\"}], \"parties\": "
	    "[{\"role\": \"exporter\"}, {\"name\": \"caf\\u00e9 \\\"x\\\"\"}]}",
	    "kept|R-1  D caf\xc3\xa9 \"x\"");
	/* A number or a boolean is the server's to write as text. */
	check("{\"items\": [{\"description\": 12.50}]}", "kept|(server)");
	check("{\"items\": [{\"description\": \"ok\"}], \"parties\": "
	    "[{\"name\": true}]}", "kept|(server)");
	check("{\"parties\": [{\"name\": [\"A\"]}]}", "kept|(server)");
	return harness_done();
}
