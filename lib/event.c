/* event.c - campaign events (活动): new records and their outcomes (see
 * qf/event.h). */
#include <stdio.h>
#include <string.h>

#include "qf/event.h"

static const char *const outcome_names[QF_NOUTCOMES] = {
	[QF_OUT_FINANCING_INTENDED] = "financing_intended",
	[QF_OUT_FINANCING_SIGNED] = "financing_signed",
	[QF_OUT_POSITIONS] = "positions",
	[QF_OUT_ATTENDEES] = "attendees",
	[QF_OUT_HIRES] = "hires",
	[QF_OUT_CONTRACTS] = "contracts",
	[QF_OUT_BOOKLETS] = "booklets",
};

const char *qf_outcome_name(enum qf_outcome o)
{
	return (unsigned)o < QF_NOUTCOMES ? outcome_names[o] : "";
}

void qf_event_spec_init(struct qf_event_spec *sp)
{
	memset(sp, 0, sizeof *sp);
	for (int i = 0; i < QF_NOUTCOMES; i++)
		sp->outcomes[i] = -1;
}

static int set(struct qf_node *r, const char *key, const char *s)
{
	return s && *s ? qf_node_map_set_str(r, key, s) : 0;
}

static int set_list(struct qf_node *r, const char *key,
		    const struct qf_strv *l)
{
	struct qf_node *seq;

	if (!l || !l->n)
		return 0;
	if (!(seq = qf_node_new_seq()))
		return -1;
	for (size_t i = 0; i < l->n; i++) {
		struct qf_node *v = qf_node_new_scalar(l->v[i]);
		if (!v || qf_node_seq_append(seq, v)) {
			qf_node_free(v);
			qf_node_free(seq);
			return -1;
		}
	}
	if (qf_node_map_set(r, key, seq)) {
		qf_node_free(seq);
		return -1;
	}
	return 0;
}

static int set_outcomes(struct qf_node *r, const long long *v)
{
	struct qf_node *m = NULL;

	for (int i = 0; i < QF_NOUTCOMES; i++) {
		struct qf_node *n;
		char buf[32];
		if (v[i] < 0)
			continue;
		if (!m && !(m = qf_node_new_map()))
			return -1;
		snprintf(buf, sizeof buf, "%lld", v[i]);
		if (!(n = qf_node_new_scalar_len(buf, strlen(buf), QF_STYPE_INT)) ||
		    qf_node_map_set(m, outcome_names[i], n)) {
			qf_node_free(n);
			qf_node_free(m);
			return -1;
		}
	}
	if (m && qf_node_map_set(r, "outcomes", m)) {
		qf_node_free(m);
		return -1;
	}
	return 0;
}

struct qf_node *qf_event_new(const struct qf_event_spec *sp)
{
	struct qf_node *r = qf_node_new_map();
	char d[16];
	int bad = !r;

	if (bad)
		return NULL;
	bad |= set(r, "id", sp->id);
	bad |= set(r, "date", qf_date_format(&sp->date, d, sizeof d));
	bad |= set(r, "kind", sp->kind);
	bad |= set(r, "title", sp->title);
	bad |= set(r, "organiser", sp->organiser);
	bad |= set(r, "place", sp->place);
	bad |= set_list(r, "firms", sp->firms);
	bad |= set_list(r, "policies", sp->policies);
	bad |= set_list(r, "demands", sp->demands);
	bad |= set_outcomes(r, sp->outcomes);
	bad |= set(r, "note", sp->note);
	if (bad) {
		qf_node_free(r);
		return NULL;
	}
	return r;
}

int qf_event_outcome(const struct qf_node *rec, enum qf_outcome o,
		     long long *v)
{
	const struct qf_node *n = qf_node_get(qf_node_get(rec, "outcomes"),
					      qf_outcome_name(o));

	if (!n || n->kind != QF_NODE_SCALAR || n->stype == QF_STYPE_NULL ||
	    qf_node_int(n, v) || *v < 0)
		return 0;
	return 1;
}

static int lists(const struct qf_node *seq, const char *s)
{
	for (size_t i = 0; seq && seq->kind == QF_NODE_SEQ && i < seq->n; i++)
		if (seq->items[i]->kind == QF_NODE_SCALAR && seq->items[i]->str &&
		    !strcmp(seq->items[i]->str, s))
			return 1;
	return 0;
}

int qf_event_filter_match(const struct qf_event_filter *f,
			  const struct qf_node *rec)
{
	const char *ds = qf_node_get_str(rec, "date");
	const char *kind = qf_node_get_str(rec, "kind");
	struct qf_date d;

	if ((f->has_from || f->has_to) && (!ds || qf_date_parse(ds, &d)))
		return 0;
	if (f->has_from && qf_date_cmp(&d, &f->from) < 0)
		return 0;
	if (f->has_to && qf_date_cmp(&d, &f->to) > 0)
		return 0;
	if (f->kind && (!kind || strcmp(kind, f->kind)))
		return 0;
	if (f->firm && !lists(qf_node_get(rec, "firms"), f->firm))
		return 0;
	return 1;
}
