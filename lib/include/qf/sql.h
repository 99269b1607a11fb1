/* sql.h - the store as a PostgreSQL script (psql -f), for a province that
 * loads many parks' stores into one database.  See qf-sql(5). */
#ifndef QF_SQL_H
#define QF_SQL_H

#include <stdio.h>

#include "qf/error.h"
#include "qf/store.h"

enum { QF_SQL_FIRMS = 1, QF_SQL_POLICIES = 2, QF_SQL_VISITS = 4,
       QF_SQL_DEMANDS = 8 /* with their log */, QF_SQL_ALL = 15 };

/* Write to out a psql -f script: the DDL (idempotent) and the rows of the
 * tables asked for, of store s.  0, or -1 with err set. */
int qf_sql_export(struct qf_store *s, unsigned tables, FILE *out,
		  struct qf_error *err);

#endif
