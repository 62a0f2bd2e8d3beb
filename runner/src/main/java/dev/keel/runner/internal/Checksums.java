package dev.keel.runner.internal;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum recorded with an applied migration: SHA-256 of its source file's text, normalised so
 * that line endings, a byte-order mark, trailing spaces and trailing blank lines do not count.
 */
public final class Checksums {
    private Checksums() {}

    /** The text as the checksum sees it. */
    public static String normalise(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        t = t.replace("\r\n", "\n").replace('\r', '\n');
        t = t.replaceAll("(?m)[ \\t]+$", "");
        return t.replaceAll("\\n+$", "");
    }

    /** The checksum of a text. */
    public static String of(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalise(text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The checksum of a migration: of its source file when {@code origin} names a file, otherwise of
     * its definition (migrations built in code).
     */
    public static String of(MigrationSpec spec) {
        Path file = file(spec);
        if (file == null) {
            return of("definition " + spec.key() + " atomic=" + spec.atomic() + " post=" + spec.postDeployment()
                    + " deps=" + spec.dependencies() + " replaces=" + spec.replaces() + " ops=" + spec.operations());
        }
        try {
            return of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KeelException(ErrorKind.UNREADABLE_SOURCE, file + ": cannot read the migration file: " + e
                    + "\nTo fix: check that it is readable UTF-8.", e);
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
}
