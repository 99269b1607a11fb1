/* test_node.c - lib/node.c: record trees and YAML 1.2 core schema types.
 *
 * Map tests start from a fixture map {a: 1, b: 2, c: 3} (setup/teardown
 * through cmocka's state) and compare its keys in order as one string.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qf/node.h"

/* ---- helpers ------------------------------------------------------- */

/* "k1=v1,k2=v2" for a map of scalars, in order, into buf. */
static const char *map_dump(const struct qf_node *m, char *buf, size_t n)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < m->n; i++) {
		const struct qf_node *v = m->items[i];
		int w = snprintf(buf + used, n - used, "%s%s=%s", i ? "," : "",
				 m->keys[i]->str,
				 v->kind == QF_NODE_SCALAR ? v->str :
				 v->kind == QF_NODE_MAP ? "{}" : "[]");
		assert_true(w >= 0 && (size_t)w < n - used);
		used += (size_t)w;
	}
	return buf;
}

/* Deep equality, positions included. */
static int node_equal(const struct qf_node *a, const struct qf_node *b)
{
	if (a->kind != b->kind || a->line != b->line || a->col != b->col ||
	    a->n != b->n)
		return 0;
	if (a->kind == QF_NODE_SCALAR)
		return a->len == b->len && a->stype == b->stype &&
		       memcmp(a->str, b->str, a->len + 1) == 0;
	for (size_t i = 0; i < a->n; i++) {
		if (!node_equal(a->items[i], b->items[i]))
			return 0;
		if (a->kind == QF_NODE_MAP &&
		    !node_equal(a->keys[i], b->keys[i]))
			return 0;
	}
	return 1;
}

/* No node of a shares storage with any node of b. */
static void assert_disjoint(const struct qf_node *a, const struct qf_node *b)
{
	assert_ptr_not_equal(a, b);
	if (a->kind == QF_NODE_SCALAR) {
		assert_ptr_not_equal(a->str, b->str);
		return;
	}
	if (a->n) {
		assert_ptr_not_equal(a->items, b->items);
		if (a->kind == QF_NODE_MAP)
			assert_ptr_not_equal(a->keys, b->keys);
	}
	for (size_t i = 0; i < a->n; i++) {
		assert_disjoint(a->items[i], b->items[i]);
		if (a->kind == QF_NODE_MAP)
			assert_disjoint(a->keys[i], b->keys[i]);
	}
}

static int setup_abc(void **state)
{
	struct qf_node *m = qf_node_new_map();

	assert_non_null(m);
	assert_int_equal(qf_node_map_set_str(m, "a", "1"), 0);
	assert_int_equal(qf_node_map_set_str(m, "b", "2"), 0);
	assert_int_equal(qf_node_map_set_str(m, "c", "3"), 0);
	*state = m;
	return 0;
}

static int teardown_node(void **state)
{
	qf_node_free(*state);
	return 0;
}

/* ---- constructors -------------------------------------------------- */

static void test_new_scalar(void **state)
{
	struct qf_node *n = qf_node_new_scalar("中文 text");

	(void)state;
	assert_non_null(n);
	assert_int_equal(n->kind, QF_NODE_SCALAR);
	assert_int_equal(n->stype, QF_STYPE_STR);
	assert_string_equal(n->str, "中文 text");
	assert_int_equal(n->len, strlen("中文 text"));
	assert_int_equal(n->line, 0);
	assert_int_equal(n->col, 0);
	assert_int_equal(n->n, 0);
	qf_node_free(n);
}

static void test_new_scalar_empty(void **state)
{
	struct qf_node *n = qf_node_new_scalar("");

	(void)state;
	assert_non_null(n);
	assert_non_null(n->str);
	assert_string_equal(n->str, "");
	assert_int_equal(n->len, 0);
	assert_int_equal(n->stype, QF_STYPE_STR);
	qf_node_free(n);
}

static void test_new_scalar_len(void **state)
{
	/* Copies exactly len bytes, NUL-terminates, keeps embedded NULs. */
	struct qf_node *n = qf_node_new_scalar_len("12345", 2, QF_STYPE_INT);
	struct qf_node *z = qf_node_new_scalar_len("a\0b", 3, QF_STYPE_STR);
	struct qf_node *e = qf_node_new_scalar_len("~x", 0, QF_STYPE_NULL);

	(void)state;
	assert_non_null(n);
	assert_string_equal(n->str, "12");
	assert_int_equal(n->len, 2);
	assert_int_equal(n->stype, QF_STYPE_INT);
	assert_non_null(z);
	assert_int_equal(z->len, 3);
	assert_memory_equal(z->str, "a\0b", 4);
	assert_non_null(e);
	assert_string_equal(e->str, "");
	assert_int_equal(e->stype, QF_STYPE_NULL);
	qf_node_free(n);
	qf_node_free(z);
	qf_node_free(e);
}

static void test_new_map_seq(void **state)
{
	struct qf_node *m = qf_node_new_map();
	struct qf_node *s = qf_node_new_seq();

	(void)state;
	assert_non_null(m);
	assert_non_null(s);
	assert_int_equal(m->kind, QF_NODE_MAP);
	assert_int_equal(s->kind, QF_NODE_SEQ);
	assert_int_equal(m->n, 0);
	assert_int_equal(s->n, 0);
	assert_null(m->str);
	qf_node_free(m);
	qf_node_free(s);
}

static void test_free_null(void **state)
{
	(void)state;
	qf_node_free(NULL);
}

/* ---- maps ---------------------------------------------------------- */

static void test_map_set_appends_in_order(void **state)
{
	struct qf_node *m = *state;
	char buf[256];

	assert_string_equal(map_dump(m, buf, sizeof buf), "a=1,b=2,c=3");
	for (size_t i = 0; i < m->n; i++) {
		assert_int_equal(m->keys[i]->kind, QF_NODE_SCALAR);
		assert_int_equal(m->keys[i]->stype, QF_STYPE_STR);
	}
}

static void test_map_set_replaces_in_place(void **state)
{
	struct qf_node *m = *state;
	struct qf_node *seq = qf_node_new_seq();
	const struct qf_node *key_b = qf_node_get_key(m, "b");
	char buf[256];

	assert_int_equal(qf_node_map_set_str(m, "b", "two"), 0);
	assert_string_equal(map_dump(m, buf, sizeof buf), "a=1,b=two,c=3");
	assert_int_equal(m->n, 3);
	/* The key node itself is kept (it holds the position). */
	assert_ptr_equal(qf_node_get_key(m, "b"), key_b);

	/* Replacing with another kind of node, first and last key. */
	assert_non_null(seq);
	assert_int_equal(qf_node_map_set(m, "a", seq), 0);
	assert_ptr_equal(qf_node_get(m, "a"), seq);
	assert_int_equal(qf_node_map_set_str(m, "c", ""), 0);
	assert_string_equal(map_dump(m, buf, sizeof buf), "a=[],b=two,c=");
	assert_int_equal(m->n, 3);
}

static void test_map_set_new_key(void **state)
{
	struct qf_node *m = *state;
	char buf[256];

	assert_int_equal(qf_node_map_set_str(m, "", "empty key"), 0);
	assert_int_equal(qf_node_map_set_str(m, "键", "值"), 0);
	assert_string_equal(map_dump(m, buf, sizeof buf),
			    "a=1,b=2,c=3,=empty key,键=值");
	assert_string_equal(qf_node_get_str(m, ""), "empty key");
	assert_string_equal(qf_node_get_str(m, "键"), "值");
}

static void test_map_set_grows(void **state)
{
	struct qf_node *m = *state;
	char key[16], val[16];

	for (int i = 0; i < 1000; i++) {
		snprintf(key, sizeof key, "k%d", i);
		snprintf(val, sizeof val, "%d", i);
		assert_int_equal(qf_node_map_set_str(m, key, val), 0);
	}
	assert_int_equal(m->n, 1003);
	assert_string_equal(m->keys[3]->str, "k0");
	assert_string_equal(m->keys[1002]->str, "k999");
	assert_string_equal(qf_node_get_str(m, "k500"), "500");
	assert_string_equal(qf_node_get_str(m, "c"), "3");
}

static void test_map_set_on_non_map(void **state)
{
	struct qf_node *seq = qf_node_new_seq();
	struct qf_node *sc = qf_node_new_scalar("x");
	struct qf_node *v = qf_node_new_scalar("v");

	(void)state;
	/* -1, and val is still the caller's. */
	assert_int_equal(qf_node_map_set(seq, "k", v), -1);
	assert_int_equal(qf_node_map_set(sc, "k", v), -1);
	assert_int_equal(qf_node_map_set_str(seq, "k", "v"), -1);
	assert_int_equal(seq->n, 0);
	assert_string_equal(v->str, "v");
	qf_node_free(v);
	qf_node_free(seq);
	qf_node_free(sc);
}

static void test_map_append_keeps_duplicates(void **state)
{
	struct qf_node *m = *state;
	struct qf_node *k = qf_node_new_scalar("a");
	struct qf_node *v = qf_node_new_scalar("again");
	char buf[256];

	assert_int_equal(qf_node_map_append(m, k, v), 0);
	assert_string_equal(map_dump(m, buf, sizeof buf),
			    "a=1,b=2,c=3,a=again");
	/* Lookups find the first. */
	assert_string_equal(qf_node_get_str(m, "a"), "1");
	assert_ptr_equal(qf_node_get_key(m, "a"), m->keys[0]);
}

static void test_map_append_on_seq(void **state)
{
	struct qf_node *seq = qf_node_new_seq();
	struct qf_node *k = qf_node_new_scalar("k");
	struct qf_node *v = qf_node_new_scalar("v");

	(void)state;
	assert_int_equal(qf_node_map_append(seq, k, v), -1);
	assert_int_equal(seq->n, 0);
	qf_node_free(k);
	qf_node_free(v);
	qf_node_free(seq);
}

static void test_map_del(void **state)
{
	struct qf_node *m = *state;
	char buf[256];

	assert_int_equal(qf_node_map_del(m, "b"), 1);
	assert_string_equal(map_dump(m, buf, sizeof buf), "a=1,c=3");
	assert_null(qf_node_get(m, "b"));
	assert_int_equal(qf_node_map_del(m, "b"), 0);
	assert_int_equal(qf_node_map_del(m, "zz"), 0);
	assert_int_equal(qf_node_map_del(m, "c"), 1);
	assert_string_equal(map_dump(m, buf, sizeof buf), "a=1");
	assert_int_equal(qf_node_map_del(m, "a"), 1);
	assert_int_equal(m->n, 0);
	assert_string_equal(map_dump(m, buf, sizeof buf), "");
	/* Usable again after being emptied. */
	assert_int_equal(qf_node_map_set_str(m, "b", "back"), 0);
	assert_string_equal(map_dump(m, buf, sizeof buf), "b=back");
}

static void test_map_del_first_of_duplicates(void **state)
{
	struct qf_node *m = *state;
	char buf[256];

	assert_int_equal(qf_node_map_append(m, qf_node_new_scalar("a"),
					    qf_node_new_scalar("dup")), 0);
	assert_int_equal(qf_node_map_del(m, "a"), 1);
	assert_string_equal(map_dump(m, buf, sizeof buf), "b=2,c=3,a=dup");
	assert_string_equal(qf_node_get_str(m, "a"), "dup");
}

static void test_map_del_non_map(void **state)
{
	struct qf_node *seq = qf_node_new_seq();

	(void)state;
	assert_int_equal(qf_node_map_del(seq, "a"), 0);
	qf_node_free(seq);
}

static void test_get(void **state)
{
	struct qf_node *m = *state;
	struct qf_node *sub = qf_node_new_map();
	const struct qf_node *k;

	assert_non_null(qf_node_get(m, "a"));
	assert_string_equal(qf_node_get(m, "a")->str, "1");
	assert_null(qf_node_get(m, "A"));
	assert_null(qf_node_get(m, "a "));
	assert_null(qf_node_get(m, ""));
	k = qf_node_get_key(m, "c");
	assert_non_null(k);
	assert_string_equal(k->str, "c");
	assert_null(qf_node_get_key(m, "d"));

	/* get on something that is not a map, or on NULL. */
	assert_null(qf_node_get(NULL, "a"));
	assert_null(qf_node_get_str(NULL, "a"));
	assert_null(qf_node_get_key(NULL, "a"));
	assert_null(qf_node_get(qf_node_get(m, "a"), "a"));
	assert_int_equal(qf_node_map_set(m, "sub", sub), 0);
	assert_ptr_equal(qf_node_get(m, "sub"), sub);
}

static void test_get_str(void **state)
{
	struct qf_node *m = *state;
	static const struct {
		const char *s;
		enum qf_stype t;
		const char *want;
	} cases[] = {
		{ "", QF_STYPE_NULL, NULL },
		{ "~", QF_STYPE_NULL, NULL },
		{ "null", QF_STYPE_NULL, NULL },
		{ "", QF_STYPE_STR, "" },          /* quoted "" */
		{ "null", QF_STYPE_STR, "null" },  /* quoted "null" */
		{ "true", QF_STYPE_BOOL, "true" },
		{ "12", QF_STYPE_INT, "12" },
		{ "1.5", QF_STYPE_FLOAT, "1.5" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct qf_node *v = qf_node_new_scalar_len(
			cases[i].s, strlen(cases[i].s), cases[i].t);
		assert_non_null(v);
		assert_int_equal(qf_node_map_set(m, "v", v), 0);
		if (cases[i].want)
			assert_string_equal(qf_node_get_str(m, "v"),
					    cases[i].want);
		else
			assert_null(qf_node_get_str(m, "v"));
	}
	/* Not a scalar, or absent. */
	assert_int_equal(qf_node_map_set(m, "v", qf_node_new_seq()), 0);
	assert_null(qf_node_get_str(m, "v"));
	assert_int_equal(qf_node_map_set(m, "v", qf_node_new_map()), 0);
	assert_null(qf_node_get_str(m, "v"));
	assert_null(qf_node_get_str(m, "absent"));
}

/* ---- sequences ----------------------------------------------------- */

static void test_seq_append(void **state)
{
	struct qf_node *s = qf_node_new_seq();
	char val[16];

	(void)state;
	assert_non_null(s);
	for (int i = 0; i < 100; i++) {
		snprintf(val, sizeof val, "%d", i);
		assert_int_equal(qf_node_seq_append(s, qf_node_new_scalar(val)),
				 0);
	}
	assert_int_equal(s->n, 100);
	for (int i = 0; i < 100; i++) {
		snprintf(val, sizeof val, "%d", i);
		assert_string_equal(s->items[i]->str, val);
	}
	assert_null(s->keys);
	qf_node_free(s);
}

static void test_seq_append_on_non_seq(void **state)
{
	struct qf_node *m = *state;
	struct qf_node *sc = qf_node_new_scalar("x");
	struct qf_node *v = qf_node_new_scalar("v");

	assert_int_equal(qf_node_seq_append(m, v), -1);
	assert_int_equal(qf_node_seq_append(sc, v), -1);
	assert_int_equal(m->n, 3);
	assert_int_equal(sc->n, 0);
	qf_node_free(v);
	qf_node_free(sc);
}

/* ---- clone --------------------------------------------------------- */

static void test_clone_deep(void **state)
{
	struct qf_node *m = *state;
	struct qf_node *log = qf_node_new_seq();
	struct qf_node *e = qf_node_new_map();
	struct qf_node *tags = qf_node_new_seq();
	struct qf_node *c;

	/* {a, b, c, log: [{date, n: null}, [x, ""]], amount: 12} with
	 * positions, as the reader makes them. */
	m->line = 2;
	m->col = 1;
	m->keys[1]->line = 3;
	m->keys[1]->col = 1;
	m->items[1]->line = 3;
	m->items[1]->col = 4;
	assert_int_equal(qf_node_map_set_str(e, "date", "2023-05-01"), 0);
	assert_int_equal(qf_node_map_set(e, "n",
		qf_node_new_scalar_len("~", 1, QF_STYPE_NULL)), 0);
	assert_int_equal(qf_node_seq_append(log, e), 0);
	assert_int_equal(qf_node_seq_append(tags, qf_node_new_scalar("x")), 0);
	assert_int_equal(qf_node_seq_append(tags, qf_node_new_scalar("")), 0);
	assert_int_equal(qf_node_seq_append(log, tags), 0);
	assert_int_equal(qf_node_map_set(m, "log", log), 0);
	assert_int_equal(qf_node_map_set(m, "amount",
		qf_node_new_scalar_len("12", 2, QF_STYPE_INT)), 0);

	c = qf_node_clone(m);
	assert_non_null(c);
	assert_true(node_equal(m, c));
	assert_disjoint(m, c);

	/* Changing the clone leaves the original alone. */
	assert_int_equal(qf_node_map_set_str(c, "a", "changed"), 0);
	assert_int_equal(qf_node_map_del(qf_node_get(c, "log")->items[0],
					 "date"), 1);
	assert_string_equal(qf_node_get_str(m, "a"), "1");
	assert_string_equal(qf_node_get_str(log->items[0], "date"),
			    "2023-05-01");
	assert_false(node_equal(m, c));
	qf_node_free(c);
}

/* Equal trees: contents count, positions do not. */
static void test_equal(void **state)
{
	struct qf_node *m = *state;
	struct qf_node *c = qf_node_clone(m), *d;

	(void)state;
	assert_non_null(c);
	assert_true(qf_node_equal(m, c));
	c->line = 40;
	c->keys[0]->col = 7;
	assert_true(qf_node_equal(m, c));
	assert_true(qf_node_equal(NULL, NULL));
	assert_false(qf_node_equal(m, NULL));
	assert_false(qf_node_equal(NULL, c));
	/* another value */
	assert_int_equal(qf_node_map_set_str(c, "b", "other"), 0);
	assert_false(qf_node_equal(m, c));
	qf_node_free(c);
	/* the same bytes with another type: "12" is not 12 */
	c = qf_node_new_scalar_len("12", 2, QF_STYPE_STR);
	d = qf_node_new_scalar_len("12", 2, QF_STYPE_INT);
	assert_false(qf_node_equal(c, d));
	qf_node_free(d);
	/* nulls are nulls however spelt, and not the string "~" */
	qf_node_free(c);
	c = qf_node_new_scalar_len("~", 1, QF_STYPE_NULL);
	d = qf_node_new_scalar_len("", 0, QF_STYPE_NULL);
	assert_true(qf_node_equal(c, d));
	qf_node_free(d);
	d = qf_node_new_scalar_len("~", 1, QF_STYPE_STR);
	assert_false(qf_node_equal(c, d));
	assert_false(qf_node_equal(d, c));
	qf_node_free(d);
	qf_node_free(c);
	c = qf_node_new_scalar_len("12", 2, QF_STYPE_STR);
	/* a scalar is not a sequence; an empty map is not an empty seq */
	d = qf_node_new_seq();
	assert_false(qf_node_equal(c, d));
	qf_node_free(c);
	c = qf_node_new_map();
	assert_false(qf_node_equal(c, d));
	assert_true(qf_node_equal(d, d));
	qf_node_free(c);
	qf_node_free(d);
	/* the same keys in another order */
	c = qf_node_new_map();
	d = qf_node_new_map();
	assert_int_equal(qf_node_map_set_str(c, "x", "1"), 0);
	assert_int_equal(qf_node_map_set_str(c, "y", "2"), 0);
	assert_int_equal(qf_node_map_set_str(d, "y", "2"), 0);
	assert_int_equal(qf_node_map_set_str(d, "x", "1"), 0);
	assert_false(qf_node_equal(c, d));
	qf_node_free(c);
	qf_node_free(d);
}

static void test_clone_scalar_and_empty(void **state)
{
	struct qf_node *s = qf_node_new_scalar_len("a\0b", 3, QF_STYPE_STR);
	struct qf_node *m = qf_node_new_map();
	struct qf_node *q = qf_node_new_seq();
	struct qf_node *cs, *cm, *cq;

	(void)state;
	s->line = 7;
	s->col = 9;
	cs = qf_node_clone(s);
	cm = qf_node_clone(m);
	cq = qf_node_clone(q);
	assert_non_null(cs);
	assert_non_null(cm);
	assert_non_null(cq);
	assert_true(node_equal(s, cs));
	assert_true(node_equal(m, cm));
	assert_true(node_equal(q, cq));
	assert_int_equal(cs->line, 7);
	assert_int_equal(cs->col, 9);
	assert_ptr_not_equal(cs->str, s->str);
	/* The clones are ordinary nodes: they can grow. */
	assert_int_equal(qf_node_map_set_str(cm, "k", "v"), 0);
	assert_int_equal(qf_node_seq_append(cq, qf_node_new_scalar("v")), 0);
	qf_node_free(s);
	qf_node_free(m);
	qf_node_free(q);
	qf_node_free(cs);
	qf_node_free(cm);
	qf_node_free(cq);
}

/* ---- qf_stype_resolve ---------------------------------------------- */

struct stype_case {
	const char *s;
	enum qf_stype want;
};

static const char *stype_name(enum qf_stype t)
{
	switch (t) {
	case QF_STYPE_STR: return "STR";
	case QF_STYPE_NULL: return "NULL";
	case QF_STYPE_BOOL: return "BOOL";
	case QF_STYPE_INT: return "INT";
	case QF_STYPE_FLOAT: return "FLOAT";
	}
	return "?";
}

static void check_stypes(const struct stype_case *c, size_t n)
{
	int bad = 0;

	for (size_t i = 0; i < n; i++) {
		enum qf_stype got = qf_stype_resolve(c[i].s, strlen(c[i].s));
		if (got != c[i].want) {
			print_error("qf_stype_resolve(\"%s\") = %s, want %s\n",
				    c[i].s, stype_name(got),
				    stype_name(c[i].want));
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

static void test_stype_null(void **state)
{
	static const struct stype_case c[] = {
		{ "", QF_STYPE_NULL }, { "~", QF_STYPE_NULL },
		{ "null", QF_STYPE_NULL }, { "Null", QF_STYPE_NULL },
		{ "NULL", QF_STYPE_NULL },
		{ "nULL", QF_STYPE_STR }, { "nul", QF_STYPE_STR },
		{ "nulls", QF_STYPE_STR }, { "~~", QF_STYPE_STR },
		{ " null", QF_STYPE_STR }, { "None", QF_STYPE_STR },
		/* What records hold, decided by the first byte alone. */
		{ "规上", QF_STYPE_STR }, { "D-HY-202309-0001", QF_STYPE_STR },
		{ "assigned", QF_STYPE_STR }, { "2023-09-05", QF_STYPE_STR },
		{ "Nan", QF_STYPE_STR }, { "f", QF_STYPE_STR },
	};

	(void)state;
	check_stypes(c, sizeof c / sizeof c[0]);
}

static void test_stype_bool(void **state)
{
	/* YAML 1.2: only true/false; yes/no/on/off are strings. */
	static const struct stype_case c[] = {
		{ "true", QF_STYPE_BOOL }, { "True", QF_STYPE_BOOL },
		{ "TRUE", QF_STYPE_BOOL }, { "false", QF_STYPE_BOOL },
		{ "False", QF_STYPE_BOOL }, { "FALSE", QF_STYPE_BOOL },
		{ "tRUE", QF_STYPE_STR }, { "yes", QF_STYPE_STR },
		{ "no", QF_STYPE_STR }, { "on", QF_STYPE_STR },
		{ "off", QF_STYPE_STR }, { "y", QF_STYPE_STR },
		{ "truex", QF_STYPE_STR },
	};

	(void)state;
	check_stypes(c, sizeof c / sizeof c[0]);
}

static void test_stype_int(void **state)
{
	static const struct stype_case c[] = {
		{ "0", QF_STYPE_INT }, { "12", QF_STYPE_INT },
		{ "-12", QF_STYPE_INT }, { "+3", QF_STYPE_INT },
		{ "0123", QF_STYPE_INT },   /* core: [-+]?[0-9]+ */
		{ "-0", QF_STYPE_INT },
		{ "99999999999999999999999", QF_STYPE_INT },
		{ "0x1F", QF_STYPE_INT }, { "0x1f", QF_STYPE_INT },
		{ "0xDEADbeef", QF_STYPE_INT },
		{ "0o17", QF_STYPE_INT }, { "0o0", QF_STYPE_INT },
		/* Not ints under the core schema. */
		{ "0x", QF_STYPE_STR }, { "0o", QF_STYPE_STR },
		{ "0X1F", QF_STYPE_STR }, { "0O17", QF_STYPE_STR },
		{ "0x1G", QF_STYPE_STR }, { "0o18", QF_STYPE_STR },
		{ "-0x1F", QF_STYPE_STR }, { "+0o17", QF_STYPE_STR },
		{ "0b101", QF_STYPE_STR }, { "1_000", QF_STYPE_STR },
		{ "12a", QF_STYPE_STR }, { "-", QF_STYPE_STR },
		{ "+", QF_STYPE_STR }, { "--1", QF_STYPE_STR },
		{ "+-1", QF_STYPE_STR }, { " 12", QF_STYPE_STR },
		{ "12 ", QF_STYPE_STR }, { "1,000", QF_STYPE_STR },
		{ "１２", QF_STYPE_STR },  /* fullwidth digits */
	};

	(void)state;
	check_stypes(c, sizeof c / sizeof c[0]);
}

static void test_stype_float(void **state)
{
	static const struct stype_case c[] = {
		{ "1.5", QF_STYPE_FLOAT }, { "1.5e3", QF_STYPE_FLOAT },
		{ "1.5E+3", QF_STYPE_FLOAT }, { "1e5", QF_STYPE_FLOAT },
		{ "-1e-5", QF_STYPE_FLOAT }, { "1.", QF_STYPE_FLOAT },
		{ ".5", QF_STYPE_FLOAT }, { "-.5", QF_STYPE_FLOAT },
		{ "+0.0", QF_STYPE_FLOAT },
		{ ".inf", QF_STYPE_FLOAT }, { ".Inf", QF_STYPE_FLOAT },
		{ ".INF", QF_STYPE_FLOAT }, { "+.inf", QF_STYPE_FLOAT },
		{ "-.inf", QF_STYPE_FLOAT }, { "-.INF", QF_STYPE_FLOAT },
		{ ".nan", QF_STYPE_FLOAT }, { ".NaN", QF_STYPE_FLOAT },
		{ ".NAN", QF_STYPE_FLOAT },
		/* Not floats. */
		{ "1e", QF_STYPE_STR }, { "1e+", QF_STYPE_STR },
		{ "e5", QF_STYPE_STR }, { ".", QF_STYPE_STR },
		{ "-.", QF_STYPE_STR }, { ".e5", QF_STYPE_STR },
		{ "1.2.3", QF_STYPE_STR }, { "1.5f", QF_STYPE_STR },
		{ ".iNF", QF_STYPE_STR }, { "inf", QF_STYPE_STR },
		{ "-.nan", QF_STYPE_STR }, { "nan", QF_STYPE_STR },
		{ "1e5.0", QF_STYPE_STR }, { "1 .5", QF_STYPE_STR },
	};

	(void)state;
	check_stypes(c, sizeof c / sizeof c[0]);
}

static void test_stype_str(void **state)
{
	static const struct stype_case c[] = {
		{ "2023-05-01", QF_STYPE_STR },  /* no timestamps in core */
		{ "12:30", QF_STYPE_STR }, { "中文", QF_STYPE_STR },
		{ "F-HY-0001", QF_STYPE_STR }, { "abc", QF_STYPE_STR },
		{ "1 2", QF_STYPE_STR }, { "<<", QF_STYPE_STR },
		{ "=", QF_STYPE_STR },
	};

	(void)state;
	check_stypes(c, sizeof c / sizeof c[0]);
}

static void test_stype_uses_len(void **state)
{
	/* Only len bytes count: the rest of the buffer is not looked at. */
	(void)state;
	assert_int_equal(qf_stype_resolve("12abc", 2), QF_STYPE_INT);
	assert_int_equal(qf_stype_resolve("truex", 4), QF_STYPE_BOOL);
	assert_int_equal(qf_stype_resolve("nullx", 4), QF_STYPE_NULL);
	assert_int_equal(qf_stype_resolve("abc", 0), QF_STYPE_NULL);
	assert_int_equal(qf_stype_resolve("1.5x", 3), QF_STYPE_FLOAT);
	assert_int_equal(qf_stype_resolve("0x1Fz", 4), QF_STYPE_INT);
	/* An embedded NUL makes it a string. */
	assert_int_equal(qf_stype_resolve("1\0002", 3), QF_STYPE_STR);
	assert_int_equal(qf_stype_resolve("0x\0001", 4), QF_STYPE_STR);
}

/* qf_node_int reads whole numbers as the schema's "integer" takes them. */
static int int_of(const char *s, long long *v)
{
	struct qf_node *n = qf_node_new_scalar_len(s, strlen(s),
						   qf_stype_resolve(s, strlen(s)));
	int rc;

	assert_non_null(n);
	rc = qf_node_int(n, v);
	qf_node_free(n);
	return rc;
}

static void test_node_int(void **state)
{
	long long v = 0;
	struct qf_node *str = qf_node_new_scalar("12");

	(void)state;
	assert_int_equal(int_of("12", &v), 0);
	assert_true(v == 12);
	assert_int_equal(int_of("-3", &v), 0);
	assert_true(v == -3);
	assert_int_equal(int_of("+7", &v), 0);
	assert_true(v == 7);
	assert_int_equal(int_of("0x1f", &v), 0);
	assert_true(v == 31);
	assert_int_equal(int_of("0o17", &v), 0);
	assert_true(v == 15);
	assert_int_equal(int_of("017", &v), 0);     /* YAML 1.2: decimal */
	assert_true(v == 17);
	assert_int_equal(int_of("1.5e7", &v), 0);   /* a whole float */
	assert_true(v == 15000000);
	assert_int_equal(int_of("1.0", &v), 0);
	assert_true(v == 1);
	assert_int_equal(int_of("9223372036854775807", &v), 0);
	assert_true(v == 9223372036854775807LL);
	assert_int_equal(int_of("-9223372036854775808", &v), 0);
	assert_true(v == -9223372036854775807LL - 1);
	/* Not whole, too large, not numbers: refused, v untouched. */
	v = 42;
	assert_int_equal(int_of("1.5", &v), -1);
	assert_int_equal(int_of("9223372036854775808", &v), -1);
	assert_int_equal(int_of("99999999999999999999999", &v), -1);
	assert_int_equal(int_of("1e30", &v), -1);
	assert_int_equal(int_of(".nan", &v), -1);
	assert_int_equal(int_of("true", &v), -1);
	assert_int_equal(int_of("~", &v), -1);
	assert_int_equal(qf_node_int(str, &v), -1);  /* the string '12' */
	assert_int_equal(qf_node_int(NULL, &v), -1);
	assert_true(v == 42);
	qf_node_free(str);
}


/* ---- the pool --------------------------------------------------------- */

/* A pooled tree: a map of 300 keys (its arrays grow in the pool), long
 * scalars that need blocks of their own, and a reset that gives all of it
 * back and leaves the pool usable (valgrind and ASan see every block). */
static void test_pool_tree(void **state)
{
	struct qf_pool *p = qf_pool_new();
	char big[40000];
	(void)state;

	assert_non_null(p);
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	for (int round = 0; round < 3; round++) {
		struct qf_node *m = qf_pool_collection(p, QF_NODE_MAP);
		assert_non_null(m);
		assert_true(m->pooled);
		for (int i = 0; i < 300; i++) {
			char k[16], v[16];
			snprintf(k, sizeof k, "k%d", i);
			snprintf(v, sizeof v, "%d", i * round);
			struct qf_node *kn = qf_pool_scalar(p, k, strlen(k),
							    QF_STYPE_STR);
			struct qf_node *vn = i % 100 == 7 ?
				qf_pool_scalar(p, big, strlen(big), QF_STYPE_STR) :
				qf_pool_scalar(p, v, strlen(v), QF_STYPE_INT);
			assert_non_null(kn);
			assert_non_null(vn);
			assert_int_equal(qf_pool_append(p, m, kn, vn), 0);
		}
		assert_int_equal(m->n, 300);
		assert_string_equal(qf_node_get_str(m, "k299"),
				    round ? (round == 1 ? "299" : "598") : "0");
		assert_int_equal(qf_node_get(m, "k107")->len, sizeof big - 1);
		assert_int_equal(qf_node_get(m, "k12")->stype, QF_STYPE_INT);
		qf_pool_reset(p);
	}
	qf_pool_free(p);
	qf_pool_free(NULL);
	qf_pool_reset(NULL);
}

/* A pooled tree is read-only: changes are refused, freeing is a no-op, and
 * a clone is an ordinary tree that can change. */
static void test_pool_read_only(void **state)
{
	struct qf_pool *p = qf_pool_new();
	struct qf_node *m, *s, *k, *v, *c, *x;
	(void)state;

	assert_non_null(p);
	m = qf_pool_collection(p, QF_NODE_MAP);
	s = qf_pool_collection(p, QF_NODE_SEQ);
	k = qf_pool_scalar(p, "tags", 4, QF_STYPE_STR);
	v = qf_pool_scalar(p, "规上", strlen("规上"), QF_STYPE_STR);
	assert_int_equal(qf_pool_append(p, s, NULL, v), 0);
	assert_int_equal(qf_pool_append(p, m, k, s), 0);
	x = qf_node_new_scalar("y");
	assert_int_equal(qf_node_map_set(m, "x", x), -1);
	assert_int_equal(qf_node_seq_append(s, x), -1);
	assert_int_equal(qf_node_map_append(m, x, x), -1);
	assert_int_equal(qf_node_map_del(m, "tags"), 0);
	qf_node_free(x);
	qf_node_free(m);          /* nothing happens */
	assert_int_equal(m->n, 1);
	c = qf_node_clone(m);
	assert_non_null(c);
	assert_false(c->pooled);
	assert_false(qf_node_get(c, "tags")->items[0]->pooled);
	assert_int_equal(qf_node_map_set_str(c, "x", "y"), 0);
	assert_string_equal(qf_node_get_str(c, "x"), "y");
	assert_string_equal(qf_node_get(c, "tags")->items[0]->str, "规上");
	qf_node_free(c);
	qf_pool_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_scalar),
		cmocka_unit_test(test_pool_tree),
		cmocka_unit_test(test_pool_read_only),
		cmocka_unit_test(test_new_scalar_empty),
		cmocka_unit_test(test_new_scalar_len),
		cmocka_unit_test(test_new_map_seq),
		cmocka_unit_test(test_free_null),
		cmocka_unit_test_setup_teardown(test_map_set_appends_in_order,
						setup_abc, teardown_node),
		cmocka_unit_test_setup_teardown(test_map_set_replaces_in_place,
						setup_abc, teardown_node),
		cmocka_unit_test_setup_teardown(test_map_set_new_key,
						setup_abc, teardown_node),
		cmocka_unit_test_setup_teardown(test_map_set_grows,
						setup_abc, teardown_node),
		cmocka_unit_test(test_map_set_on_non_map),
		cmocka_unit_test_setup_teardown(test_map_append_keeps_duplicates,
						setup_abc, teardown_node),
		cmocka_unit_test(test_map_append_on_seq),
		cmocka_unit_test_setup_teardown(test_map_del,
						setup_abc, teardown_node),
		cmocka_unit_test_setup_teardown(test_map_del_first_of_duplicates,
						setup_abc, teardown_node),
		cmocka_unit_test(test_map_del_non_map),
		cmocka_unit_test_setup_teardown(test_get,
						setup_abc, teardown_node),
		cmocka_unit_test_setup_teardown(test_get_str,
						setup_abc, teardown_node),
		cmocka_unit_test(test_seq_append),
		cmocka_unit_test_setup_teardown(test_seq_append_on_non_seq,
						setup_abc, teardown_node),
		cmocka_unit_test_setup_teardown(test_clone_deep,
						setup_abc, teardown_node),
		cmocka_unit_test_setup_teardown(test_equal,
						setup_abc, teardown_node),
		cmocka_unit_test(test_clone_scalar_and_empty),
		cmocka_unit_test(test_stype_null),
		cmocka_unit_test(test_stype_bool),
		cmocka_unit_test(test_stype_int),
		cmocka_unit_test(test_stype_float),
		cmocka_unit_test(test_stype_str),
		cmocka_unit_test(test_stype_uses_len),
		cmocka_unit_test(test_node_int),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
