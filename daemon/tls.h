/*
 * TLS for the API: an OpenSSL SSL_CTX from the settings (certificate, key,
 * optional client CA) and the identity of a verified client certificate.
 * No globals; the context is owned by the runtime.
 */
#ifndef CORDON_TLS_H
#define CORDON_TLS_H

#include <stddef.h>

#include <openssl/ssl.h>

struct conf;
struct evhttp_request;

/*
 * Builds a server context from conf->tls_cert/tls_key (and tls_client_ca
 * if set, to request and verify client certificates).  The key file is
 * refused when group- or world-readable.  NULL with *errp (caller frees).
 */
SSL_CTX	*tls_ctx_new(const struct conf *, char **errp);

/*
 * The common name of the verified client certificate of <req>'s
 * connection, copied into <out>; 0, or -1 if the request did not come
 * over TLS with a certificate that verified.
 */
int	 tls_peer_name(struct evhttp_request *, char *out, size_t outlen);

#endif
