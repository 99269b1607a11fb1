/* test_buf.c - lib/buf.c: the growing byte buffer. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put),
		cmocka_unit_test(test_grow),
		cmocka_unit_test(test_oom),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
