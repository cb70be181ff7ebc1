/*
 * What the store*.c files share and nothing else sees: error capture and
 * the plain query, statement and JSON-cell helpers.
 */
#ifndef CORDON_STORE_INT_H
#define CORDON_STORE_INT_H

#include <stdbool.h>

#include <jansson.h>
#include <libpq-fe.h>

/* Sets *errp to "<what>: <PostgreSQL's message>", clears <r>; returns -1. */
int	 store_fail(PGconn *, PGresult *r, char **errp, const char *what);
/* PQexecParams with text parameters and text results. */
PGresult *store_q(PGconn *, const char *sql, int n, const char *const *params);
/* Runs a statement (rows, if any, ignored); 0, or -1 with *errp. */
int	 store_exec_ok(PGconn *, const char *sql, int n, const char *const *p,
	    char **errp, const char *what);
/* The JSON text in a result cell, decoded (json_null() for SQL NULL). */
json_t	*store_json_cell(PGresult *r, int row, int col);

/*
 * The queue's search text of a declaration (declarations.search_text,
 * schemas/0017_search_text.sql), appended to <b>: exactly what
 * cordon_search_text(<reference>, <body>) returns.  False, with <b> as it
 * was, when <body> holds a description or a name that is neither a string
 * nor null (its jsonb text is the server's to write): the row then goes
 * with NULL and the server's function covers it.
 */
struct buf;
bool	 store_search_text(struct buf *b, const char *reference,
	    const json_t *body);

/*
 * One alert as the queue and the alert view show it (a jsonb expression
 * over "alerts a JOIN declarations d"): the workflow columns, where the
 * goods go and to whom, who submitted it and a pending four-eyes request.
 */
#define ALERT_JSON "jsonb_build_object('id', a.id, 'declaration_id', " \
	"a.declaration_id, 'reference', d.reference, 'submitter', d.submitter, " \
	"'dispatch', d.body->'route'->>'dispatch', 'destination', " \
	"d.body->'route'->>'destination', 'consignee', cg.name, " \
	"'consignee_country', cg.country, 'item_seq', a.item_seq, " \
	"'severity', a.severity, 'score', a.score, 'category', a.category, " \
	"'status', a.status, 'claimed_by', a.claimed_by, 'claimed_at', " \
	"a.claimed_at, 'decision', a.decision, 'decided_by', a.decided_by, " \
	"'decided_at', a.decided_at, 'approved_by', a.approved_by, " \
	"'suppression_id', a.suppression_id, 'list_version', a.list_version, " \
	"'created_at', a.created_at, 'priority', a.priority, 'pending', " \
	"(SELECT jsonb_build_object('id', q.id, 'action', q.action, " \
	"'decision', q.decision, 'reason', q.reason, 'requested_by', " \
	"q.requested_by, 'requested_at', q.requested_at) FROM approvals q " \
	"WHERE q.alert_id = a.id AND q.state = 'pending'), 'hits', a.hits, " \
	"'origin', a.origin, 'cause', a.cause)"
/* The FROM clause ALERT_JSON needs (cg: the first consignee). */
#define ALERT_FROM "alerts a JOIN declarations d ON d.id = a.declaration_id " \
	"LEFT JOIN LATERAL (SELECT p->>'name' AS name, p->>'country' AS " \
	"country FROM jsonb_array_elements(CASE jsonb_typeof(d.body->'parties') " \
	"WHEN 'array' THEN d.body->'parties' ELSE '[]'::jsonb END) p WHERE " \
	"p->>'role' = 'consignee' LIMIT 1) cg ON true"

#endif
