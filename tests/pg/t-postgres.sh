#!/bin/sh
# The SQL export on a real PostgreSQL server: the test starts one of its
# own (Debian's postgresql: initdb and pg_ctl on a temporary data
# directory, a Unix socket in a temporary folder, no TCP), loads
# `qf export all --format sql` of stores into it with psql, and checks:
#   - the bulletin's functions give the figures of `qf monthly-report
#     --format json`, exactly (every figure, departments, coverage by tag,
#     trend, the month before: tests/pg/compare.py), for every month of the
#     example store (data/) and of a second store (site XY) whose demands
#     take every path of the replay;
#   - two sites live side by side; loading a store again replaces its rows
#     and no other site's; a script cut short changes nothing;
#   - text with a tab, a newline, a backslash and quotes comes out as the
#     YAML has it.
# As root (CI), the server runs as the user postgres: it refuses root.
. "${QF_SRC}/tests/cli/lib.sh"

PY=/usr/bin/python3
PGBIN=${QF_PGBIN:-}
if [ -z "$PGBIN" ]; then
	for d in /usr/lib/postgresql/*/bin; do
		[ -x "$d/initdb" ] && PGBIN=$d
	done
fi
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ] || [ ! -x "$PGBIN/pg_ctl" ]; then
	echo "not ok 1 - postgres: no initdb and pg_ctl in /usr/lib/postgresql/*/bin (apt-get install postgresql)"
	exit 1
fi
command -v psql >/dev/null || { echo "not ok 1 - postgres: no psql"; exit 1; }

# The server's folder: reachable by the user it runs as.
P=$(mktemp -d "${TMPDIR:-/tmp}/qf-pg.XXXXXX") || exit 1
chmod 755 "$P"
as_server() { "$@"; }
if [ "$(id -u)" = 0 ]; then
	id postgres >/dev/null 2>&1 || {
		echo "not ok 1 - postgres: running as root and there is no user postgres to run the server as"
		rm -rf "$P"; exit 1; }
	chown postgres "$P"
	as_server() { runuser -u postgres -- "$@"; }
fi
stop_server() {
	if [ -f "$P/data/postmaster.pid" ]; then
		as_server "$PGBIN/pg_ctl" -D "$P/data" -m immediate -w stop >/dev/null 2>&1
	fi
	rm -rf "$P" "$T"
}
trap stop_server EXIT
trap 'exit 1' INT TERM HUP

if ! as_server "$PGBIN/initdb" -D "$P/data" -U qf -A trust -E UTF8 \
	--locale=C --no-sync >"$P/initdb.log" 2>&1; then
	echo "not ok 1 - postgres: initdb failed:"
	sed 's/^/#   /' "$P/initdb.log" | tail -20
	exit 1
fi
if ! as_server "$PGBIN/pg_ctl" -D "$P/data" -l "$P/server.log" -w -t 30 \
	-o "-c listen_addresses= -k $P -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
	start >"$P/pg_ctl.log" 2>&1; then
	echo "not ok 1 - postgres: the server did not start:"
	cat "$P/pg_ctl.log" "$P/server.log" 2>/dev/null | sed 's/^/#   /' | tail -20
	exit 1
fi
PGHOST=$P PGUSER=qf PGDATABASE=qf
export PGHOST PGUSER PGDATABASE
unset PGPORT PGPASSWORD PGSERVICE PGOPTIONS PGSSLMODE
psql -q -d postgres -c 'CREATE DATABASE qf' >"$T/out" 2>"$T/err" || {
	echo "not ok 1 - postgres: cannot create a database:"; cat "$T/err"; exit 1; }

# sql QUERY: its rows, unaligned, no header, into $T/out.
sql() { psql -X -A -t -v ON_ERROR_STOP=1 -c "$1" >"$T/out" 2>"$T/err"; }
load() { psql -X -q -v ON_ERROR_STOP=1 -f "$1" >"$T/load.out" 2>"$T/err"; }

# compare_months STORE SITE: the bulletin of every month of the site,
# from SQL and from qf monthly-report.
compare_months() {
	store=$1 site=$2
	if ! sql "SELECT to_char(month, 'YYYY-MM') FROM site_months WHERE site = '$site' ORDER BY month"; then
		fail "site_months: $(cat "$T/err")"; return
	fi
	months=$(cat "$T/out")
	[ -n "$months" ] || { fail "no month for site $site"; return; }
	bad=0
	for m in $months; do
		qf monthly-report --data "$store" --month "$m" --format json >"$T/rep.json" 2>"$T/err" ||
			{ fail "$site $m: qf monthly-report failed"; bad=1; continue; }
		sql "SELECT json_build_object(
		    'bulletin', (SELECT row_to_json(b) FROM qf_bulletin('$site', '$m-01') b),
		    'departments', (SELECT coalesce(json_agg(d), '[]') FROM qf_bulletin_departments('$site', '$m-01') d),
		    'coverage', (SELECT coalesce(json_agg(c), '[]') FROM qf_bulletin_coverage('$site', '$m-01') c),
		    'trend', (SELECT json_agg(t) FROM qf_bulletin_trend('$site', '$m-01') t),
		    'previous', (SELECT row_to_json(b) FROM qf_bulletin('$site', date '$m-01' - 1) b))" ||
			{ fail "$site $m: $(cat "$T/err")"; bad=1; continue; }
		if ! $PY "$QF_SRC/tests/pg/compare.py" "$T/rep.json" "$T/out" >"$T/diff"; then
			fail "$site $m: SQL and qf monthly-report differ:"
			sed 's/^/#   /' "$T/diff" | head -20
			bad=1
		fi
	done
	nmonths=$(echo $months | wc -w)
	[ $bad = 0 ] && echo "# $site: $nmonths months ($(echo $months)) agree"
	return $bad
}

# count_rows SITE: "firms policies visits visit_policies visit_demands
# demands demand_log" rows of the site.
count_rows() {
	sql "SELECT concat_ws(' ', (SELECT count(*) FROM firms WHERE site = '$1'),
	  (SELECT count(*) FROM policies WHERE site = '$1'),
	  (SELECT count(*) FROM visits WHERE site = '$1'),
	  (SELECT count(*) FROM visit_policies WHERE site = '$1'),
	  (SELECT count(*) FROM visit_demands WHERE site = '$1'),
	  (SELECT count(*) FROM demands WHERE site = '$1'),
	  (SELECT count(*) FROM demand_log WHERE site = '$1'))" && cat "$T/out"
}

# The rows a store should give, counted in its YAML: documents of each
# folder, list items and log entries.
yaml_counts() {
	$PY - "$1" <<'EOF'
import glob, re, sys
root = sys.argv[1]
def docs(kind):
    n = 0
    for p in glob.glob(root + "/" + kind + "/*.yaml"):
        n += sum(1 for l in open(p, encoding="utf-8") if l.startswith("id: "))
    return n
def items(kind, key):
    n = 0
    for p in glob.glob(root + "/" + kind + "/*.yaml"):
        for l in open(p, encoding="utf-8"):
            if l.startswith(key + ": ["):
                inner = l[len(key) + 3:l.rindex("]")].strip()
                n += len(inner.split(",")) if inner else 0
    return n
def logs():
    n = 0
    for p in glob.glob(root + "/demands/*.yaml"):
        n += sum(1 for l in open(p, encoding="utf-8")
                 if l.startswith("- date: ") or l.startswith("- {date: "))
    return n
print(docs("firms"), docs("policies"), docs("visits"), items("visits", "policies"),
      items("visits", "demands"), docs("demands"), logs())
EOF
}

# ---- the example store -------------------------------------------------
cp -R "$QF_SRC/data" hy
test_start "export the example store"
if qf export --data hy all --format sql -o "$T/hy.sql" 2>"$T/err" &&
	grep -q '^COMMIT;$' "$T/hy.sql"; then pass; else fail "qf export failed"; fi

test_start "psql -f loads it"
if load "$T/hy.sql"; then pass; else fail "psql: $(head -5 "$T/err")"; fi

test_start "every row of the store is in the database"
want=$(yaml_counts hy)
got=$(count_rows HY)
if [ "$want" = "$got" ]; then pass; echo "# HY rows: $got"; else fail "rows: store $want, SQL $got"; fi

test_start "the bulletin in SQL is qf monthly-report's, every month of the example store"
if compare_months hy HY; then pass; fi

test_start "the months are those from the campaign start to the last record"
sql "SELECT string_agg(to_char(month, 'YYYY-MM'), ' ' ORDER BY month) FROM site_months WHERE site = 'HY'"
last=$(ls hy/visits hy/demands | sed -n 's/^\([0-9-]*\)\.yaml$/\1/p' | sort | tail -1)
case "$(cat "$T/out")" in
"2023-04 "*" $last") pass ;;
*) fail "site_months: $(cat "$T/out"), last file month $last" ;;
esac

# ---- a second site -----------------------------------------------------
# Every path of the state at a month's end: escalated, returned and
# reassigned, extended, reopened by a dissatisfied call, declined, adopted,
# a demand with no log and one whose log disagrees with its fields (both
# read from the fields), one before the campaign, a firm registered after
# the month but visited in it, overdue items; and a firm's name with a
# tab, a newline, a backslash and quotes.
mkdir -p xy/firms xy/policies xy/visits xy/demands
cat >xy/qf.yaml <<'EOF'
site: XY
organisation: "新园区\t管委会 \"试点\""
campaign_start: 2023-05-01
threshold: 80
coverage_tags: ["a,b", 规上, 小巨人]
departments: [Alpha局, 经发局, 资规局, 人社局]
EOF
cat >xy/firms/XY.yaml <<'EOF'
---
id: F-XY-0001
name: "甲\t乙\n丙\\丁\"戊'己"
tags: [规上, "a,b", "q\"uote", "back\\slash", "NULL"]
contact: {name: 张三, phone: "0734-1234567"}
since: 2023-05-01
---
id: F-XY-0002
name: 乙公司
since: 2023-07-15
---
id: F-XY-0003
name: 丙公司
---
id: F-XY-0004
name: 丁公司
since: 2023-09-01
EOF
cat >xy/policies/XY.yaml <<'EOF'
---
id: P-XY-0001
title: 稳岗返还
issued: 2023-01-10
EOF
cat >xy/visits/2023-05.yaml <<'EOF'
---
id: V-XY-202305-0001
date: 2023-05-10
firm: F-XY-0001
visitors: [王, 李]
kind: visit
policies: [P-XY-0001]
demands: [D-XY-202305-0001, D-XY-202305-0002]
---
id: V-XY-202305-0002
date: 2023-05-20
firm: F-XY-0002
visitors: [王]
kind: survey
note: "行一\n行二\\"
EOF
cat >xy/visits/2023-04.yaml <<'EOF'
---
id: V-XY-202304-0001
date: 2023-04-20
firm: F-XY-0003
visitors: [赵]
kind: meeting
EOF
cat >xy/demands/2023-04.yaml <<'EOF'
---
id: D-XY-202304-0001
firm: F-XY-0003
opened: 2023-04-20
kind: problem
level: local
category: land
title: 活动前的诉求
status: resolved
closed: 2023-05-03
resolution: 已办
log:
- {date: 2023-04-20, action: collect}
- {date: 2023-05-03, action: resolve}
EOF
cat >xy/demands/2023-05.yaml <<'EOF'
---
id: D-XY-202305-0001
firm: F-XY-0001
opened: 2023-05-10
source: V-XY-202305-0001
kind: problem
level: higher
category: financing
title: 升级的问题
amount: 5000000
dept: 经发局
due: 2023-06-30
status: assigned
log:
- {date: 2023-05-10, action: collect}
- {date: 2023-05-11, action: assign, dept: 经发局, due: 2023-05-25}
- {date: 2023-06-12, action: escalate, note: 需省里支持}
- {date: 2023-06-13, action: extend, due: 2023-06-30}
- {date: 2023-07-02, action: urge}
---
id: D-XY-202305-0002
firm: F-XY-0001
opened: 2023-05-10
source: V-XY-202305-0001
kind: problem
level: local
category: labour
title: 退回再交办
dept: 人社局
due: 2023-06-20
status: resolved
closed: 2023-06-18
resolution: 招聘会
satisfaction: satisfied
log:
- {date: 2023-05-10, action: collect}
- {date: 2023-05-12, action: assign, dept: Alpha局, due: 2023-05-20}
- {date: 2023-05-15, action: return, dept: Alpha局, note: 非本单位职责}
- {date: 2023-05-16, action: assign, dept: 人社局, due: 2023-06-05}
- {date: 2023-06-04, action: extend, due: 2023-06-20}
- {date: 2023-06-10, action: resolve, note: 初步解决}
- {date: 2023-06-11, action: follow-up, satisfaction: dissatisfied}
- {date: 2023-06-11, action: reopen, due: 2023-06-25}
- {date: 2023-06-18, action: resolve, note: 招聘会}
- {date: 2023-07-01, action: follow-up, satisfaction: satisfied}
---
id: D-XY-202305-0003
firm: F-XY-0003
opened: 2023-05-21
source: 热线
kind: suggestion
level: local
category: logistics
title: 建议开通公交
dept: 资规局
due: 2023-06-01
status: adopted
closed: 2023-06-01
resolution: 已采纳
satisfaction: basic
log:
- {date: 2023-05-21, action: collect}
- {date: 2023-05-22, action: assign, dept: 资规局, due: 2023-06-01}
- {date: 2023-06-01, action: adopt}
- {date: 2023-06-02, action: follow-up, satisfaction: basic}
---
id: D-XY-202305-0004
firm: F-XY-0002
opened: 2023-05-25
kind: problem
level: local
category: permits
title: 无法解决
dept: 资规局
due: 2023-06-10
status: declined
closed: 2023-07-05
resolution: 不符合条件
log:
- {date: 2023-05-25, action: collect}
- {date: 2023-05-26, action: assign, dept: 资规局, due: 2023-06-10}
- {date: 2023-07-05, action: decline}
EOF
cat >xy/demands/2023-07.yaml <<'EOF'
---
id: D-XY-202307-0001
firm: F-XY-0002
opened: 2023-07-03
kind: problem
level: local
category: energy
title: 没有记录的诉求
dept: 经发局
original_due: 2023-07-10
due: 2023-07-20
status: resolved
closed: 2023-07-15
resolution: 已供电
satisfaction: satisfied
---
id: D-XY-202307-0002
firm: F-XY-0003
opened: 2023-07-04
kind: problem
level: local
category: market
title: 记录与字段不符
dept: 人社局
due: 2023-07-30
status: resolved
closed: 2023-08-09
resolution: 已对接
log:
- {date: 2023-07-04, action: collect}
- {date: 2023-07-05, action: assign, dept: 人社局, due: 2023-07-30}
- {date: 2023-08-02, action: resolve}
---
id: D-XY-202307-0003
firm: F-XY-0003
opened: 2023-07-20
kind: problem
level: local
category: other
title: 超期未办
dept: 资规局
due: 2023-08-01
status: assigned
log:
- {date: 2023-07-20, action: collect}
- {date: 2023-07-21, action: assign, dept: 资规局, due: 2023-08-01}
---
id: D-XY-202307-0004
firm: F-XY-0004
opened: 2023-07-28
kind: suggestion
level: local
category: services
title: 未交办的建议
status: open
log:
- {date: 2023-07-28, action: collect}
EOF
cat >xy/visits/2023-08.yaml <<'EOF'
---
id: V-XY-202308-0001
date: 2023-08-05
firm: F-XY-0004
visitors: [李, 钱]
kind: onsite
demands: [D-XY-202307-0003]
EOF

test_start "the second store exports"
if qf export --data xy all --format sql >"$T/xy.sql" 2>"$T/err"; then pass; else fail "qf export: $(cat "$T/err")"; fi

test_start "two sites in one database"
hy_before=$(count_rows HY)
if load "$T/xy.sql" && [ "$(count_rows HY)" = "$hy_before" ] &&
	[ "$(count_rows XY)" = "$(yaml_counts xy)" ]; then pass
else fail "HY $hy_before -> $(count_rows HY); XY $(count_rows XY), store $(yaml_counts xy)"; fi

test_start "the bulletin in SQL is qf monthly-report's, every month of the second store"
if compare_months xy XY; then pass; fi

test_start "the replay's paths are taken: a demand read from its fields, an escalation"
sql "SELECT string_agg(id || ':' || from_log || ':' || level, ' ' ORDER BY id) FROM qf_demand_states('XY', '2023-06-30') WHERE id IN ('D-XY-202305-0001', 'D-XY-202307-0001', 'D-XY-202307-0002')"
a=$(cat "$T/out")
sql "SELECT level FROM qf_demand_states('XY', '2023-05-31') WHERE id = 'D-XY-202305-0001'"
b=$(cat "$T/out")
if [ "$a" = "D-XY-202305-0001:true:higher D-XY-202307-0001:false:local D-XY-202307-0002:false:local" ] &&
	[ "$b" = local ]; then pass; else fail "states: $a; before the escalation: $b"; fi

# hex FILE: the bytes of a file in hex, one line.
hex() { od -An -tx1 | tr -d ' \n'; }

test_start "a name with a tab, a newline, a backslash and quotes comes out as written"
want=$(printf '甲\t乙\n丙\\丁"戊'"'"'己' | hex)
sql "SELECT encode(convert_to(name, 'UTF8'), 'hex') FROM firms WHERE id = 'F-XY-0001'"
got=$(cat "$T/out")
sql "SELECT encode(convert_to(organisation, 'UTF8'), 'hex') FROM sites WHERE site = 'XY'"
org=$(cat "$T/out")
if [ "$got" = "$want" ] && [ "$org" = "$(printf '新园区\t管委会 "试点"' | hex)" ]; then pass
else fail "name $got, want $want; organisation $org"; fi

test_start "list items with commas, quotes, backslashes and NULL survive"
sql "SELECT array_to_json(tags) FROM firms WHERE id = 'F-XY-0001'"
if [ "$(cat "$T/out")" = '["规上","a,b","q\"uote","back\\slash","NULL"]' ]; then pass
else fail "tags: $(cat "$T/out")"; fi

test_start "the keys hold: a visit of a firm that is not there is refused"
if psql -X -q -v ON_ERROR_STOP=1 -c "BEGIN; INSERT INTO visits (site, id, date, firm, visitors, kind) VALUES ('XY', 'V-XY-202309-0001', '2023-09-01', 'F-XY-9999', '{王}', 'visit'); COMMIT;" >"$T/out" 2>"$T/err"; then
	fail "inserted"
elif grep -q 'foreign key' "$T/err"; then pass; else fail "$(cat "$T/err")"; fi

test_start "an unknown kind is refused"
if sql "INSERT INTO demands (site, id, firm, opened, kind, level, category, title, status) VALUES ('XY', 'D-XY-202309-0001', 'F-XY-0001', '2023-09-01', 'wish', 'local', 'land', 't', 'open')"; then
	fail "inserted"
elif grep -q 'check constraint' "$T/err"; then pass; else fail "$(cat "$T/err")"; fi

# ---- loading again -----------------------------------------------------
test_start "loading a store again replaces its rows, and no other site's"
QF_TODAY=2023-11-01 qf add-visit --data hy --firm F-HY-0001 --date 2023-10-30 --visitor 测试员 >/dev/null 2>"$T/err" ||
	fail "qf add-visit: $(cat "$T/err")"
qf export --data hy all --format sql -o "$T/hy2.sql" 2>"$T/err" || fail "qf export: $(cat "$T/err")"
xy_before=$(count_rows XY)
if load "$T/hy2.sql" && load "$T/hy2.sql" &&
	[ "$(count_rows HY)" = "$(yaml_counts hy)" ] && [ "$(count_rows XY)" = "$xy_before" ]; then
	pass
else
	fail "HY $(count_rows HY), store $(yaml_counts hy); XY $xy_before -> $(count_rows XY)"
fi

test_start "after the reload the bulletin still agrees"
if compare_months hy HY; then pass; fi

test_start "one table alone replaces that table"
qf export --data xy firms --format sql >"$T/xyf.sql" 2>"$T/err"
if load "$T/xyf.sql" && [ "$(count_rows XY)" = "$xy_before" ]; then pass
else fail "XY $(count_rows XY): $(cat "$T/err")"; fi

test_start "a script cut short changes nothing"
# Up to the last COPY's first lines: the site's rows deleted, most of them
# loaded again, no COMMIT.
sed '/^COPY "demand_log"/{n;q}' "$T/xy.sql" >"$T/cut.sql"
grep -q '^DELETE FROM "firms"' "$T/cut.sql" || fail "the cut script deletes nothing"
psql -X -q -f "$T/cut.sql" >"$T/out" 2>"$T/err"
if [ "$(count_rows XY)" = "$xy_before" ]; then pass; else fail "XY $xy_before -> $(count_rows XY)"; fi

test_start "the server's log has no error but the refusals above"
n=$(grep -c 'ERROR' "$P/server.log")
if [ "$n" -eq 2 ]; then pass; else fail "$n errors:"; grep ERROR "$P/server.log" | sed 's/^/#   /' | head; fi

done_testing
