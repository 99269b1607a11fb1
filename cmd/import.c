/* qf-import - add firms, policies, visits or demands from a CSV file. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common.h"
#include "qf/columns.h"
#include "qf/import.h"
#include "qf/text.h"
#include "qf/yaml.h"

static const char *usage_text(void)
{
	return _("Usage: qf import firms|policies|visits|demands FILE.csv [OPTION]...\n"
		 "Add the records of a spreadsheet saved as CSV, all or none.\n"
		 "\n"
		 "The header row names the columns: field names (name, credit_code) or\n"
		 "the Chinese headers offices use (企业名称, 统一社会信用代码, 诉求内容,\n"
		 "责任单位, 办理时限 ...; see qf-import(1)).  Every row is checked first;\n"
		 "a bad row is reported as FILE:LINE and nothing is written.  Rows the\n"
		 "store has already are skipped, so a file imported twice adds nothing.\n"
		 "Import firms and policies first, then demands, then visits.\n"
		 "\n"
		 "  -e, --encoding ENC   utf-8, gb18030 (also gbk) or utf-16 (default: detect;\n"
		 "                       GB18030 only when the bytes are not UTF-8)\n"
		 "  -m, --map FILE       YAML map of header to field name (\"\" to ignore a\n"
		 "                       column), for headers qf does not know\n"
		 "  -n, --dry-run        check and show what would be added; write nothing\n"
		 "  -q, --quiet          print only the new IDs, no summary\n"
		 "      --columns        print the columns TYPE takes (field, Chinese header,\n"
		 "                       other headers, required or default) and exit; no FILE\n"
		 "      --since DATE     firms: in the register since DATE when the file\n"
		 "                       has no since column (default: today)\n"
		 "      --by NAME        who imports, for the demands' log (default: $QF_USER)\n"
		 "      --data DIR       the store (default: found from here, or $QF_DATA)\n"
		 "  -h, --help           show this help and exit\n"
		 "      --version        show the version and exit\n"
		 "\n"
		 "Prints each new record's ID and name, tab-separated, one per line.\n"
		 "Exit status: 0 imported (or nothing new), 64 bad usage, 65 bad rows or\n"
		 "file (nothing written), 66 no file or no store, 73 cannot write, 75 store\n"
		 "busy, 78 bad qf.yaml or schemas.\n");
}

static int type_arg(const char *a, enum qf_type *t)
{
	static const struct { const char *name; enum qf_type t; } names[] = {
		{ "firms", QF_FIRM }, { "firm", QF_FIRM },
		{ "policies", QF_POLICY }, { "policy", QF_POLICY },
		{ "visits", QF_VISIT }, { "visit", QF_VISIT },
		{ "demands", QF_DEMAND }, { "demand", QF_DEMAND },
	};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(a, names[i].name)) {
			*t = names[i].t;
			return 0;
		}
	return -1;
}

static void progress(size_t done, size_t total, void *ud)
{
	(void)ud;
	fputc('\r', stderr);
	fprintf(stderr, _("%s: %zu of %zu rows"), qf_prog, done, total);
	if (done == total)
		fputs("\n", stderr);
}

/* --columns: field, Chinese header, other headers ('|' between),
 * "required", "default VALUE" or "", tab-separated. */
static void print_columns(enum qf_type t)
{
	size_t n;
	const struct qf_column *c = qf_columns(t, &n);

	for (size_t i = 0; i < n; i++) {
		const char *d = qf_import_default(t, c[i].field);
		printf("%s\t%s\t%s\t", c[i].field, c[i].zh, c[i].aliases);
		if (d)
			printf("default %s\n", d);
		else
			printf("%s\n", c[i].required && strcmp(c[i].field, "id")
				       ? "required" : "");
	}
}

/* The --map file: a YAML map of header to field, every field known. */
static struct qf_node *load_map(const char *path, enum qf_type t)
{
	struct qf_node *m = NULL;
	struct qf_error err;
	const struct qf_column *cols;
	size_t n;

	if (qf_yaml_load_one(path, &m, &err))
		die_error(&err);
	if (!m || m->kind != QF_NODE_MAP)
		die(QF_EUSAGE, _("%s: a mapping file is a YAML map of header to field name"), path);
	cols = qf_columns(t, &n);
	for (size_t i = 0; i < m->n; i++) {
		const struct qf_node *v = m->items[i];
		if (v->kind != QF_NODE_SCALAR)
			die(QF_EUSAGE, _("%s:%u:%u: the field of '%s' is not a name"),
			    path, v->line, v->col, m->keys[i]->str);
		if (*v->str && !qf_column_find(cols, n, v->str))
			die(QF_EUSAGE, _("%s:%u:%u: '%s' is not a field of these records"),
			    path, v->line, v->col, v->str);
	}
	return m;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "encoding", required_argument, NULL, 'e' },
		{ "map", required_argument, NULL, 'm' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "by", required_argument, NULL, 'B' },
		{ "columns", no_argument, NULL, 'C' },
		{ "since", required_argument, NULL, 'S' },
		COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	const char *data = NULL, *by = NULL, *mapfile = NULL, *path;
	struct qf_import_opts o;
	struct qf_date since;
	struct qf_import r;
	struct qf_store *s;
	struct qf_node *map = NULL;
	struct qf_error err;
	int c, rc, quiet = 0, columns = 0;

	cmd_init("qf-import");
	memset(&o, 0, sizeof o);
	while ((c = getopt_long(argc, argv, "e:m:nqh", opts, NULL)) != -1) {
		switch (c) {
		case 'e': o.encoding = optarg; break;
		case 'm': mapfile = optarg; break;
		case 'n': o.dry_run = 1; break;
		case 'q': quiet = 1; break;
		case 'B': by = optarg; break;
		case 'C': columns = 1; break;
		case 'S': since = parse_date_opt("--since", optarg); o.since = &since; break;
		case 'h': usage(0, usage_text());
		case OPT_VERSION: version();
		case OPT_DATA: data = optarg; break;
		default: usage(QF_EUSAGE, NULL);
		}
	}
	if (columns) {
		if (argc - optind != 1)
			die(QF_EUSAGE, _("--columns: which records? (firms, policies, visits or demands)"));
		if (type_arg(argv[optind], &o.type))
			die(QF_EUSAGE, _("'%s' cannot be imported: firms, policies, visits or demands"),
			    argv[optind]);
		print_columns(o.type);
		return 0;
	}
	if (argc - optind != 2) {
		warn(argc - optind < 2 ? _("what to import, and from which file?")
				       : _("one file at a time"));
		usage(QF_EUSAGE, NULL);
	}
	if (type_arg(argv[optind], &o.type))
		die(QF_EUSAGE, _("'%s' cannot be imported: firms, policies, visits or demands"),
		    argv[optind]);
	path = argv[optind + 1];
	if (mapfile)
		o.map = map = load_map(mapfile, o.type);
	o.today = today();
	if (isatty(2) && !quiet)
		o.progress = progress;

	s = open_store(data);
	lock_store(s);
	o.by = actor(s, by);
	qf_error_clear(&err);
	rc = qf_import_file(s, path, &o, &r, &err);
	for (size_t i = 0; i < r.diags.n; i++) {
		char *m = qf_text_escape(r.diags.v[i].msg, 0);
		if (r.diags.v[i].line)
			fprintf(stderr, "%s:%u: %s\n", r.diags.v[i].file,
				r.diags.v[i].line, m ? m : r.diags.v[i].msg);
		else
			fprintf(stderr, "%s: %s\n", r.diags.v[i].file,
				m ? m : r.diags.v[i].msg);
		free(m);
	}
	if (rc) {
		qf_import_release(&r);
		qf_node_free(map);
		qf_store_free(s);
		die_error(&err);
	}
	for (size_t i = 0; i < r.ignored.n; i++) {
		char *h = qf_text_escape(r.ignored.v[i], 0);
		warn(_("%s:%u: column '%s' names no field; ignored (map it with --map)"),
		     path, r.header_line, h ? h : "?");
		free(h);
	}
	for (size_t i = 0; i < r.nadded; i++) {
		char *l = qf_text_escape(r.added[i].label, 1);
		printf("%s\t%s\n", r.added[i].id, l ? l : "");
		free(l);
	}
	if (!quiet) {
		if (o.dry_run)
			warn(_("%s (%s): %zu rows, would add %zu, %zu already in the store; nothing written (--dry-run)"),
			     path, r.encoding, r.rows, r.nadded, r.skipped);
		else
			warn(_("%s (%s): %zu rows, added %zu, %zu already in the store (skipped)"),
			     path, r.encoding, r.rows, r.nadded, r.skipped);
	}
	qf_import_release(&r);
	qf_node_free(map);
	qf_store_free(s);
	return 0;
}
