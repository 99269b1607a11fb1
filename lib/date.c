/* date.c - calendar dates. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "qf/date.h"

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int qf_days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
				    30, 31 };

	if (m < 1 || m > 12)
		return 0;
	return days[m - 1] + (m == 2 && is_leap(y));
}

static int digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int qf_month_parse(const char *s, int *y, int *m)
{
	int yy, mm;

	if (!s || strlen(s) != 7 || s[4] != '-' || digits(s, 4, &yy) ||
	    digits(s + 5, 2, &mm) || yy < 1900 || mm < 1 || mm > 12)
		return -1;
	*y = yy;
	*m = mm;
	return 0;
}

int qf_date_parse(const char *s, struct qf_date *d)
{
	int y, m, dd;

	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    digits(s, 4, &y) || digits(s + 5, 2, &m) ||
	    digits(s + 8, 2, &dd))
		return -1;
	if (y < 1900 || m < 1 || m > 12 || dd < 1 ||
	    dd > qf_days_in_month(y, m))
		return -1;
	d->y = y;
	d->m = m;
	d->d = dd;
	return 0;
}

char *qf_date_format(const struct qf_date *d, char *buf, size_t n)
{
	snprintf(buf, n, "%04d-%02d-%02d", d->y, d->m, d->d);
	return buf;
}

/* Howard Hinnant's days_from_civil. */
long qf_date_days(const struct qf_date *d)
{
	long y = d->y - (d->m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (d->m + 9) % 12;
	long doy = (153 * mp + 2) / 5 + d->d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void qf_date_from_days(long z, struct qf_date *d)
{
	long era, doe, yoe, y, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d->d = (int)(doy - (153 * mp + 2) / 5 + 1);
	d->m = (int)(mp < 10 ? mp + 3 : mp - 9);
	d->y = (int)(y + (d->m <= 2));
}

long qf_date_diff(const struct qf_date *a, const struct qf_date *b)
{
	return qf_date_days(a) - qf_date_days(b);
}

int qf_date_cmp(const struct qf_date *a, const struct qf_date *b)
{
	long x = qf_date_days(a), y = qf_date_days(b);

	return (x > y) - (x < y);
}

void qf_date_add_days(struct qf_date *d, long days)
{
	qf_date_from_days(qf_date_days(d) + days, d);
}

int qf_date_today(const char *override, struct qf_date *d)
{
	time_t t;
	struct tm tm;

	if (override)
		return qf_date_parse(override, d);
	t = time(NULL);
	if (!localtime_r(&t, &tm))
		return -1;
	d->y = tm.tm_year + 1900;
	d->m = tm.tm_mon + 1;
	d->d = tm.tm_mday;
	return 0;
}
