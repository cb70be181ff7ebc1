/*
 * The SQL of partition maintenance (schemas/0014_partitions.sql): months
 * created ahead, months past retention, a month copied out, a month
 * detached and dropped with its audit row.  maint.c decides what to do and
 * when; nothing here writes a file.
 */
#ifndef CORDON_STORE_MAINT_H
#define CORDON_STORE_MAINT_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>
#include <libpq-fe.h>

#include "util.h"

/*
 * A monthly partition: its table, its name, its month (YYYY-MM), its bounds
 * (timestamptz text) and whether it is still attached (a run that stopped
 * between detaching and dropping leaves it detached).
 */
struct store_partition {
	char	parent[64];
	char	name[80];
	char	month[8];
	char	from[40];
	char	to[40];
	bool	attached;
};

/* pg_try_advisory_lock of maintenance: 0 taken, 1 held elsewhere, -1. */
int	 store_maint_lock(PGconn *, char **errp);
void	 store_maint_unlock(PGconn *);
/* Creates the months from now to <months> ahead; *created how many. */
int	 store_partitions_ahead(PGconn *, int months, int *created, char **errp);
/*
 * Every monthly partition with its estimated rows and size, and whether it
 * is past <retention_months> (0: none is): a JSON array the caller owns.
 */
json_t	*store_partitions_list(PGconn *, int retention_months, char **errp);
/*
 * The partitions past <retention_months>, and detached months a stopped run
 * left behind, alerts and items before declarations (caller frees *partsp).
 */
int	 store_partitions_expired(PGconn *, int retention_months,
	    struct store_partition **partsp, size_t *np, char **errp);
/* A line in <out> per DEFAULT partition holding rows; 1 if any, 0, -1. */
int	 store_default_rows(PGconn *, struct buf *out, char **errp);
/*
 * COPY of <part> as CSV with a header, in pieces to <sink>; *rowsp the rows
 * copied.  0 or -1.
 */
int	 store_partition_copy(PGconn *, const char *part,
	    int (*sink)(const char *data, size_t len, void *arg), void *arg,
	    long long *rowsp, char **errp);
/*
 * Detaches <pt> from its table (a short lock of the table, waiting at most
 * 10 s for running queries), or attaches it back; 0 or -1.
 */
int	 store_partition_detach(PGconn *, struct store_partition *pt,
	    char **errp);
int	 store_partition_attach(PGconn *, struct store_partition *pt,
	    char **errp);
/*
 * Drops the detached <pt> with its retention_drop audit row (<details>
 * borrowed) in one transaction; 0 or -1.
 */
int	 store_partition_drop(PGconn *, const struct store_partition *pt,
	    const char *actor, json_t *details, char **errp);
/* The retention_run audit row of a run (its own transaction); 0 or -1. */
int	 store_retention_audit(PGconn *, const char *actor, json_t *details,
	    char **errp);

#endif
