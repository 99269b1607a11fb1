/* fixture.c - a store in a temporary directory (see fixture.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"

int fixture_make(struct fixture *f, const char *name)
{
	snprintf(f->dir, sizeof(f->dir), "/tmp/qf-test-%s-XXXXXX", name);
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->root, sizeof(f->root), "%s/s", f->dir);
	if (mkdir(f->root, 0777) != 0) {
		rmdir(f->dir);
		return -1;
	}
	return 0;
}

void fixture_put(const struct fixture *f, const char *rel, const char *text)
{
	char p[PATH_MAX];
	const char *slash = strchr(rel, '/');
	FILE *fp;
	size_t len = strlen(text);

	if (slash) {
		snprintf(p, sizeof(p), "%s/%.*s", f->root, (int)(slash - rel),
			 rel);
		assert_true(mkdir(p, 0777) == 0 || errno == EEXIST);
	}
	snprintf(p, sizeof(p), "%s/%s", f->root, rel);
	fp = fopen(p, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(text, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
}

int fixture_open(const struct fixture *f, struct qf_store **s)
{
	struct qf_error err;

	if (qf_store_open(s, f->root, FIXTURE_SCHEMAS, &err) != QF_OK) {
		fprintf(stderr, "cannot open the test store: %s\n", err.msg);
		return -1;
	}
	return 0;
}

void fixture_rm_rf(const char *path)
{
	struct stat st;
	DIR *d;
	struct dirent *de;
	char p[PATH_MAX];

	if (lstat(path, &st) != 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlink(path);
		return;
	}
	if ((d = opendir(path))) {
		while ((de = readdir(d))) {
			if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
				continue;
			snprintf(p, sizeof(p), "%s/%s", path, de->d_name);
			fixture_rm_rf(p);
		}
		closedir(d);
	}
	rmdir(path);
}

void fixture_remove(const struct fixture *f)
{
	fixture_rm_rf(f->dir);
}
