/*
 * Unit tests of normalize.c: HS-code spellings, CAS shape and check digit,
 * CAS numbers found in free text, Unicode folding and the byte map from the
 * folded text back to the original.  Expected values come from the HS and
 * CAS rules and from hand transliteration, never from the code under test.
 */
#include "config.h"

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

int
main(void)
{
	harness_init("test_normalize");
	test_hs();
	test_cas_shape_and_check();
	test_find_cas();
	test_fold();
	test_fold_map();
	return harness_done();
}
