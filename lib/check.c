/* check.c - every problem in a store. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "qf/buf.h"
#include "qf/application.h"
#include "qf/check.h"
#include "qf/text.h"
#include "qf/date.h"
#include "qf/eligible.h"
#include "qf/id.h"
#include "qf/schema.h"
#include "qf/workflow.h"

struct seen {
	char id[QF_ID_MAX];        /* in place: 2M of them at province scale,
				    * sorted and searched */
	const char *file;          /* one of check.files */
	unsigned line, col;
	size_t order;
};

struct later {
	enum qf_type type;
	char id[QF_ID_MAX];
};

/* A demand naming an event as its source, or an event listing a demand
 * (events are read after demands: both are settled at the end). */
struct evlink {
	char from[QF_ID_MAX], to[QF_ID_MAX];
	const char *file;          /* one of check.files */
	unsigned line, col;
};

struct check {
	struct qf_strv files;      /* every file read, owned */
	struct qf_store *s;
	struct qf_diags *out;
	const struct qf_schema *schema;
	enum qf_type type;
	struct seen *seen;
	size_t nseen, capseen;
	char **links;           /* "VISIT\tDEMAND" for each demand a visit lists */
	size_t nlinks, caplinks;
	int links_sorted;
	size_t records;
	size_t from[QF_NTYPES], to[QF_NTYPES];  /* each type's run of seen,
						 * sorted once it is read */
	int done[QF_NTYPES];
	struct later *later;    /* references to types not read yet */
	size_t nlater, caplater;
	struct qf_diags pending;    /* what each would be, if missing */
	struct evlink *evsrc;   /* demand -> the event it names as source */
	size_t nevsrc, capevsrc;
	struct evlink *evlist;  /* event -> a demand it lists */
	size_t nevlist, capevlist;
	int oom;
};

static void add(struct check *c, const char *file, const struct qf_node *at,
		const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void add(struct check *c, const char *file, const struct qf_node *at,
		const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (qf_diags_add(c->out, file, at ? at->line : 0, at ? at->col : 0,
			 "%s", msg))
		c->oom = 1;
}

/* The place to blame for field key: its key, else the record. */
static const struct qf_node *where(const struct qf_node *rec, const char *key)
{
	const struct qf_node *k = qf_node_get_key(rec, key);

	return k ? k : rec;
}

static int get_date(const struct qf_node *rec, const char *key,
		    struct qf_date *d)
{
	const char *s = qf_node_get_str(rec, key);

	return s && qf_date_parse(s, d) == 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_seen(const void *a, const void *b)
{
	const struct seen *x = a, *y = b;
	int r = strcmp(x->id, y->id);

	if (r)
		return r;
	return (x->order > y->order) - (x->order < y->order);
}

static int cmp_seen_id(const void *key, const void *e)
{
	return strcmp(key, ((const struct seen *)e)->id);
}

/* Was a record of type t (read already) with this ID seen? */
static int seen_has(const struct check *c, enum qf_type t, const char *id)
{
	return c->to[t] > c->from[t] &&
	       bsearch(id, c->seen + c->from[t], c->to[t] - c->from[t],
		       sizeof *c->seen, cmp_seen_id) != NULL;
}

/* The schema's references: answered from the records of the types read
 * already (firms, policies, then visits), and later for the rest (the
 * demands a visit lists): the store is read once. */
static int check_ref(const char *type, const char *id, void *ud)
{
	struct check *c = ud;
	struct qf_id pid;
	int t = qf_type_from_name(type);
	struct later *l;

	if (t < 0 || qf_id_parse(id, &pid) || (int)pid.type != t)
		return 0;
	if (c->done[t])
		return seen_has(c, (enum qf_type)t, id);
	if (c->nlater == c->caplater) {
		size_t cap = c->caplater ? c->caplater * 2 : 64;
		struct later *v = realloc(c->later, cap * sizeof *v);
		if (!v)
			return -1;
		c->later = v;
		c->caplater = cap;
	}
	l = &c->later[c->nlater];
	snprintf(l->id, sizeof l->id, "%s", id);   /* parsed: it fits */
	l->type = (enum qf_type)t;
	c->nlater++;
	return QF_REF_LATER;
}

/* Say the problems of the references whose records never came. */
static void settle_later(struct check *c)
{
	if (c->pending.n != c->nlater) {     /* a problem was lost */
		c->oom = 1;
		return;
	}
	for (size_t i = 0; i < c->nlater; i++) {
		const struct qf_diag *d = &c->pending.v[i];
		if (!seen_has(c, c->later[i].type, c->later[i].id) &&
		    qf_diags_add(c->out, d->file, d->line, d->col, "%s", d->msg))
			c->oom = 1;
	}
}

/* Note that visit lists demand (visits are checked before demands). */
static void link_visit(struct check *c, const char *visit, const char *demand)
{
	size_t n = strlen(visit) + strlen(demand) + 2;
	char *k;

	if (c->nlinks == c->caplinks) {
		size_t cap = c->caplinks ? c->caplinks * 2 : 64;
		char **v = realloc(c->links, cap * sizeof *v);

		if (!v) {
			c->oom = 1;
			return;
		}
		c->links = v;
		c->caplinks = cap;
	}
	if (!(k = malloc(n))) {
		c->oom = 1;
		return;
	}
	snprintf(k, n, "%s\t%s", visit, demand);
	c->links[c->nlinks++] = k;
	c->links_sorted = 0;
}

/* Does visit list demand in its demands? */
static int listed(struct check *c, const char *visit, const char *demand)
{
	char key[2 * QF_ID_MAX + 2];
	const char *k = key;

	if (!demand)
		return 1;
	if (!c->links_sorted) {
		if (c->nlinks)
			qsort(c->links, c->nlinks, sizeof *c->links, cmp_str);
		c->links_sorted = 1;
	}
	snprintf(key, sizeof key, "%s\t%s", visit, demand);
	return c->nlinks &&
	       bsearch(&k, c->links, c->nlinks, sizeof *c->links, cmp_str);
}

/* Note a link between an event and a demand, blamed on at. */
static void link_event(struct check *c, struct evlink **v, size_t *n,
		       size_t *cap, const char *from, const char *to,
		       const char *file, const struct qf_node *at)
{
	struct evlink *l;

	if (strlen(from) >= QF_ID_MAX || strlen(to) >= QF_ID_MAX)
		return;            /* not IDs: the schema has said so */
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 16;
		struct evlink *nv = realloc(*v, nc * sizeof *nv);
		if (!nv) {
			c->oom = 1;
			return;
		}
		*v = nv;
		*cap = nc;
	}
	l = &(*v)[(*n)++];
	memcpy(l->from, from, strlen(from) + 1);
	memcpy(l->to, to, strlen(to) + 1);
	l->file = file;            /* kept in c->files to the end */
	l->line = at->line;
	l->col = at->col;
}

static int cmp_evlink(const void *a, const void *b)
{
	const struct evlink *x = a, *y = b;
	int r = strcmp(x->from, y->from);

	return r ? r : strcmp(x->to, y->to);
}

static int has_link(const struct evlink *v, size_t n, const char *from,
		    const char *to)
{
	struct evlink key;

	if (!n || strlen(from) >= QF_ID_MAX || strlen(to) >= QF_ID_MAX)
		return 0;
	memcpy(key.from, from, strlen(from) + 1);
	memcpy(key.to, to, strlen(to) + 1);
	return bsearch(&key, v, n, sizeof *v, cmp_evlink) != NULL;
}

/* Demands and events agree: a demand's source event exists and lists
 * it; an event's demand names it as its source. */
static void settle_events(struct check *c)
{
	if (c->nevsrc > 1)
		qsort(c->evsrc, c->nevsrc, sizeof *c->evsrc, cmp_evlink);
	if (c->nevlist > 1)
		qsort(c->evlist, c->nevlist, sizeof *c->evlist, cmp_evlink);
	for (size_t i = 0; i < c->nevsrc; i++) {
		const struct evlink *l = &c->evsrc[i];
		int bad;
		if (!seen_has(c, QF_EVENT, l->to))
			bad = qf_diags_add(c->out, l->file, l->line, l->col,
					   _("no event '%s'"), l->to);
		else if (!has_link(c->evlist, c->nevlist, l->to, l->from))
			bad = qf_diags_add(c->out, l->file, l->line, l->col,
					   _("event '%s' does not list this demand in its "
					     "demands (a write cut short, or an edit by hand): "
					     "add it there"), l->to);
		else
			bad = 0;
		if (bad)
			c->oom = 1;
	}
	for (size_t i = 0; i < c->nevlist; i++) {
		const struct evlink *l = &c->evlist[i];
		/* A demand that is not there: the schema's reference says so. */
		if (seen_has(c, QF_DEMAND, l->to) &&
		    !has_link(c->evsrc, c->nevsrc, l->to, l->from) &&
		    qf_diags_add(c->out, l->file, l->line, l->col,
				 _("demand '%s' does not name this event as its "
				   "source: set its source to %s"), l->to, l->from))
			c->oom = 1;
	}
}

size_t qf_check_demand_fields(const struct qf_node *rec, const char *file,
			       struct qf_diags *out)
{
	const char *status = qf_node_get_str(rec, "status");
	const char *kind = qf_node_get_str(rec, "kind");
	struct qf_date opened, closed;
	int closed_status, st;
	struct check k;
	size_t before = out->n;

	memset(&k, 0, sizeof k);
	k.out = out;
	if (!status)
		return 0;
	/* The states are workflow.c's: what each one needs is what the
	 * actions that lead to it write. */
	closed_status = qf_status_closed(status);
	st = qf_status_from_name(status);
	if (st == QF_ST_ASSIGNED) {
		if (!qf_node_get_str(rec, "dept"))
			add(&k, file, where(rec, "status"),
			    _("demand is '%s' but has no lead unit (dept)"),
			    status);
		if (!qf_node_get_str(rec, "due"))
			add(&k, file, where(rec, "status"),
			    _("demand is '%s' but has no due date"), status);
	}
	if (closed_status) {
		if (!qf_node_get_str(rec, "closed"))
			add(&k, file, where(rec, "status"),
			    _("demand is '%s' but has no closing date (closed)"),
			    status);
		if (!qf_node_get_str(rec, "resolution"))
			add(&k, file, where(rec, "status"),
			    _("demand is '%s' but has no resolution"), status);
	} else if (qf_node_get(rec, "closed")) {
		add(&k, file, where(rec, "closed"),
		    _("demand is '%s' but has a closing date"), status);
	}
	if (!qf_status_fits_kind(status, kind)) {
		if (st == QF_ST_ADOPTED)
			add(&k, file, where(rec, "status"),
			    _("only suggestions are adopted; this is a '%s'"),
			    kind);
		else
			add(&k, file, where(rec, "status"),
			    _("a '%s' is adopted or declined, not resolved"),
			    kind);
	}
	if (get_date(rec, "opened", &opened) &&
	    get_date(rec, "closed", &closed) &&
	    qf_date_cmp(&closed, &opened) < 0)
		add(&k, file, where(rec, "closed"),
		    _("closed before it was opened (%s)"),
		    qf_node_get_str(rec, "opened"));
	if (qf_node_get(rec, "satisfaction") && !closed_status)
		add(&k, file, where(rec, "satisfaction"),
		    _("demand is '%s' but has a satisfaction rating"), status);
	if (k.oom)
		out->lost++;
	return out->n - before;
}

static void check_demand(struct check *c, const struct qf_node *rec,
			 const char *file)
{
	const char *status = qf_node_get_str(rec, "status");
	const char *source = qf_node_get_str(rec, "source");
	struct qf_id src;
	int has;

	if (!status)
		return;
	qf_check_demand_fields(rec, file, c->out);
	if (source && !qf_id_parse(source, &src)) {
		if (src.type == QF_EVENT) {
			const char *id = qf_node_get_str(rec, "id");
			if (id)
				link_event(c, &c->evsrc, &c->nevsrc, &c->capevsrc,
					   id, source, file, where(rec, "source"));
		} else if (src.type != QF_VISIT)
			add(c, file, where(rec, "source"),
			    _("source '%s' is neither a visit nor an event"), source);
		else if (!(has = seen_has(c, QF_VISIT, source)))
			add(c, file, where(rec, "source"), _("no visit '%s'"),
			    source);
		else if (!listed(c, source, qf_node_get_str(rec, "id")))
			add(c, file, where(rec, "source"),
			    _("visit '%s' does not list this demand in its "
			      "demands (a write cut short, or an edit by hand): "
			      "add it there"), source);
	}
}

size_t qf_check_application_fields(const struct qf_node *rec,
				    const char *file, struct qf_diags *out)
{
	const char *status = qf_node_get_str(rec, "status");
	const struct qf_node *last, *gv = qf_node_get(rec, "granted");
	const struct qf_node *rv = qf_node_get(rec, "requested");
	struct qf_date filed, closed;
	long long granted, requested;
	int st = qf_app_status_from_name(status), logst;
	struct check k;
	size_t before = out->n;

	memset(&k, 0, sizeof k);
	k.out = out;
	if (st < 0)
		return 0;        /* no status, or not one: the schema says so */
	/* What each state needs is what the action leading to it writes
	 * (application.c). */
	if (st == QF_APP_GRANTED && !gv)
		add(&k, file, where(rec, "status"),
		    _("application is '%s' but has no amount granted (granted)"),
		    status);
	if (st != QF_APP_GRANTED && gv)
		add(&k, file, where(rec, "granted"),
		    _("application is '%s' but has an amount granted"), status);
	if (qf_app_status_closed(status) && !qf_node_get(rec, "closed"))
		add(&k, file, where(rec, "status"),
		    _("application is '%s' but has no closing date (closed)"),
		    status);
	if (!qf_app_status_closed(status) && qf_node_get(rec, "closed"))
		add(&k, file, where(rec, "closed"),
		    _("application is '%s' but has a closing date"), status);
	if (get_date(rec, "filed", &filed) && get_date(rec, "closed", &closed) &&
	    qf_date_cmp(&closed, &filed) < 0)
		add(&k, file, where(rec, "closed"),
		    _("closed before it was filed (%s)"),
		    qf_node_get_str(rec, "filed"));
	/* More paid out than asked for is a slip of a digit or a unit (万元
	 * for 元), not a windfall: a problem, as advance refuses it. */
	if (gv && rv && !qf_node_int(gv, &granted) &&
	    !qf_node_int(rv, &requested) && granted > requested)
		add(&k, file, where(rec, "granted"),
		    _("granted (%lld) is more than requested (%lld)"),
		    granted, requested);
	logst = qf_application_log_status(rec, &last);
	if (logst >= 0 && logst != st)
		/* TRANSLATORS: the first %s is the status as stored, the
		 * second the log's action (file, review, list, grant,
		 * reject), the third its date. */
		add(&k, file, where(rec, "status"),
		    _("status '%s' is not where its history ends (%s on %s)"),
		    status, qf_node_get_str(last, "action"),
		    qf_node_get_str(last, "date") ? qf_node_get_str(last, "date") : "?");
	if (k.oom)
		out->lost++;
	return out->n - before;
}

static void check_month(struct check *c, const struct qf_node *rec,
			const char *file, const char *field)
{
	const char *id = qf_node_get_str(rec, "id");
	struct qf_id pid;
	struct qf_date d;

	if (!id || qf_id_parse(id, &pid) || !get_date(rec, field, &d))
		return;
	if (d.y != pid.year || d.m != pid.month)
		add(c, file, where(rec, field),
		    _("date is not in the month its ID names (%s)"), id);
}

/* "'ID' is not the ID of a firm": a whole sentence for each type, so that
 * a translation need not fit a type name into a sentence. */
static void wrong_type(struct check *c, const char *file,
		       const struct qf_node *at, const char *id)
{
	switch (c->type) {
	case QF_FIRM:
		add(c, file, at, _("'%s' is not the ID of a firm"), id);
		break;
	case QF_POLICY:
		add(c, file, at, _("'%s' is not the ID of a policy"), id);
		break;
	case QF_VISIT:
		add(c, file, at, _("'%s' is not the ID of a visit"), id);
		break;
	case QF_APPLICATION:
		add(c, file, at, _("'%s' is not the ID of an application"), id);
		break;
	case QF_EVENT:
		add(c, file, at, _("'%s' is not the ID of an event"), id);
		break;
	case QF_DEMAND:
	default:
		add(c, file, at, _("'%s' is not the ID of a demand"), id);
		break;
	}
}

static int remember(struct check *c, const char *id, const char *file,
		    const struct qf_node *at)
{
	struct seen *e;

	if (c->nseen == c->capseen) {
		size_t cap = c->capseen ? c->capseen * 2 : 256;
		struct seen *v = realloc(c->seen, cap * sizeof *v);
		if (!v)
			return -1;
		c->seen = v;
		c->capseen = cap;
	}
	e = &c->seen[c->nseen];
	if (strlen(id) >= sizeof e->id)
		return 0;          /* not an ID (those were parsed: they fit) */
	memcpy(e->id, id, strlen(id) + 1);
	e->file = file;            /* kept in c->files to the end */
	e->line = at->line;
	e->col = at->col;
	e->order = c->nseen;
	c->nseen++;
	return 0;
}

/* Was a problem at at's place said for this record already (entries
 * from before on)?  Then that one is enough: a value the schema refused
 * (not one of an enumeration's, say) is not named twice. */
static int said_at(const struct check *c, size_t before,
		   const struct qf_node *at)
{
	for (size_t i = before; i < c->out->n; i++)
		if (c->out->v[i].line == at->line &&
		    c->out->v[i].col == at->col)
			return 1;
	return 0;
}

/* Every value of n holding a control character: a terminal acts on
 * them (ESC starts a sequence that recolours or moves the cursor; C1 CSI
 * the same in one character), so a name or a title could rewrite what
 * a list or a bulletin shows.  The schemas let any string through: the
 * commands escape what they print, check says where they are. */
static void check_controls(struct check *c, const char *file,
			   const struct qf_node *n, char *path, size_t len,
			   size_t cap, size_t before)
{
	long ch;

	if (n->kind == QF_NODE_SCALAR) {
		/* A record that is a bare scalar the schema has refused. */
		if (!len || !n->str || (ch = qf_text_control(n->str, n->len)) < 0 ||
		    said_at(c, before, n))
			return;
		add(c, file, n, _("field '%s': holds a control character "
				  "(U+%04lX)"), path, ch);
		return;
	}
	for (size_t i = 0; i < n->n; i++) {
		int w = n->kind == QF_NODE_MAP ?
			snprintf(path + len, cap - len, len ? ".%s" : "%s",
				 n->keys[i]->str ? n->keys[i]->str : "") :
			snprintf(path + len, cap - len, "[%zu]", i);
		size_t l = w < 0 ? len : len + (size_t)w;

		if (l >= cap)
			l = cap - 1;
		check_controls(c, file, n->items[i], path, l, cap, before);
		path[len] = '\0';
	}
}

static int check_record(const struct qf_doc *doc, const char *file,
			void *ud)
{
	struct check *c = ud;
	const struct qf_node *rec = doc->root;
	const char *id;
	struct qf_id pid;

	size_t before = c->out->n;

	c->records++;
	qf_schema_validate_later(c->schema, rec, file, check_ref, c, c->out,
				 &c->pending);
	{
		char path[256];

		path[0] = '\0';
		check_controls(c, file, rec, path, 0, sizeof path, before);
	}
	if (rec->kind != QF_NODE_MAP)
		return 0;
	id = qf_node_get_str(rec, "id");
	if (!id)
		return 0;    /* the schema has said so */
	if (qf_id_parse(id, &pid)) {
		/* The schema's pattern lets some through that are not IDs
		 * (month 13, a sequence with a leading zero): every command
		 * would refuse them, so check must say so, once. */
		const struct qf_node *v = qf_node_get(rec, "id");

		for (size_t i = before; i < c->out->n; i++)
			if (c->out->v[i].line == v->line &&
			    c->out->v[i].col == v->col)
				return 0;
		add(c, file, v, _("field 'id': '%s' is not a valid ID"), id);
		return 0;
	}
	if (pid.type != c->type) {
		wrong_type(c, file, where(rec, "id"), id);
		return 0;
	}
	if (!qf_store_file_holds(file, id))
		add(c, file, where(rec, "id"),
		    _("record '%s' is in the wrong file (its ID names another)"),
		    id);
	if (remember(c, id, file, where(rec, "id")))
		c->oom = 1;
	if (c->type == QF_DEMAND) {
		check_demand(c, rec, file);
		check_month(c, rec, file, "opened");
	} else if (c->type == QF_VISIT) {
		const struct qf_node *ds = qf_node_get(rec, "demands");

		check_month(c, rec, file, "date");
		for (size_t i = 0; ds && ds->kind == QF_NODE_SEQ && i < ds->n; i++)
			if (ds->items[i]->kind == QF_NODE_SCALAR && ds->items[i]->str)
				link_visit(c, id, ds->items[i]->str);
	} else if (c->type == QF_APPLICATION) {
		check_month(c, rec, file, "filed");
		qf_check_application_fields(rec, file, c->out);
	} else if (c->type == QF_EVENT) {
		const struct qf_node *ds = qf_node_get(rec, "demands");

		check_month(c, rec, file, "date");
		for (size_t i = 0; ds && ds->kind == QF_NODE_SEQ && i < ds->n; i++)
			if (ds->items[i]->kind == QF_NODE_SCALAR && ds->items[i]->str)
				link_event(c, &c->evlist, &c->nevlist, &c->capevlist,
					   id, ds->items[i]->str, file, ds->items[i]);
	} else if (c->type == QF_POLICY) {
		qf_check_policy_fields(rec, file, c->out);
	}
	return c->oom ? QF_ESOFTWARE : 0;
}

/* Each type's run is sorted, and no ID is of two types. */
static void report_duplicates(struct check *c)
{
	for (size_t i = 1, j = 0; i < c->nseen; i++) {
		struct seen *first, *e = &c->seen[i];

		/* j: the first of the run of equal IDs i is in. */
		if (strcmp(c->seen[i - 1].id, e->id) != 0) {
			j = i;
			continue;
		}
		first = &c->seen[j];
		if (qf_diags_add(c->out, e->file, e->line, e->col,
				 _("duplicate ID '%s' (first at %s:%u:%u)"),
				 e->id, first->file, first->line, first->col))
			c->oom = 1;
	}
}

static void free_check(struct check *c)
{
	free(c->seen);
	qf_strv_release(&c->files);
	for (size_t i = 0; i < c->nlinks; i++)
		free(c->links[i]);
	free(c->links);
	free(c->later);
	free(c->evsrc);
	free(c->evlist);
	qf_diags_release(&c->pending);
}

size_t qf_check_store(struct qf_store *s, struct qf_diags *out,
		      size_t *records, struct qf_error *err)
{
	struct check c;
	size_t before = out->n;

	memset(&c, 0, sizeof c);
	c.s = s;
	c.out = out;
	qf_diags_init(&c.pending);
	for (int t = 0; t < QF_NTYPES; t++) {
		char **paths;
		size_t n;

		c.type = (enum qf_type)t;
		c.from[t] = c.nseen;
		if (qf_store_schema(s, c.type, &c.schema, err))
			goto fail;
		if (qf_store_files(s, c.type, &paths, &n, err))
			goto fail;
		for (size_t i = 0; i < n; i++) {
			struct qf_reader *r;
			struct qf_doc doc;
			struct qf_error e;
			int got;

			qf_error_clear(&e);
			if (qf_store_reader(s, paths[i], &r, &e)) {
				qf_diags_add_error(out, &e);
				continue;
			}
			if (qf_reader_pool(r)) {
				qf_reader_free(r);
				c.oom = 1;
				break;
			}
			while ((got = qf_reader_next(r, &doc, &e)) == 1) {
				int rc = doc.root ? check_record(&doc, paths[i], &c) : 0;
				qf_doc_release(&doc);
				if (rc)
					break;
			}
			if (got < 0)
				qf_diags_add_error(out, &e);
			qf_reader_free(r);
			if (c.oom)
				break;
		}
		/* The records seen name their files: kept to the end, once
		 * each, not copied into every record's entry. */
		for (size_t i = 0; i < n; i++)
			if (qf_strv_take(&c.files, paths[i]))
				c.oom = 1;
		free(paths);
		if (c.oom)
			break;
		c.to[t] = c.nseen;
		if (c.to[t] - c.from[t] > 1)
			qsort(c.seen + c.from[t], c.to[t] - c.from[t],
			      sizeof *c.seen, cmp_seen);
		c.done[t] = 1;
	}
	if (!c.oom)
		settle_later(&c);
	if (!c.oom)
		settle_events(&c);
	report_duplicates(&c);
	free_check(&c);
	if (c.oom) {
		qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0, _("out of memory"));
		return (size_t)-1;
	}
	if (records)
		*records = c.records;
	qf_diags_sort(out);
	return out->n - before;
fail:
	free_check(&c);
	return (size_t)-1;
}
