/* text.c - display width, escaping, CSV cells. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "qf/text.h"

size_t qf_text_width(const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t w = 0;

	while (*p) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate(p, -1, &c);
		if (n <= 0) {
			w++;
			p++;
			continue;
		}
		w += (size_t)utf8proc_charwidth(c);
		p += n;
	}
	return w;
}

static int put(struct qf_buf *b, const char *s, size_t n)
{
	return qf_buf_put(b, s, n);
}

char *qf_text_escape(const char *s, int tsv)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	struct qf_buf b = QF_BUF_INIT;

	if (put(&b, "", 0))
		return NULL;
	while (*p) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate(p, -1, &c);
		char esc[8];
		const char *e = NULL;

		if (n <= 0) {
			snprintf(esc, sizeof esc, "\\x%02X", *p);
			e = esc;
			n = 1;
		} else if (c == '\n') {
			e = "\\n";
		} else if (c == '\t') {
			e = "\\t";
		} else if (c == '\r') {
			e = "\\r";
		} else if (c == 0x1b) {
			e = "\\e";
		} else if (c == '\\' && tsv) {
			e = "\\\\";
		} else if (c < 0x20 || c == 0x7f) {
			snprintf(esc, sizeof esc, "\\x%02X", (unsigned)c);
			e = esc;
		} else if (c >= 0x80 && c < 0xa0) {
			snprintf(esc, sizeof esc, "\\u%04X", (unsigned)c);
			e = esc;
		}
		if (e ? put(&b, e, strlen(e)) :
			put(&b, (const char *)p, (size_t)n)) {
			free(b.s);
			return NULL;
		}
		p += n;
	}
	return b.s;
}

char *qf_text_truncate(const char *s, size_t width)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t w = 0, cut = 0, len = strlen(s);
	int cutting = 0;
	char *out;

	if (qf_text_width(s) <= width)
		return strdup(s);
	/* Keep room for the ellipsis (one column). */
	while (*p) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate(p, -1, &c);
		size_t cw;
		if (n <= 0) {
			n = 1;
			cw = 1;
		} else {
			cw = (size_t)utf8proc_charwidth(c);
		}
		if (w + cw + 1 > width) {
			cutting = 1;
			break;
		}
		w += cw;
		p += n;
	}
	cut = (size_t)((const char *)p - s);
	(void)len;
	if (!(out = malloc(cut + 4)))
		return NULL;
	memcpy(out, s, cut);
	if (cutting && width > 0)
		memcpy(out + cut, "\xe2\x80\xa6", 4);
	else
		out[cut] = '\0';
	return out;
}

/* 1 if a text cell gets a ' before it: it starts with = + - @ TAB or CR,
 * or with one or more ' and then one of those (so that qf_csv_text can
 * tell the ' it added from one the text had). */
static int neutralised(const char *s)
{
	const char *p = s + strspn(s, "'");

	return *p && strchr("=+-@\t\r", *p);
}

const char *qf_csv_text(const char *cell)
{
	return cell[0] == '\'' && neutralised(cell + 1) ? cell + 1 : cell;
}

int qf_csv_cell(struct qf_buf *b, const char *s, int text)
{
	int quote = strpbrk(s, ",\"\r\n") != NULL;
	int neuter = text && neutralised(s);
	int rc = 0;

	if (quote || neuter)
		rc |= put(b, "\"", 1);
	if (neuter)
		rc |= put(b, "'", 1);
	for (const char *p = s; *p && !rc; p++)
		rc |= *p == '"' ? put(b, "\"\"", 2) : put(b, p, 1);
	if (quote || neuter)
		rc |= put(b, "\"", 1);
	return rc ? -1 : 0;
}

/* The terminal-safe form of s, then each byte through one() into out. */
static int escape_with(struct qf_buf *out, const char *s,
		       int (*one)(struct qf_buf *, char, int))
{
	char *safe = qf_text_escape(s ? s : "", 0);
	int first = 1, rc = 0;

	if (!safe) {
		out->oom = 1;
		return -1;
	}
	for (const char *p = safe; *p && !rc; p++, first = 0)
		rc = one(out, *p, first);
	free(safe);
	return rc || out->oom ? -1 : 0;
}

static int html_one(struct qf_buf *b, char c, int first)
{
	(void)first;
	switch (c) {
	case '&': return qf_buf_puts(b, "&amp;");
	case '<': return qf_buf_puts(b, "&lt;");
	case '>': return qf_buf_puts(b, "&gt;");
	case '"': return qf_buf_puts(b, "&quot;");
	case '\'': return qf_buf_puts(b, "&#39;");
	default: return qf_buf_putc(b, c);
	}
}

int qf_text_html(struct qf_buf *out, const char *s)
{
	return escape_with(out, s, html_one);
}

static int md_one(struct qf_buf *b, char c, int first, int block)
{
	/* Punctuation that is markup anywhere in a line; a backslash
	 * before any ASCII punctuation is CommonMark's escape. */
	if (strchr("\\`*_[]<>|#~&", c) ||
	    (block && first && strchr("-+=", c)))
		qf_buf_putc(b, '\\');
	return qf_buf_putc(b, c);
}

static int md_inline(struct qf_buf *b, char c, int first)
{
	return md_one(b, c, first, 0);
}

static int md_block(struct qf_buf *b, char c, int first)
{
	return md_one(b, c, first, 1);
}

int qf_text_markdown(struct qf_buf *out, const char *s, int block)
{
	size_t start = out->len;
	int rc = escape_with(out, s, block ? md_block : md_inline);

	/* "1. " or "1) " opening a paragraph would start a list. */
	if (!rc && block) {
		size_t i = start;
		while (i < out->len && out->s[i] >= '0' && out->s[i] <= '9')
			i++;
		if (i > start && i < out->len &&
		    (out->s[i] == '.' || out->s[i] == ')')) {
			if (qf_buf_putc(out, '\0'))
				return -1;
			memmove(out->s + i + 1, out->s + i, out->len - 1 - i);
			out->s[i] = '\\';
			out->s[out->len] = '\0';
		}
	}
	return rc;
}

long qf_text_control(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;

	for (size_t i = 0; i < len; i++) {
		if ((p[i] < 0x20 && p[i] != '\t' && p[i] != '\n') ||
		    p[i] == 0x7f)
			return p[i];
		if (p[i] == 0xc2 && i + 1 < len && p[i + 1] >= 0x80 &&
		    p[i + 1] <= 0x9f)
			return p[i + 1];
	}
	return -1;
}

/* ---- amounts -------------------------------------------------------- */

int qf_amount_parse(const char *s, unsigned long long scale, long long *yuan)
{
	static const struct { const char *unit; unsigned long long scale; } units[] = {
		{ "\xE5\x85\x83", 1 },                                /* 元 */
		{ "\xE4\xB8\x87\xE5\x85\x83", 10000ULL },             /* 万元 */
		{ "\xE4\xB8\x87", 10000ULL },                         /* 万 */
		{ "\xE4\xBA\xBF\xE5\x85\x83", 100000000ULL },         /* 亿元 */
		{ "\xE4\xBA\xBF", 100000000ULL },                     /* 亿 */
	};
	unsigned long long whole = 0, frac = 0, div = 1;
	int digits = 0, dot = 0;

	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			unsigned d = (unsigned)(*s - '0');
			if (dot) {
				if (div > 1000000000ULL)
					return -1;
				frac = frac * 10 + d;
				div *= 10;
			} else {
				if (whole > 100000000000000ULL)
					return -1;
				whole = whole * 10 + d;
			}
			digits++;
		} else if (*s == ',' && !dot) {
			continue;
		} else if (*s == '.' && !dot) {
			dot = 1;
		} else {
			break;
		}
	}
	for (size_t i = 0; *s && i < sizeof units / sizeof units[0]; i++)
		if (!strcmp(s, units[i].unit) && (scale == 1 || units[i].scale == 1)) {
			s += strlen(units[i].unit);
			scale = scale == 1 ? units[i].scale : scale;
			break;
		}
	if (*s || !digits || whole > 100000000000000ULL / scale)
		return -1;
	if ((frac * scale) % div)
		return -1;  /* a fraction of a yuan */
	*yuan = (long long)(whole * scale + frac * scale / div);
	return 0;
}
