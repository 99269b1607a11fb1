#!/bin/sh
# qf import: firm registers and demand ledgers as offices keep them.
. "${QF_SRC}/tests/cli/lib.sh"
new_store s
cd s
C=../csv
mkdir -p "$C"

# A register as an office's sheet has it: a title row above the header,
# row numbers, Chinese headers, tags in one cell, saved from Excel on
# Chinese Windows (GB18030).
cat >"$C/register.utf8" <<'X'
高新区规上企业名录（2023年5月）,,,,,,
序号,企业名称,统一社会信用代码,所属园区,企业标签,联系人,联系电话
1,衡阳风顺车桥有限公司,91430400MA4L0B8X1W,白沙洲工业园,"规上,重点",张经理,0734-8888888
2,"燕京啤酒（衡阳）有限公司",,松木经开区,规上、专精特新,,
X
iconv -f UTF-8 -t GB18030 "$C/register.utf8" >"$C/register.csv"

test_start "a GB18030 register with a title row and Chinese headers is imported"
if expect_code 0 qf import firms "$C/register.csv" && expect_out <<'X' &&
F-HY-0001	衡阳风顺车桥有限公司
F-HY-0002	燕京啤酒（衡阳）有限公司
X
	expect_err_has "register.csv (GB18030): 2 rows, added 2, 0 already in the store (skipped)"
then
	cat >"$T/expected" <<'X'
---
id: F-HY-0001
name: 衡阳风顺车桥有限公司
credit_code: 91430400MA4L0B8X1W
park: 白沙洲工业园
tags: [规上, 重点]
contact:
  name: 张经理
  phone: 0734-8888888
since: 2023-06-15
---
id: F-HY-0002
name: 燕京啤酒（衡阳）有限公司
park: 松木经开区
tags: [规上, 专精特新]
since: 2023-06-15
X
	if diff -u "$T/expected" firms/HY.yaml >"$T/diffout"; then pass; else fail "firms/HY.yaml"; cat "$T/diffout"; fi
fi

test_start "the row-number column is ignored without a word"
if ! grep -q 序号 "$T/err"; then pass; else fail "warned of 序号"; fi

snap .
test_start "importing the same file again adds nothing and says so"
if expect_code 0 qf import firms "$C/register.csv" && expect_out </dev/null &&
	expect_err_has "2 rows, added 0, 2 already in the store (skipped)" &&
	unchanged .; then pass; fi

test_start "a firm is matched by credit code as well as by name"
printf 'name,credit_code\n风顺车桥（改名）,91430400MA4L0B8X1W\n' >"$C/renamed.csv"
if expect_code 0 qf import firms "$C/renamed.csv" && expect_out </dev/null &&
	expect_err_has "added 0, 1 already" && unchanged .; then pass; fi

test_start "UTF-8 with a BOM and English field names; --dry-run writes nothing"
printf '\357\273\277name,park,sector\r\n北方光电,雁峰区,"光电, 信息"\r\n' >"$C/bom.csv"
if expect_code 0 qf import firms "$C/bom.csv" --dry-run && expect_out <<'X' &&
F-HY-0003	北方光电
X
	expect_err_has "bom.csv (UTF-8 (BOM)): 1 rows, would add 1, 0 already in the store; nothing written (--dry-run)" &&
	unchanged .; then pass; fi

test_start "UTF-8 that also decodes as GBK is read as UTF-8"
# The UTF-8 of 中文 is well-formed GBK too (涓枃): the bytes decide.
printf 'name,note\n中文企业,用地融资\n' >"$C/both.csv"
if iconv -f GBK -t UTF-8 "$C/both.csv" >/dev/null 2>&1 &&
	expect_code 0 qf import firms "$C/both.csv" && expect_err_has "(UTF-8)" &&
	assert grep -q "note: 用地融资" firms/HY.yaml; then pass; fi
snap .

test_start "GB18030 named with --encoding utf-8 is refused at its line"
if expect_code 65 qf import firms "$C/register.csv" --encoding utf-8 &&
	expect_err_has "register.csv:1:" && expect_err_has "not UTF-8" && unchanged .; then pass; fi

test_start "an unbalanced quote is an error at its line, not a swallowed file"
printf 'name,park\nA公司,甲\n"B公司,乙\nC公司,丙\n' >"$C/open.csv"
if expect_code 65 qf import firms "$C/open.csv" &&
	expect_err_has "open.csv:3: a quoted field that starts in this row is never closed" &&
	unchanged .; then pass; fi

test_start "a stray quote inside a field is an error at its line and column"
printf 'name,park\nA公司,5"区\n' >"$C/stray.csv"
if expect_code 65 qf import firms "$C/stray.csv" && expect_err_has "stray.csv:2:6: a quote" &&
	unchanged .; then pass; fi

test_start "quotes, commas and newlines in cells survive; line numbers count them"
printf 'name,note,park\n"D ""甲"" 公司","一行,\n二行",乙\nE公司,,丙,多\n' >"$C/ragged.csv"
if expect_code 65 qf import firms "$C/ragged.csv" &&
	expect_err <<'X' && unchanged .; then pass; fi
../csv/ragged.csv:4: the row has 4 fields, the header 3
qf-import: ../csv/ragged.csv: not imported: 1 problem in the file
X

test_start "every bad row is reported, file:line, and nothing is written"
cat >"$C/bad.csv" <<'X'
企业名称,收集日期,诉求类别,诉求内容,涉及金额
衡阳风顺车桥有限公司,2023-05-06,融资,贷款,100
不存在的公司,2023-05-07,融资,贷款,100
衡阳风顺车桥有限公司,2023-13-01,融资,贷款,100
衡阳风顺车桥有限公司,2023-05-08,吃饭,贷款,100
衡阳风顺车桥有限公司,2023-05-09,融资,,100
衡阳风顺车桥有限公司,2023-05-10,融资,贷款,12.345
衡阳风顺车桥有限公司,2023-05-06,融资,贷款,100
X
if expect_code 65 qf import demands "$C/bad.csv" && expect_err <<'X' && unchanged .; then pass; fi
../csv/bad.csv:3: no firm '不存在的公司' in the store, by ID, credit code or name (import the firms first)
../csv/bad.csv:4: column 'opened': '2023-13-01' is not a date (YYYY-MM-DD)
../csv/bad.csv:5: column 'category': '吃饭' is not one of financing (融资), land (用地), labour (用工), permits (审批), infrastructure (基础设施), logistics (物流), policy (政策), market (市场), energy (能源), technology (科技), environment (环保), services (服务), other (其他)
../csv/bad.csv:6: missing required field 'title'
../csv/bad.csv:7: column 'amount': '12.345' is not an amount in whole yuan
../csv/bad.csv:8: the same record as line 2
qf-import: ../csv/bad.csv: not imported: 6 problems in the file
X

test_start "a header naming no field, a missing required column: 65 at the header"
printf '甲,乙\n1,2\n' >"$C/nohdr.csv"
printf '所属园区,联系人\n甲,乙\n' >"$C/noname.csv"
if expect_code 65 qf import firms "$C/nohdr.csv" && expect_err_has "nohdr.csv:1: no header row" &&
	expect_code 65 qf import firms "$C/noname.csv" &&
	expect_err_has "noname.csv:1: no column for field 'name' (企业名称), which firms need" &&
	unchanged .; then pass; fi

test_start "a workbook is refused with what to do instead"
printf 'PK\003\004rest' >"$C/名录.xlsx"
cp "$C/名录.xlsx" "$C/名录.XLSX"
cp "$C/名录.xlsx" "$C/disguised.csv"
if expect_code 65 qf import firms "$C/名录.xlsx" && expect_err_has "save it as CSV" &&
	expect_code 65 qf import firms "$C/disguised.csv" && expect_err_has "save it as CSV" &&
	unchanged .; then pass; fi

test_start "standard input is read with -, and a workbook's name in capitals is refused too"
if expect_code 0 qf import firms - --dry-run <"$C/bom.csv" && expect_out_has "北方光电" &&
	expect_err_has "- (UTF-8 (BOM)): 1 rows, would add 1" &&
	expect_code 65 qf import firms "$C/名录.XLSX" && expect_err_has "save it as CSV" &&
	unchanged .; then pass; fi

test_start "control characters in a cell are refused"
printf 'name\nA\033[31m公司\n' >"$C/ctl.csv"
if expect_code 65 qf import firms "$C/ctl.csv" &&
	expect_err_has "ctl.csv:2: column 'name': holds a control character" && unchanged .; then pass; fi

test_start "bad usage: 64; no file, no store: 66"
if expect_code 64 qf import && expect_code 64 qf import firms &&
	expect_code 64 qf import people "$C/bom.csv" &&
	expect_err_has "'people' cannot be imported" &&
	expect_code 64 qf import firms "$C/bom.csv" --encoding latin1 &&
	expect_code 66 qf import firms "$C/none.csv" &&
	expect_code 66 qf import firms "$C/bom.csv" --data "$T/nostore" &&
	unchanged .; then pass; fi

# A demand ledger (诉求台账) as a district keeps it.
cat >"$C/ledger.utf8" <<'X'
序号,企业名称,收集日期,诉求类型,诉求类别,诉求内容,责任单位,协办单位,办理时限,办理状态,办结日期,办理结果,涉及金额（万元）,满意度
1,衡阳风顺车桥有限公司,2023/5/6,问题,融资,申请技改贷款,金融办,"经济发展局、自然资源局",2023-06-30,办理中,,,500,
2,91430400MA4L0B8X1W,2023年5月8日,问题,用地,扩建用地指标,自然资源局,,2023-07-31,已办结,2023-06-01,已协调指标,,满意
3,燕京啤酒（衡阳）有限公司,2023-06-02,建议,infrastructure,开通公交线路,,,,待交办,,,12.5,
X
iconv -f UTF-8 -t GB18030 "$C/ledger.utf8" >"$C/ledger.csv"

test_start "a GB18030 demand ledger: firms by name or credit code, 万元, dates, statuses"
if expect_code 0 qf import demands "$C/ledger.csv" --by 王科员 && expect_out <<'X' &&
D-HY-202305-0001	申请技改贷款
D-HY-202305-0002	扩建用地指标
D-HY-202306-0001	开通公交线路
X
	expect_code 0 qf check
then
	cat >"$T/expected" <<'X'
---
id: D-HY-202305-0002
firm: F-HY-0001
opened: 2023-05-08
kind: problem
level: local
category: land
title: 扩建用地指标
dept: 自然资源局
due: 2023-07-31
status: resolved
closed: 2023-06-01
resolution: 已协调指标
satisfaction: satisfied
log:
- date: 2023-05-08
  action: collect
  by: 王科员
  note: 导入自 ledger.csv
- date: 2023-05-08
  action: assign
  by: 王科员
  dept: 自然资源局
  due: 2023-07-31
- date: 2023-06-01
  action: resolve
  by: 王科员
  note: 已协调指标
- date: 2023-06-01
  action: follow-up
  by: 王科员
  satisfaction: satisfied
X
	doc D-HY-202305-0002 demands/2023-05.yaml >"$T/got"
	if diff -u "$T/expected" "$T/got" >"$T/diffout" &&
		grep -q "amount: 5000000" demands/2023-05.yaml &&
		grep -q "codepts: \[经济发展局, 自然资源局\]" demands/2023-05.yaml &&
		grep -q "amount: 125000" demands/2023-06.yaml &&
		grep -q "kind: suggestion" demands/2023-06.yaml
	then pass; else fail "demands"; cat "$T/diffout"; fi
fi

test_start "the imported demands are in the bulletin"
if expect_code 0 qf monthly-report --month 2023-05 --format json &&
	assert grep -q '"demands": 2, "problems": 2, "suggestions": 0, "amount_yuan": 5000000' "$T/out"; then pass; fi

snap .
test_start "the ledger imported again adds nothing"
if expect_code 0 qf import demands "$C/ledger.csv" && expect_out </dev/null &&
	expect_err_has "3 rows, added 0, 3 already in the store (skipped)" && unchanged .; then pass; fi

test_start "a visit names its firm, its policies by title and its demands by ID"
qf add-policy --title 衡阳市稳增长二十条 >/dev/null 2>&1
printf '走访日期,走访企业,走访人员,宣传政策,收集诉求,走访情况\n2023-06-02,燕京啤酒（衡阳）有限公司,"李主任,王科员",衡阳市稳增长二十条,D-HY-202306-0001,座谈\n' >"$C/visits.csv"
if expect_code 0 qf import visits "$C/visits.csv" && expect_out <<'X' &&
V-HY-202306-0001	F-HY-0002
X
	assert grep -q "policies: \[P-HY-0001\]" visits/2023-06.yaml &&
	assert grep -q "demands: \[D-HY-202306-0001\]" visits/2023-06.yaml &&
	assert grep -q "kind: visit" visits/2023-06.yaml &&
	expect_code 0 qf check; then pass; fi

test_start "a demand raised on a visit the store has: the visit names it too"
printf '企业名称,收集日期,诉求类别,诉求内容,诉求来源\n燕京啤酒（衡阳）有限公司,2023-06-02,用工,招工难,V-HY-202306-0001\n' >"$C/onvisit.csv"
if expect_code 0 qf import demands "$C/onvisit.csv" &&
	assert grep -q "demands: \[D-HY-202306-0001, D-HY-202306-0002\]" visits/2023-06.yaml &&
	expect_code 0 qf check; then pass; fi

test_start "--map names the columns qf does not know; \"\" ignores one"
cat >"$T/map.yaml" <<'X'
单位全称: name
社会代码: credit_code
内部编码: ""
X
printf '单位全称,社会代码,内部编码\n湖南映宏新材料股份有限公司,,A-17\n' >"$C/mapped.csv"
if expect_code 0 qf import firms "$C/mapped.csv" --map "$T/map.yaml" &&
	expect_out_has "湖南映宏新材料股份有限公司" && ! grep -q "A-17" firms/HY.yaml &&
	! grep -q "内部编码" "$T/err"; then pass; fi

test_start "a map naming a field that does not exist is bad usage"
printf '单位全称: nom\n' >"$T/badmap.yaml"
if expect_code 64 qf import firms "$C/mapped.csv" --map "$T/badmap.yaml" &&
	expect_err_has "'nom' is not a field"; then pass; fi

test_start "progress goes to a terminal's stderr, never to a pipe's"
if ! have_script; then skip "no script(1)"; else
	awk 'BEGIN { print "name"; for (i = 1; i <= 1200; i++) printf "进度测试企业%04d\n", i }' >"$C/many.csv"
	on_tty 80 "qf import firms '$C/many.csv' --dry-run >/dev/null"
	if grep -q "1200 of 1200 rows" "$T/tty" &&
		expect_code 0 qf import firms "$C/many.csv" --dry-run && ! grep -q "of 1200 rows" "$T/err"
	then pass; else fail "progress"; fi
fi

test_start "round trip: the example store exported and imported into a new store is the same"
cp -R "$QF_SRC/data" "$T/w/src"
qf-init --site HY "$T/w/dst" >/dev/null 2>&1 && cp "$T/w/src/qf.yaml" "$T/w/dst/qf.yaml"
# Texts a spreadsheet would run: export neutralises them, import undoes it.
for name in '=SUM(A1)' "'=x 公司" '-5 公司' '@公司' '+86 公司'; do
	qf add-firm --data "$T/w/src" --name "$name" --note "$name" >/dev/null 2>&1
done
ok=1
for type in firms policies demands visits; do
	qf export "$type" --data "$T/w/src" >"$C/rt-$type.csv" &&
		expect_code 0 qf import "$type" "$C/rt-$type.csv" --data "$T/w/dst" -q || ok=0
done
# A policy's deliveries (送达记录) are a table of their own, as a demand's
# log is: a policy's row does not carry them.
nodeliv='import json,sys; d=json.load(open(sys.argv[1])); [p.pop("delivered",None) for p in d]; json.dump(d,sys.stdout,ensure_ascii=False,indent=1)'
for type in firms policies visits; do
	qf export "$type" --format json --data "$T/w/src" >"$T/a"
	qf export "$type" --format json --data "$T/w/dst" >"$T/b"
	if [ "$type" = policies ]; then
		grep -q '"delivered"' "$T/a" || { fail "the example store has no deliveries"; ok=0; }
		python3 -c "$nodeliv" "$T/a" >"$T/a2" && mv "$T/a2" "$T/a"
		python3 -c "$nodeliv" "$T/b" >"$T/b2" && mv "$T/b2" "$T/b"
	fi
	cmp -s "$T/a" "$T/b" || { fail "$type differ"; diff "$T/a" "$T/b" | head -5; ok=0; }
done
# A demand's fields come back; its log is the one its fields imply.
for type in firms policies visits demands; do
	qf export "$type" --data "$T/w/src" >"$T/a"
	qf export "$type" --data "$T/w/dst" >"$T/b"
	cmp -s "$T/a" "$T/b" || { fail "$type CSV differ"; ok=0; }
done
if [ "$ok" = 1 ] && expect_code 0 qf check --data "$T/w/dst" &&
	[ "$(wc -l <"$C/rt-demands.csv")" -gt 60 ]; then pass; fi

test_start "the README's worked import: the examples/ register and ledger (GB18030)"
qf-init --site GX --org 衡阳高新区 --start 2023-09-01 "$T/w/gx" >/dev/null 2>&1
if expect_code 0 qf import firms "$QF_SRC/examples/firm-register.gb18030.csv" --since 2023-09-01 --data "$T/w/gx" &&
	expect_err_has "(GB18030): 5 rows, added 5, 0 already in the store (skipped)" &&
	expect_code 0 qf import demands "$QF_SRC/examples/demand-ledger.gb18030.csv" --data "$T/w/gx" &&
	expect_err_has "(GB18030): 6 rows, added 6, 0 already in the store (skipped)" &&
	expect_code 0 qf check --data "$T/w/gx" &&
	expect_code 0 qf monthly-report --month 2023-09 --format json --data "$T/w/gx" &&
	expect_out_has '"firms": 5,' &&
	expect_out_has '"demands": 6, "problems": 5, "suggestions": 1, "amount_yuan": 50000000' &&
	expect_code 0 qf monthly-report --month 2023-10 --format json --data "$T/w/gx" &&
	expect_out_has '"adopted": 1, "declined": 1, "closed": 2'; then pass; fi

test_start "--columns lists each record's columns; the man page names every one"
ok=1
for type in firms policies visits demands; do
	if ! expect_code 0 qf import --columns "$type"; then ok=0; continue; fi
	while IFS='	' read -r field zh aliases req; do
		for word in "$field" "$zh" $(echo "$aliases" | tr '|' ' '); do
			grep -qF -- "$(printf '%s' "$word" | sed 's/-/\\-/g')" "$QF_SRC/man/qf-import.1" ||
				{ fail "qf-import.1 does not name '$word' ($type)"; ok=0; }
		done
	done <"$T/out"
done
[ "$ok" = 1 ] && pass

done_testing
