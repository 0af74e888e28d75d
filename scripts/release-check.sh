#!/bin/sh
# release-check.sh [DIST] starts what `make release` built, the way a user
# would, and prints PASS or FAIL for each step (exit status 1 when any
# fails):
#
#   Windows, under Wine (Debian's wine64) on Xvfb display :93 with a new
#   WINEPREFIX in a temporary folder: the zip unpacked to
#   C:\users\Åsa Bjørnstad\Mina program\, the user's AppData moved to
#   C:\users\Åsa Bjørnstad\AppData\Roaming (so the default vault path has a
#   space and non-ASCII letters), motpart.exe's version, ident check, vault
#   init, notes add/list, cert import of a sandbox demo certificate and a
#   vault backup; then Motpart.exe's first screen, captured to
#   DIST/release-check-windows.png.
#   Linux: the .deb installed with dpkg and removed again (as root only),
#   and the tarball's `make install`/`make uninstall` into a temporary HOME.
#
# RELEASE_CHECK_DISPLAY changes the display; RELEASE_CHECK_KEEP=1 keeps the
# temporary folder (the Wine prefix) for a look afterwards.
set -u
cd "$(dirname "$0")/.."
root=$(pwd)
dist=${1:-dist}
case "$dist" in /*) ;; *) dist="$root/$dist" ;; esac
display=${RELEASE_CHECK_DISPLAY:-:93}
version=$(sed -n 's/^Version *= *"\([^"]*\)".*/\1/p' FyneApp.toml | head -n 1)
zip="$dist/Motpart-$version-windows-amd64.zip"
tarball="$dist/Motpart-$version-linux-amd64.tar.xz"
deb="$dist/motpart_${version}_amd64.deb"
shot="$dist/release-check-windows.png"
tmp=$(mktemp -d /tmp/motpart-release-check.XXXXXX)
passed=0
failed=0
xvfb=""
window=""

cleanup() {
	[ -n "$window" ] && kill "$window" 2>/dev/null
	[ -d "$tmp/wine" ] && WINEPREFIX="$tmp/wine" wineserver -k 2>/dev/null
	[ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null
	if [ "${RELEASE_CHECK_KEEP:-}" = 1 ]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# step NAME COMMAND... runs COMMAND with its output in a log and says PASS or
# FAIL; the output is shown indented either way (the last 15 lines).
n=0
step() {
	name=$1
	shift
	n=$((n + 1))
	log="$tmp/step$n.log"
	if "$@" >"$log" 2>&1; then
		printf 'PASS  %s\n' "$name"
		passed=$((passed + 1))
		status=0
	else
		status=$?
		printf 'FAIL  %s (exit status %s)\n' "$name" "$status"
		failed=$((failed + 1))
	fi
	tail -n 15 "$log" | sed 's/^/      | /'
	return $status
}

# contains TEXT COMMAND... runs COMMAND and fails unless its output has TEXT.
contains() {
	text=$1
	shift
	# A file, not $(...): Wine's background processes would hold a pipe open.
	"$@" >"$tmp/out" 2>&1 </dev/null
	status=$?
	cat "$tmp/out"
	[ $status -eq 0 ] || return $status
	grep -qF -- "$text" "$tmp/out" || { echo "(no \"$text\" in the output)"; return 1; }
}

echo "release-check: Motpart $version, $(date -u '+%Y-%m-%d %H:%M UTC'), $(wine --version 2>/dev/null)"
[ -f "$zip" ] || { echo "FAIL  $zip is missing: run make release first"; exit 1; }

# printf, not echo: dash's echo reads the backslashes of Windows paths.

# ---- Windows, under Wine ----------------------------------------------------
export WINEPREFIX="$tmp/wine" WINEARCH=win64 WINEDEBUG=-all DISPLAY="$display"
# No Mono or Gecko download prompts: Motpart needs neither.
export WINEDLLOVERRIDES="mscoree,mshtml="
user="Åsa Bjørnstad"
home_w="C:\\users\\$user"
home_u="$WINEPREFIX/drive_c/users/$user"
prog_u="$home_u/Mina program/Motpart-$version"
prog_w="$home_w\\Mina program\\Motpart-$version"
appdata_w="$home_w\\AppData\\Roaming"
vault_u="$home_u/AppData/Roaming/Motpart/vault.db"

start_xvfb() {
	if [ -e "/tmp/.X${display#:}-lock" ]; then
		echo "display $display is taken (/tmp/.X${display#:}-lock); set RELEASE_CHECK_DISPLAY"
		return 1
	fi
	Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
	xvfb=$!
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		xdpyinfo -display "$display" >/dev/null 2>&1 && return 0
		sleep 1
	done
	cat "$tmp/xvfb.log"
	return 1
}

# The prefix, with the user's AppData in a folder with a space and
# non-ASCII letters (Wine takes %APPDATA% from the shell folders), and
# ProcessPrng, which Go's runtime needs and Wine 8.0 lacks
# (packaging/wine/bcryptprimitives.c: Windows 10 has it; never shipped).
make_prefix() {
	wineboot --init || return 1
	x86_64-w64-mingw32-gcc -O2 -shared -s -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
		packaging/wine/bcryptprimitives.c -ladvapi32 || return 1
	mkdir -p "$home_u/AppData/Roaming" "$home_u/Mina program" "$home_u/Mina dokument"
	for key in 'User Shell Folders' 'Shell Folders'; do
		wine reg add "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\$key" \
			/v AppData /t REG_SZ /d "$appdata_w" /f || return 1
	done
	wineserver -k
	# Wine's server and services outlive each command: started here with no
	# output, they hold no step's output open.
	wineserver -p </dev/null >/dev/null 2>&1
	wine wineboot </dev/null >/dev/null 2>&1
	unzip -q "$zip" -d "$home_u/Mina program" || return 1
	ls -l "$prog_u" "$prog_u/cli"
	# Windows tells no file from one whose name differs in case only.
	[ ! -e "$prog_u/motpart.exe" ] || { echo "motpart.exe beside Motpart.exe: one would overwrite the other on Windows"; return 1; }
}

# win COMMAND... runs the Windows command line from its folder.
win() { (cd "$prog_u/cli" && wine ./motpart.exe "$@"); }

# sandbox_certs DIR: the sandbox's demo certificates, written by the Linux
# command line (the simulators run until stopped; the files are there first).
sandbox_certs() {
	"$dist/linux/Motpart-$version/bin/motpart" sandbox serve --out "$1" >"$tmp/sandbox.txt" 2>&1 &
	pid=$!
	for _ in $(seq 1 60); do
		grep -q '^Numbers to try' "$tmp/sandbox.txt" 2>/dev/null && break
		sleep 1
	done
	kill $pid 2>/dev/null
	wait $pid 2>/dev/null
	sed -n '/^Wrote the sandbox/,/^$/p' "$tmp/sandbox.txt"
	ls "$1"/*.p12 "$1"/*.pfx 2>/dev/null | head -n 1 | grep -q .
}

cert_import() {
	# The first demo certificate: "FILE"  password "PW"  description
	line=$(sed -n '/^Wrote the sandbox/,/^$/p' "$tmp/sandbox.txt" | grep 'password' | head -n 1)
	file=$(printf '%s\n' "$line" | sed -n 's/^ *"\([^"]*\)".*/\1/p')
	pw=$(printf '%s\n' "$line" | sed -n 's/.*password "\([^"]*\)".*/\1/p')
	[ -n "$file" ] || { echo "no demo certificate in the sandbox's output"; return 1; }
	printf 'importing %s\n' "$home_w\\Mina certifikat\\$file"
	(export MOTPART_CERT_PASSWORD="$pw"; win cert import --name "Åsas certifikat" "$home_w\\Mina certifikat\\$file") || return 1
	win cert list >"$tmp/certs.txt" 2>&1
	cat "$tmp/certs.txt"
	grep -qF "Åsas certifikat" "$tmp/certs.txt"
}

vault_at_default() {
	ls -l "$vault_u" || return 1
	printf 'the vault is at %s\n' "$appdata_w\\Motpart\\vault.db"
}

backup() {
	win vault backup "$home_w\\Mina dokument\\säkerhetskopia av valvet.db" || return 1
	ls -l "$home_u/Mina dokument/säkerhetskopia av valvet.db"
}

# The window: started without a password, its first screen is the unlock
# screen of the vault made above. Wine draws through its OpenGL on Xvfb's
# Mesa (llvmpipe).
first_screen() {
	rm -f "$shot"
	(cd "$prog_u" && WINEDEBUG=err+all exec wine ./Motpart.exe) >"$tmp/window.log" 2>&1 &
	window=$!
	shown=""
	for _ in $(seq 1 90); do
		if ! kill -0 $window 2>/dev/null; then
			echo "Motpart.exe stopped before showing a window:"
			cat "$tmp/window.log"
			window=""
			return 1
		fi
		if xwininfo -root -tree -display "$display" 2>/dev/null | grep -q '"Motpart"'; then
			shown=1
			break
		fi
		sleep 1
	done
	[ -n "$shown" ] || { echo "no window named Motpart after 90 s:"; cat "$tmp/window.log"; return 1; }
	sleep 8 # the first frame, drawn by llvmpipe on a busy machine
	import -display "$display" -window root "$shot" || return 1
	xwininfo -root -tree -display "$display" | grep '"Motpart"'
	grep -v '^$' "$tmp/window.log" | tail -n 5
	kill $window 2>/dev/null
	window=""
	echo "screenshot: $shot"
}

if step "Xvfb on $display" start_xvfb && step "Wine prefix ($home_w)" make_prefix; then
	step "motpart.exe version" contains "$version" win version
	step "motpart.exe ident check 923609016" contains 923609016 win ident check 923609016
	# The password has non-ASCII letters too; the programs read it from the
	# environment, which Wine hands over as UTF-16.
	MOTPART_PASSWORD=release-check-Åsa
	export MOTPART_PASSWORD
	step "motpart.exe vault init (default path under %APPDATA%)" win vault init
	step "the vault is %APPDATA%\\Motpart\\vault.db" vault_at_default
	step "motpart.exe notes add" win notes add 923609016 "Møte med Åsa Bjørnstad: årsregnskapet er klart"
	step "motpart.exe notes list (the note comes back whole)" contains "Møte med Åsa Bjørnstad: årsregnskapet er klart" win notes list 923609016
	step "sandbox demo certificates (Linux motpart sandbox serve --out)" sandbox_certs "$home_u/Mina certifikat"
	step "motpart.exe cert import from C:\\users\\$user\\Mina certifikat" cert_import
	step "motpart.exe vault backup to a path with spaces and å, ä" backup
	unset MOTPART_PASSWORD
	step "Motpart.exe: the first screen (screenshot)" first_screen
fi

# ---- Linux --------------------------------------------------------------------
deb_check() {
	dpkg --install "$deb" || return 1
	status=0
	/usr/bin/motpart version || status=1
	dpkg -L motpart | grep -E 'bin/|\.desktop|\.png' || status=1
	dpkg --remove motpart || status=1
	[ ! -e /usr/bin/motpart ] || { echo "/usr/bin/motpart is still there"; status=1; }
	return $status
}
if [ ! -f "$deb" ]; then
	echo "FAIL  the .deb $deb is missing"
	failed=$((failed + 1))
elif [ "$(id -u)" -ne 0 ]; then
	echo "SKIP  .deb install (needs root: sudo apt install $deb)"
elif dpkg-query -W motpart >/dev/null 2>&1; then
	echo "SKIP  .deb install (a motpart package is installed already; not touching it)"
else
	step ".deb: dpkg --install, motpart version, dpkg --remove" deb_check
fi

tar_check() {
	[ -f "$tarball" ] || { echo "$tarball is missing"; return 1; }
	mkdir -p "$tmp/home" "$tmp/unpack"
	tar -C "$tmp/unpack" -xJf "$tarball" || return 1
	HOME="$tmp/home" make -C "$tmp/unpack/Motpart-$version" install || return 1
	status=0
	"$tmp/home/.local/bin/motpart" version || status=1
	ls "$tmp/home/.local/bin" "$tmp/home/.local/share/applications" "$tmp/home/.local/share/icons/hicolor/512x512/apps" || status=1
	grep "^Exec=$tmp/home/.local/bin/motpart-desktop" "$tmp/home/.local/share/applications/io.github.motpart.Motpart.desktop" || status=1
	if command -v desktop-file-validate >/dev/null; then
		desktop-file-validate "$tmp/home/.local/share/applications/io.github.motpart.Motpart.desktop" || status=1
	fi
	HOME="$tmp/home" make -C "$tmp/unpack/Motpart-$version" uninstall || status=1
	left=$(find "$tmp/home/.local" -type f)
	[ -z "$left" ] || { echo "left after uninstall: $left"; status=1; }
	return $status
}
step "tarball: make install into a temporary HOME, motpart version, make uninstall" tar_check

echo "release-check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
