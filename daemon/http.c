/*
 * evhttp setup and reply helpers.  Every response is JSON, also errors.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>

#include "api.h"
#include "http.h"
#include "log.h"
#include "runtime.h"
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
http_reply_error(struct evhttp_request *req, int code, const char *msg)
{
	http_reply_json(req, code, json_pack("{s:s}", "error", msg));
}

void
http_reply_unavailable(struct evhttp_request *req, const char *msg)
{
	char ra[16];

	snprintf(ra, sizeof(ra), "%ld", rt->conf.retry_after);
	evhttp_add_header(evhttp_request_get_output_headers(req), "Retry-After",
	    ra);
	rt->unavailable++;
	http_reply_error(req, 503, msg);
}

int
http_start(char **errp)
{
	char host[256];
	const char *colon;
	long port;
	char *end;

	colon = strrchr(rt->conf.listen, ':');
	if (colon == NULL || colon == rt->conf.listen ||
	    (size_t)(colon - rt->conf.listen) >= sizeof(host)) {
		xasprintf(errp, "listen: expected HOST:PORT, got \"%s\"",
		    rt->conf.listen);
		return -1;
	}
	port = strtol(colon + 1, &end, 10);
	if (*end != '\0' || port < 0 || port > 65535) {
		xasprintf(errp, "listen: bad port in \"%s\"", rt->conf.listen);
		return -1;
	}
	memcpy(host, rt->conf.listen, (size_t)(colon - rt->conf.listen));
	host[colon - rt->conf.listen] = '\0';
	if (host[0] == '[') {	/* [::1]:8470 */
		memmove(host, host + 1, strlen(host));
		host[strlen(host) - 1] = '\0';
	}
	rt->http = evhttp_new(rt->base);
	evhttp_set_max_body_size(rt->http, (ev_ssize_t)rt->conf.max_body);
	evhttp_set_max_headers_size(rt->http, 64 * 1024);
	evhttp_set_timeout(rt->http, 60);
	evhttp_set_allowed_methods(rt->http, EVHTTP_REQ_GET | EVHTTP_REQ_POST |
	    EVHTTP_REQ_HEAD | EVHTTP_REQ_PUT | EVHTTP_REQ_DELETE |
	    EVHTTP_REQ_PATCH | EVHTTP_REQ_OPTIONS);
	evhttp_set_gencb(rt->http, api_dispatch, NULL);
	rt->bound = evhttp_bind_socket_with_handle(rt->http, host,
	    (ev_uint16_t)port);
	if (rt->bound == NULL) {
		xasprintf(errp, "cannot listen on %s", rt->conf.listen);
		evhttp_free(rt->http);
		rt->http = NULL;
		return -1;
	}
	log_info("listening on %s", rt->conf.listen);
	return 0;
}

void
http_stop_accepting(void)
{
	if (rt->http && rt->bound) {
		evhttp_del_accept_socket(rt->http, rt->bound);
		rt->bound = NULL;
	}
}

void
http_free(void)
{
	if (rt->http)
		evhttp_free(rt->http);
	rt->http = NULL;
}
