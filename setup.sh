#!/bin/sh
# setup.sh - install what qifu needs, build it, and run it or test it.
#
#   ./setup.sh bulletin   install, build, print the example store's bulletin
#   ./setup.sh test       install, build with gcc and run every test (and
#                         the unit tests under valgrind), then build with
#                         clang (ASan+UBSan) and run them again, with the
#                         libFuzzer harnesses
#   ./setup.sh build      install and build only
#
# On Debian 12 as root (or with sudo).  Builds go to build/ (gcc) and
# build-asan/ (clang with sanitizers).
set -eu

cd "$(dirname "$0")"

PACKAGES="build-essential cmake pkg-config gettext clang libyaml-dev libcsv-dev
libcmocka-dev libutf8proc-dev valgrind python3 util-linux strace procps"
# The tests also print the HTML bulletin with a real browser to an A4 PDF.
TEST_PACKAGES="chromium poppler-utils fonts-noto-cjk"

install_deps() { # install_deps [EXTRA PACKAGES...]
	missing=""
	for p in $PACKAGES "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
			grep -q "install ok installed" || missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	echo "setup.sh: installing$missing" >&2
	if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
	$sudo apt-get update -qq
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
}

jobs=$(nproc 2>/dev/null || echo 2)

build() { # build DIR CC [cmake args...]
	dir=$1 cc=$2
	shift 2
	CC=$cc cmake -S . -B "$dir" -DQF_WERROR=ON "$@" >/dev/null
	cmake --build "$dir" -j "$jobs" >/dev/null
}

case "${1:-}" in
bulletin)
	install_deps
	build build gcc -DCMAKE_BUILD_TYPE=RelWithDebInfo
	build/qf check --data data >/dev/null
	build/qf monthly-report --data data --month "${2:-2023-09}"
	;;
build)
	install_deps
	build build gcc -DCMAKE_BUILD_TYPE=RelWithDebInfo
	;;
test)
	# shellcheck disable=SC2086
	install_deps $TEST_PACKAGES
	echo "== gcc build, all tests" >&2
	build build gcc -DCMAKE_BUILD_TYPE=RelWithDebInfo
	(cd build && ctest -j "$jobs" --output-on-failure)
	echo "== the unit tests under valgrind" >&2
	for t in build/tests/test_*; do
		valgrind -q --error-exitcode=99 --leak-check=full \
			--errors-for-leak-kinds=definite,indirect "$t" >/dev/null ||
			{ echo "setup.sh: valgrind reports on $t" >&2; exit 1; }
	done
	echo "== clang build with AddressSanitizer + UndefinedBehaviorSanitizer, all tests, and the fuzzers" >&2
	# (the reliability run, minutes of killed processes, once is enough)
	build build-asan clang -DCMAKE_BUILD_TYPE=Debug -DQF_SANITIZE=ON \
		-DQF_RELIABILITY=OFF -DQF_FUZZ=ON
	(cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		ctest -j "$jobs" --output-on-failure)
	;;
*)
	echo "usage: ./setup.sh bulletin|test|build" >&2
	exit 64
	;;
esac
