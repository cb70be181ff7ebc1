/*
 * Searching the prepared party index: blocking and scoring.
 *
 * Blocking: the posting lists of the query's tokens and of tokens close to
 * them.  Tokens so common that a name sharing only them cannot reach the
 * threshold are not used for blocking, so the cost per query depends on the
 * rare tokens, not on the list size.
 *
 * Scoring: a symmetric weighted token-set similarity.  Every token of both
 * sides counts with its weight, and with the Jaro-Winkler similarity of its
 * best counterpart on the other side.  Extra distinctive words on either
 * side pull the score down; extra generic ones barely do.  Reads the index
 * only: safe from many threads at once.
 */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "log.h"
#include "partyint.h"
#include "util.h"
#include "xmalloc.h"

/*
 * Jaro-Winkler's prefix bonus: up to JW_PREFIX_MAX common first letters,
 * each worth JW_PREFIX_SCALE of the gap to 1 (Winkler's standard values).
 */
#define JW_PREFIX_MAX		4
#define JW_PREFIX_SCALE		0.1
/* Rounding room for jaro_winkler_min's bound against its floor. */
#define JW_BOUND_SLACK		1e-9
/*
 * Typing errors (token_sim, typo_sim): one edit is TYPO_SIM from words of
 * TYPO_MINLEN letters, two edits TYPO2_SIM from TYPO2_MINLEN letters.
 */
#define TYPO_MINLEN		5
#define TYPO2_MINLEN		8
/*
 * Typing errors in words the lists do not know (typo_sim): from words of
 * TYPO_SHORT_MINLEN letters; two edits between words of
 * TYPO2_SHORT_SHORTER and TYPO2_SHORT_LONGER letters or more.
 */
#define TYPO_SHORT_MINLEN	3
#define TYPO2_SHORT_SHORTER	6
#define TYPO2_SHORT_LONGER	7
/*
 * Tokens this long are compared by Jaro-Winkler when a lone token stands
 * for the whole name, or when they start with different vowels.
 */
#define LONG_TOKEN_LEN		7
/* Consonant skeletons this long or longer tell names apart. */
#define SKEL_MINLEN		3
/*
 * Vowel variants (Asim / Asem): words of VOWEL_MINLEN letters or more, one
 * vowel apart per VOWEL_SPAN letters; a consonant pair too from
 * CONS_MINLEN letters (or four for ch / sh).
 */
#define VOWEL_MINLEN		4
#define VOWEL_SPAN		3
#define CONS_MINLEN		5
/*
 * Typing errors in words the lists know (score_supported_typos): from
 * words of SUPPORTED_TYPO_MINLEN letters, once SUPPORTED_TYPO_FOUND other
 * distinctive listed words are found.
 */
#define SUPPORTED_TYPO_MINLEN	4
#define SUPPORTED_TYPO_FOUND	2
/*
 * A found word as written (as_written): at most one edit per WRITTEN_SPAN
 * letters from the listed spelling.
 */
#define WRITTEN_SPAN		3
/* Listed words typed as other listed words that make another name. */
#define OTHER_NAME_TYPOS	2
/* Distinctive query words that let a place or generic word be a typo. */
#define LEXICAL_SUPPORT		2

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
	while (prefix < JW_PREFIX_MAX && prefix < la && prefix < lb &&
	    a[prefix] == b[prefix])
		prefix++;
	return jaro + prefix * JW_PREFIX_SCALE * (1.0 - jaro);
}

/*
 * Jaro-Winkler of <a> and <b> if it can reach <floor>, else 0.  Its
 * matches are at most the letters the two have in common, counted with
 * repeats, and it is largest with no transpositions: where that bound,
 * with the words' real common prefix, stays under <floor>, the quadratic
 * matching is not done (most pairs tried are other names).
 */
static double
jaro_winkler_min(const char *a, size_t la, const char *b, size_t lb,
    double floor)
{
	unsigned char count[256];
	size_t i, common = 0, prefix = 0;
	double jaro;

	if (la == 0 || lb == 0)
		return 0.0;
	memset(count, 0, sizeof(count));
	for (i = 0; i < la; i++)
		count[(unsigned char)a[i]]++;
	for (i = 0; i < lb; i++)
		if (count[(unsigned char)b[i]] > 0) {
			count[(unsigned char)b[i]]--;
			common++;
		}
	if (common == 0)
		return 0.0;
	jaro = ((double)common / la + (double)common / lb + 1.0) / 3.0;
	while (prefix < JW_PREFIX_MAX && prefix < la && prefix < lb &&
	    a[prefix] == b[prefix])
		prefix++;
	if (jaro + prefix * JW_PREFIX_SCALE * (1.0 - jaro) + JW_BOUND_SLACK <
	    floor)
		return 0.0;
	return jaro_winkler(a, la, b, lb);
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
 * (Chaker / Shaker), Persian z for Arabic d or dh (Ramazan / Ramadan),
 * Gulf and Sudanese g for q (Gasim / Qasim: q is k canonically), j for y.
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
	    (p == 'd' && q == 'z') || (p == 'g' && q == 'k'))
		return true;
	/* German, Dutch and Slavic spellings write Arabic y as j before a
	 * vowel (Jusuf / Yusuf, Jazid / Yazid): the first letter only, where
	 * a Korean or Chinese syllable of five letters is rare. */
	if (p == 'j' && q == 'y' && x == 0 && is_vowel(a[1]))
		return true;
	/* ch / sh */
	return p == 'c' && q == 's' && a[x + 1] == 'h' && b[x + 1] == 'h';
}

/*
 * Transliterations of Arabic and Persian names differ mostly in their
 * vowels (Asim / Asem, Esmatullah / Asmatullah, Abdallah / Abdullah) and in
 * a consonant or so (Gamal / Jamal): same length <n>, the same letters
 * elsewhere.  A vowel in four letters, two in seven (Mohamed / Muhamad); a
 * consonant pair from five letters, or four for ch / sh, which is two
 * letters (Kich / Kish).  Returns VOWEL_SIM, VOWEL_CONS_SIM or 0.
 */
static double
vowel_variant_sim(const char *a, const char *b, size_t n)
{
	size_t x, diff = 0, cons = 0;

	for (x = 0; x < n; x++) {
		if (a[x] == b[x])
			continue;
		if (vowel_pair(a[x], b[x]))
			diff++;
		else if (consonant_pair(a, b, x) && cons == 0)
			cons++;
		else
			return 0.0;
	}
	if (diff * VOWEL_SPAN > n || (cons > 0 && n < CONS_MINLEN &&
	    strstr(a, "ch") == NULL && strstr(b, "ch") == NULL))
		return 0.0;
	return cons ? VOWEL_CONS_SIM : VOWEL_SIM;
}

/*
 * Typing errors: one letter wrong, missing, added or swapped in a word of
 * five letters or more (one missing from a word of five: "Abdl" for Abdul);
 * two in a word of eight or more.  Words of four letters are mostly
 * syllables of Korean or Chinese names, where one letter makes another
 * name (Sang / Song).
 */
static double
typo_long_sim(const char *a, size_t la, const char *b, size_t lb)
{
	size_t shorter = la < lb ? la : lb, d;

	if (shorter < TYPO_MINLEN - 1 || (la + lb) < 2 * TYPO_MINLEN - 1)
		return 0.0;
	if (shorter < TYPO2_MINLEN) {
		/* One edit leaves one of the first two letters in place. */
		if (a[0] != b[0] && a[1] != b[1] && a[0] != b[1] &&
		    a[1] != b[0])
			return 0.0;
		d = partyname_edit_distance(a, la, b, lb, 1);
	} else
		d = partyname_edit_distance(a, la, b, lb, 2);
	if (d == 1 && (shorter >= TYPO_MINLEN || la != lb))
		return TYPO_SIM;
	if (d == 2 && shorter >= TYPO2_MINLEN)
		return TYPO2_SIM;
	return 0.0;
}

/*
 * Similarity of two canonical tokens: 1 if equal; equal consonant
 * skeletons when one side lacks vowels (transliterated Arabic script);
 * vowel and consonant variants; Jaro-Winkler above the floor for tokens of
 * FUZZY_MINLEN letters or more that start alike (the canonical spelling
 * already unifies the usual first-letter variants); typing errors; else 0.
 * <strict> when one side is a single token: only near-exact.
 */
static double
token_sim(const char *a, size_t la, const char *sa, bool pa,
    const char *b, size_t lb, const char *sb, bool pb, bool strict)
{
	double jw;

	if (la == lb && memcmp(a, b, la) == 0)
		return 1.0;
	if (strict)
		return la >= LONG_TOKEN_LEN && lb >= LONG_TOKEN_LEN &&
		    a[0] == b[0] &&
		    (jw = jaro_winkler_min(a, la, b, lb, STRICT_SIM)) >=
		    STRICT_SIM ? jw : 0.0;
	if ((pa || pb) && strlen(sa) >= SKEL_MINLEN && strcmp(sa, sb) == 0)
		return SKEL_SIM;
	if (la == lb && la >= VOWEL_MINLEN &&
	    (jw = vowel_variant_sim(a, b, la)) > 0)
		return jw;
	if (la < FUZZY_MINLEN - 1 || lb < FUZZY_MINLEN - 1)
		return 0.0;
	/*
	 * Jaro-Winkler is computed only where its result can count: tokens
	 * that start alike (or with vowels, when long).
	 */
	if (la >= FUZZY_MINLEN && lb >= FUZZY_MINLEN && (a[0] == b[0] ||
	    (is_vowel(a[0]) && is_vowel(b[0]) && la >= LONG_TOKEN_LEN &&
	    lb >= LONG_TOKEN_LEN)) &&
	    (jw = jaro_winkler_min(a, la, b, lb, SIM_FLOOR)) >= SIM_FLOOR)
		return jw;
	return typo_long_sim(a, la, b, lb);
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
	/* Per join: a word the lists do not know in it; its token id or -1. */
	bool		 junknown[MAXTOK * 2];
	long		 jid[MAXTOK * 2];
	/* First and last letters of the words and joins score_join_views
	 * tries, as letter_bit() sets. */
	uint32_t	 vfirst, vlast;
	size_t		 ninitials;		/* tokens that are initials */
	uint64_t	 lens;			/* bit L: a token of length L */
	uint64_t	 ids;			/* bit id % 64: a token of id */
	size_t		 sounds;		/* tokens a sound reading would
						 * rekey (query_build) */
};

/*
 * Candidate names as a bitmap over the name ids: the postings of several
 * tokens overlap, and the scoring wants each name once, in id order (the
 * names of a record are adjacent).  One bit per listed name is a few KiB
 * even for the OFAC list, cheaper than sorting and deduplicating postings.
 */
struct cand {
	uint64_t	*bits;
	size_t		 nwords;
	size_t		 lo, hi;	/* words [lo, hi) may have bits set */
	size_t		 n;		/* postings added */
};

/* An empty candidate set on <bits>, all 0, one bit per listed name. */
static void
cand_init(const struct party_index *idx, struct cand *c, uint64_t *bits)
{
	c->nwords = (idx->nnames + 63) / 64;
	c->bits = bits;
	c->lo = c->nwords;
	c->hi = 0;
	c->n = 0;
}

/* Clears the bits of <c> again (the words that may have any). */
static void
cand_clear(struct cand *c)
{
	if (c->hi > c->lo)
		memset(c->bits + c->lo, 0, (c->hi - c->lo) * sizeof(*c->bits));
}

static void
cand_add_postings(const struct party_index *idx, struct cand *c, uint32_t tok)
{
	const struct ptok *t = &idx->toks[tok];
	const uint32_t *p = idx->post + t->post, *e = p + t->npost;

	for (; p < e; p++) {
		size_t w = *p >> 6;

		c->bits[w] |= 1ULL << (*p & 63);
		if (w < c->lo)
			c->lo = w;
		if (w >= c->hi)
			c->hi = w + 1;
	}
	c->n += t->npost;
}

/*
 * Starts loading the directory bucket of hash <h> in <hk>, or (<stage> 1,
 * the bucket read by then) its first keys: the look-ups of one word's
 * deletions go to as many places in a large table, and started together
 * their cache misses overlap.  Only a hint.
 */
static void
hkeys_prefetch(const struct hkeys *hk, uint64_t h, int stage)
{
	if (hk->n == 0)
		return;
	if (stage == 0)
		util_prefetch(&hk->dir[h >> hk->shift]);
	else
		util_prefetch(&hk->v[hk->dir[h >> hk->shift]]);
}

/*
 * Listed tokens that vowel_variant_sim reads as <q> spelled with other
 * vowels or a consonant pair (Saleh / Salih, Mohammed / Muhammad, Gasim /
 * Qasim), from the side index of vowel-variant classes whose hash <vh> the
 * caller computed: as far from <q> in edits as every vowel they differ
 * in, so the one-edit neighbourhood misses them when no other word of the
 * query is rare enough to block on.  Appends to <out> (<*n> of <max>).
 */
static void
variant_tokens(const struct party_index *idx, const struct qtok *q,
    uint64_t vh, uint32_t *out, size_t *n, size_t max)
{
	const struct hkey *h;
	size_t k, cnt;

	h = partyindex_hkeys_find(&idx->variants, vh, &cnt);
	for (k = 0; k < cnt && *n < max; k++) {
		const struct ptok *t = &idx->toks[h[k].tok];

		if (t->len == q->len && strcmp(t->key, q->key) != 0 &&
		    vowel_variant_sim(t->key, q->key, q->len) > 0)
			out[(*n)++] = h[k].tok;
	}
}

/*
 * Token ids close to <q>: exact, one edit, and with <skel> (a word, not a
 * join) the same skeleton and the vowel variants.  Returns count.
 */
static size_t
close_tokens(const struct party_index *idx, const struct qtok *q, bool skel,
    uint32_t *out, size_t max)
{
	size_t n = 0, s, k, cnt, ndel = 0, slen = 0;
	uint64_t dh[MAXTOKLEN + 1], sh = 0, vh = 0;
	bool variants = skel && q->len >= VARIANT_MINLEN;
	const struct hkeys *st = q->poor ? &idx->skels : &idx->poorskels;
	const struct hkey *h;
	long id;
	int stage;

	/* Every hash first, then their look-ups (hkeys_prefetch). */
	if (q->len >= FUZZY_MINLEN)
		for (s = 0; s <= q->len; s++)
			dh[ndel++] = partyindex_hash_deletion(q->key, q->len,
			    s);
	if (skel && (slen = strlen(q->skel)) >= SKEL_MINLEN)
		sh = partyindex_hash(q->skel, slen);
	if (variants)
		vh = partyindex_hash_variant(q->key, q->len);
	for (stage = 0; stage < 2; stage++) {
		for (s = 0; s < ndel; s++)
			hkeys_prefetch(&idx->dels, dh[s], stage);
		if (skel && slen >= SKEL_MINLEN)
			hkeys_prefetch(st, sh, stage);
		if (variants)
			hkeys_prefetch(&idx->variants, vh, stage);
	}
	if ((id = partyindex_tok_lookup(idx, q->key, q->len)) >= 0)
		out[n++] = (uint32_t)id;
	for (s = 0; s < ndel; s++) {
		h = partyindex_hkeys_find(&idx->dels, dh[s], &cnt);
		for (k = 0; k < cnt && n < max; k++)
			out[n++] = h[k].tok;
	}
	if (skel && slen >= SKEL_MINLEN) {
		h = partyindex_hkeys_find(st, sh, &cnt);
		for (k = 0; k < cnt && n < max; k++)
			out[n++] = h[k].tok;
	}
	if (variants)
		variant_tokens(idx, q, vh, out, &n, max);
	return n;
}

/*
 * Answers of query_known for single words, kept while one party name is
 * searched: the tokenizer asks about the same word again as it tries
 * splits and moved spaces, and the name's forms (less an address, less a
 * city) share their words; four answers in ten were a repeat of one of
 * the last 64.  Direct-mapped by the word's hash; an empty slot holds "".
 */
#define KNOWNMEMO_SLOTS	64

struct knownmemo {
	char	word[KNOWNMEMO_SLOTS][MAXTOKLEN];
	bool	known[KNOWNMEMO_SLOTS];
};

static void
knownmemo_init(struct knownmemo *km)
{
	size_t i;

	for (i = 0; i < KNOWNMEMO_SLOTS; i++)
		km->word[i][0] = '\0';
}

/* What the tokenizer's callbacks read: the index, and a memo or NULL. */
struct qctx {
	const struct party_index	*idx;
	struct knownmemo		*km;
};

/*
 * The vocabulary the query tokenizer splits run-together words by: a
 * folded word is known if its canonical spelling is a word of a listed
 * name (not only a join of two); two words if their join is one the index
 * build made of adjacent words.
 */
static bool
query_known(void *ctx, const char *w, const char *next)
{
	const struct qctx *qc = ctx;
	const struct party_index *idx = qc->idx;
	struct qtok q[3];
	char key[MAXTOKLEN];
	size_t len, wlen, slot = 0;
	long id;
	bool known;

	if (next != NULL) {
		partyname_qtok_set(&q[0], w, false);
		partyname_qtok_set(&q[1], next, false);
		partyindex_join(q, 0, 2, &q[2]);
		return partyindex_tok_lookup(idx, q[2].key, q[2].len) >= 0;
	}
	wlen = strlen(w);
	if (qc->km != NULL && wlen > 0 && wlen < MAXTOKLEN) {
		slot = partyindex_hash(w, wlen) & (KNOWNMEMO_SLOTS - 1);
		if (strcmp(qc->km->word[slot], w) == 0)
			return qc->km->known[slot];
	}
	len = partyname_key(w, key);
	id = partyindex_tok_lookup(idx, key, len);
	known = id >= 0 && !idx->toks[id].concat;
	if (qc->km != NULL && wlen > 0 && wlen < MAXTOKLEN) {
		memcpy(qc->km->word[slot], w, wlen + 1);
		qc->km->known[slot] = known;
	}
	return known;
}

/*
 * True if folded words <w> and <next> are both words of one listed name
 * (the postings of both hold that name; they are sorted by name id), in
 * any order: a space moved inside a name (partyname.c resegment) must
 * give words that stand together.
 */
static bool
query_together(void *ctx, const char *w, const char *next)
{
	const struct party_index *idx = ((const struct qctx *)ctx)->idx;
	char key[MAXTOKLEN];
	const uint32_t *p, *q, *pe, *qe;
	long a, b;
	size_t len;

	len = partyname_key(w, key);
	if ((a = partyindex_tok_lookup(idx, key, len)) < 0)
		return false;
	len = partyname_key(next, key);
	if ((b = partyindex_tok_lookup(idx, key, len)) < 0)
		return false;
	p = idx->post + idx->toks[a].post;
	pe = p + idx->toks[a].npost;
	q = idx->post + idx->toks[b].post;
	qe = q + idx->toks[b].npost;
	while (p < pe && q < qe) {
		if (*p == *q)
			return true;
		if (*p < *q)
			p++;
		else
			q++;
	}
	return false;
}

/*
 * True if folded word <w> is a word of a place of the lists' addresses: a
 * word of its own, never a typed word of the tables ("Oran" is no typed
 * Iran, "Tiaret" no typed ticaret).
 */
static bool
query_place(void *ctx, const char *w, const char *next)
{
	const struct party_index *idx = ((const struct qctx *)ctx)->idx;
	char key[MAXTOKLEN];
	size_t len;

	(void)next;
	len = partyname_key(w, key);
	return partyindex_is_place(idx, key, len);
}

/*
 * Generic words and places stay words of their own (qtok.lexical) unless
 * the query has LEXICAL_SUPPORT other distinctive words: then the name is
 * told by those, and a typing error in a word that happens to be a place
 * ("Kamal" for JAMAL) is read as one.
 */
static void
query_lexical(struct query *qu)
{
	size_t i, other = 0;

	for (i = 0; i < qu->n; i++)
		if (!qu->q[i].t.lexical && !qu->q[i].t.particle &&
		    !qu->q[i].t.initials)
			other++;
	for (i = 0; i < qu->n; i++)
		if (qu->q[i].t.lexical && other >= LEXICAL_SUPPORT)
			qu->q[i].t.lexical = false;
}

/* <q> is a word or join score_join_views tries: its end letters. */
static void
join_view_letters(struct query *qu, const struct qtok *q)
{
	if (q->len == 0)
		return;
	qu->vfirst |= letter_bit(q->key[0]);
	qu->vlast |= letter_bit(q->key[q->len - 1]);
}

/*
 * The query of <name>; <split>: words the lists do not know split where
 * they are listed words run together (a second reading of the name, beside
 * the plain one, so that a typing error is never split into nonsense), and
 * <*changed> (if not NULL) says whether any was.  <km> (or NULL) keeps the
 * tokenizer's answers of the name's searches.
 */
static void
query_build(const struct party_index *idx, const char *name, bool split,
    bool sound, struct knownmemo *km, struct query *qu, bool *changed)
{
	struct qtok t[MAXTOK];
	struct qctx qc;
	size_t i, k, span;

	/* Every slot up to n and njoins is written below: clearing the
	 * whole query (some 20 KiB) was most of the cost of short names. */
	qu->n = qu->njoins = qu->ninitials = 0;
	qu->lens = qu->ids = 0;
	qu->sounds = 0;
	qu->vfirst = qu->vlast = 0;
	qc.idx = idx;
	qc.km = km;
	qu->n = split ? partyname_tokenize_known(name, t, query_known,
	    query_together, query_place, &qc, changed) :
	    partyname_tokenize(name, t);
	for (i = 0; i < qu->n; i++) {
		struct qinfo *q = &qu->q[i];

		/* Serhiy, Siarhei as Sergei: the listed names have that
		 * reading too (partyindex.c).  A word that only sounds like a
		 * form (Serhey, Piatr) is so read in a reading of its own
		 * (<sound>): as spelled it may be a typing error of another
		 * listed name (Stepen, Serha). */
		(void)partyname_given_unify(&t[i], sound);
		if (!sound && partyname_given_sounds(&t[i]))
			qu->sounds++;
		q->t = t[i];
		q->id = partyindex_tok_lookup(idx, t[i].key, t[i].len);
		if (q->id >= 0)
			qu->ids |= 1ULL << (q->id & 63);
		q->t.unknown = !t[i].particle && !t[i].initials &&
		    (q->id < 0 || idx->toks[q->id].concat);
		q->t.rawdiff = strcmp(t[i].raw, t[i].key) != 0;
		q->t.lexical = t[i].generic ||
		    partyindex_is_place(idx, t[i].key, t[i].len);
		if (q->t.unknown && !q->t.lexical)
			join_view_letters(qu, &q->t);
		qu->ninitials += t[i].initials;
		qu->lens |= 1ULL << (t[i].len & 63);
		if (t[i].particle) {
			q->w = q->wfull = PARTICLE_W;
			q->df = UINT32_MAX;
		} else if (t[i].initials) {
			/* Counts only if it finds nothing (see score_name). */
			q->w = q->wfull = idx->maxw * PSCORE_INITIALS_WEIGHT;
			q->df = UINT32_MAX;
		} else if (q->id >= 0 && !idx->toks[q->id].concat) {
			q->w = idx->toks[q->id].w;
			q->wfull = idx->toks[q->id].generic ?
			    q->w / GENERIC_DAMP : q->w;
			q->df = idx->toks[q->id].df;
		} else {
			/* A word the lists do not know weighs like the rarest
			 * listed word, unless it is too short to tell a name:
			 * "Adam Khn Achekzai", "Hlarion Dl Rosario Santos"
			 * are more often typed than other people. */
			q->wfull = idx->maxw * (t[i].len <= SHORT_UNKNOWN_LEN ?
			    PSCORE_INITIALS_WEIGHT : 1.0);
			q->w = q->wfull * (t[i].generic ? GENERIC_DAMP : 1.0);
			q->df = 0;
		}
	}
	query_lexical(qu);
	for (span = 2; span <= 3; span++)
		for (i = 0; i + span <= qu->n && qu->njoins < MAXTOK * 2;
		    i++) {
			partyindex_join(t, i, span, &qu->joins[qu->njoins]);
			qu->jfrom[qu->njoins] = i;
			qu->jid[qu->njoins] = partyindex_tok_lookup(idx,
			    qu->joins[qu->njoins].key,
			    qu->joins[qu->njoins].len);
			qu->junknown[qu->njoins] = false;
			for (k = i; k < i + span; k++)
				qu->junknown[qu->njoins] |=
				    qu->q[k].t.unknown;
			/* A view of the words without their spaces or
			 * hyphens: typed as an unknown word. */
			qu->joins[qu->njoins].unknown =
			    qu->junknown[qu->njoins];
			if (qu->junknown[qu->njoins] ||
			    qu->jid[qu->njoins] >= 0)
				join_view_letters(qu,
				    &qu->joins[qu->njoins]);
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
	return s >= 1.0 ? HOW_EXACT : s == TYPO_SIM || s == TYPO2_SIM ||
	    s == TYPO_SHORT_SIM || s == TYPO2_SHORT_SIM ? HOW_TYPO :
	    s > 0 ? HOW_VARIANT : HOW_NONE;
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
 * The state of scoring one listed name against the query: which tokens
 * of either side are taken (joined, initials), the best similarity each
 * token found, and the weighted sums.  Lives for one score_name call.
 */
/*
 * Similarities of listed tokens to the query's words, kept while one query
 * is searched: its candidates share many listed words (each one word close
 * to the query's, and common and generic words recur), and sim_tokens was
 * most of the cost of scoring them.  Direct-mapped by token id: a token
 * that finds its slot taken by another has its similarities computed
 * again.
 */
#define SIMMEMO_SLOTS	256

struct simmemo {
	uint32_t	 tag[SIMMEMO_SLOTS];	/* token id + 1, or 0: empty */
	uint64_t	 known[SIMMEMO_SLOTS];	/* bit 2 * i + strict: held */
	double		*sim;			/* [slot][strict][query word] */
	size_t		 m;			/* query words */
};

struct scoring {
	const struct query	*qu;
	const struct ptok	*nt[MAXTOK];	/* the name's tokens */
	const uint32_t		*ntid;		/* ... and their ids */
	struct simmemo		*memo;		/* or NULL */
	size_t			 k, m;		/* name and query token counts */
	bool			 strict;	/* one side is a single token */
	bool			 individual;	/* the name is a person's */
	uint32_t		 firsts;	/* first_bit of each name token */
	bool			 qmerged[MAXTOK], nmerged[MAXTOK];
	double			 qbest[MAXTOK], nbest[MAXTOK];
	int8_t			 nfrom[MAXTOK];	/* query word of nbest */
	double			 qw[MAXTOK];	/* query token weights */
	double			 num, den;
	struct detail		*det;		/* or NULL */
};

/*
 * Typing errors in a query word the lists do not know, the tolerance
 * scaled by the length of the words: one edit in a word of three or four
 * letters ("Juam" for JUMA, "Ami" for AMIN; between words of three letters
 * only two letters swapped, "Nma" for NAM), two between words of six and
 * seven letters or more ("Nrahim" for IBRAHIM); longer words as token_sim
 * says.  One of the first
 * two letters stays in place.  A word the lists know is a name of its own,
 * never a typing error for its neighbour (Chol Man is not Chol Nam).
 */
static double
typo_sim(const char *a, size_t la, const char *b, size_t lb)
{
	size_t shorter = la < lb ? la : lb, longer = la < lb ? lb : la, d;
	size_t max = shorter >= TYPO2_SHORT_SHORTER &&
	    longer >= TYPO2_SHORT_LONGER ? 2 : 1;

	if (shorter < TYPO_SHORT_MINLEN || longer >= MAXTOKLEN)
		return 0.0;
	/* Three letters against three: only two of them swapped. */
	if (longer == 3 && !(a[0] == b[0] ? a[1] == b[2] && a[2] == b[1] :
	    a[2] == b[2] && a[0] == b[1] && a[1] == b[0]))
		return 0.0;
	if (a[0] != b[0] && a[1] != b[1] && a[0] != b[1] && a[1] != b[0])
		return 0.0;
	d = partyname_edit_distance(a, la, b, lb, max);
	if (d == 1)
		return shorter >= TYPO_MINLEN ? TYPO_SIM : TYPO_SHORT_SIM;
	if (d == 2 && max == 2)
		return shorter >= TYPO2_MINLEN ? TYPO2_SIM : TYPO2_SHORT_SIM;
	return 0.0;
}

/*
 * Similarity of listed token <n> and query token <q>.  A query word that is
 * a generic word or a place ("Sanat", "Kaesong") is a word of its own: it
 * finds a distinctive listed word only as spelled or in another
 * romanisation, never through a typing error or Jaro-Winkler (Sanam,
 * Daesong).
 */
/*
 * Letters <x> and <y> may stand at one place of two spellings that
 * vowel_variant_sim takes: the same, a vowel pair or a consonant pair
 * (c / s only before an h, which is not checked here).
 */
static bool
variant_letters(char x, char y)
{
#define VB(c)	(1u << ((c) - 'a'))
	/* vowel_pair's and consonant_pair's first letters, both ways */
	static const uint32_t variants[26] = {
		['a' - 'a'] = VB('e') | VB('u'),
		['c' - 'a'] = VB('j') | VB('s'),
		['d' - 'a'] = VB('z'),
		['e' - 'a'] = VB('a') | VB('i'),
		['g' - 'a'] = VB('j') | VB('k'),
		['i' - 'a'] = VB('e'),
		['j' - 'a'] = VB('c') | VB('g') | VB('y'),
		['k' - 'a'] = VB('g'),
		['o' - 'a'] = VB('u'),
		['s' - 'a'] = VB('c'),
		['u' - 'a'] = VB('a') | VB('o'),
		['y' - 'a'] = VB('j'),
		['z' - 'a'] = VB('d'),
	};
#undef VB

	if (x == y)
		return true;
	if (x < 'a' || x > 'z' || y < 'a' || y > 'z')
		return false;
	return (variants[x - 'a'] >> (y - 'a')) & 1;
}

/* One of the first two letters in place (typo_long_sim, typo_sim). */
static bool
first_two_close(char a0, char a1, const char *b)
{
	return a0 == b[0] || a1 == b[1] || a0 == b[1] || a1 == b[0];
}

/*
 * False when sim_tokens(<n>, <q>, <strict>) is certainly 0, told from the
 * lengths and end letters the token record keeps beside its spellings:
 * most pairs a query's candidates bring are unlike, and the spellings of
 * a listed word are one more cache miss each.  A superset of every way
 * sim_tokens can find a similarity, so true says only "maybe":
 * - equal spellings and Jaro-Winkler under <strict> start alike;
 * - equal skeletons (one side poor in vowels) are as long;
 * - vowel and consonant variants are as long, their ends variant letters;
 * - Jaro-Winkler (token_sim) is tried only from FUZZY_MINLEN letters,
 *   starting alike or both with vowels from LONG_TOKEN_LEN letters;
 * - typing errors (typo_long_sim, typo_sim) change the length by the
 *   edits allowed at most (two), one of the first two letters in place;
 * - the spellings as written (typo_sim on <raw>) are not looked at here.
 */
static bool
sim_possible(const struct ptok *n, const struct qtok *q, bool strict)
{
	size_t la = n->len, lb = q->len;
	size_t shorter = la < lb ? la : lb, longer = la < lb ? lb : la;
	char a0 = n->kfirst, b0 = q->key[0];

	if (la < 2 || lb < 2)
		return true;
	if (strict)
		return a0 == b0;
	if (la == lb && variant_letters(a0, b0) &&
	    variant_letters(n->klast, q->key[lb - 1]))
		return true;
	if ((n->poor || q->poor) && n->slen >= SKEL_MINLEN &&
	    n->slen == strlen(q->skel))
		return true;
	if (la >= FUZZY_MINLEN && lb >= FUZZY_MINLEN && (a0 == b0 ||
	    (is_vowel(a0) && is_vowel(b0) && la >= LONG_TOKEN_LEN &&
	    lb >= LONG_TOKEN_LEN)))
		return true;
	if (longer - shorter <= 2 && first_two_close(a0, n->ksecond, q->key))
		return true;
	/* typo_long_sim from eight letters: the first letters may go. */
	if (shorter >= TYPO2_MINLEN && longer - shorter <= 2)
		return true;
	return q->unknown && (n->raw != NULL || q->rawdiff);
}

static double
sim_tokens_all(const struct ptok *n, const struct qtok *q, bool strict)
{
	double s;

	s = token_sim(n->key, n->len, n->skel, n->poor, q->key, q->len,
	    q->skel, q->poor, strict);

	if (q->lexical && !n->generic)
		return s >= 1.0 || s == SKEL_SIM || s == VOWEL_SIM ||
		    s == VOWEL_CONS_SIM ? s : 0.0;
	if (s > 0 || strict || !q->unknown || n->particle || n->initials)
		return s;
	if ((s = typo_sim(n->key, n->len, q->key, q->len)) > 0)
		return s;
	/* The spellings as written, before the canonical rewrites. */
	if (n->raw != NULL || q->rawdiff)
		s = typo_sim(n->raw != NULL ? n->raw : n->key,
		    strlen(n->raw != NULL ? n->raw : n->key), q->raw,
		    strlen(q->raw));
	return s;
}

/* sim_tokens_all where sim_possible says it may find something. */
static double
sim_tokens(const struct ptok *n, const struct qtok *q, bool strict)
{
	return sim_possible(n, q, strict) ? sim_tokens_all(n, q, strict) : 0.0;
}

double
partysearch_token_sim(const struct ptok *n, const struct qtok *q,
    bool strict, bool prefilter)
{
	return prefilter ? sim_tokens(n, q, strict) :
	    sim_tokens_all(n, q, strict);
}

bool
partysearch_sim_possible(const struct ptok *n, const struct qtok *q,
    bool strict)
{
	return sim_possible(n, q, strict);
}

/*
 * An empty memo for the <m> words of a query, on the scratch <*sim> of
 * <*cap> similarities (grown here).
 */
static void
memo_init(struct simmemo *mm, size_t m, double **sim, size_t *cap)
{
	size_t need = SIMMEMO_SLOTS * 2 * (m ? m : 1);

	memset(mm->tag, 0, sizeof(mm->tag));
	mm->m = m;
	if (*cap < need) {
		*sim = xreallocarray(*sim, need, sizeof(**sim));
		*cap = need;
	}
	mm->sim = *sim;
}

/* The slot of listed token <id> in <mm>, emptied if another token held it. */
static inline size_t
memo_slot_of(struct simmemo *mm, uint32_t id)
{
	size_t slot = id & (SIMMEMO_SLOTS - 1);

	if (mm->tag[slot] != id + 1) {
		mm->tag[slot] = id + 1;
		mm->known[slot] = 0;
	}
	return slot;
}

/* The memo's slot of listed token <j>. */
static inline size_t
memo_slot(const struct scoring *s, size_t j)
{
	return memo_slot_of(s->memo, s->ntid[j]);
}

/* The similarities of the listed token in <slot> of <mm> to each word. */
static inline double *
memo_row_of(struct simmemo *mm, size_t slot, bool strict)
{
	return &mm->sim[(slot * 2 + strict) * mm->m];
}

static inline double *
memo_row(const struct scoring *s, size_t slot, bool strict)
{
	return memo_row_of(s->memo, slot, strict);
}

/*
 * sim_tokens of listed token <n>, in slot <slot> of <mm> whose
 * similarities are <row> (memo_row_of), and word <i> of query <qu>.
 */
static inline double
memo_at(struct simmemo *mm, size_t slot, double *row, const struct ptok *n,
    const struct query *qu, size_t i, bool strict)
{
	uint64_t bit = 1ULL << (2 * i + strict);

	if ((mm->known[slot] & bit) == 0) {
		row[i] = sim_tokens(n, &qu->q[i].t, strict);
		mm->known[slot] |= bit;
	}
	return row[i];
}

/* memo_at for listed token <j> of the name scored. */
static inline double
memo_get(const struct scoring *s, size_t slot, double *row, size_t j,
    size_t i, bool strict)
{
	return memo_at(s->memo, slot, row, s->nt[j], s->qu, i, strict);
}

/*
 * sim_tokens of listed token <id> and word <i> of query <qu>, through
 * <mm>: candidate gathering asks first, and scoring finds it held.
 */
static double
memo_sim_id(struct simmemo *mm, const struct party_index *idx, uint32_t id,
    const struct query *qu, size_t i, bool strict)
{
	size_t slot = memo_slot_of(mm, id);

	return memo_at(mm, slot, memo_row_of(mm, slot, strict),
	    &idx->toks[id], qu, i, strict);
}

/* sim_tokens of listed token <j> and query word <i>, through the memo. */
static double
memo_sim(const struct scoring *s, size_t j, size_t i, bool strict)
{
	size_t slot;

	if (s->memo == NULL)
		return sim_tokens(s->nt[j], &s->qu->q[i].t, strict);
	slot = memo_slot(s, j);
	return memo_get(s, slot, memo_row(s, slot, strict), j, i, strict);
}

/*
 * A bit for a token's first letter, one bit for all that are not a-z: a
 * name none of whose tokens starts with a join's letter is passed at one
 * test.
 */
static inline uint32_t
first_bit(char c)
{
	uint32_t b = letter_bit(c);

	return b != 0 ? b : 1u << 31;
}

/* Query joins close to a name token: "nam chon gang", "al haramain". */
static void
score_query_joins(struct scoring *s)
{
	const struct query *qu = s->qu;
	size_t i, j, x;

	for (i = 0; i < qu->njoins; i++) {
		const struct qtok *jt = &qu->joins[i];
		size_t f = qu->jfrom[i], sp = qu->jspan[i];
		bool free_span = true;

		if ((s->firsts & first_bit(jt->key[0])) == 0)
			continue;	/* no name token starts alike */
		for (x = f; x < f + sp; x++)
			free_span &= !s->qmerged[x] && !qu->q[x].t.initials;
		if (!free_span)
			continue;
		for (j = 0; j < s->k; j++) {
			const struct ptok *n = s->nt[j];
			double sim;

			if (s->nmerged[j] || n->kfirst != jt->key[0] ||
			    (size_t)n->len + 2 < jt->len ||
			    jt->len + 2 < n->len)
				continue;
			/* One word of the span is that listed word itself:
			 * "chang an" is CHANG and AN, not CHANG. */
			for (x = f; x < f + sp; x++)
				if (qu->q[x].t.len == n->len &&
				    strcmp(qu->q[x].t.key, n->key) == 0)
					break;
			if (x < f + sp)
				continue;
			sim = n->len == jt->len &&
			    strcmp(n->key, jt->key) == 0 ? 1.0 :
			    sim_tokens(n, jt, false);
			if (sim < PSCORE_JOIN_MIN)
				continue;
			for (x = f; x < f + sp; x++)
				s->qmerged[x] = true;
			s->nmerged[j] = true;
			s->num += PSCORE_JOIN_WEIGHT * n->w * sim;
			s->den += PSCORE_JOIN_WEIGHT * n->w;
			if (s->det != NULL) {
				s->det->how[j] = HOW_JOINED;
				s->det->from[j] = (int8_t)f;
				s->det->jspan[j] = (int8_t)sp;
				for (x = f; x < f + sp; x++)
					s->det->qused[x] = true;
			}
			break;
		}
	}
}

/* Name joins equal to a query token: "namchongang". */
static void
score_name_joins(struct scoring *s, const struct pname *nm)
{
	const struct query *qu = s->qu;
	size_t span, i, j, x;

	for (span = 3; span >= 2; span--) {
		for (j = 0; j + span <= s->k; j++) {
			size_t sum = 0;
			bool free_span = true;
			double w = 0;
			/* The join's token id, interned by the index build:
			 * a query token is that join if it has that id. */
			uint32_t jid =
			    nm->joins[(span == 3 ? nm->ntok - 1 : 0) + j];

			if ((qu->ids & 1ULL << (jid & 63)) == 0)
				continue;	/* no query token has it */
			for (x = j; x < j + span; x++) {
				free_span &= !s->nmerged[x];
				sum += s->nt[x]->len;
			}
			/* Only if a query token is about that long. */
			if (!free_span || sum >= 62 || (qu->lens &
			    (0x1fULL << (sum - 2))) == 0)
				continue;
			for (i = 0; i < s->m; i++) {
				if (s->qmerged[i] || qu->q[i].id != (long)jid)
					continue;
				for (x = j; x < j + span; x++) {
					s->nmerged[x] = true;
					w += s->nt[x]->w;
					if (s->det != NULL) {
						s->det->how[x] = HOW_JOINED;
						s->det->from[x] = (int8_t)i;
					}
				}
				s->qmerged[i] = true;
				if (s->det != NULL)
					s->det->qused[i] = true;
				s->num += PSCORE_JOIN_WEIGHT * w;
				s->den += PSCORE_JOIN_WEIGHT * w;
				break;
			}
		}
	}
}

/*
 * True if listed tokens [<j>, <j> + <nspan>) of <nm> against query tokens
 * [<from>, <from> + <span>) are better left single: one is a query word as
 * written outside that span, or the spans are the same words as written.
 */
static bool
join_view_single(const struct scoring *s, const struct pname *nm, size_t j,
    size_t nspan, size_t from, size_t span)
{
	size_t i, x;

	if (nspan == span) {
		for (x = 0; x < span; x++)
			if (s->qu->q[from + x].id != (long)nm->tok[j + x])
				break;
		if (x == span)
			return true;
	}
	for (x = j; x < j + nspan; x++)
		for (i = 0; i < s->m; i++)
			if ((i < from || i >= from + span) &&
			    s->qu->q[i].id == (long)nm->tok[x])
				return true;
	return false;
}

/*
 * A typing error read across query words [<from>, <from> + <span>): each
 * word the lists do not know has three letters or more (two letters are
 * too few to tell a typing error: "Chol Am" is not CHOL NAM), none is a
 * generic word or a place (the error is then in the one distinctive word,
 * read as sim_tokens reads it: "Dakar Shipping" is not DAVAR SHIPPING),
 * and not every word finds a listed word on its own (then the words are
 * read singly: "Velkan Kich" is VELKAN KISH in French spelling).
 */
static bool
join_view_typo_ok(const struct scoring *s, size_t from, size_t span)
{
	size_t i, j;
	bool all = true;

	for (i = from; i < from + span; i++) {
		const struct qtok *q = &s->qu->q[i].t;
		bool found = false;

		if ((q->unknown && q->len < TYPO_SHORT_MINLEN) ||
		    q->lexical || q->generic)
			return false;
		for (j = 0; j < s->k && !found && all; j++)
			found = memo_sim(s, j, i, false) >= PSCORE_JOIN_MIN;
		all &= found;
	}
	return !all;
}

/*
 * Query word or join <q> (from query token <from>, <span> of them) against
 * the listed join <jt> of listed tokens [<j>, <j> + <nspan>): merges both
 * sides if they are the same letters less their spaces or hyphens, or one
 * typing error apart (only an edit: Jaro-Winkler on runs of several words
 * finds shared generic words, not the name).  Returns true if merged.
 */
static bool
join_view_merge(struct scoring *s, const struct pname *nm,
    const struct ptok *jt, size_t j, size_t nspan, const struct qtok *q,
    size_t from, size_t span)
{
	double sim, w = 0;
	size_t x;

	/* Both ends in place: the same stretch of the name. */
	if ((size_t)jt->len + 2 < q->len || q->len + 2 < jt->len ||
	    jt->kfirst != q->key[0] || jt->klast != q->key[q->len - 1])
		return false;
	for (x = from; x < from + span; x++)
		if (s->qmerged[x])
			return false;
	/* The same letters, or one typing error in a long enough run. */
	if (jt->len == q->len && strcmp(jt->key, q->key) == 0)
		sim = 1.0;
	else if (q->unknown && jt->len >= TYPO_MINLEN &&
	    q->len >= TYPO_MINLEN && partyname_edit_distance(jt->key,
	    jt->len, q->key, q->len, 1) == 1)
		sim = TYPO_SIM;
	else
		return false;
	if (join_view_single(s, nm, j, nspan, from, span) ||
	    (sim < 1.0 && !join_view_typo_ok(s, from, span)))
		return false;
	for (x = j; x < j + nspan; x++) {
		s->nmerged[x] = true;
		w += s->nt[x]->w;
		if (s->det != NULL) {
			s->det->how[x] = sim >= 1.0 ? HOW_JOINED : how_of(sim);
			s->det->from[x] = (int8_t)from;
		}
	}
	for (x = from; x < from + span; x++) {
		s->qmerged[x] = true;
		if (s->det != NULL)
			s->det->qused[x] = true;
	}
	s->num += PSCORE_JOIN_WEIGHT * w * sim;
	s->den += PSCORE_JOIN_WEIGHT * w;
	return true;
}

/*
 * Names written with their spaces and hyphens elsewhere ("KWAGNI-L" for
 * KWANG-IL, "ALQ-AIDA" for AL-QAIDA, "ALL-LOUBIRI"): two or three adjacent
 * listed words, joined, against a join of two or three query words with
 * the same letters, or against a query word or join that holds a word the
 * lists do not know and is one typing error away.  Listed words found as
 * written elsewhere in the query stay single; pairs go before triples.
 */
static void
score_join_views(struct scoring *s, const struct pname *nm,
    const struct party_index *idx)
{
	const struct query *qu = s->qu;
	size_t span, i, j, x;

	if (qu->vfirst == 0)
		return;
	for (span = 2; span <= 3; span++) {
		for (j = 0; j + span <= s->k; j++) {
			uint32_t jid =
			    nm->joins[(span == 3 ? nm->ntok - 1 : 0) + j];
			const struct ptok *jt = &idx->toks[jid];
			bool done = false;

			/* Both ends must be in place (join_view_merge). */
			if ((letter_bit(jt->kfirst) & qu->vfirst) == 0 ||
			    (letter_bit(jt->klast) & qu->vlast) == 0)
				continue;
			for (x = j; x < j + span; x++)
				if (s->nmerged[x])
					break;
			if (x < j + span)
				continue;
			for (i = 0; i < qu->njoins && !done; i++)
				done = (qu->jid[i] == (long)jid ||
				    qu->junknown[i]) && join_view_merge(s, nm,
				    jt, j, span, &qu->joins[i], qu->jfrom[i],
				    qu->jspan[i]);
			for (i = 0; i < s->m && !done; i++)
				done = qu->q[i].t.unknown &&
				    !qu->q[i].t.lexical &&
				    join_view_merge(s, nm, jt, j, span,
				    &qu->q[i].t, i, 1);
		}
	}
}

/*
 * Initials of the query ("C. Y. CHUN") for listed words, once the full
 * words have found theirs: a listed word that a full query word matches
 * is not taken by an initial.
 */
static void
score_query_initials(struct scoring *s)
{
	const struct query *qu = s->qu;
	bool ntaken[MAXTOK];
	size_t i, j, l, full = 0, pick[MAXTOK];

	for (i = 0; i < s->m; i++)
		if (!qu->q[i].t.initials && !qu->q[i].t.particle)
			full++;
	if (full == 0 || qu->ninitials == 0)
		return;
	for (j = 0; j < s->k; j++) {
		ntaken[j] = s->nmerged[j];
		for (i = 0; i < s->m && !ntaken[j]; i++)
			if (!s->qmerged[i] && !qu->q[i].t.initials &&
			    memo_sim(s, j, i, s->strict) >= PSCORE_FOUND)
				ntaken[j] = true;
	}
	for (i = 0; i < s->m; i++) {
		if (!qu->q[i].t.initials || s->qmerged[i] ||
		    !match_initials(s->nt, s->k, &qu->q[i].t, ntaken, pick))
			continue;
		s->qmerged[i] = true;
		for (l = 0; l < qu->q[i].t.len; l++) {
			j = pick[l];
			s->nmerged[j] = true;
			s->num += s->nt[j]->w * INITIAL_SIM;
			s->den += s->nt[j]->w;
			if (s->det != NULL) {
				s->det->how[j] = HOW_INITIAL;
				s->det->from[j] = (int8_t)i;
				s->det->qused[i] = true;
			}
		}
	}
}

/*
 * One typing error between <a> and <b> that a word of its own could not
 * make: the first letter in place, from four letters; in a word of four
 * letters only a letter missing, added or two swapped (a letter changed
 * makes another syllable: Sang / Song).  Returns the similarity or 0.
 */
static double
supported_typo_sim(const char *a, size_t la, const char *b, size_t lb)
{
	size_t shorter = la < lb ? la : lb, x, diff = 0;

	if (shorter < SUPPORTED_TYPO_MINLEN || a[0] != b[0] ||
	    la >= MAXTOKLEN || lb >= MAXTOKLEN)
		return 0.0;
	if (shorter < TYPO_MINLEN && la == lb) {
		for (x = 0; x < la; x++)
			diff += a[x] != b[x];
		for (x = 0; x + 1 < la && a[x] == b[x]; x++)
			;
		if (diff != 2 || x + 1 >= la || a[x] != b[x + 1] ||
		    a[x + 1] != b[x])
			return 0.0;
	}
	if (partyname_edit_distance(a, la, b, lb, 1) != 1)
		return 0.0;
	return shorter >= TYPO_MINLEN ? TYPO_SIM : TYPO_SHORT_SIM;
}

/*
 * supported_typo_sim of listed word <n> and query word <q>, canonically or
 * as the query writes it against the listed word canonically or as first
 * written.
 */
static double
supported_typo_spellings(const struct ptok *n, const struct qtok *q)
{
	double sim;

	sim = supported_typo_sim(n->key, n->len, q->key, q->len);
	if (sim == 0 && q->rawdiff)
		sim = supported_typo_sim(n->key, n->len, q->raw,
		    strlen(q->raw));
	if (sim == 0 && n->raw != NULL)
		sim = supported_typo_sim(n->raw, strlen(n->raw), q->raw,
		    strlen(q->raw));
	return sim;
}

/*
 * True if listed token <j> was found only as a typing error of a query
 * word that is another listed word (score_other_names).
 */
static bool
other_name_typo(const struct party_index *idx, const struct scoring *s,
    size_t j)
{
	long id;

	if (s->nmerged[j] || s->nfrom[j] < 0 ||
	    (s->nbest[j] != TYPO_SIM && s->nbest[j] != TYPO2_SIM))
		return false;
	id = s->qu->q[s->nfrom[j]].id;
	return id >= 0 && !idx->toks[id].concat && (uint32_t)id != s->ntid[j];
}

/*
 * Typing errors in words the lists know, where the name is told by other
 * words: once SUPPORTED_TYPO_FOUND listed words are found (not initials,
 * particles or generic words), a listed word
 * still missing may be a query word the lists also know, typed ("Ahad"
 * for AHMAD beside MAHMOOD HASSAN), canonically or as the query writes
 * it against the listed word canonically or as first written.
 */
static void
score_supported_typos(const struct party_index *idx, struct scoring *s)
{
	const struct query *qu = s->qu;
	size_t i, j, found = 0;

	for (j = 0; j < s->k; j++)
		if (!s->nt[j]->particle && !s->nt[j]->generic &&
		    !s->nt[j]->initials &&
		    (s->nmerged[j] || s->nbest[j] >= PSCORE_MATCHED))
			found++;
	if (found < SUPPORTED_TYPO_FOUND)
		return;
	for (j = 0; j < s->k; j++) {
		const struct ptok *n = s->nt[j];

		if (s->nmerged[j] || s->nbest[j] >= PSCORE_MATCHED ||
		    n->particle || n->initials || n->generic)
			continue;
		for (i = 0; i < s->m; i++) {
			const struct qtok *q = &qu->q[i].t;
			double sim;

			if (s->qmerged[i] || s->qbest[i] >= PSCORE_MATCHED ||
			    q->particle || q->initials || q->lexical)
				continue;
			sim = supported_typo_spellings(n, q);
			if (sim <= s->nbest[j])
				continue;
			s->nbest[j] = s->qbest[i] = sim;
			s->nfrom[j] = (int8_t)i;
			if (qu->q[i].id < 0 || idx->toks[qu->q[i].id].concat)
				s->qw[i] = n->w;
			if (s->det != NULL) {
				s->det->how[j] = HOW_TYPO;
				s->det->from[j] = (int8_t)i;
				s->det->qused[i] = true;
			}
			break;
		}
	}
}

/*
 * Two or more listed words found only as typing errors of query words that
 * are listed words themselves ("Issam Anwar" for ANSAR AL-ISLAM: issam /
 * islam, anwar / ansar), and no other distinctive listed word found: other
 * names, not a name typed twice wrong (a typing error rarely makes a word
 * the lists know, twice so hardly ever).  Those words count as not found.
 */
static void
score_other_names(const struct party_index *idx, struct scoring *s)
{
	const struct query *qu = s->qu;
	size_t j, n = 0;

	for (j = 0; j < s->k; j++) {
		const struct ptok *t = s->nt[j];

		if (other_name_typo(idx, s, j))
			n++;
		else if (!t->particle && !t->generic && !t->initials &&
		    (s->nmerged[j] || s->nbest[j] >= PSCORE_FOUND))
			return;		/* the name is told by this word */
	}
	if (n < OTHER_NAME_TYPOS)
		return;
	for (j = 0; j < s->k; j++) {
		if (!other_name_typo(idx, s, j))
			continue;
		s->qbest[s->nfrom[j]] = 0;
		s->qw[s->nfrom[j]] = qu->q[s->nfrom[j]].w;
		s->nbest[j] = 0;
		s->nfrom[j] = -1;
		if (s->det != NULL)
			s->det->how[j] = HOW_NONE;
	}
}

/* Every remaining token against its best counterpart on the other side. */
static void
score_counterparts(const struct party_index *idx, struct scoring *s)
{
	const struct query *qu = s->qu;
	size_t i, j;

	for (j = 0; j < s->k; j++) {
		const struct ptok *n = s->nt[j];
		double best = 0;
		size_t bi = 0, slot = 0;
		double *row = NULL;

		if (s->nmerged[j])
			continue;
		if (s->memo != NULL) {
			slot = memo_slot(s, j);
			row = memo_row(s, slot, s->strict);
		}
		for (i = 0; i < s->m; i++) {
			const struct qtok *q = &qu->q[i].t;
			double sim;

			if (s->qmerged[i])
				continue;
			if (n->initials && n->len == 1 && s->individual &&
			    !q->particle && q->len >= 2 &&
			    (q->first == n->kfirst || q->key[0] == n->kfirst))
				sim = INITIAL_SIM;	/* listed initial */
			else if (row != NULL)
				sim = memo_get(s, slot, row, j, i, s->strict);
			else
				sim = sim_tokens(n, q, s->strict);
			if (sim > best) {
				best = sim;
				bi = i;
			}
			if (sim > s->qbest[i]) {
				s->qbest[i] = sim;
				/* A query token the lists do not know takes
				 * the weight of what it matched. */
				if (qu->q[i].id < 0 ||
				    idx->toks[qu->q[i].id].concat)
					s->qw[i] = n->w;
			}
		}
		s->nbest[j] = best;
		s->nfrom[j] = best > 0 ? (int8_t)bi : -1;
		if (s->det != NULL && best > 0) {
			s->det->how[j] = n->initials && best == INITIAL_SIM ?
			    HOW_INITIAL : how_of(best);
			s->det->from[j] = (int8_t)bi;
			s->det->qused[bi] = true;
		}
	}
	score_other_names(idx, s);
	score_supported_typos(idx, s);
}

/*
 * True if query word <q> is close to listed word <n> as both are written:
 * the canonical spelling itself, or at most one letter in three apart (one
 * at least) from the listed word's first spelling.  Romanisations of one
 * name differ mostly in vowels (Deemitri / Dimitri); "Cathy" is the
 * canonical "kasi" of QASI only through its consonants.
 */
static bool
as_written(const struct ptok *n, const struct qtok *q)
{
	const char *nr = n->raw != NULL ? n->raw : n->key;
	size_t ln = strlen(nr), lq = strlen(q->raw);
	size_t max = (ln < lq ? ln : lq) / WRITTEN_SPAN;

	/* The listed spelling, as the query writes it. */
	if (!q->rawdiff && q->len == n->len &&
	    memcmp(q->key, n->key, n->len) == 0)
		return true;
	return partyname_edit_distance(nr, ln, q->raw, lq,
	    max > 0 ? max : 1) <= (max > 0 ? max : 1);
}

/*
 * People are often written without their middle names or patronymics
 * ("Akhmed Chataev" for AKHMED RAJAPOVICH CHATAEV).  True when every word
 * of the query is found in a listed individual's name, including its
 * first or last word, and at least two listed words were found that
 * together weigh more than the heaviest word not found: common given
 * names alone ("Ali Hassan") do not stand in for a rare family name.  One
 * found word at least is written close to the listed spelling
 * (as_written): "Cathy Chen" is not SA'ID JAN, Qasi less Sa'id, though
 * its canonical spellings are.
 */
static bool
score_covered(struct scoring *s)
{
	const struct query *qu = s->qu;
	size_t i, j, k = s->k, found = 0;
	double wfound = 0, wmissing = 0;
	bool written = false;

	if (s->m < 2 || k < 3)
		return false;
	for (i = 0; i < s->m; i++)
		if (!s->qmerged[i] && s->qbest[i] < PSCORE_FOUND &&
		    !qu->q[i].t.particle)
			return false;
	if (!s->individual)
		return false;
	if (!((s->nmerged[0] || s->nbest[0] >= PSCORE_FOUND) ||
	    (s->nmerged[k - 1] || s->nbest[k - 1] >= PSCORE_FOUND)))
		return false;
	for (j = 0; j < k; j++) {
		if (s->nt[j]->particle)
			continue;
		if (s->nmerged[j] || s->nbest[j] >= PSCORE_FOUND) {
			found++;
			wfound += s->nt[j]->w;
			if (s->nmerged[j] || (s->nfrom[j] >= 0 &&
			    as_written(s->nt[j], &qu->q[s->nfrom[j]].t)))
				written = true;
		} else if (s->nt[j]->w > wmissing)
			wmissing = s->nt[j]->w;
	}
	return found >= 2 && wfound >= wmissing && written;
}

/*
 * The other side of score_covered(): the query holds middle names the list
 * does not record ("Daud Ibrahim Memon Kaskar" for KASKAR, Dawood Ibrahim).
 * True when the listed individual's name has three words or more, all
 * found, and the query's first and last words are found too; the query
 * words not found, all between them, then weigh like dropped listed words.
 */
static bool
score_inserted(const struct scoring *s)
{
	const struct query *qu = s->qu;
	size_t i, j, found = 0, first = s->m, last = 0;

	if (!s->individual || s->m < 3 || s->k < 3)
		return false;
	for (j = 0; j < s->k; j++) {
		if (s->nt[j]->particle)
			continue;
		if (!(s->nmerged[j] || s->nbest[j] >= PSCORE_FOUND))
			return false;
		found++;
	}
	for (i = 0; i < s->m; i++)
		if (!qu->q[i].t.particle) {
			if (first == s->m)
				first = i;
			last = i;
		}
	return found >= 3 && first < last &&
	    (s->qmerged[first] || s->qbest[first] >= PSCORE_FOUND) &&
	    (s->qmerged[last] || s->qbest[last] >= PSCORE_FOUND);
}

/*
 * Patronymics written on one side only ("Ruslan Aleksandrovich ROMASHKIN"
 * for ROMASHKIN, Ruslan) or each in its own language (Uladzimirauna for
 * Vladimirovna, Mikalayevich for Nikolaevich).  True when the listed name
 * is a person's, every word of either side not found has a patronymic's
 * shape (partyname_patronymic), one such word at most on each side, and
 * two listed words at least were found, one of them not so shaped; those
 * words then weigh like dropped listed words.  A family name of that
 * shape not found (ABRAMOVICH for "Roman Abramov") is not a patronymic:
 * the query's word left over is not one either.
 */
static bool
score_patronymic_only(const struct scoring *s)
{
	size_t i, j, found = 0, nmiss = 0, qmiss = 0;
	bool plain = false;

	if (!s->individual)
		return false;
	for (j = 0; j < s->k; j++) {
		const struct ptok *n = s->nt[j];

		if (n->particle)
			continue;
		if (s->nmerged[j] || s->nbest[j] >= PSCORE_FOUND) {
			found++;
			plain |= !n->patronymic;
		} else if (!n->patronymic || ++nmiss > 1)
			return false;
	}
	for (i = 0; i < s->m; i++) {
		const struct qtok *q = &s->qu->q[i].t;

		if (q->particle || s->qmerged[i] ||
		    s->qbest[i] >= PSCORE_FOUND)
			continue;
		if (!q->patronymic || ++qmiss > 1)
			return false;
	}
	return found >= 2 && plain && nmiss + qmiss > 0;
}

/* The weighted sums of the tokens not merged, and the score. */
static double
score_total(struct scoring *s, bool covered)
{
	const struct query *qu = s->qu;
	bool allgeneric = true, unmatched = false, inserted, patronymic;
	double dsum = 0, dmax = 0, dscale = 1;
	size_t i, j;

	/*
	 * The words a covered name leaves out (patronymics, a nasab chain)
	 * weigh together at most PSCORE_DROPPED_MAX of the heaviest of them:
	 * "Aisha Qadhafi" is as well written for a name of six words as of
	 * four.
	 */
	for (j = 0; covered && j < s->k; j++)
		if (!s->nmerged[j] && s->nbest[j] < PSCORE_DROPPED_BELOW) {
			dsum += s->nt[j]->w;
			if (s->nt[j]->w > dmax)
				dmax = s->nt[j]->w;
		}
	if (dsum > PSCORE_DROPPED_MAX * dmax)
		dscale = PSCORE_DROPPED_MAX * dmax / dsum;
	patronymic = score_patronymic_only(s);
	for (j = 0; j < s->k; j++) {
		const struct ptok *n = s->nt[j];
		double w = n->w;

		if (s->nmerged[j] || s->nbest[j] >= PSCORE_MATCHED) {
			if (!n->generic && !n->particle)
				allgeneric = false;
		} else if (!n->particle)
			unmatched = true;
		if (s->nmerged[j])
			continue;
		if (covered && s->nbest[j] < PSCORE_DROPPED_BELOW) {
			w *= PSCORE_DROPPED_WEIGHT * dscale;
			if (s->det != NULL && !n->particle)
				s->det->dropped = true;
		} else if (patronymic && n->patronymic &&
		    s->nbest[j] < PSCORE_FOUND)
			w *= PSCORE_DROPPED_WEIGHT;
		s->num += w * s->nbest[j];
		s->den += w;
	}
	/*
	 * A one-word listed name ("SUNRISE") found inside a longer query
	 * proves little: the query's other words count in full even if they
	 * are generic ("Sunrise Engineering").
	 */
	inserted = score_inserted(s);
	for (i = 0; i < s->m; i++) {
		if (s->qmerged[i])
			continue;
		if (s->k == 1 && s->qbest[i] == 0)
			s->qw[i] = qu->q[i].wfull;
		if ((inserted && s->qbest[i] < PSCORE_DROPPED_BELOW) ||
		    (patronymic && !inserted && qu->q[i].t.patronymic &&
		    s->qbest[i] < PSCORE_FOUND))
			s->qw[i] *= PSCORE_DROPPED_WEIGHT;
		s->num += s->qw[i] * s->qbest[i];
		s->den += s->qw[i];
	}
	/*
	 * Only generic words in common and part of the listed name missing
	 * ("United Development Bank" against KOREA UNITED DEVELOPMENT BANK):
	 * the words say what kind of firm it is, not which one.
	 */
	if (s->den > 0 && allgeneric && unmatched)
		return PSCORE_GENERIC_ONLY * s->num / s->den;
	return s->den > 0 ? s->num / s->den : 0.0;
}

/*
 * Scores name <nm> against the query.  Tokens of each side that join into
 * a token of the other side count as that one token; initials count for
 * the listed words they begin.  <det>, if not NULL, gets how each listed
 * word was found.  <memo> (or NULL) keeps similarities for the query.
 */
static double
score_name(const struct party_index *idx, const struct query *qu,
    const struct pname *nm, struct simmemo *memo, struct detail *det)
{
	struct scoring s;
	size_t i, j;

	s.qu = qu;
	s.det = det;
	s.ntid = nm->tok;
	s.memo = memo;
	s.k = nm->ntok > MAXTOK ? MAXTOK : nm->ntok;
	s.m = qu->n;
	s.num = s.den = 0;
	s.firsts = 0;
	for (j = 0; j < s.k; j++) {
		s.nt[j] = &idx->toks[nm->tok[j]];
		s.firsts |= first_bit(s.nt[j]->kfirst);
		s.nmerged[j] = false;
		s.nbest[j] = 0;
		s.nfrom[j] = -1;
	}
	for (i = 0; i < s.m; i++) {
		s.qmerged[i] = false;
		s.qbest[i] = 0;
		s.qw[i] = qu->q[i].w;
	}
	if (det != NULL) {
		memset(det, 0, sizeof(*det));
		memset(det->from, -1, sizeof(det->from));
	}

	/* Single short tokens (acronyms) match exactly or not at all. */
	if (s.m == 1 && s.k == 1 && (qu->q[0].t.len <= PSCORE_ACRONYM_LEN ||
	    s.nt[0]->len <= PSCORE_ACRONYM_LEN)) {
		if (strcmp(qu->q[0].t.key, s.nt[0]->key) != 0)
			return 0.0;
		if (det != NULL) {
			det->how[0] = HOW_EXACT;
			det->from[0] = 0;
			det->qused[0] = true;
		}
		return 1.0;
	}
	s.strict = s.m == 1 || s.k == 1;
	s.individual = nm->individual;

	score_query_joins(&s);
	score_name_joins(&s, nm);
	score_join_views(&s, nm, idx);
	score_query_initials(&s);
	score_counterparts(idx, &s);
	return score_total(&s, score_covered(&s));
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
	bool			 split;		/* words run together split */
	bool			 sound;		/* given names read by sound */
	const char		*text;		/* the form searched */
};

/*
 * A query searched so far, by the tokens it was built from (everything its
 * search depends on), and the factor its scores were given.
 */
struct searched {
	char	*sig;
	double	 factor;
};

struct hits {
	struct ihit	*v;
	size_t		 n, cap;
	/* Scratch, kept from one query of the name to the next. */
	uint32_t	*ids;		/* a query's candidate names */
	size_t		 cids;
	struct query	*qu;
	uint64_t	*bits;		/* candidate bitmap, all 0 between
					 * queries */
	double		*sim;		/* struct simmemo's */
	size_t		 csim;
	struct knownmemo km;
	char		**texts;	/* forms searched, owned */
	size_t		 ntexts;
	struct searched	*done;		/* queries searched, sig owned */
	size_t		 ndone;
	struct buf	 sig;		/* scratch for query_signature */
};

/*
 * Searches one form of the query; appends best-per-record hits to <hs>,
 * their score times <factor> (forms that leave words out weigh a little
 * less).  <name> is kept until the search ends.
 */
static void	search_query(const struct party_index *, struct query *,
		    char *, double, double, unsigned, bool, struct hits *);

static void
search_one(const struct party_index *idx, char *name, double threshold,
    double factor, unsigned form, struct hits *hs)
{
	struct query *qu = hs->qu;
	bool split;

	size_t i, n0;

	/* Mostly nothing is split, and the one reading is the plain one. */
	query_build(idx, name, true, false, &hs->km, qu, &split);
	if (split)
		search_query(idx, qu, name, threshold, factor, form, true, hs);
	if (split)
		query_build(idx, name, false, false, NULL, qu, NULL);
	search_query(idx, qu, name, threshold, factor, form, false, hs);
	/* Rarely a word sounds like an East Slavic given name's form. */
	if (qu->sounds == 0)
		return;
	query_build(idx, name, false, true, NULL, qu, NULL);
	n0 = hs->n;
	search_query(idx, qu, name, threshold, factor, form, false, hs);
	for (i = n0; i < hs->n; i++)
		hs->v[i].sound = true;
}

/*
 * The tokens <qu> was built from, as one string into <b>: two queries with
 * the same string are the same query (query_build derives the rest from
 * the tokens and the index), with the same candidates and scores.
 */
static void
query_signature(const struct query *qu, struct buf *b)
{
	size_t i;

	buf_reset(b);
	for (i = 0; i < qu->n; i++) {
		const struct qtok *t = &qu->q[i].t;
		char tail[4];

		/* Written byte by byte: formatting was a tenth of the cost
		 * of searching a short name.  No byte of it is NUL. */
		buf_adds(b, t->key);
		buf_addc(b, '\x01');
		buf_adds(b, t->skel);
		buf_addc(b, '\x01');
		buf_adds(b, t->raw);
		tail[0] = '\x01';
		tail[1] = (char)(0x80 | (t->len & 0x3f));
		tail[2] = t->first != '\0' ? t->first : '\x03';
		tail[3] = (char)(0x40 | t->generic | t->poor << 1 |
		    t->particle << 2 | t->initials << 3);
		buf_add(b, tail, sizeof(tail));
		buf_addc(b, '\x02');
	}
}

/*
 * True if <qu> was searched before with a greater factor: each hit it could
 * give was given then with a higher score for the same record, so it could
 * never be a record's best (a form that drops nothing but punctuation or a
 * legal form: "X Co., Ltd." searched again as "X Co." and "X").  Else notes
 * it as searched with <factor>.
 */
static bool
query_dominated(const struct query *qu, double factor, struct hits *hs)
{
	size_t i;

	query_signature(qu, &hs->sig);
	for (i = 0; i < hs->ndone; i++)
		if (hs->done[i].factor > factor &&
		    strcmp(hs->done[i].sig, hs->sig.data) == 0)
			return true;
	hs->done = xreallocarray(hs->done, hs->ndone + 1, sizeof(*hs->done));
	hs->done[hs->ndone].sig = xstrdup(hs->sig.data);
	hs->done[hs->ndone++].factor = factor;
	return false;
}

/* Close spellings of one query token looked up in the index, at most. */
#define MAX_CLOSE_TOKENS	512

/*
 * Blocking budget: marks in <skip> the commonest tokens of <qu>, as long
 * as a name sharing only those could not reach <threshold>.
 */
static void
block_common(const struct query *qu, double threshold, bool *skip)
{
	size_t order[MAXTOK], i;
	double total = 0, skipped = 0;

	for (i = 0; i < qu->n; i++) {
		order[i] = i;
		skip[i] = false;
		total += qu->q[i].w;
	}
	qsort_r(order, qu->n, sizeof(size_t), cmp_qdf, (void *)qu->q);
	for (i = 0; i < qu->n; i++) {
		const struct qinfo *q = &qu->q[order[i]];
		double s = skipped + q->w;

		if (q->df < BLOCK_MIN_DF)
			break;
		if (2 * s / (2 * s + (total - s)) >= threshold * BLOCK_MARGIN)
			break;
		skip[order[i]] = true;
		skipped = s;
	}
}

/*
 * True if scoring may find listed token <id> like word <i> of <qu> in some
 * way: sim_tokens, strict or not, or as a supported typing error; a join
 * always (score_join_views reads joins its own way).  A close spelling
 * the scoring finds in no way alike gathers names that can only score on
 * other words: three in ten candidates were such names, and none reached
 * the threshold in the name checks.  The similarities asked go into <mm>
 * for the scoring.
 */
static bool
close_similar(const struct party_index *idx, struct simmemo *mm, uint32_t id,
    const struct query *qu, size_t i)
{
	const struct ptok *t = &idx->toks[id];
	const struct qtok *q = &qu->q[i].t;

	if (t->concat)
		return true;
	return memo_sim_id(mm, idx, id, qu, i, false) > 0 ||
	    memo_sim_id(mm, idx, id, qu, i, true) > 0 ||
	    (!q->particle && !q->initials && !q->lexical &&
	    !t->particle && !t->initials && !t->generic &&
	    supported_typo_spellings(t, q) > 0);
}

/*
 * The candidate names of <qu> into <c>: the postings of every spelling
 * close to a token not skipped (initials and particles find nothing on
 * their own) that the scoring finds alike (close_similar), and of the
 * joins that are rare enough to tell.
 */
static void
gather_candidates(const struct party_index *idx, const struct query *qu,
    const bool *skip, struct simmemo *mm, struct cand *c)
{
	uint32_t close[MAX_CLOSE_TOKENS];
	size_t i, j, nclose;

	for (i = 0; i < qu->n; i++) {
		if (skip[i] || qu->q[i].t.initials || qu->q[i].t.particle)
			continue;
		nclose = close_tokens(idx, &qu->q[i].t, true, close,
		    NELEM(close));
		for (j = 0; j < nclose; j++)
			if (close_similar(idx, mm, close[j], qu, i))
				cand_add_postings(idx, c, close[j]);
	}
	for (i = 0; i < qu->njoins; i++) {
		long id = qu->jid[i];

		/* A join as common as "abd al" finds nothing its words
		 * do not find. */
		if (id >= 0 && idx->toks[id].npost < BLOCK_MIN_DF)
			cand_add_postings(idx, c, (uint32_t)id);
		/* With a word the lists do not know: the listed words and
		 * joins one edit away ("kwagni-l" for KWANG-IL); a join's
		 * skeleton is too loose to tell. */
		if (!qu->junknown[i] || qu->jspan[i] != 2)
			continue;
		nclose = close_tokens(idx, &qu->joins[i], false, close,
		    NELEM(close));
		for (j = 0; j < nclose; j++)
			if ((long)close[j] != id &&
			    idx->toks[close[j]].npost < BLOCK_MIN_DF)
				cand_add_postings(idx, c, close[j]);
	}
}

/*
 * The candidates of <c> in id order into <hs>->ids; returns their count.
 * Clears the bitmap as it reads it.
 */
static size_t
cand_list(struct cand *c, struct hits *hs)
{
	size_t w, n = 0;

	for (w = c->lo; w < c->hi; w++) {
		uint64_t word = c->bits[w];

		if (word == 0)
			continue;
		c->bits[w] = 0;
		for (; word != 0; word &= word - 1) {
			if (n == hs->cids) {
				hs->cids = hs->cids ? hs->cids * 2 : 256;
				hs->ids = xreallocarray(hs->ids, hs->cids,
				    sizeof(*hs->ids));
			}
			hs->ids[n++] = (uint32_t)(w << 6 |
			    (size_t)__builtin_ctzll(word));
		}
	}
	c->lo = c->nwords;
	c->hi = 0;
	return n;
}

/*
 * Scoring a candidate reads its name, its token ids and the records of
 * its tokens (and of its joins when the query has join views): four
 * dependent loads from a large index, each mostly a cache miss, and the
 * scoring itself is short.  The loads for the candidates a few places
 * ahead are started early, each stage one step further (the name first,
 * then its token ids, then the token records), so that they overlap with
 * scoring.  Only a hint: nothing read or computed changes.
 */
#define PREFETCH_NAME	6	/* candidates ahead: the name */
#define PREFETCH_TOKIDS	4	/* ... its token ids */
#define PREFETCH_TOKS	2	/* ... its token records */

static void
cand_prefetch(const struct party_index *idx, const struct query *qu,
    const uint32_t *ids, size_t n, size_t x)
{
	const struct pname *nm;
	size_t j, k;

	if (x + PREFETCH_NAME < n)
		util_prefetch(&idx->names[ids[x + PREFETCH_NAME]]);
	if (x + PREFETCH_TOKIDS < n)
		util_prefetch(idx->names[ids[x + PREFETCH_TOKIDS]].tok);
	if (x + PREFETCH_TOKS >= n)
		return;
	nm = &idx->names[ids[x + PREFETCH_TOKS]];
	k = nm->ntok > MAXTOK ? MAXTOK : nm->ntok;
	for (j = 0; j < k; j++)
		util_prefetch(&idx->toks[nm->tok[j]]);
	/* score_join_views reads the records of the name's joins. */
	if (qu->vfirst != 0 && nm->ntok >= 2)
		for (j = 0; j < 2 * (size_t)nm->ntok - 3; j++)
			util_prefetch(&idx->toks[nm->joins[j]]);
}

/* A new hit at the end of <hs>, zeroed; returns its index. */
static size_t
hits_add(struct hits *hs)
{
	if (hs->n == hs->cap) {
		hs->cap = hs->cap ? hs->cap * 2 : 16;
		hs->v = xreallocarray(hs->v, hs->cap, sizeof(*hs->v));
	}
	memset(&hs->v[hs->n], 0, sizeof(hs->v[hs->n]));
	return hs->n++;
}

/*
 * The scratch a search needs, kept by each thread from one party to the
 * next: a query (some 20 KiB), the candidate bitmap (one bit per listed
 * name, all 0 between queries), the candidate list and the similarity
 * memo.  Allocating and clearing them for every party was a twentieth of
 * the search.
 */
struct search_scratch {
	struct query	*qu;
	uint64_t	*bits;
	size_t		 nbits;		/* words of bits */
	uint32_t	*ids;
	size_t		 cids;
	double		*sim;
	size_t		 csim;
};
static pthread_key_t	scratch_key;
static pthread_once_t	scratch_once = PTHREAD_ONCE_INIT;

static void
scratch_free(void *p)
{
	struct search_scratch *sc = p;

	free(sc->qu);
	free(sc->bits);
	free(sc->ids);
	free(sc->sim);
	free(sc);
}

static void
scratch_key_init(void)
{
	if (pthread_key_create(&scratch_key, scratch_free) != 0)
		fatalx("party search: no thread key");
}

/* This thread's scratch, its bitmap as large as <idx> needs. */
static struct search_scratch *
scratch_get(const struct party_index *idx)
{
	struct search_scratch *sc;
	size_t nbits = idx->nnames / 64 + 1;

	(void)pthread_once(&scratch_once, scratch_key_init);
	if ((sc = pthread_getspecific(scratch_key)) == NULL) {
		sc = xcalloc(1, sizeof(*sc));
		sc->qu = xmalloc(sizeof(*sc->qu));
		if (pthread_setspecific(scratch_key, sc) != 0)
			fatalx("party search: no thread scratch");
	}
	if (sc->nbits < nbits) {
		free(sc->bits);
		sc->bits = xcalloc(nbits, sizeof(*sc->bits));
		sc->nbits = nbits;
	}
	return sc;
}

/* Searches query <qu> of <name>, as search_one says. */
static void
search_query(const struct party_index *idx, struct query *qu, char *name,
    double threshold, double factor, unsigned form, bool split,
    struct hits *hs)
{
	struct cand c;
	struct simmemo memo;
	bool skip[MAXTOK];
	uint32_t lastrec = UINT32_MAX;
	size_t besthit = 0, x, ncand;

	if (qu->n == 0 || query_dominated(qu, factor, hs))
		return;
	cand_init(idx, &c, hs->bits);
	memo_init(&memo, qu->n, &hs->sim, &hs->csim);
	block_common(qu, threshold, skip);
	gather_candidates(idx, qu, skip, &memo, &c);
	if (c.n == 0)
		goto done;

	/* Names of a record are adjacent: keep the best per record. */
	ncand = cand_list(&c, hs);
	for (x = 0; x < ncand; x++) {
		uint32_t cid = hs->ids[x];
		const struct pname *nm;
		double s;

		cand_prefetch(idx, qu, hs->ids, ncand, x);
		nm = &idx->names[cid];
		s = score_name(idx, qu, nm, &memo, NULL) * factor;
		if (s < threshold)
			continue;
		if (nm->rec == lastrec) {
			if (s > hs->v[besthit].h.score) {
				hs->v[besthit].h.score = s;
				hs->v[besthit].h.matched = nm->text;
				hs->v[besthit].name = (uint32_t)cid;
			}
			continue;
		}
		besthit = hits_add(hs);
		hs->v[besthit].h.rec = &idx->recs[nm->rec]->pub;
		hs->v[besthit].h.matched = nm->text;
		hs->v[besthit].h.score = s;
		hs->v[besthit].name = (uint32_t)cid;
		hs->v[besthit].form = form;
		hs->v[besthit].split = split;
		hs->v[besthit].text = name;
		lastrec = nm->rec;
	}
done:
	cand_clear(&c);
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
 * " - ", "P.O. Box", "No." or a word with digits after the first word,
 * unless its digits are letters mistyped (partyname_ocr_word: "SA1IM").
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
	unsigned off = 0;	/* marks whose first place is s itself */
	const char *p, *w;

	/*
	 * The first place of any mark but those first found at the very
	 * start: every mark starts with a space, so only the spaces are
	 * looked at, in order, and the first mark found is the nearest.
	 */
	for (p = strchr(s, ' '); p != NULL && best == 0;
	    p = strchr(p + 1, ' '))
		for (i = 0; i < NELEM(marks); i++) {
			if ((off & 1u << i) || (p[1] | 0x20) != marks[i][1] ||
			    strncasecmp(p, marks[i], strlen(marks[i])) != 0)
				continue;
			if (p == s)
				off |= 1u << i;
			else {
				best = (size_t)(p - s);
				break;
			}
		}
	/* A word with digits, not the first one ("7TH OF TIR"). */
	for (w = strchr(s, ' '); w != NULL; w = strchr(w + 1, ' ')) {
		const char *e = w + 1;

		while (*e != '\0' && *e != ' ' && *e != ',')
			e++;
		for (p = w + 1; p < e; p++)
			if (*p >= '0' && *p <= '9')
				break;
		if (p < e && !partyname_ocr_word(w + 1, (size_t)(e - w - 1))) {
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
			search_one(idx, hits_keep(hs, head), threshold,
			    FORM_ADDRESS, form | PARTY_D_ADDRESS, hs);
		else
			free(head);
		/* A city before the comma: drop up to three words. */
		head = xstrndup(name, comma);
		nw = words_in(head);
		for (k = 1; k <= 3 && nw >= k + 2; k++) {
			char *h = drop_last_words(head, k);

			if (h != NULL)
				search_one(idx, hits_keep(hs, h), threshold,
				    FORM_CITY - FORM_CITY_WORD * (double)k,
				    form | PARTY_D_ADDRESS, hs);
		}
		free(head);
	} else if (at > 0) {
		head = xstrndup(name, at);
		search_one(idx, hits_keep(hs, head), threshold, FORM_ADDRESS,
		    form | PARTY_D_ADDRESS, hs);
	}
}

/*
 * The listed name <nm>'s tokens into <lt> (MAXTOK), in the order the index
 * holds them: without its bracketed acronyms when that gives the same
 * count, else (a bracketed part is its own name) the whole text.  Returns
 * the count.
 */
static size_t
listed_tokens(const struct pname *nm, struct qtok *lt)
{
	struct buf stripped;
	char **parts = NULL;
	size_t nparts = 0, nl, p;

	buf_init(&stripped);
	partyindex_split_acronyms(nm->text, &stripped, &parts, &nparts);
	nl = partyname_tokenize(stripped.data, lt);
	if (nl != nm->ntok)
		nl = 0;		/* a bracketed part: its own name */
	if (nl == 0)
		nl = partyname_tokenize(nm->text, lt);
	for (p = 0; p < nparts; p++)
		free(parts[p]);
	free(parts);
	buf_free(&stripped);
	return nl;
}

/*
 * The mark written after a word pair matched as <how> ("~typo"...), and
 * the distortion it shows added to *<d>.
 */
static const char *
how_mark(int how, unsigned *d)
{
	switch (how) {
	case HOW_EXACT:
		return "";
	case HOW_VARIANT:
		*d |= PARTY_D_SPELLING;
		return "~";
	case HOW_TYPO:
		*d |= PARTY_D_TYPO;
		return "~typo";
	case HOW_INITIAL:
		*d |= PARTY_D_INITIALS;
		return "~initial";
	case HOW_JOINED:
		*d |= PARTY_D_JOINED;
		return "~joined";
	default:
		*d |= PARTY_D_DROPPED;
		return "";
	}
}

/*
 * Which words matched which, into <w> ("listed=query~how ..."), for the
 * <nl> listed tokens <lt> of <nm> against query <qu> as <det> scored them;
 * the distortions seen (spelling, typos, initials, joins, dropped words,
 * another order) are added to *<d>.
 */
static void
word_pairs(const struct pname *nm, const struct qtok *lt, size_t nl,
    const struct query *qu, const struct detail *det, struct buf *w,
    unsigned *d)
{
	size_t j;
	int last = -1;

	for (j = 0; j < nl && j < nm->ntok && j < MAXTOK; j++) {
		const char *how;
		int f = det->from[j];

		if (lt[j].particle && det->how[j] == HOW_NONE)
			continue;
		how = how_mark(det->how[j], d);
		if (f >= 0 && (size_t)f < qu->n) {
			if (f < last)
				*d |= PARTY_D_ORDER;
			last = f;
		}
		if (w->len > 0)
			buf_addc(w, ' ');
		buf_printf(w, "%s=%s%s", lt[j].raw, f >= 0 &&
		    (size_t)f < qu->n ? qu->q[f].t.raw : "-", how);
	}
}

/*
 * Weak evidence: a low-quality alias, or a person's name found only
 * through words that many listed names share (common given names,
 * "Mohammad Ali"): the officer must confirm the identity.  Sets <ih>'s
 * quality and weak flag.
 */
static void
weigh_evidence(const struct party_index *idx, const struct pname *nm,
    const struct detail *det, struct ihit *ih)
{
	const struct prec *r = idx->recs[nm->rec];
	bool distinct = false;
	size_t j;

	ih->h.quality = PARTY_Q_NONE;
	for (j = 0; j < r->nalias; j++)
		if (r->alias[j] == nm->text)
			ih->h.quality = (enum party_quality)r->aq[j];
	for (j = 0; j < nm->ntok && j < MAXTOK; j++) {
		const struct ptok *t = &idx->toks[nm->tok[j]];

		if (det->how[j] != HOW_NONE && !t->particle &&
		    t->df < idx->common_df)
			distinct = true;
	}
	ih->h.weak = ih->h.quality == PARTY_Q_LOW ||
	    (!distinct && strcmp(r->kind, "individual") == 0);
}

/*
 * True if <text> holds letters of a script other than Latin: a UTF-8 lead
 * byte from U+0340 on, leaving out the punctuation and symbol blocks
 * (lead bytes 0xe2, 0xef) that Latin text carries.
 */
static bool
other_script(const char *text)
{
	const unsigned char *u;

	for (u = (const unsigned char *)text; *u != '\0'; u++)
		if (*u >= 0xcd && *u != 0xe2 && *u != 0xef)
			return true;
	return false;
}

/* Fills the evidence of <ih>: which words matched which, distortions. */
static void
explain_hit(const struct party_index *idx, struct ihit *ih)
{
	const struct pname *nm = &idx->names[ih->name];
	struct query *qu = xmalloc(sizeof(*qu));
	struct qtok *lt = xreallocarray(NULL, MAXTOK, sizeof(*lt));
	struct detail det;
	struct buf w;
	size_t nl;
	unsigned d = ih->form;

	query_build(idx, ih->text, ih->split, ih->sound, NULL, qu, NULL);
	(void)score_name(idx, qu, nm, NULL, &det);
	nl = listed_tokens(nm, lt);
	buf_init(&w);
	word_pairs(nm, lt, nl, qu, &det, &w, &d);
	if (det.dropped)
		d |= PARTY_D_DROPPED;
	/* Words run together, split for the search. */
	if (ih->split)
		d |= PARTY_D_JOINED;
	weigh_evidence(idx, nm, &det, ih);
	if (other_script(ih->text))
		d |= PARTY_D_SCRIPT;
	ih->h.distortions = d;
	snprintf(ih->h.words, sizeof(ih->h.words), "%s", w.len ? w.data : "");
	buf_free(&w);
	free(lt);
	free(qu);
}

size_t
party_search(const struct party_index *idx, const char *name,
    double threshold, struct party_hit *out, size_t max)
{
	struct hits hs;
	struct search_scratch *sc;
	struct buf stripped;
	char **parts = NULL, *copy, *part;
	size_t nparts = 0, i, j, n = 0;

	if (!idx->prepared || name == NULL || max == 0)
		return 0;
	memset(&hs, 0, sizeof(hs));
	buf_init(&hs.sig);
	sc = scratch_get(idx);
	hs.qu = sc->qu;
	hs.bits = sc->bits;
	hs.ids = sc->ids;
	hs.cids = sc->cids;
	hs.sim = sc->sim;
	hs.csim = sc->csim;
	knownmemo_init(&hs.km);
	/* The name as given, without its bracketed parts, and each part. */
	buf_init(&stripped);
	partyindex_split_acronyms(name, &stripped, &parts, &nparts);
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
				    threshold, FORM_CAREOF, PARTY_D_CAREOF, &hs);
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
	sc->ids = hs.ids;		/* grown, kept */
	sc->cids = hs.cids;
	sc->sim = hs.sim;
	sc->csim = hs.csim;
	for (i = 0; i < hs.ntexts; i++)
		free(hs.texts[i]);
	free(hs.texts);
	for (i = 0; i < hs.ndone; i++)
		free(hs.done[i].sig);
	free(hs.done);
	buf_free(&hs.sig);
	return n;
}

