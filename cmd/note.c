/* qf-note - log progress on demands (跟踪问效). */
#include "action.h"
#include "common.h"

static const char *usage_text(void)
{
	return _("Usage: qf note --note TEXT [OPTION]... [ID]...\n"
		 "Log progress on demands (跟踪问效).\n"
		 "\n"
		 "  -m, --note TEXT         what has been done (required)\n");
}

int main(int argc, char **argv)
{
	return action_main("qf-note", QF_ACT_NOTE, usage_text, argc, argv);
}
