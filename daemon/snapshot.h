/*
 * The snapshot: everything built from a list version, refcounted and
 * immutable once published.  A request takes a reference when it starts and
 * drops it when it ends; a reload builds a new snapshot aside and swaps one
 * pointer, and the old one dies with its last reference.
 */
#ifndef CORDON_SNAPSHOT_H
#define CORDON_SNAPSHOT_H

#include <jansson.h>

#include "match.h"
#include "rules.h"
#include "util.h"

struct snapshot {
	int		 refcnt;	/* atomic */
	char		*version;	/* list version id, or "dir:<path>" */
	/*
	 * Set when this is not the active version but the newest one that
	 * builds, because the active one does not: why, in one line.
	 */
	char		*fallback;
	struct ruleset	*rs;
	struct matcher	*m;
	json_t		*lists;		/* GET /v1/lists body */
	char		 built_at[32];
};

/*
 * Compiles <rs> (takes ownership, also on failure) into a snapshot with one
 * reference.  Returns NULL with "file:line: why" lines in <errs>.
 */
struct snapshot	*snapshot_build(struct ruleset *rs, const char *version,
		    struct buf *errs);
/* Parses and compiles the *.yaml files of <dir>. */
struct snapshot	*snapshot_from_dir(const char *dir, struct buf *errs);
/*
 * Parses and compiles the files of a stored list version (<fs> is
 * borrowed), exactly as a daemon does when it loads <version>.  Returns
 * NULL with "file:line: why" lines in <errs>.
 */
struct snapshot	*snapshot_from_fileset(const struct fileset *fs,
		    const char *version, struct buf *errs);

struct snapshot	*snapshot_ref(struct snapshot *);
void		 snapshot_unref(struct snapshot *);	/* NULL is a no-op */

#endif
