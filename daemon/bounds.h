/*
 * Bounded work per request: how much one declaration may ask of screening
 * (parties, transit countries, documents and CAS numbers per item, hits per
 * item, alerts per declaration), and how many requests one token may have
 * in flight.  Past a bound the request is refused with the field named;
 * nothing is stored.  Pure, but for the in-flight table, which lives on
 * the loop thread.
 */
#ifndef CORDON_BOUNDS_H
#define CORDON_BOUNDS_H

#include <stdbool.h>
#include <stddef.h>

#include "conf.h"
#include "decl.h"
#include "screen.h"

struct bounds {
	long	parties, transit, documents, cas, hits, alerts;
};

/* One refused field: a domain outcome; api.c turns it into a 422. */
struct field_error {
	char	field[64];
	char	message[160];
};

struct field_errors {
	struct field_error	*v;
	size_t			 n;
};

/* The bounds of <c> (max_parties, max_transit, ...). */
void	bounds_from_conf(struct bounds *b, const struct conf *c);
/*
 * Checks a parsed declaration (before screening).  Returns the number of
 * refused fields, each appended to <errs> (caller frees with
 * field_errors_free).
 */
size_t	bounds_check_decl(const struct bounds *b, const struct decl *d,
	    struct field_errors *errs);
/* Checks what screening found: hits per item, alerts per declaration. */
size_t	bounds_check_result(const struct bounds *b, const struct decl *d,
	    const struct screen_result *r, struct field_errors *errs);
void	field_errors_free(struct field_errors *);

/* Requests in flight per token name (loop thread only). */
struct inflight_entry;
struct inflight_table {
	struct inflight_entry	*v;
	size_t			 n, cap;
};

/* Takes one slot for <name>; false when it has <max> already. */
bool	bounds_take(struct inflight_table *t, const char *name, long max);
/* Gives back a slot taken by bounds_take. */
void	bounds_release(struct inflight_table *t, const char *name);
/* Slots held by <name>. */
long	bounds_held(const struct inflight_table *t, const char *name);
void	bounds_table_free(struct inflight_table *t);

#endif
