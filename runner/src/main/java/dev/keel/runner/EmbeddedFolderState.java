package dev.keel.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Why the embedded PostgreSQL's data folder ({@code .keel/pg}) cannot be used, read from the folder
 * itself, so that the error names the real cause and its one fix rather than every possible one.
 */
public final class EmbeddedFolderState {
    private EmbeddedFolderState() {}

    /** The kinds of cause the folder can show. */
    public enum Kind {
        /** Files, but no database: PostgreSQL refuses to create one there. */
        NOT_A_DATABASE,
        /** A running server owns the folder. */
        IN_USE,
        /** The lock file of a server that is gone. */
        STALE_LOCK
    }

    /** A cause and what to do about it. */
    public record Cause(Kind kind, String what, String fix) {}

    /**
     * The cause of a failed start that the folder shows, if it shows one: a folder that holds files
     * but no database (initdb refuses a folder that is not empty), a server of another keel command
     * still running on it, or the lock file of a server that is gone.
     */
    public static Optional<Cause> diagnose(Path data) {
        if (!Files.isDirectory(data)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(data.resolve("PG_VERSION"))) {
            if (isEmpty(data)) {
                return Optional.empty();
            }
            return Optional.of(new Cause(Kind.NOT_A_DATABASE, data + " is not empty but holds no PostgreSQL database (no PG_VERSION):"
                    + " an earlier first start was interrupted, or the folder was copied or checked in without its"
                    + " database files, and PostgreSQL will not create a database in a folder that is not empty",
                    "remove the folder " + data + " (it holds only keel's embedded database, which keel creates again)"
                    + " and run the command again"));
        }
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        Optional<Long> pid = pid(pidFile);
        if (pid.isPresent() && ProcessHandle.of(pid.get()).map(ProcessHandle::isAlive).orElse(false)) {
            return Optional.of(new Cause(Kind.IN_USE, "the embedded PostgreSQL in " + data + " is in use by another process (pid "
                    + pid.get() + "), most likely another keel command running in this project",
                    "wait for that command to finish, then run this one again"));
        }
        return Optional.of(new Cause(Kind.STALE_LOCK, data + "/postmaster.pid names a server that is no longer running"
                + pid.map(p -> " (pid " + p + ")").orElse("") + ": a keel command was killed while the database ran",
                "remove " + pidFile + " and run the command again (the data is kept)"));
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Long> pid(Path pidFile) {
        try (Stream<String> lines = Files.lines(pidFile)) {
            return lines.findFirst().map(String::trim).filter(s -> s.matches("\\d+")).map(Long::parseLong);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
