/* check.h - every problem in a store. */
#ifndef QF_CHECK_H
#define QF_CHECK_H

#include <stddef.h>

#include "qf/error.h"
#include "qf/node.h"
#include "qf/store.h"

/* Check the whole store, one record at a time: files that do not parse,
 * records that break their schema, references to records that do not
 * exist, duplicate IDs, records in a file their ID does not name, and the
 * rules of the demand workflow (an assigned demand has a unit and a due
 * date, a closed one a closing date and a resolution, only suggestions
 * are adopted, ...).  Every problem is added to out with its place.
 * Returns the number of problems, or (size_t)-1 when the check itself
 * could not run (err set: schemas missing, out of memory). */
size_t qf_check_store(struct qf_store *s, struct qf_diags *out,
		      size_t *records, struct qf_error *err);

/* The workflow's rules between a demand's fields (an assigned demand has
 * a unit and a due date, a closed one a closing date and a resolution,
 * only suggestions are adopted, closed not before opened, a rating only
 * once closed), as qf_check_store applies them: each problem added to out
 * at file and the field's place.  Returns the number added. */
size_t qf_check_demand_fields(const struct qf_node *rec, const char *file,
			      struct qf_diags *out);

/* The same for an application (申报): granted needs granted and closed,
 * rejected needs closed, an open one has neither, closed not before
 * filed, granted not above requested, and the status where the log's
 * last state-changing entry leaves it. */
size_t qf_check_application_fields(const struct qf_node *rec,
				    const char *file, struct qf_diags *out);

#endif
