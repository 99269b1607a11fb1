/* vocab.c - enumerated values and their names. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "qf/vocab.h"

static const struct qf_term kinds[] = {
	{ "problem", "问题", "problem" },
	{ "suggestion", "建议", "suggestion" },
	{ NULL, NULL, NULL }
};

static const struct qf_term levels[] = {
	{ "local", "本级", "local" },
	{ "higher", "上级", "higher level" },
	{ NULL, NULL, NULL }
};

static const struct qf_term categories[] = {
	{ "financing", "融资", "financing" },
	{ "land", "用地", "land" },
	{ "labour", "用工", "labour" },
	{ "permits", "审批", "permits" },
	{ "infrastructure", "基础设施", "infrastructure" },
	{ "logistics", "物流", "logistics" },
	{ "policy", "政策", "policy" },
	{ "market", "市场", "market" },
	{ "energy", "能源", "energy" },
	{ "technology", "科技", "technology" },
	{ "environment", "环保", "environment" },
	{ "services", "服务", "services" },
	{ "other", "其他", "other" },
	{ NULL, NULL, NULL }
};

static const struct qf_term statuses[] = {
	{ "open", "待交办", "open" },
	{ "assigned", "办理中", "assigned" },
	{ "resolved", "已解决", "resolved" },
	{ "adopted", "已采纳", "adopted" },
	{ "declined", "无法解决", "declined" },
	{ NULL, NULL, NULL }
};

static const struct qf_term satisfactions[] = {
	{ "satisfied", "满意", "satisfied" },
	{ "basic", "基本满意", "fairly satisfied" },
	{ "dissatisfied", "不满意", "dissatisfied" },
	{ NULL, NULL, NULL }
};

static const struct qf_term visit_kinds[] = {
	{ "visit", "走访", "visit" },
	{ "survey", "调研", "survey" },
	{ "onsite", "上门办公", "on-site office" },
	{ "meeting", "座谈", "meeting" },
	{ NULL, NULL, NULL }
};

static const struct qf_term actions[] = {
	{ "collect", "收集", "collected" },
	{ "assign", "交办", "assigned" },
	{ "note", "进展", "progress" },
	{ "extend", "延期", "extended" },
	{ "return", "退回", "returned" },
	{ "urge", "催办", "urged" },
	{ "escalate", "上报", "escalated" },
	{ "resolve", "办结", "resolved" },
	{ "adopt", "采纳", "adopted" },
	{ "decline", "无法解决", "declined" },
	{ "follow-up", "回访", "followed up" },
	{ "reopen", "重办", "reopened" },
	{ NULL, NULL, NULL }
};

static const struct qf_term app_statuses[] = {
	{ "filed", "已申报", "filed" },
	{ "reviewing", "审核中", "under review" },
	{ "listed", "已入库", "listed" },
	{ "granted", "已兑现", "granted" },
	{ "rejected", "未通过", "rejected" },
	{ NULL, NULL, NULL }
};

static const struct qf_term app_actions[] = {
	{ "file", "申报", "filed" },
	{ "review", "审核", "under review" },
	{ "list", "入库", "listed" },
	{ "grant", "兑现", "granted" },
	{ "reject", "未通过", "rejected" },
	{ "note", "进展", "progress" },
	{ NULL, NULL, NULL }
};

static const struct qf_term event_kinds[] = {
	{ "briefing", "政策宣讲会", "policy briefing" },
	{ "financing", "银企对接会", "bank–firm matchmaking" },
	{ "jobs", "招聘会", "job fair" },
	{ "salon", "企业家沙龙", "entrepreneurs' salon" },
	{ "forum", "座谈会", "forum" },
	{ "matchmaking", "供需对接会", "supply–demand matchmaking" },
	{ NULL, NULL, NULL }
};

static const struct qf_term *const vocabs[QF_NVOCABS] = {
	[QF_V_KIND] = kinds,
	[QF_V_LEVEL] = levels,
	[QF_V_CATEGORY] = categories,
	[QF_V_STATUS] = statuses,
	[QF_V_SATISFACTION] = satisfactions,
	[QF_V_VISIT_KIND] = visit_kinds,
	[QF_V_ACTION] = actions,
	[QF_V_APP_STATUS] = app_statuses,
	[QF_V_APP_ACTION] = app_actions,
	[QF_V_EVENT_KIND] = event_kinds,
};

const struct qf_term *qf_vocab_terms(enum qf_vocab v)
{
	return vocabs[v];
}

const char *qf_vocab_token(enum qf_vocab v, const char *input)
{
	if (!input)
		return NULL;
	for (const struct qf_term *t = vocabs[v]; t->token; t++)
		if (strcasecmp(t->token, input) == 0 ||
		    strcmp(t->zh, input) == 0 ||
		    strcasecmp(t->en, input) == 0)
			return t->token;
	return NULL;
}

const char *qf_vocab_name(enum qf_vocab v, const char *token,
			  const char *lang)
{
	int zh = lang && strncmp(lang, "zh", 2) == 0;

	if (!token)
		return "";
	for (const struct qf_term *t = vocabs[v]; t->token; t++)
		if (strcmp(t->token, token) == 0)
			return zh ? t->zh : t->en;
	return token;
}

const char *qf_vocab_list(enum qf_vocab v)
{
	static char buf[1024];
	size_t n = 0;

	buf[0] = '\0';
	for (const struct qf_term *t = vocabs[v]; t->token; t++) {
		int w = snprintf(buf + n, sizeof buf - n, "%s%s (%s)",
				 n ? ", " : "", t->token, t->zh);
		if (w < 0 || (size_t)w >= sizeof buf - n)
			break;
		n += (size_t)w;
	}
	return buf;
}
