#!/bin/sh
# release-crosscheck.sh: the quick part of a release that CI runs on every
# change (`make cross-check`): without cgo, vet every package that does not
# need it for macOS (GOOS=darwin; the window and the GUI packages need cgo and
# a Mac, docs/RELEASE.md), and build the command line for macOS and Windows.
# A few seconds once the build cache is warm.
set -eu
cd "$(dirname "$0")/.."
go=${GO:-go}
tags=${TAGS:-x11,migrated_fynedo}

# The packages whose build does not reach Fyne (which needs cgo on darwin)
# and that are complete without cgo.
pkgs=$(CGO_ENABLED=0 GOOS=darwin GOARCH=arm64 $go list -e -tags "$tags" \
	-f '{{.ImportPath}}{{if .Incomplete}} incomplete{{end}}{{range .Deps}}{{if eq . "fyne.io/fyne/v2"}} fyne{{end}}{{end}}' ./... |
	awk 'NF == 1 { print $1 }')
[ -n "$pkgs" ] || { echo "cross-check: no packages without Fyne?" >&2; exit 1; }
echo "cross-check: go vet, darwin/arm64, $(echo "$pkgs" | wc -l) packages without cgo"
# shellcheck disable=SC2086
CGO_ENABLED=0 GOOS=darwin GOARCH=arm64 $go vet -tags "$tags" $pkgs
for target in darwin/arm64 darwin/amd64 windows/amd64; do
	echo "cross-check: go build ./cmd/motpart for $target"
	CGO_ENABLED=0 GOOS=${target%/*} GOARCH=${target#*/} $go build -o /dev/null ./cmd/motpart
done
echo "cross-check: go vet, windows/amd64, ./cmd/motpart"
CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $go vet -tags "$tags" ./cmd/motpart
