/* schema.h - validating records against the JSON Schemas in schemas/.
 *
 * The schemas are JSON Schema (draft 2020-12) written in YAML, one per
 * record type, loaded at run time.  Supported keywords: type (string,
 * integer, number, boolean, array, object, null, or a list of them),
 * required, properties, additionalProperties (boolean or schema), enum,
 * const, pattern (POSIX extended regular expression syntax, which is the
 * subset of ECMA-262 the schemas use), format (date, qf-credit-code),
 * minimum, maximum, minLength, maxLength (in characters), items, minItems,
 * maxItems, uniqueItems, description/title/$schema/$id/$comment/examples
 * (ignored), and one of qifu's own: "x-ref: <type>" on a string says it is
 * the ID of a record of that type (firm, policy, visit, demand).
 * Any other keyword makes the schema fail to load (so a typo in a schema
 * is not silently ignored).
 */
#ifndef QF_SCHEMA_H
#define QF_SCHEMA_H

#include <stddef.h>

#include "qf/error.h"
#include "qf/node.h"

struct qf_schema;

/* Load the schema in path.  Returns QF_OK, or QF_ENOINPUT / QF_ECONFIG with
 * err set (file:line:col of the bad keyword).  Free with qf_schema_free. */
int qf_schema_load(const char *path, struct qf_schema **s,
		   struct qf_error *err);
/* Build from a node tree already read (takes ownership of root on success
 * and on failure).  name is used in messages. */
int qf_schema_from_node(struct qf_node *root, const char *name,
			struct qf_schema **s, struct qf_error *err);
void qf_schema_free(struct qf_schema *s);

/* Called for each x-ref value: return 1 if a record of type `type` with ID
 * `id` exists, 0 if not, -1 if that cannot be known (out of memory), or
 * QF_REF_LATER when the caller will know only later (qf_check_store, whose
 * visits name demands it has not read yet). */
#define QF_REF_LATER 2
typedef int (*qf_ref_fn)(const char *type, const char *id, void *ud);

/* Validate a record.  Every problem found is added to out as
 * file:line:col (the position of the offending node, or of the record's
 * start for a missing field) and a message that names the field
 * ("field 'kind': 'foo' is not one of problem, suggestion").  ref may be
 * NULL (references are then not checked).  Returns the number of problems
 * added. */
size_t qf_schema_validate(const struct qf_schema *s, const struct qf_node *rec,
			  const char *file, qf_ref_fn ref, void *ud,
			  struct qf_diags *out);
/* The same, and each reference the callback answers QF_REF_LATER for
 * adds the problem it would be, if missing, to pending instead (in call
 * order, not counted): the caller keeps those whose record never comes.
 * With pending NULL, QF_REF_LATER counts as found. */
size_t qf_schema_validate_later(const struct qf_schema *s,
				const struct qf_node *rec, const char *file,
				qf_ref_fn ref, void *ud, struct qf_diags *out,
				struct qf_diags *pending);

/* 1 if code is an 18-character 统一社会信用代码 whose last character is the
 * GB 32100-2015 check digit of the first 17; 0 otherwise. */
int qf_credit_code_valid(const char *code);

#endif
