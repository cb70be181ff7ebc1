/*
 * Declaration contract checks.  Every violation is collected (not only the
 * first) so that a customs system can fix a message in one round trip.
 * Unknown fields are kept in the raw JSON and ignored.
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <utf8proc.h>

#include "decl.h"
#include "normalize.h"
#include "util.h"
#include "xmalloc.h"

#define DECL_MAX_ITEMS		999
#define DECL_MAX_DESCRIPTION	4096

static const char *types[] = { "export", "import", "transit", "re-export", NULL };
static const char *roles[] = { "exporter", "consignor", "consignee", "importer",
	"end_user", "declarant", "carrier", "notify", NULL };

struct vctx {
	json_t	*errors;
	json_t	*warnings;	/* kept as findings; the declaration is accepted */
	int	 flags;		/* DECL_* */
};

static void	verr(struct vctx *, const char *, const char *, ...)
		    __attribute__((format(printf, 3, 4)));

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

	snprintf(field, sizeof(field), "%s%s", path, key);
	json_array_append_new(v->warnings, json_pack("{s:i, s:s, s:s, s:s}",
	    "item_seq", x->seq, "field", field, "kind", key[0] == 'h' ?
	    "hs_code_missing" : "description_missing", "message", message));
}

/* Optional string member: NULL if absent or null; error if not a string. */
static const char *
opt_str(struct vctx *v, json_t *obj, const char *key, const char *path)
{
	json_t *j = json_object_get(obj, key);
	char field[128];

	if (j == NULL || json_is_null(j))
		return NULL;
	if (!json_is_string(j)) {
		snprintf(field, sizeof(field), "%s%s", path, key);
		verr(v, field, "must be a string");
		return NULL;
	}
	return json_string_value(j);
}

static const char *
req_str(struct vctx *v, json_t *obj, const char *key, const char *path)
{
	json_t *j = json_object_get(obj, key);
	char field[128];

	snprintf(field, sizeof(field), "%s%s", path, key);
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

static void
opt_country(struct vctx *v, json_t *obj, const char *key, const char *path,
    const char **dst)
{
	char field[128];

	*dst = opt_str(v, obj, key, path);
	if (*dst && !is_country(*dst)) {
		snprintf(field, sizeof(field), "%s%s", path, key);
		verr(v, field, "must be an ISO 3166-1 alpha-2 code (two capital "
		    "letters)");
	}
}

static void
opt_number(struct vctx *v, json_t *obj, const char *key, const char *path)
{
	json_t *j = json_object_get(obj, key);
	char field[128];

	if (j == NULL || json_is_null(j))
		return;
	snprintf(field, sizeof(field), "%s%s", path, key);
	if (!json_is_number(j))
		verr(v, field, "must be a number");
	else if (json_number_value(j) < 0)
		verr(v, field, "must not be negative");
}

/*
 * Optional array of strings into *out (borrowed pointers).  Each element is
 * checked with <valid> (may be NULL) and reported by its own index.
 */
static void
opt_strarray(struct vctx *v, json_t *obj, const char *key, const char *path,
    const char ***out, size_t *n, bool (*valid)(const char *),
    const char *invalid_msg)
{
	json_t *j = json_object_get(obj, key), *el;
	char field[160];
	size_t i;

	*out = NULL;
	*n = 0;
	if (j == NULL || json_is_null(j))
		return;
	snprintf(field, sizeof(field), "%s%s", path, key);
	if (!json_is_array(j)) {
		verr(v, field, "must be an array of strings");
		return;
	}
	*out = xcalloc(json_array_size(j) + 1, sizeof(**out));
	json_array_foreach(j, i, el) {
		if (!json_is_string(el)) {
			snprintf(field, sizeof(field), "%s%s[%zu]", path, key, i);
			verr(v, field, "must be a string");
			continue;
		}
		if (valid != NULL && !valid(json_string_value(el))) {
			snprintf(field, sizeof(field), "%s%s[%zu]", path, key, i);
			verr(v, field, "%s", invalid_msg);
			continue;
		}
		(*out)[(*n)++] = json_string_value(el);
	}
}

static void
check_items(struct vctx *v, struct decl *d, json_t *items)
{
	json_t *it;
	size_t i, j;

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
	json_array_foreach(items, i, it) {
		struct decl_item *x = &d->items[d->nitems];
		char path[64], field[96];
		json_t *seq;
		const char *why;
		bool valid;

		snprintf(path, sizeof(path), "items[%zu].", i);
		if (!json_is_object(it)) {
			snprintf(field, sizeof(field), "items[%zu]", i);
			verr(v, field, "must be an object");
			continue;
		}
		seq = json_object_get(it, "seq");
		snprintf(field, sizeof(field), "%sseq", path);
		if (seq == NULL || json_is_null(seq))
			verr(v, field, "is required");
		else if (!json_is_integer(seq) || json_integer_value(seq) < 1 ||
		    json_integer_value(seq) > 99999)
			verr(v, field, "must be an integer from 1 to 99999");
		else {
			x->seq = (int)json_integer_value(seq);
			for (j = 0; j < d->nitems; j++)
				if (d->items[j].seq == x->seq) {
					verr(v, field, "duplicate seq %d", x->seq);
					break;
				}
		}
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
			snprintf(field, sizeof(field), "%sdescription", path);
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
		opt_strarray(v, it, "cas", path, &x->cas, &x->ncas,
		    normalize_cas_shape, "must look like a CAS registry number "
		    "(NNNNNNN-NN-N)");
		opt_strarray(v, it, "documents", path, &x->documents,
		    &x->ndocuments, NULL, NULL);
		opt_number(v, it, "quantity", path);
		opt_number(v, it, "net_mass_kg", path);
		opt_number(v, it, "value", path);
		(void)opt_str(v, it, "unit", path);
		(void)opt_str(v, it, "currency", path);
		/*
		 * Origin is informative and real declarations carry spellings
		 * such as "GB GB" (origin and preferential origin): keep the item
		 * and report the field as a finding rather than refuse it all.
		 */
		x->origin = opt_str(v, it, "origin", path);
		if (x->origin && !is_country(x->origin)) {
			snprintf(field, sizeof(field), "%sorigin", path);
			json_array_append_new(v->warnings, json_pack("{s:i, s:s, "
			    "s:s, s:s, s:s}", "item_seq", x->seq, "field", field,
			    "kind", "origin_not_iso", "value", x->origin, "message",
			    "origin is not an ISO 3166-1 alpha-2 code; not used"));
			x->origin = NULL;
		}
		d->nitems++;
	}
}

static void
check_parties(struct vctx *v, struct decl *d, json_t *parties)
{
	json_t *p;
	size_t i;

	if (parties == NULL || json_is_null(parties))
		return;
	if (!json_is_array(parties)) {
		verr(v, "parties", "must be an array");
		return;
	}
	d->parties = xcalloc(json_array_size(parties) + 1, sizeof(*d->parties));
	json_array_foreach(parties, i, p) {
		struct decl_party *x = &d->parties[d->nparties];
		char path[64], field[96];

		snprintf(path, sizeof(path), "parties[%zu].", i);
		if (!json_is_object(p)) {
			snprintf(field, sizeof(field), "parties[%zu]", i);
			verr(v, field, "must be an object");
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
		verr(v, "route", "must be an object");
		return;
	}
	opt_country(v, route, "dispatch", "route.", &d->dispatch);
	opt_country(v, route, "destination", "route.", &d->destination);
	opt_strarray(v, route, "transit", "route.", &d->transit, &d->ntransit,
	    is_country, "must be an ISO 3166-1 alpha-2 code");
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
	d->reference = req_str(&v, root, "reference", "");
	if (d->reference) {
		size_t n = utf8_chars(d->reference, &valid);

		if (!valid || n < 1 || n > 64)
			verr(&v, "reference", "must be 1 to 64 characters");
	}
	if ((flags & DECL_GOODS_OPTIONAL) && json_object_get(root, "type") ==
	    NULL)
		d->type = NULL;
	else
		d->type = req_str(&v, root, "type", "");
	if (d->type && !in_set(d->type, types))
		verr(&v, "type", "must be one of export import transit re-export");
	d->lodged_at = opt_str(&v, root, "lodged_at", "");
	if (d->lodged_at && !util_is_rfc3339(d->lodged_at))
		verr(&v, "lodged_at", "must be an RFC 3339 date-time");
	d->customs_office = opt_str(&v, root, "customs_office", "");
	check_parties(&v, d, json_object_get(root, "parties"));
	check_route(&v, d, json_object_get(root, "route"));
	check_items(&v, d, json_object_get(root, "items"));
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
		free(d->items[i].documents);
	}
	free(d->items);
	free(d->parties);
	free(d->transit);
	json_decref(d->warnings);
	json_decref(d->raw);
	free(d);
}

char *
decl_canonical(const struct decl *d)
{
	char *s = json_dumps(d->raw, JSON_COMPACT | JSON_SORT_KEYS |
	    JSON_ENSURE_ASCII);

	if (s == NULL)
		s = xstrdup("");
	return s;
}
