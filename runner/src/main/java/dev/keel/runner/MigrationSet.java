package dev.keel.runner;

import dev.keel.config.KeelConfig;
import dev.keel.graph.MigrationGraph;
import dev.keel.load.ProjectMigrations;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.internal.Checksums;
import dev.keel.runner.internal.CompiledMigrationCode;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The project's migrations as the runner resolves them: each migration's definition, the checksum
 * of its file (recorded when it is applied), and the code its {@code RunJava} operations call.
 */
public final class MigrationSet {
    private final Map<MigrationKey, MigrationSpec> specs = new TreeMap<>();
    private final Map<MigrationKey, String> checksums = new TreeMap<>();
    private final Set<MigrationKey> replaced = new TreeSet<>();
    private final JavaCode code;

    private MigrationSet(List<MigrationSpec> specs, JavaCode code) {
        for (MigrationSpec s : specs) {
            this.specs.put(s.key(), s);
            this.checksums.put(s.key(), Checksums.of(s));
            this.replaced.addAll(s.replaces());
        }
        this.code = code;
    }

    /**
     * Reads every app's migration files from source; {@code RunJava} methods run on the classes
     * compiled from those files when a plan needs them.
     *
     * @throws dev.keel.error.KeelException of kind UNREADABLE_SOURCE naming every file that cannot be read
     */
    public static MigrationSet read(KeelConfig config, Path projectDir) {
        return of(ProjectMigrations.readSources(config, projectDir), new CompiledMigrationCode(config, projectDir));
    }

    /**
     * The given migrations, with the project's compiled migration classes for {@code RunJava}.
     * Checksums come from the files the specs were read from.
     */
    public static MigrationSet of(List<MigrationSpec> specs, KeelConfig config, Path projectDir) {
        return of(specs, new CompiledMigrationCode(config, projectDir));
    }

    /** The given migrations and code. Specs built in code (no file) get the checksum of their definition. */
    public static MigrationSet of(List<MigrationSpec> specs, JavaCode code) {
        return new MigrationSet(specs, code);
    }

    /** Every migration, by key. */
    public Map<MigrationKey, MigrationSpec> specs() {
        return Collections.unmodifiableMap(specs);
    }

    /** The migration {@code key}, if there is one. */
    public Optional<MigrationSpec> spec(MigrationKey key) {
        return Optional.ofNullable(specs.get(key));
    }

    /** The checksum of migration {@code key}'s file, as the history table records it. */
    public String checksum(MigrationKey key) {
        String c = checksums.get(key);
        if (c == null) {
            throw new IllegalArgumentException("no migration " + key);
        }
        return c;
    }

    /** Whether a squash of this set replaces migration {@code key}. */
    public boolean isReplaced(MigrationKey key) {
        return replaced.contains(key);
    }

    /** What runs the {@code RunJava} methods. */
    public JavaCode code() {
        return code;
    }

    /** The graph, with squashes used as {@code applied} decides. */
    public MigrationGraph graph(Set<MigrationKey> applied) {
        return MigrationGraph.of(specs.values(), applied);
    }
}
