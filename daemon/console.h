/*
 * The officers' web console: static files (daemon/console/) embedded at
 * build time and served by cordond under /console/.  The console itself
 * talks to the API with the officer's token; nothing here authenticates.
 */
#ifndef CORDON_CONSOLE_H
#define CORDON_CONSOLE_H

#include <stddef.h>

struct evhttp_request;

struct console_file {
	const char		*path;		/* "/console/app.js" */
	const char		*type;		/* Content-Type */
	const unsigned char	*data;
	size_t			 len;
};

/* Generated table (console_data.c). */
extern const struct console_file	console_files[];
extern const size_t			console_nfiles;

/* Serves <path> ("/", "/console", "/console/...") or 404. */
void	console_serve(struct evhttp_request *, const char *path);

#endif
