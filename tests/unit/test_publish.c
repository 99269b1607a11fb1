/* test_publish.c - frozen bulletins (publish.c): qf_publish writes the
 * bulletin, its figures and the fingerprints of every record under
 * reports/, refuses to do it twice; qf_publish_changes says which figures
 * moved since and, when some did, which records changed, appeared or went.
 * The figures are hand-made CSV text: both functions treat them as text. */
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

#include "qf/publish.h"
#include "qf/store.h"
#include "qf/yaml.h"

#include "fixture.h"

static const char settings_yaml[] =
	"site: HY\n"
	"organisation: 衡阳高新区管委会\n"
	"campaign_start: 2023-01-01\n"
	"due_days: 20\n"
	"departments: [经济发展局, 自然资源局]\n";

static const char bulletin[] =
	"# 2023年9月 惠企工作简报\n\n本月走访企业 3 家。\n";

static const char figures[] =
	"section,figure,month,cumulative\n"
	"visits,firms visited,3,10\n"
	"demands,resolved,2,42\n"
	"\"a,b\",resolved,1,5\n";

struct ctx {
	struct fixture fx;
	struct qf_store *s;
};

static int setup(void **state)
{
	struct ctx *c = calloc(1, sizeof(*c));

	if (!c || fixture_make(&c->fx, "publish") != 0) {
		free(c);
		return -1;
	}
	*state = c;
	fixture_put(&c->fx, "qf.yaml", settings_yaml);
	return fixture_open(&c->fx, &c->s);
}

static int teardown(void **state)
{
	struct ctx *c = *state;

	qf_store_free(c->s);
	fixture_remove(&c->fx);
	free(c);
	return 0;
}

/* ---- helpers ------------------------------------------------------- */

/* FNV-1a 64, written again here so that the test does not trust the
 * library's. */
static uint64_t fnv(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

/* "ID\t<16 hex>\n" for a record whose canonical YAML is canon. */
static void fp_line(char *buf, size_t n, const char *id, const char *canon)
{
	snprintf(buf, n, "%s\t%016llx\n", id, (unsigned long long)fnv(canon));
}

/* <root>/reports/<key><ext>, or NULL into *text when it is not there. */
static char *slurp(const struct ctx *c, const char *key, const char *ext)
{
	char p[PATH_MAX];
	FILE *fp;
	char *text;
	long len;

	snprintf(p, sizeof p, "%s/reports/%s%s", c->fx.root, key, ext);
	if (!(fp = fopen(p, "rb")))
		return NULL;
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	len = ftell(fp);
	assert_true(len >= 0);
	rewind(fp);
	text = malloc((size_t)len + 1);
	assert_non_null(text);
	assert_int_equal(fread(text, 1, (size_t)len, fp), (size_t)len);
	text[len] = '\0';
	fclose(fp);
	return text;
}

static void assert_file(const struct ctx *c, const char *key,
			const char *ext, const char *want)
{
	char *got = slurp(c, key, ext);

	if (!got)
		fail_msg("reports/%s%s missing", key, ext);
	assert_string_equal(got, want);
	free(got);
}

static void publish_ok(struct ctx *c, const char *key, const char *csv)
{
	struct qf_error err;
	int rc;

	qf_error_clear(&err);
	rc = qf_publish(c->s, key, bulletin, csv, &err);
	if (rc != QF_OK)
		fail_msg("publish %s: %d %s", key, rc, err.msg);
}

/* The changes since key, as a malloc'd string (caller frees). */
static char *changes_ok(struct ctx *c, const char *key, const char *csv)
{
	struct qf_error err;
	char *ch = (char *)1;
	int rc;

	qf_error_clear(&err);
	rc = qf_publish_changes(c->s, key, csv, "en", &ch, &err);
	if (rc != QF_OK)
		fail_msg("changes %s: %d %s", key, rc, err.msg);
	assert_non_null(ch);
	return ch;
}

static void assert_changes(struct ctx *c, const char *key, const char *csv,
			   const char *want)
{
	char *ch = changes_ok(c, key, csv);

	assert_string_equal(ch, want);
	free(ch);
}

/* One record of each type, the firms out of order; the canonical YAML of
 * each (qf_yaml_emit: "---", block style) is what the hash is taken of. */
#define FIRM1 "---\nid: F-HY-0001\nname: 甲公司\n"
#define FIRM2 "---\nid: F-HY-0002\nname: 乙公司\npark: 高新区\n"
#define POLICY1 "---\nid: P-HY-0001\ntitle: 研发费用加计扣除\n"
#define VISIT1 "---\nid: V-HY-202309-0001\nfirm: F-HY-0001\n"
#define DEMAND1 "---\nid: D-HY-202309-0001\nfirm: F-HY-0002\nstatus: open\n"
#define DEMAND2 "---\nid: D-HY-202309-0002\nfirm: F-HY-0001\nstatus: open\n"

static void put_store(struct ctx *c)
{
	fixture_put(&c->fx, "firms/HY.yaml", FIRM2 FIRM1);
	fixture_put(&c->fx, "policies/HY.yaml", POLICY1);
	fixture_put(&c->fx, "visits/2023-09.yaml", VISIT1);
	fixture_put(&c->fx, "demands/2023-09.yaml", DEMAND2 DEMAND1);
}

/* The .records text of put_store: sorted by ID across the types. */
static char *records_of_store(void)
{
	static char buf[1024];
	char line[128];

	buf[0] = '\0';
	fp_line(line, sizeof line, "D-HY-202309-0001", DEMAND1);
	strcat(buf, line);
	fp_line(line, sizeof line, "D-HY-202309-0002", DEMAND2);
	strcat(buf, line);
	fp_line(line, sizeof line, "F-HY-0001", FIRM1);
	strcat(buf, line);
	fp_line(line, sizeof line, "F-HY-0002", FIRM2);
	strcat(buf, line);
	fp_line(line, sizeof line, "P-HY-0001", POLICY1);
	strcat(buf, line);
	fp_line(line, sizeof line, "V-HY-202309-0001", VISIT1);
	strcat(buf, line);
	return buf;
}

/* The hash field of id's line in a .records text ("" when absent). */
static const char *hash_of(const char *records, const char *id)
{
	static char h[32];
	size_t k = strlen(id);

	h[0] = '\0';
	for (const char *p = records; p && *p;) {
		if (!strncmp(p, id, k) && p[k] == '\t') {
			size_t n = strcspn(p + k + 1, "\n");
			assert_true(n < sizeof h);
			memcpy(h, p + k + 1, n);
			h[n] = '\0';
			break;
		}
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return h;
}

/* ---- the canonical form the hashes are taken of -------------------- */

/* The test's expected hashes rest on qf_yaml_emit giving these texts. */
static void test_canonical_yaml(void **state)
{
	const char *texts[] = { FIRM1, FIRM2, POLICY1, VISIT1, DEMAND1 };
	(void)state;

	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		struct qf_reader *r;
		struct qf_doc doc;
		struct qf_error err;
		char *out;
		size_t len;

		assert_int_equal(qf_reader_open_mem(&r, texts[i],
						    strlen(texts[i]), "t",
						    &err), QF_OK);
		assert_int_equal(qf_reader_next(r, &doc, &err), 1);
		assert_int_equal(qf_yaml_emit(doc.root, &out, &len, &err),
				 QF_OK);
		assert_string_equal(out, texts[i]);
		assert_int_equal(len, strlen(texts[i]));
		free(out);
		qf_doc_release(&doc);
		qf_reader_free(r);
	}
}

/* ---- qf_publish ---------------------------------------------------- */

static void test_publish_writes_three_files(void **state)
{
	struct ctx *c = *state;
	struct stat st;
	char p[PATH_MAX];

	put_store(c);
	snprintf(p, sizeof p, "%s/reports", c->fx.root);
	assert_int_not_equal(stat(p, &st), 0);
	publish_ok(c, "2023-09", figures);
	assert_int_equal(stat(p, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_file(c, "2023-09", ".md", bulletin);
	assert_file(c, "2023-09", ".csv", figures);
	assert_file(c, "2023-09", ".records", records_of_store());
}

static void test_publish_week_key(void **state)
{
	struct ctx *c = *state;

	put_store(c);
	publish_ok(c, "2023-W36", figures);
	assert_file(c, "2023-W36", ".md", bulletin);
	assert_file(c, "2023-W36", ".csv", figures);
	assert_file(c, "2023-W36", ".records", records_of_store());
	/* Another key is another publication. */
	publish_ok(c, "2023-09", "x,y,1\n");
	assert_file(c, "2023-09", ".csv", "x,y,1\n");
	assert_file(c, "2023-W36", ".csv", figures);
}

static void test_publish_empty_store(void **state)
{
	struct ctx *c = *state;

	publish_ok(c, "2023-09", figures);
	assert_file(c, "2023-09", ".md", bulletin);
	assert_file(c, "2023-09", ".csv", figures);
	assert_file(c, "2023-09", ".records", "");
}

/* Records without an ID, and empty documents, have no fingerprint. */
static void test_publish_skips_records_without_id(void **state)
{
	struct ctx *c = *state;
	char want[128];

	fixture_put(&c->fx, "firms/HY.yaml",
		    "---\nname: 无编号\n---\n---\nid: [F-HY-0009]\n" FIRM1);
	publish_ok(c, "2023-09", figures);
	fp_line(want, sizeof want, "F-HY-0001", FIRM1);
	assert_file(c, "2023-09", ".records", want);
}

/* The same hash when the file only changes its layout or comments. */
static void test_publish_hash_ignores_layout(void **state)
{
	struct ctx *c = *state;
	char *before, *after;

	put_store(c);
	publish_ok(c, "2023-09", figures);
	fixture_put(&c->fx, "firms/HY.yaml",
		    "# 企业档案\n"
		    "---\n"
		    "id:   F-HY-0002   # 乙\n"
		    "name: \"乙公司\"\n"
		    "\n"
		    "park: '高新区'\n"
		    "--- {id: F-HY-0001, name: 甲公司}\n"
		    "# the end\n");
	publish_ok(c, "2023-10", figures);
	before = slurp(c, "2023-09", ".records");
	after = slurp(c, "2023-10", ".records");
	assert_non_null(before);
	assert_non_null(after);
	assert_string_equal(after, before);
	assert_string_equal(after, records_of_store());
	free(before);
	free(after);
}

/* A different hash when a field changes, and only for that record. */
static void test_publish_hash_follows_fields(void **state)
{
	struct ctx *c = *state;
	char *before, *after;
	char h1[32], h2[32];

	put_store(c);
	publish_ok(c, "2023-09", figures);
	fixture_put(&c->fx, "firms/HY.yaml",
		    FIRM2 "---\nid: F-HY-0001\nname: 甲有限公司\n");
	publish_ok(c, "2023-10", figures);
	before = slurp(c, "2023-09", ".records");
	after = slurp(c, "2023-10", ".records");
	assert_non_null(before);
	assert_non_null(after);
	strcpy(h1, hash_of(before, "F-HY-0001"));
	strcpy(h2, hash_of(after, "F-HY-0001"));
	assert_int_equal(strlen(h1), 16);
	assert_int_equal(strlen(h2), 16);
	assert_string_not_equal(h1, h2);
	/* Only that record's line moved. */
	assert_string_equal(hash_of(after, "F-HY-0002"),
			    hash_of(before, "F-HY-0002"));
	assert_string_equal(hash_of(after, "D-HY-202309-0001"),
			    hash_of(before, "D-HY-202309-0001"));
	free(before);
	free(after);
}

/* A bulletin once sent is not rewritten. */
static void test_publish_twice_refused(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	char *records;

	put_store(c);
	publish_ok(c, "2023-09", figures);
	records = slurp(c, "2023-09", ".records");
	assert_non_null(records);
	/* The store moves on; publishing again must change nothing. */
	fixture_put(&c->fx, "firms/HY.yaml", FIRM1);
	qf_error_clear(&err);
	assert_int_equal(qf_publish(c->s, "2023-09", "# another\n",
				    "x,y,1\n", &err), QF_ECANTCREAT);
	assert_int_equal(err.code, QF_ECANTCREAT);
	assert_non_null(strstr(err.msg, "2023-09"));
	assert_file(c, "2023-09", ".md", bulletin);
	assert_file(c, "2023-09", ".csv", figures);
	assert_file(c, "2023-09", ".records", records);
	free(records);
}

/* ---- qf_publish_changes -------------------------------------------- */

static void test_changes_never_published(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	char *ch = (char *)1;

	put_store(c);
	qf_error_clear(&err);
	assert_int_equal(qf_publish_changes(c->s, "2023-09", figures, "en", &ch,
					    &err), QF_ENOINPUT);
	assert_int_equal(err.code, QF_ENOINPUT);
	assert_null(ch);
	/* Another key published does not count. */
	publish_ok(c, "2023-08", figures);
	ch = (char *)1;
	assert_int_equal(qf_publish_changes(c->s, "2023-09", figures, "en", &ch,
					    &err), QF_ENOINPUT);
	assert_null(ch);
}

static void test_changes_none(void **state)
{
	struct ctx *c = *state;

	put_store(c);
	publish_ok(c, "2023-09", figures);
	assert_changes(c, "2023-09", figures, "");
}

/* Records are reported only when figures moved. */
static void test_changes_records_alone_silent(void **state)
{
	struct ctx *c = *state;

	put_store(c);
	publish_ok(c, "2023-09", figures);
	fixture_put(&c->fx, "firms/HY.yaml",
		    "---\nid: F-HY-0001\nname: 甲有限公司\n");
	fixture_put(&c->fx, "policies/HY.yaml",
		    POLICY1 "---\nid: P-HY-0002\ntitle: 新政策\n");
	assert_changes(c, "2023-09", figures, "");
}

static void test_changes_figure_moved(void **state)
{
	struct ctx *c = *state;

	put_store(c);
	publish_ok(c, "2023-09", figures);
	assert_changes(c, "2023-09",
		       "section,figure,month,cumulative\n"
		       "visits,firms visited,3,10\n"
		       "demands,resolved,2,43\n"
		       "\"a,b\",resolved,1,5\n",
		       "demands,resolved: 2,42 -> 2,43\n");
}

/* The key is the first two cells: a quoted unit with a comma in it. */
static void test_changes_quoted_key(void **state)
{
	struct ctx *c = *state;

	put_store(c);
	publish_ok(c, "2023-09", figures);
	assert_changes(c, "2023-09",
		       "section,figure,month,cumulative\n"
		       "visits,firms visited,3,10\n"
		       "demands,resolved,2,42\n"
		       "\"a,b\",resolved,2,6\n",
		       "\"a,b\",resolved: 1,5 -> 2,6\n");
}

/* A unit "a,b" is not the unit "a" with figure "b". */
static void test_changes_quoted_key_not_confused(void **state)
{
	struct ctx *c = *state;

	put_store(c);
	publish_ok(c, "2023-09", "\"a,b\",resolved,1\na,b,7\n");
	assert_changes(c, "2023-09", "a,b,7\n\"a,b\",resolved,1\n", "");
	assert_changes(c, "2023-09", "\"a,b\",resolved,1\na,b,8\n",
		       "a,b: 7 -> 8\n");
	assert_changes(c, "2023-09", "\"a,b\",resolved,2\na,b,7\n",
		       "\"a,b\",resolved: 1 -> 2\n");
}

static void test_changes_new_and_gone(void **state)
{
	struct ctx *c = *state;

	put_store(c);
	publish_ok(c, "2023-09", figures);
	assert_changes(c, "2023-09",
		       "section,figure,month,cumulative\n"
		       "visits,firms visited,3,10\n"
		       "\"a,b\",resolved,1,5\n"
		       "\"c,d\",resolved,0,1\n",
		       "demands,resolved: 2,42 -> (gone)\n"
		       "\"c,d\",resolved: (new) -> 0,1\n");
}

/* Changed, gone and new figures at once: first those of the old in its
 * order, then those only the new has. */
static void test_changes_figures_order(void **state)
{
	struct ctx *c = *state;

	put_store(c);
	publish_ok(c, "2023-09", "s,a,1\ns,b,2\ns,c,3\n");
	assert_changes(c, "2023-09", "s,z,9\ns,c,4\ns,a,1\ns,y,8\n",
		       "s,b: 2 -> (gone)\n"
		       "s,c: 3 -> 4\n"
		       "s,z: (new) -> 9\n"
		       "s,y: (new) -> 8\n");
}

/* When figures moved: records changed, new and removed, in ID order. */
static void test_changes_records(void **state)
{
	struct ctx *c = *state;

	put_store(c);
	publish_ok(c, "2023-09", figures);
	/* F-HY-0001 changed; F-HY-0002 only re-laid out; D-HY-202309-0001
	 * removed; D-HY-202309-0003, F-HY-0003 and V-HY-202309-0002 new;
	 * P-HY-0001 changed. */
	fixture_put(&c->fx, "firms/HY.yaml",
		    "---\nid: F-HY-0003\nname: 丙公司\n"
		    "---  # 乙\nid: F-HY-0002\nname:   乙公司\npark: \"高新区\"\n"
		    "---\nid: F-HY-0001\nname: 甲有限公司\n");
	fixture_put(&c->fx, "policies/HY.yaml",
		    "---\nid: P-HY-0001\ntitle: 研发费用加计扣除(2023)\n");
	fixture_put(&c->fx, "visits/2023-09.yaml",
		    VISIT1 "---\nid: V-HY-202309-0002\nfirm: F-HY-0003\n");
	fixture_put(&c->fx, "demands/2023-09.yaml",
		    "---\nid: D-HY-202309-0003\nfirm: F-HY-0003\n" DEMAND2);
	{
		char *ch = changes_ok(c, "2023-09",
				      "section,figure,month,cumulative\n"
				      "visits,firms visited,4,11\n"
				      "demands,resolved,2,42\n"
				      "\"a,b\",resolved,1,5\n");
		const char *want_fig = "visits,firms visited: 3,10 -> 4,11\n";
		const char *rest;

		assert_true(!strncmp(ch, want_fig, strlen(want_fig)));
		rest = ch + strlen(want_fig);
		assert_string_equal(rest,
				    "removed D-HY-202309-0001\n"
				    "new D-HY-202309-0003\n"
				    "changed F-HY-0001\n"
				    "new F-HY-0003\n"
				    "changed P-HY-0001\n"
				    "new V-HY-202309-0002\n");
		free(ch);
	}
}

/* A record whose file only changes layout is not reported; an ID that is
 * a prefix of another is a different record. */
static void test_changes_records_layout_and_prefix(void **state)
{
	struct ctx *c = *state;

	fixture_put(&c->fx, "firms/HY.yaml",
		    FIRM1 "---\nid: F-HY-10011\nname: 长编号\n");
	publish_ok(c, "2023-09", "s,a,1\n");
	fixture_put(&c->fx, "firms/HY.yaml",
		    "# comment\n--- {id: F-HY-0001, name: 甲公司}\n"
		    "---\nid: F-HY-10012\nname: 长编号\n");
	assert_changes(c, "2023-09", "s,a,2\n",
		       "s,a: 1 -> 2\n"
		       "removed F-HY-10011\n"
		       "new F-HY-10012\n");
}

/* Figures moved, no record did; every record removed; every one new. */
static void test_changes_records_all_or_none(void **state)
{
	struct ctx *c = *state;

	put_store(c);
	publish_ok(c, "2023-09", "s,a,1\n");
	assert_changes(c, "2023-09", "s,a,2\n", "s,a: 1 -> 2\n");
	{
		const char *dirs[] = { "firms", "policies", "visits",
				       "demands" };
		char p[PATH_MAX];
		for (size_t i = 0; i < 4; i++) {
			snprintf(p, sizeof p, "%s/%s", c->fx.root, dirs[i]);
			fixture_rm_rf(p);
		}
	}
	assert_changes(c, "2023-09", "s,a,2\n",
		       "s,a: 1 -> 2\n"
		       "removed D-HY-202309-0001\n"
		       "removed D-HY-202309-0002\n"
		       "removed F-HY-0001\n"
		       "removed F-HY-0002\n"
		       "removed P-HY-0001\n"
		       "removed V-HY-202309-0001\n");
	fixture_put(&c->fx, "reports/2023-09.records", "");
	put_store(c);
	assert_changes(c, "2023-09", "s,a,2\n",
		       "s,a: 1 -> 2\n"
		       "new D-HY-202309-0001\n"
		       "new D-HY-202309-0002\n"
		       "new F-HY-0001\n"
		       "new F-HY-0002\n"
		       "new P-HY-0001\n"
		       "new V-HY-202309-0001\n");
}

/* A record with an over-long (invalid) ID must not spoil the fingerprint
 * of the records around it: every line of .records is "ID<TAB>hash". */
static void test_publish_long_id(void **state)
{
	struct ctx *c = *state;
	char id[201], text[512], *rec;
	char want2[128];

	memset(id, 'X', 200);
	id[200] = '\0';
	memcpy(id, "F-HY-", 5);
	snprintf(text, sizeof text, FIRM1 "---\nid: %s\nname: 长\n" FIRM2, id);
	fixture_put(&c->fx, "firms/HY.yaml", text);
	publish_ok(c, "2023-09", "s,a,1\n");
	rec = slurp(c, "2023-09", ".records");
	assert_non_null(rec);
	fp_line(want2, sizeof want2, "F-HY-0002", FIRM2);
	/* Judge first, free, then assert: a failure leaks nothing. */
	{
		const char *at = strstr(rec, want2);
		/* F-HY-0002's own line is intact, at the start of a line. */
		int intact = at && (at == rec || at[-1] == '\n');
		int well_formed = 1;

		/* Every line has one tab and a 16-digit hash. */
		for (char *p = rec; *p && well_formed;) {
			char *nl = strchr(p, '\n'), *tab = strchr(p, '\t');
			well_formed = nl && tab && tab < nl && nl - tab - 1 == 16;
			p = nl ? nl + 1 : p;
		}
		free(rec);
		assert_true(intact);
		assert_true(well_formed);
	}
}

/* A figure line of the new that has lost its value cells ("s,f", the key
 * alone) must not borrow the next line as its value, nor read past the
 * end of the text (run under valgrind: the second case is a heap block of
 * exactly "s,f" and its NUL). */
static void test_changes_figure_without_value(void **state)
{
	struct ctx *c = *state;
	char *now, *ch;
	int borrowed;

	publish_ok(c, "2023-09", "s,f,1\n");
	now = malloc(4);
	assert_non_null(now);
	memcpy(now, "s,f", 4);
	ch = changes_ok(c, "2023-09", now);
	free(now);
	borrowed = strncmp(ch, "s,f: 1 -> ", 10) != 0;
	free(ch);
	assert_false(borrowed);
	ch = changes_ok(c, "2023-09", "s,f\ns,g,2\n");
	borrowed = strstr(ch, "-> s,g,2") != NULL;
	free(ch);
	assert_false(borrowed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_canonical_yaml),
		cmocka_unit_test_setup_teardown(test_publish_writes_three_files, setup, teardown),
		cmocka_unit_test_setup_teardown(test_publish_week_key, setup, teardown),
		cmocka_unit_test_setup_teardown(test_publish_empty_store, setup, teardown),
		cmocka_unit_test_setup_teardown(test_publish_skips_records_without_id, setup, teardown),
		cmocka_unit_test_setup_teardown(test_publish_hash_ignores_layout, setup, teardown),
		cmocka_unit_test_setup_teardown(test_publish_hash_follows_fields, setup, teardown),
		cmocka_unit_test_setup_teardown(test_publish_twice_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_publish_long_id, setup, teardown),
		cmocka_unit_test_setup_teardown(test_changes_never_published, setup, teardown),
		cmocka_unit_test_setup_teardown(test_changes_none, setup, teardown),
		cmocka_unit_test_setup_teardown(test_changes_records_alone_silent, setup, teardown),
		cmocka_unit_test_setup_teardown(test_changes_figure_moved, setup, teardown),
		cmocka_unit_test_setup_teardown(test_changes_quoted_key, setup, teardown),
		cmocka_unit_test_setup_teardown(test_changes_quoted_key_not_confused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_changes_new_and_gone, setup, teardown),
		cmocka_unit_test_setup_teardown(test_changes_figures_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_changes_records, setup, teardown),
		cmocka_unit_test_setup_teardown(test_changes_records_layout_and_prefix, setup, teardown),
		cmocka_unit_test_setup_teardown(test_changes_records_all_or_none, setup, teardown),
		cmocka_unit_test_setup_teardown(test_changes_figure_without_value, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
