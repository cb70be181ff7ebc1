/*
 * libFuzzer target: party search, the path every declared party name takes
 * (transliteration, folding, legal phrases, moved spaces and hyphens, split
 * and joined words, spelling keys, candidate scoring), against the real UN
 * consolidated list and the OFAC SDN files of tests/data/unit/party/real,
 * indexed once.  The input is a declared name; as in cordond, only valid
 * UTF-8 reaches the search (jansson refuses the rest), so other inputs are
 * skipped.  Beyond memory safety: at most <max> hits, best first, each
 * scoring between the threshold and 1, naming a record and a name of it,
 * with NUL-terminated evidence that becomes JSON; a stricter threshold
 * finds no hit the looser one did not.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "party.h"
#include "util.h"

#ifndef FUZZ_PARTY_DATA
#error "FUZZ_PARTY_DATA: the directory of the real list files (tests/Makefile.am)"
#endif

#define MAXHITS	8

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct party_index *idx;

static void
add(const char *base)
{
	char path[4096];
	struct buf errs;
	FILE *f;
	char *data;
	long len;

	snprintf(path, sizeof(path), "%s/%s", FUZZ_PARTY_DATA, base);
	if ((f = fopen(path, "rb")) == NULL || fseek(f, 0, SEEK_END) != 0 ||
	    (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		fprintf(stderr, "fuzz_party_search: cannot read %s\n", path);
		abort();
	}
	data = malloc((size_t)len + 1);
	if (data == NULL || fread(data, 1, (size_t)len, f) != (size_t)len)
		abort();
	fclose(f);
	buf_init(&errs);
	if (party_add_file(idx, base, data, (size_t)len, &errs) != 0) {
		fprintf(stderr, "fuzz_party_search: %s: %.*s\n", base,
		    (int)errs.len, errs.data);
		abort();
	}
	buf_free(&errs);
	free(data);
}

static void
load(void)
{
	struct buf errs;

	idx = party_index_new();
	add("UN_consolidated.xml");
	add("sdn.csv");
	add("alt.csv");
	buf_init(&errs);
	party_prepare(idx, &errs);	/* alt rows of entries not in sdn.csv */
	buf_free(&errs);
}

/* True if <s> (<n> bytes, no NUL) is well-formed UTF-8 without surrogates. */
static bool
valid_utf8(const uint8_t *s, size_t n)
{
	size_t i = 0, k, len;
	uint32_t c;

	while (i < n) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if ((s[i] & 0xe0) == 0xc0)
			len = 2, c = s[i] & 0x1f;
		else if ((s[i] & 0xf0) == 0xe0)
			len = 3, c = s[i] & 0x0f;
		else if ((s[i] & 0xf8) == 0xf0)
			len = 4, c = s[i] & 0x07;
		else
			return false;
		if (i + len > n)
			return false;
		for (k = 1; k < len; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return false;
			c = c << 6 | (s[i + k] & 0x3f);
		}
		if ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) ||
		    (len == 4 && (c < 0x10000 || c > 0x10ffff)) ||
		    (c >= 0xd800 && c <= 0xdfff))
			return false;
		i += len;
	}
	return true;
}

/* Checks what party_search promises of <h> (<n> hits at <threshold>). */
static void
check_hits(const struct party_hit *h, size_t n, double threshold)
{
	size_t i;

	if (n > MAXHITS)
		abort();
	for (i = 0; i < n; i++) {
		json_t *j;

		if (h[i].rec == NULL || h[i].matched == NULL ||
		    h[i].score < threshold - 1e-9 || h[i].score > 1 + 1e-9 ||
		    (i > 0 && h[i].score > h[i - 1].score + 1e-9) ||
		    memchr(h[i].words, '\0', sizeof(h[i].words)) == NULL)
			abort();
		if ((j = party_hit_json(&h[i])) == NULL)
			abort();
		json_decref(j);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct party_hit loose[MAXHITS], strict[MAXHITS];
	size_t nl, ns, i, k;
	char *name, *norm;

	if (idx == NULL)
		load();
	if (size > 4096 || memchr(data, '\0', size) != NULL ||
	    !valid_utf8(data, size))
		return 0;
	name = malloc(size + 1);
	if (name == NULL)
		abort();
	memcpy(name, data, size);
	name[size] = '\0';

	nl = party_search(idx, name, 0.6, loose, MAXHITS);
	check_hits(loose, nl, 0.6);
	ns = party_search(idx, name, PARTY_THRESHOLD_DEFAULT, strict, MAXHITS);
	check_hits(strict, ns, PARTY_THRESHOLD_DEFAULT);
	/* Each strict hit is a loose one too, unless the loose ones filled
	 * every slot with better scores. */
	if (nl < MAXHITS)
		for (i = 0; i < ns; i++) {
			for (k = 0; k < nl && loose[k].rec != strict[i].rec; k++)
				;
			if (k == nl)
				abort();
		}
	if ((norm = party_normalize_name(name)) == NULL)
		abort();
	free(norm);
	free(name);
	return 0;
}
