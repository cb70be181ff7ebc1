/*
 * libFuzzer target: the configuration loader (YAML through ytree, the
 * settings table, ranges).  conf_load() reads a path, so each input is
 * written to one private temporary file first.  A refused file must say
 * why as "path:line: why" (or "path: why"), never crash.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conf.h"

static char path[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
remove_input(void)
{
	unlink(path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct conf c;
	char *err = NULL;
	FILE *fp;

	if (path[0] == '\0') {
		snprintf(path, sizeof(path), "/tmp/cordon-fuzz-conf.%ld.yaml",
		    (long)getpid());
		atexit(remove_input);
	}
	if ((fp = fopen(path, "w")) == NULL)
		abort();
	if (size > 0 && fwrite(data, 1, size, fp) != size)
		abort();
	fclose(fp);
	conf_init(&c);
	if (conf_load(path, &c, &err) == -1) {
		if (err == NULL || strncmp(err, path, strlen(path)) != 0 ||
		    err[strlen(path)] != ':')
			abort();
		free(err);
	}
	conf_free(&c);
	return 0;
}
