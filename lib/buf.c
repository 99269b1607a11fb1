/* buf.c - growing buffers: bytes, string lists, string sets. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qf/buf.h"

int qf_buf_reserve(struct qf_buf *b, size_t n)
{
	size_t cap;
	char *p;

	if (b->oom)
		return -1;
	if (b->s && b->cap - b->len > n)
		return 0;
	if (n > (size_t)-1 / 2 - b->len) {
		b->oom = 1;
		return -1;
	}
	cap = b->cap ? b->cap : 256;
	while (cap - b->len <= n)
		cap *= 2;
	if (!(p = realloc(b->s, cap))) {
		b->oom = 1;
		return -1;
	}
	if (!b->s)
		p[0] = '\0';
	b->s = p;
	b->cap = cap;
	return 0;
}

int qf_buf_put(struct qf_buf *b, const char *s, size_t n)
{
	if (qf_buf_reserve(b, n))
		return -1;
	if (n)
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
	return 0;
}

int qf_buf_puts(struct qf_buf *b, const char *s)
{
	return qf_buf_put(b, s, strlen(s));
}

int qf_buf_putc(struct qf_buf *b, char c)
{
	return qf_buf_put(b, &c, 1);
}

int qf_buf_vprintf(struct qf_buf *b, const char *fmt, va_list ap)
{
	va_list again;
	int n;

	if (b->oom)
		return -1;
	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	if (n < 0 || qf_buf_reserve(b, (size_t)n)) {
		va_end(again);
		b->oom = 1;
		return -1;
	}
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, again);
	va_end(again);
	b->len += (size_t)n;
	return 0;
}

int qf_buf_printf(struct qf_buf *b, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = qf_buf_vprintf(b, fmt, ap);
	va_end(ap);
	return rc;
}

int qf_buf_spaces(struct qf_buf *b, size_t n)
{
	if (qf_buf_reserve(b, n))
		return -1;
	memset(b->s + b->len, ' ', n);
	b->len += n;
	b->s[b->len] = '\0';
	return 0;
}

void qf_buf_clear(struct qf_buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void qf_buf_release(struct qf_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
	b->oom = 0;
}

int qf_strv_take(struct qf_strv *l, char *s)
{
	if (!s)
		return -1;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		char **v = cap > (size_t)-1 / sizeof *v ? NULL :
			   realloc(l->v, cap * sizeof *v);
		if (!v) {
			free(s);
			return -1;
		}
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = s;
	return 0;
}

int qf_strv_push(struct qf_strv *l, const char *s)
{
	return qf_strv_take(l, strdup(s));
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void qf_strv_sort(struct qf_strv *l)
{
	if (l->n > 1)
		qsort(l->v, l->n, sizeof *l->v, cmp_str);
}

void qf_strv_release(struct qf_strv *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/* FNV-1a, 64 bits. */
static size_t hash(const char *s)
{
	unsigned long long h = 1469598103934665603ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return (size_t)h;
}

/* The slot of s, or of the empty one where it would go. */
static size_t probe(char *const *slot, size_t cap, const char *s)
{
	size_t i = hash(s) & (cap - 1);

	while (slot[i] && strcmp(slot[i], s))
		i = (i + 1) & (cap - 1);
	return i;
}

int qf_strset_has(const struct qf_strset *set, const char *s)
{
	return s && set->cap && set->slot[probe(set->slot, set->cap, s)];
}

int qf_strset_add(struct qf_strset *set, const char *s)
{
	size_t i;

	/* At most half full: probes stay short. */
	if ((set->n + 1) * 2 > set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 64;
		char **slot = cap > (size_t)-1 / sizeof *slot / 2 ? NULL :
			      calloc(cap, sizeof *slot);
		if (!slot)
			return -1;
		for (size_t j = 0; j < set->cap; j++)
			if (set->slot[j])
				slot[probe(slot, cap, set->slot[j])] =
					set->slot[j];
		free(set->slot);
		set->slot = slot;
		set->cap = cap;
	}
	i = probe(set->slot, set->cap, s);
	if (set->slot[i])
		return 0;
	if (!(set->slot[i] = strdup(s)))
		return -1;
	set->n++;
	return 1;
}

void qf_strset_release(struct qf_strset *set)
{
	for (size_t i = 0; i < set->cap; i++)
		free(set->slot[i]);
	free(set->slot);
	set->slot = NULL;
	set->n = set->cap = 0;
}
