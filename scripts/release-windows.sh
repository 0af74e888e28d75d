#!/bin/sh
# release-windows.sh DIST builds Motpart for windows/amd64 on this Debian
# machine and writes DIST/Motpart-VERSION-windows-amd64.zip:
#
#   Motpart-VERSION/Motpart.exe   the window: cgo with MinGW-w64, packaged by
#                                 `fyne package` (icon, version, manifest)
#   Motpart-VERSION/cli/motpart.exe   the command line, without cgo: in a
#                                 folder of its own because Windows does not
#                                 tell motpart.exe from Motpart.exe
#   Motpart-VERSION/READ-ME.txt   a short READ-ME in en, sv, nb and fi (CRLF)
#   Motpart-VERSION/licenses/     every linked module's licence files
#
# The Makefile's `release` target runs it after installing MinGW-w64.
set -eu
cd "$(dirname "$0")/.."
dist=${1:-dist}
go=${GO:-go}
tags=${APPTAGS:-x11,migrated_fynedo,no_emoji}
cc=${WINDOWS_CC:-x86_64-w64-mingw32-gcc}

meta() { sed -n "s/^$1 *= *\"\{0,1\}\([^\"]*\)\"\{0,1\} *\$/\1/p" FyneApp.toml | head -n 1; }
version=$(meta Version)
name=$(meta Name)
appid=$(meta ID)
build=$(meta Build)
icon=$(meta Icon)
[ -n "$version" ] && [ -n "$name" ] || { echo "release-windows: no Name/Version in FyneApp.toml" >&2; exit 1; }
command -v "$cc" >/dev/null || { echo "release-windows: $cc missing (scripts/install-deps.sh release)" >&2; exit 1; }

root=$(pwd)
work="$root/$dist/windows"
stage="$work/Motpart-$version"
zip="$root/$dist/Motpart-$version-windows-amd64.zip"
mkdir -p "$stage"

# The window. fyne package builds it itself (in cmd/desktop, where it puts
# its resource file for the build's length) with the icon, version and
# manifest. FyneApp.toml is at the root, not in cmd/desktop, so its values
# are passed as flags; fyne package may bump Build in the file it reads:
# the committed file is put back either way.
cp FyneApp.toml "$work/FyneApp.toml.orig"
restore() { cp "$work/FyneApp.toml.orig" "$root/FyneApp.toml"; rm -f "$root/cmd/desktop/$name.exe" "$root/cmd/desktop/$name.exe.manifest"; }
trap restore EXIT INT TERM
echo "release-windows: $name.exe (cgo, $cc)"
# The fyne command is built first, for this machine: `go tool fyne` with
# CC or GOOS in its environment would build fyne itself with MinGW or for
# Windows. It is go.mod's tool version; fyne package sets GOOS=windows and
# CGO_ENABLED=1 for the build it runs, CC says which C compiler.
$go build -o "$work/fyne" fyne.io/tools/cmd/fyne
CC=$cc GOARCH=amd64 \
	"$work/fyne" package --target windows --src cmd/desktop --exe "$name.exe" \
	--name "$name" --app-id "$appid" --app-version "$version" --app-build "${build:-1}" \
	--icon "$root/$icon" --tags "$tags" --release
mv "cmd/desktop/$name.exe" "$stage/$name.exe"
restore
trap - EXIT INT TERM

echo "release-windows: motpart.exe (no cgo)"
CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $go build -trimpath -ldflags '-s -w' -o "$stage/cli/motpart.exe" ./cmd/motpart

echo "release-windows: READ-ME and licences"
# Notepad has read LF since 2018, but older editors and Excel-minded users
# expect CRLF: the READ-ME is shipped with Windows line ends.
for lang in en sv nb fi; do
	cat "packaging/README.$lang.txt"
	printf '\n'
done | sed "s/@VERSION@/$version/g; s/\$/\r/" >"$stage/READ-ME.txt"
rm -rf "$stage/licenses"
GO=$go RELEASE_TAGS=$tags scripts/release-licenses.sh "$stage/licenses" windows ./cmd/desktop ./cmd/motpart

rm -f "$zip"
(cd "$work" && zip -qr -X "$zip" "Motpart-$version")
echo "release-windows: $zip ($(du -h "$zip" | cut -f1))"
