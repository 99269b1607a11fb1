/* i18n.h - marking the library's messages for translation (internal).
 *
 * libqf's messages live in the "qifu" domain, like the commands'.  The
 * library never calls setlocale or textdomain (that is the program's
 * business, see cmd/common.c); it only looks its messages up with
 * dgettext, so that a program which has not set a locale gets English.
 *
 * _("...") translates now; N_("...") only marks a string for xgettext
 * (translate it with _() where it is used); P_() picks a plural form.
 * Mark whole sentences: do not build a message from translated pieces.
 * po/update.sh scans the .c files of lib/ as well as cmd/.
 */
#ifndef QF_I18N_H
#define QF_I18N_H

#include <libintl.h>

#define _(s) dgettext("qifu", s)
#define N_(s) (s)
/* A literal that is data (a stored term, a default tag), not wording:
 * tests/i18n/catalogue.sh lets its Chinese be. */
#define QF_TERM(s) (s)
/* The singular or plural form for n (xgettext keyword P_:1,2). */
#define P_(sing, plur, n) dngettext("qifu", sing, plur, n)

/* A message in a context, for one English text with two meanings
 * ("Change" against the month before, and against the week before):
 * xgettext keyword C_:1c,2, looked up as gettext's pgettext does. */
#define C_(ctx, s) qf_pgettext(ctx "\004" s, s)

static inline const char *qf_pgettext(const char *key, const char *s)
{
	const char *t = dgettext("qifu", key);

	return t == key ? s : t;
}

#endif
