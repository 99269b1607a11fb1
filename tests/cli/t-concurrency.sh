#!/bin/sh
# Many writers at once: 8 processes x 50 visits (each raising a demand)
# all land, with unique IDs, and the store still checks clean.
. "${QF_SRC}/tests/cli/lib.sh"
new_store s
cd s
qf add-firm --name 甲公司 >/dev/null
qf add-firm --name 乙公司 >/dev/null

writers=8
each=50
test_start "$writers writers x $each add-visit: every record lands once"
i=0
while [ $i -lt $writers ]; do
	(
		j=0
		while [ $j -lt $each ]; do
			firm=F-HY-000$(( (j % 2) + 1 ))
			qf add-visit --firm $firm --date 2023-05-0$(( (j % 9) + 1 )) \
				-v "写者$i" -p "诉求 $i-$j" -c land >>"$T/ids.$i" 2>>"$T/errs" ||
				echo "writer $i record $j failed" >>"$T/errs"
			j=$((j + 1))
		done
	) &
	i=$((i + 1))
done
wait
cat "$T"/ids.* | sort >"$T/all"
visits=$(grep -c '^V-' "$T/all")
demands=$(grep -c '^D-' "$T/all")
dups=$(uniq -d "$T/all" | wc -l)
on_disk_v=$(grep -c '^id: V-' visits/2023-05.yaml)
on_disk_d=$(grep -c '^id: D-' demands/2023-05.yaml)
echo "# visits printed $visits, on disk $on_disk_v; demands printed $demands, on disk $on_disk_d; duplicates $dups"
if assert test ! -s "$T/errs" && assert test "$visits" -eq $((writers * each)) &&
	assert test "$demands" -eq $((writers * each)) && assert test "$dups" -eq 0 &&
	assert test "$on_disk_v" -eq $((writers * each)) &&
	assert test "$on_disk_d" -eq $((writers * each)) &&
	expect_code 0 qf check; then pass; fi

test_start "the highest sequence number equals the count (no gaps, no reuse)"
if assert grep -q "^V-HY-202305-0$((writers * each))\$" "$T/all" &&
	assert grep -q "^D-HY-202305-0$((writers * each))\$" "$T/all"; then pass; fi

done_testing
