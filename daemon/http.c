/*
 * evhttp setup and reply helpers.  Every response is JSON, also errors.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/bufferevent_ssl.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>
#include <openssl/ssl.h>

#include "api.h"
#include "http.h"
#include "log.h"
#include "runtime.h"
#include "tls.h"
#include "xmalloc.h"

static const char *
reason(int code)
{
	switch (code) {
	case 200: return "OK";
	case 201: return "Created";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Payload Too Large";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Entity";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	default: return "Status";
	}
}

void
http_reply_json(struct evhttp_request *req, int code, json_t *body)
{
	struct evbuffer *out = evbuffer_new();
	char *text = json_dumps(body, JSON_COMPACT);

	evhttp_add_header(evhttp_request_get_output_headers(req),
	    "Content-Type", "application/json");
	evbuffer_add(out, text, strlen(text));
	evbuffer_add(out, "\n", 1);
	evhttp_send_reply(req, code, reason(code), out);
	evbuffer_free(out);
	free(text);
	json_decref(body);
}

void
http_reply_text(struct evhttp_request *req, int code, const char *json)
{
	struct evbuffer *out = evbuffer_new();

	evhttp_add_header(evhttp_request_get_output_headers(req),
	    "Content-Type", "application/json");
	evbuffer_add(out, json, strlen(json));
	evbuffer_add(out, "\n", 1);
	evhttp_send_reply(req, code, reason(code), out);
	evbuffer_free(out);
}

void
http_reply_error(struct evhttp_request *req, int code, const char *msg)
{
	http_reply_json(req, code, json_pack("{s:s}", "error", msg));
}

void
http_add_retry_after(struct evhttp_request *req)
{
	char ra[16];

	snprintf(ra, sizeof(ra), "%ld", rt->conf.retry_after);
	evhttp_add_header(evhttp_request_get_output_headers(req), "Retry-After",
	    ra);
}

void
http_reply_unavailable(struct evhttp_request *req, const char *msg)
{
	http_add_retry_after(req);
	rt->unavailable++;
	http_reply_error(req, 503, msg);
}

/* Splits HOST:PORT ("[::1]:8470" too); 0 or -1 with *errp. */
static int
parse_listen(const char *listen, char *host, size_t hostlen,
    ev_uint16_t *port, char **errp)
{
	const char *colon = strrchr(listen, ':');
	char *end;
	long p;

	if (colon == NULL || colon == listen ||
	    (size_t)(colon - listen) >= hostlen) {
		xasprintf(errp, "listen: expected HOST:PORT, got \"%s\"", listen);
		return -1;
	}
	p = strtol(colon + 1, &end, 10);
	if (*end != '\0' || p < 0 || p > 65535) {
		xasprintf(errp, "listen: bad port in \"%s\"", listen);
		return -1;
	}
	memcpy(host, listen, (size_t)(colon - listen));
	host[colon - listen] = '\0';
	if (host[0] == '[') {
		memmove(host, host + 1, strlen(host));
		host[strlen(host) - 1] = '\0';
	}
	*port = (ev_uint16_t)p;
	return 0;
}

/* One OpenSSL bufferevent per accepted TLS connection. */
static struct bufferevent *
tls_bevcb(struct event_base *base, void *arg)
{
	return bufferevent_openssl_socket_new(base, -1, SSL_new(arg),
	    BUFFEREVENT_SSL_ACCEPTING, BEV_OPT_CLOSE_ON_FREE);
}

static struct evhttp *
server_new(const char *listen, SSL_CTX *ctx, struct evhttp_bound_socket **bp,
    char **errp)
{
	struct evhttp *h;
	char host[256];
	ev_uint16_t port;

	if (parse_listen(listen, host, sizeof(host), &port, errp) == -1)
		return NULL;
	h = evhttp_new(rt->base);
	evhttp_set_max_body_size(h, (ev_ssize_t)rt->conf.max_body);
	evhttp_set_max_headers_size(h, 64 * 1024);
	evhttp_set_timeout(h, 60);
	evhttp_set_allowed_methods(h, EVHTTP_REQ_GET | EVHTTP_REQ_POST |
	    EVHTTP_REQ_HEAD | EVHTTP_REQ_PUT | EVHTTP_REQ_DELETE |
	    EVHTTP_REQ_PATCH | EVHTTP_REQ_OPTIONS);
	evhttp_set_gencb(h, api_dispatch, NULL);
	if (ctx != NULL)
		evhttp_set_bevcb(h, tls_bevcb, ctx);
	if ((*bp = evhttp_bind_socket_with_handle(h, host, port)) == NULL) {
		xasprintf(errp, "cannot listen on %s", listen);
		evhttp_free(h);
		return NULL;
	}
	log_info("listening on %s%s", listen, ctx ? " (TLS)" : "");
	return h;
}

int
http_start(char **errp)
{
	if ((rt->http = server_new(rt->conf.listen, NULL, &rt->bound,
	    errp)) == NULL)
		return -1;
	if (rt->conf.tls_listen != NULL) {
		if ((rt->tls_ctx = tls_ctx_new(&rt->conf, errp)) == NULL)
			return -1;
		if ((rt->https = server_new(rt->conf.tls_listen, rt->tls_ctx,
		    &rt->tls_bound, errp)) == NULL)
			return -1;
	}
	return 0;
}

void
http_stop_accepting(void)
{
	if (rt->http && rt->bound) {
		evhttp_del_accept_socket(rt->http, rt->bound);
		rt->bound = NULL;
	}
	if (rt->https && rt->tls_bound) {
		evhttp_del_accept_socket(rt->https, rt->tls_bound);
		rt->tls_bound = NULL;
	}
}

void
http_free(void)
{
	if (rt->http)
		evhttp_free(rt->http);
	rt->http = NULL;
	if (rt->https)
		evhttp_free(rt->https);
	rt->https = NULL;
	SSL_CTX_free(rt->tls_ctx);
	rt->tls_ctx = NULL;
}
