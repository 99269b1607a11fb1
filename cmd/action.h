/* action.h - what the commands that act on demands share (assign, note,
 * extend, return, urge, escalate, resolve, follow-up, reopen): options,
 * demand IDs from the arguments or standard input, the lock, and one
 * report per demand. */
#ifndef QF_CMD_ACTION_H
#define QF_CMD_ACTION_H

#include "qf/workflow.h"

/* Run action act over the demands named on the command line or, with
 * none, on standard input (the first field of each line).  usage gives the
 * command's translated help (called after the locale is set): synopsis, description and its own options
 * (the options all actions share follow it).  Returns the exit status: 0 when every
 * demand was changed, else the status of the first failure. */
int action_main(const char *prog, enum qf_act act,
		const char *(*usage)(void), int argc, char **argv);

#endif
