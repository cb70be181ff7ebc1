/*
 * Logging to stderr or syslog.  Thread-safe enough for our use: each message
 * is formatted into one buffer and written with a single call.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
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
	char msg[2048], ts[32];
	struct timespec now;
	struct tm tm;

	vsnprintf(msg, sizeof(msg), fmt, ap);
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
