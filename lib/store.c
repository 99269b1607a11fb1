/* store.c - the store: finding it, settings, the lock, reading and writing
 * records. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "qf/file.h"
#include "qf/idscan.h"
#include "qf/store.h"

/* A file of a reader's snapshot (qf_store_snapshot). */
struct qf_snap_file {
	char *path;
	int fd;
	size_t size;
};


#ifndef QF_SCHEMA_DIR_INSTALLED
#define QF_SCHEMA_DIR_INSTALLED "/usr/local/share/qifu/schemas"
#endif
#ifndef QF_SCHEMA_DIR_SOURCE
#define QF_SCHEMA_DIR_SOURCE "schemas"
#endif

/* a/b, or just b when a is "." (so that messages say
 * "demands/2023-05.yaml", not "./demands/2023-05.yaml"). */
static char *join(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *p;

	if (strcmp(a, ".") == 0)
		return strdup(b);
	if (!(p = malloc(la + lb + 2)))
		return NULL;
	memcpy(p, a, la);
	p[la] = '/';
	memcpy(p + la + 1, b, lb + 1);
	return p;
}

static int has_settings(const char *dir)
{
	char p[PATH_MAX];
	struct stat st;

	/* On the stack: a failed malloc must not read as "no store". */
	if ((size_t)snprintf(p, sizeof p, "%s/qf.yaml", dir) >= sizeof p)
		return 0;
	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

int qf_store_find(const char *dir, const char *env_dir, char **root,
		  struct qf_error *err)
{
	char buf[PATH_MAX];
	size_t len = 0;
	struct stat here, up;

	if (dir) {
		if (!has_settings(dir))
			return qf_error_set(err, QF_ENOINPUT, NULL, 0, 0,
				_("'%s' is not a store (no qf.yaml)"), dir);
		*root = strdup(dir);
		goto done;
	}
	/* Walk up: ".", "..", "../..", ... until the file system root. */
	buf[0] = '.';
	buf[1] = '\0';
	len = 1;
	for (;;) {
		if (has_settings(buf)) {
			*root = strdup(buf);
			goto done;
		}
		if (stat(buf, &here) != 0)
			break;
		if (len + 4 >= sizeof buf)
			break;
		if (len == 1) {
			memcpy(buf, "..", 3);
			len = 2;
		} else {
			memcpy(buf + len, "/..", 4);
			len += 3;
		}
		if (stat(buf, &up) != 0 ||
		    (up.st_dev == here.st_dev && up.st_ino == here.st_ino))
			break;
	}
	if (env_dir && *env_dir) {
		if (!has_settings(env_dir))
			return qf_error_set(err, QF_ENOINPUT, NULL, 0, 0,
				_("'%s' (from QF_DATA) is not a store (no qf.yaml)"),
				env_dir);
		*root = strdup(env_dir);
		goto done;
	}
	return qf_error_set(err, QF_ENOINPUT, NULL, 0, 0,
		_("no store here: no qf.yaml in this directory or above it, and QF_DATA is not set (use --data DIR, or qf init)"));
done:
	if (!*root)
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				    _("out of memory"));
	/* "store/" and "store" name the same store: say "store/demands". */
	for (len = strlen(*root); len > 1 && (*root)[len - 1] == '/'; len--)
		(*root)[len - 1] = '\0';
	return QF_OK;
}

const char *qf_schema_dir_default(void)
{
	static char buf[PATH_MAX + 32];
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;
	char probe[PATH_MAX + 64];

	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			snprintf(buf, sizeof buf, "%s/../share/qifu/schemas",
				 exe);
			snprintf(probe, sizeof probe, "%s/firm.yaml", buf);
			if (access(probe, R_OK) == 0)
				return buf;
		}
	}
	if (access(QF_SCHEMA_DIR_INSTALLED "/firm.yaml", R_OK) == 0)
		return QF_SCHEMA_DIR_INSTALLED;
	if (access(QF_SCHEMA_DIR_SOURCE "/firm.yaml", R_OK) == 0)
		return QF_SCHEMA_DIR_SOURCE;
	return NULL;
}

static int load_schema(const char *dir, const char *name,
		       struct qf_schema **out, struct qf_error *err)
{
	char path[PATH_MAX];

	snprintf(path, sizeof path, "%s/%s.yaml", dir, name);
	if (qf_schema_load(path, out, err)) {
		if (err->code == QF_ENOINPUT)
			err->code = QF_ECONFIG;
		return err->code;
	}
	return QF_OK;
}

int qf_store_open(struct qf_store **sp, const char *root,
		  const char *schema_dir, struct qf_error *err)
{
	struct qf_store *s;
	struct qf_schema *settings_schema = NULL;
	struct qf_diags diags;
	char *path = NULL;
	int rc;

	*sp = NULL;
	if (!schema_dir && !(schema_dir = qf_schema_dir_default()))
		return qf_error_set(err, QF_ECONFIG, NULL, 0, 0,
			_("cannot find the schemas (not installed, no source tree)"));
	s = calloc(1, sizeof *s);
	if (!s)
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				    _("out of memory"));
	s->lock_fd = -1;
	s->root = strdup(root);
	s->schema_dir = strdup(schema_dir);
	path = join(root, "qf.yaml");
	if (!s->root || !s->schema_dir || !path) {
		rc = qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				  _("out of memory"));
		goto fail;
	}
	rc = qf_yaml_load_one(path, &s->settings, err);
	if (rc) {
		if (rc == QF_EDATA)
			rc = err->code = QF_ECONFIG;
		goto fail;
	}
	rc = load_schema(schema_dir, "settings", &settings_schema, err);
	if (rc)
		goto fail;
	qf_diags_init(&diags);
	if (qf_schema_validate(settings_schema, s->settings, path, NULL, NULL,
			       &diags)) {
		struct qf_diag *d = &diags.v[0];
		if (diags.n)
			rc = qf_error_set(err, QF_ECONFIG, d->file, d->line,
					  d->col, "%s", d->msg);
		else
			rc = qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
					  _("out of memory"));
		qf_diags_release(&diags);
		qf_schema_free(settings_schema);
		goto fail;
	}
	qf_diags_release(&diags);
	qf_schema_free(settings_schema);
	{
		struct stat st;
		mode_t m = stat(root, &st) == 0 ? st.st_mode & 07777 : 0755;
		s->dir_mode = m & ~(mode_t)S_IWOTH;
		s->file_mode = s->dir_mode & 0666;
	}
	s->site = qf_node_get_str(s->settings, "site");
	if (!s->site || !qf_site_valid(s->site)) {
		rc = qf_error_set(err, QF_ECONFIG, path, 0, 0,
				  _("no valid site code"));
		goto fail;
	}
	free(path);
	*sp = s;
	return QF_OK;
fail:
	free(path);
	qf_store_free(s);
	return rc;
}

static void free_ids(struct qf_store *s)
{
	for (int t = 0; t < QF_NTYPES; t++) {
		for (size_t i = 0; i < s->nids[t]; i++)
			free(s->ids[t][i]);
		free(s->ids[t]);
		s->ids[t] = NULL;
		s->nids[t] = 0;
	}
}

void qf_store_free(struct qf_store *s)
{
	if (!s)
		return;
	qf_store_unlock(s);
	qf_store_drop_snapshot(s);
	for (int t = 0; t < QF_NTYPES; t++)
		qf_schema_free(s->schemas[t]);
	free_ids(s);
	qf_node_free(s->settings);
	free(s->schema_dir);
	free(s->root);
	free(s);
}

int qf_store_schema(struct qf_store *s, enum qf_type t,
		    const struct qf_schema **out, struct qf_error *err)
{
	if (!s->schemas[t]) {
		int rc = load_schema(s->schema_dir, qf_type_name(t),
				     &s->schemas[t], err);
		if (rc)
			return rc;
	}
	*out = s->schemas[t];
	return QF_OK;
}

const char *qf_store_setting(const struct qf_store *s, const char *key)
{
	return qf_node_get_str(s->settings, key);
}

long qf_store_setting_int(const struct qf_store *s, const char *key,
			  long dflt)
{
	long long v;

	if (qf_node_int(qf_node_get(s->settings, key), &v) || v < LONG_MIN ||
	    v > LONG_MAX)
		return dflt;
	return (long)v;
}

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
		if ((p = join(dir, e->d_name))) {
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
		char *dir = strcmp(dirs[i], ".") ? join(s->root, dirs[i]) :
				    strdup(s->root);
		if (dir) {
			clean_dir(dir);
			free(dir);
		}
	}
}

static void recover(struct qf_store *s);

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
	if (!(path = join(s->root, "qf.lock")))
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
	recover(s);
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

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void qf_store_free_paths(char **paths, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}

static int snap_paths(const struct qf_store *s, enum qf_type t, char ***paths,
		      size_t *np, struct qf_error *err)
{
	char **v = calloc(s->nsnap[t] + 1, sizeof *v);

	if (!v)
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				    _("out of memory"));
	for (size_t i = 0; i < s->nsnap[t]; i++)
		if (!(v[i] = strdup(s->snap[t][i].path))) {
			qf_store_free_paths(v, i);
			return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
					    _("out of memory"));
		}
	*paths = v;
	*np = s->nsnap[t];
	return QF_OK;
}

int qf_store_files(const struct qf_store *s, enum qf_type t, char ***paths,
		   size_t *np, struct qf_error *err)
{
	char *dir = join(s->root, qf_type_dir(t));
	DIR *d;
	struct dirent *e;
	struct stat st;
	char **v = NULL;
	size_t n = 0, cap = 0;

	*paths = NULL;
	*np = 0;
	if (s->snapped) {
		free(dir);
		return snap_paths(s, t, paths, np, err);
	}
	if (!dir)
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				    _("out of memory"));
	if (!(d = opendir(dir))) {
		int e0 = errno;
		if (e0 == ENOENT) {
			free(dir);
			return QF_OK;
		}
		qf_error_sys(err, QF_EIO, NULL, e0, _("cannot read '%s'"), dir);
		free(dir);
		return QF_EIO;
	}
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		char *p;

		if (e->d_name[0] == '.' || len < 6 ||
		    strcmp(e->d_name + len - 5, ".yaml") != 0)
			continue;
		if (n == cap) {
			char **nv;
			cap = cap ? cap * 2 : 16;
			if (!(nv = realloc(v, cap * sizeof *v)))
				goto oom;
			v = nv;
		}
		if (!(p = join(dir, e->d_name)))
			goto oom;
		if (stat(p, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(p);
			continue;
		}
		v[n++] = p;
	}
	closedir(d);
	free(dir);
	if (n)
		qsort(v, n, sizeof *v, cmp_str);
	*paths = v;
	*np = n;
	return QF_OK;
oom:
	closedir(d);
	free(dir);
	qf_store_free_paths(v, n);
	return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0, _("out of memory"));
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
static int snap_read(const struct qf_store *s, const char *path, char **buf,
		     size_t *len)
{
	const struct qf_snap_file *f = snap_find(s, path);
	size_t got = 0;

	if (!f)
		return 1;
	if (!(*buf = malloc(f->size + 1)))
		return -1;
	while (got < f->size) {
		ssize_t n = pread(f->fd, *buf + got, f->size - got, (off_t)got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;       /* cut short since: read what is there */
		got += (size_t)n;
	}
	(*buf)[got] = '\0';
	*len = got;
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

static int each_in_file(struct qf_store *s, const char *path, qf_record_fn fn,
			void *ud,
			struct qf_error *err)
{
	struct qf_reader *r;
	struct qf_doc doc;
	int rc, got;

	rc = qf_store_reader(s, path, &r, err);
	if (rc)
		return rc;
	if (qf_reader_pool(r)) {
		qf_reader_free(r);
		return qf_error_set(err, QF_ESOFTWARE, path, 0, 0,
				    _("out of memory"));
	}
	rc = QF_OK;
	while ((got = qf_reader_next(r, &doc, err)) == 1) {
		if (doc.root)
			rc = fn(&doc, path, ud);
		qf_doc_release(&doc);
		if (rc)
			break;
	}
	if (got < 0)
		rc = err->code;
	qf_reader_free(r);
	return rc;
}

int qf_store_each(struct qf_store *s, enum qf_type t, qf_record_fn fn,
		  void *ud, struct qf_error *err)
{
	return qf_store_each_like(s, t, NULL, fn, ud, err);
}

int qf_store_each_like(struct qf_store *s, enum qf_type t, const char *like,
		       qf_record_fn fn, void *ud, struct qf_error *err)
{
	char **paths;
	size_t n;
	int rc = qf_store_files(s, t, &paths, &n, err);

	if (rc)
		return rc;
	for (size_t i = 0; i < n && !rc; i++)
		if (!like || qf_store_file_holds(paths[i], like))
			rc = each_in_file(s, paths[i], fn, ud, err);
	qf_store_free_paths(paths, n);
	return rc;
}

struct id_collect {
	char **v;
	size_t n, cap;
};

static int collect_id(const struct qf_doc *doc, const char *file, void *ud)
{
	struct id_collect *c = ud;
	const char *id = qf_node_get_str(doc->root, "id");
	char *p;

	(void)file;
	if (!id)
		return 0;
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 64;
		char **v = realloc(c->v, cap * sizeof *v);
		if (!v)
			return QF_ESOFTWARE;
		c->v = v;
		c->cap = cap;
	}
	if (!(p = strdup(id)))
		return QF_ESOFTWARE;
	c->v[c->n++] = p;
	return 0;
}

/* The index holds every ID that can be read: a file that does not parse
 * hides its own records (from its first error on), never another file's. */
static int build_index(struct qf_store *s, enum qf_type t)
{
	struct id_collect c = { NULL, 0, 0 };
	struct qf_error err;
	char **paths;
	size_t n;
	int rc = qf_store_files(s, t, &paths, &n, &err);

	if (!rc) {
		for (size_t i = 0; !rc && i < n; i++)
			if (each_in_file(s, paths[i], collect_id, &c, &err) ==
			    QF_ESOFTWARE)
				rc = QF_ESOFTWARE;
		qf_store_free_paths(paths, n);
	}
	if (rc == QF_ESOFTWARE) {
		/* Out of memory: no index rather than half of one. */
		for (size_t i = 0; i < c.n; i++)
			free(c.v[i]);
		free(c.v);
		return rc;
	}
	if (c.n)
		qsort(c.v, c.n, sizeof *c.v, cmp_str);
	s->ids[t] = c.v;
	s->nids[t] = c.n;
	return rc;
}

static int has_by_lines(struct qf_store *s, const char *id);

int qf_store_has(struct qf_store *s, const char *id)
{
	struct qf_id pid;
	char **hit;

	if (qf_id_parse(id, &pid))
		return 0;
	if (!s->ids[pid.type]) {
		/* One record: the lines of its own file, not the index. */
		int got = has_by_lines(s, id);
		if (got >= 0)
			return got;
		if (got == -2)
			return -1;
	}
	if (!s->ids[pid.type] && build_index(s, pid.type) == QF_ESOFTWARE)
		return -1;
	if (!s->nids[pid.type])
		return 0;
	hit = bsearch(&id, s->ids[pid.type], s->nids[pid.type], sizeof(char *),
		      cmp_str);
	return hit != NULL;
}

int qf_store_ref_exists(const char *type, const char *id, void *ud)
{
	struct qf_id pid;
	int t = qf_type_from_name(type);

	if (t < 0 || qf_id_parse(id, &pid) || (int)pid.type != t)
		return 0;
	return qf_store_has(ud, id);
}

void qf_store_forget(struct qf_store *s)
{
	free_ids(s);
}

/* Does the file name (without folder) belong to key: "<key>.yaml" or
 * "<key>-<anything>.yaml"? */
static int file_for_key(const char *path, const char *key)
{
	const char *base = strrchr(path, '/');
	size_t k = strlen(key), k2;

	base = base ? base + 1 : path;
	if (strncmp(base, key, k) != 0)
		return 0;
	if (strcmp(base + k, ".yaml") == 0)
		return 1;
	k2 = strlen(base);
	return base[k] == '-' && k2 > k + 6 &&
	       strcmp(base + k2 - 5, ".yaml") == 0;
}

struct find_one {
	const char *id;
	struct qf_node *rec;
	char *file;
	unsigned first_line, last_line;
	unsigned long max_seq;     /* for next_id */
	char prefix[QF_ID_MAX];
	char *dup_file;            /* a second record with the ID */
	unsigned dup_line;
	char *buf;                 /* found by lines: the file's bytes */
	size_t len;
};

/* ---- records found by their lines (idscan.h) ----------------------- */

struct line_find {
	const char *id;            /* the ID looked for, or NULL */
	size_t idlen;
	const char *prefix;        /* next_id: IDs that begin so */
	unsigned long max_seq;
	int found;
	struct qf_idscan_rec rec, dup;
	struct qf_idscan_rec last;  /* the last record seen */
	size_t nrecs;
};

static int line_match(const struct qf_idscan_rec *r, void *ud)
{
	struct line_find *f = ud;

	f->last = *r;
	f->nrecs++;
	if (f->prefix) {
		size_t k = strlen(f->prefix);
		char id[QF_ID_MAX];
		struct qf_id pid;
		if (r->idlen < sizeof id && r->idlen > k &&
		    !memcmp(r->id, f->prefix, k)) {
			memcpy(id, r->id, r->idlen);
			id[r->idlen] = '\0';
			if (!qf_id_parse(id, &pid) && pid.seq > f->max_seq)
				f->max_seq = pid.seq;
		}
		return 0;
	}
	if (r->idlen != f->idlen || memcmp(r->id, f->id, r->idlen))
		return 0;
	if (f->found++) {
		f->dup = *r;
		return 1;          /* a second one: enough */
	}
	f->rec = *r;
	return 0;
}

/* Scan the file at path for f.  Returns 1 when the scan saw it whole
 * (*buf then holds its bytes, caller frees), 0 when it must be parsed
 * (a file laid out otherwise, or one that cannot be read: the parser
 * then says why), -1 when out of memory. */
static int scan_one(struct qf_store *s, const char *path, struct line_find *f,
		    char **buf,
		    size_t *len)
{
	struct qf_error e;
	int rc;

	*buf = NULL;
	if ((rc = snap_read(s, path, buf, len)) == 0)
		rc = QF_OK;
	else if (rc == -1)
		return -1;
	else if ((rc = qf_file_read(path, QF_YAML_MAX_FILE, buf, len, &e)))
		return rc == QF_ESOFTWARE ? -1 : 0;
	rc = qf_idscan(*buf, *len, line_match, f);
	if (rc == 0) {
		free(*buf);
		*buf = NULL;
	}
	return rc ? 1 : 0;
}

/* The files of a type that an ID's key names.  As qf_store_files. */
static int key_files(const struct qf_store *s, enum qf_type t,
		     const char *key, char ***paths, size_t *n,
		     struct qf_error *err)
{
	size_t k = 0;
	int rc = qf_store_files(s, t, paths, n, err);

	if (rc)
		return rc;
	for (size_t i = 0; i < *n; i++) {
		if (file_for_key((*paths)[i], key))
			(*paths)[k++] = (*paths)[i];
		else
			free((*paths)[i]);
	}
	*n = k;
	return QF_OK;
}

/* Is id in the files its key names, by their lines?  1 yes, 0 no, -1
 * when a file must be parsed to know, -2 out of memory. */
static int has_by_lines(struct qf_store *s, const char *id)
{
	struct line_find f;
	struct qf_id pid;
	struct qf_error e;
	char key[16], **paths, *buf;
	size_t n, len;
	int rc = 0;

	if (qf_id_parse(id, &pid))
		return 0;
	qf_id_file_key(&pid, key, sizeof key);
	if (key_files(s, pid.type, key, &paths, &n, &e))
		return e.code == QF_ESOFTWARE ? -2 : -1;
	memset(&f, 0, sizeof f);
	f.id = id;
	f.idlen = strlen(id);
	for (size_t i = 0; i < n && !f.found && rc >= 0; i++) {
		int got = scan_one(s, paths[i], &f, &buf, &len);
		free(buf);
		rc = got < 0 ? -2 : got == 0 ? -1 : 0;
	}
	qf_store_free_paths(paths, n);
	return f.found ? 1 : rc;
}

/* Does the file's last record, from its start to the end of the file,
 * parse?  QF_OK, or the reader's error with lines of the whole file. */
static int tail_parses(const char *path, const char *buf, size_t len,
		       const struct qf_idscan_rec *last, struct qf_error *err)
{
	struct qf_reader *r;
	struct qf_doc doc;
	int got, rc;

	if ((rc = qf_reader_open_mem(&r, buf + last->start, len - last->start,
				     path, err)))
		return rc;
	while ((got = qf_reader_next(r, &doc, err)) == 1)
		qf_doc_release(&doc);
	qf_reader_free(r);
	if (got == 0)
		return QF_OK;
	if (err->line)
		err->line += last->first_line - 1;
	return err->code;
}

/* Shift the lines of a tree read from a piece of a file. */
static void shift_lines(struct qf_node *n, unsigned by)
{
	if (n->line)
		n->line += by;
	for (size_t i = 0; i < n->n; i++) {
		shift_lines(n->items[i], by);
		if (n->keys)
			shift_lines(n->keys[i], by);
	}
}

/* locate() by lines: 1 found (f filled), 0 the files must be parsed, -1
 * with err set (a duplicate, out of memory). */
static int locate_by_lines(struct qf_store *s, const struct qf_id *pid,
			   const char *key, struct find_one *out,
			   struct qf_error *err)
{
	struct line_find f;
	char **paths, *buf = NULL, *file = NULL, *fbuf = NULL;
	size_t n, len, flen = 0;
	int rc = 0;
	struct qf_reader *r;
	struct qf_doc doc;
	struct qf_error e;

	(void)pid;
	if (key_files(s, pid->type, key, &paths, &n, &e))
		return 0;
	memset(&f, 0, sizeof f);
	f.id = out->id;
	f.idlen = strlen(out->id);
	for (size_t i = 0; i < n && rc == 0; i++) {
		int had = f.found;
		int got = scan_one(s, paths[i], &f, &buf, &len);
		if (got <= 0) {
			rc = got < 0 ? -2 : -1;
			break;
		}
		if (f.found > 1) {
			qf_error_set(err, QF_EDATA, paths[i], f.dup.first_line, 1,
				     _("duplicate ID '%s' (first at %s:%u): "
				       "run qf check"), out->id,
				     file ? file : paths[i], f.rec.first_line);
			free(buf);
			rc = -3;
			break;
		}
		if (f.found && !had) {
			file = strdup(paths[i]);
			fbuf = buf;
			flen = len;
			if (!file)
				rc = -2;
		} else {
			free(buf);
		}
	}
	qf_store_free_paths(paths, n);
	if (rc == 0 && !f.found)
		rc = -1;              /* not by lines: let the parser say */
	if (rc == 0) {
		qf_error_clear(&e);
		if (qf_reader_open_mem(&r, fbuf + f.rec.start,
				       f.rec.end - f.rec.start, file, &e)) {
			rc = e.code == QF_ESOFTWARE ? -2 : -1;
		} else {
			int got = qf_reader_next(r, &doc, &e);
			if (got == 1 && doc.root) {
				unsigned by = f.rec.first_line - 1;
				shift_lines(doc.root, by);
				out->rec = doc.root;
				out->first_line = doc.first_line + by;
				out->last_line = doc.last_line + by;
				out->file = file;
				out->buf = fbuf;
				out->len = flen;
				file = fbuf = NULL;
				rc = 1;
			} else {
				qf_doc_release(&doc);
				rc = got < 0 && e.code == QF_ESOFTWARE ? -2 : -1;
			}
			qf_reader_free(r);
		}
	}
	free(file);
	free(fbuf);
	if (rc == -2)
		qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0, _("out of memory"));
	return rc == 1 ? 1 : rc == -1 ? 0 : -1;
}


static int find_doc(const struct qf_doc *doc, const char *file, void *ud)
{
	struct find_one *f = ud;
	const char *id = qf_node_get_str(doc->root, "id");

	if (!id || strcmp(id, f->id) != 0)
		return 0;
	if (f->rec) {
		/* A second one: which of the two would a write change? */
		f->dup_file = strdup(file);
		f->dup_line = doc->first_line;
		return f->dup_file ? 2 : QF_ESOFTWARE;
	}
	f->rec = qf_node_clone(doc->root);
	f->file = strdup(file);
	f->first_line = doc->first_line;
	f->last_line = doc->last_line;
	if (!f->rec || !f->file)
		return QF_ESOFTWARE;
	return 0;   /* go on: the ID must be there once only */
}

/* "no firm 'ID'": a whole sentence for each type, so that a translation
 * need not fit a type name into a sentence. */
static int no_such(struct qf_error *err, enum qf_type t, const char *id)
{
	switch (t) {
	case QF_FIRM:
		return qf_error_set(err, QF_ENOINPUT, NULL, 0, 0,
				    _("no firm '%s'"), id);
	case QF_POLICY:
		return qf_error_set(err, QF_ENOINPUT, NULL, 0, 0,
				    _("no policy '%s'"), id);
	case QF_VISIT:
		return qf_error_set(err, QF_ENOINPUT, NULL, 0, 0,
				    _("no visit '%s'"), id);
	case QF_DEMAND:
	default:
		return qf_error_set(err, QF_ENOINPUT, NULL, 0, 0,
				    _("no demand '%s'"), id);
	}
}

/* Look for id in the files its key names. */
static int locate(struct qf_store *s, const char *id, struct find_one *f,
		  struct qf_error *err)
{
	struct qf_id pid;
	char key[16];
	char **paths;
	size_t n;
	int rc;

	memset(f, 0, sizeof *f);
	f->id = id;
	if (qf_id_parse(id, &pid))
		return qf_error_set(err, QF_EDATA, NULL, 0, 0,
				    _("'%s' is not a valid ID"), id);
	qf_id_file_key(&pid, key, sizeof key);
	if ((rc = locate_by_lines(s, &pid, key, f, err)) != 0)
		return rc > 0 ? QF_OK : err->code;
	rc = qf_store_files(s, pid.type, &paths, &n, err);
	if (rc)
		return rc;
	for (size_t i = 0; i < n && !rc; i++)
		if (file_for_key(paths[i], key))
			rc = each_in_file(s, paths[i], find_doc, f, err);
	qf_store_free_paths(paths, n);
	if (rc == 2) {
		rc = qf_error_set(err, QF_EDATA, f->dup_file, f->dup_line, 1,
				  _("duplicate ID '%s' (first at %s:%u): "
				    "run qf check"), id, f->file, f->first_line);
	} else if (f->rec && rc != QF_ESOFTWARE) {
		/* Found, and a later record of the file does not parse: that
		 * one is check's business, not a reason to refuse this one. */
		qf_error_clear(err);
		rc = QF_OK;
	}
	free(f->dup_file);
	f->dup_file = NULL;
	if (!rc && f->rec)
		return QF_OK;
	if (rc == QF_ESOFTWARE && !err->msg[0])
		qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0, _("out of memory"));
	if (!rc)
		rc = no_such(err, pid.type, id);
	qf_node_free(f->rec);
	free(f->file);
	f->rec = NULL;
	f->file = NULL;
	return rc;
}

int qf_store_get(struct qf_store *s, const char *id, struct qf_node **rec,
		 char **file, struct qf_error *err)
{
	struct find_one f;
	int rc = locate(s, id, &f, err);

	if (rc)
		return rc;
	free(f.buf);
	*rec = f.rec;
	if (file)
		*file = f.file;
	else
		free(f.file);
	return QF_OK;
}

static int max_seq(const struct qf_doc *doc, const char *file, void *ud)
{
	struct find_one *f = ud;
	const char *id = qf_node_get_str(doc->root, "id");
	struct qf_id pid;
	size_t k = strlen(f->prefix);

	(void)file;
	if (id && strncmp(id, f->prefix, k) == 0 && !qf_id_parse(id, &pid) &&
	    pid.seq > f->max_seq)
		f->max_seq = pid.seq;
	return 0;
}

int qf_store_next_id(struct qf_store *s, enum qf_type t,
		     const struct qf_date *date, char *buf, size_t n,
		     struct qf_error *err)
{
	struct qf_id id;
	struct find_one f;
	char key[16];
	char **paths;
	size_t np;
	int rc;

	memset(&id, 0, sizeof id);
	id.type = t;
	snprintf(id.site, sizeof id.site, "%s", s->site);
	if (t == QF_VISIT || t == QF_DEMAND) {
		id.year = date->y;
		id.month = date->m;
	}
	id.seq = 1;
	memset(&f, 0, sizeof f);
	if (qf_id_format(&id, f.prefix, sizeof f.prefix))
		return qf_error_set(err, QF_EDATA, NULL, 0, 0,
				    _("cannot make an ID for this date"));
	/* The prefix is everything up to the sequence, dash included. */
	strrchr(f.prefix, '-')[1] = '\0';
	qf_id_file_key(&id, key, sizeof key);
	rc = key_files(s, t, key, &paths, &np, err);
	if (rc)
		return rc;
	{
		/* By the lines of the files, else by parsing them. */
		struct line_find lf;
		int whole = 1;

		memset(&lf, 0, sizeof lf);
		lf.prefix = f.prefix;
		for (size_t i = 0; i < np && whole > 0; i++) {
			char *bytes;
			size_t len;
			lf.nrecs = 0;
			whole = scan_one(s, paths[i], &lf, &bytes, &len);
			/* What is appended goes after the last record: it must
			 * parse, or the new one would not be read either. */
			if (whole > 0 && lf.nrecs &&
			    (rc = tail_parses(paths[i], bytes, len, &lf.last,
					      err)))
				whole = -2;     /* rc and err say why */
			free(bytes);
		}
		if (whole == -1)
			rc = qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
					  _("out of memory"));
		else if (whole)
			f.max_seq = lf.max_seq;
		else
			for (size_t i = 0; i < np && !rc; i++)
				rc = each_in_file(s, paths[i], max_seq, &f, err);
	}
	qf_store_free_paths(paths, np);
	if (rc)
		return rc;
	if (f.max_seq >= 999999)
		return qf_error_set(err, QF_EDATA, NULL, 0, 0,
				    _("no sequence numbers left for '%s'"),
				    f.prefix);
	id.seq = (unsigned)f.max_seq + 1;
	if (qf_id_format(&id, buf, n))
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				    _("ID buffer too small"));
	return QF_OK;
}

int qf_store_mkdir(struct qf_store *s, const char *dir, struct qf_error *err)
{
	struct stat st;
	int fresh = stat(dir, &st) != 0;
	int rc = qf_file_mkdir(dir, s->dir_mode, err);

	/* The umask may have taken bits the store's mode has (group write,
	 * in a shared store): the store's mode wins. */
	if (!rc && fresh && chmod(dir, s->dir_mode) < 0)
		(void)0;
	return rc;
}

int qf_store_write_new(struct qf_store *s, const char *path, const char *buf,
		       size_t len, struct qf_error *err)
{
	struct stat st;
	int fresh = stat(path, &st) != 0;
	int rc = qf_file_append(path, buf, len, s->file_mode, err);

	if (!rc && fresh && chmod(path, s->file_mode) < 0)
		(void)0;
	return rc;
}

static int record_path(struct qf_store *s, const char *id, char **path,
		       struct qf_error *err)
{
	struct qf_id pid;
	char key[16];
	char *dir;
	size_t len;

	if (!id || qf_id_parse(id, &pid))
		return qf_error_set(err, QF_EDATA, NULL, 0, 0,
				    _("'%s' is not a valid ID"), id ? id : "");
	qf_id_file_key(&pid, key, sizeof key);
	if (!(dir = join(s->root, qf_type_dir(pid.type))))
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				    _("out of memory"));
	if (qf_store_mkdir(s, dir, err)) {
		free(dir);
		return err->code;
	}
	len = strlen(dir) + strlen(key) + 7;
	*path = malloc(len);
	if (*path)
		snprintf(*path, len, "%s/%s.yaml", dir, key);
	free(dir);
	if (!*path)
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				    _("out of memory"));
	return QF_OK;
}

int qf_store_append(struct qf_store *s, const struct qf_node *rec,
		    struct qf_error *err)
{
	const char *id = qf_node_get_str(rec, "id");
	char *path = NULL, *text = NULL;
	size_t len;
	int rc;

	if (s->lock_fd < 0)
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				    _("append without the store lock"));
	rc = record_path(s, id, &path, err);
	if (rc)
		return rc;
	rc = qf_yaml_emit(rec, &text, &len, err);
	if (!rc)
		rc = qf_store_write_new(s, path, text, len, err);
	free(text);
	free(path);
	qf_store_forget(s);
	return rc;
}

/* Byte offset of the start of 1-based line `line` in buf (len if past the
 * end). */
static size_t line_offset(const char *buf, size_t len, unsigned line)
{
	size_t off = 0;

	for (unsigned l = 1; l < line && off < len; l++) {
		const char *nl = memchr(buf + off, '\n', len - off);
		if (!nl)
			return len;
		off = (size_t)(nl - buf) + 1;
	}
	return off;
}

int qf_store_rewrite(struct qf_store *s, const struct qf_node *rec,
		     struct qf_error *err)
{
	const char *id = qf_node_get_str(rec, "id");
	struct find_one f;
	char *old = NULL, *text = NULL, *out = NULL;
	size_t oldlen, textlen, start, end, outlen;
	struct stat st;
	int rc;

	if (s->lock_fd < 0)
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				    _("rewrite without the store lock"));
	if (!id)
		return qf_error_set(err, QF_EDATA, NULL, 0, 0,
				    _("record has no id"));
	rc = locate(s, id, &f, err);
	if (rc)
		return rc;
	qf_node_free(f.rec);
	if (f.buf) {            /* read already, under this lock */
		old = f.buf;
		oldlen = f.len;
	} else if ((rc = qf_file_read(f.file, QF_YAML_MAX_FILE, &old, &oldlen,
				      err))) {
		goto out;
	}
	rc = qf_yaml_emit(rec, &text, &textlen, err);
	if (rc)
		goto out;
	start = line_offset(old, oldlen, f.first_line);
	end = line_offset(old, oldlen, f.last_line + 1);
	outlen = start + textlen + (oldlen - end);
	if (!(out = malloc(outlen + 1))) {
		rc = qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				  _("out of memory"));
		goto out;
	}
	memcpy(out, old, start);
	memcpy(out + start, text, textlen);
	memcpy(out + start + textlen, old + end, oldlen - end);
	rc = qf_file_replace(f.file, out, outlen,
			     stat(f.file, &st) == 0 ? st.st_mode & 07777 : 0666,
			     err);
out:
	free(out);
	free(text);
	free(old);
	free(f.file);
	qf_store_forget(s);
	return rc;
}

struct firm_match {
	const char *query;
	char exact[QF_ID_MAX];
	int nexact;
	char first[QF_ID_MAX];
	size_t nmatch;
	char list[600];
	size_t listlen;
	int cut;
};

static int match_firm(const struct qf_doc *doc, const char *file, void *ud)
{
	struct firm_match *m = ud;
	const char *id = qf_node_get_str(doc->root, "id");
	const char *name = qf_node_get_str(doc->root, "name");

	(void)file;
	if (!id || !name || !strstr(name, m->query))
		return 0;
	if (strcmp(name, m->query) == 0) {
		snprintf(m->exact, sizeof m->exact, "%s", id);
		m->nexact++;
	}
	if (m->nmatch == 0)
		snprintf(m->first, sizeof m->first, "%s", id);
	m->nmatch++;
	{
		/* Whole entries only: a cut would split a character. */
		char entry[256];
		int w = snprintf(entry, sizeof entry, "%s%s %s",
				 m->listlen ? ", " : "", id, name);
		if (w > 0 && (size_t)w < sizeof entry &&
		    m->listlen + (size_t)w < sizeof m->list) {
			memcpy(m->list + m->listlen, entry, (size_t)w + 1);
			m->listlen += (size_t)w;
		} else {
			m->cut = 1;
		}
	}

	return 0;
}

int qf_store_find_firm(struct qf_store *s, const char *query, char *id,
		       size_t n, struct qf_error *err)
{
	struct firm_match m;
	struct qf_id pid;
	int rc;

	if (!qf_id_parse(query, &pid)) {
		if (pid.type != QF_FIRM)
			return qf_error_set(err, QF_EDATA, NULL, 0, 0,
					    _("'%s' is not a firm ID"), query);
		rc = qf_store_has(s, query);
		if (rc < 0)
			return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
					    _("out of memory"));
		if (!rc)
			return qf_error_set(err, QF_ENOINPUT, NULL, 0, 0,
					    _("no firm '%s'"), query);
		snprintf(id, n, "%s", query);
		return QF_OK;
	}
	if (!*query)
		return qf_error_set(err, QF_EUSAGE, NULL, 0, 0,
				    _("empty firm name"));
	memset(&m, 0, sizeof m);
	m.query = query;
	rc = qf_store_each(s, QF_FIRM, match_firm, &m, err);
	if (rc)
		return rc;
	if (m.nexact == 1) {
		snprintf(id, n, "%s", m.exact);
		return QF_OK;
	}
	if (m.nmatch == 1) {
		snprintf(id, n, "%s", m.first);
		return QF_OK;
	}
	if (m.nmatch == 0)
		return qf_error_set(err, QF_ENOINPUT, NULL, 0, 0,
				    _("no firm matches '%s'"), query);
	return qf_error_set(err, QF_EDATA, NULL, 0, 0,
			    _("firm name '%s' is ambiguous (%zu firms): %s%s"),
			    query, m.nmatch, m.list,
			    m.cut ? ", ..." : "");
}

int qf_store_file_holds(const char *path, const char *id)
{
	struct qf_id pid;
	char key[16];
	const char *slash, *dir;
	size_t dl = strlen(qf_type_dir(0));

	if (qf_id_parse(id, &pid))
		return 0;
	/* The folder must be the type's. */
	slash = strrchr(path, '/');
	if (slash) {
		dir = slash;
		while (dir > path && dir[-1] != '/')
			dir--;
		dl = strlen(qf_type_dir(pid.type));
		if ((size_t)(slash - dir) != dl ||
		    strncmp(dir, qf_type_dir(pid.type), dl) != 0)
			return 0;
	}
	qf_id_file_key(&pid, key, sizeof key);
	return file_for_key(path, key);
}

/* ---- the journal of multi-record writes ---------------------------------- */

/* The file a record of this ID is appended to, relative to the root. */
static int relative_path(const char *id, char *buf, size_t n)
{
	struct qf_id pid;
	char key[16];

	if (qf_id_parse(id, &pid))
		return -1;
	qf_id_file_key(&pid, key, sizeof key);
	snprintf(buf, n, "%s/%s.yaml", qf_type_dir(pid.type), key);
	return 0;
}

int qf_store_begin(struct qf_store *s, const char *const *ids, size_t n,
		   struct qf_error *err)
{
	char *journal = join(s->root, "qf.journal"), *text = NULL;
	size_t len = 0, cap = 0;
	int rc = QF_OK;

	if (!journal)
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0, _("out of memory"));
	for (size_t i = 0; i < n && !rc; i++) {
		char rel[64], line[128], *abs;
		struct stat st;
		size_t k;

		if (relative_path(ids[i], rel, sizeof rel)) {
			rc = qf_error_set(err, QF_EDATA, NULL, 0, 0,
					  _("'%s' is not a valid ID"), ids[i]);
			break;
		}
		if (!(abs = join(s->root, rel))) {
			rc = qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0, _("out of memory"));
			break;
		}
		snprintf(line, sizeof line, "%lld\t%s\n",
			 stat(abs, &st) == 0 ? (long long)st.st_size : -1LL, rel);
		free(abs);
		if (text && strstr(text, strchr(line, '\t')))
			continue;       /* that file is noted already */
		k = strlen(line);
		if (len + k + 1 > cap) {
			char *p;
			cap = (len + k + 1) * 2;
			if (!(p = realloc(text, cap))) {
				rc = qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
						  _("out of memory"));
				break;
			}
			text = p;
		}
		memcpy(text + len, line, k + 1);
		len += k;
	}
	if (!rc) {
		/* Held before it is written: a rollback after a failed write
		 * of the journal itself must still know what it says. */
		s->journal_len = 0;
		if (text && len < sizeof s->journal) {
			memcpy(s->journal, text, len + 1);
			s->journal_len = len;
		}
		rc = qf_file_replace(journal, text ? text : "", len, s->file_mode, err);
	}
	free(text);
	free(journal);
	return rc;
}

int qf_store_commit(struct qf_store *s, struct qf_error *err)
{
	char *journal = join(s->root, "qf.journal");
	int rc = QF_OK;

	if (!journal)
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0, _("out of memory"));
	/* Should the journal outlive this (unlink failing), it must not undo
	 * a write that is complete: say so in it first. */
	if (unlink(journal) < 0 &&
	    (rc = qf_file_replace(journal, "committed\n", 10, s->file_mode, err)))
		;
	else
		rc = qf_file_sync_dir(journal, err);
	if (!rc)
		s->journal_len = 0;
	free(journal);
	return rc;
}

/* Make a rollback's changes durable: fsync each file cut back, or, when
 * that cannot be done (no descriptor to be had), sync everything. */
static void make_durable(const char *path, int removed)
{
	struct qf_error err;
	int fd;

	if (removed) {
		if (qf_file_sync_dir(path, &err))
			sync();
		return;
	}
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0 || fsync(fd) < 0)
		sync();
	if (fd >= 0)
		close(fd);
}

/* Undo what the journal notes: the copy held since qf_store_begin, or for
 * a killed writer's journal, the file.  No allocation, and only path
 * calls (truncate, unlink) to undo: a rollback is what runs when memory
 * has run out or open() fails. */
void qf_store_rollback(struct qf_store *s)
{
	char journal[PATH_MAX], abs[PATH_MAX], text[sizeof s->journal];
	size_t len = 0;
	ssize_t n;
	int fd;

	if ((size_t)snprintf(journal, sizeof journal, "%s/qf.journal",
			     s->root) >= sizeof journal)
		goto forget;
	if (s->journal_len) {
		memcpy(text, s->journal, s->journal_len + 1);
		len = s->journal_len;
	} else {
		fd = open(journal, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			goto forget;  /* no journal: nothing to undo */
		while (len < sizeof text - 1 &&
		       ((n = read(fd, text + len, sizeof text - 1 - len)) > 0 ||
			(n < 0 && errno == EINTR)))
			if (n > 0)
				len += (size_t)n;
		close(fd);
		text[len] = '\0';
		if (strncmp(text, "committed", 9) == 0)
			len = 0;      /* complete: nothing to undo */
	}
	/* Cut back first, make that durable, only then drop the journal:
	 * a crash in between finds the journal and does this again. */
	for (char *line = text; len && *line;) {
		char *nl = strchr(line, '\n'), *tab = strchr(line, '\t');
		long long size;
		int removed;

		if (!nl || !tab || tab > nl)
			break;
		*nl = '\0';
		size = strtoll(line, NULL, 10);
		/* Only files of the store's folders, never elsewhere. */
		if (!strstr(tab + 1, "..") &&
		    (size_t)snprintf(abs, sizeof abs, "%s/%s", s->root,
				     tab + 1) < sizeof abs) {
			removed = size < 0;
			if (removed ? unlink(abs) == 0 :
				      truncate(abs, (off_t)size) == 0)
				make_durable(abs, removed);
		}
		line = nl + 1;
	}
	if (unlink(journal) == 0)
		make_durable(journal, 1);
forget:
	s->journal_len = 0;
	qf_store_forget(s);
}

/* A journal left by a writer that was killed: undo its half write. */
static void recover(struct qf_store *s)
{
	char journal[PATH_MAX];
	struct stat st;

	if ((size_t)snprintf(journal, sizeof journal, "%s/qf.journal",
			     s->root) < sizeof journal &&
	    stat(journal, &st) == 0)
		qf_store_rollback(s);
}
