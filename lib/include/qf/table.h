/* table.h - lists for people and for programs.
 *
 * A table is named columns of text cells, one row per record, optionally
 * with the full record behind each row, kept as the text it prints as.
 * Cells and records live in one buffer; a list keeps only the columns it
 * prints or sorts by, and prints a row at a time.  It renders as an aligned table
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

struct qf_table;

/* A table with these columns; numeric may be NULL (all text).  NULL when
 * out of memory.  Free with qf_table_free. */
struct qf_table *qf_table_new(const char *const *names, const int *numeric,
			      size_t ncols);
void qf_table_free(struct qf_table *t);

/* Before any row is added: the columns rows keep (of those given to
 * qf_table_new, in this order), so that a list holds only what it prints
 * or sorts by.  Returns 0, or -1 with *bad set to the first unknown name
 * (NULL when out of memory, or when rows are already there). */
int qf_table_keep(struct qf_table *t, const char *const *names, size_t n,
		  const char **bad);
/* Before any row is added: keep each row's record rendered for fmt (JSON
 * or YAML: the full record, as those formats print it); other formats
 * keep none. */
void qf_table_keep_records(struct qf_table *t, enum qf_format fmt);

/* Add a row: cells for every column given to qf_table_new (NULL for
 * empty), of which the kept ones are copied; rec (may be NULL) is only
 * read.  -1 when out of memory. */
int qf_table_add(struct qf_table *t, const char *const *cells,
		 const struct qf_node *rec);

/* The columns shown (names, count), the rows, a cell ("" when empty) and a
 * row's rendered record (NULL when none is kept). */
size_t qf_table_ncols(const struct qf_table *t);
const char *qf_table_name(const struct qf_table *t, size_t col);
size_t qf_table_nrows(const struct qf_table *t);
const char *qf_table_cell(const struct qf_table *t, size_t row, size_t col);
const char *qf_table_record(const struct qf_table *t, size_t row);

/* Sort the rows by shown column col, stably, in O(n log n); numeric
 * columns by value, others by bytes except that runs of digits compare as
 * numbers ("D-HY-202401-1001" before "D-HY-202401-10000"); descending
 * when desc.  Empty cells go last either way.  -1 when out of memory
 * (the order is then unchanged). */
int qf_table_sort(struct qf_table *t, size_t col, int desc);

/* Index of a shown column by name, or -1. */
int qf_table_col(const struct qf_table *t, const char *name);

/* Show only the columns named (in that order), of the kept ones.
 * Returns 0, or -1 with *bad set to the first unknown name (the table is
 * then unchanged; NULL when out of memory). */
int qf_table_select(struct qf_table *t, const char *const *names, size_t n,
		    const char **bad);

struct qf_render_opts {
	enum qf_format fmt;
	int header;          /* TABLE/TSV/CSV: print the column names first */
	size_t width;        /* TABLE: terminal width; 0 = no limit */
	int fit_col;         /* TABLE: column cut to fit, -1 = none */
	int bom;             /* CSV: start with a UTF-8 BOM (for Excel) */
};

/* Write the table a piece at a time (a row, or a record) to sink, which
 * returns 0 to go on.  Returns 0, or -1 when out of memory or the sink
 * failed. */
typedef int (*qf_sink_fn)(const char *s, size_t n, void *ud);
int qf_table_write(const struct qf_table *t, const struct qf_render_opts *o,
		   qf_sink_fn sink, void *ud);
/* The same into a malloc'd string (caller frees); NULL when out of
 * memory. */
char *qf_table_render(const struct qf_table *t,
		      const struct qf_render_opts *o);

/* Parse "table", "tsv", "csv", "json", "yaml".  -1 if none. */
int qf_format_parse(const char *s);

#endif
