/*
 * Metrics in the Prometheus text exposition format (version 0.0.4): answers
 * by route and status, declarations stored and refused, commit batching,
 * queues, connections, the list version in use.  Counters are kept on the
 * event loop thread; the text is made on request.
 */
#ifndef CORDON_METRICS_H
#define CORDON_METRICS_H

/* Counts one answer: <method> (ROUTE_GET/ROUTE_POST, 0 other), <path>, <code>. */
void	metrics_count_reply(unsigned method, const char *path, int code);

/* The exposition text (caller frees). */
char	*metrics_text(void);

#endif
