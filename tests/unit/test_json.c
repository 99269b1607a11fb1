/* test_json.c - records as JSON (json.c): string literals, scalars by
 * their YAML type, nested mappings and sequences, compact and pretty
 * text.  Every output is also read back by a small JSON checker below, so
 * a case that compares exact text also proves the text is JSON. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsoncheck.h"
#include "qf/json.h"
#include "qf/node.h"
#include "qf/yaml.h"

/* ---- helpers ------------------------------------------------------- */

/* The JSON text of n (caller frees), checked to be JSON. */
static char *node_json(const struct qf_node *n, int indent, int level)
{
	struct qf_buf b = QF_BUF_INIT;

	assert_int_equal(qf_json_node(&b, n, indent, level),
			 0);
	assert_non_null(b.s);
	assert_int_equal(strlen(b.s), b.len);
	assert_true(b.len < b.cap);
	if (!jsoncheck_valid(b.s))
		fail_msg("not JSON: %s", b.s);
	return b.s;
}

static void assert_node_json(const struct qf_node *n, int indent, int level,
			     const char *want)
{
	char *got = node_json(n, indent, level);

	assert_string_equal(got, want);
	free(got);
}

/* The string literal of s, checked; also decodes it back to s. */
static void assert_string_json(const char *s, const char *want)
{
	struct qf_buf b = QF_BUF_INIT;
	char back[512];
	const char *p;

	assert_int_equal(qf_json_string(&b, s), 0);
	assert_int_equal(strlen(b.s), b.len);
	assert_string_equal(b.s, want);
	p = b.s;
	if (jsoncheck_string(&p, back, sizeof back) || *p)
		fail_msg("not a JSON string: %s", b.s);
	assert_string_equal(back, s);
	qf_buf_release(&b);
}

static struct qf_node *scalar(const char *s, enum qf_stype t)
{
	struct qf_node *n = qf_node_new_scalar_len(s, strlen(s), t);

	assert_non_null(n);
	return n;
}

/* One document read from YAML text (plain scalars resolved). */
static struct qf_node *yaml(const char *text)
{
	struct qf_reader *r;
	struct qf_doc d;
	struct qf_error err;

	assert_int_equal(qf_reader_open_mem(&r, text, strlen(text), "t.yaml",
					    &err), QF_OK);
	if (qf_reader_next(r, &d, &err) != 1)
		fail_msg("bad test YAML: %s", err.msg);
	qf_reader_free(r);
	assert_non_null(d.root);
	return d.root;
}

/* The checker itself: it must refuse what is not JSON, or the cases
 * below would prove nothing. */
static void test_checker(void **state)
{
	static const char *const bad[] = {
		"", "\"a\nb\"", "\"a\tb\"", "\"\\x\"", "\"\\u00g1\"", "\"open",
		"[1,]", "[1 2]", "{\"a\" 1}", "{a:1}", "{\"a\":1,}", "01", "+1",
		".5", "1.", "1e", "0x1f", "\"x\"y", "tru", "nul", "[", "]",
		"'a'", "NaN",
	};
	static const char *const good[] = {
		"\"\"", "0", "-0.5e+3", "[]", "{}", "[1,{\"a\":[null,true]}]",
		" \n{ \"k\" : \"v\\u001f\" } \n", "\"企业\"",
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (jsoncheck_valid(bad[i]))
			fail_msg("checker took %s", bad[i]);
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		if (!jsoncheck_valid(good[i]))
			fail_msg("checker refused %s", good[i]);
}

/* ---- qf_json_string ------------------------------------------------ */

static void test_string_plain(void **state)
{
	(void)state;
	assert_string_json("", "\"\"");
	assert_string_json("abc", "\"abc\"");
	assert_string_json("a b/c'd", "\"a b/c'd\"");
}

static void test_string_quote_backslash(void **state)
{
	(void)state;
	assert_string_json("\"", "\"\\\"\"");
	assert_string_json("\\", "\"\\\\\"");
	assert_string_json("say \"hi\" \\ bye", "\"say \\\"hi\\\" \\\\ bye\"");
	assert_string_json("C:\\dir\\", "\"C:\\\\dir\\\\\"");
	assert_string_json("\\u0041", "\"\\\\u0041\"");
}

static void test_string_controls(void **state)
{
	(void)state;
	assert_string_json("a\nb", "\"a\\nb\"");
	assert_string_json("a\tb", "\"a\\tb\"");
	assert_string_json("a\rb", "\"a\\rb\"");
	assert_string_json("\r\n", "\"\\r\\n\"");
	/* Every other C0 control as \u00XX, lowercase hex. */
	assert_string_json("\x01", "\"\\u0001\"");
	assert_string_json("\b", "\"\\u0008\"");
	assert_string_json("\f", "\"\\u000c\"");
	assert_string_json("\v", "\"\\u000b\"");
	assert_string_json("\x1b[31m", "\"\\u001b[31m\"");
	assert_string_json("\x1f", "\"\\u001f\"");
	/* DEL too; space is not a control. */
	assert_string_json("\x7f", "\"\\u007f\"");
	assert_string_json("x\x7fy z", "\"x\\u007fy z\"");
	/* Runs of plain bytes between escapes are kept in order. */
	assert_string_json("ab\ncd\x02" "ef\"gh",
			   "\"ab\\ncd\\u0002ef\\\"gh\"");
}

static void test_string_every_control(void **state)
{
	(void)state;
	for (int c = 1; c < 0x20; c++) {
		char s[2] = { (char)c, '\0' };
		char want[16];

		if (c == '\n')
			snprintf(want, sizeof want, "\"\\n\"");
		else if (c == '\t')
			snprintf(want, sizeof want, "\"\\t\"");
		else if (c == '\r')
			snprintf(want, sizeof want, "\"\\r\"");
		else
			snprintf(want, sizeof want, "\"\\u%04x\"", c);
		assert_string_json(s, want);
	}
}

static void test_string_utf8_raw(void **state)
{
	struct qf_buf b = QF_BUF_INIT;

	(void)state;
	/* Non-ASCII is written as UTF-8, never as \u escapes. */
	assert_string_json("企业诉求", "\"企业诉求\"");
	assert_string_json("é ü", "\"é ü\"");
	assert_string_json("“引号”", "\"“引号”\"");
	assert_string_json("😀", "\"😀\"");
	/* Other characters of U+0080..U+00FF stay raw; so does U+2028. */
	assert_string_json("\xc2\xa0|\xc3\xbf|\xe2\x80\xa8",
			   "\"\xc2\xa0|\xc3\xbf|\xe2\x80\xa8\"");
	/* A lone 0xc2 at the end is copied as it is. */
	assert_int_equal(qf_json_string(&b, "a\xc2"), 0);
	assert_string_equal(b.s, "\"a\xc2\"");
	qf_buf_release(&b);
}

static void test_string_c1_controls(void **state)
{
	(void)state;
	/* C1 controls (U+0080..U+009F) are escaped: terminals act on some. */
	assert_string_json("\xc2\x80", "\"\\u0080\"");
	assert_string_json("\xc2\x85", "\"\\u0085\"");
	assert_string_json("\xc2\x9b" "31m", "\"\\u009b31m\"");
	assert_string_json("\xc2\x9f", "\"\\u009f\"");
	assert_string_json("a\xc2\x85" "b\nc\xc2\x80",
			   "\"a\\u0085b\\nc\\u0080\"");
	assert_string_json("企\xc2\x9b业", "\"企\\u009b业\"");
}

static void test_string_appends(void **state)
{
	struct qf_buf b = QF_BUF_INIT;

	(void)state;
	assert_int_equal(qf_json_string(&b, "a"), 0);
	assert_int_equal(qf_json_string(&b, "\n"), 0);
	assert_int_equal(qf_json_string(&b, ""), 0);
	assert_string_equal(b.s, "\"a\"\"\\n\"\"\"");
	assert_int_equal(b.len, strlen(b.s));
	qf_buf_release(&b);
}

static void test_string_long(void **state)
{
	/* Longer than any first allocation, with escapes all along. */
	size_t n = 5000;
	char *s = malloc(n + 1), *want = malloc(n * 6 + 3);
	struct qf_buf b = QF_BUF_INIT;
	size_t k = 0;

	(void)state;
	assert_non_null(s);
	assert_non_null(want);
	want[k++] = '"';
	for (size_t i = 0; i < n; i++) {
		s[i] = "ab\"\x01\\c"[i % 6];
		switch (s[i]) {
		case '"': memcpy(want + k, "\\\"", 2); k += 2; break;
		case '\\': memcpy(want + k, "\\\\", 2); k += 2; break;
		case '\x01': memcpy(want + k, "\\u0001", 6); k += 6; break;
		default: want[k++] = s[i]; break;
		}
	}
	s[n] = '\0';
	want[k++] = '"';
	want[k] = '\0';
	assert_int_equal(qf_json_string(&b, s), 0);
	assert_int_equal(b.len, k);
	assert_string_equal(b.s, want);
	assert_true(jsoncheck_valid(b.s));
	qf_buf_release(&b);
	free(s);
	free(want);
}

/* ---- scalars ------------------------------------------------------- */

static void test_scalar_types(void **state)
{
	static const struct {
		const char *s;
		enum qf_stype t;
		const char *want;
	} cases[] = {
		{ "12", QF_STYPE_INT, "12" },
		{ "0", QF_STYPE_INT, "0" },
		{ "-3", QF_STYPE_INT, "-3" },
		{ "5000000", QF_STYPE_INT, "5000000" },
		{ "1.5", QF_STYPE_FLOAT, "1.5" },
		{ "-0.25", QF_STYPE_FLOAT, "-0.25" },
		{ "1e3", QF_STYPE_FLOAT, "1e3" },
		{ "2.5E-2", QF_STYPE_FLOAT, "2.5E-2" },
		{ "1e+3", QF_STYPE_FLOAT, "1e+3" },
		{ "true", QF_STYPE_BOOL, "true" },
		{ "True", QF_STYPE_BOOL, "true" },
		{ "TRUE", QF_STYPE_BOOL, "true" },
		{ "false", QF_STYPE_BOOL, "false" },
		{ "False", QF_STYPE_BOOL, "false" },
		{ "FALSE", QF_STYPE_BOOL, "false" },
		{ "null", QF_STYPE_NULL, "null" },
		{ "~", QF_STYPE_NULL, "null" },
		{ "", QF_STYPE_NULL, "null" },
		/* Strings stay strings whatever they look like. */
		{ "123", QF_STYPE_STR, "\"123\"" },
		{ "true", QF_STYPE_STR, "\"true\"" },
		{ "null", QF_STYPE_STR, "\"null\"" },
		{ "", QF_STYPE_STR, "\"\"" },
		{ "2023-05-01", QF_STYPE_STR, "\"2023-05-01\"" },
		/* YAML numbers JSON cannot spell become strings. */
		{ "0x1f", QF_STYPE_INT, "\"0x1f\"" },
		{ "0o17", QF_STYPE_INT, "\"0o17\"" },
		{ "+3", QF_STYPE_INT, "\"+3\"" },
		{ "007", QF_STYPE_INT, "\"007\"" },
		{ "-007", QF_STYPE_INT, "\"-007\"" },
		{ ".inf", QF_STYPE_FLOAT, "\".inf\"" },
		{ "-.inf", QF_STYPE_FLOAT, "\"-.inf\"" },
		{ "+.INF", QF_STYPE_FLOAT, "\"+.INF\"" },
		{ ".nan", QF_STYPE_FLOAT, "\".nan\"" },
		{ ".5", QF_STYPE_FLOAT, "\".5\"" },
		{ "1.", QF_STYPE_FLOAT, "\"1.\"" },
		{ "+1.5", QF_STYPE_FLOAT, "\"+1.5\"" },
		{ "1.e3", QF_STYPE_FLOAT, "\"1.e3\"" },
		{ "01.5", QF_STYPE_FLOAT, "\"01.5\"" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct qf_node *n = scalar(cases[i].s, cases[i].t);
		char *got = node_json(n, 0, 0);

		if (strcmp(got, cases[i].want))
			fail_msg("case %zu \"%s\": got %s, want %s", i,
				 cases[i].s, got, cases[i].want);
		free(got);
		/* Indentation does not change a scalar. */
		got = node_json(n, 2, 3);
		assert_string_equal(got, cases[i].want);
		free(got);
		qf_node_free(n);
	}
}

static void test_scalar_null_node(void **state)
{
	(void)state;
	assert_node_json(NULL, 0, 0, "null");
	assert_node_json(NULL, 2, 1, "null");
}

/* The same as read from YAML: plain scalars resolved, quoted ones not. */
static void test_scalars_from_yaml(void **state)
{
	struct qf_node *n = yaml(
		"---\n"
		"int: 12\n"
		"neg: -3\n"
		"hex: 0x1f\n"
		"oct: 0o17\n"
		"plus: +3\n"
		"float: 1.5\n"
		"inf: .inf\n"
		"nan: .nan\n"
		"yes: true\n"
		"no: False\n"
		"nil: ~\n"
		"empty:\n"
		"quoted: '12'\n"
		"qtrue: \"true\"\n"
		"word: yes\n"
		"date: 2023-05-01\n");

	(void)state;
	assert_node_json(n, 0, 0,
		"{\"int\":12,\"neg\":-3,\"hex\":\"0x1f\",\"oct\":\"0o17\","
		"\"plus\":\"+3\",\"float\":1.5,\"inf\":\".inf\","
		"\"nan\":\".nan\",\"yes\":true,\"no\":false,\"nil\":null,"
		"\"empty\":null,\"quoted\":\"12\",\"qtrue\":\"true\","
		"\"word\":\"yes\",\"date\":\"2023-05-01\"}");
	qf_node_free(n);
}

/* ---- collections --------------------------------------------------- */

static struct qf_node *sample(void)
{
	return yaml(
		"---\n"
		"id: D-HY-202305-0007\n"
		"amount: 5000000\n"
		"codepts: [财政局, \"税\\\"务\"]\n"
		"empty_seq: []\n"
		"empty_map: {}\n"
		"nested: {a: [1, [2, {}], {b: null}]}\n"
		"log:\n"
		"- date: 2023-05-01\n"
		"  action: collect\n"
		"- note: \"a\\nb\"\n");
}

static void test_nested_compact(void **state)
{
	struct qf_node *n = sample();

	(void)state;
	assert_node_json(n, 0, 0,
		"{\"id\":\"D-HY-202305-0007\",\"amount\":5000000,"
		"\"codepts\":[\"财政局\",\"税\\\"务\"],\"empty_seq\":[],"
		"\"empty_map\":{},\"nested\":{\"a\":[1,[2,{}],{\"b\":null}]},"
		"\"log\":[{\"date\":\"2023-05-01\",\"action\":\"collect\"},"
		"{\"note\":\"a\\nb\"}]}");
	/* A negative indent is compact too; level is then ignored. */
	assert_node_json(n, -1, 5,
		"{\"id\":\"D-HY-202305-0007\",\"amount\":5000000,"
		"\"codepts\":[\"财政局\",\"税\\\"务\"],\"empty_seq\":[],"
		"\"empty_map\":{},\"nested\":{\"a\":[1,[2,{}],{\"b\":null}]},"
		"\"log\":[{\"date\":\"2023-05-01\",\"action\":\"collect\"},"
		"{\"note\":\"a\\nb\"}]}");
	qf_node_free(n);
}

static void test_nested_indent2(void **state)
{
	struct qf_node *n = sample();

	(void)state;
	assert_node_json(n, 2, 0,
		"{\n"
		"  \"id\": \"D-HY-202305-0007\",\n"
		"  \"amount\": 5000000,\n"
		"  \"codepts\": [\n"
		"    \"财政局\",\n"
		"    \"税\\\"务\"\n"
		"  ],\n"
		"  \"empty_seq\": [],\n"
		"  \"empty_map\": {},\n"
		"  \"nested\": {\n"
		"    \"a\": [\n"
		"      1,\n"
		"      [\n"
		"        2,\n"
		"        {}\n"
		"      ],\n"
		"      {\n"
		"        \"b\": null\n"
		"      }\n"
		"    ]\n"
		"  },\n"
		"  \"log\": [\n"
		"    {\n"
		"      \"date\": \"2023-05-01\",\n"
		"      \"action\": \"collect\"\n"
		"    },\n"
		"    {\n"
		"      \"note\": \"a\\nb\"\n"
		"    }\n"
		"  ]\n"
		"}");
	qf_node_free(n);
}

static void test_indent_level_and_width(void **state)
{
	struct qf_node *n = yaml("---\na: [1, x]\nb: {c: true}\n");

	(void)state;
	/* Starting at level 1 (as in a list of records): the inner lines are
	 * two levels in, the closing brace one; the opening one is not
	 * indented (the caller placed it). */
	assert_node_json(n, 2, 1,
		"{\n"
		"    \"a\": [\n"
		"      1,\n"
		"      \"x\"\n"
		"    ],\n"
		"    \"b\": {\n"
		"      \"c\": true\n"
		"    }\n"
		"  }");
	assert_node_json(n, 4, 0,
		"{\n"
		"    \"a\": [\n"
		"        1,\n"
		"        \"x\"\n"
		"    ],\n"
		"    \"b\": {\n"
		"        \"c\": true\n"
		"    }\n"
		"}");
	assert_node_json(n, 1, 0,
		"{\n \"a\": [\n  1,\n  \"x\"\n ],\n \"b\": {\n  \"c\": true\n }\n}");
	qf_node_free(n);
}

static void test_top_level_seq_and_empties(void **state)
{
	struct qf_node *seq = qf_node_new_seq(), *map = qf_node_new_map();

	(void)state;
	assert_non_null(seq);
	assert_non_null(map);
	assert_node_json(seq, 0, 0, "[]");
	assert_node_json(seq, 2, 0, "[]");
	assert_node_json(map, 0, 0, "{}");
	assert_node_json(map, 2, 3, "{}");
	assert_int_equal(qf_node_seq_append(seq, scalar("a", QF_STYPE_STR)),
			 0);
	assert_int_equal(qf_node_seq_append(seq, scalar("~", QF_STYPE_NULL)),
			 0);
	assert_int_equal(qf_node_seq_append(seq, map), 0);
	assert_node_json(seq, 0, 0, "[\"a\",null,{}]");
	assert_node_json(seq, 2, 0, "[\n  \"a\",\n  null,\n  {}\n]");
	qf_node_free(seq);
}

static void test_keys_escaped(void **state)
{
	struct qf_node *n = yaml(
		"---\n"
		"\"a\\\"b\": 1\n"
		"\"tab\\tkey\": 2\n"
		"12: twelve\n"
		"true: yes\n"
		"名称: 企业\n");

	(void)state;
	/* Keys are always strings, whatever YAML made of them. */
	assert_node_json(n, 0, 0,
		"{\"a\\\"b\":1,\"tab\\tkey\":2,\"12\":\"twelve\","
		"\"true\":\"yes\",\"名称\":\"企业\"}");
	qf_node_free(n);
}

static void test_appends_to_buffer(void **state)
{
	struct qf_node *n = yaml("---\nk: v\n");
	struct qf_buf b = QF_BUF_INIT;

	(void)state;
	assert_int_equal(qf_json_string(&b, "x"), 0);
	assert_int_equal(qf_json_node(&b, n, 0, 0), 0);
	assert_int_equal(qf_json_node(&b, NULL, 0, 0), 0);
	assert_string_equal(b.s, "\"x\"{\"k\":\"v\"}null");
	assert_int_equal(b.len, strlen(b.s));
	qf_buf_release(&b);
	qf_node_free(n);
}

static void test_deep_and_wide(void **state)
{
	struct qf_node *root = qf_node_new_seq(), *cur = root;
	char *got;

	(void)state;
	assert_non_null(root);
	for (int i = 0; i < 20; i++) {
		struct qf_node *m = qf_node_new_map();
		assert_non_null(m);
		assert_int_equal(qf_node_map_set_str(m, "k", "v\"\n"), 0);
		assert_int_equal(qf_node_seq_append(cur, m), 0);
		cur = qf_node_new_seq();
		assert_non_null(cur);
		assert_int_equal(qf_node_map_set(m, "in", cur), 0);
	}
	for (int i = 0; i < 300; i++)
		assert_int_equal(qf_node_seq_append(cur,
				 scalar("12", QF_STYPE_INT)), 0);
	got = node_json(root, 0, 0);
	assert_int_equal(strncmp(got, "[{\"k\":\"v\\\"\\n\",\"in\":[{", 21),
			 0);
	free(got);
	got = node_json(root, 2, 0);
	free(got);
	qf_node_free(root);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_checker),
		cmocka_unit_test(test_string_plain),
		cmocka_unit_test(test_string_quote_backslash),
		cmocka_unit_test(test_string_controls),
		cmocka_unit_test(test_string_every_control),
		cmocka_unit_test(test_string_utf8_raw),
		cmocka_unit_test(test_string_c1_controls),
		cmocka_unit_test(test_string_appends),
		cmocka_unit_test(test_string_long),
		cmocka_unit_test(test_scalar_types),
		cmocka_unit_test(test_scalar_null_node),
		cmocka_unit_test(test_scalars_from_yaml),
		cmocka_unit_test(test_nested_compact),
		cmocka_unit_test(test_nested_indent2),
		cmocka_unit_test(test_indent_level_and_width),
		cmocka_unit_test(test_top_level_seq_and_empties),
		cmocka_unit_test(test_keys_escaped),
		cmocka_unit_test(test_appends_to_buffer),
		cmocka_unit_test(test_deep_and_wide),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
