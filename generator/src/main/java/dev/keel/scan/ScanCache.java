package dev.keel.scan;

import dev.keel.concurrent.Parallel;

import dev.keel.cache.ContentHash;
import dev.keel.cache.FileHashes;
import dev.keel.timing.Phases;
import dev.keel.cache.ProjectCache;
import dev.keel.config.KeelConfig;

import dev.keel.scan.internal.ClassPath;
import dev.keel.scan.internal.EntityRemap;
import dev.keel.scan.internal.Outline;
import dev.keel.scan.internal.SourceIndex;
import dev.keel.scan.internal.SourceTrees;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The entity scan kept in the cache under a hash of every source file it read (path and content):
 * unchanged sources, no scan. Beside it, each file's {@link Outline} hash as the scan read it: when the only
 * changed files keep their outlines (an edit inside a method body, a comment, a method the mapping never
 * reads), the cached scan still holds and is used, the changed files alone parsed. A scan that finds problems
 * is never stored.
 */
public final class ScanCache {
    /** The cache document: the stored scan, compact ({@link ScanCodec}), under its key (.keel/cache/entities.bin). */
    static final String NAME = "entities";
    /** The side file of the cached scan's sources and their outlines ({@link Outlines}). */
    static final String OUTLINES = "entity-outlines.tsv";

    private ScanCache() {}

    /**
     * A hash of what the scan of the project reads, salted by {@code cache}: the key of the cached scan when every
     * source file whose content changed since that scan keeps its {@link Outline} (and no file was added or removed),
     * else a hash of each source file's path and content.
     */
    public static String fingerprint(Path projectDir, KeelConfig config, ProjectCache cache) {
        return fingerprinted(projectDir, config, cache).key();
    }

    /**
     * {@link #fingerprint}, with what taking it learnt of the sources (the files listed, the salt, and unless the
     * fingerprint was kept whole, each file's hash and the stored scan's outlines compared with them): the scan after
     * it in the same check ({@link #scanStoringLater(Path, KeelConfig, ProjectCache, Fingerprint)}) starts from there
     * instead of listing, hashing and comparing the same files again.
     */
    public static Fingerprint fingerprinted(Path projectDir, KeelConfig config, ProjectCache cache) {
        long start = System.nanoTime();
        List<Path> files = EntityScanner.sourceFiles(projectDir, config);
        Resolved resolved;
        String digest;
        String salt;
        List<FileHashes.Stat> stats = FileHashes.statsOf(files);
        try (ClassPath classPath = EntityScanner.classPath(projectDir, config)) {
            salt = salt(cache, classPath);
            var names = new ArrayList<String>(files.size());
            files.forEach(f -> names.add(f.toString()));
            digest = FileHashes.digest(salt, names, stats);
            Optional<String> whole = cache.fileHashes().combined(FINGERPRINT, digest);
            if (whole.isPresent()) {
                Phases.report("fingerprint entity sources", start, files.size() + " files; the same files with the same"
                        + " metadata as when their fingerprint was kept (" + FileHashes.COMBINED_FILE + ")");
                return new Fingerprint(whole.get(), projectDir, config, files, salt, null);
            }
            resolved = resolve(projectDir, files, cache, salt, stats);
        }
        cache.fileHashes().rememberCombined(FINGERPRINT, digest, resolved.key(), files, stats);
        if (Phases.enabled()) { // the migrations' fingerprint may run meanwhile: this phase's own counts
            Phases.report("fingerprint entity sources", start, files.size() + " files; " + cache.fileHashes().countsOf(files)
                    + resolved.said());
        }
        return new Fingerprint(resolved.key(), projectDir, config, files, salt, resolved);
    }

    /**
     * The entity sources' fingerprint ({@link #key}), and what {@link #fingerprinted} learnt taking it, for the scan
     * that follows it: the source files it listed, the salt of the scan's keys, and (null when the fingerprint was kept
     * whole, its key then being the stored scan's) each file's hash and the outlines compared. Taken of the files as
     * they were then: a scan given it reads the files it lists as they are when it reads them, and stores nothing
     * under a hash that is no longer the file's.
     */
    public static final class Fingerprint {
        private final String key;
        private final Path projectDir;
        private final KeelConfig config;
        private final List<Path> files;
        private final String salt;
        private final Resolved resolved;

        private Fingerprint(String key, Path projectDir, KeelConfig config, List<Path> files, String salt, Resolved resolved) {
            this.key = key;
            this.projectDir = projectDir;
            this.config = config;
            this.files = files;
            this.salt = salt;
            this.resolved = resolved;
        }

        /** The fingerprint: the stored scan's key when the changed files kept their outlines, else the files' own. */
        public String key() {
            return key;
        }

        /** Whether it was taken of the sources {@code config} names in {@code projectDir} (the very same configuration). */
        boolean of(Path projectDir, KeelConfig config) {
            return this.config == config && this.projectDir.equals(projectDir);
        }
    }

    /**
     * The name of the entity sources' fingerprint among those kept whole ({@link FileHashes#combined}): the key
     * {@link #fingerprint} gave for the files with that metadata (the stored scan's, when their outlines were its).
     */
    static final String FINGERPRINT = "entity sources";

    /** {@link EntityScanner#scanWithHints(Path, KeelConfig)}, through {@code cache}. */
    public static EntityScanner.Scan scanWithHints(Path projectDir, KeelConfig config, ProjectCache cache) {
        return scanFingerprinted(projectDir, config, cache).scan();
    }

    /**
     * A scan, and the {@link #fingerprint} of the sources as it read them: the one {@link #fingerprint} gives for
     * those contents, from the hashes the scan takes anyway (each file it parsed was checked against them); empty
     * without a cache, or when a file changed between its hash and its parse.
     */
    public record Fingerprinted(EntityScanner.Scan scan, Optional<String> fingerprint) {}

    /** {@link #scanWithHints(Path, KeelConfig, ProjectCache)}, with the fingerprint of what the scan read. */
    public static Fingerprinted scanFingerprinted(Path projectDir, KeelConfig config, ProjectCache cache) {
        StoringLater scanned = scanStoringLater(projectDir, config, cache);
        scanned.store().run();
        return scanned.scanned();
    }

    /**
     * A scan and the fingerprint of what it read, and what is left to store of it in the cache (the scan, the files'
     * summaries and outlines, the file hashes), for the caller to run once, on whichever thread, before it ends: the
     * scan's result is given as soon as it is made (the check waits for it), its storing costs a tenth of it in a
     * fresh JVM. What is not stored only makes the next run slower.
     */
    public record StoringLater(Fingerprinted scanned, Runnable store) {}

    /** {@link #scanFingerprinted}, storing later. */
    public static StoringLater scanStoringLater(Path projectDir, KeelConfig config, ProjectCache cache) {
        return scanStoringLater(projectDir, config, cache, null);
    }

    /**
     * {@link #scanStoringLater(Path, KeelConfig, ProjectCache)} right after {@code earlier} was taken of the same
     * sources in this run (null: none was): its listing of the files and their hashes stand for the scan's own.
     */
    public static StoringLater scanStoringLater(Path projectDir, KeelConfig config, ProjectCache cache, Fingerprint earlier) {
        long start = System.nanoTime();
        LAST_REUSE.set(null);
        Fingerprint handed = earlier != null && earlier.of(projectDir, config) ? earlier : null;
        List<Path> files = handed != null ? handed.files : EntityScanner.sourceFiles(projectDir, config);
        try (ClassPath classPath = EntityScanner.classPath(projectDir, config)) {
            return scanStoringLater(projectDir, config, cache, files, classPath, start, handed);
        }
    }

    /**
     * The salt of the scan's keys: the cache's, and the fingerprint of the class path's content when there is one (a
     * changed jar changes every key, and the record of outlines no longer matches).
     */
    static String salt(ProjectCache cache, ClassPath classPath) {
        return classPath.isEmpty() ? cache.salt()
                : ContentHash.start(cache.salt()).add(classPath.fingerprint(cache.fileHashes())).hash();
    }

    private static StoringLater scanStoringLater(Path projectDir, KeelConfig config, ProjectCache cache, List<Path> files,
                                                 ClassPath classPath, long start, Fingerprint earlier) {
        if (!cache.enabled()) {
            EntityScanner.Scan scan = EntityScanner.scanWithOutlines(files, config, Map.of(), classPath).scan();
            Phases.report("scan entities", start, files.size() + " files, no cache");
            return new StoringLater(new Fingerprinted(scan, Optional.empty()), () -> {});
        }
        String salt = salt(cache, classPath);
        if (!cache.holdsAny(NAME + ".bin", OUTLINES, FILES)) {
            return firstScan(projectDir, config, cache, files, classPath, salt, start);
        }
        Fingerprint handed = earlier != null && earlier.salt.equals(salt) ? earlier : null;
        if (handed != null && handed.resolved == null) {
            // kept whole: the fingerprint is the key of the stored scan it was kept with
            EntityScanner.Scan scan = cache.readCompact(NAME, handed.key, ScanCodec::read).orElse(null);
            if (scan != null) {
                Phases.report("scan entities", start, files.size() + " files, as their fingerprint found them: from .keel/cache");
                return new StoringLater(new Fingerprinted(scan, Optional.of(handed.key)), () -> {});
            }
        }
        Resolved resolved = handed != null && handed.resolved != null ? handed.resolved : resolve(projectDir, files, cache, salt, null);
        EntityScanner.Scan scan = cache.readCompact(NAME, resolved.key(), ScanCodec::read).orElse(null);
        if (scan != null) {
            Phases.report("scan entities", start, files.size() + " files" + resolved.said() + ": from .keel/cache");
            return new StoringLater(new Fingerprinted(scan, Optional.of(resolved.key())), () -> {});
        }
        Map<Path, SourceTrees.Summary> known = Summaries.known(cache, files, resolved.hashes());
        EntityScanner.Outlined outlined;
        try {
            outlined = remapped(files, config, cache, salt, resolved, known, classPath).orElse(null);
            if (outlined == null) {
                outlined = EntityScanner.scanWithOutlines(files, config, known, classPath);
            }
        } catch (SourceTrees.StaleSummary stale) {
            // a file changed since it was hashed: no summary is trusted, every file is read as it is
            Phases.report("scan entities", start, stale.getMessage() + ": scanned again from the files");
            outlined = EntityScanner.scanWithOutlines(files, config, Map.of(), classPath);
        }
        return storingLater(projectDir, cache, salt, files, resolved, outlined, start);
    }

    /**
     * The scan when the cache holds no stored scan, no record of outlines and no summaries (a first check, or after
     * {@code rm -rf .keel/cache}): no key can find anything, so the files are not hashed before the scan (a read of each
     * file before its parse reads it again); the scan's key is made of the content hashes its first reading took of the
     * bytes it parsed, and the file hashes learn them with each file's metadata and the time taken before the scan.
     */
    private static StoringLater firstScan(Path projectDir, KeelConfig config, ProjectCache cache, List<Path> files,
                                          ClassPath classPath, String salt, long start) {
        long before = System.currentTimeMillis();
        List<FileHashes.Stat> stats = Parallel.map(files, FileHashes.Stat::of);
        EntityScanner.Outlined outlined = EntityScanner.scanWithOutlines(files, config, Map.of(), classPath);
        List<String> paths = relative(projectDir, files);
        List<String> hashes = new ArrayList<>(files.size());
        var key = ContentHash.start(salt);
        FileHashes known = cache.fileHashes();
        for (int i = 0; i < files.size(); i++) {
            SourceIndex.Read read = outlined.outlines().get(files.get(i));
            String hash = read == null ? "unread " + System.nanoTime() : read.content(); // unread: not stored (below)
            hashes.add(hash);
            key.add(paths.get(i)).add(hash);
            if (read != null) {
                known.remember(files.get(i), hash, stats.get(i), before);
            }
        }
        String current = key.hash();
        return storingLater(projectDir, cache, salt, files, new Resolved(current, current, hashes,
                "; nothing in .keel/cache: each file hashed as its scan read it"), outlined, start);
    }

    /** The scan {@code outlined} of the files {@code resolved} hashed, and its store. */
    private static StoringLater storingLater(Path projectDir, ProjectCache cache, String salt, List<Path> files,
                                             Resolved resolved, EntityScanner.Outlined outlined, long start) {
        LAST_REUSE.set(outlined.reuse());
        EntityScanner.Scan scan = outlined.scan();
        List<String> outlines = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            SourceIndex.Read read = outlined.outlines().get(files.get(i));
            if (read == null || !read.content().equals(resolved.hashes().get(i))) {
                // the file the scan read is not the one hashed (changed meanwhile): the scan is not stored under that hash
                Phases.report("scan entities", start, files.size() + " files scanned; " + files.get(i) + " changed meanwhile: not stored");
                return new StoringLater(new Fingerprinted(scan, Optional.empty()), () -> {});
            }
            outlines.add(read.outline());
        }
        Phases.report("scan entities", start, files.size() + " files scanned");
        EntityScanner.Scan made = scan;
        Map<Path, SourceTrees.Summary> summaries = outlined.summaries();
        var record = outlined.records(); // made on the store's thread
        Runnable store = () -> {
            long storing = System.nanoTime();
            cache.writeCompact(NAME, resolved.current(), w -> ScanCodec.write(w, made));
            MapRecords.save(cache, resolved.current(), record.get());
            Summaries.save(cache, files, summaries);
            Outlines.of(resolved.current(), relative(projectDir, files), resolved.hashes(), outlines).save(cache, salt);
            cache.fileHashes().save();
            Phases.report("store scanned entities", storing, files.size() + " files: the scan, its mapping's record, the"
                    + " files' summaries and outlines");
        };
        return new StoringLater(new Fingerprinted(scan, Optional.of(resolved.key())), store);
    }

    /**
     * The scan of the sources when one file alone changed since the stored scan (in its outline): its entity mapped
     * alone and spliced into that scan, when {@link EntityRemap} proves it the scan of the whole project; else empty.
     */
    private static Optional<EntityScanner.Outlined> remapped(List<Path> files, KeelConfig config, ProjectCache cache,
                                                             String salt, Resolved resolved,
                                                             Map<Path, SourceTrees.Summary> known, ClassPath classPath) {
        if (resolved.basis() == null || resolved.changed() == null || resolved.changed().size() != 1 || !REMAP_ENABLED) {
            return Optional.empty();
        }
        long start = System.nanoTime();
        String key = resolved.basis().key();
        Optional<EntityRemap.MapRecord> record = MapRecords.read(cache, key);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        long recordRead = System.nanoTime();
        Optional<EntityScanner.Scan> old = cache.readCompact(NAME, key, ScanCodec::read);
        if (old.isEmpty()) {
            return Optional.empty();
        }
        if (Phases.enabled()) {
            Phases.report("scan: read the stored scan", start, "its mapping's record " + (recordRead - start) / 1_000_000
                    + " ms, the scan " + (System.nanoTime() - recordRead) / 1_000_000 + " ms");
        }
        return EntityScanner.remap(files, config, known, files.get(resolved.changed().get(0)), old.get(), record.get(),
                classPath);
    }

    /** Whether a scan may re-map one entity alone (false in tests that compare with the scan without it). */
    static volatile boolean REMAP_ENABLED = true;

    /** How many times this process reused a scan because the changed files kept their outlines (for tests). */
    static int outlineReuses() {
        return OUTLINE_REUSES.get();
    }

    private static final AtomicInteger OUTLINE_REUSES = new AtomicInteger();

    /**
     * How much of the sources the last scan made and stored through the cache in this process took from it; null
     * when the last call made none, or its scan found problems (for tests).
     */
    static EntityScanner.Reuse lastReuse() {
        return LAST_REUSE.get();
    }

    private static final java.util.concurrent.atomic.AtomicReference<EntityScanner.Reuse> LAST_REUSE =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** The outline hash of a content, by the content's hash: a pure function, so one process computes it once. */
    private static final Map<String, Optional<String>> OUTLINE_OF = new ConcurrentHashMap<>();

    /**
     * The key to look the scan up under, the key of the sources as they are ({@code current}, under which a new
     * scan is stored), their content hashes, and what {@code -v 3} says of the outlines.
     */
    private record Resolved(String key, String current, List<String> hashes, String said, Outlines basis, List<Integer> changed) {
        Resolved(String key, String current, List<String> hashes, String said) {
            this(key, current, hashes, said, null, null);
        }
    }

    /**
     * The key of the scan of {@code files}: that of the cached scan ({@link Outlines}) when the same files are there
     * and each one whose content changed since has the same outline (then the outlines' record learns the new
     * contents, so that the next run does not parse them again); else the key of the files as they are.
     */
    private static Resolved resolve(Path projectDir, List<Path> files, ProjectCache cache, String salt,
                                    List<FileHashes.Stat> stats) {
        FileHashes known = cache.fileHashes();
        List<String> hashes = new ArrayList<>(known.hashes(files, stats != null ? stats : FileHashes.statsOf(files)));
        for (int i = 0; i < hashes.size(); i++) {
            if (hashes.get(i) == null) {
                hashes.set(i, "unreadable " + System.nanoTime());
            }
        }
        List<String> paths = relative(projectDir, files);
        var key = ContentHash.start(salt);
        for (int i = 0; i < files.size(); i++) {
            key.add(paths.get(i)).add(hashes.get(i));
        }
        String current = key.hash();
        Outlines basis = Outlines.read(cache, salt).orElse(null);
        if (basis == null || basis.key().equals(current) || basis.files().size() != files.size()) {
            return new Resolved(current, current, hashes, "");
        }
        var changed = new ArrayList<Integer>();
        for (int i = 0; i < files.size(); i++) {
            String[] was = basis.files().get(paths.get(i));
            if (was == null) {
                return new Resolved(current, current, hashes, "; files added or removed since the cached scan");
            }
            if (!was[0].equals(hashes.get(i))) {
                changed.add(i);
            }
        }
        if (changed.isEmpty()) {
            return new Resolved(basis.key(), current, hashes, "; unchanged since an edit that kept the outlines");
        }
        for (int i : changed) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(files.get(i));
            } catch (IOException e) {
                return new Resolved(current, current, hashes, "; " + paths.get(i) + " unreadable");
            }
            if (!ContentHash.of(bytes).equals(hashes.get(i))) {
                return new Resolved(current, current, hashes, "; " + paths.get(i) + " changed while read");
            }
            Optional<String> outline = OUTLINE_OF.computeIfAbsent(hashes.get(i), h -> Outline.hashOf(bytes));
            if (outline.isEmpty() || !outline.get().equals(basis.files().get(paths.get(i))[1])) {
                return new Resolved(current, current, hashes, "; " + changed.size() + " changed, "
                        + paths.get(i) + (outline.isEmpty() ? " does not parse" : " in its outline"), basis, changed);
            }
        }
        var updated = new java.util.LinkedHashMap<String, String[]>(basis.files());
        for (int i : changed) {
            updated.put(paths.get(i), new String[] {hashes.get(i), basis.files().get(paths.get(i))[1]});
        }
        new Outlines(basis.key(), updated).save(cache, salt);
        OUTLINE_REUSES.incrementAndGet();
        return new Resolved(basis.key(), current, hashes, "; " + changed.size() + " changed, each keeping its outline (bodies,"
                + " comments or plain methods): the cached scan holds");
    }

    private static List<String> relative(Path projectDir, List<Path> files) {
        return files.stream().map(f -> projectDir.relativize(f).toString()).toList();
    }

    /**
     * The side file {@value #OUTLINES}: the key of the cached scan, and per source file (by path relative to the
     * project) its content hash and its outline hash as that scan read it (the content hash updated when a later
     * edit kept the outline). A header line ({@code keel entity outlines}, the cache's salt, the key), then one
     * line per file: path, content hash, outline hash, separated by tabs.
     */
    record Outlines(String key, Map<String, String[]> files) {
        private static final String HEADER = "keel entity outlines\t";

        static Outlines of(String key, List<String> paths, List<String> hashes, List<String> outlines) {
            var files = new java.util.LinkedHashMap<String, String[]>();
            for (int i = 0; i < paths.size(); i++) {
                files.put(paths.get(i), new String[] {hashes.get(i), outlines.get(i)});
            }
            return new Outlines(key, files);
        }

        static Optional<Outlines> read(ProjectCache cache, String salt) {
            Optional<byte[]> bytes = cache.readSide(OUTLINES);
            if (bytes.isEmpty()) {
                return Optional.empty();
            }
            String[] lines = new String(bytes.get(), StandardCharsets.UTF_8).split("\n", -1);
            String[] head = lines[0].split("\t", -1);
            if (head.length != 3 || !(head[0] + "\t").equals(HEADER) || !head[1].equals(salt)
                    || !lines[lines.length - 1].isEmpty()) {
                return Optional.empty(); // another build or configuration, or a file not written to its end
            }
            var files = new HashMap<String, String[]>();
            for (int i = 1; i < lines.length - 1; i++) {
                String[] f = lines[i].split("\t", -1);
                if (f.length != 3) {
                    return Optional.empty();
                }
                files.put(f[0], new String[] {f[1], f[2]});
            }
            return Optional.of(new Outlines(head[2], files));
        }

        /** Writes the record; a file that cannot be listed (a path with a tab or line break, a file without outline) is no record. */
        void save(ProjectCache cache, String salt) {
            var text = new StringBuilder(files.size() * 220).append(HEADER).append(salt).append('\t').append(key).append('\n');
            for (var e : files.entrySet()) {
                String[] v = e.getValue();
                if (e.getKey().indexOf('\t') >= 0 || e.getKey().indexOf('\n') >= 0 || v[0] == null || v[1] == null) {
                    cache.writeSide(OUTLINES, new byte[0]);
                    return;
                }
                text.append(e.getKey()).append('\t').append(v[0]).append('\t').append(v[1]).append('\n');
            }
            cache.writeSide(OUTLINES, text.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The side file {@value #FILES}: what the first reading of each source file of the last scan found
     * ({@link SourceTrees.Summary}: the types it declares with their lines and annotation names, its outline hash,
     * length and CRC-32C), by content hash. A summary is a function of the file's bytes alone, so a file whose
     * content hash is one listed is indexed from it without being read or parsed; its tree is parsed only when
     * the mapping reads it. A header line ({@code keel entity files}, the cache's salt), then one summary a line.
     */
    static final String FILES = "entity-files.tsv";

    static final class Summaries {
        private static final String HEADER = "keel entity files\t";

        private Summaries() {}

        /** The summaries of the files whose content hash (in {@code hashes}, by index) the side file lists. */
        static Map<Path, SourceTrees.Summary> known(ProjectCache cache, List<Path> files, List<String> hashes) {
            Optional<byte[]> bytes = cache.readSide(FILES);
            if (bytes.isEmpty()) {
                return Map.of();
            }
            String text = new String(bytes.get(), StandardCharsets.UTF_8);
            String header = HEADER + cache.salt() + "\n";
            if (!text.startsWith(header) || !text.endsWith("\n")) {
                return Map.of(); // another build or configuration, or a file not written to its end
            }
            var lines = new HashMap<String, String>();
            for (int at = header.length(); at < text.length(); ) {
                int end = text.indexOf('\n', at);
                int tab = text.indexOf('\t', at);
                if (tab > at && tab < end) {
                    lines.put(text.substring(at, tab), text.substring(at, end));
                }
                at = end + 1;
            }
            var known = new HashMap<Path, SourceTrees.Summary>();
            for (int i = 0; i < files.size(); i++) {
                String line = lines.get(hashes.get(i));
                Optional<SourceTrees.Summary> summary = line == null ? Optional.empty() : SourceTrees.Summary.decode(line);
                if (summary.isPresent()) {
                    known.put(files.get(i), summary.get());
                }
            }
            return known;
        }

        /** Writes the summaries of {@code files} (each once by content). */
        static void save(ProjectCache cache, List<Path> files, Map<Path, SourceTrees.Summary> summaries) {
            var text = new StringBuilder(files.size() * 200).append(HEADER).append(cache.salt()).append('\n');
            var seen = new java.util.HashSet<String>();
            for (Path f : files) {
                SourceTrees.Summary sm = summaries.get(f);
                if (sm != null && seen.add(sm.content())) {
                    text.append(sm.encode()).append('\n');
                }
            }
            cache.writeSide(FILES, text.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The compact document {@value #MAP} ({@code .keel/cache/entity-map.bin}): what the mapping of the stored scan
     * recorded per entity ({@link EntityRemap.MapRecord#write}), under the scan's key, after its version number. A
     * record of another version, damaged, cut short or longer is not read: the whole project is mapped.
     */
    static final String MAP = "entity-map";

    static final class MapRecords {
        /** The layout's version: the first number of the document; any other is not read. */
        static final int VERSION = 1;

        private MapRecords() {}

        static Optional<EntityRemap.MapRecord> read(ProjectCache cache, String key) {
            return cache.readCompact(MAP, key, r -> {
                long version = r.count();
                if (version != VERSION) {
                    throw new IllegalArgumentException("a mapping record of version " + version + ", not " + VERSION);
                }
                return EntityRemap.MapRecord.read(r);
            });
        }

        /** Writes the record of the scan stored under {@code key} (an empty record when there is none: a scan without it). */
        static void save(ProjectCache cache, String key, EntityRemap.MapRecord record) {
            cache.writeCompact(MAP, key, w -> {
                if (record == null) {
                    w.count(0); // no version: not read
                    return;
                }
                w.count(VERSION);
                record.write(w);
            });
        }
    }
}
