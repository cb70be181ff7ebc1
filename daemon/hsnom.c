/*
 * Lookups in the compiled HS nomenclature table.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "hsnom.h"

const struct hsnom_row *
hsnom_find(const char *code)
{
	unsigned long lo = 0, hi = hsnom_nrows;

	while (lo < hi) {
		unsigned long mid = (lo + hi) / 2;
		int c = strcmp(hsnom_rows[mid].code, code);

		if (c == 0)
			return &hsnom_rows[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

enum hsnom_status
hsnom_check(const char *digits, const struct hsnom_row **rowp)
{
	const struct hsnom_row *r = NULL;
	char key[7];
	size_t n = strlen(digits);

	*rowp = NULL;
	if (n >= 6) {
		memcpy(key, digits, 6);
		key[6] = '\0';
		r = hsnom_find(key);
	} else if (n >= 4) {
		memcpy(key, digits, 4);
		key[4] = '\0';
		r = hsnom_find(key);
	}
	if (r == NULL) {
		/* Say at least what the heading is, when it exists. */
		if (n >= 4) {
			memcpy(key, digits, 4);
			key[4] = '\0';
			*rowp = hsnom_find(key);
		}
		return HSNOM_UNKNOWN;
	}
	*rowp = r;
	return (r->editions & HSNOM_2022) ? HSNOM_OK : HSNOM_OUTDATED;
}
