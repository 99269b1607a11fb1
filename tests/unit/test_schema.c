/* test_schema.c - the schemas in schemas/ and lib/schema.c.
 *
 * Keyword tests use small schemas written inline; record tests use the
 * real files in schemas/.  Records and schemas are read from YAML text
 * with qf_reader_open_mem, so positions are real line:col.  A problem list
 * is compared whole, as "line:col: message" lines.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "qf/error.h"
#include "qf/node.h"
#include "qf/schema.h"
#include "qf/yaml.h"

#ifndef QF_TEST_SOURCE_DIR
#error "QF_TEST_SOURCE_DIR must name the source tree"
#endif

/* ---- helpers ------------------------------------------------------- */

/* The first document of text, or NULL for an empty one. */
static struct qf_node *read_yaml(const char *text)
{
	struct qf_reader *r = NULL;
	struct qf_error err;
	struct qf_doc doc;
	struct qf_node *root;

	assert_int_equal(qf_reader_open_mem(&r, text, strlen(text), "t.yaml",
					    &err), QF_OK);
	assert_int_equal(qf_reader_next(r, &doc, &err), 1);
	root = doc.root;
	doc.root = NULL;
	qf_doc_release(&doc);
	qf_reader_free(r);
	return root;
}

static struct qf_schema *schema_text(const char *text)
{
	struct qf_schema *s = NULL;
	struct qf_error err;
	char buf[2048];
	int rc = qf_schema_from_node(read_yaml(text), "s.yaml", &s, &err);

	if (rc != QF_OK)
		fail_msg("schema refused: %s",
			 qf_error_format(&err, buf, sizeof buf));
	return s;
}

/* Load-time error of a schema, as "line:col: message". */
static void expect_schema_error(const char *text, const char *want)
{
	struct qf_schema *s = NULL;
	struct qf_error err;
	char buf[2048];

	assert_int_equal(qf_schema_from_node(read_yaml(text), "s.yaml", &s,
					     &err), QF_ECONFIG);
	assert_null(s);
	assert_string_equal(err.file, "s.yaml");
	snprintf(buf, sizeof buf, "%u:%u: %s", err.line, err.col, err.msg);
	assert_string_equal(buf, want);
}

/* The set of IDs that exist, for the x-ref callback. */
static int ref_exists(const char *type, const char *id, void *ud)
{
	const char *const *known = ud;
	char want[128];

	snprintf(want, sizeof want, "%s %s", type, id);
	for (; *known; known++)
		if (strcmp(*known, want) == 0)
			return 1;
	return 0;
}

static const char *const known_ids[] = {
	"firm F-HY-0012", "policy P-HY-0003", "demand D-HY-202305-0007",
	NULL
};

/* Validate record text; the problems, one "line:col: message" a line,
 * must be exactly want ("" for none). */
static void expect(const struct qf_schema *s, const char *rec,
		   const char *want)
{
	struct qf_node *root = read_yaml(rec);
	struct qf_diags d;
	char got[8192] = "";
	size_t len = 0, n;

	qf_diags_init(&d);
	n = qf_schema_validate(s, root, "r.yaml", ref_exists,
			       (void *)known_ids, &d);
	assert_int_equal(n, d.n);
	for (size_t i = 0; i < d.n; i++) {
		assert_string_equal(d.v[i].file, "r.yaml");
		len += (size_t)snprintf(got + len, sizeof got - len,
					"%u:%u: %s\n", d.v[i].line,
					d.v[i].col, d.v[i].msg);
		assert_true(len < sizeof got);
	}
	assert_string_equal(got, want);
	qf_diags_release(&d);
	qf_node_free(root);
}

/* A one-field schema { v: <field> } and checks of "v: <value>". */
static struct qf_schema *field_schema(const char *field)
{
	char text[1024];

	snprintf(text, sizeof text, "type: object\nproperties:\n  v: %s\n",
		 field);
	return schema_text(text);
}

static void expect_v(const struct qf_schema *s, const char *value,
		     const char *want)
{
	char rec[512], w[1024] = "";

	snprintf(rec, sizeof rec, "v: %s\n", value);
	if (*want)
		snprintf(w, sizeof w, "1:4: field 'v': %s\n", want);
	expect(s, rec, w);
}

/* ---- 统一社会信用代码 ------------------------------------------------ */

/* How we know the check is right: GB 32100-2015 gives the 31-character
 * set and weights 3^(i-1) mod 31 for i = 1..17 (1, 3, 9, 27, 19, 26, ...)
 * and check = 31 - (sum mod 31), 31 meaning 0.  Worked by hand for the
 * standard's own example, 91350100M000100Y43:
 *   values  9 1 3 5 0 1 0 0 21 0 0 0 1 0 0 30 4   (M = 21, Y = 30)
 *   weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
 *   sum = 9+3+27+135+26+420+8+900+112 = 1640; 1640 mod 31 = 28;
 *   31 - 28 = 3 -> '3', the 18th character.
 * A real firm's code from a public source: 华为技术有限公司,
 * 914403001922038216 (zh.wikipedia.org, infobox of 华为).  A prefix whose
 * sum is 0 mod 31 exercises the "31 -> 0" case. */
static void test_credit_code_valid(void **state)
{
	(void)state;
	assert_true(qf_credit_code_valid("91350100M000100Y43"));
	assert_true(qf_credit_code_valid("914403001922038216"));
	assert_true(qf_credit_code_valid("000000000000000000"));
	/* 31 -> 0 with a nonzero sum: 1 * 1 + 10 ('A') * 3 = 31. */
	assert_true(qf_credit_code_valid("1A0000000000000000"));
	assert_false(qf_credit_code_valid("1A0000000000000001"));
}

static void test_credit_code_invalid(void **state)
{
	(void)state;
	assert_false(qf_credit_code_valid(NULL));
	assert_false(qf_credit_code_valid(""));
	assert_false(qf_credit_code_valid("91350100M000100Y44"));  /* check */
	assert_false(qf_credit_code_valid("914403001922038215"));
	assert_false(qf_credit_code_valid("91350100m000100Y43"));  /* case */
	assert_false(qf_credit_code_valid("91350100M000100y43"));
	assert_false(qf_credit_code_valid("91350100M000100Y4"));   /* 17 */
	assert_false(qf_credit_code_valid("91350100M000100Y430")); /* 19 */
	/* I, O, Z, S, V are not in the set, whatever the check says. */
	assert_false(qf_credit_code_valid("91350100I000100Y43"));
	assert_false(qf_credit_code_valid("91350100O000100Y43"));
	assert_false(qf_credit_code_valid("91350100Z000100Y43"));
	assert_false(qf_credit_code_valid("91350100S000100Y43"));
	assert_false(qf_credit_code_valid("91350100V000100Y43"));
	assert_false(qf_credit_code_valid("9135010 M000100Y43"));
	assert_false(qf_credit_code_valid("91350100M000100Y4\n"));
	/* Swapping two characters changes the check (transpositions are what
	 * a MOD 31-3 check exists to catch). */
	assert_false(qf_credit_code_valid("93150100M000100Y43"));
}

/* ---- keywords, one by one ------------------------------------------ */

static void test_type(void **state)
{
	struct qf_schema *s;

	(void)state;
	s = field_schema("{type: string}");
	expect_v(s, "abc", "");
	expect_v(s, "'12'", "");
	expect_v(s, "2023-05-01", "");
	expect_v(s, "12", "expected string, found integer 12 (put it in "
		 "quotes)");
	expect_v(s, "true", "expected string, found boolean true (put it in "
		 "quotes)");
	expect_v(s, "~", "expected string, found null");
	expect_v(s, "[a]", "expected string, found array");
	expect_v(s, "{a: b}", "expected string, found object");
	qf_schema_free(s);

	s = field_schema("{type: integer}");
	expect_v(s, "12", "");
	expect_v(s, "-0x1f", "expected integer, found string '-0x1f'");
	expect_v(s, "0x1f", "");
	expect_v(s, "1.0", "");		/* 2020-12: a whole number */
	expect_v(s, "1.5", "expected integer, found number 1.5");
	expect_v(s, "'12'", "expected integer, found string '12'");
	qf_schema_free(s);

	s = field_schema("{type: number}");
	expect_v(s, "12", "");
	expect_v(s, "1.5e3", "");
	expect_v(s, "x", "expected number, found string 'x'");
	qf_schema_free(s);

	s = field_schema("{type: boolean}");
	expect_v(s, "false", "");
	expect_v(s, "'true'", "expected boolean, found string 'true'");
	qf_schema_free(s);

	s = field_schema("{type: 'null'}");
	expect_v(s, "", "");
	expect_v(s, "null", "");
	expect_v(s, "0", "expected null, found integer 0");
	qf_schema_free(s);

	s = field_schema("{type: array}");
	expect_v(s, "[]", "");
	expect_v(s, "{}", "expected array, found object");
	qf_schema_free(s);

	s = field_schema("{type: object}");
	expect_v(s, "{}", "");
	expect_v(s, "[]", "expected object, found array");
	qf_schema_free(s);

	s = field_schema("{type: [string, 'null']}");
	expect_v(s, "a", "");
	expect_v(s, "", "");
	expect_v(s, "1", "expected string or null, found integer 1 (put it "
		 "in quotes)");
	qf_schema_free(s);
}

static void test_required(void **state)
{
	struct qf_schema *s = schema_text("type: object\n"
					  "required: [a, b]\n");

	(void)state;
	expect(s, "a: 1\nb: 2\n", "");
	expect(s, "a: 1\nb:\n", "");	/* present, even if null */
	expect(s, "\n\nc: 1\n", "3:1: missing required field 'a'\n"
	       "3:1: missing required field 'b'\n");
	qf_schema_free(s);
}

static void test_properties(void **state)
{
	struct qf_schema *s = schema_text(
		"properties:\n"
		"  a: {type: string}\n"
		"  o:\n"
		"    properties:\n"
		"      n: {type: integer}\n"
		"    required: [m]\n");

	(void)state;
	expect(s, "a: x\nz: anything\n", "");
	expect(s, "a: 1\no: {n: x}\n",
	       "1:4: field 'a': expected string, found integer 1 (put it in "
	       "quotes)\n"
	       "2:4: missing required field 'o.m'\n"
	       "2:8: field 'o.n': expected integer, found string 'x'\n");
	qf_schema_free(s);
}

static void test_additional_properties(void **state)
{
	struct qf_schema *s;

	(void)state;
	s = schema_text("properties: {a: true}\n"
			"additionalProperties: false\n");
	expect(s, "a: 1\n", "");
	expect(s, "a: 1\ncatgory: x\nb: [1]\n",
	       "2:1: unknown field 'catgory'\n3:1: unknown field 'b'\n");
	qf_schema_free(s);

	s = schema_text("properties: {a: true}\n"
			"additionalProperties: {type: integer}\n");
	expect(s, "a: x\nb: 1\nc: y\n",
	       "3:4: field 'c': expected integer, found string 'y'\n");
	qf_schema_free(s);

	s = schema_text("additionalProperties: true\n");
	expect(s, "a: x\n", "");
	qf_schema_free(s);
}

static void test_enum_const(void **state)
{
	struct qf_schema *s;

	(void)state;
	s = field_schema("{enum: [problem, suggestion]}");
	expect_v(s, "problem", "");
	expect_v(s, "'suggestion'", "");
	expect_v(s, "Problem", "'Problem' is not one of problem, suggestion");
	expect_v(s, "[problem]", "expected a single value, found array");
	qf_schema_free(s);

	/* Scalars compare by string within their class: a number is not the
	 * string that spells it, and 1.0 is 1. */
	s = field_schema("{enum: [1, 'two', true, null]}");
	expect_v(s, "1", "");
	expect_v(s, "1.0", "");
	expect_v(s, "0x1", "");
	expect_v(s, "two", "");
	expect_v(s, "True", "");
	expect_v(s, "~", "");
	expect_v(s, "'1'", "'1' is not one of 1, two, true, null");
	expect_v(s, "2", "'2' is not one of 1, two, true, null");
	expect_v(s, "'true'", "'true' is not one of 1, two, true, null");
	qf_schema_free(s);

	s = field_schema("{const: zh}");
	expect_v(s, "zh", "");
	expect_v(s, "en", "'en' is not 'zh'");
	qf_schema_free(s);
}

static void test_pattern(void **state)
{
	struct qf_schema *s;

	(void)state;
	/* Unanchored, as in JSON Schema: the pattern brings its own ^ $. */
	s = field_schema("{pattern: 'b+'}");
	expect_v(s, "abbc", "");
	expect_v(s, "ac", "'ac' does not match 'b+'");
	expect_v(s, "12", "");		/* applies to strings only */
	qf_schema_free(s);

	s = field_schema("{type: string, pattern: '^[A-Z][A-Z0-9]{1,7}$'}");
	expect_v(s, "HY", "");
	expect_v(s, "HY2", "");
	expect_v(s, "H", "'H' does not match '^[A-Z][A-Z0-9]{1,7}$'");
	expect_v(s, "hy", "'hy' does not match '^[A-Z][A-Z0-9]{1,7}$'");
	expect_v(s, "HYHYHYHYH",
		 "'HYHYHYHYH' does not match '^[A-Z][A-Z0-9]{1,7}$'");
	expect_v(s, "\"HY\\n\"", "'HY\n' does not match "
		 "'^[A-Z][A-Z0-9]{1,7}$'");
	qf_schema_free(s);
}

static void test_format_date(void **state)
{
	struct qf_schema *s = field_schema("{type: string, format: date}");

	(void)state;
	expect_v(s, "2023-05-01", "");
	expect_v(s, "2024-02-29", "");
	expect_v(s, "2000-02-29", "");
	expect_v(s, "2023-12-31", "");
	expect_v(s, "2023-02-29", "'2023-02-29' is not a valid date");
	expect_v(s, "1900-02-29", "'1900-02-29' is not a valid date");
	expect_v(s, "2023-02-30", "'2023-02-30' is not a valid date");
	expect_v(s, "2023-04-31", "'2023-04-31' is not a valid date");
	expect_v(s, "2023-13-01", "'2023-13-01' is not a valid date");
	expect_v(s, "2023-00-10", "'2023-00-10' is not a valid date");
	expect_v(s, "2023-01-00", "'2023-01-00' is not a valid date");
	expect_v(s, "2023-5-1", "'2023-5-1' is not a valid date");
	expect_v(s, "2023/05/01", "'2023/05/01' is not a valid date");
	expect_v(s, "'2023-05-01 '", "'2023-05-01 ' is not a valid date");
	expect_v(s, "2023-05-01T10:00", "'2023-05-01T10:00' is not a valid "
		 "date");
	expect_v(s, "二〇二三-05-01", "'二〇二三-05-01' is not a valid date");
	qf_schema_free(s);
}

static void test_format_credit_code(void **state)
{
	struct qf_schema *s = field_schema("{type: string, format: "
					   "qf-credit-code}");

	(void)state;
	expect_v(s, "91350100M000100Y43", "");
	expect_v(s, "'914403001922038216'", "");
	expect_v(s, "91350100M000100Y44", "check digit is wrong ('3' "
		 "expected)");
	expect_v(s, "91350100M000100Y4", "'91350100M000100Y4' is not a credit "
		 "code: 17 characters, not 18");
	expect_v(s, "91350100m000100Y43", "'91350100m000100Y43' is not a "
		 "credit code: 'm' at position 9 is not a digit or a capital "
		 "letter other than I, O, S, V, Z");
	expect_v(s, "91350100O000100Y43", "'91350100O000100Y43' is not a "
		 "credit code: 'O' at position 9 is not a digit or a capital "
		 "letter other than I, O, S, V, Z");
	expect_v(s, "９１350100M000100Y4", "'９１350100M000100Y4' is not a "
		 "credit code: '９' at position 1 is not a digit or a capital "
		 "letter other than I, O, S, V, Z");
	qf_schema_free(s);
}

static void test_minimum_maximum(void **state)
{
	struct qf_schema *s = field_schema("{type: integer, minimum: 1, "
					   "maximum: 365}");

	(void)state;
	expect_v(s, "1", "");
	expect_v(s, "365", "");
	expect_v(s, "0", "0 is less than the minimum 1");
	expect_v(s, "366", "366 is greater than the maximum 365");
	expect_v(s, "0x16e", "0x16e is greater than the maximum 365");
	expect_v(s, "99999999999999999999", "99999999999999999999 is greater "
		 "than the maximum 365");
	qf_schema_free(s);

	s = field_schema("{type: number, minimum: -0.5, maximum: 2.5}");
	expect_v(s, "-0.5", "");
	expect_v(s, "2", "");
	expect_v(s, "-1", "-1 is less than the minimum -0.5");
	expect_v(s, "2.51", "2.51 is greater than the maximum 2.5");
	expect_v(s, ".inf", ".inf is greater than the maximum 2.5");
	qf_schema_free(s);
}

static void test_length(void **state)
{
	struct qf_schema *s = field_schema("{type: string, minLength: 2, "
					   "maxLength: 4}");

	(void)state;
	expect_v(s, "ab", "");
	expect_v(s, "企业诉求", "");	/* 4 characters, 12 bytes */
	expect_v(s, "a", "'a' is too short (1 character, at least 2)");
	expect_v(s, "''", "must not be empty");
	expect_v(s, "一企一档案", "'一企一档案' is too long (5 characters, at "
		 "most 4)");
	qf_schema_free(s);
}

static void test_items(void **state)
{
	struct qf_schema *s = field_schema("{type: array, minItems: 1, "
					   "maxItems: 3, uniqueItems: true, "
					   "items: {type: string}}");

	(void)state;
	expect_v(s, "[a]", "");
	expect_v(s, "[a, b, c]", "");
	expect_v(s, "[]", "0 items, at least 1 needed");
	expect_v(s, "[a, b, c, d]", "4 items, at most 3 allowed");
	expect(s, "v: [a, 1, a, b]\n",
	       "1:4: field 'v': 4 items, at most 3 allowed\n"
	       "1:11: field 'v[2]': 'a' is repeated (already at [0])\n"
	       "1:8: field 'v[1]': expected string, found integer 1 (put it "
	       "in quotes)\n");
	expect(s, "v:\n  - a\n  - [b]\n",
	       "3:5: field 'v[1]': expected string, found array\n");
	qf_schema_free(s);

	/* uniqueItems compares scalars as enum does: by string within a
	 * class, numbers by value. */
	s = field_schema("{uniqueItems: true}");
	expect_v(s, "[1, '1', 2]", "");
	expect(s, "v: [1, 2, 1.0]\n",
	       "1:11: field 'v[2]': '1.0' is repeated (already at [0])\n");
	expect(s, "v: [规上, 重点, 规上]\n",
	       "1:13: field 'v[2]': '规上' is repeated (already at [0])\n");
	qf_schema_free(s);
}

static void test_xref(void **state)
{
	struct qf_schema *s = schema_text(
		"properties:\n"
		"  firm: {type: string, x-ref: firm}\n"
		"  policies: {type: array, items: {type: string, x-ref: "
		"policy}}\n");
	struct qf_node *rec;
	struct qf_diags d;

	(void)state;
	expect(s, "firm: F-HY-0012\npolicies: [P-HY-0003]\n", "");
	expect(s, "firm: F-HY-0999\npolicies: [P-HY-0003, F-HY-0012]\n",
	       "1:7: field 'firm': no firm 'F-HY-0999'\n"
	       "2:23: field 'policies[1]': no policy 'F-HY-0012'\n");

	/* Without a callback references are not checked. */
	rec = read_yaml("firm: F-HY-0999\n");
	qf_diags_init(&d);
	assert_int_equal(qf_schema_validate(s, rec, "r.yaml", NULL, NULL, &d),
			 0);
	assert_int_equal(d.n, 0);
	qf_diags_release(&d);
	qf_node_free(rec);
	qf_schema_free(s);
}

static void test_boolean_schema(void **state)
{
	struct qf_schema *s = schema_text("properties: {gone: false, "
					  "any: true}\n");

	(void)state;
	expect(s, "any: [1, {a: b}]\n", "");
	expect(s, "gone: 1\n", "1:7: field 'gone': not allowed\n");
	qf_schema_free(s);
}

static void test_not_a_mapping(void **state)
{
	struct qf_schema *s = schema_text("type: object\n");
	struct qf_diags d;

	(void)state;
	expect(s, "- a\n- b\n", "1:1: record is not a mapping\n");
	expect(s, "just text\n", "1:1: record is not a mapping\n");
	qf_diags_init(&d);
	assert_int_equal(qf_schema_validate(s, NULL, "r.yaml", NULL, NULL, &d),
			 1);
	assert_string_equal(d.v[0].msg, "record is not a mapping");
	assert_int_equal(d.v[0].line, 0);
	qf_diags_release(&d);
	qf_schema_free(s);
}

/* A tree built in memory (as commands build new records): no positions,
 * duplicate keys (which the reader refuses) reported. */
static void test_node_tree(void **state)
{
	struct qf_schema *s = schema_text("type: object\n"
					  "required: [a]\n"
					  "properties: {a: {type: string}}\n"
					  "additionalProperties: false\n");
	struct qf_node *rec = qf_node_new_map();
	struct qf_diags d;

	(void)state;
	assert_non_null(rec);
	assert_int_equal(qf_node_map_append(rec, qf_node_new_scalar("a"),
		qf_node_new_scalar_len("7", 1, QF_STYPE_INT)), 0);
	assert_int_equal(qf_node_map_append(rec, qf_node_new_scalar("a"),
		qf_node_new_scalar("x")), 0);
	qf_diags_init(&d);
	assert_int_equal(qf_schema_validate(s, rec, "new", NULL, NULL, &d), 2);
	assert_string_equal(d.v[0].msg, "field 'a': expected string, found "
			    "integer 7 (put it in quotes)");
	assert_string_equal(d.v[1].msg, "duplicate field 'a'");
	assert_int_equal(d.v[1].line, 0);
	assert_int_equal(d.v[1].col, 0);
	qf_diags_release(&d);
	qf_node_free(rec);
	qf_schema_free(s);
}

static void test_long_value_cut(void **state)
{
	struct qf_schema *s = field_schema("{enum: [a]}");

	(void)state;
	expect_v(s, "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"
		 "一二三四五六七八九十一二",
		 "'一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"
		 "一二三四五六七八九十...' is not one of a");
	qf_schema_free(s);
}

/* ---- schemas that must not load ------------------------------------ */

static void test_schema_errors(void **state)
{
	struct qf_schema *s = NULL;
	struct qf_error err;

	(void)state;
	expect_schema_error("type: object\nproperties:\n  a:\n"
			    "    type: string\n    minLenght: 1\n",
			    "5:5: unknown keyword 'minLenght'");
	expect_schema_error("type: object\n$ref: '#/x'\n",
			    "2:1: unknown keyword '$ref'");
	expect_schema_error("properties: {a: {type: strng}}\n",
			    "1:24: unknown type 'strng'");
	/* YAML reads a plain null as null, not as the type name. */
	expect_schema_error("type: null\n", "1:7: 'type' must be a type "
			    "name or a list of them");
	expect_schema_error("type: [string, 7]\n",
			    "1:16: unknown type '7'");
	expect_schema_error("properties: {a: {pattern: '[0-9'}}\n",
			    "1:27: bad pattern '[0-9': Unmatched [, [^, [:, "
			    "[., or [=");
	expect_schema_error("properties: {a: {format: email}}\n",
			    "1:26: unknown format 'email' (known: date, "
			    "qf-credit-code)");
	expect_schema_error("properties: {a: {x-ref: company}}\n",
			    "1:25: 'x-ref' must be one of firm, policy, "
			    "visit, demand");
	expect_schema_error("properties: {a: {minLength: -1}}\n",
			    "1:29: 'minLength' must be a whole number >= 0");
	expect_schema_error("properties: {a: {maximum: ten}}\n",
			    "1:27: 'maximum' must be a number");
	expect_schema_error("properties: {a: {enum: []}}\n",
			    "1:24: 'enum' must be a list of values");
	expect_schema_error("properties: {a: {enum: [[a]]}}\n",
			    "1:25: 'enum' values must be scalars");
	expect_schema_error("properties: {a: {uniqueItems: yes}}\n",
			    "1:31: 'uniqueItems' must be true or false");
	expect_schema_error("required: a\n",
			    "1:11: 'required' must be a list of field names");
	expect_schema_error("properties: [a]\n",
			    "1:13: 'properties' must be a mapping");
	expect_schema_error("items: 3\n",
			    "1:8: a schema must be a mapping, true or false");
	expect_schema_error("- type\n", "1:1: a schema must be a mapping");

	assert_int_equal(qf_schema_load(QF_TEST_SOURCE_DIR "/no/such.yaml", &s,
					&err), QF_ENOINPUT);
	assert_null(s);
}

/* ---- the real schemas ---------------------------------------------- */

struct real {
	struct qf_schema *firm, *policy, *visit, *demand, *settings;
};

static struct qf_schema *load_real(const char *path)
{
	struct qf_schema *s = NULL;
	struct qf_error err;
	char buf[2048];

	if (qf_schema_load(path, &s, &err) != QF_OK)
		fail_msg("%s", qf_error_format(&err, buf, sizeof buf));
	return s;
}

static int setup_real(void **state)
{
	struct real *r = calloc(1, sizeof *r);

	if (!r)
		return -1;
	r->firm = load_real(QF_TEST_SOURCE_DIR "/schemas/firm.yaml");
	r->policy = load_real(QF_TEST_SOURCE_DIR "/schemas/policy.yaml");
	r->visit = load_real(QF_TEST_SOURCE_DIR "/schemas/visit.yaml");
	r->demand = load_real(QF_TEST_SOURCE_DIR "/schemas/demand.yaml");
	r->settings = load_real(QF_TEST_SOURCE_DIR "/schemas/settings.yaml");
	*state = r;
	return 0;
}

static int teardown_real(void **state)
{
	struct real *r = *state;

	qf_schema_free(r->firm);
	qf_schema_free(r->policy);
	qf_schema_free(r->visit);
	qf_schema_free(r->demand);
	qf_schema_free(r->settings);
	free(r);
	return 0;
}

static void test_real_load(void **state)
{
	struct real *r = *state;

	assert_non_null(r->firm);
	assert_non_null(r->policy);
	assert_non_null(r->visit);
	assert_non_null(r->demand);
	assert_non_null(r->settings);
}

static void test_firm(void **state)
{
	struct real *r = *state;

	expect(r->firm,
	       "---\n"
	       "id: F-HY-0012\n"
	       "name: 衡阳某某电子科技有限公司\n"
	       "credit_code: 91350100M000100Y43\n"
	       "park: 白沙洲工业园\n"
	       "sector: 电子信息\n"
	       "tags: [规上, 重点, 专精特新]\n"
	       "leader: 张三\n"
	       "liaison: 李四\n"
	       "contact: {name: 王五, title: 办公室主任, phone: "
	       "'0734-8888888'}\n"
	       "since: 2023-04-01\n"
	       "note: 一企一档\n", "");
	expect(r->firm, "id: F-HY-000001\nname: 燕京\n", "");
	expect(r->firm,
	       "---\n"
	       "id: F-HY-12\n"
	       "name: ''\n"
	       "credit_code: 914403001922038216\n"
	       "tags: [规上, 规上]\n"
	       "contact:\n"
	       "  mobile: '13800000000'\n"
	       "  phone: 13800000000\n"
	       "since: 2023-02-29\n"
	       "catgory: 制造\n",
	       "2:5: field 'id': 'F-HY-12' does not match "
	       "'^F-[A-Z][A-Z0-9]{1,7}-[0-9]{4,6}$'\n"
	       "3:7: field 'name': must not be empty\n"
	       "4:14: field 'credit_code': expected string, found integer "
	       "914403001922038216 (put it in quotes)\n"
	       "5:12: field 'tags[1]': '规上' is repeated (already at [0])\n"
	       "7:3: unknown field 'contact.mobile'\n"
	       "8:10: field 'contact.phone': expected string, found integer "
	       "13800000000 (put it in quotes)\n"
	       "9:8: field 'since': '2023-02-29' is not a valid date\n"
	       "10:1: unknown field 'catgory'\n");
	expect(r->firm, "\nname: x\ncredit_code: 91350100M000100Y44\n",
	       "2:1: missing required field 'id'\n"
	       "3:14: field 'credit_code': check digit is wrong ('3' "
	       "expected)\n");
	expect(r->firm, "id: F-HY-0001\nname: x\ncredit_code: "
	       "91350100I000100Y43\n",
	       "3:14: field 'credit_code': '91350100I000100Y43' is not a "
	       "credit code: 'I' at position 9 is not a digit or a capital "
	       "letter other than I, O, S, V, Z\n");
}

static void test_policy(void **state)
{
	struct real *r = *state;

	expect(r->policy,
	       "id: P-HY-0003\n"
	       "title: 关于支持专精特新企业发展的若干措施\n"
	       "issuer: 衡阳高新区管委会\n"
	       "issued: 2023-03-01\n"
	       "expires: 2025-12-31\n"
	       "summary: |\n"
	       "  对新认定的国家级专精特新小巨人企业给予奖励。\n"
	       "tags: [资金, 专精特新]\n", "");
	expect(r->policy, "id: P-HY-3\nexpires: 2025-13-01\ntags: 资金\n",
	       "1:1: missing required field 'title'\n"
	       "1:5: field 'id': 'P-HY-3' does not match "
	       "'^P-[A-Z][A-Z0-9]{1,7}-[0-9]{4,6}$'\n"
	       "2:10: field 'expires': '2025-13-01' is not a valid date\n"
	       "3:7: field 'tags': expected array, found string '资金'\n");
}

static void test_visit(void **state)
{
	struct real *r = *state;

	expect(r->visit,
	       "id: V-HY-202305-0012\n"
	       "date: 2023-05-09\n"
	       "firm: F-HY-0012\n"
	       "visitors: [张三, 李四]\n"
	       "kind: visit\n"
	       "policies: [P-HY-0003]\n"
	       "demands: [D-HY-202305-0007]\n"
	       "note: 企业反映流动资金紧张。\n", "");
	expect(r->visit,
	       "id: V-HY-202305-0013\n"
	       "date: 2023-05-10\n"
	       "firm: F-HY-0999\n"
	       "visitors: []\n"
	       "kind: 走访\n"
	       "policies: [P-HY-0003, P-HY-0003]\n",
	       "3:7: field 'firm': no firm 'F-HY-0999'\n"
	       "4:11: field 'visitors': 0 items, at least 1 needed\n"
	       "5:7: field 'kind': '走访' is not one of visit, survey, onsite, "
	       "meeting\n"
	       "6:23: field 'policies[1]': 'P-HY-0003' is repeated "
	       "(already at [0])\n");
}

static void test_demand(void **state)
{
	struct real *r = *state;

	expect(r->demand,
	       "---\n"
	       "id: D-HY-202305-0007\n"
	       "firm: F-HY-0012\n"
	       "opened: 2023-05-09\n"
	       "source: V-HY-202305-0012\n"
	       "kind: problem\n"
	       "level: local\n"
	       "category: financing\n"
	       "title: 流动资金贷款需求\n"
	       "detail: 企业申请流动资金贷款500万元。\n"
	       "amount: 5000000\n"
	       "dept: 经济发展局\n"
	       "codepts: [财政局, 金融办]\n"
	       "owner: 赵六\n"
	       "due: 2023-05-30\n"
	       "original_due: 2023-05-24\n"
	       "status: resolved\n"
	       "closed: 2023-05-28\n"
	       "resolution: 已对接银行放款。\n"
	       "satisfaction: satisfied\n"
	       "log:\n"
	       "  - {date: 2023-05-09, action: collect, by: 李四}\n"
	       "  - date: 2023-05-10\n"
	       "    action: assign\n"
	       "    dept: 经济发展局\n"
	       "    due: 2023-05-24\n"
	       "  - {date: 2023-05-20, action: extend, due: 2023-05-30, "
	       "note: 银行审批}\n"
	       "  - {date: 2023-05-28, action: resolve, by: 赵六}\n"
	       "  - {date: 2023-06-02, action: follow-up, satisfaction: "
	       "satisfied}\n", "");
	expect(r->demand,
	       "---\n"
	       "id: D-HY-202305-0008\n"
	       "firm: F-HY-0012\n"
	       "opened: 2023-02-30\n"
	       "kind: problm\n"
	       "level: 本级\n"
	       "category: land\n"
	       "title: 用地指标\n"
	       "amount: -5\n"
	       "status: open\n"
	       "log:\n"
	       "  - {date: 2023-05-10, action: collect}\n"
	       "  - {date: 2023-05-11, action: frob, satisfaction: ok}\n"
	       "  - {action: note, when: today}\n",
	       "4:9: field 'opened': '2023-02-30' is not a valid date\n"
	       "5:7: field 'kind': 'problm' is not one of problem, "
	       "suggestion\n"
	       "6:8: field 'level': '本级' is not one of local, higher\n"
	       "9:9: field 'amount': -5 is less than the minimum 0\n"
	       "13:32: field 'log[1].action': 'frob' is not one of collect, "
	       "assign, note, extend, return, urge, escalate, resolve, adopt, "
	       "decline, follow-up, reopen\n"
	       "13:52: field 'log[1].satisfaction': 'ok' is not one of "
	       "satisfied, basic, dissatisfied\n"
	       "14:5: missing required field 'log[2].date'\n"
	       "14:20: unknown field 'log[2].when'\n");
	expect(r->demand, "id: D-HY-202305-0009\n",
	       "1:1: missing required field 'firm'\n"
	       "1:1: missing required field 'opened'\n"
	       "1:1: missing required field 'kind'\n"
	       "1:1: missing required field 'level'\n"
	       "1:1: missing required field 'category'\n"
	       "1:1: missing required field 'title'\n"
	       "1:1: missing required field 'status'\n");
}

static void test_settings(void **state)
{
	struct real *r = *state;

	expect(r->settings,
	       "site: HY\n"
	       "organisation: 衡阳国家高新区管委会\n"
	       "campaign: 三送三解三优\n"
	       "campaign_start: 2023-04-01\n"
	       "lang: zh\n"
	       "due_days: 15\n"
	       "threshold: 90\n"
	       "user: \"\"\n"
	       "departments: [经济发展局, 自然资源局]\n"
	       "parks: [白沙洲工业园]\n", "");
	expect(r->settings,
	       "site: hy\n"
	       "organisation: x\n"
	       "campaign_start: 2023-04-01\n"
	       "lang: fr\n"
	       "due_days: 0\n"
	       "threshold: 101\n"
	       "departments: [经济发展局, 经济发展局]\n",
	       "1:7: field 'site': 'hy' does not match '^[A-Z][A-Z0-9]{1,7}$'\n"
	       "4:7: field 'lang': 'fr' is not one of zh, en\n"
	       "5:11: field 'due_days': 0 is less than the minimum 1\n"
	       "6:12: field 'threshold': 101 is greater than the maximum 100\n"
	       "7:22: field 'departments[1]': '经济发展局' is repeated "
	       "(already at [0])\n");
}

int main(void)
{
	const struct CMUnitTest unit[] = {
		cmocka_unit_test(test_credit_code_valid),
		cmocka_unit_test(test_credit_code_invalid),
		cmocka_unit_test(test_type),
		cmocka_unit_test(test_required),
		cmocka_unit_test(test_properties),
		cmocka_unit_test(test_additional_properties),
		cmocka_unit_test(test_enum_const),
		cmocka_unit_test(test_pattern),
		cmocka_unit_test(test_format_date),
		cmocka_unit_test(test_format_credit_code),
		cmocka_unit_test(test_minimum_maximum),
		cmocka_unit_test(test_length),
		cmocka_unit_test(test_items),
		cmocka_unit_test(test_xref),
		cmocka_unit_test(test_boolean_schema),
		cmocka_unit_test(test_not_a_mapping),
		cmocka_unit_test(test_node_tree),
		cmocka_unit_test(test_long_value_cut),
		cmocka_unit_test(test_schema_errors),
	};
	const struct CMUnitTest real[] = {
		cmocka_unit_test(test_real_load),
		cmocka_unit_test(test_firm),
		cmocka_unit_test(test_policy),
		cmocka_unit_test(test_visit),
		cmocka_unit_test(test_demand),
		cmocka_unit_test(test_settings),
	};
	int failed = cmocka_run_group_tests_name("schema keywords", unit, NULL,
						 NULL);

	failed += cmocka_run_group_tests_name("real schemas", real, setup_real,
					      teardown_real);
	return failed;
}
