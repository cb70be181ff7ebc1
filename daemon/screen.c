/*
 * Evidence gathering and scoring.  Each item is folded once, scanned once
 * for terms, looked up once in the HS trie and once per CAS number; the
 * evidence is then grouped by control-list entry and scored.  Nothing here
 * does I/O: the matcher and the declaration come in, a struct screen_result
 * comes out (result.c turns it into JSON).
 *
 * Scores: CAS evidence 90, keyword with the entry's HS 78, keyword alone 62,
 * a dedicated HS code alone 45 (a heading or chapter alone 38), an embargo
 * entry (HS and a country of the route) 80.  A confirmed technical
 * parameter adds 8, a missing one takes 12 off, extra independent evidence
 * adds a few points, a declared Y901 ("not dual-use") on a hit adds 6.
 * Severity: >= 85 critical, >= 70 high, >= 45 medium, else low.  The
 * verdict is hold when any alert is high or critical, review when any
 * alert is raised, clear otherwise.
 */
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "except.h"
#include "grades.h"
#include "hsnom.h"
#include "normalize.h"
#include "param.h"
#include "party.h"
#include "result.h"
#include "screen.h"
#include "textjoin.h"
#include "util.h"
#include "xmalloc.h"

#define MAX_HS_HITS	64
#define MAX_CAS		32
#define MAX_PVALUES	64
#define MAX_COUNTRIES	64
#define MAX_GRADES	8

/*
 * Scores, in one place (the head comment says why).  An entry starts from
 * its strongest kind of evidence, gains for independent evidence and
 * confirmed parameters, loses for missing ones; an item's alert is its
 * best entry plus a little for each other entry hit.
 */
#define SCORE_CAS		90	/* a CAS number identifies it */
#define SCORE_EMBARGO		80	/* HS and a country of the route */
#define SCORE_KEYWORD_HS	78	/* a keyword, with the entry's HS */
#define SCORE_KEYWORD		62	/* a keyword alone */
#define SCORE_HS_SUBHEADING	45	/* a dedicated 6-digit HS code alone */
#define SCORE_HS_HEADING	38	/* a heading or chapter alone */
#define SCORE_CAS_AND_KEYWORD	4	/* CAS and a keyword */
#define SCORE_CAS_AND_HS	3	/* CAS and the HS code */
#define SCORE_MORE_KEYWORDS	2	/* more than one keyword */
#define SCORE_PARAM_CONFIRMED	8	/* per parameter confirmed */
#define SCORE_PARAM_MISSING	12	/* per parameter not stated */
#define SCORE_Y901		6	/* "not dual-use" declared on a hit */
#define SCORE_PER_MORE_ENTRY	2	/* per entry after the best */
#define SCORE_MIN		1
#define SCORE_MAX		99
#define SCORE_CRITICAL		85	/* severities from here up */
#define SCORE_HIGH		70
#define SCORE_MEDIUM		45
#define SCORE_PARTY_BASE	70	/* a party at the threshold */
#define SCORE_PARTY_SPAN	29	/* ... up to 99 at similarity 1 */
#define SCORE_PARTY_CONFIRM	40	/* common name only: confirm */

struct kwhit {
	unsigned	term;
	size_t		from, to;	/* folded span */
	bool		inword;		/* starts inside a word */
	bool		exempt;		/* an `exempt` word, not an `exclude` */
};

struct evidence {
	size_t		 eidx;
	struct kwhit	*kw;		/* keyword hits, first per term */
	size_t		 nkw;
	struct kwhit	*ex;		/* exclusion hits */
	size_t		 nex;
	int		 required;
	int		 hs_digits, hs_ctx_digits;
	int		 cas_idx;	/* index into the item's CAS list or -1 */
	int		 grade1;	/* 1 + index into the item's grade hits, or 0 */
};

/* A country of the declaration and where it was read. */
struct country_ref {
	const char	*code;
	char		 field[48];
};

/* What screening knows of the whole declaration. */
struct decl_ctx {
	struct country_ref	 to[MAX_COUNTRIES];	/* goods go there */
	size_t			 nto;
	struct country_ref	 from[MAX_COUNTRIES];	/* goods come from there */
	size_t			 nfrom;
};

/* A declaration-level alert being gathered (embargo: the route). */
struct decl_alert {
	struct screen_hits	 hits;
	int		 best;
	enum category	 cat;
};

struct item_ctx {
	const struct matcher	*m;
	struct decl_alert	 route;		/* embargo hits of every item */
	struct evidence		*ev;		/* indexed by entry */
	size_t			*touched;
	size_t			 ntouched;
	const char		*text;		/* the folded text scanned */
	size_t			 len;
	const char		*orig;		/* the description as written */
	const size_t		*map;		/* folded byte -> offset in orig */
	int			 except;	/* except_possible(text), or -1
						 * before a term asks */
};

struct cas_ref {
	char		 cas[16];
	char		 field[64];
	size_t		 off, len;	/* span in the field's text */
	const char	*text;		/* the field's text */
};

static struct evidence *
ev_get(struct item_ctx *c, size_t eidx)
{
	struct evidence *e = &c->ev[eidx];

	if (e->eidx == (size_t)-1) {
		e->eidx = eidx;
		c->touched[c->ntouched++] = eidx;
	}
	return e;
}

/*
 * True if the original character at <off> of <s> is a Greek letter.  The
 * fold writes Greek in Latin letters (ου as "oy"), so that a word of Latin
 * script can match a Greek one that merely transliterates alike: the
 * article "του" reads "toy".
 */
static bool
greek_at(const char *s, size_t off)
{
	const unsigned char *u = (const unsigned char *)s + off;

	/* U+0370..U+03FF (CE, CF lead bytes), U+1F00..U+1FFF (E1 BC..BF) */
	return u[0] == 0xce || u[0] == 0xcf ||
	    (u[0] == 0xe1 && u[1] >= 0xbc && u[1] <= 0xbf);
}

/*
 * True if exclusion term <t> is written in Latin letters and matched text
 * written in Greek: the Greek words transliterate into Latin strings that
 * are not the exclusion's word ("toy*" in "του", "tin" in "τιν").  An
 * exclusion written in Greek still holds on Greek text.
 */
static bool
exclusion_other_script(const struct item_ctx *c, const struct mterm *t,
    size_t from)
{
	const struct strv *l = t->kind == TERM_EXEMPT ? &t->entry->exempt :
	    &t->entry->exclude;
	const unsigned char *w;

	if (c->orig == NULL || t->idx >= l->n)
		return false;
	w = (const unsigned char *)l->v[t->idx];
	if (strncmp((const char *)w, "re:", 3) == 0)
		w += 3;
	return *w < 0x80 && greek_at(c->orig, c->map[from]);
}

/*
 * Han characters that make a 非 written after them a part of Africa's name
 * (南非 South Africa, 北非 North Africa, 西非, 东非, 東非, 中非), not the
 * negation 非 ("non-") that normalize_negated() reads joined to a word.
 */
static const char *const africa_before[] = {
	"\xe5\x8d\x97", "\xe5\x8c\x97", "\xe8\xa5\xbf",	/* 南 北 西 */
	"\xe4\xb8\x9c", "\xe6\x9d\xb1", "\xe4\xb8\xad",	/* 东 東 中 */
};
#define HAN_BYTES	3
#define HAN_NON		"\xe9\x9d\x9e"				/* 非 */

/* True if the folded text ends at <at> with a name of Africa's 非. */
static bool
africa_ends(const char *t, size_t at)
{
	size_t k;

	if (at < 2 * HAN_BYTES ||
	    memcmp(t + at - HAN_BYTES, HAN_NON, HAN_BYTES) != 0)
		return false;
	for (k = 0; k < sizeof(africa_before) / sizeof(africa_before[0]); k++)
		if (memcmp(t + at - 2 * HAN_BYTES, africa_before[k],
		    HAN_BYTES) == 0)
			return true;
	return false;
}

/*
 * True if the span [<from>, <to>) of the item's text is in an exception
 * phrase's scope.  Most texts hold no such phrase: one pass over the text
 * says so, at the first term that asks.
 */
static bool
item_excepted(struct item_ctx *c, size_t from, size_t to)
{
	if (c->except < 0)
		c->except = except_possible(c->text, c->len);
	return c->except &&
	    except_scoped(c->orig, c->text, c->len, c->map, from, to);
}

/*
 * True if the exclusion at [<from>, <to>) is negated ("非阻燃", "not for
 * household use").  A place name ending in 非 right before it ("南非啤酒",
 * South African beer) negates nothing: the text is read again with the 非
 * written as the character before it, so that the other negations still
 * count.
 */
static bool
exclusion_negated(struct item_ctx *c, size_t from, size_t to)
{
	char *copy;
	bool neg;

	if (item_excepted(c, from, to))
		return true;	/* "fermenters, other than for beer" */
	if (!normalize_negated(c->text, c->len, from, to))
		return false;
	if (!africa_ends(c->text, from))
		return true;
	copy = xmalloc(c->len + 1);
	memcpy(copy, c->text, c->len + 1);
	memcpy(copy + from - HAN_BYTES, copy + from - 2 * HAN_BYTES, HAN_BYTES);
	neg = normalize_negated(copy, c->len, from, to);
	free(copy);
	return neg;
}

/*
 * Words that open a purpose clause, as folding writes them: what follows
 * names what the goods are for ("for the amine salt of glyphosate", "zur
 * Herstellung von Herbiziden"), not what they are.
 */
static const char *const purpose_words[] = {
	"for", "used in", "used for", "to make", "to produce", "intended for",
	"fur", "zur", "zum", "pour", "para", "voor", "dlya", "pro",
	"untuk", "cho",
};

/*
 * Purpose words of the languages that write them after what they name
 * (Turkish "için", Korean "위한", Hindi "के लिए"), whole words after the
 * exclusion in its clause; and the joined forms of the unspaced scripts:
 * 用于 before it (Chinese), "for making" ending a word after it
 * ("草甘膦胺盐生产用", "アミン塩製造用", "아민염 제조용"; not 家用, "for
 * household use").  Folded once.
 */
static const char *const purpose_after[] = {
	"için", "위한", "위해", "위하여", "लिए", NULL
};
static const char *const purpose_joined_before[] = {
	"用于", "用於", "用来", "用來", NULL
};
static const char *const purpose_word_end[] = {
	"生产用", "生產用", "制造用", "製造用", "合成用", "原料用",
	"製造のため", "생산용", "제조용", "합성용", "원료용", NULL
};
enum { PURPOSE_AFTER, PURPOSE_JOINED_BEFORE, PURPOSE_WORD_END,
	PURPOSE_NLISTS };
static const char *const *const purpose_lists[PURPOSE_NLISTS] = {
	purpose_after, purpose_joined_before, purpose_word_end };
static struct foldset *purpose_folded[PURPOSE_NLISTS];
static pthread_once_t purpose_once = PTHREAD_ONCE_INIT;

static void
purpose_fold(void)
{
	size_t l;

	for (l = 0; l < PURPOSE_NLISTS; l++)
		purpose_folded[l] = normalize_fold_set(purpose_lists[l]);
}

/* True if <c> ends a clause: a comma, semicolon, bracket or line end. */
static bool
clause_char(char c)
{
	return c == ',' || c == ';' || c == '(' || c == ')' || c == '\n';
}

/* Where the clause holding original offset <at> of <s> starts. */
static size_t
clause_start(const char *s, size_t at)
{
	while (at > 0 && !clause_char(s[at - 1]))
		at--;
	return at;
}

/*
 * Where the clause holding original offset <at> of <s> ends, a full-width
 * comma or semicolon or an ideographic comma included (，；、).
 */
static size_t
clause_end(const char *s, size_t at)
{
	for (; s[at] != '\0' && !clause_char(s[at]); at++)
		if (strncmp(s + at, "\xef\xbc\x8c", 3) == 0 ||
		    strncmp(s + at, "\xef\xbc\x9b", 3) == 0 ||
		    strncmp(s + at, "\xe3\x80\x81", 3) == 0)
			break;
	return at;
}

/*
 * True if a purpose word written after what it names follows the
 * exclusion ending at folded <to>, in its clause.
 */
static bool
purpose_after_exclusion(const struct item_ctx *c, size_t to)
{
	size_t ce = clause_end(c->orig, c->map[to - 1]), p = to, ws;

	while (p < c->len && c->map[p] < ce) {
		ws = p;
		while (p < c->len && c->text[p] != ' ' && c->map[p] < ce)
			p++;
		if (foldset_has(purpose_folded[PURPOSE_AFTER], c->text + ws,
		    p - ws) || foldset_ends_at(purpose_folded[PURPOSE_WORD_END],
		    c->text + ws, p - ws))
			return true;
		while (p < c->len && c->text[p] == ' ')
			p++;
	}
	return false;
}

/*
 * True if a purpose word opens the clause before the exclusion at folded
 * offset [<from>, <to>): between the clause's start (a comma, semicolon or
 * bracket of the original) and the exclusion, as a whole folded word (or
 * joined, 用于), or after it in the languages that write it there.
 */
static bool
in_purpose_clause(const struct item_ctx *c, size_t from, size_t to)
{
	const struct foldset *jb;
	size_t cs, fs, k, n;

	pthread_once(&purpose_once, purpose_fold);
	cs = clause_start(c->orig, c->map[from]);
	for (fs = from; fs > 0 && c->map[fs - 1] >= cs; fs--)
		;
	jb = purpose_folded[PURPOSE_JOINED_BEFORE];
	for (k = 0; k < jb->n; k++)
		if (from > fs && memmem(c->text + fs, from - fs, jb->word[k],
		    jb->len[k]) != NULL)
			return true;
	for (k = 0; k < sizeof(purpose_words) / sizeof(purpose_words[0]);
	    k++) {
		const char *w = purpose_words[k], *p = c->text + fs;

		n = strlen(w);
		while ((p = memmem(p, (size_t)(c->text + from - p), w, n)) !=
		    NULL) {
			size_t at = (size_t)(p - c->text);

			if ((at == 0 || c->text[at - 1] == ' ') &&
			    at + n < from && c->text[at + n] == ' ')
				return true;
			p++;
		}
	}
	return purpose_after_exclusion(c, to);
}

/*
 * True if exclusion term <t> of a substance's entry stands in a purpose
 * clause: a chemical declared "for the amine salt of glyphosate" or "for
 * herbicide production" is the raw material, not the herbicide or the salt
 * the exclusion releases.  Equipment entries keep their purposes ("pump
 * for garden ponds").
 */
static bool
exclusion_purpose(const struct item_ctx *c, const struct mterm *t,
    size_t from, size_t to)
{
	return c->orig != NULL && t->entry->cas.n > 0 &&
	    in_purpose_clause(c, from, to);
}

static void
on_term(unsigned id, size_t from, size_t to, void *arg)
{
	struct item_ctx *c = arg;
	const struct mterm *t = match_term(c->m, id);
	struct evidence *e = ev_get(c, t->eidx);
	size_t i;

	switch (t->kind) {
	case TERM_EXCLUDE:
	case TERM_EXEMPT:
		/* "not manufactured to military standards" does not clear. */
		if (exclusion_negated(c, from, to) ||
		    exclusion_other_script(c, t, from) ||
		    exclusion_purpose(c, t, from, to))
			return;
		e->ex = xreallocarray(e->ex, e->nex + 1, sizeof(*e->ex));
		e->ex[e->nex].term = id;
		e->ex[e->nex].exempt = t->kind == TERM_EXEMPT;
		e->ex[e->nex].from = from;
		e->ex[e->nex].to = to;
		e->ex[e->nex].inword = from > 0 && from < c->len &&
		    c->text[from - 1] != ' ' && c->text[from] != ' ';
		e->nex++;
		return;
	case TERM_REQUIRES:
		/* "Patrouillenboote, ausgenommen für die Bundeswehr" */
		if (!item_excepted(c, from, to))
			e->required = 1;
		return;
	case TERM_KEYWORD:
		/*
		 * "Vessels, other than warships": a term an exception phrase
		 * takes names what the goods are not.  The entry keeps its
		 * other evidence (its HS code scores on its own).
		 */
		if (item_excepted(c, from, to))
			return;
		/* One hit per term, and one per span (spellings that fold alike). */
		for (i = 0; i < e->nkw; i++)
			if (e->kw[i].term == id || (e->kw[i].from == from &&
			    e->kw[i].to == to))
				return;
		e->kw = xreallocarray(e->kw, e->nkw + 1, sizeof(*e->kw));
		e->kw[e->nkw].term = id;
		e->kw[e->nkw].from = from;
		e->kw[e->nkw].to = to;
		e->nkw++;
		return;
	}
}

static enum severity
severity(int score)
{
	if (score >= SCORE_CRITICAL)
		return SEVERITY_CRITICAL;
	if (score >= SCORE_HIGH)
		return SEVERITY_HIGH;
	if (score >= SCORE_MEDIUM)
		return SEVERITY_MEDIUM;
	return SEVERITY_LOW;
}

/* ---- hits, findings, alerts: the typed result --------------------- */

/* A hit with no evidence yet: texts NULL, numbers absent (NaN). */
static void
hit_init(struct screen_hit *h)
{
	memset(h, 0, sizeof(*h));
#define NOP_(n)
#define NAN_(n)	h->n = NAN;
	SCREEN_HIT_FIELDS(NOP_, NOP_, NOP_, NAN_, NOP_)
#undef NAN_
}

static void
hit_free(struct screen_hit *h)
{
#define FREE_(n)	free(h->n); h->n = NULL;
	SCREEN_HIT_FIELDS(FREE_, NOP_, NOP_, NOP_, FREE_)
#undef FREE_
}

/* Appends <h> to <hs>, which takes ownership of its strings. */
static void
hits_push(struct screen_hits *hs, struct screen_hit *h)
{
	if (hs->n == hs->cap) {
		hs->cap = hs->cap ? hs->cap * 2 : 4;
		hs->v = xreallocarray(hs->v, hs->cap, sizeof(*hs->v));
	}
	hs->v[hs->n++] = *h;
}

/* Drops the hits from <mark> on. */
static void
hits_truncate(struct screen_hits *hs, size_t mark)
{
	while (hs->n > mark)
		hit_free(&hs->v[--hs->n]);
}

void
screen_hits_add(struct screen_hits *hs, const struct screen_hit *h)
{
	struct screen_hit c = *h;

#define DUP_(n)	c.n = h->n ? xstrdup(h->n) : NULL;
	SCREEN_HIT_FIELDS(DUP_, NOP_, NOP_, NOP_, DUP_)
#undef DUP_
	hits_push(hs, &c);
}

void
screen_hits_free(struct screen_hits *hs)
{
	hits_truncate(hs, 0);
	free(hs->v);
	hs->v = NULL;
	hs->cap = 0;
}

void
screen_finding_add(struct screen_result *r, int item_seq, const char *field,
    const char *kind, const char *value, const char *message)
{
	struct screen_finding *f;

	if (r->nfindings == r->capfindings) {
		r->capfindings = r->capfindings ? r->capfindings * 2 : 4;
		r->findings = xreallocarray(r->findings, r->capfindings,
		    sizeof(*r->findings));
	}
	f = &r->findings[r->nfindings++];
	memset(f, 0, sizeof(*f));
	f->item_seq = item_seq;
	f->field = field ? xstrdup(field) : NULL;
	f->kind = xstrdup(kind);
	f->value = value ? xstrdup(value) : NULL;
	f->message = message ? xstrdup(message) : NULL;
}

static void
finding_free(struct screen_finding *f)
{
#define FREE_(n)	free(f->n); f->n = NULL;
	SCREEN_FINDING_FIELDS(NOP_, FREE_)
#undef FREE_
}

/* "CWC Schedule 3 and Australia Group", or the list title. */
static const char *
entry_regimes(const struct rule_entry *e, struct buf *b)
{
	size_t i;

	buf_reset(b);
	for (i = 0; i < e->regimes.n; i++) {
		if (i > 0)
			buf_adds(b, i + 1 == e->regimes.n ? " and " : ", ");
		buf_adds(b, e->regimes.v[i]);
	}
	if (b->len == 0)
		buf_adds(b, e->list->title);
	return b->data;
}

/* Appends a hit on control entry <e> to <hits>. */
static void
hit_new(struct screen_hits *hits, const struct rule_entry *e,
    const char *reason, const char *field, const char *match, size_t from,
    size_t to, const char *explanation)
{
	struct screen_hit h;

	hit_init(&h);
	xasprintf(&h.rule, "%s/%s/%s", e->list->id, e->code, reason);
	h.list = xstrdup(e->list->id);
	h.entry = xstrdup(e->code);
	h.title = xstrdup(e->title);
	h.category = e->category;
	h.reason = xstrdup(reason);
	h.field = xstrdup(field);
	h.match = xstrdup(match);
	h.span[0] = from;
	h.span[1] = to;
	h.explanation = xstrdup(explanation);
	hits_push(hits, &h);
}

static bool
has_document(const struct decl_item *it, const char *code)
{
	size_t i;

	for (i = 0; i < it->ndocuments; i++)
		if (strcmp(it->documents[i], code) == 0)
			return true;
	return false;
}

static void
add_country(struct country_ref *set, size_t *n, const char *code,
    const char *field)
{
	size_t i;

	if (code == NULL || *n >= MAX_COUNTRIES)
		return;
	for (i = 0; i < *n; i++)
		if (strcmp(set[i].code, code) == 0)
			return;
	set[*n].code = code;
	(void)util_copy(set[*n].field, sizeof(set[*n].field), field);
	(*n)++;
}

/*
 * The countries goods go to (destination, transit, receiving parties) and
 * come from (dispatch, sending parties), each with the field it came from.
 */
static void
decl_countries(const struct decl *d, struct decl_ctx *dc)
{
	char field[48];
	size_t i;

	memset(dc, 0, sizeof(*dc));
	add_country(dc->to, &dc->nto, d->destination, "route.destination");
	for (i = 0; i < d->ntransit; i++) {
		util_field_at(field, sizeof(field), "route.transit", i, "");
		add_country(dc->to, &dc->nto, d->transit[i], field);
	}
	add_country(dc->from, &dc->nfrom, d->dispatch, "route.dispatch");
	for (i = 0; i < d->nparties; i++) {
		const struct decl_party *p = &d->parties[i];

		if (p->role == NULL || p->country == NULL)
			continue;
		util_field_at(field, sizeof(field), "parties", i, ".country");
		if (strcmp(p->role, "consignee") == 0 ||
		    strcmp(p->role, "end_user") == 0 ||
		    strcmp(p->role, "importer") == 0 ||
		    strcmp(p->role, "notify") == 0)
			add_country(dc->to, &dc->nto, p->country, field);
		else if (strcmp(p->role, "exporter") == 0 ||
		    strcmp(p->role, "consignor") == 0)
			add_country(dc->from, &dc->nfrom, p->country, field);
	}
}

/* The first country of <sv> found in <set>, or NULL. */
static const struct country_ref *
country_hit(const struct strv *sv, const struct country_ref *set, size_t n)
{
	size_t i, k;

	for (k = 0; k < n; k++)
		for (i = 0; i < sv->n; i++)
			if (strcmp(sv->v[i], set[k].code) == 0)
				return &set[k];
	return NULL;
}

/* "2812.12 (Phosphorus oxychloride)" when the nomenclature knows it. */
static void
hs_label(const struct decl_item *it, char *out, size_t n)
{
	const struct hsnom_row *row;

	hsnom_check(it->hs, &row);
	if (row != NULL)
		snprintf(out, n, "%s (%s)", it->hs_raw, row->desc);
	else
		snprintf(out, n, "%s", it->hs_raw);
}

/* Reports a code that is not in the nomenclature; never stops screening. */
static void
check_hs(const struct decl_item *it, const char *hsfield,
    struct screen_result *res)
{
	const struct hsnom_row *row;
	char msg[256];

	switch (hsnom_check(it->hs, &row)) {
	case HSNOM_OK:
		return;
	case HSNOM_OUTDATED:
		snprintf(msg, sizeof(msg), "HS code %s exists in HS 2017 but not "
		    "in HS 2022: the declaration may use an outdated "
		    "classification", it->hs_raw);
		screen_finding_add(res, it->seq, hsfield, "hs_outdated",
		    it->hs_raw, msg);
		return;
	case HSNOM_UNKNOWN:
		if (row != NULL)
			snprintf(msg, sizeof(msg), "HS code %s is not a subheading "
			    "of HS 2022 or HS 2017 (heading %s is \"%s\"): check "
			    "the classification", it->hs_raw, row->code, row->desc);
		else
			snprintf(msg, sizeof(msg), "HS code %s is in neither HS "
			    "2022 nor HS 2017: check the classification",
			    it->hs_raw);
		screen_finding_add(res, it->seq, hsfield, "hs_unknown",
		    it->hs_raw, msg);
		return;
	}
}

/*
 * Checks the entry's parameters against the values stated in the item (and
 * the nominal properties of a declared grade, which come with their grade).
 * Returns -1 if the goods fall below the entry (a stated value misses a
 * threshold; with `parameter_match: any`, every stated one misses), else the
 * number of parameters confirmed; *missing counts those not stated that
 * matter, *missing_clear those not stated whose entry says a missing figure
 * clears.  Appends parameter hits to <hits> and notes to <note>.
 */
static int
check_params(const struct rule_entry *e, const struct decl_item *it,
    const char *field, const struct pvalue *pv, size_t npv,
    const struct grade_table *gt, struct screen_hits *hits, int *missing,
    int *missing_clear, struct buf *note)
{
	size_t p, k, mark = note->len;
	int confirmed = 0, failed = 0;

	*missing = 0;
	*missing_clear = 0;
	for (p = 0; p < e->nparams; p++) {
		const struct rule_param *rp = &e->params[p];
		const struct pvalue *ok = NULL;
		int stated = 0;
		char expl[768], thr[128];
		char *m;
		bool named = false;

		/* When the text names the measure, unnamed figures are others. */
		for (k = 0; k < npv && rp->role != R_NONE; k++)
			if (pv[k].q == rp->q && pv[k].role == rp->role)
				named = true;
		for (k = 0; k < npv; k++) {
			if (pv[k].q != rp->q)
				continue;
			if ((named || rp->named_only) && pv[k].role != rp->role)
				continue;
			/* A role-less threshold never means a modulus. */
			if (rp->role != pv[k].role && pv[k].role != R_NONE &&
			    (rp->role != R_NONE || pv[k].role == R_MODULUS))
				continue;
			stated = 1;
			if (param_meets_excl(&pv[k], rp->has_min, rp->min,
			    rp->min_excl, rp->has_max, rp->max, rp->max_excl)) {
				ok = &pv[k];
				break;
			}
		}
		if (rp->has_min && rp->has_max)
			snprintf(thr, sizeof(thr), "between %s and %s",
			    rp->min_text, rp->max_text);
		else if (rp->has_min)
			snprintf(thr, sizeof(thr), "%s %s", rp->min_excl ?
			    "more than" : "at least", rp->min_text);
		else
			snprintf(thr, sizeof(thr), "%s %s", rp->max_excl ?
			    "less than" : "at most", rp->max_text);
		if (!stated) {
			if (rp->missing_clear)
				(*missing_clear)++;
			else {
				(*missing)++;
				buf_printf(note, " Parameter not stated: request "
				    "technical specification (%s %s).",
				    rp->label, thr);
			}
			continue;
		}
		if (ok == NULL) {
			failed++;
			continue;
		}
		m = xstrndup(it->description + ok->off, ok->len);
		if (ok->grade > 0)
			snprintf(expl, sizeof(expl), "The description names grade "
			    "\"%s\", whose nominal %s (%s) meets the control "
			    "threshold of %s for %s %s.", m, rp->label,
			    grades_source(gt, ok->grade - 1), thr, e->list->id,
			    e->code);
		else
			snprintf(expl, sizeof(expl), "The description states %s "
			    "\"%s\", which meets the control threshold of %s for "
			    "%s %s.", rp->label, m, thr, e->list->id, e->code);
		hit_new(hits, e, "parameter", field, m, ok->off, ok->off +
		    ok->len, expl);
		free(m);
		confirmed++;
	}
	if (e->params_any) {
		if (confirmed > 0) {
			/* One met threshold is enough: no request for the rest. */
			*missing = 0;
			note->len = mark;
			if (note->data != NULL)
				note->data[mark] = '\0';
			return confirmed;
		}
		return failed > 0 && *missing == 0 ? -1 : 0;
	}
	return failed > 0 ? -1 : confirmed;
}

/*
 * True if the entry is a substance whose list releases consumer products
 * made with it: its exclusions name such products (toothpaste, shampoo,
 * soap, cosmetics).
 */
static bool
consumer_release(const struct rule_entry *re)
{
	static const char *const words[] = { "toothpaste", "shampoo", "soap",
		"cosmetic", "mouthwash", "detergent", "lotion", NULL };
	const char *const *w;
	size_t k;

	for (k = 0; k < re->exclude.n; k++)
		for (w = words; *w != NULL; w++)
			if (strstr(re->exclude.v[k], *w) != NULL)
				return true;
	return false;
}

/* True if a concentration of 30 % or more is stated (a reagent, not a product). */
static bool
concentrated(const struct pvalue *pv, size_t npv)
{
	size_t k;

	for (k = 0; k < npv; k++)
		if (pv[k].q == Q_PERCENT && pv[k].v >= 30)
			return true;
	return false;
}

/*
 * True if the item states a value, of the role asked, for one of the
 * entry's parameters marked `form: true`: a diameter says the goods are
 * round (tube, bar, cylinder), a wall or plate thickness that they are
 * sheet, plate or tube, in any language, so it stands for the entry's form
 * words.
 */
static bool
form_stated(const struct rule_entry *e, const struct pvalue *pv, size_t npv)
{
	size_t p, k;

	for (p = 0; p < e->nparams; p++) {
		if (!e->params[p].form)
			continue;
		for (k = 0; k < npv; k++)
			if (pv[k].q == e->params[p].q &&
			    pv[k].role == e->params[p].role)
				return true;
	}
	return false;
}

/*
 * The values an entry's parameters are checked against: those of the text,
 * and the nominal properties of the item's grade when the entry names the
 * grade's family (a bare alloy number only when a keyword of the entry hit
 * too).  With a keyword hit and no grade, the family's default figures
 * (a fibre's density) complete the text's, spanning the keyword <kwoff,
 * kwlen>.  Specific modulus and strength are then derived.  Returns the
 * count in <out>.
 */
static size_t
entry_values(const struct grade_table *gt, const struct rule_entry *re,
    const struct evidence *e, const struct grade_hit *gh,
    const struct pvalue *pv, size_t npv, size_t kwoff, size_t kwlen,
    struct pvalue *out, size_t max)
{
	size_t n = npv < max ? npv : max, k, g;
	struct grade_hit dh;

	memcpy(out, pv, n * sizeof(*out));
	if (e->grade1 > 0) {
		g = (size_t)e->grade1 - 1;
		if (!gh[g].strong && e->nkw == 0)
			return n;
		n += grades_values(gt, &gh[g], out + n, max - n);
	} else if (e->nkw > 0) {
		for (k = 0; k < re->grades.n; k++)
			if (grades_default(gt, re->grades.v[k], &dh.grade)) {
				dh.strong = false;
				dh.off = kwoff;
				dh.len = kwlen;
				n += grades_values(gt, &dh, out + n, max - n);
				break;
			}
	} else
		return n;
	return param_derive(out, n, max);
}

/*
 * Appends an alert to <res>; takes the hits of <hits> (left empty).
 * Returns the alert, valid until the next alert_new.
 */
static struct screen_alert *
alert_new(struct screen_result *res, int item_seq, int score,
    enum category cat, struct screen_hits *hits)
{
	struct screen_alert *a;

	res->alerts = xreallocarray(res->alerts, res->nalerts + 1,
	    sizeof(*res->alerts));
	a = &res->alerts[res->nalerts++];
	memset(a, 0, sizeof(*a));
	a->item_seq = item_seq;
	a->score = score;
	a->severity = severity(score);
	a->category = cat;
	a->hits = *hits;
	memset(hits, 0, sizeof(*hits));
	a->status = ALERT_OPEN;
	return a;
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * What a suppression recognises an item alert by: the trader (exporter,
 * else consignor, else declarant, folded), the HS subheading and the folded
 * description, hashed; and the sorted list/entry codes of its hits, so that
 * a new hit on the same goods still raises an alert.
 */
static void
item_fingerprint(const struct decl *d, const struct decl_item *it,
    const struct folded *f, struct screen_alert *alert)
{
	static const char *const roles[] = { "exporter", "consignor",
		"declarant", NULL };
	const char *trader = "";
	const char *const *r;
	char *ft, hs6[7], **codes;
	struct buf b;
	size_t i, k, n = 0;

	for (r = roles; *r && *trader == '\0'; r++)
		for (i = 0; i < d->nparties; i++)
			if (d->parties[i].role && d->parties[i].name &&
			    strcmp(d->parties[i].role, *r) == 0) {
				trader = d->parties[i].name;
				break;
			}
	ft = normalize_fold_str(trader);
	snprintf(hs6, sizeof(hs6), "%.6s", it->hs);
	buf_init(&b);
	buf_printf(&b, "%s\n%s\n%s", ft, hs6, f->text);
	util_sha256_hex(b.data, b.len, alert->fingerprint);
	buf_free(&b);
	free(ft);

	codes = xcalloc(alert->hits.n + 1, sizeof(*codes));
	for (i = 0; i < alert->hits.n; i++) {
		const struct screen_hit *h = &alert->hits.v[i];
		char *code;

		xasprintf(&code, "%s/%s", h->list, h->entry);
		for (k = 0; k < n; k++)
			if (strcmp(codes[k], code) == 0)
				break;
		if (k < n)
			free(code);
		else
			codes[n++] = code;
	}
	qsort(codes, n, sizeof(*codes), str_cmp);
	alert->entries = codes;
	alert->nentries = n;
}

/* ---- screening one item, step by step ----------------------------- */

/*
 * What one item's screening gathers before its entries are scored: the
 * folded description, the CAS numbers read, the parameter values and the
 * grades stated, and the hits of the entries scored so far.  Lives for one
 * call of screen_item.
 */
struct item_scan {
	const struct decl_item	*it;
	const struct grade_table *gt;
	struct folded		 f;
	char			 field[64];	/* items[i].description */
	char			 hsfield[64];	/* items[i].hs_code */
	char			 hslabel[256];
	struct cas_ref		 cr[MAX_CAS];
	size_t			 ncr;
	struct pvalue		 pv[MAX_PVALUES];
	size_t			 npv;
	struct grade_hit	 gh[MAX_GRADES];
	size_t			 ngh;
	int			 pack;		/* enum packing, -1 until read */
	struct screen_hits	 hits;
	struct buf		 note, regs;	/* per entry, reused */
	int			 best, nentries;
	enum category		 topcat;
};

/* The scan of one entry's evidence: what kind of evidence counts. */
struct entry_eval {
	const struct rule_entry	*re;
	struct evidence		*e;
	const struct grade_hit	*gr;		/* the grade named, or NULL */
	bool			 kw, hs, hsc, cas, embargo;
	const struct country_ref *cty;		/* the route's country hit */
	int			 conf, missing;	/* parameters */
};

/* Folds and scans the description; HS checks and label. */
/*
 * Folds description <desc> into <f>, words written apart read whole
 * (textjoin.c); <f>'s offsets still point into <desc>.
 */
static void
item_fold(const char *desc, struct folded *f)
{
	size_t len = strlen(desc), jlen, *jmap, i;
	char *joined = textjoin(desc, len, &jmap, &jlen);

	if (joined == NULL) {
		normalize_fold(desc, len, f);
		return;
	}
	normalize_fold(joined, jlen, f);
	for (i = 0; i < f->len; i++) {
		f->map[i] = jmap[f->map[i]];
		f->emap[i] = f->emap[i] > 0 ? jmap[f->emap[i] - 1] + 1 : 0;
	}
	f->map[f->len] = len;
	free(joined);
	free(jmap);
}

static void
item_scan_text(const struct matcher *m, struct match_scratch *sc,
    size_t ii, struct item_ctx *c, struct item_scan *st,
    struct screen_result *res)
{
	const struct decl_item *it = st->it;

	util_field_at(st->field, sizeof(st->field), "items", ii, ".description");
	util_field_at(st->hsfield, sizeof(st->hsfield), "items", ii, ".hs_code");
	check_hs(it, st->hsfield, res);
	hs_label(it, st->hslabel, sizeof(st->hslabel));
	item_fold(it->description, &st->f);
	c->text = st->f.text;
	c->len = st->f.len;
	c->orig = it->description;
	c->map = st->f.map;
	c->except = -1;
	if (match_terms(m, sc, st->f.text, st->f.len, on_term, c) == -1)
		screen_finding_add(res, it->seq, st->field, "scan_error", NULL,
		    "the keyword scan failed for this description");
}

/* The entries whose HS codes (or context headings) the item's code is in. */
static void
item_hs_evidence(const struct matcher *m, struct item_ctx *c,
    const struct item_scan *st)
{
	struct hs_hit hsh[MAX_HS_HITS];
	size_t nhs = match_hs(m, st->it->hs, hsh, MAX_HS_HITS), i;

	for (i = 0; i < nhs; i++) {
		struct evidence *e = ev_get(c, hsh[i].eidx);

		if (hsh[i].context) {
			if (hsh[i].digits > e->hs_ctx_digits)
				e->hs_ctx_digits = hsh[i].digits;
		} else if (hsh[i].digits > e->hs_digits)
			e->hs_digits = hsh[i].digits;
	}
}

/*
 * CAS numbers: the cas field first, then the description; those failing
 * their check digit become findings.  Fills st->cr.
 */
static void
item_cas_refs(const struct decl *d, size_t ii, struct item_scan *st,
    struct screen_result *res)
{
	const struct decl_item *it = st->it;
	struct cas_found cf[MAX_CAS];
	struct cas_ref *cr = st->cr;
	size_t i, ncf;

	for (i = 0; i < it->ncas && st->ncr < MAX_CAS; i++) {
		struct cas_ref *r = &cr[st->ncr];
		json_t *raw = json_object_get(json_array_get(json_object_get(
		    d->raw, "items"), ii), "cas");

		/* The span is over the value as sent ("CAS 7719 12 2"). */
		if (json_is_string(raw))
			snprintf(r->field, sizeof(r->field), "items[%zu].cas",
			    ii);
		else {
			raw = json_array_get(raw, it->cas_pos[i]);
			snprintf(r->field, sizeof(r->field),
			    "items[%zu].cas[%zu]", ii, it->cas_pos[i]);
		}
		if (!normalize_cas_valid(it->cas[i])) {
			screen_finding_add(res, it->seq, r->field,
			    "cas_check_digit", it->cas[i], "CAS number fails "
			    "its check digit; not matched");
			continue;
		}
		(void)util_copy(r->cas, sizeof(r->cas), it->cas[i]);
		r->text = json_is_string(raw) ? json_string_value(raw) :
		    it->cas[i];
		r->off = 0;
		r->len = strlen(r->text);
		st->ncr++;
	}
	ncf = normalize_find_cas(it->description, strlen(it->description), cf,
	    MAX_CAS);
	for (i = 0; i < ncf && st->ncr < MAX_CAS; i++) {
		struct cas_ref *r = &cr[st->ncr];

		if (!cf[i].valid) {
			screen_finding_add(res, it->seq, st->field,
			    "cas_check_digit", cf[i].cas, "CAS-shaped number "
			    "fails its check digit; not matched");
			continue;
		}
		snprintf(r->cas, sizeof(r->cas), "%.15s", cf[i].cas);
		(void)util_copy(r->field, sizeof(r->field), st->field);
		r->off = cf[i].off;
		r->len = cf[i].len;
		r->text = it->description;
		st->ncr++;
	}
}

/* The entries the item's CAS numbers identify (the first number wins). */
static void
item_cas_evidence(const struct matcher *m, struct item_ctx *c,
    const struct item_scan *st)
{
	size_t i, k;

	for (i = 0; i < st->ncr; i++) {
		size_t ents[16], ne = match_cas(m, st->cr[i].cas, ents, 16);

		for (k = 0; k < ne; k++) {
			struct evidence *e = ev_get(c, ents[k]);

			if (e->cas_idx < 0)
				e->cas_idx = (int)i;
		}
	}
}

/* Parameter values stated in the description, in any script's digits. */
static void
item_params(struct item_scan *st)
{
	const char *desc = st->it->description;
	size_t dlen, *dmap, end, i;
	char *dt = normalize_digits(desc, strlen(desc), &dlen, &dmap);

	st->npv = param_scan(dt ? dt : desc, dt ? dlen : strlen(desc), st->pv,
	    MAX_PVALUES);
	for (i = 0; dt != NULL && i < st->npv; i++) {
		end = dmap[st->pv[i].off + st->pv[i].len];
		st->pv[i].off = dmap[st->pv[i].off];
		st->pv[i].len = end - st->pv[i].off;
	}
	if (dt != NULL) {
		free(dt);
		free(dmap);
	}
	st->npv = param_derive(st->pv, st->npv, MAX_PVALUES);
}

/* Declared grades: evidence for the entries that name their family. */
static void
item_grade_evidence(const struct matcher *m, struct item_ctx *c,
    struct item_scan *st)
{
	size_t i, k, x, nent = match_nentries(m);

	st->ngh = grades_find(st->gt, &st->f, st->gh, MAX_GRADES);
	for (i = 0; i < st->ngh; i++) {
		for (x = 0; x < nent; x++) {
			const struct rule_entry *re = match_entry(m, x);

			for (k = 0; k < re->grades.n; k++)
				if (strcmp(re->grades.v[k],
				    grades_family(st->gt, st->gh[i].grade)) ==
				    0) {
					struct evidence *e = ev_get(c, x);

					if (e->grade1 == 0 || (st->gh[i].strong &&
					    !st->gh[e->grade1 - 1].strong))
						e->grade1 = (int)i + 1;
				}
		}
	}
}

/* The packing of the item's goods (bulk, retail), read once. */
static int
item_packing(struct item_scan *st)
{
	if (st->pack < 0)
		st->pack = (int)param_packing(st->it->description,
		    strlen(st->it->description), st->pv, st->npv);
	return st->pack;
}

/*
 * True if an exclusion of the entry hit outside its keywords; *<exempt> is
 * set when one that holds is an `exempt` word (another substance, an
 * exempted entry), which holds at any quantity.  An exclusion
 * that starts inside a word, after the start of one of the entry's own
 * keywords and within it, is a fragment of the controlled word, not its
 * ordinary sense: Korean "환기" (ventilation) is written inside "주파수
 * 변환기" (frequency changer), as words of the unspaced scripts match inside
 * longer words.  An exclusion of whole words ("à froid" in "presse
 * isostatique à froid"), a qualifier that opens the keyword ("冷" in
 * "冷等静压机") or one spanning the whole keyword ("riflescopes" for
 * "rifle*") still holds.
 */
static bool
excluded(const struct evidence *e, bool *exempt)
{
	size_t x, k;
	bool any = false;

	*exempt = false;
	for (x = 0; x < e->nex; x++) {
		if (e->ex[x].inword) {
			for (k = 0; k < e->nkw; k++)
				if (e->kw[k].from < e->ex[x].from &&
				    e->ex[x].to <= e->kw[k].to)
					break;
			if (k < e->nkw)
				continue;
		}
		any = true;
		if (e->ex[x].exempt) {
			*exempt = true;
			break;
		}
	}
	return any;
}

/*
 * Which evidence of entry <ev->re> counts: keywords (with the entry's
 * required words or stated form), HS code, context heading, CAS number;
 * exclusions and consumer-product releases take keywords and HS away.
 * Returns false when nothing counts or an embargo entry has no country
 * of the route.
 */
static bool
entry_gate(const struct decl_ctx *dc, struct item_scan *st,
    struct entry_eval *ev)
{
	const struct rule_entry *re = ev->re;
	const struct evidence *e = ev->e;
	bool exempt;

	ev->gr = e->grade1 > 0 ? &st->gh[e->grade1 - 1] : NULL;
	ev->embargo = re->destinations.n > 0 || re->origins.n > 0;
	ev->kw = (e->nkw > 0 || (ev->gr != NULL && ev->gr->strong)) &&
	    (re->requires.n == 0 || e->required ||
	    form_stated(re, st->pv, st->npv));
	ev->hs = e->hs_digits > 0;
	ev->hsc = e->hs_ctx_digits > 0;
	ev->cas = e->cas_idx >= 0;
	if (excluded(e, &exempt)) {
		/*
		 * A consumer-product exclusion of a substance does not
		 * cover bulk raw material declared for such products
		 * (IBC, drums, tonnes, 25 kg bags); an exemption (another
		 * substance, an exempted entry) holds at any quantity.
		 */
		if (exempt || re->cas.n == 0 || item_packing(st) != PACK_BULK)
			ev->kw = ev->hs = false;
	} else if (ev->kw && !ev->cas && re->cas.n > 0 &&
	    consumer_release(re)) {
		/*
		 * A substance with a consumer-product release, named in
		 * goods packed for retail sale (bottles, tubes, tablets,
		 * 90 g) and not stated at 30 % or more: a consumer
		 * product, such as the release means.
		 */
		if (item_packing(st) == PACK_RETAIL &&
		    !concentrated(st->pv, st->npv))
			ev->kw = ev->hs = false;
	}
	if (!ev->kw && !ev->hs && !ev->cas)
		return false;
	ev->cty = NULL;
	if (ev->embargo) {
		/* An embargo entry needs a country of the route. */
		ev->cty = country_hit(&re->destinations, dc->to, dc->nto);
		if (ev->cty == NULL)
			ev->cty = country_hit(&re->origins, dc->from,
			    dc->nfrom);
		if (ev->cty == NULL)
			return false;
	}
	return true;
}

/*
 * The entry's technical parameters against the values stated, unless a
 * CAS number identifies the substance.  Returns false when the goods are
 * below the entry's threshold: the parameter hits are dropped again.
 */
static bool
entry_params(const struct decl_item *it, struct item_scan *st,
    struct entry_eval *ev)
{
	const struct rule_entry *re = ev->re;
	const struct evidence *e = ev->e;
	struct pvalue epv[MAX_PVALUES + 16];
	size_t mark = st->hits.n, nepv = 0;
	const struct pvalue *cpv = st->pv;
	size_t ncpv = st->npv;
	int missing_clear = 0;

	ev->conf = ev->missing = 0;
	if (re->nparams == 0 || ev->cas)
		return true;
	/* Entries with grades see the values their grade implies too. */
	if (re->grades.n > 0) {
		nepv = entry_values(st->gt, re, e, st->gh, st->pv, st->npv,
		    e->nkw ? st->f.map[e->kw[0].from] : 0, e->nkw ?
		    st->f.emap[e->kw[0].to - 1] - st->f.map[e->kw[0].from] :
		    0, epv, sizeof(epv) / sizeof(epv[0]));
		cpv = epv;
		ncpv = nepv;
	}
	ev->conf = check_params(re, it, st->field, cpv, ncpv, st->gt,
	    &st->hits, &ev->missing, &missing_clear, &st->note);
	if (ev->conf < 0 || (missing_clear > 0 && ev->conf == 0 &&
	    ev->missing == 0)) {
		hits_truncate(&st->hits, mark);
		return false;
	}
	return true;
}

/* The entry's score from its kinds of evidence (see the head comment). */
static int
entry_score(const struct decl_item *it, struct item_scan *st,
    const struct entry_eval *ev)
{
	int score;

	if (ev->embargo)
		score = SCORE_EMBARGO;
	else if (ev->cas)
		score = SCORE_CAS;
	else if (ev->kw && (ev->hs || ev->hsc))
		score = SCORE_KEYWORD_HS;
	else if (ev->kw)
		score = SCORE_KEYWORD;
	else
		score = ev->e->hs_digits >= 6 ? SCORE_HS_SUBHEADING :
		    SCORE_HS_HEADING;
	if (ev->cas && ev->kw)
		score += SCORE_CAS_AND_KEYWORD;
	if (ev->cas && (ev->hs || ev->hsc))
		score += SCORE_CAS_AND_HS;
	if (ev->kw && ev->e->nkw > 1)
		score += SCORE_MORE_KEYWORDS;
	score += SCORE_PARAM_CONFIRMED * ev->conf -
	    SCORE_PARAM_MISSING * ev->missing;
	if (has_document(it, "Y901") && ev->re->category != CAT_MILITARY &&
	    !ev->embargo) {
		score += SCORE_Y901;
		buf_adds(&st->note, " The item was declared with document Y901 "
		    "(goods not on the dual-use list) although it matches "
		    "this entry.");
	}
	if (score > SCORE_MAX)
		score = SCORE_MAX;
	if (score < SCORE_MIN)
		score = SCORE_MIN;
	return score;
}

/* One hit per kind of evidence, each with its explanation. */
static void
entry_hits(const struct decl_ctx *dc, struct item_ctx *c,
    struct item_scan *st, const struct entry_eval *ev)
{
	const struct decl_item *it = st->it;
	const struct rule_entry *re = ev->re;
	const struct evidence *e = ev->e;
	const struct grade_hit *gr = ev->gr;
	const char *note = st->note.data ? st->note.data : "";
	const char *regs;
	char expl[1536];
	size_t i;

	entry_regimes(re, &st->regs);
	regs = st->regs.data;
	if (ev->cas) {
		const struct cas_ref *r = &st->cr[e->cas_idx];
		char *mt = xstrndup(r->text + r->off, r->len);

		snprintf(expl, sizeof(expl), "CAS %s identifies %s, listed "
		    "as %s %s (%s). %s%s", r->cas, re->title, re->list->id,
		    re->code, regs, re->explanation, note);
		hit_new(&st->hits, re, "cas", r->field, mt, r->off,
		    r->off + r->len, expl);
		free(mt);
	}
	if (ev->kw && gr != NULL && (gr->strong || e->nkw > 0)) {
		char *mt = xstrndup(it->description + gr->off, gr->len);

		snprintf(expl, sizeof(expl), "The description names grade "
		    "\"%s\" (%s; %s): %s, listed as %s %s (%s). %s%s", mt,
		    grades_family(st->gt, gr->grade), grades_source(st->gt,
		    gr->grade), re->title, re->list->id, re->code,
		    regs, re->explanation, note);
		hit_new(&st->hits, re, "grade", st->field, mt, gr->off,
		    gr->off + gr->len, expl);
		free(mt);
	}
	for (i = 0; ev->kw && i < e->nkw; i++) {
		size_t from = st->f.map[e->kw[i].from];
		size_t to = st->f.emap[e->kw[i].to - 1];
		char *mt = xstrndup(it->description + from, to - from);
		/* A term file's term names its language. */
		const char *lang = rules_keyword_lang(re,
		    match_term(c->m, e->kw[i].term)->idx);

		snprintf(expl, sizeof(expl), "The description names "
		    "\"%s\": %s, listed as %s %s (%s). %s%s", mt,
		    re->title, re->list->id, re->code, regs,
		    re->explanation, note);
		hit_new(&st->hits, re, "keyword", st->field, mt, from, to,
		    expl);
		if (lang != NULL)
			st->hits.v[st->hits.n - 1].language = xstrdup(lang);
		free(mt);
	}
	if (ev->hs || (ev->hsc && (ev->kw || ev->cas))) {
		if (ev->embargo)
			snprintf(expl, sizeof(expl), "HS %s is among the goods "
			    "covered by %s %s (%s).", st->hslabel,
			    re->list->id, re->code, re->title);
		else if (ev->kw || ev->cas)
			snprintf(expl, sizeof(expl), "HS %s is consistent with "
			    "%s %s (%s).", st->hslabel, re->list->id, re->code,
			    re->title);
		else
			snprintf(expl, sizeof(expl), "HS %s is the subheading "
			    "for %s, listed as %s %s (%s). An HS code alone is "
			    "a lead: check the goods. %s%s", st->hslabel,
			    re->title, re->list->id, re->code, regs,
			    re->explanation, note);
		hit_new(&st->hits, re, "hs", st->hsfield, it->hs_raw, 0,
		    strlen(it->hs_raw), expl);
	}
	if (ev->cty != NULL) {
		snprintf(expl, sizeof(expl), "%s %s: %s goes %s %s (%s). "
		    "%s", re->list->id, re->code, st->hslabel,
		    country_hit(&re->destinations, dc->to, dc->nto) ? "to" :
		    "from", ev->cty->code, ev->cty->field, re->explanation);
		hit_new(&st->hits, re, "country", ev->cty->field,
		    ev->cty->code, 0, 2, expl);
	}
}

/*
 * Scores one entry the item has evidence for and adds its hits: to the
 * item's alert, or for an embargo entry to the declaration's route alert.
 */
static void
item_entry(const struct matcher *m, const struct decl_ctx *dc,
    struct item_ctx *c, struct item_scan *st, struct evidence *e)
{
	struct entry_eval ev;
	size_t mark = st->hits.n, i;
	int score;

	memset(&ev, 0, sizeof(ev));
	ev.re = match_entry(m, e->eidx);
	ev.e = e;
	if (!entry_gate(dc, st, &ev))
		return;
	buf_reset(&st->note);
	if (!entry_params(st->it, st, &ev))
		return;
	score = entry_score(st->it, st, &ev);
	entry_hits(dc, c, st, &ev);
	if (ev.embargo) {
		/*
		 * Embargoes are about where the shipment goes: their hits
		 * gather in one declaration-level alert, item by item.
		 */
		for (i = mark; i < st->hits.n; i++)
			hits_push(&c->route.hits, &st->hits.v[i]);
		st->hits.n = mark;
		if (score > c->route.best) {
			c->route.best = score;
			c->route.cat = ev.re->category;
		}
		return;
	}
	st->nentries++;
	if (score > st->best || (score == st->best &&
	    st->topcat == CAT_COUNT_)) {
		st->best = score;
		st->topcat = ev.re->category;
	}
}

/* The item's alert: its best entry, a little more for each other one. */
static void
item_alert(const struct decl *d, struct item_scan *st,
    struct screen_result *res)
{
	struct screen_alert *a;
	int s;

	if (st->hits.n == 0 || st->nentries == 0) {
		screen_hits_free(&st->hits);
		return;
	}
	s = st->best + SCORE_PER_MORE_ENTRY * (st->nentries - 1);
	a = alert_new(res, st->it->seq, s > SCORE_MAX ? SCORE_MAX : s,
	    st->topcat, &st->hits);
	item_fingerprint(d, st->it, &st->f, a);
}

/* Clears the evidence touched by the item, for the next one. */
static void
item_ctx_reset(struct item_ctx *c)
{
	size_t t;

	for (t = 0; t < c->ntouched; t++) {
		struct evidence *e = &c->ev[c->touched[t]];

		free(e->kw);
		free(e->ex);
		memset(e, 0, sizeof(*e));
		e->eidx = (size_t)-1;
		e->cas_idx = -1;
	}
	c->ntouched = 0;
}

/*
 * Screens item <ii> of <d>: gathers the evidence per control-list entry,
 * scores each entry and appends an alert to <res> if anything hit.
 */
static void
screen_item(const struct matcher *m, struct match_scratch *sc,
    const struct decl *d, const struct decl_ctx *dc, size_t ii,
    struct item_ctx *c, struct screen_result *res)
{
	/*
	 * On the stack: a 7 kB calloc per item made glibc consolidate its
	 * fast bins every time (a request past the small bins).
	 */
	struct item_scan scan, *st = &scan;
	size_t t;

	memset(st, 0, sizeof(*st));
	st->it = &d->items[ii];
	st->gt = match_ruleset(m)->grades;
	st->pack = -1;
	st->topcat = CAT_COUNT_;
	buf_init(&st->note);
	buf_init(&st->regs);

	/* Evidence per entry: terms, HS code, CAS numbers, grades. */
	item_scan_text(m, sc, ii, c, st, res);
	item_hs_evidence(m, c, st);
	item_cas_refs(d, ii, st, res);
	item_cas_evidence(m, c, st);
	item_params(st);
	item_grade_evidence(m, c, st);

	/* Each entry with evidence scored, then the item's alert. */
	for (t = 0; t < c->ntouched; t++)
		item_entry(m, dc, c, st, &c->ev[c->touched[t]]);
	item_alert(d, st, res);

	item_ctx_reset(c);
	folded_free(&st->f);
	buf_free(&st->note);
	buf_free(&st->regs);
}

static const char *
role_name(const char *role)
{
	if (role == NULL)
		return "party";
	if (strcmp(role, "end_user") == 0)
		return "end user";
	if (strcmp(role, "notify") == 0)
		return "notify party";
	return role;
}

/*
 * Screens every party name against the denied-party lists (party_search
 * also tries the name without an address or c/o part after it).  Each
 * party with a hit gets a declaration-level alert of its own, its best
 * hits as evidence.  Score: 70 at the threshold up to 99 for an exact name.
 * A weak hit (a low-quality alias, common given names only) needs the
 * declared country among the listed ones: another country drops it, none
 * declared makes it a low alert "common name: confirm identity".
 */
static void
screen_parties(const struct ruleset *rs, const struct decl *d, double thr,
    struct screen_result *res)
{
	struct party_hit ph[4];
	size_t i, k, n;

	if (rs->parties == NULL)
		return;
	for (i = 0; i < d->nparties; i++) {
		const struct decl_party *p = &d->parties[i];
		struct screen_hits hits = { NULL, 0, 0 };
		char field[48], expl[1024];
		int score;
		bool confirm = true;
		double best = 0;

		if (p->name == NULL)
			continue;
		n = party_search(rs->parties, p->name, thr, ph, 3);
		util_field_at(field, sizeof(field), "parties", i, ".name");
		for (k = 0; k < n; k++) {
			const struct party_record *r = ph[k].rec;
			struct screen_hit h;
			json_t *ev;
			bool alias = strcmp(ph[k].matched, r->name) != 0;
			bool known = p->country != NULL &&
			    r->countries != NULL && *r->countries != '\0';

			if (ph[k].weak && known &&
			    !party_country_listed(r, p->country))
				continue;
			if (!ph[k].weak || (known &&
			    party_country_listed(r, p->country)))
				confirm = false;
			if (ph[k].score > best)
				best = ph[k].score;
			snprintf(expl, sizeof(expl), "%sThe %s \"%s\" matches \"%s\"%s%s"
			    "%s, listed on %s as %s (%s%s%s); name similarity %.2f.%s",
			    ph[k].weak ? "Common name: confirm identity. " : "",
			    role_name(p->role), p->name, ph[k].matched,
			    alias ? ", an alias of " : "", alias ? r->name : "",
			    alias ? "" : "", r->list_id, r->ref, r->regime ?
			    r->regime : "no regime given", r->listed_on ?
			    ", listed " : "", r->listed_on ? r->listed_on : "",
			    ph[k].score, p->country && r->country &&
			    !party_country_listed(r, p->country) ?
			    " The declared country differs from the listed one: "
			    "check the address." : "");
			hit_init(&h);
			xasprintf(&h.rule, "%s/%s/party", r->list_id, r->ref);
			h.list = xstrdup(r->list_id);
			h.entry = xstrdup(r->ref);
			h.title = xstrdup(r->name);
			h.category = CAT_SANCTIONS;
			h.reason = xstrdup("party");
			h.field = xstrdup(field);
			h.match = xstrdup(p->name);
			h.span[0] = 0;
			h.span[1] = strlen(p->name);
			h.explanation = xstrdup(expl);
			h.listed_name = xstrdup(r->name);
			h.matched_name = xstrdup(ph[k].matched);
			h.role = xstrdup(p->role ? p->role : "");
			h.similarity = ph[k].score;
			/* party.c's evidence: words, distortions, programme... */
			ev = party_hit_json(&ph[k]);
			h.party_evidence = json_dumps(ev, JSON_COMPACT);
			json_decref(ev);
			hits_push(&hits, &h);
		}
		if (hits.n == 0)
			continue;
		score = SCORE_PARTY_BASE + (int)(SCORE_PARTY_SPAN *
		    (best - thr) / (thr < 1.0 ? 1.0 - thr : 1.0) + 0.5);
		if (score > SCORE_MAX)
			score = SCORE_MAX;
		if (confirm)
			score = SCORE_PARTY_CONFIRM;	/* low: confirm */
		alert_new(res, SCREEN_NONE, score, CAT_SANCTIONS, &hits);
	}
}

/* Decl warnings (accepted oddities) become findings. */
static void
decl_findings(const struct decl *d, struct screen_result *res)
{
	json_t *w;
	size_t i;

	json_array_foreach(d->warnings, i, w) {
		json_t *seq = json_object_get(w, "item_seq");

		screen_finding_add(res, json_is_integer(seq) ?
		    (int)json_integer_value(seq) : SCREEN_NONE,
		    json_string_value(json_object_get(w, "field")),
		    json_string_value(json_object_get(w, "kind")) ?
		    json_string_value(json_object_get(w, "kind")) : "warning",
		    json_string_value(json_object_get(w, "value")),
		    json_string_value(json_object_get(w, "message")));
	}
}

/*
 * The evidence per entry, indexed by entry, and the entries an item
 * touched.  Every item leaves it clean (item_ctx_reset), so a thread keeps
 * one with its scratch for as long as the rule set lives.
 */
struct ev_table {
	struct evidence	*ev;
	size_t		*touched;
	size_t		 n;
};

static void
ev_table_free(void *p)
{
	struct ev_table *t = p;

	if (t == NULL)
		return;
	free(t->ev);
	free(t->touched);
	free(t);
}

static struct ev_table *
ev_table_new(size_t n)
{
	struct ev_table *t = xcalloc(1, sizeof(*t));
	size_t i;

	t->n = n;
	t->ev = xcalloc(n ? n : 1, sizeof(*t->ev));
	t->touched = xcalloc(n ? n : 1, sizeof(*t->touched));
	for (i = 0; i < n; i++) {
		t->ev[i].eidx = (size_t)-1;
		t->ev[i].cas_idx = -1;
	}
	return t;
}

/* The scratch's table, made on first use; without a scratch, <*own>. */
static struct ev_table *
ev_table_get(struct match_scratch *sc, size_t n, struct ev_table **own)
{
	struct ev_table *t = sc != NULL ? match_scratch_workspace(sc) : NULL;

	*own = NULL;
	if (t != NULL && t->n == n)
		return t;
	t = ev_table_new(n);
	if (sc != NULL)
		match_scratch_set_workspace(sc, t, ev_table_free);
	else
		*own = t;
	return t;
}

struct screen_result *
screen_run(const struct matcher *m, struct match_scratch *sc,
    const struct decl *d, const char *list_version,
    const struct screen_opts *o)
{
	struct screen_result *res = xcalloc(1, sizeof(*res));
	struct item_ctx c;
	struct decl_ctx dc;
	struct ev_table *tab, *own;
	size_t i;
	int worst = -1;

	res->reference = xstrdup(d->reference ? d->reference : "");
	res->type = xstrdup(d->type ? d->type : "");
	res->list_version = xstrdup(list_version ? list_version : "");
	c.m = m;
	tab = ev_table_get(sc, match_nentries(m), &own);
	c.ev = tab->ev;
	c.touched = tab->touched;
	c.ntouched = 0;
	memset(&c.route.hits, 0, sizeof(c.route.hits));
	c.route.best = 0;
	c.route.cat = CAT_EMBARGO;
	decl_countries(d, &dc);
	if (d->warnings)
		decl_findings(d, res);
	for (i = 0; i < d->nitems; i++)
		screen_item(m, sc, d, &dc, i, &c, res);
	if (c.route.hits.n > 0) {
		/* One more point per further item caught by the embargo. */
		int s = c.route.best + (int)c.route.hits.n / 2 - 1;

		alert_new(res, SCREEN_NONE, s > SCORE_MAX ? SCORE_MAX : s,
		    c.route.cat, &c.route.hits);
	} else
		screen_hits_free(&c.route.hits);
	screen_parties(match_ruleset(m), d, o ? o->party_threshold :
	    PARTY_THRESHOLD_DEFAULT, res);
	item_ctx_reset(&c);		/* each item left it clean already */
	ev_table_free(own);

	for (i = 0; i < res->nalerts; i++)
		if ((int)res->alerts[i].severity > worst)
			worst = (int)res->alerts[i].severity;
	if (worst >= SEVERITY_HIGH)
		res->verdict = VERDICT_HOLD;
	else if (worst >= 0)
		res->verdict = VERDICT_REVIEW;
	else
		res->verdict = VERDICT_CLEAR;
	return res;
}

void
screen_result_free(struct screen_result *r)
{
	size_t i, k;

	if (r == NULL)
		return;
	for (i = 0; i < r->nalerts; i++) {
		screen_hits_free(&r->alerts[i].hits);
		for (k = 0; k < r->alerts[i].nentries; k++)
			free(r->alerts[i].entries[k]);
		free(r->alerts[i].entries);
	}
	free(r->alerts);
	for (i = 0; i < r->nfindings; i++)
		finding_free(&r->findings[i]);
	free(r->findings);
	free(r->reference);
	free(r->type);
	free(r->list_version);
	free(r);
}

void
screen_result_ids(struct screen_result *r)
{
	size_t i;

	util_uuid7(r->id);
	for (i = 0; i < r->nalerts; i++)
		util_uuid7(r->alerts[i].id);
}

json_t *
screen_decl(const struct matcher *m, struct match_scratch *sc,
    const struct decl *d, const char *list_version)
{
	return screen_decl_opts(m, sc, d, list_version, NULL);
}

json_t *
screen_decl_opts(const struct matcher *m, struct match_scratch *sc,
    const struct decl *d, const char *list_version,
    const struct screen_opts *o)
{
	struct screen_result *r = screen_run(m, sc, d, list_version, o);
	json_t *j = result_json(r, false);

	screen_result_free(r);
	return j;
}

void
screen_assign_ids(json_t *result)
{
	char id[37];
	json_t *a;
	size_t i;

	util_uuid7(id);
	json_object_set_new(result, "id", json_string(id));
	json_array_foreach(json_object_get(result, "alerts"), i, a) {
		util_uuid7(id);
		json_object_set_new(a, "id", json_string(id));
	}
}
