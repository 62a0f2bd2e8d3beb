#!/usr/bin/env bash
# Scan-speed benchmark (issue 3): writes a project of N entity files (default 1000) and times
# keel's entity scanner once the JVM is warm. Prints the median of several scans.
# Usage: bench/scan.sh [ENTITIES]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -q -B -DskipTests -pl generator -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
cp="generator/target/test-classes:generator/target/classes:state/target/classes:api/target/classes:$(cat generator/target/bench.classpath)"
java -cp "$cp" dev.keel.scan.bench.ScanBenchmark "${1:-1000}"
