#!/bin/sh
# po/update.sh - regenerate the message template po/qifu.pot from the
# strings marked in cmd/*.c and lib/*.c and merge it into every po/<lang>.po.
#
# Run it after changing a marked string (_(), N_(), ngettext(), P_()) in
# cmd/*.c or lib/*.c (the library's _() is dgettext("qifu", ...), see
# lib/i18n.h):
#     sh po/update.sh
# then translate the new and fuzzy entries of po/zh_CN.po (look for
# "#, fuzzy" and empty msgstr), drop the fuzzy marks, and check with
#     msgfmt --check --statistics -o /dev/null po/zh_CN.po
# The build compiles po/*.po with msgfmt --check into
# build/locale/<lang>/LC_MESSAGES/qifu.mo.
#
# Comments written just before a marked string in C and starting with
# "TRANSLATORS:" are copied into the template for the translator.
# Needs xgettext and msgmerge (Debian package gettext).
set -eu
cd "$(dirname "$0")/.."

version=$(sed -n 's/^project(qifu VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)

# (xgettext warns that --msgid-bugs-address is not given: qifu has no
# bug-report address yet.)  --no-wrap keeps each line of a usage text on
# one line of the .pot, so that translators see the columns.
# Sorted file list, so the template does not depend on the shell's glob
# order; --sort-by-file keeps diffs small when code moves.
files=$(LC_ALL=C ls cmd/*.c lib/*.c)
# shellcheck disable=SC2086
xgettext --language=C --from-code=UTF-8 \
	--keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=ngettext:1,2 --keyword=P_:1,2 \
	--add-comments=TRANSLATORS: --sort-by-file --no-wrap \
	--package-name=qifu --package-version="${version:-0.1.0}" \
	--copyright-holder="qifu developers" \
	-o po/qifu.pot.new $files

# Keep the old template when only its creation date changed.
if [ -f po/qifu.pot ] &&
	diff -q -I '^"POT-Creation-Date:' po/qifu.pot po/qifu.pot.new >/dev/null; then
	rm -f po/qifu.pot.new
else
	mv po/qifu.pot.new po/qifu.pot
fi

for po in po/*.po; do
	[ -f "$po" ] || continue
	msgmerge --quiet --update --backup=none --sort-by-file --no-wrap \
		"$po" po/qifu.pot
	printf '%s: ' "$po"
	msgfmt --check --statistics -o /dev/null "$po"
done
