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
		    struct word **);
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
 * Folds <len> bytes of <text> into <f> and points *<wp> (caller frees) at
 * its words, each cut to a key; returns how many.
 */
static size_t
fold_words(const char *text, size_t len, struct folded *f, struct word **wp)
{
	struct word *w;
	size_t i = 0, n = 0, start;

	normalize_fold(text, len, f);
	w = xcalloc(f->len / 2 + 1, sizeof(*w));
	while (i < f->len) {
		if (f->text[i] == ' ') {
			i++;
			continue;
		}
		start = i;
		while (i < f->len && f->text[i] != ' ')
			i++;
		w[n].s = f->text + start;
		w[n].len = key_cut(w[n].s, i - start);
		n++;
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

	n = fold_words(text, len, &f, &w);
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

	n = fold_words(term, strlen(term), &f, &w);
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
