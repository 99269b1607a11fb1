# every-command.sh - every qf command once, in the order park staff use
# them, on a copy of the example store.  Sourced by tests/cli/t-every-command.sh
# (each run checked, and under valgrind in CI) and tests/reliability/run
# (each run traced: nothing may be written outside the store).
#
#   every_command RUN STORE NEW
#
# RUN is a function called as `RUN STORE-IT-MAY-WRITE CMD ARGS...`; it runs
# the command and leaves its standard output in the file $EVERY_OUT.
# STORE is a copy of data/ (QF_TODAY=2023-11-20); NEW a path where `qf
# init` makes a new store.
every_command() {
	ec_run=$1 ec_w=$2 ec_new=$3
	$ec_run "$ec_new" qf init --site ZZ "$ec_new"
	$ec_run "$ec_w" qf add-firm --data "$ec_w" --name 新企业
	$ec_run "$ec_w" qf add-policy --data "$ec_w" --title 新政策
	$ec_run "$ec_w" qf add-visit --data "$ec_w" --firm F-HY-0001 --date 2023-11-15 \
		-p 诉求甲 -c land
	ec_d1=$(grep '^D-' "$EVERY_OUT")
	$ec_run "$ec_w" qf add-demand --data "$ec_w" --firm F-HY-0002 --title 诉求乙 \
		--category land
	ec_d2=$(cat "$EVERY_OUT")
	$ec_run "$ec_w" qf assign --data "$ec_w" --dept 市税务局 --due 2023-11-25 \
		"$ec_d1" "$ec_d2"
	$ec_run "$ec_w" qf note --data "$ec_w" -m 进展 "$ec_d1"
	$ec_run "$ec_w" qf list-open --data "$ec_w" --overdue
	$ec_run "$ec_w" qf urge --data "$ec_w" -m 督办 "$(sed -n '1s/\t.*//p' "$EVERY_OUT")"
	$ec_run "$ec_w" qf extend --data "$ec_w" --due 2023-11-30 -m 需要时间 "$ec_d1"
	$ec_run "$ec_w" qf return --data "$ec_w" -m 不属本单位 "$ec_d2"
	$ec_run "$ec_w" qf escalate --data "$ec_w" -m 报市里 "$ec_d2"
	$ec_run "$ec_w" qf resolve --data "$ec_w" -m 已解决 "$ec_d1"
	$ec_run "$ec_w" qf follow-up --data "$ec_w" -s 不满意 --due 2023-12-10 "$ec_d1"
	$ec_run "$ec_w" qf resolve --data "$ec_w" -m 再次解决 "$ec_d1"
	$ec_run "$ec_w" qf reopen --data "$ec_w" -m 企业反映未落实 --due 2023-12-20 "$ec_d1"
	$ec_run "$ec_w" qf monthly-report --data "$ec_w" --month 2023-10 --publish
	printf '企业名称,收集日期,诉求类别,诉求内容\n燕京啤酒（衡阳）有限公司,2023-11-18,用工,导入的诉求\n' \
		>"$ec_new.import.csv"
	$ec_run "$ec_w" qf import --data "$ec_w" demands "$ec_new.import.csv"
	$ec_run "$ec_w" qf export --data "$ec_w" demands --format csv
	$ec_run "$ec_w" qf match-policy --data "$ec_w" P-HY-0001
	$ec_run "$ec_w" qf deliver --data "$ec_w" P-HY-0001 --via 微信 \
		--firm "$(sed -n '1s/\t.*//p' "$EVERY_OUT")"
	$ec_run "$ec_w" qf add-application --data "$ec_w" --firm F-HY-0001 \
		--policy P-HY-0001 --project 新项目 --requested 4400万元 --date 2023-11-10
	ec_a1=$(cat "$EVERY_OUT")
	$ec_run "$ec_w" qf advance --data "$ec_w" --to listed --date 2023-11-12 "$ec_a1"
	$ec_run "$ec_w" qf advance --data "$ec_w" --to granted --granted 2000万元 "$ec_a1"
	$ec_run "$ec_w" qf list-applications --data "$ec_w" --policy P-HY-0001
	$ec_run "$ec_w" qf export --data "$ec_w" applications --format json
	$ec_run "$ec_w" qf add-event --data "$ec_w" --kind 招聘会 --title 专场招聘会 \
		--date 2023-11-16 --firm F-HY-0001 --positions 400 --hires 365 \
		-p 招工难 --firm F-HY-0002 -c labour
	ec_e=$(sed -n 1p "$EVERY_OUT")
	$ec_run "$ec_w" qf list-events --data "$ec_w" --month 2023-11
	$ec_run "$ec_w" qf export --data "$ec_w" events --format json
	$ec_run "$ec_w" qf show --data "$ec_w" "$ec_e"
	$ec_run "$ec_w" qf check --data "$ec_w"
	$ec_run "$ec_w" qf list-firms --data "$ec_w"
	$ec_run "$ec_w" qf list-visits --data "$ec_w"
	$ec_run "$ec_w" qf show --data "$ec_w" "$ec_d1"
	$ec_run "$ec_w" qf monthly-report --data "$ec_w" --month 2023-11 --format html
}
