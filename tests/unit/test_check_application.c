/* test_check_application.c - the rules between an application's fields
 * (qf_check_application_fields, check.c), each on a record whose problems
 * are known by construction, with the line and column each is said at
 * (line numbers in the comments of the texts). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qf/check.h"
#include "qf/yaml.h"

static struct qf_node *read_rec(const char *text)
{
	struct qf_reader *r;
	struct qf_doc d;
	struct qf_error err;

	assert_int_equal(qf_reader_open_mem(&r, text, strlen(text), "a.yaml",
					    &err), QF_OK);
	if (qf_reader_next(r, &d, &err) != 1)
		fail_msg("bad test YAML: %s\n%s", err.msg, text);
	qf_reader_free(r);
	assert_non_null(d.root);
	return d.root;
}

/* The problems as "line:col: message" lines. */
static void expect(const char *text, const char *want)
{
	struct qf_node *rec = read_rec(text);
	struct qf_diags d;
	char got[2048];
	size_t used = 0;

	qf_diags_init(&d);
	qf_check_application_fields(rec, "a.yaml", &d);
	got[0] = '\0';
	for (size_t i = 0; i < d.n; i++) {
		int w;
		assert_string_equal(d.v[i].file, "a.yaml");
		w = snprintf(got + used, sizeof got - used, "%u:%u: %s\n",
			     d.v[i].line, d.v[i].col, d.v[i].msg);
		assert_true(w > 0 && (size_t)w < sizeof got - used);
		used += (size_t)w;
	}
	assert_string_equal(got, want);
	qf_diags_release(&d);
	qf_node_free(rec);
}

#define TOP "id: A-HY-202409-0001\n"          /* 1 */ \
	"firm: F-HY-0001\n"                     /* 2 */ \
	"policy: P-HY-0001\n"                   /* 3 */ \
	"project: x\n"                          /* 4 */ \
	"requested: 1000\n"                     /* 5 */ \
	"filed: 2024-09-03\n"                   /* 6 */

static void test_clean(void **state)
{
	(void)state;
	expect(TOP "status: granted\ngranted: 1000\nclosed: 2024-10-01\n"
	       "log:\n- {date: 2024-09-03, action: file}\n"
	       "- {date: 2024-09-04, action: list}\n"
	       "- {date: 2024-10-01, action: grant, amount: 1000}\n"
	       "- {date: 2024-10-02, action: note, note: x}\n", "");
	expect(TOP "status: reviewing\n", "");   /* no log: nothing to match */
}

static void test_granted_needs(void **state)
{
	(void)state;
	/* line 7 status, nothing else: both missing, said at status. */
	expect(TOP "status: granted\n",
	       "7:1: application is 'granted' but has no amount granted (granted)\n"
	       "7:1: application is 'granted' but has no closing date (closed)\n");
	expect(TOP "status: rejected\n",
	       "7:1: application is 'rejected' but has no closing date (closed)\n");
}

static void test_open_has_closing(void **state)
{
	(void)state;
	/* line 8 granted, line 9 closed. */
	expect(TOP "status: listed\ngranted: 5\nclosed: 2024-10-01\n",
	       "8:1: application is 'listed' but has an amount granted\n"
	       "9:1: application is 'listed' but has a closing date\n");
}

static void test_dates_amounts(void **state)
{
	(void)state;
	/* closed (line 9) before filed; granted (line 8) 1001 > 1000. */
	expect(TOP "status: granted\ngranted: 1001\nclosed: 2024-09-01\n",
	       "9:1: closed before it was filed (2024-09-03)\n"
	       "8:1: granted (1001) is more than requested (1000)\n");
}

static void test_log_disagrees(void **state)
{
	(void)state;
	/* The log's last step is list (a note after it changes nothing):
	 * a status of reviewing is not where it ends. */
	expect(TOP "status: reviewing\nlog:\n"
	       "- {date: 2024-09-03, action: file}\n"
	       "- {date: 2024-09-04, action: list}\n"
	       "- {date: 2024-09-05, action: note, note: x}\n",
	       "7:1: status 'reviewing' is not where its history ends (list on 2024-09-04)\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_granted_needs),
		cmocka_unit_test(test_open_has_closing),
		cmocka_unit_test(test_dates_amounts),
		cmocka_unit_test(test_log_disagrees),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
