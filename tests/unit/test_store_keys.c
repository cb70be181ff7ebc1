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
	/*
	 * Chinese and Japanese run their words together: each character is a
	 * key, so a term anywhere in the phrase reaches the row (ILIKE then
	 * decides).  "三氯氧磷（磷酰氯）99% 250公斤钢桶": "钢桶", "氯氧磷",
	 * "250公斤"; katakana "ホスホリルクロリド": "クロリド".
	 */
	check_keys("\xe9\x92\xa2\xe6\xa1\xb6" "250",
	    "kept|'250' '\xe6\xa1\xb6' '\xe9\x92\xa2'");
	CHECK(finds("\xe4\xb8\x89\xe6\xb0\xaf\xe6\xb0\xa7\xe7\xa3\xb7\xef\xbc\x88\xe7\xa3\xb7"
	    "\xe9\x85\xb0\xe6\xb0\xaf\xef\xbc\x89\x39\x39\x25 250\xe5\x85\xac\xe6\x96\xa4"
	    "\xe9\x92\xa2\xe6\xa1\xb6", "\xe9\x92\xa2\xe6\xa1\xb6"));
	CHECK(finds("\xe4\xb8\x89\xe6\xb0\xaf\xe6\xb0\xa7\xe7\xa3\xb7 x",
	    "\xe6\xb0\xaf\xe6\xb0\xa7\xe7\xa3\xb7"));
	CHECK(finds("\xe4\xb8\x89\xe6\xb0\xaf 250\xe5\x85\xac\xe6\x96\xa4", "250\xe5\x85\xac"));
	CHECK(finds("\xe3\x83\x9b\xe3\x82\xb9\xe3\x83\x9b\xe3\x83\xaa\xe3\x83\xab\xe3\x82\xaf"
	    "\xe3\x83\xad\xe3\x83\xaa\xe3\x83\x89 250kg",
	    "\xe3\x82\xaf\xe3\x83\xad\xe3\x83\xaa\xe3\x83\x89"));
	CHECK(!finds("\xe4\xb8\x89\xe6\xb0\xaf", "\xe9\x92\xa2"));
	/*
	 * Korean compounds: each syllable is a key, so a word inside one
	 * reaches the row: "화학제품" (chemical products) by "제품",
	 * "질산암모늄" (ammonium nitrate) by "암모늄"; "석유" is not in it.
	 */
	CHECK(finds("\xed\x99\x94\xed\x95\x99\xec\xa0\x9c\xed\x92\x88 250kg",
	    "\xec\xa0\x9c\xed\x92\x88"));
	CHECK(finds("\xec\xa7\x88\xec\x82\xb0\xec\x95\x94\xeb\xaa\xa8\xeb\x8a\x84 25kg",
	    "\xec\x95\x94\xeb\xaa\xa8\xeb\x8a\x84"));
	CHECK(!finds("\xed\x99\x94\xed\x95\x99\xec\xa0\x9c\xed\x92\x88",
	    "\xec\x84\x9d\xec\x9c\xa0"));
	check_keys("\xec\xa0\x9c\xed\x92\x88", "kept|'\xe1\x84\x8c\xe1\x85\xa6' "
	    "'\xe1\x84\x91\xe1\x85\xae\xe1\x86\xb7'");
	/*
	 * Arabic with the article glued ("الفوسفور", folded "alfwsfwr") is
	 * found by the word without it ("فوسفور"); a Latin word beginning
	 * with "al" is not cut.
	 */
	CHECK(finds("\xd8\xab\xd9\x84\xd8\xa7\xd8\xab\xd9\x8a \xd8\xa7\xd9\x84\xd9\x81\xd9\x88"
	    "\xd8\xb3\xd9\x81\xd9\x88\xd8\xb1", "\xd9\x81\xd9\x88\xd8\xb3\xd9\x81\xd9\x88\xd8\xb1"));
	CHECK(finds("\xd8\xa7\xd9\x84\xd9\x81\xd9\x88\xd8\xb3\xd9\x81\xd9\x88\xd8\xb1",
	    "\xd8\xa7\xd9\x84\xd9\x81\xd9\x88\xd8\xb3"));
	check_keys("Alcohol", "kept|'alcohol'");
	/* Inside a word: not any more (documented in README). */
	CHECK(!finds("R-1 Acme Trading", "cme"));
	CHECK(!finds("R-1 Acme Trading", "acme z"));
	return harness_done();
}
