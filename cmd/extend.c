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
		 "  -m, --reason TEXT       why (required)\n");
}

int main(int argc, char **argv)
{
	return action_main("qf-extend", QF_ACT_EXTEND, usage_text, argc, argv);
}
