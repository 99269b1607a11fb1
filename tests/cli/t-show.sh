#!/bin/sh
# qf show: records in full - a demand with its history, a firm with its
# visits and demands, a visit with the demands it raised, a policy.
. "${QF_SRC}/tests/cli/lib.sh"

new_store s
cd s
qf add-policy --title 稳岗返还 --issuer 人社局 --issued 2023-03-01 --summary 稳岗补贴 >/dev/null
qf add-firm --name 燕京啤酒（衡阳）有限公司 -p 白沙工业园 -t 规上,重点 -l 王副区长 \
	--since 2023-04-01 >/dev/null
qf add-firm --name 衡阳北方光电信息技术有限公司 -p 高新区 --since 2023-04-01 >/dev/null
qf add-firm --name 湖南新材料科技有限公司 --since 2023-04-01 >/dev/null
qf add-visit --firm 燕京 --date 2023-04-20 -v 王主任 -n 了解用地 -P P-HY-0001 \
	-p 用地紧张 -c land >/dev/null
qf add-visit --firm 北方光电 --date 2023-05-10 -k survey -v 张三 -n 座谈 \
	-p 贷款难 -c financing --higher -s 建议开通公交 -c infrastructure >/dev/null
qf add-visit --firm 燕京 --date 2023-06-05 -k onsite -v 王主任 -n 回访 >/dev/null
qf add-demand --firm 燕京 --title 招工难 --category labour --source 热线 \
	--opened 2023-06-02 >/dev/null
qf assign --dept 自然资源局 -o 刘科长 --due 2023-05-31 --date 2023-04-25 D-HY-202304-0001 >/dev/null
qf resolve -m 已对接人社部门 --date 2023-06-10 D-HY-202306-0001 >/dev/null
qf check >/dev/null 2>&1 || echo "Bail out! the test store does not check clean"

snap .
test_start "a demand: a comment naming its firm, then the record with its history"
if expect_code 0 qf show D-HY-202304-0001 && expect_out <<'X'; then pass; fi
# F-HY-0001 燕京啤酒（衡阳）有限公司
---
id: D-HY-202304-0001
firm: F-HY-0001
opened: 2023-04-20
source: V-HY-202304-0001
kind: problem
level: local
category: land
title: 用地紧张
dept: 自然资源局
owner: 刘科长
due: 2023-05-31
status: assigned
log:
- date: 2023-04-20
  action: collect
  by: 测试员
- date: 2023-04-25
  action: assign
  by: 测试员
  dept: 自然资源局
  owner: 刘科长
  due: 2023-05-31
X

test_start "a firm: the record, its visits and its demands (closed ones too)"
if expect_code 0 qf show F-HY-0001 && expect_out <<'X'; then pass; fi
---
id: F-HY-0001
name: 燕京啤酒（衡阳）有限公司
park: 白沙工业园
tags: [规上, 重点]
leader: 王副区长
since: 2023-04-01

# visits (2)
  2023-04-20  V-HY-202304-0001  走访  了解用地
  2023-06-05  V-HY-202306-0001  上门办公  回访

# demands (2)
  D-HY-202304-0001  办理中  2023-05-31  用地紧张
  D-HY-202306-0001  已解决    招工难
X

test_start "a firm with no visits and no demands"
if expect_code 0 qf show F-HY-0003 && expect_out <<'X'; then pass; fi
---
id: F-HY-0003
name: 湖南新材料科技有限公司
since: 2023-04-01

# visits (0)

# demands (0)
X

test_start "a visit: its firm, the record, the demands it raised"
if expect_code 0 qf show V-HY-202305-0001 && expect_out <<'X'; then pass; fi
# F-HY-0002 衡阳北方光电信息技术有限公司
---
id: V-HY-202305-0001
date: 2023-05-10
firm: F-HY-0002
visitors: [张三]
kind: survey
demands: [D-HY-202305-0001, D-HY-202305-0002]
note: 座谈

# demands (2)
  D-HY-202305-0001  待交办    贷款难
  D-HY-202305-0002  待交办    建议开通公交
X

# It says whom it is for (no eligible: every firm, the three of the
# register) and whom it reached: 燕京, on the visit of 04-20.
test_start "a policy, with the firms it fits and those handed it"
if expect_code 0 qf show P-HY-0001 && expect_out <<'X'; then pass; fi
---
id: P-HY-0001
title: 稳岗返还
issuer: 人社局
issued: 2023-03-01
summary: 稳岗补贴

# for every firm (no eligible)
# firms it fits: 3 of 3; firms handed it: 1 (1 of those it fits)

# handed over (1)
  2023-04-20  F-HY-0001 燕京啤酒（衡阳）有限公司  visit  V-HY-202304-0001
X

test_start "several IDs: each in turn, a blank line between"
qf show D-HY-202304-0001 >"$T/a"
qf show P-HY-0001 >"$T/b"
qf show V-HY-202306-0001 >"$T/c"
{ cat "$T/a"; echo; cat "$T/b"; echo; cat "$T/c"; } >"$T/abc"
if expect_code 0 qf show D-HY-202304-0001 P-HY-0001 V-HY-202306-0001 &&
	assert cmp -s "$T/abc" "$T/out"; then pass; fi

test_start "--format yaml: the records alone, a YAML stream"
if expect_code 0 qf show --format yaml F-HY-0003 D-HY-202306-0001 && expect_out <<'X'; then pass; fi
---
id: F-HY-0003
name: 湖南新材料科技有限公司
since: 2023-04-01
---
id: D-HY-202306-0001
firm: F-HY-0001
opened: 2023-06-02
source: 热线
kind: problem
level: local
category: labour
title: 招工难
status: resolved
closed: 2023-06-10
resolution: 已对接人社部门
log:
- date: 2023-06-02
  action: collect
  by: 测试员
- date: 2023-06-10
  action: resolve
  by: 测试员
  note: 已对接人社部门
X

if python3 -c 'import yaml' 2>/dev/null; then
	test_start "--format yaml parses (PyYAML)"
	if expect_code 0 qf show --format yaml F-HY-0001 V-HY-202305-0001 D-HY-202304-0001 P-HY-0001 &&
		assert python3 -c '
import sys, yaml
docs = list(yaml.safe_load_all(open(sys.argv[1], encoding="utf-8")))
assert [d["id"] for d in docs] == ["F-HY-0001", "V-HY-202305-0001", "D-HY-202304-0001", "P-HY-0001"], docs
assert docs[0]["tags"] == ["规上", "重点"] and docs[1]["visitors"] == ["张三"]
assert docs[2]["log"][1]["dept"] == "自然资源局"
' "$T/out"; then pass; fi
else
	test_start "--format yaml parses (PyYAML)"
	skip "PyYAML is not installed"
fi

test_start "--format json: a firm comes as {firm, visits, demands}"
if expect_code 0 qf show --format json F-HY-0001 && assert python3 -c '
import json, sys
o = json.load(open(sys.argv[1], encoding="utf-8"))
assert sorted(o) == ["demands", "firm", "visits"], sorted(o)
assert o["firm"]["id"] == "F-HY-0001" and o["firm"]["tags"] == ["规上", "重点"], o["firm"]
assert [v["id"] for v in o["visits"]] == ["V-HY-202304-0001", "V-HY-202306-0001"], o["visits"]
assert o["visits"][0]["policies"] == ["P-HY-0001"]
assert [d["id"] for d in o["demands"]] == ["D-HY-202304-0001", "D-HY-202306-0001"], o["demands"]
assert o["demands"][1]["status"] == "resolved"
' "$T/out"; then pass; fi

test_start "--format json: a visit as {visit, demands}; a demand and a policy as records"
if expect_code 0 qf show --format json V-HY-202305-0001 && assert python3 -c '
import json, sys
o = json.load(open(sys.argv[1], encoding="utf-8"))
assert sorted(o) == ["demands", "visit"], sorted(o)
assert o["visit"]["kind"] == "survey"
assert [(d["id"], d["level"]) for d in o["demands"]] == [("D-HY-202305-0001", "higher"), ("D-HY-202305-0002", "local")], o
' "$T/out" &&
	expect_code 0 qf show --format json D-HY-202304-0001 P-HY-0001 && assert python3 -c '
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
assert isinstance(a, list) and len(a) == 2, a
assert a[0]["id"] == "D-HY-202304-0001" and a[0]["log"][1]["action"] == "assign", a[0]
assert a[1] == {"id": "P-HY-0001", "title": "稳岗返还", "issuer": "人社局",
                "issued": "2023-03-01", "summary": "稳岗补贴"}, a[1]
' "$T/out"; then pass; fi

test_start "an unknown ID: 66, named on stderr; the others are still shown"
qf show D-HY-202304-0001 P-HY-0001 >"$T/ab"
if expect_code 66 qf show D-HY-202304-0001 F-HY-0009 P-HY-0001 &&
	assert cmp -s "$T/ab" "$T/out" && expect_err <<'X'; then pass; fi
qf-show: no firm 'F-HY-0009'
X

test_start "unknown demand, visit and policy IDs are named as such"
if expect_code 66 qf show D-HY-202309-0001 V-HY-202301-0009 P-HY-0042 && expect_out </dev/null &&
	expect_err <<'X'; then pass; fi
qf-show: no demand 'D-HY-202309-0001'
qf-show: no visit 'V-HY-202301-0009'
qf-show: no policy 'P-HY-0042'
X

test_start "not an ID: 65, the others still shown; the first failure gives the exit code"
if expect_code 65 qf show ../F-HY-0001 P-HY-0001 && expect_err_has "'../F-HY-0001' is not an ID" &&
	assert cmp -s "$T/b" "$T/out" &&
	expect_code 65 qf show 燕京 && expect_out </dev/null &&
	expect_code 65 qf show F-HY-01 F-HY-0009 &&
	expect_code 66 qf show F-HY-0009 F-HY-01; then pass; fi

test_start "--format json with an unknown ID among others: a valid array of those found"
if expect_code 66 qf show --format json D-HY-202304-0001 F-HY-0009 P-HY-0001 && assert python3 -c '
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
assert [r["id"] for r in a] == ["D-HY-202304-0001", "P-HY-0001"], a
' "$T/out"; then pass; fi

test_start "--format json with a single unknown ID prints nothing"
if expect_code 66 qf show --format json F-HY-0009 && expect_out </dev/null; then pass; fi

test_start "IDs from standard input: the first field, blank and # lines skipped, CRLF too"
qf show D-HY-202304-0001 F-HY-0003 >"$T/ab"
if expect_code 0 sh -c "printf 'D-HY-202304-0001\t用地紧张\r\n\n# 备注\n  F-HY-0003 湖南\n' | qf show" &&
	assert cmp -s "$T/ab" "$T/out"; then pass; fi

test_start "no ID on standard input: nothing shown, exit 1 as a list that found none"
if expect_code 1 sh -c "printf '\n# 无\n' | qf show" && expect_out </dev/null; then pass; fi

test_start "bad usage: 64"
if expect_code 64 qf show --format csv D-HY-202304-0001 && expect_err_has "--format: 'csv'" &&
	expect_code 64 qf show --fields id D-HY-202304-0001 &&
	expect_code 64 qf show --no-such D-HY-202304-0001 && expect_out </dev/null; then pass; fi

test_start "no ID and standard input a terminal: 64 and a hint"
if ! have_script; then skip "no script(1) to give a terminal"; else
	on_tty 100 qf show
	rc=$?
	if [ $rc -eq 64 ] && assert grep -q 'which records' "$T/tty"; then pass; else
		[ $rc -eq 64 ] || fail "exit code $rc, expected 64"; fi
fi

test_start "--data names the store from anywhere; no store is 66"
if (cd "$T" && qf show --data "$T/w/s" P-HY-0001 >"$T/out" 2>"$T/err") &&
	assert cmp -s "$T/b" "$T/out"; then
	(cd "$T" && qf show P-HY-0001 >/dev/null 2>&1)
	rc=$?
	if [ $rc = 66 ]; then pass; else fail "exit code $rc without a store, expected 66"; fi
fi

test_start "terminal: the same lines as in a pipe (newlines stay newlines)"
if ! have_script; then skip "no script(1) to give a terminal"; else
	qf show F-HY-0001 D-HY-202304-0001 >"$T/piped"
	if on_tty 100 qf show F-HY-0001 D-HY-202304-0001 && assert cmp -s "$T/piped" "$T/tty"; then pass; else
		head -c 300 "$T/tty" | sed 's/^/#   tty: /'; echo; fi
fi

test_start "terminal: --format yaml, the same lines as in a pipe"
if ! have_script; then skip "no script(1) to give a terminal"; else
	qf show --format yaml V-HY-202305-0001 >"$T/piped"
	if on_tty 100 qf show --format yaml V-HY-202305-0001 && assert cmp -s "$T/piped" "$T/tty"; then pass; fi
fi

test_start "reading never writes"
if unchanged .; then pass; fi

# Control characters in a title, and a firm name with a line break.
qf add-firm --name "$(printf '坏\nid: F-HY-0099')" >/dev/null                      # F-HY-0004
qf add-demand --firm F-HY-0002 --category other --opened 2023-06-12 \
	--title "$(printf '\033[31m红\033[0m\a\302\233x\177')" >/dev/null          # D-HY-202306-0002
qf add-demand --firm F-HY-0004 --category other --opened 2023-06-12 --title 换行 >/dev/null # D-HY-202306-0003
ESC_TITLE=$(printf '\033[31m红\033[0m\a\302\233x\177')

test_start "control characters in a title: escaped in the text output, \\u escapes in JSON"
if expect_code 0 qf show D-HY-202306-0002 && expect_out_has 'title: "\e[31m红\e[0m\a\x9Bx\x7F"' &&
	assert test "$(raw_controls "$T/out")" = 0 &&
	expect_code 0 qf show --format json D-HY-202306-0002 && assert python3 -c '
import json, sys
raw = open(sys.argv[1], "rb").read()
o = json.loads(raw.decode("utf-8"))
assert o["title"] == sys.argv[2], o
assert b"\x1b" not in raw and b"\\u001b[31m" in raw
' "$T/out" "$ESC_TITLE"; then pass; fi

for fmt in text yaml json; do
	test_start "terminal: no raw control character in --format $fmt"
	if ! have_script; then skip "no script(1) to give a terminal"; else
		if on_tty 100 qf show --format $fmt D-HY-202306-0002 F-HY-0002 &&
			assert grep -q 'D-HY-202306-0002' "$T/tty" &&
			assert test "$(raw_controls "$T/tty")" = 0; then pass; fi
	fi
done

test_start "a firm name with a line break stays inside the comment line"
if expect_code 0 qf show D-HY-202306-0003 &&
	assert test "$(sed -n '1,/^---$/p' "$T/out" | grep -vc '^#\|^---$')" = 0 &&
	assert test "$(grep -c '^id: ' "$T/out")" = 1; then pass; else
	sed 's/^/#   out: /' "$T/out" | head -4; fi

cd "$T/w"
D="$QF_SRC/data"
test_start "example store: an overdue demand, and a firm never visited"
if expect_code 0 qf show --data "$D" D-HY-202305-0006 &&
	assert test "$(head -1 "$T/out")" = "# F-HY-0015 衡阳振洋汽车配件有限公司" &&
	assert grep -q '^title: 搬迁后厂房不动产权证办理$' "$T/out" &&
	expect_code 0 qf show --data "$D" F-HY-0011 &&
	expect_out_has '# visits (0)' && expect_out_has 'name: 衡阳高新投资集团有限公司'; then pass; fi

test_start "example store: every open demand shown as JSON from qf list-open"
if expect_code 0 sh -c "qf list-open --data '$D' | qf show --data '$D' --format json" && assert python3 -c '
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
ids = [l.split("\t")[0] for l in open(sys.argv[2], encoding="utf-8")]
assert [r["id"] for r in a] == ids, ([r["id"] for r in a], ids)
assert all(r["status"] in ("open", "assigned") for r in a)
' "$T/out" "$(qf list-open --data "$D" >"$T/ids"; echo "$T/ids")"; then pass; fi

test_start "a visit's demands: of its month by their source, and those it lists from other months"
new_store m
printf -- '---\nid: F-HY-0001\nname: 甲企业\nsince: 2023-04-01\n' >m/firms/HY.yaml
printf -- '---\nid: V-HY-202305-0001\ndate: 2023-05-31\nfirm: F-HY-0001\nvisitors: [张三]\nkind: visit\ndemands: [D-HY-202306-0001]\n' >m/visits/2023-05.yaml
mkdir -p m/demands
printf -- '---\nid: D-HY-202305-0001\nfirm: F-HY-0001\nopened: 2023-05-31\nsource: V-HY-202305-0001\nkind: problem\nlevel: local\ncategory: land\ntitle: 未登记的\nstatus: open\n' >m/demands/2023-05.yaml
printf -- '---\nid: D-HY-202306-0001\nfirm: F-HY-0001\nopened: 2023-06-01\nsource: V-HY-202305-0001\nkind: problem\nlevel: local\ncategory: land\ntitle: 次月的\nstatus: open\n---\nid: D-HY-202306-0002\nfirm: F-HY-0001\nopened: 2023-06-01\nsource: V-HY-202305-0001\nkind: problem\nlevel: local\ncategory: land\ntitle: 未列出的次月\nstatus: open\n' >m/demands/2023-06.yaml
if expect_code 0 qf show --data m V-HY-202305-0001 && expect_out_has '# demands (2)' &&
	expect_out_has 'D-HY-202305-0001' && expect_out_has 'D-HY-202306-0001' &&
	! grep -q 'D-HY-202306-0002' "$T/out"; then pass; fi

test_start "many records (the register read once) name their firms as one record does (found by its lines)"
grep -h '^id: D-' "$QF_SRC"/data/demands/*.yaml | cut -d' ' -f2 | head -20 >"$T/ids"
if expect_code 0 sh -c "qf show --data '$QF_SRC/data' <'$T/ids'" &&
	grep '^# F-' "$T/out" >"$T/many" && [ "$(wc -l <"$T/many")" -eq 20 ]; then
	: >"$T/one"
	while read -r id; do
		qf show --data "$QF_SRC/data" "$id" | grep '^# F-' >>"$T/one"
	done <"$T/ids"
	if assert cmp -s "$T/many" "$T/one"; then pass; fi
else
	fail "expected 20 firm lines"
fi

done_testing
