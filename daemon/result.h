/*
 * The screening result as JSON: the one place its shape is written.  The
 * API's answers, the stored `result` and `hits` columns and cordonctl's
 * output are all made here from a struct screen_result.  Pure: no I/O.
 */
#ifndef CORDON_RESULT_H
#define CORDON_RESULT_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "screen.h"
#include "util.h"

/*
 * Appends <r> to <b> as compact JSON.  <stored> adds each alert's status
 * (and suppression_id), as storage decided them.  When <hits_at> is not
 * NULL it receives, per alert, the offset and length in <b> of that
 * alert's "hits" array (storage writes those bytes to alerts.hits).
 */
void	 result_write(struct buf *b, const struct screen_result *r,
	    bool stored, size_t (*hits_at)[2]);
/* The same as a new string; the caller frees it. */
char	*result_text(const struct screen_result *r, bool stored);
/* The same as a jansson value (cordonctl, tests); the caller owns it. */
json_t	*result_json(const struct screen_result *r, bool stored);
/* One hit as a JSON object, appended to <b>. */
void	 result_write_hit(struct buf *b, const struct screen_hit *h);
/* One finding as a JSON object, appended to <b>. */
void	 result_write_finding(struct buf *b, const struct screen_finding *f);

/*
 * Appends <s> as a JSON string.  Control characters are escaped, and bytes
 * that are not valid UTF-8 become U+FFFD, so that the output is valid JSON
 * whatever <s> holds.
 */
void	 result_write_string(struct buf *b, const char *s);

#endif
