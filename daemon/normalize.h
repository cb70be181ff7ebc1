/*
 * Text folding and code normalisation.  Pure functions: no I/O, no globals
 * that change.  Folding keeps a byte map back to the original text so that
 * every match can report its span in what the customs system sent.
 */
#ifndef CORDON_NORMALIZE_H
#define CORDON_NORMALIZE_H

#include <stdbool.h>
#include <stddef.h>

struct folded {
	char	*text;	/* folded: lowercase Latin letters, digits, single spaces */
	size_t	 len;
	size_t	*map;	/* map[i]: offset in the original of folded byte i;
			 * map[len] is the original length */
	size_t	*emap;	/* emap[i]: offset just past the original character
			 * that produced folded byte i */
};

/*
 * Folds <len> bytes of UTF-8: compatibility decomposition, case folding,
 * accents stripped, Cyrillic and Greek transliterated to Latin, every
 * character that is not a letter or digit turned into one space.  Invalid
 * UTF-8 bytes become spaces.  <out> owns its arrays; free with folded_free.
 */
void	normalize_fold(const char *s, size_t len, struct folded *out);
void	folded_free(struct folded *);

/* Folds <s> and returns the folded text only (caller frees). */
char	*normalize_fold_str(const char *s);

/*
 * HS/CN/TARIC code in any common spelling ("2812.12", "2812 12 00",
 * "28121200") to digits.  Writes up to 10 digits + NUL into <out> and returns
 * 0, or -1 with a static reason in *why.  <minlen> is the fewest digits
 * accepted (4 for declarations, 2 for rule prefixes).
 */
int	normalize_hs(const char *s, int minlen, char out[11], const char **why);

/* True if <cas> is NNNNNNN-NN-N shaped (2-7 digits first). */
bool	normalize_cas_shape(const char *cas);
/* True if <cas> is well shaped and its check digit is right. */
bool	normalize_cas_valid(const char *cas);

struct cas_found {
	char	cas[16];
	size_t	off, len;	/* span in the searched text */
	bool	valid;		/* check digit right */
};

/*
 * Finds CAS-shaped numbers in free text.  Returns the count (at most <max>)
 * written into <found>.
 */
size_t	normalize_find_cas(const char *s, size_t len, struct cas_found *found,
	    size_t max);

#endif
