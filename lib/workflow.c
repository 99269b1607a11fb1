/* workflow.c - demands and what happens to them. */
#include <string.h>

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
	bad |= set(r, "status", "open");
	if (bad || !qf_log_append(r, &sp->opened, "collect", sp->by, NULL)) {
		qf_node_free(r);
		return NULL;
	}
	return r;
}
