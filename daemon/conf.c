/*
 * The settings table and the YAML config loader.  Every key is documented
 * in contrib/cordond.yaml; an unknown key is an error.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "conf.h"
#include "log.h"
#include "util.h"
#include "webhook.h"
#include "xmalloc.h"
#include "ytree.h"

enum ctype { CT_STR, CT_INT, CT_REAL };

struct setting {
	const char	*name;
	enum ctype	 type;
	size_t		 off;
	const char	*def;
	long		 min, max;
	bool		 reloadable;
};

#define S(n, t, d, mi, ma, r) { #n, t, offsetof(struct conf, n), d, mi, ma, r }
static const struct setting settings[] = {
	S(listen,	CT_STR, "127.0.0.1:8470", 0, 0, false),
	S(db,		CT_STR, "dbname=cordon", 0, 0, false),
	S(db_file,	CT_STR, NULL, 0, 0, false),
	S(read_db,	CT_STR, NULL, 0, 0, false),
	S(rules_dir,	CT_STR, NULL, 0, 0, false),
	S(rules_cache_dir, CT_STR, "/var/cache/cordon", 0, 0, false),
	S(log_level,	CT_STR, "info", 0, 0, true),
	S(log_target,	CT_STR, "stderr", 0, 0, false),
	S(max_body,	CT_INT, "1048576", 1024, 64L << 20, false),
	S(db_workers,	CT_INT, "2", 1, 64, false),
	S(batch_max,	CT_INT, "256", 1, 10000, true),
	S(retry_after,	CT_INT, "5", 1, 3600, true),
	S(page_max,	CT_INT, "500", 1, 10000, true),
	S(csv_max_rows,	CT_INT, "10000", 1, 100000, true),
	S(party_threshold, CT_REAL, "0.85", 0, 1, true),
	S(screen_workers, CT_INT, "2", 1, 64, false),
	S(db_deadline,	CT_INT, "10000", 100, 600000, false),
	S(max_parties,	CT_INT, "50", 1, 100000, true),
	S(max_transit,	CT_INT, "16", 0, 1000, true),
	S(max_documents, CT_INT, "32", 0, 10000, true),
	S(max_cas,	CT_INT, "32", 0, 10000, true),
	S(max_hits_per_item, CT_INT, "200", 1, 1000000, true),
	S(max_alerts,	CT_INT, "1100", 1, 1000000, true),
	S(max_inflight_per_token, CT_INT, "256", 1, 1000000, true),
	S(max_connections, CT_INT, "4096", 16, 1000000, false),
	S(request_deadline, CT_INT, "30", 1, 3600, false),
	S(suppression_max_days, CT_INT, "365", 1, 365, true),
	S(tls_listen,	CT_STR, NULL, 0, 0, false),
	S(tls_cert,	CT_STR, NULL, 0, 0, false),
	S(tls_key,	CT_STR, NULL, 0, 0, false),
	S(tls_client_ca, CT_STR, NULL, 0, 0, false),
	S(webhook_timeout, CT_INT, "10", 1, 300, false),
	S(webhook_retry_for, CT_INT, "86400", 1, 30 * 86400, false),
	S(webhook_backoff_min, CT_INT, "5000", 10, 3600000, false),
	S(webhook_backoff_max, CT_INT, "3600000", 10, 86400000, false),
	S(webhook_poll, CT_INT, "5000", 10, 600000, false),
	S(webhook_batch, CT_INT, "32", 1, 1000, false),
	S(webhook_keep_days, CT_INT, "30", 1, 3650, false),
	S(rescreen_days, CT_INT, "30", 0, 3650, false),
	S(rescreen_batch, CT_INT, "200", 1, 10000, false),
	S(rescreen_rate, CT_INT, "500", 0, 1000000, false),
	S(partitions_ahead, CT_INT, "3", 1, 120, true),
	S(retention_months, CT_INT, "0", 0, 1200, true),
	S(retention_export_dir, CT_STR, NULL, 0, 0, false),
	S(maintenance_interval, CT_INT, "3600", 0, 604800, false),
};
#undef S
#define NSETTINGS (sizeof(settings) / sizeof(settings[0]))

static char **
str_at(struct conf *c, const struct setting *s)
{
	return (char **)((char *)c + s->off);
}

static long *
int_at(struct conf *c, const struct setting *s)
{
	return (long *)((char *)c + s->off);
}

static double *
real_at(struct conf *c, const struct setting *s)
{
	return (double *)((char *)c + s->off);
}

void
conf_init(struct conf *c)
{
	size_t i;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < NSETTINGS; i++) {
		if (settings[i].type == CT_STR)
			*str_at(c, &settings[i]) = settings[i].def ?
			    xstrdup(settings[i].def) : NULL;
		else if (settings[i].type == CT_REAL)
			*real_at(c, &settings[i]) = strtod(settings[i].def, NULL);
		else
			*int_at(c, &settings[i]) = strtol(settings[i].def, NULL, 10);
	}
}

void
conf_free(struct conf *c)
{
	size_t i;

	for (i = 0; i < NSETTINGS; i++)
		if (settings[i].type == CT_STR) {
			free(*str_at(c, &settings[i]));
			*str_at(c, &settings[i]) = NULL;
		}
	webhook_endpoints_free(c->webhooks, c->nwebhooks);
	c->webhooks = NULL;
	c->nwebhooks = 0;
}

static const struct setting *
find(const char *name)
{
	size_t i;

	for (i = 0; i < NSETTINGS; i++)
		if (strcmp(settings[i].name, name) == 0)
			return &settings[i];
	return NULL;
}

static int
set_value(struct conf *c, const struct setting *s, const char *v,
    const char **why)
{
	char *end;
	long n;

	if (s->type == CT_STR) {
		free(*str_at(c, s));
		*str_at(c, s) = xstrdup(v);
		if (strcmp(s->name, "log_level") == 0 && strcmp(v, "error") &&
		    strcmp(v, "warn") && strcmp(v, "info") && strcmp(v, "debug")) {
			*why = "expected error, warn, info or debug";
			return -1;
		}
		if (strcmp(s->name, "log_target") == 0 && strcmp(v, "stderr") &&
		    strcmp(v, "syslog")) {
			*why = "expected stderr or syslog";
			return -1;
		}
		return 0;
	}
	if (s->type == CT_REAL) {
		double d;

		errno = 0;
		d = strtod(v, &end);
		if (errno != 0 || *v == '\0' || *end != '\0') {
			*why = "expected a number";
			return -1;
		}
		if (d < (double)s->min || d > (double)s->max) {
			*why = "out of range";
			return -1;
		}
		*real_at(c, s) = d;
		return 0;
	}
	errno = 0;
	n = strtol(v, &end, 10);
	if (errno != 0 || *v == '\0' || *end != '\0') {
		*why = "expected an integer";
		return -1;
	}
	if (n < s->min || n > s->max) {
		*why = "out of range";
		return -1;
	}
	*int_at(c, s) = n;
	return 0;
}

int
conf_set(struct conf *c, const char *name, const char *value)
{
	const struct setting *s = find(name);
	const char *why;

	if (s == NULL || set_value(c, s, value, &why) == -1)
		return -1;
	return 0;
}

int
conf_load(const char *path, struct conf *c, char **errp)
{
	struct ynode *root;
	struct buf errs;
	struct stat st;
	char *data, *yerr;
	size_t len, i;

	*errp = NULL;
	if ((data = util_read_file(path, &len)) == NULL) {
		xasprintf(errp, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (stat(path, &st) == 0 && (st.st_mode & 0002)) {
		xasprintf(errp, "%s: refusing a world-writable configuration file",
		    path);
		free(data);
		return -1;
	}
	root = yaml_parse(data, len, &yerr);
	free(data);
	if (root == NULL) {
		xasprintf(errp, "%s:%s", path, yerr + 5);
		free(yerr);
		return -1;
	}
	buf_init(&errs);
	if (root->type != YNODE_MAP)
		buf_printf(&errs, "%s:%d: expected a mapping of settings\n", path,
		    root->line);
	else
		for (i = 0; i < root->n; i++) {
			const struct ynode *k = root->items[2 * i];
			const struct ynode *v = root->items[2 * i + 1];
			const struct setting *s = find(k->scalar);
			const char *why;

			if (strcmp(k->scalar, "webhooks") == 0) {
				webhook_endpoints_free(c->webhooks, c->nwebhooks);
				webhook_conf_parse(v, path, &c->webhooks,
				    &c->nwebhooks, &errs);
				continue;
			}
			if (s == NULL) {
				buf_printf(&errs, "%s:%d: unknown setting \"%s\"\n",
				    path, k->line, k->scalar);
				continue;
			}
			if (v->type != YNODE_SCALAR) {
				buf_printf(&errs, "%s:%d: %s: expected a single "
				    "value\n", path, v->line, k->scalar);
				continue;
			}
			if (set_value(c, s, v->scalar, &why) == -1)
				buf_printf(&errs, "%s:%d: %s: %s\n", path, v->line,
				    k->scalar, why);
		}
	ynode_free(root);
	if (errs.len > 0) {
		errs.data[errs.len - 1] = '\0';	/* drop the last newline */
		*errp = buf_release(&errs);
		return -1;
	}
	buf_free(&errs);
	return 0;
}

void
conf_apply_reload(struct conf *cur, const struct conf *next)
{
	size_t i;

	/* The endpoint list is the conf's; the sender takes a copy of it
	 * (webhook_reload). */
	if (!webhook_endpoints_equal(cur->webhooks, cur->nwebhooks,
	    next->webhooks, next->nwebhooks)) {
		webhook_endpoints_free(cur->webhooks, cur->nwebhooks);
		cur->webhooks = webhook_endpoints_dup(next->webhooks,
		    next->nwebhooks);
		cur->nwebhooks = next->nwebhooks;
		log_info("webhooks: %zu endpoint%s from the reloaded "
		    "configuration", cur->nwebhooks, cur->nwebhooks == 1 ?
		    "" : "s");
	}
	for (i = 0; i < NSETTINGS; i++) {
		const struct setting *s = &settings[i];
		bool changed;

		if (s->type == CT_STR) {
			const char *a = *str_at(cur, s);
			const char *b = *str_at((struct conf *)next, s);

			changed = (a == NULL) != (b == NULL) ||
			    (a && b && strcmp(a, b) != 0);
			if (!changed)
				continue;
			if (!s->reloadable) {
				log_warnx("setting %s changed: needs a restart; "
				    "keeping the old value", s->name);
				continue;
			}
			free(*str_at(cur, s));
			*str_at(cur, s) = b ? xstrdup(b) : NULL;
		} else if (s->type == CT_REAL) {
			changed = *real_at(cur, s) != *real_at((struct conf *)next, s);
			if (!changed)
				continue;
			*real_at(cur, s) = *real_at((struct conf *)next, s);
		} else {
			changed = *int_at(cur, s) != *int_at((struct conf *)next, s);
			if (!changed)
				continue;
			if (!s->reloadable) {
				log_warnx("setting %s changed: needs a restart; "
				    "keeping the old value", s->name);
				continue;
			}
			*int_at(cur, s) = *int_at((struct conf *)next, s);
		}
		log_info("setting %s reloaded", s->name);
	}
}

int
conf_read_secret_dsn(const char *path, char **dsnp, char **errp)
{
	struct stat st;
	char *data;
	size_t len;

	*dsnp = *errp = NULL;
	if ((data = util_read_file(path, &len)) == NULL) {
		xasprintf(errp, "db_file %s: %s", path, strerror(errno));
		return -1;
	}
	if (stat(path, &st) == -1 || (st.st_mode & (S_IRWXG | S_IRWXO))) {
		xasprintf(errp, "db_file %s: readable by group or others; chmod "
		    "600 it", path);
		free(data);
		return -1;
	}
	/* One connection string; trailing newlines and blanks dropped. */
	while (len > 0 && strchr(" \t\r\n", data[len - 1]) != NULL)
		data[--len] = '\0';
	if (len == 0 || strlen(data) != len) {
		xasprintf(errp, "db_file %s: expected one libpq connection "
		    "string", path);
		free(data);
		return -1;
	}
	*dsnp = data;
	return 0;
}

int
conf_db_resolve(struct conf *c, char **errp)
{
	char *dsn;

	*errp = NULL;
	if (c->db_file == NULL)
		return 0;
	if (conf_read_secret_dsn(c->db_file, &dsn, errp) == -1)
		return -1;
	free(c->db);
	c->db = dsn;
	return 0;
}
