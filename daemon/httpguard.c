/*
 * Strict request framing in front of evhttp (see httpguard.h).
 *
 * The guard hangs a callback on the input buffer of a connection's
 * bufferevent.  The bufferevent runs it right after each read, before it
 * calls evhttp, so every new byte passes here first: the guard moves it to
 * its own <held> buffer and gives back to the input buffer only what evhttp
 * may parse.  A header section is given back once it is complete and every
 * line of it is sound; a body is given back as it comes, counted against
 * its Content-Length or chunk sizes but never looked at, so the cost per
 * request is its header bytes.  The framing the guard accepts is a strict
 * subset of what libevent 2.1.12 accepts, and within it both agree on where
 * each request ends, which keeps keep-alive and pipelined requests in step.
 *
 * A refused request is replaced, for evhttp, by a placeholder request (or,
 * in the middle of a chunked body, by the end of that body); the guard
 * remembers which request number that is, and http.c answers it with the
 * JSON error and closes the connection.  Everything after it is dropped.
 *
 * No I/O and no globals: the unit test drives it with a bare evbuffer.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <event2/buffer.h>

#include "httpguard.h"
#include "xmalloc.h"

enum guard_state {
	G_HEAD,		/* reading a request line and header fields */
	G_BODY,		/* <left> body bytes of a Content-Length body */
	G_CHUNK_SIZE,	/* a chunk-size line */
	G_CHUNK_DATA,	/* <left> bytes of chunk data */
	G_CHUNK_CRLF,	/* the line end after chunk data */
	G_TRAILER,	/* trailer fields after the last chunk */
	G_REFUSED	/* a refusal is queued: drop everything */
};

#define CHUNK_LINE_MAX	64	/* a chunk-size line, with its line end */
#define CHUNK_DIGITS	15	/* hex digits of a chunk size */

/* What evhttp is given in place of a refused request. */
static const char placeholder[] =
    "GET / HTTP/1.1\r\nConnection: close\r\n\r\n";

struct httpguard {
	struct evbuffer		*in;		/* evhttp's input: borrowed */
	struct evbuffer_cb_entry *cbe;
	struct evbuffer		*held;		/* not yet given to evhttp */
	enum guard_state	 state;
	bool			 busy;		/* our own moves: ignore */
	size_t			 max_header, max_body;
	size_t			 scanned;	/* held bytes checked, this section */
	size_t			 header_used;	/* header bytes of this request */
	uint64_t		 left;		/* body or chunk bytes to give */
	uint64_t		 body;		/* chunked body so far */
	/* What the header fields of the current section said. */
	int			 n_length, n_te;
	uint64_t		 length;
	bool			 no_body;	/* HEAD, TRACE: evhttp reads none */
	bool			 te_chunked;
	/* Requests handed to evhttp, requests it handed back, the refusal. */
	unsigned long		 passed, seen, refuse_seq;
	int			 refuse_code;
	const char		*refuse_why;
	const char		*pending_why;	/* a header check failed */
	int			 pending_code;
};

static void	guard_cb(struct evbuffer *, const struct evbuffer_cb_info *,
		    void *);
static void	guard_run(struct httpguard *);
static void	guard_refuse(struct httpguard *, int, const char *);
static int	guard_section(struct httpguard *);
static int	check_request_line(struct httpguard *, const char *, size_t);
static int	check_field(struct httpguard *, const char *, size_t);
static int	section_end(struct httpguard *, size_t);
static int	guard_chunk_size(struct httpguard *);
static void	give(struct httpguard *, size_t);

size_t
httpguard_evhttp_header_limit(size_t max_header)
{
	/* evhttp counts the header and trailer lines without line ends. */
	return max_header * 2 + 1024;
}

struct httpguard *
httpguard_new(struct evbuffer *input, size_t max_header, size_t max_body)
{
	struct httpguard *g = xcalloc(1, sizeof(*g));

	g->in = input;
	g->held = evbuffer_new();
	g->max_header = max_header;
	g->max_body = max_body;
	g->state = G_HEAD;
	g->cbe = evbuffer_add_cb(input, guard_cb, g);
	return g;
}

void
httpguard_free(struct httpguard *g)
{
	if (g == NULL)
		return;
	if (g->cbe != NULL)
		evbuffer_remove_cb_entry(g->in, g->cbe);
	evbuffer_free(g->held);
	free(g);
}

bool
httpguard_refused(struct httpguard *g, int *codep, const char **whyp)
{
	g->seen++;
	if (g->refuse_seq == 0 || g->seen != g->refuse_seq)
		return false;
	*codep = g->refuse_code;
	*whyp = g->refuse_why;
	return true;
}

/*
 * New bytes arrived at the end of <buf>: take them into <held> and give
 * back what is ready.  The bytes before them were given earlier and evhttp
 * has not read them yet; they stay where they are.
 */
static void
guard_cb(struct evbuffer *buf, const struct evbuffer_cb_info *info,
    void *arg)
{
	struct httpguard *g = arg;
	size_t total, older;

	if (g->busy || info->n_added == 0)
		return;
	g->busy = true;
	total = evbuffer_get_length(buf);
	older = total >= info->n_added ? total - info->n_added : 0;
	if (older == 0)
		evbuffer_add_buffer(g->held, buf);
	else {
		struct evbuffer *tmp = evbuffer_new();

		/* evbuffers only take from the front: split, put back. */
		evbuffer_add_buffer(tmp, buf);
		evbuffer_remove_buffer(tmp, buf, older);
		evbuffer_add_buffer(g->held, tmp);
		evbuffer_free(tmp);
	}
	guard_run(g);
	g->busy = false;
}

/* Gives the first <n> held bytes to evhttp. */
static void
give(struct httpguard *g, size_t n)
{
	if (n > 0)
		evbuffer_remove_buffer(g->held, g->in, n);
}

/*
 * Queues the refusal <code>/<why> for evhttp and drops the rest.  Between
 * requests, a placeholder request carries it; inside a chunked body, evhttp
 * is given the end of that body and the request itself carries it.
 */
static void
guard_refuse(struct httpguard *g, int code, const char *why)
{
	switch (g->state) {
	case G_HEAD:
		g->passed++;
		evbuffer_add(g->in, placeholder, sizeof(placeholder) - 1);
		break;
	case G_CHUNK_SIZE:
	case G_CHUNK_CRLF:
		/* evhttp waits for a chunk-size line; it skips empty ones. */
		evbuffer_add(g->in, "\r\n0\r\n\r\n", 7);
		break;
	case G_TRAILER:
		evbuffer_add(g->in, "\r\n", 2);
		break;
	default:
		break;	/* a length-framed body is never refused midway */
	}
	g->refuse_seq = g->passed;
	g->refuse_code = code;
	g->refuse_why = why;
	g->state = G_REFUSED;
	evbuffer_drain(g->held, evbuffer_get_length(g->held));
}

static void
guard_run(struct httpguard *g)
{
	size_t len, n;

	for (;;) {
		len = evbuffer_get_length(g->held);
		switch (g->state) {
		case G_REFUSED:
			evbuffer_drain(g->held, len);
			return;
		case G_HEAD:
		case G_TRAILER:
			if (guard_section(g) == 0)
				return;
			break;
		case G_BODY:
		case G_CHUNK_DATA:
			n = g->left < len ? (size_t)g->left : len;
			if (n == 0)
				return;
			give(g, n);
			g->left -= n;
			if (g->left == 0)
				g->state = g->state == G_BODY ? G_HEAD :
				    G_CHUNK_CRLF;
			break;
		case G_CHUNK_CRLF: {
			unsigned char two[2];

			if (len == 0)
				return;
			evbuffer_copyout(g->held, two, len < 2 ? 1 : 2);
			if (two[0] == '\n')
				give(g, 1);
			else if (two[0] == '\r' && len < 2)
				return;
			else if (two[0] == '\r' && two[1] == '\n')
				give(g, 2);
			else {
				guard_refuse(g, 400, "malformed chunked body: "
				    "chunk data not followed by a line end");
				return;
			}
			g->state = G_CHUNK_SIZE;
			break;
		}
		case G_CHUNK_SIZE:
			if (guard_chunk_size(g) == 0)
				return;
			break;
		}
	}
}

/* Reads one chunk-size line; 1 to go on, 0 to wait or after a refusal. */
static int
guard_chunk_size(struct httpguard *g)
{
	size_t len = evbuffer_get_length(g->held), n, i, end;
	const unsigned char *p;
	uint64_t size = 0;

	n = len < CHUNK_LINE_MAX ? len : CHUNK_LINE_MAX;
	if (n == 0)
		return 0;
	p = evbuffer_pullup(g->held, (ev_ssize_t)n);
	for (end = 0; end < n && p[end] != '\n'; end++)
		;
	if (end == n) {
		if (n == CHUNK_LINE_MAX) {
			guard_refuse(g, 400, "malformed chunked body: "
			    "chunk-size line too long");
			return 0;
		}
		return 0;
	}
	i = end > 0 && p[end - 1] == '\r' ? end - 1 : end;
	if (i == 0 || i > CHUNK_DIGITS) {
		guard_refuse(g, i == 0 ? 400 : 413, i == 0 ?
		    "malformed chunked body: empty chunk size" :
		    "request body exceeds max_body");
		return 0;
	}
	for (n = 0; n < i; n++) {
		unsigned char c = p[n];
		int v;

		if (c >= '0' && c <= '9')
			v = c - '0';
		else if (c >= 'a' && c <= 'f')
			v = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v = c - 'A' + 10;
		else {
			/* evhttp 2.1 cannot read chunk extensions either. */
			guard_refuse(g, 400, "malformed chunked body: a chunk "
			    "size must be hexadecimal digits only");
			return 0;
		}
		size = size * 16 + (uint64_t)v;
	}
	if (size > g->max_body || g->body + size > g->max_body) {
		guard_refuse(g, 413, "request body exceeds max_body");
		return 0;
	}
	g->body += size;
	give(g, end + 1);
	if (size == 0) {
		g->state = G_TRAILER;
		g->scanned = 0;
	} else {
		g->state = G_CHUNK_DATA;
		g->left = size;
	}
	return 1;
}

/*
 * Checks the complete lines of the header section (or trailer) held so
 * far; gives the section to evhttp once its empty line is there.  1 to go
 * on, 0 to wait for more bytes or after a refusal.
 */
static int
guard_section(struct httpguard *g)
{
	size_t len = evbuffer_get_length(g->held), limit, n, eol, end;
	const char *p, *lf;

	if (len == 0)
		return 0;
	/* Empty lines before a request line are skipped (RFC 9112 2.2). */
	if (g->state == G_HEAD && g->scanned == 0) {
		unsigned char c[2];

		for (;;) {
			n = evbuffer_copyout(g->held, c, 2);
			if (n >= 1 && c[0] == '\n')
				evbuffer_drain(g->held, 1);
			else if (n == 2 && c[0] == '\r' && c[1] == '\n')
				evbuffer_drain(g->held, 2);
			else
				break;
		}
		if ((len = evbuffer_get_length(g->held)) == 0 ||
		    (len == 1 && c[0] == '\r'))
			return 0;
		g->n_length = g->n_te = 0;
		g->length = 0;
		g->no_body = g->te_chunked = false;
		g->pending_why = NULL;
		g->header_used = 0;
	}
	limit = g->max_header - (g->state == G_TRAILER ? g->header_used : 0);
	n = len < limit ? len : limit;
	p = (const char *)evbuffer_pullup(g->held, (ev_ssize_t)n);
	while (g->scanned < n) {
		lf = memchr(p + g->scanned, '\n', n - g->scanned);
		if (lf == NULL)
			break;
		end = (size_t)(lf - p);
		eol = end > g->scanned && p[end - 1] == '\r' ? end - 1 : end;
		if (eol == g->scanned) {
			/* The empty line: the section is complete. */
			if (g->pending_why != NULL) {
				guard_refuse(g, g->pending_code,
				    g->pending_why);
				return 0;
			}
			g->scanned = 0;
			if (g->state == G_TRAILER) {
				give(g, end + 1);
				g->state = G_HEAD;
				return 1;
			}
			return section_end(g, end + 1) == 0;
		}
		if (g->state == G_HEAD && g->scanned == 0) {
			if (check_request_line(g, p, eol) == -1)
				return 0;
		} else if (check_field(g, p + g->scanned, eol - g->scanned) ==
		    -1)
			return 0;
		g->scanned = end + 1;
	}
	if (len >= limit) {
		guard_refuse(g, 431, g->state == G_TRAILER ?
		    "request header fields and trailer exceed the header limit" :
		    "request header fields exceed the header limit");
		return 0;
	}
	return 0;
}

static bool
is_tchar(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (c != '\0' &&
	    strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

/*
 * METHOD SP request-target SP HTTP/1.x, strictly.  The methods are those
 * evhttp knows, and the route table answers 405 for the ones an endpoint
 * does not take; a request-target is an absolute path (or "*").  0, or -1
 * after a refusal.
 */
static int
check_request_line(struct httpguard *g, const char *line, size_t len)
{
	static const char *const known[] = { "GET", "HEAD", "POST", "PUT",
	    "DELETE", "OPTIONS", "TRACE", "PATCH" };
	const char *sp1, *sp2;
	size_t mlen, tlen, i;
	bool found = false;

	for (i = 0; i < len; i++)
		if ((unsigned char)line[i] < 0x20 || line[i] == 0x7f) {
			guard_refuse(g, 400, "malformed request line: "
			    "control character");
			return -1;
		}
	sp1 = memchr(line, ' ', len);
	sp2 = sp1 ? memchr(sp1 + 1, ' ', len - (size_t)(sp1 + 1 - line)) :
	    NULL;
	if (sp1 == NULL || sp2 == NULL ||
	    memchr(sp2 + 1, ' ', len - (size_t)(sp2 + 1 - line)) != NULL) {
		guard_refuse(g, 400, "malformed request line: expected "
		    "METHOD SP request-target SP HTTP-version");
		return -1;
	}
	mlen = (size_t)(sp1 - line);
	tlen = (size_t)(sp2 - sp1 - 1);
	for (i = 0; i < mlen; i++)
		if (!is_tchar((unsigned char)line[i]))
			break;
	if (mlen == 0 || i < mlen || tlen == 0) {
		guard_refuse(g, 400, "malformed request line: expected "
		    "METHOD SP request-target SP HTTP-version");
		return -1;
	}
	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strlen(known[i]) == mlen &&
		    memcmp(known[i], line, mlen) == 0)
			found = true;
	if (!found) {
		guard_refuse(g, 501, "method not implemented");
		return -1;
	}
	g->no_body = (mlen == 4 && memcmp(line, "HEAD", 4) == 0) ||
	    (mlen == 5 && memcmp(line, "TRACE", 5) == 0);
	if (!((tlen == 1 && sp1[1] == '*') || (sp1[1] == '/' &&
	    (tlen == 1 || sp1[2] != '/')))) {
		guard_refuse(g, 400, "malformed request line: the "
		    "request-target must be an absolute path");
		return -1;
	}
	for (i = 0; i < tlen; i++)
		if ((unsigned char)sp1[1 + i] > 0x7e) {
			guard_refuse(g, 400, "malformed request line: bytes "
			    "outside ASCII in the request-target must be "
			    "percent-encoded");
			return -1;
		}
	if (len - (size_t)(sp2 + 1 - line) != 8 ||
	    memcmp(sp2 + 1, "HTTP/1.", 7) != 0 ||
	    (sp2[8] != '0' && sp2[8] != '1')) {
		guard_refuse(g, 505, "HTTP version not supported: HTTP/1.0 "
		    "and HTTP/1.1 only");
		return -1;
	}
	return 0;
}

/* <s> of <len> without leading and trailing SP and HT. */
static void
trim_ows(const char **s, size_t *len)
{
	while (*len > 0 && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
		(*len)--;
}

/* Sets the refusal for the end of the section, the first one found. */
static void
pending(struct httpguard *g, int code, const char *why)
{
	if (g->pending_why == NULL) {
		g->pending_code = code;
		g->pending_why = why;
	}
}

/*
 * One header (or trailer) field line: name ":" OWS value OWS.  Folding,
 * NUL and other control bytes are refused at once; what concerns the
 * framing is noted for section_end().  0, or -1 after a refusal.
 */
static int
check_field(struct httpguard *g, const char *line, size_t len)
{
	const char *colon, *v;
	size_t i, nlen, vlen;

	if (line[0] == ' ' || line[0] == '\t') {
		guard_refuse(g, 400, "obsolete line folding in the header "
		    "section (a line starting with a space or tab)");
		return -1;
	}
	if ((colon = memchr(line, ':', len)) == NULL) {
		guard_refuse(g, 400, "malformed header field: no colon");
		return -1;
	}
	nlen = (size_t)(colon - line);
	for (i = 0; i < nlen; i++)
		if (!is_tchar((unsigned char)line[i]))
			break;
	if (nlen == 0 || i < nlen) {
		guard_refuse(g, 400, "malformed header field name");
		return -1;
	}
	v = colon + 1;
	vlen = len - nlen - 1;
	for (i = 0; i < vlen; i++) {
		unsigned char c = (unsigned char)v[i];

		if (c == '\0') {
			guard_refuse(g, 400, "NUL byte in a header value");
			return -1;
		}
		if ((c < 0x20 && c != '\t') || c == 0x7f) {
			guard_refuse(g, 400, "control character in a header "
			    "value");
			return -1;
		}
	}
	if (g->state == G_TRAILER)
		return 0;
	trim_ows(&v, &vlen);
	if (nlen == 14 && strncasecmp(line, "Content-Length", 14) == 0) {
		uint64_t n = 0;

		if (++g->n_length > 1)
			pending(g, 400, "more than one Content-Length header");
		if (vlen == 0)
			pending(g, 400, "malformed Content-Length");
		for (i = 0; i < vlen; i++) {
			if (v[i] < '0' || v[i] > '9') {
				pending(g, 400, "malformed Content-Length");
				break;
			}
			if (n > (UINT64_MAX - 9) / 10) {
				n = UINT64_MAX;
				break;
			}
			n = n * 10 + (uint64_t)(v[i] - '0');
		}
		g->length = n;
	} else if (nlen == 17 &&
	    strncasecmp(line, "Transfer-Encoding", 17) == 0) {
		if (++g->n_te > 1)
			pending(g, 400, "more than one Transfer-Encoding "
			    "header");
		g->te_chunked = vlen == 7 && strncasecmp(v, "chunked", 7) == 0;
		if (!g->te_chunked)
			pending(g, 501, "transfer coding not implemented: "
			    "chunked only");
	} else if (nlen == 6 && strncasecmp(line, "Expect", 6) == 0) {
		if (!(vlen == 12 && strncasecmp(v, "100-continue", 12) == 0))
			pending(g, 417, "expectation not supported: "
			    "100-continue only");
	}
	return 0;
}

/*
 * The header section is complete and its lines are sound: refuses a
 * framing evhttp would read differently or that breaks a limit (-1), or
 * gives the section to evhttp and sets how its body ends (0).
 */
static int
section_end(struct httpguard *g, size_t sectlen)
{
	if (g->n_te > 0 && g->n_length > 0) {
		guard_refuse(g, 400, "both Transfer-Encoding and "
		    "Content-Length");
		return -1;
	}
	/* evhttp reads no body after HEAD or TRACE: it would take it for
	 * the next request. */
	if (g->no_body && (g->n_te > 0 || g->length > 0)) {
		guard_refuse(g, 400, "a HEAD or TRACE request has no body");
		return -1;
	}
	if (g->length > g->max_body) {
		guard_refuse(g, 413, "request body exceeds max_body");
		return -1;
	}
	give(g, sectlen);
	g->passed++;
	g->header_used = sectlen;
	g->left = 0;
	g->body = 0;
	if (g->te_chunked)
		g->state = G_CHUNK_SIZE;
	else if (g->length > 0) {
		g->state = G_BODY;
		g->left = g->length;
	} else
		g->state = G_HEAD;
	return 0;
}
