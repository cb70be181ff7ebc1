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
#include "store_keys.h"
#include "words.h"
#include "xmalloc.h"

/* ---- storing screened declarations --------------------------------- */

/*
 * A batch goes to PostgreSQL as arrays, one per column, in PostgreSQL's
 * binary array format (array_recv: no quoting or escaping on our side, no
 * parsing on the server's, which array_in's share of the backend's CPU
 * showed); unnest() turns them back into rows.  Nothing on the server
 * takes a document apart: the body, the result and each alert's hits
 * arrive as finished JSON texts for their jsonb columns.  Elements are
 * int4, int8 or text; uuid columns go as text and the statement casts
 * them (its parameter types are declared when it is prepared).
 */
#define OID_INT4	23
#define OID_INT8	20
#define OID_TEXT	25
#define OID_INT4_ARRAY	1007
#define OID_INT8_ARRAY	1016
#define OID_TEXT_ARRAY	1009
#define ARR_HEADER	20	/* ndim, flags, element type, size, lower bound */

struct pgarr {
	struct buf	b;
	size_t		n;
	uint32_t	oid;		/* element type */
	bool		nulls;
};

static void
put32(struct buf *b, uint32_t v)
{
	unsigned char x[4];

	x[0] = v >> 24;
	x[1] = v >> 16;
	x[2] = v >> 8;
	x[3] = v;
	buf_add(b, x, 4);
}

static void
set32(char *at, uint32_t v)
{
	at[0] = (char)(v >> 24);
	at[1] = (char)(v >> 16);
	at[2] = (char)(v >> 8);
	at[3] = (char)v;
}

static void
arr_init(struct pgarr *a, uint32_t oid)
{
	static const char zero[ARR_HEADER];

	buf_init(&a->b);
	buf_add(&a->b, zero, sizeof(zero));	/* arr_end fills it */
	a->n = 0;
	a->oid = oid;
	a->nulls = false;
}

/* Appends <len> bytes of <s> (NULL: an SQL NULL) as a text element. */
static void
arr_addn(struct pgarr *a, const char *s, size_t len)
{
	a->n++;
	if (s == NULL) {
		put32(&a->b, 0xffffffffU);	/* length -1: NULL */
		a->nulls = true;
		return;
	}
	put32(&a->b, (uint32_t)len);
	buf_add(&a->b, s, len);
}

static void
arr_add(struct pgarr *a, const char *s)
{
	arr_addn(a, s, s ? strlen(s) : 0);
}

static void
arr_addi(struct pgarr *a, long long v)
{
	a->n++;
	if (a->oid == OID_INT8) {
		put32(&a->b, 8);
		put32(&a->b, (uint32_t)((unsigned long long)v >> 32));
		put32(&a->b, (uint32_t)v);
	} else {
		put32(&a->b, 4);
		put32(&a->b, (uint32_t)v);
	}
}

static void
arr_addnull(struct pgarr *a)
{
	arr_addn(a, NULL, 0);
}

/*
 * Fills the header; the array is a->b.data, arr_len(a) bytes.  An empty
 * array has no dimensions.
 */
static const char *
arr_end(struct pgarr *a)
{
	char *h = a->b.data;

	set32(h, a->n > 0 ? 1 : 0);
	set32(h + 4, a->nulls ? 1 : 0);
	set32(h + 8, a->oid);
	set32(h + 12, (uint32_t)a->n);
	set32(h + 16, 1);
	if (a->n == 0)
		a->b.len = 12;
	return a->b.data;
}

static int
arr_len(const struct pgarr *a)
{
	return (int)a->b.len;
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
 * newest suppression wins.  supp_fingerprints() resets the alerts and
 * gathers their fingerprints (false: none, no lookup needed); supp_apply()
 * decides them from the lookup's rows (supp_sql).
 */
static const char supp_sql[] =
    "SELECT id, fingerprint, array_to_string(entries, E'\\n') "
    "FROM suppressions WHERE "
    "fingerprint = ANY($1::text[]) AND expires_at > now() ORDER BY id "
    "DESC";

static bool
supp_fingerprints(struct store_item **items, size_t n, struct pgarr *fps)
{
	size_t i, k;
	bool any = false;

	arr_init(fps, OID_TEXT);
	for (i = 0; i < n; i++)
		for (k = 0; k < items[i]->result->nalerts; k++) {
			struct screen_alert *a = &items[i]->result->alerts[k];

			a->status = ALERT_OPEN;
			a->suppression_id = 0;
			if (a->fingerprint[0] != '\0') {
				arr_add(fps, a->fingerprint);
				any = true;
			}
		}
	arr_end(fps);
	return any;
}

static void
supp_apply(PGresult *r, struct store_item **items, size_t n)
{
	size_t i, k, e;
	int row;

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
}

/*
 * Round trips and parsing.  A round is at most two round trips: BEGIN
 * with the suppression lookup, then the batch statement with COMMIT, each
 * pair sent at once in libpq pipeline mode (a batch without fingerprints
 * or amendments sends BEGIN, statement and COMMIT together).  The two
 * statements are prepared once per connection, in the first pipeline that
 * uses them, so PostgreSQL does not parse and plan the batch statement
 * again for every batch: that was a fifth of its CPU per declaration.
 * Which connection holds them is remembered per thread (a database worker
 * keeps one connection), by libpq handle and server process, so a new
 * connection prepares them again.
 */
#define SUPP_STMT	"cordon_suppressions_1"
#define STORE_STMT	"cordon_store_batch_1"

static __thread PGconn	*prepared_conn;
static __thread int	 prepared_pid;
/*
 * Which of the two this connection holds: each is noted on its own, since
 * a PREPARE outlives the transaction it was sent in, so one can succeed
 * while the other fails (a lock or a deadlock while the batch statement is
 * analysed) and must not be sent again.
 */
#define PREP_SUPP	1
#define PREP_STORE	2
static __thread unsigned prepared_mask;

/* Which of the two statements connection <c> already holds. */
static unsigned
prepared(PGconn *c)
{
	if (prepared_conn != c || prepared_pid != PQbackendPID(c))
		return 0;
	return prepared_mask;
}

/* One command of a pipeline: a named statement, or plain SQL (np 0). */
struct pipe_cmd {
	const char		*sql;		/* plain SQL, or NULL */
	const char		*stmt;		/* prepared statement name */
	const char		*prepare;	/* with this: prepare <stmt> */
	int			 np;
	const Oid		*types;		/* with <prepare> */
	const char *const	*p;
	const int		*lens;		/* binary parameters */
	const int		*fmts;
	PGresult		*res;		/* out: its result */
};

/*
 * Sends <n> commands and one sync in a single flush, then reads each
 * command's result.  Returns 0 if every result was read and the sync came
 * back, -1 if the connection failed (res of the unread ones NULL).  A
 * command after a failed one answers PGRES_PIPELINE_ABORTED.
 */
static int
pipe_run(PGconn *c, struct pipe_cmd *cmd, int n, int *sent)
{
	PGresult *r;
	int k, ok, nulls;

	*sent = 0;
	for (k = 0; k < n; k++)
		cmd[k].res = NULL;
	if (PQenterPipelineMode(c) != 1)
		return -1;
	for (k = 0; k < n; k++) {
		if (cmd[k].prepare != NULL)
			ok = PQsendPrepare(c, cmd[k].stmt, cmd[k].prepare,
			    cmd[k].np, cmd[k].types);
		else if (cmd[k].stmt != NULL)
			ok = PQsendQueryPrepared(c, cmd[k].stmt, cmd[k].np,
			    cmd[k].p, cmd[k].lens, cmd[k].fmts, 0);
		else
			ok = PQsendQueryParams(c, cmd[k].sql, 0, NULL, NULL,
			    NULL, NULL, 0);
		if (ok != 1)
			break;
	}
	if (k < n || PQpipelineSync(c) != 1) {
		if (k > 0)
			*sent = 1;	/* something may have gone out */
		if (PQstatus(c) != CONNECTION_BAD)
			PQexitPipelineMode(c);
		return -1;
	}
	*sent = 1;
	/*
	 * Each command's result (each followed by NULL; after a failed one
	 * PGRES_PIPELINE_ABORTED), then the sync.  More NULLs than commands
	 * would mean nothing is left to read: stop rather than spin.
	 */
	for (k = 0, nulls = 0;;) {
		if ((r = PQgetResult(c)) == NULL) {
			if (PQstatus(c) == CONNECTION_BAD)
				return -1;
			if (++nulls > 2 * n + 2) {
				PQexitPipelineMode(c);
				return -1;
			}
			continue;
		}
		if (PQresultStatus(r) == PGRES_PIPELINE_SYNC) {
			PQclear(r);
			break;
		}
		if (k < n)
			cmd[k++].res = r;
		else
			PQclear(r);
	}
	PQexitPipelineMode(c);
	return 0;
}

static void
pipe_clear(struct pipe_cmd *cmd, int n)
{
	int k;

	for (k = 0; k < n; k++) {
		PQclear(cmd[k].res);
		cmd[k].res = NULL;
	}
}

/* True if every command of <cmd> succeeded. */
static bool
pipe_ok(const struct pipe_cmd *cmd, int n)
{
	int k;

	for (k = 0; k < n; k++)
		if (cmd[k].res == NULL ||
		    (PQresultStatus(cmd[k].res) != PGRES_COMMAND_OK &&
		    PQresultStatus(cmd[k].res) != PGRES_TUPLES_OK))
			return false;
	return true;
}

/*
 * The first failed command's result (for the error message), or NULL.  A
 * server that no longer knows the prepared statements (a pooler or
 * DISCARD ALL dropped them) gets them prepared again next time.
 */
static PGresult *
pipe_failed(struct pipe_cmd *cmd, int n)
{
	const char *state;
	int k;

	for (k = 0; k < n; k++)
		if (cmd[k].res != NULL &&
		    PQresultStatus(cmd[k].res) != PGRES_COMMAND_OK &&
		    PQresultStatus(cmd[k].res) != PGRES_TUPLES_OK &&
		    PQresultStatus(cmd[k].res) != PGRES_PIPELINE_ABORTED) {
			PGresult *r = cmd[k].res;

			state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
			if (state != NULL && strcmp(state, "26000") == 0)
				prepared_mask = 0;
			cmd[k].res = NULL;
			return r;
		}
	return NULL;
}

static const char store_sql[] =
    "WITH d AS ("
    " SELECT * FROM unnest($1::int[], $2::uuid[], $3::text[], $4::text[],"
    "  $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],"
    "  $27::int[], $28::uuid[], $29::text[], $30::text[], $31::text[],"
    "  $33::int[], $34::text[], $35::text[])"
    " AS t(ord, id, submitter, reference, body_hash, type, body, result,"
    "  verdict, list_version, version, supersedes, function, body_type,"
    "  raw, nalerts, search_text, search_keys)),"
    /* The key rows first (schemas/0015_commit_keys.sql: through a
     * function, so that declaration_keys is locked after the tables
     * below): a declaration row goes in only when its key did, as 0014's
     * trigger decided. */
    " k AS (SELECT id FROM cordon_declaration_keys_add($2::uuid[],"
    "  $3::text[], $4::text[], $27::int[]) AS id),"
    " ins AS ("
    " INSERT INTO declarations (id, submitter, reference, body_hash, type,"
    "  body, result, verdict, list_version, version, supersedes, function,"
    "  body_type, raw_body, alerted, search_text, search_keys)"
    " SELECT id, submitter, reference, body_hash, type, body::jsonb,"
    "  result::jsonb, verdict, list_version, version, supersedes, function,"
    "  body_type, decode(raw, 'hex'), nalerts > 0, search_text,"
    "  search_keys::tsvector"
    " FROM d WHERE d.id IN (SELECT id FROM k)"
    " ORDER BY ord RETURNING id, result),"
    " it AS ("
    " INSERT INTO items (declaration_id, seq, hs_code, description)"
    " SELECT i.did, i.seq, i.hs, i.descr FROM unnest($11::uuid[], $12::int[],"
    "  $13::text[], $14::text[]) AS i(did, seq, hs, descr)"
    " WHERE i.did IN (SELECT id FROM ins)),"
    " al AS ("
    " INSERT INTO alerts (id, declaration_id, item_seq, severity, score,"
    "  category, list_version, hits, status, fingerprint, entries,"
    "  suppression_id, previous_alert_id, claimed_by, claimed_at)"
    /* An alert's hits are its part of the declaration's result, taken
     * from the jsonb the row was just given rather than parsed again from
     * text (jsonb input was a seventh of the backends' CPU). */
    " SELECT a.id, a.did, a.seq, a.sev, a.score, a.cat, a.lv,"
    "  ins.result->'alerts'->a.nth->'hits',"
    "  a.status, a.fp, coalesce(string_to_array(a.ents, E'\\n'), '{}'),"
    "  a.sid, o.id, CASE WHEN a.status = 'claimed' THEN o.claimed_by END,"
    "  CASE WHEN a.status = 'claimed' THEN o.claimed_at END"
    "  FROM unnest($15::uuid[], $16::uuid[], $17::int[], $18::text[],"
    "  $19::int[], $20::text[], $21::text[], $22::int[], $23::text[],"
    "  $24::text[], $25::text[], $26::bigint[], $32::uuid[]) AS a(id, did,"
    "  seq, sev, score, cat, lv, nth, status, fp, ents, sid, prev)"
    "  JOIN ins ON ins.id = a.did"
    /* Reads of the partitioned tables go through functions with kept
     * plans (schemas/0014_partitions.sql). */
    "  LEFT JOIN LATERAL cordon_alert_claim(a.prev) o ON true"
    " RETURNING id, declaration_id, created_at),"
    " ak AS ("
    " INSERT INTO alert_keys (id, declaration_id, created_at)"
    " SELECT id, declaration_id, created_at FROM al),"
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

/*
 * $27..$32: the version columns (store_amend.c); $33: how many alerts the
 * declaration has (declarations.alerted, schemas/0015_commit_keys.sql);
 * $34: the queue's search text (schemas/0017_search_text.sql); $35: its
 * keys as tsvector text (schemas/0019_search_keys.sql).  $22 is an
 * alert's place in its declaration's result ("alerts", from 0).
 */
enum { NCOLS = 35 };

/*
 * Each column's type as the statement is prepared ($1 is col_type[0]):
 * int4[], int8[] or text[] (uuid[] columns go as text[]).
 */
#define I4	OID_INT4_ARRAY
#define I8	OID_INT8_ARRAY
#define TX	OID_TEXT_ARRAY
static const Oid col_type[NCOLS] = {
	I4, TX, TX, TX, TX, TX, TX, TX, TX, TX, TX, I4, TX, TX, TX, TX,
	I4, TX, I4, TX, TX, I4, TX, TX, TX, I8, I4, TX, TX, TX, TX, TX,
	I4, TX, TX
};
#undef I4
#undef I8
#undef TX
static const Oid supp_types[1] = { OID_TEXT_ARRAY };
static const int binary_fmts[NCOLS] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1
};

/* The element type of an array type of col_type. */
static uint32_t
elem_type(Oid t)
{
	return t == OID_INT4_ARRAY ? OID_INT4 : t == OID_INT8_ARRAY ?
	    OID_INT8 : OID_TEXT;
}

/*
 * Appends the values of <key> of the objects in <body>'s array <arr>,
 * joined by spaces, as string_agg(x->>key, ' ') over
 * jsonb_array_elements() does: elements that are not objects, and missing
 * or null values, give nothing.  False on a value that is neither a string
 * nor null.
 */
static bool
search_group(struct buf *b, const json_t *body, const char *arr,
    const char *key)
{
	const json_t *a = json_object_get(body, arr), *e, *v;
	bool first = true;
	size_t i;

	if (!json_is_array(a))
		return true;
	for (i = 0; i < json_array_size(a); i++) {
		e = json_array_get(a, i);
		if (!json_is_object(e))
			continue;
		v = json_object_get(e, key);
		if (v == NULL || json_is_null(v))
			continue;
		if (!json_is_string(v))
			return false;
		if (!first)
			buf_addc(b, ' ');
		buf_add(b, json_string_value(v), json_string_length(v));
		first = false;
	}
	return true;
}

bool
store_search_text(struct buf *b, const char *reference, const json_t *body)
{
	size_t len0 = b->len;

	if (reference == NULL)
		return false;
	buf_adds(b, reference);
	buf_addc(b, ' ');
	if (!search_group(b, body, "items", "description"))
		goto other;
	buf_addc(b, ' ');
	if (!search_group(b, body, "parties", "name"))
		goto other;
	return true;
other:
	b->len = len0;
	return false;
}

/*
 * Appends to <col> the search keys of the search text in <text>, NULL for
 * no text or keys beyond STORE_KEYS_MAX; <keys> is scratch.
 */
static void
search_keys(struct pgarr *col, const struct buf *text, struct buf *keys)
{
	buf_reset(keys);
	if (text != NULL && store_search_keys(keys, text->data ? text->data :
	    "", text->len))
		arr_addn(col, keys->data ? keys->data : "", keys->len);
	else
		arr_addnull(col);
}

/* Fills the column arrays of <items> (those still pending). */
static void
batch_arrays(struct store_item **items, size_t n, struct pgarr *col)
{
	struct buf text, ents, keys;
	size_t i, k;

	buf_init(&text);
	buf_init(&ents);
	buf_init(&keys);
	for (k = 0; k < NCOLS; k++)
		arr_init(&col[k], elem_type(col_type[k]));
	for (i = 0; i < n; i++) {
		struct store_item *it = items[i];
		struct screen_result *r = it->result;
		const struct decl *d = it->decl;

		if (it->outcome != STORE_PENDING || it->deferred)
			continue;
		/* The result as answered, made once: the stored text. */
		buf_reset(&text);
		result_write(&text, r, true, NULL);
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
			static const char digits[] = "0123456789abcdef";

			buf_reset(&ents);
			for (k = 0; k < it->raw_len; k++) {
				buf_addc(&ents, digits[(unsigned char)it->raw[k] >> 4]);
				buf_addc(&ents, digits[(unsigned char)it->raw[k] & 0xf]);
			}
			arr_addn(&col[30], ents.data ? ents.data : "", ents.len);
		} else
			arr_addnull(&col[30]);
		arr_addi(&col[32], (long long)r->nalerts);
		buf_reset(&ents);
		if (store_search_text(&ents, r->reference, d->raw)) {
			arr_addn(&col[33], ents.data ? ents.data : "",
			    ents.len);
			/* Its keys (schemas/0019_search_keys.sql), only for
			 * a declaration the queue can show: the index holds
			 * only alerted rows, and a row without keys that
			 * re-screening alerts later is in the trigram one. */
			search_keys(&col[34], r->nalerts > 0 ? &ents : NULL,
			    &keys);
		} else {
			arr_addnull(&col[33]);
			arr_addnull(&col[34]);
		}
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
			arr_addi(&col[21], (long long)k);
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
	buf_free(&keys);
}

/* A rolled-back round cancelled or recorded nothing: pending again. */
static void
undo_cancelled(struct store_item **items, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (items[i]->outcome == STORE_CANCELLED ||
		    items[i]->outcome == STORE_RECORDED)
			items[i]->outcome = STORE_PENDING;
}

/*
 * Adds the PREPAREs this connection lacks to <cmd> at <k>; returns the new
 * count.
 */
static int
add_prepares(PGconn *c, struct pipe_cmd *cmd, int k)
{
	unsigned have = prepared(c);

	if (!(have & PREP_SUPP)) {
		memset(&cmd[k], 0, sizeof(*cmd));
		cmd[k].stmt = SUPP_STMT;
		cmd[k].prepare = supp_sql;
		cmd[k].np = 1;
		cmd[k++].types = supp_types;
	}
	if (!(have & PREP_STORE)) {
		memset(&cmd[k], 0, sizeof(*cmd));
		cmd[k].stmt = STORE_STMT;
		cmd[k].prepare = store_sql;
		cmd[k].np = NCOLS;
		cmd[k++].types = col_type;
	}
	return k;
}

/*
 * After a pipeline that may have carried PREPAREs (from <k> to <n>): notes
 * each that succeeded.
 */
static void
note_prepares(PGconn *c, const struct pipe_cmd *cmd, int k, int n)
{
	unsigned have = prepared(c);

	for (; k < n; k++) {
		if (cmd[k].prepare == NULL || cmd[k].res == NULL ||
		    PQresultStatus(cmd[k].res) != PGRES_COMMAND_OK)
			continue;
		have |= cmd[k].prepare == supp_sql ? PREP_SUPP : PREP_STORE;
	}
	prepared_conn = c;
	prepared_pid = PQbackendPID(c);
	prepared_mask = have;
}

/*
 * True if a pending item of <items> amends or cancels, or is an original
 * sent again as a possible late one (store_amend.c).
 */
static bool
any_versioned(struct store_item **items, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (items[i]->outcome == STORE_PENDING &&
		    (items[i]->decl->function != DECL_FUNCTION_ORIGINAL ||
		    items[i]->late_original))
			return true;
	return false;
}

/*
 * Step 1 of a round: BEGIN and the suppression lookup in one round trip,
 * when the batch has fingerprints to look up or versions to read (else
 * BEGIN goes out with the statement).  Sets *<begun>.
 */
static int
round_begin(PGconn *c, struct store_item **items, size_t n, bool *begun,
    char **errp)
{
	struct pgarr fps;
	struct pipe_cmd cmd[4];
	const char *fp[1];
	int fplen[1], ncmd = 0, prep, sent, rc;
	bool lookup;
	PGresult *r;

	*begun = false;
	lookup = supp_fingerprints(items, n, &fps);
	if (!lookup && !any_versioned(items, n)) {
		buf_free(&fps.b);
		return 0;
	}
	memset(cmd, 0, sizeof(cmd));
	cmd[ncmd++].sql = "BEGIN";
	prep = ncmd;
	ncmd = add_prepares(c, cmd, ncmd);
	if (lookup) {
		fp[0] = fps.b.data;
		fplen[0] = arr_len(&fps);
		cmd[ncmd].stmt = SUPP_STMT;
		cmd[ncmd].np = 1;
		cmd[ncmd].lens = fplen;
		cmd[ncmd].fmts = binary_fmts;
		cmd[ncmd++].p = fp;
	}
	rc = pipe_run(c, cmd, ncmd, &sent);
	buf_free(&fps.b);
	note_prepares(c, cmd, prep, ncmd);
	if (rc == -1 || !pipe_ok(cmd, ncmd)) {
		r = pipe_failed(cmd, ncmd);
		pipe_clear(cmd, ncmd);
		store_fail(c, r, errp, "store");
		return -1;
	}
	if (lookup)
		supp_apply(cmd[ncmd - 1].res, items, n);
	pipe_clear(cmd, ncmd);
	*begun = true;
	return 0;
}

/*
 * Step 3: what the batch statement answered, one row per pending item:
 * created, or the stored version it replays or conflicts with.  An item
 * without an answer stays pending.
 */
static void
round_outcomes(PGresult *r, struct store_item **items, size_t n)
{
	struct store_item *it;
	size_t i;
	int row;

	for (row = 0; row < PQntuples(r); row++) {
		i = (size_t)atoll(PQgetvalue(r, row, 0));
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
}

/*
 * The batch statement's transaction-local settings.  cordon.keys_written
 * tells 0015's triggers that the statement writes the key rows itself.
 * plan_cache_mode: the statement reads no partitioned table directly (the
 * reads go through functions with kept plans), so a custom plan gains
 * nothing, and with the key function PostgreSQL's plan cache kept
 * choosing custom plans, planning the statement again at every batch
 * (0.4-0.5 ms a bind; 0013 measured that at a fifth of the backend's CPU
 * per declaration).
 */
static const char round_settings[] =
    "SELECT set_config('cordon.keys_written', 'on', true),"
    " set_config('plan_cache_mode', 'force_generic_plan', true)";

/*
 * Step 2: the batch statement and COMMIT in one round trip (after BEGIN
 * when step 1 did not begin), the settings above first; COMMIT follows
 * the statement at once, so nothing else runs under them.  When the
 * pipeline fails after it went out, COMMIT may have reached the server:
 * the items become unknown unless the connection still answers (then the
 * transaction is known to be open, and is rolled back).
 */
static int
round_store(PGconn *c, struct store_item **items, size_t n, bool begun,
    char **errp)
{
	struct pgarr col[NCOLS];
	struct pipe_cmd cmd[6];
	const char *p[NCOLS];
	int len[NCOLS], ncmd = 0, nstore, prep, sent, rc;
	PGresult *r;
	size_t k;

	batch_arrays(items, n, col);
	for (k = 0; k < NCOLS; k++) {
		p[k] = arr_end(&col[k]);
		len[k] = arr_len(&col[k]);
	}
	memset(cmd, 0, sizeof(cmd));
	if (!begun)
		cmd[ncmd++].sql = "BEGIN";
	prep = ncmd;
	ncmd = add_prepares(c, cmd, ncmd);
	cmd[ncmd++].sql = round_settings;
	nstore = ncmd;
	cmd[ncmd].stmt = STORE_STMT;
	cmd[ncmd].np = NCOLS;
	cmd[ncmd].lens = len;
	cmd[ncmd].fmts = binary_fmts;
	cmd[ncmd++].p = p;
	cmd[ncmd++].sql = "COMMIT";
	rc = pipe_run(c, cmd, ncmd, &sent);
	for (k = 0; k < NCOLS; k++)
		buf_free(&col[k].b);
	note_prepares(c, cmd, prep, ncmd);
	if (rc == -1 || !pipe_ok(cmd, ncmd)) {
		undo_cancelled(items, n);
		if (sent && !store_ok(c))
			for (k = 0; k < n; k++)
				if (items[k]->outcome == STORE_PENDING)
					items[k]->outcome = STORE_UNKNOWN;
		r = pipe_failed(cmd, ncmd);
		pipe_clear(cmd, ncmd);
		store_fail(c, r, errp, "store");
		return -1;
	}
	round_outcomes(cmd[nstore].res, items, n);
	pipe_clear(cmd, ncmd);
	return 0;
}

/*
 * One round: the pending items of <items>, in one transaction: BEGIN and
 * the suppression lookup (step 1), the versions an amendment or a
 * cancellation needs (store_amend.c), the batch statement with COMMIT
 * (step 2) and its answers (step 3).  Items the statement could not
 * decide (a duplicate reference within the batch, or a row another
 * transaction committed after this statement began) stay pending for the
 * next round.
 */
static int
store_round(PGconn *c, struct store_item **items, size_t n, char **errp)
{
	PGresult *r;
	bool begun;

	if (round_begin(c, items, n, &begun, errp) == -1 ||
	    /* Every round: it resets each item's version state; it queries
	     * (in the transaction begun above) only when a message amends or
	     * cancels. */
	    store_amend_prepare(c, items, n, errp) == -1 ||
	    round_store(c, items, n, begun, errp) == -1) {
		undo_cancelled(items, n);
		if (store_ok(c)) {
			r = PQexec(c, "ROLLBACK");
			PQclear(r);
		}
		return -1;
	}
	return 0;
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
	int len[1];
	PGresult *r;
	size_t i;
	int row;

	*errp = NULL;
	arr_init(&ids, OID_TEXT);
	for (i = 0; i < n; i++)
		arr_add(&ids, items[i]->result->id);
	p[0] = arr_end(&ids);
	len[0] = arr_len(&ids);
	r = PQexecParams(c, "SELECT id FROM declaration_keys WHERE id = "
	    "ANY($1::uuid[])", 1, supp_types, p, len, binary_fmts, 0);
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
