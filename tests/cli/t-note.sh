#!/bin/sh
# qf note: a progress entry (跟踪问效) in the log of an unclosed demand.
# Also: the rewrite of one record in a hand-edited file.
. "${QF_SRC}/tests/cli/lib.sh"

demand_store s
cd s
F=demands/2023-06.yaml

test_start "a note on an open demand: one log entry with date, action, by, note"
keep_others D-HY-202306-0001 $F
if expect_code 0 qf note -m 已与企业电话沟通 --date 2023-06-03 D-HY-202306-0001 &&
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
  action: note
  by: 测试员
  note: 已与企业电话沟通
X
	others_kept D-HY-202306-0001 $F &&
	expect_code 0 qf check
then pass; fi

qf assign --dept 自然资源局 --due 2023-06-30 --date 2023-06-05 D-HY-202306-0001 >/dev/null
test_start "a note on an assigned demand, --by and \$QF_USER; nothing else changes"
if expect_code 0 qf note --note 现场踏勘 --by 张科长 --date 2023-06-10 D-HY-202306-0001 &&
	expect_code 0 env QF_USER=王干事 qf note -m 已报规划方案 D-HY-202306-0001 &&
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
due: 2023-06-30
status: assigned
log:
- date: 2023-06-01
  action: collect
  by: 测试员
- date: 2023-06-03
  action: note
  by: 测试员
  note: 已与企业电话沟通
- date: 2023-06-05
  action: assign
  by: 测试员
  dept: 自然资源局
  due: 2023-06-30
- date: 2023-06-10
  action: note
  by: 张科长
  note: 现场踏勘
- date: 2023-06-15
  action: note
  by: 王干事
  note: 已报规划方案
X
	expect_code 0 qf check
then pass; fi

qf resolve -m 已解决 D-HY-202306-0003 >/dev/null
snap .
test_start "a note on a closed demand is refused (65), named, nothing changed"
if expect_code 65 qf note -m 补充 D-HY-202306-0003 && expect_out <<'X' &&
X
	expect_err <<'X' &&
qf-note: D-HY-202306-0003: it is 'resolved' (closed); reopen it first
X
	unchanged .; then pass; fi

test_start "a note without text is a usage error (64)"
if expect_code_err 64 qf note D-HY-202306-0002 <<'X' &&
qf-note: a progress note needs its text (--note)
X
	expect_code 64 qf note -m '' D-HY-202306-0002 &&
	expect_err_has "a progress note needs its text (--note)" &&
	unchanged .; then pass; fi

test_start "a --date before the opening or before the last log entry is refused (65)"
if expect_code_err 65 qf note -m x --date 2023-05-31 D-HY-202306-0002 <<'X' &&
qf-note: D-HY-202306-0002: the date is before the demand was opened (2023-06-01)
X
	expect_code_err 65 qf note -m x --date 2023-06-14 D-HY-202306-0001 <<'X' &&
qf-note: D-HY-202306-0001: the date is before the last entry of its history (2023-06-15)
X
	unchanged .; then pass; fi

test_start "options that do not apply to note, bad dates: 64, nothing changed"
if expect_code_err 64 qf note --dept 金融办 -m x D-HY-202306-0002 <<'X' &&
qf-note: --dept does not apply to note
X
	expect_code 64 qf note --due 2023-07-01 -m x D-HY-202306-0002 &&
	expect_err_has "--due does not apply to note" &&
	expect_code 64 qf note --days 3 -m x D-HY-202306-0002 &&
	expect_code 64 qf note --owner 张 -m x D-HY-202306-0002 &&
	expect_code 64 qf note --codept 金融办 -m x D-HY-202306-0002 &&
	expect_code 64 qf note -s 满意 -m x D-HY-202306-0002 &&
	expect_code 64 qf note --decline -m x D-HY-202306-0002 &&
	expect_code 64 qf note --date 2023-06-31 -m x D-HY-202306-0002 &&
	expect_err_has "--date: '2023-06-31' is not a date" &&
	expect_code 64 qf note --date today -m x D-HY-202306-0002 &&
	expect_code_err 64 qf note --date 2023-06-16 -m x D-HY-202306-0002 <<'X' &&
qf-note: --date: 2023-06-16 is in the future
X
	unchanged .; then pass; fi

test_start "no IDs and an empty standard input: 0, nothing changed"
if no_ids_no_change qf note -m x; then pass; fi

test_start "a batch: bad ID first (65), unknown ID (66), the rest noted"
if expect_code 65 qf note -m 周例会跟进 --date 2023-06-15 \
	V-HY-202306-0001 D-HY-202306-0002 D-HY-202307-0001 D-HY-202306-0001 &&
	expect_out <<'X' &&
D-HY-202306-0002
D-HY-202306-0001
X
	expect_err <<'X' &&
qf-note: V-HY-202306-0001: not a demand ID
qf-note: D-HY-202307-0001: no demand 'D-HY-202307-0001'
X
	assert test "$(grep -c '周例会跟进' $F)" = 2 &&
	expect_code 0 qf check
then pass; fi

test_start "IDs from standard input: a list piped in"
if printf 'D-HY-202306-0002\t建议开通公交\nD-HY-202306-0001\t用地紧张\n' |
	qf note -m 月底汇总 >"$T/out" 2>"$T/err" &&
	expect_out <<'X' &&
D-HY-202306-0002
D-HY-202306-0001
X
	assert test "$(grep -c '月底汇总' $F)" = 2 &&
	expect_code 0 qf check
then pass; fi

test_start "notes that YAML would misread are written so they read back as text"
qf add-demand --firm 燕京 --title 噪音 --category environment >/dev/null   # 0004
for n in '~' 'a: b' '- 12' 'yes' "$(printf '第一行\n第二行')"; do
	qf note -m "$n" D-HY-202306-0004 >/dev/null || fail "note '$n'"
done
if run sh -c "sed -n '/^id: D-HY-202306-0004/,\$p' $F | grep -A1 '^  note: '" &&
	expect_out <<'X' &&
  note: "~"
- date: 2023-06-15
--
  note: 'a: b'
- date: 2023-06-15
--
  note: '- 12'
- date: 2023-06-15
--
  note: "yes"
- date: 2023-06-15
--
  note: |-
    第一行
X
	expect_code 0 qf check
then pass; fi

# A demands file as a person might have edited it: comments, blank lines,
# a flow mapping, a document that starts on its '---' line, odd spacing.
# Noting the middle record must leave the others byte for byte.
cat >demands/2023-05.yaml <<'X'
# 五月诉求（手工整理）
---
id: D-HY-202305-0001   # 第一条
firm: F-HY-0001
opened: 2023-05-04
kind: problem
level:    local
category: land
title: 停车难
detail: |
  园区停车位不足

  夜间尤甚
status: open

# 记录之间的注释
--- {id: D-HY-202305-0002, firm: F-HY-0002, opened: 2023-05-05, kind: problem, level: local, category: energy, title: 用电, status: open}
---
{id: D-HY-202305-0003, firm: F-HY-0001, opened: 2023-05-06, kind: suggestion, level: local, category: land, title: 绿化, status: open}
# 文件结尾的注释
X
test_start "a note on a hand-edited record: the other records are byte for byte the same"
if expect_code 0 qf note -m 已了解 --date 2023-05-10 D-HY-202305-0002 &&
	expect_out <<'X' &&
D-HY-202305-0002
X
	cat >"$T/expected" <<'X' &&
# 五月诉求（手工整理）
---
id: D-HY-202305-0001   # 第一条
firm: F-HY-0001
opened: 2023-05-04
kind: problem
level:    local
category: land
title: 停车难
detail: |
  园区停车位不足

  夜间尤甚
status: open

# 记录之间的注释
---
id: D-HY-202305-0002
firm: F-HY-0002
opened: 2023-05-05
kind: problem
level: local
category: energy
title: 用电
status: open
log:
- date: 2023-05-10
  action: note
  by: 测试员
  note: 已了解
---
{id: D-HY-202305-0003, firm: F-HY-0001, opened: 2023-05-06, kind: suggestion, level: local, category: land, title: 绿化, status: open}
# 文件结尾的注释
X
	assert diff -u "$T/expected" demands/2023-05.yaml &&
	expect_code 0 qf check
then pass; fi

test_start "a note on the first and the last hand-edited records too"
if expect_code 0 qf note -m 甲 --date 2023-05-10 D-HY-202305-0001 D-HY-202305-0003 &&
	expect_out <<'X' &&
D-HY-202305-0001
D-HY-202305-0003
X
	cat >"$T/expected" <<'X' &&
# 五月诉求（手工整理）
---
id: D-HY-202305-0001   # 第一条
firm: F-HY-0001
opened: 2023-05-04
kind: problem
level:    local
category: land
title: 停车难
detail: |
  园区停车位不足

  夜间尤甚
status: open
log:
- date: 2023-05-10
  action: note
  by: 测试员
  note: 甲

# 记录之间的注释
---
id: D-HY-202305-0002
firm: F-HY-0002
opened: 2023-05-05
kind: problem
level: local
category: energy
title: 用电
status: open
log:
- date: 2023-05-10
  action: note
  by: 测试员
  note: 已了解
---
id: D-HY-202305-0003
firm: F-HY-0001
opened: 2023-05-06
kind: suggestion
level: local
category: land
title: 绿化
status: open
log:
- date: 2023-05-10
  action: note
  by: 测试员
  note: 甲
# 文件结尾的注释
X
	assert diff -u "$T/expected" demands/2023-05.yaml &&
	expect_code 0 qf check
then pass; fi

test_start "--help: the usage on stdout, exit 0; a bad option: 64"
if action_help note "Usage: qf note --note TEXT"; then pass; fi

done_testing
