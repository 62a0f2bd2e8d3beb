package dev.keel.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of content, in hex: what the cache's keys are made of. */
public final class ContentHash {
    private ContentHash() {}

    /** The hash of {@code bytes}. */
    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** The hash of {@code text} in UTF-8. */
    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A hash that grows line by line: each part is followed by a newline, so parts cannot run together. */
    public static final class Builder {
        private final MessageDigest digest = digest();

        /** Adds one part. */
        public Builder add(String part) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            return this;
        }

        /** The hash of the parts added. */
        public String hash() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    /** A hash to build from parts, starting with {@code first}. */
    public static Builder start(String first) {
        return new Builder().add(first);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
