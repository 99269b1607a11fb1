/* store.h - the store: a directory of YAML record files.
 *
 *   qf.yaml               settings
 *   firms/ *.yaml         firm records      (new ones go to firms/<SITE>.yaml)
 *   policies/ *.yaml      policy records    (policies/<SITE>.yaml)
 *   visits/ *.yaml        visit records     (visits/<YYYY-MM>.yaml)
 *   demands/ *.yaml       demand records    (demands/<YYYY-MM>.yaml)
 *   qf.lock               the writers' lock (flock; never removed)
 *
 * A record's file is named by its ID's key (see qf_id_file_key): either
 * <key>.yaml or, for people who split files, <key>-<anything>.yaml.
 * Readers take every .yaml file of a folder in name order.
 */
#ifndef QF_STORE_H
#define QF_STORE_H

#include <stddef.h>
#include <sys/types.h>

#include "qf/date.h"
#include "qf/error.h"
#include "qf/id.h"
#include "qf/node.h"
#include "qf/schema.h"
#include "qf/yaml.h"

#define QF_LOCK_TIMEOUT_MS 5000

/* An open store.  Opaque: its modules share lib/store_impl.h. */
struct qf_store;

/* Find the store: dir when non-NULL (--data); else walk up from the
 * working directory to a directory holding qf.yaml; else env_dir when
 * non-NULL ($QF_DATA).  *root is malloc'd (caller frees).  QF_ENOINPUT when
 * there is none. */
int qf_store_find(const char *dir, const char *env_dir, char **root,
		  struct qf_error *err);

/* Open the store at root: read and validate qf.yaml against
 * schema_dir/settings.yaml.  schema_dir NULL: qf_schema_dir_default().
 * Returns QF_OK or QF_ENOINPUT / QF_ECONFIG with err set.  Free with
 * qf_store_free (which also releases the lock). */
int qf_store_open(struct qf_store **s, const char *root,
		  const char *schema_dir, struct qf_error *err);
void qf_store_free(struct qf_store *s);

/* The schema directory of an installed or uninstalled qifu: beside the
 * executable (../share/qifu/schemas), the configured install directory,
 * or the source tree.  Returns a static string, or NULL when none exists. */
const char *qf_schema_dir_default(void);

/* The schema of a record type, loaded on first use (owned by the store).
 * QF_ECONFIG when it cannot be loaded. */
int qf_store_schema(struct qf_store *s, enum qf_type t,
		    const struct qf_schema **out, struct qf_error *err);

/* Settings. */
const char *qf_store_setting(const struct qf_store *s, const char *key);
long qf_store_setting_int(const struct qf_store *s, const char *key,
			  long dflt);
/* The root as found or given ("." or "../.."), the site code, the whole
 * of qf.yaml, and the mode new files of the store get (its folder's,
 * never writable by others). */
const char *qf_store_root(const struct qf_store *s);
const char *qf_store_site(const struct qf_store *s);
const struct qf_node *qf_store_settings(const struct qf_store *s);
mode_t qf_store_file_mode(const struct qf_store *s);

/* Take the writers' lock, waiting up to timeout_ms.  QF_EBUSY when another
 * writer holds it that long; QF_ECANTCREAT when the lock file cannot be
 * opened. */
int qf_store_lock(struct qf_store *s, int timeout_ms, struct qf_error *err);
/* Take a reader's shared lock on qf.lock, waiting up to timeout_ms for a
 * writer to finish: a reader then sees the store before or after a write
 * of several records (a visit and its demands), never in between.  A
 * store whose qf.lock cannot be opened (read-only media, no lock file) is
 * read without.  qf_store_lock later trades it for the writers' lock. */
int qf_store_lock_shared(struct qf_store *s, int timeout_ms,
			 struct qf_error *err);
void qf_store_unlock(struct qf_store *s);

/* A reader's view that lets writers go on: under the shared lock, open
 * every record file and note its size, then let the lock go.  Reads
 * (qf_store_files, qf_store_each, qf_store_get, qf_store_has) then see
 * those files at those sizes.  This is the store as of the snapshot:
 * an append after it adds whole records past the size noted, and a
 * rewrite renames a new file over the name, leaving the open one as it
 * was.  A store with more files than can be held open is read under the
 * lock instead.  qf_store_lock (a writer) drops it and reads the store
 * as it is.  QF_EBUSY as qf_store_lock_shared. */
int qf_store_snapshot(struct qf_store *s, int timeout_ms,
		      struct qf_error *err);
void qf_store_drop_snapshot(struct qf_store *s);

/* The *.yaml files of a type's folder, sorted by name, as paths under
 * root ("<root>/demands/2023-05.yaml").  *paths is a malloc'd array of
 * malloc'd strings; free with qf_store_free_paths.  A missing folder gives
 * no files. */
int qf_store_files(const struct qf_store *s, enum qf_type t, char ***paths,
		   size_t *n, struct qf_error *err);
void qf_store_free_paths(char **paths, size_t n);
/* A reader of one of those files: of its snapshot when there is one.  As
 * qf_reader_open. */
int qf_store_reader(struct qf_store *s, const char *path,
		    struct qf_reader **r, struct qf_error *err);

/* Call fn for every record of type t, in file-name then file order.  fn
 * returns 0 to go on, anything else to stop, and qf_store_each then
 * returns that value: a QF_E* code that fn has put in err (with
 * qf_error_set or qf_error_oom), or a value of the caller's own (a
 * positive one that is no QF_E* code: "found") with err untouched.
 * Returns QF_OK, or an error code with err set when a file cannot be read
 * or parsed. */
typedef int (*qf_record_fn)(const struct qf_doc *doc, const char *file,
			    void *ud, struct qf_error *err);
int qf_store_each(struct qf_store *s, enum qf_type t, qf_record_fn fn,
		  void *ud, struct qf_error *err);

/* qf_store_each over only the files of type t that a record with the ID
 * like may live in (its month's, for visits and demands); like NULL:
 * every file, as qf_store_each. */
int qf_store_each_like(struct qf_store *s, enum qf_type t, const char *like,
		       qf_record_fn fn, void *ud, struct qf_error *err);

/* qf_store_each_like over the records of type t whose text holds needle
 * (a firm's or a visit's ID): the only ones whose fields can name it.  In a
 * file laid out as qifu writes it (qf/idscan.h) the others are passed
 * over by their lines, unparsed, so that asking for one firm's demands
 * costs little more than reading the files; a record with a backslash is
 * parsed whatever it holds (an escape could spell the needle), and a
 * file laid out otherwise is parsed whole.  A problem in a record passed
 * over is not seen: that is qf check's business. */
int qf_store_each_naming(struct qf_store *s, enum qf_type t,
			 const char *like, const char *needle,
			 qf_record_fn fn, void *ud, struct qf_error *err);

/* 1 if a record with this ID exists, 0 if not (uses an index built on
 * first use; a file that cannot be read hides only its own records), -1
 * when the index cannot be built for want of memory. */
int qf_store_has(struct qf_store *s, const char *id);
/* A qf_ref_fn for qf_schema_validate: 1 if a record of type (its name)
 * with this ID exists in the store ud. */
int qf_store_ref_exists(const char *type, const char *id, void *ud);

/* Drop the ID indexes (after a write). */
void qf_store_forget(struct qf_store *s);

/* Read the record with this ID into *rec (caller frees) and its file into
 * *file (caller frees; may be NULL).  QF_ENOINPUT when absent. */
int qf_store_get(struct qf_store *s, const char *id, struct qf_node **rec,
		 char **file, struct qf_error *err);

/* Next free ID of type t (for visits and demands, in the month of date):
 * the highest sequence in the files that ID would name, plus one.  Must be
 * called under the lock.  buf of QF_ID_MAX bytes. */
int qf_store_next_id(struct qf_store *s, enum qf_type t,
		     const struct qf_date *date, char *buf, size_t n,
		     struct qf_error *err);

/* Make a folder of the store, or append to one of its files, with the
 * store's modes (dir_mode, file_mode) whatever the umask.  As
 * qf_file_mkdir and qf_file_append. */
int qf_store_mkdir(struct qf_store *s, const char *dir, struct qf_error *err);
int qf_store_write_new(struct qf_store *s, const char *path, const char *buf,
		       size_t len, struct qf_error *err);

/* Append rec (whose "id" names its file) as a new document.  Must be
 * called under the lock.  QF_OK or an error code with err set; on error
 * the file is as it was. */
int qf_store_append(struct qf_store *s, const struct qf_node *rec,
		    struct qf_error *err);

/* Append recs, those of one file in one write and in their order: a
 * batch of thousands costs a write and an fsync per file, not per
 * record.  For several, call it under the journal (qf_store_begin): a
 * failure part way leaves the files written before it. */
int qf_store_append_all(struct qf_store *s, struct qf_node *const *recs,
			size_t n, struct qf_error *err);

/* A write of several records (a visit and the demands it raised) is all
 * or nothing.  qf_store_begin notes in qf.journal (written whole and
 * fsynced) the size of every file the records with these IDs will be
 * appended to; qf_store_commit removes it; qf_store_rollback cuts every
 * file back to its noted size.  A writer killed in between leaves the
 * journal, and the next writer to take the lock rolls it back.  All must
 * be called under the lock.  A rollback allocates nothing and opens no
 * file it does not have to: it is what runs when memory or descriptors
 * have run out or the disk is failing. */
int qf_store_begin(struct qf_store *s, const char *const *ids, size_t n,
		   struct qf_error *err);
int qf_store_commit(struct qf_store *s, struct qf_error *err);
void qf_store_rollback(struct qf_store *s);

/* Replace the record with rec's ID by rec, in place: every other byte of
 * its file stays as it was.  Must be called under the lock. */
int qf_store_rewrite(struct qf_store *s, const struct qf_node *rec,
		     struct qf_error *err);

/* Look a firm up by ID, by its credit code or by a unique part of its
 * name.  On success *id (QF_ID_MAX bytes) holds its ID.  QF_ENOINPUT when
 * nothing matches, QF_EDATA when several do (the message lists them). */
int qf_store_find_firm(struct qf_store *s, const char *query, char *id,
		       size_t n, struct qf_error *err);
/* A policy by the same rule: its ID, or its title or a part of it that
 * only it has.  QF_ENOINPUT when none, QF_EDATA when several (listed) or
 * query is an ID of another type. */
int qf_store_find_policy(struct qf_store *s, const char *query, char *id,
			 size_t n, struct qf_error *err);
/* A department of qf.yaml's catalogue by the same rule: its exact name,
 * or a part that only it has (金融 for 金融办).  *dept is the catalogue's
 * string (or name itself when the store has no catalogue).  QF_EUSAGE
 * with err set when the name is in no entry or in several. */
int qf_store_find_dept(const struct qf_store *s, const char *name,
		       const char **dept, struct qf_error *err);

/* 1 if path (a file of the right folder) is one that the record id may
 * live in: "<key>.yaml" or "<key>-<anything>.yaml" for its key. */
int qf_store_file_holds(const char *path, const char *id);

#endif
