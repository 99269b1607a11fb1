/* test_batch.c - new records written all or nothing (lib/batch.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "qf/batch.h"
#include "qf/workflow.h"

#include "fixture.h"

struct ctx {
	struct fixture fx;
	struct qf_store *s;
};

static const char demands_yaml[] =
	"# kept as it is\n"
	"---\n"
	"id: D-HY-202305-0007\n"
	"firm: F-HY-0001\n"
	"opened: 2023-05-02\n"
	"kind: problem\n"
	"level: local\n"
	"category: land\n"
	"title: 用地\n"
	"status: open\n";

static int setup(void **state)
{
	struct ctx *c = calloc(1, sizeof(*c));

	if (!c || fixture_make(&c->fx, "batch") != 0) {
		free(c);
		return -1;
	}
	*state = c;
	fixture_put(&c->fx, "qf.yaml",
		    "site: HY\norganisation: 园区\ncampaign_start: 2023-01-01\n");
	fixture_put(&c->fx, "firms/HY.yaml",
		    "---\nid: F-HY-0001\nname: 衡阳钢管有限公司\n"
		    "---\nid: F-HY-0002\nname: 湘南电气\n");
	fixture_put(&c->fx, "demands/2023-05.yaml", demands_yaml);
	if (fixture_open(&c->fx, &c->s))
		return -1;
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

static char *slurp(struct ctx *c, const char *rel)
{
	char p[PATH_MAX];
	FILE *fp;
	char *buf;
	long n;

	snprintf(p, sizeof(p), "%s/%s", c->fx.root, rel);
	if (!(fp = fopen(p, "rb")))
		return NULL;
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	rewind(fp);
	assert_non_null(buf = malloc((size_t)n + 1));
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

static struct qf_node *demand(const char *id, const char *firm,
			      const char *source, const char *title)
{
	struct qf_demand_spec sp;
	struct qf_node *n;

	memset(&sp, 0, sizeof(sp));
	sp.id = id;
	sp.firm = firm;
	sp.source = source;
	qf_date_parse("2023-05-20", &sp.opened);
	sp.kind = "problem";
	sp.level = "local";
	sp.category = "land";
	sp.title = title;
	sp.by = "王主任";
	assert_non_null(n = qf_demand_new(&sp));
	return n;
}

static struct qf_node *visit(const char *id, const char *firm,
			     const char *const *dids, size_t n)
{
	struct qf_node *v = qf_node_new_map(), *seq = qf_node_new_seq();
	struct qf_node *who = qf_node_new_seq();

	assert_non_null(v);
	assert_non_null(seq);
	assert_non_null(who);
	assert_int_equal(qf_node_seq_append(who, qf_node_new_scalar("王主任")),
			 0);
	assert_int_equal(qf_node_map_set_str(v, "id", id), 0);
	assert_int_equal(qf_node_map_set_str(v, "date", "2023-05-20"), 0);
	assert_int_equal(qf_node_map_set_str(v, "firm", firm), 0);
	assert_int_equal(qf_node_map_set(v, "visitors", who), 0);
	assert_int_equal(qf_node_map_set_str(v, "kind", "visit"), 0);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(qf_node_seq_append(seq,
				 qf_node_new_scalar(dids[i])), 0);
	assert_int_equal(qf_node_map_set(v, "demands", seq), 0);
	return v;
}

static void test_needs_lock(void **state)
{
	struct ctx *c = *state;
	struct qf_batch *b = NULL;
	struct qf_error err;

	qf_error_clear(&err);
	assert_int_equal(qf_batch_new(c->s, &b, &err), QF_ESOFTWARE);
	assert_null(b);
	assert_int_equal(qf_store_lock_shared(c->s, 100, &err), QF_OK);
	assert_int_equal(qf_batch_new(c->s, &b, &err), QF_ESOFTWARE);
	assert_int_equal(qf_store_lock(c->s, 100, &err), QF_OK);
	assert_int_equal(qf_batch_new(c->s, &b, &err), QF_OK);
	qf_batch_free(b);
}

/* IDs go on from the store's, and from the batch's own. */
static void test_ids(void **state)
{
	struct ctx *c = *state;
	struct qf_batch *b;
	struct qf_error err;
	struct qf_date may, june;
	char id[QF_ID_MAX];

	qf_error_clear(&err);
	qf_date_parse("2023-05-20", &may);
	qf_date_parse("2023-06-01", &june);
	assert_int_equal(qf_store_lock(c->s, 100, &err), QF_OK);
	assert_int_equal(qf_batch_new(c->s, &b, &err), QF_OK);
	assert_int_equal(qf_batch_id(b, QF_DEMAND, &may, id, sizeof(id), &err), 0);
	assert_string_equal(id, "D-HY-202305-0008");
	assert_int_equal(qf_batch_id(b, QF_DEMAND, &may, id, sizeof(id), &err), 0);
	assert_string_equal(id, "D-HY-202305-0009");
	assert_int_equal(qf_batch_id(b, QF_DEMAND, &june, id, sizeof(id), &err), 0);
	assert_string_equal(id, "D-HY-202306-0001");
	assert_int_equal(qf_batch_id(b, QF_VISIT, &may, id, sizeof(id), &err), 0);
	assert_string_equal(id, "V-HY-202305-0001");
	assert_int_equal(qf_batch_id(b, QF_FIRM, NULL, id, sizeof(id), &err), 0);
	assert_string_equal(id, "F-HY-0003");
	assert_int_equal(qf_batch_id(b, QF_FIRM, NULL, id, sizeof(id), &err), 0);
	assert_string_equal(id, "F-HY-0004");
	assert_int_equal(qf_batch_id(b, QF_DEMAND, &may, id, sizeof(id), &err), 0);
	assert_string_equal(id, "D-HY-202305-0010");
	/* Nothing written by asking. */
	assert_int_equal(qf_batch_count(b), 0);
	qf_batch_free(b);
}

/* A visit and the demands it raised name each other: validated together,
 * written together. */
static void test_visit_and_demands(void **state)
{
	struct ctx *c = *state;
	struct qf_batch *b;
	struct qf_error err;
	struct qf_diags d;
	struct qf_date may;
	char vid[QF_ID_MAX], d1[QF_ID_MAX], d2[QF_ID_MAX], *text;
	const char *dids[2] = { d1, d2 };

	qf_error_clear(&err);
	qf_diags_init(&d);
	qf_date_parse("2023-05-20", &may);
	assert_int_equal(qf_store_lock(c->s, 100, &err), QF_OK);
	assert_int_equal(qf_batch_new(c->s, &b, &err), QF_OK);
	assert_int_equal(qf_batch_id(b, QF_VISIT, &may, vid, sizeof(vid), &err), 0);
	assert_int_equal(qf_batch_id(b, QF_DEMAND, &may, d1, sizeof(d1), &err), 0);
	assert_int_equal(qf_batch_id(b, QF_DEMAND, &may, d2, sizeof(d2), &err), 0);
	assert_int_equal(qf_batch_append(b, demand(d1, "F-HY-0001", vid, "用电"),
					 &err), 0);
	assert_int_equal(qf_batch_append(b, demand(d2, "F-HY-0001", vid, "融资"),
					 &err), 0);
	assert_int_equal(qf_batch_append(b, visit(vid, "F-HY-0001", dids, 2),
					 &err), 0);
	assert_int_equal(qf_batch_count(b), 3);
	assert_string_equal(qf_batch_nth_id(b, 2), vid);
	assert_null(qf_batch_nth_id(b, 3));
	if (qf_batch_commit(b, &d, &err) != QF_OK)
		for (size_t i = 0; i < d.n; i++)
			print_message("%s\n", d.v[i].msg);
	assert_int_equal(d.n, 0);
	qf_batch_free(b);

	/* Appended after what was there, which is byte for byte as it was. */
	assert_non_null(text = slurp(c, "demands/2023-05.yaml"));
	assert_memory_equal(text, demands_yaml, strlen(demands_yaml));
	assert_non_null(strstr(text, "id: D-HY-202305-0008\n"));
	assert_non_null(strstr(text, "id: D-HY-202305-0009\n"));
	assert_non_null(strstr(text, "source: V-HY-202305-0001\n"));
	free(text);
	assert_non_null(text = slurp(c, "visits/2023-05.yaml"));
	assert_non_null(strstr(text,
		"demands: [D-HY-202305-0008, D-HY-202305-0009]"));
	free(text);
	/* No journal left. */
	assert_null(text = slurp(c, "qf.journal"));
	qf_diags_release(&d);
}

/* One bad record: every problem said, nothing written. */
static void test_invalid_writes_nothing(void **state)
{
	struct ctx *c = *state;
	struct qf_batch *b;
	struct qf_error err;
	struct qf_diags d;
	struct qf_date may;
	char vid[QF_ID_MAX], d1[QF_ID_MAX], *text;
	const char *dids[1] = { d1 };
	struct stat st;
	char path[PATH_MAX];

	qf_error_clear(&err);
	qf_diags_init(&d);
	qf_date_parse("2023-05-20", &may);
	assert_int_equal(qf_store_lock(c->s, 100, &err), QF_OK);
	assert_int_equal(qf_batch_new(c->s, &b, &err), QF_OK);
	assert_int_equal(qf_batch_id(b, QF_VISIT, &may, vid, sizeof(vid), &err), 0);
	assert_int_equal(qf_batch_id(b, QF_DEMAND, &may, d1, sizeof(d1), &err), 0);
	/* A firm that is not registered. */
	assert_int_equal(qf_batch_append(b, demand(d1, "F-HY-0099", vid, "用电"),
					 &err), 0);
	assert_int_equal(qf_batch_append(b, visit(vid, "F-HY-0099", dids, 1),
					 &err), 0);
	assert_int_equal(qf_batch_commit(b, &d, &err), QF_EDATA);
	for (size_t i = 0; d.n != 2 && i < d.n; i++)
		print_message("%s\n", d.v[i].msg);
	assert_int_equal(d.n, 2);
	assert_non_null(strstr(d.v[0].msg, "F-HY-0099"));
	assert_non_null(strstr(d.v[1].msg, "F-HY-0099"));
	qf_batch_free(b);
	assert_non_null(text = slurp(c, "demands/2023-05.yaml"));
	assert_string_equal(text, demands_yaml);
	free(text);
	snprintf(path, sizeof(path), "%s/visits/2023-05.yaml", c->fx.root);
	assert_int_equal(stat(path, &st), -1);
	qf_diags_release(&d);
}

/* A rewrite after the appends: the stored record replaced in place. */
static void test_rewrite(void **state)
{
	struct ctx *c = *state;
	struct qf_batch *b;
	struct qf_error err;
	struct qf_diags d;
	struct qf_date may;
	struct qf_node *old;
	char id[QF_ID_MAX], *text;

	qf_error_clear(&err);
	qf_diags_init(&d);
	qf_date_parse("2023-05-20", &may);
	assert_int_equal(qf_store_lock(c->s, 100, &err), QF_OK);
	assert_int_equal(qf_batch_new(c->s, &b, &err), QF_OK);
	assert_int_equal(qf_batch_id(b, QF_DEMAND, &may, id, sizeof(id), &err), 0);
	assert_int_equal(qf_batch_append(b, demand(id, "F-HY-0002", NULL, "新"),
					 &err), 0);
	assert_int_equal(qf_store_get(c->s, "D-HY-202305-0007", &old, NULL,
				      &err), QF_OK);
	assert_int_equal(qf_node_map_set_str(old, "title", "用地指标"), 0);
	assert_int_equal(qf_batch_rewrite(b, old, &err), 0);
	/* Only appends are counted and named. */
	assert_int_equal(qf_batch_count(b), 1);
	assert_int_equal(qf_batch_commit(b, &d, &err), QF_OK);
	qf_batch_free(b);
	assert_non_null(text = slurp(c, "demands/2023-05.yaml"));
	assert_non_null(strstr(text, "# kept as it is\n---\nid: D-HY-202305-0007\n"));
	assert_non_null(strstr(text, "title: 用地指标\n"));
	assert_non_null(strstr(text, "id: D-HY-202305-0008\n"));
	free(text);
	qf_diags_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_needs_lock, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ids, setup, teardown),
		cmocka_unit_test_setup_teardown(test_visit_and_demands, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_invalid_writes_nothing,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_rewrite, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
