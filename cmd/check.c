/* qf-check - report every problem in the store. */
#include <getopt.h>
#include <stdlib.h>

#include "common.h"
#include "qf/check.h"
#include "qf/text.h"

static const char *usage_text(void)
{
	return _("Usage: qf check [OPTION]...\n"
		 "Check every record of the store: YAML that does not parse, fields\n"
		 "that break the schemas, references to records that do not exist,\n"
		 "duplicate IDs, records in a file their ID does not name, and the\n"
		 "rules of the demand workflow.  Each problem is printed as\n"
		 "file:line:col: message.\n"
		 "\n"
		 "  -q, --quiet             print nothing; only the exit status tells\n"
		 "      --data DIR          the store (default: found from here, or $QF_DATA)\n"
		 "  -h, --help              show this help and exit\n"
		 "      --version           show the version and exit\n"
		 "\n"
		 "Exit status: 0 no problems, 1 problems found, 64 bad usage, 66 no\n"
		 "store, 78 bad qf.yaml or schemas.\n");
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	const char *data = NULL;
	struct qf_store *s;
	struct qf_diags d;
	struct qf_error err;
	size_t n, records = 0;
	int c, quiet = 0;

	cmd_init("qf-check");
	while ((c = getopt_long(argc, argv, "qh", opts, NULL)) != -1) {
		switch (c) {
		case 'q': quiet = 1; break;
		case 'h': usage(0, usage_text());
		case OPT_VERSION: version();
		case OPT_DATA: data = optarg; break;
		default: usage(QF_EUSAGE, NULL);
		}
	}
	no_operands(argc, argv);
	s = open_store(data);
	qf_diags_init(&d);
	qf_error_clear(&err);
	n = qf_check_store(s, &d, &records, &err);
	if (n == (size_t)-1)
		die_error(&err);
	if (d.lost)
		die(QF_ESOFTWARE, _("out of memory: %zu problems could not be listed"),
		    d.lost);
	for (size_t i = 0; i < d.n && !quiet; i++) {
		char *m = qf_text_escape(d.v[i].msg, 0);
		if (d.v[i].line)
			printf("%s:%u:%u: %s\n", d.v[i].file, d.v[i].line,
			       d.v[i].col, m ? m : "?");
		else
			printf("%s: %s\n", d.v[i].file ? d.v[i].file : "?",
			       m ? m : "?");
		free(m);
	}
	if (!quiet) {
		char what[128];

		snprintf(what, sizeof what,
			 ngettext("%zu record checked", "%zu records checked",
				  records), records);
		fprintf(stderr, "%s: %s, ", qf_prog, what);
		fprintf(stderr, ngettext("%zu problem\n", "%zu problems\n", n),
			n);
	}
	qf_diags_release(&d);
	qf_store_free(s);
	return n ? QF_EFAIL : 0;
}
