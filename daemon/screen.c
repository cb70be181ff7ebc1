/*
 * Evidence gathering and scoring.  Each item is folded once, scanned once
 * for terms, looked up once in the HS trie and once per CAS number; the
 * evidence is then grouped by control-list entry and scored.  Nothing here
 * does I/O: the matcher and the declaration come in, JSON comes out.
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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grades.h"
#include "hsnom.h"
#include "normalize.h"
#include "param.h"
#include "party.h"
#include "screen.h"
#include "util.h"
#include "xmalloc.h"

#define MAX_HS_HITS	64
#define MAX_CAS		32
#define MAX_PVALUES	64
#define MAX_COUNTRIES	64
#define MAX_GRADES	8

struct kwhit {
	unsigned	term;
	size_t		from, to;	/* folded span */
};

struct evidence {
	size_t		 eidx;
	struct kwhit	*kw;		/* keyword hits, first per term */
	size_t		 nkw;
	int		 excluded, required;
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
	json_t		*hits;
	int		 best;
	enum category	 cat;
};

struct item_ctx {
	const struct matcher	*m;
	struct decl_alert	 route;		/* embargo hits of every item */
	struct evidence		*ev;		/* indexed by entry */
	size_t			*touched;
	size_t			 ntouched;
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

static void
on_term(unsigned id, size_t from, size_t to, void *arg)
{
	struct item_ctx *c = arg;
	const struct mterm *t = match_term(c->m, id);
	struct evidence *e = ev_get(c, t->eidx);
	size_t i;

	switch (t->kind) {
	case TERM_EXCLUDE:
		e->excluded = 1;
		return;
	case TERM_REQUIRES:
		e->required = 1;
		return;
	case TERM_KEYWORD:
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

static const char *
severity(int score)
{
	if (score >= 85)
		return "critical";
	if (score >= 70)
		return "high";
	if (score >= 45)
		return "medium";
	return "low";
}

static int
severity_rank(const char *s)
{
	return strcmp(s, "critical") == 0 ? 3 : strcmp(s, "high") == 0 ? 2 :
	    strcmp(s, "medium") == 0 ? 1 : 0;
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

static json_t *
hit_new(const struct rule_entry *e, const char *reason, const char *field,
    const char *match, size_t from, size_t to, const char *explanation)
{
	char rule[256];

	snprintf(rule, sizeof(rule), "%s/%s/%s", e->list->id, e->code, reason);
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:[I,I], s:s}",
	    "rule", rule, "list", e->list->id, "entry", e->code,
	    "title", e->title,
	    "category", rules_category_name(e->category), "reason", reason,
	    "field", field, "match", match, "span", (json_int_t)from,
	    (json_int_t)to, "explanation", explanation);
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
	snprintf(set[*n].field, sizeof(set[*n].field), "%s", field);
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
		snprintf(field, sizeof(field), "route.transit[%zu]", i);
		add_country(dc->to, &dc->nto, d->transit[i], field);
	}
	add_country(dc->from, &dc->nfrom, d->dispatch, "route.dispatch");
	for (i = 0; i < d->nparties; i++) {
		const struct decl_party *p = &d->parties[i];

		if (p->role == NULL || p->country == NULL)
			continue;
		snprintf(field, sizeof(field), "parties[%zu].country", i);
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
check_hs(const struct decl_item *it, const char *hsfield, json_t *findings)
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
		json_array_append_new(findings, json_pack("{s:i, s:s, s:s, s:s, "
		    "s:s}", "item_seq", it->seq, "field", hsfield, "kind",
		    "hs_outdated", "value", it->hs_raw, "message", msg));
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
		json_array_append_new(findings, json_pack("{s:i, s:s, s:s, s:s, "
		    "s:s}", "item_seq", it->seq, "field", hsfield, "kind",
		    "hs_unknown", "value", it->hs_raw, "message", msg));
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
    const struct grade_table *gt, json_t *hits, int *missing,
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
			if ((!rp->has_min || pv[k].v >= rp->min * (1 - 1e-9)) &&
			    (!rp->has_max || pv[k].v <= rp->max * (1 + 1e-9))) {
				ok = &pv[k];
				break;
			}
		}
		if (rp->has_min && rp->has_max)
			snprintf(thr, sizeof(thr), "between %s and %s",
			    rp->min_text, rp->max_text);
		else if (rp->has_min)
			snprintf(thr, sizeof(thr), "at least %s", rp->min_text);
		else
			snprintf(thr, sizeof(thr), "at most %s", rp->max_text);
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
		json_array_append_new(hits, hit_new(e, "parameter", field, m,
		    ok->off, ok->off + ok->len, expl));
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

/* The distinct categories of <hits>, in order of first appearance. */
static json_t *
hit_categories(json_t *hits)
{
	json_t *cats = json_array(), *h, *x;
	size_t hi, ci;

	json_array_foreach(hits, hi, h) {
		json_t *cj = json_object_get(h, "category");
		int seen = 0;

		json_array_foreach(cats, ci, x)
			if (json_equal(x, cj))
				seen = 1;
		if (!seen)
			json_array_append(cats, cj);
	}
	return cats;
}

/* An alert; takes ownership of <item_seq> and <hits>. */
static json_t *
alert_new(json_t *item_seq, int score, enum category cat, json_t *hits)
{
	return json_pack("{s:o, s:s, s:i, s:s, s:o, s:o}", "item_seq",
	    item_seq, "severity", severity(score), "score", score, "category",
	    rules_category_name(cat), "categories", hit_categories(hits),
	    "hits", hits);
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
    const struct folded *f, json_t *alert)
{
	static const char *const roles[] = { "exporter", "consignor",
		"declarant", NULL };
	const char *trader = "";
	const char *const *r;
	char *ft, hs6[7], fp[65], **codes;
	struct buf b;
	json_t *h, *entries;
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
	util_sha256_hex(b.data, b.len, fp);
	buf_free(&b);
	free(ft);

	codes = xcalloc(json_array_size(json_object_get(alert, "hits")) + 1,
	    sizeof(*codes));
	json_array_foreach(json_object_get(alert, "hits"), i, h) {
		char *code;

		xasprintf(&code, "%s/%s", json_string_value(json_object_get(h,
		    "list")), json_string_value(json_object_get(h, "entry")));
		for (k = 0; k < n; k++)
			if (strcmp(codes[k], code) == 0)
				break;
		if (k < n)
			free(code);
		else
			codes[n++] = code;
	}
	qsort(codes, n, sizeof(*codes), str_cmp);
	entries = json_array();
	for (k = 0; k < n; k++) {
		json_array_append_new(entries, json_string(codes[k]));
		free(codes[k]);
	}
	free(codes);
	json_object_set_new(alert, "fingerprint", json_string(fp));
	json_object_set_new(alert, "entries", entries);
}

/* Screens one item; appends an alert to <alerts> if anything hit. */
static void
screen_item(const struct matcher *m, struct match_scratch *sc,
    const struct decl *d, const struct decl_ctx *dc, size_t ii,
    struct item_ctx *c, json_t *alerts, json_t *findings)
{
	const struct decl_item *it = &d->items[ii];
	struct folded f;
	struct hs_hit hsh[MAX_HS_HITS];
	struct cas_found cf[MAX_CAS];
	struct cas_ref cr[MAX_CAS];
	struct pvalue pv[MAX_PVALUES], epv[MAX_PVALUES + 16];
	struct grade_hit gh[MAX_GRADES];
	const struct grade_table *gt = match_ruleset(m)->grades;
	size_t nhs, ncf, ncr = 0, npv, ngh, i, k, t;
	int pack = -1;
	char field[64], hsfield[64], hslabel[256];
	json_t *hits = json_array();
	int best = 0, nentries = 0;
	struct buf note, regs;
	enum category topcat = CAT_COUNT_;

	buf_init(&note);
	buf_init(&regs);
	snprintf(field, sizeof(field), "items[%zu].description", ii);
	snprintf(hsfield, sizeof(hsfield), "items[%zu].hs_code", ii);
	check_hs(it, hsfield, findings);
	hs_label(it, hslabel, sizeof(hslabel));

	normalize_fold(it->description, strlen(it->description), &f);
	if (match_terms(m, sc, f.text, f.len, on_term, c) == -1)
		json_array_append_new(findings, json_pack("{s:i, s:s, s:s, s:s}",
		    "item_seq", it->seq, "field", field, "kind", "scan_error",
		    "message", "the keyword scan failed for this description"));

	nhs = match_hs(m, it->hs, hsh, MAX_HS_HITS);
	for (i = 0; i < nhs; i++) {
		struct evidence *e = ev_get(c, hsh[i].eidx);

		if (hsh[i].context) {
			if (hsh[i].digits > e->hs_ctx_digits)
				e->hs_ctx_digits = hsh[i].digits;
		} else if (hsh[i].digits > e->hs_digits)
			e->hs_digits = hsh[i].digits;
	}

	/* CAS numbers: the cas field first, then the description. */
	for (i = 0; i < it->ncas && ncr < MAX_CAS; i++) {
		json_t *raw = json_object_get(json_array_get(json_object_get(
		    d->raw, "items"), ii), "cas");

		/* The span is over the value as sent ("CAS 7719 12 2"). */
		if (json_is_string(raw))
			snprintf(cr[ncr].field, sizeof(cr[ncr].field),
			    "items[%zu].cas", ii);
		else {
			raw = json_array_get(raw, it->cas_pos[i]);
			snprintf(cr[ncr].field, sizeof(cr[ncr].field),
			    "items[%zu].cas[%zu]", ii, it->cas_pos[i]);
		}
		if (!normalize_cas_valid(it->cas[i])) {
			json_array_append_new(findings, json_pack("{s:i, s:s, s:s, "
			    "s:s, s:s}", "item_seq", it->seq, "field", cr[ncr].field,
			    "kind", "cas_check_digit", "value", it->cas[i],
			    "message", "CAS number fails its check digit; not "
			    "matched"));
			continue;
		}
		snprintf(cr[ncr].cas, sizeof(cr[ncr].cas), "%s", it->cas[i]);
		cr[ncr].text = json_is_string(raw) ? json_string_value(raw) :
		    it->cas[i];
		cr[ncr].off = 0;
		cr[ncr].len = strlen(cr[ncr].text);
		ncr++;
	}
	ncf = normalize_find_cas(it->description, strlen(it->description), cf,
	    MAX_CAS);
	for (i = 0; i < ncf && ncr < MAX_CAS; i++) {
		if (!cf[i].valid) {
			json_array_append_new(findings, json_pack("{s:i, s:s, s:s, "
			    "s:s, s:s}", "item_seq", it->seq, "field", field,
			    "kind", "cas_check_digit", "value", cf[i].cas,
			    "message", "CAS-shaped number fails its check digit; "
			    "not matched"));
			continue;
		}
		snprintf(cr[ncr].cas, sizeof(cr[ncr].cas), "%.15s", cf[i].cas);
		snprintf(cr[ncr].field, sizeof(cr[ncr].field), "%s", field);
		cr[ncr].off = cf[i].off;
		cr[ncr].len = cf[i].len;
		cr[ncr].text = it->description;
		ncr++;
	}
	for (i = 0; i < ncr; i++) {
		size_t ents[16], ne = match_cas(m, cr[i].cas, ents, 16);

		for (k = 0; k < ne; k++) {
			struct evidence *e = ev_get(c, ents[k]);

			if (e->cas_idx < 0)
				e->cas_idx = (int)i;
		}
	}
	{
		/* Numbers written in any script's digits are read too. */
		size_t dlen, *dmap, end;
		char *dt = normalize_digits(it->description,
		    strlen(it->description), &dlen, &dmap);

		npv = param_scan(dt ? dt : it->description, dt ? dlen :
		    strlen(it->description), pv, MAX_PVALUES);
		for (i = 0; dt != NULL && i < npv; i++) {
			end = dmap[pv[i].off + pv[i].len];
			pv[i].off = dmap[pv[i].off];
			pv[i].len = end - pv[i].off;
		}
		if (dt != NULL) {
			free(dt);
			free(dmap);
		}
	}
	npv = param_derive(pv, npv, MAX_PVALUES);
	/* Declared grades: evidence for the entries that name their family. */
	ngh = grades_find(gt, &f, gh, MAX_GRADES);
	for (i = 0; i < ngh; i++) {
		size_t x, nent = match_nentries(m);

		for (x = 0; x < nent; x++) {
			const struct rule_entry *re = match_entry(m, x);

			for (k = 0; k < re->grades.n; k++)
				if (strcmp(re->grades.v[k],
				    grades_family(gt, gh[i].grade)) == 0) {
					struct evidence *e = ev_get(c, x);

					if (e->grade1 == 0 || (gh[i].strong &&
					    !gh[e->grade1 - 1].strong))
						e->grade1 = (int)i + 1;
				}
		}
	}

	for (t = 0; t < c->ntouched; t++) {
		struct evidence *e = &c->ev[c->touched[t]];
		const struct rule_entry *re = match_entry(m, e->eidx);
		const struct country_ref *cty = NULL;
		int kw, hs, hsc, cas, score, missing = 0, missing_clear, conf = 0;
		bool embargo = re->destinations.n > 0 || re->origins.n > 0;
		size_t mark = json_array_size(hits);
		char expl[1536];

		const struct grade_hit *gr = e->grade1 > 0 ?
		    &gh[e->grade1 - 1] : NULL;
		size_t nepv = re->grades.n == 0 ? 0 : entry_values(gt, re, e, gh,
		    pv, npv, e->nkw ? f.map[e->kw[0].from] : 0, e->nkw ?
		    f.emap[e->kw[0].to - 1] - f.map[e->kw[0].from] : 0, epv,
		    sizeof(epv) / sizeof(epv[0]));
		const struct pvalue *cpv = re->grades.n == 0 ? pv : epv;
		size_t ncpv = re->grades.n == 0 ? npv : nepv;

		kw = (e->nkw > 0 || (gr != NULL && gr->strong)) &&
		    (re->requires.n == 0 || e->required ||
		    form_stated(re, pv, npv));
		hs = e->hs_digits > 0;
		hsc = e->hs_ctx_digits > 0;
		cas = e->cas_idx >= 0;
		if (e->excluded) {
			/*
			 * A consumer-product exclusion of a substance does not
			 * cover bulk raw material declared for such products
			 * (IBC, drums, tonnes, 25 kg bags).
			 */
			if (pack < 0 && re->cas.n > 0)
				pack = (int)param_packing(it->description,
				    strlen(it->description), pv, npv);
			if (re->cas.n == 0 || pack != PACK_BULK)
				kw = hs = 0;
		} else if (kw && !(e->cas_idx >= 0) && re->cas.n > 0 &&
		    consumer_release(re)) {
			/*
			 * A substance with a consumer-product release, named in
			 * goods packed for retail sale (bottles, tubes, tablets,
			 * 90 g) and not stated at 30 % or more: a consumer
			 * product, such as the release means.
			 */
			if (pack < 0)
				pack = (int)param_packing(it->description,
				    strlen(it->description), pv, npv);
			if (pack == PACK_RETAIL && !concentrated(pv, npv))
				kw = hs = 0;
		}
		if (!kw && !hs && !cas)
			continue;
		if (embargo) {
			/* An embargo entry needs a country of the route. */
			cty = country_hit(&re->destinations, dc->to, dc->nto);
			if (cty == NULL)
				cty = country_hit(&re->origins, dc->from, dc->nfrom);
			if (cty == NULL)
				continue;
		}

		buf_reset(&note);
		if (re->nparams > 0 && !cas) {
			conf = check_params(re, it, field, cpv, ncpv, gt, hits,
			    &missing, &missing_clear, &note);
			if (conf < 0 || (missing_clear > 0 && conf == 0 &&
			    missing == 0)) {
				/* Below the threshold: drop the parameter hits too. */
				while (json_array_size(hits) > mark)
					json_array_remove(hits,
					    json_array_size(hits) - 1);
				continue;
			}
		}

		if (embargo)
			score = 80;
		else if (cas)
			score = 90;
		else if (kw && (hs || hsc))
			score = 78;
		else if (kw)
			score = 62;
		else
			score = e->hs_digits >= 6 ? 45 : 38;
		if (cas && kw)
			score += 4;
		if (cas && (hs || hsc))
			score += 3;
		if (kw && e->nkw > 1)
			score += 2;
		score += 8 * conf - 12 * missing;
		if (has_document(it, "Y901") && re->category != CAT_MILITARY &&
		    !embargo) {
			score += 6;
			buf_adds(&note, " The item was declared with document Y901 "
			    "(goods not on the dual-use list) although it matches "
			    "this entry.");
		}
		if (score > 99)
			score = 99;
		if (score < 1)
			score = 1;

		entry_regimes(re, &regs);
		if (cas) {
			const struct cas_ref *r = &cr[e->cas_idx];
			char *mt = xstrndup(r->text + r->off, r->len);

			snprintf(expl, sizeof(expl), "CAS %s identifies %s, listed "
			    "as %s %s (%s). %s%s", r->cas, re->title, re->list->id,
			    re->code, regs.data, re->explanation, note.data ?
			    note.data : "");
			json_array_append_new(hits, hit_new(re, "cas", r->field, mt,
			    r->off, r->off + r->len, expl));
			free(mt);
		}
		if (kw && gr != NULL && (gr->strong || e->nkw > 0)) {
			char *mt = xstrndup(it->description + gr->off, gr->len);

			snprintf(expl, sizeof(expl), "The description names grade "
			    "\"%s\" (%s; %s): %s, listed as %s %s (%s). %s%s", mt,
			    grades_family(gt, gr->grade), grades_source(gt,
			    gr->grade), re->title, re->list->id, re->code,
			    regs.data, re->explanation, note.data ? note.data : "");
			json_array_append_new(hits, hit_new(re, "grade", field, mt,
			    gr->off, gr->off + gr->len, expl));
			free(mt);
		}
		if (kw) {
			for (i = 0; i < e->nkw; i++) {
				size_t from = f.map[e->kw[i].from];
				size_t to = f.emap[e->kw[i].to - 1];
				char *mt = xstrndup(it->description + from, to - from);
				/* A term file's term names its language. */
				const char *lang = rules_keyword_lang(re,
				    match_term(c->m, e->kw[i].term)->idx);
				json_t *h;

				snprintf(expl, sizeof(expl), "The description names "
				    "\"%s\": %s, listed as %s %s (%s). %s%s", mt,
				    re->title, re->list->id, re->code, regs.data,
				    re->explanation, note.data ? note.data : "");
				h = hit_new(re, "keyword", field, mt, from, to, expl);
				if (lang != NULL)
					json_object_set_new(h, "language",
					    json_string(lang));
				json_array_append_new(hits, h);
				free(mt);
			}
		}
		if (hs || (hsc && (kw || cas))) {
			if (embargo)
				snprintf(expl, sizeof(expl), "HS %s is among the goods "
				    "covered by %s %s (%s).", hslabel, re->list->id,
				    re->code, re->title);
			else if (kw || cas)
				snprintf(expl, sizeof(expl), "HS %s is consistent with "
				    "%s %s (%s).", hslabel, re->list->id, re->code,
				    re->title);
			else
				snprintf(expl, sizeof(expl), "HS %s is the subheading "
				    "for %s, listed as %s %s (%s). An HS code alone is "
				    "a lead: check the goods. %s%s", hslabel,
				    re->title, re->list->id, re->code, regs.data,
				    re->explanation, note.data ? note.data : "");
			json_array_append_new(hits, hit_new(re, "hs", hsfield,
			    it->hs_raw, 0, strlen(it->hs_raw), expl));
		}
		if (cty != NULL) {
			snprintf(expl, sizeof(expl), "%s %s: %s goes %s %s (%s). "
			    "%s", re->list->id, re->code, hslabel,
			    country_hit(&re->destinations, dc->to, dc->nto) ? "to" :
			    "from", cty->code, cty->field, re->explanation);
			json_array_append_new(hits, hit_new(re, "country",
			    cty->field, cty->code, 0, 2, expl));
		}
		if (embargo) {
			/*
			 * Embargoes are about where the shipment goes: their hits
			 * gather in one declaration-level alert, item by item.
			 */
			while (json_array_size(hits) > mark) {
				json_array_append(c->route.hits,
				    json_array_get(hits, mark));
				json_array_remove(hits, mark);
			}
			if (score > c->route.best) {
				c->route.best = score;
				c->route.cat = re->category;
			}
			continue;
		}
		nentries++;
		if (score > best || (score == best && topcat == CAT_COUNT_)) {
			best = score;
			topcat = re->category;
		}
	}

	if (json_array_size(hits) > 0 && nentries > 0) {
		int s = best + 2 * (nentries - 1);
		json_t *a = alert_new(json_integer(it->seq), s > 99 ? 99 : s,
		    topcat, hits);

		item_fingerprint(d, it, &f, a);
		json_array_append_new(alerts, a);
	} else
		json_decref(hits);

	for (t = 0; t < c->ntouched; t++) {
		struct evidence *e = &c->ev[c->touched[t]];

		free(e->kw);
		memset(e, 0, sizeof(*e));
		e->eidx = (size_t)-1;
		e->cas_idx = -1;
	}
	c->ntouched = 0;
	folded_free(&f);
	buf_free(&note);
	buf_free(&regs);
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
    json_t *alerts)
{
	struct party_hit ph[4];
	size_t i, k, n;

	if (rs->parties == NULL)
		return;
	for (i = 0; i < d->nparties; i++) {
		const struct decl_party *p = &d->parties[i];
		json_t *hits, *ev, *ex;
		char field[48], expl[1024], rule[256];
		int score;
		bool confirm = true;
		double best = 0;

		if (p->name == NULL)
			continue;
		n = party_search(rs->parties, p->name, thr, ph, 3);
		snprintf(field, sizeof(field), "parties[%zu].name", i);
		hits = json_array();
		for (k = 0; k < n; k++) {
			const struct party_record *r = ph[k].rec;
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
			snprintf(rule, sizeof(rule), "%s/%s/party", r->list_id,
			    r->ref);
			ev = json_pack("{s:s, s:s, s:s, s:s, "
			    "s:s, s:s, s:s, s:s, s:[i,I], s:s, s:s, s:s, s:f, s:s}",
			    "rule", rule, "list", r->list_id, "entry", r->ref,
			    "title", r->name, "category", "sanctions", "reason",
			    "party", "field", field, "match", p->name, "span", 0,
			    (json_int_t)strlen(p->name), "listed_name", r->name,
			    "matched_name", ph[k].matched, "role", p->role ?
			    p->role : "", "similarity", ph[k].score, "explanation",
			    expl);
			ex = party_hit_json(&ph[k]);
			json_object_update(ev, ex);
			json_decref(ex);
			json_array_append_new(hits, ev);
		}
		if (json_array_size(hits) == 0) {
			json_decref(hits);
			continue;
		}
		score = 70 + (int)(29.0 * (best - thr) /
		    (thr < 1.0 ? 1.0 - thr : 1.0) + 0.5);
		if (score > 99)
			score = 99;
		if (confirm)
			score = 40;	/* low: confirm the identity */
		json_array_append_new(alerts, alert_new(json_null(), score,
		    CAT_SANCTIONS, hits));
	}
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
	struct item_ctx c;
	struct decl_ctx dc;
	json_t *alerts = json_array(), *findings = json_array(), *a;
	const char *verdict = "clear";
	size_t i, n = match_nentries(m);
	int worst = -1;

	c.m = m;
	c.ev = xcalloc(n ? n : 1, sizeof(*c.ev));
	c.touched = xcalloc(n ? n : 1, sizeof(*c.touched));
	c.ntouched = 0;
	c.route.hits = json_array();
	c.route.best = 0;
	c.route.cat = CAT_EMBARGO;
	for (i = 0; i < n; i++) {
		c.ev[i].eidx = (size_t)-1;
		c.ev[i].cas_idx = -1;
	}
	decl_countries(d, &dc);
	if (d->warnings)
		json_array_extend(findings, d->warnings);
	for (i = 0; i < d->nitems; i++)
		screen_item(m, sc, d, &dc, i, &c, alerts, findings);
	if (json_array_size(c.route.hits) > 0) {
		/* One more point per further item caught by the embargo. */
		int s = c.route.best + (int)json_array_size(c.route.hits) / 2 - 1;

		json_array_append_new(alerts, alert_new(json_null(),
		    s > 99 ? 99 : s, c.route.cat, c.route.hits));
	} else
		json_decref(c.route.hits);
	screen_parties(match_ruleset(m), d, o ? o->party_threshold :
	    PARTY_THRESHOLD_DEFAULT, alerts);
	free(c.ev);
	free(c.touched);

	json_array_foreach(alerts, i, a) {
		int r = severity_rank(json_string_value(json_object_get(a,
		    "severity")));

		if (r > worst)
			worst = r;
	}
	if (worst >= 2)
		verdict = "hold";
	else if (worst >= 0)
		verdict = "review";
	return json_pack("{s:s, s:s, s:s, s:o, s:o}", "reference", d->reference,
	    "verdict", verdict, "list_version", list_version ? list_version : "",
	    "alerts", alerts, "findings", findings);
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
