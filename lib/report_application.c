/* report_application.c - the bulletin's section on applications (申报):
 * filed, listed, granted, rejected, amounts, by policy and by firm.
 *
 * Every figure is read off the state of each application replayed from
 * its log (qf_application_state_at) on two days: the day before a period
 * starts and the period's last day.  For a period P (the month, or the
 * campaign start to the month's end, "cumulative"):
 *   filed     filed within P (count, amount requested)
 *   listed    reached 入库 within P: listed by P's end (even if granted
 *             or rejected since), not the day before P
 *   granted   granted within P (count, amount granted)
 *   rejected  rejected within P
 * and at the period's end: open (filed, reviewing, listed), with the
 * amount they ask (those filed since the campaign start).  A month that
 * begins before the campaign start counts from the start.  The tables by policy and by firm are cumulative:
 * applications filed since the campaign start, the amount they ask and
 * the amount granted by the end.  A store with no application filed by
 * the end gets no section at all (f->applications stays NULL). */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "qf/application.h"
#include "qf/firms.h"
#include "qf/json.h"
#include "qf/text.h"
#include "report_impl.h"

struct app_period {
	long filed, listed, granted, rejected;
	long long requested, granted_yuan;
};

struct app_group {
	char *key, *name;            /* policy or firm ID; title or name */
	long count;
	long long requested, granted;
};

struct qf_application_figures {
	struct app_period month, total;
	long open_at_end;
	long long open_requested;
	struct app_group *policies, *firms;
	size_t npolicies, nfirms, cappol, capfirm;
};

struct collect {
	struct qf_month_figures *f;
	struct qf_application_figures *a;
	struct qf_date month_start, before_month, before_total;
	int oom;
};

/* The figures of one period from the states before it and at its end. */
static void count(struct app_period *p, const struct qf_app_state *was,
		  const struct qf_app_state *now, const struct qf_date *start,
		  const struct qf_date *end, const struct qf_node *rec)
{
	const char *filed = qf_node_get_str(rec, "filed");
	struct qf_date fd;

	if (!now->status)
		return;
	/* Filed within: by its filed date, else by its first state. */
	if (filed && !qf_date_parse(filed, &fd) ?
		    qf_date_cmp(&fd, start) >= 0 && qf_date_cmp(&fd, end) <= 0 :
		    !was->status) {
		p->filed++;
		p->requested += now->requested;
	}
	if (now->listed && !was->listed)
		p->listed++;
	if (now->closed && !was->closed) {
		if (qf_app_status_from_name(now->status) == QF_APP_GRANTED) {
			p->granted++;
			p->granted_yuan += now->granted;
		} else {
			p->rejected++;
		}
	}
}

static struct app_group *group(struct app_group **v, size_t *n, size_t *cap,
			       const char *key)
{
	struct app_group *g;

	for (size_t i = 0; i < *n; i++)
		if (!strcmp((*v)[i].key, key))
			return &(*v)[i];
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 16;
		struct app_group *w = realloc(*v, c * sizeof *w);
		if (!w)
			return NULL;
		*v = w;
		*cap = c;
	}
	g = &(*v)[*n];
	memset(g, 0, sizeof *g);
	if (!(g->key = strdup(key)))
		return NULL;
	(*n)++;
	return g;
}

static int add_group(struct app_group **v, size_t *n, size_t *cap,
		     const char *key, const struct qf_app_state *now)
{
	struct app_group *g = group(v, n, cap, key ? key : "?");

	if (!g)
		return -1;
	g->count++;
	g->requested += now->requested;
	g->granted += now->granted;
	return 0;
}

/* An amount out of the schema's range stops the bulletin, as a demand's
 * does, rather than print a total that overflowed. */
static int check_amounts(const struct qf_node *r, const char *file,
			 struct qf_error *err)
{
	const struct qf_node *log = qf_node_get(r, "log");
	long long yuan;

	if (qf_report_amount(r, "requested", file, &yuan, err) ||
	    qf_report_amount(r, "granted", file, &yuan, err))
		return QF_EDATA;
	for (size_t i = 0; log && log->kind == QF_NODE_SEQ && i < log->n; i++)
		if (log->items[i]->kind == QF_NODE_MAP &&
		    qf_report_amount(log->items[i], "amount", file, &yuan, err))
			return QF_EDATA;
	return 0;
}

static int each_app(const struct qf_doc *doc, const char *file, void *ud,
		    struct qf_error *err)
{
	struct collect *c = ud;
	const struct qf_node *r = doc->root;
	struct qf_app_state bm, bt, now;
	struct qf_application_figures *a = c->a;
	struct qf_error e;

	qf_error_clear(&e);
	if (r && r->kind == QF_NODE_MAP && check_amounts(r, file, err))
		return QF_EDATA;
	if (!r || r->kind != QF_NODE_MAP ||
	    qf_application_state_at(r, &c->f->end, &now, &e) || !now.status)
		return 0;      /* not one, or not filed by the end */
	qf_application_state_at(r, &c->before_month, &bm, &e);
	qf_application_state_at(r, &c->before_total, &bt, &e);
	count(&a->month, &bm, &now, &c->month_start, &c->f->end, r);
	count(&a->total, &bt, &now, &c->f->campaign_start, &c->f->end, r);
	if (!now.closed && !bt.status) {
		a->open_at_end++;
		a->open_requested += now.requested;
	}
	/* The tables: what was filed since the campaign start. */
	if (bt.status)
		return 0;
	if (add_group(&a->policies, &a->npolicies, &a->cappol,
		      qf_node_get_str(r, "policy"), &now) ||
	    add_group(&a->firms, &a->nfirms, &a->capfirm,
		      qf_node_get_str(r, "firm"), &now))
		c->oom = 1;
	return c->oom ? qf_error_oom(err) : 0;
}

static int name_policy(const struct qf_doc *doc, const char *file, void *ud,
		       struct qf_error *err)
{
	struct qf_application_figures *a = ud;
	const char *id = qf_node_get_str(doc->root, "id");
	const char *title = qf_node_get_str(doc->root, "title");

	(void)file;
	for (size_t i = 0; id && title && i < a->npolicies; i++)
		if (!strcmp(a->policies[i].key, id) && !a->policies[i].name &&
		    !(a->policies[i].name = strdup(title)))
			return qf_error_oom(err);
	return 0;
}

static int cmp_group(const void *x, const void *y)
{
	return strcmp(((const struct app_group *)x)->key,
		      ((const struct app_group *)y)->key);
}

int qf_report_application_collect(struct qf_store *s, struct qf_month_figures *f,
				  struct qf_error *err)
{
	struct collect c;
	struct qf_firms firms;
	int rc;

	memset(&c, 0, sizeof c);
	c.f = f;
	c.month_start = qf_date_cmp(&f->start, &f->campaign_start) < 0 ?
		f->campaign_start : f->start;
	c.before_month = c.month_start;
	qf_date_add_days(&c.before_month, -1);
	c.before_total = f->campaign_start;
	qf_date_add_days(&c.before_total, -1);
	if (!(c.a = calloc(1, sizeof *c.a)))
		return qf_error_oom(err);
	f->applications = c.a;
	if ((rc = qf_store_each(s, QF_APPLICATION, each_app, &c, err)))
		return rc;
	if (!c.a->month.filed && !c.a->total.filed && !c.a->open_at_end &&
	    !c.a->total.granted && !c.a->total.rejected && !c.a->npolicies) {
		/* None filed by the end: no section. */
		qf_report_application_release(f);
		return QF_OK;
	}
	if ((rc = qf_store_each(s, QF_POLICY, name_policy, c.a, err)))
		return rc;
	if (c.a->nfirms) {
		if ((rc = qf_firms_load(s, &firms, QF_FIRMS_NAMES, err)))
			return rc;
		for (size_t i = 0; i < c.a->nfirms; i++) {
			const char *n = qf_firms_name(&firms, c.a->firms[i].key);
			if (n && !(c.a->firms[i].name = strdup(n))) {
				qf_firms_release(&firms);
				return qf_error_oom(err);
			}
		}
		qf_firms_release(&firms);
	}
	qsort(c.a->policies, c.a->npolicies, sizeof *c.a->policies, cmp_group);
	qsort(c.a->firms, c.a->nfirms, sizeof *c.a->firms, cmp_group);
	return QF_OK;
}

static void free_groups(struct app_group *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].key);
		free(v[i].name);
	}
	free(v);
}

void qf_report_application_release(struct qf_month_figures *f)
{
	struct qf_application_figures *a = f->applications;

	if (!a)
		return;
	free_groups(a->policies, a->npolicies);
	free_groups(a->firms, a->nfirms);
	free(a);
	f->applications = NULL;
}

static const char *num(long v, char *buf, size_t n)
{
	snprintf(buf, n, "%ld", v);
	return buf;
}

static void group_table(struct qf_page *d, const char *head,
			const struct app_group *v, size_t n,
			const struct words *w)
{
	struct qf_page_table tb;
	char c1[24], c2[64], c3[64];

	if (!n)
		return;
	qf_page_table_init(&tb, 4, "0111");
	ROW(&tb, head, _("Applications"), _("Requested"), _("Granted"));
	for (size_t i = 0; i < n; i++)
		ROW(&tb, v[i].name ? v[i].name : v[i].key,
		    num(v[i].count, c1, sizeof c1),
		    qf_report_money(v[i].requested, w, c2, sizeof c2),
		    qf_report_money(v[i].granted, w, c3, sizeof c3));
	qf_page_table(d, &tb);
}

void qf_report_application_render(struct qf_page *d, const struct qf_month_figures *f,
				  const struct words *w)
{
	const struct qf_application_figures *a = f->applications;
	const struct app_period *m, *t;
	struct qf_page_table tb;
	char c1[64], c2[64], head[128], cs[16];

	if (!a)
		return;
	m = &a->month;
	t = &a->total;
	qf_page_heading(d, _("7. Project applications"));
	qf_date_format(&f->campaign_start, cs, sizeof cs);
	snprintf(head, sizeof head, _("Cumulative (since %s)"), cs);
	qf_page_table_init(&tb, 3, "011");
	ROW(&tb, _("Figure"), f->week ? _("Week") : _("Month"), head);
	ROW(&tb, _("Applications filed"), num(m->filed, c1, sizeof c1),
	    num(t->filed, c2, sizeof c2));
	ROW(&tb, _("Funds requested"), qf_report_money(m->requested, w, c1, sizeof c1),
	    qf_report_money(t->requested, w, c2, sizeof c2));
	ROW(&tb, _("Listed (in the project library)"), num(m->listed, c1, sizeof c1),
	    num(t->listed, c2, sizeof c2));
	ROW(&tb, _("Granted"), num(m->granted, c1, sizeof c1),
	    num(t->granted, c2, sizeof c2));
	ROW(&tb, _("Funds granted"), qf_report_money(m->granted_yuan, w, c1, sizeof c1),
	    qf_report_money(t->granted_yuan, w, c2, sizeof c2));
	ROW(&tb, _("Rejected"), num(m->rejected, c1, sizeof c1),
	    num(t->rejected, c2, sizeof c2));
	ROW(&tb, f->week ? _("Open at week end") : _("Open at month end"), "",
	    num(a->open_at_end, c1, sizeof c1));
	ROW(&tb, _("Funds requested by open applications"), "",
	    qf_report_money(a->open_requested, w, c2, sizeof c2));
	qf_page_table(d, &tb);
	group_table(d, _("Policy"), a->policies, a->npolicies, w);
	group_table(d, _("Firm"), a->firms, a->nfirms, w);
}

static void json_period(struct qf_buf *o, const char *name,
			const struct app_period *p)
{
	qf_buf_printf(o, "    \"%s\": {\"filed\": %ld, \"requested_yuan\": %lld, "
		      "\"listed\": %ld, \"granted\": %ld, \"granted_yuan\": %lld, "
		      "\"rejected\": %ld},\n", name, p->filed, p->requested,
		      p->listed, p->granted, p->granted_yuan, p->rejected);
}

static void json_groups(struct qf_buf *o, const char *name,
			const struct app_group *v, size_t n, int last)
{
	qf_buf_printf(o, "    \"%s\": [", name);
	for (size_t i = 0; i < n; i++) {
		qf_buf_printf(o, "%s\n      {\"id\": ", i ? "," : "");
		qf_json_string(o, v[i].key);
		qf_buf_puts(o, ", \"name\": ");
		qf_json_string(o, v[i].name ? v[i].name : v[i].key);
		qf_buf_printf(o, ", \"count\": %ld, \"requested_yuan\": %lld, "
			      "\"granted_yuan\": %lld}", v[i].count,
			      v[i].requested, v[i].granted);
	}
	qf_buf_printf(o, "%s]%s\n", n ? "\n    " : "", last ? "" : ",");
}

void qf_report_application_json(struct qf_buf *o, const struct qf_month_figures *f)
{
	const struct qf_application_figures *a = f->applications;

	if (!a)
		return;
	qf_buf_puts(o, ",\n  \"applications\": {\n");
	json_period(o, f->week ? "in_week" : "in_month", &a->month);
	json_period(o, "cumulative", &a->total);
	qf_buf_printf(o, "    \"open_at_end\": %ld,\n    \"open_requested_yuan\": %lld,\n",
		      a->open_at_end, a->open_requested);
	json_groups(o, "by_policy", a->policies, a->npolicies, 0);
	json_groups(o, "by_firm", a->firms, a->nfirms, 1);
	qf_buf_puts(o, "  }");
}

static void csv_row(struct qf_buf *o, const char *fig, const char *month,
		    long long total)
{
	qf_buf_puts(o, "application,");
	qf_csv_cell(o, fig, 1);
	qf_buf_printf(o, ",%s,%lld\r\n", month, total);
}

static void csv_groups(struct qf_buf *o, const char *kind,
		       const struct app_group *v, size_t n)
{
	char fig[256];

	for (size_t i = 0; i < n; i++) {
		snprintf(fig, sizeof fig, "%s/%s/count", kind, v[i].key);
		csv_row(o, fig, "", v[i].count);
		snprintf(fig, sizeof fig, "%s/%s/requested_yuan", kind, v[i].key);
		csv_row(o, fig, "", v[i].requested);
		snprintf(fig, sizeof fig, "%s/%s/granted_yuan", kind, v[i].key);
		csv_row(o, fig, "", v[i].granted);
	}
}

void qf_report_application_csv(struct qf_buf *o, const struct qf_month_figures *f)
{
	const struct qf_application_figures *a = f->applications;
	char m[32];

#define P(name, field, fmt) \
	(snprintf(m, sizeof m, fmt, a->month.field), csv_row(o, name, m, a->total.field))
	if (!a)
		return;
	P("filed", filed, "%ld");
	P("requested_yuan", requested, "%lld");
	P("listed", listed, "%ld");
	P("granted", granted, "%ld");
	P("granted_yuan", granted_yuan, "%lld");
	P("rejected", rejected, "%ld");
#undef P
	csv_row(o, "open_at_end", "", a->open_at_end);
	csv_row(o, "open_requested_yuan", "", a->open_requested);
	csv_groups(o, "policy", a->policies, a->npolicies);
	csv_groups(o, "firm", a->firms, a->nfirms);
}
