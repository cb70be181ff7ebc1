/*
 * cordond: argv, configuration check, signals and the event loop.  All the
 * work is in libcore; this file only wires it together.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <event2/event.h>
#include <event2/thread.h>

#include "api.h"
#include "conf.h"
#include "db.h"
#include "hscache.h"
#include "http.h"
#include "log.h"
#include "maint.h"
#include "notify.h"
#include "reload.h"
#include "rescreen.h"
#include "runtime.h"
#include "snapshot.h"
#include "tls.h"
#include "webhook.h"
#include "xmalloc.h"

struct runtime *rt;

static void __attribute__((noreturn))
usage(void)
{
	fprintf(stderr, "usage: cordond [-dnv] [-f config.yaml] [--db DSN | "
	    "--db-file FILE]\n               [--listen HOST:PORT] "
	    "[--rules DIR]\n       cordond --version\n");
	exit(2);
}

/* The service manager hears the outcome of a SIGHUP reload. */
static void
reloaded(const struct reload_outcome *o, void *arg)
{
	char status[160];

	snprintf(status, sizeof(status), "%s list version %s",
	    o->ok ? "serving" : "reload refused, still serving",
	    o->version ? o->version : "(none)");
	notify_ready(status);
}

static void
on_sighup(evutil_socket_t sig, short ev, void *arg)
{
	char *err;

	log_info("SIGHUP: reloading");
	if (reload_conf(&err) == -1) {
		log_warnx("reload failed: %s; no changes were applied", err);
		free(err);
		return;
	}
	notify_reloading();
	reload_run(reloaded, NULL);
}

static void
check_stopped(evutil_socket_t fd, short ev, void *arg)
{
	static int ticks;
	struct event *self = arg;
	struct timeval tv = { 0, 100000 };

	if ((api_inflight() == 0 && db_pending(rt->db) == 0) || ++ticks > 300) {
		event_base_loopexit(rt->base, NULL);
		event_free(self);	/* fired, not pending: safe here */
		return;
	}
	evtimer_add(self, &tv);
}

static void
on_stop(evutil_socket_t sig, short ev, void *arg)
{
	struct event *t;
	struct timeval tv = { 0, 0 };

	if (rt->stopping)
		return;
	rt->stopping = true;
	notify_stopping();
	log_info("stopping: finishing requests in flight");
	http_stop_accepting();
	reload_listen_stop();
	t = evtimer_new(rt->base, check_stopped, event_self_cbarg());
	evtimer_add(t, &tv);
}

/*
 * The steps of an orderly exit each join a thread.  A step that does not
 * end would leave a process that said "stopped" and never exits, with
 * nothing telling the operator why: a watcher names the step every
 * STOP_NAG_S seconds until the exit is done.
 */
#define STOP_NAG_S	10

static struct {
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	const char	*step;		/* NULL: done */
	pthread_t	 th;
	bool		 watching;
} stopw = { .mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER };

static void *
stop_watch(void *unused)
{
	struct timespec ts;
	int waited = 0;

	pthread_mutex_lock(&stopw.mu);
	while (stopw.step != NULL) {
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_sec += STOP_NAG_S;
		if (pthread_cond_timedwait(&stopw.cv, &stopw.mu, &ts) ==
		    ETIMEDOUT && stopw.step != NULL) {
			waited += STOP_NAG_S;
			log_warnx("stopping: still waiting for %s after %d s",
			    stopw.step, waited);
		}
	}
	pthread_mutex_unlock(&stopw.mu);
	return NULL;
}

static void
stop_step(const char *what)
{
	bool first;

	pthread_mutex_lock(&stopw.mu);
	first = stopw.step == NULL;
	stopw.step = what;
	pthread_cond_broadcast(&stopw.cv);
	pthread_mutex_unlock(&stopw.mu);
	if (first && what != NULL)
		stopw.watching = pthread_create(&stopw.th, NULL, stop_watch,
		    NULL) == 0;
	else if (what == NULL && stopw.watching) {
		pthread_join(stopw.th, NULL);
		stopw.watching = false;
	}
	if (what != NULL)
		log_debug("stopping: %s", what);
}

/*
 * cordond -n: builds the full snapshot as a start would, checks the
 * listen addresses and TLS, says "configuration OK" or why not; the exit
 * status.
 */
static int
config_check(void)
{
	char *err;

	if (reload_initial(&err) == -1) {
		fprintf(stderr, "%s\n", err);
		fprintf(stderr, "configuration NOT OK\n");
		free(err);
		return 1;
	}
	/*
	 * A start would run, but not on the active list version: the
	 * configuration check must not call that OK.
	 */
	if (rt->snap->fallback != NULL) {
		fprintf(stderr, "a start would fall back: %s\n"
		    "configuration NOT OK\n", rt->snap->fallback);
		snapshot_unref(rt->snap);
		return 1;
	}
	if (http_check_listen(rt->conf.listen, &err) == -1 ||
	    (rt->conf.tls_listen != NULL &&
	    http_check_listen(rt->conf.tls_listen, &err) == -1)) {
		fprintf(stderr, "%s\nconfiguration NOT OK\n", err);
		free(err);
		return 1;
	}
	if (rt->conf.tls_listen != NULL) {
		SSL_CTX *ctx = tls_ctx_new(&rt->conf, &err);

		if (ctx == NULL) {
			fprintf(stderr, "%s\nconfiguration NOT OK\n", err);
			free(err);
			return 1;
		}
		SSL_CTX_free(ctx);
	}
	printf("configuration OK\n");
	snapshot_unref(rt->snap);
	return 0;
}

/* The orderly exit after the event loop ended: every thread joined. */
static void
stop_all(void)
{
	stop_step("the webhook sender");
	webhook_stop(rt->webhook);
	stop_step("the maintenance job");
	maint_stop(rt->maint);
	http_free();
	stop_step("the re-screening and backtest threads");
	rescreen_stop();
	stop_step("the screening threads");
	pool_free(rt->pool);
	rt->pool = NULL;	/* requests still ending free on this thread */
	stop_step("the read_db workers");
	db_free(rt->read_db);	/* first: it hands jobs to rt->db */
	stop_step("the storage workers");
	db_free(rt->db);
	stop_step(NULL);
	bounds_table_free(&rt->tokens_inflight);
	reload_listen_stop();
	reload_free();
	snapshot_unref(rt->snap);
	tokens_free(&rt->tokens);
	conf_free(&rt->conf);
	event_base_free(rt->base);
	free(rt);
}

/* What the command line asks for. */
struct args {
	const char	*db, *db_file, *listen, *rules;
	int		 check, verbose;
};

/*
 * Reads the options into <a> (and rt->conf_path).  Returns 1 when the
 * process is done (--version printed); exits on a usage error.
 */
static int
parse_args(int argc, char **argv, struct args *a)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'D' },
		{ "db-file", required_argument, NULL, 'F' },
		{ "listen", required_argument, NULL, 'L' },
		{ "rules", required_argument, NULL, 'R' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int ch;

	memset(a, 0, sizeof(*a));
	a->db = getenv("CORDON_DB");
	while ((ch = getopt_long(argc, argv, "df:nv", opts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			break;	/* always in the foreground; kept for habit */
		case 'f':
			rt->conf_path = optarg;
			break;
		case 'n':
			a->check = 1;
			break;
		case 'v':
			a->verbose = 1;
			break;
		case 'D':
			a->db = optarg;
			break;
		case 'F':
			a->db_file = optarg;
			break;
		case 'L':
			a->listen = optarg;
			break;
		case 'R':
			a->rules = optarg;
			break;
		case 'V':
			printf("cordond %s\n", PACKAGE_VERSION);
			return 1;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();
	return 0;
}

/*
 * The settings: the configuration file, then what the command line
 * overrides, then logging as configured.  0, or -1 with the reason
 * printed.
 */
static int
configure(const struct args *a)
{
	char *err;

	conf_init(&rt->conf);
	if (rt->conf_path && conf_load(rt->conf_path, &rt->conf, &err) == -1) {
		fprintf(stderr, "%s\n", err);
		free(err);
		return -1;
	}
	/*
	 * --db-file beats everything; otherwise --db or CORDON_DB beat the
	 * configuration file's db_file and db.
	 */
	if (a->db_file)
		conf_set(&rt->conf, "db_file", a->db_file);
	else if (a->db) {
		conf_set(&rt->conf, "db", a->db);
		free(rt->conf.db_file);
		rt->conf.db_file = NULL;
	}
	if (conf_db_resolve(&rt->conf, &err) == -1) {
		fprintf(stderr, "%s\n", err);
		free(err);
		return -1;
	}
	if (a->listen)
		conf_set(&rt->conf, "listen", a->listen);
	if (a->rules)
		conf_set(&rt->conf, "rules_dir", a->rules);
	/*
	 * To syslog (the journal under systemd) when configured; cordond -n
	 * answers on the terminal whatever the setting.
	 */
	log_init("cordond", a->verbose ? LOG_LEVEL_DEBUG :
	    reload_log_level(rt->conf.log_level), !a->check &&
	    strcmp(rt->conf.log_target, "syslog") == 0);
	/*
	 * CORDON_RULES_CACHE beats the file (test runs share one cache);
	 * cordond -n says problems with the cache, not its routine.
	 */
	if (getenv("CORDON_RULES_CACHE") != NULL)
		conf_set(&rt->conf, "rules_cache_dir",
		    getenv("CORDON_RULES_CACHE"));
	hscache_set_dir(rt->conf.rules_cache_dir, a->check ? HSCACHE_WARN :
	    HSCACHE_INFO);
	return 0;
}

/*
 * The event base.  With epoll, interest changes wait in a list until the
 * loop next polls: evhttp turns reading off when a request is complete,
 * writing on for its answer and both back after it, and the list turns
 * those into one epoll_ctl where each was a call of its own (four per
 * declaration before).  No descriptor in the base is dup()ed, the one
 * case the list gets wrong.
 */
static struct event_base *
base_new(void)
{
	struct event_config *cfg = event_config_new();
	struct event_base *b;

	if (cfg == NULL)
		fatalx("event_config_new");
	event_config_set_flag(cfg, EVENT_BASE_FLAG_EPOLL_USE_CHANGELIST);
	b = event_base_new_with_config(cfg);
	event_config_free(cfg);
	if (b == NULL)
		fatalx("event_base_new");
	return b;
}

/* The event base, the database pools and the screening threads. */
static void
start_workers(void)
{
	signal(SIGPIPE, SIG_IGN);
	if (evthread_use_pthreads() == -1)
		fatalx("libevent without pthreads support");
	rt->base = base_new();
	rt->db = db_new(rt->base, rt->conf.db, (int)rt->conf.db_workers,
	    (int)rt->conf.batch_max, (int)rt->conf.db_deadline);
	if (rt->conf.read_db != NULL) {
		rt->read_db = db_new(rt->base, rt->conf.read_db,
		    (int)rt->conf.db_workers, 1, (int)rt->conf.db_deadline);
		db_set_fallback(rt->read_db, rt->db);
	}
	rt->pool = pool_new(rt->base, (int)rt->conf.screen_workers);
}

/*
 * The first snapshot, then everything that serves: re-screening, the
 * listeners, tokens, reload notifications, webhooks, maintenance; then
 * tells the service manager it is ready.
 */
static void
start_services(void)
{
	char *err, status[160];

	if (reload_initial(&err) == -1) {
		if (rt->conf.rules_dir != NULL)
			fatalx("rules refused:\n%s", err);
		log_warnx("no ruleset loaded yet: %s; will load when a list "
		    "version is activated and PostgreSQL is reachable", err);
		free(err);
	} else
		log_info("list version %s: %zu lists, %zu entries",
		    rt->snap->version, rt->snap->rs->nlists,
		    rt->snap->rs->nentries);

	rescreen_start(&rt->conf);
	rescreen_offer(rt->snap);
	if (http_start(&err) == -1)
		fatalx("%s", err);
	tokens_refresh(&rt->tokens, rt->db);
	reload_listen_start();
	rt->webhook = webhook_start(&rt->conf);
	/* Months ahead and retention: one instance at a time runs it. */
	if (rt->conf.maintenance_interval > 0)
		rt->maint = maint_start(rt->conf.db, (int)rt->conf.maintenance_interval,
		    (int)rt->conf.partitions_ahead, (int)rt->conf.retention_months,
		    rt->conf.retention_export_dir);
	snprintf(status, sizeof(status), "listening on %s; list "
	    "version %s", rt->conf.listen, rt->snap ?
	    rt->snap->version : "(none yet)");
	notify_ready(status);
}

/* The event loop, with SIGHUP (reload) and SIGTERM/SIGINT (stop). */
static void
run_loop(void)
{
	struct event *ev_hup, *ev_term, *ev_int;

	ev_hup = evsignal_new(rt->base, SIGHUP, on_sighup, NULL);
	ev_term = evsignal_new(rt->base, SIGTERM, on_stop, NULL);
	ev_int = evsignal_new(rt->base, SIGINT, on_stop, NULL);
	evsignal_add(ev_hup, NULL);
	evsignal_add(ev_term, NULL);
	evsignal_add(ev_int, NULL);

	event_base_dispatch(rt->base);

	log_info("stopped");
	event_free(ev_hup);
	event_free(ev_term);
	event_free(ev_int);
}

int
main(int argc, char **argv)
{
	struct args a;

	rt = xcalloc(1, sizeof(*rt));
	log_init("cordond", LOG_LEVEL_INFO, false);
	if (parse_args(argc, argv, &a) == 1)
		return 0;
	if (configure(&a) == -1)
		return 1;
	if (a.check)
		return config_check();
	start_workers();
	start_services();
	run_loop();
	stop_all();
	return 0;
}
