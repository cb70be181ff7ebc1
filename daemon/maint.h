/*
 * Maintenance of the partitioned history: months created ahead, months
 * past the retention period exported to a file and then dropped.  One run
 * at a time across every cordond and cordonctl (an advisory lock).  cordond
 * runs it on its own thread every maintenance_interval seconds; cordonctl
 * runs it by hand.
 */
#ifndef CORDON_MAINT_H
#define CORDON_MAINT_H

#include <stdbool.h>

#include <libpq-fe.h>

#include "util.h"

struct maint_opts {
	int		 ahead;		/* months of partitions ahead */
	int		 retention;	/* months kept; 0 keeps everything */
	const char	*export_dir;	/* where months go before they are dropped */
	bool		 export_only;	/* write the files, drop nothing */
};

/*
 * One run on <c> as <actor>: partitions ahead, then retention.  A month is
 * dropped only after its three tables (alerts, items, declarations) were
 * written to <export_dir>/<partition>.csv and synced; each drop is audited.
 * What was done goes to <out> one line each.  Returns 0, 1 when another
 * run holds the lock (nothing done), or -1 with *errp (caller frees).
 */
int	 maint_run(PGconn *c, const struct maint_opts *o, const char *actor,
	    struct buf *out, char **errp);

struct maint;

/*
 * Starts the maintenance thread of cordond on its own connection to <dsn>
 * (copied); it runs at once, then every <interval> seconds.  <export_dir>
 * is copied; NULL refuses retention (logged) but still creates months.
 */
struct maint *maint_start(const char *dsn, int interval, int ahead,
	    int retention, const char *export_dir);
/* New reloadable values, used from the next run on. */
void	 maint_set(struct maint *, int ahead, int retention);
/* Stops the thread (waits for a run in progress) and frees; NULL is a no-op. */
void	 maint_stop(struct maint *);

#endif
