/* buf.h - growing buffers: bytes (always NUL-terminated), lists of
 * strings, sets of strings.
 *
 * A failed allocation is remembered (oom) and makes every later call a
 * no-op, so that a writer can put many pieces and check once.
 */
#ifndef QF_BUF_H
#define QF_BUF_H

#include <stdarg.h>
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
/* Append as printf does. */
int qf_buf_printf(struct qf_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int qf_buf_vprintf(struct qf_buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Append n blanks. */
int qf_buf_spaces(struct qf_buf *b, size_t n);
/* Room for n more bytes (and the NUL).  0, or -1 when out of memory. */
int qf_buf_reserve(struct qf_buf *b, size_t n);
/* Forget the contents, keep the memory. */
void qf_buf_clear(struct qf_buf *b);
/* Free the memory; the buffer is empty and usable again. */
void qf_buf_release(struct qf_buf *b);

/* A growing list of owned strings. */
struct qf_strv {
	char **v;       /* owned, each owned; NULL until something is pushed */
	size_t n, cap;
};

#define QF_STRV_INIT { NULL, 0, 0 }

/* Append a copy of s.  0, or -1 when out of memory (the list as it was). */
int qf_strv_push(struct qf_strv *l, const char *s);
/* Append s itself, which the list then owns (freed at once on failure). */
int qf_strv_take(struct qf_strv *l, char *s);
/* Sort by strcmp. */
void qf_strv_sort(struct qf_strv *l);
/* Free every string and the list; it is empty and usable again. */
void qf_strv_release(struct qf_strv *l);

/* A set of owned strings, hashed: adding and looking up take the same
 * time however many it holds. */
struct qf_strset {
	char **slot;    /* owned; cap slots, NULL where empty */
	size_t n, cap;  /* cap: 0 or a power of two */
};

#define QF_STRSET_INIT { NULL, 0, 0 }

/* Add a copy of s unless it is there.  1 added, 0 there already, -1 out
 * of memory (the set as it was). */
int qf_strset_add(struct qf_strset *set, const char *s);
/* 1 if s is in the set, else 0 (s NULL: 0). */
int qf_strset_has(const struct qf_strset *set, const char *s);
void qf_strset_release(struct qf_strset *set);

#endif
