package dev.keel.cache;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The content hash the cache's keys are made of: the same content, the same hash; another content, another. */
class ContentHashTest {
    @Test
    void isTheTwoCrcsAndTheLengthInHex() {
        // the check values of CRC-32C and CRC-32 ("123456789"), then the length, 9
        assertEquals("e3069283" + "cbf43926" + "0000000000000009", ContentHash.of("123456789"));
        assertEquals("00000000" + "00000000" + "0000000000000000", ContentHash.of(""));
        assertEquals(ContentHash.of("caf\u00e9"), ContentHash.of("caf\u00e9".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aBuilderHashesItsPartsEachFollowedByANewLine() {
        assertEquals(ContentHash.of("a\nbc\n"), ContentHash.start("a").add("bc").hash());
        assertNotEquals(ContentHash.start("ab").add("c").hash(), ContentHash.start("a").add("bc").hash());
        assertEquals(ContentHash.of("\n"), new ContentHash.Builder().add("").hash());
    }

    @Test
    void everyOneByteEditOfASourceFileHashesApart() {
        byte[] text = ("package com.example;\n\n@Entity\npublic class Order {\n    @Id Long id;\n"
                + "    @Column(length = 40) String name;\n}\n").getBytes(StandardCharsets.UTF_8);
        var seen = new HashSet<String>();
        seen.add(ContentHash.of(text));
        for (int i = 0; i < text.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] edited = text.clone();
                edited[i] ^= (byte) (1 << bit);
                assertTrue(seen.add(ContentHash.of(edited)), "byte " + i + " bit " + bit);
            }
            byte[] swapped = text.clone();
            if (i + 1 < text.length && text[i] != text[i + 1]) {
                swapped[i] = text[i + 1];
                swapped[i + 1] = text[i];
                assertTrue(seen.add(ContentHash.of(swapped)), "bytes " + i + " and " + (i + 1) + " swapped");
            }
        }
    }

    @Test
    void theRepositorysFilesAndRandomEditsHashApart() throws IOException {
        var byHash = new HashMap<String, String>();
        var random = new Random(19);
        try (Stream<Path> files = Files.walk(Path.of(".."))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/target/"))::iterator) {
                String text = Files.readString(f);
                assertSame(byHash, text, f.toString());
                if (text.length() > 2) {
                    int at = random.nextInt(text.length() - 1);
                    assertSame(byHash, text.substring(0, at) + text.charAt(at + 1) + text.charAt(at) + text.substring(at + 2), f + " edited");
                }
            }
        }
        assertTrue(byHash.size() > 1000, "files read: " + byHash.size());
    }

    /** Records {@code text} under its hash; fails when another text has that hash. */
    private static void assertSame(Map<String, String> byHash, String text, String what) {
        String before = byHash.putIfAbsent(ContentHash.of(text), text);
        if (before != null && !before.equals(text)) {
            assertNull(before, what + " has the hash of another text");
        }
    }
}
