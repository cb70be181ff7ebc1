/*
 * Spelling variants of keyword terms: typing errors, joined and split
 * words.  The matcher finds terms as written; this index finds them as
 * customs declarations often misspell them: "thionyl chlorid",
 * "phosphorous trichloride", "PHOSPHORUSTRICHLORIDE", "tri ethanol amine",
 * "P Cl3".  Pure: no I/O, no globals.
 *
 * Built in phases like the matcher: spell_add() every term, spell_prepare()
 * once, then spell_search() only reads and may run on several threads.
 */
#ifndef CORDON_SPELL_H
#define CORDON_SPELL_H

#include <stddef.h>

enum spell_how {
	SPELL_TYPO,	/* one letter inserted, dropped or two swapped */
	SPELL_JOINED,	/* the term's words written as one */
	SPELL_SPLIT,	/* a word of the term written in pieces */
};

struct spell;

struct spell	*spell_new(void);
/*
 * Adds term <id>, folded (see normalize.h), words separated by one space;
 * <stem> if the last word is a stem (matches any word it begins).  Terms
 * outside ASCII letters and digits, and terms too short to be told from
 * other words, get no variants.
 */
void		 spell_add(struct spell *, unsigned id, const char *folded,
		    int stem);
void		 spell_prepare(struct spell *);
void		 spell_free(struct spell *);

/*
 * Calls <cb> for every variant of a term found in folded <text>, with the
 * folded span [from, to).  Exact occurrences are not reported (the matcher
 * finds those); a caller should also drop variants that overlap an exact
 * occurrence of another term.
 */
typedef void (*spell_cb)(unsigned id, size_t from, size_t to,
    enum spell_how how, void *arg);
void		 spell_search(const struct spell *, const char *text,
		    size_t len, spell_cb cb, void *arg);

#endif
