/* fuzz_csvin.c - libFuzzer harness: reading other systems' CSV.
 *
 * Whatever bytes come, the reader fails cleanly or gives rows of valid
 * UTF-8 cells, on increasing lines within the file.  And what it read
 * comes back: the rows written out again as RFC 4180 (every field
 * quoted, quotes doubled) and read again are the same rows. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "qf/buf.h"
#include "qf/csvin.h"
#include "qf/error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int valid_utf8(const char *s)
{
	size_t len = strlen(s), i = 0;

	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
						      (utf8proc_ssize_t)(len - i), &cp);
		if (k <= 0)
			return 0;
		i += (size_t)k;
	}
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct qf_csv *c = NULL, *again = NULL;
	struct qf_error err;
	struct qf_buf out = { 0 };
	unsigned lines = 1, last = 0;

	if (qf_csv_parse("fuzz.csv", (const char *)data, size, NULL, &c, &err)) {
		if (c || !err.msg[0])
			abort();
		return 0;
	}
	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n' ||
			 (data[i] == '\r' && (i + 1 == size || data[i + 1] != '\n'));
	for (size_t r = 0; r < c->nrows; r++) {
		const struct qf_csv_row *row = &c->rows[r];
		int empty = 1;
		/* UTF-16 is converted first: its lines are the text's. */
		if (row->line <= last || (c->encoding[4] != '1' && row->line > lines))
			abort();
		last = row->line;
		for (size_t j = 0; j < row->n; j++) {
			if (!valid_utf8(row->cells[j]))
				abort();
			empty &= !row->cells[j][0];
			qf_buf_puts(&out, j ? ",\"" : "\"");
			for (const char *p = row->cells[j]; *p; p++) {
				if (*p == '"')
					qf_buf_putc(&out, '"');
				qf_buf_putc(&out, *p);
			}
			qf_buf_putc(&out, '"');
		}
		if (empty)
			abort();
		qf_buf_puts(&out, "\r\n");
	}
	if (out.oom)
		abort();
	/* A first cell of "PK\3\4..." would read as a workbook again.  Every
	 * cell is quoted, so tabs in them never make it tab-separated. */
	if (c->delim == ',' && (!out.s || memcmp(out.s, "\"PK", 3))) {
		if (qf_csv_parse("again.csv", out.s ? out.s : "", out.len, "utf-8",
				 &again, &err))
			abort();
		if (again->nrows != c->nrows)
			abort();
		for (size_t r = 0; r < c->nrows; r++) {
			if (again->rows[r].n != c->rows[r].n)
				abort();
			for (size_t j = 0; j < c->rows[r].n; j++)
				if (strcmp(again->rows[r].cells[j], c->rows[r].cells[j]))
					abort();
		}
		qf_csv_free(again);
	}
	qf_buf_release(&out);
	qf_csv_free(c);
	return 0;
}
