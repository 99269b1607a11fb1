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

/* Put rec's keys in the order of order (NULL ended), keeping a key it
 * does not name right after the known key it followed (or first), so
 * that fields an action adds land where a reader expects them.  Out of
 * memory leaves the order as it was (it is cosmetic). */
void qf_record_reorder(struct qf_node *rec, const char *const *order);

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
	/* Entries of the log that no action of qf_demand_act writes under
	 * its own name: qf_demand_act refuses them. */
	QF_ACT_COLLECT,    /* 收集: the first entry, the demand is open */
	QF_ACT_ADOPT,      /* 采纳: what resolve writes for a suggestion */
	QF_ACT_DECLINE,    /* 无法解决: what resolve writes when declining */
	QF_NACTS
};

/* The states of a demand, as stored in its status field. */
enum qf_status {
	QF_ST_OPEN,        /* 未交办: collected, or returned */
	QF_ST_ASSIGNED,    /* 办理中: a lead unit has it */
	QF_ST_RESOLVED,    /* 已解决: a problem, closed */
	QF_ST_ADOPTED,     /* 已采纳: a suggestion, closed */
	QF_ST_DECLINED,    /* 无法解决: closed without a solution */
	QF_NSTATUS
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

/* "assign", "note", ... as stored in log entries; "?" for a value out
 * of range. */
const char *qf_act_name(enum qf_act a);

/* The action a log entry's name stands for, or -1 when name is none
 * (NULL, "", or not one of qf_act_name's, exactly). */
int qf_act_from_name(const char *name);

/* The status a closing action leaves: resolved for resolve, adopted for
 * adopt, declined for decline; NULL for any other action. */
const char *qf_act_outcome(enum qf_act a);

/* "open", "assigned", ... as stored; "?" for a value out of range. */
const char *qf_status_name(enum qf_status st);

/* The status a stored string names, or -1 when it is none. */
int qf_status_from_name(const char *status);

/* 1 when the status is a closed one (resolved, adopted, declined). */
int qf_status_closed(const char *status);

/* 1 when a demand of kind may be in status: only a suggestion is
 * adopted, only a problem resolved; every other pair fits (a NULL kind
 * or status too: what is missing is another problem). */
int qf_status_fits_kind(const char *status, const char *kind);

/* The state of a demand on a given day.  The strings point into the
 * record (or are static): valid as long as it is. */
struct qf_demand_state {
	const char *status;       /* open, assigned, resolved, adopted,
				   * declined; NULL before it was collected */
	int closed;               /* closed on or before the day */
	struct qf_date closed_on; /* when closed */
	const char *outcome;      /* when closed: resolved, adopted, declined;
				   * NULL otherwise */
	const char *dept;         /* lead unit, NULL when none */
	const char *level;        /* local, higher (NULL when unstated) */
	int has_orig, has_due;
	struct qf_date orig, due; /* first and last deadline of the round
				   * (a reopening starts a new round) */
	const char *rating;       /* the last follow-up's satisfaction of
				   * the round, NULL when none */
	int from_log;             /* 1: replayed from the log; 0: read from
				   * the fields, for a record whose log is
				   * empty or, replayed to the end, does not
				   * agree with them */
};

/* The state of demand rec at the end of date, replayed from its log
 * (entries after date are not counted; entries without a date or an
 * action are skipped).  The log is trusted only when, replayed to the
 * end, it agrees with the record's status and closing date; otherwise the
 * fields are read.  Returns QF_OK, or QF_EDATA with err set (line and col
 * of the value, no file) when rec is not a record or an entry's action is
 * not one qf_act_from_name knows. */
int qf_demand_state_at(const struct qf_node *rec, const struct qf_date *date,
		       struct qf_demand_state *out, struct qf_error *err);

/* Days rec is overdue at date: date - due when the demand is not closed
 * and due < date; 0 otherwise. */
long qf_demand_overdue(const struct qf_node *rec, const struct qf_date *date);

#endif
