package dev.keel.runner;

import dev.keel.concurrent.Daemon;
import dev.keel.config.AppConfig;
import dev.keel.config.KeelConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.graph.MigrationGraph;
import dev.keel.load.CompiledMigrationLoader;
import dev.keel.load.ProjectMigrations;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.internal.Checksums;
import dev.keel.runner.internal.ClassPathLoader;
import dev.keel.runner.internal.CompiledMigrationCode;
import dev.keel.runner.internal.LoadedMigrationCode;
import dev.keel.runner.internal.MigrationClassCode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The project's migrations as the runner resolves them: each migration's definition, its checksum
 * (recorded when it is applied: a checksum of what it does, see {@link #checksum}), and the code its
 * {@code RunJava} operations call. The migrations are read from their sources ({@link #read}) or loaded
 * from compiled classes ({@link #load(KeelConfig, ClassLoader)}); both give the same definitions and
 * checksums.
 */
public final class MigrationSet {
    private final Map<MigrationKey, MigrationSpec> specs = new TreeMap<>();
    private final Map<MigrationKey, String> checksums = new HashMap<>();
    private final Set<MigrationKey> replaced = new TreeSet<>();
    private final JavaCode code;
    private final boolean fromClasses;

    private MigrationSet(List<MigrationSpec> specs, JavaCode code, boolean fromClasses) {
        for (MigrationSpec s : specs) {
            this.specs.put(s.key(), s);
            this.replaced.addAll(s.replaces());
        }
        this.code = code;
        this.fromClasses = fromClasses;
    }

    /**
     * Reads every app's migration files from source; {@code RunJava} methods run on the classes
     * compiled from those files when a plan needs them (or their code's checksum is needed).
     *
     * @throws KeelException of kind UNREADABLE_SOURCE naming every file that cannot be read
     */
    public static MigrationSet read(KeelConfig config, Path projectDir) {
        return of(ProjectMigrations.readSources(config, projectDir), new CompiledMigrationCode(config, projectDir));
    }

    /**
     * The given migrations, read from the project's sources, with the project's migration classes compiled
     * from those sources for {@code RunJava}.
     */
    public static MigrationSet of(List<MigrationSpec> specs, KeelConfig config, Path projectDir) {
        return of(specs, new CompiledMigrationCode(config, projectDir));
    }

    /**
     * The given migrations and code. When {@code code} is not keel's (migrations built in code, tests),
     * the checksum of a migration covers its definition only.
     */
    public static MigrationSet of(List<MigrationSpec> specs, JavaCode code) {
        return new MigrationSet(specs, code, false);
    }

    /**
     * Every app's migrations of {@code config} loaded from compiled classes: the classes {@code M0001_words}
     * directly in each app's {@code migrationsPackage}, from the folders and jars of {@code loader}. Nothing
     * is read from source; {@code RunJava} methods run on these classes.
     *
     * @throws KeelException of kind UNREADABLE_SOURCE naming every class that cannot be loaded or defined
     */
    public static MigrationSet load(KeelConfig config, ClassLoader loader) {
        var packages = new LinkedHashMap<String, String>();
        for (AppConfig app : config.apps()) {
            packages.put(app.label(), app.migrationsPackage());
        }
        return load(loader, packages);
    }

    /**
     * Every app's migrations of {@code config} loaded from the compiled classes of a class path: folders
     * ({@code target/classes}) and jars (an application jar; Spring Boot's, whose classes are in
     * {@code BOOT-INF/classes/}, too); see {@link #load(KeelConfig, ClassLoader)}.
     *
     * @throws KeelException of kind USAGE when an entry is neither a folder nor a jar, UNREADABLE_SOURCE
     *                       naming every class that cannot be loaded or defined
     */
    public static MigrationSet load(KeelConfig config, List<Path> classPath) {
        return load(config, ClassPathLoader.of(classPath));
    }

    /**
     * The migrations of the apps {@code packages} names (app label to migrations package), loaded from
     * compiled classes of {@code loader}; see {@link #load(KeelConfig, ClassLoader)}.
     *
     * @throws KeelException of kind UNREADABLE_SOURCE naming every class that cannot be loaded or defined
     */
    public static MigrationSet load(ClassLoader loader, Map<String, String> packages) {
        var specs = new ArrayList<MigrationSpec>();
        var problems = new ArrayList<String>();
        packages.forEach((app, pkg) -> {
            try {
                specs.addAll(CompiledMigrationLoader.load(loader, pkg, app));
            } catch (KeelException e) {
                problems.addAll(e.problems());
            }
        });
        if (!problems.isEmpty()) {
            throw new KeelException(ErrorKind.UNREADABLE_SOURCE, problems);
        }
        specs.sort(Comparator.comparing(MigrationSpec::key));
        return new MigrationSet(specs, new LoadedMigrationCode(loader, packages), true);
    }

    /** Set once {@link #decodeAhead} started. */
    private final java.util.concurrent.atomic.AtomicBoolean decoding = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Starts decoding every migration's operations on a thread of its own (several at once), when they were read from
     * keel's cache, which decodes each migration's operations when they are first asked for: the plan, which asks for
     * all of them one after the other, then finds them decoded. Returns at once; only the first call does anything.
     */
    public void decodeAhead() {
        if (!decoding.compareAndSet(false, true)) {
            return;
        }
        List<MigrationSpec> all = List.copyOf(specs.values());
        Daemon.start("keel-decode", () -> {
            try {
                all.parallelStream().forEach(s -> s.operations().size());
            } catch (RuntimeException e) {
                // what cannot be decoded fails again, and is reported, where the plan asks for it
            }
        });
    }

    /** Whether the migrations were loaded from compiled classes rather than read from their source files. */
    public boolean fromClasses() {
        return fromClasses;
    }

    /** Every migration, by key. */
    public Map<MigrationKey, MigrationSpec> specs() {
        return Collections.unmodifiableMap(specs);
    }

    /** The migration {@code key}, if there is one. */
    public Optional<MigrationSpec> spec(MigrationKey key) {
        return Optional.ofNullable(specs.get(key));
    }

    /**
     * The checksum of migration {@code key} as the history table records it: of what the migration does,
     * its definition (dependencies, replaces, flags, every operation with all its values) and the code of
     * its {@code RunJava} methods. A comment or formatting edit leaves it as it was.
     *
     * @throws KeelException of kind UNREADABLE_SOURCE when the code of its {@code RunJava} methods cannot
     *                       be compiled or read
     */
    public synchronized String checksum(MigrationKey key) {
        String c = checksums.get(key);
        if (c == null) {
            MigrationSpec spec = specs.get(key);
            if (spec == null) {
                throw new IllegalArgumentException("no migration " + key);
            }
            c = Checksums.of(spec, codeText(spec));
            checksums.put(key, c);
        }
        return c;
    }

    /**
     * Computes the {@link #checksum} of each of {@code keys} not known yet, several at once: what {@code migrate}
     * records for each migration it applies, computed before the first runs rather than between the round trips
     * of the run (each a definition's text and a SHA-256). Those with {@code RunJava} code are left to
     * {@link #checksum}, which reads their compiled code one at a time.
     */
    public void checksums(java.util.Collection<MigrationKey> keys) {
        List<MigrationSpec> missing;
        synchronized (this) {
            missing = keys.stream().filter(k -> !checksums.containsKey(k)).map(specs::get)
                    .filter(s -> s != null && Checksums.runJavaMethods(s).isEmpty()).toList();
        }
        if (missing.isEmpty()) {
            return;
        }
        String[] computed = new String[missing.size()];
        java.util.stream.IntStream.range(0, missing.size()).parallel()
                .forEach(i -> computed[i] = Checksums.of(missing.get(i), ""));
        synchronized (this) {
            for (int i = 0; i < computed.length; i++) {
                checksums.putIfAbsent(missing.get(i).key(), computed[i]);
            }
        }
    }

    /**
     * Whether {@code recorded}, the checksum the history holds for migration {@code key}, says that the
     * migration is unchanged: it is {@link #checksum}, or, recorded by an earlier keel, the checksum of
     * the text of the migration's source file as the file is now.
     */
    public boolean matches(MigrationKey key, String recorded) {
        if (checksum(key).equals(recorded)) {
            return true;
        }
        if (!specs.get(key).replaces().isEmpty() && recorded.equals(checksumWithoutReplaces(key))) {
            return true; // a squash whose replaced records migrate --prune removed: its replaces(...) may go
        }
        return Checksums.isFileChecksum(recorded) && recorded.equals(Checksums.legacy(specs.get(key)));
    }

    /**
     * The checksum squash {@code key} has once its {@code replaces(...)} is removed: what {@code migrate --prune}
     * records for it when it removes the records of the migrations it replaced, which both the squash as it is
     * and the squash without {@code replaces(...)} then match.
     */
    public String checksumWithoutReplaces(MigrationKey key) {
        MigrationSpec spec = specs.get(key);
        if (spec == null) {
            throw new IllegalArgumentException("no migration " + key);
        }
        var without = new MigrationSpec(spec.key(), spec.dependencies(), spec.operations(), spec.atomic(),
                spec.postDeployment(), spec.initial(), List.of(), spec.origin());
        return Checksums.of(without, codeText(spec));
    }

    /** The code of the migration's {@code RunJava} methods as its checksum sees it; empty without any. */
    private String codeText(MigrationSpec spec) {
        List<String> methods = Checksums.runJavaMethods(spec);
        if (methods.isEmpty() || !(code instanceof MigrationClassCode classes)) {
            return "";
        }
        String className = classes.className(spec);
        try {
            return classes.codeText(spec, methods);
        } catch (IllegalArgumentException e) {
            throw new KeelException(ErrorKind.UNREADABLE_SOURCE, spec.origin() + ": the compiled code of migration "
                    + spec.key() + " cannot be read: " + e.getMessage() + "\nTo fix: rebuild the class "
                    + className.replace('/', '.') + ".", e);
        }
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
