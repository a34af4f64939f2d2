#!/usr/bin/env bash
# Builds synthetic towns of 1,000 and 10,000 listings and prints wall time and peak memory.
# Usage: bench/run.sh path/to/sasaeai [sizes…]
set -euo pipefail
bin=$(realpath "$1"); shift
sizes=("${@:-1000 10000}")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%-10s %12s %14s %8s\n' listings seconds peak_MiB files
for n in ${sizes[@]}; do
  python3 "$root/bench/synthetic_town.py" "$n" "$work/content-$n"
  "$bin" build --content "$work/content-$n" --templates "$root/templates" --output "$work/site-$n" --quiet >/dev/null 2>&1 || true
  rm -rf "$work/site-$n"
  /usr/bin/time -f '%e %M' -o "$work/time" "$bin" build --content "$work/content-$n" --templates "$root/templates" --output "$work/site-$n" --quiet 2>/dev/null >/dev/null
  read -r secs kib < "$work/time"
  files=$(find "$work/site-$n" -type f | wc -l)
  printf '%-10s %12s %14s %8s\n' "$n" "$secs" "$((kib / 1024))" "$files"
done
