/*
 * OpenSSL server context and client-certificate identity.  The listener
 * itself is set up in http.c with an OpenSSL bufferevent per connection.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <event2/bufferevent.h>
#include <event2/bufferevent_ssl.h>
#include <event2/http.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "conf.h"
#include "tls.h"
#include "xmalloc.h"

static void
ssl_error(char **errp, const char *what, const char *path)
{
	char buf[256];
	unsigned long e = ERR_get_error();

	ERR_error_string_n(e, buf, sizeof(buf));
	xasprintf(errp, "%s %s: %s", what, path, e ? buf : "failed");
	ERR_clear_error();
}

SSL_CTX *
tls_ctx_new(const struct conf *c, char **errp)
{
	struct stat st;
	SSL_CTX *ctx;

	*errp = NULL;
	if (c->tls_cert == NULL || c->tls_key == NULL) {
		*errp = xstrdup("tls_listen needs tls_cert and tls_key");
		return NULL;
	}
	if (stat(c->tls_key, &st) == -1) {
		xasprintf(errp, "tls_key %s: %s", c->tls_key, strerror(errno));
		return NULL;
	}
	if (st.st_mode & (S_IRWXG | S_IRWXO)) {
		xasprintf(errp, "tls_key %s: readable by group or others; "
		    "chmod 600 it", c->tls_key);
		return NULL;
	}
	if ((ctx = SSL_CTX_new(TLS_server_method())) == NULL) {
		ssl_error(errp, "SSL_CTX_new", "");
		return NULL;
	}
	SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
	SSL_CTX_set_options(ctx, SSL_OP_NO_RENEGOTIATION |
	    SSL_OP_CIPHER_SERVER_PREFERENCE);
	/*
	 * TLS 1.2: forward secrecy and authenticated encryption only (no
	 * static RSA key exchange, no CBC).  TLS 1.3 suites all are.
	 */
	if (SSL_CTX_set_cipher_list(ctx, TLS_CIPHERS_12) != 1) {
		ssl_error(errp, "TLS 1.2 cipher list", TLS_CIPHERS_12);
		goto fail;
	}
	if (SSL_CTX_use_certificate_chain_file(ctx, c->tls_cert) != 1) {
		ssl_error(errp, "tls_cert", c->tls_cert);
		goto fail;
	}
	if (SSL_CTX_use_PrivateKey_file(ctx, c->tls_key, SSL_FILETYPE_PEM) != 1) {
		ssl_error(errp, "tls_key", c->tls_key);
		goto fail;
	}
	if (SSL_CTX_check_private_key(ctx) != 1) {
		ssl_error(errp, "tls_key does not match tls_cert:", c->tls_key);
		goto fail;
	}
	if (c->tls_client_ca != NULL) {
		STACK_OF(X509_NAME) *names;

		if (SSL_CTX_load_verify_locations(ctx, c->tls_client_ca,
		    NULL) != 1) {
			ssl_error(errp, "tls_client_ca", c->tls_client_ca);
			goto fail;
		}
		if ((names = SSL_load_client_CA_file(c->tls_client_ca)) != NULL)
			SSL_CTX_set_client_CA_list(ctx, names);
		/*
		 * Ask for a certificate but do not insist: a system without
		 * one can still present a bearer token.
		 */
		SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
		SSL_CTX_set_verify_depth(ctx, 4);
	}
	return ctx;
fail:
	SSL_CTX_free(ctx);
	return NULL;
}

int
tls_cert_name(X509 *cert, char *out, size_t outlen)
{
	X509_NAME *subj = X509_get_subject_name(cert);
	X509_NAME_ENTRY *e;
	unsigned char *utf8 = NULL;
	int i, len;

	if (subj == NULL ||
	    (i = X509_NAME_get_index_by_NID(subj, NID_commonName, -1)) < 0)
		return -1;
	/* Several common names: which one is the system?  None. */
	if (X509_NAME_get_index_by_NID(subj, NID_commonName, i) >= 0)
		return -1;
	e = X509_NAME_get_entry(subj, i);
	if ((len = ASN1_STRING_to_UTF8(&utf8,
	    X509_NAME_ENTRY_get_data(e))) <= 0)
		return -1;
	/*
	 * An embedded NUL would make "system\0.evil" authenticate as
	 * "system"; a name that does not fit is not truncated either.
	 */
	if (memchr(utf8, '\0', (size_t)len) != NULL || (size_t)len >= outlen) {
		OPENSSL_free(utf8);
		return -1;
	}
	memcpy(out, utf8, (size_t)len);
	out[len] = '\0';
	OPENSSL_free(utf8);
	return 0;
}

int
tls_peer_name(struct evhttp_request *req, char *out, size_t outlen)
{
	struct evhttp_connection *evcon = evhttp_request_get_connection(req);
	struct bufferevent *bev;
	X509 *cert;
	SSL *ssl;
	int n;

	if (evcon == NULL ||
	    (bev = evhttp_connection_get_bufferevent(evcon)) == NULL ||
	    (ssl = bufferevent_openssl_get_ssl(bev)) == NULL)
		return -1;
	if ((cert = SSL_get1_peer_certificate(ssl)) == NULL)
		return -1;
	if (SSL_get_verify_result(ssl) != X509_V_OK) {
		X509_free(cert);
		return -1;
	}
	n = tls_cert_name(cert, out, outlen);
	X509_free(cert);
	return n;
}
