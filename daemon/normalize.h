/*
 * Text folding and code normalisation.  Pure functions: no I/O, no globals
 * that change.  Folding keeps a byte map back to the original text so that
 * every match can report its span in what the customs system sent.
 */
#ifndef CORDON_NORMALIZE_H
#define CORDON_NORMALIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * What folding had to undo, by class: the tricks that hide a term from a
 * reader or a matcher.  cp[] holds the first distinct code points involved.
 */
#define NORM_INVISIBLE	0x01	/* default-ignorable code point inside a word
				 * (ZWSP, ZWJ/ZWNJ, soft hyphen, word joiner,
				 * BOM, variation selector), or a tag character */
#define NORM_LOOKALIKE	0x02	/* Cyrillic, Greek... letter imitating Latin */
#define NORM_BIDI	0x04	/* bidirectional control (LRO, RLO, RLI...) */
#define NORM_CONTROL	0x08	/* C0/C1 control but tab, line feed, CR */
#define NORM_REPORT_MAX	8

struct norm_report {
	unsigned	flags;		/* NORM_* */
	uint32_t	cp[NORM_REPORT_MAX];
	size_t		ncp;
};

struct folded {
	char	*text;	/* folded: lowercase Latin letters, digits, single spaces */
	size_t	 len;
	size_t	*map;	/* map[i]: offset in the original of folded byte i;
			 * map[len] is the original length */
	size_t	*emap;	/* emap[i]: offset just past the original character
			 * that produced folded byte i */
	struct norm_report rep;	/* tricks undone while folding */
};

/*
 * Folds <len> bytes of UTF-8: compatibility decomposition (full-width and
 * half-width forms, CJK compatibility characters), case folding, accents
 * stripped (but kana voicing marks kept), digits of every script read as
 * 0-9, Cyrillic, Greek and Arabic transliterated to Latin, every character
 * that is not a letter or digit turned into one space.  Default-ignorable
 * and control code points vanish without a space; look-alike letters inside
 * a Latin word become the Latin letter.  Invalid UTF-8 bytes become spaces.
 * <out> owns its arrays; free with folded_free.  Thread-safe.
 */
void	normalize_fold(const char *s, size_t len, struct folded *out);
void	folded_free(struct folded *);

/* Folds <s> and returns the folded text only (caller frees). */
char	*normalize_fold_str(const char *s);
/*
 * A word table folded once, as the text it is looked for in: its words,
 * their lengths, and a hash of them for whole-word lookups.  Built once,
 * read by any thread; the word tables' sets live as long as the process.
 */
struct foldset {
	char		**word;		/* NULL-terminated */
	size_t		 *len;
	size_t		  n;
	uint32_t	 *slot;		/* a word's index + 1; 0 empty */
	size_t		  mask;
	size_t		  maxlen;
};
/* Each word of the NULL-terminated <list> folded, as a new set. */
struct foldset	*normalize_fold_set(const char *const *list);
/* A set of the <n> words of <words>, already folded; takes them and the
 * array (allocated). */
struct foldset	*foldset_of(char **words, size_t n);
void		 foldset_free(struct foldset *);
/* The index of the <n> bytes at <w> among <fs>'s words, or -1. */
long	 foldset_find(const struct foldset *fs, const char *w, size_t n);
/* True if the <n> bytes at <w> are one of <fs>'s words. */
bool	 foldset_has(const struct foldset *fs, const char *w, size_t n);
/* True if one of <fs>'s words ends at t[<end>] (starts at or after t). */
bool	 foldset_ends_at(const struct foldset *fs, const char *t, size_t end);
/* True if one of <fs>'s words starts at t[<at>] within <len> bytes. */
bool	 foldset_starts_at(const struct foldset *fs, const char *t,
	    size_t len, size_t at);

/*
 * Reports in <rep> the tricks that folding <len> bytes of <s> undoes
 * (invisible, look-alike, bidi and control code points) and returns its
 * flags: 0 for clean text.  Fast on printable ASCII.  Party names and every
 * other string field go through it for the obfuscated_text finding.
 */
unsigned normalize_inspect(const char *s, size_t len, struct norm_report *rep);

/*
 * <s> (<len> bytes) with the decimal digits of every script (Persian,
 * Arabic-Indic, Devanagari, full-width...) and the Arabic decimal and
 * thousands separators written as ASCII, for readers of numbers.  Returns
 * the copy (caller frees) with its length in *outlen and in *map (caller
 * frees) the offset in <s> of each byte, (*map)[*outlen] = <len>; or NULL
 * when there is nothing to rewrite.
 */
char	*normalize_digits(const char *s, size_t len, size_t *outlen,
	    size_t **map);

/*
 * HS/CN/TARIC code in any common spelling ("2812.12", "2812 12 00",
 * "28121200") to digits.  Writes up to 10 digits + NUL into <out> and returns
 * 0, or -1 with a static reason in *why.  <minlen> is the fewest digits
 * accepted (4 for declarations, 2 for rule prefixes).
 */
int	normalize_hs(const char *s, int minlen, char out[11], const char **why);

/* True if <cas> is NNNNNNN-NN-N shaped (2-7 digits first). */
bool	normalize_cas_shape(const char *cas);
/*
 * Reads a CAS registry number in any common notation ("7719-12-2",
 * "7719 12 2", "506/59/2", dashes of any kind, "CAS 75-97-8",
 * "CAS No.: 75-97-8", "7719122") into <out> as NNNNNNN-NN-N.  Returns 0, or
 * -1 if <s> is no CAS number.  The check digit is not verified.
 */
int	normalize_cas(const char *s, char out[16]);
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

/*
 * True if the words around the span [<from>, <to>) of folded text <t>
 * (<len> bytes, see normalize_fold) negate it: a negation word among the
 * three words before it ("not manufactured to military standards", "kein
 * Flammschutzmittel", "без", "sans", "sin", "bez", "غير", "ללא"), "non"
 * right before it ("non-military"), a negation after it in the languages
 * that put it there (Turkish "değil", Korean "아닌", Japanese "ではない",
 * Hindi "नहीं"), or a Han or Hangul negation written joined to it ("非",
 * "不含", "无", "비").  For exclusions: a negated one does not clear.
 */
bool	normalize_negated(const char *t, size_t len, size_t from, size_t to);

#endif
