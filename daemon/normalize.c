/*
 * Unicode folding, HS-code spelling and CAS numbers.  utf8proc decomposes,
 * case-folds and strips accents; ICU supplies the Unicode properties that
 * utf8proc lacks (default-ignorable and bidi-control code points, scripts,
 * the decimal value of any script's digits) and the TS #39 confusable data
 * from which the look-alike table is derived.  Only the Latin
 * transliteration of Cyrillic, Greek and Arabic letters is a table of ours,
 * since no library offers it without ICU's much slower transliterator.
 *
 * Folding must not be a way to hide a term: invisible code points vanish
 * (never into a space, which would split a word), look-alike letters from
 * another script inside a Latin word become the Latin letter they imitate,
 * and every such trick is reported in the folded result's flags.
 */
#include "config.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/utf16.h>
#include <utf8proc.h>

#include "normalize.h"
#include "util.h"
#include "xmalloc.h"

/* Lowercase Cyrillic U+0430..U+044F, then U+0450..U+045F. */
static const char *cyr_lower[] = {
	"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n",
	"o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "",
	"y", "", "e", "yu", "ya",
};
static const char *cyr_ext[] = {
	"e", "e", "dj", "g", "ye", "s", "i", "yi", "j", "l", "n", "c", "k",
	"i", "u", "dz",
};
/* Lowercase Greek U+03B1..U+03C9. */
static const char *greek_lower[] = {
	"a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x",
	"o", "p", "r", "s", "s", "t", "y", "f", "ch", "ps", "o",
};

/*
 * Arabic U+0621..U+064A, consonants as the common Latin spellings write
 * them; hamza and ain vanish, short vowels are marks and are stripped.
 */
static const char *arabic[] = {
	"", "a", "a", "", "i", "i", "a", "b", "a", "t", "th", "j", "h", "kh",
	"d", "dh", "r", "z", "s", "sh", "s", "d", "t", "z", "", "gh", "", "",
	"", "", "", "", "f", "q", "k", "l", "m", "n", "h", "w", "a", "y",
};

static const char *digits[] = {
	"0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
};

/*
 * Look-alike letters below U+2000 (Greek, Cyrillic, Armenian, Cherokee and
 * the phonetic Latin letters) whose TS #39 skeleton is one ASCII letter:
 * lookalike[cp] is that letter in lowercase, or 0.  Built once from ICU's
 * confusable data.
 */
#define LOOKALIKE_MAX	0x2000
static unsigned char	lookalike[LOOKALIKE_MAX];
static pthread_once_t	lookalike_once = PTHREAD_ONCE_INIT;

static void	lookalike_build(void);
static bool	script_is_alphabetic(UScriptCode);

static void
lookalike_build(void)
{
	UErrorCode err = U_ZERO_ERROR;
	USpoofChecker *sc = uspoof_open(&err);
	UChar32 cp;

	if (U_FAILURE(err))
		return;		/* no data: folding works, look-alikes stay */
	for (cp = 0x80; cp < LOOKALIKE_MAX; cp++) {
		UChar in[2], out[8];
		int32_t n = 0, olen;
		UScriptCode sc_code;

		if (!u_isalpha(cp))
			continue;
		err = U_ZERO_ERROR;
		sc_code = uscript_getScript(cp, &err);
		if (U_FAILURE(err))
			continue;
		/* Latin letters with accents fold by decomposition instead. */
		if (sc_code == USCRIPT_LATIN && !(cp >= 0x250 && cp < 0x2b0) &&
		    !(cp >= 0x1d00 && cp < 0x1d80))
			continue;
		if (sc_code != USCRIPT_LATIN && sc_code != USCRIPT_GREEK &&
		    sc_code != USCRIPT_CYRILLIC && sc_code != USCRIPT_ARMENIAN &&
		    sc_code != USCRIPT_CHEROKEE && sc_code != USCRIPT_COPTIC)
			continue;
		U16_APPEND_UNSAFE(in, n, cp);
		err = U_ZERO_ERROR;
		olen = uspoof_getSkeleton(sc, 0, in, n, out, 8, &err);
		if (U_FAILURE(err) || olen != 1 || out[0] >= 0x80 ||
		    !isalpha(out[0]))
			continue;
		/*
		 * Skeletons merge I and l; a capital that looks like I stands
		 * for the letter i in a Latin word.
		 */
		if (out[0] == 'l' && u_isupper(cp))
			lookalike[cp] = 'i';
		else
			lookalike[cp] = (unsigned char)tolower(out[0]);
	}
	uspoof_close(sc);
}

static const char *
translit(utf8proc_int32_t cp)
{
	if (cp >= 0x430 && cp <= 0x44f)
		return cyr_lower[cp - 0x430];
	if (cp >= 0x450 && cp <= 0x45f)
		return cyr_ext[cp - 0x450];
	if (cp == 0x491)
		return "g";
	if (cp >= 0x3b1 && cp <= 0x3c9)
		return greek_lower[cp - 0x3b1];
	if (cp == 0x3bc || cp == 0xb5)
		return "m";
	if (cp >= 0x621 && cp <= 0x64a)
		return arabic[cp - 0x621];
	switch (cp) {				/* Persian letters */
	case 0x671:
		return "a";
	case 0x67e:
		return "p";
	case 0x686:
		return "ch";
	case 0x698:
		return "zh";
	case 0x6a9:
		return "k";
	case 0x6af:
		return "g";
	case 0x6c0:
		return "h";
	case 0x6cc:
		return "y";
	}
	return NULL;
}

/* Scripts whose words a look-alike or an invisible character may split. */
static bool
script_is_alphabetic(UScriptCode s)
{
	return s == USCRIPT_LATIN || s == USCRIPT_GREEK ||
	    s == USCRIPT_CYRILLIC || s == USCRIPT_ARMENIAN ||
	    s == USCRIPT_CHEROKEE || s == USCRIPT_COPTIC;
}

static UScriptCode
script_of(utf8proc_int32_t cp)
{
	UErrorCode err = U_ZERO_ERROR;
	UScriptCode s;

	if (cp < 0x80)
		return isalpha(cp) ? USCRIPT_LATIN : USCRIPT_COMMON;
	s = uscript_getScript(cp, &err);
	return U_FAILURE(err) ? USCRIPT_UNKNOWN : s;
}

/*
 * Classes of code points that fold to nothing.  Bidi controls and C0/C1
 * controls (but tab, line feed and carriage return, which are spacing) are
 * classes of their own; every other default-ignorable code point (zero-width
 * space and joiners, soft hyphen, word joiner, BOM, variation selectors, tag
 * characters...) is invisible.
 */
enum vanish {
	VANISH_NO,
	VANISH_INVISIBLE,
	VANISH_BIDI,
	VANISH_CONTROL,
};

static enum vanish
vanish_class(utf8proc_int32_t cp)
{
	if (cp < 0x80)
		return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
		    cp == 0x7f ? VANISH_CONTROL : VANISH_NO;
	if (cp < 0xa0)
		return VANISH_CONTROL;
	if (u_hasBinaryProperty(cp, UCHAR_BIDI_CONTROL))
		return VANISH_BIDI;
	if (u_hasBinaryProperty(cp, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
		return VANISH_INVISIBLE;
	return VANISH_NO;
}

/* A combining mark that only decorates a letter (and is stripped). */
static bool
mark_is_accent(utf8proc_int32_t cp)
{
	UScriptCode s = script_of(cp);

	return s == USCRIPT_INHERITED || s == USCRIPT_COMMON ||
	    (cp >= 0x591 && cp <= 0x5c7);
}

/* A letter or a combining mark: what a word is made of. */
static bool
is_wordchar(utf8proc_int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0)
		return false;
	if (cp < 0x80)
		return isalpha(cp);
	c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME;
}

static bool
is_alnum_cp(utf8proc_int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0)
		return false;
	if (cp < 0x80)
		return isalnum(cp);
	c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
	    c == UTF8PROC_CATEGORY_ND;
}

struct foldbuf {
	struct buf	 text;
	size_t		*map, *emap;
	size_t		 cap;
	struct norm_report *rep;
};

static void
fold_emit(struct foldbuf *f, const char *s, size_t n, size_t from, size_t to)
{
	size_t i;

	if (f->text.len + n + 1 > f->cap) {
		f->cap = (f->text.len + n + 1) * 2;
		f->map = xreallocarray(f->map, f->cap, sizeof(size_t));
		f->emap = xreallocarray(f->emap, f->cap, sizeof(size_t));
	}
	for (i = 0; i < n; i++) {
		f->map[f->text.len + i] = from;
		f->emap[f->text.len + i] = to;
	}
	buf_add(&f->text, s, n);
}

static void
fold_space(struct foldbuf *f, size_t from, size_t to)
{
	if (f->text.len == 0 || f->text.data[f->text.len - 1] == ' ')
		return;
	fold_emit(f, " ", 1, from, to);
}

/* Records a trick of class <flag> done with code point <cp>. */
static void
fold_note(struct norm_report *r, unsigned flag, utf8proc_int32_t cp)
{
	size_t i;

	r->flags |= flag;
	for (i = 0; i < r->ncp; i++)
		if (r->cp[i] == (uint32_t)cp)
			return;
	if (r->ncp < NORM_REPORT_MAX)
		r->cp[r->ncp++] = (uint32_t)cp;
}

/* One ASCII byte: letters lowercased, digits kept, the rest spaces. */
static void
fold_ascii(struct foldbuf *f, unsigned char c, size_t from, size_t to)
{
	char lc;

	if (c >= 'A' && c <= 'Z') {
		lc = (char)(c + 32);
		fold_emit(f, &lc, 1, from, to);
	} else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
		fold_emit(f, (const char *)&c, 1, from, to);
	else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
	    c == 0x7f)
		fold_note(f->rep, NORM_CONTROL, c);	/* vanishes */
	else
		fold_space(f, from, to);
}

/* What arabic_clitics() asks of a code point's folding. */
#define CLITIC_BREAK	0x01	/* a word break after it */
#define CLITIC_AL	0x02	/* "a" before it: the article's elided alef */
#define CLITIC_DROP	0x04	/* nothing: a suffix */

/* A letter of an Arabic-script word (not a mark, tatweel or joiner). */
static bool
arabic_letter(utf8proc_int32_t cp)
{
	return (cp >= 0x620 && cp <= 0x63f) || (cp >= 0x641 && cp <= 0x64a) ||
	    (cp >= 0x671 && cp <= 0x6d3) || (cp >= 0x6fa && cp <= 0x6ff);
}

/* Inside an Arabic-script word: a letter, a mark, tatweel or ZWNJ. */
static bool
arabic_in_word(utf8proc_int32_t cp)
{
	return arabic_letter(cp) || (cp >= 0x64b && cp <= 0x65f) ||
	    cp == 0x670 || cp == 0x640 || cp == 0x200c;
}

/*
 * The clitics of one Arabic-script word, its letters at cps[idx[0..n)]:
 * words written joined to the next one, split off it so that a term finds
 * its word whatever is attached.  Only what letters cannot be mistaken for
 * is split, the same way in a term as in a declaration:
 * - a conjunction و and a preposition ب ل ك (or ف) before the article ال
 *   ("بالمفاعل", "والمفاعل" hold "المفاعل");
 * - ل before the article, whose alef is then not written ("للمفاعل" is
 *   ل + المفاعل, folded as "l almfal");
 * - a conjunction و before a word of four letters or more ("وصمامات"; not
 *   the و of "وقود" or "وعاء");
 * and dropped: the Persian plural ها / های / هایی written after a
 * zero-width non-joiner or joined to a stem of three letters or more, and
 * after a non-joiner the suffixes ی and ای ("پمپ‌های خلاء" holds "پمپ خلاء").
 */
static void
arabic_word(const utf8proc_int32_t *cps, const size_t *idx, size_t n,
    const size_t *zwnj, size_t nz, unsigned char *act)
{
	size_t p = 0, k, end = n, cut;
	bool conj = false;

#define L(i)	(cps[idx[(i)]])
#define YE(c)	((c) == 0x6cc || (c) == 0x64a)		/* ی, or Arabic ي */
	if (n >= 2 && L(0) == 0x648)			/* و */
		conj = true;
	p = conj ? 1 : 0;
	/* Persian suffixes first: the stem's length decides the prefixes. */
	cut = nz > 0 ? zwnj[nz - 1] : n;	/* letters before the last ZWNJ */
	if (nz > 0 && cut >= 2) {
		size_t sl = n - cut;
		bool drop = false;

		if (sl == 1 && YE(L(cut)))			/* ی */
			drop = true;
		else if (sl == 2 && L(cut) == 0x627 && YE(L(cut + 1)))
			drop = true;				/* ای */
		else if (sl >= 2 && sl <= 4 && L(cut) == 0x647 &&
		    L(cut + 1) == 0x627 && (sl == 2 || (YE(L(cut + 2)) &&
		    (sl == 3 || YE(L(cut + 3))))))
			drop = true;				/* ها های هایی */
		if (drop)
			end = cut;
	} else if (n >= 5 && L(n - 2) == 0x647 && L(n - 1) == 0x627)
		end = n - 2;					/* ها */
	else if (n >= 6 && L(n - 3) == 0x647 && L(n - 2) == 0x627 &&
	    YE(L(n - 1)))
		end = n - 3;					/* های */
	for (k = end; k < n; k++)
		act[idx[k]] |= CLITIC_DROP;
	/* Prefixes before the article. */
	for (k = 0; k < 2; k++) {
		size_t q = p + k;

		if (k == 1 && !(L(p) == 0x628 || L(p) == 0x644 ||
		    L(p) == 0x643 || (L(p) == 0x641 && !conj)))
			break;
		if (q + 3 < end + 1 && q + 2 < end && L(q) == 0x627 &&
		    L(q + 1) == 0x644 && end - (q + 2) >= 2) {
			/* [و][ب ل ك ف]ال + stem */
			if (conj)
				act[idx[0]] |= CLITIC_BREAK;
			if (k == 1)
				act[idx[p]] |= CLITIC_BREAK;
			if (conj || k == 1)
				return;
		}
	}
	if (p + 1 < end && L(p) == 0x644 && L(p + 1) == 0x644 &&
	    end - (p + 2) >= 2) {
		/* [و]لل + stem: ل and the article without its alef */
		if (conj)
			act[idx[0]] |= CLITIC_BREAK;
		act[idx[p]] |= CLITIC_BREAK;
		act[idx[p + 1]] |= CLITIC_AL;
		return;
	}
	if (conj && end >= 5)
		act[idx[0]] |= CLITIC_BREAK;
#undef YE
#undef L
}

/*
 * Marks in <act> (one byte per code point) the clitics of every
 * Arabic-script word of <cps>; other scripts are left alone.
 */
static void
arabic_clitics(const utf8proc_int32_t *cps, size_t ncp, unsigned char *act)
{
	size_t i = 0, j, n, nz, *idx = NULL, *zw = NULL;

	while (i < ncp) {
		if (cps[i] < 0 || !arabic_letter(cps[i]) || (i > 0 &&
		    cps[i - 1] >= 0 && arabic_in_word(cps[i - 1]))) {
			i++;
			continue;
		}
		for (j = i; j < ncp && cps[j] >= 0 && arabic_in_word(cps[j]); j++)
			;
		if (idx == NULL) {
			idx = xreallocarray(NULL, ncp, sizeof(*idx));
			zw = xreallocarray(NULL, ncp, sizeof(*zw));
		}
		for (n = 0, nz = 0; i < j; i++) {
			if (arabic_letter(cps[i]))
				idx[n++] = i;
			else if (cps[i] == 0x200c && n > 0)
				zw[nz++] = n;
		}
		if (n >= 3)
			arabic_word(cps, idx, n, zw, nz, act);
	}
	free(idx);
	free(zw);
}

/*
 * Decides, word by word, which look-alike letters fold to the Latin letter
 * they imitate (mode[i] = 1).  A word mixing Latin letters with look-alikes
 * is always an imitation.  A word made only of look-alikes ("Рар" in
 * Cyrillic) imitates Latin when the text around it is mostly Latin; in
 * Cyrillic or Greek text it is a word of that language and is
 * transliterated.  Each imitation is noted in <rep>.
 */
static void
fold_words(const utf8proc_int32_t *cp, size_t n, unsigned char *mode,
    struct norm_report *rep)
{
	size_t i, j, nlatin_all = 0, nforeign_all = 0, nlook_all = 0;

	for (i = 0; i < n; i++) {
		UScriptCode s;

		if (cp[i] < 0 || !u_isalpha(cp[i]))
			continue;
		if (cp[i] < LOOKALIKE_MAX && lookalike[cp[i]]) {
			nlook_all++;
			continue;	/* counts for neither side */
		}
		s = script_of(cp[i]);
		if (s == USCRIPT_LATIN)
			nlatin_all++;
		else if (script_is_alphabetic(s))
			nforeign_all++;
	}
	if (nlook_all == 0)
		return;
	for (i = 0; i < n; i = j) {
		size_t nlatin = 0, nlook = 0, nother = 0, k;

		if (!is_wordchar(cp[i]) && vanish_class(cp[i]) == VANISH_NO) {
			j = i + 1;
			continue;
		}
		for (j = i; j < n && (is_wordchar(cp[j]) ||
		    vanish_class(cp[j]) != VANISH_NO); j++) {
			UScriptCode s;

			if (cp[j] < 0 || !u_isalpha(cp[j]))
				continue;
			s = script_of(cp[j]);
			if (s == USCRIPT_LATIN && (cp[j] >= LOOKALIKE_MAX ||
			    lookalike[cp[j]] == 0))
				nlatin++;
			else if (cp[j] < LOOKALIKE_MAX && lookalike[cp[j]])
				nlook++;
			else
				nother++;
		}
		if (nlook == 0)
			continue;
		if (nlatin > 0) {
			for (k = i; k < j; k++)
				if (cp[k] > 0 && cp[k] < LOOKALIKE_MAX &&
				    lookalike[cp[k]]) {
					mode[k] = 1;
					fold_note(rep, NORM_LOOKALIKE, cp[k]);
				}
			continue;
		}
		/* Whole word of look-alikes: Latin around it? */
		if (nother > 0 || nlook < 2 ||
		    nlatin_all <= 2 * nforeign_all)
			continue;
		{
			bool differs = false;

			for (k = i; k < j; k++) {
				const char *t;

				if (cp[k] <= 0 || cp[k] >= LOOKALIKE_MAX ||
				    lookalike[cp[k]] == 0)
					continue;
				mode[k] = 1;
				t = translit(utf8proc_tolower(cp[k]));
				if (t == NULL || t[0] != (char)lookalike[cp[k]] ||
				    t[1] != '\0')
					differs = true;
			}
			if (differs)
				for (k = i; k < j; k++)
					if (mode[k])
						fold_note(rep, NORM_LOOKALIKE,
						    cp[k]);
		}
	}
}

/*
 * Notes the <i>th code point, one that vanishes in folding (class <v>), as
 * a trick where it is one.  Invisible characters are a trick only where
 * they split a word of an alphabetic script; joiners in Arabic or Indic
 * words and variation selectors after Han are ordinary writing.  Tag
 * characters never are.
 */
static void
fold_vanish(struct foldbuf *f, const utf8proc_int32_t *cps, size_t ncp,
    size_t i, enum vanish v)
{
	utf8proc_int32_t cp = cps[i];
	size_t a = i, b = i + 1;
	bool hide;

	if (v == VANISH_BIDI) {
		fold_note(f->rep, NORM_BIDI, cp);
		return;
	}
	if (v == VANISH_CONTROL) {
		fold_note(f->rep, NORM_CONTROL, cp);
		return;
	}
	while (a > 0 && cps[a - 1] >= 0 && vanish_class(cps[a - 1]) != VANISH_NO)
		a--;
	while (b < ncp && cps[b] >= 0 && vanish_class(cps[b]) != VANISH_NO)
		b++;
	hide = cp >= 0xe0000 && cp <= 0xe007f;	/* tags */
	if (!hide && a > 0 && b < ncp && is_alnum_cp(cps[a - 1]) &&
	    is_alnum_cp(cps[b])) {
		UScriptCode sa = script_of(cps[a - 1]);
		UScriptCode sb = script_of(cps[b]);

		hide = (script_is_alphabetic(sa) || sa == USCRIPT_COMMON) &&
		    (script_is_alphabetic(sb) || sb == USCRIPT_COMMON);
	}
	if (hide)
		fold_note(f->rep, NORM_INVISIBLE, cp);
}

/* Devanagari code points that fold into another, or vanish. */
#define DEVA_NUKTA		0x93c
#define DEVA_CANDRABINDU	0x901
#define DEVA_ANUSVARA		0x902
#define DEVA_LETTER_CANDRA_O	0x911
#define DEVA_LETTER_AA		0x906
#define DEVA_SIGN_CANDRA_O	0x949
#define DEVA_SIGN_AA		0x93e
#define DEVA_LETTER_II		0x908
#define DEVA_LETTER_I		0x907
#define DEVA_LETTER_UU		0x90a
#define DEVA_LETTER_U		0x909
#define DEVA_SIGN_II		0x940
#define DEVA_SIGN_I		0x93f
#define DEVA_SIGN_UU		0x942
#define DEVA_SIGN_U		0x941

/*
 * Hindi writes one word several ways, and loanwords most of all: with or
 * without the nukta (ज़/ज, फ़/फ; the precomposed letters decompose to the
 * base letter and the nukta first), with the candra o of English "o" or
 * the plain aa (फॉस्फेट/फास्फेट), with long or short i and u (ई/इ, ऊ/उ,
 * ी/ि, ू/ु), with chandrabindu or anusvara (ँ/ं).  Returns the code point
 * <d> is read as, or 0 for the nukta, which vanishes.
 */
static utf8proc_int32_t
devanagari_variant(utf8proc_int32_t d)
{
	switch (d) {
	case DEVA_NUKTA:
		return 0;
	case DEVA_CANDRABINDU:
		return DEVA_ANUSVARA;
	case DEVA_LETTER_CANDRA_O:
		return DEVA_LETTER_AA;
	case DEVA_SIGN_CANDRA_O:
		return DEVA_SIGN_AA;
	case DEVA_LETTER_II:
		return DEVA_LETTER_I;
	case DEVA_LETTER_UU:
		return DEVA_LETTER_U;
	case DEVA_SIGN_II:
		return DEVA_SIGN_I;
	case DEVA_SIGN_UU:
		return DEVA_SIGN_U;
	default:
		return d;
	}
}

/*
 * Folds <d>, one code point of a decomposition, spanning original bytes
 * [from, to).
 */
static void
fold_decomposed(struct foldbuf *f, utf8proc_int32_t d, size_t from, size_t to)
{
	utf8proc_category_t cat = utf8proc_category(d);
	utf8proc_uint8_t enc[4];
	utf8proc_ssize_t el;
	const char *t;
	int32_t dv;

	if (d >= DEVA_CANDRABINDU && d <= DEVA_SIGN_CANDRA_O &&
	    (d = devanagari_variant(d)) == 0)
		return;
	/*
	 * Combining marks shared by scripts (accents, Arabic short vowels)
	 * and Hebrew points are stripped.  Marks of one script (Thai vowels
	 * and tones, Indic vowel signs) spell its words, and so do the kana
	 * voicing marks: ガ and カ are different sounds and words.
	 */
	if (cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
	    cat == UTF8PROC_CATEGORY_ME) {
		if (d != 0x3099 && d != 0x309a && mark_is_accent(d))
			return;
	} else if (cat == UTF8PROC_CATEGORY_ND && d >= 0x80 &&
	    (dv = u_charDigitValue(d)) >= 0 && dv <= 9) {
		/* A digit of any script reads as its value. */
		fold_emit(f, digits[dv], 1, from, to);
		return;
	} else if (cat < UTF8PROC_CATEGORY_LU || cat > UTF8PROC_CATEGORY_NO ||
	    (cat > UTF8PROC_CATEGORY_LO && cat < UTF8PROC_CATEGORY_ND)) {
		fold_space(f, from, to);
		return;
	}
	if (d < 0x80) {
		fold_ascii(f, (unsigned char)d, from, to);
		return;
	}
	if ((t = translit(d)) != NULL) {
		fold_emit(f, t, strlen(t), from, to);
		return;
	}
	el = utf8proc_encode_char(d, enc);
	fold_emit(f, (const char *)enc, (size_t)el, from, to);
}

/*
 * Folds code point <cp>, the <i>th of the text, spanning original bytes
 * [from, to).
 */
static void
fold_cp(struct foldbuf *f, const utf8proc_int32_t *cps, size_t ncp, size_t i,
    const unsigned char *mode, size_t from, size_t to)
{
	const utf8proc_option_t opts = UTF8PROC_CASEFOLD | UTF8PROC_COMPAT |
	    UTF8PROC_DECOMPOSE;
	utf8proc_int32_t cp = cps[i], dec[18];
	utf8proc_ssize_t nd, k;
	enum vanish v;
	const char *t;
	int bound = 0;

	if (cp < 0) {
		fold_space(f, from, to);
		return;
	}
	if (cp < 0x80) {
		fold_ascii(f, (unsigned char)cp, from, to);
		return;
	}
	if ((v = vanish_class(cp)) != VANISH_NO) {
		fold_vanish(f, cps, ncp, i, v);		/* gone without a trace */
		return;
	}
	if (mode != NULL && mode[i]) {
		char c = (char)lookalike[cp];

		fold_emit(f, &c, 1, from, to);
		return;
	}
	/*
	 * Transliterate before decomposing: й and ї are letters of their own
	 * in Cyrillic, not и and і with a mark to strip.
	 */
	if ((t = translit(utf8proc_tolower(cp))) != NULL) {
		fold_emit(f, t, strlen(t), from, to);
		return;
	}
	/* Spacing voicing marks are the combining ones written apart. */
	if (cp == 0x309b || cp == 0x309c)
		cp = cp == 0x309b ? 0x3099 : 0x309a;
	nd = utf8proc_decompose_char(cp, dec, 18, opts, &bound);
	if (nd < 0 || nd > 18) {
		fold_space(f, from, to);
		return;
	}
	for (k = 0; k < nd; k++)
		fold_decomposed(f, dec[k], from, to);
}

void
normalize_fold(const char *s, size_t len, struct folded *out)
{
	struct foldbuf f;
	utf8proc_int32_t *cps = NULL;
	size_t *offs = NULL, ncp = 0, off, i;
	unsigned char *mode = NULL, *act;
	bool ascii = true;

	memset(out, 0, sizeof(*out));
	memset(&f, 0, sizeof(f));
	f.rep = &out->rep;
	buf_init(&f.text);
	/*
	 * Room for one folded byte per input byte (ASCII never needs more):
	 * growing the maps from nothing cost several reallocs per text.
	 */
	if (len > 0) {
		f.cap = len + 1;
		f.map = xreallocarray(NULL, f.cap, sizeof(size_t));
		f.emap = xreallocarray(NULL, f.cap, sizeof(size_t));
	}
	for (off = 0; off < len; off++)
		if ((unsigned char)s[off] >= 0x80) {
			ascii = false;
			break;
		}
	if (ascii) {
		/* The common case: no decoding, no properties to look up. */
		for (off = 0; off < len; off++)
			fold_ascii(&f, (unsigned char)s[off], off, off + 1);
		goto finish;
	}
	pthread_once(&lookalike_once, lookalike_build);
	cps = xreallocarray(NULL, len + 1, sizeof(*cps));
	offs = xreallocarray(NULL, len + 1, sizeof(*offs));
	for (off = 0; off < len; ) {
		utf8proc_ssize_t n = utf8proc_iterate(
		    (const utf8proc_uint8_t *)s + off,
		    (utf8proc_ssize_t)(len - off), &cps[ncp]);

		if (n <= 0) {
			cps[ncp] = -1;
			n = 1;
		}
		offs[ncp++] = off;
		off += (size_t)n;
	}
	offs[ncp] = len;
	mode = xcalloc(ncp + 1, 1);
	fold_words(cps, ncp, mode, &out->rep);
	act = xcalloc(ncp + 1, 1);
	arabic_clitics(cps, ncp, act);
	for (i = 0; i < ncp; i++) {
		if (act[i] & CLITIC_DROP)
			continue;
		if (act[i] & CLITIC_AL)
			fold_emit(&f, "a", 1, offs[i], offs[i + 1]);
		fold_cp(&f, cps, ncp, i, mode, offs[i], offs[i + 1]);
		if (act[i] & CLITIC_BREAK)
			fold_space(&f, offs[i], offs[i + 1]);
	}
	free(act);
	free(cps);
	free(offs);
	free(mode);
finish:
	/* Drop a trailing space. */
	if (f.text.len > 0 && f.text.data[f.text.len - 1] == ' ')
		f.text.data[--f.text.len] = '\0';
	if (f.map == NULL) {
		f.cap = 1;
		f.map = xcalloc(1, sizeof(size_t));
		f.emap = xcalloc(1, sizeof(size_t));
	}
	f.map[f.text.len] = len;
	f.emap[f.text.len] = len;
	out->len = f.text.len;
	out->text = buf_release(&f.text);
	out->map = f.map;
	out->emap = f.emap;
}

void
folded_free(struct folded *f)
{
	free(f->text);
	f->text = NULL;
	free(f->map);
	f->map = NULL;
	free(f->emap);
	f->emap = NULL;
	f->len = 0;
}

char *
normalize_fold_str(const char *s)
{
	struct folded f;
	char *t;

	normalize_fold(s, strlen(s), &f);
	t = f.text;
	f.text = NULL;
	folded_free(&f);
	return t;
}

unsigned
normalize_inspect(const char *s, size_t len, struct norm_report *rep)
{
	struct folded f;
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x80 || (c < 0x20 && c != '\t' && c != '\n' &&
		    c != '\r') || c == 0x7f)
			break;
	}
	if (i == len) {
		/* Printable ASCII hides nothing. */
		memset(rep, 0, sizeof(*rep));
		return 0;
	}
	normalize_fold(s, len, &f);
	*rep = f.rep;
	folded_free(&f);
	return rep->flags;
}

char *
normalize_digits(const char *s, size_t len, size_t *outlen, size_t **map)
{
	struct buf b;
	size_t off, *m;
	bool any = false;

	for (off = 0; off < len; off++)
		if ((unsigned char)s[off] >= 0x80)
			break;
	if (off == len)
		return NULL;
	buf_init(&b);
	m = xreallocarray(NULL, len + 1, sizeof(*m));
	for (off = 0; off < len; ) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(
		    (const utf8proc_uint8_t *)s + off,
		    (utf8proc_ssize_t)(len - off), &cp);
		int32_t dv = -1;
		char c = 0;

		if (n <= 0)
			n = 1;
		else if (cp >= 0x80 && (dv = u_charDigitValue(cp)) >= 0 &&
		    dv <= 9 && u_charType(cp) == U_DECIMAL_DIGIT_NUMBER)
			c = (char)('0' + dv);
		else if (cp == 0x66b)		/* Arabic decimal separator */
			c = '.';
		else if (cp == 0x66c)		/* Arabic thousands separator */
			c = ',';
		if (c != 0) {
			m[b.len] = off;
			buf_addc(&b, c);
			any = true;
		} else {
			utf8proc_ssize_t k;

			for (k = 0; k < n; k++)
				m[b.len + (size_t)k] = off + (size_t)k;
			buf_add(&b, s + off, (size_t)n);
		}
		off += (size_t)n;
	}
	if (!any) {
		buf_free(&b);
		free(m);
		return NULL;
	}
	m[b.len] = len;
	*outlen = b.len;
	*map = m;
	return buf_release(&b);
}

int
normalize_hs(const char *s, int minlen, char out[11], const char **why)
{
	int n = 0;

	for (; *s; s++) {
		if (isdigit((unsigned char)*s)) {
			if (n == 10) {
				*why = "more than 10 digits";
				return -1;
			}
			out[n++] = *s;
		} else if (*s != '.' && *s != ' ' && *s != '-') {
			*why = "only digits, dots, spaces and hyphens allowed";
			return -1;
		}
	}
	out[n] = '\0';
	if (n < minlen) {
		*why = minlen == 2 ? "fewer than 2 digits" :
		    "fewer than 4 digits";
		return -1;
	}
	return 0;
}

bool
normalize_cas_shape(const char *cas)
{
	size_t i = 0, a;

	while (isdigit((unsigned char)cas[i]))
		i++;
	a = i;
	if (a < 2 || a > 7 || cas[i] != '-')
		return false;
	if (!isdigit((unsigned char)cas[i + 1]) ||
	    !isdigit((unsigned char)cas[i + 2]) || cas[i + 3] != '-' ||
	    !isdigit((unsigned char)cas[i + 4]) || cas[i + 5] != '\0')
		return false;
	return true;
}

bool
normalize_cas_valid(const char *cas)
{
	int sum = 0, pos = 1, check;
	ssize_t i;

	if (!normalize_cas_shape(cas))
		return false;
	i = (ssize_t)strlen(cas) - 1;
	check = cas[i] - '0';
	for (i -= 2; i >= 0; i--) {
		if (cas[i] == '-')
			continue;
		sum += (cas[i] - '0') * pos++;
	}
	return sum % 10 == check;
}

int
normalize_cas(const char *s, char out[16])
{
	char *f = normalize_fold_str(s), *tok, *save = NULL, *g[3];
	size_t ng = 0, i, l[3];
	int rc = -1;

	/*
	 * Folding turns every separator (hyphen, dash, slash, dot, colon,
	 * '#') into a space and digits of any script into 0-9: what is left
	 * is an optional "CAS" with "No"/"Nr"/"RN"/"number", then three
	 * groups of digits or one run of them.
	 */
	for (tok = strtok_r(f, " ", &save); tok != NULL;
	    tok = strtok_r(NULL, " ", &save)) {
		if (ng == 0 && (strcmp(tok, "cas") == 0 ||
		    strcmp(tok, "no") == 0 || strcmp(tok, "nr") == 0 ||
		    strcmp(tok, "rn") == 0 || strcmp(tok, "number") == 0 ||
		    strcmp(tok, "casno") == 0 || strcmp(tok, "casrn") == 0))
			continue;
		if (ng == 0 && strncmp(tok, "cas", 3) == 0 &&
		    isdigit((unsigned char)tok[3]))
			tok += 3;			/* "CAS75-97-8" */
		if (ng == 3 || tok[strspn(tok, "0123456789")] != '\0')
			goto done;
		g[ng++] = tok;
	}
	if (ng == 1) {
		/* "7719122": the check digit last, two digits before it. */
		l[0] = strlen(g[0]);
		if (l[0] < 5 || l[0] > 10)
			goto done;
		snprintf(out, 16, "%.*s-%.2s-%c", (int)(l[0] - 3), g[0],
		    g[0] + l[0] - 3, g[0][l[0] - 1]);
	} else if (ng == 3) {
		for (i = 0; i < 3; i++)
			l[i] = strlen(g[i]);
		if (l[0] < 2 || l[0] > 7 || l[1] != 2 || l[2] != 1)
			goto done;
		snprintf(out, 16, "%s-%s-%s", g[0], g[1], g[2]);
	} else
		goto done;
	/* Leading zeros are not part of a registry number. */
	while (out[0] == '0' && out[strspn(out, "0123456789")] == '-' &&
	    strspn(out, "0123456789") > 2)
		memmove(out, out + 1, strlen(out));
	rc = 0;
done:
	free(f);
	return rc;
}

/* Length of a dash at <s>: '-', or U+2010..U+2014, U+2212 in UTF-8. */
static size_t
dash_at(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;

	if (len >= 1 && s[0] == '-')
		return 1;
	if (len >= 3 && u[0] == 0xe2 && ((u[1] == 0x80 && u[2] >= 0x90 &&
	    u[2] <= 0x94) || (u[1] == 0x88 && u[2] == 0x92)))
		return 3;
	return 0;
}

/*
 * True if a CAS number may start at <i>: after a non-alphanumeric
 * character, or glued to "CAS" ("CAS7719-12-2"), or after "No." / "Nr."
 * ("CAS-No.7719-12-2").
 */
static bool
cas_may_start(const char *s, size_t i)
{
	unsigned char p;

	if (i == 0)
		return true;
	p = (unsigned char)s[i - 1];
	if (i >= 3 && strncasecmp(s + i - 3, "cas", 3) == 0)
		return true;
	if (p == '.' && i >= 3 && (strncasecmp(s + i - 3, "no", 2) == 0 ||
	    strncasecmp(s + i - 3, "nr", 2) == 0))
		return true;
	return !isalnum(p) && p != '-' && p != '.';
}

size_t
normalize_find_cas(const char *s, size_t len, struct cas_found *found,
    size_t max)
{
	size_t i = 0, n = 0;

	while (i < len && n < max) {
		size_t a, b, c, start, d, o = 0;
		char cas[16];

		if (!isdigit((unsigned char)s[i]) || !cas_may_start(s, i)) {
			i++;
			continue;
		}
		start = i;
		for (a = 0; i < len && isdigit((unsigned char)s[i]); i++) {
			if (a < 7)
				cas[o++] = s[i];
			a++;
		}
		if (a < 2 || a > 7 || (d = dash_at(s + i, len - i)) == 0)
			continue;
		i += d;
		cas[o++] = '-';
		for (b = 0; i < len && isdigit((unsigned char)s[i]); i++) {
			if (b < 2)
				cas[o++] = s[i];
			b++;
		}
		if (b != 2 || (d = dash_at(s + i, len - i)) == 0)
			continue;
		i += d;
		cas[o++] = '-';
		for (c = 0; i < len && isdigit((unsigned char)s[i]); i++) {
			if (c < 1)
				cas[o++] = s[i];
			c++;
		}
		if (c != 1 || (i < len && (isalnum((unsigned char)s[i]) ||
		    dash_at(s + i, len - i) > 0)))
			continue;
		cas[o] = '\0';
		found[n].off = start;
		found[n].len = i - start;
		memcpy(found[n].cas, cas, o + 1);
		found[n].valid = normalize_cas_valid(found[n].cas);
		n++;
	}
	return n;
}

/* ---- Negation around a span of folded text ----------------------------- */

/*
 * Words that negate what follows within a few words, as folding writes them
 * (Cyrillic, Greek and Arabic transliterated, accents stripped).  Left out
 * on purpose: words that are also common articles, symbols or abbreviations
 * in another language (German "den", French and Spanish "la", Spanish and
 * Russian "ni", which is also nickel's symbol, Persian "نه" folded "nh"),
 * and "no" before a number ("No. 4711").
 */
static const char *const neg_before[] = {
	"not", "no", "without", "never", "nor",			/* en */
	"nicht", "kein", "keine", "keinen", "keiner", "keines", "ohne",	/* de */
	"sans", "pas", "aucun", "aucune",			/* fr */
	"sin", "ningun", "ninguna",			/* es */
	"senza", "nessun", "nessuna",				/* it */
	"nao", "sem", "nenhum", "nenhuma",			/* pt */
	"niet", "geen", "zonder",				/* nl */
	"nie", "bez", "ani",					/* pl, cs */
	"ne", "neni", "nejsou",					/* ru, uk, cs */
	"inte", "ej", "icke", "utan",				/* sv */
	"choris", "ochi", "mi",					/* el */
	"ghyr", "bdwn", "lys",					/* ar, fa */
	"tanpa", "bukan", "tidak",				/* id */
	"khong",						/* vi */
	"\xd7\x9c\xd7\x9c\xd7\x90", "\xd7\x9c\xd7\x90",		/* he ללא לא */
	"\xd7\x91\xd7\x9c\xd7\x99",				/* he בלי */
	"\xd7\x90\xd7\x99\xd7\xa0\xd7\x95",			/* he אינו */
	"\xd7\x90\xd7\x99\xd7\xa0\xd7\x94",			/* he אינה */
	"\xe0\xa4\xac\xe0\xa4\xbf\xe0\xa4\xa8\xe0\xa4\xbe",	/* hi बिना */
	"\xe0\xa4\x97\xe0\xa5\x88\xe0\xa4\xb0",			/* hi गैर */
	NULL
};

/* Negation prefixes written apart or with a hyphen: only right before. */
static const char *const neg_prefix[] = { "non", "phi", NULL };

/* Words that negate what comes before them, within two words. */
static const char *const neg_after[] = {
	"degil", "olmayan", "haric",				/* tr */
	"\xec\x95\x84\xeb\x8b\x8c", "\xec\x95\x84\xeb\x8b\x98",	/* ko 아닌 아님 */
	"\xec\x95\x84\xeb\x8b\x88\xeb\x8b\xa4",			/* ko 아니다 */
	"\xec\x97\x86\xeb\x8a\x94", "\xec\x97\x86\xec\x9d\x8c",	/* ko 없는 없음 */
	"\xe0\xa4\xa8\xe0\xa4\xb9\xe0\xa5\x80\xe0\xa4\x82",	/* hi नहीं */
	NULL
};

/* Han, Kana and Hangul negations written joined to the words they negate. */
static const char *const neg_joined_before[] = {
	"\xe9\x9d\x9e", "\xe4\xb8\x8d", "\xe6\x97\xa0", "\xe7\x84\xa1",	/* 非不无無 */
	"\xe6\x9c\xaa",							/* 未 */
	"\xe4\xb8\x8d\xe5\x90\xab", "\xe4\xb8\x8d\xe6\x98\xaf",		/* 不含 不是 */
	"\xe4\xb8\x8d\xe5\xb1\x9e", "\xe4\xb8\x8d\xe5\xb1\xac",		/* 不属 不屬 */
	"\xe9\x9d\x9e\xe4\xb8\xba", "\xe9\x9d\x9e\xe7\x82\xba",		/* 非为 非為 */
	"\xeb\xb9\x84",							/* 비 */
	NULL
};
static const char *const neg_joined_after[] = {
	"\xe3\x81\xa7\xe3\x81\xaf\xe3\x81\xaa\xe3\x81\x84",	/* ではない */
	"\xe3\x81\xa7\xe3\x81\xaa\xe3\x81\x84",			/* でない */
	"\xe4\xbb\xa5\xe5\xa4\x96",				/* 以外 */
	"\xe3\x81\xaa\xe3\x81\x97", "\xe7\x84\xa1\xe3\x81\x97",	/* なし 無し */
	"\xec\x95\x84\xeb\x8b\x8c", "\xec\x95\x84\xeb\x8b\x98",	/* 아닌 아님 */
	"\xec\x97\x86\xeb\x8a\x94",				/* 없는 */
	NULL
};

/*
 * The lists above as folding writes them (Hangul as its letters, kana
 * with their voicing marks apart), folded once.
 */
enum { NEG_BEFORE, NEG_PREFIX, NEG_AFTER, NEG_JOINED_BEFORE,
	NEG_JOINED_AFTER, NEG_NLISTS };
static const char *const *const neg_lists[NEG_NLISTS] = { neg_before,
	neg_prefix, neg_after, neg_joined_before, neg_joined_after };
static struct foldset *neg_folded[NEG_NLISTS];
static pthread_once_t neg_once = PTHREAD_ONCE_INIT;

/* FNV-1a of <n> bytes at <w>. */
static uint32_t
foldset_hash(const char *w, size_t n)
{
	uint32_t h = 2166136261u;

	while (n-- > 0)
		h = (h ^ (unsigned char)*w++) * 16777619u;
	return h;
}

struct foldset *
foldset_of(char **words, size_t n)
{
	struct foldset *fs = xcalloc(1, sizeof(*fs));
	size_t i, cap = 8, at;

	while (cap < 2 * n)
		cap *= 2;
	fs->n = n;
	fs->word = xreallocarray(words, n + 1, sizeof(*fs->word));
	fs->word[n] = NULL;
	fs->len = xcalloc(n + 1, sizeof(*fs->len));
	fs->slot = xcalloc(cap, sizeof(*fs->slot));
	fs->mask = cap - 1;
	for (i = 0; i < n; i++) {
		fs->len[i] = strlen(fs->word[i]);
		if (fs->len[i] > fs->maxlen)
			fs->maxlen = fs->len[i];
		if (foldset_find(fs, fs->word[i], fs->len[i]) >= 0)
			continue;	/* two spellings that fold alike */
		at = foldset_hash(fs->word[i], fs->len[i]) & fs->mask;
		while (fs->slot[at] != 0)
			at = (at + 1) & fs->mask;
		fs->slot[at] = (uint32_t)i + 1;
	}
	return fs;
}

void
foldset_free(struct foldset *fs)
{
	size_t i;

	if (fs == NULL)
		return;
	for (i = 0; i < fs->n; i++)
		free(fs->word[i]);
	free(fs->word);
	free(fs->len);
	free(fs->slot);
	free(fs);
}

struct foldset *
normalize_fold_set(const char *const *list)
{
	char **w;
	size_t n, i;

	for (n = 0; list[n] != NULL; n++)
		;
	w = xcalloc(n + 1, sizeof(*w));
	for (i = 0; i < n; i++)
		w[i] = normalize_fold_str(list[i]);
	return foldset_of(w, n);
}

long
foldset_find(const struct foldset *fs, const char *w, size_t n)
{
	size_t at;

	if (n == 0 || n > fs->maxlen)
		return -1;
	at = foldset_hash(w, n) & fs->mask;
	for (; fs->slot[at] != 0; at = (at + 1) & fs->mask) {
		size_t i = fs->slot[at] - 1;

		if (fs->len[i] == n && memcmp(fs->word[i], w, n) == 0)
			return (long)i;
	}
	return -1;
}

bool
foldset_has(const struct foldset *fs, const char *w, size_t n)
{
	return foldset_find(fs, w, n) >= 0;
}

bool
foldset_ends_at(const struct foldset *fs, const char *t, size_t end)
{
	size_t i;

	for (i = 0; i < fs->n; i++)
		if (fs->len[i] <= end && fs->len[i] > 0 &&
		    memcmp(t + end - fs->len[i], fs->word[i], fs->len[i]) == 0)
			return true;
	return false;
}

bool
foldset_starts_at(const struct foldset *fs, const char *t, size_t len,
    size_t at)
{
	size_t i;

	for (i = 0; i < fs->n; i++)
		if (fs->len[i] > 0 && at + fs->len[i] <= len &&
		    memcmp(t + at, fs->word[i], fs->len[i]) == 0)
			return true;
	return false;
}

static void
neg_build(void)
{
	size_t l;

	for (l = 0; l < NEG_NLISTS; l++)
		neg_folded[l] = normalize_fold_set(neg_lists[l]);
}

/* True if the word at <w> (<n> bytes) is all digits. */
static bool
word_digits(const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)w[i]))
			return false;
	return n > 0;
}

bool
normalize_negated(const char *t, size_t len, size_t from, size_t to)
{
	size_t p, e, nw;

	if (from > len || to > len || from > to)
		return false;
	pthread_once(&neg_once, neg_build);
	/* Joined in the unspaced scripts: "非阻燃", "阻燃ではない". */
	if (from > 0 && t[from - 1] != ' ' &&
	    foldset_ends_at(neg_folded[NEG_JOINED_BEFORE], t, from))
		return true;
	if (to < len && t[to] != ' ' &&
	    foldset_starts_at(neg_folded[NEG_JOINED_AFTER], t, len, to))
		return true;
	/* The three words before the span. */
	p = from;
	while (p > 0 && t[p - 1] != ' ')	/* a span inside a word */
		p--;
	for (nw = 0; nw < 3 && p > 0; nw++) {
		size_t b;

		e = p - 1;			/* the space before */
		b = e;
		while (b > 0 && t[b - 1] != ' ')
			b--;
		if (foldset_has(neg_folded[NEG_BEFORE], t + b, e - b) &&
		    !(e - b == 2 && memcmp(t + b, "no", 2) == 0 &&
		    word_digits(t + e + 1, strcspn(t + e + 1, " "))))
			return true;
		if (nw == 0 && foldset_has(neg_folded[NEG_PREFIX], t + b, e - b))
			return true;
		p = b;
	}
	/* The two words after it. */
	p = to;
	while (p < len && t[p] != ' ')
		p++;
	for (nw = 0; nw < 2 && p < len; nw++) {
		size_t b = p + 1;

		e = b;
		while (e < len && t[e] != ' ')
			e++;
		if (foldset_has(neg_folded[NEG_AFTER], t + b, e - b))
			return true;
		p = e;
	}
	return false;
}
