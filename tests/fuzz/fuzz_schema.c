/* fuzz_schema.c - libFuzzer harness: any YAML document validated against
 * the demand schema (the largest), references included. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "qf/schema.h"
#include "qf/yaml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct qf_schema *schema;

static int exists(const char *type, const char *id, void *ud)
{
	(void)type;
	(void)ud;
	return id[0] == 'F';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct qf_reader *r;
	struct qf_doc doc;
	struct qf_error err;
	struct qf_diags d;

	if (!schema &&
	    qf_schema_load(QF_FUZZ_SOURCE_DIR "/schemas/demand.yaml", &schema, &err))
		abort();
	if (qf_reader_open_mem(&r, (const char *)data, size, "fuzz", &err))
		return 0;
	while (qf_reader_next(r, &doc, &err) == 1) {
		if (doc.root) {
			qf_diags_init(&d);
			qf_schema_validate(schema, doc.root, "fuzz", exists, NULL, &d);
			qf_diags_release(&d);
		}
		qf_doc_release(&doc);
	}
	qf_reader_free(r);
	return 0;
}
