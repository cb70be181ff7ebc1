/*
 * Reload: build a new snapshot aside (on a database worker, never on the
 * event loop), then swap rt->snap on the loop.  SIGHUP, POST
 * /v1/admin/reload and a NOTIFY from `cordonctl lists activate` all come
 * here, and every caller learns the outcome.  On failure nothing changes.
 */
#ifndef CORDON_RELOAD_H
#define CORDON_RELOAD_H

#include <stdbool.h>

#include "log.h"

struct reload_outcome {
	bool		 ok;		/* the daemon now runs on <version> */
	bool		 changed;	/* a new snapshot was swapped in */
	bool		 unavailable;	/* failed because PostgreSQL is down */
	const char	*version;	/* current version after the attempt */
	const char	*message;	/* what happened, in one line or more */
};

typedef void (*reload_cb)(const struct reload_outcome *, void *arg);

/*
 * Asks for a reload.  If one is running, a second one follows it (the list
 * may have changed meanwhile) and <cb> hears that second outcome.  <cb> may
 * be NULL.  Runs on the loop thread.
 */
void	reload_run(reload_cb cb, void *arg);

/*
 * Reads the configuration file again (nothing without -f) and applies what
 * may change while running: the reloadable settings, the log level, the
 * batch size and the webhook endpoint list.  SIGHUP and POST
 * /v1/admin/reload call it before reload_run.  0, or -1 with *errp
 * ("file:line: why"; caller frees) and nothing applied.  Loop thread.
 */
int	reload_conf(char **errp);
/* The log level a `log_level` setting names (info for anything else). */
enum log_level reload_log_level(const char *name);

/* Loads the first snapshot synchronously (startup, -n).  0 or -1 + *errp. */
int	reload_initial(char **errp);

/* Starts the LISTEN connection for list activations (reconnects itself). */
void	reload_listen_start(void);
void	reload_listen_stop(void);
void	reload_free(void);

#endif
