/* file.c - whole appends and atomic replacement of store files.
 *
 * Order of a replacement (git's lockfile.h, mblaze's mdeliver.c): write a
 * temporary file beside the target, fsync it, close it, rename it over the
 * target, fsync the directory.  An fsync error is reported and never
 * retried: after a failed fsync the kernel may have dropped the dirty pages,
 * and a second fsync would falsely succeed.
 */
#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "qf/buf.h"
#include "qf/file.h"

/* How many names to try for a temporary file before giving up. */
#define TMP_TRIES 100


static int read_into(const char *path, size_t max, struct qf_buf *b,
		     struct qf_error *err)
{
	struct stat st;
	size_t want;
	int fd, rc;

	qf_buf_clear(b);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return qf_error_sys(err, errno == ENOENT ? QF_ENOINPUT : QF_EIO,
				    NULL, errno, _("cannot open '%s'"), path);
	if (fstat(fd, &st) < 0) {
		rc = qf_error_sys(err, QF_EIO, NULL, errno, _("cannot stat '%s'"),
				  path);
		close(fd);
		return rc;
	}
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		return qf_error_sys(err, QF_EIO, NULL, EISDIR,
				    _("cannot read '%s'"), path);
	}
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max) {
		close(fd);
		return qf_error_set(err, QF_EDATA, path, 0, 0,
				    _("file is larger than %zu bytes"), max);
	}
	/* The size is a hint: the file may change, or not be regular. */
	want = S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 4096;
	if (want > max + 1)
		want = max + 1;
	for (;;) {
		ssize_t got;

		if (b->len > max)
			break;
		if (qf_buf_reserve(b, b->cap - b->len > 1 ? 0 : want)) {
			close(fd);
			return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
					    _("out of memory"));
		}
		got = read(fd, b->s + b->len, b->cap - b->len - 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			rc = qf_error_sys(err, QF_EIO, NULL, errno,
					  _("cannot read '%s'"), path);
			close(fd);
			return rc;
		}
		if (got == 0)
			break;
		b->len += (size_t)got;
		b->s[b->len] = '\0';
	}
	close(fd);
	if (b->len > max)
		return qf_error_set(err, QF_EDATA, path, 0, 0,
				    _("file is larger than %zu bytes"), max);
	return QF_OK;
}

int qf_file_read_into(const char *path, size_t max, struct qf_buf *b,
		      struct qf_error *err)
{
	int rc = read_into(path, max, b, err);

	if (rc)
		qf_buf_clear(b);
	return rc;
}

int qf_file_read(const char *path, size_t max, char **buf, size_t *len,
		 struct qf_error *err)
{
	struct qf_buf b = QF_BUF_INIT;
	int rc = qf_file_read_into(path, max, &b, err);

	*buf = NULL;
	*len = 0;
	if (rc) {
		qf_buf_release(&b);
		return rc;
	}
	*buf = b.s;
	*len = b.len;
	return QF_OK;
}

/* The directory part of path into buf (PATH_MAX): "." when there is none.
 * No allocation: a rollback syncs directories when memory has run out. */
static int dir_of(const char *path, char *buf)
{
	const char *slash = strrchr(path, '/');
	size_t n;

	if (!slash) {
		memcpy(buf, ".", 2);
		return 0;
	}
	while (slash > path && slash[-1] == '/')
		slash--;
	n = slash == path ? 1 : (size_t)(slash - path);
	if (n >= PATH_MAX) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(buf, path, n);
	buf[n] = '\0';
	return 0;
}

static int sync_dir(const char *dir, struct qf_error *err)
{
	int fd, rc = QF_OK;

	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return qf_error_sys(err, QF_EIO, NULL, errno,
				    _("cannot open directory '%s'"), dir);
	/* Some file systems cannot sync a directory: nothing to do there. */
	if (fsync(fd) < 0 && errno != EINVAL)
		rc = qf_error_sys(err, QF_EIO, NULL, errno,
				  _("cannot sync directory '%s'"), dir);
	close(fd);
	return rc;
}

int qf_file_sync_dir(const char *path, struct qf_error *err)
{
	struct stat st;
	char dir[PATH_MAX];

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return sync_dir(path, err);
	if (dir_of(path, dir) < 0)
		return qf_error_sys(err, QF_EIO, NULL, errno,
				    _("cannot sync the directory of '%s'"), path);
	return sync_dir(dir, err);
}

int qf_file_mkdir(const char *path, mode_t mode, struct qf_error *err)
{
	struct stat st;
	char copy[PATH_MAX], dir[PATH_MAX];
	size_t n = strlen(path);

	if (mkdir(path, mode) < 0) {
		if (errno == EEXIST && stat(path, &st) == 0 &&
		    S_ISDIR(st.st_mode))
			return QF_OK;
		return qf_error_sys(err, QF_ECANTCREAT, NULL,
				    errno == EEXIST ? ENOTDIR : errno,
				    _("cannot create directory '%s'"), path);
	}
	/* Make the new entry durable: sync the parent (mkdir took the path,
	 * so it is shorter than PATH_MAX). */
	memcpy(copy, path, n + 1);
	while (n > 1 && copy[n - 1] == '/')
		copy[--n] = '\0';
	if (dir_of(copy, dir) < 0)
		return qf_error_sys(err, QF_EIO, NULL, errno,
				    _("cannot sync the directory of '%s'"), path);
	return sync_dir(dir, err);
}

/* Write all of buf to fd, through short writes and interruptions.
 * Returns 0, or -1 with errno set. */
static int write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0) {
			errno = ENOSPC;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Open path for appending; *created says whether this call made it. */
/* Open path to append, creating it when missing.  Never through a
 * symbolic link (O_NOFOLLOW: ELOOP), which could lead out of the store --
 * and a dangling one would otherwise be ENOENT to one open and EEXIST to
 * the other, for ever. */
static int open_append(const char *path, mode_t mode, int *created)
{
	for (int tries = 0; tries < 8; tries++) {
		int fd = open(path, O_RDWR | O_APPEND | O_NOFOLLOW | O_CLOEXEC);

		*created = 0;
		if (fd >= 0 || errno != ENOENT)
			return fd;
		fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_EXCL |
			  O_NOFOLLOW | O_CLOEXEC, mode);
		if (fd >= 0) {
			*created = 1;
			return fd;
		}
		if (errno != EEXIST)
			return -1;
		/* Made by someone else in between: open it again. */
	}
	errno = EAGAIN;
	return -1;
}

int qf_file_append(const char *path, const char *buf, size_t len, mode_t mode,
		   struct qf_error *err)
{
	struct stat st;
	char *all = NULL;
	size_t total;
	ssize_t n;
	int fd, created, rc = QF_OK, nl = 0;
	char last;

	fd = open_append(path, mode, &created);
	if (fd < 0 && errno == ELOOP)
		return qf_error_set(err, QF_ECANTCREAT, NULL, 0, 0,
				    _("cannot write '%s': it is a symbolic link, "
				      "and qifu does not write through links"),
				    path);
	if (fd < 0)
		return qf_error_sys(err, QF_ECANTCREAT, NULL, errno,
				    _("cannot open '%s'"), path);
	if (fstat(fd, &st) < 0) {
		rc = qf_error_sys(err, QF_EIO, NULL, errno, _("cannot stat '%s'"),
				  path);
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		rc = qf_error_set(err, QF_ECANTCREAT, NULL, 0, 0,
				  _("cannot write '%s': not a regular file"),
				  path);
		goto out;
	}
	if (st.st_size > 0 && len > 0) {
		do {
			n = pread(fd, &last, 1, st.st_size - 1);
		} while (n < 0 && errno == EINTR);
		if (n != 1) {
			rc = qf_error_sys(err, QF_EIO, NULL,
					  n < 0 ? errno : EIO,
					  _("cannot read '%s'"), path);
			goto out;
		}
		nl = last != '\n';
	}
	total = len + (size_t)nl;
	if (total > 0) {
		all = malloc(total);
		if (!all) {
			rc = qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
					  _("out of memory"));
			goto out;
		}
		all[0] = '\n';
		memcpy(all + nl, buf, len);
		/* One write: a reader sees the record whole or not at all. */
		do {
			n = write(fd, all, total);
		} while (n < 0 && errno == EINTR);
		if (n < 0 || (size_t)n != total) {
			if (n < 0)
				rc = qf_error_sys(err, QF_ECANTCREAT, NULL,
						  errno, _("cannot write '%s'"),
						  path);
			else
				rc = qf_error_set(err, QF_ECANTCREAT, NULL, 0,
						  0, _("cannot write '%s': "
						  "short write (%zd of %zu bytes)"),
						  path, n, total);
			/* Cut the file back: best effort, the error is
			 * already reported. */
			if (ftruncate(fd, st.st_size) < 0)
				(void)0;
			goto out;
		}
	}
	if (fsync(fd) < 0) {
		rc = qf_error_sys(err, QF_EIO, NULL, errno, _("cannot sync '%s'"),
				  path);
		/* Not kept as if nothing happened: the record is taken back
		 * and the failure reported, never retried. */
		if (ftruncate(fd, st.st_size) < 0)
			(void)0;
		goto out;
	}
out:
	free(all);
	if (close(fd) < 0 && !rc)
		rc = qf_error_sys(err, QF_EIO, NULL, errno,
				  _("cannot close '%s'"), path);
	if (!rc && created)
		rc = qf_file_sync_dir(path, err);
	if (rc && created && unlink(path) < 0)
		(void)0;
	return rc;
}

/* Create a new temporary file "path.tmpXXXXXX" with mode (subject to the
 * umask).  Fills tmp (of size n).  Returns the descriptor, or -1 with
 * errno set. */
static int open_temp(const char *path, mode_t mode, char *tmp, size_t n)
{
	static const char chars[] = "abcdefghijklmnopqrstuvwxyz"
		"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	static unsigned long counter;
	struct timespec ts;
	uint64_t x;
	int try, i, fd;

	clock_gettime(CLOCK_REALTIME, &ts);
	x = ((uint64_t)ts.tv_nsec << 16) ^ (uint64_t)ts.tv_sec ^
	    ((uint64_t)getpid() << 32) ^ (uint64_t)(uintptr_t)tmp;
	for (try = 0; try < TMP_TRIES; try++) {
		char suffix[7];

		x ^= ++counter * 0x9e3779b97f4a7c15u;
		x ^= x >> 29;
		x *= 0xbf58476d1ce4e5b9u;
		x ^= x >> 32;
		for (i = 0; i < 6; i++)
			suffix[i] = chars[(x >> (i * 6)) % (sizeof(chars) - 1)];
		suffix[6] = '\0';
		if ((size_t)snprintf(tmp, n, "%s.tmp%s", path, suffix) >= n) {
			errno = ENAMETOOLONG;
			return -1;
		}
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	errno = EEXIST;
	return -1;
}

int qf_file_replace(const char *path, const char *buf, size_t len,
		    mode_t mode, struct qf_error *err)
{
	struct qf_piece one = { buf, len };

	return qf_file_replace_pieces(path, &one, 1, mode, err);
}

int qf_file_replace_pieces(const char *path, const struct qf_piece *v,
			   size_t nv, mode_t mode, struct qf_error *err)
{
	struct stat st;
	char *tmp;
	size_t n = strlen(path) + sizeof(".tmpXXXXXX");
	int fd, rc, have_old;

	tmp = malloc(n);
	if (!tmp)
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				    _("out of memory"));
	have_old = lstat(path, &st) == 0;
	if (have_old && S_ISLNK(st.st_mode)) {
		free(tmp);
		return qf_error_set(err, QF_ECANTCREAT, NULL, 0, 0,
				    _("cannot write '%s': it is a symbolic link, "
				      "and qifu does not write through links"),
				    path);
	}
	if (have_old && !S_ISREG(st.st_mode)) {
		free(tmp);
		return qf_error_set(err, QF_ECANTCREAT, NULL, 0, 0,
				    _("cannot write '%s': not a regular file"),
				    path);
	}
	fd = open_temp(path, have_old ? 0600 : mode, tmp, n);
	if (fd < 0) {
		rc = qf_error_sys(err, QF_ECANTCREAT, NULL, errno,
				  _("cannot create temporary file for '%s'"),
				  path);
		free(tmp);
		return rc;
	}
	if (have_old && fchmod(fd, st.st_mode & 07777) < 0) {
		rc = qf_error_sys(err, QF_ECANTCREAT, NULL, errno,
				  _("cannot set the mode of '%s'"), tmp);
		goto fail;
	}
	for (size_t i = 0; i < nv; i++)
		if (write_all(fd, v[i].buf, v[i].len) < 0) {
			rc = qf_error_sys(err, QF_ECANTCREAT, NULL, errno,
					  _("cannot write '%s'"), tmp);
			goto fail;
		}
	if (fsync(fd) < 0) {
		rc = qf_error_sys(err, QF_EIO, NULL, errno, _("cannot sync '%s'"),
				  tmp);
		goto fail;
	}
	rc = close(fd);
	fd = -1;
	if (rc < 0) {
		rc = qf_error_sys(err, QF_EIO, NULL, errno,
				  _("cannot close '%s'"), tmp);
		goto fail;
	}
	if (rename(tmp, path) < 0) {
		rc = qf_error_sys(err, QF_ECANTCREAT, NULL, errno,
				  _("cannot rename '%s' to '%s'"), tmp, path);
		goto fail;
	}
	free(tmp);
	return qf_file_sync_dir(path, err);
fail:
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	return rc;
}
