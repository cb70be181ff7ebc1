/*
 * The declaration model: JSON in, struct decl out, with every contract
 * violation reported by field path.  Pure: no I/O.
 */
#ifndef CORDON_DECL_H
#define CORDON_DECL_H

#include <stddef.h>

#include <jansson.h>

#include "words.h"

struct decl_party {
	const char	*role, *name, *country, *address, *id;	/* borrowed from raw */
};

struct decl_item {
	int		  seq;
	char		  hs[11];		/* digits */
	const char	 *hs_raw;
	const char	 *description;
	const char	**cas;		/* read as NNNNNNN-NN-N (check digit
					 * not verified) */
	size_t		 *cas_pos;	/* cas[i] is element cas_pos[i] of the
					 * item's "cas" (unreadable ones left
					 * out, reported as findings) */
	size_t		  ncas;
	const char	**documents;
	size_t		  ndocuments;
	const char	 *origin;
};

struct decl {
	json_t			*raw;		/* owned; strings below borrow from it */
	json_t			*warnings;	/* accepted oddities, reported as findings */
	const char		*reference, *type, *lodged_at, *customs_office;
	/* "function": original (default), amendment (supersedes the stored
	 * version of the reference), cancellation (needs no goods or type) */
	enum decl_function	  function;
	const char		*dispatch, *destination;
	const char		**transit;
	size_t			  ntransit;
	struct decl_party	*parties;
	size_t			  nparties;
	struct decl_item	*items;
	size_t			  nitems;
	char			**owned;	/* normalised values (CAS, countries) */
	size_t			  nowned;
};

/*
 * Parses bytes.  Returns the declaration (caller frees with decl_free), or
 * NULL with *errp set to a JSON error body (caller decrefs) and *statusp to
 * 400 (not JSON; the body names the byte offset) or 422 (contract violations
 * of required fields, every field path listed).  Malformed optional values
 * and strings that hide characters become d->warnings (findings).
 */
struct decl	*decl_parse(const char *data, size_t len, json_t **errp,
		    int *statusp);
/* Same from an already decoded object; takes a reference of its own. */
struct decl	*decl_from_json(json_t *root, json_t **errp, int *statusp);
/*
 * Same with flags.  DECL_ITEM_CODE_OPTIONAL accepts items without hs_code or
 * description (WCO simplified declarations and amendments leave them out)
 * and reports each as a finding.
 */
#define DECL_ITEM_CODE_OPTIONAL	0x1
/*
 * DECL_GOODS_OPTIONAL accepts a declaration without items or type: a WCO
 * cancellation, or an amendment of header data only.  d->type may then be
 * NULL and d->nitems 0.
 */
#define DECL_GOODS_OPTIONAL	0x2
struct decl	*decl_from_json_flags(json_t *root, int flags, json_t **errp,
		    int *statusp);
void		 decl_free(struct decl *);

/*
 * A header-only amendment (no goods items) applied to the stored body of
 * the version it amends: the goods items are the stored version's; every
 * other field the amendment carries replaces the stored one, a party
 * replaces the stored parties of its role, a route key the stored key; what
 * the amendment leaves out is kept.  "goods_from" names the stored version
 * (<stored_id>, <stored_version>).  Returns a new object the caller owns,
 * or NULL when either is not an object.  Pure.
 */
json_t		*decl_merge_goods(json_t *amendment, json_t *stored,
		    const char *stored_id, int stored_version);

/* Canonical form for idempotency: sorted keys, compact.  Caller frees. */
char		*decl_canonical(const struct decl *);
/* The hex SHA-256 of decl_canonical()'s text, without building the text. */
void		 decl_canonical_sha256(const struct decl *, char out[65]);

#endif
