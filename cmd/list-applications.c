/* qf-list-applications - project applications (申报), filtered. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "qf/application.h"
#include "qf/firms.h"

static const char *usage_head(void)
{
	return _("Usage: qf list-applications [OPTION]...\n"
		 "List project applications: one per line, the ID first, in the order\n"
		 "they were filed.\n"
		 "\n"
		 "  -f, --firm FIRM         of this firm (ID or a unique part of its name)\n"
		 "  -P, --policy POLICY     under this policy (ID or a unique part of its title)\n"
		 "      --status STATUS     filed|已申报 reviewing|审核中 listed|已入库\n"
		 "                          granted|已兑现 rejected|未通过\n"
		 "      --open              not granted or rejected yet\n"
		 "      --month YYYY-MM     filed in this month\n");
}

static const char *usage_tail(void)
{
	return _("      --data DIR          the store (default: found from here, or $QF_DATA)\n"
		 "  -h, --help              show this help and exit\n"
		 "      --version           show the version and exit\n"
		 "\n"
		 "Fields: id, firm, firm_id, policy, project, requested, granted, filed,\n"
		 "status, dept, closed, source.  The default is id, firm, policy, project,\n"
		 "requested, status, granted.  Amounts are in yuan, but in 万元 in the\n"
		 "table shown on a terminal.\n"
		 "\n"
		 "Exit status: 0 some listed, 1 none, 64 bad usage, 65 a store file does\n"
		 "not parse, 66 no store or no such firm or policy.\n");
}

struct ctx {
	const char *firm, *policy, *status;
	int open_only, has_month, y, m;
	int wan;                  /* amounts in 万元 (the table) */
	struct qf_firms *firms;
	struct qf_table *t;
};

static const char *const columns[] = {
	"id", "firm", "firm_id", "policy", "project", "requested", "granted",
	"filed", "status", "dept", "closed", "source",
};
enum { NCOLS = sizeof columns / sizeof columns[0] };
static const int numeric[NCOLS] = { [5] = 1, [6] = 1 };

/* An amount for a cell: as stored, or in 万元 ("4400", "12.35"). */
static const char *amount(const struct ctx *c, const struct qf_node *r,
			  const char *key, char *buf, size_t n)
{
	const struct qf_node *v = qf_node_get(r, key);
	long long x;

	if (!v || qf_node_int(v, &x) || x < 0)
		return qf_node_get_str(r, key);
	if (!c->wan) {
		snprintf(buf, n, "%lld", x);
		return buf;
	}
	if (x % 10000 == 0) {
		snprintf(buf, n, "%lld", x / 10000);
	} else {
		char *e;
		snprintf(buf, n, "%lld.%04lld", x / 10000, x % 10000);
		for (e = buf + strlen(buf) - 1; *e == '0'; e--)
			*e = '\0';
	}
	return buf;
}

static int on_app(const struct qf_doc *doc, const char *file, void *ud,
		  struct qf_error *err)
{
	struct ctx *c = ud;
	const struct qf_node *r = doc->root;
	const char *firm = qf_node_get_str(r, "firm");
	const char *status = qf_node_get_str(r, "status");
	const char *cells[NCOLS];
	char req[32], got[32];
	struct qf_date filed;

	(void)file;
	if (!r || r->kind != QF_NODE_MAP)
		return 0;
	if (c->firm && (!firm || strcmp(firm, c->firm)))
		return 0;
	if (c->policy && (!qf_node_get_str(r, "policy") ||
			  strcmp(qf_node_get_str(r, "policy"), c->policy)))
		return 0;
	if (c->status && (!status || strcmp(status, c->status)))
		return 0;
	if (c->open_only && qf_app_status_closed(status))
		return 0;
	if (c->has_month &&
	    (!qf_node_get_str(r, "filed") ||
	     qf_date_parse(qf_node_get_str(r, "filed"), &filed) ||
	     filed.y != c->y || filed.m != c->m))
		return 0;
	cells[0] = qf_node_get_str(r, "id");
	cells[1] = firm ? qf_firms_name(c->firms, firm) : NULL;
	cells[2] = firm;
	cells[3] = qf_node_get_str(r, "policy");
	cells[4] = qf_node_get_str(r, "project");
	cells[5] = amount(c, r, "requested", req, sizeof req);
	cells[6] = amount(c, r, "granted", got, sizeof got);
	cells[7] = qf_node_get_str(r, "filed");
	cells[8] = status;
	cells[9] = qf_node_get_str(r, "dept");
	cells[10] = qf_node_get_str(r, "closed");
	cells[11] = qf_node_get_str(r, "source");
	return qf_table_add(c->t, cells, r) ? qf_error_oom(err) : 0;
}

int main(int argc, char **argv)
{
	enum { O_STATUS = OPT_CMD_BASE, O_OPEN, O_MONTH };
	static const struct option opts[] = {
		{ "firm", required_argument, NULL, 'f' },
		{ "policy", required_argument, NULL, 'P' },
		{ "status", required_argument, NULL, O_STATUS },
		{ "open", no_argument, NULL, O_OPEN },
		{ "month", required_argument, NULL, O_MONTH },
		OUT_LONG_OPTIONS,
		COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	static const char *const default_fields[] = { "id", "firm", "policy",
		"project", "requested", "status", "granted" };
	const char *sort_cols[] = { "id", NULL };
	const char *data = NULL, *firm = NULL, *policy = NULL;
	struct out_opts out = OUT_OPTS_INIT;
	struct qf_firms firms;
	struct qf_store *s;
	struct qf_error err;
	struct ctx c;
	char firm_id[QF_ID_MAX], policy_id[QF_ID_MAX];
	int ch, rc;

	cmd_init("qf-list-applications");
	memset(&c, 0, sizeof c);
	while ((ch = getopt_long(argc, argv, "f:P:h", opts, NULL)) != -1) {
		if (out_option(&out, ch, optarg))
			continue;
		switch (ch) {
		case 'f': firm = optarg; break;
		case 'P': policy = optarg; break;
		case O_STATUS: c.status = vocab_arg(QF_V_APP_STATUS, "--status", optarg); break;
		case O_OPEN: c.open_only = 1; break;
		case O_MONTH: {
			char tail;
			if (sscanf(optarg, "%4d-%2d%c", &c.y, &c.m, &tail) != 2 ||
			    strlen(optarg) != 7 || c.m < 1 || c.m > 12)
				die(QF_EUSAGE, _("--month: '%s' is not a month YYYY-MM"), optarg);
			c.has_month = 1;
			break;
		}
		case 'h':
			list_help(usage_head(), usage_tail());
		case OPT_VERSION: version();
		case OPT_DATA: data = optarg; break;
		default: usage(QF_EUSAGE, NULL);
		}
	}
	no_operands(argc, argv);

	s = open_store(data);
	qf_error_clear(&err);
	if (firm) {
		firm_arg(s, firm, firm_id, sizeof firm_id);
		c.firm = firm_id;
	}
	if (policy) {
		policy_arg(s, policy, policy_id, sizeof policy_id);
		c.policy = policy_id;
	}
	if (c.firm ? qf_firms_load_one(s, &firms, c.firm, &err) :
		 qf_firms_load(s, &firms, QF_FIRMS_NAMES, &err))
		die_error(&err);
	c.firms = &firms;
	if (!(c.t = qf_table_new(columns, numeric, NCOLS)))
		die(QF_ESOFTWARE, _("out of memory"));
	out_prepare(c.t, default_fields, 7, sort_cols, &out, "project");
	c.wan = out.fmt == QF_FMT_TABLE;
	rc = c.firm ? qf_store_each_naming(s, QF_APPLICATION, NULL, c.firm,
					   on_app, &c, &err) :
		      qf_store_each(s, QF_APPLICATION, on_app, &c, &err);
	if (rc)
		die_error(&err);
	if (qf_table_sort(c.t, (size_t)qf_table_col(c.t, "id"), 0))
		die(QF_ESOFTWARE, _("out of memory"));
	rc = out_print(c.t, &out);
	qf_firms_release(&firms);
	qf_store_free(s);
	return rc;
}
