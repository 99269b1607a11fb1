#!/bin/sh
# qf: the dispatcher.
. "${QF_SRC}/tests/cli/lib.sh"
# The dispatcher is what this script tests: under valgrind too.
QF_VG_DISPATCH=1; export QF_VG_DISPATCH

test_start "qf --help lists the commands; qf alone is a usage error"
if expect_code 0 qf --help && expect_out_has "add-visit" && expect_out_has "monthly-report" &&
	expect_code 64 qf && expect_err_has "Usage: qf COMMAND"; then pass; fi

test_start "qf COMMAND runs qf-COMMAND with its arguments"
if expect_code 0 qf init --site HY s && expect_out_has "created store 's'" &&
	expect_code 0 qf check --data s; then pass; fi

test_start "qf help COMMAND shows that command's help"
if expect_code 0 qf help add-visit && expect_out_has "Usage: qf add-visit"; then pass; fi

test_start "an unknown command is a usage error (64)"
if expect_code 64 qf frobnicate && expect_err_has "'frobnicate' is not a qf command"; then pass; fi

test_start "names that could reach outside are refused before any exec"
if expect_code 64 qf ../../bin/sh && expect_code 64 qf 'a b' && expect_code 64 qf -x; then pass; fi

test_start "a user's qf-foo on PATH becomes 'qf foo'"
mkdir bin
cat >bin/qf-hello <<'X'
#!/bin/sh
echo "hello $*"
X
chmod +x bin/qf-hello
if PATH="$T/w/bin:$PATH" expect_code 0 qf hello 企服 && expect_out <<'X'
hello 企服
X
then pass; fi

test_start "qf --version"
if expect_code 0 qf --version && expect_out_has "qf (qifu) "; then pass; fi

done_testing
