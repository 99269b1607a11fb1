/* test_csvin.c - lib/csvin.c: other systems' CSV, in their encodings. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qf/csvin.h"
#include "qf/error.h"

static char dir[] = "/tmp/qf-csvin.XXXXXX";
static char path[256];

static int setup(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	unlink(path);
	return rmdir(dir);
}

static const char *file(const char *name, const void *bytes, size_t n)
{
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, n, f), n);
	fclose(f);
	return path;
}

static struct qf_csv *load(const char *bytes, size_t n, const char *enc)
{
	struct qf_csv *c = NULL;
	struct qf_error err;
	char msg[2048];

	if (qf_csv_load(file("t.csv", bytes, n), enc, &c, &err))
		fail_msg("%s", qf_error_format(&err, msg, sizeof msg));
	return c;
}

/* The error loading bytes gives, as "line:col: msg" without the path. */
static int load_fails(const char *bytes, size_t n, const char *enc,
		      unsigned *line, unsigned *col, char *msg, size_t m)
{
	struct qf_csv *c = NULL;
	struct qf_error err;
	int rc = qf_csv_load(file("t.csv", bytes, n), enc, &c, &err);

	assert_null(c);
	*line = err.line;
	*col = err.col;
	snprintf(msg, m, "%s", err.msg);
	return rc;
}

static void test_quotes_newlines_commas_empty(void **state)
{
	const char s[] = "name,note,park\r\n"
			 "\"A, Ltd\",\"say \"\"hi\"\"\",\r\n"
			 "\r\n"
			 ",,\r\n"
			 "B,\"two\nlines\",P\r\n"
			 "C,,Q";
	struct qf_csv *c = load(s, sizeof s - 1, NULL);

	(void)state;
	assert_string_equal(c->encoding, "UTF-8");
	assert_int_equal(c->delim, ',');
	assert_int_equal(c->nrows, 4);  /* blank and all-empty rows dropped */
	assert_int_equal(c->rows[1].n, 3);
	assert_string_equal(c->rows[1].cells[0], "A, Ltd");
	assert_string_equal(c->rows[1].cells[1], "say \"hi\"");
	assert_string_equal(c->rows[1].cells[2], "");
	assert_int_equal(c->rows[1].line, 2);
	assert_string_equal(c->rows[2].cells[1], "two\nlines");
	assert_int_equal(c->rows[2].line, 5);
	assert_int_equal(c->rows[3].line, 7);  /* after the two-line row */
	assert_string_equal(c->rows[3].cells[2], "Q");
	qf_csv_free(c);
}

/* Old Mac files end lines with a lone CR: rows and lines still agree. */
static void test_lone_cr(void **state)
{
	const char s[] = "a,b\rc,\"d\re\"\rf,g\r";
	struct qf_csv *c = load(s, sizeof s - 1, NULL);

	(void)state;
	assert_int_equal(c->nrows, 3);
	assert_int_equal(c->rows[1].line, 2);
	assert_string_equal(c->rows[1].cells[1], "d\re");
	assert_int_equal(c->rows[2].line, 4);
	qf_csv_free(c);
}

static void test_bom_and_tabs(void **state)
{
	const char s[] = "\xEF\xBB\xBF企业名称\t备注\n甲\t乙\n";
	struct qf_csv *c = load(s, sizeof s - 1, NULL);

	(void)state;
	assert_string_equal(c->encoding, "UTF-8 (BOM)");
	assert_int_equal(c->delim, '\t');
	assert_string_equal(c->rows[0].cells[0], "企业名称");
	assert_string_equal(c->rows[1].cells[1], "乙");
	qf_csv_free(c);
}

/* The separator is read off the first record, outside quotes, after any
 * blank lines: a quoted cell with tabs in it is still comma-separated
 * (found by fuzz-csvin), and a blank line does not hide a TSV. */
static void test_separator_of_first_record(void **state)
{
	const char q[] = "\"a\tb\n\tc\",d\r\ne,f\r\n";
	const char t[] = "\r\n\n名称\t\"x,y\"\n甲\t乙\n";
	struct qf_csv *c = load(q, sizeof q - 1, NULL);

	(void)state;
	assert_int_equal(c->delim, ',');
	assert_int_equal(c->nrows, 2);
	assert_string_equal(c->rows[0].cells[0], "a\tb\n\tc");
	assert_string_equal(c->rows[0].cells[1], "d");
	qf_csv_free(c);
	c = load(t, sizeof t - 1, NULL);
	assert_int_equal(c->delim, '\t');
	assert_int_equal(c->rows[0].line, 3);
	assert_string_equal(c->rows[0].cells[1], "x,y");
	assert_string_equal(c->rows[1].cells[1], "乙");
	qf_csv_free(c);
}

static size_t to(const char *code, const char *s, char *out, size_t n)
{
	iconv_t cd = iconv_open(code, "UTF-8");
	char *ip = (char *)s, *op = out;
	size_t il = strlen(s), ol = n;

	assert_true(cd != (iconv_t)-1);
	assert_true(iconv(cd, &ip, &il, &op, &ol) != (size_t)-1);
	iconv_close(cd);
	return n - ol;
}

static void test_gb18030_and_utf16(void **state)
{
	char gb[256], u16[512];
	const char *s = "企业名称,统一社会信用代码\n郑州宇通客车,91410100170033534A\n";
	size_t n = to("GB18030", s, gb, sizeof gb);
	struct qf_csv *c = load(gb, n, NULL);

	(void)state;
	assert_string_equal(c->encoding, "GB18030");
	assert_string_equal(c->rows[1].cells[0], "郑州宇通客车");
	qf_csv_free(c);
	c = load(gb, n, "GBK");
	assert_string_equal(c->rows[0].cells[1], "统一社会信用代码");
	qf_csv_free(c);
	u16[0] = '\xFF';
	u16[1] = '\xFE';
	n = to("UTF-16LE", "名称\t备注\r\n甲\t\"a\tb\"\r\n", u16 + 2, sizeof u16 - 2);
	c = load(u16, n + 2, NULL);
	assert_string_equal(c->encoding, "UTF-16LE (BOM)");
	assert_int_equal(c->delim, '\t');
	assert_string_equal(c->rows[1].cells[1], "a\tb");
	qf_csv_free(c);
}

/* UTF-8 Chinese is also well-formed GBK: valid UTF-8 is read as UTF-8. */
static void test_utf8_that_decodes_as_gbk(void **state)
{
	const char s[] = "中文,名称\n用地,融资\n";
	char gb[64];
	struct qf_csv *c = load(s, sizeof s - 1, NULL);

	(void)state;
	assert_string_equal(c->encoding, "UTF-8");
	assert_string_equal(c->rows[1].cells[0], "用地");
	qf_csv_free(c);
	/* ... and it does decode as GBK, so the choice was real. */
	c = load(s, sizeof s - 1, "gb18030");
	assert_string_not_equal(c->rows[1].cells[0], "用地");
	qf_csv_free(c);
	(void)gb;
}

static void test_bad_quotes(void **state)
{
	unsigned line, col;
	char msg[1024];
	const char stray[] = "a,b\nok,fine\nx,5\"3\n";
	const char open[] = "a,b\nok,fine\n\"never,closed\nmore\n";

	(void)state;
	assert_int_equal(load_fails(stray, sizeof stray - 1, NULL, &line, &col,
				    msg, sizeof msg), QF_EDATA);
	assert_int_equal(line, 3);
	assert_int_equal(col, 4);
	assert_non_null(strstr(msg, "quote"));
	assert_int_equal(load_fails(open, sizeof open - 1, NULL, &line, &col,
				    msg, sizeof msg), QF_EDATA);
	assert_int_equal(line, 3);
	assert_non_null(strstr(msg, "never closed"));
}

static void test_bad_bytes_and_spreadsheets(void **state)
{
	unsigned line, col;
	char msg[1024];
	const char notutf8[] = "a,b\nc,\xE4\xB8\n";
	const char nul[] = "a,b\nc,d\0e\n";
	const char gbbad[] = "a,b\n\x81\x20,x\n";
	const char zip[] = "PK\3\4rest";
	struct qf_csv *c = NULL;
	struct qf_error err;

	(void)state;
	assert_int_equal(load_fails(notutf8, sizeof notutf8 - 1, "utf-8", &line,
				    &col, msg, sizeof msg), QF_EDATA);
	assert_int_equal(line, 2);
	assert_int_equal(col, 3);
	assert_int_equal(load_fails(nul, sizeof nul - 1, NULL, &line, &col, msg,
				    sizeof msg), QF_EDATA);
	assert_int_equal(line, 2);
	assert_non_null(strstr(msg, "NUL"));
	assert_int_equal(load_fails(gbbad, sizeof gbbad - 1, NULL, &line, &col,
				    msg, sizeof msg), QF_EDATA);
	assert_int_equal(line, 2);
	assert_non_null(strstr(msg, "GB18030"));
	assert_int_equal(load_fails(zip, sizeof zip - 1, NULL, &line, &col, msg,
				    sizeof msg), QF_EDATA);
	assert_non_null(strstr(msg, "save it as CSV"));
	assert_int_equal(qf_csv_load("/nonexistent/x.xlsx", NULL, &c, &err), QF_EDATA);
	assert_int_equal(qf_csv_load("/nonexistent/x.csv", NULL, &c, &err), QF_ENOINPUT);
	assert_int_equal(load_fails("a\n", 2, "latin1", &line, &col, msg,
				    sizeof msg), QF_EUSAGE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quotes_newlines_commas_empty),
		cmocka_unit_test(test_lone_cr),
		cmocka_unit_test(test_bom_and_tabs),
		cmocka_unit_test(test_separator_of_first_record),
		cmocka_unit_test(test_gb18030_and_utf16),
		cmocka_unit_test(test_utf8_that_decodes_as_gbk),
		cmocka_unit_test(test_bad_quotes),
		cmocka_unit_test(test_bad_bytes_and_spreadsheets),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
