/*
 * Endpoint handlers.
 *
 *   POST /v1/declarations        screen, store (group commit), answer
 *   GET  /v1/declarations/{id}   the stored declaration and result
 *   GET  /v1/alerts              the queue: filters, cursor; CSV on request
 *   GET  /v1/alerts/{id}
 *   GET  /v1/lists               the active list version (from memory)
 *   POST /v1/admin/reload        same path as SIGHUP; reports the outcome
 *   GET  /healthz, /readyz
 */
#include "config.h"

#include <sys/queue.h>

#include <ctype.h>
#include <stdio.h>
#include <stdint.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <event2/buffer.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>
#include <jansson.h>

#include "api.h"
#include "auth.h"
#include "console.h"
#include "db.h"
#include "decl.h"
#include "http.h"
#include "legal.h"
#include "bounds.h"
#include "log.h"
#include "metrics.h"
#include "observe.h"
#include "pool.h"
#include "queue.h"
#include "reload.h"
#include "rescreen.h"
#include "route.h"
#include "result.h"
#include "runtime.h"
#include "screen.h"
#include "snapshot.h"
#include "stats.h"
#include "store.h"
#include "store_events.h"
#include "store_rescreen.h"
#include "tls.h"
#include "tokens.h"
#include "util.h"
#include "wco.h"
#include "words.h"
#include "xmalloc.h"

static size_t inflight;

/* Who is calling, copied out of the token table for the request's life. */
struct caller {
	char		name[128];
	enum role	role;
};

size_t
api_inflight(void)
{
	return inflight;
}

static bool
is_uuid(const char *s)
{
	int i;

	if (strlen(s) != 36)
		return false;
	for (i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return false;
		} else if (!isxdigit((unsigned char)s[i]))
			return false;
	}
	return true;
}

/* ---- POST /v1/declarations ----------------------------------------- */

/*
 * A declaration goes loop -> screening thread (parse, limits, screen) ->
 * loop -> database worker (group commit) -> loop (reply).  A deadline
 * (db_deadline) runs from the moment the body is in: past it the client
 * gets 503 + Retry-After saying what is known of its declaration.
 */
struct post_ctx {
	struct pool_job		 pjob;
	struct db_job		 job;
	struct evhttp_request	*req;
	struct snapshot		*snap;
	char			*body;		/* copy of the request body */
	size_t			 len;
	bool			 xml;		/* WCO XML, not JSON */
	char			*body_json;	/* XML: the JSON stored for it */
	double			 party_threshold;
	struct bounds		 lim;
	/* made on the screening thread */
	struct decl		*d;
	struct screen_result	*result;
	json_t			*err;		/* refused: the error body */
	int			 status;	/* its HTTP status */
	char			*submitter;
	struct event		*deadline;
	bool			 replied;	/* the deadline answered */
	bool			 in_db;		/* handed to a database worker */
	/* a header-only amendment: the stored version it takes goods from */
	char			*merge_body;	/* its body (JSON text) */
	char			 merge_id[37];
	int			 merges;
	char			 goods_id[37];	/* whose goods merge_body */
	int			 goods_version;	/* holds */
};

/* What screening and storage made for <p>, and <p> itself. */
static void
post_release(struct pool_job *pj, struct pool_thread *t)
{
	struct post_ctx *p = pj->arg;
	bool large = p->len >= HTTP_TRIM_AFTER;

	free(p->job.err);
	free(p->job.item.stored);
	free(p->job.item.prev_alert);
	screen_result_free(p->result);
	json_decref(p->err);
	decl_free(p->d);
	free(p->body);
	free(p->body_json);
	free(p->merge_body);
	free(p);
	/* what a large declaration took goes back now it is freed */
	if (large)
		malloc_trim(0);
}

/*
 * The loop's part of the end of a request here; the rest (the parsed
 * declaration, its result, the texts) is freed on a screening thread,
 * where most of it was allocated: freeing it on the loop cost the loop
 * about a third of its CPU in glibc (other arenas' chunks, consolidation).
 * A small one waits for a thread that is awake anyway (pool_submit_lazy,
 * counted by its body's size); a large one wakes a thread at once, which
 * then gives the memory back.
 */
static void
post_free(struct post_ctx *p)
{
	if (p->deadline)
		event_free(p->deadline);
	p->deadline = NULL;
	bounds_release(&rt->tokens_inflight, p->submitter);
	free(p->submitter);
	p->submitter = NULL;
	snapshot_unref(p->snap);
	p->snap = NULL;
	inflight--;
	p->pjob.run = post_release;
	p->pjob.arg = p;
	if (rt->pool != NULL && p->len >= HTTP_TRIM_AFTER)
		pool_submit_detached(rt->pool, &p->pjob);
	else if (rt->pool != NULL)
		pool_submit_lazy(rt->pool, &p->pjob, p->len);
	else
		post_release(&p->pjob, NULL);
}

static void	post_screen(struct pool_job *, struct pool_thread *);
static void	post_screened(struct pool_job *);

/*
 * A header-only amendment met the stored version it amends: screen it
 * again with that version's goods (storage checks that version is still
 * the latest when it stores it).  Takes the body from <it>.
 */
static void
post_merge_again(struct post_ctx *p, struct store_item *it)
{
	free(p->merge_body);
	p->merge_body = it->stored;
	it->stored = NULL;
	snprintf(p->merge_id, sizeof(p->merge_id), "%s", it->existing_id);
	snprintf(p->goods_id, sizeof(p->goods_id), "%s", it->goods_id);
	p->goods_version = it->goods_version;
	p->merges++;
	free(p->job.err);
	p->job.err = NULL;
	free(p->job.item.prev_alert);
	p->job.item.prev_alert = NULL;
	screen_result_free(p->result);
	p->result = NULL;
	decl_free(p->d);
	p->d = NULL;
	free(p->body_json);
	p->body_json = NULL;
	p->in_db = false;
	p->pjob.run = post_screen;
	p->pjob.done = post_screened;
	p->pjob.arg = p;
	pool_submit(rt->pool, &p->pjob);
}

/*
 * An original met a stored reference.  If that reference began with an
 * amendment (the original was held up), storage stores it as version 0;
 * it decides that under the reference's lock, so the original goes back
 * to it once, marked.  A batch of originals pays nothing for this.
 */
static void
post_store_late(struct post_ctx *p)
{
	free(p->job.err);
	p->job.err = NULL;
	p->job.item.late_original = true;
	db_submit(rt->db, &p->job);
}

/*
 * 409: the reference is taken by another body (STORE_CONFLICT), or the
 * declaration is cancelled (STORE_CLOSED).
 */
static void
post_reply_409(struct post_ctx *p, const struct store_item *it)
{
	const char *why;

	if (it->outcome == STORE_CLOSED)
		why = p->d->function == DECL_FUNCTION_ORIGINAL ? "the "
		    "declaration with this reference was cancelled before its "
		    "original arrived: the original is not stored" : "the "
		    "declaration with this reference is cancelled: it cannot be "
		    "amended or cancelled again";
	else
		why = p->xml ? "this reference was already used by this "
		    "submitter with a different declaration (an amendment has "
		    "FunctionCode 13)" : "this reference was already used by "
		    "this submitter with a different declaration (an amendment "
		    "says \"function\": \"amendment\")";
	http_reply_json(p->req, 409, json_pack("{s:s, s:i, s:s, s:s}",
	    "error", why, "status", 409, "reference", p->d->reference, "id",
	    it->existing_id));
}

static void
post_done(struct db_job *j)
{
	struct post_ctx *p = j->arg;
	struct store_item *it = &j->item;
	char loc[64];

	if (p->replied) {
		post_free(p);
		return;
	}
	switch (it->outcome) {
	case STORE_CREATED:
		rt->declarations++;
		observe_alerts(p->result);
		snprintf(loc, sizeof(loc), "/v1/declarations/%s", p->result->id);
		evhttp_add_header(evhttp_request_get_output_headers(p->req),
		    "Location", loc);
		/* The stored result: alert statuses as storage decided them. */
		http_reply_take(p->req, 201, it->stored);
		it->stored = NULL;
		break;
	case STORE_REPLAY:
	case STORE_CANCELLED:
		/* A cancellation answers with the declaration's new state. */
		http_reply_take(p->req, 200, it->stored);
		it->stored = NULL;
		break;
	case STORE_CONFLICT:
		if (p->d->function == DECL_FUNCTION_ORIGINAL &&
		    !it->late_original) {
			post_store_late(p);
			return;
		}
		post_reply_409(p, it);
		break;
	case STORE_CLOSED:
		post_reply_409(p, it);
		break;
	case STORE_RECORDED:
		/* A cancellation of a reference never stored: its own row. */
		rt->declarations++;
		snprintf(loc, sizeof(loc), "/v1/declarations/%s", p->result->id);
		evhttp_add_header(evhttp_request_get_output_headers(p->req),
		    "Location", loc);
		http_reply_take(p->req, 201, it->stored);
		it->stored = NULL;
		break;
	case STORE_NEEDS_GOODS:
		/* Versions keep coming in between: a few turns, then 503. */
		if (p->merges < 3 && it->stored != NULL) {
			post_merge_again(p, it);
			return;
		}
		http_reply_unavailable(p->req, "the declaration changed while "
		    "this amendment was merged onto it; nothing was stored, "
		    "retry later");
		break;
	case STORE_UNKNOWN:
		http_reply_unavailable(p->req, "the connection to the database "
		    "was lost while this declaration was committed and it could "
		    "not be checked: send it again with the same reference (a "
		    "replay answers with the stored result)");
		break;
	case STORE_UNAVAILABLE:
	case STORE_PENDING:
		http_reply_unavailable(p->req, "the database is not "
		    "available; nothing was stored, retry later");
		break;
	case STORE_FAILED:
		log_warnx("store %s: %s", p->d->reference, j->err ? j->err : "?");
		http_reply_error(p->req, 500, "the declaration could not "
		    "be stored; nothing was stored");
		break;
	}
	post_free(p);
}

/* The deadline passed before the declaration's outcome was known. */
static void
post_deadline(evutil_socket_t fd, short ev, void *arg)
{
	struct post_ctx *p = arg;

	if (p->in_db && db_cancel(rt->db, &p->job)) {
		/* Still queued: taken back, so nothing was stored. */
		http_reply_unavailable(p->req, "the database did not answer in "
		    "time; nothing was stored, retry later");
		post_free(p);
		return;
	}
	p->replied = true;
	if (p->in_db)
		http_reply_unavailable(p->req, "the database did not answer in "
		    "time; whether this declaration was stored is not known "
		    "yet: send it again with the same reference (a replay "
		    "answers with the stored result)");
	else
		http_reply_unavailable(p->req, "screening did not finish in "
		    "time; nothing was stored, retry later");
}

/* Refused fields as the API's 422 body; frees <errs>. */
static json_t *
field_errors_json(struct field_errors *errs)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < errs->n; i++)
		json_array_append_new(a, json_pack("{s:s, s:s}", "field",
		    errs->v[i].field, "message", errs->v[i].message));
	field_errors_free(errs);
	return json_pack("{s:s, s:o}", "error", "the declaration exceeds a "
	    "limit of this server; nothing was stored", "errors", a);
}

static void	post_screen_run(struct post_ctx *, struct pool_thread *);

/*
 * A header-only amendment with the goods of the stored version it amends,
 * or of the late original when that version has none (p->merge_body,
 * p->goods_id, p->goods_version): replaces p->d with the merged declaration and the JSON
 * stored for it, with a finding naming the version.  On failure sets
 * p->err and p->status.
 */
static void
post_merge(struct post_ctx *p)
{
	json_t *stored, *merged;
	struct decl *d;
	char msg[160];

	stored = json_loads(p->merge_body, 0, NULL);
	merged = decl_merge_goods(p->d->raw, stored, p->goods_id,
	    p->goods_version);
	json_decref(stored);
	if (merged == NULL) {
		p->status = 500;
		p->err = json_pack("{s:s, s:i}", "error", "the stored version "
		    "could not be read; nothing was stored", "status", 500);
		return;
	}
	d = decl_from_json_flags(merged, DECL_ITEM_CODE_OPTIONAL, &p->err,
	    &p->status);
	if (d == NULL) {
		json_decref(merged);
		return;
	}
	snprintf(msg, sizeof(msg), "an amendment of header data only: the "
	    "goods items are those of version %d", p->goods_version);
	json_array_append_new(d->warnings, json_pack("{s:s, s:s, s:s}",
	    "field", "Declaration/GoodsShipment/GovernmentAgencyGoodsItem",
	    "kind", "goods_from_earlier_version", "message", msg));
	free(p->body_json);
	p->body_json = json_dumps(merged, JSON_COMPACT);
	json_decref(merged);
	decl_free(p->d);
	p->d = d;
}

/* On a screening thread: parse, check the limits, screen; timed. */
static void
post_screen(struct pool_job *pj, struct pool_thread *t)
{
	double t0 = observe_now();

	post_screen_run(pj->arg, t);
	observe_screening(observe_now() - t0);
}

static void
post_screen_run(struct post_ctx *p, struct pool_thread *t)
{
	struct field_errors errs = { NULL, 0 };
	struct screen_opts opts;

	if ((p->d = p->xml ? wco_parse(p->body, p->len, &p->err, &p->status) :
	    decl_parse(p->body, p->len, &p->err, &p->status)) == NULL)
		return;
	/* The body column holds JSON: the mapped declaration for XML. */
	if (p->xml)
		p->body_json = json_dumps(p->d->raw, JSON_COMPACT);
	if (p->d->function == DECL_FUNCTION_CANCELLATION) {
		/* Nothing to screen: an empty result carries the ids. */
		p->result = xcalloc(1, sizeof(*p->result));
		p->result->reference = xstrdup(p->d->reference);
		p->result->list_version = xstrdup(p->snap->version);
		goto identify;
	}
	/*
	 * A WCO amendment of header data only: the goods are those of the
	 * version it amends, which storage names (STORE_NEEDS_GOODS); until
	 * then, and when there is none, its parties and route are screened.
	 */
	p->job.item.header_only = p->d->nitems == 0;
	if (p->job.item.header_only && p->merge_body != NULL) {
		post_merge(p);
		if (p->err != NULL)
			return;
	}
	if (bounds_check_decl(&p->lim, p->d, &errs) > 0) {
		p->err = field_errors_json(&errs);
		p->status = 422;
		return;
	}
	opts.party_threshold = p->party_threshold;
	p->result = screen_run(p->snap->m, pool_scratch(t, p->snap), p->d,
	    p->snap->version, &opts);
	if (bounds_check_result(&p->lim, p->d, p->result, &errs) > 0) {
		p->err = field_errors_json(&errs);
		p->status = 422;
		return;
	}
identify:
	screen_result_ids(p->result);
	/* Idempotency compares what was sent: the XML bytes themselves. */
	if (p->xml)
		util_sha256_hex(p->body, p->len, p->job.item.body_hash);
	else
		decl_canonical_sha256(p->d, p->job.item.body_hash);
}

/* Back on the loop: refuse, or hand the declaration to storage. */
static void
post_screened(struct pool_job *pj)
{
	struct post_ctx *p = pj->arg;

	if (p->replied) {
		post_free(p);
		return;
	}
	if (p->d == NULL || p->err != NULL) {
		rt->rejected++;
		http_reply_json(p->req, p->status, p->err);
		p->err = NULL;
		post_free(p);
		return;
	}
	p->job.kind = DB_JOB_STORE;
	p->job.done = post_done;
	p->job.arg = p;
	p->job.item.submitter = p->submitter;
	p->job.item.decl = p->d;
	p->job.item.body = p->xml ? p->body_json : p->body;
	p->job.item.body_len = p->xml ? strlen(p->body_json) : p->len;
	if (p->xml) {
		/* The original bytes are stored too, with their type. */
		p->job.item.body_type = "application/xml";
		p->job.item.raw = p->body;
		p->job.item.raw_len = p->len;
	}
	p->job.item.result = p->result;
	snprintf(p->job.item.merge_base, sizeof(p->job.item.merge_base), "%s",
	    p->merge_body != NULL ? p->merge_id : "");
	p->in_db = true;
	db_submit(rt->db, &p->job);
}

static void
api_declarations_post(struct evhttp_request *req, const struct caller *who)
{
	struct evbuffer *in = evhttp_request_get_input_buffer(req);
	struct timeval tv;
	struct post_ctx *p;
	size_t len;

	if (rt->snap == NULL) {
		http_reply_unavailable(req, "no list version is active yet");
		return;
	}
	len = evbuffer_get_length(in);
	if (len > (size_t)rt->conf.max_body) {
		http_reply_error(req, 413, "request body exceeds max_body");
		return;
	}
	/* References are unique per submitting system: the token's name. */
	if (!bounds_take(&rt->tokens_inflight, who->name,
	    rt->conf.max_inflight_per_token)) {
		http_add_retry_after(req);
		http_reply_error(req, 429, "too many requests in flight for "
		    "this token (max_inflight_per_token); retry later");
		return;
	}
	p = xcalloc(1, sizeof(*p));
	inflight++;
	p->req = req;
	p->submitter = xstrdup(who->name);
	p->snap = snapshot_ref(rt->snap);
	p->body = xmalloc(len + 1);
	evbuffer_copyout(in, p->body, len);
	p->body[len] = '\0';
	p->len = len;
	p->xml = http_body_type(req) == HTTP_BODY_XML;
	p->party_threshold = rt->conf.party_threshold;
	bounds_from_conf(&p->lim, &rt->conf);
	p->deadline = evtimer_new(rt->base, post_deadline, p);
	tv.tv_sec = rt->conf.db_deadline / 1000;
	tv.tv_usec = (rt->conf.db_deadline % 1000) * 1000;
	evtimer_add(p->deadline, &tv);
	p->pjob.run = post_screen;
	p->pjob.done = post_screened;
	p->pjob.arg = p;
	pool_submit(rt->pool, &p->pjob);
}

/* ---- reads through the database ------------------------------------ */

enum read_kind { READ_DECL, READ_ALERT, READ_ALERTS, READ_READY,
	READ_AUDIT, READ_EVENTS,
	READ_STATS };

struct read_ctx {
	struct db_job		 job;
	struct evhttp_request	*req;
	enum read_kind		 kind;
	char			*only_submitter;	/* submitters see their own */
	long long		 after;
	char			*id;
	struct alert_filter	 filter;	/* READ_ALERTS; owns its strings */
	bool			 csv;		/* the queue as text/csv */
	int			 limit;
	char			*status;	/* READ_EVENTS */
	char			*since, *until;		/* READ_STATS */
	long			 days;
	json_t			*out;
};

static int
read_fn(PGconn *c, struct db_job *j)
{
	struct read_ctx *r = j->arg;

	switch (r->kind) {
	case READ_DECL:
		r->out = store_get_declaration(c, r->id, &j->err);
		break;
	case READ_ALERT:
		r->out = store_get_alert(c, r->id, &j->err);
		break;
	case READ_ALERTS:
		r->out = store_queue_list(c, &r->filter, &j->err);
		break;
	case READ_READY:
		return store_ping(c, &j->err);
	case READ_AUDIT:
		r->out = store_audit_page(c, r->after, r->limit, &j->err);
		break;
	case READ_EVENTS:
		r->out = store_events_list(c, r->status, r->after, r->limit,
		    &j->err);
		break;
	case READ_STATS:
		r->out = store_stats_entries(c, r->since, r->until, r->days,
		    &j->err);
		break;
	}
	/* A standby (read_db) may not have replayed a row stored a moment
	 * ago: "not found" is asked of the primary before it is answered. */
	if (r->out == NULL && j->err == NULL)
		j->ask_primary = 1;
	return j->err ? -1 : 0;
}

static void
read_ctx_free(struct read_ctx *r)
{
	json_decref(r->out);
	free(r->id);
	free(r->only_submitter);
	free((char *)r->filter.statuses);
	free((char *)r->filter.category);
	free((char *)r->filter.severity);
	free((char *)r->filter.q);
	free((char *)r->filter.country);
	free((char *)r->filter.from);
	free((char *)r->filter.to);
	free((char *)r->filter.submitter);
	free((char *)r->filter.claimed_by);
	free((char *)r->filter.cursor);
	free(r->status);
	free(r->since);
	free(r->until);
	free(r);
}

static void
read_done(struct db_job *j)
{
	struct read_ctx *r = j->arg;

	inflight--;
	if (j->rc == -1) {
		/* 503 only for a database that is really unreachable: a query
		 * that failed is a server error, and counted as none. */
		if (j->unavailable)
			http_reply_unavailable(r->req, "the database is not "
			    "available; retry later");
		else {
			log_warnx("read: %s", j->err ? j->err : "?");
			http_reply_error(r->req, 500, "the query failed");
		}
	} else if (r->out == NULL || (r->only_submitter != NULL &&
	    !json_is_string(json_object_get(r->out, "submitter"))) ||
	    (r->only_submitter != NULL && strcmp(json_string_value(
	    json_object_get(r->out, "submitter")), r->only_submitter) != 0))
		http_reply_error(r->req, 404, r->kind == READ_DECL ?
		    "no such declaration" : "no such alert");
	else if (r->csv) {
		struct evbuffer *out = evbuffer_new();
		char *text = queue_csv(json_object_get(r->out, "alerts"));
		struct evkeyvalq *h = evhttp_request_get_output_headers(r->req);

		evhttp_add_header(h, "Content-Type", "text/csv; charset=utf-8");
		evhttp_add_header(h, "Content-Disposition",
		    "attachment; filename=\"cordon-queue.csv\"");
		evhttp_add_header(h, "Cache-Control", "no-store");
		evhttp_add_header(h, "X-Content-Type-Options", "nosniff");
		evbuffer_add(out, text, strlen(text));
		http_send(r->req, 200, out);
		evbuffer_free(out);
		free(text);
	} else {
		/* The party lists' names come from the loaded version. */
		if (r->kind == READ_ALERT)
			legal_annotate(r->out, rt->snap != NULL ? json_object_get(
			    rt->snap->lists, "party_lists") : NULL);
		http_reply_json(r->req, 200, r->out);
		r->out = NULL;
	}
	free(j->err);
	read_ctx_free(r);
}

/* Officers' reads go to read_db when one is set; db.c falls back. */
static void
read_submit(struct read_ctx *r)
{
	inflight++;
	db_call(rt->read_db != NULL ? rt->read_db : rt->db, &r->job, read_fn,
	    read_done, r);
}

static bool ready_probe_pending;

static void
ready_probe_done(struct db_job *j)
{
	struct read_ctx *r = j->arg;

	ready_probe_pending = false;
	free(j->err);
	read_ctx_free(r);
}

/*
 * GET /readyz answers at once from what the database workers last saw
 * (db_health): ready when a list version is loaded, the last database
 * contact worked and no job has been running past db_deadline.  A ping
 * goes to the workers behind the answer, so the kept state stays fresh
 * while nothing else talks to PostgreSQL; it never holds the reply.
 */
static void
api_readyz(struct evhttp_request *req)
{
	struct db_health h;
	struct read_ctx *r;
	bool db_ok;
	json_t *body;

	db_health(rt->db, &h);
	db_ok = h.last_ok_ms != 0 && h.last_ok_ms >= h.last_fail_ms &&
	    h.stuck_ms <= (uint64_t)rt->conf.db_deadline;
	if (!ready_probe_pending) {
		ready_probe_pending = true;
		r = xcalloc(1, sizeof(*r));
		r->kind = READ_READY;
		db_call(rt->db, &r->job, read_fn, ready_probe_done, r);
	}
	body = json_pack("{s:s, s:b, s:b, s:o}", "status", db_ok && rt->snap ?
	    "ready" : "not ready", "database", db_ok, "ruleset",
	    rt->snap != NULL, "list_version", rt->snap ?
	    json_string(rt->snap->version) : json_null());
	if (rt->snap != NULL && rt->snap->fallback != NULL)
		json_object_set_new(body, "fallback",
		    json_string(rt->snap->fallback));
	if (h.stuck_ms > (uint64_t)rt->conf.db_deadline)
		json_object_set_new(body, "error", json_string("a database job "
		    "has been running past db_deadline"));
	else if (!db_ok)
		json_object_set_new(body, "error", json_string(h.last_ok_ms == 0 ?
		    "no database contact yet" : "the last database contact "
		    "failed"));
	if (db_ok && rt->snap != NULL)
		http_reply_json(req, 200, body);
	else {
		http_add_retry_after(req);
		http_reply_json(req, 503, body);
	}
}
static void
api_get_one(struct evhttp_request *req, enum read_kind kind, const char *id,
    const struct caller *who)
{
	struct read_ctx *r;

	if (!is_uuid(id)) {
		http_reply_error(req, 404, kind == READ_DECL ?
		    "no such declaration" : "no such alert");
		return;
	}
	r = xcalloc(1, sizeof(*r));
	r->req = req;
	r->kind = kind;
	r->id = xstrdup(id);
	if (who->role == ROLE_SUBMITTER)
		r->only_submitter = xstrdup(who->name);
	read_submit(r);
}


/* Adds {"field": <f>, "message": <m>} to <errors>. */
static void
query_error(json_t *errors, const char *f, const char *m)
{
	json_array_append_new(errors, json_pack("{s:s, s:s}", "field", f,
	    "message", m));
}

/* GET /v1/alerts: a page holds this many alerts unless limit says. */
#define ALERTS_PAGE_DEFAULT	50
/* GET /v1/alerts: the text filter q is 1 to this many characters. */
#define ALERTS_Q_MAX		200

/*
 * The filters of GET /v1/alerts in <q> into <f>: status, category,
 * severity, q, country, from/to, submitter, claimed_by ("me" is <who>),
 * awaiting_approval.  Each bad value adds to <errors>.
 */
static void
alerts_query_filters(struct evkeyvalq *q, struct alert_filter *f,
    const struct caller *who, json_t *errors)
{
	const char *v;

	if ((v = evhttp_find_header(q, "status")) != NULL) {
		if (!queue_is_status_list(v))
			query_error(errors, "status", "unknown alert status (a "
			    "comma-separated list of statuses)");
		f->statuses = xstrdup(v);
	}
	if ((v = evhttp_find_header(q, "category")) != NULL) {
		if (!words_has("categories", v))
			query_error(errors, "category", "unknown category");
		f->category = xstrdup(v);
	}
	if ((v = evhttp_find_header(q, "severity")) != NULL) {
		if (!words_has("severities", v))
			query_error(errors, "severity", "unknown severity");
		f->severity = xstrdup(v);
	}
	if ((v = evhttp_find_header(q, "q")) != NULL) {
		if (v[strspn(v, " ")] == '\0' || strlen(v) > ALERTS_Q_MAX)
			query_error(errors, "q", "1 to 200 characters of text");
		f->q = xstrdup(v);
	}
	if ((v = evhttp_find_header(q, "country")) != NULL) {
		if (!queue_is_country(v))
			query_error(errors, "country", "an ISO 3166 alpha-2 code "
			    "in capitals");
		f->country = xstrdup(v);
	}
	if ((v = evhttp_find_header(q, "from")) != NULL) {
		if (!queue_is_date(v))
			query_error(errors, "from", "a date YYYY-MM-DD");
		f->from = xstrdup(v);
	}
	if ((v = evhttp_find_header(q, "to")) != NULL) {
		if (!queue_is_date(v))
			query_error(errors, "to", "a date YYYY-MM-DD");
		else if (f->from != NULL && strcmp(v, f->from) < 0)
			query_error(errors, "to", "before from");
		f->to = xstrdup(v);
	}
	if ((v = evhttp_find_header(q, "submitter")) != NULL)
		f->submitter = xstrdup(v);
	if ((v = evhttp_find_header(q, "claimed_by")) != NULL)
		f->claimed_by = xstrdup(strcmp(v, "me") == 0 ? who->name : v);
	if ((v = evhttp_find_header(q, "awaiting_approval")) != NULL) {
		if (strcmp(v, "true") != 0 && strcmp(v, "false") != 0)
			query_error(errors, "awaiting_approval", "true or false");
		f->awaiting_approval = strcmp(v, "true") == 0;
	}
}

/*
 * The page of GET /v1/alerts in <q> into <f>: cursor (from a previous
 * page) and limit (1 to page_max).  Each bad value adds to <errors>.
 */
static void
alerts_query_page(struct evkeyvalq *q, struct alert_filter *f,
    json_t *errors)
{
	const char *v;
	char *end;

	if ((v = evhttp_find_header(q, "cursor")) != NULL) {
		const char *us = strchr(v, '_');

		/* The priority must fit the integer column: a bigger number
		 * is a bad request, not a database outage. */
		if (us == NULL || us == v || strspn(v, "0123456789") !=
		    (size_t)(us - v) || us - v > 10 ||
		    strtoll(v, NULL, 10) > INT32_MAX || !is_uuid(us + 1))
			query_error(errors, "cursor", "not a cursor from a "
			    "previous page");
		f->cursor = xstrdup(v);
	}
	if ((v = evhttp_find_header(q, "limit")) != NULL) {
		long n = strtol(v, &end, 10);

		if (*v == '\0' || *end != '\0' || n < 1 || n > rt->conf.page_max)
			query_error(errors, "limit", "must be an integer from "
			    "1 to page_max");
		else
			f->limit = (int)n;
	}
}

/*
 * GET /v1/alerts: the queue.  status (comma-separated), category,
 * severity, q (text), country, from/to (dates), submitter, claimed_by
 * ("me" is the caller), awaiting_approval=true, limit, cursor.  With
 * format=csv or Accept: text/csv, the filtered queue as CSV (up to
 * csv_max_rows alerts, no cursor).
 */
static void
api_alerts_get(struct evhttp_request *req, const char *query,
    const struct caller *who)
{
	struct evkeyvalq q;
	struct read_ctx *r;
	struct alert_filter *f;
	const char *v, *accept;
	json_t *errors = json_array();

	TAILQ_INIT(&q);
	if (query && evhttp_parse_query_str(query, &q) == -1) {
		json_decref(errors);
		http_reply_error(req, 400, "malformed query string");
		return;
	}
	r = xcalloc(1, sizeof(*r));
	r->req = req;
	r->kind = READ_ALERTS;
	f = &r->filter;
	f->limit = ALERTS_PAGE_DEFAULT;
	alerts_query_filters(&q, f, who, errors);
	if ((v = evhttp_find_header(&q, "format")) != NULL) {
		if (strcmp(v, "csv") != 0 && strcmp(v, "json") != 0)
			query_error(errors, "format", "csv or json");
		r->csv = strcmp(v, "csv") == 0;
	} else if ((accept = evhttp_find_header(evhttp_request_get_input_headers(
	    req), "Accept")) != NULL && strstr(accept, "text/csv") != NULL)
		r->csv = true;
	alerts_query_page(&q, f, errors);
	evhttp_clear_headers(&q);
	if (json_array_size(errors) > 0) {
		http_reply_json(req, 400, json_pack("{s:s, s:o}", "error",
		    "bad query parameters", "errors", errors));
		read_ctx_free(r);
		return;
	}
	json_decref(errors);
	if (r->csv) {
		/* The whole filtered queue, not a page of it. */
		free((char *)f->cursor);
		f->cursor = NULL;
		f->limit = (int)rt->conf.csv_max_rows;
	}
	read_submit(r);
}

/* ---- reload ------------------------------------------------------- */

static void
reload_replied(const struct reload_outcome *o, void *arg)
{
	struct evhttp_request *req = arg;
	json_t *body;

	inflight--;
	body = json_pack("{s:s, s:b, s:s, s:o}", "status", o->ok ? (o->changed ?
	    "reloaded" : "unchanged") : "failed", "changed", o->changed,
	    "message", o->message, "list_version", o->version ?
	    json_string(o->version) : json_null());
	if (o->ok)
		http_reply_json(req, 200, body);
	else if (o->unavailable) {
		http_add_retry_after(req);
		http_reply_json(req, 503, body);
	} else
		http_reply_json(req, 422, body);
}

/* ---- alert workflow and suppressions ------------------------------- */

struct act_ctx {
	struct db_job		 job;
	struct evhttp_request	*req;
	char			*id, *action, *decision, *text, *expires, *to;
	char			 actor[128];
	char			*list_version;
	long			 max_days;	/* suppression_max_days */
	struct act_result	 res;
};

static int
act_fn(PGconn *c, struct db_job *j)
{
	struct act_ctx *a = j->arg;

	if (strcmp(a->action, "redeliver") == 0)
		return store_event_redeliver(c, a->id, a->text, a->actor,
		    &a->res);
	if (strcmp(a->action, "suppression") == 0)
		return store_suppression_create_limited(c, a->id, a->actor,
		    a->text, a->expires, a->max_days, a->list_version, &a->res);
	{
		struct alert_act x = { a->id, a->actor, a->action, a->decision,
			a->text, a->to, a->list_version };

		return store_alert_action(c, &x, &a->res);
	}
}

static void
act_ctx_free(struct act_ctx *a)
{
	act_result_clear(&a->res);
	free(a->id);
	free(a->action);
	free(a->decision);
	free(a->text);
	free(a->expires);
	free(a->to);
	free(a->list_version);
	free(a);
}

/* The HTTP answer to what an officer's action came to. */
static void
act_reply(struct evhttp_request *req, struct act_result *res)
{
	switch (res->outcome) {
	case ACT_DONE:
	case ACT_CREATED:
	case ACT_AWAITS_APPROVAL:
		http_reply_json(req, res->outcome == ACT_DONE ? 200 :
		    res->outcome == ACT_CREATED ? 201 : 202, res->out);
		res->out = NULL;
		break;
	case ACT_NOT_FOUND:
		http_reply_error(req, 404, res->msg ? res->msg : "not found");
		break;
	case ACT_REFUSED:
		http_reply_error(req, 409, res->msg);
		break;
	case ACT_INVALID: {
		char *text;

		xasprintf(&text, "%s: %s", res->field, res->msg);
		http_reply_json(req, 422, json_pack("{s:s, s:[{s:s, s:s}]}",
		    "error", text, "errors", "field", res->field, "message",
		    res->msg));
		free(text);
		break;
	}
	}
}

static void
act_done(struct db_job *j)
{
	struct act_ctx *a = j->arg;

	inflight--;
	if (j->rc == -1) {
		if (j->unavailable)
			http_reply_unavailable(a->req, "the database is not "
			    "available; nothing was changed, retry later");
		else {
			log_warnx("%s %s: %s", a->action, a->id, a->res.msg ?
			    a->res.msg :
			    j->err ? j->err : "?");
			http_reply_error(a->req, 500, "the change could not be "
			    "stored; nothing was changed");
		}
	} else
		act_reply(a->req, &a->res);
	free(j->err);
	act_ctx_free(a);
}

/* The JSON object body of <req>, or NULL after replying 400. */
static json_t *
body_object(struct evhttp_request *req)
{
	struct evbuffer *in = evhttp_request_get_input_buffer(req);
	size_t len = evbuffer_get_length(in);
	json_error_t je;
	json_t *j;

	if (len == 0)
		return json_object();
	j = json_loadb((const char *)evbuffer_pullup(in, -1), len, 0, &je);
	if (j == NULL || !json_is_object(j)) {
		json_decref(j);
		util_utf8_scrub(je.text);	/* it may quote the input */
		http_reply_json(req, 400, json_pack("{s:s, s:s, s:I}", "error",
		    "malformed JSON", "detail", je.text, "offset",
		    (json_int_t)je.position));
		return NULL;
	}
	return j;
}

static char *
str_member(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);

	return json_is_string(v) ? xstrdup(json_string_value(v)) : NULL;
}

static void
act_submit(struct evhttp_request *req, const struct caller *who,
    const char *id, const char *action)
{
	struct act_ctx *a;
	json_t *b;

	if (!is_uuid(id)) {
		http_reply_error(req, 404, "no such alert");
		return;
	}
	if ((b = body_object(req)) == NULL)
		return;
	a = xcalloc(1, sizeof(*a));
	a->req = req;
	a->id = xstrdup(id);
	a->action = xstrdup(action);
	snprintf(a->actor, sizeof(a->actor), "%s", who->name);
	a->decision = str_member(b, "decision");
	a->text = str_member(b, strcmp(action, "note") == 0 ? "text" :
	    strcmp(action, "approve") == 0 ? "comment" : "reason");
	a->to = str_member(b, "to");
	a->list_version = rt->snap ? xstrdup(rt->snap->version) : NULL;
	json_decref(b);
	inflight++;
	db_call(rt->db, &a->job, act_fn, act_done, a);
}

static void
api_suppressions_post(struct evhttp_request *req, const struct caller *who)
{
	struct act_ctx *a;
	json_t *b, *errors;

	if ((b = body_object(req)) == NULL)
		return;
	a = xcalloc(1, sizeof(*a));
	a->req = req;
	a->id = str_member(b, "alert_id");
	a->text = str_member(b, "reason");
	a->expires = str_member(b, "expires_at");
	json_decref(b);
	errors = json_array();
	if (a->id == NULL || !is_uuid(a->id))
		json_array_append_new(errors, json_pack("{s:s, s:s}", "field",
		    "alert_id", "message", "the id of a reviewed alert is "
		    "required"));
	if (a->text == NULL || a->text[strspn(a->text, " \t\r\n")] == '\0')
		json_array_append_new(errors, json_pack("{s:s, s:s}", "field",
		    "reason", "message", "a suppression needs a reason"));
	if (a->expires == NULL || !util_is_rfc3339(a->expires))
		json_array_append_new(errors, json_pack("{s:s, s:s}", "field",
		    "expires_at", "message", "an RFC 3339 expiry is required"));
	if (json_array_size(errors) > 0) {
		http_reply_json(req, 422, json_pack("{s:s, s:o}", "error",
		    "suppression refused", "errors", errors));
		act_ctx_free(a);
		return;
	}
	json_decref(errors);
	a->action = xstrdup("suppression");
	a->max_days = rt->conf.suppression_max_days;
	snprintf(a->actor, sizeof(a->actor), "%s", who->name);
	a->list_version = rt->snap ? xstrdup(rt->snap->version) : NULL;
	inflight++;
	db_call(rt->db, &a->job, act_fn, act_done, a);
}

static void
api_audit_get(struct evhttp_request *req, const char *query)
{
	struct evkeyvalq q;
	struct read_ctx *r = xcalloc(1, sizeof(*r));
	const char *v;

	TAILQ_INIT(&q);
	r->req = req;
	r->kind = READ_AUDIT;
	r->limit = 100;
	if (query && evhttp_parse_query_str(query, &q) == 0) {
		if ((v = evhttp_find_header(&q, "after")) != NULL)
			r->after = atoll(v);
		if ((v = evhttp_find_header(&q, "limit")) != NULL &&
		    atoi(v) >= 1 && atoi(v) <= rt->conf.page_max)
			r->limit = atoi(v);
	}
	evhttp_clear_headers(&q);
	read_submit(r);
}

/* ---- the outbox of signed events (webhook.c) ----------------------- */

/* GET /v1/admin/events?status=&limit=&cursor= */
static void
api_events_get(struct evhttp_request *req, const char *query)
{
	struct evkeyvalq q;
	struct read_ctx *r;
	const char *v;
	json_t *errors;
	char *end;
	long long n;

	TAILQ_INIT(&q);
	if (query && evhttp_parse_query_str(query, &q) == -1) {
		http_reply_error(req, 400, "malformed query string");
		return;
	}
	errors = json_array();
	r = xcalloc(1, sizeof(*r));
	r->req = req;
	r->kind = READ_EVENTS;
	r->limit = 50;
	if ((v = evhttp_find_header(&q, "status")) != NULL) {
		if (!words_has("delivery_statuses", v))
			json_array_append_new(errors, json_pack("{s:s, s:s}",
			    "field", "status", "message", "one of pending "
			    "delivering delivered failed"));
		r->status = xstrdup(v);
	}
	if ((v = evhttp_find_header(&q, "cursor")) != NULL) {
		n = strtoll(v, &end, 10);
		if (*v == '\0' || *end != '\0' || n < 1)
			json_array_append_new(errors, json_pack("{s:s, s:s}",
			    "field", "cursor", "message", "not a cursor from a "
			    "previous page"));
		r->after = n;
	}
	if ((v = evhttp_find_header(&q, "limit")) != NULL) {
		n = strtoll(v, &end, 10);
		if (*v == '\0' || *end != '\0' || n < 1 || n > rt->conf.page_max)
			json_array_append_new(errors, json_pack("{s:s, s:s}",
			    "field", "limit", "message", "must be an integer from "
			    "1 to page_max"));
		else
			r->limit = (int)n;
	}
	evhttp_clear_headers(&q);
	if (json_array_size(errors) > 0) {
		http_reply_json(req, 400, json_pack("{s:s, s:o}", "error",
		    "bad query parameters", "errors", errors));
		read_ctx_free(r);
		return;
	}
	json_decref(errors);
	read_submit(r);
}

/* ---- re-screening, backtests, rule quality (rescreen.c, stats.c) ---- */

/* GET /v1/stats/entries?since=&until=&days= */
static void
api_stats_entries(struct evhttp_request *req, const char *query)
{
	struct evkeyvalq q;
	struct read_ctx *r = xcalloc(1, sizeof(*r));
	json_t *errors = json_array();
	const char *v;

	TAILQ_INIT(&q);
	r->req = req;
	r->kind = READ_STATS;
	r->days = 30;
	if (query && evhttp_parse_query_str(query, &q) == -1)
		json_array_append_new(errors, json_pack("{s:s, s:s}", "field",
		    "query", "message", "malformed query string"));
	if ((v = evhttp_find_header(&q, "days")) != NULL &&
	    stats_parse_days(v, &r->days) == -1)
		json_array_append_new(errors, json_pack("{s:s, s:s}", "field",
		    "days", "message", "a number of days from 1 to 3650"));
	if ((v = evhttp_find_header(&q, "since")) != NULL) {
		if (!stats_is_time(v))
			json_array_append_new(errors, json_pack("{s:s, s:s}",
			    "field", "since", "message", "an RFC 3339 time or "
			    "a YYYY-MM-DD date"));
		r->since = xstrdup(v);
	}
	if ((v = evhttp_find_header(&q, "until")) != NULL) {
		if (!stats_is_time(v))
			json_array_append_new(errors, json_pack("{s:s, s:s}",
			    "field", "until", "message", "an RFC 3339 time or "
			    "a YYYY-MM-DD date"));
		r->until = xstrdup(v);
	}
	evhttp_clear_headers(&q);
	if (json_array_size(errors) > 0) {
		http_reply_json(req, 400, json_pack("{s:s, s:o}", "error",
		    "bad query parameters", "errors", errors));
		read_ctx_free(r);
		return;
	}
	json_decref(errors);
	read_submit(r);
}

/* POST /v1/admin/events/{id}/redeliver, optional {"endpoint": name}. */
static void
api_event_redeliver(struct evhttp_request *req, const struct caller *who,
    const char *id)
{
	struct act_ctx *a;
	json_t *b;

	if (!is_uuid(id)) {
		http_reply_error(req, 404, "no such event");
		return;
	}
	if ((b = body_object(req)) == NULL)
		return;
	a = xcalloc(1, sizeof(*a));
	a->req = req;
	a->id = xstrdup(id);
	a->action = xstrdup("redeliver");
	a->text = str_member(b, "endpoint");
	json_decref(b);
	snprintf(a->actor, sizeof(a->actor), "%s", who->name);
	inflight++;
	db_call(rt->db, &a->job, act_fn, act_done, a);
}

/* POST /v1/admin/backtest {"version", "since_days"}: 202 and the job. */
static void
api_backtest_post(struct evhttp_request *req)
{
	json_t *b, *errors, *sd;
	char *version, *err = NULL;
	long days = rt->conf.rescreen_days > 0 ? rt->conf.rescreen_days : 30, id;

	if ((b = body_object(req)) == NULL)
		return;
	version = str_member(b, "version");
	errors = json_array();
	if (version == NULL || *version == '\0' || strlen(version) > 120)
		json_array_append_new(errors, json_pack("{s:s, s:s}", "field",
		    "version", "message", "the id of an imported list version "
		    "is required"));
	if ((sd = json_object_get(b, "since_days")) != NULL) {
		if (!json_is_integer(sd) || json_integer_value(sd) < 1 ||
		    json_integer_value(sd) > 3650)
			json_array_append_new(errors, json_pack("{s:s, s:s}",
			    "field", "since_days", "message", "an integer from "
			    "1 to 3650"));
		else
			days = (long)json_integer_value(sd);
	}
	json_decref(b);
	if (json_array_size(errors) > 0) {
		http_reply_json(req, 422, json_pack("{s:s, s:o}", "error",
		    "backtest refused", "errors", errors));
		free(version);
		return;
	}
	json_decref(errors);
	if ((id = rescreen_backtest_start(&rt->conf, version, days, &err)) == 0) {
		http_reply_error(req, 409, err);
		free(err);
	} else
		http_reply_json(req, 202, rescreen_backtest_get(id));
	free(version);
}

static void
api_backtest_get(struct evhttp_request *req, const char *param)
{
	char *end;
	long id = strtol(param, &end, 10);
	json_t *j;

	if (*param == '\0' || *end != '\0' || id < 1 ||
	    (j = rescreen_backtest_get(id)) == NULL)
		http_reply_error(req, 404, "no such backtest");
	else
		http_reply_json(req, 200, j);
}

/* GET /v1/lists: the active version, and the re-screening's progress. */
static void
api_lists_get(struct evhttp_request *req)
{
	json_t *body;

	if (rt->snap == NULL) {
		http_reply_unavailable(req, "no list version is active yet");
		return;
	}
	body = json_copy(rt->snap->lists);
	json_object_set_new(body, "rescreen", rescreen_progress());
	http_reply_json(req, 200, body);
}

/* ---- authentication (tokens.c holds the cache) ---------------------- */

static void	route(struct evhttp_request *, const struct caller *);
static void	authenticate(struct evhttp_request *, bool may_refresh);

/* The refresh a request waited for has ended: look again, once. */
static void
auth_retry(void *arg, bool unavailable)
{
	struct evhttp_request *req = arg;

	inflight--;
	if (unavailable)
		http_reply_unavailable(req, "cannot check the token now: the "
		    "database is not available");
	else
		authenticate(req, false);
}

/* A miss: wait for one refresh if the cache may be behind; else false. */
static bool
auth_wait(struct evhttp_request *req, bool may_refresh)
{
	if (!may_refresh || !tokens_stale(&rt->tokens, util_now_ms()))
		return false;
	inflight++;
	if (tokens_wait(&rt->tokens, auth_retry, req))
		tokens_refresh(&rt->tokens, rt->db);
	return true;
}

static void
authenticate(struct evhttp_request *req, bool may_refresh)
{
	const char *h = evhttp_find_header(evhttp_request_get_input_headers(req),
	    "Authorization");
	const struct auth_entry *e;
	struct caller who;
	char cn[128];

	/*
	 * A submitting system may authenticate with a client certificate on
	 * the TLS listener: its common name must be the name of an active
	 * submitter token, so admins grant and revoke systems the same way.
	 */
	if (h == NULL && tls_peer_name(req, cn, sizeof(cn)) == 0) {
		e = auth_find_name(&rt->tokens.table, cn);
		if (e != NULL && e->role == ROLE_SUBMITTER) {
			snprintf(who.name, sizeof(who.name), "%s", e->name);
			who.role = e->role;
			route(req, &who);
			return;
		}
		if (auth_wait(req, may_refresh))
			return;
		http_reply_error(req, 401, "the client certificate names no "
		    "active submitter");
		return;
	}
	if (h == NULL || strncasecmp(h, "Bearer ", 7) != 0 || h[7] == '\0') {
		evhttp_add_header(evhttp_request_get_output_headers(req),
		    "WWW-Authenticate", "Bearer");
		http_reply_error(req, 401, "an API token is required "
		    "(Authorization: Bearer ...)");
		return;
	}
	if ((e = auth_lookup(&rt->tokens.table, h + 7)) == NULL) {
		if (auth_wait(req, may_refresh))
			return;
		evhttp_add_header(evhttp_request_get_output_headers(req),
		    "WWW-Authenticate", "Bearer error=\"invalid_token\"");
		http_reply_error(req, 401, "unknown or revoked API token");
		return;
	}
	snprintf(who.name, sizeof(who.name), "%s", e->name);
	who.role = e->role;
	route(req, &who);
}

/* ---- routing ------------------------------------------------------ */

static void
method_not_allowed(struct evhttp_request *req, const char *allow)
{
	evhttp_add_header(evhttp_request_get_output_headers(req), "Allow", allow);
	http_reply_error(req, 405, "method not allowed");
}

/* True if <who> may; else replies 403 naming the role. */
static bool
allowed(struct evhttp_request *req, const struct caller *who, int roles)
{
	char msg[160];

	if (who->role & roles)
		return true;
	snprintf(msg, sizeof(msg), "the %s role may not do this",
	    auth_role_name(who->role));
	http_reply_error(req, 403, msg);
	return false;
}

static void
api_metrics(struct evhttp_request *req)
{
	struct db_stats st;
	const char *accept;
	json_t *body;

	accept = evhttp_find_header(evhttp_request_get_input_headers(req),
	    "Accept");
	/* Prometheus asks for text/plain (or OpenMetrics, which accepts
	 * the text format too); other callers get the JSON figures. */
	if (accept != NULL && (strstr(accept, "text/plain") != NULL ||
	    strstr(accept, "openmetrics") != NULL)) {
		struct evbuffer *out = evbuffer_new();
		char *text = metrics_text();

		evhttp_add_header(evhttp_request_get_output_headers(req),
		    "Content-Type", "text/plain; version=0.0.4; charset=utf-8");
		evhttp_add_header(evhttp_request_get_output_headers(req),
		    "Cache-Control", "no-store");
		evbuffer_add(out, text, strlen(text));
		http_send(req, 200, out);
		evbuffer_free(out);
		free(text);
		return;
	}
	db_stats(rt->db, &st);
	body = json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, "
	    "s:I, s:I, s:I, s:I, s:I, s:b}", "requests", (json_int_t)rt->requests,
	    "declarations_stored", (json_int_t)rt->declarations,
	    "declarations_rejected", (json_int_t)rt->rejected,
	    "unavailable_replies", (json_int_t)rt->unavailable,
	    "db_batches", (json_int_t)st.batches, "db_batched_declarations",
	    (json_int_t)st.stored, "db_max_batch", (json_int_t)st.max_batch,
	    "db_failed", (json_int_t)st.failures, "db_pending",
	    (json_int_t)db_pending(rt->db), "screening_pending",
	    (json_int_t)pool_pending(rt->pool), "connections",
	    (json_int_t)http_connections(), "list_version_fallback",
	    rt->snap != NULL && rt->snap->fallback != NULL);
	if (rt->read_db != NULL) {
		db_stats(rt->read_db, &st);
		json_object_set_new(body, "read_db_served",
		    json_integer((json_int_t)st.served));
		json_object_set_new(body, "read_db_to_primary",
		    json_integer((json_int_t)st.forwarded));
	}
	http_reply_json(req, 200, body);
}

/*
 * POST /v1/admin/reload: the configuration file first, as SIGHUP does,
 * then the list version; the reply waits for reload_replied().
 */
static void
api_admin_reload(struct evhttp_request *req)
{
	char *err, msg[1024];

	if (reload_conf(&err) == -1) {
		snprintf(msg, sizeof(msg), "reload failed: %s; no changes were "
		    "applied", err);
		free(err);
		http_reply_json(req, 422, json_pack("{s:s, s:b, s:s, s:o}",
		    "status", "failed", "changed", 0, "message", msg,
		    "list_version", rt->snap != NULL ?
		    json_string(rt->snap->version) : json_null()));
		return;
	}
	inflight++;
	reload_run(reload_replied, req);
}

/*
 * Runs the handler of <m> for <who> (NULL on public routes), after the
 * role check of the route table (route.c).
 */
static void
route_run(struct evhttp_request *req, const struct route_match *m,
    const struct caller *who)
{
	const struct evhttp_uri *uri = evhttp_request_get_evhttp_uri(req);
	const char *query = evhttp_uri_get_query(uri);

	if (m->route->roles != 0 && !allowed(req, who, m->route->roles))
		return;
	switch (m->route->id) {
	case ROUTE_HEALTHZ:
		http_reply_json(req, 200, json_pack("{s:s}", "status", "ok"));
		break;
	case ROUTE_READYZ:
		api_readyz(req);
		break;
	case ROUTE_CONSOLE:
		console_serve(req, evhttp_uri_get_path(uri));
		break;
	case ROUTE_OPENAPI:
		/* The API description is embedded with the console's files. */
		console_serve(req, "/console/openapi.json");
		break;
	case ROUTE_ME:
		http_reply_json(req, 200, json_pack("{s:s, s:s}", "name",
		    who->name, "role", auth_role_name(who->role)));
		break;
	case ROUTE_DECL_POST:
		api_declarations_post(req, who);
		break;
	case ROUTE_DECL_GET:
		api_get_one(req, READ_DECL, m->param, who);
		break;
	case ROUTE_ALERTS:
		api_alerts_get(req, query, who);
		break;
	case ROUTE_ALERT:
		api_get_one(req, READ_ALERT, m->param, who);
		break;
	case ROUTE_ALERT_ACTION:
		act_submit(req, who, m->param, m->route->action);
		break;
	case ROUTE_SUPPRESSIONS:
		api_suppressions_post(req, who);
		break;
	case ROUTE_AUDIT:
		api_audit_get(req, query);
		break;
	case ROUTE_LISTS:
		api_lists_get(req);
		break;
	case ROUTE_STATS_ENTRIES:
		api_stats_entries(req, query);
		break;
	case ROUTE_BACKTEST_POST:
		api_backtest_post(req);
		break;
	case ROUTE_BACKTEST_GET:
		api_backtest_get(req, m->param);
		break;
	case ROUTE_VOCABULARY:
		http_reply_json(req, 200, words_json());
		break;
	case ROUTE_METRICS:
		api_metrics(req);
		break;
	case ROUTE_RELOAD:
		api_admin_reload(req);
		break;
	case ROUTE_EVENTS:
		api_events_get(req, query);
		break;
	case ROUTE_EVENT_REDELIVER:
		api_event_redeliver(req, who, m->param);
		break;
	}
}

static unsigned
method_of(struct evhttp_request *req)
{
	switch (evhttp_request_get_command(req)) {
	case EVHTTP_REQ_GET:
	case EVHTTP_REQ_HEAD:
		return ROUTE_GET;
	case EVHTTP_REQ_POST:
		return ROUTE_POST;
	default:
		return 0;
	}
}

/* After authentication: the route, or 404. */
static void
route(struct evhttp_request *req, const struct caller *who)
{
	const struct evhttp_uri *uri = evhttp_request_get_evhttp_uri(req);
	const char *path = evhttp_uri_get_path(uri);
	struct route_match m;

	if (route_match(method_of(req), path ? path : "/", &m) != ROUTE_FOUND)
		http_reply_error(req, 404, "no such endpoint");
	else
		route_run(req, &m, who);
}

void
api_dispatch(struct evhttp_request *req, void *arg)
{
	const struct evhttp_uri *uri = evhttp_request_get_evhttp_uri(req);
	const char *path = evhttp_uri_get_path(uri);
	struct route_match m;
	const char *why;
	int status;

	rt->requests++;
	if ((status = http_request_check(req, &why)) != 0)
		return http_reply_error(req, status, why);
	if (path == NULL)
		path = "/";
	switch (route_match(method_of(req), path, &m)) {
	case ROUTE_BAD_METHOD:
		method_not_allowed(req, m.allow);
		return;
	case ROUTE_FOUND:
		if (m.route->roles == 0) {
			route_run(req, &m, NULL);	/* public */
			return;
		}
		/* FALLTHROUGH */
	case ROUTE_NOT_FOUND:
		authenticate(req, true);
		return;
	}
}
