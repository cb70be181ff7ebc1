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
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>
#include <jansson.h>

#include "api.h"
#include "db.h"
#include "decl.h"
#include "http.h"
#include "log.h"
#include "reload.h"
#include "runtime.h"
#include "screen.h"
#include "snapshot.h"
#include "store.h"
#include "xmalloc.h"

static size_t inflight;

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
		http_reply_json(p->req, 201, json_incref(p->result));
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
api_declarations_post(struct evhttp_request *req)
{
	struct evbuffer *in = evhttp_request_get_input_buffer(req);
	const char *sub;
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
	if ((d = decl_parse((const char *)data, len, &err, &status)) == NULL) {
		rt->rejected++;
		http_reply_json(req, status, err);
		return;
	}
	p = xcalloc(1, sizeof(*p));
	p->req = req;
	p->d = d;
	p->snap = snapshot_ref(rt->snap);
	sub = evhttp_find_header(evhttp_request_get_input_headers(req),
	    "X-Cordon-Submitter");
	p->submitter = xstrdup(sub && *sub ? sub : rt->conf.submitter);

	p->result = screen_decl(p->snap->m, NULL, d, p->snap->version);
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

enum read_kind { READ_DECL, READ_ALERT, READ_ALERTS, READ_READY };

struct read_ctx {
	struct db_job		 job;
	struct evhttp_request	*req;
	enum read_kind		 kind;
	char			*id;
	char			*status, *category, *severity, *cursor;
	int			 limit;
	json_t			*out;
};

static int
read_fn(PGconn *c, struct db_job *j)
{
	struct read_ctx *r = j->arg;

	if (c == NULL) {
		j->err = xstrdup("PostgreSQL is not reachable");
		return -1;
	}
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
	}
	return j->err ? -1 : 0;
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

		if (j->rc == 0 && rt->snap != NULL) {
			json_object_set_new(body, "status", json_string("ready"));
			http_reply_json(r->req, 200, body);
		} else {
			char ra[16];

			json_object_set_new(body, "status",
			    json_string("not ready"));
			if (j->err)
				json_object_set_new(body, "error",
				    json_string(j->err));
			snprintf(ra, sizeof(ra), "%ld", rt->conf.retry_after);
			evhttp_add_header(evhttp_request_get_output_headers(r->req),
			    "Retry-After", ra);
			http_reply_json(r->req, 503, body);
		}
	} else if (j->rc == -1) {
		if (j->unavailable || r->out == NULL)
			http_reply_unavailable(r->req, "the database is not "
			    "available; retry later");
		else
			http_reply_error(r->req, 500, j->err);
	} else if (r->out == NULL)
		http_reply_error(r->req, 404, r->kind == READ_DECL ?
		    "no such declaration" : "no such alert");
	else {
		http_reply_json(r->req, 200, r->out);
		r->out = NULL;
	}
	json_decref(r->out);
	free(j->err);
	free(r->id);
	free(r->status);
	free(r->category);
	free(r->severity);
	free(r->cursor);
	free(r);
}

static void
read_submit(struct read_ctx *r)
{
	r->job.kind = DB_JOB_CALL;
	r->job.fn = read_fn;
	r->job.done = read_done;
	r->job.arg = r;
	inflight++;
	db_submit(rt->db, &r->job);
}

static void
api_get_one(struct evhttp_request *req, enum read_kind kind, const char *id)
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
		"held", "inspection_ordered", "referred", "false_positive",
		"auto_closed", NULL };
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
		if (!is_uuid(v))
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
		free(r->status);
		free(r->category);
		free(r->severity);
		free(r->cursor);
		free(r);
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
		char ra[16];

		snprintf(ra, sizeof(ra), "%ld", rt->conf.retry_after);
		evhttp_add_header(evhttp_request_get_output_headers(req),
		    "Retry-After", ra);
		http_reply_json(req, 503, body);
	} else
		http_reply_json(req, 422, body);
}

/* ---- routing ------------------------------------------------------ */

static void
method_not_allowed(struct evhttp_request *req, const char *allow)
{
	evhttp_add_header(evhttp_request_get_output_headers(req), "Allow", allow);
	http_reply_error(req, 405, "method not allowed");
}

void
api_dispatch(struct evhttp_request *req, void *arg)
{
	const struct evhttp_uri *uri = evhttp_request_get_evhttp_uri(req);
	enum evhttp_cmd_type cmd = evhttp_request_get_command(req);
	const char *path = evhttp_uri_get_path(uri);
	const char *query = evhttp_uri_get_query(uri);
	bool get = cmd == EVHTTP_REQ_GET || cmd == EVHTTP_REQ_HEAD;
	bool post = cmd == EVHTTP_REQ_POST;

	rt->requests++;
	if (path == NULL)
		path = "/";
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
	} else if (strcmp(path, "/v1/declarations") == 0) {
		if (!post)
			return method_not_allowed(req, "POST");
		api_declarations_post(req);
	} else if (strncmp(path, "/v1/declarations/", 17) == 0) {
		if (!get)
			return method_not_allowed(req, "GET");
		api_get_one(req, READ_DECL, path + 17);
	} else if (strcmp(path, "/v1/alerts") == 0) {
		if (!get)
			return method_not_allowed(req, "GET");
		api_alerts_get(req, query);
	} else if (strncmp(path, "/v1/alerts/", 11) == 0) {
		if (!get)
			return method_not_allowed(req, "GET");
		api_get_one(req, READ_ALERT, path + 11);
	} else if (strcmp(path, "/v1/lists") == 0) {
		if (!get)
			return method_not_allowed(req, "GET");
		if (rt->snap == NULL)
			http_reply_unavailable(req, "no list version is active yet");
		else
			http_reply_json(req, 200, json_incref(rt->snap->lists));
	} else if (strcmp(path, "/metrics") == 0) {
		struct db_stats st;

		if (!get)
			return method_not_allowed(req, "GET");
		db_stats(rt->db, &st);
		http_reply_json(req, 200, json_pack("{s:I, s:I, s:I, s:I, s:I, "
		    "s:I, s:I, s:I, s:I}", "requests", (json_int_t)rt->requests,
		    "declarations_stored", (json_int_t)rt->declarations,
		    "declarations_rejected", (json_int_t)rt->rejected,
		    "unavailable_replies", (json_int_t)rt->unavailable,
		    "db_batches", (json_int_t)st.batches, "db_batched_declarations",
		    (json_int_t)st.stored, "db_max_batch", (json_int_t)st.max_batch,
		    "db_failed", (json_int_t)st.failures, "db_pending",
		    (json_int_t)db_pending(rt->db)));
	} else if (strcmp(path, "/v1/admin/reload") == 0) {
		if (!post)
			return method_not_allowed(req, "POST");
		inflight++;
		reload_run(reload_replied, req);
	} else
		http_reply_error(req, 404, "no such endpoint");
}
