/*
 * One list download with libcurl's easy interface: the body goes into a
 * growing buffer while an OpenSSL digest runs over it, so the SHA-256 is
 * ready when the transfer ends.  This module owns only the transfer; it does
 * not parse, store or import what it fetched.  Blocking by design: it serves
 * cordonctl, never the daemon's event loop.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>
#include <openssl/evp.h>

#include "fetch.h"
#include "util.h"
#include "xmalloc.h"

struct fetch {
	struct buf	 body;
	EVP_MD_CTX	*md;
	bool		 too_big;
	void		(*progress)(size_t, size_t, void *);
	void		*arg;
	size_t		 total;		/* Content-Length, 0 if unknown */
};

static size_t
fetch_write(char *ptr, size_t size, size_t nmemb, void *userdata)
{
	struct fetch *f = userdata;
	size_t n = size * nmemb;

	if (f->body.len + n > FETCH_MAX_SIZE) {
		f->too_big = true;
		return 0;	/* makes curl fail with CURLE_WRITE_ERROR */
	}
	buf_add(&f->body, ptr, n);
	if (EVP_DigestUpdate(f->md, ptr, n) != 1)
		return 0;
	if (f->progress != NULL)
		f->progress(f->body.len, f->total, f->arg);
	return n;
}

static int
fetch_xferinfo(void *userdata, curl_off_t dltotal, curl_off_t dlnow,
    curl_off_t ultotal, curl_off_t ulnow)
{
	struct fetch *f = userdata;

	if (dltotal > 0)
		f->total = (size_t)dltotal;
	/* Refuse early when the server announces too much. */
	return dltotal > 0 && (size_t)dltotal > FETCH_MAX_SIZE ? 1 : 0;
}

int
fetch_url(const char *url, char **datap, size_t *lenp, char sha256[65],
    void (*progress)(size_t, size_t, void *), void *arg, char **errp)
{
	static const char hexd[] = "0123456789abcdef";
	struct fetch f;
	CURL *c = NULL;
	CURLcode rc;
	char cerr[CURL_ERROR_SIZE] = "";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0, i;
	long status = 0;
	int ret = -1;

	*datap = NULL;
	*lenp = 0;
	*errp = NULL;
	memset(&f, 0, sizeof(f));
	buf_init(&f.body);
	f.progress = progress;
	f.arg = arg;
	if ((f.md = EVP_MD_CTX_new()) == NULL ||
	    EVP_DigestInit_ex(f.md, EVP_sha256(), NULL) != 1) {
		xasprintf(errp, "%s: cannot start SHA-256", url);
		goto fail;
	}
	if ((c = curl_easy_init()) == NULL) {
		xasprintf(errp, "%s: cannot start libcurl", url);
		goto fail;
	}
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https,file");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, (long)FETCH_MAX_REDIRECTS);
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE,
	    (curl_off_t)FETCH_MAX_SIZE);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, fetch_write);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &f);
	curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, fetch_xferinfo);
	curl_easy_setopt(c, CURLOPT_XFERINFODATA, &f);
	curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, cerr);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 30L);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, 60L);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "cordon/" PACKAGE_VERSION);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);

	rc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	if (f.too_big || rc == CURLE_FILESIZE_EXCEEDED ||
	    (rc == CURLE_ABORTED_BY_CALLBACK && f.total > FETCH_MAX_SIZE)) {
		xasprintf(errp, "%s: larger than %zu MiB", url,
		    FETCH_MAX_SIZE >> 20);
		goto fail;
	}
	if (rc == CURLE_TOO_MANY_REDIRECTS) {
		xasprintf(errp, "%s: more than %d redirects", url,
		    FETCH_MAX_REDIRECTS);
		goto fail;
	}
	if (rc != CURLE_OK) {
		xasprintf(errp, "%s: %s", url, cerr[0] ? cerr :
		    curl_easy_strerror(rc));
		goto fail;
	}
	if (status >= 400) {
		xasprintf(errp, "%s: HTTP status %ld", url, status);
		goto fail;
	}
	if (EVP_DigestFinal_ex(f.md, md, &mdlen) != 1) {
		xasprintf(errp, "%s: SHA-256 failed", url);
		goto fail;
	}
	for (i = 0; i < mdlen && i < 32; i++) {
		sha256[2 * i] = hexd[md[i] >> 4];
		sha256[2 * i + 1] = hexd[md[i] & 15];
	}
	sha256[64] = '\0';
	*lenp = f.body.len;
	*datap = f.body.len > 0 ? buf_release(&f.body) : xstrdup("");
	ret = 0;
fail:
	if (c != NULL)
		curl_easy_cleanup(c);
	EVP_MD_CTX_free(f.md);
	buf_free(&f.body);
	return ret;
}

static size_t
api_write(char *ptr, size_t size, size_t nmemb, void *userdata)
{
	buf_add(userdata, ptr, size * nmemb);
	return size * nmemb;
}

int
fetch_api(const char *method, const char *url, const char *token,
    const char *body, char **respp, long *statusp, char **errp)
{
	struct curl_slist *hdr = NULL;
	struct buf resp;
	char *auth = NULL;
	CURL *h;
	CURLcode rc;

	*respp = NULL;
	*errp = NULL;
	if ((h = curl_easy_init()) == NULL) {
		*errp = xstrdup("cannot initialise libcurl");
		return -1;
	}
	buf_init(&resp);
	if (token != NULL) {
		xasprintf(&auth, "Authorization: Bearer %s", token);
		hdr = curl_slist_append(hdr, auth);
	}
	hdr = curl_slist_append(hdr, "Content-Type: application/json");
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdr);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, api_write);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, &resp);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, 60L);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	if (body != NULL)
		curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
	rc = curl_easy_perform(h);
	if (rc != CURLE_OK) {
		xasprintf(errp, "%s: %s", url, curl_easy_strerror(rc));
		buf_free(&resp);
	} else {
		curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, statusp);
		*respp = buf_release(&resp);
	}
	curl_slist_free_all(hdr);
	free(auth);
	curl_easy_cleanup(h);
	return rc == CURLE_OK ? 0 : -1;
}
