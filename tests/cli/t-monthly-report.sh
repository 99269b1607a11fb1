#!/bin/sh
# qf monthly-report: the bulletin of the example store, in every format,
# always the same bytes.  The figures were computed independently from
# the records when the example store was written (see the closing note of
# issue 2): September 2023 cumulative 42/46 = 91.3%, October 46/50 = 92.0%.
. "${QF_SRC}/tests/cli/lib.sh"
D="$QF_SRC/data"

test_start "Markdown bulletin of September 2023, in Chinese (the store's language)"
if expect_code 0 qf monthly-report --data "$D" --month 2023-09 && expect_out <<'X'
# 衡阳市“三送三解三优”行动领导小组办公室（2023年9月）

企业服务月通报

| 指标 | 本月 | 累计（自 2023-04-01） |
|---|---:|---:|
| 走访次数 | 10 | 50 |
| 走访企业数 | 10 | 26 |
| 收集诉求 | 11 | 62 |
| 问题 | 7 | 50 |
| 建议 | 4 | 12 |
| 本级问题 | 4 | 46 |
| 上级 | 4 | 5 |
| 已解决问题 | 11 | 42 |
| 建议采纳 | 1 | 6 |
| 解决率（本级） |  | 91.3% |
| 走访覆盖率 |  | 26/30 = 86.7% |
| 月末未办结 |  | 12 |
| 月末超期 |  | 1 |
X
then pass; fi

test_start "the same bytes under LANG=C (cron), a Chinese locale, and twice in a row"
qf monthly-report --data "$D" --month 2023-09 >"$T/a"
if env -i PATH="$PATH" LANG=C qf monthly-report --data "$D" --month 2023-09 >"$T/b" &&
	env -i PATH="$PATH" LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 qf monthly-report --data "$D" --month 2023-09 >"$T/c" &&
	assert cmp -s "$T/a" "$T/b" && assert cmp -s "$T/a" "$T/c" &&
	assert cmp -s "$T/a" "$T/out"; then pass; fi

test_start "plain text in English, columns aligned"
if expect_code 0 qf monthly-report --data "$D" --month 2023-09 --format text --lang en &&
	expect_out <<'X'
衡阳市“三送三解三优”行动领导小组办公室 Enterprise service bulletin, 2023-09

Figure                    Month  Cumulative (since 2023-04-01)
Visits                       10                             50
Firms visited                10                             26
Demands collected            11                             62
Problems                      7                             50
Suggestions                   4                             12
Local problems                4                             46
Higher level                  4                              5
Problems resolved            11                             42
Suggestions adopted           1                              6
Resolution rate (local)                                  91.3%
Coverage of the register                         26/30 = 86.7%
Open at month end                                           12
Overdue at month end                                         1
X
then pass; fi

test_start "JSON figures of October 2023"
if expect_code 0 qf monthly-report --data "$D" --month 2023-10 --format json && expect_out <<'X'
{
  "month": "2023-10",
  "campaign_start": "2023-04-01",
  "firms": 30,
  "coverage": "86.7%",
  "open_at_end": 11,
  "overdue_at_end": 4,
  "in_month": {
    "visits": 10,
    "firms_visited": 10,
    "demands": 7,
    "problems": 5,
    "suggestions": 2,
    "local": 6,
    "higher": 1,
    "local_problems": 4,
    "resolved": 5,
    "local_resolved": 4,
    "adopted": 2
  },
  "cumulative": {
    "visits": 60,
    "firms_visited": 26,
    "demands": 69,
    "problems": 55,
    "suggestions": 14,
    "local": 63,
    "higher": 6,
    "local_problems": 50,
    "resolved": 47,
    "local_resolved": 46,
    "adopted": 8,
    "resolution_rate": "92.0%"
  }
}
X
then pass; fi

test_start "the JSON parses and its figures agree with each other"
if command -v python3 >/dev/null; then
	if python3 - "$T/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
c = d["cumulative"]
assert c["demands"] == c["problems"] + c["suggestions"] == c["local"] + c["higher"]
assert c["local_resolved"] <= c["local_problems"]
rate = round(c["local_resolved"] * 1000 / c["local_problems"]) / 10
assert c["resolution_rate"] == "%.1f%%" % rate, (c["resolution_rate"], rate)
assert d["in_month"]["visits"] <= c["visits"]
PY
	then pass; else fail "JSON figures"; fi
else
	pass
fi

test_start "a text column holds each Chinese label at the same display width"
qf monthly-report --data "$D" --month 2023-09 --format text >"$T/t"
# Every line's figure ends in the same column: the lines have equal width.
if python3 -c "
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')[4:-1]
assert len(set(w(l) for l in lines)) == 1, [w(l) for l in lines]
" "$T/t"; then pass; else fail "alignment"; fi

test_start "the default month is the previous one (QF_TODAY)"
if QF_TODAY=2023-10-05 expect_code 0 qf monthly-report --data "$D" -f json &&
	expect_out_has '"month": "2023-09"' &&
	QF_TODAY=2024-01-10 expect_code 0 qf monthly-report --data "$D" -f json &&
	expect_out_has '"month": "2023-12"'; then pass; fi

test_start "a month before any record gives zeros, not an error"
if expect_code 0 qf monthly-report --data "$D" --month 2022-01 -f json &&
	expect_out_has '"resolution_rate": "-"'; then pass; fi

test_start "bad month, format, language: 64"
if expect_code 64 qf monthly-report --data "$D" --month 2023-13 &&
	expect_code 64 qf monthly-report --data "$D" --month 2023-9 &&
	expect_code 64 qf monthly-report --data "$D" --format pdf &&
	expect_code 64 qf monthly-report --data "$D" --lang fr &&
	expect_code 64 env QF_TODAY=soon qf monthly-report --data "$D" &&
	expect_err_has "QF_TODAY is not a date"; then pass; fi

test_start "a record file that does not parse stops the bulletin (65) and says where"
cp -r "$D" s
printf -- '---\nid: D-HY-202309-0099\ntitle: [broken\n' >>s/demands/2023-09.yaml
if expect_code 65 qf monthly-report --data s --month 2023-09 &&
	expect_err_has "s/demands/2023-09.yaml:"; then pass; fi

done_testing
