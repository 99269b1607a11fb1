/* test_error.c - lib/error.c: errors and diagnostic lists. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qf/error.h"

/* ---- helpers ------------------------------------------------------- */

static const char *fmt(const struct qf_error *e)
{
	static char buf[4096];

	return qf_error_format(e, buf, sizeof buf);
}

/* A string of n copies of c (static, n < 8192). */
static const char *run_of(char c, size_t n)
{
	static char buf[8192];

	assert_true(n < sizeof buf);
	memset(buf, c, n);
	buf[n] = '\0';
	return buf;
}

static int setup_diags(void **state)
{
	struct qf_diags *d = malloc(sizeof *d);

	if (!d)
		return -1;
	qf_diags_init(d);
	*state = d;
	return 0;
}

static int teardown_diags(void **state)
{
	qf_diags_release(*state);
	free(*state);
	return 0;
}

/* "file:line:col:msg|..." of a diagnostic list, "-" for no file. */
static const char *diags_dump(const struct qf_diags *d)
{
	static char buf[4096];
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < d->n; i++) {
		int w = snprintf(buf + used, sizeof buf - used, "%s%s:%u:%u:%s",
				 i ? "|" : "", d->v[i].file ? d->v[i].file : "-",
				 d->v[i].line, d->v[i].col, d->v[i].msg);
		assert_true(w >= 0 && (size_t)w < sizeof buf - used);
		used += (size_t)w;
	}
	return buf;
}

/* ---- qf_error ------------------------------------------------------ */

static void test_set_fields(void **state)
{
	struct qf_error e;

	(void)state;
	assert_int_equal(qf_error_set(&e, QF_EDATA, "demands/2023-05.yaml", 12,
				      3, "bad \"%s\": %d", "kind", 7),
			 QF_EDATA);
	assert_int_equal(e.code, QF_EDATA);
	assert_string_equal(e.file, "demands/2023-05.yaml");
	assert_int_equal(e.line, 12);
	assert_int_equal(e.col, 3);
	assert_string_equal(e.msg, "bad \"kind\": 7");
}

static void test_set_null(void **state)
{
	(void)state;
	assert_int_equal(qf_error_set(NULL, QF_EIO, "f", 1, 1, "x"), QF_EIO);
	assert_int_equal(qf_error_sys(NULL, QF_EOS, NULL, ENOENT, "x"),
			 QF_EOS);
}

static void test_clear(void **state)
{
	struct qf_error e;

	(void)state;
	qf_error_set(&e, QF_EDATA, "f.yaml", 1, 2, "oops");
	qf_error_clear(&e);
	assert_int_equal(e.code, QF_OK);
	assert_string_equal(e.file, "");
	assert_int_equal(e.line, 0);
	assert_int_equal(e.col, 0);
	assert_string_equal(e.msg, "");
	assert_string_equal(fmt(&e), "");
}

static void test_format(void **state)
{
	struct qf_error e;

	(void)state;
	qf_error_set(&e, QF_EDATA, "f.yaml", 3, 5, "bad value");
	assert_string_equal(fmt(&e), "f.yaml:3:5: bad value");
	qf_error_set(&e, QF_EDATA, "f.yaml", 0, 0, "bad file");
	assert_string_equal(fmt(&e), "f.yaml: bad file");
	qf_error_set(&e, QF_EDATA, NULL, 0, 0, "no store");
	assert_string_equal(fmt(&e), "no store");
	assert_string_equal(e.file, "");
	qf_error_set(&e, QF_EDATA, "", 0, 0, "empty name");
	assert_string_equal(fmt(&e), "empty name");
	qf_error_set(&e, QF_EDATA, "目录/文件.yaml", 1, 1, "中文 %s", "消息");
	assert_string_equal(fmt(&e), "目录/文件.yaml:1:1: 中文 消息");
}

static void test_format_unknown_col(void **state)
{
	/* A known line and an unknown column (0): the column is left out,
	 * not printed as ":0". */
	struct qf_error e;

	(void)state;
	qf_error_set(&e, QF_EDATA, "f.yaml", 3, 0, "bad value");
	assert_string_equal(fmt(&e), "f.yaml:3: bad value");
}

static void test_format_unknown_file(void **state)
{
	/* No file but a known place: the place is not left out. */
	struct qf_error e;

	(void)state;
	qf_error_set(&e, QF_EDATA, NULL, 3, 5, "bad value");
	assert_string_equal(fmt(&e), "3:5: bad value");
}

static void test_format_small_buffer(void **state)
{
	struct qf_error e;
	char buf[8];

	(void)state;
	qf_error_set(&e, QF_EDATA, "f.yaml", 3, 5, "bad value");
	assert_ptr_equal(qf_error_format(&e, buf, sizeof buf), buf);
	assert_string_equal(buf, "f.yaml:");
	assert_ptr_equal(qf_error_format(&e, buf, 1), buf);
	assert_string_equal(buf, "");
}

static void test_set_truncates(void **state)
{
	struct qf_error e;
	char big[5000];

	(void)state;
	memset(big, 'm', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	memset(&e, 'Z', sizeof e);
	qf_error_set(&e, QF_EDATA, run_of('f', 3000), 1, 1, "%s", big);
	assert_int_equal(strlen(e.msg), QF_ERR_MSG_MAX - 1);
	assert_memory_equal(e.msg, big, QF_ERR_MSG_MAX - 1);
	assert_int_equal(strlen(e.file), QF_ERR_FILE_MAX - 1);
	assert_memory_equal(e.file, run_of('f', QF_ERR_FILE_MAX - 1),
			    QF_ERR_FILE_MAX - 1);
	/* The formatted error is still a string. */
	assert_true(strlen(fmt(&e)) < 4096);

	/* Exactly the largest message that fits. */
	qf_error_set(&e, QF_EDATA, NULL, 0, 0, "%s",
		     run_of('x', QF_ERR_MSG_MAX - 1));
	assert_int_equal(strlen(e.msg), QF_ERR_MSG_MAX - 1);
	qf_error_set(&e, QF_EDATA, run_of('f', QF_ERR_FILE_MAX - 1), 0, 0,
		     "m");
	assert_int_equal(strlen(e.file), QF_ERR_FILE_MAX - 1);
}

static void test_sys(void **state)
{
	struct qf_error e;
	char want[256];

	(void)state;
	snprintf(want, sizeof want, "cannot open \"x.yaml\": %s",
		 strerror(ENOENT));
	qf_error_set(&e, QF_EDATA, "old", 9, 9, "old");
	assert_int_equal(qf_error_sys(&e, QF_ENOINPUT, NULL, ENOENT,
				      "cannot open \"%s\"", "x.yaml"),
			 QF_ENOINPUT);
	assert_int_equal(e.code, QF_ENOINPUT);
	assert_string_equal(e.msg, want);
	assert_string_equal(e.file, "");
	assert_int_equal(e.line, 0);
	assert_int_equal(e.col, 0);
	assert_string_equal(fmt(&e), want);

	qf_error_sys(&e, QF_EIO, "store/firms/HY.yaml", EACCES, "cannot write");
	snprintf(want, sizeof want, "store/firms/HY.yaml: cannot write: %s",
		 strerror(EACCES));
	assert_string_equal(fmt(&e), want);
}

static void test_sys_truncates(void **state)
{
	struct qf_error e;
	const char *tail = strerror(ENOSPC);
	size_t room;

	(void)state;
	/* A full message: nothing more fits, still a string. */
	qf_error_sys(&e, QF_EIO, NULL, ENOSPC, "%s", run_of('m', 3000));
	assert_int_equal(strlen(e.msg), QF_ERR_MSG_MAX - 1);
	assert_memory_equal(e.msg, run_of('m', QF_ERR_MSG_MAX - 1),
			    QF_ERR_MSG_MAX - 1);

	/* A nearly full one: the strerror part is cut, not overflowed. */
	room = 4;
	qf_error_sys(&e, QF_EIO, NULL, ENOSPC, "%s",
		     run_of('m', QF_ERR_MSG_MAX - 1 - room));
	assert_int_equal(strlen(e.msg), QF_ERR_MSG_MAX - 1);
	assert_memory_equal(e.msg + QF_ERR_MSG_MAX - 1 - room, ": ", 2);
	assert_memory_equal(e.msg + QF_ERR_MSG_MAX - 1 - room + 2, tail, 2);
}

/* ---- qf_diags ------------------------------------------------------ */

static void test_diags_add(void **state)
{
	struct qf_diags *d = *state;

	assert_int_equal(d->n, 0);
	assert_int_equal(qf_diags_add(d, "a.yaml", 3, 4, "bad %s: %d", "x",
				      1), 0);
	assert_int_equal(qf_diags_add(d, NULL, 0, 0, "no place"), 0);
	assert_int_equal(qf_diags_add(d, "", 1, 0, "%s", ""), 0);
	assert_int_equal(d->n, 3);
	assert_string_equal(d->v[0].file, "a.yaml");
	assert_int_equal(d->v[0].line, 3);
	assert_int_equal(d->v[0].col, 4);
	assert_string_equal(d->v[0].msg, "bad x: 1");
	assert_null(d->v[1].file);
	assert_string_equal(d->v[1].msg, "no place");
	assert_string_equal(d->v[2].file, "");
	assert_string_equal(d->v[2].msg, "");
}

static void test_diags_copy_strings(void **state)
{
	struct qf_diags *d = *state;
	char file[16] = "a.yaml", msg[16] = "hello";

	assert_int_equal(qf_diags_add(d, file, 1, 1, "%s", msg), 0);
	memset(file, 'X', sizeof file - 1);
	memset(msg, 'X', sizeof msg - 1);
	assert_string_equal(d->v[0].file, "a.yaml");
	assert_string_equal(d->v[0].msg, "hello");
}

static void test_diags_long_message(void **state)
{
	struct qf_diags *d = *state;

	/* Diagnostics are not cut at QF_ERR_MSG_MAX. */
	assert_int_equal(qf_diags_add(d, "f", 1, 1, "%s", run_of('z', 5000)),
			 0);
	assert_int_equal(strlen(d->v[0].msg), 5000);
}

static void test_diags_many(void **state)
{
	struct qf_diags *d = *state;

	for (unsigned i = 0; i < 1000; i++)
		assert_int_equal(qf_diags_add(d, "f.yaml", i + 1, 1, "p%u", i),
				 0);
	assert_int_equal(d->n, 1000);
	for (unsigned i = 0; i < 1000; i++) {
		char want[16];
		snprintf(want, sizeof want, "p%u", i);
		assert_int_equal(d->v[i].line, i + 1);
		assert_string_equal(d->v[i].msg, want);
	}
}

static void test_diags_add_error(void **state)
{
	struct qf_diags *d = *state;
	struct qf_error e;

	qf_error_set(&e, QF_EDATA, "f.yaml", 7, 2, "bad %s", "kind");
	assert_int_equal(qf_diags_add_error(d, &e), 0);
	qf_error_set(&e, QF_ENOINPUT, NULL, 0, 0, "no store");
	assert_int_equal(qf_diags_add_error(d, &e), 0);
	/* Formatting characters in the message are not interpreted. */
	qf_error_set(&e, QF_EDATA, "g.yaml", 1, 1, "%s", "100%s %n");
	assert_int_equal(qf_diags_add_error(d, &e), 0);
	assert_string_equal(diags_dump(d),
			    "f.yaml:7:2:bad kind|-:0:0:no store|"
			    "g.yaml:1:1:100%s %n");
	/* An error with no file gives a diagnostic with no file. */
	assert_null(d->v[1].file);
}

static void test_diags_sort(void **state)
{
	struct qf_diags *d = *state;

	qf_diags_add(d, "b.yaml", 2, 1, "x");
	qf_diags_add(d, "a.yaml", 5, 1, "y");
	qf_diags_add(d, "a.yaml", 2, 3, "z");
	qf_diags_add(d, "a.yaml", 2, 3, "w");
	qf_diags_add(d, NULL, 0, 0, "n");
	qf_diags_add(d, "a.yaml", 2, 1, "v");
	qf_diags_add(d, "a.yaml", 10, 1, "t");   /* 10 after 5: numbers */
	qf_diags_add(d, "a.yaml", 2, 3, "u");
	qf_diags_sort(d);
	assert_string_equal(diags_dump(d),
			    "-:0:0:n|a.yaml:2:1:v|a.yaml:2:3:z|a.yaml:2:3:w|"
			    "a.yaml:2:3:u|a.yaml:5:1:y|a.yaml:10:1:t|"
			    "b.yaml:2:1:x");
}

static void test_diags_sort_stable(void **state)
{
	struct qf_diags *d = *state;
	static const char *const files[] = { "c", "a", "b" };
	unsigned seed = 12345;

	/* 500 problems at few distinct places, in a scrambled order; the
	 * message holds the order they were added in. */
	for (unsigned i = 0; i < 500; i++) {
		seed = seed * 1103515245u + 12345u;
		assert_int_equal(qf_diags_add(d, files[(seed >> 16) % 3],
					      (seed >> 8) % 4, (seed >> 4) % 3,
					      "%05u", i), 0);
	}
	qf_diags_sort(d);
	assert_int_equal(d->n, 500);
	for (size_t i = 1; i < d->n; i++) {
		const struct qf_diag *a = &d->v[i - 1], *b = &d->v[i];
		int c = strcmp(a->file, b->file);
		if (c == 0 && a->line == b->line && a->col == b->col) {
			if (strcmp(a->msg, b->msg) >= 0)
				fail_msg("not stable at %zu: %s before %s", i,
					 a->msg, b->msg);
		} else if (c > 0 || (c == 0 && (a->line > b->line ||
			   (a->line == b->line && a->col > b->col)))) {
			fail_msg("not sorted at %zu", i);
		}
	}
}

static void test_diags_sort_trivial(void **state)
{
	struct qf_diags *d = *state;

	qf_diags_sort(d);   /* empty */
	assert_int_equal(d->n, 0);
	qf_diags_add(d, "f", 1, 1, "only");
	qf_diags_sort(d);
	assert_string_equal(diags_dump(d), "f:1:1:only");
}

static void test_diags_release_reuse(void **state)
{
	struct qf_diags *d = *state;

	qf_diags_add(d, "f", 1, 1, "one");
	qf_diags_add(d, "f", 2, 1, "two");
	qf_diags_release(d);
	assert_int_equal(d->n, 0);
	assert_null(d->v);
	qf_diags_release(d);   /* twice is harmless */
	qf_diags_init(d);
	assert_int_equal(qf_diags_add(d, "g", 3, 1, "three"), 0);
	assert_string_equal(diags_dump(d), "g:3:1:three");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_set_fields),
		cmocka_unit_test(test_set_null),
		cmocka_unit_test(test_clear),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_format_unknown_col),
		cmocka_unit_test(test_format_unknown_file),
		cmocka_unit_test(test_format_small_buffer),
		cmocka_unit_test(test_set_truncates),
		cmocka_unit_test(test_sys),
		cmocka_unit_test(test_sys_truncates),
		cmocka_unit_test_setup_teardown(test_diags_add,
						setup_diags, teardown_diags),
		cmocka_unit_test_setup_teardown(test_diags_copy_strings,
						setup_diags, teardown_diags),
		cmocka_unit_test_setup_teardown(test_diags_long_message,
						setup_diags, teardown_diags),
		cmocka_unit_test_setup_teardown(test_diags_many,
						setup_diags, teardown_diags),
		cmocka_unit_test_setup_teardown(test_diags_add_error,
						setup_diags, teardown_diags),
		cmocka_unit_test_setup_teardown(test_diags_sort,
						setup_diags, teardown_diags),
		cmocka_unit_test_setup_teardown(test_diags_sort_stable,
						setup_diags, teardown_diags),
		cmocka_unit_test_setup_teardown(test_diags_sort_trivial,
						setup_diags, teardown_diags),
		cmocka_unit_test_setup_teardown(test_diags_release_reuse,
						setup_diags, teardown_diags),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
