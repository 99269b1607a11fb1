/* report_render.c - the monthly bulletin for people: text, Markdown, HTML.
 *
 * Every figure comes from struct qf_month_figures; this file only words
 * them, each section once, against the document writer (qf/page.h), which
 * lays them out and escapes them for the format.  The wording is in the
 * message catalogue (po/); the language is the caller's (the store's
 * setting), never the locale, so cron gets the same bytes as a person
 * (qf/lang.h).  JSON and CSV are in report_figures.c, the charts' drawing
 * in chart.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "qf/buf.h"
#include "qf/page.h"
#include "qf/lang.h"
#include "qf/report.h"
#include "qf/vocab.h"
#include "report_impl.h"

/* Change against the previous period: "+3", "-2", "+0"; "" without one. */
static char *delta(int has, long now, long before, char *buf, size_t n)
{
	if (!has)
		snprintf(buf, n, "%s", "");
	else
		snprintf(buf, n, "%+ld", now - before);
	return buf;
}

static const char *num(long v, char *buf, size_t n)
{
	snprintf(buf, n, "%ld", v);
	return buf;
}

/* num/den = rate, as the tables show a rate with what it is made of. */
static const char *ratio(long num, long den, char *buf, size_t n)
{
	char r[16];

	snprintf(buf, n, "%ld/%ld = %s", num, den, qf_rate(num, den, r, sizeof r));
	return buf;
}


/* ---- the bulletin ---------------------------------------------------- */

char *qf_report_money(long long yuan, const struct words *w, char *buf,
		      size_t n)
{
	long long r;

	if (!w->zh) {
		snprintf(buf, n, _("%lld yuan"), yuan);
	} else if (yuan >= 100000000LL) {
		r = yuan + 500000;
		snprintf(buf, n, _("%lld.%02lld hundred million yuan"),
			 r / 100000000LL, r % 100000000LL / 1000000);
	} else {
		r = yuan + 500;
		snprintf(buf, n, _("%lld.%lld ten thousand yuan"), r / 10000,
			 r % 10000 / 1000);
	}
	return buf;
}

/* "本月" or "本周", and the like, for a month or a week. */
static const char *this_period(const struct qf_month_figures *f)
{
	return f->week ? _("Week") : _("Month");
}

static void overview(struct qf_page *d, const struct qf_month_figures *f,
		     const struct words *w, const char *cs)
{
	const struct qf_period_figures *m = &f->month_f, *t = &f->total,
		*p = &f->prev;
	struct qf_page_table tb;
	char head[128], a[32], b[48], c[32];
	int hp = f->has_prev;

	qf_page_table_init(&tb, 4, "0111");
	snprintf(head, sizeof head, _("Cumulative (since %s)"), cs);
	ROW(&tb, _("Figure"), this_period(f), head,
	    f->week ? C_("against the week before", "Change") :
		      C_("against the month before", "Change"));
#define ROW3(label, x, y, px) \
	ROW(&tb, label, num(x, a, sizeof a), num(y, b, sizeof b), \
	    delta(hp, x, px, c, sizeof c))
	ROW3(_("Visits"), m->visits, t->visits, p->visits);
	ROW3(_("Firms visited"), m->firms_visited, t->firms_visited, p->firms_visited);
	ROW3(_("Visitors"), m->visitors, t->visitors, p->visitors);
	ROW3(_("Demands collected"), m->demands, t->demands, p->demands);
	ROW3(_("  problems"), m->problems, t->problems, p->problems);
	ROW3(_("  suggestions"), m->suggestions, t->suggestions, p->suggestions);
	ROW3(_("Problems resolved"), m->resolved, t->resolved, p->resolved);
	ROW3(_("Suggestions adopted"), m->adopted, t->adopted, p->adopted);
	ROW3(_("Declined"), m->declined, t->declined, p->declined);
#undef ROW3
	if (t->amount) {
		char mm[64], tt[64];
		ROW(&tb, _("Money asked for"), qf_report_money(m->amount, w, mm, sizeof mm),
		    qf_report_money(t->amount, w, tt, sizeof tt), "");
	}
	ROW(&tb, _("Resolution rate (local)"), "",
	    ratio(t->local_resolved, t->local_problems, b, sizeof b), "");
	ROW(&tb, _("Adoption rate"), "",
	    ratio(t->adopted, t->suggestions, b, sizeof b), "");
	ROW(&tb, _("Coverage"), "", ratio(t->firms_visited, f->firms, b, sizeof b), "");
	ROW(&tb, f->week ? _("Open at week end") : _("Open at month end"), "",
	    num(f->open_at_end, b, sizeof b),
	    delta(hp, f->open_at_end, f->prev_open_at_end, c, sizeof c));
	ROW(&tb, f->week ? _("Overdue at week end") : _("Overdue at month end"), "",
	    num(f->overdue_at_end, b, sizeof b),
	    delta(hp, f->overdue_at_end, f->prev_overdue_at_end, c, sizeof c));
	ROW(&tb, _("Most days overdue"), "", num(f->overdue_days_max, b, sizeof b), "");
	qf_page_table(d, &tb);
}

/* The 12 months' demands collected and closed. */
static void chart_trend(struct qf_page *d, const struct qf_month_figures *f)
{
	char keys[12][16], labs[12][32];
	const char *kp[12], *lp[12];
	long collected[12], closed[12];
	struct qf_chart c = { QF_CHART_COLUMNS, "trend",
		_("Demands collected and closed, last 12 months"),
		_("■ demands collected  □ closed (resolved or adopted)"),
		12, lp, collected, closed, kp, { "collected", "closed" } };

	for (int i = 0; i < 12; i++) {
		snprintf(keys[i], sizeof keys[i], "%04d-%02d", f->trend[i].y,
			 f->trend[i].m);
		/* TRANSLATORS: a month under a column of the trend chart:
		 * month, then the year's last two digits (a translation
		 * may leave the year out). */
		/* xgettext:no-c-format */
		snprintf(labs[i], sizeof labs[i], _("%d/%02d"), f->trend[i].m,
			 f->trend[i].y % 100);
		kp[i] = keys[i];
		lp[i] = labs[i];
		collected[i] = f->trend[i].collected;
		closed[i] = f->trend[i].closed;
	}
	qf_page_chart(d, &c);
}

static void categories(struct qf_page *d, const struct qf_month_figures *f,
		       const char *lang)
{
	const struct qf_term *terms = qf_vocab_terms(QF_V_CATEGORY);
	const struct qf_period_figures *m = &f->month_f, *t = &f->total;
	const char *labels[QF_REPORT_NCATS];
	long values[QF_REPORT_NCATS];
	struct qf_chart c = { QF_CHART_BARS, "categories",
		_("Demands by category (cumulative)"), NULL, 0, labels, values,
		NULL, NULL, { NULL, NULL } };
	struct qf_page_table tb;
	char a[32], b[32];

	qf_page_table_init(&tb, 3, "011");
	ROW(&tb, _("Category"), this_period(f), _("Cumulative"));
	for (int i = 0; terms[i].token && i < QF_REPORT_NCATS; i++) {
		if (!t->by_category[i])
			continue;
		labels[c.n] = qf_vocab_name(QF_V_CATEGORY, terms[i].token, lang);
		values[c.n++] = t->by_category[i];
		ROW(&tb, labels[c.n - 1], num(m->by_category[i], a, sizeof a),
		    num(t->by_category[i], b, sizeof b));
	}
	ROW(&tb, _("Local problems"), num(m->local_problems, a, sizeof a),
	    num(t->local_problems, b, sizeof b));
	ROW(&tb, _("Higher-level problems"), num(m->higher_problems, a, sizeof a),
	    num(t->higher_problems, b, sizeof b));
	ROW(&tb, _("Local problems resolved"), num(m->local_resolved, a, sizeof a),
	    num(t->local_resolved, b, sizeof b));
	ROW(&tb, _("Higher-level problems resolved"),
	    num(m->higher_resolved, a, sizeof a),
	    num(t->higher_resolved, b, sizeof b));
	qf_page_table(d, &tb);
	qf_page_chart(d, &c);
}

static void quality(struct qf_page *d, const struct qf_month_figures *f)
{
	const struct qf_period_figures *m = &f->month_f, *t = &f->total;
	struct qf_page_table tb;
	char a[48], b[48];

	qf_page_table_init(&tb, 3, "011");
	ROW(&tb, _("Figure"), this_period(f), _("Cumulative"));
	ROW(&tb, _("Closed"), num(m->closed, a, sizeof a), num(t->closed, b, sizeof b));
	ROW(&tb, _("On time (original deadline)"),
	    ratio(m->on_time_original, m->closed_with_due, a, sizeof a),
	    ratio(t->on_time_original, t->closed_with_due, b, sizeof b));
	ROW(&tb, _("On time (extended deadline)"),
	    ratio(m->on_time_extended, m->closed_with_due, a, sizeof a),
	    ratio(t->on_time_extended, t->closed_with_due, b, sizeof b));
	ROW(&tb, _("Median days to close"),
	    qf_report_median(m->median_days_x2, a, sizeof a),
	    qf_report_median(t->median_days_x2, b, sizeof b));
	ROW(&tb, _("Rated at follow-up"), num(m->rated, a, sizeof a),
	    num(t->rated, b, sizeof b));
	ROW(&tb, _("Satisfaction rate"),
	    ratio(m->satisfied + m->basic, m->rated, a, sizeof a),
	    ratio(t->satisfied + t->basic, t->rated, b, sizeof b));
	ROW(&tb, _("Follow-up rate"), "", ratio(t->rated, t->closed, b, sizeof b));
	qf_page_table(d, &tb);
}

/* The overdue items by name, most days first, as bulletins list them. */
static void overdue_list(struct qf_page *d, const struct qf_month_figures *f)
{
	struct qf_buf p = QF_BUF_INIT;

	if (!f->noverdue)
		return;
	qf_buf_printf(&p, f->week ? P_("Overdue at the week's end (%zu):",
			     "Overdue at the week's end (%zu):", f->noverdue) :
			  P_("Overdue at the month's end (%zu):",
			     "Overdue at the month's end (%zu):", f->noverdue),
	    f->noverdue);
	qf_page_para(d, p.s ? p.s : "");
	qf_page_list_begin(d, 0);
	for (size_t i = 0; i < f->noverdue; i++) {
		const struct qf_story *s = &f->overdue[i];
		qf_buf_clear(&p);
		/* TRANSLATORS: firm, demand, unit, days overdue, demand ID. */
		qf_buf_printf(&p, P_("%s: %s (%s, %ld day overdue, %s)",
			   "%s: %s (%s, %ld days overdue, %s)", s->days),
		    s->firm, s->title, *s->dept ? s->dept : _("no unit"),
		    s->days, s->id);
		qf_page_item(d, p.s ? p.s : "");
	}
	qf_page_list_end(d);
	if (p.oom)
		d->out->oom = 1;
	qf_buf_release(&p);
}

static void departments(struct qf_page *d, const struct qf_month_figures *f,
			const struct words *w)
{
	struct qf_page_table tb;
	char c1[24], c2[24], c3[24], c4[24], c5[24], c6[24], c7[24];
	struct qf_buf names = QF_BUF_INIT, p = QF_BUF_INIT;
	const char **labels = calloc(f->ndepts + 1, sizeof *labels);
	long *closed = calloc(f->ndepts + 1, sizeof *closed);
	long *assigned = calloc(f->ndepts + 1, sizeof *assigned);
	struct qf_chart c = { QF_CHART_BARS, "departments",
		_("Closed / assigned by unit (month end)"), NULL, f->ndepts,
		labels, closed, assigned, NULL, { NULL, NULL } };

	if (!labels || !closed || !assigned) {
		d->out->oom = 1;
		goto out;
	}
	qf_page_table_init(&tb, 8, "01111111");
	ROW(&tb, _("Unit"), _("Assigned"), C_("unit", "Closed"), _("On time"),
	    _("Overdue"), _("Returned"), _("Median days"), _("Closure rate"));
	for (size_t i = 0; i < f->ndepts; i++) {
		const struct qf_dept_figures *dp = &f->depts[i];
		ROW(&tb, dp->name, num(dp->assigned, c1, sizeof c1),
		    num(dp->closed, c2, sizeof c2), num(dp->on_time, c3, sizeof c3),
		    num(dp->overdue, c4, sizeof c4),
		    num(dp->returned, c5, sizeof c5),
		    qf_report_median(dp->median_days_x2, c6, sizeof c6),
		    qf_rate(dp->closed, dp->closed + dp->overdue, c7, sizeof c7));
		if (dp->below)
			qf_buf_printf(&names, "%s%s", names.len ? w->list_sep : "", dp->name);
		labels[i] = dp->name;
		closed[i] = dp->closed;
		assigned[i] = dp->assigned;
	}
	qf_page_table(d, &tb);
	if (names.len)
		qf_buf_printf(&p, _("Units under %ld%%: %s."), f->threshold, names.s);
	else
		qf_buf_printf(&p, _("Every unit closed %ld%% or more."), f->threshold);
	qf_page_para(d, p.s ? p.s : "");
	overdue_list(d, f);
	if (f->ndepts)
		qf_page_chart(d, &c);
out:
	if (names.oom || p.oom)
		d->out->oom = 1;
	qf_buf_release(&names);
	qf_buf_release(&p);
	free(labels);
	free(closed);
	free(assigned);
}

static void coverage(struct qf_page *d, const struct qf_month_figures *f,
		     const struct words *w)
{
	struct qf_page_table tb;
	struct qf_buf p = QF_BUF_INIT;
	char a[24], b[24], c[24];

	qf_page_table_init(&tb, 4, "0111");
	ROW(&tb, _("Tag"), _("In register"), _("Visited"), _("Coverage"));
	for (size_t i = 0; i < f->ntags; i++)
		ROW(&tb, f->tags[i].tag, num(f->tags[i].firms, a, sizeof a),
		    num(f->tags[i].visited, b, sizeof b),
		    qf_rate(f->tags[i].visited, f->tags[i].firms, c, sizeof c));
	ROW(&tb, _("all"), num(f->firms, a, sizeof a),
	    num(f->total.firms_visited, b, sizeof b),
	    qf_rate(f->total.firms_visited, f->firms, c, sizeof c));
	qf_page_table(d, &tb);
	if (!f->nnot_visited) {
		qf_page_para(d, _("Every firm in the register has been visited."));
		return;
	}
	{
		struct qf_buf names = QF_BUF_INIT;
		for (size_t i = 0; i < f->nnot_visited; i++)
			qf_buf_printf(&names, "%s%s", i ? w->list_sep : "", f->not_visited[i]);
		qf_buf_printf(&p, P_("Firms not visited yet (%zu): %s.",
			   "Firms not visited yet (%zu): %s.", f->nnot_visited),
		    f->nnot_visited, names.s ? names.s : "");
		if (names.oom)
			p.oom = 1;
		qf_buf_release(&names);
	}
	qf_page_para(d, p.s ? p.s : "");
	if (p.oom)
		d->out->oom = 1;
	qf_buf_release(&p);
}

static void cases(struct qf_page *d, const struct qf_month_figures *f)
{
	struct qf_buf p = QF_BUF_INIT, item = QF_BUF_INIT;

	if (!f->nstories) {
		qf_page_para(d, f->week ? _("No case closed this week.") :
			    _("No case closed this month."));
		return;
	}
	qf_page_list_begin(d, 1);
	for (size_t i = 0; i < f->nstories; i++) {
		const struct qf_story *s = &f->stories[i];
		const char *dept = *s->dept ? s->dept : _("the units");

		qf_buf_clear(&p);
		qf_buf_clear(&item);
		/* TRANSLATORS: firm, demand, unit, days taken. */
		if (s->adopted)
			qf_buf_printf(&p, P_("%s asked: \"%s\"; adopted by %s in %ld day.",
				   "%s asked: \"%s\"; adopted by %s in %ld days.",
				   s->days),
			    s->firm, s->title, dept, s->days);
		else
			qf_buf_printf(&p, P_("%s asked: \"%s\"; resolved by %s in %ld day.",
				   "%s asked: \"%s\"; resolved by %s in %ld days.",
				   s->days),
			    s->firm, s->title, dept, s->days);
		/* The resolution in the firm's own words, after the case. */
		if (*s->resolution && p.s)
			/* TRANSLATORS: a case of the month, then the words of
			 * its resolution. */
			qf_buf_printf(&item, _("%s %s"), p.s, s->resolution);
		qf_page_item(d, item.s ? item.s : p.s ? p.s : "");
	}
	qf_page_list_end(d);
	if (p.oom || item.oom)
		d->out->oom = 1;
	qf_buf_release(&p);
	qf_buf_release(&item);
}

/* The bulletin's title: organisation, kind and period. */
static void title(struct qf_buf *t, const struct qf_month_figures *f,
		  const struct words *w, const char *org)
{
	/* An ISO week belongs to the year of its Thursday. */
	struct qf_date thu = f->start;

	qf_date_add_days(&thu, 3);
	if (org && *org)
		qf_buf_printf(t, "%s%s", org, w->zh ? "" : " ");
	if (f->week)
		/* TRANSLATORS: ISO year, week, its Monday (month, day) and
		 * Sunday (month, day). */
		qf_buf_printf(t, _("Enterprise service weekly, %04d week %d (%02d-%02d to %02d-%02d)"),
		    thu.y, f->week, f->start.m, f->start.d, f->end.m, f->end.d);
	else
		qf_buf_printf(t, _("Enterprise service bulletin, %04d-%02d"), f->year,
		    f->month);
}

static const char html_style[] =

	"@page { size: A4; margin: 16mm 14mm; }\n"
	"body { font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\", "
	"\"WenQuanYi Micro Hei\", \"Microsoft YaHei\", sans-serif; "
	"font-size: 10.5pt; line-height: 1.5; color: #111; max-width: 180mm; "
	"margin: 0 auto; }\n"
	"h1 { font-size: 16pt; text-align: center; }\n"
	"h2 { font-size: 12.5pt; margin-top: 1.2em; page-break-after: avoid; }\n"
	"table { border-collapse: collapse; width: 100%; margin: .4em 0; "
	"page-break-inside: avoid; }\n"
	"th, td { border: 1px solid #888; padding: 2px 6px; }\n"
	"th { background: #eee; }\n"
	"td.n { text-align: right; font-variant-numeric: tabular-nums; }\n"
	"figure { margin: .6em 0; page-break-inside: avoid; }\n"
	"figcaption { text-align: center; font-size: 9pt; }\n"
	"svg.chart { max-width: 100%; height: auto; font-size: 10px; }\n"
	"rect.collected, rect.value { fill: #2f5f98; }\n"
	"rect.closed { fill: #e39b2a; }\n"
	"rect.total { fill: #d7dde6; }\n";

static void bulletin(struct qf_buf *o, const struct qf_month_figures *f,
		     enum qf_page_format fmt, const char *lang, const char *org,
		     const char *cs, qf_page_table_fn on_table, void *ud)
{
	struct words w = { qf_lang_is_zh(lang), NULL };
	struct qf_buf t = QF_BUF_INIT;
	struct qf_page d;
	size_t before;
	int more;

	/* TRANSLATORS: between names listed in a sentence. */
	w.list_sep = _(", ");
	title(&t, f, &w, org);
	qf_page_begin(&d, o, fmt, t.s ? t.s : "", w.zh ? "zh-CN" : "en",
		     html_style);
	qf_page_collect(&d, on_table, ud);
	if (t.oom)
		o->oom = 1;
	qf_buf_release(&t);
	qf_page_heading(&d, _("1. Overview"));
	overview(&d, f, &w, cs);
	chart_trend(&d, f);
	qf_page_heading(&d, _("2. Demands by category"));
	categories(&d, f, lang);
	qf_page_heading(&d, _("3. Handling"));
	quality(&d, f);
	qf_page_heading(&d, _("4. Departments"));
	departments(&d, f, &w);
	qf_page_heading(&d, _("5. Coverage of the register"));
	coverage(&d, f, &w);
	before = o->len;
	qf_report_policy_render(&d, f, &w);
	qf_report_application_render(&d, f, &w);
	qf_report_event_render(&d, f, &w);
	/* Sections 6-8 are there when the store has policies with whom they
	 * are for, applications or events: the cases come after them. */
	more = o->len != before;
	if (more)
		qf_page_heading(&d, f->week ? _("9. Cases of the week") :
			       _("9. Cases of the month"));
	else
		qf_page_heading(&d, f->week ? _("6. Cases of the week") :
			       _("6. Cases of the month"));
	cases(&d, f);
	qf_page_para(&d, _("Resolution rate = local problems resolved / local problems, since the campaign start; a unit's closure rate = closed / (closed + overdue), items not yet due left out; one decimal."));
	qf_page_end(&d);
}

char *qf_report_render(const struct qf_month_figures *f,
		       enum qf_report_format fmt, const char *lang,
		       const char *org)
{
	struct qf_buf o = QF_BUF_INIT;
	struct qf_lang scope;
	char cs[16];

	qf_date_format(&f->campaign_start, cs, sizeof cs);
	if (fmt == QF_REPORT_JSON) {
		qf_report_json(&o, f, cs);
	} else if (fmt == QF_REPORT_CSV) {
		qf_report_csv(&o, f);
	} else {
		/* Wording from the catalogue of the bulletin's language. */
		qf_lang_push(&scope, lang);
		bulletin(&o, f, fmt == QF_REPORT_MARKDOWN ? QF_PAGE_MARKDOWN :
			 fmt == QF_REPORT_HTML ? QF_PAGE_HTML : QF_PAGE_TEXT,
			 lang, org, cs, NULL, NULL);
		qf_lang_pop(&scope);
	}
	if (o.oom) {
		free(o.s);
		return NULL;
	}
	return o.s;
}

int qf_report_tables(const struct qf_month_figures *f, const char *lang,
		     const char *org, qf_page_table_fn fn, void *ud)
{
	struct qf_buf o = QF_BUF_INIT;
	struct qf_lang scope;
	char cs[16];
	int oom;

	qf_date_format(&f->campaign_start, cs, sizeof cs);
	qf_lang_push(&scope, lang);
	bulletin(&o, f, QF_PAGE_TABLES, lang, org, cs, fn, ud);
	qf_lang_pop(&scope);
	oom = o.oom;
	qf_buf_release(&o);
	return oom ? -1 : 0;
}
