/*
 * Metrics in the Prometheus text exposition format (version 0.0.4): answers
 * by route and status, declarations stored and refused, commit batching,
 * queues, connections, the list version in use.  Counters are kept on the
 * event loop thread; the text is made on request.
 */
#ifndef CORDON_METRICS_H
#define CORDON_METRICS_H

#include <stddef.h>

/* Counts one answer with <code> on route <route> (observe_route's index). */
void	metrics_count_reply(size_t route, int code);

/* The exposition text (caller frees). */
char	*metrics_text(void);

#endif
