/* test_workflow.c - lib/workflow.c: new demands and their log. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qf/date.h"
#include "qf/node.h"
#include "qf/workflow.h"

/* ---- helpers ------------------------------------------------------- */

static struct qf_demand_spec full_spec(void)
{
	struct qf_demand_spec sp;

	memset(&sp, 0, sizeof sp);
	sp.id = "D-HY-202305-0007";
	sp.firm = "F-HY-0012";
	sp.source = "V-HY-202305-0012";
	sp.opened.y = 2023;
	sp.opened.m = 5;
	sp.opened.d = 1;
	sp.kind = "problem";
	sp.level = "local";
	sp.category = "financing";
	sp.title = "流动资金贷款难";
	sp.detail = "需要 500 万元流动资金贷款";
	sp.amount = "5000000";
	sp.by = "张三";
	return sp;
}

/* The keys of a map in order, comma-separated. */
static const char *keys_of(const struct qf_node *m)
{
	static char buf[1024];
	size_t used = 0;

	assert_int_equal(m->kind, QF_NODE_MAP);
	buf[0] = '\0';
	for (size_t i = 0; i < m->n; i++) {
		int w = snprintf(buf + used, sizeof buf - used, "%s%s",
				 i ? "," : "", m->keys[i]->str);
		assert_true(w >= 0 && (size_t)w < sizeof buf - used);
		used += (size_t)w;
	}
	return buf;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The keys of a map sorted, comma-separated: for records, whose key order
 * workflow.h does not promise. */
static const char *key_set(const struct qf_node *m)
{
	static char buf[1024];
	const char *k[64];
	size_t used = 0;

	assert_int_equal(m->kind, QF_NODE_MAP);
	assert_true(m->n <= 64);
	for (size_t i = 0; i < m->n; i++)
		k[i] = m->keys[i]->str;
	qsort(k, m->n, sizeof k[0], cmp_str);
	buf[0] = '\0';
	for (size_t i = 0; i < m->n; i++) {
		int w = snprintf(buf + used, sizeof buf - used, "%s%s",
				 i ? "," : "", k[i]);
		assert_true(w >= 0 && (size_t)w < sizeof buf - used);
		used += (size_t)w;
	}
	return buf;
}

static void assert_scalar(const struct qf_node *map, const char *key,
			  const char *want, enum qf_stype stype)
{
	const struct qf_node *v = qf_node_get(map, key);

	if (!v)
		fail_msg("no \"%s\"", key);
	assert_int_equal(v->kind, QF_NODE_SCALAR);
	assert_string_equal(v->str, want);
	assert_int_equal(v->len, strlen(want));
	assert_int_equal(v->stype, stype);
}

static int teardown_node(void **state)
{
	qf_node_free(*state);
	return 0;
}

/* ---- qf_demand_new ------------------------------------------------- */

static void test_demand_fields(void **state)
{
	struct qf_demand_spec sp = full_spec();
	struct qf_node *r = qf_demand_new(&sp);
	const struct qf_node *log, *e;

	*state = r;
	assert_non_null(r);
	assert_int_equal(r->kind, QF_NODE_MAP);
	assert_scalar(r, "id", "D-HY-202305-0007", QF_STYPE_STR);
	assert_scalar(r, "firm", "F-HY-0012", QF_STYPE_STR);
	assert_scalar(r, "opened", "2023-05-01", QF_STYPE_STR);
	assert_scalar(r, "source", "V-HY-202305-0012", QF_STYPE_STR);
	assert_scalar(r, "kind", "problem", QF_STYPE_STR);
	assert_scalar(r, "level", "local", QF_STYPE_STR);
	assert_scalar(r, "category", "financing", QF_STYPE_STR);
	assert_scalar(r, "title", "流动资金贷款难", QF_STYPE_STR);
	assert_scalar(r, "detail", "需要 500 万元流动资金贷款", QF_STYPE_STR);
	/* The amount is an integer, so it is written unquoted. */
	assert_scalar(r, "amount", "5000000", QF_STYPE_INT);
	assert_scalar(r, "status", "open", QF_STYPE_STR);

	/* Exactly one log entry: collect, on the opening date, by. */
	log = qf_node_get(r, "log");
	assert_non_null(log);
	assert_int_equal(log->kind, QF_NODE_SEQ);
	assert_int_equal(log->n, 1);
	e = log->items[0];
	assert_string_equal(keys_of(e), "date,action,by");
	assert_scalar(e, "date", "2023-05-01", QF_STYPE_STR);
	assert_scalar(e, "action", "collect", QF_STYPE_STR);
	assert_scalar(e, "by", "张三", QF_STYPE_STR);

	/* Nothing else: no assignment fields yet. */
	assert_int_equal(r->n, 12);
	assert_null(qf_node_get(r, "dept"));
	assert_null(qf_node_get(r, "due"));
	assert_null(qf_node_get(r, "closed"));
}

static void test_demand_copies_strings(void **state)
{
	char title[32] = "原标题";
	char amount[16] = "100";
	struct qf_demand_spec sp = full_spec();
	struct qf_node *r;

	sp.title = title;
	sp.amount = amount;
	r = qf_demand_new(&sp);
	*state = r;
	assert_non_null(r);
	memset(title, 'X', sizeof title - 1);
	memset(amount, '9', sizeof amount - 1);
	assert_string_equal(qf_node_get_str(r, "title"), "原标题");
	assert_string_equal(qf_node_get_str(r, "amount"), "100");
}

static void test_demand_optional_left_out(void **state)
{
	struct qf_demand_spec sp = full_spec();
	struct qf_node *r;
	const struct qf_node *log;

	sp.source = NULL;
	sp.detail = "";
	sp.amount = NULL;
	sp.by = NULL;
	r = qf_demand_new(&sp);
	*state = r;
	assert_non_null(r);
	assert_null(qf_node_get(r, "source"));
	assert_null(qf_node_get(r, "detail"));
	assert_null(qf_node_get(r, "amount"));
	assert_string_equal(key_set(r),
			    "category,firm,id,kind,level,log,opened,status,"
			    "title");
	log = qf_node_get(r, "log");
	assert_non_null(log);
	assert_int_equal(log->n, 1);
	assert_string_equal(keys_of(log->items[0]), "date,action");
}

static void test_demand_empty_amount(void **state)
{
	struct qf_demand_spec sp = full_spec();
	struct qf_node *r;

	sp.amount = "";
	sp.by = "";
	r = qf_demand_new(&sp);
	*state = r;
	assert_non_null(r);
	assert_null(qf_node_get(r, "amount"));
	assert_null(qf_node_get(qf_node_get(r, "log")->items[0], "by"));
}

static void test_demand_amount_zero(void **state)
{
	struct qf_demand_spec sp = full_spec();
	struct qf_node *r;

	sp.amount = "0";
	r = qf_demand_new(&sp);
	*state = r;
	assert_non_null(r);
	assert_scalar(r, "amount", "0", QF_STYPE_INT);
}

static void test_demand_suggestion(void **state)
{
	struct qf_demand_spec sp = full_spec();
	struct qf_node *r;

	sp.kind = "suggestion";
	sp.level = "higher";
	sp.category = "policy";
	sp.opened.y = 2024;
	sp.opened.m = 2;
	sp.opened.d = 29;
	r = qf_demand_new(&sp);
	*state = r;
	assert_non_null(r);
	assert_scalar(r, "kind", "suggestion", QF_STYPE_STR);
	assert_scalar(r, "level", "higher", QF_STYPE_STR);
	assert_scalar(r, "category", "policy", QF_STYPE_STR);
	assert_scalar(r, "opened", "2024-02-29", QF_STYPE_STR);
	assert_scalar(r, "status", "open", QF_STYPE_STR);
	assert_scalar(qf_node_get(r, "log")->items[0], "date", "2024-02-29",
		      QF_STYPE_STR);
}

/* ---- qf_log_append ------------------------------------------------- */

static void test_log_append_creates_log(void **state)
{
	struct qf_node *rec = qf_node_new_map();
	struct qf_date d = { 2023, 5, 10 };
	struct qf_node *e;
	const struct qf_node *log;

	*state = rec;
	assert_non_null(rec);
	assert_int_equal(qf_node_map_set_str(rec, "id", "D-HY-202305-0001"),
			 0);
	e = qf_log_append(rec, &d, "assign", "李四", "交发改局办理");
	assert_non_null(e);
	/* The log is added after what the record already holds. */
	assert_string_equal(keys_of(rec), "id,log");
	log = qf_node_get(rec, "log");
	assert_non_null(log);
	assert_int_equal(log->kind, QF_NODE_SEQ);
	assert_int_equal(log->n, 1);
	assert_ptr_equal(log->items[0], e);
	assert_string_equal(keys_of(e), "date,action,by,note");
	assert_scalar(e, "date", "2023-05-10", QF_STYPE_STR);
	assert_scalar(e, "action", "assign", QF_STYPE_STR);
	assert_scalar(e, "by", "李四", QF_STYPE_STR);
	assert_scalar(e, "note", "交发改局办理", QF_STYPE_STR);
}

static void test_log_append_to_existing(void **state)
{
	struct qf_demand_spec sp = full_spec();
	struct qf_node *r = qf_demand_new(&sp);
	struct qf_date d = { 2023, 5, 3 };
	struct qf_node *e;
	const struct qf_node *log;

	*state = r;
	assert_non_null(r);
	log = qf_node_get(r, "log");
	e = qf_log_append(r, &d, "assign", "李四", NULL);
	assert_non_null(e);
	/* The entry is the caller's to extend. */
	assert_int_equal(qf_node_map_set_str(e, "due", "2023-05-18"), 0);
	assert_int_equal(qf_node_map_set_str(e, "dept", "发改局"), 0);
	d.d = 4;
	assert_non_null(qf_log_append(r, &d, "note", NULL, "已对接银行"));

	/* Same log, in the same place, now three entries in order. */
	assert_ptr_equal(qf_node_get(r, "log"), log);
	assert_int_equal(log->n, 3);
	assert_string_equal(keys_of(log->items[1]), "date,action,by,due,dept");
	assert_string_equal(keys_of(log->items[2]), "date,action,note");
	assert_scalar(log->items[0], "action", "collect", QF_STYPE_STR);
	assert_scalar(log->items[1], "action", "assign", QF_STYPE_STR);
	assert_scalar(log->items[1], "due", "2023-05-18", QF_STYPE_STR);
	assert_scalar(log->items[2], "action", "note", QF_STYPE_STR);
	assert_scalar(log->items[2], "date", "2023-05-04", QF_STYPE_STR);
	assert_string_equal(key_set(r),
			    "amount,category,detail,firm,id,kind,level,log,"
			    "opened,source,status,title");
}

static void test_log_append_empty_fields(void **state)
{
	struct qf_node *rec = qf_node_new_map();
	struct qf_date d = { 2023, 12, 31 };
	struct qf_node *e;

	*state = rec;
	e = qf_log_append(rec, &d, "urge", "", "");
	assert_non_null(e);
	assert_string_equal(keys_of(e), "date,action");
	assert_scalar(e, "date", "2023-12-31", QF_STYPE_STR);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_demand_fields, teardown_node),
		cmocka_unit_test_teardown(test_demand_copies_strings,
					  teardown_node),
		cmocka_unit_test_teardown(test_demand_optional_left_out,
					  teardown_node),
		cmocka_unit_test_teardown(test_demand_empty_amount,
					  teardown_node),
		cmocka_unit_test_teardown(test_demand_amount_zero,
					  teardown_node),
		cmocka_unit_test_teardown(test_demand_suggestion,
					  teardown_node),
		cmocka_unit_test_teardown(test_log_append_creates_log,
					  teardown_node),
		cmocka_unit_test_teardown(test_log_append_to_existing,
					  teardown_node),
		cmocka_unit_test_teardown(test_log_append_empty_fields,
					  teardown_node),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
