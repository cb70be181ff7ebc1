/*
 * HTTP server plumbing over libevent's evhttp: listening, limits and JSON
 * replies.  What each endpoint does lives in api.c.  TLS will hook in here
 * through evhttp_set_bevcb() with an OpenSSL bufferevent.
 */
#ifndef CORDON_HTTP_H
#define CORDON_HTTP_H

#include <stddef.h>

#include <event2/http.h>
#include <jansson.h>

/* Binds conf.listen and routes every request to api_dispatch(). 0 or -1. */
int	http_start(char **errp);

/* Checks that <listen> is HOST:PORT with a host that resolves to an address
 * of this machine (cordond -n).  0, or -1 with *errp (caller frees). */
int	http_check_listen(const char *listen, char **errp);
/* Stops accepting new connections; requests in flight still finish. */
void	http_stop_accepting(void);
void	http_free(void);
/* Open client connections (all listeners). */
size_t	http_connections(void);

/* Sends <body> (stolen) with status <code> as application/json. */
/*
 * Sends <body> (may be NULL) with <code>.  A HEAD request gets the headers a
 * GET would, Content-Length included, and no body (evhttp would send the
 * body without a length).  <body> stays the caller's.
 */
void	http_send(struct evhttp_request *, int code, struct evbuffer *body);
void	http_reply_json(struct evhttp_request *, int code, json_t *body);
/* Sends the JSON text <json> (borrowed) with status <code>. */
void	http_reply_text(struct evhttp_request *, int code, const char *json);
/* The same, taking <json> (malloc'd): it is sent as it is, then freed. */
void	http_reply_take(struct evhttp_request *, int code, char *json);

/*
 * A request body this large leaves freed memory in glibc's arenas: it is
 * given back (malloc_trim) once the request's memory is freed.
 */
#define HTTP_TRIM_AFTER	(256 * 1024)
/* Sends {"error": msg} with status <code>. */
void	http_reply_error(struct evhttp_request *, int code, const char *msg);

/*
 * Checks what evhttp lets through but a strict server refuses: several
 * Content-Length headers, control characters in header values, and a body
 * posted with another media type than JSON (a browser can send text/plain
 * across origins).  Returns 0, or the HTTP status to answer with and the
 * reason in *whyp (static text).
 */
int	http_request_check(struct evhttp_request *, const char **whyp);

/* The media type of a request body, by its Content-Type. */
enum http_body_type { HTTP_BODY_JSON, HTTP_BODY_XML, HTTP_BODY_OTHER };
enum http_body_type http_body_type(struct evhttp_request *);
/* Adds Retry-After (conf.retry_after seconds) to the reply headers. */
void	http_add_retry_after(struct evhttp_request *);
/* 503 with Retry-After and {"error": msg}. */
void	http_reply_unavailable(struct evhttp_request *, const char *msg);

#endif
