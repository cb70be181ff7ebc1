/*
 * Spelling variants of keyword terms.  Two sorted tables, searched word by
 * word over the folded text:
 *
 *  - typing errors: for every word of a long term, the word and each of its
 *    one-letter deletions is a key.  A text word finds its candidates by
 *    looking up itself and its own deletions (the classic deletion
 *    neighbourhood), and each candidate is then verified: one letter
 *    inserted, one dropped or two neighbours swapped.  A substituted letter
 *    is NOT a typing error here: it is how chemistry names other compounds
 *    (sulfite/sulfide, nitrate/nitrite, chlorate/chlorite), and the first
 *    letter must match (ethyl/methyl).  Only one word of a term may vary.
 *
 *  - joined and split words: every term without its spaces is a key; one to
 *    four consecutive text words written together are looked up.  Long
 *    terms match whatever the split ("PHOSPHORUSTRICHLORIDE",
 *    "tri ethanol amine"); a short one only when written as separate
 *    element symbols with a digit or as single letters ("P Cl3", "K C N").
 *
 * Only ASCII letters and digits vary: other scripts fold to words whose
 * letters are several bytes, and CJK text has no words to join.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "spell.h"
#include "util.h"
#include "xmalloc.h"

/* Shortest term (letters without spaces) that may carry a typing error. */
#define SPELL_TYPO_TERM		9
/* Shortest word of such a term that may be the one misspelled. */
#define SPELL_TYPO_WORD		6
/* Shortest term that may be joined or split regardless of its pieces. */
#define SPELL_JOIN_TERM		8
/* Most text words joined into one term. */
#define SPELL_JOIN_WORDS	4

struct sterm {
	unsigned	 id;
	char		**words;
	size_t		 *wlen;
	size_t		  nwords;
	int		  stem;
};

struct skey {
	const char	*key;
	size_t		 len;
	size_t		 term;		/* index in terms */
	size_t		 word;		/* word of the term (typo table) */
};

struct spell {
	struct sterm	*terms;
	size_t		 nterms;
	struct skey	*typo, *join, *stemj;
	size_t		 ntypo, njoin, nstemj;
	uint64_t	 stemlens;	/* bit L: a stem key of L letters */
	char		**arena;	/* key strings */
	size_t		 narena;
};

struct tword {
	size_t	from, to;	/* in the folded text */
	bool	ascii;		/* letters and digits only */
	bool	digits;		/* holds a digit */
};

static bool	word_ascii(const char *, size_t, bool *);
static void	key_add(struct spell *, struct skey **, size_t *, const char *,
		    size_t, size_t, size_t);
static int	key_cmp(const void *, const void *);
static const struct skey *key_find(const struct skey *, size_t, const char *,
		    size_t, size_t *);
static bool	one_edit(const char *, size_t, const char *, size_t);

struct spell *
spell_new(void)
{
	return xcalloc(1, sizeof(struct spell));
}

/* True if <s> is ASCII letters and digits; *digit if it has a digit. */
static bool
word_ascii(const char *s, size_t n, bool *digit)
{
	size_t i;

	*digit = false;
	for (i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			*digit = true;
		else if (s[i] < 'a' || s[i] > 'z')
			return false;
	}
	return n > 0;
}

static void
key_add(struct spell *sp, struct skey **tab, size_t *n, const char *key,
    size_t len, size_t term, size_t word)
{
	char *k = xmalloc(len + 1);

	memcpy(k, key, len);
	k[len] = '\0';
	sp->arena = xreallocarray(sp->arena, sp->narena + 1,
	    sizeof(*sp->arena));
	sp->arena[sp->narena++] = k;
	*tab = xreallocarray(*tab, *n + 1, sizeof(**tab));
	(*tab)[*n].key = k;
	(*tab)[*n].len = len;
	(*tab)[*n].term = term;
	(*tab)[*n].word = word;
	(*n)++;
}

void
spell_add(struct spell *sp, unsigned id, const char *folded, int stem)
{
	struct sterm *t;
	char *copy, *tok, *save = NULL, compact[256];
	size_t total = 0, i, j, clen = 0;
	bool digit;

	copy = xstrdup(folded);
	sp->terms = xreallocarray(sp->terms, sp->nterms + 1,
	    sizeof(*sp->terms));
	t = &sp->terms[sp->nterms];
	memset(t, 0, sizeof(*t));
	t->id = id;
	t->stem = stem;
	for (tok = strtok_r(copy, " ", &save); tok != NULL;
	    tok = strtok_r(NULL, " ", &save)) {
		size_t l = strlen(tok);

		if (!word_ascii(tok, l, &digit) || clen + l >= sizeof(compact))
			goto skip;
		t->words = xreallocarray(t->words, t->nwords + 1,
		    sizeof(*t->words));
		t->wlen = xreallocarray(t->wlen, t->nwords + 1,
		    sizeof(*t->wlen));
		t->words[t->nwords] = xstrdup(tok);
		t->wlen[t->nwords++] = l;
		memcpy(compact + clen, tok, l);
		clen += l;
		total += l;
	}
	if (t->nwords == 0)
		goto skip;
	free(copy);
	/* Joined and split words: the term without its spaces. */
	if (!stem)
		key_add(sp, &sp->join, &sp->njoin, compact, clen, sp->nterms, 0);
	else if (clen < 64) {
		key_add(sp, &sp->stemj, &sp->nstemj, compact, clen, sp->nterms,
		    0);
		sp->stemlens |= (uint64_t)1 << clen;
	}
	/* Typing errors: each long word and its deletions but the first. */
	if (total >= SPELL_TYPO_TERM)
		for (j = 0; j < t->nwords; j++) {
			const char *w = t->words[j];
			size_t l = t->wlen[j];
			char del[256];

			if (l < SPELL_TYPO_WORD || (stem && j + 1 == t->nwords))
				continue;
			if (!word_ascii(w, l, &digit) || digit)
				continue;
			key_add(sp, &sp->typo, &sp->ntypo, w, l, sp->nterms, j);
			for (i = 1; i < l; i++) {
				if (i > 1 && w[i] == w[i - 1])
					continue;	/* same deletion */
				memcpy(del, w, i);
				memcpy(del + i, w + i + 1, l - i - 1);
				key_add(sp, &sp->typo, &sp->ntypo, del, l - 1,
				    sp->nterms, j);
			}
		}
	sp->nterms++;
	return;
skip:
	for (i = 0; i < t->nwords; i++)
		free(t->words[i]);
	free(t->words);
	free(t->wlen);
	free(copy);
}

static int
key_cmp(const void *a, const void *b)
{
	const struct skey *x = a, *y = b;
	int c;

	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	c = memcmp(x->key, y->key, x->len);
	if (c != 0)
		return c;
	if (x->term != y->term)
		return x->term < y->term ? -1 : 1;
	return x->word < y->word ? -1 : x->word > y->word;
}

void
spell_prepare(struct spell *sp)
{
	if (sp->ntypo > 0)
		qsort(sp->typo, sp->ntypo, sizeof(*sp->typo), key_cmp);
	if (sp->njoin > 0)
		qsort(sp->join, sp->njoin, sizeof(*sp->join), key_cmp);
	if (sp->nstemj > 0)
		qsort(sp->stemj, sp->nstemj, sizeof(*sp->stemj), key_cmp);
}

void
spell_free(struct spell *sp)
{
	size_t i, j;

	if (sp == NULL)
		return;
	for (i = 0; i < sp->nterms; i++) {
		for (j = 0; j < sp->terms[i].nwords; j++)
			free(sp->terms[i].words[j]);
		free(sp->terms[i].words);
		free(sp->terms[i].wlen);
	}
	free(sp->terms);
	for (i = 0; i < sp->narena; i++)
		free(sp->arena[i]);
	free(sp->arena);
	free(sp->typo);
	free(sp->join);
	free(sp->stemj);
	free(sp);
}

/* The first key equal to <key> in sorted <tab>, and through *n how many. */
static const struct skey *
key_find(const struct skey *tab, size_t ntab, const char *key, size_t len,
    size_t *n)
{
	size_t lo = 0, hi = ntab, e;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const struct skey *k = &tab[mid];

		if (k->len < len || (k->len == len &&
		    memcmp(k->key, key, len) < 0))
			lo = mid + 1;
		else
			hi = mid;
	}
	for (e = lo; e < ntab && tab[e].len == len &&
	    memcmp(tab[e].key, key, len) == 0; e++)
		;
	*n = e - lo;
	return *n > 0 ? &tab[lo] : NULL;
}

/*
 * True if text word <a> is term word <b> with one letter inserted or
 * dropped or two neighbours swapped, never touching the first letter.
 * Equal words and a substituted letter are false, and so is a letter added
 * at the end ("oxychlorides"): a term without '*' is a whole word, and its
 * plural or another ending is the rule writer's call.
 */
static bool
one_edit(const char *a, size_t la, const char *b, size_t lb)
{
	size_t i = 0;

	if (la == 0 || lb == 0 || a[0] != b[0])
		return false;
	while (i < la && i < lb && a[i] == b[i])
		i++;
	if (la == lb) {
		/* A swap: ab <-> ba at i, the rest equal. */
		return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] &&
		    memcmp(a + i + 2, b + i + 2, la - i - 2) == 0;
	}
	if (la == lb + 1)	/* a letter more; at the end it is an ending */
		return i < lb && memcmp(a + i + 1, b + i, lb - i) == 0;
	if (lb == la + 1)
		return memcmp(a + i, b + i + 1, la - i) == 0;
	return false;
}

/*
 * The term <t> with word <j> at text word <at> (already verified): checks
 * the other words and reports the span.
 */
static void
typo_check(const struct sterm *t, size_t j, size_t at, const char *text,
    const struct tword *w, size_t nw, spell_cb cb, void *arg)
{
	size_t first, m;

	if (at < j || at - j + t->nwords > nw)
		return;
	first = at - j;
	for (m = 0; m < t->nwords; m++) {
		const struct tword *x = &w[first + m];
		size_t xl = x->to - x->from;

		if (m == j)
			continue;
		if (t->stem && m + 1 == t->nwords) {
			if (xl < t->wlen[m] ||
			    memcmp(text + x->from, t->words[m], t->wlen[m]) != 0)
				return;
		} else if (xl != t->wlen[m] ||
		    memcmp(text + x->from, t->words[m], xl) != 0)
			return;
	}
	cb(t->id, w[first].from, w[first + t->nwords - 1].to, SPELL_TYPO, arg);
}

static void
search_typos(const struct spell *sp, const char *text, const struct tword *w,
    size_t nw, spell_cb cb, void *arg)
{
	size_t i, k, n, c;
	char del[256];

	for (i = 0; i < nw; i++) {
		const char *s = text + w[i].from;
		size_t l = w[i].to - w[i].from;

		if (!w[i].ascii || w[i].digits || l < SPELL_TYPO_WORD - 1 ||
		    l >= sizeof(del))
			continue;
		/* k == 0: the word itself; k > 0: the word without letter k. */
		for (k = 0; k < l; k++) {
			const struct skey *e;
			const char *key = s;
			size_t kl = l;

			if (k > 0) {
				if (k > 1 && s[k] == s[k - 1])
					continue;
				memcpy(del, s, k);
				memcpy(del + k, s + k + 1, l - k - 1);
				key = del;
				kl = l - 1;
			}
			if ((e = key_find(sp->typo, sp->ntypo, key, kl, &n)) ==
			    NULL)
				continue;
			for (c = 0; c < n; c++) {
				const struct sterm *t = &sp->terms[e[c].term];
				size_t j = e[c].word;

				if (one_edit(s, l, t->words[j], t->wlen[j]))
					typo_check(t, j, i, text, w, nw, cb, arg);
			}
		}
	}
}

/*
 * True if text words [i, i + n) are written as separate element symbols
 * or letters: each one or two letters and a count ("p cl3", "na2 s"), with
 * a digit somewhere, or single letters only ("k c n").
 */
static bool
symbol_pieces(const char *text, const struct tword *w, size_t i, size_t n)
{
	bool digit = false, single = true;
	size_t k, l, p;

	for (k = i; k < i + n; k++) {
		const char *s = text + w[k].from;

		l = w[k].to - w[k].from;
		for (p = 0; p < l && s[p] >= 'a' && s[p] <= 'z'; p++)
			;
		if (p > 2)
			return false;
		if (p != 1 || l != 1)
			single = false;
		for (; p < l; p++)
			if (s[p] < '0' || s[p] > '9')
				return false;
			else
				digit = true;
	}
	return digit || single;
}

/*
 * Reports the terms of <e> (<n> of them) found as text words [i, i + k]
 * written together (<clen> letters), unless they are split as the term is,
 * which the matcher finds itself.
 */
static void
joined_report(const struct spell *sp, const char *text, const struct tword *w,
    size_t i, size_t k, size_t clen, const struct skey *e, size_t n,
    spell_cb cb, void *arg)
{
	size_t c, m;

	for (c = 0; c < n; c++) {
		const struct sterm *t = &sp->terms[e[c].term];
		bool same = t->nwords == k + 1;

		for (m = 0; same && m <= k; m++)
			same = m == k && t->stem ? t->wlen[m] <=
			    w[i + m].to - w[i + m].from :
			    t->wlen[m] == w[i + m].to - w[i + m].from;
		if (same)
			continue;
		if (clen < SPELL_JOIN_TERM &&
		    (k == 0 || !symbol_pieces(text, w, i, k + 1)))
			continue;
		cb(t->id, w[i].from, w[i + k].to, k + 1 < t->nwords ?
		    SPELL_JOINED : SPELL_SPLIT, arg);
	}
}

static void
search_joined(const struct spell *sp, const char *text, const struct tword *w,
    size_t nw, spell_cb cb, void *arg)
{
	char cat[256];
	size_t i, k, n, clen, L;

	for (i = 0; i < nw; i++) {
		clen = 0;
		for (k = 0; k < SPELL_JOIN_WORDS && i + k < nw; k++) {
			const struct skey *e;
			size_t l = w[i + k].to - w[i + k].from;

			if (!w[i + k].ascii || clen + l >= sizeof(cat))
				break;
			memcpy(cat + clen, text + w[i + k].from, l);
			clen += l;
			if ((e = key_find(sp->join, sp->njoin, cat, clen, &n)) !=
			    NULL)
				joined_report(sp, text, w, i, k, clen, e, n, cb,
				    arg);
			/* A stem ends inside the last word. */
			for (L = clen - l + 1; L <= clen && L < 64; L++) {
				if ((sp->stemlens & ((uint64_t)1 << L)) == 0 ||
				    (e = key_find(sp->stemj, sp->nstemj, cat, L,
				    &n)) == NULL)
					continue;
				joined_report(sp, text, w, i, k, L, e, n, cb,
				    arg);
			}
		}
	}
}

void
spell_search(const struct spell *sp, const char *text, size_t len,
    spell_cb cb, void *arg)
{
	struct tword stackw[128], *w = stackw;
	size_t nw = 0, cap = 128, i = 0;

	if (sp == NULL || (sp->ntypo == 0 && sp->njoin == 0 &&
	    sp->nstemj == 0))
		return;
	while (i < len) {
		size_t b;

		while (i < len && text[i] == ' ')
			i++;
		if (i >= len)
			break;
		b = i;
		while (i < len && text[i] != ' ')
			i++;
		if (nw == cap) {
			cap *= 2;
			if (w == stackw) {
				w = xreallocarray(NULL, cap, sizeof(*w));
				memcpy(w, stackw, sizeof(stackw));
			} else
				w = xreallocarray(w, cap, sizeof(*w));
		}
		w[nw].from = b;
		w[nw].to = i;
		w[nw].ascii = word_ascii(text + b, i - b, &w[nw].digits);
		nw++;
	}
	search_joined(sp, text, w, nw, cb, arg);
	search_typos(sp, text, w, nw, cb, arg);
	if (w != stackw)
		free(w);
}
