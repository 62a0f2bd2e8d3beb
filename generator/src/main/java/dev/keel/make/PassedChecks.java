package dev.keel.make;

import dev.keel.cache.ContentHash;
import dev.keel.cache.ProjectCache;
import dev.keel.concurrent.Daemon;
import dev.keel.config.KeelConfig;
import dev.keel.diff.DiffHints;
import dev.keel.emit.Lockfile;
import dev.keel.load.ProjectMigrations;
import dev.keel.timing.Phases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code makemigrations --check} runs that passed, remembered in the project's cache under a hash of
 * everything such a check reads: the migration files, the entity sources, the lockfile and the options (and,
 * through the cache's salt, keel's build and the configuration). A check of unchanged files passes again
 * from that record, without reading a migration or an entity: the check a pre-commit hook runs on every
 * commit costs the hashing of the files. A check that fails is never remembered.
 *
 * <p>The record is a side file of plain lines ({@link #FILE}), not a JSON document: the check that passes from it
 * then starts no JSON mapper at all, which is a good part of that check's time.
 */
public final class PassedChecks {
    /** What {@code -v 3} and the keys call this record. */
    static final String NAME = "check";

    /**
     * The cache's side file of the last passed check: a line {@code keel passed check}, a tab and the check's key;
     * one line per note, {@code note}, a tab and the note (a backslash, a newline and a carriage return written as
     * {@code \\}, {@code \n} and {@code \r}); and a last line {@code end}, without which (a file cut short) the
     * record is not used.
     */
    static final String FILE = "check.tsv";

    private static final String HEADER = "keel passed check\t";
    private static final String NOTE = "note\t";
    private static final String END = "end";

    /** What a passed check said besides passing. */
    record Passed(List<String> notes) {}

    private final ProjectCache cache;
    /** The check's key; null when no check passed before: then it is made of what the check itself read. */
    private final String key;
    private final MakeOptions options;
    /** The side file as read before the check (null when there is none). */
    private final byte[] recorded;
    /** The migration files the key's fingerprint was taken of (null when none was taken). */
    private final ProjectMigrations.Listing listing;
    /** The entity sources' fingerprint the key was made of, with what taking it learnt (null when none was taken). */
    private final EntitySource.Fingerprint entities;
    /** Whether the fingerprints were taken ahead of the check ({@link Ahead}). */
    private final boolean ahead;

    private PassedChecks(ProjectCache cache, String key, MakeOptions options, byte[] recorded, ProjectMigrations.Listing listing,
                         EntitySource.Fingerprint entities, boolean ahead) {
        this.cache = cache;
        this.key = key;
        this.options = options;
        this.recorded = recorded;
        this.listing = listing;
        this.entities = entities;
        this.ahead = ahead;
    }

    /**
     * The migration files as the check's key was taken of them, each with its {@code stat} before it was read: for the
     * check that runs when the key is not the recorded one, which then reads those very files.
     */
    Optional<ProjectMigrations.Listing> listing() {
        return Optional.ofNullable(listing);
    }

    /**
     * The entity sources' fingerprint the check's key was made of, with what taking it learnt: for the scan of the
     * check that runs when the key is not the recorded one ({@link EntitySource#scanStoringLater(KeelConfig, Path,
     * EntitySource.Fingerprint)}).
     */
    Optional<EntitySource.Fingerprint> entityFingerprint() {
        return Optional.ofNullable(entities);
    }

    /**
     * The record of this check, or empty when it is not remembered: no cache, not a plain check (renames or
     * unsafe changes allowed on the command line), or an entity source that cannot fingerprint what it reads.
     *
     * <p>When the cache holds no passed check at all (a first check, or one after {@code .keel/cache} was removed),
     * there is nothing to compare with: the files are not fingerprinted before the check (every file read once
     * more, before the check can start), and a check that passes is remembered under the fingerprint of the files
     * as the check itself read them ({@link Reads}): the same key, from the hashes the reading takes anyway.
     */
    static Optional<PassedChecks> of(ProjectCache cache, EntitySource entities, KeelConfig config, Path projectDir,
                                     MakeOptions options) {
        return of(cache, entities, config, projectDir, options, null);
    }

    /**
     * {@link #of(ProjectCache, EntitySource, KeelConfig, Path, MakeOptions)}, with the fingerprints taken {@code ahead}
     * when they were taken of the same project, configuration, cache and entity source (null: none were).
     */
    static Optional<PassedChecks> of(ProjectCache cache, EntitySource entities, KeelConfig config, Path projectDir,
                                     MakeOptions options, Ahead ahead) {
        if (!cache.enabled() || !options.check() || options.empty() || options.merge()
                || !options.renames().equals(DiffHints.NONE) || !options.safety().allowed().isEmpty()) {
            return Optional.empty();
        }
        byte[] recorded = cache.readSide(FILE).orElse(null);
        if (recorded == null || !startsWith(recorded, HEADER.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(new PassedChecks(cache, null, options, null, null, null, false));
        }
        boolean taken = ahead != null && ahead.of(cache, entities, config, projectDir);
        // the migrations' fingerprint on another thread meanwhile: the two share nothing but the file hashes
        // (thread-safe), and each lists its folders on its own thread while the pool hashes for both
        CompletableFuture<ProjectMigrations.Fingerprinted> migrations = taken ? ahead.migrations : CompletableFuture.supplyAsync(
                () -> ProjectMigrations.fingerprinted(config, projectDir, cache), Daemon.named("keel-migration-fingerprint"));
        Optional<EntitySource.Fingerprint> scanned;
        try {
            scanned = taken ? joined(ahead.entities) : entities.fingerprintForScan(config, projectDir);
        } finally {
            migrations.exceptionally(e -> null).join(); // never two runs at once over the same cache
        }
        if (scanned.isEmpty()) {
            return Optional.empty();
        }
        String lockfile;
        try {
            Path file = projectDir.resolve(Lockfile.FILE_NAME);
            lockfile = Files.exists(file) ? lockfileHash(Files.readAllBytes(file)) : lockfileHash(null);
        } catch (IOException e) {
            return Optional.empty();
        }
        ProjectMigrations.Fingerprinted fingerprinted = joined(migrations);
        return Optional.of(new PassedChecks(cache, key(cache, options, fingerprinted.fingerprint(), scanned.get().key(), lockfile),
                options, recorded, fingerprinted.listing(), scanned.get(), taken));
    }

    /** The check's key: of the options, the migrations' and the entities' fingerprints and the lockfile's hash. */
    private static String key(ProjectCache cache, MakeOptions options, String migrations, String entities, String lockfile) {
        return ContentHash.start(cache.salt()).add(NAME).add(String.join(",", options.apps()))
                .add(String.valueOf(options.deletePending())).add(migrations)
                .add(entities).add(lockfile).hash();
    }

    /** The lockfile's part of the key: the hash of its bytes ({@code bytes} null: there is no lockfile). */
    static String lockfileHash(byte[] bytes) {
        return bytes == null ? "no lockfile" : ContentHash.of(bytes);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && java.util.Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /**
     * Whether the check's key is to be made of what the check reads ({@link Reads}, given to {@link #remember}):
     * no check passed before.
     */
    boolean keyFromReads() {
        return key == null;
    }

    /**
     * What a check read, as it read it, when its key is made of that ({@link #keyFromReads}): the migrations'
     * fingerprint ({@link ProjectMigrations.Sources#fingerprint}, from the hashes of the bytes parsed), the entity
     * scan's ({@link ScannedProject#fingerprint}) and the hash of the lockfile's bytes it parsed. Filled in by the
     * check as it reads; a part it did not fill in (it stopped before) means the check is not remembered.
     */
    static final class Reads {
        private volatile ProjectMigrations.Sources migrations;
        private volatile ScannedProject entities;
        private volatile String lockfile;

        void migrations(ProjectMigrations.Sources sources) {
            this.migrations = sources;
        }

        void entities(ScannedProject scanned) {
            this.entities = scanned;
        }

        void lockfile(String hash) {
            this.lockfile = hash;
        }
    }

    /**
     * The two fingerprints a check is looked up by (the migration files' and the entity sources'), started ahead of the
     * check by {@link #ahead}: {@code keel makemigrations --check} starts them while the command line is still being
     * parsed, and the check takes them when they were taken of what it checks ({@link #of(ProjectCache, EntitySource,
     * KeelConfig, Path)}), else takes its own. They are taken of the files as they are when taken, as the check's own
     * would be a few tenths of a second later: what a check reads is read after them either way.
     */
    public static final class Ahead {
        private final ProjectCache cache;
        private final EntitySource source;
        private final KeelConfig config;
        private final Path projectDir;
        private final CompletableFuture<ProjectMigrations.Fingerprinted> migrations;
        private final CompletableFuture<Optional<EntitySource.Fingerprint>> entities;

        private Ahead(ProjectCache cache, EntitySource source, KeelConfig config, Path projectDir) {
            this.cache = cache;
            this.source = source;
            this.config = config;
            this.projectDir = projectDir;
            this.migrations = CompletableFuture.supplyAsync(() -> ProjectMigrations.fingerprinted(config, projectDir, cache),
                    Daemon.named("keel-migration-fingerprint"));
            this.entities = CompletableFuture.supplyAsync(() -> source.fingerprintForScan(config, projectDir),
                    Daemon.named("keel-entity-fingerprint"));
        }

        /** Whether these were taken of {@code projectDir} by {@code source} under this very configuration, through {@code cache}'s folder and salt. */
        boolean of(ProjectCache cache, EntitySource source, KeelConfig config, Path projectDir) {
            return this.source == source && this.config == config && this.projectDir.equals(projectDir)
                    && this.cache.id().equals(cache.id());
        }
    }

    /**
     * Starts taking the fingerprints a {@code --check} of {@code projectDir} will be looked up by, each on a thread of
     * its own; null (nothing started) when the cache holds no passed check: then the check looks nothing up, and the
     * files would be read for nothing.
     */
    public static Ahead ahead(ProjectCache cache, EntitySource entities, KeelConfig config, Path projectDir) {
        if (!cache.enabled()) {
            return null;
        }
        byte[] recorded = cache.readSide(FILE).orElse(null);
        if (recorded == null || !startsWith(recorded, HEADER.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return new Ahead(cache, entities, config, projectDir);
    }

    /** The fingerprint, or what computing it threw, as it threw it. */
    private static <T> T joined(CompletableFuture<T> fingerprint) {
        try {
            return fingerprint.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** The result of the same check when it passed before. */
    Optional<MakeResult> passedBefore() {
        long start = System.nanoTime();
        if (key == null) {
            Phases.report("earlier check", start, "no check passed before");
            return Optional.empty();
        }
        Optional<MakeResult> passed = parse(new String(recorded, StandardCharsets.UTF_8), key)
                .map(p -> new MakeResult(List.of(), p.notes(), List.of(), List.of()));
        Phases.report("earlier check", start, (ahead ? "fingerprints taken while the command line was parsed; " : "")
                + (passed.isPresent() ? "the same files passed before: done"
                : "files changed since the last check that passed"));
        return passed;
    }

    /**
     * Remembers {@code result} if the check passed: under the key taken before the check, or, when it is made of
     * what the check read ({@link #keyFromReads}), under the key of {@code reads} (not at all when a part is missing:
     * a file changed while the scan read it).
     */
    void remember(MakeResult result, Reads reads) {
        if (!result.problems().isEmpty() || !result.migrations().isEmpty()) {
            return;
        }
        String k = key;
        if (k == null) {
            if (reads == null || reads.migrations == null || reads.entities == null || reads.lockfile == null
                    || reads.entities.fingerprint().isEmpty()) {
                return;
            }
            k = key(cache, options, reads.migrations.fingerprint(), reads.entities.fingerprint().get(), reads.lockfile);
        }
        cache.writeSide(FILE, format(k, new Passed(result.notes())).getBytes(StandardCharsets.UTF_8));
    }

    /** The side file's text for the check {@code key} that passed with {@code passed}. */
    static String format(String key, Passed passed) {
        var text = new StringBuilder(HEADER).append(key).append('\n');
        for (String note : passed.notes()) {
            text.append(NOTE).append(note.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")).append('\n');
        }
        return text.append(END).append('\n').toString();
    }

    /** What {@link #format} wrote for the check {@code key}; empty for another key, or a file cut short or damaged. */
    static Optional<Passed> parse(String text, String key) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 3 || !lines[0].equals(HEADER + key) || !lines[lines.length - 2].equals(END)
                || !lines[lines.length - 1].isEmpty()) {
            return Optional.empty();
        }
        var notes = new ArrayList<String>(lines.length - 3);
        for (int i = 1; i < lines.length - 2; i++) {
            Optional<String> note = lines[i].startsWith(NOTE) ? unescape(lines[i].substring(NOTE.length())) : Optional.empty();
            if (note.isEmpty()) {
                return Optional.empty();
            }
            notes.add(note.get());
        }
        return Optional.of(new Passed(List.copyOf(notes)));
    }

    private static Optional<String> unescape(String line) {
        if (line.indexOf('\\') < 0) {
            return Optional.of(line);
        }
        var note = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\') {
                note.append(c);
            } else if (++i < line.length() && "\\nr".indexOf(line.charAt(i)) >= 0) {
                char e = line.charAt(i);
                note.append(e == 'n' ? '\n' : e == 'r' ? '\r' : '\\');
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(note.toString());
    }
}
