/*
 * The grade table: material designations (alloy and temper, steel grade,
 * fibre grade, trade name) to the nominal properties a control-list entry
 * tests, each with the standard or datasheet it comes from.  A declared
 * grade is then evidence: "7075-T6 bar" states a tensile strength of
 * 572 MPa although no figure is written.  Built from rules/grades.yaml
 * (top-level key `grades:`); immutable once prepared.  Pure.
 */
#ifndef CORDON_GRADES_H
#define CORDON_GRADES_H

#include <stdbool.h>
#include <stddef.h>

#include "param.h"
#include "util.h"

struct folded;
struct ynode;
struct grade_table;

/* One designation found in an item description. */
struct grade_hit {
	size_t	grade;		/* index into the table */
	bool	strong;		/* a designation, not a bare alloy number */
	size_t	off, len;	/* span in the original text */
};

struct grade_table	*grades_new(void);
void			 grades_free(struct grade_table *);

/*
 * Adds the grades of one parsed file (root: a mapping with `grades:`).
 * Appends one "name:line: why" line per error to <errs>; returns the number
 * of errors.  A file with errors adds nothing.
 */
int	grades_add(struct grade_table *, const char *name,
	    const struct ynode *root, struct buf *errs);

/* Number of grades in the table. */
size_t	grades_count(const struct grade_table *);
/* True if some grade belongs to <family> (for rule-file checks). */
bool	grades_has_family(const struct grade_table *, const char *family);

/*
 * The family's default figures (a grade with `default: true`, e.g. the
 * density of carbon fibre when only strength is stated): sets *g and
 * returns true, or false if the family has none.
 */
bool	grades_default(const struct grade_table *, const char *family,
	    size_t *g);

/* The grade's first name, family and source; borrowed. */
const char	*grades_name(const struct grade_table *, size_t g);
const char	*grades_family(const struct grade_table *, size_t g);
const char	*grades_source(const struct grade_table *, size_t g);

/*
 * Finds the designations in the folded text <f> of an item; returns the
 * count written into <out> (at most <max>), one per grade, strongest first
 * kept.
 */
size_t	grades_find(const struct grade_table *, const struct folded *f,
	    struct grade_hit *out, size_t max);

/*
 * The nominal properties of the hit's grade as values spanning the hit:
 * tensile strength and modulus (pressure, with their roles), density,
 * content (percent), specific modulus and specific strength.  Returns the
 * count written (at most <max>).
 */
size_t	grades_values(const struct grade_table *, const struct grade_hit *h,
	    struct pvalue *out, size_t max);

#endif
