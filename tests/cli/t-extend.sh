#!/bin/sh
# qf extend: a later deadline and a reason (延期) for an assigned demand;
# the first deadline is kept as original_due.
. "${QF_SRC}/tests/cli/lib.sh"

demand_store s
cd s
F=demands/2023-06.yaml
qf assign --dept 自然资源局 --owner 张科长 --due 2023-06-05 --date 2023-06-02 \
	D-HY-202306-0001 >/dev/null

test_start "the first extension: new due, original_due kept, a log entry with the due"
keep_others D-HY-202306-0001 $F
if expect_code 0 qf extend --due 2023-06-20 --reason 需要协调规划部门 --by 张科长 \
	--date 2023-06-04 D-HY-202306-0001 &&
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
due: 2023-06-20
original_due: 2023-06-05
status: assigned
log:
- date: 2023-06-01
  action: collect
  by: 测试员
- date: 2023-06-02
  action: assign
  by: 测试员
  dept: 自然资源局
  owner: 张科长
  due: 2023-06-05
- date: 2023-06-04
  action: extend
  by: 张科长
  note: 需要协调规划部门
  due: 2023-06-20
X
	others_kept D-HY-202306-0001 $F &&
	expect_code 0 qf check
then pass; fi

test_start "the second extension: --days from the current due; original_due stays the first"
if expect_code 0 qf extend --days 20 -m 审批流程较长 --date 2023-06-10 D-HY-202306-0001 &&
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
due: 2023-07-10
original_due: 2023-06-05
status: assigned
log:
- date: 2023-06-01
  action: collect
  by: 测试员
- date: 2023-06-02
  action: assign
  by: 测试员
  dept: 自然资源局
  owner: 张科长
  due: 2023-06-05
- date: 2023-06-04
  action: extend
  by: 张科长
  note: 需要协调规划部门
  due: 2023-06-20
- date: 2023-06-10
  action: extend
  by: 测试员
  note: 审批流程较长
  due: 2023-07-10
X
	expect_code 0 qf check
then pass; fi

snap .
test_start "an open demand is not extended (65), named, nothing changed"
if expect_code 65 qf extend --due 2023-07-30 --reason x D-HY-202306-0002 &&
	expect_out <<'X' &&
X
	expect_err <<'X' &&
qf-extend: D-HY-202306-0002: it is 'open': only an assigned demand is extended
X
	unchanged .; then pass; fi

test_start "a due date not after the current one is refused (65)"
if expect_code_err 65 qf extend --due 2023-07-01 --reason x D-HY-202306-0001 <<'X' &&
qf-extend: D-HY-202306-0001: the new due date is not after the current one (2023-07-10)
X
	expect_code 65 qf extend --due 2023-07-10 --reason x D-HY-202306-0001 &&
	expect_err_has "not after the current one (2023-07-10)" &&
	unchanged .; then pass; fi

test_start "no reason, or no new due date: usage errors (64)"
if expect_code_err 64 qf extend --due 2023-08-30 D-HY-202306-0001 <<'X' &&
qf-extend: an extension needs a reason (--reason)
X
	expect_code 64 qf extend --reason '' --days 3 D-HY-202306-0001 &&
	expect_err_has "an extension needs a reason (--reason)" &&
	expect_code_err 64 qf extend --reason 再等等 D-HY-202306-0001 <<'X' &&
qf-extend: until when? (--due or --days)
X
	unchanged .; then pass; fi

test_start "a --date before the last log entry, or before the opening: refused (65)"
if expect_code_err 65 qf extend --due 2023-08-30 --reason x --date 2023-06-09 D-HY-202306-0001 <<'X' &&
qf-extend: D-HY-202306-0001: the date is before the last entry of its history (2023-06-10)
X
	expect_code 65 qf extend --due 2023-08-30 --reason x --date 2023-05-01 D-HY-202306-0001 &&
	expect_err_has "the date is before the demand was opened (2023-06-01)" &&
	unchanged .; then pass; fi

test_start "--due with --days, bad dates and days, options of other actions: 64"
if expect_code_err 64 qf extend --due 2023-08-30 --days 3 --reason x D-HY-202306-0001 <<'X' &&
qf-extend: give --due or --days, not both
X
	expect_code 64 qf extend --due 2023-13-01 --reason x D-HY-202306-0001 &&
	expect_err_has "--due: '2023-13-01' is not a date" &&
	expect_code 64 qf extend --days -5 --reason x D-HY-202306-0001 &&
	expect_err_has "--days: '-5' is not a number of days from 1 to 3650" &&
	expect_code 64 qf extend --days '' --reason x D-HY-202306-0001 &&
	expect_code 64 qf extend --dept 金融办 --days 3 --reason x D-HY-202306-0001 &&
	expect_err_has "--dept does not apply to extend" &&
	expect_code 64 qf extend --owner 李 --days 3 --reason x D-HY-202306-0001 &&
	expect_code 64 qf extend --satisfaction 满意 --days 3 --reason x D-HY-202306-0001 &&
	expect_code 64 qf extend --decline --days 3 --reason x D-HY-202306-0001 &&
	expect_code_err 64 qf extend --days 3 --reason x --date 2023-07-01 D-HY-202306-0001 <<'X' &&
qf-extend: --date: 2023-07-01 is in the future
X
	unchanged .; then pass; fi

test_start "no IDs and an empty standard input: 0, nothing changed"
if no_ids_no_change qf extend --days 3 --reason x; then pass; fi

qf resolve -m 已放款 --date 2023-06-10 D-HY-202306-0003 >/dev/null
snap .
test_start "a closed demand is not extended (65)"
if expect_code_err 65 qf extend --days 3 --reason x D-HY-202306-0003 <<'X' &&
qf-extend: D-HY-202306-0003: it is 'resolved': only an assigned demand is extended
X
	unchanged .; then pass; fi

qf add-demand --firm 燕京 --title 招工难 --category labour >/dev/null     # 0004
qf add-demand --firm 北方 --title 用电贵 --category energy >/dev/null     # 0005
qf assign --dept 经济发展局 --due 2023-06-25 D-HY-202306-0004 >/dev/null
qf assign --dept 金融办 --due 2023-06-28 D-HY-202306-0005 >/dev/null
test_start "IDs from standard input: --days counts from each demand's own due date"
if printf 'D-HY-202306-0004\t招工难\nD-HY-202306-0005\t用电贵\n' >"$T/in" &&
	expect_code 0 qf extend --days 10 --reason 统一延期 <"$T/in" &&
	expect_out <<'X' &&
D-HY-202306-0004
D-HY-202306-0005
X
	run sh -c "grep -E '^(id|due|original_due):' $F | sed -n '/0004/,\$p'" &&
	expect_out <<'X' &&
id: D-HY-202306-0004
due: 2023-07-05
original_due: 2023-06-25
id: D-HY-202306-0005
due: 2023-07-08
original_due: 2023-06-28
X
	expect_code 0 qf check
then pass; fi

test_start "a batch: the open and the unknown ones fail, the first failure's status (65)"
if expect_code 65 qf extend --due 2023-09-01 --reason 汛期 \
	D-HY-202306-0004 D-HY-202306-0002 D-HY-202306-0077 D-HY-202306-0005 &&
	expect_out <<'X' &&
D-HY-202306-0004
D-HY-202306-0005
X
	expect_err <<'X' &&
qf-extend: D-HY-202306-0002: it is 'open': only an assigned demand is extended
qf-extend: D-HY-202306-0077: no demand 'D-HY-202306-0077'
X
	assert test "$(grep -c '^due: 2023-09-01$' $F)" = 2 &&
	assert grep -q '^original_due: 2023-06-25$' $F &&
	assert grep -q '^original_due: 2023-06-05$' $F &&
	expect_code 0 qf check
then pass; fi

test_start "a batch whose first failure is an unknown ID: 66"
if expect_code 66 qf extend --days 1 --reason x D-HY-202306-0077 D-HY-202306-0002 &&
	expect_out <<'X' &&
X
	expect_code 0 qf check; then pass; fi

test_start "--help: the usage on stdout, exit 0; a bad option: 64"
if action_help extend "Usage: qf extend (--due DATE | --days N) --reason TEXT"; then pass; fi

done_testing
