/*
 * Names to canonical tokens, for the listed names and the queries alike.
 * A name is folded (normalize_fold: case, accents, Cyrillic, Greek and
 * Arabic to Latin), apostrophes are dropped, runs of single letters are
 * joined ("S.A." -> "sa"), stopwords and legal forms go (written out too,
 * in any transliteration), and every token is reduced to a canonical
 * spelling that unifies the usual romanisation variants of Korean,
 * Indonesian, Persian and Arabic names (kh/h, q/gh/k, w/v, eo/o,
 * ou/oo/u, hard c/k, doubled letters, initial l/n/r and r-y, -yan/-ian,
 * -un/-on, -isation/-ization).  Both sides go through the same steps, so
 * no variant table of names is needed.  Pure apart from one ICU
 * transliterator per thread; knows nothing of the index.
 */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utrans.h>
#include <unicode/ustring.h>

#include "normalize.h"
#include "partyint.h"
#include "util.h"
#include "xmalloc.h"

/* Letters one spelling rule writes at most ("isation" as "iza"). */
#define SPELL_MAX_WRITE	3
/* A word read as letters with digits in it (partyname_ocr_word): its
 * length, letters and digits. */
#define OCR_WORD_MIN		4
#define OCR_LETTERS_MIN		3
#define OCR_DIGITS_MAX		2
/* Letters of a given name of the East Slavic table, at least. */
#define GIVEN_MINLEN		3
/* Consonants of a given name's sound (given_sound) to be looked up by it. */
#define GIVEN_SOUND_CONSONANTS	3
/* Letters of a family name whose Belarusian ending is read, at least. */
#define BELARUSIAN_ENDING_MIN	5
/* Letters of a Korean syllable romanised, at most (phyong, hyeong). */
#define KOREAN_SYLLABLE_MAX	6
/* Letters of a family name whose stressed Belarusian -ou is read. */
#define BELARUSIAN_OU_MIN	6
/* Letters of a father's name before a patronymic ending, at least. */
#define PATRONYMIC_STEM_MIN	3
/* Letters of a word of the tables a query word is read as through one
 * typing error (table_typo), at least: a legal form, a title, a generic
 * word; through two, a legal form (two errors from a title or generic
 * word are as often another word: Sheriyat is no typed sharikat). */
#define TYPO_LEGAL_MINLEN	3
#define TYPO_TITLE_MINLEN	4
#define TYPO_GENERIC_MINLEN	5
#define TYPO2_LEGAL_MINLEN	7

/* ------------------------------------------------------------------ */
/* Word tables                                                         */

/* Sorted: words that carry no identity. */
static const char *const stopwords[] = {
	"a", "and", "at", "da", "das", "de", "del", "della", "der",
	"des", "di", "die", "do", "dos", "du", "et", "for", "in", "la",
	"le", "les", "of", "on", "the", "und", "van", "ve", "von", "y",
};

/*
 * Sorted: titles and honorifics written before names ("Dr.", "Sheikh",
 * "Hajji"); they carry no identity and go like stopwords.
 */
static const char *const titles[] = {
	"dr", "engr", "hadji", "haji", "hajj", "hajji", "maulana", "maulvi",
	"mawlavi", "mawlawi", "miss", "mr", "mrs", "ms", "mulla", "mullah",
	"prof", "shaikh", "shaykh", "sheik", "sheikh",
};

/*
 * Name particles: the Arabic article and "son of" / "father of" words,
 * written apart, hyphenated or glued to the next word; Maghrebi Arabic
 * says "father of" Bu (Bou Zaid, Bu Zayd for Abu Zayd).  They stay as
 * tokens of a small weight, so that joins find "Alharamain" in
 * "Al-Haramain" and "Bentaher" in "Ben Taher", and map to one spelling
 * each.
 */
static const struct particle {
	const char	*word, *canon;
} particles[] = {
	{ "abou", "abu" }, { "abu", "abu" }, { "al", "al" }, { "ben", "bin" },
	{ "bin", "bin" }, { "bint", "bint" }, { "bn", "bin" },
	{ "bou", "abu" }, { "bu", "abu" }, { "el", "al" }, { "ibn", "bin" },
	{ "ol", "al" }, { "ould", "bin" }, { "ul", "al" }, { "walad", "bin" },
	{ "wuld", "bin" },
};

/* Sorted: legal forms in their folded, single-letters-joined spelling. */
static const char *const legalforms[] = {
	"ab", "ad", "ag", "aktiengesellschaft", "ao", "as", "asa", "berhad",
	"bhd", "bv", "cc", "cia", "cie", "cjsc", "co", "company", "corp",
	"corporation", "cv", "dd", "doo", "ehf", "fgbu", "fgup", "fzc", "fzco",
	"fze", "fzllc", "gmbh", "gongsi", "gup", "inc", "incorporated", "jsc",
	"jsco", "kft", "kg", "kk", "kommanditgesellschaft", "lda", "limitada",
	"limited", "llc", "llp", "lp", "ltd", "ltda", "mbh", "nao", "npo",
	"nv", "oao", "ojsc", "ooo", "oy", "oyj", "pao", "pjs", "pjsc", "plc",
	"prat", "pt", "pte", "pty", "pvt", "sa", "sae", "sal", "sarl", "sas",
	"sdn", "sirketi", "sl", "sp", "spa", "srl", "sro", "sti", "tbk", "tov",
	"wll", "zao", "zoo", "zrt",
};

/*
 * Legal forms of several words, in folded spelling: written out in their
 * language, or romanised from Chinese, Japanese and Korean; the Russian
 * and Ukrainian ones as one transliteration spells them (Obshchestvo s
 * ogranichennoy otvetstvennostyu for OOO, Otkrytoe aktsionernoe
 * obshchestvo for OAO, Tovarystvo z obmezhenoyu vidpovidalnistyu for TOV,
 * the state unitary enterprise of FGUP, the research and production
 * association of NPO).  Dropped as a whole wherever they stand, read by
 * their letters' skeleton (drop_legal_phrases), so that the other
 * transliterations, the gender endings and, in a long one, a typing
 * error or a moved space are the same phrase.
 */
static const char *const legalphrases[] = {
	"aktsionerne tovarystvo", "aktsionernaya kompaniya",
	"aktsionernoe obshchestvo", "anonim sirketi", "chusik hoesa",
	"closed joint stock", "co ltd",
	"federalnoe gosudarstvennoe unitarnoe predpriyatie",
	"gesellschaft mit beschraenkter haftung",
	"gesellschaft mit beschrankter haftung", "gong si",
	"gosudarstvennoe unitarnoe predpriyatie", "gu fen you xian gong si",
	"gufen youxian gongsi", "joint stock company", "ju sig hoe sa",
	"ju sik hoe sa", "jusighoesa", "jusik hoesa", "jusikhoesa",
	"kabushiki gaisha", "kabushiki kaisha", "limited liability company",
	"limited sirketi", "nauchno proizvodstvennoe obedinenie",
	"nepublichnoe aktsionernoe obshchestvo",
	"obshchestvo s ogranichennoy otvetstvennostyu", "open joint stock",
	"otkrytoe aktsionernoe obshchestvo", "perseroan terbatas",
	"private joint stock", "private limited",
	"pryvatne aktsionerne tovarystvo", "public joint stock",
	"publichne aktsionerne tovarystvo",
	"publichnoe aktsionernoe obshchestvo", "sahami aam", "sahami am",
	"sahami khas", "sahami khass", "sanayi ve ticaret",
	"sendirian berhad", "sociedad anonima",
	"sociedad de responsabilidad limitada",
	"societa a responsabilita limitata", "societa per azioni",
	"societe a responsabilite limitee", "societe anonyme",
	"ticaret ve sanayi", "tovarystvo z obmezhenoyu vidpovidalnistyu",
	"unitarnoe predpriyatie", "you xian gong si",
	"you xian ze ren gong si", "youxian gongsi", "youxian zeren gongsi",
	"zakrytoe aktsionernoe obshchestvo", "zhu shi hui she",
};

/*
 * Sorted: generic words of company names and places, in English and in the
 * lists' own languages (Persian sanat, tejarat, bazargani; Arabic sharikat,
 * tijara; Russian zavod, kombinat; Korean muyok, sangsa; Chinese maoyi,
 * jituan; Turkish sanayi, insaat).  They keep a small weight, so that
 * sharing them with a listed name proves little, and a query word that is
 * one is never a typing error of a distinctive listed word.
 */
static const char *const generics[] = {
	"agency", "airlines", "aviation", "bank", "banking", "bazargani",
	"branch", "bureau", "center", "central", "centre", "chemical",
	"chemicals", "china", "chinese", "commerce", "commercial",
	"committee", "construction", "consulting", "cooperation",
	"cooperative", "corporate", "department", "development",
	"distribution", "dprk", "east", "economic", "electric", "electrical",
	"electro", "electronic", "electronics", "energy", "engineering",
	"enterprise", "enterprises", "equipment", "establishment", "export",
	"exports", "factory", "finance", "financial", "firm", "foreign",
	"foundation", "freight", "general", "global", "group", "gruppa",
	"headquarters", "hoesa", "holding", "holdings", "ihracat", "import",
	"imports", "industrial", "industries", "industry", "insaat",
	"institute", "insurance", "international", "investment",
	"investments", "iran", "iranian", "ithalat", "jituan", "joint",
	"keji", "khadamat", "kiop", "kombinat", "kompaniya", "kongsa",
	"korea", "korean", "logistics", "machinery", "madan", "management",
	"manufacturing", "maoyi", "marine", "maritime", "materials", "metal",
	"metals", "middle", "mining", "ministry", "mohandesi", "muassasa",
	"muassasat", "muyok", "national", "navigation", "north", "office",
	"oil", "organisation", "organization", "overseas", "pazarlama",
	"petroleum", "power", "products", "republic", "research",
	"resources", "russia", "russian", "sakhteman", "sanaat", "sanat",
	"sanati", "sanaye", "sanayi", "sangsa", "science", "scientific",
	"service", "services", "sharika", "sharikat", "sherkat", "shipping",
	"shiye", "solutions", "south", "state", "supplies", "supply",
	"syria", "syrian", "systems", "technical", "technologies",
	"technology", "tejarat", "tejarati", "ticaret", "tijara", "tijariya",
	"tijariyya", "tolid", "tolidi", "torgovy", "torgovyi", "trade",
	"traders", "trading", "transport", "united", "venture", "west",
	"world", "zavod",
};

/* Sorted: abbreviations written out before anything else looks at them. */
static const struct abbrev {
	const char	*abbr, *full;
} abbrevs[] = {
	{ "assn", "association" }, { "assoc", "associated" },
	{ "bros", "brothers" }, { "cntr", "center" },
	{ "corpn", "corporation" }, { "ctr", "center" },
	{ "dept", "department" }, { "engg", "engineering" },
	{ "grp", "group" }, { "hq", "headquarters" }, { "inds", "industries" },
	{ "intl", "international" }, { "mfg", "manufacturing" },
	{ "mgmt", "management" }, { "mhd", "muhammad" },
	{ "mohd", "muhammad" }, { "muhd", "muhammad" },
	{ "natl", "national" }, { "svcs", "services" },
	{ "tech", "technology" },
};

/*
 * Every word of the tables above, with the tables it is in: tokenizing a
 * name asks the tables about every word, every moved-boundary reading and
 * every piece of a split word (partyname_tokenize_known), and almost none
 * is a table word.  One probe of one hash answers for all the tables (the
 * binary searches behind a sieve before it were a third of the
 * tokenizer's time).  Built once, read by any thread.
 */
#define WT_STOP		0x01
#define WT_TITLE	0x02
#define WT_LEGAL	0x04
#define WT_GENERIC	0x08

struct tword {
	const char		*word;		/* NULL: an empty slot */
	unsigned		 tables;	/* WT_* */
	const struct particle	*particle;	/* or NULL */
	const struct abbrev	*abbrev;	/* or NULL */
};
static struct tword	*twords;
static size_t		 twords_mask;
static pthread_once_t	 twords_once = PTHREAD_ONCE_INIT;

static uint32_t
tword_hash(const char *w)
{
	uint32_t h = 2166136261u;

	for (; *w != '\0'; w++)
		h = (h ^ (unsigned char)*w) * 16777619u;
	return h;
}

/* The slot holding <w>, or the empty one where it would go. */
static struct tword *
tword_slot(const char *w)
{
	size_t at = tword_hash(w) & twords_mask;

	while (twords[at].word != NULL && strcmp(twords[at].word, w) != 0)
		at = (at + 1) & twords_mask;
	return &twords[at];
}

static struct tword *
tword_add(const char *w)
{
	struct tword *t = tword_slot(w);

	if (t->word == NULL)
		t->word = w;
	return t;
}

static void
tword_add_list(const char *const *tab, size_t n, unsigned table)
{
	size_t i;

	for (i = 0; i < n; i++)
		tword_add(tab[i])->tables |= table;
}

static void
twords_init(void)
{
	size_t i, n = NELEM(stopwords) + NELEM(titles) + NELEM(legalforms) +
	    NELEM(generics) + NELEM(particles) + NELEM(abbrevs), cap = 64;
	struct tword *t;

	while (cap < 4 * n)
		cap *= 2;
	twords = xcalloc(cap, sizeof(*twords));
	twords_mask = cap - 1;
	tword_add_list(stopwords, NELEM(stopwords), WT_STOP);
	tword_add_list(titles, NELEM(titles), WT_TITLE);
	tword_add_list(legalforms, NELEM(legalforms), WT_LEGAL);
	tword_add_list(generics, NELEM(generics), WT_GENERIC);
	for (i = 0; i < NELEM(particles); i++)
		if ((t = tword_add(particles[i].word))->particle == NULL)
			t->particle = &particles[i];
	for (i = 0; i < NELEM(abbrevs); i++)
		if ((t = tword_add(abbrevs[i].abbr))->abbrev == NULL)
			t->abbrev = &abbrevs[i];
}

/* <w>'s entry, or NULL if it is in no table. */
static const struct tword *
tword_find(const char *w)
{
	const struct tword *t;

	(void)pthread_once(&twords_once, twords_init);
	t = tword_slot(w);
	return t->word != NULL ? t : NULL;
}

static const char *
abbrev_expand(const char *w)
{
	const struct tword *t = tword_find(w);

	return t != NULL && t->abbrev != NULL ? t->abbrev->full : w;
}

/* True if <w> is a word of one of <tables> (WT_*). */
static bool
in_table(unsigned tables, const char *w)
{
	const struct tword *t = tword_find(w);

	return t != NULL && (t->tables & tables) != 0;
}

/* ------------------------------------------------------------------ */
/* Other scripts                                                       */

/*
 * Names in their own script (Hangul, Chinese characters, Arabic, Persian,
 * Cyrillic, Greek, ...) go to Latin letters through ICU's "Any-Latin;
 * Latin-ASCII" transform (Cyrillic first through "Russian-Latin/BGN"), for
 * the listed original-script names and the
 * queries alike.  Hangul syllables and Chinese characters are spaced first,
 * one token each, as the lists write Korean and Chinese names ("KIM JONG
 * UN", "LI FANG WEI"); joins of adjacent tokens find the names written
 * solid.  A transliterator serves one thread at a time: each thread opens
 * its own on first use, closed when the thread ends.
 */
static pthread_key_t	translit_key;
static pthread_once_t	translit_once = PTHREAD_ONCE_INIT;

static void
translit_close(void *t)
{
	utrans_close(t);
}

static void
translit_init(void)
{
	(void)pthread_key_create(&translit_key, translit_close);
}

static UTransliterator *
translit_get(void)
{
	UTransliterator *t;
	UErrorCode e = U_ZERO_ERROR;
	UChar id[64];

	(void)pthread_once(&translit_once, translit_init);
	if ((t = pthread_getspecific(translit_key)) != NULL)
		return t;
	/* BGN for Cyrillic: the spelling English-language lists use. */
	u_uastrcpy(id, "Russian-Latin/BGN; Any-Latin; Latin-ASCII");
	t = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &e);
	if (U_FAILURE(e))
		return NULL;
	(void)pthread_setspecific(translit_key, t);
	return t;
}

/* True for a code point that is written one syllable or word a sign. */
static bool
syllabic(UChar32 c)
{
	return (c >= 0xac00 && c <= 0xd7a3) ||	/* Hangul syllables */
	    (c >= 0x4e00 && c <= 0x9fff) ||	/* CJK ideographs */
	    (c >= 0x3400 && c <= 0x4dbf) ||
	    (c >= 0x3040 && c <= 0x30ff);	/* kana */
}

/*
 * <name> in Latin letters if it holds letters of another script (caller
 * frees), else NULL (nothing to do, or ICU failed: the folding of
 * normalize.c still applies).
 */
static char *
party_translit(const char *name)
{
	const unsigned char *u;
	UTransliterator *t;
	UErrorCode e = U_ZERO_ERROR;
	UChar *src, *buf;
	int32_t len = 0, cap, i, n, lim, olen;
	char *out;
	bool other = false;

	for (u = (const unsigned char *)name; *u != '\0'; u++)
		/* Lead bytes of U+0370 and above. */
		if (*u >= 0xcd && *u != 0xe2 && *u != 0xef) {
			other = true;
			break;
		}
	if (!other || (t = translit_get()) == NULL)
		return NULL;
	u_strFromUTF8(NULL, 0, &len, name, -1, &e);
	if (e != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(e))
		return NULL;
	e = U_ZERO_ERROR;
	src = xreallocarray(NULL, (size_t)len + 1, sizeof(UChar));
	u_strFromUTF8(src, len + 1, NULL, name, -1, &e);
	cap = len * 8 + 64;
	buf = xreallocarray(NULL, (size_t)cap, sizeof(UChar));
	for (i = 0, n = 0; i < len; ) {
		UChar32 c;
		int32_t start = i;

		U16_NEXT(src, i, len, c);
		if (syllabic(c) && n > 0 && buf[n - 1] != ' ')
			buf[n++] = ' ';
		while (start < i)
			buf[n++] = src[start++];
		if (syllabic(c))
			buf[n++] = ' ';
	}
	free(src);
	lim = n;
	utrans_transUChars(t, buf, &n, cap, 0, &lim, &e);
	if (U_FAILURE(e)) {
		free(buf);
		return NULL;
	}
	olen = 0;
	u_strToUTF8(NULL, 0, &olen, buf, n, &e);
	e = U_ZERO_ERROR;
	out = xmalloc((size_t)olen + 1);
	u_strToUTF8(out, olen + 1, NULL, buf, n, &e);
	free(buf);
	if (U_FAILURE(e)) {
		free(out);
		return NULL;
	}
	return out;
}

/* ------------------------------------------------------------------ */
/* Normalisation                                                       */

/* The bytes of <s> (<n> of them) as a set: bit (byte % 64). */
static uint64_t
letter_set(const char *s, size_t n)
{
	uint64_t set = 0;
	size_t i;

	for (i = 0; i < n; i++)
		set |= 1ULL << ((unsigned char)s[i] & 63);
	return set;
}

/*
 * Optimal string alignment distance of <a> and <b> (insertions,
 * deletions, substitutions, swaps of neighbours), or <max> + 1 as soon as
 * it is known to exceed <max>.
 */
size_t
partyname_edit_distance(const char *a, size_t la, const char *b, size_t lb,
    size_t max)
{
	size_t d[3][MAXTOKLEN + 1], i, j, rowmin;
	size_t *pp, *p, *c;

	if (la >= MAXTOKLEN || lb >= MAXTOKLEN)
		return max + 1;
	if ((la > lb ? la - lb : lb - la) > max)
		return max + 1;
	/*
	 * An edit adds or takes away at most two letters of the set of
	 * letters a word has (a swap none): words whose sets differ by more
	 * than twice <max> are further apart, and most pairs compared are.
	 */
	if ((size_t)__builtin_popcountll(letter_set(a, la) ^
	    letter_set(b, lb)) > 2 * max)
		return max + 1;
	for (j = 0; j <= lb; j++)
		d[1][j] = j;
	pp = d[0];
	p = d[1];
	c = d[2];
	for (i = 1; i <= la; i++) {
		c[0] = i;
		rowmin = c[0];
		for (j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t v = p[j - 1] + cost;

			if (p[j] + 1 < v)
				v = p[j] + 1;
			if (c[j - 1] + 1 < v)
				v = c[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			c[j] = v;
			if (v < rowmin)
				rowmin = v;
		}
		if (rowmin > max)
			return max + 1;
		{
			size_t *tmp = pp;

			pp = p;
			p = c;
			c = tmp;
		}
	}
	return p[lb];
}

static bool
ends_with(const char *s, size_t n, const char *suf)
{
	size_t k = strlen(suf);

	return n >= k && memcmp(s + n - k, suf, k) == 0;
}

/*
 * The letters the rules of canon_cluster and canon_contextual start with,
 * as letter_bit() sets: at any other letter neither has a rule, and
 * spelling a name passes it at one test.  Each rule below tests its first
 * letter c against one of these.
 */
#define CLUSTER_FIRST	(letter_bit('c') | letter_bit('d') | \
	letter_bit('e') | letter_bit('g') | letter_bit('i') | letter_bit('k') | \
	letter_bit('o') | letter_bit('p') | letter_bit('t'))
#define CONTEXT_FIRST	(letter_bit('e') | letter_bit('h') | \
	letter_bit('o') | letter_bit('t') | letter_bit('w') | letter_bit('y') | \
	letter_bit('z'))

static inline bool
letter_in(char c, uint32_t set)
{
	return (letter_bit(c) & set) != 0;
}

/* True if in[<i>] is a consonant letter other than h, w and y. */
static bool
consonant_at(const char *in, size_t i)
{
	char c = in[i];

	return c >= 'a' && c <= 'z' && !is_vowel(c) && c != 'h' && c != 'w' &&
	    c != 'y';
}

/* True if no vowel comes before in[<i>]: its word's first syllable. */
static bool
first_syllable(const char *in, size_t i)
{
	size_t k;

	for (k = 0; k < i; k++)
		if (is_vowel(in[k]) || in[k] == 'y')
			return false;
	return true;
}

/*
 * Rewrites the letter cluster at in[<i>] that every
 * romanisation spells its own way (-isation, gkh, dzh, tch, kh/gh, dh, ph,
 * ks, cz, ck/dj, eo/ou/oo, ee/iy), appending to <t> at *<n>.  Returns how many
 * letters of <in> it took, 0 if no cluster starts there.
 */
static size_t
canon_cluster(const char *in, size_t i, char *t, size_t *n)
{
	char c = in[i], d = in[i + 1];

	if (!letter_in(c, CLUSTER_FIRST))
		return 0;

	if (c == 'i' && strncmp(in + i, "isation", 7) == 0) {
		memcpy(t + *n, "iza", 3);
		*n += 3;
		return 3;
	}
	/* Cyrillic spelling of Arabic gh (гх). */
	if (c == 'g' && d == 'k' && in[i + 2] == 'h') {
		t[(*n)++] = 'k';
		return 3;
	}
	if (c == 'd' && d == 'z' && in[i + 2] == 'h') {
		t[(*n)++] = 'j';
		return 3;
	}
	if (c == 't' && d == 'c' && in[i + 2] == 'h') {
		t[(*n)++] = 'c';
		t[(*n)++] = 'h';
		return 3;
	}
	if ((c == 'k' && d == 'h') || (c == 'g' && d == 'h')) {
		t[(*n)++] = c == 'k' ? 'h' : 'k';
		return 2;
	}
	/*
	 * Arabic dhal: dh, z or d (Qadhafi / Qaddafi, Ramadhan / Ramadan; z is
	 * a consonant pair of d in partysearch.c).
	 */
	if (c == 'd' && d == 'h') {
		t[(*n)++] = 'd';
		return 2;
	}
	if ((c == 'p' && d == 'h')) {
		t[(*n)++] = 'f';
		return 2;
	}
	/*
	 * Slavic spellings: ks is x (Aleksandr / Alexander, Maksim / Maxim;
	 * pinyin has no ks), and so is hard cs, so that a spelling spelled
	 * again stays ("Syro nics" joined); Polish and Czech cz is ch
	 * (Rabinowicz / Rabinovich).
	 */
	if ((c == 'k' || c == 'c') && d == 's' && i > 0) {
		t[(*n)++] = 'x';
		return 2;
	}
	if (c == 'c' && d == 'z') {
		t[(*n)++] = 'c';
		t[(*n)++] = 'h';
		return 2;
	}
	if ((c == 'c' && d == 'k') || (c == 'd' && d == 'j')) {
		t[(*n)++] = c == 'c' ? 'k' : 'j';
		return 2;
	}
	/*
	 * The Dutch-based spelling of Indonesian and Malay names before 1972:
	 * tj is c (Tjahjo / Cahyo; hard before a, o, u as c is), ch after a
	 * vowel and before a consonant is kh (Achmad, Mochtar / Mokhtar), oe
	 * in a word's first syllable is u (Soeharto, Boediono; not the o-e of
	 * Russian -oev).
	 */
	if (c == 't' && d == 'j') {
		t[(*n)++] = strchr("eiy", in[i + 2]) != NULL &&
		    in[i + 2] != '\0' ? 'c' : 'k';
		return 2;
	}
	if (c == 'c' && d == 'h' && i > 0 && is_vowel(in[i - 1]) &&
	    consonant_at(in, i + 2)) {
		t[(*n)++] = 'h';
		return 2;
	}
	if (c == 'o' && d == 'e' && (consonant_at(in, i + 2) ||
	    in[i + 2] == 'h') && first_syllable(in, i)) {
		t[(*n)++] = 'u';
		return 2;
	}
	/* Not a French "ou" before a vowel (canon_contextual). */
	if ((c == 'e' && d == 'o') || (c == 'o' && d == 'u' &&
	    !(i == 0 && is_vowel(in[i + 2]))) || (c == 'o' && d == 'o')) {
		t[(*n)++] = c == 'e' ? 'o' : 'u';
		return 2;
	}
	if ((c == 'e' && d == 'e') || (c == 'i' && d == 'y')) {
		t[(*n)++] = 'i';
		return 2;
	}
	return 0;
}

/*
 * Rewrites the letters at in[<i>] (of <len>, <n> written so far) whose
 * spelling depends on their place in the word or on the language's
 * conventions (th, eu, final y, silent h, Wade-Giles hs, pinyin zh),
 * appending to <t> at *<n>.  Returns how many letters of <in> it took
 * (a silent h is taken and writes nothing), 0 if no rule applies.
 */
static size_t
canon_contextual(const char *in, size_t i, size_t len, char *t, size_t *n)
{
	char c = in[i], d = in[i + 1];

	if (!letter_in(c, CONTEXT_FIRST))
		return 0;

	/*
	 * French "ou" before a vowel starting a word is w (Ouahid / Wahid,
	 * Ouali / Wali); inside a word it is as often Arabic u (Fouad / Fuad,
	 * Mouayad), so there canon_cluster() spells it u.  Arabic th is s in
	 * Persian and Turkish spellings (Othman / Osman); Korean eu is u (Eun
	 * / Un).
	 */
	if (i == 0 && c == 'o' && d == 'u' && is_vowel(in[i + 2])) {
		t[(*n)++] = 'v';
		return 2;
	}
	if (c == 't' && d == 'h') {
		t[(*n)++] = 's';
		return 2;
	}
	if (c == 'e' && d == 'u') {
		t[(*n)++] = 'u';
		return 2;
	}
	/* Final y after a consonant is i (Aly / Ali, Zaidy / Zaidi). */
	if (c == 'y' && d == '\0' && i >= 2 && !is_vowel(in[i - 1])) {
		t[(*n)++] = 'i';
		return 1;
	}
	/*
	 * y between consonants, or starting a word before one, is the vowel
	 * i (Amyn / Amin, Tymoshenko / Timoshenko, Yvan / Ivan); before a
	 * vowel it stays a consonant (Kyong, Yusuf).
	 */
	if (c == 'y' && d != '\0' && !is_vowel(d) && d != 'y' &&
	    d >= 'a' && d <= 'z' && (i == 0 || (!is_vowel(in[i - 1]) &&
	    in[i - 1] >= 'a' && in[i - 1] <= 'z'))) {
		t[(*n)++] = 'i';
		return 1;
	}
	/*
	 * The Arabic diphthongs ay and aw before a consonant, written ai and
	 * au as often (Zayd / Zaid, Haydar / Haidar, Shawkat / Shaukat,
	 * Awni / Auni / Aouni), and ay-e or ay-i before a consonant, the ya
	 * written as a syllable (Ayesha / Aisha, Fayez / Fayiz / Faiz).  A
	 * word's first "ay" is partyname_key()'s (Ayman / Iman).
	 */
	if ((c == 'y' || c == 'w') && i >= 1 && in[i - 1] == 'a' &&
	    (c == 'w' || i >= 2) && d >= 'a' && d <= 'z' && !is_vowel(d) &&
	    d != 'y' && d != 'w' && d != 'h') {
		t[(*n)++] = c == 'y' ? 'i' : 'u';
		return 1;
	}
	if (c == 'y' && i >= 1 && in[i - 1] == 'a' &&
	    (d == 'e' || d == 'i') && in[i + 2] >= 'a' && in[i + 2] <= 'z' &&
	    !is_vowel(in[i + 2]) && in[i + 2] != 'y' && in[i + 2] != 'w') {
		t[(*n)++] = 'i';
		return 2;
	}
	/* Silent h after a vowel in a short word (Hahn / Han). */
	if (c == 'h' && i > 0 && len <= 5 && is_vowel(in[i - 1]) &&
	    (d == '\0' || !is_vowel(d)) && *n > 0)
		return 1;
	/* Wade-Giles hs is pinyin x (Hsu / Xu). */
	if (i == 0 && c == 'h' && d == 's' && len <= 6) {
		t[(*n)++] = 'x';
		return 2;
	}
	/*
	 * Pinyin zh is Wade-Giles ch (Zhang / Chang); in a longer word or
	 * inside one, zh is j as the Russian and French-based spellings of
	 * Arabic and Persian names write it (Mazheed / Majeed, Valizhan /
	 * Walijan, Zhozef / Joseph).
	 */
	if (c == 'z' && d == 'h') {
		t[(*n)++] = 'j';
		return 2;
	}
	return 0;
}

/*
 * Spells folded token <in> letter by letter into <t> (<cap> bytes): the
 * clusters first, then the contextual rules, then single letters (hard c
 * and q are k, w is v).  Returns the length written.
 */
size_t
partyname_spell(const char *in, char *t, size_t cap)
{
	size_t i, k, n = 0, len = strlen(in);

	/* A rule writes up to SPELL_MAX_WRITE letters, and the NUL follows. */
	for (i = 0; i < len && n + SPELL_MAX_WRITE < cap; i += k) {
		char c = in[i], d = in[i + 1];

		if ((k = canon_cluster(in, i, t, &n)) > 0 ||
		    (k = canon_contextual(in, i, len, t, &n)) > 0)
			continue;
		k = 1;
		/* Hard c is k (Cyrillic and Korean spellings have no c). */
		if (c == 'q' || (c == 'c' && d != 'h' && d != 'e' &&
		    d != 'i' && d != 'y'))
			c = 'k';
		else if (c == 'w')
			c = 'v';
		t[n++] = c;
	}
	t[n] = '\0';
	return n;
}

/*
 * Doubled letters: Hemmat / Hemat, Mohammad / Mohamad (not in short tokens,
 * which are mostly acronyms: SPP is not SP).  Returns the new length of
 * <t>.
 */
static size_t
canon_undouble(char *t, size_t n)
{
	size_t i, j = 0;

	if (n <= 4)
		return n;
	for (i = 0; i < n; i++)
		if (j == 0 || t[i] != t[j - 1] || (t[i] >= '0' && t[i] <= '9'))
			t[j++] = t[i];
	t[j] = '\0';
	return j;
}

/*
 * True if <s> is what may close a romanised Korean syllable after its
 * vowels: nothing, n, ng, l, k, m, p, and t if <t> (McCune-Reischauer's
 * final t; the aspirates' th and ph stand only before a vowel).
 */
static bool
korean_final(const char *s, bool t)
{
	static const char *const finals[] = { "", "n", "ng", "l", "k", "m",
	    "p" };
	size_t i;

	for (i = 0; i < NELEM(finals); i++)
		if (strcmp(s, finals[i]) == 0)
			return true;
	return t && strcmp(s, "t") == 0;
}

/*
 * Endings of <t> (length <n>): -yan / -ian, Korean -un / -on, -ung / -ong
 * (the Korean syllables song / sung, yong / young, jong / jung).
 */
static void
canon_endings(char *t, size_t n)
{
	if (n > 4 && ends_with(t, n, "yan") && !is_vowel(t[n - 4]))
		t[n - 3] = 'i';
	if (n >= 4 && ends_with(t, n, "ung"))
		t[n - 3] = 'o';
	else if (n > 3 && ends_with(t, n, "un"))
		t[n - 2] = 'o';
}

/*
 * Korean syllables romanised two ways: Revised Romanization voices the
 * initial consonant where McCune-Reischauer does not (Dong / Tong, Gang /
 * Kang, Bong / Pong, Jong / Chong).  Only for short tokens of one
 * syllable's shape: consonant, vowels, optional n / ng / l / k / m / p /
 * t.  <t> has <cap> bytes; returns its new length.
 */
static size_t
canon_korean_voicing(char *t, size_t n, size_t cap)
{
	size_t v;

	/* w is v by now (Gwang / Kwang). */
	if (!(n >= 2 && n <= 6 && strchr("bdgj", t[0]) != NULL &&
	    (is_vowel(t[1]) || ((t[1] == 'y' || t[1] == 'v') && n >= 3 &&
	    is_vowel(t[2])))))
		return n;
	v = t[1] == 'y' || t[1] == 'v' ? 2 : 1;
	while (v < n && is_vowel(t[v]))
		v++;
	if (!korean_final(t + v, true))
		return n;
	if (t[0] == 'j') {
		if (n + 1 < cap) {
			memmove(t + 2, t + 1, n);
			t[0] = 'c';
			t[1] = 'h';
			n++;
		}
	} else
		t[0] = t[0] == 'b' ? 'p' : t[0] == 'd' ? 't' : 'k';
	return n;
}

/*
 * The Korean family names written most ways: Ri, Choe, Pak (Park), Ro
 * (Roh, No, Noh), Rim (Lim, Im), Yu (Ryu, Yoo), the initial r and n the
 * North writes and the South leaves out.  Returns the new length of <t>.
 */
static size_t
canon_family_name(char *t, size_t n)
{
	static const struct {
		const char	*form, *name;
	} family[] = {
		{ "im", "rim" }, { "lim", "rim" }, { "no", "ro" },
		{ "park", "pak" }, { "ryu", "yu" },
	};
	size_t i;

	/* Every form has four letters or fewer; most words have more. */
	for (i = 0; n <= 4 && i < NELEM(family); i++)
		if (strcmp(t, family[i].form) == 0)
			return util_copy(t, MAXTOKLEN, family[i].name);
	/*
	 * McCune-Reischauer si is Revised shi in a syllable with a final
	 * (Sin / Shin, Sik / Shik); pinyin Shi stays.
	 */
	if (n == 4 && strncmp(t, "shi", 3) == 0 &&
	    strchr("klmn", t[3]) != NULL) {
		memmove(t + 1, t + 2, n - 1);
		return n - 1;
	}
	if (strcmp(t, "li") == 0 || strcmp(t, "yi") == 0 ||
	    strcmp(t, "rhi") == 0 || strcmp(t, "ni") == 0) {
		memcpy(t, "ri", 3);
		return 2;
	}
	if (strcmp(t, "choi") == 0 || strcmp(t, "chwe") == 0) {
		memcpy(t, "choe", 5);
		return 4;
	}
	return n;
}

/*
 * Belarusian family names end in -au and -eu where Russian ones end in -ov
 * and -ev (Halavanau / Golovanov, Ipatau / Ipatov, Karaeu / Karaev): true
 * if folded <in> (five letters or more) so ends, with the Russian ending
 * written into <be> (MAXTOKLEN).  -au after a consonant, -eu after a
 * letter other than e or i: not French -eau and -ieu (Moreau, Mathieu).
 * The -ou of a stressed Belarusian ending (Ivanou) is belarusian_ou()'s:
 * pinyin (Zhou), Greek and West African names (Petrou, Mamadou) write it
 * too.
 */
static bool
belarusian_ending(const char *in, char *be)
{
	size_t n = strlen(in);

	if (n < BELARUSIAN_ENDING_MIN || n >= MAXTOKLEN ||
	    in[n - 1] != 'u' || (in[n - 2] != 'a' && in[n - 2] != 'e') ||
	    in[n - 3] == 'e' || in[n - 3] == 'i' || in[n - 3] < 'a' ||
	    in[n - 3] > 'z' || (in[n - 2] == 'a' && is_vowel(in[n - 3])))
		return false;
	memcpy(be, in, n + 1);
	be[n - 2] = in[n - 2] == 'a' ? 'o' : 'e';
	be[n - 1] = 'v';
	return true;
}

/*
 * McCune-Reischauer writes the aspirated t and p of a Korean syllable as
 * th and ph where Revised Romanization writes t and p (Thae / Tae, Phyong
 * / Pyeong); true if folded <in> is such a syllable (th or ph, a vowel
 * only Korean writes so: ae, oe or one after y; an optional final n, ng,
 * l, k, m or p), with the h left out into <out> (MAXTOKLEN).  Arabic th
 * (Othman), Greek ph (Philip), Burmese and Vietnamese Than, Thu, Phan do
 * not stand so.
 */
static bool
korean_aspirate(const char *in, char *out)
{
	size_t n = strlen(in), v = 2;

	if (n < 3 || n > KOREAN_SYLLABLE_MAX || in[1] != 'h' ||
	    (in[0] != 't' && in[0] != 'p'))
		return false;
	if (in[v] == 'y' && is_vowel(in[v + 1]))
		v += 2;
	else if ((in[v] == 'a' || in[v] == 'o') && in[v + 1] == 'e')
		v += 2;
	else
		return false;
	while (v < n && is_vowel(in[v]))
		v++;
	if (!korean_final(in + v, false))
		return false;
	out[0] = in[0];
	memcpy(out + 1, in + 2, n - 1);
	return true;
}

/*
 * Reduces folded token <in> to its canonical spelling in <out> (MAXTOKLEN).
 * Only lowercase letters are rewritten; digits pass through.  The steps run
 * in this order: letters, doubled letters, endings, Korean voicing, family
 * names, Korean final k, initial l / n / r.
 */
static void
canon_token(const char *in, char *out, bool belarusian)
{
	char t[MAXTOKLEN * 2], be[MAXTOKLEN];
	size_t i, n;

	if (belarusian && belarusian_ending(in, be))
		in = be;
	else if (korean_aspirate(in, be))
		in = be;
	n = partyname_spell(in, t, sizeof(t));
	n = canon_undouble(t, n);
	canon_endings(t, n);
	n = canon_korean_voicing(t, n, sizeof(t));
	n = canon_family_name(t, n);

	/*
	 * Slavic names end in a consonant and r where English writes -er
	 * (Aleksandr / Alexander, Petr / Peter).
	 */
	if (n >= 4 && n + 1 < sizeof(t) && t[n - 1] == 'r' &&
	    (t[n - 2] == 'd' || t[n - 2] == 't')) {
		t[n - 1] = 'e';
		t[n++] = 'r';
		t[n] = '\0';
	}

	/* Korean final k written g (Paeg / Paek). */
	if (n >= 3 && n <= 5 && t[n - 1] == 'g' && is_vowel(t[n - 2]))
		t[n - 1] = 'k';

	/* Initial l / n / r (Lyonbong, Ryonbong, Nyonbong, Yonbong). */
	i = 0;
	if (n > 3 && (t[0] == 'l' || t[0] == 'n'))
		t[0] = 'r';
	if (n > 3 && t[0] == 'r' && t[1] == 'y')
		i = 1;
	if (n - i >= MAXTOKLEN)
		n = i + MAXTOKLEN - 1;
	memcpy(out, t + i, n - i);
	out[n - i] = '\0';
}

/* Consonant skeleton of canonical <key>: vowels, y, v and h dropped. */
static void
skel_token(const char *key, char *out)
{
	size_t n = 0;

	for (; *key != '\0'; key++) {
		if (is_vowel(*key) || *key == 'y' || *key == 'v' ||
		    *key == 'h')
			continue;
		if (n > 0 && out[n - 1] == *key)
			continue;
		out[n++] = *key;
	}
	out[n] = '\0';
}

/* True for a token of few vowels, as Arabic script transliterates. */
static bool
poor_token(const char *key)
{
	size_t v = 0, n = 0;

	for (; *key != '\0'; key++, n++)
		if (is_vowel(*key))
			v++;
	/* Short tokens need no vowel at all: "sang" is a syllable, not "sng". */
	return n >= 3 && (v == 0 || (n >= 6 && v * 4 <= n));
}

/* partyname_key, with the Belarusian endings read (<belarusian>) or not. */
static size_t
key_read(const char *folded, char *key, bool belarusian)
{
	size_t len;

	canon_token(folded, key, belarusian);
	len = strlen(key);
	/*
	 * Arabic script writes the article attached: "altkryty" is
	 * al-Tikriti.
	 */
	if (len >= 5 && strncmp(key, "al", 2) == 0 && poor_token(key)) {
		memmove(key, key + 2, len - 1);
		len -= 2;
	}
	/* Initial "ay" before a consonant is "i" (Arabic alef-ya: Iran). */
	if (len > 3 && key[0] == 'a' && key[1] == 'y' && !is_vowel(key[2])) {
		memmove(key, key + 1, len);
		key[0] = 'i';
		len--;
	}
	return len;
}

size_t
partyname_key(const char *folded, char *key)
{
	return key_read(folded, key, true);
}

/* ------------------------------------------------------------------ */
/* East Slavic given names                                             */

/*
 * One given name in its Russian, Ukrainian and Belarusian forms, each as
 * the lists and passports romanise it: Russian g is Ukrainian and
 * Belarusian h (Sergei / Serhiy / Siarhei, Igor / Ihor / Ihar), Russian
 * initial a- is Ukrainian o- (Aleksandr / Oleksandr), Belarusian writes
 * its a for an unstressed o, u for v after a vowel and dz, ts for soft d,
 * t (Aliaksandr, Yauhen, Dzmitry, Tsimafei), Ukrainian y and i where
 * Russian writes i and e (Dmytro, Mykola, Fedir).  The forms are too far
 * apart for the spelling rules and the scoring to relate, and the same
 * person is listed under one form and declared under another.  Each line
 * is one name, its first form the one all the others are keyed as: a
 * query's words (partyname_given_unify), and a second reading of each
 * listed name that has another form (partyindex.c), beside the name as
 * spelled, whose typing errors stay those of its own spelling.
 * Ambiguous forms (Petro as a company word, Anna / Hanna, Maria / Julia
 * in other languages) are left out.
 */
static const char *const slavic_given[] = {
	"aleksandr alexander aleksander alexandr oleksandr olexandr "
	    "oleksander aliaksandr alyaksandr aliaxandr",
	"aleksei aleksey alexei alexey oleksiy oleksii olexiy oleksij "
	    "aliaksei alyaksei",
	"sergei sergey serguei sergej serhiy serhii sergiy sergii serhij "
	    "siarhei syarhei siarhey syarhey serghei",
	"yevgeny yevgeniy yevgenii evgeny evgeniy evgenii evgeni yevgeni "
	    "yevhen yevhenii ievgen ievgenii ievhen evhen yauhen yauheni",
	"andrei andrey andrej andriy andrii andrij",
	"dmitry dmitri dmitriy dmitrii dmytro dzmitry dzmitri",
	"mikhail mykhailo mikhailo mykhaylo",
	"nikolai nikolay nikolaj mykola mikola mikalai mikalay",
	"vladimir volodymyr volodimir uladzimir",
	"yuri yuriy yurii yury iurii iuri jurij yurij",
	"viktor viktar",
	"pavel pavlo paval",
	"grigory grigoriy grigorii hryhoriy hryhorii hryhory ryhor",
	"petr pyotr piotr piatro",
	"igor ihor ihar",
	"oleg oleh aleh",
	"vasily vasiliy vasilii vasyl vasil vasili vasilij",
	"anatoly anatoliy anatolii anatol anatoli",
	"vitaly vitaliy vitalii vitali",
	"valery valeriy valerii valeri",
	"gennady gennadiy gennadii gennadi hennadiy hennadii henadz",
	"georgy georgiy georgii heorhiy heorhii heorhi",
	"yakov yakiv yakau iakov",
	"stepan stsiapan stiapan",
	"fedor fyodor fedir fiodar",
	"konstantin kostiantyn kostyantyn konstiantyn kanstantsin",
	"leonid leanid",
	"maksim maxim maksym",
	"denis denys dzianis",
	"kirill kyrylo kiryl",
	"timofei timofey tymofiy tymofii tsimafei",
	"semyon semen semion siamion",
	"arkady arkadiy arkadii arkadz",
	"boris borys barys",
	"vyacheslav viacheslav vyachaslau viachaslau",
	"stanislav stanislau",
	"yaroslav yaraslau",
	"vadim vadym vadzim",
	"olga olha volha",
	"yelena elena olena alena alyona",
	"tatiana tatyana tetiana tetyana tatsiana",
	"yekaterina ekaterina kateryna katsiaryna",
	"natalia natalya nataliya natallia",
	"svetlana svitlana sviatlana",
	"lyudmila liudmila liudmyla ludmila",
	"galina halyna halina",
	"irina iryna",
	"nadezhda nadiya nadzeya",
	"valentina valentyna valiantsina",
	"lidiya lidia lidziya",
	"oksana aksana",
};

/*
 * Words that sound like a form of slavic_given but are words or names of
 * their own, sorted: Petro (Piatro) begins many a firm's name.
 */
static const char *const given_not[] = {
	"petro",
};

/* A form as folded and the canonical key of its line's first form. */
struct given_key {
	char	form[MAXTOKLEN], head[MAXTOKLEN];
};

static struct given_key	*given_keys;
static size_t		 ngiven_keys;
/* Every form's sound (given_sound) with its line's head, sorted by sound;
 * a sound two lines share has an empty head. */
static struct given_key	*given_sounds;
static size_t		 ngiven_sounds;
/* First two letters of some form: the other words skip the search. */
static bool		 given_pairs[26][26];
static pthread_once_t	 given_once = PTHREAD_ONCE_INIT;

static int
cmp_given(const void *a, const void *b)
{
	return strcmp(((const struct given_key *)a)->form,
	    ((const struct given_key *)b)->form);
}

/* True if <k>'s first two letters are a-z; their pair in *<x>, *<y>. */
static bool
given_pair(const char *k, size_t *x, size_t *y)
{
	if (k[0] < 'a' || k[0] > 'z' || k[1] < 'a' || k[1] > 'z')
		return false;
	*x = (size_t)(k[0] - 'a');
	*y = (size_t)(k[1] - 'a');
	return true;
}

static void
given_pair_add(const char *k)
{
	size_t x, y;

	if (given_pair(k, &x, &y))
		given_pairs[x][y] = true;
}

/* True for a letter given_sound() reads as a vowel (j and y as glides). */
static bool
sound_vowel(char c)
{
	return is_vowel(c) || c == 'y' || c == 'j';
}

/* True if p[1] is a u that Belarusian writes for v: after a, e or o and
 * before a consonant or the end (Yauhen, Stanislau, Karaeu). */
static bool
sound_u(const char *p)
{
	return p[1] == 'u' && (p[0] == 'a' || p[0] == 'e' || p[0] == 'o') &&
	    !sound_vowel(p[2]);
}

/*
 * The class of the vowels <v> (<n> letters) that open a given name's first
 * syllable, as the three languages write one vowel: a and o as one
 * (Belarusian akanye: Aleh / Oleg, Paval / Pavel), e with the soft vowels
 * ia, ie, io, ya, ye, yo (Piatr / Pyotr / Petr, Siarhei / Sergei, Fiadar /
 * Fedor), i with y (Mikhail / Mykhailo), u with iu and yu.
 */
static char
sound_class(const char *v, size_t n)
{
	if (n >= 2 && (v[0] == 'i' || v[0] == 'y' || v[0] == 'j') &&
	    v[1] != 'i' && v[1] != 'y')
		return v[1] == 'u' ? 'U' : 'E';
	if (v[0] == 'a' || v[0] == 'o')
		return 'A';
	if (v[0] == 'e')
		return 'E';
	return v[0] == 'u' ? 'U' : 'I';
}

/*
 * Writes into <out> (MAXTOKLEN) the sound of folded given name <w>: its
 * consonants as Russian, Ukrainian and Belarusian romanisations share them
 * (Ukrainian and Belarusian h is Russian g, Belarusian dz and ts are soft
 * d and t, u after a vowel is v: Yauhen, Stanislau; kh, zh, sh, ch and x
 * one letter each, doubled letters once), the first syllable's vowels as
 * their class (sound_class), every later run of vowels as one mark.  So
 * Serhey, Siarhiei and Sergei sound alike, as do Piatr and Petr, but not
 * Petro, Karel and Kirill, Egor and Igor.  Returns the count of
 * consonants written.
 */
static size_t
given_sound(const char *w, char *out)
{
	size_t i = 0, n = 0, cons = 0, len = strlen(w);
	bool first = true;

	while (i < len && n + 2 < MAXTOKLEN) {
		char c = w[i], d = w[i + 1], x;

		if (sound_vowel(c) && !(i > 0 && sound_u(w + i - 1))) {
			size_t k = i;

			while (k < len && sound_vowel(w[k]) &&
			    !(k > i && sound_u(w + k - 1)))
				k++;
			out[n++] = first ? sound_class(w + i, k - i) : '*';
			first = false;
			i = k;
			continue;
		}
		i++;
		if (c == 'd' && d == 'z' && w[i + 1] == 'h') {
			x = 'j';
			i += 2;
		} else if ((c == 'k' || c == 'z' || c == 's' || c == 'c') &&
		    d == 'h') {
			x = c == 'k' ? 'x' : c == 'z' ? 'Z' : c == 's' ? 'S' :
			    'C';
			i++;
		} else if ((c == 'd' && d == 'z') || (c == 't' && d == 's') ||
		    (c == 'g' && d == 'h') || (c == 'k' && d == 's')) {
			x = c == 'k' ? 'x' : c;
			i++;
		} else
			x = c == 'h' ? 'g' : c == 'w' || c == 'u' ? 'v' :
			    c == 'c' ? 'k' : c;
		if (n > 0 && out[n - 1] == x)
			continue;
		out[n++] = x;
		cons++;
	}
	out[n] = '\0';
	return cons;
}

/* Appends <form> with <head> to given_keys (<*n> of <*cap>). */
static void
given_push(const char *form, const char *head, size_t *n, size_t *cap)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		given_keys = xreallocarray(given_keys, *cap,
		    sizeof(*given_keys));
	}
	(void)util_copy(given_keys[*n].form, sizeof(given_keys[*n].form),
	    form);
	(void)util_copy(given_keys[*n].head, sizeof(given_keys[*n].head),
	    head);
	given_pair_add(form);
	(*n)++;
}

/*
 * given_sounds from given_keys: each form's sound (of three consonants at
 * least: Yuri's, Oleg's or Aleksei's is as many words', Allah and Alexa)
 * with its head; a sound of two lines is nobody's.
 */
static void
given_sounds_init(void)
{
	size_t i, n = 0;

	given_sounds = xreallocarray(NULL, ngiven_keys + 1,
	    sizeof(*given_sounds));
	for (i = 0; i < ngiven_keys; i++) {
		if (given_sound(given_keys[i].form, given_sounds[n].form) <
		    GIVEN_SOUND_CONSONANTS)
			continue;
		(void)util_copy(given_sounds[n].head,
		    sizeof(given_sounds[n].head), given_keys[i].head);
		n++;
	}
	qsort(given_sounds, n, sizeof(*given_sounds), cmp_given);
	for (i = 1; i < n; i++)
		if (strcmp(given_sounds[i].form, given_sounds[i - 1].form) ==
		    0 && strcmp(given_sounds[i].head,
		    given_sounds[i - 1].head) != 0) {
			given_sounds[i].head[0] = '\0';
			given_sounds[i - 1].head[0] = '\0';
		}
	ngiven_sounds = n;
}

/*
 * Every form of slavic_given with its line's first form's key, sorted by
 * form; built once and kept for the process.  Forms are looked up as
 * folded, not by their keys: a key can be a fragment of other words (Aleh
 * is "ale").
 */
static void
given_init(void)
{
	size_t i, n = 0, cap = 0;

	for (i = 0; i < NELEM(slavic_given); i++) {
		char head[MAXTOKLEN], word[MAXTOKLEN];
		const char *p = slavic_given[i];

		head[0] = '\0';
		while (*p != '\0') {
			size_t k = strcspn(p, " ");

			(void)util_copy(word, k + 1 < sizeof(word) ?
			    k + 1 : sizeof(word), p);
			p += k + (p[k] == ' ');
			if (head[0] == '\0')
				(void)partyname_key(word, head);
			given_push(word, head, &n, &cap);
		}
	}
	qsort(given_keys, n, sizeof(*given_keys), cmp_given);
	ngiven_keys = n;
	given_sounds_init();
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * The key of the first form of the East Slavic given name whose form
 * folded word <w> is, or NULL; with <sound>, of the name whose form it
 * sounds like (given_sound) when it is no form of the table.
 */
static const char *
given_head(const char *w, bool sound)
{
	struct given_key probe, *f;
	size_t x, y;

	(void)pthread_once(&given_once, given_init);
	if (given_pair(w, &x, &y) && given_pairs[x][y]) {
		(void)util_copy(probe.form, sizeof(probe.form), w);
		f = bsearch(&probe, given_keys, ngiven_keys,
		    sizeof(*given_keys), cmp_given);
		if (f != NULL)
			return f->head;
	}
	/* A form the table does not write, by its sound (Serhey, Piatr),
	 * unless it is a word of its own. */
	if (!sound || bsearch(&w, given_not, NELEM(given_not),
	    sizeof(*given_not), cmp_str) != NULL ||
	    given_sound(w, probe.form) < GIVEN_SOUND_CONSONANTS)
		return NULL;
	f = bsearch(&probe, given_sounds, ngiven_sounds,
	    sizeof(*given_sounds), cmp_given);
	return f != NULL && f->head[0] != '\0' ? f->head : NULL;
}

/* The head <q> is rekeyed as (given_head), or NULL if none or its own. */
/*
 * The stressed Belarusian ending -ou after a consonant (Ivanou, Sakalou;
 * -оў, where the unstressed one is -au): true if folded <in> (six letters
 * or more) so ends, with the Russian -ov into <ru> (MAXTOKLEN).  Not after
 * d (Mamadou, Amadou).  Pinyin, Greek and West African names end so too
 * (Zhou, Petrou), so it is only a second reading of a query
 * (family_rekey), never the key of a listed name.
 */
static bool
belarusian_ou(const char *in, char *ru)
{
	size_t n = strlen(in);

	if (n < BELARUSIAN_OU_MIN || n >= MAXTOKLEN || in[n - 1] != 'u' ||
	    in[n - 2] != 'o' || in[n - 3] < 'a' || in[n - 3] > 'z' ||
	    sound_vowel(in[n - 3]) || in[n - 3] == 'd' || in[n - 3] == 'h')
		return false;
	memcpy(ru, in, n + 1);
	ru[n - 1] = 'v';
	return true;
}

/*
 * The family name of <q> in the query's second reading, into <key>
 * (MAXTOKLEN), if it has one: a Belarusian -au or -eu as written (the
 * first reading and the listed names read it as -ov, -ev, but as written
 * it may be a typing error of another listed name: BIZRAU for BIZRAH),
 * and a Belarusian -ou as -ov.
 */
static bool
family_rekey(const struct qtok *q, char *key)
{
	char ru[MAXTOKLEN];

	if (q->particle || q->initials)
		return false;
	if (belarusian_ending(q->raw, ru))
		(void)key_read(q->raw, key, false);
	else if (belarusian_ou(q->raw, ru))
		(void)key_read(ru, key, true);
	else
		return false;
	return strcmp(key, q->key) != 0;
}

static const char *
given_rekey(const struct qtok *q, bool sound)
{
	const char *head;

	if (q->particle || q->initials || strlen(q->raw) < GIVEN_MINLEN ||
	    (head = given_head(q->raw, sound)) == NULL ||
	    strcmp(head, q->key) == 0)
		return NULL;
	return head;
}

bool
partyname_given_unify(struct qtok *q, bool sound)
{
	const char *head;
	char key[MAXTOKLEN];

	if ((head = given_rekey(q, sound)) == NULL) {
		if (!sound || !family_rekey(q, key))
			return false;
		head = key;
	}
	q->len = util_copy(q->key, sizeof(q->key), head);
	skel_token(q->key, q->skel);
	q->poor = poor_token(q->key);
	return true;
}

bool
partyname_given_sounds(const struct qtok *q)
{
	char key[MAXTOKLEN];

	return given_rekey(q, false) == NULL && (given_rekey(q, true) !=
	    NULL || family_rekey(q, key));
}

/*
 * Digits that scanning and typing put for letters in a name: 0 for O,
 * 1 for l or I ("M0HAMED", "SA1IM", "ABDU1", "IBRAH1M", "ABDU11AH").
 * Only 0s and 1s among three letters or more, two together only before a
 * letter: "K10", "ROAD 11", "7TH" and house numbers stay numbers.
 */
bool
partyname_ocr_word(const char *w, size_t n)
{
	size_t i, letters = 0, digits = 0;

	for (i = 0; i < n; i++) {
		char c = w[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
			letters++;
		else if (c == '0' || c == '1')
			digits++;
		else
			return false;
	}
	/* Two digits together only inside the word (ABDU11AH, not K10). */
	for (i = 1; i < n; i++)
		if (w[i] >= '0' && w[i] <= '9' && w[i - 1] >= '0' &&
		    w[i - 1] <= '9' && (i + 1 == n || w[i + 1] < 'A'))
			return false;
	return n >= OCR_WORD_MIN && letters >= OCR_LETTERS_MIN &&
	    digits > 0 && digits <= OCR_DIGITS_MAX;
}

/*
 * True if folded word <w> (<n> bytes) is a word <known> (if not NULL)
 * knows with one digit after it: a number run on ("CACIQUE1" for the
 * listed CACIQUE 1), not a letter misread.
 */
static bool
known_before_digit(const char *w, size_t n, partyname_known_fn known,
    void *ctx)
{
	char stem[MAXTOKLEN];
	size_t i;

	if (known == NULL || n < 2 || n > sizeof(stem) ||
	    w[n - 1] < '0' || w[n - 1] > '9')
		return false;
	for (i = 0; i + 1 < n; i++)
		if (w[i] >= '0' && w[i] <= '9')
			return false;
	memcpy(stem, w, n - 1);
	stem[n - 1] = '\0';
	return known(ctx, stem, NULL);
}

/*
 * The words of folded <s> that partyname_ocr_word takes, in letters: 0 is
 * o; 1 is l beside a vowel (KHA1ID, ABDU1) and i between consonants
 * (IBRAH1M, 1BRAHIM), as names are written.  A listed word with one digit
 * after it (known_before_digit) stays as typed.
 */
static void
fold_ocr_digits(char *s, partyname_known_fn known, void *ctx)
{
	char *w = s, *e;
	size_t i, n;

	for (; *w != '\0'; w = *e != '\0' ? e + 1 : e) {
		e = strchr(w, ' ');
		if (e == NULL)
			e = w + strlen(w);
		n = (size_t)(e - w);
		if (!partyname_ocr_word(w, n) ||
		    known_before_digit(w, n, known, ctx))
			continue;
		for (i = 0; i < n; i++)
			if (w[i] == '0')
				w[i] = 'o';
			else if (w[i] == '1')
				w[i] = (i > 0 && is_vowel(w[i - 1])) ||
				    (i + 1 < n && is_vowel(w[i + 1])) ?
				    'l' : 'i';
	}
}

/*
 * Endings of East Slavic patronymics as folded: Russian, Ukrainian and
 * Belarusian romanisations of the father's name plus -ovich / -ovna, and
 * the French -ovitch.
 */
static const char *const patronymic_endings[] = {
	"avich", "auna", "euna", "evich", "evitch", "evna", "evych",
	"ichna", "ivna", "ovich", "ovitch", "ovna", "ovych",
};

bool
partyname_patronymic(const char *w)
{
	size_t i, n = strlen(w);

	/* Every ending ends in h or a: most words are out at once. */
	if (n == 0 || (w[n - 1] != 'h' && w[n - 1] != 'a'))
		return false;
	for (i = 0; i < NELEM(patronymic_endings); i++) {
		size_t k = strlen(patronymic_endings[i]);

		if (n >= k + PATRONYMIC_STEM_MIN &&
		    memcmp(w + n - k, patronymic_endings[i], k) == 0)
			return true;
	}
	return false;
}

void
partyname_qtok_set(struct qtok *q, const char *folded, bool generic)
{
	memset(q, 0, sizeof(*q));
	q->first = folded[0];
	(void)util_copy(q->raw, sizeof(q->raw), folded);
	q->len = partyname_key(folded, q->key);
	skel_token(q->key, q->skel);
	q->poor = poor_token(q->key);
	q->generic = generic;
	q->patronymic = partyname_patronymic(folded);
}

/* A particle's token: its one spelling, never rewritten further. */
static void
qtok_particle(struct qtok *q, const char *canon, char first)
{
	memset(q, 0, sizeof(*q));
	(void)util_copy(q->key, sizeof(q->key), canon);
	q->len = strlen(q->key);
	(void)util_copy(q->skel, sizeof(q->skel), canon);
	q->particle = true;
	q->first = first;
	(void)util_copy(q->raw, sizeof(q->raw), canon);
}

static const char *
particle_canon(const char *w)
{
	const struct tword *t = tword_find(w);

	return t != NULL && t->particle != NULL ? t->particle->canon : NULL;
}

/*
 * "Abdul", "Abdel", "Abdal", "Abdoul", "Abdur", "Abdor" ("abd", one or two
 * vowels, l or r) are "Abd al-": one spelling,
 * "abdal"; glued to the next name ("Abdulkarim") they are split from it.
 * Returns the length of the prefix in <w> (0 if none).
 */
static size_t
abd_prefix(const char *w)
{
	size_t i = 3;

	if (strncmp(w, "abd", 3) != 0)
		return 0;
	/* Any romanisation of the vowel: Abdul, Abdel, Abdoul, Abdor... */
	while (i < 5 && is_vowel(w[i]))
		i++;
	if (i > 3 && w[i] == 'l')
		return i + 1;
	/* The article assimilated: Abdurrahman, and Abdurahman is Abdu
	 * Rahman (the r begins the name). */
	if (i > 3 && w[i] == 'r')
		return is_vowel(w[i + 1]) ? i : i + 1;
	/* "Abdu" before the name: Abdusalam, Abdukadir. */
	return w[3] == 'u' ? 4 : 0;
}

/*
 * True if <r>, what follows the article of an "Abd" word, spells Allah:
 * its l, one vowel of any romanisation, the h (Abdullah, Abdallah,
 * Abdellah, Abdelleh, Abdolloh).  Every such spelling is one word, "lah":
 * "lah" and "leh" are too short to be a vowel variant of each other.
 * Without its h (Abdulla) or with its l taken by the article (Abdulah) it
 * stays as it was, "abdal" alone: read as Allah, each added a false alert
 * (a listed name's two middle words found, its first and last left out:
 * ABDULLAH AL NASSER on Anwar Nasser Abdulla AULAQI).  Somali and Hausa
 * -lahi stays a word of its own, whose spellings the rules relate
 * (Abdillahee, Abdollahhi).
 */
static bool
allah_rest(const char *r)
{
	size_t i = 1;

	if (r[0] != 'l' || (r[i] != 'a' && r[i] != 'e' && r[i] != 'o'))
		return false;
	return r[i + 1] == 'h' && r[i + 2] == '\0';
}

/* ------------------------------------------------------------------ */
/* Legal forms of several words                                        */

/* Bytes of a legal skeleton, NUL included (the longest phrase's letters). */
#define LEGAL_SKEL_LEN		64
/* Skeleton letters from which a phrase is read with one edit, and with
 * the skeleton's vowel rules; a shorter one is read as written. */
#define LEGAL_FUZZY_MIN		10
/* Words one legal phrase spans in a name, at most (a split word counts
 * twice). */
#define LEGAL_PHRASE_WORDS	8
/* Letters of a name read to know which phrases may start at a word. */
#define LEGAL_HEAD_LETTERS	5
/* Of them, those a phrase must start with (a typing error after). */
#define LEGAL_HEAD_MATCH	2

static struct legal_phrase {
	/* The letters, or the skeleton of a fuzzy one. */
	char	skel[LEGAL_SKEL_LEN];
	size_t	len;
	bool	fuzzy;
} legal_phrase[NELEM(legalphrases)];
/* The phrases (bit i: legal_phrase[i]) that start with a letter, as
 * written and as skeleton. */
static uint64_t	legal_by_letter[2][UCHAR_MAX + 1];
static pthread_once_t	legal_phrase_once = PTHREAD_ONCE_INIT;

/*
 * Appends the skeleton of the letters <w> (<n> bytes) to <sk> (<*k>
 * written, LEGAL_SKEL_LEN): shch and sch as sh, ts as c, y and j as i, a
 * doubled letter once, an i before a vowel left out.  With its final
 * vowels left out too (legal_skel_end), the spellings of one Russian word
 * in the usual transliterations, and its gender endings, share one
 * (aktsionernoye, aktsionernoe and aktsionerny are "akcionern").  False if
 * it does not fit.
 */
static bool
legal_skel_append(const char *w, size_t n, char *sk, size_t *k)
{
	size_t i;

	if (*k + n >= LEGAL_SKEL_LEN)
		return false;
	for (i = 0; i < n; i++) {
		char c = w[i] == 'y' || w[i] == 'j' ? 'i' : w[i];

		if (c == 's' && i + 2 < n && w[i + 1] == 'c' &&
		    w[i + 2] == 'h') {
			i += 2;		/* sch: sh */
			sk[(*k)++] = 's';
			c = 'h';
		} else if (c == 's' && i + 3 < n && w[i + 1] == 'h' &&
		    w[i + 2] == 'c' && w[i + 3] == 'h') {
			i += 3;		/* shch: sh */
			sk[(*k)++] = 's';
			c = 'h';
		} else if (c == 't' && i + 1 < n && w[i + 1] == 's') {
			c = 'c';
			i++;
		}
		if (*k > 0 && sk[*k - 1] == c)
			continue;
		if (*k > 0 && sk[*k - 1] == 'i' && is_vowel(c))
			(*k)--;
		sk[(*k)++] = c;
	}
	return true;
}

/* The length of skeleton <sk> (<k> letters) without its final vowels. */
static size_t
legal_skel_end(const char *sk, size_t k)
{
	while (k > 1 && is_vowel(sk[k - 1]))
		k--;
	return k;
}

/* The letters of <p> without its spaces into <out> (LEGAL_SKEL_LEN). */
static size_t
legal_letters(const char *p, char *out)
{
	size_t k = 0;

	for (; *p != '\0' && k + 1 < LEGAL_SKEL_LEN; p++)
		if (*p != ' ')
			out[k++] = *p;
	out[k] = '\0';
	return k;
}

static void
legal_phrase_init(void)
{
	size_t i, n;

	_Static_assert(NELEM(legalphrases) <= 64, "legal_by_letter holds 64");
	for (i = 0; i < NELEM(legalphrases); i++) {
		struct legal_phrase *ph = &legal_phrase[i];
		char letters[LEGAL_SKEL_LEN];
		size_t k = 0;

		n = legal_letters(legalphrases[i], letters);
		(void)legal_skel_append(letters, n, ph->skel, &k);
		ph->len = legal_skel_end(ph->skel, k);
		ph->skel[ph->len] = '\0';
		ph->fuzzy = ph->len >= LEGAL_FUZZY_MIN;
		if (!ph->fuzzy)
			ph->len = legal_letters(legalphrases[i], ph->skel);
		legal_by_letter[ph->fuzzy][(unsigned char)ph->skel[0]] |=
		    (uint64_t)1 << i;
	}
}

/* The words of a folded name: where each starts and its length. */
struct legal_words {
	char	*at[MAXTOK * 2];
	size_t	 len[MAXTOK * 2];
	size_t	 n;
};

/*
 * The runs of words of a name from one word on: their letters run
 * together, each run's a prefix of the next's, and each run's skeleton (of
 * all its letters: a space moved inside ts or shch leaves the same one);
 * made only as far as a phrase asks.
 */
struct legal_runs {
	char	letters[LEGAL_SKEL_LEN];
	char	skel[LEGAL_PHRASE_WORDS][LEGAL_SKEL_LEN];
	/* Run k + 1: its letters, its skeleton without final vowels. */
	size_t	nl[LEGAL_PHRASE_WORDS], ns[LEGAL_PHRASE_WORDS];
	size_t	n;	/* runs made */
	bool	end;	/* no longer run */
};

/* True if <r> has its run of <k> words from word <i> of <w>. */
static bool
legal_run_get(const struct legal_words *w, size_t i, struct legal_runs *r,
    size_t k)
{
	while (r->n < k && !r->end) {
		size_t at = r->n ? r->nl[r->n - 1] : 0, j = i + r->n, nsk;

		if (r->n >= LEGAL_PHRASE_WORDS || j >= w->n ||
		    at + w->len[j] >= LEGAL_SKEL_LEN) {
			r->end = true;
			break;
		}
		memcpy(r->letters + at, w->at[j], w->len[j]);
		r->nl[r->n] = at + w->len[j];
		nsk = 0;
		(void)legal_skel_append(r->letters, r->nl[r->n],
		    r->skel[r->n], &nsk);
		r->ns[r->n] = legal_skel_end(r->skel[r->n], nsk);
		r->n++;
	}
	return r->n >= k;
}

/*
 * True if the phrase <ph> is run <k> of <r>: a short phrase letter for
 * letter, a long one by its skeleton, with one edit.
 */
static bool
legal_phrase_is(const struct legal_phrase *ph, const struct legal_runs *r,
    size_t k)
{
	size_t ns = r->ns[k];

	if (!ph->fuzzy)
		return r->nl[k] == ph->len &&
		    memcmp(r->letters, ph->skel, ph->len) == 0;
	if (ns + 1 < ph->len || ns > ph->len + 1 ||
	    r->skel[k][0] != ph->skel[0])
		return false;
	return partyname_edit_distance(r->skel[k], ns, ph->skel, ph->len,
	    1) <= 1;
}

/*
 * The first letters of the words of <w> from <i> on, as written into
 * <head> and as skeleton into <hskel> (LEGAL_SKEL_LEN, the final vowels
 * kept): what a phrase that starts there starts with.
 */
static void
legal_head(const struct legal_words *w, size_t i, char *head, char *hskel)
{
	size_t n = 0, k = 0;

	for (; i < w->n && n < LEGAL_HEAD_LETTERS; i++) {
		size_t c = w->len[i] < LEGAL_HEAD_LETTERS - n ? w->len[i] :
		    LEGAL_HEAD_LETTERS - n;

		memcpy(head + n, w->at[i], c);
		n += c;
	}
	head[n] = '\0';
	(void)legal_skel_append(head, n, hskel, &k);
	hskel[k] = '\0';
}

/*
 * The most words of <w> from <i> on that the phrase <ph> spans (with the
 * runs <r>), or 0; runs longer than the phrase are not made.
 */
static size_t
legal_phrase_span(const struct legal_words *w, size_t i,
    struct legal_runs *r, const struct legal_phrase *ph)
{
	size_t k, span = 0;

	for (k = 1; legal_run_get(w, i, r, k); k++) {
		if (ph->fuzzy ? r->ns[k - 1] > ph->len + 1 :
		    r->nl[k - 1] > ph->len)
			break;
		if (legal_phrase_is(ph, r, k - 1))
			span = k;
	}
	return span;
}

/* The words of <w> from <i> on that a legal phrase spans, or 0. */
static size_t
legal_phrase_at(const struct legal_words *w, size_t i)
{
	struct legal_runs r;
	char head[LEGAL_SKEL_LEN], hskel[LEGAL_SKEL_LEN];
	size_t f, k, best = 0;
	uint64_t may;

	legal_head(w, i, head, hskel);
	may = legal_by_letter[0][(unsigned char)head[0]] |
	    legal_by_letter[1][(unsigned char)hskel[0]];
	r.n = 0;
	r.end = false;
	for (f = 0; may != 0 && f < NELEM(legal_phrase); f++) {
		const struct legal_phrase *ph = &legal_phrase[f];

		if ((may & ((uint64_t)1 << f)) == 0)
			continue;
		may &= ~((uint64_t)1 << f);
		/* Most words start no phrase: two letters tell (three of
		 * one read as written). */
		if (ph->fuzzy ? strncmp(hskel, ph->skel, LEGAL_HEAD_MATCH) :
		    strncmp(head, ph->skel, LEGAL_HEAD_MATCH + 1))
			continue;
		if ((k = legal_phrase_span(w, i, &r, ph)) > best)
			best = k;
	}
	return best;
}

/*
 * Blanks the legal phrases (legalphrases) out of folded <s>, in place: at
 * each word, the longest run of words that is one.
 */
static void
drop_legal_phrases(char *s)
{
	struct legal_words w;
	char *p = s;
	size_t i, span, n;

	(void)pthread_once(&legal_phrase_once, legal_phrase_init);
	for (w.n = 0; *p != '\0' && w.n < NELEM(w.at); p += n) {
		n = strcspn(p, " ");
		if (n > 0) {
			w.at[w.n] = p;
			w.len[w.n++] = n;
		} else
			n = 1;
	}
	for (i = 0; i < w.n; i++) {
		if ((span = legal_phrase_at(&w, i)) == 0)
			continue;
		memset(w.at[i], ' ', (size_t)(w.at[i + span - 1] - w.at[i]) +
		    w.len[i + span - 1]);
		i += span - 1;
	}
}

/* True if <w> is one edit from a legal form of 6 letters or more
 * ("Cmopany", "Limted"): typed legal forms go like the right ones. */
static bool
legal_typo(const char *w)
{
	static const char *const longforms[] = {
		"company", "corporation", "incorporated", "limitada",
		"limited",
	};
	size_t i, n = strlen(w);

	if (n < 6 || n > 13)
		return false;
	for (i = 0; i < NELEM(longforms); i++) {
		const char *f = longforms[i];

		/* One edit leaves one of the first two letters in place. */
		if ((w[0] == f[0] || w[1] == f[1] || w[0] == f[1] ||
		    w[1] == f[0]) && partyname_edit_distance(w, n, f,
		    strlen(f), 1) <= 1)
			return true;
	}
	return false;
}

/*
 * The legal form or stopword that <w> is with two adjacent letters
 * swapped ("tld" for ltd, "oc" for co, "nad" for and), or NULL.  Words of
 * two to five letters.
 */
static const char *
table_swap(const char *w)
{
	char t[8];
	const struct tword *f;
	size_t i, n = strlen(w);

	if (n < 2 || n > 5)
		return NULL;
	for (i = 0; i + 1 < n; i++) {
		if (w[i] == w[i + 1])
			continue;
		memcpy(t, w, n + 1);
		t[i] = w[i + 1];
		t[i + 1] = w[i];
		if ((f = tword_find(t)) != NULL &&
		    (f->tables & (WT_LEGAL | WT_STOP)) != 0)
			return f->word;
	}
	return NULL;
}

/*
 * Words of the tables a query word the lists do not know is read as when
 * it is that word typed with an error (table_typo), by length: legal
 * forms, titles and generic words, each from a length on (a word of four
 * letters one error from a generic word is too often a word of its own:
 * "Bark", "Form", "Soil"), legal forms with two errors from a length on.
 * Stopwords are not among them: one error in a word of three letters
 * gives too many real words ("Anda", "Form", "Dies").  Built once, read by
 * any thread.
 */
/*
 * True if <x> has <k> bits set or fewer: clearing the lowest bit <k> times
 * costs less than a popcount the target may have no instruction for.
 */
static bool
bits_at_most(uint64_t x, size_t k)
{
	for (; k > 0 && x != 0; k--)
		x &= x - 1;
	return x == 0;
}

struct typo_word {
	const char	*word;
	uint64_t	 set;		/* letter_set of <word> */
	size_t		 len;
	size_t		 max;		/* errors read */
	bool		 legal;		/* a legal form (table_readings) */
};
#define TYPO_WORDS	(NELEM(legalforms) + NELEM(generics) + NELEM(titles))
#define TYPO_LETTERS	26
static struct typo_word	 typo_word[TYPO_WORDS];
static size_t		 ntypo_words;
/*
 * The words read with one error by length and letter: one error leaves
 * one of a word's first two letters in place, so a query word is compared
 * only with the words whose first or second letter is its first or
 * second.  typo_at[typo_from[len][c] .. typo_from[len][c + 1]) are the
 * words of <len> letters with letter <c> ('a' + c) first or second; the
 * words read with two errors, few, are typo_two[0 .. ntypo_two).
 */
static uint16_t		 typo_at[2 * TYPO_WORDS];
static size_t		 typo_from[MAXTOKLEN][TYPO_LETTERS + 1];
static uint16_t		 typo_two[TYPO_WORDS];
static size_t		 ntypo_two;
static pthread_once_t	 typo_once = PTHREAD_ONCE_INIT;

/*
 * Adds the words of <tab> (<n>) to typo_word if they have <minlen>
 * letters or more; two errors from <twolen> letters on.
 */
static void
typo_words_add(const char *const *tab, size_t n, size_t minlen,
    size_t twolen)
{
	struct typo_word *t;
	size_t i, len;

	for (i = 0; i < n; i++) {
		if ((len = strlen(tab[i])) < minlen || len >= MAXTOKLEN)
			continue;
		t = &typo_word[ntypo_words];
		t->word = tab[i];
		t->set = letter_set(tab[i], len);
		t->len = len;
		t->max = len >= twolen ? 2 : 1;
		t->legal = tab == legalforms;
		if (t->max > 1)
			typo_two[ntypo_two++] = (uint16_t)ntypo_words;
		ntypo_words++;
	}
}

/* True if the letter <c> ('a' + c) is the first or second of <t>. */
static bool
typo_letter(const struct typo_word *t, size_t c)
{
	return (size_t)(t->word[0] - 'a') == c ||
	    (size_t)(t->word[1] - 'a') == c;
}

static void
typo_words_init(void)
{
	size_t len, c, i, k = 0;

	typo_words_add(legalforms, NELEM(legalforms), TYPO_LEGAL_MINLEN,
	    TYPO2_LEGAL_MINLEN);
	typo_words_add(titles, NELEM(titles), TYPO_TITLE_MINLEN, MAXTOKLEN);
	typo_words_add(generics, NELEM(generics), TYPO_GENERIC_MINLEN,
	    MAXTOKLEN);
	for (len = 0; len < MAXTOKLEN; len++) {
		for (c = 0; c < TYPO_LETTERS; c++) {
			typo_from[len][c] = k;
			for (i = 0; i < ntypo_words; i++)
				if (typo_word[i].len == len &&
				    typo_word[i].max == 1 &&
				    typo_letter(&typo_word[i], c))
					typo_at[k++] = (uint16_t)i;
		}
		typo_from[len][TYPO_LETTERS] = k;
	}
}

/*
 * The nearer of <*found> (at <*best> errors) and typo_word[<i>] if folded
 * <w> (<n> letters, letter_set <set>) is that word typed with the errors
 * it reads.
 */
static void
typo_try(const char *w, size_t n, uint64_t set, size_t i,
    const struct typo_word **found, size_t *best)
{
	const struct typo_word *t = &typo_word[i];
	size_t d;

	if ((t->len > n ? t->len - n : n - t->len) > t->max ||
	    !bits_at_most(set ^ t->set, 2 * t->max))
		return;
	d = partyname_edit_distance(w, n, t->word, t->len, t->max);
	if (d <= t->max && d < *best) {
		*best = d;
		*found = t;
	}
}

/*
 * The word of the tables (typo_word) that folded <w> is typed with the
 * errors read, the nearest, or NULL ("Ltsd", "Lcopany", "Tepublic",
 * "Managment").  The caller asks only of words the lists do not know:
 * such a word would weigh as the rarest listed word and sink a name
 * otherwise well written.
 */
static const struct typo_word *
table_typo(const char *w)
{
	const struct typo_word *found = NULL;
	size_t n = strlen(w), len, i, k, c, best = SIZE_MAX;
	uint64_t set;

	if (n < 2 || n >= MAXTOKLEN)
		return NULL;
	(void)pthread_once(&typo_once, typo_words_init);
	set = letter_set(w, n);
	for (k = 0; k < 2; k++) {
		c = (size_t)(w[k] - 'a');
		if (c >= TYPO_LETTERS || (k == 1 && w[1] == w[0]))
			continue;
		for (len = n - 1; len <= n + 1 && len < MAXTOKLEN; len++)
			for (i = typo_from[len][c];
			    i < typo_from[len][c + 1]; i++)
				typo_try(w, n, set, typo_at[i], &found, &best);
	}
	for (i = 0; i < ntypo_two; i++)
		if (n + 2 >= typo_word[typo_two[i]].len)
			typo_try(w, n, set, typo_two[i], &found, &best);
	return found;
}

/* True if <w> is one edit from a title of 6 letters or more ("Msulana"). */
static bool
title_typo(const char *w)
{
	size_t i, n = strlen(w);

	if (n < 5 || n > 8)
		return false;
	for (i = 0; i < NELEM(titles); i++) {
		const char *t = titles[i];

		/* One edit leaves one of the first two letters in place. */
		if (strlen(t) >= 6 && (w[0] == t[0] || w[1] == t[1] ||
		    w[0] == t[1] || w[1] == t[0]) &&
		    partyname_edit_distance(w, n, t, strlen(t), 1) <= 1)
			return true;
	}
	return false;
}

/*
 * True if <w> is one edit from a spelling of Abd al- written alone ("Adul",
 * "Abdl", "Abdual" for Abdul, Abdel, Abdoul...).
 */
static bool
abd_typo(const char *w)
{
	static const char *const forms[] = {
		"abdal", "abdel", "abdoul", "abdul",
	};
	size_t i, n = strlen(w);

	if (n < 4 || w[0] != 'a')
		return false;
	for (i = 0; i < NELEM(forms); i++)
		if (partyname_edit_distance(w, n, forms[i], strlen(forms[i]),
		    1) <= 1)
			return true;
	return false;
}

/* The article's letters a typed article is read from, and the letters a
 * listed word after it has at least. */
#define ARTICLE_MAXLEN		3
#define ARTICLE_REST_MINLEN	4

/*
 * True if folded <w> (<n> letters) is the Arabic article typed with one
 * error: two or three letters one edit from "al" or "el" ("ak", "cl",
 * "fal", "xal"), not a particle or word of the tables as written.  Single
 * letters are initials.  The caller asks only where a listed word follows.
 */
static bool
article_typo(const char *w, size_t n)
{
	char t[ARTICLE_MAXLEN + 1];

	if (n < 2 || n > ARTICLE_MAXLEN)
		return false;
	memcpy(t, w, n);
	t[n] = '\0';
	if (tword_find(t) != NULL)
		return false;
	return partyname_edit_distance(t, n, "al", 2, 1) == 1 ||
	    partyname_edit_distance(t, n, "el", 2, 1) == 1;
}

/*
 * The length of a typed article attached to folded <w> (<len> letters)
 * before a listed word of four letters or more ("Xalqaida", "Akkhalil"),
 * the longer reading first, or 0.  The caller asks only of a word the
 * lists do not know and that splits into no words.
 */
static size_t
article_typo_prefix(const char *w, size_t len, partyname_known_fn known,
    void *ctx)
{
	size_t k;

	/* "Al" and a letter begins a word of its own ("Albrada"). */
	if ((w[0] == 'a' || w[0] == 'e') && w[1] == 'l')
		return 0;
	for (k = ARTICLE_MAXLEN; k >= 2; k--)
		if (len >= k + ARTICLE_REST_MINLEN && article_typo(w, k) &&
		    known(ctx, w + k, NULL))
			return k;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Words run together                                                  */

/* What a piece of a split word is (piece_kind). */
enum piece {
	PIECE_NONE,		/* not a word */
	PIECE_TABLE,		/* a particle or a table word */
	PIECE_WORD,		/* a listed word of four letters or more */
	PIECE_SHORT,		/* a listed word of two or three letters */
};

/*
 * What folded <p> (<len> bytes) is in a split: a particle, a word of the
 * tables of three letters or more (stopword, title, legal form; a legal
 * form of two letters as the <last> piece, "shippingco"), "Abd al-" alone
 * or before a listed word, a listed word (<known>), or none.
 */
static enum piece
piece_kind(const char *p, size_t len, bool last, partyname_known_fn known,
    void *ctx)
{
	char w[MAXTOKLEN];
	size_t ab;

	if (len < 2 || len >= sizeof(w))
		return PIECE_NONE;
	memcpy(w, p, len);
	w[len] = '\0';
	/* Table words of two letters ("da", "co") end too many syllables. */
	if (particle_canon(w) != NULL)
		return PIECE_TABLE;
	if (in_table(WT_LEGAL, w))
		return len >= 3 || last ? PIECE_TABLE : PIECE_NONE;
	if (in_table(WT_STOP | WT_TITLE, w))
		return len >= 3 ? PIECE_TABLE : PIECE_NONE;
	if ((ab = abd_prefix(w)) > 0 && (w[ab] == '\0' ||
	    allah_rest(w + ab) ||
	    (len - ab >= 3 && known(ctx, w + ab, NULL))))
		return PIECE_WORD;
	if (!known(ctx, w, NULL))
		return PIECE_NONE;
	return len >= 4 ? PIECE_WORD : PIECE_SHORT;
}

/*
 * True if the pieces [a0, a1) and [a1, b1) of <w> may stand side by side:
 * a short listed word only beside a listed word it is written next to in
 * some listed name, in either order ("jang su", "se gon", "Lau Edwina"),
 * so that "metro" is not "me tro"; one of three letters also beside a word
 * of the tables ("ali hajj").
 */
static bool
pair_ok(const char *w, size_t a0, size_t a1, size_t b1, enum piece ka,
    enum piece kb, partyname_known_fn known, void *ctx)
{
	char x[MAXTOKLEN], y[MAXTOKLEN];

	if (ka != PIECE_SHORT && kb != PIECE_SHORT)
		return true;
	memcpy(x, w + a0, a1 - a0);
	x[a1 - a0] = '\0';
	memcpy(y, w + a1, b1 - a1);
	y[b1 - a1] = '\0';
	if ((ka == PIECE_TABLE && particle_canon(x) == NULL) ||
	    (kb == PIECE_TABLE && particle_canon(y) == NULL))
		return (ka == PIECE_SHORT ? a1 - a0 : b1 - a1) >= 3;
	return known(ctx, x, y) || known(ctx, y, x);
}

/*
 * Where folded word <w> splits into two or three pieces that each stand as
 * a word (piece_kind), one of them at least a listed word of four letters
 * or more when there are three, a short one beside a neighbour it may
 * stand next to (pair_ok): "companylimited" is two legal forms,
 * "maulanafazlullah" is maulana | fazlullah, "jangsu" jang | su.  The split
 * of fewest pieces wins, then one into two words of one listed name
 * (<together>, if not NULL), then the one whose shortest piece is longest.
 * Fills <cut> with the piece boundaries (cut[0] < cut[1], cut[1] == len for
 * two pieces) and returns the count of pieces, or 0 if none.
 */
static size_t
split_word(const char *w, size_t len, partyname_known_fn known,
    partyname_known_fn together, void *ctx, size_t cut[2])
{
	size_t i, j, best = 0, pieces = 0;
	enum piece k1, k2, k3, pre[MAXTOKLEN];
	bool l, r, tog = false, t;
	char x[MAXTOKLEN], y[MAXTOKLEN];

	/* The kind of each prefix, asked once for both passes. */
	for (i = 2; i + 2 <= len; i++)
		pre[i] = piece_kind(w, i, false, known, ctx);
	for (i = 2; i + 2 <= len; i++) {
		size_t m = i < len - i ? i : len - i;

		if ((tog && m <= best) || (k1 = pre[i]) == PIECE_NONE ||
		    (k2 = piece_kind(w + i, len - i, true, known, ctx)) ==
		    PIECE_NONE || !pair_ok(w, 0, i, len, k1, k2, known, ctx))
			continue;
		/* Two listed words of one listed name go first
		 * ("aymanibrahim" is ayman | ibrahim, not aymani | brahim). */
		t = false;
		if (together != NULL && k1 != PIECE_TABLE &&
		    k2 != PIECE_TABLE && len < MAXTOKLEN) {
			memcpy(x, w, i);
			x[i] = '\0';
			memcpy(y, w + i, len - i);
			y[len - i] = '\0';
			t = together(ctx, x, y);
		}
		if ((!t && (tog || m <= best)) || (t && tog && m <= best))
			continue;
		best = m;
		tog = t;
		cut[0] = i;
		cut[1] = len;
		pieces = 2;
	}
	if (pieces > 0 || len < 6)
		return pieces;
	for (i = 2; i + 4 <= len; i++) {
		if (i <= best || (k1 = pre[i]) == PIECE_NONE)
			continue;
		for (j = i + 2; j + 2 <= len; j++) {
			size_t m = i;

			if (j - i < m)
				m = j - i;
			if (len - j < m)
				m = len - j;
			if (m <= best ||
			    (k2 = piece_kind(w + i, j - i, false, known,
			    ctx)) == PIECE_NONE ||
			    (k3 = piece_kind(w + j, len - j, true, known,
			    ctx)) == PIECE_NONE || (k1 != PIECE_WORD &&
			    k2 != PIECE_WORD && k3 != PIECE_WORD))
				continue;
			/* Each short piece beside a neighbour it is listed
			 * next to. */
			l = pair_ok(w, 0, i, j, k1, k2, known, ctx);
			r = pair_ok(w, i, j, len, k2, k3, known, ctx);
			if ((k1 == PIECE_SHORT && !l) ||
			    (k3 == PIECE_SHORT && !r) ||
			    (k2 == PIECE_SHORT && !l && !r) ||
			    (k2 != PIECE_SHORT && (!l || !r)))
				continue;
			best = m;
			cut[0] = i;
			cut[1] = j;
			pieces = 3;
		}
	}
	return pieces;
}

/* True if <w> is lowercase letters only. */
static bool
all_letters(const char *w)
{
	for (; *w != '\0'; w++)
		if (*w < 'a' || *w > 'z')
			return false;
	return true;
}

/*
 * True if every word of <words> from <from> to <to> (exclusive) is a word
 * of the tables, read as one (<typed>), or a single letter (of "S.A.").
 */
static bool
all_table(char *const *words, const char *const *typed, size_t from,
    size_t to)
{
	for (; from < to; from++)
		if (typed[from] == NULL && words[from][1] != '\0' &&
		    tword_find(words[from]) == NULL)
			return false;
	return true;
}

/*
 * The words of the tables that the words of <words> (<n>) the lists do not
 * know (<listed>) are typed, into <typed> (NULL: as written): two letters
 * swapped in a legal form or stopword ("tld"); or the errors table_typo
 * reads, where the name has another word that tells it (alone, the word is
 * the name) and unless <place> (if not NULL) says the word is a word of
 * its own.  A typed legal form stands where legal forms do, before or after
 * the words of the name: inside it, a word one error from "sal" or "corp"
 * is a word of the name ("Salt", "Corn").
 */
static void
table_readings(char *const *words, const bool *listed, size_t n,
    partyname_known_fn place, void *ctx, const char **typed)
{
	const struct typo_word *t;
	bool legal[MAXTOK * 2];
	size_t i, distinct = 0;

	for (i = 0; i < n; i++) {
		typed[i] = NULL;
		legal[i] = false;
		if (words[i][0] != '\0' && words[i][1] != '\0' &&
		    tword_find(words[i]) == NULL)
			distinct++;
	}
	for (i = 0; i < n; i++) {
		const char *w = words[i];

		if (!all_letters(w) || tword_find(w) != NULL)
			continue;
		/* A typed article before a listed word ("Ak-Khalil"), though
		 * the lists know the short word: the plain reading is
		 * searched too. */
		if (i + 1 < n && listed[i + 1] &&
		    (!listed[i] || strlen(w) < ARTICLE_MAXLEN) &&
		    strlen(words[i + 1]) >= ARTICLE_REST_MINLEN &&
		    article_typo(w, strlen(w))) {
			typed[i] = "al";
			continue;
		}
		if (listed[i])
			continue;
		/* The place last: looking it up costs most. */
		if ((typed[i] = table_swap(w)) != NULL || distinct < 2 ||
		    (t = table_typo(w)) == NULL ||
		    (place != NULL && place(ctx, w, NULL)))
			continue;
		typed[i] = t->word;
		legal[i] = t->legal;
	}
	for (i = 0; i < n; i++)
		if (legal[i] && !all_table(words, typed, 0, i) &&
		    !all_table(words, typed, i + 1, n))
			typed[i] = NULL;
}

/*
 * Query words the lists do not know (<listed>: those they know, per word),
 * of five letters or more, split where they are listed words run
 * together; words that are a typed word of the tables (table_swap,
 * table_typo) go like that word unless <place> (if not NULL) knows them,
 * and a typed Abd al- ("Adul") like Abd al-.  <words> (<*nw> of them, room
 * for <max>) is rewritten in place; the pieces are kept in <store>.
 * Returns true if anything changed.
 */
static bool
split_unknown(char **words, const bool *listed, size_t *nw, size_t max,
    char store[][MAXTOKLEN], partyname_known_fn known,
    partyname_known_fn together, partyname_known_fn place, void *ctx)
{
	char *w[MAXTOK * 2];
	const char *typed[MAXTOK * 2];
	size_t i, k, n = 0, ns = 0, cut[2], np, len, ab;
	bool changed = false;

	table_readings(words, listed, *nw, place, ctx, typed);

	for (i = 0; i < *nw && n < NELEM(w); i++) {
		const char *x = words[i], *tw;
		bool alpha = true;

		len = strlen(x);
		for (k = 0; k < len && alpha; k++)
			alpha = x[k] >= 'a' && x[k] <= 'z';
		/* A typed word of the tables ("LTD" as "TLD" or "LTSD",
		 * "TEPUBLIC") goes like the word it is: a word the lists do
		 * not know would weigh as the rarest. */
		if ((tw = typed[i]) != NULL && ns < MAXTOK * 2) {
			(void)util_copy(store[ns], MAXTOKLEN, tw);
			w[n++] = store[ns++];
			changed = true;
			continue;
		}
		if (listed[i] || !alpha || len < 4 || len >= MAXTOKLEN ||
		    in_table(WT_STOP | WT_TITLE | WT_LEGAL, x) ||
		    legal_typo(x)) {
			w[n++] = words[i];
			continue;
		}
		/* A typed "Abdul" ("Adul", "Abdl") is Abd al- too. */
		if (len <= 6 && abd_prefix(x) == 0 && abd_typo(x) &&
		    ns < MAXTOK * 2) {
			memcpy(store[ns], "abdal", 6);
			w[n++] = store[ns++];
			changed = true;
			continue;
		}
		if (len < 5) {
			w[n++] = words[i];
			continue;
		}
		if (title_typo(x)) {
			changed = true;
			continue;
		}
		/* "Abdel" before words run together: the prefix apart. */
		if ((ab = abd_prefix(x)) > 0) {
			if (len - ab < 5 || known(ctx, x + ab, NULL) ||
			    allah_rest(x + ab) ||
			    (np = split_word(x + ab, len - ab, known,
			    together, ctx, cut)) == 0 ||
			    ns + np + 1 > MAXTOK * 2 ||
			    n + np + 1 > NELEM(w)) {
				w[n++] = words[i];
				continue;
			}
			memcpy(store[ns], x, ab);
			store[ns][ab] = '\0';
			w[n++] = store[ns++];
			x += ab;
			len -= ab;
		} else if ((np = split_word(x, len, known, together, ctx,
		    cut)) == 0 ||
		    ns + np > MAXTOK * 2 || n + np > NELEM(w)) {
			/* Else a typed article glued to a listed word
			 * ("Xalqaida"), where no split into words is. */
			if (np == 0 && (ab = article_typo_prefix(x, len,
			    known, ctx)) > 0 && ns + 2 <= MAXTOK * 2 &&
			    n + 2 <= NELEM(w)) {
				memcpy(store[ns], "al", 3);
				w[n++] = store[ns++];
				(void)util_copy(store[ns], MAXTOKLEN, x + ab);
				w[n++] = store[ns++];
				changed = true;
			} else
				w[n++] = words[i];
			continue;
		}
		for (k = 0; k < np; k++) {
			size_t from = k == 0 ? 0 : cut[k - 1];
			size_t to = k < np - 1 ? cut[k] : len;

			memcpy(store[ns], x + from, to - from);
			store[ns][to - from] = '\0';
			w[n++] = store[ns++];
		}
		changed = true;
	}
	if (n > max)
		n = max;
	memcpy(words, w, n * sizeof(*w));
	*nw = n;
	return changed;
}

/* ------------------------------------------------------------------ */
/* Word boundaries moved                                               */

/* Letters a moved boundary carries from one word to its neighbour. */
#define RESEG_MAXMOVE	2
/* A listed word beside a word of the tables has this many letters. */
#define RESEG_TABLE_MINLEN	4

/* What a word is to resegment(). */
enum seg {
	SEG_NONE,		/* neither a table word nor a listed word */
	SEG_TABLE,		/* particle, legal form, stopword, title,
				 * abbreviation */
	SEG_LISTED,		/* a word of a listed name */
};

/*
 * What folded <w> is: a word of the tables first (a particle, or "de"
 * whose canonical spelling some listed word has, is a word of the
 * tables), legal forms, the commonest, looked up first.
 */
static enum seg
seg_kind(const char *w, partyname_known_fn known, void *ctx)
{
	if (in_table(WT_LEGAL, w) ||
	    particle_canon(w) != NULL ||
	    in_table(WT_STOP | WT_TITLE, w) || abbrev_expand(w) != w)
		return SEG_TABLE;
	return known(ctx, w, NULL) ? SEG_LISTED : SEG_NONE;
}

/*
 * The boundary between words <a> and <b> moved by <k> letters, to the left
 * (<left>: a's last letters begin b) or to the right, into <x> and <y>
 * (MAXTOKLEN each).  False if a piece would be empty.
 */
static bool
reseg_move(const char *a, const char *b, size_t k, bool left, char *x,
    char *y)
{
	size_t la = strlen(a), lb = strlen(b);

	size_t lx = left ? la - k : la + k;

	if (la + lb >= MAXTOKLEN || (left ? la : lb) <= k)
		return false;
	/* <a> and <b> run together, cut at <lx>. */
	memcpy(y, a, la);
	memcpy(y + la, b, lb);
	memcpy(x, y, lx);
	x[lx] = '\0';
	memmove(y, y + lx, la + lb - lx);
	y[la + lb - lx] = '\0';
	return true;
}

/*
 * True if <x> and <y>, read for two words with a boundary moved, are
 * words a listed name has: two listed words of one listed name (in any
 * order: "Kai PAANANEN" is listed as PAANANEN, Kai), or a listed word of
 * RESEG_TABLE_MINLEN letters or more beside a word of the tables that
 * listed names drop ("PROPERTIES LTD", "DEVELOPMENT AND"), or two such
 * words.  A single letter only as a listed word.  <kx>, <ky> get what
 * each is.
 */
static bool
reseg_fits(const char *x, const char *y, partyname_known_fn known,
    partyname_known_fn together, void *ctx, enum seg *kx, enum seg *ky)
{
	if ((*kx = seg_kind(x, known, ctx)) == SEG_NONE ||
	    (*ky = seg_kind(y, known, ctx)) == SEG_NONE ||
	    (x[1] == '\0' && *kx != SEG_LISTED) ||
	    (y[1] == '\0' && *ky != SEG_LISTED))
		return false;
	if (*kx == SEG_LISTED && *ky == SEG_LISTED)
		return together(ctx, x, y);
	if (*kx == SEG_TABLE && *ky == SEG_TABLE)
		return true;
	return strlen(*kx == SEG_LISTED ? x : y) >= RESEG_TABLE_MINLEN;
}

/*
 * A space or hyphen typed one or two letters off ("KAIP AANANEN",
 * "SHIPPI-NGCOMPANY", "Hass anMEHRI"): two adjacent words, one of which
 * neither the lists nor the tables know, whose boundary moved by one or
 * two letters gives words a listed name has (reseg_fits): the word order
 * of the listed name does not matter, nor does a word the index drops
 * beside the moved boundary.  A single letter in a run of them (initials,
 * "S. A.") stays.  The nearest move wins, to the left first.  <words>
 * (<nw> of them) is rewritten in place, the new words kept in <store>
 * (MAXTOK * 2), and <listed> (whether the lists know each word) kept up
 * to date; returns true if any moved.
 */
static bool
resegment(char **words, bool *listed, size_t nw, char store[][MAXTOKLEN],
    partyname_known_fn known, partyname_known_fn together, void *ctx)
{
	char x[MAXTOKLEN], y[MAXTOKLEN];
	bool ok[MAXTOK * 2], unknown[MAXTOK * 2], changed = false;
	size_t i, k, ns = 0;
	enum seg kx, ky;
	int dir;

	/* Whether each word may move, and whether it is known already. */
	for (i = 0; i < nw && i < NELEM(ok); i++) {
		bool run = words[i][1] == '\0' &&
		    ((i > 0 && words[i - 1][1] == '\0') ||
		    (i + 1 < nw && words[i + 1][1] == '\0'));
		enum seg kind;

		/* split_unknown reads <listed> of words it may split only. */
		ok[i] = !run && all_letters(words[i]);
		kind = ok[i] ? seg_kind(words[i], known, ctx) : SEG_NONE;
		listed[i] = kind == SEG_LISTED;
		unknown[i] = ok[i] && kind == SEG_NONE;
	}
	for (i = 0; i + 1 < nw && i + 1 < NELEM(ok) &&
	    ns + 2 <= MAXTOK * 2; i++) {
		const char *a = words[i], *b = words[i + 1];
		bool done = false;

		if (!ok[i] || !ok[i + 1] || (!unknown[i] && !unknown[i + 1]))
			continue;
		for (k = 1; k <= RESEG_MAXMOVE && !done; k++) {
			for (dir = 0; dir < 2 && !done; dir++) {
				if (!reseg_move(a, b, k, dir == 0, x, y) ||
				    !reseg_fits(x, y, known, together, ctx,
				    &kx, &ky))
					continue;
				memcpy(store[ns], x, sizeof(x));
				memcpy(store[ns + 1], y, sizeof(y));
				words[i] = store[ns];
				words[i + 1] = store[ns + 1];
				listed[i] = kx == SEG_LISTED;
				listed[i + 1] = ky == SEG_LISTED;
				ns += 2;
				done = changed = true;
			}
		}
		/* The next pair starts with a word now known. */
		if (done)
			i++;
	}
	return changed;
}

/*
 * Splits <name> into canonical tokens; returns the count (<= MAXTOK).
 * Apostrophes join (P'yongyang), single letters in a row join ("S.A.");
 * stopwords, titles and legal forms go unless nothing else would remain.
 * A run of single letters in a name that has other words is a set of
 * initials ("A. R. KHALIL"), not an acronym.
 */
size_t
partyname_tokenize(const char *name, struct qtok *out)
{
	return partyname_tokenize_known(name, out, NULL, NULL, NULL, NULL,
	    NULL);
}

/* The words of a name after initials are joined and Abd al- is split. */
struct joined_words {
	char	w[MAXTOK * 2][MAXTOKLEN];
	bool	isinit[MAXTOK * 2];	/* a run of single letters */
	size_t	n;
};

/*
 * <name> without apostrophes (ASCII ', `, and U+2018, U+2019, U+02BC), so
 * that they join (P'yongyang), nor the marks BGN/PCGN writes inside a
 * romanised Russian word: the middle dot (U+00B7) between letters that
 * would read as one sound (Ot·sek, otvet·stvennost) and the double quote
 * of the hard sign (Ob"yedineniye) between two letters.  Caller frees the
 * result.
 */
static char *
drop_apostrophes(const char *name)
{
	size_t i, k = 0, len = strlen(name);
	char *clean = xmalloc(len + 1);

	for (i = 0; i < len; i++) {
		const unsigned char *u = (const unsigned char *)name + i;

		if (*u == '\'' || *u == '`')
			continue;
		if (*u == '"' && i > 0 && isalpha((unsigned char)name[i - 1]) &&
		    isalpha(u[1]))
			continue;
		if (i + 1 < len && u[0] == 0xc2 && u[1] == 0xb7) {
			i += 1;
			continue;
		}
		if (i + 2 < len + 0 && u[0] == 0xe2 && u[1] == 0x80 &&
		    (u[2] == 0x98 || u[2] == 0x99)) {
			i += 2;
			continue;
		}
		if (i + 1 < len && u[0] == 0xca && u[1] == 0xbc) {
			i += 1;
			continue;
		}
		clean[k++] = name[i];
	}
	clean[k] = '\0';
	return clean;
}

/*
 * Joins runs of single letters of <words> into one word (initials, unless
 * it spells a legal form) and splits "Abdulkarim" into Abd al- and the
 * rest; other words are kept, abbreviations expanded.
 */
static void
join_words(char **words, size_t nw, struct joined_words *jw)
{
	size_t i;

	jw->n = 0;
	for (i = 0; i < nw && jw->n + 1 < NELEM(jw->w); ) {
		size_t j = i, l = 0, ab;

		while (j < nw && strlen(words[j]) == 1 &&
		    words[j][0] >= 'a' && words[j][0] <= 'z' &&
		    l < MAXTOKLEN - 1)
			jw->w[jw->n][l++] = words[j++][0];
		if (j > i) {
			jw->w[jw->n][l] = '\0';
			jw->isinit[jw->n] = !in_table(WT_LEGAL, jw->w[jw->n]);
			jw->n++;
			i = j;
			continue;
		}
		jw->isinit[jw->n] = false;
		if ((ab = abd_prefix(words[i])) > 0) {
			(void)util_copy(jw->w[jw->n++], MAXTOKLEN, "abdal");
			if (allah_rest(words[i] + ab)) {
				jw->isinit[jw->n] = false;
				(void)util_copy(jw->w[jw->n++], MAXTOKLEN,
				    "lah");
			} else if (strlen(words[i] + ab) >= 3) {
				jw->isinit[jw->n] = false;
				(void)util_copy(jw->w[jw->n++], MAXTOKLEN,
				    words[i] + ab);
			}
			i++;
			continue;
		}
		(void)util_copy(jw->w[jw->n++], MAXTOKLEN,
		    abbrev_expand(words[i]));
		i++;
	}
}

/*
 * Counts the full words of <jw> (not a stopword, title, particle, legal
 * form or initials, two letters or more) and decides whether legal forms
 * stay: only if the name is nothing else.
 */
static size_t
count_full_words(const struct joined_words *jw, bool *keep_legal)
{
	size_t i, nfull = 0;

	*keep_legal = true;
	for (i = 0; i < jw->n; i++) {
		const char *x = jw->w[i];
		bool stop = in_table(WT_STOP | WT_TITLE, x) ||
		    particle_canon(x) != NULL;

		if (!stop && !in_table(WT_LEGAL, x))
			*keep_legal = false;
		if (!stop && !jw->isinit[i] && strlen(x) >= 2 &&
		    !in_table(WT_LEGAL, x))
			nfull++;
	}
	return nfull;
}

/*
 * The tokens of <jw> into <out> (MAXTOK at most): initials beside a full
 * word stay as written ("KOMID" alone stays whole), stopwords and titles
 * go unless they are the only word, legal forms go unless <keep_legal>,
 * particles get their small weight, the rest their canonical spelling.
 * Returns the count.
 */
static size_t
emit_tokens(const struct joined_words *jw, bool keep_legal, size_t nfull,
    struct qtok *out)
{
	size_t i, n = 0;

	for (i = 0; i < jw->n && n < MAXTOK; i++) {
		const char *x = jw->w[i], *pc;

		if (jw->isinit[i] && nfull > 0) {
			partyname_qtok_set(&out[n], x, false);
			out[n].len = util_copy(out[n].key,
			    sizeof(out[n].key), x);
			(void)util_copy(out[n].skel, sizeof(out[n].skel), x);
			out[n].poor = false;
			out[n++].initials = true;
			continue;
		}
		if (in_table(WT_STOP | WT_TITLE, x) && jw->n > 1)
			continue;
		if (!keep_legal &&
		    (in_table(WT_LEGAL, x) ||
		    legal_typo(x)))
			continue;
		if ((pc = particle_canon(x)) != NULL && jw->n > 1) {
			qtok_particle(&out[n++], pc, x[0]);
			continue;
		}
		partyname_qtok_set(&out[n++], x,
		    in_table(WT_GENERIC, x));
	}
	return n;
}

size_t
partyname_tokenize_known(const char *name, struct qtok *out,
    partyname_known_fn known, partyname_known_fn together,
    partyname_known_fn place, void *ctx, bool *changed)
{
	char *clean, *folded, *p, *save = NULL, *latin;
	char *words[MAXTOK * 2];
	char store[MAXTOK * 2][MAXTOKLEN], moved[MAXTOK * 2][MAXTOKLEN];
	struct joined_words jw;
	size_t nw = 0, n, nfull, i;
	bool keep_legal, listed[MAXTOK * 2];

	/* Latin letters, no apostrophes, folded, legal phrases out. */
	latin = party_translit(name);
	clean = drop_apostrophes(latin != NULL ? latin : name);
	free(latin);
	folded = normalize_fold_str(clean);
	free(clean);
	fold_ocr_digits(folded, known, ctx);
	drop_legal_phrases(folded);

	for (p = strtok_r(folded, " ", &save); p != NULL && nw < NELEM(words);
	    p = strtok_r(NULL, " ", &save))
		words[nw++] = p;
	if (changed != NULL)
		*changed = false;
	if (known != NULL) {
		/* Each word looked up once, for both passes. */
		if (together != NULL) {
			if (resegment(words, listed, nw, moved, known,
			    together, ctx) && changed != NULL)
				*changed = true;
		} else
			for (i = 0; i < nw; i++)
				listed[i] = known(ctx, words[i], NULL);
		if (split_unknown(words, listed, &nw, NELEM(words), store,
		    known, together, place, ctx) && changed != NULL)
			*changed = true;
	}

	join_words(words, nw, &jw);
	nfull = count_full_words(&jw, &keep_legal);
	n = emit_tokens(&jw, keep_legal, nfull, out);
	free(folded);
	return n;
}

char *
party_normalize_name(const char *name)
{
	struct qtok t[MAXTOK];
	struct buf b;
	size_t i, n;

	n = partyname_tokenize(name, t);
	buf_init(&b);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addc(&b, ' ');
		buf_adds(&b, t[i].key);
	}
	if (b.len == 0)
		return xstrdup("");
	return buf_release(&b);
}

