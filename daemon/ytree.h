/*
 * libyaml event loop turned into a small node tree that remembers the line
 * of every node, so that rule and config errors can say file:line.  No
 * application logic lives here.
 */
#ifndef CORDON_YTREE_H
#define CORDON_YTREE_H

#include <stddef.h>

enum ynode_type {
	YNODE_SCALAR,
	YNODE_SEQ,
	YNODE_MAP,
};

struct ynode {
	enum ynode_type	  type;
	int		  line;		/* 1-based */
	char		 *scalar;	/* YNODE_SCALAR */
	int		  quoted;	/* scalar was quoted in the source */
	struct ynode	**items;	/* YNODE_SEQ: n items; YNODE_MAP: 2n (key, value) */
	size_t		  n;
};

/*
 * Parses <len> bytes of YAML.  Returns the root node (caller frees with
 * ynode_free) or NULL with *errp set to "line N: why" (caller frees).  An empty
 * document gives an empty map.  Anchors and aliases are refused.
 */
struct ynode	*yaml_parse(const char *data, size_t len, char **errp);
void		 ynode_free(struct ynode *);

/* Borrowed value of key <key> in map <map>, or NULL. */
struct ynode	*ynode_get(const struct ynode *map, const char *key);

#endif
