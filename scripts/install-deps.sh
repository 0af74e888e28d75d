#!/bin/sh
# install-deps.sh installs the Debian/Ubuntu packages Motpart needs that are
# missing, and does nothing when everything is there.
#
#   scripts/install-deps.sh build   packages to build the window (cgo, OpenGL, X11)
#   scripts/install-deps.sh test    packages for the test suite
#   scripts/install-deps.sh shots   packages to take screenshots under Xvfb
#   scripts/install-deps.sh bench   packages the benchmark scripts use
#   scripts/install-deps.sh bench-classify   and pandas, for the classification comparison
#   scripts/install-deps.sh release packages to cross-build for Windows (MinGW-w64) and pack
#   scripts/install-deps.sh release-check   and Wine under Xvfb, to start the Windows build
set -eu

build="gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev"
shots="xvfb xauth imagemagick x11-utils openssl"
test="gcc libc6-dev libxml2-utils poppler-utils xmlsec1"
bench="time"
classify="time python3-pandas"
release="gcc-mingw-w64-x86-64 zip xz-utils"
# wine64 runs the 64-bit Motpart.exe; unzip unpacks the zip for the check.
releasecheck="wine wine64 xvfb xauth imagemagick unzip"

want=""
for set in "$@"; do
	case "$set" in
	build) want="$want $build" ;;
	test) want="$want $test" ;;
	shots) want="$want $build $shots" ;;
	bench) want="$want $bench" ;;
	bench-classify) want="$want $classify" ;;
	release) want="$want $build $release" ;;
	release-check) want="$want $build $release $releasecheck" ;;
	*) echo "install-deps: unknown set $set" >&2; exit 2 ;;
	esac
done

if ! command -v go >/dev/null 2>&1; then
	echo "install-deps: Go is not installed; install Go 1.26 or newer from https://go.dev/dl/" >&2
	exit 1
fi
if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "install-deps: not a Debian/Ubuntu system; install these yourself if missing:$want" >&2
	exit 0
fi

missing=""
for p in $want; do
	case " $missing " in *" $p "*) continue ;; esac
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

echo "install-deps: installing:$missing"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		sudo="sudo"
	else
		echo "install-deps: need root or sudo to install:$missing" >&2
		exit 1
	fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "install-deps: done"
