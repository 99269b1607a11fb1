/* qf-escalate - raise demands to a higher level (上报). */
#include "action.h"
#include "common.h"

static const char *usage_text(void)
{
	return _("Usage: qf escalate [OPTION]... [ID]...\n"
		 "Raise demands from this level (本级) to a higher level (上级).\n"
		 "\n"
		 "  -m, --note TEXT         to whom, and why\n");
}

int main(int argc, char **argv)
{
	return action_main("qf-escalate", QF_ACT_ESCALATE, usage_text, argc, argv);
}
