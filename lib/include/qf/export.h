/* export.h - the store's records as tables for programs and spreadsheets
 * (qf export).
 *
 * A table is a record type's columns (qf/columns.h), every field in schema
 * order, one row per record; the log table is every demand's log entries,
 * the demand's ID first.  Records are read one at a time (qf_store_each)
 * and each row is written as soon as it is read: an export of a province
 * holds one record in memory, not the store.
 *
 *   CSV   RFC 4180 (CRLF line ends, quoted cells), a header of field
 *         names, cells as stored (tokens, not names); a text cell a
 *         spreadsheet would run as a formula gets a ' before it
 *         (qf_csv_cell), and so does one that starts with ' then such a
 *         character, so that qf_csv_text gives back every text exactly;
 *   TSV   the header and cells as the lists print them (a tab, newline
 *         or backslash escaped as \t, \n, \\);
 *   JSON  an array of the full records (nested), as the lists print them;
 *         a log entry with "demand" first.
 * xlsx is in qf/xlsx.h, SQL in qf/sql.h.
 */
#ifndef QF_EXPORT_H
#define QF_EXPORT_H

#include <stddef.h>
#include <stdio.h>

#include "qf/buf.h"
#include "qf/columns.h"
#include "qf/error.h"
#include "qf/event.h"
#include "qf/filter.h"
#include "qf/firms.h"
#include "qf/store.h"

enum qf_export_table { QF_EXPORT_FIRMS, QF_EXPORT_POLICIES, QF_EXPORT_VISITS,
		       QF_EXPORT_DEMANDS, QF_EXPORT_LOG, QF_EXPORT_APPLICATIONS,
		       QF_EXPORT_EVENTS,
		       QF_EXPORT_NTABLES };

enum qf_export_format { QF_EXPORT_CSV, QF_EXPORT_TSV, QF_EXPORT_JSON,
			QF_EXPORT_XLSX, QF_EXPORT_SQL };

/* "firms", "policies", "visits", "demands", "log", "events"; and back (-1 when s
 * names none). */
const char *qf_export_table_name(enum qf_export_table t);
int qf_export_table_parse(const char *s);
/* "csv", "tsv", "json", "xlsx", "sql"; -1 when none. */
int qf_export_format_parse(const char *s);
/* The columns of table t, *n of them. */
const struct qf_column *qf_export_columns(enum qf_export_table t, size_t *n);

/* Whether table t is part of the whole store's export ("all"): 1, 0 for
 * events in a store without an events folder or file (so that the
 * export of such a store is what it was before events), -code with err
 * set when the folder cannot be read. */
int qf_export_table_present(struct qf_store *s, enum qf_export_table t,
			    struct qf_error *err);

/* Which records: each table's filter applies to its own records; the log
 * table takes the entries of the demands that pass `demand`, dated
 * log_from..log_to when has_log_from / has_log_to.  firms (may be NULL)
 * gives a demand's firm's leader to demand.leader; policy_tags (may be
 * NULL): policies with every one of these tags. */
struct qf_export_filter {
	struct qf_firm_filter firm;
	const struct qf_strv *policy_tags;
	struct qf_visit_filter visit;
	struct qf_demand_filter demand;
	struct qf_event_filter event;
	struct qf_date log_from, log_to;
	int has_log_from, has_log_to;
	const struct qf_firms *firms;
};
/* Every filter empty: every record. */
void qf_export_filter_init(struct qf_export_filter *f);

/* Called with each row of a table that passes the filter: rec is the
 * record, or for the log table the entry and demand its demand's ID.
 * Returns 0 to go on (else as qf_store_each's fn). */
typedef int (*qf_export_row_fn)(const struct qf_node *rec, const char *demand,
				void *ud, struct qf_error *err);
int qf_export_each(struct qf_store *s, enum qf_export_table t,
		   const struct qf_export_filter *f, qf_export_row_fn fn,
		   void *ud, struct qf_error *err);

/* Append to out the text of column c of a row (see qf_export_row_fn): as
 * qf_column_text, a null value being empty, and the log's "demand"
 * column being demand.  zh: an enum's Chinese name.  -1 when out of
 * memory. */
int qf_export_cell(const struct qf_column *c, const struct qf_node *rec,
		   const char *demand, int zh, struct qf_buf *out);

/* Called after every row written, with the rows so far (progress). */
typedef void (*qf_export_progress_fn)(size_t rows, void *ud);

struct qf_export_opts {
	enum qf_export_format fmt;   /* CSV, TSV or JSON here */
	int header;                  /* CSV, TSV: the field names first */
	int bom;                     /* CSV: a UTF-8 BOM first (Excel) */
	qf_export_progress_fn progress;  /* or NULL */
	void *progress_ud;
};

/* Write table t of store s to out in o->fmt; *rows (may be NULL) the rows
 * written.  QF_OK; QF_EIO with err set when out fails; else the store's
 * error. */
int qf_export_write(struct qf_store *s, enum qf_export_table t,
		    const struct qf_export_filter *f,
		    const struct qf_export_opts *o, FILE *out, size_t *rows,
		    struct qf_error *err);

/* JSON of the whole store: {"firms": [...], "policies": [...], "visits":
 * [...], "demands": [...]} (the demands with their log), and "events":
 * [...] when the store has a folder of events, filtered. */
int qf_export_write_all_json(struct qf_store *s,
			     const struct qf_export_filter *f,
			     const struct qf_export_opts *o, FILE *out,
			     size_t *rows, struct qf_error *err);

#endif
