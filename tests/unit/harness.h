/*
 * The unit-test harness: CHECK() and friends record a pass or a failure with
 * file:line and the expression; harness_done() prints one line per failed
 * check and then the summary line the test runner sums,
 *
 *	test_<module>: N passed, M failed
 *
 * and returns the exit status (0 if nothing failed).  Known daemon bugs are
 * reported with CHECK_BUG(), which prints a SKIP line with the reason while
 * the bug is present and passes once it is fixed; skips are not counted.
 * Data files are found through the TEST_DATA environment variable (set by
 * tests/Makefile.am); a program run without it stops with a clear message.
 * Header-only on purpose: each test program is one .c file.
 */
#ifndef CORDON_TEST_HARNESS_H
#define CORDON_TEST_HARNESS_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define H_UNUSED	__attribute__((unused))

static const char	*h_prog;
static int		 h_pass, h_fail, h_skip;
static char		*h_log;		/* failure lines, printed at the end */
static size_t		 h_loglen;
static char		 h_ctx[256];	/* current table row, if any */

static void	h_logf(const char *, ...) __attribute__((format(printf, 1, 2)))
		    H_UNUSED;

static void
h_logf(const char *fmt, ...)
{
	va_list ap;
	char line[2048];
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(line))
		n = sizeof(line) - 1;
	h_log = realloc(h_log, h_loglen + (size_t)n + 2);
	if (h_log == NULL) {
		fprintf(stderr, "harness: out of memory\n");
		exit(2);
	}
	memcpy(h_log + h_loglen, line, (size_t)n);
	h_loglen += (size_t)n;
	h_log[h_loglen++] = '\n';
	h_log[h_loglen] = '\0';
}

/* Names the program for the summary line; call first in main(). */
static H_UNUSED void
harness_init(const char *prog)
{
	h_prog = prog;
}

/* Sets a context ("case 3: ...") shown with failures until cleared. */
static H_UNUSED void
harness_context(const char *fmt, ...)
{
	va_list ap;

	if (fmt == NULL) {
		h_ctx[0] = '\0';
		return;
	}
	va_start(ap, fmt);
	vsnprintf(h_ctx, sizeof(h_ctx), fmt, ap);
	va_end(ap);
}

static H_UNUSED int
h_check(int ok, const char *file, int line, const char *expr)
{
	if (ok) {
		h_pass++;
		return 1;
	}
	h_fail++;
	h_logf("FAIL %s:%d: %s%s%s", file, line, expr, h_ctx[0] ? " -- " : "",
	    h_ctx);
	return 0;
}

static H_UNUSED int
h_check_str(const char *got, const char *want, const char *file, int line,
    const char *expr)
{
	if (got != NULL && want != NULL && strcmp(got, want) == 0) {
		h_pass++;
		return 1;
	}
	if (got == NULL && want == NULL) {
		h_pass++;
		return 1;
	}
	h_fail++;
	h_logf("FAIL %s:%d: %s: got \"%s\", expected \"%s\"%s%s", file, line,
	    expr, got ? got : "(null)", want ? want : "(null)",
	    h_ctx[0] ? " -- " : "", h_ctx);
	return 0;
}

static H_UNUSED int
h_check_int(long long got, long long want, const char *file, int line,
    const char *expr)
{
	if (got == want) {
		h_pass++;
		return 1;
	}
	h_fail++;
	h_logf("FAIL %s:%d: %s: got %lld, expected %lld%s%s", file, line, expr,
	    got, want, h_ctx[0] ? " -- " : "", h_ctx);
	return 0;
}

static H_UNUSED int
h_check_bug(int ok, const char *file, int line, const char *expr,
    const char *reason)
{
	if (ok) {
		h_pass++;
		return 1;
	}
	h_skip++;
	printf("SKIP %s:%d: known daemon bug: %s (%s)\n", file, line, reason,
	    expr);
	return 0;
}

/* Each returns 1 if the check passed, so a caller can stop early. */
#define CHECK(c)		h_check(!!(c), __FILE__, __LINE__, #c)
#define CHECK_STR_EQ(a, b)	h_check_str((a), (b), __FILE__, __LINE__, \
				    #a " == " #b)
#define CHECK_INT_EQ(a, b)	h_check_int((long long)(a), (long long)(b), \
				    __FILE__, __LINE__, #a " == " #b)
/* A check that shows a known daemon bug: SKIP with <reason> while it fails. */
#define CHECK_BUG(c, reason)	h_check_bug(!!(c), __FILE__, __LINE__, #c, \
				    (reason))

/* Prints the failures and the summary; returns main()'s exit status. */
static H_UNUSED int
harness_done(void)
{
	if (h_log != NULL)
		fputs(h_log, stdout);
	free(h_log);
	h_log = NULL;
	printf("%s: %d passed, %d failed\n", h_prog ? h_prog : "test", h_pass,
	    h_fail);
	fflush(stdout);
	return h_fail == 0 ? 0 : 1;
}

/*
 * "$TEST_DATA/<rel>" (caller frees).  Exits with status 99 (a hard error
 * for the automake test driver) if TEST_DATA is unset.
 */
static H_UNUSED char *
harness_data_path(const char *rel)
{
	const char *dir = getenv("TEST_DATA");
	size_t n;
	char *p;

	if (dir == NULL || *dir == '\0') {
		fprintf(stderr, "%s: TEST_DATA is not set; run through "
		    "\"make check\" or set TEST_DATA=<srcdir>/tests/data\n",
		    h_prog ? h_prog : "test");
		exit(99);
	}
	n = strlen(dir) + strlen(rel) + 2;
	if ((p = malloc(n)) == NULL)
		exit(2);
	snprintf(p, n, "%s/%s", dir, rel);
	return p;
}

/* Reads a whole file (NUL-terminated, caller frees) or exits with 99. */
static H_UNUSED char *
harness_read(const char *path, size_t *lenp)
{
	FILE *fp;
	char *data = NULL;
	size_t len = 0, cap = 0, n;

	if ((fp = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "%s: cannot open %s\n", h_prog ? h_prog : "test",
		    path);
		exit(99);
	}
	for (;;) {
		if (len + 4096 + 1 > cap) {
			cap = (len + 4096 + 1) * 2;
			if ((data = realloc(data, cap)) == NULL)
				exit(2);
		}
		if ((n = fread(data + len, 1, 4096, fp)) == 0)
			break;
		len += n;
	}
	fclose(fp);
	data[len] = '\0';
	if (lenp != NULL)
		*lenp = len;
	return data;
}

#endif
