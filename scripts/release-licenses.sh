#!/bin/sh
# release-licenses.sh OUTDIR GOOS PACKAGE... collects the licence files of
# every module the given packages are built from, as `go list -deps` sees
# them for GOOS (amd64, the release build tags), from the module cache:
# OUTDIR/<module path>/LICENSE*, COPYING*, NOTICE* (and Go's own licence,
# for the runtime and standard library linked into every program), plus
# OUTDIR/MODULES.txt with each module's path and version.
#
# A module without any such file stops the release: shipping code whose
# licence we cannot show is not allowed.
set -eu
out=$1
goos=$2
shift 2
tags=${RELEASE_TAGS:-x11,migrated_fynedo,no_emoji}
go=${GO:-go}

mkdir -p "$out"
modules=$(GOOS=$goos GOARCH=amd64 CGO_ENABLED=1 $go list -deps -tags "$tags" \
	-f '{{with .Module}}{{if not .Main}}{{if .Replace}}{{.Replace.Path}} {{.Replace.Version}} {{.Replace.Dir}}{{else}}{{.Path}} {{.Version}} {{.Dir}}{{end}}{{end}}{{end}}' \
	"$@" | sort -u)
[ -n "$modules" ] || { echo "release-licenses: go list found no modules for $*" >&2; exit 1; }

missing=""
echo "$modules" | while read -r path version dir; do
	[ -n "$path" ] || continue
	if [ -z "$dir" ] || [ ! -d "$dir" ]; then
		echo "release-licenses: $path $version is not in the module cache (go mod download)" >&2
		exit 1
	fi
	dest="$out/$path"
	mkdir -p "$dest"
	found=0
	for f in "$dir"/LICENSE* "$dir"/LICENCE* "$dir"/COPYING* "$dir"/NOTICE* "$dir"/license* "$dir"/License*; do
		[ -f "$f" ] || continue
		cp "$f" "$dest/"
		chmod u+w "$dest/$(basename "$f")"
		found=1
	done
	if [ "$found" = 0 ]; then
		echo "release-licenses: $path $version has no LICENSE, COPYING or NOTICE file in $dir" >&2
		exit 1
	fi
	echo "$path $version" >>"$out/MODULES.txt.new"
done || missing=1
if [ -n "$missing" ]; then
	rm -f "$out/MODULES.txt.new"
	exit 1
fi
mkdir -p "$out/go"
cp "$($go env GOROOT)/LICENSE" "$out/go/LICENSE"
chmod u+w "$out/go/LICENSE"
echo "go $($go env GOVERSION) (runtime and standard library)" >>"$out/MODULES.txt.new"
sort -u "$out/MODULES.txt.new" >"$out/MODULES.txt"
rm -f "$out/MODULES.txt.new"
echo "release-licenses: $(wc -l <"$out/MODULES.txt") modules' licences in $out"
