/*
 * Unit tests of the party search (partysearch.c) on a small OFAC-shaped
 * index built from rows written here: candidates gathered from a word many
 * listed names share (more names than one 64-bit word of the candidate
 * bitmap holds), one hit per record with its best name, the joins of
 * adjacent words in either direction (a join is found by its token id), and
 * typing errors in the first letters, which the similarity must still find
 * after its Jaro-Winkler shortcut.  Also: forms of a name that come down
 * to the same words ("X Co., Ltd.", searched again as "X Co." and "X")
 * keep the hit of the name as given; the index's hashed side tables find
 * every key they hold; the bounded edit distance agrees with a plain one;
 * the check that tells unlike token pairs apart first never changes a
 * similarity; a long name of a person written with its first and family names only,
 * and a short one with a middle name more.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "party.h"
#include "partyint.h"
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
 * Forms of the name in the field (the part before a comma, less a city)
 * that come down to the words of the name itself are not searched again:
 * the hit is the one of the name as given, with its full score.
 */
static void
test_forms(const struct party_index *idx)
{
	static const struct {
		const char	*query;
		bool		 whole;	/* the name as given is the best */
	} cases[] = {
		{ "Baran Dolmar Trading Co., Ltd.", true },
		{ "BARAN DOLMAR TRADING LLC.", true },
		{ "Baran Dolmar Trading Co., Ltd., Tehran", false },
		{ "BARAN DOLMAR TRADING LLC, Dubai", false },
		{ "Zeltronic Supplies c/o Baran Dolmar Trading Co., Ltd.",
		    false },
	};
	struct party_hit plain[4], h[4];
	size_t i, n, np;

	np = party_search(idx, "Baran Dolmar Trading", THRESHOLD, plain, 4);
	CHECK_INT_EQ(np, 1);
	if (np == 0)
		return;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		harness_context("query %s", cases[i].query);
		n = party_search(idx, cases[i].query, THRESHOLD, h, 4);
		CHECK(n >= 1);
		if (n == 0)
			continue;
		CHECK_STR_EQ(h[0].rec->ref, "2001");
		CHECK_STR_EQ(h[0].words, plain[0].words);
		if (cases[i].whole) {
			CHECK(h[0].score == plain[0].score);
			CHECK((h[0].distortions & (PARTY_D_ADDRESS |
			    PARTY_D_CAREOF)) == 0);
		} else {
			/* A form: a little weaker, and said so. */
			CHECK(h[0].score < plain[0].score);
			CHECK((h[0].distortions & (PARTY_D_ADDRESS |
			    PARTY_D_CAREOF)) != 0);
		}
	}
	harness_context(NULL);
}

/* Every deletion key and skeleton of every listed word finds its word. */
static void
test_side_tables(const struct party_index *idx)
{
	const struct hkey *h;
	size_t t, s, k, cnt, bad = 0, checked = 0;

	for (t = 0; t < idx->ntoks; t++) {
		const struct ptok *tok = &idx->toks[t];

		if (tok->len < FUZZY_MINLEN - 1)
			continue;
		for (s = 0; s <= tok->len; s++) {
			h = partyindex_hkeys_find(&idx->dels,
			    partyindex_hash_deletion(tok->key, tok->len, s),
			    &cnt);
			for (k = 0; k < cnt && h[k].tok != t; k++)
				;
			bad += k == cnt;
			checked++;
		}
	}
	CHECK(checked > 1000);
	CHECK_INT_EQ(bad, 0);
	/* A hash no key has finds nothing. */
	h = partyindex_hkeys_find(&idx->dels, partyindex_hash("qqqqqqqq", 8),
	    &cnt);
	CHECK_INT_EQ(cnt, 0);
}

/* Optimal string alignment distance, the whole table: the reference. */
static size_t
plain_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t d[MAXTOKLEN + 1][MAXTOKLEN + 1];

	for (i = 0; i <= la; i++)
		d[i][0] = i;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++)
		for (j = 1; j <= lb; j++) {
			size_t v = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);

			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[la][lb];
}

/*
 * The bounded distance (which gives up early on words whose letters differ
 * too much) against the reference, on words and their edits: equal up to
 * the bound, above it beyond.
 */
static void
test_edit_distance(void)
{
	static const char *const words[] = {
		"mohamad", "muhamad", "mohammed", "ahmad", "ahmed", "hamad",
		"abdul", "abdl", "adbul", "kwangil", "kwagnil", "sanat",
		"sanam", "golden", "gulden", "olden", "trading", "tradign",
		"aaab", "abbb", "abc", "cba", "ab", "ba", "x", "",
	};
	size_t i, j, max, bad = 0;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		for (j = 0; j < sizeof(words) / sizeof(words[0]); j++)
			for (max = 0; max <= 3; max++) {
				size_t ref = plain_distance(words[i], words[j]);
				size_t d = partyname_edit_distance(words[i],
				    strlen(words[i]), words[j],
				    strlen(words[j]), max);

				if (ref <= max ? d != ref : d <= max) {
					harness_context("%s / %s, max %zu",
					    words[i], words[j], max);
					CHECK_INT_EQ(d, ref);
					bad++;
				}
			}
	harness_context(NULL);
	CHECK_INT_EQ(bad, 0);
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

/*
 * The check that tells unlike token pairs apart before their spellings are
 * read (sim_possible) must never change a similarity: every listed token of
 * an index of names chosen for each way two words can be alike (vowel and
 * consonant variants, skeletons of vowel-poor spellings, long words with
 * two typing errors, words that start with vowels), against query words
 * made from the listed ones by every distortion scoring forgives and some
 * it does not, strict or not, known or unknown, lexical or not.  It must
 * also tell some pairs apart (else it is no check) and keep the alike ones.
 */
static void
mutate(const char *w, void (*use)(const char *, void *), void *arg)
{
	static const char *const swaps[][2] = {
		{ "a", "e" }, { "e", "i" }, { "o", "u" }, { "u", "a" },
		{ "g", "j" }, { "c", "j" }, { "d", "z" }, { "g", "k" },
		{ "ch", "sh" }, { "q", "g" }, { "b", "p" }, { "m", "n" },
	};
	char out[80];
	size_t n = strlen(w), i, k;

	if (n + 3 >= sizeof(out))
		return;
	use(w, arg);
	for (i = 0; i < n; i++) {
		/* A letter dropped, doubled, swapped with the next. */
		snprintf(out, sizeof(out), "%.*s%s", (int)i, w, w + i + 1);
		use(out, arg);
		snprintf(out, sizeof(out), "%.*s%c%s", (int)i, w, w[i], w + i);
		use(out, arg);
		if (i + 1 < n) {
			snprintf(out, sizeof(out), "%.*s%c%c%s", (int)i, w,
			    w[i + 1], w[i], w + i + 2);
			use(out, arg);
		}
		/* Each letter replaced by its pair, and by "x". */
		for (k = 0; k < NELEM(swaps); k++) {
			size_t l = strlen(swaps[k][0]);

			if (strncmp(w + i, swaps[k][0], l) == 0) {
				snprintf(out, sizeof(out), "%.*s%s%s", (int)i,
				    w, swaps[k][1], w + i + l);
				use(out, arg);
			}
		}
		snprintf(out, sizeof(out), "%.*sx%s", (int)i, w, w + i + 1);
		use(out, arg);
	}
	/* Two letters more or fewer at either end. */
	snprintf(out, sizeof(out), "%sar", w);
	use(out, arg);
	snprintf(out, sizeof(out), "ar%s", w);
	use(out, arg);
	if (n > 3) {
		snprintf(out, sizeof(out), "%.*s", (int)(n - 2), w);
		use(out, arg);
		use(w + 2, arg);
	}
}

struct simcheck {
	const struct party_index	*idx;
	size_t				 pairs, differ, told, alike;
};

static void
sim_check_word(const char *word, void *arg)
{
	struct simcheck *sc = arg;
	struct qtok q;
	size_t j;
	unsigned flags;

	partyname_qtok_set(&q, word, false);
	if (q.len == 0)
		return;
	for (flags = 0; flags < 16; flags++) {
		q.unknown = flags & 1;
		q.lexical = (flags & 2) != 0;
		q.rawdiff = (flags & 4) != 0;
		for (j = 0; j < sc->idx->ntoks; j++) {
			const struct ptok *n = &sc->idx->toks[j];
			bool strict = (flags & 8) != 0;
			double all = partysearch_token_sim(n, &q, strict, false);
			double fil = partysearch_token_sim(n, &q, strict, true);

			sc->pairs++;
			if (all != fil) {
				sc->differ++;
				harness_context("listed %s query %s flags %u",
				    n->key, q.key, flags);
				CHECK(all == fil);
			}
			if (!partysearch_sim_possible(n, &q, strict))
				sc->told++;
			if (all > 0)
				sc->alike++;
		}
	}
}

static void
test_sim_prefilter(void)
{
	static const char *const names[] = {
		"MOHAMMED ABDULLAH ASIM", "MUHAMAD ABDALLAH ASEM",
		"GAMAL JAMAL CEMAL", "RAMAZAN RAMADAN", "CHAKER SHAKER",
		"QASIM GASIM KASIM", "MHMD SLMN", "ESMATULLAH ASMATULLAH",
		"OUSMANE ISMAIL ABUBAKAR", "KONSTANTINOPOLSKY ALEKSANDROVICH",
		"VELKAN KISH", "NAM CHON GANG", "AL HARAMAIN ISLAMIC",
		"KWANG IL", "BIN LADEN", "ABU BAKR", "TRANSKARPATSKAYA",
		"INTERNATIONAL SHIPPING TRADING COMPANY",
		"EUROPEAN UNDERWATER OPERATIONS", "UZBEKISTAN OIL",
	};
	struct party_index *idx = party_index_new();
	struct buf sdn, errs;
	struct simcheck sc;
	size_t i, j;

	buf_init(&sdn);
	buf_init(&errs);
	for (i = 0; i < NELEM(names); i++)
		buf_printf(&sdn, "%zu,\"%s\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,"
		    "-0- ,-0- ,-0- ,-0- \n", 5000 + i, names[i]);
	CHECK_INT_EQ(party_add_file(idx, "sdn.csv", sdn.data, sdn.len,
	    &errs), 0);
	CHECK_INT_EQ(party_prepare(idx, &errs), 0);
	memset(&sc, 0, sizeof(sc));
	sc.idx = idx;
	for (j = 0; j < idx->ntoks; j++)
		mutate(idx->toks[j].key, sim_check_word, &sc);
	harness_context("prefilter: %zu pairs", sc.pairs);
	CHECK(sc.pairs > 100000);
	CHECK_INT_EQ(sc.differ, 0);
	/* It tells most pairs apart, and scoring still finds alike ones. */
	CHECK(sc.told > sc.pairs / 2);
	CHECK(sc.alike > 1000);
	buf_free(&sdn);
	buf_free(&errs);
	party_index_free(idx);
}

/*
 * A person's name of many words written with the first name and the family
 * name only: the left-out words (common given names of a nasab chain) weigh
 * together at most PSCORE_DROPPED_MAX of the heaviest of them, however many
 * there are.  Words of the middle alone still name no one.  The other way
 * round, a middle name the list does not record weighs like a dropped one,
 * a word before the first name in full.
 */
static void
test_dropped_middle(void)
{
	static const char *const family[] = { "TELFASSINE", "OUZANDRIK" };
	struct party_index *idx = party_index_new();
	struct party_hit h[4];
	struct buf sdn, errs;
	size_t i, n, k;

	buf_init(&sdn);
	buf_init(&errs);
	buf_printf(&sdn, "%s", "3001,\"VORQADHIM, Leyla Muhammad Ahmad "
	    "Mustafa Khalil Abu Hassan\",\"individual\",\"LIBYA\",-0- ,"
	    "-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n"
	    "3002,\"KORSEVANDI, Tarad Yusuf\",\"individual\",\"LIBYA\",-0- ,"
	    "-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n");
	/*
	 * The middle names are common ones of the index: five of them weighed
	 * a quarter each and sank the name (0.83).
	 */
	for (i = 0; i < sizeof(family) / sizeof(family[0]); i++)
		buf_printf(&sdn, "%zu,\"%s, Muhammad Ahmad Mustafa Khalil "
		    "Hassan\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,"
		    "-0- ,-0- ,-0- ,-0- \n", 3100 + i, family[i]);
	CHECK_INT_EQ(party_add_file(idx, "sdn.csv", sdn.data, sdn.len,
	    &errs), 0);
	CHECK_INT_EQ(party_prepare(idx, &errs), 0);

	n = party_search(idx, "Leyla VORQADHIM", THRESHOLD, h, 4);
	CHECK(n >= 1);
	if (n > 0)
		CHECK_STR_EQ(h[0].rec->ref, "3001");
	n = party_search(idx, "Leyla Vorkadhim", THRESHOLD, h, 4);
	CHECK(n >= 1);
	if (n > 0)
		CHECK_STR_EQ(h[0].rec->ref, "3001");
	/* A middle name the list does not record, and one before the name. */
	n = party_search(idx, "Tarad Yusuf Alnoreth Korsevandi", THRESHOLD,
	    h, 4);
	CHECK(n >= 1);
	if (n > 0)
		CHECK_STR_EQ(h[0].rec->ref, "3002");
	n = party_search(idx, "Alnoreth Tarad Yusuf Korsevandi", THRESHOLD,
	    h, 4);
	for (k = 0; k < n; k++)
		CHECK(strcmp(h[k].rec->ref, "3002") != 0);
	/* Neither end of the name: common words name no one. */
	n = party_search(idx, "Muhammad Mustafa", THRESHOLD, h, 4);
	for (k = 0; k < n; k++)
		CHECK(strcmp(h[k].rec->ref, "3001") != 0);
	/* One word of the name and another family name. */
	n = party_search(idx, "Leyla Tarnovski", THRESHOLD, h, 4);
	for (k = 0; k < n; k++)
		CHECK(strcmp(h[k].rec->ref, "3001") != 0);
	buf_free(&sdn);
	buf_free(&errs);
	party_index_free(idx);
}

/*
 * A Slavic patronymic written on one side only, or in Belarusian on one
 * side and Russian on the other, weighs like a dropped word; a family
 * name shaped like a patronymic (-ovich) is still a family name, and a
 * patronymic never stands in for another family name.
 */
static void
test_patronymics(void)
{
	static const struct {
		const char	*query, *ref;
		bool		 hit;
	} cases[] = {
		{ "Ruslan Borisovich TALMASHKIN", "4001", true },
		{ "Talmashkin Ruslan Borisovitch", "4001", true },
		{ "Natallia Vladimirovna PIATREVICH", "4002", true },
		{ "Oksana Petrivna VERESKUN", "4004", true },
		{ "Ruslan Borisovich KELMASOV", "4001", false },
		{ "Roman Kelmasov", "4003", false },
		{ "Roman Arkadyevich Kelmasov", "4003", false },
		{ "Oksana Petrivna", "4004", false },
		{ "Natallia Vladimirovna", "4002", false },
	};
	struct party_index *idx = party_index_new();
	struct party_hit h[4];
	struct buf errs;
	size_t i, k, n;
	bool found;
	static const char sdn[] =
	    "4001,\"TALMASHKIN, Ruslan\",\"individual\",\"UKRAINE\",-0- ,"
	    "-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n"
	    "4002,\"PIATREVICH, Natallia Uladzimirauna\",\"individual\","
	    "\"BELARUS\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n"
	    "4003,\"VORANOVICH, Roman Arkadyevich\",\"individual\","
	    "\"RUSSIA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n"
	    "4004,\"VERESKUN, Oksana Nikolaevna\",\"individual\","
	    "\"RUSSIA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n";

	buf_init(&errs);
	CHECK_INT_EQ(party_add_file(idx, "sdn.csv", sdn, sizeof(sdn) - 1,
	    &errs), 0);
	CHECK_INT_EQ(party_prepare(idx, &errs), 0);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		n = party_search(idx, cases[i].query, THRESHOLD, h, 4);
		found = false;
		for (k = 0; k < n; k++)
			found |= strcmp(h[k].rec->ref, cases[i].ref) == 0;
		if (found != cases[i].hit)
			fprintf(stderr, "patronymic: %s\n", cases[i].query);
		CHECK(found == cases[i].hit);
	}
	buf_free(&errs);
	party_index_free(idx);
}

int
main(void)
{
	struct party_index *idx;

	harness_init("test_partysearch");
	idx = build_index();
	test_shared_word(idx);
	test_joins_typos(idx);
	test_forms(idx);
	test_side_tables(idx);
	test_edit_distance();
	test_initials(idx);
	test_dropped_middle();
	test_patronymics();
	party_index_free(idx);
	test_sim_prefilter();
	return harness_done();
}
