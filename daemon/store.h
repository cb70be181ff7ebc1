/*
 * All SQL lives here.  Every function is synchronous on a PGconn owned by
 * the caller (a worker thread of db.c, or cordonctl), returns 0/-1 or a
 * pointer/NULL, and sets *errp (caller frees) on failure.
 */
#ifndef CORDON_STORE_H
#define CORDON_STORE_H

#include <stdbool.h>
#include <stdio.h>

#include <jansson.h>
#include <libpq-fe.h>

#include "decl.h"
#include "rules.h"
#include "screen.h"
#include "snapshot.h"
#include "util.h"

/* Connects; NULL with *errp on failure.  Sets a 5 s connect timeout default. */
PGconn	*store_connect(const char *dsn, char **errp);
/* True if the connection is usable (cheap; does not query). */
bool	 store_ok(PGconn *);
/* Runs "SELECT 1"; 0 or -1. */
int	 store_ping(PGconn *, char **errp);

/*
 * The newest migration cordond's own statements rely on: the batch store
 * writes the key rows itself from 0015 on (schemas/0015_commit_keys.sql),
 * and against an older schema its declarations would be skipped by 0014's
 * trigger and answered as conflicts; a late original is stored as version 0
 * from 0016 on (schemas/0016_late_original.sql); the batch writes
 * declarations.search_keys from 0019 on (schemas/0019_search_keys.sql).
 * Whoever makes a statement depend on a newer migration moves this name
 * with it.
 */
#define STORE_SCHEMA_NEEDED	"0019_search_keys.sql"
/*
 * 0 when the database holds STORE_SCHEMA_NEEDED; -1 with *errp saying
 * which migration is missing (and to run `cordonctl db migrate`).
 */
int	 store_schema_check(PGconn *, char **errp);

/* Applies the NNNN_*.sql files of <dir> not yet applied; prints what it did. */
int	 store_migrate(PGconn *, const char *dir, struct buf *out, char **errp);

/*
 * Stores the files <fs> (already parsed into <rs>) as a new immutable list
 * version, or finds the existing version with the same checksum.
 * *versionp receives the id (caller frees); *created whether rows were
 * written.  <progress> (may be NULL) hears each file stored.
 */
int	 store_import_version(PGconn *, const struct ruleset *rs,
	    const struct fileset *fs, const char *actor, char **versionp,
	    bool *created, void (*progress)(const char *name, size_t i, size_t n),
	    char **errp);
/* The files of <version> into <fs>; 0 or -1. */
int	 store_version_files(PGconn *, const char *version,
	    struct fileset *fs, char **errp);
/* Makes <version> the active one, audits it and NOTIFYs cordon_lists. */
int	 store_activate(PGconn *, const char *version, const char *actor,
	    char **errp);
/* All versions, newest first, as a JSON array. */
json_t	*store_versions(PGconn *, char **errp);
/* The id of the active version (caller frees), NULL if none (no error). */
char	*store_active_version(PGconn *, char **errp);
/*
 * Builds a snapshot from the stored files of <version>.  Rule errors go to
 * <errs>; database errors to *errp.
 */
struct snapshot *store_load_version(PGconn *, const char *version,
	    struct buf *errs, char **errp);

/* What storing one declaration came to: a domain outcome, not HTTP. */
enum store_outcome {
	STORE_PENDING,		/* not decided yet (internal) */
	STORE_CREATED,		/* stored now */
	STORE_REPLAY,		/* same reference, same body: stored earlier */
	STORE_CONFLICT,		/* same reference, another body */
	STORE_UNAVAILABLE,	/* PostgreSQL unreachable: not stored */
	STORE_UNKNOWN,		/* the connection was lost during COMMIT and
				   could not be asked again: maybe stored */
	STORE_FAILED,		/* refused by the database: not stored */
	STORE_CANCELLED,	/* a cancellation applied: the stored version
				   is cancelled */
	STORE_CLOSED,		/* an amendment or cancellation of a cancelled
				   declaration */
	STORE_RECORDED,		/* a cancellation of a reference this submitter
				   never stored: recorded as a cancelled first
				   version (nothing screened); its state in
				   ->stored */
	STORE_NEEDS_GOODS,	/* a header-only amendment (->header_only) of a
				   stored version that is not ->merge_base:
				   nothing stored; ->stored holds that
				   version's body (JSON), ->existing_id its id;
				   merge its goods and send it again */
};

/* One declaration of a store batch. */
struct store_item {
	/* in */
	const char		*submitter;
	const struct decl	*decl;		/* borrowed: items, type */
	const char		*body;		/* the request body (JSON) */
	size_t			 body_len;
	char			 body_hash[65];
	const char		*body_type;	/* NULL: JSON; else the content
						   type of <raw> */
	const char		*raw;		/* the body as received, when
						   <body> is the JSON made of it */
	size_t			 raw_len;
	struct screen_result	*result;	/* borrowed; its id is the
						   declaration's; storage sets
						   the alerts' statuses, may
						   add findings and gives an
						   amendment without a type
						   the amended version's */
	bool			 header_only;	/* an amendment without goods
						   items (WCO header data) */
	char			 merge_base[37];	/* header_only: the version
						   whose goods it carries now
						   ("" none yet) */
	bool			 late_original;	/* an original answered
						   STORE_CONFLICT once, sent
						   again: stored as version 0
						   if its reference began with
						   an amendment (store_amend.c) */
	/* out */
	enum store_outcome	 outcome;
	char			*stored;	/* the stored result (JSON text;
						   owner frees) */
	char			 existing_id[37];	/* replay, conflict */
	char			 goods_id[37];	/* STORE_NEEDS_GOODS: the
						   version whose goods
						   <stored> holds, and its */
	int			 goods_version;	/* number */
	/* decided by store_amend_prepare, afresh on every round */
	bool			 deferred;	/* another message of the batch
						   changes the reference first */
	int			 version;	/* 1, or the amendment's */
	char			 supersedes[37];	/* amendment: the version */
	char			 target_id[37];	/* the version amended or
						   cancelled */
	char			(*prev_alert)[37];	/* per result alert: the
						   alert it follows ("" none);
						   owner frees */
};

/*
 * Stores <n> declarations in one transaction: the suppression lookup for
 * their alerts, then one INSERT of every row (arrays, unnest) and COMMIT.
 * Idempotency, conflicts and suppressions are decided there.  Only items
 * whose outcome is STORE_PENDING are stored.  On 0 every item has its
 * outcome; on -1 nothing was committed unless the connection
 * was lost during COMMIT (then store_batch_committed tells).
 */
int	 store_batch(PGconn *, struct store_item **items, size_t n, char **errp);
/*
 * After a lost connection: which of <items> were committed (their ids are
 * stored)?  Those get STORE_CREATED, the others stay as they were.  0 or -1.
 */
int	 store_batch_committed(PGconn *, struct store_item **items, size_t n,
	    char **errp);
/* Connects with a statement timeout (ms, 0 none) and TCP keepalives. */
PGconn	*store_connect_deadline(const char *dsn, int statement_timeout_ms,
	    char **errp);

/* Stored declaration with its result; NULL and no *errp if not found. */
json_t	*store_get_declaration(PGconn *, const char *id, char **errp);
/*
 * The queue's filters (store_queue.c); NULL or false means any.  Every
 * value has been checked by the caller.
 */
struct alert_filter {
	const char	*statuses;	/* comma-separated alert statuses */
	const char	*category, *severity;
	const char	*q;		/* text in the reference, an item
					   description or a party name */
	const char	*country;	/* ISO code: route, parties, origins */
	const char	*from, *to;	/* YYYY-MM-DD, inclusive, UTC */
	const char	*submitter;
	const char	*claimed_by;
	bool		 awaiting_approval;
	const char	*cursor;	/* from next_cursor */
	int		 limit;
};
/* A queue page: {"alerts": [..], "next_cursor": ..}; caller decrefs. */
json_t	*store_queue_list(PGconn *, const struct alert_filter *, char **errp);
json_t	*store_get_alert(PGconn *, const char *id, char **errp);

/* ---- officers, tokens and audit (schemas/0002_officers.sql) ---- */

struct auth_table;

/* Active tokens (name, role, hash) into <t>; 0 or -1. */
int	 store_tokens_load(PGconn *, struct auth_table *t, char **errp);
/* Creates a token row and its audit row; 0, or -1 (*errp). */
int	 store_token_create(PGconn *, const char *name, const char *role,
	    const char *hash, const char *actor, char **errp);
/* Revokes by name; -1 with *errp if there is no such active token. */
int	 store_token_revoke(PGconn *, const char *name, const char *actor,
	    char **errp);
json_t	*store_tokens_list(PGconn *, char **errp);

/*
 * Appends one hash-chained audit row inside the caller's transaction.
 * <details> is borrowed; <list_version> may be NULL.
 */
int	 store_audit_append(PGconn *, const char *actor, const char *action,
	    const char *object_type, const char *object_id,
	    const char *list_version, json_t *details, char **errp);
/*
 * Recomputes the chain.  Returns 0 if intact, 1 if broken (what and where
 * in <out>), -1 on a database error.
 */
int	 store_audit_verify(PGconn *, struct buf *out, size_t *rows,
	    char **errp);
/* Audit rows after <after> (seq), at most <limit>: {"events": [...]}. */
json_t	*store_audit_page(PGconn *, long long after, int limit, char **errp);
/* Writes every audit row as one JSON line to <fp>; 0 or -1. */
int	 store_audit_export(PGconn *, FILE *fp, char **errp);

/* One workflow action on an alert. */
struct alert_act {
	const char	*id, *actor;
	const char	*action;	/* claim, unclaim, assign, decision,
					   reopen, note, approve, reject */
	const char	*decision;	/* "decision" only */
	const char	*text;		/* the reason, the note or the comment */
	const char	*to;		/* "assign": the colleague's token name */
	const char	*list_version;	/* for the audit row; may be NULL */
};
/*
 * What an officer's action (or an administrator's redelivery) came to: a
 * domain outcome, not HTTP; api.c answers it.
 */
enum act_outcome {
	ACT_DONE,		/* applied; out is the alert (the event) */
	ACT_CREATED,		/* a new row; out is it */
	ACT_AWAITS_APPROVAL,	/* four eyes: stored as a request a
				   supervisor answers; out is the alert */
	ACT_NOT_FOUND,		/* no such alert (event) */
	ACT_REFUSED,		/* not allowed in its present state: msg */
	ACT_INVALID,		/* request field <field> is missing or
				   wrong: msg says how */
};

struct act_result {
	enum act_outcome	 outcome;
	const char		*field;	/* ACT_INVALID: a static name */
	char			*msg;	/* why; the error when -1 */
	json_t			*out;
};

/* Frees and zeroes <res> (ACT_DONE, no message, no object). */
void	 act_result_clear(struct act_result *res);
/*
 * Runs <x> under the four-eyes principle: releasing a critical alert and
 * reopening another officer's decision become a pending request
 * (ACT_AWAITS_APPROVAL) that only a supervisor other than the requester
 * approves or rejects.  Returns -1 only on a database error.
 */
int	 store_alert_action(PGconn *, const struct alert_act *x,
	    struct act_result *res);
/* Suppression from a reviewed alert: ACT_CREATED, or a refusal. */
int	 store_suppression_create(PGconn *, const char *alert_id,
	    const char *actor, const char *reason, const char *expires_at,
	    const char *list_version, struct act_result *res);

/* ---- hardening: activation checks, token audit, suppression policy ---- */

/* True if a list version <version> is stored (false on a database error). */
bool	 store_version_exists(PGconn *, const char *version);
/*
 * Token rows the audit trail does not account for: a token without its
 * token_create row (or with another role there), a token the trail says
 * was revoked that is active again.  One line each in <out>; returns how
 * many, or -1 on a database error.
 */
int	 store_tokens_unaudited(PGconn *, struct buf *out, char **errp);
/*
 * POST /v1/suppressions under the server's policy (schemas/0004): the
 * alert must be decided, not held by another officer, and <expires_at>
 * at most <max_days> days ahead.  The database enforces the same policy
 * on every insert; this answers a refusal (ACT_REFUSED, ACT_INVALID)
 * instead of an error.  Then as store_suppression_create().
 */
int	 store_suppression_create_limited(PGconn *, const char *alert_id,
	    const char *actor, const char *reason, const char *expires_at,
	    long max_days, const char *list_version, struct act_result *res);

#endif
