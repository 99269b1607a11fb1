/* firms.h - the register of firms in memory, for lists that name firms.
 * (The register is hundreds of records: small; visits and demands are
 * never held like this.) */
#ifndef QF_FIRMS_H
#define QF_FIRMS_H

#include <stddef.h>

#include "qf/error.h"
#include "qf/store.h"

struct qf_firms {
	struct qf_node **v;   /* firm records sorted by id, owned */
	size_t n, cap;
};

/* Read every firm of the store.  QF_OK, or an error code with err set.
 * Release with qf_firms_release. */
int qf_firms_load(struct qf_store *s, struct qf_firms *f, struct qf_error *err);
void qf_firms_release(struct qf_firms *f);
/* The position of the firm with this ID in v, or -1. */
long qf_firms_index(const struct qf_firms *f, const char *id);
/* The firm with this ID, or NULL. */
const struct qf_node *qf_firms_get(const struct qf_firms *f, const char *id);
/* Its name, or the ID itself when the firm is unknown. */
const char *qf_firms_name(const struct qf_firms *f, const char *id);

#endif
