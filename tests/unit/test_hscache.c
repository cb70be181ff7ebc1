/*
 * The rules cache (hscache.c) and the matcher's use of it: a hit serves
 * the stored database, a changed pattern misses, a corrupt, truncated or
 * foreign file is compiled again and replaced, and a directory that cannot
 * be used only costs the compile.
 */
#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <hs/hs.h>

#include "harness.h"
#include "hscache.h"
#include "log.h"
#include "match.h"
#include "normalize.h"
#include "rules.h"

/* Literal terms only: one database, one cache file. */
static const char lit_yaml[] =
    "list: {id: c, title: C, source: S, version_date: 2024-01-31}\n"
    "entries:\n"
    "  - code: C1\n"
    "    title: One\n"
    "    category: chemical\n"
    "    explanation: x\n"
    "    keywords: [thionyl chloride, ";

/* Literals and expressions (an inner stem, a head-noun family). */
static const char mixed_yaml[] =
    "list: {id: d, title: D, source: S, version_date: 2024-01-31}\n"
    "entries:\n"
    "  - code: D1\n"
    "    title: Two\n"
    "    category: nuclear\n"
    "    explanation: x\n"
    "    keywords: [\"centrifug* separator*\", 离心机, gas centrifuge]\n";

static char	 dir[64];

/* Builds a matcher from <yaml> (with <word> and "]" appended if set). */
static struct matcher *
build(const char *yaml, const char *word, struct ruleset **rsp)
{
	struct ruleset *rs = rules_new();
	struct matcher *m;
	struct buf errs;
	char text[1024];

	buf_init(&errs);
	snprintf(text, sizeof(text), "%s%s%s", yaml, word ? word : "",
	    word ? "]\n" : "");
	if (!CHECK_INT_EQ(rules_add_buffer(rs, "c.yaml", text, strlen(text),
	    &errs), 0) || !CHECK_INT_EQ(rules_finish(rs, &errs), 0)) {
		printf("# %s", errs.data ? errs.data : "");
		exit(1);
	}
	m = match_new(rs);
	if (!CHECK_INT_EQ(match_prepare(m, &errs), 0)) {
		printf("# %s", errs.data ? errs.data : "");
		exit(1);
	}
	buf_free(&errs);
	*rsp = rs;
	return m;
}

static void
count_cb(unsigned id, size_t from, size_t to, void *arg)
{
	(*(size_t *)arg)++;
}

/* The number of term occurrences <m> finds in <text>. */
static size_t
hits(const struct matcher *m, const char *text)
{
	struct folded f;
	size_t n = 0;

	memset(&f, 0, sizeof(f));
	normalize_fold(text, strlen(text), &f);
	CHECK_INT_EQ(match_terms(m, NULL, f.text, f.len, count_cb, &n), 0);
	folded_free(&f);
	return n;
}

static void
drop(struct matcher *m, struct ruleset *rs)
{
	match_free(m);
	rules_free(rs);
}

/* The cache files of <d>, names into <names> (up to 8); returns the count. */
static size_t
files(const char *d, char names[][80])
{
	struct dirent *de;
	size_t n = 0;
	DIR *dp;

	if ((dp = opendir(d)) == NULL)
		return 0;
	while ((de = readdir(dp)) != NULL) {
		size_t l = strlen(de->d_name);

		if (l < 5 || strcmp(de->d_name + l - 5, ".hsdb") != 0)
			continue;
		if (n < 8 && names != NULL)
			snprintf(names[n], 80, "%s", de->d_name);
		n++;
	}
	closedir(dp);
	return n;
}

static unsigned char *
slurp(const char *path, size_t *len)
{
	struct stat st;
	unsigned char *b;
	int fd = open(path, O_RDONLY);

	if (fd == -1 || fstat(fd, &st) == -1)
		return NULL;
	b = malloc((size_t)st.st_size);
	*len = (size_t)read(fd, b, (size_t)st.st_size);
	close(fd);
	return b;
}

static void
spill(const char *path, const unsigned char *b, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	CHECK(fd != -1 && write(fd, b, len) == (ssize_t)len);
	close(fd);
}

/* hscache_key(): every argument counts, and its order. */
static void
test_keys(void)
{
	const char *p[] = { "alpha", "beta" }, *q[] = { "beta", "alpha" };
	size_t len[] = { 5, 4 }, qlen[] = { 4, 5 };
	unsigned fl[] = { 0, 0 }, fl2[] = { 0, HS_FLAG_UTF8 };
	unsigned id[] = { 0, 1 }, id2[] = { 0, 2 };
	struct hscache_key a, b;

	hscache_key(&a, p, len, fl, id, 2, HS_MODE_BLOCK);
	hscache_key(&b, p, len, fl, id, 2, HS_MODE_BLOCK);
	CHECK_STR_EQ(a.hex, b.hex);
	CHECK_INT_EQ(strlen(a.hex), 64);
	hscache_key(&b, q, qlen, fl, id, 2, HS_MODE_BLOCK);
	CHECK(strcmp(a.hex, b.hex) != 0);
	hscache_key(&b, p, len, fl2, id, 2, HS_MODE_BLOCK);
	CHECK(strcmp(a.hex, b.hex) != 0);
	hscache_key(&b, p, len, fl, id2, 2, HS_MODE_BLOCK);
	CHECK(strcmp(a.hex, b.hex) != 0);
	hscache_key(&b, p, NULL, fl, id, 2, HS_MODE_BLOCK);
	CHECK(strcmp(a.hex, b.hex) != 0);	/* expressions, not literals */
	hscache_key(&b, p, len, fl, id, 1, HS_MODE_BLOCK);
	CHECK(strcmp(a.hex, b.hex) != 0);
}

/*
 * A hit serves what the file holds: a file stored under the key of one
 * rule set but holding the database of another is what the next build of
 * the first gets (which is why only this user may write the directory).
 */
static void
test_hit_and_miss(void)
{
	char names[8][80], path[1024], other[8][80], opath[1024];
	struct ruleset *rs;
	struct matcher *m;
	unsigned char *b;
	size_t len, i;

	hscache_set_dir(dir, HSCACHE_QUIET);
	m = build(lit_yaml, "sarin", &rs);
	CHECK_INT_EQ(hits(m, "sarin in drums"), 1);
	drop(m, rs);
	if (!CHECK_INT_EQ(files(dir, names), 1))
		return;

	/* The same rules again: served from the file (proved below). */
	m = build(lit_yaml, "sarin", &rs);
	CHECK_INT_EQ(hits(m, "sarin in drums"), 1);
	CHECK_INT_EQ(hits(m, "thionyl chloride"), 1);
	drop(m, rs);
	CHECK_INT_EQ(files(dir, NULL), 1);

	/* A changed pattern misses: its own file, its own words. */
	m = build(lit_yaml, "soman", &rs);
	CHECK_INT_EQ(hits(m, "sarin in drums"), 0);
	CHECK_INT_EQ(hits(m, "soman in drums"), 1);
	drop(m, rs);
	if (!CHECK_INT_EQ(files(dir, other), 2))
		return;

	/* Put soman's database under sarin's key: sarin's build gets it. */
	snprintf(path, sizeof(path), "%s/%s", dir, names[0]);
	for (i = 0; i < 2; i++)
		if (strcmp(other[i], names[0]) != 0)
			snprintf(opath, sizeof(opath), "%s/%s", dir, other[i]);
	if ((b = slurp(opath, &len)) == NULL || !CHECK(len > 48))
		return;
	for (i = 0; i < 32; i++) {
		unsigned int v;

		sscanf(names[0] + 2 * i, "%2x", &v);
		b[16 + i] = (unsigned char)v;
	}
	spill(path, b, len);
	free(b);
	m = build(lit_yaml, "sarin", &rs);
	CHECK_INT_EQ(hits(m, "soman in drums"), 1);
	CHECK_INT_EQ(hits(m, "sarin in drums"), 0);
	drop(m, rs);
	unlink(path);
	unlink(opath);
}

/*
 * A damaged file is never used: a flipped payload byte, a truncated file,
 * a file of another key, garbage.  Each build compiles, finds what it
 * should, and leaves a good file behind.
 */
static void
test_corrupt(void)
{
	char names[8][80], path[1024];
	struct ruleset *rs;
	struct matcher *m;
	unsigned char *b;
	size_t len, n, k;
	int round;

	hscache_set_dir(dir, HSCACHE_QUIET);
	m = build(mixed_yaml, NULL, &rs);
	CHECK_INT_EQ(hits(m, "gas centrifuge"), 1);
	drop(m, rs);
	n = files(dir, names);
	if (!CHECK_INT_EQ(n, 2))
		return;
	for (round = 0; round < 4; round++) {
		for (k = 0; k < n; k++) {
			snprintf(path, sizeof(path), "%s/%s", dir, names[k]);
			if ((b = slurp(path, &len)) == NULL || len < 200)
				continue;
			switch (round) {
			case 0:		/* a payload byte */
				b[len / 2] ^= 0x5a;
				break;
			case 1:		/* truncated */
				len = len * 2 / 3;
				break;
			case 2:		/* another key in the header */
				b[20] ^= 0x01;
				break;
			default:	/* not a cache file at all */
				memset(b, 'x', 64);
				break;
			}
			spill(path, b, len);
			free(b);
		}
		harness_context("corruption %d", round);
		m = build(mixed_yaml, NULL, &rs);
		CHECK_INT_EQ(hits(m, "gas centrifuge"), 1);
		CHECK_INT_EQ(hits(m, "centrifugal separators"), 1);
		CHECK_INT_EQ(hits(m, "离心设备出口"), 1);
		CHECK_INT_EQ(hits(m, "thionyl chloride"), 0);
		drop(m, rs);
		CHECK_INT_EQ(files(dir, NULL), 2);
	}
	harness_context("after the corruptions");
	/* The rewritten files are good again: loaded, not compiled. */
	for (k = 0; k < n; k++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[k]);
		if ((b = slurp(path, &len)) != NULL) {
			CHECK(len > 88 && memcmp(b, "CORDONHS", 8) == 0);
			free(b);
		}
	}
	for (k = 0; k < n; k++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[k]);
		unlink(path);
	}
}

/* A directory that cannot be used only costs the compile. */
static void
test_unusable_dirs(void)
{
	char loose[80], plain[80];
	struct ruleset *rs;
	struct matcher *m;
	int fd;

	/* Writable by others: refused (anyone could choose our patterns). */
	snprintf(loose, sizeof(loose), "%s/loose", dir);
	CHECK_INT_EQ(mkdir(loose, 0700), 0);
	CHECK_INT_EQ(chmod(loose, 0777), 0);
	hscache_set_dir(loose, HSCACHE_QUIET);
	m = build(lit_yaml, "tabun", &rs);
	CHECK_INT_EQ(hits(m, "tabun"), 1);
	drop(m, rs);
	CHECK_INT_EQ(files(loose, NULL), 0);
	rmdir(loose);

	/* Not a directory; then one that does not exist. */
	snprintf(plain, sizeof(plain), "%s/plain", dir);
	fd = open(plain, O_WRONLY | O_CREAT, 0600);
	close(fd);
	hscache_set_dir(plain, HSCACHE_QUIET);
	m = build(lit_yaml, "tabun", &rs);
	CHECK_INT_EQ(hits(m, "tabun"), 1);
	drop(m, rs);
	unlink(plain);
	hscache_set_dir(plain, HSCACHE_QUIET);
	m = build(lit_yaml, "tabun", &rs);
	CHECK_INT_EQ(hits(m, "tabun"), 1);
	drop(m, rs);

	/* Read-only (not for root, whom permissions do not stop). */
	if (geteuid() != 0) {
		snprintf(loose, sizeof(loose), "%s/ro", dir);
		CHECK_INT_EQ(mkdir(loose, 0500), 0);
		hscache_set_dir(loose, HSCACHE_QUIET);
		m = build(lit_yaml, "tabun", &rs);
		CHECK_INT_EQ(hits(m, "tabun"), 1);
		drop(m, rs);
		CHECK_INT_EQ(files(loose, NULL), 0);
		rmdir(loose);
	}

	/* Off. */
	hscache_set_dir("", HSCACHE_QUIET);
	CHECK(hscache_dir() == NULL);
	m = build(lit_yaml, "tabun", &rs);
	CHECK_INT_EQ(hits(m, "tabun"), 1);
	drop(m, rs);
	CHECK_INT_EQ(files(dir, NULL), 0);
}

int
main(void)
{
	harness_init("test_hscache");
	log_init("test_hscache", LOG_LEVEL_ERROR, false);
	snprintf(dir, sizeof(dir), "/tmp/test_hscache.XXXXXX");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	test_keys();
	test_hit_and_miss();
	test_corrupt();
	test_unusable_dirs();
	rmdir(dir);
	return harness_done();
}
