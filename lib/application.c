/* application.c - project applications (申报) and what happens to them. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "qf/application.h"
#include "qf/workflow.h"

/* Field order as the commands write it (schemas/application.yaml). */
static const char *const app_order[] = {
	"id", "firm", "policy", "project", "requested", "filed", "dept",
	"status", "granted", "closed", "source", "note", "log", NULL
};

const char *qf_app_status_name(enum qf_app_status st)
{
	static const char *const names[QF_APP_NSTATUS] = {
		[QF_APP_FILED] = "filed",
		[QF_APP_REVIEWING] = "reviewing",
		[QF_APP_LISTED] = "listed",
		[QF_APP_GRANTED] = "granted",
		[QF_APP_REJECTED] = "rejected",
	};

	return (unsigned)st < QF_APP_NSTATUS ? names[st] : "?";
}

const char *qf_app_act_name(enum qf_app_act a)
{
	static const char *const names[QF_APP_NACTS] = {
		[QF_APP_FILE] = "file",
		[QF_APP_REVIEW] = "review",
		[QF_APP_LIST] = "list",
		[QF_APP_GRANT] = "grant",
		[QF_APP_REJECT] = "reject",
		[QF_APP_NOTE] = "note",
	};

	return (unsigned)a < QF_APP_NACTS ? names[a] : "?";
}

int qf_app_status_from_name(const char *status)
{
	for (int i = 0; status && i < QF_APP_NSTATUS; i++)
		if (!strcmp(status, qf_app_status_name((enum qf_app_status)i)))
			return i;
	return -1;
}

int qf_app_act_from_name(const char *name)
{
	for (int i = 0; name && i < QF_APP_NACTS; i++)
		if (!strcmp(name, qf_app_act_name((enum qf_app_act)i)))
			return i;
	return -1;
}

int qf_app_status_closed(const char *status)
{
	int st = qf_app_status_from_name(status);

	return st == QF_APP_GRANTED || st == QF_APP_REJECTED;
}

int qf_app_act_leads_to(enum qf_app_act a)
{
	switch (a) {
	case QF_APP_FILE: return QF_APP_FILED;
	case QF_APP_REVIEW: return QF_APP_REVIEWING;
	case QF_APP_LIST: return QF_APP_LISTED;
	case QF_APP_GRANT: return QF_APP_GRANTED;
	case QF_APP_REJECT: return QF_APP_REJECTED;
	default: return -1;
	}
}

static int set(struct qf_node *map, const char *key, const char *s)
{
	if (!s || !*s)
		return 0;
	return qf_node_map_set_str(map, key, s);
}

static int set_int(struct qf_node *map, const char *key, const char *digits)
{
	struct qf_node *v;

	if (!digits || !*digits)
		return 0;
	if (!(v = qf_node_new_scalar_len(digits, strlen(digits), QF_STYPE_INT)))
		return -1;
	if (qf_node_map_set(map, key, v)) {
		qf_node_free(v);
		return -1;
	}
	return 0;
}

static int get_date(const struct qf_node *rec, const char *key,
		    struct qf_date *d)
{
	const char *s = qf_node_get_str(rec, key);

	return s && qf_date_parse(s, d) == 0;
}

static long long get_int(const struct qf_node *rec, const char *key)
{
	const struct qf_node *v = qf_node_get(rec, key);
	long long x;

	return v && !qf_node_int(v, &x) && x >= 0 ? x : 0;
}

struct qf_node *qf_application_new(const struct qf_application_spec *sp)
{
	struct qf_node *r = qf_node_new_map(), *e;
	char d[16];
	int bad = 0;

	if (!r)
		return NULL;
	bad |= set(r, "id", sp->id);
	bad |= set(r, "firm", sp->firm);
	bad |= set(r, "policy", sp->policy);
	bad |= set(r, "project", sp->project);
	bad |= set_int(r, "requested", sp->requested);
	bad |= set(r, "filed", qf_date_format(&sp->filed, d, sizeof d));
	bad |= set(r, "dept", sp->dept);
	bad |= set(r, "status", qf_app_status_name(QF_APP_FILED));
	bad |= set(r, "source", sp->source);
	bad |= set(r, "note", sp->note);
	if (bad || !(e = qf_log_append(r, &sp->filed,
				       qf_app_act_name(QF_APP_FILE), sp->by,
				       NULL)) ||
	    set_int(e, "amount", sp->requested)) {
		qf_node_free(r);
		return NULL;
	}
	return r;
}

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

/* Check what an action needs, before anything changes. */
static int precheck(const struct qf_node *rec, const struct qf_app_action *a,
		    struct qf_error *err)
{
	const char *status = qf_node_get_str(rec, "status");
	const struct qf_node *log = qf_node_get(rec, "log");
	int st = qf_app_status_from_name(status);
	struct qf_date filed, last;
	long long amount;

	if (st < 0)
		/* TRANSLATORS: %s is the status as stored; keep it in
		 * English, as in the store. */
		return refuse(err, _("its status '%s' is not one of an application"),
			      status ? status : "");
	if (get_date(rec, "filed", &filed) && qf_date_cmp(&a->date, &filed) < 0)
		return refuse(err, _("the date is before the application was filed (%s)"),
			      qf_node_get_str(rec, "filed"));
	if (log && log->kind == QF_NODE_SEQ && log->n &&
	    get_date(log->items[log->n - 1], "date", &last) &&
	    qf_date_cmp(&a->date, &last) < 0)
		return refuse(err, _("the date is before the last entry of its history (%s)"),
			      qf_node_get_str(log->items[log->n - 1], "date"));
	if (qf_app_status_closed(status))
		/* TRANSLATORS: %s is granted or rejected, as stored. */
		return refuse(err, _("it is '%s' already (closed)"), status);
	switch (a->act) {
	case QF_APP_REVIEW:
		if (st != QF_APP_FILED)
			return refuse(err, _("it is '%s': only a filed application goes to review"),
				      status);
		break;
	case QF_APP_LIST:
		if (st == QF_APP_LISTED)
			return refuse(err, _("it is listed already"));
		break;
	case QF_APP_GRANT:
		if (st != QF_APP_LISTED)
			return refuse(err, _("it is '%s': only a listed application is granted (list it first)"),
				      status);
		if (!a->amount || !*a->amount)
			return refuse(err, _("granting needs the amount paid out"));
		amount = strtoll(a->amount, NULL, 10);
		if (qf_node_get(rec, "requested") &&
		    amount > get_int(rec, "requested"))
			return refuse(err, _("the amount granted (%s) is more than requested (%s)"),
				      a->amount, qf_node_get_str(rec, "requested"));
		break;
	case QF_APP_REJECT:
		if (!a->note || !*a->note)
			return refuse(err, _("rejecting needs the reason"));
		break;
	case QF_APP_NOTE:
		if (!a->note || !*a->note)
			return refuse(err, _("a progress note needs its text"));
		break;
	default:
		return refuse(err, _("unknown action"));
	}
	return QF_OK;
}

int qf_application_act(struct qf_node *rec, const struct qf_app_action *a,
		       struct qf_error *err)
{
	struct qf_node *e;
	char d[16];
	int to, rc;

	if (!rec || rec->kind != QF_NODE_MAP)
		return refuse(err, _("an application is a mapping of fields"));
	if ((rc = precheck(rec, a, err)))
		return rc;
	to = qf_app_act_leads_to(a->act);
	if (to >= 0 && qf_node_map_set_str(rec, "status",
					   qf_app_status_name((enum qf_app_status)to)))
		goto oom;
	if (a->act == QF_APP_GRANT && set_int(rec, "granted", a->amount))
		goto oom;
	if ((a->act == QF_APP_GRANT || a->act == QF_APP_REJECT) &&
	    qf_node_map_set_str(rec, "closed",
				qf_date_format(&a->date, d, sizeof d)))
		goto oom;
	if (!(e = qf_log_append(rec, &a->date, qf_app_act_name(a->act), a->by,
				a->note)) ||
	    (a->act == QF_APP_GRANT && set_int(e, "amount", a->amount)))
		goto oom;
	qf_record_reorder(rec, app_order);
	return QF_OK;
oom:
	return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0, _("out of memory"));
}

int qf_application_log_status(const struct qf_node *rec,
			      const struct qf_node **at)
{
	const struct qf_node *log = qf_node_get(rec, "log");
	int st = -1;

	if (at)
		*at = NULL;
	for (size_t i = 0; log && log->kind == QF_NODE_SEQ && i < log->n; i++) {
		int act = qf_app_act_from_name(qf_node_get_str(log->items[i],
							       "action"));
		int to = act < 0 ? -1 : qf_app_act_leads_to((enum qf_app_act)act);

		if (to >= 0) {
			st = to;
			if (at)
				*at = log->items[i];
		}
	}
	return st;
}

/* Replay the log to the end of date; *usable: some entry counted. */
static void replay(const struct qf_node *r, const struct qf_date *date,
		   struct qf_app_state *st, int *usable)
{
	const struct qf_node *log = qf_node_get(r, "log");
	int any = 0;

	memset(st, 0, sizeof *st);
	st->from_log = 1;
	st->requested = get_int(r, "requested");
	for (size_t i = 0; log && log->kind == QF_NODE_SEQ && i < log->n; i++) {
		const struct qf_node *e = log->items[i];
		int act = qf_app_act_from_name(qf_node_get_str(e, "action"));
		int to = act < 0 ? -1 : qf_app_act_leads_to((enum qf_app_act)act);
		struct qf_date d;

		if (act < 0 || !get_date(e, "date", &d) ||
		    qf_date_cmp(&d, date) > 0)
			continue;
		if (!any)
			st->status = qf_app_status_name(QF_APP_FILED);
		any = 1;
		if (to < 0)
			continue;
		st->status = qf_app_status_name((enum qf_app_status)to);
		st->closed = to == QF_APP_GRANTED || to == QF_APP_REJECTED;
		if (to == QF_APP_LISTED || to == QF_APP_GRANTED)
			st->listed = 1;
		if (st->closed)
			st->closed_on = d;
		if (to == QF_APP_GRANTED)
			st->granted = qf_node_get(e, "amount") ?
				get_int(e, "amount") : get_int(r, "granted");
		if (to == QF_APP_FILED && !qf_node_get(r, "requested"))
			st->requested = get_int(e, "amount");
	}
	*usable = any;
}

static void from_fields(const struct qf_node *r, const struct qf_date *date,
			struct qf_app_state *st)
{
	const char *status = qf_node_get_str(r, "status");
	int s = qf_app_status_from_name(status);
	struct qf_date filed;

	memset(st, 0, sizeof *st);
	st->requested = get_int(r, "requested");
	if (get_date(r, "filed", &filed) && qf_date_cmp(&filed, date) > 0)
		return;               /* not filed yet */
	if (s < 0) {
		st->status = qf_app_status_name(QF_APP_FILED);
		return;
	}
	if (qf_app_status_closed(status) && get_date(r, "closed", &st->closed_on) &&
	    qf_date_cmp(&st->closed_on, date) <= 0) {
		st->closed = 1;
		st->status = status;
		if (s == QF_APP_GRANTED)
			st->granted = get_int(r, "granted");
	} else if (s == QF_APP_GRANTED) {
		/* Granted later: only a listed one is granted. */
		st->status = qf_app_status_name(QF_APP_LISTED);
	} else if (s == QF_APP_REJECTED) {
		/* Rejected later: open then, how far along is not known. */
		st->status = qf_app_status_name(QF_APP_FILED);
	} else {
		st->status = status;
	}
	s = qf_app_status_from_name(st->status);
	st->listed = s == QF_APP_LISTED || s == QF_APP_GRANTED;
}

int qf_application_state_at(const struct qf_node *rec,
			    const struct qf_date *date,
			    struct qf_app_state *out, struct qf_error *err)
{
	static const struct qf_date never = { 9999, 12, 31 };
	struct qf_app_state now;
	const char *status;
	int usable;

	memset(out, 0, sizeof *out);
	if (!rec || rec->kind != QF_NODE_MAP)
		return qf_error_set(err, QF_EDATA, NULL, rec ? rec->line : 0,
				    rec ? rec->col : 0,
				    _("an application is a mapping of fields"));
	status = qf_node_get_str(rec, "status");
	replay(rec, &never, &now, &usable);
	if (usable && status && !strcmp(now.status, status)) {
		replay(rec, date, out, &usable);
		return QF_OK;
	}
	from_fields(rec, date, out);
	return QF_OK;
}
