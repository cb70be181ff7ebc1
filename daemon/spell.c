/*
 * Spelling variants of keyword terms.  Two sorted tables, searched word by
 * word over the folded text:
 *
 *  - typing errors: for every word of a long term, the word and each of its
 *    one-letter deletions is a key.  A text word finds its candidates by
 *    looking up itself and its own deletions (the classic deletion
 *    neighbourhood), and each candidate is then verified: one letter
 *    inserted, one dropped, two neighbours swapped, or y written for i or i
 *    for y.  Another substituted letter is NOT a typing error here: it is
 *    how chemistry names other compounds (sulfite/sulfide, nitrate/nitrite,
 *    chlorate/chlorite), and the first letter must match (ethyl/methyl).  Only one word of a term may vary.
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
	const char	*key;		/* into the arena, set by spell_prepare */
	size_t		 at;		/* offset in the arena */
	size_t		 len;
	size_t		 term;		/* index in terms */
	size_t		 word;		/* word of the term (typo table) */
};

/* A sorted key table with a hash of its distinct keys for lookups. */
struct ktab {
	struct skey	*k;
	size_t		 n, cap;
	size_t		*slot;		/* 1 + index of a key's first row, 0 empty */
	uint32_t	*tag;		/* per slot: its key's hash, top 32 bits
					 * (a probe meeting another key mostly
					 * reads no row and no key) */
	size_t		 mask;
	uint64_t	*filter;	/* one bit per key hash: most lookups miss,
					 * and miss here, in the cache */
};

#define FILTER_BITS	(1u << 18)
#define PRE4_BITS	(1u << 16)
#define FILTER_BIT(h)	((size_t)((h) >> 40) & (FILTER_BITS - 1))

struct spell {
	struct sterm	*terms;
	size_t		 nterms;
	struct ktab	 typow, typod;	/* long term words; their deletions */
	struct ktab	 known;		/* every word of every term */
	struct ktab	 join, stemj;
	uint64_t	 stemlens;	/* bit L: a stem key of L letters */
	struct buf	 arena;		/* every key, NUL-terminated */
	uint64_t	 pre4[PRE4_BITS / 64];	/* first four letters of the
					 * join and stem keys: most text words
					 * begin no term and stop here */
};

struct text_word {
	size_t	from, to;	/* in the folded text */
	bool	ascii;		/* letters and digits only */
	bool	digits;		/* holds a digit */
};

static bool	word_ascii(const char *, size_t, bool *);
static void	key_add(struct spell *, struct ktab *, const char *, size_t,
		    size_t, size_t);
static int	key_cmp(const void *, const void *);
static uint64_t	key_hash(uint64_t, const char *, size_t);
static void	ktab_prepare(struct ktab *, const char *);
static const struct skey *key_find(const struct ktab *, const char *, size_t,
		    uint64_t, size_t *);
static bool	homologue_letter(const char *, size_t, size_t);
static bool	one_edit(const char *, size_t, const char *, size_t);

struct spell *
spell_new(void)
{
	struct spell *sp = xcalloc(1, sizeof(struct spell));

	buf_init(&sp->arena);
	return sp;
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
key_add(struct spell *sp, struct ktab *tab, const char *key, size_t len,
    size_t term, size_t word)
{
	if (tab->n == tab->cap) {
		tab->cap = tab->cap ? tab->cap * 2 : 256;
		tab->k = xreallocarray(tab->k, tab->cap, sizeof(*tab->k));
	}
	tab->k[tab->n].key = NULL;
	tab->k[tab->n].at = sp->arena.len;
	buf_add(&sp->arena, key, len);
	buf_addc(&sp->arena, '\0');
	tab->k[tab->n].len = len;
	tab->k[tab->n].term = term;
	tab->k[tab->n].word = word;
	tab->n++;
}

/* FNV-1a, continued from <h> (KEY_HASH0 to start). */
#define KEY_HASH0	0xcbf29ce484222325ULL
static uint64_t
key_hash(uint64_t h, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* Sorts the rows (equal keys together) and hashes each distinct key. */
static void
ktab_prepare(struct ktab *t, const char *arena)
{
	size_t nslot = 16, i, h;

	for (i = 0; i < t->n; i++)
		t->k[i].key = arena + t->k[i].at;
	if (t->n == 0)
		return;
	qsort(t->k, t->n, sizeof(*t->k), key_cmp);
	while (nslot < t->n * 2)
		nslot *= 2;
	t->slot = xcalloc(nslot, sizeof(*t->slot));
	t->tag = xcalloc(nslot, sizeof(*t->tag));
	t->mask = nslot - 1;
	t->filter = xcalloc(FILTER_BITS / 64, sizeof(*t->filter));
	for (i = 0; i < t->n; i++) {
		uint64_t kh;

		if (i > 0 && t->k[i].len == t->k[i - 1].len &&
		    memcmp(t->k[i].key, t->k[i - 1].key, t->k[i].len) == 0)
			continue;
		kh = key_hash(KEY_HASH0, t->k[i].key, t->k[i].len);
		t->filter[FILTER_BIT(kh) / 64] |= (uint64_t)1 <<
		    (FILTER_BIT(kh) % 64);
		for (h = (size_t)kh & t->mask;
		    t->slot[h] != 0; h = (h + 1) & t->mask)
			;
		t->slot[h] = i + 1;
		t->tag[h] = (uint32_t)(kh >> 32);
	}
}

void
spell_add(struct spell *sp, unsigned id, const char *folded, int stem)
{
	struct sterm *t;
	char *copy, *tok, *save = NULL, compact[256];
	size_t total = 0, i, j, clen = 0;
	bool digit;

	copy = xstrdup(folded);
	/* Room doubles, as the matcher's term arrays (match.c). */
	if (sp->nterms == 0 || util_cap(sp->nterms) != util_cap(sp->nterms - 1))
		sp->terms = xreallocarray(sp->terms, util_cap(sp->nterms),
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
		key_add(sp, &sp->known, tok, l, sp->nterms, t->nwords - 1);
		memcpy(compact + clen, tok, l);
		clen += l;
		total += l;
	}
	if (t->nwords == 0)
		goto skip;
	free(copy);
	/* Joined and split words: the term without its spaces. */
	if (clen >= 4) {
		uint64_t h = key_hash(KEY_HASH0, compact, 4) % PRE4_BITS;

		sp->pre4[h / 64] |= (uint64_t)1 << (h % 64);
	}
	if (!stem)
		key_add(sp, &sp->join, compact, clen, sp->nterms, 0);
	else if (clen < 64) {
		key_add(sp, &sp->stemj, compact, clen, sp->nterms,
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
			key_add(sp, &sp->typow, w, l, sp->nterms, j);
			for (i = 1; i < l; i++) {
				if (i > 1 && w[i] == w[i - 1])
					continue;	/* same deletion */
				memcpy(del, w, i);
				memcpy(del + i, w + i + 1, l - i - 1);
				key_add(sp, &sp->typod, del, l - 1,
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
	ktab_prepare(&sp->known, sp->arena.data);
	ktab_prepare(&sp->typow, sp->arena.data);
	ktab_prepare(&sp->typod, sp->arena.data);
	ktab_prepare(&sp->join, sp->arena.data);
	ktab_prepare(&sp->stemj, sp->arena.data);
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
	buf_free(&sp->arena);
	free(sp->known.k);
	free(sp->known.slot);
	free(sp->known.tag);
	free(sp->known.filter);
	free(sp->typow.k);
	free(sp->typow.slot);
	free(sp->typow.tag);
	free(sp->typow.filter);
	free(sp->typod.k);
	free(sp->typod.slot);
	free(sp->typod.tag);
	free(sp->typod.filter);
	free(sp->join.k);
	free(sp->join.slot);
	free(sp->join.tag);
	free(sp->join.filter);
	free(sp->stemj.k);
	free(sp->stemj.slot);
	free(sp->stemj.tag);
	free(sp->stemj.filter);
	free(sp);
}

/*
 * The first row of <key> (of hash <hash>) in <t>, and through *n how many
 * rows.
 */
/* False if no key of <t> has hash <hash>. */
static inline bool
ktab_maybe(const struct ktab *t, uint64_t hash)
{
	return t->filter != NULL && (t->filter[FILTER_BIT(hash) / 64] &
	    ((uint64_t)1 << (FILTER_BIT(hash) % 64))) != 0;
}

static const struct skey *
key_find(const struct ktab *t, const char *key, size_t len, uint64_t hash,
    size_t *n)
{
	size_t h, e, first;

	*n = 0;
	if (!ktab_maybe(t, hash))
		return NULL;
	for (h = (size_t)hash & t->mask; t->slot[h] != 0;
	    h = (h + 1) & t->mask) {
		if (t->tag[h] != (uint32_t)(hash >> 32))
			continue;
		first = t->slot[h] - 1;
		if (t->k[first].len != len ||
		    memcmp(t->k[first].key, key, len) != 0)
			continue;
		for (e = first; e < t->n && t->k[e].len == len &&
		    memcmp(t->k[e].key, key, len) == 0; e++)
			;
		*n = e - first;
		return &t->k[first];
	}
	return NULL;
}

/*
 * True if letter <i> of <w> is the m that makes an ethyl a methyl (ethane
 * methane, ethanol methanol): inserted or dropped inside a name, it writes
 * the homologue, another compound, not a typing error.  Dimethylaminoethanol
 * (DMAE, a coatings and cosmetics chemical) is not a misspelt
 * diethylaminoethanol; the first-letter rule of one_edit() only guards the
 * start of a word, and the alkyl prefix here follows "di", "tri", "amino".
 */
static bool
homologue_letter(const char *w, size_t len, size_t i)
{
	return i + 4 <= len && w[i] == 'm' && memcmp(w + i + 1, "eth", 3) == 0;
}

/*
 * True if text word <a> is term word <b> with one letter inserted or
 * dropped, two neighbours swapped or an i/y exchanged, never touching the
 * first letter.  Equal words and another substituted letter are false, and so is a letter added
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
		/*
		 * y for i or i for y ("phosphyte", "ethil") is how a name is
		 * misspelt by ear; no two compound names differ by it.
		 */
		if (i < la && (a[i] == 'y' || a[i] == 'i') &&
		    (b[i] == 'y' || b[i] == 'i') &&
		    memcmp(a + i + 1, b + i + 1, la - i - 1) == 0)
			return true;
		/* A swap: ab <-> ba at i, the rest equal. */
		return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] &&
		    memcmp(a + i + 2, b + i + 2, la - i - 2) == 0;
	}
	if (la == lb + 1)	/* a letter more; at the end it is an ending */
		return i < lb && !homologue_letter(a, la, i) &&
		    memcmp(a + i + 1, b + i, lb - i) == 0;
	if (lb == la + 1)
		return !homologue_letter(b, lb, i) &&
		    memcmp(a + i, b + i + 1, la - i) == 0;
	return false;
}

/* Terms already reported for the text word being searched. */
struct seen {
	unsigned	id[16];
	size_t		n;
};

/*
 * The term <t> with word <j> at text word <at> (already verified): checks
 * the other words and reports the span, once per term and text word (a
 * swap is found through two deletions).
 */
static void
typo_check(const struct sterm *t, size_t j, size_t at, const char *text,
    const struct text_word *w, size_t nw, struct seen *seen, spell_cb cb,
    void *arg)
{
	size_t first, m;

	if (at < j || at - j + t->nwords > nw)
		return;
	first = at - j;
	for (m = 0; m < t->nwords; m++) {
		const struct text_word *x = &w[first + m];
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
	for (m = 0; m < seen->n; m++)
		if (seen->id[m] == t->id)
			return;
	if (seen->n < 16)
		seen->id[seen->n++] = t->id;
	cb(t->id, w[first].from, w[first + t->nwords - 1].to, SPELL_TYPO, arg);
}

/* Verifies the candidates <e> (<n> rows) for text word <i>. */
static void
typo_candidates(const struct spell *sp, const struct skey *e, size_t n,
    const char *text, const struct text_word *w, size_t nw, size_t i,
    struct seen *seen, spell_cb cb, void *arg)
{
	const char *s = text + w[i].from;
	size_t l = w[i].to - w[i].from, c;

	for (c = 0; c < n; c++) {
		const struct sterm *t = &sp->terms[e[c].term];
		size_t j = e[c].word;

		if (one_edit(s, l, t->words[j], t->wlen[j]))
			typo_check(t, j, i, text, w, nw, seen, cb, arg);
	}
}

/*
 * A text word with a letter dropped is a deletion of a term word; with a
 * letter added, one of its own deletions is the term word; with two
 * letters swapped, the two share a deletion.
 */
static void
search_typos(const struct spell *sp, const char *text, const struct text_word *w,
    size_t nw, spell_cb cb, void *arg)
{
	const struct skey *e;
	size_t i, k, n;
	char del[256];
	uint64_t ph, h;
	struct seen seen;

	for (i = 0; i < nw; i++) {
		const char *s = text + w[i].from;
		size_t l = w[i].to - w[i].from;

		if (!w[i].ascii || w[i].digits || l < SPELL_TYPO_WORD - 1 ||
		    l >= sizeof(del))
			continue;
		seen.n = 0;
		h = key_hash(KEY_HASH0, s, l);
		/* A word that a term spells so is no misspelling. */
		if (key_find(&sp->known, s, l, h, &n) != NULL)
			continue;
		if ((e = key_find(&sp->typod, s, l, h, &n)) != NULL)
			typo_candidates(sp, e, n, text, w, nw, i, &seen, cb,
			    arg);
		/* The word without its letter k (never the first). */
		ph = KEY_HASH0;
		for (k = 1; k < l; k++) {
			ph = key_hash(ph, s + k - 1, 1);
			if (k > 1 && s[k] == s[k - 1])
				continue;
			h = key_hash(ph, s + k + 1, l - k - 1);
			if (!ktab_maybe(&sp->typow, h) &&
			    !ktab_maybe(&sp->typod, h))
				continue;
			memcpy(del, s, k);
			memcpy(del + k, s + k + 1, l - k - 1);
			if ((e = key_find(&sp->typow, del, l - 1, h, &n)) != NULL)
				typo_candidates(sp, e, n, text, w, nw, i,
				    &seen, cb, arg);
			if ((e = key_find(&sp->typod, del, l - 1, h, &n)) != NULL)
				typo_candidates(sp, e, n, text, w, nw, i,
				    &seen, cb, arg);
		}
	}
}

/*
 * True if text words [i, i + n) are written as separate element symbols
 * or letters: each one or two letters and a count ("p cl3", "na2 s"), with
 * a digit somewhere, or single letters only ("k c n").
 */
static bool
symbol_pieces(const char *text, const struct text_word *w, size_t i, size_t n)
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
joined_report(const struct spell *sp, const char *text, const struct text_word *w,
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
search_joined(const struct spell *sp, const char *text, const struct text_word *w,
    size_t nw, spell_cb cb, void *arg)
{
	char cat[256];
	uint64_t ph[257];	/* ph[L]: hash of cat's first L letters */
	size_t i, k, n, clen, L;

	for (i = 0; i < nw; i++) {
		clen = 0;
		ph[0] = KEY_HASH0;
		for (k = 0; k < SPELL_JOIN_WORDS && i + k < nw; k++) {
			const struct skey *e;
			size_t l = w[i + k].to - w[i + k].from;

			if (!w[i + k].ascii || clen + l >= sizeof(cat))
				break;
			memcpy(cat + clen, text + w[i + k].from, l);
			for (L = clen; L < clen + l; L++)
				ph[L + 1] = key_hash(ph[L], cat + L, 1);
			if (clen < 4 && clen + l >= 4) {
				uint64_t h = ph[4] % PRE4_BITS;

				if ((sp->pre4[h / 64] & ((uint64_t)1 <<
				    (h % 64))) == 0)
					break;	/* no term begins so */
			}
			clen += l;
			if ((e = key_find(&sp->join, cat, clen, ph[clen], &n)) != NULL)
				joined_report(sp, text, w, i, k, clen, e, n, cb,
				    arg);
			/* A stem ends inside the last word. */
			for (L = clen - l + 1; L <= clen && L < 64; L++) {
				if ((sp->stemlens & ((uint64_t)1 << L)) == 0 ||
				    (e = key_find(&sp->stemj, cat, L, ph[L], &n)) == NULL)
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
	struct text_word stackw[128], *w = stackw;
	size_t nw = 0, cap = 128, i = 0;

	if (sp == NULL || (sp->typod.n == 0 && sp->join.n == 0 &&
	    sp->stemj.n == 0))
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
