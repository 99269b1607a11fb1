/* csvin.h - reading a spreadsheet's CSV as it comes from other systems.
 *
 * Offices' registers come from Excel, WPS and other systems' exports:
 * UTF-8 with or without a BOM, GB18030 (GBK) from Chinese Windows, or
 * "Unicode text" (UTF-16 with a BOM, tab-separated).  A file is read
 * whole (they are spreadsheets, not stores), turned into UTF-8 and parsed
 * with libcsv in strict mode: a stray or unbalanced quote is an error at
 * its line, never a silently swallowed file.  Rows keep the line they
 * start on, for file:line messages.
 */
#ifndef QF_CSVIN_H
#define QF_CSVIN_H

#include <stddef.h>

#include "qf/error.h"

struct qf_csv_row {
	unsigned line;    /* 1-based line of the file the row starts on */
	size_t n;         /* cells */
	char **cells;     /* owned, NUL-terminated UTF-8 ("" when empty) */
};

struct qf_csv {
	const char *encoding;  /* what was read: "UTF-8", "UTF-8 (BOM)",
				* "GB18030", "UTF-16LE (BOM)", "UTF-16BE (BOM)" */
	char delim;            /* ',' or '\t' */
	size_t nrows;          /* rows with at least one non-empty cell */
	struct qf_csv_row *rows;
};

/* Read path ("-": standard input) into *out (free with qf_csv_free).
 * encoding NULL (or "auto") detects: a BOM names UTF-8 or UTF-16; else
 * valid UTF-8 is UTF-8 and anything else GB18030.  "utf-8", "gb18030"
 * (also "gbk", "gb2312", which it contains) or "utf-16" force one.  The
 * delimiter is a tab when the first line holds tabs and no commas, else a
 * comma.  Rows whose cells are all empty are dropped.  An .xlsx or .xls
 * file is refused (QF_EDATA, saying to save it as CSV); bytes that are
 * not of the encoding, a bad quote: QF_EDATA at file:line; no file:
 * QF_ENOINPUT. */
int qf_csv_load(const char *path, const char *encoding, struct qf_csv **out,
		struct qf_error *err);
/* The same for the len bytes at bytes, named path in messages. */
int qf_csv_parse(const char *path, const char *bytes, size_t len,
		 const char *encoding, struct qf_csv **out,
		 struct qf_error *err);
void qf_csv_free(struct qf_csv *c);

#endif
