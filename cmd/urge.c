/* qf-urge - log a reminder on overdue demands (催办/督办). */
#include "action.h"
#include "common.h"

static const char *usage_text(void)
{
	return _("Usage: qf urge [OPTION]... [ID]...\n"
		 "Log a reminder (催办/督办) on overdue demands.\n"
		 "\n"
		 "  -m, --note TEXT         what was said, e.g. 督办 by whom\n");
}

int main(int argc, char **argv)
{
	return action_main("qf-urge", QF_ACT_URGE, usage_text, argc, argv);
}
