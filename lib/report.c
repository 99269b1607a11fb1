/* report.c - the monthly bulletin's figures. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qf/report.h"
#include "qf/text.h"

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

/* A small sorted set of IDs, for counting distinct firms. */
struct idset {
	char **v;
	size_t n, cap;
};

static int idset_add(struct idset *s, const char *id)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(s->v[mid], id);
		if (c == 0)
			return 0;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		char **v = realloc(s->v, cap * sizeof *v);
		if (!v)
			return -1;
		s->v = v;
		s->cap = cap;
	}
	memmove(&s->v[lo + 1], &s->v[lo], (s->n - lo) * sizeof *s->v);
	if (!(s->v[lo] = strdup(id)))
		return -1;
	s->n++;
	return 0;
}

static int idset_has(const struct idset *s, const char *id)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(s->v[mid], id);
		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static void idset_release(struct idset *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
}

struct acc {
	struct qf_month_figures *f;
	struct idset month_firms, total_firms;
	struct idset late;      /* firms registered after the month */
	int oom;
};

static int in(const struct qf_date *d, const struct qf_date *a,
	      const struct qf_date *b)
{
	return qf_date_cmp(d, a) >= 0 && qf_date_cmp(d, b) <= 0;
}

static int date_of(const struct qf_node *rec, const char *key,
		   struct qf_date *d)
{
	const char *s = qf_node_get_str(rec, key);

	return s && qf_date_parse(s, d) == 0;
}

static int on_firm(const struct qf_doc *doc, const char *file, void *ud)
{
	struct acc *a = ud;
	struct qf_date since;

	(void)file;
	if (date_of(doc->root, "since", &since) &&
	    qf_date_cmp(&since, &a->f->end) > 0) {
		const char *id = qf_node_get_str(doc->root, "id");
		if (id && idset_add(&a->late, id))
			a->oom = 1;
		return a->oom;
	}
	a->f->firms++;
	return 0;
}

static int on_visit(const struct qf_doc *doc, const char *file, void *ud)
{
	struct acc *a = ud;
	struct qf_month_figures *f = a->f;
	const char *firm = qf_node_get_str(doc->root, "firm");
	struct qf_date d;

	(void)file;
	if (!date_of(doc->root, "date", &d) || !firm)
		return 0;
	if (in(&d, &f->campaign_start, &f->end)) {
		f->total.visits++;
		if (idset_add(&a->total_firms, firm))
			a->oom = 1;
	}
	if (in(&d, &f->start, &f->end) &&
	    qf_date_cmp(&d, &f->campaign_start) >= 0) {
		f->month_f.visits++;
		if (idset_add(&a->month_firms, firm))
			a->oom = 1;
	}
	return a->oom;
}

static void count_demand(struct qf_period_figures *p, const char *kind,
			 const char *level)
{
	int problem = kind && !strcmp(kind, "problem");
	int local = level && !strcmp(level, "local");

	p->demands++;
	if (problem)
		p->problems++;
	else
		p->suggestions++;
	if (local)
		p->local++;
	else
		p->higher++;
	if (problem && local)
		p->local_problems++;
}

static void count_close(struct qf_period_figures *p, const char *kind,
			const char *level, const char *status)
{
	int problem = kind && !strcmp(kind, "problem");
	int local = level && !strcmp(level, "local");

	if (problem && !strcmp(status, "resolved")) {
		p->resolved++;
		if (local)
			p->local_resolved++;
	}
	if (!problem && !strcmp(status, "adopted"))
		p->adopted++;
}

static int on_demand(const struct qf_doc *doc, const char *file, void *ud)
{
	struct acc *a = ud;
	struct qf_month_figures *f = a->f;
	const struct qf_node *r = doc->root;
	const char *kind = qf_node_get_str(r, "kind");
	const char *level = qf_node_get_str(r, "level");
	const char *status = qf_node_get_str(r, "status");
	struct qf_date opened, closed, due;
	int is_closed;

	(void)file;
	if (!date_of(r, "opened", &opened) || !status)
		return 0;
	if (qf_date_cmp(&opened, &f->end) > 0 ||
	    qf_date_cmp(&opened, &f->campaign_start) < 0)
		return 0;
	count_demand(&f->total, kind, level);
	if (in(&opened, &f->start, &f->end))
		count_demand(&f->month_f, kind, level);
	is_closed = date_of(r, "closed", &closed) &&
		    qf_date_cmp(&closed, &f->end) <= 0;
	if (is_closed) {
		count_close(&f->total, kind, level, status);
		if (in(&closed, &f->start, &f->end))
			count_close(&f->month_f, kind, level, status);
	} else {
		f->open_at_end++;
		if (date_of(r, "due", &due) && qf_date_cmp(&due, &f->end) < 0)
			f->overdue_at_end++;
	}
	return 0;
}

int qf_report_month(struct qf_store *s, int year, int month,
		    struct qf_month_figures *f, struct qf_error *err)
{
	struct acc a;
	const char *cs = qf_store_setting(s, "campaign_start");
	int rc;

	memset(f, 0, sizeof *f);
	memset(&a, 0, sizeof a);
	a.f = f;
	f->year = year;
	f->month = month;
	f->start.y = f->end.y = year;
	f->start.m = f->end.m = month;
	f->start.d = 1;
	f->end.d = qf_days_in_month(year, month);
	if (!cs || qf_date_parse(cs, &f->campaign_start))
		f->campaign_start = (struct qf_date){ 1900, 1, 1 };
	rc = qf_store_each(s, QF_FIRM, on_firm, &a, err);
	if (!rc)
		rc = qf_store_each(s, QF_VISIT, on_visit, &a, err);
	if (!rc)
		rc = qf_store_each(s, QF_DEMAND, on_demand, &a, err);
	f->month_f.firms_visited = (long)a.month_firms.n;
	f->total.firms_visited = (long)a.total_firms.n;
	/* A firm visited by the month's end was in the register then, whatever
	 * its `since` says (records are often entered after the fact). */
	for (size_t i = 0; i < a.total_firms.n; i++)
		if (idset_has(&a.late, a.total_firms.v[i]))
			f->firms++;
	idset_release(&a.late);
	idset_release(&a.month_firms);
	idset_release(&a.total_firms);
	if (a.oom)
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				    "out of memory");
	return rc;
}

struct out {
	char *s;
	size_t len, cap;
	int oom;
};

static void say(struct out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void say(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (o->oom)
		return;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		o->oom = 1;
		return;
	}
	if (o->len + (size_t)n + 1 > o->cap) {
		size_t cap = o->cap ? o->cap : 1024;
		char *s;
		while (o->len + (size_t)n + 1 > cap)
			cap *= 2;
		if (!(s = realloc(o->s, cap))) {
			o->oom = 1;
			return;
		}
		o->s = s;
		o->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(o->s + o->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	o->len += (size_t)n;
}

static void json_period(struct out *o, const char *name,
			const struct qf_period_figures *p, int with_rate)
{
	char rate[16];

	say(o, "  \"%s\": {\n", name);
	say(o, "    \"visits\": %ld,\n    \"firms_visited\": %ld,\n",
	    p->visits, p->firms_visited);
	say(o, "    \"demands\": %ld,\n    \"problems\": %ld,\n"
	    "    \"suggestions\": %ld,\n", p->demands, p->problems,
	    p->suggestions);
	say(o, "    \"local\": %ld,\n    \"higher\": %ld,\n"
	    "    \"local_problems\": %ld,\n", p->local, p->higher,
	    p->local_problems);
	say(o, "    \"resolved\": %ld,\n    \"local_resolved\": %ld,\n"
	    "    \"adopted\": %ld%s\n", p->resolved, p->local_resolved,
	    p->adopted, with_rate ? "," : "");
	if (with_rate) {
		qf_rate(p->local_resolved, p->local_problems, rate,
			sizeof rate);
		say(o, "    \"resolution_rate\": \"%s\"\n", rate);
	}
	say(o, "  }");
}

struct labels {
	const char *title, *month, *total, *visits, *firms_visited, *coverage,
		*demands, *problems, *suggestions, *local, *higher,
		*local_problems, *resolved, *rate, *adopted, *open, *overdue,
		*figure, *since;
};

static const struct labels zh = {
	"企业服务月通报", "本月", "累计", "走访次数", "走访企业数",
	"走访覆盖率", "收集诉求", "问题", "建议", "本级", "上级",
	"本级问题", "已解决问题", "解决率（本级）", "建议采纳", "月末未办结",
	"月末超期", "指标", "自",
};

static const struct labels en = {
	"Enterprise service bulletin", "Month", "Cumulative", "Visits",
	"Firms visited", "Coverage of the register", "Demands collected",
	"Problems", "Suggestions", "Local", "Higher level", "Local problems",
	"Problems resolved", "Resolution rate (local)", "Suggestions adopted",
	"Open at month end", "Overdue at month end", "Figure", "since",
};

struct row {
	const char *label;
	char a[32], b[48];
};

static void row_num(struct row *r, const char *label, long a, long b)
{
	r->label = label;
	snprintf(r->a, sizeof r->a, "%ld", a);
	snprintf(r->b, sizeof r->b, "%ld", b);
}

static void row_str(struct row *r, const char *label, const char *a,
		    const char *b)
{
	r->label = label;
	snprintf(r->a, sizeof r->a, "%s", a);
	snprintf(r->b, sizeof r->b, "%s", b);
}

static void pad(struct out *o, const char *s, size_t width, int right)
{
	size_t w = qf_text_width(s);

	if (right)
		say(o, "%*s%s", (int)(width > w ? width - w : 0), "", s);
	else
		say(o, "%s%*s", s, (int)(width > w ? width - w : 0), "");
}

/* A Markdown table, or for a terminal columns aligned by display width
 * (a Chinese character takes two columns). */
static void table(struct out *o, int md, const char *h0, const char *h1,
		  const char *h2, const struct row *rows, size_t n)
{
	size_t w0 = qf_text_width(h0), w1 = qf_text_width(h1),
	       w2 = qf_text_width(h2);

	if (md) {
		say(o, "| %s | %s | %s |\n|---|---:|---:|\n", h0, h1, h2);
		for (size_t i = 0; i < n; i++)
			say(o, "| %s | %s | %s |\n", rows[i].label, rows[i].a,
			    rows[i].b);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		size_t w;
		if ((w = qf_text_width(rows[i].label)) > w0)
			w0 = w;
		if ((w = qf_text_width(rows[i].a)) > w1)
			w1 = w;
		if ((w = qf_text_width(rows[i].b)) > w2)
			w2 = w;
	}
	pad(o, h0, w0, 0);
	say(o, "  ");
	pad(o, h1, w1, 1);
	say(o, "  ");
	pad(o, h2, w2, 1);
	say(o, "\n");
	for (size_t i = 0; i < n; i++) {
		pad(o, rows[i].label, w0, 0);
		say(o, "  ");
		pad(o, rows[i].a, w1, 1);
		say(o, "  ");
		pad(o, rows[i].b, w2, 1);
		say(o, "\n");
	}
}

char *qf_report_render(const struct qf_month_figures *f,
		       enum qf_report_format fmt, const char *lang,
		       const char *org)
{
	const struct labels *L = lang && !strncmp(lang, "zh", 2) ? &zh : &en;
	struct out o = { NULL, 0, 0, 0 };
	char cs[16], rt[16], cov[16];
	int md = fmt == QF_REPORT_MARKDOWN;

	qf_date_format(&f->campaign_start, cs, sizeof cs);
	if (fmt == QF_REPORT_JSON) {
		say(&o, "{\n  \"month\": \"%04d-%02d\",\n", f->year, f->month);
		say(&o, "  \"campaign_start\": \"%s\",\n", cs);
		say(&o, "  \"firms\": %ld,\n", f->firms);
		qf_rate(f->total.firms_visited, f->firms, cov, sizeof cov);
		say(&o, "  \"coverage\": \"%s\",\n", cov);
		say(&o, "  \"open_at_end\": %ld,\n  \"overdue_at_end\": %ld,\n",
		    f->open_at_end, f->overdue_at_end);
		json_period(&o, "in_month", &f->month_f, 0);
		say(&o, ",\n");
		json_period(&o, "cumulative", &f->total, 1);
		say(&o, "\n}\n");
		goto done;
	}
	if (L == &zh)
		say(&o, "%s%s（%04d年%d月）\n\n", md ? "# " : "",
		    org ? org : "", f->year, f->month);
	else
		say(&o, "%s%s %s, %04d-%02d\n\n", md ? "# " : "",
		    org ? org : "", L->title, f->year, f->month);
	if (L == &zh)
		say(&o, "%s\n\n", L->title);
	/* The rate is a cumulative figure only: problems resolved in a month
	 * may have been opened in any earlier month, so a monthly ratio
	 * would mix populations (11 resolved over 4 opened is not 275%). */
	qf_rate(f->total.local_resolved, f->total.local_problems, rt,
		sizeof rt);
	qf_rate(f->total.firms_visited, f->firms, cov, sizeof cov);
	{
		const struct qf_period_figures *m = &f->month_f, *t = &f->total;
		struct row rows[16];
		size_t n = 0;
		char head[64];

		snprintf(head, sizeof head, L == &zh ? "%s（%s %s）" : "%s (%s %s)",
			 L->total, L->since, cs);
		row_num(&rows[n++], L->visits, m->visits, t->visits);
		row_num(&rows[n++], L->firms_visited, m->firms_visited,
			t->firms_visited);
		row_num(&rows[n++], L->demands, m->demands, t->demands);
		row_num(&rows[n++], L->problems, m->problems, t->problems);
		row_num(&rows[n++], L->suggestions, m->suggestions,
			t->suggestions);
		row_num(&rows[n++], L->local_problems, m->local_problems,
			t->local_problems);
		row_num(&rows[n++], L->higher, m->higher, t->higher);
		row_num(&rows[n++], L->resolved, m->resolved, t->resolved);
		row_num(&rows[n++], L->adopted, m->adopted, t->adopted);
		row_str(&rows[n++], L->rate, "", rt);
		snprintf(rows[n].b, sizeof rows[n].b, "%ld/%ld = %s",
			 f->total.firms_visited, f->firms, cov);
		rows[n].label = L->coverage;
		rows[n++].a[0] = '\0';
		row_num(&rows[n], L->open, 0, f->open_at_end);
		rows[n++].a[0] = '\0';
		row_num(&rows[n], L->overdue, 0, f->overdue_at_end);
		rows[n++].a[0] = '\0';
		table(&o, md, L->figure, L->month, head, rows, n);
	}
done:
	if (o.oom) {
		free(o.s);
		return NULL;
	}
	return o.s;
}
