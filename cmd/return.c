/* qf-return - record that a unit sent demands back (退回). */
#include "action.h"
#include "common.h"

static const char *usage_text(void)
{
	return _("Usage: qf return --reason TEXT [OPTION]... [ID]...\n"
		 "Record that a unit sent demands back (退回); they are open again and must\n"
		 "be assigned anew.\n"
		 "\n"
		 "  -m, --reason TEXT       why the unit sent it back (required)\n");
}

int main(int argc, char **argv)
{
	return action_main("qf-return", QF_ACT_RETURN, usage_text, argc, argv);
}
