/*
 * The HTTP API: one handler per endpoint, JSON in and out.  Handlers never
 * block: database work goes to db.c jobs and the reply is sent when the job
 * comes back.  A 2xx for a declaration is only sent after its commit.
 */
#ifndef CORDON_API_H
#define CORDON_API_H

#include <stddef.h>

#include <event2/http.h>

/* evhttp's generic callback: routes by method and path. */
void	api_dispatch(struct evhttp_request *, void *);
/* Requests waiting for the database (for a graceful stop). */
size_t	api_inflight(void);

#endif
