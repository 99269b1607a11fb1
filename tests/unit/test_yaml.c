/* test_yaml.c - reading records (yaml_read.c) and writing them
 * (yaml_write.c).  Every parser case runs twice: from memory and from a
 * file in a temporary directory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "qf/yaml.h"

#define MAX_DOCS 8

struct ctx {
	char dir[64];
	char path[128];
	unsigned nfile;
};

static int setup(void **state)
{
	struct ctx *c = calloc(1, sizeof(*c));

	if (!c)
		return -1;
	snprintf(c->dir, sizeof(c->dir), "/tmp/qf-test-yaml-XXXXXX");
	if (!mkdtemp(c->dir)) {
		free(c);
		return -1;
	}
	*state = c;
	return 0;
}

static int teardown(void **state)
{
	struct ctx *c = *state;
	struct dirent *de;
	DIR *d = opendir(c->dir);
	char p[400];

	while (d && (de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(p, sizeof(p), "%s/%s", c->dir, de->d_name);
		unlink(p);
	}
	if (d)
		closedir(d);
	rmdir(c->dir);
	free(c);
	return 0;
}

/* Write text to a new file in the test directory; c->path names it. */
static void write_file(struct ctx *c, const char *text, size_t len)
{
	FILE *fp;

	snprintf(c->path, sizeof(c->path), "%s/t%u.yaml", c->dir, c->nfile++);
	fp = fopen(c->path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(text, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
}

static int open_reader(struct ctx *c, int from_file, const char *text,
		       size_t len, struct qf_reader **r, struct qf_error *err)
{
	if (!from_file)
		return qf_reader_open_mem(r, text, len, "t.yaml", err);
	write_file(c, text, len);
	return qf_reader_open(r, c->path, "t.yaml", err);
}

/* Read every document of text.  Returns 0, or -1 with err set; *n is the
 * number of documents read before the end or the error. */
static int read_all(struct ctx *c, int from_file, const char *text,
		    size_t len, struct qf_doc *docs, int *n,
		    struct qf_error *err)
{
	struct qf_reader *r;
	struct qf_doc extra;
	int rc;

	*n = 0;
	qf_error_clear(err);
	assert_int_equal(open_reader(c, from_file, text, len, &r, err), QF_OK);
	for (;;) {
		rc = qf_reader_next(r, *n < MAX_DOCS ? &docs[*n] : &extra,
				    err);
		if (rc <= 0)
			break;
		assert_true(*n < MAX_DOCS);
		(*n)++;
	}
	if (rc < 0) {
		struct qf_error again;

		/* An unusable reader says so again. */
		assert_int_equal(qf_reader_next(r, &extra, &again), -1);
		assert_null(extra.root);
	}
	qf_reader_free(r);
	return rc;
}

static void release_all(struct qf_doc *docs, int n)
{
	int i;

	for (i = 0; i < n; i++)
		qf_doc_release(&docs[i]);
}

static const struct qf_node *val(const struct qf_node *map, const char *key)
{
	const struct qf_node *v = qf_node_get(map, key);

	assert_non_null(v);
	return v;
}

static void assert_scalar(const struct qf_node *n, const char *s,
			  enum qf_stype t)
{
	assert_non_null(n);
	assert_int_equal(n->kind, QF_NODE_SCALAR);
	assert_string_equal(n->str, s);
	assert_int_equal(n->len, strlen(s));
	assert_int_equal(n->stype, t);
}

static void test_multi_docs(void **state)
{
	static const char text[] =
		"# register of firms\n"			/* 1 */
		"---\n"					/* 2 */
		"id: F-HY-0001\n"			/* 3 */
		"name: 燕京啤酒\n"			/* 4 */
		"tags: [规上, 重点]\n"			/* 5 */
		"contact:\n"				/* 6 */
		"  name: 张三\n"			/* 7 */
		"  phone: '0123'\n"			/* 8 */
		"---\n"					/* 9 */
		"id: F-HY-0002\n"			/* 10 */
		"log:\n"				/* 11 */
		"  - date: 2023-05-01\n"		/* 12 */
		"    n: 3\n";				/* 13 */
	struct qf_doc d[MAX_DOCS];
	struct qf_error err;
	const struct qf_node *n;
	int i, nd;

	for (i = 0; i < 2; i++) {
		assert_int_equal(read_all(*state, i, text, sizeof(text) - 1, d,
					  &nd, &err), 0);
		assert_int_equal(nd, 2);
		assert_int_equal(d[0].first_line, 2);
		assert_int_equal(d[0].last_line, 8);
		assert_int_equal(d[1].first_line, 9);
		assert_int_equal(d[1].last_line, 13);

		assert_int_equal(d[0].root->kind, QF_NODE_MAP);
		assert_int_equal(d[0].root->n, 4);
		assert_string_equal(d[0].root->keys[0]->str, "id");
		assert_string_equal(d[0].root->keys[3]->str, "contact");
		assert_scalar(val(d[0].root, "name"), "燕京啤酒", QF_STYPE_STR);
		n = val(d[0].root, "name");
		assert_int_equal(n->line, 4);
		assert_int_equal(n->col, 7);
		n = val(d[0].root, "tags");
		assert_int_equal(n->kind, QF_NODE_SEQ);
		assert_int_equal(n->n, 2);
		assert_int_equal(n->line, 5);
		assert_int_equal(n->col, 7);
		assert_scalar(n->items[1], "重点", QF_STYPE_STR);
		/* Columns count characters, as libyaml does. */
		assert_int_equal(n->items[1]->col, 12);
		n = val(d[0].root, "contact");
		assert_scalar(val(n, "phone"), "0123", QF_STYPE_STR);
		assert_int_equal(qf_node_get_key(n, "phone")->line, 8);
		assert_int_equal(qf_node_get_key(n, "phone")->col, 3);

		n = val(d[1].root, "log");
		assert_int_equal(n->kind, QF_NODE_SEQ);
		assert_int_equal(n->items[0]->kind, QF_NODE_MAP);
		assert_int_equal(n->items[0]->line, 12);
		assert_int_equal(n->items[0]->col, 5);
		assert_scalar(val(n->items[0], "date"), "2023-05-01",
			      QF_STYPE_STR);
		assert_scalar(val(n->items[0], "n"), "3", QF_STYPE_INT);
		release_all(d, nd);
	}
}

/* first_line/last_line: what the store rewrites in place. */
struct lines_case {
	const char *text;
	int ndocs;
	unsigned lines[MAX_DOCS][2];
};

static const struct lines_case lines_cases[] = {
	{ "a: 1\n", 1, { { 1, 1 } } },
	{ "a: 1", 1, { { 1, 1 } } },
	{ "\n\n# c\na: 1\n\n# after\n", 1, { { 4, 4 } } },
	{ "---\na: 1\n---\nb: 2\n", 2, { { 1, 2 }, { 3, 4 } } },
	{ "---\na: 1\n# about b\n\n---\nb: 2", 2, { { 1, 2 }, { 5, 6 } } },
	/* literal block scalars, at the end of a document and of a file */
	{ "---\na: |\n  x\n  y\n---\nb: 1\n", 2, { { 1, 4 }, { 5, 6 } } },
	{ "---\na: |\n  x\n\n  y\n\n\n# c\n---\nb: 1\n", 2,
	  { { 1, 5 }, { 9, 10 } } },
	{ "---\na: |\n  x\n  y", 1, { { 1, 4 } } },
	{ "---\na: |\n  x\n  y\n", 1, { { 1, 4 } } },
	{ "---\na: |-\n  x\n\n\n---\n", 2, { { 1, 3 }, { 6, 6 } } },
	{ "---\na: |+\n  x\n\n\n---\nb: 1\n", 2, { { 1, 5 }, { 6, 7 } } },
	{ "---\na: |\n\n  x\n", 1, { { 1, 4 } } },
	{ "---\na: |\nb: 1\n", 1, { { 1, 3 } } },
	{ "---\nb:\n  c: |\n    x\n  d: 1\n", 1, { { 1, 5 } } },
	{ "---\nb:\n  c: |\n    x\n# c\n", 1, { { 1, 4 } } },
	/* folded: its end mark is used */
	{ "---\na: >\n  x\n  y\n---\n", 2, { { 1, 4 }, { 5, 5 } } },
	/* explicit document end */
	{ "---\na: 1\n...\n# c\n---\nb: 2\n...\n", 2, { { 1, 2 }, { 5, 6 } } },
	{ "a: 1\n...\n", 1, { { 1, 1 } } },
	{ "a: 1\n...\n...\n---\nb: 2\n...", 2, { { 1, 1 }, { 4, 5 } } },
	/* flow collections and multi-line scalars */
	{ "---\na: [1,\n  2,\n  3]\n# c\n", 1, { { 1, 4 } } },
	{ "---\na: {x: 1,\n  y: 2}\n", 1, { { 1, 3 } } },
	{ "---\na: \"x\n  y\"\n\n", 1, { { 1, 3 } } },
	{ "---\na: x\n  y\n  z\n", 1, { { 1, 4 } } },
	{ "---\nt:\n  - a\n  - b\n", 1, { { 1, 4 } } },
	/* empty values: the ':' or '-' line counts */
	{ "---\na: 1\nb:\n# c\n---\nc: 1\n", 2, { { 1, 3 }, { 5, 6 } } },
	{ "---\nt:\n  -\n# c\n", 1, { { 1, 3 } } },
	/* empty documents */
	{ "---\n---\na: 1\n", 2, { { 1, 1 }, { 2, 3 } } },
	{ "--- # nothing\n# c\n", 1, { { 1, 1 } } },
	/* directives belong to their document */
	{ "%YAML 1.1\n---\na: 1\n", 1, { { 1, 3 } } },
	/* a scalar root */
	{ "--- x\n--- |\n  y\n", 2, { { 1, 1 }, { 2, 3 } } },
	/* CRLF line ends count as libyaml counts them (CR alone is refused:
	 * test_empty_and_odd) */
	{ "---\r\na: 1\r\nb: |\r\n  x\r\n---\r\nc: 2\r\n", 2,
	  { { 1, 4 }, { 5, 6 } } },
	{ "\xef\xbb\xbf---\na: 1\n", 1, { { 1, 2 } } },
};

static void test_doc_lines(void **state)
{
	struct qf_doc d[MAX_DOCS];
	struct qf_error err;
	size_t k;
	int i, j, nd;

	for (k = 0; k < sizeof(lines_cases) / sizeof(lines_cases[0]); k++) {
		const struct lines_case *lc = &lines_cases[k];

		for (i = 0; i < 2; i++) {
			int rc = read_all(*state, i, lc->text,
					  strlen(lc->text), d, &nd, &err);

			if (rc != 0 || nd != lc->ndocs)
				print_error("case %zu: rc %d, %d docs: %s\n",
					    k, rc, nd, err.msg);
			assert_int_equal(rc, 0);
			assert_int_equal(nd, lc->ndocs);
			for (j = 0; j < nd; j++) {
				if (d[j].first_line != lc->lines[j][0] ||
				    d[j].last_line != lc->lines[j][1])
					print_error("case %zu doc %d: %u-%u\n",
						    k, j, d[j].first_line,
						    d[j].last_line);
				assert_int_equal(d[j].first_line,
						 lc->lines[j][0]);
				assert_int_equal(d[j].last_line,
						 lc->lines[j][1]);
			}
			release_all(d, nd);
		}
	}
}

/* Input that must be refused, and where. */
struct bad_case {
	const char *text;
	size_t len;		/* 0: strlen */
	unsigned line, col;
	const char *msg;	/* a part of the message */
};

static const struct bad_case bad_cases[] = {
	{ "a: &x 1\nb: *x\n", 0, 1, 4, "anchors are not allowed" },
	{ "a: 1\nb: *x\n", 0, 2, 4, "aliases are not allowed" },
	{ "a: &m\n  b: 1\n", 0, 1, 4, "anchors are not allowed" },
	{ "a: !!int 1\n", 0, 1, 4, "tags are not allowed" },
	{ "a: !local x\n", 0, 1, 4, "tags are not allowed" },
	{ "a: !!seq [1]\n", 0, 1, 4, "tags are not allowed" },
	{ "a: !!str [1]\n", 0, 1, 4, "tags are not allowed" },
	{ "a: 1\nb: 2\na: 3\n", 0, 3, 1, "duplicate key 'a'" },
	{ "x:\n  k: 1\n  k: 2\n", 0, 3, 3, "duplicate key 'k'" },
	{ "a: {k: 1, k: 2}\n", 0, 1, 11, "duplicate key 'k'" },
	{ "\"a\": 1\n'a': 2\n", 0, 2, 1, "duplicate key 'a'" },
	{ "[a]: 1\n", 0, 1, 1, "keys must be scalars" },
	{ "? {a: 1}\n: 1\n", 0, 1, 3, "keys must be scalars" },
	{ "a: [1, 2\n", 0, 2, 1, "did not find expected" },
	{ "a: b: c\n", 0, 1, 5, "mapping values are not allowed" },
	{ "a: 1\nb: \"x\\0y\"\n", 0, 2, 4, "NUL" },
	{ "a: 1\nb: x\xff\n", 0, 2, 5, "not UTF-8 text" },
	/* GBK: the place of the first byte that cannot be UTF-8 */
	{ "a: 1\nb: \xc6\xf3\xd2\xb5\n", 0, 2, 5, "not UTF-8 text" },
	{ "\xef\xbb\xbf" "a: \xc3(\n", 0, 1, 5, "not UTF-8 text" },
	{ "a: 1\nb: x\0y\n", 12, 2, 5, "control characters" },
	{ "\xff\xfe" "a\0:\0 \0" "1\0\n\0", 12, 1, 1, "not UTF-8 text" },
	{ "\xfe\xff\0a\0:\0 \0" "1\0\n", 12, 1, 1, "not UTF-8 text" },
	{ "[[[[[[[[[1]]]]]]]]]\n", 0, 1, 9, "nested deeper than 8" },
	{ "a: {b: {c: {d: {e: {f: {g: {h: {i: 1}}}}}}}}\n", 0, 1, 32,
	  "nested deeper than 8" },
	{ "a:\n b:\n  c:\n   d:\n    e:\n     f:\n      g:\n       - - 1\n",
	  0, 8, 10, "nested deeper than 8" },
};

static void test_bad_input(void **state)
{
	struct qf_doc d[MAX_DOCS];
	struct qf_error err;
	size_t k;
	int i, nd;

	for (k = 0; k < sizeof(bad_cases) / sizeof(bad_cases[0]); k++) {
		const struct bad_case *bc = &bad_cases[k];
		size_t len = bc->len ? bc->len : strlen(bc->text);

		for (i = 0; i < 2; i++) {
			int rc = read_all(*state, i, bc->text, len, d, &nd,
					  &err);

			release_all(d, nd);
			if (rc != -1 || err.line != bc->line ||
			    err.col != bc->col || !strstr(err.msg, bc->msg))
				print_error("case %zu: rc %d %u:%u: %s\n", k,
					    rc, err.line, err.col, err.msg);
			assert_int_equal(rc, -1);
			assert_int_equal(err.code, QF_EDATA);
			assert_string_equal(err.file, "t.yaml");
			assert_int_equal(err.line, bc->line);
			assert_int_equal(err.col, bc->col);
			assert_non_null(strstr(err.msg, bc->msg));
		}
	}
}

/* A document that is fine is read even when a later one is bad. */
static void test_error_in_second_doc(void **state)
{
	static const char text[] = "---\na: 1\n---\nb: *x\n";
	struct qf_doc d[MAX_DOCS];
	struct qf_error err;
	int i, nd;

	for (i = 0; i < 2; i++) {
		assert_int_equal(read_all(*state, i, text, sizeof(text) - 1,
					  d, &nd, &err), -1);
		assert_int_equal(nd, 1);
		assert_int_equal(err.line, 4);
		release_all(d, nd);
	}
}

static void test_depth_limit(void **state)
{
	static const char ok[] = "a: [[[[[[[1]]]]]]]\n";
	static const char block[] =
		"a:\n b:\n  c:\n   d:\n    e:\n     f:\n      g:\n       - 1\n";
	struct qf_doc d[MAX_DOCS];
	struct qf_error err;
	const struct qf_node *n;
	int i, depth, nd;

	for (i = 0; i < 2; i++) {
		assert_int_equal(read_all(*state, i, ok, sizeof(ok) - 1, d,
					  &nd, &err), 0);
		assert_int_equal(nd, 1);
		for (n = d[0].root, depth = 0; n->kind != QF_NODE_SCALAR;
		     depth++)
			n = n->kind == QF_NODE_MAP ? n->items[0] : n->items[0];
		assert_int_equal(depth, QF_YAML_MAX_DEPTH);
		release_all(d, nd);
		assert_int_equal(read_all(*state, i, block, sizeof(block) - 1,
					  d, &nd, &err), 0);
		release_all(d, nd);
	}
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* libyaml 0.2.5 has no depth limit and turns quadratic on deep flow
 * nesting: the reader must stop as soon as the limit is passed. */
static void test_megabyte_of_brackets(void **state)
{
	static const char pats[][5] = { "[", "{", "[a,", "{a: ", "- " };
	size_t len = 1024 * 1024, k, j;
	struct qf_doc d[MAX_DOCS];
	struct qf_error err;
	char *text = malloc(len);
	int i, nd;

	assert_non_null(text);
	for (k = 0; k < sizeof(pats) / sizeof(pats[0]); k++) {
		size_t pl = strlen(pats[k]);

		for (j = 0; j + pl <= len; j += pl)
			memcpy(text + j, pats[k], pl);
		for (i = 0; i < 2; i++) {
			double t0 = now_ms();

			assert_int_equal(read_all(*state, i, text, j, d, &nd,
						  &err), -1);
			/* Milliseconds really; generous for valgrind. */
			assert_true(now_ms() - t0 < 3000.0);
			assert_int_equal(nd, 0);
			assert_int_equal(err.code, QF_EDATA);
			/* "{{": a map as a key */
			assert_true(strstr(err.msg, "nested deeper") ||
				    strstr(err.msg, "keys must be scalars"));
		}
	}
	free(text);
}

static void test_scalar_limit(void **state)
{
	size_t n = QF_YAML_MAX_SCALAR;
	char *text = malloc(n + 16);
	struct qf_doc d[MAX_DOCS];
	struct qf_error err;
	int i, nd;

	assert_non_null(text);
	memcpy(text, "a: ", 3);
	memset(text + 3, 'x', n);
	text[3 + n] = '\n';
	for (i = 0; i < 2; i++) {
		assert_int_equal(read_all(*state, i, text, n + 4, d, &nd,
					  &err), 0);
		assert_int_equal(val(d[0].root, "a")->len, n);
		release_all(d, nd);
	}
	memset(text + 3, 'y', n + 1);
	text[4 + n] = '\n';
	for (i = 0; i < 2; i++) {
		assert_int_equal(read_all(*state, i, text, n + 5, d, &nd,
					  &err), -1);
		assert_int_equal(err.code, QF_EDATA);
		assert_int_equal(err.line, 1);
		assert_int_equal(err.col, 4);
		assert_non_null(strstr(err.msg, "longer than"));
	}
	free(text);
}

static void test_scalar_types(void **state)
{
	static const char text[] =
		"s: x\n"
		"i: -12\n"
		"h: 0x1f\n"
		"f: 1.5\n"
		"b: true\n"
		"n: ~\n"
		"e:\n"
		"q: '12'\n"
		"dq: \"true\"\n"
		"t: !!str 12\n"
		"l: |\n  12\n"
		"fo: >\n  a\n  b\n"
		"d: 2023-05-01\n"
		"z: \"tab\\there\"\n";
	struct qf_doc d[MAX_DOCS];
	struct qf_error err;
	const struct qf_node *r;
	int i, nd;

	for (i = 0; i < 2; i++) {
		assert_int_equal(read_all(*state, i, text, sizeof(text) - 1,
					  d, &nd, &err), 0);
		r = d[0].root;
		assert_scalar(val(r, "s"), "x", QF_STYPE_STR);
		assert_scalar(val(r, "i"), "-12", QF_STYPE_INT);
		assert_scalar(val(r, "h"), "0x1f", QF_STYPE_INT);
		assert_scalar(val(r, "f"), "1.5", QF_STYPE_FLOAT);
		assert_scalar(val(r, "b"), "true", QF_STYPE_BOOL);
		assert_scalar(val(r, "n"), "~", QF_STYPE_NULL);
		assert_scalar(val(r, "e"), "", QF_STYPE_NULL);
		assert_scalar(val(r, "q"), "12", QF_STYPE_STR);
		assert_scalar(val(r, "dq"), "true", QF_STYPE_STR);
		assert_scalar(val(r, "t"), "12", QF_STYPE_STR);
		assert_scalar(val(r, "l"), "12\n", QF_STYPE_STR);
		assert_scalar(val(r, "fo"), "a b\n", QF_STYPE_STR);
		assert_scalar(val(r, "d"), "2023-05-01", QF_STYPE_STR);
		assert_scalar(val(r, "z"), "tab\there", QF_STYPE_STR);
		release_all(d, nd);
	}
}

static void test_empty_and_odd(void **state)
{
	struct qf_doc d[MAX_DOCS];
	struct qf_error err;
	int i, nd;

	for (i = 0; i < 2; i++) {
		/* Empty input and comments only: no document. */
		assert_int_equal(read_all(*state, i, "", 0, d, &nd, &err), 0);
		assert_int_equal(nd, 0);
		assert_int_equal(read_all(*state, i, "# c\n\n", 5, d, &nd,
					  &err), 0);
		assert_int_equal(nd, 0);
		/* "---" alone: a document without a root. */
		assert_int_equal(read_all(*state, i, "---\n", 4, d, &nd,
					  &err), 0);
		assert_int_equal(nd, 1);
		assert_null(d[0].root);
		release_all(d, nd);
		/* A scalar root is given; the validator complains. */
		assert_int_equal(read_all(*state, i, "--- ''\n--- null\n", 16,
					  d, &nd, &err), 0);
		assert_int_equal(nd, 2);
		assert_scalar(d[0].root, "", QF_STYPE_STR);
		assert_scalar(d[1].root, "null", QF_STYPE_NULL);
		release_all(d, nd);
		/* A UTF-8 BOM is accepted. */
		assert_int_equal(read_all(*state, i, "\xef\xbb\xbf" "a: 1\n",
					  8, d, &nd, &err), 0);
		assert_int_equal(nd, 1);
		assert_int_equal(val(d[0].root, "a")->col, 4);
		release_all(d, nd);
		/* A CR alone is a line break to libyaml but not to the
		 * line-based rewrite: refused where it stands, in the middle
		 * or at the very end; CR LF is fine. */
		assert_int_not_equal(read_all(*state, i, "a: 1\rb: x\n", 10,
					      d, &nd, &err), 0);
		assert_int_equal(err.code, QF_EDATA);
		assert_int_equal(err.line, 1);
		assert_int_equal(err.col, 5);
		assert_non_null(strstr(err.msg, "CR alone"));
		release_all(d, nd);
		assert_int_not_equal(read_all(*state, i, "a: 1\nb: x\r", 10,
					      d, &nd, &err), 0);
		assert_int_equal(err.line, 2);
		assert_int_equal(err.col, 5);
		release_all(d, nd);
		assert_int_equal(read_all(*state, i, "a: 1\r\nb: x\r\n", 12,
					  d, &nd, &err), 0);
		assert_int_equal(val(d[0].root, "b")->line, 2);
		release_all(d, nd);
		/* Wherever the reads cut the text: a CR LF split across two
		 * of libyaml's reads (16 KiB) is still a line end, a lone CR
		 * at the cut is still refused. */
		for (size_t k = 16370; k < 16400; k++) {
			char *text = malloc(k + 32);
			size_t len;

			assert_non_null(text);
			memcpy(text, "a: ", 3);
			memset(text + 3, 'x', k - 3);
			len = k + (size_t)sprintf(text + k, "\r\nb: 1\r\n");
			assert_int_equal(read_all(*state, i, text, len, d, &nd,
						  &err), 0);
			assert_int_equal(val(d[0].root, "b")->line, 2);
			release_all(d, nd);
			len = k + (size_t)sprintf(text + k, "\rb: 1\n");
			assert_int_not_equal(read_all(*state, i, text, len, d,
						      &nd, &err), 0);
			assert_non_null(strstr(err.msg, "CR alone"));
			assert_int_equal(err.line, 1);
			release_all(d, nd);
			free(text);
		}
	}
}

/* Duplicate keys in a map big enough to be hashed. */
static void test_many_keys(void **state)
{
	char text[8192];
	size_t n = 0;
	struct qf_doc d[MAX_DOCS];
	struct qf_error err;
	int i, k, nd;

	for (k = 0; k < 300; k++)
		n += (size_t)snprintf(text + n, sizeof(text) - n, "k%d: %d\n",
				      k, k);
	for (i = 0; i < 2; i++) {
		assert_int_equal(read_all(*state, i, text, n, d, &nd, &err),
				 0);
		assert_int_equal(d[0].root->n, 300);
		assert_string_equal(d[0].root->keys[299]->str, "k299");
		release_all(d, nd);
	}
	n += (size_t)snprintf(text + n, sizeof(text) - n, "k137: x\n");
	for (i = 0; i < 2; i++) {
		assert_int_equal(read_all(*state, i, text, n, d, &nd, &err),
				 -1);
		assert_int_equal(err.line, 301);
		assert_string_equal(err.msg, "duplicate key 'k137'");
	}
}

static void test_duplicate_key_shown_safely(void **state)
{
	char text[512];
	struct qf_doc d[MAX_DOCS];
	struct qf_error err;
	int i, nd, n;

	n = snprintf(text, sizeof(text), "\"a\\x1b[31m\": 1\n\"a\\e[31m\": 2\n");
	for (i = 0; i < 2; i++) {
		assert_int_equal(read_all(*state, i, text, (size_t)n, d, &nd,
					  &err), -1);
		assert_string_equal(err.msg, "duplicate key 'a\\x1b[31m'");
	}
	n = snprintf(text, sizeof(text), "%s: 1\n%s: 2\n",
		     "企业诉求企业诉求企业诉求企业诉求企业诉求企业诉求企业诉求",
		     "企业诉求企业诉求企业诉求企业诉求企业诉求企业诉求企业诉求");
	for (i = 0; i < 2; i++) {
		assert_int_equal(read_all(*state, i, text, (size_t)n, d, &nd,
					  &err), -1);
		/* Cut short on a character boundary. */
		assert_non_null(strstr(err.msg, "...'"));
		assert_true(strlen(err.msg) < 100);
		assert_non_null(strstr(err.msg, "duplicate key '企业诉求"));
	}
}

static void test_open_errors(void **state)
{
	struct ctx *c = *state;
	struct qf_reader *r = (struct qf_reader *)1;
	struct qf_error err;
	char p[256];
	int fd;

	snprintf(p, sizeof(p), "%s/missing.yaml", c->dir);
	assert_int_equal(qf_reader_open(&r, p, NULL, &err), QF_ENOINPUT);
	assert_null(r);
	assert_non_null(strstr(err.msg, "missing.yaml"));
	assert_int_equal(qf_reader_open(&r, c->dir, NULL, &err), QF_EIO);
	assert_null(r);
	/* Too large: a sparse file, never read. */
	snprintf(p, sizeof(p), "%s/big.yaml", c->dir);
	fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (off_t)QF_YAML_MAX_FILE + 1), 0);
	close(fd);
	assert_int_equal(qf_reader_open(&r, p, "big", &err), QF_EDATA);
	assert_null(r);
	assert_non_null(strstr(err.msg, "larger than"));
	unlink(p);
}

static void test_load_one(void **state)
{
	struct ctx *c = *state;
	struct qf_node *root = NULL;
	struct qf_error err;
	char p[256];

	write_file(c, "# settings\nsite: HY\n", 20);
	assert_int_equal(qf_yaml_load_one(c->path, &root, &err), QF_OK);
	assert_scalar(val(root, "site"), "HY", QF_STYPE_STR);
	qf_node_free(root);

	write_file(c, "", 0);
	assert_int_equal(qf_yaml_load_one(c->path, &root, &err), QF_EDATA);
	assert_null(root);

	write_file(c, "a: 1\n---\nb: 2\n", 14);
	assert_int_equal(qf_yaml_load_one(c->path, &root, &err), QF_EDATA);
	assert_null(root);
	assert_int_equal(err.line, 2);

	write_file(c, "a: 1\nb: *x\n", 11);
	assert_int_equal(qf_yaml_load_one(c->path, &root, &err), QF_EDATA);
	assert_null(root);
	assert_int_equal(err.line, 2);

	snprintf(p, sizeof(p), "%s/none.yaml", c->dir);
	assert_int_equal(qf_yaml_load_one(p, &root, &err), QF_ENOINPUT);
	assert_null(root);
}

/* ---- writing ---- */

static void assert_same_tree(const struct qf_node *a, const struct qf_node *b)
{
	size_t i;

	assert_non_null(a);
	assert_non_null(b);
	assert_int_equal(a->kind, b->kind);
	if (a->kind == QF_NODE_SCALAR) {
		if (a->len != b->len || memcmp(a->str, b->str, a->len) != 0 ||
		    a->stype != b->stype)
			print_error("'%s' (%d) != '%s' (%d)\n", a->str,
				    a->stype, b->str, b->stype);
		assert_int_equal(a->len, b->len);
		assert_memory_equal(a->str, b->str, a->len);
		assert_int_equal(a->stype, b->stype);
		return;
	}
	assert_int_equal(a->n, b->n);
	for (i = 0; i < a->n; i++) {
		if (a->kind == QF_NODE_MAP)
			assert_same_tree(a->keys[i], b->keys[i]);
		assert_same_tree(a->items[i], b->items[i]);
	}
}

/* Emit root, read it back from memory and from a file, compare. */
static char *round_trip(struct ctx *c, const struct qf_node *root)
{
	struct qf_doc d[MAX_DOCS];
	struct qf_error err;
	char *out;
	size_t len;
	int i, nd;

	assert_int_equal(qf_yaml_emit(root, &out, &len, &err), QF_OK);
	assert_int_equal(strlen(out), len);
	assert_memory_equal(out, "---", 3);
	assert_int_equal(out[len - 1], '\n');
	for (i = 0; i < 2; i++) {
		int rc = read_all(c, i, out, len, d, &nd, &err);

		if (rc != 0)
			print_error("%s\n%s\n", out, err.msg);
		assert_int_equal(rc, 0);
		assert_int_equal(nd, 1);
		assert_int_equal(d[0].first_line, 1);
		assert_same_tree(root, d[0].root);
		release_all(d, nd);
	}
	return out;
}

static const char *const tricky[] = {
	"企业诉求", "123", "-12", "0x1f", "1.5", ".inf", "true", "False",
	"null", "~", "", "yes", "no", "on", "- x", ": y", "#c", "a #b", "a: b",
	"[x]", "{x}", "&a", "*a", "!t", "%x", "@x", "`x", "'x'", "\"x\"",
	"---", "...", "--- x", "? x", "|", ">", " lead", "trail ", " both ",
	"a\nb", "a\nb\n", "a\nb\n\n", "\nlead", "a  \nb", "a\n  b", "a\tb",
	"\ttab", "c\001d", "e\x7f" "x", "\xc2\x85" "nel", "bell\a", "x\r\ny",
	"2023-05-01", "1_000", "0o17", "+1", "12:30", "line\xe2\x80\xa8sep",
	"\xef\xbb\xbf" "bom", "very long " "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	"xxxxxxxx words that must never be folded by the emitter at all",
};

/* An empty null as a key ("? " in YAML) is written "null", which reads
 * back as a null (libyaml would write "! ''", a tag our reader refuses). */
static void test_emit_null_key(void **state)
{
	struct qf_node *m = qf_node_new_map();
	struct qf_doc d[MAX_DOCS];
	struct qf_error err;
	char *out;
	size_t len;
	int nd;

	assert_non_null(m);
	assert_int_equal(qf_node_map_append(m,
		qf_node_new_scalar_len("", 0, QF_STYPE_NULL),
		qf_node_new_scalar_len("", 0, QF_STYPE_NULL)), 0);
	assert_int_equal(qf_yaml_emit(m, &out, &len, &err), QF_OK);
	assert_string_equal(out, "---\nnull:\n");
	assert_int_equal(read_all(*state, 0, out, len, d, &nd, &err), 0);
	assert_int_equal(nd, 1);
	assert_true(qf_node_equal(d[0].root, m));
	release_all(d, nd);
	free(out);
	qf_node_free(m);
}

static void test_emit_round_trip(void **state)
{
	struct qf_node *root, *seq, *list, *entry;
	size_t i;
	char key[32];

	root = qf_node_new_map();
	seq = qf_node_new_seq();
	list = qf_node_new_seq();
	assert_non_null(root);
	assert_non_null(seq);
	assert_non_null(list);
	for (i = 0; i < sizeof(tricky) / sizeof(tricky[0]); i++) {
		snprintf(key, sizeof(key), "k%zu", i);
		assert_int_equal(qf_node_map_set_str(root, key, tricky[i]), 0);
		assert_int_equal(qf_node_seq_append(seq,
				 qf_node_new_scalar(tricky[i])), 0);
		/* Tricky strings as keys too. */
		entry = qf_node_new_map();
		assert_non_null(entry);
		assert_int_equal(qf_node_map_set_str(entry, tricky[i], "v"), 0);
		assert_int_equal(qf_node_seq_append(list, entry), 0);
	}
	assert_int_equal(qf_node_map_set(root, "seq", seq), 0);
	assert_int_equal(qf_node_map_set(root, "list", list), 0);
	assert_int_equal(qf_node_map_set(root, "empty", qf_node_new_seq()), 0);
	assert_int_equal(qf_node_map_set(root, "emptymap", qf_node_new_map()),
			 0);
	assert_int_equal(qf_node_map_set(root, "i",
			 qf_node_new_scalar_len("12", 2, QF_STYPE_INT)), 0);
	assert_int_equal(qf_node_map_set(root, "b",
			 qf_node_new_scalar_len("true", 4, QF_STYPE_BOOL)), 0);
	assert_int_equal(qf_node_map_set(root, "n",
			 qf_node_new_scalar_len("", 0, QF_STYPE_NULL)), 0);
	assert_int_equal(qf_node_map_set(root, "f",
			 qf_node_new_scalar_len("1.5", 3, QF_STYPE_FLOAT)), 0);
	free(round_trip(*state, root));
	/* Each tricky string alone, as a value at the end of a document
	 * (where a literal block's chomping matters) and as a root. */
	for (i = 0; i < sizeof(tricky) / sizeof(tricky[0]); i++) {
		struct qf_node *m = qf_node_new_map();
		struct qf_node *s = qf_node_new_scalar(tricky[i]);

		assert_int_equal(qf_node_map_set_str(m, "v", tricky[i]), 0);
		free(round_trip(*state, m));
		free(round_trip(*state, s));
		qf_node_free(m);
		qf_node_free(s);
	}
	qf_node_free(root);
}

static void test_emit_layout(void **state)
{
	static const char expect[] =
		"---\n"
		"id: D-HY-202305-0007\n"
		"title: 用工难\n"
		"count: \"12\"\n"
		"tags: [规上, 重点, \"true\"]\n"
		"detail: |-\n"
		"  第一行\n"
		"  第二行\n"
		"codepts: []\n"
		"log:\n"
		"- date: 2023-05-02\n"
		"  action: assign\n"
		"satisfaction:\n";
	struct qf_node *root = qf_node_new_map(), *tags = qf_node_new_seq();
	struct qf_node *log = qf_node_new_seq(), *e = qf_node_new_map();
	char *out;

	assert_int_equal(qf_node_map_set_str(root, "id", "D-HY-202305-0007"),
			 0);
	assert_int_equal(qf_node_map_set_str(root, "title", "用工难"), 0);
	assert_int_equal(qf_node_map_set_str(root, "count", "12"), 0);
	assert_int_equal(qf_node_seq_append(tags, qf_node_new_scalar("规上")),
			 0);
	assert_int_equal(qf_node_seq_append(tags, qf_node_new_scalar("重点")),
			 0);
	assert_int_equal(qf_node_seq_append(tags, qf_node_new_scalar("true")),
			 0);
	assert_int_equal(qf_node_map_set(root, "tags", tags), 0);
	assert_int_equal(qf_node_map_set_str(root, "detail",
					     "第一行\n第二行"), 0);
	assert_int_equal(qf_node_map_set(root, "codepts", qf_node_new_seq()),
			 0);
	assert_int_equal(qf_node_map_set_str(e, "date", "2023-05-02"), 0);
	assert_int_equal(qf_node_map_set_str(e, "action", "assign"), 0);
	assert_int_equal(qf_node_seq_append(log, e), 0);
	assert_int_equal(qf_node_map_set(root, "log", log), 0);
	assert_int_equal(qf_node_map_set(root, "satisfaction",
			 qf_node_new_scalar_len("", 0, QF_STYPE_NULL)), 0);
	out = round_trip(*state, root);
	assert_string_equal(out, expect);
	free(out);
	qf_node_free(root);
}

static void test_emit_errors(void **state)
{
	struct qf_node *m = qf_node_new_map(), *n;
	struct qf_error err;
	char *out = (char *)1;
	size_t len = 1;
	int i;

	(void)state;
	assert_int_equal(qf_yaml_emit(NULL, &out, &len, &err), QF_ESOFTWARE);
	assert_null(out);
	assert_int_equal(len, 0);
	/* Not UTF-8. */
	assert_int_equal(qf_node_map_set_str(m, "a", "x\xff"), 0);
	assert_int_equal(qf_yaml_emit(m, &out, &len, &err), QF_EDATA);
	assert_null(out);
	qf_node_free(m);
	/* Deeper than the reader would take. */
	m = qf_node_new_seq();
	for (i = 0, n = m; i < QF_YAML_MAX_DEPTH; i++) {
		struct qf_node *s = qf_node_new_seq();

		assert_int_equal(qf_node_seq_append(n, s), 0);
		n = s;
	}
	assert_int_equal(qf_yaml_emit(m, &out, &len, &err), QF_EDATA);
	assert_null(out);
	qf_node_free(m);
}

/* Emitted records appended one after another read back with lines that
 * cover exactly each record. */
static void test_emit_stream_lines(void **state)
{
	static const char *const details[] = { "one", "a\nb\n", "a\nb\n\n",
					       "x  \ny" };
	char buf[1024];
	size_t n = 0, i;
	unsigned line;
	struct qf_doc d[MAX_DOCS];
	struct qf_error err;
	int k, nd;

	for (i = 0; i < sizeof(details) / sizeof(details[0]); i++) {
		struct qf_node *m = qf_node_new_map();
		char *out;
		size_t len;

		assert_int_equal(qf_node_map_set_str(m, "detail", details[i]),
				 0);
		assert_int_equal(qf_yaml_emit(m, &out, &len, &err), QF_OK);
		assert_true(n + len < sizeof(buf));
		memcpy(buf + n, out, len);
		n += len;
		free(out);
		qf_node_free(m);
	}
	for (k = 0; k < 2; k++) {
		assert_int_equal(read_all(*state, k, buf, n, d, &nd, &err), 0);
		assert_int_equal(nd, 4);
		line = 1;
		for (i = 0; i < 4; i++) {
			assert_int_equal(d[i].first_line, line);
			assert_string_equal(val(d[i].root, "detail")->str,
					    details[i]);
			assert_true(d[i].last_line > d[i].first_line);
			/* Each record's lines end where the next begins, but
			 * for the "..." that the emitter writes after a kept
			 * block ("|+"), which does not belong to it. */
			line = d[i].last_line + 1 + (i == 2);
		}
		/* ... and the last one at the end of the text. */
		for (i = 0, line = 0; i < n; i++)
			line += buf[i] == '\n';
		assert_int_equal(d[3].last_line, line);
		release_all(d, nd);
	}
}


/* A pooled reader gives the same documents as an ordinary one (same
 * emitted text, same positions), each valid until the next; its errors
 * are the same too. */
static void test_pooled_reader(void **state)
{
	static const char text[] =
		"# 头注\n---\nid: D-HY-202309-0001\nn: 12\nx: ~\n"
		"log:\n- date: 2023-09-05\n  action: collect\n  by: 王主任\n"
		"tags: [规上, 重点]\nnote: |\n  一\n  二\n"
		"---\nid: D-HY-202309-0002\nbig: {a: 1, b: [1, 2, {c: d}]}\n"
		"---\nid: bad\nk: v\nk: w\n";
	struct qf_reader *a, *b;
	struct qf_error ea, eb;
	(void)state;

	assert_int_equal(qf_reader_open_mem(&a, text, sizeof text - 1, "t",
					    &ea), QF_OK);
	assert_int_equal(qf_reader_open_mem(&b, text, sizeof text - 1, "t",
					    &eb), QF_OK);
	assert_int_equal(qf_reader_pool(b), 0);
	for (int i = 0;; i++) {
		struct qf_doc da, db;
		int ga = qf_reader_next(a, &da, &ea);
		int gb = qf_reader_next(b, &db, &eb);
		char *ta, *tb;
		size_t la, lb;

		assert_int_equal(ga, gb);
		if (ga < 1) {
			assert_int_equal(ga, -1);
			assert_int_equal(i, 2);
			assert_string_equal(ea.msg, eb.msg);
			assert_int_equal(ea.line, eb.line);
			break;
		}
		assert_false(da.root->pooled);
		assert_true(db.root->pooled);
		assert_int_equal(da.first_line, db.first_line);
		assert_int_equal(da.last_line, db.last_line);
		assert_int_equal(qf_yaml_emit(da.root, &ta, &la, &ea), QF_OK);
		assert_int_equal(qf_yaml_emit(db.root, &tb, &lb, &eb), QF_OK);
		assert_string_equal(ta, tb);
		assert_int_equal(qf_node_get(da.root, "id")->line,
				 qf_node_get(db.root, "id")->line);
		free(ta);
		free(tb);
		qf_doc_release(&da);
		qf_doc_release(&db);
	}
	qf_reader_free(a);
	qf_reader_free(b);
}


/* A descriptor reader sees the first len bytes only (what a snapshot
 * noted), whatever is appended after, and places errors by its bytes. */
static void test_fd_reader(void **state)
{
	char path[] = "/tmp/qf-test-fd-XXXXXX";
	static const char first[] = "---\nid: A\n---\nid: B\n";
	static const char more[] = "---\nid: C\n";
	static const char bad[] = "---\nid: A\nx: \xf3\x28\n";
	struct qf_reader *r;
	struct qf_doc d;
	struct qf_error err;
	int fd = mkstemp(path), n = 0;
	(void)state;

	assert_true(fd >= 0);
	assert_int_equal(write(fd, first, sizeof first - 1), sizeof first - 1);
	assert_int_equal(qf_reader_open_fd(&r, fd, sizeof first - 1, "f.yaml",
					   &err), QF_OK);
	assert_int_equal(write(fd, more, sizeof more - 1), sizeof more - 1);
	while (qf_reader_next(r, &d, &err) == 1) {
		n++;
		qf_doc_release(&d);
	}
	assert_int_equal(n, 2);
	qf_reader_free(r);
	assert_int_equal(ftruncate(fd, 0), 0);
	assert_int_equal(pwrite(fd, bad, sizeof bad - 1, 0), sizeof bad - 1);
	assert_int_equal(qf_reader_open_fd(&r, fd, sizeof bad - 1, "f.yaml",
					   &err), QF_OK);
	assert_int_equal(qf_reader_next(r, &d, &err), -1);
	assert_int_equal(err.line, 3);
	assert_int_equal(err.col, 4);
	qf_reader_free(r);
	close(fd);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pooled_reader),
		cmocka_unit_test(test_fd_reader),
		cmocka_unit_test_setup_teardown(test_multi_docs, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_doc_lines, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_bad_input, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_error_in_second_doc,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_depth_limit, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_megabyte_of_brackets,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_scalar_limit, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_scalar_types, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_empty_and_odd, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_many_keys, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_duplicate_key_shown_safely,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_errors, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_load_one, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_emit_round_trip, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_emit_null_key, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_emit_layout, setup,
						teardown),
		cmocka_unit_test(test_emit_errors),
		cmocka_unit_test_setup_teardown(test_emit_stream_lines, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
