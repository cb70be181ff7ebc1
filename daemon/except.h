/*
 * Exception phrases in goods descriptions: "Vessels, other than warships",
 * "excluding turbo-jets", "ausgenommen", "autres que", "кроме", "除…外".
 * What such a phrase names is declared not to be the goods.  See except.c.
 */
#ifndef CORDON_EXCEPT_H
#define CORDON_EXCEPT_H

#include <stdbool.h>
#include <stddef.h>

/*
 * True if the span [<from>, <to>) of folded text <t> (<len> bytes, see
 * normalize_fold) lies in the scope of an exception phrase.  <orig> is the
 * text that was folded and <map> the fold's byte map into it: the scope
 * ends where the original's punctuation ends a list or a clause (a
 * semicolon, colon, full stop or line end; a bracket closed that held the
 * phrase; a comma after the list's last "and" / "or" item, one before
 * an "and" / "or", or one after which the list never comes to its "and" /
 * "or"); a postposed phrase takes a list before it when an "and" / "or"
 * joins its last item.  The goods named before the phrase ("chemicals other
 * than ...", "warships, other than hulks") are never in it.  Thread-safe.
 */
bool	except_scoped(const char *orig, const char *t, size_t len,
	    const size_t *map, size_t from, size_t to);

/*
 * False if no span of folded <t> (<len> bytes) can be in an exception
 * phrase's scope: the text holds none of the phrases.  One pass over the
 * text; a caller asks it once per text and except_scoped only if true.
 */
bool	except_possible(const char *t, size_t len);

#define EXCEPT_SCOPE_WORDS	12	/* words a phrase reaches after it */
#define EXCEPT_POST_WORDS	4	/* words before a postposed phrase */
#define EXCEPT_HAN_BYTES	36	/* an unspaced 除…外 reaches this far */
#define EXCEPT_LIST_BYTES	96	/* a joined を除く, 以外 after a list */

#endif
