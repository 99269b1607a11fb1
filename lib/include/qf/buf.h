/* buf.h - a growing byte buffer, always NUL-terminated.
 *
 * A failed allocation is remembered (oom) and makes every later call a
 * no-op, so that a writer can put many pieces and check once.
 */
#ifndef QF_BUF_H
#define QF_BUF_H

#include <stddef.h>

struct qf_buf {
	char *s;        /* owned; NULL until something is put */
	size_t len;     /* bytes, without the NUL */
	size_t cap;
	int oom;        /* an allocation failed: s holds what came before */
};

#define QF_BUF_INIT { NULL, 0, 0, 0 }

/* Append n bytes of s (may hold NULs).  0, or -1 when out of memory. */
int qf_buf_put(struct qf_buf *b, const char *s, size_t n);
int qf_buf_puts(struct qf_buf *b, const char *s);
int qf_buf_putc(struct qf_buf *b, char c);
/* Append n blanks. */
int qf_buf_spaces(struct qf_buf *b, size_t n);
/* Room for n more bytes (and the NUL).  0, or -1 when out of memory. */
int qf_buf_reserve(struct qf_buf *b, size_t n);
/* Forget the contents, keep the memory. */
void qf_buf_clear(struct qf_buf *b);
/* Free the memory; the buffer is empty and usable again. */
void qf_buf_release(struct qf_buf *b);

#endif
