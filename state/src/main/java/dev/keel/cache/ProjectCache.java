package dev.keel.cache;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import dev.keel.config.KeelConfig;
import dev.keel.config.KeelFolder;
import dev.keel.operations.Operation;
import dev.keel.project.StateSnapshot;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * keel's cache of work that only depends on files: {@code .keel/cache/NAME.json}, each document stored
 * under a key that the caller derives from the content of the files it read ({@link ContentHash}) and
 * from this cache's {@link #salt()} (the cache format, the build of keel that wrote it, and the
 * project's configuration). A document is used only when its key is the key asked for; a document
 * that cannot be read, of an older format or written by another build of keel, is ignored (and
 * overwritten by the next write). Writing never fails a command: a cache that cannot be written is
 * simply not there next time.
 */
public final class ProjectCache {
    /** The cache's folder under {@code .keel}. */
    public static final String FOLDER = "cache";
    /** The version of the documents' layout; a change makes every older document unreadable. */
    static final int FORMAT = 3;

    /** No cache: nothing is read, nothing is written. */
    public static final ProjectCache NONE = new ProjectCache(null, "");

    /**
     * The mapper of the documents, made on first use: the check that passes from its record reads no document
     * ({@link FileHashes} and the record of passed checks are plain lines), and Jackson's start with keel's
     * records and operations is tens of milliseconds of that check otherwise.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = mapper();
        static final JavaType OPERATIONS = MAPPER.getTypeFactory().constructCollectionType(List.class, Operation.class);
        /** One writer for every list of operations: a writer made per call looks its serializer up again each time. */
        static final com.fasterxml.jackson.databind.ObjectWriter OPERATIONS_WRITER = MAPPER.writerFor(OPERATIONS);
    }

    private final Path dir;
    private final String salt;

    ProjectCache(Path dir, String salt) {
        this.dir = dir;
        this.salt = salt;
    }

    /**
     * The cache of the project in {@code projectDir} with {@code config}, written by the build of keel
     * that holds {@code code} (give a class of each keel module whose output is cached).
     */
    public static ProjectCache of(Path projectDir, KeelConfig config, Class<?>... code) {
        var salt = new StringBuilder("format ").append(FORMAT).append('\n').append(config).append('\n');
        Stream.concat(Stream.of(ProjectCache.class, Operation.class), Arrays.stream(code)).distinct()
                .forEach(c -> salt.append(build(c)).append('\n'));
        return new ProjectCache(projectDir.resolve(KeelFolder.NAME).resolve(FOLDER), ContentHash.of(salt.toString()));
    }

    /** What the documents' keys start from: the format, keel's build and the configuration, hashed. */
    public String salt() {
        return salt;
    }

    /** This cache's folder and salt: what tells two caches apart. */
    public String id() {
        return dir + "\n" + salt;
    }

    /** The content hashes of the files this cache's users read, vouched for by their metadata ({@link FileHashes}); for {@link #NONE}, a fresh one that keeps nothing. */
    public FileHashes fileHashes() {
        return dir == null ? new FileHashes(this) : FileHashes.of(this);
    }

    /** Whether this cache reads and writes anything (false for {@link #NONE}). */
    public boolean enabled() {
        return dir != null;
    }

    /** The document {@code name} if it is stored under {@code key}; empty when absent, stale or unreadable. */
    public <T> Optional<T> read(String name, String key, Class<T> type) {
        if (dir == null) {
            return Optional.empty();
        }
        Path file = file(name);
        try (InputStream in = Files.newInputStream(file)) {
            JavaType stored = Json.MAPPER.getTypeFactory().constructParametricType(Stored.class, type);
            Stored<T> document = Json.MAPPER.readValue(in, stored);
            return document != null && document.format() == FORMAT && key.equals(document.key())
                    ? Optional.ofNullable(document.value()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            // absent, corrupt, or from another keel: rebuilt by the caller, overwritten by its write
            return Optional.empty();
        }
    }

    /** Stores {@code value} as document {@code name} under {@code key}, replacing what was there. */
    public void write(String name, String key, Object value) {
        if (dir == null) {
            return;
        }
        Path temp = null;
        try {
            KeelFolder.create(dir.getParent().getParent(), FOLDER);
            temp = Files.createTempFile(dir, name, ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                Json.MAPPER.writeValue(out, new Stored<>(FORMAT, key, value));
            }
            try {
                Files.move(temp, file(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written is only slower next time
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        }
    }

    /**
     * The side file {@code name} (raw bytes kept beside the documents, e.g. what a document points into), if it
     * is there; empty when absent or unreadable. A document that points into a side file records the file's
     * length and checksum, and the reader checks them: the two are written one after the other.
     */
    public Optional<byte[]> readSide(String name) {
        if (dir == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(dir.resolve(name)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether any of the files {@code names} (side files, or compact documents with their {@code .bin}) is in the cache
     * folder now: when none is, a reader of them would find nothing, whatever its key.
     */
    public boolean holdsAny(String... names) {
        if (dir == null) {
            return false;
        }
        for (String name : names) {
            if (Files.exists(dir.resolve(name))) {
                return true;
            }
        }
        return false;
    }

    /** Stores the side file {@code name}, replacing it whole (a reader sees the old or the new one); false when it cannot. */
    public boolean writeSide(String name, byte[] bytes) {
        if (dir == null) {
            return false;
        }
        Path temp = null;
        try {
            KeelFolder.create(dir.getParent().getParent(), FOLDER);
            temp = Files.createTempFile(dir, name, ".tmp");
            Files.write(temp, bytes);
            try {
                Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
            return false;
        }
    }

    /**
     * Writes {@code bytes} into the side file {@code name} at {@code position}, which ends after them: for a side file
     * that grows at its end (what is before {@code position} is not touched). False when it cannot (no such file, or a
     * file shorter than {@code position}); a reader checks what documents say of the side file as ever.
     */
    public boolean writeSideAt(String name, long position, byte[] bytes) {
        if (dir == null) {
            return false;
        }
        try (var channel = java.nio.channels.FileChannel.open(dir.resolve(name), java.nio.file.StandardOpenOption.WRITE)) {
            if (channel.size() < position) {
                return false;
            }
            var buffer = java.nio.ByteBuffer.wrap(bytes);
            long at = position;
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
            channel.truncate(position + bytes.length);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Removes the compact document {@code name} ({@link #writeCompact}), if it is there. */
    public void deleteCompact(String name) {
        if (dir == null) {
            return;
        }
        try {
            Files.deleteIfExists(compactFile(name));
        } catch (IOException | RuntimeException ignored) {
            // a document left is checked against what it follows when read
        }
    }

    Path file(String name) {
        return dir.resolve(name + ".json");
    }

    /** The file of the compact document {@code name}. */
    Path compactFile(String name) {
        return dir.resolve(name + ".bin");
    }

    private static final String COMPACT = "keel cache document";

    /**
     * The compact document {@code name} ({@link #writeCompact}) if it is stored under {@code key}, read by {@code read};
     * empty when absent, stale, unreadable, cut short or damaged (its checksum is checked before anything is read,
     * and {@code read} must take every byte).
     */
    public <T> Optional<T> readCompact(String name, String key, Function<Compact.Reader, T> read) {
        if (dir == null) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(compactFile(name));
            var header = new DataInputStream(new ByteArrayInputStream(bytes));
            if (!COMPACT.equals(header.readUTF()) || header.readInt() != FORMAT || !key.equals(header.readUTF())) {
                return Optional.empty();
            }
            int length = header.readInt();
            long checksum = header.readLong();
            int from = bytes.length - header.available();
            if (length != bytes.length - from || checksum(bytes, from, length) != checksum) {
                return Optional.empty();
            }
            var reader = new Compact.Reader(bytes, from, bytes.length);
            T value = read.apply(reader);
            return reader.atEnd() ? Optional.ofNullable(value) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            // absent, corrupt, or from another keel: rebuilt by the caller, overwritten by its write
            return Optional.empty();
        }
    }

    /**
     * Stores what {@code write} writes ({@link Compact}) as the compact document {@code name} under {@code key},
     * replacing what was there: for documents read on every check that misses, where a JSON parse costs too much.
     * A header holds the key, the length and a CRC-32C of the rest.
     */
    public void writeCompact(String name, String key, Consumer<Compact.Writer> write) {
        if (dir == null) {
            return;
        }
        byte[] payload;
        try {
            var writer = new Compact.Writer();
            write.accept(writer);
            payload = writer.bytes();
        } catch (RuntimeException e) {
            return; // keel's bug (a value the document cannot hold): nothing is kept, nothing fails
        }
        var bytes = new ByteArrayOutputStream(payload.length + 200);
        try (var header = new DataOutputStream(bytes)) {
            header.writeUTF(COMPACT);
            header.writeInt(FORMAT);
            header.writeUTF(key);
            header.writeInt(payload.length);
            header.writeLong(checksum(payload, 0, payload.length));
            header.write(payload);
        } catch (IOException e) {
            return;
        }
        if (writeSide(name + ".bin", bytes.toByteArray())) {
            try {
                Files.deleteIfExists(file(name)); // the JSON document of an earlier keel
            } catch (IOException | RuntimeException ignored) {
                // only space
            }
        }
    }

    /** The CRC-32C of {@code bytes[from, from + length)}. */
    public static long checksum(byte[] bytes, int from, int length) {
        var crc = new java.util.zip.CRC32C();
        crc.update(bytes, from, length);
        return crc.getValue();
    }

    /** A stored document: the format it was written in, its key and its value. */
    record Stored<T>(int format, String key, T value) {}

    /**
     * Which build of keel a class comes from: its jar's path, size and time, or for a folder of classes
     * (a build in progress) the folder and the newest time of the files in it.
     */
    static String build(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return c.getName() + " (no code source)";
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    long newest = files.mapToLong(f -> f.toFile().lastModified()).max().orElse(0);
                    return location + " " + newest;
                }
            }
            return location + " " + Files.size(location) + " " + Files.getLastModifiedTime(location).toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return source.getLocation() + " (unreadable)";
        }
    }

    /** Keel's records as JSON: the snapshot mapping, and operations tagged by their type's simple name. */
    private static ObjectMapper mapper() {
        ObjectMapper mapper = StateSnapshot.mapper().addMixIn(Operation.class, OperationMixIn.class);
        for (Class<?> op : Operation.class.getPermittedSubclasses()) {
            mapper.registerSubtypes(new NamedType(op, op.getSimpleName()));
        }
        return mapper;
    }

    /** Operations as JSON text, each tagged with its type. */
    public static String encode(List<Operation> operations) {
        try {
            return Json.OPERATIONS_WRITER.writeValueAsString(operations);
        } catch (IOException e) {
            throw new IllegalStateException("keel bug: operations could not be written as JSON: " + operations, e);
        }
    }

    /**
     * The operations {@link #encode} wrote.
     *
     * @throws IllegalStateException when the text is not such a list (a damaged cache file)
     */
    public static List<Operation> decode(String json) {
        try {
            return Json.MAPPER.readValue(json, Json.OPERATIONS);
        } catch (IOException | RuntimeException e) {
            throw damaged(e);
        }
    }

    /** What reading a damaged part of the cache throws: where the cache is and what to do. */
    static IllegalStateException damaged(Exception e) {
        return new IllegalStateException("keel's cache in " + KeelFolder.NAME + "/" + FOLDER + " is damaged (" + e.getMessage()
                + ").\nTo fix: delete the folder " + KeelFolder.NAME + "/" + FOLDER + "; keel rebuilds it.", e);
    }

    /** The mapper documents are written with (for tests). */
    static ObjectMapper json() {
        return Json.MAPPER;
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
    @JsonSubTypes({})
    private interface OperationMixIn {}
}
