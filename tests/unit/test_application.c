/* test_application.c - lib/application.c: a new application and its first
 * log entry; the actions (what each allows, what it refuses and that a
 * refusal leaves the record as it was, compared as emitted YAML); the state
 * on a given day replayed from the log, or read from the fields; and the
 * amounts offices write (qf_amount_parse, lib/text.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qf/application.h"
#include "qf/text.h"
#include "qf/import.h"
#include "qf/yaml.h"

static struct qf_date day(int y, int m, int d)
{
	struct qf_date t = { y, m, d };
	return t;
}

static struct qf_node *read_rec(const char *text)
{
	struct qf_reader *r;
	struct qf_doc d;
	struct qf_error err;

	assert_int_equal(qf_reader_open_mem(&r, text, strlen(text), "t.yaml",
					    &err), QF_OK);
	if (qf_reader_next(r, &d, &err) != 1)
		fail_msg("bad test YAML: %s\n%s", err.msg, text);
	qf_reader_free(r);
	assert_non_null(d.root);
	return d.root;
}

static char *emit(const struct qf_node *rec)
{
	struct qf_error err;
	char *out = NULL;
	size_t len;

	if (qf_yaml_emit(rec, &out, &len, &err) != QF_OK)
		fail_msg("emit: %s", err.msg);
	return out;
}

static struct qf_node *new_app(void)
{
	struct qf_application_spec sp;

	memset(&sp, 0, sizeof sp);
	sp.id = "A-HY-202409-0001";
	sp.firm = "F-HY-0001";
	sp.policy = "P-HY-0002";
	sp.project = "智能产线改造";
	sp.requested = "44000000";
	sp.filed = day(2024, 9, 3);
	sp.dept = "工信局";
	sp.source = "窗口";
	sp.by = "张三";
	return qf_application_new(&sp);
}

static struct qf_app_action act(enum qf_app_act a, int y, int m, int d)
{
	struct qf_app_action x;

	memset(&x, 0, sizeof x);
	x.act = a;
	x.date = day(y, m, d);
	x.by = "李四";
	return x;
}

static void test_new(void **state)
{
	struct qf_node *r = new_app();
	char *y;

	(void)state;
	assert_non_null(r);
	y = emit(r);
	assert_string_equal(y,
		"---\n"
		"id: A-HY-202409-0001\n"
		"firm: F-HY-0001\n"
		"policy: P-HY-0002\n"
		"project: 智能产线改造\n"
		"requested: 44000000\n"
		"filed: 2024-09-03\n"
		"dept: 工信局\n"
		"status: filed\n"
		"source: 窗口\n"
		"log:\n"
		"- date: 2024-09-03\n"
		"  action: file\n"
		"  by: 张三\n"
		"  amount: 44000000\n");
	free(y);
	qf_node_free(r);
}

/* review, list, grant: the fields set, granted and closed where the
 * schema puts them (before source), and the log. */
static void test_path_to_grant(void **state)
{
	struct qf_node *r = new_app();
	struct qf_app_action a;
	struct qf_error err;
	char *y;

	(void)state;
	qf_error_clear(&err);
	a = act(QF_APP_REVIEW, 2024, 9, 10);
	assert_int_equal(qf_application_act(r, &a, &err), QF_OK);
	a = act(QF_APP_LIST, 2024, 10, 8);
	a.note = "入库";
	assert_int_equal(qf_application_act(r, &a, &err), QF_OK);
	a = act(QF_APP_GRANT, 2024, 12, 20);
	a.amount = "20000000";
	assert_int_equal(qf_application_act(r, &a, &err), QF_OK);
	y = emit(r);
	assert_string_equal(y,
		"---\n"
		"id: A-HY-202409-0001\n"
		"firm: F-HY-0001\n"
		"policy: P-HY-0002\n"
		"project: 智能产线改造\n"
		"requested: 44000000\n"
		"filed: 2024-09-03\n"
		"dept: 工信局\n"
		"status: granted\n"
		"granted: 20000000\n"
		"closed: 2024-12-20\n"
		"source: 窗口\n"
		"log:\n"
		"- date: 2024-09-03\n"
		"  action: file\n"
		"  by: 张三\n"
		"  amount: 44000000\n"
		"- date: 2024-09-10\n"
		"  action: review\n"
		"  by: 李四\n"
		"- date: 2024-10-08\n"
		"  action: list\n"
		"  by: 李四\n"
		"  note: 入库\n"
		"- date: 2024-12-20\n"
		"  action: grant\n"
		"  by: 李四\n"
		"  amount: 20000000\n");
	free(y);
	qf_node_free(r);
}

/* Each refusal: QF_EDATA, a message, and the record as it was. */
static void refused(struct qf_node *r, const struct qf_app_action *a,
		    const char *want)
{
	struct qf_error err;
	char *before = emit(r), *after;

	qf_error_clear(&err);
	assert_int_equal(qf_application_act(r, a, &err), QF_EDATA);
	if (!strstr(err.msg, want))
		fail_msg("message '%s' does not say '%s'", err.msg, want);
	after = emit(r);
	assert_string_equal(before, after);
	free(before);
	free(after);
}

static void test_refusals(void **state)
{
	struct qf_node *r = new_app();
	struct qf_app_action a;
	struct qf_error err;

	(void)state;
	qf_error_clear(&err);
	a = act(QF_APP_GRANT, 2024, 9, 5);
	a.amount = "100";
	refused(r, &a, "only a listed application is granted");
	a = act(QF_APP_REVIEW, 2024, 9, 1);
	refused(r, &a, "before the application was filed");
	a = act(QF_APP_REJECT, 2024, 9, 5);
	refused(r, &a, "needs the reason");
	a = act(QF_APP_NOTE, 2024, 9, 5);
	refused(r, &a, "needs its text");
	/* filed -> listed straight is allowed; then list again is not, nor
	 * review. */
	a = act(QF_APP_LIST, 2024, 9, 20);
	assert_int_equal(qf_application_act(r, &a, &err), QF_OK);
	a = act(QF_APP_LIST, 2024, 9, 21);
	refused(r, &a, "listed already");
	a = act(QF_APP_REVIEW, 2024, 9, 21);
	refused(r, &a, "only a filed application goes to review");
	a = act(QF_APP_NOTE, 2024, 9, 19);
	a.note = "x";
	refused(r, &a, "before the last entry");
	a = act(QF_APP_GRANT, 2024, 9, 25);
	refused(r, &a, "needs the amount");
	a.amount = "44000001";
	refused(r, &a, "more than requested");
	a.amount = "44000000";
	assert_int_equal(qf_application_act(r, &a, &err), QF_OK);
	/* closed: nothing more, not even a note. */
	a = act(QF_APP_NOTE, 2024, 9, 26);
	a.note = "x";
	refused(r, &a, "already (closed)");
	a = act(QF_APP_REJECT, 2024, 9, 26);
	a.note = "x";
	refused(r, &a, "already (closed)");
	qf_node_free(r);
}

static void test_reject(void **state)
{
	struct qf_node *r = new_app();
	struct qf_app_action a;
	struct qf_error err;

	(void)state;
	qf_error_clear(&err);
	a = act(QF_APP_REVIEW, 2024, 9, 4);
	assert_int_equal(qf_application_act(r, &a, &err), QF_OK);
	a = act(QF_APP_REJECT, 2024, 9, 30);
	a.note = "不符合申报条件";
	assert_int_equal(qf_application_act(r, &a, &err), QF_OK);
	assert_string_equal(qf_node_get_str(r, "status"), "rejected");
	assert_string_equal(qf_node_get_str(r, "closed"), "2024-09-30");
	assert_null(qf_node_get(r, "granted"));
	assert_int_equal(qf_application_log_status(r, NULL), QF_APP_REJECTED);
	qf_node_free(r);
}

#define APP_TOP "id: A-HY-202409-0002\nfirm: F-HY-0001\npolicy: P-HY-0002\n" \
	"project: x\nrequested: 1000000\nfiled: 2024-09-03\n"

/* Granted on 2024-12-20: at the end of October it was listed, with
 * nothing granted; at the end of the year granted 800000. */
static void test_state_from_log(void **state)
{
	struct qf_node *r = read_rec(APP_TOP
		"status: granted\ngranted: 800000\nclosed: 2024-12-20\nlog:\n"
		"- {date: 2024-09-03, action: file, amount: 1000000}\n"
		"- {date: 2024-09-10, action: review}\n"
		"- {date: 2024-10-08, action: list}\n"
		"- {date: 2024-11-01, action: note, note: 公示}\n"
		"- {date: 2024-12-20, action: grant, amount: 800000}\n");
	struct qf_app_state st;
	struct qf_error err;
	struct qf_date d;

	(void)state;
	qf_error_clear(&err);
	d = day(2024, 8, 31);
	assert_int_equal(qf_application_state_at(r, &d, &st, &err), QF_OK);
	assert_null(st.status);
	d = day(2024, 9, 30);
	assert_int_equal(qf_application_state_at(r, &d, &st, &err), QF_OK);
	assert_string_equal(st.status, "reviewing");
	assert_int_equal(st.from_log, 1);
	assert_int_equal(st.requested, 1000000);
	d = day(2024, 10, 31);
	assert_int_equal(qf_application_state_at(r, &d, &st, &err), QF_OK);
	assert_string_equal(st.status, "listed");
	assert_int_equal(st.granted, 0);
	assert_int_equal(st.closed, 0);
	d = day(2024, 12, 31);
	assert_int_equal(qf_application_state_at(r, &d, &st, &err), QF_OK);
	assert_string_equal(st.status, "granted");
	assert_int_equal(st.granted, 800000);
	assert_int_equal(st.closed, 1);
	assert_int_equal(st.closed_on.d, 20);
	qf_node_free(r);
}

/* No log, or a log that ends elsewhere than the status: the fields. */
static void test_state_from_fields(void **state)
{
	struct qf_node *r = read_rec(APP_TOP
		"status: granted\ngranted: 500000\nclosed: 2024-12-20\n");
	struct qf_node *r2 = read_rec(APP_TOP
		"status: rejected\nclosed: 2024-10-20\nlog:\n"
		"- {date: 2024-09-03, action: file}\n");
	struct qf_app_state st;
	struct qf_error err;
	struct qf_date d;

	(void)state;
	qf_error_clear(&err);
	d = day(2024, 10, 31);
	assert_int_equal(qf_application_state_at(r, &d, &st, &err), QF_OK);
	assert_int_equal(st.from_log, 0);
	assert_string_equal(st.status, "listed");
	assert_int_equal(st.granted, 0);
	d = day(2024, 12, 31);
	assert_int_equal(qf_application_state_at(r, &d, &st, &err), QF_OK);
	assert_string_equal(st.status, "granted");
	assert_int_equal(st.granted, 500000);
	d = day(2024, 9, 30);
	assert_int_equal(qf_application_state_at(r2, &d, &st, &err), QF_OK);
	assert_int_equal(st.from_log, 0);
	assert_string_equal(st.status, "filed");
	d = day(2024, 10, 31);
	assert_int_equal(qf_application_state_at(r2, &d, &st, &err), QF_OK);
	assert_string_equal(st.status, "rejected");
	assert_int_equal(st.closed, 1);
	d = day(2024, 9, 1);
	assert_int_equal(qf_application_state_at(r2, &d, &st, &err), QF_OK);
	assert_null(st.status);
	qf_node_free(r);
	qf_node_free(r2);
}

static void test_names(void **state)
{
	(void)state;
	for (int i = 0; i < QF_APP_NSTATUS; i++)
		assert_int_equal(qf_app_status_from_name(
			qf_app_status_name((enum qf_app_status)i)), i);
	for (int i = 0; i < QF_APP_NACTS; i++)
		assert_int_equal(qf_app_act_from_name(
			qf_app_act_name((enum qf_app_act)i)), i);
	assert_int_equal(qf_app_status_from_name("open"), -1);
	assert_int_equal(qf_app_act_from_name(NULL), -1);
	assert_true(qf_app_status_closed("granted"));
	assert_true(qf_app_status_closed("rejected"));
	assert_false(qf_app_status_closed("listed"));
	assert_int_equal(qf_app_act_leads_to(QF_APP_NOTE), -1);
}

/* The amounts offices write, through the one parser (lib/text.c) that
 * add-application's --requested and advance's --granted use. */
static void test_amounts(void **state)
{
	long long v;

	(void)state;
	assert_int_equal(qf_amount_parse("4400000", 1, &v), 0);
	assert_int_equal(v, 4400000);
	assert_int_equal(qf_amount_parse("4400万元", 1, &v), 0);
	assert_int_equal(v, 44000000);
	assert_int_equal(qf_amount_parse("1.2亿元", 1, &v), 0);
	assert_int_equal(v, 120000000);
	assert_int_equal(qf_amount_parse("4.4亿元", 1, &v), 0);
	assert_int_equal(v, 440000000);
	assert_int_equal(qf_amount_parse("1,200元", 1, &v), 0);
	assert_int_equal(v, 1200);
	assert_int_equal(qf_amount_parse("0.5元", 1, &v), -1);
	assert_int_equal(qf_amount_parse("万元", 1, &v), -1);
	assert_int_equal(qf_amount_parse("12x", 1, &v), -1);
	assert_int_equal(qf_amount_parse("", 1, &v), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new),
		cmocka_unit_test(test_path_to_grant),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_reject),
		cmocka_unit_test(test_state_from_log),
		cmocka_unit_test(test_state_from_fields),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_amounts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
