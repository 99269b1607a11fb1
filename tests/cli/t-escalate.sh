#!/bin/sh
# qf escalate: a demand this level (本级) cannot solve is raised to a higher
# level (上级): level local -> higher, with a log entry.
. "${QF_SRC}/tests/cli/lib.sh"

new_store s
cd s
qf add-firm --name 燕京啤酒（衡阳）有限公司 >/dev/null
qf add-firm --name 衡阳北方光电信息技术有限公司 >/dev/null
qf add-visit --firm 燕京 --date 2023-06-01 -p 用地紧张 -c land \
	-s 建议开通公交 -c infrastructure >/dev/null
qf add-demand --firm 北方光电 --title 贷款难 --category financing \
	--source 热线 --level 上级 --opened 2023-06-02 >/dev/null
qf add-demand --firm 北方光电 --title 招工难 --category labour \
	--opened 2023-06-02 >/dev/null
F=demands/2023-06.yaml
qf assign --dept 经济发展局 --due 2023-06-30 --date 2023-06-05 D-HY-202306-0002 >/dev/null
qf resolve -m 已对接人社部门 --date 2023-06-06 D-HY-202306-0004 >/dev/null

test_start "escalate an open local demand: level higher, a log entry; nothing else"
keep_others D-HY-202306-0001 $F
if expect_code 0 qf escalate -m 需市自然资源和规划局协调 --by 李主任 --date 2023-06-08 \
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
level: higher
category: land
title: 用地紧张
status: open
log:
- date: 2023-06-01
  action: collect
  by: 测试员
- date: 2023-06-08
  action: escalate
  by: 李主任
  note: 需市自然资源和规划局协调
X
	others_kept D-HY-202306-0001 $F &&
	expect_code 0 qf check
then pass; fi

test_start "escalate an assigned suggestion, no note: it stays assigned, \$QF_USER acts"
if expect_code 0 env QF_USER=王干事 qf escalate D-HY-202306-0002 &&
	run doc D-HY-202306-0002 $F && expect_out <<'X' &&
---
id: D-HY-202306-0002
firm: F-HY-0001
opened: 2023-06-01
source: V-HY-202306-0001
kind: suggestion
level: higher
category: infrastructure
title: 建议开通公交
dept: 经济发展局
due: 2023-06-30
status: assigned
log:
- date: 2023-06-01
  action: collect
  by: 测试员
- date: 2023-06-05
  action: assign
  by: 测试员
  dept: 经济发展局
  due: 2023-06-30
- date: 2023-06-15
  action: escalate
  by: 王干事
X
	expect_code 0 qf check
then pass; fi

snap .
test_start "a demand at the higher level already is refused (65), named, nothing changed"
if expect_code 65 qf escalate D-HY-202306-0003 && expect_out <<'X' &&
X
	expect_err <<'X' &&
qf-escalate: D-HY-202306-0003: it is at the higher level already
X
	expect_code 65 qf escalate D-HY-202306-0001 &&
	expect_err_has "qf-escalate: D-HY-202306-0001: it is at the higher level already" &&
	unchanged .; then pass; fi

test_start "a closed demand is not escalated (65)"
if expect_code_err 65 qf escalate D-HY-202306-0004 <<'X' &&
qf-escalate: D-HY-202306-0004: it is 'resolved' (closed)
X
	unchanged .; then pass; fi

qf add-demand --firm 燕京 --title 排污指标 --category environment >/dev/null  # 0005
qf add-demand --firm 燕京 --title 出口退税 --category policy >/dev/null       # 0006
snap .
test_start "a --date before the opening or the last log entry is refused (65)"
if expect_code_err 65 qf escalate --date 2023-06-14 D-HY-202306-0005 <<'X' &&
qf-escalate: D-HY-202306-0005: the date is before the demand was opened (2023-06-15)
X
	expect_code 65 qf escalate --date 2023-06-05 D-HY-202306-0002 &&
	unchanged .; then pass; fi

test_start "options that do not apply, bad dates: 64"
if expect_code_err 64 qf escalate --dept 金融办 D-HY-202306-0005 <<'X' &&
qf-escalate: --dept does not apply to escalate
X
	expect_code 64 qf escalate --due 2023-07-01 D-HY-202306-0005 &&
	expect_code 64 qf escalate --decline D-HY-202306-0005 &&
	expect_code 64 qf escalate --codept 金融办 D-HY-202306-0005 &&
	expect_code 64 qf escalate --date 2023-06 D-HY-202306-0005 &&
	unchanged .; then pass; fi

test_start "no IDs and an empty standard input: 0, nothing changed"
if no_ids_no_change qf escalate; then pass; fi

test_start "a batch from standard input: higher (65) and unknown (66) fail, the rest escalated"
if printf 'D-HY-202306-0005\t排污指标\nD-HY-202306-0003\t贷款难\nD-HY-202306-0033\nD-HY-202306-0006\t出口退税\n' >"$T/in" &&
	expect_code 65 qf escalate -m 报市里 <"$T/in" &&
	expect_out <<'X' &&
D-HY-202306-0005
D-HY-202306-0006
X
	expect_err <<'X' &&
qf-escalate: D-HY-202306-0003: it is at the higher level already
qf-escalate: D-HY-202306-0033: no demand 'D-HY-202306-0033'
X
	assert test "$(grep -c '^level: higher$' $F)" = 5 &&
	assert test "$(grep -c '^level: local$' $F)" = 1 &&
	expect_code 0 qf check
then pass; fi

test_start "--help: the usage on stdout, exit 0; a bad option: 64"
if action_help escalate "Usage: qf escalate [OPTION]..."; then pass; fi

done_testing
