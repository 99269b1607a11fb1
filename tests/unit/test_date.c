/* test_date.c - lib/date.c: calendar dates. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "qf/date.h"

/* ---- helpers ------------------------------------------------------- */

static struct qf_date D(int y, int m, int d)
{
	struct qf_date r = { y, m, d };

	return r;
}

static const char *fmt(const struct qf_date *d, char *buf)
{
	return qf_date_format(d, buf, 11);
}

static void assert_date(const struct qf_date *d, const char *want)
{
	char buf[32];

	assert_string_equal(qf_date_format(d, buf, sizeof buf), want);
}

/* qf_date_parse(s) fails and leaves d alone. */
static void assert_bad_date(const char *s)
{
	struct qf_date d = { 1111, 11, 11 };

	if (qf_date_parse(s, &d) != -1)
		fail_msg("qf_date_parse(\"%s\") accepted", s ? s : "(null)");
	if (d.y != 1111 || d.m != 11 || d.d != 11)
		fail_msg("qf_date_parse(\"%s\") changed d on failure",
			 s ? s : "(null)");
}

static void assert_good_date(const char *s)
{
	struct qf_date d;
	char buf[32];

	if (qf_date_parse(s, &d) != 0)
		fail_msg("qf_date_parse(\"%s\") refused", s);
	assert_string_equal(qf_date_format(&d, buf, sizeof buf), s);
}

/* ---- parse --------------------------------------------------------- */

static void test_parse_good(void **state)
{
	struct qf_date d;

	(void)state;
	assert_int_equal(qf_date_parse("2023-05-01", &d), 0);
	assert_int_equal(d.y, 2023);
	assert_int_equal(d.m, 5);
	assert_int_equal(d.d, 1);
	assert_good_date("1900-01-01");
	assert_good_date("9999-12-31");
	assert_good_date("2023-01-31");
	assert_good_date("2023-04-30");
	assert_good_date("2023-12-31");
	assert_good_date("1970-01-01");
}

static void test_parse_leap(void **state)
{
	(void)state;
	assert_good_date("2024-02-29");
	assert_good_date("2000-02-29");  /* divisible by 400 */
	assert_good_date("2400-02-29");
	assert_good_date("2023-02-28");
	assert_bad_date("2023-02-29");
	assert_bad_date("1900-02-29");   /* divisible by 100 */
	assert_bad_date("2100-02-29");
	assert_bad_date("2024-02-30");
	assert_bad_date("2000-02-30");
}

static void test_parse_bad_fields(void **state)
{
	(void)state;
	assert_bad_date("2023-00-01");
	assert_bad_date("2023-13-01");
	assert_bad_date("2023-05-00");
	assert_bad_date("2023-05-32");
	assert_bad_date("2023-04-31");
	assert_bad_date("2023-06-31");
	assert_bad_date("2023-09-31");
	assert_bad_date("2023-11-31");
	assert_bad_date("1899-12-31");
	assert_bad_date("0000-01-01");
	assert_bad_date("0999-01-01");
}

static void test_parse_bad_shape(void **state)
{
	(void)state;
	assert_bad_date(NULL);
	assert_bad_date("");
	assert_bad_date("2023-5-01");
	assert_bad_date("2023-05-1");
	assert_bad_date("23-05-01");
	assert_bad_date("20230501");
	assert_bad_date("2023-05");
	assert_bad_date("2023-05-011");
	assert_bad_date("12023-05-01");
	assert_bad_date("2023/05/01");
	assert_bad_date("2023.05.01");
	assert_bad_date("2023-05_01");
	assert_bad_date("2023--5-01");
	/* Signs and spaces anywhere. */
	assert_bad_date("+2023-05-01");
	assert_bad_date("-2023-05-01");
	assert_bad_date("2023-+5-01");
	assert_bad_date("2023-05-+1");
	assert_bad_date("2023-05--1");
	assert_bad_date("2023- 5-01");
	assert_bad_date("2023-05- 1");
	assert_bad_date(" 2023-05-01");
	assert_bad_date("2023-05-01 ");
	assert_bad_date("2023-05-01\n");
	assert_bad_date(" 023-05-01");
	/* Not ASCII digits, time parts. */
	assert_bad_date("２023-05-01");
	assert_bad_date("2023-0a-01");
	assert_bad_date("2023-05-01T00:00");
	assert_bad_date("2023-05-01Z");
}

/* ---- month --------------------------------------------------------- */

static void test_month_parse(void **state)
{
	int y = 7, m = 7;

	(void)state;
	assert_int_equal(qf_month_parse("2023-05", &y, &m), 0);
	assert_int_equal(y, 2023);
	assert_int_equal(m, 5);
	assert_int_equal(qf_month_parse("1900-01", &y, &m), 0);
	assert_int_equal(y, 1900);
	assert_int_equal(m, 1);
	assert_int_equal(qf_month_parse("9999-12", &y, &m), 0);
	assert_int_equal(y, 9999);
	assert_int_equal(m, 12);
}

static void test_month_parse_bad(void **state)
{
	static const char *const bad[] = {
		"", "2023", "2023-5", "2023-005", "2023-00", "2023-13",
		"1899-12", "2023/05", "202305", "2023-05-01", " 2023-05",
		"2023-05 ", "+202-05", "2023-+5", "2023- 5", "2023-5a",
		"abcd-ef",
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int y = 7, m = 7;
		if (qf_month_parse(bad[i], &y, &m) != -1)
			fail_msg("qf_month_parse(\"%s\") accepted", bad[i]);
		assert_int_equal(y, 7);
		assert_int_equal(m, 7);
	}
	{
		int y = 7, m = 7;
		assert_int_equal(qf_month_parse(NULL, &y, &m), -1);
	}
}

/* ---- days ---------------------------------------------------------- */

static void test_days_in_month(void **state)
{
	static const int want[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
				    30, 31 };

	(void)state;
	for (int m = 1; m <= 12; m++)
		assert_int_equal(qf_days_in_month(2023, m), want[m - 1]);
	assert_int_equal(qf_days_in_month(2024, 2), 29);
	assert_int_equal(qf_days_in_month(2000, 2), 29);
	assert_int_equal(qf_days_in_month(1900, 2), 28);
	assert_int_equal(qf_days_in_month(2100, 2), 28);
	assert_int_equal(qf_days_in_month(2023, 0), 0);
	assert_int_equal(qf_days_in_month(2023, 13), 0);
	assert_int_equal(qf_days_in_month(2023, -1), 0);
}

static void test_days_known(void **state)
{
	struct qf_date d;

	(void)state;
	d = D(1970, 1, 1);
	assert_int_equal(qf_date_days(&d), 0);
	d = D(1970, 1, 2);
	assert_int_equal(qf_date_days(&d), 1);
	d = D(1969, 12, 31);
	assert_int_equal(qf_date_days(&d), -1);
	d = D(1900, 1, 1);
	assert_int_equal(qf_date_days(&d), -25567);
	d = D(2000, 3, 1);
	assert_int_equal(qf_date_days(&d), 11017);
	d = D(2023, 5, 1);
	assert_int_equal(qf_date_days(&d), 19478);
	d = D(9999, 12, 31);
	assert_int_equal(qf_date_days(&d), 2932896);

	qf_date_from_days(-25567, &d);
	assert_date(&d, "1900-01-01");
	qf_date_from_days(-1, &d);
	assert_date(&d, "1969-12-31");
	qf_date_from_days(2932896, &d);
	assert_date(&d, "9999-12-31");
}

/* Walk every day from 1970-01-01 to 2100-12-31 by hand, checking
 * qf_date_days counts them and qf_date_from_days gives them back. */
static void test_days_round_trip(void **state)
{
	struct qf_date d = { 1970, 1, 1 };
	long n = 0;

	(void)state;
	while (d.y <= 2100) {
		struct qf_date back = { 0, 0, 0 };
		struct qf_date next;

		if (qf_date_days(&d) != n)
			fail_msg("days(%04d-%02d-%02d) = %ld, want %ld", d.y,
				 d.m, d.d, qf_date_days(&d), n);
		qf_date_from_days(n, &back);
		if (back.y != d.y || back.m != d.m || back.d != d.d)
			fail_msg("from_days(%ld) = %04d-%02d-%02d, want "
				 "%04d-%02d-%02d", n, back.y, back.m, back.d,
				 d.y, d.m, d.d);
		next = d;
		qf_date_add_days(&next, 1);
		d.d++;
		if (d.d > qf_days_in_month(d.y, d.m)) {
			d.d = 1;
			if (++d.m > 12) {
				d.m = 1;
				d.y++;
			}
		}
		assert_int_equal(next.y, d.y);
		assert_int_equal(next.m, d.m);
		assert_int_equal(next.d, d.d);
		n++;
	}
	/* 1970..2100: 131 years, 32 of them leap (1972..2096). */
	assert_int_equal(n, 131L * 365 + 32);
}

/* ---- diff, cmp, add ------------------------------------------------ */

static void test_diff_cmp(void **state)
{
	struct qf_date a = D(2023, 5, 1), b = D(2023, 4, 1);

	(void)state;
	assert_int_equal(qf_date_diff(&a, &b), 30);
	assert_int_equal(qf_date_diff(&b, &a), -30);
	assert_int_equal(qf_date_diff(&a, &a), 0);
	assert_int_equal(qf_date_cmp(&a, &b), 1);
	assert_int_equal(qf_date_cmp(&b, &a), -1);
	assert_int_equal(qf_date_cmp(&a, &a), 0);
	a = D(2024, 3, 1);
	b = D(2024, 2, 28);
	assert_int_equal(qf_date_diff(&a, &b), 2);
	a = D(2023, 3, 1);
	b = D(2023, 2, 28);
	assert_int_equal(qf_date_diff(&a, &b), 1);
	a = D(2025, 1, 1);
	b = D(2024, 1, 1);
	assert_int_equal(qf_date_diff(&a, &b), 366);
	a = D(2024, 1, 1);
	b = D(2023, 1, 1);
	assert_int_equal(qf_date_diff(&a, &b), 365);
	a = D(1969, 12, 31);
	b = D(1970, 1, 1);
	assert_int_equal(qf_date_diff(&a, &b), -1);
	assert_int_equal(qf_date_cmp(&a, &b), -1);
	a = D(2000, 1, 1);
	b = D(1900, 1, 1);
	assert_int_equal(qf_date_diff(&a, &b), 36524);
}

static void test_add_days(void **state)
{
	static const struct {
		struct qf_date from;
		long days;
		const char *want;
	} cases[] = {
		{ { 2023, 1, 31 }, 1, "2023-02-01" },
		{ { 2023, 2, 28 }, 1, "2023-03-01" },
		{ { 2024, 2, 28 }, 1, "2024-02-29" },
		{ { 2024, 2, 29 }, 1, "2024-03-01" },
		{ { 2024, 3, 1 }, -1, "2024-02-29" },
		{ { 2023, 3, 1 }, -1, "2023-02-28" },
		{ { 2023, 12, 31 }, 1, "2024-01-01" },
		{ { 2024, 1, 1 }, -1, "2023-12-31" },
		{ { 2023, 5, 1 }, 0, "2023-05-01" },
		{ { 2023, 5, 1 }, 30, "2023-05-31" },
		{ { 2023, 5, 1 }, 31, "2023-06-01" },
		{ { 2023, 1, 1 }, 365, "2024-01-01" },
		{ { 2024, 1, 1 }, 365, "2024-12-31" },
		{ { 2024, 1, 1 }, 366, "2025-01-01" },
		{ { 1999, 12, 31 }, 1, "2000-01-01" },
		{ { 2000, 2, 28 }, 1, "2000-02-29" },
		{ { 1900, 2, 28 }, 1, "1900-03-01" },
		{ { 1970, 1, 1 }, -1, "1969-12-31" },
		{ { 2023, 5, 15 }, 15, "2023-05-30" },   /* typical deadline */
		{ { 2023, 12, 20 }, 15, "2024-01-04" },
		{ { 2023, 5, 1 }, -365, "2022-05-01" },
		{ { 2023, 5, 1 }, 36524, "2123-05-01" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct qf_date d = cases[i].from;
		char buf[16];
		qf_date_add_days(&d, cases[i].days);
		if (strcmp(fmt(&d, buf), cases[i].want) != 0)
			fail_msg("%04d-%02d-%02d %+ld = %s, want %s",
				 cases[i].from.y, cases[i].from.m,
				 cases[i].from.d, cases[i].days, buf,
				 cases[i].want);
	}
}

/* ---- format -------------------------------------------------------- */

static void test_format(void **state)
{
	struct qf_date d = D(1900, 1, 2);
	char buf[11];
	char small[5];

	(void)state;
	assert_ptr_equal(qf_date_format(&d, buf, sizeof buf), buf);
	assert_string_equal(buf, "1900-01-02");
	/* Too small a buffer: truncated, still a string. */
	assert_ptr_equal(qf_date_format(&d, small, sizeof small), small);
	assert_string_equal(small, "1900");
}

/* ---- today --------------------------------------------------------- */

static void test_today_override(void **state)
{
	struct qf_date d = { 1111, 11, 11 };

	(void)state;
	assert_int_equal(qf_date_today("2024-02-29", &d), 0);
	assert_date(&d, "2024-02-29");
	assert_int_equal(qf_date_today("2023-02-29", &d), -1);
	assert_date(&d, "2024-02-29");
	assert_int_equal(qf_date_today("", &d), -1);
	assert_int_equal(qf_date_today("today", &d), -1);
	assert_int_equal(qf_date_today("2023-05-01 ", &d), -1);
	assert_date(&d, "2024-02-29");
}

static void test_today_clock(void **state)
{
	struct qf_date d, before, after;
	struct tm tm;
	time_t t;

	(void)state;
	t = time(NULL);
	assert_non_null(localtime_r(&t, &tm));
	before = D(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	assert_int_equal(qf_date_today(NULL, &d), 0);
	t = time(NULL);
	assert_non_null(localtime_r(&t, &tm));
	after = D(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	/* Midnight may pass between the calls. */
	assert_true(qf_date_cmp(&d, &before) >= 0);
	assert_true(qf_date_cmp(&d, &after) <= 0);
	assert_in_range(d.m, 1, 12);
	assert_in_range(d.d, 1, qf_days_in_month(d.y, d.m));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_good),
		cmocka_unit_test(test_parse_leap),
		cmocka_unit_test(test_parse_bad_fields),
		cmocka_unit_test(test_parse_bad_shape),
		cmocka_unit_test(test_month_parse),
		cmocka_unit_test(test_month_parse_bad),
		cmocka_unit_test(test_days_in_month),
		cmocka_unit_test(test_days_known),
		cmocka_unit_test(test_days_round_trip),
		cmocka_unit_test(test_diff_cmp),
		cmocka_unit_test(test_add_days),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_today_override),
		cmocka_unit_test(test_today_clock),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
