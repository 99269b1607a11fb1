/* common.c - helpers shared by the commands. */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"
#include "qf/import.h"
#include "qf/schema.h"
#include "qf/report.h"
#include "qf/text.h"

#ifndef QF_LOCALE_DIR_BUILD
#define QF_LOCALE_DIR_BUILD "locale"
#endif
#ifndef QF_LOCALE_DIR_INSTALLED
#define QF_LOCALE_DIR_INSTALLED "/usr/local/share/locale"
#endif

const char *qf_prog = "qf";

static void check_stdout(void)
{
	/* Quietly end on a closed pipe (qf list | head); complain about any
	 * other failure to write, as a command that lost output must. */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (errno == EPIPE)
			_exit(0);
		fprintf(stderr, "%s: %s: %s\n", qf_prog, _("write error"),
			strerror(errno));
		_exit(QF_EIO);
	}
	if (fclose(stdout) != 0 && errno != EPIPE) {
		fprintf(stderr, "%s: %s: %s\n", qf_prog, _("write error"),
			strerror(errno));
		_exit(QF_EIO);
	}
}

static const char *locale_dir(void)
{
	struct stat st;
	static char buf[4096 + 32];
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

	/* Uninstalled: the build tree's catalogues, beside the programs. */
	if (n > 0) {
		char *slash;
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/'))) {
			*slash = '\0';
			snprintf(buf, sizeof buf, "%s/locale", exe);
			if (stat(buf, &st) == 0 && S_ISDIR(st.st_mode))
				return buf;
			snprintf(buf, sizeof buf, "%s/../share/locale", exe);
			if (stat(buf, &st) == 0 && S_ISDIR(st.st_mode))
				return buf;
		}
	}
	if (stat(QF_LOCALE_DIR_BUILD, &st) == 0 && S_ISDIR(st.st_mode))
		return QF_LOCALE_DIR_BUILD;
	return QF_LOCALE_DIR_INSTALLED;
}

void cmd_init(const char *name)
{
	qf_prog = name;
	setlocale(LC_ALL, "");
	bindtextdomain("qifu", locale_dir());
	bind_textdomain_codeset("qifu", "UTF-8");
	textdomain("qifu");
	atexit(check_stdout);
}

static void vwarn(const char *fmt, va_list ap)
	__attribute__((format(printf, 1, 0)));

static void vwarn(const char *fmt, va_list ap)
{
	char msg[4096];
	char *safe;

	vsnprintf(msg, sizeof msg, fmt, ap);
	safe = qf_text_escape(msg, 0);
	fprintf(stderr, "%s: %s\n", qf_prog, safe ? safe : msg);
	free(safe);
}

void warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void die(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	exit(code);
}

void warn_error(const struct qf_error *e)
{
	char buf[QF_ERR_FILE_MAX + QF_ERR_MSG_MAX + 64];

	warn("%s", qf_error_format(e, buf, sizeof buf));
}

void die_error(const struct qf_error *e)
{
	warn_error(e);
	exit(e->code ? e->code : 1);
}

void usage(int code, const char *text)
{
	FILE *f = code ? stderr : stdout;

	if (code)
		fprintf(f, _("Try '%s --help' for more information.\n"),
			qf_prog);
	else
		fputs(text, f);
	exit(code);
}

void no_operands(int argc, char **argv)
{
	if (optind < argc) {
		fprintf(stderr, _("%s: unexpected argument '%s'\n"), qf_prog,
			argv[optind]);
		usage(QF_EUSAGE, NULL);
	}
}

void version(void)
{
	printf("%s (qifu) %s\n", qf_prog, QF_VERSION);
	exit(0);
}

/* How long to wait for the lock: $QF_LOCK_WAIT seconds, for a cron job
 * that had rather wait, or 5 s. */
static int lock_wait_ms(void)
{
	const char *w = getenv("QF_LOCK_WAIT");
	char *end;
	long sec;

	if (!w || !*w)
		return QF_LOCK_TIMEOUT_MS;
	sec = strtol(w, &end, 10);
	if (*end || sec < 0 || sec > 3600)
		die(QF_EUSAGE, _("QF_LOCK_WAIT is not a number of seconds from 0 to 3600: '%s'"), w);
	return (int)sec * 1000;
}

/* The store a command opened.  A command that dies with it open leaves
 * its memory to exit(); kept here, it stays reachable, not leaked.
 * volatile: nothing reads it, and gcc -O2 dropped the store to it, which
 * valgrind then saw as a leak. */
static struct qf_store *volatile opened;

struct qf_store *open_store(const char *data)
{
	struct qf_error err;
	struct qf_store *s;
	char *root;

	qf_error_clear(&err);
	if (qf_store_find(data, getenv("QF_DATA"), &root, &err))
		die_error(&err);
	if (qf_store_open(&s, root, getenv("QF_SCHEMA_DIR"), &err)) {
		free(root);
		die_error(&err);
	}
	free(root);
	opened = s;
	/* Readers see a store before or after a write, never in between,
	 * and hold no lock while they read it. */
	if (qf_store_snapshot(s, lock_wait_ms(), &err))
		die_error(&err);
	return s;
}

void lock_store(struct qf_store *s)
{
	struct qf_error err;

	qf_error_clear(&err);
	if (qf_store_lock(s, lock_wait_ms(), &err))
		die_error(&err);
}

struct qf_date today(void)
{
	struct qf_date d;
	const char *o = getenv("QF_TODAY");

	if (o && !*o)
		o = NULL;
	if (qf_date_today(o, &d))
		die(QF_EUSAGE, _("QF_TODAY is not a date (YYYY-MM-DD): '%s'"),
		    o ? o : "");
	return d;
}

struct qf_date parse_date_opt(const char *opt, const char *arg)
{
	struct qf_date d;

	if (qf_date_parse(arg, &d))
		die(QF_EUSAGE, _("%s: '%s' is not a date (YYYY-MM-DD)"), opt,
		    arg);
	return d;
}

const char *actor(const struct qf_store *s, const char *by)
{
	const char *u;
	struct passwd *pw;

	if (by && *by)
		return by;
	/* The person at the keyboard before the store's setting: qf.yaml
	 * travels between offices with git. */
	if ((u = getenv("QF_USER")) && *u)
		return u;
	if ((u = qf_store_setting(s, "user")) && *u)
		return u;
	if ((u = getenv("LOGNAME")) && *u)
		return u;
	if ((u = getenv("USER")) && *u)
		return u;
	if ((pw = getpwuid(getuid())) && pw->pw_name)
		return pw->pw_name;
	return "unknown";
}

void strlist_add(struct qf_strv *l, const char *s)
{
	if (qf_strv_push(l, s))
		die(QF_ESOFTWARE, _("out of memory"));
}

void strlist_add_split(struct qf_strv *l, const char *s)
{
	static const char *const seps[] = { ",", QF_TERM("，"),
					    QF_TERM("、"), NULL };
	const char *p = s;

	while (*p) {
		const char *best = NULL;
		size_t seplen = 0;
		for (int i = 0; seps[i]; i++) {
			const char *q = strstr(p, seps[i]);
			if (q && (!best || q < best)) {
				best = q;
				seplen = strlen(seps[i]);
			}
		}
		size_t len = best ? (size_t)(best - p) : strlen(p);
		/* Trim blanks around each item. */
		const char *a = p, *b = p + len;
		while (a < b && (*a == ' ' || *a == '\t'))
			a++;
		while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
			b--;
		if (b > a) {
			if (qf_strv_take(l, strndup(a, (size_t)(b - a))))
				die(QF_ESOFTWARE, _("out of memory"));
		}
		if (!best)
			break;
		p = best + seplen;
	}
}

void set_list(struct qf_node *map, const char *key, const struct qf_strv *l)
{
	struct qf_node *seq;

	if (!l->n)
		return;
	if (!(seq = qf_node_new_seq()))
		die(QF_ESOFTWARE, _("out of memory"));
	for (size_t i = 0; i < l->n; i++) {
		struct qf_node *v = qf_node_new_scalar(l->v[i]);
		if (!v || qf_node_seq_append(seq, v))
			die(QF_ESOFTWARE, _("out of memory"));
	}
	if (qf_node_map_set(map, key, seq))
		die(QF_ESOFTWARE, _("out of memory"));
}

void set_str(struct qf_node *map, const char *key, const char *s)
{
	if (s && *s && qf_node_map_set_str(map, key, s))
		die(QF_ESOFTWARE, _("out of memory"));
}

struct qf_batch *batch_or_die(struct qf_store *s)
{
	struct qf_batch *b;
	struct qf_error err;

	qf_error_clear(&err);
	if (qf_batch_new(s, &b, &err))
		die_error(&err);
	return b;
}

void batch_id(struct qf_batch *b, enum qf_type t, const struct qf_date *date,
	      char *id, size_t n)
{
	struct qf_error err;

	qf_error_clear(&err);
	if (qf_batch_id(b, t, date, id, n, &err))
		die_error(&err);
}

void batch_append(struct qf_batch *b, struct qf_node *rec)
{
	struct qf_error err;

	qf_error_clear(&err);
	if (qf_batch_append(b, rec, &err))
		die_error(&err);
}

void batch_rewrite(struct qf_batch *b, struct qf_node *rec)
{
	struct qf_error err;

	qf_error_clear(&err);
	if (qf_batch_rewrite(b, rec, &err))
		die_error(&err);
}

void batch_commit(struct qf_batch *b)
{
	struct qf_diags d;
	struct qf_error err;
	int rc;

	qf_error_clear(&err);
	qf_diags_init(&d);
	if ((rc = qf_batch_commit(b, &d, &err)) == QF_EDATA && d.n) {
		/* The records are not on disk yet: no file:line:col to
		 * give, only the field. */
		for (size_t i = 0; i < d.n; i++)
			warn("%s", d.v[i].msg);
		qf_diags_release(&d);
		exit(QF_EDATA);
	}
	qf_diags_release(&d);
	if (rc)
		die_error(&err);
}

int stdout_is_tty(void)
{
	return isatty(STDOUT_FILENO);
}

const char *vocab_arg(enum qf_vocab v, const char *opt, const char *arg)
{
	const char *t = qf_vocab_token(v, arg);

	if (!t)
		die(QF_EUSAGE, _("%s: '%s' is not one of %s"), opt, arg,
		    qf_vocab_list(v));
	return t;
}

void print_safe(const char *text)
{
	const char *p = text;

	if (!stdout_is_tty()) {
		fputs(text, stdout);
		return;
	}
	/* Piece by piece between tabs and line ends (the separators of TSV
	 * and CSV, CRLF included), so that those stay and every other
	 * control character a record may hold is shown escaped. */
	while (*p) {
		size_t n = strcspn(p, "\t\n");
		int crlf = n > 0 && p[n] == '\n' && p[n - 1] == '\r';
		char *piece = strndup(p, n - (size_t)crlf), *e;
		if (!piece || !(e = qf_text_escape(piece, 0)))
			die(QF_ESOFTWARE, _("out of memory"));
		fputs(e, stdout);
		free(e);
		free(piece);
		p += n;
		if (crlf)
			putchar('\r');
		if (*p)
			putchar(*p++);
	}
}

int out_option(struct out_opts *o, int c, const char *arg)
{
	switch (c) {
	case OPT_FORMAT:
		if ((o->fmt = qf_format_parse(arg)) < 0)
			die(QF_EUSAGE, _("--format: '%s' is not table, tsv, csv, json or yaml"), arg);
		return 1;
	case OPT_FIELDS:
		o->fields = arg;
		return 1;
	case OPT_HEADER:
		o->header = 1;
		return 1;
	case OPT_NO_HEADER:
		o->header = 0;
		return 1;
	}
	return 0;
}

const char *out_usage(void)
{
	return _("      --format FMT        table (default on a terminal), tsv (default in a\n"
		 "                          pipe), csv, json or yaml (full records)\n"
		 "      --fields A,B,...    the columns to print, in that order\n"
		 "      --header            print the column names in TSV too\n"
		 "      --no-header         leave them out of the table and CSV\n");
}

static size_t terminal_width(void)
{
	struct winsize ws;
	const char *c = getenv("COLUMNS");
	long n;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if (c && (n = strtol(c, NULL, 10)) > 0)
		return (size_t)n;
	return 80;
}

void out_prepare(struct qf_table *t, const char *const *defaults, size_t n,
		 const char *const *sort, struct out_opts *o, const char *fit)
{
	struct qf_strv keep = { 0 };
	const char *bad = NULL;

	if (o->fmt < 0)
		o->fmt = stdout_is_tty() ? QF_FMT_TABLE : QF_FMT_TSV;
	o->fit = fit;
	if (o->fields)
		strlist_add_split(&o->shown, o->fields);
	else
		for (size_t i = 0; i < n; i++)
			strlist_add(&o->shown, defaults[i]);
	for (size_t i = 0; i < o->shown.n; i++)
		strlist_add(&keep, o->shown.v[i]);
	for (; sort && *sort; sort++) {
		size_t i;
		for (i = 0; i < keep.n && strcmp(keep.v[i], *sort); i++)
			;
		if (i == keep.n)
			strlist_add(&keep, *sort);
	}
	if (qf_table_keep(t, (const char *const *)keep.v, keep.n, &bad)) {
		if (!bad)
			die(QF_ESOFTWARE, _("out of memory"));
		die(QF_EUSAGE, _("--fields: no field '%s'"), bad);
	}
	qf_strv_release(&keep);
	qf_table_keep_records(t, (enum qf_format)o->fmt);
}

static int to_stdout(const char *s, size_t n, void *ud)
{
	(void)ud;
	if (stdout_is_tty()) {
		print_safe(s);
		return 0;
	}
	return fwrite(s, 1, n, stdout) == n ? 0 : -1;
}

int out_print(struct qf_table *t, struct out_opts *o)
{
	struct qf_render_opts r;
	struct stat st;
	const char *bad;
	int empty = qf_table_nrows(t) == 0;

	if (qf_table_select(t, (const char *const *)o->shown.v, o->shown.n,
			    &bad))
		die(QF_ESOFTWARE, _("out of memory"));
	qf_strv_release(&o->shown);
	memset(&r, 0, sizeof r);
	r.fmt = o->fmt;
	/* A table and a spreadsheet want the column names; TSV for programs
	 * does not. */
	r.header = o->header >= 0 ? o->header :
		   r.fmt == QF_FMT_TABLE || r.fmt == QF_FMT_CSV;
	r.fit_col = o->fit ? qf_table_col(t, o->fit) : -1;
	if (r.fmt == QF_FMT_TABLE && stdout_is_tty())
		r.width = terminal_width();
	/* Excel and WPS read a UTF-8 CSV file right only with a BOM; a pipe
	 * gets none, so the first field stays clean for other programs. */
	r.bom = r.fmt == QF_FMT_CSV && fstat(STDOUT_FILENO, &st) == 0 &&
		S_ISREG(st.st_mode);
	if (qf_table_write(t, &r, to_stdout, NULL) && !ferror(stdout))
		die(QF_ESOFTWARE, _("out of memory"));
	qf_table_free(t);
	return empty;
}

const char *amount_arg(const char *arg)
{
	size_t n = strlen(arg);

	if (!n || n > 15 || strspn(arg, "0123456789") != n ||
	    (n > 1 && arg[0] == '0'))
		die(QF_EUSAGE, _("--amount: '%s' is not a whole number of yuan"), arg);
	return arg;
}

long long money_arg(const char *opt, const char *arg)
{
	long long v;

	if (qf_amount_parse(arg, 1, &v))
		die(QF_EUSAGE, _("%s: '%s' is not an amount of money (yuan, or with 万元 or 亿元)"),
		    opt, arg);
	if (v > QF_AMOUNT_MAX)
		die(QF_EUSAGE, _("%s: '%s' is more than %lld yuan, the most a record holds"),
		    opt, arg, QF_AMOUNT_MAX);
	return v;
}

long long count_arg(const char *opt, const char *arg)
{
	size_t n = strlen(arg);

	if (!n || n > 12 || strspn(arg, "0123456789") != n)
		die(QF_EUSAGE, _("%s: '%s' is not a whole number"), opt, arg);
	return strtoll(arg, NULL, 10);
}

void policy_arg(struct qf_store *s, const char *name, char *id, size_t n)
{
	struct qf_error err;

	qf_error_clear(&err);
	if (qf_store_find_policy(s, name, id, n, &err))
		die_error(&err);
}

void firm_arg(struct qf_store *s, const char *name, char *id, size_t n)
{
	struct qf_error err;

	qf_error_clear(&err);
	if (qf_store_find_firm(s, name, id, n, &err))
		die_error(&err);
}

const char *money_text_arg(const char *opt, const char *arg, char *buf,
			   size_t n)
{
	snprintf(buf, n, "%lld", money_arg(opt, arg));
	return buf;
}

void list_help(const char *head, const char *tail)
{
	fputs(head, stdout);
	fputs(out_usage(), stdout);
	usage(0, tail);
}

/* ---- -o FILE ------------------------------------------------------- */

/* -o FILE is written as a temporary file beside it, renamed over it when
 * whole: a failed export leaves nothing behind, an old FILE as it was. */

static struct outfile *volatile cleanup_out;

static void remove_tmp(void)
{
	struct outfile *o = cleanup_out;

	if (o && o->tmp)
		unlink(o->tmp);
}

/* Interrupted (^C, a hang-up, kill): the half-written file goes too. */
static void remove_tmp_on_signal(int sig)
{
	remove_tmp();
	signal(sig, SIG_DFL);
	raise(sig);
}

void outfile_open(struct outfile *o, const char *dest, int want_file)
{
	const char *tmpdir = getenv("TMPDIR");
	struct stat st;
	mode_t mask;
	int fd;

	memset(o, 0, sizeof o[0]);
	o->dest = dest;
	if (!dest && !want_file) {
		o->f = stdout;
		return;
	}
	if (dest && stat(dest, &st) == 0 && S_ISDIR(st.st_mode))
		die(QF_ECANTCREAT, _("cannot create %s: %s"), dest, strerror(EISDIR));
	/* Only a regular file (or none) is replaced by a rename: a device,
	 * a pipe or a symbolic link (/dev/null, a fifo, /dev/stdout) is
	 * written through. */
	o->direct = dest && lstat(dest, &st) == 0 && !S_ISREG(st.st_mode);
	if (o->direct && !want_file) {
		if (!(o->f = fopen(dest, "w")))
			die(QF_ECANTCREAT, _("cannot create %s: %s"), dest,
			    strerror(errno));
		return;
	}
	if (dest && !o->direct) {
		if (!(o->tmp = malloc(strlen(dest) + 16)))
			die(QF_ESOFTWARE, _("out of memory"));
		sprintf(o->tmp, "%s.qf-XXXXXX", dest);
	} else {
		/* xlsx to a pipe: written whole, then copied. */
		if (!tmpdir || !*tmpdir)
			tmpdir = "/tmp";
		if (!(o->tmp = malloc(strlen(tmpdir) + 32)))
			die(QF_ESOFTWARE, _("out of memory"));
		sprintf(o->tmp, "%s/qf-export-XXXXXX", tmpdir);
	}
	if ((fd = mkstemp(o->tmp)) < 0) {
		int e = errno;
		free(o->tmp);
		o->tmp = NULL;
		die(QF_ECANTCREAT, _("cannot create %s: %s"),
		    dest ? dest : tmpdir, strerror(e));
	}
	cleanup_out = o;
	atexit(remove_tmp);
	signal(SIGINT, remove_tmp_on_signal);
	signal(SIGTERM, remove_tmp_on_signal);
	signal(SIGHUP, remove_tmp_on_signal);
	/* The mode a new file gets (mkstemp's is 0600). */
	mask = umask(0);
	umask(mask);
	if (dest && fchmod(fd, 0666 & ~mask))
		die(QF_ECANTCREAT, _("cannot create %s: %s"), dest, strerror(errno));
	if (!(o->f = fdopen(fd, "w"))) {
		close(fd);
		die(QF_ECANTCREAT, _("cannot create %s: %s"), dest ? dest : o->tmp,
		    strerror(errno));
	}
}

/* The output is whole: close it and put it in place (or copy it to
 * stdout).  Dies with 74 when it cannot. */
void outfile_commit(struct outfile *o)
{
	const char *name = o->dest ? o->dest : _("standard output");
	FILE *to = stdout;

	if (!o->tmp) {
		/* stdout is checked at exit; a device or pipe now. */
		if (o->f && o->f != stdout && (fflush(o->f) || ferror(o->f) |
					      fclose(o->f)))
			die(QF_EIO, _("cannot write %s: %s"), name, strerror(errno));
		o->f = NULL;
		return;
	}
	if (o->f && (fflush(o->f) || fsync(fileno(o->f)) || ferror(o->f))) {
		int e = errno;
		fclose(o->f);
		o->f = NULL;
		die(QF_EIO, _("cannot write %s: %s"), name, strerror(e));
	}
	if (o->f && fclose(o->f)) {
		o->f = NULL;
		die(QF_EIO, _("cannot write %s: %s"), name, strerror(errno));
	}
	o->f = NULL;
	if (o->dest && !o->direct) {
		if (rename(o->tmp, o->dest))
			die(QF_ECANTCREAT, _("cannot create %s: %s"), o->dest,
			    strerror(errno));
	} else {
		char buf[65536];
		size_t n;
		FILE *in = fopen(o->tmp, "rb");
		if (!in || (o->direct && !(to = fopen(o->dest, "w"))))
			die(QF_EIO, _("cannot write %s: %s"), name, strerror(errno));
		while ((n = fread(buf, 1, sizeof buf, in)) > 0)
			if (fwrite(buf, 1, n, to) != n) {
				fclose(in);
				die(QF_EIO, _("cannot write %s: %s"), name,
				    strerror(errno));
			}
		fclose(in);
		unlink(o->tmp);
		if (to != stdout && (fflush(to) || ferror(to) | fclose(to)))
			die(QF_EIO, _("cannot write %s: %s"), name, strerror(errno));
	}
	free(o->tmp);
	o->tmp = NULL;
	cleanup_out = NULL;
}

