/* fiu_nth.so - fail the Nth call of a libfiu failure point, for
 * tests/reliability/run.
 *
 * libfiu's POSIX preload (fiu_posix_preload.so) wraps malloc, calloc,
 * realloc, strdup, write (with a "reduce" point for short writes) and the
 * rest of libc, and asks libfiu whether each call should fail.  fiu-run can
 * only make a point fail always or at random; the reliability run needs to
 * fail exactly the Nth call, then every call after it, in turn for every N.
 * This preload answers libfiu's question by counting.  Environment:
 *
 *   QF_FIU_POINT    the libfiu point, wildcards allowed ("libc/mm/" followed
 *                   by a star, "posix/io/rw/write/reduce")
 *   QF_FIU_NTH      fail the Nth call (1-based); 0 or unset: never fail
 *   QF_FIU_SITE     or fail the first call made from the Kth call site (the
 *                   Kth distinct caller outside libfiu, in order of first
 *                   call): every allocation site is then failed once,
 *                   where failing the Nth call would fail the same loop
 *                   thousands of times and miss the sites called once
 *   QF_FIU_PERSIST  1: fail that call and every one after it
 *   QF_FIU_COUNT    a file: at exit, the number of calls is written there,
 *                   and on a second line the number made before the first
 *                   flock(2), when the store's lock was taken: the calls
 *                   after it are those of the write itself; on a third,
 *                   the number of distinct call sites
 *
 * Only programs named qf* are touched, so the env(1) or sh(1) that starts
 * them runs untouched.  Preload it before fiu_posix_preload.so, so that
 * its initialiser runs after the wrappers' (the other way round, libfiu's
 * first malloc goes through a wrapper not yet set up):
 *
 *   LD_PRELOAD="$B/fiu_nth.so /usr/lib/fiu/fiu_posix_preload.so" qf-...
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fiu.h>
#include <fiu-control.h>
#include <dlfcn.h>
#include <execinfo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>

static unsigned long calls;
static unsigned long nth;
static int persist;
static const char *count_file;
static unsigned long calls_at_lock;
static int locked;
static unsigned long site_k;
static void *sites[8192];
static unsigned long nsites;
static int failing;

/* The index (1-based) of the call site of the call being decided: the
 * first frame outside libfiu, its POSIX preload and this file. */
static unsigned long site_of_caller(void)
{
	void *frames[24];
	int n = backtrace(frames, 24);
	Dl_info me, in;
	unsigned long i;

	dladdr((void *)site_of_caller, &me);
	for (int f = 1; f < n; f++) {
		if (!dladdr(frames[f], &in) || !in.dli_fname ||
		    in.dli_fbase == me.dli_fbase || strstr(in.dli_fname, "fiu"))
			continue;
		/* libc's own allocations are left alone: glibc 2.36's
		 * regcomp() frees twice and its NSS code asserts when one
		 * fails, which is libc's bug, not one qifu can handle. */
		if (strstr(in.dli_fname, "/libc.so"))
			return 0;
		for (i = 0; i < nsites; i++)
			if (sites[i] == frames[f])
				return i + 1;
		if (nsites < sizeof sites / sizeof *sites)
			sites[nsites++] = frames[f];
		return nsites;
	}
	return 0;
}

static int decide(const char *name, int *failnum, void **failinfo,
		  unsigned int *flags)
{
	(void)failnum;
	(void)flags;
	calls++;
	if (site_k || count_file) {
		unsigned long k = site_of_caller();

		if (site_k && !failing && k && k == site_k)
			failing = 1;
		else if (!failing || !persist)
			return 0;
	} else if (!nth || calls < nth || (calls > nth && !persist)) {
		return 0;
	}
	/* The errno a failed write or open sets; malloc sets ENOMEM. */
	if (strncmp(name, "libc/", 5) != 0)
		*failinfo = (void *)(intptr_t)(strstr(name, "write") ? ENOSPC : EIO);
	return 1;
}

static void report(void)
{
	FILE *f;

	if (!count_file || !(f = fopen(count_file, "w")))
		return;
	fprintf(f, "%lu\n%lu\n%lu\n", calls, locked ? calls_at_lock : calls, nsites);
	fclose(f);
}

int flock(int fd, int op)
{
	static int (*next)(int, int);

	if (!next)
		next = (int (*)(int, int))dlsym(RTLD_NEXT, "flock");
	if (!locked) {
		locked = 1;
		calls_at_lock = calls;
	}
	return next(fd, op);
}

__attribute__((constructor)) static void setup(void)
{
	const char *point = getenv("QF_FIU_POINT");
	const char *n = getenv("QF_FIU_NTH");
	const char *p = getenv("QF_FIU_PERSIST");
	const char *k = getenv("QF_FIU_SITE");

	if (!point || strncmp(program_invocation_short_name, "qf", 2) != 0)
		return;
	nth = n ? strtoul(n, NULL, 10) : 0;
	persist = p && *p == '1';
	site_k = k ? strtoul(k, NULL, 10) : 0;
	count_file = getenv("QF_FIU_COUNT");
	fiu_init(0);
	if (fiu_enable_external(point, 1, NULL, 0, decide) != 0) {
		fprintf(stderr, "fiu_nth: cannot enable %s\n", point);
		exit(70);
	}
	if (count_file)
		atexit(report);
}
