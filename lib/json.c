/* json.c - records as JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qf/json.h"

static int put(struct qf_buf *b, const char *s, size_t n)
{
	return qf_buf_put(b, s, n);
}

static int puts_(struct qf_buf *b, const char *s)
{
	return qf_buf_puts(b, s);
}

int qf_json_string(struct qf_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t run = 0;

	if (put(b, "\"", 1))
		return -1;
	for (; *p; p++) {
		char esc[8];
		const char *e = NULL;

		if (*p == '"')
			e = "\\\"";
		else if (*p == '\\')
			e = "\\\\";
		else if (*p == '\n')
			e = "\\n";
		else if (*p == '\t')
			e = "\\t";
		else if (*p == '\r')
			e = "\\r";
		else if (*p < 0x20 || *p == 0x7f) {
			snprintf(esc, sizeof esc, "\\u%04x", *p);
			e = esc;
		} else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			/* C1 controls (U+0080..U+009F): escaped, as terminals
			 * act on some of them. */
			snprintf(esc, sizeof esc, "\\u%04x", p[1]);
			e = esc;
			if (put(b, (const char *)p - run, run) ||
			    puts_(b, e))
				return -1;
			run = 0;
			p++;
			continue;
		}
		if (!e) {
			run++;
			continue;
		}
		if (put(b, (const char *)p - run, run) ||
		    puts_(b, e))
			return -1;
		run = 0;
	}
	if (put(b, (const char *)p - run, run))
		return -1;
	return put(b, "\"", 1);
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)? */
static int json_number(const char *s)
{
	const char *p = s;

	if (*p == '-')
		p++;
	if (*p == '0')
		p++;
	else if (*p >= '1' && *p <= '9')
		while (*p >= '0' && *p <= '9')
			p++;
	else
		return 0;
	if (*p == '.') {
		if (!(p[1] >= '0' && p[1] <= '9'))
			return 0;
		for (p++; *p >= '0' && *p <= '9'; p++)
			;
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!(*p >= '0' && *p <= '9'))
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return *p == '\0';
}

static int newline(struct qf_buf *b, int indent, int level)
{
	if (indent <= 0)
		return 0;
	if (put(b, "\n", 1))
		return -1;
	return qf_buf_spaces(b, (size_t)indent * (size_t)level);
}

int qf_json_node(struct qf_buf *b, const struct qf_node *n, int indent,
		 int level)
{
	const char *sep = indent > 0 ? ": " : ":";

	if (!n)
		return puts_(b, "null");
	switch (n->kind) {
	case QF_NODE_SCALAR:
		switch (n->stype) {
		case QF_STYPE_NULL:
			return puts_(b, "null");
		case QF_STYPE_BOOL:
			return puts_(b,
				     (n->str[0] == 't' || n->str[0] == 'T') ?
				     "true" : "false");
		case QF_STYPE_INT:
		case QF_STYPE_FLOAT:
			if (json_number(n->str))
				return puts_(b, n->str);
			return qf_json_string(b, n->str);
		default:
			return qf_json_string(b, n->str);
		}
	case QF_NODE_SEQ:
		if (put(b, "[", 1))
			return -1;
		for (size_t i = 0; i < n->n; i++) {
			if ((i && put(b, ",", 1)) ||
			    newline(b, indent, level + 1) ||
			    qf_json_node(b, n->items[i], indent,
					 level + 1))
				return -1;
		}
		if (n->n && newline(b, indent, level))
			return -1;
		return put(b, "]", 1);
	case QF_NODE_MAP:
		if (put(b, "{", 1))
			return -1;
		for (size_t i = 0; i < n->n; i++) {
			if ((i && put(b, ",", 1)) ||
			    newline(b, indent, level + 1) ||
			    qf_json_string(b, n->keys[i]->str) ||
			    puts_(b, sep) ||
			    qf_json_node(b, n->items[i], indent,
					 level + 1))
				return -1;
		}
		if (n->n && newline(b, indent, level))
			return -1;
		return put(b, "}", 1);
	}
	return -1;
}
