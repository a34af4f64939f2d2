#!/usr/bin/env bash
# `check` of one very large table (issue 8 case 9): wall time and peak memory of a release binary.
# The synthetic town's listings are written as a single table of N rows (default 1,000,000)
# instead of files of 5,000, as a council's full export would be.
#   bench/check_1m.sh path/to/sasaeai [rows]
set -euo pipefail
bin=$(realpath "$1")
rows="${2:-1000000}"
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/bench/synthetic_town.py" "$rows" "$work/content" >/dev/null
# One table: the first file's header, then every file's rows.
table="$work/content/listings/all.tsv"
first=1
for f in "$work"/content/listings/t*.tsv; do
  if [ "$first" = 1 ]; then cat "$f" > "$table"; first=0; else tail -n +2 "$f" >> "$table"; fi
  rm "$f"
done
size=$(du -m "$table" | cut -f1)
/usr/bin/time -f '%e %U %S %M' -o "$work/time" "$bin" check --content "$work/content" >"$work/out" 2>&1 || true
read -r secs user sys kib < "$work/time"
# A run that failed or dropped rows measures nothing: the listings checked must be the rows written.
checked=$(sed -n 's/^掲載 \([0-9]*\) 件.*/\1/p' "$work/out")
if [ "$checked" != "$rows" ]; then
  echo "check did not read the $rows rows (it said: ${checked:-nothing}):" >&2
  tail -n 5 "$work/out" >&2
  exit 1
fi
# CPU time beside wall time: on a shared machine the wall time says more about the others.
printf '%-10s %10s %10s %10s %10s %10s\n' rows table_MiB wall_s user_s sys_s peak_MiB
printf '%-10s %10s %10s %10s %10s %10s\n' "$rows" "$size" "$secs" "$user" "$sys" "$((kib / 1024))"
