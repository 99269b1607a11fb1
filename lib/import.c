/* import.c - records from another system's spreadsheet (see qf/import.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "qf/batch.h"
#include "qf/check.h"
#include "qf/columns.h"
#include "qf/csvin.h"
#include "qf/import.h"
#include "qf/lang.h"
#include "qf/schema.h"
#include "qf/text.h"
#include "qf/vocab.h"
#include "qf/workflow.h"
#include "qf/yaml.h"

/* ---- what the store has ------------------------------------------- */

/* Sorted strings, looked up by bsearch: the keys of records the store
 * has, and name -> ID for firms and policies ("key\037ID"). */
struct keys {
	struct qf_strv v;
	int sorted;
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void keys_sort(struct keys *k)
{
	if (!k->sorted && k->v.n)
		qsort(k->v.v, k->v.n, sizeof *k->v.v, cmp_str);
	k->sorted = 1;
}

/* The IDs under key (entries "key\037ID"): first index, count. */
static size_t keys_find(struct keys *k, const char *key, size_t *count)
{
	size_t lo = 0, hi, len = strlen(key);

	keys_sort(k);
	hi = k->v.n;
	while (lo < hi) {  /* the first entry >= key */
		size_t mid = (lo + hi) / 2;
		if (strcmp(k->v.v[mid], key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*count = 0;
	for (hi = lo; hi < k->v.n && !strncmp(k->v.v[hi], key, len) &&
		      (k->v.v[hi][len] == '\037' || k->v.v[hi][len] == '\0'); hi++)
		++*count;
	return lo;
}

static int keys_add(struct keys *k, const char *a, const char *b,
		    const char *c, const char *id)
{
	struct qf_buf buf = { 0 };
	int rc;

	qf_buf_puts(&buf, a ? a : "");
	if (b) {
		qf_buf_putc(&buf, '\036');
		qf_buf_puts(&buf, b);
	}
	if (c) {
		qf_buf_putc(&buf, '\036');
		qf_buf_puts(&buf, c);
	}
	if (id) {
		qf_buf_putc(&buf, '\037');
		qf_buf_puts(&buf, id);
	}
	if (buf.oom || !buf.s) {
		qf_buf_release(&buf);
		return -1;
	}
	rc = qf_strv_push(&k->v, buf.s);
	qf_buf_release(&buf);
	k->sorted = 0;
	return rc;
}

/* The key a record is matched by, into out (of size n). */
static void record_key(enum qf_type t, const struct qf_node *rec,
		       char *out, size_t n)
{
	const char *a = NULL, *b = NULL, *c = NULL;

	switch (t) {
	case QF_POLICY: a = qf_node_get_str(rec, "title"); break;
	case QF_VISIT:
		a = qf_node_get_str(rec, "firm");
		b = qf_node_get_str(rec, "date");
		c = qf_node_get_str(rec, "kind");
		break;
	case QF_DEMAND:
		a = qf_node_get_str(rec, "firm");
		b = qf_node_get_str(rec, "opened");
		c = qf_node_get_str(rec, "title");
		break;
	default: break;
	}
	snprintf(out, n, "%s\036%s\036%s", a ? a : "", b ? b : "", c ? c : "");
}

struct have {
	enum qf_type t;
	struct keys firm_name, firm_code, policy_title, records;
	int oom;
};

static int remember(const struct qf_doc *doc, const char *file, void *ud,
		    struct qf_error *err)
{
	struct have *h = ud;
	const struct qf_node *r = doc->root;
	const char *id = qf_node_get_str(r, "id");
	struct qf_id pid;
	char key[1024];

	(void)file;
	(void)err;
	if (!id || qf_id_parse(id, &pid))
		return 0;
	if (pid.type == QF_FIRM) {
		const char *name = qf_node_get_str(r, "name");
		const char *code = qf_node_get_str(r, "credit_code");
		if ((name && keys_add(&h->firm_name, name, NULL, NULL, id)) ||
		    (code && keys_add(&h->firm_code, code, NULL, NULL, id)))
			h->oom = 1;
	} else if (pid.type == QF_POLICY) {
		const char *title = qf_node_get_str(r, "title");
		if (title && keys_add(&h->policy_title, title, NULL, NULL, id))
			h->oom = 1;
	} else if (pid.type == h->t) {
		record_key(h->t, r, key, sizeof key);
		if (keys_add(&h->records, key, NULL, NULL, NULL))
			h->oom = 1;
	}
	return 0;
}

static void have_release(struct have *h)
{
	qf_strv_release(&h->firm_name.v);
	qf_strv_release(&h->firm_code.v);
	qf_strv_release(&h->policy_title.v);
	qf_strv_release(&h->records.v);
}

/* ---- cells ---------------------------------------------------------- */

/* s without leading and trailing spaces (ASCII and U+3000), in place. */
static char *trim(char *s)
{
	char *e;

	for (;;) {
		if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
			s++;
		else if (!strncmp(s, "\xE3\x80\x80", 3))
			s += 3;
		else
			break;
	}
	e = s + strlen(s);
	for (;;) {
		if (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' ||
			      e[-1] == '\n'))
			e--;
		else if (e - s >= 3 && !strncmp(e - 3, "\xE3\x80\x80", 3))
			e -= 3;
		else
			break;
	}
	*e = '\0';
	return s;
}

/* A date as offices write it (2023-05-06, 2023/5/6, 2023.5.6,
 * 2023年5月6日, with a time after it or not) as YYYY-MM-DD in out. */
static int norm_date(const char *s, char *out, size_t n)
{
	int y, m, d, k = 0;
	struct qf_date dt;

	if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &k) != 3 &&
	    sscanf(s, "%4d/%2d/%2d%n", &y, &m, &d, &k) != 3 &&
	    sscanf(s, "%4d.%2d.%2d%n", &y, &m, &d, &k) != 3 &&
	    sscanf(s, "%4d\xE5\xB9\xB4%2d\xE6\x9C\x88%2d\xE6\x97\xA5%n",
		   &y, &m, &d, &k) != 3)
		return -1;
	s += k;
	if (*s && *s != ' ' && *s != 'T')
		return -1;
	snprintf(out, n, "%04d-%02d-%02d", y, m, d);
	return qf_date_parse(out, &dt) ? -1 : 0;
}

/* The unit a header gives an amount in: 万元 10^4, 亿元 10^8, else 1. */
static unsigned long long header_scale(const char *h)
{
	if (strstr(h, "\xE4\xBA\xBF"))  /* 亿 */
		return 100000000ULL;
	if (strstr(h, "\xE4\xB8\x87"))  /* 万 */
		return 10000ULL;
	return 1;
}

/* An amount ("1,200", "12.5" of 万元, "3000元") as whole yuan in out. */
static int norm_amount(const char *s, unsigned long long scale, char *out,
		       size_t n)
{
	long long v;

	if (qf_amount_parse(s, scale, &v))
		return -1;
	snprintf(out, n, "%lld", v);
	return 0;
}

/* ---- the import ----------------------------------------------------- */

struct run {
	struct qf_store *s;
	const char *path;
	const struct qf_import_opts *o;
	struct qf_import *r;
	struct have h;
	struct qf_strset seen;     /* the keys of this file's rows */
	struct qf_strv seen_at;    /* "key\037line" for each, to say where */
	struct qf_batch *b;
	const struct qf_column *cols;
	size_t ncols;
	int *at;             /* column index -> header cell, or -1 */
	char today[16];      /* o->today as YYYY-MM-DD */
	char note[1200];     /* a demand's first log note, in the store's language */
	unsigned long long *scale;
	struct qf_node **visits;  /* visits rewritten to name new demands */
	size_t nvisits;
	int bad;
};

static void row_error(struct run *x, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void row_error(struct run *x, unsigned line, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	qf_diags_add(&x->r->diags, x->path, line, 0, "%s", msg);
	x->bad++;
}

static const char *type_label(enum qf_type t)
{
	switch (t) {
	case QF_FIRM: return _("firms");
	case QF_POLICY: return _("policies");
	case QF_VISIT: return _("visits");
	default: return _("demands");
	}
}

/* A header cell's column: the user's mapping first, then the table's
 * names, then the name without a unit in parentheses ("涉及金额（万元）"). */
static const struct qf_column *header_column(struct run *x, const char *cell,
					     int *ignore)
{
	const struct qf_column *c;
	char buf[512], *p;

	*ignore = 0;
	if (x->o->map) {
		const char *f = qf_node_get_str(x->o->map, cell);
		if (f) {
			if (!*f) {
				*ignore = 1;
				return NULL;
			}
			return qf_column_find(x->cols, x->ncols, f);
		}
	}
	if ((c = qf_column_find(x->cols, x->ncols, cell)))
		return c;
	/* A sheet's row numbers. */
	if (!strcmp(cell, QF_TERM("序号")) || !strcasecmp(cell, "no.")) {
		*ignore = 1;
		return NULL;
	}
	snprintf(buf, sizeof buf, "%s", cell);
	if ((p = strstr(buf, "\xEF\xBC\x88")) || (p = strchr(buf, '('))) {
		*p = '\0';
		return qf_column_find(x->cols, x->ncols, buf);
	}
	return NULL;
}

static size_t count_known(struct run *x, const struct qf_csv_row *row)
{
	size_t k = 0;
	int ignore;

	for (size_t j = 0; j < row->n; j++)
		if (header_column(x, trim(row->cells[j]), &ignore))
			k++;
	return k;
}

/* The header row: the first of the first ten that names two columns (or
 * one, of a one-column file); rows above it are a sheet's title. */
static int find_header(struct run *x, const struct qf_csv *csv, size_t *hdr,
		       struct qf_error *err)
{
	for (size_t i = 0; i < csv->nrows && i < 10; i++) {
		size_t k = count_known(x, &csv->rows[i]);
		if (k >= 2 || (k == 1 && csv->rows[i].n == 1)) {
			*hdr = i;
			return 0;
		}
	}
	return qf_error_set(err, QF_EDATA, x->path,
			    csv->nrows ? csv->rows[0].line : 0, 0,
			    _("no header row naming the columns of %s (such as %s or %s) in the first rows; give a mapping with --map"),
			    type_label(x->o->type), x->cols[1].zh, x->cols[1].field);
}

static int map_columns(struct run *x, const struct qf_csv_row *hdr,
		       struct qf_error *err)
{
	if (!(x->at = malloc(x->ncols * sizeof *x->at)) ||
	    !(x->scale = malloc(x->ncols * sizeof *x->scale)))
		return qf_error_oom(err);
	for (size_t i = 0; i < x->ncols; i++) {
		x->at[i] = -1;
		x->scale[i] = 1;
	}
	for (size_t j = 0; j < hdr->n; j++) {
		const char *cell = hdr->cells[j];
		int ignore;
		const struct qf_column *c = header_column(x, cell, &ignore);
		size_t i;

		if (!c) {
			if (!ignore && *cell && qf_strv_push(&x->r->ignored, cell))
				return qf_error_oom(err);
			continue;
		}
		i = (size_t)(c - x->cols);
		if (x->at[i] >= 0)
			return qf_error_set(err, QF_EDATA, x->path, hdr->line, 0,
					    _("columns '%s' and '%s' both give field '%s'"),
					    hdr->cells[x->at[i]], cell, c->field);
		x->at[i] = (int)j;
		if (c->kind == QF_COL_INT)
			x->scale[i] = header_scale(cell);
	}
	for (size_t i = 0; i < x->ncols; i++) {
		const char *f = x->cols[i].field;
		if (!x->cols[i].required || x->at[i] >= 0 || !strcmp(f, "id"))
			continue;
		/* What the add commands default. */
		if (x->o->type == QF_DEMAND &&
		    (!strcmp(f, "kind") || !strcmp(f, "level") || !strcmp(f, "status")))
			continue;
		if (x->o->type == QF_VISIT && !strcmp(f, "kind"))
			continue;
		return qf_error_set(err, QF_EDATA, x->path, hdr->line, 0,
				    _("no column for field '%s' (%s), which %s need"),
				    f, x->cols[i].zh, type_label(x->o->type));
	}
	return 0;
}

/* The ID of the firm (or policy) text names: its ID, its credit code or
 * its exact name (title).  0 with id set, else a row error. */
static int resolve(struct run *x, unsigned line, enum qf_type t,
		   const char *text, char *id, size_t n)
{
	struct qf_id pid;
	struct keys *by[2];
	size_t nby = 0, at, count;

	if (!qf_id_parse(text, &pid) && pid.type == t) {
		if (qf_batch_ref_exists(qf_type_name(t), text, x->b) != 1) {
			row_error(x, line, t == QF_FIRM
				  ? _("no firm '%s' in the store (import the firms first)")
				  : _("no policy '%s' in the store (import the policies first)"),
				  text);
			return -1;
		}
		snprintf(id, n, "%s", text);
		return 0;
	}
	if (t == QF_FIRM) {
		by[nby++] = &x->h.firm_code;
		by[nby++] = &x->h.firm_name;
	} else {
		by[nby++] = &x->h.policy_title;
	}
	for (size_t k = 0; k < nby; k++) {
		at = keys_find(by[k], text, &count);
		if (count == 1) {
			snprintf(id, n, "%s", strchr(by[k]->v.v[at], '\037') + 1);
			return 0;
		}
		if (count > 1) {
			row_error(x, line, _("'%s' names %zu records; give the ID"),
				  text, count);
			return -1;
		}
	}
	row_error(x, line, t == QF_FIRM
		  ? _("no firm '%s' in the store, by ID, credit code or name (import the firms first)")
		  : _("no policy '%s' in the store, by ID or title (import the policies first)"),
		  text);
	return -1;
}

/* Set column i of rec from the row's cell; 0, -1 when the row is bad
 * (reported), -2 when out of memory. */
static int set_cell(struct run *x, const struct qf_csv_row *row, size_t i,
		    struct qf_node *rec)
{
	const struct qf_column *c = &x->cols[i];
	/* Without the ' an export put before a formula-looking text. */
	const char *text = qf_csv_text(trim(row->cells[x->at[i]]));
	char buf[64], id[QF_ID_MAX];
	int rc;

	if (!*text)
		return 0;
	if (qf_text_control(text, strlen(text)) >= 0) {
		row_error(x, row->line, _("column '%s': holds a control character"),
			  c->field);
		return -1;
	}
	switch (c->kind) {
	case QF_COL_DATE:
		if (norm_date(text, buf, sizeof buf)) {
			row_error(x, row->line, _("column '%s': '%s' is not a date (YYYY-MM-DD)"),
				  c->field, text);
			return -1;
		}
		text = buf;
		break;
	case QF_COL_INT:
		if (norm_amount(text, x->scale[i], buf, sizeof buf)) {
			row_error(x, row->line, _("column '%s': '%s' is not an amount in whole yuan"),
				  c->field, text);
			return -1;
		}
		text = buf;
		break;
	case QF_COL_REF:
		if (resolve(x, row->line, c->ref, text, id, sizeof id))
			return -1;
		text = id;
		break;
	case QF_COL_LIST:
		if (c->ref == QF_POLICY) {
			/* Each item by ID or title, joined back. */
			struct qf_node *tmp = qf_node_new_map();
			struct qf_buf ids = { 0 };
			const struct qf_node *seq;
			int bad = 0;
			if (!tmp || qf_column_set(c, tmp, text) < 0) {
				qf_node_free(tmp);
				return -2;
			}
			seq = qf_node_get(tmp, c->field);
			for (size_t k = 0; seq && k < seq->n; k++) {
				if (resolve(x, row->line, QF_POLICY, seq->items[k]->str,
					    id, sizeof id))
					bad = 1;
				else if ((k && qf_buf_putc(&ids, ',')) ||
					 qf_buf_puts(&ids, id))
					bad = 2;
			}
			qf_node_free(tmp);
			if (bad || !ids.s) {
				qf_buf_release(&ids);
				return bad == 2 ? -2 : -1;
			}
			rc = qf_column_set(c, rec, ids.s);
			qf_buf_release(&ids);
			return rc < 0 ? -2 : 0;
		}
		break;
	default:
		break;
	}
	rc = qf_column_set(c, rec, text);
	if (rc == 1) {
		row_error(x, row->line, _("column '%s': '%s' is not one of %s"),
			  c->field, text, qf_vocab_list(c->vocab));
		return -1;
	}
	return rc < 0 ? -2 : 0;
}

/* A demand's log, from its fields: collected, assigned when it has a
 * unit, closed and rated when it is. */
static int demand_log(struct run *x, struct qf_node *rec)
{
	const char *opened = qf_node_get_str(rec, "opened");
	const char *closed = qf_node_get_str(rec, "closed");
	const char *dept = qf_node_get_str(rec, "dept");
	const char *status = qf_node_get_str(rec, "status");
	const char *sat = qf_node_get_str(rec, "satisfaction");
	const char *due = qf_node_get_str(rec, "original_due");
	struct qf_date od, cd;
	struct qf_node *e;
	int st = qf_status_from_name(status);

	if (!due)
		due = qf_node_get_str(rec, "due");
	if (!opened || qf_date_parse(opened, &od))
		return 0;  /* the schema says what is wrong */
	if (!qf_log_append(rec, &od, qf_act_name(QF_ACT_COLLECT), x->o->by, x->note))
		return -1;
	if (dept && st != QF_ST_OPEN) {
		if (!(e = qf_log_append(rec, &od, qf_act_name(QF_ACT_ASSIGN),
					x->o->by, NULL)) ||
		    qf_node_map_set_str(e, "dept", dept) ||
		    (due && qf_node_map_set_str(e, "due", due)))
			return -1;
		if (qf_node_get(rec, "codepts")) {
			struct qf_node *cp = qf_node_clone(qf_node_get(rec, "codepts"));
			if (!cp || qf_node_map_set(e, "codepts", cp)) {
				qf_node_free(cp);
				return -1;
			}
		}
		if (qf_node_get_str(rec, "owner") &&
		    qf_node_map_set_str(e, "owner", qf_node_get_str(rec, "owner")))
			return -1;
	}
	if (qf_status_closed(status) && closed && !qf_date_parse(closed, &cd)) {
		enum qf_act a = st == QF_ST_ADOPTED ? QF_ACT_ADOPT
			      : st == QF_ST_DECLINED ? QF_ACT_DECLINE : QF_ACT_RESOLVE;
		if (!qf_log_append(rec, &cd, qf_act_name(a), x->o->by,
				   qf_node_get_str(rec, "resolution")))
			return -1;
		if (sat) {
			if (!(e = qf_log_append(rec, &cd, qf_act_name(QF_ACT_FOLLOW_UP),
						x->o->by, NULL)) ||
			    qf_node_map_set_str(e, "satisfaction", sat))
				return -1;
		}
	}
	return 0;
}

/* The label of a record for what import says it added. */
static const char *label_of(enum qf_type t, const struct qf_node *rec)
{
	const char *l = qf_node_get_str(rec, t == QF_FIRM ? "name" : "title");

	if (!l && t == QF_VISIT) {
		l = qf_node_get_str(rec, "firm");
	}
	return l ? l : "";
}

/* A demand raised on a visit the store has: the visit names it too. */
static int link_source(struct run *x, struct qf_node *rec,
		       struct qf_error *err)
{
	const char *src = qf_node_get_str(rec, "source");
	const char *id = qf_node_get_str(rec, "id");
	struct qf_node *v = NULL, *list, *item, **grown;
	struct qf_id pid;
	size_t i;

	if (!src || qf_id_parse(src, &pid) || pid.type != QF_VISIT ||
	    qf_store_has(x->s, src) != 1)
		return 0;
	for (i = 0; i < x->nvisits; i++)
		if (!strcmp(qf_node_get_str(x->visits[i], "id"), src))
			v = x->visits[i];
	if (!v) {
		int rc = qf_store_get(x->s, src, &v, NULL, err);
		if (rc)
			return rc;
		if (!(grown = realloc(x->visits, (x->nvisits + 1) * sizeof *grown))) {
			qf_node_free(v);
			return qf_error_oom(err);
		}
		x->visits = grown;
		x->visits[x->nvisits++] = v;
	}
	if (!(list = qf_node_get(v, "demands"))) {
		if (!(list = qf_node_new_seq()))
			return qf_error_oom(err);
		if (qf_node_map_set(v, "demands", list)) {
			qf_node_free(list);
			return qf_error_oom(err);
		}
	}
	for (i = 0; i < list->n; i++)
		if (!strcmp(list->items[i]->str, id))
			return 0;
	if (!(item = qf_node_new_scalar(id)) || qf_node_seq_append(list, item)) {
		qf_node_free(item);
		return qf_error_oom(err);
	}
	return 0;
}

/* Remember a row's key, and where it was. */
static int remember_row(struct run *x, const char *key, unsigned line)
{
	char *at;
	size_t n = strlen(key) + 16;
	int rc;

	if (qf_strset_add(&x->seen, key) < 0 || !(at = malloc(n)))
		return -1;
	snprintf(at, n, "%s\037%u", key, line);
	rc = qf_strv_push(&x->seen_at, at);
	free(at);
	return rc;
}

/* The line a key was first seen on (only asked of the rare duplicate). */
static const char *seen_line(const struct run *x, const char *key)
{
	size_t len = strlen(key);

	for (size_t i = 0; i < x->seen_at.n; i++)
		if (!strncmp(x->seen_at.v[i], key, len) &&
		    x->seen_at.v[i][len] == '\037')
			return x->seen_at.v[i] + len + 1;
	return "?";
}

/* The value the add commands give field f of type t when not told. */
const char *qf_import_default(enum qf_type t, const char *f)
{
	if (t == QF_DEMAND && !strcmp(f, "kind"))
		return "problem";
	if (t == QF_DEMAND && !strcmp(f, "level"))
		return "local";
	if (t == QF_DEMAND && !strcmp(f, "status"))
		return "open";
	if (t == QF_VISIT && !strcmp(f, "kind"))
		return "visit";
	return NULL;
}

static int add_row(struct run *x, const struct qf_csv_row *row, size_t ncells,
		   struct qf_error *err)
{
	enum qf_type t = x->o->type;
	struct qf_node *rec = qf_node_new_map();
	const struct qf_schema *schema;
	struct qf_diags d;
	char key[1200], id[QF_ID_MAX], given[QF_ID_MAX] = "";
	size_t count;
	int bad = 0, rc;

	if (!rec || qf_node_map_set_str(rec, "id", ""))
		goto oom;
	if (row->n != ncells) {
		row_error(x, row->line, _("the row has %zu fields, the header %zu"),
			  row->n, ncells);
		qf_node_free(rec);
		return 0;
	}
	for (size_t i = 0; i < x->ncols; i++) {
		const char *f = x->cols[i].field, *dflt;
		if (x->at[i] >= 0 && !strcmp(f, "id")) {
			snprintf(given, sizeof given, "%s", trim(row->cells[x->at[i]]));
			continue;
		}
		if (x->at[i] >= 0) {
			rc = set_cell(x, row, i, rec);
			if (rc == -2)
				goto oom;
			bad |= rc;
		}
		/* What the add commands default, in its place. */
		if (!qf_node_get(rec, f) && (dflt = qf_import_default(t, f)) &&
		    qf_node_map_set_str(rec, f, dflt))
			goto oom;
		if (t == QF_FIRM && !strcmp(f, "since") && !qf_node_get(rec, f) &&
		    qf_node_map_set_str(rec, f, x->today))
			goto oom;
	}
	if (t == QF_FIRM && !bad) {
		const char *code = qf_node_get_str(rec, "credit_code");
		if (code && !qf_credit_code_valid(code)) {
			row_error(x, row->line, _("'%s' is not a valid 统一社会信用代码 (18 characters with a correct check digit)"),
				  code);
			bad = 1;
		}
	}
	if (bad) {
		qf_node_free(rec);
		return 0;
	}
	/* In the store already: skipped. */
	if (*given && qf_store_has(x->s, given) == 1) {
		x->r->skipped++;
		qf_node_free(rec);
		return 0;
	}
	if (*given) {
		/* An ID is the record's stable key: the store has it or not. */
		snprintf(key, sizeof key, "#%s", given);
		count = 0;
	} else if (t == QF_FIRM) {
		const char *code = qf_node_get_str(rec, "credit_code");
		const char *name = qf_node_get_str(rec, "name");
		keys_find(&x->h.firm_code, code ? code : "", &count);
		if (!(code && count)) {
			keys_find(&x->h.firm_name, name ? name : "", &count);
		}
		snprintf(key, sizeof key, "%s", code ? code : name ? name : "");
	} else {
		record_key(t, rec, key, sizeof key);
		keys_find(&x->h.records, key, &count);
	}
	if (count) {
		x->r->skipped++;
		qf_node_free(rec);
		return 0;
	}
	/* Twice in the file: a mistake to be told, not guessed at. */
	{
		const char *name = qf_node_get_str(rec, "name");
		const char *dup = NULL;
		if (qf_strset_has(&x->seen, key))
			dup = key;
		else if (!*given && t == QF_FIRM && name &&
			 qf_node_get_str(rec, "credit_code") &&
			 qf_strset_has(&x->seen, name))
			dup = name;
		if (dup) {
			row_error(x, row->line, _("the same record as line %s"),
				  seen_line(x, dup));
			qf_node_free(rec);
			return 0;
		}
		if (remember_row(x, key, row->line) ||
		    (!*given && t == QF_FIRM && name &&
		     qf_node_get_str(rec, "credit_code") &&
		     remember_row(x, name, row->line)))
			goto oom;
	}
	/* Its ID. */
	rc = *given ? qf_batch_claim(x->b, given, err) : 1;
	if (rc < 0) {
		qf_node_free(rec);
		return -rc;
	}
	if (rc == 0) {
		snprintf(id, sizeof id, "%s", given);
	} else {
		struct qf_date date = x->o->today;
		const char *ds = qf_node_get_str(rec, t == QF_VISIT ? "date" : "opened");
		if (ds)
			qf_date_parse(ds, &date);
		if ((rc = qf_batch_id(x->b, t, &date, id, sizeof id, err))) {
			qf_node_free(rec);
			return rc;
		}
	}
	if (qf_node_map_set_str(rec, "id", id))
		goto oom;
	if (t == QF_DEMAND && demand_log(x, rec))
		goto oom;
	/* Checked as the batch will, at this row. */
	if ((rc = qf_store_schema(x->s, t, &schema, err))) {
		qf_node_free(rec);
		return rc;
	}
	qf_diags_init(&d);
	qf_schema_validate(schema, rec, x->path, qf_batch_ref_exists, x->b, &d);
	if (t == QF_DEMAND)
		qf_check_demand_fields(rec, x->path, &d);
	for (size_t k = 0; k < d.n; k++)
		row_error(x, row->line, "%s", d.v[k].msg);
	qf_diags_release(&d);
	if (t == QF_DEMAND && (rc = link_source(x, rec, err))) {
		qf_node_free(rec);
		return rc;
	}
	{
		struct qf_import_row *v = realloc(x->r->added,
			(x->r->nadded + 1) * sizeof *v);
		if (!v)
			goto oom;
		x->r->added = v;
		v += x->r->nadded;
		v->line = row->line;
		v->id = strdup(id);
		v->label = strdup(label_of(t, rec));
		x->r->nadded++;
		if (!v->id || !v->label)
			goto oom;
	}
	return qf_batch_append(x->b, rec, err);
oom:
	qf_node_free(rec);
	return qf_error_oom(err);
}

int qf_import_file(struct qf_store *s, const char *path,
		   const struct qf_import_opts *o, struct qf_import *r,
		   struct qf_error *err)
{
	struct qf_csv *csv = NULL;
	struct run x;
	size_t hdr = 0;
	int rc;

	memset(r, 0, sizeof *r);
	qf_diags_init(&r->diags);
	memset(&x, 0, sizeof x);
	x.s = s;
	x.path = path;
	x.o = o;
	x.r = r;
	x.h.t = o->type;
	if (!(x.cols = qf_columns(o->type, &x.ncols)))
		return qf_error_set(err, QF_EUSAGE, NULL, 0, 0,
				    _("records of this type cannot be imported"));
	if ((rc = qf_csv_load(path, o->encoding, &csv, err)))
		return rc;
	qf_date_format(o->since ? o->since : &o->today, x.today, sizeof x.today);
	{
		/* Stored text, in the store's language: data, so not from the
		 * catalogue, whose loading a locale that cannot be read would
		 * change (a fault run caught the note coming out in English). */
		const char *base = strrchr(path, '/');
		snprintf(x.note, sizeof x.note,
			 qf_lang_is_zh(qf_store_setting(s, "lang"))
			 ? QF_TERM("导入自 %s") : "imported from %s",
			 base ? base + 1 : path);
	}
	r->encoding = csv->encoding;
	if ((rc = find_header(&x, csv, &hdr, err)) ||
	    (rc = map_columns(&x, &csv->rows[hdr], err)))
		goto out;
	r->header_line = csv->rows[hdr].line;
	if ((rc = qf_store_each(s, QF_FIRM, remember, &x.h, err)) ||
	    (o->type != QF_FIRM &&
	     (rc = qf_store_each(s, QF_POLICY, remember, &x.h, err))) ||
	    (o->type != QF_FIRM && o->type != QF_POLICY &&
	     (rc = qf_store_each(s, o->type, remember, &x.h, err))))
		goto out;
	if (x.h.oom) {
		rc = qf_error_oom(err);
		goto out;
	}
	if ((rc = qf_batch_new(s, &x.b, err)))
		goto out;
	for (size_t i = hdr + 1; i < csv->nrows; i++) {
		r->rows++;
		if ((rc = add_row(&x, &csv->rows[i], csv->rows[hdr].n, err)))
			goto out;
		if (o->progress && (r->rows % 500 == 0))
			o->progress(r->rows, csv->nrows - hdr - 1, o->ud);
	}
	if (o->progress)
		o->progress(r->rows, csv->nrows - hdr - 1, o->ud);
	if (r->diags.lost) {
		rc = qf_error_oom(err);
		goto out;
	}
	if (x.bad) {
		rc = qf_error_set(err, QF_EDATA, path, 0, 0,
				  P_("not imported: %zu problem in the file",
				     "not imported: %zu problems in the file",
				     (unsigned long)x.bad), (size_t)x.bad);
		goto out;
	}
	if (o->dry_run || !r->nadded)
		goto out;
	for (size_t i = 0; i < x.nvisits; i++) {
		if ((rc = qf_batch_rewrite(x.b, x.visits[i], err))) {
			x.visits[i] = NULL;
			goto out;
		}
		x.visits[i] = NULL;
	}
	{
		struct qf_diags d;
		qf_diags_init(&d);
		rc = qf_batch_commit(x.b, &d, err);
		for (size_t k = 0; k < d.n; k++)
			qf_diags_add(&r->diags, path, 0, 0, "%s", d.v[k].msg);
		qf_diags_release(&d);
	}
out:
	for (size_t i = 0; i < x.nvisits; i++)
		qf_node_free(x.visits[i]);
	free(x.visits);
	qf_batch_free(x.b);
	have_release(&x.h);
	qf_strset_release(&x.seen);
	qf_strv_release(&x.seen_at);
	free(x.at);
	free(x.scale);
	qf_csv_free(csv);
	return rc;
}

void qf_import_release(struct qf_import *r)
{
	for (size_t i = 0; i < r->nadded; i++) {
		free(r->added[i].id);
		free(r->added[i].label);
	}
	free(r->added);
	qf_strv_release(&r->ignored);
	qf_diags_release(&r->diags);
	memset(r, 0, sizeof *r);
}
