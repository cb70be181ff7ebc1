/*
 * libFuzzer target: WCO DEC-DMS declarations (libxml2 to the JSON contract,
 * then the contract's validation).  A refused message must come back with
 * an error body and 400 or 422, never a crash, and never both a declaration
 * and an error.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include <jansson.h>

#include "decl.h"
#include "wco.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct decl *d;
	json_t *err = NULL;
	int status = 0;

	d = wco_parse((const char *)data, size, &err, &status);
	if (d == NULL) {
		if (err == NULL || (status != 400 && status != 422))
			abort();
		json_decref(err);
		return 0;
	}
	if (err != NULL)
		abort();
	decl_free(d);
	return 0;
}
