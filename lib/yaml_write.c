/* yaml_write.c - write a node tree as one YAML document with libyaml's
 * emitter.
 *
 * The output reads back (yaml_read.c) as an equal tree: every string that
 * the reader would resolve to another type is quoted.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>
#include <yaml.h>

#include "i18n.h"
#include "qf/buf.h"
#include "qf/yaml.h"

static int write_out(void *data, unsigned char *buf, size_t size)
{
	return qf_buf_put(data, (const char *)buf, size) == 0;
}

/* Plain words that YAML 1.1 readers (not ours) take for booleans: quoted
 * too, so that other tools read our strings as strings. */
static int yaml11_bool(const char *s, size_t len)
{
	static const char *const words[] = { "yes", "Yes", "YES", "no", "No",
		"NO", "on", "On", "ON", "off", "Off", "OFF", NULL };
	size_t i;

	for (i = 0; words[i]; i++)
		if (strlen(words[i]) == len && memcmp(words[i], s, len) == 0)
			return 1;
	return 0;
}

static int emit_event(yaml_emitter_t *em, yaml_event_t *ev,
		      struct qf_error *err)
{
	if (yaml_emitter_emit(em, ev))
		return 0;
	/* yaml_emitter_emit frees the event, also on failure. */
	if (em->error == YAML_MEMORY_ERROR)
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				    _("out of memory"));
	if (em->error == YAML_WRITER_ERROR)
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				    _("out of memory writing yaml"));
	return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
			    _("cannot emit yaml: %s"),
			    em->problem ? em->problem : _("unknown error"));
}

static int event_failed(const struct qf_node *n, struct qf_error *err)
{
	/* The event initializers fail on bad UTF-8 or out of memory. */
	if (n->kind == QF_NODE_SCALAR && n->str) {
		const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)n->str;
		size_t left = n->len;
		utf8proc_int32_t cp;

		while (left) {
			utf8proc_ssize_t k = utf8proc_iterate(p, (utf8proc_ssize_t)left, &cp);

			if (k <= 0)
				return qf_error_set(err, QF_EDATA, NULL, n->line,
						    n->col, _("cannot write value: "
						    "not UTF-8 text"));
			p += k;
			left -= (size_t)k;
		}
	}
	return qf_error_set(err, QF_ESOFTWARE, NULL, n->line, n->col,
			    _("out of memory"));
}

static int emit_scalar(yaml_emitter_t *em, const struct qf_node *n,
		       int in_flow, struct qf_error *err)
{
	yaml_scalar_style_t style = YAML_ANY_SCALAR_STYLE;
	const char *s = n->str ? n->str : "";
	size_t len = n->str ? n->len : 0;
	yaml_event_t ev;

	if (n->stype != QF_STYPE_STR) {
		/* As it is: 12, true, ~.  An empty null cannot be written
		 * plain inside [...], nor as a key. */
		style = YAML_PLAIN_SCALAR_STYLE;
		if (len == 0 && in_flow) {
			s = "null";
			len = 4;
		}
	} else if (len == 0 || qf_stype_resolve(s, len) != QF_STYPE_STR ||
		   yaml11_bool(s, len)) {
		style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	} else if (memchr(s, '\n', len)) {
		/* libyaml falls back to quotes when a literal block cannot
		 * hold the text (trailing spaces on a line, for one). */
		style = in_flow ? YAML_DOUBLE_QUOTED_SCALAR_STYLE :
				  YAML_LITERAL_SCALAR_STYLE;
	}
	if (!yaml_scalar_event_initialize(&ev, NULL, NULL,
					  (yaml_char_t *)(uintptr_t)s,
					  (int)len,
					  style == YAML_PLAIN_SCALAR_STYLE ||
					  style == YAML_ANY_SCALAR_STYLE,
					  n->stype == QF_STYPE_STR, style))
		return event_failed(n, err);
	return emit_event(em, &ev, err);
}

static int emit_node(yaml_emitter_t *em, const struct qf_node *n, int depth,
		     int in_flow, struct qf_error *err);

static int emit_seq(yaml_emitter_t *em, const struct qf_node *n, int depth,
		    struct qf_error *err)
{
	yaml_sequence_style_t style = YAML_FLOW_SEQUENCE_STYLE;
	yaml_event_t ev;
	size_t i;
	int rc;

	for (i = 0; i < n->n; i++)
		if (n->items[i]->kind != QF_NODE_SCALAR)
			style = YAML_BLOCK_SEQUENCE_STYLE;
	if (!yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, style))
		return event_failed(n, err);
	rc = emit_event(em, &ev, err);
	for (i = 0; !rc && i < n->n; i++)
		rc = emit_node(em, n->items[i], depth + 1,
			       style == YAML_FLOW_SEQUENCE_STYLE, err);
	if (rc)
		return rc;
	if (!yaml_sequence_end_event_initialize(&ev))
		return event_failed(n, err);
	return emit_event(em, &ev, err);
}

static int emit_map(yaml_emitter_t *em, const struct qf_node *n, int depth,
		    struct qf_error *err)
{
	yaml_event_t ev;
	size_t i;
	int rc;

	if (!yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
						 YAML_BLOCK_MAPPING_STYLE))
		return event_failed(n, err);
	rc = emit_event(em, &ev, err);
	for (i = 0; !rc && i < n->n; i++) {
		if (!n->keys[i] || n->keys[i]->kind != QF_NODE_SCALAR)
			return qf_error_set(err, QF_ESOFTWARE, NULL, n->line,
					    n->col, _("mapping key is not a scalar"));
		/* A key cannot be an empty plain scalar either. */
		rc = emit_scalar(em, n->keys[i], 1, err);
		if (!rc)
			rc = emit_node(em, n->items[i], depth + 1, 0, err);
	}
	if (rc)
		return rc;
	if (!yaml_mapping_end_event_initialize(&ev))
		return event_failed(n, err);
	return emit_event(em, &ev, err);
}

static int emit_node(yaml_emitter_t *em, const struct qf_node *n, int depth,
		     int in_flow, struct qf_error *err)
{
	if (!n)
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				    _("missing node in tree"));
	if (depth > QF_YAML_MAX_DEPTH)
		return qf_error_set(err, QF_EDATA, NULL, n->line, n->col,
				    _("nested deeper than %d levels"),
				    QF_YAML_MAX_DEPTH);
	switch (n->kind) {
	case QF_NODE_SCALAR:
		return emit_scalar(em, n, in_flow, err);
	case QF_NODE_SEQ:
		return emit_seq(em, n, depth, err);
	case QF_NODE_MAP:
		return emit_map(em, n, depth, err);
	}
	return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0, _("bad node kind"));
}

int qf_yaml_emit(const struct qf_node *root, char **out, size_t *len,
		 struct qf_error *err)
{
	yaml_emitter_t em;
	yaml_event_t ev;
	struct qf_buf o = QF_BUF_INIT;
	int rc;

	*out = NULL;
	*len = 0;
	if (!root)
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				    _("no document to write"));
	if (!yaml_emitter_initialize(&em))
		return qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				    _("out of memory"));
	yaml_emitter_set_output(&em, write_out, &o);
	yaml_emitter_set_unicode(&em, 1);
	yaml_emitter_set_width(&em, -1);
	yaml_emitter_set_indent(&em, 2);
	yaml_emitter_set_break(&em, YAML_LN_BREAK);

	if (!yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING))
		rc = event_failed(root, err);
	else
		rc = emit_event(&em, &ev, err);
	if (!rc) {
		if (!yaml_document_start_event_initialize(&ev, NULL, NULL,
							  NULL, 0))
			rc = event_failed(root, err);
		else
			rc = emit_event(&em, &ev, err);
	}
	if (!rc)
		rc = emit_node(&em, root, 1, 0, err);
	if (!rc) {
		if (!yaml_document_end_event_initialize(&ev, 1))
			rc = event_failed(root, err);
		else
			rc = emit_event(&em, &ev, err);
	}
	if (!rc) {
		if (!yaml_stream_end_event_initialize(&ev))
			rc = event_failed(root, err);
		else
			rc = emit_event(&em, &ev, err);
	}
	if (!rc && !yaml_emitter_flush(&em))
		rc = qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				  _("out of memory writing yaml"));
	yaml_emitter_delete(&em);
	if (!rc && (o.oom || !o.s))
		rc = qf_error_set(err, QF_ESOFTWARE, NULL, 0, 0,
				  _("out of memory"));
	if (rc) {
		qf_buf_release(&o);
		return rc;
	}
	*out = o.s;
	*len = o.len;
	return QF_OK;
}
