/* qf-monthly-report - the monthly bulletin (月通报). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "qf/report.h"

static const char *usage_text(void)
{
	return _("Usage: qf monthly-report [OPTION]...\n"
		 "Print the monthly bulletin of the store: visits, firms visited,\n"
		 "demands collected and resolved, for the month and since the\n"
		 "campaign start; the coverage of the register and the resolution\n"
		 "rate (resolved 本级 problems / 本级 problems) since the start.\n"
		 "\n"
		 "  -m, --month YYYY-MM     the month (default: the previous month)\n"
		 "  -f, --format FORMAT     markdown (default), text or json\n"
		 "      --lang zh|en        language (default: the store's `lang` setting)\n"
		 "      --data DIR          the store (default: found from here, or $QF_DATA)\n"
		 "  -h, --help              show this help and exit\n"
		 "      --version           show the version and exit\n"
		 "\n"
		 "The same store and month always give the same bytes, whatever the\n"
		 "locale: the language is the store's, so cron (LANG=C) gets Chinese.\n"
		 "\n"
		 "Exit status: 0 printed, 64 bad usage, 65 a store file does not parse,\n"
		 "66 no store, 78 bad qf.yaml or schemas.\n");
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "month", required_argument, NULL, 'm' },
		{ "format", required_argument, NULL, 'f' },
		{ "lang", required_argument, NULL, 'L' },
		COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	const char *data = NULL, *month = NULL, *lang = NULL;
	enum qf_report_format fmt = QF_REPORT_MARKDOWN;
	struct qf_month_figures f;
	struct qf_store *s;
	struct qf_error err;
	int c, y, m;
	char *text;

	cmd_init("qf-monthly-report");
	while ((c = getopt_long(argc, argv, "m:f:h", opts, NULL)) != -1) {
		switch (c) {
		case 'm': month = optarg; break;
		case 'f':
			if (!strcmp(optarg, "markdown") || !strcmp(optarg, "md"))
				fmt = QF_REPORT_MARKDOWN;
			else if (!strcmp(optarg, "text"))
				fmt = QF_REPORT_TEXT;
			else if (!strcmp(optarg, "json"))
				fmt = QF_REPORT_JSON;
			else
				die(QF_EUSAGE, _("--format: '%s' is not markdown, text or json"), optarg);
			break;
		case 'L':
			if (strcmp(optarg, "zh") && strcmp(optarg, "en"))
				die(QF_EUSAGE, _("--lang: '%s' is not zh or en"), optarg);
			lang = optarg;
			break;
		case 'h': usage(0, usage_text());
		case OPT_VERSION: version();
		case OPT_DATA: data = optarg; break;
		default: usage(QF_EUSAGE, NULL);
		}
	}
	if (optind < argc)
		usage(QF_EUSAGE, NULL);
	if (month) {
		if (qf_month_parse(month, &y, &m))
			die(QF_EUSAGE, _("--month: '%s' is not a month (YYYY-MM)"), month);
	} else {
		struct qf_date t = today();
		y = t.m == 1 ? t.y - 1 : t.y;
		m = t.m == 1 ? 12 : t.m - 1;
	}
	s = open_store(data);
	if (!lang)
		lang = qf_store_setting(s, "lang");
	qf_error_clear(&err);
	if (qf_report_month(s, y, m, &f, &err))
		die_error(&err);
	if (!(text = qf_report_render(&f, fmt, lang ? lang : "zh",
				      qf_store_setting(s, "organisation"))))
		die(QF_ESOFTWARE, _("out of memory"));
	fputs(text, stdout);
	free(text);
	qf_store_free(s);
	return 0;
}
