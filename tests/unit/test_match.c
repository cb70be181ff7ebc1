/*
 * Unit tests of match.c over folded text: whole words only, stems, phrases,
 * Cyrillic against Latin both ways, re: patterns, exclude and requires terms
 * with their kind, the HS prefix trie (hs and hs_context) and the CAS table.
 * The rule set is written here so that each expectation sits next to the
 * term that causes it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "normalize.h"
#include "rules.h"
#include "util.h"
#include "xmalloc.h"

#include "harness.h"

static const char rules_yaml[] =
    "list:\n"
    "  id: m\n"
    "  title: Matcher fixture\n"
    "  source: fixture\n"
    "  version_date: 2024-01-31\n"
    "entries:\n"
    "  - {code: TEA, title: Tea, category: embargo, explanation: x,\n"
    "     keywords: [tea], hs: ['0902']}\n"
    "  - {code: FERM, title: Fermenters, category: biological,\n"
    "     explanation: x, keywords: ['fermenter*'], hs_context: ['8419']}\n"
    "  - {code: POCL, title: POCl3, category: chemical, explanation: x,\n"
    "     keywords: [phosphorus oxychloride, хлорокись фосфора, 're:pocl ?3'],\n"
    "     cas: [10025-87-3], hs: ['2812.12']}\n"
    "  - {code: NACL, title: Salt, category: embargo, explanation: x,\n"
    "     keywords: [khlorid natriya]}\n"
    "  - {code: NAF, title: NaF, category: chemical, explanation: x,\n"
    "     keywords: [sodium fluoride], exclude: [toothpaste, 'dental*'],\n"
    "     cas: [7681-49-4]}\n"
    "  - {code: SHK, title: Shakers, category: missile, explanation: x,\n"
    "     keywords: ['shaker*'], requires: ['digital control*']}\n"
    "  - {code: HS2, title: Chapter, category: chemical, explanation: x,\n"
    "     hs: ['28']}\n"
    "  - {code: HS4, title: Heading, category: chemical, explanation: x,\n"
    "     hs: ['28.12']}\n"
    "  - {code: HS10, title: TARIC, category: chemical, explanation: x,\n"
    "     hs: ['2812 12 00 00'], cas: [7681-49-4]}\n";

/* Entry indexes in the order above. */
enum { E_TEA, E_FERM, E_POCL, E_NACL, E_NAF, E_SHK, E_HS2, E_HS4, E_HS10,
	E_COUNT };

struct hit {
	unsigned	id;
	size_t		from, to;
};

struct hits {
	struct hit	h[32];
	size_t		n;
};

static void
collect(unsigned id, size_t from, size_t to, void *arg)
{
	struct hits *hs = arg;

	if (hs->n < 32) {
		hs->h[hs->n].id = id;
		hs->h[hs->n].from = from;
		hs->h[hs->n].to = to;
	}
	hs->n++;
}

static struct matcher	*m;
static struct folded	 cur;	/* the text last scanned */
static struct hits	 got;

/* Folds and scans <text>; returns the number of callbacks. */
static size_t
scan(const char *text, struct match_scratch *sc)
{
	folded_free(&cur);
	normalize_fold(text, strlen(text), &cur);
	memset(&got, 0, sizeof(got));
	harness_context("scan(\"%s\") folded \"%s\"", text, cur.text);
	CHECK_INT_EQ(match_terms(m, sc, cur.text, cur.len, collect, &got), 0);
	return got.n;
}

static const char *
term_text(const struct mterm *t)
{
	const struct strv *sv = t->kind == TERM_KEYWORD ? &t->entry->keywords :
	    t->kind == TERM_EXCLUDE ? &t->entry->exclude : &t->entry->requires;

	return sv->v[t->idx];
}

/*
 * Checks that the last scan reported term <term> of entry <code> with
 * <kind> exactly <times> times, the first over folded text <span>.
 */
static void
expect(const char *code, enum term_kind kind, const char *term,
    const char *span, int times)
{
	size_t i;
	int seen = 0;

	for (i = 0; i < got.n && i < 32; i++) {
		const struct mterm *t = match_term(m, got.h[i].id);

		if (strcmp(t->entry->code, code) != 0 || t->kind != kind ||
		    strcmp(term_text(t), term) != 0)
			continue;
		if (seen++ == 0 && span != NULL) {
			char *s = strndup(cur.text + got.h[i].from,
			    got.h[i].to - got.h[i].from);

			CHECK(got.h[i].from <= got.h[i].to &&
			    got.h[i].to <= cur.len);
			CHECK_STR_EQ(s, span);
			free(s);
		}
	}
	CHECK_INT_EQ(seen, times);
}

/* Checks that the last scan reported nothing for entry <code>. */
static void
expect_none(const char *code)
{
	size_t i;
	int seen = 0;

	for (i = 0; i < got.n && i < 32; i++)
		if (strcmp(match_term(m, got.h[i].id)->entry->code, code) == 0)
			seen++;
	CHECK_INT_EQ(seen, 0);
}

static void
test_terms(void)
{
	struct match_scratch *sc;

	/* Whole words only. */
	scan("Green tea, loose leaves", NULL);
	expect("TEA", TERM_KEYWORD, "tea", "tea", 1);
	scan("TEA", NULL);
	expect("TEA", TERM_KEYWORD, "tea", "tea", 1);
	CHECK(got.n == 1 && got.h[0].from == 0 && got.h[0].to == 3);
	scan("tea and tea", NULL);
	expect("TEA", TERM_KEYWORD, "tea", "tea", 2);
	CHECK(got.n == 2 && got.h[1].from == 8 && got.h[1].to == 11);
	scan("steam cleaner, teapot, instead", NULL);
	CHECK_INT_EQ(got.n, 0);

	/* Stems run to the end of their word and are reported once. */
	scan("Two FERMENTERS, 100 l", NULL);
	expect("FERM", TERM_KEYWORD, "fermenter*", "fermenters", 1);
	scan("fermenter", NULL);
	expect("FERM", TERM_KEYWORD, "fermenter*", "fermenter", 1);
	scan("bio-fermenter unit", NULL);
	expect("FERM", TERM_KEYWORD, "fermenter*", "fermenter", 1);
	scan("prefermenter, fermente", NULL);
	expect_none("FERM");

	/* Phrases: the words in order, any punctuation between them. */
	scan("Phosphorus  Oxychloride, 99%", NULL);
	expect("POCL", TERM_KEYWORD, "phosphorus oxychloride",
	    "phosphorus oxychloride", 1);
	scan("phosphorus-oxychloride", NULL);
	expect("POCL", TERM_KEYWORD, "phosphorus oxychloride",
	    "phosphorus oxychloride", 1);
	scan("phosphorus pentoxide, oxychloride", NULL);
	expect_none("POCL");
	scan("phosphorus oxychlorides", NULL);
	expect_none("POCL");

	/* Cyrillic keyword, Latin text; and Cyrillic text. */
	scan("khlorokis fosfora tekhnicheskaya", NULL);
	expect("POCL", TERM_KEYWORD, "хлорокись фосфора", "khlorokis fosfora", 1);
	scan("ХЛОРОКИСЬ ФОСФОРА, бочки", NULL);
	expect("POCL", TERM_KEYWORD, "хлорокись фосфора", "khlorokis fosfora", 1);
	/* Latin keyword, Cyrillic text. */
	scan("Хлорид натрия пищевой", NULL);
	expect("NACL", TERM_KEYWORD, "khlorid natriya", "khlorid natriya", 1);
	scan("хлорид натрияx", NULL);
	expect_none("NACL");

	/* re: patterns over folded text, flagged as regular expressions. */
	scan("POCl3 in drums", NULL);
	expect("POCL", TERM_KEYWORD, "re:pocl ?3", "pocl3", 1);
	scan("POCl 3", NULL);
	expect("POCL", TERM_KEYWORD, "re:pocl ?3", "pocl 3", 1);
	if (CHECK(got.n >= 1)) {
		const struct mterm *t = match_term(m, got.h[0].id);

		CHECK(t->is_regex && !t->stem);
		CHECK_INT_EQ(t->idx, 2);
		CHECK_INT_EQ(t->eidx, E_POCL);
	}

	/* Exclude and requires terms come back with their kind. */
	scan("Toothpaste with sodium fluoride", NULL);
	expect("NAF", TERM_KEYWORD, "sodium fluoride", "sodium fluoride", 1);
	expect("NAF", TERM_EXCLUDE, "toothpaste", "toothpaste", 1);
	scan("sodium fluoride for dentalcare products", NULL);
	expect("NAF", TERM_EXCLUDE, "dental*", "dentalcare", 1);
	scan("Sodium fluoride 98%, technical", NULL);
	expect("NAF", TERM_KEYWORD, "sodium fluoride", "sodium fluoride", 1);
	expect("NAF", TERM_EXCLUDE, "toothpaste", NULL, 0);
	scan("electrodynamic shaker, digital controller included", NULL);
	expect("SHK", TERM_KEYWORD, "shaker*", "shaker", 1);
	expect("SHK", TERM_REQUIRES, "digital control*", "digital controller", 1);
	if (got.n == 2) {
		const struct mterm *a = match_term(m, got.h[0].id);
		const struct mterm *b = match_term(m, got.h[1].id);

		CHECK(a->stem && b->stem && !a->is_regex);
	}

	/* A scratch of one's own gives the same answers. */
	sc = match_scratch_new(m);
	scan("Green tea and POCl3", sc);
	expect("TEA", TERM_KEYWORD, "tea", "tea", 1);
	expect("POCL", TERM_KEYWORD, "re:pocl ?3", "pocl3", 1);
	match_scratch_free(sc);
	match_scratch_free(NULL);

	/* Empty text: no callbacks. */
	scan("", NULL);
	CHECK_INT_EQ(got.n, 0);
	harness_context(NULL);
}

static void
test_hs(void)
{
	static const struct {
		const char	*code;
		size_t		 n;
		int		 eidx[4], digits[4], context[4];
	} t[] = {
		{ "2812120000", 4, { E_HS2, E_HS4, E_POCL, E_HS10 },
		    { 2, 4, 6, 10 }, { 0, 0, 0, 0 } },
		{ "28121200", 3, { E_HS2, E_HS4, E_POCL }, { 2, 4, 6 },
		    { 0, 0, 0 } },
		{ "281290", 2, { E_HS2, E_HS4 }, { 2, 4 }, { 0, 0 } },
		{ "2813", 1, { E_HS2 }, { 2 }, { 0 } },
		{ "841920", 1, { E_FERM }, { 4 }, { 1 } },
		{ "090210", 1, { E_TEA }, { 4 }, { 0 } },
		{ "2912", 0, { 0 }, { 0 }, { 0 } },
		{ "2", 0, { 0 }, { 0 }, { 0 } },
		{ "", 0, { 0 }, { 0 }, { 0 } },
	};
	struct hs_hit out[8];
	size_t i, k, n;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		harness_context("match_hs(\"%s\")", t[i].code);
		n = match_hs(m, t[i].code, out, 8);
		if (!CHECK_INT_EQ(n, t[i].n))
			continue;
		for (k = 0; k < n; k++) {
			CHECK_INT_EQ(out[k].eidx, t[i].eidx[k]);
			CHECK_INT_EQ(out[k].digits, t[i].digits[k]);
			CHECK_INT_EQ(out[k].context, t[i].context[k]);
		}
	}
	harness_context(NULL);
	/* <max> bounds the output; the shortest prefixes come first. */
	CHECK_INT_EQ(match_hs(m, "2812120000", out, 2), 2);
	CHECK_INT_EQ(out[1].eidx, E_HS4);
}

static void
test_cas(void)
{
	size_t out[4];

	CHECK_INT_EQ(match_cas(m, "10025-87-3", out, 4), 1);
	CHECK_INT_EQ(out[0], E_POCL);
	if (CHECK_INT_EQ(match_cas(m, "7681-49-4", out, 4), 2)) {
		CHECK_INT_EQ(out[0], E_NAF);
		CHECK_INT_EQ(out[1], E_HS10);
	}
	CHECK_INT_EQ(match_cas(m, "7681-49-4", out, 1), 1);
	CHECK_INT_EQ(match_cas(m, "7664-39-3", out, 4), 0);
	CHECK_INT_EQ(match_cas(m, "10025-87-", out, 4), 0);
	CHECK_INT_EQ(match_cas(m, "", out, 4), 0);
}

static void
test_entries(void)
{
	static const char *codes[E_COUNT] = { "TEA", "FERM", "POCL", "NACL",
	    "NAF", "SHK", "HS2", "HS4", "HS10" };
	size_t i;

	CHECK_INT_EQ(match_nentries(m), E_COUNT);
	for (i = 0; i < E_COUNT && i < match_nentries(m); i++)
		CHECK_STR_EQ(match_entry(m, i)->code, codes[i]);
}

/* A term vectorscan cannot compile fails match_prepare with file:line. */
static void
test_bad_regex(void)
{
	static const char y[] =
	    "list: {id: r, title: R, source: S, version_date: 2024-01-31}\n"
	    "entries:\n"
	    "  - code: R1\n"
	    "    title: Bad regex\n"
	    "    category: chemical\n"
	    "    explanation: x\n"
	    "    keywords:\n"
	    "      - ok word\n"
	    "      - \"re:(unclosed\"\n";
	static const char want[] = "rx.yaml:9: term \"re:(unclosed\": ";
	struct ruleset *rs = rules_new();
	struct matcher *bad;
	struct buf errs;

	buf_init(&errs);
	CHECK_INT_EQ(rules_add_buffer(rs, "rx.yaml", y, strlen(y), &errs), 0);
	CHECK_INT_EQ(rules_finish(rs, &errs), 0);
	bad = match_new(rs);
	CHECK_INT_EQ(match_prepare(bad, &errs), -1);
	CHECK(errs.len > strlen(want) &&
	    strncmp(errs.data, want, strlen(want)) == 0);
	if (errs.len > 0 && strncmp(errs.data, want, strlen(want)) != 0)
		printf("# got: %s", errs.data);
	match_free(bad);
	rules_free(rs);

	/* A ruleset without terms prepares and scans to nothing. */
	{
		static const char h[] =
		    "list: {id: h, title: H, source: S, version_date: 2024-01-31}\n"
		    "entries: [{code: H1, title: T, category: chemical, "
		    "explanation: x, hs: ['2812']}]\n";
		struct hits none;

		buf_reset(&errs);
		rs = rules_new();
		CHECK_INT_EQ(rules_add_buffer(rs, "h.yaml", h, strlen(h), &errs),
		    0);
		CHECK_INT_EQ(rules_finish(rs, &errs), 0);
		bad = match_new(rs);
		CHECK_INT_EQ(match_prepare(bad, &errs), 0);
		memset(&none, 0, sizeof(none));
		CHECK_INT_EQ(match_terms(bad, NULL, "anything", 8, collect, &none),
		    0);
		CHECK_INT_EQ(none.n, 0);
		CHECK_INT_EQ(match_hs(bad, "281210", (struct hs_hit[2]){ 0 }, 2),
		    1);
		match_free(bad);
		rules_free(rs);
	}
	match_free(NULL);
	buf_free(&errs);
}

/* A '*' on an inner word: every word of the phrase may be a stem. */
static void
test_inner_stems(void)
{
	static const char y[] =
	    "list: {id: st, title: S, source: S, version_date: 2024-01-31}\n"
	    "entries:\n"
	    "  - code: S1\n"
	    "    title: T\n"
	    "    category: biological\n"
	    "    explanation: x\n"
	    "    keywords: ['centrifug* separator*', 'kugelsicher* weste']\n";
	static const struct {
		const char	*text;
		const char	*match;		/* NULL: no hit */
	} cases[] = {
		{ "Centrifugal separators, continuous", "centrifugal separators" },
		{ "continuous centrifuge separator", "centrifuge separator" },
		{ "Kugelsichere Weste, Klasse 4", "kugelsichere weste" },
		{ "kugelsichere westen", NULL },	/* last word not a stem */
		{ "separator centrifugal", NULL },
		{ "centrifugalseparator", NULL },
	};
	struct ruleset *rs = rules_new();
	struct matcher *sm;
	struct buf errs;
	struct folded f;
	struct hits h;
	size_t i;

	buf_init(&errs);
	CHECK_INT_EQ(rules_add_buffer(rs, "st.yaml", y, strlen(y), &errs), 0);
	CHECK_INT_EQ(rules_finish(rs, &errs), 0);
	sm = match_new(rs);
	if (!CHECK_INT_EQ(match_prepare(sm, &errs), 0)) {
		printf("# %s", errs.data ? errs.data : "");
		goto done;
	}
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		normalize_fold(cases[i].text, strlen(cases[i].text), &f);
		memset(&h, 0, sizeof(h));
		harness_context("inner stems: \"%s\"", cases[i].text);
		CHECK_INT_EQ(match_terms(sm, NULL, f.text, f.len, collect, &h), 0);
		if (cases[i].match == NULL)
			CHECK_INT_EQ(h.n, 0);
		else if (CHECK_INT_EQ(h.n, 1)) {
			char *got_text = xstrndup(f.text + h.h[0].from,
			    h.h[0].to - h.h[0].from);

			CHECK_STR_EQ(got_text, cases[i].match);
			free(got_text);
		}
		harness_context(NULL);
		folded_free(&f);
	}
done:
	match_free(sm);
	rules_free(rs);
	buf_free(&errs);
}

/*
 * Spelling variants: typing errors, joined and split words, element symbols
 * spelt apart; and what must stay quiet: substituted letters (another
 * compound), the first letter, an added ending, short terms, and a correct
 * spelling of another term.  Then kana voicing in literals and expressions.
 */
static const char spell_yaml[] =
    "list:\n"
    "  id: s\n"
    "  title: Spelling fixture\n"
    "  source: fixture\n"
    "  version_date: 2024-01-31\n"
    "entries:\n"
    "  - {code: TCL, title: x, category: chemical, explanation: x,\n"
    "     keywords: [thionyl chloride]}\n"
    "  - {code: PCL, title: x, category: chemical, explanation: x,\n"
    "     keywords: [phosphorus trichloride, PCl3]}\n"
    "  - {code: TEA, title: x, category: chemical, explanation: x,\n"
    "     keywords: [triethanolamine]}\n"
    "  - {code: TMP, title: x, category: chemical, explanation: x,\n"
    "     keywords: [trimethyl phosphite]}\n"
    "  - {code: TEP, title: x, category: chemical, explanation: x,\n"
    "     keywords: [triethyl phosphite]}\n"
    "  - {code: DEAE, title: x, category: chemical, explanation: x,\n"
    "     keywords: [diethylaminoethanol]}\n"
    "  - {code: NAS, title: x, category: chemical, explanation: x,\n"
    "     keywords: [sodium sulfide]}\n"
    "  - {code: DF, title: x, category: chemical, explanation: x,\n"
    "     keywords: ['methylphosphonic dichlorid*']}\n"
    "  - {code: KCN, title: x, category: chemical, explanation: x,\n"
    "     keywords: [KCN]}\n"
    "  - {code: GB, title: x, category: chemical, explanation: x,\n"
    "     keywords: [sarin]}\n"
    "  - {code: GAS, title: x, category: chemical, explanation: x,\n"
    "     keywords: [\"\xe3\x82\xac\xe3\x82\xb9\"]}\n"
    "  - {code: VLV, title: x, category: chemical, explanation: x,\n"
    "     keywords: [\"re:\xe3\x83\x8f\xe3\x83\xab\xe3\x83\x95\","
    " \"re:\xe3\x83\x93\xe3\x83\xbc\xe3\x83\xab\"]}\n";

static void
test_spelling(void)
{
	struct matcher *saved = m;
	struct ruleset *rs = rules_new();
	struct buf errs;

	buf_init(&errs);
	if (!CHECK_INT_EQ(rules_add_buffer(rs, "s.yaml", spell_yaml,
	    strlen(spell_yaml), &errs), 0) ||
	    !CHECK_INT_EQ(rules_finish(rs, &errs), 0)) {
		printf("# %s", errs.data ? errs.data : "");
		rules_free(rs);
		buf_free(&errs);
		return;
	}
	m = match_new(rs);
	if (!CHECK_INT_EQ(match_prepare(m, &errs), 0))
		goto done;

	/* Typing errors: a letter dropped, added inside, two swapped. */
	scan("Thionyl chlorid, 25 kg", NULL);
	expect("TCL", TERM_KEYWORD, "thionyl chloride", "thionyl chlorid", 1);
	scan("thionyl chloirde", NULL);
	expect("TCL", TERM_KEYWORD, "thionyl chloride", "thionyl chloirde", 1);
	scan("thionly chloride", NULL);
	expect("TCL", TERM_KEYWORD, "thionyl chloride", "thionly chloride", 1);
	scan("phosphorous trichloride", NULL);
	expect("PCL", TERM_KEYWORD, "phosphorus trichloride",
	    "phosphorous trichloride", 1);
	scan("trietanolamine 99%", NULL);
	expect("TEA", TERM_KEYWORD, "triethanolamine", "trietanolamine", 1);
	scan("trimethyl phosphyte", NULL);	/* y for i, by ear */
	expect("TMP", TERM_KEYWORD, "trimethyl phosphite", "trimethyl phosphyte",
	    1);
	scan("thionil chloride", NULL);		/* i for y */
	expect("TCL", TERM_KEYWORD, "thionyl chloride", "thionil chloride", 1);
	/* Not typing errors. */
	scan("thionyl chlorine", NULL);		/* a substituted letter */
	expect_none("TCL");
	scan("sodium sulfite, food grade", NULL);
	expect_none("NAS");
	scan("thionyl chlorides", NULL);	/* an added ending */
	expect_none("TCL");
	scan("hionyl chloride", NULL);		/* the first letter */
	expect_none("TCL");
	scan("thionl chlorid", NULL);		/* two words misspelt */
	expect_none("TCL");
	scan("sarn, srin, sarni", NULL);	/* short terms never vary */
	expect_none("GB");
	/* A correct spelling of one term is not a misspelling of another. */
	scan("triethyl phosphite 98%", NULL);
	expect("TEP", TERM_KEYWORD, "triethyl phosphite", "triethyl phosphite",
	    1);
	expect_none("TMP");
	scan("trimethyl phosphite", NULL);
	expect_none("TEP");
	/* The m of a methyl is another compound, not a letter added. */
	scan("diethylaminoethnol 99%", NULL);
	expect("DEAE", TERM_KEYWORD, "diethylaminoethanol", "diethylaminoethnol",
	    1);
	scan("dimethylaminoethanol 99%", NULL);
	expect_none("DEAE");

	/* Joined and split words. */
	scan("PHOSPHORUSTRICHLORIDE 99% drums", NULL);
	expect("PCL", TERM_KEYWORD, "phosphorus trichloride",
	    "phosphorustrichloride", 1);
	scan("phosphorus tri-chloride", NULL);
	expect("PCL", TERM_KEYWORD, "phosphorus trichloride",
	    "phosphorus tri chloride", 1);
	scan("tri ethanol amine, 1000 l IBC", NULL);
	expect("TEA", TERM_KEYWORD, "triethanolamine", "tri ethanol amine", 1);
	scan("Tri-ethanolamine", NULL);
	expect("TEA", TERM_KEYWORD, "triethanolamine", "tri ethanolamine", 1);
	scan("methylphosphonicdichloride", NULL);
	expect("DF", TERM_KEYWORD, "methylphosphonic dichlorid*",
	    "methylphosphonicdichloride", 1);
	scan("methyl phosphonic dichlorides", NULL);
	expect("DF", TERM_KEYWORD, "methylphosphonic dichlorid*",
	    "methyl phosphonic dichlorides", 1);
	scan("tri ethanol", NULL);		/* a part is not the term */
	expect_none("TEA");
	scan("sa rin", NULL);			/* short: not from any pieces */
	expect_none("GB");
	/* Short formulas only as element symbols spelt apart. */
	scan("P Cl3 technical", NULL);
	expect("PCL", TERM_KEYWORD, "PCl3", "p cl3", 1);
	scan("P Cl 3", NULL);
	expect("PCL", TERM_KEYWORD, "PCl3", "p cl 3", 1);
	scan("K C N", NULL);
	expect("KCN", TERM_KEYWORD, "KCN", "k c n", 1);
	scan("KC N", NULL);			/* no count, not single letters */
	expect_none("KCN");
	scan("pcl3", NULL);			/* exact: reported once */
	expect("PCL", TERM_KEYWORD, "PCl3", "pcl3", 1);

	/* Voicing: ガス is not カス; every spelling of ガス is. */
	scan("\xe3\x82\xac\xe3\x82\xb9", NULL);
	expect("GAS", TERM_KEYWORD, "\xe3\x82\xac\xe3\x82\xb9", NULL, 1);
	scan("\xef\xbd\xb6\xef\xbe\x9e\xef\xbd\xbd", NULL);
	expect("GAS", TERM_KEYWORD, "\xe3\x82\xac\xe3\x82\xb9", NULL, 1);
	scan("\xe3\x82\xab\xe3\x82\xb9", NULL);
	expect_none("GAS");
	/*
	 * Expressions ignore voicing: "ハルフ" (written without marks) finds
	 * バルブ, and "ビール" finds ビール, over the marks in the span.
	 */
	scan("\xe3\x83\x90\xe3\x83\xab\xe3\x83\x96", NULL);
	expect("VLV", TERM_KEYWORD, "re:\xe3\x83\x8f\xe3\x83\xab\xe3\x83\x95",
	    "\xe3\x83\x8f\xe3\x82\x99\xe3\x83\xab\xe3\x83\x95\xe3\x82\x99", 1);
	scan("\xe3\x83\x93\xe3\x83\xbc\xe3\x83\xab", NULL);
	expect("VLV", TERM_KEYWORD, "re:\xe3\x83\x93\xe3\x83\xbc\xe3\x83\xab",
	    NULL, 1);
done:
	harness_context(NULL);
	match_free(m);
	m = saved;
	rules_free(rs);
	buf_free(&errs);
}

/*
 * Scripts written without spaces match as substrings, with the term files'
 * terms: no word break at an unspaced end, an optional space between an
 * unspaced word and another, Latin words still whole.
 */
static void
test_unspaced(void)
{
	static const char y[] =
	    "list: {id: u, title: U, source: S, version_date: 2024-01-31}\n"
	    "entries:\n"
	    "  - {code: U1, title: T, category: nuclear, explanation: x,\n"
	    "     keywords: [frequency changer*, VFD]}\n"
	    "  - {code: U2, title: T, category: nuclear, explanation: x,\n"
	    "     cas: [7440-02-0]}\n";
	static const char zh[] =
	    "language: zh\ntitle: T\nsource: S\nterms:\n"
	    "  u/U1: [变频器, 變頻器, 'IGBT 逆变*', 高频 inverter*]\n"
	    "  u/U2: [7075 铝合金, 离心机]\n";
	static const char ja[] =
	    "language: ja\ntitle: T\nsource: S\nterms:\n"
	    "  u/U1: [インバータ, 周波数変換器]\n"
	    "  u/U2: ['ビス(2-クロロエチル)スルフィド']\n";
	static const char ko[] =
	    "language: ko\ntitle: T\nsource: S\nterms:\n"
	    "  u/U1: [주파수변환기, 인버터]\n";
	static const char th[] =
	    "language: th\ntitle: T\nsource: S\nterms:\n"
	    "  u/U1: [เครื่องแปลงความถี่]\n";
	static const char he[] =
	    "language: he\ntitle: T\nsource: S\nterms:\n"
	    "  u/U1: [צנטריפוג*, ממיר* תדר, מהפך, טיל*]\n";
	static const struct {
		const char	*text;
		const char	*match;		/* NULL: no hit */
	} cases[] = {
		{ "IGBT变频器，输出频率1200Hz", "变频器" },
		{ "高壓變頻器", "變頻器" },
		{ "IGBT逆变模块", "igbt逆变" },
		{ "igbt 逆变器", "igbt 逆变" },
		{ "xigbt逆变器", NULL },		/* a Latin end stays whole */
		{ "高频inverters", "高频inverters" },	/* stem to the word end */
		{ "7075铝合金棒材", "7075铝合金" },
		{ "7075 铝合金管", "7075 铝合金" },
		{ "17075铝合金", NULL },
		{ "汎用インバータ3相400V", "インバータ" },
		{ "周波数変換器（出力1500Hz）", "周波数変換器" },
		/* Punctuation inside a term is a break, optional between kana. */
		{ "ビス2クロロエチルスルフィド 200kg", "ビス2クロロエチルスルフィド" },
		{ "ビス(2-クロロエチル)スルフィド", "ビス(2-クロロエチル)スルフィド" },
		{ "주파수변환기를 수출", "주파수변환기" },	/* particle attached */
		{ "인버터용 부품", "인버터" },
		{ "인버턴", NULL },		/* 터 is not the start of 턴 */
		{ "ส่งออกเครื่องแปลงความถี่ 1 เครื่อง", "เครื่องแปลงความถี่" },
		{ "进口VFD", "vfd" },		/* the list's term, glued */
		{ "高频变频器T-2型", "变频器" },
		/* Hebrew: up to three joined one-letter words before a term. */
		{ "והצנטריפוגות לייצוא", "צנטריפוגות" },
		{ "צנטריפוגה", "צנטריפוגה" },
		{ "ולממירי תדר 1500 הרץ", "ממירי תדר" },
		{ "כמהפך", "מהפך" },
		{ "אולטרהצנטריפוגה", NULL },	/* ר is not such a word */
		{ "ושהבצנטריפוגה", NULL },	/* four of them */
		{ "מהפכים", NULL },		/* no stem: the word is whole */
		/*
		 * A term of fewer than four letters starts at a word break:
		 * behind a prefix letter it is mostly another word's end.
		 */
		{ "טילים נגד טנקים", "טילים" },
		{ "בוטיל אצטט", NULL },		/* butyl */
		{ "מטיל אלומיניום", NULL },	/* ingot */
		{ "הטיל מכס", NULL },		/* imposed a duty */
		/*
		 * A generic head noun stands for another of its family,
		 * joined or apart; one-syllable heads not for one another.
		 */
		{ "주파수 변환 장치 1대", "주파수 변환 장치" },
		{ "주파수변환장비를 수출", "주파수변환장비" },
		{ "변환 장치", NULL },
		{ "变频设备 40kW", "变频设备" },
		{ "高压变频 装置", "变频 装置" },
		{ "周波数変換装置（出力1500Hz）", "周波数変換装置" },
		{ "周波数変換 機器", "周波数変換 機器" },
		{ "离心设备", "离心设备" },
		{ "离心器", NULL },
		{ "VFD变频器", NULL },	/* two hits: counted below */
		{ "tea steam", NULL },
	};
	const char *names[] = { "u.yaml", "terms-zh.yaml", "terms-ja.yaml",
	    "terms-ko.yaml", "terms-th.yaml", "terms-he.yaml" };
	const char *texts[] = { y, zh, ja, ko, th, he };
	struct ruleset *rs = rules_new();
	struct matcher *sm;
	struct buf errs;
	struct folded f;
	struct hits h;
	char *a, *b;
	size_t i;

	buf_init(&errs);
	for (i = 0; i < 6; i++)
		CHECK_INT_EQ(rules_add_buffer(rs, names[i], texts[i],
		    strlen(texts[i]), &errs), 0);
	CHECK_INT_EQ(rules_finish(rs, &errs), 0);
	sm = match_new(rs);
	if (!CHECK_INT_EQ(match_prepare(sm, &errs), 0)) {
		printf("# %s", errs.data ? errs.data : "");
		goto done;
	}
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		normalize_fold(cases[i].text, strlen(cases[i].text), &f);
		memset(&h, 0, sizeof(h));
		harness_context("unspaced: \"%s\" folded \"%s\"", cases[i].text,
		    f.text);
		CHECK_INT_EQ(match_terms(sm, NULL, f.text, f.len, collect, &h), 0);
		if (i == sizeof(cases) / sizeof(cases[0]) - 2) {
			/*
			 * A Latin word glued to Han is a word of its own: the
			 * list's VFD and the term 变频器, which names zh.
			 */
			if (CHECK_INT_EQ(h.n, 2)) {
				const struct mterm *t0 = match_term(sm, h.h[0].id);
				const struct mterm *t1 = match_term(sm, h.h[1].id);
				const char *l0 = rules_keyword_lang(t0->entry,
				    t0->idx), *l1 = rules_keyword_lang(t1->entry,
				    t1->idx);

				CHECK((l0 == NULL && l1 != NULL &&
				    strcmp(l1, "zh") == 0) || (l1 == NULL &&
				    l0 != NULL && strcmp(l0, "zh") == 0));
				CHECK_INT_EQ(h.h[0].from + h.h[1].from, 3);
			}
		} else if (cases[i].match == NULL)
			CHECK_INT_EQ(h.n, 0);
		else if (CHECK_INT_EQ(h.n, 1)) {
			char *got_text = xstrndup(f.text + h.h[0].from,
			    h.h[0].to - h.h[0].from);
			char *want = normalize_fold_str(cases[i].match);

			CHECK_STR_EQ(got_text, want);
			free(got_text);
			free(want);
		}
		harness_context(NULL);
		folded_free(&f);
	}
done:
	match_free(sm);
	rules_free(rs);
	buf_free(&errs);

	/*
	 * Japanese voicing marks are letters of their own: ガス (gas) is not
	 * カス (dregs), バルブ (valve) not ハルフ.
	 */
	a = normalize_fold_str("ガス");
	b = normalize_fold_str("カス");
	CHECK(strcmp(a, b) != 0);
	free(a);
	free(b);
	/* Thai vowel and tone marks are spelling too: เครื่อง is not เครอง. */
	a = normalize_fold_str("เครื่อง");
	b = normalize_fold_str("เครอง");
	CHECK(strcmp(a, b) != 0);
	free(a);
	free(b);
	a = normalize_fold_str("ｶﾞｽ");	/* halfwidth: the mark is a letter */
	b = normalize_fold_str("ガス");
	CHECK_STR_EQ(a, b);
	free(a);
	free(b);
}

/*
 * A Slavic term of two stemmed words is found with its noun first as well
 * ("преобразователь частотный"); other terms keep their order.
 */
static void
test_word_order(void)
{
	static const char y[] =
	    "list: {id: w, title: W, source: S, version_date: 2024-01-31}\n"
	    "entries:\n"
	    "  - {code: W1, title: T, category: nuclear, explanation: x,\n"
	    "     keywords: [frequency* changer*]}\n";
	static const char ru[] =
	    "language: ru\ntitle: T\nsource: S\nterms:\n"
	    "  w/W1: [\"частотн* преобразовател*\", \"генератор повышенной частоты\"]\n";
	static const char pl[] =
	    "language: pl\ntitle: T\nsource: S\nterms:\n"
	    "  w/W1: [\"przetwornic* częstotliwości*\"]\n";
	static const struct {
		const char	*text;
		size_t		 n;
	} cases[] = {
		{ "частотный преобразователь 1200 Гц", 1 },
		{ "преобразователь частотный ESQ-800", 1 },
		{ "Преобразователи частотные", 1 },
		{ "частоты повышенной генератор", 0 },	/* no stems: kept */
		{ "częstotliwości przetwornica", 1 },
		{ "changer frequency", 0 },		/* English keeps its order */
	};
	const char *names[] = { "w.yaml", "terms-ru.yaml", "terms-pl.yaml" };
	const char *texts[] = { y, ru, pl };
	struct ruleset *rs = rules_new();
	struct matcher *wm;
	struct buf errs;
	struct folded f;
	struct hits h;
	size_t i;

	buf_init(&errs);
	for (i = 0; i < 3; i++)
		CHECK_INT_EQ(rules_add_buffer(rs, names[i], texts[i],
		    strlen(texts[i]), &errs), 0);
	CHECK_INT_EQ(rules_finish(rs, &errs), 0);
	wm = match_new(rs);
	if (CHECK_INT_EQ(match_prepare(wm, &errs), 0))
		for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
			normalize_fold(cases[i].text, strlen(cases[i].text), &f);
			memset(&h, 0, sizeof(h));
			harness_context("word order: \"%s\"", cases[i].text);
			CHECK_INT_EQ(match_terms(wm, NULL, f.text, f.len, collect,
			    &h), 0);
			CHECK_INT_EQ(h.n, cases[i].n);
			harness_context(NULL);
			folded_free(&f);
		}
	match_free(wm);
	rules_free(rs);
	buf_free(&errs);
}

/*
 * A term of a language that inflects at a word's end, its last word
 * written in full, is found declined or in the plural, and a Romance
 * phrase with its head in the plural; an ending of the language must
 * follow, not any letters (a compound or another word).
 */
static void
test_inflected(void)
{
	static const char y[] =
	    "list: {id: w, title: W, source: S, version_date: 2024-01-31}\n"
	    "entries:\n"
	    "  - {code: W1, title: T, category: nuclear, explanation: x,\n"
	    "     keywords: [glass-lined reactor]}\n"
	    "  - {code: W2, title: T, category: chemical, explanation: x,\n"
	    "     keywords: [thiodiglycol]}\n";
	static const char ru[] =
	    "language: ru\ntitle: T\nsource: S\nterms:\n"
	    "  w/W2: [\"тиодигликоль\", \"сернистый иприт\"]\n";
	static const char tr[] =
	    "language: tr\ntitle: T\nsource: S\nterms:\n"
	    "  w/W1: [\"emaye kaplı reaktör\"]\n";
	static const char es[] =
	    "language: es\ntitle: T\nsource: S\nterms:\n"
	    "  w/W1: [\"reactor vidriado\", \"reactor de vidrio esmaltado\"]\n";
	static const char sv[] =
	    "language: sv\ntitle: T\nsource: S\nterms:\n"
	    "  w/W1: [\"emaljerad reaktor\"]\n";
	static const char pl[] =
	    "language: pl\ntitle: T\nsource: S\nterms:\n"
	    "  w/W1: [\"zawór kulowy\", \"pompa wirowa\"]\n";
	static const struct {
		const char	*text;
		size_t		 n;
	} cases[] = {
		{ "поставка тиодигликоля 200 кг", 1 },
		{ "бочки с тиодигликолем", 1 },
		{ "сернистого иприта", 1 },		/* an inner word declines too */
		{ "сернистость иприта", 0 },	/* not an ending: another word */
		{ "серный иприт", 0 },			/* another stem */
		{ "сернистый иприта", 1 },
		{ "бочки с тиодигликолевой кислотой", 0 },	/* not an ending */
		{ "emaye kaplı reaktörlerin yedek parçaları", 1 },
		{ "emaye kaplı reaktörde", 1 },
		{ "emaye kaplı reaktörkazanı", 0 },	/* not an ending */
		{ "reactores vidriados de 5000 l", 1 },
		{ "dos reactores de vidrio esmaltado", 1 },
		{ "reactores de vidrio", 0 },
		{ "emaljerade reaktorer", 0 },		/* an inner word */
		{ "emaljerad reaktoren", 1 },		/* after the word in full */
		{ "emaljerad reaktorns lock", 1 },
		{ "glass-lined reactors", 0 },		/* English: stems, not endings */
		{ "dostawa zaworów kulowych", 1 },	/* noun and adjective agree */
		{ "zaworami kulowymi", 1 },
		{ "zawór kulowo", 0 },			/* an adverb: no ending of it */
		{ "zawory kulowe", 1 },
		{ "zawory kulisty", 0 },		/* another word */
	};
	const char *names[] = { "w.yaml", "terms-ru.yaml", "terms-tr.yaml",
	    "terms-es.yaml", "terms-sv.yaml", "terms-pl.yaml" };
	const char *texts[] = { y, ru, tr, es, sv, pl };
	struct ruleset *rs = rules_new();
	struct matcher *wm;
	struct buf errs;
	struct folded f;
	struct hits h;
	size_t i;

	buf_init(&errs);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		CHECK_INT_EQ(rules_add_buffer(rs, names[i], texts[i],
		    strlen(texts[i]), &errs), 0);
	CHECK_INT_EQ(rules_finish(rs, &errs), 0);
	wm = match_new(rs);
	if (CHECK_INT_EQ(match_prepare(wm, &errs), 0))
		for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
			normalize_fold(cases[i].text, strlen(cases[i].text), &f);
			memset(&h, 0, sizeof(h));
			harness_context("inflected: \"%s\"", cases[i].text);
			CHECK_INT_EQ(match_terms(wm, NULL, f.text, f.len, collect,
			    &h), 0);
			CHECK_INT_EQ(h.n, cases[i].n);
			harness_context(NULL);
			folded_free(&f);
		}
	match_free(wm);
	rules_free(rs);
	buf_free(&errs);
}

struct found_case {
	const char	*text;
	bool		 found;
};

/* Builds a matcher from the files <names>/<texts> (<n>) and checks that
 * each case's text is found or not, under the context <what>. */
static void
check_found(const char *what, const char *const *names,
    const char *const *texts, size_t n, const struct found_case *cases,
    size_t ncases)
{
	struct ruleset *rs = rules_new();
	struct matcher *wm;
	struct buf errs;
	struct folded f;
	struct hits h;
	size_t i;

	buf_init(&errs);
	for (i = 0; i < n; i++)
		CHECK_INT_EQ(rules_add_buffer(rs, names[i], texts[i],
		    strlen(texts[i]), &errs), 0);
	CHECK_INT_EQ(rules_finish(rs, &errs), 0);
	wm = match_new(rs);
	if (CHECK_INT_EQ(match_prepare(wm, &errs), 0))
		for (i = 0; i < ncases; i++) {
			normalize_fold(cases[i].text, strlen(cases[i].text), &f);
			memset(&h, 0, sizeof(h));
			harness_context("%s: \"%s\"", what, cases[i].text);
			CHECK_INT_EQ(match_terms(wm, NULL, f.text, f.len, collect,
			    &h), 0);
			CHECK_INT_EQ(h.n > 0, cases[i].found);
			harness_context(NULL);
			folded_free(&f);
		}
	match_free(wm);
	rules_free(rs);
	buf_free(&errs);
}

/*
 * A term a term file writes again, equal to a keyword the entry has
 * already (the list file's, or another language's), declines as the
 * language of each file that writes it.
 */
static void
test_inflected_again(void)
{
	static const char y[] =
	    "list: {id: w, title: W, source: S, version_date: 2024-01-31}\n"
	    "entries:\n"
	    "  - {code: W1, title: T, category: chemical, explanation: x,\n"
	    "     keywords: [thiodiethanol, Kaliumfluorid]}\n";
	static const char de[] =
	    "language: de\ntitle: T\nsource: S\nterms:\n"
	    "  w/W1: [\"Thiodiethanol\", \"Kaliumfluorid\"]\n";
	static const char sv[] =
	    "language: sv\ntitle: T\nsource: S\nterms:\n"
	    "  w/W1: [\"kaliumfluorid\"]\n";
	static const struct found_case cases[] = {
		{ "Thiodiethanol", true },
		{ "Thiodiethanols", true },		/* German genitive */
		{ "Kaliumfluoride", true },		/* German plural */
		{ "kaliumfluoriden", true },		/* Swedish definite */
		{ "kaliumfluoridernas", true },		/* Swedish, not German */
		{ "Thiodiethanolamin", false },		/* another substance */
		{ "Kaliumfluoridlösung", false },	/* no compounds of substances */
	};
	const char *const names[] = { "w.yaml", "terms-de.yaml",
	    "terms-sv.yaml" };
	const char *const texts[] = { y, de, sv };

	check_found("written again", names, texts, 3, cases,
	    sizeof(cases) / sizeof(cases[0]));
}

/*
 * Indonesian and Persian put the head of a phrase first and its clitics
 * on it (-nya, -lah, -kah; the joined ی): the first word of a term of
 * several words takes them too, not other letters, and a one-word term is
 * found with them.
 */
static void
test_inflected_head_first(void)
{
	static const char y[] =
	    "list: {id: w, title: W, source: S, version_date: 2024-01-31}\n"
	    "entries:\n"
	    "  - {code: W1, title: T, category: chemical, explanation: x,\n"
	    "     keywords: [glass-lined reactor, centrifuge]}\n";
	static const char id[] =
	    "language: id\ntitle: T\nsource: S\nterms:\n"
	    "  w/W1: [\"reaktor berlapis enamel\", \"sentrifus\"]\n";
	static const char fa[] =
	    "language: fa\ntitle: T\nsource: S\nterms:\n"
	    "  w/W1: [\"راکتور شیشه\", \"سانتریفیوژ\"]\n";
	static const struct found_case cases[] = {
		{ "راکتوری شیشه", true },	/* Persian indefinite ی */
		{ "سانتریفیوژی", true },
		{ "سانتریفیوژها", true },
		{ "راکتورک شیشه", false },	/* a suffix, not the clitic */
		{ "reaktor berlapis enamel", true },
		{ "reaktornya berlapis enamel 5000 l", true },
		{ "apakah reaktorkah berlapis enamel", true },
		{ "reaktorlah berlapis enamel", true },
		{ "sentrifusnya", true },
		{ "reaktoris berlapis enamel", false },	/* not a clitic */
		{ "bioreaktor berlapis enamel", false },	/* another word */
		{ "sentrifusi", false },
	};
	const char *const names[] = { "w.yaml", "terms-id.yaml",
	    "terms-fa.yaml" };
	const char *const texts[] = { y, id, fa };

	check_found("head first", names, texts, 3, cases,
	    sizeof(cases) / sizeof(cases[0]));
}

/*
 * German, Dutch and Swedish write compounds as one word: a term's word of
 * INFLECT_COMPOUND_MIN letters or more is found as a compound's last part
 * (a one-word term) and as its first part, not as the first part before a
 * word that names what holds the goods, and not a short word inside an
 * ordinary one.
 */
static void
test_compounds(void)
{
	static const char y[] =
	    "list: {id: w, title: W, source: S, version_date: 2024-01-31}\n"
	    "entries:\n"
	    "  - {code: W1, title: T, category: nuclear, explanation: x,\n"
	    "     keywords: [induction furnace]}\n"
	    "  - {code: W2, title: T, category: military, explanation: x,\n"
	    "     keywords: [pistol]}\n"
	    "  - {code: W3, title: T, category: nuclear, explanation: x,\n"
	    "     cas: [\"7782-39-0\"], keywords: [deuterium]}\n";
	static const char de[] =
	    "language: de\ntitle: T\nsource: S\nterms:\n"
	    "  w/W1: [\"Induktionsofen\", \"Vakuum Induktionsofen\"]\n"
	    "  w/W2: [\"Pistole\"]\n"
	    "  w/W3: [\"Deuterium\"]\n";
	static const char sv[] =
	    "language: sv\ntitle: T\nsource: S\nterms:\n"
	    "  w/W1: [\"induktionsugn\"]\n";
	static const struct found_case cases[] = {
		{ "Hochleistungsinduktionsofen", true },
		{ "Induktionsofenauskleidung", true },
		{ "Induktionsofens", true },
		{ "Vakuum Induktionsofenteile", true },
		{ "Mehrinduktionsofen", true },
		{ "Ofinduktionsofen", false },		/* three letters: no part */
		{ "Induktionsofenkiste", false },	/* what holds it */
		{ "induktionsugnsdelar", true },
		{ "vakuuminduktionsugnar", true },
		{ "Induktionsofenbau2", false },	/* a digit: no word */
		{ "Klebepistole", false },		/* short: inside ordinary words */
		{ "Deuteriumlampe", false },		/* a substance's product */
	};
	const char *const names[] = { "w.yaml", "terms-de.yaml",
	    "terms-sv.yaml" };
	const char *const texts[] = { y, de, sv };

	check_found("compound", names, texts, 3, cases,
	    sizeof(cases) / sizeof(cases[0]));
}

int
main(void)
{
	struct ruleset *rs;
	struct buf errs;

	harness_init("test_match");
	test_inner_stems();
	test_unspaced();
	test_word_order();
	test_inflected();
	test_inflected_again();
	test_inflected_head_first();
	test_compounds();
	rs = rules_new();
	buf_init(&errs);
	if (!CHECK_INT_EQ(rules_add_buffer(rs, "m.yaml", rules_yaml,
	    strlen(rules_yaml), &errs), 0) ||
	    !CHECK_INT_EQ(rules_finish(rs, &errs), 0)) {
		printf("# %s", errs.data ? errs.data : "");
		return harness_done();
	}
	m = match_new(rs);
	if (!CHECK_INT_EQ(match_prepare(m, &errs), 0)) {
		printf("# %s", errs.data ? errs.data : "");
		return harness_done();
	}
	test_entries();
	test_terms();
	test_hs();
	test_cas();
	test_bad_regex();
	test_spelling();
	folded_free(&cur);
	match_free(m);
	rules_free(rs);
	buf_free(&errs);
	return harness_done();
}
