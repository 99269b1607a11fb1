/* xlsx.c - the store's tables and the bulletin's as workbooks (see
 * qf/xlsx.h), through libxlsxwriter. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "i18n.h"
#include "qf/firms.h"
#include "qf/text.h"
#include "qf/xlsx.h"

/* Excel's limits: a cell holds 32767 characters, a sheet name 31. */
#define CELL_MAX 32767
#define WIDTH_MIN 6
#define WIDTH_MAX 60

const char *qf_xlsx_sheet_name(enum qf_export_table t, int zh)
{
	static const char *const zh_names[QF_EXPORT_NTABLES] = {
		QF_TERM("企业"), QF_TERM("政策"), QF_TERM("走访"),
		QF_TERM("诉求"), QF_TERM("办理记录"), QF_TERM("项目申报"),
		QF_TERM("活动")
	};

	if (t >= QF_EXPORT_NTABLES)
		return "";
	return zh ? zh_names[t] : qf_export_table_name(t);
}

struct book {
	lxw_workbook *wb;
	lxw_format *bold, *date;
	const char *path;
	struct qf_error *err;
	int rc;
};

static int book_open(struct book *b, const char *path, struct qf_error *err)
{
	lxw_workbook_options opt;

	memset(b, 0, sizeof *b);
	memset(&opt, 0, sizeof opt);
	b->path = path;
	b->err = err;
	/* Rows go to a temporary file as they are written, not to memory. */
	opt.constant_memory = LXW_TRUE;
	opt.tmpdir = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") :
		     NULL;
	if (!(b->wb = workbook_new_opt(path, &opt)))
		return qf_error_set(err, QF_ECANTCREAT, NULL, 0, 0,
				    _("cannot create %s"), path);
	b->bold = workbook_add_format(b->wb);
	b->date = workbook_add_format(b->wb);
	format_set_bold(b->bold);
	format_set_num_format(b->date, "yyyy-mm-dd");
	return 0;
}

/* Close (write) the workbook; the first error wins. */
static int book_close(struct book *b)
{
	lxw_error e = workbook_close(b->wb);

	b->wb = NULL;
	if (!b->rc && e != LXW_NO_ERROR)
		b->rc = qf_error_set(b->err, QF_EIO, NULL, 0, 0,
				     _("cannot write %s: %s"), b->path,
				     lxw_strerror(e));
	return b->rc;
}

static int lxw_fail(struct book *b, lxw_error e)
{
	if (!b->rc)
		b->rc = qf_error_set(b->err, QF_EIO, NULL, 0, 0,
				     _("cannot write %s: %s"), b->path,
				     lxw_strerror(e));
	return b->rc;
}

/* s cut to what a cell holds, at a character's start.  Points into s or
 * buf. */
static const char *cell_text(const char *s, struct qf_buf *buf)
{
	size_t len = strlen(s), n = 0, chars = 0;

	if (len <= CELL_MAX)
		return s;
	while (n < len && chars < CELL_MAX) {
		n++;
		while (n < len && ((unsigned char)s[n] & 0xc0) == 0x80)
			n++;
		chars++;
	}
	qf_buf_clear(buf);
	qf_buf_put(buf, s, n);
	return buf->oom ? "" : buf->s;
}

/* A sheet being written: its next row and its columns' widths. */
struct sheet {
	lxw_worksheet *ws;
	lxw_row_t row;
	size_t ncols;
	size_t width[64];
};

static void fit(struct sheet *sh, size_t col, const char *s)
{
	/* The widest line of the cell, a wide character counting two. */
	size_t w = 0;
	const char *p = s;

	if (col >= sizeof sh->width / sizeof sh->width[0])
		return;
	while (*p) {
		size_t n = strcspn(p, "\n");
		char line[512];
		size_t cw;
		snprintf(line, sizeof line, "%.*s", (int)(n < 511 ? n : 511), p);
		cw = qf_text_width(line);
		if (cw > w)
			w = cw;
		p += n;
		if (*p)
			p++;
	}
	if (w > sh->width[col])
		sh->width[col] = w;
}

static void sheet_finish(struct sheet *sh)
{
	for (size_t c = 0; c < sh->ncols && c < 64; c++) {
		size_t w = sh->width[c] + 2;
		if (w < WIDTH_MIN)
			w = WIDTH_MIN;
		if (w > WIDTH_MAX)
			w = WIDTH_MAX;
		worksheet_set_column(sh->ws, (lxw_col_t)c, (lxw_col_t)c,
				     (double)w, NULL);
	}
}

static int put_string(struct book *b, struct sheet *sh, size_t col,
		      const char *s, lxw_format *fmt, struct qf_buf *tmp)
{
	lxw_error e;

	if (!*s)
		return 0;
	e = worksheet_write_string(sh->ws, sh->row, (lxw_col_t)col,
				   cell_text(s, tmp), fmt);
	fit(sh, col, s);
	return e == LXW_NO_ERROR ? 0 : lxw_fail(b, e);
}

/* ---- the store's tables --------------------------------------------- */

struct table_ctx {
	struct book *b;
	struct sheet sh;
	const struct qf_column *cols;
	size_t ncols;
	int zh;
	struct qf_buf cell, tmp;
	size_t rows, base;
	const struct qf_export_opts *o;
	const struct qf_firms *firms;   /* names for firm columns, or NULL */
};

/* A whole number as stored: digits, maybe a minus, no more than 15 (a
 * double holds them exactly). */
static int whole(const char *s, double *v)
{
	const char *p = s + (*s == '-');
	size_t n = strlen(p);

	if (!n || n > 15 || strspn(p, "0123456789") != n ||
	    (n > 1 && p[0] == '0'))
		return 0;
	*v = strtod(s, NULL);
	return 1;
}

static int table_row(const struct qf_node *rec, const char *demand, void *ud,
		     struct qf_error *err)
{
	struct table_ctx *c = ud;
	struct book *b = c->b;

	for (size_t i = 0; i < c->ncols; i++) {
		const struct qf_column *col = &c->cols[i];
		struct qf_date d;
		double v;
		lxw_error e = LXW_NO_ERROR;

		qf_buf_clear(&c->cell);
		if (qf_export_cell(col, rec, demand, c->zh, &c->cell) ||
		    qf_buf_puts(&c->cell, ""))
			return qf_error_oom(err);
		if (!*c->cell.s)
			continue;
		/* A firm by its name: this sheet is for people. */
		if (col->kind == QF_COL_REF && col->ref == QF_FIRM && c->firms) {
			const char *name = qf_firms_name(c->firms, c->cell.s);
			if (name != c->cell.s) {
				qf_buf_clear(&c->cell);
				if (qf_buf_puts(&c->cell, name))
					return qf_error_oom(err);
			}
		}
		if (col->kind == QF_COL_DATE && !qf_date_parse(c->cell.s, &d)) {
			lxw_datetime dt = { d.y, d.m, d.d, 0, 0, 0 };
			e = worksheet_write_datetime(c->sh.ws, c->sh.row,
						     (lxw_col_t)i, &dt, b->date);
			fit(&c->sh, i, "0000-00-00");
		} else if (col->kind == QF_COL_INT && whole(c->cell.s, &v)) {
			e = worksheet_write_number(c->sh.ws, c->sh.row,
						   (lxw_col_t)i, v, NULL);
			fit(&c->sh, i, c->cell.s);
		} else if (put_string(b, &c->sh, i, c->cell.s, NULL, &c->tmp)) {
			return b->rc;
		}
		if (e != LXW_NO_ERROR)
			return lxw_fail(b, e);
	}
	c->sh.row++;
	c->rows++;
	if (c->o && c->o->progress)
		c->o->progress(c->base + c->rows, c->o->progress_ud);
	return 0;
}

int qf_xlsx_export(struct qf_store *s, const enum qf_export_table *tables,
		   size_t n, const struct qf_export_filter *f, int zh,
		   const struct qf_export_opts *o, const char *path,
		   size_t *rows, struct qf_error *err)
{
	struct qf_firms firms;
	int have_firms = 0;
	struct book b;
	size_t total = 0;
	int rc;

	/* The register's names, for the sheets that name firms. */
	for (size_t t = 0; t < n && !have_firms; t++)
		if (tables[t] == QF_EXPORT_VISITS || tables[t] == QF_EXPORT_DEMANDS ||
		    tables[t] == QF_EXPORT_APPLICATIONS) {
			if ((rc = qf_firms_load(s, &firms, QF_FIRMS_NAMES, err)))
				return rc;
			have_firms = 1;
		}
	if ((rc = book_open(&b, path, err))) {
		if (have_firms)
			qf_firms_release(&firms);
		return rc;
	}
	for (size_t t = 0; t < n && !b.rc; t++) {
		struct table_ctx c;
		memset(&c, 0, sizeof c);
		c.b = &b;
		c.zh = zh;
		c.o = o;
		c.base = total;
		c.cols = qf_export_columns(tables[t], &c.ncols);
		c.firms = have_firms ? &firms : NULL;
		c.sh.ncols = c.ncols;
		if (!(c.sh.ws = workbook_add_worksheet(b.wb,
				qf_xlsx_sheet_name(tables[t], zh)))) {
			b.rc = qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
					    _("cannot add sheet %s"),
					    qf_xlsx_sheet_name(tables[t], zh));
			break;
		}
		for (size_t i = 0; i < c.ncols && !b.rc; i++)
			put_string(&b, &c.sh, i, zh ? c.cols[i].zh :
				   c.cols[i].field, b.bold, &c.tmp);
		worksheet_freeze_panes(c.sh.ws, 1, 0);
		c.sh.row = 1;
		if (!b.rc && (rc = qf_export_each(s, tables[t], f, table_row,
						  &c, err)))
			b.rc = rc;
		sheet_finish(&c.sh);
		total += c.rows;
		qf_buf_release(&c.cell);
		qf_buf_release(&c.tmp);
	}
	if (rows)
		*rows = total;
	if (have_firms)
		qf_firms_release(&firms);
	return book_close(&b);
}

/* ---- the bulletin --------------------------------------------------- */

struct report_ctx {
	struct book *b;
	int n;
	struct qf_buf tmp;
	lxw_format *delta, *pct, *dec;
};

/* A figure of the bulletin as a number: "12"; a change "+3" or "-2"
 * (shown with its sign); "12.5" (a median); "98.4%" (a rate).  *fmt the
 * format to show it as the bulletin does.  0 when s is text ("63/64 =
 * 98.4%", "-"). */
static int figure(struct report_ctx *c, const char *s, double *v,
		  lxw_format **fmt)
{
	const char *p = s + (*s == '+' || *s == '-'), *rest;
	size_t n = strspn(p, "0123456789"), frac = 0;

	if (!n || n > 15)
		return 0;
	if (p[n] == '.' && !(frac = strspn(p + n + 1, "0123456789")))
		return 0;
	rest = p + n + (frac ? frac + 1 : 0);
	if (*rest && strcmp(rest, "%"))
		return 0;
	*v = strtod(s, NULL);
	if (*rest) {
		*v /= 100;
		*fmt = c->pct;
	} else if (p != s) {
		*fmt = c->delta;
	} else {
		*fmt = frac ? c->dec : NULL;
	}
	return 1;
}

/* A sheet name from a heading: "1. 概况" gives "概况"; the characters a
 * sheet name cannot hold ([ ] : * ? / \) become spaces, and it is cut to
 * 31 characters. */
static void sheet_title(const char *heading, int n, char *out, size_t size)
{
	const char *p = heading;
	size_t o = 0, chars = 0;

	while (*p >= '0' && *p <= '9')
		p++;
	if (p > heading && *p == '.')
		p++;
	else
		p = heading;
	while (*p == ' ')
		p++;
	while (*p && o + 5 < size && chars < 31) {
		size_t len = 1;
		while (((unsigned char)p[len] & 0xc0) == 0x80)
			len++;
		if (len == 1 && strchr("[]:*?/\\'", *p))
			out[o++] = ' ';
		else if (len == 1 && (unsigned char)*p < 0x20)
			out[o++] = ' ';
		else {
			memcpy(out + o, p, len);
			o += len;
		}
		p += len;
		chars++;
	}
	while (o && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	if (!o)
		snprintf(out, size, "%d", n);
}

static void report_table(const char *heading, const struct qf_page_table *t,
			 void *ud)
{
	struct report_ctx *c = ud;
	struct book *b = c->b;
	struct sheet sh;
	char name[160];

	if (b->rc)
		return;
	memset(&sh, 0, sizeof sh);
	sheet_title(heading, ++c->n, name, sizeof name);
	/* Asked first: libxlsxwriter warns on stderr of a name in use. */
	if (workbook_get_worksheet_by_name(b->wb, name) ||
	    !(sh.ws = workbook_add_worksheet(b->wb, name))) {
		/* A name taken already (two tables under one heading). */
		char again[200];
		snprintf(again, sizeof again, "%.150s %d", name, c->n);
		if (!(sh.ws = workbook_add_worksheet(b->wb, again))) {
			b->rc = qf_error_set(b->err, QF_ESOFTWARE, NULL, 0, 0,
					     _("cannot add sheet %s"), again);
			return;
		}
	}
	sh.ncols = t->ncols;
	for (size_t r = 0; r < t->nrows && !b->rc; r++, sh.row++) {
		for (size_t col = 0; col < t->ncols && !b->rc; col++) {
			const char *s = t->cells[r * t->ncols + col];
			double v;
			lxw_format *nf;
			if (r && figure(c, s, &v, &nf)) {
				lxw_error e = worksheet_write_number(sh.ws, sh.row,
						(lxw_col_t)col, v, nf);
				fit(&sh, col, s);
				if (e != LXW_NO_ERROR)
					lxw_fail(b, e);
			} else {
				put_string(b, &sh, col, s, r ? NULL : b->bold,
					   &c->tmp);
			}
		}
	}
	worksheet_freeze_panes(sh.ws, 1, 0);
	sheet_finish(&sh);
}

int qf_xlsx_report(const struct qf_month_figures *f, const char *lang,
		   const char *org, const char *path, struct qf_error *err)
{
	struct report_ctx c;
	struct book b;
	int rc;

	if ((rc = book_open(&b, path, err)))
		return rc;
	memset(&c, 0, sizeof c);
	c.b = &b;
	c.delta = workbook_add_format(b.wb);
	c.pct = workbook_add_format(b.wb);
	c.dec = workbook_add_format(b.wb);
	format_set_num_format(c.delta, "+0;-0;0");
	format_set_num_format(c.pct, "0.0%");
	format_set_num_format(c.dec, "0.0");
	if (qf_report_tables(f, lang, org, report_table, &c) && !b.rc)
		b.rc = qf_error_oom(err);
	qf_buf_release(&c.tmp);
	return book_close(&b);
}
