/* jsoncheck.h - a tiny JSON checker (RFC 8259) for the unit tests.
 * jsoncheck.c is compiled into every unit test; it is not a test. */
#ifndef QF_TEST_JSONCHECK_H
#define QF_TEST_JSONCHECK_H

#include <stddef.h>

/* 1 when s is exactly one JSON text, 0 otherwise. */
int jsoncheck_valid(const char *s);

/* Decode the string literal at *p into out (n bytes; NULL drops it) and
 * move *p past it.  0, or -1 when it is not a valid literal. */
int jsoncheck_string(const char **p, char *out, size_t n);

#endif
