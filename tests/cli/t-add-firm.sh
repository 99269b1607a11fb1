#!/bin/sh
# qf add-firm: registering firms.
. "${QF_SRC}/tests/cli/lib.sh"
new_store s
cd s

test_start "a firm is appended with the next ID and printed"
if expect_code 0 qf add-firm --name 衡阳风顺车桥有限公司 --credit-code 91430400MA4L0B8X1W \
	--park 白沙洲工业园 --sector 汽车零部件 --tag 规上,重点 --tag 专精特新 \
	--leader 王副主任 --liaison 刘联络员 --contact 张经理 --contact-title 财务总监 \
	--phone 0734-8888888 --since 2023-04-02 --note '一企一档' &&
	expect_out <<'X' &&
F-HY-0001
X
	expect_code 0 qf add-firm --name 燕京啤酒（衡阳）有限公司 && expect_out <<'X'
F-HY-0002
X
then
	cat >"$T/expected" <<'X'
---
id: F-HY-0001
name: 衡阳风顺车桥有限公司
credit_code: 91430400MA4L0B8X1W
park: 白沙洲工业园
sector: 汽车零部件
tags: [规上, 重点, 专精特新]
leader: 王副主任
liaison: 刘联络员
contact:
  name: 张经理
  title: 财务总监
  phone: 0734-8888888
since: 2023-04-02
note: 一企一档
---
id: F-HY-0002
name: 燕京啤酒（衡阳）有限公司
since: 2023-06-15
X
	if diff -u "$T/expected" firms/HY.yaml >"$T/diffout"; then pass; else fail "firms/HY.yaml"; cat "$T/diffout"; fi
fi

test_start "a phone of digits only is quoted so that it stays a string"
if expect_code 0 qf add-firm --name 测试电话公司 --phone 13800000000 &&
	assert grep -q "phone: \"13800000000\"" firms/HY.yaml && expect_code 0 qf check; then pass; fi

snap .
test_start "a wrong check digit is refused (65), nothing written"
if expect_code 65 qf add-firm --name 某公司 --credit-code 91430400MA4L0B8X1R &&
	expect_err_has "'91430400MA4L0B8X1R' is not a valid" && unchanged .; then pass; fi

test_start "the same name or credit code twice is refused (65)"
if expect_code 65 qf add-firm --name 衡阳风顺车桥有限公司 &&
	expect_err_has "registered already as F-HY-0001 (same name)" &&
	expect_code 65 qf add-firm --name 别名 --credit-code 91430400MA4L0B8X1W &&
	expect_err_has "(same credit code)" && unchanged .; then pass; fi

test_start "a firm needs a name (64); bad dates are usage errors"
if expect_code 64 qf add-firm --park x && expect_err_has "needs a name" &&
	expect_code 64 qf add-firm --name x --since 2023-13-01 && unchanged .; then pass; fi

test_start "a bad phone breaks the schema (65) with the field named"
if expect_code 65 qf add-firm --name 电话有误公司 --phone 'call me' &&
	expect_err_has "field 'contact.phone'" && unchanged .; then pass; fi

test_start "no store: 66 and a hint"
if (cd "$T" && expect_code 66 qf add-firm --name x) && expect_err_has "no store here"; then pass; fi

test_start "--data and QF_DATA find the store from elsewhere"
if (cd "$T/w" && expect_code 0 qf add-firm --data s --name 甲公司 && expect_out <<'X'
F-HY-0004
X
) && (cd / && QF_DATA="$T/w/s" expect_code 0 qf add-firm --name 乙公司 &&
	expect_out <<'X'
F-HY-0005
X
); then pass; fi

done_testing
