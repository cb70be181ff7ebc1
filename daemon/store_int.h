/*
 * What the store*.c files share and nothing else sees: error capture and
 * the plain query, statement and JSON-cell helpers.
 */
#ifndef CORDON_STORE_INT_H
#define CORDON_STORE_INT_H

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

#endif
