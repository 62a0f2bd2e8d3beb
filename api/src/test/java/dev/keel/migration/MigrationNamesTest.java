package dev.keel.migration;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The naming rule checked by hand is the rule's pattern. */
class MigrationNamesTest {
    private static boolean byPattern(String name) {
        return MigrationNames.NAME.matcher(name).matches();
    }

    @Test
    void isValidNameAnswersAsThePattern() {
        for (String name : List.of("0001_initial", "0004_remove_post_legacy_flag", "12345_x", "0001_", "001_a", "0001a",
                "0001__", "0001_a-b", "0001_a\n", "0001_\u00e9", "\u0663\u0663\u0663\u0663_a", "0001_a b", "", "_", "0001",
                "M0001_initial", "0001_A_9", "0001_a.java")) {
            assertEquals(byPattern(name), MigrationNames.isValidName(name), name);
        }
        // random names over an alphabet of what matters: digits (ASCII and others), underscores, letters, others
        String alphabet = "0123456789_aZ_9-. \n\u00e9\u0663";
        var random = new Random(19);
        for (int i = 0; i < 200_000; i++) {
            var name = new StringBuilder();
            int digits = random.nextInt(7);
            for (int d = 0; d < digits; d++) {
                name.append((char) ('0' + random.nextInt(10)));
            }
            for (int c = random.nextInt(6); c > 0; c--) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertEquals(byPattern(name.toString()), MigrationNames.isValidName(name.toString()), name.toString());
        }
        assertFalse(MigrationNames.isValidName(null));
        assertTrue(MigrationNames.isMigrationClassName("M0001_initial"));
        assertFalse(MigrationNames.isMigrationClassName("0001_initial"));
    }
}
