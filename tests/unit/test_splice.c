/* test_splice.c - lib/splice.c: a changed record keeps what its person
 * wrote (comments, quoting, styles, line ends) where the change does not
 * touch it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "qf/splice.h"
#include "qf/yaml.h"

/* The record of text (one document) as the reader gives it, and the line
 * its text starts on in a file whose first first_line - 1 lines are
 * others'. */
static struct qf_node *parse(const char *text, unsigned *first_line)
{
	struct qf_reader *r;
	struct qf_doc doc;
	struct qf_error err;

	assert_int_equal(qf_reader_open_mem(&r, text, strlen(text), "t.yaml",
					    &err), QF_OK);
	assert_int_equal(qf_reader_next(r, &doc, &err), 1);
	qf_reader_free(r);
	*first_line = doc.first_line;
	return doc.root;
}

/* Splice: old text, changed by change(), must give want; kept says
 * whether it was spliced (1) or written whole (0). */
static void check(const char *old_text, void (*change)(struct qf_node *),
		  const char *want, int want_kept)
{
	struct qf_buf out = QF_BUF_INIT;
	struct qf_error err;
	unsigned first;
	struct qf_node *old = parse(old_text, &first);
	struct qf_node *new = qf_node_clone(old);
	int kept = -1;

	assert_non_null(new);
	change(new);
	assert_int_equal(qf_splice_record(old_text, strlen(old_text), first,
					  old, new, &out, &kept, &err), QF_OK);
	assert_non_null(out.s);
	assert_string_equal(out.s, want);
	assert_int_equal(kept, want_kept);
	/* Whatever the way, it reads back as the new record. */
	{
		unsigned f2;
		struct qf_node *back = parse(out.s, &f2);
		assert_true(qf_node_equal(back, new));
		qf_node_free(back);
	}
	qf_buf_release(&out);
	qf_node_free(old);
	qf_node_free(new);
}

static struct qf_node *entry(const char *date, const char *action,
			     const char *note)
{
	struct qf_node *e = qf_node_new_map();

	assert_non_null(e);
	assert_int_equal(qf_node_map_set_str(e, "date", date), 0);
	assert_int_equal(qf_node_map_set_str(e, "action", action), 0);
	if (note)
		assert_int_equal(qf_node_map_set_str(e, "note", note), 0);
	return e;
}

/* What `qf note` does: a log entry at the end. */
static void add_note(struct qf_node *r)
{
	struct qf_node *log = qf_node_get(r, "log");

	if (!log) {
		log = qf_node_new_seq();
		assert_int_equal(qf_node_map_set(r, "log", log), 0);
	}
	assert_int_equal(qf_node_seq_append(log, entry("2023-05-10", "note",
						       "已了解")), 0);
}

/* What `qf resolve` does: status changed, fields added, an entry. */
static void resolve(struct qf_node *r)
{
	assert_int_equal(qf_node_map_set_str(r, "status", "resolved"), 0);
	assert_int_equal(qf_node_map_set_str(r, "closed", "2023-05-20"), 0);
	add_note(r);
}

static const char commented[] =
	"--- # 五月\n"
	"# 联系人电话 138xxxx（手写）\n"
	"id: D-HY-202305-0001   # 第一条\n"
	"firm: F-HY-0001\n"
	"title: \"停车难\"   # 引号是手写的\n"
	"\n"
	"# 办理情况\n"
	"status: open    # 待办\n"
	"tags: [a,  b]\n"
	"log:\n"
	"  - date: 2023-05-04\n"
	"    action: collect   # 走访时收集\n"
	"    # 电话核实过\n"
	"  - date: 2023-05-05\n"
	"    action: assign\n";

/* Comments in every position survive a note; the new entry is indented
 * as the old ones are. */
static void test_comments_kept(void **state)
{
	(void)state;
	check(commented, add_note,
	      "--- # 五月\n"
	      "# 联系人电话 138xxxx（手写）\n"
	      "id: D-HY-202305-0001   # 第一条\n"
	      "firm: F-HY-0001\n"
	      "title: \"停车难\"   # 引号是手写的\n"
	      "\n"
	      "# 办理情况\n"
	      "status: open    # 待办\n"
	      "tags: [a,  b]\n"
	      "log:\n"
	      "  - date: 2023-05-04\n"
	      "    action: collect   # 走访时收集\n"
	      "    # 电话核实过\n"
	      "  - date: 2023-05-05\n"
	      "    action: assign\n"
	      "  - date: 2023-05-10\n"
	      "    action: note\n"
	      "    note: 已了解\n", 1);
}

/* A changed one-line field keeps the comment at its end; new fields go
 * after the last old one. */
static void test_changed_field(void **state)
{
	(void)state;
	check(commented, resolve,
	      "--- # 五月\n"
	      "# 联系人电话 138xxxx（手写）\n"
	      "id: D-HY-202305-0001   # 第一条\n"
	      "firm: F-HY-0001\n"
	      "title: \"停车难\"   # 引号是手写的\n"
	      "\n"
	      "# 办理情况\n"
	      "status: resolved    # 待办\n"
	      "tags: [a,  b]\n"
	      "log:\n"
	      "  - date: 2023-05-04\n"
	      "    action: collect   # 走访时收集\n"
	      "    # 电话核实过\n"
	      "  - date: 2023-05-05\n"
	      "    action: assign\n"
	      "  - date: 2023-05-10\n"
	      "    action: note\n"
	      "    note: 已了解\n"
	      "closed: 2023-05-20\n", 1);
}

static void retitle(struct qf_node *r)
{
	assert_int_equal(qf_node_map_set_str(r, "title", "b # c"), 0);
	assert_int_equal(qf_node_map_set_str(r, "owner", "李科长"), 0);
}

/* A quoted value that holds " #", and one in single quotes: the comment
 * after it is found past the closing quote. */
static void test_quoted_comment(void **state)
{
	(void)state;
	check("---\n"
	      "id: D-HY-202305-0001\n"
	      "title: \"a # \\\" b\"  # 注\n"
	      "owner: 'x # ''y'''\t# 负责人\n",
	      retitle,
	      "---\n"
	      "id: D-HY-202305-0001\n"
	      "title: 'b # c'  # 注\n"
	      "owner: 李科长\t# 负责人\n", 1);
}

static void drop_tags_add_dept(struct qf_node *r)
{
	struct qf_node *k = qf_node_new_map();
	size_t i;

	/* dept goes where the tree has it: after status. */
	assert_int_equal(qf_node_map_del(r, "tags"), 1);
	for (i = 0; i < r->n; i++) {
		assert_int_equal(qf_node_map_set(k, r->keys[i]->str,
						 qf_node_clone(r->items[i])),
				 0);
		if (!strcmp(r->keys[i]->str, "status"))
			assert_int_equal(qf_node_map_set_str(k, "dept",
							     "住建局"), 0);
	}
	while (r->n)
		assert_int_equal(qf_node_map_del(r, r->keys[0]->str), 1);
	for (i = 0; i < k->n; i++)
		assert_int_equal(qf_node_map_set(r, k->keys[i]->str,
						 qf_node_clone(k->items[i])),
				 0);
	qf_node_free(k);
}

/* A removed field leaves the comments that led it; a field added in the
 * middle comes before the comments that lead the next one. */
static void test_removed_and_inserted(void **state)
{
	(void)state;
	check("---\n"
	      "id: D-HY-202305-0001\n"
	      "status: open\n"
	      "# 标签\n"
	      "tags:\n"
	      "- a\n"
	      "# 过程\n"
	      "log:\n"
	      "- date: 2023-05-04\n"
	      "  action: collect\n",
	      drop_tags_add_dept,
	      "---\n"
	      "id: D-HY-202305-0001\n"
	      "status: open\n"
	      "dept: 住建局\n"
	      "# 标签\n"
	      "# 过程\n"
	      "log:\n"
	      "- date: 2023-05-04\n"
	      "  action: collect\n", 1);
}

/* CRLF: every line written anew ends in CR LF too. */
static void test_crlf(void **state)
{
	(void)state;
	check("---\r\n"
	      "id: D-HY-202305-0001\r\n"
	      "status: open  # 待办\r\n"
	      "log:\r\n"
	      "- date: 2023-05-04\r\n"
	      "  action: collect\r\n",
	      resolve,
	      "---\r\n"
	      "id: D-HY-202305-0001\r\n"
	      "status: resolved  # 待办\r\n"
	      "log:\r\n"
	      "- date: 2023-05-04\r\n"
	      "  action: collect\r\n"
	      "- date: 2023-05-10\r\n"
	      "  action: note\r\n"
	      "  note: 已了解\r\n"
	      "closed: 2023-05-20\r\n", 1);
}

/* Mixed: the record's first line says; the old lines stay as they are. */
static void test_mixed_line_ends(void **state)
{
	(void)state;
	check("---\n"
	      "id: D-HY-202305-0001\r\n"
	      "status: open\r\n",
	      resolve,
	      "---\n"
	      "id: D-HY-202305-0001\r\n"
	      "status: resolved\n"
	      "closed: 2023-05-20\n"
	      "log:\n"
	      "- date: 2023-05-10\n"
	      "  action: note\n"
	      "  note: 已了解\n", 1);
}

/* A byte order mark at the record's start stays there, spliced or not. */
static void test_bom(void **state)
{
	(void)state;
	check("\xEF\xBB\xBFid: D-HY-202305-0001\n"
	      "status: open\n",
	      add_note,
	      "\xEF\xBB\xBFid: D-HY-202305-0001\n"
	      "status: open\n"
	      "log:\n"
	      "- date: 2023-05-10\n"
	      "  action: note\n"
	      "  note: 已了解\n", 1);
	check("\xEF\xBB\xBF--- {id: D-HY-202305-0001, status: open}\n",
	      add_note,
	      "\xEF\xBB\xBF---\n"
	      "id: D-HY-202305-0001\n"
	      "status: open\n"
	      "log:\n"
	      "- date: 2023-05-10\n"
	      "  action: note\n"
	      "  note: 已了解\n", 0);
}

/* A flow mapping cannot be followed field by field: written whole, with
 * the file's line ends. */
static void test_flow_record(void **state)
{
	(void)state;
	check("--- {id: D-HY-202305-0001, status: open}\r\n",
	      resolve,
	      "---\r\n"
	      "id: D-HY-202305-0001\r\n"
	      "status: resolved\r\n"
	      "closed: 2023-05-20\r\n"
	      "log:\r\n"
	      "- date: 2023-05-10\r\n"
	      "  action: note\r\n"
	      "  note: 已了解\r\n", 0);
}

/* A flow log, and an empty one, are written anew as block; the rest
 * stays. */
static void test_flow_log(void **state)
{
	(void)state;
	check("---\n"
	      "id: D-HY-202305-0001   # 第一条\n"
	      "log: [{date: 2023-05-04, action: collect}]\n",
	      add_note,
	      "---\n"
	      "id: D-HY-202305-0001   # 第一条\n"
	      "log:\n"
	      "- date: 2023-05-04\n"
	      "  action: collect\n"
	      "- date: 2023-05-10\n"
	      "  action: note\n"
	      "  note: 已了解\n", 1);
	check("---\n"
	      "id: D-HY-202305-0001   # 第一条\n"
	      "log: []   # 还没有\n",
	      add_note,
	      "---\n"
	      "id: D-HY-202305-0001   # 第一条\n"
	      "log:\n"
	      "- date: 2023-05-10\n"
	      "  action: note\n"
	      "  note: 已了解\n", 1);
}

static void change_detail(struct qf_node *r)
{
	assert_int_equal(qf_node_map_set_str(r, "detail", "新的说明"), 0);
}

/* A block scalar keeps its trailing lines, blank or "#", as its own:
 * changed, it is written anew without them. */
static void test_block_scalar(void **state)
{
	(void)state;
	check("---\n"
	      "id: D-HY-202305-0001\n"
	      "detail: |\n"
	      "  第一行\n"
	      "  # 不是注释\n"
	      "title: x\n",
	      change_detail,
	      "---\n"
	      "id: D-HY-202305-0001\n"
	      "detail: 新的说明\n"
	      "title: x\n", 1);
	check("---\n"
	      "id: D-HY-202305-0001\n"
	      "detail: |\n"
	      "  第一行\n"
	      "  # 不是注释\n"
	      "title: x\n",
	      add_note,
	      "---\n"
	      "id: D-HY-202305-0001\n"
	      "detail: |\n"
	      "  第一行\n"
	      "  # 不是注释\n"
	      "title: x\n"
	      "log:\n"
	      "- date: 2023-05-10\n"
	      "  action: note\n"
	      "  note: 已了解\n", 1);
}

static void swap_first_two(struct qf_node *r)
{
	struct qf_node *k = r->keys[0], *v = r->items[0];

	r->keys[0] = r->keys[1];
	r->items[0] = r->items[1];
	r->keys[1] = k;
	r->items[1] = v;
}

/* Fields in another order: written whole. */
static void test_reordered(void **state)
{
	(void)state;
	check("---\n"
	      "id: D-HY-202305-0001  # 甲\n"
	      "status: open\n",
	      swap_first_two,
	      "---\n"
	      "status: open\n"
	      "id: D-HY-202305-0001\n", 0);
}

static void nothing(struct qf_node *r)
{
	(void)r;
}

/* No change: the same bytes, also without a final line end. */
static void test_unchanged(void **state)
{
	(void)state;
	check(commented, nothing, commented, 1);
	check("---\nid: D-HY-202305-0001\nstatus:   open", nothing,
	      "---\nid: D-HY-202305-0001\nstatus:   open\n", 1);
	check("---\nid: D-HY-202305-0001\nstatus:   open", add_note,
	      "---\nid: D-HY-202305-0001\nstatus:   open\n"
	      "log:\n- date: 2023-05-10\n  action: note\n  note: 已了解\n", 1);
}

/* Line numbers are the file's: a record that starts further down. */
static void test_later_record(void **state)
{
	static const char file[] =
		"---\nid: D-HY-202305-0001\n"
		"---\nid: D-HY-202305-0002  # 乙\nstatus: open\n";
	struct qf_reader *r;
	struct qf_doc doc;
	struct qf_error err;
	struct qf_buf out = QF_BUF_INIT;
	struct qf_node *new;
	const char *text = strstr(file + 1, "---");
	int kept;

	(void)state;
	assert_int_equal(qf_reader_open_mem(&r, file, strlen(file), "t.yaml",
					    &err), QF_OK);
	assert_int_equal(qf_reader_next(r, &doc, &err), 1);
	qf_doc_release(&doc);
	assert_int_equal(qf_reader_next(r, &doc, &err), 1);
	assert_int_equal(doc.first_line, 3);
	new = qf_node_clone(doc.root);
	resolve(new);
	assert_int_equal(qf_splice_record(text, strlen(text), doc.first_line,
					  doc.root, new, &out, &kept, &err),
			 QF_OK);
	assert_int_equal(kept, 1);
	assert_string_equal(out.s,
			    "---\nid: D-HY-202305-0002  # 乙\n"
			    "status: resolved\n"
			    "closed: 2023-05-20\n"
			    "log:\n- date: 2023-05-10\n  action: note\n"
			    "  note: 已了解\n");
	qf_buf_release(&out);
	qf_node_free(new);
	qf_doc_release(&doc);
	qf_reader_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_comments_kept),
		cmocka_unit_test(test_changed_field),
		cmocka_unit_test(test_quoted_comment),
		cmocka_unit_test(test_removed_and_inserted),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_mixed_line_ends),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_flow_record),
		cmocka_unit_test(test_flow_log),
		cmocka_unit_test(test_block_scalar),
		cmocka_unit_test(test_reordered),
		cmocka_unit_test(test_unchanged),
		cmocka_unit_test(test_later_record),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
