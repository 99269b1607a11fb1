/* test_workflow.c - lib/workflow.c: new demands and their log; the
 * actions on a demand (qf_demand_act): what each allows and refuses, the
 * record it leaves (compared as emitted YAML), the order of its fields;
 * overdue days and closed statuses. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qf/date.h"
#include "qf/error.h"
#include "qf/node.h"
#include "qf/workflow.h"
#include "qf/yaml.h"

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

/* ---- qf_demand_act: helpers ---------------------------------------- */

/* Records as the commands write them, in YAML, pieced together. */
#define TOP "---\nid: D-HY-202305-0007\nfirm: F-HY-0012\nopened: 2023-05-01\n" \
	"source: V-HY-202305-0012\n"
#define PROBLEM "kind: problem\nlevel: local\ncategory: financing\n" \
	"title: 贷款难\namount: 5000000\n"
#define SUGGESTION "kind: suggestion\nlevel: local\ncategory: policy\n" \
	"title: 建议简化审批\n"
#define ASSIGNED_FIELDS "dept: 发改局\ncodepts: [财政局]\nowner: 王五\n" \
	"due: 2023-05-21\n"
#define LOG1 "log:\n- date: 2023-05-01\n  action: collect\n  by: 张三\n"
#define LOG_ASSIGN "- date: 2023-05-03\n  action: assign\n  by: 李四\n" \
	"  dept: 发改局\n  due: 2023-05-21\n"
#define LOG_RESOLVE "- date: 2023-05-10\n  action: resolve\n  by: 王五\n" \
	"  note: 已放款\n"
#define CLOSING "closed: 2023-05-10\nresolution: 已放款\n"

#define OPEN TOP PROBLEM "status: open\n" LOG1
#define ASSIGNED TOP PROBLEM ASSIGNED_FIELDS "status: assigned\n" LOG1 \
	LOG_ASSIGN
#define RESOLVED TOP PROBLEM ASSIGNED_FIELDS "status: resolved\n" CLOSING \
	LOG1 LOG_ASSIGN LOG_RESOLVE

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

static struct qf_action action(enum qf_act act, int y, int m, int d)
{
	struct qf_action a;

	memset(&a, 0, sizeof a);
	a.act = act;
	a.date.y = y;
	a.date.m = m;
	a.date.d = d;
	return a;
}

static void due(struct qf_action *a, int y, int m, int d)
{
	a->has_due = 1;
	a->due.y = y;
	a->due.m = m;
	a->due.d = d;
}

/* Apply a to the record in text (which must read back as itself) and
 * compare the result with want. */
static void assert_act(const char *text, const struct qf_action *a,
		       const char *want)
{
	struct qf_node *rec = read_rec(text);
	struct qf_error err;
	char *got = emit(rec);
	int rc;

	assert_string_equal(got, text);
	free(got);
	memset(&err, 0, sizeof err);
	rc = qf_demand_act(rec, a, &err);
	if (rc != QF_OK)
		fail_msg("%s refused (%d): %s", qf_act_name(a->act), rc,
			 err.msg);
	got = emit(rec);
	qf_node_free(rec);
	if (strcmp(got, want)) {
		/* Free before failing: a failed case leaks nothing, so that
		 * valgrind speaks only of the library. */
		print_error("%s: got\n%s\nwant\n%s\n", qf_act_name(a->act),
			    got, want);
		free(got);
		fail();
	}
	free(got);
}

/* Apply a to the record in text: refused with QF_EDATA and msg, the
 * record as it was. */
static void assert_refused(const char *text, const struct qf_action *a,
			   const char *msg)
{
	struct qf_node *rec = read_rec(text);
	struct qf_error err;
	char *before = emit(rec), *after;

	assert_string_equal(before, text);
	memset(&err, 0, sizeof err);
	assert_int_equal(qf_demand_act(rec, a, &err), QF_EDATA);
	assert_int_equal(err.code, QF_EDATA);
	assert_string_equal(err.msg, msg);
	assert_string_equal(err.file, "");
	assert_int_equal(err.line, 0);
	after = emit(rec);
	assert_string_equal(after, before);
	free(before);
	free(after);
	qf_node_free(rec);
}

/* ---- qf_act_name, qf_status_closed, qf_demand_overdue -------------- */

static void test_act_names(void **state)
{
	(void)state;
	assert_string_equal(qf_act_name(QF_ACT_ASSIGN), "assign");
	assert_string_equal(qf_act_name(QF_ACT_NOTE), "note");
	assert_string_equal(qf_act_name(QF_ACT_EXTEND), "extend");
	assert_string_equal(qf_act_name(QF_ACT_RETURN), "return");
	assert_string_equal(qf_act_name(QF_ACT_URGE), "urge");
	assert_string_equal(qf_act_name(QF_ACT_ESCALATE), "escalate");
	assert_string_equal(qf_act_name(QF_ACT_RESOLVE), "resolve");
	assert_string_equal(qf_act_name(QF_ACT_FOLLOW_UP), "follow-up");
	assert_string_equal(qf_act_name(QF_ACT_REOPEN), "reopen");
	assert_string_equal(qf_act_name(QF_ACT_COLLECT), "collect");
	assert_string_equal(qf_act_name(QF_ACT_ADOPT), "adopt");
	assert_string_equal(qf_act_name(QF_ACT_DECLINE), "decline");
	assert_string_equal(qf_act_name(QF_NACTS), "?");
	assert_string_equal(qf_act_name((enum qf_act)-1), "?");
}

static void test_status_closed(void **state)
{
	(void)state;
	assert_int_equal(qf_status_closed("resolved"), 1);
	assert_int_equal(qf_status_closed("adopted"), 1);
	assert_int_equal(qf_status_closed("declined"), 1);
	assert_int_equal(qf_status_closed("open"), 0);
	assert_int_equal(qf_status_closed("assigned"), 0);
	assert_int_equal(qf_status_closed("Resolved"), 0);
	assert_int_equal(qf_status_closed("resolved "), 0);
	assert_int_equal(qf_status_closed(""), 0);
	assert_int_equal(qf_status_closed(NULL), 0);
}

static void test_overdue(void **state)
{
	struct qf_node *rec = read_rec(ASSIGNED);
	struct qf_date d = { 2023, 5, 21 };

	(void)state;
	/* Due 2023-05-21: not overdue on or before that day. */
	assert_int_equal(qf_demand_overdue(rec, &d), 0);
	d.d = 1;
	assert_int_equal(qf_demand_overdue(rec, &d), 0);
	d.d = 22;
	assert_int_equal(qf_demand_overdue(rec, &d), 1);
	d.m = 6;
	d.d = 1;
	assert_int_equal(qf_demand_overdue(rec, &d), 11);
	/* Open demands count too; closed ones never. */
	assert_int_equal(qf_node_map_set_str(rec, "status", "open"), 0);
	assert_int_equal(qf_demand_overdue(rec, &d), 11);
	assert_int_equal(qf_node_map_set_str(rec, "status", "resolved"), 0);
	assert_int_equal(qf_demand_overdue(rec, &d), 0);
	assert_int_equal(qf_node_map_set_str(rec, "status", "declined"), 0);
	assert_int_equal(qf_demand_overdue(rec, &d), 0);
	assert_int_equal(qf_node_map_set_str(rec, "status", "adopted"), 0);
	assert_int_equal(qf_demand_overdue(rec, &d), 0);
	/* No status: not closed. */
	assert_int_equal(qf_node_map_del(rec, "status"), 1);
	assert_int_equal(qf_demand_overdue(rec, &d), 11);
	/* Across a leap February and a year. */
	assert_int_equal(qf_node_map_set_str(rec, "due", "2023-12-31"), 0);
	d.y = 2024;
	d.m = 3;
	d.d = 1;
	assert_int_equal(qf_demand_overdue(rec, &d), 61);
	/* No due date, or one that is not a date. */
	assert_int_equal(qf_node_map_set_str(rec, "due", "soon"), 0);
	assert_int_equal(qf_demand_overdue(rec, &d), 0);
	assert_int_equal(qf_node_map_set_str(rec, "due", "2023-02-30"), 0);
	assert_int_equal(qf_demand_overdue(rec, &d), 0);
	assert_int_equal(qf_node_map_del(rec, "due"), 1);
	assert_int_equal(qf_demand_overdue(rec, &d), 0);
	qf_node_free(rec);
}

/* ---- refusals every action shares ---------------------------------- */

static void test_refuse_no_status(void **state)
{
	struct qf_action a = action(QF_ACT_NOTE, 2023, 5, 4);

	(void)state;
	a.note = "x";
	assert_refused(TOP PROBLEM LOG1, &a,
		       "demand 'D-HY-202305-0007' has no status");
	assert_refused("---\ntitle: t\n", &a, "demand '?' has no status");
	/* status: ~ is no status either. */
	assert_refused(TOP PROBLEM "status: ~\n" LOG1, &a,
		       "demand 'D-HY-202305-0007' has no status");
}

static void test_refuse_before_opened(void **state)
{
	static const enum qf_act acts[] = { QF_ACT_ASSIGN, QF_ACT_NOTE,
		QF_ACT_ESCALATE, QF_ACT_RESOLVE };

	(void)state;
	for (size_t i = 0; i < sizeof acts / sizeof acts[0]; i++) {
		struct qf_action a = action(acts[i], 2023, 4, 30);
		a.dept = "发改局";
		a.note = "x";
		assert_refused(OPEN, &a,
			       "the date is before the demand was opened "
			       "(2023-05-01)");
	}
	/* Without a log, the opening date still counts. */
	{
		struct qf_action a = action(QF_ACT_NOTE, 2022, 12, 31);
		a.note = "x";
		assert_refused(TOP PROBLEM "status: open\n", &a,
			       "the date is before the demand was opened "
			       "(2023-05-01)");
	}
}

static void test_refuse_before_last_entry(void **state)
{
	struct qf_action a = action(QF_ACT_NOTE, 2023, 5, 2);

	(void)state;
	a.note = "x";
	assert_refused(ASSIGNED, &a,
		       "the date is before the last entry of its history "
		       "(2023-05-03)");
	a = action(QF_ACT_REOPEN, 2023, 5, 9);
	a.note = "x";
	assert_refused(RESOLVED, &a,
		       "the date is before the last entry of its history "
		       "(2023-05-10)");
	a = action(QF_ACT_FOLLOW_UP, 2023, 5, 9);
	a.satisfaction = "satisfied";
	assert_refused(RESOLVED, &a,
		       "the date is before the last entry of its history "
		       "(2023-05-10)");
	/* The same day as the last entry is fine. */
	a = action(QF_ACT_NOTE, 2023, 5, 3);
	a.note = "同日";
	assert_act(ASSIGNED, &a, ASSIGNED
		   "- date: 2023-05-03\n  action: note\n  note: 同日\n");
}

static void test_refuse_unknown_action(void **state)
{
	struct qf_action a = action(QF_NACTS, 2023, 5, 4);

	(void)state;
	a.note = "x";
	assert_refused(OPEN, &a, "unknown action");
}

/* ---- assign -------------------------------------------------------- */

static void test_assign_full(void **state)
{
	static const char *const codepts[] = { "财政局", "税务局" };
	struct qf_action a = action(QF_ACT_ASSIGN, 2023, 5, 3);

	(void)state;
	a.by = "李四";
	a.note = "请办理";
	a.dept = "发改局";
	a.codepts = codepts;
	a.ncodepts = 2;
	a.owner = "王五";
	due(&a, 2023, 5, 23);
	/* dept, codepts, owner, due land before status, in that order. */
	assert_act(OPEN, &a,
		   TOP PROBLEM
		   "dept: 发改局\n"
		   "codepts: [财政局, 税务局]\n"
		   "owner: 王五\n"
		   "due: 2023-05-23\n"
		   "status: assigned\n"
		   LOG1
		   "- date: 2023-05-03\n"
		   "  action: assign\n"
		   "  by: 李四\n"
		   "  note: 请办理\n"
		   "  dept: 发改局\n"
		   "  codepts: [财政局, 税务局]\n"
		   "  owner: 王五\n"
		   "  due: 2023-05-23\n");
}

static void test_assign_minimal(void **state)
{
	struct qf_action a = action(QF_ACT_ASSIGN, 2023, 5, 1);

	(void)state;
	a.dept = "发改局";
	a.owner = "";
	a.by = "";
	a.note = "";
	/* The opening day itself; no due date, owner or co-departments. */
	assert_act(OPEN, &a,
		   TOP PROBLEM "dept: 发改局\nstatus: assigned\n" LOG1
		   "- date: 2023-05-01\n  action: assign\n  dept: 发改局\n");
	/* Due on the day it is assigned is fine. */
	a = action(QF_ACT_ASSIGN, 2023, 5, 3);
	a.dept = "发改局";
	due(&a, 2023, 5, 3);
	assert_act(OPEN, &a,
		   TOP PROBLEM "dept: 发改局\ndue: 2023-05-03\n"
		   "status: assigned\n" LOG1
		   "- date: 2023-05-03\n  action: assign\n  dept: 发改局\n"
		   "  due: 2023-05-03\n");
}

static void test_assign_replaces_leftovers(void **state)
{
	struct qf_action a = action(QF_ACT_ASSIGN, 2023, 5, 6);

	(void)state;
	a.dept = "新局";
	due(&a, 2023, 5, 26);
	/* Co-departments, owner and a first due date from before go. */
	assert_act(TOP PROBLEM "codepts: [旧局]\nowner: 旧人\n"
		   "original_due: 2023-05-04\nstatus: open\n" LOG1,
		   &a,
		   TOP PROBLEM "dept: 新局\ndue: 2023-05-26\nstatus: assigned\n"
		   LOG1
		   "- date: 2023-05-06\n  action: assign\n  dept: 新局\n"
		   "  due: 2023-05-26\n");
}

static void test_assign_refused(void **state)
{
	struct qf_action a = action(QF_ACT_ASSIGN, 2023, 5, 12);

	(void)state;
	a.dept = "发改局";
	assert_refused(ASSIGNED, &a,
		       "it is 'assigned', not open: return it first to "
		       "assign it anew");
	assert_refused(RESOLVED, &a,
		       "it is 'resolved', not open: reopen it first");
	assert_refused(TOP SUGGESTION "status: adopted\n" LOG1, &a,
		       "it is 'adopted', not open: reopen it first");
	assert_refused(TOP PROBLEM "status: declined\n" LOG1, &a,
		       "it is 'declined', not open: reopen it first");
	a.dept = NULL;
	assert_refused(OPEN, &a, "no lead unit (dept)");
	a.dept = "";
	assert_refused(OPEN, &a, "no lead unit (dept)");
	a.dept = "发改局";
	due(&a, 2023, 5, 11);
	assert_refused(OPEN, &a,
		       "the due date is before the day it is assigned");
}

/* ---- note ---------------------------------------------------------- */

static void test_note(void **state)
{
	struct qf_action a = action(QF_ACT_NOTE, 2023, 5, 4);

	(void)state;
	a.by = "王五";
	a.note = "已对接银行";
	assert_act(ASSIGNED, &a, ASSIGNED
		   "- date: 2023-05-04\n  action: note\n  by: 王五\n"
		   "  note: 已对接银行\n");
	assert_act(OPEN, &a, OPEN
		   "- date: 2023-05-04\n  action: note\n  by: 王五\n"
		   "  note: 已对接银行\n");
}

static void test_note_refused(void **state)
{
	struct qf_action a = action(QF_ACT_NOTE, 2023, 5, 12);

	(void)state;
	a.note = "x";
	assert_refused(RESOLVED, &a,
		       "it is 'resolved' (closed); reopen it first");
	assert_refused(TOP PROBLEM "status: declined\n" LOG1, &a,
		       "it is 'declined' (closed); reopen it first");
	a.note = NULL;
	assert_refused(ASSIGNED, &a, "a progress note needs its text");
	a.note = "";
	assert_refused(OPEN, &a, "a progress note needs its text");
}

/* ---- extend -------------------------------------------------------- */

#define EXTENDED TOP PROBLEM "dept: 发改局\ncodepts: [财政局]\nowner: 王五\n" \
	"due: 2023-06-10\noriginal_due: 2023-05-21\nstatus: assigned\n" \
	LOG1 LOG_ASSIGN \
	"- date: 2023-05-20\n  action: extend\n  by: 王五\n" \
	"  note: 银行审批慢\n  due: 2023-06-10\n"

static void test_extend_first(void **state)
{
	struct qf_action a = action(QF_ACT_EXTEND, 2023, 5, 20);

	(void)state;
	a.by = "王五";
	a.note = "银行审批慢";
	due(&a, 2023, 6, 10);
	/* The first due date is kept as original_due, after due. */
	assert_act(ASSIGNED, &a, EXTENDED);
}

static void test_extend_again(void **state)
{
	struct qf_action a = action(QF_ACT_EXTEND, 2023, 6, 5);

	(void)state;
	a.note = "再延";
	due(&a, 2023, 6, 30);
	/* original_due stays the very first one. */
	assert_act(EXTENDED, &a,
		   TOP PROBLEM "dept: 发改局\ncodepts: [财政局]\nowner: 王五\n"
		   "due: 2023-06-30\noriginal_due: 2023-05-21\n"
		   "status: assigned\n"
		   LOG1 LOG_ASSIGN
		   "- date: 2023-05-20\n  action: extend\n  by: 王五\n"
		   "  note: 银行审批慢\n  due: 2023-06-10\n"
		   "- date: 2023-06-05\n  action: extend\n  note: 再延\n"
		   "  due: 2023-06-30\n");
}

static void test_extend_without_due(void **state)
{
	struct qf_action a = action(QF_ACT_EXTEND, 2023, 5, 4);

	(void)state;
	a.note = "补期限";
	due(&a, 2023, 5, 30);
	/* No due date before: none to keep. */
	assert_act(TOP PROBLEM "dept: 发改局\nstatus: assigned\n" LOG1,
		   &a,
		   TOP PROBLEM "dept: 发改局\ndue: 2023-05-30\n"
		   "status: assigned\n" LOG1
		   "- date: 2023-05-04\n  action: extend\n  note: 补期限\n"
		   "  due: 2023-05-30\n");
}

static void test_extend_refused(void **state)
{
	struct qf_action a = action(QF_ACT_EXTEND, 2023, 5, 12);

	(void)state;
	a.note = "x";
	due(&a, 2023, 6, 30);
	assert_refused(OPEN, &a,
		       "it is 'open': only an assigned demand is extended");
	assert_refused(RESOLVED, &a,
		       "it is 'resolved': only an assigned demand is extended");
	a.has_due = 0;
	assert_refused(ASSIGNED, &a, "no new due date");
	due(&a, 2023, 5, 21);
	assert_refused(ASSIGNED, &a,
		       "the new due date is not after the current one "
		       "(2023-05-21)");
	due(&a, 2023, 5, 15);
	assert_refused(ASSIGNED, &a,
		       "the new due date is not after the current one "
		       "(2023-05-21)");
	due(&a, 2023, 5, 22);
	a.note = NULL;
	assert_refused(ASSIGNED, &a, "an extension needs a reason");
	a.note = "";
	assert_refused(ASSIGNED, &a, "an extension needs a reason");
}

/* ---- return -------------------------------------------------------- */

static void test_return(void **state)
{
	struct qf_action a = action(QF_ACT_RETURN, 2023, 5, 21);

	(void)state;
	a.by = "发改局";
	a.note = "不属本局职责";
	/* Every assignment field goes; the unit is kept in the entry. */
	assert_act(EXTENDED, &a,
		   TOP PROBLEM "status: open\n" LOG1 LOG_ASSIGN
		   "- date: 2023-05-20\n  action: extend\n  by: 王五\n"
		   "  note: 银行审批慢\n  due: 2023-06-10\n"
		   "- date: 2023-05-21\n  action: return\n  by: 发改局\n"
		   "  note: 不属本局职责\n  dept: 发改局\n");
	/* An assigned demand without a unit (edited by hand). */
	a.by = NULL;
	assert_act(TOP PROBLEM "due: 2023-05-21\nstatus: assigned\n" LOG1, &a,
		   TOP PROBLEM "status: open\n" LOG1
		   "- date: 2023-05-21\n  action: return\n"
		   "  note: 不属本局职责\n");
}

static void test_return_refused(void **state)
{
	struct qf_action a = action(QF_ACT_RETURN, 2023, 5, 12);

	(void)state;
	a.note = "x";
	assert_refused(OPEN, &a,
		       "it is 'open': only an assigned demand is returned");
	assert_refused(RESOLVED, &a,
		       "it is 'resolved': only an assigned demand is returned");
	a.note = NULL;
	assert_refused(ASSIGNED, &a, "a return needs a reason");
	a.note = "";
	assert_refused(ASSIGNED, &a, "a return needs a reason");
}

/* ---- urge ---------------------------------------------------------- */

static void test_urge(void **state)
{
	struct qf_action a = action(QF_ACT_URGE, 2023, 5, 22);

	(void)state;
	a.by = "督查室";
	a.note = "请尽快";
	assert_act(ASSIGNED, &a, ASSIGNED
		   "- date: 2023-05-22\n  action: urge\n  by: 督查室\n"
		   "  note: 请尽快\n");
	/* A note is not needed. */
	a = action(QF_ACT_URGE, 2023, 7, 1);
	assert_act(ASSIGNED, &a, ASSIGNED
		   "- date: 2023-07-01\n  action: urge\n");
}

static void test_urge_refused(void **state)
{
	struct qf_action a = action(QF_ACT_URGE, 2023, 5, 21);

	(void)state;
	assert_refused(ASSIGNED, &a, "it is not overdue (due 2023-05-21)");
	a.date.d = 10;
	assert_refused(ASSIGNED, &a, "it is not overdue (due 2023-05-21)");
	assert_refused(TOP PROBLEM "dept: 发改局\nstatus: assigned\n" LOG1, &a,
		       "it is not overdue (due -)");
	a.date.d = 30;
	assert_refused(TOP PROBLEM "due: 2023-05-21\nstatus: open\n" LOG1, &a,
		       "it is 'open': only an assigned demand is urged");
	a.date.m = 6;
	assert_refused(RESOLVED, &a,
		       "it is 'resolved': only an assigned demand is urged");
}

/* ---- escalate ------------------------------------------------------ */

static void test_escalate(void **state)
{
	struct qf_action a = action(QF_ACT_ESCALATE, 2023, 5, 4);

	(void)state;
	a.by = "张三";
	a.note = "需市里协调";
	assert_act(OPEN, &a,
		   TOP "kind: problem\nlevel: higher\ncategory: financing\n"
		   "title: 贷款难\namount: 5000000\nstatus: open\n" LOG1
		   "- date: 2023-05-04\n  action: escalate\n  by: 张三\n"
		   "  note: 需市里协调\n");
	a.note = NULL;
	a.by = NULL;
	assert_act(ASSIGNED, &a,
		   TOP "kind: problem\nlevel: higher\ncategory: financing\n"
		   "title: 贷款难\namount: 5000000\n" ASSIGNED_FIELDS
		   "status: assigned\n" LOG1 LOG_ASSIGN
		   "- date: 2023-05-04\n  action: escalate\n");
	/* No level yet: it lands after kind. */
	assert_act(TOP "kind: problem\ncategory: financing\nstatus: open\n"
		   LOG1, &a,
		   TOP "kind: problem\nlevel: higher\ncategory: financing\n"
		   "status: open\n" LOG1
		   "- date: 2023-05-04\n  action: escalate\n");
}

static void test_escalate_refused(void **state)
{
	struct qf_action a = action(QF_ACT_ESCALATE, 2023, 5, 12);

	(void)state;
	assert_refused(RESOLVED, &a, "it is 'resolved' (closed)");
	assert_refused(TOP SUGGESTION "status: adopted\n" LOG1, &a,
		       "it is 'adopted' (closed)");
	assert_refused(TOP "kind: problem\nlevel: higher\nstatus: open\n"
		       LOG1, &a, "it is at the higher level already");
}

/* ---- resolve ------------------------------------------------------- */

static void test_resolve_problem(void **state)
{
	struct qf_action a = action(QF_ACT_RESOLVE, 2023, 5, 10);

	(void)state;
	a.by = "王五";
	a.note = "已放款";
	/* closed and resolution after status; assignment fields stay. */
	assert_act(ASSIGNED, &a, RESOLVED);
	/* An open demand may be resolved at once. */
	a.by = NULL;
	assert_act(OPEN, &a,
		   TOP PROBLEM "status: resolved\n" CLOSING LOG1
		   "- date: 2023-05-10\n  action: resolve\n  note: 已放款\n");
	/* No kind: a problem. */
	assert_act(TOP "status: open\n" LOG1, &a,
		   TOP "status: resolved\n" CLOSING LOG1
		   "- date: 2023-05-10\n  action: resolve\n  note: 已放款\n");
}

static void test_resolve_suggestion(void **state)
{
	struct qf_action a = action(QF_ACT_RESOLVE, 2023, 5, 8);

	(void)state;
	a.by = "李四";
	a.note = "已采纳并简化";
	assert_act(TOP SUGGESTION "status: open\n" LOG1, &a,
		   TOP SUGGESTION "status: adopted\nclosed: 2023-05-08\n"
		   "resolution: 已采纳并简化\n" LOG1
		   "- date: 2023-05-08\n  action: adopt\n  by: 李四\n"
		   "  note: 已采纳并简化\n");
}

static void test_resolve_decline(void **state)
{
	struct qf_action a = action(QF_ACT_RESOLVE, 2023, 5, 8);

	(void)state;
	a.decline = 1;
	a.note = "不符合政策";
	assert_act(ASSIGNED, &a,
		   TOP PROBLEM ASSIGNED_FIELDS "status: declined\n"
		   "closed: 2023-05-08\nresolution: 不符合政策\n"
		   LOG1 LOG_ASSIGN
		   "- date: 2023-05-08\n  action: decline\n"
		   "  note: 不符合政策\n");
	/* A suggestion is declined, not adopted. */
	assert_act(TOP SUGGESTION "status: open\n" LOG1, &a,
		   TOP SUGGESTION "status: declined\nclosed: 2023-05-08\n"
		   "resolution: 不符合政策\n" LOG1
		   "- date: 2023-05-08\n  action: decline\n"
		   "  note: 不符合政策\n");
}

static void test_resolve_refused(void **state)
{
	struct qf_action a = action(QF_ACT_RESOLVE, 2023, 5, 12);

	(void)state;
	a.note = "x";
	assert_refused(RESOLVED, &a, "it is 'resolved' already");
	assert_refused(TOP SUGGESTION "status: adopted\n" LOG1, &a,
		       "it is 'adopted' already");
	a.decline = 1;
	assert_refused(TOP PROBLEM "status: declined\n" LOG1, &a,
		       "it is 'declined' already");
	a.note = NULL;
	assert_refused(ASSIGNED, &a,
		       "declining needs the reason why it cannot be resolved");
	a.note = "";
	assert_refused(OPEN, &a,
		       "declining needs the reason why it cannot be resolved");
	a.decline = 0;
	assert_refused(ASSIGNED, &a,
		       "resolving needs a resolution text (what was done)");
	a.note = NULL;
	assert_refused(OPEN, &a,
		       "resolving needs a resolution text (what was done)");
}

/* ---- follow-up ----------------------------------------------------- */

static void test_follow_up_satisfied(void **state)
{
	struct qf_action a = action(QF_ACT_FOLLOW_UP, 2023, 5, 15);

	(void)state;
	a.by = "张三";
	a.note = "企业满意";
	a.satisfaction = "satisfied";
	/* A due date means nothing here. */
	due(&a, 2023, 5, 1);
	assert_act(RESOLVED, &a,
		   TOP PROBLEM ASSIGNED_FIELDS "status: resolved\n" CLOSING
		   "satisfaction: satisfied\n" LOG1 LOG_ASSIGN LOG_RESOLVE
		   "- date: 2023-05-15\n  action: follow-up\n  by: 张三\n"
		   "  note: 企业满意\n  satisfaction: satisfied\n");
}

static void test_follow_up_basic_again(void **state)
{
	struct qf_action a = action(QF_ACT_FOLLOW_UP, 2023, 5, 15);

	(void)state;
	a.satisfaction = "basic";
	assert_act(TOP SUGGESTION "status: adopted\nclosed: 2023-05-08\n"
		   "resolution: 已采纳\n" LOG1, &a,
		   TOP SUGGESTION "status: adopted\nclosed: 2023-05-08\n"
		   "resolution: 已采纳\nsatisfaction: basic\n" LOG1
		   "- date: 2023-05-15\n  action: follow-up\n"
		   "  satisfaction: basic\n");
	/* A second call replaces the rating in place. */
	a.satisfaction = "satisfied";
	assert_act(TOP PROBLEM "status: declined\nclosed: 2023-05-08\n"
		   "resolution: 不符合政策\nsatisfaction: basic\n" LOG1, &a,
		   TOP PROBLEM "status: declined\nclosed: 2023-05-08\n"
		   "resolution: 不符合政策\nsatisfaction: satisfied\n" LOG1
		   "- date: 2023-05-15\n  action: follow-up\n"
		   "  satisfaction: satisfied\n");
}

static void test_follow_up_dissatisfied(void **state)
{
	struct qf_action a = action(QF_ACT_FOLLOW_UP, 2023, 5, 15);

	(void)state;
	a.by = "张三";
	a.note = "仍未放款";
	a.satisfaction = "dissatisfied";
	due(&a, 2023, 6, 15);
	/* Reopened to the same unit with the new due date; the closing
	 * fields go (the log keeps them); two entries. */
	assert_act(RESOLVED, &a,
		   TOP PROBLEM "dept: 发改局\ncodepts: [财政局]\nowner: 王五\n"
		   "due: 2023-06-15\nstatus: assigned\n"
		   LOG1 LOG_ASSIGN LOG_RESOLVE
		   "- date: 2023-05-15\n  action: follow-up\n  by: 张三\n"
		   "  note: 仍未放款\n  satisfaction: dissatisfied\n"
		   "- date: 2023-05-15\n  action: reopen\n  by: 张三\n"
		   "  note: 回访不满意，重办\n  due: 2023-06-15\n");
	/* The due date may be the very day. */
	due(&a, 2023, 5, 15);
	assert_act(RESOLVED, &a,
		   TOP PROBLEM "dept: 发改局\ncodepts: [财政局]\nowner: 王五\n"
		   "due: 2023-05-15\nstatus: assigned\n"
		   LOG1 LOG_ASSIGN LOG_RESOLVE
		   "- date: 2023-05-15\n  action: follow-up\n  by: 张三\n"
		   "  note: 仍未放款\n  satisfaction: dissatisfied\n"
		   "- date: 2023-05-15\n  action: reopen\n  by: 张三\n"
		   "  note: 回访不满意，重办\n  due: 2023-05-15\n");
}

static void test_follow_up_dissatisfied_no_due(void **state)
{
	struct qf_action a = action(QF_ACT_FOLLOW_UP, 2023, 5, 15);

	(void)state;
	a.satisfaction = "dissatisfied";
	/* No new due date: the old one stays; an earlier rating goes. */
	assert_act(TOP PROBLEM ASSIGNED_FIELDS "status: resolved\n" CLOSING
		   "satisfaction: basic\n" LOG1 LOG_ASSIGN LOG_RESOLVE, &a,
		   TOP PROBLEM ASSIGNED_FIELDS "status: assigned\n"
		   LOG1 LOG_ASSIGN LOG_RESOLVE
		   "- date: 2023-05-15\n  action: follow-up\n"
		   "  satisfaction: dissatisfied\n"
		   "- date: 2023-05-15\n  action: reopen\n"
		   "  note: 回访不满意，重办\n");
}

static void test_follow_up_dissatisfied_no_dept(void **state)
{
	struct qf_action a = action(QF_ACT_FOLLOW_UP, 2023, 5, 15);

	(void)state;
	a.satisfaction = "dissatisfied";
	due(&a, 2023, 6, 15);
	/* Never assigned: back to open, no due date. */
	assert_act(TOP PROBLEM "status: resolved\n" CLOSING LOG1, &a,
		   TOP PROBLEM "status: open\n" LOG1
		   "- date: 2023-05-15\n  action: follow-up\n"
		   "  satisfaction: dissatisfied\n"
		   "- date: 2023-05-15\n  action: reopen\n"
		   "  note: 回访不满意，重办\n");
}

static void test_follow_up_refused(void **state)
{
	struct qf_action a = action(QF_ACT_FOLLOW_UP, 2023, 5, 15);

	(void)state;
	a.satisfaction = "satisfied";
	assert_refused(ASSIGNED, &a,
		       "it is 'assigned': a follow-up call comes after "
		       "closing");
	assert_refused(OPEN, &a,
		       "it is 'open': a follow-up call comes after closing");
	a.satisfaction = NULL;
	assert_refused(RESOLVED, &a, "no satisfaction rating");
	a.satisfaction = "dissatisfied";
	due(&a, 2023, 5, 14);
	assert_refused(RESOLVED, &a,
		       "the new due date is before the day it is reopened");
}

/* ---- reopen -------------------------------------------------------- */

static void test_reopen_with_dept(void **state)
{
	struct qf_action a = action(QF_ACT_REOPEN, 2023, 5, 20);

	(void)state;
	a.by = "李四";
	a.note = "企业反映未解决";
	due(&a, 2023, 6, 20);
	assert_act(TOP PROBLEM ASSIGNED_FIELDS "status: resolved\n" CLOSING
		   "satisfaction: satisfied\n" LOG1 LOG_ASSIGN LOG_RESOLVE, &a,
		   TOP PROBLEM "dept: 发改局\ncodepts: [财政局]\nowner: 王五\n"
		   "due: 2023-06-20\nstatus: assigned\n"
		   LOG1 LOG_ASSIGN LOG_RESOLVE
		   "- date: 2023-05-20\n  action: reopen\n  by: 李四\n"
		   "  note: 企业反映未解决\n  due: 2023-06-20\n");
	/* Without a new due date the old one stays. */
	a.has_due = 0;
	assert_act(RESOLVED, &a,
		   TOP PROBLEM ASSIGNED_FIELDS "status: assigned\n"
		   LOG1 LOG_ASSIGN LOG_RESOLVE
		   "- date: 2023-05-20\n  action: reopen\n  by: 李四\n"
		   "  note: 企业反映未解决\n");
}

static void test_reopen_new_round(void **state)
{
	struct qf_action a = action(QF_ACT_REOPEN, 2023, 6, 20);

	(void)state;
	a.note = "未解决";
	due(&a, 2023, 7, 20);
	/* A new round: the first due date of the old one goes too. */
	assert_act(TOP PROBLEM "dept: 发改局\ndue: 2023-06-10\n"
		   "original_due: 2023-05-21\nstatus: resolved\n"
		   "closed: 2023-06-08\nresolution: 已放款\n" LOG1, &a,
		   TOP PROBLEM "dept: 发改局\ndue: 2023-07-20\n"
		   "status: assigned\n" LOG1
		   "- date: 2023-06-20\n  action: reopen\n  note: 未解决\n"
		   "  due: 2023-07-20\n");
	/* The same through a dissatisfied follow-up call. */
	a = action(QF_ACT_FOLLOW_UP, 2023, 6, 20);
	a.satisfaction = "dissatisfied";
	assert_act(TOP PROBLEM "dept: 发改局\ndue: 2023-06-10\n"
		   "original_due: 2023-05-21\nstatus: resolved\n"
		   "closed: 2023-06-08\nresolution: 已放款\n" LOG1, &a,
		   TOP PROBLEM "dept: 发改局\ndue: 2023-06-10\n"
		   "status: assigned\n" LOG1
		   "- date: 2023-06-20\n  action: follow-up\n"
		   "  satisfaction: dissatisfied\n"
		   "- date: 2023-06-20\n  action: reopen\n"
		   "  note: 回访不满意，重办\n");
}

static void test_reopen_without_dept(void **state)
{
	struct qf_action a = action(QF_ACT_REOPEN, 2023, 5, 20);

	(void)state;
	a.note = "重新研究";
	due(&a, 2023, 6, 20);
	/* Back to open; a due date has no unit to go to. */
	assert_act(TOP SUGGESTION "status: declined\nclosed: 2023-05-08\n"
		   "resolution: 不符合政策\n" LOG1, &a,
		   TOP SUGGESTION "status: open\n" LOG1
		   "- date: 2023-05-20\n  action: reopen\n  note: 重新研究\n");
	assert_act(TOP SUGGESTION "status: adopted\nclosed: 2023-05-08\n"
		   "resolution: 已采纳\n" LOG1, &a,
		   TOP SUGGESTION "status: open\n" LOG1
		   "- date: 2023-05-20\n  action: reopen\n  note: 重新研究\n");
}

static void test_reopen_refused(void **state)
{
	struct qf_action a = action(QF_ACT_REOPEN, 2023, 5, 20);

	(void)state;
	a.note = "x";
	assert_refused(ASSIGNED, &a, "it is 'assigned', not closed");
	assert_refused(OPEN, &a, "it is 'open', not closed");
	a.note = NULL;
	assert_refused(RESOLVED, &a, "reopening needs a reason");
	a.note = "";
	assert_refused(RESOLVED, &a, "reopening needs a reason");
	a.note = "x";
	due(&a, 2023, 5, 19);
	assert_refused(RESOLVED, &a,
		       "the new due date is before the day it is reopened");
	assert_refused(ASSIGNED, &a,
		       "the new due date is before the day it is reopened");
}

/* ---- the order of fields ------------------------------------------- */

static void test_order_restored(void **state)
{
	struct qf_action a = action(QF_ACT_NOTE, 2023, 5, 4);

	(void)state;
	a.note = "x";
	/* Known fields out of their order are put back in it. */
	assert_act("---\nstatus: open\nlog:\n- date: 2023-05-01\n"
		   "  action: collect\n  by: 张三\n"
		   "title: 贷款难\nid: D-HY-202305-0007\nopened: 2023-05-01\n",
		   &a,
		   "---\nid: D-HY-202305-0007\nopened: 2023-05-01\n"
		   "title: 贷款难\nstatus: open\n" LOG1
		   "- date: 2023-05-04\n  action: note\n  note: x\n");
}

static void test_order_unknown_key_before(void **state)
{
	struct qf_action a = action(QF_ACT_ASSIGN, 2023, 5, 3);

	(void)state;
	a.dept = "发改局";
	due(&a, 2023, 5, 21);
	/* An unknown key among the early fields keeps its place; the new
	 * ones go before status. */
	assert_act(TOP "kind: problem\nx-note: 备注\nlevel: local\n"
		   "status: open\n" LOG1, &a,
		   TOP "kind: problem\nx-note: 备注\nlevel: local\n"
		   "dept: 发改局\ndue: 2023-05-21\nstatus: assigned\n" LOG1
		   "- date: 2023-05-03\n  action: assign\n  dept: 发改局\n"
		   "  due: 2023-05-21\n");
}

static void test_order_unknown_key_last(void **state)
{
	struct qf_action a = action(QF_ACT_ASSIGN, 2023, 5, 3);

	(void)state;
	a.dept = "发改局";
	due(&a, 2023, 5, 21);
	/* An unknown key after the log stays after it; dept and due still
	 * go before status. */
	assert_act(OPEN "remark: 备注\n", &a,
		   TOP PROBLEM "dept: 发改局\ndue: 2023-05-21\n"
		   "status: assigned\n" LOG1
		   "- date: 2023-05-03\n  action: assign\n  dept: 发改局\n"
		   "  due: 2023-05-21\n"
		   "remark: 备注\n");
}

static void test_order_unknown_key_after_status(void **state)
{
	struct qf_action a = action(QF_ACT_RESOLVE, 2023, 5, 10);

	(void)state;
	a.note = "已放款";
	/* An unknown key stays right after the known key it followed
	 * (status); closed and resolution come after it, before log. */
	assert_act(TOP PROBLEM "status: open\nremark: 备注\n" LOG1, &a,
		   TOP PROBLEM "status: resolved\nremark: 备注\n" CLOSING
		   LOG1
		   "- date: 2023-05-10\n  action: resolve\n  note: 已放款\n");
}

/* ---- a whole life -------------------------------------------------- */

static void act_ok(struct qf_node *rec, const struct qf_action *a)
{
	struct qf_error err;
	int rc = qf_demand_act(rec, a, &err);

	if (rc != QF_OK)
		fail_msg("%s refused (%d): %s", qf_act_name(a->act), rc,
			 err.msg);
}

static void test_life(void **state)
{
	struct qf_demand_spec sp = full_spec();
	struct qf_node *r = qf_demand_new(&sp);
	struct qf_action a;
	char *got;

	*state = r;
	assert_non_null(r);
	a = action(QF_ACT_ASSIGN, 2023, 5, 3);
	a.dept = "发改局";
	due(&a, 2023, 5, 23);
	act_ok(r, &a);
	a = action(QF_ACT_EXTEND, 2023, 5, 20);
	a.note = "审批中";
	due(&a, 2023, 6, 10);
	act_ok(r, &a);
	a = action(QF_ACT_URGE, 2023, 6, 12);
	act_ok(r, &a);
	a = action(QF_ACT_RETURN, 2023, 6, 13);
	a.note = "非本局";
	act_ok(r, &a);
	a = action(QF_ACT_ASSIGN, 2023, 6, 14);
	a.dept = "金融办";
	a.owner = "赵六";
	due(&a, 2023, 6, 30);
	act_ok(r, &a);
	a = action(QF_ACT_RESOLVE, 2023, 6, 20);
	a.note = "已放款";
	act_ok(r, &a);
	a = action(QF_ACT_FOLLOW_UP, 2023, 6, 25);
	a.satisfaction = "dissatisfied";
	due(&a, 2023, 7, 10);
	act_ok(r, &a);
	a = action(QF_ACT_RESOLVE, 2023, 7, 5);
	a.note = "追加放款";
	act_ok(r, &a);
	a = action(QF_ACT_FOLLOW_UP, 2023, 7, 6);
	a.satisfaction = "satisfied";
	act_ok(r, &a);
	got = emit(r);
	assert_string_equal(got,
		"---\n"
		"id: D-HY-202305-0007\n"
		"firm: F-HY-0012\n"
		"opened: 2023-05-01\n"
		"source: V-HY-202305-0012\n"
		"kind: problem\n"
		"level: local\n"
		"category: financing\n"
		"title: 流动资金贷款难\n"
		"detail: 需要 500 万元流动资金贷款\n"
		"amount: 5000000\n"
		"dept: 金融办\n"
		"owner: 赵六\n"
		"due: 2023-07-10\n"
		"status: resolved\n"
		"closed: 2023-07-05\n"
		"resolution: 追加放款\n"
		"satisfaction: satisfied\n"
		"log:\n"
		"- date: 2023-05-01\n  action: collect\n  by: 张三\n"
		"- date: 2023-05-03\n  action: assign\n  dept: 发改局\n"
		"  due: 2023-05-23\n"
		"- date: 2023-05-20\n  action: extend\n  note: 审批中\n"
		"  due: 2023-06-10\n"
		"- date: 2023-06-12\n  action: urge\n"
		"- date: 2023-06-13\n  action: return\n  note: 非本局\n"
		"  dept: 发改局\n"
		"- date: 2023-06-14\n  action: assign\n  dept: 金融办\n"
		"  owner: 赵六\n  due: 2023-06-30\n"
		"- date: 2023-06-20\n  action: resolve\n  note: 已放款\n"
		"- date: 2023-06-25\n  action: follow-up\n"
		"  satisfaction: dissatisfied\n"
		"- date: 2023-06-25\n  action: reopen\n"
		"  note: 回访不满意，重办\n  due: 2023-07-10\n"
		"- date: 2023-07-05\n  action: resolve\n  note: 追加放款\n"
		"- date: 2023-07-06\n  action: follow-up\n"
		"  satisfaction: satisfied\n");
	free(got);
}

/* ---- the state of a demand at a date ------------------------------- */

static struct qf_date day(int y, int m, int d)
{
	struct qf_date x;

	x.y = y;
	x.m = m;
	x.d = d;
	return x;
}

static void assert_date(const struct qf_date *got, int y, int m, int d)
{
	assert_int_equal(got->y, y);
	assert_int_equal(got->m, m);
	assert_int_equal(got->d, d);
}

/* The state of rec at y-m-d, replayed from its log. */
static struct qf_demand_state state_at(const struct qf_node *rec, int y,
				       int m, int d)
{
	struct qf_demand_state st;
	struct qf_date at = day(y, m, d);
	struct qf_error err;
	int rc;

	memset(&err, 0, sizeof err);
	rc = qf_demand_state_at(rec, &at, &st, &err);
	if (rc != QF_OK)
		fail_msg("state at %d-%d-%d refused (%d): %s", y, m, d, rc,
			 err.msg);
	return st;
}

static void assert_str_or_null(const char *got, const char *want)
{
	if (!want)
		assert_null(got);
	else
		assert_string_equal(got ? got : "(null)", want);
}

static void assert_state(const struct qf_demand_state *st,
			 const char *status, int closed, const char *dept,
			 const char *rating)
{
	assert_str_or_null(st->status, status);
	assert_int_equal(st->closed, closed);
	assert_str_or_null(st->outcome, closed ? status : NULL);
	assert_str_or_null(st->dept, dept);
	assert_str_or_null(st->rating, rating);
}

static void test_act_from_name(void **state)
{
	(void)state;
	for (int a = 0; a < QF_NACTS; a++)
		assert_int_equal(qf_act_from_name(qf_act_name((enum qf_act)a)),
				 a);
	assert_int_equal(qf_act_from_name("collect"), QF_ACT_COLLECT);
	assert_int_equal(qf_act_from_name("adopt"), QF_ACT_ADOPT);
	assert_int_equal(qf_act_from_name("decline"), QF_ACT_DECLINE);
	assert_int_equal(qf_act_from_name("follow-up"), QF_ACT_FOLLOW_UP);
	assert_int_equal(qf_act_from_name("frob"), -1);
	assert_int_equal(qf_act_from_name("Assign"), -1);
	assert_int_equal(qf_act_from_name("assign "), -1);
	assert_int_equal(qf_act_from_name("?"), -1);
	assert_int_equal(qf_act_from_name(""), -1);
	assert_int_equal(qf_act_from_name(NULL), -1);
	assert_string_equal(qf_act_outcome(QF_ACT_RESOLVE), "resolved");
	assert_string_equal(qf_act_outcome(QF_ACT_ADOPT), "adopted");
	assert_string_equal(qf_act_outcome(QF_ACT_DECLINE), "declined");
	assert_null(qf_act_outcome(QF_ACT_REOPEN));
	assert_null(qf_act_outcome(QF_ACT_COLLECT));
}

static void test_status_names(void **state)
{
	(void)state;
	for (int s = 0; s < QF_NSTATUS; s++)
		assert_int_equal(qf_status_from_name(
			qf_status_name((enum qf_status)s)), s);
	assert_string_equal(qf_status_name(QF_ST_OPEN), "open");
	assert_string_equal(qf_status_name(QF_ST_DECLINED), "declined");
	assert_string_equal(qf_status_name(QF_NSTATUS), "?");
	assert_int_equal(qf_status_from_name("closed"), -1);
	assert_int_equal(qf_status_from_name(NULL), -1);
	assert_int_equal(qf_status_fits_kind("adopted", "suggestion"), 1);
	assert_int_equal(qf_status_fits_kind("adopted", "problem"), 0);
	assert_int_equal(qf_status_fits_kind("resolved", "problem"), 1);
	assert_int_equal(qf_status_fits_kind("resolved", "suggestion"), 0);
	assert_int_equal(qf_status_fits_kind("declined", "suggestion"), 1);
	assert_int_equal(qf_status_fits_kind("resolved", NULL), 1);
	assert_int_equal(qf_status_fits_kind(NULL, "problem"), 1);
}

/* Assigned, extended, resolved, reopened by a dissatisfied follow-up,
 * resolved again: the state before, on and between each step. */
static void test_state_at_life(void **state)
{
	struct qf_demand_spec sp = full_spec();
	struct qf_node *r = qf_demand_new(&sp);
	struct qf_demand_state st;
	struct qf_action a;

	*state = r;
	assert_non_null(r);
	a = action(QF_ACT_ASSIGN, 2023, 5, 3);
	a.dept = "发改局";
	due(&a, 2023, 5, 23);
	act_ok(r, &a);
	a = action(QF_ACT_EXTEND, 2023, 5, 20);
	a.note = "审批中";
	due(&a, 2023, 6, 10);
	act_ok(r, &a);
	a = action(QF_ACT_RESOLVE, 2023, 6, 5);
	a.note = "已放款";
	act_ok(r, &a);
	a = action(QF_ACT_FOLLOW_UP, 2023, 6, 8);
	a.satisfaction = "dissatisfied";
	due(&a, 2023, 6, 30);
	act_ok(r, &a);
	a = action(QF_ACT_RESOLVE, 2023, 6, 20);
	a.note = "追加放款";
	act_ok(r, &a);
	a = action(QF_ACT_FOLLOW_UP, 2023, 6, 25);
	a.satisfaction = "satisfied";
	act_ok(r, &a);

	/* Before it was collected: nothing yet. */
	st = state_at(r, 2023, 4, 30);
	assert_int_equal(st.from_log, 1);
	assert_state(&st, NULL, 0, NULL, NULL);
	assert_int_equal(st.has_due, 0);
	assert_string_equal(st.level, "local");

	st = state_at(r, 2023, 5, 1);
	assert_state(&st, "open", 0, NULL, NULL);
	assert_int_equal(st.has_due, 0);
	assert_int_equal(st.has_orig, 0);
	st = state_at(r, 2023, 5, 2);
	assert_state(&st, "open", 0, NULL, NULL);

	/* Assigned: the first deadline is both. */
	st = state_at(r, 2023, 5, 3);
	assert_state(&st, "assigned", 0, "发改局", NULL);
	assert_int_equal(st.has_orig, 1);
	assert_int_equal(st.has_due, 1);
	assert_date(&st.orig, 2023, 5, 23);
	assert_date(&st.due, 2023, 5, 23);
	st = state_at(r, 2023, 5, 19);
	assert_date(&st.due, 2023, 5, 23);

	/* Extended: the original deadline stays. */
	st = state_at(r, 2023, 5, 20);
	assert_state(&st, "assigned", 0, "发改局", NULL);
	assert_date(&st.orig, 2023, 5, 23);
	assert_date(&st.due, 2023, 6, 10);
	st = state_at(r, 2023, 6, 4);
	assert_state(&st, "assigned", 0, "发改局", NULL);

	/* Resolved. */
	st = state_at(r, 2023, 6, 5);
	assert_state(&st, "resolved", 1, "发改局", NULL);
	assert_date(&st.closed_on, 2023, 6, 5);
	assert_date(&st.orig, 2023, 5, 23);
	assert_date(&st.due, 2023, 6, 10);
	st = state_at(r, 2023, 6, 7);
	assert_state(&st, "resolved", 1, "发改局", NULL);
	assert_date(&st.closed_on, 2023, 6, 5);

	/* The dissatisfied follow-up reopened it: a new round, its rating
	 * gone with the closing, the new due date both deadlines. */
	st = state_at(r, 2023, 6, 8);
	assert_state(&st, "assigned", 0, "发改局", NULL);
	assert_date(&st.orig, 2023, 6, 30);
	assert_date(&st.due, 2023, 6, 30);
	st = state_at(r, 2023, 6, 19);
	assert_state(&st, "assigned", 0, "发改局", NULL);

	/* Resolved again. */
	st = state_at(r, 2023, 6, 20);
	assert_state(&st, "resolved", 1, "发改局", NULL);
	assert_date(&st.closed_on, 2023, 6, 20);
	assert_date(&st.orig, 2023, 6, 30);
	st = state_at(r, 2023, 6, 24);
	assert_state(&st, "resolved", 1, "发改局", NULL);

	/* Rated. */
	st = state_at(r, 2023, 6, 25);
	assert_state(&st, "resolved", 1, "发改局", "satisfied");
	st = state_at(r, 2099, 1, 1);
	assert_state(&st, "resolved", 1, "发改局", "satisfied");
	assert_date(&st.closed_on, 2023, 6, 20);
	assert_int_equal(st.from_log, 1);
}

static void test_state_at_adopt_decline(void **state)
{
	struct qf_node *r = read_rec(TOP SUGGESTION "status: open\n" LOG1);
	struct qf_node *p = read_rec(ASSIGNED);
	struct qf_demand_state st;
	struct qf_action a;
	const struct qf_node *log;

	(void)state;
	a = action(QF_ACT_RESOLVE, 2023, 5, 9);
	a.note = "已采纳";
	act_ok(r, &a);
	log = qf_node_get(r, "log");
	assert_string_equal(qf_node_get_str(log->items[log->n - 1], "action"),
			    "adopt");
	st = state_at(r, 2023, 5, 8);
	assert_state(&st, "open", 0, NULL, NULL);
	st = state_at(r, 2023, 5, 9);
	assert_state(&st, "adopted", 1, NULL, NULL);
	assert_date(&st.closed_on, 2023, 5, 9);
	assert_int_equal(st.from_log, 1);

	a = action(QF_ACT_RESOLVE, 2023, 5, 12);
	a.note = "政策不允许";
	a.decline = 1;
	act_ok(p, &a);
	log = qf_node_get(p, "log");
	assert_string_equal(qf_node_get_str(log->items[log->n - 1], "action"),
			    "decline");
	st = state_at(p, 2023, 5, 11);
	assert_state(&st, "assigned", 0, "发改局", NULL);
	st = state_at(p, 2023, 5, 12);
	assert_state(&st, "declined", 1, "发改局", NULL);
	assert_date(&st.closed_on, 2023, 5, 12);
	qf_node_free(r);
	qf_node_free(p);
}

/* A log that does not agree with the fields is not trusted: the fields
 * tell the state, closed from the closing date on. */
static void test_state_at_from_fields(void **state)
{
	struct qf_node *r = read_rec(TOP PROBLEM ASSIGNED_FIELDS
				     "status: resolved\n" CLOSING LOG1);
	struct qf_demand_state st;

	(void)state;
	st = state_at(r, 2023, 5, 9);
	assert_int_equal(st.from_log, 0);
	assert_state(&st, "assigned", 0, "发改局", NULL);
	st = state_at(r, 2023, 5, 10);
	assert_int_equal(st.from_log, 0);
	assert_state(&st, "resolved", 1, "发改局", NULL);
	assert_date(&st.closed_on, 2023, 5, 10);
	st = state_at(r, 2023, 4, 1);
	assert_null(st.status);
	qf_node_free(r);
}

static void test_state_at_unknown_action(void **state)
{
	struct qf_node *r = read_rec(TOP PROBLEM "status: open\n" LOG1
				     "- date: 2023-05-02\n  action: frob\n");
	struct qf_node *s = read_rec("---\n- a\n");
	struct qf_demand_state st;
	struct qf_date at = day(2023, 6, 1);
	struct qf_error err;

	(void)state;
	memset(&err, 0, sizeof err);
	assert_int_equal(qf_demand_state_at(r, &at, &st, &err), QF_EDATA);
	assert_int_equal(err.code, QF_EDATA);
	assert_string_equal(err.msg, "field 'log[1].action': 'frob' is not "
			    "an action on a demand");
	assert_string_equal(err.file, "");
	assert_int_equal(err.line, 17);
	assert_int_equal(err.col, 11);
	/* Refused whatever the date: an entry after it counts too. */
	at = day(2023, 5, 1);
	memset(&err, 0, sizeof err);
	assert_int_equal(qf_demand_state_at(r, &at, &st, &err), QF_EDATA);
	memset(&err, 0, sizeof err);
	assert_int_equal(qf_demand_state_at(s, &at, &st, &err), QF_EDATA);
	assert_int_equal(err.code, QF_EDATA);
	qf_node_free(r);
	qf_node_free(s);
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
		cmocka_unit_test(test_act_names),
		cmocka_unit_test(test_status_closed),
		cmocka_unit_test(test_overdue),
		cmocka_unit_test(test_refuse_no_status),
		cmocka_unit_test(test_refuse_before_opened),
		cmocka_unit_test(test_refuse_before_last_entry),
		cmocka_unit_test(test_refuse_unknown_action),
		cmocka_unit_test(test_assign_full),
		cmocka_unit_test(test_assign_minimal),
		cmocka_unit_test(test_assign_replaces_leftovers),
		cmocka_unit_test(test_assign_refused),
		cmocka_unit_test(test_note),
		cmocka_unit_test(test_note_refused),
		cmocka_unit_test(test_extend_first),
		cmocka_unit_test(test_extend_again),
		cmocka_unit_test(test_extend_without_due),
		cmocka_unit_test(test_extend_refused),
		cmocka_unit_test(test_return),
		cmocka_unit_test(test_return_refused),
		cmocka_unit_test(test_urge),
		cmocka_unit_test(test_urge_refused),
		cmocka_unit_test(test_escalate),
		cmocka_unit_test(test_escalate_refused),
		cmocka_unit_test(test_resolve_problem),
		cmocka_unit_test(test_resolve_suggestion),
		cmocka_unit_test(test_resolve_decline),
		cmocka_unit_test(test_resolve_refused),
		cmocka_unit_test(test_follow_up_satisfied),
		cmocka_unit_test(test_follow_up_basic_again),
		cmocka_unit_test(test_follow_up_dissatisfied),
		cmocka_unit_test(test_follow_up_dissatisfied_no_due),
		cmocka_unit_test(test_follow_up_dissatisfied_no_dept),
		cmocka_unit_test(test_follow_up_refused),
		cmocka_unit_test(test_reopen_with_dept),
		cmocka_unit_test(test_reopen_new_round),
		cmocka_unit_test(test_reopen_without_dept),
		cmocka_unit_test(test_reopen_refused),
		cmocka_unit_test(test_order_restored),
		cmocka_unit_test(test_order_unknown_key_before),
		cmocka_unit_test(test_order_unknown_key_last),
		cmocka_unit_test(test_order_unknown_key_after_status),
		cmocka_unit_test_teardown(test_life, teardown_node),
		cmocka_unit_test(test_act_from_name),
		cmocka_unit_test(test_status_names),
		cmocka_unit_test_teardown(test_state_at_life, teardown_node),
		cmocka_unit_test(test_state_at_adopt_decline),
		cmocka_unit_test(test_state_at_from_fields),
		cmocka_unit_test(test_state_at_unknown_action),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
