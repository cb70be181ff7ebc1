/*
 * The matcher: everything a ruleset needs at screening time, compiled once
 * and then immutable and shared.  Keywords run through one vectorscan
 * database over folded text; HS prefixes sit in a decimal trie; CAS numbers
 * in a sorted table.  Pure: no I/O, no globals.
 *
 * Built in phases: match_new() takes the ruleset's terms, match_prepare()
 * compiles them, the search functions then only read.  One matcher's scratch
 * space serves one thread at a time: callers that screen on several threads
 * each use match_scratch_new().
 */
#ifndef CORDON_MATCH_H
#define CORDON_MATCH_H

#include <stddef.h>

#include "rules.h"
#include "util.h"

enum term_kind {
	TERM_KEYWORD,
	TERM_EXCLUDE,
	TERM_REQUIRES,
	TERM_EXEMPT,		/* an `exempt` word: excludes at any quantity */
};

struct mword;

struct mterm {
	const struct rule_entry	*entry;		/* borrowed from the ruleset */
	size_t			 eidx;		/* global entry index */
	enum term_kind		 kind;
	size_t			 idx;		/* index in the entry's strv */
	int			 stem;		/* last word is a stem */
	int			 is_regex;	/* written as re:... */
	int			 is_phrase_re;	/* a phrase with an inner stem */
	int			 spaces;	/* word breaks its match spans */
	const struct inflect	*infl;		/* endings its last word may take */
	char			*infl_end;	/* the ending its stem left out */
	unsigned char		 compound;	/* MATCH_COMPOUND_* */
	struct mword		*inner;		/* inner words that decline too */
	size_t			 ninner;
};

/* A term's word may end a compound ("Hochleistungs|zentrifuge"). */
#define MATCH_COMPOUND_HEAD	0x01
/* A term's word may begin a compound ("Zentrifugen|rotor"). */
#define MATCH_COMPOUND_MOD	0x02

struct hs_hit {
	size_t	eidx;		/* global entry index */
	int	digits;		/* length of the matched prefix */
	int	context;	/* from hs_context rather than hs */
};

struct inflect;
struct matcher;
struct match_scratch;

/* Collects the terms of <rs> (borrowed: it must outlive the matcher). */
struct matcher	*match_new(const struct ruleset *rs);
/* Compiles; returns 0 or -1 with "file:line: why" lines appended to <errs>. */
int		 match_prepare(struct matcher *, struct buf *errs);
void		 match_free(struct matcher *);

size_t			 match_nentries(const struct matcher *);
const struct ruleset	*match_ruleset(const struct matcher *);
const struct rule_entry	*match_entry(const struct matcher *, size_t eidx);
const struct mterm	*match_term(const struct matcher *, unsigned id);

struct match_scratch	*match_scratch_new(const struct matcher *);
void			 match_scratch_free(struct match_scratch *);
/*
 * A caller's workspace kept with a scratch (one per thread and rule set)
 * and freed with it by <freefn>: screening keeps its table of evidence per
 * entry there rather than allocate one for every declaration.  Setting
 * another frees the one before.
 */
void	*match_scratch_workspace(struct match_scratch *);
void	 match_scratch_set_workspace(struct match_scratch *, void *,
	    void (*freefn)(void *));

/*
 * Calls <cb> for every term occurrence in <text> (folded, see normalize.h)
 * with the term id and the folded span [from, to).  A stem's span runs to the
 * end of its word.  Returns 0, or -1 if the scan failed.  <sc> may be NULL to
 * use the matcher's own scratch (single-threaded callers).
 */
typedef void (*match_cb)(unsigned id, size_t from, size_t to, void *arg);
int	match_terms(const struct matcher *, struct match_scratch *sc,
	    const char *text, size_t len, match_cb cb, void *arg);

/* Entries whose HS prefixes cover the code <digits>; returns the count. */
size_t	match_hs(const struct matcher *, const char *digits,
	    struct hs_hit *out, size_t max);

/* Entries listing CAS number <cas>; returns the count of entry indexes. */
size_t	match_cas(const struct matcher *, const char *cas, size_t *out,
	    size_t max);

#endif
