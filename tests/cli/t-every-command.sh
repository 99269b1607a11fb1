#!/bin/sh
# Every command once, on a copy of the example store, in the order park
# staff use them (tests/every-command.sh): each must succeed, and the store
# must check clean at the end.  Cheap enough to run under valgrind in CI
# (QF_VALGRIND=1), where it is the one script that puts every program
# through valgrind.
. "${QF_SRC}/tests/cli/lib.sh"
. "${QF_SRC}/tests/every-command.sh"
# Every program, the dispatcher among them, under valgrind too.
QF_VG_DISPATCH=1; export QF_VG_DISPATCH

QF_TODAY=2023-11-20
export QF_TODAY
cp -r "$QF_SRC/data" w
EVERY_OUT="$T/out"

step() { # step STORE CMD ARGS...: one test per command
	shift
	test_start "$2 on the example store"
	if expect_code 0 "$@" && { [ "$2" != check ] || expect_err_has "0 problems"; }; then
		pass
	fi
}
every_command step "$PWD/w" "$PWD/new"

test_start "the store checks clean after them all, and holds what they did"
if expect_code 0 qf check --data w && expect_err_has "195 records checked, 0 problems" &&
	run qf show --data w --format yaml D-HY-202311-0001 && expect_out_has "action: reopen" &&
	[ -f w/reports/2023-10.md ] && [ -f new/qf.yaml ] &&
	grep -q "title: 导入的诉求" w/demands/2023-11.yaml &&
	grep -q "^granted: 20000000$" w/applications/2023-11.yaml; then
	pass
fi
done_testing
