/* event.h - campaign events (活动): policy briefings, bank–firm and
 * supply–demand matchmaking, job fairs, salons and forums, with the firms
 * that took part and what came of them (schemas/event.yaml). */
#ifndef QF_EVENT_H
#define QF_EVENT_H

#include <stddef.h>

#include "qf/buf.h"
#include "qf/date.h"
#include "qf/node.h"

/* The figures of an event's outcomes, in schema order: the keys of its
 * "outcomes" map.  Financing is in yuan, the others are counts. */
enum qf_outcome {
	QF_OUT_FINANCING_INTENDED,  /* 意向融资, 元 */
	QF_OUT_FINANCING_SIGNED,    /* 签约融资, 元 */
	QF_OUT_POSITIONS,           /* 提供岗位 */
	QF_OUT_ATTENDEES,           /* 参加人数 */
	QF_OUT_HIRES,               /* 达成就业意向 */
	QF_OUT_CONTRACTS,           /* 签约项目 */
	QF_OUT_BOOKLETS,            /* 发放政策汇编 */
	QF_NOUTCOMES
};

/* The key of an outcome in the record ("financing_intended"); "" when o
 * is out of range. */
const char *qf_outcome_name(enum qf_outcome o);

/* What a new event needs.  Strings are copied; NULL or "" leaves a field
 * out, as does an empty list or an outcome below 0. */
struct qf_event_spec {
	const char *id;
	struct qf_date date;
	const char *kind;                   /* stored token (briefing, ...) */
	const char *title, *organiser, *place, *note;
	const struct qf_strv *firms, *policies, *demands;   /* IDs; may be NULL */
	long long outcomes[QF_NOUTCOMES];   /* -1: not given */
};

/* A spec with no outcome given (every one -1) and nothing else set. */
void qf_event_spec_init(struct qf_event_spec *sp);

/* A new event record: id, date, kind, title, organiser, place, firms,
 * policies, demands, outcomes (only those given, in schema order), note.
 * Caller frees; NULL when out of memory. */
struct qf_node *qf_event_new(const struct qf_event_spec *sp);

/* The value of outcome o of an event record into *v: 1, or 0 when it has
 * none (absent, null, or not a whole number >= 0, which qf check
 * reports). */
int qf_event_outcome(const struct qf_node *rec, enum qf_outcome o,
		     long long *v);

/* Events dated from..to (inclusive, when has_from / has_to), of kind (a
 * token), with firm (an ID) among those taking part.  A record without a
 * date is never taken by a range of days. */
struct qf_event_filter {
	const char *kind, *firm;
	struct qf_date from, to;
	int has_from, has_to;
};
int qf_event_filter_match(const struct qf_event_filter *f,
			  const struct qf_node *rec);

#endif
