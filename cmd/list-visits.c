/* qf-list-visits - the visits of a period, a firm or a visitor. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "qf/filter.h"
#include "qf/firms.h"

static const char *usage_head(void)
{
	return _("Usage: qf list-visits [OPTION]...\n"
		 "List visits (走访): one per line, the ID first, by date.\n"
		 "\n"
		 "  -m, --month YYYY-MM     in this month\n"
		 "      --from DATE         on or after this day\n"
		 "      --to DATE           on or before this day\n"
		 "  -f, --firm FIRM         to this firm (ID or a unique part of its name)\n"
		 "  -v, --visitor NAME      with this visitor among those who went\n"
		 "  -k, --kind KIND         visit|走访, survey|调研, onsite|上门办公, meeting|座谈\n"
		 "  -r, --reverse           newest first\n");
}

static const char *usage_tail(void)
{
	return _("      --data DIR          the store (default: found from here, or $QF_DATA)\n"
		 "  -h, --help              show this help and exit\n"
		 "      --version           show the version and exit\n"
		 "\n"
		 "Fields: id, date, firm, firm_id, visitors, kind, policies, demands\n"
		 "(how many handed over and raised), note.  The default is id, date,\n"
		 "firm, visitors, kind, demands.\n"
		 "\n"
		 "Exit status: 0 some listed, 1 none, 64 bad usage, 65 a store file does\n"
		 "not parse, 66 no store or no such firm.\n");
}

struct ctx {
	struct qf_firms *firms;
	struct qf_table *t;
	struct qf_visit_filter f;
};

static size_t count(const struct qf_node *seq)
{
	return seq && seq->kind == QF_NODE_SEQ ? seq->n : 0;
}

static int on_visit(const struct qf_doc *doc, const char *file,
		    void *ud, struct qf_error *err)
{
	struct ctx *c = ud;
	const struct qf_node *r = doc->root;
	const char *firm = qf_node_get_str(r, "firm");
	const char *cells[9];
	char np[24], nd[24], *who;

	(void)file;
	if (!qf_visit_filter_match(&c->f, r))
		return 0;
	if (!(who = qf_node_join(qf_node_get(r, "visitors"), ",")))
		return qf_error_oom(err);
	snprintf(np, sizeof np, "%zu", count(qf_node_get(r, "policies")));
	snprintf(nd, sizeof nd, "%zu", count(qf_node_get(r, "demands")));
	cells[0] = qf_node_get_str(r, "id");
	cells[1] = qf_node_get_str(r, "date");
	cells[2] = qf_firms_name(c->firms, firm);
	cells[3] = firm;
	cells[4] = who;
	cells[5] = qf_node_get_str(r, "kind");
	cells[6] = np;
	cells[7] = nd;
	cells[8] = qf_node_get_str(r, "note");
	if (qf_table_add(c->t, cells, r)) {
		free(who);
		return qf_error_oom(err);
	}
	free(who);
	return 0;
}

int main(int argc, char **argv)
{
	enum { O_FROM = OPT_CMD_BASE, O_TO };
	static const struct option opts[] = {
		{ "month", required_argument, NULL, 'm' },
		{ "from", required_argument, NULL, O_FROM },
		{ "to", required_argument, NULL, O_TO },
		{ "firm", required_argument, NULL, 'f' },
		{ "visitor", required_argument, NULL, 'v' },
		{ "kind", required_argument, NULL, 'k' },
		{ "reverse", no_argument, NULL, 'r' },
		OUT_LONG_OPTIONS,
		COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	static const char *const columns[] = { "id", "date", "firm", "firm_id",
		"visitors", "kind", "policies", "demands", "note" };
	static const int numeric[] = { 0, 0, 0, 0, 0, 0, 1, 1, 0 };
	static const char *const defaults[] = { "id", "date", "firm",
		"visitors", "kind", "demands" };
	const char *data = NULL, *firm = NULL;
	static const char *const sort_cols[] = { "id", "date", NULL };
	struct out_opts out = OUT_OPTS_INIT;
	struct qf_firms firms;
	struct qf_store *s;
	struct qf_error err;
	struct ctx c;
	char firm_id[QF_ID_MAX];
	int ch, rc, reverse = 0, y, m;

	cmd_init("qf-list-visits");
	memset(&c, 0, sizeof c);
	while ((ch = getopt_long(argc, argv, "m:f:v:k:rh", opts, NULL)) != -1) {
		if (out_option(&out, ch, optarg))
			continue;
		switch (ch) {
		case 'm':
			if (qf_month_parse(optarg, &y, &m))
				die(QF_EUSAGE, _("--month: '%s' is not a month (YYYY-MM)"), optarg);
			c.f.from = (struct qf_date){ y, m, 1 };
			c.f.to = (struct qf_date){ y, m, qf_days_in_month(y, m) };
			c.f.has_from = c.f.has_to = 1;
			break;
		case O_FROM: c.f.from = parse_date_opt("--from", optarg); c.f.has_from = 1; break;
		case O_TO: c.f.to = parse_date_opt("--to", optarg); c.f.has_to = 1; break;
		case 'f': firm = optarg; break;
		case 'v': c.f.visitor = optarg; break;
		case 'k': c.f.kind = vocab_arg(QF_V_VISIT_KIND, "--kind", optarg); break;
		case 'r': reverse = 1; break;
		case 'h':
			list_help(usage_head(), usage_tail());
		case OPT_VERSION: version();
		case OPT_DATA: data = optarg; break;
		default: usage(QF_EUSAGE, NULL);
		}
	}
	no_operands(argc, argv);
	s = open_store(data);
	qf_error_clear(&err);
	if (firm) {
		firm_arg(s, firm, firm_id, sizeof firm_id);
		c.f.firm = firm_id;
	}
	/* One firm's: its name is all the register must give. */
	if (c.f.firm ? qf_firms_load_one(s, &firms, c.f.firm, &err) :
		 qf_firms_load(s, &firms, QF_FIRMS_NAMES, &err))
		die_error(&err);
	c.firms = &firms;
	if (!(c.t = qf_table_new(columns, numeric, 9)))
		die(QF_ESOFTWARE, _("out of memory"));
	out_prepare(c.t, defaults, 6, sort_cols, &out, "firm");
	/* One firm's: only the records that hold its ID can be. */
	rc = c.f.firm ? qf_store_each_naming(s, QF_VISIT, NULL, c.f.firm, on_visit,
					   &c, &err) :
		      qf_store_each(s, QF_VISIT, on_visit, &c, &err);
	if (rc)
		die_error(&err);
	if (qf_table_sort(c.t, (size_t)qf_table_col(c.t, "id"), reverse) ||
	    qf_table_sort(c.t, (size_t)qf_table_col(c.t, "date"), reverse))
		die(QF_ESOFTWARE, _("out of memory"));
	rc = out_print(c.t, &out);
	qf_firms_release(&firms);
	qf_store_free(s);
	return rc;
}
