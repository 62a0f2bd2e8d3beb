package dev.keel.runner.internal;

import dev.keel.graph.MigrationGraph;
import dev.keel.migration.MigrationKey;
import dev.keel.runner.LargeTables;
import dev.keel.runner.internal.BuildStatements.Kind;
import dev.keel.runner.internal.BuildStatements.Work;
import dev.keel.runner.sql.Step;

import java.sql.Connection;
import java.sql.SQLException;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Which deploy-time migrations {@code migrate} treats as post-deployment because they build indexes or
 * validate constraints on a large table ({@link LargeTables}): a migration whose work is only concurrent
 * builds, validations and the brief steps that finish them ({@link BuildStatements}), at least one of them on
 * a table the catalog estimates at the threshold or above, or one {@code keel.json} lists in
 * {@code largeTables}. A migration that does anything else (adds a column the new code needs, runs Java)
 * stays at deploy time; its builds still run without the statement timeout.
 */
public final class LargeTableMoves {
    private LargeTableMoves() {}

    /**
     * The builds and validations (that name their table) of {@code script}, when its migration is deploy-time and
     * its work is only builds, validations and the steps that finish them; empty otherwise.
     */
    static List<Work> builds(Script script) {
        if (script.backwards() || script.migration().postDeployment()) {
            return List.of();
        }
        var builds = new ArrayList<Work>();
        for (ScriptStep step : script.steps()) {
            if (!(step.step() instanceof Step.Sql sql)) {
                return List.of();
            }
            for (Work w : BuildStatements.of(sql.text())) {
                if (w.kind() == Kind.OTHER) {
                    return List.of();
                }
                if (w.untimed() && w.relation() != null) {
                    builds.add(w);
                }
            }
        }
        return builds;
    }

    /** Why a migration doing {@code builds} moves to the post-deployment phase, given the tables' sizes; empty when it stays. */
    static Optional<String> reason(List<Work> builds, LargeTables large, Function<String, TableSizes.Size> sizes) {
        for (Work w : builds) {
            TableSizes.Size size = sizes.apply(w.relation());
            String what = w.kind() == Kind.VALIDATE ? "validates a constraint" : "builds an index";
            String listing = size != null ? large.listing(size.schema(), size.name()) : listed(large, w.relation());
            if (listing != null) {
                return Optional.of(what + " on table " + (size != null ? size.display() : w.relation())
                        + ", which keel.json lists in largeTables (\"" + listing + "\")"
                        + (size != null ? ", " + rows(size.rows()) + " rows estimated" : ""));
            }
            if (size != null && large.large(size.rows())) {
                return Optional.of(what + " on table " + size.display() + ", " + rows(size.rows())
                        + " rows estimated, at or above the large-table threshold of " + rows(large.rows())
                        + " rows (database.largeTableRows)");
            }
        }
        return Optional.empty();
    }

    /**
     * The migrations of {@code scripts} that move, each with why, reading the sizes of the tables they build on
     * from the catalog of {@code connection} (one query, no lock).
     */
    public static Map<MigrationKey, String> of(List<Script> scripts, LargeTables large, Connection connection)
            throws SQLException {
        return of(scripts, large, relations -> TableSizes.read(connection, relations));
    }

    /** How keel reads the sizes of tables ({@link TableSizes#read}), when it needs to. */
    @FunctionalInterface
    public interface Sizes {
        /** The size of each of {@code relations} that exists, by the name given. */
        Map<String, TableSizes.Size> read(java.util.Collection<String> relations) throws SQLException;
    }

    /**
     * {@link #of(List, LargeTables, Connection)}, reading the sizes with {@code reader}, only when a migration builds
     * or validates.
     */
    public static Map<MigrationKey, String> of(List<Script> scripts, LargeTables large, Sizes reader) throws SQLException {
        var out = new LinkedHashMap<MigrationKey, String>();
        if (!large.checksSize() && large.listed().isEmpty()) {
            return out;
        }
        var builds = new LinkedHashMap<MigrationKey, List<Work>>();
        var relations = new LinkedHashSet<String>();
        for (Script s : scripts) {
            List<Work> b = builds(s);
            if (!b.isEmpty()) {
                builds.put(s.migration().key(), b);
                b.forEach(w -> relations.add(w.relation()));
            }
        }
        if (builds.isEmpty()) {
            return out;
        }
        Map<String, TableSizes.Size> sizes = reader.read(relations);
        builds.forEach((key, b) -> reason(b, large, sizes::get).ifPresent(why -> out.put(key, why)));
        return out;
    }

    /**
     * Whether {@code script} does work that the code being deployed may need before it starts: a statement that
     * is not a build, a validation or a step that finishes one, or Java code. Deferring such a migration (because
     * it depends on a moved one) would hold that work back until after the deployment.
     */
    static boolean deployWork(Script script) {
        for (ScriptStep step : script.steps()) {
            if (!(step.step() instanceof Step.Sql sql)
                    || BuildStatements.of(sql.text()).stream().anyMatch(w -> w.kind() == Kind.OTHER)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code moved} less the moves that would hold back deploy-time work: when a migration of the plan that does
     * such work ({@link #deployWork}) would be deferred only because it depends, directly or not, on moved
     * migrations, those stay at deploy time (their builds run without the statement timeout); {@code stays} hears
     * of each, with the migration it would have held back.
     *
     * @param scripts      the scripts of the plan's deploy-time migrations
     * @param deferredWith the migrations the deploy phase defers, given these moves
     */
    public static Map<MigrationKey, String> sparingDeployWork(Map<MigrationKey, String> moved, Map<MigrationKey, Script> scripts,
                                                              MigrationGraph graph,
                                                              Function<Map<MigrationKey, String>, Set<MigrationKey>> deferredWith,
                                                              BiConsumer<MigrationKey, MigrationKey> stays) {
        var kept = new LinkedHashMap<>(moved);
        Set<MigrationKey> deferredAnyway = deferredWith.apply(Map.of());
        while (!kept.isEmpty()) {
            MigrationKey held = null;
            for (MigrationKey k : deferredWith.apply(kept)) {
                if (!kept.containsKey(k) && !deferredAnyway.contains(k) && scripts.containsKey(k) && deployWork(scripts.get(k))) {
                    held = k;
                    break;
                }
            }
            if (held == null) {
                break;
            }
            for (MigrationKey ancestor : ancestors(graph, held)) {
                if (kept.remove(ancestor) != null) {
                    stays.accept(ancestor, held);
                }
            }
        }
        return kept;
    }

    private static Set<MigrationKey> ancestors(MigrationGraph graph, MigrationKey key) {
        var seen = new LinkedHashSet<MigrationKey>();
        var todo = new ArrayList<>(graph.dependencies(key));
        while (!todo.isEmpty()) {
            MigrationKey k = todo.remove(todo.size() - 1);
            if (seen.add(k)) {
                todo.addAll(graph.dependencies(k));
            }
        }
        return seen;
    }

    /**
     * What {@code sqlmigrate} says of the phase of {@code script}'s migration without a database: nothing when
     * it cannot move; that it moves when {@code keel.json} lists a table it builds on; otherwise on which tables
     * and from what size it would.
     */
    public static List<String> note(Script script, LargeTables large) {
        List<Work> builds = builds(script);
        if (builds.isEmpty() || !large.checksSize() && large.listed().isEmpty()) {
            return List.of();
        }
        Optional<String> listed = reason(builds, large, r -> null);
        if (listed.isPresent()) {
            return List.of("Moved to the post-deployment phase: keel migrate leaves it for --post-deploy, as it "
                    + listed.get() + ".");
        }
        var tables = new LinkedHashSet<String>();
        builds.forEach(w -> tables.add(w.relation()));
        return List.of("Index builds and validations only: keel migrate leaves it for --post-deploy when a table"
                + " it works on (" + String.join(", ", tables) + ") holds " + rows(large.rows()) + " rows or more"
                + " (database.largeTableRows) as the database's catalog estimates them; keel migrate --plan says"
                + " whether it does. These statements run without the statement timeout either way.");
    }

    /** The entry of {@code largeTables} naming a table the catalog does not have yet, by the name written. */
    private static String listed(LargeTables large, String written) {
        List<String> parts = new ArrayList<>();
        for (String p : written.split("\\.(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            parts.add(p.startsWith("\"") ? p.substring(1, p.length() - 1).replace("\"\"", "\"") : p.toLowerCase(Locale.ROOT));
        }
        String name = parts.get(parts.size() - 1);
        String schema = parts.size() > 1 ? parts.get(parts.size() - 2) : "public";
        return large.listing(schema, name);
    }

    private static String rows(long n) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(n);
    }
}
