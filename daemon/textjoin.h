/*
 * Words a goods description writes apart, read whole before folding:
 * a word broken at a line end by a hyphen ("triethano-\nlammonium"), and a
 * word spelt out letter by letter ("T H I O D I G L Y C O L",
 * "t.h.i.o.d.i.g.l.y.c.o.l").  See textjoin.c.
 */
#ifndef TEXTJOIN_H
#define TEXTJOIN_H

#include <stddef.h>

/*
 * The <len> bytes of UTF-8 at <s> with those words joined, or NULL when
 * nothing is joined.  Otherwise the result is NUL-terminated, *<outlen>
 * bytes long, and *<map> (caller frees, with the result) gives for each of
 * its bytes the offset of that byte in <s>; map[*outlen] is <len>.
 */
char	*textjoin(const char *s, size_t len, size_t **map, size_t *outlen);

#define TEXTJOIN_MIN_LETTERS	4	/* letters of a spelt-out word */
#define TEXTJOIN_MIN_PART	2	/* letters before a line-end hyphen */

#endif
