/* test_table.c - lists for people and for programs (table.c): adding rows,
 * sorting, choosing columns, and rendering as an aligned table, TSV, CSV,
 * JSON and YAML. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qf/node.h"
#include "qf/table.h"
#include "qf/text.h"
#include "qf/yaml.h"

/* ---- helpers ------------------------------------------------------- */

static struct qf_table *table3(void)
{
	static const char *const names[] = { "id", "name", "n" };
	static const int numeric[] = { 0, 0, 1 };
	struct qf_table *t = qf_table_new(names, numeric, 3);

	assert_non_null(t);
	return t;
}

static void add3(struct qf_table *t, const char *a, const char *b,
		 const char *c)
{
	const char *cells[3] = { a, b, c };

	assert_int_equal(qf_table_add(t, cells, NULL), 0);
}

static void add_rec(struct qf_table *t, const char *a, const char *b,
		    const char *c, struct qf_node *rec)
{
	const char *cells[3] = { a, b, c };

	/* The table keeps the record's text, not the record. */
	assert_int_equal(qf_table_add(t, cells, rec), 0);
	qf_node_free(rec);
}

/* Column c of every row joined by "|". */
static const char *column(const struct qf_table *t, size_t c)
{
	static char buf[1024];
	size_t used = 0;

	buf[0] = '\0';
	for (size_t r = 0; r < qf_table_nrows(t); r++) {
		int w = snprintf(buf + used, sizeof buf - used, "%s%s",
				 r ? "|" : "", qf_table_cell(t, r, c));
		assert_true(w >= 0 && (size_t)w < sizeof buf - used);
		used += (size_t)w;
	}
	return buf;
}

static char *render(const struct qf_table *t, enum qf_format fmt, int header,
		    int bom)
{
	struct qf_render_opts o = { fmt, header, 0, -1, bom };
	char *s = qf_table_render(t, &o);

	assert_non_null(s);
	return s;
}

static void assert_render(const struct qf_table *t, enum qf_format fmt,
			  int header, int bom, const char *want)
{
	char *got = render(t, fmt, header, bom);

	assert_string_equal(got, want);
	free(got);
}

static void assert_table(const struct qf_table *t, size_t width, int fit,
			 const char *want)
{
	struct qf_render_opts o = { QF_FMT_TABLE, 1, width, fit, 0 };
	char *got = qf_table_render(t, &o);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

/* The widest line of s, in terminal columns. */
static size_t widest(const char *s)
{
	size_t max = 0;

	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		char *line = strndup(s, n);
		size_t w;

		assert_non_null(line);
		w = qf_text_width(line);
		if (w > max)
			max = w;
		free(line);
		s += n + (nl ? 1 : 0);
	}
	return max;
}

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

static int teardown_table(void **state)
{
	qf_table_free(*state);
	return 0;
}

/* ---- new, add, col ------------------------------------------------- */

static void test_new_add(void **state)
{
	static const char *const names[] = { "a", "b" };
	char cell[8] = "x";
	const char *cells[2] = { cell, NULL };
	struct qf_table *t = qf_table_new(names, NULL, 2);

	*state = t;
	assert_non_null(t);
	assert_int_equal(qf_table_ncols(t), 2);
	assert_string_equal(qf_table_name(t, 0), "a");
	assert_string_equal(qf_table_name(t, 1), "b");
	assert_int_equal(qf_table_nrows(t), 0);
	assert_int_equal(qf_table_add(t, cells, NULL), 0);
	/* Cells are copied; NULL is the empty cell. */
	cell[0] = 'y';
	assert_int_equal(qf_table_nrows(t), 1);
	assert_string_equal(qf_table_cell(t, 0, 0), "x");
	assert_string_equal(qf_table_cell(t, 0, 1), "");
	assert_null(qf_table_record(t, 0));
	/* numeric NULL: every column text (JSON quotes it). */
	cells[1] = "12";
	assert_int_equal(qf_table_add(t, cells, NULL), 0);
	assert_render(t, QF_FMT_JSON, 0, 0,
		      "[\n  {\"a\": \"x\", \"b\": \"\"},\n"
		      "  {\"a\": \"y\", \"b\": \"12\"}\n]\n");
}

static void test_add_many(void **state)
{
	struct qf_table *t = table3();
	char a[16], n[16];

	*state = t;
	qf_table_keep_records(t, QF_FMT_JSON);
	for (int i = 0; i < 300; i++) {
		snprintf(a, sizeof a, "r%03d", i);
		snprintf(n, sizeof n, "%d", i);
		add_rec(t, a, "x", n, i % 3 ? NULL : qf_node_new_map());
	}
	assert_int_equal(qf_table_nrows(t), 300);
	for (size_t i = 0; i < 300; i++) {
		snprintf(a, sizeof a, "r%03zu", i);
		assert_string_equal(qf_table_cell(t, i, 0), a);
		assert_true((qf_table_record(t, i) != NULL) == (i % 3 == 0));
		if (i % 3 == 0)
			assert_string_equal(qf_table_record(t, i), "{}");
	}
}

static void test_col(void **state)
{
	struct qf_table *t = table3();

	*state = t;
	assert_int_equal(qf_table_col(t, "id"), 0);
	assert_int_equal(qf_table_col(t, "name"), 1);
	assert_int_equal(qf_table_col(t, "n"), 2);
	assert_int_equal(qf_table_col(t, "N"), -1);
	assert_int_equal(qf_table_col(t, "nam"), -1);
	assert_int_equal(qf_table_col(t, ""), -1);
}

static void test_format_parse(void **state)
{
	(void)state;
	assert_int_equal(qf_format_parse("table"), QF_FMT_TABLE);
	assert_int_equal(qf_format_parse("tsv"), QF_FMT_TSV);
	assert_int_equal(qf_format_parse("csv"), QF_FMT_CSV);
	assert_int_equal(qf_format_parse("json"), QF_FMT_JSON);
	assert_int_equal(qf_format_parse("yaml"), QF_FMT_YAML);
	assert_int_equal(qf_format_parse("CSV"), -1);
	assert_int_equal(qf_format_parse("yml"), -1);
	assert_int_equal(qf_format_parse(""), -1);
}

/* ---- sort ---------------------------------------------------------- */

static void test_sort_text(void **state)
{
	struct qf_table *t = table3();

	*state = t;
	add3(t, "1", "b", NULL);
	add3(t, "2", "a", NULL);
	add3(t, "3", "B", NULL);
	add3(t, "4", "", NULL);
	add3(t, "5", "ab", NULL);
	add3(t, "6", "企业", NULL);
	add3(t, "7", "10", NULL);
	add3(t, "8", "9", NULL);
	/* By bytes: digits (as numbers), capitals, small letters, UTF-8;
	 * empty last. */
	assert_int_equal(qf_table_sort(t, 1, 0), 0);
	assert_string_equal(column(t, 1), "9|10|B|a|ab|b|企业|");
	assert_string_equal(column(t, 0), "8|7|3|2|5|1|6|4");
	assert_int_equal(qf_table_sort(t, 1, 1), 0);
	assert_string_equal(column(t, 1), "企业|b|ab|a|B|10|9|");
	assert_string_equal(column(t, 0), "6|1|5|2|3|7|8|4");
}

static void test_sort_numeric(void **state)
{
	struct qf_table *t = table3();

	*state = t;
	add3(t, "a", NULL, "10");
	add3(t, "b", NULL, "9");
	add3(t, "c", NULL, "");
	add3(t, "d", NULL, "-1");
	add3(t, "e", NULL, "2.5");
	add3(t, "f", NULL, "100");
	add3(t, "g", NULL, NULL);
	qf_table_sort(t, 2, 0);
	assert_string_equal(column(t, 2), "-1|2.5|9|10|100||");
	assert_string_equal(column(t, 0), "d|e|b|a|f|c|g");
	/* Descending: empty cells still last, in their order. */
	qf_table_sort(t, 2, 1);
	assert_string_equal(column(t, 2), "100|10|9|2.5|-1||");
	assert_string_equal(column(t, 0), "f|a|b|e|d|c|g");
}

static void test_sort_stable(void **state)
{
	struct qf_table *t = table3();

	*state = t;
	add3(t, "1", "x", "5");
	add3(t, "2", "y", "3");
	add3(t, "3", "x", "5.0");
	add3(t, "4", "", "");
	add3(t, "5", "y", "3");
	add3(t, "6", "x", "05");
	add3(t, "7", "", "");
	/* Equal values keep their order, ascending and descending. */
	qf_table_sort(t, 2, 0);
	assert_string_equal(column(t, 0), "2|5|1|3|6|4|7");
	qf_table_sort(t, 2, 1);
	assert_string_equal(column(t, 0), "1|3|6|2|5|4|7");
	qf_table_sort(t, 1, 0);
	assert_string_equal(column(t, 0), "1|3|6|2|5|4|7");
	qf_table_sort(t, 1, 1);
	assert_string_equal(column(t, 0), "2|5|1|3|6|4|7");
	qf_table_sort(t, 0, 1);
	assert_string_equal(column(t, 0), "7|6|5|4|3|2|1");
}

static void test_sort_moves_records(void **state)
{
	struct qf_table *t = table3();

	*state = t;
	qf_table_keep_records(t, QF_FMT_YAML);
	add_rec(t, "a", "3", "3", yaml("a: 3"));
	add_rec(t, "b", "1", "1", NULL);
	add_rec(t, "c", "2", "2", yaml("c: 2"));
	qf_table_sort(t, 2, 0);
	assert_string_equal(column(t, 0), "b|c|a");
	assert_string_equal(column(t, 1), "1|2|3");
	assert_null(qf_table_record(t, 0));
	assert_string_equal(qf_table_record(t, 1), "---\nc: 2\n");
	assert_string_equal(qf_table_record(t, 2), "---\na: 3\n");
}

static void test_sort_noop(void **state)
{
	struct qf_table *t = table3();

	*state = t;
	qf_table_sort(t, 0, 0);
	add3(t, "b", NULL, NULL);
	qf_table_sort(t, 0, 0);
	add3(t, "a", NULL, NULL);
	/* A column that does not exist: nothing moves. */
	qf_table_sort(t, 3, 0);
	qf_table_sort(t, 1000, 1);
	assert_string_equal(column(t, 0), "b|a");
	qf_table_sort(t, 0, 0);
	assert_string_equal(column(t, 0), "a|b");
}


/* IDs compare by their parts: a sequence of five digits after one of
 * four, dates and numbers inside text by value. */
static void test_sort_natural(void **state)
{
	struct qf_table *t = table3();

	*state = t;
	add3(t, "D-HY-202401-10000", NULL, NULL);
	add3(t, "D-HY-202401-1001", NULL, NULL);
	add3(t, "D-HY-202312-0002", NULL, NULL);
	add3(t, "D-HY-202401-0999", NULL, NULL);
	add3(t, "D-HY-202401-999", NULL, NULL);
	add3(t, "V-HY-202401-0001", NULL, NULL);
	add3(t, "第10号", NULL, NULL);
	add3(t, "第9号", NULL, NULL);
	qf_table_sort(t, 0, 0);
	/* 0999 and 999 are the same number: they keep their order. */
	assert_string_equal(column(t, 0),
			    "D-HY-202312-0002|D-HY-202401-0999|D-HY-202401-999|"
			    "D-HY-202401-1001|D-HY-202401-10000|"
			    "V-HY-202401-0001|第9号|第10号");
}

/* Many rows in a scrambled order sort as a reference sort does, stably,
 * with the rows' other cells going along. */
static int ref_cmp(const void *a, const void *b)
{
	const int *x = a, *y = b;
	/* key = v % 97, ties by insertion index */
	return x[0] % 97 != y[0] % 97 ? (x[0] % 97 > y[0] % 97) - (x[0] % 97 < y[0] % 97) :
	       (x[1] > y[1]) - (x[1] < y[1]);
}

static void test_sort_many(void **state)
{
	enum { N = 20000 };
	struct qf_table *t = table3();
	static int ref[N][2];
	char a[16], n[16];

	*state = t;
	for (int i = 0; i < N; i++) {
		int v = (int)(((unsigned)i * 2654435761u) % 100000u);
		ref[i][0] = v;
		ref[i][1] = i;
		snprintf(a, sizeof a, "%d", i);
		snprintf(n, sizeof n, "%d", v % 97);
		add3(t, a, NULL, n);
	}
	assert_int_equal(qf_table_sort(t, 2, 0), 0);
	qsort(ref, N, sizeof ref[0], ref_cmp);
	for (int i = 0; i < N; i++) {
		snprintf(a, sizeof a, "%d", ref[i][1]);
		assert_string_equal(qf_table_cell(t, (size_t)i, 0), a);
	}
}

/* qf_table_keep: rows hold only those columns; a column kept but not
 * shown still sorts; unknown names and a late call are refused. */
static void test_keep(void **state)
{
	static const char *const keep[] = { "n", "id" };
	static const char *const show[] = { "id" };
	static const char *const nope[] = { "id", "x" };
	struct qf_table *t = table3();
	const char *bad = NULL;

	*state = t;
	assert_int_equal(qf_table_keep(t, nope, 2, &bad), -1);
	assert_ptr_equal(bad, nope[1]);
	assert_int_equal(qf_table_keep(t, keep, 2, &bad), 0);
	assert_int_equal(qf_table_ncols(t), 2);
	add3(t, "a", "甲", "3");
	add3(t, "b", "乙", "1");
	add3(t, "c", "丙", "2");
	assert_int_equal(qf_table_col(t, "name"), -1);
	assert_int_equal(qf_table_keep(t, keep, 2, &bad), -1);
	assert_null(bad);
	qf_table_sort(t, (size_t)qf_table_col(t, "n"), 0);
	assert_int_equal(qf_table_select(t, show, 1, &bad), 0);
	assert_render(t, QF_FMT_TSV, 1, 0, "id\nb\nc\na\n");
	assert_int_equal(qf_table_select(t, (const char *const[]){ "name" },
					 1, &bad), -1);
	assert_string_equal(bad, "name");
}

/* TSV and the table print plain text as it is and escape the rest:
 * C0, DEL, C1 (U+0085), a backslash in TSV. */
static void test_escape_fast_path(void **state)
{
	struct qf_table *t = table3();

	*state = t;
	add3(t, "企业\xc2\x85x", "a\x7f" "b", "é\\");
	assert_render(t, QF_FMT_TSV, 0, 0, "企业\\u0085x\ta\\x7Fb\té\\\\\n");
	assert_table(t, 0, -1, "id           name    n\n企业\\u0085x  a\\x7Fb  é\\\n");
}

/* ---- select -------------------------------------------------------- */

static void test_select(void **state)
{
	static const char *const pick[] = { "n", "id" };
	struct qf_table *t = table3();
	const char *bad = "untouched";

	*state = t;
	add3(t, "a", "甲", "1");
	add3(t, "b", "乙", "");
	assert_int_equal(qf_table_select(t, pick, 2, &bad), 0);
	assert_null(bad);
	assert_int_equal(qf_table_ncols(t), 2);
	assert_int_equal(qf_table_nrows(t), 2);
	assert_string_equal(qf_table_name(t, 0), "n");
	assert_string_equal(qf_table_name(t, 1), "id");
	assert_string_equal(column(t, 0), "1|");
	assert_string_equal(column(t, 1), "a|b");
	assert_int_equal(qf_table_col(t, "name"), -1);
	assert_int_equal(qf_table_col(t, "id"), 1);
	/* numeric follows its column: JSON gives it as a number. */
	assert_render(t, QF_FMT_JSON, 0, 0,
		      "[\n  {\"n\": 1, \"id\": \"a\"},\n"
		      "  {\"n\": \"\", \"id\": \"b\"}\n]\n");
	/* The table still grows (rows give every column) and sorts by the
	 * shown ones. */
	add3(t, "c", "丙", "0");
	for (int i = 0; i < 40; i++)
		add3(t, "z", "丁", "7");
	assert_int_equal(qf_table_nrows(t), 43);
	qf_table_sort(t, 0, 0);
	assert_string_equal(qf_table_cell(t, 0, 0), "0");
	assert_string_equal(qf_table_cell(t, 0, 1), "c");
	assert_string_equal(qf_table_cell(t, 1, 0), "1");
	assert_string_equal(qf_table_cell(t, 42, 0), "");
	assert_string_equal(qf_table_cell(t, 42, 1), "b");
	/* The columns hidden are still there to show again. */
	assert_int_equal(qf_table_select(t, (const char *const[]){ "name" },
					 1, &bad), 0);
	assert_string_equal(qf_table_cell(t, 0, 0), "丙");
}

static void test_select_repeat_and_one(void **state)
{
	static const char *const twice[] = { "name", "name" };
	static const char *const one[] = { "name" };
	struct qf_table *t = table3();
	const char *bad = NULL;

	*state = t;
	add3(t, "a", "x", "1");
	assert_int_equal(qf_table_select(t, twice, 2, &bad), 0);
	assert_int_equal(qf_table_ncols(t), 2);
	assert_string_equal(column(t, 0), "x");
	assert_string_equal(column(t, 1), "x");
	assert_int_equal(qf_table_select(t, one, 1, &bad), 0);
	assert_int_equal(qf_table_ncols(t), 1);
	assert_string_equal(qf_table_name(t, 0), "name");
	assert_render(t, QF_FMT_TSV, 1, 0, "name\nx\n");
}

static void test_select_unknown(void **state)
{
	static const char *const pick[] = { "id", "nope", "also-not" };
	struct qf_table *t = table3();
	const char *bad = NULL;
	char *before, *after;

	*state = t;
	add3(t, "a", "甲", "1");
	add3(t, "b", "乙", "2");
	before = render(t, QF_FMT_TSV, 1, 0);
	assert_int_equal(qf_table_select(t, pick, 3, &bad), -1);
	/* The first unknown name, as given. */
	assert_ptr_equal(bad, pick[1]);
	assert_int_equal(qf_table_ncols(t), 3);
	assert_int_equal(qf_table_nrows(t), 2);
	assert_string_equal(qf_table_name(t, 2), "n");
	after = render(t, QF_FMT_TSV, 1, 0);
	assert_string_equal(after, before);
	assert_string_equal(after, "id\tname\tn\na\t甲\t1\nb\t乙\t2\n");
	free(before);
	free(after);
}

/* ---- TSV ----------------------------------------------------------- */

static void test_tsv(void **state)
{
	struct qf_table *t = table3();

	*state = t;
	add3(t, "a\tb", "line1\nline2", "12");
	add3(t, "C:\\x", "cr\rhere", "");
	add3(t, "", "企业 \"q\"", NULL);
#define ROWS "a\\tb\tline1\\nline2\t12\n" \
	     "C:\\\\x\tcr\\rhere\t\n" \
	     "\t企业 \"q\"\t\n"
	assert_render(t, QF_FMT_TSV, 1, 0, "id\tname\tn\n" ROWS);
	assert_render(t, QF_FMT_TSV, 0, 0, ROWS);
#undef ROWS
}

static void test_tsv_controls_and_empty(void **state)
{
	struct qf_table *t = table3();

	*state = t;
	/* No header and no rows: nothing at all. */
	assert_render(t, QF_FMT_TSV, 0, 0, "");
	assert_render(t, QF_FMT_TSV, 1, 0, "id\tname\tn\n");
	add3(t, "\x1b[31m", "\x01\x7f", "\xc2\x85");
	assert_render(t, QF_FMT_TSV, 0, 0, "\\e[31m\t\\x01\\x7F\t\\u0085\n");
}

/* ---- CSV ----------------------------------------------------------- */

static void test_csv_quoting(void **state)
{
	struct qf_table *t = table3();

	*state = t;
	add3(t, "plain", "a,b", "1");
	add3(t, "say \"hi\"", "two\nlines", "22");
	add3(t, "cr\rin", "", "");
	add3(t, "企业", "x y", NULL);
#define ROWS "plain,\"a,b\",1\r\n" \
	     "\"say \"\"hi\"\"\",\"two\nlines\",22\r\n" \
	     "\"cr\rin\",,\r\n" \
	     "企业,x y,\r\n"
	assert_render(t, QF_FMT_CSV, 1, 0, "id,name,n\r\n" ROWS);
	assert_render(t, QF_FMT_CSV, 0, 0, ROWS);
#undef ROWS
}

static void test_csv_bom(void **state)
{
	struct qf_table *t = table3();

	*state = t;
	assert_render(t, QF_FMT_CSV, 0, 1, "\xef\xbb\xbf");
	assert_render(t, QF_FMT_CSV, 0, 0, "");
	assert_render(t, QF_FMT_CSV, 1, 1, "\xef\xbb\xbfid,name,n\r\n");
	add3(t, "a", "b", "1");
	assert_render(t, QF_FMT_CSV, 1, 1,
		      "\xef\xbb\xbfid,name,n\r\na,b,1\r\n");
	assert_render(t, QF_FMT_CSV, 0, 1, "\xef\xbb\xbf" "a,b,1\r\n");
}

static void test_csv_neutralise(void **state)
{
	struct qf_table *t = table3();

	*state = t;
	/* Text cells that begin with = + - @ TAB CR get a ' and quotes. */
	add3(t, "=1+2", "+86 138", "-5");
	add3(t, "-5", "@SUM(A1)", "+3");
	add3(t, "\tx", "\rx", "=1");
	/* Only at the beginning; a space before = is not a formula. */
	add3(t, "a=b", " =x", "5");
	add3(t, "=\"q\",1", "x-y", "");
	assert_render(t, QF_FMT_CSV, 0, 0,
		      "\"'=1+2\",\"'+86 138\",-5\r\n"
		      "\"'-5\",\"'@SUM(A1)\",+3\r\n"
		      "\"'\tx\",\"'\rx\",=1\r\n"
		      "a=b, =x,5\r\n"
		      "\"'=\"\"q\"\",1\",x-y,\r\n");
}

static void test_csv_header_neutralised(void **state)
{
	static const char *const names[] = { "-n", "=x", "ok" };
	static const int numeric[] = { 1, 0, 0 };
	struct qf_table *t = qf_table_new(names, numeric, 3);
	const char *cells[3] = { "-1", "-1", "a,b" };

	*state = t;
	assert_non_null(t);
	assert_int_equal(qf_table_add(t, cells, NULL), 0);
	/* The header is text even over a numeric column. */
	assert_render(t, QF_FMT_CSV, 1, 0,
		      "\"'-n\",\"'=x\",ok\r\n-1,\"'-1\",\"a,b\"\r\n");
}

/* ---- JSON ---------------------------------------------------------- */

static void test_json_columns(void **state)
{
	static const char want[] =
		"[\n"
		"  {\"id\": \"a\", \"name\": \"企业 \\\"甲\\\"\", \"n\": 12},\n"
		"  {\"id\": \"b\\n\", \"name\": \"\", \"n\": \"\"},\n"
		"  {\"id\": \"c\", \"name\": \"x\\\\y\", \"n\": -3.5}\n"
		"]\n";
	struct qf_table *t = table3();

	*state = t;
	assert_render(t, QF_FMT_JSON, 0, 0, "[]\n");
	add3(t, "a", "企业 \"甲\"", "12");
	add3(t, "b\n", "", "");
	add3(t, "c", "x\\y", "-3.5");
	assert_render(t, QF_FMT_JSON, 0, 0, want);
	/* header and bom do not matter. */
	assert_render(t, QF_FMT_JSON, 1, 1, want);
}

static void test_json_text_numbers_stay_strings(void **state)
{
	static const char *const names[] = { "code", "count" };
	struct qf_table *t = qf_table_new(names, NULL, 2);
	const char *cells[2] = { "007", "12" };

	*state = t;
	assert_non_null(t);
	assert_int_equal(qf_table_add(t, cells, NULL), 0);
	assert_render(t, QF_FMT_JSON, 0, 0,
		      "[\n  {\"code\": \"007\", \"count\": \"12\"}\n]\n");
}

static void test_json_records(void **state)
{
	struct qf_table *t = table3();

	*state = t;
	qf_table_keep_records(t, QF_FMT_JSON);
	add_rec(t, "a", "x", "1",
		yaml("---\nid: F-HY-0001\nname: 甲\nvisits: 3\n"
		     "tags: [规上, 重点]\n"));
	add3(t, "b", "y", "2");
	add_rec(t, "c", "z", "3", yaml("---\nid: F-HY-0003\nopen: {}\n"));
	/* Rows with a record give the whole record, pretty at level 1;
	 * rows without one give their columns. */
	assert_render(t, QF_FMT_JSON, 0, 0,
		      "[\n"
		      "  {\n"
		      "    \"id\": \"F-HY-0001\",\n"
		      "    \"name\": \"甲\",\n"
		      "    \"visits\": 3,\n"
		      "    \"tags\": [\n"
		      "      \"规上\",\n"
		      "      \"重点\"\n"
		      "    ]\n"
		      "  },\n"
		      "  {\"id\": \"b\", \"name\": \"y\", \"n\": 2},\n"
		      "  {\n"
		      "    \"id\": \"F-HY-0003\",\n"
		      "    \"open\": {}\n"
		      "  }\n"
		      "]\n");
}

/* ---- YAML ---------------------------------------------------------- */

static void test_yaml_columns(void **state)
{
	struct qf_table *t = table3();

	*state = t;
	assert_render(t, QF_FMT_YAML, 0, 0, "");
	add3(t, "a", "12", "12");
	add3(t, "b", "企业", "");
	add3(t, "c", "a: b", NULL);
	/* One document a row; numeric cells plain, text that looks like
	 * another type quoted, empty cells as empty strings. */
	assert_render(t, QF_FMT_YAML, 0, 0,
		      "---\nid: a\nname: \"12\"\nn: 12\n"
		      "---\nid: b\nname: 企业\nn: \"\"\n"
		      "---\nid: c\nname: 'a: b'\nn: \"\"\n");
}

static void test_yaml_records(void **state)
{
	static const char rec[] =
		"---\n"
		"id: D-HY-202305-0007\n"
		"title: 贷款难\n"
		"amount: 5000000\n"
		"codepts: [财政局, 税务局]\n"
		"log:\n"
		"- date: 2023-05-01\n"
		"  action: collect\n";
	struct qf_table *t = table3();

	*state = t;
	qf_table_keep_records(t, QF_FMT_YAML);
	add_rec(t, "a", "x", "1", yaml(rec));
	add3(t, "b", "y", "2");
	assert_render(t, QF_FMT_YAML, 0, 0,
		      "---\n"
		      "id: D-HY-202305-0007\n"
		      "title: 贷款难\n"
		      "amount: 5000000\n"
		      "codepts: [财政局, 税务局]\n"
		      "log:\n"
		      "- date: 2023-05-01\n"
		      "  action: collect\n"
		      "---\nid: b\nname: y\nn: 2\n");
}

/* ---- table --------------------------------------------------------- */

static void test_table_align(void **state)
{
	static const char *const names[] = { "ID", "名称", "n" };
	static const int numeric[] = { 0, 0, 1 };
	struct qf_table *t = qf_table_new(names, numeric, 3);
	const char *r1[3] = { "a", "企业", "5" };
	const char *r2[3] = { "bbb", "x", "123" };
	const char *r3[3] = { "cc", "", "" };

	*state = t;
	assert_non_null(t);
	assert_table(t, 0, -1, "ID  名称  n\n");
	assert_int_equal(qf_table_add(t, r1, NULL), 0);
	assert_int_equal(qf_table_add(t, r2, NULL), 0);
	assert_int_equal(qf_table_add(t, r3, NULL), 0);
	/* Columns as wide as their widest cell, CJK counting two; two
	 * spaces between; numbers right-aligned (their header not); no
	 * trailing spaces after a text cell in the last column. */
	assert_table(t, 0, -1,
		     "ID   名称  n\n"
		     "a    企业    5\n"
		     "bbb  x     123\n"
		     "cc\n");
}

static void test_table_no_header_no_trailing_blanks(void **state)
{
	static const char *const names[] = { "id", "名称", "备注" };
	struct qf_table *t = qf_table_new(names, NULL, 3);
	const char *r1[3] = { "a", "", "" };
	const char *r2[3] = { "bb", "企业", "" };
	const char *r3[3] = { "c", "", "x" };
	struct qf_render_opts o = { QF_FMT_TABLE, 0, 0, -1, 0 };
	char *s;

	*state = t;
	assert_non_null(t);
	s = qf_table_render(t, &o);
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);
	assert_int_equal(qf_table_add(t, r1, NULL), 0);
	assert_int_equal(qf_table_add(t, r2, NULL), 0);
	assert_int_equal(qf_table_add(t, r3, NULL), 0);
	/* Without the header line; blanks never end a line. */
	s = qf_table_render(t, &o);
	assert_non_null(s);
	assert_string_equal(s,
			    "a\n"
			    "bb  企业\n"
			    "c         x\n");
	free(s);
	assert_table(t, 0, -1,
		     "id  名称  备注\n"
		     "a\n"
		     "bb  企业\n"
		     "c         x\n");
}

static void test_table_text_last(void **state)
{
	static const char *const names[] = { "n", "标题" };
	static const int numeric[] = { 1, 0 };
	struct qf_table *t = qf_table_new(names, numeric, 2);
	const char *r1[2] = { "7", "短" };
	const char *r2[2] = { "1234", "长一点的标题" };

	*state = t;
	assert_non_null(t);
	assert_int_equal(qf_table_add(t, r1, NULL), 0);
	assert_int_equal(qf_table_add(t, r2, NULL), 0);
	assert_table(t, 0, -1,
		     "n     标题\n"
		     "   7  短\n"
		     "1234  长一点的标题\n");
}

static void test_table_escapes(void **state)
{
	static const char *const names[] = { "a", "b" };
	struct qf_table *t = qf_table_new(names, NULL, 2);
	const char *r1[2] = { "x\ty", "end" };
	const char *r2[2] = { "\x1b[2J", "e" };
	const char *r3[2] = { "C:\\d\n", "\x7f\x01\xc2\x9b" };

	*state = t;
	assert_non_null(t);
	assert_int_equal(qf_table_add(t, r1, NULL), 0);
	assert_int_equal(qf_table_add(t, r2, NULL), 0);
	assert_int_equal(qf_table_add(t, r3, NULL), 0);
	/* Control characters escaped (a backslash left alone), and the
	 * widths are those of the escaped text. */
	assert_table(t, 0, -1,
		     "a       b\n"
		     "x\\ty    end\n"
		     "\\e[2J   e\n"
		     "C:\\d\\n  \\x7F\\x01\\u009B\n");
}

/* fit_table() in full, nothing cut: 28 columns. */
static const char fit_uncut[] =
	"id  title                 n\n"
	"D1  一二三四五六七八九十   7\n"
	"D2  short                 12\n";

static struct qf_table *fit_table(void)
{
	static const char *const names[] = { "id", "title", "n" };
	static const int numeric[] = { 0, 0, 1 };
	struct qf_table *t = qf_table_new(names, numeric, 3);
	const char *r1[3] = { "D1", "一二三四五六七八九十", "7" };
	const char *r2[3] = { "D2", "short", "12" };

	assert_non_null(t);
	assert_int_equal(qf_table_add(t, r1, NULL), 0);
	assert_int_equal(qf_table_add(t, r2, NULL), 0);
	return t;
}

static void test_table_fit(void **state)
{
	struct qf_table *t = fit_table();
	struct qf_render_opts o = { QF_FMT_TABLE, 0, 0, 1, 0 };

	*state = t;
	/* Unlimited, or wide enough: nothing is cut (28 columns). */
	assert_table(t, 0, 1, fit_uncut);
	assert_table(t, 28, 1, fit_uncut);
	/* 20 columns: title gets 12, the wide text is cut before a
	 * character it cannot hold and ends in "…". */
	assert_table(t, 20, 1,
		     "id  title         n\n"
		     "D1  一二三四五…    7\n"
		     "D2  short         12\n");
	/* 19 columns: 11 for the title. */
	assert_table(t, 19, 1,
		     "id  title        n\n"
		     "D1  一二三四五…   7\n"
		     "D2  short        12\n");
	/* 18: 10 columns, "一二三四" and the ellipsis. */
	assert_table(t, 18, 1,
		     "id  title       n\n"
		     "D1  一二三四…    7\n"
		     "D2  short       12\n");
	/* Every width from the narrowest it can take (the other columns
	 * and the title's header) up. */
	for (size_t w = 13; w <= 40; w++) {
		char *s;
		o.width = w;
		s = qf_table_render(t, &o);
		assert_non_null(s);
		if (widest(s) > w)
			fail_msg("width %zu: a line is %zu wide:\n%s", w,
				 widest(s), s);
		free(s);
	}
}

static void test_table_fit_impossible(void **state)
{
	static const char cut8[] =
		"id  title     n\n"
		"D1  一二三…    7\n"
		"D2  short     12\n";
	struct qf_table *t = fit_table();

	*state = t;
	/* Too narrow: the fit column goes no narrower than its header. */
	assert_table(t, 10, 1,
		     "id  title  n\n"
		     "D1  一二…   7\n"
		     "D2  short  12\n");
	/* No fit column, or one that does not exist: the widest text
	 * columns after the first are cut, to 8 at least. */
	assert_table(t, 10, -1, cut8);
	assert_table(t, 10, 3, cut8);
	/* No width: nothing is cut. */
	assert_table(t, 0, -1, fit_uncut);
}

static void test_table_fit_others(void **state)
{
	static const char *const names[] = { "id", "title", "note", "n" };
	static const int numeric[] = { 0, 0, 0, 1 };
	struct qf_table *t = qf_table_new(names, numeric, 4);
	const char *r1[4] = { "D-HY-202305-0001",
			      "abcdefghijklmnopqrstuvwxyz0123",
			      "ABCDEFGHIJKLMNOPQRST", "123456789012" };
	static const char narrowest[] =
		"id                title  note      n\n"
		"D-HY-202305-0001  abcd…  ABCDEFG…  123456789012\n";

	*state = t;
	assert_non_null(t);
	assert_int_equal(qf_table_add(t, r1, NULL), 0);
	/* 16 + 2 + 30 + 2 + 20 + 2 + 12 = 84 columns.  At 60 the title
	 * alone gives up 24. */
	assert_table(t, 60, 1,
		     "id                title   note                  n\n"
		     "D-HY-202305-0001  abcde…  ABCDEFGHIJKLMNOPQRST  "
		     "123456789012\n");
	/* At 50 the title is at its header (5, 59 in all), so the note
	 * gives up 9; the first column and the numbers are never cut. */
	assert_table(t, 50, 1,
		     "id                title  note         n\n"
		     "D-HY-202305-0001  abcd…  ABCDEFGHIJ…  123456789012\n");
	/* Below 16 + 2 + 5 + 2 + 8 + 2 + 12 = 47 nothing more can go. */
	assert_table(t, 47, 1, narrowest);
	assert_table(t, 40, 1, narrowest);
	assert_table(t, 1, 1, narrowest);
}

static void test_table_fit_escaped(void **state)
{
	static const char *const names[] = { "id", "note" };
	struct qf_table *t = qf_table_new(names, NULL, 2);
	const char *r1[2] = { "a", "line1\nline2\nline3" };

	*state = t;
	assert_non_null(t);
	assert_int_equal(qf_table_add(t, r1, NULL), 0);
	/* The escaped text is what is measured and cut. */
	assert_table(t, 0, 1, "id  note\na   line1\\nline2\\nline3\n");
	assert_table(t, 12, 1, "id  note\na   line1\\n…\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_sort_natural, teardown_table),
		cmocka_unit_test_teardown(test_sort_many, teardown_table),
		cmocka_unit_test_teardown(test_keep, teardown_table),
		cmocka_unit_test_teardown(test_escape_fast_path, teardown_table),
		cmocka_unit_test_teardown(test_new_add, teardown_table),
		cmocka_unit_test_teardown(test_add_many, teardown_table),
		cmocka_unit_test_teardown(test_col, teardown_table),
		cmocka_unit_test(test_format_parse),
		cmocka_unit_test_teardown(test_sort_text, teardown_table),
		cmocka_unit_test_teardown(test_sort_numeric, teardown_table),
		cmocka_unit_test_teardown(test_sort_stable, teardown_table),
		cmocka_unit_test_teardown(test_sort_moves_records,
					  teardown_table),
		cmocka_unit_test_teardown(test_sort_noop, teardown_table),
		cmocka_unit_test_teardown(test_select, teardown_table),
		cmocka_unit_test_teardown(test_select_repeat_and_one,
					  teardown_table),
		cmocka_unit_test_teardown(test_select_unknown, teardown_table),
		cmocka_unit_test_teardown(test_tsv, teardown_table),
		cmocka_unit_test_teardown(test_tsv_controls_and_empty,
					  teardown_table),
		cmocka_unit_test_teardown(test_csv_quoting, teardown_table),
		cmocka_unit_test_teardown(test_csv_bom, teardown_table),
		cmocka_unit_test_teardown(test_csv_neutralise, teardown_table),
		cmocka_unit_test_teardown(test_csv_header_neutralised,
					  teardown_table),
		cmocka_unit_test_teardown(test_json_columns, teardown_table),
		cmocka_unit_test_teardown(test_json_text_numbers_stay_strings,
					  teardown_table),
		cmocka_unit_test_teardown(test_json_records, teardown_table),
		cmocka_unit_test_teardown(test_yaml_columns, teardown_table),
		cmocka_unit_test_teardown(test_yaml_records, teardown_table),
		cmocka_unit_test_teardown(test_table_align, teardown_table),
		cmocka_unit_test_teardown(
			test_table_no_header_no_trailing_blanks,
			teardown_table),
		cmocka_unit_test_teardown(test_table_text_last,
					  teardown_table),
		cmocka_unit_test_teardown(test_table_escapes, teardown_table),
		cmocka_unit_test_teardown(test_table_fit, teardown_table),
		cmocka_unit_test_teardown(test_table_fit_impossible,
					  teardown_table),
		cmocka_unit_test_teardown(test_table_fit_others,
					  teardown_table),
		cmocka_unit_test_teardown(test_table_fit_escaped,
					  teardown_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
