/* filter.h - which records a list or an export takes: the filters of
 * qf list-firms, list-visits and list-open, once, so that qf export
 * selects the same records as the lists with the same options. */
#ifndef QF_FILTER_H
#define QF_FILTER_H

#include "qf/buf.h"
#include "qf/date.h"
#include "qf/eligible.h"
#include "qf/firms.h"
#include "qf/node.h"
#include "qf/store.h"

/* Firms: with every tag of tags (may be NULL), and whose park, sector
 * and leader hold the text given (NULL: any); with missing_policy (set
 * by qf_firm_filter_missing): those the policy fits on day `at` that
 * have not been handed it by then (qf/eligible.h). */
struct qf_firm_filter {
	const struct qf_strv *tags;
	const char *park, *sector, *leader;
	struct qf_node *missing_policy;     /* owned; NULL: no such filter */
	struct qf_handovers *handed;        /* owned */
	struct qf_date at;
};
/* Make f keep only the firms policy (an ID) fits on day at and that
 * were not handed it by then: reads the policy and its handings-over.
 * QF_OK, or QF_ENOINPUT (no such policy) or another code with err set.
 * Release with qf_firm_filter_release. */
int qf_firm_filter_missing(struct qf_firm_filter *f, struct qf_store *s,
			   const char *policy, const struct qf_date *at,
			   struct qf_error *err);
void qf_firm_filter_release(struct qf_firm_filter *f);
int qf_firm_filter_match(const struct qf_firm_filter *f,
			 const struct qf_firm *firm);
/* The same of a firm's record: the strings of firm taken from rec, the
 * tags joined in tagbuf (which the caller releases). */
int qf_firm_filter_match_rec(const struct qf_firm_filter *f,
			     const struct qf_node *rec, struct qf_buf *tagbuf);

/* Visits: dated from..to (inclusive, when has_from / has_to), to firm (an
 * ID), with a visitor whose name holds visitor, of kind (a token).  A
 * record without an ID or a date is never taken. */
struct qf_visit_filter {
	const char *firm, *visitor, *kind;
	struct qf_date from, to;
	int has_from, has_to;
};
int qf_visit_filter_match(const struct qf_visit_filter *f,
			  const struct qf_node *rec);

/* Demands: of firm (an ID); led by a unit whose name holds dept; with
 * codept leading or co-handling; owner; category, kind, level and status
 * tokens; open_only: not closed; leader: of a firm whose leader holds it
 * (the firm's leader is passed to the match); grep in the title or
 * detail; overdue at `at`, or due within `within` days of it (-1: no
 * limit); opened strictly before / after a day (list-open's
 * --opened-before/--opened-after) and opened from..to inclusive (a
 * month).  Initialise with qf_demand_filter_init. */
struct qf_demand_filter {
	const char *firm, *dept, *codept, *owner, *category, *kind, *level;
	const char *status, *leader, *grep;
	int open_only, overdue;
	long within;
	struct qf_date at, before, after, from, to;
	int has_before, has_after, has_from, has_to;
};
void qf_demand_filter_init(struct qf_demand_filter *f,
			   const struct qf_date *at);
/* 1 when rec passes (firm_leader: the leader of its firm, or NULL), and
 * then *overdue (may be NULL) holds its days overdue at f->at. */
int qf_demand_filter_match(const struct qf_demand_filter *f,
			   const struct qf_node *rec, const char *firm_leader,
			   long *overdue);

/* 1 if one of the scalar items of seq holds s. */
int qf_seq_has_part(const struct qf_node *seq, const char *s);

#endif
