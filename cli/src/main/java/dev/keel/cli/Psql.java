package dev.keel.cli;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds PostgreSQL's {@code psql}: the program {@code --psql} names, else {@code psql} on the {@code PATH},
 * else the newest {@code /usr/lib/postgresql/VERSION/bin/psql} (where Debian's packages put it).
 */
final class Psql {
    /** Where Debian and Ubuntu install each PostgreSQL version's programs. */
    static final Path DEBIAN_VERSIONS = Path.of("/usr/lib/postgresql");

    private Psql() {}

    /**
     * The psql to run.
     *
     * @param given    what {@code --psql} names (a path, or a name looked up on the PATH), or null
     * @param pathEnv  the {@code PATH} to look {@code psql} up on
     * @param versions the folder of per-version installations ({@link #DEBIAN_VERSIONS})
     * @throws KeelException of kind MISSING_PROGRAM when there is none, saying how to install it
     */
    static Path find(String given, String pathEnv, Path versions) {
        if (given != null) {
            Path p = Path.of(given);
            if (p.getNameCount() == 1 && !given.contains(File.separator)) {
                return onPath(given, pathEnv).orElseThrow(() -> missing("--psql " + given + ": no program " + given
                        + " on the PATH."));
            }
            if (!Files.isExecutable(p) || Files.isDirectory(p)) {
                throw missing("--psql " + given + ": no such program (or it is not executable).");
            }
            return p;
        }
        return onPath("psql", pathEnv).or(() -> newestVersion(versions)).orElseThrow(() -> missing(
                "keel dbshell runs PostgreSQL's psql, and there is none on the PATH"
                        + (versions == null ? "" : " nor in " + versions + "/*/bin") + "."));
    }

    private static Optional<Path> onPath(String name, String pathEnv) {
        if (pathEnv == null) {
            return Optional.empty();
        }
        for (String dir : pathEnv.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> newestVersion(Path versions) {
        if (versions == null || !Files.isDirectory(versions)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(versions)) {
            List<Path> found = dirs.map(d -> d.resolve("bin/psql")).filter(Files::isExecutable).toList();
            return found.stream().max(Comparator.comparing(Psql::version));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The version folder's number ({@code 15} of {@code /usr/lib/postgresql/15/bin/psql}), 0 when not one. */
    private static int version(Path psql) {
        try {
            return Integer.parseInt(psql.getParent().getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static KeelException missing(String what) {
        return new KeelException(ErrorKind.MISSING_PROGRAM, what + "\nTo fix: install PostgreSQL's client programs"
                + " (Debian, Ubuntu: sudo apt-get install postgresql-client; Fedora, RHEL: sudo dnf install postgresql;"
                + " macOS: brew install libpq, then add its bin folder to the PATH), or give the program with"
                + " keel dbshell --psql /path/to/psql.");
    }
}
