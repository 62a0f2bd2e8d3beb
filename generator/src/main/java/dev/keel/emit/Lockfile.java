package dev.keel.emit;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.graph.MigrationGraph;
import dev.keel.migration.MigrationKey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code migrations_lockfile.txt} at the project root: one line per app, {@code label: latest migration}.
 * Two branches that each add a migration to one app change the same line, so the version control system
 * reports the conflict before the graph forks in production.
 */
public record Lockfile(SortedMap<String, String> latest, SortedMap<String, List<String>> conflicts) {
    /** The file name at the project root. */
    public static final String FILE_NAME = "migrations_lockfile.txt";

    private static final String HEADER = """
            # keel migrations lock file: the latest migration of each app.
            # Two branches that add migrations to one app both change its line here, so the merge
            # conflicts in git instead of forking the migration graph. Resolve it with
            # `keel makemigrations --merge` or `keel renumber APP`, never by hand-picking a line.
            """;

    public Lockfile {
        latest = new TreeMap<>(latest);
        conflicts = new TreeMap<>(conflicts);
    }

    /** A lockfile without conflicts. */
    public Lockfile(SortedMap<String, String> latest) {
        this(latest, new TreeMap<>());
    }

    /** Whether git left a merge conflict in it that keel has not resolved yet. */
    public boolean inConflict() {
        return !conflicts.isEmpty();
    }

    /** The lockfile's text, apps sorted by label. */
    public String render() {
        var sb = new StringBuilder(HEADER).append('\n');
        latest.forEach((app, name) -> sb.append(app).append(": ").append(name).append('\n'));
        return sb.toString();
    }

    /**
     * Parses a lockfile's text; {@code fileName} is used in messages. A merge conflict that git left in it
     * (the {@code <<<<<<<}, {@code |||||||}, {@code =======} and {@code >>>>>>>} markers) is read, not
     * refused: an app whose line differs between the two sides is in {@link #conflicts()} with both
     * values, which {@code makemigrations --merge} and {@code renumber} resolve from the migration files.
     */
    public static Lockfile parse(String text, String fileName) {
        var map = new TreeMap<String, String>();
        var ours = new TreeMap<String, String>();
        var theirs = new TreeMap<String, String>();
        var conflicts = new TreeMap<String, List<String>>();
        enum Side { BOTH, OURS, BASE, THEIRS }
        Side side = Side.BOTH;
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            if (line.startsWith("<<<<<<<")) {
                side = Side.OURS;
                continue;
            } else if (line.startsWith("|||||||") && side == Side.OURS) {
                side = Side.BASE;
                continue;
            } else if (line.startsWith("=======") && (side == Side.OURS || side == Side.BASE)) {
                side = Side.THEIRS;
                continue;
            } else if (line.startsWith(">>>>>>>") && side == Side.THEIRS) {
                side = Side.BOTH;
                merge(ours, theirs, map, conflicts);
                continue;
            }
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || side == Side.BASE) {
                continue;
            }
            int colon = l.indexOf(':');
            if (colon <= 0 || l.substring(colon + 1).isBlank()) {
                throw new KeelException(ErrorKind.USAGE, fileName + ":" + lineNo + ": expected `app: migration`, found `" + l + "`."
                        + "\nTo fix: run `keel makemigrations`, which rewrites the lockfile from the migration files.");
            }
            String app = l.substring(0, colon).strip();
            String name = l.substring(colon + 1).strip();
            (side == Side.OURS ? ours : side == Side.THEIRS ? theirs : map).put(app, name);
        }
        if (side != Side.BOTH) {
            throw new KeelException(ErrorKind.USAGE, fileName + ":" + lineNo + ": a merge conflict in it is not closed"
                    + " (no >>>>>>> line).\nTo fix: restore the file as git left it (git checkout --conflict=merge "
                    + FILE_NAME + "), then run keel makemigrations --merge.");
        }
        return new Lockfile(map, conflicts);
    }

    /** One conflict block: lines both sides agree on are taken, the others are conflicts. */
    private static void merge(Map<String, String> ours, Map<String, String> theirs, Map<String, String> into,
                              Map<String, List<String>> conflicts) {
        var apps = new TreeSet<String>(ours.keySet());
        apps.addAll(theirs.keySet());
        for (String app : apps) {
            String a = ours.get(app);
            String b = theirs.get(app);
            if (a == null || b == null || a.equals(b)) {
                into.put(app, a != null ? a : b);
            } else {
                conflicts.put(app, List.of(a, b));
            }
        }
        ours.clear();
        theirs.clear();
    }

    /** Reads the project's lockfile; an empty lockfile when there is none yet. */
    public static Lockfile read(Path projectDir) {
        Path file = projectDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return new Lockfile(new TreeMap<>());
        }
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new KeelException(ErrorKind.USAGE, file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the lockfile to the project root.
     *
     * @throws KeelException of kind GRAPH when a conflict is left that the migration files cannot resolve
     */
    public void write(Path projectDir) {
        if (inConflict()) {
            throw new KeelException(ErrorKind.GRAPH, projectDir.resolve(FILE_NAME) + ": the merge conflict on "
                    + conflicts.keySet() + " is left unresolved, because those apps still have several latest migrations."
                    + "\nTo fix: run keel makemigrations --merge, which joins them and writes the lockfile.");
        }
        try {
            Files.writeString(projectDir.resolve(FILE_NAME), render());
        } catch (IOException e) {
            throw new KeelException(ErrorKind.USAGE, projectDir.resolve(FILE_NAME) + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** This lockfile with {@code app}'s latest migration set (which resolves a conflict on its line). */
    public Lockfile with(String app, String migration) {
        var map = new TreeMap<>(latest);
        map.put(app, migration);
        var open = new TreeMap<>(conflicts);
        open.remove(app);
        return new Lockfile(map, open);
    }

    /**
     * This lockfile with each conflicted app's line set to its one latest migration in {@code graph} (the
     * migration files). Apps that are still forked stay in conflict.
     */
    public Lockfile resolvedFrom(MigrationGraph graph) {
        Lockfile result = this;
        for (String app : conflicts.keySet()) {
            List<MigrationKey> leaves = graph.leaves(app);
            if (leaves.size() == 1) {
                result = result.with(app, leaves.get(0).name());
            }
        }
        return result;
    }
}
