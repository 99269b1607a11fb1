#!/bin/sh
# qf urge: a reminder (催办/督办) logged against an overdue assigned demand.
. "${QF_SRC}/tests/cli/lib.sh"

demand_store s
cd s
qf add-demand --firm 北方光电 --title 招工难 --category labour \
	--opened 2023-06-02 >/dev/null
F=demands/2023-06.yaml
# 0001 overdue since 06-10; 0002 due 06-14; 0003 open; 0004 overdue
# since 06-12.
qf assign --dept 自然资源局 --due 2023-06-10 --date 2023-06-03 D-HY-202306-0001 >/dev/null
qf assign --dept 经济发展局 --due 2023-06-14 --date 2023-06-03 D-HY-202306-0002 >/dev/null
qf assign --dept 经济发展局 --due 2023-06-12 --date 2023-06-03 D-HY-202306-0004 >/dev/null

test_start "urge an overdue demand: a log entry with date, action, by, note; nothing else"
keep_others D-HY-202306-0001 $F
if expect_code 0 qf urge -m 区督查室督办 --by 督查室李 D-HY-202306-0001 &&
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
due: 2023-06-10
status: assigned
log:
- date: 2023-06-01
  action: collect
  by: 测试员
- date: 2023-06-03
  action: assign
  by: 测试员
  dept: 自然资源局
  due: 2023-06-10
- date: 2023-06-15
  action: urge
  by: 督查室李
  note: 区督查室督办
X
	others_kept D-HY-202306-0001 $F &&
	expect_code 0 qf check
then pass; fi

snap .
test_start "a demand on its due date is not overdue: refused (65), named, nothing changed"
if expect_code 65 qf urge --date 2023-06-14 D-HY-202306-0002 && expect_out <<'X' &&
X
	expect_err <<'X' &&
qf-urge: D-HY-202306-0002: it is not overdue (due 2023-06-14)
X
	expect_code 65 qf urge --date 2023-06-05 D-HY-202306-0002 &&
	expect_err_has "it is not overdue (due 2023-06-14)" &&
	unchanged .; then pass; fi

test_start "an open demand is not urged (65)"
if expect_code_err 65 qf urge D-HY-202306-0003 <<'X' &&
qf-urge: D-HY-202306-0003: it is 'open': only an assigned demand is urged
X
	unchanged .; then pass; fi

test_start "--date: urged the day after its due date, without a note, \$QF_USER as actor"
if expect_code 0 env QF_USER=王干事 qf urge --date 2023-06-15 D-HY-202306-0002 &&
	expect_out <<'X' &&
D-HY-202306-0002
X
	run sh -c "sed -n '/^id: D-HY-202306-0002/,/^---/p' $F | tail -4" &&
	expect_out <<'X' &&
- date: 2023-06-15
  action: urge
  by: 王干事
---
X
	expect_code 0 qf check
then pass; fi

snap .
test_start "a --date before the last log entry is refused (65)"
if expect_code_err 65 qf urge --date 2023-06-14 D-HY-202306-0002 <<'X' &&
qf-urge: D-HY-202306-0002: the date is before the last entry of its history (2023-06-15)
X
	unchanged .; then pass; fi

test_start "options that do not apply, bad dates: 64"
if expect_code_err 64 qf urge --dept 金融办 D-HY-202306-0001 <<'X' &&
qf-urge: --dept does not apply to urge
X
	expect_code 64 qf urge --due 2023-07-01 D-HY-202306-0001 &&
	expect_code 64 qf urge --days 3 D-HY-202306-0001 &&
	expect_code 64 qf urge --due 2023-07-01 --days 3 D-HY-202306-0001 &&
	expect_code 64 qf urge --satisfaction 满意 D-HY-202306-0001 &&
	expect_code 64 qf urge --date 2023-02-29 D-HY-202306-0001 &&
	expect_err_has "--date: '2023-02-29' is not a date" &&
	expect_code_err 64 qf urge --date 2023-06-16 D-HY-202306-0001 <<'X' &&
qf-urge: --date: 2023-06-16 is in the future
X
	unchanged .; then pass; fi

test_start "no IDs and an empty standard input: 0, nothing changed"
if no_ids_no_change qf urge; then pass; fi

test_start "IDs from standard input (first field of each line): both urged"
if printf 'D-HY-202306-0001\t用地紧张\nD-HY-202306-0004\n' |
	qf urge -m 第二次催办 >"$T/out" 2>"$T/err" &&
	expect_out <<'X' &&
D-HY-202306-0001
D-HY-202306-0004
X
	assert test "$(grep -c '^  note: 第二次催办$' $F)" = 2 &&
	expect_code 0 qf check
then pass; fi

qf resolve -m 已招到 D-HY-202306-0004 >/dev/null
test_start "a batch: closed (65) and unknown (66) fail, the overdue one is urged, status 65"
if expect_code 65 qf urge D-HY-202306-0004 D-HY-202306-0001 \
	D-HY-202306-0055 D-HY-202306-0003 &&
	expect_out <<'X' &&
D-HY-202306-0001
X
	expect_err <<'X' &&
qf-urge: D-HY-202306-0004: it is 'resolved': only an assigned demand is urged
qf-urge: D-HY-202306-0055: no demand 'D-HY-202306-0055'
qf-urge: D-HY-202306-0003: it is 'open': only an assigned demand is urged
X
	expect_code 0 qf check
then pass; fi

test_start "a batch from stdin whose first failure is an unknown demand: 66"
if printf 'D-HY-202306-0055\nD-HY-202306-0001\nXX-1\n' >"$T/in" &&
	expect_code 66 qf urge <"$T/in" &&
	expect_out <<'X' &&
D-HY-202306-0001
X
	expect_err_has "qf-urge: XX-1: not a demand ID" &&
	expect_code 0 qf check
then pass; fi

test_start "--help: the usage on stdout, exit 0; a bad option: 64"
if action_help urge "Usage: qf urge [OPTION]..."; then pass; fi

done_testing
