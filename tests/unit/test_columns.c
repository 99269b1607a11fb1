/* test_columns.c - lib/columns.c: each record type as flat columns.
 *
 * The column list must be the schema's: every property of each schema
 * (a nested map's as "contact.name") is a column once, in schema order,
 * required where the schema requires it; no header names two columns.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "qf/buf.h"
#include "qf/columns.h"
#include "qf/error.h"
#include "qf/node.h"
#include "qf/yaml.h"

#ifndef QF_TEST_SOURCE_DIR
#error "QF_TEST_SOURCE_DIR must name the source tree"
#endif

static struct qf_node *load_schema(const char *name)
{
	char path[1024], msg[2048];
	struct qf_node *root = NULL;
	struct qf_error err;

	snprintf(path, sizeof path, "%s/schemas/%s", QF_TEST_SOURCE_DIR, name);
	if (qf_yaml_load_one(path, &root, &err) != QF_OK)
		fail_msg("cannot load %s: %s", path,
			 qf_error_format(&err, msg, sizeof msg));
	return root;
}

static int in_required(const struct qf_node *req, const char *key)
{
	for (size_t i = 0; req && i < req->n; i++)
		if (!strcmp(req->items[i]->str, key))
			return 1;
	return 0;
}

/* The schema's properties, flattened one level, equal the columns. */
static void assert_schema_columns(const char *schema, const struct qf_column *c,
				  size_t n)
{
	struct qf_node *root = load_schema(schema);
	const struct qf_node *props = qf_node_get(root, "properties");
	const struct qf_node *req = qf_node_get(root, "required");
	size_t k = 0;

	assert_non_null(props);
	for (size_t i = 0; i < props->n; i++) {
		const char *key = props->keys[i]->str;
		const struct qf_node *p = props->items[i];
		const char *type = qf_node_get_str(p, "type");
		const struct qf_node *sub = qf_node_get(p, "properties");

		if (type && !strcmp(type, "array") &&
		    (!strcmp(key, "log") || !strcmp(key, "delivered")))
			continue;  /* a table of its own */
		if (type && !strcmp(type, "object") && sub) {
			for (size_t j = 0; j < sub->n; j++) {
				char f[128];
				snprintf(f, sizeof f, "%s.%s", key, sub->keys[j]->str);
				assert_true(k < n);
				assert_string_equal(c[k].field, f);
				k++;
			}
			continue;
		}
		assert_true(k < n);
		assert_string_equal(c[k].field, key);
		assert_int_equal(c[k].required, in_required(req, key));
		if (type && !strcmp(type, "array"))
			assert_int_equal(c[k].kind, QF_COL_LIST);
		else if (qf_node_get(p, "enum"))
			assert_int_equal(c[k].kind, QF_COL_ENUM);
		else if (type && !strcmp(type, "integer"))
			assert_int_equal(c[k].kind, QF_COL_INT);
		k++;
	}
	assert_int_equal(k, n);
	qf_node_free(root);
}

static void test_columns_follow_schemas(void **state)
{
	size_t n;
	const struct qf_column *c;

	(void)state;
	c = qf_columns(QF_FIRM, &n);
	assert_schema_columns("firm.yaml", c, n);
	c = qf_columns(QF_POLICY, &n);
	assert_schema_columns("policy.yaml", c, n);
	c = qf_columns(QF_VISIT, &n);
	assert_schema_columns("visit.yaml", c, n);
	c = qf_columns(QF_DEMAND, &n);
	assert_schema_columns("demand.yaml", c, n);
	c = qf_columns(QF_APPLICATION, &n);
	assert_schema_columns("application.yaml", c, n);
	c = qf_columns(QF_EVENT, &n);
	assert_schema_columns("event.yaml", c, n);
}

/* Every header (field, Chinese, alias) finds its own column, never
 * another's: one header, one column. */
static void test_headers_are_unambiguous(void **state)
{
	enum qf_type types[] = { QF_FIRM, QF_POLICY, QF_VISIT, QF_DEMAND,
				 QF_APPLICATION, QF_EVENT };

	(void)state;
	for (size_t t = 0; t < 5; t++) {
		size_t n;
		const struct qf_column *c = t < 4 ? qf_columns(types[t], &n)
						  : qf_columns_log(&n);
		for (size_t i = 0; i < n; i++) {
			char one[128];
			const char *a = c[i].aliases;
			assert_ptr_equal(qf_column_find(c, n, c[i].field), &c[i]);
			assert_ptr_equal(qf_column_find(c, n, c[i].zh), &c[i]);
			while (*a) {
				size_t len = strcspn(a, "|");
				snprintf(one, sizeof one, "%.*s", (int)len, a);
				if (qf_column_find(c, n, one) != &c[i])
					fail_msg("header \"%s\" of %s finds another column",
						 one, c[i].field);
				a += len + (a[len] == '|');
			}
		}
	}
}

static void test_find_ignores_spaces_case_bom(void **state)
{
	size_t n;
	const struct qf_column *c = qf_columns(QF_FIRM, &n);

	(void)state;
	assert_string_equal(qf_column_find(c, n, "\xEF\xBB\xBF企业名称")->field, "name");
	assert_string_equal(qf_column_find(c, n, " 统一社会信用代码\u3000")->field, "credit_code");
	assert_string_equal(qf_column_find(c, n, "Credit_Code")->field, "credit_code");
	assert_string_equal(qf_column_find(c, n, "CONTACT.PHONE")->field, "contact.phone");
	assert_null(qf_column_find(c, n, "企业名"));
	assert_null(qf_column_find(c, n, ""));
	assert_null(qf_column_find(c, n, "   "));
}

static void test_text_and_set_round_trip(void **state)
{
	size_t n;
	const struct qf_column *c = qf_columns(QF_FIRM, &n);
	const struct qf_column *d = qf_columns(QF_DEMAND, &n);
	const struct qf_column *tags = qf_column_find(c, n, "tags");
	const struct qf_column *phone = qf_column_find(c, n, "联系电话");
	const struct qf_column *kind, *amount;
	struct qf_node *rec = qf_node_new_map();
	struct qf_buf b = { 0 };

	(void)state;
	qf_columns(QF_DEMAND, &n);
	kind = qf_column_find(d, n, "诉求类型");
	amount = qf_column_find(d, n, "涉及金额");
	assert_int_equal(qf_column_set(tags, rec, " 规上， 专精特新、重点;;"), 0);
	assert_int_equal(qf_column_set(phone, rec, "0371-1234"), 0);
	assert_int_equal(qf_column_set(kind, rec, "问题"), 0);
	assert_int_equal(qf_column_set(kind, rec, "不知道"), 1);
	assert_int_equal(qf_column_set(amount, rec, "5000000"), 0);
	assert_int_equal(qf_column_set(phone, rec, ""), 0);
	assert_int_equal(qf_node_get(rec, "tags")->n, 3);
	assert_int_equal(qf_column_text(tags, rec, 0, &b), 0);
	qf_buf_putc(&b, '\0');
	assert_string_equal(b.s, "规上,专精特新,重点");
	qf_buf_clear(&b);
	assert_string_equal(qf_node_get_str(qf_node_get(rec, "contact"), "phone"),
			    "0371-1234");
	assert_int_equal(qf_column_text(phone, rec, 0, &b), 0);
	qf_buf_putc(&b, '\0');
	assert_string_equal(b.s, "0371-1234");
	qf_buf_clear(&b);
	assert_string_equal(qf_node_get_str(rec, "kind"), "problem");
	assert_int_equal(qf_column_text(kind, rec, 1, &b), 0);
	qf_buf_putc(&b, '\0');
	assert_string_equal(b.s, "问题");
	assert_int_equal(qf_node_get(rec, "amount")->stype, QF_STYPE_INT);
	/* Absent: nothing. */
	qf_buf_clear(&b);
	assert_int_equal(qf_column_text(qf_column_find(c, n, "note"), rec, 0, &b), 0);
	assert_int_equal(b.len, 0);
	qf_buf_release(&b);
	qf_node_free(rec);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_columns_follow_schemas),
		cmocka_unit_test(test_headers_are_unambiguous),
		cmocka_unit_test(test_find_ignores_spaces_case_bom),
		cmocka_unit_test(test_text_and_set_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
