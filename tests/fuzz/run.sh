#!/usr/bin/env bash
# Runs every fuzz target built in BUILD (default build-fuzz) for SECONDS each (default
# 60), one after the other, starting from the seed corpus. New inputs go to
# BUILD/fuzz-corpus/<name> (kept between runs, never into the source tree); a crash, a
# sanitizer report, a leak or a timeout writes BUILD/fuzz-artifacts/<name>/crash-* and
# fails the run. Prints one line per target: executions, rate, corpus size.
#   tests/fuzz/run.sh [BUILD] [SECONDS] [extra libFuzzer flags...]
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-build-fuzz}"
secs="${2:-60}"
shift 2 2>/dev/null || shift $#
status=0
summary="$build/fuzz-summary.txt"
: > "$summary"
for exe in "$build"/fuzz_*; do
  [ -x "$exe" ] && [ -f "$exe" ] || continue
  name="$(basename "$exe")"; name="${name#fuzz_}"
  work="$build/fuzz-corpus/$name"; art="$build/fuzz-artifacts/$name"
  mkdir -p "$work" "$art"
  dict=(); [ -f "$here/$name.dict" ] && dict=(-dict="$here/$name.dict")
  log="$build/fuzz-$name.log"
  echo "fuzz: $name for ${secs}s (log $log)"
  ASAN_OPTIONS="detect_leaks=1:${ASAN_OPTIONS:-}" UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1" \
    "$exe" "${dict[@]}" -max_total_time="$secs" -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$art/" "$@" "$work" "$here/corpus/$name" > "$log" 2>&1
  rc=$?
  execs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')"
  rate="$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')"
  cov="$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo '?')"
  line="$name: ${execs} executions in ${secs}s (${rate}/s), coverage ${cov} edges, corpus $(ls "$work" | wc -l) new + $(ls "$here/corpus/$name" | wc -l) seeds, exit $rc"
  echo "$line" | tee -a "$summary"
  if [ "$rc" -ne 0 ]; then
    status=1
    echo "fuzz: $name FAILED; the last lines of $log:" >&2
    tail -40 "$log" >&2
    echo "fuzz: reproduce with $exe $art/crash-*; then copy the input to tests/fuzz/regressions/$name/" >&2
  fi
done
[ -s "$summary" ] || { echo "fuzz: no fuzz targets in $build" >&2; exit 1; }
exit $status
