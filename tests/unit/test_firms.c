/* test_firms.c - the register of firms in memory (firms.c): loading every
 * firm of a store written into a temporary directory, finding one by ID,
 * naming it. */
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

#include "qf/firms.h"
#include "qf/store.h"

#define SCHEMAS QF_TEST_SOURCE_DIR "/schemas"

static const char settings_yaml[] =
	"site: HY\n"
	"organisation: 衡阳高新区管委会\n"
	"campaign_start: 2023-01-01\n"
	"due_days: 20\n"
	"departments: [经济发展局, 自然资源局]\n";

struct ctx {
	char dir[64];           /* the temporary directory */
	char root[96];          /* the store: <dir>/s */
	struct qf_store *s;
	struct qf_firms f;
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

/* Write text to <root>/rel, making its folder. */
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

static int setup(void **state)
{
	struct ctx *c = calloc(1, sizeof(*c));
	struct qf_error err;

	if (!c)
		return -1;
	snprintf(c->dir, sizeof(c->dir), "/tmp/qf-test-firms-XXXXXX");
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
	put(c, "qf.yaml", settings_yaml);
	if (qf_store_open(&c->s, c->root, SCHEMAS, &err) != QF_OK) {
		fprintf(stderr, "cannot open the test store: %s\n", err.msg);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	struct ctx *c = *state;

	qf_firms_release(&c->f);
	qf_store_free(c->s);
	rm_rf(c->dir);
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
				 qf_node_get_str(f->v[i], "id"));
		assert_true(w >= 0 && (size_t)w < sizeof buf - used);
		used += (size_t)w;
	}
	return buf;
}

static void load_ok(struct ctx *c)
{
	struct qf_error err;
	int rc = qf_firms_load(c->s, &c->f, &err);

	if (rc != QF_OK)
		fail_msg("load: %d %s", rc, err.msg);
	assert_int_equal(err.code, QF_OK);
}

/* Three files, firms out of order in each. */
static void put_register(struct ctx *c)
{
	put(c, "firms/HY.yaml",
	    "---\n"
	    "id: F-HY-0003\n"
	    "name: 丙公司\n"
	    "park: 高新区\n"
	    "---\n"
	    "id: F-HY-0001\n"
	    "name: 甲公司\n"
	    "---\n"
	    "id: F-HY-0010\n"
	    "name: 癸公司\n");
	put(c, "firms/HY-more.yaml",
	    "---\n"
	    "id: F-HY-0002\n"
	    "name: 乙公司\n"
	    "---\n"
	    "id: F-HY-0005\n");
	put(c, "firms/AB.yaml",
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
	/* Whole records, not only the IDs. */
	assert_string_equal(qf_node_get_str(c->f.v[3], "park"), "高新区");
	assert_int_equal(c->f.v[3]->n, 3);
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
	put(c, "firms/HY.yaml", "");
	load_ok(c);
	assert_int_equal(c->f.n, 0);
	assert_null(c->f.v);
}

static void test_load_skips_without_id(void **state)
{
	struct ctx *c = *state;

	put(c, "firms/HY.yaml",
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
	put(c, "firms/HY.yaml", text);
	free(text);
	load_ok(c);
	assert_int_equal(c->f.n, 300);
	for (int i = 1; i <= 300; i++) {
		char name[32];
		const struct qf_node *r;

		snprintf(id, sizeof id, "F-HY-%04d", i);
		snprintf(name, sizeof name, "企业%d", i);
		assert_string_equal(qf_node_get_str(c->f.v[i - 1], "id"), id);
		r = qf_firms_get(&c->f, id);
		assert_ptr_equal(r, c->f.v[i - 1]);
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

	put(c, "firms/AB.yaml", "---\nid: F-AB-0001\nname: a\n");
	put(c, "firms/HY.yaml", "---\nid: F-HY-0001\nname: [unclosed\n");
	assert_int_equal(qf_firms_load(c->s, &c->f, &err), QF_EDATA);
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
	put(c, "firms/HY-more.yaml", "---\nid: F-HY-0007\nname: 庚公司\n");
	load_ok(c);
	assert_string_equal(ids(&c->f), "F-AB-0001,F-HY-0001,F-HY-0003,"
			    "F-HY-0007,F-HY-0010");
}

/* ---- get, index, name ---------------------------------------------- */

static void test_get(void **state)
{
	struct ctx *c = *state;
	const struct qf_node *r;

	put_register(c);
	load_ok(c);
	r = qf_firms_get(&c->f, "F-HY-0002");
	assert_non_null(r);
	assert_string_equal(qf_node_get_str(r, "name"), "乙公司");
	r = qf_firms_get(&c->f, "F-AB-0001");
	assert_non_null(r);
	assert_ptr_equal(r, c->f.v[0]);
	r = qf_firms_get(&c->f, "F-HY-0010");
	assert_ptr_equal(r, c->f.v[5]);
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
		assert_int_equal(qf_firms_index(&c->f, qf_node_get_str(
				 c->f.v[i], "id")), (long)i);
}

static void test_name(void **state)
{
	struct ctx *c = *state;

	put_register(c);
	put(c, "firms/HY-null.yaml", "---\nid: F-HY-0006\nname: ~\n");
	put(c, "firms/HY-seq.yaml", "---\nid: F-HY-0008\nname: [a, b]\n");
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
	const struct qf_node *r;

	put(c, "firms/HY.yaml",
	    "---\nid: F-HY-0002\nname: b1\n"
	    "---\nid: F-HY-0001\nname: a\n"
	    "---\nid: F-HY-0002\nname: b2\n");
	load_ok(c);
	assert_int_equal(c->f.n, 3);
	assert_string_equal(ids(&c->f), "F-HY-0001,F-HY-0002,F-HY-0002");
	/* One of them is found; which one is not promised. */
	r = qf_firms_get(&c->f, "F-HY-0002");
	assert_non_null(r);
	assert_true(!strcmp(qf_node_get_str(r, "name"), "b1") ||
		    !strcmp(qf_node_get_str(r, "name"), "b2"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
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
