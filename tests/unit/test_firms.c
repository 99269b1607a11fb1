/* test_firms.c - the register of firms in memory (firms.c): loading every
 * firm of a store written into a temporary directory, finding one by ID,
 * naming it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qf/firms.h"
#include "qf/store.h"

#include "fixture.h"

static const char settings_yaml[] =
	"site: HY\n"
	"organisation: 衡阳高新区管委会\n"
	"campaign_start: 2023-01-01\n"
	"due_days: 20\n"
	"departments: [经济发展局, 自然资源局]\n";

struct ctx {
	struct fixture fx;      /* the temporary directory and store */
	struct qf_store *s;
	struct qf_firms f;
};

static int setup(void **state)
{
	struct ctx *c = calloc(1, sizeof(*c));

	if (!c || fixture_make(&c->fx, "firms") != 0) {
		free(c);
		return -1;
	}
	*state = c;
	fixture_put(&c->fx, "qf.yaml", settings_yaml);
	return fixture_open(&c->fx, &c->s);
}

static int teardown(void **state)
{
	struct ctx *c = *state;

	qf_firms_release(&c->f);
	qf_store_free(c->s);
	fixture_remove(&c->fx);
	free(c);
	return 0;
}

/* The IDs of the loaded firms in order, comma-separated. */
static const char *ids(const struct qf_firms *f)
{
	static char buf[2048];
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < f->n; i++) {
		int w = snprintf(buf + used, sizeof buf - used, "%s%s",
				 i ? "," : "",
				 f->v[i].id);
		assert_true(w >= 0 && (size_t)w < sizeof buf - used);
		used += (size_t)w;
	}
	return buf;
}

static void load_ok(struct ctx *c)
{
	struct qf_error err;
	int rc = qf_firms_load(c->s, &c->f, QF_FIRMS_NAMES, &err);

	if (rc != QF_OK)
		fail_msg("load: %d %s", rc, err.msg);
	assert_int_equal(err.code, QF_OK);
}

/* Three files, firms out of order in each. */
static void put_register(struct ctx *c)
{
	fixture_put(&c->fx, "firms/HY.yaml",
		    "---\n"
		    "id: F-HY-0003\n"
		    "name: 丙公司\n"
		    "park: 高新区\n"
		    "tags: [规上, '', 专精特新]\n"
		    "leader: 王区长\n"
		    "since: 2023-04-01\n"
		    "---\n"
		    "id: F-HY-0001\n"
		    "name: 甲公司\n"
		    "---\n"
		    "id: F-HY-0010\n"
		    "name: 癸公司\n");
	fixture_put(&c->fx, "firms/HY-more.yaml",
		    "---\n"
		    "id: F-HY-0002\n"
		    "name: 乙公司\n"
		    "---\n"
		    "id: F-HY-0005\n");
	fixture_put(&c->fx, "firms/AB.yaml",
		    "---\n"
		    "id: F-AB-0001\n"
		    "name: AB 公司\n");
}

/* ---- load ---------------------------------------------------------- */

static void test_load_sorted(void **state)
{
	struct ctx *c = *state;

	put_register(c);
	load_ok(c);
	assert_int_equal(c->f.n, 6);
	assert_true(c->f.cap >= c->f.n);
	assert_string_equal(ids(&c->f), "F-AB-0001,F-HY-0001,F-HY-0002,"
			    "F-HY-0003,F-HY-0005,F-HY-0010");
	/* What lists and the bulletin need, not the record. */
	assert_string_equal(c->f.v[3].name, "丙公司");
	assert_string_equal(c->f.v[3].leader, "王区长");
	assert_string_equal(c->f.v[3].park, "高新区");
	assert_null(c->f.v[3].sector);
	assert_string_equal(c->f.v[3].since, "2023-04-01");
	assert_true(qf_firm_has_tag(&c->f.v[3], "规上"));
	assert_true(qf_firm_has_tag(&c->f.v[3], "专精特新"));
	assert_false(qf_firm_has_tag(&c->f.v[3], ""));
	assert_false(qf_firm_has_tag(&c->f.v[3], "规"));
	assert_null(c->f.v[3].rec);
	assert_null(c->f.v[1].leader);
	assert_null(c->f.v[1].tags);
	assert_false(qf_firm_has_tag(&c->f.v[1], "规上"));
	assert_null(c->f.v[4].name);      /* F-HY-0005 has none */
}

/* One firm, found by its lines. */
static void test_load_one(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;

	put_register(c);
	assert_int_equal(qf_firms_load_one(c->s, &c->f, "F-HY-0003", &err),
			 QF_OK);
	assert_int_equal(c->f.n, 1);
	assert_string_equal(c->f.v[0].name, "丙公司");
	assert_string_equal(c->f.v[0].leader, "王区长");
	assert_true(qf_firm_has_tag(&c->f.v[0], "专精特新"));
	assert_string_equal(qf_firms_name(&c->f, "F-HY-0003"), "丙公司");
	assert_string_equal(qf_firms_name(&c->f, "F-HY-0001"), "F-HY-0001");
	qf_firms_release(&c->f);
	assert_int_equal(qf_firms_load_one(c->s, &c->f, "F-HY-0099", &err),
			 QF_ENOINPUT);
	assert_int_equal(c->f.n, 0);
}

/* Asked for, the whole records too. */
static void test_load_records(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;

	put_register(c);
	assert_int_equal(qf_firms_load(c->s, &c->f, QF_FIRMS_RECORDS, &err),
			 QF_OK);
	assert_int_equal(c->f.n, 6);
	assert_non_null(c->f.v[3].rec);
	assert_string_equal(qf_node_get_str(c->f.v[3].rec, "park"), "高新区");
	assert_int_equal(c->f.v[3].rec->n, 6);
	assert_string_equal(c->f.v[3].name, "丙公司");
}

static void test_load_empty_store(void **state)
{
	struct ctx *c = *state;

	/* No firms folder. */
	load_ok(c);
	assert_int_equal(c->f.n, 0);
	assert_null(qf_firms_get(&c->f, "F-HY-0001"));
	assert_string_equal(qf_firms_name(&c->f, "F-HY-0001"), "F-HY-0001");
	qf_firms_release(&c->f);
	/* An empty file. */
	fixture_put(&c->fx, "firms/HY.yaml", "");
	load_ok(c);
	assert_int_equal(c->f.n, 0);
	assert_null(c->f.v);
}

static void test_load_skips_without_id(void **state)
{
	struct ctx *c = *state;

	fixture_put(&c->fx, "firms/HY.yaml",
		    "---\n"
		    "name: 无编号\n"
		    "---\n"
		    "id: ~\n"
		    "name: 空编号\n"
		    "---\n"
		    "---\n"
		    "id: [F-HY-0009]\n"
		    "---\n"
		    "id: F-HY-0004\n"
		    "name: 丁公司\n");
	load_ok(c);
	assert_string_equal(ids(&c->f), "F-HY-0004");
}

static void test_load_many(void **state)
{
	struct ctx *c = *state;
	size_t cap = 400 * 40, used = 0;
	char *text = malloc(cap);
	char id[32];

	assert_non_null(text);
	/* Descending, across more than one growth of the array. */
	for (int i = 300; i >= 1; i--) {
		int w = snprintf(text + used, cap - used,
				 "---\nid: F-HY-%04d\nname: 企业%d\n", i, i);
		assert_true(w > 0 && (size_t)w < cap - used);
		used += (size_t)w;
	}
	fixture_put(&c->fx, "firms/HY.yaml", text);
	free(text);
	load_ok(c);
	assert_int_equal(c->f.n, 300);
	for (int i = 1; i <= 300; i++) {
		char name[32];
		const struct qf_firm *r;

		snprintf(id, sizeof id, "F-HY-%04d", i);
		snprintf(name, sizeof name, "企业%d", i);
		assert_string_equal(c->f.v[i - 1].id, id);
		r = qf_firms_get(&c->f, id);
		assert_ptr_equal(r, &c->f.v[i - 1]);
		assert_string_equal(qf_firms_name(&c->f, id), name);
	}
	assert_null(qf_firms_get(&c->f, "F-HY-0000"));
	assert_null(qf_firms_get(&c->f, "F-HY-0301"));
	assert_null(qf_firms_get(&c->f, "F-HY-01505"));
}

static void test_load_bad_file(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;

	fixture_put(&c->fx, "firms/AB.yaml", "---\nid: F-AB-0001\nname: a\n");
	fixture_put(&c->fx, "firms/HY.yaml",
		    "---\nid: F-HY-0001\nname: [unclosed\n");
	assert_int_equal(qf_firms_load(c->s, &c->f, QF_FIRMS_NAMES, &err),
			 QF_EDATA);
	assert_int_equal(err.code, QF_EDATA);
	assert_non_null(strstr(err.file, "HY.yaml"));
	assert_true(err.line > 0);
	/* Nothing is kept. */
	assert_int_equal(c->f.n, 0);
	assert_null(c->f.v);
	assert_null(qf_firms_get(&c->f, "F-AB-0001"));
}

static void test_load_twice_after_release(void **state)
{
	struct ctx *c = *state;

	put_register(c);
	load_ok(c);
	assert_int_equal(c->f.n, 6);
	qf_firms_release(&c->f);
	assert_int_equal(c->f.n, 0);
	assert_int_equal(c->f.cap, 0);
	assert_null(c->f.v);
	/* Releasing twice is harmless. */
	qf_firms_release(&c->f);
	fixture_put(&c->fx, "firms/HY-more.yaml",
		    "---\nid: F-HY-0007\nname: 庚公司\n");
	load_ok(c);
	assert_string_equal(ids(&c->f), "F-AB-0001,F-HY-0001,F-HY-0003,"
			    "F-HY-0007,F-HY-0010");
}

/* ---- get, index, name ---------------------------------------------- */

static void test_get(void **state)
{
	struct ctx *c = *state;
	const struct qf_firm *r;

	put_register(c);
	load_ok(c);
	r = qf_firms_get(&c->f, "F-HY-0002");
	assert_non_null(r);
	assert_string_equal(r->name, "乙公司");
	r = qf_firms_get(&c->f, "F-AB-0001");
	assert_non_null(r);
	assert_ptr_equal(r, &c->f.v[0]);
	r = qf_firms_get(&c->f, "F-HY-0010");
	assert_ptr_equal(r, &c->f.v[5]);
	/* Exact IDs only. */
	assert_null(qf_firms_get(&c->f, "F-HY-000"));
	assert_null(qf_firms_get(&c->f, "F-HY-00010"));
	assert_null(qf_firms_get(&c->f, "f-hy-0001"));
	assert_null(qf_firms_get(&c->f, "甲公司"));
	assert_null(qf_firms_get(&c->f, ""));
	assert_null(qf_firms_get(&c->f, "F-ZZ-0001"));
	assert_null(qf_firms_get(&c->f, "A"));
	assert_null(qf_firms_get(&c->f, "Z"));
	assert_null(qf_firms_get(&c->f, NULL));
}

static void test_index(void **state)
{
	struct ctx *c = *state;

	put_register(c);
	load_ok(c);
	assert_int_equal(qf_firms_index(&c->f, "F-AB-0001"), 0);
	assert_int_equal(qf_firms_index(&c->f, "F-HY-0003"), 3);
	assert_int_equal(qf_firms_index(&c->f, "F-HY-0010"), 5);
	assert_int_equal(qf_firms_index(&c->f, "F-HY-0004"), -1);
	assert_int_equal(qf_firms_index(&c->f, NULL), -1);
	for (size_t i = 0; i < c->f.n; i++)
		assert_int_equal(qf_firms_index(&c->f, c->f.v[i].id), (long)i);
}

static void test_name(void **state)
{
	struct ctx *c = *state;

	put_register(c);
	fixture_put(&c->fx, "firms/HY-null.yaml",
		    "---\nid: F-HY-0006\nname: ~\n");
	fixture_put(&c->fx, "firms/HY-seq.yaml",
		    "---\nid: F-HY-0008\nname: [a, b]\n");
	load_ok(c);
	assert_string_equal(qf_firms_name(&c->f, "F-HY-0001"), "甲公司");
	assert_string_equal(qf_firms_name(&c->f, "F-AB-0001"), "AB 公司");
	/* Unknown firm, or a firm without a (string) name: its ID. */
	assert_string_equal(qf_firms_name(&c->f, "F-HY-0999"), "F-HY-0999");
	assert_string_equal(qf_firms_name(&c->f, "F-HY-0005"), "F-HY-0005");
	assert_string_equal(qf_firms_name(&c->f, "F-HY-0006"), "F-HY-0006");
	assert_string_equal(qf_firms_name(&c->f, "F-HY-0008"), "F-HY-0008");
	assert_string_equal(qf_firms_name(&c->f, ""), "");
	assert_string_equal(qf_firms_name(&c->f, NULL), "");
}

static void test_name_empty_register(void **state)
{
	struct qf_firms f;

	(void)state;
	memset(&f, 0, sizeof f);
	assert_null(qf_firms_get(&f, "F-HY-0001"));
	assert_int_equal(qf_firms_index(&f, "F-HY-0001"), -1);
	assert_string_equal(qf_firms_name(&f, "F-HY-0001"), "F-HY-0001");
	assert_string_equal(qf_firms_name(&f, NULL), "");
	qf_firms_release(&f);
}

static void test_duplicate_ids(void **state)
{
	struct ctx *c = *state;
	const struct qf_firm *r;

	fixture_put(&c->fx, "firms/HY.yaml",
		    "---\nid: F-HY-0002\nname: b1\n"
		    "---\nid: F-HY-0001\nname: a\n"
		    "---\nid: F-HY-0002\nname: b2\n");
	load_ok(c);
	assert_int_equal(c->f.n, 3);
	assert_string_equal(ids(&c->f), "F-HY-0001,F-HY-0002,F-HY-0002");
	/* One of them is found; which one is not promised. */
	r = qf_firms_get(&c->f, "F-HY-0002");
	assert_non_null(r);
	assert_true(!strcmp(r->name, "b1") || !strcmp(r->name, "b2"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_load_records, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_load_one, setup, teardown),
		cmocka_unit_test_setup_teardown(test_load_sorted, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_load_empty_store, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_load_skips_without_id,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_load_many, setup, teardown),
		cmocka_unit_test_setup_teardown(test_load_bad_file, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_load_twice_after_release,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_get, setup, teardown),
		cmocka_unit_test_setup_teardown(test_index, setup, teardown),
		cmocka_unit_test_setup_teardown(test_name, setup, teardown),
		cmocka_unit_test(test_name_empty_register),
		cmocka_unit_test_setup_teardown(test_duplicate_ids, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
