/*
 * libFuzzer target: the declaration contract and screening.  Any bytes go
 * through decl_parse(); what parses is screened against a small ruleset,
 * so folding, the matchers, parameters and CAS extraction see hostile text.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "decl.h"
#include "screen.h"
#include "snapshot.h"

static struct snapshot *snap;

static const char rules[] =
    "list: {id: f, title: F, source: S, version_date: 2024-01-31}\n"
    "entries:\n"
    "  - code: C1\n"
    "    title: Phosphorus oxychloride\n"
    "    category: chemical\n"
    "    explanation: x\n"
    "    cas: [10025-87-3]\n"
    "    hs: ['2812.12']\n"
    "    keywords: [phosphorus oxychloride, 'oxychlorid*', 'centrifug* separator*']\n"
    "    exclude: [toothpaste, 'консерв*']\n"
    "    exempt: [fonofos, 're:铁氰化钾']\n"
    "    parameters: [{quantity: frequency, above: 600 Hz},\n"
    "                 {quantity: length, role: thickness, below: 5 mm}]\n"
    "  - code: E1\n"
    "    title: Machinery to KP\n"
    "    category: embargo\n"
    "    explanation: x\n"
    "    destinations: [KP]\n"
    "    hs: ['84']\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct decl *d;
	json_t *err = NULL, *res;
	int status;

	if (snap == NULL) {
		struct ruleset *rs = rules_new();
		struct buf errs;

		buf_init(&errs);
		if (rules_add_buffer(rs, "f.yaml", rules, strlen(rules), &errs) > 0)
			abort();
		if ((snap = snapshot_build(rs, "fuzz", &errs)) == NULL)
			abort();
		buf_free(&errs);
	}
	d = decl_parse((const char *)data, size, &err, &status);
	if (d == NULL) {
		if (err == NULL || (status != 400 && status != 422))
			abort();
		json_decref(err);
		return 0;
	}
	res = screen_decl(snap->m, NULL, d, snap->version);
	json_decref(res);
	decl_free(d);
	return 0;
}
