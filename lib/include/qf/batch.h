/* batch.h - new records written all or nothing.
 *
 * Every command that adds records does the same: take the next free IDs,
 * build the records, validate each against its schema, append them (a
 * visit and the demands it raised together, or none of them), and rewrite
 * a record that now names a new one (the visit a demand came from).  A
 * batch is that protocol, once:
 *
 *     qf_store_lock(s, ...);
 *     qf_batch_new(s, &b, &err);
 *     qf_batch_id(b, QF_DEMAND, &date, id, sizeof id, &err);
 *     ... build rec with that "id" ...
 *     qf_batch_append(b, rec, &err);
 *     qf_batch_commit(b, &diags, &err);
 *     qf_batch_free(b);
 *
 * Nothing reaches the disk before qf_batch_commit.
 */
#ifndef QF_BATCH_H
#define QF_BATCH_H

#include <stddef.h>

#include "qf/date.h"
#include "qf/error.h"
#include "qf/id.h"
#include "qf/node.h"
#include "qf/store.h"

struct qf_batch;

/* A batch of writes to s, which must be locked (qf_store_lock). */
int qf_batch_new(struct qf_store *s, struct qf_batch **b,
		 struct qf_error *err);
void qf_batch_free(struct qf_batch *b);

/* The next free ID of type t (visits and demands: in date's month; date
 * may be NULL for the others), past those of the store and those this
 * batch has given already.  id of QF_ID_MAX bytes. */
int qf_batch_id(struct qf_batch *b, enum qf_type t, const struct qf_date *date,
		char *id, size_t n, struct qf_error *err);

/* Take id (of another store of the same site, say, being imported) as
 * this batch's, when it is of this store's site and is past every ID of
 * its series the store and the batch have, so that IDs given after it
 * follow it: 0.  1 when it cannot be had (the caller takes
 * qf_batch_id's); -code with err set when the store cannot be read. */
int qf_batch_claim(struct qf_batch *b, const char *id, struct qf_error *err);

/* A qf_ref_fn (qf/schema.h) for ud = a batch: the record is there when
 * the batch appends it or the store has it. */
int qf_batch_ref_exists(const char *type, const char *id, void *ud);

/* Queue rec, whose "id" qf_batch_id gave, to be appended.  The batch
 * owns rec from here, whatever the outcome. */
int qf_batch_append(struct qf_batch *b, struct qf_node *rec,
		    struct qf_error *err);

/* Queue rec to replace the stored record with its ID, after the appends.
 * The batch owns rec. */
int qf_batch_rewrite(struct qf_batch *b, struct qf_node *rec,
		     struct qf_error *err);

/* Validate every record queued against its type's schema, references to
 * records of this batch counting as there: QF_EDATA with the problems in
 * d (without file:line:col: the records are not on disk yet, so each
 * names the field), and nothing written.  Then write: the appends all or
 * none (several go under the journal, see qf_store_begin, so that a
 * failure or a kill takes all of them back), then each rewrite in place.
 * A rewrite that fails leaves the appends, which stand on their own (a
 * demand still names its source visit). */
int qf_batch_commit(struct qf_batch *b, struct qf_diags *d,
		    struct qf_error *err);

/* The IDs appended, in the order queued (valid until qf_batch_free). */
size_t qf_batch_count(const struct qf_batch *b);
const char *qf_batch_nth_id(const struct qf_batch *b, size_t i);

#endif
