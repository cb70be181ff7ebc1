/*
 * TLS for the API: an OpenSSL SSL_CTX from the settings (certificate, key,
 * optional client CA) and the identity of a verified client certificate.
 * No globals; the context is owned by the runtime.
 */
#ifndef CORDON_TLS_H
#define CORDON_TLS_H

#include <stddef.h>

#include <openssl/ssl.h>
#include <openssl/x509.h>

struct conf;
struct evhttp_request;

/*
 * Builds a server context from conf->tls_cert/tls_key (and tls_client_ca
 * if set, to request and verify client certificates).  The key file is
 * refused when group- or world-readable.  NULL with *errp (caller frees).
 */
SSL_CTX	*tls_ctx_new(const struct conf *, char **errp);

/*
 * The TLS 1.2 suites offered: ECDHE key exchange with AEAD ciphers only
 * (AES-GCM, ChaCha20-Poly1305).  TLS 1.3 suites are AEAD by design and
 * left at OpenSSL's defaults.
 */
#define TLS_CIPHERS_12	"ECDHE-ECDSA-AES256-GCM-SHA384:" \
			"ECDHE-RSA-AES256-GCM-SHA384:" \
			"ECDHE-ECDSA-CHACHA20-POLY1305:" \
			"ECDHE-RSA-CHACHA20-POLY1305:" \
			"ECDHE-ECDSA-AES128-GCM-SHA256:" \
			"ECDHE-RSA-AES128-GCM-SHA256"

/*
 * The common name of the verified client certificate of <req>'s
 * connection, copied into <out>; 0, or -1 if the request did not come
 * over TLS with a certificate that verified, or its name is not one
 * clear name (see tls_cert_name).
 */
int	 tls_peer_name(struct evhttp_request *, char *out, size_t outlen);
/*
 * The identity of <cert> (borrowed): its one common name as UTF-8 into
 * <out>.  -1 when the subject has no common name or several, when the
 * name holds a NUL byte, or when it does not fit in <outlen>.
 */
int	 tls_cert_name(X509 *cert, char *out, size_t outlen);

#endif
