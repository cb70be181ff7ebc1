/*
 * Shared by the denied-party fuzz targets: loads <data> as the list file
 * <name> into a fresh index, prepares it and runs one search, as a reload
 * does with a fetched file.  Errors must come back as "name:line: why".
 */
#ifndef CORDON_FUZZ_PARTY_H
#define CORDON_FUZZ_PARTY_H

#include <stdlib.h>
#include <string.h>

#include "party.h"
#include "util.h"

static void
fuzz_party_file(const char *name, const char *data, size_t size)
{
	struct party_index *idx = party_index_new();
	struct party_hit hits[4];
	struct buf errs;
	size_t nlen = strlen(name);

	buf_init(&errs);
	if (party_add_file(idx, name, data, size, &errs) > 0) {
		if (errs.len == 0 || strncmp(errs.data, name, nlen) != 0 ||
		    errs.data[nlen] != ':')
			abort();
	} else if (party_prepare(idx, &errs) == 0)
		party_search(idx, "Korea Mining Development Trading", 0.5, hits,
		    4);
	buf_free(&errs);
	party_index_free(idx);
}

#endif
