#!/bin/sh
# rrh-import.sh MB... measures `motpart rrh import` of a generated
# totalbestand of each size: throughput (MB/s) and peak memory (maximum
# resident set size), for docs/PERFORMANCE.md.
#
#   bench/rrh-import.sh 50 500
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
CGO_ENABLED=0 go build -o "$work/motpart" ./cmd/motpart
go build -o "$work/gentotal" ./bench/gentotal
export MOTPART_VAULT="$work/vault.db" MOTPART_PASSWORD="benchmark password"
"$work/motpart" vault init >/dev/null
for mb in "${@:-50}"; do
	"$work/gentotal" -mb "$mb" >"$work/total.json"
	bytes=$(stat -c %s "$work/total.json")
	/usr/bin/time -f '%e %M' -o "$work/time" "$work/motpart" rrh import --date 2026-11-26 "$work/total.json" >"$work/out" 2>/dev/null
	read -r secs rss <"$work/time"
	awk -v b="$bytes" -v s="$secs" -v r="$rss" -v o="$(cat "$work/out")" 'BEGIN {
		printf "%.0f MB in %.2f s: %.1f MB/s, peak RSS %.0f MiB (%s)\n", b/1e6, s, b/1e6/s, r/1024, o }'
	rm -f "$work/total.json"
done
