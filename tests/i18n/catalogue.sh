#!/bin/sh
# tests/i18n/catalogue.sh SRC - every message a user can see has its Chinese
# in po/zh_CN.po.
#
#  1. The strings marked for translation in cmd/*.c and lib/*.c (the same
#     xgettext run as po/update.sh, not the committed po/qifu.pot, which
#     may be stale) each have a translation in po/zh_CN.po that is neither
#     empty nor fuzzy (msgcmp).
#  2. No message is left unmarked: a string literal given straight to a
#     function that prints or reports (die, warn, qf_error_set, ...)
#     instead of through _() fails, and so does any string literal in C
#     code holding Chinese outside _(): wording belongs in the catalogue.
#     Exceptions: lib/vocab.c, whose table pairs each stored token with
#     its Chinese and English names, which are also what users type
#     (--category 用地) and so are data, not messages; and literals
#     marked QF_TERM("...") (lib/i18n.h), data such as default tags;
#     and lib/columns.c, the headers offices' sheets carry (企业名称).
# Needs xgettext and msgcmp (Debian package gettext).
set -u
SRC=$(cd "${1:-.}" && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/qf-cat.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
cd "$SRC" || exit 1
files=$(LC_ALL=C ls cmd/*.c lib/*.c)
bad=0

# shellcheck disable=SC2086
xgettext --language=C --from-code=UTF-8 \
	--keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=ngettext:1,2 \
	--keyword=P_:1,2 -o "$T/marked.pot" $files 2>/dev/null || {
	echo "not ok 1 - xgettext failed"; exit 1; }
n=$(grep -c '^msgid ' "$T/marked.pot")
if msgcmp po/zh_CN.po "$T/marked.pot" 2>"$T/cmp"; then
	echo "ok 1 - all $((n - 1)) marked messages are translated in po/zh_CN.po"
else
	echo "not ok 1 - po/zh_CN.po lacks translations (run sh po/update.sh and translate):"
	sed 's/^/#   /' "$T/cmp"
	bad=1
fi

# Literals handed straight to the functions that print or report: with
# only these keywords, xgettext extracts a literal argument, not one
# wrapped in _().
# shellcheck disable=SC2086
xgettext --language=C --from-code=UTF-8 --omit-header --keyword \
	--keyword=die:2 --keyword=warn:1 --keyword=qf_error_set:6 \
	--keyword=qf_error_sys:5 --keyword=qf_diags_add:5 \
	--keyword=failed:4 --keyword=failed_at:7 --keyword=fail:4 \
	-o "$T/raw.pot" $files 2>/dev/null
# A message of directives alone ("%s: %s") has nothing to translate.
sed -n 's/^msgid //p' "$T/raw.pot" 2>/dev/null |
	sed 's/%[-+ #0-9.*]*[hlLqjzt]*[diouxXeEfgGcsp]//g; s/\\[nt]//g; s/0x//g' |
	grep '[A-Za-z]' >"$T/words"
if [ -s "$T/words" ]; then
	echo "not ok 2 - messages not marked for translation:"
	sed 's/^/#   /' "$T/words"
	bad=1
else
	echo "ok 2 - every message given to die, warn, qf_error_set ... goes through _()"
fi

# Every literal, then those not marked (nor marked as data with
# QF_TERM, lib/i18n.h): the Chinese among them.
# shellcheck disable=SC2086
xgettext --language=C --from-code=UTF-8 --extract-all --no-wrap \
	-o "$T/all.pot" $(echo $files | tr ' ' '\n' | grep -v -e '^lib/vocab.c$' -e '^lib/columns.c$') 2>/dev/null
# shellcheck disable=SC2086
xgettext --language=C --from-code=UTF-8 --no-wrap --keyword \
	--keyword=_ --keyword=N_ --keyword=C_:2 --keyword=ngettext:1,2 \
	--keyword=P_:1,2 --keyword=QF_TERM -o "$T/known.pot" $files 2>/dev/null
sed -n 's/^msgid\(_plural\)\{0,1\} //p' "$T/known.pot" | LC_ALL=C sort -u >"$T/known"
sed -n 's/^msgid //p' "$T/all.pot" | LC_ALL=C sort -u >"$T/all"
LC_ALL=C comm -23 "$T/all" "$T/known" |
	LC_ALL=C.UTF-8 grep -P '[\x{3000}-\x{9fff}\x{ff00}-\x{ffef}]' >"$T/cjk"
if [ -s "$T/cjk" ]; then
	echo "not ok 3 - Chinese wording in code, outside the catalogue:"
	sed 's/^/#   /' "$T/cjk"
	bad=1
else
	echo "ok 3 - no Chinese string literal outside _() (lib/vocab.c, lib/columns.c and QF_TERM data excepted)"
fi
echo "1..3"
exit "$bad"
