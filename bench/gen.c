/* gen.c - qf-bench-gen: write a large, realistic qifu store for benchmarks.
 *
 *   qf-bench-gen [-s SEED] [-r RECFILE] N DIR
 *
 * DIR (which must not exist, or be empty) becomes a store as qf init makes
 * it (qf.yaml, .gitignore, firms/ policies/ visits/ demands/), holding
 * max(500, N/10) firms, 20 policies and N demands over the 24 months
 * 2023-01 .. 2024-12, each raised in a visit of its own.  Every demand
 * lives a life the workflow allows (collected, assigned, noted, extended,
 * urged, returned, escalated, closed, followed up, reopened), cut short at
 * the benchmark's today, 2024-12-15, so that no date is in the future but
 * deadlines.  The output depends on N and SEED only: the same arguments
 * give the same bytes.  With -r the demands are also written to RECFILE as
 * GNU recutils records, for recsel(1) to be timed on the same data.
 *
 * Exit status: 0 written, 64 bad usage, 73 DIR cannot be created or is not
 * empty, 74 a write failed.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* getopt, strdup, mkdir: built alone too */
#endif
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define EX_USAGE 64
#define EX_CANTCREAT 73
#define EX_IOERR 74

#define SITE "HY"
#define NMONTHS 24              /* 2023-01 .. 2024-12 */
#define MAXSEQ 999999UL         /* lib/id.c: sequences 0001 .. 999999 */
#define FILE_MAX (64UL << 20)   /* qf-format(5): files larger are refused */

#define N_(a) (sizeof(a) / sizeof((a)[0]))

static const char *prog = "qf-bench-gen";

/* ---- errors ------------------------------------------------------- */

static void die(int code, const char *fmt, ...)
	__attribute__((format(printf, 2, 3), noreturn));

static void die(int code, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(code);
}

/* ---- the generator: splitmix64, seeded per record -------------------- */

struct rng {
	uint64_t s;
};

static uint64_t next(struct rng *r)
{
	uint64_t z = (r->s += UINT64_C(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

/* A stream of its own for record idx of a kind, so that any record can be
 * made again alone (a visit's firm, a demand for the .rec file). */
static struct rng stream(uint64_t seed, unsigned kind, uint64_t idx)
{
	struct rng r = { seed ^ ((uint64_t)kind << 56) ^
			 (idx * UINT64_C(0xD6E8FEB86659FD93)) };

	next(&r);
	return r;
}

/* 0 .. n-1 (the bias for n far below 2^64 is of no matter here). */
static unsigned pick(struct rng *r, unsigned n)
{
	return (unsigned)(next(r) % n);
}

static int chance(struct rng *r, unsigned pct)
{
	return pick(r, 100) < pct;
}

#define ONE(r, a) ((a)[pick((r), (unsigned)N_(a))])

/* ---- days ----------------------------------------------------------- */

/* Days since 1970-01-01 of a civil date, and back (H. Hinnant's). */
static long days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static const char *day_str(long day, char buf[11])
{
	int y, m, d;

	civil_from_days(day, &y, &m, &d);
	buf[0] = (char)('0' + y / 1000 % 10);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10);
	buf[9] = (char)('0' + d % 10);
	buf[10] = '\0';
	return buf;
}

static long today;              /* 2024-12-15, as QF_TODAY in bench/run */

static int month_year(int m) { return 2023 + m / 12; }
static int month_mon(int m) { return m % 12 + 1; }

/* ---- vocabulary ----------------------------------------------------- */

static const char *const departments[] = {
	"经济发展局", "金融办", "自然资源局", "住建局", "人社局",
	"行政审批局", "科技局", "商务局", "交通运输局", "生态环境局",
	"市场监管局", "税务局", "供电公司", "城管执法局", "发改局",
	"教育局", "公安分局", "水务局",
};
enum {
	D_ECON, D_FIN, D_LAND, D_BUILD, D_HR, D_APPROVE, D_SCI, D_TRADE,
	D_TRANS, D_ENV, D_MARKET, D_TAX, D_POWER, D_CITY, D_DEV, D_EDU,
	D_POLICE, D_WATER
};

static const char *const parks[] = {
	"高新区", "白沙洲工业园区", "松木经开区", "综保区", "衡东经开区",
	"耒阳经开区", "智能衡器计量产业园", "衡山科学城",
};

static const char *const places[] = {
	"衡阳", "湖南", "衡东", "耒阳", "常宁", "衡南", "祁东", "衡山",
};
static const char *const brand[] = {
	"华", "长", "宏", "鑫", "瑞", "金", "恒", "泰", "达", "丰", "盛", "源",
	"兴", "博", "创", "汇", "德", "新", "隆", "远", "嘉", "信", "佳", "航",
	"天", "宇", "力", "捷", "特", "凯", "润", "科", "辰", "星", "海", "峰",
	"明", "通", "鸿", "昌", "展", "乐", "康", "和", "正", "联", "安", "东",
};
static const struct {
	const char *word, *sector;
} trades[] = {
	{ "电子科技", "电子信息" }, { "新材料科技", "新材料" },
	{ "精密机械", "机械制造" }, { "汽车零部件", "汽车零部件" },
	{ "电力设备", "输配电设备" }, { "食品", "食品加工" },
	{ "医药", "医药制造" }, { "化工", "精细化工" },
	{ "纺织", "纺织服装" }, { "智能装备", "智能装备" },
	{ "光电科技", "光电信息" }, { "包装材料", "包装印刷" },
	{ "供应链管理", "现代物流" }, { "环保科技", "节能环保" },
	{ "建材", "建筑材料" }, { "生物科技", "生物医药" },
	{ "信息技术", "软件和信息服务" }, { "有色金属", "有色金属加工" },
	{ "农业开发", "农产品加工" }, { "通信技术", "通信设备" },
};
static const char *const forms[] = {
	"有限公司", "股份有限公司", "有限责任公司",
};

static const char *const surnames[] = {
	"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙",
	"朱", "马", "胡", "郭", "何", "罗", "高", "林", "谢", "唐", "彭", "邓",
	"曾", "肖", "谭", "邹", "蒋", "欧阳",
};
static const char *const given[] = {
	"静", "洋", "军", "伟", "佳", "慧", "凡", "丽", "娟", "帆", "琳", "涛",
	"浩然", "晓东", "志强", "海燕", "建国", "文斌", "秀英", "晨曦", "雨婷",
	"国庆", "丹", "磊", "鹏飞", "思远", "桂芳", "红梅", "卫东", "永刚",
};
static const char *const leader_titles[] = {
	"主任", "副主任", "书记", "局长", "副局长", "副区长",
};
static const char *const contact_titles[] = {
	"总经理", "副总经理", "董事长", "财务总监", "人力资源经理",
	"行政主管", "综合部部长", "项目经理",
};
/* Staff of the office who assign and urge: names liaisons never have. */
static const char *const staff[] = { "李晓敏", "王芳菲", "周婷玉", "陈志刚" };

static const char *const tag_names[] = {
	"规上", "重点", "高新技术", "专精特新", "小巨人", "上市", "外资", "国企",
};
static const unsigned tag_pct[] = { 55, 20, 30, 10, 2, 3, 5, 5 };

static const char *const firm_notes[] = {
	"帮扶专班企业。",
	"“三年原地倍增计划”企业。",
	"联点单位；企业负责人重视政企沟通。",
	"新纳入服务名录，首次走访前需核实联系人。",
	"总部在长沙，衡阳为生产基地。",
	"正在实施生产线数字化改造。",
	"出口业务占比较高，关注汇率和通关。",
	"厂区紧邻铁路，物流条件较好。",
};

static const char *const region[] = {
	"430406", "430407", "430408", "430421", "430424", "430481", "430482",
};

/* Categories (schemas/demand.yaml), how often they come, their usual
 * unit, and what a firm asks: problems, suggestions ('#' is a number). */
static const struct category {
	const char *token;
	unsigned weight;
	int dept, dept2;
	const char *problem[5], *suggestion[2], *result;
} cats[] = {
	{ "financing", 12, D_FIN, D_ECON,
	  { "流动资金紧张，申请银行贷款#万元", "技改项目融资需求约#万元",
	    "应收账款回款周期长，资金周转困难", "申请知识产权质押融资#万元",
	    "担保费用偏高，融资成本上升" },
	  { "建议设立园区中小企业转贷应急资金", "建议定期组织银企对接会" },
	  "对接合作银行完成授信审批，贷款资金已到位" },
	{ "land", 10, D_LAND, D_BUILD,
	  { "扩建项目需新增用地约#亩", "项目用地不动产权证办理",
	    "配套厂房用地规划调整审批", "标准厂房租赁到期需续租",
	    "地块征拆进度滞后影响开工" },
	  { "建议盘活园区闲置低效用地", "建议配建标准化厂房" },
	  "完成用地规划调整和供地手续，不动产权证已核发" },
	{ "labour", 14, D_HR, D_EDU,
	  { "新增生产线缺普工约#人", "技术工人招聘难，缺口约#人",
	    "员工子女入学需协调#个学位", "旺季用工缺口约#人",
	    "技术工人职业技能等级认定" },
	  { "建议与职业院校开展订单式培养", "建议建设园区人才公寓" },
	  "举办专场招聘会并联合职校定向输送，新增到岗人员满足生产需要" },
	{ "permits", 12, D_APPROVE, D_BUILD,
	  { "新建厂房施工许可办理", "新租厂房消防验收", "扩建项目环评批复办理",
	    "排污许可证变更登记", "夜间施工许可办理" },
	  { "建议推行“先建后验”审批模式", "建议设立项目帮代办专员" },
	  "开通绿色通道并联审批，相关许可已办结" },
	{ "infrastructure", 10, D_BUILD, D_TRANS,
	  { "厂区周边道路破损需修复", "雨污管网未接通", "厂区门前缺少停车位约#个",
	    "园区路灯不亮，夜间通行不便", "厂区供水压力不足" },
	  { "建议加密园区通勤公交班次", "建议在厂区附近增设公交站点" },
	  "完成道路管网修复和配套设施建设，企业生产生活条件改善" },
	{ "logistics", 6, D_TRANS, D_TRADE,
	  { "原材料运输车辆通行受限", "进出口货物通关时间长",
	    "冷链仓储能力不足", "货车夜间进城通行证办理",
	    "铁路专用线使用协调" },
	  { "建议开通园区至港口的铁海联运班列", "建议建设园区公共仓储中心" },
	  "协调开通货车通行证和通关便利措施，物流时间明显缩短" },
	{ "policy", 10, D_ECON, D_SCI,
	  { "研发费用加计扣除政策申报辅导", "专精特新奖补资金未拨付",
	    "稳岗返还申领", "高新技术企业认定辅导", "技改补贴申报材料审核" },
	  { "建议简化惠企政策兑现流程", "建议编印政策清单送政策上门" },
	  "开展一对一政策辅导，奖补资金已拨付到企业账户" },
	{ "market", 8, D_TRADE, D_ECON,
	  { "产品进入本地采购目录困难", "参加境外展会费用补贴申请",
	    "本地配套企业对接需求", "订单下滑需拓展销售渠道",
	    "出口退税办理进度慢" },
	  { "建议组织产业链供需对接活动", "建议搭建本地企业供需平台" },
	  "组织供需对接活动，企业与本地配套企业签订合作协议" },
	{ "energy", 6, D_POWER, D_DEV,
	  { "生产用电负荷不足，申请扩容#千伏安", "工业天然气价格偏高",
	    "频繁停电影响生产", "新建产线用电报装", "蒸汽供应不稳定" },
	  { "建议推广厂房屋顶分布式光伏", "建议实施错峰用电价格优惠" },
	  "完成供电扩容和专线接入，生产用能得到保障" },
	{ "technology", 5, D_SCI, D_ECON,
	  { "研发平台建设资金不足", "科技成果转化对接需求", "检测设备共享需求",
	    "专利申请和维权指导", "数字化改造方案论证" },
	  { "建议建设检验检测公共服务平台", "建议与高校共建联合实验室" },
	  "对接高校和科研院所，联合研发项目已立项" },
	{ "environment", 3, D_ENV, D_WATER,
	  { "危废处置渠道不畅", "废水排放标准调整需改造", "扬尘治理整改要求",
	    "环保督察整改指导", "固废转运费用偏高" },
	  { "建议建设园区集中污水处理设施", "建议开展环保管家服务" },
	  "指导企业完成整改，危废处置渠道已落实" },
	{ "services", 3, D_CITY, D_POLICE,
	  { "员工就医不便", "厂区周边治安需加强", "员工食堂用餐需求",
	    "厂区周边占道经营影响通行", "员工户籍迁移办理" },
	  { "建议在园区设立政务服务驿站", "建议在园区设立便民医疗点" },
	  "协调相关部门落实服务措施，企业员工反映良好" },
	{ "other", 1, D_ECON, D_MARKET,
	  { "企业名称变更需协调", "历史遗留问题需协调", "股权变更登记指导",
	    "企业搬迁过渡安排", "商标被仿冒需维权" },
	  { "建议定期召开政企座谈会", "建议建立企业诉求直通车机制" },
	  "召开专题协调会，问题已按程序妥善处理" },
};

static const char *const clauses[] = {
	"已会同相关部门现场踏勘", "企业已补充提交申报材料", "召开专题协调会研究",
	"联点领导到企业现场督导", "正在履行审批程序", "已形成初步解决方案",
	"与企业负责人电话沟通进展", "待上级部门批复", "完成第一轮意见征求",
	"组织专家论证", "已列入本周碰头会重点事项", "责任单位已明确专人跟进",
	"企业对方案表示认可", "涉及多个部门，正在会签", "资金来源已初步落实",
	"施工单位已进场", "已向企业反馈办理进度", "需企业进一步完善手续",
	"现场办公解决部分问题", "已报区政府常务会研究", "正在开展可行性研究",
	"已完成公示", "协调金融机构上门对接", "人社部门已发布招聘信息",
	"已纳入年度重点项目清单", "企业生产经营正常", "对接会已确定时间",
	"部分事项已先行办结", "剩余事项按计划推进", "已督促施工单位加快进度",
};
static const char *const extend_reasons[] = {
	"需履行规划调整公示程序", "涉及上级审批，时间较长",
	"需多方协商，办理周期延长", "施工受雨季影响", "需完成政府采购程序",
	"资金申请需走预算调整程序", "等待企业补齐材料", "涉及征拆，需做群众工作",
};
static const char *const return_reasons[] = {
	"不属于本单位职责范围，建议另行交办", "诉求涉及多个部门，建议明确主办单位",
	"企业诉求内容不清，需先核实", "属上级事权，建议按程序上报",
	"已由其他单位办理，避免重复交办",
};
static const char *const escalate_reasons[] = {
	"涉及省级审批权限，报请上级部门协调", "本级无法解决，已上报市领导小组",
	"需国家部委政策支持，已逐级上报", "涉及跨区域协调，报请上级统筹",
};
static const char *const decline_reasons[] = {
	"拟选地块位于生态保护红线内，不符合国土空间规划，无法供地",
	"本年度财政无配套资金安排，已向企业解释说明",
	"诉求不符合现行政策规定，已做好解释工作",
	"涉及市场主体自主经营事项，政府不宜干预",
	"现阶段不具备实施条件，纳入下一步工作计划研究",
	"企业已自行解决，无需继续办理",
};
static const char *const onspot[] = {
	"现场答复政策口径，企业表示清楚", "现场协调解决，企业当场确认",
	"联点领导现场办公当场解决",
};
static const char *const followup_notes[] = {
	"企业对办理结果表示满意", "特别感谢为企业精准解难",
	"希望后续继续关注", "办理及时，效果明显", "企业认为仍有改进空间",
};
static const char *const visit_notes[] = {
	"了解企业生产经营情况", "深入车间查看生产线运行", "召开企业座谈会听取意见",
	"送政策上门并现场解读", "企业反映订单饱满，用工紧张",
	"企业计划扩大产能，关注用地和融资", "回访前期诉求办理情况",
	"企业开门见山讲困难、提诉求", "现场调度相关部门负责人",
	"了解企业数字化改造进展", "企业负责人介绍年度发展目标",
	"查看厂区周边道路和配套设施", "企业关注出口和汇率变化",
	"帮扶专班逐一走访重点企业", "听取企业对营商环境的意见建议",
};
static const char *const visit_kinds[] = {
	"visit", "visit", "visit", "visit", "visit", "visit",
	"survey", "survey", "onsite", "meeting",
};

static const struct {
	const char *title, *issuer, *issued, *expires, *summary, *tags;
} policies[] = {
	{ "惠企政策清单（2023年版）", "基准园区管委会", "2022-12-20", "2023-12-31",
	  "汇编省、市、区现行惠企政策，送政策上门。", "[清单]" },
	{ "稳岗返还政策", "人社局", "2023-01-05", "2023-12-31",
	  "对不裁员或少裁员的参保企业返还部分失业保险费。", "[资金, 用工]" },
	{ "研发费用加计扣除政策指引", "税务局", "2023-01-10", "",
	  "企业研发费用按100%在税前加计扣除。", "[税收, 研发]" },
	{ "专精特新中小企业奖补办法", "经济发展局", "2023-02-01", "2025-12-31",
	  "对新认定的省级、国家级专精特新企业给予奖励。", "[资金, 专精特新]" },
	{ "技术改造专项资金管理办法", "经济发展局", "2023-02-15", "2025-12-31",
	  "对设备投资达到规定额度的技改项目给予补助。", "[资金, 技改]" },
	{ "中小企业融资担保费补贴", "金融办", "2023-03-01", "2024-12-31",
	  "对政府性融资担保机构担保的贷款给予担保费补贴。", "[融资]" },
	{ "工业用地弹性出让实施意见", "自然资源局", "2023-03-20", "",
	  "工业用地可采取长期租赁、先租后让、弹性年期出让。", "[用地]" },
	{ "高层次人才引进实施细则", "人社局", "2023-04-10", "2026-04-10",
	  "对引进的高层次人才给予安家补贴和人才公寓。", "[人才]" },
	{ "工程建设项目审批制度改革方案", "行政审批局", "2023-05-01", "",
	  "推行“先建后验”、并联审批和帮代办服务。", "[审批]" },
	{ "外贸企业出口信用保险扶持办法", "商务局", "2023-06-01", "2024-12-31",
	  "对中小外贸企业投保出口信用保险给予保费扶持。", "[外贸]" },
	{ "科技型中小企业创新券管理办法", "科技局", "2023-07-01", "2025-06-30",
	  "企业购买检验检测和技术服务可使用创新券抵扣。", "[科技, 资金]" },
	{ "惠企政策清单（2024年版）", "基准园区管委会", "2024-01-08", "2024-12-31",
	  "汇编2024年省、市、区现行惠企政策。", "[清单]" },
	{ "大规模设备更新和消费品以旧换新实施方案", "发改局", "2024-03-15", "2025-12-31",
	  "支持企业实施设备更新和数字化改造。", "[设备更新, 资金]" },
	{ "制造业数字化转型行动计划", "经济发展局", "2024-04-01", "2026-12-31",
	  "对智能工厂、数字化车间给予奖励。", "[数字化]" },
	{ "小微企业普惠性税收减免政策", "税务局", "2024-01-01", "2027-12-31",
	  "小型微利企业减按25%计入应纳税所得额。", "[税收]" },
	{ "稳就业促发展若干措施", "人社局", "2024-02-20", "2024-12-31",
	  "一次性扩岗补助和吸纳就业补贴。", "[用工, 资金]" },
	{ "绿色制造体系建设奖励办法", "生态环境局", "2024-05-10", "2026-05-10",
	  "对绿色工厂、绿色园区给予奖励。", "[绿色]" },
	{ "首台（套）重大技术装备保险补偿", "经济发展局", "2024-06-01", "2025-12-31",
	  "对首台套装备投保给予保费补贴。", "[装备, 资金]" },
	{ "物流降本增效若干措施", "交通运输局", "2024-07-15", "2025-12-31",
	  "对开通铁海联运班列的企业给予运费补贴。", "[物流]" },
	{ "企业上市挂牌奖励办法", "金融办", "2024-09-01", "2027-08-31",
	  "对完成股改、挂牌、上市的企业分阶段奖励。", "[上市, 资金]" },
};

/* ---- output files --------------------------------------------------- */

struct out {
	FILE *f;
	char *path;
	char *buf;
	int record_file;        /* qf reads it: mind its size limit */
};

static void out_open(struct out *o, const char *path)
{
	if (!(o->path = strdup(path)))
		die(EX_IOERR, "out of memory");
	if (!(o->f = fopen(path, "w")))
		die(EX_CANTCREAT, "%s: %s", path, strerror(errno));
	/* Big blocks: a million small fprintf calls become few writes. */
	if ((o->buf = malloc(1 << 20)))
		setvbuf(o->f, o->buf, _IOFBF, 1 << 20);
	o->record_file = 1;
}

static void out_close(struct out *o)
{
	long size = ftell(o->f);

	if (ferror(o->f) | fclose(o->f))
		die(EX_IOERR, "%s: %s", o->path, strerror(errno));
	if (o->record_file && size >= 0 && (unsigned long)size > FILE_MAX)
		fprintf(stderr, "%s: warning: %s is %ld bytes, more than qf reads "
			"(%lu): use fewer demands\n", prog, o->path, size,
			FILE_MAX);
	free(o->buf);
	free(o->path);
	o->f = NULL;
}

static void join_path(char *buf, size_t n, const char *dir, const char *name)
{
	if ((size_t)snprintf(buf, n, "%s/%s", dir, name) >= n)
		die(EX_USAGE, "%s: path too long", dir);
}

/* ---- firms ------------------------------------------------------------ */

static unsigned long nfirms;
static uint64_t seed = UINT64_C(20241215);

enum { K_FIRM = 1, K_DEMAND, K_NAME };

static const char *leader_of(unsigned long f, char buf[32])
{
	struct rng r = stream(seed, K_NAME, f * 2);
	const char *sur = ONE(&r, surnames);   /* one draw a statement: */
	const char *title = ONE(&r, leader_titles);   /* the order is C's */

	snprintf(buf, 32, "%s%s", sur, title);
	return buf;
}

static const char *liaison_of(unsigned long f, char buf[32])
{
	struct rng r = stream(seed, K_NAME, f * 2 + 1);
	const char *sur = ONE(&r, surnames);
	const char *name = ONE(&r, given);

	snprintf(buf, 32, "%s%s", sur, name);
	return buf;
}

/* Firm f (0-based) is F-HY-(f+1).  Its name is place, two different
 * brand characters, trade and form: f goes through the combinations in
 * a permuted order (an affine map, its factor prime to their number), so
 * no two firms share a name. */
#define NAMES ((uint64_t)N_(places) * N_(brand) * (N_(brand) - 1) * \
	       N_(trades) * N_(forms))

struct name_parts {
	size_t place, b1, b2, trade, form;
};

static struct name_parts firm_parts(unsigned long f)
{
	uint64_t j = ((uint64_t)f * 611953 + 12345) % NAMES;
	struct name_parts p;

	p.place = j % N_(places);
	j /= N_(places);
	p.b1 = j % N_(brand);
	j /= N_(brand);
	p.b2 = j % (N_(brand) - 1);
	j /= N_(brand) - 1;
	if (p.b2 >= p.b1)
		p.b2++;
	p.trade = j % N_(trades);
	p.form = j / N_(trades);
	return p;
}

static void firm_name(unsigned long f, char *buf, size_t n)
{
	struct name_parts p = firm_parts(f);
	size_t len = (size_t)snprintf(buf, n, "%s%s%s%s%s", places[p.place],
				      brand[p.b1], brand[p.b2],
				      trades[p.trade].word, forms[p.form]);

	if (f >= NAMES && len < n)      /* more firms than names */
		snprintf(buf + len, n - len, "第%lu分公司",
			 (unsigned long)(f / NAMES) + 1);
}

/* GB 32100-2015 credit code: 91 (an enterprise), the region, the firm's
 * organisation code (8 digits unique to it and their GB 11714 check
 * character), then the check character of all 17. */
static void credit_code(unsigned long f, struct rng *r, char out[19])
{
	static const char set[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	static const int w[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25,
				   13, 8, 24, 10, 30, 28 };
	static const int w9[8] = { 3, 7, 9, 10, 5, 8, 4, 2 };
	/* An affine map of f mod 10^8, its factor prime to 10: a bijection. */
	uint64_t v = ((uint64_t)f * 48271 + 31415926) % 100000000;
	int sum = 0, c;

	out[0] = '9';
	out[1] = '1';
	memcpy(out + 2, ONE(r, region), 6);
	for (int i = 15; i >= 8; i--) {
		out[i] = (char)('0' + v % 10);
		v /= 10;
	}
	for (int i = 0; i < 8; i++)
		sum += (out[8 + i] - '0') * w9[i];
	c = 11 - sum % 11;
	out[16] = c == 10 ? 'X' : c == 11 ? '0' : (char)('0' + c);
	sum = 0;
	for (int i = 0; i < 17; i++)
		sum += (int)(strchr(set, out[i]) - set) * w[i];
	out[17] = set[(31 - sum % 31) % 31];
	out[18] = '\0';
}

static void write_firms(const char *dir)
{
	char path[4096], name[256], cc[19], lb[32], sb[11];
	struct out o;

	join_path(path, sizeof path, dir, "firms/" SITE ".yaml");
	out_open(&o, path);
	fputs("# 企业档案（一企一档）：每个文档一家企业。qf-bench-gen 生成的基准数据\n", o.f);
	for (unsigned long f = 0; f < nfirms; f++) {
		struct rng r = stream(seed, K_FIRM, f);
		int key = f < nfirms / 5, ntags = 0;

		firm_name(f, name, sizeof name);
		fprintf(o.f, "---\nid: F-" SITE "-%04lu\nname: %s\n", f + 1, name);
		if (chance(&r, 92)) {
			credit_code(f, &r, cc);
			fprintf(o.f, "credit_code: \"%s\"\n", cc);
		}
		fprintf(o.f, "park: %s\nsector: %s\n", ONE(&r, parks),
			trades[firm_parts(f).trade].sector);
		for (size_t t = 0; t < N_(tag_names); t++) {
			unsigned pct = tag_pct[t] + (key && t < 2 ? 40 : 0);
			if (chance(&r, pct > 100 ? 100 : pct))
				fprintf(o.f, "%s%s", ntags++ ? ", " : "tags: [",
					tag_names[t]);
		}
		if (ntags)
			fputs("]\n", o.f);
		fprintf(o.f, "leader: %s\n", leader_of(f, lb));
		fprintf(o.f, "liaison: %s\n", liaison_of(f, lb));
		if (chance(&r, 70)) {
			const char *sur = ONE(&r, surnames);
			const char *giv = ONE(&r, given);
			const char *title = ONE(&r, contact_titles);
			unsigned a = 3 + pick(&r, 7), b = pick(&r, 1000000000);

			fprintf(o.f, "contact:\n  name: %s%s\n  title: %s\n",
				sur, giv, title);
			if (a < 7)
				fprintf(o.f, "  phone: \"0734-8%06u\"\n",
					b % 1000000);
			else
				fprintf(o.f, "  phone: \"1%u%09u\"\n", a, b);
		}
		fprintf(o.f, "since: %s\n", chance(&r, 75) ? "2023-01-01" :
			day_str(days_from_civil(2019, 1, 1) +
				(long)pick(&r, 4 * 365), sb));
		if (chance(&r, 30))
			fprintf(o.f, "note: %s\n", ONE(&r, firm_notes));
	}
	out_close(&o);
}

static void write_policies(const char *dir)
{
	char path[4096];
	struct out o;

	join_path(path, sizeof path, dir, "policies/" SITE ".yaml");
	out_open(&o, path);
	fputs("# 政策清单\n", o.f);
	for (size_t i = 0; i < N_(policies); i++) {
		fprintf(o.f, "---\nid: P-" SITE "-%04zu\ntitle: %s\nissuer: %s\n"
			"issued: %s\n", i + 1, policies[i].title,
			policies[i].issuer, policies[i].issued);
		if (*policies[i].expires)
			fprintf(o.f, "expires: %s\n", policies[i].expires);
		fprintf(o.f, "summary: %s\ntags: %s\n", policies[i].summary,
			policies[i].tags);
	}
	out_close(&o);
}

static long issued[N_(policies)];

static void policy_days(void)
{
	for (size_t i = 0; i < N_(policies); i++) {
		int y, m, d;

		if (sscanf(policies[i].issued, "%d-%d-%d", &y, &m, &d) != 3)
			abort();
		issued[i] = days_from_civil(y, m, d);
	}
}

/* ---- demands: a life lived by the workflow's rules (lib/workflow.c) -- */

enum status { S_OPEN, S_ASSIGNED, S_RESOLVED, S_ADOPTED, S_DECLINED };
static const char *const status_names[] = {
	"open", "assigned", "resolved", "adopted", "declined"
};
static const char *const sat_names[] = { "", "satisfied", "basic", "dissatisfied" };

#define MAXLOG 24
#define TEXT 480

struct entry {
	long date;
	const char *action;
	char by[32], note[TEXT];
	long due;               /* 0: none */
	int dept;               /* -1: none */
	int codepts[2], ncodepts;
	char owner[32];
	int sat;
};

struct demand {
	char id[48], source[48], firm[32];
	unsigned long firmno;
	long opened;
	int problem, local, cat;
	char title[256], detail[TEXT];
	long amount;
	int dept, codepts[2], ncodepts;
	char owner[32];
	long due, original_due, closed;
	enum status status;
	char resolution[TEXT];
	int sat;
	struct entry log[MAXLOG];
	int nlog, stopped;
	char liaison[32], leader[32];
};

/* Text of 1..max clauses from the pool, "，"-joined, ending in "。". */
static void clauses_text(struct rng *r, char *buf, size_t n, unsigned max,
			 const char *first)
{
	size_t len = 0;
	unsigned k = 1 + pick(r, max), used[5];

	buf[0] = '\0';
	if (first) {
		len = (size_t)snprintf(buf, n, "%s", first);
		k--;
	}
	for (unsigned i = 0; i < k && i < N_(used) && len + 64 < n; i++) {
		unsigned c = pick(r, N_(clauses)), j = 0;

		while (j < i) {         /* each clause once in a text */
			if (used[j] == c) {
				c = (c + 1 + pick(r, N_(clauses) - 1)) % N_(clauses);
				j = 0;
			} else {
				j++;
			}
		}
		used[i] = c;
		len += (size_t)snprintf(buf + len, n - len, "%s%s",
					len ? "，" : "", clauses[c]);
	}
	if (len + 4 < n)
		snprintf(buf + len, n - len, "。");
}

/* A new log entry on date, or NULL when the life is over: the date is
 * past today (the store is as of today), or the log is full.  Dates never
 * go back (workflow: not before the last entry). */
static struct entry *step(struct demand *d, long date, const char *action,
			  const char *by)
{
	struct entry *e;

	if (d->stopped)
		return NULL;
	if (d->nlog && date < d->log[d->nlog - 1].date)
		date = d->log[d->nlog - 1].date;
	if (date > today || d->nlog == MAXLOG) {
		d->stopped = 1;
		return NULL;
	}
	e = &d->log[d->nlog++];
	memset(e, 0, sizeof *e);
	e->date = date;
	e->action = action;
	snprintf(e->by, sizeof e->by, "%s", by);
	e->dept = -1;
	return e;
}

static long last_date(const struct demand *d)
{
	return d->log[d->nlog - 1].date;
}

static void owner_of(int dept, struct rng *r, char buf[32])
{
	/* Two or three officers a unit; the same ones across the store. */
	struct rng o = stream(seed, K_NAME, 1000000007ULL + (uint64_t)dept * 4 +
			      pick(r, 3));

	snprintf(buf, 32, "%s科长", ONE(&o, surnames));
}

static const unsigned due_days[] = { 7, 10, 15, 15, 15, 15, 20, 30, 30, 45, 60 };

static int assign(struct demand *d, struct rng *r, long date, int dept)
{
	struct entry *e = step(d, date, "assign", ONE(r, staff));

	if (!e)
		return 0;
	d->dept = dept;
	owner_of(dept, r, d->owner);
	d->ncodepts = 0;
	if (chance(r, 30)) {
		int c = (int)pick(r, N_(departments));
		if (c != dept)
			d->codepts[d->ncodepts++] = c;
		c = (int)pick(r, N_(departments));
		if (chance(r, 30) && c != dept && (!d->ncodepts || c != d->codepts[0]))
			d->codepts[d->ncodepts++] = c;
	}
	d->due = e->date + (long)ONE(r, due_days);
	d->original_due = 0;
	d->status = S_ASSIGNED;
	e->dept = dept;
	e->ncodepts = d->ncodepts;
	memcpy(e->codepts, d->codepts, sizeof e->codepts);
	memcpy(e->owner, d->owner, sizeof e->owner);
	e->due = d->due;
	return 1;
}

static int note(struct demand *d, struct rng *r, long date, const char *by)
{
	struct entry *e = step(d, date, "note", by);

	if (!e)
		return 0;
	clauses_text(r, e->note, sizeof e->note, 5, NULL);
	return 1;
}

static int extend(struct demand *d, struct rng *r, long date, long due)
{
	struct entry *e;

	if (due <= d->due)
		due = d->due + 7;
	if (!(e = step(d, date, "extend", d->owner)))
		return 0;
	if (!d->original_due)
		d->original_due = d->due;
	d->due = due;
	e->due = due;
	snprintf(e->note, sizeof e->note, "%s", ONE(r, extend_reasons));
	return 1;
}

static int urge(struct demand *d, long date)
{
	struct entry *e;

	if (date <= d->due)
		date = d->due + 1;      /* only an overdue demand is urged */
	if (!(e = step(d, date, "urge", staff[0])))
		return 0;
	snprintf(e->note, sizeof e->note, "已超期，督请%s加快办理",
		 departments[d->dept]);
	return 1;
}

static int give_back(struct demand *d, struct rng *r, long date)
{
	struct entry *e = step(d, date, "return", d->owner);

	if (!e)
		return 0;
	snprintf(e->note, sizeof e->note, "%s", ONE(r, return_reasons));
	e->dept = d->dept;
	d->dept = -1;
	d->ncodepts = 0;
	d->owner[0] = '\0';
	d->due = d->original_due = 0;
	d->status = S_OPEN;
	return 1;
}

static int escalate(struct demand *d, struct rng *r, long date)
{
	struct entry *e = step(d, date, "escalate", d->owner[0] ? d->owner : staff[1]);

	if (!e)
		return 0;
	snprintf(e->note, sizeof e->note, "%s", ONE(r, escalate_reasons));
	d->local = 0;
	return 1;
}

static int resolve(struct demand *d, struct rng *r, long date, int decline,
		   const char *text)
{
	const char *by = d->owner[0] ? d->owner : d->leader;
	struct entry *e = step(d, date, decline ? "decline" :
			       d->problem ? "resolve" : "adopt", by);

	if (!e)
		return 0;
	if (text)
		snprintf(e->note, sizeof e->note, "%s", text);
	else if (decline)
		snprintf(e->note, sizeof e->note, "%s。", ONE(r, decline_reasons));
	else
		clauses_text(r, e->note, sizeof e->note, 3, cats[d->cat].result);
	d->status = decline ? S_DECLINED : d->problem ? S_RESOLVED : S_ADOPTED;
	d->closed = e->date;
	memcpy(d->resolution, e->note, sizeof d->resolution);
	return 1;
}

/* The follow-up call; a dissatisfied firm reopens the demand, with a new
 * deadline when it has a unit (workflow: do_reopen). */
static int follow_up(struct demand *d, struct rng *r, long date, int sat)
{
	struct entry *e = step(d, date, "follow-up", d->liaison);

	if (!e)
		return 0;
	e->sat = sat;
	if (chance(r, 40))
		snprintf(e->note, sizeof e->note, "%s", sat == 3 ?
			 "企业反映问题未彻底解决" : ONE(r, followup_notes));
	if (sat != 3) {
		d->sat = sat;
		return 1;
	}
	if (!(e = step(d, date, "reopen", d->liaison)))
		return 0;
	snprintf(e->note, sizeof e->note, "回访不满意，重办");
	d->closed = 0;
	d->resolution[0] = '\0';
	d->sat = 0;
	d->original_due = 0;
	if (d->dept >= 0) {
		d->status = S_ASSIGNED;
		d->due = date + 15;
		e->due = d->due;
	} else {
		d->status = S_OPEN;
	}
	return 1;
}

static int other_dept(struct rng *r, int dept)
{
	int c = (int)pick(r, N_(departments) - 1);

	return c >= dept ? c + 1 : c;
}

static int unit_for(struct rng *r, const struct category *c)
{
	unsigned x = pick(r, 10);

	return x < 7 ? c->dept : x < 9 ? c->dept2 : (int)pick(r, N_(departments));
}

static int some_notes(struct demand *d, struct rng *r, unsigned max, long span)
{
	unsigned k = pick(r, max + 1);

	for (unsigned i = 0; i < k; i++) {
		long on = last_date(d) + 1 + (long)pick(r, (unsigned)span);
		const char *by = chance(r, 80) ? d->owner : d->leader;

		if (!note(d, r, on, by))
			return 0;
	}
	return 1;
}

/* The close of a normal life: maybe extended, noted, urged when late;
 * resolved (or declined), most by the deadline as it then stands; maybe
 * followed up.  (One draw of r a statement, so that every compiler makes
 * the same store.) */
static void close_normally(struct demand *d, struct rng *r, int decline)
{
	long when, left;
	unsigned k;
	int sat;

	if (chance(r, 20)) {
		long at = d->due - (long)pick(r, 3);
		long to = d->due + 15 + (long)pick(r, 60);

		if (!extend(d, r, at, to))
			return;
	}
	left = d->due - last_date(d);
	if (chance(r, 80))
		when = last_date(d) + 1 + (long)pick(r, (unsigned)(left > 1 ? left : 1));
	else
		when = d->due + 1 + (long)pick(r, 40);
	k = pick(r, 4);
	for (unsigned i = 0; i < k; i++) {
		long gap = (when - last_date(d)) / 2;
		long on = last_date(d) + 1 + (long)pick(r, (unsigned)(gap > 1 ? gap : 1));
		const char *by = chance(r, 80) ? d->owner : d->leader;

		if (!note(d, r, on, by))
			return;
	}
	if (when < last_date(d))
		when = last_date(d);
	if (when > d->due + 1 && chance(r, 50) &&
	    !urge(d, d->due + 1 + (long)pick(r, (unsigned)(when - d->due - 1))))
		return;
	if (!resolve(d, r, when, decline, NULL) || !chance(r, 70))
		return;
	when = last_date(d) + 3 + (long)pick(r, 18);
	sat = decline ? (chance(r, 70) ? 2 : 1) : chance(r, 78) ? 1 : 2;
	follow_up(d, r, when, sat);
}

static void live(struct demand *d, struct rng *r)
{
	const struct category *c = &cats[d->cat];
	unsigned fate = pick(r, 1000);
	long t;

	if (!step(d, d->opened, "collect", d->liaison))
		return;
	if (fate < 25) {                /* settled on the spot, no unit */
		resolve(d, r, d->opened, 0, ONE(r, onspot));
		if (chance(r, 60))
			follow_up(d, r, d->opened + 3 + (long)pick(r, 10), 1);
		return;
	}
	if (fate < 100) {               /* collected, not assigned yet */
		if (chance(r, 50)) {
			long on = d->opened + 1 + (long)pick(r, 20);

			note(d, r, on, ONE(r, staff));
		}
		return;
	}
	t = d->opened + (long)pick(r, 4);
	if (!assign(d, r, t, unit_for(r, c)))
		return;
	if (fate < 150) {               /* sent back; reassigned or not yet */
		if (!give_back(d, r, last_date(d) + 2 + (long)pick(r, 6)))
			return;
		if (fate < 130)
			return;
		t = last_date(d) + 1 + (long)pick(r, 3);
		if (!assign(d, r, t, other_dept(r, d->log[d->nlog - 1].dept)))
			return;
		some_notes(d, r, 3, 10);
		return;
	}
	if (fate < 250) {               /* in progress */
		some_notes(d, r, 4, 10);
		return;
	}
	if (fate < 300) {               /* extended, often into 2025 */
		if (!some_notes(d, r, 2, 5))
			return;
		t = d->due - (long)pick(r, 3);
		extend(d, r, t, today - 20 + (long)pick(r, 170));
		if (chance(r, 40))
			some_notes(d, r, 2, 20);
		return;
	}
	if (fate < 340) {               /* overdue and urged */
		if (chance(r, 50) && !note(d, r, last_date(d) + 3, d->owner))
			return;
		if (!urge(d, d->due + 1 + (long)pick(r, 10)))
			return;
		if (chance(r, 50))
			urge(d, last_date(d) + 7 + (long)pick(r, 14));
		return;
	}
	if (fate < 360) {               /* escalated, still with the unit */
		if (d->local && !escalate(d, r, last_date(d) + 3 + (long)pick(r, 8)))
			return;
		some_notes(d, r, 2, 15);
		return;
	}
	if (fate < 390) {               /* closed, the firm dissatisfied */
		if (!some_notes(d, r, 2, 8) ||
		    !resolve(d, r, last_date(d) + 2 + (long)pick(r, 12), 0, NULL) ||
		    !follow_up(d, r, last_date(d) + 5 + (long)pick(r, 10), 3))
			return;
		if (fate < 370) {       /* ... and being worked on again */
			some_notes(d, r, 2, 7);
			return;
		}
		if (!some_notes(d, r, 2, 5))
			return;
		close_normally(d, r, 0);
		return;
	}
	close_normally(d, r, fate < 460);
}

static unsigned cat_total(void)
{
	unsigned w = 0;

	for (size_t i = 0; i < N_(cats); i++)
		w += cats[i].weight;
	return w;
}

/* '#' in the template becomes num. */
static void fill(char *buf, size_t n, const char *tmpl, unsigned num)
{
	const char *h = strchr(tmpl, '#');

	if (h)
		snprintf(buf, n, "%.*s%u%s", (int)(h - tmpl), tmpl, num, h + 1);
	else
		snprintf(buf, n, "%s", tmpl);
}

/* Demand seq (1-based) of month m, opened on day. */
static void make_demand(struct demand *d, int m, unsigned long seq,
			uint64_t idx, long day)
{
	struct rng r = stream(seed, K_DEMAND, idx);
	unsigned w = pick(&r, cat_total()), num;
	const struct category *c;
	const char *tmpl;

	memset(d, 0, sizeof *d);
	snprintf(d->id, sizeof d->id, "D-" SITE "-%04d%02d-%04lu",
		 month_year(m), month_mon(m), seq);
	snprintf(d->source, sizeof d->source, "V-" SITE "-%04d%02d-%04lu",
		 month_year(m), month_mon(m), seq);
	/* The key fifth of the register is visited more often. */
	d->firmno = chance(&r, 40) ? next(&r) % (nfirms / 5 ? nfirms / 5 : 1) :
				     next(&r) % nfirms;
	snprintf(d->firm, sizeof d->firm, "F-" SITE "-%04lu", d->firmno + 1);
	leader_of(d->firmno, d->leader);
	liaison_of(d->firmno, d->liaison);
	d->opened = day;
	for (d->cat = 0; w >= cats[d->cat].weight; d->cat++)
		w -= cats[d->cat].weight;
	c = &cats[d->cat];
	d->problem = chance(&r, 80);
	d->local = chance(&r, 85);
	tmpl = d->problem ? ONE(&r, c->problem) : ONE(&r, c->suggestion);
	num = strstr(tmpl, "万元") ? 50 + pick(&r, 1950) :
	      strstr(tmpl, "千伏安") ? 500 * (1 + pick(&r, 20)) :
	      10 + pick(&r, 290);
	fill(d->title, sizeof d->title, tmpl, num);
	if (strstr(tmpl, "#万元"))
		d->amount = (long)num * 10000;
	if (chance(&r, 55)) {
		char first[300];

		snprintf(first, sizeof first, "企业反映%s", d->title);
		clauses_text(&r, d->detail, sizeof d->detail, 3, first);
	}
	d->dept = -1;
	d->status = S_OPEN;
	live(d, &r);
}

static void put_depts(FILE *f, const char *key, const int *v, int n,
		      const char *indent)
{
	if (!n)
		return;
	fprintf(f, "%s%s: [", indent, key);
	for (int i = 0; i < n; i++)
		fprintf(f, "%s%s", i ? ", " : "", departments[v[i]]);
	fputs("]\n", f);
}

/* As the commands write a demand: the field order of lib/workflow.c. */
static void put_demand(FILE *f, const struct demand *d)
{
	char b[11];

	fprintf(f, "---\nid: %s\nfirm: %s\nopened: %s\nsource: %s\n"
		"kind: %s\nlevel: %s\ncategory: %s\ntitle: %s\n", d->id,
		d->firm, day_str(d->opened, b), d->source,
		d->problem ? "problem" : "suggestion",
		d->local ? "local" : "higher", cats[d->cat].token, d->title);
	if (d->detail[0])
		fprintf(f, "detail: %s\n", d->detail);
	if (d->amount)
		fprintf(f, "amount: %ld\n", d->amount);
	if (d->dept >= 0)
		fprintf(f, "dept: %s\n", departments[d->dept]);
	put_depts(f, "codepts", d->codepts, d->ncodepts, "");
	if (d->owner[0])
		fprintf(f, "owner: %s\n", d->owner);
	if (d->due)
		fprintf(f, "due: %s\n", day_str(d->due, b));
	if (d->original_due)
		fprintf(f, "original_due: %s\n", day_str(d->original_due, b));
	fprintf(f, "status: %s\n", status_names[d->status]);
	if (d->closed)
		fprintf(f, "closed: %s\n", day_str(d->closed, b));
	if (d->resolution[0])
		fprintf(f, "resolution: %s\n", d->resolution);
	if (d->sat)
		fprintf(f, "satisfaction: %s\n", sat_names[d->sat]);
	fputs("log:\n", f);
	for (int i = 0; i < d->nlog; i++) {
		const struct entry *e = &d->log[i];

		fprintf(f, "- date: %s\n  action: %s\n  by: %s\n",
			day_str(e->date, b), e->action, e->by);
		if (e->note[0])
			fprintf(f, "  note: %s\n", e->note);
		if (e->dept >= 0)
			fprintf(f, "  dept: %s\n", departments[e->dept]);
		put_depts(f, "codepts", e->codepts, e->ncodepts, "  ");
		if (e->owner[0])
			fprintf(f, "  owner: %s\n", e->owner);
		if (e->due)
			fprintf(f, "  due: %s\n", day_str(e->due, b));
		if (e->sat)
			fprintf(f, "  satisfaction: %s\n", sat_names[e->sat]);
	}
}

/* The same demand as a GNU recutils record (recfmt): one field a line,
 * the log flattened to Log fields. */
static void put_rec(FILE *f, const struct demand *d)
{
	char b[11];

	fprintf(f, "\nId: %s\nFirm: %s\nOpened: %s\nSource: %s\nKind: %s\n"
		"Level: %s\nCategory: %s\nTitle: %s\n", d->id, d->firm,
		day_str(d->opened, b), d->source,
		d->problem ? "problem" : "suggestion",
		d->local ? "local" : "higher", cats[d->cat].token, d->title);
	if (d->detail[0])
		fprintf(f, "Detail: %s\n", d->detail);
	if (d->amount)
		fprintf(f, "Amount: %ld\n", d->amount);
	if (d->dept >= 0)
		fprintf(f, "Dept: %s\n", departments[d->dept]);
	for (int i = 0; i < d->ncodepts; i++)
		fprintf(f, "Codept: %s\n", departments[d->codepts[i]]);
	if (d->owner[0])
		fprintf(f, "Owner: %s\n", d->owner);
	if (d->due)
		fprintf(f, "Due: %s\n", day_str(d->due, b));
	if (d->original_due)
		fprintf(f, "Original_due: %s\n", day_str(d->original_due, b));
	fprintf(f, "Status: %s\n", status_names[d->status]);
	if (d->closed)
		fprintf(f, "Closed: %s\n", day_str(d->closed, b));
	if (d->resolution[0])
		fprintf(f, "Resolution: %s\n", d->resolution);
	if (d->sat)
		fprintf(f, "Satisfaction: %s\n", sat_names[d->sat]);
	for (int i = 0; i < d->nlog; i++) {
		const struct entry *e = &d->log[i];

		fprintf(f, "Log: %s %s %s", day_str(e->date, b), e->action, e->by);
		if (e->dept >= 0)
			fprintf(f, " %s", departments[e->dept]);
		if (e->due)
			fprintf(f, " %s", day_str(e->due, b));
		if (e->sat)
			fprintf(f, " %s", sat_names[e->sat]);
		if (e->note[0])
			fprintf(f, " %s", e->note);
		fputc('\n', f);
	}
}

/* The visit demand d was raised in. */
static void put_visit(FILE *f, const struct demand *d, uint64_t idx)
{
	struct rng r = stream(seed, K_DEMAND, idx ^ UINT64_C(0x5A5A5A5A5A5A5A5A));
	size_t pol[3], np = 0, avail = 0;
	char b[11];

	fprintf(f, "---\nid: %s\ndate: %s\nfirm: %s\nvisitors: [%s, %s",
		d->source, day_str(d->opened, b), d->firm, d->leader,
		d->liaison);
	if (chance(&r, 25)) {
		const char *s = ONE(&r, staff);
		if (strcmp(s, d->liaison))
			fprintf(f, ", %s", s);
	}
	fprintf(f, "]\nkind: %s\n", ONE(&r, visit_kinds));
	while (avail < N_(policies) && issued[avail] <= d->opened)
		avail++;
	for (unsigned k = avail ? pick(&r, 4) : 0; k > 0; k--) {
		size_t p = pick(&r, (unsigned)avail), j;
		for (j = 0; j < np && pol[j] != p; j++)
			;
		if (j == np)
			pol[np++] = p;
	}
	if (np) {
		fputs("policies: [", f);
		for (size_t j = 0; j < np; j++)
			fprintf(f, "%sP-" SITE "-%04zu", j ? ", " : "", pol[j] + 1);
		fputs("]\n", f);
	}
	fprintf(f, "demands: [%s]\n", d->id);
	if (chance(&r, 85)) {
		unsigned k = 1 + pick(&r, 3);
		fputs("note: ", f);
		for (unsigned i = 0; i < k; i++)
			fprintf(f, "%s%s", i ? "，" : "", ONE(&r, visit_notes));
		fputs("。\n", f);
	}
}

/* ---- the store -------------------------------------------------------- */

static void make_dir(const char *dir, const char *name)
{
	char path[4096];

	join_path(path, sizeof path, dir, name);
	if (mkdir(path, 0777) && errno != EEXIST)
		die(EX_CANTCREAT, "%s: %s", path, strerror(errno));
}

/* DIR: created, or an empty directory. */
static void prepare(const char *dir)
{
	DIR *dp;
	struct dirent *de;

	if (mkdir(dir, 0777) == 0)
		return;
	if (errno != EEXIST)
		die(EX_CANTCREAT, "%s: %s", dir, strerror(errno));
	if (!(dp = opendir(dir)))
		die(EX_CANTCREAT, "%s: %s", dir, strerror(errno));
	while ((de = readdir(dp)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			die(EX_CANTCREAT, "%s: not empty", dir);
	closedir(dp);
}

/* qf.yaml as qf init writes it (cmd/init.c), with the parks too. */
static void write_settings(const char *dir)
{
	char path[4096];
	struct out o;

	join_path(path, sizeof path, dir, "qf.yaml");
	out_open(&o, path);
	fputs("---\nsite: " SITE "\norganisation: 基准园区\ncampaign: 三送三解三优\n"
	      "campaign_start: 2023-01-01\nlang: zh\ndue_days: 15\nthreshold: 90\n"
	      "departments: [", o.f);
	for (size_t i = 0; i < N_(departments); i++)
		fprintf(o.f, "%s%s", i ? ", " : "", departments[i]);
	fputs("]\nparks: [", o.f);
	for (size_t i = 0; i < N_(parks); i++)
		fprintf(o.f, "%s%s", i ? ", " : "", parks[i]);
	fputs("]\n", o.f);
	out_close(&o);
	join_path(path, sizeof path, dir, ".gitignore");
	out_open(&o, path);
	fputs("qf.lock\nqf.journal\n", o.f);
	out_close(&o);
}

static void usage(int code)
{
	fprintf(code ? stderr : stdout,
		"Usage: %s [-s SEED] [-r RECFILE] N DIR\n"
		"Write a qifu store of N demands (one visit each, max(500, N/10)\n"
		"firms) into DIR, which must not exist or be empty.  The same N\n"
		"and SEED give the same bytes.\n\n"
		"  -r RECFILE  also write the demands as recutils records\n"
		"  -s SEED     seed of the generator (default 20241215)\n"
		"  -h          show this help and exit\n", prog);
	exit(code);
}

static unsigned long number(const char *s, const char *what, unsigned long max)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (!*s || *end || *s == '-' || errno || v > max)
		die(EX_USAGE, "%s: '%s' is not a number from 0 to %lu", what, s, max);
	return v;
}

int main(int argc, char **argv)
{
	const char *dir, *recpath = NULL;
	unsigned long n, count[NMONTHS], done = 0;
	unsigned weight[NMONTHS], wsum = 0;
	struct demand *d;
	struct out rec;
	uint64_t idx = 0;
	int opt;

	while ((opt = getopt(argc, argv, "hr:s:")) != -1) {
		switch (opt) {
		case 'h': usage(0); break;
		case 'r': recpath = optarg; break;
		case 's': seed = number(optarg, "-s", ULONG_MAX); break;
		default: usage(EX_USAGE);
		}
	}
	if (argc - optind != 2)
		usage(EX_USAGE);
	n = number(argv[optind], "N", NMONTHS * MAXSEQ);
	dir = argv[optind + 1];
	today = days_from_civil(2024, 12, 15);
	nfirms = n / 10 > 500 ? n / 10 : 500;
	if (nfirms > 999999)
		die(EX_USAGE, "N: too many firms for their IDs");

	/* Months a little uneven (90% .. 110%), every demand in one. */
	for (int m = 0; m < NMONTHS; m++)
		wsum += weight[m] = 90 + (unsigned)(m * 37 % 21);
	for (int m = 0; m < NMONTHS; m++)
		done += count[m] = (unsigned long)((uint64_t)n * weight[m] / wsum);
	for (int m = 0; done < n; m = (m + 1) % NMONTHS, done++)
		count[m]++;
	for (int m = 0; m < NMONTHS; m++)
		if (count[m] > MAXSEQ)
			die(EX_USAGE, "N: more demands in a month than IDs (%lu)",
			    MAXSEQ);
	policy_days();

	prepare(dir);
	make_dir(dir, "firms");
	make_dir(dir, "policies");
	make_dir(dir, "visits");
	make_dir(dir, "demands");
	write_settings(dir);
	write_firms(dir);
	write_policies(dir);
	if (recpath) {
		out_open(&rec, recpath);
		rec.record_file = 0;
		fputs("%rec: Demand\n", rec.f);
	}
	if (!(d = malloc(sizeof *d)))
		die(EX_IOERR, "out of memory");
	for (int m = 0; m < NMONTHS; m++) {
		long first = days_from_civil(month_year(m), month_mon(m), 1);
		long ndays = days_from_civil(month_year(m) + (m % 12 == 11),
					     m % 12 == 11 ? 1 : month_mon(m) + 1, 1) - first;
		char path[4096], name[64];
		struct out dem, vis;

		if (first + ndays > today)
			ndays = today - first + 1;
		if (!count[m])
			continue;
		snprintf(name, sizeof name, "demands/%04d-%02d.yaml",
			 month_year(m), month_mon(m));
		join_path(path, sizeof path, dir, name);
		out_open(&dem, path);
		fprintf(dem.f, "# 企业诉求 %04d-%02d（qf-bench-gen 生成的基准数据）\n",
			month_year(m), month_mon(m));
		snprintf(name, sizeof name, "visits/%04d-%02d.yaml",
			 month_year(m), month_mon(m));
		join_path(path, sizeof path, dir, name);
		out_open(&vis, path);
		fprintf(vis.f, "# 走访记录 %04d-%02d（qf-bench-gen 生成的基准数据）\n",
			month_year(m), month_mon(m));
		for (unsigned long k = 0; k < count[m]; k++, idx++) {
			long day = first + (long)((uint64_t)k * (uint64_t)ndays /
						  count[m]);

			make_demand(d, m, k + 1, idx, day);
			put_demand(dem.f, d);
			put_visit(vis.f, d, idx);
			if (recpath)
				put_rec(rec.f, d);
		}
		out_close(&dem);
		out_close(&vis);
	}
	if (recpath)
		out_close(&rec);
	free(d);
	return 0;
}
