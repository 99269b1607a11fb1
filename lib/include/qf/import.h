/* import.h - records from another system's spreadsheet, all or nothing.
 *
 * A CSV (qf/csvin.h) of firms, policies, visits or demands: the header
 * row names the columns (qf/columns.h: field names, the Chinese headers
 * offices use, or a mapping given by the user); each further row is one
 * record.  Every row is built and validated first (its schema, the
 * workflow's rules between a demand's fields, references resolved: a firm
 * by ID, credit code or exact name, a policy by ID or title); any bad row
 * is reported as file:line and nothing is written.  Rows that are in the
 * store already are skipped, so importing a file twice adds it once: a
 * row with an ID column is matched by that ID alone, any other by
 *   firms     the same credit code, or the same name
 *   policies  the same title
 *   visits    the same firm, date and kind
 *   demands   the same firm, date opened and title
 * IDs are
 * given as the add commands give them; an ID column's ID of this store's
 * site is kept when it is past the store's last, so that a store exported
 * and imported into a new one keeps its IDs (and the references between
 * its files).  Import firms and policies first, then demands, then visits
 * (which name the demands they raised).
 */
#ifndef QF_IMPORT_H
#define QF_IMPORT_H

#include <stddef.h>

#include "qf/buf.h"
#include "qf/date.h"
#include "qf/error.h"
#include "qf/id.h"
#include "qf/node.h"
#include "qf/store.h"

struct qf_import_opts {
	enum qf_type type;
	const char *encoding;       /* NULL: detect (qf_csv_load) */
	const struct qf_node *map;  /* header -> field name, "" to ignore the
				     * column; from the user; may be NULL */
	const char *by;             /* who imports, for a demand's log */
	struct qf_date today;       /* a log entry's date when none is known */
	const struct qf_date *since;  /* firms without a since column: in
				       * the register from then (NULL: today) */
	int dry_run;                /* build and check, write nothing */
	/* Called every so many rows while building (done of total), and at
	 * the end; may be NULL. */
	void (*progress)(size_t done, size_t total, void *ud);
	void *ud;
};

struct qf_import_row {
	unsigned line;   /* the row's line in the file */
	char *id;        /* the record's ID (to be) written, owned */
	char *label;     /* its name or title, owned */
};

struct qf_import {
	const char *encoding;       /* of the file, as qf_csv_load read it */
	unsigned header_line;
	size_t rows;                /* data rows read */
	size_t skipped;             /* rows the store had already */
	struct qf_import_row *added;  /* in the order of the file */
	size_t nadded;
	struct qf_strv ignored;     /* headers that name no field, ignored */
	struct qf_diags diags;      /* the rows at fault, file:line */
};

/* Import path into s, which the caller has locked (qf_store_lock).
 * Returns 0 (written, or checked with dry_run), QF_EDATA with the
 * problems in r->diags and nothing written, or another code with err set
 * (no file, an encoding or quoting error at file:line, the store).
 * r is filled as far as it got; release it with qf_import_release. */
int qf_import_file(struct qf_store *s, const char *path,
		   const struct qf_import_opts *o, struct qf_import *r,
		   struct qf_error *err);
void qf_import_release(struct qf_import *r);

/* The value import (like the add commands) gives field f of type t when
 * the file has no column for it, or NULL. */
const char *qf_import_default(enum qf_type t, const char *f);


#endif
