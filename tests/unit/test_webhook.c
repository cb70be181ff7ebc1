/*
 * Unit tests of webhook.c: the signature against HMAC-SHA256 vectors
 * computed independently with `openssl dgst -sha256 -hmac`, the header,
 * the backoff bounds, the `webhooks:` configuration with every refusal
 * reported as file:line, and the event types against the CHECK constraint
 * of schemas/0007_outbox.sql.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "conf.h"
#include "log.h"
#include "webhook.h"
#include "words.h"

#include "harness.h"

/*
 * printf '%s' '1700000000.{"id":"3f0c8d2e-...-000000000001",
 * "type":"alert.decided"}' | openssl dgst -sha256 -hmac
 * 'cordon-test-secret-0123'
 */
static void
test_sign(void)
{
	const char *body = "{\"id\":\"3f0c8d2e-0000-4000-8000-000000000001\","
	    "\"type\":\"alert.decided\"}";
	char out[65], hdr[128];

	webhook_sign("cordon-test-secret-0123", 23, 1700000000LL, body,
	    strlen(body), out);
	CHECK_STR_EQ(out, "115681924076a60448159ecb1cde0c08e44896022a00691a"
	    "9559eb23baa13047");
	/* printf '%s' '0.' | openssl dgst -sha256 -hmac abcdefghijklmnop */
	webhook_sign("abcdefghijklmnop", 16, 0, "", 0, out);
	CHECK_STR_EQ(out, "4fd4eac59b0c4f2deb0c87f0cc14cddee4c1ad629b34541b"
	    "a10621c8ea2bda0d");
	/* Another time, another body or another key: another signature. */
	webhook_sign("abcdefghijklmnop", 16, 1, "", 0, out);
	CHECK(strcmp(out, "4fd4eac59b0c4f2deb0c87f0cc14cddee4c1ad629b34541b"
	    "a10621c8ea2bda0d") != 0);
	webhook_signature_header("cordon-test-secret-0123", 23, 1700000000LL,
	    body, strlen(body), hdr, sizeof(hdr));
	CHECK_STR_EQ(hdr, "t=1700000000,v1=115681924076a60448159ecb1cde0c08e448"
	    "96022a00691a9559eb23baa13047");
}

static void
test_backoff(void)
{
	/* Equal jitter: the upper half of the doubled wait. */
	CHECK_INT_EQ(webhook_backoff_ms(1, 1000, 60000, 0.0), 500);
	CHECK(webhook_backoff_ms(1, 1000, 60000, 0.999) <= 1000);
	CHECK(webhook_backoff_ms(1, 1000, 60000, 0.999) >= 990);
	CHECK_INT_EQ(webhook_backoff_ms(3, 1000, 60000, 0.0), 2000);
	CHECK_INT_EQ(webhook_backoff_ms(3, 1000, 60000, 0.5), 3000);
	/* Capped, however many attempts. */
	CHECK_INT_EQ(webhook_backoff_ms(7, 1000, 60000, 0.0), 30000);
	CHECK_INT_EQ(webhook_backoff_ms(1000, 1000, 60000, 0.0), 30000);
	CHECK(webhook_backoff_ms(1000, 1000, 60000, 0.999) <= 60000);
	CHECK_INT_EQ(webhook_backoff_ms(40, 5000, 3600000, 0.0), 1800000);
}

static char dir[] = "/tmp/cordon-test-webhook.XXXXXX";

static char *
write_file(const char *name, const char *text, mode_t mode)
{
	char *path;
	FILE *f;

	if (asprintf(&path, "%s/%s", dir, name) == -1)
		abort();
	f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
	chmod(path, mode);
	return path;
}

/*
 * A reload takes the new endpoint list (a copy the conf owns): an endpoint
 * dropped, another added, a secret changed; the copy is deep.
 */
static void
test_reload_list(struct conf *cur)
{
	struct webhook_endpoint *dup;
	struct conf next;
	char *path, *err = NULL;

	dup = webhook_endpoints_dup(cur->webhooks, cur->nwebhooks);
	CHECK(webhook_endpoints_equal(dup, cur->nwebhooks, cur->webhooks,
	    cur->nwebhooks));
	CHECK(dup != NULL && dup[0].name != cur->webhooks[0].name &&
	    dup[0].secret != cur->webhooks[0].secret);
	CHECK(dup != NULL && dup[0].types[1] != cur->webhooks[0].types[1]);
	path = write_file("reload.yaml",
	    "webhooks:\n"
	    "  - name: clearance\n"
	    "    url: https://clearance.example/cordon\n"
	    "    secret: 'a-new-secret-0123456789'\n"
	    "  - name: risk\n"
	    "    url: https://risk.example/in\n"
	    "    events: [alert.decided]\n"
	    "    secret: 'risk-secret-0123456789'\n", 0600);
	conf_init(&next);
	CHECK_INT_EQ(conf_load(path, &next, &err), 0);
	conf_apply_reload(cur, &next);
	conf_free(&next);
	CHECK_INT_EQ(cur->nwebhooks, 2);
	if (cur->nwebhooks == 2) {
		CHECK_STR_EQ(cur->webhooks[0].name, "clearance");
		CHECK_INT_EQ(cur->webhooks[0].secret_len, 23);
		CHECK_INT_EQ(cur->webhooks[0].ntypes, 0);
		CHECK_STR_EQ(cur->webhooks[1].name, "risk");
		CHECK_STR_EQ(cur->webhooks[1].types[0], "alert.decided");
	}
	CHECK(!webhook_endpoints_equal(dup, 2, cur->webhooks,
	    cur->nwebhooks));
	CHECK(webhook_endpoints_dup(NULL, 0) == NULL);
	webhook_endpoints_free(dup, 2);
	unlink(path);
	free(path);
	free(err);
}

static void
test_conf(void)
{
	struct conf c;
	char *path, *secret, *err, text[1024];

	secret = write_file("hook.secret", "0123456789abcdef0123\n", 0600);
	snprintf(text, sizeof(text),
	    "webhook_backoff_min: 200\n"
	    "webhooks:\n"
	    "  - name: clearance\n"
	    "    url: https://clearance.example/cordon\n"
	    "    events: [declaration.flagged, alert.decided]\n"
	    "    secret_file: %s\n"
	    "  - url: http://127.0.0.1:9/hook\n"
	    "    secret: 'inline-secret-0123456789'\n", secret);
	path = write_file("good.yaml", text, 0644);
	conf_init(&c);
	CHECK_INT_EQ(conf_load(path, &c, &err), 0);
	CHECK_INT_EQ(c.nwebhooks, 2);
	if (c.nwebhooks == 2) {
		CHECK_STR_EQ(c.webhooks[0].name, "clearance");
		CHECK_INT_EQ(c.webhooks[0].ntypes, 2);
		CHECK_STR_EQ(c.webhooks[0].types[1], "alert.decided");
		CHECK_INT_EQ(c.webhooks[0].secret_len, 20);	/* newline gone */
		CHECK(memcmp(c.webhooks[0].secret, "0123456789abcdef0123",
		    20) == 0);
		CHECK_STR_EQ(c.webhooks[1].name, "http://127.0.0.1:9/hook");
		CHECK_INT_EQ(c.webhooks[1].ntypes, 0);
	}
	CHECK_INT_EQ(c.webhook_backoff_min, 200);
	CHECK_INT_EQ(c.webhook_retry_for, 86400);	/* the default: 24 h */
	CHECK_INT_EQ(c.webhook_timeout, 10);
	CHECK_INT_EQ(c.webhook_keep_days, 30);		/* the default */
	test_reload_list(&c);
	conf_free(&c);
	CHECK(c.webhooks == NULL);
	free(path);

	/* Every refusal, each with file:line, in one pass. */
	chmod(secret, 0644);
	snprintf(text, sizeof(text),
	    "webhooks:\n"
	    "  - url: ftp://clearance.example/\n"			/* 2 */
	    "    secret: 'long-enough-secret-1'\n"
	    "    events: [declaration.flagged, alert.eaten]\n"		/* 4 */
	    "  - name: a\n"						/* 5 */
	    "    url: http://a.example/\n"
	    "    colour: blue\n"					/* 7 */
	    "  - name: a\n"						/* 8 */
	    "    url: http://b.example/\n"
	    "    secret: short\n"					/* 10 */
	    "  - url: http://c.example/\n"
	    "    secret_file: %s\n", secret);				/* 12 */
	path = write_file("bad.yaml", text, 0644);
	conf_init(&c);
	CHECK_INT_EQ(conf_load(path, &c, &err), -1);
	CHECK(err != NULL && strstr(err, "bad.yaml:2: webhooks: url: expected "
	    "http:// or https://") != NULL);
	CHECK(err != NULL && strstr(err, "bad.yaml:4: webhooks: events: "
	    "unknown event type alert.eaten") != NULL);
	CHECK(err != NULL && strstr(err, "bad.yaml:7: webhooks: unknown key "
	    "\"colour\"") != NULL);
	CHECK(err != NULL && strstr(err, "bad.yaml:5: webhooks: give one of "
	    "secret or secret_file") != NULL);
	CHECK(err != NULL && strstr(err, "bad.yaml:10: webhooks: the secret "
	    "must have at least 16 bytes") != NULL);
	CHECK(err != NULL && strstr(err, "bad.yaml:8: webhooks: two endpoints "
	    "named a") != NULL);
	CHECK(err != NULL && strstr(err, "bad.yaml:12: webhooks: secret_file ") !=
	    NULL && strstr(err, "readable by group or others") != NULL);
	CHECK(c.webhooks == NULL);
	free(err);
	conf_free(&c);
	free(path);

	path = write_file("notlist.yaml", "webhooks: http://x.example/\n", 0644);
	conf_init(&c);
	CHECK_INT_EQ(conf_load(path, &c, &err), -1);
	CHECK(err != NULL && strstr(err, "notlist.yaml:1: webhooks: expected a "
	    "list of endpoints") != NULL);
	free(err);
	conf_free(&c);
	free(path);
	unlink(secret);
	free(secret);
}

/* The event types of words.c are those the migration's CHECK allows. */
static void
test_types_match_migration(void)
{
	const struct word_list *l = words_list("event_types");
	char *path = harness_data_path("../../schemas/0007_outbox.sql");
	char *sql, *check, q[80];
	size_t len, i;

	sql = harness_read(path, &len);
	CHECK(sql != NULL && l != NULL);
	if (sql == NULL || l == NULL)
		return;
	check = strstr(sql, "CHECK (type IN (");
	CHECK(check != NULL);
	for (i = 0; check != NULL && i < l->n; i++) {
		snprintf(q, sizeof(q), "'%s'", l->words[i]);
		harness_context("event type %s", l->words[i]);
		CHECK(strstr(check, q) != NULL);
		CHECK(webhook_is_event_type(l->words[i]));
	}
	harness_context("%s", "");
	CHECK(!webhook_is_event_type("alert.claimed"));
	free(sql);
	free(path);
}

int
main(void)
{
	harness_init("test_webhook");
	log_init("test_webhook", LOG_LEVEL_ERROR, false);
	if (mkdtemp(dir) == NULL)
		return 2;
	test_sign();
	test_backoff();
	test_conf();
	test_types_match_migration();
	rmdir(dir);
	return harness_done();
}
