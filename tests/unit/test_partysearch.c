/*
 * Unit tests of the party search (partysearch.c) on a small OFAC-shaped
 * index built from rows written here: candidates gathered from a word many
 * listed names share (more names than one 64-bit word of the candidate
 * bitmap holds), one hit per record with its best name, the joins of
 * adjacent words in either direction (a join is found by its token id), and
 * typing errors in the first letters, which the similarity must still find
 * after its Jaro-Winkler shortcut.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "party.h"
#include "util.h"

#include "harness.h"

#define THRESHOLD	PARTY_THRESHOLD_DEFAULT
#define NSHARED		150	/* records sharing the word "zorbakian" */

/*
 * A made-up word per record: three syllables and "lmar".  Two such words
 * differ in a consonant at least, so only one of them is found exactly.
 */
static void
made_up_word(size_t i, char *out, size_t n)
{
	static const char *const syl[] = {
		"BA", "DO", "FI", "GU", "MO", "SE", "ZI", "VA", "HO", "JU",
	};

	snprintf(out, n, "%s%s%sLMAR", syl[i % 10], syl[i / 10 % 10],
	    syl[i / 100 % 10]);
}

static struct party_index *
build_index(void)
{
	struct party_index *idx = party_index_new();
	struct buf sdn, alt, errs;
	char w[32];
	size_t i;

	buf_init(&sdn);
	buf_init(&alt);
	buf_init(&errs);
	for (i = 0; i < NSHARED; i++) {
		made_up_word(i, w, sizeof(w));
		buf_printf(&sdn, "%zu,\"ZORBAKIAN %s HOLDINGS\",-0- ,"
		    "\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n",
		    1000 + i, w);
	}
	buf_printf(&sdn, "%s", "2001,\"BARAN DOLMAR TRADING\",-0- ,"
	    "\"DPRK\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n"
	    "2002,\"VELTOMARINSK\",-0- ,"
	    "\"DPRK\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n"
	    "2003,\"HASSANUDDIN, Makruf\",\"individual\","
	    "\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n"
	    "2004,\"A AND M MAHAR COMPANY LIMITED\",-0- ,"
	    "\"BURMA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n"
	    "2005,\"KORVANDIS, Tomas M.\",\"individual\","
	    "\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n"
	    "2006,\"MAHAN AIR\",-0- ,"
	    "\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n");
	/* A second name of the last shared record: the best name wins. */
	made_up_word(NSHARED - 1, w, sizeof(w));
	buf_printf(&alt, "%d,1,\"aka\",\"TRANSKARPAT %s\",-0- \n",
	    1000 + NSHARED - 1, w);
	CHECK_INT_EQ(party_add_file(idx, "sdn.csv", sdn.data, sdn.len,
	    &errs), 0);
	CHECK_INT_EQ(party_add_file(idx, "alt.csv", alt.data, alt.len,
	    &errs), 0);
	CHECK_INT_EQ(party_prepare(idx, &errs), 0);
	CHECK_INT_EQ(party_count(idx), NSHARED + 6);
	if (errs.len > 0)
		fprintf(stderr, "%s", errs.data);
	buf_free(&sdn);
	buf_free(&alt);
	buf_free(&errs);
	return idx;
}

/* Candidates from the shared word: the one record with the other word. */
static void
test_shared_word(const struct party_index *idx)
{
	struct party_hit h[8];
	char w[32], q[96], ref[16];
	size_t n, i, k;

	for (i = 0; i < NSHARED; i++) {
		made_up_word(i, w, sizeof(w));
		snprintf(q, sizeof(q), "Zorbakian %s Holdings", w);
		snprintf(ref, sizeof(ref), "%zu", 1000 + i);
		harness_context("query %s", q);
		n = party_search(idx, q, THRESHOLD, h, 8);
		CHECK(n >= 1);
		if (n == 0)
			continue;
		CHECK_STR_EQ(h[0].rec->ref, ref);
		CHECK(h[0].score > 0.99);
		/* One hit per record, best first. */
		for (k = 1; k < n; k++) {
			CHECK(strcmp(h[k].rec->ref, h[0].rec->ref) != 0);
			CHECK(h[k].score <= h[k - 1].score);
		}
	}
	harness_context(NULL);
	/* The last record, through its alias: one hit, the alias matched. */
	made_up_word(NSHARED - 1, w, sizeof(w));
	snprintf(q, sizeof(q), "Transkarpat %s", w);
	n = party_search(idx, q, THRESHOLD, h, 8);
	CHECK_INT_EQ(n, 1);
	if (n > 0) {
		snprintf(ref, sizeof(ref), "%d", 1000 + NSHARED - 1);
		CHECK_STR_EQ(h[0].rec->ref, ref);
		CHECK(strncmp(h[0].matched, "TRANSKARPAT", 11) == 0);
	}
	/* The shared words alone name no one record. */
	n = party_search(idx, "Zorbakian Holdings", THRESHOLD, h, 8);
	for (k = 0; k < n; k++)
		CHECK(h[k].score < 0.99);
}

/* Words joined on either side, and typing errors in the first letters. */
static void
test_joins_typos(const struct party_index *idx)
{
	static const struct {
		const char	*query, *ref;
		unsigned	 distortion;	/* expected among the hit's */
	} cases[] = {
		{ "Barandolmar Trading", "2001", PARTY_D_JOINED },
		{ "BARAN-DOLMAR TRADING", "2001", 0 },
		{ "Veltomarin Sk", "2002", PARTY_D_JOINED },
		{ "Velto Marinsk", "2002", PARTY_D_JOINED },
		{ "Makruf Bhassanuddin", "2003", PARTY_D_TYPO },
		{ "Makruf Ahssanuddin", "2003", PARTY_D_TYPO },
	};
	struct party_hit h[4];
	size_t i, n;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		harness_context("query %s", cases[i].query);
		n = party_search(idx, cases[i].query, THRESHOLD, h, 4);
		CHECK(n >= 1);
		if (n == 0)
			continue;
		CHECK_STR_EQ(h[0].rec->ref, cases[i].ref);
		CHECK((h[0].distortions & cases[i].distortion) ==
		    cases[i].distortion);
	}
	harness_context(NULL);
	/* A lone word stands for the whole name: only near-exact, and
	 * never with another first letter. */
	n = party_search(idx, "Zeltomarinsk", THRESHOLD, h, 4);
	CHECK_INT_EQ(n, 0);
	n = party_search(idx, "Veltomarinsk", THRESHOLD, h, 4);
	CHECK_INT_EQ(n, 1);
}

/*
 * A one-letter word of a person's name is an initial: it stands for a
 * given name of the query.  In a firm's name ("A AND M MAHAR") it is a
 * letter of the name, and two such letters do not make "MAHAN AIRWAYS"
 * the firm.
 */
static void
test_initials(const struct party_index *idx)
{
	struct party_hit h[4];
	size_t n, k;

	n = party_search(idx, "Tomas Mirko Korvandis", THRESHOLD, h, 4);
	CHECK(n >= 1);
	if (n > 0)
		CHECK_STR_EQ(h[0].rec->ref, "2005");
	n = party_search(idx, "Mahan Airways", THRESHOLD, h, 4);
	for (k = 0; k < n; k++)
		CHECK(strcmp(h[k].rec->ref, "2004") != 0);
	n = party_search(idx, "A and M Mahar Company", THRESHOLD, h, 4);
	CHECK(n >= 1);
	if (n > 0)
		CHECK_STR_EQ(h[0].rec->ref, "2004");
}

int
main(void)
{
	struct party_index *idx;

	harness_init("test_partysearch");
	idx = build_index();
	test_shared_word(idx);
	test_joins_typos(idx);
	test_initials(idx);
	party_index_free(idx);
	return harness_done();
}
