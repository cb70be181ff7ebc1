/*
 * Legal basis of sanctions hits.  The UN consolidated list says under
 * which sanctions programme an entry is listed; the Security Council
 * resolution that established each programme's measures is fixed public
 * knowledge, kept in one table here.  Other party lists (OFAC, BIS) name
 * their programme, which is shown as it is.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "legal.h"

static const struct {
	const char	*programme;	/* UN_LIST_TYPE */
	const char	*basis;
} un_programmes[] = {
	{ "Al-Qaida", "resolutions 1267 (1999), 1989 (2011) and 2253 (2015), "
	    "ISIL (Da'esh) and Al-Qaida sanctions" },
	{ "CAR", "resolution 2127 (2013), Central African Republic sanctions" },
	{ "DPRK", "resolution 1718 (2006), DPRK sanctions" },
	{ "DRC", "resolution 1533 (2004), Democratic Republic of the Congo "
	    "sanctions" },
	{ "GB", "resolution 2048 (2012), Guinea-Bissau sanctions" },
	{ "Haiti", "resolution 2653 (2022), Haiti sanctions" },
	{ "Iran", "resolution 1737 (2006), Iran sanctions" },
	{ "Iraq", "resolution 1518 (2003), Iraq sanctions" },
	{ "Libya", "resolution 1970 (2011), Libya sanctions" },
	{ "Somalia", "resolutions 751 (1992) and 2713 (2023), Al-Shabaab "
	    "sanctions" },
	{ "SouthSudan", "resolution 2206 (2015), South Sudan sanctions" },
	{ "Sudan", "resolution 1591 (2005), Sudan sanctions" },
	{ "Taliban", "resolution 1988 (2011), Taliban sanctions" },
	{ "Yemen", "resolution 2140 (2014), Yemen sanctions" },
};

const char *
legal_un_resolution(const char *programme)
{
	size_t i;

	if (programme == NULL)
		return NULL;
	for (i = 0; i < sizeof(un_programmes) / sizeof(un_programmes[0]); i++)
		if (strcmp(un_programmes[i].programme, programme) == 0)
			return un_programmes[i].basis;
	return NULL;
}

/* The entry of <lists> (an array of {"list_id" or "id", "title"}) for <id>. */
static json_t *
list_find(json_t *lists, const char *key, const char *id)
{
	json_t *l;
	size_t i;

	json_array_foreach(lists, i, l) {
		const char *v = json_string_value(json_object_get(l, key));

		if (v != NULL && strcmp(v, id) == 0)
			return l;
	}
	return NULL;
}

void
legal_annotate(json_t *alert, json_t *party_lists)
{
	json_t *lists = json_object_get(alert, "lists"), *h;
	size_t i;

	if (!json_is_array(lists)) {
		lists = json_array();
		json_object_set_new(alert, "lists", lists);
	}
	json_array_foreach(json_object_get(alert, "hits"), i, h) {
		const char *list = json_string_value(json_object_get(h, "list"));
		const char *prog = json_string_value(json_object_get(h,
		    "programme"));
		const char *reason = json_string_value(json_object_get(h,
		    "reason"));
		const char *title = NULL, *res;
		json_t *pl, *known;
		char basis[512];

		if (list == NULL || reason == NULL || strcmp(reason, "party") != 0)
			continue;
		pl = list_find(party_lists, "id", list);
		if (pl != NULL)
			title = json_string_value(json_object_get(pl, "title"));
		known = list_find(lists, "list_id", list);
		if (known == NULL && title != NULL)
			json_array_append_new(lists, json_pack("{s:s, s:s, s:s}",
			    "list_id", list, "title", title, "source", title));
		else if (known != NULL && title == NULL)
			title = json_string_value(json_object_get(known, "title"));
		res = strncmp(list, "un-", 3) == 0 ? legal_un_resolution(prog) :
		    NULL;
		if (res != NULL)
			snprintf(basis, sizeof(basis), "UN Security Council %s%s%s",
			    res, title ? "; " : "", title ? title : "");
		else if (prog != NULL)
			snprintf(basis, sizeof(basis), "programme %s of %s", prog,
			    title ? title : list);
		else
			snprintf(basis, sizeof(basis), "%s", title ? title : list);
		json_object_set_new(h, "legal_basis", json_string(basis));
	}
}
