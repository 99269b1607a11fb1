/* test_text.c - lib/text.c: display width, terminal escaping, truncation,
 * CSV cells.
 *
 * Besides fixed cases, escaping and truncation are checked for properties
 * over many inputs: escaped text holds no control character and no invalid
 * UTF-8 (and in TSV mode can be unescaped to the input); truncated text is
 * a whole-character prefix of the input, fits, and ends in "…" when cut.
 * CSV cells are read back with a small RFC 4180 reader.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qf/buf.h"
#include "qf/text.h"

#define ELLIPSIS "\xe2\x80\xa6"   /* U+2026 … */

/* ---- helpers ------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at s (scalar values only: no
 * overlongs, surrogates or values past U+10FFFF), or 0. */
static size_t utf8_len(const unsigned char *s, unsigned long *cp)
{
	unsigned long c;
	size_t n;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, c = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, c = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, c = s[0] & 0x07;
	else
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && c < 0x10000) ||
	    c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

/* s is valid UTF-8 with no C0, DEL or C1 control in it. */
static void assert_printable(const char *in, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		unsigned long c;
		size_t n = utf8_len(p, &c);
		if (!n)
			fail_msg("escape of \"%s\": invalid UTF-8 byte 0x%02X "
				 "at %zu", in, *p, (size_t)(p - (const
				 unsigned char *)s));
		if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
			fail_msg("escape: control U+%04lX left at %zu", c,
				 (size_t)(p - (const unsigned char *)s));
		p += n;
	}
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Undo qf_text_escape(s, 1): \n \t \r \e \\ \xHH (one byte) and \uHHHH
 * (a code point below U+0100, written as UTF-8).  Returns a malloc'd
 * string, or NULL when e is not something escape could have written. */
static char *tsv_unescape(const char *e)
{
	char *out = malloc(strlen(e) + 1), *o = out;

	assert_non_null(out);
	while (*e) {
		if (*e != '\\') {
			*o++ = *e++;
			continue;
		}
		e++;
		switch (*e) {
		case 'n': *o++ = '\n'; e++; break;
		case 't': *o++ = '\t'; e++; break;
		case 'r': *o++ = '\r'; e++; break;
		case 'e': *o++ = 0x1b; e++; break;
		case '\\': *o++ = '\\'; e++; break;
		case 'x':
			if (hexval(e[1]) < 0 || hexval(e[2]) < 0)
				goto bad;
			*o++ = (char)(hexval(e[1]) * 16 + hexval(e[2]));
			e += 3;
			break;
		case 'u': {
			int v = 0;
			for (int i = 1; i <= 4; i++) {
				if (hexval(e[i]) < 0)
					goto bad;
				v = v * 16 + hexval(e[i]);
			}
			if (v < 0x80 || v > 0xff)
				goto bad;
			*o++ = (char)(0xc0 | (v >> 6));
			*o++ = (char)(0x80 | (v & 0x3f));
			e += 5;
			break;
		}
		default:
			goto bad;
		}
	}
	*o = '\0';
	return out;
bad:
	free(out);
	return NULL;
}

static void assert_escape(const char *s, int tsv, const char *want)
{
	char *got = qf_text_escape(s, tsv);

	assert_non_null(got);
	if (strcmp(got, want) != 0) {
		print_error("qf_text_escape(tsv=%d): got \"%s\", want \"%s\"\n",
			    tsv, got, want);
		free(got);
		fail();
	}
	free(got);
}

/* Inputs with a bit of everything, used by the property tests. */
static const char *const samples[] = {
	"",
	"abc",
	"hello, world",
	"中文",
	"企业诉求：融资难（贷款）",
	"e\xcc\x81" "e\xcc\x81" "e\xcc\x81",        /* e + U+0301, three times */
	"a\xcc\x81\xcc\x82" "b",                   /* two combining marks */
	"\xf0\x9f\x98\x80\xf0\x9f\x98\x80x",       /* 😀😀x */
	"ab中cd文ef",
	"\xff\xfe\xfd",
	"a\xe4\xb8",                               /* cut CJK at the end */
	"\xe4\xb8" "a中",
	"line1\nline2\ttab\rcr\x1b[31mred\x7f",
	"\xc2\x85\xc2\x9b\xc2\xa0",                /* NEL, CSI, NBSP */
	"\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80",    /* overlong, surrogate,
						    * past U+10FFFF */
	"back\\slash\\n",
	"（全角）！",
};

#define NSAMPLES (sizeof samples / sizeof samples[0])

/* ---- width --------------------------------------------------------- */

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(qf_text_width(""), 0);
	assert_int_equal(qf_text_width("abc"), 3);
	assert_int_equal(qf_text_width("hello, world"), 12);
	assert_int_equal(qf_text_width("中文"), 4);
	assert_int_equal(qf_text_width("ab中cd文ef"), 10);
	assert_int_equal(qf_text_width("한국어"), 6);
	assert_int_equal(qf_text_width("にほん"), 6);
	/* Fullwidth punctuation and letters. */
	assert_int_equal(qf_text_width("（"), 2);
	assert_int_equal(qf_text_width("（全角）！"), 10);
	assert_int_equal(qf_text_width("ＨＹ"), 4);
	assert_int_equal(qf_text_width("，。、"), 6);
	/* Combining marks take no column. */
	assert_int_equal(qf_text_width("e\xcc\x81"), 1);
	assert_int_equal(qf_text_width("a\xcc\x81\xcc\x82" "b"), 2);
	/* Emoji are wide. */
	assert_int_equal(qf_text_width("\xf0\x9f\x98\x80"), 2);
	assert_int_equal(qf_text_width("\xf0\x9f\x91\x8d" "ok"), 4);
	/* Narrow non-ASCII. */
	assert_int_equal(qf_text_width("café"), 4);
	assert_int_equal(qf_text_width("…"), 1);
}

static void test_width_invalid(void **state)
{
	(void)state;
	assert_int_equal(qf_text_width("\xff"), 1);
	assert_int_equal(qf_text_width("\xff\xfe\xfd"), 3);
	assert_int_equal(qf_text_width("a\xe4\xb8"), 3);
	assert_int_equal(qf_text_width("\xe4\xb8" "a中"), 5);
	assert_int_equal(qf_text_width("\xc0\xaf"), 2);
	assert_int_equal(qf_text_width("\x80"), 1);
}

/* ---- escape -------------------------------------------------------- */

static void test_escape_plain(void **state)
{
	(void)state;
	assert_escape("", 0, "");
	assert_escape("abc", 0, "abc");
	assert_escape("中文 （全角）", 0, "中文 （全角）");
	assert_escape("\xf0\x9f\x98\x80", 0, "\xf0\x9f\x98\x80");
	assert_escape("\xc2\xa0", 0, "\xc2\xa0");          /* NBSP is text */
	assert_escape("e\xcc\x81", 0, "e\xcc\x81");
}

static void test_escape_controls(void **state)
{
	(void)state;
	assert_escape("a\nb", 0, "a\\nb");
	assert_escape("a\tb", 0, "a\\tb");
	assert_escape("a\rb", 0, "a\\rb");
	assert_escape("\x1b[31mred\x1b[0m", 0, "\\e[31mred\\e[0m");
	assert_escape("\x01\x07\x08\x1f", 0, "\\x01\\x07\\x08\\x1F");
	assert_escape("del\x7f", 0, "del\\x7F");
	/* C1 controls (U+0085 NEL, U+009B CSI) are escaped, not passed
	 * through.  Written as \uHHHH (text.h only lists \xHH; see
	 * test_escape_c1_form). */
	assert_escape("\xc2\x85", 0, "\\u0085");
	assert_escape("x\xc2\x9b" "31m", 0, "x\\u009B31m");
	assert_escape("\xc2\x80\xc2\x9f", 0, "\\u0080\\u009F");
}

static void test_escape_c1_form(void **state)
{
	/* Whatever the form, a C1 control leaves neither its code point nor
	 * its bytes in the output, and the output is an escape. */
	char *e = qf_text_escape("\xc2\x9b", 0);

	(void)state;
	assert_non_null(e);
	assert_null(strchr(e, '\xc2'));
	assert_null(strchr(e, '\x9b'));
	assert_int_equal(e[0], '\\');
	free(e);
}

static void test_escape_invalid(void **state)
{
	(void)state;
	assert_escape("\xff", 0, "\\xFF");
	assert_escape("a\xe4\xb8", 0, "a\\xE4\\xB8");
	assert_escape("\xe4\xb8" "a中", 0, "\\xE4\\xB8a中");
	assert_escape("\x80", 0, "\\x80");
	assert_escape("\xc3(", 0, "\\xC3(");
	assert_escape("\xc0\xaf", 0, "\\xC0\\xAF");           /* overlong / */
	assert_escape("\xed\xa0\x80", 0, "\\xED\\xA0\\x80");  /* surrogate */
	assert_escape("\xf4\x90\x80\x80", 0, "\\xF4\\x90\\x80\\x80");
	assert_escape("\xf8\x88\x80\x80\x80", 0,
		      "\\xF8\\x88\\x80\\x80\\x80");
	/* An invalid byte 0x85 and the C1 control U+0085 differ. */
	assert_escape("\x85", 0, "\\x85");
}

static void test_escape_backslash(void **state)
{
	(void)state;
	assert_escape("a\\b", 0, "a\\b");
	assert_escape("C:\\new", 0, "C:\\new");
	assert_escape("a\\b", 1, "a\\\\b");
	assert_escape("\\n", 1, "\\\\n");
	assert_escape("a\tb\nc", 1, "a\\tb\\nc");
	assert_escape("中\\文", 1, "中\\\\文");
}

static void test_escape_properties(void **state)
{
	char bytes[3];

	(void)state;
	for (size_t i = 0; i < NSAMPLES; i++) {
		for (int tsv = 0; tsv <= 1; tsv++) {
			char *e = qf_text_escape(samples[i], tsv);
			assert_non_null(e);
			assert_printable(samples[i], e);
			if (tsv) {
				char *u = tsv_unescape(e);
				if (!u || strcmp(u, samples[i]) != 0)
					fail_msg("tsv escape of sample %zu "
						 "does not unescape back", i);
				free(u);
			}
			free(e);
		}
	}
	/* Every single byte, and every two-byte sequence led by C2. */
	for (int b = 1; b < 256; b++) {
		bytes[0] = (char)b;
		bytes[1] = '\0';
		for (int tsv = 0; tsv <= 1; tsv++) {
			char *e = qf_text_escape(bytes, tsv);
			char *u;
			assert_non_null(e);
			assert_printable("(byte)", e);
			u = tsv ? tsv_unescape(e) : NULL;
			if (tsv && (!u || strcmp(u, bytes) != 0))
				fail_msg("byte 0x%02X: tsv escape \"%s\" does "
					 "not unescape back", b, e);
			free(u);
			free(e);
		}
		bytes[0] = '\xc2';
		bytes[1] = (char)b;
		bytes[2] = '\0';
		{
			char *e = qf_text_escape(bytes, 1);
			char *u;
			assert_non_null(e);
			assert_printable("(C2 xx)", e);
			u = tsv_unescape(e);
			if (!u || strcmp(u, bytes) != 0)
				fail_msg("C2 %02X: tsv escape \"%s\" does not "
					 "unescape back", b, e);
			free(u);
			free(e);
		}
	}
}

/* ---- truncate ------------------------------------------------------ */

static void assert_truncate(const char *s, size_t width, const char *want)
{
	char *got = qf_text_truncate(s, width);

	assert_non_null(got);
	if (strcmp(got, want) != 0) {
		print_error("qf_text_truncate(\"%s\", %zu): got \"%s\", want "
			    "\"%s\"\n", s, width, got, want);
		free(got);
		fail();
	}
	free(got);
}

static void test_truncate_cases(void **state)
{
	(void)state;
	assert_truncate("abcdef", 4, "abc" ELLIPSIS);
	assert_truncate("abcdef", 6, "abcdef");          /* exact fit */
	assert_truncate("abcdef", 7, "abcdef");
	assert_truncate("abcdef", 100, "abcdef");
	assert_truncate("abcdef", 5, "abcd" ELLIPSIS);
	assert_truncate("abcdef", 1, ELLIPSIS);
	assert_truncate("abcdef", 0, "");
	assert_truncate("", 0, "");
	assert_truncate("", 3, "");
	/* Wide characters: never half of one. */
	assert_truncate("中文字", 6, "中文字");
	assert_truncate("中文字", 5, "中文" ELLIPSIS);
	assert_truncate("中文字", 4, "中" ELLIPSIS);
	assert_truncate("中文字", 3, "中" ELLIPSIS);
	assert_truncate("中文字", 2, ELLIPSIS);
	assert_truncate("中文字", 1, ELLIPSIS);
	assert_truncate("a中文", 3, "a" ELLIPSIS);
	assert_truncate("（全角）", 5, "（全" ELLIPSIS);
	/* Combining marks stay with their base. */
	assert_truncate("e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 3,
			"e\xcc\x81" "e\xcc\x81" "e\xcc\x81");
	assert_truncate("e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2,
			"e\xcc\x81" ELLIPSIS);
	/* Emoji. */
	assert_truncate("\xf0\x9f\x98\x80\xf0\x9f\x98\x80x", 4,
			"\xf0\x9f\x98\x80" ELLIPSIS);
	/* Text that already holds an ellipsis. */
	assert_truncate("ab" ELLIPSIS "cd", 5, "ab" ELLIPSIS "cd");
	assert_truncate("ab" ELLIPSIS "cd", 4, "ab" ELLIPSIS ELLIPSIS);
}

/* One result of qf_text_truncate checked against the contract. */
static void check_truncation(const char *s, size_t width)
{
	char *t = qf_text_truncate(s, width);
	size_t tl, el = strlen(ELLIPSIS), keep;

	assert_non_null(t);
	tl = strlen(t);
	if (qf_text_width(t) > width)
		fail_msg("truncate(\"%s\", %zu) = \"%s\" is %zu wide", s,
			 width, t, qf_text_width(t));
	if (qf_text_width(s) <= width) {
		/* Fits: unchanged. */
		assert_string_equal(t, s);
		free(t);
		return;
	}
	/* Cut: nothing at all when there is no room, else an ellipsis. */
	if (width == 0) {
		assert_string_equal(t, "");
		free(t);
		return;
	}
	if (tl < el || strcmp(t + tl - el, ELLIPSIS) != 0)
		fail_msg("truncate(\"%s\", %zu) = \"%s\" has no ellipsis", s,
			 width, t);
	keep = tl - el;
	/* What is kept is a prefix of s ... */
	if (strncmp(t, s, keep) != 0)
		fail_msg("truncate(\"%s\", %zu) = \"%s\" is not a prefix", s,
			 width, t);
	/* ... ending between characters: the next byte of s does not
	 * continue a valid sequence that began in the prefix. */
	{
		const unsigned char *p = (const unsigned char *)s;
		size_t i = 0;
		while (i < keep) {
			unsigned long c;
			size_t n = utf8_len(p + i, &c);
			i += n ? n : 1;
		}
		if (i != keep)
			fail_msg("truncate(\"%s\", %zu) = \"%s\" splits a "
				 "character", s, width, t);
	}
	free(t);
}

static void test_truncate_properties(void **state)
{
	(void)state;
	for (size_t i = 0; i < NSAMPLES; i++)
		for (size_t w = 0; w <= qf_text_width(samples[i]) + 2; w++)
			check_truncation(samples[i], w);
}

/* ---- csv ----------------------------------------------------------- */

/* Read one RFC 4180 cell back.  Returns a malloc'd value, or NULL when
 * cell is not one well-formed cell. */
static char *csv_read(const char *cell)
{
	size_t n = strlen(cell);
	char *out = malloc(n + 1), *o = out;

	assert_non_null(out);
	if (n && cell[0] == '"') {
		if (n < 2 || cell[n - 1] != '"')
			goto bad;
		for (size_t i = 1; i < n - 1; i++) {
			if (cell[i] == '"') {
				if (cell[i + 1] != '"' || i + 1 == n - 1)
					goto bad;
				i++;
			}
			*o++ = cell[i];
		}
	} else {
		if (strpbrk(cell, ",\"\r\n"))
			goto bad;
		memcpy(o, cell, n);
		o += n;
	}
	*o = '\0';
	return out;
bad:
	free(out);
	return NULL;
}

/* One cell of s, as qf_csv_cell writes it into a fresh buffer, as a
 * string of its len bytes. */
static char *cell(const char *s, int text)
{
	struct qf_buf b = QF_BUF_INIT;
	char *c;

	assert_int_equal(qf_csv_cell(&b, s, text), 0);
	assert_true(b.len == 0 || b.s != NULL);
	c = malloc(b.len + 1);
	assert_non_null(c);
	if (b.len)
		memcpy(c, b.s, b.len);
	c[b.len] = '\0';
	qf_buf_release(&b);
	return c;
}

static void assert_cell(const char *s, int text, const char *want_raw,
			const char *want_value)
{
	char *c = cell(s, text);
	char *v = csv_read(c);

	if (want_raw && strcmp(c, want_raw) != 0)
		fail_msg("qf_csv_cell(\"%s\", %d) = [%s], want [%s]", s, text,
			 c, want_raw);
	if (!v)
		fail_msg("qf_csv_cell(\"%s\", %d) = [%s] is not a CSV cell", s,
			 text, c);
	if (strcmp(v, want_value) != 0)
		fail_msg("qf_csv_cell(\"%s\", %d) reads back as [%s], want "
			 "[%s]", s, text, v, want_value);
	free(v);
	free(c);
}

static void test_csv_plain(void **state)
{
	(void)state;
	assert_cell("", 0, "", "");
	assert_cell("abc", 0, "abc", "abc");
	assert_cell("中文", 1, "中文", "中文");
	assert_cell("a b", 1, "a b", "a b");
	assert_cell("2023-05-01", 1, "2023-05-01", "2023-05-01");
	assert_cell("a=b", 1, "a=b", "a=b");
	assert_cell("F-HY-0001", 1, "F-HY-0001", "F-HY-0001");
}

static void test_csv_quoting(void **state)
{
	(void)state;
	assert_cell("a,b", 0, "\"a,b\"", "a,b");
	assert_cell("say \"hi\"", 0, "\"say \"\"hi\"\"\"", "say \"hi\"");
	assert_cell("\"", 0, "\"\"\"\"", "\"");
	assert_cell("line1\nline2", 0, "\"line1\nline2\"", "line1\nline2");
	assert_cell("a\r\nb", 0, "\"a\r\nb\"", "a\r\nb");
	assert_cell("，中文逗号", 0, "，中文逗号", "，中文逗号");
	assert_cell(",", 1, "\",\"", ",");
}

static void test_csv_neutralise(void **state)
{
	static const char *const risky[] = {
		"=1+1", "=HYPERLINK(\"http://x\",\"y\")", "+1", "-12", "-",
		"@SUM(A1)", "\tx", "\rx", "=cmd|' /C calc'!A0",
	};

	(void)state;
	for (size_t i = 0; i < sizeof risky / sizeof risky[0]; i++) {
		char want[128];
		snprintf(want, sizeof want, "'%s", risky[i]);
		/* text: a ' goes before it */
		assert_cell(risky[i], 1, NULL, want);
		/* not text: left alone */
		assert_cell(risky[i], 0, NULL, risky[i]);
	}
	/* Numbers stay numbers when the column is not text. */
	assert_cell("-12", 0, "-12", "-12");
	assert_cell("+3", 0, "+3", "+3");
	assert_cell("=1", 0, "=1", "=1");
	assert_cell("@x", 0, "@x", "@x");
	/* Only the first character matters. */
	assert_cell("1-2", 1, "1-2", "1-2");
	assert_cell("a@b", 1, "a@b", "a@b");
	assert_cell(" =1", 1, " =1", " =1");
}

static void test_csv_appends(void **state)
{
	struct qf_buf b = QF_BUF_INIT;

	(void)state;
	assert_int_equal(qf_csv_cell(&b, "a", 0), 0);
	assert_int_equal(qf_csv_cell(&b, "b,c", 0), 0);
	assert_int_equal(qf_csv_cell(&b, "", 0), 0);
	assert_int_equal(qf_csv_cell(&b, "=d", 1), 0);
	assert_non_null(b.s);
	assert_int_equal(b.len, strlen("a\"b,c\"\"'=d\""));
	assert_memory_equal(b.s, "a\"b,c\"\"'=d\"", b.len);
	/* Grows past its first size. */
	for (int i = 0; i < 1000; i++)
		assert_int_equal(qf_csv_cell(&b, "xyz\"", 0), 0);
	assert_int_equal(b.len, 11 + 1000 * 7);
	assert_true(b.cap >= b.len);
	assert_memory_equal(b.s + b.len - 7, "\"xyz\"\"\"", 7);
	qf_buf_release(&b);
}

/* ---- HTML and Markdown text ------------------------------------------ */

static char *html(const char *in)
{
	struct qf_buf b = QF_BUF_INIT;

	assert_int_equal(qf_text_html(&b, in), 0);
	return b.s ? b.s : strdup("");
}

static char *md(const char *in, int block)
{
	struct qf_buf b = QF_BUF_INIT;

	assert_int_equal(qf_text_markdown(&b, in, block), 0);
	return b.s ? b.s : strdup("");
}

#define EXPECT(call, want) do { char *got_ = (call); \
	assert_string_equal(got_, want); free(got_); } while (0)

static void test_html_entities(void **state)
{
	(void)state;
	EXPECT(html("<b a=\"1\">x & 'y'</b>"),
	       "&lt;b a=&quot;1&quot;&gt;x &amp; &#39;y&#39;&lt;/b&gt;");
	EXPECT(html("衡阳"), "衡阳");
	EXPECT(html(""), "");
	EXPECT(html(NULL), "");
}

/* No control byte survives: the terminal form first, then entities. */
static void test_html_controls(void **state)
{
	(void)state;
	EXPECT(html("\x1b[31mX\x1b[0m"), "\\e[31mX\\e[0m");
	EXPECT(html("a\nb\xc2\x9b<"), "a\\nb\\u009B&lt;");
}

static void test_markdown_inline(void **state)
{
	(void)state;
	EXPECT(md("A|B", 0), "A\\|B");
	EXPECT(md("*x* _y_ `z` [l](u) <i> #1 ~s~ a&b \\", 0),
	       "\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\<i\\> \\#1 \\~s\\~ a\\&b \\\\");
	/* Inline text keeps a leading - or digits: a table cell "-2". */
	EXPECT(md("-2", 0), "-2");
	EXPECT(md("1. x", 0), "1. x");
	EXPECT(md("服务（自 2023-04-01）", 0), "服务（自 2023-04-01）");
}

static void test_markdown_block(void **state)
{
	(void)state;
	EXPECT(md("- not a list", 1), "\\- not a list");
	EXPECT(md("+1", 1), "\\+1");
	EXPECT(md("=== x", 1), "\\=== x");
	EXPECT(md("12. not a list", 1), "12\\. not a list");
	EXPECT(md("3) x", 1), "3\\) x");
	EXPECT(md("2023 年", 1), "2023 年");
	EXPECT(md("a - b", 1), "a - b");
}

/* The terminal form is escaped again: "\e" shows as \e, not as e. */
static void test_markdown_controls(void **state)
{
	(void)state;
	EXPECT(md("\x1b[1m", 0), "\\\\e\\[1m");
	EXPECT(md("a\tb", 0), "a\\\\tb");
}

static void test_control(void **state)
{
	(void)state;
	assert_int_equal(qf_text_control("a\tb\nc", 5), -1);
	assert_int_equal(qf_text_control("中文", strlen("中文")), -1);
	assert_int_equal(qf_text_control("a\033[31m", 6), 0x1b);
	assert_int_equal(qf_text_control("x\x7f", 2), 0x7f);
	assert_int_equal(qf_text_control("x\xc2\x9b", 3), 0x9b);
	assert_int_equal(qf_text_control("x\xc2", 2), -1);  /* cut short: not C1 */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_control),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_width_invalid),
		cmocka_unit_test(test_escape_plain),
		cmocka_unit_test(test_escape_controls),
		cmocka_unit_test(test_escape_c1_form),
		cmocka_unit_test(test_escape_invalid),
		cmocka_unit_test(test_escape_backslash),
		cmocka_unit_test(test_escape_properties),
		cmocka_unit_test(test_truncate_cases),
		cmocka_unit_test(test_truncate_properties),
		cmocka_unit_test(test_csv_plain),
		cmocka_unit_test(test_csv_quoting),
		cmocka_unit_test(test_csv_neutralise),
		cmocka_unit_test(test_csv_appends),
		cmocka_unit_test(test_html_entities),
		cmocka_unit_test(test_html_controls),
		cmocka_unit_test(test_markdown_inline),
		cmocka_unit_test(test_markdown_block),
		cmocka_unit_test(test_markdown_controls),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
