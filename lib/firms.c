/* firms.c - the register of firms in memory. */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

#include "qf/firms.h"

/* The register's strings, cut from blocks that are never moved (so that
 * the pointers stay good) and freed together. */
struct qf_str_block {
	struct qf_str_block *next;
	size_t used, size;
	char s[];
};

#define BLOCK 65536

static char *keep_n(struct qf_firms *f, const char *s, size_t n)
{
	struct qf_str_block *b = f->strings;
	char *p;

	if (!b || b->size - b->used < n) {
		size_t size = n > BLOCK ? n : BLOCK;
		if (!(b = malloc(sizeof *b + size)))
			return NULL;
		b->next = f->strings;
		b->used = 0;
		b->size = size;
		f->strings = b;
	}
	p = b->s + b->used;
	memcpy(p, s, n);
	b->used += n;
	return p;
}

/* A copy of the scalar value of key, NULL when there is none; *oom set
 * when it cannot be made. */
static const char *keep(struct qf_firms *f, const struct qf_node *rec,
			const char *key, int *oom)
{
	const char *s = qf_node_get_str(rec, key);
	const char *p;

	if (!s)
		return NULL;
	if (!(p = keep_n(f, s, strlen(s) + 1)))
		*oom = 1;
	return p;
}

static const char *keep_tags(struct qf_firms *f, const struct qf_node *rec,
			     int *oom)
{
	const struct qf_node *tags = qf_node_get(rec, "tags");
	size_t n = 1;
	char *p, *q;

	if (!tags || tags->kind != QF_NODE_SEQ || !tags->n)
		return NULL;
	/* (An empty tag would end the list: it names nothing anyway.) */
	for (size_t i = 0; i < tags->n; i++)
		if (tags->items[i]->kind == QF_NODE_SCALAR && tags->items[i]->len)
			n += tags->items[i]->len + 1;
	if (!(p = malloc(n))) {
		*oom = 1;
		return NULL;
	}
	q = p;
	for (size_t i = 0; i < tags->n; i++)
		if (tags->items[i]->kind == QF_NODE_SCALAR && tags->items[i]->len) {
			memcpy(q, tags->items[i]->str, tags->items[i]->len + 1);
			q += tags->items[i]->len + 1;
		}
	*q = '\0';
	q = keep_n(f, p, n);
	free(p);
	if (!q)
		*oom = 1;
	return q;
}

struct load {
	struct qf_firms *f;
	int what;
};

static int add(const struct qf_doc *doc, const char *file, void *ud,
	       struct qf_error *err)
{
	struct load *l = ud;
	struct qf_firms *f = l->f;
	const struct qf_node *r = doc->root;
	struct qf_firm *e;
	int oom = 0;

	(void)file;
	if (!qf_node_get_str(r, "id"))
		return 0;
	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 64;
		struct qf_firm *v = realloc(f->v, cap * sizeof *v);
		if (!v)
			return qf_error_oom(err);
		f->v = v;
		f->cap = cap;
	}
	e = &f->v[f->n];
	memset(e, 0, sizeof *e);
	e->id = keep(f, r, "id", &oom);
	e->name = keep(f, r, "name", &oom);
	e->leader = keep(f, r, "leader", &oom);
	e->park = keep(f, r, "park", &oom);
	e->sector = keep(f, r, "sector", &oom);
	e->liaison = keep(f, r, "liaison", &oom);
	e->since = keep(f, r, "since", &oom);
	e->tags = keep_tags(f, r, &oom);
	if (l->what == QF_FIRMS_RECORDS && !(e->rec = qf_node_clone(r)))
		oom = 1;
	if (oom) {
		qf_node_free(e->rec);
		return qf_error_oom(err);
	}
	f->n++;
	return 0;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(((const struct qf_firm *)a)->id,
		      ((const struct qf_firm *)b)->id);
}

int qf_firms_load(struct qf_store *s, struct qf_firms *f, int what,
		  struct qf_error *err)
{
	struct load l = { f, what };
	int rc;

	memset(f, 0, sizeof *f);
	qf_error_clear(err);
	if ((rc = qf_store_each(s, QF_FIRM, add, &l, err))) {
		qf_firms_release(f);
		return rc;
	}
	if (f->n > 1)
		qsort(f->v, f->n, sizeof *f->v, cmp);
	return QF_OK;
}

int qf_firms_load_one(struct qf_store *s, struct qf_firms *f, const char *id,
		      struct qf_error *err)
{
	struct load l = { f, QF_FIRMS_NAMES };
	struct qf_doc doc;
	struct qf_node *rec;
	int rc;

	memset(f, 0, sizeof *f);
	qf_error_clear(err);
	if ((rc = qf_store_get(s, id, &rec, NULL, err)))
		return rc;
	memset(&doc, 0, sizeof doc);
	doc.root = rec;
	rc = add(&doc, NULL, &l, err);
	qf_node_free(rec);
	if (rc)
		qf_firms_release(f);
	return rc;
}

void qf_firms_release(struct qf_firms *f)
{
	while (f->strings) {
		struct qf_str_block *next = f->strings->next;
		free(f->strings);
		f->strings = next;
	}
	for (size_t i = 0; i < f->n; i++)
		qf_node_free(f->v[i].rec);
	free(f->v);
	memset(f, 0, sizeof *f);
}

long qf_firms_index(const struct qf_firms *f, const char *id)
{
	size_t lo = 0, hi = f->n;

	if (!id)
		return -1;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(f->v[mid].id, id);
		if (!c)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

const struct qf_firm *qf_firms_get(const struct qf_firms *f, const char *id)
{
	long i = qf_firms_index(f, id);

	return i < 0 ? NULL : &f->v[i];
}

const char *qf_firms_name(const struct qf_firms *f, const char *id)
{
	const struct qf_firm *r = qf_firms_get(f, id);

	return r && r->name ? r->name : id ? id : "";
}

int qf_firm_has_tag(const struct qf_firm *firm, const char *tag)
{
	for (const char *t = firm->tags; t && *t; t += strlen(t) + 1)
		if (!strcmp(t, tag))
			return 1;
	return 0;
}
