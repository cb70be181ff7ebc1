/*
 * Declarations: the set-based batch store (arrays + unnest in one
 * transaction, pipeline mode), the committed-or-not check after a lost
 * COMMIT, and reading a stored declaration back.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libpq-fe.h>

#include "auth.h"
#include "log.h"
#include "result.h"
#include "store.h"
#include "store_amend.h"
#include "store_events.h"
#include "store_int.h"
#include "words.h"
#include "xmalloc.h"

/* ---- storing screened declarations --------------------------------- */

/*
 * A batch goes to PostgreSQL as arrays, one per column, in PostgreSQL's
 * text array syntax; unnest() turns them back into rows.  Nothing on the
 * server takes a document apart: the body, the result and each alert's
 * hits arrive as finished JSON texts for their jsonb columns.
 */
struct pgarr {
	struct buf	b;
	size_t		n;
};

static void
arr_init(struct pgarr *a)
{
	buf_init(&a->b);
	buf_addc(&a->b, '{');
	a->n = 0;
}

/* Appends <len> bytes of <s> (NULL: an SQL NULL) as a quoted element. */
static void
arr_addn(struct pgarr *a, const char *s, size_t len)
{
	size_t i, run;

	if (a->n++ > 0)
		buf_addc(&a->b, ',');
	if (s == NULL) {
		buf_adds(&a->b, "NULL");
		return;
	}
	buf_addc(&a->b, '"');
	for (i = 0; i < len; i = run + 1) {
		for (run = i; run < len && s[run] != '"' && s[run] != '\\'; run++)
			;
		buf_add(&a->b, s + i, run - i);
		if (run == len)
			break;
		buf_addc(&a->b, '\\');
		buf_addc(&a->b, s[run]);
	}
	buf_addc(&a->b, '"');
}

static void
arr_add(struct pgarr *a, const char *s)
{
	arr_addn(a, s, s ? strlen(s) : 0);
}

static void
arr_addi(struct pgarr *a, long long v)
{
	if (a->n++ > 0)
		buf_addc(&a->b, ',');
	buf_printf(&a->b, "%lld", v);
}

static void
arr_addnull(struct pgarr *a)
{
	if (a->n++ > 0)
		buf_addc(&a->b, ',');
	buf_adds(&a->b, "NULL");
}

static const char *
arr_end(struct pgarr *a)
{
	buf_addc(&a->b, '}');
	return a->b.data;
}

/* True if <w> is one of the lines of <lines>. */
static bool
line_in(const char *lines, const char *w)
{
	size_t wl = strlen(w);
	const char *p = lines, *nl;

	for (;;) {
		nl = strchr(p, '\n');
		if ((nl ? (size_t)(nl - p) : strlen(p)) == wl &&
		    strncmp(p, w, wl) == 0)
			return true;
		if (nl == NULL)
			return false;
		p = nl + 1;
	}
}

/*
 * The live suppressions for the fingerprints of <items>' alerts, decided
 * in the caller's transaction: an item alert whose fingerprint matches and
 * whose entries are all covered is stored auto_closed with a link.  The
 * newest suppression wins.
 */
static int
decide_suppressions(PGconn *c, struct store_item **items, size_t n,
    char **errp)
{
	struct pgarr fps;
	const char *p[1];
	PGresult *r;
	size_t i, k, e;
	int row, any = 0;

	arr_init(&fps);
	for (i = 0; i < n; i++)
		for (k = 0; k < items[i]->result->nalerts; k++) {
			struct screen_alert *a = &items[i]->result->alerts[k];

			a->status = ALERT_OPEN;
			a->suppression_id = 0;
			if (a->fingerprint[0] != '\0') {
				arr_add(&fps, a->fingerprint);
				any = 1;
			}
		}
	if (!any) {
		buf_free(&fps.b);
		return 0;
	}
	p[0] = arr_end(&fps);
	r = store_q(c, "SELECT id, fingerprint, array_to_string(entries, E'\\n') "
	    "FROM suppressions WHERE "
	    "fingerprint = ANY($1::text[]) AND expires_at > now() ORDER BY id "
	    "DESC", 1, p);
	buf_free(&fps.b);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return store_fail(c, r, errp, "suppressions");
	for (row = 0; row < PQntuples(r); row++) {
		const char *fp = PQgetvalue(r, row, 1);
		const char *ents = PQgetvalue(r, row, 2);	/* one a line */

		for (i = 0; i < n; i++)
			for (k = 0; k < items[i]->result->nalerts; k++) {
				struct screen_alert *a = &items[i]->result->alerts[k];

				if (a->suppression_id != 0 ||
				    strcmp(a->fingerprint, fp) != 0)
					continue;
				for (e = 0; e < a->nentries; e++)
					if (!line_in(ents, a->entries[e]))
						break;
				if (e < a->nentries)
					continue;
				a->status = ALERT_AUTO_CLOSED;
				a->suppression_id = atoll(PQgetvalue(r, row, 0));
			}
	}
	PQclear(r);
	return 0;
}

/* Sends <sql> with <p> and COMMIT in one round trip (pipeline mode). */
static PGresult *
exec_and_commit(PGconn *c, const char *sql, int np, const char *const *p,
    int *committed, int *sent)
{
	PGresult *r, *res = NULL;
	int nres = 0;

	*committed = 0;
	*sent = 0;
	if (PQenterPipelineMode(c) != 1)
		return NULL;
	if (PQsendQueryParams(c, sql, np, NULL, p, NULL, NULL, 0) != 1 ||
	    PQsendQueryParams(c, "COMMIT", 0, NULL, NULL, NULL, NULL, 0) != 1 ||
	    PQpipelineSync(c) != 1) {
		PQexitPipelineMode(c);
		return NULL;
	}
	*sent = 1;
	/* The statement's result, NULL, COMMIT's, NULL, then the sync. */
	while (nres < 3) {
		if ((r = PQgetResult(c)) == NULL) {
			if (PQstatus(c) == CONNECTION_BAD)
				break;
			continue;
		}
		switch (PQresultStatus(r)) {
		case PGRES_PIPELINE_SYNC:
			nres = 3;
			PQclear(r);
			continue;
		default:
			if (nres == 0)
				res = r;
			else {
				if (PQresultStatus(r) == PGRES_COMMAND_OK)
					*committed = 1;
				PQclear(r);
			}
			nres++;
			if (PQstatus(c) == CONNECTION_BAD)
				nres = 3;
			continue;
		}
	}
	if (PQstatus(c) != CONNECTION_BAD)
		PQexitPipelineMode(c);
	return res;
}

static const char store_sql[] =
    "WITH d AS ("
    " SELECT * FROM unnest($1::int[], $2::uuid[], $3::text[], $4::text[],"
    "  $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],"
    "  $27::int[], $28::uuid[], $29::text[], $30::text[], $31::text[])"
    " AS t(ord, id, submitter, reference, body_hash, type, body, result,"
    "  verdict, list_version, version, supersedes, function, body_type,"
    "  raw)),"
    " ins AS ("
    " INSERT INTO declarations (id, submitter, reference, body_hash, type,"
    "  body, result, verdict, list_version, version, supersedes, function,"
    "  body_type, raw_body)"
    " SELECT id, submitter, reference, body_hash, type, body::jsonb,"
    "  result::jsonb, verdict, list_version, version, supersedes, function,"
    "  body_type, decode(raw, 'hex') FROM d ORDER BY ord"
    " ON CONFLICT DO NOTHING RETURNING id),"
    " it AS ("
    " INSERT INTO items (declaration_id, seq, hs_code, description)"
    " SELECT i.did, i.seq, i.hs, i.descr FROM unnest($11::uuid[], $12::int[],"
    "  $13::text[], $14::text[]) AS i(did, seq, hs, descr)"
    " WHERE i.did IN (SELECT id FROM ins)),"
    " al AS ("
    " INSERT INTO alerts (id, declaration_id, item_seq, severity, score,"
    "  category, list_version, hits, status, fingerprint, entries,"
    "  suppression_id, previous_alert_id, claimed_by, claimed_at)"
    " SELECT a.id, a.did, a.seq, a.sev, a.score, a.cat, a.lv, a.hits::jsonb,"
    "  a.status, a.fp, coalesce(string_to_array(a.ents, E'\\n'), '{}'),"
    "  a.sid, o.id, CASE WHEN a.status = 'claimed' THEN o.claimed_by END,"
    "  CASE WHEN a.status = 'claimed' THEN o.claimed_at END"
    "  FROM unnest($15::uuid[], $16::uuid[], $17::int[], $18::text[],"
    "  $19::int[], $20::text[], $21::text[], $22::text[], $23::text[],"
    "  $24::text[], $25::text[], $26::bigint[], $32::uuid[]) AS a(id, did,"
    "  seq, sev, score, cat, lv, hits, status, fp, ents, sid, prev)"
    /* Reads of the partitioned tables go through functions with kept
     * plans (schemas/0011_partitions.sql). */
    "  LEFT JOIN LATERAL cordon_alert_claim(a.prev) o ON true"
    " WHERE a.did IN (SELECT id FROM ins)),"
    /* The outbox row of a flagged declaration (schemas/0007_outbox.sql). */
    " ev AS ("
    " INSERT INTO events (type, declaration_id, payload)"
    " SELECT '" EVENT_DECLARATION_FLAGGED "', d.id, jsonb_build_object("
    "  'declaration_id', d.id, 'reference', d.reference, 'submitter',"
    "  d.submitter, 'type', d.type, 'verdict', d.verdict, 'list_version',"
    "  d.list_version) FROM d JOIN ins ON ins.id = d.id"
    " WHERE d.verdict IN ('review', 'hold'))"
    " SELECT d.ord, ins.id IS NOT NULL, x.id, x.body_hash = d.body_hash,"
    "  x.result FROM d LEFT JOIN ins ON ins.id = d.id"
    /* Of the reference's versions, the one with these bytes, else the
     * latest (store_amend.c). */
    " LEFT JOIN LATERAL (SELECT * FROM cordon_stored_version(d.submitter,"
    "  d.reference, d.body_hash) WHERE ins.id IS NULL LIMIT 1) x ON true";

/* $27..$32: the version columns (store_amend.c). */
enum { NCOLS = 32 };

/* Fills the column arrays of <items> (those still pending). */
static void
batch_arrays(struct store_item **items, size_t n, struct pgarr *col)
{
	struct buf text, ents;
	size_t i, k, (*at)[2] = NULL, cap = 0;

	buf_init(&text);
	buf_init(&ents);
	for (k = 0; k < NCOLS; k++)
		arr_init(&col[k]);
	for (i = 0; i < n; i++) {
		struct store_item *it = items[i];
		struct screen_result *r = it->result;
		const struct decl *d = it->decl;

		if (it->outcome != STORE_PENDING || it->deferred)
			continue;
		/* The result as answered, made once: the stored text. */
		if (cap < r->nalerts + 1) {
			cap = r->nalerts + 1;
			at = xreallocarray(at, cap, sizeof(*at));
		}
		buf_reset(&text);
		result_write(&text, r, true, at);
		store_amend_annotate(&text, it);
		free(it->stored);
		it->stored = xstrndup(text.data, text.len);
		arr_addi(&col[0], (long long)i);
		arr_add(&col[1], r->id);
		arr_add(&col[2], it->submitter);
		arr_add(&col[3], r->reference);
		arr_add(&col[4], it->body_hash);
		arr_add(&col[5], r->type);
		arr_addn(&col[6], it->body, it->body_len);
		arr_addn(&col[7], text.data, text.len);
		arr_add(&col[8], words_verdict(r->verdict));
		arr_add(&col[9], r->list_version);
		/* amendments: store_amend.c */
		arr_addi(&col[26], it->version);
		arr_add(&col[27], it->supersedes[0] ? it->supersedes : NULL);
		arr_add(&col[28], words_function(d->function));
		arr_add(&col[29], it->body_type ? it->body_type :
		    "application/json");
		if (it->raw != NULL) {
			col[30].n++;
			store_amend_hex(&col[30].b, it->raw, it->raw_len);
		} else
			arr_addnull(&col[30]);
		for (k = 0; k < d->nitems; k++) {
			arr_add(&col[10], r->id);
			arr_addi(&col[11], d->items[k].seq);
			arr_add(&col[12], d->items[k].hs_raw);
			arr_add(&col[13], d->items[k].description);
		}
		for (k = 0; k < r->nalerts; k++) {
			const struct screen_alert *a = &r->alerts[k];
			size_t e;

			arr_add(&col[14], a->id);
			arr_add(&col[15], r->id);
			if (a->item_seq == SCREEN_NONE)
				arr_addnull(&col[16]);
			else
				arr_addi(&col[16], a->item_seq);
			arr_add(&col[17], words_severity(a->severity));
			arr_addi(&col[18], a->score);
			arr_add(&col[19], rules_category_name(a->category));
			arr_add(&col[20], r->list_version);
			arr_addn(&col[21], text.data + at[k][0], at[k][1]);
			arr_add(&col[22], words_status(a->status));
			if (a->fingerprint[0] != '\0') {
				arr_add(&col[23], a->fingerprint);
				buf_reset(&ents);
				for (e = 0; e < a->nentries; e++) {
					if (e > 0)
						buf_addc(&ents, '\n');
					buf_adds(&ents, a->entries[e]);
				}
				arr_addn(&col[24], ents.data ? ents.data : "",
				    ents.len);
			} else {
				arr_addnull(&col[23]);
				arr_addnull(&col[24]);
			}
			if (a->suppression_id != 0)
				arr_addi(&col[25], a->suppression_id);
			else
				arr_addnull(&col[25]);
			arr_add(&col[31], it->prev_alert && it->prev_alert[k][0] ?
			    it->prev_alert[k] : NULL);
		}
	}
	buf_free(&text);
	buf_free(&ents);
	free(at);
}

/* A rolled-back round cancelled nothing: those are pending again. */
static void
undo_cancelled(struct store_item **items, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (items[i]->outcome == STORE_CANCELLED)
			items[i]->outcome = STORE_PENDING;
}

/*
 * One round: the pending items of <items>.  Items the statement could not
 * decide (a duplicate reference within the batch, or a row another
 * transaction committed after this statement began) stay pending for the
 * next round.
 */
static int
store_round(PGconn *c, struct store_item **items, size_t n, char **errp)
{
	struct pgarr col[NCOLS];
	const char *p[NCOLS];
	PGresult *r;
	size_t k;
	int row, committed, sent;

	r = PQexec(c, "BEGIN");
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		return store_fail(c, r, errp, "store");
	PQclear(r);
	if (decide_suppressions(c, items, n, errp) == -1)
		goto rollback;
	if (store_amend_prepare(c, items, n, errp) == -1)
		goto rollback;
	batch_arrays(items, n, col);
	for (k = 0; k < NCOLS; k++)
		p[k] = arr_end(&col[k]);
	r = exec_and_commit(c, store_sql, NCOLS, p, &committed, &sent);
	for (k = 0; k < NCOLS; k++)
		buf_free(&col[k].b);
	if (r == NULL || PQresultStatus(r) != PGRES_TUPLES_OK || !committed) {
		undo_cancelled(items, n);
		if (sent && !store_ok(c))
			/* COMMIT may have reached the server: only asking tells. */
			for (k = 0; k < n; k++)
				if (items[k]->outcome == STORE_PENDING)
					items[k]->outcome = STORE_UNKNOWN;
		store_fail(c, r, errp, "store");
		goto rollback;
	}
	for (row = 0; row < PQntuples(r); row++) {
		size_t i = (size_t)atoll(PQgetvalue(r, row, 0));
		struct store_item *it;

		if (i >= n)
			continue;
		it = items[i];
		if (strcmp(PQgetvalue(r, row, 1), "t") == 0)
			it->outcome = STORE_CREATED;
		else if (!PQgetisnull(r, row, 2)) {
			snprintf(it->existing_id, sizeof(it->existing_id), "%s",
			    PQgetvalue(r, row, 2));
			if (strcmp(PQgetvalue(r, row, 3), "t") == 0) {
				it->outcome = STORE_REPLAY;
				free(it->stored);
				it->stored = xstrdup(PQgetvalue(r, row, 4));
			} else
				it->outcome = STORE_CONFLICT;
		}
	}
	PQclear(r);
	return 0;

rollback:
	undo_cancelled(items, n);
	if (store_ok(c)) {
		r = PQexec(c, "ROLLBACK");
		PQclear(r);
	}
	return -1;
}

int
store_batch(PGconn *c, struct store_item **items, size_t n, char **errp)
{
	size_t i, pending = 0;
	int round;

	/* Items already decided (committed before a lost connection) stay. */
	*errp = NULL;
	for (round = 0; round < 4; round++) {
		if (store_round(c, items, n, errp) == -1)
			return -1;
		for (i = pending = 0; i < n; i++)
			if (items[i]->outcome == STORE_PENDING)
				pending++;
		if (pending == 0)
			return 0;
	}
	xasprintf(errp, "store: %zu declarations undecided after %d rounds",
	    pending, round);
	return -1;
}

int
store_batch_committed(PGconn *c, struct store_item **items, size_t n,
    char **errp)
{
	struct pgarr ids;
	const char *p[1];
	PGresult *r;
	size_t i;
	int row;

	*errp = NULL;
	arr_init(&ids);
	for (i = 0; i < n; i++)
		arr_add(&ids, items[i]->result->id);
	p[0] = arr_end(&ids);
	r = store_q(c, "SELECT id FROM declaration_keys WHERE id = ANY($1::uuid[])",
	    1, p);
	buf_free(&ids.b);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return store_fail(c, r, errp, "store check");
	for (row = 0; row < PQntuples(r); row++)
		for (i = 0; i < n; i++)
			if (strcmp(items[i]->result->id, PQgetvalue(r, row, 0)) == 0)
				items[i]->outcome = STORE_CREATED;
	PQclear(r);
	return 0;
}

/*
 * The stored declaration: its result, body and alerts, which version it is
 * of its reference (with every version listed), its state, and the body as
 * received when that was not JSON (the XML of a WCO message).
 */
json_t *
store_get_declaration(PGconn *c, const char *id, char **errp)
{
	const char *p[1] = { id };
	PGresult *r;
	json_t *j;

	*errp = NULL;
	r = store_q(c, "SELECT result || jsonb_build_object('id', id, 'declaration', "
	    "body, 'submitter', submitter, 'stored_at', created_at, 'alerts', "
	    "coalesce((SELECT "
	    "jsonb_agg(jsonb_build_object('id', a.id, 'item_seq', a.item_seq, "
	    "'severity', a.severity, 'score', a.score, 'category', a.category, "
	    "'status', a.status, 'hits', a.hits, 'previous_alert_id', "
	    "a.previous_alert_id, 'closed_reason', a.closed_reason, 'origin', "
	    "a.origin, 'cause', a.cause) ORDER BY a.id) FROM alerts a "
	    "WHERE a.declaration_id = d.id), '[]'::jsonb)) || "
	    /* versions: store_amend.c */
	    "jsonb_build_object('version', version, 'function', function, "
	    "'state', state, 'supersedes', supersedes, 'superseded_by', "
	    "superseded_by, 'cancelled_at', cancelled_at, 'body_type', body_type, "
	    "'versions', (SELECT jsonb_agg(jsonb_build_object('id', v.id, "
	    "'version', v.version, 'function', v.function, 'state', v.state, "
	    "'verdict', v.verdict, 'stored_at', v.created_at) ORDER BY v.version) "
	    "FROM declarations v WHERE v.submitter = d.submitter AND "
	    "v.reference = d.reference)), "
	    "encode(raw_body, 'hex') FROM declarations d "
	    "WHERE id = $1::uuid", 1, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		store_fail(c, r, errp, "declaration");
		return NULL;
	}
	j = PQntuples(r) > 0 ? store_json_cell(r, 0, 0) : NULL;
	if (j != NULL && !PQgetisnull(r, 0, 1))
		json_object_set_new(j, "raw_body", store_raw_body_json(
		    PQgetvalue(r, 0, 1)));
	PQclear(r);
	return j;
}
