/*
 * The API's routes.  Submitters post declarations and read their own;
 * officers work alerts; supervisors work them too and approve what needs
 * four eyes; admins reload and see metrics; auditors read
 * everything and change nothing.  /healthz, /readyz and the console's files
 * are public.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "route.h"

#define R_READ_DECL	(ROLE_SUBMITTER | ROUTE_WORK | ROLE_AUDITOR)
#define R_READ_ALERTS	(ROUTE_WORK | ROLE_AUDITOR)

static const struct route routes[] = {
	{ ROUTE_GET, "/healthz", 0, ROUTE_HEALTHZ, NULL },
	{ ROUTE_GET, "/readyz", 0, ROUTE_READYZ, NULL },
	{ ROUTE_GET, "/v1/openapi.json", 0, ROUTE_OPENAPI, NULL },
	{ ROUTE_GET, "/", 0, ROUTE_CONSOLE, NULL },
	{ ROUTE_GET, "/console*", 0, ROUTE_CONSOLE, NULL },
	{ ROUTE_GET, "/v1/me", ROUTE_ANY_ROLE, ROUTE_ME, NULL },
	{ ROUTE_POST, "/v1/declarations", ROLE_SUBMITTER, ROUTE_DECL_POST, NULL },
	{ ROUTE_GET, "/v1/declarations/{id}", R_READ_DECL, ROUTE_DECL_GET, NULL },
	{ ROUTE_GET, "/v1/alerts", R_READ_ALERTS, ROUTE_ALERTS, NULL },
	{ ROUTE_GET, "/v1/alerts/{id}", R_READ_ALERTS, ROUTE_ALERT, NULL },
	{ ROUTE_POST, "/v1/alerts/{id}/claim", ROUTE_WORK, ROUTE_ALERT_ACTION,
	    "claim" },
	{ ROUTE_POST, "/v1/alerts/{id}/unclaim", ROUTE_WORK,
	    ROUTE_ALERT_ACTION, "unclaim" },
	{ ROUTE_POST, "/v1/alerts/{id}/decision", ROUTE_WORK,
	    ROUTE_ALERT_ACTION, "decision" },
	{ ROUTE_POST, "/v1/alerts/{id}/reopen", ROUTE_WORK,
	    ROUTE_ALERT_ACTION, "reopen" },
	{ ROUTE_POST, "/v1/alerts/{id}/notes", ROUTE_WORK,
	    ROUTE_ALERT_ACTION, "note" },
	{ ROUTE_POST, "/v1/alerts/{id}/assign", ROUTE_WORK,
	    ROUTE_ALERT_ACTION, "assign" },
	/* Four eyes: a supervisor answers another officer's request. */
	{ ROUTE_POST, "/v1/alerts/{id}/approve", ROLE_SUPERVISOR,
	    ROUTE_ALERT_ACTION, "approve" },
	{ ROUTE_POST, "/v1/alerts/{id}/reject", ROLE_SUPERVISOR,
	    ROUTE_ALERT_ACTION, "reject" },
	{ ROUTE_POST, "/v1/suppressions", ROUTE_WORK, ROUTE_SUPPRESSIONS,
	    NULL },
	{ ROUTE_GET, "/v1/audit", ROLE_AUDITOR | ROLE_ADMIN, ROUTE_AUDIT, NULL },
	{ ROUTE_GET, "/v1/lists", ROUTE_ANY_ROLE, ROUTE_LISTS, NULL },
	{ ROUTE_GET, "/v1/vocabulary", ROUTE_ANY_ROLE, ROUTE_VOCABULARY, NULL },
	{ ROUTE_GET, "/metrics", ROLE_ADMIN | ROLE_AUDITOR, ROUTE_METRICS, NULL },
	{ ROUTE_POST, "/v1/admin/reload", ROLE_ADMIN, ROUTE_RELOAD, NULL },
	{ ROUTE_GET, "/v1/admin/events", ROLE_ADMIN, ROUTE_EVENTS, NULL },
	{ ROUTE_POST, "/v1/admin/events/{id}/redeliver", ROLE_ADMIN,
	    ROUTE_EVENT_REDELIVER, NULL },
	{ ROUTE_GET, "/v1/stats/entries", ROLE_ADMIN | ROLE_AUDITOR,
	    ROUTE_STATS_ENTRIES, NULL },
	{ ROUTE_POST, "/v1/admin/backtest", ROLE_ADMIN, ROUTE_BACKTEST_POST,
	    NULL },
	{ ROUTE_GET, "/v1/admin/backtest/{id}", ROLE_ADMIN, ROUTE_BACKTEST_GET,
	    NULL },
};

/* True if <path> fits <pat>; the "{id}" segment goes to <param>. */
static int
fits(const char *pat, const char *path, char *param, size_t plen)
{
	for (;;) {
		if (*pat == '*' && pat[1] == '\0')
			return 1;
		if (strncmp(pat, "{id}", 4) == 0) {
			size_t n = strcspn(path, "/");

			if (n == 0 || n >= plen)
				return 0;
			memcpy(param, path, n);
			param[n] = '\0';
			path += n;
			pat += 4;
			continue;
		}
		if (*pat != *path)
			return 0;
		if (*pat == '\0')
			return 1;
		pat++;
		path++;
	}
}

enum route_result
route_match(unsigned method, const char *path, struct route_match *m)
{
	size_t i;
	unsigned allowed = 0;
	char param[64];

	memset(m, 0, sizeof(*m));
	for (i = 0; i < sizeof(routes) / sizeof(routes[0]); i++) {
		param[0] = '\0';
		if (!fits(routes[i].path, path, param, sizeof(param)))
			continue;
		if (routes[i].roles == 0)
			m->public = 1;
		if (routes[i].methods & method) {
			m->route = &routes[i];
			/* fits() kept it shorter than param[] (64) */
			memcpy(m->param, param, strlen(param) + 1);
			return ROUTE_FOUND;
		}
		allowed |= routes[i].methods;
	}
	if (allowed == 0)
		return ROUTE_NOT_FOUND;
	snprintf(m->allow, sizeof(m->allow), "%s%s%s",
	    allowed & ROUTE_GET ? "GET, HEAD" : "",
	    (allowed & ROUTE_GET) && (allowed & ROUTE_POST) ? ", " : "",
	    allowed & ROUTE_POST ? "POST" : "");
	return ROUTE_BAD_METHOD;
}

const struct route *
route_table(size_t *np)
{
	*np = sizeof(routes) / sizeof(routes[0]);
	return routes;
}
