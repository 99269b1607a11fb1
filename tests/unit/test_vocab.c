/* test_vocab.c - lib/vocab.c: the enumerated values and their names.
 *
 * The schemas are the truth for which tokens exist: each vocabulary is
 * compared, as a set, with the enum in schemas/ that it names, read with
 * the library's own YAML reader.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "qf/error.h"
#include "qf/node.h"
#include "qf/vocab.h"
#include "qf/yaml.h"

#ifndef QF_TEST_SOURCE_DIR
#error "QF_TEST_SOURCE_DIR must name the source tree"
#endif

/* ---- helpers ------------------------------------------------------- */

static size_t nterms(enum qf_vocab v)
{
	size_t n = 0;

	for (const struct qf_term *t = qf_vocab_terms(v); t->token; t++)
		n++;
	return n;
}

static struct qf_node *load_schema(const char *name)
{
	char path[1024], msg[2048];
	struct qf_node *root = NULL;
	struct qf_error err;

	snprintf(path, sizeof path, "%s/schemas/%s", QF_TEST_SOURCE_DIR, name);
	if (qf_yaml_load_one(path, &root, &err) != QF_OK)
		fail_msg("cannot load %s: %s", path,
			 qf_error_format(&err, msg, sizeof msg));
	assert_non_null(root);
	return root;
}

/* Follow a path of map keys ("properties", "kind", "enum", NULL). */
static const struct qf_node *walk(const struct qf_node *n,
				  const char *const *keys)
{
	for (; *keys; keys++) {
		n = qf_node_get(n, *keys);
		if (!n)
			fail_msg("schema has no \"%s\"", *keys);
	}
	return n;
}

/* The vocabulary and the enum at path in schema hold the same tokens,
 * each once. */
static void assert_same_set(enum qf_vocab v, const char *schema,
			    const char *const *path)
{
	struct qf_node *root = load_schema(schema);
	const struct qf_node *e = walk(root, path);
	const struct qf_term *terms = qf_vocab_terms(v);

	assert_int_equal(e->kind, QF_NODE_SEQ);
	for (size_t i = 0; i < e->n; i++) {
		const struct qf_node *s = e->items[i];
		int found = 0;
		assert_int_equal(s->kind, QF_NODE_SCALAR);
		for (const struct qf_term *t = terms; t->token; t++)
			found += strcmp(t->token, s->str) == 0;
		if (found != 1)
			fail_msg("%s: enum value \"%s\" is in vocabulary %d "
				 "%d times", schema, s->str, (int)v, found);
	}
	for (const struct qf_term *t = terms; t->token; t++) {
		int found = 0;
		for (size_t i = 0; i < e->n; i++)
			found += strcmp(t->token, e->items[i]->str) == 0;
		if (found != 1)
			fail_msg("%s: vocabulary %d token \"%s\" is in the "
				 "enum %d times", schema, (int)v, t->token,
				 found);
	}
	assert_int_equal(e->n, nterms(v));
	qf_node_free(root);
}

/* ---- lookups ------------------------------------------------------- */

static void test_token_lookup(void **state)
{
	(void)state;
	/* By token, Chinese name, English name. */
	assert_string_equal(qf_vocab_token(QF_V_KIND, "problem"), "problem");
	assert_string_equal(qf_vocab_token(QF_V_KIND, "问题"), "problem");
	assert_string_equal(qf_vocab_token(QF_V_KIND, "建议"), "suggestion");
	assert_string_equal(qf_vocab_token(QF_V_LEVEL, "本级"), "local");
	assert_string_equal(qf_vocab_token(QF_V_LEVEL, "higher level"),
			    "higher");
	assert_string_equal(qf_vocab_token(QF_V_CATEGORY, "用地"), "land");
	assert_string_equal(qf_vocab_token(QF_V_STATUS, "无法解决"),
			    "declined");
	assert_string_equal(qf_vocab_token(QF_V_SATISFACTION,
					   "fairly satisfied"), "basic");
	assert_string_equal(qf_vocab_token(QF_V_VISIT_KIND, "on-site office"),
			    "onsite");
	assert_string_equal(qf_vocab_token(QF_V_VISIT_KIND, "上门办公"),
			    "onsite");
	assert_string_equal(qf_vocab_token(QF_V_ACTION, "follow-up"),
			    "follow-up");
	assert_string_equal(qf_vocab_token(QF_V_ACTION, "回访"), "follow-up");
	assert_string_equal(qf_vocab_token(QF_V_ACTION, "followed up"),
			    "follow-up");
	/* The same Chinese word in two vocabularies. */
	assert_string_equal(qf_vocab_token(QF_V_ACTION, "无法解决"),
			    "decline");
	/* English and tokens are case-insensitive. */
	assert_string_equal(qf_vocab_token(QF_V_KIND, "PROBLEM"), "problem");
	assert_string_equal(qf_vocab_token(QF_V_LEVEL, "Higher Level"),
			    "higher");
	assert_string_equal(qf_vocab_token(QF_V_ACTION, "Follow-Up"),
			    "follow-up");
}

static void test_token_unknown(void **state)
{
	(void)state;
	assert_null(qf_vocab_token(QF_V_KIND, NULL));
	assert_null(qf_vocab_token(QF_V_KIND, ""));
	assert_null(qf_vocab_token(QF_V_KIND, "problems"));
	assert_null(qf_vocab_token(QF_V_KIND, "prob"));
	assert_null(qf_vocab_token(QF_V_KIND, " problem"));
	assert_null(qf_vocab_token(QF_V_KIND, "问"));
	assert_null(qf_vocab_token(QF_V_KIND, "问题 "));
	/* A term of another vocabulary. */
	assert_null(qf_vocab_token(QF_V_KIND, "local"));
	assert_null(qf_vocab_token(QF_V_STATUS, "collect"));
	assert_null(qf_vocab_token(QF_V_LEVEL, "用地"));
	assert_null(qf_vocab_token(QF_V_VISIT_KIND, "open"));
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(qf_vocab_name(QF_V_KIND, "problem", "zh"), "问题");
	assert_string_equal(qf_vocab_name(QF_V_KIND, "problem", "zh_CN.UTF-8"),
			    "问题");
	assert_string_equal(qf_vocab_name(QF_V_KIND, "problem", "en"),
			    "problem");
	assert_string_equal(qf_vocab_name(QF_V_KIND, "problem", NULL),
			    "problem");
	assert_string_equal(qf_vocab_name(QF_V_LEVEL, "higher", "en"),
			    "higher level");
	assert_string_equal(qf_vocab_name(QF_V_ACTION, "assign", "zh"),
			    "交办");
	assert_string_equal(qf_vocab_name(QF_V_ACTION, "assign", "C"),
			    "assigned");
	/* Unknown: the token itself; NULL: "". */
	assert_string_equal(qf_vocab_name(QF_V_KIND, "other", "zh"), "other");
	assert_string_equal(qf_vocab_name(QF_V_KIND, "Problem", "zh"),
			    "Problem");
	assert_string_equal(qf_vocab_name(QF_V_KIND, NULL, "zh"), "");
}

/* Every term: token, Chinese and English name all look up to the token,
 * and the names come back from the token. */
static void test_both_ways(void **state)
{
	(void)state;
	for (int v = 0; v < QF_NVOCABS; v++) {
		const struct qf_term *terms = qf_vocab_terms((enum qf_vocab)v);
		assert_non_null(terms);
		assert_true(nterms((enum qf_vocab)v) >= 2);
		for (const struct qf_term *t = terms; t->token; t++) {
			const char *in[] = { t->token, t->zh, t->en };
			assert_non_null(t->zh);
			assert_non_null(t->en);
			for (size_t i = 0; i < 3; i++) {
				const char *got = qf_vocab_token(
					(enum qf_vocab)v, in[i]);
				if (!got || strcmp(got, t->token) != 0)
					fail_msg("vocab %d: \"%s\" gives "
						 "\"%s\", want \"%s\"", v,
						 in[i], got ? got : "(null)",
						 t->token);
			}
			assert_string_equal(qf_vocab_name((enum qf_vocab)v,
					    t->token, "zh"), t->zh);
			assert_string_equal(qf_vocab_name((enum qf_vocab)v,
					    t->token, "en"), t->en);
		}
	}
}

static void test_list(void **state)
{
	(void)state;
	assert_string_equal(qf_vocab_list(QF_V_KIND),
			    "problem (问题), suggestion (建议)");
	assert_string_equal(qf_vocab_list(QF_V_LEVEL),
			    "local (本级), higher (上级)");
	assert_string_equal(qf_vocab_list(QF_V_SATISFACTION),
			    "satisfied (满意), basic (基本满意), "
			    "dissatisfied (不满意)");
	/* Every token of the largest vocabulary is in its list. */
	for (const struct qf_term *t = qf_vocab_terms(QF_V_ACTION); t->token;
	     t++)
		assert_non_null(strstr(qf_vocab_list(QF_V_ACTION), t->zh));
}

/* ---- vocabularies against the schemas ------------------------------ */

static void test_schema_kind(void **state)
{
	static const char *const path[] = { "properties", "kind", "enum",
					    NULL };

	(void)state;
	assert_same_set(QF_V_KIND, "demand.yaml", path);
}

static void test_schema_level(void **state)
{
	static const char *const path[] = { "properties", "level", "enum",
					    NULL };

	(void)state;
	assert_same_set(QF_V_LEVEL, "demand.yaml", path);
}

static void test_schema_category(void **state)
{
	static const char *const path[] = { "properties", "category", "enum",
					    NULL };

	(void)state;
	assert_same_set(QF_V_CATEGORY, "demand.yaml", path);
}

static void test_schema_status(void **state)
{
	static const char *const path[] = { "properties", "status", "enum",
					    NULL };

	(void)state;
	assert_same_set(QF_V_STATUS, "demand.yaml", path);
}

static void test_schema_satisfaction(void **state)
{
	static const char *const path[] = { "properties", "satisfaction",
					    "enum", NULL };
	static const char *const log_path[] = { "properties", "log", "items",
		"properties", "satisfaction", "enum", NULL };

	(void)state;
	assert_same_set(QF_V_SATISFACTION, "demand.yaml", path);
	assert_same_set(QF_V_SATISFACTION, "demand.yaml", log_path);
}

static void test_schema_action(void **state)
{
	static const char *const path[] = { "properties", "log", "items",
		"properties", "action", "enum", NULL };

	(void)state;
	assert_same_set(QF_V_ACTION, "demand.yaml", path);
}

static void test_schema_visit_kind(void **state)
{
	static const char *const path[] = { "properties", "kind", "enum",
					    NULL };

	(void)state;
	assert_same_set(QF_V_VISIT_KIND, "visit.yaml", path);
}

/* Applications (申报) and events (活动). */
static void test_schema_application_event(void **state)
{
	static const char *const status[] = { "properties", "status", "enum",
					      NULL };
	static const char *const action[] = { "properties", "log", "items",
		"properties", "action", "enum", NULL };
	static const char *const kind[] = { "properties", "kind", "enum",
					    NULL };

	(void)state;
	assert_same_set(QF_V_APP_STATUS, "application.yaml", status);
	assert_same_set(QF_V_APP_ACTION, "application.yaml", action);
	assert_same_set(QF_V_EVENT_KIND, "event.yaml", kind);
	assert_string_equal(qf_vocab_token(QF_V_APP_STATUS, "已入库"), "listed");
	assert_string_equal(qf_vocab_token(QF_V_EVENT_KIND, "银企对接会"),
			    "financing");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_token_lookup),
		cmocka_unit_test(test_token_unknown),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_both_ways),
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_schema_kind),
		cmocka_unit_test(test_schema_level),
		cmocka_unit_test(test_schema_category),
		cmocka_unit_test(test_schema_status),
		cmocka_unit_test(test_schema_satisfaction),
		cmocka_unit_test(test_schema_action),
		cmocka_unit_test(test_schema_visit_kind),
		cmocka_unit_test(test_schema_application_event),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
