/*
 * The queue's search keys and the query over them (daemon/store_keys.c,
 * schemas/0019_search_keys.sql): the keys are the distinct folded words of
 * the search text, sorted, as tsvector text; a term becomes a tsquery of
 * its folded words as prefixes; a term word that starts a word of the text
 * (in any case, with or without accents, cut or not) is a prefix of one of
 * its keys, which is what lets the queue look at keyed rows only.
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "store_keys.h"
#include "util.h"

#include "harness.h"

/* The keys of <text>, after "kept|", or "kept|(none)" when false. */
static char *
keys_of(const char *text, size_t len)
{
	struct buf b;

	buf_init(&b);
	buf_adds(&b, "kept|");
	if (!store_search_keys(&b, text, len))
		buf_adds(&b, "(none)");
	buf_addc(&b, '\0');
	return buf_release(&b);
}

static char *
query_of(const char *term)
{
	struct buf b;

	buf_init(&b);
	buf_adds(&b, "kept|");
	if (!store_search_query(&b, term))
		buf_adds(&b, "(none)");
	buf_addc(&b, '\0');
	return buf_release(&b);
}

static void
check_keys(const char *text, const char *want)
{
	char *got = keys_of(text, strlen(text));

	snprintf(h_ctx, sizeof(h_ctx), "keys of %s", text);
	CHECK_STR_EQ(got, want);
	h_ctx[0] = '\0';
	free(got);
}

static void
check_query(const char *term, const char *want)
{
	char *got = query_of(term);

	snprintf(h_ctx, sizeof(h_ctx), "query of %s", term);
	CHECK_STR_EQ(got, want);
	h_ctx[0] = '\0';
	free(got);
}

/*
 * True when every quoted word of the query <q> (between ' and ':*) is a
 * prefix of some quoted key of <keys>: what PostgreSQL's keys @@ query
 * answers for a query of prefixes joined by &.
 */
static bool
query_matches(const char *keys, const char *q)
{
	const char *w = q, *e, *k, *ke;
	bool found;

	while ((w = strchr(w, '\'')) != NULL) {
		w++;
		e = strstr(w, "':*");
		if (e == NULL)
			return false;
		found = false;
		for (k = keys; !found && (k = strchr(k, '\'')) != NULL;
		    k = ke + 1) {
			k++;
			ke = strchr(k, '\'');
			if (ke == NULL)
				return false;
			found = (size_t)(ke - k) >= (size_t)(e - w) &&
			    memcmp(k, w, (size_t)(e - w)) == 0;
		}
		if (!found)
			return false;
		w = e + 3;
	}
	return true;
}

/* Whether term <term> reaches the row whose search text is <text>. */
static bool
finds(const char *text, const char *term)
{
	char *k = keys_of(text, strlen(text)), *q = query_of(term);
	bool r = query_matches(k, q);

	free(k);
	free(q);
	return r;
}

int
main(void)
{
	char *big, *got, *want;
	size_t i;

	harness_init("test_store_keys");
	/* Distinct, folded, sorted; punctuation separates. */
	check_keys("WF-FR-77 Roasted coffee, COFFEE beans; Acme & Co.",
	    "kept|'77' 'acme' 'beans' 'co' 'coffee' 'fr' 'roasted' 'wf'");
	/* Accents and case go, other scripts are written in Latin. */
	check_keys("Caf\xc3\xa9 M\xc3\x9cLLER", "kept|'cafe' 'muller'");
	check_keys("\xd0\x9e\xd0\x9e\xd0\x9e \xd0\xa0\xd0\xbe\xd0\xbc",
	    "kept|'ooo' 'rom'");
	/* No words: an empty set of keys, not none. */
	check_keys("  -- ", "kept|");
	check_keys("", "kept|");
	/* A long word is cut to STORE_KEY_MAX bytes. */
	big = malloc(STORE_KEY_MAX * 2 + 1);
	memset(big, 'a', STORE_KEY_MAX * 2);
	big[STORE_KEY_MAX * 2] = '\0';
	got = keys_of(big, strlen(big));
	want = malloc(STORE_KEY_MAX + 8);
	snprintf(want, STORE_KEY_MAX + 8, "kept|'%.*s'", STORE_KEY_MAX, big);
	CHECK_STR_EQ(got, want);
	free(got);
	free(want);
	free(big);
	/* Too many keys: none at all (the trigram index has the row). */
	big = malloc(STORE_KEYS_MAX * 2);
	for (i = 0; i + 7 < STORE_KEYS_MAX * 2; i += 7)
		snprintf(big + i, 8, "w%05zu ", i / 7);
	got = keys_of(big, strlen(big));
	CHECK_STR_EQ(got, "kept|(none)");
	free(got);
	free(big);

	/* The query: every folded word a prefix. */
	check_query("Acme tr", "kept|'acme':* & 'tr':*");
	check_query("WF-", "kept|'wf':*");
	check_query("S12-SEARCH", "kept|'s12':* & 'search':*");
	check_query("m\xc3\xbcller", "kept|'muller':*");
	check_query("%_-", "kept|(none)");
	check_query("", "kept|(none)");

	/* What a term reaches. */
	CHECK(finds("R-1 Roasted coffee beans Acme Trading", "acme trad"));
	CHECK(finds("R-1 Roasted coffee beans Acme Trading", "ACME"));
	CHECK(finds("R-1 Roasted coffee beans Acme Trading", "-1 roast"));
	CHECK(finds("WF-FR-77 x", "FR-77"));
	CHECK(finds("M\xc3\x9cLLER GmbH", "m\xc3\xbcll"));
	CHECK(finds("M\xc3\xbcller GmbH", "MULLER"));
	CHECK(finds("Kjemi Tolv AS", "kjemi tolv"));
	/* Inside a word: not any more (documented in README). */
	CHECK(!finds("R-1 Acme Trading", "cme"));
	CHECK(!finds("R-1 Acme Trading", "acme z"));
	return harness_done();
}
