/* fuzz_reader.c - libFuzzer harness: any bytes through the record reader.
 * It must never crash, hang or leak, whatever the input; bad input gives
 * an error with a place. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "qf/yaml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct qf_reader *r;
	struct qf_doc doc;
	struct qf_error err;
	int got;

	if (qf_reader_open_mem(&r, (const char *)data, size, "fuzz", &err))
		return 0;
	while ((got = qf_reader_next(r, &doc, &err)) == 1) {
		/* Whatever was read must write back. */
		if (doc.root) {
			char *text;
			size_t len;
			if (qf_yaml_emit(doc.root, &text, &len, &err) == QF_OK)
				free(text);
		}
		qf_doc_release(&doc);
	}
	if (got < 0 && err.code == QF_OK)
		abort();        /* an error must say what it is */
	qf_reader_free(r);
	return 0;
}
