/* csvin.c - reading other systems' CSV (see qf/csvin.h). */
#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <utf8proc.h>

#include "i18n.h"
#include "qf/buf.h"
#include "qf/csvin.h"
#include "qf/file.h"

/* A spreadsheet, not a store: large registers are some MB. */
#define CSV_MAX ((size_t)256 << 20)

/* libcsv's state before a row's first byte (ROW_NOT_BEGUN in libcsv.c):
 * after a line is fed, the next row starts on the next line only then. */
#define CSV_ROW_NOT_BEGUN 0

static int read_stdin(struct qf_buf *b, struct qf_error *err)
{
	char chunk[65536];
	ssize_t got;

	while ((got = read(0, chunk, sizeof chunk)) != 0) {
		if (got < 0) {
			if (errno == EINTR)
				continue;
			return qf_error_sys(err, QF_EIO, NULL, errno,
					    _("cannot read standard input"));
		}
		if (b->len + (size_t)got > CSV_MAX)
			return qf_error_set(err, QF_EDATA, "-", 0, 0,
					    _("standard input is over %zu MiB"),
					    CSV_MAX >> 20);
		if (qf_buf_put(b, chunk, (size_t)got))
			return qf_error_oom(err);
	}
	if (qf_buf_reserve(b, 1))
		return qf_error_oom(err);
	b->s[b->len] = '\0';
	return 0;
}

/* The 1-based line and column (in characters) of byte off of s. */
static void place(const char *s, size_t off, unsigned *line, unsigned *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < off; i++) {
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= off || s[i + 1] != '\n'))) {
			++*line;
			*col = 1;
		} else if (((unsigned char)s[i] & 0xC0) != 0x80) {
			++*col;
		}
	}
}

/* The offset of the first byte that is not UTF-8, or len. */
static size_t utf8_bad(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
						      (utf8proc_ssize_t)(len - i), &cp);
		if (k <= 0)
			return i;
		i += (size_t)k;
	}
	return len;
}

static int is_ident(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a, y = *b;
		if (x >= 'A' && x <= 'Z') x = (char)(x - 'A' + 'a');
		if (x == '_') x = '-';
		if (x != y)
			return 0;
	}
	return !*a && !*b;
}

/* Convert in (len bytes) from code to UTF-8 into out.  Bytes that are not
 * of code: QF_EDATA at their line (in the original's lines, which
 * conversion keeps). */
static int convert(const char *path, const char *code, const char *label,
		   const char *in, size_t len, struct qf_buf *out,
		   struct qf_error *err)
{
	iconv_t cd = iconv_open("UTF-8", code);
	char *ip = (char *)in;
	size_t il = len;

	if (cd == (iconv_t)-1)
		return qf_error_sys(err, QF_ESOFTWARE, NULL, errno,
				    _("cannot convert from %s"), code);
	if (qf_buf_reserve(out, len * 2 + 16)) {
		iconv_close(cd);
		return qf_error_oom(err);
	}
	while (il) {
		char *op = out->s + out->len;
		size_t ol = out->cap - out->len - 1;
		size_t r = iconv(cd, &ip, &il, &op, &ol);
		out->len = (size_t)(op - out->s);
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG) {
			if (qf_buf_reserve(out, out->cap)) {
				iconv_close(cd);
				return qf_error_oom(err);
			}
			continue;
		}
		{
			/* The line of the bad byte: count the input's
			 * newlines in the ASCII-compatible encodings, the
			 * output's in UTF-16. */
			unsigned line, col;
			if (strncmp(code, "UTF-16", 6)) {
				place(in, (size_t)(ip - in), &line, &col);
			} else {
				place(out->s, out->len, &line, &col);
			}
			iconv_close(cd);
			qf_buf_clear(out);
			return qf_error_set(err, QF_EDATA, path, line, 0,
					    _("bytes that are not %s (give --encoding if the file is in another one)"),
					    label);
		}
	}
	iconv_close(cd);
	out->s[out->len] = '\0';
	return 0;
}

struct parse {
	struct qf_csv *c;
	struct qf_strv cells;      /* the row being read */
	size_t rows_cap;
	unsigned row_line, line;
	int oom;
};

static void on_cell(void *s, size_t len, void *ud)
{
	struct parse *p = ud;
	char *cell;

	if (p->oom)
		return;
	if (!(cell = malloc(len + 1))) {
		p->oom = 1;
		return;
	}
	if (len)
		memcpy(cell, s, len);
	cell[len] = '\0';
	if (p->cells.n == p->cells.cap) {
		size_t cap = p->cells.cap ? p->cells.cap * 2 : 16;
		char **v = realloc(p->cells.v, cap * sizeof *v);
		if (!v) {
			free(cell);
			p->oom = 1;
			return;
		}
		p->cells.v = v;
		p->cells.cap = cap;
	}
	p->cells.v[p->cells.n++] = cell;
}

static void drop_cells(struct qf_strv *v)
{
	for (size_t i = 0; i < v->n; i++)
		free(v->v[i]);
	v->n = 0;
}

static void on_row(int term, void *ud)
{
	struct parse *p = ud;
	struct qf_csv *c = p->c;
	struct qf_csv_row *r;
	size_t i;
	int empty = 1;

	(void)term;
	for (i = 0; i < p->cells.n; i++)
		if (p->cells.v[i][0])
			empty = 0;
	if (p->oom || empty) {
		drop_cells(&p->cells);
		return;
	}
	if (c->nrows == p->rows_cap) {
		size_t cap = p->rows_cap ? p->rows_cap * 2 : 64;
		r = realloc(c->rows, cap * sizeof *r);
		if (!r) {
			p->oom = 1;
			drop_cells(&p->cells);
			return;
		}
		c->rows = r;
		p->rows_cap = cap;
	}
	r = &c->rows[c->nrows++];
	r->line = p->row_line;
	r->n = p->cells.n;
	r->cells = p->cells.v;
	p->cells.v = NULL;
	p->cells.n = p->cells.cap = 0;
}

/* The bytes of the line at s, its end included: LF, CRLF, or a lone CR
 * (old Mac files; libcsv ends a row at it too). */
static size_t line_len(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			return i + 1;
		if (s[i] == '\r')
			return i + 1 < len && s[i + 1] == '\n' ? i + 2 : i + 1;
	}
	return len;
}

/* Tab-separated when the first record (blank lines before it skipped)
 * has a tab and no comma outside quotes.  A quoted cell may hold tabs
 * and line ends of its own, so the first physical line would mislead. */
static char sniff_delim(const char *s, size_t len)
{
	size_t i = 0;
	int quoted = 0, tabs = 0, commas = 0;

	while (i < len && (s[i] == '\n' || s[i] == '\r'))
		i++;
	for (; i < len; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (s[i] == '\n' || s[i] == '\r')
			break;
		else if (s[i] == '\t')
			tabs = 1;
		else if (s[i] == ',')
			commas = 1;
	}
	return tabs && !commas ? '\t' : ',';
}

static int parse(const char *path, const char *s, size_t len,
		 struct qf_csv *c, struct qf_error *err)
{
	struct csv_parser cp;
	struct parse p;
	size_t off = 0;
	int rc = 0;

	memset(&p, 0, sizeof p);
	p.c = c;
	c->delim = sniff_delim(s, len);
	if (csv_init(&cp, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL))
		return qf_error_oom(err);
	csv_set_delim(&cp, (unsigned char)c->delim);
	p.row_line = p.line = 1;
	while (off < len && !rc) {
		size_t n = line_len(s + off, len - off);
		size_t done = csv_parse(&cp, s + off, n, on_cell, on_row, &p);
		if (p.oom) {
			rc = qf_error_oom(err);
		} else if (done != n) {
			unsigned line, col;
			place(s, off + done, &line, &col);
			rc = qf_error_set(err, QF_EDATA, path, line, col,
					  _("a quote (\") inside a field that does not start with one, or after a closing one: quote the whole field and double the quotes in it (\"\")"));
		}
		off += n;
		p.line++;
		if (cp.pstate == CSV_ROW_NOT_BEGUN)
			p.row_line = p.line;
	}
	if (!rc && csv_fini(&cp, on_cell, on_row, &p)) {
		rc = qf_error_set(err, QF_EDATA, path, p.row_line, 0,
				  _("a quoted field that starts in this row is never closed"));
	}
	if (!rc && p.oom)
		rc = qf_error_oom(err);
	drop_cells(&p.cells);
	free(p.cells.v);
	csv_free(&cp);
	return rc;
}

int qf_csv_load(const char *path, const char *encoding, struct qf_csv **out,
		struct qf_error *err)
{
	struct qf_buf raw = { 0 };
	size_t plen = strlen(path);
	int rc;

	*out = NULL;
	if ((plen > 5 && !strcasecmp(path + plen - 5, ".xlsx")) ||
	    (plen > 4 && !strcasecmp(path + plen - 4, ".xls")) ||
	    (plen > 3 && !strcasecmp(path + plen - 3, ".et")))
		return qf_error_set(err, QF_EDATA, path, 0, 0,
				    _("a spreadsheet, not CSV: open it in Excel or WPS and save it as CSV (File > Save As > CSV UTF-8, or CSV)"));
	if (!strcmp(path, "-"))
		rc = read_stdin(&raw, err);
	else
		rc = qf_file_read_into(path, CSV_MAX, &raw, err);
	if (!rc)
		rc = qf_csv_parse(path, raw.s ? raw.s : "", raw.len, encoding, out, err);
	qf_buf_release(&raw);
	return rc;
}

int qf_csv_parse(const char *path, const char *bytes, size_t len,
		 const char *encoding, struct qf_csv **out, struct qf_error *err)
{
	struct qf_buf utf = { 0 };
	struct qf_csv *c;
	const unsigned char *u;
	const char *text;
	size_t bad;
	int rc = 0;

	*out = NULL;
	if (!(c = calloc(1, sizeof *c)))
		return qf_error_oom(err);
	u = (const unsigned char *)bytes;
	if ((len >= 4 && !memcmp(u, "PK\3\4", 4)) ||
	    (len >= 8 && !memcmp(u, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))) {
		rc = qf_error_set(err, QF_EDATA, path, 0, 0,
				  _("a spreadsheet, not CSV: open it in Excel or WPS and save it as CSV (File > Save As > CSV UTF-8, or CSV)"));
		goto out;
	}
	if (encoding && !strcmp(encoding, "auto"))
		encoding = NULL;
	if (encoding && !is_ident(encoding, "utf-8") && !is_ident(encoding, "utf8") &&
	    !is_ident(encoding, "gb18030") && !is_ident(encoding, "gbk") &&
	    !is_ident(encoding, "gb2312") && !is_ident(encoding, "utf-16")) {
		rc = qf_error_set(err, QF_EUSAGE, NULL, 0, 0,
				  _("unknown encoding '%s' (utf-8, gb18030, utf-16 or auto)"),
				  encoding);
		goto out;
	}
	text = bytes;
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)) &&
	    (!encoding || is_ident(encoding, "utf-16"))) {
		int le = u[0] == 0xFF;
		c->encoding = le ? "UTF-16LE (BOM)" : "UTF-16BE (BOM)";
		if ((rc = convert(path, le ? "UTF-16LE" : "UTF-16BE", "UTF-16",
				  bytes + 2, len - 2, &utf, err)))
			goto out;
		text = utf.s;
		len = utf.len;
	} else if (encoding && is_ident(encoding, "utf-16")) {
		rc = qf_error_set(err, QF_EDATA, path, 0, 0,
				  _("UTF-16 without a byte order mark: save it again as CSV UTF-8"));
		goto out;
	} else if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF &&
		   (!encoding || is_ident(encoding, "utf-8") || is_ident(encoding, "utf8"))) {
		c->encoding = "UTF-8 (BOM)";
		text += 3;
		len -= 3;
	} else if (!encoding) {
		c->encoding = utf8_bad(text, len) == len ? "UTF-8" : "GB18030";
	} else {
		c->encoding = is_ident(encoding, "utf-8") || is_ident(encoding, "utf8")
			? "UTF-8" : "GB18030";
	}
	if (!strcmp(c->encoding, "GB18030")) {
		if ((rc = convert(path, "GB18030", "GB18030", text, len, &utf, err)))
			goto out;
		text = utf.s;
		len = utf.len;
	}
	if ((bad = utf8_bad(text, len)) != len) {
		unsigned line, col;
		place(text, bad, &line, &col);
		rc = qf_error_set(err, QF_EDATA, path, line, col,
				  _("bytes that are not UTF-8 (give --encoding gb18030 if the file is GB18030 or GBK)"));
		goto out;
	}
	if (memchr(text, '\0', len)) {
		bad = (size_t)((const char *)memchr(text, '\0', len) - text);
		unsigned line, col;
		place(text, bad, &line, &col);
		rc = qf_error_set(err, QF_EDATA, path, line, col,
				  _("a NUL byte: the file is not text (UTF-16 without a byte order mark?)"));
		goto out;
	}
	rc = parse(path, text, len, c, err);
out:
	qf_buf_release(&utf);
	if (rc)
		qf_csv_free(c);
	else
		*out = c;
	return rc;
}

void qf_csv_free(struct qf_csv *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nrows; i++) {
		for (size_t j = 0; j < c->rows[i].n; j++)
			free(c->rows[i].cells[j]);
		free(c->rows[i].cells);
	}
	free(c->rows);
	free(c);
}
