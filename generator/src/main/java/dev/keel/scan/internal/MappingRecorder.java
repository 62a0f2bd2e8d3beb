package dev.keel.scan.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each entity's mapping read and wrote, recorded while the mapping runs (on the mapping's thread), so that a
 * later scan may map one changed entity alone ({@link EntityRemap}). The mapping runs under a <em>subject</em>: the
 * entity being mapped (its class name), or a whole-project step ({@code #setup}, {@code #collection-keys},
 * {@code #indexes}, {@code #finish}). Recorded per subject:
 *
 * <ul>
 *   <li>every source file whose tree it read ({@link #tree}, called by {@link TypeInfo#decl()} and {@link TypeInfo#unit()},
 *       and by each cache of what a tree says when it answers from the cache: the files read to fill the entry,
 *       kept with it ({@link #begin}, {@link #end}, {@link #replay}), count for whoever is answered);</li>
 *   <li>every other entity whose table it obtained ({@link Schema#tableOf}): an opaque read, anything of the
 *       table may have been read or written;</li>
 *   <li>every other entity whose <em>interface</em> alone it read ({@link #iface}): its entity and table names,
 *       schema and key columns as a relation's foreign key needs them (see {@link EntityRemap#iface});</li>
 *   <li>the tables it registered or merged into ({@link #registered}) and the sequences it added ({@link #sequence}).</li>
 * </ul>
 *
 * Nothing is recorded when no recorder is started on the thread.
 */
public final class MappingRecorder {
    private static final ThreadLocal<MappingRecorder> CURRENT = new ThreadLocal<>();
    /**
     * The recorder started last, with its thread: {@link #tree} (called for every tree read, also before the JIT has
     * compiled the mapping) asks it first, the thread-local only for another thread.
     */
    private static volatile MappingRecorder latest;
    private final Thread thread = Thread.currentThread();

    /** The subject of the whole-project steps before the entities are mapped. */
    public static final String SETUP = "#setup";

    private String subject = SETUP;
    /** The current subject's files (null until it reads one), and the file it read last (most reads repeat it). */
    private Set<Path> subjectFiles;
    private Path last;
    /** The files read while a cache entry is being filled ({@link #begin}), in order, and how many entries are. */
    private final List<Path> log = new ArrayList<>();
    private int open;
    final Map<String, Set<Path>> trees = new HashMap<>();
    final Map<String, Set<String>> tables = new HashMap<>();
    final Map<String, Set<String>> interfaces = new HashMap<>();
    final Map<TableSpec, Set<String>> registrants = new IdentityHashMap<>();
    final Map<String, Set<String>> sequences = new HashMap<>();
    /** In a re-mapping, what to do when the subject obtains the table of an entity not mapped yet (may be null). */
    java.util.function.Consumer<EntityInfo> onMissingTable;

    MappingRecorder() {
    }

    /** Starts recording on this thread. */
    static MappingRecorder start() {
        MappingRecorder r = new MappingRecorder();
        CURRENT.set(r);
        latest = r;
        return r;
    }

    /** Stops recording on this thread. */
    static void stop() {
        MappingRecorder r = CURRENT.get();
        CURRENT.remove();
        if (r != null && latest == r) {
            latest = null;
        }
    }

    static MappingRecorder current() {
        return CURRENT.get();
    }

    /** Makes {@code next} the subject; returns the one before, for {@link #leave}. */
    static String enter(String next) {
        MappingRecorder r = CURRENT.get();
        if (r == null) {
            return null;
        }
        String before = r.subject;
        r.subject = next;
        r.subjectFiles = null;
        r.last = null;
        return before;
    }

    /** Makes {@code before} (from {@link #enter}) the subject again. */
    static void leave(String before) {
        if (before != null) {
            enter(before);
        }
    }

    /** The current subject, or null when nothing is recorded. */
    static String subject() {
        MappingRecorder r = CURRENT.get();
        return r == null ? null : r.subject;
    }

    /** The subject read the tree of {@code type}'s file. */
    static void tree(TypeInfo type) {
        MappingRecorder r = latest;
        if (r == null || r.thread != Thread.currentThread()) {
            r = CURRENT.get();
        }
        if (r != null) {
            r.read(type.file());
        }
    }

    private void read(Path file) {
        if (open > 0) {
            log.add(file);
        }
        if (file == last) {
            return;
        }
        last = file;
        if (subjectFiles == null) {
            subjectFiles = trees.computeIfAbsent(subject, k -> new HashSet<>());
        }
        subjectFiles.add(file);
    }

    /** A mark of where a cache entry began to be filled, for {@link #end}. */
    record Mark(int at) {}

    private static final Mark[] MARKS = new Mark[64];

    static {
        for (int i = 0; i < MARKS.length; i++) {
            MARKS[i] = new Mark(i);
        }
    }

    /** Starts collecting the files read to fill a cache entry; pair with {@link #end}. */
    static Mark begin() {
        MappingRecorder r = CURRENT.get();
        if (r == null) {
            return null;
        }
        r.open++;
        int at = r.log.size();
        return at < MARKS.length ? MARKS[at] : new Mark(at);
    }

    /**
     * The files read since {@code mark}, or null when they are only {@code own} (the file of the entry's key, recorded
     * again on every answer) or nothing is recorded.
     */
    static Set<Path> end(Mark mark, Path own) {
        MappingRecorder r = CURRENT.get();
        if (r == null || mark == null) {
            return null;
        }
        Set<Path> result = null;
        List<Path> log = r.log;
        for (int i = mark.at(); i < log.size(); i++) {
            Path p = log.get(i);
            // most reads are of the entry's own file, the same Path object (UnixPath.equals compares every byte)
            if (p != own && !p.equals(own)) {
                if (result == null) {
                    result = new HashSet<>(4);
                }
                result.add(p);
            }
        }
        if (--r.open == 0) {
            log.clear();
        }
        if (result == null) {
            return null;
        }
        if (own != null && mark.at() < log.size() && log.subList(mark.at(), log.size()).contains(own)) {
            result.add(own);
        }
        return Set.copyOf(result);
    }

    /** The subject is answered from a cache entry filled by reading {@code files} (null: none beyond the key's own). */
    static void replay(Set<Path> files) {
        MappingRecorder r = CURRENT.get();
        if (r != null && files != null) {
            files.forEach(r::read);
        }
    }

    /** The subject obtained the table of {@code entity} (or of its hierarchy's root): an opaque read unless its own. */
    static void table(EntityInfo entity, boolean present) {
        MappingRecorder r = CURRENT.get();
        if (r == null) {
            return;
        }
        String target = entity.type().fqn();
        if (!target.equals(EntityRemap.owner(r.subject))) {
            r.tables.computeIfAbsent(r.subject, k -> new LinkedHashSet<>()).add(target);
        }
        if (!present && r.onMissingTable != null) {
            r.onMissingTable.accept(entity);
        }
    }

    /** Whether a re-mapping maps tables on demand (then {@link #table} may create the missing one). */
    static boolean onDemand() {
        MappingRecorder r = CURRENT.get();
        return r != null && r.onMissingTable != null;
    }

    /** The subject read only the interface of {@code entity} (names, schema, key columns). */
    static void iface(EntityInfo entity) {
        MappingRecorder r = CURRENT.get();
        if (r != null && !entity.type().fqn().equals(EntityRemap.owner(r.subject))) {
            r.interfaces.computeIfAbsent(r.subject, k -> new LinkedHashSet<>()).add(entity.type().fqn());
        }
    }

    /** The subject registered {@code table}, or merged a table into it. */
    static void registered(TableSpec table) {
        MappingRecorder r = CURRENT.get();
        if (r != null) {
            r.registrants.computeIfAbsent(table, k -> new LinkedHashSet<>()).add(r.subject);
        }
    }

    /** The subject added (or compared with) the sequence {@code name}. */
    static void sequence(String name) {
        MappingRecorder r = CURRENT.get();
        if (r != null) {
            r.sequences.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(r.subject);
        }
    }

    /** The subject obtained a table that is not its own without naming its entity (e.g. by name): opaque, to all. */
    static void opaqueToAll() {
        MappingRecorder r = CURRENT.get();
        if (r != null) {
            r.tables.computeIfAbsent(r.subject, k -> new LinkedHashSet<>()).add("*");
        }
    }
}
