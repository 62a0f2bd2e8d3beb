package dev.keel.cache;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The bytes of keel's compact cache documents ({@link ProjectCache#writeCompact}): numbers as variable-length
 * integers, each distinct string once (later occurrences as its number), lists as their size and items. What reads a
 * document reads exactly what wrote it, field by field (no names, no reflection: in a fresh JVM a JSON parse of the
 * 1000 tables of a large project's state costs about a tenth of a second, and reflection generates a class per
 * constructor and accessor it calls).
 */
public final class Compact {
    private Compact() {}

    /** Writes values one after the other into a growing buffer. */
    public static final class Writer {
        private byte[] buf;
        private int n;
        private final Map<String, Integer> strings = new HashMap<>();

        /** A writer of a document (its buffer starts at 64 KB). */
        public Writer() {
            this(1 << 16);
        }

        /** A writer whose buffer starts at {@code initial} bytes (it grows as needed). */
        Writer(int initial) {
            buf = new byte[Math.max(16, initial)];
        }

        private void put(int b) {
            if (n == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            buf[n++] = (byte) b;
        }

        /** A number of 0 or more. */
        public void count(long v) {
            while ((v & ~0x7FL) != 0) {
                put((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            put((int) v);
        }

        public void number(long v) {
            count((v << 1) ^ (v >> 63));
        }

        public void bool(boolean b) {
            put(b ? 1 : 0);
        }

        /** A string or null: 0 null, 1 a new string (its UTF-8 length and bytes), k >= 2 the (k - 2)th new one. */
        public void string(String s) {
            if (s == null) {
                count(0);
                return;
            }
            Integer known = strings.get(s);
            if (known != null) {
                count(known + 2L);
                return;
            }
            strings.put(s, strings.size());
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            count(1);
            count(bytes.length);
            if (n + bytes.length > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + bytes.length));
            }
            System.arraycopy(bytes, 0, buf, n, bytes.length);
            n += bytes.length;
        }

        /** A list or null, each item by {@code item}. */
        public <T> void list(Collection<T> items, BiConsumer<Writer, T> item) {
            if (items == null) {
                count(0);
                return;
            }
            count(items.size() + 1L);
            for (T t : items) {
                item.accept(this, t);
            }
        }

        public void strings(Collection<String> items) {
            list(items, Writer::string);
        }

        /** Whether a value follows (then it is written by the caller). */
        public boolean present(Object value) {
            bool(value != null);
            return value != null;
        }

        /** What was written. */
        public byte[] bytes() {
            return Arrays.copyOf(buf, n);
        }
    }

    /**
     * Reads what a {@link Writer} wrote, in the same order. Bytes that are not such values give an
     * {@link IllegalArgumentException} (or {@link IndexOutOfBoundsException}); the cache checks a checksum first.
     */
    public static final class Reader {
        private final byte[] buf;
        private int at;
        private final int end;
        private final List<String> strings = new ArrayList<>();

        Reader(byte[] buf, int from, int to) {
            this.buf = buf;
            this.at = from;
            this.end = to;
        }

        private int get() {
            if (at >= end) {
                throw new IllegalArgumentException("the document ends early");
            }
            return buf[at++] & 0xFF;
        }

        public long count() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = get();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("a number too long");
        }

        public long number() {
            long v = count();
            return (v >>> 1) ^ -(v & 1);
        }

        public int integer() {
            return Math.toIntExact(number());
        }

        public boolean bool() {
            int b = get();
            if (b > 1) {
                throw new IllegalArgumentException("not a boolean: " + b);
            }
            return b == 1;
        }

        public String string() {
            long k = count();
            if (k == 0) {
                return null;
            }
            if (k >= 2) {
                return strings.get(Math.toIntExact(k - 2));
            }
            long length = count();
            if (length > end - at) {
                throw new IllegalArgumentException("a string of " + length + " bytes in " + (end - at));
            }
            String s = new String(buf, at, (int) length, StandardCharsets.UTF_8);
            at += (int) length;
            strings.add(s);
            return s;
        }

        /** A list or null (as Jackson gives a JSON array: an {@link ArrayList}). */
        public <T> List<T> list(Function<Reader, T> item) {
            long size = count();
            if (size == 0) {
                return null;
            }
            if (size - 1 > end - at) {
                throw new IllegalArgumentException("a list of " + (size - 1) + " items in " + (end - at) + " bytes");
            }
            var items = new ArrayList<T>((int) (size - 1));
            for (long i = 1; i < size; i++) {
                items.add(item.apply(this));
            }
            return items;
        }

        public List<String> strings() {
            return list(Reader::string);
        }

        /** Whether a value follows (what {@link Writer#present} said). */
        public boolean present() {
            return bool();
        }

        /** Whether every byte was read. */
        boolean atEnd() {
            return at == end;
        }
    }
}
