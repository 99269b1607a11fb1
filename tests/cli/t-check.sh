#!/bin/sh
# qf check: every problem of a store as file:line:col: message.  Each bad
# input below is one a park's staff or another program could produce.
. "${QF_SRC}/tests/cli/lib.sh"

test_start "the example store checks clean"
n=$(cat "$QF_SRC"/data/*/*.yaml | grep -c '^id: ')
if expect_code 0 qf check --data "$QF_SRC/data" && expect_out <<'X' &&
X
	expect_err_has "$n records checked, 0 problems"; then pass; fi

new_store s
cd s
QF_TODAY=2023-05-01 qf add-firm --name 甲公司 >/dev/null
qf add-visit --firm 甲 --date 2023-05-02 -p 用地紧张 -c land >/dev/null

test_start "a store written by the commands checks clean"
if expect_code 0 qf check && expect_err_has "3 records checked, 0 problems"; then pass; fi

# Malformed YAML, an anchor and alias, deep nesting, GBK text.
printf -- '---\nid: V-HY-202306-0001\ndate: [2023-06-01\n' >visits/2023-06.yaml
printf -- '---\nid: V-HY-202307-0001\ndate: 2023-07-01\nfirm: &f F-HY-0001\nvisitors: [*f]\nkind: visit\n' >visits/2023-07.yaml
awk 'BEGIN { printf "---\nid: V-HY-202308-0001\nnote: "; for (i = 0; i < 1000000; i++) printf "["; print "" }' >visits/2023-08.yaml
printf -- '---\nid: V-HY-202309-0001\ndate: 2023-09-01\nfirm: F-HY-0001\nvisitors: [\306\363\322\265]\nkind: visit\n' >visits/2023-09.yaml
# CRLF line ends and no "---" are fine; UTF-16 and a NUL escape are not.
printf 'id: V-HY-202310-0001\r\ndate: 2023-10-01\r\nfirm: F-HY-0001\r\nvisitors: [x]\r\nkind: visit\r\n' >visits/2023-10.yaml
printf '\377\376-\000-\000-\000' >visits/2023-11.yaml
printf -- '---\nid: V-HY-202312-0001\ndate: 2023-12-01\nfirm: F-HY-0001\nvisitors: [x]\nkind: visit\nnote: "a\\0b"\n' >visits/2023-12.yaml
# Dangling reference, impossible date, unknown enum value, duplicate ID,
# workflow rules, an unknown field.
printf -- '---\nid: D-HY-202306-0001\nfirm: F-HY-0009\nopened: 2023-06-31\nkind: complaint\nlevel: local\ncategory: land\ntitle: t\nstatus: open\n---\nid: D-HY-202306-0001\nfirm: F-HY-0001\nopened: 2023-06-02\nkind: problem\nlevel: local\ncategory: land\ntitle: t\nstatus: resolved\ncolour: red\n' >demands/2023-06.yaml
# A path-like ID, a record in the wrong month's file, a firm among demands,
# an escape sequence in a value, a source visit that does not exist.
printf -- '---\nid: ../D-HY-202307-0001\nfirm: F-HY-0001\nopened: 2023-07-02\nkind: problem\nlevel: local\ncategory: land\ntitle: t\nstatus: open\n---\nid: D-HY-202306-0009\nfirm: F-HY-0001\nopened: 2023-06-02\nkind: problem\nlevel: local\ncategory: land\ntitle: t\nstatus: open\n---\nid: F-HY-0007\nname: x\n---\nid: D-HY-202307-0002\nfirm: F-HY-0001\nopened: 2023-07-05\nkind: "\\e[31mred"\nlevel: local\ncategory: land\ntitle: t\nstatus: assigned\nsource: V-HY-202307-0042\n' >demands/2023-07.yaml
# A UTF-8 BOM is fine; a date without leading zeros is not.
printf '\357\273\277---\nid: P-HY-0001\ntitle: 稳岗返还\nissued: 2023-4-1\n' >policies/HY.yaml
# A wrong check digit, a repeated tag, a number where a string belongs.
printf -- '---\nid: F-HY-0002\nname: 乙\ncredit_code: "91430400MA4L0B8X1R"\ntags: [a, a]\n---\nid: F-HY-0003\nname: 丙\ncontact: {phone: 13800000000}\n' >firms/HY-more.yaml

snap .
test_start "every problem is reported with its place, sorted; exit 1"
if expect_code 1 qf check && expect_out <<'X' &&
demands/2023-06.yaml:3:7: field 'firm': no firm 'F-HY-0009'
demands/2023-06.yaml:4:9: field 'opened': '2023-06-31' is not a valid date
demands/2023-06.yaml:5:7: field 'kind': 'complaint' is not one of problem, suggestion
demands/2023-06.yaml:11:1: duplicate ID 'D-HY-202306-0001' (first at demands/2023-06.yaml:2:1)
demands/2023-06.yaml:18:1: demand is 'resolved' but has no closing date (closed)
demands/2023-06.yaml:18:1: demand is 'resolved' but has no resolution
demands/2023-06.yaml:19:1: unknown field 'colour'
demands/2023-07.yaml:2:5: field 'id': '../D-HY-202307-0001' does not match '^D-[A-Z][A-Z0-9]{1,7}-[0-9]{6}-[0-9]{4,6}$'
demands/2023-07.yaml:11:1: record 'D-HY-202306-0009' is in the wrong file (its ID names another)
demands/2023-07.yaml:20:1: missing required field 'firm'
demands/2023-07.yaml:20:1: missing required field 'opened'
demands/2023-07.yaml:20:1: missing required field 'kind'
demands/2023-07.yaml:20:1: missing required field 'level'
demands/2023-07.yaml:20:1: missing required field 'category'
demands/2023-07.yaml:20:1: missing required field 'title'
demands/2023-07.yaml:20:1: missing required field 'status'
demands/2023-07.yaml:20:1: 'F-HY-0007' is not the ID of a demand
demands/2023-07.yaml:20:5: field 'id': 'F-HY-0007' does not match '^D-[A-Z][A-Z0-9]{1,7}-[0-9]{6}-[0-9]{4,6}$'
demands/2023-07.yaml:21:1: unknown field 'name'
demands/2023-07.yaml:26:7: field 'kind': '\e[31mred' is not one of problem, suggestion
demands/2023-07.yaml:30:1: demand is 'assigned' but has no lead unit (dept)
demands/2023-07.yaml:30:1: demand is 'assigned' but has no due date
demands/2023-07.yaml:31:1: no visit 'V-HY-202307-0042'
firms/HY-more.yaml:4:14: field 'credit_code': check digit is wrong ('W' expected)
firms/HY-more.yaml:5:11: field 'tags[1]': 'a' is repeated (already at [0])
firms/HY-more.yaml:9:18: field 'contact.phone': expected string, found integer 13800000000 (put it in quotes)
policies/HY.yaml:4:9: field 'issued': '2023-4-1' is not a valid date
visits/2023-06.yaml:4:1: did not find expected ',' or ']' while parsing a flow sequence at line 3, column 7
visits/2023-07.yaml:4:7: anchors are not allowed
visits/2023-08.yaml:3:14: nested deeper than 8 levels
visits/2023-09.yaml:5:13: not UTF-8 text: invalid trailing UTF-8 octet (0xf3)
visits/2023-11.yaml:1:1: not UTF-8 text
visits/2023-12.yaml:7:7: value holds a NUL character
X
	expect_err_has "13 records checked, 33 problems" && unchanged .; then pass; fi

test_start "no raw control character reaches the output"
if assert test "$(tr -d '\n' <"$T/out" | LC_ALL=C tr -d '\040-\176\200-\377' | wc -c)" -eq 0; then pass; fi

test_start "--quiet prints nothing and keeps the exit status"
if expect_code 1 qf check -q && expect_out <<'X'
X
then pass; fi

test_start "a bad qf.yaml is a configuration error (78) with its place"
cd "$T/w"
mkdir bad && printf -- '---\nsite: hy\norganisation: x\ncampaign_start: 2023-04-01\n' >bad/qf.yaml
if expect_code 78 qf check --data bad && expect_err_has "bad/qf.yaml:2:7: field 'site'"; then pass; fi

test_start "no store: 66; a stray argument: 64"
if expect_code 66 qf check --data "$T" && expect_code 64 qf check --data bad extra; then pass; fi

# Control characters in text: ESC (here a colour sequence, as a YAML
# escape) in a firm's name, C1 NEL and CSI in a demand's title and a log
# note.  A terminal acts on them, so check says where each one is: the
# value's line and column.
cd "$T/w"
new_store ctl
cd ctl
printf -- '---\nid: F-HY-0001\nname: "\\e[31mX1\\e[0m"\nsince: 2023-06-01\n' >firms/HY.yaml
printf -- '---\nid: D-HY-202306-0001\nfirm: F-HY-0001\nopened: 2023-06-02\nsource: 热线\nkind: problem\nlevel: local\ncategory: financing\ntitle: "贷款\\u0085难"\nstatus: open\nlog:\n- date: 2023-06-02\n  action: collect\n  note: "x\\x9by"\n' >demands/2023-06.yaml
test_start "a control character in a value is a problem at its place; exit 1"
if expect_code 1 qf check && expect_out <<'X' &&
demands/2023-06.yaml:9:8: field 'title': holds a control character (U+0085)
demands/2023-06.yaml:14:9: field 'log[0].note': holds a control character (U+009B)
firms/HY.yaml:3:7: field 'name': holds a control character (U+001B)
X
	expect_err_has "2 records checked, 3 problems"; then pass; fi

test_start "... and none reaches the output raw"
if assert test "$(tr -d '\n' <"$T/out" | LC_ALL=C tr -d '\040-\176\200-\377' | wc -c)" -eq 0 &&
	assert test "$(LC_ALL=C grep -c "$(printf '\302[\200-\237]')" "$T/out")" -eq 0; then pass; fi

# Newlines (a multi-line block scalar) and TABs are text.
printf -- '---\nid: F-HY-0001\nname: 甲公司\nsince: 2023-06-01\n' >firms/HY.yaml
printf -- '---\nid: D-HY-202306-0001\nfirm: F-HY-0001\nopened: 2023-06-02\nsource: 热线\nkind: problem\nlevel: local\ncategory: financing\ntitle: 贷款难\ndetail: |-\n  需要流动资金\n  500\t万元\nstatus: open\nlog:\n- date: 2023-06-02\n  action: collect\n  note: "第一行\\n第二行"\n' >demands/2023-06.yaml
test_start "a multi-line detail and a TAB are not control characters to check"
if expect_code 0 qf check && expect_out <<'X' &&
X
	expect_err_has "2 records checked, 0 problems"; then pass; fi

done_testing
