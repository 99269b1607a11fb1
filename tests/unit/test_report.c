/* test_report.c - the monthly bulletin's figures and their rendering
 * (report.c), on a store written into a temporary directory where every
 * figure is known by construction. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qf/report.h"

#include "fixture.h"
#include "jsoncheck.h"

struct ctx {
	struct fixture fx;      /* the temporary directory and store */
	struct qf_store *s;
};

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

	if (!c || fixture_make(&c->fx, "report") != 0) {
		free(c);
		return -1;
	}
	*state = c;
	fixture_put(&c->fx, "qf.yaml",
		    "site: HY\norganisation: 衡阳高新区管委会\n"
		    "campaign_start: 2023-03-01\n");
	fixture_put(&c->fx, "firms/HY.yaml", firms);
	fixture_put(&c->fx, "visits/2023-02.yaml",
	    VISIT("V-HY-202302-0001", "2023-02-20", "F-HY-0003"));
	fixture_put(&c->fx, "visits/2023-04.yaml",
	    VISIT("V-HY-202304-0001", "2023-04-12", "F-HY-0002"));
	fixture_put(&c->fx, "visits/2023-05.yaml",
	    VISIT("V-HY-202305-0001", "2023-05-04", "F-HY-0001")
	    VISIT("V-HY-202305-0002", "2023-05-18", "F-HY-0001")
	    VISIT("V-HY-202305-0003", "2023-05-31", "F-HY-0004"));
	fixture_put(&c->fx, "visits/2023-06.yaml",
	    VISIT("V-HY-202306-0001", "2023-06-01", "F-HY-0003"));
	fixture_put(&c->fx, "demands/2023-02.yaml",
	    DEMAND("D-HY-202302-0001", "problem", "local", "2023-02-10",
		   "resolved", "closed: 2023-02-25\nresolution: r\n"));
	fixture_put(&c->fx, "demands/2023-04.yaml",
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
	fixture_put(&c->fx, "demands/2023-05.yaml",
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
	fixture_put(&c->fx, "demands/2023-06.yaml",
	    DEMAND("D-HY-202306-0001", "problem", "local", "2023-06-01",
		   "open", ""));
	return fixture_open(&c->fx, &c->s);
}

static int teardown(void **state)
{
	struct ctx *c = *state;

	qf_store_free(c->s);
	fixture_remove(&c->fx);
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
	qf_report_release(&f);
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
	qf_report_release(&f);

	/* June: everything, J1 too; A5 closed in June. */
	assert_int_equal(qf_report_month(c->s, 2023, 6, &f, &err), QF_OK);
	assert_int_equal(f.end.d, 30);
	assert_int_equal(f.firms, 5);
	assert_period(&f.month_f, 1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 0);
	assert_period(&f.total, 5, 4, 11, 9, 2, 9, 2, 8, 5, 4, 1);
	/* A3 M3 M4 J1 */
	assert_int_equal(f.open_at_end, 4);
	assert_int_equal(f.overdue_at_end, 2);
	qf_report_release(&f);

	/* A leap February, before anything in the campaign. */
	assert_int_equal(qf_report_month(c->s, 2024, 2, &f, &err), QF_OK);
	assert_int_equal(f.end.d, 29);
	qf_report_release(&f);
}

static void test_month_bad_file(void **state)
{
	struct ctx *c = *state;
	struct qf_month_figures f;
	struct qf_error err;

	fixture_put(&c->fx, "demands/2023-05-x.yaml", "---\nid: [\n");
	qf_error_clear(&err);
	assert_int_equal(qf_report_month(c->s, 2023, 5, &f, &err), QF_EDATA);
	assert_non_null(strstr(err.file, "demands/2023-05-x.yaml"));
	/* Released after an error too (report.h). */
	qf_report_release(&f);
}

/*
 * The bulletin of May 2023 for the fixture above, checked by hand:
 *
 * Overview (month, cumulative, change against April 2023):
 *   visits 3 / 4; April had 1 (04-12)                         -> +2
 *   firms visited 2 / 3; April 1 (0002)                       -> +1
 *   visitors: every visit names 张三 only: 1 / 1; April 1     -> +0
 *   demands 5 / 10; April collected A1-A5 = 5                 -> +0
 *   problems 3 / 8; April 5                                   -> -2
 *   suggestions 2 / 2; April 0                                -> +2
 *   resolved 3 (A2 05-12, A4 05-20, M1 05-25) / 4 (+A1);
 *     April 1 (A1 04-20)                                      -> +2
 *   adopted 1 (M2) / 1; April 0                               -> +1
 *   declined 1 (M5 05-20) / 1; April 0                        -> +1
 *   no demand has an amount: the money row is left out
 *   resolution rate 3/7 = 42.857 -> 42.9%; adoption 1/2 = 50.0%;
 *   coverage 3/4 = 75.0%
 *   open at month end 4 (A3 A5 M3 M4); at April's end A2 A3 A4 A5 = 4
 *                                                             -> +0
 *   overdue 2 (A3 due 05-15, M4 due 05-30); at April's end none
 *     (A3 05-15 and A5 05-31 are after 04-30)                 -> +2
 *   most days overdue: A3, 05-31 - 05-15 = 16 (M4: 1)
 *
 * Categories: every demand is "other" (其他): 5 / 10.  本级 problems 3 /
 *   7, 上级 problems 0 / 1 (A4; M3 is a suggestion), 本级 resolved 2 (A2
 *   M1) / 3 (+A1), 上级 resolved 1 (A4) / 1.
 *
 * Handling: closed in May A2 A4 M1 M2 M5 = 5, cumulative +A1 = 6.  None
 *   of the closed ones has a deadline: on-time rates 0/0 = -.  Days: A2
 *   04-10..05-12 32, A4 04-20..05-20 30, M1 05-02..05-25 23, M2
 *   05-05..05-28 23, M5 05-12..05-20 8: median of 8 23 23 30 32 = 23;
 *   cumulative adds A1 04-03..04-20 17: 8 17 23 23 30 32 -> (23+23)/2 =
 *   23; April alone: 17.  No follow-up: rated 0, satisfaction -,
 *   follow-up rate 0/6 = 0.0%.
 *
 * Departments: A3, A5 and M4 name the unit d; none has a log, so they
 *   are taken as they stand: A5 (closed 06-05, after the month) is open
 *   and due on 05-31, the last day: not overdue.  d: assigned 3, closed 0, on time 0, overdue 2 (A3 M4), returned 0,
 *   median -, closure rate 0/2 = 0.0% < 90%: named.
 *
 * Coverage by the default tags 规上 and 重点: no firm has tags, 0/0 = -.
 *   all: 4 firms, 3 visited, 75.0%.  Not visited: 三厂 (0003; its visits
 *   are from before the campaign and after the month).
 *
 * Trend (JSON), the 12 months to May: demands opened since the campaign
 *   start, by month opened: April 5 (A1-A5), May 5 (M1-M5); closed as
 *   resolved or adopted by the state at May's end, by closing month: April
 *   1 (A1), May 4 (A2 A4 M1 M2; M5 declined); B1 of February is before
 *   the campaign and A5 closes in June: 0 elsewhere.
 *
 * Cases: closed in May as resolved or adopted (M5 was declined), by
 *   closing date: A2 05-12 (32 days), A4 05-20 (30), M1 05-25 (23), M2
 *   05-28 (23, adopted); all of firm 一厂, title t, no unit (相关单位),
 *   resolution r.
 */
static const char want_json[] =
	"{\n"
	"  \"month\": \"2023-05\",\n"
	"  \"campaign_start\": \"2023-03-01\",\n"
	"  \"firms\": 4,\n"
	"  \"coverage\": \"75.0%\",\n"
	"  \"resolution_rate\": \"42.9%\",\n"
	"  \"adoption_rate\": \"50.0%\",\n"
	"  \"on_time_rate_original\": \"-\",\n"
	"  \"on_time_rate_extended\": \"-\",\n"
	"  \"satisfaction_rate\": \"-\",\n"
	"  \"followup_rate\": \"0.0%\",\n"
	"  \"open_at_end\": 4,\n"
	"  \"overdue_at_end\": 2,\n"
	"  \"overdue_days_max\": 16,\n"
	"  \"in_month\": {\n"
	"    \"visits\": 3, \"firms_visited\": 2, \"visitors\": 1,\n"
	"    \"demands\": 5, \"problems\": 3, \"suggestions\": 2, \"amount_yuan\": 0,\n"
	"    \"local\": 4, \"higher\": 1, \"local_problems\": 3, \"higher_problems\": 0,\n"
	"    \"by_category\": {\"other\": 5},\n"
	"    \"resolved\": 3, \"local_resolved\": 2, \"higher_resolved\": 1,\n"
	"    \"adopted\": 1, \"declined\": 1, \"closed\": 5,\n"
	"    \"closed_with_due\": 0, \"on_time_original\": 0, \"on_time_extended\": 0,\n"
	"    \"median_days\": 23,\n"
	"    \"rated\": 0, \"satisfied\": 0, \"basic\": 0, \"dissatisfied\": 0\n"
	"  },\n"
	"  \"cumulative\": {\n"
	"    \"visits\": 4, \"firms_visited\": 3, \"visitors\": 1,\n"
	"    \"demands\": 10, \"problems\": 8, \"suggestions\": 2, \"amount_yuan\": 0,\n"
	"    \"local\": 8, \"higher\": 2, \"local_problems\": 7, \"higher_problems\": 1,\n"
	"    \"by_category\": {\"other\": 10},\n"
	"    \"resolved\": 4, \"local_resolved\": 3, \"higher_resolved\": 1,\n"
	"    \"adopted\": 1, \"declined\": 1, \"closed\": 6,\n"
	"    \"closed_with_due\": 0, \"on_time_original\": 0, \"on_time_extended\": 0,\n"
	"    \"median_days\": 23,\n"
	"    \"rated\": 0, \"satisfied\": 0, \"basic\": 0, \"dissatisfied\": 0\n"
	"  },\n"
	"  \"previous_month\": {\n"
	"    \"visits\": 1, \"firms_visited\": 1, \"visitors\": 1,\n"
	"    \"demands\": 5, \"problems\": 5, \"suggestions\": 0, \"amount_yuan\": 0,\n"
	"    \"local\": 4, \"higher\": 1, \"local_problems\": 4, \"higher_problems\": 1,\n"
	"    \"by_category\": {\"other\": 5},\n"
	"    \"resolved\": 1, \"local_resolved\": 1, \"higher_resolved\": 0,\n"
	"    \"adopted\": 0, \"declined\": 0, \"closed\": 1,\n"
	"    \"closed_with_due\": 0, \"on_time_original\": 0, \"on_time_extended\": 0,\n"
	"    \"median_days\": 17,\n"
	"    \"rated\": 0, \"satisfied\": 0, \"basic\": 0, \"dissatisfied\": 0\n"
	"  },\n"
	"  \"trend\": [{\"month\": \"2022-06\", \"collected\": 0, \"closed\": 0}, {\"month\": \"2022-07\", \"collected\": 0, \"closed\": 0}, {\"month\": \"2022-08\", \"collected\": 0, \"closed\": 0}, {\"month\": \"2022-09\", \"collected\": 0, \"closed\": 0}, {\"month\": \"2022-10\", \"collected\": 0, \"closed\": 0}, {\"month\": \"2022-11\", \"collected\": 0, \"closed\": 0}, {\"month\": \"2022-12\", \"collected\": 0, \"closed\": 0}, {\"month\": \"2023-01\", \"collected\": 0, \"closed\": 0}, {\"month\": \"2023-02\", \"collected\": 0, \"closed\": 0}, {\"month\": \"2023-03\", \"collected\": 0, \"closed\": 0}, {\"month\": \"2023-04\", \"collected\": 5, \"closed\": 1}, {\"month\": \"2023-05\", \"collected\": 5, \"closed\": 4}],\n"
	"  \"coverage_by_tag\": [{\"tag\": \"规上\", \"firms\": 0, \"visited\": 0}, {\"tag\": \"重点\", \"firms\": 0, \"visited\": 0}],\n"
	"  \"not_visited\": [\"三厂\"],\n"
	"  \"threshold\": 90,\n"
	"  \"departments\": [\n"
	"    {\"name\": \"d\", \"assigned\": 3, \"closed\": 0, \"on_time\": 0, \"overdue\": 2, \"returned\": 0, \"median_days\": null, \"below_threshold\": true}\n"
	"  ],\n"
	/* The two overdue at 2023-05-31, most days first: due 05-15 and
	 * 05-30 (see overdue_at_end above). */
	"  \"overdue\": [\n"
	"    {\"id\": \"D-HY-202304-0003\", \"firm\": \"一厂\", \"title\": \"t\", \"dept\": \"d\", \"days_overdue\": 16},\n"
	"    {\"id\": \"D-HY-202305-0004\", \"firm\": \"一厂\", \"title\": \"t\", \"dept\": \"d\", \"days_overdue\": 1}\n"
	"  ],\n"
	"  \"cases\": [\n"
	"    {\"id\": \"D-HY-202304-0002\", \"firm\": \"一厂\", \"title\": \"t\", \"dept\": \"\", \"opened\": \"2023-04-10\", \"closed\": \"2023-05-12\", \"days\": 32, \"adopted\": false, \"resolution\": \"r\"},\n"
	"    {\"id\": \"D-HY-202304-0004\", \"firm\": \"一厂\", \"title\": \"t\", \"dept\": \"\", \"opened\": \"2023-04-20\", \"closed\": \"2023-05-20\", \"days\": 30, \"adopted\": false, \"resolution\": \"r\"},\n"
	"    {\"id\": \"D-HY-202305-0001\", \"firm\": \"一厂\", \"title\": \"t\", \"dept\": \"\", \"opened\": \"2023-05-02\", \"closed\": \"2023-05-25\", \"days\": 23, \"adopted\": false, \"resolution\": \"r\"},\n"
	"    {\"id\": \"D-HY-202305-0002\", \"firm\": \"一厂\", \"title\": \"t\", \"dept\": \"\", \"opened\": \"2023-05-05\", \"closed\": \"2023-05-28\", \"days\": 23, \"adopted\": true, \"resolution\": \"r\"}\n"
	"  ]\n"
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
	assert_true(jsoncheck_valid(out));
	assert_string_equal(out, want_json);
	free(out);
	/* The language does not change JSON. */
	out = qf_report_render(&f, QF_REPORT_JSON, "en", NULL);
	assert_non_null(out);
	assert_string_equal(out, want_json);
	free(out);
	qf_report_release(&f);
}

/* Does out hold want?  Print both when not, for the failure's sake. */
static void assert_has(const char *out, const char *want)
{
	if (!strstr(out, want))
		print_error("--- wanted:\n%s\n--- in:\n%s\n", want, out);
	assert_non_null(strstr(out, want));
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
	/* The title: the organisation, then the bulletin's name and month. */
	assert_memory_equal(out,
		"# 衡阳高新区管委会企业服务月通报（2023年5月）\n\n"
		"## 一、总体情况\n\n",
		strlen("# 衡阳高新区管委会企业服务月通报（2023年5月）\n\n"
		       "## 一、总体情况\n\n"));
	/* The overview, whole (see the figures above).  No change prints
	 * "+0", as qf-monthly-report(1) says (the comment on delta() in
	 * report_render.c says "0"). */
	assert_has(out,
		"\n## 一、总体情况\n\n"
		"| 指标 | 本月 | 累计（自 2023-03-01） | 较上月 |\n"
		"|---|---:|---:|---:|\n"
		"| 走访次数 | 3 | 4 | +2 |\n"
		"| 走访企业数 | 2 | 3 | +1 |\n"
		"| 走访人员 | 1 | 1 | +0 |\n"
		"| 收集诉求 | 5 | 10 | +0 |\n"
		"| 其中：问题 | 3 | 8 | -2 |\n"
		"| 建议 | 2 | 2 | +2 |\n"
		"| 已解决问题 | 3 | 4 | +2 |\n"
		"| 建议采纳 | 1 | 1 | +1 |\n"
		"| 无法解决 | 1 | 1 | +1 |\n"
		"| 解决率（本级） |  | 3/7 = 42.9% |  |\n"
		"| 采纳率 |  | 1/2 = 50.0% |  |\n"
		"| 走访覆盖率 |  | 3/4 = 75.0% |  |\n"
		"| 月末未办结 |  | 4 | +0 |\n"
		"| 月末超期件 |  | 2 | +2 |\n"
		"| 最长超期天数 |  | 16 |  |\n"
		"\n## 二、诉求分类\n\n");
	assert_null(strstr(out, "涉及资金需求"));
	assert_has(out,
		"\n## 二、诉求分类\n\n"
		"| 类别 | 本月 | 累计 |\n"
		"|---|---:|---:|\n"
		"| 其他 | 5 | 10 |\n"
		"| 本级问题 | 3 | 7 |\n"
		"| 上级问题 | 0 | 1 |\n"
		"| 本级问题已解决 | 2 | 3 |\n"
		"| 上级问题已解决 | 1 | 1 |\n"
		"\n## 三、办理质效\n\n"
		"| 指标 | 本月 | 累计 |\n"
		"|---|---:|---:|\n"
		"| 办结件数 | 5 | 6 |\n"
		"| 按期办结率（原定时限） | 0/0 = - | 0/0 = - |\n"
		"| 按期办结率（延期后时限） | 0/0 = - | 0/0 = - |\n"
		"| 办结用时中位数（天） | 23 | 23 |\n"
		"| 回访件数 | 0 | 0 |\n"
		"| 满意率 | 0/0 = - | 0/0 = - |\n"
		"| 回访率 |  | 0/6 = 0.0% |\n"
		"\n## 四、部门办理情况\n\n");
	assert_has(out,
		"\n## 四、部门办理情况\n\n"
		"| 单位 | 交办 | 办结 | 按期 | 超期 | 退回 | 用时中位数（天） | 办结率 |\n"
		"|---|---:|---:|---:|---:|---:|---:|---:|\n"
		"| d | 3 | 0 | 0 | 2 | 0 | - | 0.0% |\n"
		"\n"
		"办结率低于90%的单位：d。\n"
		"\n"
		"月末超期件（2件）：\n"
		"- 一厂：t（d，超期16天，D-HY-202304-0003）\n"
		"- 一厂：t（d，超期1天，D-HY-202305-0004）\n"
		"\n## 五、走访覆盖\n\n"
		"| 标签 | 在册企业 | 已走访 | 走访覆盖率 |\n"
		"|---|---:|---:|---:|\n"
		"| 规上 | 0 | 0 | - |\n"
		"| 重点 | 0 | 0 | - |\n"
		"| 全部 | 4 | 3 | 75.0% |\n"
		"\n"
		"尚未走访的企业（1家）：三厂。\n"
		"\n## 六、本月典型案例\n\n"
		"- 一厂反映“t”，经相关单位办理解决，历时32天。r\n"
		"- 一厂反映“t”，经相关单位办理解决，历时30天。r\n"
		"- 一厂反映“t”，经相关单位办理解决，历时23天。r\n"
		"- 一厂反映“t”，经相关单位采纳，历时23天。r\n"
		"\n"
		"注：解决率 = 已解决本级问题 / 本级问题（自活动开始累计）；"
		"部门办结率 = 办结 / (办结 + 超期)，未到期的不计；均保留一位小数。\n");
	/* The footnote ends the bulletin. */
	assert_string_equal(out + strlen(out) - strlen("均保留一位小数。\n"),
			    "均保留一位小数。\n");
	free(out);

	out = qf_report_render(&f, QF_REPORT_MARKDOWN, "en",
			       "Hengyang Hi-tech Zone");
	assert_non_null(out);
	assert_memory_equal(out,
		"# Hengyang Hi-tech Zone Enterprise service bulletin, "
		"2023-05\n\n## 1. Overview\n\n",
		strlen("# Hengyang Hi-tech Zone Enterprise service bulletin, "
		       "2023-05\n\n## 1. Overview\n\n"));
	assert_has(out,
		"| Figure | Month | Cumulative (since 2023-03-01) | Change |\n"
		"|---|---:|---:|---:|\n"
		"| Visits | 3 | 4 | +2 |\n"
		"| Firms visited | 2 | 3 | +1 |\n"
		"| Visitors | 1 | 1 | +0 |\n"
		"| Demands collected | 5 | 10 | +0 |\n"
		"|   problems | 3 | 8 | -2 |\n"
		"|   suggestions | 2 | 2 | +2 |\n"
		"| Problems resolved | 3 | 4 | +2 |\n"
		"| Suggestions adopted | 1 | 1 | +1 |\n"
		"| Declined | 1 | 1 | +1 |\n"
		"| Resolution rate (local) |  | 3/7 = 42.9% |  |\n"
		"| Adoption rate |  | 1/2 = 50.0% |  |\n"
		"| Coverage |  | 3/4 = 75.0% |  |\n"
		"| Open at month end |  | 4 | +0 |\n"
		"| Overdue at month end |  | 2 | +2 |\n"
		"| Most days overdue |  | 16 |  |\n");
	assert_has(out, "\n## 2. Demands by category\n\n");
	assert_has(out, "\n## 3. Handling\n\n");
	assert_has(out, "\n| Median days to close | 23 | 23 |\n");
	assert_has(out, "\n| Follow-up rate |  | 0/6 = 0.0% |\n");
	assert_has(out,
		"\n## 4. Departments\n\n"
		"| Unit | Assigned | Closed | On time | Overdue | Returned | Median days | Closure rate |\n"
		"|---|---:|---:|---:|---:|---:|---:|---:|\n"
		"| d | 3 | 0 | 0 | 2 | 0 | - | 0.0% |\n"
		"\n"
		"Units under 90%: d.\n"
		"\n"
		"Overdue at the month's end (2):\n"
		"- 一厂: t (d, 16 days overdue, D-HY-202304-0003)\n"
		"- 一厂: t (d, 1 day overdue, D-HY-202305-0004)\n"
		"\n## 5. Coverage of the register\n\n"
		"| Tag | In register | Visited | Coverage |\n"
		"|---|---:|---:|---:|\n"
		"| 规上 | 0 | 0 | - |\n"
		"| 重点 | 0 | 0 | - |\n"
		"| all | 4 | 3 | 75.0% |\n"
		"\n"
		"Firms not visited yet (1): 三厂.\n"
		"\n## 6. Cases of the month\n\n"
		"- 一厂 asked: \"t\"; resolved by the units in 32 days. r\n"
		"- 一厂 asked: \"t\"; resolved by the units in 30 days. r\n"
		"- 一厂 asked: \"t\"; resolved by the units in 23 days. r\n"
		"- 一厂 asked: \"t\"; adopted by the units in 23 days. r\n"
		"\n"
		"Resolution rate = local problems resolved / local problems, "
		"since the campaign start; a unit's closure rate = closed / "
		"(closed + overdue), items not yet due left out; one decimal.\n");
	free(out);

	/* Text: columns aligned by display width, two spaces apart, numbers
	 * to the right, trailing blanks cut. */
	out = qf_report_render(&f, QF_REPORT_TEXT, "en", "Org");
	assert_non_null(out);
	{
		static const char *const rows[][4] = {
			{ "Figure", "Month", "Cumulative (since 2023-03-01)", "Change" },
			{ "Visits", "3", "4", "+2" },
			{ "Firms visited", "2", "3", "+1" },
			{ "Visitors", "1", "1", "+0" },
			{ "Demands collected", "5", "10", "+0" },
			{ "  problems", "3", "8", "-2" },
			{ "  suggestions", "2", "2", "+2" },
			{ "Problems resolved", "3", "4", "+2" },
			{ "Suggestions adopted", "1", "1", "+1" },
			{ "Declined", "1", "1", "+1" },
			{ "Resolution rate (local)", "", "3/7 = 42.9%", "" },
			{ "Adoption rate", "", "1/2 = 50.0%", "" },
			{ "Coverage", "", "3/4 = 75.0%", "" },
			{ "Open at month end", "", "4", "+0" },
			{ "Overdue at month end", "", "2", "+2" },
			{ "Most days overdue", "", "16", "" },
		};
		char want[4096];
		size_t len;

		len = (size_t)snprintf(want, sizeof(want),
			"Org Enterprise service bulletin, 2023-05\n\n"
			"1. Overview\n\n");
		/* widest label 23 (Resolution rate (local)), "Month" 5, the
		 * cumulative heading 29, "Change" 6; the heading row is
		 * left-aligned. */
		for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
			len += (size_t)snprintf(want + len, sizeof(want) - len,
				i ? "%-23s  %5s  %29s  %6s" :
				    "%-23s  %-5s  %-29s  %-6s",
				rows[i][0], rows[i][1], rows[i][2], rows[i][3]);
			while (want[len - 1] == ' ')
				want[--len] = '\0';
			want[len++] = '\n';
			want[len] = '\0';
		}
		len += (size_t)snprintf(want + len, sizeof(want) - len,
					"\n2. Demands by category\n");
		assert_memory_equal(out, want, len);
	}
	assert_has(out, "\nUnits under 90%: d.\n");
	assert_null(strchr(out, '|'));
	free(out);

	/* A Chinese character takes two columns: labels up to 14 (解决率
	 * （本级）, 最长超期天数 12), 本月 4, 累计（自 2023-03-01） 21,
	 * 较上月 6. */
	out = qf_report_render(&f, QF_REPORT_TEXT, "zh", "衡阳高新区管委会");
	assert_non_null(out);
	assert_memory_equal(out, "衡阳高新区管委会企业服务月通报（2023年5月）\n\n"
			    "一、总体情况\n\n",
			    strlen("衡阳高新区管委会企业服务月通报（2023年5月）\n\n"
				   "一、总体情况\n\n"));
	assert_has(out, "\n指标" "          " "  本月  "
		   "累计（自 2023-03-01）  较上月\n");
	assert_has(out, "\n走访次数" "      " "  " "   3" "  "
		   "                    4" "  " "    +2\n");
	assert_has(out, "\n解决率（本级）" "  " "    " "  "
		   "          3/7 = 42.9%\n");
	assert_has(out, "\n办结率低于90%的单位：d。\n");
	assert_null(strchr(out, '|'));
	free(out);
	qf_report_release(&f);
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
	fixture_put(&c->fx, "demands/2023-04-more.yaml",
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
	qf_report_release(&f);
}

/* qf-monthly-report(1): "Demands opened before the campaign start are not
 * counted at all" - not even as open or overdue at the month's end. */
static void test_open_before_campaign(void **state)
{
	struct ctx *c = *state;
	struct qf_month_figures f;
	struct qf_error err;

	fixture_put(&c->fx, "demands/2023-01.yaml",
		    DEMAND("D-HY-202301-0001", "problem", "local", "2023-01-10",
			   "assigned", "dept: d\ndue: 2023-02-01\n"));
	assert_int_equal(qf_report_month(c->s, 2023, 5, &f, &err), QF_OK);
	assert_period(&f.month_f, 3, 2, 5, 3, 2, 4, 1, 3, 3, 2, 1);
	assert_period(&f.total, 4, 3, 10, 8, 2, 8, 2, 7, 4, 3, 1);
	assert_int_equal(f.open_at_end, 4);
	assert_int_equal(f.overdue_at_end, 2);
	qf_report_release(&f);
}

/* ---- a second store, where every new figure is known by construction - */

/*
 * Campaign from 2024-01-15 (mid-month); threshold 75; coverage_tags
 * [高新技术, 专精特新, 小巨人, 规上] (at most four, the schema's limit).  The month tested is March 2024; February is the month
 * before (2024 is a leap year: 02-29).
 *
 * Firms (register order is by ID):
 *   0001 甲厂 since 01-15 [高新技术, 规上]
 *   0002 乙厂 since 02-01 [高新技术]
 *   0003 丙厂 no since    [专精特新]
 *   0004 丁厂 since 04-10 [高新技术]  after March, but visited 03-15: in
 *   0005 戊厂 since 04-01 [高新技术]  after March, never visited: out
 *   0006 己厂 since 03-31 [规上]      the last day: in, not visited
 *   March: firms 5; not visited 丙厂, 己厂.  高新技术 3 firms (0001 0002
 *   0004), 3 visited; 专精特新 1, 0; 小巨人 0, 0; 规上 2 (0001 0006), 1.
 *   February: 0001 0002 0003 = 3 (0004 not visited yet, 0006 later).
 *   January: 0001 0003 = 2.
 *
 * Visits (visitors):
 *   V1 01-10 0003 [张三]        before the campaign: nowhere, not even
 *                               in January's month column
 *   V2 01-20 0001 [张三, 李四]
 *   V3 02-05 0002 [李四]
 *   V4 02-20 0001 [王五]
 *   V5 03-04 0001 [张三, 李四]
 *   V6 03-15 0004 [李四, 赵六]
 *   V7 03-31 0002 [张三]        the last day
 *   V8 04-01 0003 [钱七]        after the month: ignored
 *   March: visits 3, firms 3 (0001 0004 0002), visitors 3 (张三 李四
 *   赵六).  Cumulative: 6 visits, firms 3, visitors 4 (+王五).
 *   February: 2, 2, 2 (李四 王五).  January: 1, 1, 2.
 *
 * Demands (opened, unit, deadlines, log; "fields" = no usable log):
 *   D0  202401-0001 01-16 problem  financing   open, no unit, no log
 *   D3  202402-0001 02-01 problem  land        丁局 due 02-20; resolved
 *       02-10; follow-up 02-15 dissatisfied; reopened 02-16 due 03-10;
 *       resolved 03-08 (36 days); follow-up 03-12 satisfied
 *   D5  202402-0002 02-10 problem  labour      amount 20000; 甲局 due
 *       02-25; returned by 甲局 02-12; 乙局 due 03-05; resolved 03-04
 *       (23 days); follow-up 03-10 satisfied
 *   D6  202402-0003 02-20 problem  permits     level higher now; 甲局 due
 *       03-20; escalated 03-14; resolved 03-18 (27 days); follow-up
 *       03-25 dissatisfied
 *   D17 202402-0004 02-05 suggestion services  adopted 02-26 (21 days),
 *       no deadline; follow-up 02-28 basic
 *   D4  202403-0001 03-01 problem  energy      甲局 due 03-10, extended
 *       03-09 to 03-20; resolved 03-15 (14 days): late by the original,
 *       on time by the extended; follow-up 04-03 (after the month)
 *   D12 202403-0002 03-02 problem  other       丁局 due 03-15, open:
 *       overdue 16 days at 03-31
 *   D8  202403-0003 03-03 suggestion policy    fields: 丙局 due 03-25,
 *       adopted 03-20 (17 days), no log
 *   D1  202403-0004 03-05 problem  financing   amount 500000; 乙局 due
 *       03-20; resolved 03-12 (7 days), opened and closed in March;
 *       follow-up 03-20 basic
 *   D9  202403-0005 03-06 problem  logistics   fields 丁局 due 03-21,
 *       resolved 03-22 (16 days, late), satisfaction basic; its log says
 *       丙局 due 03-30 and resolved 03-10: it disagrees with the record
 *       (closed date), so the fields count
 *   D11 202403-0006 03-07 problem  market      unit "=cmd" due 03-31;
 *       declined 03-28 (21 days, on time): no case
 *   D2  202403-0007 03-10 problem  technology  丙局 due 03-25; resolved
 *       04-05, after the month: open and 6 days overdue at 03-31
 *   D13 202403-0008 03-08 problem  infrastructure 丁局 due 03-20;
 *       resolved 03-20 (12 days), on its deadline: on time
 *   D14 202403-0009 03-11 problem  environment 丙局 due 04-10; resolved
 *       03-29 (18 days)
 *   D15 202403-0010 03-20 problem  other       戊局 due 04-15, open, not
 *       due yet
 *   D7  202404-0001 04-02 problem  other       after the month: ignored
 *   (D13 is written before D8 in its file: the cases are still by
 *   closing date, then ID.)
 *
 * March, month column:
 *   demands 10 (D4 D12 D8 D1 D9 D11 D2 D13 D14 D15), problems 9,
 *   suggestions 1 (D8), all local (D6, escalated, was opened in
 *   February): local 10, higher 0, local problems 9, higher problems 0;
 *   amount 500000 (D1).
 *   categories: financing 1, infrastructure 1, logistics 1, policy 1,
 *   market 1, energy 1, technology 1, environment 1, other 2.
 *   closed in March (state at 03-31): D5 D3 D1 D4 D6 D8 D13 D9 D14 D11
 *   = 10 (D3 counts once though closed twice); resolved 8 (all but D8
 *   adopted and D11 declined), local resolved 7, higher resolved 1 (D6,
 *   higher at the month's end); adopted 1; declined 1.
 *   with a deadline: all 10; on time by the first deadline of the last
 *   round: all but D4 (03-15 > 03-10) and D9 (03-22 > 03-21) = 8 (D3
 *   against 03-10 of its second round, D5 against 03-05 of 乙局, D13 on
 *   the day); by the last deadline 9 (D4 too).
 *   days: 7 12 14 16 17 18 21 23 27 36 -> even count, (17+18)/2 = 17.5,
 *   median_days_x2 35.
 *   follow-up calls in March: D5 03-10 satisfied, D3 03-12 satisfied, D1
 *   03-20 basic, D6 03-25 dissatisfied = 4 (2, 1, 1); D4's 04-03 is
 *   after the month, D9's basic is no call.
 * Cumulative (01-15 .. 03-31):
 *   demands 15 (D0, 4 of February, 10 of March), problems 13,
 *   suggestions 2 (D17 D8), local 14, higher 1 (D6), local problems 12,
 *   higher problems 1; amount 520000.
 *   categories: financing 2, land 1, labour 1, permits 1,
 *   infrastructure 1, logistics 1, policy 1, market 1, energy 1,
 *   technology 1, environment 1, services 1, other 2.
 *   closed 11 (+D17), resolved 8, local 7, higher 1, adopted 2, declined
 *   1; with a deadline 10 (D17 had none: left out), on time 8 / 9.
 *   days: 7 12 14 16 17 18 21 21 23 27 36 -> 18, x2 36.
 *   ratings, the last by 03-31 of each closed demand: D3 satisfied (the
 *   02-15 dissatisfied one was forgotten at the reopening), D5
 *   satisfied, D6 dissatisfied, D17 basic, D1 basic, D9 basic (its
 *   field), D4 none (04-03 is after) = 6: 2 satisfied, 3 basic, 1
 *   dissatisfied; satisfaction 5/6 = 83.3%, follow-up 6/11 = 54.5%.
 *   resolution rate 7/12 = 58.3%; adoption 2/2 = 100.0%; coverage 3/5 =
 *   60.0%.
 *   open at 03-31: D0, D2 (overdue 6), D12 (overdue 16), D15 = 4;
 *   overdue 2; most days overdue 16.
 * Departments at 03-31 (code point order: "=cmd" 丁 丙 乙 戊 甲):
 *   =cmd  D11: assigned 1, closed 1, on time 1, overdue 0, returned 0,
 *         median 21; 100%
 *   丁局  D3 D9 D12 D13: 4, closed 3 (36 16 12 -> median 16), on time 2
 *         (D3 D13), overdue 1 (D12); 3/4 = 75.0%, exactly the threshold:
 *         not named.  (Had D9's log been trusted, it would be 丙局's.)
 *   丙局  D2 D8 D14: 3, closed 2 (17 18 -> 17.5), on time 2, overdue 1;
 *         2/3 = 66.7% < 75%: named
 *   乙局  D1 D5: 2, closed 2 (7 23 -> 15), on time 2
 *   戊局  D15: 1, nothing closed or overdue: rate -, median -, not named
 *   甲局  D4 D6: 2 (D5 went to 乙局), closed 2 (14 27 -> 20.5), on time 1
 *         (D6; D4 late by its first deadline), returned 1 (D5)
 * Cases of March (closed resolved or adopted in March, by date then ID):
 *   D5 03-04, D3 03-08, D1 03-12, D4 03-15, D6 03-18, D8 03-20 (adopted),
 *   D13 03-20, D9 03-22, D14 03-29.
 * February, the month before (state at 02-29):
 *   visits 2, firms 2, visitors 2; demands 4 (D3 D5 D6 D17), problems 3,
 *   suggestions 1, local 4 (D6 not escalated yet), higher 0, local
 *   problems 3; amount 20000; categories land, labour, permits,
 *   services 1 each; closed 1 (D17: D3 was reopened by then), adopted 1,
 *   no deadline; median 21 (x2 42); calls 2 (D3 dissatisfied 02-15, D17
 *   basic 02-28).  Open at 02-29: D0 D3 D5 D6 = 4, none overdue.
 */
static const char campaign_settings[] =
	"site: HY\n"
	"organisation: 测试区管委会\n"
	"campaign_start: 2024-01-15\n"
	"threshold: 75\n"
	"coverage_tags: [高新技术, 专精特新, 小巨人, 规上]\n";

static const char campaign_firms[] =
	"---\nid: F-HY-0001\nname: 甲厂\nsince: 2024-01-15\ntags: [高新技术, 规上]\n"
	"---\nid: F-HY-0002\nname: 乙厂\nsince: 2024-02-01\ntags: [高新技术]\n"
	"---\nid: F-HY-0003\nname: 丙厂\ntags: [专精特新]\n"
	"---\nid: F-HY-0004\nname: 丁厂\nsince: 2024-04-10\ntags: [高新技术]\n"
	"---\nid: F-HY-0005\nname: 戊厂\nsince: 2024-04-01\ntags: [高新技术]\n"
	"---\nid: F-HY-0006\nname: 己厂\nsince: 2024-03-31\ntags: [规上]\n";

#define CVISIT(id, date, firm, who) \
	"---\nid: " id "\ndate: " date "\nfirm: " firm \
	"\nvisitors: " who "\nkind: visit\n"

/* A demand record's fixed part. */
#define CDEMAND(id, firm, opened, kind, level, cat, title, status) \
	"---\nid: " id "\nfirm: " firm "\nopened: " opened "\nkind: " kind \
	"\nlevel: " level "\ncategory: " cat "\ntitle: " title \
	"\nstatus: " status "\n"

static const char campaign_demands_01[] =
	CDEMAND("D-HY-202401-0001", "F-HY-0003", "2024-01-16", "problem",
		"local", "financing", "一月诉求", "open");

static const char campaign_demands_02[] =
	/* D3: resolved, rated dissatisfied, reopened, resolved again. */
	CDEMAND("D-HY-202402-0001", "F-HY-0002", "2024-02-01", "problem",
		"local", "land", "厂房漏水", "resolved")
	"dept: 丁局\ndue: 2024-03-10\nclosed: 2024-03-08\n"
	"satisfaction: satisfied\nresolution: 已修复\n"
	"log:\n"
	"  - {date: 2024-02-01, action: collect}\n"
	"  - {date: 2024-02-01, action: assign, dept: 丁局, due: 2024-02-20}\n"
	"  - {date: 2024-02-10, action: resolve}\n"
	"  - {date: 2024-02-15, action: follow-up, satisfaction: dissatisfied}\n"
	"  - {date: 2024-02-16, action: reopen, due: 2024-03-10}\n"
	"  - {date: 2024-03-08, action: resolve}\n"
	"  - {date: 2024-03-12, action: follow-up, satisfaction: satisfied}\n"
	/* D5: returned by 甲局, reassigned to 乙局. */
	CDEMAND("D-HY-202402-0002", "F-HY-0001", "2024-02-10", "problem",
		"local", "labour", "招工难", "resolved")
	"amount: 20000\n"
	"dept: 乙局\ndue: 2024-03-05\nclosed: 2024-03-04\n"
	"satisfaction: satisfied\nresolution: 招聘会\n"
	"log:\n"
	"  - {date: 2024-02-10, action: assign, dept: 甲局, due: 2024-02-25}\n"
	"  - {date: 2024-02-12, action: return, dept: 甲局, note: 非本单位职责}\n"
	"  - {date: 2024-02-13, action: assign, dept: 乙局, due: 2024-03-05}\n"
	"  - {date: 2024-03-04, action: resolve}\n"
	"  - {date: 2024-03-10, action: follow-up, satisfaction: satisfied}\n"
	/* D6: escalated on 03-14. */
	CDEMAND("D-HY-202402-0003", "F-HY-0004", "2024-02-20", "problem",
		"higher", "permits", "审批", "resolved")
	"dept: 甲局\ndue: 2024-03-20\nclosed: 2024-03-18\n"
	"satisfaction: dissatisfied\nresolution: 已批复\n"
	"log:\n"
	"  - {date: 2024-02-20, action: assign, dept: 甲局, due: 2024-03-20}\n"
	"  - {date: 2024-03-14, action: escalate}\n"
	"  - {date: 2024-03-18, action: resolve}\n"
	"  - {date: 2024-03-25, action: follow-up, satisfaction: dissatisfied}\n"
	/* D17: adopted in February, without a deadline. */
	CDEMAND("D-HY-202402-0004", "F-HY-0002", "2024-02-05", "suggestion",
		"local", "services", "建议", "adopted")
	"closed: 2024-02-26\nsatisfaction: basic\nresolution: 采纳\n"
	"log:\n"
	"  - {date: 2024-02-05, action: collect}\n"
	"  - {date: 2024-02-26, action: adopt}\n"
	"  - {date: 2024-02-28, action: follow-up, satisfaction: basic}\n";

static const char campaign_demands_03[] =
	/* D4: extended. */
	CDEMAND("D-HY-202403-0001", "F-HY-0001", "2024-03-01", "problem",
		"local", "energy", "用电", "resolved")
	"dept: 甲局\ndue: 2024-03-20\noriginal_due: 2024-03-10\n"
	"closed: 2024-03-15\nsatisfaction: satisfied\nresolution: 已通电\n"
	"log:\n"
	"  - {date: 2024-03-01, action: assign, dept: 甲局, due: 2024-03-10}\n"
	"  - {date: 2024-03-09, action: extend, due: 2024-03-20}\n"
	"  - {date: 2024-03-15, action: resolve}\n"
	"  - {date: 2024-04-03, action: follow-up, satisfaction: satisfied}\n"
	/* D12: open and overdue. */
	CDEMAND("D-HY-202403-0002", "F-HY-0003", "2024-03-02", "problem",
		"local", "other", "道路", "assigned")
	"dept: 丁局\ndue: 2024-03-15\n"
	"log:\n"
	"  - {date: 2024-03-02, action: assign, dept: 丁局, due: 2024-03-15}\n"
	/* D13, written before D8: closed the same day, later ID. */
	CDEMAND("D-HY-202403-0008", "F-HY-0001", "2024-03-08", "problem",
		"local", "infrastructure", "路灯", "resolved")
	"dept: 丁局\ndue: 2024-03-20\nclosed: 2024-03-20\nresolution: 已安装\n"
	"log:\n"
	"  - {date: 2024-03-08, action: assign, dept: 丁局, due: 2024-03-20}\n"
	"  - {date: 2024-03-20, action: resolve}\n"
	/* D8: no log. */
	CDEMAND("D-HY-202403-0003", "F-HY-0002", "2024-03-03", "suggestion",
		"local", "policy", "政策建议", "adopted")
	"dept: 丙局\ndue: 2024-03-25\nclosed: 2024-03-20\nresolution: 已采纳\n"
	/* D1: opened and closed in March. */
	CDEMAND("D-HY-202403-0004", "F-HY-0001", "2024-03-05", "problem",
		"local", "financing", "贷款", "resolved")
	"amount: 500000\n"
	"dept: 乙局\ndue: 2024-03-20\nclosed: 2024-03-12\n"
	"satisfaction: basic\nresolution: 已放贷\n"
	"log:\n"
	"  - {date: 2024-03-05, action: assign, dept: 乙局, due: 2024-03-20}\n"
	"  - {date: 2024-03-12, action: resolve}\n"
	"  - {date: 2024-03-20, action: follow-up, satisfaction: basic}\n"
	/* D9: the log disagrees with the record. */
	CDEMAND("D-HY-202403-0005", "F-HY-0002", "2024-03-06", "problem",
		"local", "logistics", "物流", "resolved")
	"dept: 丁局\ndue: 2024-03-21\nclosed: 2024-03-22\n"
	"satisfaction: basic\nresolution: 已协调\n"
	"log:\n"
	"  - {date: 2024-03-06, action: assign, dept: 丙局, due: 2024-03-30}\n"
	"  - {date: 2024-03-10, action: resolve}\n"
	/* D11: declined, by a unit whose name looks like a formula. */
	CDEMAND("D-HY-202403-0006", "F-HY-0004", "2024-03-07", "problem",
		"local", "market", "市场", "declined")
	"dept: \"=cmd\"\ndue: 2024-03-31\nclosed: 2024-03-28\n"
	"resolution: 无法解决\n"
	"log:\n"
	"  - {date: 2024-03-07, action: assign, dept: \"=cmd\", due: 2024-03-31}\n"
	"  - {date: 2024-03-28, action: decline}\n"
	/* D2: closed after the month. */
	CDEMAND("D-HY-202403-0007", "F-HY-0003", "2024-03-10", "problem",
		"local", "technology", "技术", "resolved")
	"dept: 丙局\ndue: 2024-03-25\nclosed: 2024-04-05\nresolution: 后办结\n"
	"log:\n"
	"  - {date: 2024-03-10, action: assign, dept: 丙局, due: 2024-03-25}\n"
	"  - {date: 2024-04-05, action: resolve}\n"
	/* D14 */
	CDEMAND("D-HY-202403-0009", "F-HY-0004", "2024-03-11", "problem",
		"local", "environment", "环评", "resolved")
	"dept: 丙局\ndue: 2024-04-10\nclosed: 2024-03-29\nresolution: 已办\n"
	"log:\n"
	"  - {date: 2024-03-11, action: assign, dept: 丙局, due: 2024-04-10}\n"
	"  - {date: 2024-03-29, action: resolve}\n"
	/* D15: open, not due yet. */
	CDEMAND("D-HY-202403-0010", "F-HY-0002", "2024-03-20", "problem",
		"local", "other", "未到期", "assigned")
	"dept: 戊局\ndue: 2024-04-15\n"
	"log:\n"
	"  - {date: 2024-03-20, action: assign, dept: 戊局, due: 2024-04-15}\n";

static const char campaign_demands_04[] =
	CDEMAND("D-HY-202404-0001", "F-HY-0001", "2024-04-02", "problem",
		"local", "other", "四月", "open");

static int setup_campaign(void **state)
{
	struct ctx *c = calloc(1, sizeof(*c));

	if (!c || fixture_make(&c->fx, "report2") != 0) {
		free(c);
		return -1;
	}
	*state = c;
	fixture_put(&c->fx, "qf.yaml", campaign_settings);
	fixture_put(&c->fx, "firms/HY.yaml", campaign_firms);
	fixture_put(&c->fx, "visits/2024-01.yaml",
		CVISIT("V-HY-202401-0001", "2024-01-10", "F-HY-0003", "[张三]")
		CVISIT("V-HY-202401-0002", "2024-01-20", "F-HY-0001",
		       "[张三, 李四]"));
	fixture_put(&c->fx, "visits/2024-02.yaml",
		CVISIT("V-HY-202402-0001", "2024-02-05", "F-HY-0002", "[李四]")
		CVISIT("V-HY-202402-0002", "2024-02-20", "F-HY-0001", "[王五]"));
	fixture_put(&c->fx, "visits/2024-03.yaml",
		CVISIT("V-HY-202403-0001", "2024-03-04", "F-HY-0001",
		       "[张三, 李四]")
		CVISIT("V-HY-202403-0002", "2024-03-15", "F-HY-0004",
		       "[李四, 赵六]")
		CVISIT("V-HY-202403-0003", "2024-03-31", "F-HY-0002", "[张三]"));
	fixture_put(&c->fx, "visits/2024-04.yaml",
		CVISIT("V-HY-202404-0001", "2024-04-01", "F-HY-0003", "[钱七]"));
	fixture_put(&c->fx, "demands/2024-01.yaml", campaign_demands_01);
	fixture_put(&c->fx, "demands/2024-02.yaml", campaign_demands_02);
	fixture_put(&c->fx, "demands/2024-03.yaml", campaign_demands_03);
	fixture_put(&c->fx, "demands/2024-04.yaml", campaign_demands_04);
	return fixture_open(&c->fx, &c->s);
}

/* Compare two sets of period figures field by field, naming every field
 * that differs before failing. */
static void check_period(const struct qf_period_figures *got,
			 const struct qf_period_figures *want,
			 const char *what)
{
	int bad = 0;

#define CHECK(field) do { \
	if ((long long)got->field != (long long)want->field) { \
		print_error("%s.%s: got %lld, want %lld\n", what, #field, \
			    (long long)got->field, (long long)want->field); \
		bad = 1; \
	} } while (0)
	CHECK(visits);
	CHECK(firms_visited);
	CHECK(visitors);
	CHECK(demands);
	CHECK(amount);
	CHECK(problems);
	CHECK(suggestions);
	CHECK(local);
	CHECK(higher);
	CHECK(local_problems);
	CHECK(higher_problems);
	for (int i = 0; i < QF_REPORT_NCATS; i++)
		if (got->by_category[i] != want->by_category[i]) {
			print_error("%s.by_category[%d]: got %ld, want %ld\n",
				    what, i, got->by_category[i],
				    want->by_category[i]);
			bad = 1;
		}
	CHECK(resolved);
	CHECK(local_resolved);
	CHECK(higher_resolved);
	CHECK(adopted);
	CHECK(declined);
	CHECK(closed);
	CHECK(closed_with_due);
	CHECK(on_time_original);
	CHECK(on_time_extended);
	CHECK(median_days_x2);
	CHECK(rated);
	CHECK(satisfied);
	CHECK(basic);
	CHECK(dissatisfied);
#undef CHECK
	assert_false(bad);
}

/* The categories, in vocab.h's order. */
enum { FIN, LAND, LAB, PERM, INFRA, LOGI, POL, MKT, ENER, TECH, ENV, SERV,
       OTHER };

static const struct qf_period_figures march_month = {
	.visits = 3, .firms_visited = 3, .visitors = 3,
	.demands = 10, .amount = 500000, .problems = 9, .suggestions = 1,
	.local = 10, .higher = 0, .local_problems = 9, .higher_problems = 0,
	.by_category = { [FIN] = 1, [INFRA] = 1, [LOGI] = 1, [POL] = 1,
			 [MKT] = 1, [ENER] = 1, [TECH] = 1, [ENV] = 1,
			 [OTHER] = 2 },
	.resolved = 8, .local_resolved = 7, .higher_resolved = 1,
	.adopted = 1, .declined = 1, .closed = 10,
	.closed_with_due = 10, .on_time_original = 8, .on_time_extended = 9,
	.median_days_x2 = 35,
	.rated = 4, .satisfied = 2, .basic = 1, .dissatisfied = 1,
};

static const struct qf_period_figures march_total = {
	.visits = 6, .firms_visited = 3, .visitors = 4,
	.demands = 15, .amount = 520000, .problems = 13, .suggestions = 2,
	.local = 14, .higher = 1, .local_problems = 12, .higher_problems = 1,
	.by_category = { [FIN] = 2, [LAND] = 1, [LAB] = 1, [PERM] = 1,
			 [INFRA] = 1, [LOGI] = 1, [POL] = 1, [MKT] = 1,
			 [ENER] = 1, [TECH] = 1, [ENV] = 1, [SERV] = 1,
			 [OTHER] = 2 },
	.resolved = 8, .local_resolved = 7, .higher_resolved = 1,
	.adopted = 2, .declined = 1, .closed = 11,
	.closed_with_due = 10, .on_time_original = 8, .on_time_extended = 9,
	.median_days_x2 = 36,
	.rated = 6, .satisfied = 2, .basic = 3, .dissatisfied = 1,
};

static const struct qf_period_figures february_month = {
	.visits = 2, .firms_visited = 2, .visitors = 2,
	.demands = 4, .amount = 20000, .problems = 3, .suggestions = 1,
	.local = 4, .higher = 0, .local_problems = 3, .higher_problems = 0,
	.by_category = { [LAND] = 1, [LAB] = 1, [PERM] = 1, [SERV] = 1 },
	.resolved = 0, .local_resolved = 0, .higher_resolved = 0,
	.adopted = 1, .declined = 0, .closed = 1,
	.closed_with_due = 0, .on_time_original = 0, .on_time_extended = 0,
	.median_days_x2 = 42,
	.rated = 2, .satisfied = 0, .basic = 1, .dissatisfied = 1,
};

static void check_dept(const struct qf_dept_figures *d, const char *name,
		       long assigned, long closed, long on_time, long overdue,
		       long returned, long median_x2, int below)
{
	assert_string_equal(d->name, name);
	if (d->assigned != assigned || d->closed != closed ||
	    d->on_time != on_time || d->overdue != overdue ||
	    d->returned != returned || d->median_days_x2 != median_x2 ||
	    d->below != below)
		print_error("%s: got %ld %ld %ld %ld %ld %ld %d, "
			    "want %ld %ld %ld %ld %ld %ld %d\n", name,
			    d->assigned, d->closed, d->on_time, d->overdue,
			    d->returned, d->median_days_x2, d->below,
			    assigned, closed, on_time, overdue, returned,
			    median_x2, below);
	assert_int_equal(d->assigned, assigned);
	assert_int_equal(d->closed, closed);
	assert_int_equal(d->on_time, on_time);
	assert_int_equal(d->overdue, overdue);
	assert_int_equal(d->returned, returned);
	assert_int_equal(d->median_days_x2, median_x2);
	assert_int_equal(d->below, below);
}

static void check_story(const struct qf_story *s, const char *id,
			const char *firm, const char *title, const char *dept,
			const char *resolution, const char *opened,
			const char *closed, long days, int adopted)
{
	char d1[16], d2[16];

	assert_string_equal(s->id, id);
	assert_string_equal(s->firm, firm);
	assert_string_equal(s->title, title);
	assert_string_equal(s->dept, dept);
	assert_string_equal(s->resolution, resolution);
	assert_string_equal(qf_date_format(&s->opened, d1, sizeof(d1)), opened);
	assert_string_equal(qf_date_format(&s->closed, d2, sizeof(d2)), closed);
	assert_int_equal(s->days, days);
	assert_int_equal(s->adopted, adopted);
}

static void test_campaign_month(void **state)
{
	struct ctx *c = *state;
	struct qf_month_figures f;
	struct qf_error err;

	memset(&f, 0x5a, sizeof(f));
	assert_int_equal(qf_report_month(c->s, 2024, 3, &f, &err), QF_OK);
	assert_int_equal(f.year, 2024);
	assert_int_equal(f.month, 3);
	assert_int_equal(f.end.d, 31);
	assert_int_equal(f.campaign_start.y, 2024);
	assert_int_equal(f.campaign_start.m, 1);
	assert_int_equal(f.campaign_start.d, 15);
	assert_int_equal(f.threshold, 75);

	check_period(&f.month_f, &march_month, "month_f");
	check_period(&f.total, &march_total, "total");

	assert_int_equal(f.firms, 5);
	assert_int_equal(f.open_at_end, 4);
	assert_int_equal(f.overdue_at_end, 2);
	assert_int_equal(f.overdue_days_max, 16);

	/* Coverage by the tags of the setting, not the default ones. */
	assert_int_equal(f.ntags, 4);
	assert_string_equal(f.tags[0].tag, "高新技术");
	assert_int_equal(f.tags[0].firms, 3);
	assert_int_equal(f.tags[0].visited, 3);
	assert_string_equal(f.tags[1].tag, "专精特新");
	assert_int_equal(f.tags[1].firms, 1);
	assert_int_equal(f.tags[1].visited, 0);
	assert_string_equal(f.tags[2].tag, "小巨人");
	assert_int_equal(f.tags[2].firms, 0);
	assert_int_equal(f.tags[2].visited, 0);
	assert_string_equal(f.tags[3].tag, "规上");
	assert_int_equal(f.tags[3].firms, 2);
	assert_int_equal(f.tags[3].visited, 1);

	assert_int_equal(f.nnot_visited, 2);
	assert_string_equal(f.not_visited[0], "丙厂");
	assert_string_equal(f.not_visited[1], "己厂");

	assert_int_equal(f.ndepts, 6);
	/*                        name    asg cl ot od ret mx2 below */
	check_dept(&f.depts[0], "=cmd",   1, 1, 1, 0, 0, 42, 0);
	check_dept(&f.depts[1], "丁局",   4, 3, 2, 1, 0, 32, 0);
	check_dept(&f.depts[2], "丙局",   3, 2, 2, 1, 0, 35, 1);
	check_dept(&f.depts[3], "乙局",   2, 2, 2, 0, 0, 30, 0);
	check_dept(&f.depts[4], "戊局",   1, 0, 0, 0, 0, -1, 0);
	check_dept(&f.depts[5], "甲局",   2, 2, 1, 0, 1, 41, 0);

	assert_int_equal(f.nstories, 9);
	check_story(&f.stories[0], "D-HY-202402-0002", "甲厂", "招工难", "乙局",
		    "招聘会", "2024-02-10", "2024-03-04", 23, 0);
	check_story(&f.stories[1], "D-HY-202402-0001", "乙厂", "厂房漏水",
		    "丁局", "已修复", "2024-02-01", "2024-03-08", 36, 0);
	check_story(&f.stories[2], "D-HY-202403-0004", "甲厂", "贷款", "乙局",
		    "已放贷", "2024-03-05", "2024-03-12", 7, 0);
	check_story(&f.stories[3], "D-HY-202403-0001", "甲厂", "用电", "甲局",
		    "已通电", "2024-03-01", "2024-03-15", 14, 0);
	check_story(&f.stories[4], "D-HY-202402-0003", "丁厂", "审批", "甲局",
		    "已批复", "2024-02-20", "2024-03-18", 27, 0);
	check_story(&f.stories[5], "D-HY-202403-0003", "乙厂", "政策建议",
		    "丙局", "已采纳", "2024-03-03", "2024-03-20", 17, 1);
	check_story(&f.stories[6], "D-HY-202403-0008", "甲厂", "路灯", "丁局",
		    "已安装", "2024-03-08", "2024-03-20", 12, 0);
	check_story(&f.stories[7], "D-HY-202403-0005", "乙厂", "物流", "丁局",
		    "已协调", "2024-03-06", "2024-03-22", 16, 0);
	check_story(&f.stories[8], "D-HY-202403-0009", "丁厂", "环评", "丙局",
		    "已办", "2024-03-11", "2024-03-29", 18, 0);

	assert_int_equal(f.has_prev, 1);
	check_period(&f.prev, &february_month, "prev");
	assert_int_equal(f.prev_open_at_end, 4);
	assert_int_equal(f.prev_overdue_at_end, 0);
	qf_report_release(&f);
}

/* February: its own month is the prev of March; D6 is still local (it is
 * escalated in March); the month before is January, which the campaign
 * started in.  January: the first month, with no month before. */
static void test_campaign_first_months(void **state)
{
	struct ctx *c = *state;
	struct qf_month_figures f;
	struct qf_error err;
	static const struct qf_period_figures feb_total = {
		/* V2 V3 V4; 0001 0002; 张三 李四 王五 */
		.visits = 3, .firms_visited = 2, .visitors = 3,
		/* D0 and February's four, D6 local */
		.demands = 5, .amount = 20000, .problems = 4,
		.suggestions = 1, .local = 5, .higher = 0,
		.local_problems = 4, .higher_problems = 0,
		.by_category = { [FIN] = 1, [LAND] = 1, [LAB] = 1,
				 [PERM] = 1, [SERV] = 1 },
		/* D17 only */
		.adopted = 1, .closed = 1, .median_days_x2 = 42,
		/* D17 basic; D3's dissatisfied rating went with the
		 * reopening */
		.rated = 1, .basic = 1,
	};
	static const struct qf_period_figures january = {
		/* V2 only: V1 (01-10) is before the campaign start */
		.visits = 1, .firms_visited = 1, .visitors = 2,
		.demands = 1, .problems = 1, .local = 1, .local_problems = 1,
		.by_category = { [FIN] = 1 },
		.median_days_x2 = -1,
	};

	assert_int_equal(qf_report_month(c->s, 2024, 2, &f, &err), QF_OK);
	check_period(&f.month_f, &february_month, "february month_f");
	check_period(&f.total, &feb_total, "february total");
	assert_int_equal(f.firms, 3);
	assert_int_equal(f.open_at_end, 4);
	assert_int_equal(f.overdue_at_end, 0);
	assert_int_equal(f.overdue_days_max, 0);
	assert_int_equal(f.nnot_visited, 1);
	assert_string_equal(f.not_visited[0], "丙厂");
	/* Units at 02-29: D3 丁局 (reopened, open), D5 乙局, D6 甲局; 甲局
	 * returned D5 on 02-12.  Nothing closed or overdue: none named. */
	assert_int_equal(f.ndepts, 3);
	check_dept(&f.depts[0], "丁局", 1, 0, 0, 0, 0, -1, 0);
	check_dept(&f.depts[1], "乙局", 1, 0, 0, 0, 0, -1, 0);
	check_dept(&f.depts[2], "甲局", 1, 0, 0, 0, 1, -1, 0);
	/* D17 only: D3, resolved on 02-10, was reopened by 02-29. */
	assert_int_equal(f.nstories, 1);
	check_story(&f.stories[0], "D-HY-202402-0004", "乙厂", "建议", "",
		    "采纳", "2024-02-05", "2024-02-26", 21, 1);
	assert_int_equal(f.has_prev, 1);
	check_period(&f.prev, &january, "february prev");
	assert_int_equal(f.prev_open_at_end, 1);
	assert_int_equal(f.prev_overdue_at_end, 0);
	qf_report_release(&f);

	/* January 2024: the campaign's first month. */
	assert_int_equal(qf_report_month(c->s, 2024, 1, &f, &err), QF_OK);
	check_period(&f.month_f, &january, "january month_f");
	check_period(&f.total, &january, "january total");
	assert_int_equal(f.firms, 2);
	assert_int_equal(f.open_at_end, 1);
	assert_int_equal(f.has_prev, 0);
	assert_int_equal(f.prev.visits, 0);
	assert_int_equal(f.prev.demands, 0);
	assert_int_equal(f.prev_open_at_end, 0);
	assert_int_equal(f.ndepts, 0);
	assert_int_equal(f.nstories, 0);
	assert_int_equal(f.tags[0].firms, 1);    /* 高新技术: 0001 */
	assert_int_equal(f.tags[0].visited, 1);
	{
		char *out = qf_report_render(&f, QF_REPORT_MARKDOWN, "zh",
					     "测试区管委会");
		assert_non_null(out);
		/* No change column figures in the first month. */
		assert_has(out, "\n| 走访次数 | 1 | 1 |  |\n");
		assert_has(out, "\n| 月末未办结 |  | 1 |  |\n");
		assert_has(out, "\n本月无办结案例。\n");
		assert_has(out, "\n各单位办结率均不低于75%。\n");
		free(out);
		out = qf_report_render(&f, QF_REPORT_JSON, "zh", NULL);
		assert_non_null(out);
		assert_true(jsoncheck_valid(out));
		assert_null(strstr(out, "previous_month"));
		free(out);
	}
	qf_report_release(&f);
}

static void test_campaign_markdown(void **state)
{
	struct ctx *c = *state;
	struct qf_month_figures f;
	struct qf_error err;
	char *out;

	assert_int_equal(qf_report_month(c->s, 2024, 3, &f, &err), QF_OK);
	out = qf_report_render(&f, QF_REPORT_MARKDOWN, "zh", "测试区管委会");
	assert_non_null(out);
	assert_has(out,
		"| 走访次数 | 3 | 6 | +1 |\n"
		"| 走访企业数 | 3 | 3 | +1 |\n"
		"| 走访人员 | 3 | 4 | +1 |\n"
		"| 收集诉求 | 10 | 15 | +6 |\n"
		"| 其中：问题 | 9 | 13 | +6 |\n"
		"| 建议 | 1 | 2 | +0 |\n"
		"| 已解决问题 | 8 | 8 | +8 |\n"
		"| 建议采纳 | 1 | 2 | +0 |\n"
		"| 无法解决 | 1 | 1 | +1 |\n"
		"| 涉及资金需求 | 50.0万元 | 52.0万元 |  |\n"
		"| 解决率（本级） |  | 7/12 = 58.3% |  |\n"
		"| 采纳率 |  | 2/2 = 100.0% |  |\n"
		"| 走访覆盖率 |  | 3/5 = 60.0% |  |\n"
		"| 月末未办结 |  | 4 | +0 |\n"
		"| 月末超期件 |  | 2 | +2 |\n"
		"| 最长超期天数 |  | 16 |  |\n");
	assert_has(out,
		"| 办结件数 | 10 | 11 |\n"
		"| 按期办结率（原定时限） | 8/10 = 80.0% | 8/10 = 80.0% |\n"
		"| 按期办结率（延期后时限） | 9/10 = 90.0% | 9/10 = 90.0% |\n"
		"| 办结用时中位数（天） | 17.5 | 18 |\n"
		"| 回访件数 | 4 | 6 |\n"
		"| 满意率 | 3/4 = 75.0% | 5/6 = 83.3% |\n"
		"| 回访率 |  | 6/11 = 54.5% |\n");
	assert_has(out,
		"|---|---:|---:|---:|---:|---:|---:|---:|\n"
		"| =cmd | 1 | 1 | 1 | 0 | 0 | 21 | 100.0% |\n"
		"| 丁局 | 4 | 3 | 2 | 1 | 0 | 16 | 75.0% |\n"
		"| 丙局 | 3 | 2 | 2 | 1 | 0 | 17.5 | 66.7% |\n"
		"| 乙局 | 2 | 2 | 2 | 0 | 0 | 15 | 100.0% |\n"
		"| 戊局 | 1 | 0 | 0 | 0 | 0 | - | - |\n"
		"| 甲局 | 2 | 2 | 1 | 0 | 1 | 20.5 | 100.0% |\n"
		"\n"
		"办结率低于75%的单位：丙局。\n");
	assert_has(out,
		"| 标签 | 在册企业 | 已走访 | 走访覆盖率 |\n"
		"|---|---:|---:|---:|\n"
		"| 高新技术 | 3 | 3 | 100.0% |\n"
		"| 专精特新 | 1 | 0 | 0.0% |\n"
		"| 小巨人 | 0 | 0 | - |\n"
		"| 规上 | 2 | 1 | 50.0% |\n"
		"| 全部 | 5 | 3 | 60.0% |\n"
		"\n"
		"尚未走访的企业（2家）：丙厂、己厂。\n");
	assert_has(out,
		"- 甲厂反映“招工难”，经乙局办理解决，历时23天。招聘会\n"
		"- 乙厂反映“厂房漏水”，经丁局办理解决，历时36天。已修复\n"
		"- 甲厂反映“贷款”，经乙局办理解决，历时7天。已放贷\n"
		"- 甲厂反映“用电”，经甲局办理解决，历时14天。已通电\n"
		"- 丁厂反映“审批”，经甲局办理解决，历时27天。已批复\n"
		"- 乙厂反映“政策建议”，经丙局采纳，历时17天。已采纳\n"
		"- 甲厂反映“路灯”，经丁局办理解决，历时12天。已安装\n"
		"- 乙厂反映“物流”，经丁局办理解决，历时16天。已协调\n"
		"- 丁厂反映“环评”，经丙局办理解决，历时18天。已办\n"
		"\n注：");
	free(out);

	out = qf_report_render(&f, QF_REPORT_MARKDOWN, "en", "Test zone");
	assert_non_null(out);
	assert_has(out, "\n| Money asked for | 500000 yuan | 520000 yuan |  |\n");
	assert_has(out, "\n| Median days to close | 17.5 | 18 |\n");
	assert_has(out, "\nUnits under 75%: 丙局.\n");
	assert_has(out, "\nFirms not visited yet (2): 丙厂, 己厂.\n");
	assert_has(out, "\n- 乙厂 asked: \"政策建议\"; adopted by 丙局 in 17 days. 已采纳\n");
	free(out);
	qf_report_release(&f);
}

static void test_campaign_json(void **state)
{
	struct ctx *c = *state;
	struct qf_month_figures f;
	struct qf_error err;
	char *out;

	assert_int_equal(qf_report_month(c->s, 2024, 3, &f, &err), QF_OK);
	out = qf_report_render(&f, QF_REPORT_JSON, "en", NULL);
	assert_non_null(out);
	if (!jsoncheck_valid(out))
		print_error("not JSON:\n%s\n", out);
	assert_true(jsoncheck_valid(out));
	assert_has(out, "  \"firms\": 5,\n  \"coverage\": \"60.0%\",\n"
		   "  \"resolution_rate\": \"58.3%\",\n"
		   "  \"adoption_rate\": \"100.0%\",\n"
		   "  \"on_time_rate_original\": \"80.0%\",\n"
		   "  \"on_time_rate_extended\": \"90.0%\",\n"
		   "  \"satisfaction_rate\": \"83.3%\",\n"
		   "  \"followup_rate\": \"54.5%\",\n"
		   "  \"open_at_end\": 4,\n  \"overdue_at_end\": 2,\n"
		   "  \"overdue_days_max\": 16,\n");
	assert_has(out, "    \"median_days\": 17.5,\n");
	assert_has(out, "    \"median_days\": 18,\n");
	assert_has(out, "  \"previous_month\": {\n"
		   "    \"visits\": 2, \"firms_visited\": 2, \"visitors\": 2,\n");
	assert_has(out, "  \"coverage_by_tag\": [{\"tag\": \"高新技术\", "
		   "\"firms\": 3, \"visited\": 3}, {\"tag\": \"专精特新\", "
		   "\"firms\": 1, \"visited\": 0}, {\"tag\": \"小巨人\", "
		   "\"firms\": 0, \"visited\": 0}, {\"tag\": \"规上\", "
		   "\"firms\": 2, \"visited\": 1}],\n"
		   "  \"not_visited\": [\"丙厂\", \"己厂\"],\n"
		   "  \"threshold\": 75,\n");
	assert_has(out, "{\"name\": \"丁局\", \"assigned\": 4, \"closed\": 3, "
		   "\"on_time\": 2, \"overdue\": 1, \"returned\": 0, "
		   "\"median_days\": 16, \"below_threshold\": false}");
	assert_has(out, "{\"name\": \"丙局\", \"assigned\": 3, \"closed\": 2, "
		   "\"on_time\": 2, \"overdue\": 1, \"returned\": 0, "
		   "\"median_days\": 17.5, \"below_threshold\": true}");
	assert_has(out, "{\"name\": \"戊局\", \"assigned\": 1, \"closed\": 0, "
		   "\"on_time\": 0, \"overdue\": 0, \"returned\": 0, "
		   "\"median_days\": null, \"below_threshold\": false}");
	assert_has(out, "{\"id\": \"D-HY-202403-0003\", \"firm\": \"乙厂\", "
		   "\"title\": \"政策建议\", \"dept\": \"丙局\", "
		   "\"opened\": \"2024-03-03\", \"closed\": \"2024-03-20\", "
		   "\"days\": 17, \"adopted\": true, \"resolution\": \"已采纳\"},\n"
		   "    {\"id\": \"D-HY-202403-0008\"");
	free(out);
	qf_report_release(&f);
}

static const char want_campaign_csv[] =
	"section,figure,month,cumulative\r\n"
	"overview,visits,3,6\r\n"
	"overview,firms_visited,3,3\r\n"
	"overview,visitors,3,4\r\n"
	"overview,demands,10,15\r\n"
	"overview,problems,9,13\r\n"
	"overview,suggestions,1,2\r\n"
	"overview,local_problems,9,12\r\n"
	"overview,higher_problems,0,1\r\n"
	"overview,resolved,8,8\r\n"
	"overview,local_resolved,7,7\r\n"
	"overview,higher_resolved,1,1\r\n"
	"overview,adopted,1,2\r\n"
	"overview,declined,1,1\r\n"
	"handling,closed,10,11\r\n"
	"handling,closed_with_due,10,10\r\n"
	"handling,on_time_original,8,8\r\n"
	"handling,on_time_extended,9,9\r\n"
	"handling,rated,4,6\r\n"
	"handling,satisfied,2,2\r\n"
	"handling,basic,1,3\r\n"
	"handling,dissatisfied,1,1\r\n"
	"overview,firms,,5\r\n"
	"overview,open_at_end,,4\r\n"
	"overview,overdue_at_end,,2\r\n"
	"category,financing,1,2\r\n"
	"category,land,0,1\r\n"
	"category,labour,0,1\r\n"
	"category,permits,0,1\r\n"
	"category,infrastructure,1,1\r\n"
	"category,logistics,1,1\r\n"
	"category,policy,1,1\r\n"
	"category,market,1,1\r\n"
	"category,energy,1,1\r\n"
	"category,technology,1,1\r\n"
	"category,environment,1,1\r\n"
	"category,services,0,1\r\n"
	"category,other,2,2\r\n"
	"department,\"'=cmd/assigned\",,1\r\n"
	"department,\"'=cmd/closed\",,1\r\n"
	"department,\"'=cmd/on_time\",,1\r\n"
	"department,\"'=cmd/overdue\",,0\r\n"
	"department,\"'=cmd/returned\",,0\r\n"
	"department,丁局/assigned,,4\r\n"
	"department,丁局/closed,,3\r\n"
	"department,丁局/on_time,,2\r\n"
	"department,丁局/overdue,,1\r\n"
	"department,丁局/returned,,0\r\n"
	"department,丙局/assigned,,3\r\n"
	"department,丙局/closed,,2\r\n"
	"department,丙局/on_time,,2\r\n"
	"department,丙局/overdue,,1\r\n"
	"department,丙局/returned,,0\r\n"
	"department,乙局/assigned,,2\r\n"
	"department,乙局/closed,,2\r\n"
	"department,乙局/on_time,,2\r\n"
	"department,乙局/overdue,,0\r\n"
	"department,乙局/returned,,0\r\n"
	"department,戊局/assigned,,1\r\n"
	"department,戊局/closed,,0\r\n"
	"department,戊局/on_time,,0\r\n"
	"department,戊局/overdue,,0\r\n"
	"department,戊局/returned,,0\r\n"
	"department,甲局/assigned,,2\r\n"
	"department,甲局/closed,,2\r\n"
	"department,甲局/on_time,,1\r\n"
	"department,甲局/overdue,,0\r\n"
	"department,甲局/returned,,1\r\n"
	"coverage,高新技术/firms,,3\r\n"
	"coverage,高新技术/visited,,3\r\n"
	"coverage,专精特新/firms,,1\r\n"
	"coverage,专精特新/visited,,0\r\n"
	"coverage,小巨人/firms,,0\r\n"
	"coverage,小巨人/visited,,0\r\n"
	"coverage,规上/firms,,2\r\n"
	"coverage,规上/visited,,1\r\n";

/* out without its "overview,amount_yuan,..." row, if any (see
 * test_csv_money): a new string to free. */
static char *without_money(const char *out)
{
	char *s = strdup(out), *p;

	assert_non_null(s);
	if ((p = strstr(s, "\r\noverview,amount_yuan,"))) {
		char *eol = strstr(p + 2, "\r\n");
		assert_non_null(eol);
		memmove(p, eol, strlen(eol) + 1);
	}
	return s;
}

static void test_campaign_csv(void **state)
{
	struct ctx *c = *state;
	struct qf_month_figures f;
	struct qf_error err;
	char *out, *rest;

	assert_int_equal(qf_report_month(c->s, 2024, 3, &f, &err), QF_OK);
	out = qf_report_render(&f, QF_REPORT_CSV, "zh", "测试区管委会");
	assert_non_null(out);
	/* The header, and a few rows on their own, before the whole. */
	assert_memory_equal(out, "section,figure,month,cumulative\r\n",
			    strlen("section,figure,month,cumulative\r\n"));
	assert_has(out, "\r\noverview,visitors,3,4\r\n");
	assert_has(out, "\r\nhandling,rated,4,6\r\n");
	assert_has(out, "\r\noverview,overdue_at_end,,2\r\n");
	assert_has(out, "\r\ndepartment,丙局/overdue,,1\r\n");
	assert_has(out, "\r\ndepartment,甲局/returned,,1\r\n");
	assert_has(out, "\r\ncoverage,规上/visited,,1\r\n");
	/* The unit "=cmd" is text, not a formula: quoted, after a '. */
	assert_has(out, "\r\ndepartment,\"'=cmd/assigned\",,1\r\n");
	assert_null(strstr(out, "\n="));
	assert_null(strstr(out, ",=cmd"));
	/* The whole, every row (the money row aside: test_csv_money). */
	rest = without_money(out);
	assert_string_equal(rest, want_campaign_csv);
	free(rest);
	free(out);
	/* The language does not change CSV. */
	out = qf_report_render(&f, QF_REPORT_CSV, "en", NULL);
	assert_non_null(out);
	rest = without_money(out);
	assert_string_equal(rest, want_campaign_csv);
	free(rest);
	free(out);
	qf_report_release(&f);
}

/* qf-monthly-report(1), FORMATS, csv: "The money and the rates are not
 * in it."; and FROZEN BULLETINS: "Only the figures of the CSV are
 * compared: a change of an amount, a name or a resolution alone is not
 * reported."  So no amount_yuan row. */
static void test_csv_money(void **state)
{
	struct ctx *c = *state;
	struct qf_month_figures f;
	struct qf_error err;
	char *out;
	int money;

	assert_int_equal(qf_report_month(c->s, 2024, 3, &f, &err), QF_OK);
	assert_int_equal(f.total.amount, 520000);
	out = qf_report_render(&f, QF_REPORT_CSV, "zh", NULL);
	assert_non_null(out);
	/* The money asked for is a figure like the others (so a frozen
	 * bulletin reports a changed amount): month, then cumulative. */
	money = strstr(out, "\r\noverview,amount_yuan,500000,520000\r\n") != NULL;
	free(out);
	qf_report_release(&f);
	assert_true(money);
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
		cmocka_unit_test_setup_teardown(test_campaign_month,
						setup_campaign, teardown),
		cmocka_unit_test_setup_teardown(test_campaign_first_months,
						setup_campaign, teardown),
		cmocka_unit_test_setup_teardown(test_campaign_markdown,
						setup_campaign, teardown),
		cmocka_unit_test_setup_teardown(test_campaign_json,
						setup_campaign, teardown),
		cmocka_unit_test_setup_teardown(test_campaign_csv,
						setup_campaign, teardown),
		cmocka_unit_test_setup_teardown(test_csv_money,
						setup_campaign, teardown),
	};

	/* The bulletin's wording comes from the catalogue the build made,
	 * as a program binds it (cmd/common.c). */
	bindtextdomain("qifu", QF_TEST_BUILD_DIR "/locale");
	bind_textdomain_codeset("qifu", "UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
