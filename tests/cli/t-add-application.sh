#!/bin/sh
# qf add-application: a project application (申报), its first log entry,
# amounts as offices write them, firms and policies by a part of their
# names, and what it refuses (nothing written).
. "${QF_SRC}/tests/cli/lib.sh"
new_store s
cd s
qf add-firm --name 燕京啤酒（衡阳）有限公司 >/dev/null
qf add-firm --name 衡阳北方光电信息技术有限公司 >/dev/null
qf add-policy --title 超长期特别国债项目补助 >/dev/null
qf add-policy --title 技术改造专项资金 >/dev/null
qf add-policy --title 技术创新奖励 >/dev/null

test_start "an application under a policy named by part of its title, 4400万元, today"
if expect_code 0 qf add-application --firm 燕京 --policy 国债 --project 智能酿造产线 \
	--requested 4400万元 --dept 经济 --source 窗口 --by 赵干事 --note 第一批 &&
	expect_out <<'X'
A-HY-202306-0001
X
then
	cat >"$T/expected" <<'X'
---
id: A-HY-202306-0001
firm: F-HY-0001
policy: P-HY-0001
project: 智能酿造产线
requested: 44000000
filed: 2023-06-15
dept: 经济发展局
status: filed
source: 窗口
note: 第一批
log:
- date: 2023-06-15
  action: file
  by: 赵干事
  amount: 44000000
X
	if diff -u "$T/expected" applications/2023-06.yaml >"$T/diffout"; then pass; else fail "record"; cat "$T/diffout"; fi
fi

test_start "1.2亿元 and a date: the ID of that month, appended to its file"
if expect_code 0 qf add-application --firm F-HY-0002 --policy P-HY-0002 --project 二期 \
	--requested 1.2亿元 --date 2023-05-20 && expect_out <<'X'
A-HY-202305-0001
X
then
	if grep -q '^requested: 120000000$' applications/2023-05.yaml &&
		grep -q '^filed: 2023-05-20$' applications/2023-05.yaml; then pass; else fail "file"; fi
fi

test_start "no amount: no requested field, no amount in the log"
if expect_code 0 qf add-application -f 北方 -P 创新奖励 -p 光学镜头 &&
	expect_out <<'X'
A-HY-202306-0002
X
then
	if doc A-HY-202306-0002 applications/2023-06.yaml | grep -q 'requested\|amount'; then fail "amount"; else pass; fi
fi

snap .
test_start "refused, nothing written: usage errors (64)"
ok=1
expect_code 64 qf add-application --policy 国债 --project x && expect_err_has "which firm?" || ok=0
expect_code 64 qf add-application --firm 燕京 --project x && expect_err_has "under which policy?" || ok=0
expect_code 64 qf add-application --firm 燕京 --policy 国债 && expect_err_has "project's name" || ok=0
expect_code 64 qf add-application --firm 燕京 --policy 国债 --project x --requested 12.345元 &&
	expect_err_has "--requested: '12.345元' is not an amount of money" || ok=0
expect_code 64 qf add-application --firm 燕京 --policy 国债 --project x --requested 很多 || ok=0
# The schema's maximum is 10^12 yuan (1万亿元): past it the option is at fault.
expect_code 64 qf add-application --firm 燕京 --policy 国债 --project x --requested 20000亿元 &&
	expect_err_has "--requested: '20000亿元' is more than 1000000000000 yuan" || ok=0
expect_code 64 qf add-application --firm 燕京 --policy 国债 --project x --date 2023-07-01 &&
	expect_err_has "in the future" || ok=0
expect_code 64 qf add-application --firm 燕京 --policy 国债 --project x --source D-HY-202306-0001 &&
	expect_err_has "not a visit or event ID" || ok=0
expect_code 64 qf add-application --firm 燕京 --policy 国债 --project x --dept 不存在局 || ok=0
[ $ok = 1 ] && unchanged . && pass

test_start "refused, nothing written: ambiguous policy (65), no such policy, firm or visit (66)"
ok=1
expect_code 65 qf add-application --firm 燕京 --policy 技术 --project x &&
	expect_err_has "policy title '技术' is ambiguous (2 policies)" || ok=0
expect_code 66 qf add-application --firm 燕京 --policy 人才 --project x &&
	expect_err_has "no policy matches '人才'" || ok=0
expect_code 66 qf add-application --firm 燕京 --policy P-HY-0009 --project x || ok=0
expect_code 65 qf add-application --firm 燕京 --policy F-HY-0001 --project x &&
	expect_err_has "'F-HY-0001' is not a policy ID" || ok=0
expect_code 66 qf add-application --firm 华为 --policy 国债 --project x || ok=0
expect_code 66 qf add-application --firm 燕京 --policy 国债 --project x --source V-HY-202306-0001 &&
	expect_err_has "no record 'V-HY-202306-0001'" || ok=0
[ $ok = 1 ] && unchanged . && pass

test_start "check: the store is clean"
if expect_code 0 qf check && expect_err_has "0 problems"; then pass; fi

done_testing
