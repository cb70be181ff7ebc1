/*
 * Serving the embedded console files, with headers that keep the page to
 * its own origin (no inline scripts, no framing, no sniffing).
 */
#include "config.h"

#include <string.h>

#include <event2/buffer.h>
#include <event2/http.h>

#include "console.h"
#include "http.h"

void
console_serve(struct evhttp_request *req, const char *path)
{
	struct evkeyvalq *h = evhttp_request_get_output_headers(req);
	struct evbuffer *out;
	size_t i;

	if (strcmp(path, "/") == 0 || strcmp(path, "/console") == 0) {
		evhttp_add_header(h, "Location", "/console/");
		http_send(req, 302, NULL);
		return;
	}
	if (strcmp(path, "/console/") == 0)
		path = "/console/index.html";
	for (i = 0; i < console_nfiles; i++)
		if (strcmp(console_files[i].path, path) == 0)
			break;
	if (i == console_nfiles) {
		http_reply_error(req, 404, "no such file");
		return;
	}
	evhttp_add_header(h, "Content-Type", console_files[i].type);
	evhttp_add_header(h, "Cache-Control", "no-cache");
	evhttp_add_header(h, "X-Content-Type-Options", "nosniff");
	evhttp_add_header(h, "X-Frame-Options", "DENY");
	evhttp_add_header(h, "Referrer-Policy", "no-referrer");
	evhttp_add_header(h, "Content-Security-Policy", "default-src 'self'; "
	    "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'");
	out = evbuffer_new();
	evbuffer_add_reference(out, console_files[i].data, console_files[i].len,
	    NULL, NULL);
	http_send(req, 200, out);
	evbuffer_free(out);
}
