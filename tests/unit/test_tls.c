/*
 * Unit tests of tls.c: the identity taken from a client certificate, and
 * the TLS 1.2 suites the server context offers.  Certificates and keys are
 * made here in memory (and written to a private temporary directory for
 * tls_ctx_new), so the tests need no fixtures and no network.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "conf.h"
#include "log.h"
#include "tls.h"

#include "harness.h"

static EVP_PKEY *key;

/*
 * A self-signed certificate whose subject holds the common names <cns>
 * (<lens> bytes each, so that they may contain NUL bytes), <n> of them.
 */
static X509 *
cert_with(const char *const *cns, const int *lens, int n)
{
	X509 *x = X509_new();
	X509_NAME *name = X509_NAME_new();
	int i;

	X509_set_version(x, 2);
	ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
	X509_gmtime_adj(X509_getm_notBefore(x), 0);
	X509_gmtime_adj(X509_getm_notAfter(x), 3600);
	X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
	    (const unsigned char *)"Cordon tests", -1, -1, 0);
	for (i = 0; i < n; i++)
		X509_NAME_add_entry_by_NID(name, NID_commonName, MBSTRING_UTF8,
		    (const unsigned char *)cns[i], lens[i], -1, 0);
	X509_set_subject_name(x, name);
	X509_set_issuer_name(x, name);
	X509_NAME_free(name);
	X509_set_pubkey(x, key);
	X509_sign(x, key, EVP_sha256());
	return x;
}

static int
name_of(const char *const *cns, const int *lens, int n, char *out,
    size_t outlen)
{
	X509 *x = cert_with(cns, lens, n);
	int rc = tls_cert_name(x, out, outlen);

	X509_free(x);
	return rc;
}

static void
test_identity(void)
{
	static const char nul_cn[] = "it-tls-system\0.attacker.example";
	const char *one[] = { "it-tls-system" };
	const char *nul[] = { nul_cn };
	const char *two[] = { "it-tls-system", "other-system" };
	const char *utf[] = { "zoll-m\xc3\xbc" "nchen" };
	const char *lng[] = { "a-name-longer-than-the-buffer-given" };
	int one_len[] = { 13 }, nul_len[] = { (int)sizeof(nul_cn) - 1 };
	int two_len[] = { 13, 12 }, utf_len[] = { -1 }, lng_len[] = { -1 };
	char out[128];
	X509 *x;

	harness_context("one common name");
	CHECK_INT_EQ(name_of(one, one_len, 1, out, sizeof(out)), 0);
	CHECK_STR_EQ(out, "it-tls-system");

	harness_context("UTF-8 common name");
	CHECK_INT_EQ(name_of(utf, utf_len, 1, out, sizeof(out)), 0);
	CHECK_STR_EQ(out, "zoll-m\xc3\xbc" "nchen");

	/*
	 * The name with an embedded NUL: what the old code read (the text
	 * getter stops at the NUL and authenticated the prefix) is refused.
	 */
	harness_context("embedded NUL");
	x = cert_with(nul, nul_len, 1);
	CHECK(X509_NAME_get_text_by_NID(X509_get_subject_name(x),
	    NID_commonName, out, (int)sizeof(out)) > 0);
	CHECK_STR_EQ(out, "it-tls-system");	/* the prefix: the attack */
	memset(out, 'x', sizeof(out));
	CHECK_INT_EQ(tls_cert_name(x, out, sizeof(out)), -1);
	X509_free(x);

	harness_context("two common names");
	CHECK_INT_EQ(name_of(two, two_len, 2, out, sizeof(out)), -1);

	harness_context("no common name");
	CHECK_INT_EQ(name_of(NULL, NULL, 0, out, sizeof(out)), -1);

	harness_context("a name that does not fit is not cut");
	CHECK_INT_EQ(name_of(lng, lng_len, 1, out, 16), -1);
	harness_context(NULL);
}

/* Writes <key> and a certificate for it to <dir>; fills <c>. */
static void
write_pair(const char *dir, struct conf *c)
{
	const char *cn[] = { "localhost" };
	int len[] = { -1 };
	char path[512];
	X509 *x = cert_with(cn, len, 1);
	FILE *fp;

	snprintf(path, sizeof(path), "%s/server.pem", dir);
	fp = fopen(path, "w");
	PEM_write_X509(fp, x);
	fclose(fp);
	c->tls_cert = strdup(path);
	snprintf(path, sizeof(path), "%s/server.key", dir);
	fp = fopen(path, "w");
	PEM_write_PrivateKey(fp, key, NULL, NULL, 0, NULL, NULL);
	fclose(fp);
	chmod(path, 0600);
	c->tls_key = strdup(path);
	X509_free(x);
}

static void
test_ciphers(void)
{
	char dir[] = "/tmp/cordon-test-tls.XXXXXX", path[512], *err = NULL;
	STACK_OF(SSL_CIPHER) *cs;
	struct conf c;
	SSL_CTX *ctx;
	SSL *ssl;
	int i, n12 = 0, weak = 0;

	if (mkdtemp(dir) == NULL) {
		CHECK(!"mkdtemp");
		return;
	}
	conf_init(&c);
	write_pair(dir, &c);
	ctx = tls_ctx_new(&c, &err);
	CHECK(ctx != NULL);
	if (ctx == NULL) {
		printf("# %s\n", err ? err : "?");
		free(err);
		goto done;
	}
	ssl = SSL_new(ctx);
	cs = SSL_get_ciphers(ssl);
	for (i = 0; i < sk_SSL_CIPHER_num(cs); i++) {
		const SSL_CIPHER *ci = sk_SSL_CIPHER_value(cs, i);

		if (SSL_CIPHER_get_kx_nid(ci) == NID_kx_any)
			continue;	/* TLS 1.3: AEAD by design */
		n12++;
		if (SSL_CIPHER_get_kx_nid(ci) != NID_kx_ecdhe ||
		    !SSL_CIPHER_is_aead(ci)) {
			printf("# offered: %s\n", SSL_CIPHER_get_name(ci));
			weak++;
		}
	}
	harness_context("TLS 1.2 suites");
	CHECK(n12 >= 4);
	CHECK_INT_EQ(weak, 0);
	harness_context(NULL);
	SSL_free(ssl);
	SSL_CTX_free(ctx);
done:
	snprintf(path, sizeof(path), "%s/server.pem", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/server.key", dir);
	unlink(path);
	rmdir(dir);
	conf_free(&c);
}

int
main(void)
{
	harness_init("test_tls");
	log_init("test_tls", LOG_LEVEL_WARN, false);
	key = EVP_EC_gen("P-256");
	if (key == NULL) {
		printf("test_tls: cannot make a key\n");
		return 99;
	}
	test_identity();
	test_ciphers();
	EVP_PKEY_free(key);
	return harness_done();
}
