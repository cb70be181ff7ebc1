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
	bool		 min_excl, max_excl;	/* written above: / below: */
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
struct rule_terms;

struct rule_entry {
	struct rule_list	*list;		/* back pointer, borrowed */
	char			*code, *title, *explanation, *source;
	enum category		 category;
	struct strv		 regimes, cas, hs, hs_context;
	struct strv		 keywords, exclude, requires;
	/*
	 * Exclusions that name another substance or an entry the list
	 * exempts ("fonofos" from CWC 2B04): unlike `exclude` words (a
	 * consumer or small form), they hold in bulk too.
	 */
	struct strv		 exempt;
	struct strv		 destinations;	/* embargo: goods going to these */
	struct strv		 origins;	/* embargo: goods coming from these */
	struct rule_param	*params;
	size_t			 nparams;
	bool			 params_any;	/* parameter_match: any */
	struct strv		 grades;	/* grade families that are evidence */
	int			 line;
	/*
	 * Per keyword, the term file it came from, or NULL for a keyword of
	 * the list file itself; NULL as a whole while no term file added one.
	 * Use rules_keyword_lang() and rules_keyword_file().
	 */
	const struct rule_terms	**kwsrc;
	/*
	 * The term files that wrote a keyword again (its identity equal to
	 * one the entry had already): the keyword is theirs too, so that it
	 * takes their languages' endings.  Use rules_keyword_also_lang().
	 */
	struct rule_kwalso {
		size_t			 kw;
		const struct rule_terms	*src;
	}			*kwalso;
	size_t			 nkwalso;
};

struct rule_list {
	char			*id, *title, *source, *version_date, *url;
	char			*regime;
	char			*file;		/* base name of the source file */
	char			 sha256[65];	/* of the file's bytes */
	struct rule_entry	*entries;
	size_t			 nentries;
};

/*
 * A language term file (rules/README.md, "Language term files"): terms for
 * entries of the list files, keyed "<list id>/<code>".  Its terms join the
 * entries' keywords in rules_finish(), which also sets each key's <entry>.
 */
enum term_part {
	TERM_PART_TERMS,	/* "terms:": keywords */
	TERM_PART_REQUIRES,	/* "requires:": context words for the entry */
	TERM_PART_EXCLUDE,	/* "exclude:": words that rule the entry out */
	TERM_PART_EXEMPT,	/* "exempt:": another substance, at any quantity */
};

struct term_key {
	enum term_part		 part;
	char			*key;		/* "<list id>/<code>" */
	int			 line;
	struct strv		 terms;		/* as written, in file order */
	size_t			 added;		/* not already in the entry */
	const struct rule_entry	*entry;		/* borrowed, set by rules_finish */
};

struct rule_terms {
	char		*file;		/* base name */
	char		*lang;		/* ISO 639-1 */
	char		*title, *source;
	char		 sha256[65];
	struct term_key	*keys;
	size_t		 nkeys;
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
	struct rule_terms	**terms;	/* language term files, name order */
	size_t			 nterms;
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
 * Cross-file checks (duplicate list ids, no lists at all, term file keys
 * that name no entry), the terms of the term files added to their entries'
 * keywords, and the checksum.  Returns the error count.
 */
int	rules_finish(struct ruleset *rs, struct buf *errs);

/*
 * The language of keyword <i> of <e>: the term file's code, or NULL for a
 * keyword written in the list file (any language; counted as "en" for
 * coverage).  Borrowed from the ruleset.
 */
const char	*rules_keyword_lang(const struct rule_entry *e, size_t i);
/*
 * The <k>-th language (from 0) of the other term files that wrote keyword
 * <i> of <e> again, in load order, or NULL past the last.  Borrowed.
 */
const char	*rules_keyword_also_lang(const struct rule_entry *e, size_t i,
		    size_t k);
/* The base name of the file keyword <i> of <e> was written in. */
const char	*rules_keyword_file(const struct rule_entry *e, size_t i);

/*
 * Language coverage of the goods entries (every category but sanctions and
 * embargo), for `cordonctl rules coverage`.  Columns are the <ntargets>
 * target languages, then any other language a term file brings.  A keyword
 * of a list file counts as "en".  Borrows from <rs>; free with
 * rules_coverage_free().
 */
struct coverage {
	char			**langs;	/* column codes */
	size_t			  nlangs, ntargets;
	const struct rule_entry	**entries;	/* goods entries, list order */
	size_t			  nentries;
	size_t			 *count;	/* [entry * nlangs + lang]: terms written */
	char			**threshold;	/* per entry: a value with a unit its
						 * title or explanation states while it
						 * has no parameters, or NULL */
};

struct coverage	*rules_coverage(const struct ruleset *rs,
		    const char *const *targets, size_t ntargets);
void		 rules_coverage_free(struct coverage *);

#endif
