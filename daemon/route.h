/*
 * The route table of the HTTP API: method, path, the roles that may call
 * it and the handler, in one table instead of a chain of ifs.  Pure (no
 * I/O): route_match() only looks the request up; api.c runs the handler.
 */
#ifndef CORDON_ROUTE_H
#define CORDON_ROUTE_H

#include <stddef.h>

#include "auth.h"

/* The handlers of api.c, by name. */
enum route_id {
	ROUTE_HEALTHZ,
	ROUTE_READYZ,
	ROUTE_CONSOLE,
	ROUTE_ME,
	ROUTE_DECL_POST,
	ROUTE_DECL_GET,
	ROUTE_ALERTS,
	ROUTE_ALERT,
	ROUTE_ALERT_ACTION,
	ROUTE_SUPPRESSIONS,
	ROUTE_AUDIT,
	ROUTE_LISTS,
	ROUTE_VOCABULARY,
	ROUTE_METRICS,
	ROUTE_RELOAD,
	ROUTE_OPENAPI,
	ROUTE_EVENTS,		/* the outbox (webhook.c, store_events.c) */
	ROUTE_EVENT_REDELIVER,
	ROUTE_STATS_ENTRIES,
	ROUTE_BACKTEST_POST,
	ROUTE_BACKTEST_GET,
};

/* Methods, as a mask (GET also answers HEAD). */
#define ROUTE_GET	0x1
#define ROUTE_POST	0x2

/* Every role that holds a token. */
#define ROUTE_ANY_ROLE	(ROLE_SUBMITTER | ROLE_OFFICER | ROLE_ADMIN | \
			 ROLE_AUDITOR | ROLE_SUPERVISOR)
/* Who works alerts: a supervisor can do everything an officer can. */
#define ROUTE_WORK	(ROLE_OFFICER | ROLE_SUPERVISOR)

struct route {
	unsigned	 methods;
	const char	*path;		/* "{id}" matches one path segment; a
					   trailing "*" any rest */
	int		 roles;		/* 0: public, no token needed */
	enum route_id	 id;
	const char	*action;	/* alert workflow: the action */
};

struct route_match {
	const struct route	*route;
	char			 param[64];	/* what "{id}" matched */
	char			 allow[32];	/* on ROUTE_BAD_METHOD */
	int			 public;	/* the path is a public one */
};

enum route_result {
	ROUTE_FOUND,
	ROUTE_NOT_FOUND,	/* 404 */
	ROUTE_BAD_METHOD,	/* 405, with m->allow */
};

/*
 * Looks up <method> (ROUTE_GET or ROUTE_POST; 0 for any other) and <path>.
 * On ROUTE_FOUND, m->route is the table row and m->param the path
 * parameter, if any.
 */
enum route_result route_match(unsigned method, const char *path,
		    struct route_match *m);
/* The table, for documentation and tests. */
const struct route *route_table(size_t *np);

#endif
