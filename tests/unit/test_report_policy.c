/* test_report_policy.c - the bulletin's section on policies to firms
 * (report_policy.c), on a store written into a temporary directory whose
 * figures are known by construction, and its absence from a store that
 * keeps no such records. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qf/report.h"

#include "fixture.h"
#include "jsoncheck.h"

struct ctx {
	struct fixture fx;
	struct qf_store *s;
};

/*
 * May 2023; the campaign started on 2023-03-01.
 *
 * Firms: F1 高新区 规上 (since 03-01); F2 高新区 高新技术 (no since);
 * F3 经开区 规上; F4 高新区 规上 since 06-01 (not in the register at
 * May's end); F5 高新区, no tag.
 *
 * Policies:
 *   P1 for 规上 or 高新技术 in 高新区, 2023-01-01..2023-12-31;
 *   P2 for 规上, expired 2023-04-30, delivered to F3 on 04-10;
 *   P3 for everyone (no eligible), delivered to F5 on 05-20 and to F1
 *      on 02-01 (before the campaign: left out).
 * Visits: 05-04 F1 hands P1 (but F1 had it at the event of 04-20: the
 *   event counts); 05-10 F2 hands P3; 06-02 F2 hands P1 (after May:
 *   left out).
 * Event 04-20: F1 and F3, P1.
 *
 * Pairs, first handing-over from the campaign start to May's end:
 *   (P1,F1) 04-20 event, (P1,F3) 04-20 event, (P2,F3) 04-10 delivered,
 *   (P3,F2) 05-10 visit, (P3,F5) 05-20 delivered.
 *   month: 2 pairs (1 visit, 0 events, 1 delivered), firms F2, F5 = 2;
 *   cumulative: 5 pairs (1 visit, 2 events, 2 delivered), firms F1, F2,
 *   F3, F5 = 4.
 * Table (in force at 05-31 with eligible): P1 only (P2 expired, P3 has
 *   no eligible).  Fits F1, F2 (F3 is in 经开区, F4 not yet in the
 *   register, F5 has no tag) = 2; reached F1 (the event; F2's visit is in
 *   June) = 1; not reached 1 = 50.0%.  Eligible pairs not reached: 1.
 */
static const char firms[] =
	"---\nid: F-HY-0001\nname: 甲公司\npark: 高新区\ntags: [规上]\nsince: 2023-03-01\n"
	"---\nid: F-HY-0002\nname: 乙公司\npark: 高新区\ntags: [高新技术]\n"
	"---\nid: F-HY-0003\nname: 丙公司\npark: 经开区\ntags: [规上]\n"
	"---\nid: F-HY-0004\nname: 丁公司\npark: 高新区\ntags: [规上]\nsince: 2023-06-01\n"
	"---\nid: F-HY-0005\nname: 戊公司\npark: 高新区\n";

static const char policies[] =
	"---\nid: P-HY-0001\ntitle: 技改补贴\nissued: 2023-01-01\nexpires: 2023-12-31\n"
	"eligible: {tags: [规上, 高新技术], parks: [高新区]}\n"
	"---\nid: P-HY-0002\ntitle: 稳岗返还\nexpires: 2023-04-30\n"
	"eligible: {tags: [规上]}\n"
	"delivered:\n- {firm: F-HY-0003, date: 2023-04-10}\n"
	"---\nid: P-HY-0003\ntitle: 人才新政\n"
	"delivered:\n- {firm: F-HY-0005, date: 2023-05-20, via: 邮寄}\n"
	"- {firm: F-HY-0001, date: 2023-02-01}\n";

static int setup(void **state)
{
	struct ctx *c = calloc(1, sizeof(*c));

	if (!c || fixture_make(&c->fx, "report-policy") != 0) {
		free(c);
		return -1;
	}
	*state = c;
	fixture_put(&c->fx, "qf.yaml",
		    "site: HY\norganisation: 测试高新区\ncampaign_start: 2023-03-01\n");
	fixture_put(&c->fx, "firms/HY.yaml", firms);
	fixture_put(&c->fx, "policies/HY.yaml", policies);
	fixture_put(&c->fx, "visits/2023-05.yaml",
		    "---\nid: V-HY-202305-0001\ndate: 2023-05-04\nfirm: F-HY-0001\n"
		    "policies: [P-HY-0001]\n"
		    "---\nid: V-HY-202305-0002\ndate: 2023-05-10\nfirm: F-HY-0002\n"
		    "policies: [P-HY-0003]\n");
	fixture_put(&c->fx, "visits/2023-06.yaml",
		    "---\nid: V-HY-202306-0001\ndate: 2023-06-02\nfirm: F-HY-0002\n"
		    "policies: [P-HY-0001]\n");
	fixture_put(&c->fx, "events/2023-04.yaml",
		    "---\nid: E-HY-202304-0001\ndate: 2023-04-20\nkind: briefing\n"
		    "title: 宣讲会\nfirms: [F-HY-0001, F-HY-0003]\n"
		    "policies: [P-HY-0001]\n");
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

static void assert_has(const char *out, const char *want)
{
	if (!strstr(out, want))
		print_error("--- wanted:\n%s\n--- in:\n%s\n", want, out);
	assert_non_null(strstr(out, want));
}

static void test_figures(void **state)
{
	struct ctx *c = *state;
	struct qf_month_figures f;
	struct qf_error err;
	char *out;

	assert_int_equal(qf_report_month(c->s, 2023, 5, &f, &err), QF_OK);
	assert_non_null(f.policies);
	out = qf_report_render(&f, QF_REPORT_JSON, "en", NULL);
	assert_non_null(out);
	assert_true(jsoncheck_valid(out));
	assert_has(out, ",\n  \"policies\": {"
		   "\"in_month\": {\"pairs\": 2, \"on_visits\": 1, \"at_events\": 0, \"delivered\": 1, \"firms_reached\": 2}, "
		   "\"cumulative\": {\"pairs\": 5, \"on_visits\": 1, \"at_events\": 2, \"delivered\": 2, \"firms_reached\": 4},\n"
		   "    \"by_policy\": [\n"
		   "      {\"id\": \"P-HY-0001\", \"title\": \"技改补贴\", \"eligible\": 2, \"reached\": 1, \"not_reached\": 1}\n"
		   "    ],\n"
		   "    \"not_reached\": 1}");
	free(out);

	out = qf_report_render(&f, QF_REPORT_CSV, "en", NULL);
	assert_non_null(out);
	assert_has(out, "policy,pairs,2,5\r\npolicy,on_visits,1,1\r\n"
		   "policy,at_events,0,2\r\npolicy,delivered,1,2\r\n"
		   "policy,firms_reached,2,4\r\n"
		   "policy,P-HY-0001/eligible,,2\r\npolicy,P-HY-0001/reached,,1\r\n"
		   "policy,P-HY-0001/not_reached,,1\r\npolicy,not_reached,,1\r\n");
	free(out);

	out = qf_report_render(&f, QF_REPORT_TEXT, "en", NULL);
	assert_non_null(out);
	assert_has(out, "6. Policies to firms\n\n"
		   "Figure                                    Month  Cumulative (since 2023-03-01)\n"
		   "Policies handed to firms (firm × policy)      2                              5\n"
		   "  on visits                                   1                              1\n"
		   "  at events                                   0                              2\n"
		   "  delivered otherwise                         1                              2\n"
		   "Firms reached                                 2                              4\n");
	assert_has(out, "P-HY-0001  技改补贴              2        1            1          50.0%\n");
	assert_has(out, "Eligible firms not yet reached: 1 firm × policy pair in all.\n");
	/* After section 5, before the cases. */
	assert_true(strstr(out, "5. Coverage") < strstr(out, "6. Policies to firms"));
	assert_true(strstr(out, "6. Policies to firms") < strstr(out, "9. Cases of the month"));
	free(out);

	out = qf_report_render(&f, QF_REPORT_MARKDOWN, "en", NULL);
	assert_non_null(out);
	assert_has(out, "## 6. Policies to firms\n");
	assert_has(out, "| P-HY-0001 | 技改补贴 | 2 | 1 | 1 | 50.0% |\n");
	free(out);
	qf_report_release(&f);

	/* In June, F2's visit reaches it: P1 fits 2, reached 2; F4 is in
	 * the register from 06-01 and fits too: 3 fit, 1 not reached. */
	assert_int_equal(qf_report_month(c->s, 2023, 6, &f, &err), QF_OK);
	out = qf_report_render(&f, QF_REPORT_JSON, "en", NULL);
	assert_has(out, "\"eligible\": 3, \"reached\": 2, \"not_reached\": 1}");
	assert_has(out, "\"in_month\": {\"pairs\": 1, \"on_visits\": 1, \"at_events\": 0, \"delivered\": 0, \"firms_reached\": 1}");
	free(out);
	qf_report_release(&f);
}

/* Visits that list policies, as they always could, and nothing else of
 * this section's: no section, no JSON member, no CSV rows. */
static void test_absent(void **state)
{
	struct ctx *c = *state;
	struct qf_month_figures f;
	struct qf_error err;
	char *out, events[160];

	/* P3's deliveries and P1's eligible gone, the event too. */
	fixture_put(&c->fx, "policies/HY.yaml",
		    "---\nid: P-HY-0001\ntitle: 技改补贴\n"
		    "---\nid: P-HY-0003\ntitle: 人才新政\n");
	snprintf(events, sizeof events, "%s/events", c->fx.root);
	fixture_rm_rf(events);
	qf_store_free(c->s);
	c->s = NULL;
	assert_int_equal(fixture_open(&c->fx, &c->s), 0);
	assert_int_equal(qf_report_month(c->s, 2023, 5, &f, &err), QF_OK);
	assert_null(f.policies);
	out = qf_report_render(&f, QF_REPORT_JSON, "en", NULL);
	assert_null(strstr(out, "\"policies\""));
	free(out);
	out = qf_report_render(&f, QF_REPORT_CSV, "en", NULL);
	assert_null(strstr(out, "policy,"));
	free(out);
	out = qf_report_render(&f, QF_REPORT_TEXT, "en", NULL);
	assert_null(strstr(out, "Policies to firms"));
	free(out);
	qf_report_release(&f);
}

/* As test_absent, but a policy issued later (2023-07-01) says whom it
 * is for: May's bulletin is still as it was; July's has the section. */
static void test_later_policy(void **state)
{
	struct ctx *c = *state;
	struct qf_month_figures f;
	struct qf_error err;
	char events[160];

	fixture_put(&c->fx, "policies/HY.yaml",
		    "---\nid: P-HY-0001\ntitle: 技改补贴\n"
		    "---\nid: P-HY-0003\ntitle: 人才新政\n"
		    "---\nid: P-HY-0004\ntitle: 新政\nissued: 2023-07-01\n"
		    "eligible: {tags: [规上]}\n");
	snprintf(events, sizeof events, "%s/events", c->fx.root);
	fixture_rm_rf(events);
	qf_store_free(c->s);
	c->s = NULL;
	assert_int_equal(fixture_open(&c->fx, &c->s), 0);
	qf_error_clear(&err);
	assert_int_equal(qf_report_month(c->s, 2023, 5, &f, &err), QF_OK);
	assert_null(f.policies);
	qf_report_release(&f);
	assert_int_equal(qf_report_month(c->s, 2023, 7, &f, &err), QF_OK);
	assert_non_null(f.policies);
	qf_report_release(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_figures, setup, teardown),
		cmocka_unit_test_setup_teardown(test_absent, setup, teardown),
		cmocka_unit_test_setup_teardown(test_later_policy, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
