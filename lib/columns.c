/* columns.c - a record type as flat columns (see qf/columns.h).
 *
 * The headers here are data, not wording: they are what offices' sheets
 * say (tests/i18n/catalogue.sh lets this table's Chinese be, as it does
 * lib/vocab.c's).  An alias belongs to one column only; a unit test
 * checks that no header names two columns of a type.
 */
#include <string.h>

#include "qf/columns.h"
#include "qf/node.h"

#define T(f, zh, al) { f, zh, al, QF_COL_TEXT, 0, 0, 0 }
#define TR(f, zh, al) { f, zh, al, QF_COL_TEXT, 0, 0, 1 }
#define D(f, zh, al) { f, zh, al, QF_COL_DATE, 0, 0, 0 }
#define DR(f, zh, al) { f, zh, al, QF_COL_DATE, 0, 0, 1 }
#define L(f, zh, al) { f, zh, al, QF_COL_LIST, 0, 0, 0 }
#define E(f, zh, al, v, r) { f, zh, al, QF_COL_ENUM, v, 0, r }
#define R(f, zh, al, t, r) { f, zh, al, QF_COL_REF, 0, t, r }
#define RL(f, zh, al, t) { f, zh, al, QF_COL_LIST, 0, t, 0 }

static const struct qf_column firm_cols[] = {
	TR("id", "企业编号", "编号"),
	TR("name", "企业名称", "企业|公司名称|单位名称|名称"),
	T("credit_code", "统一社会信用代码", "社会信用代码|信用代码|uscc"),
	T("park", "所属园区", "园区|所在园区"),
	T("sector", "所属行业", "行业|行业类别"),
	L("tags", "企业标签", "标签|企业类型"),
	T("leader", "联点领导", "包联领导|联系领导"),
	T("liaison", "驻企联络员", "联络员|服务专员"),
	T("contact.name", "联系人", "企业联系人|contact"),
	T("contact.title", "联系人职务", "职务|title"),
	T("contact.phone", "联系电话", "电话|手机|联系方式|phone"),
	D("since", "建档日期", "登记日期|入库日期"),
	T("note", "备注", ""),
};

static const struct qf_column policy_cols[] = {
	TR("id", "政策编号", "编号"),
	TR("title", "政策名称", "政策标题|政策|名称|标题"),
	T("issuer", "发布单位", "发文单位|发布机关"),
	D("issued", "发布日期", "发文日期|印发日期"),
	D("expires", "有效期至", "截止日期|失效日期"),
	T("summary", "政策摘要", "摘要|主要内容"),
	L("tags", "政策标签", "标签"),
	L("eligible.tags", "适用企业类型", "适用对象|适用企业"),
	L("eligible.sectors", "适用行业", ""),
	L("eligible.parks", "适用园区", ""),
};

static const struct qf_column visit_cols[] = {
	TR("id", "走访编号", "编号"),
	DR("date", "走访日期", "日期"),
	R("firm", "走访企业", "企业名称|企业", QF_FIRM, 1),
	{ "visitors", "走访人员", "走访人|走访干部", QF_COL_LIST, 0, 0, 1 },
	E("kind", "走访方式", "方式|走访类型", QF_V_VISIT_KIND, 1),
	RL("policies", "宣传政策", "送达政策|政策", QF_POLICY),
	RL("demands", "收集诉求", "诉求编号|诉求", QF_DEMAND),
	T("note", "走访情况", "备注"),
};

static const struct qf_column demand_cols[] = {
	TR("id", "诉求编号", "编号"),
	R("firm", "企业名称", "诉求企业|企业", QF_FIRM, 1),
	DR("opened", "收集日期", "提出日期|登记日期|受理日期|日期"),
	T("source", "诉求来源", "来源"),
	E("kind", "诉求类型", "类型", QF_V_KIND, 1),
	E("level", "办理层级", "层级", QF_V_LEVEL, 1),
	E("category", "诉求类别", "类别|问题类别", QF_V_CATEGORY, 1),
	TR("title", "诉求内容", "诉求标题|诉求事项|问题描述|标题"),
	T("detail", "诉求详情", "详细情况|具体内容"),
	{ "amount", "涉及金额", "金额", QF_COL_INT, 0, 0, 0 },
	T("dept", "责任单位", "主办单位|承办单位|办理单位"),
	L("codepts", "协办单位", ""),
	T("owner", "责任人", ""),
	D("due", "办理时限", "完成时限|时限"),
	D("original_due", "原办理时限", ""),
	E("status", "办理状态", "状态|是否办结", QF_V_STATUS, 1),
	D("closed", "办结日期", "完成日期|解决日期"),
	T("resolution", "办理结果", "办理情况|处理结果|答复意见"),
	E("satisfaction", "满意度", "回访满意度|企业满意度", QF_V_SATISFACTION, 0),
};

static const struct qf_column application_cols[] = {
	TR("id", "申报编号", "编号"),
	R("firm", "申报企业", "企业名称|企业", QF_FIRM, 1),
	R("policy", "申报政策", "政策名称|政策|申报类别", QF_POLICY, 1),
	TR("project", "项目名称", "项目"),
	{ "requested", "申报资金", "申报金额|资金需求", QF_COL_INT, 0, 0, 0 },
	DR("filed", "申报日期", "日期"),
	T("dept", "受理单位", "主管部门"),
	E("status", "申报状态", "状态|进度", QF_V_APP_STATUS, 1),
	{ "granted", "兑现资金", "兑现金额|到位资金|获批资金", QF_COL_INT, 0, 0, 0 },
	D("closed", "办结日期", "兑现日期"),
	T("source", "来源", ""),
	T("note", "备注", ""),
};

static const struct qf_column event_cols[] = {
	TR("id", "活动编号", "编号"),
	DR("date", "活动日期", "日期|时间"),
	E("kind", "活动类型", "类型", QF_V_EVENT_KIND, 1),
	TR("title", "活动名称", "名称|主题"),
	T("organiser", "主办单位", "组织单位|承办单位"),
	T("place", "活动地点", "地点"),
	RL("firms", "参加企业", "参会企业|企业", QF_FIRM),
	RL("policies", "宣讲政策", "政策", QF_POLICY),
	RL("demands", "收集诉求", "诉求", QF_DEMAND),
	{ "outcomes.financing_intended", "意向融资", "意向融资金额", QF_COL_INT, 0, 0, 0 },
	{ "outcomes.financing_signed", "签约融资", "签约融资金额", QF_COL_INT, 0, 0, 0 },
	{ "outcomes.positions", "提供岗位", "岗位数", QF_COL_INT, 0, 0, 0 },
	{ "outcomes.attendees", "参加人数", "求职人数|人数", QF_COL_INT, 0, 0, 0 },
	{ "outcomes.hires", "达成就业意向", "就业意向|意向人数", QF_COL_INT, 0, 0, 0 },
	{ "outcomes.contracts", "签约项目", "签约数", QF_COL_INT, 0, 0, 0 },
	{ "outcomes.booklets", "发放政策汇编", "发放资料", QF_COL_INT, 0, 0, 0 },
	T("note", "活动情况", "备注"),
};

static const struct qf_column log_cols[] = {
	R("demand", "诉求编号", "", QF_DEMAND, 1),
	DR("date", "日期", ""),
	E("action", "操作", "", QF_V_ACTION, 1),
	T("by", "经办人", ""),
	T("note", "说明", ""),
	D("due", "办理时限", ""),
	T("dept", "责任单位", ""),
	L("codepts", "协办单位", ""),
	T("owner", "责任人", ""),
	E("satisfaction", "满意度", "", QF_V_SATISFACTION, 0),
};

#define N(a) (sizeof a / sizeof a[0])

const struct qf_column *qf_columns(enum qf_type t, size_t *n)
{
	switch (t) {
	case QF_FIRM: *n = N(firm_cols); return firm_cols;
	case QF_POLICY: *n = N(policy_cols); return policy_cols;
	case QF_VISIT: *n = N(visit_cols); return visit_cols;
	case QF_DEMAND: *n = N(demand_cols); return demand_cols;
	case QF_APPLICATION: *n = N(application_cols); return application_cols;
	case QF_EVENT: *n = N(event_cols); return event_cols;
	default: *n = 0; return NULL;
	}
}

const struct qf_column *qf_columns_log(size_t *n)
{
	*n = N(log_cols);
	return log_cols;
}

/* Header text as compared: no spaces (ASCII or U+3000), no BOM, full-width
 * parentheses as ASCII ones, ASCII lower case.  Into out of size n. */
static void normalise(const char *s, char *out, size_t n)
{
	size_t o = 0;

	while (*s && o + 4 < n) {
		const unsigned char *u = (const unsigned char *)s;
		if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') {
			s++;
		} else if (u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
			s += 3;  /* BOM */
		} else if (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80) {
			s += 3;  /* ideographic space */
		} else if (u[0] == 0xEF && u[1] == 0xBC &&
			   (u[2] == 0x88 || u[2] == 0x89)) {
			out[o++] = u[2] == 0x88 ? '(' : ')';
			s += 3;
		} else {
			out[o++] = (*s >= 'A' && *s <= 'Z') ? (char)(*s - 'A' + 'a') : *s;
			s++;
		}
	}
	out[o] = '\0';
}

static int names(const struct qf_column *c, const char *h)
{
	char buf[256];
	const char *a = c->aliases, *bar;

	normalise(c->field, buf, sizeof buf);
	if (!strcmp(buf, h))
		return 1;
	normalise(c->zh, buf, sizeof buf);
	if (!strcmp(buf, h))
		return 1;
	while (*a) {
		size_t len;
		bar = strchr(a, '|');
		len = bar ? (size_t)(bar - a) : strlen(a);
		if (len < sizeof buf) {
			char one[256];
			memcpy(one, a, len);
			one[len] = '\0';
			normalise(one, buf, sizeof buf);
			if (!strcmp(buf, h))
				return 1;
		}
		if (!bar)
			break;
		a = bar + 1;
	}
	return 0;
}

const struct qf_column *qf_column_find(const struct qf_column *cols, size_t n,
				       const char *header)
{
	char h[256];
	size_t i;

	normalise(header, h, sizeof h);
	if (!*h)
		return NULL;
	for (i = 0; i < n; i++)
		if (names(&cols[i], h))
			return &cols[i];
	return NULL;
}

const struct qf_node *qf_column_node(const struct qf_column *c,
				     const struct qf_node *rec)
{
	const char *dot = strchr(c->field, '.');
	const struct qf_node *m;
	char key[64];
	size_t len;

	if (!rec || rec->kind != QF_NODE_MAP)
		return NULL;
	if (!dot)
		return qf_node_get(rec, c->field);
	len = (size_t)(dot - c->field);
	if (len >= sizeof key)
		return NULL;
	memcpy(key, c->field, len);
	key[len] = '\0';
	m = qf_node_get(rec, key);
	if (!m || m->kind != QF_NODE_MAP)
		return NULL;
	return qf_node_get(m, dot + 1);
}

int qf_column_text(const struct qf_column *c, const struct qf_node *rec,
		   int zh, struct qf_buf *out)
{
	const struct qf_node *v = qf_column_node(c, rec);
	size_t i;

	if (!v)
		return 0;
	if (v->kind == QF_NODE_SCALAR) {
		const char *s = v->str;
		if (v->stype == QF_STYPE_NULL)
			return 0;  /* "~" or "null": no value */
		if (zh && c->kind == QF_COL_ENUM)
			s = qf_vocab_name(c->vocab, s, "zh");
		return qf_buf_puts(out, s);
	}
	if (v->kind != QF_NODE_SEQ)
		return 0;
	for (i = 0; i < v->n; i++) {
		const struct qf_node *it = v->items[i];
		if (it->kind != QF_NODE_SCALAR)
			continue;
		if ((i && qf_buf_putc(out, ',')) ||
		    qf_buf_puts(out, it->str))
			return -1;
	}
	return 0;
}

/* What offices' ledgers write for a status, beside its own names. */
static const struct {
	enum qf_vocab v;
	const char *text, *token;
} synonyms[] = {
	{ QF_V_STATUS, "已办结", "resolved" },
	{ QF_V_STATUS, "办结", "resolved" },
	{ QF_V_STATUS, "已完成", "resolved" },
	{ QF_V_STATUS, "已解决", "resolved" },
	{ QF_V_STATUS, "办理中", "assigned" },
	{ QF_V_STATUS, "正在办理", "assigned" },
	{ QF_V_STATUS, "在办", "assigned" },
	{ QF_V_STATUS, "未办结", "assigned" },
	{ QF_V_STATUS, "已交办", "assigned" },
	{ QF_V_STATUS, "待办理", "open" },
	{ QF_V_STATUS, "未交办", "open" },
	{ QF_V_STATUS, "未办理", "open" },
	{ QF_V_STATUS, "不能解决", "declined" },
	{ QF_V_LEVEL, "本级解决", "local" },
	{ QF_V_LEVEL, "上级解决", "higher" },
	{ QF_V_LEVEL, "需上级解决", "higher" },
};

static const char *synonym(enum qf_vocab v, const char *text)
{
	for (size_t i = 0; i < sizeof synonyms / sizeof synonyms[0]; i++)
		if (synonyms[i].v == v && !strcmp(synonyms[i].text, text))
			return synonyms[i].token;
	return NULL;
}

/* Split at , ， 、 ; ； with items trimmed of spaces. */
static int split_list(struct qf_node *seq, const char *text)
{
	const char *p = text;

	while (*p) {
		const char *start, *end;
		size_t seplen = 0;
		struct qf_node *item;

		while (*p == ' ' || *p == '\t')
			p++;
		start = p;
		while (*p) {
			const unsigned char *u = (const unsigned char *)p;
			if (*p == ',' || *p == ';') { seplen = 1; break; }
			if (u[0] == 0xEF && u[1] == 0xBC &&
			    (u[2] == 0x8C || u[2] == 0x9B)) { seplen = 3; break; }
			if (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x81) { seplen = 3; break; }
			p++;
		}
		end = p;
		while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		if (end > start) {
			if (!(item = qf_node_new_scalar_len(start, (size_t)(end - start),
							    QF_STYPE_STR)))
				return -1;
			if (qf_node_seq_append(seq, item)) {
				qf_node_free(item);
				return -1;
			}
		}
		p += seplen;
	}
	return 0;
}

int qf_column_set(const struct qf_column *c, struct qf_node *rec,
		  const char *text)
{
	const char *dot = strchr(c->field, '.'), *key = c->field;
	struct qf_node *map = rec, *v;
	char head[64];

	if (!text || !*text)
		return 0;
	if (dot) {
		size_t len = (size_t)(dot - c->field);
		if (len >= sizeof head)
			return -1;
		memcpy(head, c->field, len);
		head[len] = '\0';
		if (!(map = qf_node_get(rec, head))) {
			if (!(map = qf_node_new_map()))
				return -1;
			if (qf_node_map_set(rec, head, map)) {
				qf_node_free(map);
				return -1;
			}
		}
		key = dot + 1;
	}
	switch (c->kind) {
	case QF_COL_LIST:
		if (!(v = qf_node_new_seq()))
			return -1;
		if (split_list(v, text)) {
			qf_node_free(v);
			return -1;
		}
		if (!v->n) {
			qf_node_free(v);
			return 0;
		}
		break;
	case QF_COL_ENUM: {
		const char *tok = qf_vocab_token(c->vocab, text);
		if (!tok)
			tok = synonym(c->vocab, text);
		if (!tok)
			return 1;
		v = qf_node_new_scalar(tok);
		break;
	}
	case QF_COL_INT:
		v = qf_node_new_scalar_len(text, strlen(text), QF_STYPE_INT);
		break;
	default:
		v = qf_node_new_scalar(text);
		break;
	}
	if (!v)
		return -1;
	if (qf_node_map_set(map, key, v)) {
		qf_node_free(v);
		return -1;
	}
	return 0;
}
