#!/bin/sh
# qf deliver: a policy handed to firms outside a visit or event, appended
# to the policy's `delivered`, every other byte of the store unchanged.
. "${QF_SRC}/tests/cli/lib.sh"
new_store s
cd s
qf add-firm --name 甲制造有限公司 -p 高新区 -t 规上 >/dev/null
qf add-firm --name 乙服务有限公司 -p 高新区 -t 规上 >/dev/null
qf add-firm --name 丙科技有限公司 -p 高新区 -t 规上 >/dev/null
qf add-firm --name 丁材料有限公司 -p 经开区 -t 规上 >/dev/null
# The policies file as a person might keep it: a comment, P-1 between
# two others, a flow list.
cat >policies/HY.yaml <<'X'
# 政策清单（手工维护）
---
id: P-HY-0001
title: 稳岗返还   # 人社局
---
id: P-HY-0002
title: 技改补贴政策
issued: 2023-03-01
expires: 2023-12-31
eligible: {tags: [规上], parks: [高新区]}
---
id: P-HY-0003
title: 人才新政
X
qf add-visit --firm 甲 --date 2023-05-02 -P P-HY-0002 >/dev/null
qf check >/dev/null 2>&1 || echo "Bail out! the test store does not check clean"

test_start "the pipe: match-policy | deliver hands it to 乙 and 丙, 甲 had it"
keep_others P-HY-0002 policies/HY.yaml
cp policies/HY.yaml "$T/policies.before"
if qf match-policy 技改 >"$T/list" && expect_code 0 qf deliver 技改 --via 微信 --by 李科长 <"$T/list" &&
	expect_out <<'X' && others_kept P-HY-0002 policies/HY.yaml; then pass; fi
F-HY-0002
F-HY-0003
X

test_start "the record gains delivered entries, the rest of it as it was"
cat >"$T/expected" <<'X'
---
id: P-HY-0002
title: 技改补贴政策
issued: 2023-03-01
expires: 2023-12-31
eligible: {tags: [规上], parks: [高新区]}
delivered:
- firm: F-HY-0002
  date: 2023-06-15
  by: 李科长
  via: 微信
- firm: F-HY-0003
  date: 2023-06-15
  by: 李科长
  via: 微信
X
if doc P-HY-0002 policies/HY.yaml | diff -u "$T/expected" - >"$T/diffout"; then pass; else fail "record"; cat "$T/diffout"; fi

test_start "nothing left to deliver: match-policy 1; check clean"
if expect_code 1 qf match-policy 技改 && expect_code 0 qf check; then pass; fi

snap .
test_start "a firm already handed it: passed over, saying when and how; all had it: 1, nothing written"
if expect_code 1 qf deliver 技改 --firm 甲 --firm F-HY-0002 && expect_out </dev/null &&
	expect_err <<'X' && unchanged .; then pass; fi
qf-deliver: 'F-HY-0001' was handed 'P-HY-0002' already on 2023-05-02 (on a visit): passed over
qf-deliver: 'F-HY-0002' was handed 'P-HY-0002' already on 2023-06-15 (delivered): passed over
X

test_start "an unknown firm among known ones: 66, nothing written"
if expect_code 66 qf deliver 稳岗 --firm 甲 --firm 不存在公司 &&
	expect_err_has "no firm matches '不存在公司'" && unchanged .; then pass; fi

test_start "an ambiguous firm name: 65, nothing written"
if expect_code 65 qf deliver 稳岗 --firm 有限公司 && unchanged .; then pass; fi

test_start "a day the policy is not in force: 65, nothing written"
if expect_code 65 qf deliver 技改 --firm 丁 --date 2023-02-28 &&
	expect_err_has "not in force on 2023-02-28: the policy is not issued yet" &&
	unchanged .; then pass; fi

test_start "bad usage: no policy, a future date, empty --via, no firms on a terminal-less empty stdin"
if expect_code 64 qf deliver --firm 甲 && expect_code 64 qf deliver 稳岗 --firm 甲 --date 2023-06-16 &&
	expect_code 64 qf deliver 稳岗 --firm 甲 --via '' &&
	expect_code 66 qf deliver 没有这项 --firm 甲 &&
	expect_code 1 qf deliver 稳岗 </dev/null && unchanged .; then pass; fi

test_start "a policy that never had delivered: by ID, a firm given twice once, default by"
keep_others P-HY-0001 policies/HY.yaml
if expect_code 0 qf deliver P-HY-0001 --firm 丁 --firm F-HY-0004 --date 2023-06-01 &&
	expect_out <<'X' && others_kept P-HY-0001 policies/HY.yaml; then pass; fi
F-HY-0004
X
cat >"$T/expected" <<'X'
---
id: P-HY-0001
title: 稳岗返还   # 人社局
delivered:
- firm: F-HY-0004
  date: 2023-06-01
  by: 测试员
X
test_start "... written after its last field, its comment kept"
if doc P-HY-0001 policies/HY.yaml | diff -u "$T/expected" - >"$T/diffout"; then pass; else fail "record"; cat "$T/diffout"; fi

test_start "check: a delivery before the issue date or after expiry at file:line:col"
cp policies/HY.yaml "$T/keep"
sed -i 's/^  date: 2023-06-15$/  date: 2024-01-02/' policies/HY.yaml
if expect_code 1 qf check && expect_out_has "policies/HY.yaml:17:9: delivered on 2024-01-02, after the policy expired (2023-12-31)" &&
	expect_out_has "policies/HY.yaml:21:9: delivered on 2024-01-02"; then pass; fi
cp "$T/keep" policies/HY.yaml

test_start "show: its deliveries and counts (3 fit, all 3 handed it)"
if expect_code 0 qf show P-HY-0002 &&
	expect_out_has "# firms it fits: 3 of 4; firms handed it: 3 (3 of those it fits)" &&
	expect_out_has "  2023-06-15  F-HY-0003 丙科技有限公司  delivered  微信"; then pass; fi

# The June bulletin.  Pairs, first handing-over: (P-2,甲) on the visit of
# 05-02; (P-2,乙), (P-2,丙) delivered 06-15; (P-1,丁) delivered 06-01.
#   June: 3 pairs, all delivered, firms 乙 丙 丁 = 3;
#   since the campaign start (04-01): 4 pairs, 1 on a visit, 3 delivered,
#   4 firms.
# Table: P-2 only (P-1 and P-3 say not whom they are for): it fits 甲 乙
# 丙 (丁 is in 经开区), all reached: 3, 3, 0, 100.0%; not reached 0.
test_start "bulletin, text: section 6 after the coverage of the register"
if expect_code 0 qf monthly-report --month 2023-06 --format text --lang en &&
	expect_out_has "6. Policies to firms" &&
	expect_out_has "Policies handed to firms (firm × policy)      3                              4" &&
	expect_out_has "  on visits                                   0                              1" &&
	expect_out_has "  delivered otherwise                         3                              3" &&
	expect_out_has "Firms reached                                 3                              4" &&
	expect_out_has "P-HY-0002  技改补贴政策              3        3            0         100.0%" &&
	expect_out_has "Eligible firms not yet reached: 0 firm × policy pairs in all." &&
	run qf monthly-report --month 2023-06 --format text &&
	expect_out_has "六、政策送达"; then pass; fi

test_start "bulletin, JSON: the policies member"
if expect_code 0 qf monthly-report --month 2023-06 --format json &&
	python3 - "$T/out" <<'X'; then pass; else fail "json"; fi
import json, sys
p = json.load(open(sys.argv[1]))["policies"]
assert p["in_month"] == {"pairs": 3, "on_visits": 0, "at_events": 0, "delivered": 3, "firms_reached": 3}, p
assert p["cumulative"] == {"pairs": 4, "on_visits": 1, "at_events": 0, "delivered": 3, "firms_reached": 4}, p
assert p["by_policy"] == [{"id": "P-HY-0002", "title": "技改补贴政策", "eligible": 3, "reached": 3, "not_reached": 0}], p
assert p["not_reached"] == 0, p
X

done_testing
