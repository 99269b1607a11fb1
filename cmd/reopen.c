/* qf-reopen - reopen closed demands (重办). */
#include "action.h"
#include "common.h"

static const char *usage_text(void)
{
	return _("Usage: qf reopen --reason TEXT [OPTION]... [ID]...\n"
		 "Reopen closed demands (重办): back to their unit with a new deadline, or\n"
		 "open when they never had one.\n"
		 "\n"
		 "  -m, --reason TEXT       why (required)\n"
		 "      --due DATE, --days N  the new deadline (default: the store's due_days)\n");
}

int main(int argc, char **argv)
{
	return action_main("qf-reopen", QF_ACT_REOPEN, usage_text, argc, argv);
}
