package dev.keel.cache;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The hash of content that the cache's keys are made of: its CRC-32C and CRC-32 and its length, in hex (32
 * digits). Not a cryptographic hash: it tells apart the contents of a project's files and of keel's own keys,
 * which no one forges, and two different contents of the same length get the same hash only when their
 * difference is a multiple of both CRC polynomials (a chance of 2^-64 for unrelated contents; never for an
 * edit confined to 32 consecutive bits). Why not SHA-256: keel runs on the client compiler, which does not
 * use the processor's SHA instructions, and a cold check hashed its 6000 files, some twice, and 1000 outlines
 * at about 140 MB/s (interpreted at first): a sixth of its worker threads' time. Both CRCs are the JDK's
 * intrinsics (CRC-32 natively, CRC-32C also in the interpreter): the same files in a few milliseconds.
 */
public final class ContentHash {
    private ContentHash() {}

    /** The hash of {@code bytes}. */
    public static String of(byte[] bytes) {
        var c = new CRC32C();
        c.update(bytes);
        var d = new CRC32();
        d.update(bytes);
        return hex(c.getValue(), d.getValue(), bytes.length);
    }

    /** The hash of {@code text} in UTF-8. */
    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A hash that grows line by line: each part is followed by a newline, so parts cannot run together. */
    public static final class Builder {
        private final CRC32C c = new CRC32C();
        private final CRC32 d = new CRC32();
        private long length;

        /** Adds one part. */
        public Builder add(String part) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            c.update(bytes);
            c.update('\n');
            d.update(bytes);
            d.update('\n');
            length += bytes.length + 1L;
            return this;
        }

        /** The hash of the parts added. */
        public String hash() {
            return hex(c.getValue(), d.getValue(), length);
        }
    }

    /** A hash to build from parts, starting with {@code first}. */
    public static Builder start(String first) {
        return new Builder().add(first);
    }

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    /** The two CRCs (8 digits each) and the length (16 digits). */
    private static String hex(long crc32c, long crc32, long length) {
        char[] out = new char[32];
        for (int i = 7; i >= 0; i--) {
            out[i] = DIGITS[(int) (crc32c & 15)];
            crc32c >>>= 4;
            out[8 + i] = DIGITS[(int) (crc32 & 15)];
            crc32 >>>= 4;
        }
        for (int i = 31; i >= 16; i--) {
            out[i] = DIGITS[(int) (length & 15)];
            length >>>= 4;
        }
        return new String(out);
    }
}
