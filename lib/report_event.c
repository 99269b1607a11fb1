/* report_event.c - the bulletin's section on campaign events (活动): the
 * period's events and their outcomes, and the totals by kind for the
 * period and since the campaign start.
 *
 * Definitions (also in qf-monthly-report(1)):
 *  - an event counts in the period of its date; events dated before the
 *    campaign start or after the period's end are ignored;
 *  - firm participations: the firms each event lists, added up (a firm
 *    at two events counts twice);
 *  - demands raised: the demands each event lists;
 *  - outcomes: each figure of the events' outcomes, added up.
 * A store with no event in the campaign up to the period's end gets no
 * section at all, and its JSON and CSV are as they were before events. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "qf/event.h"
#include "qf/firms.h"
#include "qf/json.h"
#include "qf/text.h"
#include "qf/vocab.h"
#include "report_impl.h"

#define NKINDS 6             /* the kinds of QF_V_EVENT_KIND, in its order */
#define ALL NKINDS           /* the sums over every kind */
#define FIRMS_SHOWN 3        /* names in an event's row, then "and N more" */

struct ev_sum {
	long events, firms, demands;
	long long out[QF_NOUTCOMES];
};

struct ev_row {
	char *id, *kind, *title;
	struct qf_date date;
	struct qf_strv firms;        /* their names (IDs when unknown) */
	long demands;
	int has[QF_NOUTCOMES];
	long long out[QF_NOUTCOMES];
};

struct qf_event_figures {
	struct ev_row *rows;         /* the period's, by date then ID */
	size_t n, cap;
	struct ev_sum period[NKINDS + 1], total[NKINDS + 1];
};

static int kind_index(const char *kind)
{
	const struct qf_term *t = qf_vocab_terms(QF_V_EVENT_KIND);

	for (int i = 0; t[i].token && i < NKINDS; i++)
		if (kind && !strcmp(t[i].token, kind))
			return i;
	return -1;
}

static long count(const struct qf_node *seq)
{
	return seq && seq->kind == QF_NODE_SEQ ? (long)seq->n : 0;
}

static void add_to(struct ev_sum *s, const struct qf_node *rec,
		   const long long *out)
{
	s->events++;
	s->firms += count(qf_node_get(rec, "firms"));
	s->demands += count(qf_node_get(rec, "demands"));
	for (int o = 0; o < QF_NOUTCOMES; o++)
		s->out[o] += out[o];
}

struct collect {
	struct qf_month_figures *f;
	struct qf_event_figures *e;
	int any;                     /* an event in the campaign to the end */
};

static int row_add(struct qf_event_figures *e, const struct qf_node *rec,
		   const struct qf_date *d, const int *has, const long long *out)
{
	const struct qf_node *fs = qf_node_get(rec, "firms");
	const char *id = qf_node_get_str(rec, "id");
	const char *title = qf_node_get_str(rec, "title");
	struct ev_row *r;

	if (e->n == e->cap) {
		size_t cap = e->cap ? e->cap * 2 : 16;
		struct ev_row *v = realloc(e->rows, cap * sizeof *v);
		if (!v)
			return -1;
		e->rows = v;
		e->cap = cap;
	}
	r = &e->rows[e->n++];
	memset(r, 0, sizeof *r);
	r->date = *d;
	r->id = strdup(id ? id : "");
	r->kind = strdup(qf_node_get_str(rec, "kind"));
	r->title = strdup(title ? title : "");
	r->demands = count(qf_node_get(rec, "demands"));
	memcpy(r->has, has, sizeof r->has);
	memcpy(r->out, out, sizeof r->out);
	if (!r->id || !r->kind || !r->title)
		return -1;
	/* The IDs for now; names once the register is read. */
	for (size_t i = 0; fs && fs->kind == QF_NODE_SEQ && i < fs->n; i++)
		if (fs->items[i]->kind == QF_NODE_SCALAR && fs->items[i]->str &&
		    qf_strv_push(&r->firms, fs->items[i]->str))
			return -1;
	return 0;
}

static int on_event(const struct qf_doc *doc, const char *file, void *ud,
		    struct qf_error *err)
{
	struct collect *c = ud;
	struct qf_month_figures *f = c->f;
	const struct qf_node *rec = doc->root;
	const char *ds = qf_node_get_str(rec, "date");
	long long out[QF_NOUTCOMES];
	int has[QF_NOUTCOMES], k = kind_index(qf_node_get_str(rec, "kind"));
	struct qf_date d;

	(void)file;
	/* A record qf check refuses (no date, an unknown kind) counts for
	 * nothing. */
	if (!ds || qf_date_parse(ds, &d) || k < 0 ||
	    qf_date_cmp(&d, &f->campaign_start) < 0 ||
	    qf_date_cmp(&d, &f->end) > 0)
		return 0;
	for (int o = 0; o < QF_NOUTCOMES; o++) {
		has[o] = qf_event_outcome(rec, (enum qf_outcome)o, &out[o]);
		if (!has[o] || out[o] > QF_AMOUNT_MAX)
			out[o] = 0;
	}
	c->any = 1;
	add_to(&c->e->total[k], rec, out);
	add_to(&c->e->total[ALL], rec, out);
	if (qf_date_cmp(&d, &f->start) < 0)
		return 0;
	add_to(&c->e->period[k], rec, out);
	add_to(&c->e->period[ALL], rec, out);
	return row_add(c->e, rec, &d, has, out) ? qf_error_oom(err) : 0;
}

static int cmp_row(const void *a, const void *b)
{
	const struct ev_row *x = a, *y = b;
	int r = qf_date_cmp(&x->date, &y->date);

	return r ? r : strcmp(x->id, y->id);
}

/* The names of the firms of the rows, from the register. */
static int name_firms(struct qf_store *s, struct qf_event_figures *e,
		      struct qf_error *err)
{
	struct qf_firms reg;
	int rc, need = 0;

	for (size_t i = 0; i < e->n; i++)
		need |= e->rows[i].firms.n > 0;
	if (!need)
		return QF_OK;
	if ((rc = qf_firms_load(s, &reg, QF_FIRMS_NAMES, err)))
		return rc;
	for (size_t i = 0; i < e->n && !rc; i++) {
		struct qf_strv *l = &e->rows[i].firms;
		for (size_t k = 0; k < l->n && !rc; k++) {
			const char *name = qf_firms_name(&reg, l->v[k]);
			char *copy = name ? strdup(name) : NULL;
			if (!copy) {
				rc = qf_error_oom(err);
				break;
			}
			free(l->v[k]);
			l->v[k] = copy;
		}
	}
	qf_firms_release(&reg);
	return rc;
}

int qf_report_event_collect(struct qf_store *s, struct qf_month_figures *f,
			    struct qf_error *err)
{
	struct collect c;
	int rc;

	if (!(c.e = calloc(1, sizeof *c.e)))
		return qf_error_oom(err);
	c.f = f;
	c.any = 0;
	f->events = c.e;
	if ((rc = qf_store_each(s, QF_EVENT, on_event, &c, err)))
		return rc;
	if (!c.any) {
		/* No events: no section. */
		qf_report_event_release(f);
		return QF_OK;
	}
	if (c.e->n > 1)
		qsort(c.e->rows, c.e->n, sizeof *c.e->rows, cmp_row);
	return name_firms(s, c.e, err);
}

void qf_report_event_release(struct qf_month_figures *f)
{
	struct qf_event_figures *e = f->events;

	if (!e)
		return;
	for (size_t i = 0; i < e->n; i++) {
		free(e->rows[i].id);
		free(e->rows[i].kind);
		free(e->rows[i].title);
		qf_strv_release(&e->rows[i].firms);
	}
	free(e->rows);
	free(e);
	f->events = NULL;
}

/* ---- for people ----------------------------------------------------- */

static const char *num(long long v, char *buf, size_t n)
{
	snprintf(buf, n, "%lld", v);
	return buf;
}

/* The figure of outcome o as a bulletin words it: money as 万元/亿元. */
static const char *outcome_value(enum qf_outcome o, long long v,
				 const struct words *w, char *buf, size_t n)
{
	if (o == QF_OUT_FINANCING_INTENDED || o == QF_OUT_FINANCING_SIGNED)
		return qf_report_money(v, w, buf, n);
	return num(v, buf, n);
}

static const char *outcome_label(enum qf_outcome o)
{
	switch (o) {
	case QF_OUT_FINANCING_INTENDED: return _("Financing intended");
	case QF_OUT_FINANCING_SIGNED: return _("Financing signed");
	case QF_OUT_POSITIONS: return _("Jobs offered");
	case QF_OUT_ATTENDEES: return _("People attending");
	case QF_OUT_HIRES: return _("Hires agreed");
	case QF_OUT_CONTRACTS: return _("Contracts signed");
	case QF_OUT_BOOKLETS: return _("Policy booklets handed out");
	default: return "";
	}
}

/* An event's firms: the first few names, then how many more. */
static void firms_cell(struct qf_buf *b, const struct ev_row *r,
		       const struct words *w)
{
	size_t shown = r->firms.n > FIRMS_SHOWN + 1 ? FIRMS_SHOWN : r->firms.n;

	for (size_t i = 0; i < shown; i++)
		qf_buf_printf(b, "%s%s", i ? w->list_sep : "", r->firms.v[i]);
	if (shown < r->firms.n)
		qf_buf_printf(b, P_(" and %zu more", " and %zu more",
				    r->firms.n - shown), r->firms.n - shown);
}

/* An event's outcomes in one cell: "Hires agreed 365, ...". */
static void outcomes_cell(struct qf_buf *b, const struct ev_row *r,
			  const struct words *w)
{
	int k = 0;

	for (int o = 0; o < QF_NOUTCOMES; o++) {
		char v[64];
		if (!r->has[o])
			continue;
		/* TRANSLATORS: an outcome of an event and its figure
		 * ("Hires agreed 365"). */
		qf_buf_printf(b, "%s", k++ ? w->list_sep : "");
		qf_buf_printf(b, _("%s %s"), outcome_label((enum qf_outcome)o),
			      outcome_value((enum qf_outcome)o, r->out[o], w, v,
					    sizeof v));
	}
	if (r->demands) {
		qf_buf_printf(b, "%s", k++ ? w->list_sep : "");
		qf_buf_printf(b, P_("%ld demand raised", "%ld demands raised",
				    r->demands), r->demands);
	}
}

static void event_list(struct qf_page *d, const struct qf_month_figures *f,
		       const struct words *w, const char *lang)
{
	const struct qf_event_figures *e = f->events;
	struct qf_buf firms = QF_BUF_INIT, outs = QF_BUF_INIT;
	struct qf_page_table tb;

	if (!e->n) {
		qf_page_para(d, f->week ? _("No event this week.") :
			    _("No event this month."));
		return;
	}
	qf_page_table_init(&tb, 5, "00000");
	ROW(&tb, _("Date"), _("Kind"), _("Event"), _("Firms taking part"),
	    _("Outcomes"));
	for (size_t i = 0; i < e->n; i++) {
		const struct ev_row *r = &e->rows[i];
		char date[16];
		qf_buf_clear(&firms);
		qf_buf_clear(&outs);
		firms_cell(&firms, r, w);
		outcomes_cell(&outs, r, w);
		ROW(&tb, qf_date_format(&r->date, date, sizeof date),
		    qf_vocab_name(QF_V_EVENT_KIND, r->kind, lang), r->title,
		    firms.s ? firms.s : "", outs.s ? outs.s : "");
	}
	qf_page_table(d, &tb);
	if (firms.oom || outs.oom)
		d->out->oom = 1;
	qf_buf_release(&firms);
	qf_buf_release(&outs);
}

static void by_kind(struct qf_page *d, const struct qf_month_figures *f,
		    const char *lang)
{
	const struct qf_event_figures *e = f->events;
	const struct qf_term *terms = qf_vocab_terms(QF_V_EVENT_KIND);
	struct qf_page_table tb;
	char c[6][32];

	qf_page_table_init(&tb, 7, "0111111");
	ROW(&tb, _("Kind"), f->week ? _("Events this week") : _("Events this month"),
	    _("Events, cumulative"), f->week ? _("Firms this week") :
	    _("Firms this month"), _("Firms, cumulative"),
	    f->week ? _("Demands this week") : _("Demands this month"),
	    _("Demands, cumulative"));
	for (int k = 0; k <= NKINDS; k++) {
		const struct ev_sum *p = &e->period[k], *t = &e->total[k];
		if (k < NKINDS && !t->events)
			continue;
		ROW(&tb, k < NKINDS ? qf_vocab_name(QF_V_EVENT_KIND, terms[k].token, lang) :
			 _("all"),
		    num(p->events, c[0], sizeof c[0]), num(t->events, c[1], sizeof c[1]),
		    num(p->firms, c[2], sizeof c[2]), num(t->firms, c[3], sizeof c[3]),
		    num(p->demands, c[4], sizeof c[4]), num(t->demands, c[5], sizeof c[5]));
	}
	qf_page_table(d, &tb);
}

static void outcomes(struct qf_page *d, const struct qf_month_figures *f,
		     const struct words *w, const char *lang)
{
	const struct qf_event_figures *e = f->events;
	const struct qf_term *terms = qf_vocab_terms(QF_V_EVENT_KIND);
	struct qf_page_table tb;
	int any = 0;

	for (int k = 0; k < NKINDS; k++)
		for (int o = 0; o < QF_NOUTCOMES; o++)
			any |= e->total[k].out[o] != 0;
	if (!any)
		return;
	qf_page_table_init(&tb, 4, "0011");
	ROW(&tb, _("Outcome"), _("Kind"), f->week ? _("Week") : _("Month"),
	    _("Cumulative"));
	for (int o = 0; o < QF_NOUTCOMES; o++)
		for (int k = 0; k < NKINDS; k++) {
			char a[64], b[64];
			if (!e->total[k].out[o])
				continue;
			ROW(&tb, outcome_label((enum qf_outcome)o),
			    qf_vocab_name(QF_V_EVENT_KIND, terms[k].token, lang),
			    outcome_value((enum qf_outcome)o, e->period[k].out[o],
					  w, a, sizeof a),
			    outcome_value((enum qf_outcome)o, e->total[k].out[o],
					  w, b, sizeof b));
		}
	qf_page_table(d, &tb);
}

void qf_report_event_render(struct qf_page *d, const struct qf_month_figures *f,
			    const struct words *w)
{
	const char *lang = w->zh ? "zh" : "en";

	if (!f->events)
		return;
	qf_page_heading(d, _("8. Events"));
	event_list(d, f, w, lang);
	by_kind(d, f, lang);
	outcomes(d, f, w, lang);
}

/* ---- for programs --------------------------------------------------- */

static void json_sum(struct qf_buf *o, const struct ev_sum *s)
{
	qf_buf_printf(o, "{\"events\": %ld, \"firms\": %ld, \"demands\": %ld",
		      s->events, s->firms, s->demands);
	for (int k = 0; k < QF_NOUTCOMES; k++)
		qf_buf_printf(o, ", \"%s%s\": %lld", qf_outcome_name((enum qf_outcome)k),
			      k <= QF_OUT_FINANCING_SIGNED ? "_yuan" : "", s->out[k]);
	qf_buf_puts(o, "}");
}

static void json_sums(struct qf_buf *o, const char *name,
		      const struct ev_sum *s)
{
	const struct qf_term *terms = qf_vocab_terms(QF_V_EVENT_KIND);

	qf_buf_printf(o, "    \"%s\": {\n      \"all\": ", name);
	json_sum(o, &s[ALL]);
	for (int k = 0; k < NKINDS; k++) {
		qf_buf_printf(o, ",\n      \"%s\": ", terms[k].token);
		json_sum(o, &s[k]);
	}
	qf_buf_puts(o, "\n    }");
}

void qf_report_event_json(struct qf_buf *o, const struct qf_month_figures *f)
{
	const struct qf_event_figures *e = f->events;

	if (!e)
		return;
	qf_buf_puts(o, ",\n  \"events\": {\n");
	json_sums(o, f->week ? "in_week" : "in_month", e->period);
	qf_buf_puts(o, ",\n");
	json_sums(o, "cumulative", e->total);
	qf_buf_puts(o, ",\n    \"list\": [");
	for (size_t i = 0; i < e->n; i++) {
		const struct ev_row *r = &e->rows[i];
		char date[16];
		int k = 0;
		qf_buf_printf(o, "%s\n      {\"id\": ", i ? "," : "");
		qf_json_string(o, r->id);
		qf_buf_printf(o, ", \"date\": \"%s\", \"kind\": ",
			      qf_date_format(&r->date, date, sizeof date));
		qf_json_string(o, r->kind);
		qf_buf_puts(o, ", \"title\": ");
		qf_json_string(o, r->title);
		qf_buf_puts(o, ", \"firms\": [");
		for (size_t j = 0; j < r->firms.n; j++) {
			qf_buf_puts(o, j ? ", " : "");
			qf_json_string(o, r->firms.v[j]);
		}
		qf_buf_printf(o, "], \"demands\": %ld, \"outcomes\": {", r->demands);
		for (int m = 0; m < QF_NOUTCOMES; m++)
			if (r->has[m])
				qf_buf_printf(o, "%s\"%s%s\": %lld", k++ ? ", " : "",
					      qf_outcome_name((enum qf_outcome)m),
					      m <= QF_OUT_FINANCING_SIGNED ? "_yuan" : "",
					      r->out[m]);
		qf_buf_puts(o, "}}");
	}
	qf_buf_printf(o, "%s]\n  }", e->n ? "\n    " : "");
}

static void csv_row(struct qf_buf *o, const char *fig, long long month,
		    long long total)
{
	qf_csv_cell(o, "event", 1);
	qf_buf_putc(o, ',');
	qf_csv_cell(o, fig, 1);
	qf_buf_printf(o, ",%lld,%lld\r\n", month, total);
}

static void csv_sum(struct qf_buf *o, const char *prefix,
		    const struct ev_sum *p, const struct ev_sum *t)
{
	char fig[64];

	snprintf(fig, sizeof fig, "%sevents", prefix);
	csv_row(o, fig, p->events, t->events);
	snprintf(fig, sizeof fig, "%sfirms", prefix);
	csv_row(o, fig, p->firms, t->firms);
	snprintf(fig, sizeof fig, "%sdemands", prefix);
	csv_row(o, fig, p->demands, t->demands);
	for (int k = 0; k < QF_NOUTCOMES; k++) {
		snprintf(fig, sizeof fig, "%s%s%s", prefix,
			 qf_outcome_name((enum qf_outcome)k),
			 k <= QF_OUT_FINANCING_SIGNED ? "_yuan" : "");
		csv_row(o, fig, p->out[k], t->out[k]);
	}
}

void qf_report_event_csv(struct qf_buf *o, const struct qf_month_figures *f)
{
	const struct qf_event_figures *e = f->events;
	const struct qf_term *terms = qf_vocab_terms(QF_V_EVENT_KIND);

	if (!e)
		return;
	csv_sum(o, "", &e->period[ALL], &e->total[ALL]);
	for (int k = 0; k < NKINDS; k++) {
		char prefix[32];
		if (!e->total[k].events)
			continue;
		snprintf(prefix, sizeof prefix, "%s/", terms[k].token);
		csv_sum(o, prefix, &e->period[k], &e->total[k]);
	}
}
