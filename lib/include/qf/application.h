/* application.h - project applications (项目申报) and what happens to
 * them: filed (申报) -> reviewing (审核) -> listed (入库) -> granted (兑现),
 * or rejected (未通过).  The record keeps its history in `log`, as a
 * demand does (qf/workflow.h). */
#ifndef QF_APPLICATION_H
#define QF_APPLICATION_H

#include "qf/date.h"
#include "qf/error.h"
#include "qf/node.h"

/* The states, as stored in status. */
enum qf_app_status {
	QF_APP_FILED,       /* 已申报 */
	QF_APP_REVIEWING,   /* 审核中 */
	QF_APP_LISTED,      /* 已入库 */
	QF_APP_GRANTED,     /* 已兑现: closed */
	QF_APP_REJECTED,    /* 未通过: closed */
	QF_APP_NSTATUS
};

/* The actions, as stored in a log entry's action. */
enum qf_app_act {
	QF_APP_FILE,        /* 申报: the first entry (amount: requested) */
	QF_APP_REVIEW,      /* 审核: filed -> reviewing */
	QF_APP_LIST,        /* 入库: filed or reviewing -> listed */
	QF_APP_GRANT,       /* 兑现: listed -> granted (amount: granted) */
	QF_APP_REJECT,      /* 未通过: any open state -> rejected, a reason */
	QF_APP_NOTE,        /* 进展: progress on an open one */
	QF_APP_NACTS
};

/* What a new application needs.  Strings are copied; NULL or "" leaves
 * a field out. */
struct qf_application_spec {
	const char *id, *firm, *policy, *project;
	const char *requested;       /* yuan, digits only, or NULL */
	struct qf_date filed;
	const char *dept, *source, *note;
	const char *by;              /* who filed it, for the log */
};

/* A new application with status "filed" and its first log entry (file,
 * amount = requested).  Caller frees; NULL when out of memory. */
struct qf_node *qf_application_new(const struct qf_application_spec *sp);

struct qf_app_action {
	enum qf_app_act act;         /* review, list, grant, reject, note */
	struct qf_date date;
	const char *by;              /* may be NULL */
	const char *note;            /* reason (reject), progress (note) */
	const char *amount;          /* grant: yuan, digits only */
};

/* Apply an action to an application in memory: check that it makes
 * sense for the record's state, change the fields, append the log entry.
 * Returns QF_OK; QF_EDATA with err's message saying why (the record is
 * then unchanged); QF_ESOFTWARE when out of memory (the record may be
 * half changed: do not write it). */
int qf_application_act(struct qf_node *rec, const struct qf_app_action *a,
		       struct qf_error *err);

/* Names as stored ("filed", "review", ...); "?" out of range. */
const char *qf_app_status_name(enum qf_app_status st);
const char *qf_app_act_name(enum qf_app_act a);
/* The value a stored name stands for, or -1 (NULL, unknown). */
int qf_app_status_from_name(const char *status);
int qf_app_act_from_name(const char *name);
/* 1 for granted and rejected. */
int qf_app_status_closed(const char *status);
/* The status an action leads to; -1 for note (no change). */
int qf_app_act_leads_to(enum qf_app_act a);

/* An application on a given day. */
struct qf_app_state {
	const char *status;         /* NULL: not filed yet; static string */
	long long requested;        /* yuan; 0 when not given */
	long long granted;          /* yuan, when granted by then */
	int closed;                 /* granted or rejected by then */
	int listed;                 /* reached 入库 by then: listed, granted,
				     * or rejected after being listed */
	struct qf_date closed_on;
	int from_log;               /* 1 replayed from the log, 0 read from
				     * the fields (no usable log, or one that
				     * does not end where the fields say) */
};

/* The state of rec at the end of date, replayed from its log (entries
 * after date, and those without a date or a known action, skipped).  The
 * log is trusted when, replayed to the end, it ends in the record's
 * status; otherwise the record is taken as it stands: not filed before
 * its filed date, and closed only from its closed date on (before that
 * a granted one counts as listed, a rejected one as filed).  Returns
 * QF_OK, or QF_EDATA with err set when rec is not a mapping. */
int qf_application_state_at(const struct qf_node *rec,
			    const struct qf_date *date,
			    struct qf_app_state *out, struct qf_error *err);

/* The status the log's last state-changing entry leaves (file, review,
 * list, grant, reject), and that entry in *at; -1 when there is none. */
int qf_application_log_status(const struct qf_node *rec,
			      const struct qf_node **at);

#endif
