/* table.h - lists for people and for programs.
 *
 * A table is named columns of text cells, one row per record, optionally
 * with the full record behind each row.  It renders as an aligned table
 * for a terminal (wide characters count two columns; control characters
 * escaped; one column cut with "…" to fit the width), TSV (escaped so a
 * field never holds a tab or newline), CSV (RFC 4180; text cells a
 * spreadsheet would run as a formula neutralised), JSON or YAML (the full
 * records when the rows have them, else objects of the columns).
 */
#ifndef QF_TABLE_H
#define QF_TABLE_H

#include <stddef.h>

#include "qf/node.h"

enum qf_format { QF_FMT_TABLE, QF_FMT_TSV, QF_FMT_CSV, QF_FMT_JSON,
		 QF_FMT_YAML };

struct qf_table {
	size_t ncols;
	char **names;        /* owned */
	int *numeric;        /* per column: right-aligned, never neutralised */
	size_t nrows, cap;
	char **cells;        /* nrows * ncols, owned */
	struct qf_node **recs;   /* per row, owned, may be NULL */
};

/* A table with these columns; numeric may be NULL (all text).  NULL when
 * out of memory.  Free with qf_table_free. */
struct qf_table *qf_table_new(const char *const *names, const int *numeric,
			      size_t ncols);
void qf_table_free(struct qf_table *t);

/* Add a row: ncols cells (NULL for empty) are copied; rec (may be NULL) is
 * taken.  -1 when out of memory (rec is then freed). */
int qf_table_add(struct qf_table *t, const char *const *cells,
		 struct qf_node *rec);

/* Sort the rows by column col, stably; numeric columns by value, others
 * by bytes; descending when desc.  Empty cells go last either way. */
void qf_table_sort(struct qf_table *t, size_t col, int desc);

/* Index of a column by name, or -1. */
int qf_table_col(const struct qf_table *t, const char *name);

/* Keep only the columns named (in that order).  Returns 0, or -1 with
 * *bad set to the first unknown name (the table is then unchanged). */
int qf_table_select(struct qf_table *t, const char *const *names, size_t n,
		    const char **bad);

struct qf_render_opts {
	enum qf_format fmt;
	int header;          /* TABLE/TSV/CSV: print the column names first */
	size_t width;        /* TABLE: terminal width; 0 = no limit */
	int fit_col;         /* TABLE: column cut to fit, -1 = none */
	int bom;             /* CSV: start with a UTF-8 BOM (for Excel) */
};

/* Render into a malloc'd string (caller frees); NULL when out of
 * memory. */
char *qf_table_render(const struct qf_table *t,
		      const struct qf_render_opts *o);

/* Parse "table", "tsv", "csv", "json", "yaml".  -1 if none. */
int qf_format_parse(const char *s);

#endif
