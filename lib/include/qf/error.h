/* error.h - errors and diagnostics returned by libqf.
 *
 * The library never prints and never exits: a failing function fills a
 * struct qf_error and returns its code; the command turns it into a message.
 * Codes are sysexits(3) values so a command can exit with them directly.
 */
#ifndef QF_ERROR_H
#define QF_ERROR_H

#include <stddef.h>

enum qf_code {
	QF_OK = 0,
	QF_EFAIL = 1,        /* nothing matched / check found problems */
	QF_EUSAGE = 64,      /* EX_USAGE */
	QF_EDATA = 65,       /* EX_DATAERR: a record or an argument is bad */
	QF_ENOINPUT = 66,    /* EX_NOINPUT: no store, no file, no such record */
	QF_ESOFTWARE = 70,   /* EX_SOFTWARE: internal error, out of memory */
	QF_EOS = 71,         /* EX_OSERR */
	QF_ECANTCREAT = 73,  /* EX_CANTCREAT: cannot write the store */
	QF_EIO = 74,         /* EX_IOERR */
	QF_EBUSY = 75,       /* EX_TEMPFAIL: the store is locked by another writer */
	QF_ECONFIG = 78      /* EX_CONFIG: qf.yaml or a schema is bad */
};

#define QF_ERR_FILE_MAX 1024
#define QF_ERR_MSG_MAX 1024

struct qf_error {
	int code;                     /* enum qf_code; QF_OK when clear */
	char file[QF_ERR_FILE_MAX];   /* "" when the error is about no file */
	unsigned line, col;           /* 1-based; 0 when unknown */
	char msg[QF_ERR_MSG_MAX];     /* lowercase, no full stop */
};

/* Reset e to "no error". */
void qf_error_clear(struct qf_error *e);

/* Fill e and return code.  file may be NULL; line/col 0 when unknown.
 * Over-long text is truncated, never overflowed. */
int qf_error_set(struct qf_error *e, int code, const char *file,
		 unsigned line, unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* qf_error_set(e, QF_ESOFTWARE, ..., "out of memory"): returns
 * QF_ESOFTWARE. */
int qf_error_oom(struct qf_error *e);

/* Like qf_error_set without a place, and appends ": strerror(errnum)".
 * file is normally NULL: the message itself names the path. */
int qf_error_sys(struct qf_error *e, int code, const char *file, int errnum,
		 const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Format "file:line:col: msg" (parts that are unknown are left out) into
 * buf of size n.  Returns buf. */
char *qf_error_format(const struct qf_error *e, char *buf, size_t n);

/* A list of problems, each with its place: what validation and `check`
 * collect instead of stopping at the first. */
struct qf_diag {
	char *file;        /* owned */
	unsigned line, col;
	char *msg;         /* owned */
};

struct qf_diags {
	struct qf_diag *v;
	size_t n, cap;
	size_t lost;       /* problems not kept for want of memory */
};

void qf_diags_init(struct qf_diags *d);
/* Frees every entry; d may be reused after qf_diags_init. */
void qf_diags_release(struct qf_diags *d);
/* Append one problem.  Returns 0, or -1 when out of memory (the problem is
 * then lost and counted in d->lost, but d stays valid). */
int qf_diags_add(struct qf_diags *d, const char *file, unsigned line,
		 unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Append an error as a diagnostic. */
int qf_diags_add_error(struct qf_diags *d, const struct qf_error *e);
/* Sort by file, line, col (stable for equal places). */
void qf_diags_sort(struct qf_diags *d);

#endif
