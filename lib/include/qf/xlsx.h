/* xlsx.h - spreadsheets for people (libxlsxwriter): the store's tables and
 * the bulletin's, a sheet each.
 *
 * A sheet has a bold header row, frozen; dates as Excel dates shown
 * yyyy-mm-dd, whole numbers as numbers, columns as wide as their text (a
 * Chinese character counts two).  For a Chinese store the headers are the
 * columns' Chinese headers (qf/columns.h) and enumerated values their
 * Chinese names (问题, 本级); else the field names and stored tokens.  A
 * firm is named (its ID when the register lacks it), for people.  Rows
 * are written as they are read (libxlsxwriter's constant_memory mode):
 * the store is never held in memory.
 */
#ifndef QF_XLSX_H
#define QF_XLSX_H

#include <stddef.h>

#include "qf/error.h"
#include "qf/export.h"
#include "qf/report.h"
#include "qf/store.h"

/* The sheet name of table t: 企业 政策 走访 诉求 办理记录 (zh), else its
 * table name. */
const char *qf_xlsx_sheet_name(enum qf_export_table t, int zh);

/* Write the n tables of s (filtered by f) to the workbook path, a sheet
 * each; o->progress is called as with qf_export_write; *rows (may be NULL)
 * the rows written.  QF_OK, or an error code with err set (QF_ECANTCREAT
 * or QF_EIO when the workbook cannot be written; path may then hold part
 * of it). */
int qf_xlsx_export(struct qf_store *s, const enum qf_export_table *tables,
		   size_t n, const struct qf_export_filter *f, int zh,
		   const struct qf_export_opts *o, const char *path,
		   size_t *rows, struct qf_error *err);

/* The bulletin of figures f as a workbook at path: a sheet per table of
 * the bulletin (the headline figures first), named after its section,
 * worded in lang; a cell that is a whole number is a number.  As
 * qf_xlsx_export. */
int qf_xlsx_report(const struct qf_month_figures *f, const char *lang,
		   const char *org, const char *path, struct qf_error *err);

#endif
