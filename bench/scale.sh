#!/usr/bin/env bash
# Memory on a large project (issue 15): keel at bin/keel's default heap on a project shaped like a real
# codebase of ten thousand files (bench/gen_scale_project.py: 5000 entity files in ten apps, under chains
# of generic mapped superclasses, with JOINED hierarchies, embeddables, an auto-applied converter and
# constants in annotations, plus 5000 services, controllers, DTOs, repositories and mappers).
#   1. makemigrations: scans the project and writes each app's first migration (run on a fresh copy);
#   2. makemigrations --check, cold (.keel/cache removed): reads the ten migrations back and scans again.
# Each run under /usr/bin/time (wall, CPU, max RSS) and with the JVM's GC log, from which the heap in use:
# the most it held (just before a collection) and the most that survived a full collection (live data).
# The load average at the start and the end is recorded: other work on the machine stretches wall times
# (CPU times much less).
#
# Usage: bench/scale.sh [--entities N] [--others N] [--runs N] [--keel PATH] [--no-build] [--no-doc]
#   --entities N  entity files (default 5000); --others N files that map nothing (default: as many)
#   --runs N      runs of each step (default 3)
#   --keel PATH   the bin/keel to measure (default: this checkout's, built first); implies --no-doc
#   --no-doc      print the results, leave docs/benchmarks.md alone
# Needs Java 17, Maven, Python 3 and /usr/bin/time (apt-get install -y time).
set -euo pipefail
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib/common.sh
source "$BENCH_ROOT/bench/lib/common.sh"

entities=5000 others="" runs=3 keel="" build=1 doc=1
while [ $# -gt 0 ]; do
  case "$1" in
    --entities) entities=$2; shift ;;
    --others) others=$2; shift ;;
    --runs) runs=$2; shift ;;
    --keel) keel=$2; build=""; doc=""; shift ;;
    --no-build) build="" ;;
    --no-doc) doc="" ;;
    -h|--help) sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) bench_die "unknown option $1 (see --help)" ;;
  esac
  shift
done
others=${others:-$entities}
[[ "$entities" =~ ^[1-9][0-9]*$ && "$others" =~ ^[0-9]+$ && "$runs" =~ ^[1-9][0-9]*$ ]] \
  || bench_die "--entities and --runs take positive numbers, --others a number"
[ -x /usr/bin/time ] || bench_die "/usr/bin/time is missing: apt-get install -y time"
BENCH_LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)

[ -n "$build" ] && bench_build_keel
KEEL=${keel:-$BENCH_ROOT/bin/keel}
[ -x "$KEEL" ] || bench_die "$KEEL is not an executable bin/keel"
heap=$(grep -o -- '-Xmx[0-9]*[kmgKMG]' "$(readlink -f "$KEEL")" | tail -1)
[ -n "$heap" ] || bench_die "$KEEL sets no -Xmx"
[ -z "${KEEL_JAVA_OPTS:-}" ] || bench_die "KEEL_JAVA_OPTS is set ($KEEL_JAVA_OPTS): unset it, the benchmark measures bin/keel's defaults"

work=$(mktemp -d /tmp/keel-scale.XXXXXX)
results="$work/results.tsv"
: > "$results"
bench_log "writing the project: $entities entity files and $others files that map nothing"
python3 "$BENCH_ROOT/bench/gen_scale_project.py" "$work/pristine" "$entities" "$others" >"$work/project.txt"
bench_log "  $(cat "$work/project.txt")"

# measure LABEL RUN CMD...: runs CMD in the project under /usr/bin/time with the GC log; records wall and CPU
# seconds, max RSS (KB), the heap's peak, the live data after full collections (MB), the heap's size and the
# exit status. Returns the exit status.
measure() {
  local label=$1 run=$2; shift 2
  local log="$work/logs/$label.$run"
  mkdir -p "$work/logs"
  local status=0
  (cd "$work/project" && KEEL_JAVA_OPTS="-Xlog:gc:file=$log.gc" /usr/bin/time -f '%e %U %S %M' -o "$log.time" "$@" >"$log.out" 2>&1) \
    || status=$?
  read -r wall user sys rss < <(tail -1 "$log.time")
  read -r peak live size < <(python3 - "$log.gc" <<'PY'
import re, sys
before, full_after, any_after, size = 0, 0, 0, 0
for line in open(sys.argv[1]):
    m = re.search(r"Pause (Young|Full)\b.* (\d+)M->(\d+)M\((\d+)M\)", line)
    if m:
        before, size = max(before, int(m.group(2))), max(size, int(m.group(4)))
        any_after = max(any_after, int(m.group(3)))
        if m.group(1) == "Full":
            full_after = max(full_after, int(m.group(3)))
print(before, full_after or f"≤{any_after}", size)
PY
)
  local outcome=ok
  if [ "$status" != 0 ]; then
    outcome="exit $status"
    grep -q OutOfMemoryError "$log.out" && outcome="OutOfMemoryError (exit $status)"
  fi
  local cpu
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$run" "$wall" "$cpu" "$rss" "$peak" "$live" "$size" "$outcome" >> "$results"
  bench_log "  $label run $run: $outcome, ${wall} s (CPU $cpu s), max RSS $((rss / 1024)) MB, heap peak ${peak} MB, live after full GC ${live} MB (of ${size} MB)"
  return "$status"
}

bench_log "makemigrations then makemigrations --check (cold) at bin/keel's heap ($heap), $runs runs each"
for i in $(seq "$runs"); do
  rm -rf "$work/project"
  cp -r "$work/pristine" "$work/project"
  if measure makemigrations "$i" "$KEEL" makemigrations; then
    rm -rf "$work/project/.keel/cache"
    measure check-cold "$i" "$KEEL" makemigrations --check || bench_log "  (the check found changes or failed: $work/logs/check-cold.$i.out)"
  else
    bench_log "  makemigrations failed: $work/logs/makemigrations.$i.out"
  fi
done
BENCH_LOAD_AT_END=$(cut -d' ' -f1-3 /proc/loadavg)

{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`bench/scale.sh\`, $runs runs of each step:"
  echo
  bench_machine_md "Project: $(sed "s#$work/pristine#a temporary folder#" "$work/project.txt") (\`bench/gen_scale_project.py $entities $others\`); heap: \`$heap\`, as \`bin/keel\` sets it" \
    "Load average when the run ended: $BENCH_LOAD_AT_END"
  echo
  python3 - "$results" <<'PY'
import statistics, sys
from collections import defaultdict
rows = defaultdict(list)
for line in open(sys.argv[1]):
    label, run, wall, cpu, rss, peak, live, size, outcome = line.rstrip("\n").split("\t")
    rows[label].append((float(wall), float(cpu), int(rss) / 1024, int(peak), live, int(size), outcome))
titles = {"makemigrations": "`makemigrations` (scan, write ten first migrations)",
          "check-cold": "`makemigrations --check`, cold (read them back, scan again)"}
print("| step | outcome | wall (median) | CPU (median) | max RSS | heap peak | live after full GC | heap size |")
print("|---|---|---:|---:|---:|---:|---:|---:|")
for label in ("makemigrations", "check-cold"):
    r = rows.get(label)
    if not r:
        continue
    outcomes = sorted({x[6] for x in r})
    live = [x[4] for x in r]
    print(f"| {titles[label]} | {', '.join(outcomes)} | {statistics.median(x[0] for x in r):.1f} s"
          f" | {statistics.median(x[1] for x in r):.1f} s | {max(x[2] for x in r):.0f} MB | {max(x[3] for x in r)} MB"
          f" | {max(live, key=lambda v: int(v.lstrip('≤')))} MB | {max(x[5] for x in r)} MB |")
print()
print("Every run (wall s / CPU s / max RSS MB / heap peak MB / live after full GC MB; ≤ N: no full collection"
      " happened, N is the most any collection left):")
print()
for label in ("makemigrations", "check-cold"):
    for i, x in enumerate(rows.get(label, []), 1):
        print(f"- {label} {i}: {x[6]}, {x[0]:.1f} / {x[1]:.1f} / {x[2]:.0f} / {x[3]} / {x[4]}")
PY
} > "$work/section.md"
if [ -n "$doc" ]; then
  bench_write_section "$BENCH_ROOT/docs/benchmarks.md" "scale" "## Memory on a large project (issue 15)" "$work/section.md"
  bench_log "results written to docs/benchmarks.md (section: Memory on a large project)"
fi
cat "$work/section.md"
bench_log "logs: $work/logs"
