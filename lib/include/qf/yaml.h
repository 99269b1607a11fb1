/* yaml.h - reading and writing records as YAML, on libyaml.
 *
 * The reader streams a file one document (one record) at a time on
 * libyaml's event API.  It refuses what records never need and what could
 * hurt: anchors and aliases, tags other than !!str, nesting deeper than
 * QF_YAML_MAX_DEPTH, scalars longer than QF_YAML_MAX_SCALAR bytes, files
 * larger than QF_YAML_MAX_FILE bytes, and input that is not UTF-8 (a UTF-8
 * BOM is accepted; UTF-16/32, GBK, NUL bytes are not).
 *
 * The writer turns a node tree into one YAML document with libyaml's
 * emitter.
 */
#ifndef QF_YAML_H
#define QF_YAML_H

#include <stddef.h>
#include <stdio.h>

#include "qf/error.h"
#include "qf/node.h"

#define QF_YAML_MAX_DEPTH 8                 /* record(1) > log(2) > entry(3) ... */
#define QF_YAML_MAX_SCALAR (64u * 1024u)    /* bytes */
#define QF_YAML_MAX_FILE (64u * 1024u * 1024u)

/* One document as read. */
struct qf_doc {
	struct qf_node *root;   /* owned; NULL for an empty document */
	unsigned first_line;    /* 1-based line of its "---", or of its first
				 * node when the document has no "---" */
	unsigned last_line;     /* 1-based last line that holds its content
				 * (last scalar or flow collection end) */
};

struct qf_reader;

/* Open path for reading.  name is what messages call the file (NULL: path).
 * Returns QF_OK, or QF_ENOINPUT (missing), QF_EIO, QF_EDATA (too large) with
 * err set.  Free with qf_reader_free. */
int qf_reader_open(struct qf_reader **r, const char *path, const char *name,
		   struct qf_error *err);
/* Read the first len bytes of the open file fd (not closed, its offset
 * not used: pread), as a store snapshot holds them. */
int qf_reader_open_fd(struct qf_reader **r, int fd, size_t len,
		      const char *name, struct qf_error *err);
/* Read from memory (not copied: buf must outlive the reader). */
int qf_reader_open_mem(struct qf_reader **r, const char *buf, size_t len,
		       const char *name, struct qf_error *err);
/* Next document.  Returns 1 with *doc filled (release with
 * qf_doc_release), 0 at the end of the stream, or -1 with err set
 * (QF_EDATA with file:line:col for bad input, QF_EIO, QF_ESOFTWARE).  After
 * -1 the reader must not be used again except to free it. */
int qf_reader_next(struct qf_reader *r, struct qf_doc *doc,
		   struct qf_error *err);
void qf_reader_free(struct qf_reader *r);
/* From now on, build documents in a pool: each is given back by the next
 * qf_reader_next (or qf_reader_free), and its tree cannot be changed
 * (qf_node_clone it to keep or change it).  For readers that look at
 * one record at a time: no allocation per node.  -1 when out of memory. */
int qf_reader_pool(struct qf_reader *r);
void qf_doc_release(struct qf_doc *doc);

/* Read a file that must hold exactly one document (qf.yaml, a schema) and
 * give its root (caller frees).  An empty file gives QF_EDATA. */
int qf_yaml_load_one(const char *path, struct qf_node **root,
		     struct qf_error *err);

/* Serialise root as one document beginning with "---\n", in block style,
 * UTF-8 unescaped, lines never folded; sequences of scalars in flow style
 * ("tags: [规上, 重点]"); strings that YAML would read as another type
 * (123, true, null, 2023-05-01 is fine) quoted; strings with line breaks as
 * literal blocks.  *out is malloc'd and NUL-terminated (caller frees),
 * *len its length.  Returns QF_OK or an error code with err set. */
int qf_yaml_emit(const struct qf_node *root, char **out, size_t *len,
		 struct qf_error *err);

#endif
