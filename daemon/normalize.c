/*
 * Unicode folding (utf8proc does the Unicode work; only the Latin
 * transliteration of Cyrillic, Greek and Arabic letters is a table of ours,
 * since no Debian library offers it without ICU), HS-code spelling and CAS
 * numbers.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
	if (cp >= 0x660 && cp <= 0x669)		/* Arabic-Indic digits */
		return digits[cp - 0x660];
	if (cp >= 0x6f0 && cp <= 0x6f9)		/* Persian digits */
		return digits[cp - 0x6f0];
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

struct foldbuf {
	struct buf	 text;
	size_t		*map, *emap;
	size_t		 cap;
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

void
normalize_fold(const char *s, size_t len, struct folded *out)
{
	const utf8proc_option_t opts = UTF8PROC_CASEFOLD | UTF8PROC_COMPAT |
	    UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK;
	struct foldbuf f;
	utf8proc_int32_t cp, dec[16];
	utf8proc_ssize_t n, nd, k;
	size_t off = 0;
	int bound = 0;

	memset(&f, 0, sizeof(f));
	buf_init(&f.text);
	while (off < len) {
		n = utf8proc_iterate((const utf8proc_uint8_t *)s + off,
		    (utf8proc_ssize_t)(len - off), &cp);
		if (n <= 0) {
			fold_space(&f, off, off + 1);
			off++;
			continue;
		}
		/*
		 * Transliterate before decomposing: й and ї are letters of their
		 * own in Cyrillic, not и and і with a mark to strip.
		 */
		{
			const char *t = translit(utf8proc_tolower(cp));

			if (t != NULL) {
				fold_emit(&f, t, strlen(t), off, off + (size_t)n);
				off += (size_t)n;
				continue;
			}
		}
		nd = utf8proc_decompose_char(cp, dec, 16, opts, &bound);
		if (nd < 0 || nd > 16) {
			fold_space(&f, off, off + (size_t)n);
			off += (size_t)n;
			continue;
		}
		for (k = 0; k < nd; k++) {
			utf8proc_category_t cat = utf8proc_category(dec[k]);
			utf8proc_uint8_t enc[4];
			const char *t;
			utf8proc_ssize_t el;

			if (cat == UTF8PROC_CATEGORY_MN ||
			    cat == UTF8PROC_CATEGORY_MC ||
			    cat == UTF8PROC_CATEGORY_ME)
				continue;
			if (cat < UTF8PROC_CATEGORY_LU ||
			    cat > UTF8PROC_CATEGORY_NO ||
			    (cat > UTF8PROC_CATEGORY_LO &&
			    cat < UTF8PROC_CATEGORY_ND)) {
				fold_space(&f, off, off + (size_t)n);
				continue;
			}
			if ((t = translit(dec[k])) != NULL) {
				fold_emit(&f, t, strlen(t), off, off + (size_t)n);
				continue;
			}
			el = utf8proc_encode_char(dec[k], enc);
			fold_emit(&f, (const char *)enc, (size_t)el, off,
			    off + (size_t)n);
		}
		off += (size_t)n;
	}
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
