/* journal.c - writes of several records, all or nothing. */
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
	char *journal = qfs_join(s->root, "qf.journal");
	struct qf_buf text = QF_BUF_INIT;
	int rc = QF_OK;

	if (!journal)
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0, _("out of memory"));
	for (size_t i = 0; i < n && !rc; i++) {
		char rel[64], line[128], *abs;
		struct stat st;

		if (relative_path(ids[i], rel, sizeof rel)) {
			rc = qf_error_set(err, QF_EDATA, NULL, 0, 0,
					  _("'%s' is not a valid ID"), ids[i]);
			break;
		}
		if (!(abs = qfs_join(s->root, rel))) {
			rc = qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0, _("out of memory"));
			break;
		}
		snprintf(line, sizeof line, "%lld\t%s\n",
			 stat(abs, &st) == 0 ? (long long)st.st_size : -1LL, rel);
		free(abs);
		if (text.s && strstr(text.s, strchr(line, '\t')))
			continue;       /* that file is noted already */
		if (qf_buf_puts(&text, line))
			rc = qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
					  _("out of memory"));
	}
	if (!rc) {
		/* Held before it is written: a rollback after a failed write
		 * of the journal itself must still know what it says. */
		s->journal_len = 0;
		if (text.s && text.len < sizeof s->journal) {
			memcpy(s->journal, text.s, text.len + 1);
			s->journal_len = text.len;
		}
		rc = qf_file_replace(journal, text.s ? text.s : "", text.len,
				     s->file_mode, err);
	}
	qf_buf_release(&text);
	free(journal);
	return rc;
}

int qf_store_commit(struct qf_store *s, struct qf_error *err)
{
	char *journal = qfs_join(s->root, "qf.journal");
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
void qfs_recover(struct qf_store *s)
{
	char journal[PATH_MAX];
	struct stat st;

	if ((size_t)snprintf(journal, sizeof journal, "%s/qf.journal",
			     s->root) < sizeof journal &&
	    stat(journal, &st) == 0)
		qf_store_rollback(s);
}

