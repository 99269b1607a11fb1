/* error.c - errors and diagnostics. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "qf/error.h"

void qf_error_clear(struct qf_error *e)
{
	e->code = QF_OK;
	e->file[0] = '\0';
	e->line = e->col = 0;
	e->msg[0] = '\0';
}

static void set_file(struct qf_error *e, const char *file)
{
	size_t n;

	if (!file) {
		e->file[0] = '\0';
		return;
	}
	n = strlen(file);
	if (n >= sizeof e->file)
		n = sizeof e->file - 1;
	memcpy(e->file, file, n);
	e->file[n] = '\0';
}

int qf_error_set(struct qf_error *e, int code, const char *file,
		 unsigned line, unsigned col, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return code;
	e->code = code;
	set_file(e, file);
	e->line = line;
	e->col = col;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return code;
}

int qf_error_oom(struct qf_error *e)
{
	return qf_error_set(e, QF_ESOFTWARE, NULL, 0, 0, "%s",
			    _("out of memory"));
}

int qf_error_sys(struct qf_error *e, int code, const char *file, int errnum,
		 const char *fmt, ...)
{
	va_list ap;
	size_t n;

	if (!e)
		return code;
	e->code = code;
	set_file(e, file);
	e->line = e->col = 0;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	n = strlen(e->msg);
	if (n < sizeof e->msg)
		snprintf(e->msg + n, sizeof e->msg - n, ": %s", strerror(errnum));
	return code;
}

char *qf_error_format(const struct qf_error *e, char *buf, size_t n)
{
	char place[QF_ERR_FILE_MAX + 32];
	size_t k = 0;

	/* file:line:col, leaving out what is unknown. */
	place[0] = '\0';
	if (e->file[0])
		k += (size_t)snprintf(place, sizeof place, "%s:", e->file);
	if (e->line && k < sizeof place)
		k += (size_t)snprintf(place + k, sizeof place - k, "%u:",
				      e->line);
	if (e->line && e->col && k < sizeof place)
		snprintf(place + k, sizeof place - k, "%u:", e->col);
	if (place[0])
		snprintf(buf, n, "%s %s", place, e->msg);
	else
		snprintf(buf, n, "%s", e->msg);
	return buf;
}

void qf_diags_init(struct qf_diags *d)
{
	d->v = NULL;
	d->n = d->cap = 0;
	d->lost = 0;
}

void qf_diags_release(struct qf_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	free(d->v);
	qf_diags_init(d);
}

static int diags_push(struct qf_diags *d, const char *file, unsigned line,
		      unsigned col, char *msg)
{
	char *f = NULL;

	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		struct qf_diag *v = realloc(d->v, cap * sizeof *v);
		if (!v)
			goto fail;
		d->v = v;
		d->cap = cap;
	}
	if (file && !(f = strdup(file)))
		goto fail;
	d->v[d->n].file = f;
	d->v[d->n].line = line;
	d->v[d->n].col = col;
	d->v[d->n].msg = msg;
	d->n++;
	return 0;
fail:
	free(msg);
	d->lost++;
	return -1;
}

int qf_diags_add(struct qf_diags *d, const char *file, unsigned line,
		 unsigned col, const char *fmt, ...)
{
	va_list ap;
	char *msg;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !(msg = malloc((size_t)n + 1))) {
		d->lost++;
		return -1;
	}
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return diags_push(d, file, line, col, msg);
}

int qf_diags_add_error(struct qf_diags *d, const struct qf_error *e)
{
	return qf_diags_add(d, e->file[0] ? e->file : NULL, e->line, e->col,
			    "%s", e->msg);
}

static int diag_cmp(const void *a, const void *b)
{
	const struct qf_diag *x = a, *y = b;
	int c = strcmp(x->file ? x->file : "", y->file ? y->file : "");

	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return 0;
}

/* Stable merge sort: problems at one place keep the order they were
 * found in.  (Insertion sort took seconds on a file of 10000 duplicate
 * IDs, whose problems all come last.)  Without memory for the merge, the
 * list stays as found. */
void qf_diags_sort(struct qf_diags *d)
{
	struct qf_diag *tmp;

	if (d->n < 2 || !(tmp = malloc(d->n * sizeof *tmp)))
		return;
	for (size_t w = 1; w < d->n; w *= 2) {
		for (size_t lo = 0; lo < d->n; lo += 2 * w) {
			size_t mid = lo + w < d->n ? lo + w : d->n;
			size_t hi = lo + 2 * w < d->n ? lo + 2 * w : d->n;
			size_t i = lo, j = mid, k = lo;

			while (i < mid && j < hi)
				tmp[k++] = diag_cmp(&d->v[j], &d->v[i]) < 0 ?
					   d->v[j++] : d->v[i++];
			while (i < mid)
				tmp[k++] = d->v[i++];
			while (j < hi)
				tmp[k++] = d->v[j++];
		}
		memcpy(d->v, tmp, d->n * sizeof *tmp);
	}
	free(tmp);
}
