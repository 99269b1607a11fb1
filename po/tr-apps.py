# Translations of the applications work (申报): add-application, advance,
# list-applications, export applications, check, the bulletin's section.
T = {
"under which policy? (--policy)": "申报哪项政策？（--policy）",
"an application needs its project's name (--project)": "申报需要项目名称（--project）",
"--to: an application is moved to reviewing, listed, granted or rejected": "--to：申报只能转为 reviewing（审核中）、listed（已入库）、granted（已兑现）或 rejected（未通过）",
"to which status? (--to), or a progress note (--note)": "转为什么状态？（--to），或填写进展（--note）",
"how much was granted? (--granted)": "兑现了多少资金？（--granted）",
"--granted goes with --to granted": "--granted 只能与 --to granted 一起使用",
"applications are not in the SQL export yet: use csv, tsv, json or xlsx": "申报暂不支持 SQL 导出：请用 csv、tsv、json 或 xlsx",
"it is '%s': only a listed application is granted (list it first)": "当前为“%s”：只有已入库的申报才能兑现（请先入库）",
"granting needs the amount paid out": "兑现需要填写兑现资金",
"the amount granted (%s) is more than requested (%s)": "兑现资金（%s）超过申报资金（%s）",
"granted (%lld) is more than requested (%lld)": "兑现资金（%lld）超过申报资金（%lld）",
"status '%s' is not where its history ends (%s on %s)": "状态“%s”与办理记录的最后一步不符（%s，%s）",
"empty policy title": "政策名称为空",
"Granted": "兑现",
"Requested": "申报资金",
"Applications filed": "申报项目",
"Funds requested": "申报资金",
"Listed (in the project library)": "入库项目",
"Funds granted": "兑现资金",
"Rejected": "未通过",
"Funds requested by open applications": "在办项目申报资金",
"Policy": "政策",
"Firm": "企业",
"--source: '%s' is not a visit or event ID": "--source：“%s”不是走访或活动编号",
"--date: the day is in the future": "--date：日期在今天之后",
"--source: no record '%s'": "--source：没有记录“%s”",
"which applications? give their IDs as arguments or on standard input": "哪些申报？请以参数或在标准输入中给出编号",
"rejecting needs the reason (--note)": "未通过需要说明原因（--note）",
"not an application ID": "不是申报编号",
"%s: '%s' is not an amount in whole yuan (such as 4400000, 4400万元, 1.2亿元)": "%s：“%s”不是以元计的整数金额（如 4400000、4400万元、1.2亿元）",
"--month: '%s' is not a month YYYY-MM": "--month：“%s”不是 YYYY-MM 格式的月份",
"its status '%s' is not one of an application": "其状态“%s”不是申报的状态",
"the date is before the application was filed (%s)": "日期早于申报日期（%s）",
"it is '%s' already (closed)": "已是“%s”（已办结）",
"it is '%s': only a filed application goes to review": "当前为“%s”：只有已申报的项目才能进入审核",
"it is listed already": "已入库",
"rejecting needs the reason": "未通过需要说明原因",
"an application is a mapping of fields": "申报记录应为字段映射",
"application is '%s' but has no amount granted (granted)": "申报为“%s”，但没有兑现资金（granted）",
"application is '%s' but has an amount granted": "申报为“%s”，却有兑现资金",
"application is '%s' but has no closing date (closed)": "申报为“%s”，但没有办结日期（closed）",
"application is '%s' but has a closing date": "申报为“%s”，却有办结日期",
"closed before it was filed (%s)": "办结日期早于申报日期（%s）",
"'%s' is not a policy ID": "“%s”不是政策编号",
"no policy matches '%s'": "没有与“%s”相符的政策",
"policy title '%s' is ambiguous (%zu policies): %s%s": "政策名称“%s”不唯一（%zu 项政策）：%s%s",
"Applications": "申报数",
"7. Project applications": "七、项目申报",

"Usage: qf add-application --firm FIRM --policy POLICY --project NAME [OPTION]...\n"
"Record a project application (申报) and print its new ID.\n"
"\n"
"  -f, --firm FIRM         firm ID or a unique part of its name (required)\n"
"  -P, --policy POLICY     policy ID or a unique part of its title (required)\n"
"  -p, --project NAME      the project declared (required)\n"
"  -a, --requested AMOUNT  funds asked for: yuan, or as 4400万元, 1.2亿元\n"
"      --date DATE         the day it was filed (default: today)\n"
"  -d, --dept UNIT         the unit that takes and reviews it\n"
"  -s, --source SOURCE     the visit (V-...) or event (E-...) it came from,\n"
"                          or a channel such as 窗口\n"
"      --by NAME           who recorded it (default: $QF_USER, the\n"
"                          store's user setting, or $USER)\n"
"  -m, --note TEXT         a note on the project\n"
"      --data DIR          the store (default: found from here, or $QF_DATA)\n"
"  -h, --help              show this help and exit\n"
"      --version           show the version and exit\n"
"\n"
"Exit status: 0 recorded, 64 bad usage, 65 bad data or an ambiguous firm\n"
"or policy (nothing written), 66 no store, no such firm, policy, visit or\n"
"event, 73 cannot write, 75 store busy, 78 bad qf.yaml or schemas.\n":
"用法：qf add-application --firm FIRM --policy POLICY --project NAME [选项]...\n"
"登记一个项目申报，并输出其新编号。\n"
"\n"
"  -f, --firm FIRM         企业编号，或企业名称中能唯一确定企业的一段（必填）\n"
"  -P, --policy POLICY     政策编号，或政策名称中能唯一确定政策的一段（必填）\n"
"  -p, --project NAME      申报的项目名称（必填）\n"
"  -a, --requested AMOUNT  申报资金：单位元，或写作 4400万元、1.2亿元\n"
"      --date DATE         申报日期（默认：今天）\n"
"  -d, --dept UNIT         受理、审核的单位\n"
"  -s, --source SOURCE     来源的走访（V-...）或活动（E-...），\n"
"                          或渠道，如 窗口\n"
"      --by NAME           登记人（默认：$QF_USER、台账库设置的用户或\n"
"                          $USER）\n"
"  -m, --note TEXT         项目备注\n"
"      --data DIR          台账库（默认：从当前目录向上查找，或 $QF_DATA）\n"
"  -h, --help              显示本帮助并退出\n"
"      --version           显示版本信息并退出\n"
"\n"
"退出状态：0 已登记，64 用法错误，65 数据有误或企业、政策名称不唯一（均未写入），\n"
"66 无台账库，或无此企业、政策、走访或活动，73 无法写入，75 台账库忙，\n"
"78 qf.yaml 或 schema 有误。\n",

"Usage: qf advance ID... --to STATUS [OPTION]...\n"
"   or: qf advance ID... --note TEXT [OPTION]...\n"
"Move applications on to a new status, or note their progress.\n"
"\n"
"  -t, --to STATUS         reviewing|审核中 (from filed), listed|已入库 (入库,\n"
"                          from filed or reviewing), granted|已兑现 (from\n"
"                          listed, with --granted), rejected|未通过 (from\n"
"                          any open status, with --note as the reason)\n"
"  -g, --granted AMOUNT    funds paid out: yuan, or as 2000万元, 1.2亿元\n"
"  -m, --note TEXT         the reason, or without --to a progress note\n"
"      --date DATE         the day it happened (default: today)\n"
"      --by NAME           who acts (default: $QF_USER, the store's user\n"
"                          setting, or $USER)\n"
"      --data DIR          the store (default: found from here, or $QF_DATA)\n"
"  -h, --help              show this help and exit\n"
"      --version           show the version and exit\n"
"\n"
"Application IDs come from the arguments or, with none, from standard\n"
"input (the first field of each line).  All or nothing: when one of them\n"
"cannot be moved, each refusal is reported and none is written.  Each\n"
"application changed is printed.\n"
"\n"
"Exit status: 0 every application changed, 64 bad usage, 65 the step does\n"
"not fit an application (nothing written), 66 no store or no such\n"
"application, 73 cannot write, 75 store busy, 78 bad qf.yaml or schemas.\n":
"用法：qf advance 编号... --to STATUS [选项]...\n"
"  或：qf advance 编号... --note TEXT [选项]...\n"
"推进项目申报到新的状态，或记录进展。\n"
"\n"
"  -t, --to STATUS         reviewing|审核中（自已申报）、listed|已入库（入库，\n"
"                          自已申报或审核中）、granted|已兑现（自已入库，\n"
"                          须给 --granted）、rejected|未通过（自任一未办结\n"
"                          状态，以 --note 说明原因）\n"
"  -g, --granted AMOUNT    兑现资金：单位元，或写作 2000万元、1.2亿元\n"
"  -m, --note TEXT         原因；不给 --to 时为进展说明\n"
"      --date DATE         办理日期（默认：今天）\n"
"      --by NAME           经办人（默认：$QF_USER、台账库设置的用户或\n"
"                          $USER）\n"
"      --data DIR          台账库（默认：从当前目录向上查找，或 $QF_DATA）\n"
"  -h, --help              显示本帮助并退出\n"
"      --version           显示版本信息并退出\n"
"\n"
"申报编号取自参数；没有参数时取自标准输入（每行第一个字段）。要么全部\n"
"推进，要么都不写入：其中有一个不能推进时，逐一报告原因，全部不写入。\n"
"每个已推进的申报输出其编号。\n"
"\n"
"退出状态：0 全部已推进，64 用法错误，65 该步骤不适用于某个申报（均未写入），\n"
"66 无台账库或无此申报，73 无法写入，75 台账库忙，78 qf.yaml 或 schema 有误。\n",

"Usage: qf list-applications [OPTION]...\n"
"List project applications: one per line, the ID first, in the order\n"
"they were filed.\n"
"\n"
"  -f, --firm FIRM         of this firm (ID or a unique part of its name)\n"
"  -P, --policy POLICY     under this policy (ID or a unique part of its title)\n"
"      --status STATUS     filed|已申报 reviewing|审核中 listed|已入库\n"
"                          granted|已兑现 rejected|未通过\n"
"      --open              not granted or rejected yet\n"
"      --month YYYY-MM     filed in this month\n":
"用法：qf list-applications [选项]...\n"
"列出项目申报：每行一个，编号在前，按申报先后排列。\n"
"\n"
"  -f, --firm FIRM         该企业的（编号或名称中能唯一确定企业的一段）\n"
"  -P, --policy POLICY     申报该政策的（编号或名称中能唯一确定政策的一段）\n"
"      --status STATUS     filed|已申报 reviewing|审核中 listed|已入库\n"
"                          granted|已兑现 rejected|未通过\n"
"      --open              尚未兑现或未通过的\n"
"      --month YYYY-MM     该月申报的\n",

"      --data DIR          the store (default: found from here, or $QF_DATA)\n"
"  -h, --help              show this help and exit\n"
"      --version           show the version and exit\n"
"\n"
"Fields: id, firm, firm_id, policy, project, requested, granted, filed,\n"
"status, dept, closed, source.  The default is id, firm, policy, project,\n"
"requested, status, granted.  Amounts are in yuan, but in 万元 in the\n"
"table shown on a terminal.\n"
"\n"
"Exit status: 0 some listed, 1 none, 64 bad usage, 65 a store file does\n"
"not parse, 66 no store or no such firm or policy.\n":
"      --data DIR          台账库（默认：从当前目录向上查找，或 $QF_DATA）\n"
"  -h, --help              显示本帮助并退出\n"
"      --version           显示版本信息并退出\n"
"\n"
"字段：id、firm、firm_id、policy、project、requested（申报资金）、granted（兑现\n"
"资金）、filed、status、dept、closed、source。默认为 id、firm、policy、project、\n"
"requested、status、granted。金额单位为元；在终端上显示的表格中为万元。\n"
"\n"
"退出状态：0 有结果，1 无结果，64 用法错误，65 台账库中有文件无法解析，\n"
"66 无台账库，或无此企业、政策。\n",
}

# qf export's help gains the applications table: the translation as it
# was, with two lines of it changed.
_EXPORT_EN = None
T["Usage: qf export TABLE [OPTION]...\nWrite the records of a table of the store, every field, one row per\nrecord: TABLE is firms, policies, visits, demands, log (every demand's\nlog entries, the demand's ID first), applications (项目申报; csv, tsv,\njson, xlsx) or all (--format xlsx, json or sql).\n\n      --format FMT        csv (default), tsv, json (full records), xlsx\n                          (a sheet per table, for people) or sql (a psql\n                          script, see qf-sql(5))\n      --excel             CSV for Excel and WPS: a UTF-8 BOM first\n      --no-header         CSV, TSV: no line of field names\n      --columns           print the table's columns (field, Chinese header,\n                          kind) and exit\n  -o, --output FILE       write FILE (put in place only when the export\n                          is whole); default: standard output\n\nFilters, as the lists take them (a filter that does not apply to the\ntable is refused):\n  firms     -t/--tag, -p/--park, --sector, -l/--leader\n  policies  -t/--tag\n  visits    -m/--month, --from, --to (the visit's day), -f/--firm,\n            -v/--visitor, -k/--kind\n  demands   -f/--firm, -d/--dept, --codept, --owner, -c/--category,\n            -k/--kind, --level, --status, --open, -l/--leader, --overdue,\n            --due-within N, --at DATE, --opened-before, --opened-after,\n            -g/--grep, -m/--month, --from, --to (the day it was opened)\n  log       the demands' filters; -m/--month, --from and --to take the\n            entries of those days\n  applications  none (qf list-applications --format csv filters them)\n\n      --data DIR          the store (default: found from here, or $QF_DATA)\n  -h, --help              show this help and exit\n      --version           show the version and exit\n\nExit status: 0 written (no row is no error), 64 bad usage, 65 a store\nfile does not parse, 66 no store or no such firm, 73 cannot create the\noutput file, 74 cannot write it.\n"] = '用法：qf export 表 [选项]...\n导出台账库中一张表的全部记录，每条记录一行，包含所有字段：表为 firms（企业）、\npolicies（政策）、visits（走访）、demands（诉求）、log（各诉求的办理记录，\n诉求编号在前）、applications（项目申报；csv、tsv、json、xlsx）或 all（全部，\n--format xlsx、json 或 sql）。\n\n      --format FMT        csv（默认）、tsv、json（完整记录）、xlsx（每张表\n                          一个工作表，供人阅读）或 sql（psql 脚本，见\n                          qf-sql(5)）\n      --excel             供 Excel 和 WPS 打开的 CSV：开头加 UTF-8 BOM\n      --no-header         CSV、TSV：不输出字段名一行\n      --columns           列出该表的各列（字段名、中文表头、类型）后退出\n  -o, --output FILE       写入 FILE（导出完整后才放到位）；默认：标准输出\n\n筛选条件与列表命令相同（不适用于该表的条件会被拒绝）：\n  firms     -t/--tag、-p/--park、--sector、-l/--leader\n  policies  -t/--tag\n  visits    -m/--month、--from、--to（走访日期）、-f/--firm、\n            -v/--visitor、-k/--kind\n  demands   -f/--firm、-d/--dept、--codept、--owner、-c/--category、\n            -k/--kind、--level、--status、--open、-l/--leader、--overdue、\n            --due-within N、--at DATE、--opened-before、--opened-after、\n            -g/--grep、-m/--month、--from、--to（诉求收集日期）\n  log       诉求的筛选条件；-m/--month、--from 和 --to 按办理记录\n            本身的日期筛选\n  applications  无（可用 qf list-applications --format csv 筛选）\n\n      --data DIR          台账库（默认：从当前目录向上查找，或 $QF_DATA）\n  -h, --help              显示本帮助并退出\n      --version           显示版本信息并退出\n\n退出状态：0 已导出（没有记录不算错误），64 用法错误，65 台账库中有文件\n无法解析，66 无台账库或无此企业，73 无法创建输出文件，74 无法写入输出文件。\n'
T["record a project application (申报)"] = "登记项目申报"
T["move applications on: 审核, 入库, 兑现 or rejected"] = "推进项目申报：审核、入库、兑现或未通过"
T["list project applications"] = "列出项目申报"
