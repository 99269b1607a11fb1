/* qf-list-firms - the register of firms, with visits and open demands. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "qf/filter.h"
#include "qf/firms.h"
#include "qf/workflow.h"

static const char *usage_head(void)
{
	return _("Usage: qf list-firms [OPTION]...\n"
		 "List the firms of the register (一企一档) with their visits and open\n"
		 "demands: one per line, the ID first.\n"
		 "\n"
		 "  -t, --tag TAG           with this tag (规上, 重点, 专精特新, ...); repeated\n"
		 "                          or a,b: with all of them\n"
		 "  -p, --park PARK         in this park (a part of its name will do)\n"
		 "      --sector TEXT       in this sector (a part will do)\n"
		 "  -l, --leader NAME       whose leader (联点领导) is NAME\n"
		 "      --visited-since D   visited on or after day D\n"
		 "      --not-visited-since D  not visited since day D (coverage gaps)\n"
		 "      --never-visited     never visited at all\n"
		 "      --with-open         with open demands\n"
		 "      --missing-policy P  that policy P (ID or a unique part of its title)\n"
		 "                          fits today and that have not been handed it\n"
		 "  -s, --sort KEY          id (default), name, visits, open or last\n"
		 "  -r, --reverse           the other way round\n");
}

static const char *usage_tail(void)
{
	return _("      --data DIR          the store (default: found from here, or $QF_DATA)\n"
		 "  -h, --help              show this help and exit\n"
		 "      --version           show the version and exit\n"
		 "\n"
		 "Fields: id, name, park, sector, tags, leader, liaison, visits, last\n"
		 "(the last visit's day), open (demands not closed).  The default is\n"
		 "id, name, park, leader, visits, last, open.\n"
		 "\n"
		 "Exit status: 0 some listed, 1 none, 64 bad usage, 65 a store file does\n"
		 "not parse, 66 no store.\n");
}

/* Per firm, in the order of the register (sorted by ID). */
struct stat_row {
	long visits, open;
	char last[16];
};

struct ctx {
	struct qf_firms *firms;
	struct stat_row *st;
};

static int on_visit(const struct qf_doc *doc, const char *file,
		    void *ud, struct qf_error *err)
{
	struct ctx *c = ud;
	long i = qf_firms_index(c->firms, qf_node_get_str(doc->root, "firm"));
	const char *date = qf_node_get_str(doc->root, "date");

	(void)file;
	(void)err;
	if (i < 0)
		return 0;
	c->st[i].visits++;
	if (date && strlen(date) < sizeof c->st[i].last &&
	    strcmp(date, c->st[i].last) > 0)
		snprintf(c->st[i].last, sizeof c->st[i].last, "%s", date);
	return 0;
}

static int on_demand(const struct qf_doc *doc, const char *file,
		     void *ud, struct qf_error *err)
{
	struct ctx *c = ud;
	long i = qf_firms_index(c->firms, qf_node_get_str(doc->root, "firm"));

	(void)file;
	(void)err;
	if (i >= 0 && !qf_status_closed(qf_node_get_str(doc->root, "status")))
		c->st[i].open++;
	return 0;
}

/* Its tags as one cell: "规上,专精特新".  Caller frees. */
static char *tag_cell(const struct qf_firm *firm)
{
	struct qf_buf b = QF_BUF_INIT;

	qf_buf_puts(&b, "");
	for (const char *t = firm->tags; t && *t; t += strlen(t) + 1) {
		if (t != firm->tags)
			qf_buf_putc(&b, ',');
		qf_buf_puts(&b, t);
	}
	if (b.oom)
		die(QF_ESOFTWARE, _("out of memory"));
	return b.s;
}

/* --missing-policy: the firms it fits today, not yet handed it. */
static void missing_policy(struct qf_store *s, struct qf_firm_filter *ff,
			   const char *name)
{
	struct qf_date d = today();
	struct qf_error err;
	char pid[QF_ID_MAX];
	enum qf_fit v;

	qf_error_clear(&err);
	if (qf_store_find_policy(s, name, pid, sizeof pid, &err) ||
	    qf_firm_filter_missing(ff, s, pid, &d, &err))
		die_error(&err);
	v = qf_policy_in_force(ff->missing_policy, &d);
	if (v != QF_FITS)
		warn(_("policy '%s': %s"), pid, qf_fit_reason(v));
}

int main(int argc, char **argv)
{
	enum { O_SECTOR = OPT_CMD_BASE, O_SINCE, O_NOT_SINCE, O_NEVER, O_OPEN,
	       O_MISSING };
	static const struct option opts[] = {
		{ "tag", required_argument, NULL, 't' },
		{ "park", required_argument, NULL, 'p' },
		{ "sector", required_argument, NULL, O_SECTOR },
		{ "leader", required_argument, NULL, 'l' },
		{ "visited-since", required_argument, NULL, O_SINCE },
		{ "not-visited-since", required_argument, NULL, O_NOT_SINCE },
		{ "never-visited", no_argument, NULL, O_NEVER },
		{ "with-open", no_argument, NULL, O_OPEN },
		{ "missing-policy", required_argument, NULL, O_MISSING },
		{ "sort", required_argument, NULL, 's' },
		{ "reverse", no_argument, NULL, 'r' },
		OUT_LONG_OPTIONS,
		COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	static const char *const columns[] = { "id", "name", "park", "sector",
		"tags", "leader", "liaison", "visits", "last", "open" };
	static const int numeric[] = { 0, 0, 0, 0, 0, 0, 0, 1, 0, 1 };
	static const char *const defaults[] = { "id", "name", "park", "leader",
		"visits", "last", "open" };
	const char *data = NULL;
	struct qf_firm_filter ff;
	const char *sort_cols[] = { NULL, NULL };
	struct qf_strv tags = { 0 };
	const char *sort = "id", *since = NULL, *not_since = NULL;
	const char *missing = NULL;
	int never = 0, with_open = 0, reverse = 0, ch, rc;
	struct out_opts out = OUT_OPTS_INIT;
	struct qf_firms firms;
	struct qf_store *s;
	struct qf_error err;
	struct qf_table *t;
	struct ctx c;
	struct qf_date d;

	cmd_init("qf-list-firms");
	memset(&ff, 0, sizeof ff);
	while ((ch = getopt_long(argc, argv, "t:p:l:s:rh", opts, NULL)) != -1) {
		if (out_option(&out, ch, optarg))
			continue;
		switch (ch) {
		case 't': strlist_add_split(&tags, optarg); break;
		case 'p': ff.park = optarg; break;
		case O_SECTOR: ff.sector = optarg; break;
		case 'l': ff.leader = optarg; break;
		case O_SINCE: d = parse_date_opt("--visited-since", since = optarg); break;
		case O_NOT_SINCE: d = parse_date_opt("--not-visited-since", not_since = optarg); break;
		case O_NEVER: never = 1; break;
		case O_OPEN: with_open = 1; break;
		case O_MISSING: missing = optarg; break;
		case 's':
			if (strcmp(optarg, "id") && strcmp(optarg, "name") &&
			    strcmp(optarg, "visits") && strcmp(optarg, "open") &&
			    strcmp(optarg, "last"))
				die(QF_EUSAGE, _("--sort: '%s' is not id, name, visits, open or last"), optarg);
			sort = optarg;
			break;
		case 'r': reverse = 1; break;
		case 'h':
			list_help(usage_head(), usage_tail());
		case OPT_VERSION: version();
		case OPT_DATA: data = optarg; break;
		default: usage(QF_EUSAGE, NULL);
		}
	}
	(void)d;
	ff.tags = &tags;
	no_operands(argc, argv);
	s = open_store(data);
	qf_error_clear(&err);
	if (missing)
		missing_policy(s, &ff, missing);
	/* The whole records only for formats that print them: a province's
	 * register is 100k firms. */
	if (qf_firms_load(s, &firms, out.fmt == QF_FMT_JSON ||
			  out.fmt == QF_FMT_YAML ? QF_FIRMS_RECORDS :
			  QF_FIRMS_NAMES, &err))
		die_error(&err);
	c.firms = &firms;
	if (!(c.st = calloc(firms.n + 1, sizeof *c.st)))
		die(QF_ESOFTWARE, _("out of memory"));
	if ((rc = qf_store_each(s, QF_VISIT, on_visit, &c, &err)) ||
	    (rc = qf_store_each(s, QF_DEMAND, on_demand, &c, &err)))
		die_error(&err);
	if (!(t = qf_table_new(columns, numeric, 10)))
		die(QF_ESOFTWARE, _("out of memory"));
	sort_cols[1] = sort;
	out_prepare(t, defaults, 7, sort_cols, &out, "name");
	for (size_t i = 0; i < firms.n; i++) {
		const struct qf_firm *r = &firms.v[i];
		struct stat_row *st = &c.st[i];
		const char *cells[10];
		char nv[24], no[24], *taglist;

		if (!qf_firm_filter_match(&ff, r) ||
		    (since && (!st->visits || strcmp(st->last, since) < 0)) ||
		    (not_since && st->visits && strcmp(st->last, not_since) >= 0) ||
		    (never && st->visits) || (with_open && !st->open))
			continue;
		snprintf(nv, sizeof nv, "%ld", st->visits);
		snprintf(no, sizeof no, "%ld", st->open);
		taglist = tag_cell(r);
		cells[0] = r->id;
		cells[1] = r->name;
		cells[2] = r->park;
		cells[3] = r->sector;
		cells[4] = taglist;
		cells[5] = r->leader;
		cells[6] = r->liaison;
		cells[7] = nv;
		cells[8] = st->last;
		cells[9] = no;
		if (qf_table_add(t, cells, r->rec))
			die(QF_ESOFTWARE, _("out of memory"));
		free(taglist);
	}
	if (qf_table_sort(t, (size_t)qf_table_col(t, sort), reverse))
		die(QF_ESOFTWARE, _("out of memory"));
	rc = out_print(t, &out);
	free(c.st);
	qf_strv_release(&tags);
	qf_firm_filter_release(&ff);
	qf_firms_release(&firms);
	qf_store_free(s);
	return rc;
}
