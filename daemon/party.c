/*
 * The denied-party records.  This module owns the party records of every
 * loaded list (UN, OFAC, BIS): batches from the importers (partyload.c),
 * merged only when their file parsed without error, the accessors, the
 * evidence of a hit as JSON and the country names of the lists.  It reads
 * no files and keeps no globals.  The matching is in three files that share
 * partyint.h: partyname.c (names to canonical tokens), partyindex.c (the
 * token index, built by party_prepare) and partysearch.c (blocking and
 * scoring, party_search).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "normalize.h"
#include "party.h"
#include "partyint.h"
#include "util.h"
#include "xmalloc.h"

static struct prec	*prec_new(void);
static void		 prec_free(struct prec *);
static size_t		 index_list(struct party_index *, const char *);

/* ------------------------------------------------------------------ */
/* Construction                                                        */

static struct prec *
prec_new(void)
{
	return xcalloc(1, sizeof(struct prec));
}

static void
prec_free(struct prec *r)
{
	size_t i;

	if (r == NULL)
		return;
	free(r->ref);
	free(r->kind);
	free(r->name);
	free(r->regime);
	free(r->listed_on);
	for (i = 0; i < r->nalias; i++)
		free(r->alias[i]);
	free(r->alias);
	free(r->aq);
	free(r);
}

void
party_rec_add_alias(struct prec *r, const char *alias, enum party_quality q)
{
	size_t i;

	if (alias == NULL || *alias == '\0' || strcmp(alias, r->name) == 0)
		return;
	for (i = 0; i < r->nalias; i++)
		if (strcmp(r->alias[i], alias) == 0) {
			/* Listed twice: the better grade counts. */
			if (q == PARTY_Q_GOOD)
				r->aq[i] = PARTY_Q_GOOD;
			return;
		}
	if (r->nalias == r->calias) {
		r->calias = r->calias ? r->calias * 2 : 4;
		r->alias = xreallocarray(r->alias, r->calias, sizeof(char *));
		r->aq = xreallocarray(r->aq, r->calias, sizeof(*r->aq));
	}
	r->aq[r->nalias] = (uint8_t)q;
	r->alias[r->nalias++] = xstrdup(alias);
	r->pub.aliases = (const char *const *)r->alias;
	r->pub.alias_quality = r->aq;
	r->pub.naliases = r->nalias;
}

/* Adds ISO code <iso> to the countries of <r> if new and there is room. */
void
party_rec_add_country(struct prec *r, const char *iso)
{
	size_t n = strlen(r->countries);

	if (strstr(r->countries, iso) != NULL ||
	    n + 3 >= sizeof(r->countries))
		return;
	if (n > 0)
		r->countries[n++] = ' ';
	memcpy(r->countries + n, iso, 3);
}

static const struct {
	const char	*id, *title;
} list_titles[] = {
	{ "un-sc", "UN Security Council Consolidated List" },
	{ "ofac-sdn", "OFAC Specially Designated Nationals (SDN) List" },
	{ "bis-dpl", "BIS Denied Persons List" },
};

/* Index of list <id> in idx->lists, added if new. */
static size_t
index_list(struct party_index *idx, const char *id)
{
	size_t i;

	for (i = 0; i < idx->nlists; i++)
		if (strcmp(idx->lists[i].id, id) == 0)
			return i;
	idx->lists = xreallocarray(idx->lists, idx->nlists + 1,
	    sizeof(*idx->lists));
	memset(&idx->lists[i], 0, sizeof(idx->lists[i]));
	idx->lists[i].id = xstrdup(id);
	idx->lists[i].title = xstrdup(id);
	for (size_t k = 0; k < NELEM(list_titles); k++)
		if (strcmp(list_titles[k].id, id) == 0) {
			free(idx->lists[i].title);
			idx->lists[i].title = xstrdup(list_titles[k].title);
		}
	idx->nlists++;
	return i;
}

struct party_index *
party_index_new(void)
{
	return xcalloc(1, sizeof(struct party_index));
}

static void
link_free(struct plink *l)
{
	free(l->ref);
	free(l->value);
	free(l->file);
}

void
party_index_free(struct party_index *idx)
{
	size_t i;

	if (idx == NULL)
		return;
	for (i = 0; i < idx->nrecs; i++)
		prec_free(idx->recs[i]);
	free(idx->recs);
	for (i = 0; i < idx->nlists; i++) {
		free(idx->lists[i].id);
		free(idx->lists[i].title);
		free(idx->lists[i].generated);
	}
	free(idx->lists);
	for (i = 0; i < idx->nlinks; i++)
		link_free(&idx->links[i]);
	free(idx->links);
	for (i = 0; i < idx->nfiles; i++)
		free(idx->files[i]);
	free(idx->files);
	for (i = 0; i < idx->nnames; i++)
		free(idx->names[i].tok);
	free(idx->names);
	for (i = 0; i < idx->ntoks; i++) {
		free(idx->toks[i].key);
		free(idx->toks[i].skel);
		free(idx->toks[i].raw);
	}
	free(idx->toks);
	free(idx->tab);
	free(idx->tabtag);
	free(idx->post);
	partyindex_hkeys_free(&idx->dels);
	partyindex_hkeys_free(&idx->skels);
	partyindex_hkeys_free(&idx->poorskels);
	partyindex_hkeys_free(&idx->variants);
	free(idx->places);
	free(idx->byref);
	free(idx);
}

/* ------------------------------------------------------------------ */
/* Batches (the importers' side)                                       */

void
party_batch_record(struct party_batch *b, const char *ref, const char *kind,
    const char *name, const char *regime, const char *listed_on,
    const char *country)
{
	struct prec *r = prec_new();

	r->ref = xstrdup(ref ? ref : "");
	r->kind = xstrdup(kind ? kind : "entity");
	r->name = xstrdup(name ? name : "");
	r->regime = xstrdup(regime ? regime : "");
	r->listed_on = listed_on && *listed_on ? xstrdup(listed_on) : NULL;
	if (b->nrecs == b->crecs) {
		b->crecs = b->crecs ? b->crecs * 2 : 256;
		b->recs = xreallocarray(b->recs, b->crecs, sizeof(*b->recs));
	}
	b->recs[b->nrecs++] = r;
	party_batch_country(b, country);
}

void
party_batch_alias(struct party_batch *b, const char *alias,
    enum party_quality q)
{
	if (b->nrecs == 0 || alias == NULL)
		return;
	party_rec_add_alias(b->recs[b->nrecs - 1], alias, q);
}

void
party_batch_country(struct party_batch *b, const char *country)
{
	struct prec *r;
	const char *iso;

	if (b->nrecs == 0 || country == NULL)
		return;
	r = b->recs[b->nrecs - 1];
	if ((iso = party_country_iso(country)) == NULL)
		return;
	party_rec_add_country(r, iso);
	if (r->country[0] == '\0')
		memcpy(r->country, iso, 3);
}

void
party_batch_place(struct party_batch *b, const char *place)
{
	struct qtok t[MAXTOK];
	size_t i, n;

	if (place == NULL || *place == '\0')
		return;
	n = partyname_tokenize(place, t);
	for (i = 0; i < n; i++) {
		if (t[i].len < PLACE_MINLEN || t[i].particle ||
		    t[i].initials || strspn(t[i].key,
		    "abcdefghijklmnopqrstuvwxyz") != t[i].len)
			continue;
		if (b->nplaces == b->cplaces) {
			b->cplaces = b->cplaces ? b->cplaces * 2 : 64;
			b->places = xreallocarray(b->places, b->cplaces,
			    sizeof(*b->places));
		}
		b->places[b->nplaces++] = partyindex_hash(t[i].key, t[i].len);
	}
}

void
party_batch_link(struct party_batch *b, enum party_link type, const char *ref,
    const char *value, int line)
{
	struct plink *l;

	if (b->nlinks == b->clinks) {
		b->clinks = b->clinks ? b->clinks * 2 : 256;
		b->links = xreallocarray(b->links, b->clinks,
		    sizeof(*b->links));
	}
	l = &b->links[b->nlinks++];
	l->type = type;
	l->ref = xstrdup(ref);
	l->value = xstrdup(value);
	l->file = xstrdup(b->file);
	l->line = line;
	l->list = b->list;
}

void
party_batch_generated(struct party_batch *b, const char *when)
{
	free(b->generated);
	b->generated = xstrdup(when);
}

static void
batch_free(struct party_batch *b)
{
	size_t i;

	for (i = 0; i < b->nrecs; i++)
		prec_free(b->recs[i]);
	free(b->recs);
	for (i = 0; i < b->nlinks; i++)
		link_free(&b->links[i]);
	free(b->links);
	free(b->generated);
	free(b->places);
}

/* ------------------------------------------------------------------ */
/* Adding files                                                        */

static const char *
base_name(const char *name)
{
	const char *s = strrchr(name, '/');

	return s ? s + 1 : name;
}

static bool
is_xml_name(const char *b)
{
	size_t n = strlen(b);

	return n > 4 && strcasecmp(b + n - 4, ".xml") == 0;
}

bool
party_is_list_file(const char *name)
{
	const char *b = base_name(name);

	return is_xml_name(b) || strcmp(b, "sdn.csv") == 0 ||
	    strcmp(b, "alt.csv") == 0 || strcmp(b, "add.csv") == 0 ||
	    strcmp(b, "dpl.txt") == 0;
}

bool
party_is_list_data(const char *name, const char *data, size_t len)
{
	size_t i, n;

	if (!party_is_list_file(name))
		return false;
	if (!is_xml_name(base_name(name)))
		return true;
	/* The first element that is not <?...?> or <!...>. */
	for (i = 0; i < len; i++) {
		if (data[i] != '<' || i + 1 >= len || data[i + 1] == '?' ||
		    data[i + 1] == '!')
			continue;
		n = strlen("CONSOLIDATED_LIST");
		return len - i - 1 >= n &&
		    memcmp(data + i + 1, "CONSOLIDATED_LIST", n) == 0;
	}
	return false;
}

/*
 * The list files the index reads, by base name, with their list and their
 * loader (partyload.c); a NULL name stands for any UN consolidated list
 * *.xml.
 */
static const struct list_file {
	const char	*file;
	const char	*list;
	int		(*load)(struct party_batch *, const char *,
			    const char *, size_t, struct buf *);
} list_files[] = {
	{ NULL, "un-sc", partyload_un_xml },
	{ "sdn.csv", "ofac-sdn", partyload_ofac_sdn },
	{ "alt.csv", "ofac-sdn", partyload_ofac_alt },
	{ "add.csv", "ofac-sdn", partyload_ofac_add },
	{ "dpl.txt", "bis-dpl", partyload_bis_dpl },
};

/* The list file <bn> is, or NULL if it is none of list_files. */
static const struct list_file *
list_file_for(const char *bn)
{
	size_t i;

	for (i = 0; i < NELEM(list_files); i++)
		if (list_files[i].file == NULL ? is_xml_name(bn) :
		    strcmp(bn, list_files[i].file) == 0)
			return &list_files[i];
	return NULL;
}

/*
 * The file <idx> already loaded that <bn> would load again (the same name,
 * or a second UN list), or NULL.
 */
static const char *
loaded_already(const struct party_index *idx, const char *bn)
{
	size_t i;

	for (i = 0; i < idx->nfiles; i++)
		if (strcmp(idx->files[i], bn) == 0 ||
		    (is_xml_name(bn) && is_xml_name(idx->files[i])))
			return idx->files[i];
	return NULL;
}

/*
 * Moves the records, links and places of loaded batch <b> into <idx> under list
 * <list>, with the list's counts and date; <b> keeps nothing of them.
 */
static void
merge_batch(struct party_index *idx, struct party_batch *b, const char *list)
{
	size_t i, nnames = 0;

	b->list = index_list(idx, list);
	for (i = 0; i < b->nrecs; i++) {
		b->recs[i]->pub.list_id = idx->lists[b->list].id;
		nnames += 1 + b->recs[i]->nalias;
	}
	if (idx->nrecs + b->nrecs > idx->crecs) {
		idx->crecs = (idx->nrecs + b->nrecs) * 2;
		idx->recs = xreallocarray(idx->recs, idx->crecs,
		    sizeof(*idx->recs));
	}
	if (b->nrecs > 0)
		memcpy(idx->recs + idx->nrecs, b->recs,
		    b->nrecs * sizeof(*b->recs));
	idx->nrecs += b->nrecs;
	idx->lists[b->list].records += b->nrecs;
	idx->lists[b->list].names += nnames;
	if (b->generated != NULL) {
		free(idx->lists[b->list].generated);
		idx->lists[b->list].generated = b->generated;
		b->generated = NULL;
	}
	b->nrecs = 0;
	if (idx->nlinks + b->nlinks > idx->clinks) {
		idx->clinks = (idx->nlinks + b->nlinks) * 2;
		idx->links = xreallocarray(idx->links, idx->clinks,
		    sizeof(*idx->links));
	}
	for (i = 0; i < b->nlinks; i++)
		b->links[i].list = b->list;
	if (b->nlinks > 0)
		memcpy(idx->links + idx->nlinks, b->links,
		    b->nlinks * sizeof(*b->links));
	idx->nlinks += b->nlinks;
	b->nlinks = 0;
	if (idx->nplaces + b->nplaces > idx->cplaces) {
		idx->cplaces = (idx->nplaces + b->nplaces) * 2;
		idx->places = xreallocarray(idx->places, idx->cplaces,
		    sizeof(*idx->places));
	}
	if (b->nplaces > 0)
		memcpy(idx->places + idx->nplaces, b->places,
		    b->nplaces * sizeof(*b->places));
	idx->nplaces += b->nplaces;
	b->nplaces = 0;
}

int
party_add_file(struct party_index *idx, const char *name, const char *data,
    size_t len, struct buf *errs)
{
	struct party_batch b;
	const char *bn = base_name(name);
	const struct list_file *lf;
	const char *prev;
	int nerr = 0;
	size_t i;

	if (idx->prepared) {
		buf_printf(errs, "%s:1: the party index is already prepared\n",
		    bn);
		return 1;
	}
	if ((lf = list_file_for(bn)) == NULL) {
		buf_printf(errs, "%s:1: not a party list file (expected a UN "
		    "consolidated list *.xml, sdn.csv, alt.csv, add.csv or "
		    "dpl.txt)\n", bn);
		return 1;
	}
	if ((prev = loaded_already(idx, bn)) != NULL) {
		buf_printf(errs, "%s:1: list already loaded from %s\n", bn,
		    prev);
		return 1;
	}

	memset(&b, 0, sizeof(b));
	b.file = bn;
	/* The list is created only if the file loads; index it lazily. */
	b.list = (size_t)-1;
	for (i = 0; i < idx->nlists; i++)
		if (strcmp(idx->lists[i].id, lf->list) == 0)
			b.list = i;
	if (b.list == (size_t)-1)
		b.list = idx->nlists;	/* the index it will get */
	nerr = lf->load(&b, bn, data, len, errs);
	if (nerr > 0) {
		batch_free(&b);
		return nerr;
	}
	merge_batch(idx, &b, lf->list);
	idx->files = xreallocarray(idx->files, idx->nfiles + 1,
	    sizeof(*idx->files));
	idx->files[idx->nfiles++] = xstrdup(bn);
	batch_free(&b);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Accessors                                                           */

size_t
party_count(const struct party_index *idx)
{
	return idx->nrecs;
}

const struct party_record *
party_get(const struct party_index *idx, size_t i)
{
	return i < idx->nrecs ? &idx->recs[i]->pub : NULL;
}

const struct party_record *
party_find(const struct party_index *idx, const char *list_id,
    const char *ref)
{
	struct prec *r;
	size_t i;

	if (idx->byref != NULL) {
		r = partyindex_find(idx, list_id, ref);
		return r ? &r->pub : NULL;
	}
	for (i = 0; i < idx->nrecs; i++) {
		r = idx->recs[i];
		if (strcmp(r->pub.list_id, list_id) == 0 &&
		    strcmp(r->ref, ref) == 0)
			return &r->pub;
	}
	return NULL;
}

json_t *
party_lists_info(const struct party_index *idx)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < idx->nlists; i++) {
		const struct plist *l = &idx->lists[i];

		json_array_append_new(a, json_pack("{s:s, s:s, s:I, s:I, s:o}",
		    "id", l->id, "title", l->title,
		    "records", (json_int_t)l->records,
		    "names", (json_int_t)l->names,
		    "generated", l->generated ? json_string(l->generated) :
		    json_null()));
	}
	return a;
}

/* ------------------------------------------------------------------ */
/* Evidence                                                            */

static const struct {
	unsigned	 bit;
	const char	*name;
} distortion_names[] = {
	{ PARTY_D_INITIALS, "initials" }, { PARTY_D_TYPO, "typing error" },
	{ PARTY_D_SPELLING, "transliteration" },
	{ PARTY_D_JOINED, "words joined or split" },
	{ PARTY_D_DROPPED, "listed words left out" },
	{ PARTY_D_ORDER, "word order" }, { PARTY_D_SCRIPT, "other script" },
	{ PARTY_D_ADDRESS, "address after the name" },
	{ PARTY_D_CAREOF, "c/o part" },
};

json_t *
party_hit_json(const struct party_hit *h)
{
	json_t *o = json_object(), *words = json_array(), *dist = json_array();
	json_t *ctry = json_array();
	const char *p, *q;
	size_t i;

	/* "listed=declared~how" pairs, one space apart. */
	for (p = h->words; *p != '\0'; p = *q ? q + 1 : q) {
		const char *eq, *tilde;
		char *listed, *declared;

		q = strchr(p, ' ');
		if (q == NULL)
			q = p + strlen(p);
		eq = memchr(p, '=', (size_t)(q - p));
		if (eq == NULL)
			continue;
		tilde = memchr(eq, '~', (size_t)(q - eq));
		listed = xstrndup(p, (size_t)(eq - p));
		declared = xstrndup(eq + 1, (size_t)((tilde ? tilde : q) -
		    eq - 1));
		json_array_append_new(words, json_pack("{s:s, s:o, s:s}",
		    "listed", listed, "declared", strcmp(declared, "-") == 0 ?
		    json_null() : json_string(declared), "how",
		    strcmp(declared, "-") == 0 ? "missing" : tilde == NULL ?
		    "exact" : tilde[1] == '\0' || tilde + 1 == q ?
		    "transliteration" : strncmp(tilde + 1, "typo", 4) == 0 ?
		    "typing error" : strncmp(tilde + 1, "initial", 7) == 0 ?
		    "initial" : "joined or split"));
		free(listed);
		free(declared);
	}
	for (i = 0; i < NELEM(distortion_names); i++)
		if (h->distortions & distortion_names[i].bit)
			json_array_append_new(dist,
			    json_string(distortion_names[i].name));
	for (p = h->rec->countries ? h->rec->countries : ""; *p != '\0';
	    p += p[2] == ' ' ? 3 : 2) {
		char c[3] = { p[0], p[1], '\0' };

		json_array_append_new(ctry, json_string(c));
		if (p[2] == '\0')
			break;
	}
	json_object_set_new(o, "quality", json_string(h->quality ==
	    PARTY_Q_GOOD ? "good" : h->quality == PARTY_Q_LOW ? "low" :
	    strcmp(h->matched, h->rec->name) == 0 ? "primary name" :
	    "not graded"));
	json_object_set_new(o, "words", words);
	json_object_set_new(o, "distortions", dist);
	json_object_set_new(o, "programme", json_string(h->rec->regime ?
	    h->rec->regime : ""));
	json_object_set_new(o, "listed_on", h->rec->listed_on ?
	    json_string(h->rec->listed_on) : json_null());
	json_object_set_new(o, "listed_countries", ctry);
	json_object_set_new(o, "weak", json_boolean(h->weak));
	return o;
}

bool
party_country_listed(const struct party_record *r, const char *iso)
{
	const char *p = r->countries;

	if (p == NULL || iso == NULL || strlen(iso) != 2)
		return false;
	for (; *p != '\0'; p += p[2] == ' ' ? 3 : 2) {
		if (p[0] == iso[0] && p[1] == iso[1])
			return true;
		if (p[2] == '\0')
			break;
	}
	return false;
}

/* ------------------------------------------------------------------ */
/* Countries                                                           */

/* Sorted by name: the spellings the UN and OFAC files use. */
static const struct country {
	const char	*name, *iso;
} countries[] = {
	{ "afghanistan", "AF" }, { "albania", "AL" }, { "algeria", "DZ" },
	{ "angola", "AO" }, { "argentina", "AR" }, { "armenia", "AM" },
	{ "aruba", "AW" }, { "australia", "AU" }, { "austria", "AT" },
	{ "azerbaijan", "AZ" }, { "bahamas", "BS" }, { "bahamas the", "BS" },
	{ "bahrain", "BH" }, { "bangladesh", "BD" }, { "barbados", "BB" },
	{ "belarus", "BY" }, { "belgium", "BE" }, { "belize", "BZ" },
	{ "benin", "BJ" }, { "bolivia", "BO" },
	{ "bosnia and herzegovina", "BA" }, { "brazil", "BR" },
	{ "brunei", "BN" }, { "bulgaria", "BG" }, { "burkina faso", "BF" },
	{ "burma", "MM" }, { "burundi", "BI" }, { "cambodia", "KH" },
	{ "cameroon", "CM" }, { "canada", "CA" }, { "cayman islands", "KY" },
	{ "central african republic", "CF" }, { "chad", "TD" },
	{ "chile", "CL" }, { "china", "CN" }, { "colombia", "CO" },
	{ "comoros", "KM" }, { "congo democratic republic of the", "CD" },
	{ "congo republic of the", "CG" }, { "costa rica", "CR" },
	{ "cote d ivoire", "CI" }, { "cote divoire", "CI" },
	{ "croatia", "HR" }, { "cuba", "CU" }, { "cyprus", "CY" },
	{ "czech republic", "CZ" }, { "czechia", "CZ" },
	{ "democratic people s republic of korea", "KP" },
	{ "democratic peoples republic of korea", "KP" },
	{ "democratic republic of the congo", "CD" }, { "denmark", "DK" },
	{ "djibouti", "DJ" }, { "dominica", "DM" },
	{ "dominican republic", "DO" }, { "ecuador", "EC" },
	{ "egypt", "EG" }, { "el salvador", "SV" },
	{ "equatorial guinea", "GQ" }, { "eritrea", "ER" },
	{ "estonia", "EE" }, { "ethiopia", "ET" }, { "finland", "FI" },
	{ "france", "FR" }, { "gabon", "GA" }, { "gambia", "GM" },
	{ "georgia", "GE" }, { "germany", "DE" }, { "ghana", "GH" },
	{ "gibraltar", "GI" }, { "greece", "GR" }, { "guatemala", "GT" },
	{ "guinea", "GN" }, { "guinea bissau", "GW" }, { "guyana", "GY" },
	{ "haiti", "HT" }, { "honduras", "HN" }, { "hong kong", "HK" },
	{ "hungary", "HU" }, { "india", "IN" }, { "indonesia", "ID" },
	{ "iran", "IR" }, { "iran islamic republic of", "IR" },
	{ "iraq", "IQ" }, { "ireland", "IE" }, { "israel", "IL" },
	{ "italy", "IT" }, { "jamaica", "JM" }, { "japan", "JP" },
	{ "jersey", "JE" }, { "jordan", "JO" }, { "kazakhstan", "KZ" },
	{ "kenya", "KE" }, { "korea north", "KP" }, { "korea south", "KR" },
	{ "kosovo", "XK" }, { "kuwait", "KW" }, { "kyrgyzstan", "KG" },
	{ "lao people s democratic republic", "LA" }, { "laos", "LA" },
	{ "latvia", "LV" }, { "lebanon", "LB" }, { "liberia", "LR" },
	{ "libya", "LY" }, { "liechtenstein", "LI" }, { "lithuania", "LT" },
	{ "luxembourg", "LU" }, { "macau", "MO" }, { "malaysia", "MY" },
	{ "maldives", "MV" }, { "mali", "ML" }, { "malta", "MT" },
	{ "marshall islands", "MH" }, { "mauritania", "MR" },
	{ "mexico", "MX" }, { "moldova", "MD" }, { "mongolia", "MN" },
	{ "montenegro", "ME" }, { "morocco", "MA" }, { "mozambique", "MZ" },
	{ "myanmar", "MM" }, { "namibia", "NA" }, { "nepal", "NP" },
	{ "netherlands", "NL" }, { "new zealand", "NZ" },
	{ "nicaragua", "NI" }, { "niger", "NE" }, { "nigeria", "NG" },
	{ "north korea", "KP" }, { "norway", "NO" }, { "oman", "OM" },
	{ "pakistan", "PK" }, { "palau", "PW" }, { "palestinian", "PS" },
	{ "panama", "PA" }, { "paraguay", "PY" }, { "peru", "PE" },
	{ "philippines", "PH" }, { "poland", "PL" }, { "portugal", "PT" },
	{ "qatar", "QA" }, { "republic of korea", "KR" },
	{ "romania", "RO" }, { "russia", "RU" }, { "russian federation", "RU" },
	{ "rwanda", "RW" }, { "saint kitts and nevis", "KN" },
	{ "saint vincent and the grenadines", "VC" }, { "samoa", "WS" },
	{ "saudi arabia", "SA" }, { "senegal", "SN" }, { "serbia", "RS" },
	{ "seychelles", "SC" }, { "sierra leone", "SL" },
	{ "singapore", "SG" }, { "slovakia", "SK" }, { "slovenia", "SI" },
	{ "somalia", "SO" }, { "south africa", "ZA" }, { "south korea", "KR" },
	{ "south sudan", "SS" }, { "spain", "ES" }, { "sri lanka", "LK" },
	{ "sudan", "SD" }, { "sweden", "SE" }, { "switzerland", "CH" },
	{ "syria", "SY" }, { "syrian arab republic", "SY" },
	{ "taiwan", "TW" }, { "tajikistan", "TJ" }, { "tanzania", "TZ" },
	{ "thailand", "TH" }, { "the gambia", "GM" }, { "togo", "TG" },
	{ "trinidad and tobago", "TT" }, { "tunisia", "TN" },
	{ "turkey", "TR" }, { "turkiye", "TR" }, { "turkmenistan", "TM" },
	{ "uganda", "UG" }, { "ukraine", "UA" },
	{ "united arab emirates", "AE" }, { "united kingdom", "GB" },
	{ "united kingdom of great britain and northern ireland", "GB" },
	{ "united republic of tanzania", "TZ" }, { "united states", "US" },
	{ "united states of america", "US" }, { "uruguay", "UY" },
	{ "uzbekistan", "UZ" }, { "vanuatu", "VU" }, { "venezuela", "VE" },
	{ "viet nam", "VN" }, { "vietnam", "VN" },
	{ "virgin islands british", "VG" }, { "west bank", "PS" },
	{ "yemen", "YE" }, { "zambia", "ZM" }, { "zimbabwe", "ZW" },
};

static int
cmp_country(const void *a, const void *b)
{
	return strcmp(((const struct country *)a)->name,
	    ((const struct country *)b)->name);
}

const char *
party_country_iso(const char *name)
{
	struct country key, *found;
	char *f;
	size_t i, n;

	while (*name == ' ')
		name++;
	n = strlen(name);
	if (n == 2 && name[0] >= 'A' && name[0] <= 'Z' && name[1] >= 'A' &&
	    name[1] <= 'Z') {
		/* Already a code (BIS); return it from the table if known. */
		for (i = 0; i < NELEM(countries); i++)
			if (memcmp(countries[i].iso, name, 2) == 0)
				return countries[i].iso;
		return NULL;
	}
	f = normalize_fold_str(name);
	key.name = f;
	key.iso = NULL;
	found = bsearch(&key, countries, NELEM(countries), sizeof(countries[0]),
	    cmp_country);
	free(f);
	return found ? found->iso : NULL;
}

