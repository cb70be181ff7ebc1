/*
 * One table for the words of the contracts.  Categories come from the rule
 * format (rules.c names them), roles from the token roles (auth.c), the
 * rest is defined here, in enum order.
 */
#include "config.h"

#include <pthread.h>
#include <string.h>

#include "auth.h"
#include "words.h"

static const char *const verdicts[VERDICT_COUNT_] = {
	"clear", "review", "hold",
};
static const char *const severities[SEVERITY_COUNT_] = {
	"low", "medium", "high", "critical",
};
static const char *const statuses[ALERT_STATUS_COUNT_] = {
	"open", "claimed", "released", "held", "inspection_ordered",
	"referred_licensing", "referred_enforcement", "false_positive",
	"auto_closed",
};
/* The outbox (schemas/0007_outbox.sql): what is sent, and how far it got. */
static const char *const event_types[] = {
	"declaration.flagged", "alert.decided", "alert.reopened",
	"suppression.created", "list_version.activated",
};
static const char *const delivery_statuses[] = {
	"pending", "delivering", "delivered", "failed",
};
static const char *const functions[DECL_FUNCTION_COUNT_] = {
	"original", "amendment", "cancellation",
};
static const char *const states[DECL_STATE_COUNT_] = {
	"current", "superseded", "cancelled",
};
/* Why the system closed an alert of a superseded or cancelled version. */
static const char *const closed_reasons[] = {
	"superseded", "cancelled",
};
static const char *categories[CAT_COUNT_];
/* Where an alert came from: screening at submission, or a re-screening. */
static const char *const origins[] = { "screen", "rescreen" };
#define ROLES_MAX	16	/* bits of enum role */
static const char *roles[ROLES_MAX];

static struct word_list lists[] = {
	{ "verdicts", verdicts, VERDICT_COUNT_ },
	{ "severities", severities, SEVERITY_COUNT_ },
	{ "categories", categories, CAT_COUNT_ },
	{ "statuses", statuses, ALERT_STATUS_COUNT_ },
	/* The decisions are the statuses an officer's decision sets. */
	{ "decisions", statuses + ALERT_RELEASED,
	    ALERT_FALSE_POSITIVE - ALERT_RELEASED + 1 },
	{ "event_types", event_types,
	    sizeof(event_types) / sizeof(event_types[0]) },
	{ "delivery_statuses", delivery_statuses,
	    sizeof(delivery_statuses) / sizeof(delivery_statuses[0]) },
	{ "functions", functions, DECL_FUNCTION_COUNT_ },
	{ "states", states, DECL_STATE_COUNT_ },
	{ "closed_reasons", closed_reasons,
	    sizeof(closed_reasons) / sizeof(closed_reasons[0]) },
	{ "origins", origins, sizeof(origins) / sizeof(origins[0]) },
	{ "roles", roles, 0 },		/* counted when filled */
};

const char *
words_verdict(enum verdict v)
{
	return verdicts[v];
}

const char *
words_severity(enum severity s)
{
	return severities[s];
}

const char *
words_status(enum alert_status s)
{
	return statuses[s];
}

const char *
words_function(enum decl_function f)
{
	return functions[f];
}

const char *
words_state(enum decl_state s)
{
	return states[s];
}

static pthread_once_t categories_once = PTHREAD_ONCE_INIT;

static void
categories_fill(void)
{
	size_t i;

	for (i = 0; i < CAT_COUNT_; i++)
		categories[i] = rules_category_name((enum category)i);
	for (i = 0; i < ROLES_MAX; i++) {
		const char *r = auth_role_name((enum role)(1 << i));

		if (strcmp(r, "none") == 0)
			break;
		roles[i] = r;
	}
	lists[sizeof(lists) / sizeof(lists[0]) - 1].n = i;
}

const struct word_list *
words_lists(size_t *np)
{
	pthread_once(&categories_once, categories_fill);
	*np = sizeof(lists) / sizeof(lists[0]);
	return lists;
}

const struct word_list *
words_list(const char *name)
{
	const struct word_list *l;
	size_t n, i;

	l = words_lists(&n);
	for (i = 0; i < n; i++)
		if (strcmp(l[i].name, name) == 0)
			return &l[i];
	return NULL;
}

int
words_index(const char *list, const char *w)
{
	const struct word_list *l = words_list(list);
	size_t i;

	if (l == NULL || w == NULL)
		return -1;
	for (i = 0; i < l->n; i++)
		if (strcmp(l->words[i], w) == 0)
			return (int)i;
	return -1;
}

bool
words_has(const char *list, const char *w)
{
	return words_index(list, w) >= 0;
}

bool
words_is_decision(const char *s)
{
	return words_has("decisions", s);
}

json_t *
words_json(void)
{
	const struct word_list *l;
	json_t *o = json_object();
	size_t n, i, k;

	l = words_lists(&n);
	for (i = 0; i < n; i++) {
		json_t *a = json_array();

		for (k = 0; k < l[i].n; k++)
			json_array_append_new(a, json_string(l[i].words[k]));
		json_object_set_new(o, l[i].name, a);
	}
	return o;
}
