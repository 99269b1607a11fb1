/* fixture.h - a store in a temporary directory, for the unit tests that
 * work on files (test_check, test_firms, test_report, test_store).
 *
 * fixture.c is compiled into every unit test (tests/CMakeLists.txt); it is
 * not a test itself.  The helpers that write files fail the running cmocka
 * test when they cannot. */
#ifndef QF_TEST_FIXTURE_H
#define QF_TEST_FIXTURE_H

#include "qf/store.h"

/* The schemas of the source tree, which the test stores are opened with. */
#define FIXTURE_SCHEMAS QF_TEST_SOURCE_DIR "/schemas"

struct fixture {
	char dir[64];           /* the temporary directory */
	char root[96];          /* the store: <dir>/s */
};

/* Make a new temporary directory /tmp/qf-test-NAME-XXXXXX with an empty
 * folder s in it for the store, and name both in f.  0, or -1 (with
 * nothing left behind) when either cannot be made. */
int fixture_make(struct fixture *f, const char *name);

/* Write text to <root>/rel, making its folder (one level) if need be. */
void fixture_put(const struct fixture *f, const char *rel, const char *text);

/* Open the store at f->root with the source tree's schemas into *s.  0, or
 * -1 with the reason on stderr. */
int fixture_open(const struct fixture *f, struct qf_store **s);

/* Remove path and everything under it; nothing when it is not there. */
void fixture_rm_rf(const char *path);

/* Remove the temporary directory of f and everything in it. */
void fixture_remove(const struct fixture *f);

#endif
