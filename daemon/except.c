/*
 * Exception phrases.  HS texts and trade descriptions name goods by what
 * they are not: "Vessels; other than warships", "gas-turbines (excluding
 * turbo-jets)", "Schiffe, ausgenommen Kriegsschiffe", "суда, кроме военных
 * кораблей", "除军舰外的船舶", "savaş gemileri hariç".  A term inside such a
 * phrase's scope does not name the goods.  This module only reads: given a
 * span of folded text, it answers whether the span is in such a scope.  It
 * is asked once per term found, never per byte of the text; the phrase
 * lists are folded once, like the negation words of normalize.c.
 *
 * The scope of a phrase that opens it runs to the end of the list it
 * names: a semicolon, colon, full stop or line end; the closing bracket of
 * a bracket that held the phrase; a comma after the list's "and" / "or"
 * item ("other than induction, dielectric loss or resistance heated,
 * electron beam furnaces"), or a comma before an "and" / "or" ("polyethers
 * other than polyacetals, and ... methylphosphonate"); a phrase followed
 * by a pronoun ("other than those specified in 7A002, usable in
 * missiles") ends at its first comma.  A comma inside the scope is a
 * list's only when the list goes on to its "and" / "or" item ("other than
 * hulks, warships and tugs"); "other than hulks, warships" names the
 * warships.  Postposed phrases (Turkish "hariç", Korean "제외한", Hindi
 * "छोड़कर", Japanese "を除く", "以外") reach back over a few words, or over
 * a whole list when its last item is joined by "and" / "or" ("A, B ve C
 * hariç", "A、B及びCを除く"); without that conjunction a comma ends them
 * ("A, B hariç" takes B alone).  What is named before an opening phrase
 * ("chemicals other than ...") is outside it.  Where a word is "and" in
 * one language and a preposition in another ("a", "of", "en"), it never
 * stretches a scope over a comma: the goods stay named.
 */
#include "config.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "except.h"
#include "normalize.h"
#include "xmalloc.h"

/* Phrases whose scope follows them, as written in each language. */
static const char *const pre_phrases[] = {
	"other than", "excluding", "except", "not including",	/* en */
	"exclusive of", "apart from", "with the exception of",
	"ausgenommen", "außer", "andere als", "anderer als",	/* de */
	"anderen als", "anderes als", "mit Ausnahme",
	"nicht einschließlich",
	"autres que", "autre que", "à l'exclusion", "à l'exception",	/* fr */
	"sauf", "excepté", "exceptés", "non compris",
	"excepto", "salvo", "distintos de", "distintas de",	/* es */
	"distinto de", "distinta de", "con exclusión", "a excepción",
	"con excepción", "sin incluir", "exceptuando",
	"exceto", "com exclusão", "com exceção", "à exceção",	/* pt */
	"outros que não", "outras que não", "diferentes de",
	"diversi da", "diverse da", "diverso da", "diversa da",	/* it */
	"diversi dai", "diversi dagli", "diverse dalle", "esclusi",
	"escluse", "ad esclusione", "ad eccezione", "eccetto", "tranne",
	"andere dan", "met uitzondering van", "behalve",	/* nl */
	"uitgezonderd",
	"utom", "förutom", "andra än", "annat än", "annan än",	/* sv */
	"med undantag",
	"z wyjątkiem", "z wyłączeniem", "oprócz", "inne niż",	/* pl */
	"innych niż", "inny niż",
	"kromě", "s výjimkou", "jiné než", "jiných než", "vyjma",	/* cs */
	"кроме", "за исключением", "исключая", "отличные от",	/* ru */
	"отличных от", "не включая",
	"крім", "окрім", "за винятком", "виключаючи",		/* uk */
	"не включаючи",
	"εκτός από", "εκτός των", "πλην", "εξαιρουμένων",	/* el */
	"με εξαίρεση",
	"باستثناء", "ما عدا", "فيما عدا", "بخلاف",		/* ar */
	"به جز", "بجز", "به استثنای", "غیر از",			/* fa */
	"למעט", "להוציא", "מלבד", "פרט",			/* he */
	"kecuali", "selain", "tidak termasuk",			/* id */
	"ngoại trừ", "không bao gồm",				/* vi */
	NULL
};

/*
 * Words after an opening phrase that make it no exception: "außer
 * Betrieb" (out of service), "außer Dienst gestellte Kriegsschiffe"
 * (decommissioned warships).
 */
static const char *const not_after[] = {
	"betrieb", "dienst", "gebrauch", "kraft", "acht", "landes", NULL
};

/*
 * Pronouns after an opening phrase: "other than those specified in 7A002,
 * usable in missiles" names a class by a relative clause, which ends at
 * the next comma whether or not a list has.
 */
static const char *const pronouns[] = {
	"those", "that", "ceux", "celles", "celui", "celle", "aquellos",
	"aquellas", "aquel", "aquella", "quelli", "quelle", "aqueles",
	"aquelas", "diejenigen", "denjenigen", "derjenigen", NULL
};

/* Postposed phrases, whole words after the terms they take. */
static const char *const post_words[] = {
	"hariç", "haricinde", "harici", "dışında", "dışındaki",	/* tr */
	"제외", "제외한", "제외하고", "이외", "이외의",		/* ko */
	"छोड़कर", "सिवा", "सिवाय",				/* hi */
	NULL
};

/* Postposed phrases written joined right after the term (ja, zh). */
static const char *const post_joined[] = {
	"以外", "を除く", "を除き", "を除いた", "除外", "を除外", NULL
};

/* Han phrases written joined before the terms they take (zh). */
static const char *const pre_joined[] = {
	"不包括", "但不包括", "不包含", "除了", NULL
};

/* Han "and" / "or" (以及 and 或者 hold 及 and 或). */
static const char *const han_conj[] = { "和", "及", "与", "與", "或", NULL };

#define HAN_COMMA		"\xef\xbc\x8c"	/* ， (、 always lists) */
#define HAN_EXCEPT_OPEN		"\xe9\x99\xa4"	/* 除 of 除…外 */
#define HAN_EXCEPT_CLOSE	"\xe5\xa4\x96"	/* 外 */
#define HAN_LEN			3

/* "and" and "or", which close a list at the next comma. */
static const char *const conj_words[] = {
	"and", "or", "und", "oder", "et", "ou", "y", "o", "e", "u",
	"en", "of", "och", "eller", "i", "lub", "albo", "a", "nebo",
	"и", "или", "та", "або", "και", "ή", "dan", "atau", "và", "hoặc",
	"ve", "veya", "और", "या", "و", "یا", "ile", "yahut", "및", "또는",
	"혹은", "그리고", "तथा", "एवं", "अथवा", NULL
};

/*
 * Conjunctions that are also ordinary words elsewhere (Czech "a" and
 * English "a" or Spanish "a", Dutch "of" and English "of", Dutch "en" and
 * French "en", Spanish "o" and the Portuguese article): they never carry
 * a list over a comma, so that a term after them stays named.  ("i" is
 * Polish and the folded Russian and Ukrainian "и", "і": it counts.)
 */
static const char *const conj_unsure[] = {
	"a", "of", "en", "o", NULL
};

/* Japanese conjunctions, written joined between a list's items. */
static const char *const conj_joined[] = {
	"及び", "および", "並びに", "ならびに", "又は", "または", "若しくは",
	"もしくは", "と", "や", NULL
};

enum { L_PRE, L_NOT_AFTER, L_PRONOUN, L_POST, L_POST_JOINED, L_PRE_JOINED,
	L_CONJ, L_CONJ_UNSURE, L_CONJ_JOINED, L_COUNT };
static const char *const *const lists[L_COUNT] = { pre_phrases, not_after,
	pronouns, post_words, post_joined, pre_joined, conj_words, conj_unsure,
	conj_joined };
static struct foldset *folded[L_COUNT];
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

/*
 * The opening phrases by their last word: pre_last holds each last word
 * once, and the phrases ending in its word k are
 * pre_by_last[pre_group[k] .. pre_group[k + 1]).  Most words a term is
 * read back over end no phrase, and are passed at one lookup.
 */
static struct foldset *pre_last;
static size_t *pre_group, *pre_by_last;

/* Where the last word of the <n> bytes at <w> starts. */
static size_t
last_word_at(const char *w, size_t n)
{
	while (n > 0 && w[n - 1] != ' ')
		n--;
	return n;
}

static void
pre_group_build(void)
{
	const struct foldset *pre = folded[L_PRE];
	char **last = xcalloc(pre->n + 1, sizeof(*last));
	size_t i, k, at = 0, *count;

	for (i = 0; i < pre->n; i++)
		last[i] = xstrdup(pre->word[i] +
		    last_word_at(pre->word[i], pre->len[i]));
	pre_last = foldset_of(last, pre->n);
	count = xcalloc(pre->n + 1, sizeof(*count));
	for (i = 0; i < pre->n; i++)
		count[foldset_find(pre_last, pre_last->word[i],
		    pre_last->len[i])]++;
	pre_group = xcalloc(pre->n + 1, sizeof(*pre_group));
	for (k = 0; k < pre->n; k++) {
		pre_group[k] = at;
		at += count[k];
		count[k] = pre_group[k];
	}
	pre_group[pre->n] = at;
	pre_by_last = xcalloc(pre->n + 1, sizeof(*pre_by_last));
	for (i = 0; i < pre->n; i++)
		pre_by_last[count[foldset_find(pre_last, pre_last->word[i],
		    pre_last->len[i])]++] = i;
	free(count);
}

/* True if no byte of <t> is above ASCII. */
static bool
all_ascii(const char *t, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)t[i] >= 0x80)
			return false;
	return true;
}

/*
 * True if every word of <fs> has a byte above ASCII (Han, kana): none can
 * be found in a text that has none.
 */
static bool
set_wide(const struct foldset *fs)
{
	size_t i;

	for (i = 0; i < fs->n; i++)
		if (all_ascii(fs->word[i], fs->len[i]))
			return false;
	return true;
}

static bool joined_wide;	/* the joined phrases, all set_wide */

static void
lists_fold(void)
{
	size_t l;

	for (l = 0; l < L_COUNT; l++)
		folded[l] = normalize_fold_set(lists[l]);
	pre_group_build();
	joined_wide = set_wide(folded[L_POST_JOINED]) &&
	    set_wide(folded[L_PRE_JOINED]);
}

/* The end of the word of <t> that starts at <p>. */
static size_t
word_end(const char *t, size_t len, size_t p)
{
	while (p < len && t[p] != ' ')
		p++;
	return p;
}

static size_t	find_first(const char *, size_t, size_t, const char *);
static size_t	find_last(const char *, size_t, size_t, const char *,
		    size_t);
static bool	same_clause(const char *, size_t, size_t);

/* ---- the original's punctuation between two words ------------------- */

enum punct { P_NONE, P_COMMA, P_OPEN, P_CLOSE, P_STOP };

/* The punctuation at <s>, <n> bytes of it in *<n> (1 when none). */
static enum punct
punct_at(const char *s, const char *end, size_t *n)
{
	static const struct { const char *u; enum punct p; } wide[] = {
		{ "\xef\xbc\x8c", P_COMMA }, { "\xe3\x80\x81", P_COMMA },
		{ "\xd8\x8c", P_COMMA },			/* ， 、 ، */
		{ "\xef\xbc\x88", P_OPEN }, { "\xe3\x80\x90", P_OPEN },
		{ "\xef\xbc\xbb", P_OPEN },			/* （ 【 ［ */
		{ "\xef\xbc\x89", P_CLOSE }, { "\xe3\x80\x91", P_CLOSE },
		{ "\xef\xbc\xbd", P_CLOSE },			/* ） 】 ］ */
		{ "\xef\xbc\x9b", P_STOP }, { "\xef\xbc\x9a", P_STOP },
		{ "\xe3\x80\x82", P_STOP }, { "\xef\xbc\x81", P_STOP },
		{ "\xef\xbc\x9f", P_STOP }, { "\xd8\x9b", P_STOP },
		/* ； ： 。 ！ ？ ؛ */
	};
	size_t k;

	*n = 1;
	switch (*s) {
	case ',':
		return P_COMMA;
	case '(': case '[': case '{':
		return P_OPEN;
	case ')': case ']': case '}':
		return P_CLOSE;
	case ';': case ':': case '\n': case '\r': case '!': case '?':
		return P_STOP;
	case '.':		/* a full stop, not "1.5" */
		return s + 1 >= end || s[1] == ' ' ? P_STOP : P_NONE;
	}
	if ((unsigned char)*s < 0x80)
		return P_NONE;	/* every wide one starts above ASCII */
	for (k = 0; k < sizeof(wide) / sizeof(wide[0]); k++) {
		size_t w = (unsigned char)wide[k].u[0] >= 0xe0 ? 3 : 2;

		if ((size_t)(end - s) >= w && memcmp(s, wide[k].u, w) == 0) {
			*n = w;
			return wide[k].p;
		}
	}
	return P_NONE;
}

/*
 * Reads the original between offsets <a> and <b>: false at a stop or at a
 * bracket closed that opened before the scope (*<depth> below 0); sets
 * *<comma> for a comma outside brackets opened in the scope.
 */
static bool
gap_read(const char *orig, size_t a, size_t b, int *depth, bool *comma)
{
	const char *s = orig + a, *end = orig + b;
	size_t n;

	*comma = false;
	while (s < end) {
		switch (punct_at(s, end, &n)) {
		case P_STOP:
			return false;
		case P_OPEN:
			(*depth)++;
			break;
		case P_CLOSE:
			if (--(*depth) < 0)
				return false;
			break;
		case P_COMMA:
			if (*depth == 0)
				*comma = true;
			break;
		case P_NONE:
			break;
		}
		s += n;
	}
	return true;
}

/* True if the word at <w> (<n> bytes) is an "and" / "or" of one sense only. */
static bool
conj_sure(const char *w, size_t n)
{
	return foldset_has(folded[L_CONJ], w, n) &&
	    !foldset_has(folded[L_CONJ_UNSURE], w, n);
}

/*
 * True if the list going on at the word that starts at folded <ws> comes
 * to its "and" / "or" within EXCEPT_SCOPE_WORDS words, in the clause: the
 * comma before <ws> is then one of the list's.
 */
static bool
list_goes_on(const char *orig, const char *t, size_t len,
    const size_t *map, size_t ws)
{
	size_t we, nw;
	int depth = 0;
	bool comma;

	for (nw = 0; nw < EXCEPT_SCOPE_WORDS && ws < len; nw++) {
		we = word_end(t, len, ws);
		if (conj_sure(t + ws, we - ws))
			return true;
		if (we + 1 >= len ||
		    !gap_read(orig, map[we], map[we + 1], &depth, &comma))
			return false;
		ws = we + 1;
	}
	return false;
}

/*
 * True if the words from the space at folded <p> up to the word holding
 * <kf> stay in one scope, at most <maxw> words; <commas> lets a list's
 * commas through (a phrase followed by a pronoun takes none).
 */
static bool
scope_reaches(const char *orig, const char *t, size_t len,
    const size_t *map, size_t p, size_t kf, size_t maxw, bool commas)
{
	size_t ws, we, nw = 0;
	int depth = 0;
	bool conj = false, comma;

	while (p < kf) {
		ws = p + 1;
		if (!gap_read(orig, map[p], map[ws], &depth, &comma))
			return false;
		we = word_end(t, len, ws);
		if (comma && (conj || !commas ||
		    foldset_has(folded[L_CONJ], t + ws, we - ws) ||
		    !list_goes_on(orig, t, len, map, ws)))
			return false;
		if (++nw > maxw)
			return false;
		if (foldset_has(folded[L_CONJ], t + ws, we - ws))
			conj = true;
		p = we;
	}
	return true;
}

/*
 * True if a postposed phrase whose word starts at folded <kf> takes the
 * word ending at <p>: at most EXCEPT_POST_WORDS words and no comma between
 * them, or a list whose last item an "and" / "or" joins, with no comma
 * after that conjunction ("A, B ve C hariç"; in "A ve B, C hariç" the
 * phrase takes C alone).
 */
static bool
post_reaches(const char *orig, const char *t, size_t len,
    const size_t *map, size_t p, size_t kf)
{
	size_t ws, we, nw = 0;
	int depth = 0;
	bool conj = false, list = false, comma;

	while (p < kf) {
		ws = p + 1;
		if (!gap_read(orig, map[p], map[ws], &depth, &comma))
			return false;
		if (comma && conj)
			return false;
		list = list || comma;
		we = word_end(t, len, ws);
		if (++nw > EXCEPT_SCOPE_WORDS)
			return false;
		if (conj_sure(t + ws, we - ws))
			conj = true;
		p = we;
	}
	return list ? conj : nw <= EXCEPT_POST_WORDS || conj;
}

/* ---- the three kinds of phrase -------------------------------------- */

/* True if an opening phrase ends at the space (or end) <e> of <t>. */
static bool
phrase_ends(const char *t, size_t len, size_t e)
{
	const struct foldset *pre = folded[L_PRE];
	size_t b = last_word_at(t, e), g, n;
	long k;

	if (e < 2 || (k = foldset_find(pre_last, t + b, e - b)) < 0)
		return false;
	for (g = pre_group[k]; g < pre_group[k + 1]; g++) {
		size_t i = pre_by_last[g], ne;

		n = pre->len[i];
		if (n < 2 || n > e || memcmp(t + e - n, pre->word[i], n) != 0 ||
		    (e > n && t[e - n - 1] != ' '))
			continue;
		ne = e < len ? word_end(t, len, e + 1) : e;
		if (e < len && foldset_has(folded[L_NOT_AFTER], t + e + 1,
		    ne - e - 1))
			continue;
		return true;
	}
	return false;
}

/* True if the word after the space <e> is one of the pronouns. */
static bool
pronoun_after(const char *t, size_t len, size_t e)
{
	size_t ne;

	if (e >= len)
		return false;
	ne = word_end(t, len, e + 1);
	return foldset_has(folded[L_PRONOUN], t + e + 1, ne - e - 1);
}

/*
 * An opening phrase within EXCEPT_SCOPE_WORDS words before folded <from>,
 * in the same clause, whose scope reaches it.
 */
static bool
pre_scoped(const char *orig, const char *t, size_t len, const size_t *map,
    size_t from)
{
	size_t p = from, e, nw;
	int depth = 0;
	bool comma;

	while (p > 0 && t[p - 1] != ' ')
		p--;
	for (nw = 0; nw <= EXCEPT_SCOPE_WORDS && p > 0; nw++) {
		e = p - 1;
		if (phrase_ends(t, len, e))
			return scope_reaches(orig, t, len, map, e, from,
			    EXCEPT_SCOPE_WORDS, !pronoun_after(t, len, e));
		/* Brackets are judged forward, from the phrase. */
		depth = 1 << 20;
		if (!gap_read(orig, map[e], map[p], &depth, &comma))
			return false;
		while (e > 0 && t[e - 1] != ' ')
			e--;
		p = e;
	}
	return false;
}

/* True if a joined conjunction (及び, 又は, と) occurs in t[<a>, <b>). */
static bool
joined_conj(const char *t, size_t a, size_t b)
{
	char *const *l;

	for (l = folded[L_CONJ_JOINED]->word; *l != NULL; l++)
		if (find_first(t, a, b, *l) != (size_t)-1)
			return true;
	return false;
}

/*
 * A postposed phrase written joined (以外, を除く, 除外) right after the
 * span ending at folded <to>, or after the last item of a list the span
 * starts, in the clause and within EXCEPT_LIST_BYTES, when a joined "and"
 * / "or" follows the list's last comma (軍艦、潜水艦及び救命艇を除く; in
 * 軍艦、救命艇を除く the phrase takes 救命艇 alone).
 */
static bool
post_joined_scoped(const char *orig, const char *t, size_t len,
    const size_t *map, size_t to)
{
	size_t hi = to + EXCEPT_LIST_BYTES < len ? to + EXCEPT_LIST_BYTES : len;
	size_t at, sp;
	char *const *l;

	for (l = folded[L_POST_JOINED]->word; *l != NULL; l++) {
		at = find_first(t, to, hi, *l);
		if (at == (size_t)-1)
			continue;
		if (at == to)
			return true;
		if (!same_clause(orig, map[to], map[at]))
			continue;
		sp = find_last(t, to, at, " ", 1);
		if (joined_conj(t, sp == (size_t)-1 ? to : sp + 1, at))
			return true;
	}
	return false;
}

/*
 * A postposed phrase after the span ending at folded <to>: joined to it
 * or to its list (post_joined_scoped), or a word among the next few, or
 * after a list (post_reaches).
 */
static bool
post_scoped(const char *orig, const char *t, size_t len, const size_t *map,
    size_t to)
{
	size_t p, ws, we, nw;

	if (to < len && post_joined_scoped(orig, t, len, map, to))
		return true;
	p = word_end(t, len, to);
	for (nw = 0; nw < EXCEPT_SCOPE_WORDS && p < len; nw++) {
		ws = p + 1;
		we = word_end(t, len, ws);
		if (foldset_has(folded[L_POST], t + ws, we - ws))
			return post_reaches(orig, t, len, map,
			    word_end(t, len, to), ws);
		p = we;
	}
	return false;
}

/* Where <needle> (<n> bytes) last occurs in t[lo, hi), or (size_t)-1. */
static size_t
find_last(const char *t, size_t lo, size_t hi, const char *needle, size_t n)
{
	size_t p;

	for (p = hi; p >= lo + n; p--)
		if (memcmp(t + p - n, needle, n) == 0)
			return p - n;
	return (size_t)-1;
}

/* Where <needle> first occurs in t[lo, hi), or (size_t)-1. */
static size_t
find_first(const char *t, size_t lo, size_t hi, const char *needle)
{
	const char *p;

	if (hi <= lo)
		return (size_t)-1;
	p = memmem(t + lo, hi - lo, needle, strlen(needle));
	return p == NULL ? (size_t)-1 : (size_t)(p - t);
}

/* True if the original from <a> to <b> holds no stop and no bracket. */
static bool
same_clause(const char *orig, size_t a, size_t b)
{
	int depth = 0;
	bool comma;

	return gap_read(orig, a, b, &depth, &comma) && depth == 0;
}

/*
 * Han characters that make a 除 the start of a word (除尘 dust removal,
 * 除湿 dehumidifying, 除冰 de-icing, 除锈 rust removal, 除草 weeding...),
 * not the 除 of 除…外.
 */
static const char *const han_remove[] = {
	"尘", "塵", "湿", "濕", "冰", "锈", "銹", "草", "臭", "霜",
	"垢", "氧", "杂", "雜", "味", "法", "油", "漆", "毛", "菌",
	"静", "靜", "雾", "霧", "渣", "污", "虫", "蟲", NULL
};

/* True if the 除 at <at> opens 除…外 (see han_remove). */
static bool
han_opens(const char *t, size_t len, size_t at)
{
	const char *const *h;

	for (h = han_remove; *h != NULL; h++)
		if (at + HAN_LEN + strlen(*h) <= len &&
		    memcmp(t + at + HAN_LEN, *h, strlen(*h)) == 0)
			return false;
	return true;
}

/*
 * True if the 外 at <at> closes 除…外: 以外 or 之外, or 外 ending a word or
 * followed by 的 ("除军舰外的船舶"), not 外壳 (casing) or 外径.
 */
static bool
han_closes(const char *t, size_t len, size_t at)
{
	size_t e = at + HAN_LEN;

	if (at >= HAN_LEN && (memcmp(t + at - HAN_LEN, "以", HAN_LEN) == 0 ||
	    memcmp(t + at - HAN_LEN, "之", HAN_LEN) == 0))
		return true;
	return e == len || t[e] == ' ' ||
	    (e + HAN_LEN <= len && memcmp(t + e, "的", HAN_LEN) == 0);
}

/* True if a Han "and" / "or" occurs in orig[a, b). */
static bool
han_conj_in(const char *orig, size_t a, size_t b)
{
	const char *const *l;

	for (l = han_conj; *l != NULL; l++)
		if (find_first(orig, a, b, *l) != (size_t)-1)
			return true;
	return false;
}

/* The last comma (， or ,) in orig[a, b), or (size_t)-1; the first in *first. */
static size_t
han_commas(const char *orig, size_t a, size_t b, size_t *first)
{
	size_t c, last = (size_t)-1;

	*first = (size_t)-1;
	for (c = a; c < b; c++) {
		if (orig[c] != ',' && (c + 3 > b ||
		    memcmp(orig + c, HAN_COMMA, 3) != 0))
			continue;
		if (*first == (size_t)-1)
			*first = c;
		last = c;
	}
	return last;
}

/*
 * True if a 不包括 / 除了 ending at folded <a> still takes the term at
 * <from> across the commas between: a comma (， or ,) is the list's only
 * when no "and" / "or" came before it and one follows it in the clause
 * ("不包括拖船，驳船和军舰"); "不包括拖船，军舰" names the warship.  An
 * enumeration comma 、 always lists.
 */
static bool
han_list_holds(const char *orig, const char *t, size_t len,
    const size_t *map, size_t a, size_t from)
{
	size_t hi = from + EXCEPT_LIST_BYTES < len ? from + EXCEPT_LIST_BYTES :
	    len;
	const char *const *l;
	size_t first, last, k;

	if (a >= from)
		return true;
	last = han_commas(orig, map[a], map[from], &first);
	if (last == (size_t)-1)
		return true;
	if (han_conj_in(orig, map[a], first))
		return false;
	if (han_conj_in(orig, last, map[from]))
		return true;
	for (k = from; k < hi && same_clause(orig, map[from], map[k]); k++)
		;
	for (l = han_conj; *l != NULL; l++)
		if (find_first(t, from, k, *l) != (size_t)-1)
			return true;
	return false;
}

/*
 * Han phrases, written without spaces: 不包括 / 除了 before the span, or
 * 除 before it and 外 (以外, 之外) after it, within EXCEPT_HAN_BYTES and
 * the clause.
 */
static bool
han_scoped(const char *orig, const char *t, size_t len, const size_t *map,
    size_t from, size_t to)
{
	size_t lo = from > EXCEPT_HAN_BYTES ? from - EXCEPT_HAN_BYTES : 0;
	size_t hi = to + EXCEPT_HAN_BYTES < len ? to + EXCEPT_HAN_BYTES : len;
	const struct foldset *pj = folded[L_PRE_JOINED];
	size_t at, close, i;

	for (i = 0; i < pj->n; i++) {
		at = find_last(t, lo, from, pj->word[i], pj->len[i]);
		if (at != (size_t)-1 &&
		    same_clause(orig, map[at], map[from]) &&
		    han_list_holds(orig, t, len, map, at + pj->len[i], from))
			return true;
	}
	at = find_last(t, lo, from, HAN_EXCEPT_OPEN, HAN_LEN);
	if (at == (size_t)-1 || !han_opens(t, len, at) ||
	    !same_clause(orig, map[at], map[from]))
		return false;
	close = find_first(t, to, hi, HAN_EXCEPT_CLOSE);
	return close != (size_t)-1 && han_closes(t, len, close) &&
	    same_clause(orig, map[to - 1], map[close]);
}

bool
except_scoped(const char *orig, const char *t, size_t len,
    const size_t *map, size_t from, size_t to)
{
	if (orig == NULL || from >= to || to > len)
		return false;
	pthread_once(&fold_once, lists_fold);
	return pre_scoped(orig, t, len, map, from) ||
	    post_scoped(orig, t, len, map, to) ||
	    han_scoped(orig, t, len, map, from, to);
}

/* True if one of <fs>'s words occurs anywhere in <t>. */
static bool
any_inside(const struct foldset *fs, const char *t, size_t len)
{
	size_t i;

	for (i = 0; i < fs->n; i++)
		if (fs->len[i] > 0 &&
		    memmem(t, len, fs->word[i], fs->len[i]) != NULL)
			return true;
	return false;
}

bool
except_possible(const char *t, size_t len)
{
	size_t p, ws;

	pthread_once(&fold_once, lists_fold);
	/* With every joined phrase Han or kana, a Latin text holds none. */
	if (!(joined_wide && all_ascii(t, len)) &&
	    (any_inside(folded[L_POST_JOINED], t, len) ||
	    any_inside(folded[L_PRE_JOINED], t, len) ||
	    memmem(t, len, HAN_EXCEPT_OPEN, HAN_LEN) != NULL))
		return true;
	/* pre_scoped asks phrase_ends at the space before a word;
	 * post_scoped asks for a postposed word. */
	for (p = 0; p < len; p = ws) {
		ws = word_end(t, len, p);
		if (foldset_has(folded[L_POST], t + p, ws - p) ||
		    (ws < len && phrase_ends(t, len, ws)))
			return true;
		while (ws < len && t[ws] == ' ')
			ws++;
	}
	return false;
}
