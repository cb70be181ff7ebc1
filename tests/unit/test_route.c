/*
 * Unit tests of route.c: the API's route table, table-driven: every
 * endpoint of the README resolves to its handler with its roles, wrong
 * methods give 405 with Allow, unknown paths 404.
 */
#include "config.h"

#include <string.h>

#include "route.h"
#include "words.h"

#include "harness.h"

static void
test_table(void)
{
	static const struct {
		unsigned	 method;
		const char	*path;
		enum route_result want;
		enum route_id	 id;
		int		 roles;
		const char	*param, *action, *allow;
	} t[] = {
		{ ROUTE_GET, "/healthz", ROUTE_FOUND, ROUTE_HEALTHZ, 0, "", NULL, NULL },
		{ ROUTE_GET, "/readyz", ROUTE_FOUND, ROUTE_READYZ, 0, "", NULL, NULL },
		{ ROUTE_POST, "/healthz", ROUTE_BAD_METHOD, 0, 0, NULL, NULL, "GET, HEAD" },
		{ ROUTE_GET, "/", ROUTE_FOUND, ROUTE_CONSOLE, 0, "", NULL, NULL },
		{ ROUTE_GET, "/console/app.js", ROUTE_FOUND, ROUTE_CONSOLE, 0, "", NULL, NULL },
		{ ROUTE_POST, "/v1/declarations", ROUTE_FOUND, ROUTE_DECL_POST,
		    ROLE_SUBMITTER, "", NULL, NULL },
		{ ROUTE_GET, "/v1/declarations", ROUTE_BAD_METHOD, 0, 0, NULL, NULL, "POST" },
		{ 0, "/v1/declarations", ROUTE_BAD_METHOD, 0, 0, NULL, NULL, "POST" },
		{ ROUTE_GET, "/v1/declarations/0190-x", ROUTE_FOUND, ROUTE_DECL_GET,
		    ROLE_SUBMITTER | ROUTE_WORK | ROLE_AUDITOR, "0190-x", NULL, NULL },
		{ ROUTE_GET, "/v1/declarations/", ROUTE_NOT_FOUND, 0, 0, NULL, NULL, NULL },
		{ ROUTE_GET, "/v1/declarations/a/b", ROUTE_NOT_FOUND, 0, 0, NULL, NULL, NULL },
		{ ROUTE_GET, "/v1/alerts", ROUTE_FOUND, ROUTE_ALERTS,
		    ROUTE_WORK | ROLE_AUDITOR, "", NULL, NULL },
		{ ROUTE_GET, "/v1/alerts/A1", ROUTE_FOUND, ROUTE_ALERT,
		    ROUTE_WORK | ROLE_AUDITOR, "A1", NULL, NULL },
		{ ROUTE_POST, "/v1/alerts/A1/claim", ROUTE_FOUND, ROUTE_ALERT_ACTION,
		    ROUTE_WORK, "A1", "claim", NULL },
		{ ROUTE_POST, "/v1/alerts/A1/unclaim", ROUTE_FOUND, ROUTE_ALERT_ACTION,
		    ROUTE_WORK, "A1", "unclaim", NULL },
		{ ROUTE_POST, "/v1/alerts/A1/decision", ROUTE_FOUND, ROUTE_ALERT_ACTION,
		    ROUTE_WORK, "A1", "decision", NULL },
		{ ROUTE_POST, "/v1/alerts/A1/reopen", ROUTE_FOUND, ROUTE_ALERT_ACTION,
		    ROUTE_WORK, "A1", "reopen", NULL },
		{ ROUTE_POST, "/v1/alerts/A1/notes", ROUTE_FOUND, ROUTE_ALERT_ACTION,
		    ROUTE_WORK, "A1", "note", NULL },
		{ ROUTE_POST, "/v1/alerts/A1/assign", ROUTE_FOUND, ROUTE_ALERT_ACTION,
		    ROUTE_WORK, "A1", "assign", NULL },
		{ ROUTE_POST, "/v1/alerts/A1/approve", ROUTE_FOUND, ROUTE_ALERT_ACTION,
		    ROLE_SUPERVISOR, "A1", "approve", NULL },
		{ ROUTE_POST, "/v1/alerts/A1/reject", ROUTE_FOUND, ROUTE_ALERT_ACTION,
		    ROLE_SUPERVISOR, "A1", "reject", NULL },
		{ ROUTE_GET, "/v1/alerts/A1/claim", ROUTE_BAD_METHOD, 0, 0, NULL, NULL, "POST" },
		{ ROUTE_POST, "/v1/alerts/A1/delete", ROUTE_NOT_FOUND, 0, 0, NULL, NULL, NULL },
		{ ROUTE_POST, "/v1/suppressions", ROUTE_FOUND, ROUTE_SUPPRESSIONS,
		    ROUTE_WORK, "", NULL, NULL },
		{ ROUTE_GET, "/v1/audit", ROUTE_FOUND, ROUTE_AUDIT,
		    ROLE_AUDITOR | ROLE_ADMIN, "", NULL, NULL },
		{ ROUTE_GET, "/v1/lists", ROUTE_FOUND, ROUTE_LISTS, ROUTE_ANY_ROLE, "", NULL, NULL },
		{ ROUTE_GET, "/v1/stats/entries", ROUTE_FOUND, ROUTE_STATS_ENTRIES,
		    ROLE_ADMIN | ROLE_AUDITOR, "", NULL, NULL },
		{ ROUTE_POST, "/v1/admin/backtest", ROUTE_FOUND, ROUTE_BACKTEST_POST,
		    ROLE_ADMIN, "", NULL, NULL },
		{ ROUTE_GET, "/v1/admin/backtest/7", ROUTE_FOUND, ROUTE_BACKTEST_GET,
		    ROLE_ADMIN, "7", NULL, NULL },
		{ ROUTE_POST, "/v1/admin/backtest/7", ROUTE_BAD_METHOD, 0, 0, NULL,
		    NULL, "GET, HEAD" },
		{ ROUTE_GET, "/v1/vocabulary", ROUTE_FOUND, ROUTE_VOCABULARY,
		    ROUTE_ANY_ROLE, "", NULL, NULL },
		{ ROUTE_GET, "/v1/me", ROUTE_FOUND, ROUTE_ME, ROUTE_ANY_ROLE, "", NULL, NULL },
		{ ROUTE_GET, "/metrics", ROUTE_FOUND, ROUTE_METRICS,
		    ROLE_ADMIN | ROLE_AUDITOR, "", NULL, NULL },
		{ ROUTE_POST, "/v1/admin/reload", ROUTE_FOUND, ROUTE_RELOAD, ROLE_ADMIN, "", NULL, NULL },
		{ ROUTE_GET, "/v1/admin/reload", ROUTE_BAD_METHOD, 0, 0, NULL, NULL, "POST" },
		{ ROUTE_GET, "/v1/nothing", ROUTE_NOT_FOUND, 0, 0, NULL, NULL, NULL },
		{ ROUTE_GET, "/healthzz", ROUTE_NOT_FOUND, 0, 0, NULL, NULL, NULL },
	};
	struct route_match m;
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		enum route_result r = route_match(t[i].method, t[i].path, &m);

		harness_context("%s %s", t[i].method == ROUTE_GET ? "GET" :
		    t[i].method == ROUTE_POST ? "POST" : "other", t[i].path);
		if (!CHECK_INT_EQ(r, t[i].want))
			continue;
		if (r == ROUTE_BAD_METHOD)
			CHECK_STR_EQ(m.allow, t[i].allow);
		if (r != ROUTE_FOUND)
			continue;
		CHECK_INT_EQ(m.route->id, t[i].id);
		CHECK_INT_EQ(m.route->roles, t[i].roles);
		CHECK_STR_EQ(m.param, t[i].param);
		if (t[i].action)
			CHECK_STR_EQ(m.route->action, t[i].action);
	}
	harness_context(NULL);
}

/* No role may do what its role table denies: submitters never see alerts. */
static void
test_roles(void)
{
	const struct route *r;
	size_t n, i;

	r = route_table(&n);
	CHECK(n >= 20);
	for (i = 0; i < n; i++) {
		harness_context("%s", r[i].path);
		if (strncmp(r[i].path, "/v1/alerts", 10) == 0 ||
		    strcmp(r[i].path, "/v1/audit") == 0 ||
		    strcmp(r[i].path, "/metrics") == 0)
			CHECK(!(r[i].roles & ROLE_SUBMITTER));
		if (r[i].methods & ROUTE_POST)
			CHECK(!(r[i].roles & ROLE_AUDITOR));	/* reads only */
		/* Four eyes: only a supervisor answers a request, and a
		 * supervisor may do all an officer may. */
		if (r[i].action != NULL && (strcmp(r[i].action, "approve") == 0 ||
		    strcmp(r[i].action, "reject") == 0))
			CHECK_INT_EQ(r[i].roles, ROLE_SUPERVISOR);
		if (r[i].roles & ROLE_OFFICER)
			CHECK(r[i].roles & ROLE_SUPERVISOR);
		if (r[i].roles == 0)	/* public: reads only */
			CHECK(r[i].methods == ROUTE_GET);
	}
	harness_context(NULL);
}

/* The roles of the vocabulary are those the tokens table accepts (0009). */
static void
test_role_words(void)
{
	const struct word_list *l = words_list("roles");
	char *path = harness_data_path("../../schemas/0009_workflow.sql");
	char *sql = harness_read(path, NULL);
	char *c = sql ? strstr(sql, "CHECK (role IN (") : NULL;
	char *close = c ? strchr(c, ')') : NULL;
	size_t k, quoted = 0;
	char *p;

	if (!CHECK(l != NULL && l->n == 5 && c != NULL && close != NULL))
		goto done;
	for (p = c; p < close; p++)
		if (*p == '\'')
			quoted++;
	CHECK_INT_EQ(quoted, 2 * l->n);
	for (k = 0; k < l->n; k++) {
		char w[64];

		snprintf(w, sizeof(w), "'%s'", l->words[k]);
		harness_context("role %s", l->words[k]);
		p = strstr(c, w);
		CHECK(p != NULL && p < close);
		CHECK_INT_EQ(auth_role(l->words[k]), 1 << k);
	}
	harness_context(NULL);
	CHECK_STR_EQ(auth_role_name(ROLE_SUPERVISOR), "supervisor");
done:
	free(sql);
	free(path);
}

int
main(void)
{
	harness_init("test_route");
	test_table();
	test_roles();
	test_role_words();
	return harness_done();
}
