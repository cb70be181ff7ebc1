/*
 * Probe of the denied-party matcher for the name-matching generalisation
 * check (tests/names/check.sh): loads the list files named on the command
 * line, then reads one query a line on standard input and prints, tab
 * separated, the query, the list references of its hits (comma separated,
 * best first), the best score, whether the best hit is weak, the name it
 * matched and how its words matched ("-" fields when nothing reaches the
 * threshold).  It judges
 * nothing; check.py does the counting.
 *
 *	names/name_probe [-t threshold] FILE... < queries.txt
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "party.h"
#include "util.h"
#include "xmalloc.h"

int
main(int argc, char **argv)
{
	struct party_index *idx;
	struct party_hit hits[3];
	struct buf errs;
	double thr = PARTY_THRESHOLD_DEFAULT;
	char line[1024];
	int ch, i;

	while ((ch = getopt(argc, argv, "t:")) != -1) {
		switch (ch) {
		case 't':
			thr = strtod(optarg, NULL);
			break;
		default:
			goto usage;
		}
	}
	if (optind >= argc)
		goto usage;
	buf_init(&errs);
	idx = party_index_new();
	for (i = optind; i < argc; i++) {
		size_t len;
		char *data = util_read_file(argv[i], &len);

		if (data == NULL) {
			perror(argv[i]);
			return 1;
		}
		(void)party_add_file(idx, argv[i], data, len, &errs);
		free(data);
	}
	(void)party_prepare(idx, &errs);
	while (fgets(line, sizeof(line), stdin) != NULL) {
		size_t n;

		line[strcspn(line, "\r\n")] = '\0';
		n = party_search(idx, line, thr, hits, sizeof(hits) / sizeof(hits[0]));
		if (n == 0)
			printf("%s\t-\t0\t-\t-\t-\n", line);
		else {
			size_t k;

			printf("%s\t", line);
			for (k = 0; k < n; k++)
				printf("%s%s", k > 0 ? "," : "",
				    hits[k].rec->ref);
			printf("\t%.3f\t%d\t%s\t%s\n", hits[0].score,
			    hits[0].weak ? 1 : 0, hits[0].matched,
			    hits[0].words);
		}
	}
	buf_free(&errs);
	party_index_free(idx);
	return 0;
usage:
	fprintf(stderr, "usage: name_probe [-t threshold] FILE... "
	    "< queries\n");
	return 2;
}
