/* test_sql.c - the PostgreSQL script (sql.c) of a small store written
 * into a temporary directory: the DDL, the rows in COPY's text format
 * with every awkward byte escaped, the child tables, the tables asked
 * for, and the stores it refuses.  tests/pg/t-postgres.sh loads such
 * scripts into a real server. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qf/sql.h"

#include "fixture.h"

struct ctx {
	struct fixture fx;
	struct qf_store *s;
};

static const char settings[] =
	"site: XY\n"
	"organisation: \"O'Brien \\\\ 园区\"\n"
	"campaign_start: 2023-05-01\n"
	"departments: [经发局, 人社局]\n";

static const char firms[] =
	"---\n"
	"id: F-XY-0001\n"
	"name: \"甲\\t乙\\n丙\\\\丁\\\"戊'己\\r\"\n"
	"tags: [规上, \"a,b\", \"q\\\"u\\\\o\", \"NULL\"]\n"
	"contact: {name: 张三, phone: \"0734-1234567\"}\n"
	"since: 2023-05-01\n"
	"---\n"
	"id: F-XY-0002\n"
	"name: 乙公司\n";

static const char policies[] =
	"---\n"
	"id: P-XY-0001\n"
	"title: 稳岗返还\n"
	"issued: 2023-01-10\n";

static const char visits[] =
	"---\n"
	"id: V-XY-202305-0001\n"
	"date: 2023-05-10\n"
	"firm: F-XY-0001\n"
	"visitors: [王, 李]\n"
	"kind: visit\n"
	"policies: [P-XY-0001]\n"
	"demands: [D-XY-202305-0001]\n";

static const char demands[] =
	"---\n"
	"id: D-XY-202305-0001\n"
	"firm: F-XY-0001\n"
	"opened: 2023-05-10\n"
	"source: V-XY-202305-0001\n"
	"kind: problem\n"
	"level: local\n"
	"category: financing\n"
	"title: 贷款难\n"
	"amount: 1.5e7\n"
	"dept: 经发局\n"
	"codepts: [人社局]\n"
	"due: 2023-05-30\n"
	"status: resolved\n"
	"closed: 2023-05-20\n"
	"resolution: 已放贷\n"
	"log:\n"
	"- {date: 2023-05-10, action: collect, by: 王}\n"
	"- {date: 2023-05-11, action: assign, dept: 经发局, codepts: [人社局],"
	" due: 2023-05-30}\n"
	"- {date: 2023-05-20, action: resolve, note: \"已放贷\\t1000万\"}\n";

static int setup(void **state)
{
	struct ctx *c = calloc(1, sizeof *c);

	if (!c || fixture_make(&c->fx, "sql"))
		return -1;
	fixture_put(&c->fx, "qf.yaml", settings);
	fixture_put(&c->fx, "firms/XY.yaml", firms);
	fixture_put(&c->fx, "policies/XY.yaml", policies);
	fixture_put(&c->fx, "visits/2023-05.yaml", visits);
	fixture_put(&c->fx, "demands/2023-05.yaml", demands);
	if (fixture_open(&c->fx, &c->s))
		return -1;
	*state = c;
	return 0;
}

static int teardown(void **state)
{
	struct ctx *c = *state;

	qf_store_free(c->s);
	fixture_remove(&c->fx);
	free(c);
	return 0;
}

/* The script of tables, into a malloc'd string; the return code in *rc. */
static char *script(struct qf_store *s, unsigned tables, int *rc,
		    struct qf_error *err)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	qf_error_clear(err);
	*rc = qf_sql_export(s, tables, f, err);
	assert_int_equal(fclose(f), 0);
	return buf;
}

static void test_ddl(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	int rc;
	char *out = script(c->s, QF_SQL_ALL, &rc, &err);

	assert_int_equal(rc, 0);
	/* One transaction, loads waiting for each other. */
	assert_non_null(strstr(out, "\n\\set ON_ERROR_STOP on\n"));
	assert_non_null(strstr(out, "\nBEGIN;\nSELECT pg_advisory_xact_lock("));
	{
		static const char end[] = "\\.\nANALYZE \"sites\", \"firms\", "
			"\"policies\", \"visits\", \"visit_policies\", "
			"\"visit_demands\", \"demands\", \"demand_log\";\nCOMMIT;\n";
		assert_true(strlen(out) > strlen(end));
		assert_string_equal(out + strlen(out) - strlen(end), end);
	}
	/* Idempotent DDL, every table, with keys. */
	for (const char *const *t = (const char *const[]){ "sites", "firms",
		"policies", "visits", "demands", "visit_policies",
		"visit_demands", "demand_log", NULL }; *t; t++) {
		char want[64];
		snprintf(want, sizeof want, "CREATE TABLE IF NOT EXISTS \"%s\" (", *t);
		assert_non_null(strstr(out, want));
	}
	assert_non_null(strstr(out, "  \"contact_name\" text,\n"));
	assert_non_null(strstr(out, "  \"since\" date,\n"));
	assert_non_null(strstr(out, "  \"amount\" bigint CHECK (\"amount\" >= 0),\n"));
	assert_non_null(strstr(out, "  \"visitors\" text[] NOT NULL,\n"));
	assert_non_null(strstr(out, "  \"kind\" text NOT NULL CHECK (\"kind\" IN "
			       "('problem', 'suggestion')),\n"));
	assert_non_null(strstr(out, "  \"firm\" text NOT NULL REFERENCES \"firms\" "
			       "(\"id\") DEFERRABLE INITIALLY DEFERRED,\n"));
	assert_non_null(strstr(out, "  \"demand\" text NOT NULL REFERENCES \"demands\" "
			       "(\"id\") ON DELETE CASCADE"));
	assert_non_null(strstr(out, "  PRIMARY KEY (\"demand\", \"pos\")\n"));
	/* The Chinese names of the columns, as comments. */
	assert_non_null(strstr(out, "COMMENT ON COLUMN \"firms\".\"credit_code\" IS "
			       "'统一社会信用代码';\n"));
	assert_non_null(strstr(out, "COMMENT ON COLUMN \"demand_log\".\"by\" IS "
			       "'经办人';\n"));
	/* The bulletin's functions and views. */
	assert_non_null(strstr(out, "CREATE OR REPLACE FUNCTION qf_demand_states("));
	assert_non_null(strstr(out, "CREATE OR REPLACE FUNCTION qf_bulletin("));
	assert_non_null(strstr(out, "CREATE OR REPLACE VIEW bulletin AS"));
	assert_non_null(strstr(out, "CREATE OR REPLACE VIEW bulletin_departments AS"));
	/* No table is dropped, whatever else happens. */
	assert_null(strstr(out, "DROP "));
	free(out);
}

static void test_rows(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	int rc;
	char *out = script(c->s, QF_SQL_ALL, &rc, &err);

	assert_int_equal(rc, 0);
	/* The site, its quotes doubled and its backslash as it is. */
	assert_non_null(strstr(out, "VALUES ('XY', 'O''Brien \\ 园区', NULL, "
			       "'2023-05-01', 'zh', 15, 90, ARRAY['规上', '重点']::text[], "
			       "ARRAY['经发局', '人社局']::text[], NULL)\n"
			       "ON CONFLICT (\"site\") DO UPDATE SET"));
	/* Only this site's rows are deleted, children first. */
	assert_non_null(strstr(out, "DELETE FROM \"demand_log\" WHERE \"site\" = 'XY';\n"
			       "DELETE FROM \"demands\" WHERE \"site\" = 'XY';\n"));
	assert_non_null(strstr(out, "DELETE FROM \"firms\" WHERE \"site\" = 'XY';\n"));
	/* Tab, newline, CR and backslash escaped; quotes as they are; an
	 * array's items quoted, their quotes and backslashes escaped, then
	 * COPY's escapes over that. */
	assert_non_null(strstr(out,
		"COPY \"firms\" (\"site\", \"id\", \"name\", \"credit_code\", "
		"\"park\", \"sector\", \"tags\", \"leader\", \"liaison\", "
		"\"contact_name\", \"contact_title\", \"contact_phone\", "
		"\"since\", \"note\") FROM stdin;\n"
		"XY\tF-XY-0001\t甲\\t乙\\n丙\\\\丁\"戊'己\\r\t\\N\t\\N\t\\N\t"
		"{\"规上\",\"a,b\",\"q\\\\\"u\\\\\\\\o\",\"NULL\"}\t\\N\t\\N\t"
		"张三\t\\N\t0734-1234567\t2023-05-01\t\\N\n"
		"XY\tF-XY-0002\t乙公司\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t"
		"\\N\t\\N\t\\N\n\\.\n"));
	/* A visit's lists of references are tables of their own. */
	assert_non_null(strstr(out,
		"COPY \"visits\" (\"site\", \"id\", \"date\", \"firm\", "
		"\"visitors\", \"kind\", \"note\") FROM stdin;\n"
		"XY\tV-XY-202305-0001\t2023-05-10\tF-XY-0001\t{\"王\",\"李\"}\t"
		"visit\t\\N\n\\.\n"));
	assert_non_null(strstr(out,
		"COPY \"visit_policies\" (\"site\", \"visit\", \"pos\", \"policy\") "
		"FROM stdin;\nXY\tV-XY-202305-0001\t1\tP-XY-0001\n\\.\n"));
	assert_non_null(strstr(out,
		"COPY \"visit_demands\" (\"site\", \"visit\", \"pos\", \"demand\") "
		"FROM stdin;\nXY\tV-XY-202305-0001\t1\tD-XY-202305-0001\n\\.\n"));
	/* The amount as the whole number it spells; the log one row an
	 * entry, with its position. */
	assert_non_null(strstr(out, "\tfinancing\t贷款难\t\\N\t15000000\t经发局\t"
			       "{\"人社局\"}\t\\N\t2023-05-30\t\\N\tresolved\t"
			       "2023-05-20\t已放贷\t\\N\n"));
	assert_non_null(strstr(out,
		"COPY \"demand_log\" (\"site\", \"demand\", \"pos\", \"date\", "
		"\"action\", \"by\", \"note\", \"due\", \"dept\", \"codepts\", "
		"\"owner\", \"satisfaction\") FROM stdin;\n"
		"XY\tD-XY-202305-0001\t1\t2023-05-10\tcollect\t王\t\\N\t\\N\t\\N\t"
		"\\N\t\\N\t\\N\n"
		"XY\tD-XY-202305-0001\t2\t2023-05-11\tassign\t\\N\t\\N\t"
		"2023-05-30\t经发局\t{\"人社局\"}\t\\N\t\\N\n"
		"XY\tD-XY-202305-0001\t3\t2023-05-20\tresolve\t\\N\t"
		"已放贷\\t1000万\t\\N\t\\N\t\\N\t\\N\t\\N\n\\.\nCOPY \"visits\""));
	free(out);
}

static void test_same_bytes(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	int rc, rc2;
	char *a = script(c->s, QF_SQL_ALL, &rc, &err);
	char *b = script(c->s, QF_SQL_ALL, &rc2, &err);

	assert_int_equal(rc, 0);
	assert_int_equal(rc2, 0);
	assert_string_equal(a, b);
	free(a);
	free(b);
}

static void test_some_tables(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	int rc;
	char *out = script(c->s, QF_SQL_VISITS, &rc, &err);

	assert_int_equal(rc, 0);
	/* Every table is created; only the visits are replaced. */
	assert_non_null(strstr(out, "CREATE TABLE IF NOT EXISTS \"demand_log\" ("));
	assert_non_null(strstr(out, "DELETE FROM \"visits\" WHERE"));
	assert_non_null(strstr(out, "DELETE FROM \"visit_policies\" WHERE"));
	assert_null(strstr(out, "DELETE FROM \"firms\""));
	assert_null(strstr(out, "DELETE FROM \"demands\""));
	assert_null(strstr(out, "COPY \"firms\""));
	assert_null(strstr(out, "COPY \"demand_log\""));
	assert_non_null(strstr(out, "COPY \"visit_demands\""));
	assert_non_null(strstr(out, "COMMIT;\n"));
	free(out);

	out = script(c->s, 0, &rc, &err);
	assert_int_equal(rc, -1);
	assert_int_equal(err.code, QF_EUSAGE);
	free(out);
}

/* A store with one more file: the export refuses it, with the place. */
static void refused(const char *rel, const char *text, unsigned tables,
		    const char *msg, unsigned line)
{
	struct fixture fx;
	struct qf_store *s;
	struct qf_error err;
	char *out;
	int rc;

	assert_int_equal(fixture_make(&fx, "sqlbad"), 0);
	fixture_put(&fx, "qf.yaml", settings);
	fixture_put(&fx, "firms/XY.yaml", firms);
	fixture_put(&fx, "policies/XY.yaml", policies);
	fixture_put(&fx, rel, text);
	assert_int_equal(fixture_open(&fx, &s), 0);
	out = script(s, tables, &rc, &err);
	assert_int_equal(rc, -1);
	if (!strstr(err.msg, msg))
		fail_msg("'%s' does not say '%s'", err.msg, msg);
	assert_int_equal(err.code, QF_EDATA);
	assert_non_null(strstr(err.file, rel));
	assert_int_equal(err.line, line);
	/* What was written cannot change a database: no COMMIT. */
	assert_null(strstr(out, "COMMIT"));
	free(out);
	qf_store_free(s);
	fixture_remove(&fx);
}

static void test_refused(void **state)
{
	(void)state;
	/* A value the CHECK would refuse. */
	refused("visits/2023-05.yaml",
		"---\nid: V-XY-202305-0001\ndate: 2023-05-10\nfirm: F-XY-0001\n"
		"visitors: [王]\nkind: party\n", QF_SQL_ALL, "kind", 6);
	/* A reference to nothing, whatever tables are asked for. */
	refused("visits/2023-05.yaml",
		"---\nid: V-XY-202305-0001\ndate: 2023-05-10\nfirm: F-XY-0009\n"
		"visitors: [王]\nkind: visit\n", QF_SQL_VISITS, "F-XY-0009", 4);
	refused("visits/2023-05.yaml",
		"---\nid: V-XY-202305-0001\ndate: 2023-05-10\nfirm: F-XY-0001\n"
		"visitors: [王]\nkind: visit\npolicies: [P-XY-0002]\n",
		QF_SQL_ALL, "P-XY-0002", 7);
	/* A date the date column cannot hold. */
	refused("visits/2023-05.yaml",
		"---\nid: V-XY-202305-0001\ndate: 2023-02-30\nfirm: F-XY-0001\n"
		"visitors: [王]\nkind: visit\n", QF_SQL_ALL, "date", 3);
	/* The same ID twice: the primary key. */
	refused("visits/2023-05.yaml",
		"---\nid: V-XY-202305-0001\ndate: 2023-05-10\nfirm: F-XY-0001\n"
		"visitors: [王]\nkind: visit\n"
		"---\nid: V-XY-202305-0001\ndate: 2023-05-11\nfirm: F-XY-0001\n"
		"visitors: [王]\nkind: visit\n", QF_SQL_ALL, "V-XY-202305-0001", 8);
	/* A NUL, which text cannot hold. */
	refused("visits/2023-05.yaml",
		"---\nid: V-XY-202305-0001\ndate: 2023-05-10\nfirm: F-XY-0001\n"
		"visitors: [王]\nkind: visit\nnote: \"a\\0b\"\n", QF_SQL_ALL,
		"NUL", 7);
}

static void test_write_error(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	FILE *f = fopen("/dev/full", "w");

	if (!f)
		skip();
	qf_error_clear(&err);
	assert_int_equal(qf_sql_export(c->s, QF_SQL_ALL, f, &err), -1);
	assert_int_equal(err.code, QF_EIO);
	fclose(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ddl),
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_same_bytes),
		cmocka_unit_test(test_some_tables),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_write_error),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
