#!/bin/sh
# Files and folders are created with the store's permissions: a store
# shared by a group (2775) gives group-writable files whatever the umask,
# and nothing a command creates is ever writable by others.
. "${QF_SRC}/tests/cli/lib.sh"

mode() { stat -c %a "$1"; }

test_start "a group-shared store (2775): new folders 2775, new files 664, under umask 022"
new_store g
chmod 2775 g
if (umask 022 && cd g && qf add-firm --name 甲公司 >/dev/null &&
	qf add-visit --firm 甲 --date 2023-05-04 -p 用地 -c land >/dev/null &&
	qf monthly-report --month 2023-05 --publish >/dev/null 2>&1) &&
	assert test "$(mode g/firms/HY.yaml)" = 664 &&
	assert test "$(mode g/visits/2023-05.yaml)" = 664 &&
	assert test "$(mode g/demands/2023-05.yaml)" = 664 &&
	assert test "$(mode g/reports)" = 2775 &&
	assert test "$(mode g/reports/2023-05.csv)" = 664 &&
	assert test "$(mode g/qf.lock)" = 664; then pass; fi

test_start "a world-writable store folder: still nothing writable by others"
new_store w
chmod 777 w
rm -rf w/visits
if (umask 0 && cd w && qf add-firm --name 乙公司 >/dev/null &&
	qf add-visit --firm 乙 --date 2023-05-04 >/dev/null) &&
	assert test "$(mode w/firms/HY.yaml)" = 664 &&
	assert test "$(mode w/visits)" = 775 &&
	assert test "$(mode w/visits/2023-05.yaml)" = 664 &&
	assert test "$(find w -perm -o+w ! -path w | wc -l)" -eq 0; then pass; fi

test_start "a private store (700): files 600"
new_store p
chmod 700 p
if (umask 022 && cd p && qf add-firm --name 丙公司 >/dev/null) &&
	assert test "$(mode p/firms/HY.yaml)" = 600; then pass; fi

test_start "a rewrite keeps the file's own mode"
chmod 640 p/firms/HY.yaml
if (cd p && qf add-visit --firm 丙 --date 2023-05-04 -p 招工 -c labour >/dev/null &&
	qf assign --dept 经济发展局 --due 2023-06-01 --date 2023-05-05 D-HY-202305-0001 >/dev/null) &&
	assert test "$(mode p/demands/2023-05.yaml)" = 600 &&
	assert test "$(mode p/firms/HY.yaml)" = 640; then pass; fi

done_testing
