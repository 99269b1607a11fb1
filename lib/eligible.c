/* eligible.c - whom a policy is for and whom it has reached (see
 * qf/eligible.h). */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "qf/eligible.h"

static int get_date(const struct qf_node *rec, const char *key,
		    struct qf_date *d)
{
	const char *s = qf_node_get_str(rec, key);

	return s && qf_date_parse(s, d) == 0;
}

enum qf_fit qf_policy_in_force(const struct qf_node *policy,
			       const struct qf_date *d)
{
	struct qf_date x;

	if (get_date(policy, "issued", &x) && qf_date_cmp(d, &x) < 0)
		return QF_FIT_NOT_ISSUED;
	if (get_date(policy, "expires", &x) && qf_date_cmp(d, &x) > 0)
		return QF_FIT_EXPIRED;
	return QF_FITS;
}

static int bad_field(const struct qf_node *policy, const struct qf_node *at,
		     const char *file, const char *field, const char *what,
		     struct qf_error *err)
{
	const char *id = qf_node_get_str(policy, "id");

	return qf_error_set(err, QF_EDATA, file, at->line, at->col,
			    _("policy '%s': field '%s' is not %s: run qf check"),
			    id ? id : "?", field, what);
}

int qf_policy_check_eligible(const struct qf_node *policy, const char *file,
			     struct qf_error *err)
{
	static const char *const dates[] = { "issued", "expires" };
	static const char *const lists[] = { "tags", "sectors", "parks" };
	static const char *const fields[] = { "eligible.tags",
		"eligible.sectors", "eligible.parks" };
	const struct qf_node *e, *v;
	struct qf_date d;

	for (size_t i = 0; i < 2; i++) {
		v = qf_node_get(policy, dates[i]);
		if (v && v->stype != QF_STYPE_NULL &&
		    (v->kind != QF_NODE_SCALAR || qf_date_parse(v->str, &d)))
			return bad_field(policy, v, file, dates[i],
					 _("a date (YYYY-MM-DD)"), err);
	}
	e = qf_node_get(policy, "eligible");
	if (!e || e->stype == QF_STYPE_NULL)
		return QF_OK;
	if (e->kind != QF_NODE_MAP)
		return bad_field(policy, e, file, "eligible",
				 _("a mapping of tags, sectors and parks"), err);
	for (size_t i = 0; i < 3; i++) {
		v = qf_node_get(e, lists[i]);
		if (!v || v->stype == QF_STYPE_NULL)
			continue;
		if (v->kind != QF_NODE_SEQ)
			return bad_field(policy, v, file, fields[i],
					 _("a list ([a, b])"), err);
		for (size_t k = 0; k < v->n; k++)
			if (v->items[k]->kind != QF_NODE_SCALAR)
				return bad_field(policy, v->items[k], file,
						 fields[i], _("a list of text"), err);
	}
	return QF_OK;
}

/* The list `eligible.<key>` when it is a non-empty sequence, else NULL. */
static const struct qf_node *elist(const struct qf_node *policy,
				   const char *key)
{
	const struct qf_node *e = qf_node_get(policy, "eligible");
	const struct qf_node *l;

	if (!e || e->kind != QF_NODE_MAP)
		return NULL;
	l = qf_node_get(e, key);
	return l && l->kind == QF_NODE_SEQ && l->n ? l : NULL;
}

int qf_policy_has_eligible(const struct qf_node *policy)
{
	return elist(policy, "tags") || elist(policy, "sectors") ||
	       elist(policy, "parks");
}

/* 1 if s is one of the scalars of seq. */
static int seq_has(const struct qf_node *seq, const char *s)
{
	if (!s)
		return 0;
	for (size_t i = 0; i < seq->n; i++)
		if (seq->items[i]->kind == QF_NODE_SCALAR &&
		    !strcmp(seq->items[i]->str, s))
			return 1;
	return 0;
}

enum qf_fit qf_policy_fits(const struct qf_node *policy,
			   const struct qf_firm *firm,
			   const struct qf_date *d)
{
	const struct qf_node *l;
	enum qf_fit v;

	if (d && (v = qf_policy_in_force(policy, d)) != QF_FITS)
		return v;
	if ((l = elist(policy, "tags"))) {
		size_t i;
		for (i = 0; i < l->n; i++)
			if (l->items[i]->kind == QF_NODE_SCALAR &&
			    qf_firm_has_tag(firm, l->items[i]->str))
				break;
		if (i == l->n)
			return QF_FIT_TAG;
	}
	if ((l = elist(policy, "sectors")) && !seq_has(l, firm->sector))
		return QF_FIT_SECTOR;
	if ((l = elist(policy, "parks")) && !seq_has(l, firm->park))
		return QF_FIT_PARK;
	return QF_FITS;
}

const char *qf_fit_reason(enum qf_fit why)
{
	switch (why) {
	case QF_FITS: return _("fits");
	case QF_FIT_NOT_ISSUED: return _("the policy is not issued yet");
	case QF_FIT_EXPIRED: return _("the policy has expired");
	case QF_FIT_TAG: return _("the firm has none of the tags it is for");
	case QF_FIT_SECTOR: return _("the firm is not in a sector it is for");
	case QF_FIT_PARK: return _("the firm is not in a park it is for");
	}
	return "";
}

const char *qf_handed_via_token(enum qf_handed_via via)
{
	switch (via) {
	case QF_HANDED_VISIT: return "visit";
	case QF_HANDED_EVENT: return "event";
	case QF_HANDED_DELIVERED: return "delivered";
	}
	return "";
}

/* ---- the pairs ------------------------------------------------------ */

struct load {
	struct qf_handovers *h;
	const char *policy;
	const struct qf_date *from, *to;
	int oom;
};

static void add_pair(struct load *l, const char *policy, const char *firm,
		     const struct qf_date *d, enum qf_handed_via via,
		     const char *source)
{
	struct qf_handovers *h = l->h;
	struct qf_handover *e;

	if (!policy || !firm || (l->policy && strcmp(policy, l->policy)) ||
	    (l->from && qf_date_cmp(d, l->from) < 0) ||
	    (l->to && qf_date_cmp(d, l->to) > 0))
		return;
	if (h->n == h->cap) {
		size_t cap = h->cap ? 2 * h->cap : 64;
		struct qf_handover *v = realloc(h->v, cap * sizeof *v);
		if (!v) {
			l->oom = 1;
			return;
		}
		h->v = v;
		h->cap = cap;
	}
	e = &h->v[h->n];
	e->policy = strdup(policy);
	e->firm = strdup(firm);
	e->source = source ? strdup(source) : NULL;
	e->date = *d;
	e->via = via;
	if (!e->policy || !e->firm || (source && !e->source)) {
		free(e->policy);
		free(e->firm);
		free(e->source);
		l->oom = 1;
		return;
	}
	h->n++;
	h->raw[via]++;
}

static int scalar_items(const struct qf_node *seq)
{
	return seq && seq->kind == QF_NODE_SEQ;
}

static int on_visit(const struct qf_doc *doc, const char *file, void *ud,
		    struct qf_error *err)
{
	struct load *l = ud;
	const struct qf_node *r = doc->root, *ps = qf_node_get(r, "policies");
	struct qf_date d;

	(void)file;
	if (!scalar_items(ps) || !get_date(r, "date", &d))
		return 0;
	for (size_t i = 0; i < ps->n; i++)
		if (ps->items[i]->kind == QF_NODE_SCALAR)
			add_pair(l, ps->items[i]->str,
				 qf_node_get_str(r, "firm"), &d,
				 QF_HANDED_VISIT, qf_node_get_str(r, "id"));
	return l->oom ? qf_error_oom(err) : 0;
}

static int on_event(const struct qf_doc *doc, const char *file, void *ud,
		    struct qf_error *err)
{
	struct load *l = ud;
	const struct qf_node *r = doc->root, *ps = qf_node_get(r, "policies");
	const struct qf_node *fs = qf_node_get(r, "firms");
	struct qf_date d;

	(void)file;
	if (!scalar_items(ps) || !scalar_items(fs) || !get_date(r, "date", &d))
		return 0;
	for (size_t i = 0; i < ps->n; i++)
		for (size_t j = 0; j < fs->n; j++)
			if (ps->items[i]->kind == QF_NODE_SCALAR &&
			    fs->items[j]->kind == QF_NODE_SCALAR)
				add_pair(l, ps->items[i]->str,
					 fs->items[j]->str, &d,
					 QF_HANDED_EVENT,
					 qf_node_get_str(r, "id"));
	return l->oom ? qf_error_oom(err) : 0;
}

static int on_policy(const struct qf_doc *doc, const char *file, void *ud,
		     struct qf_error *err)
{
	struct load *l = ud;
	const struct qf_node *r = doc->root, *ds = qf_node_get(r, "delivered");
	const char *id = qf_node_get_str(r, "id");
	struct qf_date d;

	(void)file;
	if (!scalar_items(ds))
		return 0;
	for (size_t i = 0; i < ds->n; i++) {
		const struct qf_node *e = ds->items[i];
		if (e->kind == QF_NODE_MAP && get_date(e, "date", &d))
			add_pair(l, id, qf_node_get_str(e, "firm"), &d,
				 QF_HANDED_DELIVERED, qf_node_get_str(e, "via"));
	}
	return l->oom ? qf_error_oom(err) : 0;
}

static int cmp_pair(const void *a, const void *b)
{
	const struct qf_handover *x = a, *y = b;
	int c = strcmp(x->policy, y->policy);

	if (!c)
		c = strcmp(x->firm, y->firm);
	if (!c)
		c = qf_date_cmp(&x->date, &y->date);
	if (!c)
		c = (int)x->via - (int)y->via;
	return c;
}

static void entry_free(struct qf_handover *e)
{
	free(e->policy);
	free(e->firm);
	free(e->source);
}

int qf_handovers_load(struct qf_store *s, const char *policy,
		      const struct qf_date *from, const struct qf_date *to,
		      struct qf_handovers *h, struct qf_error *err)
{
	struct load l = { h, policy, from, to, 0 };
	size_t k = 0;
	int rc;

	memset(h, 0, sizeof *h);
	/* Only the records that hold the policy's ID can name it. */
	if (policy)
		rc = qf_store_each_naming(s, QF_VISIT, NULL, policy, on_visit,
					  &l, err);
	else
		rc = qf_store_each(s, QF_VISIT, on_visit, &l, err);
	if (!rc)
		rc = policy ? qf_store_each_naming(s, QF_EVENT, NULL, policy,
						   on_event, &l, err)
			    : qf_store_each(s, QF_EVENT, on_event, &l, err);
	if (!rc)
		rc = policy ? qf_store_each_naming(s, QF_POLICY, NULL, policy,
						   on_policy, &l, err)
			    : qf_store_each(s, QF_POLICY, on_policy, &l, err);
	if (rc)
		return rc;
	if (!h->n)
		return QF_OK;
	/* The first handing-over of each pair; on one day a visit before
	 * an event before a delivery. */
	qsort(h->v, h->n, sizeof *h->v, cmp_pair);
	for (size_t i = 0; i < h->n; i++) {
		if (k && !strcmp(h->v[k - 1].policy, h->v[i].policy) &&
		    !strcmp(h->v[k - 1].firm, h->v[i].firm)) {
			entry_free(&h->v[i]);
			continue;
		}
		h->v[k++] = h->v[i];
	}
	h->n = k;
	return QF_OK;
}

void qf_handovers_release(struct qf_handovers *h)
{
	for (size_t i = 0; i < h->n; i++)
		entry_free(&h->v[i]);
	free(h->v);
	memset(h, 0, sizeof *h);
}

const struct qf_handover *qf_handovers_find(const struct qf_handovers *h,
					    const char *policy,
					    const char *firm)
{
	size_t lo = 0, hi = h->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(h->v[mid].policy, policy);
		if (!c)
			c = strcmp(h->v[mid].firm, firm);
		if (!c)
			return &h->v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* ---- qf check ------------------------------------------------------- */

size_t qf_check_policy_fields(const struct qf_node *rec, const char *file,
			      struct qf_diags *out)
{
	const struct qf_node *ds = qf_node_get(rec, "delivered");
	size_t before = out->n;
	struct qf_date d;

	if (!scalar_items(ds))
		return 0;
	for (size_t i = 0; i < ds->n; i++) {
		const struct qf_node *e = ds->items[i], *at;
		const char *date;
		enum qf_fit v;

		if (e->kind != QF_NODE_MAP || !get_date(e, "date", &d))
			continue;
		date = qf_node_get_str(e, "date");
		at = qf_node_get(e, "date");
		v = qf_policy_in_force(rec, &d);
		if (v == QF_FIT_NOT_ISSUED)
			qf_diags_add(out, file, at->line, at->col,
					  _("delivered on %s, before the policy was issued (%s)"),
					  date, qf_node_get_str(rec, "issued"));
		else if (v == QF_FIT_EXPIRED)
			qf_diags_add(out, file, at->line, at->col,
					  _("delivered on %s, after the policy expired (%s)"),
					  date, qf_node_get_str(rec, "expires"));
	}
	return out->n - before;
}
