/* schema.c - validating records against the JSON Schemas in schemas/.
 *
 * A schema is kept as the node tree it was read into and walked at each
 * validation.  Loading checks every keyword once (so validation can trust
 * the tree's shape) and compiles each `pattern` with regcomp; the compiled
 * expressions live in a small table keyed by the pattern's node.
 *
 * Validation reports at most one problem per scalar (the first keyword that
 * fails, in the order type, const, enum, format, pattern, length, range,
 * x-ref): a lowercase credit code is "not allowed", not also "does not
 * match".  A node of the wrong type gets only the type problem.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "qf/date.h"
#include "qf/error.h"
#include "qf/node.h"
#include "qf/schema.h"
#include "qf/yaml.h"

#define PATH_MAX_LEN 512	/* a field path in messages, truncated beyond */
#define SHOW_MAX_CHARS 40	/* characters of a value quoted in messages */
#define MSG_MAX 1024

struct pattern {
	const struct qf_node *node;	/* the pattern's scalar */
	regex_t re;
};

/* The keywords of one mapping of the schema, looked up once at load. */
#define MAXKW 32
struct kwmask {
	const struct qf_node *node;   /* a mapping of the schema, or NULL */
	const struct qf_node *val[MAXKW];  /* keywords[i]'s value, or NULL */
};

struct qf_schema {
	struct qf_node *root;
	char *name;
	struct pattern *pat;
	size_t npat, cappat;
	struct kwmask *kw;            /* open addressing, by node */
	size_t kwcap;                 /* a power of two, or 0 */
};

/* ---- scalars ------------------------------------------------------- */

static int is_scalar(const struct qf_node *n, enum qf_stype t)
{
	return n && n->kind == QF_NODE_SCALAR && n->stype == t;
}

static int bool_value(const struct qf_node *n)
{
	return n->str[0] == 't' || n->str[0] == 'T';
}

/* An integer under the YAML 1.2 core schema: [-+]?[0-9]+, 0o[0-7]+,
 * 0x[0-9a-fA-F]+.  Returns 0, or -1 when s is not one or overflows. */
static int parse_int(const char *s, long long *v)
{
	int base = 10, neg = 0;
	char *end;
	unsigned long long u;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'o')) {
		base = s[1] == 'x' ? 16 : 8;
		s += 2;
	} else if (*s == '-' || *s == '+') {
		neg = *s++ == '-';
	}
	/* strtoull would skip space and take a sign */
	if (!isxdigit((unsigned char)*s))
		return -1;
	errno = 0;
	u = strtoull(s, &end, base);
	if (errno || *end)
		return -1;
	if (neg) {
		if (u > (unsigned long long)LLONG_MAX + 1)
			return -1;
		*v = u == (unsigned long long)LLONG_MAX + 1 ? LLONG_MIN :
			-(long long)u;
	} else {
		if (u > (unsigned long long)LLONG_MAX)
			return -1;
		*v = (long long)u;
	}
	return 0;
}

/* The value of an INT or FLOAT scalar as a double.  Returns 0, or -1. */
static int parse_num(const struct qf_node *n, double *d)
{
	const char *s = n->str;
	long long ll;
	char *end;

	if (n->kind != QF_NODE_SCALAR)
		return -1;
	if (n->stype == QF_STYPE_INT) {
		if (parse_int(s, &ll) == 0) {
			*d = (double)ll;
			return 0;
		}
		/* too large for long long: decimal ones still have a value */
	} else if (n->stype != QF_STYPE_FLOAT) {
		return -1;
	}
	if (*s == '+' || *s == '-')
		s++;
	if (strcmp(s, ".inf") == 0 || strcmp(s, ".Inf") == 0 ||
	    strcmp(s, ".INF") == 0) {
		*d = n->str[0] == '-' ? -HUGE_VAL : HUGE_VAL;
		return 0;
	}
	if (s[0] == '.' && (s[1] == 'n' || s[1] == 'N')) {
		*d = NAN;
		return 0;
	}
	*d = strtod(n->str, &end);	/* overflow: HUGE_VAL will do */
	return *end || end == n->str ? -1 : 0;
}

/* JSON Schema's "integer": an INT (of any size: maximum says when it is
 * too large), or a FLOAT with a whole value (1.0), as qf_node_int reads it. */
static int is_integer(const struct qf_node *n)
{
	long long v;

	if (is_scalar(n, QF_STYPE_INT))
		return 1;
	return is_scalar(n, QF_STYPE_FLOAT) && qf_node_int(n, &v) == 0;
}

static int scalar_class(enum qf_stype t)
{
	switch (t) {
	case QF_STYPE_INT:
	case QF_STYPE_FLOAT:
		return 1;
	case QF_STYPE_BOOL:
		return 2;
	case QF_STYPE_NULL:
		return 3;
	case QF_STYPE_STR:
		break;
	}
	return 0;
}

/* Equality for const and enum: same class (string, number, boolean,
 * null), then the same string, number or truth value. */
static int scalar_eq(const struct qf_node *a, const struct qf_node *b)
{
	long long la, lb;
	double da, db;

	if (a->kind != QF_NODE_SCALAR || b->kind != QF_NODE_SCALAR ||
	    scalar_class(a->stype) != scalar_class(b->stype))
		return 0;
	switch (scalar_class(a->stype)) {
	case 1:
		if (a->stype == QF_STYPE_INT && b->stype == QF_STYPE_INT &&
		    parse_int(a->str, &la) == 0 && parse_int(b->str, &lb) == 0)
			return la == lb;
		if (parse_num(a, &da) || parse_num(b, &db))
			return a->len == b->len &&
			       !memcmp(a->str, b->str, a->len);
		return da == db;
	case 2:
		return bool_value(a) == bool_value(b);
	case 3:
		return 1;
	}
	return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
}

/* Characters (code points) in a UTF-8 string. */
static size_t utf8_chars(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* Copy at most SHOW_MAX_CHARS characters of s into buf, with "..." when
 * cut.  Control characters are kept: whoever prints the message escapes
 * them, and the reader sees what is really in the file. */
static void show(const char *s, char *buf, size_t n)
{
	size_t i = 0, chars = 0;
	int cut = 0;

	for (; s[i]; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c & 0xC0) != 0x80 && chars++ == SHOW_MAX_CHARS) {
			cut = 1;
			break;
		}
	}
	/* Callers give room for SHOW_MAX_CHARS 4-byte characters. */
	while (i + 4 > n && i > 0) {
		for (i--; i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80; i--)
			;
		cut = 1;
	}
	snprintf(buf, n, "%.*s%s", (int)i, s, cut ? "..." : "");
}

/* ---- dates and credit codes ----------------------------------------- */

/* A date the rest of qifu reads (qf_date_parse: 1900..9999, a real day):
 * one definition, so that check never passes what commands refuse. */
static int valid_date(const char *s, size_t len)
{
	struct qf_date d;

	return len == 10 && strlen(s) == len && qf_date_parse(s, &d) == 0;
}

/* GB 32100-2015: 18 characters from a 31-character set (no I, O, Z, S, V);
 * the 18th is the check character of the first 17 (GB/T 17710, MOD 31-3). */
static const char cc_charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const int cc_weight[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25,
				   13, 8, 24, 10, 30, 28 };

enum cc_result { CC_OK, CC_LENGTH, CC_CHAR, CC_CHECK };

/* Check code (len bytes): first for a byte outside the set (*pos is its
 * 0-based index), then for the length, then the check character (*want is
 * the right one). */
static enum cc_result credit_code_check(const char *code, size_t len,
					size_t *pos, char *want)
{
	int sum = 0, check;

	for (size_t i = 0; i < len; i++) {
		if (!code[i] || !strchr(cc_charset, code[i])) {
			*pos = i;
			return CC_CHAR;
		}
	}
	if (len != 18)
		return CC_LENGTH;
	for (size_t i = 0; i < 17; i++)
		sum += (int)(strchr(cc_charset, code[i]) - cc_charset) *
		       cc_weight[i];
	check = (31 - sum % 31) % 31;
	if (code[17] != cc_charset[check]) {
		*want = cc_charset[check];
		return CC_CHECK;
	}
	return CC_OK;
}

int qf_credit_code_valid(const char *code)
{
	size_t pos;
	char want;

	return code && credit_code_check(code, strlen(code), &pos, &want) ==
		CC_OK;
}

/* ---- loading ------------------------------------------------------- */

enum kw_check {
	KW_ANNOTATION,	/* a scalar, ignored */
	KW_ANY,		/* anything, ignored */
	KW_TYPE,
	KW_REQUIRED,
	KW_PROPERTIES,
	KW_SCHEMA,	/* additionalProperties, items */
	KW_ENUM,
	KW_CONST,
	KW_PATTERN,
	KW_FORMAT,
	KW_NUMBER,
	KW_COUNT,
	KW_BOOL,
	KW_REF
};

static const struct keyword {
	const char *name;
	enum kw_check check;
} keywords[] = {
	{ "$schema", KW_ANNOTATION },
	{ "$id", KW_ANNOTATION },
	{ "$comment", KW_ANNOTATION },
	{ "title", KW_ANNOTATION },
	{ "description", KW_ANNOTATION },
	{ "examples", KW_ANY },
	{ "type", KW_TYPE },
	{ "required", KW_REQUIRED },
	{ "properties", KW_PROPERTIES },
	{ "additionalProperties", KW_SCHEMA },
	{ "items", KW_SCHEMA },
	{ "enum", KW_ENUM },
	{ "const", KW_CONST },
	{ "pattern", KW_PATTERN },
	{ "format", KW_FORMAT },
	{ "minimum", KW_NUMBER },
	{ "maximum", KW_NUMBER },
	{ "minLength", KW_COUNT },
	{ "maxLength", KW_COUNT },
	{ "minItems", KW_COUNT },
	{ "maxItems", KW_COUNT },
	{ "uniqueItems", KW_BOOL },
	{ "x-ref", KW_REF },
};

enum { K_SCHEMA, K_ID, K_COMMENT, K_TITLE, K_DESCRIPTION, K_EXAMPLES, K_TYPE, K_REQUIRED, K_PROPERTIES, K_ADDITIONALPROPERTIES, K_ITEMS, K_ENUM, K_CONST, K_PATTERN, K_FORMAT, K_MINIMUM, K_MAXIMUM, K_MINLENGTH, K_MAXLENGTH, K_MINITEMS, K_MAXITEMS, K_UNIQUEITEMS, K_X_REF };

static const char *const type_names[] = { "string", "integer", "number",
	"boolean", "array", "object", "null", NULL };
static const char *const format_names[] = { "date", "qf-credit-code", NULL };
static const char *const ref_types[] = { "firm", "policy", "visit", "demand",
					 "application", "event", NULL };

/* ---- which keywords a schema mapping has, noted at load ------------ */

#define NKEYWORDS (sizeof keywords / sizeof keywords[0])
_Static_assert(K_X_REF + 1 == NKEYWORDS && NKEYWORDS <= MAXKW,
	       "the K_ names follow keywords[]");


static size_t kw_slot(const struct qf_schema *s, const struct qf_node *n)
{
	size_t h = (size_t)((uintptr_t)n >> 4) * 0x9e3779b97f4a7c15u;

	return h & (s->kwcap - 1);
}

static int kw_note(struct qf_schema *s, const struct qf_node *n)
{
	size_t j;

	if (!n)
		return 0;
	if (n->kind == QF_NODE_MAP) {
		for (j = kw_slot(s, n); s->kw[j].node; j = (j + 1) & (s->kwcap - 1))
			;
		s->kw[j].node = n;
		/* The first of a key given twice, as qf_node_get finds it. */
		for (size_t i = n->n; i-- > 0;)
			for (size_t k = 0; k < NKEYWORDS; k++)
				if (!strcmp(n->keys[i]->str, keywords[k].name))
					s->kw[j].val[k] = n->items[i];
	}
	for (size_t i = 0; i < n->n; i++)
		kw_note(s, n->items[i]);
	return 0;
}

static size_t count_maps(const struct qf_node *n)
{
	size_t c = n && n->kind == QF_NODE_MAP;

	for (size_t i = 0; n && i < n->n; i++)
		c += count_maps(n->items[i]);
	return c;
}

/* Note the keywords of every mapping of the schema.  -1 out of memory. */
static int kw_build(struct qf_schema *s)
{
	size_t n = count_maps(s->root), cap = 16;

	while (cap < n * 2)
		cap *= 2;
	if (!(s->kw = calloc(cap, sizeof *s->kw)))
		return -1;
	s->kwcap = cap;
	return kw_note(s, s->root);
}

static int in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

static int bad(const struct qf_schema *s, struct qf_error *err,
	       const struct qf_node *at, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int bad(const struct qf_schema *s, struct qf_error *err,
	       const struct qf_node *at, const char *fmt, ...)
{
	char msg[MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return qf_error_set(err, QF_ECONFIG, s->name, at->line, at->col, "%s",
			    msg);
}

static int add_pattern(struct qf_schema *s, const struct qf_node *n,
		       struct qf_error *err)
{
	char why[256];
	int rc;

	if (s->npat == s->cappat) {
		size_t cap = s->cappat ? 2 * s->cappat : 16;
		struct pattern *p = realloc(s->pat, cap * sizeof *p);

		if (!p)
			return qf_error_set(err, QF_ESOFTWARE, s->name, 0, 0,
					    _("out of memory"));
		s->pat = p;
		s->cappat = cap;
	}
	rc = regcomp(&s->pat[s->npat].re, n->str, REG_EXTENDED | REG_NOSUB);
	if (rc) {
		regerror(rc, &s->pat[s->npat].re, why, sizeof why);
		regfree(&s->pat[s->npat].re);
		return bad(s, err, n, _("bad pattern '%s': %s"), n->str, why);
	}
	s->pat[s->npat++].node = n;
	return QF_OK;
}

static int check_schema(struct qf_schema *s, const struct qf_node *sch,
			struct qf_error *err);

static int check_keyword(struct qf_schema *s, const struct keyword *kw,
			 const struct qf_node *v, struct qf_error *err)
{
	long long ll;
	int rc;

	switch (kw->check) {
	case KW_ANY:
		return QF_OK;
	case KW_ANNOTATION:
		if (v->kind != QF_NODE_SCALAR)
			return bad(s, err, v, _("'%s' must be a string"),
				   kw->name);
		return QF_OK;
	case KW_TYPE:
		if (is_scalar(v, QF_STYPE_STR)) {
			if (!in_list(v->str, type_names))
				return bad(s, err, v, _("unknown type '%s'"),
					   v->str);
			return QF_OK;
		}
		if (v->kind != QF_NODE_SEQ || v->n == 0)
			return bad(s, err, v, _("'type' must be a type name or "
				   "a list of them"));
		for (size_t i = 0; i < v->n; i++)
			if (!is_scalar(v->items[i], QF_STYPE_STR) ||
			    !in_list(v->items[i]->str, type_names))
				return bad(s, err, v->items[i],
					   _("unknown type '%s'"),
					   v->items[i]->kind == QF_NODE_SCALAR ?
					   v->items[i]->str : "");
		return QF_OK;
	case KW_REQUIRED:
		if (v->kind != QF_NODE_SEQ)
			return bad(s, err, v, _("'required' must be a list of "
				   "field names"));
		for (size_t i = 0; i < v->n; i++)
			if (!is_scalar(v->items[i], QF_STYPE_STR))
				return bad(s, err, v->items[i], _("'required' "
					   "must be a list of field names"));
		return QF_OK;
	case KW_PROPERTIES:
		if (v->kind != QF_NODE_MAP)
			return bad(s, err, v, _("'properties' must be a mapping"));
		for (size_t i = 0; i < v->n; i++) {
			for (size_t j = 0; j < i; j++)
				if (strcmp(v->keys[i]->str,
					   v->keys[j]->str) == 0)
					return bad(s, err, v->keys[i],
						   _("duplicate property '%s'"),
						   v->keys[i]->str);
			if ((rc = check_schema(s, v->items[i], err)))
				return rc;
		}
		return QF_OK;
	case KW_SCHEMA:
		return check_schema(s, v, err);
	case KW_ENUM:
		if (v->kind != QF_NODE_SEQ || v->n == 0)
			return bad(s, err, v, _("'enum' must be a list of "
				   "values"));
		for (size_t i = 0; i < v->n; i++)
			if (v->items[i]->kind != QF_NODE_SCALAR)
				return bad(s, err, v->items[i], _("'enum' values "
					   "must be scalars"));
		return QF_OK;
	case KW_CONST:
		if (v->kind != QF_NODE_SCALAR)
			return bad(s, err, v, _("'const' must be a scalar"));
		return QF_OK;
	case KW_PATTERN:
		if (!is_scalar(v, QF_STYPE_STR))
			return bad(s, err, v, _("'pattern' must be a string"));
		return add_pattern(s, v, err);
	case KW_FORMAT:
		if (!is_scalar(v, QF_STYPE_STR) ||
		    !in_list(v->str, format_names))
			return bad(s, err, v, _("unknown format '%s' (known: "
				   "date, qf-credit-code)"),
				   v->kind == QF_NODE_SCALAR ? v->str : "");
		return QF_OK;
	case KW_NUMBER: {
		double d;

		if (!(is_scalar(v, QF_STYPE_INT) ||
		      is_scalar(v, QF_STYPE_FLOAT)) ||
		    parse_num(v, &d) || isnan(d))
			return bad(s, err, v, _("'%s' must be a number"),
				   kw->name);
		return QF_OK;
	}
	case KW_COUNT:
		if (!is_scalar(v, QF_STYPE_INT) || parse_int(v->str, &ll) ||
		    ll < 0)
			return bad(s, err, v, _("'%s' must be a whole number "
				   ">= 0"), kw->name);
		return QF_OK;
	case KW_BOOL:
		if (!is_scalar(v, QF_STYPE_BOOL))
			return bad(s, err, v, _("'%s' must be true or false"),
				   kw->name);
		return QF_OK;
	case KW_REF:
		if (!is_scalar(v, QF_STYPE_STR) || !in_list(v->str, ref_types))
			return bad(s, err, v, _("'x-ref' must be one of firm, "
				   "policy, visit, demand"));
		return QF_OK;
	}
	return QF_OK;
}

static int check_schema(struct qf_schema *s, const struct qf_node *sch,
			struct qf_error *err)
{
	if (is_scalar(sch, QF_STYPE_BOOL))
		return QF_OK;
	if (sch->kind != QF_NODE_MAP)
		return bad(s, err, sch, _("a schema must be a mapping, true or "
			   "false"));
	for (size_t i = 0; i < sch->n; i++) {
		const struct qf_node *k = sch->keys[i];
		const struct keyword *kw = NULL;
		int rc;

		for (size_t j = 0; j < sizeof keywords / sizeof *keywords; j++)
			if (strcmp(k->str, keywords[j].name) == 0)
				kw = &keywords[j];
		if (!kw)
			return bad(s, err, k, _("unknown keyword '%s'"), k->str);
		for (size_t j = 0; j < i; j++)
			if (strcmp(k->str, sch->keys[j]->str) == 0)
				return bad(s, err, k, _("duplicate keyword '%s'"),
					   k->str);
		if ((rc = check_keyword(s, kw, sch->items[i], err)))
			return rc;
	}
	return QF_OK;
}

void qf_schema_free(struct qf_schema *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->npat; i++)
		regfree(&s->pat[i].re);
	free(s->pat);
	free(s->kw);
	free(s->name);
	qf_node_free(s->root);
	free(s);
}

int qf_schema_from_node(struct qf_node *root, const char *name,
			struct qf_schema **out, struct qf_error *err)
{
	struct qf_schema *s;
	int rc;

	*out = NULL;
	if (!name)
		name = "schema";
	if (!(s = calloc(1, sizeof *s))) {
		qf_node_free(root);
		return qf_error_set(err, QF_ESOFTWARE, name, 0, 0,
				    _("out of memory"));
	}
	s->root = root;
	if (!(s->name = strdup(name))) {
		qf_schema_free(s);
		return qf_error_set(err, QF_ESOFTWARE, name, 0, 0,
				    _("out of memory"));
	}
	if (!root || root->kind != QF_NODE_MAP) {
		rc = qf_error_set(err, QF_ECONFIG, name, root ? root->line : 0,
				  root ? root->col : 0,
				  _("a schema must be a mapping"));
		qf_schema_free(s);
		return rc;
	}
	if ((rc = check_schema(s, root, err))) {
		qf_schema_free(s);
		return rc;
	}
	if (kw_build(s)) {
		qf_schema_free(s);
		return qf_error_set(err, QF_ESOFTWARE, name, 0, 0,
				    _("out of memory"));
	}
	*out = s;
	return QF_OK;
}

int qf_schema_load(const char *path, struct qf_schema **s,
		   struct qf_error *err)
{
	struct qf_node *root = NULL;
	int rc;

	*s = NULL;
	rc = qf_yaml_load_one(path, &root, err);
	if (rc == QF_EDATA)
		err->code = QF_ECONFIG;	/* a bad schema is bad config */
	if (rc != QF_OK)
		return err->code;
	return qf_schema_from_node(root, path, s, err);
}

/* ---- validation ---------------------------------------------------- */

struct vctx {
	const struct qf_schema *s;
	const char *file;
	qf_ref_fn ref;
	struct qf_diags *pending;   /* problems of references known later */
	void *ud;
	struct qf_diags *out;
	size_t count;
	char path[PATH_MAX_LEN];
	size_t plen;
};

/* The value of keywords[k] in schema mapping sch, or NULL: most keywords
 * are absent from most mappings, and that is known without a look. */
static const struct qf_node *kw(const struct vctx *c, const struct qf_node *sch,
				size_t k)
{
	const struct qf_schema *s = c->s;

	if (s->kwcap && sch->kind == QF_NODE_MAP) {
		size_t j;
		for (j = kw_slot(s, sch); s->kw[j].node;
		     j = (j + 1) & (s->kwcap - 1))
			if (s->kw[j].node == sch)
				return s->kw[j].val[k];
	}
	return qf_node_get(sch, keywords[k].name);
}

static void problem(struct vctx *c, const struct qf_node *at,
		    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void problem(struct vctx *c, const struct qf_node *at,
		    const char *fmt, ...)
{
	char msg[MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	/* Counted even when out of memory loses it: the record is bad. */
	c->count++;
	qf_diags_add(c->out, c->file, at ? at->line : 0, at ? at->col : 0,
		     "%s", msg);
}

/* The same, prefixed "field '<path>': ". */
static void field_problem(struct vctx *c, const struct qf_node *at,
			  const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void field_problem(struct vctx *c, const struct qf_node *at,
			  const char *fmt, ...)
{
	char msg[MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (c->plen)
		problem(c, at, _("field '%s': %s"), c->path, msg);
	else
		problem(c, at, _("record: %s"), msg);
}

/* Append text to the path, truncating (on a character boundary) when it
 * does not fit.  Returns the old length for path_pop. */
static size_t path_append(struct vctx *c, const char *text)
{
	size_t old = c->plen, n = strlen(text);

	if (n > sizeof c->path - 1 - c->plen) {
		n = sizeof c->path - 1 - c->plen;
		while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(c->path + c->plen, text, n);
	c->plen += n;
	c->path[c->plen] = '\0';
	return old;
}

static size_t path_push_key(struct vctx *c, const char *key)
{
	size_t old = c->plen;

	if (c->plen)
		path_append(c, ".");
	path_append(c, key);
	return old;
}

static size_t path_push_index(struct vctx *c, size_t i)
{
	char buf[32];

	snprintf(buf, sizeof buf, "[%zu]", i);
	return path_append(c, buf);
}

static void path_pop(struct vctx *c, size_t old)
{
	c->plen = old;
	c->path[old] = '\0';
}

static const char *type_of(const struct qf_node *v)
{
	if (v->kind == QF_NODE_SEQ)
		return "array";
	if (v->kind == QF_NODE_MAP)
		return "object";
	switch (v->stype) {
	case QF_STYPE_NULL:
		return "null";
	case QF_STYPE_BOOL:
		return "boolean";
	case QF_STYPE_INT:
		return "integer";
	case QF_STYPE_FLOAT:
		return "number";
	case QF_STYPE_STR:
		break;
	}
	return "string";
}

static int type_matches(const char *t, const struct qf_node *v)
{
	if (strcmp(t, "integer") == 0)
		return is_integer(v);
	if (strcmp(t, "number") == 0)
		return is_scalar(v, QF_STYPE_INT) ||
		       is_scalar(v, QF_STYPE_FLOAT);
	return strcmp(t, type_of(v)) == 0;
}

/* "string 'abc'", "integer 12", "array", ...: what was found. */
static void describe(const struct qf_node *v, char *buf, size_t n)
{
	char val[256];

	if (v->kind != QF_NODE_SCALAR || v->stype == QF_STYPE_NULL) {
		snprintf(buf, n, "%s", type_of(v));
		return;
	}
	show(v->str, val, sizeof val);
	if (v->stype == QF_STYPE_STR)
		snprintf(buf, n, "string '%s'", val);
	else
		snprintf(buf, n, "%s %s", type_of(v), val);
}

/* "a, b, c" from a list of scalars, or " or " for types. */
static void join(const struct qf_node *seq, const char *sep, char *buf,
		 size_t n)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < seq->n && len < n; i++) {
		int w = snprintf(buf + len, n - len, "%s%s", i ? sep : "",
				 seq->items[i]->str);

		if (w < 0)
			break;
		len += (size_t)w;
	}
}

static int check_type(struct vctx *c, const struct qf_node *t,
		      const struct qf_node *v)
{
	char want[256], found[320];

	if (t->kind == QF_NODE_SCALAR) {
		if (type_matches(t->str, v))
			return 0;
		snprintf(want, sizeof want, "%s", t->str);
	} else {
		for (size_t i = 0; i < t->n; i++)
			if (type_matches(t->items[i]->str, v))
				return 0;
		join(t, " or ", want, sizeof want);
	}
	describe(v, found, sizeof found);
	/* 914403001922038216, 13800000000, true: plain scalars YAML reads
	 * as something else; the fix is quotes. */
	if (strstr(want, "string") && v->kind == QF_NODE_SCALAR &&
	    v->stype != QF_STYPE_STR && v->stype != QF_STYPE_NULL)
		field_problem(c, v, _("expected %s, found %s (put it in quotes)"),
			      want, found);
	else
		field_problem(c, v, _("expected %s, found %s"), want, found);
	return -1;
}

static const regex_t *find_pattern(const struct qf_schema *s,
				   const struct qf_node *n)
{
	for (size_t i = 0; i < s->npat; i++)
		if (s->pat[i].node == n)
			return &s->pat[i].re;
	return NULL;
}

static int check_format(struct vctx *c, const char *format,
			const struct qf_node *v)
{
	char val[256];
	size_t pos = 0;
	char want = 0;
	enum cc_result cc;

	/* The value as a message shows it, made only for a message. */
	if (strcmp(format, "date") == 0) {
		if (valid_date(v->str, v->len))
			return 0;
		show(v->str, val, sizeof val);
		field_problem(c, v, _("'%s' is not a valid date"),
			      val);
		return -1;
	}
	/* qf-credit-code */
	if ((cc = credit_code_check(v->str, v->len, &pos, &want)) == CC_OK)
		return 0;
	show(v->str, val, sizeof val);
	switch (cc) {
	case CC_OK:
		return 0;
	case CC_LENGTH:
		field_problem(c, v, _("'%s' is not a credit code: %zu "
			      "characters, not 18"), val,
			      utf8_chars(v->str, v->len));
		break;
	case CC_CHAR: {
		unsigned char b = (unsigned char)v->str[pos];
		size_t n = 1;

		while (b >= 0xC0 && pos + n < v->len &&
		       ((unsigned char)v->str[pos + n] & 0xC0) == 0x80)
			n++;
		if (b < 0x20 || b == 0x7f)
			field_problem(c, v, _("'%s' is not a credit code: "
				      "character %zu is not a digit or a "
				      "capital letter other than I, O, S, V, "
				      "Z"), val, utf8_chars(v->str, pos) + 1);
		else
			field_problem(c, v, _("'%s' is not a credit code: "
				      "'%.*s' at position %zu is not a digit "
				      "or a capital letter other than I, O, S, "
				      "V, Z"), val, (int)n, v->str + pos,
				      utf8_chars(v->str, pos) + 1);
		break;
	}
	case CC_CHECK:
		field_problem(c, v, _("check digit is wrong ('%c' expected)"),
			      want);
		break;
	}
	return -1;
}

/* Range keyword (minimum/maximum) on a number.  Returns 0 if within. */
static int out_of_range(const struct qf_node *lim, const struct qf_node *v,
			int is_min)
{
	long long a, b;
	double x, y;

	if (v->stype == QF_STYPE_INT && lim->stype == QF_STYPE_INT &&
	    parse_int(v->str, &a) == 0 && parse_int(lim->str, &b) == 0)
		return is_min ? a < b : a > b;
	if (parse_num(v, &x) || parse_num(lim, &y))
		return 0;
	if (isnan(x))
		return 1;
	return is_min ? x < y : x > y;
}

/* "no firm 'ID'" for a dangling x-ref: a whole sentence for each type, so
 * that a translation need not fit a type name into a sentence.  type is one
 * of ref_types (checked at load). */
static void no_such(struct vctx *c, const struct qf_node *v,
		    const char *type, const char *val)
{
	if (strcmp(type, "firm") == 0)
		field_problem(c, v, _("no firm '%s'"), val);
	else if (strcmp(type, "policy") == 0)
		field_problem(c, v, _("no policy '%s'"), val);
	else if (strcmp(type, "visit") == 0)
		field_problem(c, v, _("no visit '%s'"), val);
	else if (strcmp(type, "demand") == 0)
		field_problem(c, v, _("no demand '%s'"), val);
	else if (strcmp(type, "application") == 0)
		field_problem(c, v, _("no application '%s'"), val);
	else if (strcmp(type, "event") == 0)
		field_problem(c, v, _("no event '%s'"), val);
	else
		field_problem(c, v, "no %s '%s'", type, val);
}

/* Keywords on a scalar, stopping at the first that fails. */
static void check_scalar(struct vctx *c, const struct qf_node *sch,
			 const struct qf_node *v)
{
	const struct qf_node *k;
	char buf[256], list[MSG_MAX / 2];
	int is_str = v->stype == QF_STYPE_STR;
	int is_num = v->stype == QF_STYPE_INT || v->stype == QF_STYPE_FLOAT;

	/* The value as messages show it, made only for a message. */
#define VAL (show(v->str, buf, sizeof buf), buf)
	if ((k = kw(c, sch, K_CONST)) && !scalar_eq(k, v)) {
		field_problem(c, v, _("'%s' is not '%s'"), VAL, k->str);
		return;
	}
	if ((k = kw(c, sch, K_ENUM))) {
		size_t i;

		for (i = 0; i < k->n; i++)
			if (scalar_eq(k->items[i], v))
				break;
		if (i == k->n) {
			join(k, ", ", list, sizeof list);
			field_problem(c, v, _("'%s' is not one of %s"), VAL, list);
			return;
		}
	}
	if (is_str && (k = kw(c, sch, K_FORMAT)) &&
	    check_format(c, k->str, v))
		return;
	if (is_str && (k = kw(c, sch, K_PATTERN))) {
		const regex_t *re = find_pattern(c->s, k);

		int m = re ? regexec(re, v->str, 0, NULL, 0) : 0;

		if (m == REG_ESPACE) {
			field_problem(c, v, _("cannot match '%s': out of memory"),
				      k->str);
			return;
		}
		if (m != 0) {
			field_problem(c, v, _("'%s' does not match '%s'"), VAL,
				      k->str);
			return;
		}
	}
	if (is_str) {
		size_t n = utf8_chars(v->str, v->len);
		long long lim;

		if ((k = kw(c, sch, K_MINLENGTH)) &&
		    parse_int(k->str, &lim) == 0 &&
		    n < (unsigned long long)lim) {
			if (n == 0)
				field_problem(c, v, _("must not be empty"));
			else
				field_problem(c, v,
					      P_("'%s' is too short (%zu "
						 "character, at least %lld)",
						 "'%s' is too short (%zu "
						 "characters, at least %lld)",
						 n),
					      VAL, n, lim);
			return;
		}
		if ((k = kw(c, sch, K_MAXLENGTH)) &&
		    parse_int(k->str, &lim) == 0 &&
		    n > (unsigned long long)lim) {
			field_problem(c, v, _("'%s' is too long (%zu characters, "
				      "at most %lld)"), VAL, n, lim);
			return;
		}
	}
	if (is_num) {
		if ((k = kw(c, sch, K_MINIMUM)) &&
		    out_of_range(k, v, 1)) {
			field_problem(c, v, _("%s is less than the minimum %s"),
				      VAL, k->str);
			return;
		}
		if ((k = kw(c, sch, K_MAXIMUM)) &&
		    out_of_range(k, v, 0)) {
			field_problem(c, v, _("%s is greater than the maximum %s"),
				      VAL, k->str);
			return;
		}
	}
	if (is_str && c->ref && (k = kw(c, sch, K_X_REF))) {
		int has = c->ref(k->str, v->str, c->ud);

		if (has == QF_REF_LATER && c->pending) {
			/* Written down now, as it would be said; the caller
			 * says it or drops it once it knows. */
			struct qf_diags *out = c->out;
			c->out = c->pending;
			no_such(c, v, k->str, VAL);
			c->out = out;
			c->count--;
		} else if (has < 0)
			field_problem(c, v, _("cannot look up %s '%s': out of memory"),
				      k->str, VAL);
		else if (!has)
			no_such(c, v, k->str, VAL);
	}
#undef VAL
}

static void validate(struct vctx *c, const struct qf_node *sch,
		     const struct qf_node *v);

/* The value of key in map, looking first where the last one was found:
 * records mostly keep the order of their schema's properties, so that
 * each lookup is one comparison, not a walk. */
static const struct qf_node *get_near(const struct qf_node *map,
				      const char *key, size_t *hint)
{
	for (size_t k = 0; map && map->kind == QF_NODE_MAP && k < map->n; k++) {
		size_t i = (*hint + k) % map->n;
		if (!strcmp(map->keys[i]->str, key)) {
			*hint = i + 1;
			return map->items[i];
		}
	}
	return NULL;
}

static void check_object(struct vctx *c, const struct qf_node *sch,
			 const struct qf_node *v)
{
	const struct qf_node *req = kw(c, sch, K_REQUIRED);
	const struct qf_node *props = kw(c, sch, K_PROPERTIES);
	const struct qf_node *add = kw(c, sch, K_ADDITIONALPROPERTIES);
	size_t old, near = 0;

	if (req) {
		for (size_t i = 0; i < req->n; i++) {
			if (get_near(v, req->items[i]->str, &near))
				continue;
			old = path_push_key(c, req->items[i]->str);
			problem(c, v, _("missing required field '%s'"), c->path);
			path_pop(c, old);
		}
	}
	near = 0;
	for (size_t i = 0; i < v->n; i++) {
		const struct qf_node *key = v->keys[i];
		const struct qf_node *ps;
		size_t j;

		/* The reader refuses duplicate keys: only a tree made in
		 * memory can have them. */
		for (j = 0; !v->pooled && j < i; j++)
			if (strcmp(key->str, v->keys[j]->str) == 0)
				break;
		if (v->pooled)
			j = i;
		old = path_push_key(c, key->str);
		if (j < i) {
			problem(c, key, _("duplicate field '%s'"), c->path);
		} else if ((ps = get_near(props, key->str, &near))) {
			validate(c, ps, v->items[i]);
		} else if (add && is_scalar(add, QF_STYPE_BOOL)) {
			if (!bool_value(add))
				problem(c, key, _("unknown field '%s'"), c->path);
		} else if (add) {
			validate(c, add, v->items[i]);
		}
		path_pop(c, old);
	}
}

static void check_array(struct vctx *c, const struct qf_node *sch,
			const struct qf_node *v)
{
	const struct qf_node *k;
	const struct qf_node *items = kw(c, sch, K_ITEMS);
	long long lim;
	size_t old;

	if ((k = kw(c, sch, K_MINITEMS)) &&
	    parse_int(k->str, &lim) == 0 && v->n < (unsigned long long)lim)
		field_problem(c, v,
			      P_("%zu item, at least %lld needed",
				 "%zu items, at least %lld needed", v->n),
			      v->n, lim);
	if ((k = kw(c, sch, K_MAXITEMS)) &&
	    parse_int(k->str, &lim) == 0 && v->n > (unsigned long long)lim)
		field_problem(c, v, _("%zu items, at most %lld allowed"), v->n,
			      lim);
	if ((k = kw(c, sch, K_UNIQUEITEMS)) && bool_value(k)) {
		for (size_t i = 1; i < v->n; i++) {
			const struct qf_node *a = v->items[i];
			char val[256];

			if (a->kind != QF_NODE_SCALAR)
				continue;
			for (size_t j = 0; j < i; j++) {
				const struct qf_node *b = v->items[j];

				if (!scalar_eq(a, b))
					continue;
				show(a->str, val, sizeof val);
				old = path_push_index(c, i);
				field_problem(c, a, _("'%s' is repeated "
					      "(already at [%zu])"), val, j);
				path_pop(c, old);
				break;
			}
		}
	}
	if (items) {
		for (size_t i = 0; i < v->n; i++) {
			old = path_push_index(c, i);
			validate(c, items, v->items[i]);
			path_pop(c, old);
		}
	}
}

static void validate(struct vctx *c, const struct qf_node *sch,
		     const struct qf_node *v)
{
	const struct qf_node *t;

	if (is_scalar(sch, QF_STYPE_BOOL)) {
		if (!bool_value(sch))
			field_problem(c, v, _("not allowed"));
		return;
	}
	if ((t = kw(c, sch, K_TYPE)) && check_type(c, t, v))
		return;
	if (v->kind == QF_NODE_SCALAR) {
		check_scalar(c, sch, v);
	} else if (kw(c, sch, K_ENUM) || kw(c, sch, K_CONST)) {
		/* enum and const values are scalars (checked at load) */
		field_problem(c, v, _("expected a single value, found %s"),
			      type_of(v));
	} else if (v->kind == QF_NODE_MAP) {
		check_object(c, sch, v);
	} else {
		check_array(c, sch, v);
	}
}

size_t qf_schema_validate(const struct qf_schema *s, const struct qf_node *rec,
			  const char *file, qf_ref_fn ref, void *ud,
			  struct qf_diags *out)
{
	return qf_schema_validate_later(s, rec, file, ref, ud, out, NULL);
}

size_t qf_schema_validate_later(const struct qf_schema *s,
				const struct qf_node *rec, const char *file,
				qf_ref_fn ref, void *ud, struct qf_diags *out,
				struct qf_diags *pending)
{
	struct vctx c = { .s = s, .file = file, .ref = ref, .ud = ud,
			  .out = out, .pending = pending };

	if (!rec || rec->kind != QF_NODE_MAP) {
		problem(&c, rec, _("record is not a mapping"));
		return c.count;
	}
	validate(&c, s->root, rec);
	return c.count;
}
