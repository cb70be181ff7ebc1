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
	enum prole	 role;		/* only values of this role, or of none */
	bool		 form;		/* a stated value stands for `requires` */
	bool		 named_only;	/* values of no stated role do not count */
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
	bool			 params_any;	/* parameter_match: any */
	struct strv		 grades;	/* grade families that are evidence */
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

/* A file of a list version: its base name and SHA-256. */
struct rule_file {
	char	*name;
	char	 sha256[65];
	int	 is_party;	/* a denied-party list, not a YAML rule file */
};

struct party_index;
struct grade_table;

struct ruleset {
	struct rule_list	*lists;
	size_t			 nlists;
	struct rule_file	*files;		/* every file, YAML and party lists */
	size_t			 nfiles;
	struct party_index	*parties;	/* denied-party lists, or NULL */
	struct grade_table	*grades;	/* grades.yaml, or NULL */
	char			 checksum[65];	/* over the files' names and hashes */
	size_t			 nentries;
};

/*
 * The bytes of a list version's files, in name order: what `lists import`
 * stores and what a daemon rebuilds its snapshot from.
 */
struct rfile {
	char	*name;		/* base name */
	char	*path;		/* for messages (dir/name), or NULL */
	char	*data;
	size_t	 len;
};

struct fileset {
	struct rfile	*f;
	size_t		 n;
};

/* True if <name> is a file a list version holds (*.yaml or a party list). */
bool	rules_is_list_file(const char *name);
/* Copies <data>; a file of the same name is replaced.  Keeps name order. */
void	fileset_add(struct fileset *, const char *name, const char *path,
	    const char *data, size_t len);
/* Reads every list file of <dir>; returns the error count. */
int	fileset_read_dir(struct fileset *, const char *dir, struct buf *errs);
void	fileset_free(struct fileset *);	/* frees the contents */
/* Adds every file of <fs>; returns the error count. */
int	rules_add_fileset(struct ruleset *, const struct fileset *fs,
	    struct buf *errs);

struct ruleset	*rules_new(void);
void		 rules_free(struct ruleset *);

/*
 * Parses one file's bytes: a YAML rule file, or a denied-party list
 * (party.h) by its name.  <name> is used in messages; its base name is kept.
 * Appends one "name:line: why" line per error to <errs>; returns the number
 * of errors.  A file with errors adds nothing to <rs>.
 */
int	rules_add_buffer(struct ruleset *rs, const char *name, const char *data,
	    size_t len, struct buf *errs);

/* Parses every list file of <dir> in name order; returns the error count. */
int	rules_load_dir(struct ruleset *rs, const char *dir, struct buf *errs);

/*
 * Cross-file checks (duplicate list ids, no lists at all) and the checksum.
 * Returns the error count.
 */
int	rules_finish(struct ruleset *rs, struct buf *errs);

#endif
