/* sql.c - the store as a PostgreSQL script (see qf/sql.h and qf-sql(5)).
 *
 * The script is for psql: one transaction that takes an advisory lock
 * (loads into one database wait for each other), creates what is missing
 * (tables, indexes, the bulletin's functions and views), upserts the
 * store's row of `sites`, deletes that site's rows of the tables asked
 * for and loads them anew with COPY.  Another site's rows are never
 * touched; a script cut short has no COMMIT and changes nothing.
 *
 * Columns are qf_columns()'s, in schema order, named by field
 * ("contact.name" as contact_name); a list of plain strings is a text[],
 * a list of references is a table of its own (visit_policies,
 * visit_demands) so that each item has its foreign key; a demand's log is
 * demand_log, one row per entry with its position.
 *
 * Records are read one at a time (qf_store_each) and checked against
 * their schema first: a record the tables cannot hold stops the export
 * with its place.  The rows of the child tables wait in temporary files
 * until their parents' COPY is done, so memory holds one record and the
 * set of IDs seen (for duplicates and references), never the store.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

#include "qf/buf.h"
#include "qf/columns.h"
#include "qf/report.h"
#include "qf/schema.h"
#include "qf/sql.h"
#include "qf/store.h"
#include "qf/vocab.h"
#include "sql_views.h"

/* Every load takes this transaction-level advisory lock ("qf" 0x7166). */
#define QF_SQL_LOCK "29030"

/* A child table filled while its parent's records are read. */
struct child {
	const struct qf_column *col;  /* the list column; NULL: demand_log */
	char table[48];
	FILE *tmp;
};

struct sqlx {
	struct qf_store *s;
	FILE *out;
	struct qf_error *err;
	const char *site;
	unsigned tables;
	struct qf_buf row, cell;
	struct qf_strset ids[QF_NTYPES];  /* IDs seen, by type */
	int known[QF_NTYPES];             /* ids[t] holds every ID of t */
	/* the type being written */
	enum qf_type type;
	const struct qf_schema *schema;
	const struct qf_column *cols;
	size_t ncols;
	struct child kids[2];
	size_t nkids;
	const char *file;                 /* of the record being written */
	const struct qf_node *at;         /* the node being written */
};

/* The types SQL carries: applications and events are not in it yet. */
#define SQL_NTYPES 4

static const char *const type_tables[QF_NTYPES] = {
	"firms", "policies", "visits", "demands"
};

static const unsigned type_bits[QF_NTYPES] = {
	QF_SQL_FIRMS, QF_SQL_POLICIES, QF_SQL_VISITS, QF_SQL_DEMANDS
};

/* ---- text ----------------------------------------------------------- */

/* A column's name: its field with '.' as '_' (contact.name ->
 * contact_name), quoted. */
static void put_ident(struct qf_buf *b, const char *name)
{
	qf_buf_putc(b, '"');
	for (const char *p = name; *p; p++)
		qf_buf_putc(b, *p == '.' ? '_' : *p);
	qf_buf_putc(b, '"');
}

/* A string literal ('' for a quote; standard_conforming_strings is on). */
static void put_literal(struct qf_buf *b, const char *s)
{
	qf_buf_putc(b, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			qf_buf_putc(b, '\'');
		qf_buf_putc(b, *s);
	}
	qf_buf_putc(b, '\'');
}

/* s as a field of COPY's text format: backslash, tab, newline and
 * carriage return escaped, every other byte as it is. */
static void put_copy(struct qf_buf *b, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		switch (s[i]) {
		case '\\': qf_buf_put(b, "\\\\", 2); break;
		case '\t': qf_buf_put(b, "\\t", 2); break;
		case '\n': qf_buf_put(b, "\\n", 2); break;
		case '\r': qf_buf_put(b, "\\r", 2); break;
		default: qf_buf_putc(b, s[i]); break;
		}
	}
}

/* The record's place, for an error about node n (or the record). */
static int fail_at(struct sqlx *x, const struct qf_node *n, int code,
		   const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static int fail_at(struct sqlx *x, const struct qf_node *n, int code,
		   const char *fmt, ...)
{
	char msg[QF_ERR_MSG_MAX];
	va_list ap;

	if (!n)
		n = x->at;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return qf_error_set(x->err, code, x->file, n ? n->line : 0,
			    n ? n->col : 0, "%s", msg);
}

/* A scalar PostgreSQL can hold: text has no NUL. */
static int check_scalar(struct sqlx *x, const struct qf_node *n,
			const char *field)
{
	if (n->kind != QF_NODE_SCALAR)
		return fail_at(x, n, QF_EDATA,
			       _("field '%s' is not a single value"), field);
	if (n->str && strlen(n->str) != n->len)
		return fail_at(x, n, QF_EDATA,
			       _("field '%s' holds a NUL character, which "
				 "PostgreSQL text cannot hold"), field);
	return 0;
}

/* A list of strings as an array literal ({"a","b\"c"}) in COPY text. */
static int put_array(struct sqlx *x, struct qf_buf *b,
		     const struct qf_node *seq, const char *field)
{
	struct qf_buf *a = &x->cell;

	if (seq->kind != QF_NODE_SEQ)
		return fail_at(x, seq, QF_EDATA, _("field '%s' is not a list"),
			       field);
	qf_buf_clear(a);
	qf_buf_putc(a, '{');
	for (size_t i = 0; i < seq->n; i++) {
		const struct qf_node *it = seq->items[i];
		int rc = check_scalar(x, it, field);
		if (rc)
			return rc;
		if (i)
			qf_buf_putc(a, ',');
		if (it->stype == QF_STYPE_NULL) {
			qf_buf_puts(a, "NULL");
			continue;
		}
		qf_buf_putc(a, '"');
		for (const char *p = it->str; *p; p++) {
			if (*p == '"' || *p == '\\')
				qf_buf_putc(a, '\\');
			qf_buf_putc(a, *p);
		}
		qf_buf_putc(a, '"');
	}
	qf_buf_putc(a, '}');
	if (a->oom)
		return qf_error_oom(x->err);
	put_copy(b, a->s, a->len);
	return 0;
}

/* One column's value of rec as a COPY field (\N when absent). */
static int put_value(struct sqlx *x, struct qf_buf *b,
		     const struct qf_column *c, const struct qf_node *rec)
{
	const struct qf_node *v = qf_column_node(c, rec);
	long long n;
	int rc;

	if (!v || (v->kind == QF_NODE_SCALAR && v->stype == QF_STYPE_NULL)) {
		qf_buf_put(b, "\\N", 2);
		return 0;
	}
	if (c->kind == QF_COL_LIST)
		return put_array(x, b, v, c->field);
	if ((rc = check_scalar(x, v, c->field)))
		return rc;
	if (c->kind == QF_COL_INT) {
		if (qf_node_int(v, &n))
			return fail_at(x, v, QF_EDATA,
				       _("field '%s' is not a whole number"),
				       c->field);
		qf_buf_printf(b, "%lld", n);
		return 0;
	}
	put_copy(b, v->str, v->len);
	return 0;
}

static int emit(struct sqlx *x, const char *s, size_t len)
{
	if (len && fwrite(s, 1, len, x->out) != len)
		return qf_error_sys(x->err, QF_EIO, NULL, errno,
				    _("cannot write the SQL script"));
	return 0;
}

static int emit_buf(struct sqlx *x, struct qf_buf *b)
{
	if (b->oom)
		return qf_error_oom(x->err);
	return emit(x, b->s ? b->s : "", b->len);
}

/* ---- the DDL -------------------------------------------------------- */

/* A list column that is a table of its own: a list of references. */
static int is_link(const struct qf_column *c)
{
	return c->kind == QF_COL_LIST && c->ref != QF_FIRM;
}

static void put_column_type(struct qf_buf *b, const struct qf_column *c)
{
	switch (c->kind) {
	case QF_COL_DATE: qf_buf_puts(b, " date"); break;
	case QF_COL_INT: qf_buf_puts(b, " bigint"); break;
	case QF_COL_LIST: qf_buf_puts(b, " text[]"); break;
	default: qf_buf_puts(b, " text"); break;
	}
	if (c->required)
		qf_buf_puts(b, " NOT NULL");
	if (c->kind == QF_COL_ENUM) {
		const struct qf_term *t = qf_vocab_terms(c->vocab);
		qf_buf_puts(b, " CHECK (");
		put_ident(b, c->field);
		qf_buf_puts(b, " IN (");
		for (size_t i = 0; t[i].token; i++) {
			if (i)
				qf_buf_puts(b, ", ");
			put_literal(b, t[i].token);
		}
		qf_buf_puts(b, "))");
	}
	if (c->kind == QF_COL_INT)
		qf_buf_printf(b, " CHECK (\"%s\" >= 0)", c->field);
	if (c->kind == QF_COL_REF)
		qf_buf_printf(b, " REFERENCES \"%s\" (\"id\") DEFERRABLE "
			      "INITIALLY DEFERRED", type_tables[c->ref]);
}

static void put_comment(struct qf_buf *b, const char *table,
			const char *column, const char *text)
{
	qf_buf_printf(b, "COMMENT ON COLUMN \"%s\".", table);
	put_ident(b, column);
	qf_buf_puts(b, " IS ");
	put_literal(b, text);
	qf_buf_puts(b, ";\n");
}

static const char site_col[] =
	"  \"site\" text NOT NULL REFERENCES \"sites\" (\"site\") "
	"DEFERRABLE INITIALLY DEFERRED,\n";

static void ddl_index(struct qf_buf *b, const char *table, const char *col)
{
	qf_buf_printf(b, "CREATE INDEX IF NOT EXISTS \"%s_%s\" ON \"%s\" "
		      "(\"%s\");\n", table, col, table, col);
}

static void ddl_type(struct qf_buf *b, enum qf_type t)
{
	size_t n;
	const struct qf_column *cols = qf_columns(t, &n);
	const char *tb = type_tables[t];

	qf_buf_printf(b, "CREATE TABLE IF NOT EXISTS \"%s\" (\n%s", tb,
		      site_col);
	for (size_t i = 0; i < n; i++) {
		if (is_link(&cols[i]))
			continue;
		qf_buf_puts(b, "  ");
		put_ident(b, cols[i].field);
		put_column_type(b, &cols[i]);
		qf_buf_puts(b, ",\n");
	}
	qf_buf_puts(b, "  PRIMARY KEY (\"id\")\n);\n");
	ddl_index(b, tb, "site");
	for (size_t i = 0; i < n; i++)
		if (cols[i].kind == QF_COL_REF)
			ddl_index(b, tb, cols[i].field);
	put_comment(b, tb, "site", "site code of the store loaded");
	for (size_t i = 0; i < n; i++)
		if (!is_link(&cols[i]))
			put_comment(b, tb, cols[i].field, cols[i].zh);
}

/* visit_policies, visit_demands: the items of a list of references. */
static void ddl_link(struct qf_buf *b, enum qf_type owner,
		     const struct qf_column *c)
{
	const char *on = qf_type_name(owner), *item = qf_type_name(c->ref);
	char tb[48];

	snprintf(tb, sizeof tb, "%s_%s", on, c->field);
	qf_buf_printf(b, "CREATE TABLE IF NOT EXISTS \"%s\" (\n%s", tb,
		      site_col);
	qf_buf_printf(b, "  \"%s\" text NOT NULL REFERENCES \"%s\" (\"id\") "
		      "ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,\n",
		      on, type_tables[owner]);
	qf_buf_puts(b, "  \"pos\" integer NOT NULL CHECK (\"pos\" >= 1),\n");
	qf_buf_printf(b, "  \"%s\" text NOT NULL REFERENCES \"%s\" (\"id\") "
		      "DEFERRABLE INITIALLY DEFERRED,\n", item,
		      type_tables[c->ref]);
	qf_buf_printf(b, "  PRIMARY KEY (\"%s\", \"pos\")\n);\n", on);
	ddl_index(b, tb, "site");
	ddl_index(b, tb, item);
	put_comment(b, tb, "site", "site code of the store loaded");
	put_comment(b, tb, "pos", "position in the list, from 1");
	put_comment(b, tb, item, c->zh);
}

static void ddl_log(struct qf_buf *b)
{
	size_t n;
	const struct qf_column *cols = qf_columns_log(&n);

	qf_buf_printf(b, "CREATE TABLE IF NOT EXISTS \"demand_log\" (\n%s",
		      site_col);
	qf_buf_puts(b, "  \"demand\" text NOT NULL REFERENCES \"demands\" "
		    "(\"id\") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,\n");
	qf_buf_puts(b, "  \"pos\" integer NOT NULL CHECK (\"pos\" >= 1),\n");
	for (size_t i = 1; i < n; i++) {
		qf_buf_puts(b, "  ");
		put_ident(b, cols[i].field);
		put_column_type(b, &cols[i]);
		qf_buf_puts(b, ",\n");
	}
	qf_buf_puts(b, "  PRIMARY KEY (\"demand\", \"pos\")\n);\n");
	ddl_index(b, "demand_log", "site");
	put_comment(b, "demand_log", "site", "site code of the store loaded");
	put_comment(b, "demand_log", "pos",
		    "position of the entry in the log, from 1");
	for (size_t i = 0; i < n; i++)
		put_comment(b, "demand_log", cols[i].field, cols[i].zh);
}

static const char sites_ddl[] =
	"CREATE TABLE IF NOT EXISTS \"sites\" (\n"
	"  \"site\" text PRIMARY KEY,\n"
	"  \"organisation\" text NOT NULL,\n"
	"  \"campaign\" text,\n"
	"  \"campaign_start\" date NOT NULL,\n"
	"  \"lang\" text NOT NULL,\n"
	"  \"due_days\" integer NOT NULL,\n"
	"  \"threshold\" integer NOT NULL,\n"
	"  \"coverage_tags\" text[],\n"
	"  \"departments\" text[],\n"
	"  \"parks\" text[],\n"
	"  \"loaded_at\" timestamptz NOT NULL DEFAULT now()\n"
	");\n"
	"COMMENT ON TABLE \"sites\" IS 'One row per store loaded: its "
	"settings (qf.yaml)';\n";

static int write_ddl(struct sqlx *x)
{
	struct qf_buf *b = &x->row;
	size_t n;
	const struct qf_column *vcols = qf_columns(QF_VISIT, &n);
	int rc;

	qf_buf_clear(b);
	qf_buf_puts(b, sites_ddl);
	for (int t = 0; t < SQL_NTYPES; t++) {
		static const enum qf_type order[SQL_NTYPES] = {
			QF_FIRM, QF_POLICY, QF_VISIT, QF_DEMAND };
		ddl_type(b, order[t]);
	}
	for (size_t i = 0; i < n; i++)
		if (is_link(&vcols[i]))
			ddl_link(b, QF_VISIT, &vcols[i]);
	ddl_log(b);
	if ((rc = emit_buf(x, b)))
		return rc;
	for (size_t i = 0; i < sizeof qf_sql_views / sizeof *qf_sql_views; i++) {
		qf_buf_clear(b);
		qf_buf_printf(b, "%s;\n", qf_sql_views[i]);
		if ((rc = emit_buf(x, b)))
			return rc;
	}
	return 0;
}

/* ---- the site ------------------------------------------------------- */

static void put_list_literal(struct qf_buf *b, const struct qf_node *seq)
{
	if (!seq || seq->kind != QF_NODE_SEQ) {
		qf_buf_puts(b, "NULL");
		return;
	}
	qf_buf_puts(b, "ARRAY[");
	for (size_t i = 0; i < seq->n; i++) {
		if (i)
			qf_buf_puts(b, ", ");
		if (seq->items[i]->kind == QF_NODE_SCALAR)
			put_literal(b, seq->items[i]->str);
		else
			qf_buf_puts(b, "NULL");
	}
	qf_buf_puts(b, "]::text[]");
}

/* The tags the bulletin counts coverage by: the setting's first
 * QF_REPORT_MAX_TAGS, or the bulletin's default (lib/report.c). */
static void put_coverage_tags(struct qf_buf *b, const struct qf_node *seq)
{
	static const char *const dflt[] = { QF_TERM("规上"), QF_TERM("重点") };
	size_t k = 0;

	qf_buf_puts(b, "ARRAY[");
	if (seq && seq->kind == QF_NODE_SEQ) {
		for (size_t i = 0; i < seq->n && k < QF_REPORT_MAX_TAGS; i++)
			if (seq->items[i]->kind == QF_NODE_SCALAR) {
				qf_buf_puts(b, k++ ? ", " : "");
				put_literal(b, seq->items[i]->str);
			}
	} else {
		for (size_t i = 0; i < sizeof dflt / sizeof *dflt; i++) {
			qf_buf_puts(b, k++ ? ", " : "");
			put_literal(b, dflt[i]);
		}
	}
	qf_buf_puts(b, "]::text[]");
}

static void put_opt_literal(struct qf_buf *b, const char *s)
{
	if (s)
		put_literal(b, s);
	else
		qf_buf_puts(b, "NULL");
}

static int write_site(struct sqlx *x)
{
	struct qf_buf *b = &x->row;
	const struct qf_node *set = qf_store_settings(x->s);
	const char *lang = qf_store_setting(x->s, "lang");
	static const char *const keys[] = {
		"organisation", "campaign", "campaign_start"
	};

	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		const struct qf_node *v = qf_node_get(set, keys[i]);
		if (v && v->kind == QF_NODE_SCALAR && v->str &&
		    strlen(v->str) != v->len)
			return qf_error_set(x->err, QF_EDATA, NULL, v->line,
					    v->col, _("qf.yaml: '%s' holds a NUL "
					    "character, which PostgreSQL text "
					    "cannot hold"), keys[i]);
	}
	qf_buf_clear(b);
	qf_buf_puts(b, "INSERT INTO \"sites\" (\"site\", \"organisation\", "
		    "\"campaign\", \"campaign_start\", \"lang\", \"due_days\", "
		    "\"threshold\", \"coverage_tags\", \"departments\", "
		    "\"parks\")\nVALUES (");
	put_literal(b, x->site);
	qf_buf_puts(b, ", ");
	put_opt_literal(b, qf_store_setting(x->s, "organisation") ?
			qf_store_setting(x->s, "organisation") : "");
	qf_buf_puts(b, ", ");
	put_opt_literal(b, qf_store_setting(x->s, "campaign"));
	qf_buf_puts(b, ", ");
	put_opt_literal(b, qf_store_setting(x->s, "campaign_start"));
	qf_buf_puts(b, ", ");
	put_literal(b, lang && *lang ? lang : "zh");
	qf_buf_printf(b, ", %ld, %ld, ",
		      qf_store_setting_int(x->s, "due_days", 15),
		      qf_store_setting_int(x->s, "threshold", 90));
	put_coverage_tags(b, qf_node_get(set, "coverage_tags"));
	qf_buf_puts(b, ", ");
	put_list_literal(b, qf_node_get(set, "departments"));
	qf_buf_puts(b, ", ");
	put_list_literal(b, qf_node_get(set, "parks"));
	qf_buf_puts(b, ")\nON CONFLICT (\"site\") DO UPDATE SET "
		    "\"organisation\" = EXCLUDED.\"organisation\", "
		    "\"campaign\" = EXCLUDED.\"campaign\",\n  "
		    "\"campaign_start\" = EXCLUDED.\"campaign_start\", "
		    "\"lang\" = EXCLUDED.\"lang\", "
		    "\"due_days\" = EXCLUDED.\"due_days\",\n  "
		    "\"threshold\" = EXCLUDED.\"threshold\", "
		    "\"coverage_tags\" = EXCLUDED.\"coverage_tags\",\n  "
		    "\"departments\" = EXCLUDED.\"departments\", "
		    "\"parks\" = EXCLUDED.\"parks\", \"loaded_at\" = now();\n");
	return emit_buf(x, b);
}

/* Delete the site's rows of the tables asked for, children first. */
static int write_deletes(struct sqlx *x)
{
	static const struct { unsigned bit; const char *table; } del[] = {
		{ QF_SQL_DEMANDS, "demand_log" },
		{ QF_SQL_DEMANDS, "demands" },
		{ QF_SQL_VISITS, "visit_policies" },
		{ QF_SQL_VISITS, "visit_demands" },
		{ QF_SQL_VISITS, "visits" },
		{ QF_SQL_POLICIES, "policies" },
		{ QF_SQL_FIRMS, "firms" },
	};
	struct qf_buf *b = &x->row;

	qf_buf_clear(b);
	for (size_t i = 0; i < sizeof del / sizeof *del; i++) {
		if (!(x->tables & del[i].bit))
			continue;
		qf_buf_printf(b, "DELETE FROM \"%s\" WHERE \"site\" = ",
			      del[i].table);
		put_literal(b, x->site);
		qf_buf_puts(b, ";\n");
	}
	return emit_buf(x, b);
}

/* ---- the rows ------------------------------------------------------- */

/* "COPY table (site, col, ...) FROM stdin;" */
static void copy_head(struct qf_buf *b, const char *table,
		      const struct qf_column *cols, size_t n, int with_pos)
{
	qf_buf_printf(b, "COPY \"%s\" (\"site\"", table);
	for (size_t i = 0; i < n; i++) {
		if (is_link(&cols[i]))
			continue;
		qf_buf_puts(b, ", ");
		put_ident(b, cols[i].field);
		if (i == 0 && with_pos)
			qf_buf_puts(b, ", \"pos\"");
	}
	qf_buf_puts(b, ") FROM stdin;\n");
}

static int child_write(struct sqlx *x, struct child *k, struct qf_buf *b)
{
	if (b->oom)
		return qf_error_oom(x->err);
	if (fwrite(b->s, 1, b->len, k->tmp) != b->len)
		return qf_error_sys(x->err, QF_EIO, NULL, errno,
				    _("cannot write a temporary file"));
	return 0;
}

/* The log entries of a demand: demand_log rows. */
static int log_rows(struct sqlx *x, struct child *k, const char *id,
		    const struct qf_node *log)
{
	size_t n;
	const struct qf_column *cols = qf_columns_log(&n);
	struct qf_buf *b = &x->row;
	int rc;

	if (!log || (log->kind == QF_NODE_SCALAR && log->stype == QF_STYPE_NULL))
		return 0;
	if (log->kind != QF_NODE_SEQ)
		return fail_at(x, log, QF_EDATA, _("field '%s' is not a list"),
			       "log");
	for (size_t i = 0; i < log->n; i++) {
		const struct qf_node *e = log->items[i];
		qf_buf_clear(b);
		put_copy(b, x->site, strlen(x->site));
		qf_buf_putc(b, '\t');
		put_copy(b, id, strlen(id));
		qf_buf_printf(b, "\t%zu", i + 1);
		for (size_t c = 1; c < n; c++) {
			qf_buf_putc(b, '\t');
			if ((rc = put_value(x, b, &cols[c], e)))
				return rc;
		}
		qf_buf_putc(b, '\n');
		if ((rc = child_write(x, k, b)))
			return rc;
	}
	return 0;
}

/* The items of a list of references: visit_policies rows. */
static int link_rows(struct sqlx *x, struct child *k, const char *id,
		     const struct qf_node *rec)
{
	const struct qf_node *v = qf_column_node(k->col, rec);
	struct qf_buf *b = &x->row;
	int rc;

	if (!v || (v->kind == QF_NODE_SCALAR && v->stype == QF_STYPE_NULL))
		return 0;
	if (v->kind != QF_NODE_SEQ)
		return fail_at(x, v, QF_EDATA, _("field '%s' is not a list"),
			       k->col->field);
	for (size_t i = 0; i < v->n; i++) {
		if ((rc = check_scalar(x, v->items[i], k->col->field)))
			return rc;
		qf_buf_clear(b);
		put_copy(b, x->site, strlen(x->site));
		qf_buf_putc(b, '\t');
		put_copy(b, id, strlen(id));
		qf_buf_printf(b, "\t%zu\t", i + 1);
		put_copy(b, v->items[i]->str, v->items[i]->len);
		qf_buf_putc(b, '\n');
		if ((rc = child_write(x, k, b)))
			return rc;
	}
	return 0;
}

/* qf_schema_validate's references: to the IDs seen or collected. */
static int ref_known(const char *type, const char *id, void *ud)
{
	struct sqlx *x = ud;
	int t = qf_type_from_name(type);
	struct qf_id pid;

	if (t < 0 || qf_id_parse(id, &pid) || (int)pid.type != t)
		return 0;
	if (!x->known[t])
		return qf_store_ref_exists(type, id, x->s);
	return qf_strset_has(&x->ids[t], id);
}

static int on_record(const struct qf_doc *doc, const char *file, void *ud,
		     struct qf_error *err)
{
	struct sqlx *x = ud;
	const struct qf_node *rec = doc->root;
	struct qf_buf *b = &x->row;
	struct qf_diags d;
	const char *id;
	int rc;

	(void)err;                  /* x->err is the same */
	if (!rec)
		return 0;
	x->file = file;
	x->at = rec;
	qf_diags_init(&d);
	if (qf_schema_validate(x->schema, rec, file, ref_known, x, &d)) {
		rc = d.n ? qf_error_set(x->err, QF_EDATA, d.v[0].file,
					d.v[0].line, d.v[0].col,
					_("%s (the SQL export takes a store "
					  "that qf check passes)"), d.v[0].msg)
			 : qf_error_oom(x->err);
		qf_diags_release(&d);
		return rc;
	}
	qf_diags_release(&d);
	id = qf_node_get_str(rec, "id");
	if (!id)
		return fail_at(x, rec, QF_EDATA, _("a record without '%s'"),
			       "id");
	switch (qf_strset_add(&x->ids[x->type], id)) {
	case 0:
		return fail_at(x, qf_node_get(rec, "id"), QF_EDATA,
			       _("duplicate ID %s"), id);
	case -1:
		return qf_error_oom(x->err);
	default:
		break;
	}
	qf_buf_clear(b);
	put_copy(b, x->site, strlen(x->site));
	for (size_t i = 0; i < x->ncols; i++) {
		if (is_link(&x->cols[i]))
			continue;
		qf_buf_putc(b, '\t');
		if ((rc = put_value(x, b, &x->cols[i], rec)))
			return rc;
	}
	qf_buf_putc(b, '\n');
	if ((rc = emit_buf(x, b)))
		return rc;
	for (size_t k = 0; k < x->nkids; k++) {
		rc = x->kids[k].col
			? link_rows(x, &x->kids[k], id, rec)
			: log_rows(x, &x->kids[k], id, qf_node_get(rec, "log"));
		if (rc)
			return rc;
	}
	return 0;
}

static int copy_end(struct sqlx *x)
{
	return emit(x, "\\.\n", 3);
}

/* The child's rows, from its temporary file, as a COPY of its own. */
static int write_child(struct sqlx *x, struct child *k)
{
	struct qf_buf *b = &x->row;
	char chunk[8192];
	size_t got;
	int rc;

	qf_buf_clear(b);
	if (k->col) {
		/* visit_policies (site, visit, pos, policy) */
		qf_buf_printf(b, "COPY \"%s\" (\"site\", \"%s\", \"pos\", \"%s\") "
			      "FROM stdin;\n", k->table, qf_type_name(x->type),
			      qf_type_name(k->col->ref));
	} else {
		size_t n;
		const struct qf_column *cols = qf_columns_log(&n);
		copy_head(b, "demand_log", cols, n, 1);
	}
	if ((rc = emit_buf(x, b)))
		return rc;
	rewind(k->tmp);
	while ((got = fread(chunk, 1, sizeof chunk, k->tmp)) > 0)
		if ((rc = emit(x, chunk, got)))
			return rc;
	if (ferror(k->tmp))
		return qf_error_sys(x->err, QF_EIO, NULL, errno,
				    _("cannot read a temporary file"));
	return copy_end(x);
}

static void kids_close(struct sqlx *x)
{
	for (size_t k = 0; k < x->nkids; k++)
		if (x->kids[k].tmp)
			fclose(x->kids[k].tmp);
	x->nkids = 0;
}

static int write_type(struct sqlx *x, enum qf_type t)
{
	struct qf_buf *b = &x->row;
	int rc;

	x->type = t;
	x->cols = qf_columns(t, &x->ncols);
	if ((rc = qf_store_schema(x->s, t, &x->schema, x->err)))
		return rc;
	x->nkids = 0;
	if (t == QF_DEMAND) {
		struct child *k = &x->kids[x->nkids++];
		memset(k, 0, sizeof *k);
		snprintf(k->table, sizeof k->table, "demand_log");
	}
	for (size_t i = 0; i < x->ncols && x->nkids < 2; i++) {
		struct child *k;
		if (!is_link(&x->cols[i]))
			continue;
		k = &x->kids[x->nkids++];
		memset(k, 0, sizeof *k);
		k->col = &x->cols[i];
		snprintf(k->table, sizeof k->table, "%s_%s", qf_type_name(t),
			 x->cols[i].field);
	}
	for (size_t k = 0; k < x->nkids; k++)
		if (!(x->kids[k].tmp = tmpfile())) {
			rc = qf_error_sys(x->err, QF_ECANTCREAT, NULL, errno,
					  _("cannot make a temporary file"));
			goto out;
		}
	qf_buf_clear(b);
	copy_head(b, type_tables[t], x->cols, x->ncols, 0);
	if ((rc = emit_buf(x, b)))
		goto out;
	if ((rc = qf_store_each(x->s, t, on_record, x, x->err)))
		goto out;
	x->known[t] = 1;
	if ((rc = copy_end(x)))
		goto out;
	for (size_t k = 0; k < x->nkids && !rc; k++)
		rc = write_child(x, &x->kids[k]);
out:
	kids_close(x);
	return rc;
}

/* Collect the IDs of type t without writing them: the references of
 * the tables asked for are checked against them. */
static int on_id(const struct qf_doc *doc, const char *file, void *ud,
		 struct qf_error *err)
{
	struct sqlx *x = ud;
	const char *id = doc->root ? qf_node_get_str(doc->root, "id") : NULL;

	(void)file;
	if (id && qf_strset_add(&x->ids[x->type], id) < 0)
		return qf_error_oom(err);
	return 0;
}

static int collect_ids(struct sqlx *x, enum qf_type t)
{
	int rc;

	x->type = t;
	if ((rc = qf_store_each(x->s, t, on_id, x, x->err)))
		return rc;
	x->known[t] = 1;
	return 0;
}

/* The order records are written in: each after the types it names. */
static const enum qf_type write_order[SQL_NTYPES] = {
	QF_FIRM, QF_POLICY, QF_DEMAND, QF_VISIT
};

static int export(struct sqlx *x)
{
	struct qf_buf *b = &x->row;
	int rc;

	qf_buf_puts(b, "-- qifu: the store of site ");
	qf_buf_puts(b, x->site);
	qf_buf_puts(b, " for PostgreSQL (psql -f; see qf-sql(5)).\n"
		    "\\set ON_ERROR_STOP on\n"
		    "SET client_encoding = 'UTF8';\n"
		    "SET standard_conforming_strings = on;\n"
		    "SET client_min_messages = warning;\n"
		    "BEGIN;\n"
		    "SELECT pg_advisory_xact_lock(" QF_SQL_LOCK ");\n");
	if ((rc = emit_buf(x, b)) || (rc = write_ddl(x)) ||
	    (rc = write_site(x)) || (rc = write_deletes(x)))
		return rc;
	/* Types not asked for whose IDs the others name. */
	if ((x->tables & (QF_SQL_DEMANDS | QF_SQL_VISITS)) &&
	    !(x->tables & QF_SQL_FIRMS) && (rc = collect_ids(x, QF_FIRM)))
		return rc;
	if ((x->tables & QF_SQL_VISITS) && !(x->tables & QF_SQL_POLICIES) &&
	    (rc = collect_ids(x, QF_POLICY)))
		return rc;
	if ((x->tables & QF_SQL_VISITS) && !(x->tables & QF_SQL_DEMANDS) &&
	    (rc = collect_ids(x, QF_DEMAND)))
		return rc;
	for (int i = 0; i < SQL_NTYPES; i++)
		if ((x->tables & type_bits[write_order[i]]) &&
		    (rc = write_type(x, write_order[i])))
			return rc;
	/* Statistics for the planner, before anyone queries the rows. */
	qf_buf_clear(b);
	qf_buf_puts(b, "ANALYZE \"sites\", \"firms\", \"policies\", \"visits\", "
		    "\"visit_policies\", \"visit_demands\", \"demands\", "
		    "\"demand_log\";\nCOMMIT;\n");
	return emit_buf(x, b);
}

int qf_sql_export(struct qf_store *s, unsigned tables, FILE *out,
		  struct qf_error *err)
{
	struct sqlx x;
	int rc;

	memset(&x, 0, sizeof x);
	x.s = s;
	x.out = out;
	x.err = err;
	x.site = qf_store_site(s);
	x.tables = tables & QF_SQL_ALL;
	if (!x.tables) {
		qf_error_set(err, QF_EUSAGE, NULL, 0, 0,
			     _("no table to export"));
		return -1;
	}
	if (!x.site || !qf_site_valid(x.site)) {
		qf_error_set(err, QF_ECONFIG, NULL, 0, 0,
			     _("qf.yaml: no valid site code"));
		return -1;
	}
	rc = export(&x);
	if (!rc && fflush(out))
		rc = qf_error_sys(err, QF_EIO, NULL, errno,
				  _("cannot write the SQL script"));
	qf_buf_release(&x.row);
	qf_buf_release(&x.cell);
	for (int t = 0; t < QF_NTYPES; t++)
		qf_strset_release(&x.ids[t]);
	return rc ? -1 : 0;
}
