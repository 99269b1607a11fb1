#!/bin/sh
# Writers take the store's lock; a writer that cannot get it in time exits
# 75 and changes nothing.  Readers share it (flock LOCK_SH), so that they
# see a store before or after a write, never in between; they never
# create it and never write.
. "${QF_SRC}/tests/cli/lib.sh"
command -v flock >/dev/null || { echo "1..0 # SKIP flock(1) missing"; exit 0; }
new_store s
cd s
qf add-firm --name 甲公司 >/dev/null

test_start "a writer waits for the lock, then gives up with 75 and a clear message"
snap .
flock qf.lock sleep 8 &
holder=$!
sleep 0.3
if QF_LOCK_WAIT= expect_code 75 qf add-firm --name 乙公司 && expect_err_has "is busy" &&
	unchanged .; then pass; fi
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null

test_start "QF_LOCK_WAIT sets how long a writer waits; a bad value is a usage error"
flock qf.lock sleep 4 &
holder=$!
sleep 0.3
start=$(date +%s)
if QF_LOCK_WAIT=1 expect_code 75 qf add-firm --name 丁公司 &&
	assert test $(( $(date +%s) - start )) -le 3 &&
	QF_LOCK_WAIT=soon expect_code 64 qf add-firm --name 丁公司 &&
	expect_err_has "QF_LOCK_WAIT"; then pass; fi
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null

test_start "a writer that waited gets the lock as soon as it is free"
flock qf.lock sleep 1 &
holder=$!
sleep 0.3
if expect_code 0 qf add-firm --name 丙公司 && expect_out <<'X'
F-HY-0002
X
then pass; fi
wait "$holder"

test_start "a reader waits for a writer to finish, then reads the whole write"
flock qf.lock sleep 2 &
holder=$!
sleep 0.3
start=$(date +%s)
if expect_code 0 qf check && assert test $(( $(date +%s) - start )) -ge 1 &&
	expect_code 0 qf monthly-report --month 2023-05; then pass; fi
wait "$holder" 2>/dev/null

test_start "a reader gives up with 75 when a writer holds the lock past QF_LOCK_WAIT"
flock qf.lock sleep 2.5 &
holder=$!
sleep 0.3
if QF_LOCK_WAIT=1 expect_code 75 qf list-firms && expect_err_has "is busy"; then pass; fi
wait "$holder" 2>/dev/null    # (killing flock(1) would leave its sleep)

test_start "readers share the lock; a writer waits for them"
flock -s qf.lock sleep 3 &
holder=$!
sleep 0.3
start=$(date +%s)
if expect_code 0 qf list-firms && assert test $(( $(date +%s) - start )) -le 1 &&
	QF_LOCK_WAIT=1 expect_code 75 qf add-firm --name 戊公司; then pass; fi
wait "$holder" 2>/dev/null

test_start "a reader in progress holds no lock: writers go on, it sees the store as it began"
# 40000 visits and demands of one firm, so that check takes a while.
mkdir -p demands
awk 'BEGIN { for (i = 1; i <= 40000; i++) {
	m = i % 2 + 5; f = sprintf("%02d", m)
	printf "---\nid: V-HY-2023%s-%04d\ndate: 2023-%s-02\nfirm: F-HY-0001\nvisitors: [张三]\nkind: visit\ndemands: [D-HY-2023%s-%04d]\n", f, i, f, f, i >> ("visits/2023-" f ".yaml")
	printf "---\nid: D-HY-2023%s-%04d\nfirm: F-HY-0001\nopened: 2023-%s-02\nsource: V-HY-2023%s-%04d\nkind: problem\nlevel: local\ncategory: land\ntitle: 第%d号\nstatus: open\n", f, i, f, f, i, i >> ("demands/2023-" f ".yaml")
} }' </dev/null
before=$(qf check 2>&1)
qf check >"$T/during" 2>&1 &
reader=$!
# Once it has the files open and the lock let go, stop it where it is.
stopped=
for _ in $(seq 1 500); do
	fds=$(ls -l /proc/$reader/fd 2>/dev/null) || break
	if printf '%s\n' "$fds" | grep -q 'demands/2023-06.yaml' &&
	   ! printf '%s\n' "$fds" | grep -q 'qf.lock'; then
		kill -STOP $reader && stopped=1
		break
	fi
	sleep 0.01
done
if assert test -n "$stopped" &&
	QF_LOCK_WAIT=1 expect_code 0 qf add-visit --firm 甲公司 --date 2023-06-20 -v 李四 -p 新问题 -c land &&
	QF_LOCK_WAIT=1 expect_code 0 qf note -m 已联系 D-HY-202306-0001 &&
	kill -CONT $reader && wait $reader &&
	assert test "$(cat "$T/during")" = "$before" &&
	n=$(printf '%s\n' "$before" | sed -n 's/^qf-check: \([0-9]*\) records checked, 0 problems$/\1/p') &&
	assert test "${n:-0}" -gt 80000 &&
	expect_code 0 qf check &&
	expect_err_has "$((n + 2)) records checked, 0 problems"; then
	pass
fi
kill -CONT $reader 2>/dev/null
wait $reader 2>/dev/null
rm -f visits/2023-05.yaml visits/2023-06.yaml demands/2023-05.yaml demands/2023-06.yaml

test_start "readers write nothing, not even the lock file"
rm -f qf.lock
snap .
if expect_code 0 qf check && expect_code 0 qf monthly-report --month 2023-06 &&
	expect_code 0 qf monthly-report --format json --month 2023-06 &&
	assert test ! -e qf.lock && unchanged .; then pass; fi

done_testing
