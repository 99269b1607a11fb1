/* publish.c - frozen bulletins and what moved since. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "qf/file.h"
#include "qf/buf.h"
#include "qf/id.h"
#include "qf/lang.h"
#include "qf/publish.h"
#include "qf/yaml.h"

static void add(struct qf_buf *b, const char *s, size_t n)
{
	qf_buf_put(b, s, n);
}

static void adds(struct qf_buf *b, const char *s)
{
	qf_buf_puts(b, s);
}

/* FNV-1a, 64 bits: a fingerprint, not a defence. */
static uint64_t fnv(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;

	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* One line per record: its ID and the hash of its canonical YAML, so that
 * a change of layout alone (comments, spacing) does not count. */
static int fingerprint(const struct qf_doc *doc, const char *file,
		       void *ud, struct qf_error *err)
{
	struct qf_buf *b = ud;
	const char *id = qf_node_get_str(doc->root, "id");
	struct qf_id pid;
	char *text, hash[24];
	size_t len;
	int rc;

	(void)file;
	/* A record without a well-formed ID is check's business, and could
	 * not be named in a line of its own anyway. */
	if (!id || qf_id_parse(id, &pid))
		return 0;
	if ((rc = qf_yaml_emit(doc->root, &text, &len, err)))
		return rc;
	snprintf(hash, sizeof hash, "\t%016llx\n",
		 (unsigned long long)fnv(text, len));
	free(text);
	adds(b, id);
	adds(b, hash);
	return b->oom ? qf_error_oom(err) : 0;
}

static int cmp_line(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The fingerprints of every record, sorted by ID. */
static int fingerprints(struct qf_store *s, struct qf_buf *out,
			struct qf_error *err)
{
	struct qf_buf raw = QF_BUF_INIT;
	char **lines = NULL;
	size_t n = 0, cap = 0;
	int rc = QF_OK;

	for (int t = 0; t < QF_NTYPES && !rc; t++)
		rc = qf_store_each(s, (enum qf_type)t, fingerprint, &raw, err);
	for (char *p = raw.s; !rc && p && *p;) {
		char *nl = strchr(p, '\n');
		if (!nl)
			break;
		if (n == cap) {
			char **v;
			cap = cap ? cap * 2 : 256;
			if (!(v = realloc(lines, cap * sizeof *v))) {
				rc = qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
						  _("out of memory"));
				break;
			}
			lines = v;
		}
		*nl = '\0';
		lines[n++] = p;
		p = nl + 1;
	}
	if (!rc && n)
		qsort(lines, n, sizeof *lines, cmp_line);
	for (size_t i = 0; !rc && i < n; i++) {
		adds(out, lines[i]);
		adds(out, "\n");
	}
	if (out->oom && !rc)
		rc = qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				  _("out of memory"));
	free(lines);
	free(raw.s);
	return rc;
}

static char *path_of(const struct qf_store *s, const char *key,
		     const char *ext)
{
	size_t n = strlen(qf_store_root(s)) + strlen(key) + strlen(ext) + 16;
	char *p = malloc(n);

	if (p && !strcmp(qf_store_root(s), "."))
		snprintf(p, n, "reports/%s%s", key, ext);
	else if (p)
		snprintf(p, n, "%s/reports/%s%s", qf_store_root(s), key, ext);
	return p;
}

int qf_publish(struct qf_store *s, const char *key, const char *bulletin,
	       const char *figures_csv, struct qf_error *err)
{
	struct qf_buf fp = QF_BUF_INIT;
	char *md = path_of(s, key, ".md"), *csv = path_of(s, key, ".csv");
	char *rec = path_of(s, key, ".records"), *dir = NULL;
	struct stat st;
	int rc;

	if (!md || !csv || !rec) {
		rc = qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				  _("out of memory"));
		goto out;
	}
	if (stat(csv, &st) == 0) {
		rc = qf_error_set(err, QF_ECANTCREAT, NULL, 0, 0,
				  _("%s is published already ('%s'): a bulletin once sent is not rewritten"),
				  key, csv);
		goto out;
	}
	rc = fingerprints(s, &fp, err);
	if (rc)
		goto out;
	dir = strdup(md);
	if (!dir) {
		rc = qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				  _("out of memory"));
		goto out;
	}
	*strrchr(dir, '/') = '\0';
	/* The figures file last: its presence is what says "published".  A
	 * failure before it takes back the bulletin and the fingerprints, so
	 * that the store is as it was; a process killed before it leaves
	 * them behind, unpublished, for the next --publish to overwrite. */
	if ((rc = qf_store_mkdir(s, dir, err)))
		goto out;
	if ((rc = qf_file_replace(md, bulletin, strlen(bulletin),
				  qf_store_file_mode(s), err)) ||
	    (rc = qf_file_replace(rec, fp.s ? fp.s : "", fp.len,
				  qf_store_file_mode(s), err)) ||
	    (rc = qf_file_replace(csv, figures_csv, strlen(figures_csv),
				  qf_store_file_mode(s), err))) {
		if (stat(csv, &st) != 0) {
			(void)unlink(rec);
			(void)unlink(md);
		}
		goto out;
	}
	/* New files: the store's mode, whatever the umask. */
	(void)!chmod(md, qf_store_file_mode(s));
	(void)!chmod(rec, qf_store_file_mode(s));
	(void)!chmod(csv, qf_store_file_mode(s));
out:
	free(fp.s);
	free(dir);
	free(md);
	free(csv);
	free(rec);
	return rc;
}

/* The key of a figures line: its first two cells (section, figure). */
static size_t key_len(const char *line)
{
	int commas = 0, quoted = 0;

	for (size_t i = 0; line[i] && line[i] != '\n'; i++) {
		if (line[i] == '"')
			quoted = !quoted;
		else if (line[i] == ',' && !quoted && ++commas == 2)
			return i;
	}
	return strcspn(line, "\r\n");
}

static const char *find_line(const char *text, const char *key, size_t k)
{
	for (const char *p = text; p && *p;) {
		if (key_len(p) == k && !strncmp(p, key, k))
			return p;
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return NULL;
}

static void line_value(struct qf_buf *b, const char *line, size_t k)
{
	const char *v;

	if (k >= strcspn(line, "\r\n"))
		return;          /* a line with no values */
	v = line + k + 1;
	add(b, v, strcspn(v, "\r\n"));
}

/* Figures: every line of the old whose value differs in the new, and the
 * lines only one of them has. */
static void diff_figures(struct qf_buf *out, const char *old, const char *now)
{
	for (const char *p = old; p && *p;) {
		size_t k = key_len(p), n = strcspn(p, "\r\n");
		const char *q = find_line(now, p, k);
		if (k < n && (!q || strcspn(q, "\r\n") != n || strncmp(p, q, n))) {
			add(out, p, k);
			adds(out, ": ");
			line_value(out, p, k);
			adds(out, " -> ");
			if (q)
				line_value(out, q, k);
			else
				/* TRANSLATORS: a figure no longer in the
				 * bulletin, after "->". */
				adds(out, _("(gone)"));
			adds(out, "\n");
		}
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	for (const char *q = now; q && *q;) {
		size_t k = key_len(q), n = strcspn(q, "\r\n");
		if (k < n && !find_line(old, q, k)) {
			add(out, q, k);
			adds(out, ": ");
			/* TRANSLATORS: a figure not in the bulletin when it
			 * was published, before "->". */
			adds(out, _("(new)"));
			adds(out, " -> ");
			line_value(out, q, k);
			adds(out, "\n");
		}
		q = strchr(q, '\n');
		if (q)
			q++;
	}
}

/* Records: both lists are sorted by ID; walk them together. */
static void diff_records(struct qf_buf *out, const char *old, const char *now)
{
	const char *p = old, *q = now;

	while ((p && *p) || (q && *q)) {
		size_t kp = p && *p ? strcspn(p, "\t") : 0;
		size_t kq = q && *q ? strcspn(q, "\t") : 0;
		int c;

		if (!(p && *p))
			c = 1;
		else if (!(q && *q))
			c = -1;
		else {
			c = strncmp(p, q, kp < kq ? kp : kq);
			if (!c)
				c = (kp > kq) - (kp < kq);
		}
		if (c < 0) {
			/* TRANSLATORS: a record (its ID) gone since the
			 * bulletin was published. */
			qf_buf_printf(out, _("removed %.*s"), (int)kp, p);
			adds(out, "\n");
		} else if (c > 0) {
			/* TRANSLATORS: a record (its ID) added since. */
			qf_buf_printf(out, _("new %.*s"), (int)kq, q);
			adds(out, "\n");
		} else if (strcspn(p, "\n") != strcspn(q, "\n") ||
			   strncmp(p, q, strcspn(p, "\n"))) {
			/* TRANSLATORS: a record (its ID) changed since. */
			qf_buf_printf(out, _("changed %.*s"), (int)kp, p);
			adds(out, "\n");
		}
		if (c <= 0 && p && (p = strchr(p, '\n')))
			p++;
		if (c >= 0 && q && (q = strchr(q, '\n')))
			q++;
	}
}

int qf_publish_changes(struct qf_store *s, const char *key,
		       const char *figures_csv, const char *lang,
		       char **changes, struct qf_error *err)
{
	struct qf_lang scope;
	char *csv = path_of(s, key, ".csv"), *rec = path_of(s, key, ".records");
	char *old_csv = NULL, *old_rec = NULL;
	size_t n;
	struct qf_buf fp = QF_BUF_INIT, out = QF_BUF_INIT;
	int rc;

	*changes = NULL;
	if (!csv || !rec) {
		rc = qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				  _("out of memory"));
		goto done;
	}
	rc = qf_file_read(csv, 16u << 20, &old_csv, &n, err);
	if (rc)
		goto done;
	adds(&out, "");
	/* The lines in the bulletin's language. */
	qf_lang_push(&scope, lang);
	diff_figures(&out, old_csv, figures_csv);
	qf_lang_pop(&scope);
	if (out.len) {
		/* The figures moved: say which records did. */
		if ((rc = qf_file_read(rec, 256u << 20, &old_rec, &n, err)) ||
		    (rc = fingerprints(s, &fp, err)))
			goto done;
		qf_lang_push(&scope, lang);
		diff_records(&out, old_rec, fp.s ? fp.s : "");
		qf_lang_pop(&scope);
	}
	if (out.oom) {
		rc = qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				  _("out of memory"));
		goto done;
	}
	*changes = out.s;
	out.s = NULL;
done:
	free(out.s);
	free(fp.s);
	free(old_csv);
	free(old_rec);
	free(csv);
	free(rec);
	return rc;
}
