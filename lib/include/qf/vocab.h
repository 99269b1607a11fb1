/* vocab.h - the enumerated values of records and their names.
 *
 * Records hold English tokens ("problem", "local", "land"); people type and
 * read Chinese (问题, 本级, 用地).  Each vocabulary maps both ways.  The
 * schemas are the truth for which tokens are allowed; these tables only
 * name them, and a unit test checks the two agree.
 */
#ifndef QF_VOCAB_H
#define QF_VOCAB_H

enum qf_vocab {
	QF_V_KIND,          /* problem, suggestion */
	QF_V_LEVEL,         /* local, higher */
	QF_V_CATEGORY,      /* financing, land, ... */
	QF_V_STATUS,        /* open, assigned, resolved, adopted, declined */
	QF_V_SATISFACTION,  /* satisfied, basic, dissatisfied */
	QF_V_VISIT_KIND,    /* visit, survey, onsite, meeting */
	QF_V_ACTION,        /* collect, assign, ... (log entries) */
	QF_V_APP_STATUS,    /* filed, reviewing, listed, granted, rejected */
	QF_V_APP_ACTION,    /* file, review, list, grant, reject, note */
	QF_V_EVENT_KIND,    /* briefing, financing, jobs, salon, forum,
			     * matchmaking */
	QF_NVOCABS
};

struct qf_term {
	const char *token;  /* as stored */
	const char *zh;     /* Chinese name */
	const char *en;     /* English name for reports */
};

/* The terms of a vocabulary, ending with a {NULL} entry. */
const struct qf_term *qf_vocab_terms(enum qf_vocab v);
/* The stored token for what a user typed: the token itself, its Chinese
 * name, or its English name (case-insensitive).  NULL when unknown. */
const char *qf_vocab_token(enum qf_vocab v, const char *input);
/* The name of token in lang ("zh" or anything else for English); the token
 * itself when unknown. */
const char *qf_vocab_name(enum qf_vocab v, const char *token,
			  const char *lang);
/* "problem (问题), suggestion (建议)" for messages, in a static buffer. */
const char *qf_vocab_list(enum qf_vocab v);

#endif
