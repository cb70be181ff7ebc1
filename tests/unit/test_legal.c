/*
 * The legal basis of sanctions hits: the UN programmes' resolutions, and
 * the alert view completed with the party lists' names.
 */
#include "config.h"

#include <string.h>

#include <jansson.h>

#include "harness.h"
#include "legal.h"

static void
test_resolutions(void)
{
	CHECK_STR_EQ(legal_un_resolution("DPRK"),
	    "resolution 1718 (2006), DPRK sanctions");
	CHECK(strstr(legal_un_resolution("Al-Qaida"), "1267 (1999)") != NULL);
	CHECK(strstr(legal_un_resolution("Taliban"), "1988 (2011)") != NULL);
	CHECK(legal_un_resolution("dprk") == NULL);	/* as the list spells it */
	CHECK(legal_un_resolution("Narnia") == NULL);
	CHECK(legal_un_resolution(NULL) == NULL);
}

static void
test_annotate(void)
{
	json_error_t je;
	json_t *a = json_loads("{\"hits\": ["
	    "{\"list\": \"un-sc\", \"entry\": \"KPe.001\", \"reason\": \"party\", "
	    "\"programme\": \"DPRK\"}, "
	    "{\"list\": \"ofac-sdn\", \"entry\": \"9345\", \"reason\": \"party\", "
	    "\"programme\": \"NPWMD\"}, "
	    "{\"list\": \"un-sc\", \"entry\": \"QDe.004\", \"reason\": \"party\"}, "
	    "{\"list\": \"cwc\", \"entry\": \"3B05\", \"reason\": \"keyword\"}], "
	    "\"lists\": [{\"list_id\": \"cwc\", \"title\": \"CWC\"}]}", 0, &je);
	json_t *pl = json_loads("[{\"id\": \"un-sc\", \"title\": \"UN Security "
	    "Council Consolidated List\"}, {\"id\": \"ofac-sdn\", \"title\": "
	    "\"OFAC SDN List\"}]", 0, &je);
	json_t *h;

	if (!CHECK(a != NULL && pl != NULL))
		return;
	legal_annotate(a, pl);
	h = json_object_get(a, "hits");
	CHECK_STR_EQ(json_string_value(json_object_get(json_array_get(h, 0),
	    "legal_basis")), "UN Security Council resolution 1718 (2006), DPRK "
	    "sanctions; UN Security Council Consolidated List");
	CHECK_STR_EQ(json_string_value(json_object_get(json_array_get(h, 1),
	    "legal_basis")), "programme NPWMD of OFAC SDN List");
	CHECK_STR_EQ(json_string_value(json_object_get(json_array_get(h, 2),
	    "legal_basis")), "UN Security Council Consolidated List");
	CHECK(json_object_get(json_array_get(h, 3), "legal_basis") == NULL);
	/* cwc kept, un-sc and ofac-sdn added once each. */
	CHECK_INT_EQ(json_array_size(json_object_get(a, "lists")), 3);
	json_decref(a);

	/* Without the snapshot's lists: the programme and the list id. */
	a = json_loads("{\"hits\": [{\"list\": \"ofac-sdn\", \"reason\": "
	    "\"party\", \"programme\": \"IRAN\"}]}", 0, &je);
	legal_annotate(a, NULL);
	CHECK_STR_EQ(json_string_value(json_object_get(json_array_get(
	    json_object_get(a, "hits"), 0), "legal_basis")),
	    "programme IRAN of ofac-sdn");
	CHECK_INT_EQ(json_array_size(json_object_get(a, "lists")), 0);
	json_decref(a);
	json_decref(pl);
}

int
main(void)
{
	harness_init("test_legal");
	test_resolutions();
	test_annotate();
	return harness_done();
}
