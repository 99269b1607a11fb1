/* jsoncheck.c - a tiny JSON checker (RFC 8259) for the unit tests that
 * produce JSON (test_json, test_report): written apart from the library's
 * writer, so that each checks the other. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "jsoncheck.h"


struct jp {
	const char *p;
	int depth;
};

static void ws(struct jp *j)
{
	while (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' ||
	       *j->p == '\r')
		j->p++;
}

static int hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* A string literal at j->p; its decoded bytes go to out (NULL: dropped),
 * NUL-terminated, at most n bytes.  \uXXXX is decoded only below 0x800
 * (as UTF-8), which is all json.c ever writes.  0 or -1. */
static int jstring(struct jp *j, char *out, size_t n)
{
	size_t k = 0;

	if (*j->p != '"')
		return -1;
	j->p++;
	for (;;) {
		unsigned char c = (unsigned char)*j->p;
		char d[2];
		size_t nd = 1;

		if (c == '\0' || c < 0x20)
			return -1;
		j->p++;
		if (c == '"')
			break;
		d[0] = (char)c;
		if (c == '\\') {
			c = (unsigned char)*j->p++;
			switch (c) {
			case '"': d[0] = '"'; break;
			case '\\': d[0] = '\\'; break;
			case '/': d[0] = '/'; break;
			case 'b': d[0] = '\b'; break;
			case 'f': d[0] = '\f'; break;
			case 'n': d[0] = '\n'; break;
			case 'r': d[0] = '\r'; break;
			case 't': d[0] = '\t'; break;
			case 'u': {
				int v = 0;
				for (int i = 0; i < 4; i++) {
					int h = hex(j->p[i]);
					if (h < 0)
						return -1;
					v = v * 16 + h;
				}
				j->p += 4;
				if (v >= 0x800 || v == 0)
					return -1;
				if (v < 0x80) {
					d[0] = (char)v;
				} else {
					d[0] = (char)(0xc0 | (v >> 6));
					d[1] = (char)(0x80 | (v & 0x3f));
					nd = 2;
				}
				break;
			}
			default:
				return -1;
			}
		}
		if (out) {
			if (k + nd >= n)
				return -1;
			memcpy(out + k, d, nd);
			k += nd;
		}
	}
	if (out)
		out[k] = '\0';
	return 0;
}

static int jnumber(struct jp *j)
{
	const char *p = j->p;

	if (*p == '-')
		p++;
	if (*p == '0')
		p++;
	else if (*p >= '1' && *p <= '9')
		while (*p >= '0' && *p <= '9')
			p++;
	else
		return -1;
	if (*p == '.') {
		p++;
		if (!(*p >= '0' && *p <= '9'))
			return -1;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!(*p >= '0' && *p <= '9'))
			return -1;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	j->p = p;
	return 0;
}

static int jvalue(struct jp *j);

static int jlist(struct jp *j, char close, int object)
{
	j->p++;
	ws(j);
	if (*j->p == close) {
		j->p++;
		return 0;
	}
	for (;;) {
		ws(j);
		if (object) {
			if (jstring(j, NULL, 0))
				return -1;
			ws(j);
			if (*j->p++ != ':')
				return -1;
		}
		if (jvalue(j))
			return -1;
		ws(j);
		if (*j->p == ',') {
			j->p++;
			continue;
		}
		if (*j->p++ != close)
			return -1;
		return 0;
	}
}

static int jvalue(struct jp *j)
{
	int rc;

	ws(j);
	if (++j->depth > 64)
		return -1;
	switch (*j->p) {
	case '{': rc = jlist(j, '}', 1); break;
	case '[': rc = jlist(j, ']', 0); break;
	case '"': rc = jstring(j, NULL, 0); break;
	case 't': rc = strncmp(j->p, "true", 4) ? -1 : (j->p += 4, 0); break;
	case 'f': rc = strncmp(j->p, "false", 5) ? -1 : (j->p += 5, 0); break;
	case 'n': rc = strncmp(j->p, "null", 4) ? -1 : (j->p += 4, 0); break;
	default: rc = jnumber(j); break;
	}
	j->depth--;
	return rc;
}

/* 1 when s is exactly one JSON text. */
int jsoncheck_valid(const char *s)
{
	struct jp j = { s, 0 };

	if (jvalue(&j))
		return 0;
	ws(&j);
	return *j.p == '\0';
}


int jsoncheck_string(const char **p, char *out, size_t n)
{
	struct jp j = { *p, 0 };
	int rc = jstring(&j, out, n);

	*p = j.p;
	return rc;
}
