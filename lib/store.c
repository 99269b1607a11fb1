/* store.c - the store: finding and opening it, its settings and schemas,
 * its files and the records in them.  The rest of the store is in lock.c
 * (the lock and the readers' snapshot), lookup.c (one record by its ID,
 * the next ID), write.c (appends and rewrites), journal.c (all-or-nothing
 * writes of several records) and match.c (firms and departments by name). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "qf/file.h"
#include "qf/idscan.h"
#include "store_impl.h"

#ifndef QF_SCHEMA_DIR_INSTALLED
#define QF_SCHEMA_DIR_INSTALLED "/usr/local/share/qifu/schemas"
#endif
#ifndef QF_SCHEMA_DIR_SOURCE
#define QF_SCHEMA_DIR_SOURCE "schemas"
#endif

char *qfs_join(const char *a, const char *b)
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
	path = qfs_join(root, "qf.yaml");
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

void qf_store_free(struct qf_store *s)
{
	if (!s)
		return;
	qf_store_unlock(s);
	qf_store_drop_snapshot(s);
	for (int t = 0; t < QF_NTYPES; t++)
		qf_schema_free(s->schemas[t]);
	qf_store_forget(s);
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


const char *qf_store_root(const struct qf_store *s)
{
	return s->root;
}

const char *qf_store_site(const struct qf_store *s)
{
	return s->site;
}

const struct qf_node *qf_store_settings(const struct qf_store *s)
{
	return s->settings;
}

mode_t qf_store_file_mode(const struct qf_store *s)
{
	return s->file_mode;
}

int qfs_cmp_str(const void *a, const void *b)
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
	char *dir = qfs_join(s->root, qf_type_dir(t));
	DIR *d;
	struct dirent *e;
	struct stat st;
	struct qf_strv v = QF_STRV_INIT;

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
		if (!(p = qfs_join(dir, e->d_name)))
			goto oom;
		if (stat(p, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(p);
			continue;
		}
		if (qf_strv_take(&v, p))
			goto oom;
	}
	closedir(d);
	free(dir);
	qf_strv_sort(&v);
	*paths = v.v;
	*np = v.n;
	return QF_OK;
oom:
	closedir(d);
	free(dir);
	qf_strv_release(&v);
	return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0, _("out of memory"));
}


int qfs_each_in_file(struct qf_store *s, const char *path, qf_record_fn fn,
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
			rc = fn(&doc, path, ud, err);
		qf_doc_release(&doc);
		if (rc)
			break;
	}
	if (got < 0)
		rc = err->code;
	qf_reader_free(r);
	return rc;
}

void qfs_shift_lines(struct qf_node *n, unsigned by)
{
	if (n->line)
		n->line += by;
	for (size_t i = 0; i < n->n; i++) {
		qfs_shift_lines(n->items[i], by);
		if (n->keys)
			qfs_shift_lines(n->keys[i], by);
	}
}

/* ---- records that may name something, found by their lines --------- */

struct span {
	size_t start, end;
	unsigned first_line;
};

struct spans {
	struct span *v;
	size_t n, cap;
	int oom;
};

static int add_span(const struct qf_idscan_rec *r, void *ud)
{
	struct spans *l = ud;

	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 256;
		struct span *v = realloc(l->v, cap * sizeof *v);
		if (!v) {
			l->oom = 1;
			return 1;
		}
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n].start = r->start;
	l->v[l->n].end = r->end;
	l->v[l->n].first_line = r->first_line;
	l->n++;
	return 0;
}

/* Does p[0..m) hold needle[0..k)?  (memmem is GNU's.) */
static int holds(const char *p, size_t m, const char *needle, size_t k)
{
	const char *end = p + m;

	while (k && (size_t)(end - p) >= k &&
	       (p = memchr(p, needle[0], (size_t)(end - p) - k + 1))) {
		if (!memcmp(p, needle, k))
			return 1;
		p++;
	}
	return 0;
}

/* One record of buf, parsed alone, given to fn with the lines of the
 * whole file. */
static int each_in_span(const char *path, const char *buf,
			const struct span *sp, qf_record_fn fn, void *ud,
			struct qf_error *err)
{
	struct qf_reader *r;
	struct qf_doc doc;
	unsigned by = sp->first_line - 1;
	int rc, got;

	if ((rc = qf_reader_open_mem(&r, buf + sp->start, sp->end - sp->start,
				     path, err)))
		return rc;
	if (qf_reader_pool(r)) {
		qf_reader_free(r);
		return qf_error_oom(err);
	}
	rc = QF_OK;
	while (!rc && (got = qf_reader_next(r, &doc, err)) == 1) {
		if (doc.root) {
			qfs_shift_lines(doc.root, by);
			doc.first_line += by;
			doc.last_line += by;
			rc = fn(&doc, path, ud, err);
		}
		qf_doc_release(&doc);
	}
	if (!rc && got < 0) {
		if (err->line)
			err->line += by;
		rc = err->code;
	}
	qf_reader_free(r);
	return rc;
}

int qf_store_each_naming(struct qf_store *s, enum qf_type t,
			 const char *like, const char *needle,
			 qf_record_fn fn, void *ud, struct qf_error *err)
{
	size_t k = strlen(needle);
	struct spans l = { NULL, 0, 0, 0 };
	struct qf_buf b = QF_BUF_INIT;
	char **paths;
	size_t n;
	int rc = qf_store_files(s, t, &paths, &n, err);

	for (size_t i = 0; i < n && !rc; i++) {
		int got;

		if (like && !qf_store_file_holds(paths[i], like))
			continue;
		/* One buffer for every file: its pages are faulted in once,
		 * not for each of a province's month files. */
		l.n = l.oom = 0;
		got = qfs_snap_read_into(s, paths[i], &b);
		if (got == 1 &&
		    qf_file_read_into(paths[i], QF_YAML_MAX_FILE, &b, err))
			got = err->code == QF_ESOFTWARE ? -1 : 2;
		if (got < 0) {
			rc = qf_error_oom(err);
			break;
		}
		if (got == 2 || qf_idscan(b.s ? b.s : "", b.len, add_span, &l) != 1) {
			/* Unreadable, or not laid out as we write: the
			 * parser reads it, and says what is wrong. */
			qf_error_clear(err);
			rc = l.oom ? qf_error_oom(err) :
			     qfs_each_in_file(s, paths[i], fn, ud, err);
		} else {
			for (size_t j = 0; j < l.n && !rc; j++) {
				const char *p = b.s + l.v[j].start;
				size_t m = l.v[j].end - l.v[j].start;
				/* A backslash may spell it in escapes. */
				if (!k || holds(p, m, needle, k) ||
				    memchr(p, '\\', m))
					rc = each_in_span(paths[i], b.s, &l.v[j],
							  fn, ud, err);
			}
		}
	}
	free(l.v);
	qf_buf_release(&b);
	qf_store_free_paths(paths, n);
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
			rc = qfs_each_in_file(s, paths[i], fn, ud, err);
	qf_store_free_paths(paths, n);
	return rc;
}


/* Does the file name (without folder) belong to key: "<key>.yaml" or
 * "<key>-<anything>.yaml"? */
int qfs_file_for_key(const char *path, const char *key)
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
	return qfs_file_for_key(path, key);
}

