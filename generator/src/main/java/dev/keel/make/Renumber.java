package dev.keel.make;

import dev.keel.config.AppConfig;
import dev.keel.config.KeelConfig;
import dev.keel.emit.Lockfile;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.graph.MigrationGraph;
import dev.keel.load.ProjectMigrations;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationNames;
import dev.keel.migration.MigrationSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code keel renumber APP}: after a rebase, this branch's migrations of an app are renumbered to follow
 * the latest migration that came from upstream, the first of them depends on it, and every reference
 * (class names, {@code dependsOn}) is updated in every migration file. The lockfile follows.
 */
public final class Renumber {
    /** One renamed migration. */
    public record Renamed(String from, String to, Path file) {}

    private Renumber() {}

    /**
     * Renumbers {@code ours} (names of this branch's migrations of {@code app}) to follow the app's other
     * migrations.
     *
     * @return what was renamed, in order; empty when the numbers already follow
     */
    public static List<Renamed> run(KeelConfig config, Path projectDir, String app, Set<String> ours, boolean dryRun) {
        AppConfig appConfig = config.requireApp(app);
        List<MigrationSpec> specs = ProjectMigrations.readSources(config, projectDir);
        List<MigrationSpec> appSpecs = specs.stream().filter(s -> s.app().equals(app)).toList();
        List<MigrationSpec> mine = appSpecs.stream().filter(s -> ours.contains(s.name()))
                .sorted(Comparator.comparing(MigrationSpec::name)).toList();
        List<MigrationSpec> theirs = appSpecs.stream().filter(s -> !ours.contains(s.name())).toList();
        if (mine.isEmpty()) {
            throw new KeelException(ErrorKind.USAGE, "app " + app + " has no migrations added on this branch."
                    + "\nTo fix: name the revision the branch started from with --base REV.");
        }
        MigrationKey upstreamLeaf = upstreamLeaf(app, theirs);
        int next = theirs.stream().mapToInt(s -> MigrationNames.number(s.name())).max().orElse(0) + 1;
        var renames = new LinkedHashMap<String, String>();
        for (MigrationSpec s : mine) {
            String words = s.name().substring(s.name().indexOf('_') + 1);
            renames.put(s.name(), MigrationNames.name(next++, words));
        }
        // the first of ours that depends on an upstream migration of the app now depends on the upstream leaf
        var reparent = new LinkedHashMap<String, String>();
        for (MigrationSpec s : mine) {
            for (MigrationKey dep : s.dependencies()) {
                if (dep.app().equals(app) && !ours.contains(dep.name()) && upstreamLeaf != null
                        && !dep.equals(upstreamLeaf)) {
                    reparent.put(s.name(), dep.name());
                }
            }
        }
        if (renames.entrySet().stream().allMatch(e -> e.getKey().equals(e.getValue())) && reparent.isEmpty()) {
            return List.of();
        }
        var result = new ArrayList<Renamed>();
        Path dir = config.migrationsDir(projectDir, appConfig);
        try {
            for (MigrationSpec s : specs) {
                Path file = Path.of(s.origin());
                String text = Files.readString(file);
                String updated = text;
                for (Map.Entry<String, String> r : renames.entrySet()) {
                    updated = updated.replace(MigrationNames.className(r.getKey()), MigrationNames.className(r.getValue()))
                            .replace("\"" + r.getKey() + "\"", "\"" + r.getValue() + "\"");
                }
                if (s.app().equals(app) && reparent.containsKey(s.name())) {
                    updated = updated.replace("\"" + reparent.get(s.name()) + "\"", "\"" + upstreamLeaf.name() + "\"");
                }
                String newName = s.app().equals(app) ? renames.getOrDefault(s.name(), s.name()) : s.name();
                Path target = s.app().equals(app) ? dir.resolve(MigrationNames.className(newName) + ".java") : file;
                if (!newName.equals(s.name())) {
                    result.add(new Renamed(s.name(), newName, target));
                }
                if (!dryRun && (!updated.equals(text) || !target.equals(file))) {
                    Files.writeString(target, updated);
                    if (!target.equals(file)) {
                        Files.delete(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new KeelException(ErrorKind.USAGE, "cannot rewrite migration files: " + e.getMessage(), e);
        }
        if (!dryRun) {
            MigrationGraph graph = MigrationGraph.of(ProjectMigrations.readSources(config, projectDir));
            List<MigrationKey> leaves = graph.leaves(app);
            if (leaves.size() != 1) {
                throw new KeelException(ErrorKind.GRAPH, "after renumbering, app " + app + " still has " + leaves.size()
                        + " latest migrations: " + leaves + "\nTo fix: check the dependencies of this branch's migrations.");
            }
            Lockfile.read(projectDir).resolvedFrom(graph).with(app, leaves.get(0).name()).write(projectDir);
        }
        return result;
    }

    /** The latest of the upstream migrations: the one no other upstream migration depends on. */
    private static MigrationKey upstreamLeaf(String app, List<MigrationSpec> theirs) {
        var leaves = new ArrayList<MigrationKey>();
        for (MigrationSpec s : theirs) {
            boolean dependedOn = theirs.stream().anyMatch(o -> o.dependencies().contains(s.key()));
            if (!dependedOn) {
                leaves.add(s.key());
            }
        }
        if (leaves.size() > 1) {
            throw new KeelException(ErrorKind.GRAPH, "the upstream migrations of " + app + " already have several latest: "
                    + leaves + "\nTo fix: merge them first (keel makemigrations --merge) on the upstream branch.");
        }
        return leaves.isEmpty() ? null : leaves.get(0);
    }
}
