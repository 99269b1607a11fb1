/* buf.c - a growing byte buffer. */
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
