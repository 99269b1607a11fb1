#!/bin/sh
# qf match-policy and qf list-firms --missing-policy: the firms a policy
# fits that have not been handed it yet.
. "${QF_SRC}/tests/cli/lib.sh"
new_store s
cd s
# Four firms: 甲 (高新区, 制造, 规上), 乙 (高新区, 服务, 规上 高新技术),
# 丙 (经开区, 制造, 高新技术), 丁 (高新区, no sector, 专精特新).
qf add-firm --name 甲制造有限公司 -p 高新区 --sector 制造 -t 规上 >/dev/null
qf add-firm --name 乙服务有限公司 -p 高新区 --sector 服务 -t 规上,高新技术 >/dev/null
qf add-firm --name 丙科技有限公司 -p 经开区 --sector 制造 -t 高新技术 >/dev/null
qf add-firm --name 丁材料有限公司 -p 高新区 -t 专精特新 >/dev/null
# P-1: for 规上 or 高新技术 firms of 高新区 (甲 and 乙), 2023-03-01..2023-12-31.
# P-2: for 制造 firms (甲 and 丙), from 2023-07-01.  P-3: for everyone.
qf add-policy --title 技改补贴政策 --issued 2023-03-01 --expires 2023-12-31 \
	--for-tag 规上,高新技术 --for-park 高新区 >/dev/null
qf add-policy --title 制造业贷款贴息 --issued 2023-07-01 --for-sector 制造 >/dev/null
qf add-policy --title 稳岗返还 >/dev/null
# 甲 is handed P-1 on a visit of 05-02.
qf add-visit --firm 甲 --date 2023-05-02 -P P-HY-0001 >/dev/null
qf check >/dev/null 2>&1 || echo "Bail out! the test store does not check clean"

test_start "add-policy --for-*: eligible written as the schema says"
cat >"$T/expected" <<'X'
---
id: P-HY-0001
title: 技改补贴政策
issued: 2023-03-01
expires: 2023-12-31
eligible:
  tags: [规上, 高新技术]
  parks: [高新区]
X
if head -8 policies/HY.yaml | diff -u "$T/expected" - >"$T/diffout"; then pass; else fail "policy"; cat "$T/diffout"; fi

snap .
test_start "the firms it fits not yet handed it: 乙 (甲 had it on a visit)"
if expect_code 0 qf match-policy P-HY-0001 && expect_out <<'X'; then pass; fi
F-HY-0002	乙服务有限公司	高新区	服务	规上,高新技术
X

test_start "by a unique part of its title; --all says when and how"
if expect_code 0 qf match-policy 补贴 --all && expect_out <<'X'; then pass; fi
F-HY-0001	甲制造有限公司	高新区	制造	规上	2023-05-02	visit	V-HY-202305-0001
F-HY-0002	乙服务有限公司	高新区	服务	规上,高新技术			
X

test_start "--date before the visit: 甲 had not had it then"
if expect_code 0 qf match-policy 技改 --date 2023-05-01 --fields id && expect_out <<'X'; then pass; fi
F-HY-0001
F-HY-0002
X

test_start "a sector list: 甲 and 丙 for the 制造 policy"
if expect_code 0 qf match-policy 贴息 --date 2023-07-01 --fields id,sector && expect_out <<'X'; then pass; fi
F-HY-0001	制造
F-HY-0003	制造
X

test_start "not issued yet on the day: said on stderr, none listed, 1"
if expect_code 1 qf match-policy 贴息 && expect_out </dev/null &&
	expect_err <<'X'; then pass; fi
qf-match-policy: policy 'P-HY-0002' is not in force on 2023-06-15: the policy is not issued yet
X

test_start "expired on the day"
if expect_code 1 qf match-policy P-HY-0001 --date 2024-01-01 &&
	expect_err_has "the policy has expired"; then pass; fi

test_start "no eligible: every firm, with a note"
if expect_code 0 qf match-policy 稳岗 --fields id && expect_out <<'X' &&
F-HY-0001
F-HY-0002
F-HY-0003
F-HY-0004
X
	expect_err_has "does not say whom it is for"; then pass; fi

test_start "an ambiguous title: 65 with the candidates; none: 66; not a policy ID: 65"
if expect_code 65 qf match-policy 贴 && expect_err_has "P-HY-0001 技改补贴政策, P-HY-0002 制造业贷款贴息" &&
	expect_code 66 qf match-policy 人才 && expect_err_has "no policy matches" &&
	expect_code 66 qf match-policy P-HY-0009 &&
	expect_code 65 qf match-policy F-HY-0001 && expect_err_has "is not a policy ID"; then pass; fi

test_start "bad usage: no policy, two, a bad date, a bad sort: 64"
if expect_code 64 qf match-policy && expect_code 64 qf match-policy P-HY-0001 P-HY-0002 &&
	expect_code 64 qf match-policy --date 2023-13-01 P-HY-0001 &&
	expect_code 64 qf match-policy --sort visits P-HY-0001; then pass; fi

test_start "JSON: the firms' whole records"
if expect_code 0 qf match-policy P-HY-0001 --format json &&
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [r["id"] for r in d]==["F-HY-0002"], d' "$T/out"; then pass; else fail "json"; fi

test_start "list-firms --missing-policy: the same set"
qf match-policy P-HY-0001 | cut -f1 >"$T/match"
if expect_code 0 qf list-firms --missing-policy 技改 --fields id &&
	assert cmp -s "$T/match" "$T/out"; then pass; fi

test_start "list-firms --missing-policy with another filter; none left: 1"
if expect_code 1 qf list-firms --missing-policy 技改 --tag 专精特新 && expect_out </dev/null &&
	expect_code 66 qf list-firms --missing-policy 人才; then pass; fi

test_start "reading changed nothing"
if unchanged .; then pass; fi

# An event hands P-1 to 乙: no firm is left to hand it to.
mkdir -p events
cat >events/2023-06.yaml <<'X'
---
id: E-HY-202306-0001
date: 2023-06-08
kind: briefing
title: 技改政策宣讲会
firms: [F-HY-0002, F-HY-0003]
policies: [P-HY-0001]
X
test_start "an event counts: none left, 1; --all says so"
if expect_code 1 qf match-policy P-HY-0001 && expect_out </dev/null &&
	expect_code 0 qf match-policy P-HY-0001 --all --fields id,handed,via,source &&
	expect_out <<'X'; then pass; fi
F-HY-0001	2023-05-02	visit	V-HY-202305-0001
F-HY-0002	2023-06-08	event	E-HY-202306-0001
X

# A hand edit writes a scalar where eligible's list belongs (tags: 规上,
# line 7, column 9): that must not quietly fit every firm.
sed -i 's/^  tags: \[规上, 高新技术\]$/  tags: 规上/' policies/HY.yaml
snap .
test_start "a malformed eligible: 65 at file:line:col from every reader and deliver, nothing written"
ok=1
for c in "match-policy P-HY-0001" "list-firms --missing-policy P-HY-0001" \
	"deliver P-HY-0001 --firm 丙 --date 2023-06-10" "monthly-report --month 2023-06"; do
	# shellcheck disable=SC2086
	expect_code 65 qf $c &&
		expect_err_has "policies/HY.yaml:7:9: policy 'P-HY-0001': field 'eligible.tags' is not a list" || ok=0
done
[ $ok = 1 ] && unchanged . && pass

done_testing
