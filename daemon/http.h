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
/* Stops accepting new connections; requests in flight still finish. */
void	http_stop_accepting(void);
void	http_free(void);
/* Open client connections (all listeners). */
size_t	http_connections(void);

/* Sends <body> (stolen) with status <code> as application/json. */
void	http_reply_json(struct evhttp_request *, int code, json_t *body);
/* Sends the JSON text <json> (borrowed) with status <code>. */
void	http_reply_text(struct evhttp_request *, int code, const char *json);
/* Sends {"error": msg} with status <code>. */
void	http_reply_error(struct evhttp_request *, int code, const char *msg);
/* Adds Retry-After (conf.retry_after seconds) to the reply headers. */
void	http_add_retry_after(struct evhttp_request *);
/* 503 with Retry-After and {"error": msg}. */
void	http_reply_unavailable(struct evhttp_request *, const char *msg);

#endif
