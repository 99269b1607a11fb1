/* eligible.h - which firms a policy is for (适用对象), and which have been
 * handed it (送政策).
 *
 * A policy is in force from `issued` to `expires` inclusive (a missing
 * one leaves that side open).  A firm fits when it meets every non-empty
 * list of `eligible`: it has one of the tags, its sector is one of the
 * sectors, its park one of the parks (whole strings, not parts).
 *
 * A policy counts as handed to a firm (one pair, its first date counting)
 * when a visit of the firm lists it in `policies` (the visit's date), an
 * event lists both in `firms` and `policies` (the event's date), or the
 * policy's `delivered` names the firm (that entry's date).
 */
#ifndef QF_ELIGIBLE_H
#define QF_ELIGIBLE_H

#include <stddef.h>

#include "qf/date.h"
#include "qf/error.h"
#include "qf/firms.h"
#include "qf/node.h"
#include "qf/store.h"

/* Why a firm does not fit a policy on a day; QF_FITS when it does. */
enum qf_fit {
	QF_FITS = 0,
	QF_FIT_NOT_ISSUED,      /* the day is before `issued` */
	QF_FIT_EXPIRED,         /* the day is after `expires` */
	QF_FIT_TAG,             /* none of the tags */
	QF_FIT_SECTOR,          /* not one of the sectors */
	QF_FIT_PARK             /* not one of the parks */
};

/* QF_FITS, QF_FIT_NOT_ISSUED or QF_FIT_EXPIRED: the policy record's
 * validity on day d.  A date that does not parse leaves its side open
 * (qf check reports it). */
enum qf_fit qf_policy_in_force(const struct qf_node *policy,
			       const struct qf_date *d);
/* QF_OK when the fields whom a policy is for and when it is in force
 * are well-formed (issued and expires dates; eligible a mapping whose
 * tags, sectors and parks are lists of text), else QF_EDATA with err at
 * the field in file: a typo there must not make a policy fit every
 * firm, or none, without a word. */
int qf_policy_check_eligible(const struct qf_node *policy, const char *file,
			     struct qf_error *err);
/* 1 when the policy has an `eligible` with a non-empty list. */
int qf_policy_has_eligible(const struct qf_node *policy);
/* Whether firm fits policy on day d (d NULL: validity not asked), the
 * first reason it does not. */
enum qf_fit qf_policy_fits(const struct qf_node *policy,
			   const struct qf_firm *firm,
			   const struct qf_date *d);
/* The reason in words (translated, static). */
const char *qf_fit_reason(enum qf_fit why);

/* How a pair was first handed over. */
enum qf_handed_via { QF_HANDED_VISIT, QF_HANDED_EVENT, QF_HANDED_DELIVERED };

struct qf_handover {
	char *policy, *firm;   /* IDs */
	struct qf_date date;   /* the first */
	enum qf_handed_via via;
	char *source;          /* the visit's or event's ID; for a delivery
				* its `via` (may be NULL) */
};

/* The pairs handed over, sorted by policy then firm, one per pair. */
struct qf_handovers {
	struct qf_handover *v;
	size_t n, cap;
	size_t raw[3];         /* handings-over read, by via, repeats and
				* all (before the first of each pair) */
};

/* Read the pairs from the visits, events and policies of the store, one
 * record at a time: of policy only (an ID; NULL: every policy), dated
 * from..to inclusive (either NULL: open).  A record without a usable
 * date is passed over (qf check reports it).  QF_OK or an error code
 * with err set; release with qf_handovers_release (also after an
 * error). */
int qf_handovers_load(struct qf_store *s, const char *policy,
		      const struct qf_date *from, const struct qf_date *to,
		      struct qf_handovers *h, struct qf_error *err);
void qf_handovers_release(struct qf_handovers *h);
/* The pair (policy, firm), or NULL when it was not handed over. */
const struct qf_handover *qf_handovers_find(const struct qf_handovers *h,
					    const char *policy,
					    const char *firm);
/* The word for via ("visit", "event", "delivered"): a stable token. */
const char *qf_handed_via_token(enum qf_handed_via via);

/* qf check's own checks of a policy record: a delivery dated before the
 * issue date or after expiry, at the entry's date.  Returns how many
 * problems were added to out. */
size_t qf_check_policy_fields(const struct qf_node *rec, const char *file,
			      struct qf_diags *out);

#endif
