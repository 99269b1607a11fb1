/* common.h - what the commands share and the library must not do: usage,
 * dying with a message, the options every command takes, output checks.
 *
 * Adding a command (checklist):
 *   1. cmd/<name>.c with main() at the bottom: parse options, open the
 *      store, act, print, exit code;
 *   2. its name in QF_COMMANDS in CMakeLists.txt (built as qf-<name>);
 *   3. man/qf-<name>.1;
 *   4. tests/cli/t-<name>.sh;
 *   5. its one-line summary in cmd/qf.c's list and in README.md.
 */
#ifndef QF_CMD_COMMON_H
#define QF_CMD_COMMON_H

#include <libintl.h>
#include <stdio.h>

#include "qf/batch.h"
#include "qf/buf.h"
#include "qf/date.h"
#include "qf/error.h"
#include "qf/store.h"
#include "qf/table.h"
#include "qf/vocab.h"

#define _(s) gettext(s)
#define N_(s) (s)
/* A literal that is data (what users type, a stored term), not wording:
 * tests/i18n/catalogue.sh lets its Chinese be. */
#define QF_TERM(s) (s)

/* Options every command takes; give them to getopt_long after the
 * command's own.  The values are >= 256 so they never clash with short
 * options. */
enum { OPT_HELP = 256, OPT_VERSION, OPT_DATA, OPT_FORMAT, OPT_FIELDS,
       OPT_HEADER, OPT_NO_HEADER, OPT_CMD_BASE };
#define COMMON_LONG_OPTIONS \
	{ "help", no_argument, NULL, 'h' }, \
	{ "version", no_argument, NULL, OPT_VERSION }, \
	{ "data", required_argument, NULL, OPT_DATA }

extern const char *qf_prog;        /* "qf-add-visit" */

/* setlocale, the message catalogue, the program's name; registers the
 * stdout check at exit.  Call first in main. */
void cmd_init(const char *name);

/* Print "qf-<cmd>: message" to stderr (control characters escaped) and
 * exit with code. */
void die(int code, const char *fmt, ...)
	__attribute__((format(printf, 2, 3), noreturn));
/* Print an error from the library ("qf-cmd: file:line:col: msg") and exit
 * with its code. */
void die_error(const struct qf_error *e) __attribute__((noreturn));
/* Print without exiting. */
void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void warn_error(const struct qf_error *e);

/* Print usage (the command's synopsis and options, already translated) to
 * stdout and exit 0, or to stderr and exit 64. */
void usage(int code, const char *text) __attribute__((noreturn));
/* Exit 64 naming the first operand when there is one: for commands that
 * take none. */
void no_operands(int argc, char **argv);
void version(void) __attribute__((noreturn));

/* Find and open the store (--data, walking up, $QF_DATA), and take the
 * readers' shared lock (qf_store_lock_shared); dies on error. */
struct qf_store *open_store(const char *data);
/* Take the writers' lock or die (75 when busy), waiting up to 5 s or
 * $QF_LOCK_WAIT seconds. */
void lock_store(struct qf_store *s);

/* Today: $QF_TODAY or the calendar; dies when QF_TODAY is not a date. */
struct qf_date today(void);
/* Parse a date option or die with 64. */
struct qf_date parse_date_opt(const char *opt, const char *arg);

/* Who acts: --by, else $QF_USER, else the store's `user` setting, else
 * $LOGNAME/$USER, else the login name of the uid.  Never NULL. */
const char *actor(const struct qf_store *s, const char *by);

/* Growing list of strings from repeated options ("--tag a --tag b", also
 * "--tag a,b" and "--tag a，b" with Chinese commas). */
void strlist_add(struct qf_strv *l, const char *s);       /* dies on OOM */
void strlist_add_split(struct qf_strv *l, const char *s); /* split on , ， 、 */

/* Set map[key] = a sequence of the list's strings (nothing when empty). */
void set_list(struct qf_node *map, const char *key, const struct qf_strv *l);
/* Set map[key] = s when s is non-NULL and non-empty; dies on OOM. */
void set_str(struct qf_node *map, const char *key, const char *s);

/* The add-* commands' write (qf/batch.h), dying on failure: a batch on
 * the locked store; the next ID of a type; a record queued to be
 * appended or to replace its stored self (the batch owns it); and the commit, which on invalid records prints each problem
 * and exits 65 with nothing written. */
struct qf_batch *batch_or_die(struct qf_store *s);
void batch_id(struct qf_batch *b, enum qf_type t, const struct qf_date *date,
	      char *id, size_t n);
void batch_append(struct qf_batch *b, struct qf_node *rec);
void batch_rewrite(struct qf_batch *b, struct qf_node *rec);
void batch_commit(struct qf_batch *b);

/* The stored token for a user's word (token, Chinese or English name) of
 * a vocabulary, or die with 64 listing what is allowed. */
const char *vocab_arg(enum qf_vocab v, const char *opt, const char *arg);

/* Output options every list takes: --format, --fields, --header. */
#define OUT_OPTS_INIT { -1, -1, NULL, NULL, { NULL, 0, 0 } }
struct out_opts {
	int fmt;               /* enum qf_format, or -1 for the default */
	int header;            /* -1 default, 0 no, 1 yes */
	const char *fields;    /* comma-separated column names, or NULL */
	const char *fit;       /* column cut to the terminal's width */
	struct qf_strv shown;  /* out_prepare: the columns printed */
};
#define OUT_LONG_OPTIONS \
	{ "format", required_argument, NULL, OPT_FORMAT }, \
	{ "fields", required_argument, NULL, OPT_FIELDS }, \
	{ "header", no_argument, NULL, OPT_HEADER }, \
	{ "no-header", no_argument, NULL, OPT_NO_HEADER }
/* Handle one of the output options; returns 1 if c was one. */
int out_option(struct out_opts *o, int c, const char *arg);
/* Before a list's rows: settle the format (a terminal: an aligned table
 * with a header; else TSV without one) and make the table keep only the
 * columns printed (--fields, or the n defaults) and those in sort (NULL
 * ended), and for JSON and YAML the full records.  Dies with 64 on an
 * unknown field.  fit names the column cut to the terminal's width. */
void out_prepare(struct qf_table *t, const char *const *defaults, size_t n,
		 const char *const *sort, struct out_opts *o, const char *fit);
/* After the rows (sorted): print the table a row at a time and free it.
 * Returns 0 when it had rows, 1 when empty (grep-like). */
int out_print(struct qf_table *t, struct out_opts *o);
/* The help text of those options. */
const char *out_usage(void);

/* Print text; on a terminal with every control character but the line
 * ends escaped. */
void print_safe(const char *text);

/* --amount: a whole number of yuan, or die with 64.  Returns arg. */
const char *amount_arg(const char *arg);

/* An amount of money option: whole yuan, or with its unit (元, 万元,
 * 亿元: "100亿元", "2000万元"; qf_amount_parse), or die with 64. */
long long money_arg(const char *opt, const char *arg);
/* A count option: a whole number from 0, or die with 64. */
long long count_arg(const char *opt, const char *arg);

/* The ID of the policy named by ID or a unique part of its title, as
 * firm_arg. */
void policy_arg(struct qf_store *s, const char *name, char *id, size_t n);

/* The ID of the firm named by ID or a unique part of its name, into id
 * (QF_ID_MAX bytes); dies with the library's message (66 none, 65 several,
 * listing them). */
void firm_arg(struct qf_store *s, const char *name, char *id, size_t n);

/* money_arg's yuan as digits into buf (n bytes), for a record's field.
 * Returns buf. */
const char *money_text_arg(const char *opt, const char *arg, char *buf,
			   size_t n);

/* A list's --help: its own part, the output options, the common tail;
 * exits 0. */
void list_help(const char *head, const char *tail) __attribute__((noreturn));

/* 1 if stdout is a terminal. */
int stdout_is_tty(void);

/* -o FILE: the output is written to a temporary file beside FILE and
 * renamed over it when whole (outfile_commit), so that a failed command
 * leaves nothing behind and an old FILE as it was; the temporary file is
 * removed at exit otherwise.  dest NULL: standard output, straight
 * (f is stdout) unless want_file, which gives a temporary file in
 * $TMPDIR that outfile_commit copies to stdout (for libraries that write
 * a file by its name: tmp).  A FILE that is not a regular file (a
 * device, a pipe, a symbolic link: /dev/null, /dev/stdout) is written
 * through, never replaced.  Dies with 73 when it cannot create. */
struct outfile {
	const char *dest;     /* -o, or NULL for stdout */
	char *tmp;            /* the temporary file, or NULL */
	FILE *f;              /* NULL once closed */
	int direct;           /* dest is a device or a pipe: written, not
			       * renamed over */
};
void outfile_open(struct outfile *o, const char *dest, int want_file);
/* Close, fsync and put in place, or copy to stdout; dies with 74 (73
 * when the rename fails). */
void outfile_commit(struct outfile *o);

#endif
