/* qf-export - the store's records as CSV, TSV, JSON, xlsx or SQL, for
 * spreadsheets, other programs, qf import and PostgreSQL. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common.h"
#include "qf/export.h"
#include "qf/firms.h"
#include "qf/lang.h"
#include "qf/sql.h"
#include "qf/xlsx.h"

static const char *usage_text(void)
{
	return _("Usage: qf export TABLE [OPTION]...\n"
		 "Write the records of a table of the store, every field, one row per\n"
		 "record: TABLE is firms, policies, visits, demands, log (every demand's\n"
		 "log entries, the demand's ID first), applications, events (these two\n"
		 "csv, tsv, json or xlsx) or all (--format xlsx, json or sql).\n"
		 "\n"
		 "      --format FMT        csv (default), tsv, json (full records), xlsx\n"
		 "                          (a sheet per table, for people) or sql (a psql\n"
		 "                          script, see qf-sql(5))\n"
		 "      --excel             CSV for Excel and WPS: a UTF-8 BOM first\n"
		 "      --no-header         CSV, TSV: no line of field names\n"
		 "      --columns           print the table's columns (field, Chinese header,\n"
		 "                          kind) and exit\n"
		 "  -o, --output FILE       write FILE (put in place only when the export\n"
		 "                          is whole); default: standard output\n"
		 "\n"
		 "Filters, as the lists take them (a filter that does not apply to the\n"
		 "table is refused):\n"
		 "  firms     -t/--tag, -p/--park, --sector, -l/--leader\n"
		 "  policies  -t/--tag\n"
		 "  visits    -m/--month, --from, --to (the visit's day), -f/--firm,\n"
		 "            -v/--visitor, -k/--kind\n"
		 "  demands   -f/--firm, -d/--dept, --codept, --owner, -c/--category,\n"
		 "            -k/--kind, --level, --status, --open, -l/--leader, --overdue,\n"
		 "            --due-within N, --at DATE, --opened-before, --opened-after,\n"
		 "            -g/--grep, -m/--month, --from, --to (the day it was opened)\n"
		 "  log       the demands' filters; -m/--month, --from and --to take the\n"
		 "            entries of those days\n"
		 "  applications  none (qf list-applications --format csv filters them)\n"
		 "  events    -m/--month, --from, --to (the event's day), -f/--firm (taking\n"
		 "            part), -k/--kind\n"
		 "\n"
		 "      --data DIR          the store (default: found from here, or $QF_DATA)\n"
		 "  -h, --help              show this help and exit\n"
		 "      --version           show the version and exit\n"
		 "\n"
		 "Exit status: 0 written (no row is no error), 64 bad usage, 65 a store\n"
		 "file does not parse, 66 no store or no such firm, 73 cannot create the\n"
		 "output file, 74 cannot write it.\n");
}

/* The options as given, resolved once the table is known. */
struct args {
	struct qf_strv tags;
	const char *park, *sector, *leader, *firm, *visitor, *kind, *dept;
	const char *codept, *owner, *category, *level, *status, *grep;
	const char *month, *from, *to, *before, *after, *at, *within;
	int open_only, overdue;
};

/* The option names given, for "does not apply" (in the order of
 * struct args' fields that apply to each table). */
static void refuse(const char *opt, const char *table)
{
	die(QF_EUSAGE, _("%s does not apply to %s"), opt, table);
}

static void check_applies(const struct args *a, int t)
{
	const char *name = t < 0 ? "all" : qf_export_table_name((enum qf_export_table)t);
	int firms = t == QF_EXPORT_FIRMS, pol = t == QF_EXPORT_POLICIES;
	int vis = t == QF_EXPORT_VISITS;
	int dem = t == QF_EXPORT_DEMANDS || t == QF_EXPORT_LOG;
	int ev = t == QF_EXPORT_EVENTS;

	if (ev) {
		/* What the events take: a range of days, a firm, a kind. */
		vis = 1;
		if (a->visitor) refuse("--visitor", name);
	}
	if (a->tags.n && !firms && !pol) refuse("--tag", name);
	if (a->park && !firms) refuse("--park", name);
	if (a->sector && !firms) refuse("--sector", name);
	if (a->leader && !firms && !dem) refuse("--leader", name);
	if (a->firm && !vis && !dem) refuse("--firm", name);
	if (a->visitor && !vis) refuse("--visitor", name);
	if (a->kind && !vis && !dem) refuse("--kind", name);
	if (a->month && !vis && !dem) refuse("--month", name);
	if (a->from && !vis && !dem) refuse("--from", name);
	if (a->to && !vis && !dem) refuse("--to", name);
	if (!dem) {
		if (a->dept) refuse("--dept", name);
		if (a->codept) refuse("--codept", name);
		if (a->owner) refuse("--owner", name);
		if (a->category) refuse("--category", name);
		if (a->level) refuse("--level", name);
		if (a->status) refuse("--status", name);
		if (a->grep) refuse("--grep", name);
		if (a->before) refuse("--opened-before", name);
		if (a->after) refuse("--opened-after", name);
		if (a->at) refuse("--at", name);
		if (a->within) refuse("--due-within", name);
		if (a->open_only) refuse("--open", name);
		if (a->overdue) refuse("--overdue", name);
	}
}

static int any_filter(const struct args *a)
{
	return a->tags.n || a->park || a->sector || a->leader || a->firm ||
	       a->visitor || a->kind || a->dept || a->codept || a->owner ||
	       a->category || a->level || a->status || a->grep || a->month ||
	       a->from || a->to || a->before || a->after || a->at ||
	       a->within || a->open_only || a->overdue;
}

/* --month, --from, --to as a range of days. */
static void range(const struct args *a, struct qf_date *from, int *has_from,
		  struct qf_date *to, int *has_to)
{
	int y, m;

	if (a->month) {
		if (qf_month_parse(a->month, &y, &m))
			die(QF_EUSAGE, _("--month: '%s' is not a month (YYYY-MM)"), a->month);
		*from = (struct qf_date){ y, m, 1 };
		*to = (struct qf_date){ y, m, qf_days_in_month(y, m) };
		*has_from = *has_to = 1;
	}
	if (a->from) {
		*from = parse_date_opt("--from", a->from);
		*has_from = 1;
	}
	if (a->to) {
		*to = parse_date_opt("--to", a->to);
		*has_to = 1;
	}
}

static void build_filter(struct qf_store *s, const struct args *a, int t,
			 struct qf_export_filter *f, char *firm_id,
			 struct qf_firms *firms, int *have_firms)
{
	struct qf_demand_filter *d = &f->demand;
	struct qf_error err;
	struct qf_date at;

	qf_export_filter_init(f);
	check_applies(a, t);
	if (a->firm) {
		firm_arg(s, a->firm, firm_id, QF_ID_MAX);
		f->visit.firm = d->firm = firm_id;
		if (t == QF_EXPORT_EVENTS)
			f->event.firm = firm_id;
	}
	switch (t) {
	case QF_EXPORT_FIRMS:
		f->firm.tags = &a->tags;
		f->firm.park = a->park;
		f->firm.sector = a->sector;
		f->firm.leader = a->leader;
		break;
	case QF_EXPORT_POLICIES:
		f->policy_tags = &a->tags;
		break;
	case QF_EXPORT_VISITS:
		f->visit.visitor = a->visitor;
		if (a->kind)
			f->visit.kind = vocab_arg(QF_V_VISIT_KIND, "--kind", a->kind);
		range(a, &f->visit.from, &f->visit.has_from, &f->visit.to,
		      &f->visit.has_to);
		break;
	case QF_EXPORT_EVENTS:
		f->visit.firm = NULL;
		if (a->kind)
			f->event.kind = vocab_arg(QF_V_EVENT_KIND, "--kind", a->kind);
		range(a, &f->event.from, &f->event.has_from, &f->event.to,
		      &f->event.has_to);
		break;
	case QF_EXPORT_DEMANDS:
	case QF_EXPORT_LOG:
		at = a->at ? parse_date_opt("--at", a->at) : today();
		qf_demand_filter_init(d, &at);
		d->firm = a->firm ? firm_id : NULL;
		d->dept = a->dept;
		d->codept = a->codept;
		d->owner = a->owner;
		d->grep = a->grep;
		d->leader = a->leader;
		d->open_only = a->open_only;
		d->overdue = a->overdue;
		if (a->category)
			d->category = vocab_arg(QF_V_CATEGORY, "--category", a->category);
		if (a->kind)
			d->kind = vocab_arg(QF_V_KIND, "--kind", a->kind);
		if (a->level)
			d->level = vocab_arg(QF_V_LEVEL, "--level", a->level);
		if (a->status)
			d->status = vocab_arg(QF_V_STATUS, "--status", a->status);
		if (a->within) {
			char *end;
			d->within = strtol(a->within, &end, 10);
			if (!*a->within || *end || d->within < 0 || d->within > 3650)
				die(QF_EUSAGE, _("--due-within: '%s' is not a number of days"), a->within);
		}
		if (a->before) {
			d->before = parse_date_opt("--opened-before", a->before);
			d->has_before = 1;
		}
		if (a->after) {
			d->after = parse_date_opt("--opened-after", a->after);
			d->has_after = 1;
		}
		if (t == QF_EXPORT_LOG)
			range(a, &f->log_from, &f->has_log_from, &f->log_to,
			      &f->has_log_to);
		else
			range(a, &d->from, &d->has_from, &d->to, &d->has_to);
		if (a->leader) {
			/* The firms' leaders: names, not records. */
			qf_error_clear(&err);
			if (qf_firms_load(s, firms, QF_FIRMS_NAMES, &err))
				die_error(&err);
			*have_firms = 1;
			f->firms = firms;
		}
		break;
	}
}

/* --columns: field, Chinese header and kind of each column, tab-separated
 * (the man page's COLUMNS, which t-export.sh checks against this). */
static void print_columns(enum qf_export_table t)
{
	size_t n;
	const struct qf_column *c = qf_export_columns(t, &n);

	for (size_t i = 0; i < n; i++, c++) {
		printf("%s\t%s\t", c->field, c->zh);
		switch (c->kind) {
		case QF_COL_DATE: fputs("date", stdout); break;
		case QF_COL_INT: fputs("integer", stdout); break;
		case QF_COL_LIST: fputs("list", stdout); break;
		case QF_COL_REF: fputs("id", stdout); break;
		case QF_COL_ENUM: {
			const struct qf_term *v = qf_vocab_terms(c->vocab);
			for (size_t k = 0; v[k].token; k++)
				printf("%s%s", k ? "|" : "", v[k].token);
			break;
		}
		default: fputs("text", stdout);
		}
		putchar('\n');
	}
}

/* ---- progress ------------------------------------------------------- */

static int progress_shown;

static void progress(size_t rows, void *ud)
{
	(void)ud;
	if (rows % 1000)
		return;
	fprintf(stderr, "\r%s: ", qf_prog);
	fprintf(stderr, _("%zu records"), rows);
	progress_shown = 1;
}

static void progress_end(void)
{
	if (progress_shown)
		fputs("\r\033[K", stderr);
	progress_shown = 0;
}

/* ---- main ----------------------------------------------------------- */

int main(int argc, char **argv)
{
	enum { O_EXCEL = OPT_CMD_BASE, O_NO_HEADER, O_COLUMNS, O_SECTOR, O_FROM, O_TO,
	       O_CODEPT, O_OWNER, O_LEVEL, O_STATUS, O_OPEN, O_OVERDUE,
	       O_WITHIN, O_AT, O_BEFORE, O_AFTER };
	static const struct option opts[] = {
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "excel", no_argument, NULL, O_EXCEL },
		{ "no-header", no_argument, NULL, O_NO_HEADER },
		{ "columns", no_argument, NULL, O_COLUMNS },
		{ "output", required_argument, NULL, 'o' },
		{ "tag", required_argument, NULL, 't' },
		{ "park", required_argument, NULL, 'p' },
		{ "sector", required_argument, NULL, O_SECTOR },
		{ "leader", required_argument, NULL, 'l' },
		{ "month", required_argument, NULL, 'm' },
		{ "from", required_argument, NULL, O_FROM },
		{ "to", required_argument, NULL, O_TO },
		{ "firm", required_argument, NULL, 'f' },
		{ "visitor", required_argument, NULL, 'v' },
		{ "kind", required_argument, NULL, 'k' },
		{ "dept", required_argument, NULL, 'd' },
		{ "codept", required_argument, NULL, O_CODEPT },
		{ "owner", required_argument, NULL, O_OWNER },
		{ "category", required_argument, NULL, 'c' },
		{ "level", required_argument, NULL, O_LEVEL },
		{ "status", required_argument, NULL, O_STATUS },
		{ "open", no_argument, NULL, O_OPEN },
		{ "overdue", no_argument, NULL, O_OVERDUE },
		{ "due-within", required_argument, NULL, O_WITHIN },
		{ "at", required_argument, NULL, O_AT },
		{ "opened-before", required_argument, NULL, O_BEFORE },
		{ "opened-after", required_argument, NULL, O_AFTER },
		{ "grep", required_argument, NULL, 'g' },
		COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	const char *data = NULL, *dest = NULL, *tname;
	int fmt = QF_EXPORT_CSV, excel = 0, header = 1, ch, t, rc, zh;
	int have_firms = 0, columns = 0;
	struct qf_export_filter f;
	struct qf_export_opts eo;
	struct qf_firms firms;
	struct outfile out;
	struct args a;
	struct qf_store *s;
	struct qf_error err;
	char firm_id[QF_ID_MAX];
	size_t rows = 0;

	cmd_init("qf-export");
	memset(&a, 0, sizeof a);
	while ((ch = getopt_long(argc, argv, "o:t:p:l:m:f:v:k:d:c:g:h", opts,
				 NULL)) != -1) {
		switch (ch) {
		case OPT_FORMAT:
			if ((fmt = qf_export_format_parse(optarg)) < 0)
				die(QF_EUSAGE, _("--format: '%s' is not csv, tsv, json, xlsx or sql"), optarg);
			break;
		case O_EXCEL: excel = 1; break;
		case O_NO_HEADER: header = 0; break;
		case O_COLUMNS: columns = 1; break;
		case 'o': dest = optarg; break;
		case 't': strlist_add_split(&a.tags, optarg); break;
		case 'p': a.park = optarg; break;
		case O_SECTOR: a.sector = optarg; break;
		case 'l': a.leader = optarg; break;
		case 'm': a.month = optarg; break;
		case O_FROM: a.from = optarg; break;
		case O_TO: a.to = optarg; break;
		case 'f': a.firm = optarg; break;
		case 'v': a.visitor = optarg; break;
		case 'k': a.kind = optarg; break;
		case 'd': a.dept = optarg; break;
		case O_CODEPT: a.codept = optarg; break;
		case O_OWNER: a.owner = optarg; break;
		case 'c': a.category = optarg; break;
		case O_LEVEL: a.level = optarg; break;
		case O_STATUS: a.status = optarg; break;
		case O_OPEN: a.open_only = 1; break;
		case O_OVERDUE: a.overdue = 1; break;
		case O_WITHIN: a.within = optarg; break;
		case O_AT: a.at = optarg; break;
		case O_BEFORE: a.before = optarg; break;
		case O_AFTER: a.after = optarg; break;
		case 'g': a.grep = optarg; break;
		case 'h': usage(0, usage_text());
		case OPT_VERSION: version();
		case OPT_DATA: data = optarg; break;
		default: usage(QF_EUSAGE, NULL);
		}
	}
	if (optind >= argc) {
		fprintf(stderr, _("%s: which table? firms, policies, visits, demands, log, events or all\n"),
			qf_prog);
		usage(QF_EUSAGE, NULL);
	}
	tname = argv[optind++];
	no_operands(argc, argv);
	if (!strcmp(tname, "all")) {
		t = -1;
		if (fmt != QF_EXPORT_XLSX && fmt != QF_EXPORT_JSON &&
		    fmt != QF_EXPORT_SQL)
			die(QF_EUSAGE, _("all: the whole store is exported as xlsx, json or sql, not one table's format"));
		if (any_filter(&a))
			die(QF_EUSAGE, _("all: filters apply to one table; export it alone"));
	} else if ((t = qf_export_table_parse(tname)) < 0) {
		die(QF_EUSAGE, _("'%s' is not a table: firms, policies, visits, demands, log, events or all"), tname);
	}
	if (columns) {
		if (t < 0)
			die(QF_EUSAGE, _("--columns: of which table? firms, policies, visits, demands, log or events"));
		print_columns((enum qf_export_table)t);
		return 0;
	}
	if (excel && fmt != QF_EXPORT_CSV)
		die(QF_EUSAGE, _("--excel is for CSV"));
	if (!header && fmt != QF_EXPORT_CSV && fmt != QF_EXPORT_TSV)
		die(QF_EUSAGE, _("--no-header is for CSV and TSV"));
	if (fmt == QF_EXPORT_SQL && any_filter(&a))
		die(QF_EUSAGE, _("--format sql exports whole tables: no filter"));
	if (fmt == QF_EXPORT_SQL && t == QF_EXPORT_APPLICATIONS)
		die(QF_EUSAGE, _("applications are not in the SQL export yet: use csv, tsv, json or xlsx"));
	if (fmt == QF_EXPORT_SQL && t == QF_EXPORT_EVENTS)
		die(QF_EUSAGE, _("events are not exported as SQL yet: csv, tsv, json or xlsx"));
	if (fmt == QF_EXPORT_SQL && t == QF_EXPORT_LOG)
		die(QF_EUSAGE, _("in SQL the log goes with the demands: qf export demands --format sql"));
	if (fmt == QF_EXPORT_XLSX && !dest && stdout_is_tty())
		die(QF_EUSAGE, _("xlsx is not for a terminal: give -o FILE or redirect the output"));
	if (t >= 0)
		check_applies(&a, t);

	s = open_store(data);
	qf_error_clear(&err);
	zh = qf_lang_is_zh(qf_store_setting(s, "lang"));
	if (t >= 0)
		build_filter(s, &a, t, &f, firm_id, &firms, &have_firms);
	else
		qf_export_filter_init(&f);
	memset(&eo, 0, sizeof eo);
	eo.fmt = (enum qf_export_format)fmt;
	eo.header = header;
	eo.bom = excel;
	if (isatty(STDERR_FILENO))
		eo.progress = progress;

	outfile_open(&out, dest, fmt == QF_EXPORT_XLSX);
	switch (fmt) {
	case QF_EXPORT_SQL: {
		static const unsigned sql_tables[] = { QF_SQL_FIRMS,
			QF_SQL_POLICIES, QF_SQL_VISITS, QF_SQL_DEMANDS };
		rc = qf_sql_export(s, t < 0 ? QF_SQL_ALL : sql_tables[t],
				   out.f, &err) ? (err.code ? err.code : QF_EIO) : 0;
		break;
	}
	case QF_EXPORT_XLSX: {
		enum qf_export_table all[QF_EXPORT_NTABLES];
		size_t n = 0;
		if (t < 0)
			for (int i = 0; i < QF_EXPORT_NTABLES; i++) {
				int has = qf_export_table_present(s,
					(enum qf_export_table)i, &err);
				if (has < 0)
					die_error(&err);
				if (has)
					all[n++] = (enum qf_export_table)i;
			}
		else
			all[n++] = (enum qf_export_table)t;
		/* libxlsxwriter opens the file by its name. */
		fclose(out.f);
		out.f = NULL;
		rc = qf_xlsx_export(s, all, n, &f, zh, &eo, out.tmp, &rows, &err);
		break;
	}
	default:
		rc = t < 0 ? qf_export_write_all_json(s, &f, &eo, out.f, &rows, &err) :
			     qf_export_write(s, (enum qf_export_table)t, &f, &eo,
					     out.f, &rows, &err);
	}
	progress_end();
	if (rc) {
		if (rc == QF_EIO && !err.msg[0])
			die(QF_EIO, _("cannot write %s: %s"),
			    dest ? dest : _("standard output"), strerror(errno));
		die_error(&err);
	}
	outfile_commit(&out);
	if (have_firms)
		qf_firms_release(&firms);
	qf_strv_release(&a.tags);
	qf_store_free(s);
	return 0;
}
