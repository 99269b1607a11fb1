/* test_store.c - the store (store.c): finding it, opening it, settings,
 * the lock, listing and reading records, IDs, appending and rewriting in
 * place, firm look-up.  Every case works on a store written into a
 * temporary directory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "qf/store.h"
#include "store_impl.h"   /* white-box: the lock and index fields */

#include "fixture.h"

static const char settings_yaml[] =
	"# store settings\n"
	"site: HY\n"
	"organisation: 衡阳高新区管委会\n"
	"campaign_start: 2023-01-01\n"
	"due_days: 20\n"
	"departments: [经济发展局, 自然资源局]\n";

struct ctx {
	struct fixture fx;      /* the temporary directory and store */
	char path[PATH_MAX];    /* scratch */
	struct qf_store *s;
};

/* The content of <root>/rel (caller frees), or NULL when missing. */
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
	assert_true(n >= 0);
	rewind(fp);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

static void assert_file(struct ctx *c, const char *rel, const char *want)
{
	char *got = slurp(c, rel);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

/* <root>/rel, in c->path. */
static const char *at(struct ctx *c, const char *rel)
{
	snprintf(c->path, sizeof(c->path), "%s/%s", c->fx.root, rel);
	return c->path;
}

static int setup_bare(void **state)
{
	struct ctx *c = calloc(1, sizeof(*c));

	if (!c || fixture_make(&c->fx, "store") != 0) {
		free(c);
		return -1;
	}
	*state = c;
	return 0;
}

/* A store with good settings, opened. */
static int setup(void **state)
{
	struct ctx *c;

	if (setup_bare(state))
		return -1;
	c = *state;
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

/* A record from "key", "value" pairs, NULL-terminated. */
static struct qf_node *rec_new(const char *k, ...)
{
	struct qf_node *m = qf_node_new_map();
	va_list ap;

	assert_non_null(m);
	va_start(ap, k);
	while (k) {
		const char *v = va_arg(ap, const char *);
		assert_int_equal(qf_node_map_set_str(m, k, v), 0);
		k = va_arg(ap, const char *);
	}
	va_end(ap);
	return m;
}

/* ---- finding the store ---- */

static void test_find_data(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	char *root = NULL;

	/* --data wins over the environment */
	assert_int_equal(qf_store_find(c->fx.root, "/nonexistent", &root, &err),
			 QF_OK);
	assert_string_equal(root, c->fx.root);
	free(root);
	root = NULL;

	/* --data naming a directory without qf.yaml */
	qf_error_clear(&err);
	assert_int_equal(qf_store_find(c->fx.dir, c->fx.root, &root, &err),
			 QF_ENOINPUT);
	assert_int_equal(err.code, QF_ENOINPUT);
	assert_null(root);
	assert_non_null(strstr(err.msg, "no qf.yaml"));
	assert_non_null(strstr(err.msg, c->fx.dir));

	/* nor a directory at all */
	assert_int_equal(qf_store_find("/nonexistent/x", NULL, &root, &err),
			 QF_ENOINPUT);
	assert_null(root);

	/* qf.yaml must be a file */
	snprintf(c->path, sizeof(c->path), "%s/d", c->fx.dir);
	assert_int_equal(mkdir(c->path, 0777), 0);
	snprintf(c->path, sizeof(c->path), "%s/d/qf.yaml", c->fx.dir);
	assert_int_equal(mkdir(c->path, 0777), 0);
	snprintf(c->path, sizeof(c->path), "%s/d", c->fx.dir);
	assert_int_equal(qf_store_find(c->path, NULL, &root, &err),
			 QF_ENOINPUT);
	assert_null(root);
}

static void test_find_walk_up(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	char cwd[PATH_MAX];
	int rc1, rc2, rc3;
	char *r1 = NULL, *r2 = NULL, *r3 = NULL;

	snprintf(c->path, sizeof(c->path), "%s/a", c->fx.root);
	assert_int_equal(mkdir(c->path, 0777), 0);
	snprintf(c->path, sizeof(c->path), "%s/a/b", c->fx.root);
	assert_int_equal(mkdir(c->path, 0777), 0);

	assert_non_null(getcwd(cwd, sizeof(cwd)));
	/* Nested two levels down; the environment does not win over it. */
	assert_int_equal(chdir(c->path), 0);
	rc1 = qf_store_find(NULL, "/nonexistent", &r1, &err);
	/* In a subfolder. */
	assert_int_equal(chdir(".."), 0);
	rc2 = qf_store_find(NULL, NULL, &r2, &err);
	/* At the top. */
	assert_int_equal(chdir(c->fx.root), 0);
	rc3 = qf_store_find(NULL, "", &r3, &err);
	assert_int_equal(chdir(cwd), 0);

	assert_int_equal(rc1, QF_OK);
	assert_string_equal(r1, "../..");
	assert_int_equal(rc2, QF_OK);
	assert_string_equal(r2, "..");
	assert_int_equal(rc3, QF_OK);
	assert_string_equal(r3, ".");
	free(r1);
	free(r2);
	free(r3);
}

static void test_find_env(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	char cwd[PATH_MAX], empty[PATH_MAX];
	char *r1 = NULL, *r2 = NULL, *r3 = NULL, *r4 = NULL;
	int rc1, rc2, rc3, rc4;
	struct qf_error e2, e3, e4;

	/* <dir>/e holds no store, nor does any folder above it. */
	snprintf(empty, sizeof(empty), "%s/e", c->fx.dir);
	assert_int_equal(mkdir(empty, 0777), 0);

	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(empty), 0);
	rc1 = qf_store_find(NULL, c->fx.root, &r1, &err);      /* $QF_DATA */
	rc2 = qf_store_find(NULL, empty, &r2, &e2);         /* not a store */
	rc3 = qf_store_find(NULL, NULL, &r3, &e3);          /* no store */
	rc4 = qf_store_find(NULL, "", &r4, &e4);            /* empty var */
	assert_int_equal(chdir(cwd), 0);

	assert_int_equal(rc1, QF_OK);
	assert_string_equal(r1, c->fx.root);
	free(r1);

	assert_int_equal(rc2, QF_ENOINPUT);
	assert_null(r2);
	assert_non_null(strstr(e2.msg, "QF_DATA"));
	assert_non_null(strstr(e2.msg, empty));

	assert_int_equal(rc3, QF_ENOINPUT);
	assert_null(r3);
	assert_int_equal(e3.code, QF_ENOINPUT);
	assert_string_equal(e3.file, "");
	assert_non_null(strstr(e3.msg, "no store here"));

	assert_int_equal(rc4, QF_ENOINPUT);
	assert_null(r4);
}

/* ---- opening it ---- */

static void test_open_good(void **state)
{
	struct ctx *c = *state;
	struct qf_store *s = NULL;
	struct qf_error err;
	const struct qf_schema *sch = NULL, *again = NULL;

	assert_int_equal(qf_store_open(&s, c->fx.root, FIXTURE_SCHEMAS, &err),
			 QF_OK);
	assert_non_null(s);
	assert_string_equal(s->root, c->fx.root);
	assert_string_equal(s->site, "HY");
	assert_int_equal(s->lock_fd, -1);

	assert_string_equal(qf_store_setting(s, "site"), "HY");
	assert_string_equal(qf_store_setting(s, "organisation"),
			    "衡阳高新区管委会");
	assert_string_equal(qf_store_setting(s, "campaign_start"),
			    "2023-01-01");
	assert_null(qf_store_setting(s, "campaign"));
	assert_null(qf_store_setting(s, "departments"));  /* not a scalar */
	assert_int_equal(qf_store_setting_int(s, "due_days", 15), 20);
	assert_int_equal(qf_store_setting_int(s, "threshold", 90), 90);
	assert_int_equal(qf_store_setting_int(s, "organisation", 7), 7);

	/* Schemas are loaded once, on first use. */
	assert_null(s->schemas[QF_DEMAND]);
	assert_int_equal(qf_store_schema(s, QF_DEMAND, &sch, &err), QF_OK);
	assert_non_null(sch);
	assert_int_equal(qf_store_schema(s, QF_DEMAND, &again, &err), QF_OK);
	assert_ptr_equal(sch, again);
	qf_store_free(s);
	qf_store_free(NULL);
}

static void test_open_missing_site(void **state)
{
	struct ctx *c = *state;
	struct qf_store *s = (struct qf_store *)1;
	struct qf_error err;

	fixture_put(&c->fx, "qf.yaml",
		    "# no site\n"
		    "organisation: 衡阳高新区管委会\n"
		    "campaign_start: 2023-01-01\n");
	qf_error_clear(&err);
	assert_int_equal(qf_store_open(&s, c->fx.root, FIXTURE_SCHEMAS, &err),
			 QF_ECONFIG);
	assert_null(s);
	assert_int_equal(err.code, QF_ECONFIG);
	assert_string_equal(err.file, at(c, "qf.yaml"));
	assert_int_equal(err.line, 2);
	assert_int_equal(err.col, 1);
	assert_string_equal(err.msg, "missing required field 'site'");
}

static void test_open_bad_settings(void **state)
{
	struct ctx *c = *state;
	struct qf_store *s = NULL;
	struct qf_error err;

	/* A field the schema does not know, with its place. */
	fixture_put(&c->fx, "qf.yaml",
		    "site: HY\n"
		    "organisation: x\n"
		    "campaign_start: 2023-01-01\n"
		    "colour: blue\n");
	assert_int_equal(qf_store_open(&s, c->fx.root, FIXTURE_SCHEMAS, &err),
			 QF_ECONFIG);
	assert_null(s);
	assert_string_equal(err.file, at(c, "qf.yaml"));
	assert_int_equal(err.line, 4);
	assert_int_equal(err.col, 1);
	assert_non_null(strstr(err.msg, "colour"));

	/* A site code that is not one. */
	fixture_put(&c->fx, "qf.yaml",
		    "site: hy\n"
		    "organisation: x\n"
		    "campaign_start: 2023-01-01\n");
	assert_int_equal(qf_store_open(&s, c->fx.root, FIXTURE_SCHEMAS, &err),
			 QF_ECONFIG);
	assert_null(s);
	assert_int_equal(err.line, 1);
	assert_int_equal(err.col, 7);
	assert_non_null(strstr(err.msg, "site"));

	/* Bad YAML: a config error with its place. */
	fixture_put(&c->fx, "qf.yaml",
		    "site: HY\n"
		    "organisation: [x\n"
		    "campaign_start: 2023-01-01\n");
	qf_error_clear(&err);
	assert_int_equal(qf_store_open(&s, c->fx.root, FIXTURE_SCHEMAS, &err),
			 QF_ECONFIG);
	assert_null(s);
	assert_int_equal(err.code, QF_ECONFIG);
	assert_string_equal(err.file, at(c, "qf.yaml"));
	assert_true(err.line >= 2);
	assert_true(err.msg[0] != '\0');

	/* Not a mapping. */
	fixture_put(&c->fx, "qf.yaml", "- site\n");
	assert_int_equal(qf_store_open(&s, c->fx.root, FIXTURE_SCHEMAS, &err),
			 QF_ECONFIG);
	assert_null(s);

	/* Empty. */
	fixture_put(&c->fx, "qf.yaml", "");
	assert_int_equal(qf_store_open(&s, c->fx.root, FIXTURE_SCHEMAS, &err),
			 QF_ECONFIG);
	assert_null(s);

	/* No schemas. */
	fixture_put(&c->fx, "qf.yaml", settings_yaml);
	assert_int_equal(qf_store_open(&s, c->fx.root, "/nonexistent", &err),
			 QF_ECONFIG);
	assert_null(s);

	/* No qf.yaml. */
	snprintf(c->path, sizeof(c->path), "%s/qf.yaml", c->fx.root);
	assert_int_equal(unlink(c->path), 0);
	assert_int_equal(qf_store_open(&s, c->fx.root, FIXTURE_SCHEMAS, &err),
			 QF_ENOINPUT);
	assert_null(s);
}

/* ---- the lock ---- */

static long ms_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) * 1000 +
	       (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

static void test_lock(void **state)
{
	struct ctx *c = *state;
	struct qf_store *s2 = NULL;
	struct qf_error err;
	struct timespec t0;
	struct stat st;

	assert_int_equal(qf_store_open(&s2, c->fx.root, FIXTURE_SCHEMAS, &err),
			 QF_OK);

	assert_int_equal(qf_store_lock(c->s, 100, &err), QF_OK);
	assert_true(c->s->lock_fd >= 0);
	assert_int_equal(stat(at(c, "qf.lock"), &st), 0);
	/* Taking it again is a no-op. */
	assert_int_equal(qf_store_lock(c->s, 100, &err), QF_OK);

	/* A second writer waits, then gives up. */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	qf_error_clear(&err);
	assert_int_equal(qf_store_lock(s2, 100, &err), QF_EBUSY);
	assert_true(ms_since(&t0) >= 90);
	assert_int_equal(err.code, QF_EBUSY);
	assert_non_null(strstr(err.msg, "busy"));
	assert_int_equal(s2->lock_fd, -1);

	/* Unlock releases it. */
	qf_store_unlock(c->s);
	assert_int_equal(c->s->lock_fd, -1);
	qf_store_unlock(c->s);          /* twice is harmless */
	assert_int_equal(qf_store_lock(s2, 100, &err), QF_OK);
	assert_int_equal(qf_store_lock(c->s, 0, &err), QF_EBUSY);

	/* So does freeing the store that holds it. */
	qf_store_free(s2);
	assert_int_equal(qf_store_lock(c->s, 100, &err), QF_OK);
	qf_store_unlock(c->s);

	/* The lock file stays. */
	assert_int_equal(stat(at(c, "qf.lock"), &st), 0);
}

/* Readers share the lock; writers exclude them; a store with no lock file
 * is read without one, and the reader does not make it. */
static void test_lock_shared(void **state)
{
	struct ctx *c = *state;
	struct qf_store *r2 = NULL, *w = NULL;
	struct qf_error err;
	struct stat st;

	qf_error_clear(&err);
	assert_int_equal(qf_store_open(&r2, c->fx.root, FIXTURE_SCHEMAS, &err),
			 QF_OK);
	assert_int_equal(qf_store_open(&w, c->fx.root, FIXTURE_SCHEMAS, &err),
			 QF_OK);

	/* No qf.lock yet: read without, and do not make one. */
	assert_int_equal(qf_store_lock_shared(c->s, 100, &err), QF_OK);
	assert_int_equal(c->s->lock_fd, -1);
	assert_int_not_equal(stat(at(c, "qf.lock"), &st), 0);

	/* A writer holds it: a reader waits, then gives up. */
	assert_int_equal(qf_store_lock(w, 100, &err), QF_OK);
	assert_int_equal(qf_store_lock_shared(c->s, 100, &err), QF_EBUSY);
	assert_non_null(strstr(err.msg, "busy"));
	assert_int_equal(c->s->lock_fd, -1);
	qf_store_unlock(w);

	/* Two readers at once; a writer waits for them. */
	assert_int_equal(qf_store_lock_shared(c->s, 100, &err), QF_OK);
	assert_true(c->s->lock_fd >= 0);
	assert_int_equal(qf_store_lock_shared(r2, 100, &err), QF_OK);
	assert_int_equal(qf_store_lock(w, 100, &err), QF_EBUSY);

	/* A reader becomes a writer once the other reader has gone. */
	assert_int_equal(qf_store_lock(c->s, 100, &err), QF_EBUSY);
	qf_store_unlock(r2);
	assert_int_equal(qf_store_lock(c->s, 100, &err), QF_OK);
	assert_int_equal(c->s->lock_shared, 0);
	assert_int_equal(qf_store_lock_shared(r2, 100, &err), QF_EBUSY);
	qf_store_unlock(c->s);

	qf_store_free(r2);
	qf_store_free(w);
}

static void test_lock_cannot_open(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;

	/* A directory where the lock file should be. */
	snprintf(c->path, sizeof(c->path), "%s/qf.lock", c->fx.root);
	assert_int_equal(mkdir(c->path, 0777), 0);
	assert_int_equal(qf_store_lock(c->s, 100, &err), QF_ECANTCREAT);
	assert_int_equal(c->s->lock_fd, -1);
}

/* ---- listing and reading ---- */

static void test_files(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	char **paths = (char **)1;
	size_t n = 99;
	char want[PATH_MAX];

	/* No folder: no files. */
	assert_int_equal(qf_store_files(c->s, QF_VISIT, &paths, &n, &err),
			 QF_OK);
	assert_int_equal(n, 0);
	qf_store_free_paths(paths, n);

	fixture_put(&c->fx, "firms/HY.yaml", "");
	fixture_put(&c->fx, "firms/HY-b.yaml", "");
	fixture_put(&c->fx, "firms/AB.yaml", "");
	fixture_put(&c->fx, "firms/.hidden.yaml", "");
	fixture_put(&c->fx, "firms/.yaml", "");
	fixture_put(&c->fx, "firms/notes.txt", "");
	fixture_put(&c->fx, "firms/HY.yml", "");
	fixture_put(&c->fx, "firms/HY.yaml~", "");
	fixture_put(&c->fx, "firms/yaml", "");
	assert_int_equal(qf_store_files(c->s, QF_FIRM, &paths, &n, &err),
			 QF_OK);
	assert_int_equal(n, 3);
	snprintf(want, sizeof(want), "%s/firms/AB.yaml", c->fx.root);
	assert_string_equal(paths[0], want);
	snprintf(want, sizeof(want), "%s/firms/HY-b.yaml", c->fx.root);
	assert_string_equal(paths[1], want);
	snprintf(want, sizeof(want), "%s/firms/HY.yaml", c->fx.root);
	assert_string_equal(paths[2], want);
	qf_store_free_paths(paths, n);
}

static void test_files_relative_root(void **state)
{
	struct ctx *c = *state;
	struct qf_store *s = NULL;
	struct qf_error err;
	char cwd[PATH_MAX];
	char **paths = NULL;
	size_t n = 0;
	int rc1, rc2;

	fixture_put(&c->fx, "demands/2023-05.yaml", "");
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(c->fx.root), 0);
	rc1 = qf_store_open(&s, ".", FIXTURE_SCHEMAS, &err);
	rc2 = rc1 ? rc1 : qf_store_files(s, QF_DEMAND, &paths, &n, &err);
	assert_int_equal(chdir(cwd), 0);
	assert_int_equal(rc1, QF_OK);
	assert_int_equal(rc2, QF_OK);
	/* "demands/...", not "./demands/..." */
	assert_int_equal(n, 1);
	assert_string_equal(paths[0], "demands/2023-05.yaml");
	qf_store_free_paths(paths, n);
	qf_store_free(s);
}

struct seen {
	char ids[8][QF_ID_MAX];
	unsigned lines[8];      /* each record's first line */
	char files[8][PATH_MAX];
	int n;
	int stop_at;
	int fail_at;           /* fail with an error in err */
};

static int collect(const struct qf_doc *doc, const char *file,
		   void *ud, struct qf_error *err)
{
	struct seen *w = ud;
	const char *id = qf_node_get_str(doc->root, "id");

	assert_true(w->n < 8);
	snprintf(w->ids[w->n], sizeof(w->ids[0]), "%s", id ? id : "?");
	snprintf(w->files[w->n], sizeof(w->files[0]), "%s", file);
	w->lines[w->n] = doc->first_line;
	w->n++;
	if (w->n == w->fail_at)
		return qf_error_set(err, QF_EDATA, file, doc->first_line, 1,
				    "refused %s", id ? id : "?");
	return w->n == w->stop_at ? 42 : 0;
}

static void test_each(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	struct seen w;
	char want[PATH_MAX];

	fixture_put(&c->fx, "visits/2023-05.yaml",
		    "---\nid: V-HY-202305-0002\n---\nid: V-HY-202305-0001\n");
	fixture_put(&c->fx, "visits/2023-04.yaml",
		    "# April\n---\nid: V-HY-202304-0001\n");
	fixture_put(&c->fx, "visits/2023-05-extra.yaml",
		    "---\n---\nid: V-HY-202305-0003\n");

	memset(&w, 0, sizeof(w));
	assert_int_equal(qf_store_each(c->s, QF_VISIT, collect, &w, &err),
			 QF_OK);
	/* File-name order, then file order; empty documents skipped. */
	assert_int_equal(w.n, 4);
	assert_string_equal(w.ids[0], "V-HY-202304-0001");
	assert_string_equal(w.ids[1], "V-HY-202305-0003");
	assert_string_equal(w.ids[2], "V-HY-202305-0002");
	assert_string_equal(w.ids[3], "V-HY-202305-0001");
	snprintf(want, sizeof(want), "%s/visits/2023-04.yaml", c->fx.root);
	assert_string_equal(w.files[0], want);
	snprintf(want, sizeof(want), "%s/visits/2023-05-extra.yaml",
		 c->fx.root);
	assert_string_equal(w.files[1], want);
	snprintf(want, sizeof(want), "%s/visits/2023-05.yaml", c->fx.root);
	assert_string_equal(w.files[2], want);
	assert_string_equal(w.files[3], want);

	/* The callback stops it. */
	memset(&w, 0, sizeof(w));
	w.stop_at = 2;
	assert_int_equal(qf_store_each(c->s, QF_VISIT, collect, &w, &err), 42);
	assert_int_equal(w.n, 2);
	/* ... or fails, and says why in err. */
	memset(&w, 0, sizeof(w));
	w.fail_at = 3;
	qf_error_clear(&err);
	assert_int_equal(qf_store_each(c->s, QF_VISIT, collect, &w, &err),
			 QF_EDATA);
	assert_int_equal(w.n, 3);
	assert_int_equal(err.code, QF_EDATA);
	assert_string_equal(err.msg, "refused V-HY-202305-0002");
	assert_non_null(strstr(err.file, "visits/2023-05.yaml"));

	/* No folder: nothing, no error. */
	memset(&w, 0, sizeof(w));
	assert_int_equal(qf_store_each(c->s, QF_DEMAND, collect, &w, &err),
			 QF_OK);
	assert_int_equal(w.n, 0);

	/* A file that does not parse stops it with its place. */
	fixture_put(&c->fx, "visits/2023-05-extra.yaml", "---\nid: [x\n");
	memset(&w, 0, sizeof(w));
	qf_error_clear(&err);
	assert_int_equal(qf_store_each(c->s, QF_VISIT, collect, &w, &err),
			 QF_EDATA);
	assert_int_equal(w.n, 1);
	assert_string_equal(err.file, at(c, "visits/2023-05-extra.yaml"));
	assert_true(err.line > 0);
}

/* Only the records whose text holds the needle are parsed; lines are the
 * file's. */
static void test_each_naming(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	struct seen w;

	fixture_put(&c->fx, "demands/2023-05.yaml",
		    "# May\n"
		    "---\nid: D-HY-202305-0001\nfirm: F-HY-0001\n"
		    "---\nid: D-HY-202305-0002\nfirm: F-HY-0002\n"
		    /* broken, but it cannot name F-HY-0001: passed over */
		    "---\nid: D-HY-202305-0003\nfirm: [F-HY-0003\n"
		    /* an escape may spell anything: parsed */
		    "---\nid: D-HY-202305-0004\nfirm: \"F-HY-\\x30001\"\n"
		    "---\nid: D-HY-202305-0005\ntitle: F-HY-0001 的\n");
	fixture_put(&c->fx, "demands/2023-06.yaml",
		    "---\n{id: D-HY-202306-0001, firm: F-HY-0002}\n");
	memset(&w, 0, sizeof(w));
	qf_error_clear(&err);
	assert_int_equal(qf_store_each_naming(c->s, QF_DEMAND, NULL,
					      "F-HY-0001", collect, &w, &err),
			 QF_OK);
	/* The candidates, and the whole of the file not laid out as we
	 * write (flow style: the scan cannot see its ID). */
	assert_int_equal(w.n, 4);
	assert_string_equal(w.ids[0], "D-HY-202305-0001");
	assert_int_equal(w.lines[0], 2);
	assert_string_equal(w.ids[1], "D-HY-202305-0004");
	assert_int_equal(w.lines[1], 11);
	assert_string_equal(w.ids[2], "D-HY-202305-0005");
	assert_int_equal(w.lines[2], 14);
	assert_string_equal(w.ids[3], "D-HY-202306-0001");

	/* The same from a reader's snapshot, whatever is appended since. */
	assert_int_equal(qf_store_snapshot(c->s, 100, &err), QF_OK);
	{
		FILE *fp = fopen(at(c, "demands/2023-05.yaml"), "ab");
		assert_non_null(fp);
		fputs("---\nid: D-HY-202305-0006\nfirm: F-HY-0001\n", fp);
		assert_int_equal(fclose(fp), 0);
	}
	memset(&w, 0, sizeof(w));
	assert_int_equal(qf_store_each_naming(c->s, QF_DEMAND, NULL,
					      "F-HY-0001", collect, &w, &err),
			 QF_OK);
	assert_int_equal(w.n, 4);
	assert_string_equal(w.ids[2], "D-HY-202305-0005");
	qf_store_drop_snapshot(c->s);

	/* Restricted to the files an ID may live in. */
	memset(&w, 0, sizeof(w));
	assert_int_equal(qf_store_each_naming(c->s, QF_DEMAND,
					      "D-HY-202306-0001", "F-HY-0002",
					      collect, &w, &err), QF_OK);
	assert_int_equal(w.n, 1);
	assert_string_equal(w.ids[0], "D-HY-202306-0001");

	/* A candidate that does not parse: said at the file's line. */
	memset(&w, 0, sizeof(w));
	assert_int_equal(qf_store_each_naming(c->s, QF_DEMAND,
					      "D-HY-202305-0001", "F-HY-0003",
					      collect, &w, &err), QF_EDATA);
	assert_int_equal(w.n, 0);
	assert_non_null(strstr(err.file, "demands/2023-05.yaml"));
	assert_true(err.line >= 8);
}

static void test_has_forget(void **state)
{
	struct ctx *c = *state;

	assert_int_equal(qf_store_has(c->s, "F-HY-0001"), 0);
	fixture_put(&c->fx, "firms/HY.yaml",
		    "---\nid: F-HY-0001\nname: a\n"
		    "---\nid: F-HY-0003\nname: c\n");
	/* An empty index is no index: the new file is read. */
	assert_int_equal(qf_store_has(c->s, "F-HY-0001"), 1);
	assert_int_equal(qf_store_has(c->s, "F-HY-0003"), 1);
	assert_int_equal(qf_store_has(c->s, "F-HY-0002"), 0);
	assert_int_equal(qf_store_has(c->s, "F-HY-1"), 0);
	assert_int_equal(qf_store_has(c->s, "../etc"), 0);
	assert_int_equal(qf_store_has(c->s, "P-HY-0001"), 0);

	/* Files laid out as qifu writes them are read by their lines each
	 * time: a new one counts at once. */
	fixture_put(&c->fx, "firms/HY-more.yaml",
		    "---\nid: F-HY-0002\nname: b\n");
	assert_int_equal(qf_store_has(c->s, "F-HY-0002"), 1);
	/* One the lines cannot tell about (a record in flow style) makes
	 * it parse the files into an index, kept until forgotten. */
	fixture_put(&c->fx, "firms/HY-flow.yaml",
		    "--- {id: F-HY-0005, name: e}\n");
	assert_int_equal(qf_store_has(c->s, "F-HY-0005"), 1);
	assert_int_equal(qf_store_has(c->s, "F-HY-0004"), 0);
	fixture_put(&c->fx, "firms/HY-late.yaml",
		    "---\nid: F-HY-0004\nname: d\n");
	assert_int_equal(qf_store_has(c->s, "F-HY-0004"), 0);
	qf_store_forget(c->s);
	assert_int_equal(qf_store_has(c->s, "F-HY-0004"), 1);
	assert_int_equal(qf_store_has(c->s, "F-HY-0001"), 1);
	qf_store_forget(c->s);
	qf_store_forget(c->s);
}

static void test_get(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	struct qf_node *rec = NULL;
	char *file = NULL;

	fixture_put(&c->fx, "demands/2023-05.yaml",
		    "---\nid: D-HY-202305-0001\ntitle: one\n"
		    "---\nid: D-HY-202305-0002\ntitle: two\n");
	fixture_put(&c->fx, "demands/2023-05-x.yaml",
		    "---\nid: D-HY-202305-0003\ntitle: three\n");
	/* In a file its ID does not name: not found there. */
	fixture_put(&c->fx, "demands/2023-06.yaml",
		    "---\nid: D-HY-202305-0004\ntitle: four\n");

	assert_int_equal(qf_store_get(c->s, "D-HY-202305-0002", &rec, &file,
				      &err), QF_OK);
	assert_string_equal(qf_node_get_str(rec, "title"), "two");
	assert_string_equal(file, at(c, "demands/2023-05.yaml"));
	qf_node_free(rec);
	free(file);

	assert_int_equal(qf_store_get(c->s, "D-HY-202305-0003", &rec, NULL,
				      &err), QF_OK);
	assert_string_equal(qf_node_get_str(rec, "title"), "three");
	qf_node_free(rec);

	rec = NULL;
	qf_error_clear(&err);
	assert_int_equal(qf_store_get(c->s, "D-HY-202305-0009", &rec, &file,
				      &err), QF_ENOINPUT);
	assert_string_equal(err.msg, "no demand 'D-HY-202305-0009'");
	assert_int_equal(qf_store_get(c->s, "D-HY-202305-0004", &rec, &file,
				      &err), QF_ENOINPUT);
	assert_int_equal(qf_store_get(c->s, "D-HY-202307-0001", &rec, &file,
				      &err), QF_ENOINPUT);
	assert_int_equal(qf_store_get(c->s, "d-hy-1", &rec, &file, &err),
			 QF_EDATA);
	assert_null(rec);
}

/* ---- IDs ---- */

static void test_next_id(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	struct qf_date may = { 2023, 5, 20 }, june = { 2023, 6, 1 },
		       july = { 2023, 7, 31 };
	char id[QF_ID_MAX];

	assert_int_equal(qf_store_lock(c->s, 100, &err), QF_OK);
	/* An empty store. */
	assert_int_equal(qf_store_next_id(c->s, QF_VISIT, &may, id, sizeof(id),
					  &err), QF_OK);
	assert_string_equal(id, "V-HY-202305-0001");
	assert_int_equal(qf_store_next_id(c->s, QF_DEMAND, &may, id,
					  sizeof(id), &err), QF_OK);
	assert_string_equal(id, "D-HY-202305-0001");
	assert_int_equal(qf_store_next_id(c->s, QF_FIRM, NULL, id, sizeof(id),
					  &err), QF_OK);
	assert_string_equal(id, "F-HY-0001");
	assert_int_equal(qf_store_next_id(c->s, QF_POLICY, NULL, id,
					  sizeof(id), &err), QF_OK);
	assert_string_equal(id, "P-HY-0001");

	fixture_put(&c->fx, "visits/2023-05.yaml",
		    "---\nid: V-HY-202305-0003\n"
		    "---\nid: V-HY-202305-0001\n"
		    "---\nid: V-HY-202305-0002\n");
	fixture_put(&c->fx, "visits/2023-05-extra.yaml",
		    "---\nid: V-HY-202305-0007\n");
	fixture_put(&c->fx, "visits/2023-06.yaml",
		    "---\nid: V-HY-202306-0042\n");
	/* Another site's visits in a file of their own. */
	fixture_put(&c->fx, "visits/2023-05-zz.yaml",
		    "---\nid: V-ZZ-202305-0099\n");
	/* A file that no May ID names. */
	fixture_put(&c->fx, "visits/2023-055.yaml",
		    "---\nid: V-HY-202305-0500\n");
	assert_int_equal(qf_store_next_id(c->s, QF_VISIT, &may, id, sizeof(id),
					  &err), QF_OK);
	assert_string_equal(id, "V-HY-202305-0008");
	assert_int_equal(qf_store_next_id(c->s, QF_VISIT, &june, id,
					  sizeof(id), &err), QF_OK);
	assert_string_equal(id, "V-HY-202306-0043");
	assert_int_equal(qf_store_next_id(c->s, QF_VISIT, &july, id,
					  sizeof(id), &err), QF_OK);
	assert_string_equal(id, "V-HY-202307-0001");
	/* Demands are counted apart. */
	assert_int_equal(qf_store_next_id(c->s, QF_DEMAND, &may, id,
					  sizeof(id), &err), QF_OK);
	assert_string_equal(id, "D-HY-202305-0001");

	/* Firms: by site, in firms/HY.yaml and firms/HY-*.yaml. */
	fixture_put(&c->fx, "firms/HY.yaml",
		    "---\nid: F-HY-0010\n---\nid: F-HY-0002\n");
	fixture_put(&c->fx, "firms/HY-old.yaml", "---\nid: F-HY-0011\n");
	fixture_put(&c->fx, "firms/ZZ.yaml", "---\nid: F-ZZ-0050\n");
	assert_int_equal(qf_store_next_id(c->s, QF_FIRM, NULL, id, sizeof(id),
					  &err), QF_OK);
	assert_string_equal(id, "F-HY-0012");

	/* A sequence past 9999 widens the ID. */
	fixture_put(&c->fx, "firms/HY-big.yaml", "---\nid: F-HY-9999\n");
	assert_int_equal(qf_store_next_id(c->s, QF_FIRM, NULL, id, sizeof(id),
					  &err), QF_OK);
	assert_string_equal(id, "F-HY-10000");

	/* None left. */
	fixture_put(&c->fx, "firms/HY-big.yaml", "---\nid: F-HY-999999\n");
	assert_int_equal(qf_store_next_id(c->s, QF_FIRM, NULL, id, sizeof(id),
					  &err), QF_EDATA);

	/* A file that does not parse. */
	fixture_put(&c->fx, "visits/2023-05-extra.yaml", "---\nid: [\n");
	assert_int_equal(qf_store_next_id(c->s, QF_VISIT, &may, id, sizeof(id),
					  &err), QF_EDATA);
	qf_store_unlock(c->s);
}

/* ---- writing ---- */

static void test_append(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	struct qf_node *rec, *rec2, *back = NULL;
	char *file = NULL;
	struct stat st;

	rec = rec_new("id", "D-HY-202305-0001", "firm", "F-HY-0001",
		      "opened", "2023-05-04", "title", "用电增容", NULL);
	rec2 = rec_new("id", "D-HY-202305-0002", "title", "two\nlines",
		       "amount", "12", NULL);

	/* Without the lock: refused, nothing written. */
	qf_error_clear(&err);
	assert_int_not_equal(qf_store_append(c->s, rec, &err), QF_OK);
	assert_int_not_equal(err.code, QF_OK);
	assert_int_not_equal(stat(at(c, "demands"), &st), 0);

	assert_int_equal(qf_store_lock(c->s, 100, &err), QF_OK);
	assert_int_equal(qf_store_has(c->s, "D-HY-202305-0001"), 0);
	/* Makes the folder and the file. */
	assert_int_equal(qf_store_append(c->s, rec, &err), QF_OK);
	assert_file(c, "demands/2023-05.yaml",
		    "---\n"
		    "id: D-HY-202305-0001\n"
		    "firm: F-HY-0001\n"
		    "opened: 2023-05-04\n"
		    "title: 用电增容\n");
	/* The index is dropped. */
	assert_int_equal(qf_store_has(c->s, "D-HY-202305-0001"), 1);

	/* A second one goes after it, whole. */
	assert_int_equal(qf_store_append(c->s, rec2, &err), QF_OK);
	assert_file(c, "demands/2023-05.yaml",
		    "---\n"
		    "id: D-HY-202305-0001\n"
		    "firm: F-HY-0001\n"
		    "opened: 2023-05-04\n"
		    "title: 用电增容\n"
		    "---\n"
		    "id: D-HY-202305-0002\n"
		    "title: |-\n"
		    "  two\n"
		    "  lines\n"
		    "amount: \"12\"\n");

	/* Read back equal. */
	assert_int_equal(qf_store_get(c->s, "D-HY-202305-0002", &back, &file,
				      &err), QF_OK);
	assert_string_equal(file, at(c, "demands/2023-05.yaml"));
	assert_string_equal(qf_node_get_str(back, "title"), "two\nlines");
	assert_string_equal(qf_node_get_str(back, "amount"), "12");
	assert_int_equal(qf_node_get(back, "amount")->stype, QF_STYPE_STR);
	qf_node_free(back);
	free(file);

	/* A file without a final newline gets one first. */
	fixture_put(&c->fx, "demands/2023-06.yaml",
		    "---\nid: D-HY-202306-0001");
	qf_node_map_set_str(rec, "id", "D-HY-202306-0002");
	assert_int_equal(qf_store_append(c->s, rec, &err), QF_OK);
	assert_file(c, "demands/2023-06.yaml",
		    "---\nid: D-HY-202306-0001\n"
		    "---\n"
		    "id: D-HY-202306-0002\n"
		    "firm: F-HY-0001\n"
		    "opened: 2023-05-04\n"
		    "title: 用电增容\n");

	/* A bad ID, or none: nothing written anywhere. */
	qf_node_map_set_str(rec, "id", "D-HY-2023-0001");
	assert_int_equal(qf_store_append(c->s, rec, &err), QF_EDATA);
	qf_node_map_del(rec, "id");
	assert_int_equal(qf_store_append(c->s, rec, &err), QF_EDATA);
	qf_node_map_set_str(rec, "id", "F-HY-0001");
	assert_int_equal(qf_store_append(c->s, rec, &err), QF_OK);
	assert_int_equal(stat(at(c, "firms/HY.yaml"), &st), 0);

	qf_store_unlock(c->s);
	qf_node_free(rec);
	qf_node_free(rec2);
}

static const char three[] =
	"# demands of May\n"                            /* 1 */
	"---\n"                                         /* 2 */
	"id: D-HY-202305-0001\n"                        /* 3 */
	"title: first\n"                                /* 4 */
	"detail: |\n"                                   /* 5 */
	"  line one\n"                                  /* 6 */
	"    line two, indented\n"                      /* 7 */
	"\n"                                            /* 8 */
	"# between one and two\n"                       /* 9 */
	"---\n"                                         /* 10 */
	"id: D-HY-202305-0002   # the second\n"         /* 11 */
	"title:   second\n"                             /* 12 */
	"tags: [a,  b]\n"                               /* 13 */
	"# after two\n"                                 /* 14 */
	"\n"                                            /* 15 */
	"--- {id: D-HY-202305-0003, title: third}\n"    /* 16 */
	"# tail\n";                                     /* 17 */

static const char head1[] =
	"# demands of May\n";
static const char rec1[] =
	"---\n"
	"id: D-HY-202305-0001\n"
	"title: first\n"
	"detail: |\n"
	"  line one\n"
	"    line two, indented\n";
static const char mid12[] =
	"\n"
	"# between one and two\n";
static const char rec2[] =
	"---\n"
	"id: D-HY-202305-0002   # the second\n"
	"title:   second\n"
	"tags: [a,  b]\n";
static const char mid23[] =
	"# after two\n"
	"\n";
static const char rec3[] =
	"--- {id: D-HY-202305-0003, title: third}\n";
static const char tail[] =
	"# tail\n";

static char *cat(const char *a, ...)
{
	va_list ap;
	size_t len = 0;
	const char *p;
	char *out;

	va_start(ap, a);
	for (p = a; p; p = va_arg(ap, const char *))
		len += strlen(p);
	va_end(ap);
	out = malloc(len + 1);
	assert_non_null(out);
	out[0] = '\0';
	va_start(ap, a);
	for (p = a; p; p = va_arg(ap, const char *))
		strcat(out, p);
	va_end(ap);
	return out;
}

/* A writer's get keeps the file's bytes for the rewrite that follows;
 * a write in between, or the lock let go, drops them. */
static void test_get_then_rewrite(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	struct qf_node *rec, *extra;
	char *want;

	/* Laid out as we write, so that records are found by lines. */
	fixture_put(&c->fx, "demands/2023-05.yaml",
		    "# May\n"
		    "---\nid: D-HY-202305-0001\ntitle: first\n"
		    "---\nid: D-HY-202305-0002\ntitle: second\n"
		    "---\nid: D-HY-202305-0003\ntitle: third\n");
	assert_int_equal(qf_store_lock(c->s, 100, &err), QF_OK);
	assert_int_equal(qf_store_get(c->s, "D-HY-202305-0002", &rec, NULL,
				      &err), QF_OK);
	assert_non_null(c->s->held);
	/* An append to the same file between them. */
	extra = rec_new("id", "D-HY-202305-0009", "title", "appended", NULL);
	assert_int_equal(qf_store_append(c->s, extra, &err), QF_OK);
	qf_node_free(extra);
	assert_null(c->s->held);
	assert_int_equal(qf_node_map_set_str(rec, "title", "changed"), 0);
	assert_int_equal(qf_store_rewrite(c->s, rec, &err), QF_OK);
	qf_node_free(rec);
	want = slurp(c, "demands/2023-05.yaml");
	assert_non_null(strstr(want, "title: changed\n"));
	assert_non_null(strstr(want, "id: D-HY-202305-0009\ntitle: appended\n"));
	free(want);

	/* Get then rewrite: the bytes read once are the ones changed. */
	assert_int_equal(qf_store_get(c->s, "D-HY-202305-0003", &rec, NULL,
				      &err), QF_OK);
	assert_non_null(c->s->held);
	assert_int_equal(qf_node_map_set_str(rec, "title", "third, changed"),
			 0);
	assert_int_equal(qf_store_rewrite(c->s, rec, &err), QF_OK);
	assert_null(c->s->held);
	qf_node_free(rec);
	want = slurp(c, "demands/2023-05.yaml");
	assert_non_null(strstr(want, "title: third, changed\n"));
	assert_non_null(strstr(want, "title: changed\n"));
	assert_non_null(strstr(want, "id: D-HY-202305-0009\n"));
	free(want);

	/* A reader keeps nothing. */
	qf_store_unlock(c->s);
	assert_int_equal(qf_store_get(c->s, "D-HY-202305-0003", &rec, NULL,
				      &err), QF_OK);
	assert_null(c->s->held);
	qf_node_free(rec);
}

static void test_rewrite_middle(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	struct qf_node *rec;
	char *want;
	struct stat st;

	/* The fixture's line numbers are what the reader says. */
	assert_int_equal(strlen(three), strlen(head1) + strlen(rec1) +
			 strlen(mid12) + strlen(rec2) + strlen(mid23) +
			 strlen(rec3) + strlen(tail));
	fixture_put(&c->fx, "demands/2023-05.yaml", three);
	assert_int_equal(chmod(at(c, "demands/2023-05.yaml"), 0640), 0);
	assert_int_equal(qf_store_lock(c->s, 100, &err), QF_OK);

	rec = rec_new("id", "D-HY-202305-0002", "title", "second, changed",
		      "status", "assigned", NULL);
	assert_int_equal(qf_store_rewrite(c->s, rec, &err), QF_OK);
	want = cat(head1, rec1, mid12,
		   "---\n"
		   "id: D-HY-202305-0002   # the second\n"
		   "title: second, changed\n"
		   "status: assigned\n",
		   mid23, rec3, tail, NULL);
	assert_file(c, "demands/2023-05.yaml", want);
	free(want);
	/* The file keeps its mode; no temporary file is left. */
	assert_int_equal(stat(at(c, "demands/2023-05.yaml"), &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	{
		DIR *d = opendir(at(c, "demands"));
		struct dirent *de;
		int n = 0;

		assert_non_null(d);
		while ((de = readdir(d)))
			if (de->d_name[0] != '.')
				n++;
		closedir(d);
		assert_int_equal(n, 1);
	}

	/* Rewriting it again finds it at its new place. */
	qf_node_map_set_str(rec, "title", "again");
	assert_int_equal(qf_store_rewrite(c->s, rec, &err), QF_OK);
	want = cat(head1, rec1, mid12,
		   "---\n"
		   "id: D-HY-202305-0002   # the second\n"
		   "title: again\n"
		   "status: assigned\n",
		   mid23, rec3, tail, NULL);
	assert_file(c, "demands/2023-05.yaml", want);
	free(want);
	qf_node_free(rec);
	qf_store_unlock(c->s);
}

static void test_rewrite_first_last(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	struct qf_node *r1, *r3;
	char *want, *text;
	static const char new1[] =
		"---\n"
		"id: D-HY-202305-0001\n"
		"title: first\n"
		"detail: |-\n"
		"  only one line\n"
		"  and another\n";
	static const char new3[] =
		"---\n"
		"id: D-HY-202305-0003\n"
		"title: third\n"
		"status: open\n";

	r1 = rec_new("id", "D-HY-202305-0001", "title", "first", "detail",
		     "only one line\nand another", NULL);
	r3 = rec_new("id", "D-HY-202305-0003", "title", "third", "status",
		     "open", NULL);
	assert_int_equal(qf_store_lock(c->s, 100, &err), QF_OK);

	/* The first record: the comment above it stays. */
	fixture_put(&c->fx, "demands/2023-05.yaml", three);
	assert_int_equal(qf_store_rewrite(c->s, r1, &err), QF_OK);
	want = cat(head1, new1, mid12, rec2, mid23, rec3, tail, NULL);
	assert_file(c, "demands/2023-05.yaml", want);
	free(want);

	/* The last record, with a comment after it. */
	fixture_put(&c->fx, "demands/2023-05.yaml", three);
	assert_int_equal(qf_store_rewrite(c->s, r3, &err), QF_OK);
	want = cat(head1, rec1, mid12, rec2, mid23, new3, tail, NULL);
	assert_file(c, "demands/2023-05.yaml", want);
	free(want);

	/* The last record, ending the file with its newline. */
	text = cat(head1, rec1, mid12, rec2, mid23, rec3, NULL);
	fixture_put(&c->fx, "demands/2023-05.yaml", text);
	free(text);
	assert_int_equal(qf_store_rewrite(c->s, r3, &err), QF_OK);
	want = cat(head1, rec1, mid12, rec2, mid23, new3, NULL);
	assert_file(c, "demands/2023-05.yaml", want);
	free(want);

	/* ... and without a newline at the end of the file. */
	text = cat(head1, rec1, mid12, rec2, mid23,
		   "--- {id: D-HY-202305-0003, title: third}", NULL);
	fixture_put(&c->fx, "demands/2023-05.yaml", text);
	free(text);
	assert_int_equal(qf_store_rewrite(c->s, r3, &err), QF_OK);
	want = cat(head1, rec1, mid12, rec2, mid23, new3, NULL);
	assert_file(c, "demands/2023-05.yaml", want);
	free(want);

	/* A block record last, without a newline at the end. */
	fixture_put(&c->fx, "demands/2023-05.yaml",
		    "---\nid: D-HY-202305-0001\n"
		    "---\nid: D-HY-202305-0003\ntitle: x");
	assert_int_equal(qf_store_rewrite(c->s, r3, &err), QF_OK);
	want = cat("---\nid: D-HY-202305-0001\n", new3, NULL);
	assert_file(c, "demands/2023-05.yaml", want);
	free(want);

	/* A first record without "---". */
	fixture_put(&c->fx, "demands/2023-05.yaml",
		    "# top\nid: D-HY-202305-0001\ntitle: x\n# c\n---\n"
		    "id: D-HY-202305-0003\n");
	assert_int_equal(qf_store_rewrite(c->s, r1, &err), QF_OK);
	/* It stays without: the fields are spliced into what was there. */
	want = cat("# top\n", new1 + 4, "# c\n---\nid: D-HY-202305-0003\n",
		   NULL);
	assert_file(c, "demands/2023-05.yaml", want);
	free(want);

	/* The only record. */
	fixture_put(&c->fx, "demands/2023-05.yaml",
		    "---\nid: D-HY-202305-0003\n");
	assert_int_equal(qf_store_rewrite(c->s, r3, &err), QF_OK);
	assert_file(c, "demands/2023-05.yaml", new3);

	qf_store_unlock(c->s);
	qf_node_free(r1);
	qf_node_free(r3);
}

static void test_rewrite_split_file(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	struct qf_node *rec;
	static const char main_file[] =
		"---\nid: V-HY-202305-0001\nnote: a\n";
	static const char extra[] =
		"# imported\n"
		"---\nid: V-HY-202305-0002\nnote: b\n"
		"---\nid: V-HY-202305-0003\nnote: c\n";

	fixture_put(&c->fx, "visits/2023-05.yaml", main_file);
	fixture_put(&c->fx, "visits/2023-05-import.yaml", extra);
	assert_int_equal(qf_store_lock(c->s, 100, &err), QF_OK);
	rec = rec_new("id", "V-HY-202305-0002", "note", "b2", NULL);
	assert_int_equal(qf_store_rewrite(c->s, rec, &err), QF_OK);
	assert_file(c, "visits/2023-05.yaml", main_file);
	assert_file(c, "visits/2023-05-import.yaml",
		    "# imported\n"
		    "---\nid: V-HY-202305-0002\nnote: b2\n"
		    "---\nid: V-HY-202305-0003\nnote: c\n");
	qf_node_free(rec);
	qf_store_unlock(c->s);
}

static void test_rewrite_errors(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	struct qf_node *rec;

	fixture_put(&c->fx, "demands/2023-05.yaml", three);
	rec = rec_new("id", "D-HY-202305-0002", "title", "x", NULL);

	/* Without the lock. */
	qf_error_clear(&err);
	assert_int_not_equal(qf_store_rewrite(c->s, rec, &err), QF_OK);
	assert_int_not_equal(err.code, QF_OK);
	assert_file(c, "demands/2023-05.yaml", three);

	assert_int_equal(qf_store_lock(c->s, 100, &err), QF_OK);
	/* No such record. */
	qf_node_map_set_str(rec, "id", "D-HY-202305-0004");
	qf_error_clear(&err);
	assert_int_equal(qf_store_rewrite(c->s, rec, &err), QF_ENOINPUT);
	assert_string_equal(err.msg, "no demand 'D-HY-202305-0004'");
	assert_file(c, "demands/2023-05.yaml", three);
	/* No such file. */
	qf_node_map_set_str(rec, "id", "D-HY-202306-0001");
	assert_int_equal(qf_store_rewrite(c->s, rec, &err), QF_ENOINPUT);
	/* Not an ID; no ID. */
	qf_node_map_set_str(rec, "id", "D-HY-202305-01");
	assert_int_equal(qf_store_rewrite(c->s, rec, &err), QF_EDATA);
	qf_node_map_del(rec, "id");
	assert_int_equal(qf_store_rewrite(c->s, rec, &err), QF_EDATA);
	assert_file(c, "demands/2023-05.yaml", three);
	qf_node_free(rec);
	qf_store_unlock(c->s);
}

/* ---- firms ---- */

/* The journal: a visit and its demands are all or nothing. */
static void test_journal(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	const char *ids[] = { "D-HY-202305-0002", "V-HY-202305-0001",
			      "D-HY-202305-0003" };
	struct qf_node *d2 = rec_new("id", "D-HY-202305-0002", "title", "二", NULL);
	struct qf_node *d3 = rec_new("id", "D-HY-202305-0003", "title", "三", NULL);
	struct qf_node *v = rec_new("id", "V-HY-202305-0001", "firm", "F-HY-0001", NULL);
	const char *old = "---\nid: D-HY-202305-0001\ntitle: 一\n";
	char *j;
	struct stat st;

	fixture_put(&c->fx, "demands/2023-05.yaml", old);
	qf_error_clear(&err);
	assert_int_equal(qf_store_lock(c->s, 100, &err), QF_OK);

	/* begin notes each file once, with its size (-1: not there). */
	assert_int_equal(qf_store_begin(c->s, ids, 3, &err), QF_OK);
	j = slurp(c, "qf.journal");
	assert_non_null(j);
	assert_string_equal(j, "36\tdemands/2023-05.yaml\n"
			       "-1\tvisits/2023-05.yaml\n");
	free(j);

	/* A rollback cuts back and removes what was new, and the journal. */
	assert_int_equal(qf_store_append(c->s, d2, &err), QF_OK);
	assert_int_equal(qf_store_append(c->s, v, &err), QF_OK);
	qf_store_rollback(c->s);
	assert_file(c, "demands/2023-05.yaml", old);
	assert_int_not_equal(stat(at(c, "visits/2023-05.yaml"), &st), 0);
	assert_int_not_equal(stat(at(c, "qf.journal"), &st), 0);
	assert_int_equal(qf_store_has(c->s, "D-HY-202305-0002"), 0);

	/* It undoes from the copy it holds, not from the file: a journal
	 * that cannot be read (or says "committed" when it is not) does
	 * not stop it. */
	assert_int_equal(qf_store_begin(c->s, ids, 3, &err), QF_OK);
	assert_int_equal(qf_store_append(c->s, d2, &err), QF_OK);
	fixture_put(&c->fx, "qf.journal", "committed\n");
	qf_store_rollback(c->s);
	assert_file(c, "demands/2023-05.yaml", old);
	assert_int_not_equal(stat(at(c, "qf.journal"), &st), 0);

	/* A commit keeps every record and removes the journal. */
	assert_int_equal(qf_store_begin(c->s, ids, 3, &err), QF_OK);
	assert_int_equal(qf_store_append(c->s, d2, &err), QF_OK);
	assert_int_equal(qf_store_append(c->s, d3, &err), QF_OK);
	assert_int_equal(qf_store_append(c->s, v, &err), QF_OK);
	assert_int_equal(qf_store_commit(c->s, &err), QF_OK);
	assert_int_not_equal(stat(at(c, "qf.journal"), &st), 0);
	assert_int_equal(qf_store_has(c->s, "D-HY-202305-0003"), 1);
	assert_int_equal(qf_store_has(c->s, "V-HY-202305-0001"), 1);
	/* ... and a rollback after a commit has nothing to undo. */
	qf_store_rollback(c->s);
	assert_int_equal(qf_store_has(c->s, "D-HY-202305-0003"), 1);

	qf_node_free(d2);
	qf_node_free(d3);
	qf_node_free(v);
}

/* A writer killed between begin and commit leaves the journal; the next
 * one to take the lock rolls its half write back, and leaves a committed
 * one's records alone. */
static void test_journal_recovery(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	const char *ids[] = { "D-HY-202305-0001", "V-HY-202305-0001" };
	struct qf_node *d = rec_new("id", "D-HY-202305-0001", "title", "一", NULL);
	struct qf_node *v = rec_new("id", "V-HY-202305-0001", "firm", "F-HY-0001", NULL);
	struct qf_store *next = NULL;
	struct stat st;

	qf_error_clear(&err);
	assert_int_equal(qf_store_lock(c->s, 100, &err), QF_OK);
	assert_int_equal(qf_store_begin(c->s, ids, 2, &err), QF_OK);
	assert_int_equal(qf_store_append(c->s, d, &err), QF_OK);
	/* "Killed": the lock goes, the journal stays. */
	qf_store_free(c->s);
	c->s = NULL;
	assert_int_equal(stat(at(c, "qf.journal"), &st), 0);
	assert_int_equal(stat(at(c, "demands/2023-05.yaml"), &st), 0);

	assert_int_equal(fixture_open(&c->fx, &next), 0);
	assert_int_equal(qf_store_lock(next, 100, &err), QF_OK);
	assert_int_not_equal(stat(at(c, "qf.journal"), &st), 0);
	assert_int_not_equal(stat(at(c, "demands/2023-05.yaml"), &st), 0);
	assert_int_equal(qf_store_has(next, "D-HY-202305-0001"), 0);

	/* A journal that says "committed" undoes nothing. */
	assert_int_equal(qf_store_append(next, d, &err), QF_OK);
	assert_int_equal(qf_store_append(next, v, &err), QF_OK);
	fixture_put(&c->fx, "qf.journal", "committed\n");
	qf_store_free(next);
	assert_int_equal(fixture_open(&c->fx, &next), 0);
	assert_int_equal(qf_store_lock(next, 100, &err), QF_OK);
	assert_int_not_equal(stat(at(c, "qf.journal"), &st), 0);
	assert_int_equal(qf_store_has(next, "D-HY-202305-0001"), 1);
	assert_int_equal(qf_store_has(next, "V-HY-202305-0001"), 1);
	c->s = next;

	qf_node_free(d);
	qf_node_free(v);
}

static void test_find_firm(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	char id[QF_ID_MAX];

	fixture_put(&c->fx, "firms/HY.yaml",
		    "---\nid: F-HY-0001\nname: 衡阳钢管有限公司\n"
		    "---\nid: F-HY-0002\nname: 衡阳钢管\n"
		    "---\nid: F-HY-0003\nname: 湘南电气有限公司\n");
	fixture_put(&c->fx, "firms/HY-2.yaml",
		    "---\nid: F-HY-0004\nname: 湘南电气设备厂\n");

	/* By ID. */
	assert_int_equal(qf_store_find_firm(c->s, "F-HY-0004", id, sizeof(id),
					    &err), QF_OK);
	assert_string_equal(id, "F-HY-0004");
	qf_error_clear(&err);
	assert_int_equal(qf_store_find_firm(c->s, "F-HY-0099", id, sizeof(id),
					    &err), QF_ENOINPUT);
	assert_string_equal(err.msg, "no firm 'F-HY-0099'");
	/* An ID of another type. */
	qf_error_clear(&err);
	assert_int_equal(qf_store_find_firm(c->s, "V-HY-202305-0001", id,
					    sizeof(id), &err), QF_EDATA);
	assert_string_equal(err.msg, "'V-HY-202305-0001' is not a firm ID");

	/* A unique part of a name. */
	assert_int_equal(qf_store_find_firm(c->s, "设备", id, sizeof(id),
					    &err), QF_OK);
	assert_string_equal(id, "F-HY-0004");
	assert_int_equal(qf_store_find_firm(c->s, "钢管有限", id, sizeof(id),
					    &err), QF_OK);
	assert_string_equal(id, "F-HY-0001");
	/* The exact name beats names that contain it. */
	assert_int_equal(qf_store_find_firm(c->s, "衡阳钢管", id, sizeof(id),
					    &err), QF_OK);
	assert_string_equal(id, "F-HY-0002");
	assert_int_equal(qf_store_find_firm(c->s, "湘南电气设备厂", id,
					    sizeof(id), &err), QF_OK);
	assert_string_equal(id, "F-HY-0004");

	/* Ambiguous: the message names the candidates, in file-name order
	 * ("HY-2.yaml" before "HY.yaml"). */
	qf_error_clear(&err);
	assert_int_equal(qf_store_find_firm(c->s, "湘南电气", id, sizeof(id),
					    &err), QF_EDATA);
	assert_string_equal(err.msg,
		"firm name '湘南电气' is ambiguous (2 firms): "
		"F-HY-0004 湘南电气设备厂, F-HY-0003 湘南电气有限公司");
	assert_int_equal(qf_store_find_firm(c->s, "有限公司", id, sizeof(id),
					    &err), QF_EDATA);
	assert_non_null(strstr(err.msg, "F-HY-0001 衡阳钢管有限公司"));
	assert_non_null(strstr(err.msg, "F-HY-0003 湘南电气有限公司"));
	assert_null(strstr(err.msg, "F-HY-0002"));

	/* Nothing. */
	qf_error_clear(&err);
	assert_int_equal(qf_store_find_firm(c->s, "长沙", id, sizeof(id),
					    &err), QF_ENOINPUT);
	assert_string_equal(err.msg, "no firm matches '长沙'");
	assert_int_equal(qf_store_find_firm(c->s, "", id, sizeof(id), &err),
			 QF_EUSAGE);
}

static void test_find_firm_many(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	char id[QF_ID_MAX];
	char text[8192];
	size_t len = 0;

	/* More candidates than the message can list. */
	for (int i = 1; i <= 60; i++)
		len += (size_t)snprintf(text + len, sizeof(text) - len,
					"---\nid: F-HY-%04d\nname: 第%d机械厂\n",
					i, i);
	fixture_put(&c->fx, "firms/HY.yaml", text);
	qf_error_clear(&err);
	assert_int_equal(qf_store_find_firm(c->s, "机械", id, sizeof(id),
					    &err), QF_EDATA);
	assert_non_null(strstr(err.msg, "(60 firms): F-HY-0001 第1机械厂, "));
	assert_int_equal(strcmp(err.msg + strlen(err.msg) - 5, ", ..."), 0);
	assert_true(strlen(err.msg) < sizeof(err.msg) - 1);
	/* Still one exact name. */
	assert_int_equal(qf_store_find_firm(c->s, "第7机械厂", id, sizeof(id),
					    &err), QF_OK);
	assert_string_equal(id, "F-HY-0007");
}

/* Departments by the same rule as firms: exact, else a part only one
 * has; else refused, naming the candidates. */
static void test_find_dept(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	const char *d;

	qf_error_clear(&err);
	assert_int_equal(qf_store_find_dept(c->s, "经济发展局", &d, &err),
			 QF_OK);
	assert_string_equal(d, "经济发展局");
	assert_int_equal(qf_store_find_dept(c->s, "资源", &d, &err), QF_OK);
	assert_string_equal(d, "自然资源局");
	/* The catalogue's own string, not the query. */
	assert_ptr_equal(d, qf_node_get(qf_store_settings(c->s),
					 "departments")->items[1]->str);
	assert_int_equal(qf_store_find_dept(c->s, "局", &d, &err), QF_EUSAGE);
	assert_string_equal(err.msg, "'局' is ambiguous: 经济发展局, 自然资源局");
	assert_int_equal(qf_store_find_dept(c->s, "税务局", &d, &err),
			 QF_EUSAGE);
	assert_string_equal(err.msg,
		"'税务局' is not in the department catalogue of qf.yaml");
	assert_int_equal(qf_store_find_dept(c->s, "", &d, &err), QF_EUSAGE);

	/* No catalogue: any name goes, as given. */
	qf_store_free(c->s);
	c->s = NULL;
	fixture_put(&c->fx, "qf.yaml", "site: HY\norganisation: 园区\n"
		    "campaign_start: 2023-01-01\n");
	assert_int_equal(fixture_open(&c->fx, &c->s), 0);
	assert_int_equal(qf_store_find_dept(c->s, "税务局", &d, &err), QF_OK);
	assert_string_equal(d, "税务局");
}

static void test_file_holds(void **state)
{
	(void)state;
	assert_int_equal(qf_store_file_holds("demands/2023-05.yaml",
					     "D-HY-202305-0001"), 1);
	assert_int_equal(qf_store_file_holds("/s/demands/2023-05.yaml",
					     "D-HY-202305-0001"), 1);
	assert_int_equal(qf_store_file_holds("demands/2023-05-extra.yaml",
					     "D-HY-202305-0001"), 1);
	assert_int_equal(qf_store_file_holds("2023-05.yaml",
					     "D-HY-202305-0001"), 1);
	assert_int_equal(qf_store_file_holds("demands/2023-06.yaml",
					     "D-HY-202305-0001"), 0);
	assert_int_equal(qf_store_file_holds("demands/2022-05.yaml",
					     "D-HY-202305-0001"), 0);
	assert_int_equal(qf_store_file_holds("demands/2023-055.yaml",
					     "D-HY-202305-0001"), 0);
	assert_int_equal(qf_store_file_holds("demands/2023-05.yml",
					     "D-HY-202305-0001"), 0);
	/* The folder must be the type's. */
	assert_int_equal(qf_store_file_holds("visits/2023-05.yaml",
					     "D-HY-202305-0001"), 0);
	assert_int_equal(qf_store_file_holds("visits/2023-05.yaml",
					     "V-HY-202305-0001"), 1);
	assert_int_equal(qf_store_file_holds("x/visits2/2023-05.yaml",
					     "V-HY-202305-0001"), 0);
	assert_int_equal(qf_store_file_holds("firms/HY.yaml", "F-HY-0001"), 1);
	assert_int_equal(qf_store_file_holds("firms/HY-2.yaml", "F-HY-0001"),
			 1);
	assert_int_equal(qf_store_file_holds("firms/HYX.yaml", "F-HY-0001"),
			 0);
	assert_int_equal(qf_store_file_holds("firms/ZZ.yaml", "F-HY-0001"), 0);
	assert_int_equal(qf_store_file_holds("policies/HY.yaml", "F-HY-0001"),
			 0);
	assert_int_equal(qf_store_file_holds("policies/HY.yaml", "P-HY-0001"),
			 1);
	/* Not an ID. */
	assert_int_equal(qf_store_file_holds("firms/HY.yaml", "F-HY-1"), 0);
	assert_int_equal(qf_store_file_holds("firms/HY.yaml", ""), 0);
}

/* store.h: "<key>.yaml" or "<key>-<anything>.yaml": a split file is a
 * .yaml file too. */
static void test_file_holds_split_suffix(void **state)
{
	(void)state;
	assert_int_equal(qf_store_file_holds("demands/2023-05-old.yaml.bak",
					     "D-HY-202305-0001"), 0);
	assert_int_equal(qf_store_file_holds("firms/HY-notes.txt",
					     "F-HY-0001"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_find_data, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_find_walk_up, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_find_env, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_open_good, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_open_missing_site,
						setup_bare, teardown),
		cmocka_unit_test_setup_teardown(test_open_bad_settings,
						setup_bare, teardown),
		cmocka_unit_test_setup_teardown(test_lock, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lock_shared, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_lock_cannot_open, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_files, setup, teardown),
		cmocka_unit_test_setup_teardown(test_files_relative_root,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_each, setup, teardown),
		cmocka_unit_test_setup_teardown(test_each_naming, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_has_forget, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_get, setup, teardown),
		cmocka_unit_test_setup_teardown(test_next_id, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_append, setup, teardown),
		cmocka_unit_test_setup_teardown(test_get_then_rewrite, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_rewrite_middle, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_rewrite_first_last, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_rewrite_split_file, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_rewrite_errors, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_journal, setup, teardown),
		cmocka_unit_test_setup_teardown(test_journal_recovery, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_find_firm, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_find_firm_many, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_find_dept, setup,
						teardown),
		cmocka_unit_test(test_file_holds),
		cmocka_unit_test(test_file_holds_split_suffix),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
