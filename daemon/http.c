/*
 * evhttp setup and reply helpers.  Every response is JSON, also errors.
 *
 * Connections are bounded here.  Each accepted connection gets a small
 * record (struct conn), found through a hash of its bufferevent: it counts
 * towards max_connections (the listeners pause at the cap and resume when a
 * connection closes) and carries the request deadline (request_deadline
 * seconds to send a complete request, counted from the accept or from the
 * previous reply; a connection that trickles bytes is shut down when it
 * passes).  libevent 2.1 tells nothing when it frees a connection, so we
 * hold one reference on each bufferevent and a sweep notices the ones
 * evhttp has let go.  accept() failing with EMFILE or ENFILE pauses the
 * listeners for a moment, logged once per interval.
 */
#include "config.h"

#include <sys/queue.h>
#include <sys/socket.h>

#include <netinet/in.h>

#include <errno.h>
#include <malloc.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/bufferevent_ssl.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>
#include <event2/listener.h>
#include <event2/util.h>
#include <openssl/ssl.h>

#include "api.h"
#include "http.h"
#include "httpguard.h"
#include "log.h"
#include "metrics.h"
#include "observe.h"
#include "route.h"
#include "runtime.h"
#include "tls.h"
#include "util.h"
#include "xmalloc.h"

static double	request_started(struct evhttp_request *);

static const char *
reason(int code)
{
	switch (code) {
	case 200: return "OK";
	case 302: return "Found";
	case 201: return "Created";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Payload Too Large";
	case 415: return "Unsupported Media Type";
	case 417: return "Expectation Failed";
	case 422: return "Unprocessable Entity";
	case 429: return "Too Many Requests";
	case 431: return "Request Header Fields Too Large";
	case 500: return "Internal Server Error";
	case 501: return "Not Implemented";
	case 503: return "Service Unavailable";
	case 505: return "HTTP Version Not Supported";
	default: return "Status";
	}
}

void
http_send(struct evhttp_request *req, int code, struct evbuffer *body)
{
	char len[32];

	{
		enum evhttp_cmd_type cmd = evhttp_request_get_command(req);
		const struct evhttp_uri *u = evhttp_request_get_evhttp_uri(req);
		unsigned m = cmd == EVHTTP_REQ_GET || cmd == EVHTTP_REQ_HEAD ?
		    ROUTE_GET : cmd == EVHTTP_REQ_POST ? ROUTE_POST : 0;
		double started = request_started(req);
		/* one route lookup for both counts */
		size_t r = observe_route(m, u ? evhttp_uri_get_path(u) : NULL);

		metrics_count_reply(r, code);
		if (started > 0)
			observe_request(r, observe_now() - started);
	}
	if (evhttp_request_get_command(req) == EVHTTP_REQ_HEAD) {
		snprintf(len, sizeof(len), "%zu",
		    body != NULL ? evbuffer_get_length(body) : (size_t)0);
		evhttp_add_header(evhttp_request_get_output_headers(req),
		    "Content-Length", len);
		body = NULL;
	}
	evhttp_send_reply(req, code, reason(code), body);
}

void
http_reply_json(struct evhttp_request *req, int code, json_t *body)
{
	char *text = body != NULL ? json_dumps(body, JSON_COMPACT) : NULL;

	if (text == NULL) {
		/* A body that could not be built is a bug, never a crash. */
		log_warnx("http: no JSON body for a %d reply to %s; sending 500",
		    code, evhttp_request_get_uri(req));
		code = 500;
		text = xstrdup("{\"error\":\"internal error\"}");
	}
	http_reply_text(req, code, text);
	free(text);
	json_decref(body);
}

static void
json_headers(struct evhttp_request *req)
{
	evhttp_add_header(evhttp_request_get_output_headers(req),
	    "Content-Type", "application/json");
	evhttp_add_header(evhttp_request_get_output_headers(req),
	    "Cache-Control", "no-store");
	evhttp_add_header(evhttp_request_get_output_headers(req),
	    "X-Content-Type-Options", "nosniff");
}

void
http_reply_text(struct evhttp_request *req, int code, const char *json)
{
	struct evbuffer *out = evbuffer_new();

	json_headers(req);
	evbuffer_add(out, json, strlen(json));
	evbuffer_add(out, "\n", 1);
	http_send(req, code, out);
	evbuffer_free(out);
}

static void
free_sent(const void *data, size_t len, void *arg)
{
	free((void *)(uintptr_t)data);
}

void
http_reply_take(struct evhttp_request *req, int code, char *json)
{
	struct evbuffer *out = evbuffer_new();

	json_headers(req);
	/* The text itself goes out and is freed once written: copying a
	 * declaration's answer of megabytes into the buffer held the event
	 * loop for tens of milliseconds, most of it faulting in new pages. */
	evbuffer_add_reference(out, json, strlen(json), free_sent, NULL);
	evbuffer_add(out, "\n", 1);
	http_send(req, code, out);
	evbuffer_free(out);
}

void
http_reply_error(struct evhttp_request *req, int code, const char *msg)
{
	http_reply_json(req, code, json_pack("{s:s}", "error", msg));
}

/* True if <ct> is <want>, any case, optionally with parameters. */
static bool
is_media_type(const char *ct, const char *want)
{
	size_t n = strlen(want);

	while (*ct == ' ' || *ct == '\t')
		ct++;
	if (strncasecmp(ct, want, n) != 0)
		return false;
	ct += n;
	while (*ct == ' ' || *ct == '\t')
		ct++;
	return *ct == '\0' || *ct == ';';
}

enum http_body_type
http_body_type(struct evhttp_request *req)
{
	const char *ct = evhttp_find_header(
	    evhttp_request_get_input_headers(req), "Content-Type");

	if (ct == NULL)
		return HTTP_BODY_OTHER;
	if (is_media_type(ct, "application/json"))
		return HTTP_BODY_JSON;
	if (is_media_type(ct, "application/xml") ||
	    is_media_type(ct, "text/xml"))
		return HTTP_BODY_XML;
	return HTTP_BODY_OTHER;
}

int
http_request_check(struct evhttp_request *req, const char **whyp)
{
	struct evkeyvalq *in = evhttp_request_get_input_headers(req);
	struct evkeyval *h;
	const char *v;
	int lengths = 0;

	TAILQ_FOREACH(h, in, next) {
		if (strcasecmp(h->key, "Content-Length") == 0)
			lengths++;
		for (v = h->value; *v != '\0'; v++)
			if ((unsigned char)*v < 0x20 && *v != '\t') {
				*whyp = "control character in a header value";
				return 400;
			}
	}
	if (lengths > 1) {
		*whyp = "more than one Content-Length header";
		return 400;
	}
	/* Neither type can be posted across origins without a preflight. */
	if (evhttp_request_get_command(req) == EVHTTP_REQ_POST &&
	    evbuffer_get_length(evhttp_request_get_input_buffer(req)) > 0 &&
	    http_body_type(req) == HTTP_BODY_OTHER) {
		*whyp = "Content-Type must be application/json (or "
		    "application/xml for a WCO declaration)";
		return 415;
	}
	return 0;
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

int
http_check_listen(const char *listen, char **errp)
{
	struct evutil_addrinfo hints, *ai = NULL, *a;
	char host[256], port[8];
	ev_uint16_t p;
	int rc, bind_errno = 0;

	if (parse_listen(listen, host, sizeof(host), &p, errp) == -1)
		return -1;
	snprintf(port, sizeof(port), "%u", (unsigned)p);
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = EVUTIL_AI_PASSIVE | EVUTIL_AI_ADDRCONFIG;
	if ((rc = evutil_getaddrinfo(host[0] ? host : NULL, port, &hints,
	    &ai)) != 0) {
		xasprintf(errp, "listen: cannot use \"%s\": %s", listen,
		    evutil_gai_strerror(rc));
		return -1;
	}
	/*
	 * The host must be an address of this machine: bind it with port 0,
	 * so that a running cordond holding the port does not fail the check.
	 */
	for (a = ai; a != NULL; a = a->ai_next) {
		struct sockaddr_storage ss;
		int fd;

		if (a->ai_addrlen > sizeof(ss) || (a->ai_family != AF_INET &&
		    a->ai_family != AF_INET6))
			continue;
		memcpy(&ss, a->ai_addr, a->ai_addrlen);
		if (a->ai_family == AF_INET)
			((struct sockaddr_in *)&ss)->sin_port = 0;
		else
			((struct sockaddr_in6 *)&ss)->sin6_port = 0;
		if ((fd = socket(a->ai_family, SOCK_STREAM, 0)) == -1)
			continue;	/* no such family here: try the next */
		rc = bind(fd, (struct sockaddr *)&ss, a->ai_addrlen);
		bind_errno = errno;
		close(fd);
		if (rc == 0) {
			evutil_freeaddrinfo(ai);
			return 0;
		}
	}
	evutil_freeaddrinfo(ai);
	xasprintf(errp, "listen: cannot use \"%s\": %s", listen,
	    bind_errno ? strerror(bind_errno) : "no usable address");
	return -1;
}

/* ---- connections: count, cap, deadline ----------------------------- */

#define CONN_BUCKETS	4096
#define SWEEP_MS	250	/* how often closed connections are counted */
#define ACCEPT_PAUSE_MS	100	/* after EMFILE/ENFILE */
#define EMFILE_LOG_S	10	/* one log line per interval at most */
#define MAX_HEADER	(64 * 1024)	/* request line and header fields */

struct conn {
	struct bufferevent	*bev;		/* ours: one reference */
	uint64_t		 since_ms;	/* waiting for a request since */
	int			 busy;		/* a request is being answered */
	struct httpguard	*guard;		/* strict framing of its input */
	double			 started;	/* its arrival (observe_now) */
	struct conn		*next;		/* hash chain */
	struct conn		*lnext, *lprev;	/* every connection */
};

static struct conn	*conns[CONN_BUCKETS];
static struct conn	*conn_list;
static size_t		 nconns;
static bool		 paused_cap, paused_fd;
static struct event	*resume_ev, *sweep_ev;
static uint64_t		 emfile_logged_ms;
static unsigned long	 emfile_quiet;

static size_t
conn_bucket(const struct bufferevent *bev)
{
	return ((uintptr_t)bev >> 4) % CONN_BUCKETS;
}

static struct conn *
conn_find(const struct bufferevent *bev)
{
	struct conn *c;

	for (c = conns[conn_bucket(bev)]; c != NULL; c = c->next)
		if (c->bev == bev)
			return c;
	return NULL;
}

size_t
http_connections(void)
{
	return nconns;
}

/* When <req> arrived complete (observe_now), 0 if not known. */
static double
request_started(struct evhttp_request *req)
{
	struct evhttp_connection *evcon = evhttp_request_get_connection(req);
	struct conn *c;

	if (evcon == NULL || (c = conn_find(
	    evhttp_connection_get_bufferevent(evcon))) == NULL)
		return 0;
	return c->started;
}

static void
listeners_enable(bool on)
{
	struct evhttp_bound_socket *b[2] = { rt->bound, rt->tls_bound };
	int i;

	for (i = 0; i < 2; i++) {
		struct evconnlistener *l;

		if (b[i] == NULL)
			continue;
		l = evhttp_bound_socket_get_listener(b[i]);
		if (on)
			evconnlistener_enable(l);
		else
			evconnlistener_disable(l);
	}
}

/* Resumes accepting unless the cap or the pause still holds. */
static void
accept_resume(evutil_socket_t fd, short ev, void *arg)
{
	paused_fd = false;
	if (!paused_cap && !rt->stopping)
		listeners_enable(true);
}

static void
conn_drop(struct conn *c)
{
	struct conn **pp;

	for (pp = &conns[conn_bucket(c->bev)]; *pp != NULL; pp = &(*pp)->next)
		if (*pp == c) {
			*pp = c->next;
			break;
		}
	if (c->lprev)
		c->lprev->lnext = c->lnext;
	else
		conn_list = c->lnext;
	if (c->lnext)
		c->lnext->lprev = c->lprev;
	httpguard_free(c->guard);
	bufferevent_decref(c->bev);	/* the last reference: closes it */
	free(c);
	nconns--;
}

/*
 * Every SWEEP_MS: connections evhttp has let go (bufferevent_free clears
 * their callbacks; our reference kept the object) are counted out and
 * closed, and connections that have not sent a complete request within
 * request_deadline are shut down, which evhttp then sees as a close.
 */
static void
conn_sweep(evutil_socket_t fd, short ev, void *arg)
{
	struct conn *c, *nx;
	uint64_t now = util_now_ms();
	uint64_t limit = (uint64_t)rt->conf.request_deadline * 1000;

	for (c = conn_list; c != NULL; c = nx) {
		bufferevent_data_cb rcb, wcb;
		bufferevent_event_cb ecb;
		void *cbarg;

		nx = c->lnext;
		bufferevent_getcb(c->bev, &rcb, &wcb, &ecb, &cbarg);
		if (rcb == NULL && wcb == NULL && ecb == NULL) {
			conn_drop(c);
			continue;
		}
		if (!c->busy && now - c->since_ms > limit) {
			evutil_socket_t s = bufferevent_getfd(c->bev);

			log_debug("closing a connection: no complete request "
			    "within request_deadline");
			c->since_ms = UINT64_MAX / 2;	/* once */
			if (s >= 0)
				shutdown(s, SHUT_RDWR);
		}
	}
	if (paused_cap && nconns < (size_t)rt->conf.max_connections) {
		paused_cap = false;
		if (!paused_fd && !rt->stopping)
			listeners_enable(true);
	}
}

/* Tracks <bev>, a new connection's bufferevent, and returns it. */
static struct bufferevent *
conn_new(struct bufferevent *bev)
{
	struct conn *c = xcalloc(1, sizeof(*c));
	size_t b;

	bufferevent_incref(bev);
	c->bev = bev;
	c->guard = httpguard_new(bufferevent_get_input(bev), MAX_HEADER,
	    (size_t)rt->conf.max_body);
	c->since_ms = util_now_ms();
	b = conn_bucket(bev);
	c->next = conns[b];
	conns[b] = c;
	c->lnext = conn_list;
	if (conn_list)
		conn_list->lprev = c;
	conn_list = c;
	if (++nconns >= (size_t)rt->conf.max_connections && !paused_cap) {
		paused_cap = true;
		listeners_enable(false);
		log_warnx("max_connections (%ld) reached: not accepting until "
		    "a connection closes", rt->conf.max_connections);
	}
	return bev;
}

static struct bufferevent *
plain_bevcb(struct event_base *base, void *arg)
{
	return conn_new(bufferevent_socket_new(base, -1,
	    BEV_OPT_CLOSE_ON_FREE));
}

/* One OpenSSL bufferevent per accepted TLS connection. */
static struct bufferevent *
tls_bevcb(struct event_base *base, void *arg)
{
	return conn_new(bufferevent_openssl_socket_new(base, -1,
	    SSL_new(arg), BUFFEREVENT_SSL_ACCEPTING, BEV_OPT_CLOSE_ON_FREE));
}

/*
 * accept() failed.  Out of descriptors, the listener would be readable
 * again at once and spin: pause it, and say so once per interval.
 */
static void
accept_error(struct evconnlistener *l, void *arg)
{
	int e = EVUTIL_SOCKET_ERROR();
	struct timeval tv = { 0, ACCEPT_PAUSE_MS * 1000 };
	uint64_t now = util_now_ms();

	if (e != EMFILE && e != ENFILE && e != ENOBUFS && e != ENOMEM) {
		log_warnx("accept: %s", evutil_socket_error_to_string(e));
		return;
	}
	if (now - emfile_logged_ms >= EMFILE_LOG_S * 1000) {
		log_warnx("accept: %s; pausing new connections for %d ms "
		    "(%lu more since the last report; %zu open)",
		    evutil_socket_error_to_string(e), ACCEPT_PAUSE_MS,
		    emfile_quiet, nconns);
		emfile_logged_ms = now;
		emfile_quiet = 0;
	} else
		emfile_quiet++;
	paused_fd = true;
	listeners_enable(false);
	evtimer_add(resume_ev, &tv);
}

/* A complete request arrived: its connection's deadline stops. */
static void
request_complete(struct evhttp_request *req, void *arg)
{
	struct evhttp_connection *evcon = evhttp_request_get_connection(req);
	struct conn *c;

	if (evcon != NULL &&
	    (c = conn_find(evhttp_connection_get_bufferevent(evcon))) != NULL) {
		c->busy = 0;	/* the next request has its own deadline */
		c->since_ms = util_now_ms();
	}
}

/*
 * Every request passes here first: the deadline of its connection stops
 * until the reply is out, and large bodies give their memory back after.
 * A request the guard refused is answered here with its JSON error, and
 * the connection closes after it.
 */
static void
on_request(struct evhttp_request *req, void *arg)
{
	struct evhttp_connection *evcon = evhttp_request_get_connection(req);
	size_t len = evbuffer_get_length(evhttp_request_get_input_buffer(req));
	struct conn *c;
	const char *why;
	int code;

	if (evcon != NULL &&
	    (c = conn_find(evhttp_connection_get_bufferevent(evcon))) != NULL) {
		c->busy = 1;
		c->started = observe_now();
		evhttp_request_set_on_complete_cb(req, request_complete, NULL);
		if (httpguard_refused(c->guard, &code, &why)) {
			char *host = NULL;
			ev_uint16_t port = 0;

			evhttp_connection_get_peer(evcon, &host, &port);
			log_info("http: refused a request from %s: %d %s",
			    host ? host : "?", code, why);
			evhttp_add_header(evhttp_request_get_output_headers(req),
			    "Connection", "close");
			http_reply_error(req, code, why);
			return;
		}
	}
	api_dispatch(req, arg);
	/*
	 * glibc keeps freed memory of a large request in its arenas; give it
	 * back so that one large declaration does not leave the daemon big.
	 */
	if (len >= HTTP_TRIM_AFTER)
		malloc_trim(0);
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
	/*
	 * The guard (httpguard.c) enforces the header limit, max_body and the
	 * methods first, with JSON answers; evhttp's own checks, which answer
	 * with HTML pages, are set so that they never trip before it.
	 */
	evhttp_set_max_headers_size(h,
	    (ev_ssize_t)httpguard_evhttp_header_limit(MAX_HEADER));
	evhttp_set_timeout(h, 60);
	evhttp_set_allowed_methods(h, EVHTTP_REQ_GET | EVHTTP_REQ_POST |
	    EVHTTP_REQ_HEAD | EVHTTP_REQ_PUT | EVHTTP_REQ_DELETE |
	    EVHTTP_REQ_PATCH | EVHTTP_REQ_OPTIONS | EVHTTP_REQ_TRACE |
	    EVHTTP_REQ_CONNECT);
	evhttp_set_gencb(h, on_request, NULL);
	if (ctx != NULL)
		evhttp_set_bevcb(h, tls_bevcb, ctx);
	else
		evhttp_set_bevcb(h, plain_bevcb, NULL);
	if ((*bp = evhttp_bind_socket_with_handle(h, host, port)) == NULL) {
		xasprintf(errp, "cannot listen on %s", listen);
		evhttp_free(h);
		return NULL;
	}
	evconnlistener_set_error_cb(evhttp_bound_socket_get_listener(*bp),
	    accept_error);
	if (resume_ev == NULL) {
		struct timeval tv = { 0, SWEEP_MS * 1000 };

		resume_ev = evtimer_new(rt->base, accept_resume, NULL);
		sweep_ev = event_new(rt->base, -1, EV_PERSIST, conn_sweep, NULL);
		evtimer_add(sweep_ev, &tv);
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
	if (resume_ev)
		event_free(resume_ev);
	resume_ev = NULL;
	if (sweep_ev)
		event_free(sweep_ev);
	sweep_ev = NULL;
	while (conn_list != NULL)
		conn_drop(conn_list);
}
