/*
 * The strict HTTP/1.1 request framing check in front of evhttp.  libevent 2.1
 * joins folded header lines, cuts header values at a NUL byte and answers
 * its own parse errors with HTML pages; the guard reads the raw bytes of
 * each connection first and lets evhttp see a request only once its header
 * section (and any chunked trailer) is complete and sound.  A request it
 * refuses never reaches evhttp: in its place evhttp gets a placeholder
 * request whose answer is the refusal in the API's JSON error shape, in
 * order behind the replies still owed on that connection, and the
 * connection closes after it.  Bodies are counted, never scanned.
 */
#ifndef CORDON_HTTPGUARD_H
#define CORDON_HTTPGUARD_H

#include <stdbool.h>
#include <stddef.h>

#include <event2/buffer.h>

struct httpguard;

/*
 * Watches <input>, the input buffer of a connection's bufferevent that
 * evhttp reads (the guard holds back what evhttp may not see yet).
 * <max_header> bounds the request line and header fields together (and the
 * chunked trailer with them), <max_body> the body.  Caller frees with
 * httpguard_free() before <input> goes away.
 */
struct httpguard *httpguard_new(struct evbuffer *input, size_t max_header,
		    size_t max_body);
/* Stops watching and frees <g>; NULL is a no-op. */
void		 httpguard_free(struct httpguard *g);

/*
 * To be called once for every request evhttp hands over on the guarded
 * connection, in order.  True if this request is the guard's refusal: then
 * *codep is the HTTP status and *whyp the reason (static text), and the
 * caller answers with them and closes the connection.
 */
bool		 httpguard_refused(struct httpguard *g, int *codep,
		    const char **whyp);

/* The evhttp header limit that never trips before the guard's <max_header>. */
size_t		 httpguard_evhttp_header_limit(size_t max_header);

#endif
