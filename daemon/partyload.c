/*
 * Importers of the denied-party lists in their published formats: the UN
 * Security Council consolidated list (XML, parsed with libxml2 without
 * network access or external entities), the OFAC SDN "delimited" files
 * (sdn.csv, alt.csv, add.csv: RFC 4180 quoting, CRLF, "-0-" nulls, a DOS EOF
 * byte at the end) and the BIS Denied Persons List (tab-separated, quoted,
 * with a header row).  Each importer checks the shape of every row, reports
 * every bad row as "name:line: why" and hands good rows to a party_batch;
 * party_add_file() drops the batch if anything was wrong.  No file I/O here:
 * the bytes come from the caller.
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "normalize.h"
#include "party.h"
#include "util.h"
#include "xmalloc.h"

#define MAX_ROW_ERRORS	50	/* error lines per file before a summary */
#define UN_XML_MAX_BYTES (256 << 20)	/* the real list is about 2 MiB */

static void	row_error(int *, struct buf *, const char *, int, const char *,
		    ...) __attribute__((format(printf, 5, 6)));

/* ------------------------------------------------------------------ */
/* Delimited text (RFC 4180 with the OFAC and BIS habits)              */

struct csv {
	const char	*p, *end;
	const char	*name;
	char		 delim;
	int		 line;		/* line of the next character */
	struct buf	 text;		/* fields of the current row, NUL-separated */
	size_t		*off;		/* field starts in <text> */
	bool		*quoted;
	size_t		 nf, cap;
	int		 row_line;	/* line the current row starts on */
};

static void
csv_init(struct csv *c, const char *name, const char *data, size_t len,
    char delim)
{
	memset(c, 0, sizeof(*c));
	c->name = name;
	c->p = data;
	c->end = data + len;
	c->delim = delim;
	c->line = 1;
	buf_init(&c->text);
	/* The DOS end-of-file byte after the last line ends the data. */
	if (len > 0 && data[len - 1] == 0x1a)
		c->end--;
}

static void
csv_free(struct csv *c)
{
	buf_free(&c->text);
	free(c->off);
	free(c->quoted);
}

static void
csv_field_start(struct csv *c, bool quoted)
{
	if (c->nf == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->off = xreallocarray(c->off, c->cap, sizeof(*c->off));
		c->quoted = xreallocarray(c->quoted, c->cap,
		    sizeof(*c->quoted));
	}
	c->off[c->nf] = c->text.len;
	c->quoted[c->nf++] = quoted;
}

static void
csv_skip_line(struct csv *c)
{
	while (c->p < c->end && *c->p != '\n')
		c->p++;
	if (c->p < c->end) {
		c->p++;
		c->line++;
	}
}

/* The DOS end-of-file byte (Ctrl-Z), which some exports leave in fields. */
#define CSV_DOS_EOF	0x1a

/*
 * Reads a quoted field at c->p (on its opening quote) into c->text: a
 * doubled quote is one quote, line breaks are kept, spaces may follow the
 * closing quote.  Returns 0, or -1 with a reason in *why (an unterminated
 * quote ends the input; otherwise the rest of the line is skipped).
 */
static int
csv_quoted_field(struct csv *c, const char **why)
{
	int qline = c->line;

	csv_field_start(c, true);
	c->p++;
	for (;;) {
		if (c->p >= c->end) {
			c->row_line = qline;
			*why = "unterminated quoted field";
			return -1;
		}
		if (*c->p == '"') {
			if (c->p + 1 < c->end && c->p[1] == '"') {
				buf_addc(&c->text, '"');
				c->p += 2;
				continue;
			}
			c->p++;
			break;
		}
		if (*c->p == '\n')
			c->line++;
		if (*c->p == CSV_DOS_EOF) {
			*why = "DOS end-of-file byte inside the data";
			csv_skip_line(c);
			return -1;
		}
		buf_addc(&c->text, *c->p++);
	}
	/* Spaces may follow the closing quote. */
	while (c->p < c->end && *c->p == ' ')
		c->p++;
	if (c->p < c->end && *c->p != c->delim && *c->p != '\r' &&
	    *c->p != '\n') {
		*why = "text after a closing quote";
		csv_skip_line(c);
		return -1;
	}
	return 0;
}

/*
 * Reads an unquoted field at c->p into c->text, trimmed of spaces; a quote
 * inside it is an error.  Returns 0, or -1 with a reason in *why (the rest
 * of the line skipped).
 */
static int
csv_plain_field(struct csv *c, const char **why)
{
	const char *s = c->p, *e;

	csv_field_start(c, false);
	while (c->p < c->end && *c->p != c->delim && *c->p != '\r' &&
	    *c->p != '\n') {
		if (*c->p == '"') {
			*why = "quote inside an unquoted field";
			csv_skip_line(c);
			return -1;
		}
		if (*c->p == CSV_DOS_EOF) {
			*why = "DOS end-of-file byte inside the data";
			csv_skip_line(c);
			return -1;
		}
		c->p++;
	}
	e = c->p;
	while (s < e && *s == ' ')
		s++;
	while (e > s && e[-1] == ' ')
		e--;
	buf_add(&c->text, s, (size_t)(e - s));
	return 0;
}

/*
 * Reads the next row.  Returns 1 with the fields set, 0 at the end, or -1
 * with a reason in *why (the rest of the line is skipped, except for an
 * unterminated quote, which ends the input).
 */
static int
csv_next(struct csv *c, const char **why)
{
	int rc;

	buf_reset(&c->text);
	c->nf = 0;

	/* Blank lines between rows carry nothing. */
	while (c->p < c->end && (*c->p == '\n' || *c->p == '\r')) {
		if (*c->p == '\n')
			c->line++;
		c->p++;
	}
	if (c->p >= c->end)
		return 0;
	c->row_line = c->line;
	for (;;) {
		if (c->p < c->end && *c->p == '"')
			rc = csv_quoted_field(c, why);
		else
			rc = csv_plain_field(c, why);
		if (rc == -1)
			return -1;
		buf_addc(&c->text, '\0');
		if (c->p < c->end && *c->p == c->delim) {
			c->p++;
			continue;
		}
		/* End of row: CRLF, LF or the end of the data. */
		if (c->p < c->end && *c->p == '\r')
			c->p++;
		if (c->p < c->end && *c->p == '\n') {
			c->p++;
			c->line++;
		} else if (c->p < c->end) {
			*why = "carriage return without line feed";
			csv_skip_line(c);
			return -1;
		}
		return 1;
	}
}

/* Field <i> of the current row; OFAC's "-0-" null reads as "". */
static const char *
csv_field(const struct csv *c, size_t i)
{
	const char *f;

	if (i >= c->nf)
		return "";
	f = c->text.data + c->off[i];
	if (!c->quoted[i] && strcmp(f, "-0-") == 0)
		return "";
	return f;
}

static bool
all_digits(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

/* Counts an error, printing it while under the per-file cap. */
static void
row_error(int *nerr, struct buf *errs, const char *name, int line,
    const char *fmt, ...)
{
	va_list ap;
	char msg[256];

	if ((*nerr)++ >= MAX_ROW_ERRORS)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	buf_printf(errs, "%s:%d: %s\n", name, line, msg);
}

static void
errors_summary(int nerr, struct buf *errs, const char *name)
{
	if (nerr > MAX_ROW_ERRORS)
		buf_printf(errs, "%s: %d more errors; nothing was imported\n",
		    name, nerr - MAX_ROW_ERRORS);
}

/*
 * Reads the rows of an OFAC file of <want> fields whose first field is an
 * ent_num, calling <row> for each good one.  Returns the error count.
 */
static int
ofac_rows(const char *name, const char *data, size_t len, size_t want,
    struct buf *errs, void (*row)(struct csv *, void *), void *arg,
    int (*check)(struct csv *, const char **))
{
	struct csv c;
	const char *why;
	char msg[96];
	int nerr = 0, r, nrows = 0;

	csv_init(&c, name, data, len, ',');
	while ((r = csv_next(&c, &why)) != 0) {
		if (r < 0) {
			row_error(&nerr, errs, name, c.row_line, "%s", why);
			if (strcmp(why, "unterminated quoted field") == 0)
				break;
			continue;
		}
		if (c.nf != want) {
			snprintf(msg, sizeof(msg), "expected %zu fields, "
			    "found %zu", want, c.nf);
			row_error(&nerr, errs, name, c.row_line, "%s", msg);
			continue;
		}
		if (!all_digits(csv_field(&c, 0))) {
			row_error(&nerr, errs, name, c.row_line,
			    "ent_num \"%.40s\" is not a number",
			    csv_field(&c, 0));
			continue;
		}
		if (check != NULL && check(&c, &why) != 0) {
			row_error(&nerr, errs, name, c.row_line, "%s", why);
			continue;
		}
		row(&c, arg);
		nrows++;
	}
	if (nerr == 0 && nrows == 0) {
		buf_printf(errs, "%s:1: no rows\n", name);
		nerr++;
	}
	errors_summary(nerr, errs, name);
	csv_free(&c);
	return nerr;
}

/* ------------------------------------------------------------------ */
/* OFAC SDN                                                            */

struct sdn_state {
	struct party_batch	*b;
	char			**seen;		/* ent_nums, for duplicates */
	size_t			  nseen;
};

static int
sdn_check(struct csv *c, const char **why)
{
	const char *type = csv_field(c, 2);

	if (*csv_field(c, 1) == '\0') {
		*why = "empty SDN_Name";
		return -1;
	}
	if (*type != '\0' && strcmp(type, "individual") != 0 &&
	    strcmp(type, "vessel") != 0 && strcmp(type, "aircraft") != 0) {
		*why = "SDN_Type is not individual, vessel, aircraft or -0-";
		return -1;
	}
	return 0;
}

static void
sdn_row(struct csv *c, void *arg)
{
	struct sdn_state *st = arg;
	const char *type = csv_field(c, 2);

	party_batch_record(st->b, csv_field(c, 0), *type ? type : "entity",
	    csv_field(c, 1), csv_field(c, 3), NULL, NULL);
	st->seen = xreallocarray(st->seen, st->nseen + 1, sizeof(char *));
	st->seen[st->nseen++] = xstrdup(csv_field(c, 0));
}

static int
cmp_num(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	size_t lx = strlen(x), ly = strlen(y);

	if (lx != ly)
		return lx < ly ? -1 : 1;
	return strcmp(x, y);
}

int
partyload_ofac_sdn(struct party_batch *b, const char *name, const char *data,
    size_t len, struct buf *errs)
{
	struct sdn_state st = { b, NULL, 0 };
	size_t i;
	int nerr;

	nerr = ofac_rows(name, data, len, 12, errs, sdn_row, &st, sdn_check);
	if (nerr == 0 && st.nseen > 1) {
		qsort(st.seen, st.nseen, sizeof(char *), cmp_num);
		for (i = 1; i < st.nseen; i++)
			if (strcmp(st.seen[i], st.seen[i - 1]) == 0) {
				buf_printf(errs, "%s:1: ent_num %s appears "
				    "more than once\n", name, st.seen[i]);
				nerr++;
			}
	}
	for (i = 0; i < st.nseen; i++)
		free(st.seen[i]);
	free(st.seen);
	return nerr;
}

static int
alt_check(struct csv *c, const char **why)
{
	const char *type = csv_field(c, 2);

	if (!all_digits(csv_field(c, 1))) {
		*why = "alt_num is not a number";
		return -1;
	}
	if (*type != '\0' && strcmp(type, "aka") != 0 &&
	    strcmp(type, "fka") != 0 && strcmp(type, "nka") != 0) {
		*why = "alt_type is not aka, fka or nka";
		return -1;
	}
	if (*csv_field(c, 3) == '\0') {
		*why = "empty alt_name";
		return -1;
	}
	return 0;
}

static void
alt_row(struct csv *c, void *arg)
{
	party_batch_link(arg, PARTY_LINK_ALIAS, csv_field(c, 0),
	    csv_field(c, 3), c->row_line);
}

int
partyload_ofac_alt(struct party_batch *b, const char *name, const char *data,
    size_t len, struct buf *errs)
{
	return ofac_rows(name, data, len, 5, errs, alt_row, b, alt_check);
}

static int
add_check(struct csv *c, const char **why)
{
	if (!all_digits(csv_field(c, 1))) {
		*why = "Add_num is not a number";
		return -1;
	}
	return 0;
}

static void
add_row(struct csv *c, void *arg)
{
	if (*csv_field(c, 4) != '\0')
		party_batch_link(arg, PARTY_LINK_COUNTRY, csv_field(c, 0),
		    csv_field(c, 4), c->row_line);
	/* City, state or province, postal code: the place words. */
	party_batch_place(arg, csv_field(c, 3));
}

int
partyload_ofac_add(struct party_batch *b, const char *name, const char *data,
    size_t len, struct buf *errs)
{
	return ofac_rows(name, data, len, 6, errs, add_row, b, add_check);
}

/* ------------------------------------------------------------------ */
/* BIS Denied Persons List                                             */

static const char *const dpl_header[] = {
	"Name", "Street_Address", "City", "State", "Country", "Postal_Code",
	"Effective_Date", "Expiration_Date", "Standard_Order", "Last_Update",
	"Action", "FR_Citation",
};
#define DPL_NFIELDS	(sizeof(dpl_header) / sizeof(dpl_header[0]))

/* MM/DD/YYYY to YYYY-MM-DD in <out> (11 bytes); -1 if malformed. */
static int
us_date(const char *s, char out[11])
{
	int m, d, y;
	char tail;

	if (strlen(s) != 10 || sscanf(s, "%2d/%2d/%4d%c", &m, &d, &y,
	    &tail) != 3 || s[2] != '/' || s[5] != '/' || m < 1 || m > 12 ||
	    d < 1 || d > 31 || y < 1900 || y > 2999)
		return -1;
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
	return 0;
}

/* What reading one Denied Persons List file gathers row by row. */
struct dpl_read {
	const char	 *name;		/* the file, for messages */
	struct buf	 *errs;
	int		  nerr;
	int		  nrows;	/* rows read well */
	char		  today[11];	/* YYYY-MM-DD, UTC */
	char		  latest[11];	/* newest Last_Update so far */
	char		**refs;		/* row keys recorded */
	size_t		  nrefs;
};

/*
 * Reads the first line of <c>: the header the list is known by.  Returns
 * true if it is; else reports why to <errs>.
 */
static bool
dpl_header_ok(struct csv *c, const char *name, struct buf *errs)
{
	const char *why;
	size_t i;
	int r;

	if ((r = csv_next(c, &why)) <= 0) {
		buf_printf(errs, "%s:1: %s\n", name, r < 0 ? why :
		    "empty file");
		return false;
	}
	for (i = 0; i < DPL_NFIELDS; i++)
		if (c->nf != DPL_NFIELDS ||
		    strcmp(csv_field(c, i), dpl_header[i]) != 0) {
			buf_printf(errs, "%s:1: not a Denied Persons List "
			    "header (expected Name, Street_Address, ... "
			    "FR_Citation, tab-separated)\n", name);
			return false;
		}
	return true;
}

/*
 * The list has no identifiers: the row key (<hex>, 13 bytes) is a hash of
 * the folded name <nm> and the effective <date>.  Returns true if it is
 * new to <dr> (and records it), false for another row of the same person
 * with the same order (several addresses): one record.
 */
static bool
dpl_new_key(struct dpl_read *dr, const char *nm, const char *date,
    char hex[65])
{
	struct buf key;
	char *f = normalize_fold_str(nm);
	size_t i;

	buf_init(&key);
	buf_printf(&key, "%s|%s", f, date);
	free(f);
	util_sha256_hex(key.data, key.len, hex);
	buf_free(&key);
	hex[12] = '\0';
	for (i = 0; i < dr->nrefs; i++)
		if (strcmp(dr->refs[i], hex) == 0)
			return false;
	dr->refs = xreallocarray(dr->refs, dr->nrefs + 1, sizeof(char *));
	dr->refs[dr->nrefs++] = xstrdup(hex);
	return true;
}

/*
 * One well-formed row of <c>: a name and an effective date are required;
 * the newest Last_Update is the list's date, but the file has typos from
 * the future ("3017-08-22"), which do not count.  A new person is recorded
 * in <b>.
 */
static void
dpl_row(struct party_batch *b, struct csv *c, struct dpl_read *dr)
{
	const char *nm, *country, *upd;
	char date[11], hex[65];

	nm = csv_field(c, 0);
	while (*nm == ' ')
		nm++;
	if (*nm == '\0') {
		row_error(&dr->nerr, dr->errs, dr->name, c->row_line, "%s",
		    "empty Name");
		return;
	}
	if (us_date(csv_field(c, 6), date) != 0) {
		row_error(&dr->nerr, dr->errs, dr->name, c->row_line,
		    "Effective_Date \"%.20s\" is not MM/DD/YYYY",
		    csv_field(c, 6));
		return;
	}
	upd = csv_field(c, 9);
	if (strlen(upd) == 10 && strcmp(upd, dr->latest) > 0 &&
	    strcmp(upd, dr->today) <= 0)
		memcpy(dr->latest, upd, 11);
	dr->nrows++;
	if (!dpl_new_key(dr, nm, date, hex))
		return;
	country = csv_field(c, 4);
	party_batch_record(b, hex, "party", nm, "BIS DPL", date,
	    *country ? country : NULL);
}

int
partyload_bis_dpl(struct party_batch *b, const char *name, const char *data,
    size_t len, struct buf *errs)
{
	struct dpl_read dr;
	struct csv c;
	const char *why;
	char msg[128];
	time_t now = time(NULL);
	struct tm tm;
	size_t i;
	int r;

	memset(&dr, 0, sizeof(dr));
	dr.name = name;
	dr.errs = errs;
	gmtime_r(&now, &tm);
	strftime(dr.today, sizeof(dr.today), "%Y-%m-%d", &tm);
	csv_init(&c, name, data, len, '\t');
	if (!dpl_header_ok(&c, name, errs)) {
		csv_free(&c);
		return 1;
	}
	while ((r = csv_next(&c, &why)) != 0) {
		if (r < 0) {
			row_error(&dr.nerr, errs, name, c.row_line, "%s", why);
			if (strcmp(why, "unterminated quoted field") == 0)
				break;
			continue;
		}
		if (c.nf != DPL_NFIELDS) {
			snprintf(msg, sizeof(msg), "expected %zu fields, "
			    "found %zu", DPL_NFIELDS, c.nf);
			row_error(&dr.nerr, errs, name, c.row_line, "%s", msg);
			continue;
		}
		dpl_row(b, &c, &dr);
	}
	if (dr.nerr == 0 && dr.nrows == 0) {
		buf_printf(errs, "%s:2: no rows after the header\n", name);
		dr.nerr++;
	}
	if (dr.latest[0] != '\0')
		party_batch_generated(b, dr.latest);
	errors_summary(dr.nerr, errs, name);
	for (i = 0; i < dr.nrefs; i++)
		free(dr.refs[i]);
	free(dr.refs);
	csv_free(&c);
	return dr.nerr;
}

/* ------------------------------------------------------------------ */
/* UN Security Council consolidated list                               */

/* The text of <n>, whitespace runs collapsed, trimmed (caller frees). */
static char *
node_text(xmlNode *n)
{
	xmlChar *raw = xmlNodeGetContent(n);
	struct buf b;
	const char *s;
	bool space = false;

	buf_init(&b);
	for (s = (const char *)raw; s != NULL && *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			space = b.len > 0;
			continue;
		}
		if (space)
			buf_addc(&b, ' ');
		space = false;
		buf_addc(&b, *s);
	}
	xmlFree(raw);
	if (b.len == 0) {
		buf_free(&b);
		return xstrdup("");
	}
	return buf_release(&b);
}

static bool
is_elem(xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

/* Text of the first child element <name> of <parent> (caller frees). */
static char *
child_text(xmlNode *parent, const char *name)
{
	xmlNode *n;

	for (n = parent->children; n != NULL; n = n->next)
		if (is_elem(n, name))
			return node_text(n);
	return xstrdup("");
}

/* First non-empty <sub> text under a child <name> of <parent>. */
static char *
nested_text(xmlNode *parent, const char *name, const char *sub)
{
	xmlNode *n;

	for (n = parent->children; n != NULL; n = n->next) {
		char *t;

		if (!is_elem(n, name))
			continue;
		t = child_text(n, sub);
		if (*t != '\0')
			return t;
		free(t);
	}
	return NULL;
}

/* The subject's name: FIRST_NAME to FOURTH_NAME, those present, into <full>. */
static void
un_full_name(xmlNode *s, struct buf *full)
{
	static const char *const parts[] = {
		"FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME",
	};
	size_t i;
	char *t;

	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		t = child_text(s, parts[i]);
		if (*t != '\0') {
			if (full->len > 0)
				buf_addc(full, ' ');
			buf_adds(full, t);
		}
		free(t);
	}
}

/*
 * True if LISTED_ON <listed> is empty or YYYY-MM-DD; an xs:date zone
 * ("2015-04-07-04:00") is cut off in place first.
 */
static bool
un_listed_on_ok(char *listed)
{
	if (strlen(listed) > 10 && (listed[10] == '-' || listed[10] == '+' ||
	    listed[10] == 'Z'))
		listed[10] = '\0';
	return *listed == '\0' || (strlen(listed) == 10 && listed[4] == '-' &&
	    listed[7] == '-' && isdigit((unsigned char)listed[0]));
}

/*
 * The country recorded with the subject (caller frees; NULL if none): a
 * person's first nationality, else the country of their first address; an
 * entity's first address.
 */
static char *
un_country(xmlNode *s, bool person)
{
	char *country;

	if (!person)
		return nested_text(s, "ENTITY_ADDRESS", "COUNTRY");
	country = nested_text(s, "NATIONALITY", "VALUE");
	if (country == NULL)
		country = nested_text(s, "INDIVIDUAL_ADDRESS", "COUNTRY");
	return country;
}

/* The city and province of address or birthplace <n>: place words. */
static void
un_places(struct party_batch *b, xmlNode *n)
{
	char *t;

	t = child_text(n, "CITY");
	party_batch_place(b, t);
	free(t);
	t = child_text(n, "STATE_PROVINCE");
	party_batch_place(b, t);
	free(t);
}

/*
 * The aliases of the subject just recorded in <b> (with their quality),
 * its name in the original script (a good alias), every country of its
 * nationalities and addresses, and the places of its addresses and birth.
 */
static void
un_aliases_countries(struct party_batch *b, xmlNode *s)
{
	xmlNode *n;
	char *t;

	for (n = s->children; n != NULL; n = n->next) {
		if (is_elem(n, "INDIVIDUAL_ALIAS") ||
		    is_elem(n, "ENTITY_ALIAS")) {
			char *q = child_text(n, "QUALITY");

			t = child_text(n, "ALIAS_NAME");
			party_batch_alias(b, t, strcasecmp(q, "low") == 0 ?
			    PARTY_Q_LOW : strcasecmp(q, "good") == 0 ?
			    PARTY_Q_GOOD : PARTY_Q_NONE);
			free(t);
			free(q);
		} else if (is_elem(n, "NAME_ORIGINAL_SCRIPT")) {
			t = node_text(n);
			party_batch_alias(b, t, PARTY_Q_GOOD);
			free(t);
		} else if (is_elem(n, "NATIONALITY") ||
		    is_elem(n, "ENTITY_ADDRESS") ||
		    is_elem(n, "INDIVIDUAL_ADDRESS")) {
			t = child_text(n, is_elem(n, "NATIONALITY") ?
			    "VALUE" : "COUNTRY");
			party_batch_country(b, t);
			free(t);
			if (!is_elem(n, "NATIONALITY"))
				un_places(b, n);
		} else if (is_elem(n, "INDIVIDUAL_PLACE_OF_BIRTH"))
			un_places(b, n);
	}
}

/*
 * One INDIVIDUAL or ENTITY: a name and a reference number are required,
 * LISTED_ON must be a date when present.  Returns 0 or -1 after reporting.
 */
static int
un_subject(struct party_batch *b, const char *name, xmlNode *s, bool person,
    int *nerr, struct buf *errs)
{
	struct buf full;
	char *ref, *regime, *listed, *country;
	int line = (int)xmlGetLineNo(s), rc = -1;

	buf_init(&full);
	un_full_name(s, &full);
	ref = child_text(s, "REFERENCE_NUMBER");
	if (full.len == 0 || *ref == '\0') {
		row_error(nerr, errs, name, line, "%s", full.len == 0 ?
		    "subject without FIRST_NAME" :
		    "subject without REFERENCE_NUMBER");
		buf_free(&full);
		free(ref);
		return -1;
	}
	regime = child_text(s, "UN_LIST_TYPE");
	listed = child_text(s, "LISTED_ON");
	if (!un_listed_on_ok(listed)) {
		row_error(nerr, errs, name, line, "LISTED_ON \"%.20s\" is not "
		    "YYYY-MM-DD", listed);
		goto done;
	}
	country = un_country(s, person);
	party_batch_record(b, ref, person ? "individual" : "entity",
	    full.data, regime, listed, country);
	un_aliases_countries(b, s);
	free(country);
	rc = 0;
done:
	buf_free(&full);
	free(ref);
	free(regime);
	free(listed);
	return rc;
}

/*
 * The line of a <!DOCTYPE before the root element, or 0.  The UN list has
 * none; a file that has one could declare entities that expand without
 * bound (billion laughs) or load outside files, so it is refused before
 * libxml2 sees it.  Comments and processing instructions are skipped.
 */
static int
xml_doctype_line(const char *data, size_t len)
{
	size_t i = 0;
	int line = 1;

	while (i < len) {
		if (data[i] == '\n')
			line++;
		if (data[i] != '<') {
			i++;
			continue;
		}
		if (i + 4 <= len && memcmp(data + i, "<!--", 4) == 0) {
			for (i += 4; i + 3 <= len &&
			    memcmp(data + i, "-->", 3) != 0; i++)
				if (data[i] == '\n')
					line++;
			i += 3;
			continue;
		}
		if (i + 2 <= len && data[i + 1] == '?') {
			for (i += 2; i + 2 <= len &&
			    memcmp(data + i, "?>", 2) != 0; i++)
				if (data[i] == '\n')
					line++;
			i += 2;
			continue;
		}
		if (i + 2 <= len && data[i + 1] == '!')
			return line;	/* <!DOCTYPE, <!ENTITY, <![CDATA[ */
		return 0;		/* the root element */
	}
	return 0;
}

/*
 * Refuses, before libxml2 sees it, a file that is too large or declares a
 * document type.  Returns true if <data> may be parsed; else reports why.
 */
static bool
un_xml_admissible(const char *name, const char *data, size_t len,
    struct buf *errs)
{
	int line;

	if (len > UN_XML_MAX_BYTES) {
		buf_printf(errs, "%s:1: file too large (%zu bytes; at most %d "
		    "MiB)\n", name, len, UN_XML_MAX_BYTES >> 20);
		return false;
	}
	if ((line = xml_doctype_line(data, len)) > 0) {
		buf_printf(errs, "%s:%d: a document type declaration "
		    "(<!DOCTYPE>, entities) is refused in a UN list\n", name,
		    line);
		return false;
	}
	return true;
}

/*
 * Parses <data> with <ctxt>.  No network, no DTD loading, no entity
 * substitution, and libxml2's own limits on depth, text size and entity
 * amplification kept on (no XML_PARSE_HUGE): the file comes from the
 * internet.  Returns the document (caller frees), or NULL after reporting
 * libxml2's message with its line.
 */
static xmlDoc *
un_xml_read(xmlParserCtxt *ctxt, const char *name, const char *data,
    size_t len, struct buf *errs)
{
	const xmlError *e;
	xmlDoc *doc;
	char msg[256] = "malformed XML", *huge;
	size_t l;

	doc = xmlCtxtReadMemory(ctxt, data, (int)len, name, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	    XML_PARSE_BIG_LINES);
	if (doc != NULL)
		return doc;
	e = xmlCtxtGetLastError(ctxt);
	if (e != NULL && e->message != NULL) {
		snprintf(msg, sizeof(msg), "%s", e->message);
		/* libxml2's limits advise a switch Cordon keeps off. */
		if ((huge = strstr(msg, " use XML_PARSE_HUGE")) != NULL)
			snprintf(huge, sizeof(msg) - (size_t)(huge - msg),
			    " (a limit kept for lists from outside)");
		l = strlen(msg);
		while (l > 0 && (msg[l - 1] == '\n' || msg[l - 1] == ' '))
			msg[--l] = '\0';
	}
	buf_printf(errs, "%s:%d: %s\n", name, e ? e->line : 1, msg);
	return NULL;
}

/*
 * Every INDIVIDUAL under INDIVIDUALS and ENTITY under ENTITIES of <root>
 * into <b>.  Returns the number of subjects read well.
 */
static int
un_subjects(struct party_batch *b, const char *name, xmlNode *root,
    int *nerr, struct buf *errs)
{
	xmlNode *grp, *s;
	int nsubj = 0;

	for (grp = root->children; grp != NULL; grp = grp->next) {
		bool person;

		if (is_elem(grp, "INDIVIDUALS"))
			person = true;
		else if (is_elem(grp, "ENTITIES"))
			person = false;
		else
			continue;
		for (s = grp->children; s != NULL; s = s->next) {
			if (!is_elem(s, person ? "INDIVIDUAL" : "ENTITY"))
				continue;
			if (un_subject(b, name, s, person, nerr, errs) == 0)
				nsubj++;
		}
	}
	return nsubj;
}

int
partyload_un_xml(struct party_batch *b, const char *name, const char *data,
    size_t len, struct buf *errs)
{
	xmlParserCtxt *ctxt;
	xmlDoc *doc;
	xmlNode *root;
	xmlChar *gen;
	int nerr = 0, nsubj;

	if (!un_xml_admissible(name, data, len, errs))
		return 1;
	if ((ctxt = xmlNewParserCtxt()) == NULL) {
		buf_printf(errs, "%s:1: cannot create an XML parser\n", name);
		return 1;
	}
	if ((doc = un_xml_read(ctxt, name, data, len, errs)) == NULL) {
		xmlFreeParserCtxt(ctxt);
		return 1;
	}
	root = xmlDocGetRootElement(doc);
	if (root == NULL || !is_elem(root, "CONSOLIDATED_LIST")) {
		buf_printf(errs, "%s:%d: root element is <%s>, not a UN "
		    "consolidated list <CONSOLIDATED_LIST>\n", name,
		    root ? (int)xmlGetLineNo(root) : 1,
		    root ? (const char *)root->name : "");
		nerr = 1;
		goto done;
	}
	if ((gen = xmlGetProp(root, (const xmlChar *)"dateGenerated")) !=
	    NULL) {
		party_batch_generated(b, (const char *)gen);
		xmlFree(gen);
	}
	nsubj = un_subjects(b, name, root, &nerr, errs);
	if (nerr == 0 && nsubj == 0) {
		buf_printf(errs, "%s:%d: no INDIVIDUAL or ENTITY\n", name,
		    (int)xmlGetLineNo(root));
		nerr = 1;
	}
	errors_summary(nerr, errs, name);
done:
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
	return nerr;
}
