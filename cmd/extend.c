/* qf-extend - give demands a later deadline (延期). */
#include "action.h"
#include "common.h"

static const char *usage_text(void)
{
	return _("Usage: qf extend (--due DATE | --days N) --reason TEXT [ID]...\n"
		 "Give assigned demands a later deadline (延期).  The first deadline is kept\n"
		 "as original_due: on-time rates are judged against both.\n"
		 "\n"
		 "      --due DATE          the new deadline\n"
		 "      --days N            N days after the current deadline\n"
		 "  -m, --reason TEXT       why (required)\n"
		 "      --by NAME           who acts (default: $QF_USER, the store's user\n"
		 "                          setting, or $USER)\n"
		 "      --date DATE         the day it happened (default: today)\n"
		 "      --data DIR          the store (default: found from here, or $QF_DATA)\n"
		 "  -h, --help              show this help and exit\n"
		 "      --version           show the version and exit\n"
		 "\n"
		 "Demand IDs come from the arguments or, with none, from standard input\n"
		 "(the first field of each line), so lists pipe into it.  Each demand\n"
		 "changed is printed; each refused one is reported and the rest go on.\n"
		 "\n"
		 "Exit status: 0 every demand changed; else that of the first failure:\n"
		 "64 bad usage, 65 the action does not fit the demand (nothing written\n"
		 "for it), 66 no store or no such demand, 73 cannot write, 75 store\n"
		 "busy, 78 bad qf.yaml or schemas.\n");
}

int main(int argc, char **argv)
{
	return action_main("qf-extend", QF_ACT_EXTEND, usage_text(), argc, argv);
}
