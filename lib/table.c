/* table.c - lists for people and for programs.
 *
 * Rows live in one buffer: row r begins at rows[r] and holds its kept
 * cells, each NUL-terminated, then (when records are kept) its record's
 * text.  The shown columns are a view over the kept ones.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qf/buf.h"
#include "qf/date.h"
#include "qf/json.h"
#include "qf/table.h"
#include "qf/text.h"
#include "qf/yaml.h"

struct qf_table {
	size_t ncols;            /* columns given to qf_table_new */
	char **names;            /* owned */
	int *numeric;
	size_t nkept;            /* columns rows keep */
	size_t *kept;            /* their indexes in names */
	size_t nshown;           /* columns shown */
	size_t *shown;           /* their indexes in kept */
	int records;             /* QF_FMT_JSON or _YAML: rows keep one */
	size_t nrows, cap;
	size_t *rows;            /* offsets into pool */
	struct qf_buf pool;
};

struct qf_table *qf_table_new(const char *const *names, const int *numeric,
			      size_t ncols)
{
	struct qf_table *t = calloc(1, sizeof *t);

	if (!t)
		return NULL;
	t->ncols = t->nkept = t->nshown = ncols;
	t->records = -1;
	t->names = calloc(ncols + 1, sizeof *t->names);
	t->numeric = calloc(ncols + 1, sizeof *t->numeric);
	t->kept = calloc(ncols + 1, sizeof *t->kept);
	t->shown = calloc(ncols + 1, sizeof *t->shown);
	if (!t->names || !t->numeric || !t->kept || !t->shown)
		goto fail;
	for (size_t i = 0; i < ncols; i++) {
		if (!(t->names[i] = strdup(names[i])))
			goto fail;
		t->numeric[i] = numeric ? numeric[i] : 0;
		t->kept[i] = t->shown[i] = i;
	}
	return t;
fail:
	qf_table_free(t);
	return NULL;
}

void qf_table_free(struct qf_table *t)
{
	if (!t)
		return;
	if (t->names)
		for (size_t i = 0; i < t->ncols; i++)
			free(t->names[i]);
	free(t->names);
	free(t->numeric);
	free(t->kept);
	free(t->shown);
	free(t->rows);
	qf_buf_release(&t->pool);
	free(t);
}

static long name_index(const struct qf_table *t, const char *name)
{
	for (size_t i = 0; i < t->ncols; i++)
		if (!strcmp(t->names[i], name))
			return (long)i;
	return -1;
}

int qf_table_keep(struct qf_table *t, const char *const *names, size_t n,
		  const char **bad)
{
	size_t *kept;

	*bad = NULL;
	if (t->nrows || !(kept = calloc(n + 1, sizeof *kept)))
		return -1;
	for (size_t i = 0; i < n; i++) {
		long j = name_index(t, names[i]);
		if (j < 0) {
			*bad = names[i];
			free(kept);
			return -1;
		}
		kept[i] = (size_t)j;
	}
	free(t->kept);
	t->kept = kept;
	t->nkept = t->nshown = n;
	for (size_t i = 0; i < n; i++)
		t->shown[i] = i;
	return 0;
}

void qf_table_keep_records(struct qf_table *t, enum qf_format fmt)
{
	if (!t->nrows)
		t->records = fmt == QF_FMT_JSON || fmt == QF_FMT_YAML ?
			     (int)fmt : -1;
}

/* Append rec rendered as its format prints it, NUL-terminated. */
static int put_record(struct qf_table *t, const struct qf_node *rec)
{
	if (rec && t->records == QF_FMT_JSON) {
		if (qf_json_node(&t->pool, rec,
				 2, 1))
			return -1;
	} else if (rec && t->records == QF_FMT_YAML) {
		struct qf_error err;
		char *text;
		size_t len;
		int rc;
		if (qf_yaml_emit(rec, &text, &len, &err))
			return -1;
		rc = qf_buf_put(&t->pool, text, len);
		free(text);
		if (rc)
			return -1;
	}
	return qf_buf_put(&t->pool, "", 1);
}

int qf_table_add(struct qf_table *t, const char *const *cells,
		 const struct qf_node *rec)
{
	size_t start = t->pool.len;

	if (t->nrows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;
		size_t *r = realloc(t->rows, cap * sizeof *r);
		if (!r)
			return -1;
		t->rows = r;
		t->cap = cap;
	}
	for (size_t i = 0; i < t->nkept; i++) {
		const char *c = cells[t->kept[i]];
		if (qf_buf_put(&t->pool, c ? c : "", (c ? strlen(c) : 0) + 1))
			goto fail;
	}
	if (t->records >= 0 && (rec ? put_record(t, rec) :
				qf_buf_put(&t->pool, "", 1)))
		goto fail;
	t->rows[t->nrows++] = start;
	return 0;
fail:
	/* Drop the half row; the buffer stays usable. */
	t->pool.oom = 0;
	t->pool.len = start;
	if (t->pool.s)
		t->pool.s[start] = '\0';
	return -1;
}

size_t qf_table_ncols(const struct qf_table *t)
{
	return t->nshown;
}

const char *qf_table_name(const struct qf_table *t, size_t col)
{
	return t->names[t->kept[t->shown[col]]];
}

size_t qf_table_nrows(const struct qf_table *t)
{
	return t->nrows;
}

/* The kept cell k of row r. */
static const char *kept_cell(const struct qf_table *t, size_t r, size_t k)
{
	const char *p = t->pool.s + t->rows[r];

	while (k--)
		p += strlen(p) + 1;
	return p;
}

const char *qf_table_cell(const struct qf_table *t, size_t r, size_t col)
{
	return kept_cell(t, r, t->shown[col]);
}

const char *qf_table_record(const struct qf_table *t, size_t r)
{
	const char *p;

	if (t->records < 0)
		return NULL;
	p = kept_cell(t, r, t->nkept);
	return *p ? p : NULL;
}

/* The shown cells of row r into v (nshown pointers). */
static void row_cells(const struct qf_table *t, size_t r, const char **v,
		      const char **kv)
{
	const char *p = t->pool.s + t->rows[r];

	for (size_t k = 0; k < t->nkept; k++) {
		kv[k] = p;
		p += strlen(p) + 1;
	}
	for (size_t c = 0; c < t->nshown; c++)
		v[c] = kv[t->shown[c]];
}

int qf_table_col(const struct qf_table *t, const char *name)
{
	for (size_t i = 0; i < t->nshown; i++)
		if (!strcmp(qf_table_name(t, i), name))
			return (int)i;
	return -1;
}

int qf_table_select(struct qf_table *t, const char *const *names, size_t n,
		    const char **bad)
{
	size_t *shown = calloc(n + 1, sizeof *shown);

	*bad = NULL;
	if (!shown)
		return -1;
	for (size_t i = 0; i < n; i++) {
		size_t k;
		for (k = 0; k < t->nkept; k++)
			if (!strcmp(t->names[t->kept[k]], names[i]))
				break;
		if (k == t->nkept) {
			*bad = names[i];
			free(shown);
			return -1;
		}
		shown[i] = k;
	}
	free(t->shown);
	t->shown = shown;
	t->nshown = n;
	return 0;
}

/* Text order with runs of digits compared as numbers: leading zeros
 * skipped, then the longer run is the larger, then bytes. */
static int natural_cmp(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a;
	const unsigned char *q = (const unsigned char *)b;

	while (*p && *q) {
		if (*p >= '0' && *p <= '9' && *q >= '0' && *q <= '9') {
			const unsigned char *p0, *q0;
			size_t np, nq;
			int c;
			while (*p == '0' && p[1] >= '0' && p[1] <= '9')
				p++;
			while (*q == '0' && q[1] >= '0' && q[1] <= '9')
				q++;
			for (p0 = p; *p >= '0' && *p <= '9'; p++)
				;
			for (q0 = q; *q >= '0' && *q <= '9'; q++)
				;
			np = (size_t)(p - p0);
			nq = (size_t)(q - q0);
			if (np != nq)
				return np < nq ? -1 : 1;
			if ((c = memcmp(p0, q0, np)))
				return c < 0 ? -1 : 1;
			continue;
		}
		if (*p != *q)
			return *p < *q ? -1 : 1;
		p++, q++;
	}
	return (*p != 0) - (*q != 0);
}

struct sort_item {
	const char *key;
	double num;
	size_t row;
};

static int item_cmp(const struct sort_item *a, const struct sort_item *b,
		    int numeric, int desc)
{
	int c;

	if (!*a->key || !*b->key)
		return !*a->key - !*b->key;      /* empty last */
	if (numeric)
		c = (a->num > b->num) - (a->num < b->num);
	else
		c = natural_cmp(a->key, b->key);
	return desc ? -c : c;
}

/* Stable merge sort of v[0..n) with tmp of n items. */
static void merge_sort(struct sort_item *v, struct sort_item *tmp, size_t n,
		       int numeric, int desc)
{
	size_t h = n / 2, i = 0, j = h, k = 0;

	if (n < 2)
		return;
	merge_sort(v, tmp, h, numeric, desc);
	merge_sort(v + h, tmp, n - h, numeric, desc);
	if (item_cmp(&v[h - 1], &v[h], numeric, desc) <= 0)
		return;                        /* already in order */
	while (i < h && j < n)
		tmp[k++] = item_cmp(&v[j], &v[i], numeric, desc) < 0 ?
			   v[j++] : v[i++];
	while (i < h)
		tmp[k++] = v[i++];
	memcpy(v, tmp, k * sizeof *v);
}

int qf_table_sort(struct qf_table *t, size_t col, int desc)
{
	struct sort_item *v, *tmp;
	int numeric;

	if (col >= t->nshown || t->nrows < 2)
		return 0;
	numeric = t->numeric[t->kept[t->shown[col]]];
	v = malloc(t->nrows * sizeof *v);
	tmp = malloc(t->nrows * sizeof *tmp);
	if (!v || !tmp) {
		free(v);
		free(tmp);
		return -1;
	}
	for (size_t r = 0; r < t->nrows; r++) {
		v[r].key = qf_table_cell(t, r, col);
		v[r].num = numeric ? strtod(v[r].key, NULL) : 0;
		v[r].row = t->rows[r];
	}
	merge_sort(v, tmp, t->nrows, numeric, desc);
	for (size_t r = 0; r < t->nrows; r++)
		t->rows[r] = v[r].row;
	free(v);
	free(tmp);
	return 0;
}

/* Output: a row (or a record) at a time into b, then to the sink. */
struct out {
	struct qf_buf b;
	qf_sink_fn sink;
	void *ud;
	int failed;
	const char **cells, **kcells;   /* one row's shown and kept cells */
};

static void flush(struct out *o)
{
	if (o->b.oom)
		o->failed = 1;
	if (!o->failed && o->b.len && o->sink(o->b.s, o->b.len, o->ud))
		o->failed = 1;
	qf_buf_clear(&o->b);
}

static void put(struct out *o, const char *s, size_t n)
{
	qf_buf_put(&o->b, s, n);
}

static void puts_(struct out *o, const char *s)
{
	qf_buf_puts(&o->b, s);
}

/* Nothing in s that qf_text_escape would change: no C0, DEL or C1
 * control (C1 is U+0080..U+009F, lead byte 0xc2), no backslash for TSV,
 * well-formed UTF-8. */
static int plain_text(const unsigned char *p, int tsv)
{
	while (*p) {
		unsigned char c = *p;
		size_t n;
		if (c < 0x80) {
			if (c < 0x20 || c == 0x7f || (tsv && c == '\\'))
				return 0;
			p++;
			continue;
		}
		n = c >= 0xc3 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 :
		    c >= 0xf0 && c < 0xf5 ? 3 : 0;
		if (!n)
			return 0;
		for (p++; n--; p++)
			if ((*p & 0xc0) != 0x80)
				return 0;
	}
	return 1;
}

/* s as a terminal or TSV shows it: escaped only when it must be. */
static void put_escaped(struct out *o, const char *s, int tsv)
{
	char *e;

	if (plain_text((const unsigned char *)s, tsv)) {
		puts_(o, s);
		return;
	}
	if (!(e = qf_text_escape(s, tsv))) {
		o->b.oom = 1;
		return;
	}
	puts_(o, e);
	free(e);
}

static void render_tsv(const struct qf_table *t,
		       const struct qf_render_opts *opt, struct out *o)
{
	if (opt->header) {
		for (size_t c = 0; c < t->nshown; c++) {
			if (c)
				put(o, "\t", 1);
			puts_(o, qf_table_name(t, c));
		}
		put(o, "\n", 1);
		flush(o);
	}
	for (size_t r = 0; r < t->nrows && !o->failed; r++) {
		row_cells(t, r, o->cells, o->kcells);
		for (size_t c = 0; c < t->nshown; c++) {
			if (c)
				put(o, "\t", 1);
			put_escaped(o, o->cells[c], 1);
		}
		put(o, "\n", 1);
		flush(o);
	}
}

static void render_csv(const struct qf_table *t,
		       const struct qf_render_opts *opt, struct out *o)
{
	if (opt->bom)
		puts_(o, "\xef\xbb\xbf");
	for (size_t r = opt->header ? 0 : 1; r <= t->nrows && !o->failed; r++) {
		if (r)
			row_cells(t, r - 1, o->cells, o->kcells);
		for (size_t c = 0; c < t->nshown; c++) {
			const char *s = r ? o->cells[c] : qf_table_name(t, c);
			int numeric = t->numeric[t->kept[t->shown[c]]];
			if (c)
				put(o, ",", 1);
			if (!o->b.oom &&
			    qf_csv_cell(&o->b, s,
					!numeric || !r))
				o->b.oom = 1;
		}
		put(o, "\r\n", 2);
		flush(o);
	}
}

static void render_json(const struct qf_table *t, struct out *o)
{
	put(o, "[", 1);
	for (size_t r = 0; r < t->nrows && !o->failed; r++) {
		const char *rec = qf_table_record(t, r);
		puts_(o, r ? ",\n  " : "\n  ");
		if (rec) {
			puts_(o, rec);
			flush(o);
			continue;
		}
		row_cells(t, r, o->cells, o->kcells);
		put(o, "{", 1);
		for (size_t c = 0; c < t->nshown; c++) {
			const char *s = o->cells[c];
			if (c)
				put(o, ", ", 2);
			if (qf_json_string(&o->b,
					   qf_table_name(t, c)))
				o->b.oom = 1;
			put(o, ": ", 2);
			if (t->numeric[t->kept[t->shown[c]]] && *s)
				puts_(o, s);
			else if (qf_json_string(&o->b, s))
				o->b.oom = 1;
		}
		put(o, "}", 1);
		flush(o);
	}
	puts_(o, t->nrows ? "\n]\n" : "]\n");
	flush(o);
}

static void render_yaml(const struct qf_table *t, struct out *o)
{
	for (size_t r = 0; r < t->nrows && !o->failed; r++) {
		const char *rec = qf_table_record(t, r);
		struct qf_node *m;
		struct qf_error err;
		char *text;
		size_t len;

		if (rec) {
			puts_(o, rec);
			flush(o);
			continue;
		}
		if (!(m = qf_node_new_map())) {
			o->failed = 1;
			return;
		}
		row_cells(t, r, o->cells, o->kcells);
		for (size_t c = 0; c < t->nshown; c++) {
			const char *s = o->cells[c];
			struct qf_node *v =
				t->numeric[t->kept[t->shown[c]]] && *s ?
				qf_node_new_scalar_len(s, strlen(s),
						       QF_STYPE_INT) :
				qf_node_new_scalar(s);
			if (!v || qf_node_map_set(m, qf_table_name(t, c), v)) {
				qf_node_free(v);
				o->b.oom = 1;
			}
		}
		if (!o->b.oom && qf_yaml_emit(m, &text, &len, &err) == QF_OK) {
			put(o, text, len);
			free(text);
		} else {
			o->b.oom = 1;
		}
		qf_node_free(m);
		flush(o);
	}
}

/* 1 when every cell of shown column c is empty or a YYYY-MM-DD date. */
static int dates_only(const struct qf_table *t, size_t c)
{
	for (size_t r = 0; r < t->nrows; r++) {
		const char *s = qf_table_cell(t, r, c);
		struct qf_date d;
		if (*s && qf_date_parse(s, &d))
			return 0;
	}
	return 1;
}

/* Columns the escaped s takes on a terminal. */
static size_t escaped_width(const char *s, int *oom)
{
	char *e = qf_text_escape(s, 0);
	size_t w;

	if (!e) {
		*oom = 1;
		return 0;
	}
	w = qf_text_width(e);
	free(e);
	return w;
}

static void render_table(const struct qf_table *t,
			 const struct qf_render_opts *opt, struct out *o)
{
	size_t nc = t->nshown, total = 0;
	size_t *w = calloc(nc ? nc : 1, sizeof *w);
	int *dates = calloc(nc ? nc : 1, sizeof *dates);
	int oom = 0;

	if (!w || !dates) {
		o->failed = 1;
		goto out;
	}
	for (size_t c = 0; c < nc; c++)
		w[c] = qf_text_width(qf_table_name(t, c));
	for (size_t r = 0; r < t->nrows && !oom; r++) {
		row_cells(t, r, o->cells, o->kcells);
		for (size_t c = 0; c < nc; c++) {
			size_t cw = escaped_width(o->cells[c], &oom);
			if (cw > w[c])
				w[c] = cw;
		}
	}
	if (oom) {
		o->failed = 1;
		goto out;
	}
	for (size_t c = 0; c < nc; c++)
		total += w[c] + (c ? 2 : 0);
	/* Cut the flexible column so that the lines fit the terminal (down
	 * to its header); if that is not enough, the widest other text
	 * columns, one column at a time, never below their header or 8, and
	 * never a column of dates. */
	if (opt->width && total > opt->width && opt->fit_col >= 0 &&
	    (size_t)opt->fit_col < nc) {
		size_t other = total - w[opt->fit_col];
		size_t min = qf_text_width(qf_table_name(t, (size_t)opt->fit_col));
		if (w[opt->fit_col] > min) {
			w[opt->fit_col] = opt->width > other + min ?
					  opt->width - other : min;
			total = other + w[opt->fit_col];
		}
	}
	if (opt->width && total > opt->width)
		for (size_t c = 1; c < nc; c++)
			dates[c] = dates_only(t, c);
	while (opt->width && total > opt->width) {
		size_t best = nc;
		for (size_t c = 1; c < nc; c++) {
			size_t min = qf_text_width(qf_table_name(t, c));
			if (min < 8)
				min = 8;
			if (!t->numeric[t->kept[t->shown[c]]] && !dates[c] &&
			    w[c] > min && (best == nc || w[c] > w[best]))
				best = c;
		}
		if (best == nc)
			break;
		w[best]--;
		total--;
	}
	for (size_t r = opt->header ? 0 : 1; r <= t->nrows && !o->failed; r++) {
		if (r)
			row_cells(t, r - 1, o->cells, o->kcells);
		for (size_t c = 0; c < nc; c++) {
			const char *s = r ? o->cells[c] : qf_table_name(t, c);
			char *e = qf_text_escape(s, 0);
			char *cut = e ? qf_text_truncate(e, w[c]) : NULL;
			size_t sw;
			int last = c + 1 == nc;
			free(e);
			if (!cut) {
				o->failed = 1;
				goto out;
			}
			sw = qf_text_width(cut);
			if (c)
				qf_buf_spaces(&o->b, 2);
			if (t->numeric[t->kept[t->shown[c]]] && r) {
				qf_buf_spaces(&o->b, w[c] - sw);
				puts_(o, cut);
			} else {
				puts_(o, cut);
				if (!last)
					qf_buf_spaces(&o->b, w[c] - sw);
			}
			free(cut);
		}
		/* No trailing blanks when the last cells are empty. */
		while (!o->b.oom && o->b.len && o->b.s[o->b.len - 1] == ' ')
			o->b.s[--o->b.len] = '\0';
		put(o, "\n", 1);
		flush(o);
	}
out:
	free(w);
	free(dates);
}

int qf_table_write(const struct qf_table *t, const struct qf_render_opts *opt,
		   qf_sink_fn sink, void *ud)
{
	struct out o;
	int rc;

	memset(&o, 0, sizeof o);
	o.sink = sink;
	o.ud = ud;
	o.cells = calloc(t->nshown + 1, sizeof *o.cells);
	o.kcells = calloc(t->nkept + 1, sizeof *o.kcells);
	if (!o.cells || !o.kcells) {
		free(o.cells);
		free(o.kcells);
		return -1;
	}
	switch (opt->fmt) {
	case QF_FMT_TSV: render_tsv(t, opt, &o); break;
	case QF_FMT_CSV: render_csv(t, opt, &o); break;
	case QF_FMT_JSON: render_json(t, &o); break;
	case QF_FMT_YAML: render_yaml(t, &o); break;
	default: render_table(t, opt, &o); break;
	}
	flush(&o);
	rc = o.failed ? -1 : 0;
	qf_buf_release(&o.b);
	free(o.cells);
	free(o.kcells);
	return rc;
}

static int to_buf(const char *s, size_t n, void *ud)
{
	return qf_buf_put(ud, s, n);
}

char *qf_table_render(const struct qf_table *t,
		      const struct qf_render_opts *opt)
{
	struct qf_buf b = QF_BUF_INIT;

	if (qf_buf_put(&b, "", 0) || qf_table_write(t, opt, to_buf, &b)) {
		qf_buf_release(&b);
		return NULL;
	}
	return b.s;
}

int qf_format_parse(const char *s)
{
	static const char *const names[] = { "table", "tsv", "csv", "json",
					     "yaml" };

	for (int i = 0; i < 5; i++)
		if (!strcmp(s, names[i]))
			return i;
	return -1;
}
