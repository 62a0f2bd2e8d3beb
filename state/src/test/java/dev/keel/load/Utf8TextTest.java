package dev.keel.load;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link ProjectMigrations#utf8} against the strict UTF-8 decoder it stands for: the same text, or refused alike. */
class Utf8TextTest {
    @Test
    void givesTheStrictDecodersTextOrRefusesAsItDoes() {
        var random = new Random(19);
        String[] pieces = {"a", "é", "€", "😀", "\uFFFD", "\n", "x\"y", "\u0000"};
        for (int n = 0; n < 20000; n++) {
            byte[] bytes;
            if (n % 2 == 0) {
                var sb = new StringBuilder();
                for (int i = random.nextInt(12); i > 0; i--) {
                    sb.append(pieces[random.nextInt(pieces.length)]);
                }
                bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
                if (n % 4 == 0 && bytes.length > 0) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256); // often malformed
                }
            } else {
                bytes = new byte[random.nextInt(10)];
                random.nextBytes(bytes);
            }
            String strict;
            try {
                strict = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                byte[] refused = bytes;
                assertThrows(CharacterCodingException.class, () -> ProjectMigrations.utf8(refused));
                continue;
            }
            try {
                assertEquals(strict, ProjectMigrations.utf8(bytes));
            } catch (CharacterCodingException e) {
                throw new AssertionError("refused well-formed UTF-8", e);
            }
        }
    }
}
