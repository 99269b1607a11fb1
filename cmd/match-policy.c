/* qf-match-policy - the firms a policy is for that have not been handed
 * it yet (政策追着企业跑). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "qf/eligible.h"
#include "qf/firms.h"

static const char *usage_head(void)
{
	return _("Usage: qf match-policy [OPTION]... POLICY\n"
		 "List the firms that POLICY (its ID or a unique part of its title) fits\n"
		 "on a day and that have not been handed it yet, by a visit, at an event\n"
		 "or by qf deliver: one per line, the ID first, so that the list pipes\n"
		 "into qf deliver.\n"
		 "\n"
		 "  -d, --date DATE         the day (default: today)\n"
		 "  -a, --all               every firm it fits, with when and how it was\n"
		 "                          handed over\n"
		 "  -s, --sort KEY          id (default), name or handed\n"
		 "  -r, --reverse           the other way round\n");
}

static const char *usage_tail(void)
{
	return _("      --data DIR          the store (default: found from here, or $QF_DATA)\n"
		 "  -h, --help              show this help and exit\n"
		 "      --version           show the version and exit\n"
		 "\n"
		 "Fields: id, name, park, sector, tags, leader, handed (the first day it\n"
		 "was handed over), via (visit, event or delivered), source (the visit or\n"
		 "event, or how it was delivered).  The default is id, name, park, sector,\n"
		 "tags; with --all also handed, via, source.\n"
		 "\n"
		 "Exit status: 0 some listed, 1 none (a policy not in force on the day\n"
		 "fits none: said on standard error), 64 bad usage, 65 an ambiguous\n"
		 "title or a store file does not parse, 66 no store or no such policy.\n");
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

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "all", no_argument, NULL, 'a' },
		{ "sort", required_argument, NULL, 's' },
		{ "reverse", no_argument, NULL, 'r' },
		OUT_LONG_OPTIONS,
		COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	static const char *const columns[] = { "id", "name", "park", "sector",
		"tags", "leader", "handed", "via", "source" };
	static const int numeric[] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 };
	static const char *const defaults[] = { "id", "name", "park", "sector",
		"tags", "handed", "via", "source" };
	const char *data = NULL, *sort = "id";
	const char *sort_cols[] = { NULL, NULL };
	int all = 0, reverse = 0, ch, rc;
	struct out_opts out = OUT_OPTS_INIT;
	struct qf_handovers handed;
	struct qf_firms firms;
	struct qf_node *policy;
	struct qf_store *s;
	char *pfile = NULL;
	struct qf_error err;
	struct qf_table *t;
	struct qf_date d;
	char pid[QF_ID_MAX];
	enum qf_fit v;

	cmd_init("qf-match-policy");
	d = today();
	while ((ch = getopt_long(argc, argv, "d:as:rh", opts, NULL)) != -1) {
		if (out_option(&out, ch, optarg))
			continue;
		switch (ch) {
		case 'd': d = parse_date_opt("--date", optarg); break;
		case 'a': all = 1; break;
		case 's':
			if (strcmp(optarg, "id") && strcmp(optarg, "name") &&
			    strcmp(optarg, "handed"))
				die(QF_EUSAGE, _("--sort: '%s' is not id, name or handed"), optarg);
			sort = optarg;
			break;
		case 'r': reverse = 1; break;
		case 'h': list_help(usage_head(), usage_tail());
		case OPT_VERSION: version();
		case OPT_DATA: data = optarg; break;
		default: usage(QF_EUSAGE, NULL);
		}
	}
	if (optind == argc)
		die(QF_EUSAGE, _("which policy? give its ID or a part of its title"));
	if (optind + 1 < argc)
		die(QF_EUSAGE, _("one policy at a time ('%s' is one too many)"),
		    argv[optind + 1]);

	s = open_store(data);
	qf_error_clear(&err);
	if (qf_store_find_policy(s, argv[optind], pid, sizeof pid, &err) ||
	    qf_store_get(s, pid, &policy, &pfile, &err) ||
	    qf_policy_check_eligible(policy, pfile, &err))
		die_error(&err);
	free(pfile);
	if ((v = qf_policy_in_force(policy, &d)) != QF_FITS) {
		char day[16];
		warn(_("policy '%s' is not in force on %s: %s"), pid,
		     qf_date_format(&d, day, sizeof day), qf_fit_reason(v));
		qf_node_free(policy);
		qf_store_free(s);
		return QF_EFAIL;
	}
	if (!qf_policy_has_eligible(policy))
		warn(_("policy '%s' does not say whom it is for (eligible): it fits every firm"),
		     pid);
	if (qf_firms_load(s, &firms, out.fmt == QF_FMT_JSON ||
			  out.fmt == QF_FMT_YAML ? QF_FIRMS_RECORDS :
			  QF_FIRMS_NAMES, &err) ||
	    qf_handovers_load(s, pid, NULL, &d, &handed, &err))
		die_error(&err);
	if (!(t = qf_table_new(columns, numeric, 9)))
		die(QF_ESOFTWARE, _("out of memory"));
	sort_cols[0] = sort;
	out_prepare(t, defaults, all ? 8 : 5, sort_cols, &out, "name");
	for (size_t i = 0; i < firms.n; i++) {
		const struct qf_firm *f = &firms.v[i];
		const struct qf_handover *h;
		const char *cells[9];
		char day[16] = "", *taglist;

		if (qf_policy_fits(policy, f, &d) != QF_FITS)
			continue;
		h = qf_handovers_find(&handed, pid, f->id);
		if (h && !all)
			continue;
		if (h)
			qf_date_format(&h->date, day, sizeof day);
		taglist = tag_cell(f);
		cells[0] = f->id;
		cells[1] = f->name;
		cells[2] = f->park;
		cells[3] = f->sector;
		cells[4] = taglist;
		cells[5] = f->leader;
		cells[6] = day;
		cells[7] = h ? qf_handed_via_token(h->via) : "";
		cells[8] = h && h->source ? h->source : "";
		if (qf_table_add(t, cells, f->rec))
			die(QF_ESOFTWARE, _("out of memory"));
		free(taglist);
	}
	if (qf_table_sort(t, (size_t)qf_table_col(t, sort), reverse))
		die(QF_ESOFTWARE, _("out of memory"));
	rc = out_print(t, &out);
	qf_handovers_release(&handed);
	qf_firms_release(&firms);
	qf_node_free(policy);
	qf_store_free(s);
	return rc;
}
