#!/bin/sh
# qf monthly-report: the bulletin of the example store, in every format,
# always the same bytes.  The figures were computed independently from
# the records when the example store was written (see the closing note of
# issue 2): September 2023 cumulative 42/46 = 91.3%, October 46/50 = 92.0%.
. "${QF_SRC}/tests/cli/lib.sh"
D="$QF_SRC/data"

test_start "Markdown bulletin of September 2023, in Chinese (the store's language)"
if expect_code 0 qf monthly-report --data "$D" --month 2023-09 && expect_out <<'X'
# 衡阳市“三送三解三优”行动领导小组办公室企业服务月通报（2023年9月）

## 一、总体情况

| 指标 | 本月 | 累计（自 2023-04-01） | 较上月 |
|---|---:|---:|---:|
| 走访次数 | 10 | 50 | +4 |
| 走访企业数 | 10 | 26 | +4 |
| 走访人员 | 12 | 29 | -1 |
| 收集诉求 | 11 | 62 | +5 |
| 其中：问题 | 7 | 50 | +1 |
| 建议 | 4 | 12 | +4 |
| 已解决问题 | 11 | 42 | +5 |
| 建议采纳 | 1 | 6 | +0 |
| 无法解决 | 0 | 2 | -1 |
| 涉及资金需求 | 7400.0万元 | 8947.6万元 |  |
| 解决率（本级） |  | 42/46 = 91.3% |  |
| 采纳率 |  | 6/12 = 50.0% |  |
| 走访覆盖率 |  | 26/30 = 86.7% |  |
| 月末未办结 |  | 12 | -1 |
| 月末超期件 |  | 1 | +1 |
| 最长超期天数 |  | 30 |  |

## 二、诉求分类

| 类别 | 本月 | 累计 |
|---|---:|---:|
| 融资 | 2 | 6 |
| 用地 | 0 | 4 |
| 用工 | 1 | 5 |
| 审批 | 1 | 7 |
| 基础设施 | 0 | 8 |
| 物流 | 0 | 5 |
| 政策 | 3 | 8 |
| 市场 | 3 | 7 |
| 能源 | 0 | 4 |
| 科技 | 1 | 4 |
| 环保 | 0 | 1 |
| 服务 | 0 | 3 |
| 本级问题 | 4 | 46 |
| 上级问题 | 3 | 4 |
| 本级问题已解决 | 11 | 42 |
| 上级问题已解决 | 0 | 0 |

## 三、办理质效

| 指标 | 本月 | 累计 |
|---|---:|---:|
| 办结件数 | 12 | 50 |
| 按期办结率（原定时限） | 4/12 = 33.3% | 35/50 = 70.0% |
| 按期办结率（延期后时限） | 12/12 = 100.0% | 49/50 = 98.0% |
| 办结用时中位数（天） | 36.5 | 15 |
| 回访件数 | 2 | 28 |
| 满意率 | 2/2 = 100.0% | 28/28 = 100.0% |
| 回访率 |  | 28/50 = 56.0% |

## 四、部门办理情况

| 单位 | 交办 | 办结 | 按期 | 超期 | 退回 | 用时中位数（天） | 办结率 |
|---|---:|---:|---:|---:|---:|---:|---:|
| 国网衡阳供电公司 | 4 | 4 | 2 | 0 | 0 | 33 | 100.0% |
| 市交通运输局 | 3 | 3 | 2 | 0 | 0 | 21 | 100.0% |
| 市人社局 | 6 | 5 | 5 | 0 | 0 | 15 | 100.0% |
| 市住建局 | 4 | 4 | 3 | 0 | 0 | 14 | 100.0% |
| 市公安局交警支队 | 2 | 2 | 2 | 0 | 0 | 9.5 | 100.0% |
| 市发改委 | 2 | 0 | 0 | 0 | 0 | - | - |
| 市商务局 | 3 | 2 | 2 | 0 | 0 | 14.5 | 100.0% |
| 市地方金融监管局 | 3 | 3 | 2 | 0 | 0 | 15 | 100.0% |
| 市城管执法局 | 2 | 2 | 2 | 0 | 0 | 8.5 | 100.0% |
| 市工信局 | 8 | 5 | 2 | 0 | 0 | 22 | 100.0% |
| 市市场监管局 | 2 | 2 | 2 | 0 | 0 | 13.5 | 100.0% |
| 市教育局 | 1 | 1 | 1 | 0 | 0 | 9 | 100.0% |
| 市生态环境局 | 1 | 0 | 0 | 0 | 0 | - | - |
| 市科技局 | 2 | 1 | 1 | 0 | 0 | 13 | 100.0% |
| 市税务局 | 4 | 4 | 4 | 0 | 0 | 11 | 100.0% |
| 市自然资源和规划局 | 5 | 4 | 1 | 1 | 0 | 71 | 80.0% |
| 市行政审批服务局 | 2 | 1 | 1 | 0 | 0 | 6 | 100.0% |
| 衡东县行政审批服务局 | 2 | 2 | 1 | 0 | 0 | 31.5 | 100.0% |
| 衡东经开区管委会 | 2 | 1 | 1 | 0 | 0 | 15 | 100.0% |
| 衡阳综保区管委会 | 1 | 1 | 0 | 0 | 0 | 37 | 100.0% |
| 雁峰交警大队 | 1 | 1 | 0 | 0 | 0 | 74 | 100.0% |
| 高新区产业发展局 | 1 | 1 | 0 | 0 | 0 | 27 | 100.0% |
| 高新区城管执法大队 | 1 | 1 | 1 | 0 | 0 | 30 | 100.0% |

办结率低于90%的单位：市自然资源和规划局。

月末超期件（1件）：
- 衡阳振洋汽车配件有限公司：搬迁后厂房不动产权证办理（市自然资源和规划局，超期30天，D-HY-202305-0006）

## 五、走访覆盖

| 标签 | 在册企业 | 已走访 | 走访覆盖率 |
|---|---:|---:|---:|
| 规上 | 23 | 20 | 87.0% |
| 重点 | 12 | 10 | 83.3% |
| 全部 | 30 | 26 | 86.7% |

尚未走访的企业（4家）：衡阳高新投资集团有限公司、长沙比亚迪电子有限公司、湖南金龙电缆有限公司、湖南晟通科技集团有限公司。

## 六、本月典型案例

- 衡阳万魔声学科技有限公司反映“外地员工子女就近入学”，经市教育局办理解决，历时9天。协调12名员工子女就近入学。
- 湖南长高森源电力设备有限公司反映“年底前需购买100多亩工业用地扩大再生产”，经市自然资源和规划局办理解决，历时130天。在衡山科学城片区落实92亩方正地块；长高电新集团与衡阳高新区于9月5日正式签约，拟投资10亿元新建绿色智慧配电站项目。
- 燕京啤酒（衡阳）有限公司反映“厂区污水管网接驳市政管网”，经市住建局办理解决，历时15天。完成厂区污水管网与市政管网接驳。
- 湖南天雁机械股份有限公司反映“建议在厂区周边配建人才公寓”，经市住建局采纳，历时154天。将厂区周边保障性租赁住房项目定向配租60套作为企业人才公寓。
- 永州蔡伦纸品有限公司反映“进出口经外省贸易代理报关，信用证额度有限，需本地供应链服务”，经衡阳综保区管委会办理解决，历时37天。由衡阳产业发展有限公司提供供应链服务，9月1日、9月16日签订两个业务合同，对外商开出信用证496万美元，代采进口纸浆共9000吨，外贸数据回流。
- 衡阳风顺车桥有限公司反映“企业重组致使信用评级受影响，制约业务拓展与对外合作”，经市地方金融监管局办理解决，历时137天。重组遗留问题已解决，金融机构恢复企业信用评级；企业正办理工商注册信息变更手续。
- 湖南省康普通信技术有限责任公司反映“研发费用加计扣除口径咨询及申报辅导”，经市税务局办理解决，历时14天。税务专员上门辅导研发费用归集口径，企业完成前三季度加计扣除预缴申报。
- 湖南纳金新材料技术有限公司反映“5G陶瓷滤波器量产后需对接下游通信设备企业”，经市工信局办理解决，历时36天。组织与康普通信等企业开展产品供需对接，达成样品试用意向。
- 湖南长高森源电力设备有限公司反映“新项目地块需配套10千伏供电线路”，经国网衡阳供电公司办理解决，历时76天。供电接入方案已批复，10千伏线路纳入年度配网工程，随项目同步建设。
- 燕京啤酒（衡阳）有限公司反映“物流车辆进出厂区路口需增设交通信号灯”，经雁峰交警大队办理解决，历时74天。厂区路口增设交通信号灯并施划导向标线。
- 长沙戴卡科技有限公司反映“数控机床数字化改造项目申报技改补贴”，经市工信局办理解决，历时22天。项目列入市级技改奖补计划，数字化智能化改造补贴比例在基础标准上提高20%。
- 衡阳898创新中心运营管理有限公司反映“孵化器房产税、城镇土地使用税免征办理”，经市税务局办理解决，历时13天。辅导完成孵化器税收优惠备案，自用及提供给在孵对象使用的房产、土地免征房产税和城镇土地使用税。

注：解决率 = 已解决本级问题 / 本级问题（自活动开始累计）；部门办结率 = 办结 / (办结 + 超期)，未到期的不计；均保留一位小数。
X
then pass; fi

test_start "the same bytes under LANG=C (cron), a Chinese locale, and twice in a row"
qf monthly-report --data "$D" --month 2023-09 >"$T/a"
if env -i PATH="$PATH" LANG=C qf monthly-report --data "$D" --month 2023-09 >"$T/b" &&
	env -i PATH="$PATH" LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 qf monthly-report --data "$D" --month 2023-09 >"$T/c" &&
	assert cmp -s "$T/a" "$T/b" && assert cmp -s "$T/a" "$T/c" &&
	assert cmp -s "$T/a" "$T/out"; then pass; fi

test_start "plain text in English, columns aligned"
if expect_code 0 qf monthly-report --data "$D" --month 2023-09 --format text --lang en &&
	expect_out <<'X'
衡阳市“三送三解三优”行动领导小组办公室 Enterprise service bulletin, 2023-09

1. Overview

Figure                   Month          Cumulative (since 2023-04-01)  Change
Visits                              10                             50      +4
Firms visited                       10                             26      +4
Visitors                            12                             29      -1
Demands collected                   11                             62      +5
  problems                           7                             50      +1
  suggestions                        4                             12      +4
Problems resolved                   11                             42      +5
Suggestions adopted                  1                              6      +0
Declined                             0                              2      -1
Money asked for          74000000 yuan                  89476000 yuan
Resolution rate (local)                                 42/46 = 91.3%
Adoption rate                                            6/12 = 50.0%
Coverage                                                26/30 = 86.7%
Open at month end                                                  12      -1
Overdue at month end                                                1      +1
Most days overdue                                                  30

2. Demands by category

Category                        Month  Cumulative
financing                           2           6
land                                0           4
labour                              1           5
permits                             1           7
infrastructure                      0           8
logistics                           0           5
policy                              3           8
market                              3           7
energy                              0           4
technology                          1           4
environment                         0           1
services                            0           3
Local problems                      4          46
Higher-level problems               3           4
Local problems resolved            11          42
Higher-level problems resolved      0           0

3. Handling

Figure                       Month           Cumulative
Closed                                   12              50
On time (original deadline)    4/12 = 33.3%   35/50 = 70.0%
On time (extended deadline)  12/12 = 100.0%   49/50 = 98.0%
Median days to close                   36.5              15
Rated at follow-up                        2              28
Satisfaction rate              2/2 = 100.0%  28/28 = 100.0%
Follow-up rate                                28/50 = 56.0%

4. Departments

Unit                  Assigned  Closed  On time  Overdue  Returned  Median days  Closure rate
国网衡阳供电公司             4       4        2        0         0           33        100.0%
市交通运输局                 3       3        2        0         0           21        100.0%
市人社局                     6       5        5        0         0           15        100.0%
市住建局                     4       4        3        0         0           14        100.0%
市公安局交警支队             2       2        2        0         0          9.5        100.0%
市发改委                     2       0        0        0         0            -             -
市商务局                     3       2        2        0         0         14.5        100.0%
市地方金融监管局             3       3        2        0         0           15        100.0%
市城管执法局                 2       2        2        0         0          8.5        100.0%
市工信局                     8       5        2        0         0           22        100.0%
市市场监管局                 2       2        2        0         0         13.5        100.0%
市教育局                     1       1        1        0         0            9        100.0%
市生态环境局                 1       0        0        0         0            -             -
市科技局                     2       1        1        0         0           13        100.0%
市税务局                     4       4        4        0         0           11        100.0%
市自然资源和规划局           5       4        1        1         0           71         80.0%
市行政审批服务局             2       1        1        0         0            6        100.0%
衡东县行政审批服务局         2       2        1        0         0         31.5        100.0%
衡东经开区管委会             2       1        1        0         0           15        100.0%
衡阳综保区管委会             1       1        0        0         0           37        100.0%
雁峰交警大队                 1       1        0        0         0           74        100.0%
高新区产业发展局             1       1        0        0         0           27        100.0%
高新区城管执法大队           1       1        1        0         0           30        100.0%

Units under 90%: 市自然资源和规划局.

Overdue at the month's end (1):
  衡阳振洋汽车配件有限公司: 搬迁后厂房不动产权证办理 (市自然资源和规划局, 30 days overdue, D-HY-202305-0006)

5. Coverage of the register

Tag   In register  Visited  Coverage
规上           23       20     87.0%
重点           12       10     83.3%
all            30       26     86.7%

Firms not visited yet (4): 衡阳高新投资集团有限公司, 长沙比亚迪电子有限公司, 湖南金龙电缆有限公司, 湖南晟通科技集团有限公司.

6. Cases of the month

  衡阳万魔声学科技有限公司 asked: "外地员工子女就近入学"; resolved by 市教育局 in 9 days. 协调12名员工子女就近入学。
  湖南长高森源电力设备有限公司 asked: "年底前需购买100多亩工业用地扩大再生产"; resolved by 市自然资源和规划局 in 130 days. 在衡山科学城片区落实92亩方正地块；长高电新集团与衡阳高新区于9月5日正式签约，拟投资10亿元新建绿色智慧配电站项目。
  燕京啤酒（衡阳）有限公司 asked: "厂区污水管网接驳市政管网"; resolved by 市住建局 in 15 days. 完成厂区污水管网与市政管网接驳。
  湖南天雁机械股份有限公司 asked: "建议在厂区周边配建人才公寓"; adopted by 市住建局 in 154 days. 将厂区周边保障性租赁住房项目定向配租60套作为企业人才公寓。
  永州蔡伦纸品有限公司 asked: "进出口经外省贸易代理报关，信用证额度有限，需本地供应链服务"; resolved by 衡阳综保区管委会 in 37 days. 由衡阳产业发展有限公司提供供应链服务，9月1日、9月16日签订两个业务合同，对外商开出信用证496万美元，代采进口纸浆共9000吨，外贸数据回流。
  衡阳风顺车桥有限公司 asked: "企业重组致使信用评级受影响，制约业务拓展与对外合作"; resolved by 市地方金融监管局 in 137 days. 重组遗留问题已解决，金融机构恢复企业信用评级；企业正办理工商注册信息变更手续。
  湖南省康普通信技术有限责任公司 asked: "研发费用加计扣除口径咨询及申报辅导"; resolved by 市税务局 in 14 days. 税务专员上门辅导研发费用归集口径，企业完成前三季度加计扣除预缴申报。
  湖南纳金新材料技术有限公司 asked: "5G陶瓷滤波器量产后需对接下游通信设备企业"; resolved by 市工信局 in 36 days. 组织与康普通信等企业开展产品供需对接，达成样品试用意向。
  湖南长高森源电力设备有限公司 asked: "新项目地块需配套10千伏供电线路"; resolved by 国网衡阳供电公司 in 76 days. 供电接入方案已批复，10千伏线路纳入年度配网工程，随项目同步建设。
  燕京啤酒（衡阳）有限公司 asked: "物流车辆进出厂区路口需增设交通信号灯"; resolved by 雁峰交警大队 in 74 days. 厂区路口增设交通信号灯并施划导向标线。
  长沙戴卡科技有限公司 asked: "数控机床数字化改造项目申报技改补贴"; resolved by 市工信局 in 22 days. 项目列入市级技改奖补计划，数字化智能化改造补贴比例在基础标准上提高20%。
  衡阳898创新中心运营管理有限公司 asked: "孵化器房产税、城镇土地使用税免征办理"; resolved by 市税务局 in 13 days. 辅导完成孵化器税收优惠备案，自用及提供给在孵对象使用的房产、土地免征房产税和城镇土地使用税。

Resolution rate = local problems resolved / local problems, since the campaign start; a unit's closure rate = closed / (closed + overdue), items not yet due left out; one decimal.
X
then pass; fi

test_start "JSON figures of October 2023"
if expect_code 0 qf monthly-report --data "$D" --month 2023-10 --format json && expect_out <<'X'
{
  "month": "2023-10",
  "campaign_start": "2023-04-01",
  "firms": 30,
  "coverage": "86.7%",
  "resolution_rate": "92.0%",
  "adoption_rate": "57.1%",
  "on_time_rate_original": "70.7%",
  "on_time_rate_extended": "98.3%",
  "satisfaction_rate": "100.0%",
  "followup_rate": "60.3%",
  "open_at_end": 11,
  "overdue_at_end": 4,
  "overdue_days_max": 61,
  "in_month": {
    "visits": 10, "firms_visited": 10, "visitors": 17,
    "demands": 7, "problems": 5, "suggestions": 2, "amount_yuan": 0,
    "local": 6, "higher": 1, "local_problems": 4, "higher_problems": 1,
    "by_category": {"land": 1, "labour": 1, "permits": 1, "infrastructure": 1, "energy": 2, "technology": 1},
    "resolved": 5, "local_resolved": 4, "higher_resolved": 1,
    "adopted": 2, "declined": 1, "closed": 8,
    "closed_with_due": 8, "on_time_original": 6, "on_time_extended": 8,
    "median_days": 14.5,
    "rated": 7, "satisfied": 6, "basic": 1, "dissatisfied": 0
  },
  "cumulative": {
    "visits": 60, "firms_visited": 26, "visitors": 29,
    "demands": 69, "problems": 55, "suggestions": 14, "amount_yuan": 89476000,
    "local": 63, "higher": 6, "local_problems": 50, "higher_problems": 5,
    "by_category": {"financing": 6, "land": 5, "labour": 6, "permits": 8, "infrastructure": 9, "logistics": 5, "policy": 8, "market": 7, "energy": 6, "technology": 5, "environment": 1, "services": 3},
    "resolved": 47, "local_resolved": 46, "higher_resolved": 1,
    "adopted": 8, "declined": 3, "closed": 58,
    "closed_with_due": 58, "on_time_original": 41, "on_time_extended": 57,
    "median_days": 15,
    "rated": 35, "satisfied": 28, "basic": 7, "dissatisfied": 0
  },
  "previous_month": {
    "visits": 10, "firms_visited": 10, "visitors": 12,
    "demands": 11, "problems": 7, "suggestions": 4, "amount_yuan": 74000000,
    "local": 7, "higher": 4, "local_problems": 4, "higher_problems": 3,
    "by_category": {"financing": 2, "labour": 1, "permits": 1, "policy": 3, "market": 3, "technology": 1},
    "resolved": 11, "local_resolved": 11, "higher_resolved": 0,
    "adopted": 1, "declined": 0, "closed": 12,
    "closed_with_due": 12, "on_time_original": 4, "on_time_extended": 12,
    "median_days": 36.5,
    "rated": 2, "satisfied": 2, "basic": 0, "dissatisfied": 0
  },
  "trend": [{"month": "2022-11", "collected": 0, "closed": 0}, {"month": "2022-12", "collected": 0, "closed": 0}, {"month": "2023-01", "collected": 0, "closed": 0}, {"month": "2023-02", "collected": 0, "closed": 0}, {"month": "2023-03", "collected": 0, "closed": 0}, {"month": "2023-04", "collected": 16, "closed": 4}, {"month": "2023-05", "collected": 12, "closed": 10}, {"month": "2023-06", "collected": 9, "closed": 10}, {"month": "2023-07", "collected": 8, "closed": 5}, {"month": "2023-08", "collected": 6, "closed": 7}, {"month": "2023-09", "collected": 11, "closed": 12}, {"month": "2023-10", "collected": 7, "closed": 7}],
  "coverage_by_tag": [{"tag": "规上", "firms": 23, "visited": 20}, {"tag": "重点", "firms": 12, "visited": 10}],
  "not_visited": ["衡阳高新投资集团有限公司", "长沙比亚迪电子有限公司", "湖南金龙电缆有限公司", "湖南晟通科技集团有限公司"],
  "threshold": 90,
  "departments": [
    {"name": "国网衡阳供电公司", "assigned": 5, "closed": 5, "on_time": 3, "overdue": 0, "returned": 0, "median_days": 21, "below_threshold": false},
    {"name": "市交通运输局", "assigned": 3, "closed": 3, "on_time": 2, "overdue": 0, "returned": 0, "median_days": 21, "below_threshold": false},
    {"name": "市人社局", "assigned": 7, "closed": 7, "on_time": 7, "overdue": 0, "returned": 0, "median_days": 14, "below_threshold": false},
    {"name": "市住建局", "assigned": 4, "closed": 4, "on_time": 3, "overdue": 0, "returned": 0, "median_days": 14, "below_threshold": false},
    {"name": "市公安局交警支队", "assigned": 2, "closed": 2, "on_time": 2, "overdue": 0, "returned": 0, "median_days": 9.5, "below_threshold": false},
    {"name": "市发改委", "assigned": 2, "closed": 0, "on_time": 0, "overdue": 0, "returned": 0, "median_days": null, "below_threshold": false},
    {"name": "市商务局", "assigned": 3, "closed": 3, "on_time": 3, "overdue": 0, "returned": 0, "median_days": 15, "below_threshold": false},
    {"name": "市地方金融监管局", "assigned": 3, "closed": 3, "on_time": 2, "overdue": 0, "returned": 0, "median_days": 15, "below_threshold": false},
    {"name": "市城管执法局", "assigned": 3, "closed": 3, "on_time": 3, "overdue": 0, "returned": 0, "median_days": 5, "below_threshold": false},
    {"name": "市工信局", "assigned": 8, "closed": 7, "on_time": 3, "overdue": 0, "returned": 0, "median_days": 22, "below_threshold": false},
    {"name": "市市场监管局", "assigned": 2, "closed": 2, "on_time": 2, "overdue": 0, "returned": 0, "median_days": 13.5, "below_threshold": false},
    {"name": "市教育局", "assigned": 1, "closed": 1, "on_time": 1, "overdue": 0, "returned": 0, "median_days": 9, "below_threshold": false},
    {"name": "市生态环境局", "assigned": 1, "closed": 0, "on_time": 0, "overdue": 1, "returned": 0, "median_days": null, "below_threshold": true},
    {"name": "市科技局", "assigned": 3, "closed": 1, "on_time": 1, "overdue": 2, "returned": 0, "median_days": 13, "below_threshold": true},
    {"name": "市税务局", "assigned": 4, "closed": 4, "on_time": 4, "overdue": 0, "returned": 0, "median_days": 11, "below_threshold": false},
    {"name": "市自然资源和规划局", "assigned": 6, "closed": 4, "on_time": 1, "overdue": 1, "returned": 0, "median_days": 71, "below_threshold": true},
    {"name": "市行政审批服务局", "assigned": 2, "closed": 2, "on_time": 1, "overdue": 0, "returned": 0, "median_days": 24.5, "below_threshold": false},
    {"name": "衡东县行政审批服务局", "assigned": 2, "closed": 2, "on_time": 1, "overdue": 0, "returned": 0, "median_days": 31.5, "below_threshold": false},
    {"name": "衡东经开区管委会", "assigned": 2, "closed": 1, "on_time": 1, "overdue": 0, "returned": 0, "median_days": 15, "below_threshold": false},
    {"name": "衡阳综保区管委会", "assigned": 1, "closed": 1, "on_time": 0, "overdue": 0, "returned": 0, "median_days": 37, "below_threshold": false},
    {"name": "雁峰交警大队", "assigned": 1, "closed": 1, "on_time": 0, "overdue": 0, "returned": 0, "median_days": 74, "below_threshold": false},
    {"name": "高新区产业发展局", "assigned": 1, "closed": 1, "on_time": 0, "overdue": 0, "returned": 0, "median_days": 27, "below_threshold": false},
    {"name": "高新区城管执法大队", "assigned": 1, "closed": 1, "on_time": 1, "overdue": 0, "returned": 0, "median_days": 30, "below_threshold": false}
  ],
  "overdue": [
    {"id": "D-HY-202305-0006", "firm": "衡阳振洋汽车配件有限公司", "title": "搬迁后厂房不动产权证办理", "dept": "市自然资源和规划局", "days_overdue": 61},
    {"id": "D-HY-202304-0011", "firm": "湖南纳金新材料技术有限公司", "title": "研发实验室进口设备申请科教用品免税", "dept": "市科技局", "days_overdue": 16},
    {"id": "D-HY-202304-0014", "firm": "湖南广信科技有限公司", "title": "锂电池隔膜转产项目环境影响评价审批", "dept": "市生态环境局", "days_overdue": 11},
    {"id": "D-HY-202310-0002", "firm": "衡阳汇俊精密科技有限公司", "title": "建议在智能衡器计量产业园建设检验检测公共服务平台", "dept": "市科技局", "days_overdue": 4}
  ],
  "cases": [
    {"id": "D-HY-202309-0008", "firm": "湖南恒飞电缆有限责任公司", "title": "建议推荐本地电缆企业参与机场建设项目供应", "dept": "市工信局", "opened": "2023-09-19", "closed": "2023-10-04", "days": 15, "adopted": true, "resolution": "对接湖南省机场管理集团，收集建设需求清单，推荐园区相关企业参与系统产品供应。"},
    {"id": "D-HY-202309-0011", "firm": "湖南天雁机械股份有限公司", "title": "技术工人职业技能等级认定", "dept": "市人社局", "opened": "2023-09-28", "closed": "2023-10-12", "days": 14, "adopted": false, "resolution": "备案企业自主评价，首批86名技术工人取得职业技能等级证书。"},
    {"id": "D-HY-202309-0001", "firm": "湖南长高森源电力设备有限公司", "title": "建议配电站项目实行“拿地即开工”", "dept": "市行政审批服务局", "opened": "2023-09-05", "closed": "2023-10-18", "days": 43, "adopted": true, "resolution": "对绿色智慧配电站项目实行“拿地即开工”并联审批，提前完成方案审查。"},
    {"id": "D-HY-202310-0003", "firm": "中铁城建集团有限公司衡阳总部基地项目部", "title": "混凝土浇筑需办理夜间施工许可", "dept": "市城管执法局", "opened": "2023-10-16", "closed": "2023-10-19", "days": 3, "adopted": false, "resolution": "核发夜间施工许可，要求采取降噪措施并公告周边居民。"},
    {"id": "D-HY-202309-0005", "firm": "湖南省康普通信技术有限责任公司", "title": "新获国家级专精特新“小巨人”，申请奖补资金", "dept": "市工信局", "opened": "2023-09-06", "closed": "2023-10-25", "days": 49, "adopted": false, "resolution": "省级奖补资金100万元已下达企业。"},
    {"id": "D-HY-202310-0004", "firm": "衡阳北方光电信息技术有限公司", "title": "扩建项目生产用电报装", "dept": "国网衡阳供电公司", "opened": "2023-10-17", "closed": "2023-10-26", "days": 9, "adopted": false, "resolution": "“获得电力”绿色通道办理，完成用电报装并送电。"},
    {"id": "D-HY-202310-0005", "firm": "衡阳万魔声学科技有限公司", "title": "年底订单高峰用工缺口约150人", "dept": "市人社局", "opened": "2023-10-18", "closed": "2023-10-30", "days": 12, "adopted": false, "resolution": "组织线上线下专场招聘，达成就业意向162人。"}
  ]
}
X
then pass; fi

test_start "the JSON parses and its figures agree with each other"
if command -v python3 >/dev/null; then
	if python3 - "$T/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
c = d["cumulative"]
assert c["demands"] == c["problems"] + c["suggestions"] == c["local"] + c["higher"]
assert c["problems"] == c["local_problems"] + c["higher_problems"]
assert sum(c["by_category"].values()) == c["demands"]
assert c["local_resolved"] <= c["local_problems"]
rate = round(c["local_resolved"] * 1000 / c["local_problems"]) / 10
assert d["resolution_rate"] == "%.1f%%" % rate, (d["resolution_rate"], rate)
assert c["closed"] == c["resolved"] + c["adopted"] + c["declined"]
assert c["on_time_original"] <= c["on_time_extended"] <= c["closed_with_due"] <= c["closed"]
assert c["rated"] == c["satisfied"] + c["basic"] + c["dissatisfied"]
assert d["in_month"]["visits"] <= c["visits"]
assert sum(x["closed"] for x in d["departments"]) <= c["closed"]
PY
	then pass; else fail "JSON figures"; fi
else
	pass
fi

test_start "CSV figures of October 2023 (CRLF line ends, one row per figure)"
if expect_code 0 qf monthly-report --data "$D" --month 2023-10 --format csv &&
	assert test "$(grep -c "$(printf '\r')\$" "$T/out")" -eq "$(wc -l <"$T/out")" &&
	tr -d '\r' <"$T/out" >"$T/csv" && mv "$T/csv" "$T/out" && expect_out <<'X'
section,figure,month,cumulative
overview,visits,10,60
overview,firms_visited,10,26
overview,visitors,17,29
overview,demands,7,69
overview,problems,5,55
overview,suggestions,2,14
overview,local_problems,4,50
overview,higher_problems,1,5
overview,resolved,5,47
overview,local_resolved,4,46
overview,higher_resolved,1,1
overview,adopted,2,8
overview,declined,1,3
handling,closed,8,58
handling,closed_with_due,8,58
handling,on_time_original,6,41
handling,on_time_extended,8,57
handling,rated,7,35
handling,satisfied,6,28
handling,basic,1,7
handling,dissatisfied,0,0
overview,amount_yuan,0,89476000
overview,firms,,30
overview,open_at_end,,11
overview,overdue_at_end,,4
category,financing,0,6
category,land,1,5
category,labour,1,6
category,permits,1,8
category,infrastructure,1,9
category,logistics,0,5
category,policy,0,8
category,market,0,7
category,energy,2,6
category,technology,1,5
category,environment,0,1
category,services,0,3
department,国网衡阳供电公司/assigned,,5
department,国网衡阳供电公司/closed,,5
department,国网衡阳供电公司/on_time,,3
department,国网衡阳供电公司/overdue,,0
department,国网衡阳供电公司/returned,,0
department,市交通运输局/assigned,,3
department,市交通运输局/closed,,3
department,市交通运输局/on_time,,2
department,市交通运输局/overdue,,0
department,市交通运输局/returned,,0
department,市人社局/assigned,,7
department,市人社局/closed,,7
department,市人社局/on_time,,7
department,市人社局/overdue,,0
department,市人社局/returned,,0
department,市住建局/assigned,,4
department,市住建局/closed,,4
department,市住建局/on_time,,3
department,市住建局/overdue,,0
department,市住建局/returned,,0
department,市公安局交警支队/assigned,,2
department,市公安局交警支队/closed,,2
department,市公安局交警支队/on_time,,2
department,市公安局交警支队/overdue,,0
department,市公安局交警支队/returned,,0
department,市发改委/assigned,,2
department,市发改委/closed,,0
department,市发改委/on_time,,0
department,市发改委/overdue,,0
department,市发改委/returned,,0
department,市商务局/assigned,,3
department,市商务局/closed,,3
department,市商务局/on_time,,3
department,市商务局/overdue,,0
department,市商务局/returned,,0
department,市地方金融监管局/assigned,,3
department,市地方金融监管局/closed,,3
department,市地方金融监管局/on_time,,2
department,市地方金融监管局/overdue,,0
department,市地方金融监管局/returned,,0
department,市城管执法局/assigned,,3
department,市城管执法局/closed,,3
department,市城管执法局/on_time,,3
department,市城管执法局/overdue,,0
department,市城管执法局/returned,,0
department,市工信局/assigned,,8
department,市工信局/closed,,7
department,市工信局/on_time,,3
department,市工信局/overdue,,0
department,市工信局/returned,,0
department,市市场监管局/assigned,,2
department,市市场监管局/closed,,2
department,市市场监管局/on_time,,2
department,市市场监管局/overdue,,0
department,市市场监管局/returned,,0
department,市教育局/assigned,,1
department,市教育局/closed,,1
department,市教育局/on_time,,1
department,市教育局/overdue,,0
department,市教育局/returned,,0
department,市生态环境局/assigned,,1
department,市生态环境局/closed,,0
department,市生态环境局/on_time,,0
department,市生态环境局/overdue,,1
department,市生态环境局/returned,,0
department,市科技局/assigned,,3
department,市科技局/closed,,1
department,市科技局/on_time,,1
department,市科技局/overdue,,2
department,市科技局/returned,,0
department,市税务局/assigned,,4
department,市税务局/closed,,4
department,市税务局/on_time,,4
department,市税务局/overdue,,0
department,市税务局/returned,,0
department,市自然资源和规划局/assigned,,6
department,市自然资源和规划局/closed,,4
department,市自然资源和规划局/on_time,,1
department,市自然资源和规划局/overdue,,1
department,市自然资源和规划局/returned,,0
department,市行政审批服务局/assigned,,2
department,市行政审批服务局/closed,,2
department,市行政审批服务局/on_time,,1
department,市行政审批服务局/overdue,,0
department,市行政审批服务局/returned,,0
department,衡东县行政审批服务局/assigned,,2
department,衡东县行政审批服务局/closed,,2
department,衡东县行政审批服务局/on_time,,1
department,衡东县行政审批服务局/overdue,,0
department,衡东县行政审批服务局/returned,,0
department,衡东经开区管委会/assigned,,2
department,衡东经开区管委会/closed,,1
department,衡东经开区管委会/on_time,,1
department,衡东经开区管委会/overdue,,0
department,衡东经开区管委会/returned,,0
department,衡阳综保区管委会/assigned,,1
department,衡阳综保区管委会/closed,,1
department,衡阳综保区管委会/on_time,,0
department,衡阳综保区管委会/overdue,,0
department,衡阳综保区管委会/returned,,0
department,雁峰交警大队/assigned,,1
department,雁峰交警大队/closed,,1
department,雁峰交警大队/on_time,,0
department,雁峰交警大队/overdue,,0
department,雁峰交警大队/returned,,0
department,高新区产业发展局/assigned,,1
department,高新区产业发展局/closed,,1
department,高新区产业发展局/on_time,,0
department,高新区产业发展局/overdue,,0
department,高新区产业发展局/returned,,0
department,高新区城管执法大队/assigned,,1
department,高新区城管执法大队/closed,,1
department,高新区城管执法大队/on_time,,1
department,高新区城管执法大队/overdue,,0
department,高新区城管执法大队/returned,,0
coverage,规上/firms,,23
coverage,规上/visited,,20
coverage,重点/firms,,12
coverage,重点/visited,,10
X
then pass; fi

test_start "a text column holds each Chinese label at the same display width"
qf monthly-report --data "$D" --month 2023-09 --format text >"$T/t"
# In the table of categories every line ends with a right-aligned number:
# the lines have equal display width, and each number ends in the same
# column as its header.
if python3 -c "
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)
text = open(sys.argv[1], encoding='utf-8').read()
block = text.split('二、诉求分类\n\n')[1].split('\n\n')[0].split('\n')
assert len(block) > 5, block
assert len(set(w(l) for l in block)) == 1, [w(l) for l in block]
" "$T/t"; then pass; else fail "alignment"; fi

test_start "the default month is the previous one (QF_TODAY)"
if QF_TODAY=2023-10-05 expect_code 0 qf monthly-report --data "$D" -f json &&
	expect_out_has '"month": "2023-09"' &&
	QF_TODAY=2024-01-10 expect_code 0 qf monthly-report --data "$D" -f json &&
	expect_out_has '"month": "2023-12"'; then pass; fi

test_start "a month before any record gives zeros, not an error"
if expect_code 0 qf monthly-report --data "$D" --month 2022-01 -f json &&
	expect_out_has '"resolution_rate": "-"'; then pass; fi

test_start "--week: the ISO week, its days, the week before for comparison"
if expect_code 0 qf monthly-report --data "$D" --week 2023-W36 &&
	expect_out_has "企业服务周报（2023年第36周，9月4日—9月10日）" &&
	expect_out_has "| 指标 | 本周 | 累计（自 2023-04-01） | 较上周 |" &&
	expect_code 0 qf monthly-report --data "$D" --week 2023-09-07 --format json &&
	expect_out_has '"week": 36,' && expect_out_has '"from": "2023-09-04",' &&
	expect_out_has '"to": "2023-09-10",' && expect_out_has '"previous_week": {' &&
	QF_TODAY=2023-09-14 expect_code 0 qf monthly-report --data "$D" --week last -f json &&
	expect_out_has '"from": "2023-09-04",'; then pass; fi

test_start "the visits of weeks 36-38 are those of 4-24 September, counted apart"
sum=0
for w in 36 37 38; do
	n=$(qf monthly-report --data "$D" --week 2023-W$w -f json |
		python3 -c 'import json, sys; print(json.load(sys.stdin)["in_week"]["visits"])')
	sum=$((sum + n))
done
if assert test "$(qf list-visits --data "$D" --from 2023-09-04 --to 2023-09-24 | wc -l)" -eq "$sum" &&
	assert test "$sum" -gt 0; then pass; fi

test_start "--week and --month together, a week a year does not have, a bad week: 64"
if expect_code 64 qf monthly-report --data "$D" --week 2023-W36 --month 2023-09 &&
	expect_code 64 qf monthly-report --data "$D" --week 2022-W53 &&
	expect_err_has "2022 has no week 53" &&
	expect_code 64 qf monthly-report --data "$D" --week 2023-W60 &&
	expect_code 64 qf monthly-report --data "$D" --week soon; then pass; fi

test_start "HTML: one well-formed file whose charts hold the figures of the JSON"
qf monthly-report --data "$D" --month 2023-10 -f json >"$T/fig.json"
if expect_code 0 qf monthly-report --data "$D" --month 2023-10 -f html &&
	python3 - "$T/out" "$T/fig.json" <<'PY'
import html.parser, json, sys
void = {"meta", "line", "rect", "br", "link"}
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__()
        s.stack, s.bars, s.chart = [], {}, None
    def handle_starttag(s, t, a):
        a = dict(a)
        if t == "svg":
            s.chart = a["data-chart"]
            s.bars[s.chart] = []
        if t == "rect":
            s.bars[s.chart].append(a)
        if t not in void:
            s.stack.append(t)
    def handle_startendtag(s, t, a):
        s.handle_starttag(t, a)
        if t not in void:
            s.stack.pop()
    def handle_endtag(s, t):
        assert s.stack and s.stack[-1] == t, ("mismatched", t, s.stack[-3:])
        s.stack.pop()
text = open(sys.argv[1], encoding="utf-8").read()
assert text.startswith("<!DOCTYPE html>") and "@page { size: A4" in text
p = P(); p.feed(text); p.close()
assert p.stack == [], p.stack
d = json.load(open(sys.argv[2]))
trend = {(b["data-month"], b["data-series"]): int(b["data-value"]) for b in p.bars["trend"]}
for m in d["trend"]:
    assert trend[(m["month"], "collected")] == m["collected"], m
    assert trend[(m["month"], "closed")] == m["closed"], m
assert sum(m["collected"] for m in d["trend"]) == d["cumulative"]["demands"]
cats = [int(b["data-value"]) for b in p.bars["categories"]]
assert cats == list(d["cumulative"]["by_category"].values()), cats
deps = {b["data-label"]: int(b["data-value"]) for b in p.bars["departments"] if b["class"] == "value"}
tot = {b["data-label"]: int(b["data-value"]) for b in p.bars["departments"] if b["class"] == "total"}
for x in d["departments"]:
    assert deps[x["name"]] == x["closed"] and tot[x["name"]] == x["assigned"], x
PY
then pass; else fail "HTML charts"; fi

test_start "HTML escapes what the records hold"
cp -r "$D" esc
sed -i 's/^organisation: .*/organisation: "<script>alert(1)<\/script>\&"/' esc/qf.yaml
# ... and a firm's name, a department and a case's title and resolution,
# which reach the tables, the charts and the month's stories.
sed -i 's/^name: \(.*\)/name: "<img src=x>\1"/' esc/firms/*.yaml
sed -i -e 's/^title: .*/title: "<b onmouseover=x>标题<\/b>"/' \
	-e 's/^\(  *\)dept: \(.*\)/\1dept: "<i>\2<\/i>"/' \
	-e 's/^dept: \(.*\)/dept: "<i>\1<\/i>"/' esc/demands/*.yaml
if expect_code 0 qf monthly-report --data esc --month 2023-10 -f html &&
	expect_out_has "<title>&lt;script&gt;alert(1)&lt;/script&gt;&amp;" &&
	expect_out_has "&lt;b onmouseover=x&gt;标题&lt;/b&gt;" &&
	expect_out_has "&lt;img src=x&gt;" && expect_out_has "&lt;i&gt;市科技局&lt;/i&gt;" &&
	assert test "$(grep -c '<script\|<img\|<b \|<i>' "$T/out")" -eq 0; then pass; fi

test_start "no control byte of the records reaches the text, Markdown or HTML bulletin"
cp -r "$D" ctl
# A firm named with terminal escapes and markup, a unit with a "|" and a
# C1 control (U+009B, the one-byte CSI).
sed -i 's/^name: \(.*\)/name: "\\e[31mX1\\e[0m*\1*"/' ctl/firms/*.yaml
sed -i -e 's/^\(  *\)dept: \(.*\)/\1dept: "A|B\\u009b\2"/' \
	-e 's/^dept: \(.*\)/dept: "A|B\\u009b\1"/' ctl/demands/*.yaml
ctl_ok=1
for f in text markdown html; do
	qf monthly-report --data ctl --month 2023-10 -f "$f" >"$T/ctl.$f" 2>"$T/ctl.err" ||
		ctl_ok=0
	# Every byte below 0x20 but newline, DEL, and U+0080-U+009F.
	if LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$T/ctl.$f" ||
		LC_ALL=C.UTF-8 grep -qP '[\x{80}-\x{9f}]' "$T/ctl.$f"; then
		ctl_ok=0
		echo "# raw control byte in the $f bulletin" >&2
	fi
done
if assert test "$ctl_ok" = 1 &&
	assert grep -qF '\e[31mX1\e[0m' "$T/ctl.text" &&
	assert grep -qF 'A|B\u009B' "$T/ctl.text" &&
	assert grep -qF '| A\|B\\u009B' "$T/ctl.markdown" &&
	assert grep -qF '\\e\[31mX1\\e\[0m\*' "$T/ctl.markdown" &&
	assert grep -qF '<td>A|B\u009B' "$T/ctl.html"; then pass; fi

test_start "--publish keeps the bulletin, its figures and the records' fingerprints"
cp -r "$D" pub
if expect_code 0 qf monthly-report --data pub --month 2023-09 --publish &&
	expect_err_has "2023-09 已发布" &&
	assert test -f pub/reports/2023-09.md && assert test -f pub/reports/2023-09.csv &&
	assert test "$(wc -l <pub/reports/2023-09.records)" -eq "$(cat "$D"/*/*.yaml | grep -c '^id: ')" &&
	assert cmp -s "$T/out" pub/reports/2023-09.md &&
	assert grep -q '^overview,visits,10,50' pub/reports/2023-09.csv; then pass; fi

test_start "a published month is not published again (73), nothing changed"
snap pub
if expect_code 73 qf monthly-report --data pub --month 2023-09 --publish &&
	expect_err_has "is published already" && unchanged pub; then pass; fi

test_start "unchanged since publication: the bulletin alone, nothing on stderr"
if expect_code 0 qf monthly-report --data pub --month 2023-09 && expect_err <<'X'
X
then pass; fi

test_start "a record edited after publication: the figures that moved and the record, on stderr, in the store's language"
sed -i '0,/category: policy/s//category: market/' pub/demands/2023-09.yaml
if expect_code 0 env LANG=C LC_ALL=C qf monthly-report --data pub --month 2023-09 &&
	expect_err <<'X' &&
qf-monthly-report: 2023-09 已发布；此后以下统计数字（部分,项目: 当月,累计）和以下记录有变化：
  category,policy: 3,8 -> 2,7
  category,market: 3,7 -> 4,8
  已修改 D-HY-202309-0004
X
	expect_out_has "| 市场 | 4 | 8 |"; then pass; fi

test_start "the same in English with --lang en, whatever the locale"
if expect_code 0 env LANGUAGE=zh_CN LC_ALL=C.UTF-8 qf monthly-report --data pub --month 2023-09 --lang en &&
	expect_err <<'X' &&
qf-monthly-report: 2023-09 was published; since then these figures changed (section,figure: month,cumulative), and these records:
  category,policy: 3,8 -> 2,7
  category,market: 3,7 -> 4,8
  changed D-HY-202309-0004
X
	expect_out_has "| market | 4 | 8 |"; then pass; fi

test_start "a new record after publication is named as new"
printf -- '---\nid: D-HY-202309-0099\nfirm: F-HY-0001\nopened: 2023-09-30\nkind: problem\nlevel: local\ncategory: land\ntitle: 新诉求\nstatus: open\n' >>pub/demands/2023-09.yaml
if expect_code 0 qf monthly-report --data pub --month 2023-09 &&
	expect_err_has "overview,demands: 11,62 -> 12,63" && expect_err_has "  新增 D-HY-202309-0099"; then pass; fi

test_start "weeks are published under their ISO name"
if expect_code 0 qf monthly-report --data pub --week 2023-W36 --publish &&
	assert test -f pub/reports/2023-W36.csv; then pass; fi

test_start "bad month, format, language: 64"
if expect_code 64 qf monthly-report --data "$D" --month 2023-13 &&
	expect_code 64 qf monthly-report --data "$D" --month 2023-9 &&
	expect_code 64 qf monthly-report --data "$D" --format pdf &&
	expect_code 64 qf monthly-report --data "$D" --lang fr &&
	expect_code 64 env QF_TODAY=soon qf monthly-report --data "$D" &&
	expect_err_has "QF_TODAY is not a date"; then pass; fi

test_start "a record file that does not parse stops the bulletin (65) and says where"
cp -r "$D" s
printf -- '---\nid: D-HY-202309-0099\ntitle: [broken\n' >>s/demands/2023-09.yaml
if expect_code 65 qf monthly-report --data s --month 2023-09 &&
	expect_err_has "s/demands/2023-09.yaml:"; then pass; fi

done_testing
