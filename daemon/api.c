/*
 * Endpoint handlers.
 *
 *   POST /v1/declarations        screen, store (group commit), answer
 *   GET  /v1/declarations/{id}   the stored declaration and result
 *   GET  /v1/alerts              filters status, category, severity; cursor
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
#include "log.h"
#include "reload.h"
#include "runtime.h"
#include "screen.h"
#include "snapshot.h"
#include "store.h"
#include "tls.h"
#include "util.h"
#include "wco.h"
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

struct post_ctx {
	struct db_job		 job;
	struct evhttp_request	*req;
	struct snapshot		*snap;
	struct decl		*d;
	json_t			*result;
	char			*submitter;
};

static void
post_done(struct db_job *j)
{
	struct post_ctx *p = j->arg;
	struct store_item *it = &j->item;
	char loc[64];

	inflight--;
	if (j->rc == -1) {
		if (j->unavailable)
			http_reply_unavailable(p->req, "the database is not "
			    "available; nothing was stored, retry later");
		else {
			log_warnx("store %s: %s", p->d->reference, j->err);
			http_reply_error(p->req, 500, "the declaration could not "
			    "be stored; nothing was stored");
		}
	} else if (it->status == 201) {
		rt->declarations++;
		snprintf(loc, sizeof(loc), "/v1/declarations/%s", it->id);
		evhttp_add_header(evhttp_request_get_output_headers(p->req),
		    "Location", loc);
		/* The stored result: alert statuses as the database set them. */
		http_reply_json(p->req, 201, json_incref(it->stored ? it->stored :
		    p->result));
	} else if (it->status == 200) {
		http_reply_json(p->req, 200, json_incref(it->stored));
	} else {
		json_t *id = json_object_get(it->stored, "id");

		http_reply_json(p->req, 409, json_pack("{s:s, s:s, s:O}", "error",
		    "this reference was already used by this submitter with a "
		    "different declaration", "reference", p->d->reference, "id",
		    id ? id : json_null()));
	}
	free(j->err);
	json_decref(it->stored);
	json_decref(p->result);
	decl_free(p->d);
	snapshot_unref(p->snap);
	free(p->submitter);
	free(p);
}

static void
api_declarations_post(struct evhttp_request *req, const struct caller *who)
{
	struct evbuffer *in = evhttp_request_get_input_buffer(req);
	struct screen_opts opts;
	struct post_ctx *p;
	struct decl *d;
	json_t *err;
	size_t len;
	int status;
	char *canon;
	unsigned char *data;

	if (rt->snap == NULL) {
		http_reply_unavailable(req, "no list version is active yet");
		return;
	}
	len = evbuffer_get_length(in);
	if (len > (size_t)rt->conf.max_body) {
		http_reply_error(req, 413, "request body exceeds max_body");
		return;
	}
	data = evbuffer_pullup(in, -1);
	if ((d = http_body_type(req) == HTTP_BODY_XML ?
	    wco_parse((const char *)data, len, &err, &status) :
	    decl_parse((const char *)data, len, &err, &status)) == NULL) {
		rt->rejected++;
		http_reply_json(req, status, err);
		return;
	}
	if (d->nitems == 0 || d->type == NULL) {
		/* A WCO cancellation or header-only amendment: nothing to
		 * screen, and superseding a stored version is not built yet. */
		rt->rejected++;
		decl_free(d);
		http_reply_json(req, 422, json_pack("{s:s, s:[{s:s, s:s}]}",
		    "error", "a WCO message without goods items is not "
		    "accepted yet", "errors", "field", "Declaration/"
		    "GoodsShipment/GovernmentAgencyGoodsItem", "message",
		    "cancellations and amendments of header data only are "
		    "screened offline (cordonctl screen --format wco) but "
		    "not stored"));
		return;
	}
	p = xcalloc(1, sizeof(*p));
	p->req = req;
	p->d = d;
	p->snap = snapshot_ref(rt->snap);
	/* References are unique per submitting system: the token's name. */
	p->submitter = xstrdup(who->name);

	opts.party_threshold = rt->conf.party_threshold;
	p->result = screen_decl_opts(p->snap->m, NULL, d, p->snap->version,
	    &opts);
	screen_assign_ids(p->result);

	p->job.kind = DB_JOB_STORE;
	p->job.done = post_done;
	p->job.arg = p;
	snprintf(p->job.item.id, sizeof(p->job.item.id), "%s",
	    json_string_value(json_object_get(p->result, "id")));
	p->job.item.submitter = p->submitter;
	p->job.item.reference = d->reference;
	canon = decl_canonical(d);
	util_sha256_hex(canon, strlen(canon), p->job.item.body_hash);
	free(canon);
	p->job.item.body = d->raw;
	p->job.item.result = p->result;
	inflight++;
	db_submit(rt->db, &p->job);
}

/* ---- reads through the database ------------------------------------ */

enum read_kind { READ_DECL, READ_ALERT, READ_ALERTS, READ_READY,
	READ_AUDIT };

struct read_ctx {
	struct db_job		 job;
	struct evhttp_request	*req;
	enum read_kind		 kind;
	char			*only_submitter;	/* submitters see their own */
	long long		 after;
	char			*id;
	char			*status, *category, *severity, *cursor;
	int			 limit;
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
		r->out = store_list_alerts(c, r->status, r->category,
		    r->severity, r->cursor, r->limit, &j->err);
		break;
	case READ_READY:
		return store_ping(c, &j->err);
	case READ_AUDIT:
		r->out = store_audit_page(c, r->after, r->limit, &j->err);
		break;
	}
	return j->err ? -1 : 0;
}

static void
read_ctx_free(struct read_ctx *r)
{
	json_decref(r->out);
	free(r->id);
	free(r->only_submitter);
	free(r->status);
	free(r->category);
	free(r->severity);
	free(r->cursor);
	free(r);
}

static void
read_done(struct db_job *j)
{
	struct read_ctx *r = j->arg;

	inflight--;
	if (r->kind == READ_READY) {
		json_t *body = json_pack("{s:b, s:b, s:o}", "database", j->rc == 0,
		    "ruleset", rt->snap != NULL, "list_version", rt->snap ?
		    json_string(rt->snap->version) : json_null());

		if (rt->snap != NULL && rt->snap->fallback != NULL)
			json_object_set_new(body, "fallback",
			    json_string(rt->snap->fallback));
		if (j->rc == 0 && rt->snap != NULL) {
			json_object_set_new(body, "status", json_string("ready"));
			http_reply_json(r->req, 200, body);
		} else {
			json_object_set_new(body, "status",
			    json_string("not ready"));
			if (j->err)
				json_object_set_new(body, "error",
				    json_string(j->err));
			http_add_retry_after(r->req);
			http_reply_json(r->req, 503, body);
		}
	} else if (j->rc == -1) {
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
	else {
		http_reply_json(r->req, 200, r->out);
		r->out = NULL;
	}
	free(j->err);
	read_ctx_free(r);
}

static void
read_submit(struct read_ctx *r)
{
	inflight++;
	db_call(rt->db, &r->job, read_fn, read_done, r);
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

static bool
one_of(const char *s, const char *const *set)
{
	for (; *set; set++)
		if (strcmp(s, *set) == 0)
			return true;
	return false;
}

static void
api_alerts_get(struct evhttp_request *req, const char *query)
{
	static const char *const statuses[] = { "open", "claimed", "released",
		"held", "inspection_ordered", "referred_licensing",
		"referred_enforcement", "false_positive", "auto_closed", NULL };
	static const char *const cats[] = { "nuclear", "chemical", "biological",
		"missile", "conventional", "military", "sanctions", "embargo",
		NULL };
	static const char *const sevs[] = { "low", "medium", "high", "critical",
		NULL };
	struct evkeyvalq q;
	struct read_ctx *r;
	const char *v;
	json_t *errors = json_array();
	char *end;

	TAILQ_INIT(&q);
	if (query && evhttp_parse_query_str(query, &q) == -1) {
		json_decref(errors);
		http_reply_error(req, 400, "malformed query string");
		return;
	}
	r = xcalloc(1, sizeof(*r));
	r->req = req;
	r->kind = READ_ALERTS;
	r->limit = 50;
	if ((v = evhttp_find_header(&q, "status")) != NULL) {
		if (!one_of(v, statuses))
			json_array_append_new(errors, json_pack("{s:s, s:s}",
			    "field", "status", "message", "unknown alert status"));
		r->status = xstrdup(v);
	}
	if ((v = evhttp_find_header(&q, "category")) != NULL) {
		if (!one_of(v, cats))
			json_array_append_new(errors, json_pack("{s:s, s:s}",
			    "field", "category", "message", "unknown category"));
		r->category = xstrdup(v);
	}
	if ((v = evhttp_find_header(&q, "severity")) != NULL) {
		if (!one_of(v, sevs))
			json_array_append_new(errors, json_pack("{s:s, s:s}",
			    "field", "severity", "message", "unknown severity"));
		r->severity = xstrdup(v);
	}
	if ((v = evhttp_find_header(&q, "cursor")) != NULL) {
		const char *us = strchr(v, '_');

		/* The priority must fit the integer column: a bigger number
		 * is a bad request, not a database outage. */
		if (us == NULL || us == v || strspn(v, "0123456789") !=
		    (size_t)(us - v) || us - v > 10 ||
		    strtoll(v, NULL, 10) > INT32_MAX || !is_uuid(us + 1))
			json_array_append_new(errors, json_pack("{s:s, s:s}",
			    "field", "cursor", "message", "not a cursor from a "
			    "previous page"));
		r->cursor = xstrdup(v);
	}
	if ((v = evhttp_find_header(&q, "limit")) != NULL) {
		long n = strtol(v, &end, 10);

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
	char			*id, *action, *decision, *text, *expires;
	char			 actor[128];
	char			*list_version;
	long			 max_days;	/* suppression_max_days */
	json_t			*out;
	int			 status;
	char			*msg;
};

static int
act_fn(PGconn *c, struct db_job *j)
{
	struct act_ctx *a = j->arg;

	if (strcmp(a->action, "suppression") == 0)
		return store_suppression_create_limited(c, a->id, a->actor,
		    a->text, a->expires, a->max_days, a->list_version, &a->out,
		    &a->status, &a->msg);
	return store_alert_action(c, a->id, a->actor, a->action, a->decision,
	    a->text, a->list_version, &a->out, &a->status, &a->msg);
}

static void
act_ctx_free(struct act_ctx *a)
{
	json_decref(a->out);
	free(a->msg);
	free(a->id);
	free(a->action);
	free(a->decision);
	free(a->text);
	free(a->expires);
	free(a->list_version);
	free(a);
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
			log_warnx("%s %s: %s", a->action, a->id, a->msg ? a->msg :
			    j->err ? j->err : "?");
			http_reply_error(a->req, 500, "the change could not be "
			    "stored; nothing was changed");
		}
	} else if (a->status == 200 || a->status == 201) {
		http_reply_json(a->req, a->status, a->out);
		a->out = NULL;
	} else if (a->status == 422) {
		const char *colon = strchr(a->msg, ':');
		char field[64];

		snprintf(field, sizeof(field), "%.*s", colon ? (int)(colon -
		    a->msg) : 0, a->msg);
		http_reply_json(a->req, 422, json_pack("{s:s, s:[{s:s, s:s}]}",
		    "error", a->msg, "errors", "field", field, "message",
		    colon ? colon + 2 : a->msg));
	} else
		http_reply_error(a->req, a->status, a->msg);
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
	a->text = str_member(b, strcmp(action, "note") == 0 ? "text" : "reason");
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

/* ---- tokens ------------------------------------------------------- */

/*
 * The active tokens live in rt->tokens.  A token not found there may be
 * newer than the table: the request waits for one refresh (shared by all
 * requests waiting meanwhile) before it is refused.
 */
struct auth_wait {
	struct evhttp_request	*req;
	struct auth_wait	*next;
};

static struct auth_wait	*auth_waiting;
static bool		 tokens_loading;
static uint64_t		 tokens_loaded_ms;

struct tokens_job {
	struct db_job		job;
	struct auth_table	table;
};

static int
tokens_fn(PGconn *c, struct db_job *j)
{
	struct tokens_job *t = j->arg;

	return store_tokens_load(c, &t->table, &j->err);
}

static void	route(struct evhttp_request *, const struct caller *);
static void	authenticate(struct evhttp_request *, bool may_refresh);

static void
tokens_done(struct db_job *j)
{
	struct tokens_job *t = j->arg;
	struct auth_wait *w, *nx;

	tokens_loading = false;
	if (j->rc == 0) {
		auth_table_free(&rt->tokens);
		rt->tokens = t->table;
		tokens_loaded_ms = util_now_ms();
		log_debug("%zu active tokens", rt->tokens.n);
	} else {
		auth_table_free(&t->table);
		log_warnx("cannot load tokens: %s", j->err);
	}
	w = auth_waiting;
	auth_waiting = NULL;
	for (; w != NULL; w = nx) {
		nx = w->next;
		inflight--;
		if (j->rc == -1 && j->unavailable)
			http_reply_unavailable(w->req, "cannot check the token "
			    "now: the database is not available");
		else
			authenticate(w->req, false);
		free(w);
	}
	free(j->err);
	free(t);
}

void
api_tokens_refresh(void)
{
	struct tokens_job *t;

	if (tokens_loading)
		return;
	tokens_loading = true;
	t = xcalloc(1, sizeof(*t));
	db_call(rt->db, &t->job, tokens_fn, tokens_done, t);
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
		e = auth_find_name(&rt->tokens, cn);
		if (e != NULL && e->role == ROLE_SUBMITTER) {
			snprintf(who.name, sizeof(who.name), "%s", e->name);
			who.role = e->role;
			route(req, &who);
			return;
		}
		if (may_refresh && util_now_ms() - tokens_loaded_ms > 500) {
			struct auth_wait *w = xcalloc(1, sizeof(*w));

			w->req = req;
			w->next = auth_waiting;
			auth_waiting = w;
			inflight++;
			api_tokens_refresh();
			return;
		}
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
	if ((e = auth_lookup(&rt->tokens, h + 7)) == NULL) {
		if (may_refresh && util_now_ms() - tokens_loaded_ms > 500) {
			struct auth_wait *w = xcalloc(1, sizeof(*w));

			w->req = req;
			w->next = auth_waiting;
			auth_waiting = w;
			inflight++;
			api_tokens_refresh();
			return;
		}
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

#define R_ALL	(ROLE_SUBMITTER | ROLE_OFFICER | ROLE_ADMIN | ROLE_AUDITOR)

/*
 * The role table: every endpoint names the roles that may use it.
 * Submitters post declarations and read their own; officers work alerts;
 * admins reload and see metrics; auditors read everything and change
 * nothing.
 */
static void
route(struct evhttp_request *req, const struct caller *who)
{
	const struct evhttp_uri *uri = evhttp_request_get_evhttp_uri(req);
	enum evhttp_cmd_type cmd = evhttp_request_get_command(req);
	const char *path = evhttp_uri_get_path(uri);
	const char *query = evhttp_uri_get_query(uri);
	bool get = cmd == EVHTTP_REQ_GET || cmd == EVHTTP_REQ_HEAD;
	bool post = cmd == EVHTTP_REQ_POST;
	static const char *const actions[][2] = {
		{ "claim", "claim" }, { "unclaim", "unclaim" },
		{ "decision", "decision" }, { "reopen", "reopen" },
		{ "notes", "note" },
	};

	if (strcmp(path, "/v1/me") == 0) {
		if (!get)
			return method_not_allowed(req, "GET");
		http_reply_json(req, 200, json_pack("{s:s, s:s}", "name",
		    who->name, "role", auth_role_name(who->role)));
	} else if (strcmp(path, "/v1/declarations") == 0) {
		if (!post)
			return method_not_allowed(req, "POST");
		if (allowed(req, who, ROLE_SUBMITTER))
			api_declarations_post(req, who);
	} else if (strncmp(path, "/v1/declarations/", 17) == 0) {
		if (!get)
			return method_not_allowed(req, "GET");
		if (allowed(req, who, ROLE_SUBMITTER | ROLE_OFFICER |
		    ROLE_AUDITOR))
			api_get_one(req, READ_DECL, path + 17, who);
	} else if (strcmp(path, "/v1/alerts") == 0) {
		if (!get)
			return method_not_allowed(req, "GET");
		if (allowed(req, who, ROLE_OFFICER | ROLE_AUDITOR))
			api_alerts_get(req, query);
	} else if (strncmp(path, "/v1/alerts/", 11) == 0) {
		const char *id = path + 11, *slash = strchr(id, '/');
		char idbuf[40];
		size_t i;

		if (slash == NULL) {
			if (!get)
				return method_not_allowed(req, "GET");
			if (allowed(req, who, ROLE_OFFICER | ROLE_AUDITOR))
				api_get_one(req, READ_ALERT, id, who);
			return;
		}
		snprintf(idbuf, sizeof(idbuf), "%.*s", (int)(slash - id), id);
		for (i = 0; i < sizeof(actions) / sizeof(actions[0]); i++)
			if (strcmp(slash + 1, actions[i][0]) == 0)
				break;
		if (i == sizeof(actions) / sizeof(actions[0]))
			return http_reply_error(req, 404, "no such endpoint");
		if (!post)
			return method_not_allowed(req, "POST");
		if (allowed(req, who, ROLE_OFFICER))
			act_submit(req, who, idbuf, actions[i][1]);
	} else if (strcmp(path, "/v1/suppressions") == 0) {
		if (!post)
			return method_not_allowed(req, "POST");
		if (allowed(req, who, ROLE_OFFICER))
			api_suppressions_post(req, who);
	} else if (strcmp(path, "/v1/audit") == 0) {
		if (!get)
			return method_not_allowed(req, "GET");
		if (allowed(req, who, ROLE_AUDITOR | ROLE_ADMIN))
			api_audit_get(req, query);
	} else if (strcmp(path, "/v1/lists") == 0) {
		if (!get)
			return method_not_allowed(req, "GET");
		if (!allowed(req, who, R_ALL))
			return;
		if (rt->snap == NULL)
			http_reply_unavailable(req, "no list version is active yet");
		else
			http_reply_json(req, 200, json_incref(rt->snap->lists));
	} else if (strcmp(path, "/metrics") == 0) {
		struct db_stats st;

		if (!get)
			return method_not_allowed(req, "GET");
		if (!allowed(req, who, ROLE_ADMIN | ROLE_AUDITOR))
			return;
		db_stats(rt->db, &st);
		http_reply_json(req, 200, json_pack("{s:I, s:I, s:I, s:I, s:I, "
		    "s:I, s:I, s:I, s:I, s:b}", "requests", (json_int_t)rt->requests,
		    "declarations_stored", (json_int_t)rt->declarations,
		    "declarations_rejected", (json_int_t)rt->rejected,
		    "unavailable_replies", (json_int_t)rt->unavailable,
		    "db_batches", (json_int_t)st.batches, "db_batched_declarations",
		    (json_int_t)st.stored, "db_max_batch", (json_int_t)st.max_batch,
		    "db_failed", (json_int_t)st.failures, "db_pending",
		    (json_int_t)db_pending(rt->db), "list_version_fallback",
		    rt->snap != NULL && rt->snap->fallback != NULL));
	} else if (strcmp(path, "/v1/admin/reload") == 0) {
		if (!post)
			return method_not_allowed(req, "POST");
		if (!allowed(req, who, ROLE_ADMIN))
			return;
		inflight++;
		reload_run(reload_replied, req);
	} else
		http_reply_error(req, 404, "no such endpoint");
}

void
api_dispatch(struct evhttp_request *req, void *arg)
{
	const struct evhttp_uri *uri = evhttp_request_get_evhttp_uri(req);
	enum evhttp_cmd_type cmd = evhttp_request_get_command(req);
	const char *path = evhttp_uri_get_path(uri);
	bool get = cmd == EVHTTP_REQ_GET || cmd == EVHTTP_REQ_HEAD;
	const char *why;
	int status;

	rt->requests++;
	if ((status = http_request_check(req, &why)) != 0)
		return http_reply_error(req, status, why);
	if (path == NULL)
		path = "/";
	/* Public: liveness, readiness and the console's static files. */
	if (strcmp(path, "/healthz") == 0) {
		if (!get)
			return method_not_allowed(req, "GET");
		http_reply_json(req, 200, json_pack("{s:s}", "status", "ok"));
	} else if (strcmp(path, "/readyz") == 0) {
		struct read_ctx *r;

		if (!get)
			return method_not_allowed(req, "GET");
		r = xcalloc(1, sizeof(*r));
		r->req = req;
		r->kind = READ_READY;
		read_submit(r);
	} else if (strcmp(path, "/") == 0 || strncmp(path, "/console", 8) == 0) {
		if (!get)
			return method_not_allowed(req, "GET");
		console_serve(req, path);
	} else
		authenticate(req, true);
}
