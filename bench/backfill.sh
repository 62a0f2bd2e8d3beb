#!/usr/bin/env bash
# Backfill benchmark (issue 7): fills a column of a table of ROWS rows (default 1,000,000) on a real
# PostgreSQL, once with one UPDATE of the whole table (the upper bound on speed) and once per batch
# size with keel's batched helper (ctx.batches(...).update(...)); prints rows/second, the longest
# lock held and the longest wait of another session updating rows meanwhile.
# The server is the embedded PostgreSQL of keel's tests, or the one KEEL_TEST_DB_URL names
# (with KEEL_TEST_DB_USER, KEEL_TEST_DB_PASSWORD), e.g. the local cluster:
#   KEEL_TEST_DB_URL=jdbc:postgresql://localhost:5432/postgres bench/backfill.sh
# Usage: bench/backfill.sh [ROWS] [BATCH_SIZE...]     (default: 1000000 1000 10000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -q -B -DskipTests -pl runner -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
cp="runner/target/test-classes:runner/target/classes:state/target/classes:api/target/classes:$(cat runner/target/bench.classpath)"
java -cp "$cp" dev.keel.runner.bench.BackfillBenchmark "$@"
