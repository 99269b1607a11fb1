#!/bin/sh
# qf list-applications: filters, formats, amounts (yuan, 万元 in the table).
. "${QF_SRC}/tests/cli/lib.sh"
new_store s
cd s
qf add-firm --name 燕京啤酒（衡阳）有限公司 >/dev/null
qf add-firm --name 衡阳北方光电信息技术有限公司 >/dev/null
qf add-policy --title 国债项目补助 >/dev/null
qf add-policy --title 技改专项 >/dev/null
qf add-application -f 燕京 -P 国债 -p 产线 --requested 12345678 --date 2023-05-03 >/dev/null
qf add-application -f 北方 -P 技改 -p 镜头 --requested 300万元 --date 2023-06-10 >/dev/null
qf advance A-HY-202305-0001 --to listed --date 2023-06-01 >/dev/null

test_start "all, TSV in yuan, in the order filed"
if expect_code 0 qf list-applications && expect_out <<'X'
A-HY-202305-0001	燕京啤酒（衡阳）有限公司	P-HY-0001	产线	12345678	listed	
A-HY-202306-0001	衡阳北方光电信息技术有限公司	P-HY-0002	镜头	3000000	filed	
X
then pass; fi

test_start "the table: 万元, a fraction kept to the yuan"
if expect_code 0 qf list-applications --format table --fields id,requested && expect_out <<'X'
id                requested
A-HY-202305-0001  1234.5678
A-HY-202306-0001        300
X
then pass; fi

test_start "filters: policy by title, status in Chinese, month, open"
ok=1
expect_code 0 qf list-applications --policy 技改 --fields id && expect_out <<'X' || ok=0
A-HY-202306-0001
X
expect_code 0 qf list-applications --status 已入库 --fields id && expect_out <<'X' || ok=0
A-HY-202305-0001
X
expect_code 0 qf list-applications --month 2023-05 --open --fields id,filed && expect_out <<'X' || ok=0
A-HY-202305-0001	2023-05-03
X
expect_code 1 qf list-applications --firm 北方 --status granted || ok=0
[ $ok = 1 ] && pass

test_start "JSON: the whole records, amounts as numbers"
if expect_code 0 qf list-applications --format json --firm 北方 &&
	expect_out_has '"requested": 3000000' && expect_out_has '"action": "file"'; then pass; fi

test_start "bad usage (64), unknown firm or policy (66)"
ok=1
expect_code 64 qf list-applications --status open || ok=0
expect_code 64 qf list-applications --month 2023-5 || ok=0
expect_code 64 qf list-applications extra || ok=0
expect_code 66 qf list-applications --policy 人才 || ok=0
expect_code 66 qf list-applications --firm 华为 || ok=0
[ $ok = 1 ] && pass

done_testing
