#!/usr/bin/env bash
# make fuzz SECONDS=N: builds the fuzz targets, then runs each for N seconds, one after the
# other on one core. The corpus starts from the shipped flows, the validator fixtures and
# fuzz/seeds/, in a temporary directory that is removed afterwards (set FUZZ_CORPUS=DIR to keep
# and reuse one). Crashing, hanging or memory-hungry inputs are saved in .build/fuzz/artifacts/;
# each one found must become a case in Tests/LotrFlowTests/FuzzRegressionTests.swift.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SECONDS_EACH=${1:-60}
TARGETS=${FUZZ_TARGETS:-"flow-loader expression answers-reader"}
OUT=$ROOT/.build/fuzz
ART=$OUT/artifacts
# Swift's own crash handler would take a trap (force unwrap, overflow) before libFuzzer does,
# and then the crashing input is not saved.
export SWIFT_BACKTRACE=enable=no
bash fuzz/build.sh
mkdir -p "$ART"

if [ -n "${FUZZ_CORPUS:-}" ]; then
    CORPUS=$FUZZ_CORPUS; mkdir -p "$CORPUS"
else
    CORPUS=$(mktemp -d "${TMPDIR:-/tmp}/lotr-fuzz.XXXXXX")
    trap 'rm -rf "$CORPUS"' EXIT
fi

status=0
# Artifacts from earlier runs stay in $ART; only those written from now on are reported.
STAMP=$(mktemp "${TMPDIR:-/tmp}/lotr-fuzz-stamp.XXXXXX")
# Inputs that once crashed: replay each (quick, no fuzzing) and say which still crash. They are
# not added to the corpus, so that a known crash does not stop the search for new ones.
replay() {
    local target=$1 dir=$2 input
    [ -d "$dir" ] || return 0
    for input in "$dir"/*; do
        [ -f "$input" ] || continue
        if ! "$OUT/$target" -runs=1 -artifact_prefix="$OUT/replay-" "$input" >/dev/null 2>&1; then
            echo "fuzz: $target still crashes on the saved regression input $input"
            status=1
        fi
    done
}
replay flow-loader Tests/LotrFlowTests/Fixtures/fuzz-regressions/flow-loader
replay expression Tests/LotrFlowTests/Fixtures/fuzz-regressions/expression
replay answers-reader Tests/LotrFlowTests/Fixtures/fuzz-regressions/answers-reader

for target in $TARGETS; do
    case $target in
        flow-loader) dict=fuzz/flow.dict; max_len=20000 ;;
        expression) dict=fuzz/expression.dict; max_len=600 ;;
        answers-reader) dict=fuzz/answers.dict; max_len=8000 ;;
        *) echo "fuzz: unknown target $target" >&2; exit 2 ;;
    esac
    dir=$CORPUS/$target
    mkdir -p "$dir"
    python3 fuzz/seeds.py "$target" "$dir"
    echo "fuzz: $target for ${SECONDS_EACH}s ($(ls "$dir" | wc -l) inputs in the corpus)"
    log=$OUT/$target.log
    : >"$log"
    # One process on one core. libFuzzer stops at the first crash (saving the input and the
    # stack in the log), so it is started again with the time left, from the grown corpus.
    # -timeout flags inputs that take seconds (a sign of super-linear work).
    end=$(( $(date +%s) + SECONDS_EACH )) stops=0
    while left=$(( end - $(date +%s) )); [ "$left" -gt 0 ] && [ "$stops" -lt 20 ]; do
        if ! "$OUT/$target" "$dir" -dict="$dict" -max_len=$max_len \
                -max_total_time="$left" -timeout=5 -rss_limit_mb=2048 \
                -artifact_prefix="$ART/$target-" -print_final_stats=1 >>"$log" 2>&1; then
            status=1 stops=$((stops + 1))
            echo "fuzz: $target stopped on a problem; the stack is in $log"
            # A corpus input that crashes would stop every restart at once: take it out.
            for a in "$ART/$target"-*; do if [ -f "$a" ]; then rm -f "$dir/${a##*-}"; fi; done
        fi
    done
    grep -E '^#[0-9]+.*cov:' "$log" | tail -1 || true
    awk '/^stat::number_of_executed_units/ {runs += $2} /^stat::peak_rss_mb/ {if ($2 > rss) rss = $2}
         END {printf "  %d inputs run, peak RSS %d MB\n", runs, rss}' "$log"
    found=$(find "$ART" -name "$target-*" -newer "$STAMP" -printf '%f\n' | grep -E "^$target-(crash|timeout|oom|leak)" || true)
    if [ -n "$found" ]; then
        echo "fuzz: $target found problems (inputs in $ART):"; echo "$found" | sed 's/^/  /'
        status=1
    fi
done
rm -f "$STAMP"
exit $status
