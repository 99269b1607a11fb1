#!/bin/sh
# The HTML bulletin printed by a real browser (Debian's chromium, headless)
# to an A4 PDF: the pages are A4, few, and hold the headline figures.
. "${QF_SRC}/tests/cli/lib.sh"
D="$QF_SRC/data"
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ] || ! command -v pdfinfo >/dev/null || ! command -v pdftotext >/dev/null; then
	echo "1..0 # SKIP chromium or poppler-utils missing (./setup.sh test installs them)"
	exit 0
fi

qf monthly-report --data "$D" --month 2023-10 --format html >"$T/b.html"
# The flags the workplace's probe uses: no network, no sandbox as root.
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic \
	--no-first-run --disable-background-networking --disable-component-update \
	--disable-sync --user-data-dir="$T/profile" --no-pdf-header-footer \
	--print-to-pdf="$T/b.pdf" "file://$T/b.html" >"$T/chromium.log" 2>&1

test_start "chromium prints the bulletin to a PDF"
if assert test -s "$T/b.pdf"; then pass; else sed 's/^/#   /' "$T/chromium.log" | tail -5; fi

test_start "every page is A4 (595 x 842 pt), and there are 2 to 9 of them (sections 6-8 added three pages)"
pdfinfo "$T/b.pdf" >"$T/info" 2>&1
pages=$(sed -n 's/^Pages: *//p' "$T/info")
echo "# pages: $pages; $(grep '^Page size' "$T/info")"
if assert grep -Eq '^Page size: +59[45](\.[0-9]+)? x 84[12](\.[0-9]+)? pts \(A4\)' "$T/info" &&
	assert test "$pages" -ge 2 && assert test "$pages" -le 9; then pass; fi

test_start "the text of the PDF holds the headline figures and the Chinese headings"
pdftotext -layout "$T/b.pdf" "$T/b.txt"
if assert grep -q '企业服务月通报' "$T/b.txt" && assert grep -q '一、总体情况' "$T/b.txt" &&
	assert grep -q '46/50 = 92.0%' "$T/b.txt" &&
	assert grep -q '26/30 = 86.7%' "$T/b.txt" &&
	assert grep -q '8/14 = 57.1%' "$T/b.txt" &&
	assert grep -q '九、本月典型案例' "$T/b.txt"; then pass; fi

done_testing
