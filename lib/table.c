/* table.c - lists for people and for programs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qf/date.h"
#include "qf/json.h"
#include "qf/table.h"
#include "qf/text.h"
#include "qf/yaml.h"

struct qf_table *qf_table_new(const char *const *names, const int *numeric,
			      size_t ncols)
{
	struct qf_table *t = calloc(1, sizeof *t);

	if (!t)
		return NULL;
	t->ncols = ncols;
	t->names = calloc(ncols, sizeof *t->names);
	t->numeric = calloc(ncols, sizeof *t->numeric);
	if (!t->names || !t->numeric)
		goto fail;
	for (size_t i = 0; i < ncols; i++) {
		if (!(t->names[i] = strdup(names[i])))
			goto fail;
		t->numeric[i] = numeric ? numeric[i] : 0;
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
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	for (size_t i = 0; i < t->nrows; i++)
		qf_node_free(t->recs[i]);
	if (t->names)
		for (size_t i = 0; i < t->ncols; i++)
			free(t->names[i]);
	free(t->cells);
	free(t->recs);
	free(t->names);
	free(t->numeric);
	free(t);
}

int qf_table_add(struct qf_table *t, const char *const *cells,
		 struct qf_node *rec)
{
	size_t base;

	if (t->nrows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 32;
		char **c = realloc(t->cells, cap * t->ncols * sizeof *c);
		struct qf_node **r;
		if (!c)
			goto fail;
		t->cells = c;
		if (!(r = realloc(t->recs, cap * sizeof *r)))
			goto fail;
		t->recs = r;
		t->cap = cap;
	}
	base = t->nrows * t->ncols;
	for (size_t i = 0; i < t->ncols; i++) {
		t->cells[base + i] = strdup(cells[i] ? cells[i] : "");
		if (!t->cells[base + i]) {
			while (i--)
				free(t->cells[base + i]);
			goto fail;
		}
	}
	t->recs[t->nrows++] = rec;
	return 0;
fail:
	qf_node_free(rec);
	return -1;
}

int qf_table_col(const struct qf_table *t, const char *name)
{
	for (size_t i = 0; i < t->ncols; i++)
		if (!strcmp(t->names[i], name))
			return (int)i;
	return -1;
}

static int cell_cmp(const char *a, const char *b, int numeric)
{
	if (!*a || !*b)
		return !*a - !*b;      /* empty last */
	if (numeric) {
		double x = strtod(a, NULL), y = strtod(b, NULL);
		return (x > y) - (x < y);
	}
	return strcmp(a, b);
}

void qf_table_sort(struct qf_table *t, size_t col, int desc)
{
	size_t nc = t->ncols;
	char **tmp;

	if (col >= nc || t->nrows < 2)
		return;
	if (!(tmp = malloc(nc * sizeof *tmp)))
		return;
	/* Insertion sort: stable, and lists are hundreds of rows. */
	for (size_t i = 1; i < t->nrows; i++) {
		struct qf_node *r = t->recs[i];
		size_t j = i;

		memcpy(tmp, &t->cells[i * nc], nc * sizeof *tmp);
		while (j > 0) {
			const char *a = t->cells[(j - 1) * nc + col];
			int c = cell_cmp(a, tmp[col], t->numeric[col]);
			if (desc && *a && *tmp[col])
				c = -c;
			if (c <= 0)
				break;
			memcpy(&t->cells[j * nc], &t->cells[(j - 1) * nc],
			       nc * sizeof *tmp);
			t->recs[j] = t->recs[j - 1];
			j--;
		}
		memcpy(&t->cells[j * nc], tmp, nc * sizeof *tmp);
		t->recs[j] = r;
	}
	free(tmp);
}

int qf_table_select(struct qf_table *t, const char *const *names, size_t n,
		    const char **bad)
{
	int *idx = malloc((n ? n : 1) * sizeof *idx);
	char **cells = NULL, **nm = NULL;
	int *num = NULL;

	if (!idx)
		return -1;
	for (size_t i = 0; i < n; i++)
		if ((idx[i] = qf_table_col(t, names[i])) < 0) {
			*bad = names[i];
			free(idx);
			return -1;
		}
	cells = calloc(t->nrows * n + 1, sizeof *cells);
	nm = calloc(n + 1, sizeof *nm);
	num = calloc(n + 1, sizeof *num);
	if (!cells || !nm || !num)
		goto oom;
	for (size_t i = 0; i < n; i++) {
		if (!(nm[i] = strdup(t->names[idx[i]])))
			goto oom;
		num[i] = t->numeric[idx[i]];
	}
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t i = 0; i < n; i++)
			if (!(cells[r * n + i] =
			      strdup(t->cells[r * t->ncols + (size_t)idx[i]])))
				goto oom;
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	for (size_t i = 0; i < t->ncols; i++)
		free(t->names[i]);
	free(t->cells);
	free(t->names);
	free(t->numeric);
	t->cells = cells;
	t->names = nm;
	t->numeric = num;
	t->ncols = n;
	t->cap = t->nrows;
	free(idx);
	return 0;
oom:
	if (cells)
		for (size_t i = 0; i < t->nrows * n; i++)
			free(cells[i]);
	if (nm)
		for (size_t i = 0; i < n; i++)
			free(nm[i]);
	free(cells);
	free(nm);
	free(num);
	free(idx);
	*bad = NULL;
	return -1;
}

struct out {
	char *s;
	size_t len, cap;
	int oom;
};

static void put(struct out *o, const char *s, size_t n)
{
	if (o->oom)
		return;
	if (o->len + n + 1 > o->cap) {
		size_t c = o->cap ? o->cap : 1024;
		char *p;
		while (o->len + n + 1 > c)
			c *= 2;
		if (!(p = realloc(o->s, c))) {
			o->oom = 1;
			return;
		}
		o->s = p;
		o->cap = c;
	}
	memcpy(o->s + o->len, s, n);
	o->len += n;
	o->s[o->len] = '\0';
}

static void puts_(struct out *o, const char *s)
{
	put(o, s, strlen(s));
}

static void spaces(struct out *o, size_t n)
{
	while (n--)
		put(o, " ", 1);
}

static const char *cell(const struct qf_table *t, size_t r, size_t c)
{
	return t->cells[r * t->ncols + c];
}

static void render_tsv(const struct qf_table *t,
		       const struct qf_render_opts *opt, struct out *o)
{
	if (opt->header) {
		for (size_t c = 0; c < t->ncols; c++) {
			if (c)
				put(o, "\t", 1);
			puts_(o, t->names[c]);
		}
		put(o, "\n", 1);
	}
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			char *e = qf_text_escape(cell(t, r, c), 1);
			if (!e) {
				o->oom = 1;
				return;
			}
			if (c)
				put(o, "\t", 1);
			puts_(o, e);
			free(e);
		}
		put(o, "\n", 1);
	}
}

static void render_csv(const struct qf_table *t,
		       const struct qf_render_opts *opt, struct out *o)
{
	if (opt->bom)
		puts_(o, "\xef\xbb\xbf");
	for (size_t r = opt->header ? 0 : 1; r <= t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = r ? cell(t, r - 1, c) : t->names[c];
			if (c)
				put(o, ",", 1);
			if (!o->oom && qf_csv_cell(&o->s, &o->len, &o->cap, s,
						   !t->numeric[c] || !r))
				o->oom = 1;
		}
		put(o, "\r\n", 2);
	}
}

static void render_json(const struct qf_table *t, struct out *o)
{
	put(o, "[", 1);
	for (size_t r = 0; r < t->nrows && !o->oom; r++) {
		puts_(o, r ? ",\n  " : "\n  ");
		if (t->recs[r]) {
			if (qf_json_node(&o->s, &o->len, &o->cap, t->recs[r],
					 2, 1))
				o->oom = 1;
			continue;
		}
		put(o, "{", 1);
		for (size_t c = 0; c < t->ncols && !o->oom; c++) {
			const char *s = cell(t, r, c);
			if (c)
				put(o, ", ", 2);
			if (qf_json_string(&o->s, &o->len, &o->cap, t->names[c]))
				o->oom = 1;
			put(o, ": ", 2);
			if (t->numeric[c] && *s)
				puts_(o, s);
			else if (qf_json_string(&o->s, &o->len, &o->cap, s))
				o->oom = 1;
		}
		put(o, "}", 1);
	}
	puts_(o, t->nrows ? "\n]\n" : "]\n");
}

static void render_yaml(const struct qf_table *t, struct out *o)
{
	for (size_t r = 0; r < t->nrows && !o->oom; r++) {
		struct qf_node *m = t->recs[r];
		struct qf_node *own = NULL;
		struct qf_error err;
		char *text;
		size_t len;

		if (!m) {
			if (!(own = m = qf_node_new_map())) {
				o->oom = 1;
				return;
			}
			for (size_t c = 0; c < t->ncols; c++) {
				const char *s = cell(t, r, c);
				struct qf_node *v = t->numeric[c] && *s ?
					qf_node_new_scalar_len(s, strlen(s),
							       QF_STYPE_INT) :
					qf_node_new_scalar(s);
				if (!v || qf_node_map_set(m, t->names[c], v)) {
					qf_node_free(v);
					o->oom = 1;
				}
			}
		}
		if (!o->oom && qf_yaml_emit(m, &text, &len, &err) == QF_OK) {
			put(o, text, len);
			free(text);
		} else {
			o->oom = 1;
		}
		qf_node_free(own);
	}
}

/* 1 when every cell of column c is empty or a YYYY-MM-DD date. */
static int dates_only(const struct qf_table *t, size_t c)
{
	for (size_t r = 0; r < t->nrows; r++) {
		const char *s = t->cells[r * t->ncols + c];
		struct qf_date d;
		if (*s && qf_date_parse(s, &d))
			return 0;
	}
	return 1;
}

static void render_table(const struct qf_table *t,
			 const struct qf_render_opts *opt, struct out *o)
{
	size_t nc = t->ncols, total = 0;
	size_t *w = calloc(nc ? nc : 1, sizeof *w);
	char **esc = calloc(t->nrows * nc + 1, sizeof *esc);

	if (!w || !esc) {
		o->oom = 1;
		goto out;
	}
	for (size_t c = 0; c < nc; c++)
		w[c] = qf_text_width(t->names[c]);
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < nc; c++) {
			size_t cw;
			if (!(esc[r * nc + c] = qf_text_escape(cell(t, r, c), 0))) {
				o->oom = 1;
				goto out;
			}
			if ((cw = qf_text_width(esc[r * nc + c])) > w[c])
				w[c] = cw;
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
		size_t min = qf_text_width(t->names[opt->fit_col]);
		if (w[opt->fit_col] > min) {
			w[opt->fit_col] = opt->width > other + min ?
					  opt->width - other : min;
			total = other + w[opt->fit_col];
		}
	}
	while (opt->width && total > opt->width) {
		size_t best = nc;
		for (size_t c = 1; c < nc; c++) {
			size_t min = qf_text_width(t->names[c]);
			if (min < 8)
				min = 8;
			if (!t->numeric[c] && !dates_only(t, c) && w[c] > min &&
			    (best == nc || w[c] > w[best]))
				best = c;
		}
		if (best == nc)
			break;
		w[best]--;
		total--;
	}
	for (size_t r = opt->header ? 0 : 1; r <= t->nrows; r++) {
		size_t start = o->len;
		for (size_t c = 0; c < nc; c++) {
			const char *s = r ? esc[(r - 1) * nc + c] : t->names[c];
			char *cut = qf_text_truncate(s, w[c]);
			size_t sw;
			int last = c + 1 == nc;
			if (!cut) {
				o->oom = 1;
				goto out;
			}
			sw = qf_text_width(cut);
			if (c)
				spaces(o, 2);
			if (t->numeric[c] && r) {
				spaces(o, w[c] - sw);
				puts_(o, cut);
			} else {
				puts_(o, cut);
				if (!last)
					spaces(o, w[c] - sw);
			}
			free(cut);
		}
		/* No trailing blanks when the last cells are empty. */
		while (!o->oom && o->len > start && o->s[o->len - 1] == ' ')
			o->s[--o->len] = '\0';
		put(o, "\n", 1);
	}
out:
	if (esc)
		for (size_t i = 0; i < t->nrows * nc; i++)
			free(esc[i]);
	free(esc);
	free(w);
}

char *qf_table_render(const struct qf_table *t,
		      const struct qf_render_opts *opt)
{
	struct out o = { NULL, 0, 0, 0 };

	put(&o, "", 0);
	switch (opt->fmt) {
	case QF_FMT_TSV: render_tsv(t, opt, &o); break;
	case QF_FMT_CSV: render_csv(t, opt, &o); break;
	case QF_FMT_JSON: render_json(t, &o); break;
	case QF_FMT_YAML: render_yaml(t, &o); break;
	default: render_table(t, opt, &o); break;
	}
	if (o.oom) {
		free(o.s);
		return NULL;
	}
	return o.s;
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
