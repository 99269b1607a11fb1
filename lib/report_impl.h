/* report_impl.h - what the bulletin's renderers share (internal). */
#ifndef QF_REPORT_IMPL_H
#define QF_REPORT_IMPL_H

#include <stddef.h>

#include "qf/buf.h"
#include "qf/report.h"

/* Twice a median as "12" or "12.5"; "-" for none. */
char *qf_report_median(long x2, char *buf, size_t n);

/* The figures as JSON and as CSV (report_figures.c); cs is the campaign
 * start as YYYY-MM-DD. */
void qf_report_json(struct qf_buf *o, const struct qf_month_figures *f,
		    const char *cs);
void qf_report_csv(struct qf_buf *o, const struct qf_month_figures *f);

#endif
