/* test_report.c - the monthly bulletin's figures and their rendering
 * (report.c), on a store written into a temporary directory where every
 * figure is known by construction. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "qf/report.h"

#define SCHEMAS QF_TEST_SOURCE_DIR "/schemas"

struct ctx {
	char dir[64];
	char root[96];
	struct qf_store *s;
};

static void rm_rf(const char *path)
{
	struct stat st;
	DIR *d;
	struct dirent *de;
	char p[PATH_MAX];

	if (lstat(path, &st) != 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlink(path);
		return;
	}
	if ((d = opendir(path))) {
		while ((de = readdir(d))) {
			if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
				continue;
			snprintf(p, sizeof(p), "%s/%s", path, de->d_name);
			rm_rf(p);
		}
		closedir(d);
	}
	rmdir(path);
}

static void put(struct ctx *c, const char *rel, const char *text)
{
	char p[PATH_MAX];
	const char *slash = strchr(rel, '/');
	FILE *fp;
	size_t len = strlen(text);

	if (slash) {
		snprintf(p, sizeof(p), "%s/%.*s", c->root, (int)(slash - rel),
			 rel);
		assert_true(mkdir(p, 0777) == 0 || errno == EEXIST);
	}
	snprintf(p, sizeof(p), "%s/%s", c->root, rel);
	fp = fopen(p, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(text, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
}

/*
 * The fixture, for May 2023; the campaign started on 2023-03-01.
 *
 * Firms: 0001 (since 03-01), 0002 (04-10), 0003 (no date), 0004 (05-31,
 * the last day) are in the register at month end; 0005 (since 06-01) is
 * not.  firms = 4.
 *
 * Visits: 02-20 to 0003 (before the campaign: not cumulative), 04-12 to
 * 0002, 05-04 and 05-18 to 0001 (twice), 05-31 to 0004, 06-01 to 0003
 * (after the month: ignored).
 *   month: visits 3, firms visited 2 (0001, 0004)
 *   cumulative: visits 4, firms visited 3 (0002, 0001, 0004)
 *   coverage 3/4 = 75.0%
 *
 * Demands (kind level, opened, status, closed, due):
 *   B1 problem local  02-10 resolved 02-25         before the campaign
 *   A1 problem local  04-03 resolved 04-20
 *   A2 problem local  04-10 resolved 05-12         resolved in May
 *   A3 problem local  04-15 assigned       due 05-15   overdue
 *   A4 problem higher 04-20 resolved 05-20         higher level
 *   A5 problem local  04-25 resolved 06-05 due 05-31   open at month end
 *   M1 problem local  05-02 resolved 05-25         opened+closed in May
 *   M2 sugg.   local  05-05 adopted  05-28
 *   M3 sugg.   higher 05-08 open
 *   M4 problem local  05-10 assigned       due 05-30   overdue
 *   M5 problem local  05-12 declined 05-20
 *   J1 problem local  06-01 open                   after the month
 *
 *   month: demands 5 (M1-M5), problems 3, suggestions 2, local 4,
 *     higher 1, local problems 3 (M1 M4 M5), resolved 3 (A2 A4 M1),
 *     local resolved 2 (A2 M1), adopted 1 (M2)
 *   cumulative: demands 10 (A1-A5, M1-M5), problems 8, suggestions 2,
 *     local 8, higher 2, local problems 7, resolved 4 (A1 A2 A4 M1),
 *     local resolved 3 (A1 A2 M1), adopted 1; rate 3/7 = 42.9%
 *   open at month end 4 (A3 A5 M3 M4), overdue 2 (A3 M4; A5 is due on
 *     the last day, not before it)
 */
static const char firms[] =
	"---\nid: F-HY-0001\nname: 一厂\nsince: 2023-03-01\n"
	"---\nid: F-HY-0002\nname: 二厂\nsince: 2023-04-10\n"
	"---\nid: F-HY-0003\nname: 三厂\n"
	"---\nid: F-HY-0004\nname: 四厂\nsince: 2023-05-31\n"
	"---\nid: F-HY-0005\nname: 五厂\nsince: 2023-06-01\n";

#define VISIT(id, date, firm) \
	"---\nid: " id "\ndate: " date "\nfirm: " firm \
	"\nvisitors: [张三]\nkind: visit\n"

#define DEMAND(id, kind, level, opened, status, more) \
	"---\nid: " id "\nfirm: F-HY-0001\nopened: " opened "\nkind: " kind \
	"\nlevel: " level "\ncategory: other\ntitle: t\nstatus: " status \
	"\n" more

static int setup(void **state)
{
	struct ctx *c = calloc(1, sizeof(*c));
	struct qf_error err;

	if (!c)
		return -1;
	snprintf(c->dir, sizeof(c->dir), "/tmp/qf-test-report-XXXXXX");
	if (!mkdtemp(c->dir)) {
		free(c);
		return -1;
	}
	snprintf(c->root, sizeof(c->root), "%s/s", c->dir);
	if (mkdir(c->root, 0777) != 0) {
		rmdir(c->dir);
		free(c);
		return -1;
	}
	*state = c;
	put(c, "qf.yaml",
	    "site: HY\norganisation: 衡阳高新区管委会\n"
	    "campaign_start: 2023-03-01\n");
	put(c, "firms/HY.yaml", firms);
	put(c, "visits/2023-02.yaml",
	    VISIT("V-HY-202302-0001", "2023-02-20", "F-HY-0003"));
	put(c, "visits/2023-04.yaml",
	    VISIT("V-HY-202304-0001", "2023-04-12", "F-HY-0002"));
	put(c, "visits/2023-05.yaml",
	    VISIT("V-HY-202305-0001", "2023-05-04", "F-HY-0001")
	    VISIT("V-HY-202305-0002", "2023-05-18", "F-HY-0001")
	    VISIT("V-HY-202305-0003", "2023-05-31", "F-HY-0004"));
	put(c, "visits/2023-06.yaml",
	    VISIT("V-HY-202306-0001", "2023-06-01", "F-HY-0003"));
	put(c, "demands/2023-02.yaml",
	    DEMAND("D-HY-202302-0001", "problem", "local", "2023-02-10",
		   "resolved", "closed: 2023-02-25\nresolution: r\n"));
	put(c, "demands/2023-04.yaml",
	    DEMAND("D-HY-202304-0001", "problem", "local", "2023-04-03",
		   "resolved", "closed: 2023-04-20\nresolution: r\n")
	    DEMAND("D-HY-202304-0002", "problem", "local", "2023-04-10",
		   "resolved", "closed: 2023-05-12\nresolution: r\n")
	    DEMAND("D-HY-202304-0003", "problem", "local", "2023-04-15",
		   "assigned", "dept: d\ndue: 2023-05-15\n")
	    DEMAND("D-HY-202304-0004", "problem", "higher", "2023-04-20",
		   "resolved", "closed: 2023-05-20\nresolution: r\n")
	    DEMAND("D-HY-202304-0005", "problem", "local", "2023-04-25",
		   "resolved", "dept: d\ndue: 2023-05-31\n"
		   "closed: 2023-06-05\nresolution: r\n"));
	put(c, "demands/2023-05.yaml",
	    DEMAND("D-HY-202305-0001", "problem", "local", "2023-05-02",
		   "resolved", "closed: 2023-05-25\nresolution: r\n")
	    DEMAND("D-HY-202305-0002", "suggestion", "local", "2023-05-05",
		   "adopted", "closed: 2023-05-28\nresolution: r\n")
	    DEMAND("D-HY-202305-0003", "suggestion", "higher", "2023-05-08",
		   "open", "")
	    DEMAND("D-HY-202305-0004", "problem", "local", "2023-05-10",
		   "assigned", "dept: d\ndue: 2023-05-30\n")
	    DEMAND("D-HY-202305-0005", "problem", "local", "2023-05-12",
		   "declined", "closed: 2023-05-20\nresolution: r\n"));
	put(c, "demands/2023-06.yaml",
	    DEMAND("D-HY-202306-0001", "problem", "local", "2023-06-01",
		   "open", ""));
	if (qf_store_open(&c->s, c->root, SCHEMAS, &err) != QF_OK) {
		fprintf(stderr, "cannot open the test store: %s\n", err.msg);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	struct ctx *c = *state;

	qf_store_free(c->s);
	rm_rf(c->dir);
	free(c);
	return 0;
}

static void test_rate(void **state)
{
	char buf[16];

	(void)state;
	assert_string_equal(qf_rate(63, 64, buf, sizeof(buf)), "98.4%");
	assert_string_equal(qf_rate(0, 0, buf, sizeof(buf)), "-");
	assert_string_equal(qf_rate(5, 0, buf, sizeof(buf)), "-");
	assert_string_equal(qf_rate(1, 3, buf, sizeof(buf)), "33.3%");
	assert_string_equal(qf_rate(2, 3, buf, sizeof(buf)), "66.7%");
	/* 125.0 permille exactly */
	assert_string_equal(qf_rate(1, 8, buf, sizeof(buf)), "12.5%");
	/* 62.5 permille: half up to 63 */
	assert_string_equal(qf_rate(1, 16, buf, sizeof(buf)), "6.3%");
	/* 3/16 = 187.5 permille -> 188; 5/16 = 312.5 -> 313 */
	assert_string_equal(qf_rate(3, 16, buf, sizeof(buf)), "18.8%");
	assert_string_equal(qf_rate(5, 16, buf, sizeof(buf)), "31.3%");
	/* 1/2000 = 0.5 permille -> 1; 1/2001 just under -> 0 */
	assert_string_equal(qf_rate(1, 2000, buf, sizeof(buf)), "0.1%");
	assert_string_equal(qf_rate(1, 2001, buf, sizeof(buf)), "0.0%");
	assert_string_equal(qf_rate(0, 7, buf, sizeof(buf)), "0.0%");
	assert_string_equal(qf_rate(64, 64, buf, sizeof(buf)), "100.0%");
	assert_string_equal(qf_rate(3, 7, buf, sizeof(buf)), "42.9%");
	/* 999.5 permille rounds up to 100.0% */
	assert_string_equal(qf_rate(1999, 2000, buf, sizeof(buf)), "100.0%");
	assert_string_equal(qf_rate(1998, 2000, buf, sizeof(buf)), "99.9%");
	assert_string_equal(qf_rate(11, 4, buf, sizeof(buf)), "275.0%");
}

static void assert_period(const struct qf_period_figures *p, long visits,
			  long firms_visited, long demands, long problems,
			  long suggestions, long local, long higher,
			  long local_problems, long resolved,
			  long local_resolved, long adopted)
{
	assert_int_equal(p->visits, visits);
	assert_int_equal(p->firms_visited, firms_visited);
	assert_int_equal(p->demands, demands);
	assert_int_equal(p->problems, problems);
	assert_int_equal(p->suggestions, suggestions);
	assert_int_equal(p->local, local);
	assert_int_equal(p->higher, higher);
	assert_int_equal(p->local_problems, local_problems);
	assert_int_equal(p->resolved, resolved);
	assert_int_equal(p->local_resolved, local_resolved);
	assert_int_equal(p->adopted, adopted);
}

static void test_month(void **state)
{
	struct ctx *c = *state;
	struct qf_month_figures f;
	struct qf_error err;

	memset(&f, 0x5a, sizeof(f));
	assert_int_equal(qf_report_month(c->s, 2023, 5, &f, &err), QF_OK);
	assert_int_equal(f.year, 2023);
	assert_int_equal(f.month, 5);
	assert_int_equal(f.start.y, 2023);
	assert_int_equal(f.start.m, 5);
	assert_int_equal(f.start.d, 1);
	assert_int_equal(f.end.y, 2023);
	assert_int_equal(f.end.m, 5);
	assert_int_equal(f.end.d, 31);
	assert_int_equal(f.campaign_start.y, 2023);
	assert_int_equal(f.campaign_start.m, 3);
	assert_int_equal(f.campaign_start.d, 1);
	assert_int_equal(f.firms, 4);
	/*            visits firms dem prob sugg loc high lp res lres adopt */
	assert_period(&f.month_f, 3, 2, 5, 3, 2, 4, 1, 3, 3, 2, 1);
	assert_period(&f.total, 4, 3, 10, 8, 2, 8, 2, 7, 4, 3, 1);
	assert_int_equal(f.open_at_end, 4);
	assert_int_equal(f.overdue_at_end, 2);
}

static void test_other_months(void **state)
{
	struct ctx *c = *state;
	struct qf_month_figures f;
	struct qf_error err;

	/* April: A1-A5 opened; A1 closed.  Firms 0001 to 0003. */
	assert_int_equal(qf_report_month(c->s, 2023, 4, &f, &err), QF_OK);
	assert_int_equal(f.end.d, 30);
	assert_int_equal(f.firms, 3);
	assert_period(&f.month_f, 1, 1, 5, 5, 0, 4, 1, 4, 1, 1, 0);
	assert_period(&f.total, 1, 1, 5, 5, 0, 4, 1, 4, 1, 1, 0);
	/* A2 A3 A4 A5 open; none due before April 30. */
	assert_int_equal(f.open_at_end, 4);
	assert_int_equal(f.overdue_at_end, 0);

	/* June: everything, J1 too; A5 closed in June. */
	assert_int_equal(qf_report_month(c->s, 2023, 6, &f, &err), QF_OK);
	assert_int_equal(f.end.d, 30);
	assert_int_equal(f.firms, 5);
	assert_period(&f.month_f, 1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 0);
	assert_period(&f.total, 5, 4, 11, 9, 2, 9, 2, 8, 5, 4, 1);
	/* A3 M3 M4 J1 */
	assert_int_equal(f.open_at_end, 4);
	assert_int_equal(f.overdue_at_end, 2);

	/* A leap February, before anything in the campaign. */
	assert_int_equal(qf_report_month(c->s, 2024, 2, &f, &err), QF_OK);
	assert_int_equal(f.end.d, 29);
}

static void test_month_bad_file(void **state)
{
	struct ctx *c = *state;
	struct qf_month_figures f;
	struct qf_error err;

	put(c, "demands/2023-05-x.yaml", "---\nid: [\n");
	qf_error_clear(&err);
	assert_int_equal(qf_report_month(c->s, 2023, 5, &f, &err), QF_EDATA);
	assert_non_null(strstr(err.file, "demands/2023-05-x.yaml"));
}

static const char want_json[] =
	"{\n"
	"  \"month\": \"2023-05\",\n"
	"  \"campaign_start\": \"2023-03-01\",\n"
	"  \"firms\": 4,\n"
	"  \"coverage\": \"75.0%\",\n"
	"  \"open_at_end\": 4,\n"
	"  \"overdue_at_end\": 2,\n"
	"  \"in_month\": {\n"
	"    \"visits\": 3,\n"
	"    \"firms_visited\": 2,\n"
	"    \"demands\": 5,\n"
	"    \"problems\": 3,\n"
	"    \"suggestions\": 2,\n"
	"    \"local\": 4,\n"
	"    \"higher\": 1,\n"
	"    \"local_problems\": 3,\n"
	"    \"resolved\": 3,\n"
	"    \"local_resolved\": 2,\n"
	"    \"adopted\": 1\n"
	"  },\n"
	"  \"cumulative\": {\n"
	"    \"visits\": 4,\n"
	"    \"firms_visited\": 3,\n"
	"    \"demands\": 10,\n"
	"    \"problems\": 8,\n"
	"    \"suggestions\": 2,\n"
	"    \"local\": 8,\n"
	"    \"higher\": 2,\n"
	"    \"local_problems\": 7,\n"
	"    \"resolved\": 4,\n"
	"    \"local_resolved\": 3,\n"
	"    \"adopted\": 1,\n"
	"    \"resolution_rate\": \"42.9%\"\n"
	"  }\n"
	"}\n";

static void test_render_json(void **state)
{
	struct ctx *c = *state;
	struct qf_month_figures f;
	struct qf_error err;
	char *out;

	assert_int_equal(qf_report_month(c->s, 2023, 5, &f, &err), QF_OK);
	out = qf_report_render(&f, QF_REPORT_JSON, "zh", "衡阳高新区管委会");
	assert_non_null(out);
	assert_string_equal(out, want_json);
	free(out);
	/* The language does not change JSON. */
	out = qf_report_render(&f, QF_REPORT_JSON, "en", NULL);
	assert_non_null(out);
	assert_string_equal(out, want_json);
	free(out);
}

static void test_render_markdown(void **state)
{
	struct ctx *c = *state;
	struct qf_month_figures f;
	struct qf_error err;
	char *out;

	assert_int_equal(qf_report_month(c->s, 2023, 5, &f, &err), QF_OK);

	out = qf_report_render(&f, QF_REPORT_MARKDOWN, "zh",
			       qf_store_setting(c->s, "organisation"));
	assert_non_null(out);
	assert_memory_equal(out, "# 衡阳高新区管委会（2023年5月）\n\n",
			    strlen("# 衡阳高新区管委会（2023年5月）\n\n"));
	assert_non_null(strstr(out, "\n企业服务月通报\n"));
	assert_non_null(strstr(out, "| 指标 | 本月 | 累计（自 2023-03-01） |\n"
				    "|---|---:|---:|\n"));
	assert_non_null(strstr(out, "\n| 走访次数 | 3 | 4 |\n"));
	assert_non_null(strstr(out, "\n| 走访企业数 | 2 | 3 |\n"));
	assert_non_null(strstr(out, "\n| 本级问题 | 3 | 7 |\n"));
	assert_non_null(strstr(out, "\n| 解决率（本级） |  | 42.9% |\n"));
	assert_non_null(strstr(out, "\n| 走访覆盖率 |  | 3/4 = 75.0% |\n"));
	assert_non_null(strstr(out, "\n| 月末未办结 |  | 4 |\n"));
	assert_non_null(strstr(out, "\n| 月末超期 |  | 2 |\n"));
	free(out);

	out = qf_report_render(&f, QF_REPORT_MARKDOWN, "en",
			       "Hengyang Hi-tech Zone");
	assert_non_null(out);
	assert_memory_equal(out,
		"# Hengyang Hi-tech Zone Enterprise service bulletin, "
		"2023-05\n\n",
		strlen("# Hengyang Hi-tech Zone Enterprise service bulletin, "
		       "2023-05\n\n"));
	assert_non_null(strstr(out,
		"\n| Figure | Month | Cumulative (since 2023-03-01) |\n"
		"|---|---:|---:|\n"
		"| Visits | 3 | 4 |\n"));
	assert_non_null(strstr(out,
		"\n| Resolution rate (local) |  | 42.9% |\n"));
	assert_non_null(strstr(out, "\n| Problems resolved | 3 | 4 |\n"));
	assert_non_null(strstr(out, "\n| Suggestions adopted | 1 | 1 |\n"));
	free(out);

	/* Text: columns aligned by display width, numbers to the right. */
	out = qf_report_render(&f, QF_REPORT_TEXT, "en", "Org");
	assert_non_null(out);
	{
		static const char *const rows[][3] = {
			{ "Figure", "Month", "Cumulative (since 2023-03-01)" },
			{ "Visits", "3", "4" },
			{ "Firms visited", "2", "3" },
			{ "Demands collected", "5", "10" },
			{ "Problems", "3", "8" },
			{ "Suggestions", "2", "2" },
			{ "Local problems", "3", "7" },
			{ "Higher level", "1", "2" },
			{ "Problems resolved", "3", "4" },
			{ "Suggestions adopted", "1", "1" },
			{ "Resolution rate (local)", "", "42.9%" },
			{ "Coverage of the register", "", "3/4 = 75.0%" },
			{ "Open at month end", "", "4" },
			{ "Overdue at month end", "", "2" },
		};
		char want[2048];
		size_t len;

		len = (size_t)snprintf(want, sizeof(want),
			"Org Enterprise service bulletin, 2023-05\n\n");
		/* widest label 24, "Month" 5, the cumulative heading 29 */
		for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
			len += (size_t)snprintf(want + len, sizeof(want) - len,
						"%-24s  %5s  %29s\n", rows[i][0],
						rows[i][1], rows[i][2]);
		assert_string_equal(out, want);
	}
	free(out);

	/* A Chinese character takes two columns: labels up to 14 (解决率
	 * （本级）), 本月 4, 累计（自 2023-03-01） 21. */
	out = qf_report_render(&f, QF_REPORT_TEXT, "zh", "衡阳高新区管委会");
	assert_non_null(out);
	assert_memory_equal(out, "衡阳高新区管委会（2023年5月）\n\n"
			    "企业服务月通报\n\n",
			    strlen("衡阳高新区管委会（2023年5月）\n\n"
				   "企业服务月通报\n\n"));
	assert_non_null(strstr(out, "\n指标" "          " "  本月  "
				    "累计（自 2023-03-01）\n"));
	assert_non_null(strstr(out, "\n走访次数" "      " "  " "   3" "  "
				    "                    4\n"));
	assert_non_null(strstr(out, "\n解决率（本级）" "  " "    " "  "
				    "                42.9%\n"));
	assert_null(strchr(out, '|'));
	free(out);
}

/* The resolution rate is cumulative only: a monthly ratio "would mix
 * populations (11 resolved over 4 opened is not 275%)".  The JSON shows
 * none either. */
static void test_render_json_no_mixed_month_rate(void **state)
{
	struct ctx *c = *state;
	struct qf_month_figures f;
	struct qf_error err;
	char *out;

	/* Two more April problems resolved in June: June resolves 3 本级
	 * problems (A5 and these) and collects 1 (J1). */
	put(c, "demands/2023-04-more.yaml",
	    DEMAND("D-HY-202304-0006", "problem", "local", "2023-04-26",
		   "resolved", "closed: 2023-06-10\nresolution: r\n")
	    DEMAND("D-HY-202304-0007", "problem", "local", "2023-04-27",
		   "resolved", "closed: 2023-06-11\nresolution: r\n"));
	assert_int_equal(qf_report_month(c->s, 2023, 6, &f, &err), QF_OK);
	assert_int_equal(f.month_f.local_resolved, 3);
	assert_int_equal(f.month_f.local_problems, 1);
	/* cumulative: 6 of 10 */
	assert_int_equal(f.total.local_resolved, 6);
	assert_int_equal(f.total.local_problems, 10);
	out = qf_report_render(&f, QF_REPORT_JSON, "en", NULL);
	assert_non_null(out);
	assert_non_null(strstr(out, "\"resolution_rate\": \"60.0%\""));
	if (strstr(out, "300.0%"))
		print_error("in_month shows the month's local_resolved over "
			    "its local_problems:\n%s", out);
	assert_null(strstr(out, "300.0%"));
	free(out);
}

/* qf-monthly-report(1): "Demands opened before the campaign start are not
 * counted at all" - not even as open or overdue at the month's end. */
static void test_open_before_campaign(void **state)
{
	struct ctx *c = *state;
	struct qf_month_figures f;
	struct qf_error err;

	put(c, "demands/2023-01.yaml",
	    DEMAND("D-HY-202301-0001", "problem", "local", "2023-01-10",
		   "assigned", "dept: d\ndue: 2023-02-01\n"));
	assert_int_equal(qf_report_month(c->s, 2023, 5, &f, &err), QF_OK);
	assert_period(&f.month_f, 3, 2, 5, 3, 2, 4, 1, 3, 3, 2, 1);
	assert_period(&f.total, 4, 3, 10, 8, 2, 8, 2, 7, 4, 3, 1);
	assert_int_equal(f.open_at_end, 4);
	assert_int_equal(f.overdue_at_end, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rate),
		cmocka_unit_test_setup_teardown(test_month, setup, teardown),
		cmocka_unit_test_setup_teardown(test_other_months, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_month_bad_file, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_render_json, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_render_markdown, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			test_render_json_no_mixed_month_rate, setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_before_campaign,
						setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
