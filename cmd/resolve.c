/* qf-resolve - close demands as resolved, adopted or declined (办结). */
#include "action.h"
#include "common.h"

static const char *usage_text(void)
{
	return _("Usage: qf resolve --resolution TEXT [--decline] [ID]...\n"
		 "Close demands (办结): a problem is resolved, a suggestion adopted; with\n"
		 "--decline, either is closed as not resolvable.\n"
		 "\n"
		 "  -m, --resolution TEXT   what was done, or why it cannot be (required)\n"
		 "      --decline           close it as not resolvable (无法解决)\n");
}

int main(int argc, char **argv)
{
	return action_main("qf-resolve", QF_ACT_RESOLVE, usage_text, argc, argv);
}
