/*
 * Screening: a declaration and a matcher in, a typed result with alerts and
 * their evidence out.  The heart of Cordon; pure (no I/O, no globals), so
 * that the daemon, cordonctl and the unit tests run the very same code.
 * The result is turned into JSON once, at the edge, by result.c.
 */
#ifndef CORDON_SCREEN_H
#define CORDON_SCREEN_H

#include <limits.h>
#include <stddef.h>

#include <jansson.h>

#include "decl.h"
#include "match.h"
#include "words.h"

/* An absent integer (a declaration-level alert has no item_seq). */
#define SCREEN_NONE	INT_MIN

/*
 * The evidence of one hit, in the order the JSON shows it.  Adding a field
 * to a hit is one line here, then setting it where the hit is made: the
 * struct member, its JSON member (result.c) and its free come from this
 * list.  Kinds: T text (owned, omitted when NULL), C category, P span (two
 * byte offsets into the field's text), N number (omitted when NaN), X a
 * JSON object made by another module, whose members are written into the
 * hit (owned text, omitted when NULL).
 */
#define SCREEN_HIT_FIELDS(T, C, P, N, X)				\
	T(rule) T(list) T(entry) T(title) C(category) T(reason) T(field)	\
	T(match) P(span) T(explanation)					\
	T(language)		/* keyword hits from a term file */	\
	/* party hits; party_evidence: party_hit_json() */		\
	T(listed_name) T(matched_name) T(role) N(similarity)		\
	X(party_evidence)

/*
 * A finding: something screening reports without raising an alert (a CAS
 * number whose check digit fails, an unknown HS code).  Kinds: I integer
 * (omitted when SCREEN_NONE), T text (owned, omitted when NULL).
 */
#define SCREEN_FINDING_FIELDS(I, T)					\
	I(item_seq) T(field) T(kind) T(value) T(message)

#define SCREEN_T_(n)	char *n;
#define SCREEN_C_(n)	enum category n;
#define SCREEN_P_(n)	size_t n[2];
#define SCREEN_N_(n)	double n;
#define SCREEN_I_(n)	int n;

struct screen_hit {
	SCREEN_HIT_FIELDS(SCREEN_T_, SCREEN_C_, SCREEN_P_, SCREEN_N_, SCREEN_T_)
};

struct screen_finding {
	SCREEN_FINDING_FIELDS(SCREEN_I_, SCREEN_T_)
};

/* A growable array of hits; screen_hits_free frees the hits too. */
struct screen_hits {
	struct screen_hit	*v;
	size_t			 n, cap;
};

struct screen_alert {
	char			 id[37];	/* "" until screen_result_ids */
	int			 item_seq;	/* SCREEN_NONE: the declaration */
	enum severity		 severity;
	int			 score;		/* 1..99 */
	enum category		 category;
	struct screen_hits	 hits;
	/* What a suppression recognises an item alert by (see screen.c). */
	char			 fingerprint[65];	/* "" for none */
	char			**entries;	/* sorted "list/entry" codes */
	size_t			 nentries;
	/* Set by storage (suppressions); ALERT_OPEN until then. */
	enum alert_status	 status;
	long long		 suppression_id;	/* 0: none */
};

struct screen_result {
	char			 id[37];	/* "" until screen_result_ids */
	char			*reference;
	char			*type;		/* the declaration's type */
	char			*list_version;
	enum verdict		 verdict;
	struct screen_alert	*alerts;
	size_t			 nalerts;
	struct screen_finding	*findings;
	size_t			 nfindings, capfindings;
};

struct screen_opts {
	double	party_threshold;	/* 0..1; name similarity for a party hit */
};

/*
 * Screens <d> against <m>.  <sc> may be NULL (single-threaded callers);
 * threads each pass a scratch of their own.  <list_version> is copied; <o>
 * NULL means the defaults.  Returns a new result without ids; the caller
 * frees it with screen_result_free.
 */
struct screen_result *screen_run(const struct matcher *m,
	    struct match_scratch *sc, const struct decl *d,
	    const char *list_version, const struct screen_opts *o);
void	 screen_result_free(struct screen_result *);
/* Appends a finding to <r>; <item_seq> may be SCREEN_NONE, <value> NULL. */
void	 screen_finding_add(struct screen_result *r, int item_seq,
	    const char *field, const char *kind, const char *value,
	    const char *message);
/* Gives the result and each alert a fresh UUIDv7. */
void	 screen_result_ids(struct screen_result *);

/* Appends a copy of <h> to <hs> (the strings are duplicated). */
void	 screen_hits_add(struct screen_hits *hs, const struct screen_hit *h);
void	 screen_hits_free(struct screen_hits *);

/*
 * The same as JSON (the API's screening result, without ids; see
 * screen_assign_ids), for callers that want the document: cordonctl and
 * the tests.  The caller owns it.
 */
json_t	*screen_decl(const struct matcher *m, struct match_scratch *sc,
	    const struct decl *d, const char *list_version);
json_t	*screen_decl_opts(const struct matcher *m, struct match_scratch *sc,
	    const struct decl *d, const char *list_version,
	    const struct screen_opts *o);
/* Gives a JSON result and each of its alerts a fresh UUIDv7 "id". */
void	 screen_assign_ids(json_t *result);

#endif
