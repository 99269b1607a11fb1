#!/bin/sh
# qf list-firms: the register with visits, the last visit and open demands;
# every filter and sort, every format, the terminal table.
. "${QF_SRC}/tests/cli/lib.sh"

new_store s
cd s
qf add-firm --name 燕京啤酒（衡阳）有限公司 -p 白沙工业园 -s 食品 -t 规上,重点 \
	-l 王副区长 --liaison 小周 >/dev/null
qf add-firm --name 衡阳北方光电信息技术有限公司 -p 高新区 -s 光电 \
	-t 高新技术,专精特新 -l 李局长 --liaison 小吴 >/dev/null
qf add-firm --name 衡阳恒飞电缆有限责任公司 -p 白沙工业园 -s 电缆 -t 规上 \
	-l 王副区长 >/dev/null
qf add-firm --name 湖南新材料科技有限公司 -p 松木经开区 -s 新材料 >/dev/null
qf add-visit --firm 燕京 --date 2023-04-20 -p 用地紧张 -c land >/dev/null
qf add-visit --firm 北方光电 --date 2023-05-10 -k survey \
	-p 贷款难 -c financing -s 建议开通公交 -c infrastructure >/dev/null
qf add-visit --firm 恒飞 --date 2023-05-20 >/dev/null
qf add-visit --firm 燕京 --date 2023-06-05 -k onsite >/dev/null
qf add-demand --firm 恒飞 --title 招工难 --category labour --opened 2023-06-02 >/dev/null
qf add-demand --firm 恒飞 --title 电力增容 --category energy --opened 2023-06-10 >/dev/null
qf add-demand --firm 恒飞 --title 道路破损 --category infrastructure --opened 2023-06-10 >/dev/null
qf assign --dept 金融办 --due 2023-06-10 --date 2023-05-12 D-HY-202305-0001 >/dev/null
qf resolve -m 已放贷 --date 2023-06-01 D-HY-202305-0001 >/dev/null
qf resolve -m 已修复 --date 2023-06-12 D-HY-202306-0003 >/dev/null
# firm        visits last        open
# F-HY-0001   2      2023-06-05  1   (用地紧张)
# F-HY-0002   1      2023-05-10  1   (建议开通公交; 贷款难 resolved)
# F-HY-0003   1      2023-05-20  2   (招工难, 电力增容; 道路破损 resolved)
# F-HY-0004   0                  0
qf check >/dev/null 2>&1 || echo "Bail out! the test store does not check clean"

snap .
test_start "piped: TSV without header, by ID, with visits, the last visit and open demands"
if expect_code 0 qf list-firms && expect_out <<'X'; then pass; fi
F-HY-0001	燕京啤酒（衡阳）有限公司	白沙工业园	王副区长	2	2023-06-05	1
F-HY-0002	衡阳北方光电信息技术有限公司	高新区	李局长	1	2023-05-10	1
F-HY-0003	衡阳恒飞电缆有限责任公司	白沙工业园	王副区长	1	2023-05-20	2
F-HY-0004	湖南新材料科技有限公司	松木经开区		0		0
X

test_start "--header and every field"
if expect_code 0 qf list-firms --header --fields id,name,park,sector,tags,leader,liaison,visits,last,open &&
	expect_out <<'X'; then pass; fi
id	name	park	sector	tags	leader	liaison	visits	last	open
F-HY-0001	燕京啤酒（衡阳）有限公司	白沙工业园	食品	规上,重点	王副区长	小周	2	2023-06-05	1
F-HY-0002	衡阳北方光电信息技术有限公司	高新区	光电	高新技术,专精特新	李局长	小吴	1	2023-05-10	1
F-HY-0003	衡阳恒飞电缆有限责任公司	白沙工业园	电缆	规上	王副区长		1	2023-05-20	2
F-HY-0004	湖南新材料科技有限公司	松木经开区	新材料				0		0
X

test_start "--tag is a whole tag; -t"
if expect_code 0 qf list-firms --tag 规上 --fields id,tags && expect_out <<'X' &&
F-HY-0001	规上,重点
F-HY-0003	规上
X
	expect_code 0 qf list-firms -t 专精特新 --fields id && expect_out <<'X' &&
F-HY-0002
X
	expect_code 1 qf list-firms --tag 规 && expect_out </dev/null; then pass; fi

test_start "--park and --sector by a part; -p"
if expect_code 0 qf list-firms --park 白沙 --fields id,park && expect_out <<'X' &&
F-HY-0001	白沙工业园
F-HY-0003	白沙工业园
X
	expect_code 0 qf list-firms -p 高新 --fields id && expect_out <<'X' &&
F-HY-0002
X
	expect_code 0 qf list-firms --sector 电 --fields id,sector && expect_out <<'X'; then pass; fi
F-HY-0002	光电
F-HY-0003	电缆
X

test_start "--leader and -l"
if expect_code 0 qf list-firms --leader 王 --fields id,leader && expect_out <<'X' &&
F-HY-0001	王副区长
F-HY-0003	王副区长
X
	expect_code 0 qf list-firms -l 李局长 --fields id,leader && expect_out <<'X'; then pass; fi
F-HY-0002	李局长
X

test_start "--visited-since D: on or after D"
if expect_code 0 qf list-firms --visited-since 2023-05-20 --fields id,last && expect_out <<'X' &&
F-HY-0001	2023-06-05
F-HY-0003	2023-05-20
X
	expect_code 1 qf list-firms --visited-since 2023-06-06 && expect_out </dev/null; then pass; fi

test_start "--not-visited-since D: the coverage gaps, never-visited firms included"
if expect_code 0 qf list-firms --not-visited-since 2023-05-20 --fields id,last && expect_out <<'X' &&
F-HY-0002	2023-05-10
F-HY-0004	
X
	expect_code 0 qf list-firms --not-visited-since 2023-05-21 --fields id && expect_out <<'X'; then pass; fi
F-HY-0002
F-HY-0003
F-HY-0004
X

test_start "--never-visited and --with-open"
if expect_code 0 qf list-firms --never-visited --fields id,visits && expect_out <<'X' &&
F-HY-0004	0
X
	expect_code 0 qf list-firms --with-open --fields id,open && expect_out <<'X'; then pass; fi
F-HY-0001	1
F-HY-0002	1
F-HY-0003	2
X

test_start "filters combine"
if expect_code 0 qf list-firms --tag 规上 --park 白沙 --not-visited-since 2023-06-01 --with-open --fields id &&
	expect_out <<'X' &&
F-HY-0003
X
	expect_code 1 qf list-firms --visited-since 2023-05-01 --never-visited && expect_out </dev/null; then pass; fi

test_start "--sort name, visits, open (ties by ID)"
if expect_code 0 qf list-firms --sort name --fields id,name && expect_out <<'X' &&
F-HY-0004	湖南新材料科技有限公司
F-HY-0001	燕京啤酒（衡阳）有限公司
F-HY-0002	衡阳北方光电信息技术有限公司
F-HY-0003	衡阳恒飞电缆有限责任公司
X
	expect_code 0 qf list-firms -s visits --fields id,visits && expect_out <<'X' &&
F-HY-0004	0
F-HY-0002	1
F-HY-0003	1
F-HY-0001	2
X
	expect_code 0 qf list-firms --sort open --fields id,open && expect_out <<'X'; then pass; fi
F-HY-0004	0
F-HY-0001	1
F-HY-0002	1
F-HY-0003	2
X

test_start "--sort last: never visited last, also with -r; --reverse by ID"
if expect_code 0 qf list-firms --sort last --fields id,last && expect_out <<'X' &&
F-HY-0002	2023-05-10
F-HY-0003	2023-05-20
F-HY-0001	2023-06-05
F-HY-0004	
X
	expect_code 0 qf list-firms --sort last -r --fields id,last && expect_out <<'X' &&
F-HY-0001	2023-06-05
F-HY-0003	2023-05-20
F-HY-0002	2023-05-10
F-HY-0004	
X
	expect_code 0 qf list-firms --reverse --fields id && expect_out <<'X'; then pass; fi
F-HY-0004
F-HY-0003
F-HY-0002
F-HY-0001
X

test_start "nothing matched: exit 1, no output"
if expect_code 1 qf list-firms --tag 小巨人 && expect_out </dev/null &&
	assert test ! -s "$T/err"; then pass; fi

test_start "an unknown field (64); bad option values (64)"
if expect_code 64 qf list-firms --fields id,credit && expect_err_has "no field 'credit'" &&
	expect_code 64 qf list-firms --sort park && expect_err_has "--sort: 'park'" &&
	expect_code 64 qf list-firms --visited-since 2023-5-1 &&
	expect_code 64 qf list-firms --not-visited-since 上月 &&
	expect_code 64 qf list-firms --format xls &&
	expect_code 64 qf list-firms --firm 燕京 &&
	expect_code 64 qf list-firms F-HY-0001 && expect_out </dev/null; then pass; fi

test_start "--format table in a pipe: aligned, numbers to the right, not cut"
if expect_code 0 qf list-firms --format table && expect_out <<'X'; then pass; fi
id         name                          park        leader    visits  last        open
F-HY-0001  燕京啤酒（衡阳）有限公司      白沙工业园  王副区长       2  2023-06-05     1
F-HY-0002  衡阳北方光电信息技术有限公司  高新区      李局长         1  2023-05-10     1
F-HY-0003  衡阳恒飞电缆有限责任公司      白沙工业园  王副区长       1  2023-05-20     2
F-HY-0004  湖南新材料科技有限公司        松木经开区                 0                 0
X

test_start "--format table --no-header: no header line"
if expect_code 0 qf list-firms --format table --no-header --fields id,visits && expect_out <<'X'; then pass; fi
F-HY-0001       2
F-HY-0002       1
F-HY-0003       1
F-HY-0004       0
X

test_start "CSV: a tag list is one quoted cell; counts are numbers"
if expect_code 0 sh -c 'qf list-firms --format csv --header --fields id,tags,visits,open | cat' &&
	assert python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
assert rows == [["id", "tags", "visits", "open"],
                ["F-HY-0001", "规上,重点", "2", "1"],
                ["F-HY-0002", "高新技术,专精特新", "1", "1"],
                ["F-HY-0003", "规上", "1", "2"],
                ["F-HY-0004", "", "0", "0"]], rows
' "$T/out"; then pass; fi

test_start "JSON: the full firm records"
if expect_code 0 qf list-firms --format json --tag 规上 && assert python3 -c '
import json, sys
recs = json.load(open(sys.argv[1], encoding="utf-8"))
assert [r["id"] for r in recs] == ["F-HY-0001", "F-HY-0003"], recs
assert recs[0]["name"] == "燕京啤酒（衡阳）有限公司"
assert recs[0]["tags"] == ["规上", "重点"] and recs[0]["liaison"] == "小周"
assert recs[1]["park"] == "白沙工业园" and recs[1]["leader"] == "王副区长"
' "$T/out"; then pass; fi

test_start "YAML: the full records, as qf show prints them"
if expect_code 0 qf list-firms --format yaml && cp "$T/out" "$T/list.yaml" &&
	run sh -c 'qf list-firms | qf show --format yaml' &&
	assert cmp -s "$T/list.yaml" "$T/out" &&
	assert grep -q '^name: 湖南新材料科技有限公司$' "$T/list.yaml"; then pass; fi

test_start "terminal: a table with header, aligned, the name cut to fit 75 columns"
if ! have_script; then skip "no script(1) to give a terminal"; else
	qf list-firms --format tsv --header >"$T/tsv"
	if on_tty 75 qf list-firms && cat >"$T/expected" <<'X' && cmp -s "$T/expected" "$T/tty" &&
id         name              park        leader    visits  last        open
F-HY-0001  燕京啤酒（衡阳…   白沙工业园  王副区长       2  2023-06-05     1
F-HY-0002  衡阳北方光电信…   高新区      李局长         1  2023-05-10     1
F-HY-0003  衡阳恒飞电缆有…   白沙工业园  王副区长       1  2023-05-20     2
F-HY-0004  湖南新材料科技…   松木经开区                 0                 0
X
		aligned "$T/tty" "$T/tsv" 75 name visits,open 4; then pass; else
		fail "table on a 75-column terminal"; diff "$T/expected" "$T/tty" | sed 's/^/#   /'; fi
fi

test_start "terminal: \$COLUMNS when the terminal gives no size"
if ! have_script; then skip "no script(1) to give a terminal"; else
	qf list-firms --format tsv --header >"$T/tsv"
	if on_tty 0 COLUMNS=70 qf list-firms && aligned "$T/tty" "$T/tsv" 70 name visits,open 4; then pass; fi
fi

test_start "terminal: with --fields the name is still cut to fit"
if ! have_script; then skip "no script(1) to give a terminal"; else
	qf list-firms --format tsv --header --fields id,name,visits >"$T/tsv"
	if on_tty 30 qf list-firms --fields id,name,visits &&
		aligned "$T/tty" "$T/tsv" 30 name visits 4; then pass; fi
fi

test_start "reading never writes"
if unchanged .; then pass; fi

cd "$T/w"
new_store x
cd x
qf add-firm --name '=cmd|calc 公司' -t '@标签' >/dev/null
qf add-firm --name '甲, "乙"公司' -p '-园区' >/dev/null
qf add-firm --name "$(printf '\033[2J坏\a\302\233公司')" >/dev/null
ESC_NAME=$(printf '\033[2J坏\a\302\233公司')

test_start "TSV and table escape control characters in names"
if expect_code 0 qf list-firms --fields id,name && expect_out <<'X' &&
F-HY-0001	=cmd|calc 公司
F-HY-0002	甲, "乙"公司
F-HY-0003	\e[2J坏\x07\u009B公司
X
	expect_code 0 qf list-firms --fields id,name --format table && expect_out <<'X'; then pass; fi
id         name
F-HY-0001  =cmd|calc 公司
F-HY-0002  甲, "乙"公司
F-HY-0003  \e[2J坏\x07\u009B公司
X

test_start "CSV: names, tags and parks that look like formulas get a leading '"
if expect_code 0 sh -c 'qf list-firms --format csv --no-header --fields id,name,park,tags,visits | cat' &&
	assert python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
assert rows == [["F-HY-0001", "\x27=cmd|calc 公司", "", "\x27@标签", "0"],
                ["F-HY-0002", "甲, \"乙\"公司", "\x27-园区", "", "0"],
                ["F-HY-0003", sys.argv[2], "", "", "0"]], rows
' "$T/out" "$ESC_NAME"; then pass; fi

test_start "JSON: control characters as \\u escapes; the name round-trips"
if expect_code 0 qf list-firms --format json && assert python3 -c '
import json, sys
raw = open(sys.argv[1], "rb").read()
recs = json.loads(raw.decode("utf-8"))
assert recs[2]["name"] == sys.argv[2], recs[2]
assert recs[1]["name"] == "甲, \"乙\"公司"
assert b"\x1b" not in raw and b"\x07" not in raw and b"\\u001b[2J" in raw
' "$T/out" "$ESC_NAME"; then pass; fi

for fmt in table tsv csv json yaml; do
	test_start "terminal: no raw control character in --format $fmt"
	if ! have_script; then skip "no script(1) to give a terminal"; else
		if on_tty 200 qf list-firms --format $fmt &&
			assert grep -q 'F-HY-0003' "$T/tty" &&
			assert test "$(raw_controls "$T/tty")" = 0; then pass; fi
	fi
done

cd "$T/w"
D="$QF_SRC/data"
test_start "example store: firms not visited since 2023-09-01, IDs cut from the list"
if expect_code 0 sh -c "qf list-firms --data '$D' --not-visited-since 2023-09-01 | cut -f1" &&
	expect_out <<'X'; then pass; fi
F-HY-0001
F-HY-0007
F-HY-0010
F-HY-0011
F-HY-0012
F-HY-0015
F-HY-0018
F-HY-0019
F-HY-0025
F-HY-0027
F-HY-0028
X

test_start "example store: never visited; 专精特新; 衡东 with open demands by last visit"
if expect_code 0 qf list-firms --data "$D" --never-visited --fields id && expect_out <<'X' &&
F-HY-0011
F-HY-0025
F-HY-0027
F-HY-0028
X
	expect_code 0 qf list-firms --data "$D" --tag 专精特新 --fields id && expect_out <<'X' &&
F-HY-0004
F-HY-0010
F-HY-0015
F-HY-0016
F-HY-0023
X
	expect_code 0 qf list-firms --data "$D" --park 衡东 --with-open --sort last --fields id,last,open &&
	expect_out <<'X'; then pass; fi
F-HY-0018	2023-06-21	1
F-HY-0019	2023-08-17	1
F-HY-0017	2023-10-10	1
F-HY-0020	2023-10-19	1
F-HY-0021	2023-10-24	1
X

test_start "pipeline: the firms not visited since a day, shown in full"
if expect_code 0 sh -c "qf list-firms --data '$D' --never-visited | qf show --data '$D' --format json" &&
	assert python3 -c '
import json, sys
recs = json.load(open(sys.argv[1], encoding="utf-8"))
assert [r["firm"]["id"] for r in recs] == ["F-HY-0011", "F-HY-0025", "F-HY-0027", "F-HY-0028"], recs
assert all(r["visits"] == [] for r in recs), recs
' "$T/out"; then pass; fi

done_testing
