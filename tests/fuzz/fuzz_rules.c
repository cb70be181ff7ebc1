/*
 * libFuzzer target: rule files.  Any bytes are parsed as a YAML rule file
 * and, when accepted, compiled into a matcher; errors must come back as
 * "name:line: why" text, never as a crash.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "snapshot.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ruleset *rs = rules_new();
	struct snapshot *s;
	struct buf errs;

	buf_init(&errs);
	if (rules_add_buffer(rs, "f.yaml", (const char *)data, size, &errs) > 0) {
		if (errs.len == 0 || strncmp(errs.data, "f.yaml:", 7) != 0)
			abort();
		rules_free(rs);
	} else if ((s = snapshot_build(rs, "fuzz", &errs)) != NULL)
		snapshot_unref(s);
	buf_free(&errs);
	return 0;
}
