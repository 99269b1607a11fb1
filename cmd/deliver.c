/* qf-deliver - record a policy handed to firms outside a visit or an
 * event (送政策: by post, online, at the service hall). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common.h"
#include "qf/eligible.h"

static const char *usage_text(void)
{
	return _("Usage: qf deliver POLICY [--firm FIRM]... [OPTION]...\n"
		 "Record that POLICY (its ID or a unique part of its title) was handed to\n"
		 "firms outside a visit or an event, and print the IDs of the firms it was\n"
		 "recorded for.  With no --firm, read firms from standard input (the\n"
		 "first field of each line), so that qf match-policy pipes into it.  A\n"
		 "firm already handed the policy is passed over with a note.\n"
		 "\n"
		 "  -f, --firm FIRM         firm ID or a unique part of its name (repeatable)\n"
		 "  -d, --date DATE         day it was handed over (default: today)\n"
		 "      --by NAME           who handed it over (default: $QF_USER, the\n"
		 "                          store's user setting, or $USER)\n"
		 "      --via HOW           how: 上门, 邮寄, 微信, 窗口, ...\n"
		 "      --data DIR          the store (default: found from here, or $QF_DATA)\n"
		 "  -h, --help              show this help and exit\n"
		 "      --version           show the version and exit\n"
		 "\n"
		 "Every firm is checked before anything is written: an unknown firm, or a\n"
		 "day the policy is not in force, writes nothing.\n"
		 "\n"
		 "Exit status: 0 recorded, 1 every firm had it already (nothing written),\n"
		 "64 bad usage, 65 bad data or an ambiguous name (nothing written), 66 no\n"
		 "store or no such policy or firm, 73 cannot write, 75 store busy.\n");
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "firm", required_argument, NULL, 'f' },
		{ "date", required_argument, NULL, 'd' },
		{ "by", required_argument, NULL, 'B' },
		{ "via", required_argument, NULL, 'V' },
		COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	const char *data = NULL, *by = NULL, *via = NULL, *darg = NULL;
	struct qf_strv names = { 0 }, ids = { 0 };
	struct qf_handovers handed;
	struct qf_node *policy, *seq, *e;
	struct qf_date date, now;
	struct qf_store *s;
	struct qf_batch *b;
	char *pfile = NULL;
	struct qf_error err;
	char pid[QF_ID_MAX], day[16];
	enum qf_fit v;
	size_t added = 0;
	int c;

	cmd_init("qf-deliver");
	date = now = today();
	while ((c = getopt_long(argc, argv, "f:d:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f': strlist_add(&names, optarg); break;
		case 'd': date = parse_date_opt("--date", darg = optarg); break;
		case 'B': by = optarg; break;
		case 'V': via = optarg; break;
		case 'h': usage(0, usage_text());
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
	if (qf_date_cmp(&date, &now) > 0)
		die(QF_EUSAGE, _("--date: %s is in the future"), darg);
	if (via && !*via)
		die(QF_EUSAGE, _("--via: empty"));
	/* Read every firm before taking the lock: the program writing into
	 * our pipe reads the store too. */
	if (!names.n) {
		char *line = NULL;
		size_t cap = 0;
		if (isatty(STDIN_FILENO))
			die(QF_EUSAGE, _("which firms? give --firm or their IDs on standard input"));
		while (getline(&line, &cap, stdin) > 0) {
			char *p = line + strspn(line, " \t");
			p[strcspn(p, "\t\r\n")] = '\0';
			if (*p && *p != '#')
				strlist_add(&names, p);
		}
		free(line);
		if (!names.n)
			return QF_EFAIL;      /* nothing to deliver */
	}

	s = open_store(data);
	by = actor(s, by);
	lock_store(s);
	qf_error_clear(&err);
	if (qf_store_find_policy(s, argv[optind], pid, sizeof pid, &err) ||
	    qf_store_get(s, pid, &policy, &pfile, &err) ||
	    qf_policy_check_eligible(policy, pfile, &err))
		die_error(&err);
	free(pfile);
	qf_date_format(&date, day, sizeof day);
	if ((v = qf_policy_in_force(policy, &date)) != QF_FITS)
		die(QF_EDATA, _("policy '%s' is not in force on %s: %s"), pid, day,
		    qf_fit_reason(v));
	/* Every firm named, all known, before anything is written. */
	for (size_t i = 0; i < names.n; i++) {
		char fid[QF_ID_MAX];
		size_t j;
		firm_arg(s, names.v[i], fid, sizeof fid);
		for (j = 0; j < ids.n && strcmp(ids.v[j], fid); j++)
			;
		if (j == ids.n)
			strlist_add(&ids, fid);
	}
	if (qf_handovers_load(s, pid, NULL, NULL, &handed, &err))
		die_error(&err);
	if (!(seq = qf_node_get(policy, "delivered"))) {
		if (!(seq = qf_node_new_seq()) ||
		    qf_node_map_set(policy, "delivered", seq))
			die(QF_ESOFTWARE, _("out of memory"));
	} else if (seq->kind != QF_NODE_SEQ) {
		die(QF_EDATA, _("policy '%s': its 'delivered' is not a list (qf check says where)"),
		    pid);
	}
	for (size_t i = 0; i < ids.n; i++) {
		const struct qf_handover *h = qf_handovers_find(&handed, pid, ids.v[i]);
		char hd[16];

		if (h) {
			/* TRANSLATORS: firm, policy, day, visit/event/delivered. */
			warn(_("'%s' was handed '%s' already on %s (%s): passed over"),
			     ids.v[i], pid, qf_date_format(&h->date, hd, sizeof hd),
			     h->via == QF_HANDED_VISIT ? _("on a visit") :
			     h->via == QF_HANDED_EVENT ? _("at an event") :
			     _("delivered"));
			free(ids.v[i]);
			ids.v[i] = NULL;
			continue;
		}
		if (!(e = qf_node_new_map()))
			die(QF_ESOFTWARE, _("out of memory"));
		set_str(e, "firm", ids.v[i]);
		set_str(e, "date", day);
		set_str(e, "by", by);
		set_str(e, "via", via);
		if (qf_node_seq_append(seq, e))
			die(QF_ESOFTWARE, _("out of memory"));
		added++;
	}
	qf_handovers_release(&handed);
	if (!added) {
		/* Nothing new: every firm had it. */
		qf_node_free(policy);
		qf_store_free(s);
		qf_strv_release(&names);
		qf_strv_release(&ids);
		return QF_EFAIL;
	}
	b = batch_or_die(s);
	batch_rewrite(b, policy);
	batch_commit(b);
	for (size_t i = 0; i < ids.n; i++)
		if (ids.v[i])
			printf("%s\n", ids.v[i]);
	qf_batch_free(b);
	qf_strv_release(&names);
	qf_strv_release(&ids);
	qf_store_free(s);
	return 0;
}
