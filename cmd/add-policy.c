/* qf-add-policy - add a policy to the policy list (政策清单). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

static const char *usage_text(void)
{
	return _("Usage: qf add-policy --title TITLE [OPTION]...\n"
		 "Add a policy to the store's policy list and print its new ID.\n"
		 "\n"
		 "  -t, --title TITLE       the policy's title (required)\n"
		 "  -i, --issuer NAME       who issued it\n"
		 "      --issued DATE       date of issue\n"
		 "      --expires DATE      date it expires\n"
		 "  -s, --summary TEXT      what it offers, in a sentence or two\n"
		 "      --tag TAG           tag (repeatable, or a,b)\n"
		 "      --for-tag TAG       for firms with this tag (规上, 高新技术, ...);\n"
		 "                          repeatable or a,b: with one of them\n"
		 "      --for-sector TEXT   for firms of this sector (one of those given)\n"
		 "      --for-park PARK     for firms of this park (one of those given)\n"
		 "      --data DIR          the store (default: found from here, or $QF_DATA)\n"
		 "  -h, --help              show this help and exit\n"
		 "      --version           show the version and exit\n"
		 "\n"
		 "Exit status: 0 added, 64 bad usage, 65 bad data (nothing written),\n"
		 "66 no store, 73 cannot write, 75 store busy (another writer for over\n"
		 "5 s), 78 bad qf.yaml or schemas.\n");
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "title", required_argument, NULL, 't' },
		{ "issuer", required_argument, NULL, 'i' },
		{ "issued", required_argument, NULL, 'I' },
		{ "expires", required_argument, NULL, 'E' },
		{ "summary", required_argument, NULL, 's' },
		{ "tag", required_argument, NULL, 'T' },
		{ "for-tag", required_argument, NULL, 'G' },
		{ "for-sector", required_argument, NULL, 'S' },
		{ "for-park", required_argument, NULL, 'K' },
		COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	const char *data = NULL, *title = NULL, *issuer = NULL;
	const char *summary = NULL, *issued = NULL, *expires = NULL;
	struct qf_strv tags = { 0 }, ftags = { 0 }, fsectors = { 0 };
	struct qf_strv fparks = { 0 };
	struct qf_date d1 = { 0, 0, 0 }, d2 = { 0, 0, 0 };
	struct qf_store *s;
	struct qf_node *rec;
	struct qf_batch *b;
	char id[QF_ID_MAX];
	int c;

	cmd_init("qf-add-policy");
	while ((c = getopt_long(argc, argv, "t:i:s:h", opts, NULL)) != -1) {
		switch (c) {
		case 't': title = optarg; break;
		case 'i': issuer = optarg; break;
		case 'I': d1 = parse_date_opt("--issued", issued = optarg); break;
		case 'E': d2 = parse_date_opt("--expires", expires = optarg); break;
		case 's': summary = optarg; break;
		case 'T': strlist_add_split(&tags, optarg); break;
		case 'G': strlist_add_split(&ftags, optarg); break;
		case 'S': strlist_add_split(&fsectors, optarg); break;
		case 'K': strlist_add_split(&fparks, optarg); break;
		case 'h': usage(0, usage_text());
		case OPT_VERSION: version();
		case OPT_DATA: data = optarg; break;
		default: usage(QF_EUSAGE, NULL);
		}
	}
	no_operands(argc, argv);
	if (!title || !*title)
		die(QF_EUSAGE, _("a policy needs a title (--title)"));
	if (issued && expires && qf_date_cmp(&d2, &d1) < 0)
		die(QF_EUSAGE, _("--expires %s is before --issued %s"), expires, issued);

	s = open_store(data);
	lock_store(s);
	b = batch_or_die(s);
	batch_id(b, QF_POLICY, NULL, id, sizeof id);
	if (!(rec = qf_node_new_map()))
		die(QF_ESOFTWARE, _("out of memory"));
	set_str(rec, "id", id);
	set_str(rec, "title", title);
	set_str(rec, "issuer", issuer);
	set_str(rec, "issued", issued);
	set_str(rec, "expires", expires);
	set_str(rec, "summary", summary);
	set_list(rec, "tags", &tags);
	if (ftags.n || fsectors.n || fparks.n) {
		struct qf_node *el = qf_node_new_map();
		if (!el || qf_node_map_set(rec, "eligible", el))
			die(QF_ESOFTWARE, _("out of memory"));
		set_list(el, "tags", &ftags);
		set_list(el, "sectors", &fsectors);
		set_list(el, "parks", &fparks);
	}
	batch_append(b, rec);
	batch_commit(b);
	printf("%s\n", id);
	qf_batch_free(b);
	qf_strv_release(&tags);
	qf_strv_release(&ftags);
	qf_strv_release(&fsectors);
	qf_strv_release(&fparks);
	qf_store_free(s);
	return 0;
}
