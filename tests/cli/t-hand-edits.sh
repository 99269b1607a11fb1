#!/bin/sh
# Hand edits survive the commands: a comment a person wrote inside a
# record, their quoting and spacing, and a file saved with CRLF line ends
# by a Windows editor, through assign, note, extend, resolve and
# follow-up; the records not acted on stay byte for byte.
. "${QF_SRC}/tests/cli/lib.sh"

demand_store s
cd s
F=demands/2023-06.yaml

# D-0001 as a person edited it: comments before, inside and after its
# fields, a quoted title, a block list of co-units, odd spacing.
awk '
/^id: D-HY-202306-0001$/ { print "# 联系人电话 138xxxx（手写，勿删）"; print $0 "   # 第一条"; next }
/^title: 用地紧张$/ { print "title: \"用地紧张\"   # 企业原话"; next }
/^level: local$/ { print "level:    local"; next }
{ print }' $F >"$T/f" && cat "$T/f" >$F

test_start "a comment inside a record, quoting and spacing survive five actions"
keep_others D-HY-202306-0001 $F
if expect_code 0 qf assign --dept 自然资源局 --due 2023-06-20 --date 2023-06-02 D-HY-202306-0001 &&
	expect_code 0 qf note -m 已踏勘 --date 2023-06-05 D-HY-202306-0001 &&
	expect_code 0 qf extend --due 2023-06-30 --reason 需报市局 --date 2023-06-08 D-HY-202306-0001 &&
	expect_code 0 qf resolve -m 已调整用地规划 --date 2023-06-10 D-HY-202306-0001 &&
	expect_code 0 qf follow-up --satisfaction 满意 --date 2023-06-12 D-HY-202306-0001 &&
	run doc D-HY-202306-0001 $F && expect_out <<'X' &&
---
# 联系人电话 138xxxx（手写，勿删）
id: D-HY-202306-0001   # 第一条
firm: F-HY-0001
opened: 2023-06-01
source: V-HY-202306-0001
kind: problem
level:    local
category: land
title: "用地紧张"   # 企业原话
dept: 自然资源局
due: 2023-06-30
original_due: 2023-06-20
status: resolved
closed: 2023-06-10
resolution: 已调整用地规划
satisfaction: satisfied
log:
- date: 2023-06-01
  action: collect
  by: 测试员
- date: 2023-06-02
  action: assign
  by: 测试员
  dept: 自然资源局
  due: 2023-06-20
- date: 2023-06-05
  action: note
  by: 测试员
  note: 已踏勘
- date: 2023-06-08
  action: extend
  by: 测试员
  note: 需报市局
  due: 2023-06-30
- date: 2023-06-10
  action: resolve
  by: 测试员
  note: 已调整用地规划
- date: 2023-06-12
  action: follow-up
  by: 测试员
  satisfaction: satisfied
X
	others_kept D-HY-202306-0001 $F &&
	expect_code 0 qf check
then pass; fi

# The same store's demands saved with CRLF line ends.
sed 's/$/\r/' $F >"$T/f" && cat "$T/f" >$F
test_start "a CRLF file stays CRLF: every line the rewrite writes ends in CR LF"
keep_others D-HY-202306-0002 $F
if expect_code 0 qf assign --dept 经济发展局 --days 10 --date 2023-06-03 D-HY-202306-0002 &&
	expect_code 0 qf note -m 已对接公交公司 --date 2023-06-04 D-HY-202306-0002 &&
	expect_code 0 qf resolve -m 已采纳 --date 2023-06-07 D-HY-202306-0002 &&
	assert test "$(grep -c "$(printf '[^\r]$')" $F)" = 0 &&
	assert test "$(grep -c '^$' $F)" = 0 &&
	assert grep -q "$(printf '^# 联系人电话 138xxxx（手写，勿删）\r$')" $F &&
	assert grep -q "$(printf '^  note: 已对接公交公司\r$')" $F &&
	others_kept D-HY-202306-0002 $F &&
	expect_code 0 qf check &&
	run qf show --format yaml D-HY-202306-0002 && expect_out_has "adopted"
then pass; fi

test_start "a record in flow style is written whole, in block style, still CRLF"
printf -- '---\r\n{id: D-HY-202306-0009, firm: F-HY-0002, opened: 2023-06-08, kind: problem, level: local, category: land, title: 绿化, status: open}\r\n' >>$F
keep_others D-HY-202306-0009 $F
if expect_code 0 qf note -m 甲 --date 2023-06-10 D-HY-202306-0009 &&
	assert test "$(grep -c "$(printf '[^\r]$')" $F)" = 0 &&
	assert grep -q "$(printf '^title: 绿化\r$')" $F &&
	others_kept D-HY-202306-0009 $F &&
	expect_code 0 qf check
then pass; fi

done_testing
