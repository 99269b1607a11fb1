/* node.c - record trees. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "qf/node.h"

static struct qf_node *node_new(enum qf_node_kind kind)
{
	struct qf_node *n = calloc(1, sizeof *n);

	if (n)
		n->kind = kind;
	return n;
}

/* Copy s into n->str (room for len + 1 bytes) and set the scalar. */
static struct qf_node *scalar_fill(struct qf_node *n, const char *s,
				   size_t len, enum qf_stype t)
{
	if (len)
		memcpy(n->str, s, len);
	n->str[len] = '\0';
	n->len = len;
	n->stype = t;
	return n;
}

struct qf_node *qf_node_new_scalar_len(const char *s, size_t len,
				       enum qf_stype t)
{
	struct qf_node *n = node_new(QF_NODE_SCALAR);

	if (!n)
		return NULL;
	n->str = malloc(len + 1);
	if (!n->str) {
		free(n);
		return NULL;
	}
	return scalar_fill(n, s, len, t);
}

struct qf_node *qf_node_new_scalar(const char *s)
{
	return qf_node_new_scalar_len(s, strlen(s), QF_STYPE_STR);
}

struct qf_node *qf_node_new_map(void)
{
	return node_new(QF_NODE_MAP);
}

struct qf_node *qf_node_new_seq(void)
{
	return node_new(QF_NODE_SEQ);
}

void qf_node_free(struct qf_node *n)
{
	if (!n || n->pooled)
		return;
	for (size_t i = 0; i < n->n; i++) {
		qf_node_free(n->items[i]);
		if (n->keys)
			qf_node_free(n->keys[i]);
	}
	free(n->items);
	free(n->keys);
	free(n->str);
	free(n);
}

struct qf_node *qf_node_clone(const struct qf_node *n)
{
	struct qf_node *c;

	if (n->kind == QF_NODE_SCALAR) {
		c = qf_node_new_scalar_len(n->str, n->len, n->stype);
		if (c) {
			c->line = n->line;
			c->col = n->col;
		}
		return c;
	}
	c = node_new(n->kind);
	if (!c)
		return NULL;
	c->line = n->line;
	c->col = n->col;
	for (size_t i = 0; i < n->n; i++) {
		struct qf_node *v = qf_node_clone(n->items[i]);
		struct qf_node *k = NULL;
		int rc;

		if (!v)
			goto fail;
		if (n->kind == QF_NODE_MAP) {
			if (!(k = qf_node_clone(n->keys[i]))) {
				qf_node_free(v);
				goto fail;
			}
			rc = qf_node_map_append(c, k, v);
		} else {
			rc = qf_node_seq_append(c, v);
		}
		if (rc) {
			qf_node_free(k);
			qf_node_free(v);
			goto fail;
		}
	}
	return c;
fail:
	qf_node_free(c);
	return NULL;
}

static int grow(struct qf_node *n)
{
	size_t cap;
	struct qf_node **items, **keys;

	if (n->n < n->cap)
		return 0;
	cap = n->cap ? n->cap * 2 : 8;
	items = realloc(n->items, cap * sizeof *items);
	if (!items)
		return -1;
	n->items = items;
	if (n->kind == QF_NODE_MAP) {
		keys = realloc(n->keys, cap * sizeof *keys);
		if (!keys)
			return -1;
		n->keys = keys;
	}
	n->cap = cap;
	return 0;
}

int qf_node_seq_append(struct qf_node *seq, struct qf_node *val)
{
	if (seq->kind != QF_NODE_SEQ || seq->pooled || grow(seq))
		return -1;
	seq->items[seq->n++] = val;
	return 0;
}

int qf_node_map_append(struct qf_node *map, struct qf_node *key,
		       struct qf_node *val)
{
	if (map->kind != QF_NODE_MAP || map->pooled || grow(map))
		return -1;
	map->keys[map->n] = key;
	map->items[map->n] = val;
	map->n++;
	return 0;
}

static long find_key(const struct qf_node *map, const char *key)
{
	if (!map || map->kind != QF_NODE_MAP)
		return -1;
	for (size_t i = 0; i < map->n; i++)
		if (map->keys[i]->kind == QF_NODE_SCALAR &&
		    strcmp(map->keys[i]->str, key) == 0)
			return (long)i;
	return -1;
}

int qf_node_map_set(struct qf_node *map, const char *key, struct qf_node *val)
{
	long i = find_key(map, key);
	struct qf_node *k;

	if (!map || map->pooled)
		return -1;
	if (i >= 0) {
		qf_node_free(map->items[i]);
		map->items[i] = val;
		return 0;
	}
	if (!(k = qf_node_new_scalar(key)))
		return -1;
	if (qf_node_map_append(map, k, val)) {
		qf_node_free(k);
		return -1;
	}
	return 0;
}

int qf_node_map_set_str(struct qf_node *map, const char *key, const char *s)
{
	struct qf_node *v = qf_node_new_scalar(s);

	if (!v)
		return -1;
	if (qf_node_map_set(map, key, v)) {
		qf_node_free(v);
		return -1;
	}
	return 0;
}

int qf_node_map_del(struct qf_node *map, const char *key)
{
	long i = find_key(map, key);

	if (i < 0 || map->pooled)
		return 0;
	qf_node_free(map->keys[i]);
	qf_node_free(map->items[i]);
	memmove(&map->keys[i], &map->keys[i + 1],
		(map->n - (size_t)i - 1) * sizeof *map->keys);
	memmove(&map->items[i], &map->items[i + 1],
		(map->n - (size_t)i - 1) * sizeof *map->items);
	map->n--;
	return 1;
}

int qf_node_equal(const struct qf_node *a, const struct qf_node *b)
{
	if (!a || !b)
		return a == b;
	if (a->kind != b->kind)
		return 0;
	if (a->kind == QF_NODE_SCALAR && a->stype == QF_STYPE_NULL)
		return b->stype == QF_STYPE_NULL;   /* ~, null, "" alike */
	if (a->kind == QF_NODE_SCALAR)
		return a->stype == b->stype && a->len == b->len &&
		       (a->len == 0 || memcmp(a->str, b->str, a->len) == 0);
	if (a->n != b->n)
		return 0;
	for (size_t i = 0; i < a->n; i++)
		if ((a->kind == QF_NODE_MAP &&
		     !qf_node_equal(a->keys[i], b->keys[i])) ||
		    !qf_node_equal(a->items[i], b->items[i]))
			return 0;
	return 1;
}

struct qf_node *qf_node_get(const struct qf_node *map, const char *key)
{
	long i = find_key(map, key);

	return i < 0 ? NULL : map->items[i];
}

const struct qf_node *qf_node_get_key(const struct qf_node *map,
				      const char *key)
{
	long i = find_key(map, key);

	return i < 0 ? NULL : map->keys[i];
}

const char *qf_node_get_str(const struct qf_node *map, const char *key)
{
	const struct qf_node *v = qf_node_get(map, key);

	if (!v || v->kind != QF_NODE_SCALAR || v->stype == QF_STYPE_NULL)
		return NULL;
	return v->str;
}

/* YAML 1.2 core schema, section 10.3.2. */
static int all_digits(const char *s, size_t len, int base)
{
	if (!len)
		return 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		int ok = base == 16 ? isxdigit(c) :
			 base == 8 ? c >= '0' && c <= '7' : c >= '0' && c <= '9';
		if (!ok)
			return 0;
	}
	return 1;
}

static int is_word(const char *s, size_t len, const char *const *words)
{
	for (; *words; words++)
		if (strlen(*words) == len && memcmp(*words, s, len) == 0)
			return 1;
	return 0;
}

static int is_float(const char *s, size_t len)
{
	/* [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )? */
	size_t i = 0, digits = 0;

	if (i < len && (s[i] == '-' || s[i] == '+'))
		i++;
	while (i < len && isdigit((unsigned char)s[i]))
		i++, digits++;
	if (i < len && s[i] == '.') {
		i++;
		while (i < len && isdigit((unsigned char)s[i]))
			i++, digits++;
	}
	if (!digits)
		return 0;
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		size_t e = 0;
		i++;
		if (i < len && (s[i] == '-' || s[i] == '+'))
			i++;
		while (i < len && isdigit((unsigned char)s[i]))
			i++, e++;
		if (!e)
			return 0;
	}
	return i == len;
}

enum qf_stype qf_stype_resolve(const char *s, size_t len)
{
	static const char *const nulls[] = { "~", "null", "Null", "NULL", NULL };
	static const char *const bools[] = { "true", "True", "TRUE", "false",
					     "False", "FALSE", NULL };
	static const char *const floats[] = { ".inf", ".Inf", ".INF", "+.inf",
		"+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN",
		".NAN", NULL };
	size_t i = 0;

	if (len == 0)
		return QF_STYPE_NULL;
	/* Every word and number of the core schema begins with one of these;
	 * almost every value a record holds (names, IDs, Chinese text) does
	 * not, and is a string at once. */
	if (!strchr("0123456789+-.~nNtTfF", s[0]) || s[0] == '\0')
		return QF_STYPE_STR;
	if (len <= 5) {
		if (is_word(s, len, nulls))
			return QF_STYPE_NULL;
		if (is_word(s, len, bools))
			return QF_STYPE_BOOL;
	}
	if (len > 2 && s[0] == '0' && s[1] == 'o' &&
	    all_digits(s + 2, len - 2, 8))
		return QF_STYPE_INT;
	if (len > 2 && s[0] == '0' && s[1] == 'x' &&
	    all_digits(s + 2, len - 2, 16))
		return QF_STYPE_INT;
	if (s[0] == '-' || s[0] == '+')
		i = 1;
	if (all_digits(s + i, len - i, 10))
		return QF_STYPE_INT;
	if (is_float(s, len) || (len <= 5 && is_word(s, len, floats)))
		return QF_STYPE_FLOAT;
	return QF_STYPE_STR;
}

char *qf_node_join(const struct qf_node *seq, const char *sep)
{
	size_t len = 1, k = strlen(sep), at = 0;
	char *s;

	if (seq && seq->kind == QF_NODE_SEQ)
		for (size_t i = 0; i < seq->n; i++)
			if (seq->items[i]->kind == QF_NODE_SCALAR)
				len += seq->items[i]->len + k;
	if (!(s = malloc(len)))
		return NULL;
	s[0] = '\0';
	if (!seq || seq->kind != QF_NODE_SEQ)
		return s;
	for (size_t i = 0; i < seq->n; i++) {
		const struct qf_node *it = seq->items[i];
		if (it->kind != QF_NODE_SCALAR)
			continue;
		if (at) {
			memcpy(s + at, sep, k);
			at += k;
		}
		memcpy(s + at, it->str, it->len);
		at += it->len;
		s[at] = '\0';
	}
	return s;
}

int qf_node_int(const struct qf_node *n, long long *v)
{
	const char *p;
	char *end;
	int neg = 0, base = 10;

	if (!n || n->kind != QF_NODE_SCALAR || !n->str)
		return -1;
	if (n->stype == QF_STYPE_FLOAT) {
		double d = strtod(n->str, &end);

		if (*end || end == n->str || !(d > -9e18 && d < 9e18) ||
		    d != (double)(long long)d)
			return -1;
		*v = (long long)d;
		return 0;
	}
	if (n->stype != QF_STYPE_INT)
		return -1;
	p = n->str;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'o')) {
		base = p[1] == 'x' ? 16 : 8;
		p += 2;
	}
	if (!*p || *p == '-' || *p == '+')
		return -1;
	errno = 0;
	{
		unsigned long long u = strtoull(p, &end, base);

		if (*end || errno == ERANGE ||
		    u > (neg ? (unsigned long long)LLONG_MAX + 1 :
			       (unsigned long long)LLONG_MAX))
			return -1;
		*v = neg ? (long long)(0 - u) : (long long)u;
	}
	return 0;
}

/* The pool: a list of blocks, bump-allocated.  Blocks are 64 KiB, or one
 * of its own for a request larger than a quarter of that. */
#define POOL_BLOCK (64u * 1024u)

struct block {
	struct block *next;
	size_t used, size;
	max_align_t data[];
};

struct qf_pool {
	struct block *head;     /* the block being cut; its next are older,
				 * down to the first, which is kept */
	struct block *big;      /* blocks of one request each */
};

static struct block *block_new(size_t size, struct block *next)
{
	struct block *b = malloc(sizeof *b + size);

	if (b) {
		b->next = next;
		b->used = 0;
		b->size = size;
	}
	return b;
}

struct qf_pool *qf_pool_new(void)
{
	struct qf_pool *p = malloc(sizeof *p);

	if (p && !(p->head = block_new(POOL_BLOCK, NULL))) {
		free(p);
		return NULL;
	}
	if (p)
		p->big = NULL;
	return p;
}

static void *pool_alloc(struct qf_pool *p, size_t n)
{
	const size_t align = sizeof(max_align_t);
	struct block *b = p->head;
	void *at;

	n = (n + align - 1) / align * align;
	if (n > POOL_BLOCK / 4) {
		struct block *big = block_new(n, p->big);
		if (!big)
			return NULL;
		p->big = big;
		big->used = n;
		return big->data;
	}
	if (b->size - b->used < n) {
		if (!(b = block_new(POOL_BLOCK, p->head)))
			return NULL;
		p->head = b;
	}
	at = (char *)b->data + b->used;
	b->used += n;
	return at;
}

void qf_pool_reset(struct qf_pool *p)
{
	struct block *b, *next;

	if (!p)
		return;
	for (b = p->big; b; b = next) {
		next = b->next;
		free(b);
	}
	p->big = NULL;
	/* Keep the first block, the last of the chain. */
	for (b = p->head; b->next; b = next) {
		next = b->next;
		free(b);
	}
	p->head = b;
	b->used = 0;
}

void qf_pool_free(struct qf_pool *p)
{
	struct block *b, *next;

	if (!p)
		return;
	qf_pool_reset(p);
	for (b = p->head; b; b = next) {
		next = b->next;
		free(b);
	}
	free(p);
}

struct qf_node *qf_pool_scalar(struct qf_pool *p, const char *s, size_t len,
			       enum qf_stype t)
{
	struct qf_node *n = pool_alloc(p, sizeof *n + len + 1);

	if (!n)
		return NULL;
	memset(n, 0, sizeof *n);
	n->kind = QF_NODE_SCALAR;
	n->pooled = 1;
	n->str = (char *)(n + 1);
	return scalar_fill(n, s, len, t);
}

struct qf_node *qf_pool_collection(struct qf_pool *p, enum qf_node_kind kind)
{
	struct qf_node *n = pool_alloc(p, sizeof *n);

	if (!n)
		return NULL;
	memset(n, 0, sizeof *n);
	n->kind = kind;
	n->pooled = 1;
	return n;
}

int qf_pool_append(struct qf_pool *p, struct qf_node *c, struct qf_node *key,
		   struct qf_node *val)
{
	if (c->n == c->cap) {
		/* Double into fresh pool space; the old arrays go back with
		 * the rest at the reset. */
		size_t cap = c->cap ? c->cap * 2 : 8;
		struct qf_node **items = pool_alloc(p, cap * sizeof *items);
		struct qf_node **keys = NULL;

		if (!items)
			return -1;
		if (c->kind == QF_NODE_MAP &&
		    !(keys = pool_alloc(p, cap * sizeof *keys)))
			return -1;
		if (c->n) {
			memcpy(items, c->items, c->n * sizeof *items);
			if (keys)
				memcpy(keys, c->keys, c->n * sizeof *keys);
		}
		c->items = items;
		c->keys = keys;
		c->cap = cap;
	}
	if (c->kind == QF_NODE_MAP)
		c->keys[c->n] = key;
	c->items[c->n++] = val;
	return 0;
}
