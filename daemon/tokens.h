/*
 * The cache of active API tokens.  Lookups run on the loop thread against
 * the cached table; a token not found may be newer than the cache, so the
 * request waits for one refresh (shared by every request waiting meanwhile)
 * before it is refused.  Refreshes come from startup, NOTIFY cordon_tokens
 * and such misses; reload.c and api.c both use this module, and neither
 * uses the other for it.
 */
#ifndef CORDON_TOKENS_H
#define CORDON_TOKENS_H

#include <stdbool.h>
#include <stdint.h>

#include "auth.h"

struct db;

/* A miss refreshes the cache at most this often. */
#define TOKENS_REFRESH_MIN_MS	500

/* Called when the refresh a request waited for has ended. */
typedef void (*tokens_wait_fn)(void *arg, bool unavailable);

struct token_waiter;

struct token_cache {
	struct auth_table	 table;		/* the active tokens */
	uint64_t		 loaded_ms;	/* 0: never loaded */
	bool			 loading;
	struct token_waiter	*waiting;
};

/* True if a miss at <now> may wait for a refresh (the cache is old enough). */
bool	tokens_stale(const struct token_cache *, uint64_t now);
/*
 * Queues <fn>(<arg>) for the end of the next refresh.  Returns true if no
 * refresh is running, so the caller must start one (tokens_refresh).
 */
bool	tokens_wait(struct token_cache *, tokens_wait_fn fn, void *arg);
/*
 * Ends a refresh.  On <ok>, <table> (taken over) replaces the cache;
 * otherwise it is freed.  Then every waiter is called, with <unavailable>.
 */
void	tokens_loaded(struct token_cache *, struct auth_table *table, bool ok,
	    bool unavailable, uint64_t now);
void	tokens_free(struct token_cache *);

/* Starts a refresh from the database through <db> unless one is running. */
void	tokens_refresh(struct token_cache *, struct db *db);

#endif
