/*
 * Unit tests for httpguard.c: the strict request framing in front of
 * evhttp, driven with a bare evbuffer standing for a connection's input
 * (what a read adds, what evhttp then finds and takes).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "harness.h"
#include "httpguard.h"

#define MAXH	1024
#define MAXB	100

static const char placeholder[] =
    "GET / HTTP/1.1\r\nConnection: close\r\n\r\n";

/* What evhttp would find in <in> now, as a string (caller frees). */
static char *
visible(struct evbuffer *in)
{
	size_t n = evbuffer_get_length(in);
	char *s = malloc(n + 1);

	evbuffer_copyout(in, s, n);
	s[n] = '\0';
	return s;
}

/* Adds <s> (of <n> bytes, or strlen) as one read would. */
static void
feed(struct evbuffer *in, const char *s, size_t n)
{
	evbuffer_add(in, s, n ? n : strlen(s));
}

/* Feeds <s> one byte at a time. */
static void
trickle(struct evbuffer *in, const char *s)
{
	for (; *s != '\0'; s++)
		evbuffer_add(in, s, 1);
}

/* Feeds <req> to a new guard; checks what evhttp sees and the answer. */
static void
refused_case(const char *name, const char *req, size_t n, int code,
    const char *why_part)
{
	struct evbuffer *in = evbuffer_new();
	struct httpguard *g = httpguard_new(in, MAXH, MAXB);
	const char *why = NULL;
	int got = 0;
	char *v;

	harness_context("%s", name);
	feed(in, req, n);
	v = visible(in);
	CHECK_STR_EQ(v, placeholder);
	free(v);
	CHECK(httpguard_refused(g, &got, &why));
	CHECK_INT_EQ(got, code);
	CHECK(why != NULL && strstr(why, why_part) != NULL);
	/* Whatever follows the refusal is dropped. */
	feed(in, "GET /next HTTP/1.1\r\n\r\n", 0);
	CHECK_INT_EQ(evbuffer_get_length(in), sizeof(placeholder) - 1);
	httpguard_free(g);
	evbuffer_free(in);
	harness_context(NULL);
}

static void
test_refusals(void)
{
	refused_case("obs-fold", "GET /a HTTP/1.1\r\nX-A: one\r\n two\r\n\r\n",
	    0, 400, "folding");
	refused_case("obs-fold with a tab",
	    "GET /a HTTP/1.1\r\nX-A: one\r\n\ttwo\r\n\r\n", 0, 400, "folding");
	refused_case("folding as the first field",
	    "GET /a HTTP/1.1\r\n X-A: one\r\n\r\n", 0, 400, "folding");
	refused_case("NUL in a value",
	    "GET /a HTTP/1.1\r\nX-A: o\0ne\r\n\r\n", 30, 400, "NUL");
	refused_case("bare CR in a value",
	    "GET /a HTTP/1.1\r\nX-A: o\rne\r\n\r\n", 0, 400, "control");
	refused_case("no colon", "GET /a HTTP/1.1\r\nX-A one\r\n\r\n", 0, 400,
	    "no colon");
	refused_case("space before the colon",
	    "GET /a HTTP/1.1\r\nX-A : one\r\n\r\n", 0, 400, "name");
	refused_case("unknown method", "BREW /pot HTTP/1.1\r\n\r\n", 0, 501,
	    "not implemented");
	refused_case("CONNECT", "CONNECT a:443 HTTP/1.1\r\n\r\n", 0, 501,
	    "not implemented");
	refused_case("HTTP/2.0 in a request line",
	    "GET /a HTTP/2.0\r\n\r\n", 0, 505, "version");
	refused_case("two spaces", "GET  /a HTTP/1.1\r\n\r\n", 0, 400,
	    "request line");
	refused_case("no version", "GET /a\r\n\r\n", 0, 400, "request line");
	refused_case("relative target", "GET a HTTP/1.1\r\n\r\n", 0, 400,
	    "absolute path");
	refused_case("network-path target", "GET //h:x/a HTTP/1.1\r\n\r\n", 0,
	    400, "absolute path");
	refused_case("raw UTF-8 in the target",
	    "GET /\xc3\xa9 HTTP/1.1\r\n\r\n", 0, 400, "percent-encoded");
	refused_case("two Content-Length",
	    "POST /a HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\n",
	    0, 400, "more than one Content-Length");
	refused_case("signed Content-Length",
	    "POST /a HTTP/1.1\r\nContent-Length: +1\r\n\r\nx", 0, 400,
	    "malformed Content-Length");
	refused_case("Content-Length over max_body",
	    "POST /a HTTP/1.1\r\nContent-Length: 101\r\n\r\n", 0, 413,
	    "max_body");
	refused_case("Content-Length past 64 bits",
	    "POST /a HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n",
	    0, 413, "max_body");
	refused_case("Transfer-Encoding and Content-Length",
	    "POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n"
	    "Content-Length: 3\r\n\r\n", 0, 400, "both");
	refused_case("gzip transfer coding",
	    "POST /a HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", 0, 501,
	    "chunked only");
	refused_case("HEAD with a body",
	    "HEAD /a HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc", 0, 400,
	    "no body");
	refused_case("Expect other than 100-continue",
	    "POST /a HTTP/1.1\r\nExpect: teapot\r\n\r\n", 0, 417,
	    "100-continue");
}

static void
test_header_limit(void)
{
	char big[MAXH + 64];

	memset(big, 'a', sizeof(big));
	memcpy(big, "GET /a HTTP/1.1\r\nX-A: ", 22);
	big[sizeof(big) - 1] = '\0';
	refused_case("header section over the limit, no end yet", big, 0, 431,
	    "header limit");
}

/* Good requests pass unchanged; a partial header section is held back. */
static void
test_pass_and_hold(void)
{
	struct evbuffer *in = evbuffer_new();
	struct httpguard *g = httpguard_new(in, MAXH, MAXB);
	const char *req = "POST /v1/x HTTP/1.1\r\nHost: a\r\nContent-Length: 5"
	    "\r\n\r\nhello";
	const char *why;
	int code;
	char *v;

	harness_context("trickled header section");
	trickle(in, "GET /healthz HTTP/1.1\r\nHost: a\r\n");
	CHECK_INT_EQ(evbuffer_get_length(in), 0);	/* nothing yet */
	trickle(in, "\r");
	CHECK_INT_EQ(evbuffer_get_length(in), 0);
	trickle(in, "\n");
	v = visible(in);
	CHECK_STR_EQ(v, "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n");
	free(v);
	CHECK(!httpguard_refused(g, &code, &why));
	evbuffer_drain(in, evbuffer_get_length(in));	/* evhttp read it */

	harness_context("a body is given as it comes, the next request waits");
	feed(in, req, 0);
	feed(in, "GET /b HTTP/1.1\r\n", 0);
	v = visible(in);
	CHECK_STR_EQ(v, req);
	free(v);
	/* evhttp has not read yet; the rest of the next request arrives. */
	feed(in, "\r\n", 0);
	v = visible(in);
	CHECK(strlen(v) == strlen(req) + 19 &&
	    strcmp(v + strlen(req), "GET /b HTTP/1.1\r\n\r\n") == 0);
	free(v);
	CHECK(!httpguard_refused(g, &code, &why));
	CHECK(!httpguard_refused(g, &code, &why));

	harness_context("empty lines before a request line are skipped");
	evbuffer_drain(in, evbuffer_get_length(in));
	feed(in, "\r\n\r\nGET /c HTTP/1.1\r\n\r\n", 0);
	v = visible(in);
	CHECK_STR_EQ(v, "GET /c HTTP/1.1\r\n\r\n");
	free(v);
	httpguard_free(g);
	evbuffer_free(in);
	harness_context(NULL);
}

/* A refusal after good pipelined requests is answered in its turn. */
static void
test_pipelined_refusal(void)
{
	struct evbuffer *in = evbuffer_new();
	struct httpguard *g = httpguard_new(in, MAXH, MAXB);
	const char *good = "GET /a HTTP/1.1\r\n\r\n";
	const char *why = NULL;
	int code = 0;
	char *v, want[256];

	harness_context("good, folded, good");
	feed(in, "GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\nX: 1\r\n 2\r\n\r\n"
	    "GET /c HTTP/1.1\r\n\r\n", 0);
	snprintf(want, sizeof(want), "%s%s", good, placeholder);
	v = visible(in);
	CHECK_STR_EQ(v, want);
	free(v);
	CHECK(!httpguard_refused(g, &code, &why));	/* /a is served */
	CHECK(httpguard_refused(g, &code, &why));	/* the placeholder */
	CHECK_INT_EQ(code, 400);
	httpguard_free(g);
	evbuffer_free(in);
	harness_context(NULL);
}

static void
test_chunked(void)
{
	struct evbuffer *in = evbuffer_new();
	struct httpguard *g = httpguard_new(in, MAXH, MAXB);
	const char *head = "POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n"
	    "\r\n";
	const char *why = NULL;
	int code = 0;
	char *v, want[512];

	harness_context("a chunked body with a trailer, then a request");
	feed(in, head, 0);
	feed(in, "5\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\n"
	    "X-T: 1\r\n\r\nGET /b HTTP/1.1\r\n\r\n", 0);
	snprintf(want, sizeof(want), "%s5\r\nhello\r\n1A\r\nabcdefghijklmnopqrs"
	    "tuvwxyz\r\n0\r\nX-T: 1\r\n\r\nGET /b HTTP/1.1\r\n\r\n", head);
	v = visible(in);
	CHECK_STR_EQ(v, want);
	free(v);
	CHECK(!httpguard_refused(g, &code, &why));
	CHECK(!httpguard_refused(g, &code, &why));
	evbuffer_drain(in, evbuffer_get_length(in));

	harness_context("chunks over max_body end the body for evhttp");
	feed(in, head, 0);
	feed(in, "40\r\n", 0);
	feed(in, "0123456789012345678901234567890123456789012345678901234567890123"
	    "\r\n40\r\n", 0);
	/* The chunk too many is not given; evhttp is given an end. */
	snprintf(want, sizeof(want), "%s40\r\n0123456789012345678901234567890"
	    "123456789012345678901234567890123\r\n\r\n0\r\n\r\n", head);
	v = visible(in);
	CHECK_STR_EQ(v, want);
	free(v);
	CHECK(httpguard_refused(g, &code, &why));	/* this very request */
	CHECK_INT_EQ(code, 413);
	httpguard_free(g);
	evbuffer_free(in);

	in = evbuffer_new();
	g = httpguard_new(in, MAXH, MAXB);
	harness_context("a chunk extension (evhttp 2.1 cannot read it)");
	feed(in, head, 0);
	feed(in, "5;x=1\r\nhello\r\n0\r\n\r\n", 0);
	CHECK(httpguard_refused(g, &code, &why));
	CHECK_INT_EQ(code, 400);
	httpguard_free(g);
	evbuffer_free(in);

	in = evbuffer_new();
	g = httpguard_new(in, MAXH, MAXB);
	harness_context("a folded trailer field");
	feed(in, head, 0);
	feed(in, "0\r\nX-T: 1\r\n 2\r\n\r\n", 0);
	v = visible(in);
	snprintf(want, sizeof(want), "%s0\r\n\r\n", head);
	CHECK_STR_EQ(v, want);	/* the trailer is ended, unseen */
	free(v);
	CHECK(httpguard_refused(g, &code, &why));
	CHECK_INT_EQ(code, 400);
	httpguard_free(g);
	evbuffer_free(in);
	harness_context(NULL);
}

int
main(void)
{
	harness_init("test_httpguard");
	test_refusals();
	test_header_limit();
	test_pass_and_hold();
	test_pipelined_refusal();
	test_chunked();
	return harness_done();
}
