/*
 * Allocation wrappers.  Running out of memory is fatal: error paths are kept
 * for what really fails (input, network, database), never for malloc.
 */
#ifndef CORDON_XMALLOC_H
#define CORDON_XMALLOC_H

#include <stddef.h>

/* Each returns memory the caller frees; none returns NULL. */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
int	 xasprintf(char **, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
