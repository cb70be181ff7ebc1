/*
 * The officers' queue as other programs read it: the CSV export of a
 * filtered queue, and the checks of the queue's filter values.  Pure: no
 * I/O, no SQL (store_queue.c runs the query).
 */
#ifndef CORDON_QUEUE_H
#define CORDON_QUEUE_H

#include <stdbool.h>

#include <jansson.h>

/*
 * The alerts of a queue page (<alerts>, a JSON array as store_queue_list
 * returns it, borrowed) as CSV: a header line, then one line per alert,
 * CRLF line ends, RFC 4180 quoting.  A cell that a spreadsheet would take
 * for a formula (=, +, -, @ first) is written with a leading apostrophe.
 * The caller frees the result.
 */
char	*queue_csv(json_t *alerts);
/* True if <s> is an ISO 3166 alpha-2 code written in capitals. */
bool	 queue_is_country(const char *s);
/* True if <s> is a calendar date YYYY-MM-DD that exists. */
bool	 queue_is_date(const char *s);
/*
 * True if <s> is a comma-separated list of alert statuses (words.c), each
 * once at most.
 */
bool	 queue_is_status_list(const char *s);

#endif
