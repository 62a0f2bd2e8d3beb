package dev.keel.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The content hash of each file keel read, with what the file system said of it then (size, modification
 * and change times, device and inode), kept in the cache as git keeps its index: a file whose metadata is
 * unchanged is not read again, its hash is taken from here. A file changed within {@link #racyMillis}
 * before it was hashed could change again without its times moving (file systems keep times in ticks):
 * its entry is never trusted, and it is hashed again until it has been still for that long. Any
 * difference in the metadata means the file is read and hashed.
 *
 * <p>One instance per project cache and process (the entity scan and the migrations share it); it is written
 * back ({@link #save}) when it learnt something.
 */
public final class FileHashes {
    /**
     * The cache's side file: a header line ({@code keel file hashes}, a tab, the cache's salt), then one line per
     * file: its absolute path, size, modification time, change time (nanoseconds), device and inode, content hash
     * and when it was hashed (milliseconds), separated by tabs. Not a JSON document: it is read and written on
     * every check that misses, and plain lines cost a fraction of JSON's parse.
     */
    static final String NAME = "files.tsv";

    private static final String HEADER = "keel file hashes\t";

    /**
     * How long a file must have been unchanged (its modification and change times) when hashed for its metadata
     * to vouch for its hash: 2 s, above the coarsest tick of the usual file systems (tests shorten it).
     */
    static volatile long racyMillis = 2_000;

    private static final Map<String, FileHashes> OPEN = new ConcurrentHashMap<>();

    /** What the file system said of a file, and its content's hash then. */
    record Entry(long size, long modifiedNanos, long changedNanos, String fileKey, String hash, long hashedAtMillis) {
        boolean trusted(Stat now) {
            return now != null && size == now.size() && modifiedNanos == now.modifiedNanos() && changedNanos == now.changedNanos()
                    && fileKey.equals(now.fileKey()) && hashedAtMillis - modifiedNanos / 1_000_000 > racyMillis
                    && hashedAtMillis - changedNanos / 1_000_000 > racyMillis;
        }

        /* equals and hashCode written out as Java's record methods define them (RecordMethodsTest): those are linked
           through method handles on first use, milliseconds of a cold check. */
        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof Entry other
                    && size == other.size && modifiedNanos == other.modifiedNanos && changedNanos == other.changedNanos
                    && hashedAtMillis == other.hashedAtMillis && java.util.Objects.equals(fileKey, other.fileKey)
                    && java.util.Objects.equals(hash, other.hash);
        }

        @Override
        public int hashCode() {
            int h = 0;
            h = 31 * h + Long.hashCode(size);
            h = 31 * h + Long.hashCode(modifiedNanos);
            h = 31 * h + Long.hashCode(changedNanos);
            h = 31 * h + java.util.Objects.hashCode(fileKey);
            h = 31 * h + java.util.Objects.hashCode(hash);
            h = 31 * h + Long.hashCode(hashedAtMillis);
            return h;
        }
    }

    /** A file's metadata, as one {@code stat} gives it; null when the file cannot be read. */
    public record Stat(long size, long modifiedNanos, long changedNanos, String fileKey) {
        private static volatile boolean unixView = true;

        /**
         * What {@link #ofRegularFile} gives for a path that is not a regular file (a folder, a device; links followed),
         * or that cannot be read.
         */
        public static final Stat NOT_A_FILE = new Stat(-1, -1, -1, "not a regular file");

        /** The metadata of {@code file} now. */
        public static Stat of(Path file) {
            return read(file, false, null);
        }

        /**
         * The metadata of {@code file} now when it is a regular file (links followed, as {@link Files#isRegularFile}
         * does), else {@link #NOT_A_FILE}: from the same {@code stat} call, for a listing that keeps regular files only
         * and hashes them next.
         */
        public static Stat ofRegularFile(Path file) {
            return read(file, true, NOT_A_FILE);
        }

        /**
         * One {@code stat} of {@code file}: through the JDK's own fields when keel may read them, else the views;
         * {@link #NOT_A_FILE} for anything but a regular file when {@code regularOnly}; {@code unreadable} when it cannot
         * be read.
         */
        private static Stat read(Path file, boolean regularOnly, Stat unreadable) {
            try {
                if (UnixFields.OPEN) {
                    try {
                        PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class);
                        if (regularOnly && !a.isRegularFile()) {
                            return NOT_A_FILE;
                        }
                        Stat stat = UnixFields.stat(a);
                        if (stat != null) {
                            return stat;
                        }
                    } catch (UnsupportedOperationException e) {
                        // not a POSIX file system: the views say what there is
                    }
                }
                return regularOnly && !Files.isRegularFile(file) ? NOT_A_FILE : viaViews(file);
            } catch (IOException e) {
                return unreadable;
            }
        }

        /** {@link #of} through the file system's attribute views alone (what the JDK's own fields must agree with). */
        static Stat viaViews(Path file) throws IOException {
            if (unixView) {
                try {
                    Map<String, Object> a = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,dev,ino");
                    return new Stat((Long) a.get("size"), ((FileTime) a.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS),
                            ((FileTime) a.get("ctime")).to(TimeUnit.NANOSECONDS), a.get("dev") + ":" + a.get("ino"));
                } catch (UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
                    unixView = false; // not a Unix file system: modification time, size and file key only
                }
            }
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            long modified = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            return new Stat(a.size(), modified, modified, String.valueOf(a.fileKey()));
        }

        /** Whether {@link #of} reads the JDK's own fields (else the attribute views): for tests. */
        static boolean readsTheJdksFields() {
            return UnixFields.OPEN;
        }
    }

    /**
     * The change time, device and inode of the JDK's own result of {@code stat} ({@code sun.nio.fs.UnixFileAttributes},
     * what the {@code unix} view reads them from), when the JDK lets keel read it ({@code keel.jar}'s manifest opens
     * {@code sun.nio.fs} to it): the same values as the view's, from one {@code stat}, without the map of attributes
     * the view builds for each file (1.5 kB), which thousands of files per check fill the young generation with.
     * Elsewhere (keel as a library, another JDK), the {@code unix} view.
     */
    private static final class UnixFields {
        static final Class<?> TYPE;
        static final java.lang.reflect.Method CTIME;
        static final java.lang.reflect.Method DEV;
        static final java.lang.reflect.Method INO;
        static final boolean OPEN;

        static {
            Class<?> type = null;
            java.lang.reflect.Method ctime = null;
            java.lang.reflect.Method dev = null;
            java.lang.reflect.Method ino = null;
            try {
                type = Class.forName("sun.nio.fs.UnixFileAttributes");
                ctime = type.getDeclaredMethod("ctime");
                dev = type.getDeclaredMethod("dev");
                ino = type.getDeclaredMethod("ino");
                ctime.setAccessible(true);
                dev.setAccessible(true);
                ino.setAccessible(true);
            } catch (ReflectiveOperationException | RuntimeException e) {
                type = null; // not opened to keel, or not this JDK's layout: the unix view
            }
            TYPE = type;
            CTIME = ctime;
            DEV = dev;
            INO = ino;
            OPEN = type != null;
        }

        /** The stat of {@code a}, or null when it is not the JDK's Unix attributes. */
        static Stat stat(PosixFileAttributes a) {
            if (a.getClass() != TYPE) {
                return null;
            }
            try {
                return new Stat(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                        ((FileTime) CTIME.invoke(a)).to(TimeUnit.NANOSECONDS), DEV.invoke(a) + ":" + INO.invoke(a));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
    }

    private final ProjectCache cache;
    /** The entries of {@link #NAME}, read on first use ({@link #entries()}): a check answered by {@link #combined} reads none. */
    private volatile Map<String, Entry> entries;
    /**
     * The side file {@value #COMBINED_FILE}, read on first use: per name ({@code migrations}, {@code entity sources}), the
     * digest of a list of files' metadata and the fingerprint of their contents then ({@link #combined}).
     */
    private volatile Map<String, String[]> combined;
    private volatile boolean combinedDirty;
    /** The files asked for in this process, each with whether its hash came from its metadata (else it was hashed). */
    private final Map<String, Boolean> seen = new ConcurrentHashMap<>();
    private final AtomicInteger trusted = new AtomicInteger();
    private final AtomicInteger hashed = new AtomicInteger();
    private volatile boolean dirty;

    FileHashes(ProjectCache cache) {
        this.cache = cache;
    }

    /**
     * The hashes kept in {@code cache} (shared by every user of a cache of that folder and salt in this process); its
     * side file is read when a hash is first asked for.
     */
    static FileHashes of(ProjectCache cache) {
        return OPEN.computeIfAbsent(cache.id(), k -> new FileHashes(cache));
    }

    /** The entries, {@link #NAME} read the first time. */
    private Map<String, Entry> entries() {
        Map<String, Entry> e = entries;
        if (e == null) {
            synchronized (this) {
                e = entries;
                if (e == null) {
                    Optional<byte[]> bytes = cache.enabled() ? cache.readSide(NAME) : Optional.empty();
                    e = new ConcurrentHashMap<>(bytes.map(b -> b.length / 120 + 16).orElse(16));
                    if (bytes.isPresent()) {
                        parse(e, new String(bytes.get(), StandardCharsets.UTF_8), cache.salt());
                    }
                    entries = e;
                }
            }
        }
        return e;
    }

    /** The content hash of {@code file} ({@link ContentHash}), without reading it when its metadata vouches for it; null when unreadable. */
    public String hash(Path file) {
        return hash(file, Stat.of(file));
    }

    /**
     * {@link #hash(Path)} with the metadata {@code stat} the caller took of {@code file} just before (null: the file
     * could not be read then), so that one {@code stat} both lists the file and vouches for its hash.
     */
    public String hash(Path file, Stat stat) {
        String key = file.toAbsolutePath().normalize().toString();
        Entry known = entries().get(key);
        if (known != null && known.trusted(stat)) {
            seen.put(key, Boolean.TRUE);
            trusted.incrementAndGet();
            return known.hash();
        }
        seen.put(key, Boolean.FALSE);
        try {
            return hash(file, Files.readAllBytes(file), stat);
        } catch (IOException e) {
            entries().remove(key);
            return null;
        }
    }

    /** The hash of a file's content, known without reading it: when its metadata vouches for the hash kept; else null. */
    public String known(Path file) {
        return known(file, Stat.of(file));
    }

    /** {@link #known(Path)} with the metadata {@code stat} the caller took of {@code file} just before. */
    public String known(Path file, Stat stat) {
        String key = file.toAbsolutePath().normalize().toString();
        Entry known = entries().get(key);
        if (known != null && known.trusted(stat)) {
            seen.put(key, Boolean.TRUE);
            trusted.incrementAndGet();
            return known.hash();
        }
        seen.putIfAbsent(key, Boolean.FALSE);
        return null;
    }

    /**
     * The hash of {@code bytes}, the content just read from {@code file}, remembered with the metadata {@code before}
     * (taken before the read: a write after it changes the metadata, so the next run reads the file again).
     */
    public String hash(Path file, byte[] bytes, Stat before) {
        String hash = ContentHash.of(bytes);
        hashed.incrementAndGet();
        String key = file.toAbsolutePath().normalize().toString();
        seen.put(key, Boolean.FALSE);
        if (before != null) {
            Entry entry = new Entry(before.size(), before.modifiedNanos(), before.changedNanos(), before.fileKey(), hash,
                    System.currentTimeMillis());
            if (!entry.equals(entries().put(key, entry))) {
                dirty = true;
            }
        }
        return hash;
    }

    /**
     * Remembers {@code hash}, the {@link ContentHash} of the content a caller read from {@code file} after it took the
     * metadata {@code before} at {@code beforeMillis} (both before the read: a write after them changes the metadata,
     * and a write within the file system's tick is caught by the time, so the next run reads the file again), as
     * {@link #hash(Path, byte[], Stat)} does for bytes it is given; for a caller that hashed what it read anyway.
     */
    public void remember(Path file, String hash, Stat before, long beforeMillis) {
        hashed.incrementAndGet();
        String key = file.toAbsolutePath().normalize().toString();
        seen.put(key, Boolean.FALSE);
        if (before != null) {
            Entry entry = new Entry(before.size(), before.modifiedNanos(), before.changedNanos(), before.fileKey(), hash,
                    beforeMillis);
            if (!entry.equals(entries().put(key, entry))) {
                dirty = true;
            }
        }
    }

    /** How many hashes were taken from the metadata, and how many files were hashed, since this process opened the cache. */
    public String counts() {
        return trusted.get() + " unchanged by metadata, " + hashed.get() + " hashed";
    }

    /** The two counts of {@link #counts()} now, to say later what one phase did ({@link #countsSince}). */
    public long[] tally() {
        return new long[] {trusted.get(), hashed.get()};
    }

    /**
     * {@link #counts()} of {@code files} alone, each as this process last asked for it: what one phase did, when
     * phases run at the same time (the fingerprints of the entity sources and of the migrations).
     */
    public String countsOf(java.util.Collection<Path> files) {
        int fromMetadata = 0;
        int read = 0;
        for (Path f : files) {
            Boolean how = seen.get(f.toAbsolutePath().normalize().toString());
            if (how == Boolean.TRUE) {
                fromMetadata++;
            } else if (how == Boolean.FALSE) {
                read++;
            }
        }
        return fromMetadata + " unchanged by metadata, " + read + " hashed";
    }

    /** {@link #counts()} since {@code before} (a {@link #tally()}): what one phase did, when phases run one after the other. */
    public String countsSince(long[] before) {
        return (trusted.get() - before[0]) + " unchanged by metadata, " + (hashed.get() - before[1]) + " hashed";
    }

    /**
     * The metadata of each of {@code files} ({@link Stat#ofRegularFile}), taken in parallel (in slices: one
     * {@code stat} is a few microseconds, less than handing one item to a pool thread).
     */
    public static List<Stat> statsOfRegularFiles(List<Path> files) {
        return sliced(files.size(), i -> Stat.ofRegularFile(files.get(i)));
    }

    /** The metadata of each of {@code files} ({@link Stat#of}: null for one that cannot be read), taken in parallel. */
    public static List<Stat> statsOf(List<Path> files) {
        return sliced(files.size(), i -> Stat.of(files.get(i)));
    }

    /**
     * The content hash of each of {@code files} ({@link #hash(Path, Stat)}), each vouched for by its metadata in
     * {@code stats} when it can be, in parallel.
     */
    public List<String> hashes(List<Path> files, List<Stat> stats) {
        entries(); // read once, before the workers ask
        return sliced(files.size(), i -> hash(files.get(i), stats.get(i)));
    }

    /** How many items one pool task takes. */
    private static final int SLICE = 128;

    private static <R> List<R> sliced(int n, java.util.function.IntFunction<R> fn) {
        var slices = new ArrayList<Integer>();
        for (int from = 0; from < n; from += SLICE) {
            slices.add(from);
        }
        Object[] results = new Object[n];
        dev.keel.concurrent.Parallel.map(slices, from -> {
            for (int i = from, to = Math.min(n, from + SLICE); i < to; i++) {
                results[i] = fn.apply(i);
            }
            return from;
        });
        @SuppressWarnings("unchecked")
        List<R> list = (List<R>) java.util.Arrays.asList(results);
        return java.util.Collections.unmodifiableList(list);
    }

    /**
     * The cache's side file of fingerprints of whole lists of files: a header line ({@code keel fingerprints}, a tab,
     * the cache's salt), then one line per list: its name, the {@link #digest} of the files' names and metadata, and the
     * fingerprint of their contents then, separated by tabs.
     */
    public static final String COMBINED_FILE = "fingerprints.tsv";

    private static final String COMBINED_HEADER = "keel fingerprints\t";

    /**
     * The digest of what {@code stats} say of the files named {@code names} (paths as the caller names them, in its
     * order; {@code context} anything else its fingerprint depends on): equal digests, the same files with the same
     * metadata, in the same order.
     */
    public static String digest(String context, List<String> names, List<Stat> stats) {
        int size = 64 + context.length() * 3;
        for (String name : names) {
            size += name.length() * 3 + 4 + 8 * 3 + 4 + 60 * 3; // a file key of at most 60 characters (below)
        }
        var out = java.nio.ByteBuffer.allocate(size);
        put(out, context);
        out.putInt(names.size());
        for (int i = 0; i < names.size(); i++) {
            put(out, names.get(i));
            Stat s = stats.get(i);
            if (s == null) {
                out.putLong(-2);
            } else {
                out.putLong(s.size()).putLong(s.modifiedNanos()).putLong(s.changedNanos());
                put(out, s.fileKey().length() > 60 ? ContentHash.of(s.fileKey()) : s.fileKey()); // within the room counted
            }
        }
        return ContentHash.of(java.util.Arrays.copyOf(out.array(), out.position()));
    }

    /** {@code text} in UTF-8, after its length in bytes. */
    private static void put(java.nio.ByteBuffer out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.putInt(bytes.length).put(bytes);
    }

    /**
     * The fingerprint {@link #rememberCombined} kept as {@code name} under {@code digest}: the files named in the digest,
     * with the metadata it holds, had contents of that fingerprint, each vouched for by its metadata as {@link #hash}
     * vouches for one file's hash. Empty when another digest (or none) is kept: the caller hashes the files.
     */
    public Optional<String> combined(String name, String digest) {
        String[] kept = combined().get(name);
        return kept != null && kept[0].equals(digest) ? Optional.of(kept[1]) : Optional.empty();
    }

    /**
     * Keeps {@code fingerprint}, made of the content hashes of {@code files} this instance gave ({@link #hash(Path, Stat)}),
     * as {@code name} under {@code digest} (the {@link #digest} of their {@code stats}), when every one of those hashes is
     * vouched for by the file's metadata in {@code stats} (its entry trusted for it: a file that changed within
     * {@link #racyMillis} before it was hashed is not, nor one that could not be read); else forgets what was kept.
     * Written by {@link #save}.
     */
    public void rememberCombined(String name, String digest, String fingerprint, List<Path> files, List<Stat> stats) {
        Map<String, Entry> entries = entries();
        boolean vouched = true;
        for (int i = 0; i < files.size() && vouched; i++) {
            Entry e = entries.get(files.get(i).toAbsolutePath().normalize().toString());
            vouched = e != null && e.trusted(stats.get(i));
        }
        Map<String, String[]> kept = combined();
        String[] was = kept.get(name);
        if (vouched && isHash(fingerprint) && name.indexOf('\t') < 0 && name.indexOf('\n') < 0) {
            if (was == null || !was[0].equals(digest) || !was[1].equals(fingerprint)) {
                kept.put(name, new String[] {digest, fingerprint});
                combinedDirty = true;
            }
        } else if (was != null) {
            kept.remove(name);
            combinedDirty = true;
        }
    }

    private Map<String, String[]> combined() {
        Map<String, String[]> c = combined;
        if (c == null) {
            synchronized (this) {
                c = combined;
                if (c == null) {
                    c = new ConcurrentHashMap<>();
                    Optional<byte[]> bytes = cache.enabled() ? cache.readSide(COMBINED_FILE) : Optional.empty();
                    if (bytes.isPresent()) {
                        String[] lines = new String(bytes.get(), StandardCharsets.UTF_8).split("\n", -1);
                        if (lines.length >= 2 && lines[0].equals(COMBINED_HEADER + cache.salt()) && lines[lines.length - 1].isEmpty()) {
                            for (int i = 1; i < lines.length - 1; i++) {
                                String[] f = lines[i].split("\t", -1);
                                if (f.length == 3 && isHash(f[1]) && isHash(f[2])) { // else a damaged line: not kept
                                    c.put(f[0], new String[] {f[1], f[2]});
                                }
                            }
                        } // else another build or configuration, or a file not written to its end: nothing kept
                    }
                    combined = c;
                }
            }
        }
        return c;
    }

    /** Whether {@code text} is what {@link ContentHash} gives: 32 hexadecimal digits. */
    private static boolean isHash(String text) {
        if (text.length() != 32) {
            return false;
        }
        for (int i = 0; i < 32; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private synchronized void saveCombined() {
        if (!combinedDirty) {
            return;
        }
        combinedDirty = false;
        var text = new StringBuilder(COMBINED_HEADER).append(cache.salt()).append('\n');
        var names = new ArrayList<>(combined().keySet());
        names.sort(null);
        for (String n : names) {
            String[] v = combined().get(n);
            if (v != null) {
                text.append(n).append('\t').append(v[0]).append('\t').append(v[1]).append('\n');
            }
        }
        cache.writeSide(COMBINED_FILE, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes what was learnt back to the cache (nothing when nothing changed). */
    public void save() {
        if (combinedDirty) {
            saveCombined();
        }
        if (!dirty) {
            return;
        }
        synchronized (this) {
            dirty = false;
            Map<String, Entry> entries = entries();
            var text = new StringBuilder(entries.size() * 200).append(HEADER).append(cache.salt()).append('\n');
            var keys = new ArrayList<>(entries.keySet());
            keys.sort(null);
            for (String k : keys) {
                Entry e = entries.get(k);
                if (e == null || k.indexOf('\t') >= 0 || k.indexOf('\n') >= 0 || !seen.containsKey(k) && !Files.exists(Path.of(k))) {
                    // gone, or a path the lines cannot hold (hashed again at every run)
                    continue;
                }
                text.append(k).append('\t').append(e.size()).append('\t').append(e.modifiedNanos()).append('\t')
                        .append(e.changedNanos()).append('\t').append(e.fileKey()).append('\t').append(e.hash()).append('\t')
                        .append(e.hashedAtMillis()).append('\n');
            }
            cache.writeSide(NAME, text.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void parse(Map<String, Entry> entries, String text, String salt) {
        int end = text.indexOf('\n');
        if (end < 0 || !text.substring(0, end).equals(HEADER + salt)) {
            return; // another build of keel or another configuration: every file is hashed again
        }
        // each field's bounds in the text: the numbers are parsed in place, only the path and the two texts copied
        int[] from = new int[7];
        int[] to = new int[7];
        for (int start = end + 1; start < text.length(); start = end + 1) {
            end = text.indexOf('\n', start);
            if (end < 0) {
                return; // a line cut short: the file was not written to its end
            }
            int at = start;
            int n = 0;
            while (n < 7) {
                int tab = text.indexOf('\t', at);
                int stop = tab < 0 || tab > end ? end : tab;
                from[n] = at;
                to[n++] = stop;
                if (stop == end) {
                    break;
                }
                at = stop + 1;
            }
            if (n != 7) {
                continue;
            }
            try {
                entries.put(text.substring(from[0], to[0]), new Entry(Long.parseLong(text, from[1], to[1], 10),
                        Long.parseLong(text, from[2], to[2], 10), Long.parseLong(text, from[3], to[3], 10),
                        text.substring(from[4], to[4]), text.substring(from[5], to[5]), Long.parseLong(text, from[6], to[6], 10)));
            } catch (NumberFormatException e) {
                // a damaged line: that file is hashed again
            }
        }
    }

    /** Forgets the hashes held in this process (for tests that rewrite files within the same tick). */
    static void forgetAll() {
        OPEN.clear();
    }

    /** For tests: the entries, by path. */
    List<String> paths() {
        return List.copyOf(entries().keySet());
    }
}
