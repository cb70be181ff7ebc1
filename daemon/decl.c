/*
 * Declaration contract checks.  Every violation of a required field is
 * collected (not only the first) so that a customs system can fix a message
 * in one round trip.  An optional field that is malformed is a finding, not
 * a violation: the declaration is still screened and stored, since losing
 * a whole declaration to a badly written CAS number would let its goods
 * through unscreened.  Every string of the declaration is inspected for
 * invisible, look-alike, bidi and control characters, each a finding too.
 * Unknown fields are kept in the raw JSON and ignored.
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <openssl/evp.h>
#include <utf8proc.h>

#include "decl.h"
#include "log.h"
#include "normalize.h"
#include "util.h"
#include "words.h"
#include "xmalloc.h"

#define DECL_MAX_ITEMS		999
#define DECL_MAX_DESCRIPTION	4096

static const char *types[] = { "export", "import", "transit", "re-export", NULL };
static const char *roles[] = { "exporter", "consignor", "consignee", "importer",
	"end_user", "declarant", "carrier", "notify", NULL };

struct vctx {
	json_t		*errors;
	json_t		*warnings;	/* kept as findings; declaration accepted */
	struct decl	*d;		/* owns normalised copies (decl_keep) */
	int		 seq;		/* item being checked, 0 outside items */
	int		 flags;		/* DECL_* */
};

static void	verr(struct vctx *, const char *, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
static void	vwarn(struct vctx *, const char *, const char *, json_t *,
		    const char *, ...) __attribute__((format(printf, 5, 6)));

/*
 * Field names ("items[2].cas[0]") are made for every member checked, most
 * of them never used: these write what snprintf("%s%s") and
 * snprintf("%s%s[%zu]") would, truncated the same way, without its cost.
 */
static void
field_join(char *dst, size_t size, const char *path, const char *key)
{
	size_t a = util_copy(dst, size, path);

	(void)util_copy(dst + a, size - a, key);
}

static void
field_join_index(char *dst, size_t size, const char *path, const char *key,
    size_t i)
{
	size_t len;

	field_join(dst, size, path, key);
	len = strlen(dst);
	util_field_at(dst + len, size - len, "", i, "");
}

/* "<path><key>[<i>]." in <dst> of <size> bytes, cut to fit: an element's
 * path, the prefix of its fields' names. */
static void
field_join_elem(char *dst, size_t size, const char *path, const char *key,
    size_t i)
{
	size_t len;

	field_join_index(dst, size, path, key, i);
	len = strlen(dst);
	field_join(dst + len, size - len, "", ".");
}

static void
verr(struct vctx *v, const char *field, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	util_utf8_scrub(msg);	/* truncation may cut a character */
	json_array_append_new(v->errors, json_pack("{s:s, s:s}", "field", field,
	    "message", msg));
}

/*
 * Records a finding of <kind> on <field>: the optional value <value> (a
 * borrowed JSON value, may be NULL) is reported and not used.
 */
static void
vwarn(struct vctx *v, const char *field, const char *kind, json_t *value,
    const char *fmt, ...)
{
	char msg[256];
	va_list ap;
	json_t *w;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	w = json_pack("{s:s, s:s, s:s}", "field", field, "kind", kind,
	    "message", msg);
	if (v->seq > 0)
		json_object_set_new(w, "item_seq", json_integer(v->seq));
	if (value != NULL) {
		if (json_is_string(value))
			json_object_set(w, "value", value);
		else {
			char *dump = json_dumps(value, JSON_COMPACT |
			    JSON_ENCODE_ANY);

			if (dump != NULL) {
				json_object_set_new(w, "value",
				    json_string(dump));
				free(dump);
			}
		}
	}
	json_array_append_new(v->warnings, w);
}

/* Keeps a copy of <s> for the declaration's lifetime and returns it. */
static const char *
decl_keep(struct decl *d, const char *s)
{
	d->owned = xreallocarray(d->owned, d->nowned + 1, sizeof(*d->owned));
	d->owned[d->nowned] = xstrdup(s);
	return d->owned[d->nowned++];
}

static bool
in_set(const char *s, const char **set)
{
	for (; *set; set++)
		if (strcmp(s, *set) == 0)
			return true;
	return false;
}

static bool
is_country(const char *s)
{
	return strlen(s) == 2 && isupper((unsigned char)s[0]) &&
	    isupper((unsigned char)s[1]);
}

static size_t
utf8_chars(const char *s, bool *valid)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t n;
	size_t count = 0, len = strlen(s), off = 0;

	*valid = true;
	while (off < len) {
		n = utf8proc_iterate((const utf8proc_uint8_t *)s + off,
		    (utf8proc_ssize_t)(len - off), &cp);
		if (n <= 0) {
			*valid = false;
			return count;
		}
		off += (size_t)n;
		count++;
	}
	return count;
}

/* A lenient source left out an item field: a finding, not an error. */
static void
missing_item_field(struct vctx *v, const struct decl_item *x, const char *path,
    const char *key, const char *message)
{
	char field[96];

	field_join(field, sizeof(field), path, key);
	json_array_append_new(v->warnings, json_pack("{s:i, s:s, s:s, s:s}",
	    "item_seq", x->seq, "field", field, "kind", key[0] == 'h' ?
	    "hs_code_missing" : "description_missing", "message", message));
}

/*
 * Optional string member: NULL if absent or null; a finding (and NULL) if
 * it is not a string.
 */
static const char *
opt_str(struct vctx *v, json_t *obj, const char *key, const char *path)
{
	json_t *j = json_object_get(obj, key);
	char field[128];

	if (j == NULL || json_is_null(j))
		return NULL;
	if (!json_is_string(j)) {
		field_join(field, sizeof(field), path, key);
		vwarn(v, field, "malformed_optional", j, "must be a string; "
		    "not used");
		return NULL;
	}
	return json_string_value(j);
}

static const char *
req_str(struct vctx *v, json_t *obj, const char *key, const char *path)
{
	json_t *j = json_object_get(obj, key);
	char field[128];

	field_join(field, sizeof(field), path, key);
	if (j == NULL || json_is_null(j)) {
		verr(v, field, "is required");
		return NULL;
	}
	if (!json_is_string(j)) {
		verr(v, field, "must be a string");
		return NULL;
	}
	return json_string_value(j);
}

/*
 * An ISO 3166-1 alpha-2 code as customs systems write it: "IR", " ir ".
 * Returns the two capitals in <out>, or false.
 */
static bool
read_country(const char *s, char out[3])
{
	size_t b = strspn(s, " \t"), e = strlen(s);

	while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	if (e - b != 2 || !isalpha((unsigned char)s[b]) ||
	    !isalpha((unsigned char)s[b + 1]))
		return false;
	out[0] = (char)toupper((unsigned char)s[b]);
	out[1] = (char)toupper((unsigned char)s[b + 1]);
	out[2] = '\0';
	return true;
}

/* Optional country: a finding (and NULL) if it cannot be read. */
static const char *
opt_country_value(struct vctx *v, json_t *j, const char *field)
{
	char cc[3];

	if (!json_is_string(j)) {
		vwarn(v, field, "malformed_optional", j, "must be an ISO 3166-1 "
		    "alpha-2 code; not used");
		return NULL;
	}
	if (is_country(json_string_value(j)))
		return json_string_value(j);
	if (!read_country(json_string_value(j), cc)) {
		vwarn(v, field, "malformed_optional", j, "is not an ISO 3166-1 "
		    "alpha-2 code (two letters); not used");
		return NULL;
	}
	return decl_keep(v->d, cc);
}

static void
opt_country(struct vctx *v, json_t *obj, const char *key, const char *path,
    const char **dst)
{
	json_t *j = json_object_get(obj, key);
	char field[128];

	*dst = NULL;
	if (j == NULL || json_is_null(j))
		return;
	field_join(field, sizeof(field), path, key);
	*dst = opt_country_value(v, j, field);
}

static void
opt_number(struct vctx *v, json_t *obj, const char *key, const char *path)
{
	json_t *j = json_object_get(obj, key);
	char field[128];

	if (j == NULL || json_is_null(j))
		return;
	field_join(field, sizeof(field), path, key);
	if (!json_is_number(j))
		vwarn(v, field, "malformed_optional", j, "must be a number; "
		    "not used");
	else if (json_number_value(j) < 0)
		vwarn(v, field, "malformed_optional", j, "must not be "
		    "negative; not used");
}

/*
 * Optional array of strings into *out, each element passed through <read>
 * (may be NULL: kept as is), which returns the value to keep or NULL after
 * reporting its own finding.  A single string stands for an array of one.
 * <pos>, if not NULL, receives each kept element's index in the array.
 */
static void
opt_strarray(struct vctx *v, json_t *obj, const char *key, const char *path,
    const char ***out, size_t *n, size_t **pos,
    const char *(*read)(struct vctx *, json_t *, const char *))
{
	json_t *j = json_object_get(obj, key), *el, *one = NULL;
	char field[160];
	size_t i;

	*out = NULL;
	*n = 0;
	if (pos != NULL)
		*pos = NULL;
	if (j == NULL || json_is_null(j))
		return;
	field_join(field, sizeof(field), path, key);
	if (json_is_string(j)) {
		one = json_array();
		json_array_append(one, j);
		j = one;
	} else if (!json_is_array(j)) {
		vwarn(v, field, "malformed_optional", j, "must be an array of "
		    "strings; not used");
		return;
	}
	*out = xcalloc(json_array_size(j) + 1, sizeof(**out));
	if (pos != NULL)
		*pos = xcalloc(json_array_size(j) + 1, sizeof(**pos));
	json_array_foreach(j, i, el) {
		const char *val;

		if (one != NULL)
			field_join(field, sizeof(field), path, key);
		else
			field_join_index(field, sizeof(field), path, key, i);
		if (read != NULL)
			val = read(v, el, field);
		else if (!json_is_string(el)) {
			vwarn(v, field, "malformed_optional", el, "must be a "
			    "string; not used");
			val = NULL;
		} else
			val = json_string_value(el);
		if (val == NULL)
			continue;
		if (pos != NULL)
			(*pos)[*n] = i;
		(*out)[(*n)++] = val;
	}
	/* Elements are borrowed from the raw JSON, which holds <one>'s. */
	json_decref(one);
}

/*
 * One element of "cas": any common notation ("7719-12-2", "7719 12 2",
 * "506/59/2", en dashes, "CAS 75-97-8") read into NNNNNNN-NN-N.  A check
 * digit that fails is kept (screening reports it); a value that is no CAS
 * number is a finding.
 */
static const char *
read_cas(struct vctx *v, json_t *el, const char *field)
{
	char cas[16];

	if (!json_is_string(el)) {
		vwarn(v, field, "cas_unreadable", el, "must be a CAS registry "
		    "number (NNNNNNN-NN-N) as a string; not matched");
		return NULL;
	}
	if (normalize_cas(json_string_value(el), cas) == -1) {
		vwarn(v, field, "cas_unreadable", el, "cannot be read as a CAS "
		    "registry number (NNNNNNN-NN-N); not matched");
		return NULL;
	}
	if (strcmp(cas, json_string_value(el)) == 0)
		return json_string_value(el);
	return decl_keep(v->d, cas);
}

/* An item's seq runs from 1 to this (the API contract, console/openapi.json). */
#define ITEM_SEQ_MAX	99999

/* Item <x>'s seq: present, an integer in range, unique in <d>. */
static void
check_item_seq(struct vctx *v, struct decl *d, struct decl_item *x,
    json_t *it, const char *path)
{
	char field[96];
	json_t *seq;
	size_t j;

	seq = json_object_get(it, "seq");
	field_join(field, sizeof(field), path, "seq");
	if (seq == NULL || json_is_null(seq))
		verr(v, field, "is required");
	else if (!json_is_integer(seq) || json_integer_value(seq) < 1 ||
	    json_integer_value(seq) > ITEM_SEQ_MAX)
		verr(v, field, "must be an integer from 1 to %d", ITEM_SEQ_MAX);
	else {
		x->seq = (int)json_integer_value(seq);
		v->seq = x->seq;
		for (j = 0; j < d->nitems; j++)
			if (d->items[j].seq == x->seq) {
				verr(v, field, "duplicate seq %d", x->seq);
				break;
			}
	}
}

/*
 * Item <x>'s commodity code and description: required (a finding instead
 * when the caller allows items without them), the code readable as HS6,
 * CN8 or TARIC10, the description valid UTF-8, bounded and not blank.
 */
static void
check_item_goods(struct vctx *v, struct decl_item *x, json_t *it,
    const char *path)
{
	char field[96];
	const char *why;
	bool valid;

	if ((v->flags & DECL_ITEM_CODE_OPTIONAL) &&
	    json_object_get(it, "hs_code") == NULL) {
		missing_item_field(v, x, path, "hs_code", "no commodity "
		    "code declared; screened on its description");
		x->hs_raw = NULL;
	} else
		x->hs_raw = req_str(v, it, "hs_code", path);
	if (x->hs_raw && normalize_hs(x->hs_raw, 4, x->hs, &why) == -1) {
		snprintf(field, sizeof(field), "%shs_code", path);
		verr(v, field, "%s (4 to 10 digits: HS6, CN8 or TARIC10)",
		    why);
	}
	if ((v->flags & DECL_ITEM_CODE_OPTIONAL) &&
	    json_object_get(it, "description") == NULL) {
		missing_item_field(v, x, path, "description", "no "
		    "description declared; screened on its code");
		x->description = "";
	} else
		x->description = req_str(v, it, "description", path);
	if (x->description && x->description[0] == '\0' &&
	    (v->flags & DECL_ITEM_CODE_OPTIONAL))
		;	/* reported above */
	else if (x->description) {
		field_join(field, sizeof(field), path, "description");
		utf8_chars(x->description, &valid);
		if (!valid)
			verr(v, field, "is not valid UTF-8");
		else if (strlen(x->description) > DECL_MAX_DESCRIPTION)
			verr(v, field, "is longer than %d bytes",
			    DECL_MAX_DESCRIPTION);
		else if (x->description[strspn(x->description,
		    " \t\r\n")] == '\0')
			verr(v, field, "must not be empty");
	}
}

/*
 * Item <x>'s origin.  Origin is informative and real declarations carry
 * spellings such as "GB GB" (origin and preferential origin): keep the
 * item and report the field as a finding rather than refuse it all.
 */
static void
check_item_origin(struct vctx *v, struct decl *d, struct decl_item *x,
    json_t *it, const char *path)
{
	char field[96], cc[3];

	x->origin = opt_str(v, it, "origin", path);
	if (x->origin == NULL || is_country(x->origin))
		return;
	snprintf(field, sizeof(field), "%sorigin", path);
	if (read_country(x->origin, cc))
		x->origin = decl_keep(d, cc);
	else {
		vwarn(v, field, "origin_not_iso",
		    json_object_get(it, "origin"), "origin is "
		    "not an ISO 3166-1 alpha-2 code; not used");
		x->origin = NULL;
	}
}

/* Item <i> of the array, <it>: every field checked, the item kept. */
static void
check_item(struct vctx *v, struct decl *d, json_t *it, size_t i)
{
	struct decl_item *x = &d->items[d->nitems];
	char path[64], field[96];

	field_join_elem(path, sizeof(path), "items", "", i);
	if (!json_is_object(it)) {
		snprintf(field, sizeof(field), "items[%zu]", i);
		verr(v, field, "must be an object");
		return;
	}
	check_item_seq(v, d, x, it, path);
	check_item_goods(v, x, it, path);
	opt_strarray(v, it, "cas", path, &x->cas, &x->ncas, &x->cas_pos,
	    read_cas);
	opt_strarray(v, it, "documents", path, &x->documents,
	    &x->ndocuments, NULL, NULL);
	opt_number(v, it, "quantity", path);
	opt_number(v, it, "net_mass_kg", path);
	opt_number(v, it, "value", path);
	(void)opt_str(v, it, "unit", path);
	(void)opt_str(v, it, "currency", path);
	check_item_origin(v, d, x, it, path);
	v->seq = 0;
	d->nitems++;
}

/*
 * The items array: required unless the caller allows a declaration without
 * goods, an array of 1 to DECL_MAX_ITEMS items, each checked in turn.
 */
static void
check_items(struct vctx *v, struct decl *d, json_t *items)
{
	json_t *it;
	size_t i;

	if ((v->flags & DECL_GOODS_OPTIONAL) && (items == NULL ||
	    (json_is_array(items) && json_array_size(items) == 0)))
		return;
	if (items == NULL || json_is_null(items)) {
		verr(v, "items", "is required");
		return;
	}
	if (!json_is_array(items)) {
		verr(v, "items", "must be an array");
		return;
	}
	if (json_array_size(items) == 0 ||
	    json_array_size(items) > DECL_MAX_ITEMS) {
		verr(v, "items", "must hold 1 to %d items", DECL_MAX_ITEMS);
		if (json_array_size(items) == 0)
			return;
	}
	d->items = xcalloc(json_array_size(items), sizeof(*d->items));
	json_array_foreach(items, i, it)
		check_item(v, d, it, i);
}

static void
check_parties(struct vctx *v, struct decl *d, json_t *parties)
{
	json_t *p;
	size_t i;

	if (parties == NULL || json_is_null(parties))
		return;
	if (!json_is_array(parties)) {
		vwarn(v, "parties", "malformed_optional", parties, "must be an "
		    "array of party objects; parties not screened");
		return;
	}
	d->parties = xcalloc(json_array_size(parties) + 1, sizeof(*d->parties));
	json_array_foreach(parties, i, p) {
		struct decl_party *x = &d->parties[d->nparties];
		char path[64], field[96];

		field_join_elem(path, sizeof(path), "parties", "", i);
		if (!json_is_object(p)) {
			snprintf(field, sizeof(field), "parties[%zu]", i);
			vwarn(v, field, "malformed_optional", p, "must be an "
			    "object; party not screened");
			continue;
		}
		x->role = req_str(v, p, "role", path);
		if (x->role && !in_set(x->role, roles)) {
			snprintf(field, sizeof(field), "%srole", path);
			verr(v, field, "must be one of exporter consignor "
			    "consignee importer end_user declarant carrier notify");
		}
		x->name = req_str(v, p, "name", path);
		if (x->name && x->name[0] == '\0') {
			snprintf(field, sizeof(field), "%sname", path);
			verr(v, field, "must not be empty");
		}
		opt_country(v, p, "country", path, &x->country);
		x->address = opt_str(v, p, "address", path);
		x->id = opt_str(v, p, "id", path);
		d->nparties++;
	}
}

static void
check_route(struct vctx *v, struct decl *d, json_t *route)
{
	if (route == NULL || json_is_null(route))
		return;
	if (!json_is_object(route)) {
		vwarn(v, "route", "malformed_optional", route, "must be an "
		    "object; route not screened");
		return;
	}
	opt_country(v, route, "dispatch", "route.", &d->dispatch);
	opt_country(v, route, "destination", "route.", &d->destination);
	opt_strarray(v, route, "transit", "route.", &d->transit, &d->ntransit,
	    NULL, opt_country_value);
}

/* True if <s> holds a C0 or C1 control character or DEL. */
static bool
has_control(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	for (; *u; u++)
		if (*u < 0x20 || *u == 0x7f ||
		    (u[0] == 0xc2 && u[1] >= 0x80 && u[1] <= 0x9f))
			return true;
	return false;
}

/* The code points of <r> as "U+XXXX" strings. */
static json_t *
code_points(const struct norm_report *r)
{
	json_t *arr = json_array();
	size_t i;

	for (i = 0; i < r->ncp; i++) {
		char cp[16];

		snprintf(cp, sizeof(cp), "U+%04X", (unsigned)r->cp[i]);
		json_array_append_new(arr, json_string(cp));
	}
	return arr;
}

/*
 * Reports a string that carried characters folding had to undo: invisible
 * code points inside a word, look-alike letters of another script, bidi
 * controls (obfuscated_text) and control characters (control_characters).
 * The value is not echoed: it is what would mislead the reader.
 */
static void
inspect_string(struct vctx *v, const char *s, size_t len, const char *field)
{
	struct norm_report r;
	unsigned f = normalize_inspect(s, len, &r);
	struct buf what;
	json_t *w;

	if (f & (NORM_INVISIBLE | NORM_LOOKALIKE | NORM_BIDI)) {
		buf_init(&what);
		if (f & NORM_INVISIBLE)
			buf_adds(&what, "invisible characters inside a word");
		if (f & NORM_LOOKALIKE)
			buf_printf(&what, "%sletters of another script that "
			    "imitate Latin ones", what.len ? ", " : "");
		if (f & NORM_BIDI)
			buf_printf(&what, "%sbidirectional controls that "
			    "reorder the text", what.len ? ", " : "");
		w = json_pack("{s:s, s:s, s:s+, s:o}", "field", field, "kind",
		    "obfuscated_text", "message", what.data, "; screened as "
		    "if written plainly", "code_points", code_points(&r));
		if (v->seq > 0)
			json_object_set_new(w, "item_seq", json_integer(v->seq));
		json_array_append_new(v->warnings, w);
		buf_free(&what);
	}
	if (f & NORM_CONTROL) {
		w = json_pack("{s:s, s:s, s:s, s:o}", "field", field, "kind",
		    "control_characters", "message", "control characters "
		    "removed before screening", "code_points",
		    code_points(&r));
		if (v->seq > 0)
			json_object_set_new(w, "item_seq", json_integer(v->seq));
		json_array_append_new(v->warnings, w);
	}
}

#define PATH_MAX_LEN	256

/* Appends <s> (<n> bytes) to <path> of length <len>; returns the new length. */
static size_t
path_add(char *path, size_t len, const char *s, size_t n)
{
	if (len + n >= PATH_MAX_LEN)
		n = PATH_MAX_LEN - 1 - len;
	memcpy(path + len, s, n);
	path[len + n] = '\0';
	return len + n;
}

/*
 * Walks every string of the declaration, known fields and unknown alike,
 * naming each by its field path, built in <path> (<len> bytes so far).
 * Keys that are not printable ASCII are written as '?' in paths.
 */
static void
inspect_strings(struct vctx *v, json_t *j, char *path, size_t len, int depth)
{
	const char *key;
	json_t *el;
	size_t i, n, k;
	char idx[24];

	if (depth > 16)
		return;
	if (json_is_string(j)) {
		inspect_string(v, json_string_value(j), json_string_length(j),
		    path);
		return;
	}
	if (json_is_array(j)) {
		json_array_foreach(j, i, el) {
			int saved = v->seq;

			field_join_index(idx, sizeof(idx), "", "", i);
			n = path_add(path, len, idx, strlen(idx));
			if (depth == 1 && strcmp(path, "items") != 0 &&
			    strncmp(path, "items[", 6) == 0 &&
			    json_is_integer(json_object_get(el, "seq")))
				v->seq = (int)json_integer_value(
				    json_object_get(el, "seq"));
			inspect_strings(v, el, path, n, depth + 1);
			v->seq = saved;
			path[len] = '\0';
		}
		return;
	}
	if (!json_is_object(j))
		return;
	json_object_foreach(j, key, el) {
		if (!json_is_string(el) && !json_is_array(el) &&
		    !json_is_object(el))
			continue;
		n = len > 0 ? path_add(path, len, ".", 1) : len;
		k = n;
		n = path_add(path, n, key, strlen(key));
		for (; k < n; k++)
			if (path[k] <= 0x20 || path[k] >= 0x7f)
				path[k] = '?';
		inspect_strings(v, el, path, n, depth + 1);
		path[len] = '\0';
	}
}

struct decl *
decl_from_json(json_t *root, json_t **errp, int *statusp)
{
	return decl_from_json_flags(root, 0, errp, statusp);
}

struct decl *
decl_from_json_flags(json_t *root, int flags, json_t **errp, int *statusp)
{
	struct vctx v;
	struct decl *d;
	json_t *fj;
	bool valid;

	*errp = NULL;
	if (!json_is_object(root)) {
		*statusp = 422;
		*errp = json_pack("{s:s, s:[{s:s, s:s}]}", "error",
		    "declaration does not follow the contract", "errors",
		    "field", "", "message", "the declaration must be a JSON object");
		return NULL;
	}
	d = xcalloc(1, sizeof(*d));
	d->raw = json_incref(root);
	v.errors = json_array();
	v.flags = flags;
	v.warnings = json_array();
	v.d = d;
	v.seq = 0;
	d->reference = req_str(&v, root, "reference", "");
	if (d->reference) {
		size_t n = utf8_chars(d->reference, &valid);

		if (!valid || n < 1 || n > 64)
			verr(&v, "reference", "must be 1 to 64 characters");
		else if (has_control(d->reference))
			verr(&v, "reference", "must not contain control "
			    "characters");
	}
	fj = json_object_get(root, "function");
	if (fj != NULL && !json_is_null(fj)) {
		/* Not an optional oddity: it decides what is stored. */
		int k = words_index("functions", json_string_value(fj));

		if (k < 0)
			verr(&v, "function", "must be one of original amendment "
			    "cancellation");
		else
			d->function = (enum decl_function)k;
	}
	/* A cancellation names the declaration; it declares nothing. */
	if (d->function == DECL_FUNCTION_CANCELLATION)
		v.flags = flags |= DECL_GOODS_OPTIONAL;
	if ((flags & DECL_GOODS_OPTIONAL) && json_object_get(root, "type") ==
	    NULL)
		d->type = NULL;
	else
		d->type = req_str(&v, root, "type", "");
	if (d->type && !in_set(d->type, types))
		verr(&v, "type", "must be one of export import transit re-export");
	d->lodged_at = opt_str(&v, root, "lodged_at", "");
	if (d->lodged_at && !util_is_rfc3339(d->lodged_at)) {
		vwarn(&v, "lodged_at", "malformed_optional",
		    json_object_get(root, "lodged_at"), "must be an RFC 3339 "
		    "date-time; not used");
		d->lodged_at = NULL;
	}
	d->customs_office = opt_str(&v, root, "customs_office", "");
	check_parties(&v, d, json_object_get(root, "parties"));
	check_route(&v, d, json_object_get(root, "route"));
	check_items(&v, d, json_object_get(root, "items"));
	if (json_array_size(v.errors) == 0) {
		char path[PATH_MAX_LEN] = "";

		inspect_strings(&v, root, path, 0, 0);
	}
	if (json_array_size(v.errors) > 0) {
		*statusp = 422;
		*errp = json_pack("{s:s, s:o}", "error",
		    "declaration does not follow the contract", "errors",
		    v.errors);
		json_decref(v.warnings);
		decl_free(d);
		return NULL;
	}
	json_decref(v.errors);
	d->warnings = v.warnings;
	return d;
}

struct decl *
decl_parse(const char *data, size_t len, json_t **errp, int *statusp)
{
	json_error_t jerr;
	json_t *root;
	struct decl *d;

	root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL) {
		*statusp = 400;
		util_utf8_scrub(jerr.text);	/* it may quote the input */
		*errp = json_pack("{s:s, s:s, s:I, s:i, s:i}", "error",
		    "malformed JSON", "detail", jerr.text, "offset",
		    (json_int_t)jerr.position, "line", jerr.line, "column",
		    jerr.column);
		return NULL;
	}
	d = decl_from_json(root, errp, statusp);
	json_decref(root);
	return d;
}

void
decl_free(struct decl *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->nitems; i++) {
		free(d->items[i].cas);
		free(d->items[i].cas_pos);
		free(d->items[i].documents);
	}
	for (i = 0; i < d->nowned; i++)
		free(d->owned[i]);
	free(d->owned);
	free(d->items);
	free(d->parties);
	free(d->transit);
	json_decref(d->warnings);
	json_decref(d->raw);
	free(d);
}

#define CANON_FLAGS	(JSON_COMPACT | JSON_SORT_KEYS | JSON_ENSURE_ASCII)

char *
decl_canonical(const struct decl *d)
{
	char *s = json_dumps(d->raw, CANON_FLAGS);

	if (s == NULL)
		s = xstrdup("");
	return s;
}

/* decl_canonical_sha256's digest, fed in blocks from a buffer. */
struct canon_hash {
	EVP_MD_CTX	*md;
	size_t		 n;
	char		 buf[2048];
};

static int
canon_hash_add(const char *s, size_t len, void *arg)
{
	struct canon_hash *h = arg;

	if (h->n + len > sizeof(h->buf)) {
		if (EVP_DigestUpdate(h->md, h->buf, h->n) != 1)
			return -1;
		h->n = 0;
		if (len > sizeof(h->buf))
			return EVP_DigestUpdate(h->md, s, len) == 1 ? 0 : -1;
	}
	memcpy(h->buf + h->n, s, len);
	h->n += len;
	return 0;
}

void
decl_canonical_sha256(const struct decl *d, char out[65])
{
	struct canon_hash h;
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;

	if ((h.md = EVP_MD_CTX_new()) == NULL)
		fatalx("EVP_MD_CTX_new failed");
	h.n = 0;
	if (EVP_DigestInit_ex(h.md, util_sha256_md(), NULL) != 1)
		fatalx("EVP_DigestInit_ex failed");
	/* what json_dumps would have written, or "" as decl_canonical says */
	if (d->raw == NULL ||
	    json_dump_callback(d->raw, canon_hash_add, &h, CANON_FLAGS) != 0) {
		h.n = 0;
		if (EVP_DigestInit_ex(h.md, util_sha256_md(), NULL) != 1)
			fatalx("EVP_DigestInit_ex failed");
	}
	if (EVP_DigestUpdate(h.md, h.buf, h.n) != 1 ||
	    EVP_DigestFinal_ex(h.md, md, &mdlen) != 1 || mdlen != 32)
		fatalx("SHA-256 failed");
	EVP_MD_CTX_free(h.md);
	util_hex(md, mdlen, out);
	out[64] = '\0';
}

/* ---- header-only amendments ----------------------------------------- */

/* True if the party <p> has a role one of <parties> also has. */
static bool
role_named(json_t *parties, json_t *p)
{
	const char *role = json_string_value(json_object_get(p, "role"));
	json_t *q;
	size_t i;

	if (role == NULL || !json_is_array(parties))
		return false;
	json_array_foreach(parties, i, q)
		if (json_is_string(json_object_get(q, "role")) &&
		    strcmp(json_string_value(json_object_get(q, "role")),
		    role) == 0)
			return true;
	return false;
}

json_t *
decl_merge_goods(json_t *amendment, json_t *stored, const char *stored_id,
    int stored_version)
{
	json_t *out, *v, *ap, *sp, *merged, *route;
	const char *key;
	size_t i;

	if (!json_is_object(amendment) || !json_is_object(stored))
		return NULL;
	out = json_deep_copy(stored);
	json_object_foreach(amendment, key, v) {
		if (strcmp(key, "items") == 0 || strcmp(key, "parties") == 0 ||
		    strcmp(key, "route") == 0)
			continue;
		json_object_set(out, key, v);
	}
	/* Parties: the roles the amendment names replace those roles. */
	ap = json_object_get(amendment, "parties");
	sp = json_object_get(stored, "parties");
	if (json_is_array(ap) && json_array_size(ap) > 0) {
		merged = json_array();
		json_array_foreach(sp, i, v)
			if (!role_named(ap, v))
				json_array_append(merged, v);
		json_array_foreach(ap, i, v)
			json_array_append(merged, v);
		json_object_set_new(out, "parties", merged);
	}
	/* Route: what the amendment states, key by key. */
	if (json_is_object(json_object_get(amendment, "route"))) {
		route = json_is_object(json_object_get(out, "route")) ?
		    json_object_get(out, "route") : NULL;
		if (route == NULL) {
			route = json_object();
			json_object_set_new(out, "route", route);
		}
		json_object_foreach(json_object_get(amendment, "route"), key, v)
			json_object_set(route, key, v);
	}
	json_object_set_new(out, "goods_from", json_pack("{s:s, s:i}", "id",
	    stored_id, "version", stored_version));
	return out;
}
