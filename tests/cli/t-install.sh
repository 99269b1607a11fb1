#!/bin/sh
# cmake --install gives a working qifu: programs in bin/, the library in
# lib/, headers in include/qf/, schemas, man pages and the catalogue in
# share/; the installed programs find their schemas with no help.
. "${QF_SRC}/tests/cli/lib.sh"
P="$T/prefix"

test_start "install puts every part in its place"
if cmake --install "$QF_BIN" --prefix "$P" >"$T/log" 2>&1 &&
	assert test -x "$P/bin/qf" && assert test -x "$P/bin/qf-add-visit" &&
	assert test -f "$P/include/qf/store.h" &&
	assert test -f "$P/share/qifu/schemas/demand.yaml" &&
	assert test -f "$P/share/man/man1/qf-check.1" &&
	assert test -f "$P/share/man/man5/qf-format.5" &&
	assert test -f "$P/share/locale/zh_CN/LC_MESSAGES/qifu.mo" &&
	assert ls "$P"/lib*/libqf.so.0 >/dev/null; then pass; else cat "$T/log"; fi

test_start "the installed programs run from anywhere, with a clean environment"
cp -r "$QF_SRC/data" store
if env -i PATH="$P/bin:/usr/bin:/bin" LANG=C QF_TODAY=2023-10-01 "$P/bin/qf" check --data store >"$T/out" 2>"$T/err" &&
	env -i PATH="$P/bin:/usr/bin:/bin" LANG=C QF_TODAY=2023-10-01 "$P/bin/qf" monthly-report --data store >"$T/out" 2>"$T/err" &&
	expect_out_has "91.3%"; then pass; else fail "installed qf"; fi

test_start "the installed programs write too"
if (cd store && env -i PATH="$P/bin:/usr/bin:/bin" LANG=C QF_TODAY=2023-11-02 QF_USER=x \
	qf add-visit --firm 燕京 -p 'x' -c land >"$T/out" 2>"$T/err") &&
	expect_out_has "V-HY-202311-0001" && (cd store && "$P/bin/qf" check -q); then pass; fi

done_testing
