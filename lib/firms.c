/* firms.c - the register of firms in memory. */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

#include "qf/firms.h"

static int add(const struct qf_doc *doc, const char *file,
	       void *ud, struct qf_error *err)
{
	struct qf_firms *f = ud;
	struct qf_node *c;

	(void)file;
	if (!qf_node_get_str(doc->root, "id"))
		return 0;
	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 64;
		struct qf_node **v = realloc(f->v, cap * sizeof *v);
		if (!v)
			return qf_error_oom(err);
		f->v = v;
		f->cap = cap;
	}
	if (!(c = qf_node_clone(doc->root)))
		return qf_error_oom(err);
	f->v[f->n++] = c;
	return 0;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(qf_node_get_str(*(struct qf_node *const *)a, "id"),
		      qf_node_get_str(*(struct qf_node *const *)b, "id"));
}

int qf_firms_load(struct qf_store *s, struct qf_firms *f, struct qf_error *err)
{
	int rc;

	memset(f, 0, sizeof *f);
	qf_error_clear(err);
	if ((rc = qf_store_each(s, QF_FIRM, add, f, err))) {
		qf_firms_release(f);
		return rc;
	}
	if (f->n > 1)
		qsort(f->v, f->n, sizeof *f->v, cmp);
	return QF_OK;
}

void qf_firms_release(struct qf_firms *f)
{
	for (size_t i = 0; i < f->n; i++)
		qf_node_free(f->v[i]);
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
		int c = strcmp(qf_node_get_str(f->v[mid], "id"), id);
		if (!c)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

const struct qf_node *qf_firms_get(const struct qf_firms *f, const char *id)
{
	long i = qf_firms_index(f, id);

	return i < 0 ? NULL : f->v[i];
}

const char *qf_firms_name(const struct qf_firms *f, const char *id)
{
	const struct qf_node *r = qf_firms_get(f, id);
	const char *n = r ? qf_node_get_str(r, "name") : NULL;

	return n ? n : id ? id : "";
}
