#!/bin/sh
# memsoak.sh [N] measures the memory of the real Motpart window on the
# sandbox: it builds the window with the screenshots tag (whose --soak flag
# drives it, cmd/desktop/soak.go), starts it under Xvfb on a throw-away
# vault and home, and reads VmRSS and VmHWM from /proc/PID/status after the
# first lookup has settled, half-way and again after N more lookups
# (default 200), each followed by a visit to Certificates and Settings, for
# docs/PERFORMANCE.md. The window's own "soak:" lines (Go heap, goroutines)
# are printed too.
#
#   bench/memsoak.sh 200
#
# Environment: MEMSOAK_DISPLAY (default :68), MEMSOAK_SIZE (1280x800),
# MEMSOAK_SETTLE (180s: long enough for Fyne's one-minute caches to expire
# and for the window's releases after one and two calm minutes),
# MEMSOAK_PROFILE (a file: heap profiles FILE.first, FILE.half and FILE),
# MEMSOAK_LANGUAGE (en), MEMSOAK_BIN (a built window, to skip the build);
# GOGC and GOMEMLIMIT pass through to the window. It takes about 12 minutes.
set -eu
cd "$(dirname "$0")/.."
n=${1:-200}
display=${MEMSOAK_DISPLAY:-:68}
work=$(mktemp -d)
app="" xvfb=""
cleanup() {
	[ -n "$app" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null
	[ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null && wait "$xvfb" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT INT TERM

bin=${MEMSOAK_BIN:-}
if [ -z "$bin" ]; then
	bin="$work/motpart-desktop-shots"
	go build -tags x11,migrated_fynedo,no_emoji,screenshots -o "$bin" ./cmd/desktop
fi
CGO_ENABLED=0 go build -o "$work/motpart" ./cmd/motpart

export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export LANG=en_US.UTF-8 LC_ALL= FYNE_SCALE=1 LANGUAGE=${MEMSOAK_LANGUAGE:-en}
export MOTPART_PASSWORD="memory soak password"
mkdir -p "$HOME"
"$work/motpart" --vault "$work/vault.db" vault init >/dev/null

Xvfb "$display" -screen 0 "${MEMSOAK_SIZE:-1280x800}x24" -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
set -- --vault "$work/vault.db" --soak "$n" --soak-settle "${MEMSOAK_SETTLE:-180s}"
[ -n "${MEMSOAK_PROFILE:-}" ] && set -- "$@" --memprofile "$MEMSOAK_PROFILE"
: >"$work/app.log"
DISPLAY=$display "$bin" "$@" >"$work/app.log" 2>&1 &
app=$!

# status PHASE prints the window's VmRSS and VmHWM as the kernel counts them,
# and how much of the resident set is the process's own (RssAnon) and how
# much mapped files (RssFile: the program, libLLVM of Mesa's llvmpipe, ...).
status() {
	awk -v p="$1" '/^VmRSS:/ {r=$2} /^VmHWM:/ {h=$2} /^RssAnon:/ {a=$2} /^RssFile:/ {f=$2}
		END {printf "memsoak: %-5s VmRSS %6.1f MiB  VmHWM %6.1f MiB  RssAnon %6.1f MiB  RssFile %6.1f MiB\n", p, r/1024, h/1024, a/1024, f/1024}' "/proc/$app/status"
}
seen=" "
while :; do
	if ! kill -0 "$app" 2>/dev/null; then
		echo "memsoak: the window stopped:" >&2
		cat "$work/app.log" >&2
		exit 1
	fi
	for phase in first half after; do
		case "$seen" in *" $phase "*) continue ;; esac
		if grep -q "^soak: phase=$phase " "$work/app.log"; then
			status "$phase"
			seen="$seen$phase "
		fi
	done
	if grep -q '^soak: idle' "$work/app.log"; then
		break
	fi
	sleep 0.2
done
grep '^soak: phase=' "$work/app.log"
