/*
 * Unit tests of normalize.c: HS-code spellings, CAS shape and check digit,
 * CAS numbers found in free text, Unicode folding and the byte map from the
 * folded text back to the original.  Expected values come from the HS and
 * CAS rules and from hand transliteration, never from the code under test.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"

#include "harness.h"

/* Folds <in> and checks the folded text is <want>. */
static void
check_fold(const char *in, const char *want)
{
	char *got = normalize_fold_str(in);

	harness_context("fold(\"%s\")", in);
	CHECK_STR_EQ(got, want);
	harness_context(NULL);
	free(got);
}

static void
test_hs(void)
{
	static const struct {
		const char	*in;
		int		 minlen;
		const char	*want;	/* digits, or NULL for an error */
		const char	*why;	/* expected reason on error */
	} t[] = {
		{ "2812.12", 4, "281212", NULL },
		{ "2812 12 00", 4, "28121200", NULL },
		{ "28121200", 4, "28121200", NULL },
		{ "2812.12.00.00", 4, "2812120000", NULL },
		{ "2812-12-00", 4, "28121200", NULL },
		{ " 2812 ", 4, "2812", NULL },
		{ "28", 2, "28", NULL },
		{ "2812121234", 4, "2812121234", NULL },
		{ "281", 4, NULL, "fewer than 4 digits" },
		{ "28.1", 4, NULL, "fewer than 4 digits" },
		{ "", 4, NULL, "fewer than 4 digits" },
		{ "2", 2, NULL, "fewer than 2 digits" },
		{ "2812.A2", 4, NULL, "only digits, dots, spaces and hyphens "
		    "allowed" },
		{ "HS2812", 4, NULL, "only digits, dots, spaces and hyphens "
		    "allowed" },
		{ "2812/12", 4, NULL, "only digits, dots, spaces and hyphens "
		    "allowed" },
		{ "28121212345", 4, NULL, "more than 10 digits" },
		{ "2812.12.00.00.1", 4, NULL, "more than 10 digits" },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		char out[11];
		const char *why = NULL;
		int rc;

		memset(out, 'x', sizeof(out));
		rc = normalize_hs(t[i].in, t[i].minlen, out, &why);
		harness_context("normalize_hs(\"%s\", %d)", t[i].in, t[i].minlen);
		if (t[i].want != NULL) {
			CHECK_INT_EQ(rc, 0);
			CHECK_STR_EQ(out, t[i].want);
		} else {
			CHECK_INT_EQ(rc, -1);
			CHECK_STR_EQ(why, t[i].why);
		}
		harness_context(NULL);
	}
}

static void
test_cas_shape_and_check(void)
{
	/* Check digits worked by hand (weights 1, 2, 3... from the right). */
	static const char *valid[] = {
		"10025-87-3",	/* phosphorus oxychloride */
		"7664-39-3",	/* hydrogen fluoride */
		"111-48-8",	/* thiodiglycol */
		"7732-18-5",	/* water */
		"50-00-0",	/* formaldehyde */
		"1333-74-0",	/* hydrogen */
		"7681-49-4",	/* sodium fluoride */
		"1234567-89-5",	/* seven leading digits */
	};
	static const char *bad_check[] = {
		"10025-87-4", "7664-39-2", "111-48-9", "50-00-1", "7681-49-0",
	};
	static const char *bad_shape[] = {
		"", "1-23-4", "12345678-12-3", "7664-3-93", "7664-393-3",
		"7664-39-33", "7664-39-", "7664_39_3", "7664-39-3x",
		" 7664-39-3", "7664 39 3", "-7664-39-3", "CAS 7664-39-3",
	};
	size_t i;

	for (i = 0; i < sizeof(valid) / sizeof(valid[0]); i++) {
		harness_context("CAS %s", valid[i]);
		CHECK(normalize_cas_shape(valid[i]));
		CHECK(normalize_cas_valid(valid[i]));
	}
	for (i = 0; i < sizeof(bad_check) / sizeof(bad_check[0]); i++) {
		harness_context("CAS %s", bad_check[i]);
		CHECK(normalize_cas_shape(bad_check[i]));
		CHECK(!normalize_cas_valid(bad_check[i]));
	}
	for (i = 0; i < sizeof(bad_shape) / sizeof(bad_shape[0]); i++) {
		harness_context("CAS \"%s\"", bad_shape[i]);
		CHECK(!normalize_cas_shape(bad_shape[i]));
		CHECK(!normalize_cas_valid(bad_shape[i]));
	}
	harness_context(NULL);
}

/*
 * One row: the text and the CAS numbers expected in it, in order, with
 * their validity.  The expected offset is found with strstr on the text.
 */
struct cas_case {
	const char	*text;
	const char	*cas[3];
	int		 valid[3];
};

static void
test_find_cas(void)
{
	static const struct cas_case t[] = {
		{ "phosphoryl chloride CAS 10025-87-3, 200 l drums",
		    { "10025-87-3" }, { 1 } },
		{ "CAS#7664-39-3 anhydrous", { "7664-39-3" }, { 1 } },
		{ "CAS: 111-48-8", { "111-48-8" }, { 1 } },
		{ "thiodiglycol (111-48-8) 99%", { "111-48-8" }, { 1 } },
		{ "thiodiglycol (CAS 111-48-8)", { "111-48-8" }, { 1 } },
		{ "111-48-8", { "111-48-8" }, { 1 } },
		{ "Хлорокись фосфора (CAS 10025-87-3)", { "10025-87-3" }, { 1 } },
		{ "7664-39-3 and 10025-87-4", { "7664-39-3", "10025-87-4" },
		    { 1, 0 } },
		{ "7664-39-3/2024-01-15", { "7664-39-3" }, { 1 } },
		/* Glued to "CAS" or after "No." / "Nr.". */
		{ "CAS7719-12-2, 99%", { "7719-12-2" }, { 1 } },
		{ "CAS-No.7719-12-2", { "7719-12-2" }, { 1 } },
		{ "CAS-Nr.7719-12-2", { "7719-12-2" }, { 1 } },
		/* Numbers that are not CAS numbers. */
		{ "shipped 2024-03-15, invoice 2024-0315", { NULL }, { 0 } },
		{ "tel +49-30-1234567 or 555-12-3456", { NULL }, { 0 } },
		{ "call +7-495-123-45-67", { NULL }, { 0 } },
		{ "ref 12-34-5-6", { NULL }, { 0 } },
		{ "lot A1234567-89-5", { NULL }, { 0 } },
		{ "part 9-7664-39-3", { NULL }, { 0 } },
		{ "v1.7664-39-3", { NULL }, { 0 } },
		{ "7664-39-3a", { NULL }, { 0 } },
		{ "1-23-4 and 12345678-12-3", { NULL }, { 0 } },
		{ "", { NULL }, { 0 } },
	};
	size_t i, k;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct cas_found f[8];
		size_t n, want = 0;

		while (want < 3 && t[i].cas[want] != NULL)
			want++;
		memset(f, 0, sizeof(f));
		n = normalize_find_cas(t[i].text, strlen(t[i].text), f, 8);
		harness_context("find_cas(\"%s\")", t[i].text);
		if (!CHECK_INT_EQ(n, want))
			continue;
		for (k = 0; k < n; k++) {
			const char *at = strstr(t[i].text, t[i].cas[k]);

			CHECK_STR_EQ(f[k].cas, t[i].cas[k]);
			CHECK_INT_EQ(f[k].valid, t[i].valid[k]);
			CHECK(at != NULL);
			if (at != NULL) {
				CHECK_INT_EQ(f[k].off, at - t[i].text);
				CHECK_INT_EQ(f[k].len, strlen(t[i].cas[k]));
			}
		}
	}
	harness_context(NULL);

	/* Typographic dashes: the number is normalised, the span is the text's. */
	{
		static const char s_en[] = "PCl3, CAS 7719\xe2\x80\x93" "12\xe2\x80\x93" "2";
		struct cas_found f[2];

		CHECK_INT_EQ(normalize_find_cas(s_en, strlen(s_en), f, 2), 1);
		CHECK_STR_EQ(f[0].cas, "7719-12-2");
		CHECK_INT_EQ(f[0].off, 10);
		CHECK_INT_EQ(f[0].len, strlen(s_en) - 10);
	}

	/* <max> bounds the output. */
	{
		const char *s = "50-00-0 7732-18-5 111-48-8";
		struct cas_found f[2];

		CHECK_INT_EQ(normalize_find_cas(s, strlen(s), f, 2), 2);
		CHECK_STR_EQ(f[1].cas, "7732-18-5");
	}
	/* <len> bounds the scan: a cut-off number is not a CAS number. */
	{
		const char *s = "7664-39-3";
		struct cas_found f[2];

		CHECK_INT_EQ(normalize_find_cas(s, 8, f, 2), 0);
	}
}

static void
test_fold(void)
{
	/* Case, accents and punctuation. */
	check_fold("Phosphoryl CHLORIDE", "phosphoryl chloride");
	check_fold("Café crème", "cafe creme");
	check_fold("Éléphant À ÇA", "elephant a ca");
	check_fold("Cafe\xcc\x81", "cafe");		/* NFD: e + combining acute */
	check_fold("Straße", "strasse");
	check_fold("GROẞE", "grosse");			/* capital sharp s */
	check_fold("Müller Ärger Öl Übung", "muller arger ol ubung");
	check_fold("ＡＢＣ１２３ ｆｕｌｌ", "abc123 full");	/* fullwidth */
	check_fold("ﬁlter", "filter");			/* ligature */
	check_fold("Hello,   world!!", "hello world");
	check_fold("--a--b--", "a b");
	check_fold("  \t\n leading and trailing \r\n ", "leading and trailing");
	check_fold("2,4-D; N,N-dimethyl", "2 4 d n n dimethyl");
	check_fold("(sodium) [fluoride]/toothpaste", "sodium fluoride toothpaste");
	check_fold("", "");
	check_fold("!!! ... ???", "");
	/* Invalid UTF-8 bytes become spaces. */
	check_fold("ab\xff" "cd", "ab cd");
	check_fold("ab\xc3", "ab");
	/* Cyrillic and Greek transliteration. */
	check_fold("ХЛОРОКИСЬ ФОСФОРА", "khlorokis fosfora");
	check_fold("хлорокись фосфора", "khlorokis fosfora");
	check_fold("Зарин, Табун", "zarin tabun");
	check_fold("Щука Жук Цех Шар Юг Яма", "shchuka zhuk tsekh shar yug yama");
	check_fold("ёж Ґанок", "ezh ganok");
	check_fold("ΑΘΗΝΑ", "athina");
	/*
	 * The table transliterates й as "y" and ї as "yi", but the canonical
	 * decomposition runs first and turns them into и/і plus a combining
	 * mark, so the table rows are never reached: "хлористый" folds to
	 * "khloristyi" and never meets the usual Latin "khloristyy".
	 */
	{
		char *a = normalize_fold_str("Чай хлористый");
		char *b = normalize_fold_str("Київ");

		/* й and ї are letters of their own, transliterated as such. */
		CHECK_STR_EQ(a, "chay khloristyy");
		CHECK_STR_EQ(b, "kiyiv");
		free(a);
		free(b);
	}
	check_fold("Σοφία", "sofia");
	check_fold("λόγος", "logos");			/* final sigma */
	check_fold("Ψυχή", "psychi");
	check_fold("5 µm and 5 μm", "5 mm and 5 mm");	/* micro sign, mu */
}

/*
 * Arabic and Persian clitics: joined prepositions and conjunctions before
 * the article are split off, the Persian plural is dropped, and letters
 * that may be the word's own stay.  Other scripts are not touched.
 */
static void
test_fold_clitics(void)
{
	/* ب + the article: "with the reactor" */
	check_fold("\xd8\xa8\xd8\xa7\xd9\x84\xd9\x85\xd9\x81\xd8\xa7\xd8\xb9\xd9\x84", "b almfal");	/* بالمفاعل */
	/* و + the article */
	check_fold("\xd9\x88\xd8\xa7\xd9\x84\xd9\x85\xd9\x81\xd8\xa7\xd8\xb9\xd9\x84", "w almfal");	/* والمفاعل */
	check_fold("\xd9\x81\xd8\xa7\xd9\x84\xd9\x85\xd9\x81\xd8\xa7\xd8\xb9\xd9\x84", "f almfal");	/* فالمفاعل */
	check_fold("\xd9\x83\xd8\xa7\xd9\x84\xd9\x85\xd9\x81\xd8\xa7\xd8\xb9\xd9\x84", "k almfal");	/* كالمفاعل */
	/* ل + the article without its alef */
	check_fold("\xd9\x84\xd9\x84\xd9\x85\xd9\x81\xd8\xa7\xd8\xb9\xd9\x84\xd8\xa7\xd8\xaa \xd8\xa7\xd9\x84\xd9\x86\xd9\x88\xd9\x88\xd9\x8a\xd8\xa9", "l almfalat alnwwya");	/* للمفاعلات النووية */
	check_fold("\xd9\x88\xd9\x84\xd9\x84\xd9\x85\xd9\x81\xd8\xa7\xd8\xb9\xd9\x84", "w l almfal");	/* وللمفاعل */
	/* the article alone stays */
	check_fold("\xd8\xa7\xd9\x84\xd9\x85\xd9\x81\xd8\xa7\xd8\xb9\xd9\x84", "almfal");	/* المفاعل */
	/* و before four letters or more */
	check_fold("\xd9\x88\xd8\xb5\xd9\x85\xd8\xa7\xd9\x85\xd8\xa7\xd8\xaa", "w smamat");	/* وصمامات */
	/* the و of a short word is its own (fuel) */
	check_fold("\xd9\x88\xd9\x82\xd9\x88\xd8\xaf", "wqwd");	/* وقود */
	check_fold("\xd9\x88\xd8\xb9\xd8\xa7\xd8\xa1", "wa");	/* وعاء */
	/* ب without the article stays (battery) */
	check_fold("\xd8\xa8\xd8\xb7\xd8\xa7\xd8\xb1\xd9\x8a\xd8\xa9", "btarya");	/* بطارية */
	/* Persian plural after a ZWNJ */
	check_fold("\xd9\xbe\xd9\x85\xd9\xbe\xe2\x80\x8c\xd9\x87\xd8\xa7\xdb\x8c \xd8\xae\xd9\x84\xd8\xa7\xd8\xa1", "pmp khla");	/* پمپ‌های خلاء */
	/* joined plural */
	check_fold("\xd9\xbe\xd9\x85\xd9\xbe\xd9\x87\xd8\xa7\xdb\x8c \xd8\xae\xd9\x84\xd8\xa7\xd8\xa1", "pmp khla");	/* پمپهای خلاء */
	check_fold("\xd8\xaf\xd9\x88\xd8\xb1\xd8\xa8\xdb\x8c\xd9\x86\xe2\x80\x8c\xd9\x87\xd8\xa7", "dwrbyn");	/* دوربین‌ها */
	/* a short stem keeps its ها */
	check_fold("\xd8\xaa\xd9\x86\xd9\x87\xd8\xa7", "tnha");	/* تنها */
	check_fold("ballon valve, Wall", "ballon valve wall");
	check_fold("\xd0\xb2\xd0\xb0\xd0\xbb", "val");	/* вал */
}

/* Checks that the original bytes behind folded [from, to) are <want>. */
static void
check_span(const char *orig, const struct folded *f, const char *needle,
    const char *want)
{
	const char *at = strstr(f->text, needle);
	size_t from, to, a, b;

	harness_context("span of \"%s\" in \"%s\"", needle, orig);
	if (!CHECK(at != NULL)) {
		harness_context(NULL);
		return;
	}
	from = (size_t)(at - f->text);
	to = from + strlen(needle);
	a = f->map[from];
	b = f->emap[to - 1];
	CHECK(a <= b && b <= strlen(orig));
	if (a <= b && b <= strlen(orig)) {
		char *got = strndup(orig + a, b - a);

		CHECK_STR_EQ(got, want);
		free(got);
	}
	harness_context(NULL);
}

static void
test_fold_map(void)
{
	struct folded f;
	const char *s;
	size_t i;

	s = "Ärger über Straße";
	normalize_fold(s, strlen(s), &f);
	CHECK_STR_EQ(f.text, "arger uber strasse");
	CHECK_INT_EQ(f.len, strlen("arger uber strasse"));
	CHECK_INT_EQ(f.map[f.len], strlen(s));
	CHECK_INT_EQ(f.map[0], 0);
	CHECK_INT_EQ(f.emap[0], 2);		/* "Ä" is two bytes */
	/* Both folded bytes of "ß" point at the one original character. */
	CHECK_INT_EQ(f.map[15], f.map[16]);
	CHECK_INT_EQ(f.emap[15], f.emap[16]);
	CHECK_INT_EQ(f.emap[16] - f.map[16], 2);
	check_span(s, &f, "strasse", "Straße");
	check_span(s, &f, "uber", "über");
	check_span(s, &f, "arger", "Ärger");
	folded_free(&f);
	CHECK(f.text == NULL && f.map == NULL && f.emap == NULL);

	s = "ввоз: ХЛОРОКИСЬ ФОСФОРА (POCl3), 200 кг";
	normalize_fold(s, strlen(s), &f);
	CHECK_STR_EQ(f.text, "vvoz khlorokis fosfora pocl3 200 kg");
	check_span(s, &f, "khlorokis fosfora", "ХЛОРОКИСЬ ФОСФОРА");
	check_span(s, &f, "fosfora", "ФОСФОРА");
	check_span(s, &f, "pocl3", "POCl3");
	check_span(s, &f, "kg", "кг");
	/* The map never runs backwards and stays inside the original. */
	for (i = 0; i + 1 <= f.len; i++)
		if (!CHECK(f.map[i] <= f.map[i + 1] && f.emap[i] <= strlen(s)))
			break;
	folded_free(&f);

	s = "ＡＢＣ-λόγος";
	normalize_fold(s, strlen(s), &f);
	CHECK_STR_EQ(f.text, "abc logos");
	check_span(s, &f, "abc", "ＡＢＣ");
	check_span(s, &f, "logos", "λόγος");
	folded_free(&f);

	/* Empty input still has map[0] == 0 == length. */
	normalize_fold("", 0, &f);
	CHECK_INT_EQ(f.len, 0);
	CHECK_STR_EQ(f.text, "");
	CHECK_INT_EQ(f.map[0], 0);
	folded_free(&f);

	/* <len> is honoured: only the first word is folded. */
	s = "Alpha Beta";
	normalize_fold(s, 5, &f);
	CHECK_STR_EQ(f.text, "alpha");
	CHECK_INT_EQ(f.map[f.len], 5);
	folded_free(&f);
}

/* Folds <in>; checks the text is <want> and the report's flags <flags>. */
static void
check_fold_flags(const char *in, const char *want, unsigned flags)
{
	struct folded f;
	struct norm_report r;

	normalize_fold(in, strlen(in), &f);
	harness_context("fold(\"%s\")", in);
	CHECK_STR_EQ(f.text, want);
	CHECK_INT_EQ(f.rep.flags, flags);
	/* normalize_inspect reports the same without keeping the text. */
	CHECK_INT_EQ(normalize_inspect(in, strlen(in), &r), flags);
	CHECK_INT_EQ(r.flags, flags);
	CHECK((r.ncp > 0) == (flags != 0));
	harness_context(NULL);
	folded_free(&f);
}

/*
 * Each class of invisible code point inside a word vanishes without leaving
 * a space (which would split the word and hide the term) and is reported.
 */
static void
test_fold_invisible(void)
{
	static const struct {
		const char	*in, *want;
		unsigned	 flags;
		uint32_t	 cp;	/* expected first reported code point */
	} t[] = {
		{ "Sa\xe2\x80\x8brin", "sarin", NORM_INVISIBLE, 0x200b },	/* ZWSP */
		{ "Sa\xe2\x80\x8drin", "sarin", NORM_INVISIBLE, 0x200d },	/* ZWJ */
		{ "Sa\xe2\x80\x8crin", "sarin", NORM_INVISIBLE, 0x200c },	/* ZWNJ */
		{ "Sa\xc2\xadrin", "sarin", NORM_INVISIBLE, 0xad },		/* soft hyphen */
		{ "Sa\xe2\x81\xa0rin", "sarin", NORM_INVISIBLE, 0x2060 },	/* word joiner */
		{ "Sa\xef\xbb\xbfrin", "sarin", NORM_INVISIBLE, 0xfeff },	/* BOM */
		{ "Sa\xf3\xa0\x81\xb3rin", "sarin", NORM_INVISIBLE, 0xe0073 },	/* tag s */
		{ "Sa\xef\xb8\x8frin", "sarin", NORM_INVISIBLE, 0xfe0f },	/* VS16 */
		{ "Sa\xcd\x8frin", "sarin", NORM_INVISIBLE, 0x34f },		/* CGJ */
		{ "Sa\xe1\xa0\x8erin", "sarin", NORM_INVISIBLE, 0x180e },	/* MVS */
		{ "Sa\xe2\x81\xa4rin", "sarin", NORM_INVISIBLE, 0x2064 },	/* invisible plus */
		/* Bidi controls vanish and are their own class. */
		{ "Sa\xe2\x80\xaerin", "sarin", NORM_BIDI, 0x202e },		/* RLO */
		{ "Sa\xe2\x80\x8frin", "sarin", NORM_BIDI, 0x200f },		/* RLM */
		{ "Sa\xe2\x81\xa7rin", "sarin", NORM_BIDI, 0x2067 },		/* RLI */
		/* So do C0 and C1 controls (but tab, LF, CR: spaces). */
		{ "Sa\x01rin", "sarin", NORM_CONTROL, 0x01 },
		{ "Sa\x7frin", "sarin", NORM_CONTROL, 0x7f },
		{ "Sa\xc2\x85rin", "sarin", NORM_CONTROL, 0x85 },
		{ "Sa\trin", "sa rin", 0, 0 },
		{ "Sa\nrin", "sa rin", 0, 0 },
		/* Several tricks in one name. */
		{ "Ta\xe2\x80\x8b" "bun \xd0\x92" "X", "tabun bx",
		    NORM_INVISIBLE | NORM_LOOKALIKE, 0x412 },
		/* Ordinary writing: not a trick. */
		{ "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xb4\xd9\x88\xd8\xaf", "myshwd", 0, 0 },	/* Persian ZWNJ */
		{ "\xe0\xa4\x95\xe0\xa5\x8d\xe2\x80\x8d\xe0\xa4\xb7", NULL, 0, 0 },	/* Devanagari ZWJ */
		{ "\xef\xbb\xbfSarin", "sarin", 0, 0 },				/* leading BOM */
		{ "Sarin \xe2\x80\x8b gas", "sarin gas", 0, 0 },		/* between words */
		{ "\xe8\x91\x9b\xf3\xa0\x84\x80", NULL, 0, 0 },			/* Han + IVS */
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct folded f;

		normalize_fold(t[i].in, strlen(t[i].in), &f);
		harness_context("row %zu", i);
		if (t[i].want != NULL)
			CHECK_STR_EQ(f.text, t[i].want);
		else
			CHECK(strchr(f.text, ' ') == NULL);	/* one word */
		CHECK_INT_EQ(f.rep.flags, t[i].flags);
		if (t[i].flags != 0 && CHECK(f.rep.ncp > 0))
			CHECK_INT_EQ(f.rep.cp[0], t[i].cp);
		harness_context(NULL);
		folded_free(&f);
	}
	/* Printable ASCII is never a trick, and inspect says so fast. */
	check_fold_flags("Sarin, 5 kg; tabun (GA) & co.", "sarin 5 kg tabun ga co", 0);
	check_fold_flags("Sa\xe2\x80\x8brin", "sarin", NORM_INVISIBLE);
	check_fold_flags("Sa\x1brin", "sarin", NORM_CONTROL);
}

/*
 * Look-alike letters of another script (TS #39 skeletons) inside a Latin
 * word fold to the Latin letter they imitate; a whole word of look-alikes
 * does so in Latin text, while Cyrillic and Greek text stays transliterated.
 */
static void
test_fold_lookalike(void)
{
	/* Cyrillic а inside "Sarin". */
	check_fold_flags("S\xd0\xb0rin", "sarin", NORM_LOOKALIKE);
	/* Cyrillic С (translit "s") in "Chlorine", Р and Н in "PHOSPHORUS". */
	check_fold_flags("\xd0\xa1hlorine", "chlorine", NORM_LOOKALIKE);
	check_fold_flags("\xd0\xa0\xd0\x9dOSPHORUS", "phosphorus",
	    NORM_LOOKALIKE);
	/* Cyrillic х, у, р in "oxy", "yperite" style words. */
	check_fold_flags("thionyl chl\xd0\xberide", "thionyl chloride",
	    NORM_LOOKALIKE);
	check_fold_flags("o\xd1\x85ide", "oxide", NORM_LOOKALIKE);
	/* Greek ο, ν, ρ and capitals Α, Τ in Latin words. */
	check_fold_flags("s\xce\xbfman", "soman", NORM_LOOKALIKE);
	check_fold_flags("\xce\xbd" "alve", "valve", NORM_LOOKALIKE);
	check_fold_flags("S\xce\x91RIN", "sarin", NORM_LOOKALIKE);
	check_fold_flags("\xce\xa4" "ABUN", "tabun", NORM_LOOKALIKE);
	/* Cyrillic І (capital, looks like I) reads i, not l. */
	check_fold_flags("SAR\xd0\x86N", "sarin", NORM_LOOKALIKE);
	/* Latin phonetic letters that imitate plain ones. */
	check_fold_flags("s\xc9\x91rin", "sarin", NORM_LOOKALIKE);
	/* A whole look-alike word in Latin text: "Рурех" = Pyrex. */
	check_fold_flags("glass \xd0\xa0\xd1\x83\xd1\x80\xd0\xb5\xd1\x85 reactor",
	    "glass pypex reactor", NORM_LOOKALIKE);
	/* Same letters in Cyrillic text are Russian: transliterated. */
	check_fold_flags("\xd1\x80\xd1\x83\xd1\x81\xd1\x81\xd0\xba\xd0\xb8\xd0\xb9 "
	    "\xd1\x80\xd0\xb0\xd1\x81", "russkiy ras", 0);
	check_fold_flags("\xd0\x9e\xd0\x9e\xd0\x9e \xd0\xa0\xd0\xbe\xd0\xbc\xd0\xb0"
	    "\xd1\x88\xd0\xba\xd0\xb0", "ooo romashka", 0);
	/* A look-alike word that folds the same either way is no trick. */
	check_fold_flags("\xd0\x9e\xd0\x90\xd0\x9e Sakhalin", "oao sakhalin", 0);
	/* Greek letters that imitate nothing stay as they are. */
	check_fold_flags("\xce\xb3-ray 5 \xce\xbcm", "g ray 5 mm", 0);
	check_fold_flags("\xce\x91\xce\x98\xce\x97\xce\x9d\xce\x91", "athina", 0);
	/* One look-alike letter alone is not a word to rewrite. */
	check_fold_flags("\xce\xb1-alumina", "a alumina", 0);
}

/*
 * Scripts and forms: digits of every script read as numbers, voicing marks
 * survive, full-width and half-width forms and CJK compatibility characters
 * fold to their ordinary form.
 */
static void
test_fold_forms(void)
{
	char *a, *b;

	/* Persian, Arabic-Indic, Devanagari, Bengali, Thai, full-width digits. */
	check_fold_flags("\xdb\xb1\xdb\xb2\xdb\xb0\xdb\xb0 Hz", "1200 hz", 0);
	check_fold_flags("\xd9\xa7\xd9\xa0\xd9\xa7\xd9\xa5", "7075", 0);
	check_fold_flags("\xe0\xa5\xa8\xe0\xa5\xaa", "24", 0);
	check_fold_flags("\xe0\xa7\xa9\xe0\xa7\xae", "38", 0);
	check_fold_flags("\xe0\xb9\x95\xe0\xb9\x90", "50", 0);
	check_fold_flags("\xef\xbc\x97\xef\xbc\x90\xef\xbc\x97\xef\xbc\x95", "7075", 0);
	/* Superscripts keep their digit value. */
	check_fold_flags("m\xc2\xb3", "m3", 0);

	/* ガ and カ differ; every spelling of ガ folds alike. */
	a = normalize_fold_str("\xe3\x82\xac\xe3\x82\xb9");		/* ガス */
	b = normalize_fold_str("\xe3\x82\xab\xe3\x82\xb9");		/* カス */
	CHECK(strcmp(a, b) != 0);
	free(b);
	b = normalize_fold_str("\xe3\x82\xab\xe3\x82\x99\xe3\x82\xb9");	/* カ+゙ス */
	CHECK_STR_EQ(b, a);
	free(b);
	b = normalize_fold_str("\xef\xbd\xb6\xef\xbe\x9e\xef\xbd\xbd");	/* ｶﾞｽ */
	CHECK_STR_EQ(b, a);
	free(b);
	b = normalize_fold_str("\xe3\x82\xab\xe3\x82\x9b\xe3\x82\xb9");	/* カ゛ス */
	CHECK_STR_EQ(b, a);
	free(b);
	free(a);
	/* パ (handakuten) differs from バ and ハ. */
	a = normalize_fold_str("\xe3\x83\x91");
	b = normalize_fold_str("\xe3\x83\x90");
	CHECK(strcmp(a, b) != 0);
	free(b);
	b = normalize_fold_str("\xef\xbe\x8a\xef\xbe\x9f");		/* ﾊﾟ */
	CHECK_STR_EQ(b, a);
	free(b);
	free(a);

	/* Half-width katakana read as full-width. */
	check_fold_flags("\xef\xbe\x80\xef\xbe\x9d\xef\xbd\xb8",	/* ﾀﾝｸ */
	    "\xe3\x82\xbf\xe3\x83\xb3\xe3\x82\xaf", 0);
	/* Full-width Latin and the ideographic space. */
	check_fold_flags("\xef\xbc\xb3\xef\xbc\xa1\xef\xbc\xb2\xef\xbc\xa9\xef\xbc\xae"
	    "\xe3\x80\x80gas", "sarin gas", 0);
	/* CJK compatibility ideograph U+F9DC reads as U+9686. */
	check_fold_flags("\xef\xa7\x9c", "\xe9\x9a\x86", 0);
	/* Squared katakana ㌔ (kiro) reads as キロ. */
	check_fold_flags("\xe3\x8c\x94", "\xe3\x82\xad\xe3\x83\xad", 0);
}

/* Hit spans over text that hid a term: the map covers what was sent. */
static void
test_fold_map_hidden(void)
{
	struct folded f;
	const char *s;

	s = "Nerve agent Sa\xe2\x80\x8brin, 5 kg";
	normalize_fold(s, strlen(s), &f);
	CHECK_STR_EQ(f.text, "nerve agent sarin 5 kg");
	check_span(s, &f, "sarin", "Sa\xe2\x80\x8brin");
	check_span(s, &f, "5 kg", "5 kg");
	folded_free(&f);

	s = "S\xd0\xb0rin \xe2\x80\xae" "and \xdb\xb5 kg";
	normalize_fold(s, strlen(s), &f);
	CHECK_STR_EQ(f.text, "sarin and 5 kg");
	check_span(s, &f, "sarin", "S\xd0\xb0rin");
	check_span(s, &f, "and", "and");
	check_span(s, &f, "5", "\xdb\xb5");
	CHECK_INT_EQ(f.map[f.len], strlen(s));
	folded_free(&f);

	s = "\xef\xbc\xb3\xef\xbc\xa1\xef\xbc\xb2\xef\xbc\xa9\xef\xbc\xae";
	normalize_fold(s, strlen(s), &f);
	check_span(s, &f, "sarin", s);
	check_span(s, &f, "ar", "\xef\xbc\xa1\xef\xbc\xb2");
	folded_free(&f);
}

/* The notations of a CAS number met in the structured "cas" field. */
static void
test_cas_notations(void)
{
	static const struct {
		const char	*in;
		const char	*want;	/* NULL: no CAS number */
	} t[] = {
		{ "7719-12-2", "7719-12-2" },
		{ "7719 12 2", "7719-12-2" },
		{ "506/59/2", "506-59-2" },
		{ "7719\xe2\x80\x93" "12\xe2\x80\x93" "2", "7719-12-2" },	/* en dash */
		{ "7719\xe2\x80\x94" "12\xe2\x80\x94" "2", "7719-12-2" },	/* em dash */
		{ "7719\xe2\x88\x92" "12\xe2\x88\x92" "2", "7719-12-2" },	/* minus */
		{ "7719\xe2\x80\x91" "12\xe2\x80\x91" "2", "7719-12-2" },	/* nb hyphen */
		{ "7719.12.2", "7719-12-2" },
		{ "CAS 75-97-8", "75-97-8" },
		{ "CAS: 75-97-8", "75-97-8" },
		{ "CAS-No.: 75-97-8", "75-97-8" },
		{ "CAS Nr. 75-97-8", "75-97-8" },
		{ "CAS RN 75-97-8", "75-97-8" },
		{ "CAS#75-97-8", "75-97-8" },
		{ "cas75-97-8", "75-97-8" },
		{ " 10025-87-3 ", "10025-87-3" },
		{ "7719122", "7719-12-2" },
		{ "100258 73", NULL },
		{ "\xef\xbc\x97\xef\xbc\x97\xef\xbc\x91\xef\xbc\x99-12-2", "7719-12-2" },	/* full-width */
		{ "\xdb\xb7\xdb\xb7\xdb\xb1\xdb\xb9-\xdb\xb1\xdb\xb2-\xdb\xb2", "7719-12-2" },	/* Persian */
		{ "1234-5-6", NULL },
		{ "12345678-12-3", NULL },
		{ "1-12-3", NULL },
		{ "7719-12-23", NULL },
		{ "7719-12", NULL },
		{ "phosphorus trichloride", NULL },
		{ "CAS", NULL },
		{ "", NULL },
		{ "1234", NULL },
		{ "7719-12-2 7719-12-2", NULL },
		{ "n/a", NULL },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		char out[16];
		int rc;

		memset(out, 0, sizeof(out));
		rc = normalize_cas(t[i].in, out);
		harness_context("normalize_cas(\"%s\")", t[i].in);
		if (t[i].want != NULL) {
			CHECK_INT_EQ(rc, 0);
			CHECK_STR_EQ(out, t[i].want);
		} else
			CHECK_INT_EQ(rc, -1);
		harness_context(NULL);
	}
	/* Read, not validated: a wrong check digit is screening's finding. */
	{
		char out[16];

		CHECK_INT_EQ(normalize_cas("7719 12 3", out), 0);
		CHECK_STR_EQ(out, "7719-12-3");
		CHECK(!normalize_cas_valid(out));
	}
}

/* Digits of every script for readers of numbers, with the byte map. */
static void
test_digits(void)
{
	static const struct {
		const char	*in, *want;	/* want NULL: nothing rewritten */
	} t[] = {
		{ "output 1200 Hz", NULL },
		{ "output \xdb\xb1\xdb\xb2\xdb\xb0\xdb\xb0 Hz", "output 1200 Hz" },	/* Persian */
		{ "\xd9\xa1\xd9\xab\xd9\xa5 kHz", "1.5 kHz" },		/* Arabic-Indic, separator */
		{ "\xd9\xa1\xd9\xac\xd9\xa2\xd9\xa0\xd9\xa0 Hz", "1,200 Hz" },
		{ "\xe0\xa5\xa7\xe0\xa5\xa8 bar", "12 bar" },			/* Devanagari */
		{ "\xef\xbc\x97\xef\xbc\x90\xef\xbc\x97\xef\xbc\x95-T6", "7075-T6" },	/* full-width */
		{ "\xe0\xb9\x95\xe0\xb9\x90 mm", "50 mm" },			/* Thai */
		{ "Caf\xc3\xa9 \xc2\xb2", NULL },	/* non-ASCII, no decimal digit */
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		size_t n = 0, *map = NULL;
		char *got = normalize_digits(t[i].in, strlen(t[i].in), &n, &map);

		harness_context("normalize_digits(\"%s\")", t[i].in);
		if (t[i].want == NULL)
			CHECK(got == NULL);
		else if (CHECK(got != NULL)) {
			CHECK_STR_EQ(got, t[i].want);
			CHECK_INT_EQ(n, strlen(t[i].want));
			CHECK_INT_EQ(map[n], strlen(t[i].in));
		}
		harness_context(NULL);
		free(got);
		free(map);
	}
	/* The map takes a span of the copy back to the original bytes. */
	{
		const char *s = "f = \xdb\xb1\xdb\xb2\xdb\xb0\xdb\xb0 Hz";
		size_t n, *map;
		char *got = normalize_digits(s, strlen(s), &n, &map);

		if (CHECK(got != NULL)) {
			CHECK_INT_EQ(map[4], 4);		/* ۱ */
			CHECK_INT_EQ(map[8], 12);		/* the space after */
			CHECK_INT_EQ(map[11] - map[4], strlen("\xdb\xb1\xdb\xb2"
			    "\xdb\xb0\xdb\xb0 Hz"));
		}
		free(got);
		free(map);
	}
}

/*
 * Whether the words around <phrase> in <text> negate it: both are folded
 * first, as screening folds a description and its exclusion words.
 */
static bool
negated(const char *text, const char *phrase)
{
	char *t = normalize_fold_str(text), *w = normalize_fold_str(phrase);
	const char *at = strstr(t, w);
	bool r = false;

	if (CHECK(at != NULL))
		r = normalize_negated(t, strlen(t), (size_t)(at - t),
		    (size_t)(at - t) + strlen(w));
	free(t);
	free(w);
	return r;
}

static void
test_negated(void)
{
	/* Before, within three words, in the term languages. */
	CHECK(negated("soft body armour, not manufactured to military "
	    "standards", "military standard"));
	CHECK(negated("Schutzweste, keine Militärnorm", "Militärnorm"));
	CHECK(negated("gilet pare-balles sans norme militaire",
	    "norme militaire"));
	CHECK(negated("chaleco antibalas sin norma militar", "norma militar"));
	CHECK(negated("бронежилет не по военному стандарту",
	    "военному стандарту"));
	CHECK(negated("kamizelka bez normy wojskowej", "normy wojskowej"));
	CHECK(negated("سترة غير عسكرية", "عسكرية"));
	CHECK(negated("\xd7\x90\xd7\xa4\xd7\x95\xd7\x93 \xd7\x9c\xd7\x9c\xd7\x90 "
	    "\xd7\xaa\xd7\xa7\xd7\x9f", "\xd7\xaa\xd7\xa7\xd7\x9f"));	/* he: ללא תקן */
	/* "non" only right before; "no" not before a number. */
	CHECK(negated("non-military standard vest", "military standard"));
	CHECK(!negated("non hazardous toothpaste", "toothpaste"));
	CHECK(!negated("sodium fluoride, toothpaste, Art. No. 4711 toothpaste",
	    "4711 toothpaste"));
	CHECK(negated("sodium fluoride, no toothpaste", "toothpaste"));
	/* After, in Turkish and Korean; joined in Han and Hangul. */
	CHECK(negated("çelik yelek askeri standart değil", "askeri standart"));
	CHECK(negated("방탄조끼 군용 규격 아님", "군용 규격"));
	CHECK(negated("甲基膦酸 非阻燃剂", "阻燃"));
	CHECK(negated("甲基膦酸 不含阻燃剂", "阻燃"));
	CHECK(negated("防弾チョッキ 軍用規格ではない", "軍用規格"));
	/* Not negated: far, after, or another word. */
	CHECK(!negated("flame retardant, 500 ml bottle, not for resale",
	    "flame retardant"));
	CHECK(!negated("not for resale: sodium fluoride in bulk, toothpaste "
	    "grade", "toothpaste"));
	CHECK(!negated("Natriumfluorid für den Zahnpasta-Hersteller",
	    "Zahnpasta"));
	CHECK(!negated("sodium fluoride pour un dentifrice", "dentifrice"));
	CHECK(!negated("无机阻燃剂", "阻燃"));
}

/* <a> and <b> fold to the same text (or, with <same> false, do not). */
static void
check_fold_same(const char *a, const char *b, bool same)
{
	char *fa = normalize_fold_str(a);
	char *fb = normalize_fold_str(b);

	harness_context("fold(\"%s\") vs fold(\"%s\")", a, b);
	CHECK(fa != NULL && fb != NULL && (strcmp(fa, fb) == 0) == same);
	harness_context(NULL);
	free(fa);
	free(fb);
}

/*
 * Devanagari: the spellings a Hindi invoice varies between fold alike (the
 * candra o and aa, the nukta letters and their base, long and short i and
 * u, chandrabindu and anusvara); other letters and signs stay apart.
 */
static void
test_fold_devanagari(void)
{
	/* candra o: फॉस्फेट / फास्फेट, ऑक्साइड / आक्साइड */
	check_fold_same("\u092b\u0949\u0938\u094d\u092b\u0947\u091f",
	    "\u092b\u093e\u0938\u094d\u092b\u0947\u091f", true);
	check_fold_same("\u0911\u0915\u094d\u0938\u093e\u0907\u0921",
	    "\u0906\u0915\u094d\u0938\u093e\u0907\u0921", true);
	/* precomposed nukta letters, base + U+093C, and the bare base */
	check_fold_same("\u095e\u094d\u0932\u094b\u0930\u093e\u0907\u0921",
	    "\u092b\u093c\u094d\u0932\u094b\u0930\u093e\u0907\u0921", true);
	check_fold_same("\u095e\u094d\u0932\u094b\u0930\u093e\u0907\u0921",
	    "\u092b\u094d\u0932\u094b\u0930\u093e\u0907\u0921", true);
	check_fold_same("\u095b\u093f\u0930\u0915\u094b\u0928\u093f\u092f\u092e",
	    "\u091c\u093f\u0930\u0915\u094b\u0928\u093f\u092f\u092e", true);
	check_fold_same("\u0958 \u0959 \u095a \u095c \u095d",
	    "\u0915 \u0916 \u0917 \u0921 \u0922", true);
	/* long and short i and u, letters and signs: डाईमिथाइल / डाइमिथाइल */
	check_fold_same("\u0921\u093e\u0908\u092e\u093f\u0925\u093e\u0907\u0932",
	    "\u0921\u093e\u0907\u092e\u093f\u0925\u093e\u0907\u0932", true);
	check_fold_same("\u091f\u094d\u0930\u093e\u0908 \u0940 \u0942 \u090a",
	    "\u091f\u094d\u0930\u093e\u0907 \u093f \u0941 \u0909", true);
	/* chandrabindu and anusvara: पँप / पंप */
	check_fold_same("\u092a\u0901\u092a", "\u092a\u0902\u092a", true);
	/* still apart: other letters, other vowel signs, virama */
	check_fold_same("\u0915", "\u0916", false);
	check_fold_same("\u091c\u093e", "\u091c\u0947", false);
	check_fold_same("\u0915\u094d\u0937", "\u0915\u0937", false);
	check_fold_same("\u0913", "\u0906", false);
}

/* Word tables folded once: whole words, and words joined to a span. */
static void
test_foldset(void)
{
	static const char *const words[] = { "Außer", "AUSSER", "für",
	    "以外", "de", "à l'exclusion", NULL };
	struct foldset *fs = normalize_fold_set(words);

	CHECK(fs->n == 6);
	CHECK(foldset_has(fs, "ausser", 6));
	CHECK(foldset_find(fs, "ausser", 6) == 0);	/* first spelling */
	CHECK(foldset_has(fs, "fur", 3));
	CHECK(foldset_has(fs, "de", 2));
	CHECK(foldset_has(fs, "a l exclusion", 13));
	CHECK(!foldset_has(fs, "d", 1));
	CHECK(!foldset_has(fs, "dex", 3));
	CHECK(!foldset_has(fs, "", 0));
	CHECK(!foldset_has(fs, "a l exclusion de", 16));
	CHECK(foldset_ends_at(fs, "x以外", strlen("x以外")));
	CHECK(!foldset_ends_at(fs, "以外x", strlen("以外x")));
	CHECK(foldset_starts_at(fs, "de x", 4, 0));
	CHECK(!foldset_starts_at(fs, "d", 1, 0));
	CHECK(!foldset_starts_at(fs, "xd", 2, 1));
	foldset_free(fs);
}

int
main(void)
{
	harness_init("test_normalize");
	test_foldset();
	test_negated();
	test_hs();
	test_cas_shape_and_check();
	test_find_cas();
	test_cas_notations();
	test_digits();
	test_fold();
	test_fold_clitics();
	test_fold_map();
	test_fold_invisible();
	test_fold_lookalike();
	test_fold_forms();
	test_fold_map_hidden();
	test_fold_devanagari();
	return harness_done();
}
