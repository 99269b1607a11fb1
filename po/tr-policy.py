# Translations of the policy-delivery work (送政策), merged into
# po/zh_CN.po with /work/potr.py.
T = {
"Usage: qf deliver POLICY [--firm FIRM]... [OPTION]...\n"
"Record that POLICY (its ID or a unique part of its title) was handed to\n"
"firms outside a visit or an event, and print the IDs of the firms it was\n"
"recorded for.  With no --firm, read firms from standard input (the\n"
"first field of each line), so that qf match-policy pipes into it.  A\n"
"firm already handed the policy is passed over with a note.\n"
"\n"
"  -f, --firm FIRM         firm ID or a unique part of its name (repeatable)\n"
"  -d, --date DATE         day it was handed over (default: today)\n"
"      --by NAME           who handed it over (default: $QF_USER, the\n"
"                          store's user setting, or $USER)\n"
"      --via HOW           how: 上门, 邮寄, 微信, 窗口, ...\n"
"      --data DIR          the store (default: found from here, or $QF_DATA)\n"
"  -h, --help              show this help and exit\n"
"      --version           show the version and exit\n"
"\n"
"Every firm is checked before anything is written: an unknown firm, or a\n"
"day the policy is not in force, writes nothing.\n"
"\n"
"Exit status: 0 recorded, 1 every firm had it already (nothing written),\n"
"64 bad usage, 65 bad data or an ambiguous name (nothing written), 66 no\n"
"store or no such policy or firm, 73 cannot write, 75 store busy.\n":
"用法：qf deliver 政策 [--firm 企业]... [选项]...\n"
"记录在走访、活动之外把政策（编号或名称中唯一的一部分）送达企业，并输出\n"
"已记录的企业编号。未给 --firm 时从标准输入读取企业（每行第一个字段），\n"
"因此 qf match-policy 的输出可直接接入。已送达过该政策的企业跳过并提示。\n"
"\n"
"  -f, --firm FIRM         企业编号或名称中唯一的一部分（可重复）\n"
"  -d, --date DATE         送达日期（默认：今天）\n"
"      --by NAME           送达人（默认：$QF_USER、台账库的 user 设置\n"
"                          或 $USER）\n"
"      --via HOW           送达方式：上门、邮寄、微信、窗口……\n"
"      --data DIR          台账库（默认：从当前目录向上查找，或 $QF_DATA）\n"
"  -h, --help              显示本帮助并退出\n"
"      --version           显示版本信息并退出\n"
"\n"
"写入前逐一核对所有企业：有未知企业，或政策在该日不在有效期内，则不写入\n"
"任何内容。\n"
"\n"
"退出状态：0 已记录，1 各企业均已送达（未写入），64 用法错误，65 数据有误\n"
"或名称不唯一（未写入），66 无台账库、无此政策或企业，73 无法写入，\n"
"75 台账库忙。\n",
"which policy? give its ID or a part of its title": "哪项政策？请给出其编号或名称的一部分",
"one policy at a time ('%s' is one too many)": "一次只能指定一项政策（“%s”多余）",
"--via: empty": "--via：不能为空",
"policy '%s': its 'delivered' is not a list (qf check says where)": "政策“%s”：其 delivered 不是列表（qf check 可指出位置）",
"'%s' was handed '%s' already on %s (%s): passed over": "“%1$s”已于 %3$s（%4$s）获送政策“%2$s”：跳过",
"at an event": "活动中",
"delivered": "送达",
"on a visit": "走访中",
"which firms? give --firm or their IDs on standard input": "哪些企业？请用 --firm 给出，或从标准输入给出其编号",
"policy '%s' is not in force on %s: %s": "政策“%s”在 %s 不在有效期内：%s",
"Usage: qf match-policy [OPTION]... POLICY\n"
"List the firms that POLICY (its ID or a unique part of its title) fits\n"
"on a day and that have not been handed it yet, by a visit, at an event\n"
"or by qf deliver: one per line, the ID first, so that the list pipes\n"
"into qf deliver.\n"
"\n"
"  -d, --date DATE         the day (default: today)\n"
"  -a, --all               every firm it fits, with when and how it was\n"
"                          handed over\n"
"  -s, --sort KEY          id (default), name or handed\n"
"  -r, --reverse           the other way round\n":
"用法：qf match-policy [选项]... 政策\n"
"列出某日政策（编号或名称中唯一的一部分）适用、但尚未通过走访、活动或\n"
"qf deliver 送达的企业：每行一家，编号在前，可直接接入 qf deliver。\n"
"\n"
"  -d, --date DATE         日期（默认：今天）\n"
"  -a, --all               列出全部适用企业，并注明何时、如何送达\n"
"  -s, --sort KEY          排序：id（默认）、name 或 handed\n"
"  -r, --reverse           倒序\n",
"      --data DIR          the store (default: found from here, or $QF_DATA)\n"
"  -h, --help              show this help and exit\n"
"      --version           show the version and exit\n"
"\n"
"Fields: id, name, park, sector, tags, leader, handed (the first day it\n"
"was handed over), via (visit, event or delivered), source (the visit or\n"
"event, or how it was delivered).  The default is id, name, park, sector,\n"
"tags; with --all also handed, via, source.\n"
"\n"
"Exit status: 0 some listed, 1 none (a policy not in force on the day\n"
"fits none: said on standard error), 64 bad usage, 65 an ambiguous\n"
"title or a store file does not parse, 66 no store or no such policy.\n":
"      --data DIR          台账库（默认：从当前目录向上查找，或 $QF_DATA）\n"
"  -h, --help              显示本帮助并退出\n"
"      --version           显示版本信息并退出\n"
"\n"
"字段：id、name、park、sector、tags、leader、handed（首次送达日期）、\n"
"via（visit 走访、event 活动或 delivered 送达）、source（走访或活动编号，\n"
"或送达方式）。默认为 id、name、park、sector、tags；--all 时另加 handed、\n"
"via、source。\n"
"\n"
"退出状态：0 有结果，1 无结果（政策在该日不在有效期内时不适用任何企业，\n"
"并在标准错误输出说明），64 用法错误，65 名称不唯一或台账库中有文件无法\n"
"解析，66 无台账库或无此政策。\n",
"--sort: '%s' is not id, name or handed": "--sort: “%s”不是 id、name 或 handed",
"policy '%s' does not say whom it is for (eligible): it fits every firm": "政策“%s”未写明适用对象（eligible）：适用于所有企业",
"for every firm (no eligible)": "适用于所有企业（未写明适用对象）",
"# firms it fits: %ld of %zu; firms handed it: %zu (%ld of those it fits)\n": "# 适用企业：%ld 家（共 %zu 家）；已送达企业：%zu 家（其中适用企业 %ld 家）\n",
"handed over": "送达记录",
"fits": "适用",
"the policy is not issued yet": "政策尚未发布",
"the policy has expired": "政策已过期",
"the firm has none of the tags it is for": "企业不带有适用的任一标签",
"the firm is not in a sector it is for": "企业不属于适用行业",
"the firm is not in a park it is for": "企业不在适用园区",
"delivered on %s, before the policy was issued (%s)": "送达日期 %s 早于政策发布日期（%s）",
"delivered on %s, after the policy expired (%s)": "送达日期 %s 晚于政策失效日期（%s）",
"empty policy title": "政策名称为空",
"'%s' is not a policy ID": "“%s”不是政策编号",
"no policy matches '%s'": "没有与“%s”匹配的政策",
"policy title '%s' is ambiguous (%zu policies): %s%s": "政策名称“%s”不唯一（匹配 %zu 项政策）：%s%s",
"policy '%s': %s": "政策“%s”：%s",
"6. Policies to firms": "六、政策送达",
"Policies handed to firms (firm × policy)": "送达政策（企业×政策）",
"  on visits": "  走访中送达",
"  at events": "  活动中送达",
"  delivered otherwise": "  其他方式送达",
"Firms reached": "送达企业数",
"No policy in force says whom it is for.": "有效期内的政策均未写明适用对象。",
"Policy": "政策",
"Title": "名称",
"Firms it fits": "适用企业",
"Reached": "已送达",
"Not reached": "未送达",
"Share reached": "送达率",
"Eligible firms not yet reached: %ld firm × policy pair in all.": ("适用而尚未送达的共 %ld 户次（企业×政策）。",),
"Usage: qf add-policy --title TITLE [OPTION]...\n"
"Add a policy to the store's policy list and print its new ID.\n"
"\n"
"  -t, --title TITLE       the policy's title (required)\n"
"  -i, --issuer NAME       who issued it\n"
"      --issued DATE       date of issue\n"
"      --expires DATE      date it expires\n"
"  -s, --summary TEXT      what it offers, in a sentence or two\n"
"      --tag TAG           tag (repeatable, or a,b)\n"
"      --for-tag TAG       for firms with this tag (规上, 高新技术, ...);\n"
"                          repeatable or a,b: with one of them\n"
"      --for-sector TEXT   for firms of this sector (one of those given)\n"
"      --for-park PARK     for firms of this park (one of those given)\n"
"      --data DIR          the store (default: found from here, or $QF_DATA)\n"
"  -h, --help              show this help and exit\n"
"      --version           show the version and exit\n"
"\n"
"Exit status: 0 added, 64 bad usage, 65 bad data (nothing written),\n"
"66 no store, 73 cannot write, 75 store busy (another writer for over\n"
"5 s), 78 bad qf.yaml or schemas.\n":
"用法：qf add-policy --title TITLE [选项]...\n"
"向台账库的政策清单添加一项政策，并输出其新编号。\n"
"\n"
"  -t, --title TITLE       政策名称（必填）\n"
"  -i, --issuer NAME       发文单位\n"
"      --issued DATE       发布日期\n"
"      --expires DATE      失效日期\n"
"  -s, --summary TEXT      政策要点，一两句话\n"
"      --tag TAG           标签（可重复，或写作 a,b）\n"
"      --for-tag TAG       适用于带有此标签的企业（规上、高新技术……）；\n"
"                          可重复或写作 a,b：带有其中之一即可\n"
"      --for-sector TEXT   适用于此行业的企业（所给行业之一）\n"
"      --for-park PARK     适用于此园区的企业（所给园区之一）\n"
"      --data DIR          台账库（默认：从当前目录向上查找，或 $QF_DATA）\n"
"  -h, --help              显示本帮助并退出\n"
"      --version           显示版本信息并退出\n"
"\n"
"退出状态：0 已添加，64 用法错误，65 数据有误（未写入任何内容），66 无台账库，\n"
"73 无法写入，75 台账库忙（另一写入者占用超过 5 秒），\n"
"78 qf.yaml 或 schema 有误。\n",
"Usage: qf list-firms [OPTION]...\n"
"List the firms of the register (一企一档) with their visits and open\n"
"demands: one per line, the ID first.\n"
"\n"
"  -t, --tag TAG           with this tag (规上, 重点, 专精特新, ...); repeated\n"
"                          or a,b: with all of them\n"
"  -p, --park PARK         in this park (a part of its name will do)\n"
"      --sector TEXT       in this sector (a part will do)\n"
"  -l, --leader NAME       whose leader (联点领导) is NAME\n"
"      --visited-since D   visited on or after day D\n"
"      --not-visited-since D  not visited since day D (coverage gaps)\n"
"      --never-visited     never visited at all\n"
"      --with-open         with open demands\n"
"      --missing-policy P  that policy P (ID or a unique part of its title)\n"
"                          fits today and that have not been handed it\n"
"  -s, --sort KEY          id (default), name, visits, open or last\n"
"  -r, --reverse           the other way round\n":
"用法：qf list-firms [选项]...\n"
"列出企业名录（一企一档）及各企业的走访和未办结诉求：每行一家，\n"
"编号在前。\n"
"\n"
"  -t, --tag TAG           带有此标签（规上、重点、专精特新……）；可重复，\n"
"                          或写作 a,b：须同时带有全部标签\n"
"  -p, --park PARK         位于此园区（写出名称的一部分即可）\n"
"      --sector TEXT       属于此行业（写出一部分即可）\n"
"  -l, --leader NAME       联点领导为 NAME\n"
"      --visited-since D   D 日当天或之后走访过\n"
"      --not-visited-since D  D 日以来未走访（查找走访空白）\n"
"      --never-visited     从未走访\n"
"      --with-open         有未办结诉求\n"
"      --missing-policy P  政策 P（编号或名称中唯一的一部分）今天适用、\n"
"                          但尚未送达的企业\n"
"  -s, --sort KEY          排序：id（默认）、name、visits、open 或 last\n"
"  -r, --reverse           倒序\n",
"record a policy handed to firms outside a visit (送政策)": "记录在走访之外向企业送达政策（送政策）",
"list the firms a policy fits that have not had it": "列出政策适用但尚未送达的企业",
}
