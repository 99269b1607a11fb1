/* yaml_read.c - read records from a YAML stream on libyaml's event API.
 *
 * One qf_node tree is built per document; nothing else is kept, so a file
 * of any number of records is read in constant memory.  libyaml's document
 * loader is not used: it would accept anchors, aliases and unbounded
 * nesting, which records never need.
 *
 * Positions: libyaml marks are 0-based; nodes and errors are 1-based.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yaml.h>

#include "i18n.h"
#include "qf/yaml.h"

#define STR_TAG "tag:yaml.org,2002:str"

/* Maps with more keys than this look up duplicate keys in a hash table. */
#define KEYSET_MIN 16

struct qf_reader {
	yaml_parser_t parser;
	FILE *fp;		/* NULL when reading from memory */
	const char *buf;	/* memory input (not owned) */
	size_t len;
	char *name;		/* what messages call the input; owned */
	size_t nread;		/* bytes read from fp */
	int read_errno;		/* errno of a failed read, or 0 */
	int too_large;		/* the file grew beyond QF_YAML_MAX_FILE */
	size_t pos;		/* memory input: bytes handed to libyaml */
	int prev_cr;		/* the last byte handed over was a CR */
	size_t lone_cr;		/* offset + 1 of a CR not followed by LF */
	int ended;		/* STREAM_END seen */
	int failed;		/* an error was returned: unusable */
	struct qf_pool *pool;	/* qf_reader_pool: documents are built here */
	int is_fd, fd;		/* qf_reader_open_fd: read with pread */
	size_t limit;		/* its bytes */
};

/* Open-addressing set of indexes into a map's keys, for duplicate keys. */
struct keyset {
	size_t *slot;		/* index + 1; 0 when empty */
	size_t cap;		/* power of two, or 0 */
	size_t count;		/* how many of the map's keys are inserted */
};

struct frame {
	struct qf_node *node;	/* SEQ or MAP being built; owned */
	struct qf_node *key;	/* MAP: key waiting for its value; owned */
	int flow;		/* flow style ([...] or {...}) */
	struct keyset ks;
};

struct build {
	struct frame stack[QF_YAML_MAX_DEPTH];
	int depth;
	struct qf_node *root;
	int has_root;
	unsigned first_line, last_line;
};

/* Line ends are LF or CR LF.  A CR alone (old Mac files) is a line break
 * to libyaml but not to the line-based rewrite, which would then cut the
 * wrong lines: such input is refused.  n bytes at offset at; n == 0 at the
 * end.  Returns 0 when a lone CR is found (r->lone_cr set). */
static int scan_cr(struct qf_reader *r, const unsigned char *s, size_t n,
		   size_t at)
{
	const unsigned char *p = s, *end = s + n, *q;

	if (n == 0) {
		if (r->prev_cr) {
			r->lone_cr = at;
			return 0;
		}
		return 1;
	}
	if (r->prev_cr && s[0] != '\n') {
		r->lone_cr = at;            /* the CR's offset + 1 */
		return 0;
	}
	r->prev_cr = 0;
	/* memchr, not a loop over every byte: CRs are rare. */
	while ((q = memchr(p, '\r', (size_t)(end - p)))) {
		if (q + 1 == end) {
			r->prev_cr = 1;
			break;
		}
		if (q[1] != '\n') {
			r->lone_cr = at + (size_t)(q - s) + 1;
			return 0;
		}
		p = q + 2;
	}
	return 1;
}

/* libyaml's read handler over r->fp: counts bytes so that a file that
 * grows, or is not a regular file, still cannot exceed QF_YAML_MAX_FILE. */
static int read_file(void *data, unsigned char *buf, size_t size,
		     size_t *size_read)
{
	struct qf_reader *r = data;
	size_t n;

	errno = 0;
	n = fread(buf, 1, size, r->fp);
	if (n < size && ferror(r->fp)) {
		r->read_errno = errno ? errno : EIO;
		return 0;
	}
	if (!scan_cr(r, buf, n, r->nread))
		return 0;
	r->nread += n;
	if (r->nread > QF_YAML_MAX_FILE) {
		r->too_large = 1;
		return 0;
	}
	*size_read = n;
	return 1;
}

/* The same over the first limit bytes of a descriptor, with pread, so
 * that the descriptor's offset is nobody's business. */
static int read_fd(void *data, unsigned char *buf, size_t size,
		   size_t *size_read)
{
	struct qf_reader *r = data;
	size_t left = r->limit - r->nread;
	ssize_t n;

	if (size > left)
		size = left;
	do
		n = size ? pread(r->fd, buf, size, (off_t)r->nread) : 0;
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		r->read_errno = errno;
		return 0;
	}
	if (!scan_cr(r, buf, (size_t)n, r->nread))
		return 0;
	r->nread += (size_t)n;
	*size_read = (size_t)n;
	return 1;
}

/* The same over memory. */
static int read_mem(void *data, unsigned char *buf, size_t size,
		    size_t *size_read)
{
	struct qf_reader *r = data;
	size_t n = r->len - r->pos < size ? r->len - r->pos : size;

	memcpy(buf, r->buf + r->pos, n);
	if (!scan_cr(r, buf, n, r->pos))
		return 0;
	r->pos += n;
	*size_read = n;
	return 1;
}

/* Where libyaml's byte offset lies, counted as libyaml counts marks: line
 * breaks are CR LF, CR, LF, NEL, LS and PS; columns are characters; a
 * leading UTF-8 BOM is not counted. */
struct pos {
	size_t at;		/* bytes seen */
	unsigned line, col;	/* 0-based */
	unsigned char b1, b2;	/* the two previous bytes */
};

static void pos_feed(struct pos *p, const unsigned char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++, p->at++) {
		unsigned char c = s[i];

		if (p->at < 3 && c == (unsigned char)"\xef\xbb\xbf"[p->at] &&
		    (p->at == 0 || (p->b1 == 0xef && p->at == 1) ||
		     (p->b2 == 0xef && p->b1 == 0xbb && p->at == 2))) {
			/* part of a leading BOM: not a column */
		} else if (c == '\n') {
			if (p->b1 != '\r') {
				p->line++;
				p->col = 0;
			}
		} else if (c == '\r') {
			p->line++;
			p->col = 0;
		} else if ((c == 0x85 && p->b1 == 0xc2) ||
			   ((c == 0xa8 || c == 0xa9) && p->b1 == 0x80 &&
			    p->b2 == 0xe2)) {
			p->line++;
			p->col = 0;
		} else if ((c & 0xc0) != 0x80) {
			p->col++;
		}
		p->b2 = p->b1;
		p->b1 = c;
	}
}

/* Position of byte offset off of the input. */
static void offset_position(struct qf_reader *r, size_t off, unsigned *line,
			    unsigned *col)
{
	struct pos p;

	memset(&p, 0, sizeof(p));
	if (r->is_fd) {
		unsigned char chunk[8192];

		if (off > r->limit)
			off = r->limit;
		while (p.at < off) {
			size_t want = off - p.at;
			ssize_t n;

			if (want > sizeof(chunk))
				want = sizeof(chunk);
			n = pread(r->fd, chunk, want, (off_t)p.at);
			if (n <= 0)
				break;
			pos_feed(&p, chunk, (size_t)n);
		}
	} else if (!r->fp) {
		pos_feed(&p, (const unsigned char *)r->buf,
			 off < r->len ? off : r->len);
	} else if (fseek(r->fp, 0, SEEK_SET) == 0) {
		unsigned char chunk[8192];

		while (p.at < off) {
			size_t want = off - p.at;
			size_t n;

			if (want > sizeof(chunk))
				want = sizeof(chunk);
			n = fread(chunk, 1, want, r->fp);
			if (n == 0)
				break;
			pos_feed(&p, chunk, n);
		}
	} else {
		*line = 0;
		*col = 0;
		return;
	}
	*line = p.line + 1;
	*col = p.col + 1;
}

static int fail(struct qf_reader *r, struct qf_error *err, int code,
		const yaml_mark_t *mark, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Set err (QF_EDATA and the like) at mark, mark the reader unusable and
 * return -1. */
static int fail(struct qf_reader *r, struct qf_error *err, int code,
		const yaml_mark_t *mark, const char *fmt, ...)
{
	char msg[QF_ERR_MSG_MAX];
	va_list ap;

	r->failed = 1;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	qf_error_set(err, code, r->name, mark ? (unsigned)mark->line + 1 : 0,
		     mark ? (unsigned)mark->column + 1 : 0, "%s", msg);
	return -1;
}

static int fail_oom(struct qf_reader *r, struct qf_error *err)
{
	r->failed = 1;
	qf_error_set(err, QF_ESOFTWARE, r->name, 0, 0, _("out of memory"));
	return -1;
}

/* Turn libyaml's error into ours. */
static int parser_error(struct qf_reader *r, struct qf_error *err)
{
	const yaml_parser_t *p = &r->parser;
	const char *problem = p->problem ? p->problem : _("unknown error");
	unsigned line, col;

	r->failed = 1;
	switch (p->error) {
	case YAML_MEMORY_ERROR:
		return qf_error_set(err, QF_ESOFTWARE, r->name, 0, 0,
				    _("out of memory"));
	case YAML_READER_ERROR:
		if (r->read_errno)
			return qf_error_sys(err, QF_EIO, NULL, r->read_errno,
					    _("cannot read '%s'"), r->name);
		if (r->too_large)
			return qf_error_set(err, QF_EDATA, r->name, 0, 0,
					    _("file is larger than %u bytes"),
					    QF_YAML_MAX_FILE);
		if (r->lone_cr) {
			offset_position(r, r->lone_cr - 1, &line, &col);
			return qf_error_set(err, QF_EDATA, r->name, line, col,
					    _("a line ends in CR alone: line "
					      "ends must be LF or CR LF"));
		}
		offset_position(r, p->problem_offset, &line, &col);
		if (strstr(problem, "UTF-8") || strstr(problem, "UTF-16"))
			return qf_error_set(err, QF_EDATA, r->name, line, col,
					    _("not UTF-8 text: %s (0x%02x)"),
					    problem, (unsigned)p->problem_value);
		if (p->problem_value >= 0)
			return qf_error_set(err, QF_EDATA, r->name, line, col,
					    "%s (0x%02x)", problem,
					    (unsigned)p->problem_value);
		return qf_error_set(err, QF_EDATA, r->name, line, col, "%s",
				    problem);
	case YAML_SCANNER_ERROR:
	case YAML_PARSER_ERROR:
		line = (unsigned)p->problem_mark.line + 1;
		col = (unsigned)p->problem_mark.column + 1;
		if (!p->context)
			return qf_error_set(err, QF_EDATA, r->name, line, col,
					    "%s", problem);
		if (p->context_mark.line == p->problem_mark.line &&
		    p->context_mark.column == p->problem_mark.column)
			return qf_error_set(err, QF_EDATA, r->name, line, col,
					    "%s %s", problem, p->context);
		return qf_error_set(err, QF_EDATA, r->name, line, col,
				    _("%s %s at line %u, column %u"), problem,
				    p->context,
				    (unsigned)p->context_mark.line + 1,
				    (unsigned)p->context_mark.column + 1);
	default:
		return qf_error_set(err, QF_ESOFTWARE, r->name, 0, 0,
				    _("yaml parser error: %s"), problem);
	}
}

static int reader_new(struct qf_reader **out, const char *name,
		      struct qf_error *err)
{
	struct qf_reader *r = calloc(1, sizeof(*r));

	*out = NULL;
	if (!r)
		return qf_error_set(err, QF_ESOFTWARE, name, 0, 0,
				    _("out of memory"));
	r->name = strdup(name ? name : "");
	if (!r->name) {
		free(r);
		return qf_error_set(err, QF_ESOFTWARE, name, 0, 0,
				    _("out of memory"));
	}
	if (!yaml_parser_initialize(&r->parser)) {
		free(r->name);
		free(r);
		return qf_error_set(err, QF_ESOFTWARE, name, 0, 0,
				    _("out of memory"));
	}
	*out = r;
	return QF_OK;
}

int qf_reader_open(struct qf_reader **out, const char *path, const char *name,
		   struct qf_error *err)
{
	struct qf_reader *r;
	struct stat st;
	FILE *fp;
	int rc;

	*out = NULL;
	if (!name)
		name = path;
	fp = fopen(path, "rbe");
	if (!fp)
		return qf_error_sys(err, errno == ENOENT ? QF_ENOINPUT : QF_EIO,
				    NULL, errno, _("cannot open '%s'"), name);
	if (fstat(fileno(fp), &st) < 0) {
		rc = qf_error_sys(err, QF_EIO, NULL, errno, _("cannot stat '%s'"),
				  name);
		fclose(fp);
		return rc;
	}
	if (S_ISDIR(st.st_mode)) {
		fclose(fp);
		return qf_error_sys(err, QF_EIO, NULL, EISDIR,
				    _("cannot read '%s'"), name);
	}
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > QF_YAML_MAX_FILE) {
		fclose(fp);
		return qf_error_set(err, QF_EDATA, name, 0, 0,
				    _("file is larger than %u bytes"),
				    QF_YAML_MAX_FILE);
	}
	rc = reader_new(&r, name, err);
	if (rc) {
		fclose(fp);
		return rc;
	}
	r->fp = fp;
	yaml_parser_set_input(&r->parser, read_file, r);
	*out = r;
	return QF_OK;
}

int qf_reader_open_fd(struct qf_reader **out, int fd, size_t len,
		      const char *name, struct qf_error *err)
{
	struct qf_reader *r;
	int rc;

	*out = NULL;
	if (len > QF_YAML_MAX_FILE)
		return qf_error_set(err, QF_EDATA, name, 0, 0,
				    _("file is larger than %u bytes"),
				    QF_YAML_MAX_FILE);
	rc = reader_new(&r, name, err);
	if (rc)
		return rc;
	r->is_fd = 1;
	r->fd = fd;
	r->limit = len;
	yaml_parser_set_input(&r->parser, read_fd, r);
	*out = r;
	return QF_OK;
}

int qf_reader_open_mem(struct qf_reader **out, const char *buf, size_t len,
		       const char *name, struct qf_error *err)
{
	struct qf_reader *r;
	int rc;

	*out = NULL;
	if (len > QF_YAML_MAX_FILE)
		return qf_error_set(err, QF_EDATA, name, 0, 0,
				    _("input is larger than %u bytes"),
				    QF_YAML_MAX_FILE);
	rc = reader_new(&r, name, err);
	if (rc)
		return rc;
	r->buf = buf;
	r->len = len;
	yaml_parser_set_input(&r->parser, read_mem, r);
	*out = r;
	return QF_OK;
}

void qf_reader_free(struct qf_reader *r)
{
	if (!r)
		return;
	yaml_parser_delete(&r->parser);
	qf_pool_free(r->pool);
	if (r->fp)
		fclose(r->fp);
	free(r->name);
	free(r);
}

int qf_reader_pool(struct qf_reader *r)
{
	if (!r->pool && !(r->pool = qf_pool_new()))
		return -1;
	return 0;
}

void qf_doc_release(struct qf_doc *doc)
{
	if (!doc)
		return;
	qf_node_free(doc->root);
	doc->root = NULL;
	doc->first_line = 0;
	doc->last_line = 0;
}

static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603u;	/* FNV-1a */
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211u;
	}
	return h;
}

static int same_key(const struct qf_node *a, const struct qf_node *b)
{
	return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
}

/* Insert map->keys[i] into ks (which has room). */
static void keyset_put(struct keyset *ks, const struct qf_node *map, size_t i)
{
	const struct qf_node *k = map->keys[i];
	size_t j = (size_t)hash_bytes(k->str, k->len) & (ks->cap - 1);

	while (ks->slot[j])
		j = (j + 1) & (ks->cap - 1);
	ks->slot[j] = i + 1;
}

/* Does map already hold key?  Returns 1 yes, 0 no, -1 out of memory. */
static int has_key(struct frame *f, const struct qf_node *key)
{
	const struct qf_node *map = f->node;
	struct keyset *ks = &f->ks;
	size_t i, j;

	if (map->n <= KEYSET_MIN) {
		for (i = 0; i < map->n; i++)
			if (same_key(map->keys[i], key))
				return 1;
		return 0;
	}
	if (map->n * 2 >= ks->cap) {
		size_t cap = ks->cap ? ks->cap : 64;
		size_t *slot;

		while (map->n * 2 >= cap)
			cap *= 2;
		slot = calloc(cap, sizeof(*slot));
		if (!slot)
			return -1;
		free(ks->slot);
		ks->slot = slot;
		ks->cap = cap;
		ks->count = 0;
	}
	for (; ks->count < map->n; ks->count++)
		keyset_put(ks, map, ks->count);
	j = (size_t)hash_bytes(key->str, key->len) & (ks->cap - 1);
	for (; ks->slot[j]; j = (j + 1) & (ks->cap - 1))
		if (same_key(map->keys[ks->slot[j] - 1], key))
			return 1;
	return 0;
}

static void build_release(struct build *b)
{
	int i;

	for (i = 0; i < b->depth; i++) {
		qf_node_free(b->stack[i].node);
		qf_node_free(b->stack[i].key);
		free(b->stack[i].ks.slot);
	}
	b->depth = 0;
	qf_node_free(b->root);
	b->root = NULL;
}

/* Count a line that holds content.  An end mark at column 0 lies just
 * past a line break: the content ended on the line before. */
static void note_end(struct build *b, const yaml_mark_t *m)
{
	unsigned line = (unsigned)m->line + 1;

	if (m->column == 0 && m->line > 0)
		line--;
	if (line > b->last_line)
		b->last_line = line;
}

/* A literal block scalar keeps its lines: its last content line is the
 * indicator's line plus the lines of its value.  (The end mark would
 * also take in the blank lines after it, which clip and strip drop.) */
static void note_literal(struct build *b, const yaml_event_t *ev)
{
	const unsigned char *s = ev->data.scalar.value;
	size_t n = ev->data.scalar.length, i;
	unsigned lines = 0, line;
	int ends_broken = 0;

	for (i = 0; i < n; i++) {
		ends_broken = 0;
		if (s[i] == '\n') {
			lines++;
			ends_broken = 1;
		} else if (s[i] == 0xe2 && i + 2 < n && s[i + 1] == 0x80 &&
			   (s[i + 2] == 0xa8 || s[i + 2] == 0xa9)) {
			lines++;
			ends_broken = 1;
			i += 2;
		}
	}
	if (n > 0 && !ends_broken)
		lines++;
	line = (unsigned)ev->start_mark.line + 1 + lines;
	if (line > b->last_line)
		b->last_line = line;
}

static void note_start(struct build *b, const yaml_mark_t *m)
{
	if (!b->first_line)
		b->first_line = (unsigned)m->line + 1;
}

/* A key may hold anything: show it escaped and cut short, whole UTF-8
 * characters only, in buf of size n (at least 16). */
static void show_key(const struct qf_node *k, char *buf, size_t n)
{
	size_t i = 0, j = 0;

	while (i < k->len) {
		unsigned char c = (unsigned char)k->str[i];
		size_t w = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;

		if (c < 0x20 || c == 0x7f || c == '\'' || c == '\\')
			w = 4;
		if (j + w + 4 > n) {
			memcpy(buf + j, "...", 3);
			j += 3;
			break;
		}
		if (w == 4 && c < 0x80) {
			snprintf(buf + j, n - j, "\\x%02x", c);
			i++;
		} else {
			if (i + w > k->len)
				w = k->len - i;
			memcpy(buf + j, k->str + i, w);
			i += w;
		}
		j += w;
	}
	buf[j] = '\0';
}

/* Place a finished node: as the root, a sequence item, a key or a value. */
static int attach(struct qf_reader *r, struct build *b, struct qf_node *n,
		  const yaml_mark_t *mark, struct qf_error *err)
{
	struct frame *f;
	char shown[80];
	int rc;

	if (b->depth == 0) {
		b->root = n;
		b->has_root = 1;
		return 0;
	}
	f = &b->stack[b->depth - 1];
	if (f->node->kind == QF_NODE_SEQ) {
		if ((r->pool ? qf_pool_append(r->pool, f->node, NULL, n) :
			       qf_node_seq_append(f->node, n)) < 0) {
			qf_node_free(n);
			return fail_oom(r, err);
		}
		return 0;
	}
	if (f->key) {
		if ((r->pool ? qf_pool_append(r->pool, f->node, f->key, n) :
			       qf_node_map_append(f->node, f->key, n)) < 0) {
			qf_node_free(n);
			return fail_oom(r, err);
		}
		f->key = NULL;
		return 0;
	}
	/* n is a key; the caller has made sure that it is a scalar. */
	rc = has_key(f, n);
	if (rc < 0) {
		qf_node_free(n);
		return fail_oom(r, err);
	}
	if (rc) {
		show_key(n, shown, sizeof(shown));
		qf_node_free(n);
		return fail(r, err, QF_EDATA, mark, _("duplicate key '%s'"),
			    shown);
	}
	f->key = n;
	return 0;
}

static int check_props(struct qf_reader *r, const yaml_event_t *ev,
		       const yaml_char_t *anchor, const yaml_char_t *tag,
		       int str_ok, struct qf_error *err)
{
	if (anchor)
		return fail(r, err, QF_EDATA, &ev->start_mark,
			    _("anchors are not allowed"));
	if (tag && !(str_ok && strcmp((const char *)tag, STR_TAG) == 0))
		return fail(r, err, QF_EDATA, &ev->start_mark,
			    _("tags are not allowed"));
	return 0;
}

static int on_scalar(struct qf_reader *r, struct build *b,
		     const yaml_event_t *ev, struct qf_error *err)
{
	const char *s = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	yaml_scalar_style_t style = ev->data.scalar.style;
	enum qf_stype t;
	struct qf_node *n;

	if (check_props(r, ev, ev->data.scalar.anchor, ev->data.scalar.tag, 1,
			err))
		return -1;
	if (len > QF_YAML_MAX_SCALAR)
		return fail(r, err, QF_EDATA, &ev->start_mark,
			    _("value is longer than %u bytes"),
			    QF_YAML_MAX_SCALAR);
	if (memchr(s, '\0', len))
		return fail(r, err, QF_EDATA, &ev->start_mark,
			    _("value holds a NUL character"));
	/* "---" alone: libyaml gives an empty plain scalar of no width. */
	if (b->depth == 0 && len == 0 && style == YAML_PLAIN_SCALAR_STYLE &&
	    !ev->data.scalar.tag &&
	    ev->start_mark.index == ev->end_mark.index) {
		b->has_root = 1;
		return 0;
	}
	if (style == YAML_PLAIN_SCALAR_STYLE && !ev->data.scalar.tag)
		t = qf_stype_resolve(s, len);
	else
		t = QF_STYPE_STR;
	n = r->pool ? qf_pool_scalar(r->pool, s, len, t) :
		      qf_node_new_scalar_len(s, len, t);
	if (!n)
		return fail_oom(r, err);
	n->line = (unsigned)ev->start_mark.line + 1;
	n->col = (unsigned)ev->start_mark.column + 1;
	note_start(b, &ev->start_mark);
	if (style == YAML_LITERAL_SCALAR_STYLE)
		note_literal(b, ev);
	else
		note_end(b, &ev->end_mark);
	return attach(r, b, n, &ev->start_mark, err);
}

static int on_start(struct qf_reader *r, struct build *b,
		    const yaml_event_t *ev, struct qf_error *err)
{
	int is_map = ev->type == YAML_MAPPING_START_EVENT;
	const yaml_char_t *anchor = is_map ? ev->data.mapping_start.anchor :
					     ev->data.sequence_start.anchor;
	const yaml_char_t *tag = is_map ? ev->data.mapping_start.tag :
					  ev->data.sequence_start.tag;
	struct frame *f;

	if (check_props(r, ev, anchor, tag, 0, err))
		return -1;
	if (b->depth > 0) {
		f = &b->stack[b->depth - 1];
		if (f->node->kind == QF_NODE_MAP && !f->key)
			return fail(r, err, QF_EDATA, &ev->start_mark,
				    _("keys must be scalars"));
	}
	if (b->depth >= QF_YAML_MAX_DEPTH)
		return fail(r, err, QF_EDATA, &ev->start_mark,
			    _("nested deeper than %d levels"),
			    QF_YAML_MAX_DEPTH);
	f = &b->stack[b->depth];
	memset(f, 0, sizeof(*f));
	if (r->pool)
		f->node = qf_pool_collection(r->pool, is_map ? QF_NODE_MAP :
							       QF_NODE_SEQ);
	else
		f->node = is_map ? qf_node_new_map() : qf_node_new_seq();
	if (!f->node)
		return fail_oom(r, err);
	f->flow = is_map ?
		ev->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE :
		ev->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
	f->node->line = (unsigned)ev->start_mark.line + 1;
	f->node->col = (unsigned)ev->start_mark.column + 1;
	b->depth++;
	note_start(b, &ev->start_mark);
	return 0;
}

static int on_end(struct qf_reader *r, struct build *b, const yaml_event_t *ev,
		  struct qf_error *err)
{
	struct frame *f = &b->stack[b->depth - 1];
	struct qf_node *n = f->node;
	yaml_mark_t start;

	if (f->flow)
		note_end(b, &ev->end_mark);
	/* libyaml always pairs keys with values; be safe anyway. */
	qf_node_free(f->key);
	free(f->ks.slot);
	memset(f, 0, sizeof(*f));
	b->depth--;
	memset(&start, 0, sizeof(start));
	start.line = n->line - 1;
	start.column = n->col - 1;
	return attach(r, b, n, &start, err);
}

/* Handle one event.  Returns 0 to go on, 1 at the end of a document, 2 at
 * the end of the stream, -1 on error. */
static int on_event(struct qf_reader *r, struct build *b,
		    const yaml_event_t *ev, struct qf_error *err)
{
	switch (ev->type) {
	case YAML_STREAM_START_EVENT:
		if (ev->data.stream_start.encoding != YAML_UTF8_ENCODING &&
		    ev->data.stream_start.encoding != YAML_ANY_ENCODING)
			return fail(r, err, QF_EDATA, &ev->start_mark,
				    _("not UTF-8 text"));
		return 0;
	case YAML_STREAM_END_EVENT:
		r->ended = 1;
		return 2;
	case YAML_DOCUMENT_START_EVENT:
		if (!ev->data.document_start.implicit)
			b->first_line = (unsigned)ev->start_mark.line + 1;
		return 0;
	case YAML_DOCUMENT_END_EVENT:
		return 1;
	case YAML_ALIAS_EVENT:
		return fail(r, err, QF_EDATA, &ev->start_mark,
			    _("aliases are not allowed"));
	case YAML_SCALAR_EVENT:
		return on_scalar(r, b, ev, err);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		return on_start(r, b, ev, err);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		if (b->depth == 0)
			return fail(r, err, QF_ESOFTWARE, &ev->start_mark,
				    _("unbalanced yaml events"));
		return on_end(r, b, ev, err);
	default:
		return 0;
	}
}

int qf_reader_next(struct qf_reader *r, struct qf_doc *doc,
		   struct qf_error *err)
{
	struct build b;
	int rc;

	memset(doc, 0, sizeof(*doc));
	if (r->failed) {
		qf_error_set(err, QF_ESOFTWARE, r->name, 0, 0,
			     _("reader used after an error"));
		return -1;
	}
	if (r->ended)
		return 0;
	qf_pool_reset(r->pool);
	memset(&b, 0, sizeof(b));
	for (;;) {
		yaml_event_t ev;

		if (!yaml_parser_parse(&r->parser, &ev)) {
			parser_error(r, err);
			build_release(&b);
			return -1;
		}
		rc = on_event(r, &b, &ev, err);
		yaml_event_delete(&ev);
		if (rc < 0) {
			build_release(&b);
			return -1;
		}
		if (rc == 2) {
			build_release(&b);
			return 0;
		}
		if (rc == 1)
			break;
	}
	doc->root = b.root;
	doc->first_line = b.first_line;
	doc->last_line = b.last_line;
	if (doc->last_line < doc->first_line)
		doc->last_line = doc->first_line;
	return 1;
}

int qf_yaml_load_one(const char *path, struct qf_node **root,
		     struct qf_error *err)
{
	struct qf_reader *r;
	struct qf_doc doc, extra;
	int rc;

	*root = NULL;
	rc = qf_reader_open(&r, path, NULL, err);
	if (rc)
		return rc;
	rc = qf_reader_next(r, &doc, err);
	if (rc < 0) {
		qf_reader_free(r);
		return err->code;
	}
	if (rc == 0) {
		qf_reader_free(r);
		return qf_error_set(err, QF_EDATA, path, 0, 0,
				    _("no document in file"));
	}
	rc = qf_reader_next(r, &extra, err);
	if (rc != 0) {
		if (rc > 0) {
			qf_error_set(err, QF_EDATA, path, extra.first_line, 0,
				     _("more than one document in file"));
			qf_doc_release(&extra);
		}
		qf_doc_release(&doc);
		qf_reader_free(r);
		return err->code;
	}
	qf_reader_free(r);
	*root = doc.root;
	return QF_OK;
}
