/*
 * Matcher built from a ruleset.  vectorscan does the multi-pattern work;
 * the HS trie and the CAS table are small enough to be ours.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hs/hs.h>
#include <utf8proc.h>

#include "log.h"
#include "match.h"
#include "normalize.h"
#include "spell.h"
#include "xmalloc.h"

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

static void
add_terms(struct matcher *m, size_t eidx, const struct strv *sv,
    enum term_kind kind)
{
	size_t i;

	for (i = 0; i < sv->n; i++) {
		struct mterm *t;
		int stem, inner;

		m->terms = xreallocarray(m->terms, m->nterms + 1,
		    sizeof(*m->terms));
		m->patterns = xreallocarray(m->patterns, m->nterms + 1,
		    sizeof(*m->patterns));
		t = &m->terms[m->nterms];
		t->entry = m->entries[eidx];
		t->eidx = eidx;
		t->kind = kind;
		t->idx = i;
		m->patterns[m->nterms] = term_pattern(sv->v[i], &stem, &inner);
		m->patlen = xreallocarray(m->patlen, m->nterms + 1,
		    sizeof(*m->patlen));
		m->patlen[m->nterms] = strlen(m->patterns[m->nterms]);
		t->stem = stem;
		t->is_regex = strncmp(sv->v[i], "re:", 3) == 0;
		t->is_phrase_re = inner;
		if (kind == TERM_KEYWORD && !t->is_regex && !inner)
			spell_add_pattern(m, (unsigned)m->nterms,
			    m->patterns[m->nterms], stem);
		m->nterms++;
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

static const int *
term_line(const struct mterm *t)
{
	const struct strv *sv = t->kind == TERM_KEYWORD ? &t->entry->keywords :
	    t->kind == TERM_EXCLUDE ? &t->entry->exclude : &t->entry->requires;

	return &sv->line[t->idx];
}

static void
compile_error(struct matcher *m, hs_compile_error_t *cerr, const unsigned *ids,
    struct buf *errs)
{
	if (cerr->expression >= 0) {
		const struct mterm *t = &m->terms[ids[cerr->expression]];
		const struct strv *sv = t->kind == TERM_KEYWORD ?
		    &t->entry->keywords : t->kind == TERM_EXCLUDE ?
		    &t->entry->exclude : &t->entry->requires;

		buf_printf(errs, "%s:%d: term \"%s\": %s\n",
		    t->entry->list ? t->entry->list->file : "?",
		    *term_line(t), sv->v[t->idx], cerr->message);
	} else
		buf_printf(errs, "matcher: %s\n", cerr->message);
	hs_free_compile_error(cerr);
}

/*
 * Compiles the phrases into one literal database (fast to build, no start
 * of match tracking needed: a literal's start is its end minus its length)
 * and the few regular expressions into another, with leftmost start.
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
	size_t i, nlit = 0, nre = 0;
	int rc = -1;

	for (i = 0; i < m->nterms; i++) {
		if (m->terms[i].is_regex || m->terms[i].is_phrase_re) {
			re[nre] = unvoice_pattern(m->patterns[i]);
			reid[nre] = (unsigned)i;
			refl[nre] = HS_FLAG_SOM_LEFTMOST | HS_FLAG_UTF8;
			nre++;
		} else {
			lit[nlit] = m->patterns[i];
			litlen[nlit] = m->patlen[i];
			litid[nlit] = (unsigned)i;
			litfl[nlit] = 0;
			nlit++;
		}
	}
	if (nlit > 0 && hs_compile_lit_multi(lit, litfl, litid, litlen,
	    (unsigned)nlit, HS_MODE_BLOCK, NULL, &m->lit_db, &cerr) !=
	    HS_SUCCESS) {
		compile_error(m, cerr, litid, errs);
		goto done;
	}
	if (nre > 0 && hs_compile_multi(re, refl, reid, (unsigned)nre,
	    HS_MODE_BLOCK, NULL, &m->re_db, &cerr) != HS_SUCCESS) {
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
	rc = 0;
done:
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
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->nterms; i++)
		free(m->patterns[i]);
	free(m->patterns);
	free(m->patlen);
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
	free(sc);
}

struct scan_ctx {
	const struct matcher	*m;
	const char		*text;
	size_t			 len;
	match_cb		 cb;
	void			*arg;
};

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
	size_t e = (size_t)to, b = e - s->m->patlen[id];

	if (t->stem) {
		while (e < s->len + 1 && s->text[e] != ' ')
			e++;
		e -= 1;
	} else
		e -= 2;
	s->cb(id, b, e, s->arg);
	return 0;
}

static int
on_regex(unsigned int id, unsigned long long from, unsigned long long to,
    unsigned int flags, void *ctx)
{
	struct scan_ctx *s = ctx;
	const struct mterm *t = &s->m->terms[id];
	size_t b = (size_t)from, e = (size_t)to;

	if (t->is_phrase_re) {
		/* Written as a phrase: same offsets as a literal's. */
		if (t->stem) {
			if (s->text[e] != ' ')
				return 0;	/* reported again at the word end */
			e -= 1;
		} else
			e -= 2;
		s->cb(id, b, e, s->arg);
		return 0;
	}
	b = b > 0 ? b - 1 : 0;
	e = e > 0 ? e - 1 : 0;
	if (e > s->len)
		e = s->len;
	if (b < e)
		s->cb(id, b, e, s->arg);
	return 0;
}

/*
 * Spelling variants are reported after the exact scan, and only where no
 * exact keyword occurrence covers them: "triethyl phosphite" written
 * correctly is that term, not a misspelt "trimethyl phosphite".
 */
struct exact_ctx {
	const struct matcher	*m;
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
	for (i = 0; i < x->nspan; i++)
		if (x->span[i].from <= from && to <= x->span[i].to)
			return;
	x->cb(id, from, to, x->arg);
}

/* Maps a span of the text without voicing marks back to the folded text. */
struct unvoiced_ctx {
	size_t		*map;
	match_cb	 cb;
	void		*arg;
};

static void
on_unvoiced(unsigned id, size_t from, size_t to, void *arg)
{
	struct unvoiced_ctx *u = arg;

	u->cb(id, u->map[from], u->map[to], u->arg);
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

	if ((m->lit_db == NULL && m->re_db == NULL) || len == 0)
		return 0;
	padded = xmalloc(len + 3);
	padded[0] = ' ';
	memcpy(padded + 1, text, len);
	padded[len + 1] = ' ';
	padded[len + 2] = '\0';
	x.m = m;
	x.cb = cb;
	x.arg = arg;
	x.span = NULL;
	x.nspan = 0;
	s.m = m;
	s.text = padded;
	s.len = len;
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
			u.cb = on_exact;
			u.arg = &x;
			s.text = padded;
			s.len = ulen;
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
