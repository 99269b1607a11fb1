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

## 六、政策送达

| 指标 | 本月 | 累计（自 2023-04-01） |
|---|---:|---:|
| 送达政策（企业×政策） | 37 | 97 |
|   走访中送达 | 12 | 55 |
|   活动中送达 | 25 | 39 |
|   其他方式送达 | 0 | 3 |
| 送达企业数 | 14 | 24 |

| 政策 | 名称 | 适用企业 | 已送达 | 未送达 | 送达率 |
|---|---|---:|---:|---:|---:|
| P-HY-0001 | 湖南省“稳增长20条”政策措施 | 23 | 10 | 13 | 43.5% |
| P-HY-0002 | 关于打好经济增长主动仗 加快建设区域经济中心的若干政策措施 | 25 | 9 | 16 | 36.0% |
| P-HY-0003 | “三送三解三优”惠企政策清单 | 23 | 19 | 4 | 82.6% |
| P-HY-0005 | 关于继续实施科技企业孵化器、大学科技园和众创空间有关税收政策的公告 | 2 | 1 | 1 | 50.0% |
| P-HY-0006 | 关于进一步完善研发费用税前加计扣除政策的公告 | 15 | 6 | 9 | 40.0% |
| P-HY-0008 | 衡阳市专精特新中小企业和“小巨人”企业奖补办法 | 5 | 5 | 0 | 100.0% |
| P-HY-0009 | 衡阳市工业企业技术改造和数字化转型奖补实施细则 | 23 | 14 | 9 | 60.9% |
| P-HY-0010 | 关于支持中小企业发展的政策意见 | 13 | 8 | 5 | 61.5% |
| P-HY-0011 | “两重”建设超长期特别国债项目申报指南 | 23 | 9 | 14 | 39.1% |

适用而尚未送达的共 71 户次（企业×政策）。

## 七、项目申报

| 指标 | 本月 | 累计（自 2023-04-01） |
|---|---:|---:|
| 申报项目 | 2 | 7 |
| 申报资金 | 650.0万元 | 1.68亿元 |
| 入库项目 | 0 | 3 |
| 兑现 | 1 | 1 |
| 兑现资金 | 2050.0万元 | 2050.0万元 |
| 未通过 | 0 | 0 |
| 月末未办结 |  | 6 |
| 在办项目申报资金 |  | 1.18亿元 |

| 政策 | 申报数 | 申报资金 | 兑现 |
|---|---:|---:|---:|
| 衡阳市专精特新中小企业和“小巨人”企业奖补办法 | 2 | 150.0万元 | 0.0万元 |
| 衡阳市工业企业技术改造和数字化转型奖补实施细则 | 3 | 3600.0万元 | 0.0万元 |
| “两重”建设超长期特别国债项目申报指南 | 2 | 1.30亿元 | 2050.0万元 |

| 企业 | 申报数 | 申报资金 | 兑现 |
|---|---:|---:|---:|
| 衡阳风顺车桥有限公司 | 1 | 1200.0万元 | 0.0万元 |
| 湖南长高森源电力设备有限公司 | 1 | 8000.0万元 | 0.0万元 |
| 湖南乐福地医药包材科技有限公司 | 1 | 600.0万元 | 0.0万元 |
| 衡阳振洋汽车配件有限公司 | 1 | 50.0万元 | 0.0万元 |
| 长沙戴卡科技有限公司 | 1 | 1800.0万元 | 0.0万元 |
| 湖南省康普通信技术有限责任公司 | 1 | 100.0万元 | 0.0万元 |
| 湖南金凯循环科技有限公司 | 1 | 5000.0万元 | 2050.0万元 |

## 八、活动开展情况

| 日期 | 类型 | 活动名称 | 参加企业 | 活动成效 |
|---|---|---|---|---|
| 2023-09-14 | 政策宣讲会 | “三送三解三优”规模以上工业企业政策解读培训讲座 | 富联裕展科技（衡阳）有限公司、衡阳风顺车桥有限公司、湖南长高森源电力设备有限公司及另外6家 | 发放政策汇编200 |
| 2023-09-26 | 供需对接会 | 食品供应链产品供需对接会（第4场） | 湖南华通汇达供应链管理有限公司、长沙比亚迪电子有限公司、湖南恒飞电缆有限责任公司、湖南金龙电缆有限公司 | 签约项目3 |

| 类型 | 本月场次 | 累计场次 | 本月参加企业 | 累计参加企业 | 本月收集诉求 | 累计收集诉求 |
|---|---:|---:|---:|---:|---:|---:|
| 政策宣讲会 | 1 | 1 | 9 | 9 | 0 | 0 |
| 银企对接会 | 0 | 1 | 0 | 7 | 0 | 0 |
| 招聘会 | 0 | 2 | 0 | 10 | 0 | 0 |
| 企业家沙龙 | 0 | 2 | 0 | 9 | 0 | 0 |
| 供需对接会 | 1 | 1 | 4 | 4 | 0 | 0 |
| 全部 | 2 | 7 | 13 | 39 | 0 | 0 |

| 成效 | 类型 | 本月 | 累计 |
|---|---|---:|---:|
| 意向融资 | 银企对接会 | 0.0万元 | 100.00亿元 |
| 提供岗位 | 招聘会 | 0 | 400 |
| 参加人数 | 招聘会 | 0 | 1000 |
| 达成就业意向 | 招聘会 | 0 | 665 |
| 签约项目 | 供需对接会 | 3 | 3 |
| 发放政策汇编 | 政策宣讲会 | 200 | 200 |

## 九、本月典型案例

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

6. Policies to firms

Figure                                    Month  Cumulative (since 2023-04-01)
Policies handed to firms (firm × policy)     37                             97
  on visits                                  12                             55
  at events                                  25                             39
  delivered otherwise                         0                              3
Firms reached                                14                             24

Policy     Title                                                               Firms it fits  Reached  Not reached  Share reached
P-HY-0001  湖南省“稳增长20条”政策措施                                                     23       10           13          43.5%
P-HY-0002  关于打好经济增长主动仗 加快建设区域经济中心的若干政策措施                      25        9           16          36.0%
P-HY-0003  “三送三解三优”惠企政策清单                                                     23       19            4          82.6%
P-HY-0005  关于继续实施科技企业孵化器、大学科技园和众创空间有关税收政策的公告              2        1            1          50.0%
P-HY-0006  关于进一步完善研发费用税前加计扣除政策的公告                                   15        6            9          40.0%
P-HY-0008  衡阳市专精特新中小企业和“小巨人”企业奖补办法                                    5        5            0         100.0%
P-HY-0009  衡阳市工业企业技术改造和数字化转型奖补实施细则                                 23       14            9          60.9%
P-HY-0010  关于支持中小企业发展的政策意见                                                 13        8            5          61.5%
P-HY-0011  “两重”建设超长期特别国债项目申报指南                                           23        9           14          39.1%

Eligible firms not yet reached: 71 firm × policy pairs in all.

7. Project applications

Figure                                Month          Cumulative (since 2023-04-01)
Applications filed                                2                              7
Funds requested                        6500000 yuan                 167500000 yuan
Listed (in the project library)                   0                              3
Granted                                           1                              1
Funds granted                         20500000 yuan                  20500000 yuan
Rejected                                          0                              0
Open at month end                                                                6
Funds requested by open applications                                117500000 yuan

Policy                                          Applications  Requested       Granted
衡阳市专精特新中小企业和“小巨人”企业奖补办法               2    1500000 yuan         0 yuan
衡阳市工业企业技术改造和数字化转型奖补实施细则             3   36000000 yuan         0 yuan
“两重”建设超长期特别国债项目申报指南                       2  130000000 yuan  20500000 yuan

Firm                            Applications  Requested      Granted
衡阳风顺车桥有限公司                       1  12000000 yuan         0 yuan
湖南长高森源电力设备有限公司               1  80000000 yuan         0 yuan
湖南乐福地医药包材科技有限公司             1   6000000 yuan         0 yuan
衡阳振洋汽车配件有限公司                   1    500000 yuan         0 yuan
长沙戴卡科技有限公司                       1  18000000 yuan         0 yuan
湖南省康普通信技术有限责任公司             1   1000000 yuan         0 yuan
湖南金凯循环科技有限公司                   1  50000000 yuan  20500000 yuan

8. Events

Date        Kind                       Event                                           Firms taking part                                                                                       Outcomes
2023-09-14  policy briefing            “三送三解三优”规模以上工业企业政策解读培训讲座  富联裕展科技（衡阳）有限公司, 衡阳风顺车桥有限公司, 湖南长高森源电力设备有限公司 and 6 more             Policy booklets handed out 200
2023-09-26  supply–demand matchmaking  食品供应链产品供需对接会（第4场）               湖南华通汇达供应链管理有限公司, 长沙比亚迪电子有限公司, 湖南恒飞电缆有限责任公司, 湖南金龙电缆有限公司  Contracts signed 3

Kind                       Events this month  Events, cumulative  Firms this month  Firms, cumulative  Demands this month  Demands, cumulative
policy briefing                            1                   1                 9                  9                   0                    0
bank–firm matchmaking                      0                   1                 0                  7                   0                    0
job fair                                   0                   2                 0                 10                   0                    0
entrepreneurs' salon                       0                   2                 0                  9                   0                    0
supply–demand matchmaking                  1                   1                 4                  4                   0                    0
all                                        2                   7                13                 39                   0                    0

Outcome                     Kind                       Month   Cumulative
Financing intended          bank–firm matchmaking      0 yuan  10000000000 yuan
Jobs offered                job fair                        0               400
People attending            job fair                        0              1000
Hires agreed                job fair                        0               665
Contracts signed            supply–demand matchmaking       3                 3
Policy booklets handed out  policy briefing               200               200

9. Cases of the month

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
  ],
  "policies": {"in_month": {"pairs": 0, "on_visits": 0, "at_events": 0, "delivered": 0, "firms_reached": 0}, "cumulative": {"pairs": 97, "on_visits": 55, "at_events": 39, "delivered": 3, "firms_reached": 24},
    "by_policy": [
      {"id": "P-HY-0001", "title": "湖南省“稳增长20条”政策措施", "eligible": 23, "reached": 10, "not_reached": 13},
      {"id": "P-HY-0002", "title": "关于打好经济增长主动仗 加快建设区域经济中心的若干政策措施", "eligible": 25, "reached": 9, "not_reached": 16},
      {"id": "P-HY-0003", "title": "“三送三解三优”惠企政策清单", "eligible": 23, "reached": 19, "not_reached": 4},
      {"id": "P-HY-0005", "title": "关于继续实施科技企业孵化器、大学科技园和众创空间有关税收政策的公告", "eligible": 2, "reached": 1, "not_reached": 1},
      {"id": "P-HY-0006", "title": "关于进一步完善研发费用税前加计扣除政策的公告", "eligible": 15, "reached": 6, "not_reached": 9},
      {"id": "P-HY-0008", "title": "衡阳市专精特新中小企业和“小巨人”企业奖补办法", "eligible": 5, "reached": 5, "not_reached": 0},
      {"id": "P-HY-0009", "title": "衡阳市工业企业技术改造和数字化转型奖补实施细则", "eligible": 23, "reached": 14, "not_reached": 9},
      {"id": "P-HY-0010", "title": "关于支持中小企业发展的政策意见", "eligible": 13, "reached": 8, "not_reached": 5},
      {"id": "P-HY-0011", "title": "“两重”建设超长期特别国债项目申报指南", "eligible": 23, "reached": 9, "not_reached": 14}
    ],
    "not_reached": 71},
  "applications": {
    "in_month": {"filed": 1, "requested_yuan": 30000000, "listed": 1, "granted": 1, "granted_yuan": 1000000, "rejected": 1},
    "cumulative": {"filed": 8, "requested_yuan": 197500000, "listed": 4, "granted": 2, "granted_yuan": 21500000, "rejected": 1},
    "open_at_end": 5,
    "open_requested_yuan": 66500000,
    "by_policy": [
      {"id": "P-HY-0008", "name": "衡阳市专精特新中小企业和“小巨人”企业奖补办法", "count": 2, "requested_yuan": 1500000, "granted_yuan": 1000000},
      {"id": "P-HY-0009", "name": "衡阳市工业企业技术改造和数字化转型奖补实施细则", "count": 3, "requested_yuan": 36000000, "granted_yuan": 0},
      {"id": "P-HY-0011", "name": "“两重”建设超长期特别国债项目申报指南", "count": 3, "requested_yuan": 160000000, "granted_yuan": 20500000}
    ],
    "by_firm": [
      {"id": "F-HY-0003", "name": "衡阳风顺车桥有限公司", "count": 1, "requested_yuan": 12000000, "granted_yuan": 0},
      {"id": "F-HY-0004", "name": "湖南长高森源电力设备有限公司", "count": 1, "requested_yuan": 80000000, "granted_yuan": 0},
      {"id": "F-HY-0010", "name": "湖南乐福地医药包材科技有限公司", "count": 1, "requested_yuan": 6000000, "granted_yuan": 0},
      {"id": "F-HY-0015", "name": "衡阳振洋汽车配件有限公司", "count": 1, "requested_yuan": 500000, "granted_yuan": 0},
      {"id": "F-HY-0022", "name": "长沙戴卡科技有限公司", "count": 1, "requested_yuan": 18000000, "granted_yuan": 0},
      {"id": "F-HY-0023", "name": "湖南省康普通信技术有限责任公司", "count": 1, "requested_yuan": 1000000, "granted_yuan": 1000000},
      {"id": "F-HY-0024", "name": "湖南金凯循环科技有限公司", "count": 1, "requested_yuan": 50000000, "granted_yuan": 20500000},
      {"id": "F-HY-0026", "name": "湖南恒飞电缆有限责任公司", "count": 1, "requested_yuan": 30000000, "granted_yuan": 0}
    ]
  },
  "events": {
    "in_month": {
      "all": {"events": 1, "firms": 7, "demands": 0, "financing_intended_yuan": 0, "financing_signed_yuan": 0, "positions": 0, "attendees": 0, "hires": 0, "contracts": 0, "booklets": 0},
      "briefing": {"events": 0, "firms": 0, "demands": 0, "financing_intended_yuan": 0, "financing_signed_yuan": 0, "positions": 0, "attendees": 0, "hires": 0, "contracts": 0, "booklets": 0},
      "financing": {"events": 0, "firms": 0, "demands": 0, "financing_intended_yuan": 0, "financing_signed_yuan": 0, "positions": 0, "attendees": 0, "hires": 0, "contracts": 0, "booklets": 0},
      "jobs": {"events": 0, "firms": 0, "demands": 0, "financing_intended_yuan": 0, "financing_signed_yuan": 0, "positions": 0, "attendees": 0, "hires": 0, "contracts": 0, "booklets": 0},
      "salon": {"events": 0, "firms": 0, "demands": 0, "financing_intended_yuan": 0, "financing_signed_yuan": 0, "positions": 0, "attendees": 0, "hires": 0, "contracts": 0, "booklets": 0},
      "forum": {"events": 1, "firms": 7, "demands": 0, "financing_intended_yuan": 0, "financing_signed_yuan": 0, "positions": 0, "attendees": 0, "hires": 0, "contracts": 0, "booklets": 0},
      "matchmaking": {"events": 0, "firms": 0, "demands": 0, "financing_intended_yuan": 0, "financing_signed_yuan": 0, "positions": 0, "attendees": 0, "hires": 0, "contracts": 0, "booklets": 0}
    },
    "cumulative": {
      "all": {"events": 8, "firms": 46, "demands": 0, "financing_intended_yuan": 10000000000, "financing_signed_yuan": 0, "positions": 400, "attendees": 1000, "hires": 665, "contracts": 3, "booklets": 200},
      "briefing": {"events": 1, "firms": 9, "demands": 0, "financing_intended_yuan": 0, "financing_signed_yuan": 0, "positions": 0, "attendees": 0, "hires": 0, "contracts": 0, "booklets": 200},
      "financing": {"events": 1, "firms": 7, "demands": 0, "financing_intended_yuan": 10000000000, "financing_signed_yuan": 0, "positions": 0, "attendees": 0, "hires": 0, "contracts": 0, "booklets": 0},
      "jobs": {"events": 2, "firms": 10, "demands": 0, "financing_intended_yuan": 0, "financing_signed_yuan": 0, "positions": 400, "attendees": 1000, "hires": 665, "contracts": 0, "booklets": 0},
      "salon": {"events": 2, "firms": 9, "demands": 0, "financing_intended_yuan": 0, "financing_signed_yuan": 0, "positions": 0, "attendees": 0, "hires": 0, "contracts": 0, "booklets": 0},
      "forum": {"events": 1, "firms": 7, "demands": 0, "financing_intended_yuan": 0, "financing_signed_yuan": 0, "positions": 0, "attendees": 0, "hires": 0, "contracts": 0, "booklets": 0},
      "matchmaking": {"events": 1, "firms": 4, "demands": 0, "financing_intended_yuan": 0, "financing_signed_yuan": 0, "positions": 0, "attendees": 0, "hires": 0, "contracts": 3, "booklets": 0}
    },
    "list": [
      {"id": "E-HY-202310-0001", "date": "2023-10-12", "kind": "forum", "title": "衡阳高新区企业家座谈会", "firms": ["富联裕展科技（衡阳）有限公司", "衡阳风顺车桥有限公司", "湖南长高森源电力设备有限公司", "衡阳北方光电信息技术有限公司", "衡阳万魔声学科技有限公司", "湖南天雁机械股份有限公司", "长沙戴卡科技有限公司"], "demands": 0, "outcomes": {}}
    ]
  }
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
policy,pairs,0,97
policy,on_visits,0,55
policy,at_events,0,39
policy,delivered,0,3
policy,firms_reached,0,24
policy,P-HY-0001/eligible,,23
policy,P-HY-0001/reached,,10
policy,P-HY-0001/not_reached,,13
policy,P-HY-0002/eligible,,25
policy,P-HY-0002/reached,,9
policy,P-HY-0002/not_reached,,16
policy,P-HY-0003/eligible,,23
policy,P-HY-0003/reached,,19
policy,P-HY-0003/not_reached,,4
policy,P-HY-0005/eligible,,2
policy,P-HY-0005/reached,,1
policy,P-HY-0005/not_reached,,1
policy,P-HY-0006/eligible,,15
policy,P-HY-0006/reached,,6
policy,P-HY-0006/not_reached,,9
policy,P-HY-0008/eligible,,5
policy,P-HY-0008/reached,,5
policy,P-HY-0008/not_reached,,0
policy,P-HY-0009/eligible,,23
policy,P-HY-0009/reached,,14
policy,P-HY-0009/not_reached,,9
policy,P-HY-0010/eligible,,13
policy,P-HY-0010/reached,,8
policy,P-HY-0010/not_reached,,5
policy,P-HY-0011/eligible,,23
policy,P-HY-0011/reached,,9
policy,P-HY-0011/not_reached,,14
policy,not_reached,,71
application,filed,1,8
application,requested_yuan,30000000,197500000
application,listed,1,4
application,granted,1,2
application,granted_yuan,1000000,21500000
application,rejected,1,1
application,open_at_end,,5
application,open_requested_yuan,,66500000
application,policy/P-HY-0008/count,,2
application,policy/P-HY-0008/requested_yuan,,1500000
application,policy/P-HY-0008/granted_yuan,,1000000
application,policy/P-HY-0009/count,,3
application,policy/P-HY-0009/requested_yuan,,36000000
application,policy/P-HY-0009/granted_yuan,,0
application,policy/P-HY-0011/count,,3
application,policy/P-HY-0011/requested_yuan,,160000000
application,policy/P-HY-0011/granted_yuan,,20500000
application,firm/F-HY-0003/count,,1
application,firm/F-HY-0003/requested_yuan,,12000000
application,firm/F-HY-0003/granted_yuan,,0
application,firm/F-HY-0004/count,,1
application,firm/F-HY-0004/requested_yuan,,80000000
application,firm/F-HY-0004/granted_yuan,,0
application,firm/F-HY-0010/count,,1
application,firm/F-HY-0010/requested_yuan,,6000000
application,firm/F-HY-0010/granted_yuan,,0
application,firm/F-HY-0015/count,,1
application,firm/F-HY-0015/requested_yuan,,500000
application,firm/F-HY-0015/granted_yuan,,0
application,firm/F-HY-0022/count,,1
application,firm/F-HY-0022/requested_yuan,,18000000
application,firm/F-HY-0022/granted_yuan,,0
application,firm/F-HY-0023/count,,1
application,firm/F-HY-0023/requested_yuan,,1000000
application,firm/F-HY-0023/granted_yuan,,1000000
application,firm/F-HY-0024/count,,1
application,firm/F-HY-0024/requested_yuan,,50000000
application,firm/F-HY-0024/granted_yuan,,20500000
application,firm/F-HY-0026/count,,1
application,firm/F-HY-0026/requested_yuan,,30000000
application,firm/F-HY-0026/granted_yuan,,0
event,events,1,8
event,firms,7,46
event,demands,0,0
event,financing_intended_yuan,0,10000000000
event,financing_signed_yuan,0,0
event,positions,0,400
event,attendees,0,1000
event,hires,0,665
event,contracts,0,3
event,booklets,0,200
event,briefing/events,0,1
event,briefing/firms,0,9
event,briefing/demands,0,0
event,briefing/financing_intended_yuan,0,0
event,briefing/financing_signed_yuan,0,0
event,briefing/positions,0,0
event,briefing/attendees,0,0
event,briefing/hires,0,0
event,briefing/contracts,0,0
event,briefing/booklets,0,200
event,financing/events,0,1
event,financing/firms,0,7
event,financing/demands,0,0
event,financing/financing_intended_yuan,0,10000000000
event,financing/financing_signed_yuan,0,0
event,financing/positions,0,0
event,financing/attendees,0,0
event,financing/hires,0,0
event,financing/contracts,0,0
event,financing/booklets,0,0
event,jobs/events,0,2
event,jobs/firms,0,10
event,jobs/demands,0,0
event,jobs/financing_intended_yuan,0,0
event,jobs/financing_signed_yuan,0,0
event,jobs/positions,0,400
event,jobs/attendees,0,1000
event,jobs/hires,0,665
event,jobs/contracts,0,0
event,jobs/booklets,0,0
event,salon/events,0,2
event,salon/firms,0,9
event,salon/demands,0,0
event,salon/financing_intended_yuan,0,0
event,salon/financing_signed_yuan,0,0
event,salon/positions,0,0
event,salon/attendees,0,0
event,salon/hires,0,0
event,salon/contracts,0,0
event,salon/booklets,0,0
event,forum/events,1,1
event,forum/firms,7,7
event,forum/demands,0,0
event,forum/financing_intended_yuan,0,0
event,forum/financing_signed_yuan,0,0
event,forum/positions,0,0
event,forum/attendees,0,0
event,forum/hires,0,0
event,forum/contracts,0,0
event,forum/booklets,0,0
event,matchmaking/events,0,1
event,matchmaking/firms,0,4
event,matchmaking/demands,0,0
event,matchmaking/financing_intended_yuan,0,0
event,matchmaking/financing_signed_yuan,0,0
event,matchmaking/positions,0,0
event,matchmaking/attendees,0,0
event,matchmaking/hires,0,0
event,matchmaking/contracts,0,3
event,matchmaking/booklets,0,0
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
