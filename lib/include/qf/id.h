/* id.h - record IDs.
 *
 *   F-HY-0012          firm        (type letter, site code, sequence)
 *   P-HY-0003          policy
 *   V-HY-202305-0012   visit       (and the month of the record)
 *   D-HY-202305-0007   demand
 *   A-HY-202409-0003   application (申报)
 *   E-HY-202309-0002   event (活动)
 *
 * Site codes are [A-Z][A-Z0-9]{1,7}; sequences 4 to 6 digits, from 1.
 * Anything else ("..", "/", lowercase, spaces, device names) is not an ID,
 * so an ID can safely name a file.
 */
#ifndef QF_ID_H
#define QF_ID_H

#include <stddef.h>

enum qf_type { QF_FIRM, QF_POLICY, QF_VISIT, QF_DEMAND, QF_APPLICATION, QF_EVENT,
	       QF_NTYPES };

#define QF_ID_MAX 32     /* longest ID plus NUL, with room to spare */
#define QF_SITE_MAX 8

struct qf_id {
	enum qf_type type;
	char site[QF_SITE_MAX + 1];
	int year, month;      /* 0 for firms and policies */
	unsigned seq;         /* 1..999999 */
};

/* Parse s.  Returns 0, or -1 when s is not a well-formed ID. */
int qf_id_parse(const char *s, struct qf_id *id);
/* Format id into buf (QF_ID_MAX bytes).  Returns 0, or -1 when id's
 * fields are out of range. */
int qf_id_format(const struct qf_id *id, char *buf, size_t n);
/* 1 if site is a valid site code. */
int qf_site_valid(const char *site);

/* Type name ("firm", "policy", "visit", "demand", "application", "event"), its folder in the store
 * ("firms", ...) and its ID letter. */
const char *qf_type_name(enum qf_type t);
const char *qf_type_dir(enum qf_type t);
char qf_type_letter(enum qf_type t);
/* Type from name; -1 if unknown. */
int qf_type_from_name(const char *name);

/* The key that names the file a record lives in: the site code for firms
 * and policies ("HY" -> firms/HY.yaml), "YYYY-MM" for the dated ones
 * ("2023-05" -> visits/2023-05.yaml).  buf of at least 16 bytes. */
char *qf_id_file_key(const struct qf_id *id, char *buf, size_t n);

#endif
