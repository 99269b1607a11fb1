/* test_export.c - lib/export.c, lib/filter.c and lib/xlsx.c: the rows of
 * each table, the filters, CSV/TSV/JSON as written, the CSV mark that
 * qf_csv_text takes off, the page writer's table back end, workbooks. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "qf/export.h"
#include "qf/filter.h"
#include "qf/page.h"
#include "qf/text.h"
#include "qf/xlsx.h"

static const char settings[] =
	"site: HY\norganisation: t\ncampaign_start: 2023-04-01\nlang: zh\n";

static const char firms[] =
	"---\nid: F-HY-0001\nname: 燕京\npark: 白沙工业园\nleader: 王\n"
	"tags: [规上, 重点]\ncontact:\n  name: 李\n  phone: '0734'\n"
	"---\nid: F-HY-0002\nname: \"=1+1\"\npark: 高新区\nnote: ~\n";

static const char demands[] =
	"---\nid: D-HY-202305-0001\nfirm: F-HY-0001\nopened: 2023-05-04\n"
	"kind: problem\nlevel: local\ncategory: land\ntitle: 'a,\"b\"'\n"
	"amount: 1500000\ndept: 金融办\ndue: 2023-05-20\nstatus: assigned\n"
	"log:\n- date: 2023-05-04\n  action: collect\n  by: 甲\n"
	"- date: 2023-05-06\n  action: assign\n  by: 乙\n  dept: 金融办\n"
	"---\nid: D-HY-202305-0002\nfirm: F-HY-0002\nopened: 2023-05-10\n"
	"kind: suggestion\nlevel: local\ncategory: logistics\ntitle: |\n  x\n  y\n"
	"status: adopted\nclosed: 2023-05-30\n"
	"log:\n- date: 2023-05-10\n  action: collect\n"
	"- date: 2023-05-30\n  action: adopt\n";

struct env {
	struct fixture fx;
	struct qf_store *s;
};

static int setup(void **state)
{
	struct env *e = calloc(1, sizeof *e);

	if (!e || fixture_make(&e->fx, "export"))
		return -1;
	fixture_put(&e->fx, "qf.yaml", settings);
	fixture_put(&e->fx, "firms/HY.yaml", firms);
	fixture_put(&e->fx, "demands/2023-05.yaml", demands);
	if (fixture_open(&e->fx, &e->s))
		return -1;
	*state = e;
	return 0;
}

static int teardown(void **state)
{
	struct env *e = *state;

	qf_store_free(e->s);
	fixture_remove(&e->fx);
	free(e);
	return 0;
}

/* Table t of the store written with opts into a string (caller frees). */
static char *written(struct env *e, enum qf_export_table t,
		     const struct qf_export_filter *f, enum qf_export_format fmt,
		     int header, size_t *rows)
{
	struct qf_export_opts o;
	struct qf_error err;
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	memset(&o, 0, sizeof o);
	o.fmt = fmt;
	o.header = header;
	qf_error_clear(&err);
	assert_int_equal(qf_export_write(e->s, t, f, &o, out, rows, &err), 0);
	fclose(out);
	return buf;
}

static void test_csv(void **state)
{
	struct qf_export_filter f;
	size_t rows;
	char *s;

	qf_export_filter_init(&f);
	s = written(*state, QF_EXPORT_FIRMS, &f, QF_EXPORT_CSV, 1, &rows);
	assert_int_equal(rows, 2);
	/* Nested fields flat, lists joined in quotes, a null empty, a
	 * formula neutralised, CRLF. */
	assert_string_equal(s,
		"id,name,credit_code,park,sector,tags,leader,liaison,contact.name,"
		"contact.title,contact.phone,since,note\r\n"
		"F-HY-0001,燕京,,白沙工业园,,\"规上,重点\",王,,李,,0734,,\r\n"
		"F-HY-0002,\"'=1+1\",,高新区,,,,,,,,,\r\n");
	free(s);
	s = written(*state, QF_EXPORT_DEMANDS, &f, QF_EXPORT_CSV, 0, &rows);
	/* Quotes doubled, a line end kept in quotes, the amount a number. */
	assert_non_null(strstr(s, ",\"a,\"\"b\"\"\",,1500000,金融办,"));
	assert_non_null(strstr(s, ",\"x\ny\n\",,,"));
	assert_int_equal(strncmp(s, "D-HY-202305-0001,", 17), 0);
	free(s);
}

static void test_tsv_log(void **state)
{
	struct qf_export_filter f;
	size_t rows;
	char *s;

	qf_export_filter_init(&f);
	s = written(*state, QF_EXPORT_LOG, &f, QF_EXPORT_TSV, 1, &rows);
	assert_int_equal(rows, 4);
	assert_string_equal(s,
		"demand\tdate\taction\tby\tnote\tdue\tdept\tcodepts\towner\tsatisfaction\n"
		"D-HY-202305-0001\t2023-05-04\tcollect\t甲\t\t\t\t\t\t\n"
		"D-HY-202305-0001\t2023-05-06\tassign\t乙\t\t\t金融办\t\t\t\n"
		"D-HY-202305-0002\t2023-05-10\tcollect\t\t\t\t\t\t\t\n"
		"D-HY-202305-0002\t2023-05-30\tadopt\t\t\t\t\t\t\t\n");
	free(s);
	/* The entries of some days only. */
	f.log_from = (struct qf_date){ 2023, 5, 6 };
	f.has_log_from = 1;
	f.log_to = (struct qf_date){ 2023, 5, 10 };
	f.has_log_to = 1;
	s = written(*state, QF_EXPORT_LOG, &f, QF_EXPORT_TSV, 0, &rows);
	assert_int_equal(rows, 2);
	assert_non_null(strstr(s, "\tassign\t"));
	assert_non_null(strstr(s, "2023-05-10\tcollect"));
	free(s);
	/* TSV escapes a line end. */
	qf_export_filter_init(&f);
	s = written(*state, QF_EXPORT_DEMANDS, &f, QF_EXPORT_TSV, 0, &rows);
	assert_non_null(strstr(s, "\tx\\ny\\n\t"));
	free(s);
}

static void test_json(void **state)
{
	struct qf_export_filter f;
	size_t rows;
	char *s;

	qf_export_filter_init(&f);
	s = written(*state, QF_EXPORT_LOG, &f, QF_EXPORT_JSON, 1, &rows);
	assert_int_equal(rows, 4);
	assert_int_equal(strncmp(s, "[\n  {\n    \"demand\": \"D-HY-202305-0001\",\n"
				 "    \"date\": \"2023-05-04\"", 62), 0);
	assert_string_equal(s + strlen(s) - 4, "}\n]\n");
	free(s);
	/* Nothing: an empty array. */
	f.policy_tags = NULL;
	s = written(*state, QF_EXPORT_POLICIES, &f, QF_EXPORT_JSON, 1, &rows);
	assert_int_equal(rows, 0);
	assert_string_equal(s, "[]\n");
	free(s);
}

static void test_filters(void **state)
{
	struct qf_export_filter f;
	struct qf_strv tags = QF_STRV_INIT;
	size_t rows;
	char *s;

	qf_export_filter_init(&f);
	assert_int_equal(qf_strv_push(&tags, "重点"), 0);
	f.firm.tags = &tags;
	s = written(*state, QF_EXPORT_FIRMS, &f, QF_EXPORT_TSV, 0, &rows);
	assert_int_equal(rows, 1);
	assert_int_equal(strncmp(s, "F-HY-0001\t", 10), 0);
	free(s);
	f.firm.park = "高新";
	s = written(*state, QF_EXPORT_FIRMS, &f, QF_EXPORT_TSV, 0, &rows);
	assert_int_equal(rows, 0);
	free(s);
	qf_strv_release(&tags);

	qf_export_filter_init(&f);
	f.demand.open_only = 1;
	s = written(*state, QF_EXPORT_DEMANDS, &f, QF_EXPORT_TSV, 0, &rows);
	assert_int_equal(rows, 1);
	free(s);
	/* Overdue at a day after the deadline; the log of those only. */
	f.demand.at = (struct qf_date){ 2023, 6, 1 };
	f.demand.overdue = 1;
	s = written(*state, QF_EXPORT_LOG, &f, QF_EXPORT_TSV, 0, &rows);
	assert_int_equal(rows, 2);
	free(s);
	qf_export_filter_init(&f);
	f.demand.firm = "F-HY-0002";
	s = written(*state, QF_EXPORT_DEMANDS, &f, QF_EXPORT_TSV, 0, &rows);
	assert_int_equal(rows, 1);
	assert_int_equal(strncmp(s, "D-HY-202305-0002\t", 17), 0);
	free(s);
}

static void test_demand_filter(void **state)
{
	struct qf_demand_filter f;
	struct qf_node *r = qf_node_new_map(), *seq = qf_node_new_seq();
	struct qf_date at = { 2023, 6, 1 };
	long od = -1;

	(void)state;
	assert_non_null(r);
	assert_int_equal(qf_node_map_set_str(r, "id", "D-HY-202305-0001"), 0);
	assert_int_equal(qf_node_map_set_str(r, "status", "assigned"), 0);
	assert_int_equal(qf_node_map_set_str(r, "dept", "市金融办"), 0);
	assert_int_equal(qf_node_map_set_str(r, "opened", "2023-05-04"), 0);
	assert_int_equal(qf_node_map_set_str(r, "due", "2023-05-20"), 0);
	assert_int_equal(qf_node_seq_append(seq, qf_node_new_scalar("自然资源局")), 0);
	assert_int_equal(qf_node_map_set(r, "codepts", seq), 0);
	qf_demand_filter_init(&f, &at);
	assert_true(qf_demand_filter_match(&f, r, NULL, &od));
	assert_int_equal(od, 12);
	f.codept = "自然";
	assert_true(qf_demand_filter_match(&f, r, NULL, NULL));
	f.codept = "金融";   /* the lead unit counts too */
	assert_true(qf_demand_filter_match(&f, r, NULL, NULL));
	f.codept = "住建";
	assert_false(qf_demand_filter_match(&f, r, NULL, NULL));
	qf_demand_filter_init(&f, &at);
	f.leader = "王";
	assert_false(qf_demand_filter_match(&f, r, NULL, NULL));
	assert_true(qf_demand_filter_match(&f, r, "王副区长", NULL));
	qf_demand_filter_init(&f, &at);
	f.from = (struct qf_date){ 2023, 5, 4 };
	f.has_from = 1;
	assert_true(qf_demand_filter_match(&f, r, NULL, NULL));
	f.after = (struct qf_date){ 2023, 5, 4 };
	f.has_after = 1;   /* strictly after */
	assert_false(qf_demand_filter_match(&f, r, NULL, NULL));
	qf_demand_filter_init(&f, &at);
	f.within = 3;
	assert_true(qf_demand_filter_match(&f, r, NULL, NULL));  /* overdue counts */
	f.at = (struct qf_date){ 2023, 5, 1 };
	assert_false(qf_demand_filter_match(&f, r, NULL, NULL));
	qf_node_free(r);
}

static void test_visit_filter(void **state)
{
	struct qf_visit_filter f;
	struct qf_node *r = qf_node_new_map(), *seq = qf_node_new_seq();

	(void)state;
	assert_int_equal(qf_node_map_set_str(r, "id", "V-HY-202305-0001"), 0);
	assert_int_equal(qf_node_map_set_str(r, "date", "2023-05-04"), 0);
	assert_int_equal(qf_node_map_set_str(r, "firm", "F-HY-0001"), 0);
	assert_int_equal(qf_node_seq_append(seq, qf_node_new_scalar("王主任")), 0);
	assert_int_equal(qf_node_seq_append(seq, qf_node_new_scalar("李")), 0);
	assert_int_equal(qf_node_map_set(r, "visitors", seq), 0);
	memset(&f, 0, sizeof f);
	assert_true(qf_visit_filter_match(&f, r));
	f.visitor = "主任";
	assert_true(qf_visit_filter_match(&f, r));
	f.visitor = "主任,李";   /* one person's name, not the joined list */
	assert_false(qf_visit_filter_match(&f, r));
	memset(&f, 0, sizeof f);
	f.to = (struct qf_date){ 2023, 5, 3 };
	f.has_to = 1;
	assert_false(qf_visit_filter_match(&f, r));
	memset(&f, 0, sizeof f);
	f.firm = "F-HY-0002";
	assert_false(qf_visit_filter_match(&f, r));
	qf_node_free(r);
}

static void test_csv_text(void **state)
{
	static const char *const texts[] = {
		"=SUM(A1)", "+1", "-x", "@a", "\tt", "'=x", "''+y", "'abc", "'",
		"''", "plain", "", "a'=b", NULL
	};

	(void)state;
	for (size_t i = 0; texts[i]; i++) {
		struct qf_buf b = QF_BUF_INIT;
		const char *cell;
		assert_int_equal(qf_csv_cell(&b, texts[i], 1), 0);
		qf_buf_puts(&b, "");
		/* Undo the CSV quotes (no comma or quote in these texts). */
		cell = b.s;
		if (cell[0] == '"') {
			cell++;
			b.s[b.len - 1] = '\0';
		}
		assert_string_equal(qf_csv_text(cell), texts[i]);
		qf_buf_release(&b);
	}
	/* Marked as Excel wants; a text's own ' left alone. */
	assert_string_equal(qf_csv_text("'abc"), "'abc");
	assert_string_equal(qf_csv_text("''=x"), "'=x");
	assert_string_equal(qf_csv_text("'=x"), "=x");
}

static void test_parse(void **state)
{
	size_t n;

	(void)state;
	assert_int_equal(qf_export_table_parse("log"), QF_EXPORT_LOG);
	assert_int_equal(qf_export_table_parse("all"), -1);
	assert_int_equal(qf_export_format_parse("xlsx"), QF_EXPORT_XLSX);
	assert_int_equal(qf_export_format_parse("xls"), -1);
	assert_string_equal(qf_export_table_name(QF_EXPORT_POLICIES), "policies");
	assert_string_equal(qf_export_columns(QF_EXPORT_LOG, &n)[0].field, "demand");
	assert_string_equal(qf_xlsx_sheet_name(QF_EXPORT_LOG, 1), "办理记录");
	assert_string_equal(qf_xlsx_sheet_name(QF_EXPORT_LOG, 0), "log");
}

/* The page writer's table back end: tables with their headings, nothing
 * written. */
struct seen {
	int n;
	char heading[64];
	char cell[64];
};

static void on_table(const char *heading, const struct qf_page_table *t,
		     void *ud)
{
	struct seen *s = ud;

	s->n++;
	snprintf(s->heading, sizeof s->heading, "%s", heading);
	snprintf(s->cell, sizeof s->cell, "%s", t->cells[t->ncols + 1]);
}

static void test_page_tables(void **state)
{
	struct qf_buf o = QF_BUF_INIT;
	struct qf_page d;
	struct qf_page_table t;
	struct seen s = { 0, "", "" };

	(void)state;
	qf_page_begin(&d, &o, QF_PAGE_TABLES, "title", "zh-CN", NULL);
	qf_page_collect(&d, on_table, &s);
	qf_page_heading(&d, "一、概况");
	qf_page_para(&d, "words");
	qf_page_list_begin(&d, 0);
	qf_page_item(&d, "item");
	qf_page_table_init(&t, 2, "01");
	qf_page_table_row(&t, (const char *const[]){ "a", "b" });
	qf_page_table_row(&t, (const char *const[]){ "c", "12" });
	qf_page_table(&d, &t);
	qf_page_end(&d);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.heading, "一、概况");
	assert_string_equal(s.cell, "12");
	assert_true(o.s == NULL || o.len == 0);
	qf_buf_release(&o);
}

static void test_xlsx(void **state)
{
	struct env *e = *state;
	static const enum qf_export_table all[] = { QF_EXPORT_FIRMS,
		QF_EXPORT_DEMANDS, QF_EXPORT_LOG };
	struct qf_export_filter f;
	struct qf_error err;
	char path[160], head[4] = "";
	size_t rows = 0;
	FILE *in;

	qf_export_filter_init(&f);
	snprintf(path, sizeof path, "%s/t.xlsx", e->fx.dir);
	qf_error_clear(&err);
	assert_int_equal(qf_xlsx_export(e->s, all, 3, &f, 1, NULL, path, &rows,
					&err), 0);
	assert_int_equal(rows, 2 + 2 + 4);
	/* A zip file (the contents are read back by tests/cli/t-export.sh). */
	assert_non_null(in = fopen(path, "rb"));
	assert_int_equal(fread(head, 1, 2, in), 2);
	fclose(in);
	assert_memory_equal(head, "PK", 2);
	/* A folder that is not there: an error, not a crash. */
	snprintf(path, sizeof path, "%s/no/t.xlsx", e->fx.dir);
	assert_int_not_equal(qf_xlsx_export(e->s, all, 1, &f, 1, NULL, path,
					    NULL, &err), 0);
	assert_int_not_equal(err.code, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_tsv_log),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_filters),
		cmocka_unit_test(test_demand_filter),
		cmocka_unit_test(test_visit_filter),
		cmocka_unit_test(test_csv_text),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_page_tables),
		cmocka_unit_test(test_xlsx),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
