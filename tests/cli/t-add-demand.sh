#!/bin/sh
# qf add-demand: demands from other channels, and from a visit already
# recorded (which rewrites that visit in place).
. "${QF_SRC}/tests/cli/lib.sh"
new_store s
cd s
qf add-firm --name 燕京啤酒（衡阳）有限公司 >/dev/null
qf add-firm --name 衡阳北方光电信息技术有限公司 >/dev/null

test_start "a demand from the hotline, opened today, with Chinese kind and level"
if expect_code 0 qf add-demand --firm 北方光电 --title '施工许可证办理慢' --category 审批 \
	--kind 问题 --level 上级 --source 热线 --by 赵干事 &&
	expect_out <<'X'
D-HY-202306-0001
X
then
	cat >"$T/expected" <<'X'
---
id: D-HY-202306-0001
firm: F-HY-0002
opened: 2023-06-15
source: 热线
kind: problem
level: higher
category: permits
title: 施工许可证办理慢
status: open
log:
- date: 2023-06-15
  action: collect
  by: 赵干事
X
	if diff -u "$T/expected" demands/2023-06.yaml >"$T/diffout"; then pass; else fail "demand"; cat "$T/diffout"; fi
fi

# A visits file as a person might have edited it: comments, blank lines,
# odd spacing, a flow mapping, a trailing comment.  Adding a demand to the
# middle visit must leave the other two byte for byte as they are, and
# the middle one as it was written but for the new field.
cat >visits/2023-05.yaml <<'X'
# 五月走访记录（手工整理）
---
id: V-HY-202305-0001   # 第一次
date: 2023-05-04
firm: F-HY-0001
visitors: [王主任]
kind: visit
note: |
  了解停车难问题
  现场查看

---
id: V-HY-202305-0002
date: 2023-05-10
firm: F-HY-0002
visitors:
  - 李科长
kind: survey
# 下一条是座谈
---
{id: V-HY-202305-0003, date: 2023-05-11, firm: F-HY-0001, visitors: [王主任], kind: meeting}
# 文件结尾的注释
X

test_start "with a visit as source: opened on the visit's day, listed in the visit"
if expect_code 0 qf add-demand --firm 北方光电 --source V-HY-202305-0002 \
	--title '厂房建设手续' --category permits &&
	expect_out <<'X' &&
D-HY-202305-0001
X
	assert grep -q 'opened: 2023-05-10' demands/2023-05.yaml &&
	expect_code 0 qf check
then
	cat >"$T/expected" <<'X'
# 五月走访记录（手工整理）
---
id: V-HY-202305-0001   # 第一次
date: 2023-05-04
firm: F-HY-0001
visitors: [王主任]
kind: visit
note: |
  了解停车难问题
  现场查看

---
id: V-HY-202305-0002
date: 2023-05-10
firm: F-HY-0002
visitors:
  - 李科长
kind: survey
demands: [D-HY-202305-0001]
# 下一条是座谈
---
{id: V-HY-202305-0003, date: 2023-05-11, firm: F-HY-0001, visitors: [王主任], kind: meeting}
# 文件结尾的注释
X
	if diff -u "$T/expected" visits/2023-05.yaml >"$T/diffout"; then pass; else fail "rewrite"; cat "$T/diffout"; fi
fi

test_start "the rewrite leaves no temporary file and keeps the file's mode"
if assert test "$(ls -A visits)" = "2023-05.yaml" &&
	assert test "$(stat -c %a visits/2023-05.yaml)" = 644; then pass; fi

snap .
test_start "a visit to another firm as source is refused (65), nothing changed"
if expect_code 65 qf add-demand --firm 燕京 --source V-HY-202305-0002 --title x --category land &&
	expect_err_has "was to F-HY-0002, not to F-HY-0001" && unchanged .; then pass; fi

test_start "a missing visit (66), a source that is an ID of another type (64)"
if expect_code 66 qf add-demand --firm 燕京 --source V-HY-202305-0009 --title x --category land &&
	expect_code 64 qf add-demand --firm 燕京 --source D-HY-202305-0001 --title x --category land &&
	expect_code 64 qf add-demand --firm 燕京 --source V-HY-2023-01 --title x --category land &&
	unchanged .; then pass; fi

test_start "missing title, category or firm; bad kind, level, amount: 64"
if expect_code 64 qf add-demand --firm 燕京 --category land &&
	expect_code 64 qf add-demand --firm 燕京 --title x &&
	expect_code 64 qf add-demand --title x --category land &&
	expect_code 64 qf add-demand --firm 燕京 --title x --category land --kind 抱怨 &&
	expect_code 64 qf add-demand --firm 燕京 --title x --category land --level 国家 &&
	expect_code 64 qf add-demand --firm 燕京 --title x --category land --amount -5 &&
	unchanged .; then pass; fi

test_start "a visits file that does not parse stops the write (65) and says where"
printf -- '---\nid: V-HY-202307-0001\ndate: [2023-07-01\n' >visits/2023-07.yaml
snap .
if expect_code 65 qf add-visit --firm 燕京 --date 2023-07-02 &&
	expect_err_has "visits/2023-07.yaml:" && unchanged .; then pass; fi

done_testing
