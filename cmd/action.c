/* action.c - the driver behind the commands that act on demands. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "action.h"
#include "common.h"
#include "qf/schema.h"

enum {
	O_DEPT = 'd', O_OWNER = 'o', O_NOTE = 'm', O_SAT = 's',
	O_CODEPT = OPT_CMD_BASE, O_DUE, O_DAYS, O_BY, O_DATE, O_DECLINE
};

/* Which options each action takes (the rest are usage errors). */
static const char *const allowed[QF_NACTS] = {
	[QF_ACT_ASSIGN] = "dept codept owner due days note by date",
	[QF_ACT_NOTE] = "note by date",
	[QF_ACT_EXTEND] = "due days note by date",
	[QF_ACT_RETURN] = "note by date",
	[QF_ACT_URGE] = "note by date",
	[QF_ACT_ESCALATE] = "note by date",
	[QF_ACT_RESOLVE] = "note decline by date",
	[QF_ACT_FOLLOW_UP] = "satisfaction due days note by date",
	[QF_ACT_REOPEN] = "due days note by date",
};

/* The part of the help every action shares, after its own options. */
static const char *common_help(void)
{
	return _("      --by NAME           who acts (default: $QF_USER, the store's user\n"
		 "                          setting, or $USER)\n"
		 "      --date DATE         the day it happened (default: today)\n"
		 "      --data DIR          the store (default: found from here, or $QF_DATA)\n"
		 "  -h, --help              show this help and exit\n"
		 "      --version           show the version and exit\n"
		 "\n"
		 "Demand IDs come from the arguments or, with none, from standard input\n"
		 "(the first field of each line), so lists pipe into it.  Each demand\n"
		 "changed is printed; each refused one is reported and the rest go on.\n"
		 "\n"
		 "Exit status: 0 every demand changed; else that of the first failure:\n"
		 "64 bad usage, 65 the action does not fit the demand (nothing written\n"
		 "for it), 66 no store or no such demand, 73 cannot write, 75 store\n"
		 "busy, 78 bad qf.yaml or schemas.\n");
}

static void check_allowed(enum qf_act act, const char *name)
{
	const char *p = strstr(allowed[act], name);
	size_t n = strlen(name);

	if (!p || (p != allowed[act] && p[-1] != ' ') ||
	    (p[n] && p[n] != ' '))
		die(QF_EUSAGE, _("--%s does not apply to %s"), name,
		    qf_act_name(act));
}

/* A department of the store's catalogue (qf_store_find_dept), or a usage
 * error naming the option. */
static const char *resolve_dept(const struct qf_store *s, const char *name,
				const char *opt)
{
	struct qf_error err;
	const char *dept;

	qf_error_clear(&err);
	if (qf_store_find_dept(s, name, &dept, &err))
		die(err.code, "%s: %s", opt, err.msg);
	return dept;
}

static long parse_days(const char *arg, const char *opt)
{
	char *end;
	long v = strtol(arg, &end, 10);

	if (!*arg || *end || v < 1 || v > 3650)
		die(QF_EUSAGE, _("%s: '%s' is not a number of days from 1 to 3650"),
		    opt, arg);
	return v;
}

/* What an action cannot do without: a usage error once, not a refusal per
 * demand. */
static void require(const struct qf_action *a, long days)
{
	switch (a->act) {
	case QF_ACT_ASSIGN:
		if (!a->dept)
			die(QF_EUSAGE, _("to which unit? (--dept)"));
		break;
	case QF_ACT_NOTE:
		if (!a->note || !*a->note)
			die(QF_EUSAGE, _("a progress note needs its text (--note)"));
		break;
	case QF_ACT_EXTEND:
		if (!a->has_due && !days)
			die(QF_EUSAGE, _("until when? (--due or --days)"));
		if (!a->note || !*a->note)
			die(QF_EUSAGE, _("an extension needs a reason (--reason)"));
		break;
	case QF_ACT_RETURN:
		if (!a->note || !*a->note)
			die(QF_EUSAGE, _("a return needs a reason (--reason)"));
		break;
	case QF_ACT_RESOLVE:
		if (!a->note || !*a->note)
			die(QF_EUSAGE, _("what was done? (--resolution)"));
		break;
	case QF_ACT_FOLLOW_UP:
		if (!a->satisfaction)
			die(QF_EUSAGE, _("how satisfied is the firm? (--satisfaction)"));
		break;
	case QF_ACT_REOPEN:
		if (!a->note || !*a->note)
			die(QF_EUSAGE, _("reopening needs a reason (--reason)"));
		break;
	default:
		break;
	}
}

struct run {
	struct qf_store *s;
	struct qf_action a;
	long days;            /* --days, or 0 */
	int has_date;
	int status;           /* first failure's exit status */
	int done;
};

/* One report per refused demand: "file:line:col: ID: message" when a
 * record in a file is at fault, else "ID: message". */
static void failed_at(struct run *r, const char *id, int code,
		      const char *file, unsigned line, unsigned col,
		      const char *msg)
{
	if (file && *file && line)
		warn("%s:%u:%u: %s: %s", file, line, col, id, msg);
	else
		warn("%s: %s", id, msg);
	if (!r->status)
		r->status = code ? code : 1;
}

static void failed(struct run *r, const char *id, int code, const char *msg)
{
	failed_at(r, id, code, NULL, 0, 0, msg);
}

static void failed_err(struct run *r, const char *id, const struct qf_error *e)
{
	failed_at(r, id, e->code, e->file, e->line, e->col, e->msg);
}

static void act_on(struct run *r, const char *id)
{
	struct qf_action a = r->a;
	struct qf_node *rec = NULL;
	struct qf_error err;
	struct qf_id pid;
	const struct qf_schema *schema;
	struct qf_diags d;
	char *file = NULL;

	qf_error_clear(&err);
	if (qf_id_parse(id, &pid) || pid.type != QF_DEMAND) {
		failed(r, id, QF_EDATA, _("not a demand ID"));
		return;
	}
	if (qf_store_get(r->s, id, &rec, &file, &err)) {
		failed_err(r, id, &err);
		return;
	}
	/* Due dates: --due, or --days from the action's day (from the
	 * current due date for an extension), or the store's period. */
	if (!a.has_due) {
		struct qf_date base = a.date;
		long days = r->days;
		const char *cur = qf_node_get_str(rec, "due");

		if (a.act == QF_ACT_EXTEND && days && cur)
			qf_date_parse(cur, &base);
		if (!days && (a.act == QF_ACT_ASSIGN ||
			      a.act == QF_ACT_FOLLOW_UP ||
			      a.act == QF_ACT_REOPEN))
			days = qf_store_setting_int(r->s, "due_days", 15);
		if (days) {
			a.due = base;
			qf_date_add_days(&a.due, days);
			a.has_due = 1;
		}
	}
	if (qf_demand_act(rec, &a, &err)) {
		failed_err(r, id, &err);
		goto out;
	}
	if (qf_store_schema(r->s, QF_DEMAND, &schema, &err))
		die_error(&err);
	qf_diags_init(&d);
	if (qf_schema_validate(schema, rec, file, qf_store_ref_exists, r->s, &d)) {
		if (d.n)
			failed_at(r, id, QF_EDATA, d.v[0].file, d.v[0].line,
				  d.v[0].col, d.v[0].msg);
		else
			failed(r, id, QF_ESOFTWARE, _("out of memory"));
		qf_diags_release(&d);
		goto out;
	}
	qf_diags_release(&d);
	if (qf_store_rewrite(r->s, rec, &err)) {
		failed_err(r, id, &err);
		goto out;
	}
	printf("%s\n", id);
	r->done++;
out:
	free(file);
	qf_node_free(rec);
}

int action_main(const char *prog, enum qf_act act,
		const char *(*usage_text)(void), int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dept", required_argument, NULL, O_DEPT },
		{ "codept", required_argument, NULL, O_CODEPT },
		{ "owner", required_argument, NULL, O_OWNER },
		{ "due", required_argument, NULL, O_DUE },
		{ "days", required_argument, NULL, O_DAYS },
		{ "note", required_argument, NULL, O_NOTE },
		{ "reason", required_argument, NULL, O_NOTE },
		{ "resolution", required_argument, NULL, O_NOTE },
		{ "satisfaction", required_argument, NULL, O_SAT },
		{ "decline", no_argument, NULL, O_DECLINE },
		{ "by", required_argument, NULL, O_BY },
		{ "date", required_argument, NULL, O_DATE },
		COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	const char *data = NULL, *by = NULL, *dept = NULL, *argv_date = NULL;
	struct qf_strv codepts = { 0 }, resolved = { 0 }, ids = { 0 };
	struct run r;
	int c;

	cmd_init(prog);
	memset(&r, 0, sizeof r);
	r.a.act = act;
	r.a.date = today();
	while ((c = getopt_long(argc, argv, "d:o:m:s:h", opts, NULL)) != -1) {
		switch (c) {
		case O_DEPT: check_allowed(act, "dept"); dept = optarg; break;
		case O_CODEPT: check_allowed(act, "codept"); strlist_add_split(&codepts, optarg); break;
		case O_OWNER: check_allowed(act, "owner"); r.a.owner = optarg; break;
		case O_DUE:
			check_allowed(act, "due");
			r.a.due = parse_date_opt("--due", optarg);
			r.a.has_due = 1;
			break;
		case O_DAYS: check_allowed(act, "days"); r.days = parse_days(optarg, "--days"); break;
		case O_NOTE: check_allowed(act, "note"); r.a.note = optarg; break;
		case O_SAT:
			check_allowed(act, "satisfaction");
			r.a.satisfaction = vocab_arg(QF_V_SATISFACTION, "--satisfaction", optarg);
			break;
		case O_DECLINE: check_allowed(act, "decline"); r.a.decline = 1; break;
		case O_BY: by = optarg; break;
		case O_DATE:
			r.a.date = parse_date_opt("--date", argv_date = optarg);
			r.has_date = 1;
			break;
		case 'h':
			fputs(usage_text(), stdout);
			usage(0, common_help());
		case OPT_VERSION: version();
		case OPT_DATA: data = optarg; break;
		default: usage(QF_EUSAGE, NULL);
		}
	}
	if (r.a.has_due && r.days)
		die(QF_EUSAGE, _("give --due or --days, not both"));
	r.a.dept = dept;          /* named from the catalogue below */
	require(&r.a, r.days);
	if (r.has_date) {
		struct qf_date t = today();
		if (qf_date_cmp(&r.a.date, &t) > 0)
			die(QF_EUSAGE, _("--date: %s is in the future"), argv_date);
	}
	if (optind == argc && isatty(STDIN_FILENO))
		die(QF_EUSAGE, _("which demands? give their IDs as arguments or on standard input"));
	/* Read every ID before taking the lock: the program writing into our
	 * pipe may be a writer itself (qf add-visit ... | qf assign). */
	if (optind < argc) {
		for (int i = optind; i < argc; i++)
			strlist_add(&ids, argv[i]);
	} else {
		char *line = NULL;
		size_t cap = 0;
		while (getline(&line, &cap, stdin) > 0) {
			char *p = line + strspn(line, " \t");
			p[strcspn(p, " \t\r\n")] = '\0';
			if (*p && *p != '#')
				strlist_add(&ids, p);
		}
		free(line);
	}

	r.s = open_store(data);
	r.a.by = actor(r.s, by);
	if (dept)
		r.a.dept = resolve_dept(r.s, dept, "--dept");
	for (size_t i = 0; i < codepts.n; i++) {
		const char *d = resolve_dept(r.s, codepts.v[i], "--codept");
		size_t j;
		/* 金融办,金融 name one unit: keep it once. */
		for (j = 0; j < resolved.n && strcmp(resolved.v[j], d); j++)
			;
		if (j == resolved.n)
			strlist_add(&resolved, d);
	}
	r.a.codepts = (const char *const *)resolved.v;
	r.a.ncodepts = resolved.n;
	if (ids.n)
		lock_store(r.s);
	for (size_t i = 0; i < ids.n; i++)
		act_on(&r, ids.v[i]);
	qf_store_free(r.s);
	qf_strv_release(&ids);
	qf_strv_release(&codepts);
	qf_strv_release(&resolved);
	return r.status;
}
