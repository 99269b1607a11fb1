/* lock.c - the writers' lock, the readers' shared lock and snapshot. */
#include <dirent.h>
#include <sys/file.h>
#include <time.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "qf/buf.h"
#include "qf/file.h"
#include "store_impl.h"

/* A writer killed between creating its temporary file and renaming it
 * leaves "<file>.tmpXXXXXX" behind (readers never take it: it does not
 * end in .yaml).  The next writer, holding the lock, knows no one is
 * writing one now, and removes them. */
static void clean_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);
		char *p;
		/* "<name>.tmp" and the six characters qf_file_replace adds. */
		if (n < 11 || strncmp(e->d_name + n - 10, ".tmp", 4) != 0)
			continue;
		if ((p = qfs_join(dir, e->d_name))) {
			unlink(p);
			free(p);
		}
	}
	closedir(d);
}

static void clean_leftovers(struct qf_store *s)
{
	static const char *const dirs[] = { "firms", "policies", "visits",
					    "demands", "reports", "." };

	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
		char *dir = strcmp(dirs[i], ".") ? qfs_join(s->root, dirs[i]) :
				    strdup(s->root);
		if (dir) {
			clean_dir(dir);
			free(dir);
		}
	}
}


/* flock(fd, op) within timeout_ms: QF_OK, or QF_EBUSY / QF_ECANTCREAT
 * with err set. */
static int flock_wait(struct qf_store *s, int fd, int op, int timeout_ms,
		      const char *path, struct qf_error *err)
{
	int waited = 0;

	while (flock(fd, op | LOCK_NB) != 0) {
		struct timespec ts = { 0, 20 * 1000 * 1000 };

		if (errno != EWOULDBLOCK && errno != EINTR)
			return qf_error_sys(err, QF_ECANTCREAT, NULL, errno,
					    _("cannot lock '%s'"), path);
		if (waited >= timeout_ms)
			return qf_error_set(err, QF_EBUSY, NULL, 0, 0,
				_("store '%s' is busy: another writer has held '%s' for %.1f s; try again"),
				s->root, path, timeout_ms / 1000.0);
		nanosleep(&ts, NULL);
		waited += 20;
	}
	return QF_OK;
}

int qf_store_lock(struct qf_store *s, int timeout_ms, struct qf_error *err)
{
	char *path;
	int fd, rc;

	if (s->lock_fd >= 0 && !s->lock_shared)
		return QF_OK;
	/* A reader's shared lock, or snapshot, is let go first (flock's
	 * conversion is not atomic either): everything is read again under
	 * this one. */
	qf_store_unlock(s);
	qf_store_drop_snapshot(s);
	if (!(path = qfs_join(s->root, "qf.lock")))
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				    _("out of memory"));
	fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, s->file_mode);
	if (fd >= 0 && fchmod(fd, s->file_mode) < 0)
		(void)0;        /* the store's mode, whatever the umask */
	if (fd < 0 && errno == EEXIST)
		fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		qf_error_sys(err, QF_ECANTCREAT, NULL, errno,
			     _("cannot open lock file '%s'"), path);
		free(path);
		return QF_ECANTCREAT;
	}
	if ((rc = flock_wait(s, fd, LOCK_EX, timeout_ms, path, err))) {
		close(fd);
		free(path);
		return rc;
	}
	free(path);
	s->lock_fd = fd;
	s->lock_shared = 0;
	qf_store_forget(s);
	clean_leftovers(s);
	qfs_recover(s);
	return QF_OK;
}

int qf_store_lock_shared(struct qf_store *s, int timeout_ms,
			 struct qf_error *err)
{
	char path[PATH_MAX];
	int fd, rc;

	if (s->lock_fd >= 0)
		return QF_OK;
	/* Read-only: no lock file, or none this user may open, means no
	 * writer follows the protocol here; read without. */
	if ((size_t)snprintf(path, sizeof path, "%s/qf.lock", s->root) >=
	    sizeof path ||
	    (fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return QF_OK;
	if ((rc = flock_wait(s, fd, LOCK_SH, timeout_ms, path, err))) {
		close(fd);
		return rc;
	}
	s->lock_fd = fd;
	s->lock_shared = 1;
	return QF_OK;
}

void qf_store_unlock(struct qf_store *s)
{
	if (s->lock_fd >= 0) {
		close(s->lock_fd);   /* releases the flock */
		s->lock_fd = -1;
		s->lock_shared = 0;
	}
}


/* ---- the readers' snapshot ------------------------------------------ */

static int cmp_snap(const void *key, const void *e)
{
	return strcmp(key, ((const struct qf_snap_file *)e)->path);
}

/* The snapshot of the file at path, or NULL (no snapshot, or a file it
 * could not open: read it by its name, which says why). */
static const struct qf_snap_file *snap_find(const struct qf_store *s,
					    const char *path)
{
	if (!s->snapped)
		return NULL;
	for (int t = 0; t < QF_NTYPES; t++) {
		const struct qf_snap_file *f =
			s->nsnap[t] ? bsearch(path, s->snap[t], s->nsnap[t],
					      sizeof *s->snap[t], cmp_snap) :
				      NULL;
		if (f)
			return f->fd >= 0 ? f : NULL;
	}
	return NULL;
}

/* The snapshot's bytes of path into *buf (malloc'd).  0, 1 when path is
 * not in it, -1 out of memory (or unreadable: the caller reads it by
 * name). */
int qfs_snap_read_into(const struct qf_store *s, const char *path,
		       struct qf_buf *b)
{
	const struct qf_snap_file *f = snap_find(s, path);

	qf_buf_clear(b);
	if (!f)
		return 1;
	if (qf_buf_reserve(b, f->size))
		return -1;
	while (b->len < f->size) {
		ssize_t n = pread(f->fd, b->s + b->len, f->size - b->len,
				  (off_t)b->len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;       /* cut short since: read what is there */
		b->len += (size_t)n;
	}
	b->s[b->len] = '\0';
	return 0;
}

int qfs_snap_read(const struct qf_store *s, const char *path, char **buf,
		  size_t *len)
{
	struct qf_buf b = QF_BUF_INIT;
	int rc = qfs_snap_read_into(s, path, &b);

	*buf = NULL;
	if (rc) {
		qf_buf_release(&b);
		return rc;
	}
	*buf = b.s;
	*len = b.len;
	return 0;
}

void qf_store_drop_snapshot(struct qf_store *s)
{
	for (int t = 0; t < QF_NTYPES; t++) {
		for (size_t i = 0; i < s->nsnap[t]; i++) {
			if (s->snap[t][i].fd >= 0)
				close(s->snap[t][i].fd);
			free(s->snap[t][i].path);
		}
		free(s->snap[t]);
		s->snap[t] = NULL;
		s->nsnap[t] = 0;
	}
	s->snapped = 0;
}

int qf_store_snapshot(struct qf_store *s, int timeout_ms, struct qf_error *err)
{
	int rc;

	if (s->snapped || (s->lock_fd >= 0 && !s->lock_shared))
		return QF_OK;     /* a writer reads the store as it is */
	if ((rc = qf_store_lock_shared(s, timeout_ms, err)))
		return rc;
	for (int t = 0; t < QF_NTYPES; t++) {
		char **paths;
		size_t n;

		if ((rc = qf_store_files(s, (enum qf_type)t, &paths, &n, err))) {
			qf_store_drop_snapshot(s);
			return rc;
		}
		if (!(s->snap[t] = calloc(n + 1, sizeof *s->snap[t]))) {
			qf_store_free_paths(paths, n);
			qf_store_drop_snapshot(s);
			return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
					    _("out of memory"));
		}
		for (size_t i = 0; i < n; i++) {
			struct qf_snap_file *f = &s->snap[t][i];
			struct stat st;

			f->path = paths[i];
			f->fd = open(paths[i], O_RDONLY | O_CLOEXEC);
			if (f->fd < 0 && (errno == EMFILE || errno == ENFILE)) {
				/* Too many files to hold open: read them all
				 * under the lock instead, as before. */
				s->nsnap[t] = i + 1;
				for (size_t j = i + 1; j < n; j++)
					free(paths[j]);
				free(paths);
				qf_store_drop_snapshot(s);
				return QF_OK;
			}
			if (f->fd >= 0 && (fstat(f->fd, &st) < 0 ||
					   !S_ISREG(st.st_mode))) {
				close(f->fd);
				f->fd = -1;
			}
			f->size = f->fd >= 0 ? (size_t)st.st_size : 0;
		}
		free(paths);
		s->nsnap[t] = n;
	}
	s->snapped = 1;
	/* Every file is open at a size that is whole records: appends add
	 * whole records after it, rewrites rename a new file over the name
	 * and leave this one as it was.  The writers may go on. */
	qf_store_unlock(s);
	return QF_OK;
}

int qf_store_reader(struct qf_store *s, const char *path,
		    struct qf_reader **r, struct qf_error *err)
{
	const struct qf_snap_file *sf = snap_find(s, path);

	return sf ? qf_reader_open_fd(r, sf->fd, sf->size, path, err) :
		    qf_reader_open(r, path, NULL, err);
}

