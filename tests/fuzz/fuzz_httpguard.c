/*
 * libFuzzer target: the strict request framing in front of evhttp
 * (httpguard.c), on raw bytes from the network.  The first two bytes seed
 * how the rest arrives (segment sizes) and how much of what was given the
 * stand-in for evhttp reads between segments, so hold-back, pipelining and
 * chunked bodies are cut at every place.  Beyond memory safety: the guard
 * never gives more than it was sent plus one end-of-body and placeholder,
 * never gives anything after its refusal, and names a refusal only once.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "httpguard.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A small generator for cut points; the input seeds it. */
static uint32_t
next(uint32_t *s)
{
	*s = *s * 1103515245u + 12345u;
	return *s >> 16;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct evbuffer *in;
	struct httpguard *g;
	uint32_t seed;
	size_t pos = 2, given = 0, n, i;
	int code, refusals = 0, k;
	const char *why;

	if (size < 2)
		return 0;
	seed = (uint32_t)data[0] << 8 | data[1];
	in = evbuffer_new();
	g = httpguard_new(in, 512, 4096);
	while (pos < size) {
		n = 1 + next(&seed) % 64;
		if (n > size - pos)
			n = size - pos;
		evbuffer_add(in, data + pos, n);
		pos += n;
		/* evhttp reads some of what it was given, and hands requests. */
		if (next(&seed) % 2) {
			size_t have = evbuffer_get_length(in);
			size_t take = have ? next(&seed) % (have + 1) : 0;

			evbuffer_drain(in, take);
			given += take;
			for (k = next(&seed) % 3; k > 0; k--)
				if (httpguard_refused(g, &code, &why)) {
					if (code < 400 || code > 599 || why == NULL)
						abort();
					refusals++;
				}
		}
	}
	given += evbuffer_get_length(in);
	/* At most the input, one end of a chunked body, one placeholder. */
	if (given > size - 2 + 7 + 64)
		abort();
	for (i = 0; i < 64; i++)
		if (httpguard_refused(g, &code, &why))
			refusals++;
	if (refusals > 1)
		abort();
	httpguard_free(g);
	evbuffer_free(in);
	return 0;
}
