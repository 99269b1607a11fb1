/* match.c - firms and departments found by a part of their name. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "store_impl.h"

struct firm_match {
	const char *query;
	char exact[QF_ID_MAX];
	int nexact;
	char first[QF_ID_MAX];
	size_t nmatch;
	char list[600];
	size_t listlen;
	int cut;
};

static int match_firm(const struct qf_doc *doc, const char *file, void *ud)
{
	struct firm_match *m = ud;
	const char *id = qf_node_get_str(doc->root, "id");
	const char *name = qf_node_get_str(doc->root, "name");

	(void)file;
	if (!id || !name || !strstr(name, m->query))
		return 0;
	if (strcmp(name, m->query) == 0) {
		snprintf(m->exact, sizeof m->exact, "%s", id);
		m->nexact++;
	}
	if (m->nmatch == 0)
		snprintf(m->first, sizeof m->first, "%s", id);
	m->nmatch++;
	{
		/* Whole entries only: a cut would split a character. */
		char entry[256];
		int w = snprintf(entry, sizeof entry, "%s%s %s",
				 m->listlen ? ", " : "", id, name);
		if (w > 0 && (size_t)w < sizeof entry &&
		    m->listlen + (size_t)w < sizeof m->list) {
			memcpy(m->list + m->listlen, entry, (size_t)w + 1);
			m->listlen += (size_t)w;
		} else {
			m->cut = 1;
		}
	}

	return 0;
}

int qf_store_find_firm(struct qf_store *s, const char *query, char *id,
		       size_t n, struct qf_error *err)
{
	struct firm_match m;
	struct qf_id pid;
	int rc;

	if (!qf_id_parse(query, &pid)) {
		if (pid.type != QF_FIRM)
			return qf_error_set(err, QF_EDATA, NULL, 0, 0,
					    _("'%s' is not a firm ID"), query);
		rc = qf_store_has(s, query);
		if (rc < 0)
			return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
					    _("out of memory"));
		if (!rc)
			return qf_error_set(err, QF_ENOINPUT, NULL, 0, 0,
					    _("no firm '%s'"), query);
		snprintf(id, n, "%s", query);
		return QF_OK;
	}
	if (!*query)
		return qf_error_set(err, QF_EUSAGE, NULL, 0, 0,
				    _("empty firm name"));
	memset(&m, 0, sizeof m);
	m.query = query;
	rc = qf_store_each(s, QF_FIRM, match_firm, &m, err);
	if (rc)
		return rc;
	if (m.nexact == 1) {
		snprintf(id, n, "%s", m.exact);
		return QF_OK;
	}
	if (m.nmatch == 1) {
		snprintf(id, n, "%s", m.first);
		return QF_OK;
	}
	if (m.nmatch == 0)
		return qf_error_set(err, QF_ENOINPUT, NULL, 0, 0,
				    _("no firm matches '%s'"), query);
	return qf_error_set(err, QF_EDATA, NULL, 0, 0,
			    _("firm name '%s' is ambiguous (%zu firms): %s%s"),
			    query, m.nmatch, m.list,
			    m.cut ? ", ..." : "");
}

