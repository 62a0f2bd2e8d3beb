package dev.keel.emit;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code migrations_lockfile.txt} at the project root: one line per app, {@code label: latest migration}.
 * Two branches that each add a migration to one app change the same line, so the version control system
 * reports the conflict before the graph forks in production.
 */
public record Lockfile(SortedMap<String, String> latest) {
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
    }

    /** The lockfile's text, apps sorted by label. */
    public String render() {
        var sb = new StringBuilder(HEADER).append('\n');
        latest.forEach((app, name) -> sb.append(app).append(": ").append(name).append('\n'));
        return sb.toString();
    }

    /** Parses a lockfile's text; {@code fileName} is used in messages. */
    public static Lockfile parse(String text, String fileName) {
        var map = new TreeMap<String, String>();
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int colon = l.indexOf(':');
            if (colon <= 0 || l.substring(colon + 1).isBlank()) {
                throw new KeelException(ErrorKind.USAGE, fileName + ":" + lineNo + ": expected `app: migration`, found `" + l + "`."
                        + "\nTo fix: run `keel makemigrations`, which rewrites the lockfile from the migration files.");
            }
            map.put(l.substring(0, colon).strip(), l.substring(colon + 1).strip());
        }
        return new Lockfile(map);
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

    /** Writes the lockfile to the project root. */
    public void write(Path projectDir) {
        try {
            Files.writeString(projectDir.resolve(FILE_NAME), render());
        } catch (IOException e) {
            throw new KeelException(ErrorKind.USAGE, projectDir.resolve(FILE_NAME) + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** This lockfile with {@code app}'s latest migration set. */
    public Lockfile with(String app, String migration) {
        var map = new TreeMap<>(latest);
        map.put(app, migration);
        return new Lockfile(map);
    }
}
