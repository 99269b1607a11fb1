/* test_page.c - lib/page.c: one document in text, Markdown and HTML, the
 * blank lines between blocks, and every string escaped by the back end. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "qf/page.h"

/* A small document holding every kind of block; hostile strings in
 * the heading, a cell, a paragraph and an item. */
static char *sample(enum qf_page_format fmt)
{
	struct qf_buf o = QF_BUF_INIT;
	struct qf_page d;
	struct qf_page_table t;
	const char *labels[] = { "甲", "b<" };
	long values[] = { 3, 1 };
	struct qf_chart c = { QF_CHART_BARS, "demo", "cap", NULL, 2, labels,
			      values, NULL, NULL, { NULL, NULL } };

	qf_page_begin(&d, &o, fmt, "T\x1b[2J", "zh-CN", "p{}\n");
	qf_page_heading(&d, "一、H|#");
	qf_page_table_init(&t, 2, "01");
	qf_page_table_row(&t, (const char *const[]){ "名称", "n" });
	qf_page_table_row(&t, (const char *const[]){ "A|B\x1b", "12" });
	qf_page_table_row(&t, (const char *const[]){ "衡阳", NULL });
	qf_page_table(&d, &t);
	qf_page_chart(&d, &c);
	qf_page_para(&d, "- p*1*");
	qf_page_list_begin(&d, 1);
	qf_page_item(&d, "x\ny");
	qf_page_item(&d, "<i>");
	qf_page_list_end(&d);
	qf_page_para(&d, "end");
	qf_page_end(&d);
	assert_false(o.oom);
	return o.s;
}

static void test_text(void **state)
{
	char *s = sample(QF_PAGE_TEXT);

	(void)state;
	/* Cells aligned by display width: 名称 and 衡阳 are 4 columns,
	 * "A|B\e" escaped is 5; numbers right-aligned; no trailing blank. */
	assert_string_equal(s,
		"T\\e[2J\n"
		"\n一、H|#\n\n"
		"名称   n\n"
		"A|B\\e  12\n"
		"衡阳\n"
		"\n- p*1*\n"
		"  x\\ny\n"
		"  <i>\n"
		"\nend\n");
	free(s);
}

static void test_markdown(void **state)
{
	char *s = sample(QF_PAGE_MARKDOWN);

	(void)state;
	assert_string_equal(s,
		"# T\\\\e\\[2J\n"
		"\n## 一、H\\|\\#\n\n"
		"| 名称 | n |\n"
		"|---|---:|\n"
		"| A\\|B\\\\e | 12 |\n"
		"| 衡阳 |  |\n"
		"\n\\- p\\*1\\*\n"
		"- x\\\\ny\n"
		"- \\<i\\>\n"
		"\nend\n");
	free(s);
}

static void test_html(void **state)
{
	char *s = sample(QF_PAGE_HTML);

	(void)state;
	assert_non_null(strstr(s, "<html lang=\"zh-CN\">"));
	assert_non_null(strstr(s, "<title>T\\e[2J</title>\n<style>\np{}\n</style>"));
	assert_non_null(strstr(s, "<h1>T\\e[2J</h1>\n<h2>一、H|#</h2>\n<table>\n"));
	assert_non_null(strstr(s, "<tr><th>名称</th><th>n</th></tr>\n"
				  "<tr><td>A|B\\e</td><td class=\"n\">12</td></tr>\n"));
	assert_non_null(strstr(s, "data-chart=\"demo\""));
	assert_non_null(strstr(s, "data-label=\"b&lt;\" data-value=\"1\""));
	assert_non_null(strstr(s, "<p>- p*1*</p>\n<ol>\n<li>x\\ny</li>\n"
				  "<li>&lt;i&gt;</li>\n</ol>\n<p>end</p>\n"
				  "</body>\n</html>\n"));
	free(s);
}

/* Charts are drawn in HTML only; their figures are in the tables. */
static void test_chart_html_only(void **state)
{
	char *t = sample(QF_PAGE_TEXT), *m = sample(QF_PAGE_MARKDOWN);

	(void)state;
	assert_null(strstr(t, "svg"));
	assert_null(strstr(m, "svg"));
	free(t);
	free(m);
}

/* No raw control byte in any format, whatever the input held. */
static void test_no_control_bytes(void **state)
{
	(void)state;
	for (int f = QF_PAGE_TEXT; f <= QF_PAGE_HTML; f++) {
		struct qf_buf o = QF_BUF_INIT;
		struct qf_page d;
		struct qf_page_table t;
		char all[64];

		for (int i = 1; i < 32; i++)
			all[i - 1] = (char)i;
		memcpy(all + 31, "\x7f\xc2\x80\xc2\x9f\xff", 7);
		qf_page_begin(&d, &o, (enum qf_page_format)f, all, "en", "");
		qf_page_heading(&d, all);
		qf_page_para(&d, all);
		qf_page_item(&d, all);
		qf_page_table_init(&t, 1, NULL);
		qf_page_table_row(&t, (const char *const[]){ all });
		qf_page_table(&d, &t);
		qf_page_end(&d);
		assert_false(o.oom);
		for (const unsigned char *p = (const unsigned char *)o.s; *p; p++) {
			assert_true(*p == '\n' || (*p >= 0x20 && *p != 0x7f));
			if (*p == 0xc2)
				assert_false(p[1] >= 0x80 && p[1] <= 0x9f);
		}
		free(o.s);
	}
}

/* An item without list_begin opens a list; a heading closes one. */
static void test_list_implicit(void **state)
{
	struct qf_buf o = QF_BUF_INIT;
	struct qf_page d;

	(void)state;
	qf_page_begin(&d, &o, QF_PAGE_HTML, "t", "en", "");
	qf_page_item(&d, "a");
	qf_page_heading(&d, "h");
	qf_page_end(&d);
	assert_non_null(strstr(o.s, "<ul>\n<li>a</li>\n</ul>\n<h2>h</h2>\n"));
	free(o.s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_markdown),
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_chart_html_only),
		cmocka_unit_test(test_no_control_bytes),
		cmocka_unit_test(test_list_implicit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
