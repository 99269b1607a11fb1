/* text.h - text for people and for programs: display width, escaping for
 * terminals, CSV cells that spreadsheets will not run. */
#ifndef QF_TEXT_H
#define QF_TEXT_H

#include <stddef.h>

#include "qf/buf.h"

/* Columns s takes on a terminal: East Asian wide characters count two,
 * combining marks zero (utf8proc).  Invalid bytes count one each. */
size_t qf_text_width(const char *s);

/* A copy of s safe to print on a terminal: C0 controls, DEL, C1 controls
 * and invalid UTF-8 bytes are written as \n, \t, \r, \e, \uHHHH (C1) or
 * \xHH (C0, DEL, invalid bytes); a
 * backslash stays as it is.  With tsv non-zero also escape "\\" as "\\\\"
 * so that a TSV field never holds a tab or newline.  Returns a malloc'd
 * string (caller frees) or NULL when out of memory. */
char *qf_text_escape(const char *s, int tsv);

/* A copy of s cut to at most width columns, ending in "…" when cut.
 * Never splits a character.  Caller frees; NULL when out of memory. */
char *qf_text_truncate(const char *s, size_t width);

/* Append s to out as one CSV cell (RFC 4180: quoted when it holds a comma,
 * quote, CR or LF).  When text is non-zero and s begins with = + - @ TAB or
 * CR, a ' is put before it so that Excel/WPS do not run it as a formula;
 * so is one before a text that begins with ' and then, after any more ',
 * one of those ("'=x" is written "''=x"), so that the ' added can be told
 * from the text's own.  -1 when out of memory. */
int qf_csv_cell(struct qf_buf *out, const char *s, int text);
/* The text of a cell that qf_csv_cell wrote with text non-zero (after the
 * CSV quoting is undone): cell without the ' it put before it, or cell
 * itself.  A pointer into cell. */
const char *qf_csv_text(const char *cell);

/* Append s to out as HTML text: its terminal-safe form (qf_text_escape:
 * no control byte survives), with & < > " ' as entities.  -1 when out of
 * memory. */
int qf_text_html(struct qf_buf *out, const char *s);

/* Append s to out as Markdown text that shows as written: its
 * terminal-safe form, with a backslash before the punctuation that is
 * markup (\ ` * _ [ ] < > | # ~ &; "|" would end a table cell).  With
 * block non-zero, s opens a paragraph or list item, and a leading - + =
 * or "1." is escaped as well, so that it does not start a list or a
 * heading.  -1 when out of memory. */
int qf_text_markdown(struct qf_buf *out, const char *s, int block);

/* The first control character of the len bytes at s (C0 but TAB and
 * newline, DEL, or the second byte of a C1 in UTF-8), or -1 when none:
 * what check reports and import refuses. */
long qf_text_control(const char *s, size_t len);

/* An amount of money as offices write it, in whole yuan into *yuan:
 * digits with "," between thousands and a decimal part ("1,200",
 * "12.5"), in units of scale yuan (10000 for a column headed 万元), or
 * with scale 1 followed by its unit: 元, 万元 or 万, 亿元 or 亿 ("100亿元",
 * "2000万元", "3000元").  0, or -1 when s is none of those, comes to a
 * fraction of a yuan, or exceeds 10^14 yuan. */
int qf_amount_parse(const char *s, unsigned long long scale, long long *yuan);

#endif
