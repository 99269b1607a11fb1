/* qf-assign - hand demands to a unit with a deadline (交办). */
#include "action.h"
#include "common.h"

static const char *usage_text(void)
{
	return _("Usage: qf assign --dept UNIT [OPTION]... [ID]...\n"
		 "Hand demands to a lead unit (主办) with a person and a deadline (交办).\n"
		 "\n"
		 "  -d, --dept UNIT         the lead unit (主办): a department of qf.yaml's\n"
		 "                          catalogue, or a unique part of its name\n"
		 "      --codept UNIT       a co-handling unit (协办) (repeatable, or a,b)\n"
		 "  -o, --owner NAME        the person responsible\n"
		 "      --due DATE          the deadline\n"
		 "      --days N            the deadline N days after --date (default:\n"
		 "                          the store's due_days)\n"
		 "  -m, --note TEXT         instructions to the unit\n");
}

int main(int argc, char **argv)
{
	return action_main("qf-assign", QF_ACT_ASSIGN, usage_text, argc, argv);
}
