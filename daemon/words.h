/*
 * The words of Cordon's contracts, in one table: verdicts, severities,
 * categories, alert statuses, officers' decisions and token roles (the
 * CHECK of schemas/0009_workflow.sql).  The API, storage,
 * the console (GET /v1/vocabulary) and the CHECK constraints of
 * schemas/0003_typed_storage.sql all use these lists; a unit test holds the
 * migration to them.  Pure: no I/O.
 */
#ifndef CORDON_WORDS_H
#define CORDON_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "rules.h"

enum verdict {
	VERDICT_CLEAR,
	VERDICT_REVIEW,
	VERDICT_HOLD,
	VERDICT_COUNT_
};

/* In rising order: a higher value is more severe. */
enum severity {
	SEVERITY_LOW,
	SEVERITY_MEDIUM,
	SEVERITY_HIGH,
	SEVERITY_CRITICAL,
	SEVERITY_COUNT_
};

/* The workflow of an alert; the decisions are RELEASED..FALSE_POSITIVE. */
enum alert_status {
	ALERT_OPEN,
	ALERT_CLAIMED,
	ALERT_RELEASED,
	ALERT_HELD,
	ALERT_INSPECTION_ORDERED,
	ALERT_REFERRED_LICENSING,
	ALERT_REFERRED_ENFORCEMENT,
	ALERT_FALSE_POSITIVE,
	ALERT_AUTO_CLOSED,
	ALERT_STATUS_COUNT_
};

/* What a declaration message does (WCO function codes 9, 13, 10). */
enum decl_function {
	DECL_FUNCTION_ORIGINAL,
	DECL_FUNCTION_AMENDMENT,
	DECL_FUNCTION_CANCELLATION,
	DECL_FUNCTION_COUNT_
};

/* A stored declaration version: the live one, superseded, or cancelled. */
enum decl_state {
	DECL_STATE_CURRENT,
	DECL_STATE_SUPERSEDED,
	DECL_STATE_CANCELLED,
	DECL_STATE_COUNT_
};

/* A named list of words, in the order of its enum. */
struct word_list {
	const char		*name;	/* "verdicts", "severities", ... */
	const char *const	*words;
	size_t			 n;
};

const char	*words_verdict(enum verdict);
const char	*words_severity(enum severity);
const char	*words_status(enum alert_status);
const char	*words_function(enum decl_function);
const char	*words_state(enum decl_state);
/* True if <s> is a decision an officer may record. */
bool		 words_is_decision(const char *s);

/*
 * The lists: verdicts, severities, categories, statuses, decisions, roles,
 * functions, states, closed_reasons, origins, event types, delivery statuses.
 */
const struct word_list *words_lists(size_t *np);
/* The list called <name>, or NULL. */
const struct word_list *words_list(const char *name);
/* True if <w> is in the list called <list>. */
bool		 words_has(const char *list, const char *w);
/* The index of <w> in the list called <list>, or -1. */
int		 words_index(const char *list, const char *w);
/* {"verdicts": [...], ...}; the caller owns it. */
json_t		*words_json(void);

#endif
