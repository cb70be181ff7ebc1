/*
 * YAML to node tree.  Depth is capped so that hostile input cannot exhaust
 * the stack; yaml_event_delete runs on every path.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "util.h"
#include "xmalloc.h"
#include "ytree.h"

#define YAML_MAX_DEPTH	32

struct yparser {
	yaml_parser_t	 p;
	char		*err;
};

static struct ynode	*yparse_node(struct yparser *, yaml_event_t *, int);
static void		 ynode_push(struct ynode *, struct ynode *);

static void
ynode_push(struct ynode *parent, struct ynode *child)
{
	parent->items = xreallocarray(parent->items, parent->n + 1,
	    sizeof(*parent->items));
	parent->items[parent->n++] = child;
}

static int
ynext(struct yparser *y, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&y->p, ev)) {
		xasprintf(&y->err, "line %zu: %s", y->p.problem_mark.line + 1,
		    y->p.problem ? y->p.problem : "YAML syntax error");
		return -1;
	}
	return 0;
}

/* Builds the node that starts with <ev> (consumed).  NULL on error. */
static struct ynode *
yparse_node(struct yparser *y, yaml_event_t *ev, int depth)
{
	struct ynode *n, *child;
	yaml_event_t e;
	size_t count;

	if (depth > YAML_MAX_DEPTH) {
		xasprintf(&y->err, "line %zu: nesting deeper than %d levels",
		    ev->start_mark.line + 1, YAML_MAX_DEPTH);
		yaml_event_delete(ev);
		return NULL;
	}
	n = xcalloc(1, sizeof(*n));
	n->line = (int)ev->start_mark.line + 1;
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		n->type = YNODE_SCALAR;
		n->scalar = xstrndup((const char *)ev->data.scalar.value,
		    ev->data.scalar.length);
		n->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
		yaml_event_delete(ev);
		return n;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		n->type = ev->type == YAML_SEQUENCE_START_EVENT ?
		    YNODE_SEQ : YNODE_MAP;
		yaml_event_delete(ev);
		for (count = 0;; count++) {
			if (ynext(y, &e) == -1)
				goto fail;
			if (e.type == YAML_SEQUENCE_END_EVENT ||
			    e.type == YAML_MAPPING_END_EVENT) {
				yaml_event_delete(&e);
				break;
			}
			if (n->type == YNODE_MAP && count % 2 == 0 &&
			    e.type != YAML_SCALAR_EVENT) {
				xasprintf(&y->err, "line %zu: mapping keys must "
				    "be plain strings", e.start_mark.line + 1);
				yaml_event_delete(&e);
				goto fail;
			}
			if ((child = yparse_node(y, &e, depth + 1)) == NULL)
				goto fail;
			ynode_push(n, child);
		}
		if (n->type == YNODE_MAP) {
			size_t i, j, pairs = n->n / 2;

			for (i = 0; i < pairs; i++)
				for (j = 0; j < i; j++)
					if (strcmp(n->items[2 * i]->scalar,
					    n->items[2 * j]->scalar) == 0) {
						xasprintf(&y->err, "line %d: "
						    "duplicate key \"%s\"",
						    n->items[2 * i]->line,
						    n->items[2 * i]->scalar);
						goto fail;
					}
			n->n = pairs;
		}
		return n;
	case YAML_ALIAS_EVENT:
		xasprintf(&y->err, "line %zu: anchors and aliases are not "
		    "allowed", ev->start_mark.line + 1);
		yaml_event_delete(ev);
		free(n);
		return NULL;
	default:
		xasprintf(&y->err, "line %zu: unexpected YAML event",
		    ev->start_mark.line + 1);
		yaml_event_delete(ev);
		free(n);
		return NULL;
	}
fail:
	/* n->n still counts raw items here: free them as a sequence. */
	n->type = YNODE_SEQ;
	ynode_free(n);
	return NULL;
}

struct ynode *
yaml_parse(const char *data, size_t len, char **errp)
{
	struct yparser y;
	struct ynode *root = NULL;
	yaml_event_t ev;
	int done = 0;

	memset(&y, 0, sizeof(y));
	*errp = NULL;
	if (!yaml_parser_initialize(&y.p)) {
		xasprintf(errp, "line 1: cannot initialise YAML parser");
		return NULL;
	}
	yaml_parser_set_input_string(&y.p, (const unsigned char *)data, len);
	while (!done) {
		if (ynext(&y, &ev) == -1)
			goto fail;
		switch (ev.type) {
		case YAML_STREAM_START_EVENT:
		case YAML_DOCUMENT_START_EVENT:
		case YAML_DOCUMENT_END_EVENT:
			yaml_event_delete(&ev);
			break;
		case YAML_STREAM_END_EVENT:
			yaml_event_delete(&ev);
			done = 1;
			break;
		default:
			if (root != NULL) {
				xasprintf(&y.err, "line %zu: only one YAML "
				    "document per file", ev.start_mark.line + 1);
				yaml_event_delete(&ev);
				goto fail;
			}
			if ((root = yparse_node(&y, &ev, 0)) == NULL)
				goto fail;
		}
	}
	yaml_parser_delete(&y.p);
	if (root == NULL) {
		root = xcalloc(1, sizeof(*root));
		root->type = YNODE_MAP;
		root->line = 1;
	}
	return root;
fail:
	yaml_parser_delete(&y.p);
	ynode_free(root);
	*errp = y.err;
	return NULL;
}

void
ynode_free(struct ynode *n)
{
	size_t i, count;

	if (n == NULL)
		return;
	count = n->type == YNODE_MAP ? 2 * n->n : n->n;
	for (i = 0; i < count; i++)
		ynode_free(n->items[i]);
	free(n->items);
	free(n->scalar);
	free(n);
}

struct ynode *
ynode_get(const struct ynode *map, const char *key)
{
	size_t i;

	if (map == NULL || map->type != YNODE_MAP)
		return NULL;
	for (i = 0; i < map->n; i++)
		if (strcmp(map->items[2 * i]->scalar, key) == 0)
			return map->items[2 * i + 1];
	return NULL;
}
