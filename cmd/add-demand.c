/* qf-add-demand - record a firm's demand (企业诉求) that came by a channel
 * other than a visit (hotline, meeting, online), or add one to a visit
 * already recorded. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "qf/workflow.h"

static const char *usage_text(void)
{
	return _("Usage: qf add-demand --firm FIRM --title TEXT --category CAT [OPTION]...\n"
		 "Record a firm's demand and print its new ID.\n"
		 "\n"
		 "  -f, --firm FIRM         firm ID or a unique part of its name (required)\n"
		 "  -t, --title TEXT        what the firm asks, in one line (required)\n"
		 "  -c, --category CAT      financing|融资 land|用地 labour|用工 permits|审批\n"
		 "                          infrastructure|基础设施 logistics|物流 policy|政策\n"
		 "                          market|市场 energy|能源 technology|科技\n"
		 "                          environment|环保 services|服务 other|其他 (required)\n"
		 "  -k, --kind KIND         problem|问题 (default) or suggestion|建议\n"
		 "  -l, --level LEVEL       local|本级 (default) or higher|上级\n"
		 "      --detail TEXT       the whole story\n"
		 "      --amount YUAN       money asked for, in yuan (e.g. a loan)\n"
		 "  -s, --source SOURCE     the visit it was raised in (V-...), or a channel\n"
		 "                          such as 热线, 座谈会, 线上\n"
		 "      --opened DATE       when it was raised (default: the visit's date, or today)\n"
		 "      --by NAME           who recorded it (default: $QF_USER, the\n"
		 "                          store's user setting, or $USER)\n"
		 "      --data DIR          the store (default: found from here, or $QF_DATA)\n"
		 "  -h, --help              show this help and exit\n"
		 "      --version           show the version and exit\n"
		 "\n"
		 "With a visit as --source, the demand is also listed in that visit.\n"
		 "\n"
		 "Exit status: 0 recorded, 64 bad usage, 65 bad data or an ambiguous firm\n"
		 "name (nothing written), 66 no store, no such firm or visit, 73 cannot\n"
		 "write, 75 store busy (another writer for over 5 s), 78 bad qf.yaml or\n"
		 "schemas.\n");
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "firm", required_argument, NULL, 'f' },
		{ "title", required_argument, NULL, 't' },
		{ "category", required_argument, NULL, 'c' },
		{ "kind", required_argument, NULL, 'k' },
		{ "level", required_argument, NULL, 'l' },
		{ "detail", required_argument, NULL, 'D' },
		{ "amount", required_argument, NULL, 'A' },
		{ "source", required_argument, NULL, 's' },
		{ "opened", required_argument, NULL, 'O' },
		{ "by", required_argument, NULL, 'B' },
		COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	const char *data = NULL, *firm = NULL, *by = NULL;
	struct qf_demand_spec sp;
	struct qf_store *s;
	struct qf_batch *b;
	struct qf_node *rec, *visit = NULL;
	struct qf_error err;
	struct qf_id sid;
	char id[QF_ID_MAX], firm_id[QF_ID_MAX];
	int c, have_opened = 0, from_visit = 0;

	cmd_init("qf-add-demand");
	memset(&sp, 0, sizeof sp);
	sp.kind = "problem";
	sp.level = "local";
	while ((c = getopt_long(argc, argv, "f:t:c:k:l:s:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f': firm = optarg; break;
		case 't': sp.title = optarg; break;
		case 'c': sp.category = vocab_arg(QF_V_CATEGORY, "--category", optarg); break;
		case 'k': sp.kind = vocab_arg(QF_V_KIND, "--kind", optarg); break;
		case 'l': sp.level = vocab_arg(QF_V_LEVEL, "--level", optarg); break;
		case 'D': sp.detail = optarg; break;
		case 'A': sp.amount = amount_arg(optarg); break;
		case 's': sp.source = optarg; break;
		case 'O': sp.opened = parse_date_opt("--opened", optarg); have_opened = 1; break;
		case 'B': by = optarg; break;
		case 'h': usage(0, usage_text());
		case OPT_VERSION: version();
		case OPT_DATA: data = optarg; break;
		default: usage(QF_EUSAGE, NULL);
		}
	}
	no_operands(argc, argv);
	if (!firm)
		die(QF_EUSAGE, _("which firm? (--firm)"));
	if (!sp.title || !*sp.title)
		die(QF_EUSAGE, _("a demand needs a title (--title)"));
	if (!sp.category)
		die(QF_EUSAGE, _("a demand needs a category (--category)"));
	if (sp.source && sp.source[0] && strchr("VFPD", sp.source[0]) &&
	    sp.source[1] == '-') {
		if (qf_id_parse(sp.source, &sid) || sid.type != QF_VISIT)
			die(QF_EUSAGE, _("--source: '%s' is not a visit ID"), sp.source);
		from_visit = 1;
	}

	s = open_store(data);
	lock_store(s);
	qf_error_clear(&err);
	firm_arg(s, firm, firm_id, sizeof firm_id);
	sp.firm = firm_id;
	if (from_visit) {
		const char *vfirm, *vdate;
		if (qf_store_get(s, sp.source, &visit, NULL, &err))
			die_error(&err);
		vfirm = qf_node_get_str(visit, "firm");
		if (!vfirm || strcmp(vfirm, firm_id))
			die(QF_EDATA, _("visit %s was to %s, not to %s"),
			    sp.source, vfirm ? vfirm : "?", firm_id);
		vdate = qf_node_get_str(visit, "date");
		if (!have_opened && vdate &&
		    !qf_date_parse(vdate, &sp.opened))
			have_opened = 1;
	}
	if (!have_opened)
		sp.opened = today();
	sp.by = actor(s, by);
	b = batch_or_die(s);
	batch_id(b, QF_DEMAND, &sp.opened, id, sizeof id);
	sp.id = id;
	if (!(rec = qf_demand_new(&sp)))
		die(QF_ESOFTWARE, _("out of memory"));
	if (visit) {
		struct qf_node *list = qf_node_get(visit, "demands");
		struct qf_node *v = qf_node_new_scalar(id);
		if (!list) {
			if (!(list = qf_node_new_seq()) ||
			    qf_node_map_set(visit, "demands", list))
				die(QF_ESOFTWARE, _("out of memory"));
		}
		if (!v || qf_node_seq_append(list, v))
			die(QF_ESOFTWARE, _("out of memory"));
	}
	/* The demand first: if the visit's rewrite then fails, the demand
	 * is kept and still names its source; nothing is lost. */
	batch_append(b, rec);
	if (visit)
		batch_rewrite(b, visit);
	batch_commit(b);
	printf("%s\n", id);
	qf_batch_free(b);
	qf_store_free(s);
	return 0;
}
