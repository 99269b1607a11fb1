#!/bin/sh
# qf assign: open -> assigned (交办) with a lead unit, co-units, a person
# and a deadline; the rules of the shared action driver (IDs from the
# arguments or standard input, one report per demand, first failure's
# exit status).
. "${QF_SRC}/tests/cli/lib.sh"

demand_store s
cd s
F=demands/2023-06.yaml

test_start "assign with every option: the fields and the log entry"
keep_others D-HY-202306-0001 $F
if expect_code 0 qf assign --dept 自然资源局 --codept 经济发展局 --codept 金融 \
	--owner 张科长 --due 2023-06-30 -m 尽快办理 --by 李主任 --date 2023-06-05 \
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
codepts: [经济发展局, 金融办]
owner: 张科长
due: 2023-06-30
status: assigned
log:
- date: 2023-06-01
  action: collect
  by: 测试员
- date: 2023-06-05
  action: assign
  by: 李主任
  note: 尽快办理
  dept: 自然资源局
  codepts: [经济发展局, 金融办]
  owner: 张科长
  due: 2023-06-30
X
	others_kept D-HY-202306-0001 $F &&
	expect_code 0 qf check
then pass; fi

test_start "the defaults: today, \$QF_USER, due after the store's due_days (15); short options"
if expect_code 0 env QF_USER=王干事 qf assign -d 金融 D-HY-202306-0003 &&
	expect_out <<'X' &&
D-HY-202306-0003
X
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
dept: 金融办
due: 2023-06-30
status: assigned
log:
- date: 2023-06-02
  action: collect
  by: 测试员
- date: 2023-06-15
  action: assign
  by: 王干事
  dept: 金融办
  due: 2023-06-30
X
	expect_code 0 qf check
then pass; fi

test_start "--days counts from --date; a suggestion is assigned like a problem"
if expect_code 0 qf assign --dept 经济发展局 --days 10 --date 2023-06-10 \
	-o 刘科长 D-HY-202306-0002 &&
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
dept: 经济发展局
owner: 刘科长
due: 2023-06-20
status: assigned
log:
- date: 2023-06-01
  action: collect
  by: 测试员
- date: 2023-06-10
  action: assign
  by: 测试员
  dept: 经济发展局
  owner: 刘科长
  due: 2023-06-20
X
	expect_code 0 qf check
then pass; fi

snap .
test_start "an assigned demand is refused (65), named, nothing changed"
if expect_code 65 qf assign --dept 金融办 D-HY-202306-0001 &&
	expect_out <<'X' &&
X
	expect_err <<'X' &&
qf-assign: D-HY-202306-0001: it is 'assigned', not open: return it first to assign it anew
X
	unchanged .; then pass; fi

qf add-demand --firm 燕京 --title 招工难 --category labour >/dev/null     # 0004
qf add-demand --firm 燕京 --title 用电贵 --category energy --opened 2023-06-10 >/dev/null  # 0005
qf resolve -m 已协调 D-HY-202306-0004 >/dev/null
snap .
test_start "a closed demand is refused (65): reopen it first"
if expect_code_err 65 qf assign --dept 金融办 D-HY-202306-0004 <<'X' &&
qf-assign: D-HY-202306-0004: it is 'resolved', not open: reopen it first
X
	unchanged .; then pass; fi

test_start "a due date before the day of assignment is refused (65)"
if expect_code_err 65 qf assign --dept 金融办 --due 2023-06-11 --date 2023-06-12 D-HY-202306-0005 <<'X' &&
qf-assign: D-HY-202306-0005: the due date is before the day it is assigned
X
	unchanged .; then pass; fi

test_start "a --date before the demand was opened is refused (65)"
if expect_code_err 65 qf assign --dept 金融办 --date 2023-06-09 D-HY-202306-0005 <<'X' &&
qf-assign: D-HY-202306-0005: the date is before the demand was opened (2023-06-10)
X
	unchanged .; then pass; fi

qf note -m 企业补充材料 --date 2023-06-14 D-HY-202306-0005 >/dev/null
snap .
test_start "a --date before the last log entry is refused (65)"
if expect_code_err 65 qf assign --dept 金融办 --date 2023-06-13 D-HY-202306-0005 <<'X' &&
qf-assign: D-HY-202306-0005: the date is before the last entry of its history (2023-06-14)
X
	unchanged .; then pass; fi

test_start "no --dept: a usage error (64), nothing changed"
if expect_code_err 64 qf assign --owner 张科长 D-HY-202306-0005 <<'X' &&
qf-assign: to which unit? (--dept)
X
	unchanged .; then pass; fi

test_start "a --date in the future: a usage error (64), nothing changed"
if expect_code_err 64 qf assign --dept 金融办 --date 2023-06-16 D-HY-202306-0005 <<'X' &&
qf-assign: --date: 2023-06-16 is in the future
X
	unchanged .; then pass; fi

test_start "a unit not in the catalogue, or an ambiguous part of one: 64"
if expect_code_err 64 qf assign --dept 税务局 D-HY-202306-0005 <<'X' &&
qf-assign: --dept: '税务局' is not in the department catalogue of qf.yaml
X
	expect_code_err 64 qf assign --dept 局 D-HY-202306-0005 <<'X' &&
qf-assign: --dept: '局' is ambiguous: 经济发展局, 自然资源局
X
	expect_code 64 qf assign --dept 金融办 --codept 税务局 D-HY-202306-0005 &&
	expect_err_has "--codept: '税务局' is not in the department catalogue" &&
	expect_code 64 qf assign --dept 金融办 --codept 局 D-HY-202306-0005 &&
	expect_err_has "--codept: '局' is ambiguous" &&
	unchanged .; then pass; fi

test_start "bad dates and days, --due with --days, options of other actions: 64"
if expect_code 64 qf assign --dept 金融办 --due 2023-02-30 D-HY-202306-0005 &&
	expect_err_has "--due: '2023-02-30' is not a date" &&
	expect_code 64 qf assign --dept 金融办 --date 2023-6-20 D-HY-202306-0005 &&
	expect_err_has "--date: '2023-6-20' is not a date" &&
	expect_code 64 qf assign --dept 金融办 --days 0 D-HY-202306-0005 &&
	expect_code 64 qf assign --dept 金融办 --days 3651 D-HY-202306-0005 &&
	expect_code 64 qf assign --dept 金融办 --days 5x D-HY-202306-0005 &&
	expect_err_has "--days: '5x' is not a number of days from 1 to 3650" &&
	expect_code 64 qf assign --dept 金融办 --due 2023-06-30 --days 5 D-HY-202306-0005 &&
	expect_err_has "give --due or --days, not both" &&
	expect_code 64 qf assign --dept 金融办 --satisfaction 满意 D-HY-202306-0005 &&
	expect_err_has "--satisfaction does not apply to assign" &&
	expect_code 64 qf assign --dept 金融办 --decline D-HY-202306-0005 &&
	expect_err_has "--decline does not apply to assign" &&
	expect_code 64 qf assign --dept 金融办 --frobnicate D-HY-202306-0005 &&
	unchanged .; then pass; fi

test_start "--help prints the usage on stdout (0); nothing changed"
if expect_code 0 qf assign --help && expect_out_has "Usage: qf assign --dept UNIT" &&
	expect_out_has "--codept UNIT" && unchanged .; then pass; fi

test_start "no IDs and an empty standard input: 0, nothing printed or changed"
if no_ids_no_change qf assign --dept 金融办; then pass; fi

test_start "IDs from standard input, first field of each line; comments and blanks skipped"
qf add-demand --firm 燕京 --title 融资担保 --category financing >/dev/null  # 0006
qf add-demand --firm 燕京 --title 物流成本 --category logistics >/dev/null  # 0007
if printf '# 待交办\nD-HY-202306-0006\t融资担保\n\n  D-HY-202306-0007 物流成本\r\n' >"$T/in" &&
	expect_code 0 qf assign --dept 金融 --due 2023-07-01 <"$T/in" &&
	expect_out <<'X' &&
D-HY-202306-0006
D-HY-202306-0007
X
	assert test "$(grep -c '^dept: 金融办$' $F)" = 3 &&
	expect_code 0 qf check
then pass; fi

test_start "a pipeline from qf add-visit: the demands it raised are assigned"
if qf add-visit --firm 北方 -p 缺技工 -c labour -p 道路破损 -c infrastructure |
	grep '^D-' >"$T/ids" &&
	expect_code 0 qf assign --dept 经济 --due 2023-07-15 <"$T/ids" &&
	expect_out <<'X' &&
D-HY-202306-0008
D-HY-202306-0009
X
	run doc D-HY-202306-0009 $F && expect_out <<'X' &&
---
id: D-HY-202306-0009
firm: F-HY-0002
opened: 2023-06-15
source: V-HY-202306-0002
kind: problem
level: local
category: infrastructure
title: 道路破损
dept: 经济发展局
due: 2023-07-15
status: assigned
log:
- date: 2023-06-15
  action: collect
  by: 测试员
- date: 2023-06-15
  action: assign
  by: 测试员
  dept: 经济发展局
  due: 2023-07-15
X
	expect_code 0 qf check
then pass; fi

qf add-demand --firm 燕京 --title 排污许可 --category environment >/dev/null  # 0010
qf add-demand --firm 燕京 --title 人才公寓 --category services >/dev/null     # 0011
test_start "a batch: the unknown ID fails (66), the others are assigned"
if expect_code 66 qf assign --dept 金融办 --due 2023-07-01 \
	D-HY-202306-0010 D-HY-202306-0099 D-HY-202306-0001 D-HY-202306-0011 &&
	expect_out <<'X' &&
D-HY-202306-0010
D-HY-202306-0011
X
	expect_err_has "qf-assign: D-HY-202306-0099:" &&
	expect_err_has "qf-assign: D-HY-202306-0001: it is 'assigned'" &&
	assert grep -q '^title: 人才公寓$' $F &&
	assert test "$(doc D-HY-202306-0011 $F | grep -c '^status: assigned$')" = 1 &&
	expect_code 0 qf check
then pass; fi

qf add-demand --firm 燕京 --title 水价 --category energy >/dev/null      # 0012
test_start "a batch from stdin: not a demand ID first (65), the rest go on"
if printf 'F-HY-0001\nD-HY-202306-0012\nD-HY-202306-0098\n' >"$T/in" &&
	expect_code 65 qf assign --dept 金融办 <"$T/in" &&
	expect_out <<'X' &&
D-HY-202306-0012
X
	expect_err_has "qf-assign: F-HY-0001: not a demand ID" &&
	expect_err_has "qf-assign: D-HY-202306-0098:" &&
	expect_code 0 qf check
then pass; fi

test_start "the rewrite leaves no temporary file and keeps the file's mode"
chmod 640 $F
if expect_code 65 qf assign --dept 金融办 D-HY-202306-0012 &&
	qf return --reason 非本单位职责 D-HY-202306-0012 >/dev/null &&
	expect_code 0 qf assign --dept 自然资源局 D-HY-202306-0012 &&
	assert test "$(ls -A demands)" = "2023-06.yaml" &&
	assert test "$(stat -c %a $F)" = 640; then pass; fi

done_testing
