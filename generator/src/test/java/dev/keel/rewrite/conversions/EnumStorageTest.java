package dev.keel.rewrite.conversions;

import dev.keel.state.CheckConstraint;
import dev.keel.state.Constraint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The mapping between an enum's ordinals and names, read from the check constraints of both storages. */
class EnumStorageTest {
    static final Constraint ORDINALS = new CheckConstraint("ticket_status_check", "status between 0 and 2", true);
    static final Constraint NAMES = new CheckConstraint("ticket_status_check", "status in ('NEW','ACTIVE','CLOSED')", false);

    @Test
    void ordinalsToNamesAndBack() {
        assertEquals(Optional.of("CASE status WHEN 0 THEN 'NEW' WHEN 1 THEN 'ACTIVE' WHEN 2 THEN 'CLOSED' END"),
                EnumStorage.conversion("status", "smallint", "varchar(255)", List.of(ORDINALS, NAMES)));
        assertEquals(Optional.of("CASE status WHEN 'NEW' THEN 0 WHEN 'ACTIVE' THEN 1 WHEN 'CLOSED' THEN 2 END"),
                EnumStorage.conversion("status", "varchar(255)", "smallint", List.of(NAMES, ORDINALS)));
        // the names alone are enough (the old check may be gone already); integer and text spellings
        assertEquals(Optional.of("CASE status WHEN 0 THEN 'NEW' WHEN 1 THEN 'ACTIVE' WHEN 2 THEN 'CLOSED' END"),
                EnumStorage.conversion("status", "integer", "text", List.of(NAMES)));
    }

    @Test
    void quotedNamesAndOddSpacing() {
        var names = new CheckConstraint("c", "(\"Kind\" IN ( 'it''s' , 'B' ))", true);
        assertEquals(Optional.of("CASE \"Kind\" WHEN 0 THEN 'it''s' WHEN 1 THEN 'B' END"),
                EnumStorage.conversion("Kind", "smallint", "varchar(20)", List.of(names)));
    }

    @Test
    void noMappingWhenItIsNotAnEnumOrTheConstantsDisagree() {
        // another column's check, a count that does not match (constants added in the same change), other types
        assertEquals(Optional.empty(), EnumStorage.conversion("kind", "smallint", "varchar(255)", List.of(ORDINALS, NAMES)));
        assertEquals(Optional.empty(), EnumStorage.conversion("status", "smallint", "varchar(255)",
                List.of(new CheckConstraint("c", "status between 0 and 3", true), NAMES)));
        assertEquals(Optional.empty(), EnumStorage.conversion("status", "smallint", "bigint", List.of(ORDINALS, NAMES)));
        assertEquals(Optional.empty(), EnumStorage.conversion("status", "smallint", "varchar(255)", List.of(ORDINALS)));
        assertEquals(Optional.empty(), EnumStorage.conversion("status", "smallint", "varchar(255)",
                List.of(new CheckConstraint("c", "status in ('A', upper(status))", true))));
    }
}
