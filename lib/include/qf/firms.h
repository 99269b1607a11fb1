/* firms.h - the register of firms in memory, for lists and the bulletin
 * that name firms.  A province holds ~100k firms: each is kept as the few
 * strings those need, not as its record's tree (unless asked for). */
#ifndef QF_FIRMS_H
#define QF_FIRMS_H

#include <stddef.h>

#include "qf/error.h"
#include "qf/node.h"
#include "qf/store.h"

struct qf_firm {
	const char *id;
	const char *name;        /* NULL when the record has none */
	const char *leader;      /* 包联领导, or NULL */
	const char *park, *sector, *liaison;   /* or NULL */
	const char *since;       /* as written, or NULL */
	const char *tags;        /* each tag followed by a NUL, then a NUL
				  * ("规上\0专精特新\0\0"); NULL when none */
	struct qf_node *rec;     /* the whole record (QF_FIRMS_RECORDS only,
				  * else NULL); owned by the register */
};

struct qf_str_block;

struct qf_firms {
	struct qf_firm *v;       /* sorted by id */
	size_t n, cap;
	struct qf_str_block *strings;  /* where the strings live */
};

/* What qf_firms_load keeps of each firm: the strings above, or those and
 * the whole record. */
enum { QF_FIRMS_NAMES = 0, QF_FIRMS_RECORDS = 1 };

/* Read every firm of the store.  QF_OK, or an error code with err set.
 * Release with qf_firms_release. */
int qf_firms_load(struct qf_store *s, struct qf_firms *f, int what,
		  struct qf_error *err);
/* A register of one firm, found by its lines (qf_store_get): for a
 * command about one firm, which need not read 100k of them.  As
 * qf_store_get: QF_ENOINPUT when there is no such firm. */
int qf_firms_load_one(struct qf_store *s, struct qf_firms *f, const char *id,
		      struct qf_error *err);
void qf_firms_release(struct qf_firms *f);
/* The position of the firm with this ID in v, or -1. */
long qf_firms_index(const struct qf_firms *f, const char *id);
/* The firm with this ID, or NULL. */
const struct qf_firm *qf_firms_get(const struct qf_firms *f, const char *id);
/* Its name, or the ID itself when the firm is unknown. */
const char *qf_firms_name(const struct qf_firms *f, const char *id);
/* 1 if the firm has this tag. */
int qf_firm_has_tag(const struct qf_firm *firm, const char *tag);

#endif
