/* splice.h - a changed record written back as its person wrote it.
 *
 * A record in the store is edited by hand and by the commands.  When a
 * command changes it, qf_splice_record makes the record's new text from
 * its old text and its new tree, changing only what the change touches:
 *
 *  - a top-level field whose value is unchanged keeps its bytes: comments
 *    inside it, quoting, flow or block style, indentation;
 *  - entries added at the end of a block sequence (a demand's log) are
 *    written after the old ones, indented as those are;
 *  - a changed field is written anew; when it took one line, the comment
 *    at the end of that line is kept;
 *  - comment and blank lines between fields stay where they were, also
 *    those of a field that is removed; the "---" line and what precedes
 *    the first field (a byte order mark, comments) are kept;
 *  - new fields come where the tree has them, before the comments that
 *    lead the next old field;
 *  - lines written anew end as the record's first line does (LF or CRLF).
 *
 * The result is read back before it is given: it must be one document
 * whose tree equals the new one.  When the old text is laid out otherwise
 * than this can follow (a flow mapping, keys out of order), or the result
 * does not read back equal, the record is written whole by qf_yaml_emit,
 * still with the old text's line ends.
 */
#ifndef QF_SPLICE_H
#define QF_SPLICE_H

#include <stddef.h>

#include "qf/buf.h"
#include "qf/error.h"
#include "qf/node.h"

/* text, len: the old record's lines, from its first line (first_line in
 * its file, the line numbers old's nodes carry) to its last, with the
 * last line's end.  old: its tree as read; new: what it must become.
 * Appends the new text to out.  Returns QF_OK (*kept set to 1 when the
 * text was spliced, 0 when it was written whole), or QF_ESOFTWARE with
 * err set when out of memory or the tree cannot be written. */
int qf_splice_record(const char *text, size_t len, unsigned first_line,
		     const struct qf_node *old, const struct qf_node *new,
		     struct qf_buf *out, int *kept, struct qf_error *err);

#endif
