/*
 * Words a goods description writes apart, read whole (daemon/textjoin.c):
 * line-end hyphens and words spelt out letter by letter; what is left
 * alone; the map back to the description's bytes.
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "textjoin.h"

#include "harness.h"

/* <s> joined, or "=" when textjoin leaves it as it is. */
static char *
joined(const char *s)
{
	size_t *map, n;
	char *j = textjoin(s, strlen(s), &map, &n);

	if (j == NULL)
		return strdup("=");
	free(map);
	return j;
}

static void
check_join(const char *s, const char *want)
{
	char *got = joined(s);

	snprintf(h_ctx, sizeof(h_ctx), "join of %s", s);
	CHECK_STR_EQ(got, want);
	h_ctx[0] = '\0';
	free(got);
}

/* Every byte of the result maps to the same byte of <s>. */
static bool
map_true(const char *s)
{
	size_t *map, n, i;
	char *j = textjoin(s, strlen(s), &map, &n);
	bool ok = j != NULL && map[n] == strlen(s);

	for (i = 0; ok && i < n; i++)
		ok = map[i] < strlen(s) && s[map[i]] == j[i] &&
		    (i == 0 || map[i] > map[i - 1]);
	free(j);
	if (ok)
		free(map);
	return ok;
}

int
main(void)
{
	harness_init("test_textjoin");
	/* Line-end hyphens: the word is read whole. */
	check_join("triethano-\nlammonium chloride", "triethanolammonium chloride");
	check_join("THIODI-\r\n   GLYCOL 200 kg", "THIODIGLYCOL 200 kg");
	check_join("co-\nrd", "cord");
	/* A hyphen with spaces only, a locant, a digit before it: left alone. */
	check_join("mono- and diethanolamine", "=");
	check_join("N,N-\ndimethylamine", "=");
	check_join("2-\nchloroethanol", "=");
	check_join("Thiodi-\n25 kg", "=");
	/* Spelt-out words. */
	check_join("T H I O D I G L Y C O L, 200 kg", "THIODIGLYCOL, 200 kg");
	check_join("t.h.i.o.d.i.g.l.y.c.o.l", "thiodiglycol");
	check_join("p h o s p h o r u s   o x y c h l o r i d e",
	    "phosphorus   oxychloride");
	check_join("S-A-R-I-N precursor", "SARIN precursor");
	/* Other scripts: letters of any script. */
	check_join("\xd0\x97 \xd0\x90 \xd0\x9f \xd0\xa0 \xd0\x95 \xd0\xa9",
	    "\xd0\x97\xd0\x90\xd0\x9f\xd0\xa0\xd0\x95\xd0\xa9");
	/* Too short, part of a longer word, or not letters: left alone. */
	check_join("sizes S M L XL", "=");
	check_join("N N dimethyl", "=");
	check_join("A B C D2 E", "=");
	check_join("X-ray tube", "=");
	check_join("1 2 3 4 5 6", "=");
	check_join("U.S.A. made", "=");
	check_join("e.g. pumps", "=");
	check_join("", "=");
	/* The map points at the bytes that were written. */
	CHECK(map_true("triethano-\nlammonium chloride"));
	CHECK(map_true("x T H I O D I G L Y C O L y"));
	CHECK(map_true("\xd0\x97 \xd0\x90 \xd0\x9f \xd0\xa0 \xd0\x95"));
	return harness_done();
}
