/* workflow.c - demands and what happens to them. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "qf/workflow.h"

static int set(struct qf_node *map, const char *key, const char *s)
{
	if (!s || !*s)
		return 0;
	return qf_node_map_set_str(map, key, s);
}

struct qf_node *qf_log_append(struct qf_node *rec, const struct qf_date *date,
			      const char *action, const char *by,
			      const char *note)
{
	struct qf_node *log = qf_node_get(rec, "log");
	struct qf_node *e;
	char d[16];

	if (!log || log->kind != QF_NODE_SEQ) {
		if (!(log = qf_node_new_seq()))
			return NULL;
		if (qf_node_map_set(rec, "log", log)) {
			qf_node_free(log);
			return NULL;
		}
	}
	if (!(e = qf_node_new_map()))
		return NULL;
	if (set(e, "date", qf_date_format(date, d, sizeof d)) ||
	    set(e, "action", action) || set(e, "by", by) ||
	    set(e, "note", note) || qf_node_seq_append(log, e)) {
		qf_node_free(e);
		return NULL;
	}
	return e;
}

struct qf_node *qf_demand_new(const struct qf_demand_spec *sp)
{
	struct qf_node *r = qf_node_new_map();
	char d[16];
	int bad = !r;

	if (bad)
		return NULL;
	bad |= set(r, "id", sp->id);
	bad |= set(r, "firm", sp->firm);
	bad |= set(r, "opened", qf_date_format(&sp->opened, d, sizeof d));
	bad |= set(r, "source", sp->source);
	bad |= set(r, "kind", sp->kind);
	bad |= set(r, "level", sp->level);
	bad |= set(r, "category", sp->category);
	bad |= set(r, "title", sp->title);
	bad |= set(r, "detail", sp->detail);
	if (sp->amount && *sp->amount) {
		struct qf_node *a = qf_node_new_scalar_len(sp->amount,
			strlen(sp->amount), QF_STYPE_INT);
		if (!a || qf_node_map_set(r, "amount", a)) {
			qf_node_free(a);
			bad = 1;
		}
	}
	bad |= set(r, "status", qf_status_name(QF_ST_OPEN));
	if (bad || !qf_log_append(r, &sp->opened, qf_act_name(QF_ACT_COLLECT),
				  sp->by, NULL)) {
		qf_node_free(r);
		return NULL;
	}
	return r;
}

const char *qf_act_name(enum qf_act a)
{
	static const char *const names[QF_NACTS] = {
		[QF_ACT_ASSIGN] = "assign",
		[QF_ACT_NOTE] = "note",
		[QF_ACT_EXTEND] = "extend",
		[QF_ACT_RETURN] = "return",
		[QF_ACT_URGE] = "urge",
		[QF_ACT_ESCALATE] = "escalate",
		[QF_ACT_RESOLVE] = "resolve",
		[QF_ACT_FOLLOW_UP] = "follow-up",
		[QF_ACT_REOPEN] = "reopen",
		[QF_ACT_COLLECT] = "collect",
		[QF_ACT_ADOPT] = "adopt",
		[QF_ACT_DECLINE] = "decline",
	};

	return (unsigned)a < QF_NACTS ? names[a] : "?";
}

int qf_act_from_name(const char *name)
{
	if (!name)
		return -1;
	for (int a = 0; a < QF_NACTS; a++)
		if (!strcmp(name, qf_act_name((enum qf_act)a)))
			return a;
	return -1;
}

const char *qf_act_outcome(enum qf_act a)
{
	switch (a) {
	case QF_ACT_RESOLVE:
		return qf_status_name(QF_ST_RESOLVED);
	case QF_ACT_ADOPT:
		return qf_status_name(QF_ST_ADOPTED);
	case QF_ACT_DECLINE:
		return qf_status_name(QF_ST_DECLINED);
	default:
		return NULL;
	}
}

const char *qf_status_name(enum qf_status st)
{
	static const char *const names[QF_NSTATUS] = {
		[QF_ST_OPEN] = "open",
		[QF_ST_ASSIGNED] = "assigned",
		[QF_ST_RESOLVED] = "resolved",
		[QF_ST_ADOPTED] = "adopted",
		[QF_ST_DECLINED] = "declined",
	};

	return (unsigned)st < QF_NSTATUS ? names[st] : "?";
}

int qf_status_from_name(const char *status)
{
	if (!status)
		return -1;
	for (int st = 0; st < QF_NSTATUS; st++)
		if (!strcmp(status, qf_status_name((enum qf_status)st)))
			return st;
	return -1;
}

int qf_status_closed(const char *status)
{
	int st = qf_status_from_name(status);

	return st == QF_ST_RESOLVED || st == QF_ST_ADOPTED ||
	       st == QF_ST_DECLINED;
}

int qf_status_fits_kind(const char *status, const char *kind)
{
	int st = qf_status_from_name(status);

	if (!kind)
		return 1;
	if (st == QF_ST_ADOPTED)
		return !strcmp(kind, "suggestion");
	if (st == QF_ST_RESOLVED)
		return !strcmp(kind, "problem");
	return 1;
}

/* The status resolve leaves a demand of kind in, and the action it
 * writes to the log. */
static enum qf_act closing_act(const char *kind, int decline)
{
	if (decline)
		return QF_ACT_DECLINE;
	return kind && !strcmp(kind, "suggestion") ? QF_ACT_ADOPT :
						     QF_ACT_RESOLVE;
}

static int get_date(const struct qf_node *rec, const char *key,
		    struct qf_date *d)
{
	const char *s = qf_node_get_str(rec, key);

	return s && qf_date_parse(s, d) == 0;
}

long qf_demand_overdue(const struct qf_node *rec, const struct qf_date *date)
{
	struct qf_date due;
	long days;

	if (qf_status_closed(qf_node_get_str(rec, "status")) ||
	    !get_date(rec, "due", &due))
		return 0;
	days = qf_date_diff(date, &due);
	return days > 0 ? days : 0;
}

static int set_date(struct qf_node *map, const char *key,
		    const struct qf_date *d)
{
	char buf[16];

	return qf_node_map_set_str(map, key, qf_date_format(d, buf,
							     sizeof buf));
}

/* The refusals.  Each names the demand's state so the user sees why. */
static int refuse(struct qf_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int refuse(struct qf_error *err, const char *fmt, ...)
{
	va_list ap;

	qf_error_clear(err);
	err->code = QF_EDATA;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return QF_EDATA;
}

/* Field order of a demand as the commands write it, so that fields an
 * action adds land where a reader expects them, not at the end. */
static const char *const demand_order[] = {
	"id", "firm", "opened", "source", "kind", "level", "category",
	"title", "detail", "amount", "dept", "codepts", "owner", "due",
	"original_due", "status", "closed", "resolution", "satisfaction",
	"log", NULL
};

static int rank(const char *const *order, const char *key)
{
	for (int i = 0; order[i]; i++)
		if (!strcmp(order[i], key))
			return i;
	return -1;
}

/* Move keys that are out of the usual order back into it.  An unknown
 * key stays right after the known key it followed (or first, when none
 * did), so hand-added fields keep their place.  Stable insertion sort on
 * a weight: 2 * rank for a known key, 2 * rank + 1 for an unknown one. */
void qf_record_reorder(struct qf_node *rec, const char *const *order)
{
	int *wt = malloc((rec->n ? rec->n : 1) * sizeof *wt);
	int last = -1;

	if (!wt)
		return;      /* the order is cosmetic; the record is right */
	for (size_t i = 0; i < rec->n; i++) {
		int r = rank(order, rec->keys[i]->str);
		if (r >= 0)
			last = r;
		wt[i] = r >= 0 ? 2 * r : 2 * last + 1;
	}
	for (size_t i = 1; i < rec->n; i++) {
		struct qf_node *k = rec->keys[i], *v = rec->items[i];
		int w = wt[i];
		size_t j = i;

		while (j > 0 && wt[j - 1] > w) {
			rec->keys[j] = rec->keys[j - 1];
			rec->items[j] = rec->items[j - 1];
			wt[j] = wt[j - 1];
			j--;
		}
		rec->keys[j] = k;
		rec->items[j] = v;
		wt[j] = w;
	}
	free(wt);
}

static int set_list(struct qf_node *map, const char *key,
		    const char *const *v, size_t n)
{
	struct qf_node *seq;

	if (!n) {
		qf_node_map_del(map, key);
		return 0;
	}
	if (!(seq = qf_node_new_seq()))
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct qf_node *s = qf_node_new_scalar(v[i]);
		if (!s || qf_node_seq_append(seq, s)) {
			qf_node_free(s);
			qf_node_free(seq);
			return -1;
		}
	}
	if (qf_node_map_set(map, key, seq)) {
		qf_node_free(seq);
		return -1;
	}
	return 0;
}

/* Check what an action needs, before anything changes. */
static int precheck(const struct qf_node *rec, const struct qf_action *a,
		    struct qf_error *err)
{
	const char *status = qf_node_get_str(rec, "status");
	const char *level = qf_node_get_str(rec, "level");
	const char *id = qf_node_get_str(rec, "id");
	struct qf_date opened, due, last;
	int closed = qf_status_closed(status);
	int st = qf_status_from_name(status);
	const struct qf_node *log = qf_node_get(rec, "log");

	if (!status)
		return refuse(err, _("demand '%s' has no status"), id ? id : "?");
	if (get_date(rec, "opened", &opened) &&
	    qf_date_cmp(&a->date, &opened) < 0)
		return refuse(err, _("the date is before the demand was opened (%s)"),
			      qf_node_get_str(rec, "opened"));
	if (log && log->kind == QF_NODE_SEQ && log->n &&
	    get_date(log->items[log->n - 1], "date", &last) &&
	    qf_date_cmp(&a->date, &last) < 0)
		return refuse(err, _("the date is before the last entry of its history (%s)"),
			      qf_node_get_str(log->items[log->n - 1], "date"));
	switch (a->act) {
	case QF_ACT_ASSIGN:
		if (st != QF_ST_OPEN)
			/* TRANSLATORS: %s is the demand's status as stored
			 * (open, assigned, resolved, adopted, declined); keep
			 * it in English, as in the store. */
			return closed ?
				refuse(err, _("it is '%s', not open: reopen it first"),
				       status) :
				refuse(err, _("it is '%s', not open: return it first to assign it anew"),
				       status);
		if (!a->dept || !*a->dept)
			return refuse(err, _("no lead unit (dept)"));
		if (a->has_due && qf_date_cmp(&a->due, &a->date) < 0)
			return refuse(err, _("the due date is before the day it is assigned"));
		break;
	case QF_ACT_NOTE:
		if (closed)
			return refuse(err, _("it is '%s' (closed); reopen it first"), status);
		if (!a->note || !*a->note)
			return refuse(err, _("a progress note needs its text"));
		break;
	case QF_ACT_EXTEND:
		if (st != QF_ST_ASSIGNED)
			return refuse(err, _("it is '%s': only an assigned demand is extended"), status);
		if (!a->has_due)
			return refuse(err, _("no new due date"));
		if (get_date(rec, "due", &due) && qf_date_cmp(&a->due, &due) <= 0)
			return refuse(err, _("the new due date is not after the current one (%s)"),
				      qf_node_get_str(rec, "due"));
		if (!a->note || !*a->note)
			return refuse(err, _("an extension needs a reason"));
		break;
	case QF_ACT_RETURN:
		if (st != QF_ST_ASSIGNED)
			return refuse(err, _("it is '%s': only an assigned demand is returned"), status);
		if (!a->note || !*a->note)
			return refuse(err, _("a return needs a reason"));
		break;
	case QF_ACT_URGE:
		if (st != QF_ST_ASSIGNED)
			return refuse(err, _("it is '%s': only an assigned demand is urged"), status);
		if (!qf_demand_overdue(rec, &a->date))
			return refuse(err, _("it is not overdue (due %s)"),
				      qf_node_get_str(rec, "due") ? qf_node_get_str(rec, "due") : "-");
		break;
	case QF_ACT_ESCALATE:
		if (closed)
			return refuse(err, _("it is '%s' (closed)"), status);
		if (level && !strcmp(level, "higher"))
			return refuse(err, _("it is at the higher level already"));
		break;
	case QF_ACT_RESOLVE:
		if (closed)
			return refuse(err, _("it is '%s' already"), status);
		if (!a->note || !*a->note)
			return a->decline ?
				refuse(err, _("declining needs the reason why it cannot be resolved")) :
				refuse(err, _("resolving needs a resolution text (what was done)"));
		break;
	case QF_ACT_FOLLOW_UP:
		if (!closed)
			return refuse(err, _("it is '%s': a follow-up call comes after closing"), status);
		if (!a->satisfaction)
			return refuse(err, _("no satisfaction rating"));
		if (!strcmp(a->satisfaction, "dissatisfied") && a->has_due &&
		    qf_date_cmp(&a->due, &a->date) < 0)
			return refuse(err, _("the new due date is before the day it is reopened"));
		break;
	case QF_ACT_REOPEN:
		if (a->has_due && qf_date_cmp(&a->due, &a->date) < 0)
			return refuse(err, _("the new due date is before the day it is reopened"));
		if (!closed)
			return refuse(err, _("it is '%s', not closed"), status);
		if (!a->note || !*a->note)
			return refuse(err, _("reopening needs a reason"));
		break;
	default:
		return refuse(err, _("unknown action"));
	}
	return QF_OK;
}

/* closed -> assigned with the same unit (or open when it had none), the
 * closing fields cleared (they stay in the log). */
static int do_reopen(struct qf_node *rec, const struct qf_action *a,
		     const char *note)
{
	struct qf_node *e;

	qf_node_map_del(rec, "closed");
	qf_node_map_del(rec, "resolution");
	qf_node_map_del(rec, "satisfaction");
	/* A new round: on-time is judged against the new deadline. */
	qf_node_map_del(rec, "original_due");
	if (qf_node_get_str(rec, "dept")) {
		if (qf_node_map_set_str(rec, "status",
					qf_status_name(QF_ST_ASSIGNED)))
			return -1;
		if (a->has_due && set_date(rec, "due", &a->due))
			return -1;
	} else if (qf_node_map_set_str(rec, "status",
				       qf_status_name(QF_ST_OPEN))) {
		return -1;
	}
	if (!(e = qf_log_append(rec, &a->date, qf_act_name(QF_ACT_REOPEN),
				a->by, note)))
		return -1;
	if (a->has_due && qf_node_get_str(rec, "dept") &&
	    set_date(e, "due", &a->due))
		return -1;
	return 0;
}

int qf_demand_act(struct qf_node *rec, const struct qf_action *a,
		  struct qf_error *err)
{
	const char *kind = qf_node_get_str(rec, "kind");
	struct qf_node *e;
	int rc = precheck(rec, a, err);

	if (rc)
		return rc;
	switch (a->act) {
	case QF_ACT_ASSIGN:
		if (qf_node_map_set_str(rec, "dept", a->dept) ||
		    set_list(rec, "codepts", a->codepts, a->ncodepts))
			goto oom;
		if (a->owner && *a->owner) {
			if (qf_node_map_set_str(rec, "owner", a->owner))
				goto oom;
		} else {
			qf_node_map_del(rec, "owner");
		}
		if (a->has_due && set_date(rec, "due", &a->due))
			goto oom;
		qf_node_map_del(rec, "original_due");
		if (qf_node_map_set_str(rec, "status",
					qf_status_name(QF_ST_ASSIGNED)))
			goto oom;
		if (!(e = qf_log_append(rec, &a->date, qf_act_name(a->act),
					a->by, a->note)) ||
		    qf_node_map_set_str(e, "dept", a->dept) ||
		    set_list(e, "codepts", a->codepts, a->ncodepts) ||
		    (a->owner && *a->owner &&
		     qf_node_map_set_str(e, "owner", a->owner)) ||
		    (a->has_due && set_date(e, "due", &a->due)))
			goto oom;
		break;
	case QF_ACT_NOTE:
	case QF_ACT_URGE:
	case QF_ACT_ESCALATE:
		if (a->act == QF_ACT_ESCALATE &&
		    qf_node_map_set_str(rec, "level", "higher"))
			goto oom;
		if (!qf_log_append(rec, &a->date, qf_act_name(a->act), a->by,
				   a->note))
			goto oom;
		break;
	case QF_ACT_EXTEND:
		if (!qf_node_get(rec, "original_due") &&
		    qf_node_get_str(rec, "due") &&
		    qf_node_map_set_str(rec, "original_due",
					qf_node_get_str(rec, "due")))
			goto oom;
		if (set_date(rec, "due", &a->due) ||
		    !(e = qf_log_append(rec, &a->date, qf_act_name(a->act),
					a->by, a->note)) ||
		    set_date(e, "due", &a->due))
			goto oom;
		break;
	case QF_ACT_RETURN: {
		const char *dept = qf_node_get_str(rec, "dept");
		char *keep = dept ? strdup(dept) : NULL;
		if (dept && !keep)
			goto oom;
		if (!(e = qf_log_append(rec, &a->date, qf_act_name(a->act),
					a->by, a->note)) ||
		    (keep && qf_node_map_set_str(e, "dept", keep))) {
			free(keep);
			goto oom;
		}
		free(keep);
		qf_node_map_del(rec, "dept");
		qf_node_map_del(rec, "codepts");
		qf_node_map_del(rec, "owner");
		qf_node_map_del(rec, "due");
		qf_node_map_del(rec, "original_due");
		if (qf_node_map_set_str(rec, "status",
					qf_status_name(QF_ST_OPEN)))
			goto oom;
		break;
	}
	case QF_ACT_RESOLVE: {
		enum qf_act act = closing_act(kind, a->decline);
		if (qf_node_map_set_str(rec, "status", qf_act_outcome(act)) ||
		    set_date(rec, "closed", &a->date) ||
		    qf_node_map_set_str(rec, "resolution", a->note) ||
		    !qf_log_append(rec, &a->date, qf_act_name(act), a->by,
				   a->note))
			goto oom;
		break;
	}
	case QF_ACT_FOLLOW_UP:
		if (!(e = qf_log_append(rec, &a->date, qf_act_name(a->act),
					a->by, a->note)) ||
		    qf_node_map_set_str(e, "satisfaction", a->satisfaction))
			goto oom;
		if (!strcmp(a->satisfaction, "dissatisfied")) {
			if (do_reopen(rec, a, QF_TERM("回访不满意，重办")))
				goto oom;
		} else if (qf_node_map_set_str(rec, "satisfaction",
					       a->satisfaction)) {
			goto oom;
		}
		break;
	case QF_ACT_REOPEN:
		if (do_reopen(rec, a, a->note))
			goto oom;
		break;
	default:
		break;
	}
	qf_record_reorder(rec, demand_order);
	return QF_OK;
oom:
	return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0, _("out of memory"));
}

/* ---- the state of a demand at a date ------------------------------- */

/* Every entry's action is one of the log's names (entries without one
 * are skipped in the replay, as the schema reports them). */
static int check_actions(const struct qf_node *log, struct qf_error *err)
{
	for (size_t i = 0; log && log->kind == QF_NODE_SEQ && i < log->n; i++) {
		const struct qf_node *v = qf_node_get(log->items[i], "action");
		const char *act = qf_node_get_str(log->items[i], "action");

		if (act && qf_act_from_name(act) < 0)
			return qf_error_set(err, QF_EDATA, NULL, v->line, v->col,
					    _("field 'log[%zu].action': '%s' is "
					      "not an action on a demand"), i, act);
	}
	return QF_OK;
}

/* Replay rec's log to the end of date.  *usable: some entry counted. */
static void replay(const struct qf_node *r, const struct qf_date *date,
		   struct qf_demand_state *st, int *usable)
{
	const struct qf_node *log = qf_node_get(r, "log");
	int any = 0;

	memset(st, 0, sizeof *st);
	st->from_log = 1;
	st->level = qf_node_get_str(r, "level");
	if (st->level && !strcmp(st->level, "higher")) {
		/* Escalated later?  Then it was local before. */
		for (size_t i = 0; log && log->kind == QF_NODE_SEQ && i < log->n; i++)
			if (qf_act_from_name(qf_node_get_str(log->items[i],
							     "action")) ==
			    QF_ACT_ESCALATE)
				st->level = "local";
	}
	for (size_t i = 0; log && log->kind == QF_NODE_SEQ && i < log->n; i++) {
		const struct qf_node *e = log->items[i];
		int act = qf_act_from_name(qf_node_get_str(e, "action"));
		struct qf_date d, due;
		int has = get_date(e, "due", &due);

		if (act < 0 || !get_date(e, "date", &d) ||
		    qf_date_cmp(&d, date) > 0)
			continue;
		if (!any)
			st->status = qf_status_name(QF_ST_OPEN);
		any = 1;
		switch ((enum qf_act)act) {
		case QF_ACT_COLLECT:
			break;
		case QF_ACT_ASSIGN:
			st->status = qf_status_name(QF_ST_ASSIGNED);
			st->dept = qf_node_get_str(e, "dept");
			st->has_orig = st->has_due = has;
			st->orig = st->due = due;
			break;
		case QF_ACT_EXTEND:
			if (has) {
				st->has_due = 1;
				st->due = due;
			}
			break;
		case QF_ACT_RETURN:
			st->status = qf_status_name(QF_ST_OPEN);
			st->dept = NULL;
			st->has_orig = st->has_due = 0;
			break;
		case QF_ACT_ESCALATE:
			st->level = "higher";
			break;
		case QF_ACT_RESOLVE:
		case QF_ACT_ADOPT:
		case QF_ACT_DECLINE:
			st->closed = 1;
			st->closed_on = d;
			st->outcome = st->status = qf_act_outcome((enum qf_act)act);
			break;
		case QF_ACT_REOPEN:
			st->closed = 0;
			st->outcome = NULL;
			st->rating = NULL;
			st->status = qf_status_name(st->dept ? QF_ST_ASSIGNED :
						    QF_ST_OPEN);
			if (has) {
				st->has_orig = st->has_due = 1;
				st->orig = st->due = due;
			}
			break;
		case QF_ACT_FOLLOW_UP:
			st->rating = qf_node_get_str(e, "satisfaction");
			break;
		case QF_ACT_NOTE:
		case QF_ACT_URGE:
		default:
			break;
		}
	}
	*usable = any;
}

/* The state from the record's fields, for records without a usable log
 * (or whose log tells another story than its fields). */
static void from_fields(const struct qf_node *r, const struct qf_date *date,
			struct qf_demand_state *st)
{
	const char *status = qf_node_get_str(r, "status");
	struct qf_date opened;

	memset(st, 0, sizeof *st);
	st->level = qf_node_get_str(r, "level");
	st->dept = qf_node_get_str(r, "dept");
	st->has_due = get_date(r, "due", &st->due);
	st->has_orig = get_date(r, "original_due", &st->orig);
	if (!st->has_orig && st->has_due) {
		st->has_orig = 1;
		st->orig = st->due;
	}
	if (qf_status_closed(status) && get_date(r, "closed", &st->closed_on) &&
	    qf_date_cmp(&st->closed_on, date) <= 0) {
		st->closed = 1;
		st->outcome = st->status = status;
		st->rating = qf_node_get_str(r, "satisfaction");
	} else if (qf_status_closed(status)) {
		/* Closed later: before that, with a unit or waiting for one. */
		st->status = qf_status_name(st->dept ? QF_ST_ASSIGNED :
					    QF_ST_OPEN);
	} else {
		st->status = status;
	}
	if (get_date(r, "opened", &opened) && qf_date_cmp(&opened, date) > 0)
		st->status = NULL;
}

int qf_demand_state_at(const struct qf_node *rec, const struct qf_date *date,
		       struct qf_demand_state *out, struct qf_error *err)
{
	static const struct qf_date never = { 9999, 12, 31 };
	struct qf_demand_state now;
	struct qf_date closed;
	const char *status;
	int usable, rc;

	memset(out, 0, sizeof *out);
	if (!rec || rec->kind != QF_NODE_MAP)
		return qf_error_set(err, QF_EDATA, NULL, rec ? rec->line : 0,
				    rec ? rec->col : 0,
				    _("a demand is a mapping of fields"));
	if ((rc = check_actions(qf_node_get(rec, "log"), err)))
		return rc;
	status = qf_node_get_str(rec, "status");
	/* Trust the log only if, replayed to the end, it agrees with the
	 * record as it stands. */
	replay(rec, &never, &now, &usable);
	if (usable && now.closed == qf_status_closed(status) &&
	    (!now.closed || (get_date(rec, "closed", &closed) &&
			     !qf_date_cmp(&closed, &now.closed_on) &&
			     !strcmp(now.outcome, status)))) {
		replay(rec, date, out, &usable);
		return QF_OK;
	}
	from_fields(rec, date, out);
	return QF_OK;
}
