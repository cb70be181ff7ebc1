/*
 * Amendments and cancellations in the batch store: inside the batch's
 * transaction, before its INSERT, decide what each amendment or
 * cancellation of the batch comes to (replay, refused because cancelled,
 * applied, a header-only amendment that needs the goods of the stored
 * version, or the first news of a reference: an amendment stored as the
 * first version, a cancellation recorded; and an original that came after
 * such a first version, stored as version 0), supersede or cancel the stored
 * versions, close their open alerts, and pair the new version's alerts
 * with the old ones.  Set-based like the batch: a fixed number of
 * statements whatever the number of messages, and none at all for a batch
 * of originals.  The new version's rows are written by the batch INSERT
 * (store_decl.c); a recorded cancellation's row by its own INSERT here.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libpq-fe.h>

#include "result.h"
#include "store.h"
#include "store_amend.h"
#include "store_int.h"
#include "words.h"
#include "xmalloc.h"

/* Finding kinds of this file (README, openapi.json). */
#define FINDING_UNSEEN		"earlier_version_not_received"
#define FINDING_NO_GOODS	"no_goods_screened"
#define FINDING_LATE		"later_version_received_first"

/* A PostgreSQL text array literal, one element at a time. */
static void
arr_begin(struct buf *b)
{
	buf_init(b);
	buf_addc(b, '{');
}

static void
arr_elem(struct buf *b, const char *s)
{
	if (b->len > 1)
		buf_addc(b, ',');
	buf_addc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			buf_addc(b, '\\');
		buf_addc(b, *s);
	}
	buf_addc(b, '"');
}

static void
arr_int(struct buf *b, long long v)
{
	if (b->len > 1)
		buf_addc(b, ',');
	buf_printf(b, "%lld", v);
}

static const char *
arr_finish(struct buf *b)
{
	buf_addc(b, '}');
	return b->data;
}

/* True if <it> is decided here: an amendment, a cancellation, or an
 * original sent again as a possible late original. */
static bool
is_versioned(const struct store_item *it)
{
	return it->outcome == STORE_PENDING &&
	    (it->decl->function != DECL_FUNCTION_ORIGINAL || it->late_original);
}

/*
 * The latest version of each message's reference and an earlier message
 * with the same bytes (a replay), with the alerts of that latest version.
 * For a header-only message, the body whose goods it takes, and which
 * version's goods they are: the latest version's, or, when that version
 * has none (an amendment of header data was its first news) and the late
 * original (version 0) has some, the original's (with its type when the
 * latest version states none).
 */
static const char look_sql[] =
    "WITH d AS (SELECT * FROM unnest($1::int[], $2::text[], $3::text[],"
    "  $4::text[], $5::bool[]) AS t(ord, submitter, reference, body_hash,"
    "  header))"
    " SELECT d.ord, cur.id, cur.version, cur.state, rep.id, rep.result,"
    "  rep.cancel, (SELECT coalesce(jsonb_agg(jsonb_build_object('id', a.id,"
    "  'fp', coalesce(a.fingerprint, ''), 'entries', a.entries, 'item',"
    "  a.item_seq IS NOT NULL, 'category', a.category, 'status', a.status)"
    "  ORDER BY a.id), '[]'::jsonb) FROM alerts a"
    "  WHERE a.declaration_id = cur.id), CASE WHEN d.header THEN"
    "  CASE WHEN g.id IS NULL THEN cur.body ELSE jsonb_set(cur.body,"
    "  '{items}', g.body->'items') || CASE WHEN cur.body ? 'type' THEN"
    "  '{}'::jsonb ELSE jsonb_build_object('type', g.body->'type') END"
    "  END END,"
    "  cur.type, coalesce(g.id, cur.id), coalesce(g.version, cur.version)"
    " FROM d LEFT JOIN LATERAL (SELECT x.id, x.version, x.state, x.body,"
    "  x.type"
    "  FROM declarations x WHERE x.submitter = d.submitter"
    "  AND x.reference = d.reference ORDER BY x.version DESC LIMIT 1) cur"
    "  ON true"
    " LEFT JOIN LATERAL (SELECT v.id, v.version, v.body FROM declarations v"
    "  WHERE d.header AND cur.version > 0 AND v.submitter = d.submitter"
    "  AND v.reference = d.reference AND v.version = 0"
    "  AND jsonb_typeof(v.body->'items') = 'array'"
    "  AND jsonb_array_length(v.body->'items') > 0"
    "  AND CASE jsonb_typeof(cur.body->'items') WHEN 'array' THEN"
    "  jsonb_array_length(cur.body->'items') = 0 ELSE true END) g ON true"
    " LEFT JOIN LATERAL (SELECT x.id, x.result,"
    "  x.cancel_hash IS NOT DISTINCT FROM d.body_hash AS cancel"
    "  FROM declarations x WHERE x.submitter = d.submitter"
    "  AND x.reference = d.reference AND (x.body_hash = d.body_hash"
    "  OR x.cancel_hash = d.body_hash) ORDER BY x.version DESC LIMIT 1) rep"
    "  ON true";

/*
 * Supersede ($1 old, $2 new) and cancel ($3 id, $4 hash, $5 type, $6 body
 * in hex); close their open and claimed alerts, and on a cancellation
 * those of the reference's late original (version 0, found in the small
 * key table), which stay open until then.  Each applied row with the
 * alerts it closed.
 */
static const char apply_sql[] =
    "WITH s AS (UPDATE declarations x SET state = 'superseded',"
    "  superseded_by = a.new FROM unnest($1::uuid[], $2::uuid[]) AS a(old, new)"
    "  WHERE x.id = a.old RETURNING x.id, a.new AS by),"
    " c AS (UPDATE declarations x SET state = 'cancelled', cancelled_at ="
    "  now(), cancel_hash = k.h, cancel_type = k.t, cancel_body ="
    "  decode(k.b, 'hex') FROM unnest($3::uuid[], $4::text[], $5::text[],"
    "  $6::text[]) AS k(id, h, t, b) WHERE x.id = k.id RETURNING x.id,"
    "  x.id AS by, x.submitter, x.reference),"
    " v0 AS (SELECT k.id, c.by FROM c JOIN declaration_keys k ON"
    "  k.submitter = c.submitter AND k.reference = c.reference AND"
    "  k.version = 0 AND k.id <> c.id),"
    " closed AS (UPDATE alerts al SET status = 'auto_closed', closed_reason ="
    "  CASE WHEN z.why = 's' THEN 'superseded' ELSE 'cancelled' END,"
    "  closed_by = z.by, closed_at = now()"
    "  FROM (SELECT id, by, 's' AS why FROM s UNION ALL"
    "  SELECT id, by, 'c' FROM c UNION ALL SELECT id, by, 'c' FROM v0) z"
    "  WHERE al.declaration_id = z.id AND al.status IN ('open', 'claimed')"
    "  RETURNING al.id, al.declaration_id, al.closed_by)"
    " SELECT z.id, (SELECT coalesce(jsonb_agg(closed.id ORDER BY closed.id),"
    "  '[]'::jsonb) FROM closed WHERE closed.declaration_id = z.id OR"
    "  (closed.closed_by = z.id AND closed.declaration_id IN"
    "  (SELECT id FROM v0)))"
    " FROM (SELECT id FROM s UNION ALL SELECT id FROM c) z";

/* What a cancellation answers: the declaration's state and its alerts. */
static const char state_sql[] =
    "SELECT d.id, jsonb_build_object('id', d.id, 'reference', d.reference,"
    " 'state', d.state, 'function', 'cancellation', 'version', d.version,"
    " 'cancelled_at', d.cancelled_at, 'verdict', d.verdict, 'list_version',"
    " d.list_version, 'alerts', (SELECT coalesce(jsonb_agg(jsonb_build_object("
    " 'id', a.id, 'item_seq', a.item_seq, 'status', a.status,"
    " 'closed_reason', a.closed_reason) ORDER BY a.id), '[]'::jsonb)"
    " FROM alerts a WHERE a.declaration_id = d.id))"
    /* A recorded cancellation (its own row) says why it is one. */
    " || CASE WHEN d.function = 'cancellation' THEN jsonb_build_object("
    " 'findings', d.result->'findings') ELSE '{}'::jsonb END"
    " FROM declarations d WHERE d.id = ANY($1::uuid[])";

/*
 * A cancellation of a reference never stored, recorded as a cancelled
 * first version: $1 id, $2 submitter, $3 reference, $4 hash, $5 body,
 * $6 result, $7 list version, $8 body type, $9 body in hex.
 */
static const char record_sql[] =
    "INSERT INTO declarations (id, submitter, reference, body_hash, type,"
    " body, result, verdict, list_version, version, function, state,"
    " body_type, raw_body, cancelled_at, cancel_hash, cancel_type,"
    " cancel_body)"
    " SELECT k.id, k.s, k.r, k.h, coalesce(k.b::jsonb->>'type', ''),"
    "  k.b::jsonb, k.res::jsonb, 'clear', k.lv, 1, 'cancellation',"
    "  'cancelled', k.t, decode(k.raw, 'hex'), now(), k.h, k.t,"
    "  decode(k.raw, 'hex')"
    " FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[],"
    "  $6::text[], $7::text[], $8::text[], $9::text[])"
    "  AS k(id, s, r, h, b, res, lv, t, raw)";

/*
 * The first stored version of each possible late original's reference
 * ($1 batch index, $2 submitter, $3 reference), its id, number and
 * function, and the latest version's id and state.
 */
static const char late_sql[] =
    "SELECT d.ord, f.id, f.version, f.function, l.id, l.state"
    " FROM unnest($1::int[], $2::text[], $3::text[]) AS d(ord, s, r)"
    " LEFT JOIN LATERAL (SELECT x.id, x.version, x.function"
    "  FROM declarations x WHERE x.submitter = d.s AND x.reference = d.r"
    "  ORDER BY x.version LIMIT 1) f ON true"
    " LEFT JOIN LATERAL (SELECT x.id, x.state"
    "  FROM declarations x WHERE x.submitter = d.s AND x.reference = d.r"
    "  ORDER BY x.version DESC LIMIT 1) l ON true";

/*
 * Adds a finding to <r> (storage's own: what only the stored versions
 * tell), once.
 */
static void
add_finding(struct screen_result *r, const char *field, const char *kind,
    const char *message)
{
	size_t i;

	for (i = 0; i < r->nfindings; i++)
		if (r->findings[i].kind != NULL &&
		    strcmp(r->findings[i].kind, kind) == 0)
			return;
	screen_finding_add(r, SCREEN_NONE, field, kind, NULL, message);
}

/* Takes storage's findings off <r> again: each round decides afresh. */
static void
drop_findings(struct screen_result *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->nfindings; i++) {
		struct screen_finding *f = &r->findings[i];

		if (f->kind != NULL && (strcmp(f->kind, FINDING_UNSEEN) == 0 ||
		    strcmp(f->kind, FINDING_NO_GOODS) == 0 ||
		    strcmp(f->kind, FINDING_LATE) == 0)) {
			free(f->field);
			free(f->kind);
			free(f->value);
			free(f->message);
			continue;
		}
		r->findings[n++] = *f;
	}
	r->nfindings = n;
}

/*
 * True if a message of the batch before <k> amends or cancels <k>'s
 * reference and is not put off to a later round.
 */
static bool
earlier_on_reference(struct store_item **items, size_t k)
{
	size_t j;

	for (j = 0; j < k; j++)
		if (items[j]->decl->function != DECL_FUNCTION_ORIGINAL &&
		    !items[j]->deferred &&
		    (items[j]->outcome == STORE_PENDING ||
		    items[j]->outcome == STORE_RECORDED) &&
		    strcmp(items[j]->submitter, items[k]->submitter) == 0 &&
		    strcmp(items[j]->decl->reference,
		    items[k]->decl->reference) == 0)
			return true;
	return false;
}

/* True if the JSON array of strings <a> holds exactly <alert>'s entries. */
static bool
same_entries(json_t *a, const struct screen_alert *al)
{
	size_t i;

	if (json_array_size(a) != al->nentries)
		return false;
	for (i = 0; i < al->nentries; i++)
		if (json_string_value(json_array_get(a, i)) == NULL ||
		    strcmp(json_string_value(json_array_get(a, i)),
		    al->entries[i]) != 0)
			return false;
	return true;
}

/*
 * Pairs each alert of <it>'s new version with an alert of the version it
 * supersedes (<old>, the JSON of look_sql): an item alert by fingerprint
 * and entries, a declaration alert (parties, route) by category and
 * entries.  A claim carries over: the officer keeps the goods they were
 * working on.  A decision does not: it was taken on the goods as declared
 * then, and the new alert shows it through its link.
 */
static void
pair_alerts(struct store_item *it, json_t *old)
{
	struct screen_result *r = it->result;
	bool *used = xcalloc(json_array_size(old) + 1, sizeof(*used));
	size_t k, o;

	it->prev_alert = xcalloc(r->nalerts + 1, sizeof(*it->prev_alert));
	for (k = 0; k < r->nalerts; k++) {
		struct screen_alert *a = &r->alerts[k];
		bool item = a->item_seq != SCREEN_NONE;

		for (o = 0; o < json_array_size(old); o++) {
			json_t *x = json_array_get(old, o);
			const char *id = json_string_value(json_object_get(x,
			    "id"));
			const char *st = json_string_value(json_object_get(x,
			    "status"));

			if (used[o] || id == NULL || st == NULL ||
			    json_is_true(json_object_get(x, "item")) != item)
				continue;
			if (item ? strcmp(json_string_value(json_object_get(x,
			    "fp")), a->fingerprint) != 0 : strcmp(
			    json_string_value(json_object_get(x, "category")),
			    rules_category_name(a->category)) != 0)
				continue;
			if (!same_entries(json_object_get(x, "entries"), a))
				continue;
			used[o] = true;
			snprintf(it->prev_alert[k], sizeof(it->prev_alert[k]),
			    "%s", id);
			if (strcmp(st, "claimed") == 0 && a->status == ALERT_OPEN)
				a->status = ALERT_CLAIMED;
			break;
		}
	}
	free(used);
}

/* Hex of <len> bytes of <s>, for a bytea column sent as text. */
static void
hex_elem(struct buf *b, const char *s, size_t len)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	if (b->len > 1)
		buf_addc(b, ',');
	buf_addc(b, '"');
	for (i = 0; i < len; i++) {
		buf_addc(b, digits[(unsigned char)s[i] >> 4]);
		buf_addc(b, digits[(unsigned char)s[i] & 0xf]);
	}
	buf_addc(b, '"');
}

/*
 * One audit row per applied amendment or cancellation, and per late
 * original (stored as version 0, superseded by <target>).
 */
static int
audit_applied(PGconn *c, struct store_item *it, const char *target,
    json_t *closed, char **errp)
{
	json_t *det;
	int rc;

	if (it->decl->function == DECL_FUNCTION_ORIGINAL) {
		det = json_pack("{s:s, s:s, s:i, s:s}", "reference",
		    it->decl->reference, "function", "original", "version",
		    it->version, "superseded_by", target);
		rc = store_audit_append(c, it->submitter,
		    "declaration_late_original", "declaration",
		    it->result->id, it->result->list_version, det, errp);
		json_decref(det);
		return rc;
	}
	det = json_pack("{s:s, s:s, s:o}", "reference", it->decl->reference,
	    "function", words_function(it->decl->function), "alerts_closed",
	    closed ? json_incref(closed) : json_array());
	if (it->decl->function == DECL_FUNCTION_AMENDMENT) {
		json_object_set_new(det, "supersedes", target[0] != '\0' ?
		    json_string(target) : json_null());
		json_object_set_new(det, "version", json_integer(it->version));
	}
	if (target[0] == '\0' || it->outcome == STORE_RECORDED)
		json_object_set_new(det, "earlier_version", json_string(
		    "not received"));
	rc = store_audit_append(c, it->submitter, it->decl->function ==
	    DECL_FUNCTION_AMENDMENT ? "declaration_amend" :
	    "declaration_cancel", "declaration", it->decl->function ==
	    DECL_FUNCTION_AMENDMENT || it->outcome == STORE_RECORDED ?
	    it->result->id : target,
	    it->result->list_version, det, errp);
	json_decref(det);
	return rc;
}

/*
 * Records the cancellations of references never stored (<rec>: indexes
 * into <items>) as cancelled first versions, in one INSERT, with a finding
 * each and an audit row; their state is answered with the others'.
 */
static int
record_cancellations(PGconn *c, struct store_item **items, const size_t *rec,
    size_t nrec, struct buf *states, char **errp)
{
	struct buf a[9], text;
	const char *p[9];
	size_t i, k;
	int rc = -1;

	for (k = 0; k < 9; k++)
		arr_begin(&a[k]);
	buf_init(&text);
	for (i = 0; i < nrec; i++) {
		struct store_item *it = items[rec[i]];

		add_finding(it->result, it->body_type ? "Declaration/"
		    "FunctionalReferenceID" : "reference", FINDING_UNSEEN,
		    "no declaration with this reference was received before "
		    "this cancellation: it is recorded as a cancelled first "
		    "version, and nothing was screened");
		buf_reset(&text);
		result_write(&text, it->result, true, NULL);
		arr_elem(&a[0], it->result->id);
		arr_elem(&a[1], it->submitter);
		arr_elem(&a[2], it->decl->reference);
		arr_elem(&a[3], it->body_hash);
		arr_elem(&a[4], it->body);
		arr_elem(&a[5], text.data);
		arr_elem(&a[6], it->result->list_version);
		arr_elem(&a[7], it->body_type ? it->body_type :
		    "application/json");
		hex_elem(&a[8], it->raw ? it->raw : it->body,
		    it->raw ? it->raw_len : it->body_len);
		arr_elem(states, it->result->id);
	}
	for (k = 0; k < 9; k++)
		p[k] = arr_finish(&a[k]);
	if (store_exec_ok(c, record_sql, 9, p, errp, "cancellations") == -1)
		goto done;
	for (i = 0; i < nrec; i++)
		if (audit_applied(c, items[rec[i]], items[rec[i]]->result->id,
		    NULL, errp) == -1)
			goto done;
	rc = 0;
done:
	for (k = 0; k < 9; k++)
		buf_free(&a[k]);
	buf_free(&text);
	return rc;
}

/*
 * The state one round of store_amend_prepare() shares between its steps:
 * the keys of the batch's amendments and cancellations, sent as arrays,
 * and what the look-up decided for them.
 */
struct amend_round {
	PGconn		 *c;
	struct store_item **items;
	size_t		  n;
	/* Keys of the versioned messages: batch index, submitter,
	 * reference, body hash, header-only flag. */
	struct buf	  ord, sub, ref, hash, hdr;
	/* Amendments applied: superseded id, superseding id. */
	struct buf	  sold, snew;
	/* Cancellations applied: target id, body hash, type, body (hex). */
	struct buf	  cid, chash, ctype, cbody;
	/* Declarations whose state a cancellation (or replay) answers with. */
	struct buf	  states;
	size_t		  napplied;	/* amendments and cancellations applied */
	size_t		 *rec;		/* cancellations to record as first news */
	size_t		  nrec;
	/* Originals sent again after a conflict, still to decide: batch
	 * index, submitter, reference. */
	struct buf	  lord, lsub, lref;
	size_t		  nlate;
};

static size_t	amend_reset(struct store_item **, size_t);
static void	amend_round_init(struct amend_round *, PGconn *,
		    struct store_item **, size_t);
static void	amend_round_free(struct amend_round *);
static int	amend_lock(struct amend_round *, char **);
static int	amend_look(struct amend_round *, char **);
static void	amend_decide(struct amend_round *, PGresult *, int);
static void	amend_replay(struct amend_round *, struct store_item *,
		    PGresult *, int);
static void	amend_first_news(struct amend_round *, size_t);
static void	amend_on_stored(struct amend_round *, size_t, PGresult *,
		    int);
static int	amend_late_look(struct amend_round *, char **);
static void	amend_late_decide(struct amend_round *, PGresult *, int);
static int	amend_apply(struct amend_round *, char **);
static int	amend_answer_states(struct amend_round *, char **);

/*
 * Clears what an earlier round decided for each message of the batch and
 * storage's findings of the versioned ones.  Returns how many messages are
 * amendments or cancellations still to decide.
 */
static size_t
amend_reset(struct store_item **items, size_t n)
{
	size_t i, any = 0;

	for (i = 0; i < n; i++) {
		struct store_item *it = items[i];

		it->deferred = false;
		it->version = 1;
		it->supersedes[0] = '\0';
		it->target_id[0] = '\0';
		free(it->prev_alert);
		it->prev_alert = NULL;
		if (is_versioned(it)) {
			drop_findings(it->result);
			any++;
		}
	}
	return any;
}

/* Starts a round: the key arrays of the versioned messages, finished. */
static void
amend_round_init(struct amend_round *ar, PGconn *c, struct store_item **items,
    size_t n)
{
	size_t i;

	memset(ar, 0, sizeof(*ar));
	ar->c = c;
	ar->items = items;
	ar->n = n;
	arr_begin(&ar->ord); arr_begin(&ar->sub); arr_begin(&ar->ref);
	arr_begin(&ar->hash); arr_begin(&ar->hdr); arr_begin(&ar->sold);
	arr_begin(&ar->snew); arr_begin(&ar->cid); arr_begin(&ar->chash);
	arr_begin(&ar->ctype); arr_begin(&ar->cbody); arr_begin(&ar->states);
	arr_begin(&ar->lord); arr_begin(&ar->lsub); arr_begin(&ar->lref);
	ar->rec = xcalloc(n, sizeof(*ar->rec));
	for (i = 0; i < n; i++)
		if (is_versioned(items[i])) {
			arr_int(&ar->ord, (long long)i);
			arr_elem(&ar->sub, items[i]->submitter);
			arr_elem(&ar->ref, items[i]->decl->reference);
			arr_elem(&ar->hash, items[i]->body_hash);
			arr_elem(&ar->hdr, items[i]->header_only ? "t" : "f");
		}
	arr_finish(&ar->ord);
	arr_finish(&ar->sub);
	arr_finish(&ar->ref);
	arr_finish(&ar->hash);
	arr_finish(&ar->hdr);
}

static void
amend_round_free(struct amend_round *ar)
{
	free(ar->rec);
	ar->rec = NULL;
	buf_free(&ar->ord); buf_free(&ar->sub); buf_free(&ar->ref);
	buf_free(&ar->hash); buf_free(&ar->hdr); buf_free(&ar->sold);
	buf_free(&ar->snew); buf_free(&ar->cid); buf_free(&ar->chash);
	buf_free(&ar->ctype); buf_free(&ar->cbody); buf_free(&ar->states);
	buf_free(&ar->lord); buf_free(&ar->lsub); buf_free(&ar->lref);
}

/*
 * Messages on one reference take turns: a transaction-scoped lock per
 * submitter + reference, taken in one order so that two batches never
 * wait on each other.  Originals do not take it: a unique index decides
 * between them.
 */
static int
amend_lock(struct amend_round *ar, char **errp)
{
	const char *p[2] = { ar->sub.data, ar->ref.data };
	PGresult *r;

	r = store_q(ar->c, "SELECT pg_advisory_xact_lock(k) FROM (SELECT"
	    " DISTINCT hashtextextended(s || E'\\n' || r, 8470) AS k FROM"
	    " unnest($1::text[], $2::text[]) AS u(s, r) ORDER BY 1) z", 2, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		store_fail(ar->c, r, errp, "amendments");
		return -1;
	}
	PQclear(r);
	return 0;
}

/*
 * Looks up the latest stored version of each message's reference (and an
 * earlier message with the same bytes) and decides, message by message,
 * what it comes to.
 */
static int
amend_look(struct amend_round *ar, char **errp)
{
	const char *p[5] = { ar->ord.data, ar->sub.data, ar->ref.data,
	    ar->hash.data, ar->hdr.data };
	PGresult *r;
	int row;

	r = store_q(ar->c, look_sql, 5, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		store_fail(ar->c, r, errp, "amendments");
		return -1;
	}
	for (row = 0; row < PQntuples(r); row++)
		amend_decide(ar, r, row);
	PQclear(r);
	return 0;
}

/*
 * Decides one row of look_sql: a replay, the first news of a reference,
 * a message on a cancelled declaration, or one on a stored version.
 */
static void
amend_decide(struct amend_round *ar, PGresult *r, int row)
{
	size_t k = (size_t)atoll(PQgetvalue(r, row, 0));
	struct store_item *it;

	if (k >= ar->n)
		return;
	it = ar->items[k];
	if (!PQgetisnull(r, row, 4)) {
		amend_replay(ar, it, r, row);
		return;
	}
	if (it->late_original) {
		/* Decided by amend_late_look(), after the messages of the
		 * batch that change the reference first. */
		if (earlier_on_reference(ar->items, k)) {
			it->deferred = true;
			return;
		}
		arr_int(&ar->lord, (long long)k);
		arr_elem(&ar->lsub, it->submitter);
		arr_elem(&ar->lref, it->decl->reference);
		ar->nlate++;
		return;
	}
	if (PQgetisnull(r, row, 1)) {
		amend_first_news(ar, k);
		return;
	}
	if (strcmp(PQgetvalue(r, row, 3), "cancelled") == 0) {
		it->outcome = STORE_CLOSED;
		snprintf(it->existing_id, sizeof(it->existing_id), "%s",
		    PQgetvalue(r, row, 1));
		return;
	}
	amend_on_stored(ar, k, r, row);
}

/* The same message again: answer as before. */
static void
amend_replay(struct amend_round *ar, struct store_item *it, PGresult *r,
    int row)
{
	it->outcome = STORE_REPLAY;
	snprintf(it->existing_id, sizeof(it->existing_id), "%s",
	    PQgetvalue(r, row, 4));
	free(it->stored);
	it->stored = NULL;
	if (strcmp(PQgetvalue(r, row, 6), "t") == 0)
		arr_elem(&ar->states, it->existing_id);
	else
		it->stored = xstrdup(PQgetvalue(r, row, 5));
}

/*
 * No version of message <k>'s reference is stored.  Its original may be in
 * this very batch, or an earlier message of the batch on the reference
 * goes first: then it waits for a later round.  Otherwise this is the
 * first news of the reference (the earlier messages were lost or went
 * elsewhere): a cancellation is recorded, an amendment is screened and
 * stored as the first version.
 */
static void
amend_first_news(struct amend_round *ar, size_t k)
{
	struct store_item **items = ar->items, *it = items[k];
	size_t j;

	for (j = 0; j < ar->n; j++)
		if (j != k && items[j]->outcome == STORE_PENDING &&
		    items[j]->decl->function == DECL_FUNCTION_ORIGINAL &&
		    strcmp(items[j]->submitter, it->submitter) == 0 &&
		    strcmp(items[j]->decl->reference,
		    it->decl->reference) == 0)
			break;
	if (j < ar->n || earlier_on_reference(items, k)) {
		it->deferred = true;
		return;
	}
	if (it->decl->function == DECL_FUNCTION_CANCELLATION) {
		it->outcome = STORE_RECORDED;
		ar->rec[ar->nrec++] = k;
		return;
	}
	add_finding(it->result, it->body_type ? "Declaration/"
	    "FunctionalReferenceID" : "reference",
	    FINDING_UNSEEN, "no earlier version of this "
	    "declaration was received: this amendment is "
	    "screened and stored as its first version");
	if (it->header_only)
		add_finding(it->result, it->body_type ?
		    "Declaration/GoodsShipment/"
		    "GovernmentAgencyGoodsItem" : "items",
		    FINDING_NO_GOODS, "an amendment of header "
		    "data only, and no earlier version holds "
		    "the goods: only the parties and the route "
		    "were screened");
	ar->napplied++;
}

/*
 * Message <k> amends or cancels the stored version in <row> (not
 * cancelled): it waits if an earlier message of the batch targets the
 * same version, it needs the stored goods if it is header-only and has
 * not merged them from this version, else it is applied.
 */
static void
amend_on_stored(struct amend_round *ar, size_t k, PGresult *r, int row)
{
	struct store_item *it = ar->items[k];
	const char *cur = PQgetvalue(r, row, 1);
	json_t *old;
	size_t j;

	/* Two messages of this batch on one reference: one per round. */
	for (j = 0; j < k; j++)
		if (strcmp(ar->items[j]->target_id, cur) == 0)
			break;
	if (j < k) {
		it->deferred = true;
		return;
	}
	if (it->header_only && strcmp(it->merge_base, cur) != 0) {
		/*
		 * The goods are the stored version's: the caller merges them
		 * and screens again.  Against another version than it merged
		 * (one came in between), the same.
		 */
		it->outcome = STORE_NEEDS_GOODS;
		snprintf(it->existing_id, sizeof(it->existing_id), "%s", cur);
		it->version = atoi(PQgetvalue(r, row, 2));
		free(it->stored);
		it->stored = xstrdup(PQgetvalue(r, row, 8));
		snprintf(it->goods_id, sizeof(it->goods_id), "%s",
		    PQgetvalue(r, row, 10));
		it->goods_version = atoi(PQgetvalue(r, row, 11));
		return;
	}
	snprintf(it->target_id, sizeof(it->target_id), "%s", cur);
	ar->napplied++;
	if (it->decl->function == DECL_FUNCTION_CANCELLATION) {
		arr_elem(&ar->cid, cur);
		arr_elem(&ar->chash, it->body_hash);
		arr_elem(&ar->ctype, it->body_type ? it->body_type :
		    "application/json");
		hex_elem(&ar->cbody, it->raw ? it->raw : it->body,
		    it->raw ? it->raw_len : it->body_len);
		arr_elem(&ar->states, cur);
		return;
	}
	it->version = atoi(PQgetvalue(r, row, 2)) + 1;
	snprintf(it->supersedes, sizeof(it->supersedes), "%s", cur);
	/* A WCO amendment (TypeCode COR) states no declaration type: it
	 * keeps the type of the version it amends. */
	if (it->result->type == NULL || it->result->type[0] == '\0') {
		free(it->result->type);
		it->result->type = xstrdup(PQgetvalue(r, row, 9));
	}
	arr_elem(&ar->sold, cur);
	arr_elem(&ar->snew, it->result->id);
	old = store_json_cell(r, row, 7);
	pair_alerts(it, old);
	json_decref(old);
}

/*
 * Decides the originals sent again after a conflict (ar->lord...): a late
 * original, or a conflict after all, or one on a cancelled declaration.
 */
static int
amend_late_look(struct amend_round *ar, char **errp)
{
	const char *p[3] = { arr_finish(&ar->lord), arr_finish(&ar->lsub),
	    arr_finish(&ar->lref) };
	PGresult *r;
	int row;

	r = store_q(ar->c, late_sql, 3, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		store_fail(ar->c, r, errp, "late originals");
		return -1;
	}
	for (row = 0; row < PQntuples(r); row++)
		amend_late_decide(ar, r, row);
	PQclear(r);
	return 0;
}

/*
 * One row of late_sql.  A late original becomes version 0, superseded by
 * version 1 (schemas/0016_late_original.sql sets both on its row), with a
 * finding that says so; the live version is not touched.  A conflict
 * keeps the id the first answer named.
 */
static void
amend_late_decide(struct amend_round *ar, PGresult *r, int row)
{
	size_t k = (size_t)atoll(PQgetvalue(r, row, 0));
	struct store_item *it;
	char msg[200];

	if (k >= ar->n)
		return;
	it = ar->items[k];
	switch (store_amend_late(PQgetisnull(r, row, 2) ? -1 :
	    atoi(PQgetvalue(r, row, 2)), PQgetvalue(r, row, 3),
	    PQgetvalue(r, row, 5))) {
	case STORE_LATE_CONFLICT:
		it->outcome = STORE_CONFLICT;
		return;
	case STORE_LATE_CLOSED:
		it->outcome = STORE_CLOSED;
		snprintf(it->existing_id, sizeof(it->existing_id), "%s",
		    PQgetvalue(r, row, 4));
		return;
	case STORE_LATE_STORE:
		break;
	}
	it->version = 0;
	snprintf(it->target_id, sizeof(it->target_id), "%s",
	    PQgetvalue(r, row, 1));
	snprintf(msg, sizeof(msg), "version 1 of this reference (%s) was "
	    "stored before this original arrived: the original is stored as "
	    "version 0, superseded by version 1", PQgetvalue(r, row, 3));
	add_finding(it->result, it->body_type ? "Declaration/"
	    "FunctionalReferenceID" : "reference", FINDING_LATE, msg);
	ar->napplied++;
}

/*
 * Supersedes and cancels the stored versions the round applies to, closes
 * their open alerts, and writes one audit row per applied message with the
 * alerts it closed.
 */
static int
amend_apply(struct amend_round *ar, char **errp)
{
	const char *p[6];
	PGresult *ra;
	size_t i;
	int row, rc = 0;

	p[0] = arr_finish(&ar->sold);
	p[1] = arr_finish(&ar->snew);
	p[2] = arr_finish(&ar->cid);
	p[3] = arr_finish(&ar->chash);
	p[4] = arr_finish(&ar->ctype);
	p[5] = arr_finish(&ar->cbody);
	ra = store_q(ar->c, apply_sql, 6, p);
	if (PQresultStatus(ra) != PGRES_TUPLES_OK) {
		store_fail(ar->c, ra, errp, "amendments");
		return -1;
	}
	for (i = 0; i < ar->n; i++) {
		struct store_item *it = ar->items[i];
		json_t *closed = NULL;

		if (!is_versioned(it) || it->deferred ||
		    (it->target_id[0] == '\0' && it->decl->function !=
		    DECL_FUNCTION_AMENDMENT))
			continue;
		for (row = 0; row < PQntuples(ra); row++)
			if (strcmp(PQgetvalue(ra, row, 0), it->target_id) == 0)
				closed = store_json_cell(ra, row, 1);
		rc = audit_applied(ar->c, it, it->target_id, closed, errp);
		json_decref(closed);
		if (rc == -1)
			break;
		if (it->decl->function == DECL_FUNCTION_CANCELLATION)
			it->outcome = STORE_CANCELLED;
	}
	PQclear(ra);
	return rc;
}

/* The state a cancellation (or its replay) answers with. */
static int
amend_answer_states(struct amend_round *ar, char **errp)
{
	const char *p[1];
	PGresult *r;
	size_t i;
	int row;

	p[0] = arr_finish(&ar->states);
	r = store_q(ar->c, state_sql, 1, p);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		store_fail(ar->c, r, errp, "amendments");
		return -1;
	}
	for (i = 0; i < ar->n; i++) {
		struct store_item *it = ar->items[i];
		const char *id = it->outcome == STORE_CANCELLED ?
		    it->target_id : it->outcome == STORE_RECORDED ?
		    it->result->id : it->existing_id;

		if (it->decl->function != DECL_FUNCTION_CANCELLATION ||
		    (it->outcome != STORE_CANCELLED &&
		    it->outcome != STORE_RECORDED &&
		    it->outcome != STORE_REPLAY))
			continue;
		for (row = 0; row < PQntuples(r); row++)
			if (strcmp(PQgetvalue(r, row, 0), id) == 0) {
				free(it->stored);
				it->stored = xstrdup(PQgetvalue(r, row, 1));
			}
	}
	PQclear(r);
	return 0;
}

int
store_amend_prepare(PGconn *c, struct store_item **items, size_t n,
    char **errp)
{
	struct amend_round ar;
	int rc = -1;

	if (amend_reset(items, n) == 0)
		return 0;
	amend_round_init(&ar, c, items, n);
	if (amend_lock(&ar, errp) == -1 || amend_look(&ar, errp) == -1)
		goto done;
	if (ar.nlate > 0 && amend_late_look(&ar, errp) == -1)
		goto done;
	if (ar.nrec > 0 && record_cancellations(c, items, ar.rec, ar.nrec,
	    &ar.states, errp) == -1)
		goto done;
	if (ar.napplied > 0 && amend_apply(&ar, errp) == -1)
		goto done;
	if (ar.states.len > 1 && amend_answer_states(&ar, errp) == -1)
		goto done;
	rc = 0;
done:
	amend_round_free(&ar);
	return rc;
}

void
store_amend_annotate(struct buf *text, const struct store_item *it)
{
	if (text->len == 0 || text->data[text->len - 1] != '}')
		return;
	if (it->decl->function == DECL_FUNCTION_ORIGINAL && it->late_original &&
	    it->version == 0) {
		text->len--;
		buf_printf(text, ",\"function\":\"original\",\"version\":0,"
		    "\"state\":\"superseded\",\"superseded_by\":\"%s\"}",
		    it->target_id);
		return;
	}
	if (it->decl->function != DECL_FUNCTION_AMENDMENT)
		return;
	text->len--;
	buf_printf(text, ",\"function\":\"amendment\",\"version\":%d,"
	    "\"supersedes\":", it->version);
	if (it->supersedes[0] != '\0')
		buf_printf(text, "\"%s\"}", it->supersedes);
	else
		buf_adds(text, "null}");
}

json_t *
store_raw_body_json(const char *hex)
{
	size_t n = strlen(hex) / 2, i;
	char *bytes = xmalloc(n + 1);
	json_t *j;

	for (i = 0; i < n; i++) {
		unsigned hi = (unsigned)(hex[2 * i] <= '9' ? hex[2 * i] - '0' :
		    hex[2 * i] - 'a' + 10);
		unsigned lo = (unsigned)(hex[2 * i + 1] <= '9' ?
		    hex[2 * i + 1] - '0' : hex[2 * i + 1] - 'a' + 10);

		bytes[i] = (char)(hi << 4 | lo);
	}
	bytes[n] = '\0';
	/* XML is text: a JSON string when it is UTF-8 (all JSON can hold),
	 * else the bytes in hex. */
	if (memchr(bytes, '\0', n) == NULL &&
	    (j = json_stringn(bytes, n)) != NULL) {
		free(bytes);
		return json_pack("{s:s, s:o}", "encoding", "utf-8", "text", j);
	}
	free(bytes);
	return json_pack("{s:s, s:s}", "encoding", "hex", "text", hex);
}

enum store_late
store_amend_late(int first_version, const char *first_function,
    const char *latest_state)
{
	/* No row left (retention dropped them): the reference is taken. */
	if (first_version < 0 || first_function == NULL)
		return STORE_LATE_CONFLICT;
	/* Nothing is stored on a cancelled declaration, as for amendments. */
	if (latest_state != NULL && strcmp(latest_state, "cancelled") == 0)
		return STORE_LATE_CLOSED;
	/* The reference began with an amendment: its original is missing. */
	if (first_version == 1 && strcmp(first_function, "amendment") == 0)
		return STORE_LATE_STORE;
	/* Its own original (version 1), or a late one already (version 0):
	 * another body under a taken reference. */
	return STORE_LATE_CONFLICT;
}
