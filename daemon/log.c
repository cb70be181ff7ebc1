/*
 * Logging to stderr or syslog.  Thread-safe enough for our use: each message
 * is formatted into one buffer and written with a single call.  References,
 * names, paths, header values and error texts that quote input all reach the
 * log through here, so the escaping of what could forge a line or reorder
 * the text around it (log_escape()) is done here, once, on the whole
 * formatted message.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>

#include "log.h"

static const char	*log_prog = "cordon";
static enum log_level	 log_level = LOG_LEVEL_INFO;
static bool		 log_syslog;

static void	log_emit(enum log_level, const char *, const char *, va_list)
		    __attribute__((format(printf, 3, 0)));
static bool	invisible(uint32_t);
static size_t	utf8_decode(const unsigned char *, size_t, uint32_t *);

/*
 * Code points shown escaped: C1 controls, and the format characters that
 * are invisible or change the order or the lines of the text around them
 * (soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width
 * characters, bidi marks, embeddings, overrides and isolates, line and
 * paragraph separators, invisible operators, deprecated format characters,
 * the byte order mark, interlinear annotations, tag characters).
 */
static bool
invisible(uint32_t c)
{
	return (c >= 0x80 && c <= 0x9f) || c == 0xad || c == 0x61c ||
	    c == 0x180e || (c >= 0x200b && c <= 0x200f) ||
	    (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064) ||
	    (c >= 0x2066 && c <= 0x206f) || c == 0xfeff ||
	    (c >= 0xfff9 && c <= 0xfffb) || (c >= 0xe0000 && c <= 0xe007f);
}

/*
 * The length of the well-formed UTF-8 sequence at <s> (of <n> bytes) and
 * its code point in *cp, or 0 if it is not one (RFC 3629: no overlong
 * forms, no surrogates, nothing past U+10FFFF).
 */
static size_t
utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t len, i;
	uint32_t c, min;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		c = s[0] & 0x1f;
		min = 0x80;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		c = s[0] & 0x0f;
		min = 0x800;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		c = s[0] & 0x07;
		min = 0x10000;
	} else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

size_t
log_escape(char *dst, size_t dstsize, const char *src, size_t srclen)
{
	const unsigned char *s = (const unsigned char *)src;
	size_t i = 0, o = 0, len;
	char tmp[16];
	uint32_t cp;

	if (dstsize == 0)
		return 0;
	while (i < srclen) {
		const char *put = tmp;
		size_t putlen;

		if ((len = utf8_decode(s + i, srclen - i, &cp)) == 0) {
			snprintf(tmp, sizeof(tmp), "\\x%02X", s[i]);
			len = 1;
		} else if (cp < 0x20 || cp == 0x7f)
			snprintf(tmp, sizeof(tmp), "\\x%02X", (unsigned)cp);
		else if (invisible(cp))
			snprintf(tmp, sizeof(tmp), "\\u{%04X}", (unsigned)cp);
		else if (cp == '\\')
			put = "\\\\";
		else
			put = src + i;	/* as it is */
		putlen = put == src + i ? len : strlen(put);
		if (o + putlen >= dstsize)
			break;
		memcpy(dst + o, put, putlen);
		o += putlen;
		i += len;
	}
	dst[o] = '\0';
	return o;
}

void
log_init(const char *prog, enum log_level level, bool use_syslog)
{
	log_prog = prog;
	log_level = level;
	log_syslog = use_syslog;
	if (use_syslog)
		openlog(prog, LOG_PID | LOG_NDELAY, LOG_DAEMON);
}

void
log_set_level(enum log_level level)
{
	log_level = level;
}

bool
log_enabled(enum log_level level)
{
	return level <= log_level;
}

static void
log_emit(enum log_level level, const char *suffix, const char *fmt, va_list ap)
{
	static const char *names[] = { "error", "warning", "info", "debug" };
	static const int prio[] = { LOG_ERR, LOG_WARNING, LOG_INFO, LOG_DEBUG };
	char raw[2048], msg[4 * sizeof(raw) + 16], ts[32];
	struct timespec now;
	struct tm tm;
	int n;

	if ((n = vsnprintf(raw, sizeof(raw), fmt, ap)) < 0)
		n = 0;
	log_escape(msg, sizeof(msg), raw, (size_t)n < sizeof(raw) ? (size_t)n :
	    sizeof(raw) - 1);
	if (log_syslog) {
		syslog(prio[level], "%s%s%s", msg, suffix ? ": " : "",
		    suffix ? suffix : "");
		return;
	}
	clock_gettime(CLOCK_REALTIME, &now);
	gmtime_r(&now.tv_sec, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%S", &tm);
	fprintf(stderr, "%s.%03ldZ %s %s: %s%s%s\n", ts, now.tv_nsec / 1000000,
	    log_prog, names[level], msg, suffix ? ": " : "",
	    suffix ? suffix : "");
}

#define LOG_BODY(level, suffix) do {					\
	va_list ap;							\
	if (!log_enabled(level))					\
		return;							\
	va_start(ap, fmt);						\
	log_emit(level, suffix, fmt, ap);				\
	va_end(ap);							\
} while (0)

void
log_warn(const char *fmt, ...)
{
	const char *e = strerror(errno);

	LOG_BODY(LOG_LEVEL_WARN, e);
}

void
log_warnx(const char *fmt, ...)
{
	LOG_BODY(LOG_LEVEL_WARN, NULL);
}

void
log_info(const char *fmt, ...)
{
	LOG_BODY(LOG_LEVEL_INFO, NULL);
}

void
log_debug(const char *fmt, ...)
{
	LOG_BODY(LOG_LEVEL_DEBUG, NULL);
}

void
fatal(const char *fmt, ...)
{
	const char *e = strerror(errno);
	va_list ap;

	va_start(ap, fmt);
	log_emit(LOG_LEVEL_ERROR, e, fmt, ap);
	va_end(ap);
	exit(1);
}

void
fatalx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_emit(LOG_LEVEL_ERROR, NULL, fmt, ap);
	va_end(ap);
	exit(1);
}
