/* qf-show - one record in full: a demand with its history, a firm with
 * its visits and demands, a visit or an event with what it raised. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common.h"
#include "qf/eligible.h"
#include "qf/firms.h"
#include "qf/json.h"
#include "qf/text.h"
#include "qf/workflow.h"
#include "qf/yaml.h"

static const char *usage_text(void)
{
	return _("Usage: qf show [OPTION]... ID...\n"
		 "Print records in full: a demand with its whole history, a firm with\n"
		 "its visits and demands, a visit or an event with the demands raised in\n"
		 "it (an event with the names of the firms that took part), a policy.\n"
		 "With no ID, read IDs from standard input (the first field of each line).\n"
		 "\n"
		 "      --format FMT        text (default), yaml or json\n"
		 "      --data DIR          the store (default: found from here, or $QF_DATA)\n"
		 "  -h, --help              show this help and exit\n"
		 "      --version           show the version and exit\n"
		 "\n"
		 "Exit status: 0 all shown, 64 bad usage, 65 not an ID or a store file\n"
		 "does not parse, 66 no store or no such record.\n");
}

enum { F_TEXT, F_YAML, F_JSON };

struct related {
	const char *key, *id;
	struct qf_node *list;     /* sequence of records */
};

static int collect(const struct qf_doc *doc, const char *file,
		   void *ud, struct qf_error *err)
{
	struct related *r = ud;
	const char *v = qf_node_get_str(doc->root, r->key);
	struct qf_node *c;

	(void)file;
	if (!v || strcmp(v, r->id))
		return 0;
	if (!(c = qf_node_clone(doc->root)) || qf_node_seq_append(r->list, c)) {
		qf_node_free(c);
		return qf_error_oom(err);
	}
	return 0;
}

static struct qf_node *related(struct qf_store *s, enum qf_type t,
			       const char *key, const char *id)
{
	struct related r = { key, id, qf_node_new_seq() };
	struct qf_error err;
	int rc;

	if (!r.list)
		die(QF_ESOFTWARE, _("out of memory"));
	qf_error_clear(&err);
	/* Only the records that hold the ID can name it. */
	rc = qf_store_each_naming(s, t, NULL, id, collect, &r, &err);
	if (rc)
		die_error(&err);
	return r.list;
}

/* The demands a visit (or an event) raised: those of its month that name it as their
 * source (a demand the visit does not list, half written, among them),
 * then those it lists from other months.  Read from those files only. */
static struct qf_node *raised(struct qf_store *s, const struct qf_node *visit,
			      const struct qf_id *vid, const char *id)
{
	struct related r = { "source", id, qf_node_new_seq() };
	const struct qf_node *ds = qf_node_get(visit, "demands");
	struct qf_id like = *vid;
	struct qf_error err;
	char like_id[QF_ID_MAX];
	int rc;

	if (!r.list)
		die(QF_ESOFTWARE, _("out of memory"));
	like.type = QF_DEMAND;
	like.seq = 1;
	qf_error_clear(&err);
	if (qf_id_format(&like, like_id, sizeof like_id))
		die(QF_ESOFTWARE, _("out of memory"));
	rc = qf_store_each_naming(s, QF_DEMAND, like_id, id, collect, &r, &err);
	if (rc)
		die_error(&err);
	for (size_t i = 0; ds && ds->kind == QF_NODE_SEQ && i < ds->n; i++) {
		const char *did = ds->items[i]->kind == QF_NODE_SCALAR ?
				  ds->items[i]->str : NULL;
		const char *src;
		struct qf_node *d = NULL;
		struct qf_id pd;
		if (!did || qf_id_parse(did, &pd) || pd.type != QF_DEMAND ||
		    (pd.year == vid->year && pd.month == vid->month))
			continue;       /* not a demand, or of the month */
		qf_error_clear(&err);
		if (qf_store_get(s, did, &d, NULL, &err)) {
			if (err.code == QF_ESOFTWARE)
				die_error(&err);
			continue;       /* gone: check says so */
		}
		src = qf_node_get_str(d, "source");
		if (!src || strcmp(src, id)) {
			qf_node_free(d);
			continue;
		}
		if (qf_node_seq_append(r.list, d))
			die(QF_ESOFTWARE, _("out of memory"));
	}
	return r.list;
}

static void print_yaml(const struct qf_node *rec)
{
	struct qf_error err;
	char *text;
	size_t len;

	if (qf_yaml_emit(rec, &text, &len, &err))
		die_error(&err);
	/* The emitter escapes control characters in quoted scalars, but a
	 * terminal gets them escaped whatever the style. */
	print_safe(text);
	free(text);
}

static const char *str(const struct qf_node *r, const char *k)
{
	const char *s = qf_node_get_str(r, k);

	return s ? s : "";
}

static void line(const char *a, const char *b, const char *c, const char *d)
{
	char buf[2048];

	snprintf(buf, sizeof buf, "  %s  %s  %s  %s\n", a, b, c, d);
	print_safe(buf);
}

/* Firms' names: for a few records each looked up by its lines, for many
 * the whole register read once (a province's register is 100k firms). */
struct names {
	struct qf_firms reg;
	int whole;
	struct qf_strv ids, names;
};

static const char *firm_name(struct qf_store *s, struct names *n,
			     const char *id)
{
	struct qf_node *rec;
	struct qf_error err;
	const char *name;

	if (n->whole)
		return qf_firms_name(&n->reg, id);
	for (size_t i = 0; i < n->ids.n; i++)
		if (!strcmp(n->ids.v[i], id))
			return n->names.v[i];
	qf_error_clear(&err);
	if (qf_store_get(s, id, &rec, NULL, &err)) {
		if (err.code == QF_ESOFTWARE)
			die_error(&err);
		rec = NULL;           /* unknown: its ID, as the register says */
	}
	name = rec ? qf_node_get_str(rec, "name") : NULL;
	if (qf_strv_push(&n->ids, id) ||
	    qf_strv_push(&n->names, name ? name : id))
		die(QF_ESOFTWARE, _("out of memory"));
	qf_node_free(rec);
	return n->names.v[n->names.n - 1];
}

/* A policy's reach: the firms it fits, those handed it and how. */
static void show_policy(struct qf_store *s, const struct qf_node *rec)
{
	const char *id = qf_node_get_str(rec, "id");
	struct qf_handovers h;
	struct qf_firms reg;
	struct qf_error err;
	struct qf_date d = today();
	long fit = 0, fit_handed = 0;
	enum qf_fit v;

	qf_error_clear(&err);
	if (qf_firms_load(s, &reg, QF_FIRMS_NAMES, &err) ||
	    qf_handovers_load(s, id, NULL, NULL, &h, &err))
		die_error(&err);
	for (size_t i = 0; i < reg.n; i++)
		if (qf_policy_fits(rec, &reg.v[i], NULL) == QF_FITS) {
			fit++;
			fit_handed += qf_handovers_find(&h, id, reg.v[i].id) != NULL;
		}
	putchar('\n');
	if ((v = qf_policy_in_force(rec, &d)) != QF_FITS)
		printf("# %s\n", qf_fit_reason(v));
	if (!qf_policy_has_eligible(rec))
		printf("# %s\n", _("for every firm (no eligible)"));
	printf(_("# firms it fits: %ld of %zu; firms handed it: %zu (%ld of those it fits)\n"),
	       fit, reg.n, h.n, fit_handed);
	if (h.n) {
		printf("\n# %s (%zu)\n", _("handed over"), h.n);
		for (size_t i = 0; i < h.n; i++) {
			char day[16], who[512];
			snprintf(who, sizeof who, "%s %s", h.v[i].firm,
				 qf_firms_name(&reg, h.v[i].firm));
			line(qf_date_format(&h.v[i].date, day, sizeof day), who,
			     qf_handed_via_token(h.v[i].via),
			     h.v[i].source ? h.v[i].source : "");
		}
	}
	qf_handovers_release(&h);
	qf_firms_release(&reg);
}

/* An application's policy as a comment line, "# P-HY-0001 title". */
static void policy_comment(struct qf_store *s, const char *id)
{
	struct qf_node *rec = NULL;
	struct qf_error err;
	char *title;

	qf_error_clear(&err);
	if (!id || qf_store_get(s, id, &rec, NULL, &err)) {
		if (err.code == QF_ESOFTWARE)
			die_error(&err);
		return;               /* no such policy: qf check says so */
	}
	if (qf_node_get_str(rec, "title")) {
		if (!(title = qf_text_escape(qf_node_get_str(rec, "title"), 0)))
			die(QF_ESOFTWARE, _("out of memory"));
		printf("# %s %s\n", id, title);
		free(title);
	}
	qf_node_free(rec);
}

static void show_text(struct qf_store *s, struct names *firms,
		      const struct qf_node *rec, enum qf_type t,
		      struct qf_node *visits, struct qf_node *demands)
{
	const char *firm = qf_node_get_str(rec, "firm");

	if (firm) {
		/* A comment line: a line break in the name must not end it. */
		char *name = qf_text_escape(firm_name(s, firms, firm), 0);
		if (!name)
			die(QF_ESOFTWARE, _("out of memory"));
		printf("# %s %s\n", firm, name);
		free(name);
	}
	if (t == QF_APPLICATION)
		policy_comment(s, qf_node_get_str(rec, "policy"));
	if (t == QF_EVENT) {
		/* The firms that took part, by name. */
		const struct qf_node *fs = qf_node_get(rec, "firms");
		for (size_t i = 0; fs && fs->kind == QF_NODE_SEQ && i < fs->n; i++) {
			char *name;
			if (fs->items[i]->kind != QF_NODE_SCALAR || !fs->items[i]->str)
				continue;
			if (!(name = qf_text_escape(firm_name(s, firms,
							      fs->items[i]->str), 0)))
				die(QF_ESOFTWARE, _("out of memory"));
			printf("# %s %s\n", fs->items[i]->str, name);
			free(name);
		}
	}
	print_yaml(rec);
	if (t == QF_POLICY)
		show_policy(s, rec);
	if (visits) {
		printf("\n# %s (%zu)\n", _("visits"), visits->n);
		for (size_t i = 0; i < visits->n; i++)
			line(str(visits->items[i], "date"), str(visits->items[i], "id"),
			     qf_vocab_name(QF_V_VISIT_KIND, str(visits->items[i], "kind"), "zh"),
			     str(visits->items[i], "note"));
	}
	if (demands) {
		printf("\n# %s (%zu)\n", _("demands"), demands->n);
		for (size_t i = 0; i < demands->n; i++) {
			const struct qf_node *d = demands->items[i];
			line(str(d, "id"), qf_vocab_name(QF_V_STATUS, str(d, "status"), "zh"),
			     str(d, "due"), str(d, "title"));
		}
	}
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, OPT_FORMAT },
		COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	const char *data = NULL;
	int fmt = F_TEXT, ch, status = 0, first = 1;
	struct qf_store *s;
	struct names firms;
	struct qf_error err;
	struct qf_strv ids = { 0 };

	cmd_init("qf-show");
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case OPT_FORMAT:
			if (!strcmp(optarg, "text")) fmt = F_TEXT;
			else if (!strcmp(optarg, "yaml")) fmt = F_YAML;
			else if (!strcmp(optarg, "json")) fmt = F_JSON;
			else die(QF_EUSAGE, _("--format: '%s' is not text, yaml or json"), optarg);
			break;
		case 'h': usage(0, usage_text());
		case OPT_VERSION: version();
		case OPT_DATA: data = optarg; break;
		default: usage(QF_EUSAGE, NULL);
		}
	}
	if (optind < argc) {
		for (int i = optind; i < argc; i++)
			strlist_add(&ids, argv[i]);
	} else {
		char *l = NULL;
		size_t cap = 0;
		if (isatty(0))
			die(QF_EUSAGE, _("which records? give their IDs as arguments or on standard input"));
		while (getline(&l, &cap, stdin) > 0) {
			char *p = l + strspn(l, " \t");
			p[strcspn(p, " \t\r\n")] = '\0';
			if (*p && *p != '#')
				strlist_add(&ids, p);
		}
		free(l);
	}
	if (!ids.n)
		return QF_EFAIL;      /* nothing to show, as a list that found none */
	s = open_store(data);
	qf_error_clear(&err);
	memset(&firms, 0, sizeof firms);
	if (fmt == F_TEXT && ids.n > 16) {
		if (qf_firms_load(s, &firms.reg, QF_FIRMS_NAMES, &err))
			die_error(&err);
		firms.whole = 1;
	}
	if (fmt == F_JSON && ids.n != 1)
		fputs("[\n", stdout);
	for (size_t i = 0; i < ids.n; i++) {
		struct qf_node *rec = NULL, *visits = NULL, *demands = NULL;
		struct qf_id pid;
		const char *id = ids.v[i];

		if (qf_id_parse(id, &pid)) {
			warn(_("'%s' is not an ID"), id);
			status = status ? status : QF_EDATA;
			continue;
		}
		if (qf_store_get(s, id, &rec, NULL, &err)) {
			warn_error(&err);
			status = status ? status : err.code;
			continue;
		}
		if (pid.type == QF_FIRM) {
			visits = related(s, QF_VISIT, "firm", id);
			demands = related(s, QF_DEMAND, "firm", id);
		} else if (pid.type == QF_VISIT || pid.type == QF_EVENT) {
			demands = raised(s, rec, &pid, id);
		}
		if (fmt == F_TEXT) {
			if (!first)
				putchar('\n');
			show_text(s, &firms, rec, pid.type, visits, demands);
		} else if (fmt == F_YAML) {
			print_yaml(rec);
		} else {
			struct qf_buf buf = QF_BUF_INIT;
			struct qf_node *o = rec;
			/* A firm, visit or event comes with what belongs to it. */
			if (visits || demands) {
				if (!(o = qf_node_new_map()) ||
				    qf_node_map_set(o, qf_type_name(pid.type), rec))
					die(QF_ESOFTWARE, _("out of memory"));
				rec = NULL;
				if ((visits && qf_node_map_set(o, "visits", visits)) ||
				    (demands && qf_node_map_set(o, "demands", demands)))
					die(QF_ESOFTWARE, _("out of memory"));
				visits = demands = NULL;
			}
			if (!first)
				fputs(",\n", stdout);
			if (qf_json_node(&buf, o, 2, 0))
				die(QF_ESOFTWARE, _("out of memory"));
			fputs(buf.s, stdout);
			qf_buf_release(&buf);
			if (o != rec)
				qf_node_free(o);
		}
		first = 0;
		qf_node_free(rec);
		qf_node_free(visits);
		qf_node_free(demands);
	}
	if (fmt == F_JSON && ids.n != 1)
		fputs("\n]\n", stdout);
	else if (fmt == F_JSON && !first)
		putchar('\n');
	qf_strv_release(&ids);
	qf_firms_release(&firms.reg);
	qf_strv_release(&firms.ids);
	qf_strv_release(&firms.names);
	qf_store_free(s);
	return status;
}
