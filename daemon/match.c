/*
 * Matcher built from a ruleset.  vectorscan does the multi-pattern work;
 * the HS trie and the CAS table are small enough to be ours.
 */
#include "config.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hs/hs.h>
#include <utf8proc.h>

#include "hscache.h"
#include "inflect.h"
#include "log.h"
#include "match.h"
#include "normalize.h"
#include "spell.h"
#include "xmalloc.h"

/* An inner word of a phrase that declines: its stem and the ending the
 * stem left out of the word as written. */
struct mword {
	char	*stem, *end;
	size_t	 stemlen;
};

struct trie_node {
	int		 child[10];	/* index into nodes, 0 = none */
	struct hs_hit	*hits;
	size_t		 nhits;
};

struct cas_row {
	char	cas[16];
	size_t	eidx;
};

struct matcher {
	const struct ruleset	 *rs;
	const struct rule_entry	**entries;
	size_t			  nentries;

	struct mterm		 *terms;
	char			**patterns;
	size_t			 *patlen;
	unsigned char		 *edges;	/* EDGE_* of unspaced-script terms */
	size_t			  nterms;

	hs_database_t		 *lit_db;	/* phrases: literals, no SOM */
	hs_database_t		 *re_db;	/* re: terms, leftmost start */
	hs_scratch_t		 *scratch;
	struct spell		 *spell;	/* keyword spelling variants */

	struct trie_node	 *nodes;
	size_t			  nnodes;

	struct cas_row		 *cas;
	size_t			  ncas;
};

struct match_scratch {
	hs_scratch_t	*s;
	void		*ws;			/* the caller's workspace */
	void		(*ws_free)(void *);
};

/*
 * Expressions ignore kana voicing marks: they were written when folding
 * dropped the marks ("ハルフ" for バルブ), and an optional mark after every
 * kana makes the expression database much slower to compile.  So the
 * marks are taken out of every expression (a voiced kana written
 * precomposed becomes its base letter) and out of the text the expressions
 * are scanned over; literal terms, folded like the text, do tell ガ from
 * カ.  Returns a copy of <re> without them (caller frees).
 */
static char *
unvoice_pattern(const char *re)
{
	struct buf b;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)re;
	size_t off = 0, len = strlen(re);

	buf_init(&b);
	while (off < len) {
		utf8proc_int32_t cp, dec[4];
		utf8proc_ssize_t n, nd;
		utf8proc_uint8_t enc[4];
		int bound = 0;

		n = utf8proc_iterate(p + off, (utf8proc_ssize_t)(len - off), &cp);
		if (n <= 0) {
			buf_addc(&b, re[off++]);
			continue;
		}
		off += (size_t)n;
		if (cp < 0x3040 || cp > 0x30ff) {
			buf_add(&b, p + off - (size_t)n, (size_t)n);
			continue;
		}
		if (cp >= 0x3099 && cp <= 0x309c)
			continue;
		nd = utf8proc_decompose_char(cp, dec, 4, UTF8PROC_DECOMPOSE,
		    &bound);
		if (nd == 2 && (dec[1] == 0x3099 || dec[1] == 0x309a))
			cp = dec[0];
		buf_add(&b, enc, (size_t)utf8proc_encode_char(cp, enc));
	}
	return buf_release(&b);
}

/*
 * <text> (<len> bytes) without its voicing marks U+3099 and U+309A, with
 * (*map)[i] the offset in <text> of byte i of the result and (*map)[n] =
 * <len>, so that a span [a, b) of the result is [map[a], map[b]) of the
 * text, marks included.  Returns NULL (no copy) if there are no marks.
 */
static char *
unvoice_text(const char *text, size_t len, size_t **map, size_t *outlen)
{
	char *out;
	size_t i, n = 0;

	if (memmem(text, len, "\xe3\x82\x99", 3) == NULL &&
	    memmem(text, len, "\xe3\x82\x9a", 3) == NULL)
		return NULL;
	out = xmalloc(len + 1);
	*map = xreallocarray(NULL, len + 1, sizeof(**map));
	for (i = 0; i < len; i++) {
		if (i + 2 < len && (unsigned char)text[i] == 0xe3 &&
		    (unsigned char)text[i + 1] == 0x82 &&
		    ((unsigned char)text[i + 2] == 0x99 ||
		    (unsigned char)text[i + 2] == 0x9a)) {
			i += 2;
			continue;
		}
		(*map)[n] = i;
		out[n++] = text[i];
	}
	(*map)[n] = len;
	out[n] = '\0';
	*outlen = n;
	return out;
}

/*
 * A term whose first (last) character is of a script written without
 * spaces has no word break before (after) it in its pattern.
 */
#define EDGE_OPEN_START	0x01
#define EDGE_OPEN_END	0x02
/*
 * A Hebrew term: the start is open only to the one-letter words written
 * joined to the next word (ו "and", ה "the", ב "in", ל "to", מ "from",
 * ש "that", כ "as"), up to three of them: "והצנטריפוגה" holds the term
 * "צנטריפוגה", "אורניום" does not hold "ניום".
 */
#define EDGE_CLITIC_START 0x04
/*
 * The joined words open only before a Hebrew term of this many letters or
 * more: a shorter stem behind a prefix letter is mostly another word's
 * ending (טיל* in בוטיל "butyl", מטיל "ingot", שטיל "seedling").
 */
#define HEBREW_CLITIC_MIN_LETTERS 4

static char	*term_pattern_unspaced(const char *, int *, int *,
		    unsigned char *);

/*
 * The word breaks (single spaces of the folded text) a phrase pattern's
 * match spans: its literal spaces, not those of "[^ ]" classes.  A phrase
 * with inner stems is compiled without start-of-match tracking (which made
 * compiling thousands of inflected phrases take tens of seconds); its start
 * is found by walking back over this many breaks from its end.
 */
static int
pattern_spaces(const char *p)
{
	int n = 0;

	for (; *p != '\0'; p++) {
		if (p[0] == '[' && p[1] == '^' && p[2] == ' ' && p[3] == ']') {
			p += 3;
			continue;
		}
		if (*p == ' ')
			n++;
	}
	return n;
}

/*
 * Builds what is searched for a term.  A phrase becomes a literal over the
 * folded text: " words " (the spaces are word breaks; the text is padded
 * with one space at each end), or " words" when the last word is a stem
 * (a trailing '*'), whose match then runs on to the end of its word.  A
 * term written "re:..." is a vectorscan expression, returned as is.
 */
static char *
term_pattern(const char *term, int *stem, int *inner)
{
	struct buf b;
	char *copy, *tok, *save = NULL, **toks = NULL;
	size_t n = 0, i;

	*stem = 0;
	*inner = 0;
	if (strncmp(term, "re:", 3) == 0)
		return xstrdup(term + 3);
	copy = xstrdup(term);
	for (tok = strtok_r(copy, " \t", &save); tok != NULL;
	    tok = strtok_r(NULL, " \t", &save)) {
		toks = xreallocarray(toks, n + 1, sizeof(*toks));
		toks[n++] = tok;
	}
	/*
	 * A '*' on an inner word ("centrifug* separator*") cannot be a
	 * literal: such a phrase becomes an expression over the same folded
	 * text, each inner stem followed by [^ ]*.
	 */
	for (i = 0; i + 1 < n; i++)
		if (toks[i][strlen(toks[i]) - 1] == '*')
			*inner = 1;
	buf_init(&b);
	buf_addc(&b, ' ');
	for (i = 0; i < n; i++) {
		size_t tl = strlen(toks[i]);
		int star = tl > 0 && toks[i][tl - 1] == '*';
		char *f, *p;

		if (star)
			toks[i][tl - 1] = '\0';
		f = normalize_fold_str(toks[i]);
		if (f[0] == '\0') {
			free(f);
			continue;
		}
		if (b.len > 1) {
			if (*inner && *stem)
				buf_adds(&b, "[^ ]*");
			buf_addc(&b, ' ');
		}
		for (p = f; *p; p++) {
			/* Folded text has no ASCII punctuation, but be safe. */
			if (*inner && (unsigned char)*p < 0x80 &&
			    !isalnum((unsigned char)*p) && *p != ' ')
				buf_addc(&b, '\\');
			buf_addc(&b, *p);
		}
		*stem = star;
		free(f);
	}
	free(toks);
	free(copy);
	if (!*stem)
		buf_addc(&b, ' ');
	else if (*inner)
		buf_adds(&b, "[^ ]*");	/* reported at each end; kept at the word end */
	return buf_release(&b);
}

/* Gives the spelling index term <id>'s words, from its " words " literal. */
static void
spell_add_pattern(struct matcher *m, unsigned id, const char *pat, int stem)
{
	size_t n = strlen(pat);
	char *words;

	while (n > 0 && pat[n - 1] == ' ')
		n--;
	while (n > 0 && *pat == ' ') {
		pat++;
		n--;
	}
	words = xstrndup(pat, n);
	spell_add(m->spell, id, words, stem);
	free(words);
}

/* ---- Scripts written without spaces ---------------------------------- */

/*
 * Han, Kana, Hangul, Thai and their neighbours are written without spaces
 * between words, and a Korean particle attaches to its noun: a term in such
 * a script matches as a substring, with no word break on that side.
 */
static int
unspaced_cp(unsigned long cp)
{
	return (cp >= 0x0e00 && cp <= 0x0eff) ||	/* Thai, Lao */
	    (cp >= 0x1000 && cp <= 0x109f) ||		/* Myanmar */
	    (cp >= 0x1100 && cp <= 0x11ff) ||		/* Hangul jamo */
	    (cp >= 0x1780 && cp <= 0x17ff) ||		/* Khmer */
	    (cp >= 0x3005 && cp <= 0x3007) ||		/* 々 〆 〇 */
	    (cp >= 0x3040 && cp <= 0x30ff) ||		/* Hiragana, Katakana */
	    (cp >= 0x3130 && cp <= 0x318f) ||		/* Hangul compatibility jamo */
	    (cp >= 0x31f0 && cp <= 0x31ff) ||		/* Katakana extension */
	    (cp >= 0x3400 && cp <= 0x4dbf) ||		/* Han extension A */
	    (cp >= 0x4e00 && cp <= 0x9fff) ||		/* Han */
	    (cp >= 0xa960 && cp <= 0xa97f) ||		/* Hangul jamo extended */
	    (cp >= 0xac00 && cp <= 0xd7ff) ||		/* Hangul syllables, jamo */
	    (cp >= 0xf900 && cp <= 0xfaff) ||		/* Han compatibility */
	    (cp >= 0xff66 && cp <= 0xff9f) ||		/* halfwidth Katakana */
	    (cp >= 0x20000 && cp <= 0x3134f);		/* Han supplementary */
}

/* The code point of the UTF-8 sequence at <p> (0 if malformed). */
static unsigned long
utf8_cp(const unsigned char *p)
{
	if (p[0] < 0x80)
		return p[0];
	if ((p[0] & 0xe0) == 0xc0 && p[1])
		return ((p[0] & 0x1fUL) << 6) | (p[1] & 0x3f);
	if ((p[0] & 0xf0) == 0xe0 && p[1] && p[2])
		return ((p[0] & 0x0fUL) << 12) | ((p[1] & 0x3fUL) << 6) |
		    (p[2] & 0x3f);
	if ((p[0] & 0xf8) == 0xf0 && p[1] && p[2] && p[3])
		return ((p[0] & 0x07UL) << 18) | ((p[1] & 0x3fUL) << 12) |
		    ((p[2] & 0x3fUL) << 6) | (p[3] & 0x3f);
	return 0;
}

static int
unspaced_first(const char *s)
{
	return s[0] != '\0' && unspaced_cp(utf8_cp((const unsigned char *)s));
}

/* A Hebrew letter (U+05D0..U+05EA) starts <s>. */
static int
hebrew_first(const char *s)
{
	unsigned long cp = utf8_cp((const unsigned char *)s);

	return cp >= 0x05d0 && cp <= 0x05ea;
}

static int
unspaced_last(const char *s)
{
	size_t n = strlen(s);

	if (n == 0)
		return 0;
	while (n > 1 && ((unsigned char)s[n - 1] & 0xc0) == 0x80)
		n--;
	return unspaced_cp(utf8_cp((const unsigned char *)s + n - 1));
}

/*
 * A word break between a character of an unspaced script and a letter or
 * digit of another: "IGBT变频器", "7075铝合金", "氦3气体" carry no space,
 * yet "IGBT", "7075" and "3" are words of their own for the terms, and a
 * Latin keyword must find them.  Terms and scanned text are split alike.
 * Returns NULL if <s> has no such place; else the split text (caller
 * frees) with its length in *<outlen> and, if <mapp>, the offset in <s> of
 * each of its bytes (an inserted space: that of the next byte; caller
 * frees).
 */
static char *
unspaced_split(const char *s, size_t len, size_t *outlen, size_t **mapp)
{
	const unsigned char *p = (const unsigned char *)s;
	struct buf b;
	size_t i, n, *map = NULL, cap = 0;
	int prev = 0, cur, any = 0, split = 0;

	for (i = 0; i < len; i++)
		if (p[i] >= 0x80) {
			any = 1;
			break;
		}
	if (!any)
		return NULL;
	buf_init(&b);
	for (i = 0; i < len; i += n) {
		n = 1;
		if (p[i] >= 0xf0)
			n = 4;
		else if (p[i] >= 0xe0)
			n = 3;
		else if (p[i] >= 0xc0)
			n = 2;
		if (i + n > len)
			n = len - i;
		cur = p[i] == ' ' ? 0 : unspaced_cp(utf8_cp(p + i)) ? 1 : 2;
		if (prev != 0 && cur != 0 && prev != cur) {
			split = 1;
			if (mapp != NULL) {
				map = xreallocarray(map, cap + 1, sizeof(*map));
				map[cap++] = i;
			}
			buf_addc(&b, ' ');
		}
		if (mapp != NULL) {
			size_t k;

			map = xreallocarray(map, cap + n, sizeof(*map));
			for (k = 0; k < n; k++)
				map[cap++] = i + k;
		}
		buf_add(&b, s + i, n);
		prev = cur;
	}
	if (!split) {
		buf_free(&b);
		free(map);
		return NULL;
	}
	*outlen = b.len;
	if (mapp != NULL)
		*mapp = map;
	return buf_release(&b);
}

/*
 * Generic head nouns of Korean, Japanese and Chinese goods names: a term
 * written with one ("주파수 변환기", "遠心分離機", "离心机") names the same
 * goods written with another of its family ("주파수 변환 장치", "遠心分離
 * 装置", "离心设备"), joined or apart.  Longest first.
 */
static const char *const head_han[] = {
	"装置", "裝置", "设备", "設備", "机器", "機器", "仪器", "儀器",
	"机", "機", "器", "仪", "儀", NULL
};
static const char *const head_hangul[] = {
	"장치", "장비", "설비", "기기", "기", NULL
};

/* A head family, folded as terms and text are (built once). */
struct head_family {
	char	**v;
	size_t	  n;
};

static pthread_once_t head_once = PTHREAD_ONCE_INIT;
static struct head_family heads[2];

static void
head_build_one(struct head_family *h, const char *const *src)
{
	size_t i, k;

	for (i = 0; src[i] != NULL; i++) {
		char *f = normalize_fold_str(src[i]);

		for (k = 0; k < h->n; k++)
			if (strcmp(h->v[k], f) == 0)
				break;
		if (k < h->n || f[0] == '\0') {
			free(f);
			continue;
		}
		h->v = xreallocarray(h->v, h->n + 1, sizeof(*h->v));
		h->v[h->n++] = f;
	}
}

static void
head_build(void)
{
	head_build_one(&heads[0], head_han);
	head_build_one(&heads[1], head_hangul);
}

/* True if the last character of the first <len> bytes of <s> is unspaced. */
static int
unspaced_last_n(const char *s, size_t len)
{
	while (len > 1 && ((unsigned char)s[len - 1] & 0xc0) == 0x80)
		len--;
	return len > 0 && unspaced_cp(utf8_cp((const unsigned char *)s +
	    len - 1));
}

/* Syllables of <s> (<len> bytes): Hangul counts its leading consonants. */
static size_t
head_syllables(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		const unsigned char *p = (const unsigned char *)s + i;
		unsigned long cp;

		if ((*p & 0xc0) == 0x80)
			continue;
		cp = utf8_cp(p);
		if (cp >= 0x1160 && cp <= 0x11ff)
			continue;	/* a vowel or final of a syllable */
		n++;
	}
	return n;
}

/*
 * The family of the generic head noun that ends word <w>, or NULL; the
 * length of what comes before it in *<stemlen>.  A one-syllable head needs
 * a stem of two syllables ("变频器", not "电器" or "무기"); a longer one may
 * stand as a word of its own after another (<alone>).
 */
static const struct head_family *
head_of(const char *w, int alone, size_t *stemlen)
{
	size_t wl = strlen(w), f, k;

	pthread_once(&head_once, head_build);
	for (f = 0; f < 2; f++)
		for (k = 0; k < heads[f].n; k++) {
			const char *h = heads[f].v[k];
			size_t hl = strlen(h), sl = wl - hl;

			if (hl > wl || strcmp(w + sl, h) != 0)
				continue;
			if (head_syllables(h, hl) == 1) {
				if (head_syllables(w, sl) < 2 ||
				    !unspaced_last_n(w, sl))
					continue;
			} else if (sl == 0 ? !alone : !unspaced_last_n(w, sl))
				continue;
			*stemlen = sl;
			return &heads[f];
		}
	return NULL;
}

/* The folded words of a phrase, with a stem mark ("*") on each. */
struct pwords {
	char			**f;
	int			 *star;
	size_t			  n;
	int			  any;	/* an end of a word is unspaced */
};

static void
pwords_free(struct pwords *pw)
{
	size_t i;

	for (i = 0; i < pw->n; i++)
		free(pw->f[i]);
	free(pw->f);
	free(pw->star);
	memset(pw, 0, sizeof(*pw));
}

/*
 * Appends the words of <tok>, one word of a term (its stem mark <st>
 * removed), folded and split where an unspaced script meets another.
 */
static void
pwords_add_token(struct pwords *pw, const char *tok, int st)
{
	char *ft, *sp, *piece, *psave = NULL;
	size_t sl;

	ft = normalize_fold_str(tok);
	if (ft[0] == '\0') {
		free(ft);
		return;
	}
	if ((sp = unspaced_split(ft, strlen(ft), &sl, NULL)) != NULL) {
		free(ft);
		ft = sp;
	}
	/*
	 * Punctuation folded to spaces inside a word ("ビス(2-クロロエチル)スル
	 * フィド") separates words like written spaces do, so that a join
	 * between two unspaced words stays optional.
	 */
	for (piece = strtok_r(ft, " ", &psave); piece != NULL;
	    piece = strtok_r(NULL, " ", &psave)) {
		pw->f = xreallocarray(pw->f, pw->n + 1, sizeof(*pw->f));
		pw->star = xreallocarray(pw->star, pw->n + 1, sizeof(*pw->star));
		pw->f[pw->n] = xstrdup(piece);
		pw->star[pw->n] = 0;
		if (unspaced_first(piece) || unspaced_last(piece))
			pw->any = 1;
		pw->n++;
	}
	if (pw->n > 0)
		pw->star[pw->n - 1] = st;
	free(ft);
}

/* The Hebrew letters of the phrase <pw>, all its words together. */
static size_t
pwords_hebrew_letters(const struct pwords *pw)
{
	size_t i, n = 0;
	const char *p;

	for (i = 0; i < pw->n; i++)
		for (p = pw->f[i]; *p != '\0'; p++)
			if (hebrew_first(p))
				n++;
	return n;
}

/* Splits <term> into its folded words in <pw> (pwords_free() them). */
static void
pwords_split(const char *term, struct pwords *pw)
{
	char *copy, *tok, *save = NULL;

	memset(pw, 0, sizeof(*pw));
	copy = xstrdup(term);
	for (tok = strtok_r(copy, " \t", &save); tok != NULL;
	    tok = strtok_r(NULL, " \t", &save)) {
		size_t tl = strlen(tok);
		int st = tok[tl - 1] == '*';

		if (st)
			tok[tl - 1] = '\0';
		pwords_add_token(pw, tok, st);
	}
	free(copy);
	if (pw->n > 0 && hebrew_first(pw->f[0]) &&
	    pwords_hebrew_letters(pw) >= HEBREW_CLITIC_MIN_LETTERS)
		pw->any = 1;
}

/* The EDGE_OPEN_* ends of the phrase <pw>. */
static unsigned char
pwords_edges(const struct pwords *pw)
{
	unsigned char edges = 0;

	if (unspaced_first(pw->f[0]))
		edges |= EDGE_OPEN_START;
	else if (hebrew_first(pw->f[0]) &&
	    pwords_hebrew_letters(pw) >= HEBREW_CLITIC_MIN_LETTERS)
		edges |= EDGE_OPEN_START | EDGE_CLITIC_START;
	if (unspaced_last(pw->f[pw->n - 1]))
		edges |= EDGE_OPEN_END;
	return edges;
}

/* True if <p> starts a Hangul syllable: a leading jamo, U+1100..U+115F. */
static int
hangul_lead(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	return u[0] == 0xe1 && (u[1] == 0x84 || (u[1] == 0x85 && u[2] <= 0x9f));
}

/*
 * True if word <w> is a Korean compound of four syllables or more, which
 * invoices write joined or apart anywhere ("주파수변환기", "주파수 변환기",
 * "주파수 변환 기"): its pattern takes an optional space between syllables.
 */
static int
hangul_compound(const char *w)
{
	return hangul_lead(w) && head_syllables(w, strlen(w)) >= 4;
}

/* True if the pattern of <pw> must be an expression (an optional join). */
static int
pwords_need_re(const struct pwords *pw)
{
	size_t i;

	for (i = 0; i < pw->n; i++)
		if (hangul_compound(pw->f[i]))
			return 1;
	for (i = 0; i + 1 < pw->n; i++)
		if (pw->star[i] || (unspaced_last(pw->f[i]) &&
		    unspaced_first(pw->f[i + 1])))
			return 1;
	return 0;
}

/*
 * Writes the heads of family <hf> that may stand for head <h>: the longer
 * ones always, the one-syllable ones after a stem of two syllables
 * (<stemsyl>) or as <h> itself, so that "计算机" does not become "计算器".
 */
static void
head_alternatives(struct buf *b, const struct head_family *hf, const char *h,
    size_t stemsyl)
{
	size_t k;
	int first = 1;

	buf_adds(b, "(?:");
	for (k = 0; k < hf->n; k++) {
		const char *a = hf->v[k];

		if (head_syllables(a, strlen(a)) == 1 && strcmp(a, h) != 0 &&
		    (head_syllables(h, strlen(h)) == 1 || stemsyl < 2))
			continue;
		if (!first)
			buf_addc(b, '|');
		buf_adds(b, a);
		first = 0;
	}
	buf_addc(b, ')');
}

/*
 * Writes the pattern of <pw> with ends <edges> (caller frees); the last
 * word's generic head, from <hf> after <stemlen> bytes, may be any of its
 * family, joined or apart, and a Korean compound may be written apart.
 */
static char *
pwords_render(const struct pwords *pw, unsigned char edges, int need_re,
    const struct head_family *hf, size_t stemlen, int *stem)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	if (!(edges & EDGE_OPEN_START))
		buf_addc(&b, ' ');
	for (i = 0; i < pw->n; i++) {
		int split = hangul_compound(pw->f[i]);
		const char *p;

		if (i > 0) {
			if (pw->star[i - 1])
				buf_adds(&b, "[^ ]*");
			if (unspaced_last(pw->f[i - 1]) &&
			    unspaced_first(pw->f[i]))
				buf_adds(&b, " ?");
			else
				buf_addc(&b, ' ');
		}
		for (p = pw->f[i]; *p; p++) {
			if (hf != NULL && i + 1 == pw->n &&
			    (size_t)(p - pw->f[i]) == stemlen) {
				if (stemlen > 0)
					buf_adds(&b, " ?");
				head_alternatives(&b, hf, p,
				    head_syllables(pw->f[i], stemlen));
				break;
			}
			if (split && p > pw->f[i] && hangul_lead(p))
				buf_adds(&b, " ?");
			if (need_re && (unsigned char)*p < 0x80 &&
			    !isalnum((unsigned char)*p) && *p != ' ')
				buf_addc(&b, '\\');
			buf_addc(&b, *p);
		}
	}
	*stem = 0;
	if (!(edges & EDGE_OPEN_END)) {
		if (pw->star[pw->n - 1]) {
			*stem = 1;
			if (need_re)
				buf_adds(&b, "[^ ]*");
		} else
			buf_addc(&b, ' ');
	}
	return buf_release(&b);
}

/*
 * The pattern of a phrase with a word of an unspaced script at either end
 * of one of its words, or NULL if it has none (term_pattern() then builds
 * it).  Such an end has no word break in the pattern (EDGE_OPEN_* in
 * <*edges>).  Between two words of an unspaced script the space is
 * optional ("真空 感应炉" also finds "真空感应炉"), which makes the phrase an
 * expression; between such a word and another the scanned text always has
 * one (unspaced_split()).  A stem on an unspaced end is meaningless and
 * dropped: the term matches as a substring anyway.
 */
static char *
term_pattern_unspaced(const char *term, int *stem, int *inner,
    unsigned char *edges)
{
	const struct head_family *hf;
	struct pwords pw;
	size_t stemlen = 0;
	char *pat;

	*edges = 0;
	*stem = 0;
	*inner = 0;
	if (strncmp(term, "re:", 3) == 0)
		return NULL;
	pwords_split(term, &pw);
	if (!pw.any) {
		pwords_free(&pw);
		return NULL;
	}
	*edges = pwords_edges(&pw);
	hf = head_of(pw.f[pw.n - 1], pw.n > 1, &stemlen);
	*inner = pwords_need_re(&pw) || hf != NULL;
	pat = pwords_render(&pw, *edges, *inner, hf, stemlen, stem);
	pwords_free(&pw);
	return pat;
}

/*
 * How the last word <w> (<len> bytes, folded) of the inflected term <t>
 * may be part of a compound, in a language that writes compounds as one
 * word (MATCH_COMPOUND_*): as the compound's last part when the term is
 * that one word (<alone>), and as its first part.  Not the name of a
 * substance (a chemical, or any entry that names its goods by CAS number)
 * or an organism, where letters before or after name another substance
 * or a product ("Ethanol|amin", "Beryllium|kupfer", "Deuterium|lampe",
 * "Pocken|impfstoff"), and not a word short enough to sit inside
 * ordinary ones.
 */
static unsigned char
term_compound(const struct mterm *t, const struct inflect *in, const char *w,
    size_t len, bool alone)
{
	if (!inflect_compounds(in) || t->entry->category == CAT_CHEMICAL ||
	    t->entry->category == CAT_BIOLOGICAL || t->entry->cas.n > 0 ||
	    inflect_letters(w, len) < INFLECT_COMPOUND_MIN)
		return 0;
	return MATCH_COMPOUND_MOD | (alone ? MATCH_COMPOUND_HEAD : 0);
}

/*
 * A phrase of a language that declines its every word ("центробежный
 * насос", "центробежных насосов"): the words before the last, from the
 * pattern " words laststem" of term <id> whose last word starts at <w>,
 * become stems with their endings left out, checked when the last word is
 * found (inner_words_ok()), and the literal is " laststem" alone.
 */
static void
term_inner(struct matcher *m, size_t id, const struct inflect *in, size_t w)
{
	struct mterm *t = &m->terms[id];
	char *pat = m->patterns[id];
	size_t p = 1, q, st;

	while (p < w - 1) {
		for (q = p; pat[q] != ' '; q++)
			;
		if ((st = inflect_stem(in, pat + p, q - p)) == 0)
			st = q - p;	/* too short to decline: as written */
		t->inner = xreallocarray(t->inner, t->ninner + 1,
		    sizeof(*t->inner));
		t->inner[t->ninner].stem = xstrndup(pat + p, st);
		t->inner[t->ninner].stemlen = st;
		t->inner[t->ninner].end = xstrndup(pat + p + st, q - p - st);
		t->ninner++;
		p = q + 1;
	}
	memmove(pat + 1, pat + w, m->patlen[id] - w + 1);
	m->patlen[id] -= w - 1;
}

/*
 * A keyword of a language whose words inflect at their end (inflect.c),
 * written as a phrase literal " words " with its last word in full: the
 * literal becomes " words stem", a stem whose match runs on to the end of
 * its word, and on_literal() keeps it only when what follows the stem is
 * an ending of the language, after the stem or after the word in full
 * (the ending the stem left out, <infl_end>).  "тиодиэтанол" finds
 * "тиодиэтанола", "reaktör" "reaktörlerin", not "reaktörkazan"; "ракета"
 * (stem "ракет") finds "ракеты".
 */
static void
term_inflect(struct matcher *m, size_t id, const char *lang)
{
	const struct inflect *in = inflect_find(lang);
	char *pat = m->patterns[id];
	size_t len = m->patlen[id], w, stem;

	if (in == NULL || len < 3 || pat[0] != ' ' || pat[len - 1] != ' ')
		return;
	for (w = len - 1; w > 0 && pat[w - 1] != ' '; w--)
		;
	/* A phrase's every word, its last one an adjective too ("kulowy"). */
	if (w > 1 && inflect_inner(in) != NULL)
		in = inflect_inner(in);
	stem = inflect_stem(in, pat + w, len - 1 - w);
	if (stem == 0)
		return;
	m->terms[id].infl_end = xstrndup(pat + w + stem, len - 1 - w - stem);
	m->terms[id].compound = term_compound(&m->terms[id], in, pat + w,
	    len - 1 - w, w == 1);
	pat[w + stem] = '\0';
	m->patlen[id] = w + stem;
	m->terms[id].stem = 1;
	m->terms[id].infl = in;
	if (m->terms[id].compound & MATCH_COMPOUND_HEAD) {
		/* "zentrifug", found after other letters of its word too */
		memmove(pat, pat + 1, w + stem);
		m->patlen[id]--;
	}
	if (w > 1 && in != inflect_find(lang))
		term_inner(m, id, in, w);
}

/*
 * Adds <text>, term <i> of its entry's list of <kind> (a keyword from the
 * term file of <lang>, or NULL), as a pattern.  With <again> the keyword
 * is added once more for another language that writes it: only when it
 * takes that language's endings, and not to the spelling index again.
 */
static void
add_term(struct matcher *m, size_t eidx, const char *text, size_t i,
    enum term_kind kind, const char *lang, bool again)
{
	struct mterm *t;
	int stem, inner;

	/*
	 * Room doubles: a sanitizer build copies a reallocated block every
	 * time, so growing by one for tens of thousands of terms was quadratic.
	 */
	if (m->nterms == 0 || util_cap(m->nterms) != util_cap(m->nterms - 1)) {
		size_t cap = util_cap(m->nterms);

		m->terms = xreallocarray(m->terms, cap, sizeof(*m->terms));
		m->patterns = xreallocarray(m->patterns, cap,
		    sizeof(*m->patterns));
		m->edges = xreallocarray(m->edges, cap, sizeof(*m->edges));
		m->patlen = xreallocarray(m->patlen, cap, sizeof(*m->patlen));
	}
	t = &m->terms[m->nterms];
	t->entry = m->entries[eidx];
	t->eidx = eidx;
	t->kind = kind;
	t->idx = i;
	t->infl = NULL;
	t->infl_end = NULL;
	t->compound = 0;
	t->inner = NULL;
	t->ninner = 0;
	m->patterns[m->nterms] = term_pattern_unspaced(text, &stem, &inner,
	    &m->edges[m->nterms]);
	if (m->patterns[m->nterms] == NULL)
		m->patterns[m->nterms] = term_pattern(text, &stem, &inner);
	m->patlen[m->nterms] = strlen(m->patterns[m->nterms]);
	t->stem = stem;
	t->is_regex = strncmp(text, "re:", 3) == 0;
	t->is_phrase_re = inner;
	t->spaces = pattern_spaces(m->patterns[m->nterms]);
	if (kind == TERM_KEYWORD && !t->is_regex && !inner && !again)
		spell_add_pattern(m, (unsigned)m->nterms,
		    m->patterns[m->nterms], stem);
	/* After the spelling index took the word in full. */
	if (kind == TERM_KEYWORD && !t->is_regex && !inner && !stem &&
	    m->edges[m->nterms] == 0)
		term_inflect(m, m->nterms, lang);
	if (again && t->infl == NULL) {
		free(m->patterns[m->nterms]);
		m->patterns[m->nterms] = NULL;
		return;
	}
	m->nterms++;
}

/*
 * Keyword <i> of entry <eidx> once more for each other language whose term
 * file wrote it again ("Kaliumfluorid" is a keyword of the list file and of
 * the German and Swedish files): it declines as each of them, and takes the
 * Romance plural of each.
 */
static void
add_term_also(struct matcher *m, size_t eidx, const char *text, size_t i,
    const char *lang)
{
	const char *also;
	char *pl;
	size_t k;

	for (k = 0; (also = rules_keyword_also_lang(m->entries[eidx], i,
	    k)) != NULL; k++) {
		if (lang != NULL && strcmp(also, lang) == 0)
			continue;
		add_term(m, eidx, text, i, TERM_KEYWORD, also, true);
		if ((pl = inflect_plural(text, also)) != NULL) {
			add_term(m, eidx, pl, i, TERM_KEYWORD, also, false);
			free(pl);
		}
	}
}

/*
 * The term <text> with its two words swapped, or NULL (caller frees).  In
 * the Slavic languages an adjective follows its noun as readily as it
 * precedes it, and catalogues and invoices put the noun first
 * ("преобразователь частотный", "насос вакуумный", "čerpadlo vakuové"):
 * a term of two stemmed words ("частотн* преобразовател*"), Cyrillic or
 * from a Polish, Czech or Slovak term file (<lang>), is found either way.
 */
static char *
term_swapped(const char *text, const char *lang)
{
	const char *sp = strchr(text, ' ');
	size_t len = strlen(text);
	char *out;

	if (sp == NULL || strchr(sp + 1, ' ') != NULL || sp[-1] != '*' ||
	    text[len - 1] != '*' || strncmp(text, "re:", 3) == 0)
		return NULL;
	if (!((unsigned char)text[0] >= 0xd0 && (unsigned char)text[0] <= 0xd3) &&
	    (lang == NULL || (strcmp(lang, "pl") != 0 && strcmp(lang, "cs") != 0 &&
	    strcmp(lang, "sk") != 0)))
		return NULL;
	(void)xasprintf(&out, "%s %.*s", sp + 1, (int)(sp - text), text);
	return out;
}

static void
add_terms(struct matcher *m, size_t eidx, const struct strv *sv,
    enum term_kind kind)
{
	size_t i;

	for (i = 0; i < sv->n; i++) {
		const char *lang = kind == TERM_KEYWORD ?
		    rules_keyword_lang(m->entries[eidx], i) : NULL;
		char *sw;

		add_term(m, eidx, sv->v[i], i, kind, lang, false);
		if ((sw = term_swapped(sv->v[i], lang)) != NULL) {
			add_term(m, eidx, sw, i, kind, lang, false);
			free(sw);
		}
		/* "tanque vidriado" also as "tanques vidriados" */
		if ((sw = inflect_plural(sv->v[i], lang)) != NULL) {
			add_term(m, eidx, sw, i, kind, lang, false);
			free(sw);
		}
		if (kind == TERM_KEYWORD)
			add_term_also(m, eidx, sv->v[i], i, lang);
	}
}

static void
trie_add(struct matcher *m, const char *digits, size_t eidx, int context)
{
	size_t node = 0;
	const char *p;
	struct trie_node *n;

	for (p = digits; *p; p++) {
		int d = *p - '0';

		if (m->nodes[node].child[d] == 0) {
			m->nodes = xreallocarray(m->nodes, m->nnodes + 1,
			    sizeof(*m->nodes));
			memset(&m->nodes[m->nnodes], 0, sizeof(*m->nodes));
			m->nodes[node].child[d] = (int)m->nnodes;
			m->nnodes++;
		}
		node = (size_t)m->nodes[node].child[d];
	}
	n = &m->nodes[node];
	n->hits = xreallocarray(n->hits, n->nhits + 1, sizeof(*n->hits));
	n->hits[n->nhits].eidx = eidx;
	n->hits[n->nhits].digits = (int)strlen(digits);
	n->hits[n->nhits].context = context;
	n->nhits++;
}

static int
cas_cmp(const void *a, const void *b)
{
	const struct cas_row *x = a, *y = b;
	int c = strcmp(x->cas, y->cas);

	if (c != 0)
		return c;
	return x->eidx < y->eidx ? -1 : x->eidx > y->eidx;
}

struct matcher *
match_new(const struct ruleset *rs)
{
	struct matcher *m = xcalloc(1, sizeof(*m));
	size_t i, j, k;

	m->rs = rs;
	m->entries = xcalloc(rs->nentries ? rs->nentries : 1,
	    sizeof(*m->entries));
	for (i = 0; i < rs->nlists; i++)
		for (j = 0; j < rs->lists[i].nentries; j++)
			m->entries[m->nentries++] = &rs->lists[i].entries[j];
	m->nodes = xcalloc(1, sizeof(*m->nodes));
	m->nnodes = 1;
	m->spell = spell_new();
	for (i = 0; i < m->nentries; i++) {
		const struct rule_entry *e = m->entries[i];

		add_terms(m, i, &e->keywords, TERM_KEYWORD);
		add_terms(m, i, &e->exclude, TERM_EXCLUDE);
		add_terms(m, i, &e->requires, TERM_REQUIRES);
		add_terms(m, i, &e->exempt, TERM_EXEMPT);
		for (k = 0; k < e->hs.n; k++)
			trie_add(m, e->hs.v[k], i, 0);
		for (k = 0; k < e->hs_context.n; k++)
			trie_add(m, e->hs_context.v[k], i, 1);
		for (k = 0; k < e->cas.n; k++) {
			m->cas = xreallocarray(m->cas, m->ncas + 1,
			    sizeof(*m->cas));
			snprintf(m->cas[m->ncas].cas, sizeof(m->cas[0].cas),
			    "%s", e->cas.v[k]);
			m->cas[m->ncas].eidx = i;
			m->ncas++;
		}
	}
	if (m->ncas > 0)
		qsort(m->cas, m->ncas, sizeof(*m->cas), cas_cmp);
	return m;
}

/* The entry's list of words that term <t> comes from. */
static const struct strv *
term_list(const struct mterm *t)
{
	switch (t->kind) {
	case TERM_KEYWORD:
		return &t->entry->keywords;
	case TERM_EXCLUDE:
		return &t->entry->exclude;
	case TERM_EXEMPT:
		return &t->entry->exempt;
	case TERM_REQUIRES:
		break;
	}
	return &t->entry->requires;
}

static const int *
term_line(const struct mterm *t)
{
	return &term_list(t)->line[t->idx];
}

static void
compile_error(struct matcher *m, hs_compile_error_t *cerr, const unsigned *ids,
    struct buf *errs)
{
	if (cerr->expression >= 0) {
		const struct mterm *t = &m->terms[ids[cerr->expression]];
		const struct strv *sv = term_list(t);

		buf_printf(errs, "%s:%d: term \"%s\": %s\n",
		    t->kind == TERM_KEYWORD ? rules_keyword_file(t->entry,
		    t->idx) : t->entry->list ? t->entry->list->file : "?",
		    *term_line(t), sv->v[t->idx], cerr->message);
	} else
		buf_printf(errs, "matcher: %s\n", cerr->message);
	hs_free_compile_error(cerr);
}

/* CPU seconds of this process, for the cache's notes. */
static double
cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * One database: from the cache directory <dir> (NULL: off) when it holds
 * one for exactly these arguments, else compiled (and stored there).  The
 * literal database when <lens> is set.  Says what happened in <note>.
 * Returns HS_SUCCESS, or the compile error with *<cerr>.
 */
static hs_error_t
compile_cached(const char *dir, const char *const *pats, const size_t *lens,
    const unsigned *flags, const unsigned *ids, unsigned n,
    hs_database_t **db, hs_compile_error_t **cerr, struct buf *note)
{
	struct hscache_key k;
	const char *what = lens != NULL ? "literals" : "expressions";
	double t0 = cpu_now();
	hs_error_t err;

	if (dir != NULL) {
		hscache_key(&k, pats, lens, flags, ids, n, HS_MODE_BLOCK);
		if ((*db = hscache_load(dir, &k)) != NULL) {
			buf_printf(note, "%s%s (%u) loaded in %.2f s",
			    note->len ? ", " : "", what, n, cpu_now() - t0);
			return HS_SUCCESS;
		}
	}
	if (lens != NULL)
		err = hs_compile_lit_multi(pats, flags, ids, lens, n,
		    HS_MODE_BLOCK, NULL, db, cerr);
	else
		err = hs_compile_multi(pats, flags, ids, n, HS_MODE_BLOCK,
		    NULL, db, cerr);
	if (err != HS_SUCCESS)
		return err;
	buf_printf(note, "%s%s (%u) compiled in %.2f s", note->len ? ", " : "",
	    what, n, cpu_now() - t0);
	if (dir != NULL && hscache_store(dir, &k, *db) == 0)
		buf_printf(note, " and stored");
	return HS_SUCCESS;
}

/*
 * Compiles the phrases into one literal database (fast to build, no start
 * of match tracking needed: a literal's start is its end minus its length)
 * and the few regular expressions into another, with leftmost start.  Each
 * comes from the rules cache (hscache.h) when it holds one built from the
 * very same patterns.
 */
int
match_prepare(struct matcher *m, struct buf *errs)
{
	hs_compile_error_t *cerr = NULL;
	const char **lit = xcalloc(m->nterms + 1, sizeof(*lit));
	const char **re = xcalloc(m->nterms + 1, sizeof(*re));
	size_t *litlen = xcalloc(m->nterms + 1, sizeof(*litlen));
	unsigned *litid = xcalloc(m->nterms + 1, sizeof(*litid));
	unsigned *reid = xcalloc(m->nterms + 1, sizeof(*reid));
	unsigned *litfl = xcalloc(m->nterms + 1, sizeof(*litfl));
	unsigned *refl = xcalloc(m->nterms + 1, sizeof(*refl));
	char *dir = hscache_dir();
	struct buf note;
	size_t i, nlit = 0, nre = 0;
	int rc = -1;

	buf_init(&note);
	for (i = 0; i < m->nterms; i++) {
		if (m->terms[i].is_regex || m->terms[i].is_phrase_re) {
			re[nre] = unvoice_pattern(m->patterns[i]);
			reid[nre] = (unsigned)i;
			/* See pattern_spaces(): phrases need no SOM. */
			refl[nre] = m->terms[i].is_phrase_re &&
			    m->edges[i] == 0 ? HS_FLAG_UTF8 :
			    HS_FLAG_SOM_LEFTMOST | HS_FLAG_UTF8;
			nre++;
		} else {
			lit[nlit] = m->patterns[i];
			litlen[nlit] = m->patlen[i];
			litid[nlit] = (unsigned)i;
			litfl[nlit] = 0;
			nlit++;
		}
	}
	if (nlit > 0 && compile_cached(dir, lit, litlen, litfl, litid,
	    (unsigned)nlit, &m->lit_db, &cerr, &note) != HS_SUCCESS) {
		compile_error(m, cerr, litid, errs);
		goto done;
	}
	if (nre > 0 && compile_cached(dir, re, NULL, refl, reid,
	    (unsigned)nre, &m->re_db, &cerr, &note) != HS_SUCCESS) {
		compile_error(m, cerr, reid, errs);
		goto done;
	}
	if ((m->lit_db && hs_alloc_scratch(m->lit_db, &m->scratch) !=
	    HS_SUCCESS) || (m->re_db && hs_alloc_scratch(m->re_db,
	    &m->scratch) != HS_SUCCESS)) {
		buf_printf(errs, "matcher: cannot allocate scratch space\n");
		goto done;
	}
	spell_prepare(m->spell);
	if (dir != NULL && note.len > 0)
		hscache_note("%s (%s)", note.data, dir);
	rc = 0;
done:
	buf_free(&note);
	free(dir);
	free(lit);
	for (i = 0; i < nre; i++)
		free((char *)re[i]);
	free(re);
	free(litlen);
	free(litid);
	free(reid);
	free(litfl);
	free(refl);
	return rc;
}

void
match_free(struct matcher *m)
{
	size_t i, k;

	if (m == NULL)
		return;
	for (i = 0; i < m->nterms; i++) {
		free(m->patterns[i]);
		free(m->terms[i].infl_end);
		for (k = 0; k < m->terms[i].ninner; k++) {
			free(m->terms[i].inner[k].stem);
			free(m->terms[i].inner[k].end);
		}
		free(m->terms[i].inner);
	}
	free(m->patterns);
	free(m->patlen);
	free(m->edges);
	free(m->terms);
	if (m->scratch)
		hs_free_scratch(m->scratch);
	if (m->lit_db)
		hs_free_database(m->lit_db);
	if (m->re_db)
		hs_free_database(m->re_db);
	spell_free(m->spell);
	for (i = 0; i < m->nnodes; i++)
		free(m->nodes[i].hits);
	free(m->nodes);
	free(m->cas);
	free(m->entries);
	free(m);
}

const struct ruleset *
match_ruleset(const struct matcher *m)
{
	return m->rs;
}

size_t
match_nentries(const struct matcher *m)
{
	return m->nentries;
}

const struct rule_entry *
match_entry(const struct matcher *m, size_t eidx)
{
	return m->entries[eidx];
}

const struct mterm *
match_term(const struct matcher *m, unsigned id)
{
	return &m->terms[id];
}

struct match_scratch *
match_scratch_new(const struct matcher *m)
{
	struct match_scratch *sc = xcalloc(1, sizeof(*sc));

	if (m->scratch && hs_clone_scratch(m->scratch, &sc->s) != HS_SUCCESS)
		fatalx("hs_clone_scratch failed");
	return sc;
}

void
match_scratch_free(struct match_scratch *sc)
{
	if (sc == NULL)
		return;
	if (sc->s)
		hs_free_scratch(sc->s);
	if (sc->ws != NULL && sc->ws_free != NULL)
		sc->ws_free(sc->ws);
	free(sc);
}

void *
match_scratch_workspace(struct match_scratch *sc)
{
	return sc->ws;
}

void
match_scratch_set_workspace(struct match_scratch *sc, void *ws,
    void (*freefn)(void *))
{
	if (sc->ws != NULL && sc->ws_free != NULL)
		sc->ws_free(sc->ws);
	sc->ws = ws;
	sc->ws_free = freefn;
}

struct scan_ctx {
	const struct matcher	*m;
	const char		*text;
	size_t			 len;
	const size_t		*map;	/* scanned -> folded offsets, or NULL */
	match_cb		 cb;
	void			*arg;
};

/* Reports [b, e) of the scanned text in the folded text's offsets. */
static void
scan_report(const struct scan_ctx *s, unsigned id, size_t b, size_t e)
{
	if (s->map != NULL && b < e)
		s->cb(id, s->map[b], s->map[e - 1] + 1, s->arg);
	else
		s->cb(id, b, e, s->arg);
}

/*
 * A term ending in a Hangul syllable without a final consonant (its last
 * jamo a vowel) must not match the first jamo of a syllable that has one:
 * 기 is not the start of 긴.  Folded Hangul is conjoining jamo; finals are
 * U+11A8..U+11FF, UTF-8 E1 86 A8..E1 87 BF.  <end> is the padded offset
 * just past the match.
 */
static int
unspaced_end_ok(const struct scan_ctx *s, unsigned char edges, size_t end)
{
	const unsigned char *p = (const unsigned char *)s->text + end;

	if (!(edges & EDGE_OPEN_END) || end + 3 > s->len + 2)
		return 1;
	if (p[0] == 0xe1 && ((p[1] == 0x86 && p[2] >= 0xa8) || p[1] == 0x87))
		return 0;
	return 1;
}

/*
 * Before a Hebrew term (EDGE_CLITIC_START) at padded offset <b>: a word
 * break, after at most three of the joined one-letter words.  Hebrew
 * letters are two bytes in UTF-8, D7 90..D7 AA.
 */
static int
clitic_start_ok(const struct scan_ctx *s, unsigned char edges, size_t b)
{
	const unsigned char *t = (const unsigned char *)s->text;
	int n = 0;

	if (!(edges & EDGE_CLITIC_START))
		return 1;
	while (b >= 2 && t[b - 2] == 0xd7 && t[b - 1] >= 0x90 &&
	    t[b - 1] <= 0xaa) {
		switch (t[b - 1]) {
		case 0x95: case 0x94: case 0x91: case 0x9c: case 0x9e:
		case 0xa9: case 0x9b:	/* ו ה ב ל מ ש כ */
			break;
		default:
			return 0;
		}
		if (++n > 3)
			return 0;
		b -= 2;
	}
	return b == 0 || t[b - 1] == ' ';
}

/* True if <tail> (<len> bytes) after a stem is an ending of <in>, after
 * the stem or after the word in full (the stem and <end>). */
static bool
tail_ok(const struct inflect *in, const char *end, const char *tail,
    size_t len)
{
	size_t el = strlen(end);

	if (inflect_tail_ok(in, tail, len))
		return true;
	return el > 0 && el <= len && memcmp(tail, end, el) == 0 &&
	    inflect_tail_ok(in, tail + el, len - el);
}

/* True if <tail> (<len> bytes) ends the inflected term <t>'s last word. */
static bool
inflected_tail(const struct mterm *t, const char *tail, size_t len)
{
	return tail_ok(t->infl, t->infl_end, tail, len);
}

/*
 * True if the words before the last word of <t>, found after padded
 * offset *<b> (a word break), are its inner words, each declined; then
 * *<b> is the word break before the first of them.
 */
static bool
inner_words_ok(const struct scan_ctx *s, const struct mterm *t, size_t *b)
{
	const struct inflect *in = t->infl;	/* the phrase's table */
	size_t pos = *b, i = t->ninner, start;

	while (i-- > 0) {
		const struct mword *w = &t->inner[i];

		for (start = pos; start > 0 && s->text[start - 1] != ' ';
		    start--)
			;
		if (start == 0 || pos - start < w->stemlen ||
		    memcmp(s->text + start, w->stem, w->stemlen) != 0 ||
		    !tail_ok(in, w->end, s->text + start + w->stemlen,
		    pos - start - w->stemlen))
			return false;
		pos = start - 1;
	}
	*b = pos;
	return true;
}

/*
 * True if <tail> (<len> bytes) after the stem of <t> goes on past its word
 * in full as the last part of a compound: INFLECT_COMPOUND_PART letters
 * or more, a linking element included ("zentrifug" + "e" + "nrotor").
 */
static bool
compound_tail(const struct mterm *t, const char *tail, size_t len)
{
	size_t el = strlen(t->infl_end);

	if (el <= len && memcmp(tail, t->infl_end, el) == 0) {
		tail += el;
		len -= el;
	}
	return inflect_compound_tail(t->infl, tail, len);
}

/*
 * True if the compound head term <t>, whose stem starts after padded
 * offset <b>, starts a word there or follows a compound's first part of
 * INFLECT_COMPOUND_PART letters or more ("hochleistungs" before it).
 */
static bool
compound_start_ok(const struct scan_ctx *s, size_t b)
{
	size_t k = b;

	if (s->text[b] == ' ')
		return true;
	while (k > 0 && s->text[k - 1] != ' ')
		k--;
	return inflect_letters(s->text + k, b + 1 - k) >= INFLECT_COMPOUND_PART;
}

/*
 * Offsets are in the padded text " <text> ".  A phrase literal " words "
 * ends after the space that follows its words: its words are
 * [to - len + 1, to - 1) padded, [to - len, to - 2) unpadded.  A stem
 * literal " word" is extended to the end of its word.
 */
static int
on_literal(unsigned int id, unsigned long long from, unsigned long long to,
    unsigned int flags, void *ctx)
{
	struct scan_ctx *s = ctx;
	const struct mterm *t = &s->m->terms[id];
	unsigned char edges = s->m->edges[id];
	size_t e = (size_t)to, b = e - s->m->patlen[id];

	if (!unspaced_end_ok(s, edges, e) || !clitic_start_ok(s, edges, b))
		return 0;
	if (edges & EDGE_OPEN_START)
		b -= 1;
	if (t->compound & MATCH_COMPOUND_HEAD) {
		b -= 1;		/* compiled without its leading space */
		if (!compound_start_ok(s, b))
			return 0;
	}
	if (edges & EDGE_OPEN_END)
		e -= 1;
	else if (t->stem) {
		size_t tail = e;

		while (e < s->len + 1 && s->text[e] != ' ')
			e++;
		if (t->infl != NULL && !inflected_tail(t, s->text + tail,
		    e - tail) && !((t->compound & MATCH_COMPOUND_MOD) &&
		    compound_tail(t, s->text + tail, e - tail)))
			return 0;
		if (t->ninner > 0 && !inner_words_ok(s, t, &b))
			return 0;
		e -= 1;
	} else
		e -= 2;
	scan_report(s, id, b, e);
	return 0;
}

static int
on_regex(unsigned int id, unsigned long long from, unsigned long long to,
    unsigned int flags, void *ctx)
{
	struct scan_ctx *s = ctx;
	const struct mterm *t = &s->m->terms[id];
	size_t b = (size_t)from, e = (size_t)to;

	if (t->is_phrase_re && s->m->edges[id] != 0) {
		unsigned char edges = s->m->edges[id];

		if (!unspaced_end_ok(s, edges, e) ||
		    !clitic_start_ok(s, edges, b))
			return 0;
		if (t->stem) {
			if (s->text[e] != ' ')
				return 0;	/* reported again at the word end */
			e -= 1;
		} else
			e -= edges & EDGE_OPEN_END ? 1 : 2;
		if (edges & EDGE_OPEN_START)
			b -= 1;
		scan_report(s, id, b, e);
		return 0;
	}
	if (t->is_phrase_re) {
		int k = t->spaces;

		/* Compiled without SOM: the start is the k-th word break
		 * back from the end (the match holds exactly k). */
		for (b = e; b > 0 && k > 0; ) {
			b--;
			if (s->text[b] == ' ')
				k--;
		}
		/* Written as a phrase: same offsets as a literal's. */
		if (t->stem) {
			if (s->text[e] != ' ')
				return 0;	/* reported again at the word end */
			e -= 1;
		} else
			e -= 2;
		scan_report(s, id, b, e);
		return 0;
	}
	b = b > 0 ? b - 1 : 0;
	e = e > 0 ? e - 1 : 0;
	if (e > s->len)
		e = s->len;
	if (b < e)
		scan_report(s, id, b, e);
	return 0;
}

/*
 * Spelling variants are reported after the exact scan, and only where no
 * exact keyword occurrence covers them: "triethyl phosphite" written
 * correctly is that term, not a misspelt "trimethyl phosphite".
 */
struct exact_ctx {
	const struct matcher	*m;
	const size_t		*map;	/* variants' offsets -> folded, or NULL */
	match_cb		 cb;
	void			*arg;
	struct { size_t from, to; } *span;
	size_t			 nspan;
};

static void
on_exact(unsigned id, size_t from, size_t to, void *arg)
{
	struct exact_ctx *x = arg;

	if (x->m->terms[id].kind == TERM_KEYWORD) {
		x->span = xreallocarray(x->span, x->nspan + 1,
		    sizeof(*x->span));
		x->span[x->nspan].from = from;
		x->span[x->nspan].to = to;
		x->nspan++;
	}
	x->cb(id, from, to, x->arg);
}

static void
on_variant(unsigned id, size_t from, size_t to, enum spell_how how,
    void *arg)
{
	struct exact_ctx *x = arg;
	size_t i;

	(void)how;
	if (x->map != NULL && from < to) {
		to = x->map[to - 1] + 1;
		from = x->map[from];
	}
	for (i = 0; i < x->nspan; i++)
		if (x->span[i].from <= from && to <= x->span[i].to)
			return;
	x->cb(id, from, to, x->arg);
}

/*
 * Maps a span of the text without voicing marks back to the scanned text
 * (marks after its last letter included), then through <smap> (may be
 * NULL) to the folded text.
 */
struct unvoiced_ctx {
	size_t		*map;
	const size_t	*smap;
	match_cb	 cb;
	void		*arg;
};

static void
on_unvoiced(unsigned id, size_t from, size_t to, void *arg)
{
	struct unvoiced_ctx *u = arg;

	from = u->map[from];
	to = u->map[to];
	if (u->smap != NULL && from < to) {
		to = u->smap[to - 1] + 1;
		from = u->smap[from];
	}
	u->cb(id, from, to, u->arg);
}

int
match_terms(const struct matcher *m, struct match_scratch *sc,
    const char *text, size_t len, match_cb cb, void *arg)
{
	struct scan_ctx s;
	struct exact_ctx x;
	hs_scratch_t *scr = sc ? sc->s : m->scratch;
	char *padded;
	int rc = 0;

	char *split;
	size_t *map = NULL;

	if ((m->lit_db == NULL && m->re_db == NULL) || len == 0)
		return 0;
	/* "igbt变频器" is scanned as "igbt 变频器": see unspaced_split(). */
	if ((split = unspaced_split(text, len, &len, &map)) != NULL)
		text = split;
	padded = xmalloc(len + 3);
	padded[0] = ' ';
	memcpy(padded + 1, text, len);
	padded[len + 1] = ' ';
	padded[len + 2] = '\0';
	x.m = m;
	x.map = map;
	x.cb = cb;
	x.arg = arg;
	x.span = NULL;
	x.nspan = 0;
	s.m = m;
	s.text = padded;
	s.len = len;
	s.map = map;
	s.cb = on_exact;
	s.arg = &x;
	if (m->lit_db && hs_scan(m->lit_db, padded, (unsigned)len + 2, 0, scr,
	    on_literal, &s) != HS_SUCCESS)
		rc = -1;
	if (m->re_db) {
		struct unvoiced_ctx u;
		size_t ulen;
		char *ut = unvoice_text(text, len, &u.map, &ulen);

		if (ut != NULL) {
			/* Same scan over the text without voicing marks. */
			free(padded);
			padded = xmalloc(ulen + 3);
			padded[0] = ' ';
			memcpy(padded + 1, ut, ulen);
			padded[ulen + 1] = ' ';
			padded[ulen + 2] = '\0';
			u.smap = map;
			u.cb = on_exact;
			u.arg = &x;
			s.text = padded;
			s.len = ulen;
			s.map = NULL;
			s.cb = on_unvoiced;
			s.arg = &u;
			free(ut);
		}
		if (hs_scan(m->re_db, padded, (unsigned)s.len + 2, 0, scr,
		    on_regex, &s) != HS_SUCCESS)
			rc = -1;
		if (ut != NULL)
			free(u.map);
	}
	spell_search(m->spell, text, len, on_variant, &x);
	free(x.span);
	free(padded);
	free(split);
	free(map);
	return rc;
}

size_t
match_hs(const struct matcher *m, const char *digits, struct hs_hit *out,
    size_t max)
{
	size_t node = 0, n = 0, i;
	const char *p;

	for (p = digits;; p++) {
		const struct trie_node *t = &m->nodes[node];

		for (i = 0; i < t->nhits && n < max; i++)
			out[n++] = t->hits[i];
		if (*p == '\0' || !isdigit((unsigned char)*p))
			break;
		if (t->child[*p - '0'] == 0)
			break;
		node = (size_t)t->child[*p - '0'];
	}
	return n;
}

size_t
match_cas(const struct matcher *m, const char *cas, size_t *out, size_t max)
{
	size_t lo = 0, hi = m->ncas, n = 0;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (strcmp(m->cas[mid].cas, cas) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	while (lo < m->ncas && strcmp(m->cas[lo].cas, cas) == 0 && n < max)
		out[n++] = m->cas[lo++].eidx;
	return n;
}
