#!/usr/bin/env bash
# Builds the SasaeaiInput fuzz targets with libFuzzer + AddressSanitizer and runs each for
# the given seconds (default 30). Crashes land in fuzz-out/<target>/ as crash-*; turn each into
# a regression test in Tests/SasaeaiInputTests/FuzzRegressionTests.swift.
#   fuzz/run.sh [seconds] [target…]      targets: table privacy workbook decode frontmatter date
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(table privacy workbook decode frontmatter date)
out=fuzz-out
mkdir -p "$out/mod"
flags=(-O -g -sanitize=fuzzer,address -parse-as-library)
# libFuzzer prints the crash's stack itself; Swift's backtracer, started on the same crash,
# can outlive the target holding the output pipe open, so a run that found a crash never ends.
export SWIFT_BACKTRACE=enable=no

# Build from a snapshot so editing the sources while a long run builds cannot break it.
rm -rf "$out/src" && mkdir -p "$out/src/input"
cp Sources/SasaeaiInput/*.swift "$out/src/input/"
cp Sources/SasaeaiSchedule/LocalDate.swift fuzz/*.swift "$out/src/"

# SasaeaiSchedule is its own module in the package; build just what SasaeaiInput imports.
swiftc "${flags[@]}" -module-name SasaeaiSchedule -emit-module -emit-module-path "$out/mod/SasaeaiSchedule.swiftmodule" \
    -c "$out/src/LocalDate.swift" -o "$out/SasaeaiSchedule.o"

# ZIPFoundation (workbooks) from the package's own checkout, without the sanitizer's fuzzer
# hooks (its inflate loops are not what is fuzzed) but with AddressSanitizer.
[ -d .build/checkouts/ZIPFoundation ] || swift package resolve
if [ ! -f "$out/ZIPFoundation.o" ]; then
    swiftc -O -g -sanitize=address -parse-as-library -module-name ZIPFoundation -emit-module \
        -Xcc -fmodule-map-file=.build/checkouts/ZIPFoundation/Sources/CZLib/module.modulemap -Xcc -D_GNU_SOURCE=1 \
        -emit-module-path "$out/mod/ZIPFoundation.swiftmodule" -wmo \
        .build/checkouts/ZIPFoundation/Sources/ZIPFoundation/*.swift -c -o "$out/ZIPFoundation.o"
fi

for target in "${targets[@]}"; do
    echo "== building $target"
    swiftc "${flags[@]}" -I "$out/mod" -module-name SasaeaiInputFuzz \
        -Xcc -fmodule-map-file=.build/checkouts/ZIPFoundation/Sources/CZLib/module.modulemap -Xcc -D_GNU_SOURCE=1 \
        "$out"/src/input/*.swift "$out/src/FuzzSupport.swift" "$out/src/$target.swift" "$out/SasaeaiSchedule.o" "$out/ZIPFoundation.o" -lz \
        -o "$out/fuzz-$target"
done

status=0
for target in "${targets[@]}"; do
    corpus="$out/$target/corpus"
    mkdir -p "$corpus"
    cp -n fuzz/seeds/"$target"/* "$corpus"/ 2>/dev/null || true
    echo "== running $target for ${seconds}s"
    max_len=4096
    extra=()
    asan=""
    if [ "$target" = workbook ]; then
        max_len=16384   # a small .xlsx is 5–7 KB
        # FoundationXML leaks the CFError it builds for each XML syntax error (inside
        # swift-corelibs-foundation, not in code here); leak reports would stop every run.
        extra=(-detect_leaks=0)
        # A part whose deflate stream is cut short is abandoned on a spinning thread (see
        # `Extraction` in Workbook.swift: ZIPFoundation loops there); what that thread holds
        # is reported as leaked when the process exits, which is not a finding.
        asan=detect_leaks=0
    fi
    if ! (cd "$out/$target" && ASAN_OPTIONS="$asan" ../fuzz-$target -max_total_time="$seconds" -max_len="$max_len" -timeout=10 \
            -dict="../../fuzz/dicts/$target.dict" \
            -rss_limit_mb=2048 -print_final_stats=1 "${extra[@]}" corpus 2>&1 | tail -n 25); then
        status=1
        echo "!! $target found a problem; see $out/$target/crash-* or timeout-*"
    fi
done
exit $status
