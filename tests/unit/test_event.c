/* test_event.c - lib/event.c: a new event record from a spec (its fields,
 * their order and types, outcomes in yuan), the outcomes read back, the
 * filter of the lists; and qf_amount_parse (lib/text.c), which gives the
 * amounts of add-event and import. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "qf/event.h"
#include "qf/text.h"
#include "qf/yaml.h"

static char *emit(const struct qf_node *n)
{
	struct qf_error err;
	char *text;
	size_t len;

	assert_int_equal(qf_yaml_emit(n, &text, &len, &err), 0);
	return text;
}

static void test_full(void **state)
{
	struct qf_strv firms = QF_STRV_INIT, pols = QF_STRV_INIT,
		dems = QF_STRV_INIT;
	struct qf_event_spec sp;
	struct qf_node *r;
	long long v;
	char *text;

	(void)state;
	assert_int_equal(qf_strv_push(&firms, "F-HY-0001"), 0);
	assert_int_equal(qf_strv_push(&firms, "F-HY-0002"), 0);
	assert_int_equal(qf_strv_push(&pols, "P-HY-0003"), 0);
	assert_int_equal(qf_strv_push(&dems, "D-HY-202309-0001"), 0);
	qf_event_spec_init(&sp);
	sp.id = "E-HY-202309-0002";
	sp.date = (struct qf_date){ 2023, 9, 12 };
	sp.kind = "financing";
	sp.title = "银企对接会";
	sp.organiser = "金融办";
	sp.place = "园区会议中心";
	sp.note = "签约意向融资100亿元";
	sp.firms = &firms;
	sp.policies = &pols;
	sp.demands = &dems;
	sp.outcomes[QF_OUT_FINANCING_INTENDED] = 10000000000LL;  /* 100亿元 */
	sp.outcomes[QF_OUT_CONTRACTS] = 0;   /* 0 is a figure, not nothing */
	r = qf_event_new(&sp);
	assert_non_null(r);
	text = emit(r);
	assert_string_equal(text,
		"---\n"
		"id: E-HY-202309-0002\n"
		"date: 2023-09-12\n"
		"kind: financing\n"
		"title: 银企对接会\n"
		"organiser: 金融办\n"
		"place: 园区会议中心\n"
		"firms: [F-HY-0001, F-HY-0002]\n"
		"policies: [P-HY-0003]\n"
		"demands: [D-HY-202309-0001]\n"
		"outcomes:\n"
		"  financing_intended: 10000000000\n"
		"  contracts: 0\n"
		"note: 签约意向融资100亿元\n");
	free(text);
	/* Integers, not strings: the schema's "integer". */
	assert_int_equal(qf_node_get(qf_node_get(r, "outcomes"),
				     "financing_intended")->stype, QF_STYPE_INT);
	assert_int_equal(qf_event_outcome(r, QF_OUT_FINANCING_INTENDED, &v), 1);
	assert_true(v == 10000000000LL);
	assert_int_equal(qf_event_outcome(r, QF_OUT_CONTRACTS, &v), 1);
	assert_true(v == 0);
	assert_int_equal(qf_event_outcome(r, QF_OUT_HIRES, &v), 0);
	qf_node_free(r);
	qf_strv_release(&firms);
	qf_strv_release(&pols);
	qf_strv_release(&dems);
}

static void test_minimal(void **state)
{
	struct qf_strv none = QF_STRV_INIT;
	struct qf_event_spec sp;
	struct qf_node *r;
	char *text;

	(void)state;
	qf_event_spec_init(&sp);
	sp.id = "E-HY-202305-0001";
	sp.date = (struct qf_date){ 2023, 5, 4 };
	sp.kind = "jobs";
	sp.title = "招聘会";
	sp.place = "";          /* "" leaves it out, as NULL does */
	sp.firms = &none;       /* and so does an empty list */
	r = qf_event_new(&sp);
	assert_non_null(r);
	text = emit(r);
	assert_string_equal(text, "---\nid: E-HY-202305-0001\ndate: 2023-05-04\n"
			    "kind: jobs\ntitle: 招聘会\n");
	free(text);
	qf_node_free(r);
}

static void test_outcome_names(void **state)
{
	(void)state;
	assert_string_equal(qf_outcome_name(QF_OUT_FINANCING_SIGNED), "financing_signed");
	assert_string_equal(qf_outcome_name(QF_OUT_BOOKLETS), "booklets");
	assert_string_equal(qf_outcome_name(QF_NOUTCOMES), "");
}

static void test_outcome_bad(void **state)
{
	struct qf_node *r = qf_node_new_map(), *o = qf_node_new_map();
	long long v;

	(void)state;
	assert_int_equal(qf_node_map_set_str(o, "hires", "many"), 0);
	assert_int_equal(qf_node_map_set(o, "positions",
		qf_node_new_scalar_len("-3", 2, QF_STYPE_INT)), 0);
	assert_int_equal(qf_node_map_set(r, "outcomes", o), 0);
	/* What check refuses counts for nothing. */
	assert_int_equal(qf_event_outcome(r, QF_OUT_HIRES, &v), 0);
	assert_int_equal(qf_event_outcome(r, QF_OUT_POSITIONS, &v), 0);
	assert_int_equal(qf_event_outcome(r, QF_OUT_BOOKLETS, &v), 0);
	qf_node_free(r);
}

static void test_filter(void **state)
{
	struct qf_strv firms = QF_STRV_INIT;
	struct qf_event_filter f;
	struct qf_event_spec sp;
	struct qf_node *r;

	(void)state;
	assert_int_equal(qf_strv_push(&firms, "F-HY-0002"), 0);
	qf_event_spec_init(&sp);
	sp.id = "E-HY-202305-0001";
	sp.date = (struct qf_date){ 2023, 5, 31 };
	sp.kind = "briefing";
	sp.title = "宣讲会";
	sp.firms = &firms;
	r = qf_event_new(&sp);
	assert_non_null(r);
	memset(&f, 0, sizeof f);
	assert_true(qf_event_filter_match(&f, r));
	f.from = (struct qf_date){ 2023, 5, 1 };
	f.to = (struct qf_date){ 2023, 5, 31 };   /* the last day is in */
	f.has_from = f.has_to = 1;
	assert_true(qf_event_filter_match(&f, r));
	f.to = (struct qf_date){ 2023, 5, 30 };
	assert_false(qf_event_filter_match(&f, r));
	f.has_to = 0;
	f.kind = "jobs";
	assert_false(qf_event_filter_match(&f, r));
	f.kind = "briefing";
	f.firm = "F-HY-0002";
	assert_true(qf_event_filter_match(&f, r));
	f.firm = "F-HY-0001";
	assert_false(qf_event_filter_match(&f, r));
	/* No date: never taken by a range of days. */
	qf_node_map_del(r, "date");
	f.firm = NULL;
	assert_false(qf_event_filter_match(&f, r));
	f.has_from = 0;
	assert_true(qf_event_filter_match(&f, r));
	qf_node_free(r);
	qf_strv_release(&firms);
}

static void test_amounts(void **state)
{
	static const struct { const char *s; unsigned long long scale; long long want; } ok[] = {
		{ "5000000", 1, 5000000 },
		{ "1,200", 1, 1200 },
		{ "3000元", 1, 3000 },
		{ "2000万元", 1, 20000000 },          /* 2000余万元 */
		{ "2000万", 1, 20000000 },
		{ "100亿元", 1, 10000000000LL },      /* 意向融资100亿元 */
		{ "4.4亿元", 1, 440000000 },          /* 申报资金约4.4亿元 */
		{ "4.4亿", 1, 440000000 },
		{ "12.5", 10000, 125000 },            /* a column of 万元 */
		{ "12.5元", 10000, 125000 },          /* as the import took it */
		{ "0", 1, 0 },
	};
	static const struct { const char *s; unsigned long long scale; } bad[] = {
		{ "", 1 }, { "元", 1 }, { "1.5", 1 }, { "1.5元", 1 },
		{ "0.00001万元", 1 }, { "5万元", 10000 }, { "5亿元", 10000 },
		{ "10万美元", 1 }, { "-5", 1 }, { "1e6", 1 }, { "12 万元", 1 },
		{ "1000001亿元", 1 },                 /* over 10^14 yuan */
	};
	long long v;

	(void)state;
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		v = -1;
		if (qf_amount_parse(ok[i].s, ok[i].scale, &v) != 0 || v != ok[i].want)
			fail_msg("'%s' x%llu: got %lld, want %lld", ok[i].s,
				 ok[i].scale, v, ok[i].want);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (qf_amount_parse(bad[i].s, bad[i].scale, &v) != -1)
			fail_msg("'%s' x%llu taken as %lld", bad[i].s, bad[i].scale, v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full),
		cmocka_unit_test(test_minimal),
		cmocka_unit_test(test_outcome_names),
		cmocka_unit_test(test_outcome_bad),
		cmocka_unit_test(test_filter),
		cmocka_unit_test(test_amounts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
