#!/bin/sh
# qf list-open: the demands not closed yet, every filter and sort, every
# output format, the terminal table, control characters, pipelines.
. "${QF_SRC}/tests/cli/lib.sh"

new_store s
cd s
qf add-firm --name 燕京啤酒（衡阳）有限公司 -p 白沙工业园 -s 食品 -t 规上,重点 \
	-l 王副区长 >/dev/null
qf add-firm --name 衡阳北方光电信息技术有限公司 -p 高新区 -s 光电 \
	-t 高新技术,专精特新 -l 李局长 >/dev/null
qf add-firm --name 衡阳恒飞电缆有限责任公司 -p 白沙工业园 -s 电缆 -t 规上 \
	-l 王副区长 >/dev/null
qf add-firm --name 湖南新材料科技有限公司 -p 松木经开区 >/dev/null
qf add-visit --firm 燕京 --date 2023-04-20 -v 王主任,李科长 -p 用地紧张 -c land >/dev/null
qf add-visit --firm 北方光电 --date 2023-05-10 -k survey -v 张三 \
	-p 贷款难 -c financing --higher -s 建议开通公交 -c infrastructure >/dev/null
qf add-demand --firm 恒飞 --title 招工难 --category labour --source 热线 \
	--opened 2023-06-02 >/dev/null
qf add-demand --firm 恒飞 --title 电力增容 --category energy --opened 2023-06-10 \
	--detail '需要增容到 2000kVA' >/dev/null
qf add-demand --firm 湖南 --title 环评批复 --category environment \
	--opened 2023-06-12 >/dev/null
# D-HY-202304-0001 用地紧张   自然资源局 (协办 经济发展局) 刘科长 due 05-31: 15 days overdue
# D-HY-202305-0001 贷款难     金融办 陈主任 上级           due 06-10: 5 days overdue
# D-HY-202305-0002 建议开通公交 经济发展局 (a suggestion)   due 06-30
# D-HY-202306-0001 招工难     经济发展局 (协办 金融办) 刘科长 due 06-20
# D-HY-202306-0002 电力增容   open (not assigned)
# D-HY-202306-0003 环评批复   resolved: never listed
qf assign --dept 自然资源局 --codept 经济发展局 -o 刘科长 --due 2023-05-31 \
	--date 2023-04-25 D-HY-202304-0001 >/dev/null
qf assign --dept 金融办 -o 陈主任 --due 2023-06-10 --date 2023-05-12 D-HY-202305-0001 >/dev/null
qf assign --dept 经济发展局 --due 2023-06-30 --date 2023-05-12 D-HY-202305-0002 >/dev/null
qf assign --dept 经济发展局 --codept 金融办 -o 刘科长 --due 2023-06-20 \
	--date 2023-06-03 D-HY-202306-0001 >/dev/null
qf resolve -m 已批复 --date 2023-06-14 D-HY-202306-0003 >/dev/null
qf check >/dev/null 2>&1 || echo "Bail out! the test store does not check clean"

snap .
test_start "piped: TSV, no header, by due date with no due date last; closed demands left out"
if expect_code 0 qf list-open && expect_out <<'X'; then pass; fi
D-HY-202304-0001	燕京啤酒（衡阳）有限公司	自然资源局	2023-05-31	15	用地紧张
D-HY-202305-0001	衡阳北方光电信息技术有限公司	金融办	2023-06-10	5	贷款难
D-HY-202306-0001	衡阳恒飞电缆有限责任公司	经济发展局	2023-06-20		招工难
D-HY-202305-0002	衡阳北方光电信息技术有限公司	经济发展局	2023-06-30		建议开通公交
D-HY-202306-0002	衡阳恒飞电缆有限责任公司				电力增容
X

test_start "--header names the default columns"
if expect_code 0 qf list-open --header --firm 燕京 && expect_out <<'X'; then pass; fi
id	firm	dept	due	overdue	title
D-HY-202304-0001	燕京啤酒（衡阳）有限公司	自然资源局	2023-05-31	15	用地紧张
X

test_start "--firm by a part of the name, by ID, -f"
if expect_code 0 qf list-open --firm 北方光电 && expect_out <<'X' &&
D-HY-202305-0001	衡阳北方光电信息技术有限公司	金融办	2023-06-10	5	贷款难
D-HY-202305-0002	衡阳北方光电信息技术有限公司	经济发展局	2023-06-30		建议开通公交
X
	expect_code 0 qf list-open --firm F-HY-0002 && expect_out <<'X' &&
D-HY-202305-0001	衡阳北方光电信息技术有限公司	金融办	2023-06-10	5	贷款难
D-HY-202305-0002	衡阳北方光电信息技术有限公司	经济发展局	2023-06-30		建议开通公交
X
	expect_code 0 qf list-open -f 恒飞 && expect_out <<'X'; then pass; fi
D-HY-202306-0001	衡阳恒飞电缆有限责任公司	经济发展局	2023-06-20		招工难
D-HY-202306-0002	衡阳恒飞电缆有限责任公司				电力增容
X

test_start "--dept (a part of the unit's name) and -d"
if expect_code 0 qf list-open --dept 经济 && expect_out <<'X' &&
D-HY-202306-0001	衡阳恒飞电缆有限责任公司	经济发展局	2023-06-20		招工难
D-HY-202305-0002	衡阳北方光电信息技术有限公司	经济发展局	2023-06-30		建议开通公交
X
	expect_code 0 qf list-open -d 金融办 && expect_out <<'X'; then pass; fi
D-HY-202305-0001	衡阳北方光电信息技术有限公司	金融办	2023-06-10	5	贷款难
X

test_start "--codept: the unit leading or co-handling"
if expect_code 0 qf list-open --codept 金融办 && expect_out <<'X' &&
D-HY-202305-0001	衡阳北方光电信息技术有限公司	金融办	2023-06-10	5	贷款难
D-HY-202306-0001	衡阳恒飞电缆有限责任公司	经济发展局	2023-06-20		招工难
X
	expect_code 0 qf list-open --codept 经济发展局 --fields id,dept,codepts && expect_out <<'X'; then pass; fi
D-HY-202304-0001	自然资源局	经济发展局
D-HY-202306-0001	经济发展局	金融办
D-HY-202305-0002	经济发展局	
X

test_start "--owner and -o"
if expect_code 0 qf list-open --owner 刘科长 --fields id,owner && expect_out <<'X' &&
D-HY-202304-0001	刘科长
D-HY-202306-0001	刘科长
X
	expect_code 0 qf list-open -o 陈 --fields id,owner && expect_out <<'X'; then pass; fi
D-HY-202305-0001	陈主任
X

test_start "--category in Chinese or as the token; -c"
if expect_code 0 qf list-open --category 融资 --fields id,category && expect_out <<'X' &&
D-HY-202305-0001	financing
X
	expect_code 0 qf list-open -c energy --fields id,category && expect_out <<'X'; then pass; fi
D-HY-202306-0002	energy
X

test_start "--kind 建议 / problem and --level 上级 / local"
if expect_code 0 qf list-open --kind 建议 --fields id,kind && expect_out <<'X' &&
D-HY-202305-0002	suggestion
X
	expect_code 0 qf list-open -k problem --fields id,kind && expect_out <<'X' &&
D-HY-202304-0001	problem
D-HY-202305-0001	problem
D-HY-202306-0001	problem
D-HY-202306-0002	problem
X
	expect_code 0 qf list-open --level 上级 --fields id,level && expect_out <<'X' &&
D-HY-202305-0001	higher
X
	expect_code 0 qf list-open -l local --fields id,level && expect_out <<'X'; then pass; fi
D-HY-202304-0001	local
D-HY-202306-0001	local
D-HY-202305-0002	local
D-HY-202306-0002	local
X

test_start "--status 待交办 (not assigned) and assigned; a closed status is refused (64)"
if expect_code 0 qf list-open --status 待交办 --fields id,status && expect_out <<'X' &&
D-HY-202306-0002	open
X
	expect_code 0 qf list-open --status assigned --fields id,status && expect_out <<'X' &&
D-HY-202304-0001	assigned
D-HY-202305-0001	assigned
D-HY-202306-0001	assigned
D-HY-202305-0002	assigned
X
	expect_code 64 qf list-open --status resolved && expect_out </dev/null &&
	expect_err_has "closed demands are not listed here" &&
	expect_code 64 qf list-open --status 搁置; then pass; fi

test_start "--leader: of firms whose 联点领导 is NAME"
if expect_code 0 qf list-open --leader 王副区长 --fields id,firm_id,leader && expect_out <<'X' &&
D-HY-202304-0001	F-HY-0001	王副区长
D-HY-202306-0001	F-HY-0003	王副区长
D-HY-202306-0002	F-HY-0003	王副区长
X
	expect_code 0 qf list-open --leader 李 --fields id,leader && expect_out <<'X'; then pass; fi
D-HY-202305-0001	李局长
D-HY-202305-0002	李局长
X

test_start "--overdue today, and --at another day"
if expect_code 0 qf list-open --overdue && expect_out <<'X' &&
D-HY-202304-0001	燕京啤酒（衡阳）有限公司	自然资源局	2023-05-31	15	用地紧张
D-HY-202305-0001	衡阳北方光电信息技术有限公司	金融办	2023-06-10	5	贷款难
X
	expect_code 0 qf list-open --overdue --at 2023-06-25 --fields id,due,overdue && expect_out <<'X' &&
D-HY-202304-0001	2023-05-31	25
D-HY-202305-0001	2023-06-10	15
D-HY-202306-0001	2023-06-20	5
X
	expect_code 0 qf list-open --overdue --at 2023-06-10 --fields id,overdue && expect_out <<'X'; then pass; fi
D-HY-202304-0001	10
X

test_start "nothing matched: exit 1, no output"
if expect_code 1 qf list-open --overdue --at 2023-05-31 && expect_out </dev/null &&
	expect_code 1 qf list-open --grep 没有这个 && expect_out </dev/null &&
	expect_code 1 qf list-open --firm 湖南 && expect_out </dev/null &&
	assert test ! -s "$T/err"; then pass; fi

test_start "--due-within N of today or --at (overdue included, no due date left out)"
if expect_code 0 qf list-open --due-within 5 --fields id,due && expect_out <<'X' &&
D-HY-202304-0001	2023-05-31
D-HY-202305-0001	2023-06-10
D-HY-202306-0001	2023-06-20
X
	expect_code 0 qf list-open --due-within 4 --fields id,due && expect_out <<'X' &&
D-HY-202304-0001	2023-05-31
D-HY-202305-0001	2023-06-10
X
	expect_code 0 qf list-open --due-within 0 --at 2023-06-30 --fields id,due && expect_out <<'X'; then pass; fi
D-HY-202304-0001	2023-05-31
D-HY-202305-0001	2023-06-10
D-HY-202306-0001	2023-06-20
D-HY-202305-0002	2023-06-30
X

test_start "--opened-before and --opened-after are strict"
if expect_code 0 qf list-open --opened-before 2023-05-10 --fields id,opened && expect_out <<'X' &&
D-HY-202304-0001	2023-04-20
X
	expect_code 0 qf list-open --opened-after 2023-05-10 --fields id,opened && expect_out <<'X' &&
D-HY-202306-0001	2023-06-02
D-HY-202306-0002	2023-06-10
X
	expect_code 0 qf list-open --opened-after 2023-04-20 --opened-before 2023-06-02 \
		--fields id,opened && expect_out <<'X'; then pass; fi
D-HY-202305-0001	2023-05-10
D-HY-202305-0002	2023-05-10
X

test_start "--grep looks in the title and the detail; -g"
if expect_code 0 qf list-open --grep 贷款 --fields id,title && expect_out <<'X' &&
D-HY-202305-0001	贷款难
X
	expect_code 0 qf list-open -g 2000kVA --fields id,title && expect_out <<'X'; then pass; fi
D-HY-202306-0002	电力增容
X

test_start "filters combine (and)"
if expect_code 0 qf list-open --dept 经济 --leader 王 --fields id && expect_out <<'X'; then pass; fi
D-HY-202306-0001
X

test_start "--sort opened: ties in ID order"
if expect_code 0 qf list-open --sort opened --fields id,opened && expect_out <<'X'; then pass; fi
D-HY-202304-0001	2023-04-20
D-HY-202305-0001	2023-05-10
D-HY-202305-0002	2023-05-10
D-HY-202306-0001	2023-06-02
D-HY-202306-0002	2023-06-10
X

test_start "--sort firm (by name), dept (no unit last)"
if expect_code 0 qf list-open -s firm --fields id,firm && expect_out <<'X' &&
D-HY-202304-0001	燕京啤酒（衡阳）有限公司
D-HY-202305-0001	衡阳北方光电信息技术有限公司
D-HY-202305-0002	衡阳北方光电信息技术有限公司
D-HY-202306-0001	衡阳恒飞电缆有限责任公司
D-HY-202306-0002	衡阳恒飞电缆有限责任公司
X
	expect_code 0 qf list-open --sort dept --fields id,dept && expect_out <<'X'; then pass; fi
D-HY-202305-0002	经济发展局
D-HY-202306-0001	经济发展局
D-HY-202304-0001	自然资源局
D-HY-202305-0001	金融办
D-HY-202306-0002	
X

test_start "--sort overdue: most overdue first, then the rest by ID; -r turns it round"
if expect_code 0 qf list-open --sort overdue --fields id,overdue && expect_out <<'X' &&
D-HY-202304-0001	15
D-HY-202305-0001	5
D-HY-202305-0002	
D-HY-202306-0001	
D-HY-202306-0002	
X
	expect_code 0 qf list-open --sort overdue -r --fields id,overdue && expect_out <<'X'; then pass; fi
D-HY-202305-0001	5
D-HY-202304-0001	15
D-HY-202305-0002	
D-HY-202306-0001	
D-HY-202306-0002	
X

test_start "--reverse: latest due first, no due date still last"
if expect_code 0 qf list-open --reverse --fields id,due && expect_out <<'X'; then pass; fi
D-HY-202305-0002	2023-06-30
D-HY-202306-0001	2023-06-20
D-HY-202305-0001	2023-06-10
D-HY-202304-0001	2023-05-31
D-HY-202306-0002	
X

test_start "every field, in the documented order"
if expect_code 0 qf list-open --firm 燕京 --header --fields \
	id,firm,firm_id,dept,due,overdue,title,opened,status,kind,level,category,owner,codepts,leader,source &&
	expect_out <<'X'; then pass; fi
id	firm	firm_id	dept	due	overdue	title	opened	status	kind	level	category	owner	codepts	leader	source
D-HY-202304-0001	燕京啤酒（衡阳）有限公司	F-HY-0001	自然资源局	2023-05-31	15	用地紧张	2023-04-20	assigned	problem	local	land	刘科长	经济发展局	王副区长	V-HY-202304-0001
X

test_start "--fields with a full-width comma; an unknown field is refused (64)"
if expect_code 0 qf list-open --overdue --fields 'title，id' && expect_out <<'X' &&
用地紧张	D-HY-202304-0001
贷款难	D-HY-202305-0001
X
	expect_code 64 qf list-open --fields id,colour && expect_out </dev/null &&
	expect_err_has "no field 'colour'"; then pass; fi

test_start "--format table in a pipe: aligned, with header, not cut"
if expect_code 0 qf list-open --format table --overdue && expect_out <<'X'; then pass; fi
id                firm                          dept        due         overdue  title
D-HY-202304-0001  燕京啤酒（衡阳）有限公司      自然资源局  2023-05-31       15  用地紧张
D-HY-202305-0001  衡阳北方光电信息技术有限公司  金融办      2023-06-10        5  贷款难
X

test_start "--no-header leaves the header out of a table"
if expect_code 0 qf list-open --format table --no-header --overdue && expect_out <<'X'; then pass; fi
D-HY-202304-0001  燕京啤酒（衡阳）有限公司      自然资源局  2023-05-31       15  用地紧张
D-HY-202305-0001  衡阳北方光电信息技术有限公司  金融办      2023-06-10        5  贷款难
X

test_start "--no-header after --header, and --header after --no-header: the last one wins"
if expect_code 0 qf list-open --header --no-header --overdue --fields id && expect_out <<'X' &&
D-HY-202304-0001
D-HY-202305-0001
X
	expect_code 0 qf list-open --no-header --header --overdue --fields id && expect_out <<'X'; then pass; fi
id
D-HY-202304-0001
D-HY-202305-0001
X

test_start "bad option values: 64 and a message"
if expect_code 64 qf list-open --format xml && expect_err_has "--format: 'xml'" &&
	expect_code 64 qf list-open --sort title && expect_err_has "--sort: 'title'" &&
	expect_code 64 qf list-open --due-within -1 &&
	expect_code 64 qf list-open --due-within 3天 &&
	expect_code 64 qf list-open --due-within '' &&
	expect_code 64 qf list-open --at 2023-02-30 && expect_err_has "--at: '2023-02-30'" &&
	expect_code 64 qf list-open --opened-before 昨天 &&
	expect_code 64 qf list-open --opened-after 2023-6-1 &&
	expect_code 64 qf list-open --kind 抱怨 &&
	expect_code 64 qf list-open --level 国家 &&
	expect_code 64 qf list-open --category 其它类 &&
	expect_code 64 qf list-open --no-such-option &&
	expect_code 64 qf list-open D-HY-202304-0001 &&
	QF_TODAY=2023-13-01 expect_code 64 qf list-open; then pass; fi

test_start "an unknown firm (66), an ambiguous one (65) naming the candidates"
if expect_code 66 qf list-open --firm 华菱 && expect_out </dev/null &&
	expect_err_has "华菱" &&
	expect_code 66 qf list-open --firm F-HY-0042 &&
	expect_code 65 qf list-open --firm 衡阳 && expect_out </dev/null &&
	expect_err_has "F-HY-0002 衡阳北方光电信息技术有限公司" &&
	expect_err_has "F-HY-0003 衡阳恒飞电缆有限责任公司"; then pass; fi

test_start "no store: 66"
(cd "$T" && qf list-open >/dev/null 2>&1)
rc=$?
if [ $rc = 66 ]; then pass; else fail "exit code $rc, expected 66"; fi

test_start "reading never writes"
if unchanged .; then pass; fi

# Text that programs and spreadsheets choke on, in a store of its own.
cd "$T/w"
new_store x
cd x
qf add-firm --name '=HYPERLINK("http://x")公司' >/dev/null
qf add-firm --name 普通公司 >/dev/null
add() { qf add-demand --firm F-HY-0001 --category other --opened 2023-06-01 --title "$@" >/dev/null; }
add '=SUM(A1:A9)'                       # 0001
add '-5 天未回复'                        # 0002
add '@cmd|calc'                         # 0003
add '+86 电话打不通'                      # 0004
add "$(printf '逗号, "引号"\n第二行')"      # 0005
add "$(printf 'a\tb\nc')"               # 0006
add 'back\slash'                        # 0007
add "$(printf '\033[31m红\033[0m\a\302\233x\177')" # 0008
qf add-demand --firm F-HY-0002 --category other --opened 2023-06-01 --title 普通 >/dev/null # 0009
qf assign --dept 金融办 --due 2023-06-05 --date 2023-06-02 D-HY-202306-0001 D-HY-202306-0002 >/dev/null
qf assign --dept 金融办 --due 2023-06-14 --date 2023-06-02 D-HY-202306-0009 >/dev/null
ESC_TITLE=$(printf '\033[31m红\033[0m\a\302\233x\177')

test_start "TSV escapes tab, newline, backslash and control characters: one line per record"
if expect_code 0 qf list-open --fields id,title && expect_out <<'X'; then pass; fi
D-HY-202306-0001	=SUM(A1:A9)
D-HY-202306-0002	-5 天未回复
D-HY-202306-0009	普通
D-HY-202306-0003	@cmd|calc
D-HY-202306-0004	+86 电话打不通
D-HY-202306-0005	逗号, "引号"\n第二行
D-HY-202306-0006	a\tb\nc
D-HY-202306-0007	back\\slash
D-HY-202306-0008	\e[31m红\e[0m\x07\u009Bx\x7F
X

cat >"$T/check_csv.py" <<'PY'
import csv, sys
esc = sys.argv[2]
raw = open(sys.argv[1], 'rb').read()
assert not raw.startswith(b'\xef\xbb\xbf'), 'a BOM in a pipe'
assert raw.endswith(b'\r\n'), 'lines end in CRLF'
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8', newline='')))
want = [
    ['id', 'firm', 'dept', 'due', 'overdue', 'title'],
    ['D-HY-202306-0001', '\'=HYPERLINK("http://x")公司', '金融办', '2023-06-05', '10', "'=SUM(A1:A9)"],
    ['D-HY-202306-0002', '\'=HYPERLINK("http://x")公司', '金融办', '2023-06-05', '10', "'-5 天未回复"],
    ['D-HY-202306-0009', '普通公司', '金融办', '2023-06-14', '1', '普通'],
    ['D-HY-202306-0003', '\'=HYPERLINK("http://x")公司', '', '', '', "'@cmd|calc"],
    ['D-HY-202306-0004', '\'=HYPERLINK("http://x")公司', '', '', '', "'+86 电话打不通"],
    ['D-HY-202306-0005', '\'=HYPERLINK("http://x")公司', '', '', '', '逗号, "引号"\n第二行'],
    ['D-HY-202306-0006', '\'=HYPERLINK("http://x")公司', '', '', '', 'a\tb\nc'],
    ['D-HY-202306-0007', '\'=HYPERLINK("http://x")公司', '', '', '', 'back\\slash'],
    ['D-HY-202306-0008', '\'=HYPERLINK("http://x")公司', '', '', '', esc],
]
for i, (g, w) in enumerate(zip(rows, want)):
    if g != w:
        print('#   row %d: %r, expected %r' % (i, g, w))
        sys.exit(1)
if len(rows) != len(want):
    print('#   %d rows, expected %d' % (len(rows), len(want)))
    sys.exit(1)
PY
test_start "CSV: RFC 4180 quoting round-trips; formula-like text gets a leading ', days overdue do not"
if expect_code 0 sh -c 'qf list-open --format csv --header | cat' && cp "$T/out" "$T/list.csv" &&
	assert python3 "$T/check_csv.py" "$T/list.csv" "$ESC_TITLE"; then pass; fi

test_start "CSV into a regular file starts with a UTF-8 BOM; into a pipe it does not"
qf list-open --format csv --no-header --fields id >"$T/bom.csv"
if assert test "$(head -c 3 "$T/bom.csv" | od -An -tx1 | tr -d ' ')" = efbbbf &&
	assert test "$(qf list-open --format csv --no-header --fields id | head -c 3)" = D-H &&
	assert test "$(qf list-open --format csv --no-header --fields id | head -c 18 | tail -c 2 | od -An -tx1 | tr -d ' ')" = 0d0a; then pass; fi

test_start "CSV with --no-header has no header; a numeric field is never neutralised"
if expect_code 0 sh -c 'qf list-open --format csv --no-header --fields overdue,id --overdue | tr "\r" "%"' &&
	expect_out <<'X'; then pass; fi
10,D-HY-202306-0001%
10,D-HY-202306-0002%
1,D-HY-202306-0009%
X

cat >"$T/check_json.py" <<'PY'
import json, sys
recs = json.load(open(sys.argv[1], encoding='utf-8'))
raw = open(sys.argv[1], 'rb').read()
assert isinstance(recs, list) and len(recs) == 9, recs
ids = [r['id'] for r in recs]
assert ids == ['D-HY-202306-%04d' % n for n in (1, 2, 9, 3, 4, 5, 6, 7, 8)], ids
by = {r['id']: r for r in recs}
assert by['D-HY-202306-0001']['firm'] == 'F-HY-0001'
assert by['D-HY-202306-0009']['firm'] == 'F-HY-0002'
assert by['D-HY-202306-0001']['dept'] == '金融办'
assert by['D-HY-202306-0001']['due'] == '2023-06-05'
assert by['D-HY-202306-0001']['status'] == 'assigned'
assert by['D-HY-202306-0001']['log'][1]['action'] == 'assign'
assert by['D-HY-202306-0001']['title'] == '=SUM(A1:A9)'
assert by['D-HY-202306-0005']['title'] == '逗号, "引号"\n第二行'
assert by['D-HY-202306-0006']['title'] == 'a\tb\nc'
assert by['D-HY-202306-0007']['title'] == 'back\\slash'
assert by['D-HY-202306-0008']['title'] == sys.argv[2], by['D-HY-202306-0008']['title']
assert b'\x1b' not in raw and b'\x07' not in raw and b'\x7f' not in raw
assert b'\\u001b[31m' in raw
PY
test_start "JSON: the full records, parsed by python; control characters as \\u escapes"
if expect_code 0 qf list-open --format json && cp "$T/out" "$T/list.json" &&
	assert python3 "$T/check_json.py" "$T/list.json" "$ESC_TITLE"; then pass; fi

test_start "JSON and YAML ignore nothing matched: [] and nothing, exit 1"
if expect_code 1 qf list-open --format json --firm 普通 --status open && expect_out <<'X' &&
[]
X
	expect_code 1 qf list-open --format yaml --firm 普通 --status open && expect_out </dev/null; then pass; fi

test_start "YAML: the full records, as qf show prints them"
if expect_code 0 qf list-open --format yaml && cp "$T/out" "$T/list.yaml" &&
	run sh -c 'qf list-open | qf show --format yaml' &&
	assert cmp -s "$T/list.yaml" "$T/out"; then pass; fi

if python3 -c 'import yaml' 2>/dev/null; then
	test_start "YAML: parsed by PyYAML, the same records as the JSON"
	if assert python3 -c '
import json, sys, yaml
y = list(yaml.safe_load_all(open(sys.argv[1], encoding="utf-8")))
j = json.load(open(sys.argv[2], encoding="utf-8"))
def s(x):
    if isinstance(x, dict): return {k: s(v) for k, v in x.items()}
    if isinstance(x, list): return [s(v) for v in x]
    return str(x)
assert s(y) == s(j), (y, j)
' "$T/list.yaml" "$T/list.json"; then pass; fi
else
	test_start "YAML: parsed by PyYAML"
	skip "PyYAML is not installed"
fi

cd "$T/w/s"
test_start "terminal: a table with header; columns aligned in display columns; the title cut to fit"
if ! have_script; then skip "no script(1) to give a terminal"; else
	qf list-open --format tsv --header >"$T/tsv"
	if on_tty 90 qf list-open && cat >"$T/expected" <<'X' && cmp -s "$T/expected" "$T/tty" &&
id                firm                          dept        due         overdue  title
D-HY-202304-0001  燕京啤酒（衡阳）有限公司      自然资源局  2023-05-31       15  用地紧张
D-HY-202305-0001  衡阳北方光电信息技术有限公司  金融办      2023-06-10        5  贷款难
D-HY-202306-0001  衡阳恒飞电缆有限责任公司      经济发展局  2023-06-20           招工难
D-HY-202305-0002  衡阳北方光电信息技术有限公司  经济发展局  2023-06-30           建议开通…
D-HY-202306-0002  衡阳恒飞电缆有限责任公司                                       电力增容
X
		aligned "$T/tty" "$T/tsv" 90 title overdue 1; then pass; else
		fail "table on a 90-column terminal"; diff "$T/expected" "$T/tty" | sed 's/^/#   /'; fi
fi

test_start "terminal: --fields at 36 columns and \$COLUMNS when the terminal gives no size"
if ! have_script; then skip "no script(1) to give a terminal"; else
	qf list-open --format tsv --header --fields id,overdue,title >"$T/tsv"
	if on_tty 36 qf list-open --fields id,overdue,title && aligned "$T/tty" "$T/tsv" 36 title overdue 1 &&
		on_tty 0 COLUMNS=33 qf list-open --fields id,overdue,title &&
		aligned "$T/tty" "$T/tsv" 33 title overdue 3 &&
		on_tty 200 qf list-open --fields id,overdue,title &&
		aligned "$T/tty" "$T/tsv" 200 title overdue 0; then pass; fi
fi

test_start "terminal: the example store's list fits a standard 80-column terminal"
if ! have_script; then skip "no script(1) to give a terminal"; else
	qf list-open --data "$QF_SRC/data" --format tsv --header >"$T/tsv"
	if on_tty 80 qf list-open --data "$QF_SRC/data" &&
		aligned --others-may-cut "$T/tty" "$T/tsv" 80 title overdue; then pass; fi
fi

cd "$T/w/x"
# bytes a terminal would act on: ESC, BEL, DEL, and C1 (U+0080-U+009F).
test_start "terminal: control characters in data reach it escaped (\\e, \\x07, \\u009B) in the table"
if ! have_script; then skip "no script(1) to give a terminal"; else
	if on_tty 200 qf list-open --firm HYPERLINK --fields id,title &&
		assert grep -qF 'D-HY-202306-0008  \e[31m红\e[0m\x07\u009Bx\x7F' "$T/tty" &&
		assert test "$(raw_controls "$T/tty")" = 0; then pass; fi
fi

for fmt in tsv csv json yaml; do
	test_start "terminal: no raw control character in --format $fmt"
	if ! have_script; then skip "no script(1) to give a terminal"; else
		if on_tty 200 qf list-open --format $fmt &&
			assert grep -q 'D-HY-202306-0008' "$T/tty" &&
			assert test "$(raw_controls "$T/tty")" = 0; then pass; else
			LC_ALL=C grep -a "$(printf '\302[\200-\237]\\|\033')" "$T/tty" | od -c | head -5 | sed 's/^/#   /'; fi
	fi
done

cd "$T/w"
test_start "example store: overdue on 2023-11-01, most days first with --sort overdue"
if QF_TODAY=2023-11-01 expect_code 0 qf list-open --data "$QF_SRC/data" --overdue &&
	expect_out <<'X' &&
D-HY-202305-0006	衡阳振洋汽车配件有限公司	市自然资源和规划局	2023-08-31	62	搬迁后厂房不动产权证办理
D-HY-202304-0011	湖南纳金新材料技术有限公司	市科技局	2023-10-15	17	研发实验室进口设备申请科教用品免税
D-HY-202304-0014	湖南广信科技有限公司	市生态环境局	2023-10-20	12	锂电池隔膜转产项目环境影响评价审批
D-HY-202310-0002	衡阳汇俊精密科技有限公司	市科技局	2023-10-27	5	建议在智能衡器计量产业园建设检验检测公共服务平台
D-HY-202306-0007	湖南和畅（衡东）食品科技有限公司	衡东经开区管委会	2023-10-31	1	建议在经开区建设冷链物流公共仓储
X
	QF_TODAY=2023-11-01 expect_code 0 qf list-open --data "$QF_SRC/data" --overdue \
		--sort overdue -r --fields id,overdue && expect_out <<'X'; then pass; fi
D-HY-202306-0007	1
D-HY-202310-0002	5
D-HY-202304-0014	12
D-HY-202304-0011	17
D-HY-202305-0006	62
X

test_start "example store: an ambiguous firm names its candidates in whole characters"
if expect_code 65 qf list-open --data "$QF_SRC/data" --firm 衡阳 &&
	expect_err_has "firm name '衡阳' is ambiguous (12 firms)" &&
	expect_err_has "F-HY-0001 燕京啤酒（衡阳）有限公司" &&
	assert python3 -c 'import sys; open(sys.argv[1], encoding="utf-8", errors="strict").read()' "$T/err" &&
	if grep -q '\\x[89A-F][0-9A-F]' "$T/err"; then
		fail "a character is cut in half: $(grep -o '.\{12\}\\x[89A-F][0-9A-F].\{0,5\}' "$T/err")"; false
	fi; then pass; fi

cp -r "$QF_SRC/data" "$T/w/d"
cd "$T/w/d"
test_start "pipeline: qf list-open --overdue | qf urge changes exactly the overdue demands"
QF_TODAY=2023-11-01 qf list-open --overdue | cut -f1 >"$T/overdue.ids"
cat demands/*.yaml >"$T/before.yaml"
if QF_TODAY=2023-11-01 expect_code 0 sh -c 'qf list-open --overdue | qf urge --note 督办' &&
	assert cmp -s "$T/overdue.ids" "$T/out" &&
	assert test "$(grep -c 'note: 督办' demands/*.yaml | awk -F: '{ n += $2 } END { print n }')" = 5 &&
	assert test "$(cat demands/*.yaml | grep -c 'action: urge')" = \
		"$(($(grep -c 'action: urge' "$T/before.yaml") + 5))"; then
	ok=1
	while read -r id; do
		qf show --format json "$id" >"$T/one.json"
		python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
last = d["log"][-1]
assert last["action"] == "urge" and last["note"] == "督办" and last["date"] == "2023-11-01", last
' "$T/one.json" || { ok=0; fail "$id has no urge"; }
	done <"$T/overdue.ids"
	# every other demand is as it was: drop the five new entries and compare
	cat demands/*.yaml | awk '
		/^- date: 2023-11-01$/ { held = $0; next }
		held != "" && /^  action: urge$/ { skip = 1; held = ""; next }
		held != "" { print held; held = "" }
		skip && /^  / { next }
		{ skip = 0; print }' >"$T/after.yaml"
	if ! cmp -s "$T/before.yaml" "$T/after.yaml"; then
		ok=0; fail "other records changed"; diff "$T/before.yaml" "$T/after.yaml" | head | sed 's/^/#   /'
	fi
	[ $ok = 1 ] && QF_TODAY=2023-11-01 expect_code 0 qf check && pass
fi

cd "$T/w/s"
test_start "pipeline: qf list-open --firm X | qf show shows those demands"
if expect_code 0 sh -c 'qf list-open --firm 北方光电 | qf show' && cp "$T/out" "$T/piped" &&
	expect_code 0 qf show D-HY-202305-0001 D-HY-202305-0002 &&
	assert cmp -s "$T/piped" "$T/out" &&
	expect_code 0 sh -c 'qf list-open --firm 北方光电 | qf show --format json' &&
	assert python3 -c '
import json, sys
recs = json.load(open(sys.argv[1]))
assert [r["id"] for r in recs] == ["D-HY-202305-0001", "D-HY-202305-0002"], recs
assert all(r["firm"] == "F-HY-0002" for r in recs), recs
' "$T/out"; then pass; fi

cd "$T/w/s"
test_start "--firm finds the firm's demands however they are written: hand-edited flow style, escapes"
# One in flow style (the line scan cannot see it: the file is parsed
# whole), one whose firm is spelled with an escape (parsed: it holds a
# backslash), one of another firm that mentions this one in its title.
cat >>demands/2023-06.yaml <<'END'
---
{id: D-HY-202306-0004, firm: F-HY-0002, opened: 2023-06-20, kind: problem, level: local, category: land, title: 手写流式, status: open}
END
cat >demands/2023-07.yaml <<'END'
---
id: D-HY-202307-0001
firm: "F-HY-\x30002"
opened: 2023-07-01
kind: problem
level: local
category: land
title: 转义的企业号
status: open
---
id: D-HY-202307-0002
firm: F-HY-0003
opened: 2023-07-02
kind: problem
level: local
category: land
title: 与 F-HY-0002 共用道路
status: open
END
if expect_code 0 qf list-open --firm F-HY-0002 --format tsv --no-header --fields id,firm_id &&
	expect_out <<'END'
D-HY-202305-0001	F-HY-0002
D-HY-202305-0002	F-HY-0002
D-HY-202306-0004	F-HY-0002
D-HY-202307-0001	F-HY-0002
END
then
	# The same rows as filtering every record by hand.
	qf list-open --format tsv --no-header --fields id,firm_id | awk -F'\t' '$2 == "F-HY-0002"' >"$T/all"
	if assert cmp -s "$T/all" "$T/out"; then pass; fi
fi

done_testing
