/* qf-advance - move applications (申报) along: to review (审核), into the
 * project library (入库), granted (兑现) or rejected; or note progress. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common.h"
#include "qf/application.h"

static const char *usage_text(void)
{
	return _("Usage: qf advance ID... --to STATUS [OPTION]...\n"
		 "   or: qf advance ID... --note TEXT [OPTION]...\n"
		 "Move applications on to a new status, or note their progress.\n"
		 "\n"
		 "  -t, --to STATUS         reviewing|审核中 (from filed), listed|已入库 (入库,\n"
		 "                          from filed or reviewing), granted|已兑现 (from\n"
		 "                          listed, with --granted), rejected|未通过 (from\n"
		 "                          any open status, with --note as the reason)\n"
		 "  -g, --granted AMOUNT    funds paid out: yuan, or as 2000万元, 1.2亿元\n"
		 "  -m, --note TEXT         the reason, or without --to a progress note\n"
		 "      --date DATE         the day it happened (default: today)\n"
		 "      --by NAME           who acts (default: $QF_USER, the store's user\n"
		 "                          setting, or $USER)\n"
		 "      --data DIR          the store (default: found from here, or $QF_DATA)\n"
		 "  -h, --help              show this help and exit\n"
		 "      --version           show the version and exit\n"
		 "\n"
		 "Application IDs come from the arguments or, with none, from standard\n"
		 "input (the first field of each line).  All or nothing: when one of them\n"
		 "cannot be moved, each refusal is reported and none is written.  Each\n"
		 "application changed is printed.\n"
		 "\n"
		 "Exit status: 0 every application changed, 64 bad usage, 65 the step does\n"
		 "not fit an application (nothing written), 66 no store or no such\n"
		 "application, 73 cannot write, 75 store busy, 78 bad qf.yaml or schemas.\n");
}

/* The action that leads to a status given by --to. */
static enum qf_app_act action_to(const char *status)
{
	switch (qf_app_status_from_name(status)) {
	case QF_APP_REVIEWING: return QF_APP_REVIEW;
	case QF_APP_LISTED: return QF_APP_LIST;
	case QF_APP_GRANTED: return QF_APP_GRANT;
	case QF_APP_REJECTED: return QF_APP_REJECT;
	default:
		die(QF_EUSAGE, _("--to: an application is moved to reviewing, listed, granted or rejected"));
	}
}

static void read_ids(struct qf_strv *ids, int argc, char **argv)
{
	char *line = NULL;
	size_t cap = 0;

	if (optind < argc) {
		for (int i = optind; i < argc; i++)
			strlist_add(ids, argv[i]);
		return;
	}
	if (isatty(STDIN_FILENO))
		die(QF_EUSAGE, _("which applications? give their IDs as arguments or on standard input"));
	while (getline(&line, &cap, stdin) > 0) {
		char *p = line + strspn(line, " \t");
		p[strcspn(p, " \t\r\n")] = '\0';
		if (*p && *p != '#')
			strlist_add(ids, p);
	}
	free(line);
}

int main(int argc, char **argv)
{
	enum { O_DATE = OPT_CMD_BASE, O_BY };
	static const struct option opts[] = {
		{ "to", required_argument, NULL, 't' },
		{ "granted", required_argument, NULL, 'g' },
		{ "note", required_argument, NULL, 'm' },
		{ "reason", required_argument, NULL, 'm' },
		{ "date", required_argument, NULL, O_DATE },
		{ "by", required_argument, NULL, O_BY },
		COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	const char *data = NULL, *by = NULL, *to = NULL;
	struct qf_strv ids = { 0 }, done = { 0 };
	struct qf_app_action a;
	struct qf_store *s;
	struct qf_batch *b;
	char amount[32];
	int c, has_date = 0, status = 0;

	cmd_init("qf-advance");
	memset(&a, 0, sizeof a);
	a.date = today();
	while ((c = getopt_long(argc, argv, "t:g:m:h", opts, NULL)) != -1) {
		switch (c) {
		case 't': to = vocab_arg(QF_V_APP_STATUS, "--to", optarg); break;
		case 'g': a.amount = money_text_arg("--granted", optarg, amount, sizeof amount); break;
		case 'm': a.note = optarg; break;
		case O_DATE: a.date = parse_date_opt("--date", optarg); has_date = 1; break;
		case O_BY: by = optarg; break;
		case 'h': usage(0, usage_text());
		case OPT_VERSION: version();
		case OPT_DATA: data = optarg; break;
		default: usage(QF_EUSAGE, NULL);
		}
	}
	if (to)
		a.act = action_to(to);
	else if (a.note && *a.note)
		a.act = QF_APP_NOTE;
	else
		die(QF_EUSAGE, _("to which status? (--to), or a progress note (--note)"));
	if (a.act == QF_APP_GRANT && !a.amount)
		die(QF_EUSAGE, _("how much was granted? (--granted)"));
	if (a.act != QF_APP_GRANT && a.amount)
		die(QF_EUSAGE, _("--granted goes with --to granted"));
	if (a.act == QF_APP_REJECT && (!a.note || !*a.note))
		die(QF_EUSAGE, _("rejecting needs the reason (--note)"));
	if (has_date) {
		struct qf_date t = today();
		if (qf_date_cmp(&a.date, &t) > 0)
			die(QF_EUSAGE, _("--date: the day is in the future"));
	}
	/* Every ID before the lock: the program writing into our pipe may be
	 * a writer itself. */
	read_ids(&ids, argc, argv);
	if (!ids.n)
		return QF_EFAIL;      /* nothing to move, as a list that found none */

	s = open_store(data);
	a.by = actor(s, by);
	lock_store(s);
	b = batch_or_die(s);
	for (size_t i = 0; i < ids.n; i++) {
		const char *id = ids.v[i];
		struct qf_node *rec = NULL;
		struct qf_error err;
		struct qf_id pid;
		char *file = NULL;
		size_t j;

		for (j = 0; j < done.n && strcmp(done.v[j], id); j++)
			;
		if (j < done.n)
			continue;         /* named twice: moved once */
		qf_error_clear(&err);
		if (qf_id_parse(id, &pid) || pid.type != QF_APPLICATION) {
			warn("%s: %s", id, _("not an application ID"));
			status = status ? status : QF_EDATA;
			continue;
		}
		if (qf_store_get(s, id, &rec, &file, &err)) {
			warn_error(&err);
			status = status ? status : err.code;
			continue;
		}
		if (qf_application_act(rec, &a, &err)) {
			if (err.code == QF_ESOFTWARE)
				die_error(&err);
			warn("%s: %s", id, err.msg);
			status = status ? status : err.code;
			qf_node_free(rec);
			free(file);
			continue;
		}
		free(file);
		strlist_add(&done, id);
		batch_rewrite(b, rec);
	}
	if (!status && done.n) {
		batch_commit(b);
		for (size_t i = 0; i < done.n; i++)
			printf("%s\n", done.v[i]);
	}
	qf_batch_free(b);
	qf_store_free(s);
	qf_strv_release(&ids);
	qf_strv_release(&done);
	return status;
}
