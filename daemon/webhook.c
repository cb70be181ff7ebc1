/*
 * The webhook sender.  One thread of its own, with its own PostgreSQL
 * connection (LISTEN cordon_events) and a libcurl multi handle: it claims
 * due deliveries from the outbox (store_events.c; row locks with SKIP
 * LOCKED and a lease, so several cordond never send one event at the same
 * time), POSTs each signed event to its endpoint with a timeout, and
 * records the outcome: delivered on 2xx, else retried with exponential
 * backoff and jitter until webhook_retry_for has passed since the event
 * was written, then failed (the dead letter).  Delivery is at least once:
 * receivers deduplicate on the event id.  The sender owns a copy of the
 * endpoint list; a reload hands it a new one, taken between two rounds.
 * Every few minutes it purges events nothing is left to send for, older
 * than webhook_keep_days.  This module never touches the event loop or the
 * HTTP server; metrics read its counters.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <libpq-fe.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include "log.h"
#include "store.h"
#include "store_events.h"
#include "webhook.h"
#include "words.h"
#include "xmalloc.h"

/* Shortest secret accepted: 16 bytes, as a random 128-bit key. */
#define SECRET_MIN	16
/* Kept of an endpoint's answer for last_error. */
#define ANSWER_KEEP	200
/* The outbox purge: every PURGE_EVERY seconds, PURGE_BATCH events at most
 * per statement (again at once while whole batches go). */
#define PURGE_EVERY	300
#define PURGE_BATCH	1000

/* One list of event types: words.c (the vocabulary and migration say it). */
bool
webhook_is_event_type(const char *type)
{
	return words_has("event_types", type);
}

/* ---- configuration -------------------------------------------------- */

void
webhook_endpoints_free(struct webhook_endpoint *eps, size_t n)
{
	size_t i, k;

	if (eps == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(eps[i].name);
		free(eps[i].url);
		for (k = 0; k < eps[i].ntypes; k++)
			free(eps[i].types[k]);
		free(eps[i].types);
		if (eps[i].secret != NULL)
			OPENSSL_cleanse(eps[i].secret, eps[i].secret_len);
		free(eps[i].secret);
		free(eps[i].secret_file);
	}
	free(eps);
}

struct webhook_endpoint *
webhook_endpoints_dup(const struct webhook_endpoint *eps, size_t n)
{
	struct webhook_endpoint *d;
	size_t i, k;

	if (n == 0)
		return NULL;
	d = xcalloc(n, sizeof(*d));
	for (i = 0; i < n; i++) {
		d[i].name = xstrdup(eps[i].name);
		d[i].url = xstrdup(eps[i].url);
		d[i].ntypes = eps[i].ntypes;
		d[i].types = xcalloc(eps[i].ntypes + 1, sizeof(*d[i].types));
		for (k = 0; k < eps[i].ntypes; k++)
			d[i].types[k] = xstrdup(eps[i].types[k]);
		d[i].secret_len = eps[i].secret_len;
		d[i].secret = xmalloc(eps[i].secret_len + 1);
		memcpy(d[i].secret, eps[i].secret, eps[i].secret_len);
		d[i].secret_file = eps[i].secret_file ?
		    xstrdup(eps[i].secret_file) : NULL;
	}
	return d;
}

/*
 * The key of <path>, which must not be readable by group or others;
 * trailing newlines and blanks dropped.  NULL with *why (static text or
 * strerror) on failure.
 */
static unsigned char *
secret_read(const char *path, size_t *lenp, const char **why)
{
	struct stat st;
	char *data;
	size_t len;

	if ((data = util_read_file(path, &len)) == NULL) {
		*why = strerror(errno);
		return NULL;
	}
	if (stat(path, &st) == -1 || (st.st_mode & (S_IRWXG | S_IRWXO))) {
		*why = "readable by group or others; chmod 600 it";
		OPENSSL_cleanse(data, len);
		free(data);
		return NULL;
	}
	while (len > 0 && strchr(" \t\r\n", data[len - 1]) != NULL)
		data[--len] = '\0';
	*lenp = len;
	return (unsigned char *)data;
}

/* One map of the list into <ep>; errors into <errs>. */
static void
endpoint_parse(const struct ynode *m, const char *path,
    struct webhook_endpoint *ep, struct buf *errs)
{
	const struct ynode *secret = NULL, *secret_file = NULL;
	size_t i, k;

	for (i = 0; i < m->n; i++) {
		const struct ynode *key = m->items[2 * i];
		const struct ynode *v = m->items[2 * i + 1];
		const char *k_ = key->scalar;

		if (strcmp(k_, "events") == 0) {
			if (v->type != YNODE_SEQ) {
				buf_printf(errs, "%s:%d: webhooks: events: expected "
				    "a list of event types\n", path, v->line);
				continue;
			}
			for (k = 0; k < ep->ntypes; k++)	/* a repeated key */
				free(ep->types[k]);
			free(ep->types);
			ep->ntypes = 0;
			ep->types = xcalloc(v->n + 1, sizeof(*ep->types));
			for (k = 0; k < v->n; k++) {
				const struct ynode *t = v->items[k];

				if (t->type != YNODE_SCALAR ||
				    !webhook_is_event_type(t->scalar)) {
					buf_printf(errs, "%s:%d: webhooks: events: "
					    "unknown event type%s%s\n", path, t->line,
					    t->type == YNODE_SCALAR ? " " : "",
					    t->type == YNODE_SCALAR ? t->scalar : "");
					continue;
				}
				ep->types[ep->ntypes++] = xstrdup(t->scalar);
			}
			continue;
		}
		if (v->type != YNODE_SCALAR) {
			buf_printf(errs, "%s:%d: webhooks: %s: expected a single "
			    "value\n", path, v->line, k_);
			continue;
		}
		if (strcmp(k_, "name") == 0) {
			free(ep->name);
			ep->name = xstrdup(v->scalar);
		} else if (strcmp(k_, "url") == 0) {
			if (strncmp(v->scalar, "http://", 7) != 0 &&
			    strncmp(v->scalar, "https://", 8) != 0)
				buf_printf(errs, "%s:%d: webhooks: url: expected "
				    "http:// or https://\n", path, v->line);
			free(ep->url);
			ep->url = xstrdup(v->scalar);
		} else if (strcmp(k_, "secret") == 0)
			secret = v;
		else if (strcmp(k_, "secret_file") == 0)
			secret_file = v;
		else
			buf_printf(errs, "%s:%d: webhooks: unknown key \"%s\"\n",
			    path, key->line, k_);
	}
	if (ep->url == NULL)
		buf_printf(errs, "%s:%d: webhooks: an endpoint needs a url\n",
		    path, m->line);
	if ((secret == NULL) == (secret_file == NULL)) {
		buf_printf(errs, "%s:%d: webhooks: give one of secret or "
		    "secret_file\n", path, m->line);
		return;
	}
	if (secret != NULL) {
		ep->secret_len = strlen(secret->scalar);
		ep->secret = (unsigned char *)xstrdup(secret->scalar);
	} else {
		const char *why;

		ep->secret_file = xstrdup(secret_file->scalar);
		ep->secret = secret_read(ep->secret_file, &ep->secret_len, &why);
		if (ep->secret == NULL) {
			buf_printf(errs, "%s:%d: webhooks: secret_file %s: %s\n",
			    path, secret_file->line, ep->secret_file, why);
			return;
		}
	}
	if (ep->secret_len < SECRET_MIN)
		buf_printf(errs, "%s:%d: webhooks: the secret must have at "
		    "least %d bytes\n", path, (secret ? secret : secret_file)->line,
		    SECRET_MIN);
}

int
webhook_conf_parse(const struct ynode *v, const char *path,
    struct webhook_endpoint **epsp, size_t *np, struct buf *errs)
{
	struct webhook_endpoint *eps;
	size_t i, k, before = errs->len;

	*epsp = NULL;
	*np = 0;
	if (v->type != YNODE_SEQ) {
		buf_printf(errs, "%s:%d: webhooks: expected a list of "
		    "endpoints\n", path, v->line);
		return -1;
	}
	eps = xcalloc(v->n + 1, sizeof(*eps));
	for (i = 0; i < v->n; i++) {
		if (v->items[i]->type != YNODE_MAP) {
			buf_printf(errs, "%s:%d: webhooks: expected a mapping "
			    "with url, events and secret\n", path,
			    v->items[i]->line);
			continue;
		}
		endpoint_parse(v->items[i], path, &eps[i], errs);
		if (eps[i].name == NULL && eps[i].url != NULL)
			eps[i].name = xstrdup(eps[i].url);
		for (k = 0; k < i; k++)
			if (eps[i].name != NULL && eps[k].name != NULL &&
			    strcmp(eps[i].name, eps[k].name) == 0)
				buf_printf(errs, "%s:%d: webhooks: two endpoints "
				    "named %s\n", path, v->items[i]->line,
				    eps[i].name);
	}
	if (errs->len > before) {
		webhook_endpoints_free(eps, v->n);
		return -1;
	}
	*epsp = eps;
	*np = v->n;
	return 0;
}

static bool
str_eq(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

bool
webhook_endpoints_equal(const struct webhook_endpoint *a, size_t na,
    const struct webhook_endpoint *b, size_t nb)
{
	size_t i, k;

	if (na != nb)
		return false;
	for (i = 0; i < na; i++) {
		if (!str_eq(a[i].name, b[i].name) || !str_eq(a[i].url, b[i].url) ||
		    a[i].ntypes != b[i].ntypes ||
		    a[i].secret_len != b[i].secret_len ||
		    CRYPTO_memcmp(a[i].secret, b[i].secret, a[i].secret_len) != 0)
			return false;
		for (k = 0; k < a[i].ntypes; k++)
			if (strcmp(a[i].types[k], b[i].types[k]) != 0)
				return false;
	}
	return true;
}

/* ---- signing and backoff (pure) ------------------------------------- */

void
webhook_sign(const void *secret, size_t secret_len, long long t,
    const char *body, size_t body_len, char out[65])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0, i;
	struct buf msg;

	buf_init(&msg);
	buf_printf(&msg, "%lld.", t);
	buf_add(&msg, body, body_len);
	if (HMAC(EVP_sha256(), secret, (int)secret_len,
	    (const unsigned char *)msg.data, msg.len, md, &mdlen) == NULL)
		fatalx("HMAC-SHA256 failed");
	buf_free(&msg);
	for (i = 0; i < mdlen && i < 32; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 0xf];
	}
	out[2 * i] = '\0';
}

void
webhook_signature_header(const void *secret, size_t secret_len, long long t,
    const char *body, size_t body_len, char *out, size_t outlen)
{
	char v1[65];

	webhook_sign(secret, secret_len, t, body, body_len, v1);
	snprintf(out, outlen, "t=%lld,v1=%s", t, v1);
}

long
webhook_backoff_ms(int attempt, long min_ms, long max_ms, double jitter)
{
	long d = min_ms;
	int i;

	for (i = 1; i < attempt && d < max_ms; i++)
		d = d > max_ms / 2 ? max_ms : d * 2;
	if (d > max_ms)
		d = max_ms;
	if (jitter < 0)
		jitter = 0;
	if (jitter >= 1)
		jitter = 0.999999;
	return d / 2 + (long)((double)(d - d / 2) * jitter);
}

/* ---- the sender thread ---------------------------------------------- */

struct webhook {
	pthread_t			 thr;
	int				 wake[2];	/* stop: a byte */
	atomic_int			 stop;
	const struct conf		*conf;		/* borrowed: settings only */
	struct webhook_endpoint		*eps;		/* the thread's own copy */
	size_t				 neps;
	const char			**names;	/* of eps */
	/* a new list from a reload, taken by the thread between rounds */
	pthread_mutex_t			 mu;
	struct webhook_endpoint		*next_eps;
	size_t				 next_n;
	bool				 has_next;
	time_t				 purged_at;	/* last purge */
	PGconn				*c;
	CURLM				*multi;
	atomic_ullong			 delivered, retried, dead, released;
	atomic_llong			 pending;
};

/* One POST in flight. */
struct xfer {
	CURL				*e;
	struct curl_slist		*headers;
	struct store_delivery		*d;
	const struct webhook_endpoint	*ep;
	char				 answer[ANSWER_KEEP + 1];
	size_t				 alen;
	char				 err[CURL_ERROR_SIZE];
	bool				 done;
};

static const struct webhook_endpoint *
endpoint_find(struct webhook *w, const char *name)
{
	size_t i;

	for (i = 0; i < w->neps; i++)
		if (strcmp(w->eps[i].name, name) == 0)
			return &w->eps[i];
	return NULL;
}

static double
jitter(void)
{
	unsigned int r;

	if (RAND_bytes((unsigned char *)&r, sizeof(r)) != 1)
		r = (unsigned int)random();
	return (double)r / 4294967296.0;
}

/* Keeps the start of what the endpoint answered, for last_error. */
static size_t
answer_keep(char *ptr, size_t size, size_t nmemb, void *userdata)
{
	struct xfer *x = userdata;
	size_t n = size * nmemb, room = ANSWER_KEEP - x->alen;

	if (room > 0) {
		memcpy(x->answer + x->alen, ptr, n < room ? n : room);
		x->alen += n < room ? n : room;
		x->answer[x->alen] = '\0';
	}
	return n;
}

/* Waits up to <ms> for a NOTIFY, the stop byte or the time to pass. */
static void
wait_for(struct webhook *w, long ms)
{
	struct pollfd pf[2];
	PGnotify *n;
	int nfd = 1;
	char b;

	pf[0].fd = w->wake[0];
	pf[0].events = POLLIN;
	if (w->c != NULL && PQsocket(w->c) >= 0) {
		pf[1].fd = PQsocket(w->c);
		pf[1].events = POLLIN;
		nfd = 2;
	}
	if (poll(pf, nfd, ms > 0 ? (int)ms : 0) <= 0)
		return;
	if (pf[0].revents & POLLIN)
		while (read(w->wake[0], &b, 1) == 1)
			;
	if (nfd == 2 && (pf[1].revents & (POLLIN | POLLERR | POLLHUP))) {
		if (PQconsumeInput(w->c) == 0)
			return;	/* the next query finds the connection bad */
		while ((n = PQnotifies(w->c)) != NULL)
			PQfreemem(n);
	}
}

/* Writes the endpoint list to webhook_endpoints; 0 or -1 with *errp. */
static int
endpoints_sync(struct webhook *w, char **errp)
{
	struct store_endpoint *eps;
	size_t i;
	int rc;

	eps = xcalloc(w->neps + 1, sizeof(*eps));
	for (i = 0; i < w->neps; i++) {
		eps[i].name = w->eps[i].name;
		eps[i].url = w->eps[i].url;
		eps[i].types = (const char *const *)w->eps[i].types;
		eps[i].ntypes = w->eps[i].ntypes;
	}
	rc = store_endpoints_sync(w->c, eps, w->neps, errp);
	free(eps);
	return rc;
}

/* Makes <eps> (taken over) the sender's list. */
static void
endpoints_set(struct webhook *w, struct webhook_endpoint *eps, size_t n)
{
	size_t i;

	webhook_endpoints_free(w->eps, w->neps);
	free(w->names);
	w->eps = eps;
	w->neps = n;
	w->names = xcalloc(n + 1, sizeof(*w->names));
	for (i = 0; i < n; i++)
		w->names[i] = w->eps[i].name;
}

/*
 * Between two rounds: takes the list a reload handed over, if any, and
 * writes it to the database (or the next connection does).
 */
static void
endpoints_take(struct webhook *w)
{
	struct webhook_endpoint *eps;
	char *err = NULL;
	size_t n;

	pthread_mutex_lock(&w->mu);
	if (!w->has_next) {
		pthread_mutex_unlock(&w->mu);
		return;
	}
	eps = w->next_eps;
	n = w->next_n;
	w->next_eps = NULL;
	w->next_n = 0;
	w->has_next = false;
	pthread_mutex_unlock(&w->mu);
	endpoints_set(w, eps, n);
	log_info("webhooks: now sending to %zu endpoint%s", n, n == 1 ? "" :
	    "s");
	if (w->c != NULL && PQstatus(w->c) == CONNECTION_OK &&
	    endpoints_sync(w, &err) == -1) {
		/* The next connection writes it. */
		log_warnx("webhooks: %s", err);
		free(err);
		PQfinish(w->c);
		w->c = NULL;
	}
}

/* Every PURGE_EVERY seconds: the outbox's old events, in bounded batches. */
static void
outbox_purge(struct webhook *w)
{
	time_t now = time(NULL);
	char *err = NULL;
	long n, total = 0;

	if (now - w->purged_at < PURGE_EVERY)
		return;
	w->purged_at = now;
	do {
		n = store_events_purge(w->c, w->conf->webhook_keep_days,
		    PURGE_BATCH, &err);
		if (n > 0)
			total += n;
	} while (n == PURGE_BATCH && !atomic_load(&w->stop));
	if (n == -1) {
		log_warnx("webhooks: %s", err);
		free(err);
	}
	if (total > 0)
		log_info("webhooks: purged %ld event%s older than %ld days",
		    total, total == 1 ? "" : "s", w->conf->webhook_keep_days);
}

/* Connects, LISTENs and writes the endpoints; 0 or -1 (logged). */
static int
sender_connect(struct webhook *w)
{
	PGresult *r;
	char *err = NULL;

	PQfinish(w->c);
	if ((w->c = store_connect_deadline(w->conf->db, 30000, &err)) == NULL)
		goto fail;
	r = PQexec(w->c, "LISTEN cordon_events");
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		xasprintf(&err, "LISTEN: %s", PQerrorMessage(w->c));
		PQclear(r);
		goto fail;
	}
	PQclear(r);
	if (endpoints_sync(w, &err) == -1)
		goto fail;
	return 0;
fail:
	log_warnx("webhooks: %s", err ? err : "cannot connect");
	free(err);
	PQfinish(w->c);
	w->c = NULL;
	return -1;
}

/* Records what became of <x>; a database error is logged (the lease ends). */
static void
xfer_record(struct webhook *w, struct xfer *x, CURLcode rc)
{
	enum store_delivery_outcome o;
	long code = 0, retry = 0;
	char why[400], *err = NULL;

	x->done = true;
	if (rc == CURLE_OK)
		curl_easy_getinfo(x->e, CURLINFO_RESPONSE_CODE, &code);
	if (rc == CURLE_OK && code >= 200 && code < 300) {
		o = DELIVERY_DELIVERED;
		why[0] = '\0';
		atomic_fetch_add(&w->delivered, 1);
	} else {
		if (rc != CURLE_OK)
			snprintf(why, sizeof(why), "%s", x->err[0] ? x->err :
			    curl_easy_strerror(rc));
		else
			snprintf(why, sizeof(why), "HTTP %ld%s%s", code,
			    x->alen ? ": " : "", x->answer);
		util_utf8_scrub(why);
		retry = webhook_backoff_ms(x->d->attempts,
		    w->conf->webhook_backoff_min, w->conf->webhook_backoff_max,
		    jitter());
		if (x->d->age_s + (double)retry / 1000.0 >=
		    (double)w->conf->webhook_retry_for) {
			o = DELIVERY_DEAD;
			atomic_fetch_add(&w->dead, 1);
			log_warnx("webhook %s: event %s: %s; attempt %d; giving up "
			    "(dead letter)", x->d->endpoint, x->d->event_id, why,
			    x->d->attempts);
		} else {
			o = DELIVERY_RETRY;
			atomic_fetch_add(&w->retried, 1);
			log_info("webhook %s: event %s: %s; attempt %d; again in "
			    "%ld ms", x->d->endpoint, x->d->event_id, why,
			    x->d->attempts, retry);
		}
	}
	if (w->c == NULL || store_delivery_record(w->c, x->d->event_id,
	    x->d->endpoint, o, (int)code, why[0] ? why : NULL, retry,
	    &err) == -1) {
		log_warnx("webhook %s: event %s: cannot record the outcome: %s",
		    x->d->endpoint, x->d->event_id, err ? err : "no connection");
		free(err);
	}
}

/* POSTs the claimed deliveries <ds> at once and records each outcome. */
static void
send_all(struct webhook *w, struct store_delivery *ds, size_t n)
{
	struct curl_waitfd wfd = { w->wake[0], CURL_WAIT_POLLIN, 0 };
	struct xfer *xs = xcalloc(n, sizeof(*xs));
	char h[200], sig[128], *err = NULL;
	int running = 0, left;
	size_t i;
	CURLMsg *m;
	long long t = (long long)time(NULL);

	for (i = 0; i < n; i++) {
		struct xfer *x = &xs[i];

		x->d = &ds[i];
		x->ep = endpoint_find(w, ds[i].endpoint);
		if (x->ep == NULL || (x->e = curl_easy_init()) == NULL) {
			/* Claimed by name, so only a broken libcurl gets here. */
			x->done = true;
			store_delivery_record(w->c, ds[i].event_id,
			    ds[i].endpoint, DELIVERY_RELEASE, 0, NULL, 0, &err);
			free(err);
			err = NULL;
			continue;
		}
		webhook_signature_header(x->ep->secret, x->ep->secret_len, t,
		    ds[i].body, strlen(ds[i].body), sig, sizeof(sig));
		x->headers = curl_slist_append(NULL,
		    "Content-Type: application/json");
		snprintf(h, sizeof(h), "Cordon-Signature: %s", sig);
		x->headers = curl_slist_append(x->headers, h);
		snprintf(h, sizeof(h), "Cordon-Event-Id: %s", ds[i].event_id);
		x->headers = curl_slist_append(x->headers, h);
		snprintf(h, sizeof(h), "Cordon-Event-Type: %s", ds[i].type);
		x->headers = curl_slist_append(x->headers, h);
		snprintf(h, sizeof(h), "Cordon-Delivery-Attempt: %d",
		    ds[i].attempts);
		x->headers = curl_slist_append(x->headers, h);
		x->headers = curl_slist_append(x->headers, "Expect:");
		curl_easy_setopt(x->e, CURLOPT_URL, x->ep->url);
		curl_easy_setopt(x->e, CURLOPT_PROTOCOLS_STR, "http,https");
		curl_easy_setopt(x->e, CURLOPT_POSTFIELDS, ds[i].body);
		curl_easy_setopt(x->e, CURLOPT_POSTFIELDSIZE,
		    (long)strlen(ds[i].body));
		curl_easy_setopt(x->e, CURLOPT_HTTPHEADER, x->headers);
		curl_easy_setopt(x->e, CURLOPT_USERAGENT, "cordond/"
		    PACKAGE_VERSION);
		curl_easy_setopt(x->e, CURLOPT_TIMEOUT_MS,
		    w->conf->webhook_timeout * 1000L);
		curl_easy_setopt(x->e, CURLOPT_CONNECTTIMEOUT_MS,
		    w->conf->webhook_timeout * 1000L);
		curl_easy_setopt(x->e, CURLOPT_NOSIGNAL, 1L);
		curl_easy_setopt(x->e, CURLOPT_FOLLOWLOCATION, 0L);
		curl_easy_setopt(x->e, CURLOPT_WRITEFUNCTION, answer_keep);
		curl_easy_setopt(x->e, CURLOPT_WRITEDATA, x);
		curl_easy_setopt(x->e, CURLOPT_ERRORBUFFER, x->err);
		curl_easy_setopt(x->e, CURLOPT_PRIVATE, x);
		curl_multi_add_handle(w->multi, x->e);
	}
	do {
		if (curl_multi_perform(w->multi, &running) != CURLM_OK)
			break;
		while ((m = curl_multi_info_read(w->multi, &left)) != NULL) {
			struct xfer *x;

			if (m->msg != CURLMSG_DONE)
				continue;
			curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, &x);
			xfer_record(w, x, m->data.result);
		}
		if (running > 0 && !atomic_load(&w->stop))
			curl_multi_poll(w->multi, &wfd, 1, 1000, NULL);
	} while (running > 0 && !atomic_load(&w->stop));
	for (i = 0; i < n; i++) {
		if (!xs[i].done && w->c != NULL) {
			/* Stopping: not sent (or not known to be); due again. */
			atomic_fetch_add(&w->released, 1);
			if (store_delivery_record(w->c, ds[i].event_id,
			    ds[i].endpoint, DELIVERY_RELEASE, 0, NULL, 0,
			    &err) == -1) {
				log_warnx("webhooks: %s", err);
				free(err);
				err = NULL;
			}
		}
		if (xs[i].e != NULL) {
			curl_multi_remove_handle(w->multi, xs[i].e);
			curl_easy_cleanup(xs[i].e);
		}
		curl_slist_free_all(xs[i].headers);
	}
	free(xs);
}

static void *
sender_run(void *arg)
{
	struct webhook *w = arg;
	struct store_delivery *ds;
	long long pending, due;
	long backoff = 1000, ms;
	char *err = NULL;
	size_t n;
	/* A claim lasts past the longest attempt: then another may take it. */
	int lease = (int)w->conf->webhook_timeout * 2 + 30;

	while (!atomic_load(&w->stop)) {
		endpoints_take(w);
		if (w->c == NULL || PQstatus(w->c) != CONNECTION_OK) {
			if (sender_connect(w) == -1) {
				wait_for(w, backoff);
				backoff = backoff < 30000 ? backoff * 2 : 30000;
				continue;
			}
			backoff = 1000;
		}
		if (store_deliveries_claim(w->c, w->names, w->neps,
		    lease, (int)w->conf->webhook_batch, &ds, &n, &err) == -1)
			goto again;
		if (n > 0) {
			send_all(w, ds, n);
			store_deliveries_free(ds, n);
			continue;
		}
		store_deliveries_free(ds, n);
		outbox_purge(w);
		if (store_deliveries_due(w->c, w->names, w->neps,
		    &pending, &due, &err) == -1)
			goto again;
		atomic_store(&w->pending, pending);
		ms = w->conf->webhook_poll;
		if (due >= 0 && due < ms)
			ms = (long)due + 5;
		wait_for(w, ms);
		continue;
again:
		/* A query failed: a new connection, after a pause that grows. */
		log_warnx("webhooks: %s", err);
		free(err);
		err = NULL;
		PQfinish(w->c);
		w->c = NULL;
		wait_for(w, backoff);
		backoff = backoff < 30000 ? backoff * 2 : 30000;
	}
	PQfinish(w->c);
	w->c = NULL;
	return NULL;
}

struct webhook *
webhook_start(const struct conf *c)
{
	struct webhook *w;
	int fl;

	if (c->nwebhooks == 0)
		return NULL;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		fatalx("webhooks: cannot start libcurl");
	w = xcalloc(1, sizeof(*w));
	w->conf = c;
	endpoints_set(w, webhook_endpoints_dup(c->webhooks, c->nwebhooks),
	    c->nwebhooks);
	pthread_mutex_init(&w->mu, NULL);
	w->purged_at = 0;	/* the first purge when the outbox is idle */
	atomic_init(&w->stop, 0);
	atomic_init(&w->pending, -1);
	if (pipe(w->wake) == -1)
		fatal("webhooks: pipe");
	fl = fcntl(w->wake[0], F_GETFL);
	fcntl(w->wake[0], F_SETFL, fl | O_NONBLOCK);
	if ((w->multi = curl_multi_init()) == NULL)
		fatalx("webhooks: cannot start libcurl");
	if (pthread_create(&w->thr, NULL, sender_run, w) != 0)
		fatalx("webhooks: cannot start the sender thread");
	log_info("webhooks: sending events to %zu endpoint%s", c->nwebhooks,
	    c->nwebhooks == 1 ? "" : "s");
	return w;
}

void
webhook_stop(struct webhook *w)
{
	if (w == NULL)
		return;
	atomic_store(&w->stop, 1);
	if (write(w->wake[1], "x", 1) == -1)
		log_warn("webhooks: wake");
	pthread_join(w->thr, NULL);
	curl_multi_cleanup(w->multi);
	close(w->wake[0]);
	close(w->wake[1]);
	webhook_endpoints_free(w->eps, w->neps);
	webhook_endpoints_free(w->next_eps, w->next_n);
	pthread_mutex_destroy(&w->mu);
	free(w->names);
	free(w);
}

struct webhook *
webhook_reload(struct webhook *w, const struct conf *c)
{
	if (w == NULL)
		return webhook_start(c);
	pthread_mutex_lock(&w->mu);
	webhook_endpoints_free(w->next_eps, w->next_n);
	w->next_eps = webhook_endpoints_dup(c->webhooks, c->nwebhooks);
	w->next_n = c->nwebhooks;
	w->has_next = true;
	pthread_mutex_unlock(&w->mu);
	if (write(w->wake[1], "x", 1) == -1)
		log_warn("webhooks: wake");
	return w;
}

void
webhook_stats(struct webhook *w, struct webhook_stats *st)
{
	memset(st, 0, sizeof(*st));
	st->pending = -1;
	if (w == NULL)
		return;
	st->delivered = atomic_load(&w->delivered);
	st->retried = atomic_load(&w->retried);
	st->dead = atomic_load(&w->dead);
	st->released = atomic_load(&w->released);
	st->pending = atomic_load(&w->pending);
}
