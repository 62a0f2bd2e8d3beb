package dev.keel.runner.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ChecksumsTest {
    @Test
    void lineEndingsTrailingSpacesAndABomDoNotCount() {
        String text = "class M {\n    int x;\n}\n";
        assertEquals(Checksums.ofText(text), Checksums.ofText("\uFEFFclass M {\r\n    int x;   \r\n}\r\n\r\n"));
        assertEquals(64, Checksums.ofText(text).length());
    }

    @Test
    void anyOtherChangeCounts() {
        assertNotEquals(Checksums.ofText("class M { int x; }"), Checksums.ofText("class M { int y; }"));
        assertNotEquals(Checksums.ofText("a\nb"), Checksums.ofText("a\n\nb"));
        assertNotEquals(Checksums.ofText("  a"), Checksums.ofText("a"));
    }
}
