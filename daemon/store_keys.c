/*
 * The queue's search keys and the query over them (store_keys.h;
 * schemas/0019_search_keys.sql).
 *
 * Both sides go through the same fold and the same cut, so that a term
 * word that starts a word of the stored text (ignoring case, accents and
 * the other differences folding removes) is a prefix of one of its keys:
 * folding maps each character on its own, and a key cut at STORE_KEY_MAX
 * bytes keeps the first bytes that a cut term word has too.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "store_keys.h"
#include "util.h"
#include "xmalloc.h"

struct word {
	const char	*s;
	size_t		 len;
};

static size_t	key_cut(const char *s, size_t len);
static void	key_quote(struct buf *, const char *, size_t);
static size_t	fold_words(const char *, size_t, struct folded *,
		    struct word **, bool);
static int	word_cmp(const void *, const void *);

/* <len> cut to at most STORE_KEY_MAX bytes at a UTF-8 character boundary. */
static size_t
key_cut(const char *s, size_t len)
{
	if (len <= STORE_KEY_MAX)
		return len;
	len = STORE_KEY_MAX;
	while (len > 0 && ((unsigned char)s[len] & 0xc0) == 0x80)
		len--;
	return len;
}

/* A lexeme in tsvector / tsquery text: quoted, ' doubled, \ escaped. */
static void
key_quote(struct buf *b, const char *s, size_t len)
{
	size_t i;

	buf_addc(b, '\'');
	for (i = 0; i < len; i++) {
		if (s[i] == '\'')
			buf_addc(b, '\'');
		else if (s[i] == '\\')
			buf_addc(b, '\\');
		buf_addc(b, s[i]);
	}
	buf_addc(b, '\'');
}

/*
 * True if the code point at <s> (UTF-8, <n> bytes left) is of a script
 * written without spaces between words (Han, kana), or starts a Hangul
 * syllable, and its length in *<cl>.  Such text folds into one "word" per
 * phrase ("三氯氧磷工业级"): each of its characters is a key of its own,
 * so that a term anywhere in the phrase still finds the row (every
 * character of the term is a key; ILIKE then decides).  Korean separates
 * its words but builds long compounds ("화학제품"), so each syllable is a
 * key too: folding decomposes it into its leading consonant, vowel and
 * optional final consonant (conjoining jamo), which stay one key.
 */
/* The code point of the three-byte UTF-8 sequence at <s>, or 0. */
static uint32_t
utf8_3(const unsigned char *s)
{
	if ((s[0] & 0xf0) != 0xe0 || (s[1] & 0xc0) != 0x80 ||
	    (s[2] & 0xc0) != 0x80)
		return 0;
	return (uint32_t)(s[0] & 0x0f) << 12 | (uint32_t)(s[1] & 0x3f) << 6 |
	    (s[2] & 0x3f);
}

static bool
unspaced(const unsigned char *s, size_t n, size_t *cl)
{
	uint32_t c;

	if (s[0] < 0xe0 || n < 3) {
		*cl = s[0] < 0x80 ? 1 : s[0] < 0xe0 ? 2 : s[0] < 0xf0 ? 3 : 4;
		if (*cl > n)
			*cl = n;
		return false;
	}
	if (s[0] >= 0xf0) {
		*cl = n < 4 ? n : 4;
		if (n < 4)
			return false;
		c = (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3f) << 12 |
		    (uint32_t)(s[2] & 0x3f) << 6 | (s[3] & 0x3f);
		return c >= 0x20000 && c <= 0x3ffff;	/* Han extensions */
	}
	*cl = 3;
	c = utf8_3(s);
	if (c >= 0x1100 && c <= 0x115f) {	/* a syllable's leading jamo */
		while (*cl + 3 <= n && utf8_3(s + *cl) >= 0x1160 &&
		    utf8_3(s + *cl) <= 0x11ff)
			*cl += 3;
		return true;
	}
	return (c >= 0x3040 && c <= 0x30ff) ||	/* hiragana, katakana */
	    (c >= 0x31f0 && c <= 0x31ff) ||	/* katakana extensions */
	    (c >= 0x3400 && c <= 0x4dbf) ||	/* Han extension A */
	    (c >= 0x4e00 && c <= 0x9fff) ||	/* Han */
	    (c >= 0xf900 && c <= 0xfaff) ||	/* Han compatibility */
	    (c >= 0xac00 && c <= 0xd7a3) ||	/* Hangul syllables, if composed */
	    (c >= 0xff66 && c <= 0xff9f);	/* half-width katakana */
}

/* Adds word <s> of <len> bytes, cut to a key, to <w> (room for it made). */
static void
add_word(struct word **w, size_t *n, size_t *cap, const char *s, size_t len)
{
	if (*n == *cap) {
		*cap = *cap * 2 + 8;
		*w = xreallocarray(*w, *cap, sizeof(**w));
	}
	(*w)[*n].s = s;
	(*w)[*n].len = key_cut(s, len);
	(*n)++;
}

/*
 * Folds <len> bytes of <text> into <f> and points *<wp> (caller frees) at
 * its words, each cut to a key; returns how many.  A character of a script
 * written without spaces is a word of its own (unspaced).  With <keys>, a
 * word that folding made from Arabic with the article glued to it
 * ("الفوسفور", "alfwsfwr") is also a key without it ("fwsfwr"), so that
 * the word written without the article finds it.
 */
static size_t
fold_words(const char *text, size_t len, struct folded *f, struct word **wp,
    bool keys)
{
	const unsigned char *t;
	struct word *w = NULL;
	size_t i = 0, n = 0, cap = 0, start, cl;

	normalize_fold(text, len, f);
	t = (const unsigned char *)f->text;
	while (i < f->len) {
		if (t[i] == ' ') {
			i++;
			continue;
		}
		start = i;
		while (i < f->len && t[i] != ' ') {
			if (!unspaced(t + i, f->len - i, &cl)) {
				i += cl;
				continue;
			}
			if (i > start)
				add_word(&w, &n, &cap, f->text + start,
				    i - start);
			add_word(&w, &n, &cap, f->text + i, cl);
			i += cl;
			start = i;
		}
		if (i == start)
			continue;
		add_word(&w, &n, &cap, f->text + start, i - start);
		if (keys && i - start > 4 && memcmp(t + start, "al", 2) == 0 &&
		    f->map[start] < len &&
		    (unsigned char)text[f->map[start]] >= 0xd8 &&
		    (unsigned char)text[f->map[start]] <= 0xdb)
			add_word(&w, &n, &cap, f->text + start + 2,
			    i - start - 2);
	}
	*wp = w;
	return n;
}

static int
word_cmp(const void *a, const void *b)
{
	const struct word *x = a, *y = b;
	int c = memcmp(x->s, y->s, x->len < y->len ? x->len : y->len);

	if (c != 0)
		return c;
	return (x->len > y->len) - (x->len < y->len);
}

bool
store_search_keys(struct buf *b, const char *text, size_t len)
{
	struct folded f;
	struct word *w;
	size_t n, i, len0 = b->len;
	bool ok = true;

	n = fold_words(text, len, &f, &w, true);
	qsort(w, n, sizeof(*w), word_cmp);
	for (i = 0; i < n; i++) {
		if (i > 0 && word_cmp(&w[i - 1], &w[i]) == 0)
			continue;
		if (b->len > len0)
			buf_addc(b, ' ');
		key_quote(b, w[i].s, w[i].len);
		if (b->len - len0 > STORE_KEYS_MAX) {
			b->len = len0;
			ok = false;
			break;
		}
	}
	free(w);
	folded_free(&f);
	return ok;
}

bool
store_search_query(struct buf *b, const char *term)
{
	struct folded f;
	struct word *w;
	size_t n, i;

	n = fold_words(term, strlen(term), &f, &w, false);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_adds(b, " & ");
		key_quote(b, w[i].s, w[i].len);
		buf_adds(b, ":*");
	}
	free(w);
	folded_free(&f);
	return n > 0;
}
