/*
 * The endings of the term languages that inflect at a word's end, and the
 * regular plural of the Romance languages.  A term file writes a term in
 * its dictionary form ("тиодиэтанол", "reaktör", "tanque vidriado"); a
 * declaration declines it ("тиодиэтанола", "reaktörlerin", "tanques
 * vidriados").  The matcher asks here how far a term's last word is its
 * stem and whether what follows the stem in the text is an ending of the
 * language; the tables are ours, written from each language's grammar
 * (the productive case, number and definiteness endings), and folded once
 * as the scanned text is (Cyrillic and Greek are read transliterated).
 * Nothing here touches the text being screened but the few bytes after a
 * term the scan has already found.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "inflect.h"
#include "normalize.h"
#include "util.h"
#include "xmalloc.h"

/*
 * A stem keeps this many letters: "мина" is not "мин" + "а", and the
 * German "Flak" takes no ending, or it would be the English "flakes".
 */
#define INFLECT_MIN_STEM	5
/* Turkish joins its suffixes: plural, possessive, case ("-leri-nin"). */
#define INFLECT_TR_JOINED	3
#define INFLECT_MAX_ENDINGS	64
#define INFLECT_MAX_HOLDERS	16
/* The longest linking element of a compound: German "-ens-". */
#define INFLECT_MAX_LINK	3

struct inflect_src {
	const char	*lang;
	int		 joined;	/* endings that may follow one another */
	const char	*endings;	/* space-separated, as the language writes them */
	/*
	 * A language that writes compounds as one word: the first letters of
	 * the last parts that name what holds or carries the goods, not the
	 * goods or a part of them (space-separated; NULL: no compounds).
	 */
	const char	*holders;
};

/*
 * Case and number endings of nouns (and the adjectives that end a term),
 * as each language's grammar gives them.  Stems written with '*' in the
 * term files need none of this; these are for the words written in full.
 * A bare "o" is left out (a Polish or Czech vocative, a Greek neuter
 * written once in the term files): with it a chemical name's stem is the
 * Latin combining form ("dimethylamin" + "o", "dimethylamino").
 */
static const struct inflect_src sources[] = {
	{ "ru", 1, "а я у ю ом ем ём ой ей ою ею е и ы ов ев ам ям ами ями ах ях ью", NULL },
	{ "uk", 1, "а я у ю ом ем єм ою ею е і ї и ів їв ей ам ям ами ями ах ях ові еві", NULL },
	{ "pl", 1, "a u owi em iem e ie y i ów om ami ach ą ę", NULL },
	{ "cs", 1, "a u e ě i y ů ou em ům ech ích ami emi í ovi", NULL },
	{ "el", 1, "ου ος οι ων ους α ας ες η ης ι ια ιου ιων ιο ιος εις ή", NULL },
	{ "tr", INFLECT_TR_JOINED, "lar ler ı i u ü yı yi yu yü nı ni nu nü ın in un ün "
	    "nın nin nun nün a e ya ye na ne da de ta te nda nde dan den tan ten ndan "
	    "nden la le yla yle sı si su sü ları leri ki", NULL },
	{ "de", 1, "e en n s es er ern ens",
	    "behälter kiste kasten koffer tasche etui schrank halter ständer box hülle" },
	{ "nl", 1, "en s e es n",
	    "kist koffer doos dozen tas kast houder standaard box hoes" },
	{ "sv", 1, "en et n t er ar or na erna arna orna ens ets ns ts s es ernas arnas ornas",
	    "låd väsk skåp fodral kist hållar ställ box" },
	{ "es", 1, "s es", NULL },
	{ "pt", 1, "s es ão ões ães", NULL },
	{ "it", 1, "o a e i", NULL },
	{ "fr", 1, "s x al aux", NULL },
	{ "hi", 1, "ों ें ियों ियां ियाँ", NULL },
	{ "id", 1, "nya lah kah", NULL },
	/*
	 * Persian writes its indefinite article and, after a long vowel, its
	 * ezafe as a ی joined to the noun ("راکتوری", "سالمونلای"); the same
	 * ی after a non-joiner, and the plural, normalize.c drops.
	 */
	{ "fa", 1, "ی", NULL },
};
#define NSOURCES	(sizeof(sources) / sizeof(sources[0]))

struct inflect {
	int	 joined;
	char	*end[INFLECT_MAX_ENDINGS];	/* folded */
	size_t	 len[INFLECT_MAX_ENDINGS];
	size_t	 n;
	bool	 compounds;
	char	*holder[INFLECT_MAX_HOLDERS];	/* folded */
	size_t	 holder_len[INFLECT_MAX_HOLDERS];
	size_t	 n_holder;
};

/*
 * The endings of the adjectives of the languages whose phrases decline
 * every word, an adjective agreeing with its noun ("центробежный насос",
 * "центробежных насосов"; "zawór kulowy", "zaworów kulowych"): with the
 * nouns' endings, what the inner words of a phrase may take.
 */
static const struct {
	const char	*lang;
	const char	*adjectives;
} inner_sources[] = {
	{ "ru", "ый ий ой ая яя ое ее ые ие ого его ому ему ым им ых их ую юю ыми ими" },
	{ "uk", "ий ій ого ього ому ьому ім им их іх ими іми" },
	{ "pl", "y ego ej emu ym im ych ich ymi imi" },
	{ "cs", "ý á é ého ému ém ým ých ými ího ímu ím ích ími" },
	/*
	 * Indonesian and Persian put the head first and its clitics on it
	 * ("reaktornya berlapis kaca"): a phrase's inner words take the
	 * nouns' endings, and adjectives have none of their own.
	 */
	{ "id", "" },
	{ "fa", "" },	/* the head first, as Indonesian */
};
#define NINNER	(sizeof(inner_sources) / sizeof(inner_sources[0]))

static pthread_once_t inflect_once = PTHREAD_ONCE_INIT;
static struct inflect tables[NSOURCES];
static struct inflect inner_tables[NSOURCES];	/* joined 0: none */

static void	inflect_build(void);
static void	endings_add(struct inflect *, const char *);
static void	holders_build(struct inflect *, const char *);
static size_t	letters(const char *, size_t);
static bool	tail_split(const struct inflect *, const char *, size_t, int);

/* Folds the endings <src> (space-separated) into <t>; an ending that
 * folds to nothing (a soft sign) or to one already listed is left out. */
static void
endings_add(struct inflect *t, const char *src)
{
	char *copy = xstrdup(src), *tok, *save = NULL;
	size_t k;

	for (tok = strtok_r(copy, " ", &save); tok != NULL &&
	    t->n < INFLECT_MAX_ENDINGS; tok = strtok_r(NULL, " ", &save)) {
		char *f = normalize_fold_str(tok);

		for (k = 0; k < t->n; k++)
			if (strcmp(t->end[k], f) == 0)
				break;
		if (f[0] == '\0' || strchr(f, ' ') != NULL || k < t->n) {
			free(f);
			continue;
		}
		t->end[t->n] = f;
		t->len[t->n++] = strlen(f);
	}
	free(copy);
}

/* Each language's tables, once. */
static void
inflect_build(void)
{
	size_t i, k;

	for (i = 0; i < NSOURCES; i++) {
		tables[i].joined = sources[i].joined;
		endings_add(&tables[i], sources[i].endings);
		if (sources[i].holders != NULL)
			holders_build(&tables[i], sources[i].holders);
		for (k = 0; k < NINNER; k++)
			if (strcmp(inner_sources[k].lang, sources[i].lang) == 0) {
				inner_tables[i].joined = 1;
				endings_add(&inner_tables[i], sources[i].endings);
				endings_add(&inner_tables[i],
				    inner_sources[k].adjectives);
			}
	}
}

const struct inflect *
inflect_inner(const struct inflect *in)
{
	size_t i;

	if (in == NULL || in < tables || in >= tables + NSOURCES)
		return NULL;
	i = (size_t)(in - tables);
	return inner_tables[i].joined > 0 ? &inner_tables[i] : NULL;
}

/* The compound heads <src> (space-separated) of table <t>, folded. */
static void
holders_build(struct inflect *t, const char *src)
{
	char *copy = xstrdup(src), *tok, *save = NULL;

	t->compounds = true;
	for (tok = strtok_r(copy, " ", &save); tok != NULL &&
	    t->n_holder < INFLECT_MAX_HOLDERS; tok = strtok_r(NULL, " ", &save)) {
		t->holder[t->n_holder] = normalize_fold_str(tok);
		t->holder_len[t->n_holder] = strlen(t->holder[t->n_holder]);
		t->n_holder++;
	}
	free(copy);
}

const struct inflect *
inflect_find(const char *lang)
{
	size_t i;

	if (lang == NULL)
		return NULL;
	pthread_once(&inflect_once, inflect_build);
	for (i = 0; i < NSOURCES; i++)
		if (strcmp(sources[i].lang, lang) == 0)
			return &tables[i];
	return NULL;
}

/* Letters (code points) of <w>; 0 if it holds a digit or an ASCII mark. */
static size_t
letters(const char *w, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)w[i];

		if (c < 0x80 && !(c >= 'a' && c <= 'z'))
			return 0;
		if ((c & 0xc0) != 0x80)
			n++;
	}
	return n;
}

size_t
inflect_stem(const struct inflect *in, const char *w, size_t len)
{
	size_t k, best = 0;

	if (letters(w, len) < INFLECT_MIN_STEM)
		return 0;
	for (k = 0; k < in->n; k++)
		if (in->len[k] > best && in->len[k] < len &&
		    memcmp(w + len - in->len[k], in->end[k], in->len[k]) == 0 &&
		    letters(w, len - in->len[k]) >= INFLECT_MIN_STEM)
			best = in->len[k];
	return len - best;
}

/* True if <tail> is at most <left> endings of <in> one after another. */
static bool
tail_split(const struct inflect *in, const char *tail, size_t len, int left)
{
	size_t k;

	if (len == 0)
		return true;
	if (left == 0)
		return false;
	for (k = 0; k < in->n; k++)
		if (in->len[k] <= len && memcmp(tail, in->end[k], in->len[k]) == 0 &&
		    tail_split(in, tail + in->len[k], len - in->len[k], left - 1))
			return true;
	return false;
}

bool
inflect_tail_ok(const struct inflect *in, const char *tail, size_t len)
{
	return tail_split(in, tail, len, in->joined);
}

bool
inflect_compounds(const struct inflect *in)
{
	return in != NULL && in->compounds;
}

size_t
inflect_letters(const char *w, size_t len)
{
	return letters(w, len);
}

bool
inflect_compound_tail(const struct inflect *in, const char *tail, size_t len)
{
	size_t k, at;

	if (letters(tail, len) < INFLECT_COMPOUND_PART)
		return false;
	/* after a linking element of up to INFLECT_MAX_LINK letters */
	for (at = 0; at <= INFLECT_MAX_LINK && at < len; at++)
		for (k = 0; k < in->n_holder; k++)
			if (in->holder_len[k] <= len - at &&
			    memcmp(tail + at, in->holder[k],
			    in->holder_len[k]) == 0)
				return false;
	return true;
}

/* ---- The Romance plural ---------------------------------------------- */

/*
 * Words that end a Romance phrase's head: the noun and its adjectives
 * agree in number before them, the complement after them does not
 * ("reactores de vidrio esmaltado").
 */
static const char *const romance_stops[] = {
	"es", " de del con para por en sin a y o ",
	"pt", " de do da dos das com para por em sem a e ou ",
	"it", " di del della dello dei degli delle con per in senza a e o da ",
	"fr", " de du des d en à au aux pour avec sans et ou ",
	NULL
};

static bool	romance_stop(const char *, const char *, size_t);
static bool	ends_with(const char *, size_t, const char *);
static bool	plain_word(const char *, size_t);
static char	*plural_word(const char *, const char *, size_t);

static const char *
romance_stoplist(const char *lang)
{
	size_t i;

	for (i = 0; lang != NULL && romance_stops[i] != NULL; i += 2)
		if (strcmp(romance_stops[i], lang) == 0)
			return romance_stops[i + 1];
	return NULL;
}

/* True if the word <w> (<len> bytes) is in the stop list <stops>. */
static bool
romance_stop(const char *stops, const char *w, size_t len)
{
	const char *p;

	for (p = strstr(stops, " "); p != NULL && p[1] != '\0';
	    p = strchr(p + 1, ' '))
		if (strncmp(p + 1, w, len) == 0 && p[1 + len] == ' ')
			return true;
	/* an elided article or preposition: "d'uranium", "l'acier" */
	return len > 2 && (w[1] == '\'' || strncmp(w + 1, "\xe2\x80\x99", 3) == 0);
}

static bool
ends_with(const char *w, size_t len, const char *suf)
{
	size_t sl = strlen(suf);

	return len >= sl && memcmp(w + len - sl, suf, sl) == 0;
}

/* True if <w> (<len> bytes) is lowercase letters only, of any script. */
static bool
plain_word(const char *w, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)w[i];

		if (c < 0x80 && !(c >= 'a' && c <= 'z'))
			return false;
	}
	return len > 0;
}

/* The regular plural of the word <w> (<len> bytes) in <lang>, or NULL
 * when the word keeps its form or its plural is not regular. */
static char *
plural_word(const char *lang, const char *w, size_t len)
{
	char *out = NULL;
	int n = (int)len;

	if (!plain_word(w, len))
		return NULL;
	if (strcmp(lang, "es") == 0) {
		if (strchr("aeiou", w[len - 1]) != NULL || ends_with(w, len, "á") ||
		    ends_with(w, len, "é") || ends_with(w, len, "ó"))
			(void)xasprintf(&out, "%.*ss", n, w);
		else if (strchr("lrndj", w[len - 1]) != NULL)
			(void)xasprintf(&out, "%.*ses", n, w);
	} else if (strcmp(lang, "pt") == 0) {
		if (ends_with(w, len, "ão"))
			(void)xasprintf(&out, "%.*sões", n - 3, w);
		else if (w[len - 1] == 'l')
			(void)xasprintf(&out, "%.*sis", n - 1, w);
		else if (w[len - 1] == 'm')
			(void)xasprintf(&out, "%.*sns", n - 1, w);
		else if (strchr("aeiou", w[len - 1]) != NULL)
			(void)xasprintf(&out, "%.*ss", n, w);
		else if (strchr("rz", w[len - 1]) != NULL)
			(void)xasprintf(&out, "%.*ses", n, w);
	} else if (strcmp(lang, "it") == 0) {
		if (ends_with(w, len, "io"))
			(void)xasprintf(&out, "%.*s", n - 1, w);
		else if (ends_with(w, len, "co") || ends_with(w, len, "go") ||
		    ends_with(w, len, "ca") || ends_with(w, len, "ga"))
			return NULL;	/* -chi or -ci: no one rule */
		else if (w[len - 1] == 'o' || w[len - 1] == 'e')
			(void)xasprintf(&out, "%.*si", n - 1, w);
		else if (w[len - 1] == 'a')
			(void)xasprintf(&out, "%.*se", n - 1, w);
	} else if (strcmp(lang, "fr") == 0) {
		if (strchr("sxz", w[len - 1]) != NULL)
			return NULL;
		if (ends_with(w, len, "al"))
			(void)xasprintf(&out, "%.*saux", n - 2, w);
		else if (ends_with(w, len, "eau") || ends_with(w, len, "eu"))
			(void)xasprintf(&out, "%.*sx", n, w);
		else
			(void)xasprintf(&out, "%.*ss", n, w);
	}
	return out;
}

char *
inflect_plural(const char *term, const char *lang)
{
	const char *stops = romance_stoplist(lang), *p, *w;
	struct buf b;
	bool head = true, changed = false;

	if (stops == NULL || strncmp(term, "re:", 3) == 0 ||
	    strchr(term, '*') != NULL || strchr(term, ' ') == NULL)
		return NULL;
	buf_init(&b);
	for (p = term; *p != '\0'; p = w) {
		size_t len;
		char *pl = NULL;

		for (w = p; *w != '\0' && *w != ' '; w++)
			;
		len = (size_t)(w - p);
		if (head && romance_stop(stops, p, len))
			head = false;
		if (head)
			pl = plural_word(lang, p, len);
		if (pl != NULL) {
			buf_adds(&b, pl);
			changed = true;
			free(pl);
		} else
			buf_add(&b, p, len);
		for (; *w == ' '; w++)
			buf_addc(&b, ' ');
	}
	if (!changed) {
		buf_free(&b);
		return NULL;
	}
	return buf_release(&b);
}
