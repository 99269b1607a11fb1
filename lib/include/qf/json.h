/* json.h - records as JSON. */
#ifndef QF_JSON_H
#define QF_JSON_H

#include <stddef.h>

#include "qf/buf.h"
#include "qf/node.h"

/* Append the JSON text of n to b:
 * mappings as objects (key order kept), sequences as arrays, strings
 * escaped (control characters as \uXXXX, non-ASCII as UTF-8), integers,
 * booleans and nulls as such; a YAML number JSON cannot spell (0x1f, .inf)
 * becomes a string.  indent > 0 pretty-prints with that many spaces a
 * level, starting at level.  Returns 0, or -1 when out of memory. */
int qf_json_node(struct qf_buf *b, const struct qf_node *n, int indent,
		 int level);

/* Append s as a JSON string literal.  -1 when out of memory. */
int qf_json_string(struct qf_buf *b, const char *s);

#endif
