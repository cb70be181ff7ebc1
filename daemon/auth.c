/*
 * Token generation, hashing and constant-time lookup.  OpenSSL provides
 * the randomness, the digest and CRYPTO_memcmp.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "auth.h"
#include "log.h"
#include "util.h"
#include "xmalloc.h"

/* In bit order of enum role. */
static const char *role_names[] = { "submitter", "officer", "admin", "auditor",
	"supervisor" };
#define ROLE_NAMES	(int)(sizeof(role_names) / sizeof(role_names[0]))

enum role
auth_role(const char *name)
{
	int i;

	for (i = 0; i < ROLE_NAMES; i++)
		if (strcmp(name, role_names[i]) == 0)
			return (enum role)(1 << i);
	return ROLE_NONE;
}

const char *
auth_role_name(enum role r)
{
	int i;

	for (i = 0; i < ROLE_NAMES; i++)
		if (r == (enum role)(1 << i))
			return role_names[i];
	return "none";
}

void
auth_token_new(char out[48])
{
	static const char b64[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	unsigned char r[32];
	int i;

	if (RAND_bytes(r, sizeof(r)) != 1)
		fatalx("RAND_bytes failed");
	memcpy(out, "cdn_", 4);
	/* 32 bytes -> 43 base64url characters (6 bits each, last one 2 bits). */
	for (i = 0; i < 43; i++) {
		int bit = i * 6, byte = bit / 8, off = bit % 8;
		unsigned v = (unsigned)r[byte] << 8;

		if (byte + 1 < 32)
			v |= r[byte + 1];
		out[4 + i] = b64[(v >> (10 - off)) & 63];
	}
	out[47] = '\0';
}

void
auth_token_hash(const char *token, char out[65])
{
	util_sha256_hex(token, strlen(token), out);
}

static int
unhex(const char *hex, unsigned char out[32])
{
	int i;

	if (strlen(hex) != 64)
		return -1;
	for (i = 0; i < 32; i++) {
		unsigned v;

		if (sscanf(hex + 2 * i, "%2x", &v) != 1)
			return -1;
		out[i] = (unsigned char)v;
	}
	return 0;
}

int
auth_table_add(struct auth_table *t, const char *name, const char *role,
    const char *hash_hex)
{
	struct auth_entry e;

	memset(&e, 0, sizeof(e));
	if (unhex(hash_hex, e.digest) == -1 || (e.role = auth_role(role)) ==
	    ROLE_NONE)
		return -1;
	snprintf(e.name, sizeof(e.name), "%s", name);
	t->e = xreallocarray(t->e, t->n + 1, sizeof(*t->e));
	t->e[t->n++] = e;
	return 0;
}

void
auth_table_free(struct auth_table *t)
{
	free(t->e);
	t->e = NULL;
	t->n = 0;
}

const struct auth_entry *
auth_lookup(const struct auth_table *t, const char *token)
{
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned int dlen = 0;
	const struct auth_entry *found = NULL;
	size_t i;

	if (token == NULL || *token == '\0')
		return NULL;
	if (EVP_Digest(token, strlen(token), d, &dlen, util_sha256_md(),
	    NULL) != 1)
		fatalx("EVP_Digest failed");
	for (i = 0; i < t->n; i++)
		if (CRYPTO_memcmp(d, t->e[i].digest, 32) == 0)
			found = &t->e[i];
	return found;
}

const struct auth_entry *
auth_find_name(const struct auth_table *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->e[i].name, name) == 0)
			return &t->e[i];
	return NULL;
}
