/*
 * The queue's CSV export (quoting, formula cells, entries folded once,
 * missing members) and the checks of the queue's filter values.
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "harness.h"
#include "queue.h"

static void
test_csv(void)
{
	json_t *alerts;
	json_error_t je;
	char *csv;
	const char *line2;

	alerts = json_loads("[{\"id\": \"a1\", \"reference\": \"REF,1\", "
	    "\"severity\": \"critical\", \"score\": 97, \"category\": "
	    "\"sanctions\", \"status\": \"claimed\", \"claimed_by\": "
	    "\"officer-a\", \"submitter\": \"customs-de\", \"destination\": "
	    "\"KP\", \"consignee\": \"=HYPERLINK(\\\"x\\\")\", "
	    "\"consignee_country\": \"KP\", \"item_seq\": null, \"hits\": ["
	    "{\"list\": \"un\", \"entry\": \"KPe.071\"}, {\"list\": \"un\", "
	    "\"entry\": \"KPe.071\"}, {\"list\": \"cwc\", \"entry\": \"3B05\"}], "
	    "\"created_at\": \"2026-11-29T10:00:00+00:00\"}, "
	    "{\"id\": \"a2\", \"reference\": \"say \\\"hi\\\"\\nnext\", "
	    "\"score\": 5}]", 0, &je);
	if (!CHECK(alerts != NULL))
		return;
	csv = queue_csv(alerts);
	if (!CHECK(csv != NULL)) {
		json_decref(alerts);
		return;
	}
	CHECK(strncmp(csv, "id,reference,severity,score,category,status,"
	    "claimed_by,decision,decided_by,approved_by,submitter,dispatch,"
	    "destination,consignee,consignee_country,item_seq,entries,"
	    "created_at\r\n", 170) == 0);
	line2 = strstr(csv, "\r\n");
	if (CHECK(line2 != NULL && strstr(line2 + 2, "\r\n") != NULL)) {
		char *row = strndup(line2 + 2, strstr(line2 + 2, "\r\n") -
		    line2 - 2);

		CHECK_STR_EQ(row, "a1,\"REF,1\",critical,97,sanctions,claimed,"
		    "officer-a,,,,customs-de,,KP,\"'=HYPERLINK(\"\"x\"\")\",KP,,"
		    "un/KPe.071 cwc/3B05,2026-11-29T10:00:00+00:00");
		free(row);
	}
	/* A quote doubled, a line break kept inside quotes, absent members
	 * empty. */
	CHECK(strstr(csv, "a2,\"say \"\"hi\"\"\nnext\",,5,,,,,,,,,,,,,,\r\n")
	    != NULL);
	free(csv);
	json_decref(alerts);

	alerts = json_array();
	csv = queue_csv(alerts);
	/* The header alone. */
	CHECK(csv != NULL && strchr(csv, '\n') == csv + strlen(csv) - 1 &&
	    strncmp(csv, "id,reference,", 13) == 0);
	free(csv);
	json_decref(alerts);
}

static void
test_filters(void)
{
	static const struct { const char *s; bool ok; } countries[] = {
		{ "KP", true }, { "DE", true }, { "kp", false }, { "K", false },
		{ "KPX", false }, { "", false }, { "1A", false },
	}, dates[] = {
		{ "2026-11-29", true }, { "2024-02-29", true },
		{ "2025-02-29", false }, { "2100-02-29", false },
		{ "2000-02-29", true }, { "2026-13-01", false },
		{ "2026-04-31", false }, { "2026-1-01", false },
		{ "2026-11-29T00:00:00Z", false }, { "", false },
		{ "2026-00-10", false }, { "20261129xx", false },
	}, statuses[] = {
		{ "open", true }, { "open,claimed", true },
		{ "open,claimed,held", true }, { "open,open", false },
		{ "open,", false }, { ",open", false }, { "open,,held", false },
		{ "opened", false }, { "", false }, { "auto_closed", true },
	};
	size_t i;

	for (i = 0; i < sizeof(countries) / sizeof(countries[0]); i++) {
		harness_context("country %s", countries[i].s);
		CHECK_INT_EQ(queue_is_country(countries[i].s), countries[i].ok);
	}
	for (i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		harness_context("date %s", dates[i].s);
		CHECK_INT_EQ(queue_is_date(dates[i].s), dates[i].ok);
	}
	for (i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++) {
		harness_context("statuses %s", statuses[i].s);
		CHECK_INT_EQ(queue_is_status_list(statuses[i].s),
		    statuses[i].ok);
	}
	harness_context(NULL);
	CHECK(!queue_is_country(NULL));
	CHECK(!queue_is_date(NULL));
	CHECK(!queue_is_status_list(NULL));
}

int
main(void)
{
	harness_init("test_queue");
	test_csv();
	test_filters();
	return harness_done();
}
