/* store_impl.h - what the store's modules (store.c, lock.c, lookup.c,
 * write.c, journal.c, match.c) share and no one else sees.  Programs use
 * qf/store.h, whose struct qf_store is opaque. */
#ifndef QF_STORE_IMPL_H
#define QF_STORE_IMPL_H

#include <stddef.h>
#include <sys/types.h>

#include "qf/buf.h"
#include "qf/idscan.h"
#include "qf/store.h"

/* A file of a reader's snapshot (qf_store_snapshot). */
struct qf_snap_file {
	char *path;
	int fd;
	size_t size;
};

struct qf_store {
	char *root;                 /* as found or given, e.g. "." or "../.." */
	struct qf_node *settings;   /* qf.yaml */
	const char *site;           /* settings.site */
	char *schema_dir;
	struct qf_schema *schemas[QF_NTYPES];  /* loaded on first use */
	int lock_fd;                /* -1 when not locked */
	int lock_shared;            /* lock_fd holds a reader's shared lock */
	mode_t dir_mode, file_mode; /* what new folders and files get: the
				     * store folder's own mode, never
				     * writable by others (a group-shared
				     * store, 2775, gives 2775 and 664) */
	struct qf_strv ids[QF_NTYPES];  /* sorted ID index, built on first use */
	int indexed[QF_NTYPES];
	/* A writer's qf_store_get keeps the bytes of the record's file for
	 * the rewrite that follows: under the same lock nothing else changes
	 * it, and every write lets them go. */
	char *held_path, *held;
	size_t held_len;
	struct qf_strset known;     /* IDs found by their lines since the
				     * last write: a command that checks
				     * one firm several times (the visit's,
				     * each demand's) reads its file once */
	char journal[4096];         /* what qf_store_begin wrote to
				     * qf.journal, kept so that a rollback
				     * needs neither memory nor open() */
	size_t journal_len;         /* 0: nothing held */
	struct qf_snap_file *snap[QF_NTYPES];  /* qf_store_snapshot */
	size_t nsnap[QF_NTYPES];
	int snapped;
};

/* a/b, or just b when a is "." (so that messages say
 * "demands/2023-05.yaml", not "./demands/2023-05.yaml").  malloc'd. */
char *qfs_join(const char *a, const char *b);
/* strcmp for qsort and bsearch over arrays of char *. */
int qfs_cmp_str(const void *a, const void *b);
/* Does the file name (without folder) belong to key: "<key>.yaml" or
 * "<key>-<anything>.yaml"? */
int qfs_file_for_key(const char *path, const char *key);
/* Call fn for every record of the file at path (of the snapshot when
 * there is one).  As qf_store_each. */
int qfs_each_in_file(struct qf_store *s, const char *path, qf_record_fn fn,
		     void *ud, struct qf_error *err);

/* Shift the lines of a tree read from a piece of a file. */
void qfs_shift_lines(struct qf_node *n, unsigned by);

/* lock.c: the snapshot's bytes of path into *buf (malloc'd).  0, 1 when
 * path is not in it, -1 out of memory (or unreadable: the caller reads it
 * by name). */
int qfs_snap_read(const struct qf_store *s, const char *path, char **buf,
		  size_t *len);
/* The same into b, kept from one file to the next. */
int qfs_snap_read_into(const struct qf_store *s, const char *path,
		       struct qf_buf *b);

/* journal.c: a journal left by a writer that was killed: undo its half
 * write.  Called by qf_store_lock. */
void qfs_recover(struct qf_store *s);

/* lookup.c: one record found by its ID. */
struct qfs_found {
	const char *id;
	struct qf_node *rec;       /* its tree (owned) */
	char *file;                /* its file (owned) */
	unsigned first_line, last_line;
	unsigned long max_seq;     /* for next_id */
	char prefix[QF_ID_MAX];
	char *dup_file;            /* a second record with the ID */
	unsigned dup_line;
	char *buf;                 /* found by lines: the file's bytes */
	size_t len;
};
/* Look for id in the files its key names: by their lines when they are
 * laid out as we write them, else by parsing them.  QF_OK with f filled
 * (the caller frees rec, file and buf), else an error with err set. */
int qfs_locate(struct qf_store *s, const char *id, struct qfs_found *f,
	       struct qf_error *err);

#endif
