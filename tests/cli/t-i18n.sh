#!/bin/sh
# Messages in Chinese (po/zh_CN.po, built into $QF_BIN/locale), and in
# English when the locale is C.
#
# How a user gets Chinese: LANG=zh_CN.UTF-8 (or LC_ALL/LC_MESSAGES), when
# that locale is generated (Debian: package locales, then zh_CN.UTF-8 in
# /etc/locale.gen and locale-gen).  Without it, setlocale falls back to
# "C" and glibc ignores LANGUAGE there; but glibc's built-in C.UTF-8 is
# not "C", so LANGUAGE=zh_CN with LC_ALL=C.UTF-8 (or LANG=C.UTF-8) picks
# the zh_CN catalogue on any glibc system, with nothing installed.  The
# tests use that; the LANG=zh_CN.UTF-8 case runs only where the locale
# exists.
#
# The “ ” in expected messages are the Chinese quotation marks of the
# translations, on purpose.
# shellcheck disable=SC1111,SC2154,SC2317
. "${QF_SRC}/tests/cli/lib.sh"

# zh CMD...: run CMD with Chinese messages and no locale to install.
zh() (
	unset LC_MESSAGES LANG
	LANGUAGE=zh_CN LC_ALL=C.UTF-8
	export LANGUAGE LC_ALL
	exec "$@"
)
# c_all CMD...: LC_ALL=C; LANGUAGE is set but must be ignored.
c_all() (
	unset LC_MESSAGES LANG
	LANGUAGE=zh_CN LC_ALL=C
	export LANGUAGE LC_ALL
	exec "$@"
)
# c_lang CMD...: LANG=C and nothing else; LANGUAGE again ignored.
c_lang() (
	unset LC_ALL LC_MESSAGES
	LANGUAGE=zh_CN LANG=C
	export LANGUAGE LANG
	exec "$@"
)
# first_line_is TEXT: the first line of stdout is TEXT.
first_line_is() {
	got=$(sed -n 1p "$T/out")
	if [ "$got" != "$1" ]; then
		fail "first line is '$got', expected '$1'"
		return 1
	fi
	return 0
}

test_start "the zh_CN catalogue is built beside the programs"
if assert test -s "$QF_BIN/locale/zh_CN/LC_MESSAGES/qifu.mo"; then pass; fi

test_start "qf init --help in Chinese (LANGUAGE=zh_CN, LC_ALL=C.UTF-8), exit 0"
if expect_code 0 zh qf init --help &&
	first_line_is "用法：qf init --site CODE [选项]... [DIR]" &&
	expect_out_has "  -s, --site CODE         站点代码" &&
	expect_out_has "      --version           显示版本信息并退出"; then pass; fi

test_start "qf --help lists the commands in Chinese"
if expect_code 0 zh qf --help && first_line_is "用法：qf 命令 [参数]..." &&
	expect_out_has "  add-visit        记录走访" &&
	expect_out_has "  monthly-report   输出月通报"; then pass; fi

test_start "usage errors in Chinese, still 64, nothing created"
if expect_code 64 zh qf init --site hy t1 && expect_err_has "qf-init: --site: “hy”不是站点代码" &&
	expect_code 64 zh qf init t1 && expect_err_has "台账库需要站点代码（--site）" &&
	expect_code 64 zh qf init --frobnicate && expect_err_has "请尝试执行“qf-init --help”获取更多信息。" &&
	expect_code 64 zh qf frob && expect_err_has "qf: “frob”不是 qf 命令；参见“qf --help”" &&
	expect_code 64 zh qf add-firm && expect_err_has "企业缺少名称（--name）" &&
	assert test ! -e t1; then pass; fi

test_start "init in Chinese says so, and writes the same store as in English"
if expect_code 0 zh qf init --site HY --org 测试高新区 --start 2023-04-01 --dept 经济发展局 zs &&
	expect_out <<'X' &&
已创建台账库“zs”（站点代码 HY）
X
	expect_code 0 c_all qf init --site HY --org 测试高新区 --start 2023-04-01 --dept 经济发展局 cs &&
	expect_out_has "created store 'cs' (site HY)" &&
	assert cmp -s zs/qf.yaml cs/qf.yaml && assert cmp -s zs/.gitignore cs/.gitignore
then pass; fi

test_start "an existing store: Chinese message, still 73, nothing changed"
snap zs
if expect_code 73 zh qf init --site HY zs && expect_err_has "“zs/qf.yaml”已存在：此处已有台账库" &&
	unchanged zs; then pass; fi

test_start "records and IDs do not depend on the language"
if expect_code 0 zh qf add-firm --data zs --name 测试企业 && expect_out <<'X' &&
F-HY-0001
X
	expect_code 0 c_all qf add-firm --data cs --name 测试企业 && expect_out <<'X' &&
F-HY-0001
X
	assert cmp -s zs/firms/HY.yaml cs/firms/HY.yaml; then pass; fi

test_start "check's summary in Chinese (ngettext, one form), exit 0"
if expect_code 0 zh qf check --data zs && expect_err_has "qf-check: 已检查 1 条记录" && expect_err_has "发现 0 个问题"; then pass; fi

test_start "bad data in Chinese, still 65"
if expect_code 65 zh qf add-firm --data zs --name 测试企业 &&
	expect_err_has "企业“测试企业”已登记，编号为 F-HY-0001" &&
	expect_code 65 zh qf add-firm --name x --credit-code 123 &&
	expect_err_has "--credit-code: “123”不是有效的统一社会信用代码"; then pass; fi

# Library messages (lib/*.c) are in the same catalogue, looked up with
# dgettext: the "no store here" of lib/store.c ...
test_start "add-firm with no store: libqf's message in Chinese, still 66"
if expect_code 66 zh qf add-firm --name x &&
	expect_err_has "qf-add-firm: 此处没有台账库：本目录及其上级目录中都没有 qf.yaml，也未设置 QF_DATA" &&
	expect_code 66 c_all qf add-firm --name x &&
	expect_err_has "qf-add-firm: no store here: no qf.yaml in this directory or above it"; then pass; fi

# ... and check's diagnostics, from lib/schema.c and lib/check.c: whole
# sentences for each record type, the place and the values unchanged.
test_start "check's diagnostics in Chinese, still 1; English under LC_ALL=C"
if expect_code 0 c_all qf init --site HY zd &&
	printf -- '---\nid: D-HY-202306-0001\nfirm: F-HY-0009\nopened: 2023-06-02\nkind: problem\nlevel: local\ncategory: land\ntitle: t\nstatus: assigned\ndue: 2023-07-02\n' >zd/demands/2023-06.yaml &&
	expect_code 1 zh qf check --data zd && expect_out <<'X' &&
zd/demands/2023-06.yaml:3:7: 字段“firm”：企业“F-HY-0009”不存在
zd/demands/2023-06.yaml:9:1: 诉求状态为“assigned”，但缺少主办单位（dept）
X
	expect_err_has "发现 2 个问题" &&
	expect_code 1 c_all qf check --data zd && expect_out <<'X'
zd/demands/2023-06.yaml:3:7: field 'firm': no firm 'F-HY-0009'
zd/demands/2023-06.yaml:9:1: demand is 'assigned' but has no lead unit (dept)
X
then pass; fi

test_start "LC_ALL=C: English even with LANGUAGE=zh_CN"
if expect_code 0 c_all qf init --help && first_line_is "Usage: qf init --site CODE [OPTION]... [DIR]" &&
	expect_code 64 c_all qf init --site hy t2 && expect_err_has "'hy' is not a site code" &&
	expect_code 0 c_all qf check --data zs && expect_err_has "1 record checked, 0 problems" &&
	assert test ! -e t2; then pass; fi

test_start "LANG=C (LC_ALL unset): English even with LANGUAGE=zh_CN"
if expect_code 0 c_lang qf add-visit --help && first_line_is "Usage: qf add-visit --firm FIRM [OPTION]... [--problem|--suggestion TEXT" &&
	expect_code 64 c_lang qf add-visit --firm x --category land &&
	expect_err_has "--category must follow --problem or --suggestion" &&
	expect_code 64 c_lang qf frob && expect_err_has "'frob' is not a qf command"; then pass; fi

test_start "C.UTF-8 without LANGUAGE: English"
if expect_code 0 env -u LANGUAGE LC_ALL=C.UTF-8 qf check --help &&
	first_line_is "Usage: qf check [OPTION]..."; then pass; fi

# Where zh_CN.UTF-8 is generated (not on a bare Debian), the usual setting.
test_start "LANG=zh_CN.UTF-8 where that locale exists"
if locale -a 2>/dev/null | grep -qix 'zh_CN\.utf-\{0,1\}8'; then
	if expect_code 0 env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=zh_CN.UTF-8 qf monthly-report --help &&
		first_line_is "用法：qf monthly-report [选项]..."; then pass; fi
else
	skip "locale zh_CN.UTF-8 not generated"
fi

done_testing
