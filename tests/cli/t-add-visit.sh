#!/bin/sh
# qf add-visit: visits that raise demands and hand over policies.
. "${QF_SRC}/tests/cli/lib.sh"
new_store s
cd s
qf add-firm --name 燕京啤酒（衡阳）有限公司 >/dev/null
qf add-firm --name 衡阳风顺车桥有限公司 >/dev/null
qf add-firm --name 风顺物流有限公司 >/dev/null
qf add-policy --title 稳岗返还 >/dev/null

test_start "a visit with two demands and a policy: three records, IDs printed"
if expect_code 0 qf add-visit --firm 燕京 --date 2023-05-04 --visitor 王主任，李科长 \
	--kind 走访 --policy P-HY-0001 --note 座谈了解生产经营情况 \
	--problem '厂区停车位不足，员工车辆乱停' --category infrastructure \
	--suggestion '园区增开公交线路' --category 物流 --detail '早晚高峰通勤难' &&
	expect_out <<'X'
V-HY-202305-0001
D-HY-202305-0001
D-HY-202305-0002
X
then
	cat >"$T/expected" <<'X'
---
id: V-HY-202305-0001
date: 2023-05-04
firm: F-HY-0001
visitors: [王主任, 李科长]
kind: visit
policies: [P-HY-0001]
demands: [D-HY-202305-0001, D-HY-202305-0002]
note: 座谈了解生产经营情况
X
	if diff -u "$T/expected" visits/2023-05.yaml >"$T/diffout"; then pass; else fail "visit"; cat "$T/diffout"; fi
fi

test_start "the demands carry source, kind, level, category and a collect log entry"
cat >"$T/expected" <<'X'
---
id: D-HY-202305-0001
firm: F-HY-0001
opened: 2023-05-04
source: V-HY-202305-0001
kind: problem
level: local
category: infrastructure
title: 厂区停车位不足，员工车辆乱停
status: open
log:
- date: 2023-05-04
  action: collect
  by: 测试员
---
id: D-HY-202305-0002
firm: F-HY-0001
opened: 2023-05-04
source: V-HY-202305-0001
kind: suggestion
level: local
category: logistics
title: 园区增开公交线路
detail: 早晚高峰通勤难
status: open
log:
- date: 2023-05-04
  action: collect
  by: 测试员
X
if diff -u "$T/expected" demands/2023-05.yaml >"$T/diffout"; then pass; else fail "demands"; cat "$T/diffout"; fi

test_start "sequence numbers go on within the month and start again in the next"
if expect_code 0 qf add-visit --firm F-HY-0002 --date 2023-05-20 -v 王主任 \
	-p '银行授信评级下调' -c financing --higher --amount 5000000 &&
	expect_out <<'X' &&
V-HY-202305-0002
D-HY-202305-0003
X
	expect_code 0 qf add-visit --firm F-HY-0002 --date 2023-06-01 -v 王主任 &&
	expect_out <<'X' &&
V-HY-202306-0001
X
	assert grep -q 'amount: 5000000' demands/2023-05.yaml &&
	assert grep -q 'level: higher' demands/2023-05.yaml &&
	expect_code 0 qf check
then pass; fi

test_start "visitor defaults to the actor (QF_USER)"
if expect_code 0 qf add-visit --firm 燕京 --date 2023-06-02 &&
	assert grep -q 'visitors: \[测试员\]' visits/2023-06.yaml; then pass; fi

snap .
test_start "an ambiguous firm name is refused with the candidates (65)"
if expect_code 65 qf add-visit --firm 风顺 && expect_err_has "ambiguous (2 firms)" &&
	expect_err_has "F-HY-0002 衡阳风顺车桥有限公司" && expect_err_has "F-HY-0003 风顺物流有限公司" &&
	unchanged .; then pass; fi

test_start "an unknown firm (66) and an unknown firm ID (66)"
if expect_code 66 qf add-visit --firm 不存在 && expect_err_has "no firm matches '不存在'" &&
	expect_code 66 qf add-visit --firm F-HY-0099 && expect_err_has "no firm 'F-HY-0099'" &&
	unchanged .; then pass; fi

test_start "a path-like or malformed firm ID is never used as a file name"
if expect_code 66 qf add-visit --firm ../../etc/passwd && expect_code 66 qf add-visit --firm F-HY-0001/.. &&
	unchanged .; then pass; fi

test_start "an unknown policy is refused (65) and nothing is written"
if expect_code 65 qf add-visit --firm 燕京 --policy P-HY-0042 -p 'x' -c land &&
	expect_err_has "no policy 'P-HY-0042'" && unchanged .; then pass; fi

test_start "a demand without category, a category before any demand, a bad category: 64"
if expect_code 64 qf add-visit --firm 燕京 -p '用地' && expect_err_has "needs a category" &&
	expect_code 64 qf add-visit --firm 燕京 -c land && expect_err_has "must follow --problem" &&
	expect_code 64 qf add-visit --firm 燕京 -p x -c 天气 && expect_err_has "is not one of" &&
	expect_code 64 qf add-visit --firm 燕京 --kind party &&
	expect_code 64 qf add-visit --firm 燕京 -p x -c land --amount 12.5 &&
	expect_code 64 qf add-visit --firm 燕京 --date 2023-02-29 &&
	unchanged .; then pass; fi

test_start "an over-long title breaks the schema (65) naming the field"
long=$(printf '很%.0s' $(seq 1 201))
if expect_code 65 qf add-visit --firm 燕京 -p "$long" -c land &&
	expect_err_has "field 'title'" && unchanged .; then pass; fi

done_testing
