#!/bin/sh
# qf follow-up: the follow-up call (回访) on a closed demand records the
# firm's satisfaction; 不满意 reopens it (重办) with its unit and a new
# deadline.
. "${QF_SRC}/tests/cli/lib.sh"

demand_store s
cd s
qf add-demand --firm 北方光电 --title 招工难 --category labour \
	--opened 2023-06-02 >/dev/null
F=demands/2023-06.yaml
# 0001 resolved by 自然资源局; 0002 adopted; 0003 declined without a unit;
# 0004 assigned.
qf assign --dept 自然资源局 --owner 张科长 --codept 金融办 --due 2023-06-20 \
	--date 2023-06-03 D-HY-202306-0001 D-HY-202306-0002 D-HY-202306-0004 >/dev/null
qf resolve -m 已调整用地指标 --date 2023-06-10 D-HY-202306-0001 D-HY-202306-0002 >/dev/null
qf resolve --decline -m 超出本级权限 --date 2023-06-04 D-HY-202306-0003 >/dev/null

test_start "满意: satisfaction on the record and in a 'follow-up' entry with the note"
keep_others D-HY-202306-0001 $F
if expect_code 0 qf follow-up --satisfaction 满意 -m 企业表示感谢 --by 赵干事 \
	--date 2023-06-12 D-HY-202306-0001 &&
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
dept: 自然资源局
codepts: [金融办]
owner: 张科长
due: 2023-06-20
status: resolved
closed: 2023-06-10
resolution: 已调整用地指标
satisfaction: satisfied
log:
- date: 2023-06-01
  action: collect
  by: 测试员
- date: 2023-06-03
  action: assign
  by: 测试员
  dept: 自然资源局
  codepts: [金融办]
  owner: 张科长
  due: 2023-06-20
- date: 2023-06-10
  action: resolve
  by: 测试员
  note: 已调整用地指标
- date: 2023-06-12
  action: follow-up
  by: 赵干事
  note: 企业表示感谢
  satisfaction: satisfied
X
	others_kept D-HY-202306-0001 $F &&
	expect_code 0 qf check
then pass; fi

test_start "基本满意 on an adopted suggestion, no note, today, \$QF_USER"
if expect_code 0 env QF_USER=王干事 qf follow-up -s 基本满意 D-HY-202306-0002 &&
	run sh -c "sed -n '/^id: D-HY-202306-0002/,/^---/p' $F | sed -n '/^status/,\$p'" &&
	expect_out <<'X' &&
status: adopted
closed: 2023-06-10
resolution: 已调整用地指标
satisfaction: basic
log:
- date: 2023-06-01
  action: collect
  by: 测试员
- date: 2023-06-03
  action: assign
  by: 测试员
  dept: 自然资源局
  codepts: [金融办]
  owner: 张科长
  due: 2023-06-20
- date: 2023-06-10
  action: adopt
  by: 测试员
  note: 已调整用地指标
- date: 2023-06-15
  action: follow-up
  by: 王干事
  satisfaction: basic
---
X
	expect_code 0 qf check
then pass; fi

test_start "不满意 reopens: assigned to its unit, due after due_days, closing fields gone, two entries"
if expect_code 0 qf follow-up -s 不满意 -m 指标仍未落地 --date 2023-06-13 D-HY-202306-0001 &&
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
dept: 自然资源局
codepts: [金融办]
owner: 张科长
due: 2023-06-28
status: assigned
log:
- date: 2023-06-01
  action: collect
  by: 测试员
- date: 2023-06-03
  action: assign
  by: 测试员
  dept: 自然资源局
  codepts: [金融办]
  owner: 张科长
  due: 2023-06-20
- date: 2023-06-10
  action: resolve
  by: 测试员
  note: 已调整用地指标
- date: 2023-06-12
  action: follow-up
  by: 赵干事
  note: 企业表示感谢
  satisfaction: satisfied
- date: 2023-06-13
  action: follow-up
  by: 测试员
  note: 指标仍未落地
  satisfaction: dissatisfied
- date: 2023-06-13
  action: reopen
  by: 测试员
  note: 回访不满意，重办
  due: 2023-06-28
X
	expect_code 0 qf check
then pass; fi

test_start "不满意 with --days: the new due date counts from --date"
qf resolve -m 第二次办结 --date 2023-06-13 D-HY-202306-0001 >/dev/null
if expect_code 0 qf follow-up -s dissatisfied --days 7 --date 2023-06-14 D-HY-202306-0001 &&
	doc D-HY-202306-0001 $F >"$T/doc" &&
	run sh -c "grep -E '^(due|status|closed|resolution|satisfaction):' '$T/doc'; tail -n 9 '$T/doc'" &&
	expect_out <<'X' &&
due: 2023-06-21
status: assigned
- date: 2023-06-14
  action: follow-up
  by: 测试员
  satisfaction: dissatisfied
- date: 2023-06-14
  action: reopen
  by: 测试员
  note: 回访不满意，重办
  due: 2023-06-21
X
	expect_code 0 qf check
then pass; fi

test_start "不满意 with --due"
qf resolve -m 第三次办结 --date 2023-06-14 D-HY-202306-0001 >/dev/null
if expect_code 0 qf follow-up -s 不满意 --due 2023-08-01 --date 2023-06-14 D-HY-202306-0001 &&
	assert test "$(doc D-HY-202306-0001 $F | grep -c -e '^due: 2023-08-01$' -e '^  due: 2023-08-01$')" = 2 &&
	assert test "$(doc D-HY-202306-0001 $F | grep -c -e '^closed:' -e '^resolution:' -e '^satisfaction:')" = 0 &&
	expect_code 0 qf check
then pass; fi

test_start "不满意 on a demand that never had a unit: open again, no due date"
if expect_code 0 qf follow-up -s 不满意 --date 2023-06-05 D-HY-202306-0003 &&
	run doc D-HY-202306-0003 $F && expect_out <<'X' &&
---
id: D-HY-202306-0003
firm: F-HY-0002
opened: 2023-06-02
source: 热线
kind: problem
level: local
category: financing
title: 贷款难
status: open
log:
- date: 2023-06-02
  action: collect
  by: 测试员
- date: 2023-06-04
  action: decline
  by: 测试员
  note: 超出本级权限
- date: 2023-06-05
  action: follow-up
  by: 测试员
  satisfaction: dissatisfied
- date: 2023-06-05
  action: reopen
  by: 测试员
  note: 回访不满意，重办
X
	expect_code 0 qf check
then pass; fi

snap .
test_start "an open or an assigned demand is refused (65), named, nothing changed"
if expect_code 65 qf follow-up -s 满意 D-HY-202306-0003 && expect_out <<'X' &&
X
	expect_err <<'X' &&
qf-follow-up: D-HY-202306-0003: it is 'open': a follow-up call comes after closing
X
	expect_code_err 65 qf follow-up -s 满意 D-HY-202306-0004 <<'X' &&
qf-follow-up: D-HY-202306-0004: it is 'assigned': a follow-up call comes after closing
X
	unchanged .; then pass; fi

test_start "no satisfaction rating: a usage error (64)"
if expect_code_err 64 qf follow-up -m 电话未接通 D-HY-202306-0002 <<'X' &&
qf-follow-up: how satisfied is the firm? (--satisfaction)
X
	unchanged .; then pass; fi

test_start "a --date before the last log entry is refused (65)"
if expect_code_err 65 qf follow-up -s 满意 --date 2023-06-14 D-HY-202306-0002 <<'X' &&
qf-follow-up: D-HY-202306-0002: the date is before the last entry of its history (2023-06-15)
X
	unchanged .; then pass; fi

test_start "a bad rating, --due with --days, options that do not apply: 64"
if expect_code_err 64 qf follow-up -s 非常满意 D-HY-202306-0002 <<'X' &&
qf-follow-up: --satisfaction: '非常满意' is not one of satisfied (满意), basic (基本满意), dissatisfied (不满意)
X
	expect_code 64 qf follow-up -s 不满意 --due 2023-07-01 --days 3 D-HY-202306-0002 &&
	expect_err_has "give --due or --days, not both" &&
	expect_code 64 qf follow-up -s 不满意 --days 9999 D-HY-202306-0002 &&
	expect_code 64 qf follow-up -s 不满意 --due 2023-07-32 D-HY-202306-0002 &&
	expect_code 64 qf follow-up -s 满意 --dept 金融办 D-HY-202306-0002 &&
	expect_err_has "--dept does not apply to follow-up" &&
	expect_code 64 qf follow-up -s 满意 --decline D-HY-202306-0002 &&
	expect_code 64 qf follow-up -s 满意 --owner 张 D-HY-202306-0002 &&
	expect_code_err 64 qf follow-up -s 满意 --date 2023-06-16 D-HY-202306-0002 <<'X' &&
qf-follow-up: --date: 2023-06-16 is in the future
X
	unchanged .; then pass; fi

test_start "no IDs and an empty standard input: 0, nothing changed"
if no_ids_no_change qf follow-up -s 满意; then pass; fi

qf add-demand --firm 燕京 --title 用电贵 --category energy >/dev/null     # 0005
qf resolve -m 已降电价 D-HY-202306-0005 D-HY-202306-0004 >/dev/null
test_start "a batch from standard input: open (65) and unknown (66) fail, the rest rated"
if printf 'D-HY-202306-0004\t招工难\nD-HY-202306-0003\nD-HY-202306-0044\nD-HY-202306-0005\t用电贵\n' >"$T/in" &&
	expect_code 65 qf follow-up -s 满意 <"$T/in" &&
	expect_out <<'X' &&
D-HY-202306-0004
D-HY-202306-0005
X
	expect_err <<'X' &&
qf-follow-up: D-HY-202306-0003: it is 'open': a follow-up call comes after closing
qf-follow-up: D-HY-202306-0044: no demand 'D-HY-202306-0044'
X
	assert test "$(grep -c '^satisfaction: satisfied$' $F)" = 2 &&
	expect_code 0 qf check
then pass; fi

qf resolve -m 再次办结 D-HY-202306-0001 >/dev/null
snap .
# As qf assign refuses a deadline before the day of assignment, a
# dissatisfied follow-up (which hands the demand back to its unit) must
# not set one either.
test_start "不满意 with a new due date before the day of the call is refused (65), nothing changed"
if assert test "$(doc D-HY-202306-0001 $F | grep -c '^status: resolved$')" = 1 &&
	expect_code_err 65 qf follow-up -s 不满意 --due 2023-06-14 D-HY-202306-0001 <<'X' &&
qf-follow-up: D-HY-202306-0001: the new due date is before the day it is reopened
X
	unchanged .; then pass; fi

add_extended_resolved D-HY-202306-0006
test_start "不满意 starts a new round: original_due of the old one goes"
if expect_code 0 qf follow-up -s 不满意 --due 2023-06-30 --date 2023-06-11 D-HY-202306-0006 &&
	run doc D-HY-202306-0006 $F && expect_out <<'X' &&
---
id: D-HY-202306-0006
firm: F-HY-0001
opened: 2023-06-01
kind: problem
level: local
category: environment
title: 排污许可
dept: 经济发展局
due: 2023-06-30
status: assigned
log:
- date: 2023-06-01
  action: collect
  by: 测试员
- date: 2023-06-02
  action: assign
  by: 测试员
  dept: 经济发展局
  due: 2023-06-05
- date: 2023-06-04
  action: extend
  by: 测试员
  note: 待环评
  due: 2023-06-12
- date: 2023-06-10
  action: resolve
  by: 测试员
  note: 已发证
- date: 2023-06-11
  action: follow-up
  by: 测试员
  satisfaction: dissatisfied
- date: 2023-06-11
  action: reopen
  by: 测试员
  note: 回访不满意，重办
  due: 2023-06-30
X
	expect_code 0 qf check
then pass; fi

test_start "--help: the usage on stdout, exit 0; a bad option: 64"
if action_help follow-up "Usage: qf follow-up --satisfaction RATING"; then pass; fi

done_testing
