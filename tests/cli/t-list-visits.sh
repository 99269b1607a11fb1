#!/bin/sh
# qf list-visits: visits by period, firm, visitor and kind; every format,
# the terminal table, control characters, pipelines.
. "${QF_SRC}/tests/cli/lib.sh"

new_store s
cd s
qf add-policy --title 稳岗返还 >/dev/null
qf add-policy --title 研发费用加计扣除 >/dev/null
qf add-firm --name 燕京啤酒（衡阳）有限公司 >/dev/null
qf add-firm --name 衡阳北方光电信息技术有限公司 >/dev/null
qf add-firm --name 衡阳恒飞电缆有限责任公司 >/dev/null
qf add-firm --name 湖南新材料科技有限公司 >/dev/null
qf add-visit --firm 燕京 --date 2023-04-20 -v 王主任,李科长 -n 了解用地 \
	-p 用地紧张 -c land >/dev/null                                  # V-HY-202304-0001
# recorded out of order: the 31st gets the first number of May
qf add-visit --firm 燕京 --date 2023-05-31 -k onsite -v 王主任 -P P-HY-0001 >/dev/null # V-HY-202305-0001
qf add-visit --firm 北方光电 --date 2023-05-10 -k 调研 -v 张三 -P P-HY-0001,P-HY-0002 \
	-n 座谈融资 -p 贷款难 -c financing -s 建议开通公交 -c infrastructure >/dev/null # V-HY-202305-0002
qf add-visit --firm 恒飞 --date 2023-05-10 -k 座谈 -v 李科长 \
	-n "$(printf 'a\tb\nc')" >/dev/null                            # V-HY-202305-0003
qf add-visit --firm 北方光电 --date 2023-06-01 -v 王主任,张三 \
	-n '-待回访, "急"' >/dev/null                                  # V-HY-202306-0001
qf add-visit --firm 湖南 --date 2023-06-10 -v 赵六 \
	-n "$(printf '\033[1m粗\a\302\233')" >/dev/null                # V-HY-202306-0002
ESC_NOTE=$(printf '\033[1m粗\a\302\233')
qf check >/dev/null 2>&1 || echo "Bail out! the test store does not check clean"

snap .
test_start "piped: TSV without header, by date (then ID), demands raised counted"
if expect_code 0 qf list-visits && expect_out <<'X'; then pass; fi
V-HY-202304-0001	2023-04-20	燕京啤酒（衡阳）有限公司	王主任,李科长	visit	1
V-HY-202305-0002	2023-05-10	衡阳北方光电信息技术有限公司	张三	survey	2
V-HY-202305-0003	2023-05-10	衡阳恒飞电缆有限责任公司	李科长	meeting	0
V-HY-202305-0001	2023-05-31	燕京啤酒（衡阳）有限公司	王主任	onsite	0
V-HY-202306-0001	2023-06-01	衡阳北方光电信息技术有限公司	王主任,张三	visit	0
V-HY-202306-0002	2023-06-10	湖南新材料科技有限公司	赵六	visit	0
X

test_start "--header and every field; TSV escapes tab, newline and control characters"
if expect_code 0 qf list-visits --header --fields id,date,firm,firm_id,visitors,kind,policies,demands,note &&
	expect_out <<'X'; then pass; fi
id	date	firm	firm_id	visitors	kind	policies	demands	note
V-HY-202304-0001	2023-04-20	燕京啤酒（衡阳）有限公司	F-HY-0001	王主任,李科长	visit	0	1	了解用地
V-HY-202305-0002	2023-05-10	衡阳北方光电信息技术有限公司	F-HY-0002	张三	survey	2	2	座谈融资
V-HY-202305-0003	2023-05-10	衡阳恒飞电缆有限责任公司	F-HY-0003	李科长	meeting	0	0	a\tb\nc
V-HY-202305-0001	2023-05-31	燕京啤酒（衡阳）有限公司	F-HY-0001	王主任	onsite	1	0	
V-HY-202306-0001	2023-06-01	衡阳北方光电信息技术有限公司	F-HY-0002	王主任,张三	visit	0	0	-待回访, "急"
V-HY-202306-0002	2023-06-10	湖南新材料科技有限公司	F-HY-0004	赵六	visit	0	0	\e[1m粗\x07\u009B
X

test_start "--month, -m"
if expect_code 0 qf list-visits --month 2023-05 --fields id,date && expect_out <<'X' &&
V-HY-202305-0002	2023-05-10
V-HY-202305-0003	2023-05-10
V-HY-202305-0001	2023-05-31
X
	expect_code 0 qf list-visits -m 2023-04 --fields id && expect_out <<'X' &&
V-HY-202304-0001
X
	expect_code 1 qf list-visits --month 2023-07 && expect_out </dev/null; then pass; fi

test_start "--from and --to are inclusive"
if expect_code 0 qf list-visits --from 2023-05-10 --to 2023-05-31 --fields id && expect_out <<'X' &&
V-HY-202305-0002
V-HY-202305-0003
V-HY-202305-0001
X
	expect_code 0 qf list-visits --from 2023-05-11 --fields id && expect_out <<'X' &&
V-HY-202305-0001
V-HY-202306-0001
V-HY-202306-0002
X
	expect_code 0 qf list-visits --to 2023-05-10 --fields id && expect_out <<'X' &&
V-HY-202304-0001
V-HY-202305-0002
V-HY-202305-0003
X
	expect_code 1 qf list-visits --from 2023-06-02 --to 2023-06-09 && expect_out </dev/null; then pass; fi

test_start "--firm by a part of its name or by ID; -f"
if expect_code 0 qf list-visits --firm 燕京 --fields id,firm_id && expect_out <<'X' &&
V-HY-202304-0001	F-HY-0001
V-HY-202305-0001	F-HY-0001
X
	expect_code 0 qf list-visits -f F-HY-0002 --fields id && expect_out <<'X'; then pass; fi
V-HY-202305-0002
V-HY-202306-0001
X

test_start "--visitor and -v: one of those who went"
if expect_code 0 qf list-visits --visitor 李科长 --fields id,visitors && expect_out <<'X' &&
V-HY-202304-0001	王主任,李科长
V-HY-202305-0003	李科长
X
	expect_code 0 qf list-visits -v 王 --fields id && expect_out <<'X'; then pass; fi
V-HY-202304-0001
V-HY-202305-0001
V-HY-202306-0001
X

test_start "--visitor does not match across two visitors' names"
if expect_code 1 qf list-visits --visitor '主任,李' --fields id,visitors && expect_out </dev/null; then pass; fi

test_start "--kind in Chinese or as the token; -k"
if expect_code 0 qf list-visits --kind 调研 --fields id,kind && expect_out <<'X' &&
V-HY-202305-0002	survey
X
	expect_code 0 qf list-visits -k meeting --fields id && expect_out <<'X' &&
V-HY-202305-0003
X
	expect_code 0 qf list-visits --kind 上门办公 --fields id && expect_out <<'X' &&
V-HY-202305-0001
X
	expect_code 0 qf list-visits --kind 走访 --firm 北方 --fields id && expect_out <<'X'; then pass; fi
V-HY-202306-0001
X

test_start "-r / --reverse: newest first, ties by ID the other way"
if expect_code 0 qf list-visits -r --fields id,date && expect_out <<'X' &&
V-HY-202306-0002	2023-06-10
V-HY-202306-0001	2023-06-01
V-HY-202305-0001	2023-05-31
V-HY-202305-0003	2023-05-10
V-HY-202305-0002	2023-05-10
V-HY-202304-0001	2023-04-20
X
	expect_code 0 qf list-visits --reverse --month 2023-05 --fields id && expect_out <<'X'; then pass; fi
V-HY-202305-0001
V-HY-202305-0003
V-HY-202305-0002
X

test_start "bad option values (64), unknown (66) and ambiguous (65) firms"
if expect_code 64 qf list-visits --month 2023-13 && expect_err_has "--month: '2023-13'" &&
	expect_code 64 qf list-visits --month 2023-5 &&
	expect_code 64 qf list-visits --from 2023-02-30 &&
	expect_code 64 qf list-visits --to 明天 &&
	expect_code 64 qf list-visits --kind 拜访 &&
	expect_code 64 qf list-visits --fields id,who && expect_err_has "no field 'who'" &&
	expect_code 64 qf list-visits --format html &&
	expect_code 64 qf list-visits --sort date &&
	expect_code 64 qf list-visits V-HY-202304-0001 &&
	expect_code 66 qf list-visits --firm 华菱 && expect_out </dev/null &&
	expect_code 65 qf list-visits --firm 衡阳 && expect_out </dev/null &&
	expect_err_has "F-HY-0003 衡阳恒飞电缆有限责任公司"; then pass; fi

test_start "--format table in a pipe: aligned, not cut"
if expect_code 0 qf list-visits --format table --month 2023-05 && expect_out <<'X'; then pass; fi
id                date        firm                          visitors  kind     demands
V-HY-202305-0002  2023-05-10  衡阳北方光电信息技术有限公司  张三      survey         2
V-HY-202305-0003  2023-05-10  衡阳恒飞电缆有限责任公司      李科长    meeting        0
V-HY-202305-0001  2023-05-31  燕京啤酒（衡阳）有限公司      王主任    onsite         0
X

test_start "--format table --no-header: no header line"
if expect_code 0 qf list-visits --format table --no-header --month 2023-04 --fields id,demands &&
	expect_out <<'X'; then pass; fi
V-HY-202304-0001        1
X

test_start "CSV: visitor lists quoted, a note like a formula neutralised, counts as numbers"
if expect_code 0 sh -c 'qf list-visits --format csv --header --fields id,visitors,policies,demands,note | cat' &&
	assert python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
want = [["id", "visitors", "policies", "demands", "note"],
        ["V-HY-202304-0001", "王主任,李科长", "0", "1", "了解用地"],
        ["V-HY-202305-0002", "张三", "2", "2", "座谈融资"],
        ["V-HY-202305-0003", "李科长", "0", "0", "a\tb\nc"],
        ["V-HY-202305-0001", "王主任", "1", "0", ""],
        ["V-HY-202306-0001", "王主任,张三", "0", "0", "\x27-待回访, \"急\""],
        ["V-HY-202306-0002", "赵六", "0", "0", sys.argv[2]]]
assert rows == want, rows
' "$T/out" "$ESC_NOTE"; then pass; fi

test_start "JSON: full visit records with policies and demands"
if expect_code 0 qf list-visits --format json && assert python3 -c '
import json, sys
raw = open(sys.argv[1], "rb").read()
recs = json.loads(raw.decode("utf-8"))
assert [r["id"] for r in recs] == ["V-HY-202304-0001", "V-HY-202305-0002", "V-HY-202305-0003",
    "V-HY-202305-0001", "V-HY-202306-0001", "V-HY-202306-0002"], recs
v = recs[1]
assert v["firm"] == "F-HY-0002" and v["kind"] == "survey" and v["visitors"] == ["张三"], v
assert v["policies"] == ["P-HY-0001", "P-HY-0002"], v
assert v["demands"] == ["D-HY-202305-0001", "D-HY-202305-0002"], v
assert recs[2]["note"] == "a\tb\nc" and recs[5]["note"] == sys.argv[2]
assert b"\x1b" not in raw and b"\x07" not in raw and b"\\u001b[1m" in raw
' "$T/out" "$ESC_NOTE"; then pass; fi

test_start "YAML: the full records, as qf show prints them"
if expect_code 0 qf list-visits --format yaml && cp "$T/out" "$T/list.yaml" &&
	run sh -c 'qf list-visits | qf show --format yaml' &&
	assert cmp -s "$T/list.yaml" "$T/out"; then pass; fi

test_start "terminal: a table with header, aligned, the firm cut to fit 90 columns"
if ! have_script; then skip "no script(1) to give a terminal"; else
	qf list-visits --format tsv --header >"$T/tsv"
	if on_tty 90 qf list-visits && cat >"$T/expected" <<'X' && cmp -s "$T/expected" "$T/tty" &&
id                date        firm                         visitors       kind     demands
V-HY-202304-0001  2023-04-20  燕京啤酒（衡阳）有限公司     王主任,李科长  visit          1
V-HY-202305-0002  2023-05-10  衡阳北方光电信息技术有限公…  张三           survey         2
V-HY-202305-0003  2023-05-10  衡阳恒飞电缆有限责任公司     李科长         meeting        0
V-HY-202305-0001  2023-05-31  燕京啤酒（衡阳）有限公司     王主任         onsite         0
V-HY-202306-0001  2023-06-01  衡阳北方光电信息技术有限公…  王主任,张三    visit          0
V-HY-202306-0002  2023-06-10  湖南新材料科技有限公司       赵六           visit          0
X
		aligned "$T/tty" "$T/tsv" 90 firm demands 2; then pass; else
		fail "table on a 90-column terminal"; diff "$T/expected" "$T/tty" | sed 's/^/#   /'; fi
fi

test_start "terminal: \$COLUMNS=72 when the terminal gives no size: every firm cut"
if ! have_script; then skip "no script(1) to give a terminal"; else
	qf list-visits --format tsv --header >"$T/tsv"
	if on_tty 0 COLUMNS=72 qf list-visits && aligned "$T/tty" "$T/tsv" 72 firm demands 6; then pass; fi
fi

test_start "terminal: with --fields the firm is still cut to fit"
if ! have_script; then skip "no script(1) to give a terminal"; else
	qf list-visits --format tsv --header --fields id,firm >"$T/tsv"
	if on_tty 34 qf list-visits --fields id,firm && aligned "$T/tty" "$T/tsv" 34 firm "" 6; then pass; fi
fi

# (the empty note of V-HY-202305-0001 leaves the padding of the column before it)
test_start "terminal: control characters in a note reach it escaped in the table"
if ! have_script; then skip "no script(1) to give a terminal"; else
	if on_tty 200 qf list-visits --fields id,note && cat >"$T/expected" <<'X' && cmp -s "$T/expected" "$T/tty"; then pass; else
id                note
V-HY-202304-0001  了解用地
V-HY-202305-0002  座谈融资
V-HY-202305-0003  a\tb\nc
V-HY-202305-0001
V-HY-202306-0001  -待回访, "急"
V-HY-202306-0002  \e[1m粗\x07\u009B
X
		fail "table"; diff "$T/expected" "$T/tty" | sed 's/^/#   /'; fi
fi

for fmt in tsv csv json yaml; do
	test_start "terminal: no raw control character in --format $fmt"
	if ! have_script; then skip "no script(1) to give a terminal"; else
		if on_tty 200 qf list-visits --format $fmt --fields id,visitors,note &&
			assert grep -q 'V-HY-202306-0002' "$T/tty" && assert grep -q '粗' "$T/tty" &&
			assert test "$(raw_controls "$T/tty")" = 0; then pass; fi
	fi
done

test_start "pipeline: the visits of a firm into qf show, with the demands they raised"
if expect_code 0 sh -c 'qf list-visits --firm 北方光电 | qf show --format json' && assert python3 -c '
import json, sys
recs = json.load(open(sys.argv[1], encoding="utf-8"))
assert [r["visit"]["id"] for r in recs] == ["V-HY-202305-0002", "V-HY-202306-0001"], recs
assert [d["title"] for d in recs[0]["demands"]] == ["贷款难", "建议开通公交"], recs[0]
assert recs[1]["demands"] == [], recs[1]
' "$T/out"; then pass; fi

test_start "reading never writes"
if unchanged .; then pass; fi

cd "$T/w"
D="$QF_SRC/data"
test_start "example store: a firm's visits; a visitor's; April's surveys"
if expect_code 0 qf list-visits --data "$D" --firm 北方光电 && expect_out <<'X' &&
V-HY-202304-0011	2023-04-26	衡阳北方光电信息技术有限公司	李副主任,邓佳	visit	0
V-HY-202306-0005	2023-06-16	衡阳北方光电信息技术有限公司	李副主任,邓佳	meeting	1
V-HY-202307-0003	2023-07-19	衡阳北方光电信息技术有限公司	李副主任,肖琪	onsite	1
V-HY-202310-0003	2023-10-17	衡阳北方光电信息技术有限公司	李副主任,邓佳	visit	1
X
	expect_code 0 qf list-visits --data "$D" --visitor 李娟 --fields id,date && expect_out <<'X' &&
V-HY-202304-0002	2023-04-13
V-HY-202304-0006	2023-04-20
V-HY-202304-0008	2023-04-21
V-HY-202306-0004	2023-06-15
V-HY-202306-0007	2023-06-21
V-HY-202306-0008	2023-06-27
V-HY-202310-0001	2023-10-10
V-HY-202310-0006	2023-10-24
X
	expect_code 0 qf list-visits --data "$D" --month 2023-04 --kind survey --fields id,date,firm &&
	expect_out <<'X'; then pass; fi
V-HY-202304-0007	2023-04-21	湖南纳金新材料技术有限公司
V-HY-202304-0009	2023-04-24	湖南广信科技有限公司
V-HY-202304-0012	2023-04-28	湖南长高森源电力设备有限公司
X

done_testing
