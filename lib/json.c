/* json.c - records as JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qf/json.h"

static int put(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
	if (*len + n + 1 > *cap) {
		size_t c = *cap ? *cap : 256;
		char *p;
		while (*len + n + 1 > c)
			c *= 2;
		if (!(p = realloc(*buf, c)))
			return -1;
		*buf = p;
		*cap = c;
	}
	memcpy(*buf + *len, s, n);
	*len += n;
	(*buf)[*len] = '\0';
	return 0;
}

static int puts_(char **buf, size_t *len, size_t *cap, const char *s)
{
	return put(buf, len, cap, s, strlen(s));
}

int qf_json_string(char **buf, size_t *len, size_t *cap, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t run = 0;

	if (put(buf, len, cap, "\"", 1))
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
			if (put(buf, len, cap, (const char *)p - run, run) ||
			    puts_(buf, len, cap, e))
				return -1;
			run = 0;
			p++;
			continue;
		}
		if (!e) {
			run++;
			continue;
		}
		if (put(buf, len, cap, (const char *)p - run, run) ||
		    puts_(buf, len, cap, e))
			return -1;
		run = 0;
	}
	if (put(buf, len, cap, (const char *)p - run, run))
		return -1;
	return put(buf, len, cap, "\"", 1);
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

static int newline(char **buf, size_t *len, size_t *cap, int indent,
		   int level)
{
	if (indent <= 0)
		return 0;
	if (put(buf, len, cap, "\n", 1))
		return -1;
	for (int i = 0; i < indent * level; i++)
		if (put(buf, len, cap, " ", 1))
			return -1;
	return 0;
}

int qf_json_node(char **buf, size_t *len, size_t *cap, const struct qf_node *n,
		 int indent, int level)
{
	const char *sep = indent > 0 ? ": " : ":";

	if (!n)
		return puts_(buf, len, cap, "null");
	switch (n->kind) {
	case QF_NODE_SCALAR:
		switch (n->stype) {
		case QF_STYPE_NULL:
			return puts_(buf, len, cap, "null");
		case QF_STYPE_BOOL:
			return puts_(buf, len, cap,
				     (n->str[0] == 't' || n->str[0] == 'T') ?
				     "true" : "false");
		case QF_STYPE_INT:
		case QF_STYPE_FLOAT:
			if (json_number(n->str))
				return puts_(buf, len, cap, n->str);
			return qf_json_string(buf, len, cap, n->str);
		default:
			return qf_json_string(buf, len, cap, n->str);
		}
	case QF_NODE_SEQ:
		if (put(buf, len, cap, "[", 1))
			return -1;
		for (size_t i = 0; i < n->n; i++) {
			if ((i && put(buf, len, cap, ",", 1)) ||
			    newline(buf, len, cap, indent, level + 1) ||
			    qf_json_node(buf, len, cap, n->items[i], indent,
					 level + 1))
				return -1;
		}
		if (n->n && newline(buf, len, cap, indent, level))
			return -1;
		return put(buf, len, cap, "]", 1);
	case QF_NODE_MAP:
		if (put(buf, len, cap, "{", 1))
			return -1;
		for (size_t i = 0; i < n->n; i++) {
			if ((i && put(buf, len, cap, ",", 1)) ||
			    newline(buf, len, cap, indent, level + 1) ||
			    qf_json_string(buf, len, cap, n->keys[i]->str) ||
			    puts_(buf, len, cap, sep) ||
			    qf_json_node(buf, len, cap, n->items[i], indent,
					 level + 1))
				return -1;
		}
		if (n->n && newline(buf, len, cap, indent, level))
			return -1;
		return put(buf, len, cap, "}", 1);
	}
	return -1;
}
