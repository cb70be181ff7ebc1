/*
 * Latency and size histograms and event counters that any thread may feed
 * (the loop, screening threads, database workers): requests by route,
 * screening, group commits and their size, reloads by outcome, alerts by
 * category.  metrics.c writes them into its exposition; nothing here knows
 * the runtime.
 */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "observe.h"
#include "route.h"
#include "rules.h"
#include "screen.h"

#define MAX_ROUTES	OBSERVE_MAX_ROUTES


/*
 * A histogram with fixed upper bounds.  Screening threads and database
 * workers observe too, so each is kept under one lock: an observation is
 * a few increments, far below what it measures.
 */
#define MAX_BOUNDS	16
struct hist {
	const double	*bounds;
	size_t		 nbounds;
	uint64_t	 counts[MAX_BOUNDS + 1];	/* per bucket, +Inf last */
	uint64_t	 count;
	double		 sum;
};

static const double latency_bounds[] = { 0.0005, 0.001, 0.0025, 0.005,
	0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10 };
#define NLATENCY	(sizeof(latency_bounds) / sizeof(latency_bounds[0]))
static const double reload_bounds[] = { 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
	5, 10, 30, 60, 120 };
#define NRELOAD		(sizeof(reload_bounds) / sizeof(reload_bounds[0]))
static const double batch_bounds[] = { 1, 2, 4, 8, 16, 32, 64, 128, 256,
	512, 1024 };
#define NBATCH		(sizeof(batch_bounds) / sizeof(batch_bounds[0]))

static pthread_mutex_t hist_mu = PTHREAD_MUTEX_INITIALIZER;
static struct hist request_hist[MAX_ROUTES + 1];
static struct hist screen_hist = { latency_bounds, NLATENCY, { 0 }, 0, 0 };
static struct hist commit_hist = { latency_bounds, NLATENCY, { 0 }, 0, 0 };
static struct hist batch_hist = { batch_bounds, NBATCH, { 0 }, 0, 0 };
static struct hist reload_hist = { reload_bounds, NRELOAD, { 0 }, 0, 0 };

static const char *const reload_outcomes[] = { "ok", "unchanged", "failed",
	"unavailable" };
#define NOUTCOMES	(sizeof(reload_outcomes) / sizeof(reload_outcomes[0]))
static uint64_t reloads[NOUTCOMES];
static uint64_t alerts_raised[CAT_COUNT_];

static void
hist_observe(struct hist *h, double v)
{
	size_t i;

	pthread_mutex_lock(&hist_mu);
	if (h->bounds == NULL) {
		h->bounds = latency_bounds;
		h->nbounds = NLATENCY;
	}
	for (i = 0; i < h->nbounds && v > h->bounds[i]; i++)
		;
	h->counts[i]++;
	h->count++;
	h->sum += v;
	pthread_mutex_unlock(&hist_mu);
}

double
observe_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

size_t
observe_route(unsigned method, const char *path)
{
	const struct route *table;
	struct route_match m;
	size_t n;

	table = route_table(&n);
	if (path != NULL && route_match(method, path, &m) == ROUTE_FOUND &&
	    (size_t)(m.route - table) < MAX_ROUTES)
		return (size_t)(m.route - table);
	return MAX_ROUTES;
}

void
observe_request(size_t route, double seconds)
{
	hist_observe(&request_hist[route], seconds);
}

void
observe_screening(double seconds)
{
	hist_observe(&screen_hist, seconds);
}

void
observe_commit(size_t declarations, double seconds)
{
	hist_observe(&commit_hist, seconds);
	hist_observe(&batch_hist, (double)declarations);
}

void
observe_reload(bool ok, bool changed, bool unavailable,
    double seconds)
{
	reloads[ok ? (changed ? 0 : 1) : (unavailable ? 3 : 2)]++;
	hist_observe(&reload_hist, seconds);
}

void
observe_alerts(const struct screen_result *r)
{
	size_t i;

	for (i = 0; r != NULL && i < r->nalerts; i++)
		if ((size_t)r->alerts[i].category < CAT_COUNT_)
			alerts_raised[r->alerts[i].category]++;
}

/* A bucket bound as Prometheus reads it. */
static void
write_bound(struct buf *b, double v)
{
	char tmp[32];

	snprintf(tmp, sizeof(tmp), "%.6g", v);
	buf_adds(b, tmp);
}

/*
 * Writes <h> as the series of <name> (_bucket, _sum, _count), with
 * <labels> (already escaped, "" for none) before "le".  A copy is taken
 * under the lock so that the series agree with each other.
 */
static void
hist_write(struct buf *b, const char *name, const char *labels,
    struct hist *h)
{
	struct hist c;
	uint64_t cum = 0;
	size_t i;

	pthread_mutex_lock(&hist_mu);
	c = *h;
	pthread_mutex_unlock(&hist_mu);
	if (c.bounds == NULL) {
		c.bounds = latency_bounds;
		c.nbounds = NLATENCY;
	}
	for (i = 0; i <= c.nbounds; i++) {
		cum += c.counts[i];
		buf_printf(b, "%s_bucket{%s%sle=\"", name, labels,
		    labels[0] ? "," : "");
		if (i < c.nbounds)
			write_bound(b, c.bounds[i]);
		else
			buf_adds(b, "+Inf");
		buf_printf(b, "\"} %llu\n", (unsigned long long)cum);
	}
	buf_printf(b, "%s_sum%s%s%s %.9g\n", name, labels[0] ? "{" : "",
	    labels, labels[0] ? "}" : "", c.sum);
	buf_printf(b, "%s_count%s%s%s %llu\n", name, labels[0] ? "{" : "",
	    labels, labels[0] ? "}" : "", (unsigned long long)c.count);
}

void
observe_help(struct buf *b, const char *name, const char *type, const char *text)
{
	buf_printf(b, "# HELP %s %s\n# TYPE %s %s\n", name, text, name, type);
}

/* A label value with backslash, quote and newline escaped. */
void
observe_label(struct buf *b, const char *v)
{
	for (; *v != '\0'; v++) {
		if (*v == '\\' || *v == '"')
			buf_addc(b, '\\');
		if (*v == '\n') {
			buf_adds(b, "\\n");
			continue;
		}
		buf_addc(b, *v);
	}
}

void
observe_write(struct buf *bp)
{
	const struct route *table;
	size_t n, r, c;

	table = route_table(&n);
	observe_help(bp, "cordon_http_request_duration_seconds", "histogram",
	    "Time from a complete request to its answer, by route.");
	for (r = 0; r <= MAX_ROUTES; r++) {
		struct buf lab;

		if (request_hist[r].count == 0)
			continue;
		buf_init(&lab);
		buf_adds(&lab, "route=\"");
		observe_label(&lab, r < n && r < MAX_ROUTES ? table[r].path : "(none)");
		buf_addc(&lab, '"');
		hist_write(bp, "cordon_http_request_duration_seconds", lab.data,
		    &request_hist[r]);
		buf_free(&lab);
	}
	observe_help(bp, "cordon_screening_duration_seconds", "histogram",
	    "Screening of one declaration on a screening thread (parse, "
	    "bounds, matching).");
	hist_write(bp, "cordon_screening_duration_seconds", "", &screen_hist);
	observe_help(bp, "cordon_commit_duration_seconds", "histogram",
	    "One group commit: the batch's statements and COMMIT.");
	hist_write(bp, "cordon_commit_duration_seconds", "", &commit_hist);
	observe_help(bp, "cordon_commit_batch_size", "histogram",
	    "Declarations per group commit.");
	hist_write(bp, "cordon_commit_batch_size", "", &batch_hist);
	observe_help(bp, "cordon_reloads_total", "counter",
	    "Reloads by outcome: ok (a new snapshot), unchanged, failed, "
	    "unavailable (PostgreSQL away).");
	for (c = 0; c < NOUTCOMES; c++)
		buf_printf(bp, "cordon_reloads_total{outcome=\"%s\"} %llu\n",
		    reload_outcomes[c], (unsigned long long)reloads[c]);
	observe_help(bp, "cordon_reload_duration_seconds", "histogram",
	    "Time to build and swap in a list version, or to fail.");
	hist_write(bp, "cordon_reload_duration_seconds", "", &reload_hist);
	observe_help(bp, "cordon_alerts_raised_total", "counter",
	    "Alerts raised by stored declarations, by category.");
	for (c = 0; c < CAT_COUNT_; c++)
		buf_printf(bp, "cordon_alerts_raised_total{category=\"%s\"} "
		    "%llu\n", rules_category_name((enum category)c),
		    (unsigned long long)alerts_raised[c]);

}
