/* test_buf.c - lib/buf.c: the growing byte buffer. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

#include <string.h>

#include "qf/buf.h"

static void test_put(void **state)
{
	struct qf_buf b = QF_BUF_INIT;
	(void)state;

	assert_int_equal(qf_buf_puts(&b, "企服"), 0);
	assert_int_equal(qf_buf_putc(&b, '|'), 0);
	assert_int_equal(qf_buf_put(&b, "a\0b", 3), 0);
	assert_int_equal(qf_buf_spaces(&b, 2), 0);
	assert_int_equal(b.len, strlen("企服") + 1 + 3 + 2);
	assert_memory_equal(b.s, "企服|a\0b  ", b.len + 1);
	assert_false(b.oom);
	qf_buf_clear(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.s, "");
	qf_buf_release(&b);
	assert_null(b.s);
	qf_buf_release(&b);
}

/* Growth far past the first block keeps every byte, NUL-terminated. */
static void test_grow(void **state)
{
	struct qf_buf b = QF_BUF_INIT;
	(void)state;

	for (int i = 0; i < 100000; i++)
		assert_int_equal(qf_buf_putc(&b, (char)('a' + i % 26)), 0);
	assert_int_equal(b.len, 100000);
	assert_true(b.cap > b.len);
	assert_int_equal(b.s[b.len], '\0');
	for (int i = 0; i < 100000; i++)
		assert_int_equal(b.s[i], 'a' + i % 26);
	assert_int_equal(qf_buf_put(&b, "", 0), 0);
	assert_int_equal(b.len, 100000);
	qf_buf_release(&b);
}

/* A request no allocation can meet marks the buffer and keeps what it
 * held; later calls are refused until it is released. */
static void test_oom(void **state)
{
	struct qf_buf b = QF_BUF_INIT;
	(void)state;

	assert_int_equal(qf_buf_puts(&b, "kept"), 0);
	assert_int_equal(qf_buf_reserve(&b, (size_t)-1 / 2), -1);
	assert_true(b.oom);
	assert_string_equal(b.s, "kept");
	assert_int_equal(qf_buf_puts(&b, "x"), -1);
	assert_string_equal(b.s, "kept");
	qf_buf_release(&b);
	assert_false(b.oom);
	assert_int_equal(qf_buf_puts(&b, "x"), 0);
	qf_buf_release(&b);
}

static void test_printf(void **state)
{
	struct qf_buf b = QF_BUF_INIT;
	char big[1000];

	(void)state;
	assert_int_equal(qf_buf_printf(&b, "%s=%d", "年", 7), 0);
	assert_string_equal(b.s, "年=7");
	assert_int_equal(b.len, strlen("年=7"));
	/* Past the first allocation, in one call. */
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(qf_buf_printf(&b, "[%s]", big), 0);
	assert_int_equal(b.len, strlen("年=7") + sizeof big + 1);
	assert_int_equal(b.s[b.len - 1], ']');
	assert_int_equal(b.s[b.len], '\0');
	qf_buf_release(&b);
}

static void test_strv(void **state)
{
	struct qf_strv l = QF_STRV_INIT;
	char word[8];

	(void)state;
	for (int i = 40; i > 0; i--) {
		snprintf(word, sizeof word, "w%02d", i);
		assert_int_equal(qf_strv_push(&l, word), 0);
	}
	/* A copy: the caller's buffer is reused. */
	assert_string_equal(l.v[0], "w40");
	assert_int_equal(qf_strv_take(&l, strdup("a")), 0);
	assert_int_equal(qf_strv_take(&l, NULL), -1);
	assert_int_equal(l.n, 41);
	qf_strv_sort(&l);
	assert_string_equal(l.v[0], "a");
	assert_string_equal(l.v[1], "w01");
	assert_string_equal(l.v[40], "w40");
	qf_strv_release(&l);
	assert_null(l.v);
	assert_int_equal(l.n, 0);
	assert_int_equal(qf_strv_push(&l, "again"), 0);
	qf_strv_release(&l);
}

static void test_strset(void **state)
{
	struct qf_strset set = QF_STRSET_INIT;
	char word[16];

	(void)state;
	assert_false(qf_strset_has(&set, "F-HY-0001"));
	/* Many, so that the table grows several times; each once. */
	for (int round = 0; round < 2; round++)
		for (int i = 0; i < 5000; i++) {
			snprintf(word, sizeof word, "F-HY-%04d", i);
			assert_int_equal(qf_strset_add(&set, word),
					 round == 0 ? 1 : 0);
		}
	assert_int_equal(set.n, 5000);
	for (int i = 0; i < 5000; i++) {
		snprintf(word, sizeof word, "F-HY-%04d", i);
		assert_true(qf_strset_has(&set, word));
	}
	assert_false(qf_strset_has(&set, "F-HY-5000"));
	assert_false(qf_strset_has(&set, ""));
	assert_false(qf_strset_has(&set, NULL));
	assert_int_equal(qf_strset_add(&set, "王主任"), 1);
	assert_true(qf_strset_has(&set, "王主任"));
	qf_strset_release(&set);
	assert_int_equal(set.n, 0);
	assert_false(qf_strset_has(&set, "王主任"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put),
		cmocka_unit_test(test_grow),
		cmocka_unit_test(test_oom),
		cmocka_unit_test(test_printf),
		cmocka_unit_test(test_strv),
		cmocka_unit_test(test_strset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
