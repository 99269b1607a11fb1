/* report_event.c - the bulletin's section on campaign events (活动): the period's events and their outcomes.
 *
 * The hooks of report_impl.h; empty so far. */
#include "report_impl.h"

int qf_report_event_collect(struct qf_store *s, struct qf_month_figures *f,
			    struct qf_error *err)
{
	(void)s;
	(void)f;
	(void)err;
	return QF_OK;
}

void qf_report_event_release(struct qf_month_figures *f)
{
	(void)f;
}

void qf_report_event_render(struct qf_page *d, const struct qf_month_figures *f,
			    const struct words *w)
{
	(void)d;
	(void)f;
	(void)w;
}

void qf_report_event_json(struct qf_buf *o, const struct qf_month_figures *f)
{
	(void)o;
	(void)f;
}

void qf_report_event_csv(struct qf_buf *o, const struct qf_month_figures *f)
{
	(void)o;
	(void)f;
}
