/*
 * The denied-party index and the name matching.  This module owns the party
 * records of every loaded list (UN, OFAC, BIS), the normalisation of names
 * into canonical tokens, the token index used for blocking and the scoring of
 * candidates.  It reads no files and keeps no globals: importers (partyload.c)
 * hand it records through a batch, which is merged only when its file parsed
 * without error.
 *
 * Matching works on tokens.  A name is folded (normalize_fold: case, accents,
 * Cyrillic, Greek and Arabic to Latin), apostrophes are dropped, runs of single
 * letters are joined ("S.A." -> "sa"), stopwords and legal forms go, and every
 * token is reduced to a canonical spelling that unifies the usual romanisation
 * variants of Korean, Persian and Arabic names (kh/h, q/gh/k, w/v, eo/o,
 * ou/oo/u, hard c/k, doubled letters, initial l/n/r and r-y, -yan/-ian,
 * -un/-on, -isation/-ization).  Both the listed names and the queries go through the
 * same steps, so no variant table of names is needed.
 *
 * Blocking: each token has a posting list of the names that contain it, and
 * three side indexes find tokens that are close to a query token: the
 * one-deletion neighbourhood (typos), the consonant skeleton (Arabic-script
 * names transliterated without vowels) and the concatenations of adjacent
 * tokens ("Nam Chon Gang" / "Namchongang").  Tokens so common that a name
 * sharing only them cannot reach the threshold are not used for blocking, so
 * the cost per query depends on the rare tokens, not on the list size.
 *
 * Scoring: a symmetric weighted token-set similarity.  Every token of both
 * sides counts with its weight (an IDF over the listed names, damped for
 * generic business and place words), and with the Jaro-Winkler similarity of
 * its best counterpart on the other side.  Extra distinctive words on either
 * side pull the score down; extra generic ones barely do.
 */
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>

#include "normalize.h"
#include "party.h"
#include "util.h"
#include "xmalloc.h"

#define MAXTOK		32	/* tokens kept per name or query */
#define MAXTOKLEN	64	/* bytes per token, NUL included */
#define GENERIC_DAMP	0.40	/* weight factor of generic words */
#define SIM_FLOOR	0.90	/* Jaro-Winkler below this counts as 0 */
#define VOWEL_SIM	0.93	/* same consonants, a vowel or two apart */
#define SKEL_SIM	0.90	/* similarity of equal consonant skeletons */
#define TYPO_SIM	0.88	/* one typing error in a longer word */
#define TYPO2_SIM	0.84	/* two in a long word */
#define INITIAL_SIM	0.85	/* a name written as its initial */
#define BLOCK_MIN_DF	64	/* tokens this rare are always used to block */
#define MAX_ERR_LINES	20	/* unresolved-row messages per file */
#define FUZZY_MINLEN	5	/* shorter tokens only match exactly */
#define COMMON_SHARE	200	/* a word in 1 name of 200 is common */
#define COMMON_MIN_DF	20	/* ... and in 20 names at least */

/* ------------------------------------------------------------------ */
/* Records, lists and batches                                          */

struct prec {
	struct party_record	 pub;
	char			*ref, *kind, *name, *regime, *listed_on;
	char			 country[3];
	char			**alias;
	uint8_t			 *aq;		/* enum party_quality per alias */
	size_t			 nalias, calias;
	char			 countries[PARTY_MAX_COUNTRIES * 3];
};

struct plist {
	char	*id, *title, *generated;
	size_t	 records, names;
};

struct plink {
	enum party_link	 type;
	char		*ref, *value, *file;
	int		 line;
	size_t		 list;		/* index into idx->lists */
};

struct party_batch {
	size_t		  list;
	struct prec	**recs;
	size_t		  nrecs, crecs;
	struct plink	 *links;
	size_t		  nlinks, clinks;
	char		 *generated;
	const char	 *file;
};

/* One searchable name: a record's primary name, alias or acronym. */
struct pname {
	uint32_t	 rec;
	uint32_t	 ntok;
	uint32_t	*tok;		/* token ids */
	const char	*text;		/* as published, borrowed from the record */
};

struct ptok {
	char		*key;		/* canonical spelling */
	char		*skel;		/* consonant skeleton */
	float		 w;		/* weight */
	uint32_t	 df;		/* names containing it */
	uint32_t	 post, npost;	/* slice of idx->post */
	uint8_t		 len;
	uint8_t		 generic;	/* any spelling was a generic word */
	uint8_t		 poor;		/* few vowels (Arabic transliteration) */
	uint8_t		 concat;	/* only a join of adjacent name tokens */
	uint8_t		 particle;	/* al, bin, abu */
	uint8_t		 initials;	/* initials of given names */
	uint32_t	 firsts;	/* first letters of its spellings */
};

/* A hashed key pointing at a token: deletion neighbourhoods, skeletons. */
struct hkey {
	uint64_t	h;
	uint32_t	tok;
};

struct party_index {
	struct plist	 *lists;
	size_t		  nlists;
	struct prec	**recs;
	size_t		  nrecs, crecs;
	struct plink	 *links;
	size_t		  nlinks, clinks;
	char		**files;	/* base names added, for duplicates */
	size_t		  nfiles;
	bool		  prepared;

	/* Built by party_prepare(). */
	struct pname	 *names;
	size_t		  nnames, cnames;
	struct ptok	 *toks;
	size_t		  ntoks, ctoks;
	uint32_t	 *tab;		/* open addressing: token id + 1 */
	size_t		  tabmask;
	uint32_t	 *post;		/* postings: name ids */
	struct hkey	 *dels, *skels, *poorskels;
	size_t		  ndels, nskels, npoorskels;
	struct prec	**byref;	/* records sorted by (list, ref) */
	double		  maxw;		/* weight of a token no list has */
	uint32_t	  common_df;	/* names a common word is in */
};

/* A token of a query or of a name being built. */
struct qtok {
	char	key[MAXTOKLEN];
	char	skel[MAXTOKLEN];
	size_t	len;
	bool	generic, poor;
	bool	particle;	/* al, bin, abu: a small weight */
	bool	initials;	/* given names written as initials */
	char	first;		/* first letter before canonical spelling */
	char	raw[MAXTOKLEN];	/* the folded word, for explanations */
};

static struct prec	*prec_new(void);
static void		 prec_free(struct prec *);
static size_t		 index_list(struct party_index *, const char *);
static void		 index_add_alias(struct prec *, const char *,
			    enum party_quality);

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
	"mawlawi", "mawlavi", "miss", "mr", "mrs", "ms", "mulla", "mullah",
	"prof", "shaikh", "shaykh", "sheik", "sheikh",
};

/*
 * Name particles: the Arabic article and "son of" / "father of" words,
 * written apart, hyphenated or glued to the next word.  They stay as tokens
 * of a small weight, so that joins find "Alharamain" in "Al-Haramain" and
 * "Bentaher" in "Ben Taher", and map to one spelling each.
 */
static const struct particle {
	const char	*word, *canon;
} particles[] = {
	{ "abou", "abu" }, { "abu", "abu" }, { "al", "al" }, { "ben", "bin" },
	{ "bin", "bin" }, { "bint", "bint" }, { "bn", "bin" },
	{ "el", "al" }, { "ibn", "bin" }, { "ol", "al" }, { "ould", "bin" },
	{ "ul", "al" }, { "walad", "bin" }, { "wuld", "bin" },
};
#define PARTICLE_W	0.1	/* weight of a particle token */

/* Sorted: legal forms in their folded, single-letters-joined spelling. */
static const char *const legalforms[] = {
	"ab", "ad", "ag", "ao", "as", "asa", "bhd", "bv", "cc", "cia", "cie",
	"cjsc", "co", "company", "corp", "corporation", "cv", "dd", "doo",
	"ehf", "fzc", "fzco", "fze", "fzllc", "gmbh", "inc", "incorporated",
	"jsc", "jsco", "kft", "kg", "kk", "lda", "limited", "llc", "llp",
	"lp", "ltd", "ltda", "mbh", "nv", "oao", "ojsc", "ooo", "oy", "oyj",
	"pao", "pjsc", "plc", "pt", "pte", "pty", "pvt", "sa", "sae", "sal",
	"sarl", "sas", "sdn", "sirketi", "sl", "sp", "spa", "srl", "sro",
	"sti", "tbk", "tov", "wll", "zao", "zoo", "zrt",
};

/*
 * Legal forms of several words, in folded spelling: written out in their
 * language, or romanised from Chinese, Japanese and Korean.  Dropped as a
 * whole wherever they stand.
 */
static const char *const legalphrases[] = {
	"aktsionernoe obshchestvo", "chusik hoesa", "closed joint stock",
	"co ltd", "gong si", "joint stock company", "jusik hoesa",
	"jusighoesa", "jusikhoesa", "kabushiki gaisha", "kabushiki kaisha",
	"limited liability company", "limited sirketi", "open joint stock",
	"private limited", "public joint stock", "sanayi ve ticaret",
	"ticaret ve sanayi", "you xian gong si", "youxian gongsi",
	"zhu shi hui she",
};

/*
 * Sorted: generic words of company names and places.  They keep a small
 * weight, so that sharing them with a listed name proves little.
 */
static const char *const generics[] = {
	"agency", "airlines", "aviation", "bank", "banking", "branch",
	"bureau", "center", "central", "centre", "chemical", "chemicals",
	"china", "chinese", "commercial", "committee", "construction",
	"consulting", "cooperation", "cooperative", "corporate", "department",
	"development", "dprk", "east", "economic", "electric", "electrical",
	"electronics", "energy", "engineering", "enterprise", "enterprises",
	"equipment", "establishment", "export", "exports", "factory",
	"finance", "financial", "firm", "foreign", "foundation", "freight",
	"general", "global", "group", "headquarters", "holding", "holdings",
	"import", "imports", "industrial", "industries", "industry",
	"institute", "insurance", "international", "investment",
	"investments", "iran", "iranian", "joint", "korea", "korean",
	"logistics", "machinery", "management", "manufacturing", "marine",
	"maritime", "materials", "metal", "metals", "middle", "mining",
	"ministry", "national", "navigation", "north", "office", "oil",
	"organisation", "organization", "overseas", "petroleum", "power",
	"products", "republic", "research", "resources", "russia", "russian",
	"sanayi", "science", "scientific", "service", "services", "shipping",
	"south", "state", "supplies", "supply", "syria", "syrian", "systems",
	"technical", "technologies", "technology", "ticaret", "trade",
	"trading", "transport", "united", "venture", "west", "world",
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

static int
cmp_abbrev(const void *a, const void *b)
{
	return strcmp(((const struct abbrev *)a)->abbr,
	    ((const struct abbrev *)b)->abbr);
}

static const char *
abbrev_expand(const char *w)
{
	struct abbrev key = { w, NULL }, *f;

	f = bsearch(&key, abbrevs, sizeof(abbrevs) / sizeof(abbrevs[0]),
	    sizeof(abbrevs[0]), cmp_abbrev);
	return f ? f->full : w;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool
in_table(const char *const *tab, size_t n, const char *w)
{
	return bsearch(&w, tab, n, sizeof(*tab), cmp_str) != NULL;
}

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------ */
/* Other scripts                                                       */

/*
 * Names in their own script (Hangul, Chinese characters, Arabic, Persian,
 * Cyrillic, Greek, ...) go to Latin letters through ICU's "Any-Latin;
 * Latin-ASCII" transform (Cyrillic first through "Russian-Latin/BGN"), for the listed original-script names and the
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

/*
 * Optimal string alignment distance of <a> and <b> (insertions,
 * deletions, substitutions, swaps of neighbours), or <max> + 1 as soon as
 * it is known to exceed <max>.
 */
static size_t
edit_distance(const char *a, size_t la, const char *b, size_t lb, size_t max)
{
	size_t d[3][MAXTOKLEN + 1], i, j, rowmin;
	size_t *pp, *p, *c;

	if (la >= MAXTOKLEN || lb >= MAXTOKLEN)
		return max + 1;
	if ((la > lb ? la - lb : lb - la) > max)
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
is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static bool
ends_with(const char *s, size_t n, const char *suf)
{
	size_t k = strlen(suf);

	return n >= k && memcmp(s + n - k, suf, k) == 0;
}

/*
 * Reduces folded token <in> to its canonical spelling in <out> (MAXTOKLEN).
 * Only lowercase letters are rewritten; digits pass through.
 */
static void
canon_token(const char *in, char *out)
{
	char t[MAXTOKLEN * 2];
	size_t i, n = 0, len = strlen(in);

	for (i = 0; i < len && n < sizeof(t) - 2; i++) {
		char c = in[i], d = in[i + 1];

		if (strncmp(in + i, "isation", 7) == 0) {
			memcpy(t + n, "iza", 3);
			n += 3;
			i += 2;
			continue;
		}
		/* Cyrillic spelling of Arabic gh (гх). */
		if (strncmp(in + i, "gkh", 3) == 0) {
			t[n++] = 'k';
			i += 2;
			continue;
		}
		if (strncmp(in + i, "dzh", 3) == 0) {
			t[n++] = 'j';
			i += 2;
			continue;
		}
		if (strncmp(in + i, "tch", 3) == 0) {
			t[n++] = 'c';
			t[n++] = 'h';
			i += 2;
			continue;
		}
		if ((c == 'k' && d == 'h') || (c == 'g' && d == 'h')) {
			t[n++] = c == 'k' ? 'h' : 'k';
			i++;
			continue;
		}
		if ((c == 'p' && d == 'h')) {
			t[n++] = 'f';
			i++;
			continue;
		}
		if ((c == 'c' && d == 'k') || (c == 'd' && d == 'j')) {
			t[n++] = c == 'c' ? 'k' : 'j';
			i++;
			continue;
		}
		if ((c == 'e' && d == 'o') || (c == 'o' && d == 'u') ||
		    (c == 'o' && d == 'o')) {
			t[n++] = c == 'e' ? 'o' : 'u';
			i++;
			continue;
		}
		if ((c == 'e' && d == 'e') || (c == 'i' && d == 'y')) {
			t[n++] = 'i';
			i++;
			continue;
		}
		/*
		 * French "ou" before a vowel is w (Anouar / Anwar, Ouahid);
		 * Arabic th is s in Persian and Turkish spellings (Othman /
		 * Osman); Korean eu is u (Eun / Un).
		 */
		if (c == 'o' && d == 'u' && is_vowel(in[i + 2]) &&
		    (i == 0 || !is_vowel(in[i - 1]))) {
			t[n++] = 'v';
			i++;
			continue;
		}
		if (c == 't' && d == 'h') {
			t[n++] = 's';
			i++;
			continue;
		}
		if (c == 'e' && d == 'u') {
			t[n++] = 'u';
			i++;
			continue;
		}
		/* Final y after a consonant is i (Aly / Ali, Zaidy / Zaidi). */
		if (c == 'y' && d == '\0' && i >= 2 && !is_vowel(in[i - 1])) {
			t[n++] = 'i';
			continue;
		}
		/* Silent h after a vowel in a short word (Hahn / Han). */
		if (c == 'h' && i > 0 && len <= 5 && is_vowel(in[i - 1]) &&
		    (d == '\0' || !is_vowel(d)) && n > 0)
			continue;
		/* Wade-Giles hs is pinyin x (Hsu / Xu). */
		if (i == 0 && c == 'h' && d == 's' && len <= 6) {
			t[n++] = 'x';
			i++;
			continue;
		}
		/* Pinyin zh is Wade-Giles ch (Zhang / Chang). */
		if (i == 0 && c == 'z' && d == 'h' && len <= 6) {
			t[n++] = 'j';
			i++;
			continue;
		}
		/* Hard c is k (Cyrillic and Korean spellings have no c). */
		if (c == 'q' || (c == 'c' && d != 'h' && d != 'e' &&
		    d != 'i' && d != 'y'))
			c = 'k';
		else if (c == 'w')
			c = 'v';
		t[n++] = c;
	}
	t[n] = '\0';

	/* Doubled letters: Hemmat / Hemat, Mohammad / Mohamad (not in short
	 * tokens, which are mostly acronyms: SPP is not SP). */
	if (n > 4) {
		size_t j = 0;

		for (i = 0; i < n; i++)
			if (j == 0 || t[i] != t[j - 1] ||
			    (t[i] >= '0' && t[i] <= '9'))
				t[j++] = t[i];
		n = j;
		t[n] = '\0';
	}

	/* Endings: -yan / -ian, Korean -un / -on, -ung / -ong. */
	if (n > 4 && ends_with(t, n, "yan") && !is_vowel(t[n - 4]))
		t[n - 3] = 'i';
	if (n > 4 && ends_with(t, n, "ung"))
		t[n - 3] = 'o';
	else if (n > 3 && ends_with(t, n, "un"))
		t[n - 2] = 'o';

	/*
	 * Korean syllables romanised two ways: Revised Romanization voices the
	 * initial consonant where McCune-Reischauer does not (Dong / Tong,
	 * Gang / Kang, Bong / Pong, Jong / Chong).  Only for short tokens of
	 * one syllable's shape: consonant, vowels, optional n / ng / l / k / m
	 * / p / t.
	 */
	if (n >= 2 && n <= 6 && strchr("bdgj", t[0]) != NULL &&
	    (is_vowel(t[1]) || ((t[1] == 'y' || t[1] == 'w') && n >= 3 &&
	    is_vowel(t[2])))) {
		size_t v = t[1] == 'y' || t[1] == 'w' ? 2 : 1;

		while (v < n && is_vowel(t[v]))
			v++;
		if (v == n || strcmp(t + v, "n") == 0 ||
		    strcmp(t + v, "ng") == 0 || strcmp(t + v, "l") == 0 ||
		    strcmp(t + v, "k") == 0 || strcmp(t + v, "m") == 0 ||
		    strcmp(t + v, "p") == 0 || strcmp(t + v, "t") == 0) {
			if (t[0] == 'j') {
				if (n + 1 < sizeof(t)) {
					memmove(t + 2, t + 1, n);
					t[0] = 'c';
					t[1] = 'h';
					n++;
				}
			} else
				t[0] = t[0] == 'b' ? 'p' : t[0] == 'd' ? 't' : 'k';
		}
	}

	/* The Korean family names written most ways: Ri, Choe. */
	if (strcmp(t, "li") == 0 || strcmp(t, "yi") == 0 ||
	    strcmp(t, "rhi") == 0 || strcmp(t, "ni") == 0) {
		memcpy(t, "ri", 3);
		n = 2;
	} else if (strcmp(t, "choi") == 0 || strcmp(t, "chwe") == 0) {
		memcpy(t, "choe", 5);
		n = 4;
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

static void
qtok_set(struct qtok *q, const char *folded, bool generic)
{
	memset(q, 0, sizeof(*q));
	q->first = folded[0];
	snprintf(q->raw, sizeof(q->raw), "%s", folded);
	canon_token(folded, q->key);
	q->len = strlen(q->key);
	q->poor = poor_token(q->key);
	/*
	 * Arabic script writes the article attached: "altkryty" is
	 * al-Tikriti.
	 */
	if (q->poor && q->len >= 5 && strncmp(q->key, "al", 2) == 0) {
		memmove(q->key, q->key + 2, q->len - 1);
		q->len -= 2;
	}
	/* Initial "ay" before a consonant is "i" (Arabic alef-ya: Iran). */
	if (q->len > 3 && q->key[0] == 'a' && q->key[1] == 'y' &&
	    !is_vowel(q->key[2])) {
		memmove(q->key, q->key + 1, q->len);
		q->key[0] = 'i';
		q->len--;
	}
	skel_token(q->key, q->skel);
	q->poor = poor_token(q->key);
	q->generic = generic;
}

/* A particle's token: its one spelling, never rewritten further. */
static void
qtok_particle(struct qtok *q, const char *canon, char first)
{
	memset(q, 0, sizeof(*q));
	snprintf(q->key, sizeof(q->key), "%s", canon);
	q->len = strlen(q->key);
	snprintf(q->skel, sizeof(q->skel), "%s", canon);
	q->particle = true;
	q->first = first;
	snprintf(q->raw, sizeof(q->raw), "%s", canon);
}

static int
cmp_particle(const void *a, const void *b)
{
	return strcmp(((const struct particle *)a)->word,
	    ((const struct particle *)b)->word);
}

static const char *
particle_canon(const char *w)
{
	struct particle key = { w, NULL }, *f;

	f = bsearch(&key, particles, NELEM(particles), sizeof(particles[0]),
	    cmp_particle);
	return f ? f->canon : NULL;
}

/*
 * "Abdul", "Abdel", "Abdal", "Abdoul", "Abdur" are "Abd al-": one spelling,
 * "abdal"; glued to the next name ("Abdulkarim") they are split from it.
 * Returns the length of the prefix in <w> (0 if none).
 */
static size_t
abd_prefix(const char *w)
{
	static const char *const pre[] = {
		"abdoul", "abdool", "abdul", "abdel", "abdal", "abdol",
		"abdur", "abdar", "abder", "abdu",
	};
	size_t i, n;

	for (i = 0; i < NELEM(pre); i++) {
		n = strlen(pre[i]);
		if (strncmp(w, pre[i], n) == 0)
			return n;
	}
	return 0;
}

/* Removes the legal phrases of several words from folded <s>, in place. */
static void
drop_legal_phrases(char *s)
{
	size_t i, n, len;
	char *p;

	for (i = 0; i < NELEM(legalphrases); i++) {
		n = strlen(legalphrases[i]);
		p = s;
		while ((p = strstr(p, legalphrases[i])) != NULL) {
			if ((p > s && p[-1] != ' ') ||
			    (p[n] != '\0' && p[n] != ' ')) {
				p++;
				continue;
			}
			len = strlen(p + n);
			memset(p, ' ', n);
			(void)len;
			p += n;
		}
	}
}

/* True if <w> is one edit from a legal form of 6 letters or more
 * ("Cmopany", "Limted"): typed legal forms go like the right ones. */
static bool
legal_typo(const char *w)
{
	static const char *const longforms[] = {
		"company", "corporation", "incorporated", "limited",
	};
	size_t i, n = strlen(w);

	if (n < 6)
		return false;
	for (i = 0; i < NELEM(longforms); i++)
		if (edit_distance(w, n, longforms[i], strlen(longforms[i]),
		    1) <= 1)
			return true;
	return false;
}

/*
 * Splits <name> into canonical tokens; returns the count (<= MAXTOK).
 * Apostrophes join (P'yongyang), single letters in a row join ("S.A.");
 * stopwords, titles and legal forms go unless nothing else would remain.
 * A run of single letters in a name that has other words is a set of
 * initials ("A. R. KHALIL"), not an acronym.
 */
static size_t
tokenize(const char *name, struct qtok *out)
{
	char *clean, *folded, *p, *save = NULL, *latin;
	char *words[MAXTOK * 2];
	char joined[MAXTOK * 2][MAXTOKLEN];
	bool isinit[MAXTOK * 2];
	size_t nw = 0, nj = 0, i, n = 0, len, k = 0, nfull = 0;
	bool keep_legal;

	latin = party_translit(name);
	if (latin != NULL)
		name = latin;
	len = strlen(name);
	/* Drop apostrophes: ASCII ', `, and U+2018, U+2019, U+02BC. */
	clean = xmalloc(len + 1);
	for (i = 0; i < len; i++) {
		const unsigned char *u = (const unsigned char *)name + i;

		if (*u == '\'' || *u == '`')
			continue;
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
	free(latin);
	folded = normalize_fold_str(clean);
	free(clean);
	drop_legal_phrases(folded);

	for (p = strtok_r(folded, " ", &save); p != NULL && nw < NELEM(words);
	    p = strtok_r(NULL, " ", &save))
		words[nw++] = p;

	/* Join runs of single letters; split "Abdulkarim". */
	for (i = 0; i < nw && nj + 1 < NELEM(joined); ) {
		size_t j = i, l = 0, ab;

		while (j < nw && strlen(words[j]) == 1 &&
		    words[j][0] >= 'a' && words[j][0] <= 'z' &&
		    l < MAXTOKLEN - 1)
			joined[nj][l++] = words[j++][0];
		if (j > i) {
			joined[nj][l] = '\0';
			isinit[nj] = !in_table(legalforms, NELEM(legalforms),
			    joined[nj]);
			nj++;
			i = j;
			continue;
		}
		isinit[nj] = false;
		if ((ab = abd_prefix(words[i])) > 0) {
			snprintf(joined[nj++], MAXTOKLEN, "abdal");
			if (strlen(words[i] + ab) >= 3) {
				isinit[nj] = false;
				snprintf(joined[nj++], MAXTOKLEN, "%s",
				    words[i] + ab);
			}
			i++;
			continue;
		}
		snprintf(joined[nj++], MAXTOKLEN, "%s",
		    abbrev_expand(words[i]));
		i++;
	}

	/* Keep legal forms only if the name is nothing else. */
	keep_legal = true;
	for (i = 0; i < nj; i++) {
		bool stop = in_table(stopwords, NELEM(stopwords), joined[i]) ||
		    in_table(titles, NELEM(titles), joined[i]) ||
		    particle_canon(joined[i]) != NULL;

		if (!stop && !in_table(legalforms, NELEM(legalforms),
		    joined[i]))
			keep_legal = false;
		if (!stop && !isinit[i] && strlen(joined[i]) >= 2 &&
		    !in_table(legalforms, NELEM(legalforms), joined[i]))
			nfull++;
	}
	for (i = 0; i < nj && n < MAXTOK; i++) {
		const char *pc;

		/* Initials only beside a full word: "KOMID" stays whole. */
		if (isinit[i] && nfull > 0) {
			qtok_set(&out[n], joined[i], false);
			snprintf(out[n].key, sizeof(out[n].key), "%s",
			    joined[i]);
			out[n].len = strlen(out[n].key);
			snprintf(out[n].skel, sizeof(out[n].skel), "%s",
			    joined[i]);
			out[n].poor = false;
			out[n++].initials = true;
			continue;
		}
		if ((in_table(stopwords, NELEM(stopwords), joined[i]) ||
		    in_table(titles, NELEM(titles), joined[i])) && nj > 1)
			continue;
		if (!keep_legal &&
		    (in_table(legalforms, NELEM(legalforms), joined[i]) ||
		    legal_typo(joined[i])))
			continue;
		if ((pc = particle_canon(joined[i])) != NULL && nj > 1) {
			qtok_particle(&out[n++], pc, joined[i][0]);
			continue;
		}
		qtok_set(&out[n++], joined[i],
		    in_table(generics, NELEM(generics), joined[i]));
	}
	free(folded);
	return n;
}

char *
party_normalize_name(const char *name)
{
	struct qtok t[MAXTOK];
	struct buf b;
	size_t i, n;

	n = tokenize(name, t);
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

/* ------------------------------------------------------------------ */
/* Similarity                                                          */

/* Jaro-Winkler similarity of two strings of at most MAXTOKLEN bytes. */
static double
jaro_winkler(const char *a, size_t la, const char *b, size_t lb)
{
	bool ma[MAXTOKLEN], mb[MAXTOKLEN];
	size_t i, j, m = 0, t = 0, k, range, lo, hi, prefix = 0;
	double jaro;

	if (la == 0 || lb == 0)
		return 0.0;
	range = (la > lb ? la : lb) / 2;
	range = range > 0 ? range - 1 : 0;
	memset(ma, 0, la);
	memset(mb, 0, lb);
	for (i = 0; i < la; i++) {
		lo = i > range ? i - range : 0;
		hi = i + range + 1 < lb ? i + range + 1 : lb;
		for (j = lo; j < hi; j++) {
			if (mb[j] || a[i] != b[j])
				continue;
			ma[i] = mb[j] = true;
			m++;
			break;
		}
	}
	if (m == 0)
		return 0.0;
	for (i = 0, k = 0; i < la; i++) {
		if (!ma[i])
			continue;
		while (!mb[k])
			k++;
		if (a[i] != b[k])
			t++;
		k++;
	}
	jaro = ((double)m / la + (double)m / lb +
	    ((double)m - t / 2.0) / m) / 3.0;
	while (prefix < 4 && prefix < la && prefix < lb &&
	    a[prefix] == b[prefix])
		prefix++;
	return jaro + prefix * 0.1 * (1.0 - jaro);
}

/*
 * Similarity of two canonical tokens: 1 if equal; Jaro-Winkler above the
 * floor for tokens of FUZZY_MINLEN letters or more that start alike (the
 * canonical spelling already unifies the usual first-letter variants); equal
 * consonant skeletons when one side lacks vowels (transliterated Arabic
 * script); else 0.  <strict> when one side is a single token.
 */
static bool
vowel_pair(char x, char y)
{
	return (x == 'i' && y == 'e') || (x == 'e' && y == 'i') ||
	    (x == 'u' && y == 'o') || (x == 'o' && y == 'u') ||
	    (x == 'a' && y == 'e') || (x == 'e' && y == 'a') ||
	    (x == 'a' && y == 'u') || (x == 'u' && y == 'a');
}

/*
 * Consonants that romanisations of one sound write differently: Egyptian
 * g for j (Gamal / Jamal), Turkish c for j (Cemal), French ch for sh
 * (Chaker / Shaker), Persian z for Arabic d or dh (Ramazan / Ramadan).
 */
static bool
consonant_pair(const char *a, const char *b, size_t x)
{
	char p = a[x], q = b[x];

	if (p > q) {
		char t = p;

		p = q;
		q = t;
	}
	if ((p == 'g' && q == 'j') || (p == 'c' && q == 'j') ||
	    (p == 'd' && q == 'z'))
		return true;
	/* ch / sh */
	return p == 'c' && q == 's' && a[x + 1] == 'h' && b[x + 1] == 'h';
}

static double
token_sim(const char *a, size_t la, const char *sa, bool pa,
    const char *b, size_t lb, const char *sb, bool pb, bool strict)
{
	double jw;
	size_t shorter = la < lb ? la : lb, d;

	if (la == lb && memcmp(a, b, la) == 0)
		return 1.0;
	if (!strict && (pa || pb) && strlen(sa) >= 3 && strcmp(sa, sb) == 0)
		return SKEL_SIM;
	/*
	 * Transliterations of Arabic and Persian names differ mostly in their
	 * vowels (Asim / Asem, Esmatullah / Asmatullah, Abdallah / Abdullah)
	 * and in a consonant or so (Gamal / Jamal): same length, the same
	 * letters elsewhere.
	 */
	if (!strict && la == lb && la >= 4) {
		size_t x, diff = 0, cons = 0;

		for (x = 0; x < la; x++) {
			if (a[x] == b[x])
				continue;
			if (vowel_pair(a[x], b[x]))
				diff++;
			else if (consonant_pair(a, b, x) && cons == 0)
				cons++;
			else
				break;
		}
		if (x == la && diff * 4 <= la && (cons == 0 || la >= 5))
			return cons ? VOWEL_SIM - 0.03 : VOWEL_SIM;
	}
	if (la < FUZZY_MINLEN - 1 || lb < FUZZY_MINLEN - 1)
		return 0.0;
	if (la >= FUZZY_MINLEN && lb >= FUZZY_MINLEN) {
		jw = jaro_winkler(a, la, b, lb);
		/* A lone token stands for the whole name: only near-exact. */
		if (strict)
			return la >= 7 && lb >= 7 && jw >= 0.95 &&
			    a[0] == b[0] ? jw : 0.0;
		if (jw >= SIM_FLOOR && (a[0] == b[0] || (is_vowel(a[0]) &&
		    is_vowel(b[0]) && la >= 7 && lb >= 7)))
			return jw;
	} else if (strict)
		return 0.0;
	/*
	 * Typing errors: one letter wrong, missing, added or swapped in a
	 * word of five letters or more (one missing from a word of five:
	 * "Abdl" for Abdul); two in a word of eight or more.  Words of four
	 * letters are mostly syllables of Korean or Chinese names, where one
	 * letter makes another name (Sang / Song).
	 */
	if (shorter < 4 || (la + lb) < 9)
		return 0.0;
	if (shorter < 8) {
		/* One edit leaves one of the first two letters in place. */
		if (a[0] != b[0] && a[1] != b[1] && a[0] != b[1] &&
		    a[1] != b[0])
			return 0.0;
		d = edit_distance(a, la, b, lb, 1);
	} else
		d = edit_distance(a, la, b, lb, 2);
	if (d == 1 && (shorter >= 5 || la != lb))
		return TYPO_SIM;
	if (d == 2 && shorter >= 8)
		return TYPO2_SIM;
	return 0.0;
}

/* ------------------------------------------------------------------ */
/* Construction                                                        */

static struct prec *
prec_new(void)
{
	return xcalloc(1, sizeof(struct prec));
}

static void
prec_free(struct prec *r)
{
	size_t i;

	if (r == NULL)
		return;
	free(r->ref);
	free(r->kind);
	free(r->name);
	free(r->regime);
	free(r->listed_on);
	for (i = 0; i < r->nalias; i++)
		free(r->alias[i]);
	free(r->alias);
	free(r->aq);
	free(r);
}

static void
index_add_alias(struct prec *r, const char *alias, enum party_quality q)
{
	size_t i;

	if (alias == NULL || *alias == '\0' || strcmp(alias, r->name) == 0)
		return;
	for (i = 0; i < r->nalias; i++)
		if (strcmp(r->alias[i], alias) == 0) {
			/* Listed twice: the better grade counts. */
			if (q == PARTY_Q_GOOD)
				r->aq[i] = PARTY_Q_GOOD;
			return;
		}
	if (r->nalias == r->calias) {
		r->calias = r->calias ? r->calias * 2 : 4;
		r->alias = xreallocarray(r->alias, r->calias, sizeof(char *));
		r->aq = xreallocarray(r->aq, r->calias, sizeof(*r->aq));
	}
	r->aq[r->nalias] = (uint8_t)q;
	r->alias[r->nalias++] = xstrdup(alias);
	r->pub.aliases = (const char *const *)r->alias;
	r->pub.alias_quality = r->aq;
	r->pub.naliases = r->nalias;
}

/* Adds ISO code <iso> to the countries of <r> if new and there is room. */
static void
prec_add_country(struct prec *r, const char *iso)
{
	size_t n = strlen(r->countries);

	if (strstr(r->countries, iso) != NULL ||
	    n + 3 >= sizeof(r->countries))
		return;
	if (n > 0)
		r->countries[n++] = ' ';
	memcpy(r->countries + n, iso, 3);
}

static const struct {
	const char	*id, *title;
} list_titles[] = {
	{ "un-sc", "UN Security Council Consolidated List" },
	{ "ofac-sdn", "OFAC Specially Designated Nationals (SDN) List" },
	{ "bis-dpl", "BIS Denied Persons List" },
};

/* Index of list <id> in idx->lists, added if new. */
static size_t
index_list(struct party_index *idx, const char *id)
{
	size_t i;

	for (i = 0; i < idx->nlists; i++)
		if (strcmp(idx->lists[i].id, id) == 0)
			return i;
	idx->lists = xreallocarray(idx->lists, idx->nlists + 1,
	    sizeof(*idx->lists));
	memset(&idx->lists[i], 0, sizeof(idx->lists[i]));
	idx->lists[i].id = xstrdup(id);
	idx->lists[i].title = xstrdup(id);
	for (size_t k = 0; k < NELEM(list_titles); k++)
		if (strcmp(list_titles[k].id, id) == 0) {
			free(idx->lists[i].title);
			idx->lists[i].title = xstrdup(list_titles[k].title);
		}
	idx->nlists++;
	return i;
}

struct party_index *
party_index_new(void)
{
	return xcalloc(1, sizeof(struct party_index));
}

static void
link_free(struct plink *l)
{
	free(l->ref);
	free(l->value);
	free(l->file);
}

void
party_index_free(struct party_index *idx)
{
	size_t i;

	if (idx == NULL)
		return;
	for (i = 0; i < idx->nrecs; i++)
		prec_free(idx->recs[i]);
	free(idx->recs);
	for (i = 0; i < idx->nlists; i++) {
		free(idx->lists[i].id);
		free(idx->lists[i].title);
		free(idx->lists[i].generated);
	}
	free(idx->lists);
	for (i = 0; i < idx->nlinks; i++)
		link_free(&idx->links[i]);
	free(idx->links);
	for (i = 0; i < idx->nfiles; i++)
		free(idx->files[i]);
	free(idx->files);
	for (i = 0; i < idx->nnames; i++)
		free(idx->names[i].tok);
	free(idx->names);
	for (i = 0; i < idx->ntoks; i++) {
		free(idx->toks[i].key);
		free(idx->toks[i].skel);
	}
	free(idx->toks);
	free(idx->tab);
	free(idx->post);
	free(idx->dels);
	free(idx->skels);
	free(idx->poorskels);
	free(idx->byref);
	free(idx);
}

/* ------------------------------------------------------------------ */
/* Batches (the importers' side)                                       */

void
party_batch_record(struct party_batch *b, const char *ref, const char *kind,
    const char *name, const char *regime, const char *listed_on,
    const char *country)
{
	struct prec *r = prec_new();

	r->ref = xstrdup(ref ? ref : "");
	r->kind = xstrdup(kind ? kind : "entity");
	r->name = xstrdup(name ? name : "");
	r->regime = xstrdup(regime ? regime : "");
	r->listed_on = listed_on && *listed_on ? xstrdup(listed_on) : NULL;
	if (b->nrecs == b->crecs) {
		b->crecs = b->crecs ? b->crecs * 2 : 256;
		b->recs = xreallocarray(b->recs, b->crecs, sizeof(*b->recs));
	}
	b->recs[b->nrecs++] = r;
	party_batch_country(b, country);
}

void
party_batch_alias(struct party_batch *b, const char *alias,
    enum party_quality q)
{
	if (b->nrecs == 0 || alias == NULL)
		return;
	index_add_alias(b->recs[b->nrecs - 1], alias, q);
}

void
party_batch_country(struct party_batch *b, const char *country)
{
	struct prec *r;
	const char *iso;

	if (b->nrecs == 0 || country == NULL)
		return;
	r = b->recs[b->nrecs - 1];
	if ((iso = party_country_iso(country)) == NULL)
		return;
	prec_add_country(r, iso);
	if (r->country[0] == '\0')
		memcpy(r->country, iso, 3);
}

void
party_batch_link(struct party_batch *b, enum party_link type, const char *ref,
    const char *value, int line)
{
	struct plink *l;

	if (b->nlinks == b->clinks) {
		b->clinks = b->clinks ? b->clinks * 2 : 256;
		b->links = xreallocarray(b->links, b->clinks,
		    sizeof(*b->links));
	}
	l = &b->links[b->nlinks++];
	l->type = type;
	l->ref = xstrdup(ref);
	l->value = xstrdup(value);
	l->file = xstrdup(b->file);
	l->line = line;
	l->list = b->list;
}

void
party_batch_generated(struct party_batch *b, const char *when)
{
	free(b->generated);
	b->generated = xstrdup(when);
}

static void
batch_free(struct party_batch *b)
{
	size_t i;

	for (i = 0; i < b->nrecs; i++)
		prec_free(b->recs[i]);
	free(b->recs);
	for (i = 0; i < b->nlinks; i++)
		link_free(&b->links[i]);
	free(b->links);
	free(b->generated);
}

/* ------------------------------------------------------------------ */
/* Adding files                                                        */

static const char *
base_name(const char *name)
{
	const char *s = strrchr(name, '/');

	return s ? s + 1 : name;
}

static bool
is_xml_name(const char *b)
{
	size_t n = strlen(b);

	return n > 4 && strcasecmp(b + n - 4, ".xml") == 0;
}

bool
party_is_list_file(const char *name)
{
	const char *b = base_name(name);

	return is_xml_name(b) || strcmp(b, "sdn.csv") == 0 ||
	    strcmp(b, "alt.csv") == 0 || strcmp(b, "add.csv") == 0 ||
	    strcmp(b, "dpl.txt") == 0;
}

bool
party_is_list_data(const char *name, const char *data, size_t len)
{
	size_t i, n;

	if (!party_is_list_file(name))
		return false;
	if (!is_xml_name(base_name(name)))
		return true;
	/* The first element that is not <?...?> or <!...>. */
	for (i = 0; i < len; i++) {
		if (data[i] != '<' || i + 1 >= len || data[i + 1] == '?' ||
		    data[i + 1] == '!')
			continue;
		n = strlen("CONSOLIDATED_LIST");
		return len - i - 1 >= n &&
		    memcmp(data + i + 1, "CONSOLIDATED_LIST", n) == 0;
	}
	return false;
}

int
party_add_file(struct party_index *idx, const char *name, const char *data,
    size_t len, struct buf *errs)
{
	struct party_batch b;
	const char *bn = base_name(name);
	const char *list;
	int nerr = 0;
	size_t i, nnames = 0;
	int (*load)(struct party_batch *, const char *, const char *, size_t,
	    struct buf *);

	if (idx->prepared) {
		buf_printf(errs, "%s:1: the party index is already prepared\n",
		    bn);
		return 1;
	}
	if (is_xml_name(bn)) {
		list = "un-sc";
		load = partyload_un_xml;
	} else if (strcmp(bn, "sdn.csv") == 0) {
		list = "ofac-sdn";
		load = partyload_ofac_sdn;
	} else if (strcmp(bn, "alt.csv") == 0) {
		list = "ofac-sdn";
		load = partyload_ofac_alt;
	} else if (strcmp(bn, "add.csv") == 0) {
		list = "ofac-sdn";
		load = partyload_ofac_add;
	} else if (strcmp(bn, "dpl.txt") == 0) {
		list = "bis-dpl";
		load = partyload_bis_dpl;
	} else {
		buf_printf(errs, "%s:1: not a party list file (expected a UN "
		    "consolidated list *.xml, sdn.csv, alt.csv, add.csv or "
		    "dpl.txt)\n", bn);
		return 1;
	}
	for (i = 0; i < idx->nfiles; i++) {
		if (strcmp(idx->files[i], bn) == 0 ||
		    (is_xml_name(bn) && is_xml_name(idx->files[i]))) {
			buf_printf(errs, "%s:1: list already loaded from %s\n",
			    bn, idx->files[i]);
			return 1;
		}
	}

	memset(&b, 0, sizeof(b));
	b.file = bn;
	/* The list is created only if the file loads; index it lazily. */
	b.list = (size_t)-1;
	for (i = 0; i < idx->nlists; i++)
		if (strcmp(idx->lists[i].id, list) == 0)
			b.list = i;
	if (b.list == (size_t)-1)
		b.list = idx->nlists;	/* the index it will get */
	nerr = load(&b, bn, data, len, errs);
	if (nerr > 0)
		goto fail;

	b.list = index_list(idx, list);
	for (i = 0; i < b.nrecs; i++) {
		b.recs[i]->pub.list_id = idx->lists[b.list].id;
		nnames += 1 + b.recs[i]->nalias;
	}
	if (idx->nrecs + b.nrecs > idx->crecs) {
		idx->crecs = (idx->nrecs + b.nrecs) * 2;
		idx->recs = xreallocarray(idx->recs, idx->crecs,
		    sizeof(*idx->recs));
	}
	if (b.nrecs > 0)
		memcpy(idx->recs + idx->nrecs, b.recs,
		    b.nrecs * sizeof(*b.recs));
	idx->nrecs += b.nrecs;
	idx->lists[b.list].records += b.nrecs;
	idx->lists[b.list].names += nnames;
	if (b.generated != NULL) {
		free(idx->lists[b.list].generated);
		idx->lists[b.list].generated = b.generated;
		b.generated = NULL;
	}
	b.nrecs = 0;
	if (idx->nlinks + b.nlinks > idx->clinks) {
		idx->clinks = (idx->nlinks + b.nlinks) * 2;
		idx->links = xreallocarray(idx->links, idx->clinks,
		    sizeof(*idx->links));
	}
	for (i = 0; i < b.nlinks; i++)
		b.links[i].list = b.list;
	if (b.nlinks > 0)
		memcpy(idx->links + idx->nlinks, b.links,
		    b.nlinks * sizeof(*b.links));
	idx->nlinks += b.nlinks;
	b.nlinks = 0;
	idx->files = xreallocarray(idx->files, idx->nfiles + 1,
	    sizeof(*idx->files));
	idx->files[idx->nfiles++] = xstrdup(bn);
	batch_free(&b);
	return 0;

fail:
	batch_free(&b);
	return nerr;
}

/* ------------------------------------------------------------------ */
/* Preparing                                                           */

static int
cmp_byref(const void *a, const void *b)
{
	const struct prec *x = *(const struct prec *const *)a;
	const struct prec *y = *(const struct prec *const *)b;
	int c = strcmp(x->pub.list_id, y->pub.list_id);

	return c != 0 ? c : strcmp(x->ref, y->ref);
}

static struct prec *
index_find(const struct party_index *idx, const char *list, const char *ref)
{
	struct prec key, *kp = &key, **found;

	if (idx->byref == NULL)
		return NULL;
	memset(&key, 0, sizeof(key));
	key.pub.list_id = list;
	key.ref = (char *)ref;
	found = bsearch(&kp, idx->byref, idx->nrecs, sizeof(*idx->byref),
	    cmp_byref);
	return found ? *found : NULL;
}

/* Applies OFAC alt/add rows; returns the count of unresolved rows. */
static int
index_resolve_links(struct party_index *idx, struct buf *errs)
{
	size_t i, shown = 0, more = 0;
	const char *lastfile = NULL;
	int nerr = 0;

	for (i = 0; i < idx->nlinks; i++) {
		struct plink *l = &idx->links[i];
		struct prec *r = index_find(idx, idx->lists[l->list].id,
		    l->ref);

		if (lastfile == NULL || strcmp(lastfile, l->file) != 0) {
			if (more > 0)
				buf_printf(errs, "%s: %zu more rows refer to "
				    "unknown entries\n", lastfile, more);
			lastfile = l->file;
			shown = more = 0;
		}
		if (r == NULL) {
			nerr++;
			if (shown++ < MAX_ERR_LINES)
				buf_printf(errs, "%s:%d: ent_num %s is not in "
				    "sdn.csv\n", l->file, l->line, l->ref);
			else
				more++;
			continue;
		}
		if (l->type == PARTY_LINK_ALIAS) {
			index_add_alias(r, l->value, PARTY_Q_NONE);
			idx->lists[l->list].names++;
		} else {
			const char *iso = party_country_iso(l->value);

			if (iso != NULL) {
				prec_add_country(r, iso);
				if (r->country[0] == '\0')
					memcpy(r->country, iso, 3);
			}
		}
	}
	if (more > 0)
		buf_printf(errs, "%s: %zu more rows refer to unknown "
		    "entries\n", lastfile, more);
	return nerr;
}

/*
 * Bracketed or quoted parts of a listed name ("(KOMID)", "\"NCG\"") become
 * aliases of their own; <stripped> gets the name without them.
 */
static void
split_acronyms(const char *name, struct buf *stripped, char ***parts,
    size_t *nparts)
{
	const char *p = name;

	buf_reset(stripped);
	while (*p != '\0') {
		char close = 0;
		const char *q;

		if (*p == '(')
			close = ')';
		else if (*p == '[')
			close = ']';
		else if (*p == '"')
			close = '"';
		if (close == 0 || (q = strchr(p + 1, close)) == NULL) {
			buf_addc(stripped, *p++);
			continue;
		}
		if (q > p + 1) {
			*parts = xreallocarray(*parts, *nparts + 1,
			    sizeof(char *));
			(*parts)[(*nparts)++] = xstrndup(p + 1,
			    (size_t)(q - p - 1));
		}
		buf_addc(stripped, ' ');
		p = q + 1;
	}
	if (stripped->len == 0)
		buf_adds(stripped, "");
}

static uint64_t
hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a */
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h ^ (h >> 29);
}

static void
tab_grow(struct party_index *idx)
{
	size_t cap = idx->tabmask ? (idx->tabmask + 1) * 2 : 1024, i;
	uint32_t *t = xcalloc(cap, sizeof(uint32_t));

	for (i = 0; i < idx->ntoks; i++) {
		size_t h = hash_bytes(idx->toks[i].key, idx->toks[i].len) &
		    (cap - 1);

		while (t[h] != 0)
			h = (h + 1) & (cap - 1);
		t[h] = (uint32_t)i + 1;
	}
	free(idx->tab);
	idx->tab = t;
	idx->tabmask = cap - 1;
}

/* Token id of canonical <key>, or -1. */
static long
tok_lookup(const struct party_index *idx, const char *key, size_t len)
{
	size_t h;

	if (idx->tab == NULL)
		return -1;
	h = hash_bytes(key, len) & idx->tabmask;
	while (idx->tab[h] != 0) {
		const struct ptok *t = &idx->toks[idx->tab[h] - 1];

		if (t->len == len && memcmp(t->key, key, len) == 0)
			return (long)idx->tab[h] - 1;
		h = (h + 1) & idx->tabmask;
	}
	return -1;
}

static uint32_t
letter_bit(char c)
{
	return c >= 'a' && c <= 'z' ? 1u << (c - 'a') : 0;
}

static uint32_t
tok_intern(struct party_index *idx, const struct qtok *q, bool concat)
{
	long id = tok_lookup(idx, q->key, q->len);
	struct ptok *t;

	if (id >= 0) {
		t = &idx->toks[id];
		t->generic |= q->generic;
		if (!concat)
			t->concat = 0;
		t->firsts |= letter_bit(q->first);
		return (uint32_t)id;
	}
	if ((idx->ntoks + 1) * 2 > idx->tabmask + 1 || idx->tab == NULL)
		tab_grow(idx);
	if (idx->ntoks == idx->ctoks) {
		idx->ctoks = idx->ctoks ? idx->ctoks * 2 : 4096;
		idx->toks = xreallocarray(idx->toks, idx->ctoks,
		    sizeof(*idx->toks));
	}
	t = &idx->toks[idx->ntoks];
	memset(t, 0, sizeof(*t));
	t->key = xstrdup(q->key);
	t->skel = xstrdup(q->skel);
	t->len = (uint8_t)q->len;
	t->generic = q->generic;
	t->poor = q->poor;
	t->concat = concat;
	t->particle = q->particle;
	t->initials = q->initials;
	t->firsts = letter_bit(q->first) | letter_bit(q->key[0]);
	{
		size_t h = hash_bytes(q->key, q->len) & idx->tabmask;

		while (idx->tab[h] != 0)
			h = (h + 1) & idx->tabmask;
		idx->tab[h] = (uint32_t)idx->ntoks + 1;
	}
	return (uint32_t)idx->ntoks++;
}

/* Canonical join of tokens <t>[i..i+n). */
static void
join_tokens(const struct qtok *t, size_t i, size_t n, struct qtok *out)
{
	char raw[MAXTOKLEN * 4];
	size_t k, l = 0;

	for (k = i; k < i + n; k++) {
		if (l + t[k].len >= sizeof(raw))
			break;
		memcpy(raw + l, t[k].key, t[k].len);
		l += t[k].len;
	}
	raw[l] = '\0';
	if (l >= MAXTOKLEN)
		raw[MAXTOKLEN - 1] = '\0';
	qtok_set(out, raw, false);
}

static void
index_add_name(struct party_index *idx, uint32_t rec, const char *text,
    const char *match_text, uint32_t **pairs, size_t *npairs, size_t *cpairs)
{
	struct qtok t[MAXTOK];
	struct pname *nm;
	size_t n, i, span;

	if ((n = tokenize(match_text, t)) == 0)
		return;
	if (idx->nnames == idx->cnames) {
		idx->cnames = idx->cnames ? idx->cnames * 2 : 4096;
		idx->names = xreallocarray(idx->names, idx->cnames,
		    sizeof(*idx->names));
	}
	nm = &idx->names[idx->nnames];
	nm->rec = rec;
	nm->text = text;
	nm->ntok = (uint32_t)n;
	nm->tok = xreallocarray(NULL, n, sizeof(uint32_t));
	for (i = 0; i < n; i++)
		nm->tok[i] = tok_intern(idx, &t[i], false);

	/* Postings (token, name); joins of 2 and 3 adjacent tokens too. */
	for (span = 1; span <= 3; span++) {
		for (i = 0; i + span <= n; i++) {
			uint32_t tid;

			if (span == 1) {
				tid = nm->tok[i];
			} else {
				struct qtok j;

				join_tokens(t, i, span, &j);
				tid = tok_intern(idx, &j, true);
			}
			if (*npairs + 2 > *cpairs) {
				*cpairs = *cpairs ? *cpairs * 2 : 65536;
				*pairs = xreallocarray(*pairs, *cpairs,
				    sizeof(uint32_t));
			}
			(*pairs)[(*npairs)++] = tid;
			(*pairs)[(*npairs)++] = (uint32_t)idx->nnames;
		}
	}
	idx->nnames++;
}

static int
cmp_pair(const void *a, const void *b)
{
	const uint32_t *x = a, *y = b;

	if (x[0] != y[0])
		return x[0] < y[0] ? -1 : 1;
	if (x[1] != y[1])
		return x[1] < y[1] ? -1 : 1;
	return 0;
}

static int
cmp_hkey(const void *a, const void *b)
{
	const struct hkey *x = a, *y = b;

	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	if (x->tok != y->tok)
		return x->tok < y->tok ? -1 : 1;
	return 0;
}

static void
hkey_push(struct hkey **v, size_t *n, size_t *cap, uint64_t h, uint32_t tok)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 65536;
		*v = xreallocarray(*v, *cap, sizeof(**v));
	}
	(*v)[*n].h = h;
	(*v)[(*n)++].tok = tok;
}

static void
hkey_sort(struct hkey *v, size_t *n)
{
	size_t i, j = 0;

	if (*n == 0)
		return;
	qsort(v, *n, sizeof(*v), cmp_hkey);
	for (i = 0; i < *n; i++)
		if (j == 0 || cmp_hkey(&v[i], &v[j - 1]) != 0)
			v[j++] = v[i];
	*n = j;
}

/* Hash of <key> with the byte at <skip> left out (skip >= len: none). */
static uint64_t
hash_deletion(const char *key, size_t len, size_t skip)
{
	char tmp[MAXTOKLEN];

	if (skip >= len)
		return hash_bytes(key, len);
	memcpy(tmp, key, skip);
	memcpy(tmp + skip, key + skip + 1, len - skip - 1);
	return hash_bytes(tmp, len - 1);
}

int
party_prepare(struct party_index *idx, struct buf *errs)
{
	struct buf stripped;
	uint32_t *pairs = NULL;
	size_t npairs = 0, cpairs = 0, i, j, cdels = 0, cskels = 0, cpoor = 0;
	int nerr;

	if (idx->prepared)
		return 0;
	idx->byref = xreallocarray(NULL, idx->nrecs ? idx->nrecs : 1,
	    sizeof(*idx->byref));
	if (idx->nrecs > 0) {
		memcpy(idx->byref, idx->recs, idx->nrecs * sizeof(*idx->recs));
		qsort(idx->byref, idx->nrecs, sizeof(*idx->byref), cmp_byref);
	}
	nerr = index_resolve_links(idx, errs);

	/* Names: primary, aliases, and bracketed parts as aliases. */
	buf_init(&stripped);
	for (i = 0; i < idx->nrecs; i++) {
		struct prec *r = idx->recs[i];
		size_t na = r->nalias, k;

		for (k = 0; k <= na; k++) {
			const char *text = k == 0 ? r->name : r->alias[k - 1];
			char **parts = NULL;
			size_t nparts = 0, p;

			split_acronyms(text, &stripped, &parts, &nparts);
			index_add_name(idx, (uint32_t)i, text, stripped.data,
			    &pairs, &npairs, &cpairs);
			for (p = 0; p < nparts; p++) {
				index_add_alias(r, parts[p],
				    k == 0 ? PARTY_Q_NONE : r->aq[k - 1]);
				free(parts[p]);
			}
			free(parts);
		}
		/* Aliases added above are indexed in this loop too. */
		for (k = na; k < r->nalias; k++)
			index_add_name(idx, (uint32_t)i, r->alias[k],
			    r->alias[k], &pairs, &npairs, &cpairs);
		r->pub.ref = r->ref;
		r->pub.kind = r->kind;
		r->pub.name = r->name;
		r->pub.regime = r->regime;
		r->pub.listed_on = r->listed_on;
		r->pub.country = r->country[0] ? r->country : NULL;
		r->pub.aliases = (const char *const *)r->alias;
		r->pub.alias_quality = r->aq;
		r->pub.naliases = r->nalias;
		r->pub.countries = r->countries;
	}
	buf_free(&stripped);
	/* "names" per list: what is searchable, acronyms included. */
	for (i = 0; i < idx->nlists; i++)
		idx->lists[i].names = 0;
	for (i = 0; i < idx->nnames; i++) {
		const struct prec *r = idx->recs[idx->names[i].rec];

		for (j = 0; j < idx->nlists; j++)
			if (r->pub.list_id == idx->lists[j].id)
				idx->lists[j].names++;
	}

	/* Postings in CSR form, one entry per (token, name). */
	if (npairs > 0)
		qsort(pairs, npairs / 2, 2 * sizeof(uint32_t), cmp_pair);
	idx->post = xreallocarray(NULL, npairs / 2 + 1, sizeof(uint32_t));
	for (i = 0, j = 0; i < npairs; i += 2) {
		struct ptok *t = &idx->toks[pairs[i]];

		if (i > 0 && pairs[i] == pairs[i - 2] &&
		    pairs[i + 1] == pairs[i - 1])
			continue;
		if (t->npost == 0)
			t->post = (uint32_t)j;
		idx->post[j++] = pairs[i + 1];
		t->npost++;
	}
	free(pairs);

	/* Weights: IDF over names, damped for generic words. */
	idx->maxw = log(1.0 + (double)(idx->nnames + 1));
	idx->common_df = (uint32_t)(idx->nnames / COMMON_SHARE);
	if (idx->common_df < COMMON_MIN_DF)
		idx->common_df = COMMON_MIN_DF;
	for (i = 0; i < idx->ntoks; i++) {
		struct ptok *t = &idx->toks[i];
		double w;

		t->df = t->npost;
		w = log(1.0 + (double)(idx->nnames + 1) / (t->df + 1.0));
		if (t->generic)
			w *= GENERIC_DAMP;
		if (t->particle)
			w = PARTICLE_W;
		t->w = (float)w;
	}

	/* Side indexes: one-deletion neighbourhoods and skeletons. */
	for (i = 0; i < idx->ntoks; i++) {
		struct ptok *t = &idx->toks[i];
		size_t s, sl = strlen(t->skel);

		if (t->len >= FUZZY_MINLEN - 1)
			for (s = 0; s <= t->len; s++)
				hkey_push(&idx->dels, &idx->ndels, &cdels,
				    hash_deletion(t->key, t->len, s),
				    (uint32_t)i);
		if (sl >= 3 && !t->concat) {
			hkey_push(&idx->skels, &idx->nskels, &cskels,
			    hash_bytes(t->skel, sl), (uint32_t)i);
			if (t->poor)
				hkey_push(&idx->poorskels, &idx->npoorskels,
				    &cpoor, hash_bytes(t->skel, sl),
				    (uint32_t)i);
		}
	}
	hkey_sort(idx->dels, &idx->ndels);
	hkey_sort(idx->skels, &idx->nskels);
	hkey_sort(idx->poorskels, &idx->npoorskels);
	idx->prepared = true;
	return nerr;
}

/* ------------------------------------------------------------------ */
/* Accessors                                                           */

size_t
party_count(const struct party_index *idx)
{
	return idx->nrecs;
}

const struct party_record *
party_get(const struct party_index *idx, size_t i)
{
	return i < idx->nrecs ? &idx->recs[i]->pub : NULL;
}

const struct party_record *
party_find(const struct party_index *idx, const char *list_id,
    const char *ref)
{
	struct prec *r;
	size_t i;

	if (idx->byref != NULL) {
		r = index_find(idx, list_id, ref);
		return r ? &r->pub : NULL;
	}
	for (i = 0; i < idx->nrecs; i++) {
		r = idx->recs[i];
		if (strcmp(r->pub.list_id, list_id) == 0 &&
		    strcmp(r->ref, ref) == 0)
			return &r->pub;
	}
	return NULL;
}

json_t *
party_lists_info(const struct party_index *idx)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < idx->nlists; i++) {
		const struct plist *l = &idx->lists[i];

		json_array_append_new(a, json_pack("{s:s, s:s, s:I, s:I, s:o}",
		    "id", l->id, "title", l->title,
		    "records", (json_int_t)l->records,
		    "names", (json_int_t)l->names,
		    "generated", l->generated ? json_string(l->generated) :
		    json_null()));
	}
	return a;
}

/* ------------------------------------------------------------------ */
/* Searching                                                           */

/* A query token with what the index knows about it. */
struct qinfo {
	struct qtok	 t;
	long		 id;		/* exact token id or -1 */
	double		 w;		/* weight if nothing better is known */
	double		 wfull;		/* the same, not damped if generic */
	uint32_t	 df;		/* blocking cost */
};

struct query {
	struct qinfo	 q[MAXTOK];
	size_t		 n;
	struct qtok	 joins[MAXTOK * 2];	/* joins of 2 and 3 tokens */
	size_t		 jfrom[MAXTOK * 2], jspan[MAXTOK * 2], njoins;
	size_t		 ninitials;		/* tokens that are initials */
	uint64_t	 lens;			/* bit L: a token of length L */
};

struct cand {
	uint32_t	*v;
	size_t		 n, cap;
};

static void
cand_add_postings(const struct party_index *idx, struct cand *c, uint32_t tok)
{
	const struct ptok *t = &idx->toks[tok];

	if (t->npost == 0)
		return;
	if (c->n + t->npost > c->cap) {
		c->cap = (c->n + t->npost) * 2 + 64;
		c->v = xreallocarray(c->v, c->cap, sizeof(uint32_t));
	}
	memcpy(c->v + c->n, idx->post + t->post, t->npost * sizeof(uint32_t));
	c->n += t->npost;
}

static const struct hkey *
hkey_find(const struct hkey *v, size_t n, uint64_t h, size_t *count)
{
	size_t lo = 0, hi = n, e;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (v[mid].h < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (e = lo; e < n && v[e].h == h; e++)
		;
	*count = e - lo;
	return v + lo;
}

/* Token ids close to <q>: exact, one edit, same skeleton.  Returns count. */
static size_t
close_tokens(const struct party_index *idx, const struct qtok *q,
    uint32_t *out, size_t max)
{
	size_t n = 0, s, k, cnt;
	long id = tok_lookup(idx, q->key, q->len);
	const struct hkey *h;

	if (id >= 0)
		out[n++] = (uint32_t)id;
	if (q->len >= FUZZY_MINLEN) {
		for (s = 0; s <= q->len; s++) {
			h = hkey_find(idx->dels, idx->ndels,
			    hash_deletion(q->key, q->len, s), &cnt);
			for (k = 0; k < cnt && n < max; k++)
				out[n++] = h[k].tok;
		}
	}
	if (strlen(q->skel) >= 3) {
		if (q->poor)
			h = hkey_find(idx->skels, idx->nskels,
			    hash_bytes(q->skel, strlen(q->skel)), &cnt);
		else
			h = hkey_find(idx->poorskels, idx->npoorskels,
			    hash_bytes(q->skel, strlen(q->skel)), &cnt);
		for (k = 0; k < cnt && n < max; k++)
			out[n++] = h[k].tok;
	}
	return n;
}

static void
query_build(const struct party_index *idx, const char *name, struct query *qu)
{
	struct qtok t[MAXTOK];
	size_t i, span;

	memset(qu, 0, sizeof(*qu));
	qu->n = tokenize(name, t);
	for (i = 0; i < qu->n; i++) {
		struct qinfo *q = &qu->q[i];

		q->t = t[i];
		q->id = tok_lookup(idx, t[i].key, t[i].len);
		qu->ninitials += t[i].initials;
		qu->lens |= 1ULL << (t[i].len & 63);
		if (t[i].particle) {
			q->w = q->wfull = PARTICLE_W;
			q->df = UINT32_MAX;
		} else if (t[i].initials) {
			/* Counts only if it finds nothing (see score_name). */
			q->w = q->wfull = idx->maxw * 0.3;
			q->df = UINT32_MAX;
		} else if (q->id >= 0 && !idx->toks[q->id].concat) {
			q->w = idx->toks[q->id].w;
			q->wfull = idx->toks[q->id].generic ?
			    q->w / GENERIC_DAMP : q->w;
			q->df = idx->toks[q->id].df;
		} else {
			q->wfull = idx->maxw;
			q->w = q->wfull * (t[i].generic ? GENERIC_DAMP : 1.0);
			q->df = 0;
		}
	}
	for (span = 2; span <= 3; span++)
		for (i = 0; i + span <= qu->n && qu->njoins < MAXTOK * 2;
		    i++) {
			join_tokens(t, i, span, &qu->joins[qu->njoins]);
			qu->jfrom[qu->njoins] = i;
			qu->jspan[qu->njoins++] = span;
		}
}

/* How a listed word was found, for the evidence of a hit. */
enum how {
	HOW_NONE, HOW_EXACT, HOW_VARIANT, HOW_TYPO, HOW_INITIAL, HOW_JOINED,
};

struct detail {
	uint8_t	how[MAXTOK];		/* per listed token */
	int8_t	from[MAXTOK];		/* query token it matched, or -1 */
	int8_t	jspan[MAXTOK];		/* query tokens joined into it */
	bool	qused[MAXTOK];		/* query tokens that found something */
	bool	dropped;		/* listed words missing, forgiven */
};

static enum how
how_of(double s)
{
	return s >= 1.0 ? HOW_EXACT : s == TYPO_SIM || s == TYPO2_SIM ?
	    HOW_TYPO : s > 0 ? HOW_VARIANT : HOW_NONE;
}

/*
 * Initials: the letters of query token <qi> stand for listed words not
 * matched yet, in the listed order (a run "F. M." for FAZL MOHAMMAD).
 * Returns true and marks them if every letter found a word.
 */
static bool
match_initials(const struct ptok *const *nt, size_t k, const struct qtok *q,
    bool *ntaken, size_t *pick)
{
	size_t l, j, pos = 0;

	for (l = 0; l < q->len; l++) {
		for (j = pos; j < k; j++)
			if (!ntaken[j] && !nt[j]->particle &&
			    !nt[j]->initials && nt[j]->len >= 2 &&
			    (nt[j]->firsts & letter_bit(q->key[l])) != 0)
				break;
		if (j == k)
			return false;
		pick[l] = j;
		pos = j + 1;
	}
	for (l = 0; l < q->len; l++)
		ntaken[pick[l]] = true;
	return true;
}

/*
 * Scores name <nm> against the query.  Tokens of each side that join into
 * a token of the other side count as that one token; initials count for
 * the listed words they begin.  <det>, if not NULL, gets how each listed
 * word was found.
 */
static double
score_name(const struct party_index *idx, const struct query *qu,
    const struct pname *nm, struct detail *det)
{
	const struct ptok *nt[MAXTOK];
	bool qmerged[MAXTOK], nmerged[MAXTOK], ninit[MAXTOK];
	double qbest[MAXTOK], qw[MAXTOK], nbest[MAXTOK], num = 0, den = 0;
	size_t i, j, k = nm->ntok, m = qu->n, span, pick[MAXTOK];
	int nfrom[MAXTOK];
	bool strict, covered, allgeneric, unmatched;
	size_t found, full;
	double wfound, wmissing;
	bool individual = strcmp(idx->recs[nm->rec]->pub.kind ?
	    idx->recs[nm->rec]->pub.kind : "", "individual") == 0;

	if (k > MAXTOK)
		k = MAXTOK;
	for (j = 0; j < k; j++) {
		nt[j] = &idx->toks[nm->tok[j]];
		nmerged[j] = ninit[j] = false;
		nfrom[j] = -1;
		nbest[j] = 0;
	}
	for (i = 0; i < m; i++) {
		qmerged[i] = false;
		qbest[i] = 0;
		qw[i] = qu->q[i].w;
	}
	if (det != NULL) {
		memset(det, 0, sizeof(*det));
		memset(det->from, -1, sizeof(det->from));
	}

	/* Single short tokens (acronyms) match exactly or not at all. */
	if (m == 1 && k == 1 && (qu->q[0].t.len <= 6 || nt[0]->len <= 6)) {
		if (strcmp(qu->q[0].t.key, nt[0]->key) != 0)
			return 0.0;
		if (det != NULL) {
			det->how[0] = HOW_EXACT;
			det->from[0] = 0;
			det->qused[0] = true;
		}
		return 1.0;
	}
	strict = m == 1 || k == 1;

	/* Query joins close to a name token: "nam chon gang", "al haramain". */
	for (i = 0; i < qu->njoins; i++) {
		const struct qtok *jt = &qu->joins[i];
		size_t f = qu->jfrom[i], sp = qu->jspan[i], x;
		bool free_span = true;

		for (x = f; x < f + sp; x++)
			free_span &= !qmerged[x] && !qu->q[x].t.initials;
		if (!free_span)
			continue;
		for (j = 0; j < k; j++) {
			double sim;

			if (nmerged[j] || nt[j]->key[0] != jt->key[0] ||
			    (size_t)nt[j]->len + 2 < jt->len ||
			    jt->len + 2 < nt[j]->len)
				continue;
			sim = nt[j]->len == jt->len &&
			    strcmp(nt[j]->key, jt->key) == 0 ? 1.0 :
			    token_sim(nt[j]->key, nt[j]->len, nt[j]->skel,
			    nt[j]->poor, jt->key, jt->len, jt->skel, jt->poor,
			    false);
			if (sim < 0.85)
				continue;
			for (x = f; x < f + sp; x++)
				qmerged[x] = true;
			nmerged[j] = true;
			num += 2 * nt[j]->w * sim;
			den += 2 * nt[j]->w;
			if (det != NULL) {
				det->how[j] = HOW_JOINED;
				det->from[j] = (int8_t)f;
				det->jspan[j] = (int8_t)sp;
				for (x = f; x < f + sp; x++)
					det->qused[x] = true;
			}
			break;
		}
	}
	/* Name joins equal to a query token: "namchongang". */
	for (span = 3; span >= 2; span--) {
		for (j = 0; j + span <= k; j++) {
			struct qtok jt, parts[3];
			size_t x;
			bool free_span = true;
			double w = 0;

			size_t sum = 0;

			for (x = j; x < j + span; x++) {
				free_span &= !nmerged[x];
				sum += nt[x]->len;
			}
			/* Only if a query token is about that long. */
			if (!free_span || sum >= 62 || (qu->lens &
			    (0x1fULL << (sum - 2))) == 0)
				continue;
			for (x = 0; x < span; x++) {
				memcpy(parts[x].key, nt[j + x]->key,
				    (size_t)nt[j + x]->len + 1);
				parts[x].len = nt[j + x]->len;
			}
			join_tokens(parts, 0, span, &jt);
			for (i = 0; i < m; i++) {
				if (qmerged[i] || qu->q[i].t.len != jt.len ||
				    strcmp(qu->q[i].t.key, jt.key) != 0)
					continue;
				for (x = j; x < j + span; x++) {
					nmerged[x] = true;
					w += nt[x]->w;
					if (det != NULL) {
						det->how[x] = HOW_JOINED;
						det->from[x] = (int8_t)i;
					}
				}
				qmerged[i] = true;
				if (det != NULL)
					det->qused[i] = true;
				num += 2 * w;
				den += 2 * w;
				break;
			}
		}
	}

	/*
	 * Initials of the query ("C. Y. CHUN") for listed words, once the
	 * full words have found theirs: a listed word that a full query word
	 * matches is not taken by an initial.
	 */
	full = 0;
	for (i = 0; i < m; i++)
		if (!qu->q[i].t.initials && !qu->q[i].t.particle)
			full++;
	if (full > 0 && qu->ninitials > 0) {
		bool ntaken[MAXTOK];

		for (j = 0; j < k; j++) {
			ntaken[j] = nmerged[j];
			for (i = 0; i < m && !ntaken[j]; i++)
				if (!qmerged[i] && !qu->q[i].t.initials &&
				    token_sim(nt[j]->key, nt[j]->len,
				    nt[j]->skel, nt[j]->poor, qu->q[i].t.key,
				    qu->q[i].t.len, qu->q[i].t.skel,
				    qu->q[i].t.poor, strict) >= 0.9)
					ntaken[j] = true;
		}
		for (i = 0; i < m; i++) {
			size_t l;

			if (!qu->q[i].t.initials || qmerged[i] ||
			    !match_initials(nt, k, &qu->q[i].t, ntaken, pick))
				continue;
			qmerged[i] = true;
			for (l = 0; l < qu->q[i].t.len; l++) {
				j = pick[l];
				ninit[j] = nmerged[j] = true;
				num += nt[j]->w * INITIAL_SIM;
				den += nt[j]->w;
				if (det != NULL) {
					det->how[j] = HOW_INITIAL;
					det->from[j] = (int8_t)i;
					det->qused[i] = true;
				}
			}
		}
	}

	/* Every remaining token against its best counterpart. */
	for (j = 0; j < k; j++) {
		double best = 0;
		size_t bi = 0;

		if (nmerged[j])
			continue;
		for (i = 0; i < m; i++) {
			double sim;

			if (qmerged[i])
				continue;
			if (nt[j]->initials && nt[j]->len == 1 &&
			    !qu->q[i].t.particle && qu->q[i].t.len >= 2 &&
			    (qu->q[i].t.first == nt[j]->key[0] ||
			    qu->q[i].t.key[0] == nt[j]->key[0]))
				sim = INITIAL_SIM;	/* listed initial */
			else
				sim = token_sim(nt[j]->key, nt[j]->len,
				    nt[j]->skel, nt[j]->poor, qu->q[i].t.key,
				    qu->q[i].t.len, qu->q[i].t.skel,
				    qu->q[i].t.poor, strict);
			if (sim > best) {
				best = sim;
				bi = i;
			}
			if (sim > qbest[i]) {
				qbest[i] = sim;
				/* A query token the lists do not know takes
				 * the weight of what it matched. */
				if (qu->q[i].id < 0 ||
				    idx->toks[qu->q[i].id].concat)
					qw[i] = nt[j]->w;
			}
		}
		nbest[j] = best;
		nfrom[j] = best > 0 ? (int)bi : -1;
		if (det != NULL && best > 0) {
			det->how[j] = nt[j]->initials && best == INITIAL_SIM ?
			    HOW_INITIAL : how_of(best);
			det->from[j] = (int8_t)bi;
			det->qused[bi] = true;
		}
	}
	/*
	 * People are often written without their middle names or
	 * patronymics ("Akhmed Chataev" for AKHMED RAJAPOVICH CHATAEV).
	 * When every word of the query is found in a listed individual's
	 * name, including its first or last word and at least two of its
	 * words, the listed words that found nothing weigh a quarter.
	 */
	covered = m >= 2 && k >= 3 && individual;
	for (i = 0; covered && i < m; i++)
		if (!qmerged[i] && qbest[i] < 0.9 && !qu->q[i].t.particle)
			covered = false;
	if (covered && !((nmerged[0] || nbest[0] >= 0.9) ||
	    (nmerged[k - 1] || nbest[k - 1] >= 0.9)))
		covered = false;
	/*
	 * ... at least two of the listed words were found, and together they
	 * weigh more than the heaviest word not found: common given names
	 * alone ("Ali Hassan") do not stand in for a rare family name.
	 */
	wfound = wmissing = 0;
	for (j = 0, found = 0; covered && j < k; j++) {
		if (nt[j]->particle)
			continue;
		if (nmerged[j] || nbest[j] >= 0.9) {
			found++;
			wfound += nt[j]->w;
		} else if (nt[j]->w > wmissing)
			wmissing = nt[j]->w;
	}
	if (found < 2 || wfound < wmissing)
		covered = false;
	allgeneric = true;
	unmatched = false;
	for (j = 0; j < k; j++) {
		double w = nt[j]->w;

		if (nmerged[j] || nbest[j] >= 0.85) {
			if (!nt[j]->generic && !nt[j]->particle)
				allgeneric = false;
		} else if (!nt[j]->particle)
			unmatched = true;
		if (nmerged[j])
			continue;
		if (covered && nbest[j] < 0.5) {
			w *= 0.25;
			if (det != NULL && !nt[j]->particle)
				det->dropped = true;
		}
		num += w * nbest[j];
		den += w;
	}
	/*
	 * A one-word listed name ("SUNRISE") found inside a longer query
	 * proves little: the query's other words count in full even if they
	 * are generic ("Sunrise Engineering").
	 */
	for (i = 0; i < m; i++) {
		if (qmerged[i])
			continue;
		if (k == 1 && qbest[i] == 0)
			qw[i] = qu->q[i].wfull;
		num += qw[i] * qbest[i];
		den += qw[i];
	}
	(void)nfrom;
	/*
	 * Only generic words in common and part of the listed name missing
	 * ("United Development Bank" against KOREA UNITED DEVELOPMENT BANK):
	 * the words say what kind of firm it is, not which one.
	 */
	if (den > 0 && allgeneric && unmatched)
		return 0.92 * num / den;
	return den > 0 ? num / den : 0.0;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}


static int
cmp_qdf(const void *a, const void *b, void *arg)
{
	const struct qinfo *q = arg;
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	if (q[x].df != q[y].df)
		return q[x].df > q[y].df ? -1 : 1;
	return 0;
}

/* A hit while searching: which name, found through which form. */
struct ihit {
	struct party_hit	 h;
	uint32_t		 name;
	unsigned		 form;		/* PARTY_D_ADDRESS, _CAREOF */
	const char		*text;		/* the form searched */
};

struct hits {
	struct ihit	*v;
	size_t		 n, cap;
	char		**texts;	/* forms searched, owned */
	size_t		 ntexts;
};

/*
 * Searches one form of the query; appends best-per-record hits to <hs>,
 * their score times <factor> (forms that leave words out weigh a little
 * less).  <name> is kept until the search ends.
 */
static void
search_one(const struct party_index *idx, char *name, double threshold,
    double factor, unsigned form, struct hits *hs)
{
	struct query *qu = xmalloc(sizeof(*qu));
	struct cand c = { NULL, 0, 0 };
	bool skip[MAXTOK];
	size_t order[MAXTOK], i, j, nclose;
	uint32_t close[512];
	double total = 0, skipped = 0;
	uint32_t lastrec = UINT32_MAX;
	size_t besthit = 0;

	query_build(idx, name, qu);
	if (qu->n == 0)
		goto done;

	/*
	 * Blocking budget: leave out the commonest tokens as long as a name
	 * sharing only those could not reach the threshold.
	 */
	for (i = 0; i < qu->n; i++) {
		order[i] = i;
		skip[i] = false;
		total += qu->q[i].w;
	}
	qsort_r(order, qu->n, sizeof(size_t), cmp_qdf, qu->q);
	for (i = 0; i < qu->n; i++) {
		const struct qinfo *q = &qu->q[order[i]];
		double s = skipped + q->w;

		if (q->df < BLOCK_MIN_DF)
			break;
		if (2 * s / (2 * s + (total - s)) >= threshold * 0.95)
			break;
		skip[order[i]] = true;
		skipped = s;
	}
	for (i = 0; i < qu->n; i++) {
		if (skip[i] || qu->q[i].t.initials || qu->q[i].t.particle)
			continue;
		nclose = close_tokens(idx, &qu->q[i].t, close, NELEM(close));
		for (j = 0; j < nclose; j++)
			cand_add_postings(idx, &c, close[j]);
	}
	for (i = 0; i < qu->njoins; i++) {
		long id = tok_lookup(idx, qu->joins[i].key, qu->joins[i].len);

		/* A join as common as "abd al" finds nothing its words
		 * do not find. */
		if (id >= 0 && idx->toks[id].npost < BLOCK_MIN_DF)
			cand_add_postings(idx, &c, (uint32_t)id);
	}
	if (c.n == 0)
		goto done;
	qsort(c.v, c.n, sizeof(uint32_t), cmp_u32);

	/* Names of a record are adjacent: keep the best per record. */
	for (i = 0; i < c.n; i++) {
		const struct pname *nm;
		double s;

		if (i > 0 && c.v[i] == c.v[i - 1])
			continue;
		nm = &idx->names[c.v[i]];
		s = score_name(idx, qu, nm, NULL) * factor;
		if (s < threshold)
			continue;
		if (nm->rec == lastrec) {
			if (s > hs->v[besthit].h.score) {
				hs->v[besthit].h.score = s;
				hs->v[besthit].h.matched = nm->text;
				hs->v[besthit].name = c.v[i];
			}
			continue;
		}
		if (hs->n == hs->cap) {
			hs->cap = hs->cap ? hs->cap * 2 : 16;
			hs->v = xreallocarray(hs->v, hs->cap, sizeof(*hs->v));
		}
		besthit = hs->n++;
		memset(&hs->v[besthit], 0, sizeof(hs->v[besthit]));
		hs->v[besthit].h.rec = &idx->recs[nm->rec]->pub;
		hs->v[besthit].h.matched = nm->text;
		hs->v[besthit].h.score = s;
		hs->v[besthit].name = c.v[i];
		hs->v[besthit].form = form;
		hs->v[besthit].text = name;
		lastrec = nm->rec;
	}
done:
	free(c.v);
	free(qu);
}

static int
cmp_ihit(const void *a, const void *b)
{
	const struct ihit *x = a, *y = b;

	if (x->h.score != y->h.score)
		return x->h.score > y->h.score ? -1 : 1;
	return strcmp(x->h.rec->ref, y->h.rec->ref);
}

/* Keeps <text> for the hits found with it; returns it. */
static char *
hits_keep(struct hits *hs, char *text)
{
	hs->texts = xreallocarray(hs->texts, hs->ntexts + 1,
	    sizeof(*hs->texts));
	hs->texts[hs->ntexts++] = text;
	return text;
}

/* Words of <s> (runs of non-space). */
static size_t
words_in(const char *s)
{
	size_t n = 0;
	bool in = false;

	for (; *s != '\0'; s++) {
		bool sp = *s == ' ' || *s == '\t';

		if (!sp && !in)
			n++;
		in = !sp;
	}
	return n;
}

/* <s> without its last <k> words (caller frees), or NULL. */
static char *
drop_last_words(const char *s, size_t k)
{
	size_t n = strlen(s);

	while (k-- > 0) {
		while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == ','))
			n--;
		while (n > 0 && s[n - 1] != ' ')
			n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == ','))
		n--;
	return n > 0 ? xstrndup(s, n) : NULL;
}

/*
 * Where an address starts in a name field without a comma before it:
 * " - ", "P.O. Box", "No." or a word with digits after the first word.
 * Returns the offset, or 0 if none.
 */
static size_t
address_start(const char *s)
{
	static const char *const marks[] = {
		" - ", " p.o. box", " po box", " p.o.box", " no. ",
		" no ", " building ", " street ", " road ",
	};
	size_t i, best = 0;
	const char *p, *w;

	for (i = 0; i < NELEM(marks); i++)
		if ((p = strcasestr(s, marks[i])) != NULL &&
		    (best == 0 || (size_t)(p - s) < best) && p > s)
			best = (size_t)(p - s);
	/* A word with digits, not the first one ("7TH OF TIR"). */
	for (w = strchr(s, ' '); w != NULL; w = strchr(w + 1, ' ')) {
		const char *e = w + 1;

		while (*e != '\0' && *e != ' ' && *e != ',')
			e++;
		for (p = w + 1; p < e; p++)
			if (*p >= '0' && *p <= '9')
				break;
		if (p < e) {
			if (best == 0 || (size_t)(w - s) < best)
				best = (size_t)(w - s);
			break;
		}
	}
	return best;
}

/*
 * Customs forms put more than a name in the name field: an address after
 * a comma, a dash or nothing at all ("NOVIN ENERGY COMPANY Isfahan, Iran",
 * "FAIZ - Chaman border"), a second party after "c/o".  Each c/o part is
 * searched, then the part before the address, then that part without one
 * to three words before the comma (a city), each a little weaker.
 */
static void
search_forms(const struct party_index *idx, const char *name,
    double threshold, unsigned form, struct hits *hs)
{
	char *head, *cut;
	size_t at, comma, k, nw;

	at = address_start(name);
	cut = strchr(name, ',');
	comma = cut != NULL ? (size_t)(cut - name) : 0;
	if (comma > 0 && (at == 0 || comma < at)) {
		head = xstrndup(name, comma);
		/* "SURNAME, Given": a lone word before a comma is no form. */
		if (words_in(head) >= 2)
			search_one(idx, hits_keep(hs, head), threshold, 0.99,
			    form | PARTY_D_ADDRESS, hs);
		else
			free(head);
		/* A city before the comma: drop up to three words. */
		head = xstrndup(name, comma);
		nw = words_in(head);
		for (k = 1; k <= 3 && nw >= k + 2; k++) {
			char *h = drop_last_words(head, k);

			if (h != NULL)
				search_one(idx, hits_keep(hs, h), threshold,
				    0.98 - 0.01 * (double)k,
				    form | PARTY_D_ADDRESS, hs);
		}
		free(head);
	} else if (at > 0) {
		head = xstrndup(name, at);
		search_one(idx, hits_keep(hs, head), threshold, 0.99,
		    form | PARTY_D_ADDRESS, hs);
	}
}

/* Fills the evidence of <ih>: which words matched which, distortions. */
static void
explain_hit(const struct party_index *idx, struct ihit *ih)
{
	const struct pname *nm = &idx->names[ih->name];
	struct query *qu = xmalloc(sizeof(*qu));
	struct qtok *lt = xreallocarray(NULL, MAXTOK, sizeof(*lt));
	struct detail det;
	struct buf stripped, w;
	char **parts = NULL;
	size_t nparts = 0, nl, j, p;
	int last = -1;
	unsigned d = ih->form;
	const unsigned char *u;

	query_build(idx, ih->text, qu);
	(void)score_name(idx, qu, nm, &det);
	buf_init(&stripped);
	split_acronyms(nm->text, &stripped, &parts, &nparts);
	nl = tokenize(stripped.data, lt);
	if (nl != nm->ntok)
		nl = 0;		/* a bracketed part: its own name */
	if (nl == 0)
		nl = tokenize(nm->text, lt);
	buf_init(&w);
	for (j = 0; j < nl && j < nm->ntok && j < MAXTOK; j++) {
		const char *how = "";
		int f = det.from[j];

		if (lt[j].particle && det.how[j] == HOW_NONE)
			continue;
		switch (det.how[j]) {
		case HOW_EXACT:
			how = "";
			break;
		case HOW_VARIANT:
			how = "~";
			d |= PARTY_D_SPELLING;
			break;
		case HOW_TYPO:
			how = "~typo";
			d |= PARTY_D_TYPO;
			break;
		case HOW_INITIAL:
			how = "~initial";
			d |= PARTY_D_INITIALS;
			break;
		case HOW_JOINED:
			how = "~joined";
			d |= PARTY_D_JOINED;
			break;
		default:
			d |= PARTY_D_DROPPED;
			break;
		}
		if (f >= 0 && (size_t)f < qu->n) {
			if (f < last)
				d |= PARTY_D_ORDER;
			last = f;
		}
		if (w.len > 0)
			buf_addc(&w, ' ');
		buf_printf(&w, "%s=%s%s", lt[j].raw, f >= 0 &&
		    (size_t)f < qu->n ? qu->q[f].t.raw : "-", how);
	}
	if (det.dropped)
		d |= PARTY_D_DROPPED;
	/*
	 * Weak evidence: a low-quality alias, or a person's name found only
	 * through words that many listed names share (common given names,
	 * "Mohammad Ali"): the officer must confirm the identity.
	 */
	{
		const struct prec *r = idx->recs[nm->rec];
		bool distinct = false;

		ih->h.quality = PARTY_Q_NONE;
		for (j = 0; j < r->nalias; j++)
			if (r->alias[j] == nm->text)
				ih->h.quality = (enum party_quality)r->aq[j];
		for (j = 0; j < nm->ntok && j < MAXTOK; j++) {
			const struct ptok *t = &idx->toks[nm->tok[j]];

			if (det.how[j] != HOW_NONE && !t->particle &&
			    t->df < idx->common_df)
				distinct = true;
		}
		ih->h.weak = ih->h.quality == PARTY_Q_LOW ||
		    (!distinct && strcmp(r->kind, "individual") == 0);
	}
	for (u = (const unsigned char *)ih->text; *u != '\0'; u++)
		if (*u >= 0xcd && *u != 0xe2 && *u != 0xef) {
			d |= PARTY_D_SCRIPT;
			break;
		}
	ih->h.distortions = d;
	snprintf(ih->h.words, sizeof(ih->h.words), "%s", w.len ? w.data : "");
	for (p = 0; p < nparts; p++)
		free(parts[p]);
	free(parts);
	buf_free(&stripped);
	buf_free(&w);
	free(lt);
	free(qu);
}

size_t
party_search(const struct party_index *idx, const char *name,
    double threshold, struct party_hit *out, size_t max)
{
	struct hits hs;
	struct buf stripped;
	char **parts = NULL, *copy, *part;
	size_t nparts = 0, i, j, n = 0;

	if (!idx->prepared || name == NULL || max == 0)
		return 0;
	memset(&hs, 0, sizeof(hs));
	/* The name as given, without its bracketed parts, and each part. */
	buf_init(&stripped);
	split_acronyms(name, &stripped, &parts, &nparts);
	search_one(idx, hits_keep(&hs, xstrdup(name)), threshold, 1.0, 0,
	    &hs);
	if (nparts > 0) {
		search_one(idx, hits_keep(&hs, xstrdup(stripped.data)),
		    threshold, 1.0, 0, &hs);
		for (i = 0; i < nparts; i++)
			search_one(idx, hits_keep(&hs, parts[i]), threshold,
			    1.0, 0, &hs);
	}
	free(parts);
	/* Each c/o part, then addresses appended to each. */
	copy = xstrdup(stripped.data);
	buf_free(&stripped);
	part = copy;
	for (;;) {
		char *co = strcasestr(part, " c/o ");

		if (co != NULL)
			*co = '\0';
		if (part != copy || co != NULL) {
			if (words_in(part) > 0)
				search_one(idx, hits_keep(&hs, xstrdup(part)),
				    threshold, 0.99, PARTY_D_CAREOF, &hs);
			search_forms(idx, part, threshold, PARTY_D_CAREOF,
			    &hs);
		} else
			search_forms(idx, part, threshold, 0, &hs);
		if (co == NULL)
			break;
		part = co + 5;
	}
	free(copy);

	/* Best first, one hit per record. */
	if (hs.n > 0)
		qsort(hs.v, hs.n, sizeof(*hs.v), cmp_ihit);
	for (i = 0; i < hs.n && n < max; i++) {
		for (j = 0; j < n; j++)
			if (out[j].rec == hs.v[i].h.rec)
				break;
		if (j < n)
			continue;
		explain_hit(idx, &hs.v[i]);
		out[n++] = hs.v[i].h;
	}
	free(hs.v);
	for (i = 0; i < hs.ntexts; i++)
		free(hs.texts[i]);
	free(hs.texts);
	return n;
}

/* ------------------------------------------------------------------ */
/* Evidence                                                            */

static const struct {
	unsigned	 bit;
	const char	*name;
} distortion_names[] = {
	{ PARTY_D_INITIALS, "initials" }, { PARTY_D_TYPO, "typing error" },
	{ PARTY_D_SPELLING, "transliteration" },
	{ PARTY_D_JOINED, "words joined or split" },
	{ PARTY_D_DROPPED, "listed words left out" },
	{ PARTY_D_ORDER, "word order" }, { PARTY_D_SCRIPT, "other script" },
	{ PARTY_D_ADDRESS, "address after the name" },
	{ PARTY_D_CAREOF, "c/o part" },
};

json_t *
party_hit_json(const struct party_hit *h)
{
	json_t *o = json_object(), *words = json_array(), *dist = json_array();
	json_t *ctry = json_array();
	const char *p, *q;
	size_t i;

	/* "listed=declared~how" pairs, one space apart. */
	for (p = h->words; *p != '\0'; p = *q ? q + 1 : q) {
		const char *eq, *tilde;
		char *listed, *declared;

		q = strchr(p, ' ');
		if (q == NULL)
			q = p + strlen(p);
		eq = memchr(p, '=', (size_t)(q - p));
		if (eq == NULL)
			continue;
		tilde = memchr(eq, '~', (size_t)(q - eq));
		listed = xstrndup(p, (size_t)(eq - p));
		declared = xstrndup(eq + 1, (size_t)((tilde ? tilde : q) -
		    eq - 1));
		json_array_append_new(words, json_pack("{s:s, s:o, s:s}",
		    "listed", listed, "declared", strcmp(declared, "-") == 0 ?
		    json_null() : json_string(declared), "how",
		    strcmp(declared, "-") == 0 ? "missing" : tilde == NULL ?
		    "exact" : tilde[1] == '\0' || tilde + 1 == q ?
		    "transliteration" : strncmp(tilde + 1, "typo", 4) == 0 ?
		    "typing error" : strncmp(tilde + 1, "initial", 7) == 0 ?
		    "initial" : "joined or split"));
		free(listed);
		free(declared);
	}
	for (i = 0; i < NELEM(distortion_names); i++)
		if (h->distortions & distortion_names[i].bit)
			json_array_append_new(dist,
			    json_string(distortion_names[i].name));
	for (p = h->rec->countries ? h->rec->countries : ""; *p != '\0';
	    p += p[2] == ' ' ? 3 : 2) {
		char c[3] = { p[0], p[1], '\0' };

		json_array_append_new(ctry, json_string(c));
		if (p[2] == '\0')
			break;
	}
	json_object_set_new(o, "quality", json_string(h->quality ==
	    PARTY_Q_GOOD ? "good" : h->quality == PARTY_Q_LOW ? "low" :
	    strcmp(h->matched, h->rec->name) == 0 ? "primary name" :
	    "not graded"));
	json_object_set_new(o, "words", words);
	json_object_set_new(o, "distortions", dist);
	json_object_set_new(o, "programme", json_string(h->rec->regime ?
	    h->rec->regime : ""));
	json_object_set_new(o, "listed_on", h->rec->listed_on ?
	    json_string(h->rec->listed_on) : json_null());
	json_object_set_new(o, "listed_countries", ctry);
	json_object_set_new(o, "weak", json_boolean(h->weak));
	return o;
}

bool
party_country_listed(const struct party_record *r, const char *iso)
{
	const char *p = r->countries;

	if (p == NULL || iso == NULL || strlen(iso) != 2)
		return false;
	for (; *p != '\0'; p += p[2] == ' ' ? 3 : 2) {
		if (p[0] == iso[0] && p[1] == iso[1])
			return true;
		if (p[2] == '\0')
			break;
	}
	return false;
}

/* ------------------------------------------------------------------ */
/* Countries                                                           */

/* Sorted by name: the spellings the UN and OFAC files use. */
static const struct country {
	const char	*name, *iso;
} countries[] = {
	{ "afghanistan", "AF" }, { "albania", "AL" }, { "algeria", "DZ" },
	{ "angola", "AO" }, { "argentina", "AR" }, { "armenia", "AM" },
	{ "aruba", "AW" }, { "australia", "AU" }, { "austria", "AT" },
	{ "azerbaijan", "AZ" }, { "bahamas", "BS" }, { "bahamas the", "BS" },
	{ "bahrain", "BH" }, { "bangladesh", "BD" }, { "barbados", "BB" },
	{ "belarus", "BY" }, { "belgium", "BE" }, { "belize", "BZ" },
	{ "benin", "BJ" }, { "bolivia", "BO" },
	{ "bosnia and herzegovina", "BA" }, { "brazil", "BR" },
	{ "brunei", "BN" }, { "bulgaria", "BG" }, { "burkina faso", "BF" },
	{ "burma", "MM" }, { "burundi", "BI" }, { "cambodia", "KH" },
	{ "cameroon", "CM" }, { "canada", "CA" }, { "cayman islands", "KY" },
	{ "central african republic", "CF" }, { "chad", "TD" },
	{ "chile", "CL" }, { "china", "CN" }, { "colombia", "CO" },
	{ "comoros", "KM" }, { "congo democratic republic of the", "CD" },
	{ "congo republic of the", "CG" }, { "costa rica", "CR" },
	{ "cote d ivoire", "CI" }, { "cote divoire", "CI" },
	{ "croatia", "HR" }, { "cuba", "CU" }, { "cyprus", "CY" },
	{ "czech republic", "CZ" }, { "czechia", "CZ" },
	{ "democratic people s republic of korea", "KP" },
	{ "democratic peoples republic of korea", "KP" },
	{ "democratic republic of the congo", "CD" }, { "denmark", "DK" },
	{ "djibouti", "DJ" }, { "dominica", "DM" },
	{ "dominican republic", "DO" }, { "ecuador", "EC" },
	{ "egypt", "EG" }, { "el salvador", "SV" },
	{ "equatorial guinea", "GQ" }, { "eritrea", "ER" },
	{ "estonia", "EE" }, { "ethiopia", "ET" }, { "finland", "FI" },
	{ "france", "FR" }, { "gabon", "GA" }, { "gambia", "GM" },
	{ "georgia", "GE" }, { "germany", "DE" }, { "ghana", "GH" },
	{ "gibraltar", "GI" }, { "greece", "GR" }, { "guatemala", "GT" },
	{ "guinea", "GN" }, { "guinea bissau", "GW" }, { "guyana", "GY" },
	{ "haiti", "HT" }, { "honduras", "HN" }, { "hong kong", "HK" },
	{ "hungary", "HU" }, { "india", "IN" }, { "indonesia", "ID" },
	{ "iran", "IR" }, { "iran islamic republic of", "IR" },
	{ "iraq", "IQ" }, { "ireland", "IE" }, { "israel", "IL" },
	{ "italy", "IT" }, { "jamaica", "JM" }, { "japan", "JP" },
	{ "jersey", "JE" }, { "jordan", "JO" }, { "kazakhstan", "KZ" },
	{ "kenya", "KE" }, { "korea north", "KP" }, { "korea south", "KR" },
	{ "kosovo", "XK" }, { "kuwait", "KW" }, { "kyrgyzstan", "KG" },
	{ "lao people s democratic republic", "LA" }, { "laos", "LA" },
	{ "latvia", "LV" }, { "lebanon", "LB" }, { "liberia", "LR" },
	{ "libya", "LY" }, { "liechtenstein", "LI" }, { "lithuania", "LT" },
	{ "luxembourg", "LU" }, { "macau", "MO" }, { "malaysia", "MY" },
	{ "maldives", "MV" }, { "mali", "ML" }, { "malta", "MT" },
	{ "marshall islands", "MH" }, { "mauritania", "MR" },
	{ "mexico", "MX" }, { "moldova", "MD" }, { "mongolia", "MN" },
	{ "montenegro", "ME" }, { "morocco", "MA" }, { "mozambique", "MZ" },
	{ "myanmar", "MM" }, { "namibia", "NA" }, { "nepal", "NP" },
	{ "netherlands", "NL" }, { "new zealand", "NZ" },
	{ "nicaragua", "NI" }, { "niger", "NE" }, { "nigeria", "NG" },
	{ "north korea", "KP" }, { "norway", "NO" }, { "oman", "OM" },
	{ "pakistan", "PK" }, { "palau", "PW" }, { "palestinian", "PS" },
	{ "panama", "PA" }, { "paraguay", "PY" }, { "peru", "PE" },
	{ "philippines", "PH" }, { "poland", "PL" }, { "portugal", "PT" },
	{ "qatar", "QA" }, { "republic of korea", "KR" },
	{ "romania", "RO" }, { "russia", "RU" }, { "russian federation", "RU" },
	{ "rwanda", "RW" }, { "saint kitts and nevis", "KN" },
	{ "saint vincent and the grenadines", "VC" }, { "samoa", "WS" },
	{ "saudi arabia", "SA" }, { "senegal", "SN" }, { "serbia", "RS" },
	{ "seychelles", "SC" }, { "sierra leone", "SL" },
	{ "singapore", "SG" }, { "slovakia", "SK" }, { "slovenia", "SI" },
	{ "somalia", "SO" }, { "south africa", "ZA" }, { "south korea", "KR" },
	{ "south sudan", "SS" }, { "spain", "ES" }, { "sri lanka", "LK" },
	{ "sudan", "SD" }, { "sweden", "SE" }, { "switzerland", "CH" },
	{ "syria", "SY" }, { "syrian arab republic", "SY" },
	{ "taiwan", "TW" }, { "tajikistan", "TJ" }, { "tanzania", "TZ" },
	{ "thailand", "TH" }, { "the gambia", "GM" }, { "togo", "TG" },
	{ "trinidad and tobago", "TT" }, { "tunisia", "TN" },
	{ "turkey", "TR" }, { "turkiye", "TR" }, { "turkmenistan", "TM" },
	{ "uganda", "UG" }, { "ukraine", "UA" },
	{ "united arab emirates", "AE" }, { "united kingdom", "GB" },
	{ "united kingdom of great britain and northern ireland", "GB" },
	{ "united republic of tanzania", "TZ" }, { "united states", "US" },
	{ "united states of america", "US" }, { "uruguay", "UY" },
	{ "uzbekistan", "UZ" }, { "vanuatu", "VU" }, { "venezuela", "VE" },
	{ "viet nam", "VN" }, { "vietnam", "VN" },
	{ "virgin islands british", "VG" }, { "west bank", "PS" },
	{ "yemen", "YE" }, { "zambia", "ZM" }, { "zimbabwe", "ZW" },
};

static int
cmp_country(const void *a, const void *b)
{
	return strcmp(((const struct country *)a)->name,
	    ((const struct country *)b)->name);
}

const char *
party_country_iso(const char *name)
{
	struct country key, *found;
	char *f;
	size_t i, n;

	while (*name == ' ')
		name++;
	n = strlen(name);
	if (n == 2 && name[0] >= 'A' && name[0] <= 'Z' && name[1] >= 'A' &&
	    name[1] <= 'Z') {
		/* Already a code (BIS); return it from the table if known. */
		for (i = 0; i < NELEM(countries); i++)
			if (memcmp(countries[i].iso, name, 2) == 0)
				return countries[i].iso;
		return NULL;
	}
	f = normalize_fold_str(name);
	key.name = f;
	key.iso = NULL;
	found = bsearch(&key, countries, NELEM(countries), sizeof(countries[0]),
	    cmp_country);
	free(f);
	return found ? found->iso : NULL;
}
