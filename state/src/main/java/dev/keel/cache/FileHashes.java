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

        /** The metadata of {@code file} now. */
        public static Stat of(Path file) {
            try {
                if (UnixFields.OPEN) {
                    try {
                        Stat stat = UnixFields.stat(Files.readAttributes(file, PosixFileAttributes.class));
                        if (stat != null) {
                            return stat;
                        }
                    } catch (UnsupportedOperationException e) {
                        // not a POSIX file system: the views say what there is
                    }
                }
                return viaViews(file);
            } catch (IOException e) {
                return null;
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
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** The files asked for in this process, each with whether its hash came from its metadata (else it was hashed). */
    private final Map<String, Boolean> seen = new ConcurrentHashMap<>();
    private final AtomicInteger trusted = new AtomicInteger();
    private final AtomicInteger hashed = new AtomicInteger();
    private volatile boolean dirty;

    FileHashes(ProjectCache cache) {
        this.cache = cache;
    }

    /** The hashes kept in {@code cache} (shared by every user of a cache of that folder and salt in this process). */
    static FileHashes of(ProjectCache cache) {
        return OPEN.computeIfAbsent(cache.id(), k -> {
            FileHashes hashes = new FileHashes(cache);
            cache.readSide(NAME).ifPresent(bytes -> hashes.parse(new String(bytes, StandardCharsets.UTF_8), cache.salt()));
            return hashes;
        });
    }

    /** The content hash of {@code file} ({@link ContentHash}), without reading it when its metadata vouches for it; null when unreadable. */
    public String hash(Path file) {
        String key = file.toAbsolutePath().normalize().toString();
        Stat stat = Stat.of(file);
        Entry known = entries.get(key);
        if (known != null && known.trusted(stat)) {
            seen.put(key, Boolean.TRUE);
            trusted.incrementAndGet();
            return known.hash();
        }
        seen.put(key, Boolean.FALSE);
        try {
            return hash(file, Files.readAllBytes(file), stat);
        } catch (IOException e) {
            entries.remove(key);
            return null;
        }
    }

    /** The hash of a file's content, known without reading it: when its metadata vouches for the hash kept; else null. */
    public String known(Path file) {
        String key = file.toAbsolutePath().normalize().toString();
        Entry known = entries.get(key);
        if (known != null && known.trusted(Stat.of(file))) {
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
            if (!entry.equals(entries.put(key, entry))) {
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
            if (!entry.equals(entries.put(key, entry))) {
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

    /** Writes what was learnt back to the cache (nothing when nothing changed). */
    public void save() {
        if (!dirty) {
            return;
        }
        synchronized (this) {
            dirty = false;
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

    private void parse(String text, String salt) {
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
        return List.copyOf(entries.keySet());
    }
}
