/*
 * WCO DEC-DMS XML to the declaration contract.  The message is read with
 * libxml2 under strict options (no network, no DTD loading, no entity
 * substitution, a DOCTYPE refused outright, libxml2's default depth limit)
 * and mapped element by element to the JSON object decl.c validates, so
 * that the contract has one owner.  What the mapping keeps of the WCO
 * message itself (type code, function code, the raw classification list)
 * goes under "wco" in the object, which the contract stores and ignores.
 */
#include "config.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "decl.h"
#include "log.h"
#include "util.h"
#include "wco.h"
#include "xmalloc.h"

#define WCO_NS_DEC	"urn:wco:datamodel:WCO:DEC-DMS:2"

/* Parties of the declaration: element path below Declaration -> role. */
static const struct {
	const char	*path;		/* '/'-separated local names */
	const char	*role;
} party_paths[] = {
	{ "Exporter",				"exporter" },
	{ "GoodsShipment/Consignor",		"consignor" },
	{ "Consignor",				"consignor" },
	{ "GoodsShipment/Consignee",		"consignee" },
	{ "GoodsShipment/Importer",		"importer" },
	{ "Importer",				"importer" },
	{ "Declarant",				"declarant" },
	{ "GoodsShipment/Consignment/Carrier",	"carrier" },
	{ "Carrier",				"carrier" },
};

/* Offices, in the order their ID stands for the declaration's office. */
static const char *const office_paths[] = {
	"ExitOffice", "SupervisingOffice", "PresentationOffice",
	"GoodsShipment/Consignment/GoodsLocation/ID",
};

static bool
is_elem(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

/* First element child of <n> named <name>, or NULL. */
static xmlNode *
child(xmlNode *n, const char *name)
{
	xmlNode *c;

	if (n == NULL)
		return NULL;
	for (c = n->children; c != NULL; c = c->next)
		if (is_elem(c, name))
			return c;
	return NULL;
}

/* Follows a '/'-separated path of local names from <n>. */
static xmlNode *
path(xmlNode *n, const char *p)
{
	char name[64];
	const char *slash;
	size_t len;

	while (n != NULL && *p != '\0') {
		slash = strchr(p, '/');
		len = slash ? (size_t)(slash - p) : strlen(p);
		if (len >= sizeof(name))
			return NULL;
		memcpy(name, p, len);
		name[len] = '\0';
		n = child(n, name);
		p += len + (slash != NULL);
	}
	return n;
}

/*
 * The text of <n> with runs of white space made one space and both ends
 * trimmed (descriptions in real messages wrap over lines); NULL if empty.
 * Caller frees.
 */
static char *
text(const xmlNode *n)
{
	xmlChar *raw;
	char *out, *o;
	const char *s;
	bool space = false;

	if (n == NULL || (raw = xmlNodeGetContent(n)) == NULL)
		return NULL;
	out = o = xmalloc(strlen((const char *)raw) + 1);
	for (s = (const char *)raw; *s != '\0'; s++) {
		if (isspace((unsigned char)*s)) {
			space = o != out;
			continue;
		}
		if (space)
			*o++ = ' ';
		space = false;
		*o++ = *s;
	}
	*o = '\0';
	xmlFree(raw);
	if (*out == '\0') {
		free(out);
		return NULL;
	}
	return out;
}

/* Sets <key> of <obj> to the text at <p> below <n>, if there is one. */
static void
set_text(json_t *obj, const char *key, xmlNode *n, const char *p)
{
	char *t = text(path(n, p));

	if (t != NULL)
		json_object_set_new(obj, key, json_string(t));
	free(t);
}

/* Appends the text of <n> to <b>, after ", " if <b> is not empty. */
static void
add_part(struct buf *b, const xmlNode *n)
{
	char *t = text(n);

	if (t == NULL)
		return;
	if (b->len > 0)
		buf_adds(b, ", ");
	buf_adds(b, t);
	free(t);
}

/* A party element to {"role", "name", "country", "address", "id"}. */
static json_t *
party(xmlNode *n, const char *role)
{
	xmlNode *addr = child(n, "Address");
	json_t *p = json_pack("{s:s}", "role", role);
	char *name = text(child(n, "Name")), *id = text(child(n, "ID"));
	struct buf b;

	/* A party known only by its identifier (EORI, TIN) is screened as
	 * that identifier: the message names it no other way. */
	if (name == NULL && id == NULL) {
		json_decref(p);
		return NULL;
	}
	json_object_set_new(p, "name", json_string(name ? name : id));
	if (id != NULL)
		json_object_set_new(p, "id", json_string(id));
	if (addr != NULL) {
		set_text(p, "country", addr, "CountryCode");
		buf_init(&b);
		add_part(&b, child(addr, "Line"));
		add_part(&b, child(addr, "CityName"));
		add_part(&b, child(addr, "PostcodeID"));
		if (b.len > 0)
			json_object_set_new(p, "address", json_string(b.data));
		buf_free(&b);
	}
	free(name);
	free(id);
	return p;
}

/*
 * Declaration/TypeCode is read whole, never by its first letters: "COR" is
 * an amendment's message type, not DE 1/1 "CO" with a DE 1/2 "R".  An
 * additional message (FunctionCode 13) carries its own type code, which
 * says nothing of the declaration's direction; INV also makes the message
 * a cancellation whatever its function code.
 */
static const struct {
	const char	*code;
	const char	*what;
} message_types[] = {
	{ "COR",	"an amendment (correction)" },
	{ "GPR",	"a goods presentation" },
	{ "INV",	"an invalidation request" },
};

/* DE 1/1: the first two letters of an original's type code. */
static const char *const de11_codes[] = { "EX", "IM", "CO" };

/* True if <code> is the type code of an additional message. */
static bool
is_message_type(const char *code)
{
	size_t i;

	for (i = 0; i < sizeof(message_types) / sizeof(message_types[0]); i++)
		if (strcmp(code, message_types[i].code) == 0)
			return true;
	return false;
}

/*
 * The DE 1/1 code of <code> when it is a declaration type code: DE 1/1
 * alone, or followed by DE 1/2 (one capital letter: EXD, IMA, COJ); NULL
 * for an additional message's type code or anything else.
 */
static const char *
de11_of(const char *code)
{
	size_t i, len = strlen(code);

	if (is_message_type(code) || len < 2 || len > 3 ||
	    (len == 3 && (code[2] < 'A' || code[2] > 'Z')))
		return NULL;
	for (i = 0; i < sizeof(de11_codes) / sizeof(de11_codes[0]); i++)
		if (strncmp(code, de11_codes[i], 2) == 0)
			return de11_codes[i];
	return NULL;
}

/* "export" or "import" from DE 1/1 (EX, IM, CO) and the parties present. */
static const char *
decl_type(const char *code, xmlNode *decl)
{
	const char *de11 = code != NULL ? de11_of(code) : NULL;

	if (de11 == NULL)
		return NULL;
	if (strcmp(de11, "EX") == 0)
		return "export";
	if (strcmp(de11, "IM") == 0)
		return "import";
	/* CO: goods between special fiscal territories; the direction shows
	 * in who is declared. */
	return child(decl, "Exporter") != NULL &&
	    path(decl, "GoodsShipment/Importer") == NULL ? "export" : "import";
}

/*
 * Declaration/FunctionCode: 9, 10 or 13, written as digits; -1 for
 * anything else ("130" is not 13).  An absent code is an original.
 */
static int
function_code(const char *s)
{
	static const int known[] = { WCO_FUNCTION_ORIGINAL,
	    WCO_FUNCTION_CANCELLATION, WCO_FUNCTION_AMENDMENT };
	size_t i, len;
	long v;

	if (s == NULL)
		return WCO_FUNCTION_ORIGINAL;
	len = strlen(s);
	if (len == 0 || len > 3 || strspn(s, "0123456789") != len)
		return -1;
	v = strtol(s, NULL, 10);
	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (v == known[i])
			return known[i];
	return -1;
}

/*
 * DateTimeString with formatCode 304 ("20191113093111Z", or with "+0100")
 * or 102 ("20191113") to RFC 3339; NULL when it is neither.
 */
static json_t *
issue_time(xmlNode *decl)
{
	char *t = text(path(decl, "IssueDateTime/DateTimeString"));
	char out[40];
	size_t n;

	if (t == NULL)
		return NULL;
	n = strspn(t, "0123456789");
	if (n == 8 && t[8] == '\0')
		snprintf(out, sizeof(out), "%.4s-%.2s-%.2sT00:00:00Z", t, t + 4,
		    t + 6);
	else if (n == 14 && t[14] == 'Z' && t[15] == '\0')
		snprintf(out, sizeof(out), "%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ", t,
		    t + 4, t + 6, t + 8, t + 10, t + 12);
	else if (n == 14 && (t[14] == '+' || t[14] == '-') &&
	    strspn(t + 15, "0123456789") == 4 && t[19] == '\0')
		snprintf(out, sizeof(out), "%.4s-%.2s-%.2sT%.2s:%.2s:%.2s%c%.2s:%.2s",
		    t, t + 4, t + 6, t + 8, t + 10, t + 12, t[14], t + 15, t + 17);
	else {
		free(t);
		return NULL;
	}
	free(t);
	return util_is_rfc3339(out) ? json_string(out) : NULL;
}

/*
 * The commodity code of an item: the TSP code (CN8 in the EU and the UK)
 * followed by the TRC code (the TARIC digits), else the first
 * classification of another kind that is all digits (HS, CN).  NULL when
 * there is none.  Every classification is kept in <all> as "KIND:ID".
 */
static char *
commodity_code(xmlNode *commodity, json_t *all)
{
	char *tsp = NULL, *trc = NULL, *other = NULL, *code = NULL;
	xmlNode *c;

	for (c = commodity ? commodity->children : NULL; c != NULL; c = c->next) {
		char *id, *kind;

		if (!is_elem(c, "Classification"))
			continue;
		id = text(child(c, "ID"));
		kind = text(child(c, "IdentificationTypeCode"));
		if (id != NULL) {
			char *both;

			xasprintf(&both, "%s:%s", kind ? kind : "", id);
			json_array_append_new(all, json_string(both));
			free(both);
			if (kind && strcmp(kind, "TSP") == 0 && tsp == NULL)
				tsp = xstrdup(id);
			else if (kind && strcmp(kind, "TRC") == 0 && trc == NULL)
				trc = xstrdup(id);
			else if (other == NULL && (kind == NULL ||
			    (strcmp(kind, "TRA") != 0 && strcmp(kind, "CV") != 0 &&
			    strcmp(kind, "GN") != 0)) &&
			    strspn(id, "0123456789") == strlen(id) &&
			    strlen(id) >= 4)
				other = xstrdup(id);
		}
		free(id);
		free(kind);
	}
	if (tsp != NULL)
		xasprintf(&code, "%s%s", tsp, trc && strlen(tsp) == 8 ? trc : "");
	else if (other != NULL)
		code = xstrdup(other);
	free(tsp);
	free(trc);
	free(other);
	return code;
}

/* One GovernmentAgencyGoodsItem to a contract item; NULL without a sequence. */
static json_t *
goods_item(xmlNode *gi, size_t index, json_t *errors)
{
	json_t *it = json_object(), *docs = json_array(), *classes = json_array();
	xmlNode *commodity = child(gi, "Commodity"), *c;
	char *seq = text(child(gi, "SequenceNumeric")), *code, *end;
	long n = seq ? strtol(seq, &end, 10) : 0;
	char where[96];

	if (seq == NULL || *end != '\0' || n < 1 || n > 99999) {
		snprintf(where, sizeof(where), "Declaration/GoodsShipment/"
		    "GovernmentAgencyGoodsItem[%zu]/SequenceNumeric", index + 1);
		json_array_append_new(errors, json_pack("{s:s, s:s}", "field",
		    where, "message", seq ? "must be an integer from 1 to 99999" :
		    "is required"));
		free(seq);
		json_decref(it);
		json_decref(docs);
		json_decref(classes);
		return NULL;
	}
	free(seq);
	json_object_set_new(it, "seq", json_integer(n));
	if ((code = commodity_code(commodity, classes)) != NULL)
		json_object_set_new(it, "hs_code", json_string(code));
	free(code);
	set_text(it, "description", commodity, "Description");
	set_text(it, "origin", gi, "Origin/CountryCode");
	for (c = gi->children; c != NULL; c = c->next) {
		char *cat, *type, *doc;

		if (!is_elem(c, "AdditionalDocument"))
			continue;
		cat = text(child(c, "CategoryCode"));
		type = text(child(c, "TypeCode"));
		if (cat != NULL && type != NULL) {
			xasprintf(&doc, "%s%s", cat, type);
			json_array_append_new(docs, json_string(doc));
			free(doc);
		}
		free(cat);
		free(type);
	}
	if (json_array_size(docs) > 0)
		json_object_set_new(it, "documents", docs);
	else
		json_decref(docs);
	{
		xmlNode *m = child(commodity, "GoodsMeasure");
		char *kg = text(child(m, "NetNetWeightMeasure"));

		if (kg != NULL) {
			double v = strtod(kg, &end);

			if (*end == '\0' && v >= 0)
				json_object_set_new(it, "net_mass_kg",
				    json_real(v));
		}
		free(kg);
	}
	json_object_set_new(it, "wco", json_pack("{s:o}", "classifications",
	    classes));
	return it;
}

/* Declaration/GoodsShipment: items, destination, transit countries. */
static void
goods_shipment(xmlNode *gs, json_t *root, json_t *route, json_t *errors)
{
	json_t *items = json_array(), *transit = json_array();
	json_t *item_errors = errors != NULL ? errors : json_array();
	xmlNode *c, *itin;
	size_t i = 0;
	char *dest = text(path(gs, "Destination/CountryCode"));

	for (c = gs ? gs->children : NULL; c != NULL; c = c->next) {
		json_t *it;

		if (!is_elem(c, "GovernmentAgencyGoodsItem"))
			continue;
		if ((it = goods_item(c, i++, item_errors)) != NULL)
			json_array_append_new(items, it);
		/* Exports often name the destination per item only. */
		if (dest == NULL)
			dest = text(path(c, "Destination/CountryCode"));
	}
	if (i == 0 && errors != NULL)
		json_array_append_new(errors, json_pack("{s:s, s:s}", "field",
		    "Declaration/GoodsShipment/GovernmentAgencyGoodsItem",
		    "message", "at least one goods item is required"));
	if (item_errors != errors) {
		/* Goods of a cancellation or header amendment are not needed:
		 * a broken item is left out with the others. */
		json_decref(item_errors);
	}
	json_object_set_new(root, "items", items);
	if (dest != NULL)
		json_object_set_new(route, "destination", json_string(dest));
	free(dest);
	for (itin = path(gs, "Consignment") ? path(gs, "Consignment")->children :
	    NULL; itin != NULL; itin = itin->next) {
		char *cc;

		if (!is_elem(itin, "Itinerary"))
			continue;
		if ((cc = text(child(itin, "RoutingCountryCode"))) != NULL)
			json_array_append_new(transit, json_string(cc));
		free(cc);
	}
	if (json_array_size(transit) > 0)
		json_object_set_new(route, "transit", transit);
	else
		json_decref(transit);
}

/*
 * Finds the Declaration element of the DEC-DMS namespace: the root, inside
 * the MetaData envelope, or inside a transport wrapper around that (a
 * submission request of a national system).  Depth-first; libxml2 already
 * bounds the depth.
 */
static xmlNode *
find_declaration(xmlNode *n, bool any_ns)
{
	xmlNode *c, *found;

	if (n == NULL || n->type != XML_ELEMENT_NODE)
		return NULL;
	if (is_elem(n, "Declaration") && (any_ns || (n->ns != NULL &&
	    strcmp((const char *)n->ns->href, WCO_NS_DEC) == 0)))
		return n;
	for (c = n->children; c != NULL; c = c->next)
		if ((found = find_declaration(c, any_ns)) != NULL)
			return found;
	return NULL;
}

/* The first error libxml2 reports (the last one is often a consequence). */
struct first_error {
	bool	 set;
	int	 line, column;
	char	 message[200];
};

static void
keep_first_error(void *arg, xmlErrorPtr e)
{
	struct first_error *fe = arg;

	if (fe->set || e == NULL || e->level < XML_ERR_ERROR)
		return;
	fe->set = true;
	fe->line = e->line;
	fe->column = e->int2;
	snprintf(fe->message, sizeof(fe->message), "%s", e->message ?
	    e->message : "not well-formed");
	fe->message[strcspn(fe->message, "\n")] = '\0';
	util_utf8_scrub(fe->message);
}

static json_t *
error_body(const char *error, json_t *errors)
{
	return json_pack("{s:s, s:o}", "error", error, "errors", errors);
}

/*
 * What kind of message <decl> is (FunctionCode, TypeCode): sets "type" of
 * <root> and the codes and the function's name under <wco>, appends what cannot be
 * read to <errors>.  True when the message may come without goods (a
 * cancellation, an invalidation request, an amendment of header data).
 */
static bool
map_kind(xmlNode *decl, json_t *root, json_t *wco, json_t *errors)
{
	char *type_code = text(child(decl, "TypeCode"));
	char *function = text(child(decl, "FunctionCode"));
	const char *type = decl_type(type_code, decl), *fname;
	int fcode = function_code(function);
	bool inv = type_code != NULL && strcmp(type_code, "INV") == 0;
	bool no_goods_ok = fcode == WCO_FUNCTION_CANCELLATION ||
	    fcode == WCO_FUNCTION_AMENDMENT || inv;

	if (fcode == -1)
		json_array_append_new(errors, json_pack("{s:s, s:s, s:s}",
		    "field", "Declaration/FunctionCode", "value", function,
		    "message", "must be 9 (original), 10 (cancellation) or 13 "
		    "(amendment)"));
	if (type != NULL)
		json_object_set_new(root, "type", json_string(type));
	else if (!no_goods_ok)
		json_array_append_new(errors, json_pack("{s:s, s:s}", "field",
		    "Declaration/TypeCode", "message", type_code == NULL ?
		    "is required" : is_message_type(type_code) ? "is the type "
		    "code of an additional message (FunctionCode 13); an "
		    "original's is DE 1/1 (EX, IM or CO) and DE 1/2" :
		    "must be DE 1/1 (EX, IM or CO) followed by DE 1/2 (one "
		    "letter), as EXD or IMA"));
	if (type_code != NULL)
		json_object_set_new(wco, "type_code", json_string(type_code));
	json_object_set_new(wco, "function_code", json_integer(fcode));
	fname = fcode == WCO_FUNCTION_CANCELLATION || inv ? "cancellation" :
	    fcode == WCO_FUNCTION_AMENDMENT ? "amendment" : "original";
	json_object_set_new(wco, "function", json_string(fname));
	free(type_code);
	free(function);
	return no_goods_ok;
}

/* The declaration's office and parties into <root>. */
static void
map_office_parties(xmlNode *decl, json_t *root)
{
	json_t *parties = json_array();
	size_t i;

	for (i = 0; i < sizeof(office_paths) / sizeof(office_paths[0]); i++) {
		xmlNode *o = path(decl, office_paths[i]);
		char *id = text(o != NULL && !is_elem(o, "ID") ? child(o, "ID") : o);

		if (id != NULL) {
			json_object_set_new(root, "customs_office",
			    json_string(id));
			free(id);
			break;
		}
	}
	for (i = 0; i < sizeof(party_paths) / sizeof(party_paths[0]); i++) {
		xmlNode *n = path(decl, party_paths[i].path);
		json_t *p;

		if (n != NULL && (p = party(n, party_paths[i].role)) != NULL)
			json_array_append_new(parties, p);
	}
	if (json_array_size(parties) > 0)
		json_object_set_new(root, "parties", parties);
	else
		json_decref(parties);
}

static json_t *
map_declaration(xmlNode *decl, json_t **errp, int *statusp)
{
	json_t *root = json_object(), *route = json_object(), *errors =
	    json_array(), *wco = json_object(), *t;
	bool no_goods_ok;

	set_text(root, "reference", decl, "FunctionalReferenceID");
	if (json_object_get(root, "reference") == NULL)
		json_array_append_new(errors, json_pack("{s:s, s:s}", "field",
		    "Declaration/FunctionalReferenceID", "message",
		    "is required (the LRN)"));
	no_goods_ok = map_kind(decl, root, wco, errors);
	if ((t = issue_time(decl)) != NULL)
		json_object_set_new(root, "lodged_at", t);
	map_office_parties(decl, root);
	set_text(route, "dispatch", decl, "GoodsShipment/ExportCountry/ID");
	goods_shipment(child(decl, "GoodsShipment"), root, route,
	    no_goods_ok ? NULL : errors);
	if (json_object_size(route) > 0)
		json_object_set_new(root, "route", route);
	else
		json_decref(route);
	/* The contract's own field: XML and JSON share one storage path. */
	json_object_set(root, "function", json_object_get(wco, "function"));
	json_object_set_new(root, "wco", wco);
	if (json_array_size(errors) > 0) {
		*statusp = 422;
		*errp = error_body("the WCO declaration lacks what screening "
		    "needs", errors);
		json_decref(root);
		return NULL;
	}
	json_decref(errors);
	return root;
}

json_t *
wco_to_json(const char *data, size_t len, json_t **errp, int *statusp)
{
	xmlParserCtxtPtr ctx;
	xmlDocPtr doc;
	xmlNode *decl, *root_el;
	json_t *root;
	struct first_error fe = { 0 };
	bool lax_ns = false;

	*errp = NULL;
	/* A DEC-DMS message has no DOCTYPE; refusing one closes entity
	 * expansion and external DTDs before the parser sees them. */
	if (memmem(data, len, "<!DOCTYPE", 9) != NULL ||
	    memmem(data, len, "<!ENTITY", 8) != NULL) {
		*statusp = 400;
		*errp = json_pack("{s:s, s:s}", "error", "XML not accepted",
		    "detail", "a DOCTYPE or an entity declaration is not "
		    "accepted in a declaration");
		return NULL;
	}
	if ((ctx = xmlNewParserCtxt()) == NULL)
		fatalx("out of memory");
	/* libxml2 keeps this handler per thread. */
	xmlSetStructuredErrorFunc(&fe, keep_first_error);
	doc = xmlCtxtReadMemory(ctx, data, (int)len, "declaration.xml", NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (doc == NULL || !ctx->wellFormed) {
		*statusp = 400;
		*errp = json_pack("{s:s, s:s, s:i, s:i}", "error",
		    "malformed XML", "detail", fe.set ? fe.message :
		    "not well-formed", "line", fe.line, "column", fe.column);
		xmlFreeDoc(doc);
		xmlFreeParserCtxt(ctx);
		return NULL;
	}
	xmlFreeParserCtxt(ctx);
	root_el = xmlDocGetRootElement(doc);
	if ((decl = find_declaration(root_el, false)) == NULL &&
	    (decl = find_declaration(root_el, true)) != NULL)
		lax_ns = true;
	if (decl == NULL) {
		*statusp = 422;
		*errp = error_body("not a WCO DEC-DMS declaration", json_pack(
		    "[{s:s, s:s}]", "field", "Declaration", "message",
		    "expected a Declaration element in namespace "
		    WCO_NS_DEC " (alone or in a MetaData envelope)"));
		xmlFreeDoc(doc);
		return NULL;
	}
	root = map_declaration(decl, errp, statusp);
	if (root != NULL && lax_ns)
		json_object_set_new(json_object_get(root, "wco"),
		    "namespace", json_string(decl->ns ?
		    (const char *)decl->ns->href : ""));
	xmlFreeDoc(doc);
	return root;
}

struct decl *
wco_parse(const char *data, size_t len, json_t **errp, int *statusp)
{
	json_t *root, *wco;
	struct decl *d;

	if ((root = wco_to_json(data, len, errp, statusp)) == NULL)
		return NULL;
	wco = json_object_get(root, "wco");
	d = decl_from_json_flags(root, wco_decl_flags(root), errp, statusp);
	if (d != NULL && json_object_get(wco, "namespace") != NULL)
		json_array_append_new(d->warnings, json_pack("{s:s, s:s, s:O, "
		    "s:s}", "field", "Declaration", "kind", "wco_namespace",
		    "value", json_object_get(wco, "namespace"), "message",
		    "the Declaration element is not in the DEC-DMS namespace; "
		    "read by its element names"));
	json_decref(root);
	return d;
}

int
wco_decl_flags(json_t *root)
{
	json_t *wco = json_object_get(root, "wco");
	const char *fn;

	if (wco == NULL)
		return 0;
	fn = json_string_value(json_object_get(wco, "function"));
	if (fn != NULL && strcmp(fn, "original") == 0)
		return DECL_ITEM_CODE_OPTIONAL;
	return DECL_ITEM_CODE_OPTIONAL | DECL_GOODS_OPTIONAL;
}
