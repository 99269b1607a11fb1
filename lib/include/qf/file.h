/* file.h - safe writes: whole appends and atomic replacement.
 *
 * Every write is all or nothing.  An append is one write(2) of the whole
 * record on an O_APPEND descriptor; if it fails or is short the file is cut
 * back to its old size.  A replacement goes through a temporary file in the
 * same directory, fsync, rename(2) and an fsync of the directory.  Errors
 * from fsync are reported, never retried.
 */
#ifndef QF_FILE_H
#define QF_FILE_H

#include <stddef.h>
#include <sys/types.h>

#include "qf/buf.h"
#include "qf/error.h"

/* Read the whole of path into a malloc'd NUL-terminated buffer (caller
 * frees).  Files larger than max bytes give QF_EDATA.  Missing file:
 * QF_ENOINPUT. */
int qf_file_read(const char *path, size_t max, char **buf, size_t *len,
		 struct qf_error *err);
/* The same into b, whose memory is kept from one file to the next (a
 * reader of many large files faults its pages in once).  b->s holds the
 * bytes, NUL-terminated; on error b is empty. */
int qf_file_read_into(const char *path, size_t max, struct qf_buf *b,
		      struct qf_error *err);

/* Append buf to path, creating it (and fsyncing its directory) if needed
 * with the given mode (subject to umask).  If the file does not end with a
 * newline, one is written first in the same write.  fsyncs the file.
 * Returns QF_OK or QF_ECANTCREAT/QF_EIO with err set; on failure the file
 * has its old content. */
int qf_file_append(const char *path, const char *buf, size_t len, mode_t mode,
		   struct qf_error *err);

/* Replace path's whole content by buf atomically (temp file "path.tmpXXXXXX"
 * beside it, write, fsync, rename, fsync dir).  The new file keeps the old
 * one's mode (or mode, when path did not exist).  On failure the old file
 * is untouched and the temporary file removed. */
int qf_file_replace(const char *path, const char *buf, size_t len,
		    mode_t mode, struct qf_error *err);

/* The same with the new content given as pieces, written in order: a
 * rewrite of one record writes the bytes before it, the record and the
 * bytes after it without first copying them into one buffer. */
struct qf_piece {
	const char *buf;
	size_t len;
};
int qf_file_replace_pieces(const char *path, const struct qf_piece *v,
			   size_t nv, mode_t mode, struct qf_error *err);

/* fsync the directory that holds path (or path itself if a directory). */
int qf_file_sync_dir(const char *path, struct qf_error *err);

/* Make directory path (one level) with mode if missing.  QF_OK if it
 * exists already as a directory. */
int qf_file_mkdir(const char *path, mode_t mode, struct qf_error *err);

#endif
