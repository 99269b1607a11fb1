/* workflow.h - demands (企业诉求) and what happens to them. */
#ifndef QF_WORKFLOW_H
#define QF_WORKFLOW_H

#include "qf/date.h"
#include "qf/node.h"

/* What a new demand needs.  Strings are copied; NULL or "" leaves a
 * field out. */
struct qf_demand_spec {
	const char *id, *firm, *source;
	struct qf_date opened;
	const char *kind, *level, *category;   /* stored tokens */
	const char *title, *detail;
	const char *amount;                    /* yuan, digits only, or NULL */
	const char *by;                        /* who collected it */
};

/* A new demand record with status "open" and a first log entry
 * ("collect").  Caller frees; NULL when out of memory. */
struct qf_node *qf_demand_new(const struct qf_demand_spec *spec);

/* Append a log entry {date, action, by, note} to rec's log (created when
 * missing).  The entry is returned so the caller may add fields (due,
 * dept, ...); NULL when out of memory. */
struct qf_node *qf_log_append(struct qf_node *rec, const struct qf_date *date,
			      const char *action, const char *by,
			      const char *note);

#endif
