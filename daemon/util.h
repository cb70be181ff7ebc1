/*
 * Small leaf helpers: a growable byte buffer, SHA-256 in hex, time-ordered
 * identifiers, whole-file reads.  Depends on no other Cordon module but
 * xmalloc.
 */
#ifndef CORDON_UTIL_H
#define CORDON_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct buf {
	char	*data;		/* always NUL-terminated when len > 0 */
	size_t	 len;
	size_t	 cap;
};

void	buf_init(struct buf *);
void	buf_free(struct buf *);		/* frees the contents, not <b> */
void	buf_reset(struct buf *);
void	buf_add_grow(struct buf *, const void *, size_t);
void	buf_adds(struct buf *, const char *);

/*
 * Appends <n> bytes.  Inline where the buffer has room: folding a text
 * appends byte by byte, and three calls a byte were most of its cost.
 */
static inline void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		buf_add_grow(b, p, n);
		return;
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static inline void
buf_addc(struct buf *b, char c)
{
	if (b->len + 2 > b->cap) {
		buf_add_grow(b, &c, 1);
		return;
	}
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}
void	buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Hands the contents to the caller (who frees them) and empties <b>. */
char	*buf_release(struct buf *);

/* Writes <n> bytes as lowercase hex at <out> (2n characters, no NUL). */
void	util_hex(const unsigned char *b, size_t n, char *out);

/* Writes the lowercase hex SHA-256 of <data> into <out> (65 bytes). */
void	util_sha256_hex(const void *data, size_t len, char out[65]);
/* SHA-256 for EVP_Digest*, fetched once for the process. */
const struct evp_md_st *util_sha256_md(void);

/* Writes a fresh UUIDv7 (time-ordered, random tail) into <out> (37 bytes). */
void	util_uuid7(char out[37]);

/* Reads a whole file; returns malloc'd NUL-terminated data or NULL (errno). */
char	*util_read_file(const char *path, size_t *lenp);

/* Current UTC time as RFC 3339 into <out> (32 bytes). */
void	util_now_rfc3339(char out[32]);

/* Monotonic milliseconds. */
uint64_t util_now_ms(void);

/*
 * Replaces, in place, every byte of <s> that does not belong to a valid UTF-8
 * sequence (stray continuation bytes, overlong forms, surrogates, code points
 * above U+10FFFF, truncated sequences) with '?', so that text quoting outside
 * bytes can always be put into JSON.  Returns <s>.
 */
char	*util_utf8_scrub(char *s);

/*
 * Copies <src> into <dst> of <size> bytes (at least 1), cut to fit,
 * NUL-terminated; returns the length written.  snprintf("%s") without
 * parsing a format: field names and words are made for every item and
 * party screened.
 */
size_t	util_copy(char *dst, size_t size, const char *src);

/* "<head>[<i>]<tail>" into <dst> of <size> bytes, cut as util_copy cuts. */
void	util_field_at(char *dst, size_t size, const char *head, size_t i,
	    const char *tail);

/* True if <s> is a valid RFC 3339 date-time. */
bool	util_is_rfc3339(const char *s);

/*
 * The room an array grown by doubling (from 16) has once it holds element
 * <n>: it needs a new block exactly when util_cap(n) != util_cap(n - 1).
 */
static inline size_t
util_cap(size_t n)
{
	size_t c = 16;

	while (c <= n)
		c *= 2;
	return c;
}

/*
 * Starts loading the cache line at <p>, a hint only.  The empty asm makes
 * the address look used: GCC 12 deletes a __builtin_prefetch once it is
 * inlined into a loop (dead-code elimination took every one in
 * partysearch.o), and the loads ahead of time are the point of it.
 */
static inline void
util_prefetch(const void *p)
{
	__asm__ volatile("" : "+r"(p));
	__builtin_prefetch(p);
}

#endif
