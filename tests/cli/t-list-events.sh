#!/bin/sh
# qf list-events: events by period, kind and firm, in every format; and
# the bulletin's events section from the command line (text and JSON).
. "${QF_SRC}/tests/cli/lib.sh"

new_store s
cd s
qf add-firm --name 燕京啤酒（衡阳）有限公司 >/dev/null
qf add-firm --name 衡阳北方光电信息技术有限公司 >/dev/null
qf add-policy --title 稳岗返还 >/dev/null
# recorded out of order: the 20th gets the first number of May
qf add-event -k jobs -t 春风行动招聘会 -d 2023-05-20 -f 燕京,北方光电 \
	--positions 400 --attendees 1000 --hires 365 >/dev/null     # E-HY-202305-0001
qf add-event -k 银企对接会 -t 银企对接会 -d 2023-05-10 -f 北方光电 \
	--financing-intended 100亿元 -p 贷款难 -f 北方光电 -c financing >/dev/null # E-HY-202305-0002
qf add-event -k 政策宣讲会 -t "政策宣讲会（第1场）" -d 2023-04-12 -P 稳岗 \
	--booklets 600 -n "$(printf 'a\tb')" >/dev/null               # E-HY-202304-0001
qf check >/dev/null 2>&1 || echo "Bail out! the test store does not check clean"

snap .
test_start "piped: TSV without header, by date, firms and demands counted"
if expect_code 0 qf list-events && expect_out <<'X'; then pass; fi
E-HY-202304-0001	2023-04-12	briefing	政策宣讲会（第1场）	0	0
E-HY-202305-0002	2023-05-10	financing	银企对接会	1	1
E-HY-202305-0001	2023-05-20	jobs	春风行动招聘会	2	0
X

test_start "--month, --kind (Chinese name), --firm, --reverse; none is exit 1"
if expect_code 0 qf list-events --month 2023-05 -r && expect_out <<'X' &&
E-HY-202305-0001	2023-05-20	jobs	春风行动招聘会	2	0
E-HY-202305-0002	2023-05-10	financing	银企对接会	1	1
X
	expect_code 0 qf list-events --kind 招聘会 && expect_out <<'X' &&
E-HY-202305-0001	2023-05-20	jobs	春风行动招聘会	2	0
X
	expect_code 0 qf list-events --firm 北方光电 --from 2023-05-11 && expect_out <<'X' &&
E-HY-202305-0001	2023-05-20	jobs	春风行动招聘会	2	0
X
	expect_code 1 qf list-events --month 2023-06 && [ ! -s "$T/out" ]
then pass; fi

test_start "--fields with the outcomes (yuan), --header; a tab in a note escaped"
if expect_code 0 qf list-events --header --fields id,financing_intended,hires,booklets,note &&
	expect_out <<'X'; then pass; fi
id	financing_intended	hires	booklets	note
E-HY-202304-0001			600	a\tb
E-HY-202305-0002	10000000000			
E-HY-202305-0001		365		
X

test_start "csv, json and yaml"
# (a file gets a BOM for Excel, checked by t-list-visits; not here)
if expect_code 0 qf list-events --format csv --kind briefing &&
	tr -d '\r' <"$T/out" | sed '1s/^\xef\xbb\xbf//' >"$T/lf" && mv "$T/lf" "$T/out" &&
	expect_out <<'X' &&
id,date,kind,title,firms,demands
E-HY-202304-0001,2023-04-12,briefing,政策宣讲会（第1场）,0,0
X
	expect_code 0 qf list-events --format json --kind financing &&
	expect_out_has '"financing_intended": 10000000000' &&
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d[0]["id"]=="E-HY-202305-0002", d' "$T/out" &&
	expect_code 0 qf list-events --format yaml --kind jobs && expect_out_has "  hires: 365"
then pass; fi

test_start "bad usage: 64; an unknown firm: 66; nothing written"
if expect_code 64 qf list-events --month 2023-13 &&
	expect_code 64 qf list-events --kind party &&
	expect_code 64 qf list-events --fields id,nope && expect_err_has "no field 'nope'" &&
	expect_code 66 qf list-events --firm 不存在 &&
	unchanged .; then pass; fi

# The bulletin: figures of the store above, by hand.  May: 2 events
# (jobs 05-20: 2 firms, 400 positions, 1000 people, 365 hires; financing
# 05-10: 1 firm, 100亿元 intended, 1 demand); cumulative from 2023-04-01
# adds the briefing of 04-12 (600 booklets, no firm): 3 events, 3 firm
# participations, 1 demand.
test_start "monthly-report: the events section in text"
if expect_code 0 qf monthly-report --month 2023-05 --format text &&
	expect_out_has "八、活动开展情况" &&
	expect_out_has "2023-05-10  银企对接会  银企对接会" &&
	expect_out_has "意向融资100.00亿元、收集诉求1条" &&
	expect_out_has "燕京啤酒（衡阳）有限公司、衡阳北方光电信息技术有限公司" &&
	expect_out_has "提供岗位400、参加人数1000、达成就业意向365" &&
	grep -q '^全部  *2  *3  *3  *3  *1  *1$' "$T/out" &&
	grep -q '^发放政策汇编  政策宣讲会  *0  *600$' "$T/out" &&
	unchanged .; then pass; else sed -n '/八、/,$p' "$T/out" | head -30; fi

test_start "monthly-report: the events in JSON"
if expect_code 0 qf monthly-report --month 2023-05 --format json &&
	python3 - "$T/out" <<'PY'; then pass; fi
import json, sys
d = json.load(open(sys.argv[1]))
e = d["events"]
m, t = e["in_month"]["all"], e["cumulative"]["all"]
assert (m["events"], m["firms"], m["demands"]) == (2, 3, 1), m
assert (t["events"], t["firms"], t["demands"]) == (3, 3, 1), t
assert m["financing_intended_yuan"] == 10**10 and m["hires"] == 365, m
assert (m["booklets"], t["booklets"]) == (0, 600), (m, t)
assert e["cumulative"]["briefing"]["events"] == 1
assert [x["id"] for x in e["list"]] == ["E-HY-202305-0002", "E-HY-202305-0001"], e["list"]
assert e["list"][1]["firms"] == ["燕京啤酒（衡阳）有限公司", "衡阳北方光电信息技术有限公司"]
PY

test_start "monthly-report of a store without events: no section, no member"
new_store ../plain
if expect_code 0 qf monthly-report --data ../plain --month 2023-05 --format text &&
	! grep -q "八、" "$T/out" &&
	expect_code 0 qf monthly-report --data ../plain --month 2023-05 --format json &&
	! grep -q '"events"' "$T/out"; then pass; fi

done_testing
