#!/bin/sh
# qf resolve: close a demand (办结) - a problem resolved, a suggestion
# adopted, or either declined (无法解决) - with the date and what was done.
. "${QF_SRC}/tests/cli/lib.sh"

demand_store s
cd s
qf add-demand --firm 北方光电 --title 建议设立人才驿站 --kind 建议 \
	--category services --opened 2023-06-02 >/dev/null
F=demands/2023-06.yaml
qf assign --dept 自然资源局 --owner 张科长 --due 2023-06-20 --date 2023-06-03 \
	D-HY-202306-0001 D-HY-202306-0002 >/dev/null

test_start "resolve an assigned problem: resolved, closed, resolution, a 'resolve' entry"
keep_others D-HY-202306-0001 $F
if expect_code 0 qf resolve --resolution 已调整用地指标 --by 张科长 --date 2023-06-12 \
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
due: 2023-06-20
status: resolved
closed: 2023-06-12
resolution: 已调整用地指标
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
- date: 2023-06-12
  action: resolve
  by: 张科长
  note: 已调整用地指标
X
	others_kept D-HY-202306-0001 $F &&
	expect_code 0 qf check
then pass; fi

test_start "resolve a suggestion: adopted, an 'adopt' entry; today and \$QF_USER by default"
if expect_code 0 env QF_USER=王干事 qf resolve -m 已开通园区公交专线 D-HY-202306-0002 &&
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
due: 2023-06-20
status: adopted
closed: 2023-06-15
resolution: 已开通园区公交专线
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
- date: 2023-06-15
  action: adopt
  by: 王干事
  note: 已开通园区公交专线
X
	expect_code 0 qf check
then pass; fi

test_start "--decline an open problem: declined, a 'decline' entry (no unit needed)"
if expect_code 0 qf resolve --decline --resolution 涉及国家政策，本级无法解决 \
	--date 2023-06-05 D-HY-202306-0003 &&
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
status: declined
closed: 2023-06-05
resolution: 涉及国家政策，本级无法解决
log:
- date: 2023-06-02
  action: collect
  by: 测试员
- date: 2023-06-05
  action: decline
  by: 测试员
  note: 涉及国家政策，本级无法解决
X
	expect_code 0 qf check
then pass; fi

test_start "--decline a suggestion: declined, not adopted"
if expect_code 0 qf resolve --decline -m 条件不具备 D-HY-202306-0004 &&
	run sed -n '/^id: D-HY-202306-0004/,$p' $F && expect_out <<'X' &&
id: D-HY-202306-0004
firm: F-HY-0002
opened: 2023-06-02
kind: suggestion
level: local
category: services
title: 建议设立人才驿站
status: declined
closed: 2023-06-15
resolution: 条件不具备
log:
- date: 2023-06-02
  action: collect
  by: 测试员
- date: 2023-06-15
  action: decline
  by: 测试员
  note: 条件不具备
X
	expect_code 0 qf check
then pass; fi

snap .
test_start "a closed demand is refused (65), named, nothing changed"
if expect_code 65 qf resolve -m 再次办结 D-HY-202306-0001 && expect_out <<'X' &&
X
	expect_err <<'X' &&
qf-resolve: D-HY-202306-0001: it is 'resolved' already
X
	expect_code 65 qf resolve -m x D-HY-202306-0002 &&
	expect_err_has "it is 'adopted' already" &&
	expect_code 65 qf resolve --decline -m x D-HY-202306-0003 &&
	expect_err_has "it is 'declined' already" &&
	unchanged .; then pass; fi

qf add-demand --firm 燕京 --title 招工难 --category labour >/dev/null     # 0005
qf add-demand --firm 燕京 --title 用电贵 --category energy --opened 2023-06-10 >/dev/null  # 0006
snap .
test_start "no resolution text: a usage error (64), with or without --decline"
if expect_code_err 64 qf resolve D-HY-202306-0005 <<'X' &&
qf-resolve: what was done? (--resolution)
X
	expect_code 64 qf resolve --decline --resolution '' D-HY-202306-0005 &&
	expect_err_has "(--resolution)" &&
	unchanged .; then pass; fi

test_start "a --date before the opening or the last log entry is refused (65)"
if expect_code_err 65 qf resolve -m x --date 2023-06-14 D-HY-202306-0005 <<'X' &&
qf-resolve: D-HY-202306-0005: the date is before the demand was opened (2023-06-15)
X
	qf note -m 进展 --date 2023-06-14 D-HY-202306-0006 >/dev/null && snap . &&
	expect_code_err 65 qf resolve -m x --date 2023-06-12 D-HY-202306-0006 <<'X' &&
qf-resolve: D-HY-202306-0006: the date is before the last entry of its history (2023-06-14)
X
	unchanged .; then pass; fi

test_start "options that do not apply, bad dates: 64"
if expect_code_err 64 qf resolve -m x --dept 金融办 D-HY-202306-0005 <<'X' &&
qf-resolve: --dept does not apply to resolve
X
	expect_code 64 qf resolve -m x --satisfaction 满意 D-HY-202306-0005 &&
	expect_code 64 qf resolve -m x --due 2023-07-01 D-HY-202306-0005 &&
	expect_code 64 qf resolve -m x --days 3 D-HY-202306-0005 &&
	expect_code 64 qf resolve -m x --owner 张 D-HY-202306-0005 &&
	expect_code 64 qf resolve -m x --date 2023-00-10 D-HY-202306-0005 &&
	expect_code_err 64 qf resolve -m x --date 2023-06-16 D-HY-202306-0005 <<'X' &&
qf-resolve: --date: 2023-06-16 is in the future
X
	unchanged .; then pass; fi

test_start "no IDs and an empty standard input: 0, nothing changed"
if no_ids_no_change qf resolve -m x; then pass; fi

test_start "a batch from standard input: closed (65) and not-a-demand (65) fail, the rest closed"
if printf 'D-HY-202306-0005\t招工难\nD-HY-202306-0001\nP-HY-0001\nD-HY-202306-0006\n' >"$T/in" &&
	expect_code 65 qf resolve -m 已协调解决 <"$T/in" &&
	expect_out <<'X' &&
D-HY-202306-0005
D-HY-202306-0006
X
	expect_err <<'X' &&
qf-resolve: D-HY-202306-0001: it is 'resolved' already
qf-resolve: P-HY-0001: not a demand ID
X
	assert test "$(doc D-HY-202306-0005 $F | grep -c -e '^status: resolved$' -e '^resolution: 已协调解决$')" = 2 &&
	assert test "$(doc D-HY-202306-0006 $F | grep -c -e '^status: resolved$' -e '^closed: 2023-06-15$')" = 2 &&
	expect_code 0 qf check
then pass; fi

test_start "--help: the usage on stdout, exit 0; a bad option: 64"
if action_help resolve "Usage: qf resolve --resolution TEXT [--decline]"; then pass; fi

done_testing
