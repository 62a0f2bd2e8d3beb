package dev.keel.cli;

import dev.keel.cache.ProjectCache;
import dev.keel.config.KeelConfig;
import dev.keel.runner.FirstSent;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Optional;

/**
 * The first migration the last {@code keel migrate} sent while it planned the rest ({@link FirstSent}), kept in the
 * project's cache ({@code .keel/cache/first-migration.bin}) for the next run onto a database in the same state, which
 * sends it as soon as it is connected ({@link dev.keel.runner.Migrator.Session#sendAhead}). It is read only when it
 * was written by this build of keel with this configuration for this database, and its migration's source file has the
 * size and time of last change it had then; the run checks the rest (the history, the statements: exactly the plan's
 * first migration) and rolls back what does not match.
 */
final class FirstSentStore {
    /** The side file in the cache folder. */
    static final String FILE = "first-migration.bin";
    /** The layout of the file; another one is not read. */
    private static final int FORMAT = 1;

    private FirstSentStore() {}

    /**
     * The cache of the project in {@code dir} whose keel.json is {@code configFile} (null: the folder's), as the file is
     * written and read: salted with the configuration as read from the file, whatever the command line adds to it.
     */
    static ProjectCache cache(Path dir, Path configFile) {
        return cacheWith(dir, ProjectMixin.readConfig(dir, configFile));
    }

    /** {@link #cache(Path, Path)} with the configuration already read from its file ({@link ProjectMixin#readConfig}). */
    static ProjectCache cacheWith(Path dir, KeelConfig asRead) {
        return Caches.of(dir, asRead);
    }

    /** What {@code cache} ({@link #cache}) keeps for database {@code databaseName}, if it is still for it; empty otherwise. */
    static Optional<FirstSent> read(ProjectCache cache, String databaseName) {
        Optional<byte[]> bytes = cache.readSide(FILE);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try (var in = new DataInputStream(new ByteArrayInputStream(bytes.get()))) {
            if (in.readInt() != FORMAT || !in.readUTF().equals(key(cache, databaseName))) {
                return Optional.empty();
            }
            String originStamp = in.readUTF();
            String history = in.readUTF();
            String app = in.readUTF();
            String name = in.readUTF();
            String origin = in.readBoolean() ? in.readUTF() : null;
            Duration lockTimeout = duration(in.readLong());
            Duration statementTimeout = duration(in.readLong());
            int n = in.readInt();
            if (n < 0 || n > 1_000_000) {
                return Optional.empty();
            }
            var statements = new ArrayList<String>(n);
            for (int i = 0; i < n; i++) {
                byte[] text = new byte[in.readInt()];
                in.readFully(text);
                statements.add(new String(text, StandardCharsets.UTF_8));
            }
            if (in.read() != -1 || !originStamp.equals(stampOf(origin))) { // null when unreadable now
                return Optional.empty(); // trailing bytes, or the migration's file changed since
            }
            return Optional.of(new FirstSent(history, app, name, origin, lockTimeout, statementTimeout, statements));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // damaged, or of another layout: the next run writes it again
        }
    }

    /** Keeps {@code sent} in {@code cache} ({@link #cache}) for database {@code databaseName}; nothing when it keeps that already. */
    static void write(ProjectCache cache, String databaseName, FirstSent sent) {
        if (!cache.enabled()) {
            return;
        }
        String originStamp = stampOf(sent.origin());
        if (originStamp == null) {
            return;
        }
        try {
            var bytes = new ByteArrayOutputStream();
            try (var out = new DataOutputStream(bytes)) {
                out.writeInt(FORMAT);
                out.writeUTF(key(cache, databaseName));
                out.writeUTF(originStamp);
                out.writeUTF(sent.history());
                out.writeUTF(sent.app());
                out.writeUTF(sent.name());
                out.writeBoolean(sent.origin() != null);
                if (sent.origin() != null) {
                    out.writeUTF(sent.origin());
                }
                out.writeLong(millis(sent.lockTimeout()));
                out.writeLong(millis(sent.statementTimeout()));
                out.writeInt(sent.statements().size());
                for (String s : sent.statements()) {
                    byte[] text = s.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(text.length);
                    out.write(text);
                }
            }
            byte[] now = bytes.toByteArray();
            if (!cache.readSide(FILE).map(kept -> Arrays.equals(kept, now)).orElse(false)) {
                cache.writeSide(FILE, now);
            }
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written is only slower next time
        }
    }

    /** What the file is for: this build of keel with this configuration (the cache's salt), and the database. */
    private static String key(ProjectCache cache, String databaseName) {
        return cache.salt() + "\n" + databaseName;
    }

    /**
     * The migration's source file as it is now, by its size and time of last change; "" for none, null when it cannot
     * be read. Not its content: a file changed without either changing is only a stale guess, which the run finds
     * and rolls back; reading and hashing it would be on the way to the first send.
     */
    private static String stampOf(String origin) {
        if (origin == null) {
            return "";
        }
        try {
            var attributes = Files.readAttributes(Path.of(origin), java.nio.file.attribute.BasicFileAttributes.class);
            return attributes.size() + " " + attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long millis(Duration d) {
        return d == null ? -1 : d.toMillis();
    }

    private static Duration duration(long millis) {
        return millis < 0 ? null : Duration.ofMillis(millis);
    }
}
