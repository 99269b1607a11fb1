/* qf - run a qifu command: `qf add-visit ...` runs qf-add-visit, found
 * beside this program first, then on PATH (as git does), so a user's own
 * qf-foo script on PATH becomes `qf foo`. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common.h"

static const struct {
	const char *name, *what;
} commands[] = {
	{ "init", N_("create a store") },
	{ "add-firm", N_("register a firm") },
	{ "add-policy", N_("add a policy to the policy list") },
	{ "add-visit", N_("record a visit, its demands and policies handed over") },
	{ "add-event", N_("record a campaign event, its firms and outcomes") },
	{ "add-demand", N_("record a demand that came another way") },
	{ "deliver", N_("record a policy handed to firms outside a visit (送政策)") },
	{ "assign", N_("hand demands to a unit with a deadline (交办)") },
	{ "note", N_("log progress on demands") },
	{ "extend", N_("give demands a later deadline (延期)") },
	{ "return", N_("record that a unit sent demands back (退回)") },
	{ "urge", N_("log a reminder on overdue demands (催办)") },
	{ "escalate", N_("raise demands to a higher level (上报)") },
	{ "resolve", N_("close demands: resolved, adopted or declined") },
	{ "follow-up", N_("record the firm's satisfaction (回访)") },
	{ "reopen", N_("reopen closed demands (重办)") },
	{ "add-application", N_("record a project application (申报)") },
	{ "advance", N_("move applications on: 审核, 入库, 兑现 or rejected") },
	{ "list-applications", N_("list project applications") },
	{ "list-open", N_("list the demands not closed yet") },
	{ "list-firms", N_("list the register, with visits and open demands") },
	{ "list-visits", N_("list visits of a period, firm or visitor") },
	{ "match-policy", N_("list the firms a policy fits that have not had it") },
	{ "list-events", N_("list campaign events of a period, kind or firm") },
	{ "show", N_("print records in full, with their history") },
	{ "check", N_("report every problem in the store") },
	{ "monthly-report", N_("print the monthly bulletin") },
	{ "import", N_("add records from a spreadsheet saved as CSV") },
	{ "export", N_("write records as CSV, TSV, JSON, xlsx or SQL") },
};

static void list_commands(FILE *f)
{
	fputs(_("Usage: qf COMMAND [ARG]...\n"
		     "       qf --help | --version\n"
		     "\n"
		     "qifu keeps the firms a park serves, the visits to them, their demands\n"
		     "and what became of them, in a folder of YAML files.\n"
		     "\n"
		     "Commands:\n"), f);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(f, "  %-16s %s\n", commands[i].name, _(commands[i].what));
	fputs(_("\n'qf COMMAND --help' tells more of each; so does man qf-COMMAND.\n"
		"Any qf-NAME program on PATH runs as 'qf NAME'.\n"), f);
}

static int valid_name(const char *s)
{
	if (!*s || *s == '-')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		      *s == '-' || *s == '_'))
			return 0;
	return 1;
}

int main(int argc, char **argv)
{
	char exe[PATH_MAX], path[PATH_MAX + 160], prog[128];
	ssize_t n;

	cmd_init("qf");
	if (argc < 2) {
		list_commands(stderr);
		return QF_EUSAGE;
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") ||
	    !strcmp(argv[1], "help")) {
		if (argc > 2 && valid_name(argv[2])) {
			snprintf(prog, sizeof prog, "qf-%s", argv[2]);
			argv[1] = prog;
			argv[2] = "--help";
			argv++;
			argc--;
			goto run;
		}
		list_commands(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "--version"))
		version();
	if (!valid_name(argv[1]) || strlen(argv[1]) > 100)
		die(QF_EUSAGE, _("'%s' is not a qf command; see 'qf --help'"), argv[1]);
	snprintf(prog, sizeof prog, "qf-%s", argv[1]);
	argv[1] = prog;
	argv++;
	argc--;
run:
	fflush(stdout);
	/* Beside this program first. */
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		char *slash;
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/'))) {
			*slash = '\0';
			snprintf(path, sizeof path, "%s/%s", exe, prog);
			if (access(path, X_OK) == 0) {
				execv(path, argv);
				die(QF_EOS, _("cannot run '%s': %s"), path, strerror(errno));
			}
		}
	}
	execvp(prog, argv);
	if (errno == ENOENT)
		die(QF_EUSAGE, _("'%s' is not a qf command; see 'qf --help'"), prog + 3);
	die(QF_EOS, _("cannot run '%s': %s"), prog, strerror(errno));
}
