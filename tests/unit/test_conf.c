/*
 * Unit tests of conf.c.  Table-driven over tests/data/unit/conf/: each
 * bad_NAME.yaml has bad_NAME.expected with the exact "file:line: why" lines
 * conf_load must report (every error of the file, in order).  The files are
 * loaded by their bare names from inside that directory, so the names in
 * the messages are exactly what was passed.  Also: defaults, a good file,
 * a partial file, the example config in contrib/, conf_set, reloads and the
 * world-writable refusal.
 */
#include "config.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "conf.h"
#include "log.h"

#include "harness.h"

/* The documented defaults (contrib/cordond.yaml and cordond.yaml.5). */
static void
check_defaults(const struct conf *c, int skip_log_level)
{
	CHECK_STR_EQ(c->listen, "127.0.0.1:8470");
	CHECK_STR_EQ(c->db, "dbname=cordon");
	CHECK(c->rules_dir == NULL);
	CHECK(c->party_threshold == 0.85);
	if (!skip_log_level)
		CHECK_STR_EQ(c->log_level, "info");
	CHECK_INT_EQ(c->max_body, 1048576);
	CHECK_INT_EQ(c->db_workers, 2);
	CHECK_INT_EQ(c->batch_max, 256);
	CHECK_INT_EQ(c->retry_after, 5);
	CHECK_INT_EQ(c->page_max, 500);
}

static void
test_good(void)
{
	struct conf c;
	char *err = (char *)"unset";

	conf_init(&c);
	harness_context("defaults");
	check_defaults(&c, 0);
	conf_free(&c);
	CHECK(c.listen == NULL && c.db == NULL && c.log_level == NULL);

	harness_context("good.yaml");
	conf_init(&c);
	if (CHECK_INT_EQ(conf_load("good.yaml", &c, &err), 0)) {
		CHECK(err == NULL);
		CHECK_STR_EQ(c.listen, "0.0.0.0:9000");
		CHECK_STR_EQ(c.db, "host=db dbname=cordon_test");
		CHECK_STR_EQ(c.rules_dir, "/srv/cordon/rules");
		CHECK(c.party_threshold == 0.9);
		CHECK_STR_EQ(c.log_level, "debug");
		CHECK_INT_EQ(c.max_body, 2097152);
		CHECK_INT_EQ(c.db_workers, 4);
		CHECK_INT_EQ(c.batch_max, 100);
		CHECK_INT_EQ(c.retry_after, 10);
		CHECK_INT_EQ(c.page_max, 50);
	} else
		printf("# %s\n", err ? err : "");
	free(err);
	conf_free(&c);

	/* Settings not in the file keep their defaults; limits are inclusive. */
	harness_context("partial.yaml");
	conf_init(&c);
	CHECK_INT_EQ(conf_load("partial.yaml", &c, &err), 0);
	CHECK_STR_EQ(c.log_level, "warn");
	CHECK_INT_EQ(c.max_body, 1024);
	CHECK_INT_EQ(c.db_workers, 64);
	CHECK_STR_EQ(c.listen, "127.0.0.1:8470");
	CHECK_INT_EQ(c.page_max, 500);
	free(err);
	conf_free(&c);

	harness_context("empty.yaml");
	conf_init(&c);
	CHECK_INT_EQ(conf_load("empty.yaml", &c, &err), 0);
	check_defaults(&c, 0);
	free(err);
	conf_free(&c);
	harness_context(NULL);
}

/*
 * The shipped example sets every key to its documented default.  <path> is
 * absolute (resolved before main() changed directory) or NULL.
 */
static void
test_example(const char *path)
{
	struct conf c;
	char *err = NULL;

	if (!CHECK(path != NULL))
		return;
	harness_context("%s", path);
	conf_init(&c);
	if (!CHECK_INT_EQ(conf_load(path, &c, &err), 0))
		printf("# %s\n", err ? err : "");
	check_defaults(&c, 0);
	harness_context(NULL);
	free(err);
	conf_free(&c);
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
test_bad_files(void)
{
	DIR *d;
	struct dirent *de;
	char *names[64];
	size_t n = 0, i;

	if ((d = opendir(".")) == NULL) {
		fprintf(stderr, "test_conf: cannot list the conf data\n");
		exit(99);
	}
	while ((de = readdir(d)) != NULL && n < 64) {
		size_t l = strlen(de->d_name);

		if (strncmp(de->d_name, "bad_", 4) == 0 && l > 5 &&
		    strcmp(de->d_name + l - 5, ".yaml") == 0)
			names[n++] = strdup(de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), name_cmp);
	CHECK(n >= 6);
	for (i = 0; i < n; i++) {
		char want_path[256], *want, *err = NULL;
		size_t wl;
		struct conf c;

		snprintf(want_path, sizeof(want_path), "%.*s.expected",
		    (int)(strlen(names[i]) - 5), names[i]);
		want = harness_read(want_path, &wl);
		if (wl > 0 && want[wl - 1] == '\n')
			want[wl - 1] = '\0';	/* conf_load drops the last one */
		harness_context("conf file %s", names[i]);
		conf_init(&c);
		CHECK_INT_EQ(conf_load(names[i], &c, &err), -1);
		CHECK_STR_EQ(err, want);
		conf_free(&c);
		free(err);
		free(want);
		free(names[i]);
	}
	harness_context(NULL);
}

static void
test_files(void)
{
	char dir[] = "/tmp/cordon-test-conf.XXXXXX", path[128];
	struct conf c;
	char *err = NULL, want[256];
	FILE *fp;

	conf_init(&c);
	CHECK_INT_EQ(conf_load("does-not-exist.yaml", &c, &err), -1);
	CHECK_STR_EQ(err, "does-not-exist.yaml: No such file or directory");
	free(err);
	err = NULL;

	if (!CHECK(mkdtemp(dir) != NULL)) {
		conf_free(&c);
		return;
	}
	snprintf(path, sizeof(path), "%s/cordond.yaml", dir);
	if ((fp = fopen(path, "w")) != NULL) {
		fputs("log_level: debug\n", fp);
		fclose(fp);
	}
	CHECK_INT_EQ(chmod(path, 0666), 0);
	CHECK_INT_EQ(conf_load(path, &c, &err), -1);
	snprintf(want, sizeof(want), "%s: refusing a world-writable "
	    "configuration file", path);
	CHECK_STR_EQ(err, want);
	CHECK_STR_EQ(c.log_level, "info");	/* nothing was applied */
	free(err);
	err = NULL;
	/* Group-writable is the owner's choice; only world-writable is refused. */
	CHECK_INT_EQ(chmod(path, 0664), 0);
	CHECK_INT_EQ(conf_load(path, &c, &err), 0);
	CHECK_STR_EQ(c.log_level, "debug");
	free(err);
	unlink(path);
	rmdir(dir);
	conf_free(&c);
}

static void
test_set_and_reload(void)
{
	struct conf cur, next;

	log_set_level(LOG_LEVEL_ERROR);	/* the reload notes are expected */
	conf_init(&cur);
	CHECK_INT_EQ(conf_set(&cur, "listen", "[::1]:8000"), 0);
	CHECK_STR_EQ(cur.listen, "[::1]:8000");
	CHECK_INT_EQ(conf_set(&cur, "db_workers", "8"), 0);
	CHECK_INT_EQ(cur.db_workers, 8);
	CHECK_INT_EQ(conf_set(&cur, "db_workers", "65"), -1);
	CHECK_INT_EQ(cur.db_workers, 8);
	CHECK_INT_EQ(conf_set(&cur, "db_workers", ""), -1);
	CHECK_INT_EQ(conf_set(&cur, "db_workers", "4x"), -1);
	CHECK_INT_EQ(conf_set(&cur, "db_workers", "99999999999999999999"), -1);
	CHECK_INT_EQ(cur.db_workers, 8);
	CHECK_INT_EQ(conf_set(&cur, "log_level", "trace"), -1);
	CHECK_INT_EQ(conf_set(&cur, "log_level", "error"), 0);
	CHECK_STR_EQ(cur.log_level, "error");
	CHECK_STR_EQ(cur.log_target, "stderr");
	CHECK_INT_EQ(conf_set(&cur, "log_target", "file"), -1);
	CHECK_INT_EQ(conf_set(&cur, "log_target", "journal"), -1);
	CHECK_INT_EQ(conf_set(&cur, "log_target", "syslog"), 0);
	CHECK_STR_EQ(cur.log_target, "syslog");
	CHECK_INT_EQ(conf_set(&cur, "no_such_setting", "1"), -1);

	/* Reloadable settings move; the others keep the old value. */
	conf_init(&next);
	CHECK_INT_EQ(conf_set(&next, "listen", "0.0.0.0:1"), 0);
	CHECK_INT_EQ(conf_set(&next, "db_workers", "3"), 0);
	CHECK_INT_EQ(conf_set(&next, "batch_max", "17"), 0);
	CHECK_INT_EQ(conf_set(&next, "party_threshold", "0.9"), 0);
	CHECK_INT_EQ(conf_set(&next, "log_level", "debug"), 0);
	CHECK_INT_EQ(conf_set(&next, "log_target", "stderr"), 0);
	conf_apply_reload(&cur, &next);
	CHECK_STR_EQ(cur.log_target, "syslog");	/* needs a restart */
	CHECK_STR_EQ(cur.listen, "[::1]:8000");
	CHECK_INT_EQ(cur.db_workers, 8);
	CHECK_INT_EQ(cur.batch_max, 17);
	CHECK(cur.party_threshold == 0.9);
	CHECK_STR_EQ(cur.log_level, "debug");
	CHECK(cur.log_level != next.log_level);	/* a copy, not a share */
	conf_free(&next);
	conf_free(&cur);
}

/* The history settings (daemon/maint.c): defaults, ranges, reload. */
static void
test_history_settings(void)
{
	struct conf cur, next;

	harness_context("history settings");
	conf_init(&cur);
	CHECK_INT_EQ(cur.partitions_ahead, 3);
	CHECK_INT_EQ(cur.retention_months, 0);
	CHECK(cur.retention_export_dir == NULL);
	CHECK_INT_EQ(cur.maintenance_interval, 3600);
	CHECK_INT_EQ(conf_set(&cur, "partitions_ahead", "0"), -1);
	CHECK_INT_EQ(conf_set(&cur, "partitions_ahead", "121"), -1);
	CHECK_INT_EQ(conf_set(&cur, "retention_months", "1201"), -1);
	CHECK_INT_EQ(conf_set(&cur, "retention_months", "-1"), -1);
	CHECK_INT_EQ(conf_set(&cur, "maintenance_interval", "604801"), -1);
	CHECK_INT_EQ(conf_set(&cur, "retention_export_dir", "/srv/exports"), 0);
	CHECK_STR_EQ(cur.retention_export_dir, "/srv/exports");
	/* Months ahead and retention apply on reload; the interval and the
	 * directory need a restart. */
	conf_init(&next);
	CHECK_INT_EQ(conf_set(&next, "partitions_ahead", "6"), 0);
	CHECK_INT_EQ(conf_set(&next, "retention_months", "84"), 0);
	CHECK_INT_EQ(conf_set(&next, "maintenance_interval", "60"), 0);
	CHECK_INT_EQ(conf_set(&next, "retention_export_dir", "/elsewhere"), 0);
	conf_apply_reload(&cur, &next);
	CHECK_INT_EQ(cur.partitions_ahead, 6);
	CHECK_INT_EQ(cur.retention_months, 84);
	CHECK_INT_EQ(cur.maintenance_interval, 3600);
	CHECK_STR_EQ(cur.retention_export_dir, "/srv/exports");
	conf_free(&next);
	conf_free(&cur);
}

int
main(void)
{
	char *dir, *ex, *example;

	harness_init("test_conf");
	ex = harness_data_path("../../contrib/cordond.yaml");
	example = realpath(ex, NULL);
	free(ex);
	dir = harness_data_path("unit/conf");
	if (chdir(dir) == -1) {
		fprintf(stderr, "test_conf: cannot enter %s\n", dir);
		return 99;
	}
	test_good();
	test_example(example);
	test_bad_files();
	test_files();
	test_set_and_reload();
	test_history_settings();
	free(example);
	free(dir);
	return harness_done();
}
