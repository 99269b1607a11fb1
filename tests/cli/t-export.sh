#!/bin/sh
# qf export: every table in every format, CSV's edge cases (quotes, commas,
# line ends, formulas), the lists' filters, xlsx read back by openpyxl,
# bad usage, no store, -o that cannot be written (nothing left behind),
# and the bulletin as a workbook.
. "${QF_SRC}/tests/cli/lib.sh"

PY=/usr/bin/python3
have_openpyxl() { $PY -c 'import openpyxl' 2>/dev/null; }

new_store s
cd s
qf add-firm --name 燕京啤酒（衡阳）有限公司 -p 白沙工业园 -s 食品 -t 规上,重点 \
	-l 王副区长 --liaison 小周 >/dev/null
qf add-firm --name '衡阳"北方",光电' -p 高新区 -s 光电 -t 高新技术 \
	-l 李局长 >/dev/null
qf add-firm --name '=SUM(A1)' -p 松木经开区 >/dev/null
qf add-policy --title '+1 稳岗返还' --issuer 市人社局 --issued 2023-03-01 \
	--summary "$(printf '第一行\n第二行')" --tag 用工,省级 >/dev/null
qf add-policy --title "'=x" --summary '' >/dev/null
qf add-visit --firm 燕京 --date 2023-05-04 --visitor 王副区长,李科长 \
	--policy P-HY-0001 -p 贷款难 -c financing >/dev/null
qf add-visit --firm 北方 --date 2023-06-02 -k survey >/dev/null
qf add-demand --firm 北方 --title '招工难, "急"' --category labour \
	--amount 1500000 --opened 2023-06-03 --detail "$(printf 'a\tb\\c')" >/dev/null
qf assign --dept 金融办 --owner 李科长 --due 2023-06-10 --date 2023-05-06 \
	D-HY-202305-0001 >/dev/null
qf resolve -m 已放贷 --date 2023-06-01 D-HY-202305-0001 >/dev/null
qf check >/dev/null 2>&1 || echo "Bail out! the test store does not check clean"
snap .

# CSV without its CRs, for comparing.
nocr() { tr -d '\r' <"$T/out"; }

test_start "CSV: the field names, then every field as stored; RFC 4180 quoting; formulas neutralised"
if expect_code 0 qf export firms && nocr >"$T/out.lf" && mv "$T/out.lf" "$T/out" &&
	expect_out <<'X'; then pass; fi
id,name,credit_code,park,sector,tags,leader,liaison,contact.name,contact.title,contact.phone,since,note
F-HY-0001,燕京啤酒（衡阳）有限公司,,白沙工业园,食品,"规上,重点",王副区长,小周,,,,2023-06-15,
F-HY-0002,"衡阳""北方"",光电",,高新区,光电,高新技术,李局长,,,,,2023-06-15,
F-HY-0003,"'=SUM(A1)",,松木经开区,,,,,,,,2023-06-15,
X

test_start "CSV: CRLF line ends, a line end inside a cell kept in its quotes"
if expect_code 0 qf export policies; then
	lines=$(grep -c "$(printf '\r')\$" "$T/out")
	nocr >"$T/out.lf" && mv "$T/out.lf" "$T/out"
	if [ "$lines" -eq 3 ] && expect_out <<'X'; then pass; else fail "$lines CRLF lines, want 3"; fi
id,title,issuer,issued,expires,summary,tags,eligible.tags,eligible.sectors,eligible.parks
P-HY-0001,"'+1 稳岗返还",市人社局,2023-03-01,,"第一行
第二行","用工,省级",,,
P-HY-0002,"''=x",,,,,,,,
X
fi

test_start "CSV: amounts are numbers, not neutralised; no BOM unless --excel"
if expect_code 0 qf export demands && assert grep -q ',1500000,' "$T/out" &&
	assert [ "$(head -c 2 "$T/out")" = id ]; then pass; fi

test_start "--excel: a UTF-8 BOM first, then the same CSV"
cp "$T/out" "$T/plain.csv"
if expect_code 0 qf export demands --excel &&
	assert [ "$(head -c 3 "$T/out" | od -An -tx1 | tr -d ' ')" = efbbbf ] &&
	tail -c +4 "$T/out" | cmp -s - "$T/plain.csv"; then pass; else fail "not the same CSV after the BOM"; fi

test_start "a CSV text reads back exactly (python's csv, the neutralising ' taken off)"
if expect_code 0 qf export firms -o "$T/f.csv" && expect_code 0 qf export policies -o "$T/p.csv" &&
	$PY - "$T/f.csv" "$T/p.csv" >"$T/py" 2>&1 <<'PYX'; then pass; else fail "$(cat "$T/py")"; fi
import csv, sys
def text(c):
    # qf_csv_text: a ' before (more ' and) = + - @ TAB CR is the mark.
    s = c.lstrip("'")
    return c[1:] if c.startswith("'") and s[:1] and s[0] in "=+-@\t\r" else c
f = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
p = list(csv.reader(open(sys.argv[2], newline='', encoding='utf-8')))
assert [text(r[1]) for r in f[1:]] == ['燕京啤酒（衡阳）有限公司', '衡阳"北方",光电', '=SUM(A1)'], f
assert [text(r[1]) for r in p[1:]] == ['+1 稳岗返还', "'=x"], p
assert p[1][5] == '第一行\n第二行', p[1]
assert all(len(r) == len(f[0]) for r in f) and all(len(r) == len(p[0]) for r in p)
PYX

test_start "TSV: tabs, line ends and backslashes escaped as the lists do"
if expect_code 0 qf export demands --format tsv &&
	assert [ "$(wc -l <"$T/out")" -eq 3 ] &&
	expect_out_has 'a\tb\\c' && expect_out_has "$(printf 'id\tfirm\topened')"; then pass; fi

test_start "--no-header: rows only"
if expect_code 0 qf export visits --format tsv --no-header &&
	assert [ "$(wc -l <"$T/out")" -eq 2 ] && expect_out_has "$(printf 'V-HY-202305-0001\t2023-05-04\tF-HY-0001')"; then pass; fi

test_start "JSON: the full records, nested, as list-visits --format json gives them"
if expect_code 0 qf export visits --format json && cp "$T/out" "$T/e.json" &&
	expect_code 0 qf list-visits --format json && cmp -s "$T/out" "$T/e.json"; then pass; else fail "export and list differ"; fi

test_start "the log: every entry with its demand's ID first"
if expect_code 0 qf export log --format tsv && nocr >/dev/null &&
	expect_out <<'X'; then pass; fi
demand	date	action	by	note	due	dept	codepts	owner	satisfaction
D-HY-202305-0001	2023-05-04	collect	测试员						
D-HY-202305-0001	2023-05-06	assign	测试员		2023-06-10	金融办		李科长	
D-HY-202305-0001	2023-06-01	resolve	测试员	已放贷					
D-HY-202306-0001	2023-06-03	collect	测试员						
X

test_start "the log as JSON: the entries with \"demand\" first"
if expect_code 0 qf export log --format json &&
	$PY -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d)==4 and list(d[1])[:3]==["demand","date","action"] and d[1]["dept"]=="金融办", d' "$T/out" 2>"$T/py"; then pass; else fail "$(cat "$T/py")"; fi

test_start "filters: as the lists take them"
ok=1
expect_code 0 qf export firms --format tsv --no-header -t 规上 -p 白沙 && [ "$(cut -f1 "$T/out")" = F-HY-0001 ] || ok=0
expect_code 0 qf export firms --format tsv --no-header -l 李局长 && [ "$(cut -f1 "$T/out")" = F-HY-0002 ] || ok=0
expect_code 0 qf export policies --format tsv --no-header -t 省级 && [ "$(cut -f1 "$T/out")" = P-HY-0001 ] || ok=0
expect_code 0 qf export visits --format tsv --no-header --month 2023-06 && [ "$(cut -f1 "$T/out")" = V-HY-202306-0001 ] || ok=0
expect_code 0 qf export visits --format tsv --no-header --firm 燕京 -k 走访 && [ "$(cut -f1 "$T/out")" = V-HY-202305-0001 ] || ok=0
expect_code 0 qf export demands --format tsv --no-header --open && [ "$(cut -f1 "$T/out")" = D-HY-202306-0001 ] || ok=0
expect_code 0 qf export demands --format tsv --no-header --status 已解决 -d 金融 && [ "$(cut -f1 "$T/out")" = D-HY-202305-0001 ] || ok=0
expect_code 0 qf export demands --format tsv --no-header -l 王副区长 && [ "$(cut -f1 "$T/out")" = D-HY-202305-0001 ] || ok=0
expect_code 0 qf export demands --format tsv --no-header -m 2023-06 && [ "$(cut -f1 "$T/out")" = D-HY-202306-0001 ] || ok=0
expect_code 0 qf export log --format tsv --no-header -m 2023-06 && [ "$(cut -f1,3 "$T/out" | tr '\t\n' ':,')" = "D-HY-202305-0001:resolve,D-HY-202306-0001:collect," ] || ok=0
expect_code 0 qf export demands --format tsv --no-header -g 放贷 && [ ! -s "$T/out" ] || ok=0
[ $ok = 1 ] && pass || fail "a filter took the wrong records"

test_start "list-open and export --open take the same demands"
qf list-open | cut -f1 >"$T/a"
qf export demands --open --format tsv --no-header | cut -f1 >"$T/b"
if cmp -s "$T/a" "$T/b"; then pass; else fail "they differ"; fi

test_start "a filter that does not apply to the table: 64"
if expect_code 64 qf export visits --park 白沙 && expect_err_has "--park" &&
	expect_code 64 qf export firms --month 2023-05 &&
	expect_code 64 qf export all --format json --open; then pass; fi

test_start "bad usage: 64 with a message"
ok=1
for args in "" "people" "firms --format xml" "all" "all --format csv" \
	"firms --format tsv --excel" "firms --format json --no-header" \
	"log --format sql" "demands --format sql --open" "firms extra" \
	"demands --kind 抱怨" "visits --month 2023-13"; do
	# shellcheck disable=SC2086
	expect_code 64 qf export $args || ok=0
	[ -s "$T/err" ] || { ok=0; fail "no message: $args"; }
done
[ $ok = 1 ] && pass

test_start "--firm: no such firm 66, a name that fits several 65 (listing them)"
if expect_code 66 qf export demands --firm 不存在 &&
	expect_code 65 qf export visits --firm 衡阳 && expect_err_has F-HY-0001 &&
	expect_err_has F-HY-0002; then pass; fi

test_start "no store: 66"
mkdir "$T/empty"
if (cd "$T/empty" && expect_code 66 qf export firms) && [ -z "$(ls "$T/empty")" ]; then pass; else fail "rc $rc"; fi

test_start "-o FILE: written whole, its mode from the umask, nothing beside it"
mkdir "$T/o"
if expect_code 0 qf export demands -o "$T/o/d.csv" && [ ! -s "$T/out" ] &&
	cmp -s "$T/o/d.csv" "$T/plain.csv" && [ "$(ls "$T/o")" = d.csv ] &&
	[ "$(stat -c %a "$T/o/d.csv")" = "$(umask -S >/dev/null; printf '%o' $((0666 & ~$(umask))))" ]; then pass; else fail "$(ls -l "$T/o")"; fi

test_start "-o where no file can be made: 73, nothing left behind"
touch "$T/o/plain"
if expect_code 73 qf export firms -o "$T/o/plain/x.csv" && expect_err_has "x.csv" &&
	expect_code 73 qf export firms -o "$T/nowhere/x.csv" &&
	expect_code 73 qf export firms -o "$T/o" &&
	expect_code 73 qf export all --format xlsx -o "$T/nowhere/x.xlsx" &&
	[ "$(ls "$T/o" | tr '\n' ' ')" = "d.csv plain " ]; then pass; else fail "$(ls "$T/o")"; fi

test_start "-o a pipe or a symbolic link: written through, never replaced"
# (Not /dev/null or /dev/stdout: a bug here, run as root, would replace them.)
mkfifo "$T/fifo" && ln -s "$T/target" "$T/link"
cat "$T/fifo" >"$T/from-fifo" &
reader=$!
if expect_code 0 qf export demands -o "$T/fifo" && wait $reader &&
	[ -p "$T/fifo" ] && cmp -s "$T/from-fifo" "$T/plain.csv" &&
	expect_code 0 qf export demands -o "$T/link" && [ -L "$T/link" ] &&
	cmp -s "$T/target" "$T/plain.csv" &&
	[ -z "$(ls "$T" | grep '\.qf-')" ]; then pass; else fail "$(ls -l "$T")"; fi

test_start "a failed export leaves the old -o file as it was and no temporary file"
cp -r . "$T/bad" && printf -- '---\nid: [unclosed\n' >>"$T/bad/demands/2023-06.yaml"
echo old >"$T/o/keep.csv"
if expect_code 65 qf export demands --data "$T/bad" -o "$T/o/keep.csv" &&
	[ "$(cat "$T/o/keep.csv")" = old ] &&
	[ "$(ls "$T/o" | tr '\n' ' ')" = "d.csv keep.csv plain " ]; then pass; else fail "$(ls "$T/o")"; fi

test_start "stderr stays quiet when it is not a terminal"
if expect_code 0 qf export log && [ ! -s "$T/err" ]; then pass; fi

test_start "SQL: demands with their log, and the whole store"
if expect_code 0 qf export demands --format sql && expect_out_has D-HY-202306-0001 &&
	expect_code 0 qf export all --format sql && expect_out_has F-HY-0003; then pass; fi

test_start "xlsx to a terminal: refused, 64"
if ! have_script; then
	skip "no script(1)"
else
	on_tty 80 "qf export firms --format xlsx; echo rc=\$?"
	if grep -q 'rc=64' "$T/tty" && grep -q 'xlsx' "$T/tty"; then pass; else fail "$(cat "$T/tty")"; fi
fi

test_start "the export changed nothing in the store"
if unchanged .; then pass; fi

test_start "--columns lists each table's columns; qf-export(1) names every one under its table"
ok=1
for t in firms policies visits demands log applications events; do
	expect_code 0 qf export $t --columns && cp "$T/out" "$T/cols.$t" || ok=0
done
[ $ok = 1 ] && if $PY - "$QF_SRC/man/qf-export.1" "$T" >"$T/py" 2>&1 <<'PYX'; then pass; else fail "$(cat "$T/py")"; fi
import sys
man = open(sys.argv[1], encoding='utf-8').read()
cols = man[man.index('\n.SH COLUMNS\n'):]
cols = cols[:cols.index('\n.SH', 1)]
for t in ['firms', 'policies', 'visits', 'demands', 'log', 'applications', 'events']:
    sect = cols[cols.index('\n.SS %s\n' % t) + 1:]
    sect = sect[:sect.index('\n.SS') if '\n.SS' in sect[1:] else len(sect)]
    lines = sect.split('\n')
    want = [l.split('\t') for l in open('%s/cols.%s' % (sys.argv[2], t), encoding='utf-8').read().splitlines()]
    got = [(lines[i + 1][3:].replace('\\-', '-'), lines[i + 2]) for i, l in enumerate(lines) if l == '.TP']
    assert [g[0] for g in got] == [w[0] for w in want], (t, got, want)
    for (field, text), (_, zh, kind) in zip(got, want):
        assert text.startswith(zh + ' '), (t, field, text, zh)
        for tok in kind.split('|') if '|' in kind else []:
            assert '\\fB%s\\fR' % tok.replace('-', '\\-') in text, (t, field, tok)
PYX

test_start "progress on a terminal's stderr every 1000 records, the line cleared at the end; none in a pipe"
cp -r . "$T/big"
i=4
while [ $i -le 2100 ]; do printf -- '---\nid: F-HY-%04d\nname: 公司%d\n' $i $i; i=$((i + 1)); done >>"$T/big/firms/HY.yaml"
if ! have_script; then
	skip "no script(1)"
else
	on_tty 80 "qf export firms --data '$T/big' -o '$T/big.csv'; echo rc=\$?"
	if grep -q 'rc=0' "$T/tty" && grep -q '2000' "$T/tty" &&
		grep -q "$(printf '\033\\[K')" "$T/tty" &&
		[ "$(wc -l <"$T/big.csv")" -eq 2101 ] &&
		expect_code 0 qf export firms --data "$T/big" -o "$T/big.csv" && [ ! -s "$T/err" ]; then
		pass
	else
		fail "$(od -c "$T/tty" | head -5)"
	fi
fi

# ---- xlsx, read back --------------------------------------------------
test_start "xlsx: a sheet per table, Chinese headers and names, frozen bold header, real dates and numbers"
if ! have_openpyxl; then
	skip "no python3-openpyxl"
elif expect_code 0 qf export all --format xlsx -o "$T/all.xlsx" && [ ! -s "$T/out" ] &&
	$PY - "$T/all.xlsx" >"$T/py" 2>&1 <<'PYX'; then pass; else fail "$(cat "$T/py")"; fi
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ['企业', '政策', '走访', '诉求', '办理记录', '项目申报'], wb.sheetnames
for ws in wb:
    assert ws.freeze_panes == 'A2', (ws.title, ws.freeze_panes)
    assert all(c.font.b for c in ws[1]), ws.title
f = wb['企业']
assert [c.value for c in f[1]][:3] == ['企业编号', '企业名称', '统一社会信用代码']
assert f['B4'].value == '=SUM(A1)' and f['B4'].data_type == 's', (f['B4'].value, f['B4'].data_type)
assert f['B3'].value == '衡阳"北方",光电'
assert f.column_dimensions['B'].width >= 2 * len('燕京啤酒（衡阳）有限公司'), f.column_dimensions['B'].width
p = wb['政策']
assert p['D2'].value == datetime.datetime(2023, 3, 1) and p['D2'].number_format == 'yyyy-mm-dd', p['D2'].value
assert p['F2'].value == '第一行\n第二行'
d = wb['诉求']
hdr = [c.value for c in d[1]]
row = {h: c.value for h, c in zip(hdr, d[3])}
assert row['诉求编号'] == 'D-HY-202306-0001', row
assert row['涉及金额'] == 1500000 and isinstance(row['涉及金额'], int), row['涉及金额']
assert row['诉求类型'] == '问题' and row['诉求类别'] == '用工' and row['办理状态'] == '待交办', row
assert isinstance(row['收集日期'], datetime.datetime)
assert row['诉求详情'] == 'a\tb\\c', row['诉求详情']
l = wb['办理记录']
assert l.max_row == 5 and l['C3'].value == '交办', (l.max_row, l['C3'].value)
v = wb['走访']
assert v['E3'].value == '调研' and v['D2'].value == '王副区长,李科长'
# A firm by its name, for people.
assert v['C2'].value == '燕京啤酒（衡阳）有限公司' and row['企业名称'] == '衡阳"北方",光电', (v['C2'].value, row['企业名称'])
PYX

test_start "xlsx of one table, filtered, to a pipe"
if ! have_openpyxl; then
	skip "no python3-openpyxl"
elif expect_code 0 qf export demands --open --format xlsx && cp "$T/out" "$T/pipe.xlsx" &&
	$PY -c 'import sys,openpyxl; wb=openpyxl.load_workbook(sys.argv[1]); assert wb.sheetnames==["诉求"] and wb["诉求"].max_row==2, wb["诉求"].max_row' "$T/pipe.xlsx" 2>"$T/py"; then pass; else fail "$(cat "$T/py")"; fi

test_start "xlsx of an English store: field names and stored tokens"
qf-init --site EN --org Test --start 2023-01-01 --lang en "$T/en" >/dev/null 2>&1
(cd "$T/en" && qf add-firm --name Acme >/dev/null && qf add-demand --firm Acme --title Roads --category infrastructure --opened 2023-02-01 >/dev/null)
if ! have_openpyxl; then
	skip "no python3-openpyxl"
elif expect_code 0 qf export demands --format xlsx --data "$T/en" -o "$T/en.xlsx" &&
	$PY -c 'import sys,openpyxl; ws=openpyxl.load_workbook(sys.argv[1])["demands"]; h=[c.value for c in ws[1]]; r=dict(zip(h,[c.value for c in ws[2]])); assert h[0]=="id" and r["kind"]=="problem" and r["category"]=="infrastructure", r' "$T/en.xlsx" 2>"$T/py"; then pass; else fail "$(cat "$T/py")"; fi

# ---- the example store ------------------------------------------------
cp -r "$QF_SRC/data" "$T/data"
cd "$T/data"

test_start "data/: every table in CSV, TSV and JSON, a row per record"
ok=1
for t in firms policies visits demands; do
	n=$(cat "$QF_SRC"/data/$t/*.yaml | grep -c '^id: ')
	expect_code 0 qf export $t -o "$T/$t.csv" || ok=0
	expect_code 0 qf export $t --format tsv --no-header || ok=0
	[ "$(wc -l <"$T/out")" -eq "$n" ] || { ok=0; fail "$t: $(wc -l <"$T/out") TSV rows, $n records"; }
	expect_code 0 qf export $t --format json || ok=0
	$PY - "$T/out" "$T/$t.csv" "$n" >"$T/py" 2>&1 <<'PYX' || { ok=0; fail "$t: $(cat "$T/py")"; }
import csv, json, sys
j = json.load(open(sys.argv[1]))
c = list(csv.DictReader(open(sys.argv[2], newline='', encoding='utf-8')))
n = int(sys.argv[3])
assert len(j) == n and len(c) == n, (len(j), len(c), n)
assert [r['id'] for r in j] == [r['id'] for r in c]
PYX
done
expect_code 0 qf export log --format tsv --no-header || ok=0
[ "$(cut -f1 "$T/out" | sort -u | wc -l)" -ge 60 ] || ok=0
[ $ok = 1 ] && pass

test_start "data/: all as JSON holds each table's records"
if expect_code 0 qf export all --format json &&
	$PY -c 'import json,sys; d=json.load(open(sys.argv[1])); assert list(d)==["firms","policies","visits","demands","events"] and len(d["demands"])==int(sys.argv[2]) and "log" in d["demands"][0], {k:len(v) for k,v in d.items()}' "$T/out" "$(cat "$QF_SRC"/data/demands/*.yaml | grep -c '^id: ')" 2>"$T/py"; then pass; else fail "$(cat "$T/py")"; fi

test_start "data/: the xlsx holds as many rows as the CSV, the log as many as its TSV"
if ! have_openpyxl; then
	skip "no python3-openpyxl"
else
	qf export log --format tsv --no-header >"$T/log.tsv"
	if expect_code 0 qf export all --format xlsx -o "$T/data.xlsx" &&
		$PY - "$T/data.xlsx" "$T" >"$T/py" 2>&1 <<'PYX'; then pass; else fail "$(cat "$T/py")"; fi
import csv, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
for sheet, t in zip(['企业', '政策', '走访', '诉求'], ['firms', 'policies', 'visits', 'demands']):
    c = list(csv.reader(open(f'{sys.argv[2]}/{t}.csv', newline='', encoding='utf-8')))
    rows = list(wb[sheet].iter_rows(values_only=True))
    assert len(rows) == len(c), (sheet, len(rows), len(c))
    assert [r[0] for r in rows[1:]] == [r[0] for r in c[1:]], sheet
log = open(f'{sys.argv[2]}/log.tsv', encoding='utf-8').read().splitlines()
assert len(list(wb['办理记录'].iter_rows())) == len(log) + 1
PYX
fi

test_start "monthly-report --format xlsx: the bulletin's tables as sheets, its headline figures those of --format json"
if ! have_openpyxl; then
	skip "no python3-openpyxl"
elif expect_code 0 qf monthly-report --month 2023-09 --format json -o "$T/m.json" &&
	expect_code 0 qf monthly-report --month 2023-09 --format xlsx -o "$T/m.xlsx" &&
	$PY - "$T/m.json" "$T/m.xlsx" >"$T/py" 2>&1 <<'PYX'; then pass; else fail "$(cat "$T/py")"; fi
import json, sys, openpyxl
j = json.load(open(sys.argv[1]))
wb = openpyxl.load_workbook(sys.argv[2])
assert wb.sheetnames == ['一、总体情况', '二、诉求分类', '三、办理质效', '四、部门办理情况', '五、走访覆盖', '六、政策送达', '六、政策送达 7', '七、项目申报', '七、项目申报 9', '七、项目申报 10', '八、活动开展情况', '八、活动开展情况 12', '八、活动开展情况 13'], wb.sheetnames
ov = {r[0]: r[1:] for r in wb['一、总体情况'].iter_rows(values_only=True)}
def pick(d, *keys):
    for k in keys:
        d = d[k]
    return d
m, t = j['in_month'], j['cumulative']
assert ov['月末未办结'][1] == j['open_at_end'] and ov['月末超期件'][1] == j['overdue_at_end']
assert ov['走访次数'][:2] == (m['visits'], t['visits']), (ov['走访次数'], m['visits'], t['visits'])
assert ov['走访企业数'][:2] == (m['firms_visited'], t['firms_visited'])
assert ov['收集诉求'][:2] == (m['demands'], t['demands'])
assert ov['已解决问题'][:2] == (m['resolved'], t['resolved'])
assert all(isinstance(x, int) for x in ov['走访次数'][:2])
assert wb['一、总体情况'].freeze_panes == 'A2'
depts = list(wb['四、部门办理情况'].iter_rows(values_only=True))
assert len(depts) - 1 == len(j['departments']), (len(depts), len(j['departments']))
PYX

test_start "monthly-report: xlsx refused on a terminal, the other formats' bytes unchanged by -o"
qf monthly-report --month 2023-09 --format json >"$T/m2.json"
if cmp -s "$T/m.json" "$T/m2.json"; then
	if have_script; then
		on_tty 80 "qf monthly-report --month 2023-09 --format xlsx; echo rc=\$?"
		if grep -q 'rc=64' "$T/tty"; then pass; else fail "$(cat "$T/tty")"; fi
	else
		pass
	fi
else
	fail "-o and stdout differ"
fi

done_testing
