/* export.c - tables of records for programs: CSV, TSV, JSON (see
 * qf/export.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "qf/export.h"
#include "qf/json.h"
#include "qf/text.h"

static const char *const table_names[QF_EXPORT_NTABLES] = {
	"firms", "policies", "visits", "demands", "log", "applications",
	"events"
};
static const enum qf_type table_types[QF_EXPORT_NTABLES] = {
	QF_FIRM, QF_POLICY, QF_VISIT, QF_DEMAND, QF_DEMAND, QF_APPLICATION,
	QF_EVENT
};

const char *qf_export_table_name(enum qf_export_table t)
{
	return t < QF_EXPORT_NTABLES ? table_names[t] : "";
}

int qf_export_table_parse(const char *s)
{
	for (int i = 0; i < QF_EXPORT_NTABLES; i++)
		if (!strcmp(s, table_names[i]))
			return i;
	return -1;
}

int qf_export_format_parse(const char *s)
{
	static const char *const names[] = { "csv", "tsv", "json", "xlsx",
					     "sql" };

	for (int i = 0; i < 5; i++)
		if (!strcmp(s, names[i]))
			return i;
	return -1;
}

const struct qf_column *qf_export_columns(enum qf_export_table t, size_t *n)
{
	if (t == QF_EXPORT_LOG)
		return qf_columns_log(n);
	if (t >= QF_EXPORT_NTABLES) {
		*n = 0;
		return NULL;
	}
	return qf_columns(table_types[t], n);
}

int qf_export_table_present(struct qf_store *s, enum qf_export_table t,
			    struct qf_error *err)
{
	char **paths;
	size_t n;
	int rc;

	if (t != QF_EXPORT_EVENTS)
		return 1;
	if ((rc = qf_store_files(s, QF_EVENT, &paths, &n, err)))
		return -rc;
	qf_store_free_paths(paths, n);
	return n > 0;
}

void qf_export_filter_init(struct qf_export_filter *f)
{
	memset(f, 0, sizeof *f);
	qf_demand_filter_init(&f->demand, NULL);
}

static int visit_filter_empty(const struct qf_visit_filter *f)
{
	return !f->firm && !f->visitor && !f->kind && !f->has_from &&
	       !f->has_to;
}

static int demand_filter_empty(const struct qf_demand_filter *f)
{
	return !f->firm && !f->dept && !f->codept && !f->owner &&
	       !f->category && !f->kind && !f->level && !f->status &&
	       !f->leader && !f->grep && !f->open_only && !f->overdue &&
	       f->within < 0 && !f->has_before && !f->has_after &&
	       !f->has_from && !f->has_to;
}

/* Has every tag of tags (NULL: no condition). */
static int has_tags(const struct qf_node *rec, const struct qf_strv *tags)
{
	const struct qf_node *seq = qf_node_get(rec, "tags");

	for (size_t i = 0; tags && i < tags->n; i++) {
		size_t j = 0;
		while (seq && seq->kind == QF_NODE_SEQ && j < seq->n &&
		       !(seq->items[j]->kind == QF_NODE_SCALAR &&
			 !strcmp(seq->items[j]->str, tags->v[i])))
			j++;
		if (!seq || seq->kind != QF_NODE_SEQ || j == seq->n)
			return 0;
	}
	return 1;
}

struct each {
	enum qf_export_table t;
	const struct qf_export_filter *f;
	qf_export_row_fn fn;
	void *ud;
	struct qf_buf tags;
};

static int log_rows(struct each *c, const struct qf_node *r,
		    struct qf_error *err)
{
	const struct qf_node *log = qf_node_get(r, "log");
	const char *id = qf_node_get_str(r, "id");
	const struct qf_export_filter *f = c->f;
	int rc;

	if (!log || log->kind != QF_NODE_SEQ)
		return 0;
	for (size_t i = 0; i < log->n; i++) {
		const struct qf_node *e = log->items[i];
		struct qf_date d;
		if (e->kind != QF_NODE_MAP)
			continue;
		if ((f->has_log_from || f->has_log_to) &&
		    (!qf_node_get_str(e, "date") ||
		     qf_date_parse(qf_node_get_str(e, "date"), &d) ||
		     (f->has_log_from && qf_date_cmp(&d, &f->log_from) < 0) ||
		     (f->has_log_to && qf_date_cmp(&d, &f->log_to) > 0)))
			continue;
		if ((rc = c->fn(e, id ? id : "", c->ud, err)))
			return rc;
	}
	return 0;
}

static int on_record(const struct qf_doc *doc, const char *file, void *ud,
		     struct qf_error *err)
{
	struct each *c = ud;
	const struct qf_export_filter *f = c->f;
	const struct qf_node *r = doc->root;
	int m;

	(void)file;
	if (!r || r->kind != QF_NODE_MAP)
		return 0;
	switch (c->t) {
	case QF_EXPORT_FIRMS:
		if ((m = qf_firm_filter_match_rec(&f->firm, r, &c->tags)) < 0)
			return qf_error_oom(err);
		if (!m)
			return 0;
		break;
	case QF_EXPORT_POLICIES:
		if (!has_tags(r, f->policy_tags))
			return 0;
		break;
	case QF_EXPORT_VISITS:
		if (!visit_filter_empty(&f->visit) &&
		    !qf_visit_filter_match(&f->visit, r))
			return 0;
		break;
	case QF_EXPORT_DEMANDS:
	case QF_EXPORT_LOG:
		if (!demand_filter_empty(&f->demand)) {
			const struct qf_firm *fr = f->firms ?
				qf_firms_get(f->firms, qf_node_get_str(r, "firm")) :
				NULL;
			if (!qf_demand_filter_match(&f->demand, r,
						    fr ? fr->leader : NULL, NULL))
				return 0;
		}
		if (c->t == QF_EXPORT_LOG)
			return log_rows(c, r, err);
		break;
	case QF_EXPORT_APPLICATIONS:
		break;             /* no filter: qf list-applications has them */
	case QF_EXPORT_EVENTS:
		if (!qf_event_filter_match(&f->event, r))
			return 0;
		break;
	default:
		return 0;
	}
	return c->fn(r, NULL, c->ud, err);
}

int qf_export_each(struct qf_store *s, enum qf_export_table t,
		   const struct qf_export_filter *f, qf_export_row_fn fn,
		   void *ud, struct qf_error *err)
{
	struct each c;
	const char *firm = NULL;
	int rc;

	if (t >= QF_EXPORT_NTABLES)
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				    _("no such table"));
	memset(&c, 0, sizeof c);
	c.t = t;
	c.f = f;
	c.fn = fn;
	c.ud = ud;
	/* One firm's: only the records that hold its ID can be. */
	if (t == QF_EXPORT_VISITS)
		firm = f->visit.firm;
	else if (t == QF_EXPORT_DEMANDS || t == QF_EXPORT_LOG)
		firm = f->demand.firm;
	else if (t == QF_EXPORT_EVENTS)
		firm = f->event.firm;
	rc = firm ? qf_store_each_naming(s, table_types[t], NULL, firm,
					 on_record, &c, err) :
		    qf_store_each(s, table_types[t], on_record, &c, err);
	qf_buf_release(&c.tags);
	return rc;
}

int qf_export_cell(const struct qf_column *c, const struct qf_node *rec,
		   const char *demand, int zh, struct qf_buf *out)
{
	const struct qf_node *v;

	if (demand && !strcmp(c->field, "demand"))
		return qf_buf_puts(out, demand);
	v = qf_column_node(c, rec);
	if (!v || (v->kind == QF_NODE_SCALAR && v->stype == QF_STYPE_NULL))
		return qf_buf_puts(out, "");
	return qf_column_text(c, rec, zh, out);
}

/* ---- writing -------------------------------------------------------- */

struct writer {
	const struct qf_export_opts *o;
	enum qf_export_table t;
	const struct qf_column *cols;
	size_t ncols, rows;
	size_t base;       /* rows of the tables before (progress) */
	FILE *out;
	struct qf_buf line, cell;
	int level;         /* JSON: the records' level */
};

static int flush_line(struct writer *w, struct qf_error *err)
{
	if (w->line.oom || w->cell.oom)
		return qf_error_oom(err);
	if (w->line.len &&
	    fwrite(w->line.s, 1, w->line.len, w->out) != w->line.len)
		return qf_error_sys(err, QF_EIO, NULL, errno, "%s",
				    _("cannot write the export"));
	qf_buf_clear(&w->line);
	return 0;
}

static void csv_cell(struct qf_buf *b, const char *s, int text)
{
	if (qf_csv_cell(b, s, text))
		b->oom = 1;
}

static void tsv_cell(struct qf_buf *b, const char *s)
{
	char *e = qf_text_escape(s, 1);

	if (!e) {
		b->oom = 1;
		return;
	}
	qf_buf_puts(b, e);
	free(e);
}

static int write_header(struct writer *w, struct qf_error *err)
{
	if (w->o->fmt == QF_EXPORT_JSON) {
		qf_buf_puts(&w->line, "[");
		return flush_line(w, err);
	}
	if (w->o->fmt == QF_EXPORT_CSV && w->o->bom)
		qf_buf_puts(&w->line, "\xef\xbb\xbf");
	if (!w->o->header)
		return flush_line(w, err);
	for (size_t i = 0; i < w->ncols; i++) {
		if (i)
			qf_buf_putc(&w->line, w->o->fmt == QF_EXPORT_CSV ? ',' : '\t');
		if (w->o->fmt == QF_EXPORT_CSV)
			csv_cell(&w->line, w->cols[i].field, 1);
		else
			tsv_cell(&w->line, w->cols[i].field);
	}
	qf_buf_puts(&w->line, w->o->fmt == QF_EXPORT_CSV ? "\r\n" : "\n");
	return flush_line(w, err);
}

/* A log entry as a record of its own: the demand's ID, then the entry. */
static struct qf_node *log_record(const struct qf_node *e, const char *demand)
{
	struct qf_node *m = qf_node_new_map(), *k, *v;

	if (!m || !(v = qf_node_new_scalar(demand)) ||
	    qf_node_map_set(m, "demand", v))
		goto fail;
	for (size_t i = 0; i < e->n; i++) {
		if (!strcmp(e->keys[i]->str, "demand"))
			continue;
		k = qf_node_clone(e->keys[i]);
		v = qf_node_clone(e->items[i]);
		if (!k || !v || qf_node_map_append(m, k, v)) {
			qf_node_free(k);
			qf_node_free(v);
			goto fail;
		}
	}
	return m;
fail:
	qf_node_free(m);
	return NULL;
}

static int write_row(const struct qf_node *rec, const char *demand, void *ud,
		     struct qf_error *err)
{
	struct writer *w = ud;
	int rc;

	if (w->o->fmt == QF_EXPORT_JSON) {
		struct qf_node *lr = NULL;
		if (demand && !(lr = log_record(rec, demand)))
			return qf_error_oom(err);
		qf_buf_puts(&w->line, w->rows ? ",\n" : "\n");
		qf_buf_spaces(&w->line, (size_t)(2 * w->level));
		if (qf_json_node(&w->line, lr ? lr : rec, 2, w->level))
			w->line.oom = 1;
		qf_node_free(lr);
	} else {
		for (size_t i = 0; i < w->ncols; i++) {
			const struct qf_column *c = &w->cols[i];
			qf_buf_clear(&w->cell);
			if (qf_export_cell(c, rec, demand, 0, &w->cell) ||
			    qf_buf_puts(&w->cell, ""))
				return qf_error_oom(err);
			if (i)
				qf_buf_putc(&w->line, w->o->fmt == QF_EXPORT_CSV ?
					    ',' : '\t');
			if (w->o->fmt == QF_EXPORT_CSV)
				csv_cell(&w->line, w->cell.s,
					 c->kind != QF_COL_INT);
			else
				tsv_cell(&w->line, w->cell.s);
		}
		qf_buf_puts(&w->line, w->o->fmt == QF_EXPORT_CSV ? "\r\n" : "\n");
	}
	if ((rc = flush_line(w, err)))
		return rc;
	w->rows++;
	if (w->o->progress)
		w->o->progress(w->base + w->rows, w->o->progress_ud);
	return 0;
}

static void writer_init(struct writer *w, const struct qf_export_opts *o,
			enum qf_export_table t, FILE *out, int level)
{
	memset(w, 0, sizeof *w);
	w->o = o;
	w->t = t;
	w->out = out;
	w->level = level;
	w->cols = qf_export_columns(t, &w->ncols);
}

/* The closing bracket of a JSON array at level. */
static void json_close(struct writer *w)
{
	if (w->rows) {
		qf_buf_putc(&w->line, '\n');
		qf_buf_spaces(&w->line, (size_t)(2 * (w->level - 1)));
	}
	qf_buf_puts(&w->line, "]");
}

int qf_export_write(struct qf_store *s, enum qf_export_table t,
		    const struct qf_export_filter *f,
		    const struct qf_export_opts *o, FILE *out, size_t *rows,
		    struct qf_error *err)
{
	struct writer w;
	int rc;

	if (o->fmt != QF_EXPORT_CSV && o->fmt != QF_EXPORT_TSV &&
	    o->fmt != QF_EXPORT_JSON)
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				    _("qf_export_write: not csv, tsv or json"));
	writer_init(&w, o, t, out, 1);
	if (!(rc = write_header(&w, err)) &&
	    !(rc = qf_export_each(s, t, f, write_row, &w, err))) {
		if (o->fmt == QF_EXPORT_JSON) {
			json_close(&w);
			qf_buf_putc(&w.line, '\n');
		}
		rc = flush_line(&w, err);
	}
	if (!rc && fflush(out))
		rc = qf_error_sys(err, QF_EIO, NULL, errno, "%s",
				  _("cannot write the export"));
	if (rows)
		*rows = w.rows;
	qf_buf_release(&w.line);
	qf_buf_release(&w.cell);
	return rc;
}

int qf_export_write_all_json(struct qf_store *s,
			     const struct qf_export_filter *f,
			     const struct qf_export_opts *o, FILE *out,
			     size_t *rows, struct qf_error *err)
{
	static const enum qf_export_table tables[] = {
		QF_EXPORT_FIRMS, QF_EXPORT_POLICIES, QF_EXPORT_VISITS,
		QF_EXPORT_DEMANDS, QF_EXPORT_EVENTS
	};
	struct qf_export_opts jo = *o;
	struct writer w;
	size_t total = 0, ntables = sizeof tables / sizeof tables[0];
	int rc = 0;

	/* Events only from a store that keeps them: the export of one that
	 * does not stays as it was. */
	if ((rc = qf_export_table_present(s, QF_EXPORT_EVENTS, err)) < 0)
		return -rc;
	if (!rc)
		ntables--;
	rc = 0;
	jo.fmt = QF_EXPORT_JSON;
	memset(&w, 0, sizeof w);
	for (size_t i = 0; i < ntables && !rc; i++) {
		writer_init(&w, &jo, tables[i], out, 2);
		w.base = total;
		qf_buf_puts(&w.line, i ? ",\n  " : "{\n  ");
		if (qf_json_string(&w.line, qf_export_table_name(tables[i])))
			w.line.oom = 1;
		qf_buf_puts(&w.line, ": [");
		if (!(rc = flush_line(&w, err)) &&
		    !(rc = qf_export_each(s, tables[i], f, write_row, &w, err))) {
			json_close(&w);
			rc = flush_line(&w, err);
		}
		total += w.rows;
		qf_buf_release(&w.line);
		qf_buf_release(&w.cell);
	}
	if (!rc) {
		qf_buf_puts(&w.line, "\n}\n");
		rc = flush_line(&w, err);
		qf_buf_release(&w.line);
	}
	if (!rc && fflush(out))
		rc = qf_error_sys(err, QF_EIO, NULL, errno, "%s",
				  _("cannot write the export"));
	if (rows)
		*rows = total;
	return rc;
}
