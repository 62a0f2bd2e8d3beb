# Shared by bench/run.sh and bench/loadtest.sh (sourced, not run): building keel, a throwaway
# PostgreSQL server, the machine's description, and writing a section of docs/benchmarks.md.

bench_log() { printf '\033[1mbench:\033[0m %s\n' "$*" >&2; }
bench_die() { printf 'bench: error: %s\n' "$*" >&2; exit 1; }

# Builds cli/target/keel.jar from this checkout (bin/keel runs it), so the figures are those of the
# code in the working tree.
bench_build_keel() {
  bench_log "building keel (mvn -B -q -DskipTests package -pl cli -am)"
  (cd "$BENCH_ROOT" && mvn -B -q -DskipTests package -pl cli -am) >&2 || bench_die "the keel build failed"
  [ -f "$BENCH_ROOT/cli/target/keel.jar" ] || bench_die "cli/target/keel.jar is missing after the build"
}

# The bin folder of the newest PostgreSQL installed from Debian's packages.
bench_pg_bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$d" ] && [ -x "$d/initdb" ] || bench_die "no PostgreSQL server found under /usr/lib/postgresql; install it: apt-get install -y postgresql"
  echo "$d"
}

# Starts a throwaway PostgreSQL cluster (initdb under a temporary folder, trust authentication, a free
# port, localhost only) unless BENCH_PG_PORT names a running one. Sets BENCH_PG_PORT and BENCH_PG_BIN;
# bench_pg_stop removes the cluster again. As root, the server runs as the postgres user.
bench_pg_start() {
  BENCH_PG_BIN=$(bench_pg_bindir)
  if [ -n "${BENCH_PG_PORT:-}" ]; then
    "$BENCH_PG_BIN/pg_isready" -q -h localhost -p "$BENCH_PG_PORT" || bench_die "BENCH_PG_PORT=$BENCH_PG_PORT: no PostgreSQL answers there"
    BENCH_PG_OWNED=""
    return
  fi
  BENCH_PG_DIR=$(mktemp -d /tmp/keel-bench-pg.XXXXXX)
  BENCH_PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  local as=()
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || bench_die "running as root needs the postgres user (it comes with Debian's postgresql package)"
    chown postgres "$BENCH_PG_DIR"
    as=(runuser -u postgres --)
  fi
  bench_log "starting a throwaway PostgreSQL ($("$BENCH_PG_BIN/postgres" --version)) on port $BENCH_PG_PORT in $BENCH_PG_DIR"
  "${as[@]}" "$BENCH_PG_BIN/initdb" -D "$BENCH_PG_DIR/data" -A trust -U postgres --no-sync >"$BENCH_PG_DIR/initdb.log" 2>&1 \
    || bench_die "initdb failed: see $BENCH_PG_DIR/initdb.log"
  "${as[@]}" "$BENCH_PG_BIN/pg_ctl" -D "$BENCH_PG_DIR/data" -l "$BENCH_PG_DIR/server.log" -w \
    -o "-p $BENCH_PG_PORT -k $BENCH_PG_DIR -c listen_addresses=localhost -c max_connections=200$(bench_pg_statements_option)" start >/dev/null \
    || bench_die "PostgreSQL did not start: see $BENCH_PG_DIR/server.log"
  BENCH_PG_OWNED=1
  BENCH_PG_AS=("${as[@]}")
  export BENCH_PG_PORT
}

# pg_stat_statements, when the server has it (Debian's postgresql package does): the benchmark reads from it
# how long PostgreSQL itself spent executing each tool's statements.
bench_pg_statements_option() {
  local share
  share=$("$BENCH_PG_BIN/pg_config" --sharedir 2>/dev/null) || return 0
  [ -f "$share/extension/pg_stat_statements.control" ] && echo " -c shared_preload_libraries=pg_stat_statements"
  return 0
}

# Whether this run's server counts statements (pg_stat_statements loaded and created in the postgres database).
bench_pg_statements_ready() {
  bench_psql -d postgres -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null 2>&1
}

# Seconds PostgreSQL spent executing the statements run in database $1 since the last reset.
bench_pg_server_seconds() {
  bench_psql -d postgres -Atc "SELECT round(coalesce(sum(total_exec_time), 0)::numeric / 1000, 3) FROM pg_stat_statements
    WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$1')"
}

bench_pg_stop() {
  if [ -n "${BENCH_PG_OWNED:-}" ] && [ -n "${BENCH_PG_DIR:-}" ]; then
    "${BENCH_PG_AS[@]}" "$BENCH_PG_BIN/pg_ctl" -D "$BENCH_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$BENCH_PG_DIR"
    BENCH_PG_OWNED=""
  fi
}

bench_psql() { PGOPTIONS="-c client_min_messages=warning" "$BENCH_PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h localhost -p "$BENCH_PG_PORT" -U postgres "$@"; }

# The machine and the versions (PostgreSQL's when a server was started), as Markdown list items; arguments
# are more items (other versions).
bench_machine_md() {
  local cpu mem commit dirty
  cpu=$(sed -n 's/^model name\s*:\s*//p' /proc/cpuinfo | head -1)
  mem=$(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)
  commit=$(git -C "$BENCH_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
  dirty=$(git -C "$BENCH_ROOT" status --porcelain --untracked-files=no -- . ':!docs/benchmarks.md' 2>/dev/null | grep -q . && echo " (with uncommitted changes)" || true)
  echo "- Machine: $(nproc) cores ($cpu), $mem RAM, $(uname -sr); load average when the run started: $BENCH_LOAD_AT_START"
  # bin/keel runs the java on PATH: its version and its JDK's folder (links resolved)
  local java_home
  java_home=$(readlink -f "$(command -v java)" 2>/dev/null); java_home=${java_home%/bin/java}
  echo "- keel: commit $commit$dirty; $(java -version 2>&1 | head -1) in $java_home (the \`java\` on PATH, which \`bin/keel\` runs); $(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g')"
  [ -z "${BENCH_PG_BIN:-}" ] || echo "- PostgreSQL: $("$BENCH_PG_BIN/postgres" --version | sed 's/^postgres (PostgreSQL) //') (a throwaway local cluster, default settings)"
  local item
  for item in "$@"; do echo "- $item"; done
  if awk -v l="${BENCH_LOAD_AT_START%% *}" -v n="$(nproc)" 'BEGIN { exit !(l > n / 2) }'; then
    echo
    echo "**Noisy figures:** the machine was busy when this run started (load average ${BENCH_LOAD_AT_START%% *} on $(nproc) cores: something else was running), so times are longer and more spread than on an idle machine. Re-run on an idle machine for figures to quote."
  fi
}

# Replaces the part of FILE between <!-- BEGIN NAME --> and <!-- END NAME --> with CONTENT_FILE,
# or appends the section (with HEADING) when the markers are missing. Other sections stay as they are.
bench_write_section() {
  local file=$1 name=$2 heading=$3 content=$4
  python3 - "$file" "$name" "$heading" "$content" <<'PY'
import os, re, sys
path, name, heading, content_file = sys.argv[1:5]
body = open(content_file).read().rstrip("\n") + "\n"
begin, end = f"<!-- BEGIN {name} (written by bench/, do not edit by hand) -->", f"<!-- END {name} -->"
text = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.S)
block = begin + "\n" + body + end
if pattern.search(text):
    text = pattern.sub(lambda m: block, text)
else:
    text = text.rstrip("\n") + "\n\n" + heading + "\n\n" + block + "\n"
open(path, "w").write(text)
PY
}
