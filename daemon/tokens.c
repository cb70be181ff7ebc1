/*
 * Token cache: the logic (stale, wait, loaded) is pure and unit-tested; the
 * refresh itself is one db.c job running store_tokens_load().
 */
#include "config.h"

#include <stdlib.h>

#include "db.h"
#include "log.h"
#include "store.h"
#include "tokens.h"
#include "util.h"
#include "xmalloc.h"

struct token_waiter {
	tokens_wait_fn		 fn;
	void			*arg;
	struct token_waiter	*next;
};

bool
tokens_stale(const struct token_cache *tc, uint64_t now)
{
	return tc->loaded_ms == 0 || now - tc->loaded_ms > TOKENS_REFRESH_MIN_MS;
}

bool
tokens_wait(struct token_cache *tc, tokens_wait_fn fn, void *arg)
{
	struct token_waiter *w = xcalloc(1, sizeof(*w)), **pp;

	w->fn = fn;
	w->arg = arg;
	/* In arrival order. */
	for (pp = &tc->waiting; *pp != NULL; pp = &(*pp)->next)
		;
	*pp = w;
	return !tc->loading;
}

void
tokens_loaded(struct token_cache *tc, struct auth_table *table, bool ok,
    bool unavailable, uint64_t now)
{
	struct token_waiter *w, *nx;

	tc->loading = false;
	if (ok) {
		auth_table_free(&tc->table);
		tc->table = *table;
		tc->loaded_ms = now;
	} else
		auth_table_free(table);
	/* Waiters may queue again (for the next refresh): detach first. */
	w = tc->waiting;
	tc->waiting = NULL;
	for (; w != NULL; w = nx) {
		nx = w->next;
		w->fn(w->arg, unavailable);
		free(w);
	}
}

void
tokens_free(struct token_cache *tc)
{
	struct token_waiter *w, *nx;

	auth_table_free(&tc->table);
	for (w = tc->waiting; w != NULL; w = nx) {
		nx = w->next;
		free(w);
	}
	tc->waiting = NULL;
}

/* ---- the refresh: one database job ---------------------------------- */

struct tokens_job {
	struct db_job		 job;
	struct token_cache	*tc;
	struct auth_table	 table;
};

static int
tokens_fn(PGconn *c, struct db_job *j)
{
	struct tokens_job *t = j->arg;

	return store_tokens_load(c, &t->table, &j->err);
}

static void
tokens_done(struct db_job *j)
{
	struct tokens_job *t = j->arg;

	if (j->rc == 0)
		log_debug("%zu active tokens", t->table.n);
	else
		log_warnx("cannot load tokens: %s", j->err);
	tokens_loaded(t->tc, &t->table, j->rc == 0, j->rc == -1 &&
	    j->unavailable, util_now_ms());
	free(j->err);
	free(t);
}

void
tokens_refresh(struct token_cache *tc, struct db *db)
{
	struct tokens_job *t;

	if (tc->loading)
		return;
	tc->loading = true;
	t = xcalloc(1, sizeof(*t));
	t->tc = tc;
	db_call(db, &t->job, tokens_fn, tokens_done, t);
}
