#!/bin/sh
# Issue 13's before/after: the same bench (this tree's bench/) against two builds, run back to
# back, `RUNS` times each, alternating, so both see the same load. BEFORE is a built checkout of
# main (e.g. `git worktree add --detach ../before main`, node_modules and dist copied or built).
# Usage: BEFORE=/path/to/before RUNS=3 sh bench/beforeAfter.sh; then node bench/lib/beforeAfter.mjs.
# DEFAULT_SIZES (1000,2000) are the default-pace rows; 5,000 there adds about 4 minutes a run and side.
# ROWS=bound runs the rows bounded by the sweep instead: 5,000 services at the default pace and the
# throttling model at 1,000, 2,000 and 5,000 (about 12 minutes a run and side).
set -eu
AFTER=$(cd "$(dirname "$0")/.." && pwd)
OUT=${OUT:-/tmp/mona-bench-ba}
RUNS=${RUNS:-3}
DEFAULT_SIZES=${DEFAULT_SIZES:-1000,2000}
ROWS=${ROWS:-issue13}
mkdir -p "$OUT"
cp -r "$AFTER/bench/." "$BEFORE/bench/"
for i in $(seq 1 "$RUNS"); do
  for side in before after; do
    if [ "$side" = before ]; then dir=$BEFORE; else dir=$AFTER; fi
    echo "run $i, $side"
    if [ "$ROWS" = bound ]; then
      (cd "$dir" && BENCH_SIZES=5000 BENCH_MODES=default BENCH_SAMPLES=24 BENCH_MICRO=0 BENCH_IDLE=0 BENCH_OUT="$OUT/$side-bound-default-$i.json" node bench/run.mjs)
      (cd "$dir" && BENCH_SIZES=1000,2000,5000 BENCH_MODES=throttle BENCH_SAMPLES=24 BENCH_MICRO=0 BENCH_IDLE=0 BENCH_OUT="$OUT/$side-bound-throttle-$i.json" node bench/run.mjs)
      continue
    fi
    (cd "$dir" && BENCH_SIZES=$DEFAULT_SIZES BENCH_MODES=default BENCH_SAMPLES=24 BENCH_MICRO=0 BENCH_OUT="$OUT/$side-default-$i.json" node bench/run.mjs)
    (cd "$dir" && BENCH_SIZES=5000 BENCH_MODES=open BENCH_SAMPLES=24 BENCH_MICRO=0 BENCH_IDLE=0 BENCH_OUT="$OUT/$side-open-$i.json" node bench/run.mjs)
  done
done
