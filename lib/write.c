/* write.c - appending records and rewriting one in place. */
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
#include "qf/splice.h"
#include "store_impl.h"

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
	if (!(dir = qfs_join(s->root, qf_type_dir(pid.type))))
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

/* Do the records with these IDs go to one file? */
static int same_file(const struct qf_node *a, const struct qf_node *b)
{
	struct qf_id pa, pb;
	char ka[16], kb[16];

	if (qf_id_parse(qf_node_get_str(a, "id"), &pa) ||
	    qf_id_parse(qf_node_get_str(b, "id"), &pb) || pa.type != pb.type)
		return 0;
	qf_id_file_key(&pa, ka, sizeof ka);
	qf_id_file_key(&pb, kb, sizeof kb);
	return !strcmp(ka, kb);
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

int qf_store_append_all(struct qf_store *s, struct qf_node *const *recs,
			size_t n, struct qf_error *err)
{
	char **paths;
	unsigned char *done;
	size_t i, j;
	int rc = QF_OK;

	if (s->lock_fd < 0)
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				    _("append without the store lock"));
	paths = calloc(n ? n : 1, sizeof *paths);
	done = calloc(n ? n : 1, 1);
	if (!paths || !done) {
		free(paths);
		free(done);
		return qf_error_oom(err);
	}
	for (i = 0; i < n && !rc; i++) {
		/* One folder: its path is made once. */
		if (i && paths[i - 1] && same_file(recs[i - 1], recs[i]))
			rc = (paths[i] = strdup(paths[i - 1])) ? QF_OK : qf_error_oom(err);
		else
			rc = record_path(s, qf_node_get_str(recs[i], "id"), &paths[i], err);
	}
	for (i = 0; i < n && !rc; i++) {
		struct qf_buf buf = { 0 };
		if (done[i])
			continue;
		for (j = i; j < n && !rc; j++) {
			char *text = NULL;
			size_t len;
			if (done[j] || strcmp(paths[j], paths[i]))
				continue;
			done[j] = 1;
			if (!(rc = qf_yaml_emit(recs[j], &text, &len, err)) &&
			    qf_buf_put(&buf, text, len))
				rc = qf_error_oom(err);
			free(text);
		}
		if (!rc)
			rc = qf_store_write_new(s, paths[i], buf.s ? buf.s : "",
						buf.len, err);
		qf_buf_release(&buf);
	}
	for (i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	free(done);
	qf_store_forget(s);
	return rc;
}

/* Byte offset of the start of 1-based line `line` in buf (len if past the
 * end), counting on from line `from`, which starts at byte `off`. */
static size_t line_offset(const char *buf, size_t len, unsigned from,
			  size_t off, unsigned line)
{
	for (unsigned l = from; l < line && off < len; l++) {
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
	struct qfs_found f;
	struct qf_buf text = QF_BUF_INIT;
	char *old = NULL;
	size_t oldlen, start, end;
	int kept;
	struct stat st;
	int rc;

	if (s->lock_fd < 0)
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				    _("rewrite without the store lock"));
	if (!id)
		return qf_error_set(err, QF_EDATA, NULL, 0, 0,
				    _("record has no id"));
	rc = qfs_locate(s, id, &f, err);
	if (rc)
		return rc;
	if (f.buf) {            /* read already, under this lock */
		old = f.buf;
		oldlen = f.len;
	} else if ((rc = qf_file_read(f.file, QF_YAML_MAX_FILE, &old, &oldlen,
				      err))) {
		goto out;
	}
	start = line_offset(old, oldlen, 1, 0, f.first_line);
	end = line_offset(old, oldlen, f.first_line, start, f.last_line + 1);
	/* What the change does not touch stays as it was written. */
	rc = qf_splice_record(old + start, end - start, f.first_line, f.rec,
			      rec, &text, &kept, err);
	if (rc)
		goto out;
	{
		const struct qf_piece v[] = {
			{ old, start }, { text.s ? text.s : "", text.len },
			{ old + end, oldlen - end },
		};
		rc = qf_file_replace_pieces(f.file, v, 3,
					    stat(f.file, &st) == 0 ?
					    st.st_mode & 07777 : 0666, err);
	}
out:
	qf_buf_release(&text);
	qf_node_free(f.rec);
	free(old);
	free(f.file);
	qf_store_forget(s);
	return rc;
}

