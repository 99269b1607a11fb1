# lib.sh - helpers for the command-line tests (sourced by t-*.sh).
#
# Each test runs the built programs ($QF_BIN) in a fresh temporary
# directory that is removed at the end.  Conventions (after git's t/):
#   run CMD...            run, keep stdout in out, stderr in err, code in $rc
#   expect_code N CMD...  run and check the exit code
#   expect_out <<EOF      compare out with the text (diff on failure)
#   expect_err_has TEXT   stderr contains TEXT
#   snap DIR / unchanged DIR   prove a rejected command changed nothing
set -u
: "${QF_BIN:?QF_BIN must name the build directory}"
: "${QF_SRC:?QF_SRC must name the source directory}"
PATH="$QF_BIN:$PATH"
QF_TODAY=2023-06-15
QF_USER=测试员
# Sanitizers and valgrind slow writers down: let them queue for the lock.
QF_LOCK_WAIT=120
export PATH QF_TODAY QF_USER QF_LOCK_WAIT
unset QF_DATA QF_SCHEMA_DIR LANGUAGE
LC_ALL=${LC_ALL:-C.UTF-8}
export LC_ALL

# $T holds the test's own files (out, err, expected); stores go in $T/w.
T=$(mktemp -d "${TMPDIR:-/tmp}/qf-test.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
mkdir "$T/w" && cd "$T/w" || exit 1

# QF_VALGRIND=1 runs every program under valgrind: a memory error or leak
# makes it exit 99, which no test expects.  With QF_VALGRIND_LOGS=DIR each
# run's report goes to a file of its own there (empty when clean), which
# tests/figures counts.
if [ "${QF_VALGRIND:-0}" = 1 ]; then
	mkdir "$T/vg"
	vglog=""
	[ -n "${QF_VALGRIND_LOGS:-}" ] && vglog="--log-file=$QF_VALGRIND_LOGS/%q{QF_VG_NAME}.%p.log"
	for prog in "$QF_BIN"/qf "$QF_BIN"/qf-*; do
		[ -x "$prog" ] || continue
		printf '#!/bin/sh\nQF_VG_NAME=%s exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --trace-children=yes %s "%s" "$@"\n' \
			"${T##*/}.${prog##*/}" "$vglog" "$prog" >"$T/vg/${prog##*/}"
		chmod +x "$T/vg/${prog##*/}"
	done
	# "qf CMD ..." is two programs under valgrind, each starting in half
	# a second: run qf-CMD under valgrind straight away, as the
	# dispatcher would.  The dispatcher itself is watched where a script
	# sets QF_VG_DISPATCH=1 (t-qf, t-every-command).
	vgrun="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --trace-children=yes $vglog"
	cat >"$T/vg/qf" <<EOF
#!/bin/sh
if [ -z "\${QF_VG_DISPATCH:-}" ] && [ -n "\${1:-}" ] && [ -x "$QF_BIN/qf-\$1" ]; then
	p="$QF_BIN/qf-\$1"; shift
	QF_VG_NAME="${T##*/}.\${p##*/}" exec $vgrun "\$p" "\$@"
fi
QF_VG_NAME=${T##*/}.qf exec $vgrun "$QF_BIN/qf" "\$@"
EOF
	chmod +x "$T/vg/qf"
	PATH="$T/vg:$PATH"
fi

tests=0
failures=0
current=""

test_start() { current=$1; tests=$((tests + 1)); }

fail() {
	failures=$((failures + 1))
	printf 'not ok %d - %s: %s\n' "$tests" "$current" "$*"
	if [ -s "$T/err" ]; then sed 's/^/#   stderr: /' "$T/err" | head -20; fi
}

pass() { printf 'ok %d - %s\n' "$tests" "$current"; }

run() {
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
}

# expect_code N CMD...: run CMD and check its exit code.
expect_code() {
	want=$1
	shift
	run "$@"
	if [ "$rc" -ne "$want" ]; then
		fail "exit code $rc, expected $want: $*"
		return 1
	fi
	return 0
}

# expect_out: compare stdout of the last run with standard input.
expect_out() {
	cat >"$T/expected"
	if ! diff -u "$T/expected" "$T/out" >"$T/diffout" 2>&1; then
		fail "unexpected output"
		sed 's/^/#   /' "$T/diffout" | head -40
		return 1
	fi
	return 0
}

expect_err() {
	cat >"$T/expected"
	if ! diff -u "$T/expected" "$T/err" >"$T/diffout" 2>&1; then
		fail "unexpected stderr"
		sed 's/^/#   /' "$T/diffout" | head -40
		return 1
	fi
	return 0
}

expect_err_has() {
	if ! grep -qF -- "$1" "$T/err"; then
		fail "stderr lacks '$1'"
		return 1
	fi
	return 0
}

expect_out_has() {
	if ! grep -qF -- "$1" "$T/out"; then
		fail "stdout lacks '$1'"
		sed 's/^/#   out: /' "$T/out" | head -20
		return 1
	fi
	return 0
}

# snap DIR: remember every file's bytes and mode under DIR.
snap() {
	(cd "$1" && find . -type f -o -type d | LC_ALL=C sort |
		while read -r f; do
			if [ -f "$f" ]; then
				printf '%s %s %s\n' "$(stat -c %a "$f")" \
					"$(sha256sum <"$f" | cut -c1-64)" "$f"
			else
				printf 'dir %s\n' "$f"
			fi
		done) >"$T/.snap"
}

# unchanged DIR: fail unless DIR is byte for byte what snap saw.
unchanged() {
	cp "$T/.snap" "$T/.snap.before"
	snap "$1"
	if ! diff -u "$T/.snap.before" "$T/.snap" >"$T/diffout"; then
		fail "the store changed"
		sed 's/^/#   /' "$T/diffout" | head -20
		return 1
	fi
	return 0
}

# new_store DIR: an empty store with a few departments.
new_store() {
	qf-init --site HY --org 测试高新区 --start 2023-04-01 \
		--dept 经济发展局,自然资源局,金融办 "$1" >/dev/null 2>&1 ||
		{ echo "Bail out! cannot create a store"; exit 1; }
}

done_testing() {
	printf '1..%d\n' "$tests"
	if [ "$failures" -ne 0 ]; then
		printf '# %d of %d failed\n' "$failures" "$tests"
		exit 1
	fi
	exit 0
}

# assert CMD...: fail unless CMD succeeds.
assert() {
	if ! "$@"; then
		fail "assertion failed: $*"
		return 1
	fi
	return 0
}

# doc ID FILE: the YAML document of record ID in FILE, its '---' included.
# others ID FILE: every other document of FILE, byte for byte.
split_docs() {
	awk -v id="id: $1" -v want="$2" '
	function flush() { if ((index(d, id) > 0) == want) printf "%s", d; d = "" }
	/^---/ { flush() }
	{ d = d $0 "\n" }
	END { flush() }' "$3"
}
doc() { split_docs "$1" 1 "$2"; }
others() { split_docs "$1" 0 "$2"; }

# demand_store DIR: new_store with two firms and three demands, opened in
# June 2023: D-HY-202306-0001 (a problem, land) and -0002 (a suggestion)
# raised in a visit to 燕京 on 2023-06-01; -0003, a problem of 北方光电
# from the hotline, opened 2023-06-02.
demand_store() {
	new_store "$1"
	(cd "$1" &&
		qf add-firm --name 燕京啤酒（衡阳）有限公司 &&
		qf add-firm --name 衡阳北方光电信息技术有限公司 &&
		qf add-visit --firm 燕京 --date 2023-06-01 -p 用地紧张 -c land \
			-s 建议开通公交 -c infrastructure &&
		qf add-demand --firm 北方光电 --title 贷款难 --category financing \
			--source 热线 --opened 2023-06-02) >/dev/null 2>&1 ||
		{ echo "Bail out! cannot build the demand store"; exit 1; }
}

# skip REASON: pass the current test as skipped (TAP "# SKIP").
skip() { printf 'ok %d - %s # SKIP %s\n' "$tests" "$current" "$1"; }

# have_script: util-linux script(1) is there to give a pseudo-terminal.
have_script() { script -qfec true /dev/null </dev/null >/dev/null 2>&1; }

# on_tty COLS CMD: run the shell command CMD on a pseudo-terminal COLS
# columns wide (util-linux script); its bytes, unchanged (no CR added), in
# $T/tty.  The terminal's width comes from TIOCGWINSZ, not $COLUMNS.
on_tty() {
	cols=$1
	shift
	script -qfec "stty -onlcr cols $cols; $*" /dev/null </dev/null >"$T/tty" 2>&1
}

# raw_controls FILE: how many lines of FILE hold bytes a terminal would act
# on: ESC, BEL, DEL, and C1 (U+0080-U+009F).
raw_controls() {
	LC_ALL=C grep -c "$(printf '[\001-\010\013\014\016-\037\177]\\|\302[\200-\237]')" "$1"
}

# aligned [--others-may-cut] TABLE TSV WIDTH FIT NUMERIC [CUT]: fail unless
# the terminal table TABLE shows the cells of TSV aligned, no wider than
# WIDTH, only column FIT cut (see align.py); with CUT, that many cells must
# have been cut.
aligned() {
	align_opt=
	if [ "$1" = --others-may-cut ]; then align_opt=$1; shift; fi
	python3 "$QF_SRC/tests/cli/align.py" $align_opt "$1" "$2" "$3" "$4" "$5" \
		>"$T/align.out" 2>&1
	arc=$?
	if [ $arc -ne 0 ] || { [ $# -gt 5 ] && ! grep -qx "cut $6" "$T/align.out"; }; then
		fail "table not aligned"
		cat "$T/align.out"
		return 1
	fi
	return 0
}

# expect_code_err N CMD... <<EOF: run CMD with an empty standard input;
# fail unless it exits N and its stderr is exactly the text.
expect_code_err() {
	cat >"$T/expected_err"
	expect_code "$@" </dev/null || return 1
	expect_err <"$T/expected_err"
}

# keep_others ID FILE: remember the records of FILE other than ID.
# others_kept ID FILE: fail unless they are still byte for byte the same.
keep_others() { others "$1" "$2" >"$T/others.before"; }
others_kept() {
	others "$1" "$2" >"$T/others.after"
	assert cmp -s "$T/others.before" "$T/others.after"
}

# no_ids_no_change CMD...: fail unless the action CMD, given no IDs and an
# empty standard input, exits 0, prints nothing and leaves the store in .
# as snap saw it.
no_ids_no_change() {
	expect_code 0 "$@" </dev/null && expect_out </dev/null && unchanged .
}

# action_help ACTION USAGE: fail unless qf ACTION --help exits 0 with USAGE
# and the exit statuses on stdout, an unknown option is a usage error (64),
# and the store in . still checks clean.
action_help() {
	expect_code 0 qf "$1" --help && expect_out_has "$2" &&
		expect_out_has "Exit status: 0 every demand changed" &&
		expect_code 64 qf "$1" --no-such-option D-HY-202306-0001 &&
		expect_code 0 qf check
}

# add_extended_resolved ID: add demand ID (the next of June 2023), 排污许可
# of 燕京 opened 2023-06-01, assigned to 经济发展局 due 06-05 on 06-02,
# extended to 06-12 on 06-04 and resolved on 06-10.
add_extended_resolved() {
	{ qf add-demand --firm 燕京 --title 排污许可 --category environment \
		--opened 2023-06-01 | grep -qx "$1" &&
		qf assign --dept 经济发展局 --due 2023-06-05 --date 2023-06-02 "$1" &&
		qf extend --due 2023-06-12 --reason 待环评 --date 2023-06-04 "$1" &&
		qf resolve -m 已发证 --date 2023-06-10 "$1"; } >/dev/null 2>&1 ||
		{ echo "Bail out! cannot add $1, extended and resolved"; exit 1; }
}
