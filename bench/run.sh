#!/usr/bin/env bash
# keel side by side with Django (brief §10, issue 8), on this machine, in one run:
#   1. installs Django from Debian's packages when missing (python3-django, python3-psycopg2);
#   2. writes the Django project (bench/peers/django/gen_project.py) and its keel twin
#      (bench/gen_keel_project.py): same models, same history;
#   3. checks that both report no changes (stops otherwise);
#   4. times `makemigrations --check` at 1000 entities / 5000 migrations: Django, keel cold (no replay
#      cache: .keel/cache removed before each run) and keel warm (nothing changed), and both right after
#      one entity changed and after one migration added (bench/lib/one_change.py); and `migrate` onto an empty
#      PostgreSQL at 200 entities / 1000 migrations, a fresh database for every run; medians, ratios,
#      peak memory (max RSS, /usr/bin/time);
#      Flyway (bench/peers/flyway) applies the SQL `keel sqlmigrate` prints for each migration of the
#      migrate project, in keel's plan order, as versioned migrations V1__...; every measurement of keel,
#      Django and Flyway is taken on every core and again pinned to one core (taskset -c 0), and the 1-minute
#      load average at the start of each run is written beside its figure;
#   5. writes the results into docs/benchmarks.md next to issue 19's targets (bench/lib/summarise.py judges
#      them; bench/lib/test_summarise.py tests that), then runs bench/loadtest.sh.
#
# Usage: bench/run.sh [--quick] [--runs N] [--check-size ENTITIESxMIGRATIONS] [--migrate-size ExM]
#                     [--no-loadtest] [--no-doc] [--only check|migrate]
#   --quick          2 runs of each instead of 5, and the load test's --quick (100,000 rows)
#   --runs N         timed runs of each measurement (default 5); one untimed warm-up run comes first
#   --no-loadtest    only the comparison with Django
#   --no-doc         print the results, leave docs/benchmarks.md alone
#   --only check     only the makemigrations --check measurements (no migrate, no Flyway, no load test);
#   --only migrate   only the migrate ones (keel, Flyway, Django): to measure the part a change touches.
#                    The targets of the part not run show as not measured; with --only, docs/benchmarks.md
#                    is left alone unless --doc is given.
# Run it as root on a machine with Java 17, Maven, Python 3 and Debian's postgresql package; it
# starts (and removes) its own PostgreSQL cluster. Figures depend on the machine being otherwise idle.
set -euo pipefail
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib/common.sh
source "$BENCH_ROOT/bench/lib/common.sh"

runs=5 check_size=1000x5000 migrate_size=200x1000 loadtest=1 doc=1 quick="" only="" force_doc=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1; runs=2 ;;
    --runs) runs=$2; shift ;;
    --check-size) check_size=$2; shift ;;
    --migrate-size) migrate_size=$2; shift ;;
    --no-loadtest) loadtest="" ;;
    --no-doc) doc="" ;;
    --doc) force_doc=1 ;;
    --only) only=$2; shift ;;
    -h|--help) sed -n '2,30p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) bench_die "unknown option $1 (see --help)" ;;
  esac
  shift
done
case "$only" in
  "") ;;
  check|migrate) loadtest=""; [ -n "$force_doc" ] || doc="" ;;
  *) bench_die "--only takes check or migrate, not '$only'" ;;
esac
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || bench_die "--runs needs a positive number, not '$runs'"
[[ "$check_size" =~ ^[0-9]+x[0-9]+$ && "$migrate_size" =~ ^[0-9]+x[0-9]+$ ]] || bench_die "sizes look like 1000x5000"
BENCH_LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)

# Django from Debian's packages, run by Debian's Python (a python3 earlier on PATH may lack them).
PY=/usr/bin/python3
if ! "$PY" -c 'import django, psycopg2' 2>/dev/null; then
  [ "$(id -u)" = 0 ] || bench_die "Django is missing and installing it needs root: apt-get install -y python3-django python3-psycopg2"
  bench_log "installing Django from Debian's packages"
  apt-get install -y python3-django python3-psycopg2 >&2 || { apt-get update >&2 && apt-get install -y python3-django python3-psycopg2 >&2; } \
    || bench_die "could not install python3-django python3-psycopg2"
fi
[ -x /usr/bin/time ] || { [ "$(id -u)" = 0 ] && apt-get install -y time >&2; } || bench_die "/usr/bin/time is missing: apt-get install -y time"

bench_build_keel
KEEL="$BENCH_ROOT/bin/keel"
FLYWAY_DIR="$BENCH_ROOT/bench/peers/flyway"
bench_log "building the Flyway peer (bench/peers/flyway, not part of the root build)"
(cd "$FLYWAY_DIR" && mvn -B -q package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime) >&2 \
  || bench_die "the Flyway peer's build failed"
flyway_version=$(sed -n 's:.*<flyway.version>\(.*\)</flyway.version>.*:\1:p' "$FLYWAY_DIR/pom.xml")
work=$(mktemp -d /tmp/keel-bench.XXXXXX)
trap 'bench_pg_stop' EXIT
bench_pg_start
results="$work/results.tsv"
: > "$results"

# timed LABEL RUN DIR CMD...: runs CMD in DIR under /usr/bin/time; records seconds and max RSS (KB).
# Every run must exit 0 (for makemigrations --check: no changes), or the benchmark stops.
timed() {
  local label=$1 run=$2 dir=$3; shift 3
  local out="$work/logs/$label.$run.log" load
  mkdir -p "$work/logs"
  load=$(cut -d' ' -f1 /proc/loadavg)   # the 1-minute load average as this run starts, reported beside its figure
  if ! (cd "$dir" && /usr/bin/time -f '%e %M' -o "$out.time" "$@" >"$out" 2>&1); then
    cat "$out" >&2
    bench_die "$label (run $run) failed: $* in $dir (output above, log $out)"
  fi
  read -r secs rss < <(tail -1 "$out.time")
  printf '%s\t%s\t%s\t%s\t%s\n' "$label" "$run" "$secs" "$rss" "$load" >> "$results"
  bench_log "  $label run $run: ${secs} s, max RSS $((rss / 1024)) MB, load average $load at its start"
}

# Projects.
IFS=x read -r ce cm <<< "$check_size"
IFS=x read -r me mm <<< "$migrate_size"
bench_log "writing the projects: $ce entities / $cm migrations (check), $me / $mm (migrate)"
"$PY" "$BENCH_ROOT/bench/peers/django/gen_project.py" "$work/django-check" "$ce" "$cm" >&2
python3 "$BENCH_ROOT/bench/gen_keel_project.py" "$work/keel-check" "$ce" "$cm" >&2
"$PY" "$BENCH_ROOT/bench/peers/django/gen_project.py" "$work/django-migrate" "$me" "$mm" >&2
python3 "$BENCH_ROOT/bench/gen_keel_project.py" "$work/keel-migrate" "$me" "$mm" >&2
cat >> "$work/django-migrate/settings.py" <<PYSET
import os
DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': os.environ.get('BENCH_DB', 'postgres'),
                         'HOST': 'localhost', 'PORT': '$BENCH_PG_PORT', 'USER': 'postgres'}}
PYSET

# Both report no changes. The first run of each is also the warm-up (Python's bytecode cache, keel's
# class-data archive and replay cache); it is not timed.
bench_log "checking that both projects report no changes"
for p in check migrate; do
  (cd "$work/django-$p" && "$PY" manage.py makemigrations --check --dry-run) >"$work/django-$p.nochanges" 2>&1 \
    || { cat "$work/django-$p.nochanges" >&2; bench_die "Django's makemigrations --check finds changes in the $p project"; }
  "$KEEL" -C "$work/keel-$p" makemigrations --check >"$work/keel-$p.nochanges" 2>&1 \
    || { cat "$work/keel-$p.nochanges" >&2; bench_die "keel makemigrations --check finds changes in the $p project"; }
done
bench_log "  Django: $(tail -1 "$work/django-check.nochanges")  keel: $(tail -1 "$work/keel-check.nochanges")"

# Flyway's migrations: the SQL `keel sqlmigrate APP NAME` prints for each migration of the migrate project,
# in keel's plan order (keel migrate --plan onto an empty database), as V1__..., V2__...
# (bench/peers/flyway: ExportKeelSql says what it changes for Flyway).
if [ "$only" != check ]; then
  bench_log "writing Flyway's migrations from keel sqlmigrate, in keel's plan order"
  bench_psql -d postgres -c "DROP DATABASE IF EXISTS bench_plan" -c "CREATE DATABASE bench_plan"
  "$KEEL" -C "$work/keel-migrate" migrate --plan --url "jdbc:postgresql://localhost:$BENCH_PG_PORT/bench_plan?user=postgres" 2>"$work/plan.err" \
    | grep -E '^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z0-9_]+$' > "$work/plan.txt" || { cat "$work/plan.err" >&2; bench_die "keel migrate --plan failed"; }
  [ "$(wc -l < "$work/plan.txt")" -gt 0 ] || bench_die "keel migrate --plan listed no migration (see $work/plan.err)"
  java -cp "$FLYWAY_DIR/target/classes:$BENCH_ROOT/cli/target/keel.jar" dev.keel.bench.flyway.ExportKeelSql \
    "$work/keel-migrate" "$work/flyway-migrations" < "$work/plan.txt" || bench_die "writing Flyway's migrations failed"
  FLYWAY_CP="$FLYWAY_DIR/target/classes:$(cat "$FLYWAY_DIR/target/classpath.txt")"
fi

# Each measurement twice: as is (every core) and pinned to one core (taskset -c 0: the tool's process and
# its threads; PostgreSQL's server processes are not pinned), so that the ratio without parallelism is known.
PIN=(taskset -c 0)
# edited_runs DJANGO_LABEL KEEL_LABEL entity|migration: the pre-commit hook's case, the check right after one
# change (bench/lib/one_change.py: one entity edited, or one migration added with its field). Each run starts
# from the unchanged project, keel's cache warm for it (an untimed check), then makes the change (a new one
# each run) and times the check; Django, which keeps no cache, gets the same change. Uses $pinned.
edited_runs() {
  local dj=$1 kl=$2 kind=$3 i
  for i in $(seq "$runs"); do
    "$PY" "$BENCH_ROOT/bench/lib/one_change.py" django "$work/django-check" "$kind" "$i"
    timed "$dj" "$i" "$work/django-check" "${pinned[@]}" "$PY" manage.py makemigrations --check --dry-run
    "$PY" "$BENCH_ROOT/bench/lib/one_change.py" keel "$work/keel-check" undo
    "$KEEL" -C "$work/keel-check" makemigrations --check >/dev/null 2>&1 || bench_die "keel's check of the unchanged project failed"
    "$PY" "$BENCH_ROOT/bench/lib/one_change.py" keel "$work/keel-check" "$kind" "$i"
    timed "$kl" "$i" "$work/keel-check" "${pinned[@]}" "$KEEL" makemigrations --check
  done
  "$PY" "$BENCH_ROOT/bench/lib/one_change.py" django "$work/django-check" undo
  "$PY" "$BENCH_ROOT/bench/lib/one_change.py" keel "$work/keel-check" undo
  "$KEEL" -C "$work/keel-check" makemigrations --check >/dev/null 2>&1 || bench_die "keel's check of the unchanged project failed"
}
[ "$only" = migrate ] || bench_log "makemigrations --check, $ce entities / $cm migrations, $runs runs each, every core and one core"
for pin in "" "-1cpu"; do
  [ "$only" = migrate ] && break
  pinned=(); [ -n "$pin" ] && pinned=("${PIN[@]}")
  for i in $(seq "$runs"); do timed "django-check$pin" "$i" "$work/django-check" "${pinned[@]}" "$PY" manage.py makemigrations --check --dry-run; done
  for i in $(seq "$runs"); do
    rm -rf "$work/keel-check/.keel/cache"
    timed "keel-check-cold$pin" "$i" "$work/keel-check" "${pinned[@]}" "$KEEL" makemigrations --check
  done
  "$KEEL" -C "$work/keel-check" makemigrations --check >/dev/null 2>&1
  for i in $(seq "$runs"); do timed "keel-check-warm$pin" "$i" "$work/keel-check" "${pinned[@]}" "$KEEL" makemigrations --check; done
  edited_runs "django-check-one-entity$pin" "keel-check-one-entity$pin" entity
  edited_runs "django-check-one-migration$pin" "keel-check-one-migration$pin" migration
done

fresh_db() { bench_psql -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"; }
# PostgreSQL's own time in each migrate run (pg_stat_statements), recorded as LABEL-server: what is left of
# the wall time is the tool's own (start-up, reading the migrations, planning, round trips).
statements=""
bench_pg_statements_ready && statements=1 || bench_log "pg_stat_statements is not available: PostgreSQL's share of migrate is not measured"
reset_statements() { [ -z "$statements" ] || bench_psql -d postgres -Atc "SELECT pg_stat_statements_reset()" >/dev/null; }
server_time() {
  [ -z "$statements" ] && return 0
  printf '%s-server\t%s\t%s\t0\t%s\n' "$1" "$2" "$(bench_pg_server_seconds "$3")" "$(tail -1 "$results" | cut -f5)" >> "$results"
}
# migrate_runs LABEL DB CMD...: a warm-up and $runs timed runs of CMD, each onto a fresh database DB, every
# core and then pinned to one core (LABEL-1cpu); PostgreSQL's own time of each timed run as LABEL-server.
migrate_runs() {
  local label=$1 db=$2; shift 2
  local pin i pinned
  for pin in "" "-1cpu"; do
    pinned=(); [ -n "$pin" ] && pinned=("${PIN[@]}")
    for i in $(seq 0 "$runs"); do
      fresh_db "$db"
      if [ "$i" = 0 ]; then
        (cd "$work" && "${pinned[@]}" "$@" >"$work/logs/$label$pin.warmup.log" 2>&1) || { cat "$work/logs/$label$pin.warmup.log" >&2; bench_die "$label$pin (warm-up) failed: $*"; }
      else
        reset_statements
        timed "$label$pin" "$i" "$work" "${pinned[@]}" "$@"
        server_time "$label$pin" "$i" "$db"
      fi
    done
  done
  bench_psql -d "$db" -Atc "SELECT '$label: ' || count(*) || ' tables' FROM pg_tables WHERE schemaname = 'public'" >&2
}
mkdir -p "$work/logs"
[ "$only" = check ] || bench_log "migrate onto an empty database, $me entities / $mm migrations, $runs runs each (+1 warm-up), every core and one core"
[ "$only" = check ] || migrate_runs django-migrate bench_django env BENCH_DB=bench_django "$PY" "$work/django-migrate/manage.py" migrate
[ "$only" = check ] || migrate_runs keel-migrate bench_keel "$KEEL" -C "$work/keel-migrate" migrate --url "jdbc:postgresql://localhost:$BENCH_PG_PORT/bench_keel?user=postgres"
[ "$only" = check ] || migrate_runs flyway-migrate bench_flyway env REDGATE_DISABLE_TELEMETRY=true FLYWAY_TELEMETRY_OPTOUT=true java -cp "$FLYWAY_CP" \
  dev.keel.bench.flyway.FlywayMigrate "jdbc:postgresql://localhost:$BENCH_PG_PORT/bench_flyway" postgres "$work/flyway-migrations"

django_version=$("$PY" -c 'import django; print(django.get_version())')
python_version=$("$PY" --version 2>&1)
{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`bench/run.sh$([ -n "$quick" ] && echo ' --quick')\`, $runs timed runs of each (after one untimed warm-up run):"
  echo
  bench_machine_md "Django $django_version ($python_version, Debian's python3-django and python3-psycopg2)" \
    "Flyway $flyway_version (flyway-core and flyway-database-postgresql, its Java API: bench/peers/flyway)"
  echo
  FLYWAY_VERSION=$flyway_version python3 "$BENCH_ROOT/bench/lib/summarise.py" "$results" "$check_size" "$migrate_size"
} > "$work/section.md"
if [ -n "$doc" ]; then
  bench_write_section "$BENCH_ROOT/docs/benchmarks.md" "django-comparison" "## keel and Django side by side (issue 8)" "$work/section.md"
  bench_log "results written to docs/benchmarks.md (section: keel and Django side by side)"
fi
cat "$work/section.md"
bench_log "logs: $work/logs"

if [ -n "$loadtest" ]; then
  args=(--no-build)   # keel is built; the load test uses this run's PostgreSQL (BENCH_PG_PORT)
  [ -n "$quick" ] && args+=(--quick)
  [ -z "$doc" ] && args+=(--no-doc)
  [ -n "$quick" ] && [ -n "$doc" ] && args+=(--doc)
  "$BENCH_ROOT/bench/loadtest.sh" "${args[@]}"
fi
