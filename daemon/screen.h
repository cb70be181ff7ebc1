/*
 * Screening: a declaration and a matcher in, a result with alerts and their
 * evidence out.  The heart of Cordon; pure (no I/O, no globals), so that the
 * daemon, cordonctl and the unit tests run the very same code.
 */
#ifndef CORDON_SCREEN_H
#define CORDON_SCREEN_H

#include <jansson.h>

#include "decl.h"
#include "match.h"

/*
 * Screens <d> against <m>.  <list_version> is copied into the result.  <sc>
 * may be NULL (single-threaded callers).  Returns a new JSON object shaped as
 * the API's screening result, without ids (see screen_assign_ids); the
 * caller owns it.
 */
json_t	*screen_decl(const struct matcher *m, struct match_scratch *sc,
	    const struct decl *d, const char *list_version);

struct screen_opts {
	double	party_threshold;	/* 0..1; name similarity for a party hit */
};

/* screen_decl with explicit options; <o> NULL means the defaults. */
json_t	*screen_decl_opts(const struct matcher *m, struct match_scratch *sc,
	    const struct decl *d, const char *list_version,
	    const struct screen_opts *o);

/* Gives the result and each alert a fresh UUIDv7 "id". */
void	 screen_assign_ids(json_t *result);

#endif
