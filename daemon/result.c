/*
 * JSON of screening results, written straight into a byte buffer: no
 * intermediate document, one pass.  Field lists come from screen.h
 * (SCREEN_HIT_FIELDS, SCREEN_FINDING_FIELDS), so a field added there shows
 * here without an edit.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "result.h"
#include "xmalloc.h"

/* Length of the valid UTF-8 sequence at <s>, or 0 if it is not one. */
static size_t
utf8_len(const unsigned char *s)
{
	size_t n, i;
	unsigned int cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, cp = s[0] & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	/* Overlong forms, surrogates and code points past U+10FFFF. */
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 ||
	    cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

void
result_write_string(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *run;
	size_t n;

	buf_addc(b, '"');
	while (*p) {
		for (run = p; *p >= 0x20 && *p < 0x80 && *p != '"' &&
		    *p != '\\'; p++)
			;
		if (p > run)
			buf_add(b, run, (size_t)(p - run));
		if (*p == '\0')
			break;
		switch (*p) {
		case '"':
			buf_adds(b, "\\\"");
			p++;
			continue;
		case '\\':
			buf_adds(b, "\\\\");
			p++;
			continue;
		case '\n':
			buf_adds(b, "\\n");
			p++;
			continue;
		case '\r':
			buf_adds(b, "\\r");
			p++;
			continue;
		case '\t':
			buf_adds(b, "\\t");
			p++;
			continue;
		}
		if (*p < 0x20) {
			buf_printf(b, "\\u%04x", *p);
			p++;
		} else if ((n = utf8_len(p)) > 0) {
			buf_add(b, p, n);
			p += n;
		} else {
			buf_adds(b, "\\ufffd");
			p++;
		}
	}
	buf_addc(b, '"');
}

/* A number as jansson writes it (%.17g, with ".0" when it looks whole). */
static void
write_real(struct buf *b, double v)
{
	char tmp[40];

	if (!isfinite(v)) {
		buf_adds(b, "null");
		return;
	}
	snprintf(tmp, sizeof(tmp), "%.17g", v);
	buf_adds(b, tmp);
	if (strpbrk(tmp, ".eE") == NULL)
		buf_adds(b, ".0");
}

/* Writes ,"key": before a member (no comma for the first). */
static void
key(struct buf *b, int *first, const char *k)
{
	if (!*first)
		buf_addc(b, ',');
	*first = 0;
	buf_addc(b, '"');
	buf_adds(b, k);
	buf_adds(b, "\":");
}

/*
 * Writes the members of the JSON object <obj> (text made by jansson) into
 * the object being written.
 */
static void
splice(struct buf *b, int *first, const char *obj)
{
	size_t len = strlen(obj);

	if (len < 2 || obj[0] != '{' || obj[len - 1] != '}' || len == 2)
		return;
	if (!*first)
		buf_addc(b, ',');
	*first = 0;
	buf_add(b, obj + 1, len - 2);
}

void
result_write_hit(struct buf *b, const struct screen_hit *h)
{
	int first = 1;

	buf_addc(b, '{');
#define W_T(n)	if (h->n != NULL) { key(b, &first, #n);			\
		result_write_string(b, h->n); }
#define W_C(n)	key(b, &first, #n);					\
		result_write_string(b, rules_category_name(h->n));
#define W_P(n)	key(b, &first, #n);					\
		buf_printf(b, "[%zu,%zu]", h->n[0], h->n[1]);
#define W_N(n)	if (!isnan(h->n)) { key(b, &first, #n); write_real(b, h->n); }
#define W_X(n)	if (h->n != NULL) splice(b, &first, h->n);
	SCREEN_HIT_FIELDS(W_T, W_C, W_P, W_N, W_X)
#undef W_X
#undef W_T
#undef W_C
#undef W_P
#undef W_N
	buf_addc(b, '}');
}

void
result_write_finding(struct buf *b, const struct screen_finding *f)
{
	int first = 1;

	buf_addc(b, '{');
#define W_I(n)	if (f->n != SCREEN_NONE) { key(b, &first, #n);		\
		buf_printf(b, "%d", f->n); }
#define W_T(n)	if (f->n != NULL) { key(b, &first, #n);			\
		result_write_string(b, f->n); }
	SCREEN_FINDING_FIELDS(W_I, W_T)
#undef W_I
#undef W_T
	buf_addc(b, '}');
}

/* The distinct categories of the alert's hits, in order of appearance. */
static void
write_categories(struct buf *b, const struct screen_alert *a)
{
	unsigned seen = 0;
	size_t i;
	int first = 1;

	buf_addc(b, '[');
	for (i = 0; i < a->hits.n; i++) {
		unsigned bit = 1u << a->hits.v[i].category;

		if (seen & bit)
			continue;
		seen |= bit;
		if (!first)
			buf_addc(b, ',');
		first = 0;
		result_write_string(b, rules_category_name(a->hits.v[i].category));
	}
	buf_addc(b, ']');
}

static void
write_alert(struct buf *b, const struct screen_alert *a, bool stored,
    size_t at[2])
{
	size_t i;
	int first = 1;

	buf_addc(b, '{');
	if (a->id[0] != '\0') {
		key(b, &first, "id");
		result_write_string(b, a->id);
	}
	key(b, &first, "item_seq");
	if (a->item_seq == SCREEN_NONE)
		buf_adds(b, "null");
	else
		buf_printf(b, "%d", a->item_seq);
	key(b, &first, "severity");
	result_write_string(b, words_severity(a->severity));
	key(b, &first, "score");
	buf_printf(b, "%d", a->score);
	key(b, &first, "category");
	result_write_string(b, rules_category_name(a->category));
	key(b, &first, "categories");
	write_categories(b, a);
	key(b, &first, "hits");
	if (at != NULL)
		at[0] = b->len;
	buf_addc(b, '[');
	for (i = 0; i < a->hits.n; i++) {
		if (i > 0)
			buf_addc(b, ',');
		result_write_hit(b, &a->hits.v[i]);
	}
	buf_addc(b, ']');
	if (at != NULL)
		at[1] = b->len - at[0];
	if (a->fingerprint[0] != '\0') {
		key(b, &first, "fingerprint");
		result_write_string(b, a->fingerprint);
		key(b, &first, "entries");
		buf_addc(b, '[');
		for (i = 0; i < a->nentries; i++) {
			if (i > 0)
				buf_addc(b, ',');
			result_write_string(b, a->entries[i]);
		}
		buf_addc(b, ']');
	}
	if (stored) {
		key(b, &first, "status");
		result_write_string(b, words_status(a->status));
		if (a->suppression_id != 0) {
			key(b, &first, "suppression_id");
			buf_printf(b, "%lld", a->suppression_id);
		}
	}
	buf_addc(b, '}');
}

void
result_write(struct buf *b, const struct screen_result *r, bool stored,
    size_t (*hits_at)[2])
{
	size_t i;
	int first = 1;

	buf_addc(b, '{');
	if (r->id[0] != '\0') {
		key(b, &first, "id");
		result_write_string(b, r->id);
	}
	key(b, &first, "reference");
	result_write_string(b, r->reference ? r->reference : "");
	key(b, &first, "verdict");
	result_write_string(b, words_verdict(r->verdict));
	key(b, &first, "list_version");
	result_write_string(b, r->list_version ? r->list_version : "");
	key(b, &first, "alerts");
	buf_addc(b, '[');
	for (i = 0; i < r->nalerts; i++) {
		if (i > 0)
			buf_addc(b, ',');
		write_alert(b, &r->alerts[i], stored, hits_at ? hits_at[i] :
		    NULL);
	}
	buf_addc(b, ']');
	key(b, &first, "findings");
	buf_addc(b, '[');
	for (i = 0; i < r->nfindings; i++) {
		if (i > 0)
			buf_addc(b, ',');
		result_write_finding(b, &r->findings[i]);
	}
	buf_addc(b, ']');
	buf_addc(b, '}');
}

char *
result_text(const struct screen_result *r, bool stored)
{
	struct buf b;

	buf_init(&b);
	result_write(&b, r, stored, NULL);
	return buf_release(&b);
}

json_t *
result_json(const struct screen_result *r, bool stored)
{
	json_error_t je;
	char *t = result_text(r, stored);
	json_t *j = json_loads(t, 0, &je);

	/* The writer makes valid JSON whatever the strings hold. */
	if (j == NULL)
		fatalx("result_json: %s at %d", je.text, je.position);
	free(t);
	return j;
}
