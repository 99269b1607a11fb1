/* qf-list-open - the demands not closed yet, filtered and sorted. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "qf/filter.h"
#include "qf/firms.h"
#include "qf/workflow.h"

static const char *usage_head(void)
{
	return _("Usage: qf list-open [OPTION]...\n"
		 "List the demands that are not closed: one per line, the ID first.\n"
		 "\n"
		 "  -f, --firm FIRM         of this firm (ID or a unique part of its name)\n"
		 "  -d, --dept UNIT         led by this unit (a part of its name will do)\n"
		 "      --codept UNIT       with this unit leading or co-handling\n"
		 "  -o, --owner NAME        with this person responsible\n"
		 "  -c, --category CAT      of this category (融资, 用地, ... or the token)\n"
		 "  -k, --kind KIND         problem|问题 or suggestion|建议\n"
		 "  -l, --level LEVEL       local|本级 or higher|上级\n"
		 "      --status STATUS     open|待交办 (not assigned) or assigned|办理中\n"
		 "      --leader NAME       of firms whose leader (联点领导) is NAME\n"
		 "      --overdue           overdue at --at (default: today)\n"
		 "      --due-within N      due within N days of --at (overdue included)\n"
		 "      --at DATE           the day that overdue and due-within count from\n"
		 "      --opened-before D   opened before day D\n"
		 "      --opened-after D    opened after day D\n"
		 "  -g, --grep TEXT         with TEXT in the title or detail\n"
		 "  -s, --sort KEY          due (default), opened, firm, dept or overdue\n"
		 "  -r, --reverse           the other way round\n");
}

static const char *usage_tail(void)
{
	return _("      --data DIR          the store (default: found from here, or $QF_DATA)\n"
		 "  -h, --help              show this help and exit\n"
		 "      --version           show the version and exit\n"
		 "\n"
		 "Fields: id, firm, firm_id, dept, due, overdue (days), title, opened,\n"
		 "status, kind, level, category, owner, codepts, leader, source.  The\n"
		 "default is id, firm, dept, due, overdue, title.\n"
		 "\n"
		 "Exit status: 0 some listed, 1 none, 64 bad usage, 65 a store file does\n"
		 "not parse, 66 no store or no such firm.\n");
}

struct ctx {
	struct qf_demand_filter *f;
	struct qf_firms *firms;
	struct qf_table *t;
	int oom;
};

static const char *const columns[] = {
	"id", "firm", "firm_id", "dept", "due", "overdue", "title", "opened",
	"status", "kind", "level", "category", "owner", "codepts", "leader",
	"source",
};
enum { NCOLS = sizeof columns / sizeof columns[0] };
static const int numeric[NCOLS] = { [5] = 1 };

static int on_demand(const struct qf_doc *doc, const char *file,
		     void *ud, struct qf_error *err)
{
	struct ctx *c = ud;
	const struct qf_node *r = doc->root;
	const char *firm = qf_node_get_str(r, "firm");
	const struct qf_firm *fr = qf_firms_get(c->firms, firm);
	const char *leader = fr ? fr->leader : NULL;
	const char *cells[NCOLS];
	char over[24];
	char *codepts;
	long od;

	(void)file;
	if (!qf_demand_filter_match(c->f, r, leader, &od))
		return 0;
	snprintf(over, sizeof over, "%ld", od);
	if (!(codepts = qf_node_join(qf_node_get(r, "codepts"), ",")))
		return qf_error_oom(err);
	cells[0] = qf_node_get_str(r, "id");
	cells[1] = qf_firms_name(c->firms, firm);
	cells[2] = firm;
	cells[3] = qf_node_get_str(r, "dept");
	cells[4] = qf_node_get_str(r, "due");
	cells[5] = od ? over : "";
	cells[6] = qf_node_get_str(r, "title");
	cells[7] = qf_node_get_str(r, "opened");
	cells[8] = qf_node_get_str(r, "status");
	cells[9] = qf_node_get_str(r, "kind");
	cells[10] = qf_node_get_str(r, "level");
	cells[11] = qf_node_get_str(r, "category");
	cells[12] = qf_node_get_str(r, "owner");
	cells[13] = codepts;
	cells[14] = leader;
	cells[15] = qf_node_get_str(r, "source");
	if (qf_table_add(c->t, cells, r)) {
		free(codepts);
		return qf_error_oom(err);
	}
	free(codepts);
	return 0;
}

int main(int argc, char **argv)
{
	enum { O_CODEPT = OPT_CMD_BASE, O_STATUS, O_LEADER, O_OVERDUE,
	       O_WITHIN, O_AT, O_BEFORE, O_AFTER };
	static const struct option opts[] = {
		{ "firm", required_argument, NULL, 'f' },
		{ "dept", required_argument, NULL, 'd' },
		{ "codept", required_argument, NULL, O_CODEPT },
		{ "owner", required_argument, NULL, 'o' },
		{ "category", required_argument, NULL, 'c' },
		{ "kind", required_argument, NULL, 'k' },
		{ "level", required_argument, NULL, 'l' },
		{ "status", required_argument, NULL, O_STATUS },
		{ "leader", required_argument, NULL, O_LEADER },
		{ "overdue", no_argument, NULL, O_OVERDUE },
		{ "due-within", required_argument, NULL, O_WITHIN },
		{ "at", required_argument, NULL, O_AT },
		{ "opened-before", required_argument, NULL, O_BEFORE },
		{ "opened-after", required_argument, NULL, O_AFTER },
		{ "grep", required_argument, NULL, 'g' },
		{ "sort", required_argument, NULL, 's' },
		{ "reverse", no_argument, NULL, 'r' },
		OUT_LONG_OPTIONS,
		COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	static const char *const default_fields[] = { "id", "firm", "dept",
		"due", "overdue", "title" };
	const char *data = NULL, *firm = NULL, *sort = "due";
	const char *sort_cols[] = { "id", NULL, NULL };
	struct out_opts out = OUT_OPTS_INIT;
	struct qf_demand_filter f;
	struct qf_date at;
	struct qf_firms firms;
	struct qf_store *s;
	struct qf_error err;
	struct ctx c;
	char firm_id[QF_ID_MAX];
	int ch, reverse = 0, col, rc;

	cmd_init("qf-list-open");
	at = today();
	qf_demand_filter_init(&f, &at);
	f.open_only = 1;
	while ((ch = getopt_long(argc, argv, "f:d:o:c:k:l:g:s:rh", opts, NULL)) != -1) {
		if (out_option(&out, ch, optarg))
			continue;
		switch (ch) {
		case 'f': firm = optarg; break;
		case 'd': f.dept = optarg; break;
		case O_CODEPT: f.codept = optarg; break;
		case 'o': f.owner = optarg; break;
		case 'c': f.category = vocab_arg(QF_V_CATEGORY, "--category", optarg); break;
		case 'k': f.kind = vocab_arg(QF_V_KIND, "--kind", optarg); break;
		case 'l': f.level = vocab_arg(QF_V_LEVEL, "--level", optarg); break;
		case O_STATUS:
			f.status = vocab_arg(QF_V_STATUS, "--status", optarg);
			if (qf_status_closed(f.status))
				die(QF_EUSAGE, _("--status: closed demands are not listed here; see qf show"));
			break;
		case O_LEADER: f.leader = optarg; break;
		case O_OVERDUE: f.overdue = 1; break;
		case O_WITHIN: {
			char *end;
			f.within = strtol(optarg, &end, 10);
			if (!*optarg || *end || f.within < 0 || f.within > 3650)
				die(QF_EUSAGE, _("--due-within: '%s' is not a number of days"), optarg);
			break;
		}
		case O_AT: f.at = parse_date_opt("--at", optarg); break;
		case O_BEFORE: f.before = parse_date_opt("--opened-before", optarg); f.has_before = 1; break;
		case O_AFTER: f.after = parse_date_opt("--opened-after", optarg); f.has_after = 1; break;
		case 'g': f.grep = optarg; break;
		case 's':
			if (strcmp(optarg, "due") && strcmp(optarg, "opened") &&
			    strcmp(optarg, "firm") && strcmp(optarg, "dept") &&
			    strcmp(optarg, "overdue"))
				die(QF_EUSAGE, _("--sort: '%s' is not due, opened, firm, dept or overdue"), optarg);
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
	no_operands(argc, argv);

	s = open_store(data);
	qf_error_clear(&err);
	if (firm) {
		firm_arg(s, firm, firm_id, sizeof firm_id);
		f.firm = firm_id;
	}
	/* One firm's: its name is all the register must give. */
	if (f.firm ? qf_firms_load_one(s, &firms, f.firm, &err) :
		 qf_firms_load(s, &firms, QF_FIRMS_NAMES, &err))
		die_error(&err);
	memset(&c, 0, sizeof c);
	c.f = &f;
	c.firms = &firms;
	if (!(c.t = qf_table_new(columns, numeric, NCOLS)))
		die(QF_ESOFTWARE, _("out of memory"));
	sort_cols[1] = !strcmp(sort, "firm") ? "firm" : sort;
	out_prepare(c.t, default_fields, 6, sort_cols, &out, "title");
	/* One firm's: only the records that hold its ID can be. */
	rc = f.firm ? qf_store_each_naming(s, QF_DEMAND, NULL, f.firm, on_demand,
					   &c, &err) :
		      qf_store_each(s, QF_DEMAND, on_demand, &c, &err);
	if (rc)
		die_error(&err);
	/* Ties keep store order (by ID within a month); the ID breaks them
	 * across months. */
	col = qf_table_col(c.t, sort_cols[1]);
	/* Most overdue first when sorting by days overdue. */
	if (qf_table_sort(c.t, (size_t)qf_table_col(c.t, "id"), 0) ||
	    qf_table_sort(c.t, (size_t)col, reverse != !strcmp(sort, "overdue")))
		die(QF_ESOFTWARE, _("out of memory"));
	rc = out_print(c.t, &out);
	qf_firms_release(&firms);
	qf_store_free(s);
	return rc;
}
