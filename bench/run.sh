#!/usr/bin/env bash
# Builds synthetic towns with Sasaeai and an equivalent Hugo site (Debian's hugo), alternately, in
# one run, and prints medians of wall, CPU and peak memory, the output's files, bytes and largest
# page, the Hugo/Sasaeai wall ratio, and Sasaeai's no-op and one-row rebuild times.
#
# Usage: bench/run.sh path/to/sasaeai [sizes…]     (default sizes: 1000 10000; BENCH_100K=1 adds 100000)
#        BENCH_RUNS=N  counted runs of each build (default 3)
set -euo pipefail
bin=$(realpath "$1"); shift
if [ "$#" -gt 0 ]; then sizes=("$@"); else sizes=(1000 10000); [ "${BENCH_100K:-}" = 1 ] && sizes+=(100000); fi
runs=${BENCH_RUNS:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v hugo >/dev/null || { echo "bench: installing Debian's hugo"; apt-get install -y -qq hugo >/dev/null; }

# time_cmd OUTFILE CMD… : appends "wall cpu peak_kib" of one run to OUTFILE.
time_cmd() {
  local out=$1; shift
  /usr/bin/time -f '%e %U %S %M' -o "$work/t" "$@" >/dev/null 2>&1 || { echo "bench: failed: $*" >&2; exit 1; }
  awk '{ printf "%s %.2f %d\n", $1, $2 + $3, $4 }' "$work/t" >> "$out"
}
# set_aside DIR… : moves the previous runs' output out of the way, to be deleted after the timed
# runs. Deleting ten thousand folders just before a build makes ext4 skip every inode freed in the
# last minute when it allocates new ones (`recently_deleted` in the kernel's profile): the next
# build, whichever tool it is, then spends seconds of system time on that instead of its own work.
set_aside() { for d in "$@"; do [ -e "$d" ] && mv "$d" "$work/trash/$(date +%s%N)"; done; return 0; }
mkdir -p "$work/trash"
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
col() { awk -v c="$2" '{ print $c }' "$1" | median; }
largest() { find "$1" -name '*.html' -printf '%s\n' | sort -n | tail -1 | awk '{ printf "%.0f KiB", $1 / 1024 }'; }

printf '%-8s %-8s %8s %8s %9s %8s %10s %12s %8s\n' listings tool wall_s cpu_s peak_MiB files MiB largest_page ratio
for n in "${sizes[@]}"; do
  c="$work/content-$n"; h="$work/hugo-$n"
  python3 "$root/bench/synthetic_town.py" "$n" "$c"
  python3 "$root/bench/hugo_town.py" "$c" "$h"
  : > "$work/s-$n"; : > "$work/h-$n"
  # One untimed build of each first: it reads the files into the page cache for both tools, and
  # Sasaeai's records the newest issue's listings in content/history/ (SPEC 3.4), as a
  # coordinator's first build does, so every timed build reads the same content.
  "$bin" build --content "$c" --templates "$root/templates" --output "$work/site-$n" --quiet
  hugo --quiet -s "$h" -d "$work/hout-$n" >/dev/null
  for i in $(seq "$runs"); do
    set_aside "$work/site-$n" "$work/hout-$n"
    time_cmd "$work/s-$n" "$bin" build --content "$c" --templates "$root/templates" --output "$work/site-$n" --quiet
    time_cmd "$work/h-$n" hugo --quiet -s "$h" -d "$work/hout-$n"
  done
  rm -rf "$work/trash"/*
  sw=$(col "$work/s-$n" 1); hw=$(col "$work/h-$n" 1)
  for tool in sasaeai hugo; do
    if [ $tool = sasaeai ]; then f="$work/s-$n"; d="$work/site-$n"; else f="$work/h-$n"; d="$work/hout-$n"; fi
    ratio=$(awk -v s="$sw" -v h="$hw" -v t=$tool 'BEGIN { if (t == "sasaeai") printf "%.2f", h / s; else print "" }')
    printf '%-8s %-8s %8s %8s %9d %8d %10.1f %12s %8s\n' "$n" $tool "$(col "$f" 1)" "$(col "$f" 2)" \
      "$(( $(col "$f" 3 | cut -d. -f1) / 1024 ))" "$(find "$d" -type f | wc -l)" \
      "$(du -sb "$d" | awk '{ print $1 / 1048576 }')" "$(largest "$d")" "$ratio"
  done
  # Rebuilds into the existing site: nothing changed, then one row edited.
  : > "$work/noop-$n"; : > "$work/one-$n"
  for i in $(seq "$runs"); do
    time_cmd "$work/noop-$n" "$bin" build --content "$c" --templates "$root/templates" --output "$work/site-$n" --quiet
    sed -i "0,/公民館/s//公民館改$i/" "$c/listings/t0000.tsv"
    time_cmd "$work/one-$n" "$bin" build --content "$c" --templates "$root/templates" --output "$work/site-$n" --quiet
  done
  printf '%-8s %-8s %8s   (no-op rebuild: %s s, %s%% of full; one row changed: %s s, %s%%)\n' "$n" rebuild "" \
    "$(col "$work/noop-$n" 1)" "$(awk -v a="$(col "$work/noop-$n" 1)" -v b="$sw" 'BEGIN { printf "%.0f", 100 * a / b }')" \
    "$(col "$work/one-$n" 1)" "$(awk -v a="$(col "$work/one-$n" 1)" -v b="$sw" 'BEGIN { printf "%.0f", 100 * a / b }')"
  # A rebuild keeps pages it did not render: the site must be what a fresh build makes.
  "$bin" build --content "$c" --templates "$root/templates" --output "$work/fresh-$n" --quiet
  if diff -r "$work/site-$n" "$work/fresh-$n" >/dev/null; then
    echo "$n: the rebuilt site is byte for byte a fresh build's"
  else
    echo "bench: $n: the rebuilt site differs from a fresh build" >&2; exit 1
  fi
  rm -rf "$work/fresh-$n"
done

# A bulletin with 1,000 listing embeds, against the same town with one.
c="$work/content-embeds"
python3 "$root/bench/synthetic_town.py" 1000 "$c" 1000
: > "$work/embeds"; : > "$work/plain"
python3 "$root/bench/synthetic_town.py" 1000 "$work/content-plain" 1
"$bin" build --content "$c" --templates "$root/templates" --output "$work/site-embeds" --quiet
"$bin" build --content "$work/content-plain" --templates "$root/templates" --output "$work/site-plain" --quiet
for i in $(seq "$runs"); do
  set_aside "$work/site-embeds" "$work/site-plain"
  time_cmd "$work/embeds" "$bin" build --content "$c" --templates "$root/templates" --output "$work/site-embeds" --quiet
  time_cmd "$work/plain" "$bin" build --content "$work/content-plain" --templates "$root/templates" --output "$work/site-plain" --quiet
done
printf '1000 listings, 1000 embeds in one bulletin: %s s (the same town with one embed: %s s)\n' \
  "$(col "$work/embeds" 1)" "$(col "$work/plain" 1)"
