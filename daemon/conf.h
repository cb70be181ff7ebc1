/*
 * Settings: one declarative table (name, type, default, range, reloadable)
 * read from a strict YAML file, then overridden by command-line options.
 */
#ifndef CORDON_CONF_H
#define CORDON_CONF_H

#include <stdbool.h>
#include <stddef.h>

struct webhook_endpoint;

struct conf {
	char	*listen;	/* HOST:PORT */
	char	*db;		/* libpq connection string */
	char	*db_file;	/* file holding it (mode 600), or NULL */
	char	*read_db;	/* DSN for officers' reads (a standby), or NULL */
	char	*rules_dir;	/* screen against a directory instead of the DB */
	char	*rules_cache_dir; /* compiled rules kept here, or NULL (off) */
	char	*log_level;	/* error warn info debug */
	char	*log_target;	/* stderr, or syslog (the journal under systemd) */
	long	 max_body;	/* bytes */
	long	 db_workers;
	long	 batch_max;	/* declarations per commit at most */
	long	 retry_after;	/* seconds, on 503 */
	long	 page_max;	/* alerts per page at most */
	long	 csv_max_rows;	/* alerts in one CSV export at most */
	double	 party_threshold; /* name similarity for a denied-party hit */
	long	 screen_workers; /* screening threads */
	long	 db_deadline;	/* ms: statement timeout and per-request deadline */
	long	 max_parties;	/* per declaration */
	long	 max_transit;	/* transit countries per declaration */
	long	 max_documents;	/* per item */
	long	 max_cas;	/* CAS numbers per item */
	long	 max_hits_per_item;
	long	 max_alerts;	/* per declaration */
	long	 max_inflight_per_token;
	long	 max_connections; /* open client connections, all listeners */
	long	 request_deadline; /* s to receive headers and body */
	long	 suppression_max_days; /* longest suppression an officer sets */
	char	*tls_listen;	/* HOST:PORT of the TLS listener, or NULL */
	char	*tls_cert;	/* PEM certificate chain */
	char	*tls_key;	/* PEM private key (mode 600) */
	char	*tls_client_ca;	/* CA for client certificates, or NULL */
	struct webhook_endpoint *webhooks; /* `webhooks:` (webhook.c); owned */
	size_t	 nwebhooks;
	long	 webhook_timeout;	/* s per delivery attempt */
	long	 webhook_retry_for;	/* s after an event: then dead letter */
	long	 webhook_backoff_min;	/* ms before the first retry */
	long	 webhook_backoff_max;	/* ms between retries at most */
	long	 webhook_poll;	/* ms between looks without a NOTIFY */
	long	 webhook_batch;	/* deliveries claimed at once */
	long	 webhook_keep_days; /* delivered and dead events kept */
	long	 rescreen_days;	/* re-screen on activation: days back, 0 off */
	long	 rescreen_batch; /* declarations per re-screening batch */
	long	 rescreen_rate;	/* re-screened declarations/s at most, 0 any */
	long	 partitions_ahead; /* months of partitions created ahead */
	long	 retention_months; /* months kept; 0 keeps everything */
	char	*retention_export_dir; /* months go here before being dropped */
	long	 maintenance_interval; /* s between maintenance runs; 0 none */
};

void	conf_init(struct conf *);	/* defaults */
void	conf_free(struct conf *);	/* frees the strings */
/*
 * Reads <path> into <c> (defaults first).  Returns 0, or -1 with every error
 * as "path:line: why" lines in *errp (caller frees).
 */
int	conf_load(const char *path, struct conf *c, char **errp);
/*
 * Copies the reloadable settings of <next> into <cur>; warns about changed
 * settings that need a restart.
 */
void	conf_apply_reload(struct conf *cur, const struct conf *next);
/* Sets a string setting by name (command line); 0 or -1. */
int	conf_set(struct conf *c, const char *name, const char *value);
/*
 * Reads the connection string of the file <path>, which must not be
 * readable by group or others (a password stays out of ps and of the
 * config file).  *dsnp is the caller's; 0, or -1 with *errp.
 */
int	conf_read_secret_dsn(const char *path, char **dsnp, char **errp);
/* If db_file is set, replaces db with what it holds; 0 or -1 + *errp. */
int	conf_db_resolve(struct conf *c, char **errp);

#endif
