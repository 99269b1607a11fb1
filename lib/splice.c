/* splice.c - a changed record written back as its person wrote it: the
 * old text kept field by field where the tree did not change (splice.h).
 *
 * The record's text is cut at the lines of its top-level keys, which the
 * reader gave: each key's span runs from its line to the next key's,
 * less the blank and comment lines that end it (its gap, which leads the
 * next key).  The new text is the old header, then for each field of the
 * new tree its old span (unchanged), its old span and the new entries of
 * a sequence (grown at the end), or the field written anew; the gaps
 * follow as they were.
 */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "qf/splice.h"
#include "qf/yaml.h"

#define BOM "\xEF\xBB\xBF"

struct rec_text {
	const char *s;
	size_t len;
	size_t *at;        /* at[i]: offset of line i; at[n] = len */
	size_t n;
	size_t body;       /* offset of line 0's text, past a BOM */
	int crlf;          /* the first line ends in CR LF */
};

static int split_lines(struct rec_text *t, const char *s, size_t len)
{
	size_t cap = 64, off = 0;

	t->s = s;
	t->len = len;
	t->n = 0;
	if (!(t->at = malloc(cap * sizeof *t->at)))
		return -1;
	while (off < len) {
		const char *nl = memchr(s + off, '\n', len - off);
		if (t->n + 2 > cap) {
			size_t *v = realloc(t->at, 2 * cap * sizeof *v);
			if (!v)
				return -1;
			t->at = v;
			cap *= 2;
		}
		t->at[t->n++] = off;
		off = nl ? (size_t)(nl - s) + 1 : len;
	}
	t->at[t->n] = len;
	t->body = len >= 3 && !memcmp(s, BOM, 3) ? 3 : 0;
	t->crlf = t->n > 0 && t->at[1] >= 2 && s[t->at[1] - 1] == '\n' &&
		  s[t->at[1] - 2] == '\r';
	return 0;
}

static size_t line_start(const struct rec_text *t, size_t i)
{
	return i == 0 ? t->body : t->at[i];
}

/* Blank, or a comment and nothing else. */
static int gap_line(const struct rec_text *t, size_t i)
{
	for (size_t k = line_start(t, i); k < t->at[i + 1]; k++) {
		char c = t->s[k];
		if (c == '#')
			return 1;
		if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
			return 0;
	}
	return 1;
}

/* Byte offset of 1-based character column col of line i, or (size_t)-1
 * when the line is shorter. */
static size_t col_offset(const struct rec_text *t, size_t i, unsigned col)
{
	size_t k = line_start(t, i), end = t->at[i + 1];
	unsigned c = 1;

	while (c < col && k < end) {
		k++;
		while (k < end && ((unsigned char)t->s[k] & 0xC0) == 0x80)
			k++;
		c++;
	}
	return c == col && k < end ? k : (size_t)-1;
}

/* Put s with its line ends as the record's: LF, or CR LF. */
static void put_lines(struct qf_buf *out, const char *s, size_t len, int crlf)
{
	size_t from = 0;

	if (!crlf) {
		qf_buf_put(out, s, len);
		return;
	}
	for (size_t k = 0; k < len; k++) {
		if (s[k] != '\n' || (k > 0 && s[k - 1] == '\r'))
			continue;
		qf_buf_put(out, s + from, k - from);
		qf_buf_put(out, "\r\n", 2);
		from = k + 1;
	}
	qf_buf_put(out, s + from, len - from);
}

/* Copy lines [a, b) of the old text, ending the last with a line end when
 * the text stopped short of one. */
static void put_old(struct qf_buf *out, const struct rec_text *t, size_t a,
		    size_t b, size_t from)
{
	size_t end = t->at[b];

	if (a >= b)
		return;
	qf_buf_put(out, t->s + from, end - from);
	if (end > from && t->s[end - 1] != '\n')
		qf_buf_puts(out, t->crlf ? "\r\n" : "\n");
}

/* "key: value\n" as qf_yaml_emit writes the field alone (without its
 * "---" line).  *s is malloc'd. */
static int emit_field(const struct qf_node *key, const struct qf_node *val,
		      char **s, size_t *len, struct qf_error *err)
{
	struct qf_node *k = (struct qf_node *)key, *v = (struct qf_node *)val;
	struct qf_node m = { .kind = QF_NODE_MAP, .n = 1, .cap = 1,
			     .keys = &k, .items = &v };
	int rc = qf_yaml_emit(&m, s, len, err);

	if (rc)
		return rc;
	if (*len < 4 || memcmp(*s, "---\n", 4) != 0) {
		free(*s);
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				    _("cannot emit yaml: unexpected document start"));
	}
	memmove(*s, *s + 4, *len - 4 + 1);
	*len -= 4;
	return QF_OK;
}

/* The comment that ends the one line of a scalar field ("  # 联系人"),
 * without the line end: its offset and length, or 0 when there is none. */
static size_t line_comment(const struct rec_text *t, size_t i,
			   const struct qf_node *val, size_t *from)
{
	size_t end = t->at[i + 1], k, v;
	const char *s = t->s;

	while (end > t->at[i] && (s[end - 1] == '\n' || s[end - 1] == '\r'))
		end--;
	if (val->kind != QF_NODE_SCALAR || val->line == 0 || val->len == 0 ||
	    (v = col_offset(t, i, val->col)) == (size_t)-1)
		return 0;
	k = v;
	if (s[k] == '"' || s[k] == '\'') {
		char q = s[k++];
		for (; k < end; k++) {
			if (q == '"' && s[k] == '\\') {
				k++;
			} else if (s[k] == q) {
				if (q == '\'' && k + 1 < end && s[k + 1] == '\'')
					k++;
				else
					break;
			}
		}
		if (k >= end)
			return 0;
		k++;
	} else if (s[k] == '|' || s[k] == '>' || s[k] == '[' || s[k] == '{') {
		return 0;
	} else {
		/* A plain scalar ends where " #" begins. */
		while (k < end && !(s[k] == '#' && (s[k - 1] == ' ' ||
						    s[k - 1] == '\t')))
			k++;
		while (k > v && (s[k - 1] == ' ' || s[k - 1] == '\t'))
			k--;
	}
	*from = k;
	while (k < end && (s[k] == ' ' || s[k] == '\t'))
		k++;
	if (k >= end || s[k] != '#' || k == *from)
		return 0;
	return end - *from;
}

/* Columns of blanks before the "-" of the line of a block sequence's
 * first item, or -1 when that line does not begin so. */
static long dash_indent(const struct rec_text *t, size_t i)
{
	size_t k = line_start(t, i);

	while (k < t->at[i + 1] && t->s[k] == ' ')
		k++;
	if (k < t->at[i + 1] && t->s[k] == '-')
		return (long)(k - line_start(t, i));
	return -1;
}

struct field {
	size_t line;       /* of its key, 0-based in the record */
	size_t end;        /* first line after its span */
	size_t next;       /* first line after its gap */
};

/* The items of new past those of old, as lines "- ...", indented by ind;
 * 0, or 1 when the emitter does not write them as a block. */
static int put_grown(struct qf_buf *out, const struct qf_node *key,
		     const struct qf_node *old, const struct qf_node *new,
		     long ind, int crlf, struct qf_error *err, int *rc)
{
	struct qf_node tail = { .kind = QF_NODE_SEQ, .n = new->n - old->n,
				.cap = new->n - old->n,
				.items = new->items + old->n };
	char *s, *p;
	size_t len;

	if ((*rc = emit_field(key, &tail, &s, &len, err)))
		return 1;
	p = memchr(s, '\n', len);
	if (!p || p[1] != '-' || (size_t)(p - s) + 1 >= len) {
		free(s);
		return 1;
	}
	for (char *l = p + 1; l < s + len;) {
		char *nl = memchr(l, '\n', (size_t)(s + len - l));
		size_t n = nl ? (size_t)(nl - l) + 1 : (size_t)(s + len - l);
		qf_buf_spaces(out, (size_t)ind);
		put_lines(out, l, n, crlf);
		l += n;
	}
	free(s);
	return 0;
}

/* Write field i of new (key k, value v; j its index in old, or -1). */
static int put_field(struct qf_buf *out, const struct rec_text *t,
		     unsigned first_line, const struct qf_node *old,
		     const struct field *f, long j, const struct qf_node *k,
		     const struct qf_node *v, struct qf_error *err)
{
	const struct qf_node *ov = j >= 0 ? old->items[j] : NULL;
	char *s;
	size_t len, from = 0, clen = 0;
	int rc;

	if (ov && qf_node_equal(ov, v)) {
		put_old(out, t, f[j].line, f[j].end, line_start(t, f[j].line));
		return QF_OK;
	}
	if (ov && ov->kind == QF_NODE_SEQ && v->kind == QF_NODE_SEQ &&
	    ov->n > 0 && ov->n < v->n &&
	    ov->items[0]->line > old->keys[j]->line) {
		size_t i0 = ov->items[0]->line - first_line;
		long ind = i0 < t->n ? dash_indent(t, i0) : -1;
		size_t same = 0;

		while (same < ov->n && qf_node_equal(ov->items[same],
						     v->items[same]))
			same++;
		if (same == ov->n && ind >= 0) {
			size_t mark = out->len;
			put_old(out, t, f[j].line, f[j].end,
				line_start(t, f[j].line));
			if (!put_grown(out, k, ov, v, ind, t->crlf, err, &rc))
				return QF_OK;
			if (rc)
				return rc;
			out->len = mark;        /* write it whole instead */
			if (out->s)
				out->s[mark] = '\0';
		}
	}
	if ((rc = emit_field(k, v, &s, &len, err)))
		return rc;
	if (ov && f[j].end == f[j].line + 1 && ov->line == old->keys[j]->line)
		clen = line_comment(t, f[j].line, ov, &from);
	if (clen && len > 0 && memchr(s, '\n', len) == s + len - 1) {
		qf_buf_put(out, s, len - 1);
		qf_buf_put(out, t->s + from, clen);
		qf_buf_puts(out, t->crlf ? "\r\n" : "\n");
	} else {
		put_lines(out, s, len, t->crlf);
	}
	free(s);
	return QF_OK;
}

static long old_index(const struct qf_node *old, const struct qf_node *key)
{
	for (size_t j = 0; j < old->n; j++)
		if (qf_node_equal(old->keys[j], key))
			return (long)j;
	return -1;
}

/* The spliced text, or 1 when the old text is not laid out so that it
 * can be followed. */
static int splice(const struct rec_text *t, unsigned first_line,
		  const struct qf_node *old, const struct qf_node *new,
		  struct qf_buf *out, struct qf_error *err, int *rc)
{
	struct field *f;
	size_t m = old->n;
	long jn = 0;

	*rc = QF_OK;
	if (m == 0 || new->kind != QF_NODE_MAP || new->n == 0)
		return 1;
	if (!(f = calloc(m, sizeof *f))) {
		*rc = qf_error_oom(err);
		return 1;
	}
	for (size_t j = 0; j < m; j++) {
		const struct qf_node *k = old->keys[j];
		if (k->line < first_line || k->col != 1 ||
		    k->line - first_line >= t->n ||
		    (j > 0 && k->line - first_line <= f[j - 1].line))
			goto decline;
		f[j].line = k->line - first_line;
	}
	for (size_t j = 0; j < m; j++) {
		const struct qf_node *v = old->items[j];
		size_t next = j + 1 < m ? f[j + 1].line : t->n, e = next;
		size_t vo;
		/* A block scalar's last lines are its own, even blank ones. */
		int block = v->kind == QF_NODE_SCALAR && v->line &&
			    v->line - first_line < t->n &&
			    (vo = col_offset(t, v->line - first_line, v->col)) !=
			    (size_t)-1 && (t->s[vo] == '|' || t->s[vo] == '>');
		while (!block && e > f[j].line + 1 && gap_line(t, e - 1))
			e--;
		f[j].end = e;
		f[j].next = next;
	}
	put_old(out, t, 0, f[0].line, 0);
	if (f[0].line == 0)
		qf_buf_put(out, t->s, t->body);
	for (size_t i = 0; i < new->n; i++) {
		long j = old_index(old, new->keys[i]);
		if (j >= 0 && j < jn)
			goto decline;   /* moved: write it whole */
		for (; j >= 0 && jn < j; jn++)   /* removed: their gaps stay */
			put_old(out, t, f[jn].end, f[jn].next, t->at[f[jn].end]);
		if ((*rc = put_field(out, t, first_line, old, f, j, new->keys[i],
				     new->items[i], err)))
			goto decline;
		if (j >= 0) {
			/* Its gap waits for the new fields that follow it. */
			size_t k = i + 1;
			while (k < new->n && old_index(old, new->keys[k]) < 0) {
				if ((*rc = put_field(out, t, first_line, old,
						     f, -1,
						     new->keys[k],
						     new->items[k], err)))
					goto decline;
				k++;
			}
			put_old(out, t, f[j].end, f[j].next, t->at[f[j].end]);
			jn = j + 1;
			i = k - 1;
		}
	}
	for (; (size_t)jn < m; jn++)
		put_old(out, t, f[jn].end, f[jn].next, t->at[f[jn].end]);
	free(f);
	return 0;
decline:
	free(f);
	return 1;
}

/* Does text read back as one document equal to want? */
static int reads_as(const char *text, size_t len, const struct qf_node *want)
{
	struct qf_reader *r;
	struct qf_doc doc, more;
	struct qf_error e;
	int same = 0;

	if (qf_reader_open_mem(&r, text, len, "splice", &e))
		return 0;
	if (qf_reader_next(r, &doc, &e) == 1) {
		same = qf_node_equal(doc.root, want);
		qf_doc_release(&doc);
		if (same && qf_reader_next(r, &more, &e) != 0) {
			same = 0;
			qf_doc_release(&more);
		}
	}
	qf_reader_free(r);
	return same;
}

int qf_splice_record(const char *text, size_t len, unsigned first_line,
		     const struct qf_node *old, const struct qf_node *new,
		     struct qf_buf *out, int *kept, struct qf_error *err)
{
	struct rec_text t = { 0 };
	size_t mark = out->len;
	char *s;
	size_t slen;
	int rc = QF_OK;

	*kept = 0;
	if (split_lines(&t, text, len)) {
		free(t.at);
		return qf_error_oom(err);
	}
	if (t.n > 0 && old && old->kind == QF_NODE_MAP &&
	    !splice(&t, first_line, old, new, out, err, &rc) && !out->oom &&
	    reads_as(out->s + mark, out->len - mark, new)) {
		free(t.at);
		*kept = 1;
		return QF_OK;
	}
	free(t.at);
	if (out->oom)
		return qf_error_oom(err);
	if (rc)
		return rc;
	/* Whole, as the emitter writes it, with the old line ends. */
	out->len = mark;
	if (out->s)
		out->s[mark] = '\0';
	if ((rc = qf_yaml_emit(new, &s, &slen, err)))
		return rc;
	if (t.body)
		qf_buf_put(out, BOM, 3);
	put_lines(out, s, slen, t.crlf);
	free(s);
	return out->oom ? qf_error_oom(err) : QF_OK;
}
