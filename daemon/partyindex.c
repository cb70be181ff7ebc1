/*
 * The token index of the denied-party names, built once by party_prepare()
 * and read-only afterwards.  Each token has a posting list of the names
 * that contain it, and three side indexes find tokens that are close to a
 * query token: the one-deletion neighbourhood (typos), the consonant
 * skeleton (Arabic-script names transliterated without vowels) and the
 * concatenations of adjacent tokens ("Nam Chon Gang" / "Namchongang").
 * Token weights are an IDF over the listed names, damped for generic
 * business and place words.  No searching here (partysearch.c).
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "partyint.h"
#include "util.h"
#include "xmalloc.h"

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

struct prec *
partyindex_find(const struct party_index *idx, const char *list,
    const char *ref)
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
		struct prec *r = partyindex_find(idx, idx->lists[l->list].id,
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
			party_rec_add_alias(r, l->value, PARTY_Q_NONE);
			idx->lists[l->list].names++;
		} else {
			const char *iso = party_country_iso(l->value);

			if (iso != NULL) {
				party_rec_add_country(r, iso);
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
void
partyindex_split_acronyms(const char *name, struct buf *stripped,
    char ***parts, size_t *nparts)
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

uint64_t
partyindex_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a */
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h ^ (h >> 29);
}

/*
 * The token table keeps beside each slot the top bits of its key's hash
 * (the slot comes from the low bits): a probe that meets another key
 * mostly tells it by that tag, without reading the token's record and its
 * spelling, two cache misses.  Most look-ups while queries are tokenized
 * are of words no list has, and every probe of those meets other keys.
 */
#define TAB_TAG(h)	((uint32_t)((h) >> 32))

static void
tab_grow(struct party_index *idx)
{
	size_t cap = idx->tabmask ? (idx->tabmask + 1) * 2 : 1024, i;
	uint32_t *t = xcalloc(cap, sizeof(uint32_t));
	uint32_t *tag = xcalloc(cap, sizeof(uint32_t));

	for (i = 0; i < idx->ntoks; i++) {
		uint64_t hv = partyindex_hash(idx->toks[i].key,
		    idx->toks[i].len);
		size_t h = hv & (cap - 1);

		while (t[h] != 0)
			h = (h + 1) & (cap - 1);
		t[h] = (uint32_t)i + 1;
		tag[h] = TAB_TAG(hv);
	}
	free(idx->tab);
	free(idx->tabtag);
	idx->tab = t;
	idx->tabtag = tag;
	idx->tabmask = cap - 1;
}

/* Token id of canonical <key>, or -1. */
long
partyindex_tok_lookup(const struct party_index *idx, const char *key,
    size_t len)
{
	uint64_t hv;
	uint32_t tag;
	size_t h;

	if (idx->tab == NULL)
		return -1;
	hv = partyindex_hash(key, len);
	tag = TAB_TAG(hv);
	h = hv & idx->tabmask;
	while (idx->tab[h] != 0) {
		const struct ptok *t = &idx->toks[idx->tab[h] - 1];

		if (idx->tabtag[h] == tag && t->len == len &&
		    memcmp(t->key, key, len) == 0)
			return (long)idx->tab[h] - 1;
		h = (h + 1) & idx->tabmask;
	}
	return -1;
}

static uint32_t
tok_intern(struct party_index *idx, const struct qtok *q, bool concat)
{
	long id = partyindex_tok_lookup(idx, q->key, q->len);
	struct ptok *t;

	if (id >= 0) {
		t = &idx->toks[id];
		t->generic |= q->generic;
		t->patronymic |= q->patronymic;
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
	/* The spelling as written, for typing errors the canonical rewrites
	 * would hide ("Zahmed": Ahmed is "amed"). */
	t->raw = concat || q->particle || q->initials ||
	    strcmp(q->raw, q->key) == 0 ? NULL : xstrdup(q->raw);
	t->len = (uint8_t)q->len;
	t->generic = q->generic;
	t->poor = q->poor;
	t->concat = concat;
	t->particle = q->particle;
	t->initials = q->initials;
	t->patronymic = q->patronymic;
	t->firsts = letter_bit(q->first) | letter_bit(q->key[0]);
	t->kfirst = q->key[0];
	t->klast = q->len > 0 ? q->key[q->len - 1] : '\0';
	t->ksecond = q->len > 1 ? q->key[1] : '\0';
	t->slen = (uint8_t)strlen(q->skel);
	{
		uint64_t hv = partyindex_hash(q->key, q->len);
		size_t h = hv & idx->tabmask;

		while (idx->tab[h] != 0)
			h = (h + 1) & idx->tabmask;
		idx->tab[h] = (uint32_t)idx->ntoks + 1;
		idx->tabtag[h] = TAB_TAG(hv);
	}
	return (uint32_t)idx->ntoks++;
}

/* Canonical join of tokens <t>[i..i+n). */
void
partyindex_join(const struct qtok *t, size_t i, size_t n, struct qtok *out)
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
	partyname_qtok_set(out, raw, false);
}

/* Appends name <text> of record <rec>, tokens <t> (<n>), to idx->names. */
static void
index_add_tokens(struct party_index *idx, uint32_t rec, const char *text,
    const struct qtok *t, size_t n, bool given, uint32_t **pairs,
    size_t *npairs, size_t *cpairs)
{
	struct pname *nm;
	size_t i, span;

	if (idx->nnames == idx->cnames) {
		idx->cnames = idx->cnames ? idx->cnames * 2 : 4096;
		idx->names = xreallocarray(idx->names, idx->cnames,
		    sizeof(*idx->names));
	}
	nm = &idx->names[idx->nnames];
	nm->rec = rec;
	nm->text = text;
	nm->given = given;
	nm->individual = idx->recs[rec]->kind != NULL &&
	    strcmp(idx->recs[rec]->kind, "individual") == 0;
	nm->ntok = (uint32_t)n;
	/* The token ids, then those of the joins (see struct pname). */
	nm->tok = xreallocarray(NULL, 3 * n, sizeof(uint32_t));
	nm->joins = nm->tok + n;
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

				partyindex_join(t, i, span, &j);
				tid = tok_intern(idx, &j, true);
				nm->joins[(span == 3 ? n - 1 : 0) + i] = tid;
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

/*
 * Tokenizes <match_text> and appends it as a name of record <rec>
 * (published as <text>); with an East Slavic given name in a form other
 * than its table's first, the same name so rekeyed right after it (the
 * names of a record stay adjacent).  A word that only sounds like a form
 * (Serhey) is not rekeyed here: the query's sound reading finds the
 * listed forms, and listed words of other languages that sound alike
 * (Barrios, Petra) stay out of the table's readings.
 */
static void
index_add_name(struct party_index *idx, uint32_t rec, const char *text,
    const char *match_text, uint32_t **pairs, size_t *npairs, size_t *cpairs)
{
	struct qtok t[MAXTOK];
	size_t n, i;
	bool given = false;

	if ((n = partyname_tokenize(match_text, t)) == 0)
		return;
	index_add_tokens(idx, rec, text, t, n, false, pairs, npairs, cpairs);
	for (i = 0; i < n; i++)
		given |= partyname_given_unify(&t[i], false);
	if (given)
		index_add_tokens(idx, rec, text, t, n, true, pairs, npairs,
		    cpairs);
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
hkey_push(struct hkeys *hk, size_t *cap, uint64_t h, uint32_t tok)
{
	if (hk->n == *cap) {
		*cap = *cap ? *cap * 2 : 65536;
		hk->v = xreallocarray(hk->v, *cap, sizeof(*hk->v));
	}
	hk->v[hk->n].h = h;
	hk->v[hk->n++].tok = tok;
}

/*
 * Sorts <hk>, drops repeated keys, and builds its directory: about two keys
 * a bucket (the hashes are uniform).
 */
static void
hkey_sort(struct hkeys *hk)
{
	size_t i, j = 0, b, nb;
	unsigned bits = 1;

	if (hk->n == 0)
		return;
	qsort(hk->v, hk->n, sizeof(*hk->v), cmp_hkey);
	for (i = 0; i < hk->n; i++)
		if (j == 0 || cmp_hkey(&hk->v[i], &hk->v[j - 1]) != 0)
			hk->v[j++] = hk->v[i];
	hk->n = j;
	while (bits < 30 && ((size_t)1 << (bits + 1)) <= hk->n)
		bits++;
	hk->shift = 64 - bits;
	nb = (size_t)1 << bits;
	hk->dir = xreallocarray(NULL, nb + 1, sizeof(*hk->dir));
	for (b = 0, i = 0; b <= nb; b++) {
		while (i < hk->n && (hk->v[i].h >> hk->shift) < b)
			i++;
		hk->dir[b] = (uint32_t)i;
	}
}

const struct hkey *
partyindex_hkeys_find(const struct hkeys *hk, uint64_t h, size_t *count)
{
	size_t b, i, e;

	*count = 0;
	if (hk->n == 0)
		return hk->v;
	b = h >> hk->shift;
	for (i = hk->dir[b], e = hk->dir[b + 1]; i < e && hk->v[i].h < h; i++)
		;
	while (i + *count < e && hk->v[i + *count].h == h)
		(*count)++;
	return hk->v + i;
}

void
partyindex_hkeys_free(struct hkeys *hk)
{
	free(hk->v);
	hk->v = NULL;
	free(hk->dir);
	hk->dir = NULL;
	hk->n = 0;
}

/* Hash of <key> with the byte at <skip> left out (skip >= len: none). */
uint64_t
partyindex_hash_deletion(const char *key, size_t len, size_t skip)
{
	char tmp[MAXTOKLEN];

	if (skip >= len)
		return partyindex_hash(key, len);
	memcpy(tmp, key, skip);
	memcpy(tmp + skip, key + skip + 1, len - skip - 1);
	return partyindex_hash(tmp, len - 1);
}

uint64_t
partyindex_hash_variant(const char *key, size_t len)
{
	char tmp[MAXTOKLEN];
	size_t i;

	for (i = 0; i < len && i < sizeof(tmp); i++) {
		char c = key[i];

		if (is_vowel(c))
			c = 'a';
		else if (c == 'j' || c == 'k' || c == 'c')
			c = 'g';
		else if (c == 'z')
			c = 'd';
		tmp[i] = c;
	}
	return partyindex_hash(tmp, i);
}

/*
 * Every name of every record (primary, aliases, bracketed parts as aliases
 * of their own) tokenised into idx->names; (token, name) pairs for the
 * postings appended to <pairs>.  Fills each record's public view.
 */
static void
index_names(struct party_index *idx, uint32_t **pairs, size_t *npairs,
    size_t *cpairs)
{
	struct buf stripped;
	size_t i, j;

	buf_init(&stripped);
	for (i = 0; i < idx->nrecs; i++) {
		struct prec *r = idx->recs[i];
		size_t na = r->nalias, k;

		for (k = 0; k <= na; k++) {
			const char *text = k == 0 ? r->name : r->alias[k - 1];
			char **parts = NULL;
			size_t nparts = 0, p;

			partyindex_split_acronyms(text, &stripped, &parts,
			    &nparts);
			index_add_name(idx, (uint32_t)i, text, stripped.data,
			    pairs, npairs, cpairs);
			for (p = 0; p < nparts; p++) {
				party_rec_add_alias(r, parts[p],
				    k == 0 ? PARTY_Q_NONE : r->aq[k - 1]);
				free(parts[p]);
			}
			free(parts);
		}
		/* Aliases added above are indexed in this loop too. */
		for (k = na; k < r->nalias; k++)
			index_add_name(idx, (uint32_t)i, r->alias[k],
			    r->alias[k], pairs, npairs, cpairs);
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

		if (idx->names[i].given)
			continue;

		for (j = 0; j < idx->nlists; j++)
			if (r->pub.list_id == idx->lists[j].id)
				idx->lists[j].names++;
	}
}

/* Postings in CSR form, one entry per (token, name); takes <pairs>. */
static void
index_postings(struct party_index *idx, uint32_t *pairs, size_t npairs)
{
	size_t i, j;

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
}

/* Weights: IDF over names, damped for generic words. */
static void
index_weights(struct party_index *idx)
{
	size_t i;

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
}

/*
 * Side indexes: one-deletion neighbourhoods, skeletons and vowel-variant
 * classes.
 */
static void
index_side(struct party_index *idx)
{
	size_t i, cdels = 0, cskels = 0, cpoor = 0, cvar = 0;

	for (i = 0; i < idx->ntoks; i++) {
		struct ptok *t = &idx->toks[i];
		size_t s, sl = strlen(t->skel);

		if (t->len >= FUZZY_MINLEN - 1)
			for (s = 0; s <= t->len; s++)
				hkey_push(&idx->dels, &cdels,
				    partyindex_hash_deletion(t->key, t->len, s),
				    (uint32_t)i);
		if (sl >= 3 && !t->concat) {
			hkey_push(&idx->skels, &cskels,
			    partyindex_hash(t->skel, sl), (uint32_t)i);
			if (t->poor)
				hkey_push(&idx->poorskels, &cpoor,
				    partyindex_hash(t->skel, sl), (uint32_t)i);
		}
		if (t->len >= VARIANT_MINLEN && !t->concat)
			hkey_push(&idx->variants, &cvar,
			    partyindex_hash_variant(t->key, t->len),
			    (uint32_t)i);
	}
	hkey_sort(&idx->dels);
	hkey_sort(&idx->skels);
	hkey_sort(&idx->poorskels);
	hkey_sort(&idx->variants);
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* The place words of the lists' addresses, sorted and unique. */
static void
index_places(struct party_index *idx)
{
	size_t i, j = 0;

	if (idx->nplaces == 0)
		return;
	qsort(idx->places, idx->nplaces, sizeof(*idx->places), cmp_u64);
	for (i = 0; i < idx->nplaces; i++)
		if (j == 0 || idx->places[i] != idx->places[j - 1])
			idx->places[j++] = idx->places[i];
	idx->nplaces = j;
}

bool
partyindex_is_place(const struct party_index *idx, const char *key,
    size_t len)
{
	uint64_t h;

	if (len < PLACE_MINLEN || idx->nplaces == 0)
		return false;
	h = partyindex_hash(key, len);
	return bsearch(&h, idx->places, idx->nplaces, sizeof(h),
	    cmp_u64) != NULL;
}

int
party_prepare(struct party_index *idx, struct buf *errs)
{
	uint32_t *pairs = NULL;
	size_t npairs = 0, cpairs = 0;
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
	index_names(idx, &pairs, &npairs, &cpairs);
	index_postings(idx, pairs, npairs);
	index_weights(idx);
	index_side(idx);
	index_places(idx);
	idx->prepared = true;
	return nerr;
}

