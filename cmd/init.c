/* qf-init - create a store. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common.h"
#include "qf/file.h"
#include "qf/id.h"
#include "qf/yaml.h"

static const char *usage_text(void)
{
	return _("Usage: qf init --site CODE [OPTION]... [DIR]\n"
		 "Create a qifu store in DIR (default: the current directory).\n"
		 "\n"
		 "  -s, --site CODE         site code used in every ID, for good: 2 to 8\n"
		 "                          capital letters or digits (e.g. HY) (required)\n"
		 "  -o, --org NAME          organisation, printed on bulletins\n"
		 "      --campaign NAME     name of the campaign (三送三解三优)\n"
		 "      --start DATE        campaign start (default: today)\n"
		 "      --lang zh|en        language of reports (default: zh)\n"
		 "      --due-days N        default period for assigned demands (15)\n"
		 "      --dept NAME         a department of the catalogue (repeatable)\n"
		 "      --data DIR          the same as giving DIR\n"
		 "  -h, --help              show this help and exit\n"
		 "      --version           show the version and exit\n"
		 "\n"
		 "Exit status: 0 created, 64 bad usage, 73 cannot create (or a store\n"
		 "exists there already).\n");
}

static void add_int(struct qf_node *map, const char *key, long v)
{
	char buf[32];
	struct qf_node *n;

	snprintf(buf, sizeof buf, "%ld", v);
	n = qf_node_new_scalar_len(buf, strlen(buf), QF_STYPE_INT);
	if (!n || qf_node_map_set(map, key, n))
		die(QF_ESOFTWARE, _("out of memory"));
}

static void make_dir(const char *dir, const char *sub)
{
	char path[4096];
	struct qf_error err;

	qf_error_clear(&err);
	snprintf(path, sizeof path, "%s/%s", dir, sub);
	if (qf_file_mkdir(path, 0777, &err))
		die_error(&err);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "site", required_argument, NULL, 's' },
		{ "org", required_argument, NULL, 'o' },
		{ "campaign", required_argument, NULL, 'c' },
		{ "start", required_argument, NULL, 'S' },
		{ "lang", required_argument, NULL, 'l' },
		{ "due-days", required_argument, NULL, 'd' },
		{ "dept", required_argument, NULL, 'D' },
		COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	const char *site = NULL, *org = NULL, *campaign = NULL, *lang = "zh";
	const char *dir = ".";
	struct qf_date start;
	long due_days = 15;
	struct qf_strv depts = { 0 };
	struct qf_node *cfg;
	struct qf_error err;
	char *text, path[4096], datebuf[16];
	size_t len;
	struct stat st;
	int c;

	cmd_init("qf-init");
	start = today();
	while ((c = getopt_long(argc, argv, "s:o:h", opts, NULL)) != -1) {
		switch (c) {
		case 's': site = optarg; break;
		case 'o': org = optarg; break;
		case 'c': campaign = optarg; break;
		case 'S': start = parse_date_opt("--start", optarg); break;
		case 'l': lang = optarg; break;
		case 'd': {
			char *end;
			errno = 0;
			due_days = strtol(optarg, &end, 10);
			if (errno || *end || due_days < 1 || due_days > 365)
				die(QF_EUSAGE, _("--due-days: '%s' is not a number of days from 1 to 365"), optarg);
			break;
		}
		case 'D': strlist_add_split(&depts, optarg); break;
		case 'h': usage(0, usage_text());
		case OPT_VERSION: version();
		case OPT_DATA: dir = optarg; break;
		default: usage(QF_EUSAGE, NULL);
		}
	}
	if (optind < argc)
		dir = argv[optind++];
	no_operands(argc, argv);
	if (!site)
		die(QF_EUSAGE, _("a store needs a site code (--site), e.g. --site HY: it is part of every ID"));
	if (!qf_site_valid(site))
		die(QF_EUSAGE, _("--site: '%s' is not a site code (2 to 8 capital letters or digits, starting with a letter)"), site);
	if (strcmp(lang, "zh") && strcmp(lang, "en"))
		die(QF_EUSAGE, _("--lang: '%s' is not zh or en"), lang);
	if (!org)
		org = site;

	snprintf(path, sizeof path, "%s%sqf.yaml", strcmp(dir, ".") ? dir : "",
		 strcmp(dir, ".") ? "/" : "");
	if (stat(path, &st) == 0)
		die(QF_ECANTCREAT, _("'%s' exists: there is a store here already"), path);
	qf_error_clear(&err);
	if (stat(dir, &st) != 0 && qf_file_mkdir(dir, 0777, &err))
		die_error(&err);

	if (!(cfg = qf_node_new_map()))
		die(QF_ESOFTWARE, _("out of memory"));
	set_str(cfg, "site", site);
	set_str(cfg, "organisation", org);
	set_str(cfg, "campaign", campaign);
	set_str(cfg, "campaign_start", qf_date_format(&start, datebuf, sizeof datebuf));
	set_str(cfg, "lang", lang);
	add_int(cfg, "due_days", due_days);
	add_int(cfg, "threshold", 90);
	set_list(cfg, "departments", &depts);
	if (qf_yaml_emit(cfg, &text, &len, &err))
		die_error(&err);

	make_dir(dir, "firms");
	make_dir(dir, "policies");
	make_dir(dir, "visits");
	make_dir(dir, "demands");
	make_dir(dir, "applications");
	make_dir(dir, "events");
	snprintf(path, sizeof path, "%s/.gitignore", dir);
	if (stat(path, &st) != 0 &&
	    qf_file_replace(path, "qf.lock\nqf.journal\n", 19, 0666, &err))
		die_error(&err);
	snprintf(path, sizeof path, "%s/qf.yaml", dir);
	if (qf_file_replace(path, text, len, 0666, &err))
		die_error(&err);
	free(text);
	qf_node_free(cfg);
	qf_strv_release(&depts);
	printf(_("created store '%s' (site %s)\n"), dir, site);
	return 0;
}
