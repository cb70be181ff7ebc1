/*
 * Prometheus text exposition.  Names follow the conventions: a cordon_
 * prefix, base units, _total for counters.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "http.h"
#include "metrics.h"
#include "observe.h"
#include "pool.h"
#include "route.h"
#include "runtime.h"
#include "snapshot.h"
#include "util.h"
#include "webhook.h"

/* The status codes the API answers with; anything else counts as "other". */
static const int codes[] = { 200, 201, 302, 400, 401, 403, 404, 405, 409,
	413, 415, 422, 429, 500, 503 };
#define NCODES		(sizeof(codes) / sizeof(codes[0]))
#define MAX_ROUTES	OBSERVE_MAX_ROUTES

/* [route index, or the last row for no route][code index, or NCODES]. */
static uint64_t replies[MAX_ROUTES + 1][NCODES + 1];

void
metrics_count_reply(size_t r, int code)
{
	size_t c;

	for (c = 0; c < NCODES && codes[c] != code; c++)
		;
	replies[r][c]++;
}

/* The webhook sender's counters (webhook.c); zeros without endpoints. */
static void
webhook_metrics(struct buf *b)
{
	struct webhook_stats ws;

	webhook_stats(rt->webhook, &ws);
	observe_help(b, "cordon_webhook_deliveries_total", "counter",
	    "Webhook delivery attempts by outcome: delivered (2xx), retried "
	    "(failed, to be sent again), dead (failed, dead letter), released "
	    "(claimed, given back at shutdown).");
	buf_printf(b, "cordon_webhook_deliveries_total{outcome=\"delivered\"} "
	    "%llu\n", (unsigned long long)ws.delivered);
	buf_printf(b, "cordon_webhook_deliveries_total{outcome=\"retried\"} "
	    "%llu\n", (unsigned long long)ws.retried);
	buf_printf(b, "cordon_webhook_deliveries_total{outcome=\"dead\"} "
	    "%llu\n", (unsigned long long)ws.dead);
	buf_printf(b, "cordon_webhook_deliveries_total{outcome=\"released\"} "
	    "%llu\n", (unsigned long long)ws.released);
	observe_help(b, "cordon_webhook_pending_events", "gauge",
	    "Deliveries to this daemon's endpoints not yet delivered or dead, "
	    "as the sender last counted them.");
	buf_printf(b, "cordon_webhook_pending_events %lld\n",
	    ws.pending < 0 ? 0 : ws.pending);
}

/* HTTP answers by route and status code, and requests received. */
static void
http_metrics(struct buf *b)
{
	const struct route *table;
	size_t n, r, c;

	table = route_table(&n);
	observe_help(b, "cordon_http_responses_total", "counter",
	    "HTTP answers by route and status code.");
	for (r = 0; r <= MAX_ROUTES; r++)
		for (c = 0; c <= NCODES; c++) {
			if (replies[r][c] == 0)
				continue;
			buf_adds(b, "cordon_http_responses_total{route=\"");
			observe_label(b, r < n && r < MAX_ROUTES ? table[r].path :
			    "(none)");
			if (c < NCODES)
				buf_printf(b, "\",code=\"%d\"} %llu\n",
				    codes[c], (unsigned long long)replies[r][c]);
			else
				buf_printf(b, "\",code=\"other\"} %llu\n",
				    (unsigned long long)replies[r][c]);
		}
	observe_help(b, "cordon_http_requests_total", "counter",
	    "HTTP requests received.");
	buf_printf(b, "cordon_http_requests_total %llu\n",
	    (unsigned long long)rt->requests);
}

/* Declarations stored, refused, and answered 503. */
static void
declaration_metrics(struct buf *b)
{
	observe_help(b, "cordon_declarations_stored_total", "counter",
	    "Declarations committed in PostgreSQL.");
	buf_printf(b, "cordon_declarations_stored_total %llu\n",
	    (unsigned long long)rt->declarations);
	observe_help(b, "cordon_declarations_rejected_total", "counter",
	    "Declarations refused (400, 422).");
	buf_printf(b, "cordon_declarations_rejected_total %llu\n",
	    (unsigned long long)rt->rejected);
	observe_help(b, "cordon_unavailable_replies_total", "counter",
	    "503 answers because PostgreSQL was unreachable.");
	buf_printf(b, "cordon_unavailable_replies_total %llu\n",
	    (unsigned long long)rt->unavailable);
}

/* Group commits, and officers' reads on read_db when there is one. */
static void
commit_metrics(struct buf *b)
{
	struct db_stats st;

	db_stats(rt->db, &st);
	observe_help(b, "cordon_commit_batches_total", "counter",
	    "Group commits of declarations.");
	buf_printf(b, "cordon_commit_batches_total %llu\n",
	    (unsigned long long)st.batches);
	observe_help(b, "cordon_commit_batched_declarations_total", "counter",
	    "Declarations written by group commits (divide by the batches "
	    "for the mean batch size).");
	buf_printf(b, "cordon_commit_batched_declarations_total %llu\n",
	    (unsigned long long)st.stored);
	observe_help(b, "cordon_commit_batch_max", "gauge",
	    "Largest group commit so far.");
	buf_printf(b, "cordon_commit_batch_max %llu\n",
	    (unsigned long long)st.max_batch);
	observe_help(b, "cordon_commit_failures_total", "counter",
	    "Group commits that failed.");
	buf_printf(b, "cordon_commit_failures_total %llu\n",
	    (unsigned long long)st.failures);

	if (rt->read_db != NULL) {
		db_stats(rt->read_db, &st);
		observe_help(b, "cordon_read_db_queries_total", "counter",
		    "Officers' reads answered by read_db, and those passed to "
		    "the primary (read_db unreachable, a failed query, or a row "
		    "it had not replayed yet).");
		buf_printf(b, "cordon_read_db_queries_total{served_by="
		    "\"read_db\"} %llu\n", (unsigned long long)st.served);
		buf_printf(b, "cordon_read_db_queries_total{served_by="
		    "\"primary\"} %llu\n", (unsigned long long)st.forwarded);
	}
}

/* Whether the database answers, and the queues and connections now. */
static void
load_metrics(struct buf *b)
{
	struct db_health dh;

	db_health(rt->db, &dh);
	observe_help(b, "cordon_database_up", "gauge",
	    "1 if the database workers' last contact with PostgreSQL succeeded.");
	buf_printf(b, "cordon_database_up %d\n", dh.last_ok_ms > 0 &&
	    dh.last_ok_ms >= dh.last_fail_ms ? 1 : 0);
	observe_help(b, "cordon_db_queue_depth", "gauge",
	    "Database jobs waiting for a worker.");
	buf_printf(b, "cordon_db_queue_depth %zu\n", db_pending(rt->db));
	observe_help(b, "cordon_screening_queue_depth", "gauge",
	    "Declarations waiting for a screening thread.");
	buf_printf(b, "cordon_screening_queue_depth %zu\n",
	    (size_t)pool_pending(rt->pool));
	observe_help(b, "cordon_http_connections", "gauge", "Open HTTP connections.");
	buf_printf(b, "cordon_http_connections %zu\n",
	    (size_t)http_connections());
}

/* The list version in use and whether it is a fallback. */
static void
list_version_info(struct buf *b)
{
	observe_help(b, "cordon_list_version_info", "gauge",
	    "The list version in use (value 1), and whether it is a fallback "
	    "from an active version that does not build.");
	if (rt->snap != NULL) {
		buf_adds(b, "cordon_list_version_info{version=\"");
		observe_label(b, rt->snap->version);
		buf_printf(b, "\",fallback=\"%s\"} 1\n",
		    rt->snap->fallback != NULL ? "true" : "false");
	}
}

char *
metrics_text(void)
{
	struct buf b;

	buf_init(&b);
	http_metrics(&b);
	declaration_metrics(&b);
	commit_metrics(&b);
	load_metrics(&b);
	observe_write(&b);
	list_version_info(&b);
	webhook_metrics(&b);
	observe_help(&b, "cordon_list_version_fallback", "gauge",
	    "1 while the daemon runs a fallback list version.");
	buf_printf(&b, "cordon_list_version_fallback %d\n",
	    rt->snap != NULL && rt->snap->fallback != NULL);
	return buf_release(&b);
}
