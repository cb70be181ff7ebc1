/*
 * libFuzzer target: the BIS Denied Persons List importer (tab-separated
 * text with quoted fields and US dates).
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "fuzz_party.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_party_file("dpl.txt", (const char *)data, size);
	return 0;
}
