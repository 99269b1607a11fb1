/* qf-add-application - record a firm's project declared for funds under a
 * policy (项目申报). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "qf/application.h"

static const char *usage_text(void)
{
	return _("Usage: qf add-application --firm FIRM --policy POLICY --project NAME [OPTION]...\n"
		 "Record a project application (申报) and print its new ID.\n"
		 "\n"
		 "  -f, --firm FIRM         firm ID or a unique part of its name (required)\n"
		 "  -P, --policy POLICY     policy ID or a unique part of its title (required)\n"
		 "  -p, --project NAME      the project declared (required)\n"
		 "  -a, --requested AMOUNT  funds asked for: yuan, or as 4400万元, 1.2亿元\n"
		 "      --date DATE         the day it was filed (default: today)\n"
		 "  -d, --dept UNIT         the unit that takes and reviews it\n"
		 "  -s, --source SOURCE     the visit (V-...) or event (E-...) it came from,\n"
		 "                          or a channel such as 窗口\n"
		 "      --by NAME           who recorded it (default: $QF_USER, the\n"
		 "                          store's user setting, or $USER)\n"
		 "  -m, --note TEXT         a note on the project\n"
		 "      --data DIR          the store (default: found from here, or $QF_DATA)\n"
		 "  -h, --help              show this help and exit\n"
		 "      --version           show the version and exit\n"
		 "\n"
		 "Exit status: 0 recorded, 64 bad usage, 65 bad data or an ambiguous firm\n"
		 "or policy (nothing written), 66 no store, no such firm, policy, visit or\n"
		 "event, 73 cannot write, 75 store busy, 78 bad qf.yaml or schemas.\n");
}

int main(int argc, char **argv)
{
	enum { O_DATE = OPT_CMD_BASE, O_BY };
	static const struct option opts[] = {
		{ "firm", required_argument, NULL, 'f' },
		{ "policy", required_argument, NULL, 'P' },
		{ "project", required_argument, NULL, 'p' },
		{ "requested", required_argument, NULL, 'a' },
		{ "date", required_argument, NULL, O_DATE },
		{ "dept", required_argument, NULL, 'd' },
		{ "source", required_argument, NULL, 's' },
		{ "by", required_argument, NULL, O_BY },
		{ "note", required_argument, NULL, 'm' },
		COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	const char *data = NULL, *firm = NULL, *policy = NULL, *by = NULL;
	const char *dept = NULL;
	struct qf_application_spec sp;
	struct qf_store *s;
	struct qf_batch *b;
	struct qf_node *rec;
	struct qf_error err;
	struct qf_id sid;
	char id[QF_ID_MAX], firm_id[QF_ID_MAX], policy_id[QF_ID_MAX];
	char amount[32];
	int c, have_date = 0;

	cmd_init("qf-add-application");
	memset(&sp, 0, sizeof sp);
	while ((c = getopt_long(argc, argv, "f:P:p:a:d:s:m:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f': firm = optarg; break;
		case 'P': policy = optarg; break;
		case 'p': sp.project = optarg; break;
		case 'a': sp.requested = money_text_arg("--requested", optarg, amount, sizeof amount); break;
		case O_DATE: sp.filed = parse_date_opt("--date", optarg); have_date = 1; break;
		case 'd': dept = optarg; break;
		case 's': sp.source = optarg; break;
		case O_BY: by = optarg; break;
		case 'm': sp.note = optarg; break;
		case 'h': usage(0, usage_text());
		case OPT_VERSION: version();
		case OPT_DATA: data = optarg; break;
		default: usage(QF_EUSAGE, NULL);
		}
	}
	no_operands(argc, argv);
	if (!firm)
		die(QF_EUSAGE, _("which firm? (--firm)"));
	if (!policy)
		die(QF_EUSAGE, _("under which policy? (--policy)"));
	if (!sp.project || !*sp.project)
		die(QF_EUSAGE, _("an application needs its project's name (--project)"));
	/* An ID-shaped source must be a visit's or an event's, and exist:
	 * the schema does not say what source refers to. */
	if (sp.source && sp.source[0] && sp.source[1] == '-' &&
	    strchr("VFPDAE", sp.source[0]) &&
	    (qf_id_parse(sp.source, &sid) ||
	     (sid.type != QF_VISIT && sid.type != QF_EVENT)))
		die(QF_EUSAGE, _("--source: '%s' is not a visit or event ID"), sp.source);
	if (!have_date)
		sp.filed = today();
	else {
		struct qf_date t = today();
		if (qf_date_cmp(&sp.filed, &t) > 0)
			die(QF_EUSAGE, _("--date: the day is in the future"));
	}

	s = open_store(data);
	lock_store(s);
	qf_error_clear(&err);
	firm_arg(s, firm, firm_id, sizeof firm_id);
	policy_arg(s, policy, policy_id, sizeof policy_id);
	sp.firm = firm_id;
	sp.policy = policy_id;
	if (sp.source && !qf_id_parse(sp.source, &sid)) {
		int has = qf_store_has(s, sp.source);
		if (has < 0)
			die(QF_ESOFTWARE, _("out of memory"));
		if (!has)
			die(QF_ENOINPUT, _("--source: no record '%s'"), sp.source);
	}
	if (dept) {
		const char *d;
		if (qf_store_find_dept(s, dept, &d, &err))
			die(err.code, "%s: %s", "--dept", err.msg);
		sp.dept = d;
	}
	sp.by = actor(s, by);
	b = batch_or_die(s);
	batch_id(b, QF_APPLICATION, &sp.filed, id, sizeof id);
	sp.id = id;
	if (!(rec = qf_application_new(&sp)))
		die(QF_ESOFTWARE, _("out of memory"));
	batch_append(b, rec);
	batch_commit(b);
	printf("%s\n", id);
	qf_batch_free(b);
	qf_store_free(s);
	return 0;
}
