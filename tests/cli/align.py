# align.py [--others-may-cut] TABLE TSV WIDTH FIT NUMERIC - check a terminal
# table (run by aligned in lib.sh for the t-list-*.sh tests; not a test).
#
# TABLE (an aligned table with header) holds the cells of TSV (the same list
# as TSV with --header); every column starts at the same display column on
# every line, two spaces apart; no line is wider than WIDTH (0: any); only
# column FIT may be cut, with "…" (with --others-may-cut, other text columns
# may be cut too, once FIT is at its least); the NUMERIC columns (a,b) are
# right-aligned.  Prints the problems, then "cut N" (the FIT cells cut);
# exits 1 if there is any problem.
import sys, unicodedata
args = sys.argv[1:]
others_may_cut = bool(args) and args[0] == '--others-may-cut'
if others_may_cut:
    args = args[1:]
def cw(ch):
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in 'WF' else 1
def cells(line):
    out, c = [], 0
    for ch in line:
        out.append((c, ch, cw(ch)))
        c += cw(ch)
    return out, c
table, tsv, width, fit = args[0], args[1], int(args[2]), args[3]
numeric = set(args[4].split(',')) if len(args) > 4 and args[4] else set()
tl = open(table, encoding='utf-8').read().split('\n')
rows = [l.split('\t') for l in open(tsv, encoding='utf-8').read().split('\n')]
errs = []
if tl[-1] != '' or rows[-1] != ['']:
    errs.append('no newline at the end')
tl, rows = tl[:-1], rows[:-1]
if len(tl) != len(rows):
    errs.append('%d table lines for %d TSV lines' % (len(tl), len(rows)))
names = rows[0]
hc, _ = cells(tl[0])
starts, prev = [], ' '
for col, ch, _ in hc:
    if ch != ' ' and prev == ' ':
        starts.append(col)
    prev = ch
if len(starts) != len(names):
    errs.append('header %r: %d columns for %d names' % (tl[0], len(starts), len(names)))
    starts = starts[:len(names)] + [10**6] * (len(names) - len(starts))
cut = 0
for i, (line, row) in enumerate(zip(tl, rows)):
    cs, total = cells(line)
    if width and total > width:
        errs.append('line %d is %d columns wide (> %d): %r' % (i + 1, total, width, line))
    if line != line.rstrip(' ') and not numeric:
        errs.append('line %d ends in blanks: %r' % (i + 1, line))
    for j, name in enumerate(names):
        a = starts[j]
        b = starts[j + 1] - 2 if j + 1 < len(starts) else 10**9
        for col, ch, w in cs:
            if col < a < col + w or col < b < col + w:
                errs.append('line %d: %r straddles column %s' % (i + 1, ch, name))
        text = ''.join(ch for col, ch, w in cs if a <= col < b)
        if j + 1 < len(starts):
            gap = ''.join(ch for col, ch, w in cs if b <= col < b + 2)
            if gap != '  ':
                errs.append('line %d: no gap before column %s: %r' % (i + 1, names[j + 1], line))
        val, got = row[j], text.strip(' ')
        if i and name == fit and got != val:
            if not (got.endswith('…') and val.startswith(got[:-1])):
                errs.append('line %d: %s %r is not %r cut' % (i + 1, name, got, val))
            cut += 1
        elif others_may_cut and i and name not in numeric and got != val and got.endswith('…') and val.startswith(got[:-1]):
            pass   # another text column cut once the fit column is at its least
        elif got != val:
            errs.append('line %d: %s is %r, not %r' % (i + 1, name, got, val))
        if i and val and name in numeric and j + 1 < len(starts) and not text.endswith(val):
            errs.append('line %d: %s %r is not right-aligned' % (i + 1, name, text))
        if i and val and name not in numeric and not text.startswith(got):
            errs.append('line %d: %s %r is not left-aligned' % (i + 1, name, text))
for e in errs[:20]:
    print('#   ' + e)
print('cut %d' % cut)
sys.exit(1 if errs else 0)
