#!/usr/bin/python3
"""compare.py REPORT.json SQL.json

Compare the bulletin's figures of one site and month as qf monthly-report
--format json gives them (REPORT.json) with those PostgreSQL computes from
the SQL export (SQL.json): {"bulletin": the row of qf_bulletin,
"departments": the rows of qf_bulletin_departments in their order,
"coverage": those of qf_bulletin_coverage, "trend": those of
qf_bulletin_trend, "previous": the row of qf_bulletin of the month before}.  Prints every difference, one per line; exits 1 when there is any.
"""
import json
import sys

# The cumulative figures are the view's columns of the same name; the
# month's are month_<name>.
PERIOD = ["visits", "firms_visited", "visitors", "demands", "problems",
          "suggestions", "amount_yuan", "local", "higher", "local_problems",
          "higher_problems", "by_category", "resolved", "local_resolved",
          "higher_resolved", "adopted", "declined", "closed",
          "closed_with_due", "on_time_original", "on_time_extended",
          "median_days", "rated", "satisfied", "basic", "dissatisfied"]
RATES = ["coverage", "resolution_rate", "adoption_rate",
         "on_time_rate_original", "on_time_rate_extended",
         "satisfaction_rate", "followup_rate"]
COUNTS = ["firms", "open_at_end", "overdue_at_end", "overdue_days_max"]
DEPT = ["name", "assigned", "closed", "on_time", "overdue", "returned",
        "median_days", "below_threshold"]


def rate(num, den):
    """qf_rate: one decimal, rounded half up in integer arithmetic."""
    if den <= 0:
        return "-"
    p = (num * 2000 + den) // (2 * den)
    return "%d.%d%%" % (p // 10, p % 10)


def sql_rate(v):
    return "-" if v is None else "%.1f%%" % v


def same(a, b):
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) \
            and not isinstance(a, bool) and not isinstance(b, bool):
        return float(a) == float(b)
    return a == b


def main():
    with open(sys.argv[1]) as f:
        rep = json.load(f)
    with open(sys.argv[2]) as f:
        got = json.load(f)
    row, depts, tags = got["bulletin"], got["departments"], got["coverage"]
    trend, prev = got["trend"], got["previous"]
    bad = []

    def check(what, want, got):
        if not same(want, got):
            bad.append("%s: bulletin %r, SQL %r" % (what, want, got))

    for k in COUNTS:
        check(k, rep[k], row[k])
    for k in RATES:
        check(k, rep[k], sql_rate(row[k]))
    for k in PERIOD:
        check("cumulative." + k, rep["cumulative"][k], row[k])
        check("in_month." + k, rep["in_month"][k], row["month_" + k])
    want = rep["departments"]
    if len(want) != len(depts):
        bad.append("departments: bulletin %d, SQL %d: %r / %r" % (
            len(want), len(depts), [d["name"] for d in want],
            [d["name"] for d in depts]))
    for w, g in zip(want, depts):
        for k in DEPT:
            check("departments[%s].%s" % (w["name"], k), w[k], g[k])
        # The rates the bulletin derives from them, as it rounds them.
        check("departments[%s].on_time_rate" % w["name"],
              rate(w["on_time"], w["closed"]), sql_rate(g["on_time_rate"]))
        check("departments[%s].closure_rate" % w["name"],
              rate(w["closed"], w["closed"] + w["overdue"]),
              sql_rate(g["closure_rate"]))
    want = [(t["tag"], t["firms"], t["visited"]) for t in rep["coverage_by_tag"]]
    got = [(t["tag"], t["firms"], t["visited"]) for t in tags]
    check("coverage_by_tag", want, got)
    want = [(t["month"], t["collected"], t["closed"]) for t in rep["trend"]]
    got = [(t["trend_month"][:7], t["collected"], t["closed"]) for t in trend]
    check("trend", want, got)
    # The month before, as the bulletin compares with it: the figures of
    # that month's own row.
    if "previous_month" in rep:
        for k in PERIOD:
            check("previous_month." + k, rep["previous_month"][k],
                  prev["month_" + k])
    for line in bad:
        print(line)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
