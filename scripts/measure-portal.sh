#!/usr/bin/env bash
# Sequential request latencies against a running portal: for each path, 20 warm-up requests then N measured ones
# (curl's total time over loopback), printed as a Markdown table row with p50, p95 and p99 in milliseconds.
#
#   scripts/measure-portal.sh http://127.0.0.1:5000 [-n 200] [-H 'authorization: Bearer …'] /path1 /path2 …
set -euo pipefail
base=${1:?base URL}; shift
count=200
header=()
while [[ $# -gt 0 && $1 == -* ]]; do
  case $1 in
    -n) count=$2; shift 2 ;;
    -H) header=(-H "$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for path in "$@"; do
  for _ in $(seq 20); do curl -s -o /dev/null "${header[@]}" "$base$path"; done
  code=$(curl -s -o /dev/null -w '%{http_code}' "${header[@]}" "$base$path")
  curl_times=$(for _ in $(seq "$count"); do curl -s -o /dev/null -w '%{time_total}\n' "${header[@]}" "$base$path"; done | sort -n)
  awk -v path="$path" -v code="$code" '
    { t[NR] = $1 * 1000 }
    function pct(q,   i) { i = int(q * NR + 0.999999); if (i < 1) i = 1; if (i > NR) i = NR; return t[i] }
    END { printf "| `%s` (%s) | %.1f ms | %.1f ms | %.1f ms |\n", path, code, pct(0.50), pct(0.95), pct(0.99) }' <<<"$curl_times"
done
