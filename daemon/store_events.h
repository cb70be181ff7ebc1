/*
 * The outbox (schemas/0007_outbox.sql): events written in the transaction
 * of what caused them, and the delivery rows the webhook sender claims,
 * records and the admin API lists and resets.  SQL only; returns domain
 * outcomes, never HTTP codes.
 */
#ifndef CORDON_STORE_EVENTS_H
#define CORDON_STORE_EVENTS_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>
#include <libpq-fe.h>

struct act_result;	/* store.h */

/* Event types, as stored and sent. */
#define EVENT_DECLARATION_FLAGGED	"declaration.flagged"
#define EVENT_ALERT_DECIDED		"alert.decided"
#define EVENT_ALERT_REOPENED		"alert.reopened"
#define EVENT_SUPPRESSION_CREATED	"suppression.created"
#define EVENT_LIST_ACTIVATED		"list_version.activated"

/*
 * Appends one event inside the caller's open transaction.  With <alert_id>
 * the data gets the alert's and its declaration's ids, reference,
 * submitter, item, status, category and severity; <subject_id> (may be
 * NULL) names a suppression or list version.  <data> is borrowed (NULL: {}).
 * 0, or -1 with *errp (the caller rolls back).
 */
int	 store_event_add(PGconn *, const char *type, const char *alert_id,
	    const char *subject_id, json_t *data, char **errp);

/* An endpoint as the sender knows it (secret not stored). */
struct store_endpoint {
	const char	*name;
	const char	*url;
	const char	*const *types;	/* NULL or empty: every type */
	size_t		 ntypes;
};

/*
 * Makes webhook_endpoints say <eps>: those upserted and enabled, every
 * other one disabled.  0 or -1 with *errp.
 */
int	 store_endpoints_sync(PGconn *, const struct store_endpoint *eps,
	    size_t n, char **errp);

/* One claimed delivery. */
struct store_delivery {
	char	 event_id[37];
	char	*endpoint;
	char	*type;
	char	*body;		/* the JSON to POST, exactly */
	int	 attempts;	/* including this one */
	double	 age_s;		/* since its retry window began (the
				   event was written, or redelivered) */
};

/*
 * Claims at most <limit> due deliveries to the endpoints <names> (rows
 * locked with SKIP LOCKED, so two senders never take one row), marking
 * them delivering until <lease_s> seconds from now.  *outp (caller frees
 * with store_deliveries_free) and *np.  0 or -1 with *errp.
 */
int	 store_deliveries_claim(PGconn *, const char *const *names, size_t nn,
	    int lease_s, int limit, struct store_delivery **outp, size_t *np,
	    char **errp);
void	 store_deliveries_free(struct store_delivery *, size_t n);

enum store_delivery_outcome {
	DELIVERY_DELIVERED,
	DELIVERY_RETRY,		/* again after <retry_ms> */
	DELIVERY_DEAD,		/* failed: the dead letter */
	DELIVERY_RELEASE,	/* not attempted (shutting down): due now */
};

/*
 * Records the outcome of one attempt; <http_status> 0 when there was no
 * answer, <error> NULL on success.  0 or -1 with *errp.
 */
int	 store_delivery_record(PGconn *, const char *event_id,
	    const char *endpoint, enum store_delivery_outcome,
	    int http_status, const char *error, long retry_ms, char **errp);

/*
 * Deliveries to <names> not yet delivered or dead (*pendingp) and the
 * milliseconds until the earliest is due (*due_msp, -1 if none; 0 if
 * overdue).  0 or -1.
 */
int	 store_deliveries_due(PGconn *, const char *const *names, size_t nn,
	    long long *pendingp, long long *due_msp, char **errp);

/*
 * Events for the admin API, newest first: those with a delivery in
 * <status> (NULL: any), before <before> (seq, 0: from the newest), at most
 * <limit>.  {"events": [...], "next_cursor": seq or null}.  NULL + *errp.
 */
json_t	*store_events_list(PGconn *, const char *status, long long before,
	    int limit, char **errp);

/*
 * Makes the deliveries of event <id> (to <endpoint> only, if not NULL)
 * that are not being sent right now pending and due now, with the attempt
 * count reset; audits it.  ACT_DONE with res->out the event,
 * ACT_NOT_FOUND, or ACT_REFUSED when nothing can be sent again (res->msg
 * says why).  -1 only on a database error.
 */
int	 store_event_redeliver(PGconn *, const char *id, const char *endpoint,
	    const char *actor, struct act_result *res);

#endif
