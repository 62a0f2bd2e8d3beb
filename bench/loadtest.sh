#!/usr/bin/env bash
# The online-DDL load test (brief §10, issue 8): a table of a million rows on a real PostgreSQL,
# client threads writing continuously, while keel's generated migrations are applied for each
# change in bench/loadtest/scenarios/order.txt; then the same with the SQL a plain diff tool runs.
# Per change and tool: failed writes, the longest write, p99, and the lock a blocked write waited on.
#
# Usage: bench/loadtest.sh [--quick] [--rows N] [--threads N] [--rate N] [--only a,b [--section NAME]] [--no-doc]
#   --quick     100,000 rows instead of 1,000,000 (a smoke run; the doc keeps the full run's figures
#               unless --doc is given too)
#   --rows N    rows in the table (default 1000000)
#   --threads N client threads (default 4); --rate N writes per second per thread (default 100)
#   --only a,b  only these changes (folder names in bench/loadtest/scenarios)
#   --no-doc    print the results, leave docs/benchmarks.md alone; --doc: write it even with --quick
#   --section NAME  write into the section NAME of docs/benchmarks.md (<!-- BEGIN NAME ... --> markers)
#               instead of "loadtest", which holds every change: a run with --only writes the doc only
#               with a section of its own (loadtest-renames holds rename-column and int-to-bigint)
# Uses a throwaway PostgreSQL cluster, or the server on localhost:$BENCH_PG_PORT when that is set
# (trust authentication as postgres). Needs Java 17, Maven and Debian's postgresql package.
set -euo pipefail
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib/common.sh
source "$BENCH_ROOT/bench/lib/common.sh"

invocation="bench/loadtest.sh${*:+ $*}"
rows=1000000 threads=4 rate=100 only="" doc=1 quick="" build=1 section=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1; rows=100000 ;;
    --rows) rows=$2; shift ;;
    --threads) threads=$2; shift ;;
    --rate) rate=$2; shift ;;
    --only) only=$2; shift ;;
    --section) section=$2; shift ;;
    --no-doc) doc="" ;;
    --doc) doc=2 ;;
    --no-build) build="" ;;
    -h|--help) sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) bench_die "unknown option $1 (see --help)" ;;
  esac
  shift
done
[ -n "$quick" ] && [ "$doc" = 1 ] && doc=""
if [ -n "$only" ] && [ -z "$section" ] && [ -n "$doc" ]; then
  bench_log "--only without --section: the results are printed, docs/benchmarks.md is left alone (its section loadtest holds every change)"
  doc=""
fi
BENCH_LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)

[ -n "$build" ] && bench_build_keel
bench_log "building the load test (bench/loadtest, not part of the root build)"
(cd "$BENCH_ROOT/bench/loadtest" && mvn -B -q package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime) >&2 || bench_die "the load test's build failed"

work=$(mktemp -d /tmp/keel-loadtest.XXXXXX)
trap 'bench_pg_stop' EXIT
bench_pg_start

java -cp "$BENCH_ROOT/bench/loadtest/target/classes:$(cat "$BENCH_ROOT/bench/loadtest/target/classpath.txt")" \
  dev.keel.bench.load.LoadTest --keel "$BENCH_ROOT/bin/keel" \
  --scenarios "$BENCH_ROOT/bench/loadtest/scenarios" --work "$work" --out "$work/loadtest.md" \
  --port "$BENCH_PG_PORT" --rows "$rows" --threads "$threads" --rate "$rate" --only "$only" >/dev/null
bench_log "logs of every run (keel's output, the SQL it ran): $work/logs"

if [ -n "$doc" ]; then
  { echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`$invocation\`:"; echo
    bench_machine_md; echo; cat "$work/loadtest.md"; } > "$work/section.md"
  if [ -n "$section" ]; then
    bench_write_section "$BENCH_ROOT/docs/benchmarks.md" "$section" "### Online DDL under write load: $only" "$work/section.md"
    bench_log "results written to docs/benchmarks.md (section: $section)"
  else
    bench_write_section "$BENCH_ROOT/docs/benchmarks.md" "loadtest" "## Online DDL under write load (issue 8)" "$work/section.md"
    bench_log "results written to docs/benchmarks.md (section: Online DDL under write load)"
  fi
else
  cat "$work/loadtest.md"
fi
