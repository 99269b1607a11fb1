/* report.h - the monthly bulletin's figures and their rendering.
 *
 * Definitions (also in qf-monthly-report(1)):
 *  - a visit counts in the month of its date; a demand in the month it was
 *    opened; records dated after the month's end, or before the campaign
 *    start, are ignored everywhere (open and overdue counts included);
 *  - a demand's state at month end is replayed from its log (entries
 *    dated after the month's end are ignored): whether it was closed and
 *    how, its unit, its level, its first and last deadline, its rating;
 *    a record without a usable log is taken as it stands;
 *  - resolved: closed as resolved with a closing date in the period;
 *  - on time: closed by the first deadline of its last round (original),
 *    and separately by the last, extended one; demands closed without a
 *    deadline are left out of both rates;
 *  - satisfaction rate: (满意 + 基本满意) / ratings, the last rating of
 *    each demand by month end; follow-up rate: rated / closed;
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
#include "qf/page.h"
#include "qf/store.h"

#define QF_REPORT_MAX_TAGS 4
/* The largest amount (元) a demand may ask: the maximum of amount in
 * schemas/demand.yaml (1 万亿元), which check enforces; the bulletin stops
 * on a larger one rather than print a wrong total. */
#define QF_AMOUNT_MAX 1000000000000LL
#define QF_REPORT_NCATS 13   /* the categories of vocab.h, in its order */

struct qf_period_figures {
	long visits;            /* visits made */
	long firms_visited;     /* distinct firms visited */
	long visitors;          /* distinct people who went */
	long demands;           /* demands collected */
	long long amount;       /* yuan asked for by the demands collected */
	long problems, suggestions;
	long local, higher;     /* by level at month end (after escalations) */
	long local_problems;    /* 本级 problems collected */
	long higher_problems;   /* 上级 problems collected */
	long by_category[QF_REPORT_NCATS];
	long resolved;          /* problems resolved (any level) */
	long local_resolved;    /* 本级 problems resolved */
	long higher_resolved;   /* 上级 problems resolved */
	long adopted;           /* suggestions adopted */
	long declined;          /* closed as not resolvable */
	long closed;            /* closed in the period, any outcome */
	long closed_with_due;   /* ... of which had a deadline */
	long on_time_original;  /* ... closed by the first deadline */
	long on_time_extended;  /* ... closed by the last (extended) one */
	long median_days_x2;    /* median days opened -> closed, times 2;
				 * -1 when nothing closed */
	long rated;             /* follow-up ratings given */
	long satisfied, basic, dissatisfied;
};

struct qf_dept_figures {
	char *name;
	long assigned;          /* demands led by it (at month end) */
	long closed;            /* ... closed, whatever the outcome */
	long on_time;           /* ... closed by the first deadline */
	long overdue;           /* ... open and past due at month end */
	long returned;          /* times it sent a demand back (退回) */
	long median_days_x2;    /* -1 when none closed */
	int below;              /* closure rate closed / (closed + overdue)
				 * under the threshold */
};

struct qf_story {
	char *id, *firm, *title, *dept, *resolution;
	struct qf_date opened, closed;
	long days;
	int adopted;
};

struct qf_tag_coverage {
	char *tag;
	long firms, visited;
};

/* The campaign's other work, each in its own file (report_policy.c,
 * report_application.c, report_event.c) and private to it. */
struct qf_policy_figures;
struct qf_application_figures;
struct qf_event_figures;

struct qf_month_figures {
	int year, month;                  /* of the period's end */
	int week;                         /* ISO week number; 0 for a month */
	struct qf_date start, end;        /* the period */
	struct qf_date campaign_start;
	long firms;                       /* firms in the register at month end */
	struct qf_period_figures month_f; /* within the month */
	struct qf_period_figures total;   /* campaign start .. month end */
	long open_at_end, overdue_at_end;
	long overdue_days_max;
	long threshold;                   /* settings.threshold, percent */
	struct qf_tag_coverage tags[QF_REPORT_MAX_TAGS];
	size_t ntags;
	char **not_visited;               /* names, register order */
	size_t nnot_visited;
	struct qf_dept_figures *depts;    /* by name */
	size_t ndepts;
	struct qf_story *stories;         /* closed in the month, by date */
	size_t nstories;
	struct qf_story *overdue;         /* 超期件 at the end, most days
					   * first (days = days overdue) */
	size_t noverdue;
	struct {                          /* the 12 months to the end's */
		int y, m;
		long collected, closed;   /* demands opened; closed as
					   * resolved or adopted */
	} trend[12];
	int has_prev;                     /* prev holds the month before */
	struct qf_period_figures prev;
	long prev_open_at_end, prev_overdue_at_end;
	struct qf_policy_figures *policies;           /* 送政策; NULL: none */
	struct qf_application_figures *applications;  /* 申报 */
	struct qf_event_figures *events;              /* 活动 */
};

/* The same figures over any period start..end (a week for the weekly
 * meeting, 每周碰头会), compared with the period of the same length just
 * before it.  week is the ISO week number to print, or 0. */
int qf_report_period(struct qf_store *s, const struct qf_date *start,
		     const struct qf_date *end, int week,
		     struct qf_month_figures *f, struct qf_error *err);

/* The Monday-to-Sunday ISO week holding d: its Monday, Sunday and ISO
 * week number and year. */
void qf_iso_week(const struct qf_date *d, struct qf_date *monday,
		 struct qf_date *sunday, int *week, int *year);

/* Release what qf_report_month allocated in f. */
void qf_report_release(struct qf_month_figures *f);

/* Compute the figures of month (year, month) from the store, reading it
 * one record at a time, and those of the month before for comparison.
 * QF_OK or an error code with err set.  Release with qf_report_release
 * (also after an error). */
int qf_report_month(struct qf_store *s, int year, int month,
		    struct qf_month_figures *f, struct qf_error *err);

/* num/den as a percentage with one decimal, rounded half up ("98.4%");
 * "-" when den is 0.  buf of at least 16 bytes. */
char *qf_rate(long num, long den, char *buf, size_t n);

enum qf_report_format { QF_REPORT_MARKDOWN, QF_REPORT_TEXT, QF_REPORT_JSON,
			QF_REPORT_CSV, QF_REPORT_HTML };

/* Render f in a format and language ("zh" or "en") into a malloc'd string
 * (caller frees).  org is the organisation's name for the title.  NULL when
 * out of memory. */
char *qf_report_render(const struct qf_month_figures *f,
		       enum qf_report_format fmt, const char *lang,
		       const char *org);

/* The bulletin's tables, in its order, each given to fn with the heading
 * of its section ("1. 概况"), worded in lang: what a spreadsheet of the
 * bulletin holds (qf/xlsx.h).  0, or -1 when out of memory. */
int qf_report_tables(const struct qf_month_figures *f, const char *lang,
		     const char *org, qf_page_table_fn fn, void *ud);

#endif
