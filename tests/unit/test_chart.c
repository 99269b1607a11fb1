/* test_chart.c - lib/chart.c: bars and columns as SVG whose figures can
 * be read back, with every label escaped. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "qf/chart.h"

static size_t count(const char *s, const char *what)
{
	size_t n = 0;

	for (const char *p = s; (p = strstr(p, what)); p += strlen(what))
		n++;
	return n;
}

static void test_bars(void **state)
{
	struct qf_buf o = QF_BUF_INIT;
	const char *labels[] = { "市\"科技\"局", "<b>" };
	long values[] = { 4, 0 }, totals[] = { 8, 2 };
	struct qf_chart c = { QF_CHART_BARS, "departments", "cap & co", NULL,
			      2, labels, values, totals, NULL, { NULL, NULL } };

	(void)state;
	assert_int_equal(qf_chart_svg(&o, &c), 0);
	assert_non_null(strstr(o.s, "<figure><svg class=\"chart\" data-chart=\"departments\""));
	assert_non_null(strstr(o.s, "<rect class=\"total\" data-label=\"市&quot;科技&quot;局\" data-value=\"8\""));
	assert_non_null(strstr(o.s, "<rect class=\"value\" data-label=\"市&quot;科技&quot;局\" data-value=\"4\""));
	assert_non_null(strstr(o.s, "data-label=\"&lt;b&gt;\" data-value=\"0\""));
	assert_non_null(strstr(o.s, ">4/8</text>"));
	assert_non_null(strstr(o.s, "</svg><figcaption>cap &amp; co</figcaption></figure>\n"));
	assert_null(strstr(o.s, "<b>"));
	/* The longest bar (total 8) spans the width: 640 - 200 - 60. */
	assert_non_null(strstr(o.s, "data-value=\"8\" x=\"200\" y=\"7\" width=\"380\""));
	assert_non_null(strstr(o.s, "data-value=\"4\" x=\"200\" y=\"7\" width=\"190\""));
	free(o.s);
}

static void test_columns(void **state)
{
	struct qf_buf o = QF_BUF_INIT;
	const char *labels[] = { "9月", "10月" }, *keys[] = { "2023-09", "2023-10" };
	long a[] = { 10, 0 }, b[] = { 5, 0 };
	struct qf_chart c = { QF_CHART_COLUMNS, "trend", "近2个月", "■ x",
			      2, labels, a, b, keys, { "collected", "closed" } };

	(void)state;
	assert_int_equal(qf_chart_svg(&o, &c), 0);
	assert_int_equal(count(o.s, "<rect "), 4);
	assert_non_null(strstr(o.s, "class=\"collected\" data-series=\"collected\" data-month=\"2023-09\" data-value=\"10\""));
	assert_non_null(strstr(o.s, "class=\"closed\" data-series=\"closed\" data-month=\"2023-10\" data-value=\"0\""));
	/* Zero columns carry no figure label. */
	assert_int_equal(count(o.s, ">10</text>"), 1);
	assert_int_equal(count(o.s, ">0</text>"), 0);
	assert_non_null(strstr(o.s, ">10月</text>"));
	assert_non_null(strstr(o.s, ">■ x</text>"));
	free(o.s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bars),
		cmocka_unit_test(test_columns),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
