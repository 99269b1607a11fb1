#!/bin/sh
# qf add-event: campaign events with their firms, policies, outcomes and
# the demands raised at them; qf show of an event; qf check of the ties
# between events and demands; qf export events.
. "${QF_SRC}/tests/cli/lib.sh"
new_store s
cd s
qf add-firm --name 燕京啤酒（衡阳）有限公司 >/dev/null
qf add-firm --name 衡阳风顺车桥有限公司 --credit-code 91430112063054524R >/dev/null
qf add-firm --name 风顺物流有限公司 >/dev/null
qf add-policy --title 稳岗返还政策 >/dev/null
qf add-policy --title 技改补贴政策 >/dev/null

test_start "a bank–firm matchmaking: 100亿元 intended, firms by name and credit code, a demand raised"
if expect_code 0 qf add-event --kind 银企对接会 --title 银企对接会 --date 2023-05-10 \
	--organiser 金融办 --place 园区会议中心 --firm 燕京 --policy 稳岗 \
	--financing-intended 100亿元 --financing-signed 2000万元 --note 签约意向融资100亿元 \
	--problem 流动资金贷款难 --firm 91430112063054524R -c financing --amount 500万元 &&
	expect_out <<'X'
E-HY-202305-0001
D-HY-202305-0001
X
then
	cat >"$T/expected" <<'X'
---
id: E-HY-202305-0001
date: 2023-05-10
kind: financing
title: 银企对接会
organiser: 金融办
place: 园区会议中心
firms: [F-HY-0001, F-HY-0002]
policies: [P-HY-0001]
demands: [D-HY-202305-0001]
outcomes:
  financing_intended: 10000000000
  financing_signed: 20000000
note: 签约意向融资100亿元
X
	if diff -u "$T/expected" events/2023-05.yaml >"$T/diffout"; then pass; else fail "event"; cat "$T/diffout"; fi
fi

test_start "the demand names the event as its source, its firm, 500万元 in yuan"
cat >"$T/expected" <<'X'
---
id: D-HY-202305-0001
firm: F-HY-0002
opened: 2023-05-10
source: E-HY-202305-0001
kind: problem
level: local
category: financing
title: 流动资金贷款难
amount: 5000000
status: open
log:
- date: 2023-05-10
  action: collect
  by: 测试员
X
if diff -u "$T/expected" demands/2023-05.yaml >"$T/diffout" &&
	expect_code 0 qf check && expect_err_has "0 problems"; then pass; else fail "demand"; cat "$T/diffout"; fi

test_start "a job fair with counts, default date today; IDs go on in the month"
if QF_TODAY=2023-05-20 expect_code 0 qf add-event -k jobs -t 春风行动招聘会 \
	--firm 燕京,风顺车桥 --positions 400 --attendees 1000 --hires 365 &&
	expect_out <<'X' &&
E-HY-202305-0002
X
	assert grep -q 'date: 2023-05-20' events/2023-05.yaml &&
	assert grep -q '  hires: 365' events/2023-05.yaml &&
	expect_code 0 qf check
then pass; fi

test_start "show: the event with its firms' names and the demands raised at it"
if expect_code 0 qf show E-HY-202305-0001 &&
	expect_out_has "# F-HY-0001 燕京啤酒（衡阳）有限公司" &&
	expect_out_has "# F-HY-0002 衡阳风顺车桥有限公司" &&
	expect_out_has "# demands (1)" && expect_out_has "D-HY-202305-0001" &&
	expect_code 0 qf show --format json E-HY-202305-0001 &&
	expect_out_has '"event": {' && expect_out_has '"demands": ['; then pass; fi

snap .
test_start "usage errors: no kind, no title, a bad kind, a bad amount or count (64), nothing written"
if expect_code 64 qf add-event --title x && expect_err_has "--kind" &&
	expect_code 64 qf add-event --kind jobs && expect_err_has "--title" &&
	expect_code 64 qf add-event --kind party --title x && expect_err_has "is not one of" &&
	expect_code 64 qf add-event --kind jobs --title x --financing-intended 1.5元 &&
	expect_err_has "--financing-intended: '1.5元' is not an amount of money" &&
	expect_code 64 qf add-event --kind jobs --title x --financing-signed 100美元 &&
	expect_code 64 qf add-event --kind jobs --title x --hires 3.5 &&
	expect_err_has "--hires: '3.5' is not a whole number" &&
	expect_code 64 qf add-event --kind jobs --title x --positions -1 &&
	expect_code 64 qf add-event --kind jobs --title x -c land &&
	expect_err_has "must follow --problem" &&
	expect_code 64 qf add-event --kind jobs --title x -p 招工难 -c labour &&
	expect_err_has "needs a firm" &&
	expect_code 64 qf add-event --kind jobs --title x -p 招工难 --firm 燕京 &&
	expect_err_has "needs a category" &&
	unchanged .; then pass; fi

test_start "an ambiguous firm (65), an unknown firm or policy (66), an ambiguous policy (65): nothing written"
if expect_code 65 qf add-event --kind jobs --title x --firm 风顺 &&
	expect_err_has "ambiguous (2 firms)" &&
	expect_code 66 qf add-event --kind jobs --title x --firm 不存在 &&
	expect_code 66 qf add-event --kind jobs --title x --policy P-HY-0042 &&
	expect_err_has "no policy 'P-HY-0042'" &&
	expect_code 65 qf add-event --kind jobs --title x --policy 政策 &&
	expect_err_has "policy title '政策' is ambiguous (2 policies)" &&
	expect_code 66 qf add-event --kind jobs --title x --policy 招商 &&
	expect_err_has "no policy matches '招商'" &&
	unchanged .; then pass; fi

test_start "a signed financing over the schema's 1万亿元 is a bad option (64), nothing written"
if expect_code 64 qf add-event --kind financing --title x --financing-signed 20000亿元 &&
	expect_err_has "--financing-signed: '20000亿元' is more than 1000000000000 yuan" &&
	unchanged .; then pass; fi

test_start "export events: csv (yuan), tsv, json; filters by kind and firm; sql refused"
if expect_code 0 qf export events --no-header &&
	tr -d '\r' <"$T/out" >"$T/lf" && mv "$T/lf" "$T/out" &&
	expect_out <<'X' &&
E-HY-202305-0001,2023-05-10,financing,银企对接会,金融办,园区会议中心,"F-HY-0001,F-HY-0002",P-HY-0001,D-HY-202305-0001,10000000000,20000000,,,,,,签约意向融资100亿元
E-HY-202305-0002,2023-05-20,jobs,春风行动招聘会,,,"F-HY-0001,F-HY-0002",,,,,400,1000,365,,,
X
	expect_code 0 qf export events --format tsv --kind 招聘会 --no-header &&
	expect_out_has "E-HY-202305-0002" && ! grep -q E-HY-202305-0001 "$T/out" &&
	expect_code 0 qf export events --format json --firm 燕京 --month 2023-05 &&
	expect_out_has '"financing_intended": 10000000000' &&
	expect_code 0 qf export events --month 2023-06 --no-header && [ ! -s "$T/out" ] &&
	expect_code 64 qf export events --visitor 王 &&
	expect_code 64 qf export events --format sql && expect_err_has "not exported as SQL"
then pass; fi

test_start "export all: the events are there (json) when the store keeps some"
if expect_code 0 qf export all --format json && expect_out_has '"events": [' &&
	expect_out_has '"id": "E-HY-202305-0002"'; then pass; fi

test_start "check: a demand naming an event that does not list it, at file:line:col (1)"
cp events/2023-05.yaml "$T/events.bak"
sed -i 's/^demands: \[D-HY-202305-0001\]$/demands: []/' events/2023-05.yaml
if expect_code 1 qf check &&
	expect_out_has "demands/2023-05.yaml:5:1: event 'E-HY-202305-0001' does not list this demand in its demands" &&
	expect_err_has "1 problem"; then pass; fi
cp "$T/events.bak" events/2023-05.yaml

test_start "check: a demand naming an event that is not there; the event's demand then names another source"
cp demands/2023-05.yaml "$T/demands.bak"
sed -i 's/^source: E-HY-202305-0001$/source: E-HY-202305-0009/' demands/2023-05.yaml
if expect_code 1 qf check &&
	expect_out_has "demands/2023-05.yaml:5:1: no event 'E-HY-202305-0009'" &&
	expect_out_has "events/2023-05.yaml:10:11: demand 'D-HY-202305-0001' does not name this event as its source: set its source to E-HY-202305-0001" &&
	expect_err_has "2 problems"; then pass; fi

test_start "check: an event's demand whose source is a channel"
sed -i 's/^source: E-HY-202305-0009$/source: 热线/' demands/2023-05.yaml
if expect_code 1 qf check &&
	expect_out_has "events/2023-05.yaml:10:11: demand 'D-HY-202305-0001' does not name this event as its source" &&
	expect_err_has "1 problem"; then pass; fi

test_start "check: a source that is a firm is neither a visit nor an event"
sed -i 's/^source: 热线$/source: F-HY-0001/' demands/2023-05.yaml
if expect_code 1 qf check &&
	expect_out_has "demands/2023-05.yaml:5:1: source 'F-HY-0001' is neither a visit nor an event"; then pass; fi
cp "$T/demands.bak" demands/2023-05.yaml

test_start "check: an event dated outside the month of its ID, an unknown kind"
cp events/2023-05.yaml "$T/events.bak"
sed -i 's/^date: 2023-05-20$/date: 2023-06-20/; s/^kind: jobs$/kind: party/' events/2023-05.yaml
if expect_code 1 qf check &&
	expect_out_has "events/2023-05.yaml:17:1: date is not in the month its ID names (E-HY-202305-0002)" &&
	expect_out_has "events/2023-05.yaml:18:7:"; then pass; fi
cp "$T/events.bak" events/2023-05.yaml

test_start "the store checks clean again"
if expect_code 0 qf check && expect_err_has "0 problems"; then pass; fi

done_testing
