#!/bin/sh
# qf init: creating a store.
. "${QF_SRC}/tests/cli/lib.sh"

test_start "init creates the store's folders and settings"
if expect_code 0 qf init --site HY --org 衡阳高新区 --start 2023-04-01 \
	--campaign 三送三解三优 --dept 经济发展局，金融办 s &&
	expect_out <<'X' &&
created store 's' (site HY)
X
	assert test -d s/firms && assert test -d s/policies &&
	assert test -d s/visits && assert test -d s/demands &&
	assert grep -qx 'qf.lock' s/.gitignore
then
	cat >"$T/expected" <<'X'
---
site: HY
organisation: 衡阳高新区
campaign: 三送三解三优
campaign_start: 2023-04-01
lang: zh
due_days: 15
threshold: 90
departments: [经济发展局, 金融办]
X
	if diff -u "$T/expected" s/qf.yaml >"$T/diffout"; then pass; else fail "qf.yaml"; cat "$T/diffout"; fi
fi

test_start "the new store passes check and is found from a subfolder"
if (cd s/demands && expect_code 0 qf check) ; then pass; else fail "check in subfolder"; fi

test_start "init refuses to overwrite a store (73, nothing changed)"
snap s
if expect_code 73 qf init --site XY s && expect_err_has "there is a store here already" &&
	unchanged s; then pass; fi

test_start "bad site code is a usage error (64), nothing created"
if expect_code 64 qf init --site hy t1 && expect_err_has "is not a site code" &&
	assert test ! -e t1; then pass; fi

test_start "a store needs a site code (64)"
if expect_code 64 qf init t3 && expect_err_has "needs a site code" && assert test ! -e t3; then pass; fi

test_start "bad --lang and --start are usage errors"
if expect_code 64 qf init --site HY --lang fr t2 && expect_code 64 qf init --site HY --start 2023-02-30 t2 &&
	expect_err_has "'2023-02-30' is not a date" && assert test ! -e t2; then pass; fi

test_start "--help prints usage on stdout and exits 0; a bad option exits 64"
if expect_code 0 qf init --help && expect_out_has "Usage: qf init" &&
	expect_code 64 qf init --frobnicate && expect_err_has "Try 'qf-init --help'"; then pass; fi

test_start "--version"
if expect_code 0 qf-init --version && expect_out_has "qf-init (qifu) "; then pass; fi

done_testing
