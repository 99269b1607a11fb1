/* page.h - one writer for documents people read (the bulletin): a title,
 * headings, paragraphs, tables, lists and charts, written as plain text,
 * Markdown or HTML.
 *
 * The caller says what the document holds; the back end lays it out and
 * escapes every piece of text it is given, labels and data alike:
 *   text      qf_text_escape: no control byte reaches a terminal;
 *             table columns aligned by display width (wide characters
 *             count two);
 *   Markdown  the same, then qf_text_markdown: a "|" in a cell does not
 *             split it, a "*" or "<" stays a character;
 *   HTML      the same, then qf_text_html (entities).
 * Charts are drawn in HTML only (qf/chart.h); text and Markdown leave
 * them out, their figures being in the tables.
 *
 * Out of memory is remembered in the output buffer (qf_buf's oom). */
#ifndef QF_PAGE_H
#define QF_PAGE_H

#include <stddef.h>

#include "qf/buf.h"
#include "qf/chart.h"

/* QF_PAGE_TABLES writes nothing: it hands each table, with the heading
 * it comes under, to the function given to qf_page_collect (the
 * bulletin's tables as spreadsheet sheets, qf/xlsx.h). */
enum qf_page_format { QF_PAGE_TEXT, QF_PAGE_MARKDOWN, QF_PAGE_HTML,
		      QF_PAGE_TABLES };

#define QF_PAGE_MAXCOLS 8

struct qf_page_table;
typedef void (*qf_page_table_fn)(const char *heading,
				 const struct qf_page_table *t, void *ud);

struct qf_page {
	struct qf_buf *out;
	enum qf_page_format fmt;
	int prev;             /* the block written last (internal) */
	int list;             /* in a list: 1 bullets, 2 numbered */
	qf_page_table_fn on_table;   /* QF_PAGE_TABLES */
	void *table_ud;
	char heading[256];           /* the last heading, for on_table */
};

/* A table being filled: cells are copied. */
struct qf_page_table {
	size_t ncols, nrows, cap;
	int right[QF_PAGE_MAXCOLS];   /* right-aligned (figures) columns */
	char **cells;                /* nrows * ncols; row 0 is the header */
	int oom;
};

/* Begin a document: for HTML the head (lang as in <html lang>, style the
 * CSS) and an <h1>; for text the title line; for Markdown "# title". */
void qf_page_begin(struct qf_page *d, struct qf_buf *out,
		  enum qf_page_format fmt, const char *title,
		  const char *html_lang, const char *style);
void qf_page_end(struct qf_page *d);
/* QF_PAGE_TABLES: the function each table goes to (after qf_page_begin). */
void qf_page_collect(struct qf_page *d, qf_page_table_fn fn, void *ud);

void qf_page_heading(struct qf_page *d, const char *text);
/* One paragraph; a newline in text is shown as \n, not a break. */
void qf_page_para(struct qf_page *d, const char *text);

void qf_page_list_begin(struct qf_page *d, int numbered);
void qf_page_item(struct qf_page *d, const char *text);
void qf_page_list_end(struct qf_page *d);

/* ncols (at most QF_PAGE_MAXCOLS) columns; right: "01..." per column,
 * '1' for a right-aligned one, or NULL. */
void qf_page_table_init(struct qf_page_table *t, size_t ncols,
		       const char *right);
/* A row of ncols cells (NULL is empty); the first row is the header. */
void qf_page_table_row(struct qf_page_table *t, const char *const *cells);
/* Write the table and free its cells. */
void qf_page_table(struct qf_page *d, struct qf_page_table *t);

void qf_page_chart(struct qf_page *d, const struct qf_chart *c);

#endif
