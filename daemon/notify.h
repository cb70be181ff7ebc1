/*
 * Tells the service manager (systemd, Type=notify) what the daemon is doing:
 * ready, reloading, stopping, and a one-line status.  Does nothing when the
 * daemon was not started by a service manager (no NOTIFY_SOCKET).
 */
#ifndef CORDON_NOTIFY_H
#define CORDON_NOTIFY_H

/* READY=1 with a status line. */
void	notify_ready(const char *status);

/* RELOADING=1 with MONOTONIC_USEC, as systemd 253 and later ask for. */
void	notify_reloading(void);

/* STOPPING=1. */
void	notify_stopping(void);

/* STATUS=<status> alone. */
void	notify_status(const char *status);

#endif
