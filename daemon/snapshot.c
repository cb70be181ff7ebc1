/*
 * Snapshot construction and lifetime.  Nothing here touches the network or
 * the database: the caller brings the rule bytes.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "party.h"
#include "snapshot.h"
#include "xmalloc.h"

static json_t *
lists_info(const struct snapshot *s)
{
	json_t *lists = json_array();
	size_t i, k;
	int counts[CAT_COUNT_];

	for (i = 0; i < s->rs->nlists; i++) {
		const struct rule_list *l = &s->rs->lists[i];
		json_t *cats = json_object();

		memset(counts, 0, sizeof(counts));
		for (k = 0; k < l->nentries; k++)
			counts[l->entries[k].category]++;
		for (k = 0; k < CAT_COUNT_; k++)
			if (counts[k])
				json_object_set_new(cats,
				    rules_category_name((enum category)k),
				    json_integer(counts[k]));
		json_array_append_new(lists, json_pack("{s:s, s:s, s:s, s:s, "
		    "s:s, s:I, s:o, s:s}", "id", l->id, "title", l->title,
		    "source", l->source, "version_date", l->version_date, "file",
		    l->file, "entries", (json_int_t)l->nentries, "categories",
		    cats, "sha256", l->sha256));
	}
	return json_pack("{s:s, s:s, s:s, s:I, s:o, s:o, s:I}", "version",
	    s->version, "checksum", s->rs->checksum, "built_at", s->built_at,
	    "entries", (json_int_t)s->rs->nentries, "lists", lists,
	    "party_lists", s->rs->parties ? party_lists_info(s->rs->parties) :
	    json_array(), "denied_parties", (json_int_t)(s->rs->parties ?
	    party_count(s->rs->parties) : 0));
}

struct snapshot *
snapshot_build(struct ruleset *rs, const char *version, struct buf *errs)
{
	struct snapshot *s;

	if (rules_finish(rs, errs) > 0) {
		rules_free(rs);
		return NULL;
	}
	s = xcalloc(1, sizeof(*s));
	s->refcnt = 1;
	s->rs = rs;
	s->version = xstrdup(version);
	s->m = match_new(rs);
	if (match_prepare(s->m, errs) == -1) {
		snapshot_unref(s);
		return NULL;
	}
	util_now_rfc3339(s->built_at);
	s->lists = lists_info(s);
	return s;
}

struct snapshot *
snapshot_from_dir(const char *dir, struct buf *errs)
{
	struct ruleset *rs = rules_new();
	char *version;
	struct snapshot *s;

	if (rules_load_dir(rs, dir, errs) > 0) {
		rules_free(rs);
		return NULL;
	}
	xasprintf(&version, "dir:%s", dir);
	s = snapshot_build(rs, version, errs);
	free(version);
	return s;
}

struct snapshot *
snapshot_from_fileset(const struct fileset *fs, const char *version,
    struct buf *errs)
{
	struct ruleset *rs = rules_new();

	if (rules_add_fileset(rs, fs, errs) > 0) {
		rules_free(rs);
		return NULL;
	}
	return snapshot_build(rs, version, errs);
}

struct snapshot *
snapshot_ref(struct snapshot *s)
{
	__atomic_add_fetch(&s->refcnt, 1, __ATOMIC_SEQ_CST);
	return s;
}

void
snapshot_unref(struct snapshot *s)
{
	if (s == NULL)
		return;
	if (__atomic_sub_fetch(&s->refcnt, 1, __ATOMIC_SEQ_CST) > 0)
		return;
	log_debug("snapshot %s freed", s->version);
	match_free(s->m);
	rules_free(s->rs);
	json_decref(s->lists);
	free(s->fallback);
	free(s->version);
	free(s);
}
