package dev.keel.runner.internal;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.RunJava;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The checksum recorded with an applied migration: a checksum of what the migration does. It is
 * SHA-256 of its definition ({@link DefinitionText}: dependencies, replaces, flags, every operation
 * with all its values) and of the code of its {@code RunJava} methods
 * ({@link dev.keel.runner.internal.code.CodeText}), written {@code v2:} and 64 hexadecimal digits. A
 * migration read from its source and from its compiled class gives the same checksum; an edit of a
 * comment or of formatting leaves it as it was; any edit that changes what the migration does changes it.
 *
 * <p>keel before this checksum recorded SHA-256 of the migration's source file text, normalised so that
 * line endings, a byte-order mark, trailing spaces and trailing blank lines did not count
 * ({@link #ofText}, 64 hexadecimal digits without a prefix). Such a record still matches the current
 * file when the file's text is unchanged ({@link #legacy}), and {@code migrate} then records the new checksum.
 */
public final class Checksums {
    /** How a checksum of what a migration does starts; a checksum without it is of a file's text. */
    public static final String PREFIX = "v2:";

    private Checksums() {}

    /**
     * The checksum of {@code spec}, whose {@code RunJava} methods' code is {@code code} (empty when it has
     * none, or when its code is not known: a migration built in code).
     */
    public static String of(MigrationSpec spec, String code) {
        return PREFIX + sha256("keel migration\n" + DefinitionText.of(spec) + "code\n" + code);
    }

    /** Whether {@code recorded} is a checksum of a file's text, as keel recorded before {@link #PREFIX}. */
    public static boolean isFileChecksum(String recorded) {
        return !recorded.startsWith(PREFIX);
    }

    /** The text as the file checksum sees it. */
    public static String normalise(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        t = t.replace("\r\n", "\n").replace('\r', '\n');
        t = t.replaceAll("(?m)[ \\t]+$", "");
        return t.replaceAll("\\n+$", "");
    }

    /** The file checksum of a text: what keel recorded before {@link #PREFIX}. */
    public static String ofText(String text) {
        return sha256(normalise(text));
    }

    /**
     * The file checksum of the migration's source file as it is now, or null when it was not read from a
     * file (a compiled class, or built in code).
     *
     * @throws KeelException of kind UNREADABLE_SOURCE when the file cannot be read
     */
    public static String legacy(MigrationSpec spec) {
        Path file = file(spec);
        if (file == null) {
            return null;
        }
        try {
            return ofText(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KeelException(ErrorKind.UNREADABLE_SOURCE, file + ": cannot read the migration file: " + e
                    + "\nTo fix: check that it is readable UTF-8.", e);
        }
    }

    /** The names of the methods the migration's {@code RunJava} operations call, wherever they are nested, sorted. */
    public static List<String> runJavaMethods(MigrationSpec spec) {
        var methods = new TreeSet<String>();
        collect(spec.operations(), methods);
        return List.copyOf(methods);
    }

    private static void collect(Object value, TreeSet<String> methods) {
        if (value instanceof RunJava java) {
            methods.add(java.forward());
            if (java.reverse() != null) {
                methods.add(java.reverse());
            }
        } else if (value instanceof Collection<?> c) {
            c.forEach(v -> collect(v, methods));
        } else if (value instanceof Map<?, ?> m) {
            m.values().forEach(v -> collect(v, methods));
        } else if (value instanceof dev.keel.operations.Operation && value.getClass().isRecord()) {
            for (RecordParts.Part component : RecordParts.of(value.getClass())) {
                collect(component.of(value), methods);
            }
        }
    }

    /** The source file of a migration, or null when it was not read from a file. */
    public static Path file(MigrationSpec spec) {
        if (spec.origin() == null || !spec.origin().endsWith(".java")) {
            return null;
        }
        try {
            Path p = Path.of(spec.origin());
            return Files.isRegularFile(p) ? p : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
