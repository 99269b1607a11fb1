/* batch.c - new records written all or nothing (see qf/batch.h). */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "qf/batch.h"
#include "qf/buf.h"
#include "store_impl.h"

struct item {
	struct qf_node *rec;
	int rewrite;         /* replaces a stored record */
};

struct qf_batch {
	struct qf_store *s;
	struct item *v;
	size_t n, cap;
	struct series *series;  /* the IDs given, by series (qf_batch_id) */
	size_t nseries, capseries;
	struct qf_strset appended;  /* the IDs of the records appended */
};

struct series {
	enum qf_type t;
	int y, m;              /* 0 for firms and policies */
	struct qf_id next;     /* the next ID of the series to give */
	char last[QF_ID_MAX];  /* the last given, for messages */
};

int qf_batch_new(struct qf_store *s, struct qf_batch **b,
		 struct qf_error *err)
{
	*b = NULL;
	if (s->lock_fd < 0 || s->lock_shared)
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				    _("a write without the store lock"));
	if (!(*b = calloc(1, sizeof **b)))
		return qf_error_oom(err);
	(*b)->s = s;
	return QF_OK;
}

void qf_batch_free(struct qf_batch *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->n; i++)
		qf_node_free(b->v[i].rec);
	free(b->v);
	free(b->series);
	qf_strset_release(&b->appended);
	free(b);
}

/* The series of type t in date's month (visits and demands; date may be
 * NULL for the others): the next sequence number, from the store's files
 * the first time and from the batch's own after that, so that a batch of
 * thousands reads each file once. */
static int series(struct qf_batch *b, enum qf_type t, const struct qf_date *date,
		  struct series **out, struct qf_error *err)
{
	int y = 0, m = 0, rc;
	struct qf_id next;
	char buf[QF_ID_MAX];

	if (t != QF_FIRM && t != QF_POLICY && date) {  /* dated */
		y = date->y;
		m = date->m;
	}
	for (size_t i = 0; i < b->nseries; i++)
		if (b->series[i].t == t && b->series[i].y == y && b->series[i].m == m) {
			*out = &b->series[i];
			return QF_OK;
		}
	if ((rc = qf_store_next_id(b->s, t, date, buf, sizeof buf, err)))
		return rc;
	if (qf_id_parse(buf, &next))
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				    _("'%s' is not a valid ID"), buf);
	if (b->nseries == b->capseries) {
		size_t cap = b->capseries ? b->capseries * 2 : 8;
		struct series *v = realloc(b->series, cap * sizeof *v);
		if (!v)
			return qf_error_oom(err);
		b->series = v;
		b->capseries = cap;
	}
	*out = &b->series[b->nseries++];
	(*out)->t = t;
	(*out)->y = y;
	(*out)->m = m;
	(*out)->next = next;
	return QF_OK;
}

int qf_batch_id(struct qf_batch *b, enum qf_type t, const struct qf_date *date,
		char *id, size_t n, struct qf_error *err)
{
	struct series *sr;
	int rc;

	if ((rc = series(b, t, date, &sr, err)))
		return rc;
	if (sr->next.seq > 999999)
		return qf_error_set(err, QF_EDATA, NULL, 0, 0,
			_("no sequence numbers left after '%s'"), sr->last);
	if (qf_id_format(&sr->next, id, n))
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				    _("ID buffer too small"));
	snprintf(sr->last, sizeof sr->last, "%s", id);
	sr->next.seq++;
	return QF_OK;
}

static int ref_exists(const char *type, const char *id, void *ud);

int qf_batch_claim(struct qf_batch *b, const char *id, struct qf_error *err)
{
	struct qf_id want;
	struct qf_date month;
	struct series *sr;
	int rc;

	if (qf_id_parse(id, &want) || strcmp(want.site, qf_store_site(b->s)))
		return 1;
	month.y = want.year;
	month.m = want.month;
	month.d = 1;
	if ((rc = series(b, want.type, &month, &sr, err)))
		return -rc;
	/* Past every ID of its series the store and the batch have. */
	if (want.seq < sr->next.seq)
		return 1;
	snprintf(sr->last, sizeof sr->last, "%s", id);
	sr->next.seq = want.seq + 1;
	return 0;
}

/* A reference is there when this batch writes it, or the store has it. */
int qf_batch_ref_exists(const char *type, const char *id, void *ud)
{
	return ref_exists(type, id, ud);
}

static int ref_exists(const char *type, const char *id, void *ud)
{
	const struct qf_batch *b = ud;
	int t = qf_type_from_name(type);
	struct qf_id pid;

	if (qf_strset_has(&b->appended, id))
		return t >= 0 && !qf_id_parse(id, &pid) && (int)pid.type == t;
	return qf_store_ref_exists(type, id, b->s);
}

static int queue(struct qf_batch *b, struct qf_node *rec, int rewrite,
		 struct qf_error *err)
{
	const char *id = qf_node_get_str(rec, "id");
	struct qf_id pid;

	if (!id || qf_id_parse(id, &pid)) {
		qf_node_free(rec);
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				    _("'%s' is not a valid ID"), id ? id : "");
	}
	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 8;
		struct item *v = realloc(b->v, cap * sizeof *v);
		if (!v) {
			qf_node_free(rec);
			return qf_error_oom(err);
		}
		b->v = v;
		b->cap = cap;
	}
	if (!rewrite && qf_strset_add(&b->appended, id) < 0) {
		qf_node_free(rec);
		return qf_error_oom(err);
	}
	b->v[b->n].rec = rec;
	b->v[b->n].rewrite = rewrite;
	b->n++;
	return QF_OK;
}

int qf_batch_append(struct qf_batch *b, struct qf_node *rec,
		    struct qf_error *err)
{
	return queue(b, rec, 0, err);
}

int qf_batch_rewrite(struct qf_batch *b, struct qf_node *rec,
		     struct qf_error *err)
{
	return queue(b, rec, 1, err);
}

/* Every record against its schema, the batch's own counting as there:
 * a visit names the demands it raised, and they name it. */
static int validate(struct qf_batch *b, struct qf_diags *d,
		    struct qf_error *err)
{
	size_t bad = 0;

	for (size_t i = 0; i < b->n; i++) {
		const struct qf_schema *schema;
		struct qf_id pid;
		int rc;

		qf_id_parse(qf_node_get_str(b->v[i].rec, "id"), &pid);
		if ((rc = qf_store_schema(b->s, pid.type, &schema, err)))
			return rc;
		bad += qf_schema_validate(schema, b->v[i].rec, NULL, ref_exists,
					  b, d);
	}
	if (d->lost)
		return qf_error_oom(err);
	if (bad)
		return qf_error_set(err, QF_EDATA, NULL, 0, 0,
				    _("not written: the records do not pass their schemas"));
	return QF_OK;
}

size_t qf_batch_count(const struct qf_batch *b)
{
	size_t k = 0;

	for (size_t i = 0; i < b->n; i++)
		k += !b->v[i].rewrite;
	return k;
}

const char *qf_batch_nth_id(const struct qf_batch *b, size_t nth)
{
	for (size_t i = 0; i < b->n; i++)
		if (!b->v[i].rewrite && nth-- == 0)
			return qf_node_get_str(b->v[i].rec, "id");
	return NULL;
}

int qf_batch_commit(struct qf_batch *b, struct qf_diags *d,
		    struct qf_error *err)
{
	size_t nappend = qf_batch_count(b);
	const char **ids = NULL;
	int rc = validate(b, d, err);

	if (rc)
		return rc;
	if (nappend > 1) {
		/* Several: all or nothing, under the journal. */
		if (!(ids = calloc(nappend, sizeof *ids)))
			return qf_error_oom(err);
		for (size_t i = 0; i < nappend; i++)
			ids[i] = qf_batch_nth_id(b, i);
		rc = qf_store_begin(b->s, ids, nappend, err);
		free(ids);
		if (rc) {
			qf_store_rollback(b->s);
			return rc;
		}
	}
	if (nappend == 1) {
		for (size_t i = 0; i < b->n && !rc; i++)
			if (!b->v[i].rewrite)
				rc = qf_store_append(b->s, b->v[i].rec, err);
	} else if (nappend > 1) {
		struct qf_node **recs = calloc(nappend, sizeof *recs);
		size_t k = 0;
		if (!recs) {
			rc = qf_error_oom(err);
		} else {
			for (size_t i = 0; i < b->n; i++)
				if (!b->v[i].rewrite)
					recs[k++] = b->v[i].rec;
			rc = qf_store_append_all(b->s, recs, k, err);
			free(recs);
		}
	}
	if (nappend > 1 && !rc)
		rc = qf_store_commit(b->s, err);
	if (rc) {
		if (nappend > 1)
			qf_store_rollback(b->s);
		return rc;
	}
	for (size_t i = 0; i < b->n && !rc; i++)
		if (b->v[i].rewrite)
			rc = qf_store_rewrite(b->s, b->v[i].rec, err);
	return rc;
}
