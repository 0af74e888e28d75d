#!/bin/sh
# release-linux.sh DIST [deb] builds Motpart for linux/amd64 into a staged
# tree and packs it:
#
#   DIST/linux/Motpart-VERSION/             the staged tree (bin/, share/, licenses/)
#   DIST/Motpart-VERSION-linux-amd64.tar.xz the tarball, with `make install` inside
#   DIST/motpart_VERSION_amd64.deb          with "deb": nFPM's Debian package
#
# It never writes bin/ (the developer's own build), and it does the least it
# can: go build leaves an up-to-date binary alone, files are copied only when
# they differ, and the tarball and .deb are remade only when something in
# the tree is newer than they are.
set -eu
cd "$(dirname "$0")/.."
dist=${1:-dist}
want_deb=${2:-}
go=${GO:-go}
tags=${APPTAGS:-x11,migrated_fynedo,no_emoji}

version=$(sed -n 's/^Version *= *"\([^"]*\)".*/\1/p' FyneApp.toml | head -n 1)
[ -n "$version" ] || { echo "release-linux: no Version in FyneApp.toml" >&2; exit 1; }
root=$(pwd)
work="$root/$dist/linux"
name="Motpart-$version"
stage="$work/$name"
tarball="$root/$dist/$name-linux-amd64.tar.xz"
deb="$root/$dist/motpart_${version}_amd64.deb"
id=io.github.motpart.Motpart

# put SRC DST copies SRC to DST only when they differ (keeping DST's time).
put() {
	mkdir -p "$(dirname "$2")"
	cmp -s "$1" "$2" 2>/dev/null || cp "$1" "$2"
}

mkdir -p "$stage/bin" "$work/build"
echo "release-linux: motpart-desktop and motpart"
# go build compiles nothing that is cached but links again each time, so the
# programs are built beside the tree and copied in only when they differ
# (the build is reproducible: -trimpath, the same commit gives the same bytes).
CGO_ENABLED=1 $go build -tags "$tags" -trimpath -ldflags '-s -w' -o "$work/build/motpart-desktop" ./cmd/desktop
CGO_ENABLED=0 $go build -trimpath -ldflags '-s -w' -o "$work/build/motpart" ./cmd/motpart
put "$work/build/motpart-desktop" "$stage/bin/motpart-desktop"
put "$work/build/motpart" "$stage/bin/motpart"

put packaging/linux/$id.desktop "$stage/share/applications/$id.desktop"
put assets/icon.png "$stage/share/icons/hicolor/512x512/apps/$id.png"
put packaging/linux/Makefile "$stage/Makefile"
for lang in en sv nb fi; do cat "packaging/README.$lang.txt"; printf '\n'; done |
	sed "s/@VERSION@/$version/g" >"$work/README.txt.new"
put "$work/README.txt.new" "$stage/README.txt"
rm -f "$work/README.txt.new"
# The licences change only with go.mod/go.sum (or Go itself).
if [ ! -f "$stage/licenses/MODULES.txt" ] || [ go.mod -nt "$stage/licenses/MODULES.txt" ] ||
	[ go.sum -nt "$stage/licenses/MODULES.txt" ] ||
	! grep -q "^go $($go env GOVERSION) " "$stage/licenses/MODULES.txt"; then
	rm -rf "$stage/licenses"
	GO=$go RELEASE_TAGS=$tags scripts/release-licenses.sh "$stage/licenses" linux ./cmd/desktop ./cmd/motpart
fi

# newer FILE: is anything in the staged tree newer than FILE (or FILE absent)?
newer() { [ ! -f "$1" ] || [ -n "$(find "$stage" -newer "$1" -print -quit)" ]; }

if newer "$tarball"; then
	echo "release-linux: $tarball"
	tar -C "$work" --owner=0 --group=0 --sort=name -cJf "$tarball.new" "$name"
	mv "$tarball.new" "$tarball"
else
	echo "release-linux: $tarball is up to date"
fi

[ "$want_deb" = deb ] || exit 0
if newer "$deb"; then
	echo "release-linux: $deb (nFPM)"
	sed "s|@VERSION@|$version|g; s|@STAGE@|$stage|g" packaging/nfpm.yaml >"$work/nfpm.yaml"
	rm -f "$deb"
	$go -C packaging/nfpm tool nfpm package --config "$work/nfpm.yaml" --packager deb --target "$deb"
else
	echo "release-linux: $deb is up to date"
fi
