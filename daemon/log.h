/*
 * Logging: a small fixed API.  Messages go to stderr with a timestamp (or to
 * syslog once log_init() is told so).  The level check comes before
 * formatting.  Every message is escaped after formatting (log_escape()), so
 * that text from outside quoted in it cannot forge a log line or reorder
 * what a reader sees, whichever caller logs it.
 */
#ifndef CORDON_LOG_H
#define CORDON_LOG_H

#include <stdbool.h>
#include <stddef.h>

enum log_level {
	LOG_LEVEL_ERROR,
	LOG_LEVEL_WARN,
	LOG_LEVEL_INFO,
	LOG_LEVEL_DEBUG,
};

/* <prog> is kept by pointer; <level> is the most verbose level printed. */
void	log_init(const char *prog, enum log_level level, bool use_syslog);
void	log_set_level(enum log_level);
bool	log_enabled(enum log_level);

/* log_warn appends strerror(errno); log_warnx does not. */
void	log_warn(const char *, ...) __attribute__((format(printf, 1, 2)));
void	log_warnx(const char *, ...) __attribute__((format(printf, 1, 2)));
void	log_info(const char *, ...) __attribute__((format(printf, 1, 2)));
void	log_debug(const char *, ...) __attribute__((format(printf, 1, 2)));
void	fatal(const char *, ...) __attribute__((format(printf, 1, 2), noreturn));
void	fatalx(const char *, ...) __attribute__((format(printf, 1, 2), noreturn));

/*
 * Copies <src> (<srclen> bytes, any bytes) into <dst> (<dstsize> bytes,
 * always NUL-terminated) with control characters (C0, DEL, C1), bidi
 * controls, line and paragraph separators and other invisible format
 * characters written as \u{NNNN} (\xNN for C0 and DEL), every byte that is
 * not valid UTF-8 as \xNN, and a backslash as \\.  Stops before a character
 * that would not fit.  Returns the length written.
 */
size_t	log_escape(char *dst, size_t dstsize, const char *src, size_t srclen);

#define ASSERT(x) do {							\
	if (!(x))							\
		fatalx("assertion failed: %s at %s:%d", #x, __FILE__, __LINE__); \
} while (0)

#endif
