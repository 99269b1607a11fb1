/* report_render.c - the monthly bulletin as Markdown, text, JSON and CSV.
 *
 * Every figure comes from struct qf_month_figures; this file only words
 * and lays them out.  The language is the caller's choice (the store's
 * setting), never the locale, so cron gets the same bytes as a person. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qf/buf.h"
#include "qf/json.h"
#include "qf/report.h"
#include "qf/text.h"
#include "qf/vocab.h"

static void say(struct qf_buf *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void say(struct qf_buf *o, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	qf_buf_vprintf(o, fmt, ap);
	va_end(ap);
}

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

/* Twice a median as "12" or "12.5"; "-" for none. */
static char *median(long x2, char *buf, size_t n)
{
	if (x2 < 0)
		snprintf(buf, n, "-");
	else if (x2 % 2)
		snprintf(buf, n, "%ld.5", x2 / 2);
	else
		snprintf(buf, n, "%ld", x2 / 2);
	return buf;
}

/* Change against the previous period: "+3", "-2", "+0"; "" without one. */
static char *delta(int has, long now, long before, char *buf, size_t n)
{
	if (!has)
		snprintf(buf, n, "%s", "");
	else
		snprintf(buf, n, "%+ld", now - before);
	return buf;
}

struct labels {
	const char *title, *month, *total, *change, *since, *figure;
	const char *s_overview, *s_demands, *s_quality, *s_depts, *s_cover,
		*s_cases;
	const char *visits, *firms_visited, *visitors, *coverage, *demands,
		*problems, *suggestions, *local_problems, *higher_problems,
		*resolved, *local_resolved, *higher_resolved, *rate, *adopted,
		*adoption, *declined, *open, *overdue, *overdue_max;
	const char *closed, *on_time_orig, *on_time_ext, *median, *rated,
		*satisfaction, *followup;
	const char *category, *dept, *assigned, *dresolved, *on_time,
		*doverdue, *returned, *dmedian, *drate;
	const char *tag, *in_register, *visited, *all_visited;
	const char *no_cases;
	const char *footnote;
};

static const struct labels zh = {
	"企业服务月通报", "本月", "累计", "较上月", "自", "指标",
	"一、总体情况", "二、诉求分类", "三、办理质效", "四、部门办理情况",
	"五、走访覆盖", "六、本月典型案例",
	"走访次数", "走访企业数", "走访人员", "走访覆盖率", "收集诉求",
	"其中：问题", "建议", "本级问题", "上级问题", "已解决问题",
	"本级问题已解决", "上级问题已解决", "解决率（本级）", "建议采纳",
	"采纳率", "无法解决", "月末未办结", "月末超期件", "最长超期天数",
	"办结件数", "按期办结率（原定时限）", "按期办结率（延期后时限）",
	"办结用时中位数（天）", "回访件数", "满意率", "回访率",
	"类别", "单位", "交办", "办结", "按期", "超期", "退回",
	"用时中位数（天）", "办结率",
	"标签", "在册企业", "已走访", "在册企业均已走访。",
	"本月无办结案例。",
	"注：解决率 = 已解决本级问题 / 本级问题（自活动开始累计）；部门办结率 = 办结 / (办结 + 超期)，未到期的不计；均保留一位小数。",
};

static const struct labels en = {
	"Enterprise service bulletin", "Month", "Cumulative", "Change", "since",
	"Figure",
	"1. Overview", "2. Demands by category", "3. Handling",
	"4. Departments", "5. Coverage of the register", "6. Cases of the month",
	"Visits", "Firms visited", "Visitors", "Coverage", "Demands collected",
	"  problems", "  suggestions", "Local problems", "Higher-level problems",
	"Problems resolved", "Local problems resolved",
	"Higher-level problems resolved", "Resolution rate (local)",
	"Suggestions adopted", "Adoption rate", "Declined",
	"Open at month end", "Overdue at month end", "Most days overdue",
	"Closed", "On time (original deadline)", "On time (extended deadline)",
	"Median days to close", "Rated at follow-up", "Satisfaction rate",
	"Follow-up rate",
	"Category", "Unit", "Assigned", "Closed", "On time", "Overdue",
	"Returned", "Median days", "Closure rate",
	"Tag", "In register", "Visited",
	"Every firm in the register has been visited.",
	"No case closed this month.",
	"Resolution rate = local problems resolved / local problems, since the campaign start; a unit's closure rate = closed / (closed + overdue), items not yet due left out; one decimal.",
};

/* ---- HTML ------------------------------------------------------------ */

/* The layouts: 0 plain text, MD Markdown, HTML. */
enum { TEXT = 0, MD = 1, HTML = 2 };

static void html_esc(struct qf_buf *o, const char *s)
{
	for (; *s && !o->oom; s++) {
		switch (*s) {
		case '&': say(o, "&amp;"); break;
		case '<': say(o, "&lt;"); break;
		case '>': say(o, "&gt;"); break;
		case '"': say(o, "&quot;"); break;
		case '\'': say(o, "&#39;"); break;
		default: say(o, "%c", *s);
		}
	}
}

/* A paragraph written as plain text from start on: in HTML it is escaped
 * and wrapped in tag. */
static void para_end(struct qf_buf *o, int md, size_t start, const char *tag)
{
	char *text;
	size_t n;

	if (md != HTML || o->oom)
		return;
	n = o->len - start;
	while (n && o->s[start + n - 1] == '\n')
		n--;
	if (!(text = malloc(n + 1))) {
		o->oom = 1;
		return;
	}
	memcpy(text, o->s + start, n);
	text[n] = '\0';
	o->len = start;
	o->s[start] = '\0';
	say(o, "<%s>", tag);
	html_esc(o, text);
	say(o, "</%s>\n", tag);
	free(text);
}

/* ---- tables ---------------------------------------------------------- */

#define MAXCOLS 8

struct tab {
	size_t ncols, nrows, cap;
	int right[MAXCOLS];
	char **cells;          /* nrows * ncols; row 0 is the header */
};

static void tab_row(struct tab *t, struct qf_buf *o, ...)
{
	va_list ap;

	if (t->nrows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		char **c = realloc(t->cells, cap * t->ncols * sizeof *c);
		if (!c) {
			o->oom = 1;
			return;
		}
		t->cells = c;
		t->cap = cap;
	}
	va_start(ap, o);
	for (size_t i = 0; i < t->ncols; i++) {
		const char *s = va_arg(ap, const char *);
		if (!(t->cells[t->nrows * t->ncols + i] = strdup(s ? s : "")))
			o->oom = 1;
	}
	va_end(ap);
	t->nrows++;
}

static void pad(struct qf_buf *o, const char *s, size_t width, int right)
{
	size_t w = qf_text_width(s);
	int n = (int)(width > w ? width - w : 0);

	if (right)
		say(o, "%*s%s", n, "", s);
	else
		say(o, "%s%*s", s, n, "");
}

/* Markdown table, or for text columns aligned by display width. */
static void tab_print(struct tab *t, struct qf_buf *o, int md)
{
	size_t w[MAXCOLS] = { 0 };

	if (o->oom)
		goto out;
	if (md == HTML) {
		say(o, "<table>\n");
		for (size_t r = 0; r < t->nrows; r++) {
			say(o, "<tr>");
			for (size_t c = 0; c < t->ncols; c++) {
				say(o, r ? (t->right[c] ? "<td class=\"n\">" : "<td>") :
				    "<th>");
				html_esc(o, t->cells[r * t->ncols + c]);
				say(o, r ? "</td>" : "</th>");
			}
			say(o, "</tr>\n");
		}
		say(o, "</table>\n");
		goto out;
	}
	if (md) {
		for (size_t r = 0; r < t->nrows; r++) {
			for (size_t c = 0; c < t->ncols; c++)
				say(o, "| %s ", t->cells[r * t->ncols + c]);
			say(o, "|\n");
			if (r == 0) {
				for (size_t c = 0; c < t->ncols; c++)
					say(o, "|%s", t->right[c] ? "---:" : "---");
				say(o, "|\n");
			}
		}
		goto out;
	}
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			size_t cw = qf_text_width(t->cells[r * t->ncols + c]);
			if (cw > w[c])
				w[c] = cw;
		}
	for (size_t r = 0; r < t->nrows; r++) {
		size_t start = o->len;
		for (size_t c = 0; c < t->ncols; c++) {
			if (c)
				say(o, "  ");
			pad(o, t->cells[r * t->ncols + c], w[c],
			    t->right[c] && r > 0);
		}
		while (!o->oom && o->len > start && o->s[o->len - 1] == ' ')
			o->s[--o->len] = '\0';
		say(o, "\n");
	}
out:
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	memset(t, 0, sizeof *t);
}

static void heading(struct qf_buf *o, int md, const char *s)
{
	if (md == HTML) {
		say(o, "<h2>");
		html_esc(o, s);
		say(o, "</h2>\n");
		return;
	}
	say(o, md ? "\n## %s\n\n" : "\n%s\n\n", s);
}

static const char *num(long v, char *buf, size_t n)
{
	snprintf(buf, n, "%ld", v);
	return buf;
}

/* ---- the bulletin ---------------------------------------------------- */

/* Money as bulletins write it: 万元, or 亿元 from a hundred million. */
static char *money(long long yuan, int chinese, char *buf, size_t n)
{
	if (!chinese)
		snprintf(buf, n, "%lld yuan", yuan);
	else if (yuan >= 100000000LL)
		snprintf(buf, n, "%lld.%02lld亿元", (yuan + 500000) / 100000000LL,
			 (yuan + 500000) % 100000000LL / 1000000);
	else
		snprintf(buf, n, "%lld.%lld万元", (yuan + 500) / 10000,
			 (yuan + 500) % 10000 / 1000);
	return buf;
}

/* "本月" or "本周", and the like, for a month or a week. */
static const char *this_period(const struct qf_month_figures *f,
			       const struct labels *L)
{
	if (!f->week)
		return L->month;
	return L == &zh ? "本周" : "Week";
}

static const char *change_label(const struct qf_month_figures *f,
				const struct labels *L)
{
	if (!f->week)
		return L->change;
	return L == &zh ? "较上周" : "Change";
}

static void overview(struct qf_buf *o, const struct qf_month_figures *f,
		     const struct labels *L, int md, const char *cs)
{
	const struct qf_period_figures *m = &f->month_f, *t = &f->total,
		*p = &f->prev;
	struct tab tb = { 4, 0, 0, { 0, 1, 1, 1 }, NULL };
	char head[96], a[32], b[48], c[32];
	int hp = f->has_prev;

	snprintf(head, sizeof head, L == &zh ? "%s（%s %s）" : "%s (%s %s)",
		 L->total, L->since, cs);
	tab_row(&tb, o, L->figure, this_period(f, L), head, change_label(f, L));
#define ROW3(label, x, y, px) \
	tab_row(&tb, o, label, num(x, a, sizeof a), num(y, b, sizeof b), \
		delta(hp, x, px, c, sizeof c))
	ROW3(L->visits, m->visits, t->visits, p->visits);
	ROW3(L->firms_visited, m->firms_visited, t->firms_visited, p->firms_visited);
	ROW3(L->visitors, m->visitors, t->visitors, p->visitors);
	ROW3(L->demands, m->demands, t->demands, p->demands);
	ROW3(L->problems, m->problems, t->problems, p->problems);
	ROW3(L->suggestions, m->suggestions, t->suggestions, p->suggestions);
	ROW3(L->resolved, m->resolved, t->resolved, p->resolved);
	ROW3(L->adopted, m->adopted, t->adopted, p->adopted);
	ROW3(L->declined, m->declined, t->declined, p->declined);
#undef ROW3
	if (t->amount) {
		char mm[48], tt[48];
		tab_row(&tb, o, L == &zh ? "涉及资金需求" : "Money asked for",
			money(m->amount, L == &zh, mm, sizeof mm),
			money(t->amount, L == &zh, tt, sizeof tt), "");
	}
	qf_rate(t->local_resolved, t->local_problems, a, sizeof a);
	snprintf(b, sizeof b, "%ld/%ld = %s", t->local_resolved,
		 t->local_problems, a);
	tab_row(&tb, o, L->rate, "", b, "");
	qf_rate(t->adopted, t->suggestions, a, sizeof a);
	snprintf(b, sizeof b, "%ld/%ld = %s", t->adopted, t->suggestions, a);
	tab_row(&tb, o, L->adoption, "", b, "");
	qf_rate(t->firms_visited, f->firms, a, sizeof a);
	snprintf(b, sizeof b, "%ld/%ld = %s", t->firms_visited, f->firms, a);
	tab_row(&tb, o, L->coverage, "", b, "");
	tab_row(&tb, o, !f->week ? L->open : L == &zh ? "周末未办结" : "Open at week end",
		"", num(f->open_at_end, b, sizeof b),
		delta(hp, f->open_at_end, f->prev_open_at_end, c, sizeof c));
	tab_row(&tb, o, !f->week ? L->overdue : L == &zh ? "周末超期件" : "Overdue at week end",
		"", num(f->overdue_at_end, b, sizeof b),
		delta(hp, f->overdue_at_end, f->prev_overdue_at_end, c, sizeof c));
	tab_row(&tb, o, L->overdue_max, "", num(f->overdue_days_max, b, sizeof b), "");
	tab_print(&tb, o, md);
}

static void categories(struct qf_buf *o, const struct qf_month_figures *f,
		       const struct labels *L, int md, const char *lang)
{
	const struct qf_term *terms = qf_vocab_terms(QF_V_CATEGORY);
	struct tab tb = { 3, 0, 0, { 0, 1, 1 }, NULL };
	char a[32], b[32];

	tab_row(&tb, o, L->category, this_period(f, L), L->total);
	for (int i = 0; terms[i].token && i < QF_REPORT_NCATS; i++) {
		if (!f->total.by_category[i])
			continue;
		tab_row(&tb, o, qf_vocab_name(QF_V_CATEGORY, terms[i].token, lang),
			num(f->month_f.by_category[i], a, sizeof a),
			num(f->total.by_category[i], b, sizeof b));
	}
	tab_row(&tb, o, L->local_problems, num(f->month_f.local_problems, a, sizeof a),
		num(f->total.local_problems, b, sizeof b));
	tab_row(&tb, o, L->higher_problems, num(f->month_f.higher_problems, a, sizeof a),
		num(f->total.higher_problems, b, sizeof b));
	tab_row(&tb, o, L->local_resolved, num(f->month_f.local_resolved, a, sizeof a),
		num(f->total.local_resolved, b, sizeof b));
	tab_row(&tb, o, L->higher_resolved, num(f->month_f.higher_resolved, a, sizeof a),
		num(f->total.higher_resolved, b, sizeof b));
	tab_print(&tb, o, md);
}

static void quality(struct qf_buf *o, const struct qf_month_figures *f,
		    const struct labels *L, int md)
{
	const struct qf_period_figures *m = &f->month_f, *t = &f->total;
	struct tab tb = { 3, 0, 0, { 0, 1, 1 }, NULL };
	char a[48], b[48], r[16];

	tab_row(&tb, o, L->figure, this_period(f, L), L->total);
	tab_row(&tb, o, L->closed, num(m->closed, a, sizeof a), num(t->closed, b, sizeof b));
#define RATE2(label, x1, d1, x2, d2) do { \
	qf_rate(x1, d1, r, sizeof r); \
	snprintf(a, sizeof a, "%ld/%ld = %s", (long)(x1), (long)(d1), r); \
	qf_rate(x2, d2, r, sizeof r); \
	snprintf(b, sizeof b, "%ld/%ld = %s", (long)(x2), (long)(d2), r); \
	tab_row(&tb, o, label, a, b); } while (0)
	RATE2(L->on_time_orig, m->on_time_original, m->closed_with_due,
	      t->on_time_original, t->closed_with_due);
	RATE2(L->on_time_ext, m->on_time_extended, m->closed_with_due,
	      t->on_time_extended, t->closed_with_due);
	tab_row(&tb, o, L->median, median(m->median_days_x2, a, sizeof a),
		median(t->median_days_x2, b, sizeof b));
	tab_row(&tb, o, L->rated, num(m->rated, a, sizeof a), num(t->rated, b, sizeof b));
	RATE2(L->satisfaction, m->satisfied + m->basic, m->rated,
	      t->satisfied + t->basic, t->rated);
	qf_rate(t->rated, t->closed, r, sizeof r);
	snprintf(b, sizeof b, "%ld/%ld = %s", t->rated, t->closed, r);
	tab_row(&tb, o, L->followup, "", b);
#undef RATE2
	tab_print(&tb, o, md);
}

/* The overdue items by name, most days first, as bulletins list them. */
static void overdue_list(struct qf_buf *o, const struct qf_month_figures *f,
			 const struct labels *L, int md)
{
	size_t start;

	if (!f->noverdue)
		return;
	if (md != HTML)
		say(o, "\n");
	start = o->len;
	if (L == &zh)
		say(o, "%s超期件（%zu件）：\n", f->week ? "周末" : "月末", f->noverdue);
	else
		say(o, "Overdue at the %s's end (%zu):\n", f->week ? "week" : "month",
		    f->noverdue);
	para_end(o, md, start, "p");
	if (md == HTML)
		say(o, "<ul>\n");
	for (size_t i = 0; i < f->noverdue; i++) {
		const struct qf_story *s = &f->overdue[i];
		start = o->len;
		if (md != HTML)
			say(o, md ? "- " : "  ");
		if (L == &zh)
			say(o, "%s：%s（%s，超期%ld天，%s）\n", s->firm, s->title,
			    *s->dept ? s->dept : "未交办", s->days, s->id);
		else
			say(o, "%s: %s (%s, %ld day%s overdue, %s)\n", s->firm,
			    s->title, *s->dept ? s->dept : "no unit", s->days,
			    s->days == 1 ? "" : "s", s->id);
		para_end(o, md, start, "li");
	}
	if (md == HTML)
		say(o, "</ul>\n");
}

static void departments(struct qf_buf *o, const struct qf_month_figures *f,
			const struct labels *L, int md)
{
	struct tab tb = { 8, 0, 0, { 0, 1, 1, 1, 1, 1, 1, 1 }, NULL };
	char c1[24], c2[24], c3[24], c4[24], c5[24], c6[24], c7[24];
	char names[1024] = "";
	size_t nl = 0, start;

	tab_row(&tb, o, L->dept, L->assigned, L->dresolved, L->on_time,
		L->doverdue, L->returned, L->dmedian, L->drate);
	for (size_t i = 0; i < f->ndepts; i++) {
		const struct qf_dept_figures *d = &f->depts[i];
		tab_row(&tb, o, d->name, num(d->assigned, c1, sizeof c1),
			num(d->closed, c2, sizeof c2),
			num(d->on_time, c3, sizeof c3),
			num(d->overdue, c4, sizeof c4),
			num(d->returned, c5, sizeof c5),
			median(d->median_days_x2, c6, sizeof c6),
			qf_rate(d->closed, d->closed + d->overdue, c7, sizeof c7));
		if (d->below && nl + strlen(d->name) + 8 < sizeof names) {
			int w = snprintf(names + nl, sizeof names - nl, "%s%s",
					 nl ? (L == &zh ? "、" : ", ") : "",
					 d->name);
			if (w > 0)
				nl += (size_t)w;
		}
	}
	tab_print(&tb, o, md);
	if (md != HTML)
		say(o, "\n");
	start = o->len;
	if (nl && L == &zh)
		say(o, "办结率低于%ld%%的单位：%s。", f->threshold, names);
	else if (nl)
		say(o, "Units under %ld%%: %s.", f->threshold, names);
	else if (L == &zh)
		say(o, "各单位办结率均不低于%ld%%。", f->threshold);
	else
		say(o, "Every unit closed %ld%% or more.", f->threshold);
	say(o, "\n");
	para_end(o, md, start, "p");
	overdue_list(o, f, L, md);
}

static void coverage(struct qf_buf *o, const struct qf_month_figures *f,
		     const struct labels *L, int md)
{
	struct tab tb = { 4, 0, 0, { 0, 1, 1, 1 }, NULL };
	char a[24], b[24], c[24];
	size_t start;

	tab_row(&tb, o, L->tag, L->in_register, L->visited, L->coverage);
	for (size_t i = 0; i < f->ntags; i++)
		tab_row(&tb, o, f->tags[i].tag, num(f->tags[i].firms, a, sizeof a),
			num(f->tags[i].visited, b, sizeof b),
			qf_rate(f->tags[i].visited, f->tags[i].firms, c, sizeof c));
	tab_row(&tb, o, L == &zh ? "全部" : "all", num(f->firms, a, sizeof a),
		num(f->total.firms_visited, b, sizeof b),
		qf_rate(f->total.firms_visited, f->firms, c, sizeof c));
	tab_print(&tb, o, md);
	if (md != HTML)
		say(o, "\n");
	start = o->len;
	if (!f->nnot_visited) {
		say(o, "%s\n", L->all_visited);
		para_end(o, md, start, "p");
		return;
	}
	if (L == &zh)
		say(o, "尚未走访的企业（%zu家）：", f->nnot_visited);
	else
		say(o, "Firms not visited yet (%zu): ", f->nnot_visited);
	for (size_t i = 0; i < f->nnot_visited; i++)
		say(o, "%s%s", i ? (L == &zh ? "、" : ", ") : "", f->not_visited[i]);
	say(o, L == &zh ? "。\n" : ".\n");
	para_end(o, md, start, "p");
}

static void cases(struct qf_buf *o, const struct qf_month_figures *f,
		  const struct labels *L, int md)
{
	size_t start = o->len;

	if (!f->nstories) {
		say(o, "%s\n", L->no_cases);
		para_end(o, md, start, "p");
		return;
	}
	if (md == HTML)
		say(o, "<ol>\n");
	for (size_t i = 0; i < f->nstories; i++) {
		const struct qf_story *s = &f->stories[i];
		const char *dept = *s->dept ? s->dept :
				   L == &zh ? "相关单位" : "the units";
		char *res;

		start = o->len;
		if (md != HTML)
			say(o, md ? "- " : "  ");
		if (L == &zh)
			say(o, "%s反映“%s”，经%s%s，历时%ld天。", s->firm,
			    s->title, dept, s->adopted ? "采纳" : "办理解决",
			    s->days);
		else
			say(o, "%s asked: \"%s\"; %s by %s in %ld day%s.",
			    s->firm, s->title,
			    s->adopted ? "adopted" : "resolved", dept, s->days,
			    s->days == 1 ? "" : "s");
		/* The resolution in the firm's own words, on one line. */
		if (*s->resolution && (res = qf_text_escape(s->resolution, 0))) {
			say(o, L == &zh ? "%s\n" : " %s\n", res);
			free(res);
		} else {
			say(o, "\n");
		}
		para_end(o, md, start, "li");
	}
	if (md == HTML)
		say(o, "</ol>\n");
}

/* ---- charts (inline SVG) ---------------------------------------------- */

/* Every bar carries its figure in data-value, so a program (or a test)
 * can read the chart back; coordinates are whole numbers, so the same
 * figures always draw the same bytes. */

static void svg_text(struct qf_buf *o, int x, int y, const char *anchor,
		     const char *s)
{
	say(o, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">", x, y, anchor);
	html_esc(o, s);
	say(o, "</text>\n");
}

static void chart_trend(struct qf_buf *o, const struct qf_month_figures *f,
			const struct labels *L)
{
	const int W = 640, H = 220, top = 20, base = 180, left = 30;
	const int slot = (W - left - 10) / 12, bw = slot / 3;
	long max = 1;
	char lab[32];

	for (int i = 0; i < 12; i++) {
		if (f->trend[i].collected > max)
			max = f->trend[i].collected;
		if (f->trend[i].closed > max)
			max = f->trend[i].closed;
	}
	say(o, "<figure><svg class=\"chart\" data-chart=\"trend\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">\n",
	    W, H, W, H);
	say(o, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n",
	    left, base, W - 10, base);
	for (int i = 0; i < 12; i++) {
		int x = left + i * slot + slot / 6;
		long v[2] = { f->trend[i].collected, f->trend[i].closed };
		for (int k = 0; k < 2; k++) {
			int h = (int)(v[k] * (base - top) / max);
			say(o, "<rect class=\"%s\" data-series=\"%s\" data-month=\"%04d-%02d\" data-value=\"%ld\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>\n",
			    k ? "closed" : "collected", k ? "closed" : "collected",
			    f->trend[i].y, f->trend[i].m, v[k], x + k * bw,
			    base - h, bw, h);
			if (v[k]) {
				snprintf(lab, sizeof lab, "%ld", v[k]);
				svg_text(o, x + k * bw + bw / 2, base - h - 3,
					 "middle", lab);
			}
		}
		snprintf(lab, sizeof lab, L == &zh ? "%d月" : "%d/%02d",
			 f->trend[i].m, f->trend[i].y % 100);
		svg_text(o, x + bw, base + 16, "middle", lab);
	}
	svg_text(o, left, H - 4, "start", L == &zh ?
		 "■ 收集诉求  □ 办结（解决或采纳）" :
		 "■ demands collected  □ closed (resolved or adopted)");
	say(o, "</svg><figcaption>");
	html_esc(o, L == &zh ? "近12个月诉求收集与办结" :
		 "Demands collected and closed, last 12 months");
	say(o, "</figcaption></figure>\n");
}

/* Horizontal bars: one row per label. */
static void chart_bars(struct qf_buf *o, const char *name, const char *caption,
		       const char *const *labels, const long *values,
		       const long *totals, size_t n)
{
	const int W = 640, row = 18, left = 200, right = 60;
	int H = (int)n * row + 10;
	long max = 1;
	char lab[48];

	for (size_t i = 0; i < n; i++) {
		if (values[i] > max)
			max = values[i];
		if (totals && totals[i] > max)
			max = totals[i];
	}
	say(o, "<figure><svg class=\"chart\" data-chart=\"%s\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">\n",
	    name, W, H, W, H);
	for (size_t i = 0; i < n; i++) {
		int y = 5 + (int)i * row;
		int w = (int)(values[i] * (W - left - right) / max);
		svg_text(o, left - 6, y + 13, "end", labels[i]);
		if (totals) {
			int tw = (int)(totals[i] * (W - left - right) / max);
			say(o, "<rect class=\"total\" data-label=\"");
			html_esc(o, labels[i]);
			say(o, "\" data-value=\"%ld\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>\n",
			    totals[i], left, y + 2, tw, row - 4);
		}
		say(o, "<rect class=\"value\" data-label=\"");
		html_esc(o, labels[i]);
		say(o, "\" data-value=\"%ld\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>\n",
		    values[i], left, y + 2, w, row - 4);
		if (totals)
			snprintf(lab, sizeof lab, "%ld/%ld", values[i], totals[i]);
		else
			snprintf(lab, sizeof lab, "%ld", values[i]);
		svg_text(o, left + (int)((totals && totals[i] > values[i] ?
					  totals[i] : values[i]) *
					 (W - left - right) / max) + 4,
			 y + 13, "start", lab);
	}
	say(o, "</svg><figcaption>");
	html_esc(o, caption);
	say(o, "</figcaption></figure>\n");
}

static void chart_categories(struct qf_buf *o, const struct qf_month_figures *f,
			     const struct labels *L, const char *lang)
{
	const struct qf_term *terms = qf_vocab_terms(QF_V_CATEGORY);
	const char *labels[QF_REPORT_NCATS];
	long values[QF_REPORT_NCATS];
	size_t n = 0;

	for (int i = 0; terms[i].token && i < QF_REPORT_NCATS; i++)
		if (f->total.by_category[i]) {
			labels[n] = qf_vocab_name(QF_V_CATEGORY, terms[i].token, lang);
			values[n++] = f->total.by_category[i];
		}
	chart_bars(o, "categories", L == &zh ? "诉求类别（累计）" :
		   "Demands by category (cumulative)", labels, values, NULL, n);
}

static void chart_departments(struct qf_buf *o, const struct qf_month_figures *f,
			      const struct labels *L)
{
	const char **labels = calloc(f->ndepts + 1, sizeof *labels);
	long *closed = calloc(f->ndepts + 1, sizeof *closed);
	long *assigned = calloc(f->ndepts + 1, sizeof *assigned);

	if (!labels || !closed || !assigned) {
		o->oom = 1;
	} else {
		for (size_t i = 0; i < f->ndepts; i++) {
			labels[i] = f->depts[i].name;
			closed[i] = f->depts[i].closed;
			assigned[i] = f->depts[i].assigned;
		}
		chart_bars(o, "departments", L == &zh ?
			   "各单位办结 / 交办（月末）" :
			   "Closed / assigned by unit (month end)",
			   labels, closed, assigned, f->ndepts);
	}
	free(labels);
	free(closed);
	free(assigned);
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

/* ---- JSON and CSV ------------------------------------------------------ */

static void json_period(struct qf_buf *o, const char *name,
			const struct qf_period_figures *p, int last)
{
	const struct qf_term *terms = qf_vocab_terms(QF_V_CATEGORY);
	char m[24];

	say(o, "  \"%s\": {\n", name);
	say(o, "    \"visits\": %ld, \"firms_visited\": %ld, \"visitors\": %ld,\n",
	    p->visits, p->firms_visited, p->visitors);
	say(o, "    \"demands\": %ld, \"problems\": %ld, \"suggestions\": %ld, \"amount_yuan\": %lld,\n",
	    p->demands, p->problems, p->suggestions, p->amount);
	say(o, "    \"local\": %ld, \"higher\": %ld, \"local_problems\": %ld, \"higher_problems\": %ld,\n",
	    p->local, p->higher, p->local_problems, p->higher_problems);
	say(o, "    \"by_category\": {");
	for (int i = 0, k = 0; terms[i].token && i < QF_REPORT_NCATS; i++)
		if (p->by_category[i])
			say(o, "%s\"%s\": %ld", k++ ? ", " : "", terms[i].token,
			    p->by_category[i]);
	say(o, "},\n");
	say(o, "    \"resolved\": %ld, \"local_resolved\": %ld, \"higher_resolved\": %ld,\n",
	    p->resolved, p->local_resolved, p->higher_resolved);
	say(o, "    \"adopted\": %ld, \"declined\": %ld, \"closed\": %ld,\n",
	    p->adopted, p->declined, p->closed);
	say(o, "    \"closed_with_due\": %ld, \"on_time_original\": %ld, \"on_time_extended\": %ld,\n",
	    p->closed_with_due, p->on_time_original, p->on_time_extended);
	median(p->median_days_x2, m, sizeof m);
	say(o, "    \"median_days\": %s,\n", strcmp(m, "-") ? m : "null");
	say(o, "    \"rated\": %ld, \"satisfied\": %ld, \"basic\": %ld, \"dissatisfied\": %ld\n",
	    p->rated, p->satisfied, p->basic, p->dissatisfied);
	say(o, "  }%s\n", last ? "" : ",");
}

static void json_str(struct qf_buf *o, const char *s)
{
	qf_json_string(o, s);
}

static void render_json(struct qf_buf *o, const struct qf_month_figures *f,
			const char *cs)
{
	const struct qf_period_figures *t = &f->total;
	char r[24], m[24];

	char from[16], to[16];

	if (f->week)
		say(o, "{\n  \"week\": %d,\n  \"from\": \"%s\",\n  \"to\": \"%s\",\n",
		    f->week, qf_date_format(&f->start, from, sizeof from),
		    qf_date_format(&f->end, to, sizeof to));
	else
		say(o, "{\n  \"month\": \"%04d-%02d\",\n", f->year, f->month);
	say(o, "  \"campaign_start\": \"%s\",\n", cs);
	say(o, "  \"firms\": %ld,\n", f->firms);
	say(o, "  \"coverage\": \"%s\",\n",
	    qf_rate(t->firms_visited, f->firms, r, sizeof r));
	say(o, "  \"resolution_rate\": \"%s\",\n",
	    qf_rate(t->local_resolved, t->local_problems, r, sizeof r));
	say(o, "  \"adoption_rate\": \"%s\",\n",
	    qf_rate(t->adopted, t->suggestions, r, sizeof r));
	say(o, "  \"on_time_rate_original\": \"%s\",\n",
	    qf_rate(t->on_time_original, t->closed_with_due, r, sizeof r));
	say(o, "  \"on_time_rate_extended\": \"%s\",\n",
	    qf_rate(t->on_time_extended, t->closed_with_due, r, sizeof r));
	say(o, "  \"satisfaction_rate\": \"%s\",\n",
	    qf_rate(t->satisfied + t->basic, t->rated, r, sizeof r));
	say(o, "  \"followup_rate\": \"%s\",\n",
	    qf_rate(t->rated, t->closed, r, sizeof r));
	say(o, "  \"open_at_end\": %ld,\n  \"overdue_at_end\": %ld,\n  \"overdue_days_max\": %ld,\n",
	    f->open_at_end, f->overdue_at_end, f->overdue_days_max);
	json_period(o, f->week ? "in_week" : "in_month", &f->month_f, 0);
	json_period(o, "cumulative", &f->total, 0);
	if (f->has_prev)
		json_period(o, f->week ? "previous_week" : "previous_month",
			    &f->prev, 0);
	say(o, "  \"trend\": [");
	for (int i = 0; i < 12; i++)
		say(o, "%s{\"month\": \"%04d-%02d\", \"collected\": %ld, \"closed\": %ld}",
		    i ? ", " : "", f->trend[i].y, f->trend[i].m,
		    f->trend[i].collected, f->trend[i].closed);
	say(o, "],\n");
	say(o, "  \"coverage_by_tag\": [");
	for (size_t i = 0; i < f->ntags; i++) {
		say(o, "%s{\"tag\": ", i ? ", " : "");
		json_str(o, f->tags[i].tag);
		say(o, ", \"firms\": %ld, \"visited\": %ld}", f->tags[i].firms,
		    f->tags[i].visited);
	}
	say(o, "],\n  \"not_visited\": [");
	for (size_t i = 0; i < f->nnot_visited; i++) {
		say(o, "%s", i ? ", " : "");
		json_str(o, f->not_visited[i]);
	}
	say(o, "],\n  \"threshold\": %ld,\n  \"departments\": [", f->threshold);
	for (size_t i = 0; i < f->ndepts; i++) {
		const struct qf_dept_figures *d = &f->depts[i];
		say(o, "%s\n    {\"name\": ", i ? "," : "");
		json_str(o, d->name);
		median(d->median_days_x2, m, sizeof m);
		say(o, ", \"assigned\": %ld, \"closed\": %ld, \"on_time\": %ld, \"overdue\": %ld, \"returned\": %ld, \"median_days\": %s, \"below_threshold\": %s}",
		    d->assigned, d->closed, d->on_time, d->overdue, d->returned,
		    strcmp(m, "-") ? m : "null", d->below ? "true" : "false");
	}
	say(o, "%s],\n  \"overdue\": [", f->ndepts ? "\n  " : "");
	for (size_t i = 0; i < f->noverdue; i++) {
		const struct qf_story *s = &f->overdue[i];
		say(o, "%s\n    {\"id\": ", i ? "," : "");
		json_str(o, s->id);
		say(o, ", \"firm\": ");
		json_str(o, s->firm);
		say(o, ", \"title\": ");
		json_str(o, s->title);
		say(o, ", \"dept\": ");
		json_str(o, s->dept);
		say(o, ", \"days_overdue\": %ld}", s->days);
	}
	say(o, "%s],\n  \"cases\": [", f->noverdue ? "\n  " : "");
	for (size_t i = 0; i < f->nstories; i++) {
		const struct qf_story *s = &f->stories[i];
		char d1[16], d2[16];
		say(o, "%s\n    {\"id\": ", i ? "," : "");
		json_str(o, s->id);
		say(o, ", \"firm\": ");
		json_str(o, s->firm);
		say(o, ", \"title\": ");
		json_str(o, s->title);
		say(o, ", \"dept\": ");
		json_str(o, s->dept);
		say(o, ", \"opened\": \"%s\", \"closed\": \"%s\", \"days\": %ld, \"adopted\": %s, \"resolution\": ",
		    qf_date_format(&s->opened, d1, sizeof d1),
		    qf_date_format(&s->closed, d2, sizeof d2), s->days,
		    s->adopted ? "true" : "false");
		json_str(o, s->resolution);
		say(o, "}");
	}
	say(o, "%s]\n}\n", f->nstories ? "\n  " : "");
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
		say(o, "%ld,%ld\r\n", month, total);
	else
		say(o, ",%ld\r\n", total);
}

static void render_csv(struct qf_buf *o, const struct qf_month_figures *f)
{
	const struct qf_period_figures *m = &f->month_f, *t = &f->total;
	const struct qf_term *terms = qf_vocab_terms(QF_V_CATEGORY);

	say(o, "section,figure,month,cumulative\r\n");
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
}

/* The bulletin's title: organisation, kind and period. */
static void title(struct qf_buf *t, const struct qf_month_figures *f,
		  const struct labels *L, const char *org)
{
	/* An ISO week belongs to the year of its Thursday. */
	struct qf_date thu = f->start;

	qf_date_add_days(&thu, 3);
	if (f->week && L == &zh)
		say(t, "%s企业服务周报（%04d年第%d周，%d月%d日—%d月%d日）",
		    org ? org : "", thu.y, f->week, f->start.m, f->start.d,
		    f->end.m, f->end.d);
	else if (f->week)
		say(t, "%s%sEnterprise service weekly, week %d (%04d-%02d-%02d to %04d-%02d-%02d)",
		    org ? org : "", org ? " " : "", f->week, f->start.y,
		    f->start.m, f->start.d, f->end.y, f->end.m, f->end.d);
	else if (L == &zh)
		say(t, "%s%s（%04d年%d月）", org ? org : "", L->title, f->year,
		    f->month);
	else
		say(t, "%s%s%s, %04d-%02d", org ? org : "", org ? " " : "",
		    L->title, f->year, f->month);
}

char *qf_report_render(const struct qf_month_figures *f,
		       enum qf_report_format fmt, const char *lang,
		       const char *org)
{
	const struct labels *L = lang && !strncmp(lang, "zh", 2) ? &zh : &en;
	struct qf_buf o = QF_BUF_INIT;
	int md = fmt == QF_REPORT_MARKDOWN ? MD : fmt == QF_REPORT_HTML ? HTML : TEXT;
	char cs[16];

	qf_date_format(&f->campaign_start, cs, sizeof cs);
	if (fmt == QF_REPORT_JSON) {
		render_json(&o, f, cs);
	} else if (fmt == QF_REPORT_CSV) {
		render_csv(&o, f);
	} else {
		struct qf_buf t = QF_BUF_INIT;
		size_t start;

		title(&t, f, L, org);
		if (t.oom) {
			o.oom = 1;
		} else if (md == HTML) {
			say(&o, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>",
			    L == &zh ? "zh-CN" : "en");
			html_esc(&o, t.s);
			say(&o, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>",
			    html_style);
			html_esc(&o, t.s);
			say(&o, "</h1>\n");
		} else {
			say(&o, "%s%s\n", md == MD ? "# " : "", t.s);
		}
		free(t.s);
		heading(&o, md, L->s_overview);
		overview(&o, f, L, md, cs);
		if (md == HTML)
			chart_trend(&o, f, L);
		heading(&o, md, L->s_demands);
		categories(&o, f, L, md, lang);
		if (md == HTML)
			chart_categories(&o, f, L, lang);
		heading(&o, md, L->s_quality);
		quality(&o, f, L, md);
		heading(&o, md, L->s_depts);
		departments(&o, f, L, md);
		if (md == HTML && f->ndepts)
			chart_departments(&o, f, L);
		heading(&o, md, L->s_cover);
		coverage(&o, f, L, md);
		heading(&o, md, !f->week ? L->s_cases :
			L == &zh ? "六、本周典型案例" : "6. Cases of the week");
		cases(&o, f, L, md);
		if (md != HTML)
			say(&o, "\n");
		start = o.len;
		say(&o, "%s\n", L->footnote);
		para_end(&o, md, start, "p");
		if (md == HTML)
			say(&o, "</body>\n</html>\n");
	}
	if (o.oom) {
		free(o.s);
		return NULL;
	}
	return o.s;
}
