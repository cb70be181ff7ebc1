/*
 * libFuzzer target: the UN Security Council consolidated list importer
 * (libxml2), which reads a file fetched from the internet.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "fuzz_party.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_party_file("un.xml", (const char *)data, size);
	return 0;
}
