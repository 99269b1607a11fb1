/* measure.c - qf-bench-measure: run one command, say how long and how big.
 *
 *   qf-bench-measure [--] CMD [ARG]...
 *
 * Runs CMD (searched on PATH) with standard output to /dev/null, standard
 * input and error as they are, waits for it, and prints one line:
 *
 *   SECONDS RSS_KIB STATUS
 *
 * SECONDS is the wall time from before fork(2) to after wait4(2) on
 * CLOCK_MONOTONIC; RSS_KIB the peak resident set size of the process in
 * KiB (ru_maxrss from wait4(2): a dispatcher that exec(2)s, as qf does,
 * is the same process); STATUS its exit status, 128+N when killed by
 * signal N, 127 when CMD could not be run.  The bench script times every
 * command, qf and baseline alike, through this one program.
 *
 * Exit status: 0 when the line was printed (whatever STATUS is), 64 bad
 * usage, 71 fork or wait failed, 74 the line could not be written.
 */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE         /* wait4(2), when built alone */
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	int st, arg = 1, status;
	pid_t pid;

	if (arg < argc && !strcmp(argv[arg], "--"))
		arg++;
	if (arg >= argc || (arg == 1 && argv[arg][0] == '-')) {
		fputs("Usage: qf-bench-measure [--] CMD [ARG]...\n"
		      "Run CMD with its output to /dev/null; print "
		      "\"SECONDS RSS_KIB STATUS\".\n", stderr);
		return 64;
	}
	fflush(stdout);
	if (clock_gettime(CLOCK_MONOTONIC, &t0)) {
		perror("qf-bench-measure: clock_gettime");
		return 71;
	}
	pid = fork();
	if (pid < 0) {
		perror("qf-bench-measure: fork");
		return 71;
	}
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);

		if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0) {
			perror("qf-bench-measure: /dev/null");
			_exit(127);
		}
		if (fd != STDOUT_FILENO)
			close(fd);
		execvp(argv[arg], argv + arg);
		fprintf(stderr, "qf-bench-measure: %s: %s\n", argv[arg],
			strerror(errno));
		_exit(127);
	}
	while (wait4(pid, &st, 0, &ru) < 0) {
		if (errno != EINTR) {
			perror("qf-bench-measure: wait4");
			return 71;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	status = WIFEXITED(st) ? WEXITSTATUS(st) :
		 WIFSIGNALED(st) ? 128 + WTERMSIG(st) : 255;
	printf("%.6f %ld %d\n", (double)(t1.tv_sec - t0.tv_sec) +
	       (double)(t1.tv_nsec - t0.tv_nsec) / 1e9, ru.ru_maxrss, status);
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 74;
}
