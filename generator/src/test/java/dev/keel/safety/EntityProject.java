package dev.keel.safety;

import dev.keel.config.KeelConfig;
import dev.keel.diff.NonInteractiveQuestioner;
import dev.keel.graph.MigrationGraph;
import dev.keel.load.ProjectMigrations;
import dev.keel.make.MakeMigrations;
import dev.keel.make.MakeOptions;
import dev.keel.make.MakeResult;
import dev.keel.make.ScannedProject;
import dev.keel.migration.MigrationSpec;
import dev.keel.rewrite.SafetyOptions;
import dev.keel.scan.EntityScanner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A one-app project (package com.example.app, snake_case naming) whose entity sources a test writes, scanned as keel does. */
record EntityProject(Path root) {
    static final MakeOptions ALLOW_RENAME = new MakeOptions(List.of(), false, false, false, false, null, false,
            new SafetyOptions(Set.of(SafetyOptions.RENAME), Set.of()));
    static final MakeOptions DELETE_PENDING = new MakeOptions(List.of(), false, false, false, false, null, true,
            SafetyOptions.DEFAULT);

    static EntityProject in(Path root) throws IOException {
        Files.writeString(root.resolve("keel.json"), """
                {"sourceRoots": ["src/main/java"], "naming": "snake_case",
                 "apps": [{"label": "app", "package": "com.example.app", "migrationsPackage": "com.example.app.migrations"}]}
                """);
        return new EntityProject(root);
    }

    /** Replaces the entity classes with {@code classes} (simple name to the class text, without package and imports). */
    void entities(Map<String, String> classes) throws IOException {
        Path dir = root.resolve("src/main/java/com/example/app");
        Files.createDirectories(dir);
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Files.delete(p);
            }
        }
        for (var e : classes.entrySet()) {
            Files.writeString(dir.resolve(e.getKey() + ".java"), "package com.example.app;\n\nimport jakarta.persistence.*;\n"
                    + "import dev.keel.annotations.RenamedFrom;\nimport java.util.*;\n\n" + e.getValue());
        }
    }

    MakeResult make(MakeOptions options) {
        return new MakeMigrations((c, d) -> {
            EntityScanner.Scan scan = EntityScanner.scanWithHints(d, c);
            return new ScannedProject(scan.state(), scan.hints());
        }, new NonInteractiveQuestioner()).run(KeelConfig.read(root), root, options);
    }

    /** The migrations of the graph after the first {@code applied}, in order. */
    List<MigrationSpec> from(int applied) {
        var graph = MigrationGraph.of(ProjectMigrations.readSources(KeelConfig.read(root), root));
        var all = graph.forwardsPlan(Set.of(), graph.leaves());
        return all.subList(applied, all.size());
    }
}
