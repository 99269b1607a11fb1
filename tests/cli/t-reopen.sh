#!/bin/sh
# qf reopen: a closed demand is reopened (重办) with a reason: back to its
# unit with a new deadline, or open when it never had a unit; the closing
# fields go (they stay in the log).
. "${QF_SRC}/tests/cli/lib.sh"

demand_store s
cd s
qf add-demand --firm 北方光电 --title 招工难 --category labour \
	--opened 2023-06-02 >/dev/null
qf add-demand --firm 北方光电 --title 用电贵 --category energy \
	--opened 2023-06-02 >/dev/null
F=demands/2023-06.yaml
# 0001 resolved by 自然资源局; 0002 adopted and rated; 0003 declined
# without a unit; 0004 open; 0005 assigned.
qf assign --dept 自然资源局 --owner 张科长 --due 2023-06-20 --date 2023-06-03 \
	D-HY-202306-0001 D-HY-202306-0002 D-HY-202306-0005 >/dev/null
qf resolve -m 已调整用地指标 --date 2023-06-10 D-HY-202306-0001 D-HY-202306-0002 >/dev/null
qf follow-up -s 满意 --date 2023-06-11 D-HY-202306-0002 >/dev/null
qf resolve --decline -m 超出本级权限 --date 2023-06-04 D-HY-202306-0003 >/dev/null

test_start "reopen a resolved problem: assigned again, due after due_days, closing fields gone"
keep_others D-HY-202306-0001 $F
if expect_code 0 qf reopen --reason 企业反映问题复发 --by 李主任 --date 2023-06-12 \
	D-HY-202306-0001 &&
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
owner: 张科长
due: 2023-06-27
status: assigned
log:
- date: 2023-06-01
  action: collect
  by: 测试员
- date: 2023-06-03
  action: assign
  by: 测试员
  dept: 自然资源局
  owner: 张科长
  due: 2023-06-20
- date: 2023-06-10
  action: resolve
  by: 测试员
  note: 已调整用地指标
- date: 2023-06-12
  action: reopen
  by: 李主任
  note: 企业反映问题复发
  due: 2023-06-27
X
	others_kept D-HY-202306-0001 $F &&
	expect_code 0 qf check
then pass; fi

test_start "reopen a rated, adopted suggestion with --due: the satisfaction goes too; \$QF_USER"
if expect_code 0 env QF_USER=王干事 qf reopen -m 公交班次过少 --due 2023-07-31 D-HY-202306-0002 &&
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
dept: 自然资源局
owner: 张科长
due: 2023-07-31
status: assigned
log:
- date: 2023-06-01
  action: collect
  by: 测试员
- date: 2023-06-03
  action: assign
  by: 测试员
  dept: 自然资源局
  owner: 张科长
  due: 2023-06-20
- date: 2023-06-10
  action: adopt
  by: 测试员
  note: 已调整用地指标
- date: 2023-06-11
  action: follow-up
  by: 测试员
  satisfaction: satisfied
- date: 2023-06-15
  action: reopen
  by: 王干事
  note: 公交班次过少
  due: 2023-07-31
X
	expect_code 0 qf check
then pass; fi

test_start "reopen a declined demand that never had a unit: open, no due date (--days ignored)"
if expect_code 0 qf reopen --reason 政策调整后可办 --days 5 --date 2023-06-06 D-HY-202306-0003 &&
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
- date: 2023-06-06
  action: reopen
  by: 测试员
  note: 政策调整后可办
X
	expect_code 0 qf check
then pass; fi

test_start "reopen with --days: the due date counts from --date"
qf resolve -m 第二次办结 --date 2023-06-13 D-HY-202306-0001 >/dev/null
if expect_code 0 qf reopen --reason 再次复发 --days 5 --date 2023-06-14 D-HY-202306-0001 &&
	assert test "$(doc D-HY-202306-0001 $F | grep -c -e '^due: 2023-06-19$' -e '^  due: 2023-06-19$')" = 2 &&
	assert test "$(doc D-HY-202306-0001 $F | grep -c -e '^closed:' -e '^resolution:')" = 0 &&
	assert test "$(doc D-HY-202306-0001 $F | grep -c '^status: assigned$')" = 1 &&
	expect_code 0 qf check
then pass; fi

snap .
test_start "an open or an assigned demand is refused (65), named, nothing changed"
if expect_code 65 qf reopen --reason x D-HY-202306-0004 && expect_out <<'X' &&
X
	expect_err <<'X' &&
qf-reopen: D-HY-202306-0004: it is 'open', not closed
X
	expect_code_err 65 qf reopen --reason x D-HY-202306-0005 <<'X' &&
qf-reopen: D-HY-202306-0005: it is 'assigned', not closed
X
	unchanged .; then pass; fi

qf resolve -m 已招到 --date 2023-06-15 D-HY-202306-0005 >/dev/null
snap .
test_start "no reason: a usage error (64)"
if expect_code_err 64 qf reopen D-HY-202306-0005 <<'X' &&
qf-reopen: reopening needs a reason (--reason)
X
	expect_code 64 qf reopen --reason '' D-HY-202306-0005 &&
	unchanged .; then pass; fi

test_start "a --date before the last log entry, or before the opening: refused (65)"
if expect_code_err 65 qf reopen --reason x --date 2023-06-14 D-HY-202306-0005 <<'X' &&
qf-reopen: D-HY-202306-0005: the date is before the last entry of its history (2023-06-15)
X
	expect_code 65 qf reopen --reason x --date 2023-06-01 D-HY-202306-0005 &&
	expect_err_has "the date is before the demand was opened (2023-06-02)" &&
	unchanged .; then pass; fi

test_start "--due with --days, bad dates, options that do not apply: 64"
if expect_code_err 64 qf reopen --reason x --due 2023-07-01 --days 3 D-HY-202306-0005 <<'X' &&
qf-reopen: give --due or --days, not both
X
	expect_code 64 qf reopen --reason x --due 2023/07/01 D-HY-202306-0005 &&
	expect_code 64 qf reopen --reason x --days 0 D-HY-202306-0005 &&
	expect_code 64 qf reopen --reason x --dept 金融办 D-HY-202306-0005 &&
	expect_err_has "--dept does not apply to reopen" &&
	expect_code 64 qf reopen --reason x -s 不满意 D-HY-202306-0005 &&
	expect_code 64 qf reopen --reason x --decline D-HY-202306-0005 &&
	expect_code 64 qf reopen --reason x --owner 李 D-HY-202306-0005 &&
	expect_code_err 64 qf reopen --reason x --date 2023-06-16 D-HY-202306-0005 <<'X' &&
qf-reopen: --date: 2023-06-16 is in the future
X
	unchanged .; then pass; fi

test_start "no IDs and an empty standard input: 0, nothing changed"
if no_ids_no_change qf reopen --reason x; then pass; fi

qf resolve -m 已协调 D-HY-202306-0001 D-HY-202306-0002 >/dev/null
test_start "a batch from standard input: open (65) and unknown (66) fail, the rest reopened"
if printf 'D-HY-202306-0001\t用地紧张\nD-HY-202306-0004\nD-HY-202306-0088\nD-HY-202306-0002\t建议开通公交\n' >"$T/in" &&
	expect_code 65 qf reopen --reason 督查抽查发现未落实 <"$T/in" &&
	expect_out <<'X' &&
D-HY-202306-0001
D-HY-202306-0002
X
	expect_err <<'X' &&
qf-reopen: D-HY-202306-0004: it is 'open', not closed
qf-reopen: D-HY-202306-0088: no demand 'D-HY-202306-0088'
X
	assert test "$(grep -c '^status: assigned$' $F)" = 2 &&
	assert test "$(grep -c '^  note: 督查抽查发现未落实$' $F)" = 2 &&
	expect_code 0 qf check
then pass; fi

snap .
# As qf assign refuses a deadline before the day of assignment, reopening
# (which hands the demand back to its unit) must not set one either.
test_start "a new due date before the day it is reopened is refused (65), nothing changed"
if assert test "$(doc D-HY-202306-0005 $F | grep -c '^status: resolved$')" = 1 &&
	expect_code_err 65 qf reopen --reason x --due 2023-06-10 D-HY-202306-0005 <<'X' &&
qf-reopen: D-HY-202306-0005: the new due date is before the day it is reopened
X
	unchanged .; then pass; fi

add_extended_resolved D-HY-202306-0006
test_start "reopening starts a new round: original_due of the old one goes"
if expect_code 0 qf reopen --reason 证照有误 --due 2023-06-30 --date 2023-06-11 D-HY-202306-0006 &&
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
  action: reopen
  by: 测试员
  note: 证照有误
  due: 2023-06-30
X
	expect_code 0 qf check
then pass; fi

test_start "--help: the usage on stdout, exit 0; a bad option: 64"
if action_help reopen "Usage: qf reopen --reason TEXT"; then pass; fi

done_testing
