/* match.c - firms, policies and departments found by their name or a part of it.
 *
 * One rule for both: a name that is exactly one candidate's is that one;
 * else a part of a name that only one candidate has is that one; else the
 * query is ambiguous (the message lists the candidates, in whole
 * entries, never a character cut in two) or matches nothing.  Policies
 * go by their title the same way. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "store_impl.h"

struct match {
	const char *query;
	char exact[256];
	int nexact;
	char first[256];
	size_t n;
	char list[600];
	size_t len;
	int cut;
};

static void match_init(struct match *m, const char *query)
{
	memset(m, 0, sizeof *m);
	m->query = query;
}

/* A candidate: key is what a match gives (a firm's ID, a department's
 * name), name what the query is looked for in. */
static void match_offer(struct match *m, const char *key, const char *name)
{
	char entry[300];
	int w;

	if (!key || !name || !strstr(name, m->query))
		return;
	if (!strcmp(name, m->query) && !m->nexact++)
		snprintf(m->exact, sizeof m->exact, "%s", key);
	if (!m->n++)
		snprintf(m->first, sizeof m->first, "%s", key);
	w = strcmp(key, name) ?
		    snprintf(entry, sizeof entry, "%s%s %s",
			     m->len ? ", " : "", key, name) :
		    snprintf(entry, sizeof entry, "%s%s", m->len ? ", " : "",
			     name);
	if (w > 0 && (size_t)w < sizeof entry &&
	    m->len + (size_t)w < sizeof m->list) {
		memcpy(m->list + m->len, entry, (size_t)w + 1);
		m->len += (size_t)w;
	} else {
		m->cut = 1;
	}
}

/* The key matched, or NULL (m->n says: none, or several). */
static const char *match_key(const struct match *m)
{
	if (m->nexact == 1)
		return m->exact;
	if (m->n == 1)
		return m->first;
	return NULL;
}

static int offer_firm(const struct qf_doc *doc, const char *file,
		      void *ud, struct qf_error *err)
{
	const char *id = qf_node_get_str(doc->root, "id");
	const char *code = qf_node_get_str(doc->root, "credit_code");
	struct match *m = ud;

	(void)file;
	(void)err;
	/* A credit code names its firm as its name does, whole. */
	if (code && !strcmp(code, m->query))
		match_offer(m, id, code);
	else
		match_offer(m, id, qf_node_get_str(doc->root, "name"));
	return 0;
}

static int offer_policy(const struct qf_doc *doc, const char *file,
			void *ud, struct qf_error *err)
{
	(void)file;
	(void)err;
	match_offer(ud, qf_node_get_str(doc->root, "id"),
		    qf_node_get_str(doc->root, "title"));
	return 0;
}

/* A record of type t (firm or policy) by its ID, else by the rule at the
 * top of this file over the names offer gives. */
static int find_named(struct qf_store *s, enum qf_type t, qf_record_fn offer,
		      const char *query, char *id, size_t n,
		      struct qf_error *err)
{
	int firm = t == QF_FIRM;
	struct match m;
	struct qf_id pid;
	const char *key;
	int rc;

	if (!qf_id_parse(query, &pid)) {
		if (pid.type != t)
			return qf_error_set(err, QF_EDATA, NULL, 0, 0, firm ?
					    _("'%s' is not a firm ID") :
					    _("'%s' is not a policy ID"), query);
		rc = qf_store_has(s, query);
		if (rc < 0)
			return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
					    _("out of memory"));
		if (!rc)
			return qf_error_set(err, QF_ENOINPUT, NULL, 0, 0, firm ?
					    _("no firm '%s'") : _("no policy '%s'"),
					    query);
		snprintf(id, n, "%s", query);
		return QF_OK;
	}
	if (!*query)
		return qf_error_set(err, QF_EUSAGE, NULL, 0, 0, firm ?
				    _("empty firm name") : _("empty policy title"));
	match_init(&m, query);
	if ((rc = qf_store_each(s, t, offer, &m, err)))
		return rc;
	if ((key = match_key(&m))) {
		snprintf(id, n, "%s", key);
		return QF_OK;
	}
	if (m.n == 0)
		return qf_error_set(err, QF_ENOINPUT, NULL, 0, 0, firm ?
				    _("no firm matches '%s'") :
				    _("no policy matches '%s'"), query);
	return qf_error_set(err, QF_EDATA, NULL, 0, 0, firm ?
			    _("firm name '%s' is ambiguous (%zu firms): %s%s") :
			    _("policy title '%s' is ambiguous (%zu policies): %s%s"),
			    query, m.n, m.list, m.cut ? ", ..." : "");
}

int qf_store_find_firm(struct qf_store *s, const char *query, char *id,
		       size_t n, struct qf_error *err)
{
	return find_named(s, QF_FIRM, offer_firm, query, id, n, err);
}

int qf_store_find_policy(struct qf_store *s, const char *query, char *id,
			 size_t n, struct qf_error *err)
{
	return find_named(s, QF_POLICY, offer_policy, query, id, n, err);
}

int qf_store_find_dept(const struct qf_store *s, const char *name,
		       const char **dept, struct qf_error *err)
{
	const struct qf_node *cat = qf_node_get(s->settings, "departments");
	const char *key;
	struct match m;

	*dept = name;
	if (!cat || cat->kind != QF_NODE_SEQ || cat->n == 0)
		return QF_OK;
	if (!*name)
		return qf_error_set(err, QF_EUSAGE, NULL, 0, 0,
				    _("empty department name"));
	match_init(&m, name);
	for (size_t i = 0; i < cat->n; i++)
		if (cat->items[i]->kind == QF_NODE_SCALAR)
			match_offer(&m, cat->items[i]->str, cat->items[i]->str);
	if ((key = match_key(&m))) {
		/* The catalogue's own string, which outlives the match. */
		for (size_t i = 0; i < cat->n; i++)
			if (cat->items[i]->kind == QF_NODE_SCALAR &&
			    !strcmp(cat->items[i]->str, key))
				*dept = cat->items[i]->str;
		return QF_OK;
	}
	if (m.n)
		return qf_error_set(err, QF_EUSAGE, NULL, 0, 0,
				    _("'%s' is ambiguous: %s%s"), name, m.list,
				    m.cut ? ", ..." : "");
	return qf_error_set(err, QF_EUSAGE, NULL, 0, 0,
			    _("'%s' is not in the department catalogue of qf.yaml"),
			    name);
}
