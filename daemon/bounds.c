/*
 * The bounds of one request.  Screening cost grows with parties (fuzzy
 * search each), transit countries, documents and CAS numbers per item, and
 * an answer grows with hits: past the settings a declaration is refused
 * with 422 before it costs more.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bounds.h"
#include "xmalloc.h"

struct inflight_entry {
	char	*name;
	long	 n;
};

void
bounds_from_conf(struct bounds *b, const struct conf *c)
{
	b->parties = c->max_parties;
	b->transit = c->max_transit;
	b->documents = c->max_documents;
	b->cas = c->max_cas;
	b->hits = c->max_hits_per_item;
	b->alerts = c->max_alerts;
}

static void
refuse(struct field_errors *errs, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
refuse(struct field_errors *errs, const char *field, const char *fmt, ...)
{
	struct field_error *e;
	va_list ap;

	errs->v = xreallocarray(errs->v, errs->n + 1, sizeof(*errs->v));
	e = &errs->v[errs->n++];
	snprintf(e->field, sizeof(e->field), "%s", field);
	va_start(ap, fmt);
	vsnprintf(e->message, sizeof(e->message), fmt, ap);
	va_end(ap);
}

size_t
bounds_check_decl(const struct bounds *b, const struct decl *d,
    struct field_errors *errs)
{
	char field[64];
	size_t i, n0 = errs->n;

	if ((long)d->nparties > b->parties)
		refuse(errs, "parties", "at most %ld parties (max_parties); "
		    "this declaration has %zu", b->parties, d->nparties);
	if ((long)d->ntransit > b->transit)
		refuse(errs, "route.transit", "at most %ld transit countries "
		    "(max_transit); this declaration has %zu", b->transit,
		    d->ntransit);
	for (i = 0; i < d->nitems; i++) {
		if ((long)d->items[i].ndocuments > b->documents) {
			snprintf(field, sizeof(field), "items[%zu].documents", i);
			refuse(errs, field, "at most %ld documents per item "
			    "(max_documents)", b->documents);
		}
		if ((long)d->items[i].ncas > b->cas) {
			snprintf(field, sizeof(field), "items[%zu].cas", i);
			refuse(errs, field, "at most %ld CAS numbers per item "
			    "(max_cas)", b->cas);
		}
	}
	return errs->n - n0;
}

size_t
bounds_check_result(const struct bounds *b, const struct decl *d,
    const struct screen_result *r, struct field_errors *errs)
{
	char field[64];
	size_t i, k, n0 = errs->n;

	if ((long)r->nalerts > b->alerts)
		refuse(errs, "items", "screening raised %zu alerts, more than "
		    "max_alerts (%ld): split the declaration", r->nalerts,
		    b->alerts);
	for (i = 0; i < r->nalerts; i++) {
		const struct screen_alert *a = &r->alerts[i];

		if (a->item_seq == SCREEN_NONE || (long)a->hits.n <= b->hits)
			continue;
		for (k = 0; k < d->nitems; k++)
			if (d->items[k].seq == a->item_seq)
				break;
		snprintf(field, sizeof(field), "items[%zu].description", k);
		refuse(errs, field, "screening found %zu hits in this item, "
		    "more than max_hits_per_item (%ld): split the item",
		    a->hits.n, b->hits);
	}
	return errs->n - n0;
}

void
field_errors_free(struct field_errors *errs)
{
	free(errs->v);
	errs->v = NULL;
	errs->n = 0;
}

static struct inflight_entry *
find(const struct inflight_table *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->v[i].name, name) == 0)
			return &t->v[i];
	return NULL;
}

bool
bounds_take(struct inflight_table *t, const char *name, long max)
{
	struct inflight_entry *e = find(t, name);

	if (e == NULL) {
		if (t->n == t->cap) {
			t->cap = t->cap ? t->cap * 2 : 8;
			t->v = xreallocarray(t->v, t->cap, sizeof(*t->v));
		}
		e = &t->v[t->n++];
		e->name = xstrdup(name);
		e->n = 0;
	}
	if (e->n >= max)
		return false;
	e->n++;
	return true;
}

void
bounds_release(struct inflight_table *t, const char *name)
{
	struct inflight_entry *e;

	if (name == NULL || (e = find(t, name)) == NULL || e->n == 0)
		return;
	/* Entries at zero go, so the table holds only active tokens. */
	if (--e->n == 0) {
		free(e->name);
		*e = t->v[--t->n];
	}
}

long
bounds_held(const struct inflight_table *t, const char *name)
{
	struct inflight_entry *e = find(t, name);

	return e ? e->n : 0;
}

void
bounds_table_free(struct inflight_table *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->v[i].name);
	free(t->v);
	t->v = NULL;
	t->n = t->cap = 0;
}
