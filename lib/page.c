/* page.c - headings, paragraphs, tables, lists and charts as text,
 * Markdown and HTML (see qf/page.h).  Every string written passes through
 * put_text, the one place that escapes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qf/page.h"
#include "qf/text.h"

/* What came last, for the blank lines of text and Markdown. */
enum { NONE, HEADING, PARA, TABLE, LIST };

/* s as the back end writes text; block: s opens a paragraph or item. */
static void put_text(struct qf_page *d, const char *s, int block)
{
	char *safe;

	switch (d->fmt) {
	case QF_PAGE_HTML:
		qf_text_html(d->out, s);
		break;
	case QF_PAGE_MARKDOWN:
		qf_text_markdown(d->out, s, block);
		break;
	default:
		if (!(safe = qf_text_escape(s ? s : "", 0))) {
			d->out->oom = 1;
			return;
		}
		qf_buf_puts(d->out, safe);
		free(safe);
	}
}

/* The blank line text and Markdown put between blocks: none after a
 * heading, none between a paragraph and the list it introduces. */
static void gap(struct qf_page *d, int next)
{
	if (d->fmt == QF_PAGE_HTML || d->fmt == QF_PAGE_TABLES)
		return;
	if (d->prev == TABLE || d->prev == LIST ||
	    (d->prev == PARA && next != LIST))
		qf_buf_putc(d->out, '\n');
}

void qf_page_begin(struct qf_page *d, struct qf_buf *out,
		  enum qf_page_format fmt, const char *title,
		  const char *html_lang, const char *style)
{
	memset(d, 0, sizeof *d);
	d->out = out;
	d->fmt = fmt;
	if (fmt == QF_PAGE_TABLES) {
		snprintf(d->heading, sizeof d->heading, "%s", title ? title : "");
	} else if (fmt == QF_PAGE_HTML) {
		qf_buf_printf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>",
			      html_lang ? html_lang : "en");
		put_text(d, title, 0);
		qf_buf_printf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>",
			      style ? style : "");
		put_text(d, title, 0);
		qf_buf_puts(out, "</h1>\n");
	} else {
		if (fmt == QF_PAGE_MARKDOWN)
			qf_buf_puts(out, "# ");
		put_text(d, title, 0);
		qf_buf_putc(out, '\n');
	}
	d->prev = HEADING;
}

void qf_page_collect(struct qf_page *d, qf_page_table_fn fn, void *ud)
{
	d->on_table = fn;
	d->table_ud = ud;
}

void qf_page_end(struct qf_page *d)
{
	if (d->list)
		qf_page_list_end(d);
	if (d->fmt == QF_PAGE_HTML)
		qf_buf_puts(d->out, "</body>\n</html>\n");
}

void qf_page_heading(struct qf_page *d, const char *text)
{
	if (d->list)
		qf_page_list_end(d);
	if (d->fmt == QF_PAGE_TABLES) {
		snprintf(d->heading, sizeof d->heading, "%s", text ? text : "");
	} else if (d->fmt == QF_PAGE_HTML) {
		qf_buf_puts(d->out, "<h2>");
		put_text(d, text, 0);
		qf_buf_puts(d->out, "</h2>\n");
	} else {
		qf_buf_puts(d->out, d->fmt == QF_PAGE_MARKDOWN ? "\n## " : "\n");
		put_text(d, text, 0);
		qf_buf_puts(d->out, "\n\n");
	}
	d->prev = HEADING;
}

void qf_page_para(struct qf_page *d, const char *text)
{
	if (d->list)
		qf_page_list_end(d);
	if (d->fmt == QF_PAGE_TABLES)
		return;
	gap(d, PARA);
	if (d->fmt == QF_PAGE_HTML)
		qf_buf_puts(d->out, "<p>");
	put_text(d, text, 1);
	qf_buf_puts(d->out, d->fmt == QF_PAGE_HTML ? "</p>\n" : "\n");
	d->prev = PARA;
}

void qf_page_list_begin(struct qf_page *d, int numbered)
{
	if (d->list)
		qf_page_list_end(d);
	gap(d, LIST);
	d->list = numbered ? 2 : 1;
	if (d->fmt == QF_PAGE_HTML)
		qf_buf_puts(d->out, numbered ? "<ol>\n" : "<ul>\n");
	d->prev = LIST;
}

void qf_page_item(struct qf_page *d, const char *text)
{
	if (!d->list)
		qf_page_list_begin(d, 0);
	switch (d->fmt) {
	case QF_PAGE_TABLES:
		break;
	case QF_PAGE_HTML:
		qf_buf_puts(d->out, "<li>");
		put_text(d, text, 0);
		qf_buf_puts(d->out, "</li>\n");
		break;
	case QF_PAGE_MARKDOWN:
		qf_buf_puts(d->out, "- ");
		put_text(d, text, 1);
		qf_buf_putc(d->out, '\n');
		break;
	default:
		qf_buf_puts(d->out, "  ");
		put_text(d, text, 0);
		qf_buf_putc(d->out, '\n');
	}
}

void qf_page_list_end(struct qf_page *d)
{
	if (d->list && d->fmt == QF_PAGE_HTML)
		qf_buf_puts(d->out, d->list == 2 ? "</ol>\n" : "</ul>\n");
	d->list = 0;
	d->prev = LIST;
}

/* ---- tables ---------------------------------------------------------- */

void qf_page_table_init(struct qf_page_table *t, size_t ncols,
		       const char *right)
{
	memset(t, 0, sizeof *t);
	t->ncols = ncols > QF_PAGE_MAXCOLS ? QF_PAGE_MAXCOLS : ncols;
	for (size_t i = 0; right && right[i] && i < t->ncols; i++)
		t->right[i] = right[i] == '1';
}

void qf_page_table_row(struct qf_page_table *t, const char *const *cells)
{
	if (t->oom)
		return;
	if (t->nrows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		char **c = realloc(t->cells, cap * t->ncols * sizeof *c);
		if (!c) {
			t->oom = 1;
			return;
		}
		t->cells = c;
		t->cap = cap;
	}
	for (size_t i = 0; i < t->ncols; i++) {
		const char *s = cells[i] ? cells[i] : "";
		char **cell = &t->cells[t->nrows * t->ncols + i];
		if (!(*cell = strdup(s))) {
			while (i--)
				free(t->cells[t->nrows * t->ncols + i]);
			t->oom = 1;
			return;
		}
	}
	t->nrows++;
}

static void table_html(struct qf_page *d, const struct qf_page_table *t)
{
	qf_buf_puts(d->out, "<table>\n");
	for (size_t r = 0; r < t->nrows; r++) {
		qf_buf_puts(d->out, "<tr>");
		for (size_t c = 0; c < t->ncols; c++) {
			qf_buf_puts(d->out, r ? (t->right[c] ?
				    "<td class=\"n\">" : "<td>") : "<th>");
			put_text(d, t->cells[r * t->ncols + c], 0);
			qf_buf_puts(d->out, r ? "</td>" : "</th>");
		}
		qf_buf_puts(d->out, "</tr>\n");
	}
	qf_buf_puts(d->out, "</table>\n");
}

static void table_markdown(struct qf_page *d, const struct qf_page_table *t)
{
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			qf_buf_puts(d->out, "| ");
			put_text(d, t->cells[r * t->ncols + c], 0);
			qf_buf_putc(d->out, ' ');
		}
		qf_buf_puts(d->out, "|\n");
		if (r == 0) {
			for (size_t c = 0; c < t->ncols; c++)
				qf_buf_puts(d->out, t->right[c] ? "|---:" : "|---");
			qf_buf_puts(d->out, "|\n");
		}
	}
}

/* Columns aligned by display width, of the cells as escaped. */
static void table_text(struct qf_page *d, struct qf_page_table *t)
{
	size_t w[QF_PAGE_MAXCOLS] = { 0 };
	struct qf_buf *o = d->out;

	for (size_t i = 0; i < t->nrows * t->ncols; i++) {
		char *safe = qf_text_escape(t->cells[i], 0);
		size_t cw;
		if (!safe) {
			o->oom = 1;
			return;
		}
		free(t->cells[i]);
		t->cells[i] = safe;
		cw = qf_text_width(safe);
		if (cw > w[i % t->ncols])
			w[i % t->ncols] = cw;
	}
	for (size_t r = 0; r < t->nrows; r++) {
		size_t start = o->len;
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = t->cells[r * t->ncols + c];
			size_t cw = qf_text_width(s);
			size_t padn = w[c] > cw ? w[c] - cw : 0;
			if (c)
				qf_buf_puts(o, "  ");
			if (t->right[c] && r > 0)
				qf_buf_spaces(o, padn);
			qf_buf_puts(o, s);
			if (!(t->right[c] && r > 0))
				qf_buf_spaces(o, padn);
		}
		while (!o->oom && o->len > start && o->s[o->len - 1] == ' ')
			o->s[--o->len] = '\0';
		qf_buf_putc(o, '\n');
	}
}

void qf_page_table(struct qf_page *d, struct qf_page_table *t)
{
	if (d->list)
		qf_page_list_end(d);
	if (t->oom) {
		d->out->oom = 1;
	} else if (d->fmt == QF_PAGE_TABLES) {
		if (d->on_table)
			d->on_table(d->heading, t, d->table_ud);
	} else {
		gap(d, TABLE);
		if (d->fmt == QF_PAGE_HTML)
			table_html(d, t);
		else if (d->fmt == QF_PAGE_MARKDOWN)
			table_markdown(d, t);
		else
			table_text(d, t);
		d->prev = TABLE;
	}
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	memset(t, 0, sizeof *t);
}

void qf_page_chart(struct qf_page *d, const struct qf_chart *c)
{
	if (d->fmt != QF_PAGE_HTML)
		return;
	if (d->list)
		qf_page_list_end(d);
	qf_chart_svg(d->out, c);
}
