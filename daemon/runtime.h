/*
 * The one runtime context of cordond: the event loop, the settings, the
 * current snapshot, the database workers and the HTTP server.  It is the
 * only global (rt); modules reach state through it rather than through
 * loose globals.
 */
#ifndef CORDON_RUNTIME_H
#define CORDON_RUNTIME_H

#include <stdbool.h>
#include <stdint.h>

#include <event2/event.h>
#include <event2/http.h>
#include <libpq-fe.h>
#include <openssl/ssl.h>

#include "auth.h"
#include "bounds.h"
#include "conf.h"
#include "db.h"
#include "pool.h"
#include "snapshot.h"
#include "tokens.h"

struct reload_state;
struct webhook;

struct runtime {
	struct event_base	*base;
	struct conf		 conf;
	const char		*conf_path;	/* NULL without -f */
	struct snapshot		*snap;		/* current; loop thread only */
	struct db		*db;
	struct db		*read_db;	/* officers' reads, or NULL */
	struct pool		*pool;		/* screening threads */
	struct inflight_table	 tokens_inflight;	/* per token name */
	struct evhttp		*http;
	struct evhttp_bound_socket *bound;
	struct evhttp		*https;		/* TLS listener, or NULL */
	struct evhttp_bound_socket *tls_bound;
	SSL_CTX			*tls_ctx;
	struct reload_state	*reload;
	struct webhook		*webhook;	/* the event sender, or NULL */
	struct maint		*maint;		/* partitions/retention, or NULL */
	struct token_cache	 tokens;	/* active API tokens (hashes) */

	/* LISTEN connection for list activations (loop thread). */
	PGconn			*listen_conn;
	struct event		*listen_ev;
	struct event		*listen_retry;
	struct event		*listen_check;
	struct event		*reload_retry;	/* after a reload the DB refused */

	bool			 stopping;
	uint64_t		 requests, declarations, rejected, unavailable;
};

extern struct runtime *rt;

#endif
