package dev.keel.bench.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scenarios' headers as the load test reads them, and the SQL each version of the code writes. */
class ScenarioTest {
    private static final Path SCENARIOS = Path.of("scenarios");

    @Test
    void everyChangeOfOrderTxtLoads() throws Exception {
        List<Scenario> all = Scenario.loadAll(SCENARIOS, List.of());
        assertTrue(all.stream().anyMatch(s -> s.name().equals("rename-column")));
        assertTrue(all.stream().anyMatch(s -> s.name().equals("int-to-bigint")));
    }

    @Test
    void columnRenameWritesTheNewColumnAndTheOldOne() throws Exception {
        Scenario s = Scenario.load(SCENARIOS.resolve("rename-column"));
        assertEquals(Map.of("priority", "urgency"), s.newCodeColumns());
        assertEquals(new Scenario.EqualityCheck("urgency", "priority"), s.equalityCheck());
        assertTrue(s.contract());
        assertEquals(SCENARIOS.resolve("rename-column").resolve("Before.java"), s.before());

        WriteLoad.Code old = s.oldCode();
        assertEquals("INSERT INTO ticket (title, amount, priority, status, email, owner_id, legacy_code, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", old.insertSql());
        assertEquals("UPDATE ticket SET amount = amount + 1, status = ?, legacy_code = ?, priority = ? WHERE id = ?", old.updateSql());
        WriteLoad.Code now = s.newCode();
        assertEquals("INSERT INTO ticket (title, amount, urgency, status, email, owner_id, legacy_code, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", now.insertSql());
        assertEquals("UPDATE ticket SET amount = amount + 1, status = ?, legacy_code = ?, urgency = ? WHERE id = ?", now.updateSql());
    }

    @Test
    void typeChangeBindsALongAndComparesTheConvertedOldColumn() throws Exception {
        Scenario s = Scenario.load(SCENARIOS.resolve("int-to-bigint"));
        assertEquals(Set.of("amount"), s.newCode().bigint());
        assertEquals(Set.of(), s.oldCode().bigint());
        assertEquals(s.oldCode().insertSql(), s.newCode().insertSql());
        assertEquals(new Scenario.EqualityCheck("amount", "amount_keel_old::bigint"), s.equalityCheck());
        assertNull(s.before());
    }

    @Test
    void aChangeThatTouchesNothingTheWritersWriteHasNoNewCode() throws Exception {
        Scenario s = Scenario.load(SCENARIOS.resolve("index"));
        assertNull(s.newCode());
        assertNull(s.equalityCheck());
        assertEquals("UPDATE ticket SET amount = amount + 1, status = ?, legacy_code = ? WHERE id = ?", s.oldCode().updateSql());
    }

    @Test
    void aCheckNeedsBothSides(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("naive.sql"), """
                -- change: x
                -- naive: y
                -- backfilled-column: urgency
                ALTER TABLE ticket RENAME COLUMN priority TO urgency;
                """);
        var e = assertThrows(IllegalArgumentException.class, () -> Scenario.load(dir));
        assertTrue(e.getMessage().contains("'-- backfilled-column:' and '-- equals:' go together"), e.getMessage());
    }
}
