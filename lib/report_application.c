/* report_application.c - the bulletin's section on applications (申报): filed, listed, granted, rejected, amounts, by policy and by firm.
 *
 * The hooks of report_impl.h; empty so far. */
#include "report_impl.h"

int qf_report_application_collect(struct qf_store *s, struct qf_month_figures *f,
			    struct qf_error *err)
{
	(void)s;
	(void)f;
	(void)err;
	return QF_OK;
}

void qf_report_application_release(struct qf_month_figures *f)
{
	(void)f;
}

void qf_report_application_render(struct qf_page *d, const struct qf_month_figures *f,
			    const struct words *w)
{
	(void)d;
	(void)f;
	(void)w;
}

void qf_report_application_json(struct qf_buf *o, const struct qf_month_figures *f)
{
	(void)o;
	(void)f;
}

void qf_report_application_csv(struct qf_buf *o, const struct qf_month_figures *f)
{
	(void)o;
	(void)f;
}
