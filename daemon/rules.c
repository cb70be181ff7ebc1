/*
 * Rule files to struct ruleset.  The YAML shape is documented in
 * rules/README.md; unknown keys are errors so that a misspelt matcher never
 * silently matches nothing.  A file with a top-level "language:" is a term
 * file: its terms wait in the ruleset until rules_finish() adds them to the
 * entries they name, once every list file is in.
 */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grades.h"
#include "hsnom.h"
#include "normalize.h"
#include "party.h"
#include "rules.h"
#include "xmalloc.h"
#include "ytree.h"

static const char *catnames[CAT_COUNT_] = {
	"nuclear", "chemical", "biological", "missile", "conventional",
	"military", "sanctions", "embargo",
};

struct rctx {
	const char	*name;
	struct buf	*errs;
	int		 nerr;
};

static void	rerr(struct rctx *, int, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
static int	rules_add_yaml(struct ruleset *, const char *, const char *,
		    size_t, struct buf *);
static int	terms_add(struct ruleset *, const char *, const char *, size_t,
		    const struct ynode *, struct buf *);
static int	terms_resolve(struct ruleset *, struct buf *);
static int	rules_add_grades(struct ruleset *, const char *, const char *,
		    size_t, const struct ynode *, struct buf *);
static int	rules_check_grades(struct ruleset *, struct buf *);
static bool	is_subentry(const char *, const char *);
static int	terms_share(struct ruleset *, struct buf *);
static void	terms_free(struct rule_terms *);
static void	record_file(struct ruleset *, const char *, const char *, int);
static void	terms_list(struct rctx *, const struct ynode *,
		    struct term_key *);
static int	terms_add_words(const struct rule_terms *, struct term_key *,
		    struct rule_entry *, struct buf *);

const char *
rules_category_name(enum category c)
{
	return catnames[c];
}

int
rules_category(const char *s, enum category *c)
{
	int i;

	for (i = 0; i < CAT_COUNT_; i++)
		if (strcmp(s, catnames[i]) == 0) {
			*c = (enum category)i;
			return 0;
		}
	return -1;
}

static void
rerr(struct rctx *r, int line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	buf_printf(r->errs, "%s:%d: %s\n", r->name, line, msg);
	r->nerr++;
}

static void
strv_push(struct strv *sv, const char *s, int line)
{
	sv->v = xreallocarray(sv->v, sv->n + 1, sizeof(*sv->v));
	sv->line = xreallocarray(sv->line, sv->n + 1, sizeof(*sv->line));
	sv->v[sv->n] = xstrdup(s);
	sv->line[sv->n] = line;
	sv->n++;
}

static void
strv_free(struct strv *sv)
{
	size_t i;

	for (i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	sv->v = NULL;
	free(sv->line);
	sv->line = NULL;
	sv->n = 0;
}

/* A scalar value as a fresh string, or NULL with an error. */
static char *
scalar(struct rctx *r, const struct ynode *n, const char *key)
{
	if (n->type != YNODE_SCALAR) {
		rerr(r, n->line, "%s: expected a single value", key);
		return NULL;
	}
	return xstrdup(n->scalar);
}

/* A string or a sequence of strings into <sv>. */
static void
strlist(struct rctx *r, const struct ynode *n, const char *key,
    struct strv *sv)
{
	size_t i;

	if (n->type == YNODE_SCALAR) {
		strv_push(sv, n->scalar, n->line);
		return;
	}
	if (n->type != YNODE_SEQ) {
		rerr(r, n->line, "%s: expected a list of strings", key);
		return;
	}
	for (i = 0; i < n->n; i++) {
		if (n->items[i]->type != YNODE_SCALAR) {
			rerr(r, n->items[i]->line, "%s: expected a string", key);
			continue;
		}
		if (n->items[i]->scalar[0] == '\0') {
			rerr(r, n->items[i]->line, "%s: empty string", key);
			continue;
		}
		strv_push(sv, n->items[i]->scalar, n->items[i]->line);
	}
}

static void
check_terms(struct rctx *r, struct strv *sv, const char *key)
{
	size_t i;

	for (i = 0; i < sv->n; i++) {
		char *f;

		if (strncmp(sv->v[i], "re:", 3) == 0) {
			const char *p;

			if (sv->v[i][3] == '\0')
				rerr(r, sv->line[i], "%s: empty regular "
				    "expression", key);
			/* Capitals outside escapes (\S, \W...) never match. */
			for (p = sv->v[i] + 3; *p; p++) {
				if (*p == '\\' && p[1] != '\0') {
					p++;
					continue;
				}
				if (isupper((unsigned char)*p)) {
					rerr(r, sv->line[i], "%s: \"%s\" has capital "
					    "letters, but it runs on folded lowercase "
					    "text", key, sv->v[i]);
					break;
				}
			}
			continue;
		}
		f = normalize_fold_str(sv->v[i]);
		if (f[0] == '\0')
			rerr(r, sv->line[i], "%s: \"%s\" has no letters or "
			    "digits", key, sv->v[i]);
		else if (strlen(f) < 2)
			rerr(r, sv->line[i], "%s: \"%s\" is too short to "
			    "match safely", key, sv->v[i]);
		free(f);
	}
}

/*
 * Reads "min: 5 mm" (at least), "max: ..." (at most), "above: ..." (more
 * than) or "below: ..." (less than) into <p>; 0, or 1 if it was wrong.
 */
static int
parse_param_bound(struct rctx *r, const struct ynode *key,
    const struct ynode *val, struct rule_param *p)
{
	enum quantity q;
	double v;

	if (param_parse_value(val->scalar, &q, &v) == -1) {
		rerr(r, val->line, "parameters.%s: \"%s\" is not a number with "
		    "a known unit", key->scalar, val->scalar);
		return 1;
	}
	if (key->scalar[1] == 'i' || key->scalar[0] == 'a') {
		if (p->has_min) {
			rerr(r, val->line, "parameters.%s: the parameter has a "
			    "lower bound already", key->scalar);
			return 1;
		}
		p->has_min = true;
		p->min_excl = key->scalar[0] == 'a';
		p->min = v;
		free(p->min_text);
		p->min_text = xstrdup(val->scalar);
	} else {
		if (p->has_max) {
			rerr(r, val->line, "parameters.%s: the parameter has an "
			    "upper bound already", key->scalar);
			return 1;
		}
		p->has_max = true;
		p->max_excl = key->scalar[0] == 'b';
		p->max = v;
		free(p->max_text);
		p->max_text = xstrdup(val->scalar);
	}
	/* Remember the unit's quantity to cross-check below. */
	if (p->q != Q_NONE && !param_compatible(p->q, q)) {
		rerr(r, val->line, "parameters.%s: unit of \"%s\" is not a %s",
		    key->scalar, val->scalar, param_quantity_name(p->q));
		return 1;
	}
	return 0;
}

/* Reads "form: true" or "named_only: ..." into <p>; 0, or 1 if wrong. */
static int
parse_param_flag(struct rctx *r, const struct ynode *key,
    const struct ynode *val, struct rule_param *p)
{
	bool *flag = key->scalar[0] == 'f' ? &p->form : &p->named_only;

	if (strcmp(val->scalar, "true") == 0)
		*flag = true;
	else if (strcmp(val->scalar, "false") != 0) {
		rerr(r, val->line, "parameters.%s: expected true or false",
		    key->scalar);
		return 1;
	}
	return 0;
}

/* Reads one key of a parameter mapping into <p>; 0, or 1 if it was wrong. */
static int
parse_param_key(struct rctx *r, const struct ynode *key,
    const struct ynode *val, struct rule_param *p)
{
	const char *k = key->scalar;

	if (val->type != YNODE_SCALAR) {
		rerr(r, val->line, "parameters.%s: expected a single value", k);
		return 1;
	}
	if (strcmp(k, "quantity") == 0) {
		if ((p->q = param_quantity(val->scalar)) == Q_NONE) {
			rerr(r, val->line, "parameters.quantity: unknown "
			    "quantity \"%s\"", val->scalar);
			return 1;
		}
	} else if (strcmp(k, "min") == 0 || strcmp(k, "max") == 0 ||
	    strcmp(k, "above") == 0 || strcmp(k, "below") == 0)
		return parse_param_bound(r, key, val, p);
	else if (strcmp(k, "role") == 0) {
		if ((p->role = param_role(val->scalar)) == R_NONE) {
			rerr(r, val->line, "parameters.role: unknown role "
			    "\"%s\"", val->scalar);
			return 1;
		}
	} else if (strcmp(k, "form") == 0 || strcmp(k, "named_only") == 0)
		return parse_param_flag(r, key, val, p);
	else if (strcmp(k, "label") == 0) {
		free(p->label);
		p->label = xstrdup(val->scalar);
	} else if (strcmp(k, "if_missing") == 0) {
		if (strcmp(val->scalar, "clear") == 0)
			p->missing_clear = true;
		else if (strcmp(val->scalar, "review") != 0) {
			rerr(r, val->line, "parameters.if_missing: expected "
			    "review or clear");
			return 1;
		}
	} else {
		rerr(r, key->line, "parameters: unknown key \"%s\"", k);
		return 1;
	}
	return 0;
}

/*
 * Checks a parameter read from mapping <pn> as a whole: a quantity, a bound,
 * and units of that quantity, in any key order.  0, or 1 if it was wrong.
 */
static int
parse_param_check(struct rctx *r, const struct ynode *pn,
    const struct rule_param *p)
{
	const char *texts[2] = { p->min_text, p->max_text };
	int t, bad = 0;

	if (p->q == Q_NONE) {
		rerr(r, pn->line, "parameters: quantity is required");
		return 1;
	}
	if (!p->has_min && !p->has_max) {
		rerr(r, pn->line, "parameters: min, max, above or below is "
		    "required");
		return 1;
	}
	for (t = 0; t < 2; t++) {
		enum quantity q;
		double v;

		if (texts[t] != NULL && param_parse_value(texts[t], &q, &v) ==
		    0 && !param_compatible(p->q, q)) {
			rerr(r, pn->line, "parameters: unit of %s is not a %s",
			    t == 0 ? (p->min_excl ? "above" : "min") :
			    (p->max_excl ? "below" : "max"),
			    param_quantity_name(p->q));
			bad = 1;
		}
	}
	return bad;
}

static void
parse_params(struct rctx *r, const struct ynode *n, struct rule_entry *e)
{
	size_t i, k;

	if (n->type != YNODE_SEQ) {
		rerr(r, n->line, "parameters: expected a list");
		return;
	}
	e->params = xcalloc(n->n, sizeof(*e->params));
	for (i = 0; i < n->n; i++) {
		const struct ynode *pn = n->items[i];
		struct rule_param *p = &e->params[e->nparams];
		int bad = 0;

		if (pn->type != YNODE_MAP) {
			rerr(r, pn->line, "parameters: expected a mapping");
			continue;
		}
		for (k = 0; k < pn->n; k++)
			bad |= parse_param_key(r, pn->items[2 * k],
			    pn->items[2 * k + 1], p);
		if (!bad)
			bad = parse_param_check(r, pn, p);
		if (bad) {
			free(p->min_text);
			free(p->max_text);
			free(p->label);
			memset(p, 0, sizeof(*p));
			continue;
		}
		if (p->label == NULL)
			p->label = xstrdup(param_quantity_name(p->q));
		e->nparams++;
	}
}

static void
entry_free(struct rule_entry *e)
{
	size_t i;

	free(e->code);
	free(e->title);
	free(e->explanation);
	free(e->source);
	strv_free(&e->regimes);
	strv_free(&e->cas);
	strv_free(&e->hs);
	strv_free(&e->hs_context);
	strv_free(&e->keywords);
	strv_free(&e->exclude);
	strv_free(&e->exempt);
	strv_free(&e->requires);
	strv_free(&e->destinations);
	strv_free(&e->origins);
	strv_free(&e->grades);
	for (i = 0; i < e->nparams; i++) {
		free(e->params[i].min_text);
		free(e->params[i].max_text);
		free(e->params[i].label);
	}
	free(e->params);
	free(e->kwsrc);
	free(e->kwalso);
	memset(e, 0, sizeof(*e));
}

static void
list_free(struct rule_list *l)
{
	size_t i;

	for (i = 0; i < l->nentries; i++)
		entry_free(&l->entries[i]);
	free(l->entries);
	free(l->id);
	free(l->title);
	free(l->source);
	free(l->version_date);
	free(l->url);
	free(l->regime);
	free(l->file);
	memset(l, 0, sizeof(*l));
}

/*
 * True if a rule prefix exists in the nomenclature: chapters, headings and
 * subheadings as such, odd lengths by their shorter prefix, national
 * extensions (8-10 digits) by their subheading.
 */
static bool
hs_known(const char *digits)
{
	char key[7];
	size_t n = strlen(digits);

	if (n > 6)
		n = 6;
	else if (n % 2 == 1)
		n--;
	memcpy(key, digits, n);
	key[n] = '\0';
	return hsnom_find(key) != NULL;
}

static void
hs_list(struct rctx *r, struct strv *sv, const char *key)
{
	size_t i;

	for (i = 0; i < sv->n; i++) {
		char digits[11];
		const char *why;

		if (normalize_hs(sv->v[i], 2, digits, &why) == -1) {
			rerr(r, sv->line[i], "%s: bad HS code \"%s\": %s", key,
			    sv->v[i], why);
			continue;
		}
		if (!hs_known(digits)) {
			rerr(r, sv->line[i], "%s: \"%s\" is not a chapter, heading "
			    "or subheading of HS 2022 or HS 2017", key, sv->v[i]);
			continue;
		}
		free(sv->v[i]);
		sv->v[i] = xstrdup(digits);
	}
}

static void
country_list(struct rctx *r, const struct strv *sv, const char *key)
{
	size_t i;

	for (i = 0; i < sv->n; i++) {
		const char *c = sv->v[i];

		if (strlen(c) != 2 || !isupper((unsigned char)c[0]) ||
		    !isupper((unsigned char)c[1]))
			rerr(r, sv->line[i], "%s: \"%s\" is not an ISO 3166-1 "
			    "alpha-2 country code", key, c);
	}
}

static void
parse_entry(struct rctx *r, const struct ynode *n, struct rule_entry *e)
{
	struct ynode *v;
	size_t k;

	e->line = n->line;
	for (k = 0; k < n->n; k++) {
		const char *key = n->items[2 * k]->scalar;
		int kline = n->items[2 * k]->line;

		v = n->items[2 * k + 1];
		if (strcmp(key, "code") == 0)
			e->code = scalar(r, v, key);
		else if (strcmp(key, "title") == 0)
			e->title = scalar(r, v, key);
		else if (strcmp(key, "explanation") == 0)
			e->explanation = scalar(r, v, key);
		else if (strcmp(key, "source") == 0)
			e->source = scalar(r, v, key);
		else if (strcmp(key, "category") == 0) {
			if (v->type != YNODE_SCALAR ||
			    rules_category(v->scalar, &e->category) == -1)
				rerr(r, v->line, "category: expected one of nuclear "
				    "chemical biological missile conventional "
				    "military sanctions embargo");
		} else if (strcmp(key, "regimes") == 0)
			strlist(r, v, key, &e->regimes);
		else if (strcmp(key, "cas") == 0)
			strlist(r, v, key, &e->cas);
		else if (strcmp(key, "hs") == 0)
			strlist(r, v, key, &e->hs);
		else if (strcmp(key, "hs_context") == 0)
			strlist(r, v, key, &e->hs_context);
		else if (strcmp(key, "keywords") == 0)
			strlist(r, v, key, &e->keywords);
		else if (strcmp(key, "exclude") == 0)
			strlist(r, v, key, &e->exclude);
		else if (strcmp(key, "exempt") == 0)
			strlist(r, v, key, &e->exempt);
		else if (strcmp(key, "requires") == 0)
			strlist(r, v, key, &e->requires);
		else if (strcmp(key, "destinations") == 0)
			strlist(r, v, key, &e->destinations);
		else if (strcmp(key, "origins") == 0)
			strlist(r, v, key, &e->origins);
		else if (strcmp(key, "parameters") == 0)
			parse_params(r, v, e);
		else if (strcmp(key, "parameter_match") == 0) {
			if (v->type != YNODE_SCALAR || (strcmp(v->scalar, "any") != 0 &&
			    strcmp(v->scalar, "all") != 0))
				rerr(r, v->line, "parameter_match: expected all or any");
			else
				e->params_any = v->scalar[1] == 'n';
		} else if (strcmp(key, "grades") == 0)
			strlist(r, v, key, &e->grades);
		else
			rerr(r, kline, "unknown key \"%s\" in entry", key);
	}
	if (e->code == NULL || e->code[0] == '\0')
		rerr(r, n->line, "entry without code");
	if (e->title == NULL)
		rerr(r, n->line, "entry %s: title is required",
		    e->code ? e->code : "?");
	if (e->explanation == NULL)
		rerr(r, n->line, "entry %s: explanation is required",
		    e->code ? e->code : "?");
	if (ynode_get(n, "category") == NULL)
		rerr(r, n->line, "entry %s: category is required",
		    e->code ? e->code : "?");
	if (e->cas.n == 0 && e->hs.n == 0 && e->keywords.n == 0 &&
	    e->hs_context.n == 0)
		rerr(r, n->line, "entry %s: needs at least one matcher (cas, "
		    "hs or keywords)", e->code ? e->code : "?");
	else if (e->cas.n == 0 && e->hs.n == 0 && e->keywords.n == 0)
		rerr(r, n->line, "entry %s: hs_context alone never matches; "
		    "add keywords, cas or hs", e->code ? e->code : "?");
	for (k = 0; k < e->cas.n; k++) {
		if (!normalize_cas_shape(e->cas.v[k]))
			rerr(r, e->cas.line[k], "cas: \"%s\" is not a CAS "
			    "registry number (NNNNNNN-NN-N)", e->cas.v[k]);
		else if (!normalize_cas_valid(e->cas.v[k]))
			rerr(r, e->cas.line[k], "cas: \"%s\" fails its check "
			    "digit", e->cas.v[k]);
	}
	hs_list(r, &e->hs, "hs");
	hs_list(r, &e->hs_context, "hs_context");
	check_terms(r, &e->keywords, "keywords");
	check_terms(r, &e->exclude, "exclude");
	check_terms(r, &e->exempt, "exempt");
	check_terms(r, &e->requires, "requires");
	country_list(r, &e->destinations, "destinations");
	country_list(r, &e->origins, "origins");
}

static bool
valid_id(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s; s++)
		if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s) &&
		    *s != '-')
			return false;
	return true;
}

static bool
valid_date(const char *s)
{
	return strlen(s) == 10 && isdigit((unsigned char)s[0]) &&
	    isdigit((unsigned char)s[3]) && s[4] == '-' && s[7] == '-' &&
	    isdigit((unsigned char)s[5]) && isdigit((unsigned char)s[9]);
}

static void
record_file(struct ruleset *rs, const char *base, const char *sha, int party)
{
	rs->files = xreallocarray(rs->files, rs->nfiles + 1, sizeof(*rs->files));
	rs->files[rs->nfiles].name = xstrdup(base);
	snprintf(rs->files[rs->nfiles].sha256, 65, "%s", sha);
	rs->files[rs->nfiles].is_party = party;
	rs->nfiles++;
}

static const char *
base_name(const char *name)
{
	const char *b = strrchr(name, '/');

	return b ? b + 1 : name;
}

bool
rules_is_list_file(const char *name)
{
	size_t l = strlen(name);

	if (name[0] == '.')
		return false;
	return (l > 5 && strcmp(name + l - 5, ".yaml") == 0) ||
	    party_is_list_file(name);
}

int
rules_add_buffer(struct ruleset *rs, const char *name, const char *data,
    size_t len, struct buf *errs)
{
	size_t bl = strlen(base_name(name));

	if (!(bl > 5 && strcmp(base_name(name) + bl - 5, ".yaml") == 0) &&
	    party_is_list_file(base_name(name))) {
		char sha[65];
		int n;

		if (rs->parties == NULL)
			rs->parties = party_index_new();
		if ((n = party_add_file(rs->parties, name, data, len, errs)) > 0)
			return n;
		util_sha256_hex(data, len, sha);
		record_file(rs, base_name(name), sha, 1);
		return 0;
	}
	return rules_add_yaml(rs, name, data, len, errs);
}

/* Reports the top-level keys of a list file other than list and entries. */
static void
list_check_keys(struct rctx *r, const struct ynode *root)
{
	size_t k;

	for (k = 0; k < root->n; k++) {
		const char *key = root->items[2 * k]->scalar;

		if (strcmp(key, "list") != 0 && strcmp(key, "entries") != 0)
			rerr(r, root->items[2 * k]->line, "unknown top-level "
			    "key \"%s\"", key);
	}
}

/* Reads the "list:" header of <root> into <l>; -1 if there is none. */
static int
list_parse_header(struct rctx *r, const struct ynode *root,
    struct rule_list *l)
{
	const struct ynode *hdr;
	size_t k;

	if ((hdr = ynode_get(root, "list")) == NULL || hdr->type != YNODE_MAP) {
		rerr(r, hdr ? hdr->line : 1, "list: a mapping with id, title, "
		    "source and version_date is required");
		return -1;
	}
	for (k = 0; k < hdr->n; k++) {
		const char *key = hdr->items[2 * k]->scalar;
		struct ynode *v = hdr->items[2 * k + 1];
		char **dst = NULL;

		if (strcmp(key, "id") == 0) dst = &l->id;
		else if (strcmp(key, "title") == 0) dst = &l->title;
		else if (strcmp(key, "source") == 0) dst = &l->source;
		else if (strcmp(key, "version_date") == 0) dst = &l->version_date;
		else if (strcmp(key, "url") == 0) dst = &l->url;
		else if (strcmp(key, "regime") == 0) dst = &l->regime;
		else {
			rerr(r, hdr->items[2 * k]->line, "list: unknown key "
			    "\"%s\"", key);
			continue;
		}
		*dst = scalar(r, v, key);
	}
	if (l->id == NULL || !valid_id(l->id))
		rerr(r, hdr->line, "list.id: required, lowercase letters, "
		    "digits and hyphens");
	if (l->title == NULL)
		rerr(r, hdr->line, "list.title is required");
	if (l->source == NULL)
		rerr(r, hdr->line, "list.source (the legal source) is required");
	if (l->version_date == NULL || !valid_date(l->version_date))
		rerr(r, hdr->line, "list.version_date: required, YYYY-MM-DD");
	return 0;
}

/* Reads the "entries:" of <root> into <l>; -1 if there is no list of them. */
static int
list_parse_entries(struct rctx *r, const struct ynode *root,
    struct rule_list *l)
{
	const struct ynode *ents;
	size_t i, j;

	ents = ynode_get(root, "entries");
	if (ents == NULL || ents->type != YNODE_SEQ) {
		rerr(r, ents ? ents->line : root->line, "entries: a list is "
		    "required");
		return -1;
	}
	l->entries = xcalloc(ents->n, sizeof(*l->entries));
	for (i = 0; i < ents->n; i++) {
		if (ents->items[i]->type != YNODE_MAP) {
			rerr(r, ents->items[i]->line, "entries: each entry is "
			    "a mapping");
			continue;
		}
		parse_entry(r, ents->items[i], &l->entries[l->nentries++]);
	}
	for (i = 0; i < l->nentries; i++)
		for (j = 0; j < i; j++)
			if (l->entries[i].code && l->entries[j].code &&
			    strcmp(l->entries[i].code, l->entries[j].code) == 0) {
				rerr(r, l->entries[i].line, "duplicate entry code "
				    "\"%s\" (first at line %d)",
				    l->entries[i].code, l->entries[j].line);
				break;
			}
	return 0;
}

/* Adds the checked list <l> read from <name> to <rs>, which takes it over. */
static void
rules_keep_list(struct ruleset *rs, const char *name, const char *data,
    size_t len, struct rule_list *l)
{
	size_t i;

	l->file = xstrdup(base_name(name));
	util_sha256_hex(data, len, l->sha256);
	record_file(rs, l->file, l->sha256, 0);
	rs->lists = xreallocarray(rs->lists, rs->nlists + 1, sizeof(*rs->lists));
	rs->lists[rs->nlists] = *l;
	for (i = 0; i < l->nentries; i++)
		l->entries[i].list = NULL;
	rs->nlists++;
	rs->nentries += l->nentries;
}

static int
rules_add_yaml(struct ruleset *rs, const char *name, const char *data,
    size_t len, struct buf *errs)
{
	struct rctx r = { name, errs, 0 };
	struct rule_list l;
	struct ynode *root;
	char *yerr = NULL;
	int n;

	memset(&l, 0, sizeof(l));
	if ((root = yaml_parse(data, len, &yerr)) == NULL) {
		buf_printf(errs, "%s:%s\n", name, yerr + 5);	/* "line N: x" */
		free(yerr);
		return 1;
	}
	if (root->type != YNODE_MAP)
		rerr(&r, root->line, "expected a mapping with list and entries");
	else if (ynode_get(root, "grades") != NULL) {
		n = rules_add_grades(rs, name, data, len, root, errs);
		ynode_free(root);
		return n;
	} else if (ynode_get(root, "language") != NULL) {
		n = terms_add(rs, name, data, len, root, errs);
		ynode_free(root);
		return n;
	} else {
		list_check_keys(&r, root);
		if (list_parse_header(&r, root, &l) == 0)
			(void)list_parse_entries(&r, root, &l);
	}
	ynode_free(root);
	if (r.nerr > 0) {
		list_free(&l);
		return r.nerr;
	}
	rules_keep_list(rs, name, data, len, &l);
	return 0;
}

static int
file_cmp(const void *a, const void *b)
{
	return strcmp(((const struct rule_file *)a)->name,
	    ((const struct rule_file *)b)->name);
}

void
fileset_add(struct fileset *fs, const char *name, const char *path,
    const char *data, size_t len)
{
	struct rfile *f;
	size_t i, at;

	for (i = 0; i < fs->n; i++)
		if (strcmp(fs->f[i].name, name) == 0) {
			free(fs->f[i].data);
			free(fs->f[i].path);
			fs->f[i].path = path ? xstrdup(path) : NULL;
			fs->f[i].data = xmalloc(len + 1);
			memcpy(fs->f[i].data, data, len);
			fs->f[i].data[len] = '\0';
			fs->f[i].len = len;
			return;
		}
	for (at = 0; at < fs->n && strcmp(fs->f[at].name, name) < 0; at++)
		;
	fs->f = xreallocarray(fs->f, fs->n + 1, sizeof(*fs->f));
	memmove(&fs->f[at + 1], &fs->f[at], (fs->n - at) * sizeof(*fs->f));
	f = &fs->f[at];
	f->name = xstrdup(name);
	f->path = path ? xstrdup(path) : NULL;
	f->data = xmalloc(len + 1);
	memcpy(f->data, data, len);
	f->data[len] = '\0';
	f->len = len;
	fs->n++;
}

void
fileset_free(struct fileset *fs)
{
	size_t i;

	for (i = 0; i < fs->n; i++) {
		free(fs->f[i].name);
		free(fs->f[i].path);
		free(fs->f[i].data);
	}
	free(fs->f);
	fs->f = NULL;
	fs->n = 0;
}

int
fileset_read_dir(struct fileset *fs, const char *dir, struct buf *errs)
{
	DIR *d;
	struct dirent *de;
	char *path, *data;
	size_t len;
	int nerr = 0;

	if ((d = opendir(dir)) == NULL) {
		buf_printf(errs, "%s: %s\n", dir, strerror(errno));
		return 1;
	}
	while ((de = readdir(d)) != NULL) {
		if (!rules_is_list_file(de->d_name))
			continue;
		xasprintf(&path, "%s/%s", dir, de->d_name);
		if ((data = util_read_file(path, &len)) == NULL) {
			buf_printf(errs, "%s: %s\n", path, strerror(errno));
			nerr++;
		} else
			fileset_add(fs, de->d_name, path, data, len);
		free(data);
		free(path);
	}
	closedir(d);
	return nerr;
}

int
rules_add_fileset(struct ruleset *rs, const struct fileset *fs,
    struct buf *errs)
{
	size_t i;
	int nerr = 0;

	for (i = 0; i < fs->n; i++)
		nerr += rules_add_buffer(rs, fs->f[i].path ? fs->f[i].path :
		    fs->f[i].name, fs->f[i].data, fs->f[i].len, errs);
	return nerr;
}

int
rules_load_dir(struct ruleset *rs, const char *dir, struct buf *errs)
{
	struct fileset fs = { NULL, 0 };
	int nerr;

	nerr = fileset_read_dir(&fs, dir, errs);
	if (nerr == 0)
		nerr = rules_add_fileset(rs, &fs, errs);
	fileset_free(&fs);
	return nerr;
}

int
rules_finish(struct ruleset *rs, struct buf *errs)
{
	struct buf sums;
	size_t i, j, k;
	int nerr = 0;

	if (rs->nfiles == 0) {
		buf_printf(errs, "no list files (*.yaml or party lists) found\n");
		return 1;
	}
	for (i = 0; i < rs->nlists; i++)
		for (j = 0; j < i; j++)
			if (strcmp(rs->lists[i].id, rs->lists[j].id) == 0) {
				buf_printf(errs, "%s:1: list id \"%s\" already "
				    "used by %s\n", rs->lists[i].file,
				    rs->lists[i].id, rs->lists[j].file);
				nerr++;
			}
	buf_init(&sums);
	for (i = 0; i < rs->nlists; i++)
		for (k = 0; k < rs->lists[i].nentries; k++)
			rs->lists[i].entries[k].list = &rs->lists[i];
	nerr += terms_resolve(rs, errs);
	nerr += terms_share(rs, errs);
	qsort(rs->files, rs->nfiles, sizeof(*rs->files), file_cmp);
	for (i = 0; i < rs->nfiles; i++)
		buf_printf(&sums, "%s %s\n", rs->files[i].name,
		    rs->files[i].sha256);
	if (rs->parties != NULL)
		nerr += party_prepare(rs->parties, errs);
	nerr += rules_check_grades(rs, errs);
	util_sha256_hex(sums.data, sums.len, rs->checksum);
	buf_free(&sums);
	return nerr;
}

struct ruleset *
rules_new(void)
{
	return xcalloc(1, sizeof(struct ruleset));
}

void
rules_free(struct ruleset *rs)
{
	size_t i;

	if (rs == NULL)
		return;
	for (i = 0; i < rs->nlists; i++)
		list_free(&rs->lists[i]);
	free(rs->lists);
	for (i = 0; i < rs->nfiles; i++)
		free(rs->files[i].name);
	free(rs->files);
	for (i = 0; i < rs->nterms; i++)
		terms_free(rs->terms[i]);
	free(rs->terms);
	party_index_free(rs->parties);
	grades_free(rs->grades);
	free(rs);
}

/* ---- Language term files -------------------------------------------- */

const char *
rules_keyword_lang(const struct rule_entry *e, size_t i)
{
	if (e->kwsrc == NULL || i >= e->keywords.n || e->kwsrc[i] == NULL)
		return NULL;
	return e->kwsrc[i]->lang;
}

const char *
rules_keyword_also_lang(const struct rule_entry *e, size_t i, size_t k)
{
	size_t j;

	for (j = 0; j < e->nkwalso; j++)
		if (e->kwalso[j].kw == i && k-- == 0)
			return e->kwalso[j].src->lang;
	return NULL;
}

const char *
rules_keyword_file(const struct rule_entry *e, size_t i)
{
	if (e->kwsrc != NULL && i < e->keywords.n && e->kwsrc[i] != NULL)
		return e->kwsrc[i]->file;
	return e->list != NULL ? e->list->file : "?";
}

/*
 * What makes two terms the same for the matcher: each word folded, a
 * stem's '*' kept, a re: term as written.  Caller frees.
 */
static char *
term_identity(const char *term)
{
	struct buf b;
	char *copy, *tok, *save = NULL;

	if (strncmp(term, "re:", 3) == 0)
		return xstrdup(term);
	buf_init(&b);
	copy = xstrdup(term);
	for (tok = strtok_r(copy, " \t", &save); tok != NULL;
	    tok = strtok_r(NULL, " \t", &save)) {
		size_t tl = strlen(tok);
		int star = tok[tl - 1] == '*';
		char *f;

		if (star)
			tok[tl - 1] = '\0';
		f = normalize_fold_str(tok);
		if (f[0] != '\0') {
			if (b.len > 0)
				buf_addc(&b, ' ');
			buf_adds(&b, f);
			if (star)
				buf_addc(&b, '*');
		}
		free(f);
	}
	free(copy);
	return buf_release(&b);
}

static void
terms_free(struct rule_terms *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nkeys; i++) {
		free(t->keys[i].key);
		strv_free(&t->keys[i].terms);
	}
	free(t->keys);
	free(t->file);
	free(t->lang);
	free(t->title);
	free(t->source);
	free(t);
}

static bool
valid_lang(const char *s)
{
	return strlen(s) == 2 && islower((unsigned char)s[0]) &&
	    islower((unsigned char)s[1]);
}

/* The terms of one key: a list of keyword-syntax terms, none repeated. */
static void
terms_list(struct rctx *r, const struct ynode *v, struct term_key *k)
{
	size_t i, j;
	char **ids;

	if (v->type == YNODE_SEQ && v->n == 0) {
		rerr(r, v->line, "\"%s\": empty list of terms", k->key);
		return;
	}
	strlist(r, v, k->key, &k->terms);
	check_terms(r, &k->terms, k->key);
	ids = xcalloc(k->terms.n + 1, sizeof(*ids));
	for (i = 0; i < k->terms.n; i++) {
		ids[i] = term_identity(k->terms.v[i]);
		for (j = 0; j < i; j++)
			if (ids[j][0] != '\0' && strcmp(ids[i], ids[j]) == 0) {
				rerr(r, k->terms.line[i], "\"%s\": \"%s\" is "
				    "the same term as \"%s\"", k->key,
				    k->terms.v[i], k->terms.v[j]);
				break;
			}
	}
	for (i = 0; i < k->terms.n; i++)
		free(ids[i]);
	free(ids);
}

static const char *
term_part_name(enum term_part part)
{
	return part == TERM_PART_TERMS ? "terms" : part == TERM_PART_REQUIRES ?
	    "requires" : part == TERM_PART_EXEMPT ? "exempt" : "exclude";
}

/* One map of the file ("terms", "requires", "exclude", "exempt") into t->keys. */
static void
terms_section(struct rctx *r, struct rule_terms *t, const struct ynode *map,
    enum term_part part)
{
	size_t k;

	if (map->type != YNODE_MAP) {
		rerr(r, map->line, "%s: a mapping of \"<list id>/<entry code>\" "
		    "to lists of words is expected", term_part_name(part));
		return;
	}
	t->keys = xreallocarray(t->keys, t->nkeys + map->n + 1,
	    sizeof(*t->keys));
	for (k = 0; k < map->n; k++) {
		const struct ynode *kn = map->items[2 * k];
		struct term_key *tk = &t->keys[t->nkeys++];
		const char *slash = strchr(kn->scalar, '/');

		memset(tk, 0, sizeof(*tk));
		tk->part = part;
		tk->key = xstrdup(kn->scalar);
		tk->line = kn->line;
		/* List ids have no '/'; entry codes may ("1C351.c/..."). */
		if (slash == NULL || slash == kn->scalar || slash[1] == '\0') {
			rerr(r, kn->line, "\"%s\": a key is \"<list id>/<entry "
			    "code>\"", kn->scalar);
			continue;
		}
		terms_list(r, map->items[2 * k + 1], tk);
	}
}

/*
 * A term file (top-level "language:"): checked on its own here; its keys
 * are matched to entries by rules_finish(), once every list file is in.
 */
static int
terms_add(struct ruleset *rs, const char *name, const char *data, size_t len,
    const struct ynode *root, struct buf *errs)
{
	struct rctx r = { name, errs, 0 };
	struct rule_terms *t = xcalloc(1, sizeof(*t));
	const struct ynode *tn = NULL, *reqn = NULL, *excn = NULL, *exn = NULL;
	const char *base = base_name(name);
	char want[64];
	size_t k;

	for (k = 0; k < root->n; k++) {
		const char *key = root->items[2 * k]->scalar;
		const struct ynode *v = root->items[2 * k + 1];

		if (strcmp(key, "language") == 0) {
			if ((t->lang = scalar(&r, v, key)) == NULL)
				continue;
			if (!valid_lang(t->lang)) {
				rerr(&r, v->line, "language: \"%s\" is not an "
				    "ISO 639-1 code (two lowercase letters)",
				    t->lang);
				continue;
			}
			snprintf(want, sizeof(want), "terms-%s.yaml", t->lang);
			if (strcmp(base, want) != 0)
				rerr(&r, v->line, "language \"%s\" does not "
				    "match the file name: the %s terms belong in "
				    "%s", t->lang, t->lang, want);
		} else if (strcmp(key, "title") == 0)
			t->title = scalar(&r, v, key);
		else if (strcmp(key, "source") == 0)
			t->source = scalar(&r, v, key);
		else if (strcmp(key, "terms") == 0)
			tn = v;
		else if (strcmp(key, "requires") == 0)
			reqn = v;
		else if (strcmp(key, "exclude") == 0)
			excn = v;
		else if (strcmp(key, "exempt") == 0)
			exn = v;
		else
			rerr(&r, root->items[2 * k]->line, "unknown top-level "
			    "key \"%s\" in a term file", key);
	}
	if (t->title == NULL)
		rerr(&r, root->line, "title is required");
	if (t->source == NULL)
		rerr(&r, root->line, "source (how the terms were written) is "
		    "required");
	if (tn == NULL || tn->type != YNODE_MAP) {
		rerr(&r, tn ? tn->line : root->line, "terms: a mapping of "
		    "\"<list id>/<entry code>\" to lists of terms is required");
		goto done;
	}
	terms_section(&r, t, tn, TERM_PART_TERMS);
	if (reqn != NULL)
		terms_section(&r, t, reqn, TERM_PART_REQUIRES);
	if (excn != NULL)
		terms_section(&r, t, excn, TERM_PART_EXCLUDE);
	if (exn != NULL)
		terms_section(&r, t, exn, TERM_PART_EXEMPT);
done:
	if (r.nerr > 0) {
		terms_free(t);
		return r.nerr;
	}
	t->file = xstrdup(base);
	util_sha256_hex(data, len, t->sha256);
	record_file(rs, t->file, t->sha256, 0);
	rs->terms = xreallocarray(rs->terms, rs->nterms + 1, sizeof(*rs->terms));
	rs->terms[rs->nterms++] = t;
	return 0;
}

/* The entry "<list id>/<code>", or NULL; *<has_list> if the list exists. */
static struct rule_entry *
entry_by_key(struct ruleset *rs, const char *key, bool *has_list)
{
	const char *slash = strchr(key, '/');
	size_t i, k, idlen = (size_t)(slash - key);

	*has_list = false;
	for (i = 0; i < rs->nlists; i++) {
		struct rule_list *l = &rs->lists[i];

		if (strlen(l->id) != idlen || strncmp(l->id, key, idlen) != 0)
			continue;
		*has_list = true;
		for (k = 0; k < l->nentries; k++)
			if (strcmp(l->entries[k].code, slash + 1) == 0)
				return &l->entries[k];
		/* A code split into subparagraphs: the first (see terms_share). */
		for (k = 0; k < l->nentries; k++)
			if (is_subentry(l->entries[k].code, slash + 1))
				return &l->entries[k];
		return NULL;
	}
	return NULL;
}

/*
 * Words of a term file's "requires" or "exclude" for entry <e>, unless it
 * has them already.  Requires only grow where the list file has some: on an
 * entry without them they would silence every keyword written elsewhere.
 */
/*
 * Term file <t> wrote keyword <kw> of <e> again ("Kaliumfluorid" of the
 * list file, "thiodiethanol" of the Dutch file in the Czech one): once per
 * language, so that the keyword declines as each language that writes it.
 */
static void
keyword_also(struct rule_entry *e, size_t kw, const struct rule_terms *t)
{
	size_t j;

	if (e->kwsrc != NULL && e->kwsrc[kw] != NULL &&
	    strcmp(e->kwsrc[kw]->lang, t->lang) == 0)
		return;
	for (j = 0; j < e->nkwalso; j++)
		if (e->kwalso[j].kw == kw &&
		    strcmp(e->kwalso[j].src->lang, t->lang) == 0)
			return;
	e->kwalso = xreallocarray(e->kwalso, e->nkwalso + 1,
	    sizeof(*e->kwalso));
	e->kwalso[e->nkwalso].kw = kw;
	e->kwalso[e->nkwalso++].src = t;
}

/*
 * Appends term <v> (line <line> of term file <t>) to <e>'s keywords and
 * remembers which file it came from.
 */
static void
keyword_add(struct rule_entry *e, const char *v, int line,
    const struct rule_terms *t)
{
	if (e->kwsrc == NULL)
		e->kwsrc = xcalloc(e->keywords.n + 1, sizeof(*e->kwsrc));
	strv_push(&e->keywords, v, line);
	e->kwsrc = xreallocarray(e->kwsrc, e->keywords.n, sizeof(*e->kwsrc));
	e->kwsrc[e->keywords.n - 1] = t;
}

static int
terms_add_words(const struct rule_terms *t, struct term_key *tk,
    struct rule_entry *e, struct buf *errs)
{
	struct strv *dst = tk->part == TERM_PART_REQUIRES ? &e->requires :
	    tk->part == TERM_PART_EXEMPT ? &e->exempt : &e->exclude;
	struct strv have;
	size_t j, n;

	if (tk->part == TERM_PART_REQUIRES && e->requires.n == 0) {
		buf_printf(errs, "%s:%d: \"%s\": requires: the entry has no "
		    "requires in its list file, and a term file only adds to "
		    "them\n", t->file, tk->line, tk->key);
		return 1;
	}
	/*
	 * The identities of what <e> has, folded once: folding each of them
	 * again for every new word made this quadratic in folds, the larger
	 * part of a rule build once the compiled databases come from the
	 * cache.
	 */
	memset(&have, 0, sizeof(have));
	for (n = 0; n < dst->n; n++) {
		char *other = term_identity(dst->v[n]);

		strv_push(&have, other, 0);
		free(other);
	}
	for (j = 0; j < tk->terms.n; j++) {
		char *id = term_identity(tk->terms.v[j]);

		for (n = 0; n < have.n; n++)
			if (strcmp(id, have.v[n]) == 0)
				break;
		if (n == have.n) {
			strv_push(dst, tk->terms.v[j], tk->terms.line[j]);
			strv_push(&have, id, 0);
			tk->added++;
		}
		free(id);
	}
	strv_free(&have);
	return 0;
}

/*
 * Adds every term of every term file to its entry's keywords, tagged with
 * the file, unless the entry already has the same term (a list keyword or
 * another language's); reports keys that name no entry.
 */
static int
terms_resolve(struct ruleset *rs, struct buf *errs)
{
	struct strv *ids;	/* per entry, built when first needed */
	size_t *base, i, k, j, n, total = 0;
	int nerr = 0;

	base = xcalloc(rs->nlists + 1, sizeof(*base));
	for (i = 0; i < rs->nlists; i++) {
		base[i] = total;
		total += rs->lists[i].nentries;
	}
	ids = xcalloc(total + 1, sizeof(*ids));
	for (i = 0; i < rs->nterms; i++) {
		struct rule_terms *t = rs->terms[i];

		for (k = 0; k < t->nkeys; k++) {
			struct term_key *tk = &t->keys[k];
			struct rule_entry *e;
			struct strv *sv;
			const char *slash = strchr(tk->key, '/');
			bool has_list;

			if ((e = entry_by_key(rs, tk->key, &has_list)) == NULL) {
				if (has_list)
					buf_printf(errs, "%s:%d: \"%s\": list %.*s "
					    "has no entry %s\n", t->file, tk->line,
					    tk->key, (int)(slash - tk->key), tk->key,
					    slash + 1);
				else
					buf_printf(errs, "%s:%d: \"%s\": no list "
					    "with id %.*s in this directory\n",
					    t->file, tk->line, tk->key,
					    (int)(slash - tk->key), tk->key);
				nerr++;
				continue;
			}
			tk->entry = e;
			if (tk->part != TERM_PART_TERMS) {
				nerr += terms_add_words(t, tk, e, errs);
				continue;
			}
			sv = &ids[base[e->list - rs->lists] +
			    (size_t)(e - e->list->entries)];
			if (sv->n == 0)
				for (j = 0; j < e->keywords.n; j++) {
					char *id = term_identity(e->keywords.v[j]);

					strv_push(sv, id, 0);
					free(id);
				}
			for (j = 0; j < tk->terms.n; j++) {
				char *id = term_identity(tk->terms.v[j]);

				for (n = 0; n < sv->n; n++)
					if (strcmp(sv->v[n], id) == 0)
						break;
				if (n == sv->n) {
					keyword_add(e, tk->terms.v[j],
					    tk->terms.line[j], t);
					strv_push(sv, id, 0);
					tk->added++;
				} else
					keyword_also(e, n, t);
				free(id);
			}
		}
	}
	for (i = 0; i < total; i++)
		strv_free(&ids[i]);
	free(ids);
	free(base);
	return nerr;
}

/* ---- Language coverage ------------------------------------------------ */

static size_t
coverage_lang(struct coverage *c, const char *lang)
{
	size_t i;

	for (i = 0; i < c->nlangs; i++)
		if (strcmp(c->langs[i], lang) == 0)
			return i;
	c->langs = xreallocarray(c->langs, c->nlangs + 1, sizeof(*c->langs));
	c->langs[c->nlangs] = xstrdup(lang);
	return c->nlangs++;
}

/*
 * A threshold the list text states: the first value with a unit in the
 * title, else in the explanation (caller frees), or NULL.
 */
static char *
stated_threshold(const struct rule_entry *e)
{
	const char *texts[2] = { e->title, e->explanation };
	struct pvalue pv[4];
	int t;

	for (t = 0; t < 2; t++) {
		if (texts[t] == NULL)
			continue;
		if (param_scan(texts[t], strlen(texts[t]), pv, 4) > 0)
			return xstrndup(texts[t] + pv[0].off, pv[0].len);
	}
	return NULL;
}

struct coverage *
rules_coverage(const struct ruleset *rs, const char *const *targets,
    size_t ntargets)
{
	struct coverage *c = xcalloc(1, sizeof(*c));
	size_t i, k, j, n, en;

	for (i = 0; i < ntargets; i++)
		coverage_lang(c, targets[i]);
	c->ntargets = c->nlangs;
	en = coverage_lang(c, "en");
	for (i = 0; i < rs->nterms; i++)
		coverage_lang(c, rs->terms[i]->lang);
	for (i = 0; i < rs->nlists; i++)
		for (k = 0; k < rs->lists[i].nentries; k++) {
			const struct rule_entry *e = &rs->lists[i].entries[k];

			if (e->category == CAT_SANCTIONS ||
			    e->category == CAT_EMBARGO)
				continue;
			c->entries = xreallocarray(c->entries, c->nentries + 1,
			    sizeof(*c->entries));
			c->entries[c->nentries++] = e;
		}
	c->count = xcalloc(c->nentries * c->nlangs + 1, sizeof(*c->count));
	c->threshold = xcalloc(c->nentries + 1, sizeof(*c->threshold));
	for (n = 0; n < c->nentries; n++) {
		const struct rule_entry *e = c->entries[n];

		for (j = 0; j < e->keywords.n; j++)
			if (rules_keyword_lang(e, j) == NULL)
				c->count[n * c->nlangs + en]++;
		if (e->nparams == 0)
			c->threshold[n] = stated_threshold(e);
	}
	/* Every term written counts, also one another file already gave. */
	for (i = 0; i < rs->nterms; i++) {
		const struct rule_terms *t = rs->terms[i];
		size_t l = coverage_lang(c, t->lang);

		for (k = 0; k < t->nkeys; k++)
			for (n = 0; n < c->nentries &&
			    t->keys[k].part == TERM_PART_TERMS; n++)
				if (c->entries[n] == t->keys[k].entry) {
					c->count[n * c->nlangs + l] +=
					    t->keys[k].terms.n;
					break;
				}
	}
	return c;
}

void
rules_coverage_free(struct coverage *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->nlangs; i++)
		free(c->langs[i]);
	free(c->langs);
	for (i = 0; i < c->nentries; i++)
		free(c->threshold[i]);
	free(c->threshold);
	free(c->entries);
	free(c->count);
	free(c);
}

/*
 * A grade file (top-level key `grades:`, see grades.h): its grades join the
 * ruleset's table.  Returns the error count.
 */
static int
rules_add_grades(struct ruleset *rs, const char *name, const char *data,
    size_t len, const struct ynode *root, struct buf *errs)
{
	char sha[65];
	int n;

	if (rs->grades == NULL)
		rs->grades = grades_new();
	if ((n = grades_add(rs->grades, name, root, errs)) > 0)
		return n;
	util_sha256_hex(data, len, sha);
	record_file(rs, base_name(name), sha, 0);
	return 0;
}

/* Every grade family an entry names must be in the grade table. */
static int
rules_check_grades(struct ruleset *rs, struct buf *errs)
{
	size_t i, k, j;
	int nerr = 0;

	for (i = 0; i < rs->nlists; i++)
		for (k = 0; k < rs->lists[i].nentries; k++) {
			const struct rule_entry *e = &rs->lists[i].entries[k];

			for (j = 0; j < e->grades.n; j++)
				if (!grades_has_family(rs->grades, e->grades.v[j])) {
					buf_printf(errs, "%s:%d: grades: no grade of "
					    "family \"%s\" in the grade table\n",
					    rs->lists[i].file, e->grades.line[j],
					    e->grades.v[j]);
					nerr++;
				}
		}
	return nerr;
}

/* True if entry code <code> is a subparagraph of <parent>: "1C202.a" of "1C202". */
static bool
is_subentry(const char *code, const char *parent)
{
	size_t n = strlen(parent);

	return strncmp(code, parent, n) == 0 && code[n] == '.';
}

/*
 * A term-file key that names a code the list splits into subparagraphs
 * ("nsg/1C202" for 1C202.a and 1C202.b) was resolved to the first of them;
 * its terms, requires and exclusions go to the others too, so that
 * splitting an entry as the law does never loses a language.  Requires are
 * the one exception: a subparagraph the same file gives requires of its own
 * (its own key) keeps only those, since the parent's were written for the
 * first subparagraph and would let its wording ("Roving" of carbon fibre,
 * 1C210.a) satisfy another's requirement (high-strength glass, 1C210.b).
 * own_key() tells whether term file <t> has a key of <part> for <e> itself.
 */
static bool
own_key(const struct rule_terms *t, enum term_part part,
    const struct rule_entry *e)
{
	size_t k;

	for (k = 0; k < t->nkeys; k++)
		if (t->keys[k].part == part && t->keys[k].entry == e &&
		    strcmp(strchr(t->keys[k].key, '/') + 1, e->code) == 0)
			return true;
	return false;
}

static int
terms_share(struct ruleset *rs, struct buf *errs)
{
	size_t i, k, li, x, j, n;
	int nerr = 0;

	for (i = 0; i < rs->nterms; i++) {
		struct rule_terms *t = rs->terms[i];

		for (k = 0; k < t->nkeys; k++) {
			struct term_key *tk = &t->keys[k];
			const char *code = strchr(tk->key, '/') + 1;
			struct rule_list *l;

			if (tk->entry == NULL || strcmp(tk->entry->code, code) == 0)
				continue;
			l = tk->entry->list;
			for (li = 0; li < rs->nlists && &rs->lists[li] != l; li++)
				;
			if (li == rs->nlists)
				continue;
			for (x = 0; x < l->nentries; x++) {
				struct rule_entry *e = &l->entries[x];

				if (e == tk->entry || !is_subentry(e->code, code))
					continue;
				if (tk->part == TERM_PART_REQUIRES &&
				    own_key(t, tk->part, e))
					continue;
				if (tk->part != TERM_PART_TERMS) {
					nerr += terms_add_words(t, tk, e, errs);
					continue;
				}
				for (j = 0; j < tk->terms.n; j++) {
					for (n = 0; n < e->keywords.n; n++)
						if (strcmp(e->keywords.v[n],
						    tk->terms.v[j]) == 0)
							break;
					if (n < e->keywords.n) {
						keyword_also(e, n, t);
						continue;
					}
					keyword_add(e, tk->terms.v[j],
					    tk->terms.line[j], t);
				}
			}
		}
	}
	return nerr;
}
