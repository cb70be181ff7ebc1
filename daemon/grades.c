/*
 * The grade table.  Designations are folded like item text (normalize.c),
 * so "В95Т1", "v95t1" and "V95T1" are one name, and matched as whole
 * words of the folded description; a trailing `*` lets the last word go on
 * with a temper or variant that starts with a digit or a letter and a digit
 * ("7075-T*" finds 7075-T6 and 7075-T651, never "7075 tube").
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grades.h"
#include "normalize.h"
#include "xmalloc.h"
#include "ytree.h"

#define G_STANDARD	9.80665		/* m/s2, for specific modulus and strength */

struct gname {
	char	*folded;
	size_t	 len;
	bool	 stem;		/* trailing `*` */
	bool	 strong;	/* from `names` (evidence), not `weak_names` */
};

struct grade {
	char		*name, *family, *source;
	struct gname	*names;
	size_t		 nnames;
	double		 uts, modulus, density, content;	/* 0: not given */
	bool		 isdefault;	/* the family's figures when no grade is named */
	int		 line;
};

/* A designation by its first folded byte, for one pass over the text. */
struct gref {
	unsigned char	 c;
	unsigned char	 c2;	/* the name's second byte; 0 if it has none */
	size_t		 g, k;	/* grade, name */
};

struct grade_table {
	struct grade	*g;
	size_t		 n;
	struct gref	*refs;		/* every name, sorted by first byte */
	size_t		 nrefs;
	size_t		 start[257];	/* refs[start[c]..start[c + 1]] begin with c */
};

struct gctx {
	const char	*file;
	struct buf	*errs;
	int		 nerr;
};

static void	gerr(struct gctx *, int, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
static void	index_names(struct grade_table *);

struct grade_table *
grades_new(void)
{
	return xcalloc(1, sizeof(struct grade_table));
}

static void
grade_clear(struct grade *g)
{
	size_t k;

	free(g->name);
	free(g->family);
	free(g->source);
	for (k = 0; k < g->nnames; k++)
		free(g->names[k].folded);
	free(g->names);
	memset(g, 0, sizeof(*g));
}

void
grades_free(struct grade_table *gt)
{
	size_t i;

	if (gt == NULL)
		return;
	for (i = 0; i < gt->n; i++)
		grade_clear(&gt->g[i]);
	free(gt->g);
	free(gt->refs);
	free(gt);
}

static void
gerr(struct gctx *c, int line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	buf_printf(c->errs, "%s:%d: %s\n", c->file, line, msg);
	c->nerr++;
}

/*
 * Adds the designations of a `names` list (evidence by themselves) or a
 * `weak_names` list (bare alloy numbers, "Grade 5": their properties count
 * only when a keyword of the entry hit too).
 */
static void
add_names(struct gctx *c, struct grade *g, const struct ynode *v,
    const char *key, bool strong)
{
	size_t i;

	if (v->type != YNODE_SEQ) {
		gerr(c, v->line, "%s: expected a list of designations", key);
		return;
	}
	for (i = 0; i < v->n; i++) {
		const struct ynode *it = v->items[i];
		char *raw, *f;
		size_t l;
		bool stem = false;

		if (it->type != YNODE_SCALAR || it->scalar[0] == '\0') {
			gerr(c, it->line, "%s: expected a designation", key);
			continue;
		}
		raw = xstrdup(it->scalar);
		l = strlen(raw);
		if (l > 0 && raw[l - 1] == '*') {
			stem = true;
			raw[l - 1] = '\0';
		}
		f = normalize_fold_str(raw);
		free(raw);
		l = strlen(f);
		while (l > 0 && f[l - 1] == ' ')
			f[--l] = '\0';
		if (l < 2) {
			gerr(c, it->line, "%s: \"%s\" folds to less than two "
			    "characters", key, it->scalar);
			free(f);
			continue;
		}
		g->names = xreallocarray(g->names, g->nnames + 1,
		    sizeof(*g->names));
		g->names[g->nnames].folded = f;
		g->names[g->nnames].len = l;
		g->names[g->nnames].stem = stem;
		g->names[g->nnames].strong = strong;
		g->nnames++;
		if (strong && g->name == NULL)
			g->name = xstrdup(it->scalar);
	}
}

/* A property "<number> <unit>" of quantity <want>, into *out (base unit). */
static void
property(struct gctx *c, const struct ynode *v, const char *key,
    enum quantity want, double *out)
{
	enum quantity q;
	double d;

	if (v->type != YNODE_SCALAR || param_parse_value(v->scalar, &q, &d)
	    == -1) {
		gerr(c, v->line, "%s: expected a number with a unit", key);
		return;
	}
	if (q != want) {
		gerr(c, v->line, "%s: \"%s\" is not a %s", key, v->scalar,
		    param_quantity_name(want));
		return;
	}
	if (d <= 0) {
		gerr(c, v->line, "%s: must be positive", key);
		return;
	}
	*out = d;
}

static void
parse_grade(struct gctx *c, const struct ynode *n, struct grade *g)
{
	size_t k;

	g->line = n->line;
	for (k = 0; k < n->n; k++) {
		const char *key = n->items[2 * k]->scalar;
		const struct ynode *v = n->items[2 * k + 1];

		if (strcmp(key, "family") == 0 || strcmp(key, "source") == 0 ||
		    strcmp(key, "note") == 0) {
			if (v->type != YNODE_SCALAR || v->scalar[0] == '\0') {
				gerr(c, v->line, "%s: expected a single value", key);
				continue;
			}
			if (key[0] == 'f')
				g->family = xstrdup(v->scalar);
			else if (key[0] == 's')
				g->source = xstrdup(v->scalar);
		} else if (strcmp(key, "names") == 0)
			add_names(c, g, v, key, true);
		else if (strcmp(key, "weak_names") == 0)
			add_names(c, g, v, key, false);
		else if (strcmp(key, "tensile_strength") == 0)
			property(c, v, key, Q_PRESSURE, &g->uts);
		else if (strcmp(key, "modulus") == 0)
			property(c, v, key, Q_PRESSURE, &g->modulus);
		else if (strcmp(key, "density") == 0)
			property(c, v, key, Q_DENSITY, &g->density);
		else if (strcmp(key, "content") == 0)
			property(c, v, key, Q_PERCENT, &g->content);
		else if (strcmp(key, "default") == 0) {
			if (v->type != YNODE_SCALAR || (strcmp(v->scalar, "true") != 0
			    && strcmp(v->scalar, "false") != 0))
				gerr(c, v->line, "default: expected true or false");
			else
				g->isdefault = v->scalar[0] == 't';
		}
		else
			gerr(c, n->items[2 * k]->line, "unknown key \"%s\" in "
			    "grade", key);
	}
	if (g->family == NULL)
		gerr(c, n->line, "grade: family is required");
	else {
		const char *p;

		for (p = g->family; *p; p++)
			if (!islower((unsigned char)*p) && *p != '_')
				break;
		if (*p != '\0')
			gerr(c, n->line, "grade: family \"%s\": lowercase letters "
			    "and _ only", g->family);
	}
	if (g->isdefault && g->nnames > 0)
		gerr(c, n->line, "grade: a family default has no names");
	else if (g->isdefault && g->family != NULL)
		xasprintf(&g->name, "%s (family default)", g->family);
	else if (g->name == NULL)
		gerr(c, n->line, "grade: names (at least one designation) is "
		    "required");
	if (g->source == NULL)
		gerr(c, n->line, "grade %s: source (standard or datasheet) is "
		    "required", g->name ? g->name : "?");
	if (g->uts == 0 && g->modulus == 0 && g->density == 0 &&
	    g->content == 0)
		gerr(c, n->line, "grade %s: states no property", g->name ?
		    g->name : "?");
}

int
grades_add(struct grade_table *gt, const char *name, const struct ynode *root,
    struct buf *errs)
{
	struct gctx c = { name, errs, 0 };
	const struct ynode *list;
	struct grade *tmp;
	size_t i, k, ntmp = 0;

	for (k = 0; k < root->n; k++)
		if (strcmp(root->items[2 * k]->scalar, "grades") != 0)
			gerr(&c, root->items[2 * k]->line, "unknown top-level key "
			    "\"%s\" in a grade file", root->items[2 * k]->scalar);
	list = ynode_get(root, "grades");
	if (list == NULL || list->type != YNODE_SEQ) {
		gerr(&c, list ? list->line : root->line, "grades: a list is "
		    "required");
		return c.nerr;
	}
	tmp = xcalloc(list->n + 1, sizeof(*tmp));
	for (i = 0; i < list->n; i++) {
		if (list->items[i]->type != YNODE_MAP) {
			gerr(&c, list->items[i]->line, "grades: each grade is a "
			    "mapping");
			continue;
		}
		parse_grade(&c, list->items[i], &tmp[ntmp++]);
	}
	if (c.nerr > 0) {
		for (i = 0; i < ntmp; i++)
			grade_clear(&tmp[i]);
		free(tmp);
		return c.nerr;
	}
	gt->g = xreallocarray(gt->g, gt->n + ntmp, sizeof(*gt->g));
	memcpy(gt->g + gt->n, tmp, ntmp * sizeof(*tmp));
	gt->n += ntmp;
	free(tmp);
	index_names(gt);
	return 0;
}

static int
gref_cmp(const void *a, const void *b)
{
	const struct gref *x = a, *y = b;

	if (x->c != y->c)
		return x->c < y->c ? -1 : 1;
	if (x->g != y->g)
		return x->g < y->g ? -1 : 1;
	return x->k < y->k ? -1 : x->k > y->k;
}

/* Rebuilds the first-byte index over every name of the table. */
static void
index_names(struct grade_table *gt)
{
	size_t i, k, n = 0, c;

	for (i = 0; i < gt->n; i++)
		n += gt->g[i].nnames;
	free(gt->refs);
	gt->refs = xcalloc(n + 1, sizeof(*gt->refs));
	gt->nrefs = 0;
	for (i = 0; i < gt->n; i++)
		for (k = 0; k < gt->g[i].nnames; k++) {
			gt->refs[gt->nrefs].c =
			    (unsigned char)gt->g[i].names[k].folded[0];
			gt->refs[gt->nrefs].c2 = gt->g[i].names[k].len >= 2 ?
			    (unsigned char)gt->g[i].names[k].folded[1] : 0;
			gt->refs[gt->nrefs].g = i;
			gt->refs[gt->nrefs].k = k;
			gt->nrefs++;
		}
	qsort(gt->refs, gt->nrefs, sizeof(*gt->refs), gref_cmp);
	for (c = 0, k = 0; c < 257; c++) {
		while (k < gt->nrefs && gt->refs[k].c < c)
			k++;
		gt->start[c] = k;
	}
}

size_t
grades_count(const struct grade_table *gt)
{
	return gt ? gt->n : 0;
}

bool
grades_has_family(const struct grade_table *gt, const char *family)
{
	size_t i;

	for (i = 0; gt && i < gt->n; i++)
		if (strcmp(gt->g[i].family, family) == 0)
			return true;
	return false;
}

bool
grades_default(const struct grade_table *gt, const char *family, size_t *g)
{
	size_t i;

	for (i = 0; gt && i < gt->n; i++)
		if (gt->g[i].isdefault && strcmp(gt->g[i].family, family) == 0) {
			*g = i;
			return true;
		}
	return false;
}

const char *
grades_name(const struct grade_table *gt, size_t g)
{
	return gt->g[g].name;
}

const char *
grades_family(const struct grade_table *gt, size_t g)
{
	return gt->g[g].family;
}

const char *
grades_source(const struct grade_table *gt, size_t g)
{
	return gt->g[g].source;
}

static bool
alnum_at(const char *t, size_t len, size_t i)
{
	return i < len && (islower((unsigned char)t[i]) ||
	    isdigit((unsigned char)t[i]));
}

/*
 * End of a stem's extension at <e>: nothing, or a run of letters and digits
 * that starts with a digit or with one letter and a digit (a temper or
 * variant: "51" of T651, "t4" of 2A12T4), never a word ("ube" of tube).
 * Returns the end, or 0 if the text goes on with a word.
 */
static size_t
stem_end(const struct folded *f, size_t e)
{
	if (!alnum_at(f->text, f->len, e))
		return e;
	if (!isdigit((unsigned char)f->text[e]) && !(e + 1 < f->len &&
	    isdigit((unsigned char)f->text[e + 1])))
		return 0;
	while (alnum_at(f->text, f->len, e))
		e++;
	return e;
}

/*
 * True if name <n> occurs at <at> as a whole word (a stem with its
 * extension); *end gets the end of the designation.
 */
static bool
name_at(const struct folded *f, size_t at, const struct gname *n,
    size_t *end)
{
	size_t e = at + n->len;

	if (e > f->len || memcmp(f->text + at, n->folded, n->len) != 0)
		return false;
	if (n->stem) {
		if ((e = stem_end(f, e)) == 0)
			return false;
	} else if (alnum_at(f->text, f->len, e))
		return false;
	*end = e;
	return true;
}

size_t
grades_find(const struct grade_table *gt, const struct folded *f,
    struct grade_hit *out, size_t max)
{
	size_t p, r, count = 0, e, h;

	if (gt == NULL)
		return 0;
	/* One pass over the word starts; per grade the first hit, strong first. */
	for (p = 0; p < f->len; p++) {
		unsigned char c = (unsigned char)f->text[p];

		if (!alnum_at(f->text, f->len, p) || (p > 0 &&
		    alnum_at(f->text, f->len, p - 1)))
			continue;
		for (r = gt->start[c]; r < gt->start[c + 1]; r++) {
			const struct gref *ref = &gt->refs[r];
			const struct gname *n;

			/* Most names part at their second byte. */
			if (ref->c2 != 0 && (p + 1 >= f->len ||
			    (unsigned char)f->text[p + 1] != ref->c2))
				continue;
			n = &gt->g[ref->g].names[ref->k];
			if (!name_at(f, p, n, &e))
				continue;
			for (h = 0; h < count; h++)
				if (out[h].grade == ref->g)
					break;
			if (h < count && (out[h].strong || !n->strong))
				continue;
			if (h == count) {
				if (count == max)
					continue;
				count++;
			}
			out[h].grade = ref->g;
			out[h].strong = n->strong;
			out[h].off = f->map[p];
			out[h].len = f->emap[e - 1] - f->map[p];
		}
	}
	return count;
}

static size_t
put(struct pvalue *out, size_t n, size_t max, const struct grade_hit *h,
    enum quantity q, enum prole role, double v)
{
	if (n >= max || v <= 0)
		return n;
	out[n].q = q;
	out[n].role = role;
	out[n].cmp = PCMP_EQ;
	out[n].v = v;
	out[n].off = h->off;
	out[n].len = h->len;
	out[n].grade = h->grade + 1;
	return n + 1;
}

size_t
grades_values(const struct grade_table *gt, const struct grade_hit *h,
    struct pvalue *out, size_t max)
{
	const struct grade *g = &gt->g[h->grade];
	size_t n = 0;

	n = put(out, n, max, h, Q_PRESSURE, R_TENSILE_STRENGTH, g->uts);
	n = put(out, n, max, h, Q_PRESSURE, R_MODULUS, g->modulus);
	n = put(out, n, max, h, Q_DENSITY, R_NONE, g->density);
	n = put(out, n, max, h, Q_PERCENT, R_NONE, g->content);
	if (g->density > 0) {
		n = put(out, n, max, h, Q_SPEC_MODULUS, R_NONE, g->modulus /
		    (g->density * G_STANDARD));
		n = put(out, n, max, h, Q_SPEC_STRENGTH, R_NONE, g->uts /
		    (g->density * G_STANDARD));
	}
	return n;
}
