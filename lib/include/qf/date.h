/* date.h - calendar dates (ISO 8601 YYYY-MM-DD), no time zones. */
#ifndef QF_DATE_H
#define QF_DATE_H

#include <stddef.h>

struct qf_date {
	int y, m, d;
};

/* Parse exactly "YYYY-MM-DD" (years 1900..9999, a real calendar day).
 * Returns 0, or -1 when s is not such a date (d is then untouched). */
int qf_date_parse(const char *s, struct qf_date *d);
/* Parse "YYYY-MM" into year and month.  0 or -1. */
int qf_month_parse(const char *s, int *y, int *m);
/* Write "YYYY-MM-DD" into buf (at least 11 bytes).  Returns buf. */
char *qf_date_format(const struct qf_date *d, char *buf, size_t n);
/* Days since 1970-01-01 (negative before). */
long qf_date_days(const struct qf_date *d);
void qf_date_from_days(long days, struct qf_date *d);
/* a - b in days. */
long qf_date_diff(const struct qf_date *a, const struct qf_date *b);
int qf_date_cmp(const struct qf_date *a, const struct qf_date *b);
void qf_date_add_days(struct qf_date *d, long days);
int qf_days_in_month(int y, int m);

/* Today: from override when it is non-NULL (the caller passes $QF_TODAY),
 * else the local calendar date.  Returns 0, or -1 when override is not a
 * date. */
int qf_date_today(const char *override, struct qf_date *d);

#endif
