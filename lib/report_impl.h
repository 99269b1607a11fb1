/* report_impl.h - what the bulletin's renderers share (internal). */
#ifndef QF_REPORT_IMPL_H
#define QF_REPORT_IMPL_H

#include <stddef.h>

#include "qf/buf.h"
#include "qf/error.h"
#include "qf/page.h"
#include "qf/report.h"
#include "qf/store.h"

/* Twice a median as "12" or "12.5"; "-" for none. */
char *qf_report_median(long x2, char *buf, size_t n);

/* The figures as JSON and as CSV (report_figures.c); cs is the campaign
 * start as YYYY-MM-DD. */
void qf_report_json(struct qf_buf *o, const struct qf_month_figures *f,
		    const char *cs);
void qf_report_csv(struct qf_buf *o, const struct qf_month_figures *f);

/* What a bulletin needs of its language beyond the catalogue. */
struct words {
	int zh;               /* Chinese conventions: 万元, no spaces */
	const char *list_sep; /* between names in a sentence */
};

/* Money as bulletins write it: 万元, or 亿元 from a hundred million
 * (report_render.c). */
/* The amount holder.key in yuan into *yuan (0 when absent or null), as
 * check reads it (1.5e7 is 15000000); QF_EDATA at its file:line:col
 * when it is not a whole number from 0 to QF_AMOUNT_MAX, so that a sum
 * never overflows. */
int qf_report_amount(const struct qf_node *holder, const char *key,
		     const char *file, long long *yuan, struct qf_error *err);
char *qf_report_money(long long yuan, const struct words *w, char *buf,
		      size_t n);

/* A table row from strings. */
#define ROW(t, ...) qf_page_table_row(t, (const char *const[]){ __VA_ARGS__ })

/* The sections of the campaign's other work.  For each of policy,
 * application and event:
 *  - collect reads the store for the period f->start..f->end (those and
 *    f->campaign_start are set when it is called) and hangs its figures
 *    on f; QF_OK or an error with err set;
 *  - release frees them (also after an error, also when never collected);
 *  - render writes its section, heading included, to d;
 *  - json writes `,\n  "name": ...` after the bulletin's last member;
 *  - csv writes its rows (section,figure,month,cumulative). */
#define QF_REPORT_SECTION(x)                                                 \
	int qf_report_##x##_collect(struct qf_store *s,                      \
				    struct qf_month_figures *f,              \
				    struct qf_error *err);                   \
	void qf_report_##x##_release(struct qf_month_figures *f);            \
	void qf_report_##x##_render(struct qf_page *d,                       \
				    const struct qf_month_figures *f,        \
				    const struct words *w);                  \
	void qf_report_##x##_json(struct qf_buf *o,                          \
				  const struct qf_month_figures *f);         \
	void qf_report_##x##_csv(struct qf_buf *o,                           \
				 const struct qf_month_figures *f);
QF_REPORT_SECTION(policy)
QF_REPORT_SECTION(application)
QF_REPORT_SECTION(event)
#undef QF_REPORT_SECTION

#endif
