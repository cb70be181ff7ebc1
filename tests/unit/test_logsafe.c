/*
 * Unit tests for the escaping of log messages (log.c): text from outside
 * quoted in a message can neither forge a log line nor reorder what an
 * administrator reads, whichever log function a caller uses.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "log.h"

static const struct {
	const char	*in;
	size_t		 len;	/* 0: strlen */
	const char	*want;
} cases[] = {
	{ "plain text, 75-44-5 \xc3\xa9t\xc3\xa9", 0,
	    "plain text, 75-44-5 \xc3\xa9t\xc3\xa9" },
	{ "ref\n2026-01-01T00:00:00Z cordond info: forged", 0,
	    "ref\\x0A2026-01-01T00:00:00Z cordond info: forged" },
	{ "a\rb\tc\x1b[31md\x7f", 0, "a\\x0Db\\x09c\\x1B[31md\\x7F" },
	{ "NUL\0here", 8, "NUL\\x00here" },
	/* U+202E RIGHT-TO-LEFT OVERRIDE, U+2066 LRI, U+200F RLM */
	{ "INV-\xe2\x80\xae" "fdp.exe", 0, "INV-\\u{202E}fdp.exe" },
	{ "\xe2\x81\xa6x\xe2\x80\x8f", 0, "\\u{2066}x\\u{200F}" },
	/* zero width space, BOM, line separator, C1 NEL, a tag character */
	{ "a\xe2\x80\x8b" "b\xef\xbb\xbf" "c\xe2\x80\xa8" "d\xc2\x85" "e"
	    "\xf3\xa0\x80\x81", 0,
	    "a\\u{200B}b\\u{FEFF}c\\u{2028}d\\u{0085}e\\u{E0001}" },
	/* invalid UTF-8: a lone continuation, an overlong, a surrogate,
	 * past U+10FFFF, a cut sequence */
	{ "\x80" "A\xc0\xaf" "B\xed\xa0\x80" "C\xf4\x90\x80\x80" "D\xe2\x82", 0,
	    "\\x80A\\xC0\\xAFB\\xED\\xA0\\x80C\\xF4\\x90\\x80\\x80D\\xE2\\x82" },
	{ "C:\\path \\x0A", 0, "C:\\\\path \\\\x0A" },
	/* other scripts and emoji stay as they are */
	{ "\xd8\xb3\xd8\xa7\xd8\xb1\xd9\x8a\xd9\x86 \xe6\xb2\x99\xe6\x9e\x97 "
	    "\xf0\x9f\x9a\xa2", 0, "\xd8\xb3\xd8\xa7\xd8\xb1\xd9\x8a\xd9\x86 "
	    "\xe6\xb2\x99\xe6\x9e\x97 \xf0\x9f\x9a\xa2" },
};

static void
test_escape_table(void)
{
	char out[512];
	size_t i, n;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		harness_context("case %zu", i);
		n = cases[i].len ? cases[i].len : strlen(cases[i].in);
		CHECK_INT_EQ(log_escape(out, sizeof(out), cases[i].in, n),
		    strlen(cases[i].want));
		CHECK_STR_EQ(out, cases[i].want);
	}
	harness_context(NULL);
}

static void
test_escape_truncates_whole(void)
{
	char out[8];

	/* "ab" + \u{202E} (8 bytes) does not fit: stop before it. */
	CHECK_INT_EQ(log_escape(out, sizeof(out), "ab\xe2\x80\xae" "c", 6), 2);
	CHECK_STR_EQ(out, "ab");
	CHECK_INT_EQ(log_escape(out, 1, "abc", 3), 0);
	CHECK_STR_EQ(out, "");
}

/* What log_warnx() and log_info() write: one line, escaped. */
static void
test_log_functions(void)
{
	char path[] = "/tmp/test_logsafe.XXXXXX", buf[1024];
	int fd = mkstemp(path), saved = dup(2);
	FILE *fp;
	size_t n;
	int lines = 0;
	char *p;

	if (!CHECK(fd >= 0 && saved >= 0))
		return;
	log_init("test", LOG_LEVEL_INFO, false);
	fflush(stderr);
	dup2(fd, 2);
	log_warnx("store %s: %s", "REF\n2026-01-01T00:00:00Z cordond info: ok",
	    "bad \xff byte");
	log_info("party %s", "\xe2\x80\xae" "evil");
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	fp = fdopen(fd, "r");
	rewind(fp);
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	unlink(path);
	for (p = buf; *p != '\0'; p++)
		if (*p == '\n')
			lines++;
	CHECK_INT_EQ(lines, 2);
	CHECK(strstr(buf, "store REF\\x0A2026-01-01T00:00:00Z cordond info: ok: "
	    "bad \\xFF byte\n") != NULL);
	CHECK(strstr(buf, "party \\u{202E}evil\n") != NULL);
	CHECK(strstr(buf, "\xe2\x80\xae") == NULL);
}

int
main(void)
{
	harness_init("test_logsafe");
	test_escape_table();
	test_escape_truncates_whole();
	test_log_functions();
	return harness_done();
}
