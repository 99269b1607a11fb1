#!/bin/sh
# qf return: a unit sends an assigned demand back (退回) with a reason; it
# is open again, its unit, co-units, owner and deadlines cleared.
. "${QF_SRC}/tests/cli/lib.sh"

demand_store s
cd s
F=demands/2023-06.yaml
qf assign --dept 金融办 --codept 经济发展局,自然资源局 --owner 张科长 \
	--due 2023-06-10 --date 2023-06-03 D-HY-202306-0001 >/dev/null
qf extend --due 2023-06-20 --reason 材料不全 --date 2023-06-08 D-HY-202306-0001 >/dev/null

test_start "return: open again, dept/codepts/owner/due/original_due cleared, the unit in the log"
keep_others D-HY-202306-0001 $F
if expect_code 0 qf return --reason 非本单位职责，应由自然资源局主办 --by 张科长 \
	--date 2023-06-09 D-HY-202306-0001 &&
	expect_out <<'X' &&
D-HY-202306-0001
X
	run doc D-HY-202306-0001 $F && expect_out <<'X' &&
---
id: D-HY-202306-0001
firm: F-HY-0001
opened: 2023-06-01
source: V-HY-202306-0001
kind: problem
level: local
category: land
title: 用地紧张
status: open
log:
- date: 2023-06-01
  action: collect
  by: 测试员
- date: 2023-06-03
  action: assign
  by: 测试员
  dept: 金融办
  codepts: [经济发展局, 自然资源局]
  owner: 张科长
  due: 2023-06-10
- date: 2023-06-08
  action: extend
  by: 测试员
  note: 材料不全
  due: 2023-06-20
- date: 2023-06-09
  action: return
  by: 张科长
  note: 非本单位职责，应由自然资源局主办
  dept: 金融办
X
	others_kept D-HY-202306-0001 $F &&
	expect_code 0 qf check
then pass; fi

test_start "a returned demand is assigned anew, with a fresh first deadline"
if expect_code 0 qf assign --dept 自然资源局 --due 2023-06-30 --date 2023-06-10 D-HY-202306-0001 &&
	expect_code 0 qf extend --due 2023-07-15 --reason 需测绘 --date 2023-06-12 D-HY-202306-0001 &&
	run sed -n '/^id: D-HY-202306-0001/,/^log:/p' $F &&
	expect_out <<'X' &&
id: D-HY-202306-0001
firm: F-HY-0001
opened: 2023-06-01
source: V-HY-202306-0001
kind: problem
level: local
category: land
title: 用地紧张
dept: 自然资源局
due: 2023-07-15
original_due: 2023-06-30
status: assigned
log:
X
	expect_code 0 qf check
then pass; fi

test_start "return with \$QF_USER as the actor and the default date"
qf assign --dept 经济发展局 --date 2023-06-05 D-HY-202306-0002 >/dev/null
if expect_code 0 env QF_USER=王干事 qf return -m 建议类应由交通部门办理 D-HY-202306-0002 &&
	run doc D-HY-202306-0002 $F && expect_out <<'X' &&
---
id: D-HY-202306-0002
firm: F-HY-0001
opened: 2023-06-01
source: V-HY-202306-0001
kind: suggestion
level: local
category: infrastructure
title: 建议开通公交
status: open
log:
- date: 2023-06-01
  action: collect
  by: 测试员
- date: 2023-06-05
  action: assign
  by: 测试员
  dept: 经济发展局
  due: 2023-06-20
- date: 2023-06-15
  action: return
  by: 王干事
  note: 建议类应由交通部门办理
  dept: 经济发展局
X
	expect_code 0 qf check
then pass; fi

snap .
test_start "an open demand is not returned (65), named, nothing changed"
if expect_code 65 qf return --reason x D-HY-202306-0002 && expect_out <<'X' &&
X
	expect_err <<'X' &&
qf-return: D-HY-202306-0002: it is 'open': only an assigned demand is returned
X
	unchanged .; then pass; fi

test_start "a return without a reason is a usage error (64)"
if expect_code_err 64 qf return D-HY-202306-0001 <<'X' &&
qf-return: a return needs a reason (--reason)
X
	expect_code 64 qf return --reason '' D-HY-202306-0001 &&
	unchanged .; then pass; fi

test_start "a --date before the last log entry is refused (65)"
if expect_code_err 65 qf return --reason x --date 2023-06-11 D-HY-202306-0001 <<'X' &&
qf-return: D-HY-202306-0001: the date is before the last entry of its history (2023-06-12)
X
	unchanged .; then pass; fi

test_start "options that do not apply, a bad date: 64"
if expect_code_err 64 qf return --reason x --dept 金融办 D-HY-202306-0001 <<'X' &&
qf-return: --dept does not apply to return
X
	expect_code 64 qf return --reason x --due 2023-07-01 D-HY-202306-0001 &&
	expect_code 64 qf return --reason x --days 5 D-HY-202306-0001 &&
	expect_code 64 qf return --reason x --owner 张 D-HY-202306-0001 &&
	expect_code 64 qf return --reason x --date 20230615 D-HY-202306-0001 &&
	expect_code_err 64 qf return --reason x --date 2024-01-01 D-HY-202306-0001 <<'X' &&
qf-return: --date: 2024-01-01 is in the future
X
	unchanged .; then pass; fi

qf resolve -m 已放款 --date 2023-06-05 D-HY-202306-0003 >/dev/null
snap .
test_start "a closed demand is not returned (65)"
if expect_code_err 65 qf return --reason x D-HY-202306-0003 <<'X' &&
qf-return: D-HY-202306-0003: it is 'resolved': only an assigned demand is returned
X
	unchanged .; then pass; fi

test_start "no IDs and an empty standard input: 0, nothing changed"
if no_ids_no_change qf return --reason x; then pass; fi

qf add-demand --firm 燕京 --title 招工难 --category labour >/dev/null     # 0004
qf add-demand --firm 北方 --title 用电贵 --category energy >/dev/null     # 0005
qf assign --dept 经济发展局 D-HY-202306-0004 D-HY-202306-0005 >/dev/null
test_start "a batch from standard input: closed and unknown ones fail (65 first), the rest returned"
if printf 'D-HY-202306-0004\t招工难\nD-HY-202306-0003\t贷款难\nD-HY-202306-0066\nD-HY-202306-0005\t用电贵\n' >"$T/in" &&
	expect_code 65 qf return --reason 职责调整 <"$T/in" &&
	expect_out <<'X' &&
D-HY-202306-0004
D-HY-202306-0005
X
	expect_err <<'X' &&
qf-return: D-HY-202306-0003: it is 'resolved': only an assigned demand is returned
qf-return: D-HY-202306-0066: no demand 'D-HY-202306-0066'
X
	assert test "$(doc D-HY-202306-0005 $F | grep -c -e '^dept:' -e '^due:')" = 0 &&
	assert test "$(doc D-HY-202306-0004 $F | grep -c '^status: open$')" = 1 &&
	expect_code 0 qf check
then pass; fi

test_start "--help: the usage on stdout, exit 0; a bad option: 64"
if action_help return "Usage: qf return --reason TEXT"; then pass; fi

done_testing
