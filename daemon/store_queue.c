/*
 * The officers' queue: alerts by priority (severity, score, age) with the
 * filters officers work with (status, category, severity, text, country,
 * dates, submitter, claimant, awaiting approval) and a cursor.  Text
 * search runs over the reference, item descriptions and party names
 * (declarations.search_text, or cordon_search_text() where it is NULL),
 * which the word keys cordond stores (schemas/0019) or, for rows without
 * them, a trigram index (schemas/0009, 0017) back.
 * Reads only; the workflow that changes alerts is store_alerts.c.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "store.h"
#include "store_int.h"
#include "store_keys.h"
#include "util.h"
#include "xmalloc.h"

/* The term $4 in the search text, as ILIKE sees it. */
#define SEARCH_MATCH "coalesce(d.search_text, cordon_search_text(d.reference, " \
	"d.body)) ILIKE '%' || replace(replace(replace($4, '\\', '\\\\'), " \
	"'%', '\\%'), '_', '\\_') || '%'"

/*
 * Every filter is a parameter that is NULL when unused; PostgreSQL plans an
 * unnamed statement with the values it is given, so an unused filter folds
 * away and a text search can use the search indexes.
 */
static const char queue_sql[] =
    "SELECT " ALERT_JSON " FROM " ALERT_FROM " WHERE "
    "($1::text IS NULL OR a.status = ANY (string_to_array($1, ','))) "
    "AND ($2::text IS NULL OR a.category = $2 OR a.hits @> "
    "jsonb_build_array(jsonb_build_object('category', $2::text))) "
    "AND ($3::text IS NULL OR a.severity = $3) "
    /* Every declaration with an alert is flagged alerted, and the search
     * indexes hold only those (schemas/0015_commit_keys.sql).  The term is
     * checked with ILIKE on the text cordond stored, else on
     * cordon_search_text() (0017_search_text.sql); the rows to check are
     * those whose keys hold every word of the term as a word prefix ($14,
     * store_keys.c; no word: every row) and those without keys, which the
     * trigram index finds (0019_search_keys.sql). */
    "AND ($4::text IS NULL OR (d.alerted AND " SEARCH_MATCH " AND "
    "($14::tsquery IS NULL OR d.search_keys @@ $14::tsquery OR "
    "(d.search_keys IS NULL AND " SEARCH_MATCH ")))) "
    "AND ($5::text IS NULL OR d.body->'route'->>'destination' = $5 "
    "OR d.body->'route'->>'dispatch' = $5 "
    "OR d.body->'route'->'transit' @> to_jsonb($5::text) "
    "OR d.body->'parties' @> jsonb_build_array(jsonb_build_object("
    "'country', $5::text)) "
    "OR d.body->'items' @> jsonb_build_array(jsonb_build_object("
    "'origin', $5::text))) "
    "AND ($6::date IS NULL OR a.created_at >= ($6::date)::timestamp AT "
    "TIME ZONE 'UTC') "
    "AND ($7::date IS NULL OR a.created_at < ($7::date + 1)::timestamp AT "
    "TIME ZONE 'UTC') "
    "AND ($8::text IS NULL OR d.submitter = $8) "
    "AND ($9::text IS NULL OR a.claimed_by = $9) "
    "AND ($10::boolean IS NULL OR EXISTS (SELECT 1 FROM approvals q WHERE "
    "q.alert_id = a.id AND q.state = 'pending')) "
    "AND ($11::integer IS NULL OR a.priority < $11::integer OR "
    "(a.priority = $11::integer AND a.id > $12::uuid)) "
    "ORDER BY a.priority DESC, a.id LIMIT $13::integer";

json_t *
store_queue_list(PGconn *c, const struct alert_filter *f, char **errp)
{
	const char *p[14];
	struct buf tsq;
	char lim[16], prio[16], cid[40];
	PGresult *r;
	json_t *page, *alerts, *last;
	int i;

	*errp = NULL;
	memset(p, 0, sizeof(p));
	p[0] = f->statuses;
	p[1] = f->category;
	p[2] = f->severity;
	p[3] = f->q;
	p[4] = f->country;
	p[5] = f->from;
	p[6] = f->to;
	p[7] = f->submitter;
	p[8] = f->claimed_by;
	p[9] = f->awaiting_approval ? "true" : NULL;
	/* The cursor is "<priority>_<id>" of the last alert of a page. */
	if (f->cursor != NULL &&
	    sscanf(f->cursor, "%15[0-9]_%39s", prio, cid) == 2) {
		p[10] = prio;
		p[11] = cid;
	}
	snprintf(lim, sizeof(lim), "%d", f->limit + 1);
	p[12] = lim;
	buf_init(&tsq);
	if (f->q != NULL && store_search_query(&tsq, f->q)) {
		buf_addc(&tsq, '\0');
		p[13] = tsq.data;
	}
	r = store_q(c, queue_sql, 14, p);
	buf_free(&tsq);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		store_fail(c, r, errp, "alerts");
		return NULL;
	}
	alerts = json_array();
	for (i = 0; i < PQntuples(r) && i < f->limit; i++)
		json_array_append_new(alerts, store_json_cell(r, i, 0));
	page = json_pack("{s:o}", "alerts", alerts);
	last = json_array_get(alerts, json_array_size(alerts) - 1);
	if (PQntuples(r) > f->limit && last != NULL) {
		char next[64];

		snprintf(next, sizeof(next), "%lld_%s", (long long)
		    json_integer_value(json_object_get(last, "priority")),
		    json_string_value(json_object_get(last, "id")));
		json_object_set_new(page, "next_cursor", json_string(next));
	} else
		json_object_set_new(page, "next_cursor", json_null());
	PQclear(r);
	return page;
}
