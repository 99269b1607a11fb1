/* report_figures.c - the bulletin's figures for programs: JSON and CSV.
 *
 * Tokens and numbers only, the same in every language: a program reading
 * them does not care which language the store speaks.  Names (units,
 * tags, firms) are data: JSON strings through qf_json_string, CSV cells
 * through qf_csv_cell (quoted, and never a formula). */
#include <stdio.h>
#include <string.h>

#include "qf/buf.h"
#include "qf/json.h"
#include "qf/report.h"
#include "qf/text.h"
#include "qf/vocab.h"
#include "report_impl.h"

char *qf_rate(long num, long den, char *buf, size_t n)
{
	long permille;

	if (den <= 0) {
		snprintf(buf, n, "-");
		return buf;
	}
	/* Integer arithmetic, rounded half up: the same digits everywhere. */
	permille = (num * 2000 + den) / (2 * den);
	snprintf(buf, n, "%ld.%ld%%", permille / 10, permille % 10);
	return buf;
}

char *qf_report_median(long x2, char *buf, size_t n)
{
	if (x2 < 0)
		snprintf(buf, n, "-");
	else if (x2 % 2)
		snprintf(buf, n, "%ld.5", x2 / 2);
	else
		snprintf(buf, n, "%ld", x2 / 2);
	return buf;
}

static void json_period(struct qf_buf *o, const char *name,
			const struct qf_period_figures *p, int last)
{
	const struct qf_term *terms = qf_vocab_terms(QF_V_CATEGORY);
	char m[24];

	qf_buf_printf(o, "  \"%s\": {\n", name);
	qf_buf_printf(o, "    \"visits\": %ld, \"firms_visited\": %ld, \"visitors\": %ld,\n",
	    p->visits, p->firms_visited, p->visitors);
	qf_buf_printf(o, "    \"demands\": %ld, \"problems\": %ld, \"suggestions\": %ld, \"amount_yuan\": %lld,\n",
	    p->demands, p->problems, p->suggestions, p->amount);
	qf_buf_printf(o, "    \"local\": %ld, \"higher\": %ld, \"local_problems\": %ld, \"higher_problems\": %ld,\n",
	    p->local, p->higher, p->local_problems, p->higher_problems);
	qf_buf_printf(o, "    \"by_category\": {");
	for (int i = 0, k = 0; terms[i].token && i < QF_REPORT_NCATS; i++)
		if (p->by_category[i])
			qf_buf_printf(o, "%s\"%s\": %ld", k++ ? ", " : "", terms[i].token,
			    p->by_category[i]);
	qf_buf_printf(o, "},\n");
	qf_buf_printf(o, "    \"resolved\": %ld, \"local_resolved\": %ld, \"higher_resolved\": %ld,\n",
	    p->resolved, p->local_resolved, p->higher_resolved);
	qf_buf_printf(o, "    \"adopted\": %ld, \"declined\": %ld, \"closed\": %ld,\n",
	    p->adopted, p->declined, p->closed);
	qf_buf_printf(o, "    \"closed_with_due\": %ld, \"on_time_original\": %ld, \"on_time_extended\": %ld,\n",
	    p->closed_with_due, p->on_time_original, p->on_time_extended);
	qf_report_median(p->median_days_x2, m, sizeof m);
	qf_buf_printf(o, "    \"median_days\": %s,\n", strcmp(m, "-") ? m : "null");
	qf_buf_printf(o, "    \"rated\": %ld, \"satisfied\": %ld, \"basic\": %ld, \"dissatisfied\": %ld\n",
	    p->rated, p->satisfied, p->basic, p->dissatisfied);
	qf_buf_printf(o, "  }%s\n", last ? "" : ",");
}

static void json_str(struct qf_buf *o, const char *s)
{
	qf_json_string(o, s);
}

void qf_report_json(struct qf_buf *o, const struct qf_month_figures *f,
			const char *cs)
{
	const struct qf_period_figures *t = &f->total;
	char r[24], m[24];

	char from[16], to[16];

	if (f->week)
		qf_buf_printf(o, "{\n  \"week\": %d,\n  \"from\": \"%s\",\n  \"to\": \"%s\",\n",
		    f->week, qf_date_format(&f->start, from, sizeof from),
		    qf_date_format(&f->end, to, sizeof to));
	else
		qf_buf_printf(o, "{\n  \"month\": \"%04d-%02d\",\n", f->year, f->month);
	qf_buf_printf(o, "  \"campaign_start\": \"%s\",\n", cs);
	qf_buf_printf(o, "  \"firms\": %ld,\n", f->firms);
	qf_buf_printf(o, "  \"coverage\": \"%s\",\n",
	    qf_rate(t->firms_visited, f->firms, r, sizeof r));
	qf_buf_printf(o, "  \"resolution_rate\": \"%s\",\n",
	    qf_rate(t->local_resolved, t->local_problems, r, sizeof r));
	qf_buf_printf(o, "  \"adoption_rate\": \"%s\",\n",
	    qf_rate(t->adopted, t->suggestions, r, sizeof r));
	qf_buf_printf(o, "  \"on_time_rate_original\": \"%s\",\n",
	    qf_rate(t->on_time_original, t->closed_with_due, r, sizeof r));
	qf_buf_printf(o, "  \"on_time_rate_extended\": \"%s\",\n",
	    qf_rate(t->on_time_extended, t->closed_with_due, r, sizeof r));
	qf_buf_printf(o, "  \"satisfaction_rate\": \"%s\",\n",
	    qf_rate(t->satisfied + t->basic, t->rated, r, sizeof r));
	qf_buf_printf(o, "  \"followup_rate\": \"%s\",\n",
	    qf_rate(t->rated, t->closed, r, sizeof r));
	qf_buf_printf(o, "  \"open_at_end\": %ld,\n  \"overdue_at_end\": %ld,\n  \"overdue_days_max\": %ld,\n",
	    f->open_at_end, f->overdue_at_end, f->overdue_days_max);
	json_period(o, f->week ? "in_week" : "in_month", &f->month_f, 0);
	json_period(o, "cumulative", &f->total, 0);
	if (f->has_prev)
		json_period(o, f->week ? "previous_week" : "previous_month",
			    &f->prev, 0);
	qf_buf_printf(o, "  \"trend\": [");
	for (int i = 0; i < 12; i++)
		qf_buf_printf(o, "%s{\"month\": \"%04d-%02d\", \"collected\": %ld, \"closed\": %ld}",
		    i ? ", " : "", f->trend[i].y, f->trend[i].m,
		    f->trend[i].collected, f->trend[i].closed);
	qf_buf_printf(o, "],\n");
	qf_buf_printf(o, "  \"coverage_by_tag\": [");
	for (size_t i = 0; i < f->ntags; i++) {
		qf_buf_printf(o, "%s{\"tag\": ", i ? ", " : "");
		json_str(o, f->tags[i].tag);
		qf_buf_printf(o, ", \"firms\": %ld, \"visited\": %ld}", f->tags[i].firms,
		    f->tags[i].visited);
	}
	qf_buf_printf(o, "],\n  \"not_visited\": [");
	for (size_t i = 0; i < f->nnot_visited; i++) {
		qf_buf_printf(o, "%s", i ? ", " : "");
		json_str(o, f->not_visited[i]);
	}
	qf_buf_printf(o, "],\n  \"threshold\": %ld,\n  \"departments\": [", f->threshold);
	for (size_t i = 0; i < f->ndepts; i++) {
		const struct qf_dept_figures *d = &f->depts[i];
		qf_buf_printf(o, "%s\n    {\"name\": ", i ? "," : "");
		json_str(o, d->name);
		qf_report_median(d->median_days_x2, m, sizeof m);
		qf_buf_printf(o, ", \"assigned\": %ld, \"closed\": %ld, \"on_time\": %ld, \"overdue\": %ld, \"returned\": %ld, \"median_days\": %s, \"below_threshold\": %s}",
		    d->assigned, d->closed, d->on_time, d->overdue, d->returned,
		    strcmp(m, "-") ? m : "null", d->below ? "true" : "false");
	}
	qf_buf_printf(o, "%s],\n  \"overdue\": [", f->ndepts ? "\n  " : "");
	for (size_t i = 0; i < f->noverdue; i++) {
		const struct qf_story *s = &f->overdue[i];
		qf_buf_printf(o, "%s\n    {\"id\": ", i ? "," : "");
		json_str(o, s->id);
		qf_buf_printf(o, ", \"firm\": ");
		json_str(o, s->firm);
		qf_buf_printf(o, ", \"title\": ");
		json_str(o, s->title);
		qf_buf_printf(o, ", \"dept\": ");
		json_str(o, s->dept);
		qf_buf_printf(o, ", \"days_overdue\": %ld}", s->days);
	}
	qf_buf_printf(o, "%s],\n  \"cases\": [", f->noverdue ? "\n  " : "");
	for (size_t i = 0; i < f->nstories; i++) {
		const struct qf_story *s = &f->stories[i];
		char d1[16], d2[16];
		qf_buf_printf(o, "%s\n    {\"id\": ", i ? "," : "");
		json_str(o, s->id);
		qf_buf_printf(o, ", \"firm\": ");
		json_str(o, s->firm);
		qf_buf_printf(o, ", \"title\": ");
		json_str(o, s->title);
		qf_buf_printf(o, ", \"dept\": ");
		json_str(o, s->dept);
		qf_buf_printf(o, ", \"opened\": \"%s\", \"closed\": \"%s\", \"days\": %ld, \"adopted\": %s, \"resolution\": ",
		    qf_date_format(&s->opened, d1, sizeof d1),
		    qf_date_format(&s->closed, d2, sizeof d2), s->days,
		    s->adopted ? "true" : "false");
		json_str(o, s->resolution);
		qf_buf_printf(o, "}");
	}
	qf_buf_printf(o, "%s]", f->nstories ? "\n  " : "");
	qf_report_policy_json(o, f);
	qf_report_application_json(o, f);
	qf_report_event_json(o, f);
	qf_buf_puts(o, "\n}\n");
}

static void csv_row(struct qf_buf *o, const char *sec, const char *fig,
		    long month, long total, int has_month)
{
	/* Names are text cells: a unit called "=..." must not be a formula. */
	qf_csv_cell(o, sec, 1);
	qf_buf_putc(o, ',');
	qf_csv_cell(o, fig, 1);
	qf_buf_putc(o, ',');
	if (has_month)
		qf_buf_printf(o, "%ld,%ld\r\n", month, total);
	else
		qf_buf_printf(o, ",%ld\r\n", total);
}

void qf_report_csv(struct qf_buf *o, const struct qf_month_figures *f)
{
	const struct qf_period_figures *m = &f->month_f, *t = &f->total;
	const struct qf_term *terms = qf_vocab_terms(QF_V_CATEGORY);

	qf_buf_printf(o, "section,figure,month,cumulative\r\n");
#define P(sec, name, field) csv_row(o, sec, name, m->field, t->field, 1)
	P("overview", "visits", visits);
	P("overview", "firms_visited", firms_visited);
	P("overview", "visitors", visitors);
	P("overview", "demands", demands);
	P("overview", "problems", problems);
	P("overview", "suggestions", suggestions);
	P("overview", "local_problems", local_problems);
	P("overview", "higher_problems", higher_problems);
	P("overview", "resolved", resolved);
	P("overview", "local_resolved", local_resolved);
	P("overview", "higher_resolved", higher_resolved);
	P("overview", "adopted", adopted);
	P("overview", "declined", declined);
	P("handling", "closed", closed);
	P("handling", "closed_with_due", closed_with_due);
	P("handling", "on_time_original", on_time_original);
	P("handling", "on_time_extended", on_time_extended);
	P("handling", "rated", rated);
	P("handling", "satisfied", satisfied);
	P("handling", "basic", basic);
	P("handling", "dissatisfied", dissatisfied);
#undef P
	csv_row(o, "overview", "amount_yuan", (long)m->amount, (long)t->amount, 1);
	csv_row(o, "overview", "firms", 0, f->firms, 0);
	csv_row(o, "overview", "open_at_end", 0, f->open_at_end, 0);
	csv_row(o, "overview", "overdue_at_end", 0, f->overdue_at_end, 0);
	for (int i = 0; terms[i].token && i < QF_REPORT_NCATS; i++)
		if (t->by_category[i])
			csv_row(o, "category", terms[i].token,
				m->by_category[i], t->by_category[i], 1);
	for (size_t i = 0; i < f->ndepts; i++) {
		const struct qf_dept_figures *d = &f->depts[i];
		char fig[256];
		snprintf(fig, sizeof fig, "%s/assigned", d->name);
		csv_row(o, "department", fig, 0, d->assigned, 0);
		snprintf(fig, sizeof fig, "%s/closed", d->name);
		csv_row(o, "department", fig, 0, d->closed, 0);
		snprintf(fig, sizeof fig, "%s/on_time", d->name);
		csv_row(o, "department", fig, 0, d->on_time, 0);
		snprintf(fig, sizeof fig, "%s/overdue", d->name);
		csv_row(o, "department", fig, 0, d->overdue, 0);
		snprintf(fig, sizeof fig, "%s/returned", d->name);
		csv_row(o, "department", fig, 0, d->returned, 0);
	}
	for (size_t i = 0; i < f->ntags; i++) {
		char fig[256];
		snprintf(fig, sizeof fig, "%s/firms", f->tags[i].tag);
		csv_row(o, "coverage", fig, 0, f->tags[i].firms, 0);
		snprintf(fig, sizeof fig, "%s/visited", f->tags[i].tag);
		csv_row(o, "coverage", fig, 0, f->tags[i].visited, 0);
	}
	qf_report_policy_csv(o, f);
	qf_report_application_csv(o, f);
	qf_report_event_csv(o, f);
}

