/* qf-add-event - record a campaign event (活动): a policy briefing, a
 * bank–firm or supply–demand matchmaking, a job fair, a salon or forum,
 * the firms that took part, its outcomes and the demands raised at it, in
 * one call. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "qf/event.h"
#include "qf/workflow.h"

static const char *usage_text(void)
{
	return _("Usage: qf add-event --kind KIND --title TEXT [OPTION]...\n"
		 "                    [--problem|--suggestion TEXT --firm FIRM\n"
		 "                     --category CAT [DEMAND OPTION]...]...\n"
		 "Record a campaign event and print its ID, then the IDs of the\n"
		 "demands raised at it, one per line.\n"
		 "\n"
		 "  -k, --kind KIND         briefing|政策宣讲会, financing|银企对接会,\n"
		 "                          jobs|招聘会, salon|企业家沙龙, forum|座谈会,\n"
		 "                          matchmaking|供需对接会 (required)\n"
		 "  -t, --title TEXT        the event's name (required)\n"
		 "  -d, --date DATE         day of the event (default: today)\n"
		 "  -u, --organiser NAME    who organised it (主办单位)\n"
		 "      --place TEXT        where it was held\n"
		 "  -f, --firm FIRM         a firm that took part: ID, credit code or a\n"
		 "                          unique part of its name (repeatable, or a,b)\n"
		 "  -P, --policy POLICY     a policy presented: ID or a unique part of its\n"
		 "                          title (repeatable, or a,b)\n"
		 "      --financing-intended AMOUNT  financing intended (意向融资)\n"
		 "      --financing-signed AMOUNT    financing signed (签约融资)\n"
		 "                          in yuan, or with 万元 or 亿元 (100亿元)\n"
		 "      --positions N       jobs offered (提供岗位)\n"
		 "      --attendees N       people who came (参加人数)\n"
		 "      --hires N           hires agreed (达成就业意向)\n"
		 "      --contracts N       contracts signed (签约项目)\n"
		 "      --booklets N        policy booklets handed out (发放政策汇编)\n"
		 "  -n, --note TEXT         what happened\n"
		 "      --by NAME           who records it (default: $QF_USER, the\n"
		 "                          store's user setting, or $USER)\n"
		 "      --data DIR          the store (default: found from here, or $QF_DATA)\n"
		 "  -h, --help              show this help and exit\n"
		 "      --version           show the version and exit\n"
		 "\n"
		 "Demands raised at the event (each option after --problem or\n"
		 "--suggestion applies to that demand; its source is the event):\n"
		 "  -p, --problem TEXT      a problem a firm raised (问题)\n"
		 "  -s, --suggestion TEXT   a suggestion a firm made (建议)\n"
		 "  -f, --firm FIRM         the firm that raised it (required for each\n"
		 "                          demand; it also takes part in the event)\n"
		 "  -c, --category CAT      its category (required for each demand;\n"
		 "                          see qf add-demand --help)\n"
		 "      --higher            it needs a higher level (上级); default 本级\n"
		 "      --detail TEXT       the whole story\n"
		 "      --amount AMOUNT     money asked for, in yuan or with 万元 or 亿元\n"
		 "\n"
		 "Exit status: 0 recorded, 64 bad usage, 65 bad data or an ambiguous firm\n"
		 "or policy name (nothing written), 66 no store or no such firm or\n"
		 "policy, 73 cannot write, 75 store busy (another writer for over 5 s),\n"
		 "78 bad qf.yaml or schemas.\n");
}

struct pending {
	const char *kind, *title, *firm, *category, *level, *detail;
	char amount[32];
};

static void add_unique(struct qf_strv *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->v[i], s))
			return;
	strlist_add(l, s);
}

int main(int argc, char **argv)
{
	enum { O_PLACE = OPT_CMD_BASE, O_BY, O_HIGHER, O_DETAIL, O_AMOUNT,
	       O_OUTCOME };
	static const struct option opts[] = {
		{ "kind", required_argument, NULL, 'k' },
		{ "title", required_argument, NULL, 't' },
		{ "date", required_argument, NULL, 'd' },
		{ "organiser", required_argument, NULL, 'u' },
		{ "organizer", required_argument, NULL, 'u' },
		{ "place", required_argument, NULL, O_PLACE },
		{ "firm", required_argument, NULL, 'f' },
		{ "policy", required_argument, NULL, 'P' },
		{ "financing-intended", required_argument, NULL,
		  O_OUTCOME + QF_OUT_FINANCING_INTENDED },
		{ "financing-signed", required_argument, NULL,
		  O_OUTCOME + QF_OUT_FINANCING_SIGNED },
		{ "positions", required_argument, NULL, O_OUTCOME + QF_OUT_POSITIONS },
		{ "attendees", required_argument, NULL, O_OUTCOME + QF_OUT_ATTENDEES },
		{ "hires", required_argument, NULL, O_OUTCOME + QF_OUT_HIRES },
		{ "contracts", required_argument, NULL, O_OUTCOME + QF_OUT_CONTRACTS },
		{ "booklets", required_argument, NULL, O_OUTCOME + QF_OUT_BOOKLETS },
		{ "note", required_argument, NULL, 'n' },
		{ "by", required_argument, NULL, O_BY },
		{ "problem", required_argument, NULL, 'p' },
		{ "suggestion", required_argument, NULL, 's' },
		{ "category", required_argument, NULL, 'c' },
		{ "higher", no_argument, NULL, O_HIGHER },
		{ "detail", required_argument, NULL, O_DETAIL },
		{ "amount", required_argument, NULL, O_AMOUNT },
		COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	static const char *const outcome_opts[QF_NOUTCOMES] = {
		"--financing-intended", "--financing-signed", "--positions",
		"--attendees", "--hires", "--contracts", "--booklets"
	};
	const char *data = NULL, *by = NULL;
	struct qf_strv firm_args = { 0 }, policy_args = { 0 };
	struct qf_strv firms = { 0 }, policies = { 0 }, dids = { 0 };
	struct qf_event_spec ev;
	struct pending *dem = NULL, *cur = NULL;
	size_t ndem = 0;
	struct qf_store *s;
	struct qf_node *rec;
	struct qf_batch *b;
	char eid[QF_ID_MAX], id[QF_ID_MAX];
	int c;

	cmd_init("qf-add-event");
	qf_event_spec_init(&ev);
	ev.date = today();
	while ((c = getopt_long(argc, argv, "k:t:d:u:f:P:n:p:s:c:h", opts,
				NULL)) != -1) {
		if (c >= O_OUTCOME && c < O_OUTCOME + QF_NOUTCOMES) {
			int o = c - O_OUTCOME;
			ev.outcomes[o] = o <= QF_OUT_FINANCING_SIGNED ?
				money_arg(outcome_opts[o], optarg) :
				count_arg(outcome_opts[o], optarg);
			continue;
		}
		switch (c) {
		case 'k': ev.kind = vocab_arg(QF_V_EVENT_KIND, "--kind", optarg); break;
		case 't': ev.title = optarg; break;
		case 'd': ev.date = parse_date_opt("--date", optarg); break;
		case 'u': ev.organiser = optarg; break;
		case O_PLACE: ev.place = optarg; break;
		case 'f':
			/* After a demand: the firm that raised it. */
			if (cur && !cur->firm)
				cur->firm = optarg;
			else
				strlist_add_split(&firm_args, optarg);
			break;
		case 'P': strlist_add_split(&policy_args, optarg); break;
		case 'n': ev.note = optarg; break;
		case O_BY: by = optarg; break;
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
		case O_HIGHER:
		case O_DETAIL:
		case O_AMOUNT:
			if (!cur)
				die(QF_EUSAGE, _("%s must follow --problem or --suggestion"),
				    c == 'c' ? "--category" : c == O_HIGHER ? "--higher" :
				    c == O_DETAIL ? "--detail" : "--amount");
			if (c == 'c')
				cur->category = vocab_arg(QF_V_CATEGORY, "--category", optarg);
			else if (c == O_HIGHER)
				cur->level = "higher";
			else if (c == O_DETAIL)
				cur->detail = optarg;
			else
				snprintf(cur->amount, sizeof cur->amount, "%lld",
					 money_arg("--amount", optarg));
			break;
		case 'h': usage(0, usage_text());
		case OPT_VERSION: version();
		case OPT_DATA: data = optarg; break;
		default: usage(QF_EUSAGE, NULL);
		}
	}
	no_operands(argc, argv);
	if (!ev.kind)
		die(QF_EUSAGE, _("which kind of event? (--kind)"));
	if (!ev.title || !*ev.title)
		die(QF_EUSAGE, _("an event needs a title (--title)"));
	for (size_t i = 0; i < ndem; i++) {
		if (!dem[i].firm)
			die(QF_EUSAGE, _("demand '%s' needs a firm (--firm after it)"),
			    dem[i].title);
		if (!dem[i].category)
			die(QF_EUSAGE, _("demand '%s' needs a category (--category after it)"),
			    dem[i].title);
	}

	s = open_store(data);
	by = actor(s, by);
	lock_store(s);
	for (size_t i = 0; i < firm_args.n; i++) {
		firm_arg(s, firm_args.v[i], id, sizeof id);
		add_unique(&firms, id);
	}
	for (size_t i = 0; i < ndem; i++) {
		firm_arg(s, dem[i].firm, id, sizeof id);
		add_unique(&firms, id);
		/* The ID, kept in the list: dem[i].firm points into it. */
		for (size_t k = 0; k < firms.n; k++)
			if (!strcmp(firms.v[k], id))
				dem[i].firm = firms.v[k];
	}
	for (size_t i = 0; i < policy_args.n; i++) {
		policy_arg(s, policy_args.v[i], id, sizeof id);
		add_unique(&policies, id);
	}
	b = batch_or_die(s);
	batch_id(b, QF_EVENT, &ev.date, eid, sizeof eid);

	/* The demands raised at it, then the event that lists them:
	 * validated together, written all or nothing. */
	for (size_t i = 0; i < ndem; i++) {
		struct qf_demand_spec sp;

		batch_id(b, QF_DEMAND, &ev.date, id, sizeof id);
		strlist_add(&dids, id);
		memset(&sp, 0, sizeof sp);
		sp.id = id;
		sp.firm = dem[i].firm;
		sp.source = eid;
		sp.opened = ev.date;
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
	ev.id = eid;
	ev.firms = &firms;
	ev.policies = &policies;
	ev.demands = &dids;
	if (!(rec = qf_event_new(&ev)))
		die(QF_ESOFTWARE, _("out of memory"));
	batch_append(b, rec);
	batch_commit(b);
	printf("%s\n", eid);
	for (size_t i = 0; i < ndem; i++)
		printf("%s\n", dids.v[i]);
	qf_batch_free(b);
	free(dem);
	qf_strv_release(&firm_args);
	qf_strv_release(&policy_args);
	qf_strv_release(&firms);
	qf_strv_release(&policies);
	qf_strv_release(&dids);
	qf_store_free(s);
	return 0;
}
