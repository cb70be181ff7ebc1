/*
 * Signed events out: the webhook endpoints of cordond.yaml, the signature
 * (Cordon-Signature: t=<unix time>,v1=<hex HMAC-SHA256(secret, t "." body)>)
 * and the sender thread that delivers the outbox (store_events.c) with
 * libcurl's multi interface, retrying with exponential backoff and jitter
 * until webhook_retry_for has passed, then leaving a dead letter.
 */
#ifndef CORDON_WEBHOOK_H
#define CORDON_WEBHOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "conf.h"
#include "util.h"
#include "ytree.h"

/* One endpoint of the `webhooks:` list; everything owned by the conf. */
struct webhook_endpoint {
	char		 *name;		/* unique; defaults to the URL */
	char		 *url;		/* http:// or https:// */
	char		**types;	/* event types it takes; none: all */
	size_t		  ntypes;
	unsigned char	 *secret;	/* the HMAC key */
	size_t		  secret_len;
	char		 *secret_file;	/* where it came from, or NULL */
};

/*
 * Reads the `webhooks:` sequence <v> of the config file <path> into *epsp
 * and *np (caller frees with webhook_endpoints_free).  Every error is
 * appended to <errs> as "path:line: why\n"; returns 0 or -1.
 */
int	 webhook_conf_parse(const struct ynode *v, const char *path,
	    struct webhook_endpoint **epsp, size_t *np, struct buf *errs);
void	 webhook_endpoints_free(struct webhook_endpoint *, size_t n);
/* A deep copy of <n> endpoints (NULL for none); free with the above. */
struct webhook_endpoint *webhook_endpoints_dup(
	    const struct webhook_endpoint *eps, size_t n);
/* True if both lists say the same (names, URLs, types and secrets). */
bool	 webhook_endpoints_equal(const struct webhook_endpoint *a, size_t na,
	    const struct webhook_endpoint *b, size_t nb);
/* True if <type> is an event type Cordon sends. */
bool	 webhook_is_event_type(const char *type);

/*
 * The lowercase hex HMAC-SHA256 of "<t>.<body>" under <secret>: the v1
 * part of the signature header.  Pure.
 */
void	 webhook_sign(const void *secret, size_t secret_len, long long t,
	    const char *body, size_t body_len, char out[65]);
/* "t=<t>,v1=<hex>" into <out> (at least 96 bytes). */
void	 webhook_signature_header(const void *secret, size_t secret_len,
	    long long t, const char *body, size_t body_len, char *out,
	    size_t outlen);
/*
 * The wait before attempt <attempt> + 1 after <attempt> failed ones:
 * <min_ms> doubled per attempt, at most <max_ms>, then scaled into its
 * upper half by <jitter> in [0, 1) ("equal jitter").  Pure.
 */
long	 webhook_backoff_ms(int attempt, long min_ms, long max_ms,
	    double jitter);

struct webhook;

/* Delivery counters since start, and the pending gauge. */
struct webhook_stats {
	uint64_t	 delivered;	/* 2xx answers */
	uint64_t	 retried;	/* failed attempts that will be retried */
	uint64_t	 dead;		/* failed attempts that left a dead letter */
	uint64_t	 released;	/* claims given back at shutdown */
	long long	 pending;	/* deliveries not yet delivered or dead
					   (as last counted; -1 not yet) */
};

/*
 * Starts the sender thread for a copy of the endpoints of <c> on its own
 * connection to <c>->db.  <c> is borrowed until webhook_stop for its
 * settings (not reloadable).  NULL when no endpoint is configured.
 */
struct webhook	*webhook_start(const struct conf *c);
/*
 * After a reload: hands a copy of <c>'s endpoint list to the sender, which
 * takes it between two rounds (deliveries in flight finish first), writes
 * it to webhook_endpoints (disabling the endpoints it no longer lists) and
 * claims for it.  With no sender yet (<w> NULL) starts one as
 * webhook_start.  Returns the sender (NULL: none).  Loop thread.
 */
struct webhook	*webhook_reload(struct webhook *w, const struct conf *c);
/* Stops and joins the thread; claims in flight are released.  NULL: no-op. */
void		 webhook_stop(struct webhook *);
/* Current counters; all zero (pending -1) for NULL. */
void		 webhook_stats(struct webhook *, struct webhook_stats *);

#endif
