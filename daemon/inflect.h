/*
 * The endings of the term languages that inflect at a word's end: a term
 * whose last word is written in full also finds that word declined or
 * pluralised ("тиодиэтанол" in "тиодиэтанола", "reaktör" in
 * "reaktörlerin", "reactor" in "reactores"), and a Romance term its plural.
 * Pure: tables of ours, folded once as the scanned text is.
 */
#ifndef CORDON_INFLECT_H
#define CORDON_INFLECT_H

#include <stdbool.h>
#include <stddef.h>

struct inflect;

/* The endings of language <lang> (a term file's code), or NULL if it has
 * none (English, the unspaced scripts, Arabic, Hebrew...).  Borrowed. */
const struct inflect	*inflect_find(const char *lang);
/*
 * The length of the stem of the folded word <w> (<len> bytes): the word
 * without the longest ending of <in> it has, when at least the stem
 * minimum of letters remains; <len> itself when it has no such ending;
 * 0 when the word is too short (or not all letters) to take an ending.
 */
size_t	inflect_stem(const struct inflect *in, const char *w, size_t len);
/*
 * The endings the inner words of a phrase of <in>'s language may take,
 * for the languages that decline a phrase's every word (Russian,
 * Ukrainian, Polish, Czech: the nouns' endings and the adjectives' that
 * agree with them), or NULL.  Borrowed.
 */
const struct inflect	*inflect_inner(const struct inflect *in);
/* True if the folded <tail> (<len> bytes, no space) may follow a stem:
 * empty, or one ending of <in> (up to three joined for Turkish). */
bool	inflect_tail_ok(const struct inflect *in, const char *tail,
	    size_t len);
/*
 * True if the language of <in> writes its compounds as one word (German,
 * Dutch, Swedish): a term's word may then begin or end a longer word
 * ("Hochleistungs|zentrifuge", "Zentrifugen|rotor").  A linking element
 * ("-n-", "-s-", "-en-", Swedish "-o-") needs no table: the compound's
 * other part is any run of at least INFLECT_COMPOUND_PART letters.
 */
bool	inflect_compounds(const struct inflect *in);
/*
 * True if the folded <tail> (<len> bytes, no space) that follows a word of
 * a compounding language makes that word a compound's first part: at
 * least INFLECT_COMPOUND_PART letters, the last part not one that names
 * what holds the goods ("Munitions|kiste", "ammunitions|låda": a box is
 * not ammunition, a "Zentrifugen|rotor" is a centrifuge's part).
 */
bool	inflect_compound_tail(const struct inflect *in, const char *tail,
	    size_t len);
/* Letters of a compound's part other than the term's: fewer are an ending
 * or a suffix ("-ung", "-heit"), not a word. */
#define INFLECT_COMPOUND_PART	4
/* Letters a term's word needs to be a compound's part: shorter words are
 * inside too many ordinary ones ("Pistole" in "Klebepistole"). */
#define INFLECT_COMPOUND_MIN	9
/* The letters (code points) of the folded <w> (<len> bytes); 0 if it
 * holds a digit or an ASCII mark. */
size_t	inflect_letters(const char *w, size_t len);

/*
 * The plural of the Romance phrase <term> as written in a term file of
 * <lang>: each word before the first preposition by the language's
 * regular rule ("tanque vidriado" -> "tanques vidriados"); NULL when
 * <lang> is not Romance, the phrase has one word (its ending takes the
 * plural), a stem or an expression, or no word changes (caller frees).
 */
char	*inflect_plural(const char *term, const char *lang);

#endif
