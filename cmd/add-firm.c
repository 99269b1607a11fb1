/* qf-add-firm - register a firm (一企一档). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "qf/schema.h"

static const char *usage_text(void)
{
	return _("Usage: qf add-firm --name NAME [OPTION]...\n"
		 "Register a firm and print its new ID.\n"
		 "\n"
		 "  -n, --name NAME         the firm's registered name (required)\n"
		 "  -c, --credit-code CODE  统一社会信用代码 (18 characters, check digit tested)\n"
		 "  -p, --park PARK         park the firm is in\n"
		 "  -s, --sector SECTOR     sector\n"
		 "  -t, --tag TAG           tag such as 规上, 重点, 专精特新 (repeatable, or a,b)\n"
		 "  -l, --leader NAME       the leader assigned to the firm (联点领导)\n"
		 "      --liaison NAME      the liaison (驻企联络员)\n"
		 "      --contact NAME      the firm's contact person\n"
		 "      --contact-title T   the contact's title\n"
		 "      --phone PHONE       the contact's phone\n"
		 "      --since DATE        registered since (default: today)\n"
		 "      --note TEXT         a note\n"
		 "      --data DIR          the store (default: found from here, or $QF_DATA)\n"
		 "  -h, --help              show this help and exit\n"
		 "      --version           show the version and exit\n"
		 "\n"
		 "Exit status: 0 added, 64 bad usage, 65 bad data (nothing written),\n"
		 "66 no store, 73 cannot write, 75 store busy (another writer for over\n"
		 "5 s), 78 bad qf.yaml or schemas.\n");
}

struct dup {
	const char *name, *code;
	char found[QF_ID_MAX];
	const char *why;
};

static int find_dup(const struct qf_doc *doc, const char *file,
		    void *ud, struct qf_error *err)
{
	struct dup *d = ud;
	const char *id = qf_node_get_str(doc->root, "id");
	const char *name = qf_node_get_str(doc->root, "name");
	const char *code = qf_node_get_str(doc->root, "credit_code");

	(void)file;
	(void)err;
	if (name && !strcmp(name, d->name))
		d->why = "name";
	else if (d->code && code && !strcmp(code, d->code))
		d->why = "credit code";
	else
		return 0;
	snprintf(d->found, sizeof d->found, "%s", id ? id : "?");
	return 1;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "credit-code", required_argument, NULL, 'c' },
		{ "park", required_argument, NULL, 'p' },
		{ "sector", required_argument, NULL, 's' },
		{ "tag", required_argument, NULL, 't' },
		{ "leader", required_argument, NULL, 'l' },
		{ "liaison", required_argument, NULL, 'L' },
		{ "contact", required_argument, NULL, 'C' },
		{ "contact-title", required_argument, NULL, 'T' },
		{ "phone", required_argument, NULL, 'P' },
		{ "since", required_argument, NULL, 'S' },
		{ "note", required_argument, NULL, 'N' },
		COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	const char *data = NULL, *name = NULL, *code = NULL, *park = NULL;
	const char *sector = NULL, *leader = NULL, *liaison = NULL;
	const char *cname = NULL, *ctitle = NULL, *phone = NULL, *note = NULL;
	struct qf_strv tags = { 0 };
	struct qf_date since;
	struct qf_store *s;
	struct qf_batch *b;
	struct qf_node *rec, *contact = NULL;
	struct qf_error err;
	struct dup dup;
	char id[QF_ID_MAX], datebuf[16];
	int c, rc;

	cmd_init("qf-add-firm");
	since = today();
	while ((c = getopt_long(argc, argv, "n:c:p:s:t:l:h", opts, NULL)) != -1) {
		switch (c) {
		case 'n': name = optarg; break;
		case 'c': code = optarg; break;
		case 'p': park = optarg; break;
		case 's': sector = optarg; break;
		case 't': strlist_add_split(&tags, optarg); break;
		case 'l': leader = optarg; break;
		case 'L': liaison = optarg; break;
		case 'C': cname = optarg; break;
		case 'T': ctitle = optarg; break;
		case 'P': phone = optarg; break;
		case 'S': since = parse_date_opt("--since", optarg); break;
		case 'N': note = optarg; break;
		case 'h': usage(0, usage_text());
		case OPT_VERSION: version();
		case OPT_DATA: data = optarg; break;
		default: usage(QF_EUSAGE, NULL);
		}
	}
	no_operands(argc, argv);
	if (!name || !*name)
		die(QF_EUSAGE, _("a firm needs a name (--name)"));
	if (code && !qf_credit_code_valid(code))
		die(QF_EDATA, _("--credit-code: '%s' is not a valid 统一社会信用代码 (18 characters with a correct check digit)"), code);

	s = open_store(data);
	lock_store(s);
	qf_error_clear(&err);
	memset(&dup, 0, sizeof dup);
	dup.name = name;
	dup.code = code;
	/* find_dup stops the walk with 1 at the first like it. */
	if ((rc = qf_store_each(s, QF_FIRM, find_dup, &dup, &err)) && rc != 1)
		die_error(&err);
	if (dup.why && !strcmp(dup.why, "name"))
		die(QF_EDATA, _("firm '%s' is registered already as %s (same name)"),
		    name, dup.found);
	if (dup.why)
		die(QF_EDATA, _("firm '%s' is registered already as %s (same credit code)"),
		    name, dup.found);
	b = batch_or_die(s);
	batch_id(b, QF_FIRM, NULL, id, sizeof id);

	if (!(rec = qf_node_new_map()))
		die(QF_ESOFTWARE, _("out of memory"));
	set_str(rec, "id", id);
	set_str(rec, "name", name);
	set_str(rec, "credit_code", code);
	set_str(rec, "park", park);
	set_str(rec, "sector", sector);
	set_list(rec, "tags", &tags);
	set_str(rec, "leader", leader);
	set_str(rec, "liaison", liaison);
	if (cname || ctitle || phone) {
		if (!(contact = qf_node_new_map()))
			die(QF_ESOFTWARE, _("out of memory"));
		set_str(contact, "name", cname);
		set_str(contact, "title", ctitle);
		set_str(contact, "phone", phone);
		if (qf_node_map_set(rec, "contact", contact))
			die(QF_ESOFTWARE, _("out of memory"));
	}
	set_str(rec, "since", qf_date_format(&since, datebuf, sizeof datebuf));
	set_str(rec, "note", note);
	batch_append(b, rec);
	batch_commit(b);
	printf("%s\n", id);
	qf_batch_free(b);
	qf_strv_release(&tags);
	qf_store_free(s);
	return 0;
}
