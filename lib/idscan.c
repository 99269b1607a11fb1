/* idscan.c - the records of a store file found by its lines. */
#include <string.h>

#include "qf/idscan.h"

/* The ID on a line "id: X", "id: 'X'", "id: \"X\"" (spaces, a comment
 * after it and a CR before the LF allowed).  0 when the line is not one. */
static int id_line(const char *p, const char *e, const char **id,
		   size_t *len)
{
	const char *q;
	char quote = 0;

	if (e - p < 4 || memcmp(p, "id:", 3) != 0 || (p[3] != ' ' && p[3] != '\t'))
		return 0;
	for (p += 4; p < e && (*p == ' ' || *p == '\t'); p++)
		;
	if (p < e && (*p == '\'' || *p == '"'))
		quote = *p++;
	for (q = p; q < e && ((*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9') ||
			      *q == '-'); q++)
		;
	if (q == p)
		return 0;
	*id = p;
	*len = (size_t)(q - p);
	if (quote) {
		if (q >= e || *q != quote)
			return 0;
		q++;
	}
	/* Then only blanks, a comment after a blank or the line end. */
	{
		const char *v = q;
		for (; q < e && (*q == ' ' || *q == '\t'); q++)
			;
		if (q < e && *q == '#' && q > v)
			return 1;
	}
	return q == e || (*q == '\r' && q + 1 == e);
}

/* A line that is a document start: "---" then the end or a blank. */
static int doc_start(const char *p, const char *e)
{
	return e - p >= 3 && memcmp(p, "---", 3) == 0 &&
	       (e - p == 3 || p[3] == ' ' || p[3] == '\t' || p[3] == '\r');
}

/* A line with content: not blank, not a comment, not "...". */
static int has_content(const char *p, const char *e)
{
	for (; p < e && (*p == ' ' || *p == '\t' || *p == '\r'); p++)
		;
	return p < e && *p != '#' && !(e - p >= 3 && !memcmp(p, "...", 3));
}

struct doc {
	struct qf_idscan_rec r;
	int content, ids;
};

/* The document ends at end: pass it on. */
static int finish(struct doc *d, size_t end, qf_idscan_fn fn, void *ud)
{
	if (!d->content)
		return 1;
	if (d->ids != 1)
		return 0;
	d->r.end = end;
	return fn(&d->r, ud) ? -1 : 1;
}

int qf_idscan(const char *buf, size_t len, qf_idscan_fn fn, void *ud)
{
	const char *p = buf, *end = buf + len;
	unsigned line = 1;
	struct doc d;
	int rc;

	memset(&d, 0, sizeof d);
	d.r.first_line = 1;
	/* A UTF-8 BOM before the first line. */
	if (len >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
		p += 3;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		const char *id;
		size_t idlen;

		if (doc_start(p, e)) {
			if ((rc = finish(&d, (size_t)(p - buf), fn, ud)) != 1)
				return rc < 0 ? QF_IDSCAN_STOPPED : 0;
			memset(&d, 0, sizeof d);
			d.r.start = (size_t)(p - buf);
			d.r.first_line = line;
			/* "--- id: X" or "--- {": not a layout we write. */
			if (has_content(p + 3, e))
				return 0;
		} else if (has_content(p, e)) {
			d.content = 1;
			if (id_line(p, e, &id, &idlen)) {
				d.ids++;
				d.r.id = id;
				d.r.idlen = idlen;
			} else if (p[0] == '{' || (p[0] == 'i' && p[1] == 'd' &&
						   (p[2] == ':' || p[2] == ' '))) {
				return 0;       /* a flow record, an odd id */
			}
		}
		p = nl ? nl + 1 : end;
		line++;
	}
	if ((rc = finish(&d, len, fn, ud)) != 1)
		return rc < 0 ? QF_IDSCAN_STOPPED : 0;
	return 1;
}
