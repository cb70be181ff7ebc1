/*
 * Unit tests of party.c and partyload.c: the importers on the real UN, OFAC
 * and BIS files (tests/data/unit/party/real) and on broken ones (bad/, each
 * with the exact errors expected in a .expected file beside it, and nothing
 * imported); then name matching against the UN list: names that must hit
 * (as spelt on declarations: legal forms, acronyms, romanisation variants,
 * typos, reordered words, Cyrillic and Arabic script) and ordinary firms
 * sharing words with listed names that must not; finally the same searches
 * from several threads at once.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "party.h"
#include "util.h"

#include "harness.h"

#define THRESHOLD	PARTY_THRESHOLD_DEFAULT

static int
add_path(struct party_index *idx, const char *rel, const char *as,
    struct buf *errs)
{
	char *path = harness_data_path(rel);
	size_t len;
	char *data = harness_read(path, &len);
	int n;

	n = party_add_file(idx, as, data, len, errs);
	free(data);
	free(path);
	return n;
}

static bool
has_alias(const struct party_record *r, const char *a)
{
	size_t i;

	for (i = 0; i < r->naliases; i++)
		if (strcmp(r->aliases[i], a) == 0)
			return true;
	return false;
}

static const char *
best_ref(const struct party_index *idx, const char *name, double *score)
{
	struct party_hit h[4];
	size_t n = party_search(idx, name, THRESHOLD, h, 4);

	*score = n > 0 ? h[0].score : 0;
	return n > 0 ? h[0].rec->ref : NULL;
}

/* ------------------------------------------------------------------ */

static struct party_index *
test_un(void)
{
	struct party_index *idx = party_index_new();
	const struct party_record *r;
	struct buf errs;
	json_t *info;

	buf_init(&errs);
	CHECK_INT_EQ(add_path(idx, "unit/party/real/UN_consolidated.xml",
	    "UN_consolidated.xml", &errs), 0);
	CHECK_INT_EQ(party_prepare(idx, &errs), 0);
	CHECK_INT_EQ(errs.len, 0);
	CHECK_INT_EQ(party_count(idx), 1003);	/* 730 + 273 */

	r = party_find(idx, "un-sc", "KPe.001");
	if (CHECK(r != NULL)) {
		CHECK_STR_EQ(r->name,
		    "KOREA MINING DEVELOPMENT TRADING CORPORATION");
		CHECK_STR_EQ(r->kind, "entity");
		CHECK_STR_EQ(r->regime, "DPRK");
		CHECK_STR_EQ(r->listed_on, "2009-04-24");
		CHECK_STR_EQ(r->country, "KP");
		CHECK(has_alias(r, "CHANGGWANG SINYONG CORPORATION"));
		CHECK(has_alias(r, "\"KOMID\""));	/* as published */
		CHECK(has_alias(r, "KOMID"));		/* the acronym */
	}
	/* An acronym in brackets in the primary name becomes an alias. */
	r = party_find(idx, "un-sc", "KPe.007");
	if (CHECK(r != NULL))
		CHECK(has_alias(r, "GBAE"));
	/* Individuals: names joined, the original script as an alias. */
	r = party_find(idx, "un-sc", "IQi.001");
	if (CHECK(r != NULL)) {
		CHECK_STR_EQ(r->kind, "individual");
		CHECK_STR_EQ(r->regime, "Iraq");
		CHECK(has_alias(r, "صدام حسين التكريتي"));
	}
	/* xs:date with a zone is kept as the date. */
	r = party_find(idx, "un-sc", "CDi.002");
	if (CHECK(r != NULL))
		CHECK_STR_EQ(r->name, "FRANK KAKOLELE BWAMBALE");

	info = party_lists_info(idx);
	CHECK_INT_EQ(json_array_size(info), 1);
	CHECK_STR_EQ(json_string_value(json_object_get(json_array_get(info, 0),
	    "id")), "un-sc");
	CHECK_STR_EQ(json_string_value(json_object_get(json_array_get(info, 0),
	    "generated")), "2026-02-27T00:00:09.554Z");
	CHECK_INT_EQ(json_integer_value(json_object_get(json_array_get(info,
	    0), "records")), 1003);
	CHECK(json_integer_value(json_object_get(json_array_get(info, 0),
	    "names")) > 2000);
	json_decref(info);
	buf_free(&errs);
	return idx;
}

static void
test_ofac_bis(void)
{
	struct party_index *idx = party_index_new();
	const struct party_record *r;
	struct buf errs;
	double s;

	buf_init(&errs);
	/* alt and add before sdn: resolved in party_prepare(). */
	CHECK_INT_EQ(add_path(idx, "unit/party/real/alt.csv", "alt.csv",
	    &errs), 0);
	CHECK_INT_EQ(add_path(idx, "unit/party/real/add.csv", "add.csv",
	    &errs), 0);
	CHECK_INT_EQ(add_path(idx, "unit/party/real/sdn.csv", "sdn.csv",
	    &errs), 0);
	CHECK_INT_EQ(add_path(idx, "unit/party/real/dpl.txt", "dpl.txt",
	    &errs), 0);
	/* The same file twice is refused. */
	CHECK_INT_EQ(add_path(idx, "unit/party/real/dpl.txt", "dpl.txt",
	    &errs), 1);
	CHECK(strstr(errs.data, "dpl.txt:1: list already loaded") != NULL);
	buf_reset(&errs);
	CHECK_INT_EQ(party_prepare(idx, &errs), 0);
	CHECK_INT_EQ(errs.len, 0);

	r = party_find(idx, "ofac-sdn", "306");
	if (CHECK(r != NULL)) {
		CHECK_STR_EQ(r->name, "BANCO NACIONAL DE CUBA");
		CHECK_STR_EQ(r->kind, "entity");
		CHECK_STR_EQ(r->regime, "CUBA");
		CHECK_STR_EQ(r->country, "CH");	/* first address: Zurich */
		CHECK(has_alias(r, "NATIONAL BANK OF CUBA"));
		CHECK(r->listed_on == NULL);
	}
	r = party_find(idx, "ofac-sdn", "16681");
	if (CHECK(r != NULL))
		CHECK_STR_EQ(r->name, "BANK ROSSIYA");
	/* BIS: a leading space trimmed, US dates, ISO country. */
	r = party_get(idx, party_count(idx) - 1);
	CHECK(r != NULL && strcmp(r->list_id, "bis-dpl") == 0);
	{
		size_t i, nbis = 0, found = 0;

		for (i = 0; i < party_count(idx); i++) {
			r = party_get(idx, i);
			if (strcmp(r->list_id, "bis-dpl") != 0)
				continue;
			nbis++;
			if (strcmp(r->name, "I. ASH") == 0 &&
			    strcmp(r->listed_on, "2003-06-19") == 0) {
				found++;
				CHECK_STR_EQ(r->listed_on, "2003-06-19");
				CHECK_STR_EQ(r->country, "US");
				CHECK_STR_EQ(r->regime, "BIS DPL");
				CHECK_INT_EQ(strlen(r->ref), 12);
			}
		}
		CHECK_INT_EQ(found, 1);
		CHECK(nbis > 400 && nbis <= 581);
		CHECK_INT_EQ(party_count(idx), 8976 + nbis);
	}

	/* Cyrillic and Arabic script against Latin listed names. */
	CHECK_STR_EQ(best_ref(idx, "Банк Россия", &s), "16681");
	CHECK_STR_EQ(best_ref(idx, "Рособоронэкспорт", &s), "18782");
	CHECK_STR_EQ(best_ref(idx, "Rosoboronexport", &s), "18782");
	CHECK_STR_EQ(best_ref(idx, "بنك صادرات ايران", &s), "10368");
	CHECK_STR_EQ(best_ref(idx, "Bank Saderat Iran", &s), "10368");
	CHECK_STR_EQ(best_ref(idx, "Banco Nacional de Cuba S.A.", &s), "306");

	party_index_free(idx);

	/* alt.csv alone: every row refers to an unknown ent_num. */
	idx = party_index_new();
	buf_reset(&errs);
	CHECK_INT_EQ(add_path(idx, "unit/party/bad/alt.csv.rows", "alt.csv",
	    &errs), 2);
	buf_reset(&errs);
	CHECK_INT_EQ(add_path(idx, "unit/party/real/alt.csv", "alt.csv",
	    &errs), 0);
	CHECK(party_prepare(idx, &errs) > 1000);
	CHECK(strncmp(errs.data, "alt.csv:1: ent_num 36 is not in sdn.csv\n",
	    40) == 0);
	CHECK(strstr(errs.data, "more rows refer to unknown entries") != NULL);
	party_index_free(idx);
	buf_free(&errs);
}

/* ------------------------------------------------------------------ */

static const struct bad_case {
	const char	*file;	/* under unit/party/bad/ */
	const char	*as;	/* the name it is added under */
} bad_cases[] = {
	{ "csl_as_sdn.csv", "sdn.csv" },
	{ "sdn_comments_as_alt.csv", "alt.csv" },
	{ "sdn.csv.unterminated", "sdn.csv" },
	{ "sdn.csv.rows", "sdn.csv" },
	{ "alt.csv.rows", "alt.csv" },
	{ "dpl.txt.header", "dpl.txt" },
	{ "dpl.txt.rows", "dpl.txt" },
	{ "malformed.xml", "malformed.xml" },
	{ "other_root.xml", "other_root.xml" },
	{ "entity.xml", "entity.xml" },
	{ "laughs.xml", "laughs.xml" },
	{ "deep.xml", "deep.xml" },
	{ "noref.xml", "noref.xml" },
};

static void
test_bad_files(void)
{
	size_t i;

	for (i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		struct party_index *idx = party_index_new();
		struct buf errs;
		char rel[256], *path, *want;
		json_t *info;
		time_t t0;
		int n;

		harness_context("bad file %s", bad_cases[i].file);
		buf_init(&errs);
		/* A good list first: it must stay as it was. */
		if (strcmp(bad_cases[i].as, "dpl.txt") == 0)
			CHECK_INT_EQ(add_path(idx, "unit/party/real/sdn.csv",
			    "sdn.csv", &errs), 0);
		else
			CHECK_INT_EQ(add_path(idx, "unit/party/real/dpl.txt",
			    "dpl.txt", &errs), 0);
		n = (int)party_count(idx);
		snprintf(rel, sizeof(rel), "unit/party/bad/%s",
		    bad_cases[i].file);
		t0 = time(NULL);
		CHECK(add_path(idx, rel, bad_cases[i].as, &errs) > 0);
		/* Refused at once: nested entities are never expanded. */
		CHECK(time(NULL) - t0 <= 1);
		CHECK_INT_EQ(party_count(idx), n);
		snprintf(rel, sizeof(rel), "unit/party/bad/%s.expected",
		    bad_cases[i].file);
		path = harness_data_path(rel);
		want = harness_read(path, NULL);
		CHECK_STR_EQ(errs.len ? errs.data : "", want);
		free(want);
		free(path);
		CHECK_INT_EQ(party_prepare(idx, &errs), 0);
		info = party_lists_info(idx);
		CHECK_INT_EQ(json_array_size(info), 1);
		json_decref(info);
		party_index_free(idx);
		buf_free(&errs);
	}
	harness_context(NULL);
}

static void
test_names(void)
{
	static const struct {
		const char	*in, *want;
	} cases[] = {
		{ "KOREA MINING DEVELOPMENT TRADING CORPORATION",
		  "korea mining development trading" },
		{ "Vistula Trading Sp. z o.o.", "vistula trading" },
		{ "Smith & Sons Ltd", "smis sons" },
		{ "Smith and Sons Limited", "smis sons" },
		{ "Atomic Energy Organisation of Iran",
		  "atomik energi organization iran" },
		{ "Korea Lyonbong General Corp.", "korea yonbong general" },
		{ "Korea Ryonbong General Corp.", "korea yonbong general" },
		{ "Shahid Hemmat Industrial Group",
		  "shahid hemat industrial grup" },
		{ "Khatam al-Anbiya", "hatam al anbia" },
		{ "P'yongyang", "pyongyang" },
		{ "S.A.", "sa" },
		{ "ООО Ромашка", "romashka" },
		{ "HQ", "headkuarters" },
		/* Arabic dhal written dh is d (Qadhafi / Qaddafi). */
		{ "Qadhafi", "kadafi" },
		{ "Qaddafi", "kadafi" },
		/* "Abd al-" in any vowel before l or r. */
		{ "Abdorakhmanov", "abdal rahmanov" },
		{ "Abdirahman", "abdal rahman" },
		{ "Abdusalam", "abdal salam" },
		/* Diphthongs ay / aw before a consonant are ai / au. */
		{ "Zayd Haydar", "zaid haidar" },
		{ "Shawkat Awni", "shaukat auni" },
		{ "Aouni", "auni" },
		{ "Ayesha", "aisha" },
		{ "Fayez", "faiz" },
		{ "Fayiz Ayed", "faiz aid" },
		/* Not before a vowel, and a word's first ay stays Iman's. */
		{ "Dawood Sayyaf", "davud sayaf" },
		{ "Ayman", "iman" },
		/* Slavic ks, cz and final -dr / -tr. */
		{ "Aleksandr Maksim Petr", "alexander maxim peter" },
		{ "Alexander Maxim Peter", "alexander maxim peter" },
		{ "Rabinowicz", "rabinovich" },
		{ "Xiaoxia Pedro", "xiaoxia pedro" },
		{ "Syronics", "sironix" },
		/* Maghrebi Bu, Bou is Abu. */
		{ "Bu Zaid", "abu zaid" },
		{ "Bou Zayd", "abu zaid" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *got = party_normalize_name(cases[i].in);

		harness_context("normalize %s", cases[i].in);
		CHECK_STR_EQ(got, cases[i].want);
		free(got);
	}
	harness_context(NULL);

	CHECK(party_is_list_file("UN_consolidated.xml"));
	CHECK(party_is_list_file("lists/sdn.csv"));
	CHECK(party_is_list_file("dpl.txt"));
	CHECK(!party_is_list_file("sdn_comments.csv"));
	CHECK(!party_is_list_file("chemical.yaml"));
	CHECK(party_is_list_data("x.xml", "<?xml version=\"1.0\"?>\n"
	    "<CONSOLIDATED_LIST>", 40));
	CHECK(!party_is_list_data("x.xml", "<?xml version=\"1.0\"?>\n"
	    "<sdnList>", 31));
}

/* Must hit, with the UN reference expected. */
static const struct {
	const char	*name, *ref;
} hits[] = {
	/* The development set. */
	{ "Korea Mining Development Trading Corp.", "KPe.001" },
	{ "KOMID", "KPe.001" },
	{ "Namchongang Trading", "KPe.004" },
	{ "NCG", "KPe.004" },
	{ "Green Pine Associated Corp", "KPe.010" },
	{ "Korea Ryonbong General Corp.", "KPe.002" },
	{ "Tanchon Commercial Bank", "KPe.003" },
	{ "General Bureau of Atomic Energy", "KPe.007" },
	{ "Atomic Energy Organization of Iran", "IRe.006" },
	{ "Shahid Hemmat Industrial Group", "IRe.067" },
	{ "Kalaye Electric", "IRe.032" },
	{ "Parchin Chemical Industries", "IRe.050" },
	{ "Khatam al-Anbiya Construction Headquarters", "IRe.036" },
	{ "Yazd Metallurgy Industries", "IRe.078" },
	/* Our own: variants, typos, order, scripts. */
	{ "Korea Lyonbong General Corporation", "KPe.002" },
	{ "KOREA YONBONG GENERAL CORP", "KPe.002" },
	{ "Nam Chon Gang Trading Co", "KPe.004" },
	{ "Changgwang Sinyong Corp.", "KPe.001" },
	{ "Korea Mining Developmnet Trading", "KPe.001" },
	{ "Trading Corporation Korea Mining Development", "KPe.001" },
	{ "Hatam ol-Anbiya Construction HQ", "IRe.036" },
	{ "Shahid Hemat Industrial Group Ltd", "IRe.067" },
	{ "Atomic Energy Organisation of Iran (AEOI)", "IRe.006" },
	{ "AEOI", "IRe.006" },
	{ "Green Pine Associated Corporation LLC", "KPe.010" },
	{ "Tanchon Commercial Bank & Co.", "KPe.003" },
	{ "صدام حسين التكريتي", "IQi.001" },
	{ "Saddam Hussein Al-Tikriti", "IQi.001" },
	{ "ТАНЧОН КОММЕРСИАЛ БАНК", "KPe.003" },
	/* People written without middle names or patronymics, either order. */
	{ "Akhmed Chataev", "QDi.365" },
	{ "Chataev Akhmed", "QDi.365" },
	{ "Huda Ammash", "IQi.039" },
	{ "Rustam Hanafi", "TAi.069" },
	/* Korean names in Revised Romanization (Dong for Tong). */
	{ "Kim Dong Chol", "KPi.068" },
	/* Vowels of Arabic and Persian transliterations (Asem / Asim). */
	{ "Asmatullah Asim", "TAi.080" },
	/* Company abbreviations written out. */
	{ "KOREA FOREIGN TECHNICAL TRADE CTR", "KPe.037" },
	/* Kinds of issue 9, on subjects outside the development set. */
	{ "L. NKUNDA", "CDi.022" },			/* initials */
	{ "NKUNDA LAURENT", "CDi.022" },		/* order */
	{ "Mohd Salim Haqqani", "TAi.079" },		/* Mohd */
	{ "TAHIR JALIL HABUSH ALTIKRITI", "IQi.016" },	/* al- glued */
	{ "ABDULRAHMAN OULD MUHAMMAD AL-HUSAYN", "QDi.298" },	/* Abdul */
	{ "\xec\xa1\xb0\xec\x84\xa0\xeb\x8c\x80\xec\x84\xb1"
	  "\xec\x9d\x80\xed\x96\x89", "KPe.035" },	/* Hangul */
	{ "KOREA DAESONG BANK - Pyongyang", "KPe.035" },	/* address */
	{ "KOREA DAESONG BANK Pyongyang, DPRK", "KPe.035" },	/* city */
	{ "Dr. Mohammad Salim Haqqani", "TAi.079" },	/* title */
};

/* Ordinary firms that share words with listed names: no hit. */
static const char *const misses[] = {
	"Korea Electric Power Corporation",
	"Kim Sang Chol",	/* KIM SONG CHOL is another person */
	"United Development Bank",	/* only generic words in common */
	"Green Pine Furniture GmbH",
	"Korea Trading Partners Co., Ltd",
	"General Electric Company",
	"Ocean Freight Management BV",
	"Vistula Trading Sp. z o.o.",
	"Kala Textiles Ltd",
	"Tokyo Laboratory Trading Co",
	"Korea General Trading Partners",
	"Atomic Energy Consulting Ltd",
	"Green Valley Associated Traders",
	"Parchin Carpets Export",
	"Yazd Textile Industries",
	"Sunrise Engineering GmbH",
	"KOMIT",
	"NCC",
	"Tanchon Fisheries Cooperative",
	"International Trading Company",
	"Bank",
	"Turkish Trading Sanayi ve Ticaret A.S.",
	"A. M. Hamdan",
	"Daesong Furniture Pyongyang, DPRK",
};

static void
test_search(const struct party_index *idx)
{
	struct party_hit h[8];
	size_t i, n;
	double s;

	for (i = 0; i < sizeof(hits) / sizeof(hits[0]); i++) {
		harness_context("hit %s", hits[i].name);
		CHECK_STR_EQ(best_ref(idx, hits[i].name, &s), hits[i].ref);
	}
	for (i = 0; i < sizeof(misses) / sizeof(misses[0]); i++) {
		harness_context("miss %s", misses[i]);
		CHECK_STR_EQ(best_ref(idx, misses[i], &s), NULL);
	}
	harness_context(NULL);

	/* Acronyms match exactly, with the alias they matched. */
	n = party_search(idx, "KOMID", THRESHOLD, h, 8);
	if (CHECK_INT_EQ(n, 1)) {
		CHECK_STR_EQ(h[0].matched, "KOMID");
		CHECK(h[0].score == 1.0);
	}
	/* One hit per record, best first, <= max. */
	n = party_search(idx, "Saddam Hussein al-Tikriti", 0.5, h, 3);
	CHECK_INT_EQ(n, 3);
	CHECK_STR_EQ(h[0].rec->ref, "IQi.001");
	CHECK(h[0].score >= h[1].score && h[1].score >= h[2].score);
	CHECK(h[0].rec != h[1].rec && h[1].rec != h[2].rec);
	/* Evidence: initials bridged, which word matched which. */
	n = party_search(idx, "L. NKUNDA", THRESHOLD, h, 8);
	if (CHECK(n >= 1)) {
		CHECK((h[0].distortions & PARTY_D_INITIALS) != 0);
		CHECK(strstr(h[0].words, "laurent=l~initial") != NULL);
		CHECK(!h[0].weak);
	}
	n = party_search(idx, "KOREA DAESONG BANK Pyongyang, DPRK", THRESHOLD,
	    h, 8);
	if (CHECK(n >= 1))
		CHECK((h[0].distortions & PARTY_D_ADDRESS) != 0);
	/* Common given names only: a weak hit, to confirm. */
	n = party_search(idx, "Ali Hassan", THRESHOLD, h, 8);
	if (CHECK(n >= 1))
		CHECK(h[0].weak);
	CHECK_INT_EQ(party_search(idx, "", THRESHOLD, h, 8), 0);
	CHECK_INT_EQ(party_search(idx, "   ---   ", THRESHOLD, h, 8), 0);
}

/* ------------------------------------------------------------------ */

struct worker {
	const struct party_index	*idx;
	int				 bad;
};

static void *
worker_run(void *arg)
{
	struct worker *w = arg;
	size_t i, round;
	double s;

	for (round = 0; round < 20; round++)
		for (i = 0; i < sizeof(hits) / sizeof(hits[0]); i++) {
			const char *ref = best_ref(w->idx, hits[i].name, &s);

			if (ref == NULL || strcmp(ref, hits[i].ref) != 0)
				w->bad++;
		}
	return NULL;
}

static void
test_threads(const struct party_index *idx)
{
	pthread_t t[4];
	struct worker w[4];
	size_t i;
	int bad = 0;

	for (i = 0; i < 4; i++) {
		w[i].idx = idx;
		w[i].bad = 0;
		CHECK(pthread_create(&t[i], NULL, worker_run, &w[i]) == 0);
	}
	for (i = 0; i < 4; i++) {
		pthread_join(t[i], NULL);
		bad += w[i].bad;
	}
	CHECK_INT_EQ(bad, 0);
}

int
main(void)
{
	struct party_index *un;
	struct buf errs;

	harness_init("test_party");
	un = test_un();
	test_search(un);
	test_threads(un);
	/* Prepared: further files are refused. */
	buf_init(&errs);
	CHECK_INT_EQ(party_add_file(un, "dpl.txt", "", 0, &errs), 1);
	buf_free(&errs);
	party_index_free(un);
	party_index_free(NULL);
	test_ofac_bis();
	test_bad_files();
	test_names();
	return harness_done();
}
