/* fuzz_splice.c - libFuzzer harness: any record through the rewrite that
 * keeps what its person wrote.  Every document read is changed as the
 * actions change a demand (a field set, one added, one removed, a log
 * entry appended) and spliced back: that must never crash or leak, and
 * what it gives must read back as the changed record, spliced or
 * written whole. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "qf/splice.h"
#include "qf/yaml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void change(struct qf_node *r)
{
	struct qf_node *log, *e;

	if (qf_node_map_set_str(r, "status", "resolved") ||
	    qf_node_map_set_str(r, "closed", "2023-05-20"))
		abort();
	if (r->n > 3)
		qf_node_map_del(r, r->keys[1]->str ? r->keys[1]->str : "");
	log = qf_node_get(r, "log");
	if (!log || log->kind != QF_NODE_SEQ) {
		if (!(log = qf_node_new_seq()) || qf_node_map_set(r, "log", log))
			abort();
	}
	if (!(e = qf_node_new_map()) ||
	    qf_node_map_set_str(e, "date", "2023-05-10") ||
	    qf_node_map_set_str(e, "note", "已了解 # 不是注释") ||
	    qf_node_seq_append(log, e))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct qf_reader *r;
	struct qf_doc doc;
	struct qf_error err;
	const char *text = (const char *)data;

	if (qf_reader_open_mem(&r, text, size, "fuzz", &err))
		return 0;
	/* The first document only: its text runs from the start to the
	 * end of its last line. */
	if (qf_reader_next(r, &doc, &err) == 1) {
		if (doc.root && doc.root->kind == QF_NODE_MAP) {
			struct qf_node *new = qf_node_clone(doc.root);
			struct qf_buf out = QF_BUF_INIT;
			size_t len = 0;
			unsigned line = 1;
			int kept;

			while (len < size && line <= doc.last_line)
				if (text[len++] == '\n')
					line++;
			if (!new)
				abort();
			change(new);
			if (qf_splice_record(text, len, 1, doc.root, new, &out,
					     &kept, &err) == QF_OK) {
				struct qf_reader *back;
				struct qf_doc d2;
				if (qf_reader_open_mem(&back, out.s, out.len,
						       "back", &err) ||
				    qf_reader_next(back, &d2, &err) != 1 ||
				    !qf_node_equal(d2.root, new))
					abort();
				qf_doc_release(&d2);
				qf_reader_free(back);
			}
			qf_buf_release(&out);
			qf_node_free(new);
		}
		qf_doc_release(&doc);
	}
	qf_reader_free(r);
	return 0;
}
