/* workflow.h - demands (企业诉求) and what happens to them. */
#ifndef QF_WORKFLOW_H
#define QF_WORKFLOW_H

#include <stddef.h>

#include "qf/date.h"
#include "qf/error.h"
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

/* The actions on a demand (DESIGN.md, "Records"). */
enum qf_act {
	QF_ACT_ASSIGN,     /* 交办: open -> assigned (dept, owner, due) */
	QF_ACT_NOTE,       /* 进展: a progress note on an unclosed demand */
	QF_ACT_EXTEND,     /* 延期: a later due date and a reason; the first
			    * due date is kept as original_due */
	QF_ACT_RETURN,     /* 退回: assigned -> open, with a reason */
	QF_ACT_URGE,       /* 催办/督办: a reminder on an overdue demand */
	QF_ACT_ESCALATE,   /* 上报: level local -> higher */
	QF_ACT_RESOLVE,    /* 办结: -> resolved (problem) / adopted
			    * (suggestion), or declined with decline set */
	QF_ACT_FOLLOW_UP,  /* 回访: satisfaction of a closed demand;
			    * dissatisfied reopens it */
	QF_ACT_REOPEN,     /* 重办: closed -> assigned (or open) */
	QF_NACTS
};

struct qf_action {
	enum qf_act act;
	struct qf_date date;      /* when */
	const char *by;           /* who (may be NULL) */
	const char *note;         /* progress, reason, resolution text */
	/* assign */
	const char *dept, *owner;
	const char *const *codepts;
	size_t ncodepts;
	struct qf_date due;       /* assign, extend; also the new due date
				   * when follow-up or reopen reassigns */
	int has_due;
	/* resolve */
	int decline;
	/* follow-up */
	const char *satisfaction; /* satisfied | basic | dissatisfied */
};

/* Apply an action to a demand record in memory: check that it makes sense
 * for the demand's state, change the fields, append the log entry (two
 * for a dissatisfied follow-up: follow-up, then reopen).  Returns QF_OK,
 * or QF_EDATA with err's message saying why the action is refused (the
 * record is then unchanged), or QF_ESOFTWARE when out of memory (the
 * record may be half changed: the caller must not write it). */
int qf_demand_act(struct qf_node *rec, const struct qf_action *a,
		  struct qf_error *err);

/* "assign", "note", ... as stored in log entries. */
const char *qf_act_name(enum qf_act a);

/* 1 when the status is a closed one (resolved, adopted, declined). */
int qf_status_closed(const char *status);

/* Days rec is overdue at date: date - due when the demand is not closed
 * and due < date; 0 otherwise. */
long qf_demand_overdue(const struct qf_node *rec, const struct qf_date *date);

#endif
