/* test_check.c - every problem in a store (check.c).  Each case writes a
 * store whose problems are known by construction into a temporary
 * directory and compares the whole sorted list of diagnostics. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qf/check.h"
#include "store_impl.h"   /* white-box: a store whose schemas are gone */

#include "fixture.h"

struct ctx {
	struct fixture fx;      /* the temporary directory and store */
	struct qf_store *s;
	struct qf_diags d;
};

/* A clean store: 2 firms, 1 policy, 1 visit, 2 demands. */
static const char firms_hy[] =
	"---\n"                                 /* 1 */
	"id: F-HY-0001\n"                       /* 2 */
	"name: 衡阳钢管有限公司\n"               /* 3 */
	"since: 2023-01-05\n"                   /* 4 */
	"---\n"                                 /* 5 */
	"id: F-HY-0002\n"                       /* 6 */
	"name: 湘南电气\n";                      /* 7 */

static const char policies_hy[] =
	"---\n"
	"id: P-HY-0001\n"
	"title: 稳岗补贴\n";

static const char visits_may[] =
	"# May\n"                               /* 1 */
	"---\n"                                 /* 2 */
	"id: V-HY-202305-0001\n"                /* 3 */
	"date: 2023-05-04\n"                    /* 4 */
	"firm: F-HY-0001\n"                     /* 5 */
	"visitors: [张三, 李四]\n"               /* 6 */
	"kind: visit\n"                         /* 7 */
	"policies: [P-HY-0001]\n"               /* 8 */
	"demands: [D-HY-202305-0001]\n";        /* 9 */

static const char demands_may[] =
	"---\n"                                 /* 1 */
	"id: D-HY-202305-0001\n"                /* 2 */
	"firm: F-HY-0001\n"                     /* 3 */
	"opened: 2023-05-04\n"                  /* 4 */
	"source: V-HY-202305-0001\n"            /* 5 */
	"kind: problem\n"                       /* 6 */
	"level: local\n"                        /* 7 */
	"category: energy\n"                    /* 8 */
	"title: 用电增容\n"                      /* 9 */
	"status: assigned\n"                    /* 10 */
	"dept: 经济发展局\n"                     /* 11 */
	"due: 2023-05-20\n"                     /* 12 */
	"log:\n"                                /* 13 */
	"  - {date: 2023-05-04, action: collect}\n" /* 14 */
	"  - date: 2023-05-05\n"                /* 15 */
	"    action: assign\n"                  /* 16 */
	"    dept: 经济发展局\n"                 /* 17 */
	"    due: 2023-05-20\n"                 /* 18 */
	"---\n"                                 /* 19 */
	"id: D-HY-202305-0002\n"                /* 20 */
	"firm: F-HY-0002\n"                     /* 21 */
	"opened: 2023-05-06\n"                  /* 22 */
	"source: 热线\n"                         /* 23 */
	"kind: suggestion\n"                    /* 24 */
	"level: higher\n"                       /* 25 */
	"category: policy\n"                    /* 26 */
	"title: 放宽申报条件\n"                  /* 27 */
	"status: adopted\n"                     /* 28 */
	"closed: 2023-05-25\n"                  /* 29 */
	"resolution: 已采纳\n"                   /* 30 */
	"satisfaction: satisfied\n";            /* 31 */

static int setup(void **state)
{
	struct ctx *c = calloc(1, sizeof(*c));

	if (!c || fixture_make(&c->fx, "check") != 0) {
		free(c);
		return -1;
	}
	*state = c;
	fixture_put(&c->fx, "qf.yaml",
		    "site: HY\norganisation: 衡阳高新区\n"
		    "campaign_start: 2023-01-01\n");
	fixture_put(&c->fx, "firms/HY.yaml", firms_hy);
	fixture_put(&c->fx, "policies/HY.yaml", policies_hy);
	fixture_put(&c->fx, "visits/2023-05.yaml", visits_may);
	fixture_put(&c->fx, "demands/2023-05.yaml", demands_may);
	qf_diags_init(&c->d);
	return fixture_open(&c->fx, &c->s);
}

static int teardown(void **state)
{
	struct ctx *c = *state;

	qf_diags_release(&c->d);
	qf_store_free(c->s);
	fixture_remove(&c->fx);
	free(c);
	return 0;
}

struct want {
	const char *file;       /* under the root */
	unsigned line, col;
	const char *msg;
};

/* The file of a diagnostic, under the root. */
static const char *rel(const struct ctx *c, const char *file)
{
	size_t n = strlen(c->fx.root);

	if (file && strncmp(file, c->fx.root, n) == 0 && file[n] == '/')
		return file + n + 1;
	return file ? file : "(none)";
}

/* Run the check; the diagnostics must be exactly want[0..n). */
static void check_is(struct ctx *c, const struct want *want, size_t n,
		     size_t records)
{
	struct qf_error err;
	size_t got_records = 0, got;
	int same;

	qf_error_clear(&err);
	got = qf_check_store(c->s, &c->d, &got_records, &err);
	same = got == n && c->d.n == n;
	for (size_t i = 0; same && i < n; i++) {
		const struct qf_diag *d = &c->d.v[i];

		same = !strcmp(rel(c, d->file), want[i].file) &&
		       d->line == want[i].line && d->col == want[i].col &&
		       !strcmp(d->msg, want[i].msg);
	}
	if (!same) {
		print_error("got %zu diagnostics (%zu wanted):\n", got, n);
		for (size_t i = 0; i < c->d.n; i++)
			print_error("  %s:%u:%u: %s\n",
				    rel(c, c->d.v[i].file), c->d.v[i].line,
				    c->d.v[i].col, c->d.v[i].msg);
		print_error("wanted:\n");
		for (size_t i = 0; i < n; i++)
			print_error("  %s:%u:%u: %s\n", want[i].file,
				    want[i].line, want[i].col, want[i].msg);
	}
	assert_true(same);
	assert_int_equal(got_records, records);
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void test_clean(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	size_t records = 0;

	assert_int_equal(qf_check_store(c->s, &c->d, &records, &err), 0);
	assert_int_equal(c->d.n, 0);
	assert_int_equal(records, 6);
	/* records may be NULL; the list is appended to. */
	assert_int_equal(qf_diags_add(&c->d, "x", 1, 1, "before"), 0);
	assert_int_equal(qf_check_store(c->s, &c->d, NULL, &err), 0);
	assert_int_equal(c->d.n, 1);
}

static void test_empty_store(void **state)
{
	struct ctx *c = *state;
	char p[PATH_MAX];

	snprintf(p, sizeof(p), "%s/firms", c->fx.root);
	fixture_rm_rf(p);
	snprintf(p, sizeof(p), "%s/policies", c->fx.root);
	fixture_rm_rf(p);
	snprintf(p, sizeof(p), "%s/visits", c->fx.root);
	fixture_rm_rf(p);
	snprintf(p, sizeof(p), "%s/demands", c->fx.root);
	fixture_rm_rf(p);
	check_is(c, NULL, 0, 0);
}

static void test_schema(void **state)
{
	struct ctx *c = *state;
	static const struct want want[] = {
		{ "demands/2023-06.yaml", 2, 1,
		  "missing required field 'title'" },
		{ "demands/2023-06.yaml", 4, 9,
		  "field 'opened': '2023-06-31' is not a valid date" },
		{ "demands/2023-06.yaml", 5, 7,
		  "field 'kind': 'question' is not one of problem, suggestion" },
		{ "demands/2023-06.yaml", 9, 9,
		  "field 'amount': -5 is less than the minimum 0" },
		{ "demands/2023-06.yaml", 10, 1,
		  "unknown field 'colour'" },
		{ "demands/2023-06.yaml", 12, 32,
		  "field 'log[0].action': 'phone' is not one of collect, "
		  "assign, note, extend, return, urge, escalate, resolve, "
		  "adopt, decline, follow-up, reopen" },
		{ "firms/HY-b.yaml", 4, 14,
		  "field 'credit_code': check digit is wrong ('R' expected)" },
		{ "firms/HY-b.yaml", 5, 18,
		  "field 'contact.phone': expected string, found integer "
		  "13800000000 (put it in quotes)" },
		{ "visits/2023-06.yaml", 2, 1,
		  "missing required field 'kind'" },
		{ "visits/2023-06.yaml", 5, 11,
		  "field 'visitors': 0 items, at least 1 needed" },
	};

	fixture_put(&c->fx, "demands/2023-06.yaml",
		    "---\n"                                 /* 1 */
		    "id: D-HY-202306-0001\n"                /* 2 */
		    "firm: F-HY-0001\n"                     /* 3 */
		    "opened: 2023-06-31\n"                  /* 4 */
		    "kind: question\n"                      /* 5 */
		    "level: local\n"                        /* 6 */
		    "category: energy\n"                    /* 7 */
		    "status: open\n"                        /* 8 */
		    "amount: -5\n"                          /* 9 */
		    "colour: red\n"                         /* 10 */
		    "log:\n"                                /* 11 */
		    "  - {date: 2023-06-01, action: phone}\n"); /* 12 */
	fixture_put(&c->fx, "firms/HY-b.yaml",
		    "---\n"                                 /* 1 */
		    "id: F-HY-0003\n"                       /* 2 */
		    "name: 衡阳特变\n"                       /* 3 */
		    "credit_code: 91430400MA4L12345X\n"     /* 4 */
		    "contact: {phone: 13800000000}\n");     /* 5 */
	fixture_put(&c->fx, "visits/2023-06.yaml",
		    "---\n"
		    "id: V-HY-202306-0001\n"
		    "date: 2023-06-02\n"
		    "firm: F-HY-0002\n"
		    "visitors: []\n");
	check_is(c, want, N(want), 9);
}

/* The demands visits list are read after the visits: check settles those
 * references at the end, for many visits, in a later month's file and
 * across files, and names only the ones missing. */
static void test_later_refs(void **state)
{
	struct ctx *c = *state;
	static char vis[200 * 160], dem[200 * 200];
	static char msg[10][80];
	struct want want[10];
	size_t nv = 0, nd = 0;

	for (int i = 1; i <= 200; i++) {
		nv += (size_t)snprintf(vis + nv, sizeof vis - nv,
			"---\nid: V-HY-202307-%04d\ndate: 2023-07-03\n"
			"firm: F-HY-0001\nvisitors: [张三]\nkind: visit\n"
			"demands: [D-HY-202308-%04d]\n", i, i);
		if (i % 20 == 0)
			continue;        /* never written */
		nd += (size_t)snprintf(dem + nd, sizeof dem - nd,
			"---\nid: D-HY-202308-%04d\nfirm: F-HY-0002\n"
			"opened: 2023-08-01\nkind: problem\nlevel: local\n"
			"category: land\ntitle: 第%d号\nstatus: open\n", i, i);
	}
	for (int k = 0; k < 10; k++) {
		int i = (k + 1) * 20;
		snprintf(msg[k], sizeof msg[k],
			 "field 'demands[0]': no demand 'D-HY-202308-%04d'", i);
		want[k] = (struct want){ "visits/2023-07.yaml",
					 (unsigned)(7 * i), 11, msg[k] };
	}
	fixture_put(&c->fx, "visits/2023-07.yaml", vis);
	fixture_put(&c->fx, "demands/2023-08.yaml", dem);
	check_is(c, want, 10, 6 + 200 + 190);
}

static void test_dangling_refs(void **state)
{
	struct ctx *c = *state;
	static const struct want want[] = {
		{ "demands/2023-06.yaml", 3, 7,
		  "field 'firm': no firm 'F-HY-0099'" },
		{ "visits/2023-06.yaml", 4, 7,
		  "field 'firm': no firm 'F-HY-0042'" },
		{ "visits/2023-06.yaml", 7, 23,
		  "field 'policies[1]': no policy 'P-HY-0002'" },
		{ "visits/2023-06.yaml", 8, 11,
		  "field 'demands[0]': no demand 'D-HY-202306-0009'" },
		/* A firm ID where a policy is meant. */
		{ "visits/2023-06.yaml", 8, 29,
		  "field 'demands[1]': no demand 'F-HY-0001'" },
	};

	fixture_put(&c->fx, "demands/2023-06.yaml",
		    "---\n"
		    "id: D-HY-202306-0001\n"
		    "firm: F-HY-0099\n"
		    "opened: 2023-06-01\n"
		    "kind: problem\n"
		    "level: local\n"
		    "category: land\n"
		    "title: 用地指标\n"
		    "status: open\n");
	fixture_put(&c->fx, "visits/2023-06.yaml",
		    "---\n"                                          /* 1 */
		    "id: V-HY-202306-0001\n"                         /* 2 */
		    "date: 2023-06-02\n"                             /* 3 */
		    "firm: F-HY-0042\n"                              /* 4 */
		    "visitors: [张三]\n"                              /* 5 */
		    "kind: survey\n"                                 /* 6 */
		    "policies: [P-HY-0001, P-HY-0002]\n"             /* 7 */
		    "demands: [D-HY-202306-0009, F-HY-0001, "
		    "D-HY-202306-0001]\n");
	check_is(c, want, N(want), 8);
}

static void test_duplicates(void **state)
{
	struct ctx *c = *state;
	/* Files are read in name order: "HY-b.yaml" before "HY.yaml". */
	static const struct want want[] = {
		{ "firms/HY-b.yaml", 5, 1,
		  "duplicate ID 'F-HY-0002' (first at @/firms/HY-b.yaml:2:1)" },
		{ "firms/HY.yaml", 6, 1,
		  "duplicate ID 'F-HY-0002' (first at @/firms/HY-b.yaml:2:1)" },
		{ "visits/2023-05.yaml", 3, 1,
		  "duplicate ID 'V-HY-202305-0001' "
		  "(first at @/visits/2023-05-more.yaml:4:1)" },
	};
	struct want w[N(want)];
	char msgs[N(want)][512];

	for (size_t i = 0; i < N(want); i++) {
		w[i] = want[i];
		const char *at = strchr(want[i].msg, '@');

		/* "@" stands for the root. */
		snprintf(msgs[i], sizeof(msgs[i]), "%.*s%s%s",
			 (int)(at - want[i].msg), want[i].msg, c->fx.root,
			 at + 1);
		w[i].msg = msgs[i];
	}
	fixture_put(&c->fx, "firms/HY-b.yaml",
		    "---\nid: F-HY-0002\nname: 湘南电气（副本）\n"
		    "---\nid: F-HY-0002\nname: 湘南电气（又一副本）\n");
	fixture_put(&c->fx, "visits/2023-05-more.yaml",
		    "# moved here by hand\n"
		    "---\n"
		    "# the same visit\n"
		    "id: V-HY-202305-0001\n"
		    "date: 2023-05-04\n"
		    "firm: F-HY-0001\n"
		    "visitors: [张三]\n"
		    "kind: visit\n");
	check_is(c, w, N(w), 9);
}

static void test_wrong_file_and_type(void **state)
{
	struct ctx *c = *state;
	static const struct want want[] = {
		/* A May demand in the June file. */
		{ "demands/2023-06.yaml", 2, 1,
		  "record 'D-HY-202305-0003' is in the wrong file (its ID "
		  "names another)" },
		/* A visit's ID on a demand. */
		{ "demands/2023-06.yaml", 12, 1,
		  "'V-HY-202306-0001' is not the ID of a demand" },
		{ "demands/2023-06.yaml", 12, 5,
		  "field 'id': 'V-HY-202306-0001' does not match "
		  "'^D-[A-Z][A-Z0-9]{1,7}-[0-9]{6}-[0-9]{4,6}$'" },
		/* Another site's firm file. */
		{ "firms/ZZ.yaml", 2, 1,
		  "record 'F-HY-0003' is in the wrong file (its ID names "
		  "another)" },
		/* A policy among the firms. */
		{ "firms/ZZ.yaml", 5, 1,
		  "'P-HY-0001' is not the ID of a firm" },
		{ "firms/ZZ.yaml", 5, 5,
		  "field 'id': 'P-HY-0001' does not match "
		  "'^F-[A-Z][A-Z0-9]{1,7}-[0-9]{4,6}$'" },
	};

	fixture_put(&c->fx, "demands/2023-06.yaml",
		    "---\n"                                 /* 1 */
		    "id: D-HY-202305-0003\n"                /* 2 */
		    "firm: F-HY-0001\n"                     /* 3 */
		    "opened: 2023-05-30\n"                  /* 4 */
		    "kind: problem\n"                       /* 5 */
		    "level: local\n"                        /* 6 */
		    "category: land\n"                      /* 7 */
		    "title: 用地指标\n"                      /* 8 */
		    "status: open\n"                        /* 9 */
		    "\n"                                    /* 10 */
		    "---\n"                                 /* 11 */
		    "id: V-HY-202306-0001\n"                /* 12 */
		    "firm: F-HY-0001\n"                     /* 13 */
		    "opened: 2023-06-02\n"                  /* 14 */
		    "kind: problem\n"                       /* 15 */
		    "level: local\n"                        /* 16 */
		    "category: land\n"                      /* 17 */
		    "title: 用地指标\n"                      /* 18 */
		    "status: open\n");                      /* 19 */
	fixture_put(&c->fx, "firms/ZZ.yaml",
		    "---\n"
		    "id: F-HY-0003\n"
		    "name: 衡阳特变\n"
		    "---\n"
		    "id: P-HY-0001\n"
		    "name: 稳岗补贴\n");
	check_is(c, want, N(want), 10);
}

static void test_workflow(void **state)
{
	struct ctx *c = *state;
	static const struct want want[] = {
		{ "demands/2023-06.yaml", 9, 1,
		  "demand is 'assigned' but has no lead unit (dept)" },
		{ "demands/2023-06.yaml", 9, 1,
		  "demand is 'assigned' but has no due date" },
		{ "demands/2023-06.yaml", 19, 1,
		  "demand is 'resolved' but has no closing date (closed)" },
		{ "demands/2023-06.yaml", 19, 1,
		  "demand is 'resolved' but has no resolution" },
		{ "demands/2023-06.yaml", 29, 1,
		  "only suggestions are adopted; this is a 'problem'" },
		{ "demands/2023-06.yaml", 41, 1,
		  "a 'suggestion' is adopted or declined, not resolved" },
		{ "demands/2023-06.yaml", 54, 1,
		  "closed before it was opened (2023-06-10)" },
		{ "demands/2023-06.yaml", 66, 1,
		  "demand is 'open' but has a satisfaction rating" },
		{ "demands/2023-06.yaml", 75, 1,
		  "demand is 'assigned' but has a closing date" },
		{ "demands/2023-06.yaml", 86, 1,
		  "no visit 'V-HY-202306-0009'" },
		{ "demands/2023-06.yaml", 96, 1,
		  "source 'F-HY-0001' is neither a visit nor an event" },
		{ "demands/2023-06.yaml", 106, 1,
		  "visit 'V-HY-202305-0001' does not list this demand in its "
		  "demands (a write cut short, or an edit by hand): add it "
		  "there" },
	};

	fixture_put(&c->fx, "demands/2023-06.yaml",
		    /* assigned without dept and due */
		    "---\n"                                 /* 1 */
		    "id: D-HY-202306-0001\n"                /* 2 */
		    "firm: F-HY-0001\n"                     /* 3 */
		    "opened: 2023-06-01\n"                  /* 4 */
		    "kind: problem\n"                       /* 5 */
		    "level: local\n"                        /* 6 */
		    "category: land\n"                      /* 7 */
		    "title: 一\n"                            /* 8 */
		    "status: assigned\n"                    /* 9 */
		    "owner: 王五\n"                          /* 10 */
		    /* resolved without closed and resolution */
		    "---\n"                                 /* 11 */
		    "id: D-HY-202306-0002\n"                /* 12 */
		    "firm: F-HY-0001\n"                     /* 13 */
		    "opened: 2023-06-01\n"                  /* 14 */
		    "kind: problem\n"                       /* 15 */
		    "level: local\n"                        /* 16 */
		    "category: land\n"                      /* 17 */
		    "title: 二\n"                            /* 18 */
		    "status: resolved\n"                    /* 19 */
		    "dept: 自然资源局\n"                     /* 20 */
		    /* an adopted problem */
		    "---\n"                                 /* 21 */
		    "id: D-HY-202306-0003\n"                /* 22 */
		    "firm: F-HY-0001\n"                     /* 23 */
		    "opened: 2023-06-01\n"                  /* 24 */
		    "kind: problem\n"                       /* 25 */
		    "level: local\n"                        /* 26 */
		    "category: land\n"                      /* 27 */
		    "title: 三\n"                            /* 28 */
		    "status: adopted\n"                     /* 29 */
		    "closed: 2023-06-03\n"                  /* 30 */
		    "resolution: 已采纳\n"                   /* 31 */
		    /* a resolved suggestion */
		    "---\n"                                 /* 32 */
		    "id: D-HY-202306-0004\n"                /* 33 */
		    "firm: F-HY-0002\n"                     /* 34 */
		    "opened: 2023-06-01\n"                  /* 35 */
		    "kind: suggestion\n"                    /* 36 */
		    "level: higher\n"                       /* 37 */
		    "category: policy\n"                    /* 38 */
		    "title: 四\n"                            /* 39 */
		    "# resolved, says the clerk\n"          /* 40 */
		    "status: resolved\n"                    /* 41 */
		    "closed: 2023-06-03\n"                  /* 42 */
		    "resolution: 已解决\n"                   /* 43 */
		    /* closed before it was opened */
		    "---\n"                                 /* 44 */
		    "id: D-HY-202306-0005\n"                /* 45 */
		    "firm: F-HY-0002\n"                     /* 46 */
		    "opened: 2023-06-10\n"                  /* 47 */
		    "kind: problem\n"                       /* 48 */
		    "level: local\n"                        /* 49 */
		    "category: land\n"                      /* 50 */
		    "title: 五\n"                            /* 51 */
		    "status: declined\n"                    /* 52 */
		    "resolution: 无法解决\n"                 /* 53 */
		    "closed: 2023-06-05\n"                  /* 54 */
		    /* satisfaction on an open demand */
		    "---\n"                                 /* 55 */
		    "id: D-HY-202306-0006\n"                /* 56 */
		    "firm: F-HY-0002\n"                     /* 57 */
		    "opened: 2023-06-10\n"                  /* 58 */
		    "kind: problem\n"                       /* 59 */
		    "level: local\n"                        /* 60 */
		    "category: land\n"                      /* 61 */
		    "title: 六\n"                            /* 62 */
		    "status: open\n"                        /* 63 */
		    "log:\n"                                /* 64 */
		    "  - {date: 2023-06-10, action: collect}\n" /* 65 */
		    "satisfaction: satisfied\n"             /* 66 */
		    /* a closing date on an assigned demand */
		    "---\n"                                 /* 67 */
		    "id: D-HY-202306-0007\n"                /* 68 */
		    "firm: F-HY-0002\n"                     /* 69 */
		    "opened: 2023-06-10\n"                  /* 70 */
		    "kind: problem\n"                       /* 71 */
		    "level: local\n"                        /* 72 */
		    "category: land\n"                      /* 73 */
		    "title: 七\n"                            /* 74 */
		    "closed: 2023-06-12\n"                  /* 75 */
		    "status: assigned\n"                    /* 76 */
		    "dept: 自然资源局\n"                     /* 77 */
		    "due: 2023-06-30\n"                     /* 78 */
		    /* a source naming a missing visit */
		    "---\n"                                 /* 79 */
		    "id: D-HY-202306-0008\n"                /* 80 */
		    "firm: F-HY-0002\n"                     /* 81 */
		    "opened: 2023-06-10\n"                  /* 82 */
		    "kind: problem\n"                       /* 83 */
		    "level: local\n"                        /* 84 */
		    "category: land\n"                      /* 85 */
		    "source: V-HY-202306-0009\n"            /* 86 */
		    "title: 八\n"                            /* 87 */
		    "status: open\n"                        /* 88 */
		    /* a source that is an ID, not of a visit */
		    "---\n"                                 /* 89 */
		    "id: D-HY-202306-0009\n"                /* 90 */
		    "firm: F-HY-0002\n"                     /* 91 */
		    "opened: 2023-06-10\n"                  /* 92 */
		    "kind: problem\n"                       /* 93 */
		    "level: local\n"                        /* 94 */
		    "category: land\n"                      /* 95 */
		    "source: F-HY-0001\n"                   /* 96 */
		    "title: 九\n"                            /* 97 */
		    "status: open\n"                        /* 98 */
		    /* clean but for one thing: a visit of May as source
		     * that does not list it (add-demand --source cut short
		     * between its append and the visit's rewrite); declined
		     * with its date and resolution */
		    "---\n"                                 /* 99 */
		    "id: D-HY-202306-0010\n"                /* 100 */
		    "firm: F-HY-0002\n"                     /* 101 */
		    "opened: 2023-06-10\n"                  /* 102 */
		    "kind: problem\n"                       /* 103 */
		    "level: higher\n"                       /* 104 */
		    "category: land\n"                      /* 105 */
		    "source: V-HY-202305-0001\n"            /* 106 */
		    "title: 十\n"                            /* 107 */
		    "status: declined\n"                    /* 108 */
		    "closed: 2023-06-10\n"                  /* 109 */
		    "resolution: 超出权限\n"                 /* 110 */
		    "satisfaction: basic\n");               /* 111 */
	check_is(c, want, N(want), 16);
}

static void test_month(void **state)
{
	struct ctx *c = *state;
	static const struct want want[] = {
		{ "demands/2023-06.yaml", 4, 1,
		  "date is not in the month its ID names (D-HY-202306-0001)" },
		{ "visits/2023-06.yaml", 3, 1,
		  "date is not in the month its ID names (V-HY-202306-0001)" },
		{ "visits/2023-06.yaml", 10, 1,
		  "date is not in the month its ID names (V-HY-202306-0002)" },
	};

	fixture_put(&c->fx, "demands/2023-06.yaml",
		    "---\n"
		    "id: D-HY-202306-0001\n"
		    "firm: F-HY-0001\n"
		    "opened: 2023-07-01\n"
		    "kind: problem\n"
		    "level: local\n"
		    "category: land\n"
		    "title: 一\n"
		    "status: open\n");
	fixture_put(&c->fx, "visits/2023-06.yaml",
		    "---\n"                                 /* 1 */
		    "id: V-HY-202306-0001\n"                /* 2 */
		    "date: 2023-05-31\n"                    /* 3 */
		    "firm: F-HY-0001\n"                     /* 4 */
		    "visitors: [张三]\n"                     /* 5 */
		    "kind: visit\n"                         /* 6 */
		    /* same month, another year */
		    "---\n"                                 /* 7 */
		    "id: V-HY-202306-0002\n"                /* 8 */
		    "kind: visit\n"                         /* 9 */
		    "date: 2022-06-15\n"                    /* 10 */
		    "firm: F-HY-0001\n"                     /* 11 */
		    "visitors: [张三]\n"                     /* 12 */
		    /* fine: the last day of the month */
		    "---\n"
		    "id: V-HY-202306-0003\n"
		    "date: 2023-06-30\n"
		    "firm: F-HY-0001\n"
		    "visitors: [张三]\n"
		    "kind: visit\n");
	check_is(c, want, N(want), 10);
}

static void test_parse_error(void **state)
{
	struct ctx *c = *state;
	/* The records before the error are checked, and the other files
	 * too. */
	static const struct want want[] = {
		{ "demands/2023-06.yaml", 5, 7,
		  "field 'kind': 'issue' is not one of problem, suggestion" },
		{ "visits/2023-06.yaml", 5, 7,
		  "field 'kind': 'trip' is not one of visit, survey, onsite, "
		  "meeting" },
		{ "visits/2023-06.yaml", 10, 5,
		  "did not find expected ',' or ']' while parsing a flow "
		  "sequence at line 9, column 11" },
	};

	fixture_put(&c->fx, "visits/2023-06.yaml",
		    "---\n"                                 /* 1 */
		    "id: V-HY-202306-0001\n"                /* 2 */
		    "date: 2023-06-02\n"                    /* 3 */
		    "firm: F-HY-0001\n"                     /* 4 */
		    "kind: trip\n"                          /* 5 */
		    "visitors: [张三]\n"                     /* 6 */
		    "---\n"                                 /* 7 */
		    "id: V-HY-202306-0002\n"                /* 8 */
		    "visitors: [张三\n"                      /* 9 */
		    "kind: visit\n"                         /* 10 */
		    "---\n"                                 /* 11 */
		    "id: V-HY-202306-0003\n");              /* 12 */
	fixture_put(&c->fx, "demands/2023-06.yaml",
		    "---\n"
		    "id: D-HY-202306-0001\n"
		    "firm: F-HY-0001\n"
		    "opened: 2023-06-02\n"
		    "kind: issue\n"
		    "level: local\n"
		    "category: land\n"
		    "title: 一\n"
		    "status: open\n");
	/* 6 clean records, the first visit of June, the demand. */
	check_is(c, want, N(want), 8);
}

/* A file that does not parse, read before the files that hold the
 * records others refer to: those records still exist. */
static void test_parse_error_before_refs(void **state)
{
	struct ctx *c = *state;
	static const struct want want[] = {
		{ "firms/HY-a.yaml", 3, 5,
		  "mapping values are not allowed in this context" },
		{ "visits/2023-05-a.yaml", 2, 5,
		  "did not find expected node content while parsing a block "
		  "node" },
	};

	/* "HY-a.yaml" < "HY.yaml", "2023-05-a.yaml" < "2023-05.yaml". */
	fixture_put(&c->fx, "firms/HY-a.yaml", "---\nid F-HY-0009\nname: x\n");
	fixture_put(&c->fx, "visits/2023-05-a.yaml", "---\nid: ]\n");
	check_is(c, want, N(want), 6);
}

/* The check cannot run without the schemas. */
static void test_no_schemas(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	size_t records = 99;

	free(c->s->schema_dir);
	c->s->schema_dir = strdup("/nonexistent");
	assert_non_null(c->s->schema_dir);
	qf_error_clear(&err);
	assert_int_equal(qf_check_store(c->s, &c->d, &records, &err),
			 (size_t)-1);
	assert_int_equal(err.code, QF_ECONFIG);
	assert_int_equal(records, 99);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_clean, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_store, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_schema, setup, teardown),
		cmocka_unit_test_setup_teardown(test_later_refs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dangling_refs, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_duplicates, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_wrong_file_and_type,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_workflow, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_month, setup, teardown),
		cmocka_unit_test_setup_teardown(test_parse_error, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_parse_error_before_refs,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_schemas, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
