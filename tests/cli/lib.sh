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
export PATH QF_TODAY QF_USER
unset QF_DATA QF_SCHEMA_DIR LANGUAGE
LC_ALL=${LC_ALL:-C.UTF-8}
export LC_ALL

# $T holds the test's own files (out, err, expected); stores go in $T/w.
T=$(mktemp -d "${TMPDIR:-/tmp}/qf-test.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
mkdir "$T/w" && cd "$T/w" || exit 1

# QF_VALGRIND=1 runs every program under valgrind: a memory error or leak
# makes it exit 99, which no test expects.
if [ "${QF_VALGRIND:-0}" = 1 ]; then
	mkdir "$T/vg"
	for prog in "$QF_BIN"/qf "$QF_BIN"/qf-*; do
		[ -x "$prog" ] || continue
		printf '#!/bin/sh\nexec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --trace-children=yes "%s" "$@"\n' \
			"$prog" >"$T/vg/${prog##*/}"
		chmod +x "$T/vg/${prog##*/}"
	done
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
