/* qf-follow-up - record a follow-up call and the firm's satisfaction (回访). */
#include "action.h"
#include "common.h"

static const char *usage_text(void)
{
	return _("Usage: qf follow-up --satisfaction RATING [OPTION]... [ID]...\n"
		 "Record a follow-up call (回访) on closed demands.  A dissatisfied firm\n"
		 "reopens the demand (重办) with its unit and a new deadline.\n"
		 "\n"
		 "  -s, --satisfaction R    satisfied|满意, basic|基本满意, dissatisfied|不满意\n"
		 "                          (required)\n"
		 "  -m, --note TEXT         what the firm said\n"
		 "      --due DATE, --days N  the new deadline when it is reopened\n");
}

int main(int argc, char **argv)
{
	return action_main("qf-follow-up", QF_ACT_FOLLOW_UP, usage_text, argc, argv);
}
