/* lang.c - messages in a chosen language (see qf/lang.h). */
#define _GNU_SOURCE
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "qf/lang.h"

int qf_lang_is_zh(const char *lang)
{
	return !lang || !strncmp(lang, "zh", 2);
}

int qf_lang_push(struct qf_lang *l, const char *lang)
{
	const char *v = getenv("LANGUAGE");
	int zh = qf_lang_is_zh(lang);
	locale_t base;

	memset(l, 0, sizeof *l);
	l->had = v != NULL;
	if (v && !(l->saved = strdup(v)))
		return -1;
	if (!(base = duplocale(uselocale((locale_t)0))))
		return -1;
	/* C.UTF-8: a locale that is not "C", so that glibc reads LANGUAGE,
	 * and whose characters are UTF-8, so that the translations are not
	 * converted to ASCII question marks under LANG=C. */
	l->loc = newlocale(LC_MESSAGES_MASK | LC_CTYPE_MASK,
			   zh ? "C.UTF-8" : "C", base);
	if (!l->loc && zh)
		l->loc = newlocale(LC_MESSAGES_MASK | LC_CTYPE_MASK,
				   "zh_CN.UTF-8", base);
	if (!l->loc) {
		freelocale(base);
		return -1;
	}
	if (setenv("LANGUAGE", zh ? "zh_CN" : "en", 1)) {
		freelocale(l->loc);
		l->loc = (locale_t)0;
		return -1;
	}
	l->prev = uselocale(l->loc);
	l->active = 1;
	return 0;
}

void qf_lang_pop(struct qf_lang *l)
{
	if (l->active) {
		uselocale(l->prev);
		freelocale(l->loc);
		if (l->had)
			setenv("LANGUAGE", l->saved, 1);
		else
			unsetenv("LANGUAGE");
	}
	free(l->saved);
	memset(l, 0, sizeof *l);
}
