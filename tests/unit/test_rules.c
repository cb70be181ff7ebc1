/*
 * Unit tests of rules.c and ytree.c.  Table-driven: every broken rule file
 * in tests/data/unit/rules/bad/NAME.yaml has NAME.expected beside it with
 * the exact "file:line: message" lines the parser must print, in order.  A
 * good directory checks what a valid file turns into, the directory loader
 * (name order, only *.yaml, no dot files), the cross-file checks and the
 * checksum.
 */
#include "config.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/sha.h>

#include "rules.h"
#include "util.h"
#include "ytree.h"

#include "harness.h"

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.yaml names of <dir>, sorted; caller frees each and the array. */
static char **
yaml_names(const char *dir, size_t *np)
{
	DIR *d;
	struct dirent *de;
	char **v = NULL;
	size_t n = 0, l;

	if ((d = opendir(dir)) == NULL) {
		fprintf(stderr, "test_rules: cannot open %s\n", dir);
		exit(99);
	}
	while ((de = readdir(d)) != NULL) {
		l = strlen(de->d_name);
		if (de->d_name[0] == '.' || l < 6 ||
		    strcmp(de->d_name + l - 5, ".yaml") != 0)
			continue;
		v = realloc(v, (n + 1) * sizeof(*v));
		v[n++] = strdup(de->d_name);
	}
	closedir(d);
	qsort(v, n, sizeof(*v), name_cmp);
	*np = n;
	return v;
}

static size_t
count_lines(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (*s == '\n')
			n++;
	return n;
}

/* Each bad file alone: the exact messages, and nothing added. */
static void
test_bad_files(void)
{
	char *dir = harness_data_path("unit/rules/bad");
	char **names, path[1024], want_path[1024];
	size_t n, i, total = 0;
	struct buf all_want, all_got;
	struct ruleset *rs;
	int nerr;

	names = yaml_names(dir, &n);
	CHECK(n >= 9);	/* one file per kind of error listed in the brief */
	buf_init(&all_want);
	for (i = 0; i < n; i++) {
		struct buf errs;
		char *data, *want, *p;
		size_t len;

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		snprintf(want_path, sizeof(want_path), "%s/%.*s.expected", dir,
		    (int)(strlen(names[i]) - 5), names[i]);
		data = harness_read(path, &len);
		want = harness_read(want_path, NULL);

		rs = rules_new();
		buf_init(&errs);
		nerr = rules_add_buffer(rs, names[i], data, len, &errs);
		harness_context("rule file %s", names[i]);
		CHECK_STR_EQ(errs.len ? errs.data : "", want);
		CHECK_INT_EQ(nerr, count_lines(want));
		CHECK(nerr > 0);
		CHECK_INT_EQ(rs->nlists, 0);
		CHECK_INT_EQ(rs->nentries, 0);
		harness_context(NULL);
		total += count_lines(want);

		/* The directory loader names the file by its path. */
		for (p = want; *p; ) {
			char *nl = strchr(p, '\n');

			buf_printf(&all_want, "%s/%.*s\n", dir,
			    (int)(nl ? nl - p : (long)strlen(p)), p);
			p = nl ? nl + 1 : p + strlen(p);
		}
		buf_free(&errs);
		rules_free(rs);
		free(data);
		free(want);
		free(names[i]);
	}
	free(names);

	/* The whole directory: every error of every file, in name order. */
	rs = rules_new();
	buf_init(&all_got);
	nerr = rules_load_dir(rs, dir, &all_got);
	CHECK_INT_EQ(nerr, total);
	CHECK_STR_EQ(all_got.len ? all_got.data : "",
	    all_want.len ? all_want.data : "");
	CHECK_INT_EQ(rs->nlists, 0);
	rules_free(rs);
	buf_free(&all_got);
	buf_free(&all_want);
	free(dir);
}

static void
sha256_hex(const char *data, size_t len, char out[65])
{
	unsigned char md[SHA256_DIGEST_LENGTH];
	size_t i;

	SHA256((const unsigned char *)data, len, md);
	for (i = 0; i < SHA256_DIGEST_LENGTH; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
}

static int
is_hex64(const char *s)
{
	size_t i;

	for (i = 0; i < 64; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return s[64] == '\0';
}

static void
test_good_dir(void)
{
	char *dir = harness_data_path("unit/rules/good");
	char path[1024], hex[65];
	struct ruleset *rs = rules_new();
	struct buf errs;
	const struct rule_list *l;
	const struct rule_entry *e;
	char *data;
	size_t len, i, k;

	buf_init(&errs);
	CHECK_INT_EQ(rules_load_dir(rs, dir, &errs), 0);
	CHECK_STR_EQ(errs.len ? errs.data : "", "");
	CHECK_INT_EQ(rules_finish(rs, &errs), 0);
	CHECK_STR_EQ(errs.len ? errs.data : "", "");
	/* README.txt and .hidden.yaml are not rule files. */
	if (!CHECK_INT_EQ(rs->nlists, 2))
		goto done;
	CHECK_INT_EQ(rs->nentries, 4);
	CHECK(is_hex64(rs->checksum));

	l = &rs->lists[0];
	CHECK_STR_EQ(l->id, "test-chem");
	CHECK_STR_EQ(l->title, "Test chemicals");
	CHECK_STR_EQ(l->source, "Unit-test fixture, not a legal source");
	CHECK_STR_EQ(l->version_date, "2024-01-31");
	CHECK_STR_EQ(l->url, "https://example.invalid/chem");
	CHECK_STR_EQ(l->regime, "TEST");
	CHECK_STR_EQ(l->file, "10-chem.yaml");
	snprintf(path, sizeof(path), "%s/10-chem.yaml", dir);
	data = harness_read(path, &len);
	sha256_hex(data, len, hex);
	CHECK_STR_EQ(l->sha256, hex);
	free(data);
	if (!CHECK_INT_EQ(l->nentries, 3))
		goto done;

	e = &l->entries[0];
	CHECK_STR_EQ(e->code, "C01");
	CHECK_STR_EQ(e->title, "Phosphorus oxychloride");
	CHECK_STR_EQ(rules_category_name(e->category), "chemical");
	CHECK_STR_EQ(e->explanation, "A precursor of nerve agents.");
	CHECK_STR_EQ(e->source, "Fixture B.6");
	CHECK_INT_EQ(e->line, 11);
	CHECK_INT_EQ(e->regimes.n, 2);
	CHECK_STR_EQ(e->regimes.n > 1 ? e->regimes.v[1] : NULL,
	    "Australia Group");
	CHECK_INT_EQ(e->cas.n, 1);
	CHECK_STR_EQ(e->cas.v[0], "10025-87-3");
	/* HS codes are kept as digits. */
	CHECK_INT_EQ(e->hs.n, 1);
	CHECK_STR_EQ(e->hs.v[0], "281212");
	CHECK_STR_EQ(e->hs_context.v[0], "2812");
	CHECK_INT_EQ(e->keywords.n, 4);
	CHECK_STR_EQ(e->keywords.v[1], "phosphoryl chlorid*");
	CHECK_INT_EQ(e->keywords.line[1], 22);
	CHECK_INT_EQ(e->nparams, 0);
	CHECK(e->list == l);

	/* A single string where a list is allowed. */
	e = &l->entries[1];
	CHECK_STR_EQ(e->code, "C02");
	CHECK_INT_EQ(e->regimes.n, 0);
	CHECK_INT_EQ(e->cas.n, 1);
	CHECK_STR_EQ(e->cas.v[0], "7681-49-4");
	CHECK_INT_EQ(e->keywords.n, 1);
	CHECK_INT_EQ(e->exclude.n, 2);
	CHECK(e->source == NULL);

	e = &l->entries[2];
	CHECK_STR_EQ(e->code, "E01");
	CHECK_STR_EQ(rules_category_name(e->category), "missile");
	CHECK_INT_EQ(e->requires.n, 1);
	if (CHECK_INT_EQ(e->nparams, 2)) {
		const struct rule_param *p = &e->params[0];

		CHECK_INT_EQ(p->q, Q_FREQUENCY);
		CHECK(p->has_min && p->has_max);
		CHECK(p->min == 20 && p->max == 2000);
		CHECK_STR_EQ(p->min_text, "20 Hz");
		CHECK_STR_EQ(p->max_text, "2000 Hz");
		CHECK_STR_EQ(p->label, "test frequency");
		CHECK(!p->missing_clear);
		p = &e->params[1];
		CHECK_INT_EQ(p->q, Q_FORCE);
		CHECK(p->has_min && !p->has_max);
		CHECK(p->min == 50e3);
		CHECK_STR_EQ(p->label, "force");	/* defaults to the quantity */
		CHECK(p->missing_clear);
	}

	/* Flow style works as well as block style. */
	l = &rs->lists[1];
	CHECK_STR_EQ(l->id, "test-nuc");
	CHECK_STR_EQ(l->file, "20-nuc.yaml");
	CHECK(l->url == NULL && l->regime == NULL);
	if (CHECK_INT_EQ(l->nentries, 1)) {
		e = &l->entries[0];
		CHECK_STR_EQ(e->code, "N01");
		CHECK_STR_EQ(e->keywords.v[0], "maraging steel");
		CHECK(e->nparams == 1 && e->params[0].q == Q_PRESSURE &&
		    e->params[0].min == 1950e6);
	}
	/* rules_finish links every entry to its list. */
	for (i = 0; i < rs->nlists; i++)
		for (k = 0; k < rs->lists[i].nentries; k++)
			CHECK(rs->lists[i].entries[k].list == &rs->lists[i]);
done:
	buf_free(&errs);
	rules_free(rs);
	free(dir);
}

static void
test_finish(void)
{
	char *path = harness_data_path("unit/rules/good/10-chem.yaml");
	struct ruleset *a, *b, *c;
	struct buf errs;
	char *data, *copy;
	size_t len;

	data = harness_read(path, &len);
	buf_init(&errs);

	/* No lists at all. */
	a = rules_new();
	CHECK_INT_EQ(rules_finish(a, &errs), 1);
	CHECK_STR_EQ(errs.data, "no list files (*.yaml or party lists) found\n");
	rules_free(a);
	buf_reset(&errs);

	/* Two files with one list id. */
	a = rules_new();
	CHECK_INT_EQ(rules_add_buffer(a, "rules/a.yaml", data, len, &errs), 0);
	CHECK_INT_EQ(rules_add_buffer(a, "rules/b.yaml", data, len, &errs), 0);
	CHECK_INT_EQ(rules_finish(a, &errs), 1);
	CHECK_STR_EQ(errs.data,
	    "b.yaml:1: list id \"test-chem\" already used by a.yaml\n");
	rules_free(a);
	buf_reset(&errs);

	/* The checksum depends on the bytes and the names, nothing else. */
	a = rules_new();
	b = rules_new();
	c = rules_new();
	copy = strdup(data);
	copy[len - 1] = ' ';	/* last byte: a newline becomes a space */
	CHECK_INT_EQ(rules_add_buffer(a, "x.yaml", data, len, &errs), 0);
	CHECK_INT_EQ(rules_add_buffer(b, "x.yaml", data, len, &errs), 0);
	CHECK_INT_EQ(rules_add_buffer(c, "x.yaml", copy, len, &errs), 0);
	CHECK_INT_EQ(rules_finish(a, &errs) + rules_finish(b, &errs) +
	    rules_finish(c, &errs), 0);
	CHECK_STR_EQ(a->checksum, b->checksum);
	CHECK(strcmp(a->checksum, c->checksum) != 0);
	CHECK(strcmp(a->lists[0].sha256, c->lists[0].sha256) != 0);
	rules_free(a);
	rules_free(b);
	rules_free(c);
	free(copy);

	rules_free(NULL);	/* a no-op */
	buf_free(&errs);
	free(data);
	free(path);
}

/* Rule text built in the test: header plus one entry's <body>. */
static int
parse_one(const char *body, struct buf *errs, struct ruleset **rsp)
{
	struct buf b;
	int n;

	buf_init(&b);
	buf_printf(&b, "list:\n  id: t\n  title: T\n  source: S\n"
	    "  version_date: 2024-01-31\nentries:\n  - code: X1\n"
	    "    title: T\n    category: missile\n    explanation: E\n%s", body);
	*rsp = rules_new();
	n = rules_add_buffer(*rsp, "t.yaml", b.data, b.len, errs);
	buf_free(&b);
	return n;
}

static void
test_params_order(void)
{
	struct ruleset *rs;
	struct buf errs;
	int n;

	buf_init(&errs);
	/* quantity before max: the wrong unit is caught. */
	n = parse_one("    keywords: [shaker]\n    parameters:\n"
	    "      - quantity: frequency\n        max: 5 MPa\n", &errs, &rs);
	CHECK_INT_EQ(n, 1);
	CHECK_STR_EQ(errs.data, "t.yaml:14: parameters.max: unit of \"5 MPa\" "
	    "is not a frequency\n");
	rules_free(rs);
	buf_reset(&errs);

	/*
	 * max before quantity: the same mistake must be caught too (min is, by
	 * the check after the loop; max is not, so "5 MPa" becomes a frequency
	 * threshold of 5e6 Hz).
	 */
	n = parse_one("    keywords: [shaker]\n    parameters:\n"
	    "      - max: 5 MPa\n        quantity: frequency\n", &errs, &rs);
	CHECK_BUG(n == 1, "daemon/rules.c:246 parse_params cross-checks the "
	    "unit of min only, so a max written before quantity with another "
	    "quantity's unit is accepted");
	rules_free(rs);
	buf_free(&errs);
}

static void
test_categories(void)
{
	static const char *names[] = { "nuclear", "chemical", "biological",
	    "missile", "conventional", "military", "sanctions", "embargo" };
	enum category c;
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		harness_context("category %s", names[i]);
		CHECK_INT_EQ(rules_category(names[i], &c), 0);
		CHECK_STR_EQ(rules_category_name(c), names[i]);
	}
	harness_context(NULL);
	CHECK_INT_EQ(rules_category("Chemical", &c), -1);
	CHECK_INT_EQ(rules_category("", &c), -1);
}

static void
test_ytree(void)
{
	struct ynode *n, *v;
	char *err = NULL, deep[200];
	const char *s;
	size_t i;

	/* An empty document is an empty map. */
	n = yaml_parse("", 0, &err);
	CHECK(n != NULL && n->type == YNODE_MAP && n->n == 0 && err == NULL);
	ynode_free(n);

	s = "a: 1\nb: 'two'\nc: [x, y]\nd: {e: f}\n";
	n = yaml_parse(s, strlen(s), &err);
	if (CHECK(n != NULL)) {
		CHECK_INT_EQ(n->type, YNODE_MAP);
		CHECK_INT_EQ(n->n, 4);
		v = ynode_get(n, "a");
		CHECK(v && v->type == YNODE_SCALAR && !v->quoted &&
		    strcmp(v->scalar, "1") == 0 && v->line == 1);
		v = ynode_get(n, "b");
		CHECK(v && v->quoted && strcmp(v->scalar, "two") == 0 &&
		    v->line == 2);
		v = ynode_get(n, "c");
		CHECK(v && v->type == YNODE_SEQ && v->n == 2 && v->line == 3);
		v = ynode_get(n, "d");
		CHECK(v && v->type == YNODE_MAP && v->n == 1 &&
		    ynode_get(v, "e") != NULL);
		CHECK(ynode_get(n, "z") == NULL);
		CHECK(ynode_get(ynode_get(n, "c"), "x") == NULL);
	}
	ynode_free(n);

	/* Depth is capped at 32 levels. */
	for (i = 0; i < 40; i++)
		deep[i] = '[';
	for (i = 40; i < 80; i++)
		deep[i] = ']';
	deep[80] = '\0';
	n = yaml_parse(deep, strlen(deep), &err);
	CHECK(n == NULL);
	CHECK_STR_EQ(err, "line 1: nesting deeper than 32 levels");
	free(err);
	for (i = 0; i < 32; i++)
		deep[i] = '[';
	for (i = 32; i < 64; i++)
		deep[i] = ']';
	deep[64] = '\0';
	n = yaml_parse(deep, strlen(deep), &err);
	CHECK(n != NULL && err == NULL);
	ynode_free(n);

	s = "a: 1\n---\nb: 2\n";
	n = yaml_parse(s, strlen(s), &err);
	CHECK(n == NULL);
	CHECK_STR_EQ(err, "line 3: only one YAML document per file");
	free(err);

	s = "? [a]\n: b\n";
	n = yaml_parse(s, strlen(s), &err);
	CHECK(n == NULL);
	CHECK_STR_EQ(err, "line 1: mapping keys must be plain strings");
	free(err);

	s = "a: 1\nb:\n  c: 2\n  c: 3\n";
	n = yaml_parse(s, strlen(s), &err);
	CHECK(n == NULL);
	CHECK_STR_EQ(err, "line 4: duplicate key \"c\"");
	free(err);

	ynode_free(NULL);	/* a no-op */
}

/* ---- Language term files ---------------------------------------------- */

static const char terms_list_yaml[] =
    "list:\n"
    "  id: nsg\n"
    "  title: T\n"
    "  source: S\n"
    "  version_date: 2024-01-31\n"
    "entries:\n"
    "  - code: 3A225\n"
    "    title: Frequency changers\n"
    "    category: nuclear\n"
    "    explanation: E\n"
    "    keywords: [frequency changer*, VFD]\n"
    "  - code: 2C001\n"
    "    title: Maraging steel\n"
    "    category: nuclear\n"
    "    explanation: E\n"
    "    cas: [7440-02-0]\n";

/*
 * Loads the list above as "r/nsg.yaml" and <terms> as "r/<name>", then
 * finishes; returns the error count with the messages in <errs>.
 */
static int
load_terms(const char *name, const char *terms, struct buf *errs,
    struct ruleset **rsp)
{
	char path[256];
	int n;

	*rsp = rules_new();
	snprintf(path, sizeof(path), "r/%s", name);
	n = rules_add_buffer(*rsp, "r/nsg.yaml", terms_list_yaml,
	    strlen(terms_list_yaml), errs);
	n += rules_add_buffer(*rsp, path, terms, strlen(terms), errs);
	if (n == 0)
		n = rules_finish(*rsp, errs);
	return n;
}

static void
test_terms_good(void)
{
	static const char ru[] =
	    "language: ru\n"
	    "title: \"Russian terms\"\n"
	    "source: >\n"
	    "  Dictionaries.\n"
	    "terms:\n"
	    "  \"nsg/3A225\": [преобразовател* частоты, vfd, VFD*]\n"
	    "  nsg/2C001:\n"
	    "    - мартенситно-стареющ* стал*\n"
	    "    - 're:\\bep ?679\\b'\n";
	struct ruleset *rs;
	struct buf errs;
	const struct rule_entry *e;
	const struct rule_terms *t;

	buf_init(&errs);
	if (!CHECK_INT_EQ(load_terms("terms-ru.yaml", ru, &errs, &rs), 0)) {
		printf("%s", errs.data);
		goto done;
	}
	/* The term file is part of the version, and of its checksum. */
	CHECK_INT_EQ(rs->nfiles, 2);
	CHECK_STR_EQ(rs->files[1].name, "terms-ru.yaml");
	CHECK_INT_EQ(rs->nlists, 1);
	if (!CHECK_INT_EQ(rs->nterms, 1))
		goto done;
	t = rs->terms[0];
	CHECK_STR_EQ(t->lang, "ru");
	CHECK_STR_EQ(t->file, "terms-ru.yaml");
	CHECK_STR_EQ(t->title, "Russian terms");
	CHECK_STR_EQ(t->source, "Dictionaries.\n");
	if (!CHECK_INT_EQ(t->nkeys, 2))
		goto done;
	CHECK_STR_EQ(t->keys[0].key, "nsg/3A225");
	CHECK_INT_EQ(t->keys[0].line, 6);
	CHECK_INT_EQ(t->keys[0].terms.n, 3);
	/* "vfd" folds like the list's "VFD": not added twice. */
	CHECK_INT_EQ(t->keys[0].added, 2);
	CHECK(t->keys[0].entry == &rs->lists[0].entries[0]);
	CHECK(t->keys[1].entry == &rs->lists[0].entries[1]);

	e = &rs->lists[0].entries[0];
	if (CHECK_INT_EQ(e->keywords.n, 4)) {
		CHECK_STR_EQ(e->keywords.v[2], "преобразовател* частоты");
		CHECK_STR_EQ(e->keywords.v[3], "VFD*");	/* a stem is another term */
		CHECK_INT_EQ(e->keywords.line[2], 6);
		CHECK(rules_keyword_lang(e, 0) == NULL);
		CHECK_STR_EQ(rules_keyword_file(e, 0), "nsg.yaml");
		CHECK_STR_EQ(rules_keyword_lang(e, 2), "ru");
		CHECK_STR_EQ(rules_keyword_file(e, 3), "terms-ru.yaml");
	}
	/* An entry without keywords gets its first ones. */
	e = &rs->lists[0].entries[1];
	if (CHECK_INT_EQ(e->keywords.n, 2)) {
		CHECK_STR_EQ(e->keywords.v[1], "re:\\bep ?679\\b");
		CHECK_INT_EQ(e->keywords.line[0], 8);
		CHECK_STR_EQ(rules_keyword_lang(e, 1), "ru");
	}
done:
	rules_free(rs);
	buf_free(&errs);
}

/*
 * A term file's key for a code the list splits ("nsg/1C210" for 1C210.a and
 * 1C210.b) shares its terms and exclusions with every subparagraph, and its
 * requires with those the file gives no requires of their own: the parent's
 * "Roving" (written for carbon fibre) must not satisfy glass fibre's.
 */
static void
test_terms_subentry_requires(void)
{
	static const char list[] =
	    "list:\n  id: nsg\n  title: T\n  source: S\n"
	    "  version_date: 2024-01-31\n"
	    "entries:\n"
	    "  - code: 1C210.a\n    title: Carbon fibres\n"
	    "    category: nuclear\n    explanation: E\n"
	    "    keywords: [carbon fibre*]\n    requires: [roving*]\n"
	    "  - code: 1C210.b\n    title: Glass fibres\n"
	    "    category: nuclear\n    explanation: E\n"
	    "    keywords: [glass fibre*]\n    requires: [high strength]\n"
	    "  - code: 1C210.c\n    title: Polyimide fibres\n"
	    "    category: nuclear\n    explanation: E\n"
	    "    keywords: [polyimide fibre*]\n    requires: [filament*]\n";
	static const char de[] =
	    "language: de\ntitle: T\nsource: S\n"
	    "terms:\n"
	    "  nsg/1C210: [Faserverbund*]\n"
	    "requires:\n"
	    "  nsg/1C210: [Roving*, Garn*]\n"
	    "  nsg/1C210.b: [hochfest*]\n"
	    "exclude:\n"
	    "  nsg/1C210: [Glaswolle]\n";
	struct ruleset *rs = rules_new();
	struct buf errs;
	const struct rule_entry *a, *b, *c;
	size_t k;
	int roving_b = 0, roving_c = 0, hoch_b = 0;

	buf_init(&errs);
	if (!CHECK_INT_EQ(rules_add_buffer(rs, "r/nsg.yaml", list,
	    strlen(list), &errs) + rules_add_buffer(rs, "r/terms-de.yaml", de,
	    strlen(de), &errs) + rules_finish(rs, &errs), 0)) {
		printf("%s", errs.data ? errs.data : "");
		goto done;
	}
	a = &rs->lists[0].entries[0];
	b = &rs->lists[0].entries[1];
	c = &rs->lists[0].entries[2];
	/* The first subparagraph takes the parent's requires ("Roving*"
	 * folds like its own "roving*"). */
	CHECK_INT_EQ(a->requires.n, 2);
	for (k = 0; k < b->requires.n; k++) {
		roving_b += strcmp(b->requires.v[k], "Roving*") == 0;
		hoch_b += strcmp(b->requires.v[k], "hochfest*") == 0;
	}
	for (k = 0; k < c->requires.n; k++)
		roving_c += strcmp(c->requires.v[k], "Roving*") == 0;
	/* 1C210.b has requires of its own in the file: not the parent's. */
	CHECK_INT_EQ(roving_b, 0);
	CHECK_INT_EQ(hoch_b, 1);
	CHECK_INT_EQ(b->requires.n, 2);
	/* 1C210.c has none: the parent's still reach it. */
	CHECK_INT_EQ(roving_c, 1);
	/* Terms and exclusions go to every subparagraph. */
	CHECK_INT_EQ(b->keywords.n, 2);
	CHECK_INT_EQ(c->exclude.n, 1);
	CHECK_INT_EQ(b->exclude.n, 1);
done:
	rules_free(rs);
	buf_free(&errs);
}

static void
test_terms_bad(void)
{
	static const struct {
		const char	*name, *text, *want;
	} cases[] = {
		{ "terms-de.yaml",
		  "language: de\ntitle: T\nsource: S\nterms:\n"
		  "  nsg/3A225: [Frequenzumrichter]\n"
		  "  nsg/9Z999: [Irgendwas]\n"
		  "  mtcr/3A225: [Frequenzwandler]\n",
		  "terms-de.yaml:6: \"nsg/9Z999\": list nsg has no entry "
		  "9Z999\n"
		  "terms-de.yaml:7: \"mtcr/3A225\": no list with id mtcr in "
		  "this directory\n" },
		{ "terms-de.yaml",
		  "language: de\ntitle: T\nsource: S\nterms:\n"
		  "  nsg/3A225: [Frequenzumrichter]\n"
		  "  nsg/3A225: [Frequenzwandler]\n",
		  "r/terms-de.yaml:6: duplicate key \"nsg/3A225\"\n" },
		{ "terms-de.yaml",
		  "language: de\ntitle: T\nsource: S\nterms:\n"
		  "  nsg/3A225: [Frequenzumrichter, frequenzumrichter]\n",
		  "r/terms-de.yaml:5: \"nsg/3A225\": \"frequenzumrichter\" is "
		  "the same term as \"Frequenzumrichter\"\n" },
		{ "terms-de.yaml",
		  "language: de\ntitle: T\nsource: S\nterms:\n"
		  "  nsg/3A225: []\n",
		  "r/terms-de.yaml:5: \"nsg/3A225\": empty list of terms\n" },
		{ "terms-de.yaml",
		  "language: de\ntitle: T\nsource: S\nterms:\n"
		  "  nsg/3A225: [\"--\", x, 're:Umrichter']\n"
		  "  3A225: [Umrichter]\n",
		  "r/terms-de.yaml:5: nsg/3A225: \"--\" has no letters or digits\n"
		  "r/terms-de.yaml:5: nsg/3A225: \"x\" is too short to match "
		  "safely\n"
		  "r/terms-de.yaml:5: nsg/3A225: \"re:Umrichter\" has capital "
		  "letters, but it runs on folded lowercase text\n"
		  "r/terms-de.yaml:6: \"3A225\": a key is \"<list id>/<entry "
		  "code>\"\n" },
		{ "terms-de.yaml",
		  "language: uk\ntitle: T\nsource: S\nterms:\n"
		  "  nsg/3A225: [перетворювач частоти]\n",
		  "r/terms-de.yaml:1: language \"uk\" does not match the file "
		  "name: the uk terms belong in terms-uk.yaml\n" },
		{ "de-terms.yaml",
		  "language: DE\nsource: S\nextra: 1\nterms: [a, b]\n",
		  "r/de-terms.yaml:1: language: \"DE\" is not an ISO 639-1 code "
		  "(two lowercase letters)\n"
		  "r/de-terms.yaml:3: unknown top-level key \"extra\" in a term "
		  "file\n"
		  "r/de-terms.yaml:1: title is required\n"
		  "r/de-terms.yaml:4: terms: a mapping of \"<list id>/<entry "
		  "code>\" to lists of terms is required\n" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct ruleset *rs;
		struct buf errs;
		int n;

		harness_context("term file case %zu", i);
		buf_init(&errs);
		n = load_terms(cases[i].name, cases[i].text, &errs, &rs);
		CHECK_STR_EQ(errs.len ? errs.data : "", cases[i].want);
		CHECK_INT_EQ(n, count_lines(cases[i].want));
		rules_free(rs);
		buf_free(&errs);
	}
	harness_context(NULL);
}

/* Coverage: entries x languages, list keywords as en, thresholds stated. */
static void
test_coverage(void)
{
	static const char lst[] =
	    "list: {id: c, title: T, source: S, version_date: 2024-01-31}\n"
	    "entries:\n"
	    "  - {code: A, title: Frequency changers, category: nuclear,\n"
	    "     explanation: Output 600 Hz or more., keywords: [vfd, x ray*],\n"
	    "     parameters: [{quantity: frequency, min: 600 Hz}]}\n"
	    "  - {code: B, title: Maraging steel, category: nuclear,\n"
	    "     explanation: 'Tensile strength 1950 MPa or more.',\n"
	    "     cas: [7440-02-0]}\n"
	    "  - {code: C, title: Sarin, category: chemical, explanation: x,\n"
	    "     cas: [107-44-8]}\n"
	    "  - {code: D, title: DPRK machinery, category: embargo,\n"
	    "     explanation: 'HS 84, 1 kg', hs: ['84'], destinations: [KP]}\n";
	static const char de[] =
	    "language: de\ntitle: T\nsource: S\nterms:\n"
	    "  c/A: [Frequenzumrichter, VFD]\n"
	    "  c/B: [martensitaushärtend* Stahl]\n";
	static const char el[] =
	    "language: el\ntitle: T\nsource: S\nterms:\n"
	    "  c/C: [σαρίν]\n";
	static const char *targets[] = { "en", "de", "fr" };
	struct ruleset *rs = rules_new();
	struct coverage *c;
	struct buf errs;

	buf_init(&errs);
	CHECK_INT_EQ(rules_add_buffer(rs, "c.yaml", lst, strlen(lst), &errs) +
	    rules_add_buffer(rs, "terms-de.yaml", de, strlen(de), &errs) +
	    rules_add_buffer(rs, "terms-el.yaml", el, strlen(el), &errs) +
	    rules_finish(rs, &errs), 0);
	CHECK_STR_EQ(errs.len ? errs.data : "", "");
	c = rules_coverage(rs, targets, 3);
	/* The embargo entry is not a goods entry. */
	if (!CHECK_INT_EQ(c->nentries, 3) || !CHECK_INT_EQ(c->nlangs, 4))
		goto done;
	CHECK_INT_EQ(c->ntargets, 3);
	CHECK_STR_EQ(c->langs[3], "el");
	CHECK_STR_EQ(c->entries[2]->code, "C");
	/* en: the list keywords; de: every term written, VFD merged or not. */
	CHECK_INT_EQ(c->count[0 * 4 + 0], 2);
	CHECK_INT_EQ(c->count[0 * 4 + 1], 2);
	CHECK_INT_EQ(c->count[0 * 4 + 2], 0);
	CHECK_INT_EQ(c->count[1 * 4 + 0], 0);
	CHECK_INT_EQ(c->count[1 * 4 + 1], 1);
	CHECK_INT_EQ(c->count[2 * 4 + 3], 1);
	CHECK_INT_EQ(c->entries[0]->keywords.n, 3);
	/* A has its parameter; B states 1950 MPa without one; C states none. */
	CHECK(c->threshold[0] == NULL);
	CHECK_STR_EQ(c->threshold[1], "1950 MPa");
	CHECK(c->threshold[2] == NULL);
done:
	rules_coverage_free(c);
	rules_free(rs);
	buf_free(&errs);
}

/* A term file's requires and exclude words join the entry's. */
static void
test_terms_context(void)
{
	static const char lst[] =
	    "list: {id: c, title: T, source: S, version_date: 2024-01-31}\n"
	    "entries:\n"
	    "  - {code: A, title: Tubes, category: nuclear, explanation: x,\n"
	    "     keywords: [maraging steel], requires: ['tube*'],\n"
	    "     exclude: [toothpaste]}\n"
	    "  - {code: B, title: NaF, category: chemical, explanation: x,\n"
	    "     keywords: [sodium fluoride]}\n";
	static const char zh[] =
	    "language: zh\ntitle: T\nsource: S\n"
	    "terms:\n  c/A: [马氏体时效钢]\n  c/B: [氟化钠]\n"
	    "requires:\n  c/A: [管材, Tube*]\n"
	    "exclude:\n  c/B: [牙膏]\n  c/A: [牙膏, Toothpaste]\n";
	static const char bad[] =
	    "language: zh\ntitle: T\nsource: S\n"
	    "terms:\n  c/B: [氟化钠]\n"
	    "requires:\n  c/B: [试剂]\n"
	    "exclude: [牙膏]\n";
	struct ruleset *rs = rules_new();
	struct buf errs;
	const struct rule_entry *a, *b;

	buf_init(&errs);
	CHECK_INT_EQ(rules_add_buffer(rs, "c.yaml", lst, strlen(lst), &errs) +
	    rules_add_buffer(rs, "terms-zh.yaml", zh, strlen(zh), &errs) +
	    rules_finish(rs, &errs), 0);
	CHECK_STR_EQ(errs.len ? errs.data : "", "");
	a = &rs->lists[0].entries[0];
	b = &rs->lists[0].entries[1];
	if (CHECK_INT_EQ(a->requires.n, 2))
		CHECK_STR_EQ(a->requires.v[1], "管材");
	if (CHECK_INT_EQ(a->exclude.n, 2))
		CHECK_STR_EQ(a->exclude.v[1], "牙膏");
	if (CHECK_INT_EQ(b->exclude.n, 1))
		CHECK_STR_EQ(b->exclude.v[0], "牙膏");
	CHECK_INT_EQ(a->keywords.n, 2);
	rules_free(rs);
	buf_reset(&errs);

	/* requires only where the list has some; every part is a mapping. */
	rs = rules_new();
	CHECK_INT_EQ(rules_add_buffer(rs, "c.yaml", lst, strlen(lst), &errs), 0);
	CHECK_INT_EQ(rules_add_buffer(rs, "terms-zh.yaml", bad, strlen(bad),
	    &errs), 1);
	CHECK_STR_EQ(errs.data, "terms-zh.yaml:8: exclude: a mapping of "
	    "\"<list id>/<entry code>\" to lists of words is expected\n");
	rules_free(rs);
	buf_reset(&errs);
	rs = rules_new();
	CHECK_INT_EQ(rules_add_buffer(rs, "c.yaml", lst, strlen(lst), &errs), 0);
	CHECK_INT_EQ(rules_add_buffer(rs, "terms-zh.yaml", bad, strlen(bad) -
	    strlen("exclude: [牙膏]\n"), &errs), 0);
	CHECK_INT_EQ(rules_finish(rs, &errs), 1);
	CHECK_STR_EQ(errs.data, "terms-zh.yaml:7: \"c/B\": requires: the entry "
	    "has no requires in its list file, and a term file only adds to "
	    "them\n");
	rules_free(rs);
	buf_free(&errs);
}

int
main(void)
{
	harness_init("test_rules");
	test_bad_files();
	test_good_dir();
	test_finish();
	test_params_order();
	test_categories();
	test_ytree();
	test_terms_good();
	test_terms_bad();
	test_terms_subentry_requires();
	test_coverage();
	test_terms_context();
	return harness_done();
}
