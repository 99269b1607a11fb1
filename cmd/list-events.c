/* qf-list-events - the campaign events (活动) of a period, a kind or a
 * firm, with their outcomes. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "qf/event.h"

static const char *usage_head(void)
{
	return _("Usage: qf list-events [OPTION]...\n"
		 "List campaign events (活动): one per line, the ID first, by date.\n"
		 "\n"
		 "  -m, --month YYYY-MM     in this month\n"
		 "      --from DATE         on or after this day\n"
		 "      --to DATE           on or before this day\n"
		 "  -k, --kind KIND         briefing|政策宣讲会, financing|银企对接会,\n"
		 "                          jobs|招聘会, salon|企业家沙龙, forum|座谈会,\n"
		 "                          matchmaking|供需对接会\n"
		 "  -f, --firm FIRM         with this firm taking part (ID, credit code or\n"
		 "                          a unique part of its name)\n"
		 "  -r, --reverse           newest first\n");
}

static const char *usage_tail(void)
{
	return _("      --data DIR          the store (default: found from here, or $QF_DATA)\n"
		 "  -h, --help              show this help and exit\n"
		 "      --version           show the version and exit\n"
		 "\n"
		 "Fields: id, date, kind, title, organiser, place, firms, policies,\n"
		 "demands (how many took part, were presented, were raised),\n"
		 "financing_intended, financing_signed (yuan), positions, attendees,\n"
		 "hires, contracts, booklets, note.  The default is id, date, kind,\n"
		 "title, firms, demands.\n"
		 "\n"
		 "Exit status: 0 some listed, 1 none, 64 bad usage, 65 a store file does\n"
		 "not parse, 66 no store or no such firm.\n");
}

#define NCOLS (10 + QF_NOUTCOMES)

struct ctx {
	struct qf_table *t;
	struct qf_event_filter f;
};

static size_t count(const struct qf_node *seq)
{
	return seq && seq->kind == QF_NODE_SEQ ? seq->n : 0;
}

static int on_event(const struct qf_doc *doc, const char *file,
		    void *ud, struct qf_error *err)
{
	struct ctx *c = ud;
	const struct qf_node *r = doc->root;
	const char *cells[NCOLS];
	char nf[24], np[24], nd[24], out[QF_NOUTCOMES][32];
	size_t k = 0;

	(void)file;
	if (!qf_event_filter_match(&c->f, r))
		return 0;
	snprintf(nf, sizeof nf, "%zu", count(qf_node_get(r, "firms")));
	snprintf(np, sizeof np, "%zu", count(qf_node_get(r, "policies")));
	snprintf(nd, sizeof nd, "%zu", count(qf_node_get(r, "demands")));
	cells[k++] = qf_node_get_str(r, "id");
	cells[k++] = qf_node_get_str(r, "date");
	cells[k++] = qf_node_get_str(r, "kind");
	cells[k++] = qf_node_get_str(r, "title");
	cells[k++] = qf_node_get_str(r, "organiser");
	cells[k++] = qf_node_get_str(r, "place");
	cells[k++] = nf;
	cells[k++] = np;
	cells[k++] = nd;
	for (int o = 0; o < QF_NOUTCOMES; o++) {
		long long v;
		out[o][0] = '\0';
		if (qf_event_outcome(r, (enum qf_outcome)o, &v))
			snprintf(out[o], sizeof out[o], "%lld", v);
		cells[k++] = out[o];
	}
	cells[k++] = qf_node_get_str(r, "note");
	return qf_table_add(c->t, cells, r) ? qf_error_oom(err) : 0;
}

int main(int argc, char **argv)
{
	enum { O_FROM = OPT_CMD_BASE, O_TO };
	static const struct option opts[] = {
		{ "month", required_argument, NULL, 'm' },
		{ "from", required_argument, NULL, O_FROM },
		{ "to", required_argument, NULL, O_TO },
		{ "kind", required_argument, NULL, 'k' },
		{ "firm", required_argument, NULL, 'f' },
		{ "reverse", no_argument, NULL, 'r' },
		OUT_LONG_OPTIONS,
		COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	static const char *const columns[NCOLS] = { "id", "date", "kind",
		"title", "organiser", "place", "firms", "policies", "demands",
		"financing_intended", "financing_signed", "positions",
		"attendees", "hires", "contracts", "booklets", "note" };
	static const int numeric[NCOLS] = { 0, 0, 0, 0, 0, 0, 1, 1, 1,
		1, 1, 1, 1, 1, 1, 1, 0 };
	static const char *const defaults[] = { "id", "date", "kind", "title",
		"firms", "demands" };
	static const char *const sort_cols[] = { "id", "date", NULL };
	const char *data = NULL, *firm = NULL;
	struct out_opts out = OUT_OPTS_INIT;
	struct qf_store *s;
	struct qf_error err;
	struct ctx c;
	char firm_id[QF_ID_MAX];
	int ch, rc, reverse = 0, y, m;

	cmd_init("qf-list-events");
	memset(&c, 0, sizeof c);
	while ((ch = getopt_long(argc, argv, "m:k:f:rh", opts, NULL)) != -1) {
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
		case 'k': c.f.kind = vocab_arg(QF_V_EVENT_KIND, "--kind", optarg); break;
		case 'f': firm = optarg; break;
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
	if (!(c.t = qf_table_new(columns, numeric, NCOLS)))
		die(QF_ESOFTWARE, _("out of memory"));
	out_prepare(c.t, defaults, 6, sort_cols, &out, "title");
	/* One firm's: only the records that hold its ID can be. */
	rc = c.f.firm ? qf_store_each_naming(s, QF_EVENT, NULL, c.f.firm, on_event,
					   &c, &err) :
		      qf_store_each(s, QF_EVENT, on_event, &c, &err);
	if (rc)
		die_error(&err);
	if (qf_table_sort(c.t, (size_t)qf_table_col(c.t, "id"), reverse) ||
	    qf_table_sort(c.t, (size_t)qf_table_col(c.t, "date"), reverse))
		die(QF_ESOFTWARE, _("out of memory"));
	rc = out_print(c.t, &out);
	qf_store_free(s);
	return rc;
}
