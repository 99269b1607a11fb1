/* filter.c - the lists' filters, shared with qf export (see qf/filter.h). */
#include <stdlib.h>
#include <string.h>

#include "qf/filter.h"
#include "qf/workflow.h"

static int contains(const char *hay, const char *needle)
{
	return hay && strstr(hay, needle);
}

/* A scalar's text, "" when absent. */
static const char *str(const struct qf_node *rec, const char *key)
{
	const char *s = qf_node_get_str(rec, key);

	return s ? s : "";
}

int qf_seq_has_part(const struct qf_node *seq, const char *s)
{
	if (!seq || seq->kind != QF_NODE_SEQ)
		return 0;
	for (size_t i = 0; i < seq->n; i++)
		if (seq->items[i]->kind == QF_NODE_SCALAR &&
		    strstr(seq->items[i]->str, s))
			return 1;
	return 0;
}

int qf_firm_filter_missing(struct qf_firm_filter *f, struct qf_store *s,
			   const char *policy, const struct qf_date *at,
			   struct qf_error *err)
{
	char *file = NULL;
	int rc;

	qf_firm_filter_release(f);
	f->at = *at;
	if (!(f->handed = calloc(1, sizeof *f->handed)))
		return qf_error_oom(err);
	if (!(rc = qf_store_get(s, policy, &f->missing_policy, &file, err)))
		rc = qf_policy_check_eligible(f->missing_policy, file, err);
	free(file);
	if (rc || (rc = qf_handovers_load(s, policy, NULL, at, f->handed, err)))
		qf_firm_filter_release(f);
	return rc;
}

void qf_firm_filter_release(struct qf_firm_filter *f)
{
	qf_node_free(f->missing_policy);
	f->missing_policy = NULL;
	if (f->handed)
		qf_handovers_release(f->handed);
	free(f->handed);
	f->handed = NULL;
}

int qf_firm_filter_match(const struct qf_firm_filter *f,
			 const struct qf_firm *firm)
{
	if (f->missing_policy &&
	    (qf_policy_fits(f->missing_policy, firm, &f->at) != QF_FITS ||
	     qf_handovers_find(f->handed,
			       qf_node_get_str(f->missing_policy, "id"),
			       firm->id)))
		return 0;
	if (f->tags)
		for (size_t i = 0; i < f->tags->n; i++)
			if (!qf_firm_has_tag(firm, f->tags->v[i]))
				return 0;
	return !((f->park && !contains(firm->park, f->park)) ||
		 (f->sector && !contains(firm->sector, f->sector)) ||
		 (f->leader && !contains(firm->leader, f->leader)));
}

int qf_firm_filter_match_rec(const struct qf_firm_filter *f,
			     const struct qf_node *rec, struct qf_buf *tagbuf)
{
	const struct qf_node *tags = qf_node_get(rec, "tags");
	struct qf_firm firm;

	memset(&firm, 0, sizeof firm);
	firm.id = qf_node_get_str(rec, "id");
	firm.name = qf_node_get_str(rec, "name");
	firm.park = qf_node_get_str(rec, "park");
	firm.sector = qf_node_get_str(rec, "sector");
	firm.leader = qf_node_get_str(rec, "leader");
	firm.liaison = qf_node_get_str(rec, "liaison");
	qf_buf_clear(tagbuf);
	if (tags && tags->kind == QF_NODE_SEQ)
		for (size_t i = 0; i < tags->n; i++)
			if (tags->items[i]->kind == QF_NODE_SCALAR &&
			    tags->items[i]->len)
				qf_buf_put(tagbuf, tags->items[i]->str,
					   tags->items[i]->len + 1);
	qf_buf_put(tagbuf, "", 1);
	if (tagbuf->oom)
		return -1;
	firm.tags = tagbuf->s;
	return qf_firm_filter_match(f, &firm);
}

int qf_visit_filter_match(const struct qf_visit_filter *f,
			  const struct qf_node *r)
{
	const char *firm = qf_node_get_str(r, "firm");
	const char *kind = qf_node_get_str(r, "kind");
	struct qf_date d;

	return !(!qf_node_get_str(r, "id") ||
		 qf_date_parse(str(r, "date"), &d) ||
		 (f->has_from && qf_date_cmp(&d, &f->from) < 0) ||
		 (f->has_to && qf_date_cmp(&d, &f->to) > 0) ||
		 (f->firm && (!firm || strcmp(firm, f->firm))) ||
		 (f->kind && (!kind || strcmp(kind, f->kind))) ||
		 (f->visitor &&
		  !qf_seq_has_part(qf_node_get(r, "visitors"), f->visitor)));
}

void qf_demand_filter_init(struct qf_demand_filter *f,
			   const struct qf_date *at)
{
	memset(f, 0, sizeof *f);
	f->within = -1;
	if (at)
		f->at = *at;
}

int qf_demand_filter_match(const struct qf_demand_filter *f,
			   const struct qf_node *r, const char *leader,
			   long *overdue)
{
	const char *status = qf_node_get_str(r, "status");
	const char *firm = qf_node_get_str(r, "firm");
	struct qf_date d;
	long od;

	if (!qf_node_get_str(r, "id") ||
	    (f->open_only && (!status || qf_status_closed(status))))
		return 0;
	if ((f->firm && (!firm || strcmp(firm, f->firm))) ||
	    (f->dept && !contains(qf_node_get_str(r, "dept"), f->dept)) ||
	    (f->codept && !contains(qf_node_get_str(r, "dept"), f->codept) &&
	     !qf_seq_has_part(qf_node_get(r, "codepts"), f->codept)) ||
	    (f->owner && !contains(qf_node_get_str(r, "owner"), f->owner)) ||
	    (f->category && strcmp(str(r, "category"), f->category)) ||
	    (f->kind && strcmp(str(r, "kind"), f->kind)) ||
	    (f->level && strcmp(str(r, "level"), f->level)) ||
	    (f->status && (!status || strcmp(status, f->status))) ||
	    (f->leader && !contains(leader, f->leader)) ||
	    (f->grep && !contains(qf_node_get_str(r, "title"), f->grep) &&
	     !contains(qf_node_get_str(r, "detail"), f->grep)))
		return 0;
	od = qf_demand_overdue(r, &f->at);
	if (f->overdue && !od)
		return 0;
	if (f->within >= 0) {
		const char *due = qf_node_get_str(r, "due");
		if (!due || qf_date_parse(due, &d) ||
		    qf_date_diff(&d, &f->at) > f->within)
			return 0;
	}
	if ((f->has_before || f->has_after || f->has_from || f->has_to) &&
	    (qf_date_parse(str(r, "opened"), &d) ||
	     (f->has_before && qf_date_cmp(&d, &f->before) >= 0) ||
	     (f->has_after && qf_date_cmp(&d, &f->after) <= 0) ||
	     (f->has_from && qf_date_cmp(&d, &f->from) < 0) ||
	     (f->has_to && qf_date_cmp(&d, &f->to) > 0)))
		return 0;
	if (overdue)
		*overdue = od;
	return 1;
}
