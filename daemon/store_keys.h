/*
 * The queue's search keys (declarations.search_keys,
 * schemas/0019_search_keys.sql): the distinct words of a declaration's
 * search text, folded as screening folds text (normalize_fold: case,
 * accents, other scripts transliterated, every character that is not a
 * letter or digit a space), written as a tsvector for a GIN index of about
 * twenty keys a declaration instead of the trigram index's hundred and
 * more.  An officer's search term goes through the same fold and becomes
 * a tsquery of word prefixes; the queue then checks the term with ILIKE
 * on the search text itself, so the keys only narrow the rows down.
 * Pure functions: no I/O, no globals.
 */
#ifndef CORDON_STORE_KEYS_H
#define CORDON_STORE_KEYS_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

/* Longest key, in bytes (a longer word is cut at a character boundary). */
#define STORE_KEY_MAX		64
/* Largest tsvector text sent; beyond it the row goes without keys. */
#define STORE_KEYS_MAX		65536

/*
 * Appends to <b> the tsvector text of the distinct folded words of the
 * <len> bytes of <text> ("'acme' 'trading'", sorted).  False, with <b> as
 * it was, when the keys would exceed STORE_KEYS_MAX: the row then goes
 * with NULL keys and the trigram index covers it.  No words: true, and
 * an empty tsvector text.
 */
bool	store_search_keys(struct buf *b, const char *text, size_t len);

/*
 * Appends to <b> the tsquery text that an officer's search term <term>
 * needs of the keys: every folded word of the term as a prefix
 * ("'acme':* & 'tr':*").  False, with <b> as it was, when the term has no
 * word (only punctuation, say): the queue then checks every row.
 */
bool	store_search_query(struct buf *b, const char *term);

#endif
