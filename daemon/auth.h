/*
 * API tokens and roles.  A token is random, shown once, and stored only as
 * its SHA-256; the daemon keeps the active tokens' hashes in memory and
 * compares them in constant time.  No SQL here (store.c has it).
 */
#ifndef CORDON_AUTH_H
#define CORDON_AUTH_H

#include <stdbool.h>
#include <stddef.h>

enum role {
	ROLE_NONE = 0,
	ROLE_SUBMITTER = 1 << 0,	/* posts declarations */
	ROLE_OFFICER = 1 << 1,		/* works alerts */
	ROLE_ADMIN = 1 << 2,		/* lists, tokens, reload */
	ROLE_AUDITOR = 1 << 3,		/* reads everything, changes nothing */
	ROLE_SUPERVISOR = 1 << 4,	/* an officer who also approves what
					   needs four eyes */
};

/* "officer" -> ROLE_OFFICER; ROLE_NONE if unknown. */
enum role	 auth_role(const char *name);
const char	*auth_role_name(enum role);

/* A new token ("cdn_" + 43 base64url characters) into <out> (48 bytes). */
void	auth_token_new(char out[48]);
/* SHA-256 hex of a token into <out> (65 bytes). */
void	auth_token_hash(const char *token, char out[65]);

struct auth_entry {
	char		 name[128];
	enum role	 role;
	unsigned char	 digest[32];
};

struct auth_table {
	struct auth_entry	*e;
	size_t			 n;
};

/* Adds a token by its hex hash; returns -1 for a malformed hash. */
int	auth_table_add(struct auth_table *, const char *name, const char *role,
	    const char *hash_hex);
void	auth_table_free(struct auth_table *);	/* frees the contents */

/*
 * Finds the bearer token <token>: compares its digest with every entry in
 * constant time (no early exit).  Returns the entry or NULL.
 */
const struct auth_entry *auth_lookup(const struct auth_table *,
	    const char *token);

/* The active entry named <name>, or NULL. */
const struct auth_entry *auth_find_name(const struct auth_table *,
	    const char *name);

#endif
