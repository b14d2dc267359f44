#!/usr/bin/env bash
# The long fuzz run (docs/testing.md): Jazzer's command line on FeatureFuzzTest, in JOBS
# processes side by side, EXECUTIONS inputs in all. Needs ../shared/logbooks beside the project.
#
#   bash scripts/fuzz.sh [EXECUTIONS] [JOBS]      # defaults: 10000000 executions, 2 processes
#
# New corpus entries go to server/target/fuzz/corpus; a finding (crash, exception, hang over 10 s,
# out of memory) is written to server/target/fuzz/findings/ and makes the script fail. Copy a finding
# into src/test/resources/org/logbookls/fuzz/FeatureFuzzTestInputs/everyFeature/ so that CI replays
# it, fix it, and add a fixture for the bug.
set -euo pipefail

executions=${1:-10000000}
jobs=${2:-2}
root=$(cd "$(dirname "$0")/.." && pwd)
server="$root/server"
work="$server/target/fuzz"
shared=$(cd "$root/../shared/logbooks" && pwd)
seeds="$server/src/test/resources/org/logbookls/fuzz/FeatureFuzzTestInputs/everyFeature"

cd "$server"
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt"
mkdir -p "$work/corpus" "$work/findings" "$work/logs"
classpath="$server/target/test-classes:$server/target/classes:$(cat "$work/classpath.txt")"

per_job=$(( (executions + jobs - 1) / jobs ))
started=$(date +%s)
pids=()
for job in $(seq 1 "$jobs"); do
  java -Xmx1g -XX:+UseSerialGC -Dlogbook.sharedLogbooks="$shared" -cp "$classpath" com.code_intelligence.jazzer.Jazzer \
    --target_class=org.logbookls.fuzz.FeatureFuzzTest \
    --instrumentation_includes='org.logbookls.**:org.commonmark.**' \
    --disabled_hooks=com.code_intelligence.jazzer.sanitizers.RegexRoadblocks:com.code_intelligence.jazzer.sanitizers.RegexInjection \
    -runs="$per_job" -seed="$job" -reload=0 -max_total_time=0 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$work/findings/" "$work/corpus" "$seeds" \
    > "$work/logs/job-$job.log" 2>&1 &
  pids+=($!)
done

failed=0
for pid in "${pids[@]}"; do
  wait "$pid" || failed=1
done
elapsed=$(( $(date +%s) - started ))
total=0
for job in $(seq 1 "$jobs"); do
  log="$work/logs/job-$job.log"
  # After a finding, libFuzzer prints its final statistics twice: the last line counts.
  ran=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || echo 0)
  total=$(( total + ran ))
  echo "job $job: $ran executions; $(grep -E "^Done [0-9]+ runs" "$log" | tail -1)"
done
echo "total: $total executions in ${elapsed} s by $jobs processes; findings: $(ls "$work/findings" | wc -l) (in $work/findings)"
if [ "$failed" -ne 0 ] || [ -n "$(ls "$work/findings")" ]; then
  echo "FAILED: see $work/logs/ and $work/findings/" >&2
  exit 1
fi
