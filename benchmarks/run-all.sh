#!/usr/bin/env bash
# Every figure of benchmarks/README.md from one run, on a quiet machine:
#   1. the BenchmarkDotNet suites (module stepping compiled vs interpreted, generate end to end, each exporter,
#      CSV writer choice, FHIR writer vs Firely), --job short;
#   2. synthpatients generate, 1,000 patients, CSV only and all formats, written to disk (wall, CPU, peak RSS, bytes);
#   3. dd on the same disk, synced and into the page cache;
#   4. memory as N grows: CSV-only --dry-run runs (records generated and encoded, bytes dropped: 1,000,000 patients
#      are ~250 GB of CSV, more than the disk holds) at 10k, 100k and 1M patients, peak RSS from /usr/bin/time -v.
# Usage: benchmarks/run-all.sh [results-folder]   (SCALE="10000 100000" to skip the 1M run; BDN_FILTER to narrow 1.)
set -euo pipefail
cd "$(dirname "$0")/.."

results=${1:-benchmarks/results/$(date -u +%Y-%m-%d)}
scale=${SCALE:-10000 100000 1000000}
filter=${BDN_FILTER:-*}
mkdir -p "$results"
results=$(cd "$results" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/sp-bench-run.XXXXXX")
trap 'rm -rf "$work" dd.tmp' EXIT

{
  date -u +"%Y-%m-%dT%H:%MZ"
  grep -m1 "model name" /proc/cpuinfo
  echo "cores: $(nproc)"
  free -g | head -2
  echo "dotnet $(dotnet --version)"
  uptime
} > "$results/machine.txt"

echo "== 1. BenchmarkDotNet suites"
dotnet run -c Release --project benchmarks/SyntheticPatients.Benchmarks -- \
  --filter "$filter" --job short --artifacts "$results/bdn" | tee "$results/bdn.log" | grep -E "^\|| Run time" || true

echo "== 2. synthpatients generate, 1,000 patients"
dotnet build -c Release src/SyntheticPatients.Tool -v q -nologo > /dev/null
tool=(dotnet src/SyntheticPatients.Tool/bin/Release/net10.0/synthpatients.dll)
run() { # name, then generate's arguments; keeps the closing line and /usr/bin/time's report
  local name=$1; shift
  /usr/bin/time -v "${tool[@]}" generate "$@" > "$results/$name.out" 2> "$results/$name.time"
  tail -n 1 "$results/$name.out"
}
run cli-csv -n 1000 --seed 42 -o "$work/csv" --skip-fhir --skip-hl7 --skip-vista --skip-report
du -sb "$work/csv" > "$results/cli-csv.bytes"; rm -rf "$work/csv"
run cli-all -n 1000 --seed 42 -o "$work/all"
du -sb "$work/all" > "$results/cli-all.bytes"; rm -rf "$work/all"

echo "== 3. dd"
dd if=/dev/zero of=dd.tmp bs=1M count=4096 conv=fdatasync 2>&1 | tail -n 1 | tee "$results/dd-synced.txt"
rm -f dd.tmp
dd if=/dev/zero of=dd.tmp bs=1M count=4096 2>&1 | tail -n 1 | tee "$results/dd-page-cache.txt"
rm -f dd.tmp

echo "== 4. memory as N grows (CSV only, --dry-run)"
for n in $scale; do
  run "scale-$n" -n "$n" --seed 42 -o "$work/scale" --dry-run --skip-fhir --skip-hl7 --skip-vista --skip-report
done

echo "== summary"
for f in "$results"/*.time; do
  printf '%-16s wall %-10s user %-8s sys %-7s peak RSS %s kB\n' "$(basename "$f" .time)" \
    "$(grep -m1 'Elapsed (wall' "$f" | awk '{print $NF}')" \
    "$(grep -m1 'User time' "$f" | awk '{print $NF}')" \
    "$(grep -m1 'System time' "$f" | awk '{print $NF}')" \
    "$(grep -m1 'Maximum resident' "$f" | awk '{print $NF}')"
done | tee "$results/summary.txt"
echo "results in $results"
