/*
 * Leaf helpers shared by every module.  Nothing here knows about
 * declarations, rules or the database.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include "log.h"
#include "util.h"
#include "xmalloc.h"

void
buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

static void
buf_grow(struct buf *b, size_t need)
{
	size_t cap;

	if (b->len + need + 1 <= b->cap)
		return;
	cap = b->cap ? b->cap : 64;
	while (cap < b->len + need + 1)
		cap *= 2;
	b->data = xreallocarray(b->data, cap, 1);
	b->cap = cap;
}

/* buf_add where the buffer must grow first (see util.h). */
void
buf_add_grow(struct buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		fatalx("buf_printf: bad format");
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *
buf_release(struct buf *b)
{
	char *p = b->data;

	if (p == NULL)
		p = xstrdup("");
	buf_init(b);
	return p;
}

void
util_hex(const unsigned char *b, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		out[2 * i] = digits[b[i] >> 4];
		out[2 * i + 1] = digits[b[i] & 0x0f];
	}
}

static EVP_MD *sha256_md;
static pthread_once_t sha256_once = PTHREAD_ONCE_INIT;

static void
sha256_fetch(void)
{
	if ((sha256_md = EVP_MD_fetch(NULL, "SHA256", NULL)) == NULL)
		fatalx("EVP_MD_fetch SHA256 failed");
}

/*
 * SHA-256 fetched once: EVP_sha256() makes every EVP_DigestInit look the
 * algorithm up again in OpenSSL 3's provider tables (a lock and a hash
 * lookup per digest, three digests per declaration).
 */
const EVP_MD *
util_sha256_md(void)
{
	pthread_once(&sha256_once, sha256_fetch);
	return sha256_md;
}

void
util_sha256_hex(const void *data, size_t len, char out[65])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;

	if (EVP_Digest(data, len, md, &mdlen, util_sha256_md(), NULL) != 1 ||
	    mdlen != 32)
		fatalx("EVP_Digest failed");
	util_hex(md, mdlen, out);
	out[64] = '\0';
}

/*
 * Random bytes for UUIDs, drawn from OpenSSL's generator 512 at a time per
 * thread: one RAND_bytes call (its locks, the DRBG's set-up) per 32 UUIDs
 * instead of one each.  cordond never forks, so no two processes share a
 * buffer.
 */
#define UUID_RAND_BUF	512

static void
uuid_random(unsigned char *b, size_t n)
{
	static __thread unsigned char buf[UUID_RAND_BUF];
	static __thread size_t left;

	if (left < n) {
		if (RAND_bytes(buf, sizeof(buf)) != 1)
			fatalx("RAND_bytes failed");
		left = sizeof(buf);
	}
	memcpy(b, buf + sizeof(buf) - left, n);
	/* bytes handed out are not kept */
	memset(buf + sizeof(buf) - left, 0, n);
	left -= n;
}

void
util_uuid7(char out[37])
{
	unsigned char b[16];
	struct timespec ts;
	uint64_t ms;
	int i, o = 0;

	clock_gettime(CLOCK_REALTIME, &ts);
	ms = (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
	uuid_random(b, sizeof(b));
	for (i = 0; i < 6; i++)
		b[i] = (unsigned char)(ms >> (40 - 8 * i));
	b[6] = (unsigned char)(0x70 | (b[6] & 0x0f));
	b[8] = (unsigned char)(0x80 | (b[8] & 0x3f));
	/* 8-4-4-4-12 hex digits */
	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		util_hex(b + i, 1, out + o);
		o += 2;
	}
	out[36] = '\0';
}

char *
util_read_file(const char *path, size_t *lenp)
{
	struct buf b;
	char chunk[65536];
	size_t n;
	FILE *fp;

	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_add(&b, chunk, n);
	if (ferror(fp)) {
		int e = errno;
		fclose(fp);
		buf_free(&b);
		errno = e;
		return NULL;
	}
	fclose(fp);
	if (lenp)
		*lenp = b.len;
	return buf_release(&b);
}

void
util_now_rfc3339(char out[32])
{
	struct timespec ts;
	struct tm tm;
	char base[24];
	long ms;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(base, sizeof(base), "%Y-%m-%dT%H:%M:%S", &tm);
	ms = (ts.tv_nsec / 1000000) % 1000;
	snprintf(out, 32, "%.19s.%03ldZ", base, ms);
}

uint64_t
util_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static bool
digits(const char *s, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

size_t
util_copy(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);

	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
	return n;
}

void
util_field_at(char *dst, size_t size, const char *head, size_t i,
    const char *tail)
{
	char idx[24], *p = idx + sizeof(idx);
	size_t len;

	*--p = '\0';
	*--p = ']';
	do
		*--p = (char)('0' + i % 10);
	while ((i /= 10) > 0);
	*--p = '[';
	len = util_copy(dst, size, head);
	len += util_copy(dst + len, size - len, p);
	(void)util_copy(dst + len, size - len, tail);
}

bool
util_is_rfc3339(const char *s)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int y, mo, d, h, mi, se;

	/* YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM) */
	if (strlen(s) < 20 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) ||
	    s[7] != '-' || !digits(s + 8, 2) || (s[10] != 'T' && s[10] != 't' &&
	    s[10] != ' ') || !digits(s + 11, 2) || s[13] != ':' ||
	    !digits(s + 14, 2) || s[16] != ':' || !digits(s + 17, 2))
		return false;
	y = atoi(s);
	mo = atoi(s + 5); d = atoi(s + 8); h = atoi(s + 11);
	mi = atoi(s + 14); se = atoi(s + 17);
	if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] ||
	    h > 23 || mi > 59 || se > 60)
		return false;
	/* A date that does not exist would make the database fail later. */
	if (mo == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return false;
	s += 19;
	if (*s == '.') {
		s++;
		if (!isdigit((unsigned char)*s))
			return false;
		while (isdigit((unsigned char)*s))
			s++;
	}
	if ((*s == 'Z' || *s == 'z') && s[1] == '\0')
		return true;
	if ((*s == '+' || *s == '-') && digits(s + 1, 2) && s[3] == ':' &&
	    digits(s + 4, 2) && s[6] == '\0' && atoi(s + 1) <= 15 &&
	    atoi(s + 4) <= 59)
		return true;
	return false;
}

/* Length of the valid UTF-8 sequence at <p>, or 0 if it is not one. */
static size_t
utf8_seq_len(const unsigned char *p)
{
	unsigned int cp;
	size_t n, i;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		n = 2; cp = p[0] & 0x1f;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		n = 3; cp = p[0] & 0x0f;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		n = 4; cp = p[0] & 0x07;
	} else
		return 0;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)	/* also stops at the NUL */
			return 0;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return n;
}

char *
util_utf8_scrub(char *s)
{
	unsigned char *p = (unsigned char *)s;
	size_t n;

	while (*p != '\0') {
		n = utf8_seq_len(p);
		if (n == 0) {
			*p++ = '?';
			continue;
		}
		p += n;
	}
	return s;
}
