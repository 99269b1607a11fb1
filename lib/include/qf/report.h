/* report.h - the monthly bulletin's figures and their rendering.
 *
 * Definitions (also in qf-monthly-report(1)):
 *  - a visit counts in the month of its date; a demand in the month it was
 *    opened; records dated after the month's end, or before the campaign
 *    start, are ignored everywhere (open and overdue counts included);
 *  - resolved: status resolved with a closing date in the period;
 *  - resolution rate: resolved 本级 (local) problems / 本级 problems, both
 *    cumulative from the campaign start to the month's end, shown with one
 *    decimal rounded half up (63/64 -> 98.4%);
 *  - the register at month end: firms whose `since` is not after it, and
 *    firms visited by then whatever their `since`;
 *  - open at month end: opened by then and not closed by then;
 *    overdue: open at month end with a due date before the month's last day.
 */
#ifndef QF_REPORT_H
#define QF_REPORT_H

#include <stddef.h>

#include "qf/date.h"
#include "qf/error.h"
#include "qf/store.h"

struct qf_period_figures {
	long visits;            /* visits made */
	long firms_visited;     /* distinct firms visited */
	long demands;           /* demands collected */
	long problems, suggestions;
	long local, higher;
	long local_problems;    /* 本级 problems collected */
	long resolved;          /* problems resolved (any level) */
	long local_resolved;    /* 本级 problems resolved */
	long adopted;           /* suggestions adopted */
};

struct qf_month_figures {
	int year, month;
	struct qf_date start, end;        /* the month */
	struct qf_date campaign_start;
	long firms;                       /* firms in the register at month end */
	struct qf_period_figures month_f; /* within the month */
	struct qf_period_figures total;   /* campaign start .. month end */
	long open_at_end, overdue_at_end;
};

/* Compute the figures of month (year, month) from the store, reading it
 * once, one record at a time.  QF_OK or an error code with err set. */
int qf_report_month(struct qf_store *s, int year, int month,
		    struct qf_month_figures *f, struct qf_error *err);

/* num/den as a percentage with one decimal, rounded half up ("98.4%");
 * "-" when den is 0.  buf of at least 16 bytes. */
char *qf_rate(long num, long den, char *buf, size_t n);

enum qf_report_format { QF_REPORT_MARKDOWN, QF_REPORT_TEXT, QF_REPORT_JSON };

/* Render f in a format and language ("zh" or "en") into a malloc'd string
 * (caller frees).  org is the organisation's name for the title.  NULL when
 * out of memory. */
char *qf_report_render(const struct qf_month_figures *f,
		       enum qf_report_format fmt, const char *lang,
		       const char *org);

#endif
