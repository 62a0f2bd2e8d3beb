package dev.keel.make;

import dev.keel.config.AppConfig;
import dev.keel.config.KeelConfig;
import dev.keel.emit.Lockfile;
import dev.keel.emit.MigrationWriter;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.graph.MigrationGraph;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationNames;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.Operation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code makemigrations --merge}: for each app with several latest migrations, a merge migration that
 * depends on all of them, and a report of the tables and columns that more than one branch changes
 * (where the order the branches run in may matter, which Django does not check).
 */
final class MergeMigrations {
    private final MigrationWriter writer;

    MergeMigrations(MigrationWriter writer) {
        this.writer = writer;
    }

    MakeResult run(KeelConfig config, Path projectDir, MigrationGraph graph, Map<String, List<MigrationKey>> forks,
                   MakeOptions options) {
        var created = new ArrayList<NewMigration>();
        var overlaps = new ArrayList<String>();
        Lockfile lockfile = Lockfile.read(projectDir).resolvedFrom(graph);
        for (var fork : forks.entrySet()) {
            String app = fork.getKey();
            List<MigrationKey> leaves = fork.getValue();
            overlaps.addAll(overlaps(graph, app, leaves));
            int number = graph.migrations(app).stream().mapToInt(s -> MigrationNames.number(s.name())).max().orElse(0) + 1;
            String words = "merge_" + leaves.stream().map(l -> l.name().substring(0, l.name().indexOf('_')))
                    .collect(Collectors.joining("_"));
            String name = MigrationNames.name(number, options.name() != null ? options.name() : words);
            AppConfig appConfig = config.requireApp(app);
            Path file = config.migrationsDir(projectDir, appConfig).resolve(MigrationNames.className(name) + ".java");
            var spec = new MigrationSpec(new MigrationKey(app, name), leaves, List.of(), true, false, false, List.of(), file.toString());
            created.add(new NewMigration(spec, file, writer.write(spec, appConfig.migrationsPackage(), MakeMigrations.HEADER)));
            lockfile = lockfile.with(app, name);
        }
        if (options.writes()) {
            try {
                for (NewMigration m : created) {
                    Files.writeString(m.file(), m.source());
                }
            } catch (IOException e) {
                throw new KeelException(ErrorKind.USAGE, "cannot write a merge migration: " + e.getMessage(), e);
            }
            lockfile.write(projectDir);
        }
        return new MakeResult(created, List.of(), List.of(), overlaps);
    }

    /** Columns (or whole tables) that migrations on two or more of the branches change. */
    static List<String> overlaps(MigrationGraph graph, String app, List<MigrationKey> leaves) {
        List<Set<MigrationKey>> branches = new ArrayList<>();
        for (MigrationKey leaf : leaves) {
            branches.add(ancestors(graph, leaf));
        }
        Set<MigrationKey> common = new HashSet<>(branches.get(0));
        branches.forEach(common::retainAll);
        // touched thing -> branch leaf -> migrations
        var touched = new TreeMap<String, TreeMap<String, TreeSet<String>>>();
        for (int i = 0; i < leaves.size(); i++) {
            for (MigrationKey key : branches.get(i)) {
                if (common.contains(key)) {
                    continue;
                }
                MigrationSpec spec = graph.spec(key).orElseThrow();
                for (Operation op : spec.operations()) {
                    for (String thing : Touches.of(spec.app(), op)) {
                        touched.computeIfAbsent(thing, t -> new TreeMap<>())
                                .computeIfAbsent(leaves.get(i).name(), l -> new TreeSet<>()).add(key.toString());
                    }
                }
            }
        }
        var out = new ArrayList<String>();
        touched.forEach((thing, byBranch) -> {
            if (byBranch.size() > 1) {
                out.add(thing + " is changed on " + byBranch.size() + " branches: "
                        + byBranch.values().stream().map(Object::toString).collect(Collectors.joining(" and "))
                        + ". Check that the merged order gives the schema and data you expect.");
            }
        });
        return out;
    }

    private static Set<MigrationKey> ancestors(MigrationGraph graph, MigrationKey leaf) {
        var seen = new HashSet<MigrationKey>();
        var todo = new ArrayDeque<MigrationKey>(List.of(leaf));
        while (!todo.isEmpty()) {
            MigrationKey k = todo.pop();
            if (seen.add(k)) {
                todo.addAll(graph.dependencies(k));
            }
        }
        return seen;
    }
}
