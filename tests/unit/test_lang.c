/* test_lang.c - lib/lang.c: the catalogue of a chosen language whatever
 * the locale, and the environment as it was after. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <libintl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "qf/lang.h"

/* A message the zh_CN catalogue translates (a bulletin heading). */
#define MSG "1. Overview"
#define MSG_ZH "一、总体情况"

static const char *tr(void)
{
	return dgettext("qifu", MSG);
}

static void test_zh_under_c_locale(void **state)
{
	struct qf_lang l;

	(void)state;
	setlocale(LC_ALL, "C");
	unsetenv("LANGUAGE");
	assert_string_equal(tr(), MSG);
	assert_int_equal(qf_lang_push(&l, "zh"), 0);
	assert_string_equal(tr(), MSG_ZH);
	assert_string_equal(getenv("LANGUAGE"), "zh_CN");
	qf_lang_pop(&l);
	assert_string_equal(tr(), MSG);
	assert_null(getenv("LANGUAGE"));
}

/* English even where the locale asks for Chinese. */
static void test_en_under_zh(void **state)
{
	struct qf_lang l;

	(void)state;
	if (!setlocale(LC_ALL, "C.UTF-8"))
		skip();
	setenv("LANGUAGE", "zh_CN", 1);
	assert_string_equal(tr(), MSG_ZH);
	assert_int_equal(qf_lang_push(&l, "en"), 0);
	assert_string_equal(tr(), MSG);
	qf_lang_pop(&l);
	assert_string_equal(getenv("LANGUAGE"), "zh_CN");
	assert_string_equal(tr(), MSG_ZH);
	unsetenv("LANGUAGE");
	setlocale(LC_ALL, "C");
}

/* NULL is the store's default, Chinese; "zh_CN" too. */
static void test_names(void **state)
{
	struct qf_lang l;

	(void)state;
	assert_true(qf_lang_is_zh(NULL));
	assert_true(qf_lang_is_zh("zh"));
	assert_true(qf_lang_is_zh("zh_CN"));
	assert_false(qf_lang_is_zh("en"));
	assert_int_equal(qf_lang_push(&l, NULL), 0);
	assert_string_equal(tr(), MSG_ZH);
	qf_lang_pop(&l);
	/* A pop without a successful push is harmless. */
	memset(&l, 0, sizeof l);
	qf_lang_pop(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_zh_under_c_locale),
		cmocka_unit_test(test_en_under_zh),
		cmocka_unit_test(test_names),
	};

	bindtextdomain("qifu", QF_TEST_BUILD_DIR "/locale");
	bind_textdomain_codeset("qifu", "UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
