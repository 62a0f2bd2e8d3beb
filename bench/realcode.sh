#!/usr/bin/env bash
# keel's scanner against Hibernate 6.6 on real JPA codebases from Maven Central (a measuring tool: it needs
# the network, so CI never runs it). For each project of bench/realcode/projects.txt (or those named):
#   - fetches its sources jar, its binary jar and its dependencies' jars into a local repository under the
#     run's work folder;
#   - unpacks the sources into WORK/NAME/project/src/main/java and lists the dependencies' jars (the compile
#     class path a user's keel.json names, as `mvn dependency:build-classpath` writes it) in
#     WORK/NAME/project/classpath.txt, which keel.json's "libraries" names ("@classpath.txt"): keel reads the
#     library types an entity uses (enums, constants, converters, mapped superclasses, embeddables) from them;
#   - runs keel init (with the project's naming) and keel makemigrations (bin/keel of this checkout);
#   - runs Hibernate 6.6 (scripts.action=create, PostgreSQLDialect, the same naming) over the @Entity
#     classes of the binary jar with its dependencies on the class path, and compares its schema with
#     keel's scan: tables, columns (type, nullability, default, order), keys, uniques, checks, foreign keys,
#     indexes, sequences (generator's oracle: SchemaShape, HibernateDdl; RealCodeCompare sorts by kind);
#   - writes WORK/summary.md: per project, entities, whether keel stopped (and why, by kind), and the
#     disagreements by kind.
#
# Usage: bench/realcode.sh [--work DIR] [--no-build] [GROUP:ARTIFACT:VERSION[=NAMING[=FLAG,...]] ...]
#   javax-sources: the sources say javax.persistence where the binary jar says jakarta.persistence (Axon 4
#   transforms its classes at build time); the harness rewrites the sources' imports, never the binary
#   javax: a javax-only codebase (its binary jar says javax.persistence too): the sources are rewritten, and the
#   binary jar and the dependencies' jars that use javax.persistence are made Jakarta by the Eclipse Transformer
#   (as a Jakarta build of the same code would be), for Hibernate 6 and keel's "libraries" alike
#   with:G:A:V: a dependency whose entities belong to the same persistence unit (the project's relations
#   target them): its sources are a second source root of keel, its jar's entities go to Hibernate too
#   exclude:G:A: a transitive dependency left out of the fetch (one the registry does not serve, which the entities
#   do not need)
#   --work DIR   the run's folder (default /tmp/keel-realcode); fetched jars are kept there between runs
#   --no-build   use the built keel and generator test classes as they are
set -euo pipefail
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib/common.sh
source "$BENCH_ROOT/bench/lib/common.sh"

work=/tmp/keel-realcode build=1 projects=()
while [ $# -gt 0 ]; do
  case "$1" in
    --work) work=$2; shift ;;
    --no-build) build="" ;;
    -h|--help) sed -n '2,25p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) bench_die "unknown option $1 (see --help)" ;;
    *) projects+=("$1") ;;
  esac
  shift
done
if [ ${#projects[@]} -eq 0 ]; then
  while read -r coords naming flags; do
    [ -z "$coords" ] || [ "${coords#\#}" != "$coords" ] || projects+=("$coords=$naming${flags:+=$flags}")
  done < "$BENCH_ROOT/bench/realcode/projects.txt"
fi
mkdir -p "$work"
work=$(cd "$work" && pwd)
m2="$work/m2"
dep_plugin=org.apache.maven.plugins:maven-dependency-plugin:3.8.1

if [ -n "$build" ]; then
  bench_build_keel
  bench_log "building generator's test classes (the oracle: HibernateOracle, SchemaShape, RealCodeCompare)"
  (cd "$BENCH_ROOT" && mvn -B -q -pl generator -am test-compile dependency:build-classpath \
      -Dmdep.outputFile="$work/oracle-classpath.txt" -Dmdep.includeScope=test) >&2 || bench_die "the generator build failed"
fi
[ -f "$work/oracle-classpath.txt" ] || bench_die "$work/oracle-classpath.txt is missing: run once without --no-build"
oracle_cp="$BENCH_ROOT/generator/target/test-classes:$BENCH_ROOT/generator/target/classes:$(cat "$work/oracle-classpath.txt")"

# the Eclipse Transformer (Maven Central), fetched once, for the javax flag
bench_jakarta_transformer() {
  [ -f "$work/transformer/jars/org.eclipse.transformer.cli-0.5.0.jar" ] && return 0
  mkdir -p "$work/transformer"
  cat > "$work/transformer/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>keel.realcode</groupId><artifactId>transformer</artifactId><version>1</version>
  <dependencies><dependency><groupId>org.eclipse.transformer</groupId><artifactId>org.eclipse.transformer.cli</artifactId>
    <version>0.5.0</version></dependency></dependencies>
</project>
POM
  (cd "$work/transformer" && mvn -B -q -Dmaven.repo.local="$m2" $dep_plugin:copy-dependencies -DoutputDirectory=jars) \
      > "$work/transformer/fetch.log" 2>&1 || bench_die "fetching the Eclipse Transformer failed (see $work/transformer/fetch.log)"
}

for spec in "${projects[@]}"; do
  IFS='=' read -r coords naming flags <<< "$spec"
  naming=${naming:-jpa}
  IFS=: read -r group artifact version <<< "$coords"
  dir="$work/$artifact-$version"
  bench_log "$coords ($naming naming) in $dir"
  mkdir -p "$dir"
  echo "$coords" > "$dir/coordinates"
  if [ ! -f "$dir/fetched" ]; then
    # exclude:G:A flags: a transitive dependency the registry does not serve (and the entities do not need) left out
    exclusions=""
    for flag in ${flags//,/ }; do
      if [[ "$flag" == exclude:* ]]; then
        IFS=: read -r _ egroup eartifact <<< "$flag"
        exclusions+="<exclusion><groupId>$egroup</groupId><artifactId>$eartifact</artifactId></exclusion>"
      fi
    done
    cat > "$dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>keel.realcode</groupId><artifactId>fetch</artifactId><version>1</version>
  <dependencies><dependency><groupId>$group</groupId><artifactId>$artifact</artifactId><version>$version</version>
    <exclusions>$exclusions</exclusions></dependency></dependencies>
</project>
POM
    (cd "$dir" && mvn -B -q -Dmaven.repo.local="$m2" $dep_plugin:copy-dependencies -DoutputDirectory=jars \
        -DincludeScope=runtime \
     && mvn -B -q -Dmaven.repo.local="$m2" $dep_plugin:copy -Dartifact="$coords:jar:sources" -DoutputDirectory=sources) \
        > "$dir/fetch.log" 2>&1 \
      || { bench_log "fetching $coords failed (see $dir/fetch.log)"; continue; }
    touch "$dir/fetched"
  fi
  rm -rf "$dir/project" "$dir/compare.txt" "$dir/keel.log" "$dir/keel.rc"
  jars="$dir/jars"
  if [[ ",$flags," == *,javax,* ]]; then
    # a javax-only codebase: its jars (and the dependencies' that use javax.persistence) as Jakarta, as Hibernate 6 reads
    # them, made once by the Eclipse Transformer; keel reads the same jars as "libraries"
    jars="$dir/jars-jakarta"
    if [ ! -f "$jars/transformed" ]; then
      bench_jakarta_transformer
      rm -rf "$jars" && mkdir -p "$jars"
      for j in "$dir"/jars/*.jar; do
        case "$(basename "$j")" in
          javax.persistence-api-*|hibernate-jpa-2.*|persistence-api-*|jakarta.persistence-api-*) continue ;; # the API: the oracle's
        esac
        if { unzip -p "$j" '*.class' 2>/dev/null || true; } | grep -aq 'javax/persistence'; then # (grep -q ends unzip early)
          java -cp "$work/transformer/jars/*" org.eclipse.transformer.cli.JakartaTransformerCLI -q "$j" "$jars/$(basename "$j")" \
              >> "$dir/transform.log" 2>&1 || bench_die "transforming $j failed (see $dir/transform.log)"
          # its Hibernate 5 extensions (type contributors...) are code for Hibernate 5's API, which Hibernate 6 cannot load
          zip -q -d "$jars/$(basename "$j")" 'META-INF/services/org.hibernate.*' >> "$dir/transform.log" 2>&1 || true
        else
          ln -s "$j" "$jars/$(basename "$j")"
        fi
      done
      touch "$jars/transformed"
    fi
    bench_log "  javax: $(grep -c . <(find "$jars" -name '*.jar' -type f)) jars made Jakarta (Eclipse Transformer)"
  fi
  mkdir -p "$dir/project/src/main/java"
  own_sources="$dir/sources/$artifact-$version-sources.jar"
  [ -f "$own_sources" ] || { bench_log "no sources jar for $coords"; continue; }
  (cd "$dir/project/src/main/java" && unzip -q -o "$own_sources" '*.java')
  # modules of the same persistence unit (with:G:A:V): their sources are more source roots, their jars more entity jars
  roots=(--source-root src/main/java) entity_jars=("$jars/$artifact-$version.jar") own_jars=("$artifact-$version.jar")
  for flag in ${flags//,/ }; do
    case "$flag" in
      with:*)
        IFS=: read -r _ mgroup martifact mversion <<< "$flag"
        msources="$dir/sources/$martifact-$mversion-sources.jar"
        [ -f "$msources" ] || (cd "$dir" && mvn -B -q -Dmaven.repo.local="$m2" $dep_plugin:copy \
            -Dartifact="$mgroup:$martifact:$mversion:jar:sources" -DoutputDirectory=sources) >> "$dir/fetch.log" 2>&1 \
          || bench_log "  fetching the sources of $martifact failed (see $dir/fetch.log)"
        mkdir -p "$dir/project/modules/$martifact"
        (cd "$dir/project/modules/$martifact" && unzip -q -o "$msources" '*.java')
        roots+=(--source-root "modules/$martifact")
        entity_jars+=("$jars/$martifact-$mversion.jar")
        own_jars+=("$martifact-$mversion.jar")
        bench_log "  $martifact: its sources a second source root, its entities in the same persistence unit" ;;
      javax-sources|javax|exclude:*|"") ;;
      *) bench_die "unknown flag $flag of $coords (javax-sources, javax, with:G:A:V, exclude:G:A)" ;;
    esac
  done
  # the dependencies' jars, as the project's compile class path (its own jars are not on it)
  for j in "$jars"/*.jar; do
    [[ " ${own_jars[*]} " == *" $(basename "$j") "* ]] || echo "$j"
  done | paste -sd: - > "$dir/project/classpath.txt"
  bench_log "  $(find "$dir/project" -name '*.java' | wc -l) source files, $(tr ':' '\n' < "$dir/project/classpath.txt" | grep -c .) jars in \"libraries\""
  if [[ ",$flags," == *,javax-sources,* || ",$flags," == *,javax,* ]]; then
    # the binary jar is Jakarta (made from javax sources by the project's build): the sources say the same in javax
    grep -rlZ 'javax\.persistence' "$dir/project" --include='*.java' | xargs -0 -r sed -i 's/javax\.persistence/jakarta.persistence/g'
    bench_log "  javax.persistence rewritten to jakarta.persistence in the sources (the binary jar is Jakarta already)"
  fi
  set +e
  { "$BENCH_ROOT/bin/keel" -C "$dir/project" init --naming "$naming" "${roots[@]}" \
      && python3 "$BENCH_ROOT/bench/realcode/realcode.py" libraries "$dir/project/keel.json" @classpath.txt \
      && /usr/bin/time -f "keel makemigrations: %e s wall" "$BENCH_ROOT/bin/keel" -C "$dir/project" makemigrations; } > "$dir/keel.log" 2>&1
  echo $? > "$dir/keel.rc"
  set -e
  bench_log "  keel: exit $(cat "$dir/keel.rc") ($(grep -c '^error: ' "$dir/keel.log") errors)"
  cp_jars=()
  for j in "$jars"/*.jar; do
    case "$(basename "$j")" in
      # Hibernate 6.6 and JPA 3.1 come from the oracle's class path; Hibernate's integrators (Envers, Search) stay
      # out: they would add audit tables or fail on another jboss-logging, and keel maps the ORM's schema only
      hibernate-*|jakarta.persistence-api-*|javax.persistence-api-*|persistence-api-*) ;;
      *) [[ " ${own_jars[*]} " == *" $(basename "$j") "* ]] || cp_jars+=("$j") ;;
    esac
  done
  # keel's migrations stay out of the comparison: the scan reads entities only
  java -cp "$oracle_cp" dev.keel.scan.oracle.RealCodeCompare "$dir/project" "$dir/compare.txt" \
      "$(IFS=:; echo "${entity_jars[*]}")" "${cp_jars[@]}" \
      > "$dir/compare.log" 2>&1 || bench_log "  the comparison failed (see $dir/compare.log)"
  [ -f "$dir/compare.txt" ] && bench_log "  $(grep -E '^(entities|hibernate|keel)' "$dir/compare.txt" | tr '\n' ';')"
done
python3 "$BENCH_ROOT/bench/realcode/realcode.py" summary "$work" "$work/summary.md"
bench_log "summary: $work/summary.md"
cat "$work/summary.md"
