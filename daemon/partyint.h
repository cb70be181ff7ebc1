/*
 * What the files of the denied-party index share and nothing else sees:
 * the records, the prepared index, the tokens of names and queries, and
 * the functions that pass between normalisation (partyname.c), the index
 * build (partyindex.c), the search (partysearch.c) and the records
 * (party.c).  The public API is party.h.
 */
#ifndef CORDON_PARTYINT_H
#define CORDON_PARTYINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "party.h"
#include "util.h"

#define MAXTOK		32	/* tokens kept per name or query */
#define MAXTOKLEN	64	/* bytes per token, NUL included */
#define GENERIC_DAMP	0.40	/* weight factor of generic words */
#define SIM_FLOOR	0.90	/* Jaro-Winkler below this counts as 0 */
#define VOWEL_SIM	0.93	/* same consonants, a vowel or two apart */
#define VOWEL_CONS_SIM	(VOWEL_SIM - 0.03) /* ... and a consonant (Gamal) */
#define STRICT_SIM	0.95	/* a lone token against a lone token */
#define SKEL_SIM	0.90	/* similarity of equal consonant skeletons */
#define TYPO_SIM	0.88	/* one typing error in a longer word */
#define TYPO2_SIM	0.84	/* two in a long word */
#define TYPO_SHORT_SIM	0.80	/* one in a word of 3-4 letters the lists
				 * do not know */
#define TYPO2_SHORT_SIM	0.80	/* two in one of 6-7 letters, the same */
#define INITIAL_SIM	0.85	/* a name written as its initial */
#define BLOCK_MIN_DF	64	/* tokens this rare are always used to block */
#define MAX_ERR_LINES	20	/* unresolved-row messages per file */
#define FUZZY_MINLEN	5	/* shorter tokens only match exactly */
#define COMMON_SHARE	200	/* a word in 1 name of 200 is common */
#define COMMON_MIN_DF	20	/* ... and in 20 names at least */
#define PARTICLE_W	0.1	/* weight of a particle token */
#define PLACE_MINLEN	4	/* shorter words of a place are not kept */
#define VARIANT_MINLEN	4	/* words this long are keyed by their
				 * vowel-variant class (partyindex_hash_variant) */

/*
 * Scoring a listed name against a query (partysearch.c), in one place with
 * the similarities above.
 */
#define PSCORE_JOIN_MIN		0.85	/* a join found a listed word */
#define PSCORE_JOIN_WEIGHT	2	/* a joined pair counts for both sides */
#define PSCORE_FOUND		0.90	/* a word found (initials, covered) */
#define PSCORE_MATCHED		0.85	/* a listed word matched (generic test) */
#define PSCORE_DROPPED_BELOW	0.50	/* a listed word not found ... */
#define PSCORE_DROPPED_WEIGHT	0.25	/* ... weighs this in a covered name */
#define PSCORE_DROPPED_MAX	2	/* all of them at most this many times
					 * the heaviest */
#define PSCORE_GENERIC_ONLY	0.92	/* only generic words in common */
#define PSCORE_INITIALS_WEIGHT	0.3	/* initials, of the rarest weight */
#define SHORT_UNKNOWN_LEN	3	/* unknown query words this short weigh
					 * like initials */
#define PSCORE_ACRONYM_LEN	6	/* lone tokens this short: exact only */
#define BLOCK_MARGIN		0.95	/* blocking skips up to this x threshold */
#define FORM_ADDRESS		0.99	/* the name before an address */
#define FORM_CAREOF		0.99	/* one part of a c/o field */
#define FORM_CITY		0.98	/* ... less a city before the comma, */
#define FORM_CITY_WORD		0.01	/* ... less this per word dropped */

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------ */
/* Records, lists and batches                                          */

struct prec {
	struct party_record	 pub;
	char			*ref, *kind, *name, *regime, *listed_on;
	char			 country[3];
	char			**alias;
	uint8_t			 *aq;		/* enum party_quality per alias */
	size_t			 nalias, calias;
	char			 countries[PARTY_MAX_COUNTRIES * 3];
};

struct plist {
	char	*id, *title, *generated;
	size_t	 records, names;
};

struct plink {
	enum party_link	 type;
	char		*ref, *value, *file;
	int		 line;
	size_t		 list;		/* index into idx->lists */
};

struct party_batch {
	size_t		  list;
	struct prec	**recs;
	size_t		  nrecs, crecs;
	struct plink	 *links;
	size_t		  nlinks, clinks;
	char		 *generated;
	const char	 *file;
	uint64_t	 *places;	/* hashes of place words */
	size_t		  nplaces, cplaces;
};

/* One searchable name: a record's primary name, alias or acronym. */
struct pname {
	uint32_t	 rec;
	uint32_t	 ntok;
	uint32_t	*tok;		/* token ids */
	uint32_t	*joins;		/* token ids of the joins of 2 adjacent
					 * tokens (ntok - 1 of them), then of 3
					 * (ntok - 2); in the <tok> allocation */
	const char	*text;		/* as published, borrowed from the record */
	bool		 individual;	/* the record is a person's: kept here,
					 * the scoring reads no record */
	bool		 given;		/* the name before it with its East
					 * Slavic given names rekeyed
					 * (partyname_given_unify): not a
					 * name of its own */
};

struct ptok {
	char		*key;		/* canonical spelling */
	char		*skel;		/* consonant skeleton */
	char		*raw;		/* first folded spelling, NULL if it is
					 * <key> */
	float		 w;		/* weight */
	uint32_t	 df;		/* names containing it */
	uint32_t	 post, npost;	/* slice of idx->post */
	uint8_t		 len;
	uint8_t		 generic;	/* any spelling was a generic word */
	uint8_t		 poor;		/* few vowels (Arabic transliteration) */
	uint8_t		 concat;	/* only a join of adjacent name tokens */
	uint8_t		 particle;	/* al, bin, abu */
	uint8_t		 initials;	/* initials of given names */
	char		 kfirst, klast;	/* first and last letters of <key>,
					 * read without following <key> */
	uint32_t	 firsts;	/* first letters of its spellings */
	char		 ksecond;	/* second letter of <key> (or NUL) */
	uint8_t		 slen;		/* length of <skel> */
	uint8_t		 patronymic;	/* shaped as a Slavic patronymic */
};

/* A hashed key pointing at a token: deletion neighbourhoods, skeletons. */
struct hkey {
	uint64_t	h;
	uint32_t	tok;
};

/*
 * A set of hashed keys, sorted by hash, with a directory by the hash's top
 * bits: a look-up reads one bucket of a few keys instead of binary
 * searching the whole set (a few cache lines instead of twenty).
 */
struct hkeys {
	struct hkey	*v;
	size_t		 n;
	uint32_t	*dir;		/* bucket b is v[dir[b]] .. v[dir[b + 1]] */
	unsigned	 shift;		/* bucket of hash h: h >> shift */
};

struct party_index {
	struct plist	 *lists;
	size_t		  nlists;
	struct prec	**recs;
	size_t		  nrecs, crecs;
	struct plink	 *links;
	size_t		  nlinks, clinks;
	char		**files;	/* base names added, for duplicates */
	size_t		  nfiles;
	bool		  prepared;

	/* Built by party_prepare(). */
	struct pname	 *names;
	size_t		  nnames, cnames;
	struct ptok	 *toks;
	size_t		  ntoks, ctoks;
	uint32_t	 *tab;		/* open addressing: token id + 1 */
	size_t		  tabmask;
	uint32_t	 *tabtag;	/* per slot of <tab>: the top 32 bits of
					 * its key's hash (TAB_TAG) */
	uint32_t	 *post;		/* postings: name ids */
	struct hkeys	  dels, skels, poorskels;
	struct hkeys	  variants;	/* tokens by vowel-variant class */
	struct prec	**byref;	/* records sorted by (list, ref) */
	double		  maxw;		/* weight of a token no list has */
	uint32_t	  common_df;	/* names a common word is in */
	uint64_t	 *places;	/* hashes of place words, sorted once
					 * prepared */
	size_t		  nplaces, cplaces;
};

/* A token of a query or of a name being built. */
struct qtok {
	char	key[MAXTOKLEN];
	char	skel[MAXTOKLEN];
	size_t	len;
	bool	generic, poor;
	bool	particle;	/* al, bin, abu: a small weight */
	bool	patronymic;	/* -ovich, -evna, -auna: partyname_patronymic */
	bool	initials;	/* given names written as initials */
	char	first;		/* first letter before canonical spelling */
	char	raw[MAXTOKLEN];	/* the folded word, for explanations */
	bool	unknown;	/* a query word no listed name has */
	bool	rawdiff;	/* <raw> is not <key> */
	bool	lexical;	/* a generic word or a place of the lists'
				 * addresses: a word of its own, never a
				 * typing error or variant of a listed one */
};

static inline bool
is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Bit of letter <c> (a-z) in ptok.firsts; 0 for anything else. */
static inline uint32_t
letter_bit(char c)
{
	return c >= 'a' && c <= 'z' ? 1u << (c - 'a') : 0;
}

/* party.c: records */

/* Adds <alias> to <r> unless it is already there; graded <q>. */
void	party_rec_add_alias(struct prec *r, const char *alias,
	    enum party_quality q);
/* Adds ISO code <iso> to the countries of <r> if new and there is room. */
void	party_rec_add_country(struct prec *r, const char *iso);

/* partyname.c: names to canonical tokens */

/*
 * Splits <name> into canonical tokens in <out> (MAXTOK of them); returns
 * the count.  Stopwords, titles and legal forms go unless nothing else
 * would remain.
 */
size_t	partyname_tokenize(const char *name, struct qtok *out);
/*
 * True if the lists know folded word <w> as a word of a name (not only as
 * a join of two), or with <next> not NULL, <w> written before <next> in a
 * listed name; <ctx> is the caller's (the index).
 */
typedef bool (*partyname_known_fn)(void *ctx, const char *w,
    const char *next);
/*
 * partyname_tokenize for a query: a space typed a letter or two off is put
 * back where two words <known> does not know both become words of one
 * listed name (<together>: folded <w> and <next> are words of one listed
 * name), words <known> does not know are split where they are known words
 * run together ("MAULANAFAZLULLAH"), and words <known> does not know that
 * are a word of the tables typed with an error (a legal form, a generic
 * word, a title: "LTSD", "TEPUBLIC") go like that word, unless <place>
 * (if not NULL) says they are a word of their own (a place of the lists'
 * addresses); <*changed> (if not NULL) says whether any did.  <known>
 * NULL: as partyname_tokenize.
 */
size_t	partyname_tokenize_known(const char *name, struct qtok *out,
	    partyname_known_fn known, partyname_known_fn together,
	    partyname_known_fn place, void *ctx, bool *changed);
/*
 * The letter-by-letter spelling of folded word <in> into <t> (<cap> bytes,
 * NUL included; a longer spelling is cut to fit); returns its length.  The
 * first step of partyname_key.
 */
size_t	partyname_spell(const char *in, char *t, size_t cap);
/* Canonical key of one folded word into <key> (MAXTOKLEN); its length. */
size_t	partyname_key(const char *folded, char *key);
/*
 * If <q> is a form of an East Slavic given name other than its table's
 * first (Serhiy, Siarhei for Sergei), or with <sound> a word that sounds
 * like a form of one (Serhey, Piatr), rekeys <q> as that first form (key,
 * length, skeleton; the spelling as written stays) and returns true.
 */
bool	partyname_given_unify(struct qtok *q, bool sound);
/* True if <q> is rekeyed only with <sound> (no form of the table). */
bool	partyname_given_sounds(const struct qtok *q);
/*
 * True if word <w> (<n> bytes, either case) is letters with single 0s and
 * 1s among them, as scanning and typing write O, l and I ("M0HAMED",
 * "SA1IM"): the tokenizer reads them as letters, and such a word starts
 * no address.
 */
bool	partyname_ocr_word(const char *w, size_t n);
/*
 * True if folded word <w> has the shape of an East Slavic patronymic
 * (Russian -ovich / -evna, Ukrainian -ovych / -ivna, Belarusian -avich /
 * -auna); family names share the male endings (Abramovich), so the
 * scoring decides from the rest of the name.
 */
bool	partyname_patronymic(const char *w);
/* Fills <q> from one folded word: canonical key, skeleton, flags. */
void	partyname_qtok_set(struct qtok *q, const char *folded, bool generic);
/*
 * Optimal string alignment distance of <a> and <b>, or <max> + 1 as soon
 * as it is known to exceed <max>.  Both at most MAXTOKLEN bytes.
 */
size_t	partyname_edit_distance(const char *a, size_t la, const char *b,
	    size_t lb, size_t max);

/* partyindex.c: the token index */

/* The record of <list> with reference <ref> once prepared, or NULL. */
struct prec	*partyindex_find(const struct party_index *idx,
		    const char *list, const char *ref);
/*
 * Bracketed or quoted parts of <name> are appended to <parts> (caller frees
 * each and the array); <stripped> gets the name without them.
 */
void	partyindex_split_acronyms(const char *name, struct buf *stripped,
	    char ***parts, size_t *nparts);
uint64_t partyindex_hash(const char *s, size_t n);
/* True if canonical <key> is a word of a place of the lists' addresses. */
bool	partyindex_is_place(const struct party_index *idx, const char *key,
	    size_t len);
/* Hash of <key> with the byte at <skip> left out (skip >= len: none). */
uint64_t partyindex_hash_deletion(const char *key, size_t len, size_t skip);
/*
 * Hash of <key>'s vowel-variant class: every vowel written as one letter,
 * and the consonants romanisations write for one another (g / j / k / c,
 * d / z) as one, so that the spellings partysearch.c reads as vowel or
 * consonant variants of a word share it (Saleh / Salih, Gasim / Qasim).
 */
uint64_t partyindex_hash_variant(const char *key, size_t len);
/*
 * The keys of <hk> with hash <h>: the first, and their count in *<count>
 * (0: none, and the pointer is not to be read).
 */
const struct hkey *partyindex_hkeys_find(const struct hkeys *hk, uint64_t h,
	    size_t *count);
/* Frees what <hk> holds. */
void	partyindex_hkeys_free(struct hkeys *hk);
/* Token id of canonical <key>, or -1. */
long	partyindex_tok_lookup(const struct party_index *idx, const char *key,
	    size_t len);
/* Canonical join of tokens <t>[i..i+n) into <out>. */
void	partyindex_join(const struct qtok *t, size_t i, size_t n,
	    struct qtok *out);

/*
 * partysearch.c: the similarity of listed token <n> and query token <q>
 * as scoring reads it, with or without the check that tells most unlike
 * pairs apart first (for the tests: both must always agree).
 */
double	partysearch_token_sim(const struct ptok *n, const struct qtok *q,
	    bool strict, bool prefilter);
bool	partysearch_sim_possible(const struct ptok *n, const struct qtok *q,
	    bool strict);

#endif
