#!/usr/bin/env bash
# keel side by side with Django (brief §10, issue 8), on this machine, in one run:
#   1. installs Django from Debian's packages when missing (python3-django, python3-psycopg2);
#   2. writes the Django project (bench/peers/django/gen_project.py) and its keel twin
#      (bench/gen_keel_project.py): same models, same history;
#   3. checks that both report no changes (stops otherwise);
#   4. times `makemigrations --check` at 1000 entities / 5000 migrations: Django, keel cold (no replay
#      cache: .keel/cache removed before each run) and keel warm; and `migrate` onto an empty
#      PostgreSQL at 200 entities / 1000 migrations, a fresh database for every run; medians, ratios,
#      peak memory (max RSS, /usr/bin/time);
#   5. writes the results into docs/benchmarks.md next to the targets, then runs bench/loadtest.sh.
#
# Usage: bench/run.sh [--quick] [--runs N] [--check-size ENTITIESxMIGRATIONS] [--migrate-size ExM]
#                     [--no-loadtest] [--no-doc]
#   --quick          2 runs of each instead of 5, and the load test's --quick (100,000 rows)
#   --runs N         timed runs of each measurement (default 5); one untimed warm-up run comes first
#   --no-loadtest    only the comparison with Django
#   --no-doc         print the results, leave docs/benchmarks.md alone
# Run it as root on a machine with Java 17, Maven, Python 3 and Debian's postgresql package; it
# starts (and removes) its own PostgreSQL cluster. Figures depend on the machine being otherwise idle.
set -euo pipefail
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib/common.sh
source "$BENCH_ROOT/bench/lib/common.sh"

runs=5 check_size=1000x5000 migrate_size=200x1000 loadtest=1 doc=1 quick=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1; runs=2 ;;
    --runs) runs=$2; shift ;;
    --check-size) check_size=$2; shift ;;
    --migrate-size) migrate_size=$2; shift ;;
    --no-loadtest) loadtest="" ;;
    --no-doc) doc="" ;;
    -h|--help) sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) bench_die "unknown option $1 (see --help)" ;;
  esac
  shift
done
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
work=$(mktemp -d /tmp/keel-bench.XXXXXX)
trap 'bench_pg_stop' EXIT
bench_pg_start
results="$work/results.tsv"
: > "$results"

# timed LABEL RUN DIR CMD...: runs CMD in DIR under /usr/bin/time; records seconds and max RSS (KB).
# Every run must exit 0 (for makemigrations --check: no changes), or the benchmark stops.
timed() {
  local label=$1 run=$2 dir=$3; shift 3
  local out="$work/logs/$label.$run.log"
  mkdir -p "$work/logs"
  if ! (cd "$dir" && /usr/bin/time -f '%e %M' -o "$out.time" "$@" >"$out" 2>&1); then
    cat "$out" >&2
    bench_die "$label (run $run) failed: $* in $dir (output above, log $out)"
  fi
  read -r secs rss < <(tail -1 "$out.time")
  printf '%s\t%s\t%s\t%s\n' "$label" "$run" "$secs" "$rss" >> "$results"
  bench_log "  $label run $run: ${secs} s, max RSS $((rss / 1024)) MB"
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

bench_log "makemigrations --check, $ce entities / $cm migrations, $runs runs each"
for i in $(seq "$runs"); do timed django-check "$i" "$work/django-check" "$PY" manage.py makemigrations --check --dry-run; done
for i in $(seq "$runs"); do
  rm -rf "$work/keel-check/.keel/cache"
  timed keel-check-cold "$i" "$work/keel-check" "$KEEL" makemigrations --check
done
"$KEEL" -C "$work/keel-check" makemigrations --check >/dev/null 2>&1
for i in $(seq "$runs"); do timed keel-check-warm "$i" "$work/keel-check" "$KEEL" makemigrations --check; done

fresh_db() { bench_psql -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"; }
# PostgreSQL's own time in each migrate run (pg_stat_statements), recorded as LABEL-server: what is left of
# the wall time is the tool's own (start-up, reading the migrations, planning, round trips).
statements=""
bench_pg_statements_ready && statements=1 || bench_log "pg_stat_statements is not available: PostgreSQL's share of migrate is not measured"
reset_statements() { [ -z "$statements" ] || bench_psql -d postgres -Atc "SELECT pg_stat_statements_reset()" >/dev/null; }
server_time() {
  [ -z "$statements" ] && return 0
  printf '%s-server\t%s\t%s\t0\n' "$1" "$2" "$(bench_pg_server_seconds "$3")" >> "$results"
}
bench_log "migrate onto an empty database, $me entities / $mm migrations, $runs runs each (+1 warm-up)"
for i in $(seq 0 "$runs"); do
  fresh_db bench_django
  if [ "$i" = 0 ]; then
    (cd "$work/django-migrate" && BENCH_DB=bench_django "$PY" manage.py migrate >/dev/null 2>&1) || bench_die "Django's migrate failed"
  else
    reset_statements
    timed django-migrate "$i" "$work/django-migrate" env BENCH_DB=bench_django "$PY" manage.py migrate
    server_time django-migrate "$i" bench_django
  fi
done
bench_psql -d bench_django -Atc "SELECT 'django: ' || count(*) || ' tables' FROM pg_tables WHERE schemaname = 'public'" >&2
for i in $(seq 0 "$runs"); do
  fresh_db bench_keel
  url="jdbc:postgresql://localhost:$BENCH_PG_PORT/bench_keel?user=postgres"
  if [ "$i" = 0 ]; then
    "$KEEL" -C "$work/keel-migrate" migrate --url "$url" >/dev/null 2>&1 || bench_die "keel migrate failed"
  else
    reset_statements
    timed keel-migrate "$i" "$work/keel-migrate" "$KEEL" migrate --url "$url"
    server_time keel-migrate "$i" bench_keel
  fi
done
bench_psql -d bench_keel -Atc "SELECT 'keel: ' || count(*) || ' tables' FROM pg_tables WHERE schemaname = 'public'" >&2

django_version=$("$PY" -c 'import django; print(django.get_version())')
python_version=$("$PY" --version 2>&1)
{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`bench/run.sh$([ -n "$quick" ] && echo ' --quick')\`, $runs timed runs of each (after one untimed warm-up run):"
  echo
  bench_machine_md "Django $django_version ($python_version, Debian's python3-django and python3-psycopg2)"
  echo
  python3 "$BENCH_ROOT/bench/lib/summarise.py" "$results" "$check_size" "$migrate_size"
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
