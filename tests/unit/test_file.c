/* test_file.c - whole appends and atomic replacement (file.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "qf/file.h"

struct ctx {
	char dir[64];
	char path[128];		/* dir/f.yaml */
	mode_t umask;
};

static int setup(void **state)
{
	struct ctx *c = calloc(1, sizeof(*c));

	if (!c)
		return -1;
	snprintf(c->dir, sizeof(c->dir), "/tmp/qf-test-file-XXXXXX");
	if (!mkdtemp(c->dir)) {
		free(c);
		return -1;
	}
	snprintf(c->path, sizeof(c->path), "%s/f.yaml", c->dir);
	c->umask = umask(022);
	*state = c;
	return 0;
}

static void remove_tree(const char *dir)
{
	struct dirent *de;
	DIR *d = opendir(dir);
	char p[512];
	struct stat st;

	while (d && (de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		snprintf(p, sizeof(p), "%s/%s", dir, de->d_name);
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
			chmod(p, 0700);
			remove_tree(p);
		} else {
			unlink(p);
		}
	}
	if (d)
		closedir(d);
	rmdir(dir);
}

static int teardown(void **state)
{
	struct ctx *c = *state;

	umask(c->umask);
	chmod(c->dir, 0700);
	remove_tree(c->dir);
	free(c);
	return 0;
}

static void put(const char *path, const char *s)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(s, 1, strlen(s), fp), strlen(s));
	assert_int_equal(fclose(fp), 0);
}

static void assert_content(const char *path, const char *expect)
{
	char buf[4096];
	FILE *fp = fopen(path, "rb");
	size_t n;

	assert_non_null(fp);
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	assert_int_equal(n, strlen(expect));
	assert_string_equal(buf, expect);
}

static mode_t mode_of(const char *path)
{
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	return st.st_mode & 07777;
}

/* Number of entries in dir besides "." and "..". */
static int entries(const char *dir)
{
	struct dirent *de;
	DIR *d = opendir(dir);
	int n = 0;

	assert_non_null(d);
	while ((de = readdir(d)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

/* Make writes beyond size bytes fail (EFBIG or a short write). */
static void limit_file_size(struct rlimit *old, rlim_t size)
{
	struct rlimit rl;

	assert_int_equal(getrlimit(RLIMIT_FSIZE, old), 0);
	rl = *old;
	rl.rlim_cur = size;
	signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &rl), 0);
}

static void unlimit_file_size(const struct rlimit *old)
{
	assert_int_equal(setrlimit(RLIMIT_FSIZE, old), 0);
	signal(SIGXFSZ, SIG_DFL);
}

static void test_append_creates(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;

	assert_int_equal(qf_file_append(c->path, "---\na: 1\n", 9, 0666, &err),
			 QF_OK);
	assert_content(c->path, "---\na: 1\n");
	/* mode is subject to the umask */
	assert_int_equal(mode_of(c->path), 0644);
	assert_int_equal(qf_file_append(c->path, "---\nb: 2\n", 9, 0600, &err),
			 QF_OK);
	assert_content(c->path, "---\na: 1\n---\nb: 2\n");
	assert_int_equal(mode_of(c->path), 0644);
	assert_int_equal(entries(c->dir), 1);

	snprintf(c->path, sizeof(c->path), "%s/g.yaml", c->dir);
	assert_int_equal(qf_file_append(c->path, "x\n", 2, 0600, &err), QF_OK);
	assert_int_equal(mode_of(c->path), 0600);
}

static void test_append_newline(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;

	/* No newline at the end: one is written first. */
	put(c->path, "---\na: 1");
	assert_int_equal(qf_file_append(c->path, "---\nb: 2\n", 9, 0644, &err),
			 QF_OK);
	assert_content(c->path, "---\na: 1\n---\nb: 2\n");
	/* An empty file gets none. */
	put(c->path, "");
	assert_int_equal(qf_file_append(c->path, "---\n", 4, 0644, &err),
			 QF_OK);
	assert_content(c->path, "---\n");
	/* Nothing to append: nothing changes. */
	put(c->path, "a: 1");
	assert_int_equal(qf_file_append(c->path, "", 0, 0644, &err), QF_OK);
	assert_content(c->path, "a: 1");
	/* CR LF files end with LF too. */
	put(c->path, "a: 1\r\n");
	assert_int_equal(qf_file_append(c->path, "b: 2\n", 5, 0644, &err),
			 QF_OK);
	assert_content(c->path, "a: 1\r\nb: 2\n");
}

static void test_append_short_write(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	struct rlimit old;
	char big[200];
	int rc;

	memset(big, 'x', sizeof(big));
	big[sizeof(big) - 1] = '\n';
	put(c->path, "a: 1");
	limit_file_size(&old, 100);
	rc = qf_file_append(c->path, big, sizeof(big), 0644, &err);
	unlimit_file_size(&old);
	assert_int_equal(rc, QF_ECANTCREAT);
	assert_int_equal(err.code, QF_ECANTCREAT);
	assert_non_null(strstr(err.msg, "cannot write '"));
	/* Cut back to the old content. */
	assert_content(c->path, "a: 1");

	/* Beyond the limit already: write(2) fails with EFBIG. */
	limit_file_size(&old, 4);
	rc = qf_file_append(c->path, big, sizeof(big), 0644, &err);
	unlimit_file_size(&old);
	assert_int_equal(rc, QF_ECANTCREAT);
	assert_non_null(strstr(err.msg, "File too large"));
	assert_content(c->path, "a: 1");

	/* A file this call made is removed again. */
	snprintf(c->path, sizeof(c->path), "%s/new.yaml", c->dir);
	limit_file_size(&old, 10);
	rc = qf_file_append(c->path, big, sizeof(big), 0644, &err);
	unlimit_file_size(&old);
	assert_int_equal(rc, QF_ECANTCREAT);
	assert_int_equal(access(c->path, F_OK), -1);
	assert_int_equal(entries(c->dir), 1);
}

static void test_append_errors(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	char p[256];

	/* The parent is a file. */
	put(c->path, "a: 1\n");
	snprintf(p, sizeof(p), "%s/sub.yaml", c->path);
	assert_int_equal(qf_file_append(p, "x\n", 2, 0644, &err),
			 QF_ECANTCREAT);
	assert_non_null(strstr(err.msg, "Not a directory"));
	assert_non_null(strstr(err.msg, p));
	/* No such directory. */
	snprintf(p, sizeof(p), "%s/none/f.yaml", c->dir);
	assert_int_equal(qf_file_append(p, "x\n", 2, 0644, &err),
			 QF_ECANTCREAT);
	assert_non_null(strstr(err.msg, "No such file or directory"));
	/* A directory. */
	assert_int_equal(qf_file_append(c->dir, "x\n", 2, 0644, &err),
			 QF_ECANTCREAT);
	assert_content(c->path, "a: 1\n");
	assert_int_equal(entries(c->dir), 1);
}

static void test_unwritable_dir(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;

	if (geteuid() == 0)
		skip();		/* root writes anyway */
	put(c->path, "a: 1\n");
	assert_int_equal(chmod(c->dir, 0555), 0);
	assert_int_equal(qf_file_replace(c->path, "b: 2\n", 5, 0644, &err),
			 QF_ECANTCREAT);
	assert_non_null(strstr(err.msg, "Permission denied"));
	snprintf(c->path, sizeof(c->path), "%s/new.yaml", c->dir);
	assert_int_equal(qf_file_append(c->path, "b: 2\n", 5, 0644, &err),
			 QF_ECANTCREAT);
	assert_int_equal(chmod(c->dir, 0700), 0);
	snprintf(c->path, sizeof(c->path), "%s/f.yaml", c->dir);
	assert_content(c->path, "a: 1\n");
	assert_int_equal(entries(c->dir), 1);
}

static void test_replace(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;

	put(c->path, "---\na: 1\n---\nb: 2\n");
	assert_int_equal(chmod(c->path, 0640), 0);
	assert_int_equal(qf_file_replace(c->path, "---\nc: 3\n", 9, 0600,
					 &err), QF_OK);
	assert_content(c->path, "---\nc: 3\n");
	/* the old mode is kept */
	assert_int_equal(mode_of(c->path), 0640);
	assert_int_equal(entries(c->dir), 1);
	/* pieces, written in order, an empty one among them */
	{
		const struct qf_piece v[] = {
			{ "---\na: 1\n", 9 }, { "", 0 }, { "---\nd: 4\n", 9 },
		};
		assert_int_equal(qf_file_replace_pieces(c->path, v, 3, 0600,
							&err), QF_OK);
		assert_content(c->path, "---\na: 1\n---\nd: 4\n");
		assert_int_equal(mode_of(c->path), 0640);
		assert_int_equal(entries(c->dir), 1);
	}
	/* empty content */
	assert_int_equal(qf_file_replace(c->path, "", 0, 0600, &err), QF_OK);
	assert_content(c->path, "");
	/* a new file gets mode less the umask */
	snprintf(c->path, sizeof(c->path), "%s/n.yaml", c->dir);
	assert_int_equal(qf_file_replace(c->path, "x\n", 2, 0666, &err),
			 QF_OK);
	assert_content(c->path, "x\n");
	assert_int_equal(mode_of(c->path), 0644);
	assert_int_equal(entries(c->dir), 2);
	/* a relative path, in the working directory */
	assert_int_equal(chdir(c->dir), 0);
	assert_int_equal(qf_file_replace("rel.yaml", "y\n", 2, 0644, &err),
			 QF_OK);
	assert_int_equal(chdir("/"), 0);
	snprintf(c->path, sizeof(c->path), "%s/rel.yaml", c->dir);
	assert_content(c->path, "y\n");
}

static void test_replace_errors(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	struct rlimit old;
	char big[300], p[256];
	int rc;

	memset(big, 'x', sizeof(big));
	put(c->path, "a: 1\n");
	/* The temporary file cannot be written whole. */
	limit_file_size(&old, 100);
	rc = qf_file_replace(c->path, big, sizeof(big), 0644, &err);
	unlimit_file_size(&old);
	assert_int_equal(rc, QF_ECANTCREAT);
	assert_non_null(strstr(err.msg, "cannot write '"));
	assert_non_null(strstr(err.msg, "File too large"));
	assert_content(c->path, "a: 1\n");
	assert_int_equal(entries(c->dir), 1);
	/* No such directory. */
	snprintf(p, sizeof(p), "%s/none/f.yaml", c->dir);
	assert_int_equal(qf_file_replace(p, "x", 1, 0644, &err),
			 QF_ECANTCREAT);
	assert_non_null(strstr(err.msg, "No such file or directory"));
	/* A directory in the way. */
	snprintf(p, sizeof(p), "%s/d", c->dir);
	assert_int_equal(mkdir(p, 0755), 0);
	assert_int_equal(qf_file_replace(p, "x", 1, 0644, &err),
			 QF_ECANTCREAT);
	assert_int_equal(entries(c->dir), 2);
	assert_int_equal(entries(p), 0);
}

static void test_read(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	char *buf = (char *)1, p[256];
	size_t len = 1;

	put(c->path, "a: 1\n");
	assert_int_equal(qf_file_read(c->path, 5, &buf, &len, &err), QF_OK);
	assert_int_equal(len, 5);
	assert_string_equal(buf, "a: 1\n");
	free(buf);
	assert_int_equal(qf_file_read(c->path, 4, &buf, &len, &err), QF_EDATA);
	assert_null(buf);
	put(c->path, "");
	assert_int_equal(qf_file_read(c->path, 4, &buf, &len, &err), QF_OK);
	assert_int_equal(len, 0);
	assert_string_equal(buf, "");
	free(buf);
	snprintf(p, sizeof(p), "%s/none", c->dir);
	assert_int_equal(qf_file_read(p, 4, &buf, &len, &err), QF_ENOINPUT);
	assert_null(buf);
	assert_int_equal(qf_file_read(c->dir, 4, &buf, &len, &err), QF_EIO);
	assert_null(buf);
}

/* One buffer over files of every size: its memory kept, its bytes each
 * file's own; emptied on error. */
static void test_read_into(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	struct qf_buf b = QF_BUF_INIT;
	char *big = malloc(100001), p[256];
	size_t cap;

	assert_non_null(big);
	memset(big, 'x', 100000);
	big[100000] = '\0';
	put(c->path, big);
	assert_int_equal(qf_file_read_into(c->path, 200000, &b, &err), QF_OK);
	assert_int_equal(b.len, 100000);
	assert_int_equal(b.s[b.len], '\0');
	cap = b.cap;
	put(c->path, "a: 1\n");
	assert_int_equal(qf_file_read_into(c->path, 200000, &b, &err), QF_OK);
	assert_string_equal(b.s, "a: 1\n");
	assert_int_equal(b.len, 5);
	assert_int_equal(b.cap, cap);      /* kept, not made again */
	put(c->path, "");
	assert_int_equal(qf_file_read_into(c->path, 4, &b, &err), QF_OK);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.s, "");
	put(c->path, big);
	assert_int_equal(qf_file_read_into(c->path, 99999, &b, &err), QF_EDATA);
	assert_int_equal(b.len, 0);
	snprintf(p, sizeof(p), "%s/none", c->dir);
	assert_int_equal(qf_file_read_into(p, 4, &b, &err), QF_ENOINPUT);
	assert_int_equal(b.len, 0);
	qf_buf_release(&b);
	free(big);
}

static void test_mkdir_and_sync(void **state)
{
	struct ctx *c = *state;
	struct qf_error err;
	char p[256];
	struct stat st;

	snprintf(p, sizeof(p), "%s/visits", c->dir);
	assert_int_equal(qf_file_mkdir(p, 0777, &err), QF_OK);
	assert_int_equal(stat(p, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(st.st_mode & 07777, 0755);
	assert_int_equal(qf_file_mkdir(p, 0777, &err), QF_OK);
	snprintf(p, sizeof(p), "%s/visits/", c->dir);
	assert_int_equal(qf_file_mkdir(p, 0777, &err), QF_OK);
	put(c->path, "x");
	assert_int_equal(qf_file_mkdir(c->path, 0777, &err), QF_ECANTCREAT);
	assert_non_null(strstr(err.msg, "Not a directory"));
	snprintf(p, sizeof(p), "%s/none/sub", c->dir);
	assert_int_equal(qf_file_mkdir(p, 0777, &err), QF_ECANTCREAT);

	assert_int_equal(qf_file_sync_dir(c->dir, &err), QF_OK);
	assert_int_equal(qf_file_sync_dir(c->path, &err), QF_OK);
	snprintf(p, sizeof(p), "%s/none/f.yaml", c->dir);
	assert_int_equal(qf_file_sync_dir(p, &err), QF_EIO);
	assert_int_equal(qf_file_sync_dir("f.yaml", &err), QF_OK);
	assert_int_equal(qf_file_sync_dir("/f.yaml", &err), QF_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_append_creates, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_append_newline, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_append_short_write, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_append_errors, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_unwritable_dir, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_replace, setup, teardown),
		cmocka_unit_test_setup_teardown(test_replace_errors, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_read, setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_into, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mkdir_and_sync, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
