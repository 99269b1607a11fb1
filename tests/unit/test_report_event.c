/* test_report_event.c - the bulletin's section on campaign events
 * (report_event.c), on a store written into a temporary directory where
 * every figure is known by construction; and a store without events,
 * whose bulletin has no trace of them. */
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
	struct fixture fx;
	struct qf_store *s;
	struct qf_month_figures f;
};

/*
 * The fixture, for May 2023; the campaign started on 2023-03-01.
 * Firms F-HY-0001 一厂, F-HY-0002 二厂.
 *
 * Events (date, kind, firms, demands, outcomes):
 *   E-HY-202302-0001 02-20 briefing  -        -  booklets 100   before the
 *                                                               campaign: ignored
 *   E-HY-202304-0001 04-10 briefing  F1 F2    -  booklets 600   cumulative only
 *   E-HY-202305-0001 05-04 financing F1       D1 intended 100亿元 (10^10 yuan),
 *                                                signed 2000万元 (2*10^7)
 *   E-HY-202305-0002 05-20 jobs      F1 F2    -  positions 400, attendees 1000,
 *                                                hires 300
 *   E-HY-202306-0001 06-01 jobs      F2       -  hires 65       after the month:
 *                                                               ignored
 *
 *   month: events 2 (financing 1, jobs 1), firm participations 1 + 2 = 3,
 *     demands 1, intended 10^10, signed 2*10^7, positions 400, attendees
 *     1000, hires 300, contracts 0, booklets 0
 *   cumulative: events 3 (briefing 1 more), participations 3 + 2 = 5,
 *     demands 1, booklets 600 (the briefing of 04-10 only), the rest as
 *     the month
 */
#define EVENT(id, date, kind, more) \
	"---\nid: " id "\ndate: " date "\nkind: " kind "\ntitle: t" kind \
	"\n" more

static int setup(void **state)
{
	struct ctx *c = calloc(1, sizeof(*c));

	if (!c || fixture_make(&c->fx, "report-event") != 0) {
		free(c);
		return -1;
	}
	*state = c;
	fixture_put(&c->fx, "qf.yaml",
		    "site: HY\norganisation: 衡阳高新区管委会\n"
		    "campaign_start: 2023-03-01\n");
	fixture_put(&c->fx, "firms/HY.yaml",
		    "---\nid: F-HY-0001\nname: 一厂\n"
		    "---\nid: F-HY-0002\nname: 二厂\n");
	fixture_put(&c->fx, "events/2023-02.yaml",
	    EVENT("E-HY-202302-0001", "2023-02-20", "briefing",
		  "outcomes:\n  booklets: 100\n"));
	fixture_put(&c->fx, "events/2023-04.yaml",
	    EVENT("E-HY-202304-0001", "2023-04-10", "briefing",
		  "firms: [F-HY-0001, F-HY-0002]\noutcomes:\n  booklets: 600\n"));
	fixture_put(&c->fx, "events/2023-05.yaml",
	    EVENT("E-HY-202305-0002", "2023-05-20", "jobs",
		  "firms: [F-HY-0001, F-HY-0002]\noutcomes:\n  positions: 400\n"
		  "  attendees: 1000\n  hires: 300\n")
	    EVENT("E-HY-202305-0001", "2023-05-04", "financing",
		  "firms: [F-HY-0001]\ndemands: [D-HY-202305-0001]\n"
		  "outcomes:\n  financing_intended: 10000000000\n"
		  "  financing_signed: 20000000\n"));
	fixture_put(&c->fx, "events/2023-06.yaml",
	    EVENT("E-HY-202306-0001", "2023-06-01", "jobs",
		  "firms: [F-HY-0002]\noutcomes:\n  hires: 65\n"));
	if (fixture_open(&c->fx, &c->s))
		return -1;
	return 0;
}

static int setup_none(void **state)
{
	struct ctx *c = calloc(1, sizeof(*c));

	if (!c || fixture_make(&c->fx, "report-noevent") != 0) {
		free(c);
		return -1;
	}
	*state = c;
	fixture_put(&c->fx, "qf.yaml", "site: HY\norganisation: 测试区\n"
		    "campaign_start: 2023-03-01\n");
	fixture_put(&c->fx, "firms/HY.yaml", "---\nid: F-HY-0001\nname: 一厂\n");
	/* An event before the campaign is none of this bulletin's. */
	fixture_put(&c->fx, "events/2023-02.yaml",
	    EVENT("E-HY-202302-0001", "2023-02-20", "briefing", ""));
	return fixture_open(&c->fx, &c->s);
}

static int teardown(void **state)
{
	struct ctx *c = *state;

	qf_report_release(&c->f);
	qf_store_free(c->s);
	fixture_remove(&c->fx);
	free(c);
	return 0;
}

static void month(struct ctx *c)
{
	struct qf_error err;

	qf_error_clear(&err);
	assert_int_equal(qf_report_month(c->s, 2023, 5, &c->f, &err), QF_OK);
}

static void test_csv(void **state)
{
	struct ctx *c = *state;
	const char *rows;
	char *out;

	month(c);
	out = qf_report_render(&c->f, QF_REPORT_CSV, "zh", NULL);
	assert_non_null(out);
	rows = strstr(out, "event,");
	assert_non_null(rows);
	assert_string_equal(rows,
		"event,events,2,3\r\n"
		"event,firms,3,5\r\n"
		"event,demands,1,1\r\n"
		"event,financing_intended_yuan,10000000000,10000000000\r\n"
		"event,financing_signed_yuan,20000000,20000000\r\n"
		"event,positions,400,400\r\n"
		"event,attendees,1000,1000\r\n"
		"event,hires,300,300\r\n"
		"event,contracts,0,0\r\n"
		"event,booklets,0,600\r\n"
		/* by kind, those with an event in the campaign */
		"event,briefing/events,0,1\r\n"
		"event,briefing/firms,0,2\r\n"
		"event,briefing/demands,0,0\r\n"
		"event,briefing/financing_intended_yuan,0,0\r\n"
		"event,briefing/financing_signed_yuan,0,0\r\n"
		"event,briefing/positions,0,0\r\n"
		"event,briefing/attendees,0,0\r\n"
		"event,briefing/hires,0,0\r\n"
		"event,briefing/contracts,0,0\r\n"
		"event,briefing/booklets,0,600\r\n"
		"event,financing/events,1,1\r\n"
		"event,financing/firms,1,1\r\n"
		"event,financing/demands,1,1\r\n"
		"event,financing/financing_intended_yuan,10000000000,10000000000\r\n"
		"event,financing/financing_signed_yuan,20000000,20000000\r\n"
		"event,financing/positions,0,0\r\n"
		"event,financing/attendees,0,0\r\n"
		"event,financing/hires,0,0\r\n"
		"event,financing/contracts,0,0\r\n"
		"event,financing/booklets,0,0\r\n"
		"event,jobs/events,1,1\r\n"
		"event,jobs/firms,2,2\r\n"
		"event,jobs/demands,0,0\r\n"
		"event,jobs/financing_intended_yuan,0,0\r\n"
		"event,jobs/financing_signed_yuan,0,0\r\n"
		"event,jobs/positions,400,400\r\n"
		"event,jobs/attendees,1000,1000\r\n"
		"event,jobs/hires,300,300\r\n"
		"event,jobs/contracts,0,0\r\n"
		"event,jobs/booklets,0,0\r\n");
	free(out);
}

static void test_json(void **state)
{
	struct ctx *c = *state;
	char *out;

	month(c);
	out = qf_report_render(&c->f, QF_REPORT_JSON, "zh", NULL);
	assert_non_null(out);
	assert_true(jsoncheck_valid(out));
	assert_non_null(strstr(out, ",\n  \"events\": {\n    \"in_month\": {\n"
		"      \"all\": {\"events\": 2, \"firms\": 3, \"demands\": 1, "
		"\"financing_intended_yuan\": 10000000000, "
		"\"financing_signed_yuan\": 20000000, \"positions\": 400, "
		"\"attendees\": 1000, \"hires\": 300, \"contracts\": 0, "
		"\"booklets\": 0},\n"));
	assert_non_null(strstr(out, "    \"cumulative\": {\n"
		"      \"all\": {\"events\": 3, \"firms\": 5, \"demands\": 1, "));
	/* The month's events by date, firms by name, only their outcomes. */
	assert_non_null(strstr(out, "    \"list\": [\n"
		"      {\"id\": \"E-HY-202305-0001\", \"date\": \"2023-05-04\", "
		"\"kind\": \"financing\", \"title\": \"tfinancing\", "
		"\"firms\": [\"一厂\"], \"demands\": 1, \"outcomes\": "
		"{\"financing_intended_yuan\": 10000000000, "
		"\"financing_signed_yuan\": 20000000}},\n"
		"      {\"id\": \"E-HY-202305-0002\", \"date\": \"2023-05-20\", "
		"\"kind\": \"jobs\", \"title\": \"tjobs\", "
		"\"firms\": [\"一厂\", \"二厂\"], \"demands\": 0, \"outcomes\": "
		"{\"positions\": 400, \"attendees\": 1000, \"hires\": 300}}\n"
		"    ]\n  }\n}\n"));
	free(out);
}

static void test_markdown(void **state)
{
	struct ctx *c = *state;
	char *out;

	month(c);
	out = qf_report_render(&c->f, QF_REPORT_MARKDOWN, "zh", "测试区");
	assert_non_null(out);
	assert_non_null(strstr(out, "## 八、活动开展情况\n"));
	/* Money as 万元/亿元; firms by name. */
	assert_non_null(strstr(out,
		"| 2023-05-04 | 银企对接会 | tfinancing | 一厂 | "
		"意向融资100.00亿元、签约融资2000.0万元、收集诉求1条 |\n"));
	assert_non_null(strstr(out,
		"| 2023-05-20 | 招聘会 | tjobs | 一厂、二厂 | "
		"提供岗位400、参加人数1000、达成就业意向300 |\n"));
	assert_non_null(strstr(out, "| 政策宣讲会 | 0 | 1 | 0 | 2 | 0 | 0 |\n"));
	assert_non_null(strstr(out, "| 全部 | 2 | 3 | 3 | 5 | 1 | 1 |\n"));
	assert_non_null(strstr(out, "| 发放政策汇编 | 政策宣讲会 | 0 | 600 |\n"));
	/* After the other sections, before the cases. */
	assert_true(strstr(out, "八、") > strstr(out, "五、"));
	assert_true(strstr(out, "八、") < strstr(out, "九、本月典型案例"));
	free(out);
	out = qf_report_render(&c->f, QF_REPORT_MARKDOWN, "en", "Test zone");
	assert_non_null(out);
	assert_non_null(strstr(out, "## 8. Events\n"));
	assert_non_null(strstr(out, "| 2023-05-04 | bank–firm matchmaking | "
		"tfinancing | 一厂 | Financing intended 10000000000 yuan, "
		"Financing signed 20000000 yuan, 1 demand raised |\n"));
	free(out);
}

/* A month without events of its own still has the section (the
 * cumulative figures), saying so. */
static void test_quiet_month(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	char *out;

	qf_error_clear(&err);
	/* July: none of its own; four since the campaign start (04-10,
	 * 05-04, 05-20, 06-01). */
	assert_int_equal(qf_report_month(c->s, 2023, 7, &c->f, &err), QF_OK);
	out = qf_report_render(&c->f, QF_REPORT_MARKDOWN, "zh", NULL);
	assert_non_null(out);
	assert_non_null(strstr(out, "## 八、活动开展情况\n\n本月未开展活动。\n"));
	assert_non_null(strstr(out, "| 全部 | 0 | 4 | 0 | 6 | 0 | 1 |\n"));
	free(out);
	qf_report_release(&c->f);
	/* 2023-03: the 04-10 briefing is after its end, 02-20 before the
	 * campaign. */
	assert_int_equal(qf_report_month(c->s, 2023, 3, &c->f, &err), QF_OK);
	out = qf_report_render(&c->f, QF_REPORT_MARKDOWN, "zh", NULL);
	assert_null(strstr(out, "八、"));
	free(out);
}

static void test_none(void **state)
{
	struct ctx *c = *state;
	char *out;

	month(c);
	out = qf_report_render(&c->f, QF_REPORT_MARKDOWN, "zh", NULL);
	assert_non_null(out);
	assert_null(strstr(out, "八、"));
	free(out);
	out = qf_report_render(&c->f, QF_REPORT_JSON, "zh", NULL);
	assert_null(strstr(out, "\"events\""));
	free(out);
	out = qf_report_render(&c->f, QF_REPORT_CSV, "zh", NULL);
	assert_null(strstr(out, "event,"));
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_csv, setup, teardown),
		cmocka_unit_test_setup_teardown(test_json, setup, teardown),
		cmocka_unit_test_setup_teardown(test_markdown, setup, teardown),
		cmocka_unit_test_setup_teardown(test_quiet_month, setup, teardown),
		cmocka_unit_test_setup_teardown(test_none, setup_none, teardown),
	};

	bindtextdomain("qifu", QF_TEST_BUILD_DIR "/locale");
	bind_textdomain_codeset("qifu", "UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
