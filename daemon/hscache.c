/*
 * Compiled vectorscan databases kept on disk, one file per key.  A file is
 * a fixed header (magic, format, key, SHA-256 and length of the payload)
 * and the payload hs_serialize_database() wrote.  Every check that fails
 * means "not cached": the caller compiles.  Writers use a temp file and
 * rename(2), so that a reader sees a whole file or none, and several
 * processes may share one directory.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <hs/hs.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "hscache.h"
#include "log.h"
#include "xmalloc.h"

#define HSCACHE_MAGIC	"CORDONHS"
#define HSCACHE_FORMAT	1u
#define HSCACHE_HDRLEN	(8 + 4 + 4 + 32 + 32 + 8)
#define HSCACHE_SUFFIX	".hsdb"
/* Files kept: a few rule sets, each with its literal and expression file. */
#define HSCACHE_KEEP	16
/* A database bigger than this is not read (the shipped rules: ~20 MB). */
#define HSCACHE_MAX	(1024L << 20)
/* Temp files left by a writer that died are removed after this long. */
#define HSCACHE_TMP_AGE	3600

static pthread_mutex_t	 cache_mtx = PTHREAD_MUTEX_INITIALIZER;
static char		*cache_dir;
static enum hscache_voice cache_voice = HSCACHE_WARN;
static int		 cache_refused;	/* said why the directory is unusable */

static void	 problem(const char *, ...)
		    __attribute__((format(printf, 1, 2)));
static int	 dir_usable(const char *dir, char *why, size_t whylen);
static void	 prune(const char *dir);

/*
 * One line about the cache.  A problem means compiling: a warning, or
 * debug when quiet.  A note is news: info when the voice is HSCACHE_INFO,
 * else debug.
 */
static void __attribute__((format(printf, 2, 0)))
cache_say(int is_problem, const char *fmt, va_list ap)
{
	char msg[512];
	enum hscache_voice v;

	pthread_mutex_lock(&cache_mtx);
	v = cache_voice;
	pthread_mutex_unlock(&cache_mtx);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	if (is_problem && v != HSCACHE_QUIET)
		log_warnx("rules cache: %s; compiling", msg);
	else if (is_problem)
		log_debug("rules cache: %s; compiling", msg);
	else if (v == HSCACHE_INFO)
		log_info("rules cache: %s", msg);
	else
		log_debug("rules cache: %s", msg);
}

static void
problem(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cache_say(1, fmt, ap);
	va_end(ap);
}

void
hscache_note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cache_say(0, fmt, ap);
	va_end(ap);
}

void
hscache_set_dir(const char *dir, enum hscache_voice voice)
{
	pthread_mutex_lock(&cache_mtx);
	free(cache_dir);
	cache_dir = dir != NULL && dir[0] != '\0' ? xstrdup(dir) : NULL;
	cache_voice = voice;
	cache_refused = 0;
	pthread_mutex_unlock(&cache_mtx);
}

/*
 * A directory of this user that no one else may write: anyone who can
 * write a cache file decides what the matcher searches for.  1 if usable,
 * 0 if not (<why>), -1 if it does not exist: the cache is simply off (the
 * service manager or the package creates it).
 */
static int
dir_usable(const char *dir, char *why, size_t whylen)
{
	struct stat st;

	if (stat(dir, &st) == -1) {
		snprintf(why, whylen, "%s: %s", dir, strerror(errno));
		return errno == ENOENT ? -1 : 0;
	}
	if (!S_ISDIR(st.st_mode)) {
		snprintf(why, whylen, "%s: not a directory", dir);
		return 0;
	}
	if (st.st_uid != geteuid()) {
		snprintf(why, whylen, "%s: owned by uid %u, not by this "
		    "user (uid %u)", dir, (unsigned)st.st_uid,
		    (unsigned)geteuid());
		return 0;
	}
	if (st.st_mode & (S_IWGRP | S_IWOTH)) {
		snprintf(why, whylen, "%s: writable by group or others", dir);
		return 0;
	}
	return 1;
}

char *
hscache_dir(void)
{
	char *dir, why[512];
	int say, usable;

	pthread_mutex_lock(&cache_mtx);
	dir = cache_dir != NULL ? xstrdup(cache_dir) : NULL;
	pthread_mutex_unlock(&cache_mtx);
	if (dir == NULL)
		return NULL;
	if ((usable = dir_usable(dir, why, sizeof(why))) == 1)
		return dir;
	pthread_mutex_lock(&cache_mtx);
	say = !cache_refused;
	cache_refused = 1;
	pthread_mutex_unlock(&cache_mtx);
	if (say && usable == -1)
		hscache_note("%s; the cache is off", why);
	else if (say)
		problem("%s, not used", why);
	free(dir);
	return NULL;
}

char *
hscache_user_dir(void)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	char *base, *dir;

	if (xdg != NULL && xdg[0] == '/')
		base = xstrdup(xdg);
	else if (home != NULL && home[0] == '/')
		xasprintf(&base, "%s/.cache", home);
	else
		return NULL;
	(void)mkdir(base, 0700);
	xasprintf(&dir, "%s/cordon", base);
	(void)mkdir(dir, 0700);
	free(base);
	return dir;
}

/* ---- Keys ---------------------------------------------------------------- */

static void
put_u64(EVP_MD_CTX *ctx, uint64_t v)
{
	unsigned char b[8];
	int i;

	for (i = 0; i < 8; i++)
		b[i] = (unsigned char)(v >> (8 * i));
	EVP_DigestUpdate(ctx, b, sizeof(b));
}

static void
put_str(EVP_MD_CTX *ctx, const char *s, size_t len)
{
	put_u64(ctx, len);
	EVP_DigestUpdate(ctx, s, len);
}

void
hscache_key(struct hscache_key *k, const char *const *exprs,
    const size_t *lens, const unsigned *flags, const unsigned *ids,
    unsigned n, unsigned mode)
{
	static const char tag[] = "cordon hscache 1";
	hs_platform_info_t plat;
	EVP_MD_CTX *ctx;
	unsigned i, mdlen = 0;

	memset(&plat, 0, sizeof(plat));
	if (hs_populate_platform(&plat) != HS_SUCCESS)
		memset(&plat, 0xff, sizeof(plat));
	if ((ctx = EVP_MD_CTX_new()) == NULL ||
	    EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) != 1)
		fatalx("SHA-256 unavailable");
	put_str(ctx, tag, sizeof(tag) - 1);
	put_str(ctx, hs_version(), strlen(hs_version()));
	put_u64(ctx, plat.tune);
	put_u64(ctx, plat.cpu_features);
	put_u64(ctx, lens != NULL);	/* literals or expressions */
	put_u64(ctx, mode);
	put_u64(ctx, n);
	for (i = 0; i < n; i++) {
		put_u64(ctx, ids[i]);
		put_u64(ctx, flags[i]);
		put_str(ctx, exprs[i], lens != NULL ? lens[i] :
		    strlen(exprs[i]));
	}
	if (EVP_DigestFinal_ex(ctx, k->md, &mdlen) != 1 || mdlen != 32)
		fatalx("SHA-256 failed");
	EVP_MD_CTX_free(ctx);
	for (i = 0; i < 32; i++)
		snprintf(k->hex + 2 * i, 3, "%02x", k->md[i]);
}

/* ---- Files --------------------------------------------------------------- */

static uint64_t
get_u64(const unsigned char *b)
{
	uint64_t v = 0;
	int i;

	for (i = 7; i >= 0; i--)
		v = (v << 8) | b[i];
	return v;
}

static uint32_t
get_u32(const unsigned char *b)
{
	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
	    (uint32_t)b[3] << 24;
}

static void
sha256(const void *p, size_t len, unsigned char md[32])
{
	unsigned mdlen = 0;

	if (EVP_Digest(p, len, md, &mdlen, EVP_sha256(), NULL) != 1 ||
	    mdlen != 32)
		fatalx("SHA-256 failed");
}

/* Reads the whole of <fd> (at most HSCACHE_MAX); NULL on error. */
static unsigned char *
read_all(int fd, size_t size)
{
	unsigned char *b = xmalloc(size ? size : 1);
	size_t off = 0;

	while (off < size) {
		ssize_t r = read(fd, b + off, size - off);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			free(b);
			return NULL;
		}
		off += (size_t)r;
	}
	return b;
}

hs_database_t *
hscache_load(const char *dir, const struct hscache_key *k)
{
	hs_database_t *db = NULL;
	unsigned char *b = NULL, md[32];
	char *path, *info = NULL, want[64];
	struct stat st;
	uint64_t plen;
	hs_error_t err;
	int fd;

	xasprintf(&path, "%s/%s%s", dir, k->hex, HSCACHE_SUFFIX);
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) == -1) {
		if (errno == ENOENT)
			hscache_note("no database %.12s… in %s", k->hex, dir);
		else
			problem("%s: %s", path, strerror(errno));
		goto done;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    st.st_uid != geteuid() || (st.st_mode & (S_IWGRP | S_IWOTH))) {
		problem("%s: not a regular file of this user, or writable by "
		    "others", path);
		goto done;
	}
	if (st.st_size < HSCACHE_HDRLEN || st.st_size > HSCACHE_MAX) {
		problem("%s: %lld bytes, not a cache file", path,
		    (long long)st.st_size);
		goto done;
	}
	if ((b = read_all(fd, (size_t)st.st_size)) == NULL) {
		problem("%s: cannot read: %s", path, strerror(errno));
		goto done;
	}
	plen = get_u64(b + 80);
	if (memcmp(b, HSCACHE_MAGIC, 8) != 0 ||
	    get_u32(b + 8) != HSCACHE_FORMAT || memcmp(b + 16, k->md, 32) != 0 ||
	    plen != (uint64_t)st.st_size - HSCACHE_HDRLEN) {
		problem("%s: corrupt header", path);
		goto done;
	}
	sha256(b + HSCACHE_HDRLEN, (size_t)plen, md);
	if (memcmp(md, b + 48, 32) != 0) {
		problem("%s: corrupt (checksum)", path);
		goto done;
	}
	/* Built by this vectorscan version (the platform: deserialize). */
	snprintf(want, sizeof(want), "Version: %.*s ",
	    (int)strcspn(hs_version(), " "), hs_version());
	if (hs_serialized_database_info((const char *)b + HSCACHE_HDRLEN,
	    (size_t)plen, &info) != HS_SUCCESS ||
	    strncmp(info, want, strlen(want)) != 0) {
		problem("%s: built by another vectorscan (%s)", path,
		    info != NULL ? info : "unreadable");
		goto done;
	}
	if ((err = hs_deserialize_database((const char *)b + HSCACHE_HDRLEN,
	    (size_t)plen, &db)) != HS_SUCCESS) {
		problem("%s: %s", path, err == HS_DB_PLATFORM_ERROR ?
		    "built for another platform" : err == HS_DB_VERSION_ERROR ?
		    "built by another vectorscan" : "cannot deserialize");
		db = NULL;
		goto done;
	}
	/* Recently used: pruning keeps it. */
	(void)futimens(fd, NULL);
done:
	if (fd != -1)
		close(fd);
	free(info);
	free(b);
	free(path);
	return db;
}

static int
write_all(int fd, const void *p, size_t len)
{
	const unsigned char *c = p;

	while (len > 0) {
		ssize_t w = write(fd, c, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		c += w;
		len -= (size_t)w;
	}
	return 0;
}

int
hscache_store(const char *dir, const struct hscache_key *k,
    const hs_database_t *db)
{
	unsigned char hdr[HSCACHE_HDRLEN];
	char *bytes = NULL, *tmp = NULL, *path = NULL;
	size_t len = 0;
	int fd = -1, rc = -1, i;

	if (hs_serialize_database(db, &bytes, &len) != HS_SUCCESS) {
		problem("cannot serialize a database");
		goto done;
	}
	memcpy(hdr, HSCACHE_MAGIC, 8);
	for (i = 0; i < 4; i++) {
		hdr[8 + i] = (unsigned char)(HSCACHE_FORMAT >> (8 * i));
		hdr[12 + i] = 0;
	}
	memcpy(hdr + 16, k->md, 32);
	sha256(bytes, len, hdr + 48);
	for (i = 0; i < 8; i++)
		hdr[80 + i] = (unsigned char)((uint64_t)len >> (8 * i));
	xasprintf(&path, "%s/%s%s", dir, k->hex, HSCACHE_SUFFIX);
	xasprintf(&tmp, "%s.tmpXXXXXX", path);
	if ((fd = mkstemp(tmp)) == -1) {
		problem("cannot write in %s: %s", dir, strerror(errno));
		free(tmp);
		tmp = NULL;
		goto done;
	}
	if (write_all(fd, hdr, sizeof(hdr)) == -1 ||
	    write_all(fd, bytes, len) == -1 || fsync(fd) == -1) {
		problem("%s: %s", tmp, strerror(errno));
		goto done;
	}
	if (close(fd) == -1) {
		fd = -1;
		problem("%s: %s", tmp, strerror(errno));
		goto done;
	}
	fd = -1;
	if (rename(tmp, path) == -1) {
		problem("%s: %s", path, strerror(errno));
		goto done;
	}
	free(tmp);
	tmp = NULL;
	prune(dir);
	rc = 0;
done:
	if (fd != -1)
		close(fd);
	if (tmp != NULL)
		(void)unlink(tmp);
	free(tmp);
	free(path);
	free(bytes);
	return rc;
}

/* ---- Pruning ------------------------------------------------------------- */

struct cfile {
	char	*name;
	time_t	 mtime;
};

static int
cfile_newest_first(const void *a, const void *b)
{
	const struct cfile *x = a, *y = b;

	if (x->mtime != y->mtime)
		return x->mtime > y->mtime ? -1 : 1;
	return strcmp(x->name, y->name);
}

/*
 * Keeps the HSCACHE_KEEP most recently used databases of <dir> and removes
 * temp files older than HSCACHE_TMP_AGE: a directory shared by many rule
 * sets (tests, backtests) stays small.  Only names this module writes
 * (64 hex digits + suffix) are touched.
 */
static void
prune(const char *dir)
{
	struct cfile *files = NULL;
	struct dirent *de;
	size_t n = 0, i;
	time_t now = time(NULL);
	DIR *d;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		const char *name = de->d_name;
		struct stat st;
		char *p;
		int tmp;

		if (strspn(name, "0123456789abcdef") != 64 ||
		    strncmp(name + 64, HSCACHE_SUFFIX,
		    sizeof(HSCACHE_SUFFIX) - 1) != 0)
			continue;
		tmp = name[64 + sizeof(HSCACHE_SUFFIX) - 1] != '\0';
		xasprintf(&p, "%s/%s", dir, name);
		if (lstat(p, &st) == -1 || !S_ISREG(st.st_mode)) {
			free(p);
			continue;
		}
		if (tmp) {
			if (now - st.st_mtime > HSCACHE_TMP_AGE)
				(void)unlink(p);
			free(p);
			continue;
		}
		files = xreallocarray(files, n + 1, sizeof(*files));
		files[n].name = p;
		files[n].mtime = st.st_mtime;
		n++;
	}
	closedir(d);
	if (n > HSCACHE_KEEP) {
		qsort(files, n, sizeof(*files), cfile_newest_first);
		for (i = HSCACHE_KEEP; i < n; i++)
			(void)unlink(files[i].name);
	}
	for (i = 0; i < n; i++)
		free(files[i].name);
	free(files);
}
