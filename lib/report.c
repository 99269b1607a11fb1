/* report.c - the monthly bulletin's figures. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

#include "qf/firms.h"
#include "qf/buf.h"
#include "qf/report.h"
#include "report_impl.h"
#include "qf/vocab.h"
#include "qf/workflow.h"
#include "qf/text.h"

/* A growing list of day counts, for medians. */
struct days {
	long *v;
	size_t n, cap;
};

static int days_add(struct days *d, long x)
{
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 32;
		long *v = realloc(d->v, cap * sizeof *v);
		if (!v)
			return -1;
		d->v = v;
		d->cap = cap;
	}
	d->v[d->n++] = x;
	return 0;
}

static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

/* Twice the median, so that a median of 2.5 days stays exact. */
static long median_x2(struct days *d)
{
	if (!d->n)
		return -1;
	qsort(d->v, d->n, sizeof *d->v, cmp_long);
	if (d->n % 2)
		return 2 * d->v[d->n / 2];
	return d->v[d->n / 2 - 1] + d->v[d->n / 2];
}

struct dept_acc {
	struct days days;
};

struct acc {
	struct qf_month_figures *f;
	const struct qf_firms *firms;
	struct qf_strset month_firms, total_firms;
	struct qf_strset month_people, total_people;
	struct days month_days, total_days;
	struct qf_error *err;            /* a record the figures cannot use */
	struct dept_acc *dacc;           /* parallel to f->depts */
	size_t dcap;
	size_t scap, ocap;               /* stories, overdue */
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

/* One record for one period: 0, or an error code with a->err set. */
static int on_visit(const struct qf_doc *doc, const char *file, void *ud)
{
	struct acc *a = ud;
	struct qf_month_figures *f = a->f;
	const char *firm = qf_node_get_str(doc->root, "firm");
	const struct qf_node *who = qf_node_get(doc->root, "visitors");
	struct qf_date d;
	int in_total, in_month;

	(void)file;
	if (!date_of(doc->root, "date", &d) || !firm)
		return 0;
	in_total = in(&d, &f->campaign_start, &f->end);
	in_month = in_total && in(&d, &f->start, &f->end);
	if (in_total) {
		f->total.visits++;
		a->oom |= qf_strset_add(&a->total_firms, firm) < 0;
	}
	if (in_month) {
		f->month_f.visits++;
		a->oom |= qf_strset_add(&a->month_firms, firm) < 0;
	}
	for (size_t i = 0; who && who->kind == QF_NODE_SEQ && i < who->n; i++) {
		const char *p = who->items[i]->str;
		if (who->items[i]->kind != QF_NODE_SCALAR)
			continue;
		if (in_total)
			a->oom |= qf_strset_add(&a->total_people, p) < 0;
		if (in_month)
			a->oom |= qf_strset_add(&a->month_people, p) < 0;
	}
	return a->oom ? qf_error_oom(a->err) : 0;
}

static int category_index(const char *cat)
{
	const struct qf_term *t = qf_vocab_terms(QF_V_CATEGORY);

	for (int i = 0; t[i].token && i < QF_REPORT_NCATS; i++)
		if (cat && !strcmp(t[i].token, cat))
			return i;
	return QF_REPORT_NCATS - 1;      /* other */
}

static void count_demand(struct qf_period_figures *p, const char *kind,
			 const char *level, const char *category)
{
	int problem = kind && !strcmp(kind, "problem");
	int local = !level || strcmp(level, "higher");

	p->demands++;
	p->by_category[category_index(category)]++;
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
	if (problem && !local)
		p->higher_problems++;
}

static int count_close(struct acc *a, struct qf_period_figures *p,
		       struct days *days, const char *kind,
		       const struct qf_demand_state *st, long took)
{
	int problem = kind && !strcmp(kind, "problem");
	int local = !st->level || strcmp(st->level, "higher");

	p->closed++;
	if (!strcmp(st->outcome, "resolved") && problem) {
		p->resolved++;
		if (local)
			p->local_resolved++;
		else
			p->higher_resolved++;
	} else if (!strcmp(st->outcome, "adopted")) {
		p->adopted++;
	} else if (!strcmp(st->outcome, "declined")) {
		p->declined++;
	}
	if (st->has_orig || st->has_due) {
		p->closed_with_due++;
		if (st->has_orig && qf_date_cmp(&st->closed_on, &st->orig) <= 0)
			p->on_time_original++;
		if (st->has_due && qf_date_cmp(&st->closed_on, &st->due) <= 0)
			p->on_time_extended++;
	}
	if (days_add(days, took))
		a->oom = 1;
	return 0;
}

static void count_rating(struct qf_period_figures *p, const char *rating)
{
	if (!rating)
		return;
	p->rated++;
	if (!strcmp(rating, "satisfied"))
		p->satisfied++;
	else if (!strcmp(rating, "basic"))
		p->basic++;
	else
		p->dissatisfied++;
}

static struct qf_dept_figures *dept_get(struct acc *a, const char *name)
{
	struct qf_month_figures *f = a->f;
	size_t i;

	for (i = 0; i < f->ndepts; i++)
		if (!strcmp(f->depts[i].name, name))
			return &f->depts[i];
	if (f->ndepts == a->dcap) {
		size_t cap = a->dcap ? a->dcap * 2 : 16;
		struct qf_dept_figures *v = realloc(f->depts, cap * sizeof *v);
		struct dept_acc *w;
		if (!v)
			goto oom;
		f->depts = v;
		if (!(w = realloc(a->dacc, cap * sizeof *w)))
			goto oom;
		a->dacc = w;
		a->dcap = cap;
	}
	memset(&f->depts[i], 0, sizeof f->depts[i]);
	memset(&a->dacc[i], 0, sizeof a->dacc[i]);
	if (!(f->depts[i].name = strdup(name)))
		goto oom;
	f->ndepts++;
	return &f->depts[i];
oom:
	a->oom = 1;
	return NULL;
}

static void add_story(struct acc *a, struct qf_story **list, size_t *n,
		      size_t *capp, const struct qf_node *r,
		      const struct qf_demand_state *st, const struct qf_date *opened,
		      long took)
{
	struct qf_story *s;

	if (*n == *capp) {
		size_t cap = *capp ? *capp * 2 : 16;
		struct qf_story *v = realloc(*list, cap * sizeof *v);
		if (!v) {
			a->oom = 1;
			return;
		}
		*list = v;
		*capp = cap;
	}
	s = &(*list)[*n];
	memset(s, 0, sizeof *s);
	s->id = strdup(qf_node_get_str(r, "id") ? qf_node_get_str(r, "id") : "");
	s->firm = strdup(qf_firms_name(a->firms, qf_node_get_str(r, "firm")));
	s->title = strdup(qf_node_get_str(r, "title") ? qf_node_get_str(r, "title") : "");
	s->dept = strdup(st->dept ? st->dept : "");
	s->resolution = strdup(qf_node_get_str(r, "resolution") ?
			       qf_node_get_str(r, "resolution") : "");
	s->opened = *opened;
	s->closed = st->closed_on;
	s->days = took;
	s->adopted = st->outcome && !strcmp(st->outcome, "adopted");
	(*n)++;
	if (!s->id || !s->firm || !s->title || !s->dept || !s->resolution)
		a->oom = 1;
}

static int trend_index(const struct qf_month_figures *f,
		       const struct qf_date *d)
{
	for (int i = 0; i < 12; i++)
		if (f->trend[i].y == d->y && f->trend[i].m == d->m)
			return i;
	return -1;
}

static void trend_count(struct qf_month_figures *f, const struct qf_date *opened,
			const struct qf_demand_state *st)
{
	int i = trend_index(f, opened);

	if (i >= 0)
		f->trend[i].collected++;
	if (st->closed && strcmp(st->outcome, "declined") &&
	    (i = trend_index(f, &st->closed_on)) >= 0)
		f->trend[i].closed++;
}

static int on_demand(const struct qf_doc *doc, const char *file, void *ud)
{
	struct acc *a = ud;
	struct qf_month_figures *f = a->f;
	const struct qf_node *r = doc->root;
	const struct qf_node *log = qf_node_get(r, "log");
	const char *kind = qf_node_get_str(r, "kind");
	const char *cat = qf_node_get_str(r, "category");
	struct qf_date opened;
	struct qf_demand_state st;
	struct qf_error serr;
	struct qf_dept_figures *dp = NULL;
	long took = 0;

	if (!date_of(r, "opened", &opened) || !qf_node_get_str(r, "status"))
		return 0;
	if (qf_date_cmp(&opened, &f->end) > 0 ||
	    qf_date_cmp(&opened, &f->campaign_start) < 0)
		return 0;
	qf_error_clear(&serr);
	if (qf_demand_state_at(r, &f->end, &st, &serr))
		return qf_error_set(a->err, serr.code, file, serr.line,
				    serr.col, _("%s: run qf check"), serr.msg);
	trend_count(f, &opened, &st);
	count_demand(&f->total, kind, st.level, cat);
	if (in(&opened, &f->start, &f->end))
		count_demand(&f->month_f, kind, st.level, cat);
	{
		/* As check reads it (1.5e7 is 15000000 yuan), and never a
		 * sum that overflows: an amount out of the schema's range
		 * stops the bulletin rather than print a wrong total. */
		long long yuan = 0;

		if (qf_report_amount(r, "amount", file, &yuan, a->err))
			return QF_EDATA;
		if (yuan > 0) {
			f->total.amount += yuan;
			if (in(&opened, &f->start, &f->end))
				f->month_f.amount += yuan;
		}
	}
	/* Returns are the units' own figure, whoever leads the demand now. */
	for (size_t i = 0; log && log->kind == QF_NODE_SEQ && i < log->n; i++) {
		const struct qf_node *e = log->items[i];
		const char *act = qf_node_get_str(e, "action");
		const char *by = qf_node_get_str(e, "dept");
		struct qf_date d;
		struct qf_dept_figures *rp;
		if (qf_act_from_name(act) == QF_ACT_RETURN && by &&
		    date_of(e, "date", &d) && qf_date_cmp(&d, &f->end) <= 0 &&
		    (rp = dept_get(a, by)))
			rp->returned++;
	}
	if (st.dept && (dp = dept_get(a, st.dept)))
		dp->assigned++;
	if (st.closed) {
		took = qf_date_diff(&st.closed_on, &opened);
		count_close(a, &f->total, &a->total_days, kind, &st, took);
		count_rating(&f->total, st.rating);
		if (in(&st.closed_on, &f->start, &f->end)) {
			count_close(a, &f->month_f, &a->month_days, kind, &st,
				    took);
			if (strcmp(st.outcome, "declined"))
				add_story(a, &f->stories, &f->nstories,
					  &a->scap, r, &st, &opened, took);
		}
		if (dp) {
			size_t k = (size_t)(dp - f->depts);
			dp->closed++;
			if (st.has_orig &&
			    qf_date_cmp(&st.closed_on, &st.orig) <= 0)
				dp->on_time++;
			if (days_add(&a->dacc[k].days, took))
				a->oom = 1;
		}
	} else {
		f->open_at_end++;
		if (st.has_due && qf_date_cmp(&st.due, &f->end) < 0) {
			long late = qf_date_diff(&f->end, &st.due);
			f->overdue_at_end++;
			add_story(a, &f->overdue, &f->noverdue, &a->ocap, r,
				  &st, &opened, late);
			if (late > f->overdue_days_max)
				f->overdue_days_max = late;
			if (dp)
				dp->overdue++;
		}
	}
	return a->oom ? qf_error_oom(a->err) : 0;
}

/* The month's ratings are the follow-up calls made in it. */
static int on_rating(const struct qf_doc *doc, const char *file, void *ud)
{
	struct acc *a = ud;
	const struct qf_node *log = qf_node_get(doc->root, "log");
	struct qf_date opened;

	(void)file;
	if (!date_of(doc->root, "opened", &opened) ||
	    qf_date_cmp(&opened, &a->f->campaign_start) < 0)
		return 0;
	for (size_t i = 0; log && log->kind == QF_NODE_SEQ && i < log->n; i++) {
		const struct qf_node *e = log->items[i];
		const char *act = qf_node_get_str(e, "action");
		struct qf_date d;
		if (qf_act_from_name(act) == QF_ACT_FOLLOW_UP &&
		    date_of(e, "date", &d) &&
		    in(&d, &a->f->start, &a->f->end) &&
		    qf_date_cmp(&d, &a->f->campaign_start) >= 0)
			count_rating(&a->f->month_f,
				     qf_node_get_str(e, "satisfaction"));
	}
	return 0;
}

static int cmp_dept(const void *x, const void *y)
{
	return strcmp(((const struct qf_dept_figures *)x)->name,
		      ((const struct qf_dept_figures *)y)->name);
}

static int cmp_story(const void *x, const void *y)
{
	const struct qf_story *a = x, *b = y;
	int c = qf_date_cmp(&a->closed, &b->closed);

	return c ? c : strcmp(a->id, b->id);
}

static int cmp_overdue(const void *x, const void *y)
{
	const struct qf_story *a = x, *b = y;

	if (a->days != b->days)
		return a->days < b->days ? 1 : -1;
	return strcmp(a->id, b->id);
}

/* The register at month end, its coverage, by tag, and who is missing. */
static void register_figures(struct acc *a, struct qf_store *s)
{
	struct qf_month_figures *f = a->f;
	const struct qf_node *tags = qf_node_get(qf_store_settings(s), "coverage_tags");
	/* The tags bulletins count coverage by: data, not wording. */
	static const char *const dflt[] = { QF_TERM("规上"), QF_TERM("重点") };
	size_t ndflt = 2;

	if (tags && tags->kind == QF_NODE_SEQ) {
		for (size_t i = 0; i < tags->n && f->ntags < QF_REPORT_MAX_TAGS; i++)
			if (tags->items[i]->kind == QF_NODE_SCALAR &&
			    !(f->tags[f->ntags++].tag = strdup(tags->items[i]->str)))
				a->oom = 1;
	} else {
		for (size_t i = 0; i < ndflt; i++)
			if (!(f->tags[f->ntags++].tag = strdup(dflt[i])))
				a->oom = 1;
	}
	if (!(f->not_visited = calloc(a->firms->n + 1, sizeof *f->not_visited))) {
		a->oom = 1;
		return;
	}
	for (size_t i = 0; i < a->firms->n; i++) {
		const struct qf_firm *firm = &a->firms->v[i];
		const char *id = firm->id;
		int visited = qf_strset_has(&a->total_firms, id);
		struct qf_date since;

		/* In the register at month end: registered by then, or
		 * visited by then whatever its `since` (records are often
		 * entered after the fact). */
		if (!visited && firm->since &&
		    !qf_date_parse(firm->since, &since) &&
		    qf_date_cmp(&since, &f->end) > 0)
			continue;
		f->firms++;
		for (size_t t = 0; t < f->ntags; t++)
			if (f->tags[t].tag && qf_firm_has_tag(firm, f->tags[t].tag)) {
				f->tags[t].firms++;
				f->tags[t].visited += visited;
			}
		if (!visited &&
		    !(f->not_visited[f->nnot_visited++] =
		      strdup(qf_firms_name(a->firms, id))))
			a->oom = 1;
	}
}

static void acc_release(struct acc *a)
{
	qf_strset_release(&a->month_firms);
	qf_strset_release(&a->total_firms);
	qf_strset_release(&a->month_people);
	qf_strset_release(&a->total_people);
	free(a->month_days.v);
	free(a->total_days.v);
	for (size_t i = 0; i < a->f->ndepts; i++)
		free(a->dacc[i].days.v);
	free(a->dacc);
}

/* Set a up to gather the figures of start..end into f. */
static void period_init(struct acc *a, struct qf_store *s,
			const struct qf_firms *firms, const struct qf_date *start,
			const struct qf_date *end, struct qf_month_figures *f,
			struct qf_error *err)
{
	const char *cs = qf_store_setting(s, "campaign_start");

	memset(a, 0, sizeof *a);
	a->f = f;
	a->firms = firms;
	a->err = err;
	f->year = end->y;
	f->month = end->m;
	f->start = *start;
	f->end = *end;
	f->threshold = qf_store_setting_int(s, "threshold", 90);
	for (int i = 11, y = end->y, m = end->m; i >= 0; i--) {
		f->trend[i].y = y;
		f->trend[i].m = m;
		if (--m == 0) {
			m = 12;
			y--;
		}
	}
	if (!cs || qf_date_parse(cs, &f->campaign_start))
		f->campaign_start = (struct qf_date){ 1900, 1, 1 };
}

/* Finish the figures a gathered (rc: how the pass over the store went). */
static int period_finish(struct acc *a, struct qf_store *s, int rc,
			 struct qf_error *err)
{
	struct qf_month_figures *f = a->f;

	if (!rc && !a->oom)
		register_figures(a, s);
	f->month_f.firms_visited = (long)a->month_firms.n;
	f->total.firms_visited = (long)a->total_firms.n;
	f->month_f.visitors = (long)a->month_people.n;
	f->total.visitors = (long)a->total_people.n;
	f->month_f.median_days_x2 = median_x2(&a->month_days);
	f->total.median_days_x2 = median_x2(&a->total_days);
	for (size_t i = 0; i < f->ndepts; i++) {
		struct qf_dept_figures *d = &f->depts[i];
		d->median_days_x2 = median_x2(&a->dacc[i].days);
		/* Named when it closed too few of what was due: items not
		 * yet due are not held against it. */
		d->below = d->closed + d->overdue > 0 &&
			   d->closed * 100 < (d->closed + d->overdue) * f->threshold;
	}
	if (f->ndepts > 1)
		qsort(f->depts, f->ndepts, sizeof *f->depts, cmp_dept);
	if (f->nstories > 1)
		qsort(f->stories, f->nstories, sizeof *f->stories, cmp_story);
	if (f->noverdue > 1)
		qsort(f->overdue, f->noverdue, sizeof *f->overdue, cmp_overdue);
	acc_release(a);
	if (a->oom)
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				    _("out of memory"));
	return rc;
}

/* One pass over the store feeds every period asked for (the month and
 * the month before): each record is read once. */
struct periods {
	struct acc *a;
	size_t n;
};

static int each_visit(const struct qf_doc *doc, const char *file,
		      void *ud, struct qf_error *err)
{
	struct periods *p = ud;
	int rc = 0;

	for (size_t i = 0; i < p->n && !rc; i++)
		rc = on_visit(doc, file, &p->a[i]);
	(void)err;        /* each period has it as a->err */
	return rc;
}

static int each_demand(const struct qf_doc *doc, const char *file,
		       void *ud, struct qf_error *err)
{
	struct periods *p = ud;
	int rc = 0;

	for (size_t i = 0; i < p->n && !rc; i++)
		if (!(rc = on_demand(doc, file, &p->a[i])))
			rc = on_rating(doc, file, &p->a[i]);
	(void)err;        /* each period has it as a->err */
	return rc;
}

static void story_release(struct qf_story *s)
{
	free(s->id);
	free(s->firm);
	free(s->title);
	free(s->dept);
	free(s->resolution);
}

void qf_report_release(struct qf_month_figures *f)
{
	for (size_t i = 0; i < f->ntags; i++)
		free(f->tags[i].tag);
	for (size_t i = 0; i < f->nnot_visited; i++)
		free(f->not_visited[i]);
	free(f->not_visited);
	for (size_t i = 0; i < f->ndepts; i++)
		free(f->depts[i].name);
	free(f->depts);
	for (size_t i = 0; i < f->nstories; i++)
		story_release(&f->stories[i]);
	free(f->stories);
	for (size_t i = 0; i < f->noverdue; i++)
		story_release(&f->overdue[i]);
	free(f->overdue);
	qf_report_policy_release(f);
	qf_report_application_release(f);
	qf_report_event_release(f);
	memset(f, 0, sizeof *f);
}

static int figures(struct qf_store *s, const struct qf_date *start,
		   const struct qf_date *end, const struct qf_date *pstart,
		   const struct qf_date *pend, struct qf_month_figures *f,
		   struct qf_error *err)
{
	struct qf_month_figures prev;
	struct qf_firms firms;
	struct acc acc[2];
	struct periods p = { acc, 2 };
	int rc, rc2;

	memset(f, 0, sizeof *f);
	memset(&prev, 0, sizeof prev);
	rc = qf_firms_load(s, &firms, QF_FIRMS_NAMES, err);
	if (rc)
		return rc;
	period_init(&acc[0], s, &firms, start, end, f, err);
	period_init(&acc[1], s, &firms, pstart, pend, &prev, err);
	rc = qf_store_each(s, QF_VISIT, each_visit, &p, err);
	if (!rc)
		rc = qf_store_each(s, QF_DEMAND, each_demand, &p, err);
	if (!rc && (acc[0].oom || acc[1].oom))
		rc = qf_error_oom(err);
	rc2 = period_finish(&acc[1], s, rc, err);
	rc = period_finish(&acc[0], s, rc, err);
	if (!rc)
		rc = rc2;
	if (!rc)
		rc = qf_report_policy_collect(s, f, err);
	if (!rc)
		rc = qf_report_application_collect(s, f, err);
	if (!rc)
		rc = qf_report_event_collect(s, f, err);
	if (!rc && qf_date_cmp(&prev.end, &prev.campaign_start) >= 0) {
		f->has_prev = 1;
		f->prev = prev.month_f;
		f->prev_open_at_end = prev.open_at_end;
		f->prev_overdue_at_end = prev.overdue_at_end;
	}
	qf_report_release(&prev);
	qf_firms_release(&firms);
	return rc;
}

int qf_report_month(struct qf_store *s, int year, int month,
		    struct qf_month_figures *f, struct qf_error *err)
{
	int py = month == 1 ? year - 1 : year, pm = month == 1 ? 12 : month - 1;
	struct qf_date start = { year, month, 1 };
	struct qf_date end = { year, month, qf_days_in_month(year, month) };
	struct qf_date pstart = { py, pm, 1 };
	struct qf_date pend = { py, pm, qf_days_in_month(py, pm) };

	return figures(s, &start, &end, &pstart, &pend, f, err);
}

int qf_report_period(struct qf_store *s, const struct qf_date *start,
		     const struct qf_date *end, int week,
		     struct qf_month_figures *f, struct qf_error *err)
{
	long len = qf_date_diff(end, start) + 1;
	struct qf_date pstart = *start, pend = *start;
	int rc;

	qf_date_add_days(&pstart, -len);
	qf_date_add_days(&pend, -1);
	rc = figures(s, start, end, &pstart, &pend, f, err);
	f->week = week;
	return rc;
}

void qf_iso_week(const struct qf_date *d, struct qf_date *monday,
		 struct qf_date *sunday, int *week, int *year)
{
	long days = qf_date_days(d);
	long dow = ((days % 7) + 7 + 3) % 7;     /* 1970-01-01 was a Thursday */
	struct qf_date thu, jan1;

	qf_date_from_days(days - dow, monday);
	qf_date_from_days(days - dow + 6, sunday);
	/* The ISO year and week are those of the week's Thursday. */
	qf_date_from_days(days - dow + 3, &thu);
	jan1 = (struct qf_date){ thu.y, 1, 1 };
	*year = thu.y;
	*week = (int)(qf_date_diff(&thu, &jan1) / 7) + 1;
}


int qf_report_amount(const struct qf_node *holder, const char *key,
		     const char *file, long long *yuan, struct qf_error *err)
{
	const struct qf_node *an = qf_node_get(holder, key);
	long long v = 0;

	*yuan = 0;
	if (!an || an->stype == QF_STYPE_NULL)
		return QF_OK;
	if (qf_node_int(an, &v) || v < 0 || v > QF_AMOUNT_MAX)
		return qf_error_set(err, QF_EDATA, file, an->line, an->col,
				    _("field '%s': '%s' is not a whole number of yuan "
				      "from 0 to %lld: run qf check"),
				    key, an->str ? an->str : "", QF_AMOUNT_MAX);
	*yuan = v;
	return QF_OK;
}
