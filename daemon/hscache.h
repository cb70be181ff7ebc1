/*
 * The on-disk cache of compiled vectorscan databases.  Compiling the rule
 * terms costs seconds on every start, reload and `cordonctl screen`; an
 * unchanged rule set is served from a file keyed by a SHA-256 of everything
 * that determines the database (every pattern, flag, id and length in
 * order, the mode, the vectorscan version and this host's platform).  A
 * missing, stale, unreadable or corrupt file is never an error and never a
 * wrong database: the caller compiles and stores again.  Owns only the
 * cache directory's files; knows nothing of rules or terms.
 */
#ifndef CORDON_HSCACHE_H
#define CORDON_HSCACHE_H

#include <stddef.h>

#include <hs/hs.h>

/* How loud the cache is about what it does. */
enum hscache_voice {
	HSCACHE_QUIET,	/* everything at debug level */
	HSCACHE_WARN,	/* problems as warnings, hits and stores at debug */
	HSCACHE_INFO,	/* problems as warnings, hits and stores at info */
};

/*
 * Sets the process-wide cache directory (copied); NULL or "" turns the
 * cache off.  The directory must exist, belong to this user and be
 * writable by no one else, or the cache is not used (said once per
 * process).  Safe to call from any thread.
 */
void	hscache_set_dir(const char *dir, enum hscache_voice voice);
/* The cache directory, or NULL when off (caller frees). */
char	*hscache_dir(void);
/*
 * $XDG_CACHE_HOME/cordon, else $HOME/.cache/cordon, created (mode 700) if
 * missing; NULL when neither variable is set (caller frees).
 */
char	*hscache_user_dir(void);

struct hscache_key {
	unsigned char	md[32];		/* SHA-256 */
	char		hex[65];
};

/*
 * The key of a database compiled by hs_compile_multi() (<lens> NULL) or
 * hs_compile_lit_multi() (<lens> the literal lengths) from these exact
 * arguments, for this vectorscan version and host.
 */
void	hscache_key(struct hscache_key *k, const char *const *exprs,
	    const size_t *lens, const unsigned *flags, const unsigned *ids,
	    unsigned n, unsigned mode);

/*
 * The database stored under <k> in <dir>, or NULL: no such file, or one
 * that is unreadable, corrupt, for another key, version or platform (a
 * warning said why).  The caller owns the result (hs_free_database()).
 */
hs_database_t	*hscache_load(const char *dir, const struct hscache_key *k);
/*
 * Stores <db> under <k> in <dir> (temp file, then rename) and removes the
 * least recently used files past a few.  Returns 0, or -1 with a warning:
 * nothing else changes.
 */
int		 hscache_store(const char *dir, const struct hscache_key *k,
		    const hs_database_t *db);

/* Logs a line about routine cache use at the configured voice. */
void	hscache_note(const char *, ...) __attribute__((format(printf, 1, 2)));

#endif
