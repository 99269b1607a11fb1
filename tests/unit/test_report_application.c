/* test_report_application.c - the bulletin's section on applications
 * (report_application.c) over a store whose figures are known by
 * construction.  Campaign start 2024-01-01, bulletin of 2024-09:
 *
 *   #1 A-HY-202312-0001  F1 P1  1,000,000  filed 2023-12-10 (before the
 *      campaign), listed 2024-02-01, still listed
 *   #2 A-HY-202403-0001  F1 P1  2,000,000  filed 03-05, reviewed, listed
 *      04-01, granted 2024-09-15 1,500,000
 *   #3 A-HY-202409-0001  F2 P1 44,000,000  filed 09-02, listed 09-20,
 *      granted 2024-10-10 (after the month: listed at its end)
 *   #4 A-HY-202409-0002  F1 P2  3,000,000  filed 09-05, rejected 09-25
 *   #5 A-HY-202409-0003  F2 P2    500,000  filed 09-28, reviewing, no log
 *   #6 A-HY-202410-0001  F1 P1  9,000,000  filed 10-03 (after the month)
 *   #7 A-HY-202410-0002  F2 P2    100,000  filed 10-05, listed 10-08,
 *      rejected 10-20 (listed and rejected in October: listed counts)
 *
 * Month: filed #3 #4 #5 = 3, 44,000,000 + 3,000,000 + 500,000 = 47,500,000;
 *   listed #3 = 1; granted #2 = 1, 1,500,000; rejected #4 = 1.
 * Cumulative: filed #2..#5 = 4, 2,000,000 + 47,500,000 = 49,500,000;
 *   listed #1 (in February) #2 #3 = 3; granted 1, 1,500,000; rejected 1.
 * Open at the end, of those filed since the start: #3 #5 = 2,
 *   44,000,000 + 500,000 = 44,500,000 (#1, filed before, is left out).
 * By policy (filed since the start, #2..#5): P1 #2 #3: 2, 46,000,000,
 *   granted 1,500,000; P2 #4 #5: 2, 3,500,000, granted 0.
 * By firm: F1 #2 #4: 2, 5,000,000, 1,500,000; F2 #3 #5: 2, 44,500,000, 0. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "qf/report.h"
#include "fixture.h"

struct ctx {
	struct fixture fx;
	struct qf_store *s;
};

#define APP(id, firm, pol, req, filed, status, more) \
	"---\nid: " id "\nfirm: " firm "\npolicy: " pol "\nproject: x\n" \
	"requested: " req "\nfiled: " filed "\nstatus: " status "\n" more

static int setup(void **state)
{
	struct ctx *c = calloc(1, sizeof *c);

	if (!c || fixture_make(&c->fx, "report-app") != 0) {
		free(c);
		return -1;
	}
	*state = c;
	fixture_put(&c->fx, "qf.yaml",
		    "site: HY\norganisation: 测试区\ncampaign_start: 2024-01-01\n");
	fixture_put(&c->fx, "firms/HY.yaml",
		    "---\nid: F-HY-0001\nname: 甲公司\n---\nid: F-HY-0002\nname: 乙公司\n");
	fixture_put(&c->fx, "policies/HY.yaml",
		    "---\nid: P-HY-0001\ntitle: 国债补助\n---\nid: P-HY-0002\ntitle: 技改专项\n");
	fixture_put(&c->fx, "applications/2023-12.yaml",
	    APP("A-HY-202312-0001", "F-HY-0001", "P-HY-0001", "1000000",
		"2023-12-10", "listed",
		"log:\n- {date: 2023-12-10, action: file}\n"
		"- {date: 2024-02-01, action: list}\n"));
	fixture_put(&c->fx, "applications/2024-03.yaml",
	    APP("A-HY-202403-0001", "F-HY-0001", "P-HY-0001", "2000000",
		"2024-03-05", "granted",
		"granted: 1500000\nclosed: 2024-09-15\n"
		"log:\n- {date: 2024-03-05, action: file}\n"
		"- {date: 2024-03-10, action: review}\n"
		"- {date: 2024-04-01, action: list}\n"
		"- {date: 2024-09-15, action: grant, amount: 1500000}\n"));
	fixture_put(&c->fx, "applications/2024-09.yaml",
	    APP("A-HY-202409-0001", "F-HY-0002", "P-HY-0001", "44000000",
		"2024-09-02", "granted",
		"granted: 20000000\nclosed: 2024-10-10\n"
		"log:\n- {date: 2024-09-02, action: file}\n"
		"- {date: 2024-09-20, action: list}\n"
		"- {date: 2024-10-10, action: grant, amount: 20000000}\n")
	    APP("A-HY-202409-0002", "F-HY-0001", "P-HY-0002", "3000000",
		"2024-09-05", "rejected",
		"closed: 2024-09-25\n"
		"log:\n- {date: 2024-09-05, action: file}\n"
		"- {date: 2024-09-25, action: reject, note: 不符合条件}\n")
	    APP("A-HY-202409-0003", "F-HY-0002", "P-HY-0002", "500000",
		"2024-09-28", "reviewing", ""));
	fixture_put(&c->fx, "applications/2024-10.yaml",
	    APP("A-HY-202410-0001", "F-HY-0001", "P-HY-0001", "9000000",
		"2024-10-03", "filed", "")
	    APP("A-HY-202410-0002", "F-HY-0002", "P-HY-0002", "100000",
		"2024-10-05", "rejected",
		"closed: 2024-10-20\n"
		"log:\n- {date: 2024-10-05, action: file}\n"
		"- {date: 2024-10-08, action: list}\n"
		"- {date: 2024-10-20, action: reject, note: 资金已用完}\n"));
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

static void test_json(void **state)
{
	struct ctx *c = *state;
	struct qf_month_figures f;
	struct qf_error err;
	char *out;

	qf_error_clear(&err);
	assert_int_equal(qf_report_month(c->s, 2024, 9, &f, &err), QF_OK);
	out = qf_report_render(&f, QF_REPORT_JSON, "zh", NULL);
	assert_non_null(out);
	if (!strstr(out,
		",\n  \"applications\": {\n"
		"    \"in_month\": {\"filed\": 3, \"requested_yuan\": 47500000, "
		"\"listed\": 1, \"granted\": 1, \"granted_yuan\": 1500000, "
		"\"rejected\": 1},\n"
		"    \"cumulative\": {\"filed\": 4, \"requested_yuan\": 49500000, "
		"\"listed\": 3, \"granted\": 1, \"granted_yuan\": 1500000, "
		"\"rejected\": 1},\n"
		"    \"open_at_end\": 2,\n    \"open_requested_yuan\": 44500000,\n"
		"    \"by_policy\": [\n"
		"      {\"id\": \"P-HY-0001\", \"name\": \"国债补助\", \"count\": 2, "
		"\"requested_yuan\": 46000000, \"granted_yuan\": 1500000},\n"
		"      {\"id\": \"P-HY-0002\", \"name\": \"技改专项\", \"count\": 2, "
		"\"requested_yuan\": 3500000, \"granted_yuan\": 0}\n    ],\n"
		"    \"by_firm\": [\n"
		"      {\"id\": \"F-HY-0001\", \"name\": \"甲公司\", \"count\": 2, "
		"\"requested_yuan\": 5000000, \"granted_yuan\": 1500000},\n"
		"      {\"id\": \"F-HY-0002\", \"name\": \"乙公司\", \"count\": 2, "
		"\"requested_yuan\": 44500000, \"granted_yuan\": 0}\n    ]\n"
		"  }"))
		fail_msg("applications not as built:\n%s", out);
	free(out);
	out = qf_report_render(&f, QF_REPORT_CSV, "zh", NULL);
	assert_non_null(out);
	assert_non_null(strstr(out, "application,filed,3,4\r\n"));
	assert_non_null(strstr(out, "application,listed,1,3\r\n"));
	assert_non_null(strstr(out, "application,open_at_end,,2\r\n"));
	assert_non_null(strstr(out, "application,policy/P-HY-0002/requested_yuan,,3500000\r\n"));
	free(out);
	qf_report_release(&f);
}

/* The text: the heading and the amounts in 万元 and 亿元 (English: yuan). */
static void test_text(void **state)
{
	struct ctx *c = *state;
	struct qf_month_figures f;
	struct qf_error err;
	char *out;

	qf_error_clear(&err);
	assert_int_equal(qf_report_month(c->s, 2024, 9, &f, &err), QF_OK);
	out = qf_report_render(&f, QF_REPORT_MARKDOWN, "en", NULL);
	assert_non_null(out);
	assert_non_null(strstr(out, "## 7. Project applications\n"));
	assert_non_null(strstr(out, "| Funds requested | 47500000 yuan | 49500000 yuan |\n"));
	free(out);
	qf_report_release(&f);
}

/* October: #6 #7 filed (9,100,000), #7 listed and rejected, #3 granted
 * 20,000,000 in the month; cumulative listed #1 #2 #3 #7 = 4: a project
 * rejected after 入库 still counts as listed, so the figure never falls. */
static void test_next_month(void **state)
{
	struct ctx *c = *state;
	struct qf_month_figures f;
	struct qf_error err;
	char *out;

	qf_error_clear(&err);
	assert_int_equal(qf_report_month(c->s, 2024, 10, &f, &err), QF_OK);
	out = qf_report_render(&f, QF_REPORT_JSON, "zh", NULL);
	assert_non_null(out);
	if (!strstr(out, "\"in_month\": {\"filed\": 2, \"requested_yuan\": 9100000, "
		    "\"listed\": 1, \"granted\": 1, \"granted_yuan\": 20000000, "
		    "\"rejected\": 1}") ||
	    !strstr(out, "\"cumulative\": {\"filed\": 6, \"requested_yuan\": 58600000, "
		    "\"listed\": 4, \"granted\": 2, \"granted_yuan\": 21500000, "
		    "\"rejected\": 2}"))
		fail_msg("October not as built:\n%s", out);
	free(out);
	qf_report_release(&f);
}

/* A campaign that starts mid-month (2024-09-10): the month counts from
 * the start too, so it never exceeds the cumulative column.  Filed #5
 * (09-28) only; listed #3 (09-20); granted #2; rejected #4; open at the
 * end, of those filed since the start, #5 only. */
static void test_mid_month_start(void **state)
{
	struct ctx *c = *state;
	struct qf_month_figures f;
	struct qf_error err;
	char *out;

	fixture_put(&c->fx, "qf.yaml",
		    "site: HY\norganisation: 测试区\ncampaign_start: 2024-09-10\n");
	qf_store_free(c->s);
	c->s = NULL;
	assert_int_equal(fixture_open(&c->fx, &c->s), 0);
	qf_error_clear(&err);
	assert_int_equal(qf_report_month(c->s, 2024, 9, &f, &err), QF_OK);
	out = qf_report_render(&f, QF_REPORT_JSON, "zh", NULL);
	assert_non_null(out);
	if (!strstr(out, "\"in_month\": {\"filed\": 1, \"requested_yuan\": 500000, "
		    "\"listed\": 1, \"granted\": 1, \"granted_yuan\": 1500000, "
		    "\"rejected\": 1},\n"
		    "    \"cumulative\": {\"filed\": 1, \"requested_yuan\": 500000, "
		    "\"listed\": 1, \"granted\": 1, \"granted_yuan\": 1500000, "
		    "\"rejected\": 1},\n"
		    "    \"open_at_end\": 1,\n    \"open_requested_yuan\": 500000,"))
		fail_msg("mid-month start not as built:\n%s", out);
	free(out);
	qf_report_release(&f);
}

/* An amount past the schema's maximum stops the bulletin at its place
 * (65, file:line:col) instead of overflowing the sums. */
static void test_amount_out_of_range(void **state)
{
	struct ctx *c = *state;
	struct qf_month_figures f;
	struct qf_error err;

	fixture_put(&c->fx, "applications/2024-11.yaml",
	    APP("A-HY-202411-0001", "F-HY-0001", "P-HY-0001",
		"9223372036854775807", "2024-11-02", "filed", ""));
	qf_store_free(c->s);
	c->s = NULL;
	assert_int_equal(fixture_open(&c->fx, &c->s), 0);
	qf_error_clear(&err);
	assert_int_equal(qf_report_month(c->s, 2024, 11, &f, &err), QF_EDATA);
	assert_non_null(strstr(err.file, "applications/2024-11.yaml"));
	assert_true(err.line > 0 && err.col > 0);
	assert_non_null(strstr(err.msg, "'requested'"));
	qf_report_release(&f);
}

/* A month before any was filed: no section, no member. */
static void test_none_yet(void **state)
{
	struct ctx *c = *state;
	struct qf_month_figures f;
	struct qf_error err;
	char *out;

	fixture_rm_rf(c->fx.root);   /* a fresh store without applications */
	qf_store_free(c->s);
	c->s = NULL;
	assert_int_equal(mkdir(c->fx.root, 0700), 0);
	fixture_put(&c->fx, "qf.yaml",
		    "site: HY\norganisation: 测试区\ncampaign_start: 2024-01-01\n");
	fixture_put(&c->fx, "firms/HY.yaml", "---\nid: F-HY-0001\nname: 甲公司\n");
	assert_int_equal(fixture_open(&c->fx, &c->s), 0);
	qf_error_clear(&err);
	assert_int_equal(qf_report_month(c->s, 2024, 9, &f, &err), QF_OK);
	out = qf_report_render(&f, QF_REPORT_JSON, "en", NULL);
	assert_non_null(out);
	assert_null(strstr(out, "applications"));
	free(out);
	out = qf_report_render(&f, QF_REPORT_CSV, "en", NULL);
	assert_null(strstr(out, "application"));
	free(out);
	out = qf_report_render(&f, QF_REPORT_TEXT, "en", NULL);
	assert_null(strstr(out, "Project applications"));
	free(out);
	qf_report_release(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_json, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_next_month, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mid_month_start, setup, teardown),
		cmocka_unit_test_setup_teardown(test_amount_out_of_range, setup, teardown),
		cmocka_unit_test_setup_teardown(test_none_yet, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
