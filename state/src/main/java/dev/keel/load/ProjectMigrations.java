package dev.keel.load;

import dev.keel.concurrent.Parallel;

import dev.keel.cache.Compact;
import dev.keel.cache.ContentHash;
import dev.keel.cache.FileHashes;
import dev.keel.cache.OperationCodec;
import dev.keel.timing.Phases;
import dev.keel.cache.ProjectCache;
import dev.keel.config.AppConfig;
import dev.keel.config.KeelConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.DeferredOperations;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationNames;
import dev.keel.migration.MigrationSpec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The migrations of a whole project, for every app of its {@code keel.json}: read from the sources
 * (what {@code makemigrations} does) or loaded from compiled classes (what the runner may do).
 */
public final class ProjectMigrations {
    /** Files that look meant as migrations: {@code M}, a digit, anything, {@code .java}. */
    static final Pattern LOOKS_LIKE_MIGRATION = Pattern.compile("M\\d.*\\.java");

    private ProjectMigrations() {}

    /** Whether a file name starts like a migration class's: {@code M}, a digit, anything, {@code .java}. */
    public static boolean looksLikeMigration(String fileName) {
        // what LOOKS_LIKE_MIGRATION matches (its "." takes anything but a line terminator), without a matcher per file
        int n = fileName.length();
        if (n < 7 || fileName.charAt(0) != 'M' || fileName.charAt(1) < '0' || fileName.charAt(1) > '9' || !fileName.endsWith(".java")) {
            return false;
        }
        for (int i = 2; i < n - 5; i++) {
            char c = fileName.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads every app's migration files from {@link KeelConfig#migrationsDir}, sorted by key. Files
     * whose names do not start like a migration class ({@code M0001...}) are ignored; an app without
     * a migrations folder has no migrations.
     *
     * @throws KeelException of kind UNREADABLE_SOURCE listing every problem of every file of every app
     */
    public static List<MigrationSpec> readSources(KeelConfig config, Path projectDir) {
        return readSources(config, projectDir, ProjectCache.NONE).specs();
    }

    /**
     * The migrations read from source, with a hash of everything they were read from ({@code fingerprint}: each
     * file's path, app and content, and the cache's salt): equal fingerprints, equal migrations. {@code origins}
     * gives each migration the content hash of its file: with its key (its app and file name) and keel.json (each
     * app's folder and package), what it alone was read from; equal keys and origins, equal migration.
     */
    public static final class Sources {
        private final List<MigrationSpec> specs;
        private final Map<MigrationKey, String> origins;
        private final java.util.function.Supplier<String> fingerprint;
        private volatile String computed;
        private Runnable store;

        Sources(List<MigrationSpec> specs, Map<MigrationKey, String> origins, java.util.function.Supplier<String> fingerprint,
                Runnable store) {
            this.specs = List.copyOf(specs);
            this.origins = java.util.Collections.unmodifiableMap(origins);
            this.fingerprint = fingerprint;
            this.store = store;
        }

        /**
         * Stores what was read in the cache (the migrations if any changed, the files' hashes if any was learnt), if it
         * is not stored yet: {@link #readSources(KeelConfig,
         * Path, ProjectCache)} does it before it returns; {@link #readSourcesStoringLater} leaves it to the caller, who
         * may do it while waiting for other work (encoding a new migration's operations costs tens of milliseconds in a
         * fresh JVM). What is not stored only makes the next run slower.
         */
        public void store() {
            Runnable s;
            synchronized (this) {
                s = store;
                store = null;
            }
            if (s != null) {
                s.run();
            }
        }

        /** The migrations, sorted by key. */
        public List<MigrationSpec> specs() {
            return specs;
        }

        /** The hash of everything the migrations were read from (computed when first asked: a check does not need it). */
        public String fingerprint() {
            String f = computed;
            if (f == null) {
                computed = f = fingerprint.get();
            }
            return f;
        }

        /** What each migration alone was read from. */
        public Map<MigrationKey, String> origins() {
            return origins;
        }
    }

    /**
     * Reads every app's migration files as {@link #readSources(KeelConfig, Path)} does, in parallel,
     * taking from {@code cache} the migrations of the files whose content it has seen, and storing the
     * others there.
     *
     * @throws KeelException of kind UNREADABLE_SOURCE listing every problem of every file of every app
     */
    public static Sources readSources(KeelConfig config, Path projectDir, ProjectCache cache) {
        Sources sources = readSourcesStoringLater(config, projectDir, cache);
        sources.store();
        return sources;
    }

    /**
     * {@link #readSources(KeelConfig, Path, ProjectCache)}, leaving to the caller to store what it read ({@link
     * Sources#store}).
     *
     * @throws KeelException of kind UNREADABLE_SOURCE listing every problem of every file of every app
     */
    public static Sources readSourcesStoringLater(KeelConfig config, Path projectDir, ProjectCache cache) {
        return readSourcesStoringLater(config, projectDir, cache, null);
    }

    /**
     * {@link #readSourcesStoringLater(KeelConfig, Path, ProjectCache)} of the files {@code listing} lists (null, or a
     * listing of another project or configuration: the files as the folders list them now).
     *
     * @throws KeelException of kind UNREADABLE_SOURCE listing every problem of every file of every app
     */
    public static Sources readSourcesStoringLater(KeelConfig config, Path projectDir, ProjectCache cache, Listing listing) {
        long start = System.nanoTime();
        boolean fingerprinted = listing != null && listing.projectDir.equals(projectDir) && listing.config == config;
        Listed listed = fingerprinted ? listing.listed.sorted(config) : listed(config, projectDir);
        List<MigrationFile> files = listed.files();
        StoredMigrations stored = StoredMigrations.read(cache);
        Map<String, CachedFile> known = stored.known();
        byte[] operations = stored.operations();
        Phases.report("read migrations: cached ones", start, known.size() + " in .keel/cache"
                + (stored.added() == null ? "" : ", " + stored.added().files().size() + " of them added since its index was written"));
        FileHashes hashes = cache.fileHashes();
        long[] before = hashes.tally();
        var indices = new ArrayList<Integer>(files.size());
        for (int i = 0; i < files.size(); i++) {
            indices.add(i);
        }
        List<Read> reads = Parallel.map(indices, i -> read(files.get(i), listed.stats().get(i), known.get(files.get(i).relative()),
                operations, READERS.get(), hashes));
        var specs = new ArrayList<MigrationSpec>();
        var origins = new HashMap<MigrationKey, String>();
        var problems = new ArrayList<String>();
        for (int i = 0; i < reads.size(); i++) {
            Read r = reads.get(i);
            MigrationFile f = files.get(i);
            problems.addAll(r.outcome().problems());
            r.outcome().spec().ifPresent(s -> {
                specs.add(s);
                origins.put(s.key(), origin(f, r.hash()));
            });
        }
        if (!problems.isEmpty()) {
            throw new KeelException(ErrorKind.UNREADABLE_SOURCE, problems);
        }
        boolean changed = known.size() != files.size() || reads.stream().anyMatch(r -> !r.fromCache());
        Runnable store = () -> {
            if (changed && cache.enabled()) {
                store(cache, files, reads, stored);
            }
            hashes.save(); // for the commands that read migrations and scan nothing (migrate, showmigrations, sqlmigrate)
        };
        specs.sort(Comparator.comparing(MigrationSpec::key));
        if (Phases.enabled()) {
            Phases.report("read migrations", start, files.size() + " files" + (fingerprinted ? " (as the fingerprint listed them)" : "")
                    + ", " + reads.stream().filter(r -> !r.fromCache()).count() + " parsed; " + hashes.countsSince(before) + ", the entity scan's included if it ran meanwhile");
        }
        List<String> contentHashes = reads.stream().map(Read::hash).toList();
        return new Sources(specs, origins, () -> fingerprint(files, contentHashes, cache.salt()), store);
    }

    /**
     * Stores the migrations read from {@code files}: when the files the cache held are all still there and few were
     * added or changed since its index was written, only the new ones ({@link #append}); else the whole cache again,
     * the new ones' operations encoded, the cached ones' copied.
     */
    private static void store(ProjectCache cache, List<MigrationFile> files, List<Read> reads, StoredMigrations stored) {
        if (stored.appendable(files, reads)) {
            append(cache, files, reads, stored);
        } else {
            rewrite(cache, files, reads, stored.operations());
        }
    }

    /**
     * Stores the migrations read from source (new or changed files) after those the cache holds: their operations
     * written after the side file's checked end, then the document of added migrations ({@link Added}) written
     * whole, naming the side file's new length and checksum. The index and the operations already stored are not
     * touched: a run killed between the two writes leaves the cache as it was (the bytes after the end the
     * documents name are never read).
     */
    private static void append(ProjectCache cache, List<MigrationFile> files, List<Read> reads, StoredMigrations stored) {
        long start = System.nanoTime();
        var added = new java.util.LinkedHashMap<String, CachedFile>();
        if (stored.added() != null) {
            stored.added().files().forEach(f -> added.put(f.file(), f));
        }
        var side = new java.io.ByteArrayOutputStream();
        long end = stored.end();
        for (int i = 0; i < reads.size(); i++) {
            Read r = reads.get(i);
            if (!r.fromCache()) {
                MigrationSpec spec = r.outcome().spec().orElseThrow();
                int at = side.size();
                side.writeBytes(OperationCodec.encode(spec.operations()));
                MigrationFile f = files.get(i);
                added.put(f.relative(), CachedFile.of(f, r.hash(), spec, end + at, side.size() - at));
            }
        }
        byte[] bytes = side.toByteArray();
        var crc = new java.util.zip.CRC32C();
        crc.update(stored.operations(), 0, (int) end);
        crc.update(bytes, 0, bytes.length);
        if (cache.writeSideAt(OPERATIONS, end, bytes)) {
            cache.writeCompact(ADDED, cache.salt(), new Added(stored.index().operationsLength(),
                    stored.index().operationsChecksum(), List.copyOf(added.values()), end + bytes.length, crc.getValue())::write);
        }
        Phases.report("store read migrations", start, bytes.length + " bytes of operations added to the cache for "
                + reads.stream().filter(r -> !r.fromCache()).count() + " files; " + added.size() + " added since its index was written");
    }

    /** Stores the migrations read from {@code files} as the whole cache: the new ones' operations encoded, the cached ones' copied. */
    private static void rewrite(ProjectCache cache, List<MigrationFile> files, List<Read> reads, byte[] operations) {
        long start = System.nanoTime();
        cache.deleteCompact(ADDED); // added to the index it replaces: it would not follow the new one
        var stored = new ArrayList<CachedFile>();
        var side = new java.io.ByteArrayOutputStream(files.size() * 1024);
        for (int i = 0; i < reads.size(); i++) {
            MigrationFile f = files.get(i);
            Read r = reads.get(i);
            int at = side.size();
            if (r.fromCache()) {
                side.write(operations, (int) r.cached().operationsAt(), r.cached().operationsLength());
            } else {
                side.writeBytes(OperationCodec.encode(r.outcome().spec().orElseThrow().operations()));
            }
            stored.add(CachedFile.of(f, r.hash(), r.outcome().spec().orElseThrow(), at, side.size() - at));
        }
        byte[] ops = side.toByteArray();
        if (cache.writeSide(OPERATIONS, ops)) {
            cache.writeCompact(CACHE, cache.salt(), new CachedFiles(stored, ops.length, checksum(ops))::write);
        }
        Phases.report("store read migrations", start, files.size() + " files");
    }

    /**
     * The fingerprint {@link #readSources(KeelConfig, Path, ProjectCache)} gives, from the files' contents alone,
     * without reading any migration: for a caller that keeps work done on unchanged migration files.
     */
    public static String fingerprint(KeelConfig config, Path projectDir, ProjectCache cache) {
        return fingerprinted(config, projectDir, cache).fingerprint();
    }

    /** {@link #fingerprint}, with the {@link Listing} of the files it was taken of. */
    public static Fingerprinted fingerprinted(KeelConfig config, Path projectDir, ProjectCache cache) {
        long start = System.nanoTime();
        Listed listed = listed(config, projectDir, false);
        var names = new ArrayList<String>(listed.files().size());
        listed.files().forEach(f -> names.add(f.relative()));
        String digest = FileHashes.digest(cache.salt(), names, listed.stats());
        FileHashes known = cache.fileHashes();
        Optional<String> whole = known.combined(FINGERPRINT, digest);
        if (whole.isPresent()) {
            Phases.report("fingerprint migrations", start, names.size() + " files; the same files with the same metadata"
                    + " as when their fingerprint was kept (" + FileHashes.COMBINED_FILE + ")");
            return new Fingerprinted(whole.get(), new Listing(projectDir, config, listed));
        }
        listed = listed.sorted(config);
        List<MigrationFile> files = listed.files();
        List<Path> paths = listed.paths();
        List<String> hashes = known.hashes(paths, listed.stats());
        String fingerprint = fingerprint(files, hashes, cache.salt());
        known.rememberCombined(FINGERPRINT, digest, fingerprint, paths, listed.stats());
        if (Phases.enabled()) { // the entities' fingerprint may run meanwhile: this phase's own counts
            Phases.report("fingerprint migrations", start, files.size() + " files; " + known.countsOf(paths));
        }
        return new Fingerprinted(fingerprint, new Listing(projectDir, config, listed));
    }

    /** The name of the migrations' fingerprint among those kept whole ({@link FileHashes#combined}). */
    static final String FINGERPRINT = "migrations";

    /**
     * Every app's migration files, each with what one {@code stat} said of it then (taken in parallel; it both tells a
     * regular file from anything else and vouches for the file's hash): by app then name once {@link #sorted}, else in
     * the order the folders list them (which is all the digest of their metadata needs, and saves sorting 5000 names
     * when that digest answers).
     */
    record Listed(List<MigrationFile> files, List<FileHashes.Stat> stats, boolean sorted) {
        List<Path> paths() {
            var paths = new ArrayList<Path>(files.size());
            files.forEach(f -> paths.add(f.file()));
            return paths;
        }

        /** The files by app (in keel.json's order) then name (in the order of their paths), each with its stat. */
        Listed sorted(KeelConfig config) {
            if (sorted) {
                return this;
            }
            var apps = new HashMap<String, Integer>();
            for (AppConfig app : config.apps()) {
                apps.putIfAbsent(app.label(), apps.size());
            }
            boolean ascii = true;
            for (MigrationFile f : files) {
                String name = f.relative();
                for (int i = 0; i < name.length() && ascii; i++) {
                    ascii = name.charAt(i) < 0x80;
                }
            }
            // within an app every relative path has the same folder before the name: comparing them compares the names
            Comparator<Integer> byName = ascii ? Comparator.comparing(i -> files.get(i).relative())
                    : Comparator.comparing(i -> files.get(i).file());
            var order = new ArrayList<Integer>(files.size());
            for (int i = 0; i < files.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.<Integer>comparingInt(i -> apps.get(files.get(i).app().label())).thenComparing(byName));
            var f = new ArrayList<MigrationFile>(files.size());
            var st = new ArrayList<FileHashes.Stat>(files.size());
            for (int i : order) {
                f.add(files.get(i));
                st.add(stats.get(i));
            }
            return new Listed(f, st, true);
        }
    }

    /** Every app's migration files, by app then name, with their metadata ({@link Listed}). */
    static Listed listed(KeelConfig config, Path projectDir) {
        return listed(config, projectDir, true);
    }

    /** {@link #listed(KeelConfig, Path)}, in the order the folders list them when {@code sort} is false. */
    private static Listed listed(KeelConfig config, Path projectDir, boolean sort) {
        var candidates = new ArrayList<MigrationFile>();
        for (AppConfig app : config.apps()) {
            Path folder = config.migrationsDir(projectDir, app);
            List<String> names = namesLikeMigrations(folder, app, sort);
            if (names.isEmpty()) {
                continue;
            }
            // the path relative to the project, as projectDir.relativize(file) gives it, without a Path per file
            String prefix = projectDir.relativize(folder).toString().replace('\\', '/');
            prefix = prefix.isEmpty() ? "" : prefix + "/";
            for (String name : names) {
                candidates.add(new MigrationFile(app, folder.resolve(name), prefix + name));
            }
        }
        var paths = new ArrayList<Path>(candidates.size());
        candidates.forEach(f -> paths.add(f.file()));
        List<FileHashes.Stat> stats = FileHashes.statsOfRegularFiles(paths);
        var files = new ArrayList<MigrationFile>(candidates.size());
        var kept = new ArrayList<FileHashes.Stat>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            if (stats.get(i) != FileHashes.Stat.NOT_A_FILE) { // what Files.isRegularFile keeps
                files.add(candidates.get(i));
                kept.add(stats.get(i));
            }
        }
        return new Listed(files, kept, sort);
    }

    /**
     * The files a {@link #fingerprinted} fingerprint was taken of, with what one {@code stat} of each said before any was
     * read: given to {@link #readSourcesStoringLater(KeelConfig, Path, ProjectCache, Listing)} in the same run, the read
     * reads exactly those files, each vouched for by that same {@code stat}, without listing and {@code stat}ing them again.
     */
    public static final class Listing {
        private final Path projectDir;
        private final KeelConfig config;
        private final Listed listed;

        private Listing(Path projectDir, KeelConfig config, Listed listed) {
            this.projectDir = projectDir;
            this.config = config;
            this.listed = listed;
        }
    }

    /** A fingerprint of the migration files ({@link #fingerprint}), and the {@link Listing} it was taken of. */
    public record Fingerprinted(String fingerprint, Listing listing) {}

    /** Each file's path, app and content hash (null: unreadable), and the salt, hashed. */
    private static String fingerprint(List<MigrationFile> files, List<String> hashes, String salt) {
        var fingerprint = ContentHash.start(salt);
        for (int i = 0; i < files.size(); i++) {
            MigrationFile f = files.get(i);
            fingerprint.add(f.relative()).add(f.app().label()).add(f.app().migrationsPackage()).add(String.valueOf(hashes.get(i)));
        }
        return fingerprint.hash();
    }

    /** The cache document of read migrations (compact: {@link ProjectCache#writeCompact}). */
    static final String CACHE = "migrations";

    /**
     * The side file of the migrations' operations ({@link OperationCodec}), one after the other: the document gives each
     * file's place in it, so that reading the document does not decode them (they are decoded only when used).
     */
    static final String OPERATIONS = "migrations.operations";

    /**
     * How the side file holds operations, written first in the document: a document that does not start with it (one of
     * an earlier keel, whose side file held JSON) is not read, and the migrations are read from their files again.
     */
    static final String OPERATIONS_CODEC = "operations: OperationCodec 1";

    /**
     * The compact document of the migrations read from source since the index ({@link #CACHE}) was written, their
     * operations appended to the side file: a new migration is stored without writing the index of thousands again.
     */
    static final String ADDED = "migrations-added";

    /** How many migrations the document of added ones may hold before the whole cache is written again. */
    static final int MOST_ADDED = 200;

    /**
     * What the cache holds of the migrations read before: the index ({@link CachedFiles}; null when there is none
     * that holds), the migrations added since ({@link Added}; null when none were), the side file's bytes, and the end
     * of those the two documents name (bytes after it, from a run killed while appending, are not used).
     */
    record StoredMigrations(CachedFiles index, Added added, byte[] operations, long end) {
        static final StoredMigrations NONE = new StoredMigrations(null, null, new byte[0], 0);

        static StoredMigrations read(ProjectCache cache) {
            Optional<CachedFiles> index = cache.readCompact(CACHE, cache.salt(), CachedFiles::read);
            if (index.isEmpty() || index.get().files() == null) {
                return NONE;
            }
            Optional<byte[]> side = cache.readSide(OPERATIONS);
            if (side.isEmpty() || !index.get().namesStartOf(side.get())) {
                return NONE;
            }
            Added added = cache.readCompact(ADDED, cache.salt(), Added::read)
                    .filter(a -> a.follows(index.get()) && a.namesStartOf(side.get())).orElse(null);
            return new StoredMigrations(index.get(), added, side.get(),
                    added != null ? added.operationsLength() : index.get().operationsLength());
        }

        /** Each file's migration as stored, by path relative to the project: the index's, then the added ones' over them. */
        Map<String, CachedFile> known() {
            var known = new HashMap<String, CachedFile>();
            if (index != null) {
                index.files().forEach(f -> known.put(f.file(), f));
            }
            if (added != null) {
                added.files().forEach(f -> known.put(f.file(), f));
            }
            return known;
        }

        /**
         * Whether the migrations {@code reads} read from source may be stored after these ({@link #append}): there is
         * an index, every file stored is still among {@code files} (a removed file's migration is written out with the
         * whole cache), and the added ones stay few.
         */
        boolean appendable(List<MigrationFile> files, List<Read> reads) {
            if (index == null) {
                return false;
            }
            var listed = new java.util.HashSet<String>(files.size() * 2);
            files.forEach(f -> listed.add(f.relative()));
            for (String stored : known().keySet()) {
                if (!listed.contains(stored)) {
                    return false;
                }
            }
            long fresh = reads.stream().filter(r -> !r.fromCache()).count();
            return (added == null ? 0 : added.files().size()) + fresh <= MOST_ADDED;
        }
    }

    /**
     * The migrations read from source since the index was written: the index they follow (its side file's length
     * and checksum), each file's migration as in the index (those of a file also in the index take its place), and
     * the length and checksum of the side file with their operations appended.
     */
    record Added(long indexLength, long indexChecksum, List<CachedFile> files, long operationsLength, long operationsChecksum) {
        /** Whether these were added to {@code index} (not to one written before or after it). */
        boolean follows(CachedFiles index) {
            return files != null && indexLength == index.operationsLength() && indexChecksum == index.operationsChecksum()
                    && operationsLength >= indexLength;
        }

        /** Whether {@code side} starts with the bytes written with this document. */
        boolean namesStartOf(byte[] side) {
            return startsWith(side, operationsLength, operationsChecksum);
        }

        void write(Compact.Writer w) {
            w.string(OPERATIONS_CODEC);
            w.number(indexLength);
            w.number(indexChecksum);
            w.list(files, (out, f) -> f.write(out));
            w.number(operationsLength);
            w.number(operationsChecksum);
        }

        /** @throws IllegalArgumentException when the document holds its operations otherwise ({@link #OPERATIONS_CODEC}) */
        static Added read(Compact.Reader r) {
            if (!OPERATIONS_CODEC.equals(r.string())) {
                throw new IllegalArgumentException("a document of another layout of operations");
            }
            return new Added(r.number(), r.number(), r.list(CachedFile::read), r.number(), r.number());
        }
    }

    /** Whether {@code side} starts with {@code length} bytes of CRC-32C {@code checksum}. */
    private static boolean startsWith(byte[] side, long length, long checksum) {
        return length >= 0 && side.length >= length && ProjectCache.checksum(side, 0, (int) length) == checksum;
    }

    /**
     * The migrations read from each file, with the file's content hash (a list: paths as keys would be interned), and
     * the length and checksum of the side file of operations written with it.
     */
    record CachedFiles(List<CachedFile> files, long operationsLength, long operationsChecksum) {
        /**
         * Whether the side file {@code side} starts with the bytes written with this document (more may follow: the
         * operations of migrations added since, {@link Added}).
         */
        boolean namesStartOf(byte[] side) {
            return startsWith(side, operationsLength, operationsChecksum);
        }

        void write(Compact.Writer w) {
            w.string(OPERATIONS_CODEC);
            w.list(files, (out, f) -> f.write(out));
            w.number(operationsLength);
            w.number(operationsChecksum);
        }

        /** @throws IllegalArgumentException when the document holds its operations otherwise ({@link #OPERATIONS_CODEC}) */
        static CachedFiles read(Compact.Reader r) {
            if (!OPERATIONS_CODEC.equals(r.string())) {
                throw new IllegalArgumentException("a document of another layout of operations");
            }
            return new CachedFiles(r.list(CachedFile::read), r.number(), r.number());
        }
    }

    private static long checksum(byte[] bytes) {
        return ProjectCache.checksum(bytes, 0, bytes.length);
    }

    /**
     * What a migration alone was read from, given its key (app and name: its file's name) and keel.json (each app's
     * folder and package, part of the cache's salt): its file's content hash.
     */
    private static String origin(MigrationFile f, String hash) {
        return String.valueOf(hash);
    }

    /**
     * One file's migration (path relative to the project), as read from the content with hash {@code hash}
     * for {@code app}; its operations are the bytes ({@link OperationCodec}) at {@code operationsAt} ({@code operationsLength} bytes)
     * in the side file, decoded only when used.
     */
    record CachedFile(String file, String hash, String app, String migrationsPackage, MigrationKey key,
                      List<MigrationKey> dependencies, long operationsAt, int operationsLength, boolean atomic,
                      boolean postDeployment, boolean initial, List<MigrationKey> replaces) {
        static CachedFile of(MigrationFile f, String hash, MigrationSpec s, long at, int length) {
            return new CachedFile(f.relative(), hash, f.app().label(), f.app().migrationsPackage(), s.key(),
                    s.dependencies(), at, length, s.atomic(), s.postDeployment(), s.initial(), s.replaces());
        }

        void write(Compact.Writer w) {
            w.string(file);
            w.string(hash);
            w.string(app);
            w.string(migrationsPackage);
            key(w, key);
            w.list(dependencies, CachedFile::key);
            w.number(operationsAt);
            w.number(operationsLength);
            w.bool(atomic);
            w.bool(postDeployment);
            w.bool(initial);
            w.list(replaces, CachedFile::key);
        }

        static CachedFile read(Compact.Reader r) {
            return new CachedFile(r.string(), r.string(), r.string(), r.string(), key(r), r.list(CachedFile::key), r.number(),
                    r.integer(), r.bool(), r.bool(), r.bool(), r.list(CachedFile::key));
        }

        private static void key(Compact.Writer w, MigrationKey key) {
            w.string(key.app());
            w.string(key.name());
        }

        private static MigrationKey key(Compact.Reader r) {
            return new MigrationKey(r.string(), r.string());
        }

        /** Whether the operations' place lies within a side file of {@code size} bytes. */
        boolean within(int size) {
            return operationsAt >= 0 && operationsLength >= 0 && operationsAt + operationsLength <= size;
        }

        MigrationSpec spec(Path origin, byte[] side) {
            int from = (int) operationsAt;
            return new MigrationSpec(key, dependencies,
                    new DeferredOperations(() -> OperationCodec.decodeCached(side, from, from + operationsLength)),
                    atomic, postDeployment, initial, replaces, origin.toString());
        }
    }

    /** A migration file of an app, with its path relative to the project. */
    record MigrationFile(AppConfig app, Path file, String relative) {}

    /**
     * What reading a file gave, the hash of its content (null when unreadable), and, when it came from the cache,
     * its entry there (else null).
     */
    record Read(SourceMigrationReader.Outcome outcome, String hash, CachedFile cached) {
        boolean fromCache() {
            return cached != null;
        }
    }

    /** One reader per thread: a reader holds its parsers, which are not thread-safe. */
    private static final ThreadLocal<SourceMigrationReader> READERS = ThreadLocal.withInitial(SourceMigrationReader::new);

    /**
     * Reads one file: from {@code cached} when its content is what was cached for the same app, else from source;
     * {@code stat} is what the listing's {@code stat} said of it (before it is read).
     */
    static Read read(MigrationFile f, FileHashes.Stat stat, CachedFile cached, byte[] operations, SourceMigrationReader reader,
                     FileHashes hashes) {
        boolean usable = cached != null && cached.app().equals(f.app().label())
                && cached.migrationsPackage().equals(f.app().migrationsPackage()) && cached.key() != null
                && cached.hash() != null && cached.within(operations.length);
        if (usable && cached.hash().equals(hashes.known(f.file(), stat))) {
            // unchanged, as the file's metadata says: not even read
            return fromCache(f, cached, operations);
        }
        byte[] bytes;
        FileHashes.Stat before = stat;
        try {
            bytes = Files.readAllBytes(f.file());
        } catch (IOException e) {
            return new Read(unreadable(f.file(), e), null, null);
        }
        String hash = hashes.hash(f.file(), bytes, before);
        if (usable && cached.hash().equals(hash)) {
            return fromCache(f, cached, operations);
        }
        String fileName = f.file().getFileName().toString();
        if (!MigrationNames.isMigrationClassName(fileName.substring(0, fileName.length() - ".java".length()))) {
            return new Read(SourceMigrationReader.Outcome.failed(List.of(badName(f.file()))), hash, null);
        }
        String text;
        try {
            text = utf8(bytes);
        } catch (CharacterCodingException e) {
            return new Read(unreadable(f.file(), e), hash, null);
        }
        return new Read(reader.read(f.file(), text, f.app().label(), f.app().migrationsPackage()), hash, null);
    }

    /**
     * The text of UTF-8 {@code bytes}, refusing malformed input as a strict decoder does. {@code new String} (a copy,
     * none for ASCII) where it cannot differ from the strict decoder: it replaces malformed input with U+FFFD, so a
     * text without U+FFFD was well-formed; a text with one is decoded again strictly (and refused, or the same).
     */
    static String utf8(byte[] bytes) throws CharacterCodingException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.indexOf('\uFFFD') < 0 ? text : StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static Read fromCache(MigrationFile f, CachedFile cached, byte[] operations) {
        return new Read(new SourceMigrationReader.Outcome(Optional.of(cached.spec(f.file(), operations)), List.of()),
                cached.hash(), cached);
    }

    private static SourceMigrationReader.Outcome unreadable(Path file, Exception e) {
        return SourceMigrationReader.Outcome.failed(List.of(SourceProblems.ofFile(file, "cannot read the file: " + e,
                "check that the file exists and is readable UTF-8")));
    }

    /**
     * Loads every app's compiled migrations from {@code loader} (see {@link MigrationCompiler}), sorted by key.
     *
     * @throws KeelException of kind UNREADABLE_SOURCE listing every class that cannot be loaded
     */
    public static List<MigrationSpec> loadCompiled(KeelConfig config, ClassLoader loader) {
        var specs = new ArrayList<MigrationSpec>();
        var problems = new ArrayList<String>();
        for (AppConfig app : config.apps()) {
            try {
                specs.addAll(CompiledMigrationLoader.load(loader, app.migrationsPackage(), app.label()));
            } catch (KeelException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new KeelException(ErrorKind.UNREADABLE_SOURCE, problems);
        }
        specs.sort(Comparator.comparing(MigrationSpec::key));
        return specs;
    }

    /**
     * Whether an app's migrations folder holds a file that looks like a migration: {@link #migrationFiles} is not
     * empty, known at the first such file (a layout check, on every run, that need not list thousands).
     */
    public static boolean hasMigrationFiles(KeelConfig config, Path projectDir, AppConfig app) {
        Path folder = config.migrationsDir(projectDir, app);
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(f -> LOOKS_LIKE_MIGRATION.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f));
        } catch (IOException e) {
            throw new KeelException(ErrorKind.UNREADABLE_SOURCE, folder + ": cannot list the migrations folder of app "
                    + app.label() + ": " + e + "\nTo fix: check that the folder is readable.", e);
        }
    }

    /** The files of an app's migrations folder that look like migrations ({@code M0001_initial.java}), sorted. */
    public static List<Path> migrationFiles(KeelConfig config, Path projectDir, AppConfig app) {
        Path folder = config.migrationsDir(projectDir, app);
        return migrationFileNames(folder, app).stream().map(folder::resolve).toList();
    }

    /**
     * The names of the files of {@code folder} that look like migrations and are regular files, in the order of their
     * paths.
     */
    private static List<String> migrationFileNames(Path folder, AppConfig app) {
        List<String> names = new ArrayList<>(namesLikeMigrations(folder, app, true));
        names.removeIf(n -> !Files.isRegularFile(folder.resolve(n)));
        return names;
    }

    /**
     * The names in {@code folder} that look like migrations (whatever they name: the caller keeps the regular files), in
     * the order of their paths (a folder of 5000 migrations sorts names of plain ASCII as strings, which is the paths'
     * byte order, several times faster than the paths themselves; any other name sorts them as paths). The folder is
     * read as names ({@link java.io.File#list}), not as a {@code Path} per entry.
     */
    private static List<String> namesLikeMigrations(Path folder, AppConfig app, boolean sort) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        String[] all = folder.toFile().list();
        if (all == null) { // the folder cannot be read: the error as the file system gives it
            try (Stream<Path> files = Files.list(folder)) {
                files.count();
            } catch (IOException | java.io.UncheckedIOException e) {
                throw unlistable(folder, app, e);
            }
            throw unlistable(folder, app, new IOException("the folder could not be read"));
        }
        var names = new ArrayList<String>();
        boolean ascii = true;
        for (String name : all) {
            if (looksLikeMigration(name)) {
                names.add(name);
                for (int i = 0; i < name.length() && ascii; i++) {
                    ascii = name.charAt(i) < 0x80;
                }
            }
        }
        if (!sort) {
            return names;
        } else if (ascii) {
            names.sort(null);
        } else {
            names.sort(Comparator.comparing(folder::resolve));
        }
        return names;
    }

    private static KeelException unlistable(Path folder, AppConfig app, Exception e) {
        return new KeelException(ErrorKind.UNREADABLE_SOURCE, folder + ": cannot list the migrations folder of app "
                + app.label() + ": " + e + "\nTo fix: check that the folder is readable.", e);
    }

    private static String badName(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.java$", "").substring(1);
        String digits = name.replaceFirst("^(\\d+).*", "$1");
        String words = name.substring(digits.length()).replaceFirst("^[^A-Za-z0-9]*", "").replaceAll("[^A-Za-z0-9_]", "_");
        String number = digits.length() >= 4 ? digits : "0".repeat(4 - digits.length()) + digits;
        String suggestion = "M" + number + "_" + (words.isEmpty() ? "migration" : words);
        return SourceProblems.ofFile(file, "the name " + name + " does not follow NNNN_words (four or more digits,"
                + " an underscore, then letters, digits and underscores)",
                "rename the file and its class, for example to " + suggestion);
    }
}
