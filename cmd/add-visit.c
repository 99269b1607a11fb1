/* qf-add-visit - record a visit (走访), the policies handed over and the
 * demands the firm raised, in one call. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "qf/workflow.h"

static const char *usage_text(void)
{
	return _("Usage: qf add-visit --firm FIRM [OPTION]... [--problem|--suggestion TEXT\n"
		 "                    --category CAT [DEMAND OPTION]...]...\n"
		 "Record a visit to a firm and print its ID, then the IDs of the\n"
		 "demands raised in it, one per line.\n"
		 "\n"
		 "  -f, --firm FIRM         firm ID or a unique part of its name (required)\n"
		 "  -d, --date DATE         day of the visit (default: today)\n"
		 "  -v, --visitor NAME      who went (repeatable, or a,b; default: --by)\n"
		 "  -k, --kind KIND         visit|走访 (default), survey|调研,\n"
		 "                          onsite|上门办公, meeting|座谈\n"
		 "  -P, --policy ID         a policy handed over (repeatable, or a,b)\n"
		 "  -n, --note TEXT         what was said\n"
		 "      --by NAME           who records it (default: $QF_USER, the\n"
		 "                          store's user setting, or $USER)\n"
		 "      --data DIR          the store (default: found from here, or $QF_DATA)\n"
		 "  -h, --help              show this help and exit\n"
		 "      --version           show the version and exit\n"
		 "\n"
		 "Demands raised in the visit (each option after --problem or\n"
		 "--suggestion applies to that demand):\n"
		 "  -p, --problem TEXT      a problem the firm raised (问题)\n"
		 "  -s, --suggestion TEXT   a suggestion the firm made (建议)\n"
		 "  -c, --category CAT      its category (required for each demand;\n"
		 "                          see qf add-demand --help)\n"
		 "      --higher            it needs a higher level (上级); default 本级\n"
		 "      --detail TEXT       the whole story\n"
		 "      --amount YUAN       money asked for, in yuan\n"
		 "\n"
		 "Exit status: 0 recorded, 64 bad usage, 65 bad data or an ambiguous firm\n"
		 "name (nothing written), 66 no store or no such firm, 73 cannot\n"
		 "write, 75 store busy (another writer for over 5 s), 78 bad qf.yaml or\n"
		 "schemas.\n");
}

struct pending {
	const char *kind, *title, *category, *level, *detail, *amount;
};

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "firm", required_argument, NULL, 'f' },
		{ "date", required_argument, NULL, 'd' },
		{ "visitor", required_argument, NULL, 'v' },
		{ "kind", required_argument, NULL, 'k' },
		{ "policy", required_argument, NULL, 'P' },
		{ "note", required_argument, NULL, 'n' },
		{ "by", required_argument, NULL, 'B' },
		{ "problem", required_argument, NULL, 'p' },
		{ "suggestion", required_argument, NULL, 's' },
		{ "category", required_argument, NULL, 'c' },
		{ "higher", no_argument, NULL, 'H' },
		{ "detail", required_argument, NULL, 'D' },
		{ "amount", required_argument, NULL, 'A' },
		COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	const char *data = NULL, *firm = NULL, *kind = "visit", *note = NULL;
	const char *by = NULL;
	struct qf_strv visitors = { 0 }, policies = { 0 }, dids = { 0 };
	struct pending *dem = NULL, *cur = NULL;
	size_t ndem = 0;
	struct qf_date date;
	struct qf_store *s;
	struct qf_node *visit;
	struct qf_batch *b;
	char vid[QF_ID_MAX], firm_id[QF_ID_MAX], datebuf[16];
	int c;

	cmd_init("qf-add-visit");
	date = today();
	while ((c = getopt_long(argc, argv, "f:d:v:k:P:n:p:s:c:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f': firm = optarg; break;
		case 'd': date = parse_date_opt("--date", optarg); break;
		case 'v': strlist_add_split(&visitors, optarg); break;
		case 'k': kind = vocab_arg(QF_V_VISIT_KIND, "--kind", optarg); break;
		case 'P': strlist_add_split(&policies, optarg); break;
		case 'n': note = optarg; break;
		case 'B': by = optarg; break;
		case 'p':
		case 's': {
			struct pending *nd = realloc(dem, (ndem + 1) * sizeof *dem);
			if (!nd)
				die(QF_ESOFTWARE, _("out of memory"));
			dem = nd;
			cur = &dem[ndem++];
			memset(cur, 0, sizeof *cur);
			cur->kind = c == 'p' ? "problem" : "suggestion";
			cur->title = optarg;
			cur->level = "local";
			if (!*optarg)
				die(QF_EUSAGE, _("a demand needs a title"));
			break;
		}
		case 'c':
		case 'H':
		case 'D':
		case 'A':
			if (!cur)
				die(QF_EUSAGE, _("%s must follow --problem or --suggestion"),
				    c == 'c' ? "--category" : c == 'H' ? "--higher" :
				    c == 'D' ? "--detail" : "--amount");
			if (c == 'c')
				cur->category = vocab_arg(QF_V_CATEGORY, "--category", optarg);
			else if (c == 'H')
				cur->level = "higher";
			else if (c == 'D')
				cur->detail = optarg;
			else
				cur->amount = amount_arg(optarg);
			break;
		case 'h': usage(0, usage_text());
		case OPT_VERSION: version();
		case OPT_DATA: data = optarg; break;
		default: usage(QF_EUSAGE, NULL);
		}
	}
	no_operands(argc, argv);
	if (!firm)
		die(QF_EUSAGE, _("which firm? (--firm)"));
	for (size_t i = 0; i < ndem; i++)
		if (!dem[i].category)
			die(QF_EUSAGE, _("demand '%s' needs a category (--category after it)"),
			    dem[i].title);

	s = open_store(data);
	by = actor(s, by);
	if (!visitors.n)
		strlist_add(&visitors, by);
	lock_store(s);
	firm_arg(s, firm, firm_id, sizeof firm_id);
	b = batch_or_die(s);
	batch_id(b, QF_VISIT, &date, vid, sizeof vid);

	/* The demands it raised, then the visit that lists them: validated
	 * together, written all or nothing. */
	for (size_t i = 0; i < ndem; i++) {
		struct qf_demand_spec sp;
		char did[QF_ID_MAX];
		struct qf_node *rec;

		batch_id(b, QF_DEMAND, &date, did, sizeof did);
		strlist_add(&dids, did);
		memset(&sp, 0, sizeof sp);
		sp.id = did;
		sp.firm = firm_id;
		sp.source = vid;
		sp.opened = date;
		sp.kind = dem[i].kind;
		sp.level = dem[i].level;
		sp.category = dem[i].category;
		sp.title = dem[i].title;
		sp.detail = dem[i].detail;
		sp.amount = dem[i].amount;
		sp.by = by;
		if (!(rec = qf_demand_new(&sp)))
			die(QF_ESOFTWARE, _("out of memory"));
		batch_append(b, rec);
	}
	if (!(visit = qf_node_new_map()))
		die(QF_ESOFTWARE, _("out of memory"));
	set_str(visit, "id", vid);
	set_str(visit, "date", qf_date_format(&date, datebuf, sizeof datebuf));
	set_str(visit, "firm", firm_id);
	set_list(visit, "visitors", &visitors);
	set_str(visit, "kind", kind);
	set_list(visit, "policies", &policies);
	set_list(visit, "demands", &dids);
	set_str(visit, "note", note);
	batch_append(b, visit);
	batch_commit(b);
	printf("%s\n", vid);
	for (size_t i = 0; i < ndem; i++)
		printf("%s\n", dids.v[i]);
	qf_batch_free(b);
	free(dem);
	qf_strv_release(&visitors);
	qf_strv_release(&policies);
	qf_strv_release(&dids);
	qf_store_free(s);
	return 0;
}
