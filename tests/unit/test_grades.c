/*
 * Unit tests of grades.c: the grade-file loader (every error with its line),
 * designation matching on folded text (scripts, stems, whole words, bare
 * numbers), the values a grade states, family defaults, and the shipped
 * rules/grades.yaml against the thresholds its entries serve.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grades.h"
#include "normalize.h"
#include "param.h"
#include "rules.h"
#include "util.h"
#include "ytree.h"

#include "harness.h"

static const char table[] =
    "grades:\n"
    "  - family: aluminium\n"
    "    names: [\"7075-T*\", \"AA7075\", \"\xd0\x92\x39\x35\xd0\xa2*\"]\n"	/* В95Т* */
    "    weak_names: [\"7075\"]\n"
    "    tensile_strength: 572 MPa\n"
    "    source: \"ASM Handbook Vol. 2\"\n"
    "  - family: titanium\n"
    "    names: [\"Ti-6Al-4V\"]\n"
    "    weak_names: [\"Grade 5\"]\n"
    "    tensile_strength: 1100 MPa\n"
    "    density: 4.43 g/cm3\n"
    "    source: \"AMS 4965\"\n"
    "  - family: carbon_fibre\n"
    "    names: [T700S]\n"
    "    tensile_strength: 4900 MPa\n"
    "    modulus: 230 GPa\n"
    "    density: 1.80 g/cm3\n"
    "    source: \"Toray T700S data sheet\"\n"
    "  - family: carbon_fibre\n"
    "    default: true\n"
    "    density: 1.76 g/cm3\n"
    "    source: \"PAN fibre density\"\n";

static int
near(double got, double want)
{
	return fabs(got - want) <= fabs(want) * 1e-9;
}

/* Parses <yaml> into <gt>; returns the error count, errors in <errs>. */
static int
load(struct grade_table *gt, const char *yaml, struct buf *errs)
{
	struct ynode *root;
	char *err = NULL;
	int n;

	if ((root = yaml_parse(yaml, strlen(yaml), &err)) == NULL) {
		buf_printf(errs, "%s\n", err);
		free(err);
		return 1;
	}
	n = grades_add(gt, "t.yaml", root, errs);
	ynode_free(root);
	return n;
}

/* The names of the grades found in <text>, ',' separated ('!' if weak). */
static void
found(const struct grade_table *gt, const char *text, char *out, size_t sz)
{
	struct folded f;
	struct grade_hit h[8];
	size_t n, i, o = 0;

	normalize_fold(text, strlen(text), &f);
	n = grades_find(gt, &f, h, 8);
	out[0] = '\0';
	for (i = 0; i < n && o + 40 < sz; i++) {
		o += (size_t)snprintf(out + o, sz - o, "%s%s%s", i ? "," : "",
		    grades_name(gt, h[i].grade), h[i].strong ? "" : "!");
		/* the span is the designation as written */
		CHECK(h[i].off + h[i].len <= strlen(text));
	}
	folded_free(&f);
}

static void
test_find(void)
{
	static const struct {
		const char	*text, *want;
	} t[] = {
		{ "Aluminium alloy 7075-T6 round bar", "7075-T*" },
		{ "bar 7075-T651, dia. 120 mm", "7075-T*" },	/* stem */
		{ "Seamless tube AA7075", "7075-T*" },
		{ "\xd0\x9f\xd1\x80\xd1\x83\xd1\x82\xd0\xbe\xd0\xba \xd0\x92\x39\x35\xd0\xa2\x31", "7075-T*" },	/* Пруток В95Т1 */
		{ "V95T1 bar", "7075-T*" },			/* same, in Latin */
		{ "aluminium alloy 7075 tube", "7075-T*!" },	/* bare number: weak */
		{ "17075 pcs", "" },				/* inside a number */
		{ "7075 tube OD 100 mm", "7075-T*!" },		/* a stem is no word */
		{ "7075-T73 forging", "7075-T*" },
		{ "Titanium alloy Ti-6Al-4V bar", "Ti-6Al-4V" },
		{ "titanium bar Grade 5", "Ti-6Al-4V!" },
		{ "titanium bar Grade 50", "" },
		{ "\xe7\xa2\xb3\xe7\xba\xa4\xe7\xbb\xb4T700S 12K", "T700S" },	/* 碳纤维T700S: CJK */
		{ "steel bar", "" },
	};
	struct grade_table *gt = grades_new();
	struct buf errs;
	char got[256];
	size_t i;

	buf_init(&errs);
	CHECK_INT_EQ(load(gt, table, &errs), 0);
	CHECK_INT_EQ(grades_count(gt), 4);
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		harness_context("grades in \"%s\"", t[i].text);
		found(gt, t[i].text, got, sizeof(got));
		CHECK_STR_EQ(got, t[i].want);
	}
	harness_context(NULL);
	CHECK(grades_has_family(gt, "titanium"));
	CHECK(!grades_has_family(gt, "maraging"));
	buf_free(&errs);
	grades_free(gt);
	grades_free(NULL);
}

static void
test_values(void)
{
	struct grade_table *gt = grades_new();
	struct buf errs;
	struct grade_hit h = { 0, true, 3, 7 };
	struct pvalue pv[8];
	size_t n, k, g;
	int seen = 0;

	buf_init(&errs);
	CHECK_INT_EQ(load(gt, table, &errs), 0);
	/* 7075: a tensile strength, nothing else, spanning the hit */
	n = grades_values(gt, &h, pv, 8);
	CHECK_INT_EQ(n, 1);
	CHECK_INT_EQ(pv[0].q, Q_PRESSURE);
	CHECK_INT_EQ(pv[0].role, R_TENSILE_STRENGTH);
	CHECK(near(pv[0].v, 572e6));
	CHECK_INT_EQ(pv[0].off, 3);
	CHECK_INT_EQ(pv[0].len, 7);
	CHECK_INT_EQ(pv[0].grade, 1);
	/* T700S: strength, modulus, density and the specific values */
	h.grade = 2;
	n = grades_values(gt, &h, pv, 8);
	CHECK_INT_EQ(n, 5);
	for (k = 0; k < n; k++) {
		if (pv[k].q == Q_SPEC_MODULUS) {
			CHECK(near(pv[k].v, 230e9 / (1800 * 9.80665)));
			seen++;
		}
		if (pv[k].q == Q_SPEC_STRENGTH) {
			CHECK(near(pv[k].v, 4.9e9 / (1800 * 9.80665)));
			seen++;
		}
		if (pv[k].q == Q_PRESSURE && pv[k].role == R_MODULUS) {
			CHECK(near(pv[k].v, 230e9));
			seen++;
		}
	}
	CHECK_INT_EQ(seen, 3);
	/* <max> bounds the output */
	CHECK_INT_EQ(grades_values(gt, &h, pv, 2), 2);
	/* the family default: a density only */
	CHECK(grades_default(gt, "carbon_fibre", &g));
	CHECK_INT_EQ(g, 3);
	CHECK(!grades_default(gt, "aluminium", &g));
	h.grade = g;
	n = grades_values(gt, &h, pv, 8);
	CHECK_INT_EQ(n, 1);
	CHECK_INT_EQ(pv[0].q, Q_DENSITY);
	CHECK(near(pv[0].v, 1760));
	buf_free(&errs);
	grades_free(gt);
}

static void
test_errors(void)
{
	static const struct {
		const char	*yaml, *want;
	} t[] = {
		{ "grades: x\n", "t.yaml:1: grades: a list is required" },
		{ "grades: []\nother: 1\n", "t.yaml:2: unknown top-level key \"other\"" },
		{ "grades:\n  - family: aluminium\n    names: [\"7075\"]\n"
		    "    tensile_strength: 572 MPa\n", "t.yaml:2: grade 7075: source" },
		{ "grades:\n  - family: aluminium\n    names: [\"7075\"]\n"
		    "    tensile_strength: 572 kg\n    source: x\n",
		    "t.yaml:4: tensile_strength: \"572 kg\" is not a pressure" },
		{ "grades:\n  - family: aluminium\n    names: [\"7075\"]\n"
		    "    source: x\n", "t.yaml:2: grade 7075: states no property" },
		{ "grades:\n  - family: Aluminium\n    names: [\"7075\"]\n"
		    "    density: 2.8 g/cm3\n    source: x\n",
		    "t.yaml:2: grade: family \"Aluminium\": lowercase" },
		{ "grades:\n  - family: aluminium\n    names: [\"7075\"]\n"
		    "    density: 2.8 g/cm3\n    source: x\n    colour: red\n",
		    "t.yaml:6: unknown key \"colour\" in grade" },
		{ "grades:\n  - family: aluminium\n    names: [\"-\"]\n"
		    "    density: 2.8 g/cm3\n    source: x\n",
		    "t.yaml:3: names: \"-\" folds to less than two characters" },
		{ "grades:\n  - family: aluminium\n    default: true\n"
		    "    names: [\"7075\"]\n    density: 2.8 g/cm3\n    source: x\n",
		    "t.yaml:2: grade: a family default has no names" },
		{ "grades:\n  - family: aluminium\n    weak_names: [\"7075\"]\n"
		    "    density: 2.8 g/cm3\n    source: x\n",
		    "t.yaml:2: grade: names (at least one designation) is required" },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct grade_table *gt = grades_new();
		struct buf errs;

		buf_init(&errs);
		harness_context("grade file %zu", i);
		CHECK(load(gt, t[i].yaml, &errs) > 0);
		CHECK(errs.data != NULL && strstr(errs.data, t[i].want) != NULL);
		if (errs.data == NULL || strstr(errs.data, t[i].want) == NULL)
			fprintf(stderr, "got: %s\n", errs.data ? errs.data : "");
		/* a file with errors adds nothing */
		CHECK_INT_EQ(grades_count(gt), 0);
		buf_free(&errs);
		grades_free(gt);
	}
	harness_context(NULL);
}

/*
 * Through the rule loader: a grade file is recognised by its `grades:` key,
 * and an entry naming a family that no grade has is an error with its line.
 */
static void
test_rules_dispatch(void)
{
	static const char list[] =
	    "list:\n  id: t\n  title: t\n  source: t\n  version_date: 2024-01-01\n"
	    "entries:\n  - code: A\n    title: a\n    category: nuclear\n"
	    "    explanation: a\n    keywords: [alloy]\n    grades: [aluminium, "
	    "maraging]\n";
	struct ruleset *rs = rules_new();
	struct buf errs;

	buf_init(&errs);
	CHECK_INT_EQ(rules_add_buffer(rs, "g.yaml", table, strlen(table), &errs),
	    0);
	CHECK_INT_EQ(rules_add_buffer(rs, "l.yaml", list, strlen(list), &errs), 0);
	CHECK_INT_EQ(rules_finish(rs, &errs), 1);
	CHECK(errs.data != NULL && strstr(errs.data, "l.yaml:12: grades: no "
	    "grade of family \"maraging\"") != NULL);
	CHECK_INT_EQ(grades_count(rs->grades), 4);
	CHECK_INT_EQ(rs->nfiles, 2);	/* the grade file is part of the version */
	buf_free(&errs);
	rules_free(rs);
}

/*
 * The shipped table: every grade loads, and the twins either side of the
 * thresholds that matter stay on their side (EU 1C202, 1C216, 1C210).
 */
static void
test_shipped(void)
{
	static const struct {
		const char	*text;
		enum quantity	 q;
		double		 min;
		bool		 meets;
	} t[] = {
		{ "7075-T6", Q_PRESSURE, 460e6, true },
		{ "6061-T6", Q_PRESSURE, 460e6, false },
		{ "Ti-6Al-4V", Q_PRESSURE, 900e6, true },
		{ "Ti-6Al-4V ELI", Q_PRESSURE, 900e6, true },
		{ "Ti-3Al-2.5V", Q_PRESSURE, 900e6, false },
		{ "18Ni(350)", Q_PRESSURE, 1950e6, true },
		{ "18Ni(250)", Q_PRESSURE, 1950e6, false },
		{ "T300", Q_SPEC_MODULUS, 12.7e6, true },
		{ "T700S", Q_SPEC_STRENGTH, 23.5e4, true },
		{ "E-glass", Q_SPEC_MODULUS, 3.18e6, false },
		{ "S-2 glass", Q_SPEC_MODULUS, 3.18e6, true },
	};
	struct ruleset *rs = rules_new();
	struct buf errs;
	char *path = harness_data_path("../../rules");
	size_t i;

	buf_init(&errs);
	CHECK_INT_EQ(rules_load_dir(rs, path, &errs), 0);
	free(path);
	if (errs.data != NULL)
		fprintf(stderr, "%s", errs.data);
	CHECK(grades_count(rs->grades) > 30);
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct folded f;
		struct grade_hit h[8];
		struct pvalue pv[16];
		size_t n, k;
		bool meets = false, stated = false;

		harness_context("shipped grade %s", t[i].text);
		normalize_fold(t[i].text, strlen(t[i].text), &f);
		if (CHECK(grades_find(rs->grades, &f, h, 8) >= 1)) {
			n = grades_values(rs->grades, &h[0], pv, 16);
			for (k = 0; k < n; k++)
				if (pv[k].q == t[i].q && (t[i].q != Q_PRESSURE ||
				    pv[k].role == R_TENSILE_STRENGTH)) {
					stated = true;
					meets = pv[k].v >= t[i].min;
				}
			CHECK(stated);
			CHECK_INT_EQ(meets, t[i].meets);
		}
		folded_free(&f);
	}
	harness_context(NULL);
	buf_free(&errs);
	rules_free(rs);
}

int
main(void)
{
	harness_init("test_grades");
	test_find();
	test_values();
	test_errors();
	test_rules_dispatch();
	test_shipped();
	return harness_done();
}
