# Translations of the events work (issue 13), for po/zh_CN.po:
#   sh po/update.sh && python3 /work/potr.py po/zh_CN.po po/tr-events.py
T = {
"Usage: qf add-event --kind KIND --title TEXT [OPTION]...\n"
"                    [--problem|--suggestion TEXT --firm FIRM\n"
"                     --category CAT [DEMAND OPTION]...]...\n"
"Record a campaign event and print its ID, then the IDs of the\n"
"demands raised at it, one per line.\n"
"\n"
"  -k, --kind KIND         briefing|政策宣讲会, financing|银企对接会,\n"
"                          jobs|招聘会, salon|企业家沙龙, forum|座谈会,\n"
"                          matchmaking|供需对接会 (required)\n"
"  -t, --title TEXT        the event's name (required)\n"
"  -d, --date DATE         day of the event (default: today)\n"
"  -u, --organiser NAME    who organised it (主办单位)\n"
"      --place TEXT        where it was held\n"
"  -f, --firm FIRM         a firm that took part: ID, credit code or a\n"
"                          unique part of its name (repeatable, or a,b)\n"
"  -P, --policy POLICY     a policy presented: ID or a unique part of its\n"
"                          title (repeatable, or a,b)\n"
"      --financing-intended AMOUNT  financing intended (意向融资)\n"
"      --financing-signed AMOUNT    financing signed (签约融资)\n"
"                          in yuan, or with 万元 or 亿元 (100亿元)\n"
"      --positions N       jobs offered (提供岗位)\n"
"      --attendees N       people who came (参加人数)\n"
"      --hires N           hires agreed (达成就业意向)\n"
"      --contracts N       contracts signed (签约项目)\n"
"      --booklets N        policy booklets handed out (发放政策汇编)\n"
"  -n, --note TEXT         what happened\n"
"      --by NAME           who records it (default: $QF_USER, the\n"
"                          store's user setting, or $USER)\n"
"      --data DIR          the store (default: found from here, or $QF_DATA)\n"
"  -h, --help              show this help and exit\n"
"      --version           show the version and exit\n"
"\n"
"Demands raised at the event (each option after --problem or\n"
"--suggestion applies to that demand; its source is the event):\n"
"  -p, --problem TEXT      a problem a firm raised (问题)\n"
"  -s, --suggestion TEXT   a suggestion a firm made (建议)\n"
"  -f, --firm FIRM         the firm that raised it (required for each\n"
"                          demand; it also takes part in the event)\n"
"  -c, --category CAT      its category (required for each demand;\n"
"                          see qf add-demand --help)\n"
"      --higher            it needs a higher level (上级); default 本级\n"
"      --detail TEXT       the whole story\n"
"      --amount AMOUNT     money asked for, in yuan or with 万元 or 亿元\n"
"\n"
"Exit status: 0 recorded, 64 bad usage, 65 bad data or an ambiguous firm\n"
"or policy name (nothing written), 66 no store or no such firm or\n"
"policy, 73 cannot write, 75 store busy (another writer for over 5 s),\n"
"78 bad qf.yaml or schemas.\n":
"用法：qf add-event --kind KIND --title TEXT [选项]...\n"
"                   [--problem|--suggestion TEXT --firm FIRM\n"
"                    --category CAT [诉求选项]...]...\n"
"记录一场活动，输出活动编号，再逐行输出活动中收集的诉求编号。\n"
"\n"
"  -k, --kind KIND         briefing|政策宣讲会、financing|银企对接会、\n"
"                          jobs|招聘会、salon|企业家沙龙、forum|座谈会、\n"
"                          matchmaking|供需对接会（必填）\n"
"  -t, --title TEXT        活动名称（必填）\n"
"  -d, --date DATE         活动日期（默认：今天）\n"
"  -u, --organiser NAME    主办单位\n"
"      --place TEXT        活动地点\n"
"  -f, --firm FIRM         参加企业：企业编号、统一社会信用代码，或名称中能\n"
"                          唯一确定企业的一段（可重复，或写作 a,b）\n"
"  -P, --policy POLICY     宣讲的政策：政策编号，或标题中能唯一确定政策的\n"
"                          一段（可重复，或写作 a,b）\n"
"      --financing-intended AMOUNT  意向融资\n"
"      --financing-signed AMOUNT    签约融资\n"
"                          单位：元，或带 万元、亿元（如 100亿元）\n"
"      --positions N       提供岗位数\n"
"      --attendees N       参加人数\n"
"      --hires N           达成就业意向人数\n"
"      --contracts N       签约项目数\n"
"      --booklets N        发放政策汇编本数\n"
"  -n, --note TEXT         活动情况\n"
"      --by NAME           记录人（默认：$QF_USER、台账库设置的用户或\n"
"                          $USER）\n"
"      --data DIR          台账库（默认：从当前目录向上查找，或 $QF_DATA）\n"
"  -h, --help              显示本帮助并退出\n"
"      --version           显示版本信息并退出\n"
"\n"
"活动中收集的诉求（--problem 或 --suggestion 之后的选项作用于该条诉求；\n"
"诉求来源为本活动）：\n"
"  -p, --problem TEXT      企业反映的问题\n"
"  -s, --suggestion TEXT   企业提出的建议\n"
"  -f, --firm FIRM         提出诉求的企业（每条诉求必填；该企业也计为参加企业）\n"
"  -c, --category CAT      诉求类别（每条诉求必填；见 qf add-demand --help）\n"
"      --higher            需上级解决；默认为本级\n"
"      --detail TEXT       详细情况\n"
"      --amount AMOUNT     涉及金额，单位：元，或带 万元、亿元\n"
"\n"
"退出状态：0 已记录，64 用法错误，65 数据有误或企业、政策名称不唯一（均未写入），\n"
"66 无台账库或无此企业、政策，73 无法写入，\n"
"75 台账库忙（另一写入者占用超过 5 秒），78 qf.yaml 或 schema 有误。\n",
"which kind of event? (--kind)": "活动类型是什么？（--kind）",
"an event needs a title (--title)": "活动缺少名称（--title）",
"demand '%s' needs a firm (--firm after it)": "诉求“%s”缺少企业（请在其后加 --firm）",
"%s: '%s' is not an amount of money (yuan, or with 万元 or 亿元)": "%s：“%s”不是金额（单位为元，或带 万元、亿元）",
"%s: '%s' is not a whole number": "%s：“%s”不是非负整数",
"Usage: qf export TABLE [OPTION]...\n"
"Write the records of a table of the store, every field, one row per\n"
"record: TABLE is firms, policies, visits, demands, log (every demand's\n"
"log entries, the demand's ID first), events or all (--format xlsx, json\n"
"or sql).\n"
"\n"
"      --format FMT        csv (default), tsv, json (full records), xlsx\n"
"                          (a sheet per table, for people) or sql (a psql\n"
"                          script, see qf-sql(5))\n"
"      --excel             CSV for Excel and WPS: a UTF-8 BOM first\n"
"      --no-header         CSV, TSV: no line of field names\n"
"      --columns           print the table's columns (field, Chinese header,\n"
"                          kind) and exit\n"
"  -o, --output FILE       write FILE (put in place only when the export\n"
"                          is whole); default: standard output\n"
"\n"
"Filters, as the lists take them (a filter that does not apply to the\n"
"table is refused):\n"
"  firms     -t/--tag, -p/--park, --sector, -l/--leader\n"
"  policies  -t/--tag\n"
"  visits    -m/--month, --from, --to (the visit's day), -f/--firm,\n"
"            -v/--visitor, -k/--kind\n"
"  demands   -f/--firm, -d/--dept, --codept, --owner, -c/--category,\n"
"            -k/--kind, --level, --status, --open, -l/--leader, --overdue,\n"
"            --due-within N, --at DATE, --opened-before, --opened-after,\n"
"            -g/--grep, -m/--month, --from, --to (the day it was opened)\n"
"  log       the demands' filters; -m/--month, --from and --to take the\n"
"            entries of those days\n"
"  events    -m/--month, --from, --to (the event's day), -f/--firm (taking\n"
"            part), -k/--kind\n"
"\n"
"      --data DIR          the store (default: found from here, or $QF_DATA)\n"
"  -h, --help              show this help and exit\n"
"      --version           show the version and exit\n"
"\n"
"Exit status: 0 written (no row is no error), 64 bad usage, 65 a store\n"
"file does not parse, 66 no store or no such firm, 73 cannot create the\n"
"output file, 74 cannot write it.\n":
"用法：qf export 表 [选项]...\n"
"导出台账库中一张表的全部记录，每条记录一行，包含所有字段：表为 firms（企业）、\n"
"policies（政策）、visits（走访）、demands（诉求）、log（各诉求的办理记录，\n"
"诉求编号在前）、events（活动）或 all（全部，--format xlsx、json 或 sql）。\n"
"\n"
"      --format FMT        csv（默认）、tsv、json（完整记录）、xlsx（每张表\n"
"                          一个工作表，供人阅读）或 sql（psql 脚本，见\n"
"                          qf-sql(5)）\n"
"      --excel             供 Excel 和 WPS 打开的 CSV：开头加 UTF-8 BOM\n"
"      --no-header         CSV、TSV：不输出字段名一行\n"
"      --columns           列出该表的各列（字段名、中文表头、类型）后退出\n"
"  -o, --output FILE       写入 FILE（导出完整后才放到位）；默认：标准输出\n"
"\n"
"筛选条件与列表命令相同（不适用于该表的条件会被拒绝）：\n"
"  firms     -t/--tag、-p/--park、--sector、-l/--leader\n"
"  policies  -t/--tag\n"
"  visits    -m/--month、--from、--to（走访日期）、-f/--firm、\n"
"            -v/--visitor、-k/--kind\n"
"  demands   -f/--firm、-d/--dept、--codept、--owner、-c/--category、\n"
"            -k/--kind、--level、--status、--open、-l/--leader、--overdue、\n"
"            --due-within N、--at DATE、--opened-before、--opened-after、\n"
"            -g/--grep、-m/--month、--from、--to（诉求收集日期）\n"
"  log       诉求的筛选条件；-m/--month、--from 和 --to 按办理记录\n"
"            本身的日期筛选\n"
"  events    -m/--month、--from、--to（活动日期）、-f/--firm（参加企业）、\n"
"            -k/--kind\n"
"\n"
"      --data DIR          台账库（默认：从当前目录向上查找，或 $QF_DATA）\n"
"  -h, --help              显示本帮助并退出\n"
"      --version           显示版本信息并退出\n"
"\n"
"退出状态：0 已导出（没有记录不算错误），64 用法错误，65 台账库中有文件\n"
"无法解析，66 无台账库或无此企业，73 无法创建输出文件，74 无法写入输出文件。\n",
"%s: which table? firms, policies, visits, demands, log, events or all\n": "%s：导出哪张表？firms、policies、visits、demands、log、events 或 all\n",
"'%s' is not a table: firms, policies, visits, demands, log, events or all": "“%s”不是表名：应为 firms、policies、visits、demands、log、events 或 all",
"--columns: of which table? firms, policies, visits, demands, log or events": "--columns：哪张表？firms、policies、visits、demands、log 或 events",
"events are not exported as SQL yet: csv, tsv, json or xlsx": "活动暂不支持导出为 SQL：请用 csv、tsv、json 或 xlsx",
"Usage: qf list-events [OPTION]...\n"
"List campaign events (活动): one per line, the ID first, by date.\n"
"\n"
"  -m, --month YYYY-MM     in this month\n"
"      --from DATE         on or after this day\n"
"      --to DATE           on or before this day\n"
"  -k, --kind KIND         briefing|政策宣讲会, financing|银企对接会,\n"
"                          jobs|招聘会, salon|企业家沙龙, forum|座谈会,\n"
"                          matchmaking|供需对接会\n"
"  -f, --firm FIRM         with this firm taking part (ID, credit code or\n"
"                          a unique part of its name)\n"
"  -r, --reverse           newest first\n":
"用法：qf list-events [选项]...\n"
"按日期列出活动：每行一场，编号在前。\n"
"\n"
"  -m, --month YYYY-MM     在此月份内\n"
"      --from DATE         此日当天或之后\n"
"      --to DATE           此日当天或之前\n"
"  -k, --kind KIND         briefing|政策宣讲会、financing|银企对接会、\n"
"                          jobs|招聘会、salon|企业家沙龙、forum|座谈会、\n"
"                          matchmaking|供需对接会\n"
"  -f, --firm FIRM         有此企业参加（企业编号、统一社会信用代码，或名称中\n"
"                          能唯一确定企业的一段）\n"
"  -r, --reverse           最新的在前\n",
"      --data DIR          the store (default: found from here, or $QF_DATA)\n"
"  -h, --help              show this help and exit\n"
"      --version           show the version and exit\n"
"\n"
"Fields: id, date, kind, title, organiser, place, firms, policies,\n"
"demands (how many took part, were presented, were raised),\n"
"financing_intended, financing_signed (yuan), positions, attendees,\n"
"hires, contracts, booklets, note.  The default is id, date, kind,\n"
"title, firms, demands.\n"
"\n"
"Exit status: 0 some listed, 1 none, 64 bad usage, 65 a store file does\n"
"not parse, 66 no store or no such firm.\n":
"      --data DIR          台账库（默认：从当前目录向上查找，或 $QF_DATA）\n"
"  -h, --help              显示本帮助并退出\n"
"      --version           显示版本信息并退出\n"
"\n"
"字段：id、date、kind、title、organiser、place、firms、policies、demands\n"
"（分别为参加企业数、宣讲政策数和收集的诉求数）、financing_intended、\n"
"financing_signed（元）、positions、attendees、hires、contracts、booklets、\n"
"note。默认为 id、date、kind、title、firms、demands。\n"
"\n"
"退出状态：0 有结果，1 无结果，64 用法错误，65 台账库中有文件无法解析，\n"
"66 无台账库或无此企业。\n",
"Usage: qf show [OPTION]... ID...\n"
"Print records in full: a demand with its whole history, a firm with\n"
"its visits and demands, a visit or an event with the demands raised in\n"
"it (an event with the names of the firms that took part), a policy.\n"
"With no ID, read IDs from standard input (the first field of each line).\n"
"\n"
"      --format FMT        text (default), yaml or json\n"
"      --data DIR          the store (default: found from here, or $QF_DATA)\n"
"  -h, --help              show this help and exit\n"
"      --version           show the version and exit\n"
"\n"
"Exit status: 0 all shown, 64 bad usage, 65 not an ID or a store file\n"
"does not parse, 66 no store or no such record.\n":
"用法：qf show [选项]... ID...\n"
"输出记录全文：诉求连同全部办理过程，企业连同其走访和诉求，\n"
"走访或活动连同其中收集的诉求（活动另列参加企业名称），以及政策。\n"
"未给出 ID 时，从标准输入读取编号（取每行第一个字段）。\n"
"\n"
"      --format FMT        text（默认）、yaml 或 json\n"
"      --data DIR          台账库（默认：从当前目录向上查找，或 $QF_DATA）\n"
"  -h, --help              显示本帮助并退出\n"
"      --version           显示版本信息并退出\n"
"\n"
"退出状态：0 全部已输出，64 用法错误，65 不是编号或台账库中有文件无法解析，\n"
"66 无台账库或无此记录。\n",
"event '%s' does not list this demand in its demands (a write cut short, or an edit by hand): add it there": "活动“%s”的 demands 中没有列出本诉求（写入中断，或手工编辑所致）：请补上",
"demand '%s' does not name this event as its source: set its source to %s": "诉求“%s”的来源不是本活动：请将其 source 改为 %s",
"source '%s' is neither a visit nor an event": "来源“%s”既不是走访也不是活动",
"'%s' is not a policy ID": "“%s”不是政策编号",
"empty policy title": "政策标题为空",
"no policy matches '%s'": "没有与“%s”匹配的政策",
"policy title '%s' is ambiguous (%zu policies): %s%s": "政策标题“%s”不唯一（匹配 %zu 项政策）：%s%s",
"Financing intended": "意向融资",
"Financing signed": "签约融资",
"Jobs offered": "提供岗位",
"People attending": "参加人数",
"Hires agreed": "达成就业意向",
"Contracts signed": "签约项目",
"Policy booklets handed out": "发放政策汇编",
" and %zu more": ("及另外%zu家",),
"%ld demand raised": ("收集诉求%ld条",),
"No event this week.": "本周未开展活动。",
"No event this month.": "本月未开展活动。",
"Date": "日期",
"Event": "活动名称",
"Firms taking part": "参加企业",
"Kind": "类型",
"Outcomes": "活动成效",
"Events this week": "本周场次",
"Events this month": "本月场次",
"Events, cumulative": "累计场次",
"Firms this week": "本周参加企业",
"Firms this month": "本月参加企业",
"Firms, cumulative": "累计参加企业",
"Demands this week": "本周收集诉求",
"Demands this month": "本月收集诉求",
"Demands, cumulative": "累计收集诉求",
"Outcome": "成效",
"8. Events": "八、活动开展情况",
"record a campaign event, its firms and outcomes": "记录活动及参加企业和活动成效",
"list campaign events of a period, kind or firm": "按时段、类型或企业列出活动",
}
