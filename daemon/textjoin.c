/*
 * Words a goods description writes apart (textjoin.h).
 *
 * A description copied from a PDF or a form keeps its line-end hyphens:
 * "triethano-\nlammonium chloride".  A hyphen right after a letter and
 * followed by white space with a line break in it, then a letter, is a
 * soft hyphen (typography's discretionary hyphen): the hyphen and the
 * white space go, and the word is read whole, when at least
 * TEXTJOIN_MIN_PART letters come before it (a locant such as "N,N-" or
 * "O-" at a line end keeps its hyphen).  A hyphen followed by spaces
 * only is left alone: "mono- and diethanolamine" is two words.
 *
 * A word spelt out letter by letter ("T H I O D I G L Y C O L",
 * "t.h.i.o.d.i.g.l.y.c.o.l") still reads as the word to an officer but not
 * to a term scan.  A run of at least TEXTJOIN_MIN_LETTERS single letters,
 * each one character of a letter script apart from the next by exactly one
 * space, dot, hyphen, underscore or asterisk (the same all along), is read
 * as one word; two separators or more, another one, or a letter that
 * starts a longer word end it, so spelt-out words stay apart
 * ("p h o s p h o r u s   o x y c h l o r i d e").  Shorter runs ("S M L",
 * "N,N") are untouched.
 *
 * The result maps each byte back to the description, so that evidence
 * spans still point at what was written.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "textjoin.h"
#include "xmalloc.h"

/* The letter (any script) at <s>, its length in *<cl>; false otherwise. */
static bool
letter_at(const char *s, size_t n, size_t *cl)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k;
	utf8proc_category_t cat;

	if (n == 0)
		return false;
	if ((unsigned char)s[0] < 0x80) {
		*cl = 1;
		return (s[0] >= 'a' && s[0] <= 'z') ||
		    (s[0] >= 'A' && s[0] <= 'Z');
	}
	k = utf8proc_iterate((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)n, &c);
	if (k <= 0)
		return false;
	*cl = (size_t)k;
	cat = utf8proc_category(c);
	return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

static bool
separator(char c)
{
	return c == ' ' || c == '.' || c == '-' || c == '_' || c == '*';
}

/*
 * At <i>, after a letter: the length of a line-end hyphen with its white
 * space, when a letter follows; 0 otherwise.
 */
static size_t
line_hyphen(const char *s, size_t len, size_t i)
{
	size_t j = i + 1, cl;
	bool br = false;

	if (s[i] != '-')
		return 0;
	while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' ||
	    s[j] == '\n')) {
		if (s[j] == '\n' || s[j] == '\r')
			br = true;
		j++;
	}
	if (!br || !letter_at(s + j, len - j, &cl))
		return 0;
	return j - i;
}

/* A letter or a digit at <s>. */
static bool
word_char(const char *s, size_t n)
{
	size_t cl;

	return (n > 0 && s[0] >= '0' && s[0] <= '9') || letter_at(s, n, &cl);
}

/*
 * At <i>, the start of a word: the number of single letters of a spelt-out
 * run there (0 if it is not one), its end in *<end>.
 */
static size_t
spelt_run(const char *s, size_t len, size_t i, size_t *end)
{
	size_t n = 0, j = i, k, cl;
	char sep = '\0';

	while (letter_at(s + j, len - j, &cl)) {
		k = j + cl;
		/* a letter of a longer word: the run ends before it */
		if (word_char(s + k, len - k))
			break;
		n++;
		*end = k;
		if (k + 1 >= len || !separator(s[k]) ||
		    (sep != '\0' && s[k] != sep) ||
		    !letter_at(s + k + 1, len - k - 1, &cl))
			break;
		sep = s[k];
		j = k + 1;
	}
	return n >= TEXTJOIN_MIN_LETTERS ? n : 0;
}

/* Appends byte <i> of the source to the result, if there is one. */
static void
put(char *out, size_t *map, size_t *o, const char *s, size_t i)
{
	if (out != NULL) {
		out[*o] = s[i];
		map[*o] = i;
	}
	(*o)++;
}

/*
 * One pass over <s>: writes the joined text to <out> and its map to <map>
 * unless <out> is NULL (a first look); returns whether anything is joined
 * and the result's length in *<olen>.
 */
static bool
join_pass(const char *s, size_t len, char *out, size_t *map, size_t *olen)
{
	size_t i = 0, o = 0, cl, end, skip, letters = 0;
	bool changed = false, word_start = true;

	while (i < len) {
		if (word_start && spelt_run(s, len, i, &end) > 0) {
			/* the letters, without what stands between them */
			while (i < end) {
				if (letter_at(s + i, end - i, &cl)) {
					while (cl-- > 0)
						put(out, map, &o, s, i++);
				} else {
					i++;
					changed = true;
				}
			}
			word_start = false;
			letters = 0;
			continue;
		}
		if (letter_at(s + i, len - i, &cl)) {
			while (cl-- > 0)
				put(out, map, &o, s, i++);
			letters++;
			/* not after a one-letter prefix ("N,N-", "O-") */
			if (letters >= TEXTJOIN_MIN_PART && i < len &&
			    (skip = line_hyphen(s, len, i)) > 0) {
				i += skip;
				changed = true;
			}
			word_start = false;
			continue;
		}
		letters = 0;
		word_start = !((unsigned char)s[i] >= 0x80 ||
		    (s[i] >= '0' && s[i] <= '9'));
		put(out, map, &o, s, i++);
	}
	*olen = o;
	return changed;
}

char *
textjoin(const char *s, size_t len, size_t **mapp, size_t *outlen)
{
	char *out;
	size_t *map, n;

	/* Most descriptions have nothing to join: look first. */
	if (!join_pass(s, len, NULL, NULL, &n))
		return NULL;
	out = xmalloc(n + 1);
	map = xreallocarray(NULL, n + 1, sizeof(*map));
	join_pass(s, len, out, map, &n);
	out[n] = '\0';
	map[n] = len;
	*mapp = map;
	*outlen = n;
	return out;
}
