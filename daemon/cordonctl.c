/*
 * cordonctl: the administrators' and bulk-screening command line.
 *
 * The commands, their synopses and their --help are one table, commands[]
 * near the end of this file: main() dispatches through it and usage() and
 * `cordonctl COMMAND [SUBCOMMAND] --help` print from it.
 *
 * Thin: parsing, screening and SQL live in libcore.
 */
#include "config.h"

#include <sys/resource.h>
#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>
#include <libpq-fe.h>

#include <event2/http.h>

#include "auth.h"
#include "conf.h"
#include "decl.h"
#include "fetch.h"
#include "hscache.h"
#include "log.h"
#include "maint.h"
#include "party.h"
#include "result.h"
#include "rules.h"
#include "screen.h"
#include "rescreen.h"
#include "snapshot.h"
#include "stats.h"
#include "store.h"
#include "store_maint.h"
#include "store_rescreen.h"
#include "util.h"
#include "wco.h"
#include "xmalloc.h"

static const char *dsn;
static const char *api_url;	/* --url or CORDON_URL */
static const char *api_token;	/* --token or CORDON_TOKEN */

/* Who is acting, for the audit trail: "cordonctl:<login>". */
static const char *
actor(void)
{
	static char name[160];
	const char *u = getenv("CORDON_ACTOR");

	if (u != NULL && *u)
		return u;
	u = getenv("USER");
	if (u == NULL || *u == '\0')
		u = getenv("LOGNAME");
	snprintf(name, sizeof(name), "cordonctl:%s", u && *u ? u : "unknown");
	return name;
}

static void	usage(void) __attribute__((noreturn));
static void	help_maybe(int, char **);

/*
 * --db-file FILE: the connection string from a file only its owner can
 * read, so that a password shows neither in ps nor in the environment.
 */
static const char *
dsn_from_file(const char *path)
{
	char *d, *err;

	if (conf_read_secret_dsn(path, &d, &err) == -1)
		fatalx("%s", err);
	return d;	/* lives as long as the process */
}

static PGconn *
connect_or_die(void)
{
	PGconn *c;
	char *err;

	if (dsn == NULL)
		fatalx("no database: give --db DSN or set CORDON_DB");
	if ((c = store_connect(dsn, &err)) == NULL)
		fatalx("%s", err);
	return c;
}

static bool
is_dir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int
cmd_migrate(int argc, char **argv)
{
	const char *dir = getenv("CORDON_SCHEMAS");
	struct buf out;
	PGconn *c;
	char *err;
	int i;

	for (i = 0; i < argc; i++)
		if (strcmp(argv[i], "--schemas") == 0 && i + 1 < argc)
			dir = argv[++i];
		else
			usage();
	if (dir == NULL)
		dir = is_dir("schemas") ? "schemas" : PKGDATADIR "/schemas";
	c = connect_or_die();
	buf_init(&out);
	if (store_migrate(c, dir, &out, &err) == -1) {
		fputs(out.data ? out.data : "", stdout);
		fatalx("%s", err);
	}
	fputs(out.data ? out.data : "", stdout);
	buf_free(&out);
	PQfinish(c);
	return 0;
}

/* Parses and compiles <dir>; prints errors; returns the snapshot or NULL. */
static struct snapshot *
load_rules(const char *dir)
{
	struct buf errs;
	struct snapshot *s;

	buf_init(&errs);
	s = snapshot_from_dir(dir, &errs);
	if (s == NULL) {
		fputs(errs.data ? errs.data : "unknown error\n", stderr);
		fprintf(stderr, "%s: rules refused\n", dir);
	}
	buf_free(&errs);
	return s;
}

/* The languages every goods entry should have terms in (issue 8). */
static const char *const coverage_targets[] = {
	"en", "fr", "es", "ru", "zh", "ar", "de", "it", "pt", "nl", "pl", "tr",
	"uk", "fa", "ko", "ja",
};

/* <n> with thousands separated by commas, in a static buffer of <slot>. */
static const char *
thousands(size_t n, int slot)
{
	static char out[4][32];
	char digits[32];
	size_t len, i, o = 0;

	snprintf(digits, sizeof(digits), "%zu", n);
	len = strlen(digits);
	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[slot][o++] = ',';
		out[slot][o++] = digits[i];
	}
	out[slot][o] = '\0';
	return out[slot];
}

/* What the coverage table counts as it is printed. */
struct coverage_totals {
	size_t	covered;	/* entry-languages with terms (targets) */
	size_t	terms;		/* terms of all entries, after merging */
	size_t	nthr;		/* entries stating a threshold, no params */
};

/*
 * The target languages: <opt> split on commas and spaces into <targets>
 * (at most <max>), or the 16 of coverage_targets.  Returns the copy of
 * <opt> the targets point into (caller frees; NULL without <opt>).
 */
static char *
coverage_languages(const char *opt, const char **targets, size_t max,
    size_t *np)
{
	char *copy = NULL, *tok, *save = NULL;
	size_t i, n = 0;

	if (opt != NULL) {
		copy = xstrdup(opt);
		for (tok = strtok_r(copy, ", ", &save); tok != NULL &&
		    n < max; tok = strtok_r(NULL, ", ", &save))
			targets[n++] = tok;
	} else
		for (i = 0; i < sizeof(coverage_targets) /
		    sizeof(coverage_targets[0]); i++)
			targets[n++] = coverage_targets[i];
	*np = n;
	return copy;
}

/*
 * One line per goods entry (unless <summary>): the terms in each language,
 * the total, whether it has parameters; adds up <t> either way.
 */
static void
coverage_table(const struct coverage *c, bool summary,
    struct coverage_totals *t)
{
	size_t i, l;

	if (!summary) {
		printf("%-28s %-12s", "entry", "category");
		for (l = 0; l < c->nlangs; l++)
			printf(" %3s", c->langs[l]);
		printf("  terms params\n");
	}
	for (i = 0; i < c->nentries; i++) {
		const struct rule_entry *e = c->entries[i];
		char key[160];

		snprintf(key, sizeof(key), "%s/%s", e->list->id, e->code);
		if (!summary)
			printf("%-28s %-12s", key, rules_category_name(e->category));
		for (l = 0; l < c->nlangs; l++) {
			size_t n = c->count[i * c->nlangs + l];

			if (l < c->ntargets && n > 0)
				t->covered++;
			if (summary)
				continue;
			if (n > 0)
				printf(" %3zu", n);
			else
				printf(" %3s", "-");
		}
		t->terms += e->keywords.n;
		if (c->threshold[i] != NULL)
			t->nthr++;
		if (!summary)
			printf("  %5zu %s\n", e->keywords.n, e->nparams > 0 ?
			    "yes" : c->threshold[i] != NULL ? "MISSING" : "-");
	}
}

/*
 * The entries that state a threshold without parameters, the entries each
 * language covers, and the summary line.
 */
static void
coverage_report(const struct coverage *c, const struct coverage_totals *t)
{
	size_t i, l;

	if (t->nthr > 0) {
		printf("\nentries whose text states a threshold but that have no "
		    "parameters:\n");
		for (i = 0; i < c->nentries; i++)
			if (c->threshold[i] != NULL)
				printf("  %s/%s: \"%s\" (%s)\n",
				    c->entries[i]->list->id, c->entries[i]->code,
				    c->threshold[i], c->entries[i]->title);
	}
	printf("\nentries covered per language:");
	for (l = 0; l < c->nlangs; l++) {
		size_t n = 0;

		for (i = 0; i < c->nentries; i++)
			if (c->count[i * c->nlangs + l] > 0)
				n++;
		/* The 16 target languages, then "; also" the others. */
		printf("%s %s %zu/%zu", l == 0 ? "" : l == c->ntargets ?
		    "; also" : ",", c->langs[l], n, c->nentries);
	}
	printf("\ncoverage: %s goods entries, %zu languages, %s entry-languages "
	    "of %s covered (%.0f%%), %s terms (after merging), %zu entries "
	    "state a threshold without parameters\n", thousands(c->nentries, 0),
	    c->ntargets, thousands(t->covered, 1),
	    thousands(c->nentries * c->ntargets, 2), c->nentries ?
	    100.0 * (double)t->covered / (double)(c->nentries * c->ntargets) :
	    0.0, thousands(t->terms, 3), t->nthr);
}

/*
 * rules coverage DIR [--languages a,b,...] [--summary]: goods entries x
 * languages with the number of terms written in each, the entries whose
 * text states a threshold but which have no parameters, the entries each
 * language covers, and one summary line.
 */
static int
cmd_coverage(int argc, char **argv)
{
	const char *dir = NULL, *langs_opt = NULL;
	const char *targets[64];
	struct coverage_totals totals = { 0, 0, 0 };
	struct ruleset *rs = rules_new();
	struct coverage *c;
	struct buf errs;
	char *langs_copy;
	size_t ntargets;
	bool summary = false;
	int k;

	for (k = 0; k < argc; k++) {
		if (strcmp(argv[k], "--languages") == 0 && k + 1 < argc)
			langs_opt = argv[++k];
		else if (strcmp(argv[k], "--summary") == 0)
			summary = true;
		else if (dir == NULL && argv[k][0] != '-')
			dir = argv[k];
		else
			usage();
	}
	if (dir == NULL)
		usage();
	langs_copy = coverage_languages(langs_opt, targets, 64, &ntargets);
	buf_init(&errs);
	if (rules_load_dir(rs, dir, &errs) > 0 || rules_finish(rs, &errs) > 0) {
		fputs(errs.data ? errs.data : "unknown error\n", stderr);
		fprintf(stderr, "%s: rules refused\n", dir);
		buf_free(&errs);
		rules_free(rs);
		free(langs_copy);
		return 1;
	}
	buf_free(&errs);
	c = rules_coverage(rs, targets, ntargets);
	coverage_table(c, summary, &totals);
	coverage_report(c, &totals);
	rules_coverage_free(c);
	rules_free(rs);
	free(langs_copy);
	return 0;
}

static int
cmd_rules(int argc, char **argv)
{
	struct snapshot *s;
	size_t i;

	if (argc >= 1 && strcmp(argv[0], "coverage") == 0)
		return cmd_coverage(argc - 1, argv + 1);
	if (argc != 2 || strcmp(argv[0], "check") != 0)
		usage();
	if ((s = load_rules(argv[1])) == NULL)
		return 1;
	for (i = 0; i < s->rs->nlists; i++)
		printf("%s: list %s, %zu entries\n", s->rs->lists[i].file,
		    s->rs->lists[i].id, s->rs->lists[i].nentries);
	for (i = 0; i < s->rs->nterms; i++) {
		const struct rule_terms *t = s->rs->terms[i];
		size_t k, nk = 0, n = 0, added = 0, ctx = 0;

		for (k = 0; k < t->nkeys; k++)
			if (t->keys[k].part == TERM_PART_TERMS) {
				nk++;
				n += t->keys[k].terms.n;
				added += t->keys[k].added;
			} else
				ctx += t->keys[k].added;
		printf("%s: terms %s, %zu entries, %zu terms (%zu new to their "
		    "entries)", t->file, t->lang, nk, n, added);
		if (ctx > 0)
			printf(", %zu requires/exclude words", ctx);
		printf("\n");
	}
	printf("%s: %zu lists, %zu entries, checksum %s: OK\n", argv[1],
	    s->rs->nlists, s->rs->nentries, s->rs->checksum);
	snapshot_unref(s);
	return 0;
}

static void
import_progress(const char *name, size_t i, size_t n)
{
	fprintf(stderr, "  stored %s (%zu/%zu)\n", name, i, n);
}

/*
 * Validates <fs> as a whole list version (parse, compile, index), then
 * stores it.  Prints the version id on stdout.
 */
static int
import_fileset(PGconn *c, struct fileset *fs, const char *label)
{
	struct ruleset *rs = rules_new();
	struct snapshot *s;
	struct buf errs;
	char *err, *version;
	bool created;

	buf_init(&errs);
	fprintf(stderr, "checking %zu files of %s\n", fs->n, label);
	if (rules_add_fileset(rs, fs, &errs) > 0) {
		rules_free(rs);
		s = NULL;
	} else
		s = snapshot_build(rs, label, &errs);
	if (s == NULL) {
		fputs(errs.data ? errs.data : "unknown error\n", stderr);
		fprintf(stderr, "%s: refused; nothing was stored\n", label);
		buf_free(&errs);
		return 1;
	}
	buf_free(&errs);
	if (store_import_version(c, s->rs, fs, actor(), &version, &created,
	    import_progress, &err) == -1)
		fatalx("%s", err);
	printf("%s\n", version);
	fprintf(stderr, "%s list version %s: %zu lists, %zu entries, %zu "
	    "denied parties, checksum %s\n", created ? "imported" :
	    "already stored as", version, s->rs->nlists, s->rs->nentries,
	    s->rs->parties ? party_count(s->rs->parties) : 0, s->rs->checksum);
	free(version);
	snapshot_unref(s);
	return 0;
}

static void
fetch_progress(size_t got, size_t total, void *arg)
{
	static size_t last;

	if (got - last < (1 << 20) && got != total)
		return;
	last = got;
	if (total > 0)
		fprintf(stderr, "\r  %zu of %zu KiB", got >> 10, total >> 10);
	else
		fprintf(stderr, "\r  %zu KiB", got >> 10);
}

/*
 * lists fetch URL [--name FILE]: downloads one list file and stores a new
 * version made of the active version's files with this one added or
 * replaced.  The new version is not activated.
 */
static int
cmd_fetch(int argc, char **argv)
{
	struct fileset fs = { NULL, 0 };
	const char *url = NULL, *name = NULL, *slash;
	char sha[65], *data, *err, *active;
	size_t len;
	PGconn *c;
	int i, rc;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--name") == 0 && i + 1 < argc)
			name = argv[++i];
		else if (url == NULL)
			url = argv[i];
		else
			usage();
	}
	if (url == NULL)
		usage();
	if (name == NULL) {
		slash = strrchr(url, '/');
		name = slash ? slash + 1 : url;
	}
	if (!rules_is_list_file(name))
		fatalx("%s: not a list file name (*.yaml, *.xml, sdn.csv, alt.csv, "
		    "add.csv, dpl.txt); give --name", name);
	if (dsn == NULL)	/* before a download that would be wasted */
		fatalx("no database: give --db DSN or set CORDON_DB");
	fprintf(stderr, "fetching %s\n", url);
	if (fetch_url(url, &data, &len, sha, fetch_progress, NULL, &err) == -1)
		fatalx("%s", err);
	fprintf(stderr, "\nfetched %s: %zu bytes, sha256 %s\n", name, len, sha);
	c = connect_or_die();
	if ((active = store_active_version(c, &err)) != NULL) {
		if (store_version_files(c, active, &fs, &err) == -1)
			fatalx("%s", err);
		free(active);
	} else if (err != NULL)
		fatalx("%s", err);
	fileset_add(&fs, name, NULL, data, len);
	free(data);
	rc = import_fileset(c, &fs, url);
	fileset_free(&fs);
	PQfinish(c);
	return rc;
}

/*
 * lists activate VERSION: builds the stored files of <version> exactly as a
 * daemon will (parse, compile, index) and activates it only if that
 * succeeds.  A version that does not build is refused with its file:line
 * errors and the active version stays as it is: activating it would leave
 * every daemon that restarts without a ruleset.
 */
static int
cmd_activate(const char *version)
{
	struct fileset fs = { NULL, 0 };
	struct snapshot *s;
	struct buf errs;
	PGconn *c;
	char *err;

	c = connect_or_die();
	if (store_version_files(c, version, &fs, &err) == -1) {
		/* Unknown versions have no files; say it the usual way. */
		if (!store_version_exists(c, version))
			fatalx("no list version \"%s\"", version);
		fatalx("%s", err);
	}
	fprintf(stderr, "building list version %s (%zu files)\n", version,
	    fs.n);
	buf_init(&errs);
	s = snapshot_from_fileset(&fs, version, &errs);
	fileset_free(&fs);
	if (s == NULL) {
		fputs(errs.data ? errs.data : "unknown error\n", stderr);
		fprintf(stderr, "list version %s does not build; not activated, "
		    "the active version is unchanged\n", version);
		buf_free(&errs);
		PQfinish(c);
		return 1;
	}
	buf_free(&errs);
	fprintf(stderr, "list version %s builds: %zu lists, %zu entries\n",
	    version, s->rs->nlists, s->rs->nentries);
	snapshot_unref(s);
	if (store_activate(c, version, actor(), &err) == -1)
		fatalx("%s", err);
	fprintf(stderr, "activated list version %s\n", version);
	PQfinish(c);
	return 0;
}

static int	cmd_lists_status(int, char **);
static int	cmd_backtest(int, char **);

static int
cmd_lists(int argc, char **argv)
{
	PGconn *c;
	char *err;

	if (argc < 1)
		usage();
	if (strcmp(argv[0], "import") == 0 && argc == 2) {
		struct fileset fs = { NULL, 0 };
		struct buf errs;
		int rc;

		buf_init(&errs);
		if (fileset_read_dir(&fs, argv[1], &errs) > 0) {
			fputs(errs.data, stderr);
			return 1;
		}
		buf_free(&errs);
		c = connect_or_die();
		rc = import_fileset(c, &fs, argv[1]);
		fileset_free(&fs);
		PQfinish(c);
		return rc;
	}
	if (strcmp(argv[0], "fetch") == 0)
		return cmd_fetch(argc - 1, argv + 1);
	if (strcmp(argv[0], "activate") == 0 && argc == 2)
		return cmd_activate(argv[1]);
	if (strcmp(argv[0], "status") == 0)
		return cmd_lists_status(argc - 1, argv + 1);
	if (strcmp(argv[0], "backtest") == 0)
		return cmd_backtest(argc - 1, argv + 1);
	if (strcmp(argv[0], "show") == 0 && argc == 1) {
		json_t *v;

		c = connect_or_die();
		if ((v = store_versions(c, &err)) == NULL)
			fatalx("%s", err);
		json_dumpf(v, stdout, JSON_INDENT(2));
		putchar('\n');
		json_decref(v);
		PQfinish(c);
		return 0;
	}
	usage();
}

/*
 * Screens WCO DEC-DMS files, one result line each; a refused file is
 * answered with its error, "file" and "status".  Returns the refusals.
 */
static int
screen_wco_files(struct snapshot *s, char **files, int nfiles)
{
	int i, bad = 0;

	for (i = 0; i < nfiles; i++) {
		struct decl *d;
		json_t *err, *res;
		size_t len;
		char *data;
		int status;

		if ((data = util_read_file(files[i], &len)) == NULL) {
			err = json_pack("{s:s, s:s, s:i}", "error",
			    "cannot read the file", "detail", strerror(errno),
			    "status", 0);
			d = NULL;
		} else if ((d = wco_parse(data, len, &err, &status)) == NULL)
			json_object_set_new(err, "status", json_integer(status));
		free(data);
		if (d == NULL) {
			json_object_set_new(err, "file", json_string(files[i]));
			json_dumpf(err, stdout, JSON_COMPACT);
			putchar('\n');
			json_decref(err);
			bad++;
			continue;
		}
		res = screen_decl(s->m, NULL, d, s->version);
		json_object_set_new(res, "file", json_string(files[i]));
		json_dumpf(res, stdout, JSON_COMPACT);
		putchar('\n');
		json_decref(res);
		decl_free(d);
	}
	return bad;
}

/* CPU time of this process so far (user and system), in seconds. */
static double
cpu_seconds(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
	    (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

/* What `cordonctl screen` is asked to do. */
struct screen_args {
	const char	*rules;		/* a rules directory, else the active
					   list version in the database */
	const char	*format;	/* "json" (NDJSON on stdin) or "wco" */
	char		**files;	/* --format wco: the files */
	int		  nfiles;
	int		  strict, stats;
};

/* The options of `cordonctl screen` into <a> (--db sets dsn). */
static void
screen_parse_args(int argc, char **argv, struct screen_args *a)
{
	int i;

	memset(a, 0, sizeof(*a));
	a->format = "json";
	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--rules") == 0 && i + 1 < argc)
			a->rules = argv[++i];
		else if (strcmp(argv[i], "--stats") == 0)
			a->stats = 1;
		else if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
			dsn = argv[++i];
		else if (strcmp(argv[i], "--strict") == 0)
			a->strict = 1;
		else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			a->format = argv[++i];
			if (strcmp(a->format, "json") != 0 &&
			    strcmp(a->format, "wco") != 0)
				usage();
		} else if (argv[i][0] != '-' && strcmp(a->format, "wco") == 0)
			break;	/* the files */
		else
			usage();
	}
	a->files = argv + i;
	a->nfiles = argc - i;
	if (strcmp(a->format, "wco") == 0 && a->nfiles == 0)
		usage();
}

/*
 * The snapshot to screen with: built from <rules>, or from the active list
 * version in the database (fatal if there is none).  NULL when the rules
 * are refused (the errors printed).
 */
static struct snapshot *
screen_snapshot(const char *rules)
{
	struct snapshot *s;
	struct buf errs;
	PGconn *c;
	char *err, *v;

	if (rules != NULL)
		return load_rules(rules);
	c = connect_or_die();
	if ((v = store_active_version(c, &err)) == NULL)
		fatalx("%s", err ? err : "no active list version");
	buf_init(&errs);
	if ((s = store_load_version(c, v, &errs, &err)) == NULL)
		fatalx("list version %s: %s%s", v, err ? err : "",
		    errs.data ? errs.data : "");
	buf_free(&errs);
	free(v);
	PQfinish(c);
	return s;
}

/*
 * Screens the NDJSON declarations of standard input with <s>, one result
 * line each, a refused line answered with its error; with <stats>, the
 * screening rate on stderr.  Returns the refusals; *linesp the lines read.
 */
static int
screen_ndjson(struct snapshot *s, int stats, size_t *linesp)
{
	struct buf out;
	char *line = NULL;
	size_t cap = 0, lineno = 0, screened = 0;
	ssize_t n;
	double cpu0;
	int bad = 0;

	buf_init(&out);
	cpu0 = cpu_seconds();
	while ((n = getline(&line, &cap, stdin)) != -1) {
		struct decl *d;
		struct screen_result *res;
		json_t *err;
		int status;

		lineno++;
		if (line[strspn(line, " \t\r\n")] == '\0')
			continue;
		if ((d = decl_parse(line, (size_t)n, &err, &status)) == NULL) {
			json_object_set_new(err, "line", json_integer((json_int_t)lineno));
			json_object_set_new(err, "status", json_integer(status));
			json_dumpf(err, stdout, JSON_COMPACT);
			putchar('\n');
			json_decref(err);
			bad++;
			continue;
		}
		res = screen_run(s->m, NULL, d, s->version, NULL);
		buf_reset(&out);
		result_write(&out, res, false, NULL);
		buf_addc(&out, '\n');
		fwrite(out.data, 1, out.len, stdout);
		screen_result_free(res);
		decl_free(d);
		screened++;
	}
	if (stats) {
		double cpu = cpu_seconds() - cpu0;

		/* The list version's build is not counted: screening alone. */
		fprintf(stderr, "cordonctl: screened %zu declarations in %.2f "
		    "CPU-seconds: %.0f per CPU-second\n", screened, cpu,
		    cpu > 0 ? screened / cpu : 0.0);
	}
	free(line);
	buf_free(&out);
	*linesp = lineno;
	return bad;
}

static int
cmd_screen(int argc, char **argv)
{
	struct screen_args a;
	struct snapshot *s;
	size_t lineno;
	int bad;

	screen_parse_args(argc, argv, &a);
	if ((s = screen_snapshot(a.rules)) == NULL)
		return 1;
	if (a.nfiles > 0) {
		bad = screen_wco_files(s, a.files, a.nfiles);
		snapshot_unref(s);
		if (bad > 0)
			fprintf(stderr, "cordonctl: %d of %d files refused\n",
			    bad, a.nfiles);
		return bad > 0 && a.strict ? 1 : 0;
	}
	bad = screen_ndjson(s, a.stats, &lineno);
	snapshot_unref(s);
	/*
	 * A refused line is answered on its own output line, like any other:
	 * bulk screening goes on.  --strict makes refusals fail the run.
	 */
	if (bad > 0)
		fprintf(stderr, "cordonctl: %d of %zu lines refused\n", bad,
		    lineno);
	return bad > 0 && a.strict ? 1 : 0;
}

static int
cmd_tokens(int argc, char **argv)
{
	PGconn *c;
	char *err;

	if (argc >= 1 && strcmp(argv[0], "create") == 0) {
		const char *role = NULL, *name = NULL;
		char token[48], hash[65];
		int i;

		for (i = 1; i < argc; i++) {
			if (strcmp(argv[i], "--role") == 0 && i + 1 < argc)
				role = argv[++i];
			else if (strcmp(argv[i], "--name") == 0 && i + 1 < argc)
				name = argv[++i];
			else
				usage();
		}
		if (role == NULL || name == NULL || auth_role(role) == ROLE_NONE)
			fatalx("tokens create: --role (submitter, officer, "
			    "supervisor, admin or auditor) and --name are required");
		auth_token_new(token);
		auth_token_hash(token, hash);
		c = connect_or_die();
		if (store_token_create(c, name, role, hash, actor(), &err) == -1)
			fatalx("%s", err);
		PQfinish(c);
		/* Shown once: only its hash is stored. */
		printf("%s\n", token);
		fprintf(stderr, "created %s token \"%s\"; it is shown only "
		    "once\n", role, name);
		return 0;
	}
	if (argc == 1 && strcmp(argv[0], "list") == 0) {
		json_t *t;

		c = connect_or_die();
		if ((t = store_tokens_list(c, &err)) == NULL)
			fatalx("%s", err);
		json_dumpf(t, stdout, JSON_INDENT(2));
		putchar('\n');
		json_decref(t);
		PQfinish(c);
		return 0;
	}
	if (argc == 2 && strcmp(argv[0], "revoke") == 0) {
		c = connect_or_die();
		if (store_token_revoke(c, argv[1], actor(), &err) == -1)
			fatalx("%s", err);
		fprintf(stderr, "revoked token \"%s\"\n", argv[1]);
		PQfinish(c);
		return 0;
	}
	usage();
}

/*
 * audit verify: the hash chain, then the tokens.  Tokens are created and
 * revoked only through cordonctl, which audits each change in the same
 * transaction, so a token row the trail does not account for was written
 * around Cordon (a direct INSERT of an admin token, a role raised, a
 * revocation undone).
 */
static int
cmd_audit_verify(void)
{
	struct buf out, tok;
	size_t rows;
	PGconn *c;
	char *err;
	int rc, bad;

	c = connect_or_die();
	buf_init(&out);
	buf_init(&tok);
	if ((rc = store_audit_verify(c, &out, &rows, &err)) == -1)
		fatalx("%s", err);
	if ((bad = store_tokens_unaudited(c, &tok, &err)) == -1)
		fatalx("%s", err);
	fputs(out.data ? out.data : "", rc == 0 ? stdout : stderr);
	if (bad > 0) {
		fputs(tok.data, stderr);
		fprintf(stderr, "%d token row%s not accounted for by the audit "
		    "trail\n", bad, bad == 1 ? " is" : "s are");
	} else
		printf("every token row has its audit rows\n");
	buf_free(&out);
	buf_free(&tok);
	PQfinish(c);
	return rc == 0 && bad == 0 ? 0 : 1;
}

static int
cmd_audit(int argc, char **argv)
{
	PGconn *c;
	char *err;

	if (argc == 1 && strcmp(argv[0], "verify") == 0)
		return cmd_audit_verify();
	if (argc == 1 && strcmp(argv[0], "export") == 0) {
		c = connect_or_die();
		if (store_audit_export(c, stdout, &err) == -1)
			fatalx("%s", err);
		PQfinish(c);
		return 0;
	}
	usage();
}

/*
 * Calls the API.  On 2xx returns 0 with the body in *respp (caller frees);
 * otherwise prints the body and the status to stderr and returns 1.
 */
static int
api_request(const char *method, const char *path, json_t *body,
    char **respp)
{
	char url[1024], *resp, *err, *text = NULL;
	const char *base = api_url ? api_url : "http://127.0.0.1:8470";
	long status = 0;

	*respp = NULL;
	snprintf(url, sizeof(url), "%s%s", base, path);
	if (body != NULL)
		text = json_dumps(body, JSON_COMPACT);
	if (fetch_api(method, url, api_token, text, &resp, &status, &err) == -1)
		fatalx("%s", err);
	free(text);
	if (status < 200 || status >= 300) {
		fputs(resp, stderr);
		if (*resp != '\0' && resp[strlen(resp) - 1] != '\n')
			fputc('\n', stderr);
		free(resp);
		fprintf(stderr, "cordonctl: HTTP %ld\n", status);
		return 1;
	}
	*respp = resp;
	return 0;
}

/* Calls the API and prints the JSON response indented; exit 0 on 2xx. */
static int
api_call(const char *method, const char *path, json_t *body)
{
	char *resp;
	json_t *j;
	json_error_t je;

	if (api_request(method, path, body, &resp) != 0)
		return 1;
	if ((j = json_loads(resp, 0, &je)) != NULL) {
		json_dumpf(j, stdout, JSON_INDENT(2));
		fputc('\n', stdout);
		json_decref(j);
	} else
		fputs(resp, stdout);
	free(resp);
	return 0;
}

/* Prints <s> in <width> columns (code points), cut with "~" or padded. */
static void
table_cell(const char *s, int width, bool last)
{
	int n = 0;
	const char *p;

	if (s == NULL || *s == '\0')
		s = "-";
	for (p = s; *p != '\0'; p++) {
		if (((unsigned char)*p & 0xC0) == 0x80) {
			fputc(*p, stdout);	/* continuation byte */
			continue;
		}
		if (n == width - 1 && strlen(p) > 1 && !last) {
			/* More than fits: mark the cut. */
			const char *q = p + 1;

			while (((unsigned char)*q & 0xC0) == 0x80)
				q++;
			if (*q != '\0') {
				fputc('~', stdout);
				n++;
				break;
			}
		}
		if (n == width && !last)
			break;
		fputc((unsigned char)*p < 0x20 ? ' ' : *p, stdout);
		n++;
	}
	if (!last)
		for (; n < width + 1; n++)
			fputc(' ', stdout);
}

/*
 * The queue page <page> as a table: one line per alert, what an officer
 * scans first; the full id so that it can be pasted into the next command.
 */
static void
alerts_table(json_t *page)
{
	json_t *alerts = json_object_get(page, "alerts"), *a, *next;
	size_t i;

	printf("%-36s %-8s %5s %-18s %-14s %-20s %-4s %-24s %s\n", "ID",
	    "SEVERITY", "SCORE", "STATUS", "CLAIMED BY", "REFERENCE", "DEST",
	    "CONSIGNEE", "ENTRIES");
	json_array_foreach(alerts, i, a) {
		char score[16], status[64];
		json_t *h, *pending = json_object_get(a, "pending");
		json_t *seen = json_object();
		struct buf entries;
		size_t k;

		snprintf(score, sizeof(score), "%lld", (long long)
		    json_integer_value(json_object_get(a, "score")));
		snprintf(status, sizeof(status), "%s%s",
		    json_string_value(json_object_get(a, "status")),
		    json_is_object(pending) ? " (approval)" : "");
		buf_init(&entries);
		json_array_foreach(json_object_get(a, "hits"), k, h) {
			char one[160];

			snprintf(one, sizeof(one), "%s/%s",
			    json_string_value(json_object_get(h, "list")),
			    json_string_value(json_object_get(h, "entry")));
			if (json_object_get(seen, one) != NULL)
				continue;	/* hits repeat an entry */
			json_object_set_new(seen, one, json_true());
			if (entries.len > 0)
				buf_addc(&entries, ' ');
			buf_adds(&entries, one);
		}
		json_decref(seen);
		table_cell(json_string_value(json_object_get(a, "id")), 36, false);
		table_cell(json_string_value(json_object_get(a, "severity")), 8,
		    false);
		printf("%5s ", score);
		table_cell(status, 18, false);
		table_cell(json_string_value(json_object_get(a, "claimed_by")), 14,
		    false);
		table_cell(json_string_value(json_object_get(a, "reference")), 20,
		    false);
		table_cell(json_string_value(json_object_get(a, "destination")), 4,
		    false);
		table_cell(json_string_value(json_object_get(a, "consignee")), 24,
		    false);
		table_cell(entries.data, 0, true);
		fputc('\n', stdout);
		buf_free(&entries);
	}
	if (json_array_size(alerts) == 0)
		printf("(no alerts match)\n");
	next = json_object_get(page, "next_cursor");
	if (json_is_string(next))
		printf("more: --cursor %s\n", json_string_value(next));
}

/* alerts list: a table by default, --json the API's page, --csv the export. */
static int
alerts_list(int argc, char **argv)
{
	enum { OUT_TABLE, OUT_JSON, OUT_CSV } out = OUT_TABLE;
	struct buf qs;
	char *resp;
	int i, rc;

	buf_init(&qs);
	buf_adds(&qs, "/v1/alerts?");
	for (i = 0; i < argc; i++) {
		char *e;

		if (strcmp(argv[i], "--json") == 0) {
			out = OUT_JSON;
			continue;
		}
		if (strcmp(argv[i], "--csv") == 0) {
			out = OUT_CSV;
			buf_adds(&qs, "format=csv&");
			continue;
		}
		if (strcmp(argv[i], "--mine") == 0) {
			buf_adds(&qs, "claimed_by=me&");
			continue;
		}
		if (strcmp(argv[i], "--awaiting-approval") == 0) {
			buf_adds(&qs, "awaiting_approval=true&");
			continue;
		}
		if (strncmp(argv[i], "--", 2) != 0 || i + 1 >= argc)
			usage();
		e = evhttp_encode_uri(argv[i + 1]);
		buf_printf(&qs, "%s=%s&", argv[i] + 2, e);
		free(e);
		i++;
	}
	rc = api_request("GET", qs.data, NULL, &resp);
	buf_free(&qs);
	if (rc != 0)
		return rc;
	if (out == OUT_TABLE) {
		json_error_t je;
		json_t *page = json_loads(resp, 0, &je);

		if (page == NULL)
			fatalx("the API answered with something that is not JSON: "
			    "%s", je.text);
		alerts_table(page);
		json_decref(page);
	} else if (out == OUT_JSON) {
		json_t *page = json_loads(resp, 0, NULL);

		json_dumpf(page, stdout, JSON_INDENT(2));
		fputc('\n', stdout);
		json_decref(page);
	} else
		fputs(resp, stdout);
	free(resp);
	return 0;
}

static int	cmd_stats(int, char **);

static int
cmd_alerts(int argc, char **argv)
{
	char path[512];
	int i;

	if (argc >= 1 && strcmp(argv[0], "list") == 0)
		return alerts_list(argc - 1, argv + 1);
	if (argc == 2 && strcmp(argv[0], "show") == 0) {
		snprintf(path, sizeof(path), "/v1/alerts/%s", argv[1]);
		return api_call("GET", path, NULL);
	}
	if (argc == 2 && (strcmp(argv[0], "claim") == 0 ||
	    strcmp(argv[0], "unclaim") == 0)) {
		snprintf(path, sizeof(path), "/v1/alerts/%s/%s", argv[1], argv[0]);
		return api_call("POST", path, NULL);
	}
	if (argc == 4 && strcmp(argv[0], "decide") == 0) {
		json_t *b = json_pack("{s:s, s:s}", "decision", argv[2], "reason",
		    argv[3]);

		snprintf(path, sizeof(path), "/v1/alerts/%s/decision", argv[1]);
		i = api_call("POST", path, b);
		json_decref(b);
		return i;
	}
	if ((argc == 3 || argc == 4) && strcmp(argv[0], "assign") == 0) {
		json_t *b = json_pack("{s:s}", "to", argv[2]);

		if (argc == 4)
			json_object_set_new(b, "reason", json_string(argv[3]));
		snprintf(path, sizeof(path), "/v1/alerts/%s/assign", argv[1]);
		i = api_call("POST", path, b);
		json_decref(b);
		return i;
	}
	if ((argc == 2 || argc == 3) && strcmp(argv[0], "approve") == 0) {
		json_t *b = json_object();

		if (argc == 3)
			json_object_set_new(b, "comment", json_string(argv[2]));
		snprintf(path, sizeof(path), "/v1/alerts/%s/approve", argv[1]);
		i = api_call("POST", path, b);
		json_decref(b);
		return i;
	}
	if (argc == 3 && (strcmp(argv[0], "note") == 0 ||
	    strcmp(argv[0], "reopen") == 0 || strcmp(argv[0], "reject") == 0)) {
		json_t *b = json_pack("{s:s}", strcmp(argv[0], "note") == 0 ?
		    "text" : "reason", argv[2]);

		snprintf(path, sizeof(path), "/v1/alerts/%s/%s", argv[1],
		    strcmp(argv[0], "note") == 0 ? "notes" : argv[0]);
		i = api_call("POST", path, b);
		json_decref(b);
		return i;
	}
	usage();
}

/* The outbox of signed events (admins): list, and send again. */
static int
cmd_events(int argc, char **argv)
{
	char path[512];
	int i;

	if (argc >= 1 && strcmp(argv[0], "list") == 0) {
		struct buf qs;

		buf_init(&qs);
		buf_adds(&qs, "/v1/admin/events?");
		for (i = 1; i + 1 < argc; i += 2) {
			char *e;

			if (strcmp(argv[i], "--status") != 0 &&
			    strcmp(argv[i], "--limit") != 0 &&
			    strcmp(argv[i], "--cursor") != 0)
				usage();
			e = evhttp_encode_uri(argv[i + 1]);
			buf_printf(&qs, "%s=%s&", argv[i] + 2, e);
			free(e);
		}
		if (i != argc)
			usage();
		i = api_call("GET", qs.data, NULL);
		buf_free(&qs);
		return i;
	}
	if ((argc == 2 || argc == 3) && strcmp(argv[0], "redeliver") == 0) {
		json_t *b = argc == 3 ? json_pack("{s:s}", "endpoint", argv[2]) :
		    NULL;

		snprintf(path, sizeof(path), "/v1/admin/events/%s/redeliver",
		    argv[1]);
		i = api_call("POST", path, b);
		json_decref(b);
		return i;
	}
	usage();
}

/* ---- re-screening, backtests, rule quality ---------------------------- */

/* lists status: the active version and the progress of its re-screening. */
static int
cmd_lists_status(int argc, char **argv)
{
	bool as_json = argc == 1 && strcmp(argv[0], "--json") == 0;
	PGconn *c;
	char *err = NULL, *active;
	json_t *st;

	if (argc > 1 || (argc == 1 && !as_json))
		usage();
	c = connect_or_die();
	active = store_active_version(c, &err);
	if (err != NULL)
		fatalx("%s", err);
	if ((st = store_rescreen_status(c, &err)) == NULL)
		fatalx("%s", err);
	PQfinish(c);
	if (as_json) {
		json_t *o = json_pack("{s:o, s:O}", "active_version", active ?
		    json_string(active) : json_null(), "rescreen", st);

		json_dumpf(o, stdout, JSON_INDENT(2));
		putchar('\n');
		json_decref(o);
	} else {
		printf("active list version: %s\n", active ? active : "(none)");
		if (json_is_object(st))
			printf("re-screening against %s: %s, %lld of %lld "
			    "declarations, %lld alerts raised, %lld notes "
			    "(since %s, updated %s)\n",
			    json_string_value(json_object_get(st, "version")),
			    json_string_value(json_object_get(st, "status")),
			    (long long)json_integer_value(json_object_get(st,
			    "done")), (long long)json_integer_value(
			    json_object_get(st, "total")), (long long)
			    json_integer_value(json_object_get(st,
			    "alerts_raised")), (long long)json_integer_value(
			    json_object_get(st, "notes_added")),
			    json_string_value(json_object_get(st, "since")),
			    json_string_value(json_object_get(st,
			    "updated_at")));
		else
			printf("re-screening: no run yet\n");
	}
	json_decref(st);
	free(active);
	return 0;
}

static void
backtest_progress(size_t done, size_t total, void *arg)
{
	fprintf(stderr, "backtest: %zu of %zu declarations\n", done, total);
}

/* lists backtest VERSION [--since 30d] [--json]: read-only, runs here. */
static int
cmd_backtest(int argc, char **argv)
{
	struct backtest_progress pr = { backtest_progress, NULL, NULL };
	struct conf cf;
	struct buf errs;
	struct snapshot *s;
	bool as_json = false;
	long days = 30;
	char *err = NULL;
	json_t *rep;
	PGconn *c;
	int i;

	if (argc < 1 || strncmp(argv[0], "--", 2) == 0)
		usage();
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--since") == 0 && i + 1 < argc) {
			if (stats_parse_days(argv[++i], &days) == -1)
				fatalx("--since: a number of days (30 or 30d), "
				    "from 1 to 3650");
		} else if (strcmp(argv[i], "--json") == 0)
			as_json = true;
		else
			usage();
	}
	conf_init(&cf);
	c = connect_or_die();
	if (!store_version_exists(c, argv[0]))
		fatalx("no list version \"%s\"", argv[0]);
	buf_init(&errs);
	if ((s = store_load_version(c, argv[0], &errs, &err)) == NULL)
		fatalx("list version %s does not build: %s", argv[0], err ? err :
		    errs.data ? errs.data : "?");
	buf_free(&errs);
	fprintf(stderr, "backtest: list version %s built; screening the "
	    "declarations of the last %ld days\n", argv[0], days);
	rep = rescreen_backtest(c, s, days, cf.party_threshold, &pr, &err);
	snapshot_unref(s);
	PQfinish(c);
	conf_free(&cf);
	if (rep == NULL)
		fatalx("backtest: %s", err);
	if (as_json) {
		json_dumpf(rep, stdout, JSON_INDENT(2));
		putchar('\n');
	} else
		stats_backtest_print(rep, stdout);
	json_decref(rep);
	return 0;
}

/* stats entries: GET /v1/stats/entries as a table (or its JSON). */
static int
cmd_stats(int argc, char **argv)
{
	const char *base = api_url ? api_url : "http://127.0.0.1:8470";
	bool as_json = false;
	struct buf url;
	char *resp, *err;
	long status = 0, days;
	json_t *j;
	int i;

	if (argc < 1 || strcmp(argv[0], "entries") != 0)
		usage();
	buf_init(&url);
	buf_printf(&url, "%s/v1/stats/entries?", base);
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0) {
			as_json = true;
			continue;
		}
		if (i + 1 >= argc || (strcmp(argv[i], "--days") != 0 &&
		    strcmp(argv[i], "--since") != 0 &&
		    strcmp(argv[i], "--until") != 0))
			usage();
		if (strcmp(argv[i], "--days") == 0 &&
		    stats_parse_days(argv[i + 1], &days) == -1)
			fatalx("--days: a number of days from 1 to 3650");
		if (strcmp(argv[i], "--days") != 0 &&
		    !stats_is_time(argv[i + 1]))
			fatalx("%s: an RFC 3339 time or a YYYY-MM-DD date",
			    argv[i]);
		{
			char *e = evhttp_encode_uri(argv[i + 1]);

			buf_printf(&url, "%s=%s&", argv[i] + 2, e);
			free(e);
		}
		i++;
	}
	if (fetch_api("GET", url.data, api_token, NULL, &resp, &status,
	    &err) == -1)
		fatalx("%s", err);
	buf_free(&url);
	j = json_loads(resp, 0, NULL);
	if (status != 200 || j == NULL) {
		fprintf(stderr, "%s\ncordonctl: HTTP %ld\n", resp, status);
		free(resp);
		json_decref(j);
		return 1;
	}
	free(resp);
	if (as_json) {
		json_dumpf(j, stdout, JSON_INDENT(2));
		putchar('\n');
	} else
		stats_entries_print(j, stdout);
	json_decref(j);
	return 0;
}

/* ---- partitions and retention (schemas/0014, maint.c) ------------------ */

/* A whole number in [<min>, <max>] from option <opt>, or usage. */
static int
int_arg(const char *opt, const char *v, int min, int max)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (errno != 0 || end == v || *end != '\0' || n < min || n > max)
		fatalx("%s: a whole number from %d to %d, not \"%s\"", opt, min,
		    max, v);
	return (int)n;
}

/* Runs maint_run with <o> and prints what it did; the exit status. */
static int
run_maint(const struct maint_opts *o)
{
	struct buf out;
	PGconn *c;
	char *err;
	int rc;

	c = connect_or_die();
	buf_init(&out);
	rc = maint_run(c, o, actor(), &out, &err);
	fputs(out.data ? out.data : "", stdout);
	buf_free(&out);
	PQfinish(c);
	if (rc == 1) {
		fprintf(stderr, "cordonctl: another maintenance run holds the "
		    "lock; nothing done\n");
		return 1;
	}
	if (rc == -1) {
		fprintf(stderr, "cordonctl: %s\n", err);
		free(err);
		return 1;
	}
	return 0;
}

/* The partitions list of store_partitions_list as a table. */
static void
print_partitions(json_t *j)
{
	size_t i;
	json_t *p;

	printf("%-13s %-26s %-8s %12s %14s %s\n", "TABLE", "PARTITION",
	    "MONTH", "ROWS (EST.)", "BYTES", "PAST RETENTION");
	json_array_foreach(j, i, p) {
		const char *from = json_string_value(json_object_get(p, "from"));

		printf("%-13s %-26s %-8.7s %12lld %14lld %s\n",
		    json_string_value(json_object_get(p, "table")),
		    json_string_value(json_object_get(p, "partition")),
		    from ? from : "", (long long)json_integer_value(
		    json_object_get(p, "rows_estimate")), (long long)
		    json_integer_value(json_object_get(p, "bytes")),
		    json_is_true(json_object_get(p, "past_retention")) ? "yes" :
		    "no");
	}
}

/*
 * partitions list [--retention-months N] [--json] | create [--ahead N]:
 * the monthly partitions (size, rows estimated, past retention), or months
 * created ahead as cordond's maintenance job does.
 */
static int
cmd_partitions(int argc, char **argv)
{
	struct maint_opts o = { 3, 0, NULL, false };
	bool as_json = false;
	int i;

	if (argc < 1)
		usage();
	for (i = 1; i < argc; i += 2) {
		if (strcmp(argv[0], "list") == 0 &&
		    strcmp(argv[i], "--json") == 0) {
			as_json = true;
			i--;
			continue;
		}
		if (i + 1 >= argc)
			usage();
		if (strcmp(argv[0], "list") == 0 &&
		    strcmp(argv[i], "--retention-months") == 0)
			o.retention = int_arg(argv[i], argv[i + 1], 0, 1200);
		else if (strcmp(argv[0], "create") == 0 &&
		    strcmp(argv[i], "--ahead") == 0)
			o.ahead = int_arg(argv[i], argv[i + 1], 1, 120);
		else
			usage();
	}
	if (strcmp(argv[0], "list") == 0) {
		PGconn *c = connect_or_die();
		char *err;
		json_t *j;

		if ((j = store_partitions_list(c, o.retention, &err)) == NULL)
			fatalx("%s", err);
		if (as_json) {
			json_dumpf(j, stdout, JSON_INDENT(2));
			putchar('\n');
		} else
			print_partitions(j);
		json_decref(j);
		PQfinish(c);
		return 0;
	}
	if (strcmp(argv[0], "create") == 0)
		return run_maint(&o);
	usage();
}

/*
 * retention export | run --retention-months N --dir DIR: the months past
 * N months written to DIR (export), and then detached and dropped, each
 * drop audited (run).  The key tables and the audit trail stay.
 */
static int
cmd_retention(int argc, char **argv)
{
	struct maint_opts o = { 0, 0, NULL, false };
	int i;

	if (argc < 1 || (strcmp(argv[0], "export") != 0 &&
	    strcmp(argv[0], "run") != 0))
		usage();
	o.export_only = strcmp(argv[0], "export") == 0;
	for (i = 1; i < argc; i += 2) {
		if (i + 1 >= argc)
			usage();
		if (strcmp(argv[i], "--retention-months") == 0)
			o.retention = int_arg(argv[i], argv[i + 1], 1, 1200);
		else if (strcmp(argv[i], "--dir") == 0)
			o.export_dir = argv[i + 1];
		else
			usage();
	}
	if (o.retention == 0 || o.export_dir == NULL)
		fatalx("retention %s: --retention-months N and --dir DIR are "
		    "required", argv[0]);
	if (!is_dir(o.export_dir))
		fatalx("%s: not a directory", o.export_dir);
	return run_maint(&o);
}

/* ---- the commands: dispatch, usage and --help from one table ---------- */

static int
cmd_db(int argc, char **argv)
{
	if (argc < 1 || strcmp(argv[0], "migrate") != 0)
		usage();
	return cmd_migrate(argc - 1, argv + 1);
}

/* How a command reaches Cordon: its global options and usual exit status. */
enum reach { REACH_NONE, REACH_DB, REACH_API };

/*
 * One row per command and subcommand.  A row whose <about> is NULL is one
 * more synopsis of the row above (screen has two).  Every row of a command
 * has the same <run>, which gets the words after the command.  A new
 * command or subcommand gets its row here, and its paragraph in
 * cordonctl.8; tests/unit/test_cordonctl_help.sh checks both from
 * `cordonctl --help`.
 */
struct command {
	const char	*cmd, *sub;	/* sub NULL: no subcommands */
	int		(*run)(int, char **);
	enum reach	 reach;
	const char	*synopsis;	/* after "cordonctl " */
	const char	*about;		/* what it does */
	const char	*options;	/* its own options, or NULL */
	const char	*exit;		/* NULL: the usual one for <reach> */
};

#define G_DB	"[--db DSN | --db-file FILE] "
#define G_API	"[--url URL] [--token TOKEN] "

static const struct command commands[] = {
	{ "db", "migrate", cmd_db, REACH_DB,
	    G_DB "db migrate [--schemas DIR]",
	    "Apply the SQL migrations (NNNN_*.sql) of DIR not yet recorded, each in\n"
	    "its own transaction; running it twice changes nothing.\n",
	    "  --schemas DIR      the migrations (default: CORDON_SCHEMAS, else\n"
	    "                     ./schemas, else the installed ones)\n", NULL },
	{ "rules", "check", cmd_rules, REACH_NONE,
	    "rules check DIR",
	    "Parse and compile every list file of DIR as cordond would; print each\n"
	    "list and term file with its counts, or every error as file:line: why.\n",
	    NULL,
	    "0 when the directory builds; 1 when it does not; 2 on\n"
	    "a usage error.\n" },
	{ "rules", "coverage", cmd_rules, REACH_NONE,
	    "rules coverage DIR [--languages en,fr,...] [--summary]",
	    "Show how far the language term files of DIR cover its goods entries:\n"
	    "terms per entry and language, entries stating a threshold without\n"
	    "parameters, the entries each language covers, and a summary line.\n",
	    "  --languages LIST   comma-separated target languages (default: the six\n"
	    "                     UN languages and de it pt nl pl tr uk fa ko ja)\n"
	    "  --summary          only the threshold list, the per-language line and\n"
	    "                     the summary line\n",
	    "0; 1 when the directory does not load; 2 on a usage error.\n" },
	{ "lists", "import", cmd_lists, REACH_DB,
	    G_DB "lists import DIR",
	    "Check the list files of DIR as a whole version (parse, compile, index),\n"
	    "then store them as a new immutable list version, or find the stored one\n"
	    "with the same checksum; print its id.  Not activated.\n",
	    NULL, NULL },
	{ "lists", "fetch", cmd_lists, REACH_DB,
	    G_DB "lists fetch URL [--name FILE]",
	    "Download one list file, print its SHA-256, and store a new version made\n"
	    "of the active version's files with this one added or replaced.  Not\n"
	    "activated.\n",
	    "  --name FILE        its file name in the version (default: the last\n"
	    "                     part of URL)\n", NULL },
	{ "lists", "activate", cmd_lists, REACH_DB,
	    G_DB "lists activate VERSION",
	    "Build VERSION from its stored files exactly as cordond does, then make\n"
	    "it active; every running cordond reloads.  A version that does not\n"
	    "build is refused with its errors and the active version stays.\n",
	    NULL, NULL },
	{ "lists", "show", cmd_lists, REACH_DB,
	    G_DB "lists show",
	    "Print the stored list versions as JSON, the active one marked.\n",
	    NULL, NULL },
	{ "lists", "status", cmd_lists, REACH_DB,
	    G_DB "lists status [--json]",
	    "Print the active list version and the progress of its re-screening:\n"
	    "status, declarations done of the total, alerts raised, notes added.\n",
	    "  --json             the same as JSON\n", NULL },
	{ "lists", "backtest", cmd_lists, REACH_DB,
	    G_DB "lists backtest VERSION [--since 30d] [--json]",
	    "Build VERSION here and screen the declarations stored in the last days\n"
	    "against it (progress on standard error), then print what would change:\n"
	    "alerts that would be new and alerts none of whose hits would remain, by\n"
	    "list entry, with how officers decided the ones that would go.\n"
	    "Read-only.\n",
	    "  --since N[d]       days back, 1 .. 3650 (default 30)\n"
	    "  --json             the report as JSON\n", NULL },
	{ "screen", NULL, cmd_screen, REACH_NONE,
	    "screen [--strict] [--stats] (--rules DIR | --db DSN) < declarations.ndjson",
	    "Screen declarations without storing them: NDJSON on standard input, one\n"
	    "result line each on standard output, a refused line answered with its\n"
	    "error; with --format wco, the WCO DEC-DMS XML files FILE.xml, one result\n"
	    "line each naming its file.\n",
	    "  --rules DIR        screen against the list files of DIR\n"
	    "  --db DSN           screen against the active list version\n"
	    "  --format json|wco  NDJSON on standard input (the default), or XML files\n"
	    "  --strict           refused lines or files make the exit status 1\n"
	    "  --stats            declarations screened per CPU-second, on standard\n"
	    "                     error\n",
	    "0, refused lines included; 1 when the rules do not\n"
	    "build or, with --strict, when anything was refused; 2 on a usage\n"
	    "error.\n" },
	{ "screen", NULL, cmd_screen, REACH_NONE,
	    "screen --format wco [--strict] (--rules DIR | --db DSN) FILE.xml...",
	    NULL, NULL, NULL },
	{ "tokens", "create", cmd_tokens, REACH_DB,
	    G_DB "tokens create --role ROLE --name NAME",
	    "Create an API token and print it once on standard output; only its\n"
	    "SHA-256 is stored.  Audited.  A submitter token's name is the name of\n"
	    "the submitting system.\n",
	    "  --role ROLE        submitter, officer, supervisor (an officer who also\n"
	    "                     approves what needs four eyes), admin or auditor\n"
	    "  --name NAME        unique name of the token\n", NULL },
	{ "tokens", "list", cmd_tokens, REACH_DB,
	    G_DB "tokens list",
	    "Print the tokens (name, role, created, revoked) as JSON; never the\n"
	    "tokens themselves.\n",
	    NULL, NULL },
	{ "tokens", "revoke", cmd_tokens, REACH_DB,
	    G_DB "tokens revoke NAME",
	    "Revoke the active token NAME; every cordond stops accepting it.\n"
	    "Audited.\n",
	    NULL, NULL },
	{ "audit", "verify", cmd_audit, REACH_DB,
	    G_DB "audit verify",
	    "Recompute the audit trail's hash chain and name the first altered,\n"
	    "deleted or reordered row; then name every token row the trail does not\n"
	    "account for.\n",
	    NULL,
	    "0 when the trail is intact and every token accounted\n"
	    "for; 1 otherwise or on a database error; 2 on a usage error.\n" },
	{ "audit", "export", cmd_audit, REACH_DB,
	    G_DB "audit export",
	    "Write the audit trail as JSON lines on standard output, oldest first.\n",
	    NULL, NULL },
	{ "partitions", "list", cmd_partitions, REACH_DB,
	    G_DB "partitions list [--retention-months N] [--json]",
	    "Print the monthly partitions of declarations, items and alerts: month,\n"
	    "estimated rows, bytes, and whether the month is past the retention\n"
	    "period.\n",
	    "  --retention-months N  mark the months older than N months, 0 .. 1200\n"
	    "                     (default 0: none)\n"
	    "  --json             the same as JSON\n", NULL },
	{ "partitions", "create", cmd_partitions, REACH_DB,
	    G_DB "partitions create [--ahead N]",
	    "Create the months from the current one to N months ahead, as the\n"
	    "maintenance job of cordond does, and report rows found in the DEFAULT\n"
	    "partitions.\n",
	    "  --ahead N          months ahead, 1 .. 120 (default 3)\n",
	    "0 on success; 1 when another maintenance run holds the\n"
	    "lock (nothing done) or on a database error; 2 on a usage error.\n" },
	{ "retention", "export", cmd_retention, REACH_DB,
	    G_DB "retention export --retention-months N --dir DIR",
	    "Write every month older than N months to DIR, one CSV file with a\n"
	    "header per table and month, synced; drop nothing.\n",
	    "  --retention-months N  months kept, 1 .. 1200\n"
	    "  --dir DIR          where the files go (an existing directory)\n",
	    "0 on success; 1 when another maintenance run holds the\n"
	    "lock (nothing done) or on an error; 2 on a usage error.\n" },
	{ "retention", "run", cmd_retention, REACH_DB,
	    G_DB "retention run --retention-months N --dir DIR",
	    "Apply retention as the maintenance job does: each month older than N\n"
	    "months is detached, written to DIR and dropped, each drop audited with\n"
	    "the file, its rows and its SHA-256; a month whose file cannot be\n"
	    "written is attached back.  The audit trail and the reference keys are\n"
	    "never dropped.\n",
	    "  --retention-months N  months kept, 1 .. 1200\n"
	    "  --dir DIR          where the files go (an existing directory)\n",
	    "0 on success; 1 when another maintenance run holds the\n"
	    "lock (nothing done) or on an error; 2 on a usage error.\n" },
	{ "alerts", "list", cmd_alerts, REACH_API,
	    G_API "alerts list [--json | --csv] [--mine] [--awaiting-approval] "
	    "[--status S[,S...]] [--category C] [--severity S] [--q TEXT] "
	    "[--country CC] [--from DATE] [--to DATE] [--submitter NAME] "
	    "[--limit N] [--cursor C]",
	    "Print one page of the officers' queue (GET /v1/alerts) as a table: id,\n"
	    "severity, score, status, claimant, reference, destination, consignee,\n"
	    "entries; then the --cursor of the next page, if any.\n",
	    "  --json             the API's page as JSON\n"
	    "  --csv              the whole filtered queue as CSV (csv_max_rows at most)\n"
	    "  --mine             alerts claimed by the token's name\n"
	    "  --awaiting-approval  alerts with a pending four-eyes request\n"
	    "  --status S[,S...]  open, claimed, released, held, inspection_ordered,\n"
	    "                     referred_licensing, referred_enforcement,\n"
	    "                     false_positive, auto_closed\n"
	    "  --category C       nuclear, chemical, biological, missile, ...\n"
	    "  --severity S       low, medium, high or critical\n"
	    "  --q TEXT           in the reference, item descriptions, party names\n"
	    "  --country CC       in the route, the parties or the origins\n"
	    "  --from DATE, --to DATE  created from, to (YYYY-MM-DD)\n"
	    "  --submitter NAME   declarations of one submitting system\n"
	    "  --limit N          alerts per page\n"
	    "  --cursor C         the cursor printed after the previous page\n", NULL },
	{ "alerts", "show", cmd_alerts, REACH_API,
	    G_API "alerts show ID",
	    "Print alert ID with its evidence, declaration, control entries and\n"
	    "history, as JSON.\n",
	    NULL, NULL },
	{ "alerts", "claim", cmd_alerts, REACH_API,
	    G_API "alerts claim ID",
	    "Claim the open alert ID for the token's officer.\n",
	    NULL, NULL },
	{ "alerts", "unclaim", cmd_alerts, REACH_API,
	    G_API "alerts unclaim ID",
	    "Give back the claim on alert ID.\n",
	    NULL, NULL },
	{ "alerts", "assign", cmd_alerts, REACH_API,
	    G_API "alerts assign ID NAME [REASON]",
	    "Hand alert ID, open or claimed by the caller, to the officer NAME.\n"
	    "Audited.\n",
	    NULL, NULL },
	{ "alerts", "decide", cmd_alerts, REACH_API,
	    G_API "alerts decide ID DECISION REASON",
	    "Decide alert ID: released, held, inspection_ordered,\n"
	    "referred_licensing, referred_enforcement or false_positive, with a\n"
	    "reason.  Releasing a critical alert answers 202: a supervisor other\n"
	    "than the caller approves or rejects it.  Audited.\n",
	    NULL, NULL },
	{ "alerts", "note", cmd_alerts, REACH_API,
	    G_API "alerts note ID TEXT",
	    "Add a note to alert ID.  Audited.\n",
	    NULL, NULL },
	{ "alerts", "reopen", cmd_alerts, REACH_API,
	    G_API "alerts reopen ID REASON",
	    "Reopen the decided alert ID, with a reason; another officer's decision\n"
	    "answers 202 and waits for a supervisor.  Audited.\n",
	    NULL, NULL },
	{ "alerts", "approve", cmd_alerts, REACH_API,
	    G_API "alerts approve ID [COMMENT]",
	    "Approve the pending request on alert ID, with a supervisor's token other\n"
	    "than the requester's.  Audited.\n",
	    NULL, NULL },
	{ "alerts", "reject", cmd_alerts, REACH_API,
	    G_API "alerts reject ID REASON",
	    "Reject the pending request on alert ID, with a supervisor's token other\n"
	    "than the requester's and a reason.  Audited.\n",
	    NULL, NULL },
	{ "events", "list", cmd_events, REACH_API,
	    G_API "events list [--status S] [--limit N] [--cursor SEQ]",
	    "Print the outbox of signed events (admin token), newest first, each with\n"
	    "its deliveries, as JSON.\n",
	    "  --status S         pending, delivering, delivered or failed (the dead\n"
	    "                     letters)\n"
	    "  --limit N          events per page\n"
	    "  --cursor SEQ       the next_cursor of the previous page\n", NULL },
	{ "events", "redeliver", cmd_events, REACH_API,
	    G_API "events redeliver ID [ENDPOINT]",
	    "Send event ID again (to ENDPOINT only, if given): its deliveries become\n"
	    "pending and due now, with a new retry window (admin token).  Audited.\n",
	    NULL, NULL },
	{ "stats", "entries", cmd_stats, REACH_API,
	    G_API "stats entries [--days N | --since T] [--until T] [--json]",
	    "Per list entry, for the alerts created in the period (default the last\n"
	    "30 days): hits, alerts, decisions by outcome, the false-positive share\n"
	    "of the decided alerts and the median time to decision, as a table\n"
	    "(admin or auditor token).\n",
	    "  --days N           the last N days, 1 .. 3650\n"
	    "  --since T, --until T  from, to: an RFC 3339 time or a YYYY-MM-DD date\n"
	    "  --json             the API's answer as JSON\n", NULL },
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static const char global_db[] =
    "  --db DSN           libpq connection string (default: CORDON_DB)\n"
    "  --db-file FILE     read it from FILE, not readable by group or others\n";
static const char global_api[] =
    "  --url URL          the API (default: CORDON_URL, else\n"
    "                     http://127.0.0.1:8470)\n"
    "  --token TOKEN      an API token (default: CORDON_TOKEN)\n";
static const char *const exit_usual[] = {
	[REACH_NONE] = "0 on success; 1 when it fails (the reason on standard\n"
	    "error); 2 on a usage error.\n",
	[REACH_DB] = "0 on success; 1 when it fails (the reason on standard\n"
	    "error, the database's included); 2 on a usage error.\n",
	[REACH_API] = "0 when the API answered 2xx; 1 otherwise (its answer and\n"
	    "the HTTP status on standard error); 2 on a usage error.\n",
};

/* The end of the word of a synopsis at <p>: a blank outside () and []. */
static const char *
synopsis_word(const char *p)
{
	int depth = 0;

	for (; *p != '\0' && (depth > 0 || *p != ' '); p++)
		if (*p == '[' || *p == '(')
			depth++;
		else if ((*p == ']' || *p == ')') && depth > 0)
			depth--;
	return p;
}

/*
 * "cordonctl <synopsis>" after <lead>, wrapped before column 80 at blanks
 * outside brackets, continuation lines indented under the first word after
 * "cordonctl".  An option stays with its argument ("--name NAME") and a
 * redirection with its file.
 */
static void
synopsis_print(FILE *fp, const char *lead, const char *synopsis)
{
	const char *p = synopsis, *w;
	int col;

	col = fprintf(fp, "%scordonctl", lead);
	while (*p != '\0') {
		w = p;
		p = synopsis_word(p);
		if (p[0] == ' ' && ((*w == '-' && p[1] >= 'A' && p[1] <= 'Z') ||
		    (p - w == 1 && *w == '<')))
			p = synopsis_word(p + 1);
		if (col + 1 + (p - w) > 79 && col > 17)
			col = fprintf(fp, "\n%16s", "") - 1;
		col += fprintf(fp, " %.*s", (int)(p - w), w);
		while (*p == ' ')
			p++;
	}
	fputc('\n', fp);
}

/* The synopsis of every command on <fp>; exits with <status>. */
static void __attribute__((noreturn))
usage_to(FILE *fp, int status)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		synopsis_print(fp, i == 0 ? "usage: " : "       ",
		    commands[i].synopsis);
	fprintf(fp,
	    "       cordonctl COMMAND [SUBCOMMAND] --help\n"
	    "       cordonctl --version\n"
	    "DSN may also come from CORDON_DB or a mode-600 FILE, URL from\n"
	    "CORDON_URL (default http://127.0.0.1:8470), TOKEN from CORDON_TOKEN.\n"
	    "--rules-cache DIR (or CORDON_RULES_CACHE) keeps compiled rules in DIR\n"
	    "(default $XDG_CACHE_HOME/cordon or ~/.cache/cordon; \"\" turns it off).\n");
	exit(status);
}

/* The synopses on standard error, exit 2: a usage error. */
static void
usage(void)
{
	usage_to(stderr, 2);
}

static bool
is_help(const char *s)
{
	return strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0;
}

/* The help of row <i> (and the synopses following it) on standard output. */
static void __attribute__((noreturn))
help_print(size_t i)
{
	const struct command *c = &commands[i];
	size_t k;

	synopsis_print(stdout, "usage: ", c->synopsis);
	for (k = i + 1; k < NCOMMANDS && commands[k].about == NULL; k++)
		synopsis_print(stdout, "       ", commands[k].synopsis);
	printf("\n%s", c->about);
	if (c->options != NULL || c->reach != REACH_NONE)
		printf("\nOptions:\n%s%s%s",
		    c->reach == REACH_DB ? global_db : "",
		    c->reach == REACH_API ? global_api : "",
		    c->options ? c->options : "");
	printf("\nExit status: %s", c->exit ? c->exit : exit_usual[c->reach]);
	exit(0);
}

/*
 * When argv (the words after the global options) asks for help, prints it
 * and exits 0: `COMMAND SUBCOMMAND --help` that subcommand's, `COMMAND
 * --help` the synopses of the command's subcommands.  A word that names no
 * command or subcommand is a usage error (exit 2).
 */
static void
help_maybe(int argc, char **argv)
{
	enum reach reach = REACH_NONE;
	size_t i, shown = 0;
	int k;

	for (k = 0; k < argc && !is_help(argv[k]); k++)
		if (strcmp(argv[k], "--") == 0)
			return;
	if (k == argc)
		return;
	if (k == 0)
		usage_to(stdout, 0);
	for (i = 0; i < NCOMMANDS; i++) {
		if (strcmp(commands[i].cmd, argv[0]) != 0 ||
		    commands[i].about == NULL)
			continue;
		if (commands[i].sub == NULL || (k >= 2 &&
		    strcmp(commands[i].sub, argv[1]) == 0))
			help_print(i);
	}
	if (k >= 2)	/* a subcommand that does not exist */
		usage();
	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].cmd, argv[0]) == 0) {
			synopsis_print(stdout, shown++ == 0 ? "usage: " :
			    "       ", commands[i].synopsis);
			reach = commands[i].reach;
		}
	if (shown == 0)
		usage();
	printf("\n`cordonctl %s SUBCOMMAND --help` tells more about each.\n"
	    "\nExit status: %s", argv[0], exit_usual[reach]);
	exit(0);
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'D' },
		{ "db-file", required_argument, NULL, 'F' },
		{ "url", required_argument, NULL, 'U' },
		{ "token", required_argument, NULL, 'T' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "rules-cache", required_argument, NULL, 'C' },
		{ NULL, 0, NULL, 0 },
	};
	const char *cache = getenv("CORDON_RULES_CACHE");
	char *udir = NULL;
	size_t i;
	int ch;

	log_init("cordonctl", LOG_LEVEL_INFO, false);
	dsn = getenv("CORDON_DB");
	api_url = getenv("CORDON_URL");
	api_token = getenv("CORDON_TOKEN");
	while ((ch = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		switch (ch) {
		case 'D':
			dsn = optarg;
			break;
		case 'F':
			dsn = dsn_from_file(optarg);
			break;
		case 'U':
			api_url = optarg;
			break;
		case 'T':
			api_token = optarg;
			break;
		case 'C':
			cache = optarg;
			break;
		case 'V':
			printf("cordonctl %s\n", PACKAGE_VERSION);
			return 0;
		case 'h':
			usage_to(stdout, 0);
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		usage();
	help_maybe(argc, argv);
	/*
	 * Compiled rules are cached (hscache.h): a directory asked for says
	 * its problems; the default one in the user's cache stays quiet, so
	 * that nothing but results reaches the output of `screen`.
	 */
	if (cache != NULL)
		hscache_set_dir(cache, HSCACHE_WARN);
	else if ((udir = hscache_user_dir()) != NULL)
		hscache_set_dir(udir, HSCACHE_QUIET);
	free(udir);
	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].cmd, argv[0]) == 0)
			return commands[i].run(argc - 1, argv + 1);
	usage();
}
