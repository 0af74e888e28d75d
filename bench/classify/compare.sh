#!/bin/bash
# compare.sh [SECTOR_ROWS [CUSTOMER_ROWS [REPEAT]]] classifies the same
# customer register against the same sector file with the pandas script
# (classify_pandas.py, Debian's python3-pandas) and with Motpart, and
# prints wall time and peak memory (maximum resident set size, from
# /usr/bin/time -v) side by side, for docs/PERFORMANCE.md:
#
#   bench/classify/compare.sh                  # 1,200,000 and 100,000 rows, best of 3
#
# Motpart runs as bench/classify/run (package classify, as the command
# line's --sector-file does it) and, when the command line has it, as
# `motpart scb classify --sector-file`. The files come from the sandbox's
# generators (bench/gensektor, bench/gencustomers). Each program runs REPEAT times; the
# table shows the fastest run's time and the largest peak memory. The
# outputs are compared byte for byte.
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1200000}
customers=${2:-100000}
repeat=${3:-3}

if ! /usr/bin/python3 -c 'import pandas' 2>/dev/null; then
	echo "compare.sh: pandas is missing: apt-get install python3-pandas (make bench-classify does it)" >&2
	exit 1
fi
if [ ! -x /usr/bin/time ]; then
	echo "compare.sh: /usr/bin/time is missing: apt-get install time" >&2
	exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

echo "generating $rows sector rows and $customers customers..." >&2
generator="bench/gensektor and bench/gencustomers"
go run ./bench/gensektor -rows "$rows" -txt "$work/sektor.txt" -zip "$work/sektor.zip"
go run ./bench/gencustomers -rows "$customers" -sector-rows "$rows" -out "$work/kunder.csv"
go build -o "$work/run" ./bench/classify/run
CGO_ENABLED=0 go build -o "$work/motpart" ./cmd/motpart

# measure NAME OUT COMMAND...: run COMMAND REPEAT times, keep the fastest
# time and the largest peak RSS, and the output file OUT.
measure() {
	local name=$1 out=$2
	shift 2
	local best="" rss=0
	for _ in $(seq "$repeat"); do
		rm -f "$out"
		if ! /usr/bin/time -v -o "$work/time" "$@" >"$work/stdout" 2>"$work/stderr"; then
			echo "compare.sh: $name failed:" >&2
			cat "$work/stderr" "$work/time" >&2
			exit 1
		fi
		local s m
		s=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); t = 0; for (i = 1; i <= n; i++) t = t * 60 + p[i]; print t }' "$work/time")
		m=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time")
		if [ -z "$best" ] || awk -v a="$s" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$s; fi
		if [ "$m" -gt "$rss" ]; then rss=$m; fi
	done
	echo "$name|$best|$rss|$(head -c 200 "$work/stdout" | tr '\n' ' ')" >>"$work/results"
}

measure "pandas" "$work/out-pandas.csv" /usr/bin/python3 bench/classify/classify_pandas.py \
	"$work/sektor.txt" "$work/kunder.csv" "$work/out-pandas.csv" Organisationsnummer
measure "Motpart (package classify)" "$work/out-go.csv" "$work/run" -sector "$work/sektor.txt" \
	-in "$work/kunder.csv" -out "$work/out-go.csv"
cli_help=$("$work/motpart" scb classify --help 2>&1 || true)
if [[ $cli_help == *--sector-file* ]]; then
	export MOTPART_VAULT="$work/vault.db" MOTPART_PASSWORD="benchmark password"
	"$work/motpart" vault init >/dev/null
	measure "motpart scb classify --sector-file" "$work/out-cli.csv" "$work/motpart" scb classify \
		"$work/kunder.csv" --out "$work/out-cli.csv" --sector-file "$work/sektor.txt"
fi

sector_mb=$(awk -v b="$(stat -c %s "$work/sektor.txt")" 'BEGIN { printf "%.0f", b / 1e6 }')
customers_mb=$(awk -v b="$(stat -c %s "$work/kunder.csv")" 'BEGIN { printf "%.1f", b / 1e6 }')
echo
echo "sector file: $rows rows, $sector_mb MB; customers: $customers rows, $customers_mb MB ($generator); best of $repeat"
echo
awk -F'|' '
	NR == 1 { base_t = $2; base_m = $3 }
	{ name[NR] = $1; t[NR] = $2; m[NR] = $3 }
	END {
		printf "| %-36s | %13s | %15s | %14s | %16s |\n", "program", "wall time (s)", "peak RSS (MiB)", "time vs pandas", "memory vs pandas"
		printf "|%s|%s|%s|%s|%s|\n", "--------------------------------------", "--------------:", "----------------:", "---------------:", "-----------------:"
		for (i = 1; i <= NR; i++)
			printf "| %-36s | %13.2f | %15.0f | %13.1f× | %15.2f× |\n", name[i], t[i], m[i] / 1024, base_t / t[i], m[i] / base_m
	}' "$work/results"
echo
if cmp -s "$work/out-pandas.csv" "$work/out-go.csv"; then
	echo "outputs: identical"
elif cmp -s <(tr -d '"' <"$work/out-pandas.csv") <(tr -d '"' <"$work/out-go.csv"); then
	echo "outputs: identical but for CSV quoting (Go's encoding/csv quotes a field with leading spaces, pandas does not)"
else
	echo "outputs: $(diff "$work/out-pandas.csv" "$work/out-go.csv" | grep -c '^<') of $((customers + 1)) lines differ"
fi
