/* qf-monthly-report - the monthly bulletin (月通报). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "qf/lang.h"
#include "qf/publish.h"
#include "qf/report.h"
#include "qf/text.h"
#include "qf/xlsx.h"

static const char *usage_text(void)
{
	return _("Usage: qf monthly-report [OPTION]...\n"
		 "Print the monthly bulletin of the store: visits, firms visited,\n"
		 "demands collected and resolved, for the month and since the\n"
		 "campaign start; the coverage of the register and the resolution\n"
		 "rate (resolved 本级 problems / 本级 problems) since the start.\n"
		 "\n"
		 "  -m, --month YYYY-MM     the month (default: the previous month)\n"
		 "  -w, --week WEEK         a week instead, for the weekly meeting (每周碰头会):\n"
		 "                          YYYY-Www (2023-W36), a day in it, or 'last'\n"
		 "  -f, --format FORMAT     markdown (default), text, html (one file, charts\n"
		 "                          inline, prints on A4), json, csv or xlsx (a\n"
		 "                          workbook: a sheet per table of the bulletin)\n"
		 "  -o, --output FILE       write FILE (put in place only when whole);\n"
		 "                          default: standard output (xlsx: not a terminal)\n"
		 "      --lang zh|en        language (default: the store's `lang` setting)\n"
		 "      --publish           keep the bulletin and its figures in the store\n"
		 "                          (reports/YYYY-MM.*); later runs for that month\n"
		 "                          then say which figures moved since, and why\n"
		 "      --data DIR          the store (default: found from here, or $QF_DATA)\n"
		 "  -h, --help              show this help and exit\n"
		 "      --version           show the version and exit\n"
		 "\n"
		 "The same store and month always give the same bytes, whatever the\n"
		 "locale: the language is the store's, so cron (LANG=C) gets Chinese.\n"
		 "\n"
		 "Exit status: 0 printed, 64 bad usage, 65 a store file does not parse,\n"
		 "66 no store, 73 published already, cannot write reports/ or cannot\n"
		 "create the -o file, 74 cannot write it, 75 store busy (--publish),\n"
		 "78 bad qf.yaml or schemas.\n");
}

/* --week: "2023-W36", a day of the week, or "last" (the week before
 * today's). */
static void week_of(const char *arg, struct qf_date *mon, struct qf_date *sun,
		    int *wk, int *wy)
{
	struct qf_date d;
	int y = 0, w = 0, iso = 0;
	char tail;

	if (!strcmp(arg, "last")) {
		d = today();
		qf_date_add_days(&d, -7);
	} else if (strlen(arg) == 8 &&
		   sscanf(arg, "%4d-W%2d%c", &y, &w, &tail) == 2 &&
		   y >= 1900 && w >= 1 && w <= 53) {
		/* 4 January is always in week 1. */
		d = (struct qf_date){ y, 1, 4 };
		qf_date_add_days(&d, 7L * (w - 1));
		iso = 1;
	} else if (qf_date_parse(arg, &d)) {
		die(QF_EUSAGE, _("--week: '%s' is not a week (2023-W36), a date or 'last'"), arg);
	}
	qf_iso_week(&d, mon, sun, wk, wy);
	if (iso && (*wy != y || *wk != w))
		die(QF_EUSAGE, _("--week: %d has no week %d"), y, w);
}

/* --publish: keep the bulletin (Markdown) and its figures.  Otherwise, if
 * the period was published, say on stderr what moved since: stdout stays
 * the bulletin of the store as it is.  Both are said in the bulletin's
 * language, like the bulletin (qf/lang.h). */
static void frozen(struct qf_store *s, const struct qf_month_figures *f,
		   const char *key, int publish, const char *lang)
{
	struct qf_error err;
	char *csv = qf_report_render(f, QF_REPORT_CSV, lang, NULL);
	char *md = qf_report_render(f, QF_REPORT_MARKDOWN, lang,
				    qf_store_setting(s, "organisation"));
	char *changes = NULL;
	struct qf_lang scope;

	qf_error_clear(&err);
	if (!csv || !md)
		die(QF_ESOFTWARE, _("out of memory"));
	if (publish) {
		lock_store(s);
		if (qf_publish(s, key, md, csv, &err))
			die_error(&err);
		qf_store_unlock(s);
		qf_lang_push(&scope, lang);
		warn(_("%s published: the bulletin and its figures are kept in reports/ of the store"), key);
		qf_lang_pop(&scope);
	} else if (qf_publish_changes(s, key, csv, lang, &changes, &err) == QF_OK &&
		   *changes) {
		char *line = changes, *nl;
		qf_lang_push(&scope, lang);
		warn(_("%s was published; since then these figures changed (section,figure: month,cumulative), and these records:"),
		     key);
		qf_lang_pop(&scope);
		for (; *line; line = nl + 1) {
			char *e;
			if (!(nl = strchr(line, '\n')))
				break;
			*nl = '\0';
			if (!(e = qf_text_escape(line, 0)))
				die(QF_ESOFTWARE, _("out of memory"));
			fprintf(stderr, "  %s\n", e);
			free(e);
		}
	} else if (err.code && err.code != QF_ENOINPUT) {
		die_error(&err);
	}
	free(changes);
	free(csv);
	free(md);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "month", required_argument, NULL, 'm' },
		{ "week", required_argument, NULL, 'w' },
		{ "publish", no_argument, NULL, 'P' },
		{ "format", required_argument, NULL, 'f' },
		{ "lang", required_argument, NULL, 'L' },
		{ "output", required_argument, NULL, 'o' },
		COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	const char *data = NULL, *month = NULL, *lang = NULL, *week = NULL;
	const char *dest = NULL;
	int publish = 0, xlsx = 0;
	struct outfile out;
	char key[16];
	enum qf_report_format fmt = QF_REPORT_MARKDOWN;
	struct qf_month_figures f;
	struct qf_store *s;
	struct qf_error err;
	int c, y, m;
	char *text = NULL;

	cmd_init("qf-monthly-report");
	while ((c = getopt_long(argc, argv, "m:w:f:o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'm': month = optarg; break;
		case 'w': week = optarg; break;
		case 'P': publish = 1; break;
		case 'o': dest = optarg; break;
		case 'f':
			xlsx = 0;
			if (!strcmp(optarg, "xlsx"))
				xlsx = 1;
			else if (!strcmp(optarg, "markdown") || !strcmp(optarg, "md"))
				fmt = QF_REPORT_MARKDOWN;
			else if (!strcmp(optarg, "text"))
				fmt = QF_REPORT_TEXT;
			else if (!strcmp(optarg, "json"))
				fmt = QF_REPORT_JSON;
			else if (!strcmp(optarg, "csv"))
				fmt = QF_REPORT_CSV;
			else if (!strcmp(optarg, "html"))
				fmt = QF_REPORT_HTML;
			else
				die(QF_EUSAGE, _("--format: '%s' is not markdown, text, html, json, csv or xlsx"), optarg);
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
	no_operands(argc, argv);
	if (xlsx && !dest && stdout_is_tty())
		die(QF_EUSAGE, _("xlsx is not for a terminal: give -o FILE or redirect the output"));
	if (month && week)
		die(QF_EUSAGE, _("give --month or --week, not both"));
	if (month) {
		if (qf_month_parse(month, &y, &m))
			die(QF_EUSAGE, _("--month: '%s' is not a month (YYYY-MM)"), month);
	} else {
		struct qf_date t = today();
		y = t.m == 1 ? t.y - 1 : t.y;
		m = t.m == 1 ? 12 : t.m - 1;
	}
	s = open_store(data);
	if (publish)
		lock_store(s);  /* the figures and the records kept: one state */
	if (!lang)
		lang = qf_store_setting(s, "lang");
	qf_error_clear(&err);
	if (week) {
		struct qf_date mon, sun;
		int wk, wy;
		week_of(week, &mon, &sun, &wk, &wy);
		if (qf_report_period(s, &mon, &sun, wk, &f, &err)) {
			qf_report_release(&f);
			die_error(&err);
		}
	} else if (qf_report_month(s, y, m, &f, &err)) {
		qf_report_release(&f);
		die_error(&err);
	}
	if (!xlsx && !(text = qf_report_render(&f, fmt, lang ? lang : "zh",
				      qf_store_setting(s, "organisation"))))
		die(QF_ESOFTWARE, _("out of memory"));
	if (f.week) {
		struct qf_date thu = f.start;   /* the week's ISO year */
		qf_date_add_days(&thu, 3);
		snprintf(key, sizeof key, "%04d-W%02d", thu.y, f.week);
	} else {
		snprintf(key, sizeof key, "%04d-%02d", f.year, f.month);
	}
	frozen(s, &f, key, publish, lang ? lang : "zh");
	outfile_open(&out, dest, xlsx);
	if (xlsx) {
		/* libxlsxwriter writes a file by its name. */
		fclose(out.f);
		out.f = NULL;
		if (qf_xlsx_report(&f, lang ? lang : "zh",
				   qf_store_setting(s, "organisation"), out.tmp,
				   &err))
			die_error(&err);
	} else {
		fputs(text, out.f);
		free(text);
	}
	outfile_commit(&out);
	qf_report_release(&f);
	qf_store_free(s);
	return 0;
}
