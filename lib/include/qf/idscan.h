/* idscan.h - the records of a store file found by its lines, unparsed.
 *
 * qifu writes every record as a document that begins with a "---" line
 * and holds its ID on a line "id: <ID>" at column 0.  A write that needs
 * one record (the next sequence number, does this ID exist, where is
 * this record) reads the lines of the one file its ID names instead of
 * parsing it: a line at column 0 can only be a top-level key, never
 * inside a value, so what the scan finds is there.
 *
 * The scan says when a file is not laid out so (a document whose ID it
 * cannot see, an ID written in flow style, two ID lines in a document):
 * the caller then parses the file as before.  Nothing is trusted that
 * the scan cannot see whole.
 */
#ifndef QF_IDSCAN_H
#define QF_IDSCAN_H

#include <stddef.h>

/* One record: its ID, and the bytes and lines of its document (from its
 * "---" line, or the start of the file, to the next "---" line or the
 * end). */
struct qf_idscan_rec {
	const char *id;          /* not NUL-terminated */
	size_t idlen;
	size_t start, end;       /* byte offsets in the buffer */
	unsigned first_line;     /* 1-based line of start */
};

/* Call fn for each record of buf, in order; fn returns 0 to go on, else
 * to stop.  Returns 1 when every document with content showed exactly one
 * ID line (the scan saw the whole file), 0 when not (fn may have been
 * called for some records: the caller must parse the file instead), or
 * QF_IDSCAN_STOPPED when fn stopped it. */
#define QF_IDSCAN_STOPPED 2
typedef int (*qf_idscan_fn)(const struct qf_idscan_rec *r, void *ud);
int qf_idscan(const char *buf, size_t len, qf_idscan_fn fn, void *ud);

#endif
