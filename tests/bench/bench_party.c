/*
 * Benchmark of the denied-party index (not a test: it prints figures and
 * judges nothing).  Loads the list files named on the command line (UN XML,
 * OFAC sdn.csv/alt.csv/add.csv, BIS dpl.txt), then reports load and prepare
 * time, resident memory, and the cost per party name over a few thousand
 * queries (mean, median and tail): listed names as published, variants of
 * them (typos, reordered tokens, legal forms changed) and ordinary company
 * names.
 *
 *	bench/bench_party [-n queries] [-t threshold] FILE...
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "party.h"
#include "util.h"
#include "xmalloc.h"

static double
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* VmRSS from /proc/self/status in KiB, or -1. */
static long
rss_kib(void)
{
	FILE *fp = fopen("/proc/self/status", "r");
	char line[256];
	long kb = -1;

	if (fp == NULL)
		return -1;
	while (fgets(line, sizeof(line), fp) != NULL)
		if (strncmp(line, "VmRSS:", 6) == 0)
			kb = strtol(line + 6, NULL, 10);
	fclose(fp);
	return kb;
}

static const char *const firms[] = {
	"Nordhafen", "Baltic", "Lombardia", "Kansai", "Maple Leaf", "Fjord",
	"Great Lakes", "Rhine Valley", "Tejo", "Vistula", "Sydney", "Cape",
	"Korea", "General", "Green", "Ocean", "Pacific", "Atlas", "Orion",
	"Delta", "Sunrise", "Crescent", "Alpine", "Golden Gate", "Silk Road",
};
static const char *const trades[] = {
	"Trading", "Electric Power", "Machinery", "Laboratory Supplies",
	"Industrial Supply", "Furniture", "Freight Management", "Chemicals",
	"Precision Instruments", "Engineering", "Shipping", "Textiles",
	"Components", "Scientific", "Bio Supplies", "Metal Works",
};
static const char *const forms[] = {
	"GmbH", "Ltd", "Co., Ltd", "Inc", "AG", "Srl", "SAS", "LLC", "BV",
	"Pty Ltd", "Sp. z o.o.", "KK", "AB", "AS", "Corporation", "",
};

/* A variant of <name>: a typo, reordered tokens, or a legal form. */
static char *
variant(const char *name, unsigned k)
{
	char *s = xstrdup(name), *sp, *out;
	size_t n = strlen(s);

	switch (k % 3) {
	case 0:		/* swap two letters in the middle */
		if (n > 6) {
			char c = s[n / 2];

			s[n / 2] = s[n / 2 + 1];
			s[n / 2 + 1] = c;
		}
		return s;
	case 1:		/* last token first */
		if ((sp = strrchr(s, ' ')) != NULL) {
			*sp = '\0';
			xasprintf(&out, "%s %s", sp + 1, s);
			free(s);
			return out;
		}
		return s;
	default:
		xasprintf(&out, "%s %s", s, forms[k % 15]);
		free(s);
		return out;
	}
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int
main(int argc, char **argv)
{
	struct party_index *idx;
	struct party_hit hits[16];
	struct buf errs;
	char **queries;
	double t0, t1, t2, tq, thr = PARTY_THRESHOLD_DEFAULT, *per;
	long rss0, rss1;
	size_t nq = 3000, i, nrec, hitq = 0, nhits = 0;
	int c, nerr = 0;

	while ((c = getopt(argc, argv, "n:t:")) != -1) {
		switch (c) {
		case 'n':
			nq = strtoul(optarg, NULL, 10);
			break;
		case 't':
			thr = strtod(optarg, NULL);
			break;
		default:
			goto usage;
		}
	}
	if (optind >= argc || nq == 0)
		goto usage;

	rss0 = rss_kib();
	buf_init(&errs);
	idx = party_index_new();
	t0 = now_us();
	for (i = (size_t)optind; i < (size_t)argc; i++) {
		size_t len;
		char *data = util_read_file(argv[i], &len);

		if (data == NULL) {
			perror(argv[i]);
			return 1;
		}
		nerr += party_add_file(idx, argv[i], data, len, &errs);
		free(data);
	}
	t1 = now_us();
	nerr += party_prepare(idx, &errs);
	t2 = now_us();
	rss1 = rss_kib();
	if (errs.len > 0)
		fputs(errs.data, stderr);
	nrec = party_count(idx);
	if (nrec == 0) {
		fprintf(stderr, "no records loaded\n");
		return 1;
	}
	{
		json_t *info = party_lists_info(idx);
		char *s = json_dumps(info, JSON_COMPACT);

		printf("lists: %s\n", s);
		free(s);
		json_decref(info);
	}
	printf("records: %zu, load errors: %d\n", nrec, nerr);
	printf("load: %.1f ms, prepare: %.1f ms\n", (t1 - t0) / 1e3,
	    (t2 - t1) / 1e3);
	printf("memory: VmRSS %ld KiB before, %ld KiB after (+%.1f MiB)\n",
	    rss0, rss1, (rss1 - rss0) / 1024.0);

	/* A third listed names, a third variants, a third ordinary firms. */
	queries = xcalloc(nq, sizeof(char *));
	for (i = 0; i < nq; i++) {
		const struct party_record *r =
		    party_get(idx, (i * 7919) % nrec);

		switch (i % 3) {
		case 0:
			queries[i] = xstrdup(r->name);
			break;
		case 1:
			queries[i] = variant(r->name, (unsigned)i);
			break;
		default:
			xasprintf(&queries[i], "%s %s %s",
			    firms[(i / 3) % 25], trades[(i / 7) % 16],
			    forms[(i / 11) % 16]);
			break;
		}
	}
	per = xcalloc(nq, sizeof(double));
	t0 = now_us();
	for (i = 0; i < nq; i++) {
		double q0 = now_us();
		size_t n = party_search(idx, queries[i], thr, hits, 16);

		per[i] = now_us() - q0;
		nhits += n;
		hitq += n > 0;
	}
	tq = now_us() - t0;
	qsort(per, nq, sizeof(double), cmp_double);
	printf("queries: %zu (1/3 listed names, 1/3 variants, 1/3 ordinary "
	    "firms), threshold %.2f\n", nq, thr);
	printf("search: %.1f us per party name (total %.1f ms); "
	    "%zu names with a hit, %zu hits\n", tq / nq, tq / 1e3, hitq,
	    nhits);
	printf("per name: median %.1f us, 90th percentile %.1f us, "
	    "99th %.1f us\n", per[nq / 2], per[nq * 9 / 10],
	    per[nq * 99 / 100]);
	free(per);
	{
		size_t fp = 0, n3 = 0;

		for (i = 2; i < nq; i += 3, n3++)
			fp += party_search(idx, queries[i], thr, hits, 16) > 0;
		printf("ordinary firms with a hit: %zu of %zu\n", fp, n3);
	}
	for (i = 0; i < nq; i++)
		free(queries[i]);
	free(queries);
	party_index_free(idx);
	buf_free(&errs);
	return 0;

usage:
	fprintf(stderr, "usage: bench_party [-n queries] [-t threshold] "
	    "FILE...\n");
	return 2;
}
