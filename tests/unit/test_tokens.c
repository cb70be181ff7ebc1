/*
 * Unit tests of the token cache (tokens.c): staleness, one refresh shared
 * by every waiter, waiters called in order with the outcome, a failed
 * refresh keeps the old table.
 */
#include "config.h"

#include <string.h>

#include "auth.h"
#include "tokens.h"

#include "harness.h"

static char	calls[64];
static int	unavailable_seen;

static void
waiter(void *arg, bool unavailable)
{
	size_t l = strlen(calls);

	if (l + 1 < sizeof(calls)) {
		calls[l] = *(const char *)arg;
		calls[l + 1] = '\0';
	}
	unavailable_seen += unavailable;
}

static void
table_with(struct auth_table *t, const char *token, const char *name)
{
	char hash[65];

	memset(t, 0, sizeof(*t));
	auth_token_hash(token, hash);
	CHECK_INT_EQ(auth_table_add(t, name, "submitter", hash), 0);
}

int
main(void)
{
	struct token_cache tc;
	struct auth_table t;
	const struct auth_entry *e;

	harness_init("test_tokens");
	memset(&tc, 0, sizeof(tc));
	CHECK(tokens_stale(&tc, 1));		/* never loaded */

	/* Two misses wait for one refresh; the first starts it. */
	CHECK(tokens_wait(&tc, waiter, "a"));
	tc.loading = true;			/* what tokens_refresh sets */
	CHECK(!tokens_wait(&tc, waiter, "b"));
	table_with(&t, "cdn_one", "sys-one");
	tokens_loaded(&tc, &t, true, false, 1000);
	CHECK_STR_EQ(calls, "ab");
	CHECK(!tc.loading && tc.waiting == NULL);
	e = auth_lookup(&tc.table, "cdn_one");
	CHECK(e != NULL && strcmp(e->name, "sys-one") == 0);
	CHECK(auth_lookup(&tc.table, "cdn_two") == NULL);

	/* Fresh: a miss does not wait; later it may. */
	CHECK(!tokens_stale(&tc, 1000 + TOKENS_REFRESH_MIN_MS));
	CHECK(tokens_stale(&tc, 1001 + TOKENS_REFRESH_MIN_MS));

	/* A failed refresh keeps the table and tells the waiters. */
	calls[0] = '\0';
	CHECK(tokens_wait(&tc, waiter, "c"));
	tc.loading = true;
	table_with(&t, "cdn_two", "sys-two");
	tokens_loaded(&tc, &t, false, true, 5000);
	CHECK_STR_EQ(calls, "c");
	CHECK_INT_EQ(unavailable_seen, 1);
	CHECK(auth_lookup(&tc.table, "cdn_one") != NULL);
	CHECK(auth_lookup(&tc.table, "cdn_two") == NULL);
	CHECK_INT_EQ(tc.loaded_ms, 1000);	/* still the old load */

	/* Revocation: a new table without the token replaces the old. */
	table_with(&t, "cdn_two", "sys-two");
	tokens_loaded(&tc, &t, true, false, 9000);
	CHECK(auth_lookup(&tc.table, "cdn_one") == NULL);
	CHECK(auth_lookup(&tc.table, "cdn_two") != NULL);

	CHECK(tokens_wait(&tc, waiter, "d"));	/* freed with the cache */
	tokens_free(&tc);
	CHECK(tc.waiting == NULL);
	return harness_done();
}
