package dev.keel.scan;

import dev.keel.config.AppConfig;
import dev.keel.config.KeelConfig;
import dev.keel.diff.DiffHints;
import dev.keel.scan.internal.ClassPath;
import dev.keel.scan.internal.EntityRemap;
import dev.keel.scan.internal.NamingRules;
import dev.keel.scan.internal.Problems;
import dev.keel.scan.internal.ScanContext;
import dev.keel.scan.internal.SchemaBuilder;
import dev.keel.scan.internal.SourceIndex;
import dev.keel.scan.internal.SourceTrees;
import dev.keel.project.ProjectState;
import dev.keel.timing.Phases;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a project's JPA entities from its sources (JavaParser; no compilation) and returns the schema
 * Hibernate ORM 6.6 creates for them on PostgreSQL, as keel's project state: one table per entity
 * (model = entity name in lower case) and per join or collection table (model = table name), placed
 * under the app whose package holds the entity, with Hibernate's sequences. Several mappings of one
 * physical table (two entities, or an entity and a join table) are one table, as in Hibernate; its model
 * is one entity's: a writable one before an {@code @Immutable} one, then the one whose name alone gives
 * the table's name, then the first Hibernate binds (by class name).
 *
 * <p>Every mapping the scanner cannot read is reported, all at once, as a
 * {@link dev.keel.error.KeelException} of kind {@code UNREADABLE_SOURCE} whose problems are
 * {@code file:line: what is wrong. To fix: ...}.
 */
public final class EntityScanner {
    private EntityScanner() {}

    /**
     * Scans the project in {@code projectDir} as {@code config} describes it.
     *
     * @throws dev.keel.error.KeelException UNREADABLE_SOURCE listing every problem found
     */
    public static ProjectState scan(Path projectDir, KeelConfig config) {
        return scanWithHints(projectDir, config).state();
    }

    /** Scans the given source files (the configured roots' {@code .java} files, migrations excluded). */
    public static ProjectState scan(List<Path> files, KeelConfig config) {
        return scanWithHints(files, config).state();
    }

    /** The state and what the entities say beyond it: {@code @RenamedFrom} hints and constant initializers. */
    public record Scan(ProjectState state, DiffHints hints) {}

    /** Scans the project, with hints for the differ. */
    public static Scan scanWithHints(Path projectDir, KeelConfig config) {
        try (ClassPath classPath = classPath(projectDir, config)) {
            return scanWithOutlines(sourceFiles(projectDir, config), config, Map.of(), classPath).scan();
        }
    }

    /**
     * The class path of the project's {@code "libraries"} (paths relative to {@code projectDir}), where the scan looks
     * up the types and constants the source roots do not declare; close it when the scan is done.
     *
     * @throws dev.keel.error.KeelException USAGE when an entry names nothing
     */
    public static ClassPath classPath(Path projectDir, KeelConfig config) {
        return ClassPath.of(projectDir, config.libraries());
    }

    /**
     * Scans the given source files, with hints for the differ; the configuration's {@code "libraries"} are taken
     * relative to the working folder, as the files are.
     */
    public static Scan scanWithHints(List<Path> files, KeelConfig config) {
        return scanWithOutlines(files, config).scan();
    }

    /**
     * A scan, and the hashes of each source file's content as the scan read it and of its
     * {@link dev.keel.scan.internal.Outline} (what the mapping can read of it).
     */
    public record Outlined(Scan scan, Map<Path, SourceIndex.Read> outlines, Map<Path, SourceTrees.Summary> summaries,
                           Reuse reuse, java.util.function.Supplier<EntityRemap.MapRecord> records) {
        Outlined(Scan scan, Map<Path, SourceIndex.Read> outlines, Map<Path, SourceTrees.Summary> summaries, Reuse reuse,
                 EntityRemap.MapRecord record) {
            this(scan, outlines, summaries, reuse, () -> record);
        }

        /**
         * What the mapping recorded per entity (null when it found problems), made when first asked for: the scan's
         * store asks, after the scan was given.
         */
        public EntityRemap.MapRecord record() {
            return records.get();
        }
    }

    /**
     * How much of the sources a scan took from the cache: of {@code files}, {@code summarized} were indexed from the
     * summary of their content (not read), and the scan parsed files {@code parsed} times in all, {@code parsedFiles}
     * at least once.
     */
    public record Reuse(int files, int summarized, int parsed, java.util.Set<Path> parsedFiles, int mapped, int reused) {}

    /** Scans the given source files, with hints for the differ and each file's outline hash. */
    public static Outlined scanWithOutlines(List<Path> files, KeelConfig config) {
        return scanWithOutlines(files, config, Map.of());
    }

    /**
     * {@link #scanWithOutlines(List, KeelConfig)}, the files in {@code known} indexed from their summaries (each
     * taken from the file's content as it is now) and parsed only for the trees the mapping reads.
     *
     * @throws SourceTrees.StaleSummary when a known file is not the one summarized (the caller scans without them)
     */
    public static Outlined scanWithOutlines(List<Path> files, KeelConfig config, Map<Path, SourceTrees.Summary> known) {
        try (ClassPath classPath = classPath(Path.of(""), config)) {
            return scanWithOutlines(files, config, known, classPath);
        }
    }

    /** {@link #scanWithOutlines(List, KeelConfig, Map)}, names the sources do not declare looked up on {@code classPath}. */
    public static Outlined scanWithOutlines(List<Path> files, KeelConfig config, Map<Path, SourceTrees.Summary> known,
                                            ClassPath classPath) {
        Problems problems = new Problems();
        long start = System.nanoTime();
        SourceIndex index = SourceIndex.parse(files, problems, SourceTrees.Budget.standard(), known);
        Phases.report("scan: parse", start, files.size() + " files" + (known.isEmpty() ? ""
                : "; " + index.summarized() + " indexed from .keel/cache, " + index.parsed() + " parsed"));
        if (problems.hasSyntaxErrors()) {
            // As javac: a file that does not parse is the one error; what the other files then lack follows from it.
            problems.throwIfAny();
        }
        ScanContext ctx = new ScanContext(index, classPath, NamingRules.of(config.naming(), config.hibernateVersion()), config, problems);
        SchemaBuilder builder = new SchemaBuilder(ctx);
        long mapping = System.nanoTime();
        ProjectState state = builder.build();
        Phases.report("scan: map", mapping, state.tables().size() + " tables; " + index.reparsed() + " files parsed again"
                + (classPath.isEmpty() ? "" : "; " + classPath.openedCount() + " of " + classPath.entries().size()
                + " class path entries opened"));
        problems.throwIfAny();
        return new Outlined(new Scan(state, builder.hints().hints()), index.outlines(), index.summaries(),
                new Reuse(files.size(), index.summarized(), index.parsed(), index.parsedFiles(),
                        builder.recordedEntities(), 0), builder::record);
    }

    /**
     * The scan of the sources when only {@code changed} differs from those of the scan {@code old} (whose mapping
     * {@code record} recorded): its entity mapped alone and spliced into {@code old} ({@link EntityRemap}), the other
     * files indexed from {@code known} and parsed only for the trees that mapping reads. Empty when that is not
     * provably the scan of the whole project; then the caller scans it whole.
     *
     * @throws SourceTrees.StaleSummary when a known file read for its tree is not the file summarized
     */
    public static Optional<Outlined> remap(List<Path> files, KeelConfig config, Map<Path, SourceTrees.Summary> known,
                                           Path changed, Scan old, EntityRemap.MapRecord record) {
        try (ClassPath classPath = classPath(Path.of(""), config)) {
            return remap(files, config, known, changed, old, record, classPath);
        }
    }

    /** {@link #remap(List, KeelConfig, Map, Path, Scan, EntityRemap.MapRecord)} with names looked up on {@code classPath}. */
    public static Optional<Outlined> remap(List<Path> files, KeelConfig config, Map<Path, SourceTrees.Summary> known,
                                           Path changed, Scan old, EntityRemap.MapRecord record, ClassPath classPath) {
        long start = System.nanoTime();
        Optional<String> entity = record.entityIn(changed);
        if (entity.isEmpty()) {
            Phases.report("scan: remap", start, changed + " declares no entity of the last mapping: the whole project is mapped");
            return Optional.empty();
        }
        Problems problems = new Problems();
        var others = new java.util.HashMap<>(known);
        others.remove(changed);
        SourceIndex index = SourceIndex.parse(files, problems, SourceTrees.Budget.standard(), others, false);
        if (!problems.isEmpty()) {
            Phases.report("scan: remap", start, changed + " has problems: the whole project is mapped");
            return Optional.empty();
        }
        ScanContext ctx = new ScanContext(index, classPath, NamingRules.of(config.naming(), config.hibernateVersion()), config, problems);
        SchemaBuilder builder = new SchemaBuilder(ctx);
        EntityRemap.Result result;
        try {
            result = builder.remap(record, entity.get(), old.state(), old.hints());
        } catch (SourceTrees.StaleSummary stale) {
            throw stale;
        } catch (RuntimeException unexpected) {
            // whatever the re-mapping did not foresee, the whole mapping answers (and reports it as it does)
            Phases.report("scan: remap", start, unexpected + ": the whole project is mapped");
            return Optional.empty();
        }
        if (result.spliced() == null) {
            Phases.report("scan: remap", start, result.why() + ": the whole project is mapped");
            return Optional.empty();
        }
        EntityRemap.Spliced s = result.spliced();
        Phases.report("scan: remap", start, s.mapped() + " entities mapped, " + s.reused() + " from .keel/cache; "
                + index.parsed() + " files parsed");
        return Optional.of(new Outlined(new Scan(s.state(), s.hints()), index.outlines(), index.summaries(),
                new Reuse(files.size(), index.summarized(), index.parsed(), index.parsedFiles(), s.mapped(), s.reused()),
                s.record()));
    }

    /** The {@code .java} files of the configured source roots, without the apps' migrations packages, sorted. */
    public static List<Path> sourceFiles(Path projectDir, KeelConfig config) {
        var excluded = new ArrayList<Path>();
        for (Path root : config.sourceRootPaths(projectDir)) {
            for (AppConfig app : config.apps()) {
                excluded.add(root.resolve(app.migrationsPackage().replace('.', '/')));
            }
        }
        return SourceIndex.javaFiles(config.sourceRootPaths(projectDir), excluded);
    }
}
