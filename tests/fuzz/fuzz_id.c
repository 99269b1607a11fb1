/* fuzz_id.c - libFuzzer harness: ID parsing.  Whatever parses must
 * format back to the same text, and never name a path outside its folder. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "qf/id.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char s[64], back[QF_ID_MAX];
	struct qf_id id;

	if (size >= sizeof s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (qf_id_parse(s, &id))
		return 0;
	if (qf_id_format(&id, back, sizeof back) || strcmp(back, s) ||
	    strchr(s, '/') || strstr(s, ".."))
		abort();
	return 0;
}
