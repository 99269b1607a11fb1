/* lang.h - wording in a language the program chooses, not the locale's.
 *
 * The bulletin is written in the store's language (qf.yaml `lang`), so
 * that a cron job under LANG=C sends the same Chinese bulletin as a person
 * at a Chinese terminal.  Its wording is in the message catalogue like
 * every other message (po/zh_CN.po); between qf_lang_push and
 * qf_lang_pop, _() looks it up in the catalogue of the language asked for
 * instead of the locale's.
 *
 * How: the calling thread's locale (uselocale) gets LC_MESSAGES and
 * LC_CTYPE of C.UTF-8, which glibc has built in, and LANGUAGE names the
 * catalogue ("zh_CN"); for English the messages locale is "C", where
 * gettext returns the English text itself.  The environment is changed
 * for the while, so the scope is for single-threaded programs (every qf
 * command is one).  The program must have bound the "qifu" domain to its
 * catalogue directory (bindtextdomain), as cmd/common.c does. */
#ifndef QF_LANG_H
#define QF_LANG_H

#include <locale.h>

struct qf_lang {
	locale_t prev, loc;
	char *saved;          /* LANGUAGE before the push, or NULL */
	int had, active;
};

/* Use lang ("zh", "zh_CN", "en"; NULL is "zh", the store's default) for
 * messages until qf_lang_pop.  0, or -1 when no locale could be made for
 * it (messages then stay in the locale's language).  Pop in every case. */
int qf_lang_push(struct qf_lang *l, const char *lang);
void qf_lang_pop(struct qf_lang *l);

/* 1 when lang is Chinese ("zh", "zh_CN", ... or NULL). */
int qf_lang_is_zh(const char *lang);

#endif
