package dev.keel.runner.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ChecksumsTest {
    @Test
    void lineEndingsTrailingSpacesAndABomDoNotCount() {
        String text = "class M {\n    int x;\n}\n";
        assertEquals(Checksums.of(text), Checksums.of("\uFEFFclass M {\r\n    int x;   \r\n}\r\n\r\n"));
        assertEquals(64, Checksums.of(text).length());
    }

    @Test
    void anyOtherChangeCounts() {
        assertNotEquals(Checksums.of("class M { int x; }"), Checksums.of("class M { int y; }"));
        assertNotEquals(Checksums.of("a\nb"), Checksums.of("a\n\nb"));
        assertNotEquals(Checksums.of("  a"), Checksums.of("a"));
    }
}
