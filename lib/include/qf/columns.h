/* columns.h - a record type as flat columns, one list for every exchange.
 *
 * Import reads spreadsheets, export writes CSV, TSV, xlsx and SQL: all of
 * them see a record as one row of named columns.  This is that list, once:
 * for each type, the fields in schema order (a nested field as
 * "contact.name", a list as one cell), the Chinese header offices use
 * (企业名称, 统一社会信用代码, 诉求内容, 责任单位, 办理时限 ...) and the other
 * headers an office's sheet may carry for it.  A demand's log is not a
 * column: it is a table of its own (QF_COL_LOG_* below).
 */
#ifndef QF_COLUMNS_H
#define QF_COLUMNS_H

#include <stddef.h>

#include "qf/buf.h"
#include "qf/id.h"
#include "qf/node.h"
#include "qf/vocab.h"

enum qf_col_kind {
	QF_COL_TEXT,  /* a string */
	QF_COL_DATE,  /* YYYY-MM-DD */
	QF_COL_INT,   /* an integer (a demand's amount, yuan) */
	QF_COL_LIST,  /* a list of strings, one cell: items joined with "," */
	QF_COL_ENUM,  /* a stored token of vocabulary .vocab */
	QF_COL_REF    /* the ID of a record of type .ref */
};

struct qf_column {
	const char *field;    /* "name", "contact.name", "codepts" */
	const char *zh;       /* the Chinese header: 企业名称 */
	const char *aliases;  /* other headers accepted, '|' between, or "" */
	enum qf_col_kind kind;
	enum qf_vocab vocab;  /* QF_COL_ENUM */
	enum qf_type ref;     /* QF_COL_REF (and a list of refs) */
	int required;         /* the schema requires it */
};

/* The columns of type t (QF_FIRM, QF_POLICY, QF_VISIT, QF_DEMAND) in
 * schema order, *n of them.  The columns of a demand's log entries, with
 * the demand's ID first as "demand", are qf_columns_log. */
const struct qf_column *qf_columns(enum qf_type t, size_t *n);
const struct qf_column *qf_columns_log(size_t *n);

/* The column a header names, by field, Chinese header or alias: NULL when
 * none.  Spaces, a BOM, full-width parentheses and ASCII case are ignored,
 * so "Credit_Code", "统一社会信用代码 " and "办理时限（天）" need no care. */
const struct qf_column *qf_column_find(const struct qf_column *cols, size_t n,
				       const char *header);

/* The node of column c in rec (following "contact.name"), or NULL. */
const struct qf_node *qf_column_node(const struct qf_column *c,
				     const struct qf_node *rec);

/* Append the cell text of column c of rec to out: the scalar as stored,
 * a list's items joined with ",", "" when absent.  With zh, an ENUM
 * column gives its Chinese name (问题 for problem).  -1 when out of
 * memory. */
int qf_column_text(const struct qf_column *c, const struct qf_node *rec,
		   int zh, struct qf_buf *out);

/* Set column c of rec (a map) from cell text: nothing when text is empty;
 * a list split at "," "，" "、" ";" "；" with items trimmed; an ENUM from
 * its token or its Chinese or English name (qf_vocab_token); "contact.x"
 * makes the "contact" map.  Values are not checked beyond an ENUM's
 * vocabulary (the schema does that): returns 0, -1 when out of memory,
 * 1 when an ENUM's text names no term. */
int qf_column_set(const struct qf_column *c, struct qf_node *rec,
		  const char *text);

#endif
