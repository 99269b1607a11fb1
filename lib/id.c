/* id.c - record IDs. */
#include <stdio.h>
#include <string.h>

#include "qf/id.h"

static const struct {
	const char *name, *dir;
	char letter;
	int dated;
} types[QF_NTYPES] = {
	[QF_FIRM] = { "firm", "firms", 'F', 0 },
	[QF_POLICY] = { "policy", "policies", 'P', 0 },
	[QF_VISIT] = { "visit", "visits", 'V', 1 },
	[QF_DEMAND] = { "demand", "demands", 'D', 1 },
	[QF_APPLICATION] = { "application", "applications", 'A', 1 },
	[QF_EVENT] = { "event", "events", 'E', 1 },
};

const char *qf_type_name(enum qf_type t)
{
	return types[t].name;
}

const char *qf_type_dir(enum qf_type t)
{
	return types[t].dir;
}

char qf_type_letter(enum qf_type t)
{
	return types[t].letter;
}

int qf_type_from_name(const char *name)
{
	for (int i = 0; i < QF_NTYPES; i++)
		if (strcmp(types[i].name, name) == 0)
			return i;
	return -1;
}

static int is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

int qf_site_valid(const char *site)
{
	size_t n = strlen(site);

	if (n < 2 || n > QF_SITE_MAX || !is_upper(site[0]))
		return 0;
	for (size_t i = 1; i < n; i++)
		if (!is_upper(site[i]) && !is_digit(site[i]))
			return 0;
	return 1;
}

/* Read n..m digits at s; returns how many were read (0 on failure). */
static size_t read_digits(const char *s, size_t min, size_t max,
			  unsigned long *v)
{
	size_t i = 0;

	*v = 0;
	while (is_digit(s[i]) && i < max) {
		*v = *v * 10 + (unsigned long)(s[i] - '0');
		i++;
	}
	if (i < min || is_digit(s[i]))
		return 0;
	return i;
}

int qf_id_parse(const char *s, struct qf_id *id)
{
	struct qf_id r;
	const char *p;
	size_t n;
	unsigned long v;
	int t;

	if (!s)
		return -1;
	memset(&r, 0, sizeof r);
	for (t = 0; t < QF_NTYPES; t++)
		if (s[0] == types[t].letter)
			break;
	if (t == QF_NTYPES || s[1] != '-')
		return -1;
	r.type = (enum qf_type)t;
	p = s + 2;
	for (n = 0; p[n] && p[n] != '-'; n++)
		if (n >= QF_SITE_MAX)
			return -1;
	if (p[n] != '-')
		return -1;
	memcpy(r.site, p, n);
	r.site[n] = '\0';
	if (!qf_site_valid(r.site))
		return -1;
	p += n + 1;
	if (types[t].dated) {
		if (read_digits(p, 6, 6, &v) != 6 || p[6] != '-')
			return -1;
		r.year = (int)(v / 100);
		r.month = (int)(v % 100);
		if (r.year < 1900 || r.month < 1 || r.month > 12)
			return -1;
		p += 7;
	}
	n = read_digits(p, 4, 6, &v);
	if (!n || p[n] != '\0' || v == 0)
		return -1;
	/* One spelling per ID: four digits, or more without a leading zero
	 * (D-...-000001 would name D-...-0001 again; the fuzzer found it). */
	if (n > 4 && p[0] == '0')
		return -1;
	r.seq = (unsigned)v;
	*id = r;
	return 0;
}

int qf_id_format(const struct qf_id *id, char *buf, size_t n)
{
	int w;

	if ((unsigned)id->type >= QF_NTYPES || !qf_site_valid(id->site) ||
	    id->seq < 1 || id->seq > 999999)
		return -1;
	if (types[id->type].dated) {
		if (id->year < 1900 || id->year > 9999 || id->month < 1 ||
		    id->month > 12)
			return -1;
		w = snprintf(buf, n, "%c-%s-%04d%02d-%04u",
			     types[id->type].letter, id->site, id->year,
			     id->month, id->seq);
	} else {
		w = snprintf(buf, n, "%c-%s-%04u", types[id->type].letter,
			     id->site, id->seq);
	}
	return w < 0 || (size_t)w >= n ? -1 : 0;
}

char *qf_id_file_key(const struct qf_id *id, char *buf, size_t n)
{
	if (types[id->type].dated)
		snprintf(buf, n, "%04d-%02d", id->year, id->month);
	else
		snprintf(buf, n, "%s", id->site);
	return buf;
}
