/* test_eligible.c - whom a policy fits and whom it reached (eligible.c):
 * validity, the three lists of `eligible`, the pairs handed over read
 * from visits, events and `delivered` in a store written into a
 * temporary directory, finding a policy by title, and check's dates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qf/eligible.h"
#include "qf/store.h"
#include "qf/yaml.h"

#include "fixture.h"

static const char settings_yaml[] =
	"site: HY\n"
	"organisation: 测试高新区\n"
	"campaign_start: 2023-01-01\n";

/* P-1 for 规上 or 高新技术 firms of 高新区, 2023; P-2 for everyone, no
 * dates, delivered to F-3 on 05-20 and to F-1 twice (06-01, 04-01: the
 * earlier counts, though written later); P-3 titled like P-1. */
static const char policies_yaml[] =
	"---\n"
	"id: P-HY-0001\n"
	"title: 技改补贴政策\n"
	"issued: 2023-03-01\n"
	"expires: 2023-12-31\n"
	"eligible:\n"
	"  tags: [规上, 高新技术]\n"
	"  parks: [高新区]\n"
	"---\n"
	"id: P-HY-0002\n"
	"title: 稳岗返还\n"
	"delivered:\n"
	"- firm: F-HY-0003\n"
	"  date: 2023-05-20\n"
	"  via: 微信\n"
	"- firm: F-HY-0001\n"
	"  date: 2023-06-01\n"
	"- firm: F-HY-0001\n"
	"  date: 2023-04-01\n"
	"---\n"
	"id: P-HY-0003\n"
	"title: 技改贴息\n"
	"eligible:\n"
	"  sectors: []\n";

/* V1 hands P-1 to F-1 on 05-02; V2 hands P-1 and P-2 to F-2 on 06-10. */
static const char visits_yaml[] =
	"---\n"
	"id: V-HY-202305-0001\n"
	"date: 2023-05-02\n"
	"firm: F-HY-0001\n"
	"policies: [P-HY-0001]\n"
	"---\n"
	"id: V-HY-202306-0001\n"
	"date: 2023-06-10\n"
	"firm: F-HY-0002\n"
	"policies: [P-HY-0001, P-HY-0002]\n";

/* E1 on 05-02 (the same day as V1) gives P-1 to F-1 and F-3. */
static const char events_yaml[] =
	"---\n"
	"id: E-HY-202305-0001\n"
	"date: 2023-05-02\n"
	"kind: briefing\n"
	"title: 政策宣讲会\n"
	"firms: [F-HY-0001, F-HY-0003]\n"
	"policies: [P-HY-0001]\n";

struct ctx {
	struct fixture fx;
	struct qf_store *s;
	struct qf_handovers h;
};

static int setup(void **state)
{
	struct ctx *c = calloc(1, sizeof(*c));

	if (!c || fixture_make(&c->fx, "eligible") != 0) {
		free(c);
		return -1;
	}
	*state = c;
	fixture_put(&c->fx, "qf.yaml", settings_yaml);
	fixture_put(&c->fx, "firms/HY.yaml",
		    "---\nid: F-HY-0001\nname: 甲公司\n---\nid: F-HY-0002\nname: 乙公司\n"
		    "---\nid: F-HY-0003\nname: 丙公司\n");
	fixture_put(&c->fx, "policies/HY.yaml", policies_yaml);
	fixture_put(&c->fx, "visits/2023-05.yaml", visits_yaml);
	fixture_put(&c->fx, "events/2023-05.yaml", events_yaml);
	return fixture_open(&c->fx, &c->s);
}

static int teardown(void **state)
{
	struct ctx *c = *state;

	qf_handovers_release(&c->h);
	qf_store_free(c->s);
	fixture_remove(&c->fx);
	free(c);
	return 0;
}

/* The first record of a YAML text (caller frees). */
static struct qf_node *parse(const char *text)
{
	struct qf_reader *r;
	struct qf_doc doc;
	struct qf_error err;
	struct qf_node *n;

	assert_int_equal(qf_reader_open_mem(&r, text, strlen(text), "t.yaml",
					    &err), QF_OK);
	assert_int_equal(qf_reader_next(r, &doc, &err), 1);
	n = doc.root;
	doc.root = NULL;
	qf_doc_release(&doc);
	qf_reader_free(r);
	return n;
}

static struct qf_date day(const char *s)
{
	struct qf_date d;

	assert_int_equal(qf_date_parse(s, &d), 0);
	return d;
}

static void test_in_force(void **state)
{
	struct qf_node *p = parse("id: P-HY-0001\ntitle: t\nissued: 2023-03-01\n"
				  "expires: 2023-12-31\n");
	struct qf_node *open = parse("id: P-HY-0002\ntitle: t\n");
	struct qf_date d;

	(void)state;
	d = day("2023-02-28");
	assert_int_equal(qf_policy_in_force(p, &d), QF_FIT_NOT_ISSUED);
	d = day("2023-03-01");         /* the day of issue counts */
	assert_int_equal(qf_policy_in_force(p, &d), QF_FITS);
	d = day("2023-12-31");         /* so does the day it expires */
	assert_int_equal(qf_policy_in_force(p, &d), QF_FITS);
	d = day("2024-01-01");
	assert_int_equal(qf_policy_in_force(p, &d), QF_FIT_EXPIRED);
	assert_int_equal(qf_policy_in_force(open, &d), QF_FITS);
	d = day("1990-01-01");
	assert_int_equal(qf_policy_in_force(open, &d), QF_FITS);
	assert_string_equal(qf_fit_reason(QF_FIT_EXPIRED), "the policy has expired");
	qf_node_free(p);
	qf_node_free(open);
}

/* A policy's dates and eligible must be well-formed, the error at the
 * field: a scalar where a list belongs would otherwise fit every firm. */
static void check_bad(const char *yaml, const char *field, unsigned line,
		      unsigned col)
{
	struct qf_node *p = parse(yaml);
	struct qf_error err;

	qf_error_clear(&err);
	assert_int_equal(qf_policy_check_eligible(p, "policies/HY.yaml", &err),
			 QF_EDATA);
	assert_string_equal(err.file, "policies/HY.yaml");
	assert_int_equal(err.line, line);
	assert_int_equal(err.col, col);
	if (!strstr(err.msg, field))
		fail_msg("'%s' does not name %s", err.msg, field);
	qf_node_free(p);
}

static void test_check_eligible(void **state)
{
	struct qf_node *ok = parse("id: P-HY-0001\ntitle: t\nissued: 2023-03-01\n"
				   "expires: ~\neligible:\n  tags: [规上]\n"
				   "  sectors: []\n  parks: ~\n");
	struct qf_node *none = parse("id: P-HY-0002\ntitle: t\n");
	struct qf_error err;

	(void)state;
	qf_error_clear(&err);
	assert_int_equal(qf_policy_check_eligible(ok, "f", &err), QF_OK);
	assert_int_equal(qf_policy_check_eligible(none, "f", &err), QF_OK);
	qf_node_free(ok);
	qf_node_free(none);
	check_bad("id: P-HY-0001\ntitle: t\neligible:\n  tags: 规上\n",
		  "'eligible.tags'", 4, 9);
	check_bad("id: P-HY-0001\ntitle: t\neligible:\n  parks: [[a]]\n",
		  "'eligible.parks'", 4, 11);
	check_bad("id: P-HY-0001\ntitle: t\neligible: [规上]\n", "'eligible'", 3, 11);
	check_bad("id: P-HY-0001\ntitle: t\nissued: 2023-02-30\n", "'issued'", 3, 9);
	check_bad("id: P-HY-0001\ntitle: t\nexpires: [2023]\n", "'expires'", 3, 10);
}

static void test_fits(void **state)
{
	struct qf_node *p = parse("id: P-HY-0001\ntitle: t\nissued: 2023-03-01\n"
				  "eligible:\n  tags: [规上, 高新技术]\n"
				  "  sectors: [制造]\n  parks: [高新区]\n");
	struct qf_node *none = parse("id: P-HY-0002\ntitle: t\neligible:\n"
				     "  tags: []\n");
	struct qf_firm f;
	struct qf_date d = day("2023-06-01"), early = day("2023-01-01");

	(void)state;
	memset(&f, 0, sizeof f);
	f.id = "F-HY-0001";
	f.tags = "重点\0高新技术\0";     /* one of the tags is enough */
	f.sector = "制造";
	f.park = "高新区";
	assert_int_equal(qf_policy_fits(p, &f, &d), QF_FITS);
	assert_int_equal(qf_policy_fits(p, &f, &early), QF_FIT_NOT_ISSUED);
	assert_int_equal(qf_policy_fits(p, &f, NULL), QF_FITS);
	f.park = "高新区东区";         /* whole strings, not parts */
	assert_int_equal(qf_policy_fits(p, &f, &d), QF_FIT_PARK);
	f.park = NULL;
	assert_int_equal(qf_policy_fits(p, &f, &d), QF_FIT_PARK);
	f.park = "高新区";
	f.sector = "服务";
	assert_int_equal(qf_policy_fits(p, &f, &d), QF_FIT_SECTOR);
	f.sector = "制造";
	f.tags = "重点\0";
	assert_int_equal(qf_policy_fits(p, &f, &d), QF_FIT_TAG);
	f.tags = NULL;
	assert_int_equal(qf_policy_fits(p, &f, &d), QF_FIT_TAG);
	assert_true(qf_policy_has_eligible(p));
	/* An empty list leaves its side open: everyone fits. */
	assert_false(qf_policy_has_eligible(none));
	assert_int_equal(qf_policy_fits(none, &f, &d), QF_FITS);
	qf_node_free(p);
	qf_node_free(none);
}

static void load(struct ctx *c, const char *policy, const char *from,
		 const char *to)
{
	struct qf_date a, b;
	struct qf_error err;

	if (from)
		a = day(from);
	if (to)
		b = day(to);
	qf_handovers_release(&c->h);
	qf_error_clear(&err);
	if (qf_handovers_load(c->s, policy, from ? &a : NULL, to ? &b : NULL,
			      &c->h, &err))
		fail_msg("load: %s", err.msg);
}

static void expect_pair(const struct ctx *c, const char *p, const char *f,
			const char *date, enum qf_handed_via via,
			const char *source)
{
	const struct qf_handover *h = qf_handovers_find(&c->h, p, f);
	char buf[16];

	if (!h)
		fail_msg("no pair %s %s", p, f);
	assert_string_equal(qf_date_format(&h->date, buf, sizeof buf), date);
	assert_int_equal(h->via, via);
	if (source)
		assert_string_equal(h->source, source);
	else
		assert_null(h->source);
}

static void test_handovers(void **state)
{
	struct ctx *c = *state;

	/* Every pair: (P-1,F-1) by V1 and E1 on 05-02, the visit first;
	 * (P-1,F-2) by V2; (P-1,F-3) by E1; (P-2,F-1) delivered 04-01 (the
	 * earlier of two); (P-2,F-2) by V2; (P-2,F-3) delivered: 6 pairs. */
	load(c, NULL, NULL, NULL);
	assert_int_equal(c->h.n, 6);
	expect_pair(c, "P-HY-0001", "F-HY-0001", "2023-05-02", QF_HANDED_VISIT,
		    "V-HY-202305-0001");
	expect_pair(c, "P-HY-0001", "F-HY-0002", "2023-06-10", QF_HANDED_VISIT,
		    "V-HY-202306-0001");
	expect_pair(c, "P-HY-0001", "F-HY-0003", "2023-05-02", QF_HANDED_EVENT,
		    "E-HY-202305-0001");
	expect_pair(c, "P-HY-0002", "F-HY-0001", "2023-04-01",
		    QF_HANDED_DELIVERED, NULL);
	expect_pair(c, "P-HY-0002", "F-HY-0003", "2023-05-20",
		    QF_HANDED_DELIVERED, "微信");
	assert_null(qf_handovers_find(&c->h, "P-HY-0003", "F-HY-0001"));
	assert_string_equal(qf_handed_via_token(QF_HANDED_EVENT), "event");

	/* Up to 05-31: V2 (06-10) drops out, so do (P-1,F-2), (P-2,F-2). */
	load(c, NULL, NULL, "2023-05-31");
	assert_int_equal(c->h.n, 4);
	assert_null(qf_handovers_find(&c->h, "P-HY-0001", "F-HY-0002"));

	/* From 05-03: the first handing-over inside the window counts, so
	 * (P-2,F-1) is now the 06-01 delivery. */
	load(c, NULL, "2023-05-03", NULL);
	assert_int_equal(c->h.n, 4);
	expect_pair(c, "P-HY-0002", "F-HY-0001", "2023-06-01",
		    QF_HANDED_DELIVERED, NULL);

	/* One policy's: P-2 with F-1, F-2, F-3. */
	load(c, "P-HY-0002", NULL, NULL);
	assert_int_equal(c->h.n, 3);
	for (size_t i = 0; i < c->h.n; i++)
		assert_string_equal(c->h.v[i].policy, "P-HY-0002");
}

static void find(struct ctx *c, const char *q, int want, const char *id)
{
	struct qf_error err;
	char buf[QF_ID_MAX] = "";
	int rc;

	qf_error_clear(&err);
	rc = qf_store_find_policy(c->s, q, buf, sizeof buf, &err);
	assert_int_equal(rc, want);
	if (id)
		assert_string_equal(buf, id);
}

static void test_find_policy(void **state)
{
	struct ctx *c = *state;

	find(c, "P-HY-0002", QF_OK, "P-HY-0002");
	find(c, "稳岗", QF_OK, "P-HY-0002");
	find(c, "技改补贴政策", QF_OK, "P-HY-0001");
	find(c, "补贴", QF_OK, "P-HY-0001");
	find(c, "技改", QF_EDATA, NULL);          /* P-1 and P-3 */
	find(c, "人才", QF_ENOINPUT, NULL);
	find(c, "P-HY-0009", QF_ENOINPUT, NULL);
	find(c, "F-HY-0001", QF_EDATA, NULL);     /* a firm's ID */
}

static void test_check_dates(void **state)
{
	struct qf_node *p = parse("id: P-HY-0001\ntitle: t\n"
				  "issued: 2023-03-01\nexpires: 2023-12-31\n"
				  "delivered:\n"
				  "- firm: F-HY-0001\n  date: 2023-02-01\n"
				  "- firm: F-HY-0002\n  date: 2023-03-01\n"
				  "- {firm: F-HY-0003, date: 2024-01-05}\n");
	struct qf_diags d;

	(void)state;
	qf_diags_init(&d);
	assert_int_equal(qf_check_policy_fields(p, "policies/HY.yaml", &d), 2);
	/* The first entry's date at line 7, col 9; the flow one at 10, 27. */
	assert_int_equal(d.v[0].line, 7);
	assert_int_equal(d.v[0].col, 9);
	assert_string_equal(d.v[0].msg,
			    "delivered on 2023-02-01, before the policy was issued (2023-03-01)");
	assert_int_equal(d.v[1].line, 10);
	assert_int_equal(d.v[1].col, 27);
	assert_string_equal(d.v[1].msg,
			    "delivered on 2024-01-05, after the policy expired (2023-12-31)");
	qf_diags_release(&d);
	qf_node_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_in_force),
		cmocka_unit_test(test_check_eligible),
		cmocka_unit_test(test_fits),
		cmocka_unit_test_setup_teardown(test_handovers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_find_policy, setup, teardown),
		cmocka_unit_test(test_check_dates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
