package dev.keel.runner.catalog;

import dev.keel.runner.catalog.Catalog.CheckDef;
import dev.keel.runner.catalog.Catalog.ForeignKeyDef;
import dev.keel.runner.catalog.Catalog.IndexDef;
import dev.keel.runner.catalog.Catalog.TableDef;
import dev.keel.runner.sql.Identifiers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a live database holds half-done on the tables its migrations manage: indexes that are not
 * valid ({@code pg_index.indisvalid} false: a {@code CREATE INDEX CONCURRENTLY} or {@code REINDEX
 * CONCURRENTLY} failed, was cancelled, or runs right now), declared by the migrations or not, and
 * foreign keys and checks left {@code NOT VALID} ({@code pg_constraint.convalidated} false) where
 * the applied migrations validated them. A constraint the migrations themselves leave {@code NOT
 * VALID} (its validation not applied yet) is no problem.
 *
 * <p>The one place for this rule ({@code keel check-db}, {@link dev.keel.runner.DriftCheck}). Pure:
 * catalogs in, problems out; {@link CatalogReader} reads validity and running builds.
 */
public final class CatalogProblems {
    private CatalogProblems() {}

    /** What is wrong. */
    public enum Kind {
        /** An index queries cannot use, left by a concurrent build or reindex that failed or was cancelled. */
        INVALID_INDEX,
        /** An index a concurrent build or reindex in another session is building right now. */
        INDEX_BEING_BUILT,
        /** A foreign key or check left {@code NOT VALID} where the migrations validated it. */
        NOT_VALIDATED
    }

    /**
     * One problem.
     *
     * @param table    the table, as the catalog names it ({@code post}, {@code sales.post})
     * @param what     {@code index}, {@code foreign key} or {@code check}
     * @param name     the index's or constraint's name
     * @param kind     what is wrong
     * @param declared whether the applied migrations declare this index or constraint
     * @param meaning  what it means for the application, in a sentence or three
     * @param fix      what to do next, in order: SQL statements (ending with {@code ;}) and keel commands
     */
    public record Problem(String table, String what, String name, Kind kind, boolean declared, String meaning,
                          List<String> fix) {
        public Problem {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(kind, "kind");
            fix = List.copyOf(fix);
        }

        /** {@code table post: index post_slug_uidx invalid: ...}. */
        public String line() {
            String state = switch (kind) {
                case INVALID_INDEX -> "invalid";
                case INDEX_BEING_BUILT -> "being built";
                case NOT_VALIDATED -> "NOT VALID";
            };
            return "table " + table + ": " + what + " " + name + " " + state + ": " + meaning;
        }
    }

    /** {@code name_ccnew}, {@code name_ccold1}: the indexes a {@code REINDEX CONCURRENTLY} works with. */
    private static final Pattern REINDEX_LEFTOVER = Pattern.compile("(.+)_cc(new|old)[0-9]*");

    /**
     * The problems of {@code live} on the tables of {@code expected}, sorted by table, then kind of
     * object and name.
     *
     * @param expected what the applied migrations build
     * @param planned  what every migration builds, applied or not (to tell a pending migration's failed
     *                 build from a leftover)
     * @param live     the live database
     */
    public static List<Problem> of(Catalog expected, Catalog planned, Catalog live) {
        var problems = new ArrayList<Problem>();
        for (TableDef want : expected.tables().values()) {
            TableDef have = live.tables().get(want.name());
            if (have == null) {
                continue;
            }
            TableDef later = planned.tables().get(want.name());
            for (IndexDef index : have.indexes().values()) {
                if (!index.valid()) {
                    boolean declared = want.indexes().containsKey(index.name());
                    boolean pending = !declared && later != null && later.indexes().containsKey(index.name());
                    problems.add(index(want.name(), index, declared, pending));
                }
            }
            for (ForeignKeyDef fk : have.foreignKeys().values()) {
                ForeignKeyDef w = want.foreignKeys().get(fk.name());
                if (!fk.validated() && w != null && w.validated()) {
                    problems.add(notValidated(want.name(), "foreign key", fk.name(), "rows written before it was added"
                            + " may point at rows that do not exist, and the planner cannot rely on it. VALIDATE scans the"
                            + " table under SHARE UPDATE EXCLUSIVE (reads and writes go on; the referenced table takes ROW"
                            + " SHARE); it fails on the first row that breaks it, which you then fix first"));
                }
            }
            for (CheckDef check : have.checks().values()) {
                CheckDef w = want.checks().get(check.name());
                if (!check.validated() && w != null && w.validated()) {
                    problems.add(notValidated(want.name(), "check", check.name(), "rows written before it was added may"
                            + " break it (and SET NOT NULL cannot use it to skip its scan). VALIDATE scans the table under"
                            + " SHARE UPDATE EXCLUSIVE (reads and writes go on); it fails on the first row that breaks it,"
                            + " which you then fix first"));
                }
            }
        }
        problems.sort(Comparator.comparing(Problem::table).thenComparing(Problem::what).thenComparing(Problem::name));
        return List.copyOf(problems);
    }

    /**
     * {@code live} without what {@link #of} reports, for a catalog comparison that lists each thing
     * once: invalid indexes the applied migrations do not declare are left out, and constraints left
     * {@code NOT VALID} where the migrations validated them read as validated.
     */
    public static Catalog withoutProblems(Catalog expected, Catalog live) {
        var tables = new TreeMap<String, TableDef>(live.tables());
        for (TableDef want : expected.tables().values()) {
            TableDef t = live.tables().get(want.name());
            if (t == null) {
                continue;
            }
            var indexes = filtered(t.indexes(), i -> i.valid() || want.indexes().containsKey(i.name()));
            var fks = new TreeMap<String, ForeignKeyDef>(t.foreignKeys());
            fks.replaceAll((name, fk) -> {
                ForeignKeyDef w = want.foreignKeys().get(name);
                return !fk.validated() && w != null && w.validated() ? new ForeignKeyDef(fk.name(), fk.columns(),
                        fk.targetTable(), fk.targetColumns(), fk.onDelete(), true) : fk;
            });
            var checks = new TreeMap<String, CheckDef>(t.checks());
            checks.replaceAll((name, c) -> {
                CheckDef w = want.checks().get(name);
                return !c.validated() && w != null && w.validated() ? new CheckDef(c.name(), c.expression(), true) : c;
            });
            tables.put(t.name(), new TableDef(t.name(), t.columns(), t.primaryKey(), fks, t.uniques(), checks, indexes,
                    t.comment()));
        }
        return new Catalog(tables, live.sequences(), live.enumTypes());
    }

    private static <V> SortedMap<String, V> filtered(SortedMap<String, V> map, Predicate<V> keep) {
        var out = new TreeMap<String, V>();
        for (Map.Entry<String, V> e : map.entrySet()) {
            if (keep.test(e.getValue())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static Problem index(String table, IndexDef index, boolean declared, boolean pending) {
        String qualified = indexName(table, index.name());
        if (index.build() != null) {
            var b = index.build();
            return new Problem(table, "index", index.name(), Kind.INDEX_BEING_BUILT, declared,
                    b.command() + " runs on it right now in session " + b.pid() + " (phase: " + b.phase() + "); no query"
                            + " uses it until that build ends",
                    List.of("wait for session " + b.pid() + " to finish, then run keel check-db again"));
        }
        var meaning = new StringBuilder();
        Matcher leftover = REINDEX_LEFTOVER.matcher(index.name());
        if (!declared && !pending && leftover.matches()) {
            meaning.append("left by a REINDEX CONCURRENTLY of index ").append(leftover.group(1))
                    .append(" that failed or was cancelled");
        } else {
            meaning.append("a concurrent build of it (CREATE INDEX CONCURRENTLY or REINDEX CONCURRENTLY) failed or was"
                    + " cancelled");
        }
        meaning.append("; no query uses it");
        if (index.ready()) {
            meaning.append(", yet every write still updates it (slower writes)");
            if (index.unique()) {
                meaning.append(" and a write that duplicates a value it holds fails");
            }
        } else {
            meaning.append(", and updates that change its columns are no longer HOT (in-place) updates");
        }
        meaning.append(". ");
        List<String> fix;
        if (declared) {
            meaning.append("The applied migrations declare it, so queries that need it run without it");
            if (index.unique()) {
                meaning.append("; a unique build fails on duplicate rows: remove them before rebuilding");
            }
            fix = List.of("REINDEX INDEX CONCURRENTLY " + qualified + ";");
        } else if (pending) {
            meaning.append("A migration not applied yet declares it: its build failed or was stopped");
            if (index.unique()) {
                meaning.append(" (a unique build fails on duplicate rows: remove them first)");
            }
            fix = List.of("DROP INDEX CONCURRENTLY IF EXISTS " + qualified + ";", "keel migrate");
        } else {
            meaning.append("No migration declares it: a leftover, to drop");
            fix = List.of("DROP INDEX CONCURRENTLY IF EXISTS " + qualified + ";");
        }
        return new Problem(table, "index", index.name(), Kind.INVALID_INDEX, declared, meaning.toString(), fix);
    }

    private static Problem notValidated(String table, String what, String name, String consequence) {
        return new Problem(table, what, name, Kind.NOT_VALIDATED, true,
                "the applied migrations validated it, but the database holds it unvalidated: " + consequence,
                List.of("ALTER TABLE " + Identifiers.qualified(table) + " VALIDATE CONSTRAINT " + Identifiers.quote(name) + ";"));
    }

    /** An index lives in its table's schema. */
    private static String indexName(String table, String index) {
        String schema = Identifiers.schemaOf(table);
        return Identifiers.qualified(schema, index);
    }
}
