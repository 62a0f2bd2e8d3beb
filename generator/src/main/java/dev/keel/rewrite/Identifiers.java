package dev.keel.rewrite;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Names keel makes for constraints and indexes, always within PostgreSQL's 63 bytes. */
public final class Identifiers {
    /** PostgreSQL's NAMEDATALEN - 1. */
    public static final int MAX_BYTES = 63;
    /** The longest suffix that still leaves room for a recognisable start of the base name. */
    static final int MAX_SUFFIX_BYTES = 32;

    private Identifiers() {}

    /**
     * {@code base + "_" + suffix}, or, when that is longer than 63 bytes, the base cut short with an
     * 8-character hash of the whole name, so different long names stay different and the same input
     * always gives the same name.
     */
    public static String make(String base, String suffix) {
        if (suffix.getBytes(StandardCharsets.UTF_8).length > MAX_SUFFIX_BYTES) {
            throw new IllegalArgumentException("identifier suffix longer than " + MAX_SUFFIX_BYTES + " bytes: " + suffix);
        }
        String full = base + "_" + suffix;
        if (full.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return full;
        }
        String hash = hash(full);
        int room = MAX_BYTES - suffix.getBytes(StandardCharsets.UTF_8).length - hash.length() - 2;
        String cut = base;
        while (cut.getBytes(StandardCharsets.UTF_8).length > room) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "_" + hash + "_" + suffix;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
