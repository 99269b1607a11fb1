/* report_policy.c - the bulletin's section on policies handed to firms
 * (送政策): pairs handed over, eligible firms not reached.
 *
 * Definitions (qf-monthly-report(1)):
 *  - a pair is one firm and one policy (qf/eligible.h), counted once, in
 *    the period of its first handing-over from the campaign start on;
 *    split by how that first one was: on a visit, at an event, delivered
 *    otherwise (qf deliver);
 *  - firms reached: distinct firms of those pairs;
 *  - for each policy in force at the period's end that says whom it is
 *    for (eligible): the firms of the register at the end it fits,
 *    those of them reached by then, and the rest, not reached; their sum
 *    over the policies is the eligible pairs not reached.
 * Nothing is written, and JSON and CSV gain nothing, when no policy
 * issued by the period's end says whom it is for and nothing was handed over at an event or by a
 * delivery: a bulletin of a store that keeps none of these records (its
 * visits may list policies, as they always could) is as it was. */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "qf/eligible.h"
#include "qf/firms.h"
#include "qf/json.h"
#include "qf/text.h"
#include "report_impl.h"

struct policy_row {
	char *id, *title;
	long fit, reached;
};

struct qf_policy_figures {
	/* [0] the period, [1] since the campaign start */
	long pairs[2], by_via[2][3], firms[2];
	struct policy_row *rows;
	size_t nrows, cap;
	long not_reached;
};

struct collect {
	struct qf_month_figures *f;
	struct qf_policy_figures *p;
	const struct qf_firms *firms;
	const struct qf_handovers *h;
	const unsigned char *in_register;
	int any_eligible;
};

static int on_policy(const struct qf_doc *doc, const char *file, void *ud,
		     struct qf_error *err)
{
	struct collect *c = ud;
	const struct qf_node *r = doc->root;
	const char *id = qf_node_get_str(r, "id");
	const char *title = qf_node_get_str(r, "title");
	struct policy_row *row;
	enum qf_fit fit;

	if (qf_node_get(r, "eligible") && qf_policy_check_eligible(r, file, err))
		return QF_EDATA;  /* not a silent "fits every firm" or "none" */
	if (!id || !qf_policy_has_eligible(r))
		return 0;
	fit = qf_policy_in_force(r, &c->f->end);
	if (fit == QF_FIT_NOT_ISSUED)
		return 0;      /* a later policy does not change this bulletin */
	c->any_eligible = 1;
	if (fit != QF_FITS)
		return 0;
	if (c->p->nrows == c->p->cap) {
		size_t cap = c->p->cap ? 2 * c->p->cap : 8;
		struct policy_row *v = realloc(c->p->rows, cap * sizeof *v);
		if (!v)
			return qf_error_oom(err);
		c->p->rows = v;
		c->p->cap = cap;
	}
	row = &c->p->rows[c->p->nrows];
	memset(row, 0, sizeof *row);
	if (!(row->id = strdup(id)) || !(row->title = strdup(title ? title : ""))) {
		free(row->id);
		return qf_error_oom(err);
	}
	c->p->nrows++;
	for (size_t i = 0; i < c->firms->n; i++) {
		const struct qf_firm *firm = &c->firms->v[i];
		if (!c->in_register[i] ||
		    qf_policy_fits(r, firm, NULL) != QF_FITS)
			continue;
		row->fit++;
		if (qf_handovers_find(c->h, id, firm->id))
			row->reached++;
	}
	c->p->not_reached += row->fit - row->reached;
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Distinct firms of the pairs (of the period only when start). */
static int count_firms(const struct qf_handovers *h,
		       const struct qf_date *start, long *n)
{
	const char **v = malloc((h->n + 1) * sizeof *v);
	size_t k = 0;

	if (!v)
		return -1;
	for (size_t i = 0; i < h->n; i++)
		if (!start || qf_date_cmp(&h->v[i].date, start) >= 0)
			v[k++] = h->v[i].firm;
	qsort(v, k, sizeof *v, cmp_str);
	*n = 0;
	for (size_t i = 0; i < k; i++)
		if (!i || strcmp(v[i], v[i - 1]))
			++*n;
	free(v);
	return 0;
}

int qf_report_policy_collect(struct qf_store *s, struct qf_month_figures *f,
			     struct qf_error *err)
{
	struct qf_policy_figures *p;
	struct qf_handovers h;
	struct qf_firms firms;
	unsigned char *reg = NULL;
	struct collect c;
	int rc;

	memset(&firms, 0, sizeof firms);
	if (!(p = calloc(1, sizeof *p)))
		return qf_error_oom(err);
	f->policies = p;
	if ((rc = qf_handovers_load(s, NULL, &f->campaign_start, &f->end, &h,
				    err)))
		goto out;
	for (size_t i = 0; i < h.n; i++) {
		int in = qf_date_cmp(&h.v[i].date, &f->start) >= 0;
		p->pairs[1]++;
		p->by_via[1][h.v[i].via]++;
		if (in) {
			p->pairs[0]++;
			p->by_via[0][h.v[i].via]++;
		}
	}
	if (count_firms(&h, &f->start, &p->firms[0]) ||
	    count_firms(&h, NULL, &p->firms[1])) {
		rc = qf_error_oom(err);
		goto out;
	}
	if ((rc = qf_firms_load(s, &firms, QF_FIRMS_NAMES, err)))
		goto out;
	/* The register at the end: firms whose `since` is not after it, and
	 * those reached by then whatever their `since` (as for visits). */
	if (!(reg = calloc(firms.n + 1, 1))) {
		rc = qf_error_oom(err);
		goto out;
	}
	for (size_t i = 0; i < firms.n; i++) {
		struct qf_date since;
		reg[i] = !firms.v[i].since ||
			 qf_date_parse(firms.v[i].since, &since) ||
			 qf_date_cmp(&since, &f->end) <= 0;
	}
	for (size_t i = 0; i < h.n; i++) {
		long k = qf_firms_index(&firms, h.v[i].firm);
		if (k >= 0)
			reg[k] = 1;
	}
	memset(&c, 0, sizeof c);
	c.f = f;
	c.p = p;
	c.firms = &firms;
	c.h = &h;
	c.in_register = reg;
	rc = qf_store_each(s, QF_POLICY, on_policy, &c, err);
	if (!rc && !c.any_eligible && !h.raw[QF_HANDED_EVENT] &&
	    !h.raw[QF_HANDED_DELIVERED]) {
		/* Nothing of this section's in the store: no section. */
		qf_report_policy_release(f);
	}
out:
	free(reg);
	qf_firms_release(&firms);
	qf_handovers_release(&h);
	return rc;
}

void qf_report_policy_release(struct qf_month_figures *f)
{
	struct qf_policy_figures *p = f->policies;

	if (!p)
		return;
	for (size_t i = 0; i < p->nrows; i++) {
		free(p->rows[i].id);
		free(p->rows[i].title);
	}
	free(p->rows);
	free(p);
	f->policies = NULL;
}

static const char *num(long v, char *buf, size_t n)
{
	snprintf(buf, n, "%ld", v);
	return buf;
}

void qf_report_policy_render(struct qf_page *d, const struct qf_month_figures *f,
			     const struct words *w)
{
	const struct qf_policy_figures *p = f->policies;
	struct qf_page_table tb;
	char head[128], cs[16], a[24], b[24], c[24], e[24];

	(void)w;
	if (!p)
		return;
	qf_page_heading(d, _("6. Policies to firms"));
	qf_date_format(&f->campaign_start, cs, sizeof cs);
	snprintf(head, sizeof head, _("Cumulative (since %s)"), cs);
	qf_page_table_init(&tb, 3, "011");
	ROW(&tb, _("Figure"), f->week ? _("Week") : _("Month"), head);
	ROW(&tb, _("Policies handed to firms (firm × policy)"),
	    num(p->pairs[0], a, sizeof a), num(p->pairs[1], b, sizeof b));
	ROW(&tb, _("  on visits"), num(p->by_via[0][QF_HANDED_VISIT], a, sizeof a),
	    num(p->by_via[1][QF_HANDED_VISIT], b, sizeof b));
	ROW(&tb, _("  at events"), num(p->by_via[0][QF_HANDED_EVENT], a, sizeof a),
	    num(p->by_via[1][QF_HANDED_EVENT], b, sizeof b));
	ROW(&tb, _("  delivered otherwise"),
	    num(p->by_via[0][QF_HANDED_DELIVERED], a, sizeof a),
	    num(p->by_via[1][QF_HANDED_DELIVERED], b, sizeof b));
	ROW(&tb, _("Firms reached"), num(p->firms[0], a, sizeof a),
	    num(p->firms[1], b, sizeof b));
	qf_page_table(d, &tb);
	if (!p->nrows) {
		qf_page_para(d, _("No policy in force says whom it is for."));
		return;
	}
	qf_page_table_init(&tb, 6, "001111");
	ROW(&tb, _("Policy"), _("Title"), _("Firms it fits"), _("Reached"),
	    _("Not reached"), _("Share reached"));
	for (size_t i = 0; i < p->nrows; i++) {
		const struct policy_row *r = &p->rows[i];
		ROW(&tb, r->id, r->title, num(r->fit, a, sizeof a),
		    num(r->reached, b, sizeof b),
		    num(r->fit - r->reached, c, sizeof c),
		    qf_rate(r->reached, r->fit, e, sizeof e));
	}
	qf_page_table(d, &tb);
	{
		struct qf_buf t = QF_BUF_INIT;
		qf_buf_printf(&t, P_("Eligible firms not yet reached: %ld firm × policy pair in all.",
				     "Eligible firms not yet reached: %ld firm × policy pairs in all.",
				     (unsigned long)p->not_reached),
			      p->not_reached);
		qf_page_para(d, t.s ? t.s : "");
		if (t.oom)
			d->out->oom = 1;
		qf_buf_release(&t);
	}
}

static void json_period(struct qf_buf *o, const char *name,
			const struct qf_policy_figures *p, int k)
{
	qf_buf_printf(o, "\"%s\": {\"pairs\": %ld, \"on_visits\": %ld, \"at_events\": %ld, \"delivered\": %ld, \"firms_reached\": %ld}",
		      name, p->pairs[k], p->by_via[k][QF_HANDED_VISIT],
		      p->by_via[k][QF_HANDED_EVENT],
		      p->by_via[k][QF_HANDED_DELIVERED], p->firms[k]);
}

void qf_report_policy_json(struct qf_buf *o, const struct qf_month_figures *f)
{
	const struct qf_policy_figures *p = f->policies;

	if (!p)
		return;
	qf_buf_puts(o, ",\n  \"policies\": {");
	json_period(o, f->week ? "in_week" : "in_month", p, 0);
	qf_buf_puts(o, ", ");
	json_period(o, "cumulative", p, 1);
	qf_buf_puts(o, ",\n    \"by_policy\": [");
	for (size_t i = 0; i < p->nrows; i++) {
		const struct policy_row *r = &p->rows[i];
		qf_buf_printf(o, "%s\n      {\"id\": ", i ? "," : "");
		qf_json_string(o, r->id);
		qf_buf_puts(o, ", \"title\": ");
		qf_json_string(o, r->title);
		qf_buf_printf(o, ", \"eligible\": %ld, \"reached\": %ld, \"not_reached\": %ld}",
			      r->fit, r->reached, r->fit - r->reached);
	}
	qf_buf_printf(o, "%s],\n    \"not_reached\": %ld}",
		      p->nrows ? "\n    " : "", p->not_reached);
}

static void csv_row(struct qf_buf *o, const char *fig, long month,
		    long total, int has_month)
{
	qf_buf_puts(o, "policy,");
	qf_csv_cell(o, fig, 1);
	if (has_month)
		qf_buf_printf(o, ",%ld,%ld\r\n", month, total);
	else
		qf_buf_printf(o, ",,%ld\r\n", total);
}

void qf_report_policy_csv(struct qf_buf *o, const struct qf_month_figures *f)
{
	const struct qf_policy_figures *p = f->policies;
	char fig[64];

	if (!p)
		return;
	csv_row(o, "pairs", p->pairs[0], p->pairs[1], 1);
	csv_row(o, "on_visits", p->by_via[0][QF_HANDED_VISIT],
		p->by_via[1][QF_HANDED_VISIT], 1);
	csv_row(o, "at_events", p->by_via[0][QF_HANDED_EVENT],
		p->by_via[1][QF_HANDED_EVENT], 1);
	csv_row(o, "delivered", p->by_via[0][QF_HANDED_DELIVERED],
		p->by_via[1][QF_HANDED_DELIVERED], 1);
	csv_row(o, "firms_reached", p->firms[0], p->firms[1], 1);
	for (size_t i = 0; i < p->nrows; i++) {
		const struct policy_row *r = &p->rows[i];
		snprintf(fig, sizeof fig, "%s/eligible", r->id);
		csv_row(o, fig, 0, r->fit, 0);
		snprintf(fig, sizeof fig, "%s/reached", r->id);
		csv_row(o, fig, 0, r->reached, 0);
		snprintf(fig, sizeof fig, "%s/not_reached", r->id);
		csv_row(o, fig, 0, r->fit - r->reached, 0);
	}
	csv_row(o, "not_reached", 0, p->not_reached, 0);
}
