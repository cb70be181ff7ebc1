/*
 * libFuzzer target: the OFAC SDN importers.  The same bytes go through the
 * three legacy CSV formats (sdn.csv, alt.csv, add.csv), whose rows differ
 * but share the CSV reader.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "fuzz_party.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_party_file("sdn.csv", (const char *)data, size);
	fuzz_party_file("alt.csv", (const char *)data, size);
	fuzz_party_file("add.csv", (const char *)data, size);
	return 0;
}
