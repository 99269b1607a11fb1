/* scan.c - qf-bench-scan: the floor under every qf reader.
 *
 *   qf-bench-scan FILE...
 *
 * Parses each file with libyaml's event API, as lib/yaml_read.c does, and
 * keeps nothing: each event is counted and deleted.  Prints
 * "files F events E scalars S scalar_bytes B".  What a command takes beyond
 * this, on the same files, is the cost of its own work.
 *
 * Exit status: 0, 64 bad usage, 65 a file is not YAML, 66 a file cannot
 * be opened.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <yaml.h>

static int scan(const char *path, unsigned long long *events,
		unsigned long long *scalars, unsigned long long *bytes)
{
	yaml_parser_t p;
	yaml_event_t ev;
	FILE *f = fopen(path, "rb");
	int done = 0, rc = 0;

	if (!f) {
		fprintf(stderr, "qf-bench-scan: %s: %s\n", path, strerror(errno));
		return 66;
	}
	if (!yaml_parser_initialize(&p)) {
		fprintf(stderr, "qf-bench-scan: out of memory\n");
		fclose(f);
		return 70;
	}
	yaml_parser_set_input_file(&p, f);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			fprintf(stderr, "qf-bench-scan: %s:%lu:%lu: %s\n", path,
				(unsigned long)p.problem_mark.line + 1,
				(unsigned long)p.problem_mark.column + 1,
				p.problem ? p.problem : "parse error");
			rc = 65;
			break;
		}
		(*events)++;
		if (ev.type == YAML_SCALAR_EVENT) {
			(*scalars)++;
			*bytes += ev.data.scalar.length;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	if (ferror(f)) {
		fprintf(stderr, "qf-bench-scan: %s: read error\n", path);
		rc = 66;
	}
	fclose(f);
	return rc;
}

int main(int argc, char **argv)
{
	unsigned long long events = 0, scalars = 0, bytes = 0;
	int rc = 0;

	if (argc < 2 || !strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
		fputs("Usage: qf-bench-scan FILE...\n"
		      "Parse each YAML file with libyaml's event API, keeping "
		      "nothing;\nprint how many events, scalars and scalar "
		      "bytes there were.\n", argc < 2 ? stderr : stdout);
		return argc < 2 ? 64 : 0;
	}
	for (int i = 1; i < argc; i++) {
		int r = scan(argv[i], &events, &scalars, &bytes);
		if (r && !rc)
			rc = r;
	}
	printf("files %d events %llu scalars %llu scalar_bytes %llu\n",
	       argc - 1, events, scalars, bytes);
	return rc;
}
