/* node.h - one record in memory: a small tree of YAML nodes.
 *
 * A record (one YAML document) is read into a tree of nodes; a whole store
 * never is.  Mappings keep their keys in file order, unknown keys included,
 * so a record can be written back without losing anything.
 */
#ifndef QF_NODE_H
#define QF_NODE_H

#include <stddef.h>

enum qf_node_kind { QF_NODE_SCALAR, QF_NODE_SEQ, QF_NODE_MAP };

/* What a scalar is under the YAML 1.2 core schema.  Quoted scalars and
 * block scalars are always QF_STYPE_STR; plain ones are resolved
 * (null, ~, empty -> NULL; true/false -> BOOL; 12, -3, 0x1f -> INT;
 * 1.5, .inf -> FLOAT; anything else -> STR). */
enum qf_stype { QF_STYPE_STR, QF_STYPE_NULL, QF_STYPE_BOOL, QF_STYPE_INT,
		QF_STYPE_FLOAT };

struct qf_node {
	enum qf_node_kind kind;
	unsigned line, col;        /* 1-based start; 0 for nodes made in memory */
	/* QF_NODE_SCALAR */
	char *str;                 /* owned, NUL-terminated */
	size_t len;                /* bytes, without the NUL */
	enum qf_stype stype;
	/* QF_NODE_SEQ and QF_NODE_MAP */
	size_t n, cap;
	struct qf_node **items;    /* SEQ: the items; MAP: the values; owned */
	struct qf_node **keys;     /* MAP only: the keys (scalars); owned */
	int pooled;                /* made in a qf_pool: the pool owns it,
				    * qf_node_free leaves it alone and the
				    * tree cannot be changed */
};

/* A pool holds the nodes of one document read for looking at, not for
 * changing (qf_store_each): nodes, strings and item arrays are cut from
 * a few large blocks and given back all at once by qf_pool_reset, which
 * keeps the first block for the next document.  NULL when out of memory. */
struct qf_pool;
struct qf_pool *qf_pool_new(void);
void qf_pool_reset(struct qf_pool *p);
void qf_pool_free(struct qf_pool *p);
struct qf_node *qf_pool_scalar(struct qf_pool *p, const char *s, size_t len,
			       enum qf_stype t);
struct qf_node *qf_pool_collection(struct qf_pool *p, enum qf_node_kind kind);
/* Append val (and key, for a map) to a pooled collection.  -1 when out
 * of memory. */
int qf_pool_append(struct qf_pool *p, struct qf_node *coll,
		   struct qf_node *key, struct qf_node *val);

/* Constructors return NULL when out of memory.  The caller owns the node
 * and frees it with qf_node_free (which frees every child). */
struct qf_node *qf_node_new_scalar(const char *s);         /* STR */
struct qf_node *qf_node_new_scalar_len(const char *s, size_t len,
				       enum qf_stype t);
struct qf_node *qf_node_new_map(void);
struct qf_node *qf_node_new_seq(void);
/* Deep copy; NULL when out of memory. */
struct qf_node *qf_node_clone(const struct qf_node *n);
void qf_node_free(struct qf_node *n);

/* Resolve a plain scalar's type under the YAML 1.2 core schema. */
enum qf_stype qf_stype_resolve(const char *s, size_t len);

/* Append val to seq; the seq takes ownership of val on success.
 * Returns 0, or -1 when out of memory or seq is pooled (val is then
 * still the caller's).  The same holds for the other changes below. */
int qf_node_seq_append(struct qf_node *seq, struct qf_node *val);

/* Append key/val to map without looking for an existing key (the reader
 * uses this, after refusing duplicate keys itself).  Takes
 * ownership of key and val on success; -1 when out of memory. */
int qf_node_map_append(struct qf_node *map, struct qf_node *key,
		       struct qf_node *val);

/* Set map[key] = val (val must not be map's current value): replaces the value of an existing key in place (the
 * old value is freed, the key keeps its position) or appends a new key.
 * Takes ownership of val on success; -1 when out of memory. */
int qf_node_map_set(struct qf_node *map, const char *key, struct qf_node *val);
/* Convenience: map[key] = new string scalar.  -1 when out of memory. */
int qf_node_map_set_str(struct qf_node *map, const char *key, const char *s);
/* Remove key from map (frees key and value).  Returns 1 if removed, 0 if
 * absent. */
int qf_node_map_del(struct qf_node *map, const char *key);

/* Value of key in map, or NULL (also when map is not a map). */
struct qf_node *qf_node_get(const struct qf_node *map, const char *key);
/* String of a scalar value, or NULL when absent, not a scalar, or null. */
const char *qf_node_get_str(const struct qf_node *map, const char *key);
/* The whole number a scalar spells, as the schema's "integer" takes it:
 * YAML 1.2 core integers (12, -3, 0x1f, 0o17) and floats with a whole
 * value (1.0, 1.5e7).  Returns 0, or -1 when n is not such a number or
 * does not fit a long long. */
int qf_node_int(const struct qf_node *n, long long *v);
/* 1 if a and b are the same tree: the same kinds, scalars of the same
 * bytes and type, sequences of equal items, mappings of equal keys and
 * values in the same order (positions and pooling do not count); NULL
 * equals only NULL; nulls are equal however spelt (~, null, empty). */
int qf_node_equal(const struct qf_node *a, const struct qf_node *b);
/* Key node of key in map (for its position), or NULL. */
const struct qf_node *qf_node_get_key(const struct qf_node *map,
				      const char *key);

/* The scalar items of a sequence joined by sep ("规上,重点"); "" when seq
 * is NULL or not a sequence.  Malloc'd (caller frees); NULL when out of
 * memory. */
char *qf_node_join(const struct qf_node *seq, const char *sep);

#endif
