/*
 * The denied-party index: records from the UN Security Council consolidated
 * list, the OFAC SDN files and the BIS Denied Persons List, and the fuzzy
 * name matching over them.  Pure: bytes go in (the caller reads or fetches
 * the files), candidates come out; no I/O, no globals, no database.
 *
 * Built in phases like the matcher: party_add_file() for every file, then
 * party_prepare() builds the token index, then party_search() only reads, so
 * that one prepared index is shared by all threads of a snapshot.
 * The importers of the real formats live in partyload.c.
 */
#ifndef CORDON_PARTY_H
#define CORDON_PARTY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "util.h"

#define PARTY_MAX_COUNTRIES	10	/* kept per record */

/* Alias quality as the UN list grades it. */
enum party_quality {
	PARTY_Q_NONE,		/* the primary name, or no grade given */
	PARTY_Q_GOOD,
	PARTY_Q_LOW,
};

struct party_record {
	const char		*list_id;	/* "un-sc", "ofac-sdn", "bis-dpl" */
	const char		*ref;		/* UN REFERENCE_NUMBER, OFAC ent_num,
						 * BIS row key */
	const char		*kind;		/* "entity", "individual", "vessel",
						 * "aircraft", "party" (BIS) */
	const char		*name;		/* primary name as published */
	const char		*regime;	/* UN_LIST_TYPE, OFAC program,
						 * "BIS DPL" */
	const char		*listed_on;	/* YYYY-MM-DD or NULL */
	const char		*country;	/* ISO 3166-1 alpha-2 or NULL */
	const char *const	*aliases;	/* every alias as published, then
						 * acronyms found in brackets */
	const uint8_t		*alias_quality;	/* enum party_quality per
						 * alias */
	size_t			 naliases;
	const char		*countries;	/* every nationality and address
						 * country, ISO codes one space
						 * apart ("" if none) */
};

/* Distortions a hit bridged between the declared and the listed name. */
#define PARTY_D_INITIALS	0x001	/* given names as initials */
#define PARTY_D_TYPO		0x002	/* a typing error in a word */
#define PARTY_D_SPELLING	0x004	/* another romanisation or spelling */
#define PARTY_D_JOINED		0x008	/* words joined or split */
#define PARTY_D_DROPPED		0x010	/* listed words left out */
#define PARTY_D_ORDER		0x020	/* words in another order */
#define PARTY_D_SCRIPT		0x040	/* written in another script */
#define PARTY_D_ADDRESS		0x080	/* an address after the name */
#define PARTY_D_CAREOF		0x100	/* one part of a "c/o" field */

struct party_hit {
	const struct party_record *rec;
	const char	*matched;	/* the name or alias that matched
					 * (borrowed from <rec>) */
	double		 score;		/* 0..1 */
	enum party_quality quality;	/* of <matched> */
	unsigned	 distortions;	/* PARTY_D_* */
	bool		 weak;		/* a low-quality alias or common given
					 * names only: confirm identity */
	char		 words[256];	/* "LISTED=declared" pairs, one space
					 * apart, "LISTED=-" for a word left
					 * out (see party_search) */
};

/* The threshold the unit tests hold the matcher to (see party.c). */
#define PARTY_THRESHOLD_DEFAULT	0.85

struct party_index;

struct party_index	*party_index_new(void);
void			 party_index_free(struct party_index *);	/* NULL: no-op */

/*
 * True if a file of this base name is a party list this module reads:
 * "*.xml" (a UN consolidated list; party_add_file refuses any other XML),
 * "sdn.csv", "alt.csv", "add.csv" (OFAC) and "dpl.txt" (BIS).
 */
bool	party_is_list_file(const char *name);

/*
 * Like party_is_list_file, and for "*.xml" also looks at the root element of
 * <data>: true only for a UN consolidated list.
 */
bool	party_is_list_data(const char *name, const char *data, size_t len);

/*
 * Adds one file's bytes (<name> is its base name, used in messages).  All or
 * nothing per file: errors as "name:line: why" lines appended to <errs>; the
 * return value is the error count.  OFAC alt/add rows refer to sdn rows by
 * ent_num and may come in any order: they are resolved in party_prepare().
 * Refused once the index is prepared.
 */
int	party_add_file(struct party_index *, const char *name, const char *data,
	    size_t len, struct buf *errs);

/*
 * Resolves OFAC alt/add rows and builds the search index; afterwards the
 * index is immutable and party_search() is safe from many threads at once.
 * Returns the error count (alt/add rows whose ent_num is unknown: those rows
 * are left out, everything else is indexed).
 */
int	party_prepare(struct party_index *, struct buf *errs);

size_t	party_count(const struct party_index *);	/* records */

/* Record <i> (0 <= i < party_count), borrowed; NULL when out of range. */
const struct party_record *party_get(const struct party_index *, size_t i);

/* The record of list <list_id> with reference <ref>, borrowed, or NULL. */
const struct party_record *party_find(const struct party_index *,
	    const char *list_id, const char *ref);

/*
 * [{"id", "title", "records", "names", "generated"}] per list loaded, in the
 * order first added; "generated" is the list's own date or null.  Caller owns
 * the result.
 */
json_t	*party_lists_info(const struct party_index *);

/*
 * Candidates for <name> scoring >= <threshold>, best first, one hit per
 * record (its best name); returns the count written to <out> (<= max).
 * Needs a prepared index; returns 0 otherwise.
 */
size_t	party_search(const struct party_index *, const char *name,
	    double threshold, struct party_hit *out, size_t max);

/*
 * The evidence of hit <h> as a JSON object (caller owns): "quality" of the
 * name matched, "words" [{"listed", "declared" (null if left out), "how"}],
 * "distortions" bridged, the entry's "programme", "listed_on" and
 * "listed_countries", and "weak" (a low-quality alias or common given
 * names only: confirm the identity).
 */
json_t	*party_hit_json(const struct party_hit *h);

/* True if ISO code <iso> is one of the listed countries of <r>. */
bool	party_country_listed(const struct party_record *r, const char *iso);

/*
 * The canonical matching form of <name>: folded, legal forms and stopwords
 * dropped, romanisation variants unified, tokens joined by one space.
 * Caller frees.  For tests and explanations.
 */
char	*party_normalize_name(const char *name);

/*
 * Between party.c and the importers of partyload.c: a batch collects one
 * file's records and is merged into the index only if the file had no error.
 * All strings are copied.
 */
struct party_batch;

enum party_link {
	PARTY_LINK_ALIAS,	/* OFAC alt.csv: <value> is an alias */
	PARTY_LINK_COUNTRY,	/* OFAC add.csv: <value> is a country name */
};

/* Starts a record of the batch's list; <listed_on>, <country> may be NULL. */
void	party_batch_record(struct party_batch *, const char *ref,
	    const char *kind, const char *name, const char *regime,
	    const char *listed_on, const char *country);
/* Adds an alias to the batch's last record (empty strings are ignored),
 * graded <q> by its list. */
void	party_batch_alias(struct party_batch *, const char *alias,
	    enum party_quality q);
/* Sets the country of the last record if it has none (a country name or an
 * ISO code; unknown names are ignored). */
void	party_batch_country(struct party_batch *, const char *country);
/*
 * A place of the list's addresses (a city, a province): its words join the
 * vocabulary of places, and a query word that is a place is never a
 * typing error or a spelling variant of another listed word.
 */
void	party_batch_place(struct party_batch *, const char *place);
/* A row that refers to a record of another file by <ref> (OFAC ent_num). */
void	party_batch_link(struct party_batch *, enum party_link, const char *ref,
	    const char *value, int line);
/* The list's own generation date or time ("generated" in lists_info). */
void	party_batch_generated(struct party_batch *, const char *when);

/* ISO 3166-1 alpha-2 for a country name as the lists spell it, or NULL. */
const char *party_country_iso(const char *name);

/*
 * Importers (partyload.c).  Each parses one file into <b>; errors go to
 * <errs> as "name:line: why"; returns the error count.
 */
int	partyload_un_xml(struct party_batch *b, const char *name,
	    const char *data, size_t len, struct buf *errs);
int	partyload_ofac_sdn(struct party_batch *b, const char *name,
	    const char *data, size_t len, struct buf *errs);
int	partyload_ofac_alt(struct party_batch *b, const char *name,
	    const char *data, size_t len, struct buf *errs);
int	partyload_ofac_add(struct party_batch *b, const char *name,
	    const char *data, size_t len, struct buf *errs);
int	partyload_bis_dpl(struct party_batch *b, const char *name,
	    const char *data, size_t len, struct buf *errs);

#endif
