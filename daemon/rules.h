/*
 * Rule files (YAML, one control list per file) to a struct ruleset.  Every
 * error carries file:line and a pass reports all of its errors.  No I/O but
 * reading the files of a directory; no database, no globals.
 */
#ifndef CORDON_RULES_H
#define CORDON_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "param.h"
#include "util.h"

enum category {
	CAT_NUCLEAR,
	CAT_CHEMICAL,
	CAT_BIOLOGICAL,
	CAT_MISSILE,
	CAT_CONVENTIONAL,
	CAT_MILITARY,
	CAT_SANCTIONS,
	CAT_EMBARGO,
	CAT_COUNT_
};

const char	*rules_category_name(enum category);
/* Returns 0 and sets *c, or -1 for an unknown name. */
int		 rules_category(const char *, enum category *c);

struct rule_param {
	enum quantity	 q;
	bool		 has_min, has_max;
	double		 min, max;	/* base unit */
	char		*min_text, *max_text;
	char		*label;
	bool		 missing_clear;
};

struct strv {
	char	**v;
	int	 *line;
	size_t	  n;
};

struct rule_list;

struct rule_entry {
	struct rule_list	*list;		/* back pointer, borrowed */
	char			*code, *title, *explanation, *source;
	enum category		 category;
	struct strv		 regimes, cas, hs, hs_context;
	struct strv		 keywords, exclude, requires;
	struct strv		 destinations;	/* embargo: goods going to these */
	struct strv		 origins;	/* embargo: goods coming from these */
	struct rule_param	*params;
	size_t			 nparams;
	int			 line;
};

struct rule_list {
	char			*id, *title, *source, *version_date, *url;
	char			*regime;
	char			*file;		/* base name of the source file */
	char			 sha256[65];	/* of the file's bytes */
	struct rule_entry	*entries;
	size_t			 nentries;
};

struct ruleset {
	struct rule_list	*lists;
	size_t			 nlists;
	char			 checksum[65];	/* over the files' names and hashes */
	size_t			 nentries;
};

struct ruleset	*rules_new(void);
void		 rules_free(struct ruleset *);

/*
 * Parses one file's bytes; <name> is used in messages and kept.  Appends one
 * "name:line: why" line per error to <errs>; returns the number of errors.
 * A file with errors adds nothing to <rs>.
 */
int	rules_add_buffer(struct ruleset *rs, const char *name, const char *data,
	    size_t len, struct buf *errs);

/* Parses every *.yaml file of <dir> in name order; returns the error count. */
int	rules_load_dir(struct ruleset *rs, const char *dir, struct buf *errs);

/*
 * Cross-file checks (duplicate list ids, no lists at all) and the checksum.
 * Returns the error count.
 */
int	rules_finish(struct ruleset *rs, struct buf *errs);

#endif
