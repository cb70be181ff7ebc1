/*
 * Downloads of list files: one blocking libcurl transfer into memory, with
 * a size cap, a redirect limit and the SHA-256 of the bytes received.  Used
 * by cordonctl (lists fetch); the daemon never fetches on its event loop.
 */
#ifndef CORDON_FETCH_H
#define CORDON_FETCH_H

#include <stddef.h>

#define FETCH_MAX_SIZE		((size_t)512 << 20)	/* bytes */
#define FETCH_MAX_REDIRECTS	5

/*
 * Fetches <url> (http://, https:// or file://) into memory.  On success
 * returns 0, sets *datap (NUL-terminated, caller frees) and *lenp, and writes
 * the lowercase hex SHA-256 into <sha256>.  <progress>, if not NULL, is called
 * as data arrives with the bytes so far and the announced total (0 if
 * unknown).  On failure returns -1 and sets *errp to a message the caller
 * frees (an HTTP status of 400 or more, a body over FETCH_MAX_SIZE, too many
 * redirects, a transport error); nothing is returned in *datap.
 */
int	fetch_url(const char *url, char **datap, size_t *lenp,
	    char sha256[65], void (*progress)(size_t got, size_t total,
	    void *arg), void *arg, char **errp)
	    __attribute__((warn_unused_result));

/*
 * One request to a Cordon API: <method> on <url> with a bearer <token>
 * (may be NULL) and a JSON <body> (may be NULL).  On 0, *respp holds the
 * response body (caller frees) and *statusp the HTTP status; -1 with
 * *errp when no response came.
 */
int	fetch_api(const char *method, const char *url, const char *token,
	    const char *body, char **respp, long *statusp, char **errp);

#endif
