/* publish.h - frozen bulletins.
 *
 * Publishing a month keeps, in the store's reports/ folder, the bulletin
 * as published (reports/YYYY-MM.md), its figures (reports/YYYY-MM.csv,
 * the CSV of qf_report_render) and a fingerprint of every record
 * (reports/YYYY-MM.records: "ID<TAB>hash" lines).  A later run for that
 * month compares: the figures that moved, and the records that changed,
 * appeared or went since, so that no leader is surprised by numbers that
 * move silently.
 */
#ifndef QF_PUBLISH_H
#define QF_PUBLISH_H

#include <stddef.h>

#include "qf/error.h"
#include "qf/store.h"

/* Write the three files for key ("2023-09" or "2023-W36") under the
 * store's lock (the caller holds it).  QF_ECANTCREAT when the month is
 * published already (a bulletin once sent is not rewritten) or a file
 * cannot be written; the files are then as they were. */
int qf_publish(struct qf_store *s, const char *key, const char *bulletin,
	       const char *figures_csv, struct qf_error *err);

/* What moved since key was published.  *changes is a malloc'd text (caller
 * frees), one line per figure that changed ("overview,resolved: 3,42 ->
 * 3,43") and then one per record ("changed D-HY-202309-0003"), worded in
 * lang ("zh" or "en", the bulletin's language: qf/lang.h); an empty
 * string when nothing did.  QF_ENOINPUT when key was never published. */
int qf_publish_changes(struct qf_store *s, const char *key,
		       const char *figures_csv, const char *lang,
		       char **changes, struct qf_error *err);

#endif
