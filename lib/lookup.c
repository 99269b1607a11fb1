/* lookup.c - one record by its ID: the ID index, the line-level scan of a
 * record's own file, and the next free ID. */
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

static int collect_id(const struct qf_doc *doc, const char *file,
		      void *ud, struct qf_error *err)
{
	const char *id = qf_node_get_str(doc->root, "id");

	(void)file;
	return id && qf_strv_push(ud, id) ? qf_error_oom(err) : 0;
}

/* The index holds every ID that can be read: a file that does not parse
 * hides its own records (from its first error on), never another file's. */
static int build_index(struct qf_store *s, enum qf_type t)
{
	struct qf_strv c = QF_STRV_INIT;
	struct qf_error err;
	char **paths;
	size_t n;
	int rc = qf_store_files(s, t, &paths, &n, &err);

	if (!rc) {
		for (size_t i = 0; !rc && i < n; i++)
			if (qfs_each_in_file(s, paths[i], collect_id, &c, &err) ==
			    QF_ESOFTWARE)
				rc = QF_ESOFTWARE;
		qf_store_free_paths(paths, n);
	}
	if (rc == QF_ESOFTWARE) {
		/* Out of memory: no index rather than half of one. */
		qf_strv_release(&c);
		return rc;
	}
	qf_strv_sort(&c);
	s->ids[t] = c;
	s->indexed[t] = 1;
	return rc;
}

static int has_by_lines(struct qf_store *s, const char *id);

int qf_store_has(struct qf_store *s, const char *id)
{
	struct qf_id pid;
	char **hit;

	if (qf_id_parse(id, &pid))
		return 0;
	if (!s->indexed[pid.type]) {
		/* One record: the lines of its own file, not the index. */
		int got = qf_strset_has(&s->known, id) ? 1 : has_by_lines(s, id);
		if (got == 1 && qf_strset_add(&s->known, id) < 0)
			return -1;
		if (got >= 0)
			return got;
		if (got == -2)
			return -1;
	}
	if (!s->indexed[pid.type] &&
	    build_index(s, pid.type) == QF_ESOFTWARE)
		return -1;
	if (!s->ids[pid.type].n)
		return 0;
	hit = bsearch(&id, s->ids[pid.type].v, s->ids[pid.type].n,
		      sizeof(char *), qfs_cmp_str);
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
	for (int t = 0; t < QF_NTYPES; t++) {
		qf_strv_release(&s->ids[t]);
		s->indexed[t] = 0;
	}
	qf_strset_release(&s->known);
	free(s->held);
	free(s->held_path);
	s->held = s->held_path = NULL;
}



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
	if (s->held && s->lock_fd >= 0 && !s->lock_shared &&
	    !strcmp(path, s->held_path)) {
		/* Read by the qf_store_get before this rewrite, under this
		 * lock: every write since would have let it go. */
		*buf = s->held;
		*len = s->held_len;
		s->held = NULL;
		free(s->held_path);
		s->held_path = NULL;
	} else if ((rc = qfs_snap_read(s, path, buf, len)) == 0)
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
		if (qfs_file_for_key((*paths)[i], key))
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


/* qfs_locate() by lines: 1 found (f filled), 0 the files must be parsed, -1
 * with err set (a duplicate, out of memory). */
static int locate_by_lines(struct qf_store *s, const struct qf_id *pid,
			   const char *key, struct qfs_found *out,
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
				qfs_shift_lines(doc.root, by);
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


static int find_doc(const struct qf_doc *doc, const char *file,
		    void *ud, struct qf_error *err)
{
	struct qfs_found *f = ud;
	const char *id = qf_node_get_str(doc->root, "id");

	if (!id || strcmp(id, f->id) != 0)
		return 0;
	if (f->rec) {
		/* A second one: which of the two would a write change? */
		f->dup_file = strdup(file);
		f->dup_line = doc->first_line;
		return f->dup_file ? 2 : qf_error_oom(err);
	}
	f->rec = qf_node_clone(doc->root);
	f->file = strdup(file);
	f->first_line = doc->first_line;
	f->last_line = doc->last_line;
	if (!f->rec || !f->file)
		return qf_error_oom(err);
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
	case QF_APPLICATION:
		return qf_error_set(err, QF_ENOINPUT, NULL, 0, 0,
				    _("no application '%s'"), id);
	case QF_EVENT:
		return qf_error_set(err, QF_ENOINPUT, NULL, 0, 0,
				    _("no event '%s'"), id);
	case QF_DEMAND:
	default:
		return qf_error_set(err, QF_ENOINPUT, NULL, 0, 0,
				    _("no demand '%s'"), id);
	}
}

/* Look for id in the files its key names. */
int qfs_locate(struct qf_store *s, const char *id, struct qfs_found *f,
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
		if (qfs_file_for_key(paths[i], key))
			rc = qfs_each_in_file(s, paths[i], find_doc, f, err);
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
	struct qfs_found f;
	int rc = qfs_locate(s, id, &f, err);

	if (rc)
		return rc;
	/* A writer reads to change: keep the file's bytes for the rewrite. */
	free(s->held);
	free(s->held_path);
	s->held = s->held_path = NULL;
	if (f.buf && s->lock_fd >= 0 && !s->lock_shared &&
	    (s->held_path = strdup(f.file))) {
		s->held = f.buf;
		s->held_len = f.len;
	} else {
		free(f.buf);
	}
	*rec = f.rec;
	if (file)
		*file = f.file;
	else
		free(f.file);
	return QF_OK;
}

static int max_seq(const struct qf_doc *doc, const char *file,
		   void *ud, struct qf_error *err)
{
	struct qfs_found *f = ud;
	const char *id = qf_node_get_str(doc->root, "id");
	struct qf_id pid;
	size_t k = strlen(f->prefix);

	(void)file;
	(void)err;
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
	struct qfs_found f;
	char key[16];
	char **paths;
	size_t np;
	int rc;

	memset(&id, 0, sizeof id);
	id.type = t;
	snprintf(id.site, sizeof id.site, "%s", s->site);
	if (t != QF_FIRM && t != QF_POLICY) {  /* dated */
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
				rc = qfs_each_in_file(s, paths[i], max_seq, &f, err);
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

