/*
 * Unit tests of bounds.c: each bound refuses one past it and names the
 * field; the in-flight table per token counts, refuses and forgets.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bounds.h"
#include "conf.h"
#include "decl.h"
#include "screen.h"
#include "util.h"
#include "xmalloc.h"

#include "harness.h"

/* A declaration with <np> parties, <nt> transit countries, one item with
 * <nd> documents and <nc> CAS numbers. */
static struct decl *
make(size_t np, size_t nt, size_t nd, size_t nc)
{
	struct buf b;
	struct decl *d;
	json_t *err = NULL;
	int status;
	size_t i;

	buf_init(&b);
	buf_adds(&b, "{\"reference\":\"R\",\"type\":\"export\",\"parties\":[");
	for (i = 0; i < np; i++)
		buf_printf(&b, "%s{\"role\":\"consignee\",\"name\":\"P %zu\"}",
		    i ? "," : "", i);
	buf_adds(&b, "],\"route\":{\"transit\":[");
	for (i = 0; i < nt; i++)
		buf_printf(&b, "%s\"DE\"", i ? "," : "");
	buf_adds(&b, "]},\"items\":[{\"seq\":1,\"hs_code\":\"0901.21\","
	    "\"description\":\"coffee\",\"documents\":[");
	for (i = 0; i < nd; i++)
		buf_printf(&b, "%s\"Y%03zu\"", i ? "," : "", i);
	buf_adds(&b, "],\"cas\":[");
	for (i = 0; i < nc; i++)
		buf_printf(&b, "%s\"64-17-5\"", i ? "," : "");
	buf_adds(&b, "]}]}");
	d = decl_parse(b.data, b.len, &err, &status);
	if (d == NULL) {
		char *t = json_dumps(err, 0);

		printf("# %s\n", t);
		free(t);
		json_decref(err);
	}
	buf_free(&b);
	return d;
}

static void
test_decl_bounds(void)
{
	struct bounds bd = { 3, 2, 4, 5, 10, 10 };
	struct field_errors e = { NULL, 0 };
	struct decl *d;

	d = make(3, 2, 4, 5);		/* at every bound: accepted */
	if (CHECK(d != NULL))
		CHECK_INT_EQ(bounds_check_decl(&bd, d, &e), 0);
	decl_free(d);
	d = make(4, 3, 5, 6);		/* one past each */
	if (CHECK(d != NULL) && CHECK_INT_EQ(bounds_check_decl(&bd, d, &e),
	    4)) {
		CHECK_STR_EQ(e.v[0].field, "parties");
		CHECK_STR_EQ(e.v[1].field, "route.transit");
		CHECK_STR_EQ(e.v[2].field, "items[0].documents");
		CHECK_STR_EQ(e.v[3].field, "items[0].cas");
		CHECK(strstr(e.v[0].message, "max_parties") != NULL);
	}
	field_errors_free(&e);
	CHECK(e.v == NULL && e.n == 0);
	decl_free(d);
}

static void
test_result_bounds(void)
{
	struct bounds bd = { 10, 10, 10, 10, 2, 1 };
	struct field_errors e = { NULL, 0 };
	struct screen_result r;
	struct screen_alert a[2];
	struct screen_hit h[3];
	struct decl *d = make(1, 0, 0, 0);

	if (!CHECK(d != NULL))
		return;
	memset(&r, 0, sizeof(r));
	memset(a, 0, sizeof(a));
	memset(h, 0, sizeof(h));
	a[0].item_seq = 1;
	a[0].hits.v = h;
	a[0].hits.n = 2;
	r.alerts = a;
	r.nalerts = 1;
	CHECK_INT_EQ(bounds_check_result(&bd, d, &r, &e), 0);
	a[0].hits.n = 3;			/* past max_hits_per_item */
	if (CHECK_INT_EQ(bounds_check_result(&bd, d, &r, &e), 1))
		CHECK_STR_EQ(e.v[0].field, "items[0].description");
	field_errors_free(&e);
	a[0].hits.n = 1;
	a[1].item_seq = SCREEN_NONE;	/* a declaration alert: no hit bound */
	a[1].hits.v = h;
	a[1].hits.n = 3;
	r.nalerts = 2;			/* past max_alerts */
	if (CHECK_INT_EQ(bounds_check_result(&bd, d, &r, &e), 1))
		CHECK_STR_EQ(e.v[0].field, "items");
	field_errors_free(&e);
	decl_free(d);
}

static void
test_conf_defaults(void)
{
	struct conf c;
	struct bounds bd;

	conf_init(&c);
	bounds_from_conf(&bd, &c);
	CHECK_INT_EQ(bd.parties, 50);
	CHECK_INT_EQ(bd.transit, 16);
	CHECK_INT_EQ(bd.documents, 32);
	CHECK_INT_EQ(bd.cas, 32);
	CHECK_INT_EQ(bd.hits, 200);
	CHECK_INT_EQ(bd.alerts, 1100);
	CHECK_INT_EQ(c.max_inflight_per_token, 256);
	conf_free(&c);
}

static void
test_inflight(void)
{
	struct inflight_table t = { NULL, 0, 0 };
	int i;

	for (i = 0; i < 3; i++)
		CHECK(bounds_take(&t, "a", 3));
	CHECK(!bounds_take(&t, "a", 3));	/* the fourth is refused */
	CHECK(bounds_take(&t, "b", 3));		/* other tokens are not */
	CHECK_INT_EQ(bounds_held(&t, "a"), 3);
	bounds_release(&t, "a");
	CHECK(bounds_take(&t, "a", 3));		/* a slot came back */
	for (i = 0; i < 3; i++)
		bounds_release(&t, "a");
	CHECK_INT_EQ(bounds_held(&t, "a"), 0);
	CHECK_INT_EQ(t.n, 1);			/* "a" forgotten, "b" kept */
	bounds_release(&t, "a");		/* no underflow */
	bounds_release(&t, "nobody");
	CHECK_INT_EQ(bounds_held(&t, "b"), 1);
	bounds_table_free(&t);
}

int
main(void)
{
	harness_init("test_bounds");
	test_decl_bounds();
	test_result_bounds();
	test_conf_defaults();
	test_inflight();
	return harness_done();
}
