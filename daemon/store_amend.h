/*
 * Amendments and cancellations in the batch store (store_amend.c): what
 * store_decl.c's batch asks of them, inside its transaction.
 */
#ifndef CORDON_STORE_AMEND_H
#define CORDON_STORE_AMEND_H

#include <stddef.h>

#include <jansson.h>
#include <libpq-fe.h>

#include "store.h"
#include "util.h"

/*
 * Inside the batch's transaction, before its INSERT: for every pending
 * amendment or cancellation of <items>, finds the latest stored version of
 * its reference and decides it.  A replay gets STORE_REPLAY with the stored
 * answer; a cancelled one STORE_CLOSED; a cancellation is applied
 * (STORE_CANCELLED, its state in ->stored); an amendment stays pending
 * with ->version, ->supersedes and ->prev_alert set, the version it
 * supersedes already marked, for the INSERT to write.  A header-only
 * amendment whose ->merge_base is not the latest version gets
 * STORE_NEEDS_GOODS with that version's body.  Of a reference never
 * stored, a cancellation is recorded as a cancelled first version
 * (STORE_RECORDED, its state in ->stored) and an amendment stays pending
 * as the first version; both get a finding in ->result.  An original sent
 * again after a conflict (->late_original) is stored as version 0 when the
 * reference began with an amendment (->version 0, ->target_id that version
 * 1, a finding), else gets STORE_CONFLICT or, on a cancelled declaration,
 * STORE_CLOSED.  A message whose reference another message of the batch
 * changes first gets ->deferred (the next round takes it).  Open and claimed
 * alerts of superseded and cancelled versions are closed, and each applied
 * message is audited.  Resets those fields on every item first; no
 * statement at all when the batch has only originals.  0, or -1 (*errp).
 */
int	store_amend_prepare(PGconn *, struct store_item **items, size_t n,
	    char **errp);
/*
 * Adds an amendment's function, version and the id it supersedes (null
 * for a first version) to its answer <text> (a JSON object result_write
 * made), and a late original's version 0, state and superseded_by;
 * nothing for another original.
 */
void	store_amend_annotate(struct buf *text, const struct store_item *it);
/* What an original sent again after a conflict comes to. */
enum store_late {
	STORE_LATE_STORE,	/* a late original: stored as version 0 */
	STORE_LATE_CONFLICT,	/* another body under a taken reference */
	STORE_LATE_CLOSED,	/* the declaration is cancelled */
};
/*
 * Decides it from the first stored version of the reference
 * (<first_version>, <first_function>; -1 and NULL when no row is left) and
 * the latest version's <latest_state>: it is a late original when the
 * reference began with an amendment (version 1, no original received) and
 * is not cancelled.  Pure.
 */
enum store_late store_amend_late(int first_version, const char *first_function,
	    const char *latest_state);
/*
 * The stored original body (<hex> as PostgreSQL's encode(, 'hex') gives
 * it) as {"encoding": "utf-8", "text": ...}, or with "encoding": "hex"
 * when the bytes are not UTF-8.  The caller owns the result.
 */
json_t	*store_raw_body_json(const char *hex);

#endif
